"""Publication dates and the relative dates inside sentences ("Friday", "last month").

News says "the Taliban said Friday" meaning the Friday on or before publication; dateparser
would pick the one a week earlier, so weekdays and week/month phrases are resolved here and
explicit dates ("22 June", "July 9, 2021") go to dateparser with the article's date as base.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, timedelta
from typing import Any

from geomap.extract.anchors import gated
from geomap.extract.numerals import NUMBER_WORDS, number

MONTHS = (
    "january february march april may june july august september october november december"
).split()
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_AND_YEAR = r"(?:,?\s+\d{4})?"
# "22 June", "5th July 2021", "July 9, 2021": the day-and-month shapes news uses
_DAY_AND_MONTH = rf"{_DAY}\s+{_MONTH}{_AND_YEAR}|{_MONTH}\s+{_DAY}{_AND_YEAR}"
# … and the year-first ones: "2021-07-09", "2021/07/09"
# … and the numeric ones: "08/08/2021" (day or month first: see ``_numeric_date``)
EXPLICIT_DATE = re.compile(
    rf"\b(?:{_DAY_AND_MONTH}|\d{{4}}[-/]\d{{2}}[-/]\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})\b"
)
MONTH_ONLY = gated(  # "in July", "since June", "in mid-July", "late August 2021"
    rf"\b(?:(?:in|since|during|by|until|end of)\s+(?:(?:early|mid|late)[-\s]+)?"
    rf"|(?:early|mid|late)[-\s]+)({_MONTH})"
    r"(?:\s+(\d{4}))?\b",
    re.IGNORECASE,
)
# "the next day", "the day after", "two days later", "a week later": a step from a known day
DAYS_LATER = gated(
    r"\b(?:the\s+(?:next|following)\s+(?P<next>day|week)|the\s+(?P<after>day|week)\s+after"
    r"|(?P<count>an?|one|two|three|four|five|six|seven|\d+)\s+(?P<later>day|week)s?\s+later"
    # a step back: "the previous day", "the day before" (not "the day before X fell")
    r"|the\s+(?:previous|preceding)\s+(?P<before>day|week)"
    r"|the\s+(?P<earlier>day|week)\s+before(?=\s*[,.;]|\s*$))\b",
    re.IGNORECASE,
)


def days_later(m: re.Match[str]) -> timedelta:
    """The step a ``DAYS_LATER`` match (or a lag's: "a week after") names."""
    groups = m.groupdict()
    back = groups.get("before") or groups.get("earlier")
    unit = (
        groups.get("next") or groups.get("after") or groups.get("later") or back or m["unit"]
    ).lower()
    step = timedelta(days=(number(m.group("count")) or 1) * (7 if unit == "week" else 1))
    return -step if back else step


RELATIVE = gated(
    r"\b(?:(?:on|last|this|since|by|late|early)\s+)?(monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b|\b(today|tonight|yesterday|earlier this week|this week|last week|"
    r"last month|this month|last year|earlier this month|(?:this|last|at the|over the) weekend|"
    rf"(?:an?|\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s+(?:days?|weeks?|fortnights?|months?)\s+ago)\b",
    re.IGNORECASE,
)
_AGO = re.compile(r"(\w+)\s+(days?|weeks?|fortnights?|months?)\s+ago")
_PUBLISHED_LINE = re.compile(
    r"^\s*(?:published|date|dateline)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE
)


def parse_date(text: str, base: date | None = None) -> date | None:
    """Parse one explicit date expression; the year defaults to ``base``'s."""
    return _parse(text.strip(), base)


_DAY_MONTH = re.compile(_DAY_AND_MONTH, re.IGNORECASE)


def _plain_date(text: str, base: date | None) -> date | None:
    """ "22 June", "July 9, 2021": the shapes news uses, read without dateparser (which
    takes milliseconds a date); a missing year is the latest not after ``base`` (or today)."""
    if not _DAY_MONTH.fullmatch(text):
        return None
    day, *year = re.findall(r"\d+", text)  # the shape holds a day, perhaps then a year
    month_name = re.findall(r"[A-Za-z]{3,}", text)[0][:3].lower()  # not "th" of "5th"
    month = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(month_name))
    try:
        if year:
            return date(int(year[0]), month, int(day))
        base = base or date.today()
        found = date(base.year, month, int(day))
        return found if found <= base else date(base.year - 1, month, int(day))
    except ValueError:
        return None  # "31 June", "29 February" of a common year: dateparser decides


_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _numeric_date(text: str, base: date | None) -> date | None:
    """ "08/08/2021", "12/08/2021": day first (most of the world) or month first (the
    US); where both are dates, the one nearest ``base`` not after it."""
    numbers = _NUMERIC.fullmatch(text)
    if numbers is None:
        return None
    first, second, year = map(int, numbers.groups())
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    if base is not None:
        readings.sort(key=lambda d: (d > base, abs((base - d).days)))
    return readings[0] if readings else None


