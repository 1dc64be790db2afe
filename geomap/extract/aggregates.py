"""Claims about many places at once: "85 per cent of Afghanistan", "250 of 398 districts"."""

from __future__ import annotations

import re
from datetime import date

from geomap.records import AggregateClaim

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_FRACTIONS = {
    "a third": 1 / 3,
    "one-third": 1 / 3,
    "one third": 1 / 3,
    "half": 0.5,
    "two-thirds": 2 / 3,
    "two thirds": 2 / 3,
    "a quarter": 0.25,
    "three-quarters": 0.75,
    "three quarters": 0.75,
    "most": None,
}
_NUM = r"\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r"|dozens"
_FRACTION = "|".join(re.escape(f) for f in _FRACTIONS)
PATTERNS = (
    (
        "share",
        re.compile(
            r"(?P<share>\d+(?:\.\d+)?)\s*(?:per\s*cent|percent|%)\s+of\s+"
            r"(?:the\s+)?(?:territory\s+of\s+|the\s+)?(?P<unit>Afghanistan|country|"
            r"territory|its\s+territory)",
            re.IGNORECASE,
        ),
    ),
    (
        "count",
        re.compile(
            rf"(?P<count>{_NUM})\s+(?:out\s+)?of\s+(?:Afghanistan['’]?s?\s+|the\s+"
            r"country['’]?s\s+|its\s+)?(?:nearly\s+|about\s+|some\s+)?"
            r"(?P<total>\d[\d,]*)\s+(?P<unit>districts)",
            re.IGNORECASE,
        ),
    ),
    (
        "fraction",
        re.compile(
            rf"(?P<fraction>{_FRACTION})\s+of\s+(?:the\s+country['’]?s\s+|"
            r"Afghanistan['’]?s?\s+|the\s+)?(?:nearly\s+|about\s+|some\s+)?"
            r"(?:(?P<total>\d[\d,]*)\s+)?(?P<unit>districts|border\s+with\s+\w+|"
            r"(?:Afghan\s+)?border\s+with\s+\w+|country|territory|Afghanistan)",
            re.IGNORECASE,
        ),
    ),
    (
        "region",
        re.compile(
            rf"(?P<count>{_NUM})\s+(?P<unit>districts)\s+(?:in|of)\s+(?:the\s+)?"
            r"(?P<region>[A-Z][\w-]+(?:\s+(?:and|&)\s+[A-Z][\w-]+)?)",
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
_AMOUNT = re.compile(rf"\d|\b(?:{_NUM}|{_FRACTION}|thirds?|quarters?)\b", re.IGNORECASE)
_UNIT = re.compile(r"district|countr|territor|afghanistan|border", re.IGNORECASE)


def may_count(sentence: str) -> bool:
    """A fast test: could this sentence hold an aggregate claim at all?"""
    return bool(_UNIT.search(sentence) and _AMOUNT.search(sentence))


def _number(text: str | None) -> int | None:
    if not text:
        return None
    text = text.lower().replace(",", "")
    return int(text) if text.isdigit() else _NUMBER_WORDS.get(text)


def aggregates_in_sentence(
    sentence: str, offset: int, speaker: str, as_of: date | None, article_id: str
) -> list[AggregateClaim]:
    """Every aggregate claim in one sentence (each span reported once)."""
    if not _CONTROL.search(sentence):
        return []
    found: list[AggregateClaim] = []
    evidence = " ".join(sentence.split())
    used: list[tuple[int, int]] = []
    claimant = "taliban" if re.match(r"(?i)\W*the\s+taliban\b.{0,40}\bclaim", sentence) else speaker
    for _kind, pattern in PATTERNS:
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
            count, total = _number(groups.get("count")), _number(groups.get("total"))
            if share is None and count is not None and total:
                share = count / total
            found.append(
                AggregateClaim(
                    text=m.group(0),
                    claimed_by=claimant,
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
