"""Claims: who says which status holds at which place, and when.

Per sentence the grammar (``frames.py``, ``grammar.py``) reads events (action × agent ×
places); this module adds what the whole article knows: who says it (``speakers.py``), when
(``clause_dates.py``), denials by the other side, rejections and confirmations in the next
sentence, lists continued in a verbless sentence, and back-references to places named earlier.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from geomap.extract.aggregates import aggregates_in_sentence, may_count
from geomap.extract.anchors import gated
from geomap.extract.clause_dates import (
    DESCRIBING,
    SINCE,
    clause_date,
    foreground,
    member_date,
    respective_dates,
)
from geomap.extract.dates import DAYS_LATER, days_later, resolve_in_sentence
from geomap.extract.frames import frames_in_sentence, triggers_in
from geomap.extract.lexicon import Lexicon, load_lexicon
from geomap.extract.references import (
    ANAPHOR,
    EVENT_ANAPHOR,
    PLURAL_ANAPHOR,
    PRONOUN,
    THERE,
    references,
)
from geomap.extract.scope import clause_marks, negated_before
from geomap.extract.sentences import headline_end, is_navigation, sentences
from geomap.extract.site import Frame, TriggerMatch
from geomap.extract.speakers import (
    SPEECH,
    Quotations,
    classify_speaker,
    denier_of,
    people_named,
    quote_speaker,
    speaker_of,
)
from geomap.extract.themes import BE_FORMS, HAVE_FORMS
from geomap.records import (
    CONTESTED,
    REPORTER,
    THIRD_PARTY,
    AggregateClaim,
    Article,
    Claim,
    Place,
)

RULES_VERSION = 27  # bump when a rule changes: stored articles are then extracted again
CLAIMABLE_KINDS = frozenset(
    {"district", "province", "city", "village", "border-crossing", "base", "site"}
)
CONFIDENCE = {"named": 0.85, "reference": 0.7, "pronoun": 0.7, "list": 0.75}
_SAME_DAY = gated(r"\b(?:the|that)\s+same\s+day\b|\bthat\s+day\b", re.IGNORECASE)
OUTCOME_REACH = timedelta(days=7)  # a fight this long before an outcome in its sentence led to it
DENIAL_DISCOUNT = 0.7  # a denial's counter-claim, and a negated outcome, weigh less
# "Nine districts fell. They include A, B and C": a verbless list continues the last event.
_PLURAL_UNITS = gated(
    r"\b(?:districts|district\s+cent(?:re|er)s|towns|cities|provincial\s+capitals|areas)\b", re.I
)
_CONTINUES = gated(
    r"\b(?:they|these|those)\s+(?:include|includes|included|are|were)\b|\b(?:include|included|"
    r"including|namely|among\s+(?:them|those|these))\b|^[^.]{0,40}:",
    re.IGNORECASE,
)
_BRACKET = re.compile(r",[^,;]*,")
_SUBJECT_ENDS = re.compile(rf"\b(?:{BE_FORMS}|(?:{HAVE_FORMS})\s+been)\b", re.IGNORECASE)
_BULLET = re.compile(r"\s*[•*·–—-]\s+")  # "• Kahmard (Bamyan)": an item of a list announced before
# A speaker named by a pronoun: the last speaker a noun named ("…, the governor said. He
# added that X had fallen")
_HE_SAID = gated(
    r"\b(?:he|she)\s+(?:also\s+|further\s+|later\s+)?(?:said|says|added|adds|told|tells|"
    r"claimed|claims|stated|noted|insisted|confirmed|explained|warned)\b",
    re.IGNORECASE,
)
_RELATIVE_CLAUSE = re.compile(rf"{DESCRIBING.pattern}[^,;]*", re.IGNORECASE)  # to its comma
# A statement named before, its issuer not named again
_THE_STATEMENT = re.compile(
    r"\b(?:the|this|that)\s+statement\s+(?:said|says|added|claimed|read)\b"
    r"|\b(?:said|added|read)\s+the\s+statement\b"
    r"|\baccording\s+to\s+(?:the|this|that)\s+statement\b",
    re.IGNORECASE,
)
_A_STATEMENT = gated(r"\bin\s+a\s+(?:\w+\s+)?statement\b", re.IGNORECASE)
_CONTENT_FOLLOWS = re.compile(r"\s+(?:that|by|of|to|about)\b", re.IGNORECASE)


@dataclass
class _State:
    """What the sentences read so far leave for the next one."""

    last_date: tuple[date | None, str] = (None, "unknown")
    last_end: int = 0
    claims: tuple[Claim, ...] = ()  # the last sentence's claims ("X rejected the claim", "it")
    pending: tuple[str, str] | None = None  # (status, claimed_by) of a list still to come
    party: str | None = None  # the side that made the last claims ("the ministry" is its)
    quotes: Quotations = field(default_factory=Quotations)  # a quotation under way
    read: list[tuple[int, int]] = field(default_factory=list)  # the sentences so far


HISTORY_REACH = 80  # characters between an event and the year that dates it
RELATIVE_REACH = 300  # characters back in which a relative clause may hold the year
SPOKEN_REACH = 12  # sentences back in which "he said" finds the speaker a noun named


@functools.lru_cache(maxsize=16)
def evidence_text(sentence: str) -> str:
    """The sentence as quoted in a claim, white space collapsed (once per sentence)."""
    return " ".join(sentence.split())


@functools.lru_cache(maxsize=16)
def _hedged(sentence: str, lexicon: Lexicon) -> bool:
    return bool(lexicon.hedge.search(sentence))


def claims_from_article(
    article: Article, places: Sequence[Place], lexicon: Lexicon | None = None
) -> tuple[list[Claim], list[AggregateClaim]]:
    """Claims and aggregate claims in one article."""
    lexicon = lexicon or load_lexicon()
    text = article.text
    year = article.published.year if article.published else _year_hint(text)
    local = [p for p in places if p.country == lexicon.country and p.kind in CLAIMABLE_KINDS]
    starts = [p.start for p in local]
    bystanders: set[int] = set()
    claims: list[Claim] = []
    aggregates: list[AggregateClaim] = []
    state = _State()
    efforts: set[tuple[Any, ...]] = set()  # contested claims of an effort to retake
    denials: set[tuple[Any, ...]] = set()  # claims of an outcome that did not happen
    people = people_named(text, lexicon)  # "Mujahid said": the side of whom the text introduced
    body = headline_end(text)
    for start, end in sentences(text):
        if end <= body:
            continue  # the headline: its places count, its claims come from the body
        sentence = text[start:end]
        if is_navigation(sentence):
            continue  # "Related: Taliban take X": another story's headline
        quotation = state.quotes.read(sentence)
        state.read.append((start, end))
        inside = local[bisect_left(starts, start) : bisect_left(starts, end)]
        frames: list[Frame] = []
        refers = (
            ANAPHOR.search(sentence)
            or PLURAL_ANAPHOR.search(sentence)
            or (
                state.claims
                and (
                    EVENT_ANAPHOR.search(sentence)
                    or PRONOUN.search(sentence)
                    or THERE.search(sentence)  # "there are ongoing battles there"
                )
            )
        )
        if inside or refers:

            def resolve(
                lo: int, hi: int, aside: Collection[int] = (), seen: set[int] = bystanders
            ) -> list[Place]:
                return references(text, lo, hi, local, seen, aside)

            frames, chunks = frames_in_sentence(
                text, start, end, inside, lexicon, resolve, [c.place for c in state.claims]
            )
            # a landmark ("around Lysychansk") may still be what "the city" means later, not
            # where someone went ("fled towards Qaisar")
            bystanders |= (chunks.bystanders - chunks.references) | chunks.destinations
            frames = [
                f
                for f in frames
                if not _historical(
                    sentence, (f.start - start, f.end - start, f.action), year, lexicon
                )
            ]
            bullet = _BULLET.match(sentence)
            if (
                not frames
                and state.pending
                and chunks.candidates
                and (bullet or _CONTINUES.search(sentence))
            ):
                status, by = state.pending
                listed = Frame("list", status, start, start, chunks.candidates, "list")
                state.pending = state.pending if bullet else None  # the next item may follow
                made = _list_claims(article, sentence, start, end, listed, by)
                claims += made
                state.claims = tuple(made)
                continue
        counts = may_count(sentence, lexicon.country_name)
        answered = _named_if_any(_answer(sentence, state.claims, lexicon), frames)
        state.pending = _pending(sentence, frames, lexicon, people) or (
            state.pending if not inside else None
        )
        same_day = _SAME_DAY.search(sentence)
        # "The next day", "Two days later": counted from the last sentence's day
        next_day = DAYS_LATER.search(sentence) if state.last_date[1] == "day" else None
        if not frames and _A_STATEMENT.search(sentence):
            # "The ministry said in a statement …": whose statement "the statement" is later
            issuer = speaker_of(sentence, lexicon, people=people)
            state.party = issuer if issuer in lexicon.parties else state.party
        if not (frames or answered or counts or article.published is None or same_day):
            state.claims = ()
            continue  # nothing to date: skip the date work
        as_of, precision = resolve_in_sentence(
            foreground(SINCE.sub(" ", sentence), [f.start - start for f in frames]),
            article.published,
            year,
        )
        if same_day or (
            article.published is None
            and as_of is None
            and "\n\n" not in text[state.last_end : start]
        ):
            as_of, precision = (
                state.last_date
            )  # narrative order: "On the same day", the next sentence
        elif next_day and state.last_date[0] is not None:
            as_of, precision = state.last_date[0] + days_later(next_day), "day"
        state.last_date, state.last_end = (as_of, precision), end
        if counts:
            aggregates += aggregates_in_sentence(
                sentence,
                start,
                speaker_of(sentence, lexicon, people=people),
                as_of,
                article.id,
                (lexicon.country_name, lexicon.demonym),
            )
        claims += [
            replace(
                c, evidence=evidence_text(sentence), start=start, end=end, as_of=as_of or c.as_of
            )
            for c in answered
        ]
        made = []
        # who "he" is, when the sentence says "he said": the last speaker a noun named
        spoken = _spoken_before(text, state.read) if frames and _HE_SAID.search(sentence) else ""
        held = {p for f in frames if f.action == "hold" and f.status != CONTESTED for p in f.places}
        decided: set[Place] = set()  # the places an outcome before the frame decided
        events = sorted(f.start - start for f in frames)
        respective = respective_dates(sentence, article.published, year)
        for frame in frames:
            when = clause_date(
                sentence,
                (frame.start - start, events),
                (as_of, precision),
                article.published,
                year,
            )
            said = _claims(
                article,
                sentence,
                start,
                end,
                frame,
                lexicon,
                *when,
                state.party,
                people,
                (quotation, spoken),
            )
            paired = dict(zip(frame.places, respective, strict=False))
            if len(respective) != len(frame.places):
                paired = {}  # "A and B fell on Tuesday and Wednesday respectively": one each
            if frame.via == "named":  # (a place only referred to has no time of its own)
                said = [
                    _own_time(text, (start, end), c, (when, paired), article.published, year)
                    for c in said
                ]
            after_outcome = frame.action == "attempt" and not decided.isdisjoint(frame.places)
            if after_outcome or frame.goes_on or _beside(frame, held):
                # "withdrew, but efforts are under way to retake it"; "took it, but clashes
                # go on": the fight that follows the outcome is no step towards it (an
                # attempt before it is: "planned to capture X but were pushed back")
                efforts.update(_identity(c) for c in said if c.status == CONTESTED)
            if frame.status != CONTESTED:
                decided.update(frame.places)
            if frame.negated:  # "under siege but has not fallen": no outcome to beat the fight
                denials.update(_identity(c) for c in said)
            made += said
        state.claims = tuple(made)
        state.party = next(
            (c.claimed_by for c in reversed(made) if c.claimed_by in lexicon.parties), state.party
        )
        claims += made
    return _outcome_beats_process(claims, efforts, denials), aggregates


def _own_time(
    text: str,
    sentence: tuple[int, int],
    claim: Claim,
    event: tuple[tuple[date | None, str], Mapping[Place, tuple[date | None, str]]],
    published: date | None,
    year: int | None,
) -> Claim:
    """A claim on a list member dated by its own time ("…, and Aybak on 9 August"), or by
    the time paired with it (``event``: the frame's date, and the times "respectively"
    gives its places): only a place named in this sentence."""
    when, paired = event
    own = paired.get(claim.place) or member_date(text, claim.place.end, when, published, year)
    if own is None or not sentence[0] <= claim.place.start < sentence[1]:
        return claim
    return replace(claim, as_of=own[0], as_of_precision=own[1])


def _spoken_before(text: str, read: Sequence[tuple[int, int]]) -> str:
    """The last sentence before this one whose speaker a noun names (who "he said" is), a
    bounded look back."""
    for start, end in reversed(read[-SPOKEN_REACH:-1]):
        sentence = text[start:end]
        if SPEECH.search(sentence) and not _HE_SAID.search(sentence):
            return sentence
    return ""


def _beside(frame: Frame, held: Collection[Place]) -> bool:
    """ "X is under government control, although the Taliban hold large parts of it": a
    part held beside a hold of the whole (``held``: the places the sentence says a side
    holds) is a state of its own, not a step to an outcome."""
    return (
        frame.action == "hold"
        and frame.status == CONTESTED
        and any(p in held for p in frame.places)
    )


def _pending(
    sentence: str, frames: Sequence[Frame], lexicon: Lexicon, people: Mapping[str, str]
) -> tuple[str, str] | None:
    """An event about unnamed plural places ("nine districts fell") whose list may follow."""
    if frames or not _PLURAL_UNITS.search(sentence):
        return None
    for m in triggers_in(sentence, lexicon):
        action = lexicon.actions[m.trigger.action]
        if action["status"] == CONTESTED:
            return CONTESTED, speaker_of(sentence, lexicon, m.start, people)
        named = lexicon.party_of(sentence[m.end : m.end + 40])
        party = named if named in lexicon.parties else None
        party = party or (
            lexicon.attacker if action.get("default_agent") == "attacker" else lexicon.defender
        )
        status = lexicon.opponent(party) if action["status"] == "opponent" else party
        return status, speaker_of(sentence, lexicon, m.start, people)
    return None


def _list_claims(
    article: Article, sentence: str, start: int, end: int, frame: Frame, by: str
) -> list[Claim]:
    return [
        Claim(
            place=p,
            status=frame.status,
            claimed_by=by,
            as_of=article.published,
            evidence=evidence_text(sentence),
            start=start,
            end=end,
            confidence=CONFIDENCE["list"],
            article_id=article.id,
            as_of_precision="day" if article.published else "unknown",
        )
        for p in frame.places
    ]


def _answer(sentence: str, previous: Sequence[Claim], lexicon: Lexicon) -> list[Claim]:
    """ "The Taliban rejected the claim", "Officials confirmed the report": another speaker's
    view of the last sentence's claims, the opposite or the same."""
    if not previous:
        return []
    m = lexicon.rejection.search(sentence)
    confirmed = None if m else lexicon.endorsement.search(sentence)
    m = m or confirmed
    if m is None or negated_before(sentence[: m.start()], lexicon):
        return []  # "officials have not denied the claim"
    speaker = classify_speaker(sentence[: m.start()], lexicon) or REPORTER
    out = []
    for c in previous:
        if c.claimed_by == speaker or (c.status == CONTESTED and not confirmed):
            continue
        status, _by, value = (
            (c.status, speaker, c.confidence)
            if confirmed
            else _counter(c.status, speaker, c.confidence, lexicon)
        )
        out.append(replace(c, status=status, claimed_by=speaker, confidence=round(value, 2)))
    return out


