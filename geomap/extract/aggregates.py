"""Claims about many places at once: "85 per cent of Afghanistan", "250 of 398 districts"."""

from __future__ import annotations

import functools
import re
from datetime import date

from geomap.extract.anchors import gated
from geomap.extract.numerals import NUMBER_WORDS, number
from geomap.records import AggregateClaim

_FRACTIONS = {
    "a third": 1 / 3,
    "one-third": 1 / 3,
    "one third": 1 / 3,
    "half": 0.5,
    "two-thirds": 2 / 3,
    "two thirds": 2 / 3,
    "a quarter": 0.25,
    "a fifth": 0.2,
    "one-fifth": 0.2,
    "one fifth": 0.2,
    "three-quarters": 0.75,
    "three quarters": 0.75,
    "most": None,
}
_NUM = r"\d[\d,]*|" + "|".join(NUMBER_WORDS) + r"|dozens"
_FRACTION = "|".join(re.escape(f) for f in _FRACTIONS)


@functools.cache
def patterns_for(country: str, demonym: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The aggregate patterns for one country ("85 per cent of Afghanistan", "18% of
    Ukraine's territory"), compiled once."""
    name, adjective = re.escape(country), re.escape(demonym)
    return (
        (
            "share",
            re.compile(
                r"(?P<share>\d+(?:\.\d+)?)\s*(?:per\s*cent|percent|%)\s+of\s+"
                rf"(?:the\s+)?(?:territory\s+of\s+|the\s+)?(?P<unit>{name}(?:['’]s\s+territory)?|country|"
                r"territory|its\s+territory)",
                re.IGNORECASE,
            ),
        ),
        (
            "count",
            re.compile(
                rf"(?P<count>{_NUM})\s+(?:out\s+)?of\s+(?:{name}['’]?s?\s+|the\s+"
                # "ten of Badakhshan's 28 districts": a province's own
                r"country['’]?s\s+|its\s+|(?P<region>(?-i:[A-Z][\w-]+))['’]s\s+)?"
                r"(?:nearly\s+|about\s+|some\s+)?"
                r"(?P<total>\d[\d,]*)\s+(?P<unit>districts)",
                re.IGNORECASE,
            ),
        ),
        (
            "fraction",
            re.compile(
                rf"(?P<fraction>{_FRACTION})\s+of\s+(?:the\s+country['’]?s\s+|"
                rf"{name}['’]?s?\s+|the\s+)?(?:nearly\s+|about\s+|some\s+)?"
                r"(?:(?P<total>\d[\d,]*)\s+)?(?P<unit>districts|border\s+with\s+\w+|"
                rf"(?:{adjective}\s+)?border\s+with\s+\w+|country|territory|{name})",
                re.IGNORECASE,
            ),
        ),
        (
            "region",
            re.compile(
                rf"(?P<count>{_NUM})\s+(?P<unit>districts)\s+(?:in|of)\s+(?:the\s+)?"
                # "in northeastern Badakhshan": the direction only describes the region
                r"(?:(?:[a-z-]+ern\s+|central\s+)?"
                r"(?P<region>(?-i:[A-Z][\w-]++)(?:\s+(?:and|&)\s+(?-i:[A-Z][\w-]++))?)"
                r"(?!\s+(?:hands|control)\b)"  # "districts in Taliban hands": whose, not where
                r"|(?-i:[a-z][\w-]*))",  # "17 districts of the province": no region named
                re.IGNORECASE,
            ),
        ),
        (
            "count",
            re.compile(
                rf"(?:captured|seized|taken|overrun|took|control\s+of)\s+(?:more\s+than\s+"
                rf"|over\s+|nearly\s+|about\s+|some\s+)?(?P<count>{_NUM})\s+"
                r"(?P<unit>districts)",
                re.IGNORECASE,
            ),
        ),
        (
            "count",
            re.compile(
                rf"(?P<count>{_NUM})\s+(?P<unit>districts)\s+(?:have\s+|had\s+)?"
                r"(?:fell|fallen|been\s+overrun)",
                re.IGNORECASE,
            ),
        ),
    )


_CONTROL = re.compile(
    r"\b(?:control|captur|seiz|took|taken|fell|fallen|overrun|hands|hold)", re.IGNORECASE
)


# Every pattern needs an amount and a unit; most sentences lack one of them.
_DIGIT = re.compile(r"\d")
_AMOUNT_WORD = gated(  # with _DIGIT: every amount _NUM and _FRACTION can spell
    rf"\b(?:{'|'.join(NUMBER_WORDS)}|dozens|{_FRACTION}|thirds?|quarters?)\b", re.IGNORECASE
)
_UNIT = re.compile(r"district|countr|territor|border", re.IGNORECASE)


def may_count(sentence: str, country: str) -> bool:
    """A fast test: could this sentence hold an aggregate claim at all?"""
    return bool(
        (_UNIT.search(sentence) or country in sentence)
        and (_DIGIT.search(sentence) or _AMOUNT_WORD.search(sentence))
    )


def aggregates_in_sentence(
    sentence: str,
    offset: int,
    speaker: str,
    as_of: date | None,
    article_id: str,
    country: tuple[str, str],
) -> list[AggregateClaim]:
    """Every aggregate claim in one sentence (each span reported once); ``country`` is the
    theatre's name and adjective."""
    if not _CONTROL.search(sentence):
        return []
    found: list[AggregateClaim] = []
    evidence = " ".join(sentence.split())
    used: list[tuple[int, int]] = []
    for _kind, pattern in patterns_for(*country):
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in used):
                continue
            used.append((m.start(), m.end()))
            groups = m.groupdict()
            fraction = groups.get("fraction")
            share = (
                float(groups["share"]) / 100
                if groups.get("share")
                else _FRACTIONS.get(fraction.lower())
                if fraction
                else None
            )
            count, total = number(groups.get("count")), number(groups.get("total"))
            if share is None and count is not None and total:
                share = count / total
            found.append(
                AggregateClaim(
                    text=m.group(0),
                    claimed_by=speaker,
                    as_of=as_of,
                    evidence=evidence,
                    start=offset + m.start(),
                    end=offset + m.end(),
                    article_id=article_id,
                    count=count,
                    total=total,
                    share=round(share, 3) if share is not None else None,
                    unit=" ".join((groups.get("unit") or "").lower().split()) or None,
                    region=groups.get("region"),
                )
            )
    return found