@functools.lru_cache(maxsize=4096)
def _parse(text: str, base: date | None) -> date | None:
    found = _plain_date(text, base) or _numeric_date(text, base)
    if found is not None:
        return found
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    if base:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    import dateparser  # a third of a second to import; only explicit dates need it

    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found else None


def published_from_text(text: str) -> date | None:
    """The article's own date: a ``Published:`` line or a dateline near the top."""
    head = text[:600]
    published = _PUBLISHED_LINE.search(head)
    if published:
        found = parse_date(published.group(1))
        if found:
            return found
    for line in head.split("\n")[:8]:
        match = EXPLICIT_DATE.search(line)
        # A dateline is a short line, or a line that starts with the date ("July 14 (UPI) —").
        if match and (len(line.split()) <= 12 or match.start() < 3):
            year = re.search(r"\d{4}", line)
            found = parse_date(
                match.group(0)
                + ("" if year is None or year.group(0) in match.group(0) else f" {year.group(0)}")
            )
            if found and (year or len(line.split()) <= 12):
                return found
    return None


def mentions_date(text: str) -> bool:
    """Whether ``text`` names a time of its own (a date, a month, "last week", "Monday")."""
    return bool(EXPLICIT_DATE.search(text) or MONTH_ONLY.search(text) or RELATIVE.search(text))


def resolve_in_sentence(
    sentence: str, published: date | None, year: int | None = None
) -> tuple[date | None, str]:
    """The date a sentence speaks of, and its precision (day, week, month, or unknown).

    Falls back to the publication date (the news is about "now") when the sentence has no
    date of its own; an undated article gives ``(None, "unknown")`` unless the sentence
    names a date, whose year then comes from ``year`` (the year the text is about).
    """
    base = published or (date(year, 12, 31) if year else None)
    explicit = EXPLICIT_DATE.search(sentence)
    if explicit and base is not None:
        found = parse_date(explicit.group(0), base)
        if found and not re.search(r"\d{4}", explicit.group(0)):
            found = found.replace(year=base.year)
            if (found - base).days > 180:
                found = found.replace(year=base.year - 1)  # "28 December" in January
        if found and found <= base + timedelta(days=1):
            return found, "day"
        # a later date is a plan or deadline ("will end on August 31"), not an event
    month = MONTH_ONLY.search(sentence)
    if month and explicit and month.start() < explicit.end() and explicit.start() < month.end():
        month = None  # "by August 31", a plan: its month is no date of the event either
    if month and not re.search(r"\bsince\b", sentence[: month.start()], re.IGNORECASE):
        index = next(i for i, m in enumerate(MONTHS) if m.startswith(month.group(1)[:3].lower()))
        if month.group(2):
            year = int(month.group(2))
        elif published is not None:
            year = published.year - (1 if index + 1 > published.month else 0)
        # else: the year the undated text is about, if known
        if year is not None:  # "in July", "early July": its first; "mid-July": its middle
            part = month.group(0)[: month.start(1) - month.start()].lower()
            day = 15 if "mid" in part else 21 if "late" in part else 1
            return date(year, index + 1, day), "month"
    if published is None:
        return None, "unknown"
    relative = RELATIVE.search(sentence)
    if not relative:
        return published, "day"
    weekday, phrase = relative.group(1), (relative.group(2) or "").lower()
    if weekday:
        back = (published.weekday() - WEEKDAYS.index(weekday.lower())) % 7
        return published - timedelta(days=back), "day"
    return _relative_phrase(phrase, published)


def _relative_phrase(phrase: str, published: date) -> tuple[date, str]:
    if phrase == "yesterday":
        return published - timedelta(days=1), "day"
    if phrase in ("today", "tonight"):
        return published, "day"
    if phrase.endswith("weekend"):  # the last Sunday (the day itself on a weekend)
        return published - timedelta(days=(published.weekday() + 1) % 7), "week"
    if phrase in ("this week", "earlier this week"):
        return published - timedelta(days=published.weekday() and 1), "week"
    if phrase == "last week":
        return published - timedelta(days=7), "week"
    if phrase in ("last month",):
        first = published.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), "month"
    if phrase in ("this month", "earlier this month"):
        return published.replace(day=1), "month"
    if phrase == "last year":
        return date(published.year - 1, 1, 1), "year"
    ago = _AGO.fullmatch(phrase)
    if ago and ago.group(2).startswith("month"):  # "a month ago": that month
        months = published.year * 12 + published.month - 1 - (number(ago.group(1)) or 0)
        return date(months // 12, months % 12 + 1, 1), "month"
    if ago:  # "two days ago", "a week ago"
        unit = ago.group(2)
        days = (number(ago.group(1)) or 0) * (
            7 if unit.startswith("week") else 14 if unit.startswith("fortnight") else 1
        )
        return published - timedelta(days=days), "day" if days < 7 else "week"
    return published, "day"