def _named_if_any(answered: list[Claim], frames: Sequence[Frame]) -> list[Claim]:
    """ "The Taliban rejected the claim, saying they still held A": of the last sentence's
    places, the answer is about those it names again, if it names any."""
    named = {(p.name, p.district_pcode) for f in frames for p in f.places}
    about = [c for c in answered if (c.place.name, c.place.district_pcode) in named]
    return about or answered


def _denies_the_last(sentence: str, at: int, lexicon: Lexicon) -> bool:
    """ "rejected this," / "rejected the claim, saying …": the denial at ``at`` is of what
    came before (not "rejected claims that X fell", whose content follows it)."""
    m = lexicon.rejection.match(sentence, at)
    return m is not None and not _CONTENT_FOLLOWS.match(sentence, m.end())


def _event_between(sentence: str, after: int, denial: int, lexicon: Lexicon) -> bool:
    """Another trigger stands between a frame and the denial that follows it."""
    found = triggers_in(sentence, lexicon)  # in order: a bisection, not a scan
    i = bisect_left(found, after, key=_trigger_start)
    return i < len(found) and found[i].start < denial


def _trigger_start(m: TriggerMatch) -> int:
    return m.start


def _counter(
    status: str, denier: str, confidence: float, lexicon: Lexicon
) -> tuple[str, str, float]:
    """What a denial says: the opposite status, by the denier, with less weight.

    One rule for both forms: "…, a claim the ministry denied" (in the sentence) and "The
    Taliban rejected the claim" (the next sentence, about the last one's claims).
    """
    return lexicon.opponent(status), denier, confidence * DENIAL_DISCOUNT


