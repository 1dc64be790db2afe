"""What the map says over time: counts per date, recent changes, national claims vs evidence.

These read the assessed statuses and the timeline (``control``); the map, the static charts
and the exports only draw or write what is computed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from geomap.records import (
    CONTESTED,
    NO_REPORTS,
    REPORTER,
    AggregateClaim,
)
from geomap.theatre import Theatre
from geomap.wording import counted

Steps = Sequence[tuple[date, Mapping[str, str]]]


def counts_by_date(
    steps: Steps, districts: Iterable[str], theatre: Theatre
) -> list[tuple[date, dict[str, int]]]:
    """Districts per status on each date of the timeline (provinces are not counted)."""
    wanted = set(districts)
    out = []
    for day, statuses in steps:
        counts = dict.fromkeys(theatre.counted, 0)
        for pcode, status in statuses.items():
            if pcode in wanted and status in counts:
                counts[status] += 1
        out.append((day, counts))
    return out


def status_on(steps: Steps, day: date) -> Mapping[str, str]:
    """Every unit's status on ``day`` (the last timeline step on or before it)."""
    found: Mapping[str, str] = {}
    for step_day, statuses in steps:
        if step_day > day:
            break
        found = statuses
    return found


@dataclass(frozen=True, slots=True)
class Change:
    """A district whose status on the map's date differs from ``days`` earlier."""

    pcode: str
    name: str
    province: str | None
    before: str
    after: str
    changed_on: date
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        """A flat row for ``changes.csv``."""
        return {
            "pcode": self.pcode,
            "name": self.name,
            "province": self.province,
            "before": self.before,
            "after": self.after,
            "changed_on": self.changed_on.isoformat(),
            "evidence": self.evidence,
        }


def recent_changes(
    described: Mapping[str, tuple[str, str | None, str]],
    steps: Steps,
    day: date | None,
    days: int,
) -> list[Change]:
    """Units whose status changed in the ``days`` before ``day``, with the sentence.

    ``described`` maps a unit's P-code to its name, province and latest sentence.
    """
    if day is None or not steps:
        return []
    then = status_on(steps, day - timedelta(days=days))
    now = status_on(steps, day)
    out = []
    for pcode, after in sorted(now.items()):
        before = then.get(pcode, NO_REPORTS)
        if after == before or pcode not in described:
            continue
        name, province, evidence = described[pcode]
        changed_on = _became(steps, pcode, after, day)
        out.append(Change(pcode, name, province, before, after, changed_on, evidence))
    return out


def _became(steps: Steps, pcode: str, after: str, day: date) -> date:
    """The date a unit last took the status it has on ``day``."""
    became, previous = day, None
    for step_day, statuses in steps:
        if step_day > day:
            break
        current = statuses.get(pcode, NO_REPORTS)
        if current != previous and current == after:
            became = step_day
        previous = current
    return became


def national_claims(
    aggregates: Iterable[AggregateClaim],
    counts: Mapping[str, int],
    day: date | None,
    theatre: Theatre,
) -> list[dict[str, Any]]:
    """Claims about the whole country, near-duplicates grouped, each beside the evidence.

    "85 per cent of Afghanistan" and "85% of the territory" by the same claimant are one claim
    with the number of articles behind it.
    """
    groups: dict[tuple[Any, ...], list[tuple[AggregateClaim, str]]] = {}
    for a in aggregates:
        groups.setdefault(_aggregate_key(a), []).append((a, a.article_id))
    attacker, defender = theatre.party(theatre.attacker), theatre.party(theatre.defender)
    held = counts.get(theatre.attacker, 0) + counts.get(theatre.claimed_status, 0)
    evidence = (
        f"Evidence{' on ' + day.isoformat() if day else ''}: "
        f"{counted(held, theatre.units.rstrip('s'))} {attacker.label} or "
        f"{attacker.label}-claimed, {counts.get(CONTESTED, 0)} contested, "
        f"{counts.get(theatre.defender, 0)} {defender.label.lower()}"
    )
    out = []
    for found in groups.values():
        first = found[0][0]
        out.append(
            {
                "claim": first.text,
                "claimed_by": first.claimed_by,
                "as_of": max((a.as_of for a, _ in found if a.as_of), default=None),
                "share": first.share,
                "count": first.count,
                "total": first.total,
                "unit": first.unit,
                "articles": len({article for _a, article in found}),
                "evidence": evidence,
                "sentence": first.evidence,
            }
        )
    return sorted(out, key=lambda g: (-g["articles"], g["claim"]))


def _aggregate_key(a: AggregateClaim) -> tuple[Any, ...]:
    unit = (a.unit or "").lower()
    kind = "districts" if "district" in unit else "border" if "border" in unit else "country"
    share = round(a.share, 2) if a.share is not None else None
    return (a.claimed_by, share if a.count is None else None, a.count, a.total, kind)


def national_lines(national: Sequence[dict[str, Any]]) -> list[str]:
    """National claims as sentences for a legend: each once, then the evidence line."""
    lines = []
    for g in national[:6]:
        who = {REPORTER: "Reported"}.get(g["claimed_by"], f"{g['claimed_by'].capitalize()} claim")
        lines.append(f"{who}: {g['claim']} ({counted(g['articles'], 'article')})")
    if national:
        lines.append(str(national[0]["evidence"]) + ".")
    return lines
