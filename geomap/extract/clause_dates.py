"""When each event of a sentence happened: its own clause's time, else the sentence's.

"X fell on Friday, while Y was captured on Saturday": each by its own words; "…, officials
said on Tuesday": every clause; "X was retaken, which fell last week": the relative clause
keeps its time to itself; "X, lost in July, was retaken on Monday": the bracket is
background.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, timedelta

from geomap.extract.anchors import gated
from geomap.extract.chunks import TIME_SAID
from geomap.extract.dates import DAYS_LATER, days_later, mentions_date, resolve_in_sentence
from geomap.extract.scope import clause_marks
from geomap.extract.speakers import SPEECH
from geomap.extract.themes import BACKGROUND

# "since May 1": when a span began, not when the event was reported
SINCE = gated(r"\bsince\s+(?:the\s+start\s+of\s+)?[^,;.]{0,40}", re.IGNORECASE)

# The openings of a clause whose event keeps its own time ("X was retaken, which fell last
# week"; "…, while Y fell on Friday"), unlike "…, and" or a participle, which share it.
_RELATIVE_OPENING = re.compile(r",\s*(?:which|who)\b")
# ", which …", ", where …": a relative clause that describes what it follows
DESCRIBING = re.compile(r",\s*(?:which|who|where)\b")
DESCRIBED_REACH = 300  # characters around an event in which a describing clause is looked for
# (", and the districts of Y were captured last week": a clause with a subject of its own)
_OWN_TIME = re.compile(r"\b(?:which|who|where|while|whereas|after|before|when|since)\b|;|, and\b")
# "X changed hands last month and is believed to remain under Taliban control": a second
# verb of one subject keeps its time apart from the first's
_CONJUNCTION = re.compile(r"\s(?:and|but|yet)\s", re.IGNORECASE)
# "Troops retook X on Saturday, a week after the insurgents overran it": the clause after
# the lag happened that long before the rest of the sentence (after "before": that long after)
LAG = re.compile(
    r"\b(?:(?P<count>an?|one|two|three|four|five|six|seven|\d+)\s+(?P<unit>day|week)s?"
    r"|(?P<some>day|week)s)\s+(?P<side>after|before)\b",  # "weeks after": a guess of two
    re.IGNORECASE,
)
LAG_REACH = 150  # characters from a lag's words to an event of the clause it opens


def clause_date(
    sentence: str,
    events: tuple[int, Sequence[int]],
    sentence_date: tuple[date | None, str],
    published: date | None,
    year: int | None,
) -> tuple[date | None, str]:
    """The date of the clause holding the event at ``events[0]`` (among all the sentence's
    events, ``events[1]``, in order): "X fell on Friday, while Y was captured on Saturday"
    dates each by its own words; a clause without one takes the sentence's (a closing "…,
    officials said on Tuesday" speaks for every clause) less the dates other events keep to
    their own clauses ("X was retaken, which fell last week, officials said on Sunday":
    Sunday)."""
    if published is None:
        return sentence_date
    at, every = events  # (in order: a bisection finds those near, and the cost stays linear)
    lag = _lag_before(sentence, at, every)
    if lag is not None:
        return _lagged_date(sentence, lag, sentence_date, published, year)
    every = every[
        bisect_left(every, at - DESCRIBED_REACH) : bisect_right(every, at + DESCRIBED_REACH)
    ]
    starts, ends = clause_marks(sentence)

    def clause(offset: int) -> tuple[int, int, str]:
        i = bisect_right(ends, offset)
        opening = sentence[starts[i - 1] : ends[i - 1]] if i else ""
        return (ends[i - 1] if i else 0, starts[i] if i < len(starts) else len(sentence), opening)

    lo, hi, opening = clause(at)
    if _RELATIVE_OPENING.search(opening) and (comma := sentence.find(",", lo, at)) >= 0:
        lo = comma  # "A and B, which fell last week, remain …": the relative clause closed
    # a series in one clause ("was captured on Monday, retaken on Wednesday"): a comma
    # between two events divides their times
    before = max((e for e in every if lo <= e < at), default=None)
    after = min((e for e in every if at < e < hi), default=None)
    if before is not None and (comma := sentence.rfind(",", before, at)) > 0:
        lo = comma
    if after is not None and (comma := sentence.rfind(",", at, after)) > 0:
        hi = comma
    earlier_verb = None
    if before is not None and (joins := list(_CONJUNCTION.finditer(sentence, before, at))):
        lo = earlier_verb = joins[-1].start()
    if after is not None and (joins_next := _CONJUNCTION.search(sentence, at, after)):
        hi = joins_next.start()
    own = foreground(SINCE.sub(" ", sentence[lo:hi]), [at - lo])
    later = DAYS_LATER.search(own)  # "X fell on 6 August; Y a day later": a step from X's day
    if later is not None and mentions_date(earlier := sentence[max(0, lo - LAG_REACH) : lo]):
        day, precision = resolve_in_sentence(earlier, published, year)
        if day is not None:
            return day + days_later(later), precision
    if mentions_date(own):
        return resolve_in_sentence(own, published, year)
    # the clauses of other events with their own times, and relative clauses near it that
    # only describe ("took X, where the governor had fled on Friday"): their dates are theirs
    near = ends[bisect_right(ends, at - DESCRIBED_REACH) : bisect_right(ends, at + DESCRIBED_REACH)]
    kept = {
        (a, b)
        for a, b, opening in [
            *map(clause, every),
            *(c for c in map(clause, near) if DESCRIBING.match(c[2])),
        ]
        if (a, b) != (lo, hi) and _OWN_TIME.search(opening) and mentions_date(sentence[a:b])
    }
    if before is not None and earlier_verb is not None:
        if mentions_date(sentence[before:earlier_verb]):  # (not "On 4 July, troops … and …")
            kept.add((before, earlier_verb))  # the time after the first verb is its own
    if not kept:
        return sentence_date
    pieces, last = [], 0
    for a, b in sorted(kept):
        said = SPEECH.search(sentence, a, b)  # "…, which fell last week, officials said on Sunday"
        comma = sentence.rfind(",", a, said.start()) if said else -1
        b = comma if comma > a else b
        pieces += [sentence[last:a], " " * (b - a)]
        last = b
    rest = "".join(pieces) + sentence[last:]
    return resolve_in_sentence(foreground(SINCE.sub(" ", rest), [at]), published, year)


def _lag_before(sentence: str, at: int, every: Sequence[int]) -> re.Match[str] | None:
    """The lag ("a week after") whose clause holds the event at ``at``: the last one before
    it, near, with no other event between."""
    lag = None
    for m in LAG.finditer(sentence, max(0, at - LAG_REACH), at):
        lag = m
    if lag is None or any(lag.end() <= e < at for e in every):
        return None
    return lag


def _lagged_date(
    sentence: str,
    lag: re.Match[str],
    sentence_date: tuple[date | None, str],
    published: date,
    year: int | None,
) -> tuple[date | None, str]:
    """An event's date in a lag's clause: its own time, else the time of what comes before
    the lag moved by it."""
    comma = sentence.find(",", lag.end())  # (not "…, the ministry said on Thursday")
    own = sentence[lag.end() : comma if comma >= 0 else len(sentence)]
    if mentions_date(own):
        return resolve_in_sentence(own, published, year)
    main = sentence[: lag.start()]
    day, precision = (
        resolve_in_sentence(main, published, year) if mentions_date(main) else sentence_date
    )
    if day is None:
        return day, precision
    if lag["some"]:
        step, precision = timedelta(days=14 if lag["some"].lower() == "week" else 2), "week"
    else:
        step = days_later(lag)
    return (day - step if lag["side"].lower() == "after" else day + step), precision


def foreground(sentence: str, events: Sequence[int]) -> str:
    """The sentence without its background brackets ("X, lost in July, was retaken on
    Monday": dated Monday), unless every event is inside one."""
    spans = [m.span() for m in BACKGROUND.finditer(sentence)]
    ends = [b for _a, b in spans]

    def inside(event: int) -> bool:
        i = bisect_right(ends, event)  # the first bracket that ends after the event
        return i < len(spans) and spans[i][0] <= event

    return sentence if not spans or all(map(inside, events)) else BACKGROUND.sub(" ", sentence)


# "Kunduz fell on 8 August, and Aybak on 9 August"; "… and Faizabad the day after": a
# member named with a time of its own right after it
_TIME_RIGHT_AFTER = re.compile(rf"(?:\s+(?:district|city|town|province))?({TIME_SAID})\b", re.I)


def member_date(
    text: str, end: int, event: tuple[date | None, str], published: date | None, year: int | None
) -> tuple[date | None, str] | None:
    """The date of a list member that ``end`` closes when its own time follows it, else
    None; "the day after" counts from the ``event``'s date."""
    time = _TIME_RIGHT_AFTER.match(text, end)
    if time is None or published is None:
        return None
    words = time.group(1)
    later = DAYS_LATER.search(words)
    if later is not None:
        day, precision = event
        if day is None or day + days_later(later) > published:
            return None  # (not after the article: the event's own day is the better guess)
        return day + days_later(later), precision
    return resolve_in_sentence(words, published, year) if mentions_date(words) else None


# "Burka and Dahana-i-Ghori fell on Tuesday and Wednesday respectively": one time each
_RESPECTIVE = re.compile(
    r"\b(?:on|in|during)\s+([^.;:()]{3,80}?),?\s+respectively\b", re.IGNORECASE
)
_TIMES_JOINED = re.compile(r",\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)


def respective_dates(
    sentence: str, published: date | None, year: int | None
) -> list[tuple[date | None, str]]:
    """The times of a "respectively" list in order, one per place of the list it pairs
    with (empty when the sentence has none, or a piece names no time)."""
    if "respectively" not in sentence or published is None:
        return []
    m = _RESPECTIVE.search(sentence)
    if m is None:
        return []
    pieces = _TIMES_JOINED.split(m.group(1))
    if len(pieces) < 2 or not all(mentions_date(piece) for piece in pieces):
        return []
    return [resolve_in_sentence(piece, published, year) for piece in pieces]