def _historical(
    sentence: str, frame: tuple[int, int, str], year: int | None, lexicon: Lexicon
) -> bool:
    """ "The Taliban overran Kunduz in 2015": an event dated to an earlier year is history
    (``frame``: its span in the sentence and its action). A state and a relative clause keep
    their times apart: "X, which the army retook in 2016, is again in Taliban hands"."""
    at, to, action = frame
    if year is None:
        return False
    found = lexicon.history.finditer(sentence, max(0, at - HISTORY_REACH), to + HISTORY_REACH)
    near = (max(0, at - RELATIVE_REACH), to + HISTORY_REACH)  # a bounded look: linear
    relatives = (
        [b.span() for b in _RELATIVE_CLAUSE.finditer(sentence, *near)] if action == "hold" else []
    )
    return any(
        int(m.group(1)) < year and all((a <= m.start() < b) == (a <= at < b) for a, b in relatives)
        for m in found
    )


def _claims(
    article: Article,
    sentence: str,
    start: int,
    end: int,
    frame: Frame,
    lexicon: Lexicon,
    as_of: date | None,
    precision: str,
    last_party: str | None = None,
    people: Mapping[str, str] | None = None,
    before: tuple[Sequence[str], str] = ((), ""),
) -> list[Claim]:
    """The claims a frame makes; with a denial by another party, both sides' claims.

    ``last_party`` stands in for a speaker no word ties to a side ("the defence ministry
    announced") when the frame's agent is the speaker's side. ``before`` holds what came
    earlier: the ``quotation`` the sentence continues (its speaker speaks it when the sentence
    names no speaker itself) and the last sentence whose speaker a noun named (who "he said"
    is)."""
    quotation, spoken = before
    speaker = speaker_of(sentence, lexicon, frame.start - start, people)
    if speaker == REPORTER and quotation:
        speaker = quote_speaker(quotation, lexicon, people)
    if speaker == REPORTER and spoken:
        speaker = speaker_of(spoken, lexicon, people=people)  # "he said": the last one named
    if speaker == REPORTER and last_party and _THE_STATEMENT.search(sentence):
        speaker = last_party  # "…, the statement said": the statement of the side last heard
    status = frame.status
    if frame.agent_is_speaker and status != CONTESTED:
        # "under our control", said by a government spokesman; "we withdrew from X";
        # "Shoigu ordered the withdrawal from X": the side speaking or acting is the agent
        side = speaker
        if side not in lexicon.parties:
            # the subject before the verb, not a bracket ("X, seized by the Taliban, was retaken")
            at = frame.start - start
            opened = clause_marks(sentence)[1]  # the verb's own clause: "25 Taliban fighters
            lo = max((e for e in opened if e <= at), default=0)  # were killed, and X was cleared"
            subject = _BRACKET.sub(" ", sentence[lo:at])
            auxiliary = _SUBJECT_ENDS.search(subject)  # "X was cleared of insurgents and
            subject = subject[: auxiliary.start()] if auxiliary else subject  # liberated"
            side = classify_speaker(subject, lexicon) or side
        if side not in lexicon.parties and SPEECH.search(sentence) and last_party:
            side = speaker = last_party  # the same side's "ministry" as the last sentence's
        if side in lexicon.parties:
            status = lexicon.opponent(side) if frame.against_agent else side
    confidence = CONFIDENCE[frame.via]
    hedged = _hedged(sentence, lexicon)
    if hedged:
        confidence *= 0.8
    made = []
    if frame.negated:
        made.append((lexicon.opponent(status), speaker, confidence * DENIAL_DISCOUNT))
    elif (
        status != CONTESTED
        and (denial := denier_of(sentence, lexicon, people))
        # a side denies the other side's gains and its own losses, never its own hold: "X is
        # ours and the enemy's claims are baseless" denies something else
        and denial[0] != status
        # "The ministry rejected this, saying X held": that denial is of the last sentence,
        # and what follows is the denier's own word
        and not (denial[1] < frame.start - start and _denies_the_last(sentence, denial[1], lexicon))
        # "repelled attacks near X and took Y, a claim Kyiv denied": the later event's
        and not _event_between(sentence, frame.end - start, denial[1], lexicon)
        # "said X had been evacuated, but denied that Y had fallen": what follows is denied
        # (not "…, but Ukraine rejected the claim and said fighting went on": the claim)
        and not (
            denial[1] >= frame.end - start
            and not _denies_the_last(sentence, denial[1], lexicon)
            and _event_between(sentence, denial[1], len(sentence), lexicon)
        )
    ):
        denier, where = denial
        if denier != speaker and (
            where > frame.start - start or speaker in lexicon.parties or speaker == THIRD_PARTY
        ):
            # "…took Y, a claim the ministry denied"; "Russia denied a Ukrainian claim to …"
            made.append((status, speaker, confidence))
        made.append(_counter(status, denier, confidence, lexicon))
    else:
        made.append((status, speaker, confidence))
    return [
        Claim(
            place=place,
            status=claimed_status,
            claimed_by=by,
            as_of=as_of,
            evidence=evidence_text(sentence),
            start=start,
            end=end,
            confidence=round(value, 2),
            article_id=article.id,
            as_of_precision=precision if as_of else "unknown",
            hedged=hedged,
        )
        for place in frame.places
        for claimed_status, by, value in made
    ]


def _identity(claim: Claim) -> tuple[Any, ...]:
    return (
        claim.start,
        claim.place.name,
        claim.place.district_pcode,
        claim.place.province_pcode,
        claim.claimed_by,
    )


def _outcome_beats_process(
    claims: list[Claim],
    efforts: Collection[tuple[Any, ...]] = (),
    denials: Collection[tuple[Any, ...]] = (),
) -> list[Claim]:
    """In one sentence, "attacked and toppled X" reports the outcome: drop the contested claim
    (not an effort to take it back, which follows the outcome: ``efforts``; nor a fight
    after it: "fighting goes on in X, where the Taliban took the centre last month"). A fight
    the day before ("began on Sunday, and by Monday the Taliban had overrun X") led to it.
    An outcome denied (``denials``: "under siege but has not fallen") decides nothing."""
    decisive: dict[tuple[Any, ...], list[date | None]] = {}
    for c in claims:
        if c.status != CONTESTED and _identity(c) not in denials:
            decisive.setdefault(_identity(c), []).append(c.as_of)
    kept, seen = [], set()
    for c in claims:
        key = (*_identity(c), c.status, c.as_of)  # "A, which fell last week, remain …": both
        outcome = _identity(c) not in efforts and any(
            day == c.as_of or (day and c.as_of and c.as_of <= day <= c.as_of + OUTCOME_REACH)
            for day in decisive.get(_identity(c), ())
        )
        if (c.status == CONTESTED and outcome) or key in seen:
            continue
        seen.add(key)
        kept.append(c)
    return kept


def _year_hint(text: str) -> int | None:
    """The year an undated text is about: the most frequent plausible year in it."""
    years = [int(y) for y in re.findall(r"\b(19[89]\d|20[0-4]\d)\b", text)]
    return max(set(years), key=years.count) if years else None
