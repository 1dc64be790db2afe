"""Control per district: combining claims from many articles into one status per place.

The rules, in the order they apply (the README repeats them for users):

1. A claim counts for the district its place lies in; a claim about a whole province stays
   on the province. Claims dated after the assessment date are ignored.
2. The most recent evidence wins: the status is read from the latest claim date, together
   with every claim made within ``window_days`` before it.
3. The two parties' claims within that window oppose each other: contested.
   Reports of fighting, sieges or efforts to retake are contested too, unless a later
   claim reports the outcome (captured, retaken); a source's own report of the outcome
   supersedes the fighting it reported on the same day.
4. The attacker's status that only the attacker asserts is "claimed" ("taliban-claimed":
   not confirmed by anyone else).
5. Copies of one wire story are one source (see ``syndication.py``).
6. In a front-line theatre (claims about villages, not district centres), a district whose
   settlements the parties hold apart is contested.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from geomap.records import (
    CONFIRMED,
    CONTESTED,
    NO_REPORTS,
    REJECTED,
    Claim,
    DistrictStatus,
)
from geomap.theatre import Theatre, load_theatre

DISPUTE_DAYS = 2  # opposing outcomes this close together are one disputed moment


def unit_of(claim: Claim) -> str | None:
    """The P-code a claim colours: its district, or its province for province-wide claims."""
    place = claim.place
    if place.kind == "province":
        return place.province_pcode
    return place.district_pcode


def assess(
    claims: Iterable[Claim],
    as_of: date | None = None,
    window_days: int = 14,
    units: Mapping[str, tuple[str, str | None]] | None = None,
    groups: Mapping[str, str] | None = None,
    theatre: Theatre | None = None,
) -> list[DistrictStatus]:
    """One status per unit (district or province P-code) from all claims.

    ``units`` maps P-code → (name, province) so units without claims are listed as
    "no-reports"; ``groups`` maps article id → source group (see ``syndication_groups``);
    ``theatre`` names the parties (default: the settings' theatre).
    """
    theatre = theatre or load_theatre()
    by_unit: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        unit = unit_of(claim)
        if unit and (as_of is None or claim.as_of is None or claim.as_of <= as_of):
            by_unit[unit].append(claim)
    statuses = {
        pcode: _status(pcode, found, window_days, groups or {}, theatre)
        for pcode, found in by_unit.items()
    }
    for pcode, (name, province) in (units or {}).items():
        if pcode in statuses:
            statuses[pcode] = replace(statuses[pcode], name=name, province=province)
        else:
            statuses[pcode] = DistrictStatus(
                pcode, name, province, NO_REPORTS, 0.0, reason="no article reports on this place"
            )
    return sorted(statuses.values(), key=lambda s: s.pcode)


def _status(
    pcode: str,
    every_claim: Sequence[Claim],
    window_days: int,
    groups: Mapping[str, str],
    theatre: Theatre,
) -> DistrictStatus:
    """A unit's status; in a front-line theatre, from its settlements' own statuses."""
    whole = _unit_status(pcode, every_claim, window_days, groups, theatre)
    if not theatre.front_line or every_claim[0].place.kind == "province":
        return whole
    held = {
        _side(s.status, theatre): s
        for s in settlement_statuses(every_claim, window_days, groups, theatre)
        if s.status not in (NO_REPORTS, CONTESTED)
    }
    if len(held) < 2:
        return whole
    names = ", ".join(sorted(f"{s.name} ({s.status})" for s in held.values()))
    return replace(
        whole,
        status=CONTESTED,
        reason=f"the parties hold different settlements here: {names}",
    )


def _side(status: str, theatre: Theatre) -> str:
    return theatre.attacker if status == theatre.claimed_status else status


def settlement_statuses(
    claims: Sequence[Claim],
    window_days: int,
    groups: Mapping[str, str],
    theatre: Theatre,
) -> list[DistrictStatus]:
    """One status per claimed place (its name as the code): the front inside a district."""
    by_place: dict[tuple[str, float | None, float | None], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.place.kind not in ("province", "district"):
            by_place[(c.place.name, c.place.lat, c.place.lon)].append(c)
    return [
        replace(
            _unit_status(name, found, window_days, groups, theatre),
            name=name,
            province=found[0].place.province,
        )
        for (name, _lat, _lon), found in by_place.items()
    ]


def _unit_status(
    pcode: str,
    every_claim: Sequence[Claim],
    window_days: int,
    groups: Mapping[str, str],
    theatre: Theatre,
) -> DistrictStatus:
    # Rejected claims stay in the evidence list (struck through) but count for nothing.
    claims = [c for c in every_claim if c.review != REJECTED]
    if not claims:
        return _all_rejected(pcode, every_claim)
    dated = [(c.as_of, c) for c in claims if c.as_of is not None]
    latest = max((day for day, _c in dated), default=None)
    if latest is None:
        recent = list(claims)
    else:
        since = latest - timedelta(days=window_days)
        recent = [c for day, c in dated if day >= since]
    recent = _drop_superseded(recent)
    decisive = [c for c in recent if c.status != CONTESTED]
    fighting = [c for c in recent if c.status == CONTESTED]
    last_decisive = max((c.as_of or date.min for c in decisive), default=None)
    last_fighting = max((c.as_of or date.min for c in fighting), default=None)
    disputed, superseded = _opposed(decisive)
    if disputed:
        status = CONTESTED
        sides = f"{theatre.party(theatre.attacker).noun} and {theatre.party(theatre.defender).noun}"
        reason = (
            f"claims by {sides} within {DISPUTE_DAYS} days of each other "
            "(or one disputing the other)"
        )
    elif fighting and (last_decisive is None or (last_fighting or date.min) >= last_decisive):
        status = CONTESTED
        reason = "latest reports are of fighting, a siege or an effort to retake"
    elif superseded:
        status = superseded
        reason = "a later outcome replaces an earlier one (a capture, then a recapture)"
    else:
        status = decisive[0].status
        reason = "latest claim"
    support = [c for c in recent if c.status == status] or list(recent)
    if status == theatre.attacker and all(
        c.claimed_by == theatre.attacker and c.review != CONFIRMED for c in support
    ):
        status = theatre.claimed_status
        reason = f"claimed by {theatre.party(theatre.attacker).noun} alone"
    sources = {groups.get(c.article_id, c.article_id) for c in claims}
    confidence = _confidence(support, groups)
    first = claims[0].place
    name = first.province if first.kind == "province" else (first.district or first.name)
    ordered = tuple(sorted(every_claim, key=lambda c: (c.as_of or date.min, c.start), reverse=True))
    return DistrictStatus(
        pcode,
        name or pcode,
        first.province,
        status,
        confidence,
        ordered,
        len(sources),
        latest,
        reason,
    )


def _opposed(decisive: Sequence[Claim]) -> tuple[bool, str | None]:
    """(disputed, winner) for the outcome claims of a window.

    Opposing outcomes about the same moment (within ``DISPUTE_DAYS``, or undated) dispute
    each other: contested. A clear sequence — a capture, then a later recapture — is no
    dispute: the later outcome wins.
    """
    if len({c.status for c in decisive}) < 2:
        return False, None
    if any(c.as_of is None for c in decisive):
        return True, None
    latest = max(c.as_of or date.min for c in decisive)
    now = {c.status for c in decisive if c.as_of == latest}
    if len(now) > 1:
        return True, None
    winner = next(iter(now))
    recent = latest - timedelta(days=DISPUTE_DAYS)
    if any(c.status != winner and (c.as_of or date.min) >= recent for c in decisive):
        return True, None
    return False, winner


def _all_rejected(pcode: str, claims: Sequence[Claim]) -> DistrictStatus:
    first = claims[0].place
    name = first.province if first.kind == "province" else (first.district or first.name)
    return DistrictStatus(
        pcode,
        name or pcode,
        first.province,
        NO_REPORTS,
        0.0,
        tuple(claims),
        reason="every claim about it was rejected on review",
    )


def _drop_superseded(claims: Sequence[Claim]) -> list[Claim]:
    """Fighting a source reports is superseded by the outcome the same source reports later."""
    outcome: dict[tuple[str, str], date] = {}
    for c in claims:
        if c.status != CONTESTED:
            key = (c.article_id, c.claimed_by)
            outcome[key] = max(outcome.get(key, date.min), c.as_of or date.min)
    return [
        c
        for c in claims
        if c.status != CONTESTED
        or outcome.get((c.article_id, c.claimed_by), None) is None
        or outcome[(c.article_id, c.claimed_by)] < (c.as_of or date.min)
    ]


def _confidence(support: Sequence[Claim], groups: Mapping[str, str]) -> float:
    """Independent sources agreeing raise confidence: 1 - prod(1 - best claim per source)."""
    best: dict[str, float] = {}
    for c in support:
        group = groups.get(c.article_id, c.article_id)
        best[group] = max(best.get(group, 0.0), c.confidence)
    doubt = 1.0
    for value in best.values():
        doubt *= 1.0 - value
    return round(min(0.99, 1.0 - doubt), 2)


def timeline(
    claims: Sequence[Claim],
    window_days: int = 14,
    groups: Mapping[str, str] | None = None,
    theatre: Theatre | None = None,
) -> list[tuple[date, dict[str, str]]]:
    """Every date on which some unit's status changed, with all units' statuses then."""
    theatre = theatre or load_theatre()
    by_unit: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        unit = unit_of(claim)
        if unit:
            by_unit[unit].append(claim)
    return merge_histories(
        {
            unit: unit_history(unit, found, window_days, groups or {}, theatre)
            for unit, found in by_unit.items()
        }
    )


def unit_history(
    unit: str,
    claims: Sequence[Claim],
    window_days: int,
    groups: Mapping[str, str],
    theatre: Theatre,
) -> list[tuple[date, str]]:
    """The dates a unit's status changed, with its new status: it changes only on a day
    with a new claim about it, so only those days are assessed."""
    ordered = sorted(claims, key=lambda c: c.as_of or date.min)
    out: list[tuple[date, str]] = []
    for day in sorted({c.as_of for c in ordered if c.as_of is not None}):
        known = [c for c in ordered if c.as_of is None or c.as_of <= day]
        status = _status(unit, known, window_days, groups, theatre).status
        if not out or out[-1][1] != status:
            out.append((day, status))
    return out


def merge_histories(
    histories: Mapping[str, Sequence[tuple[date, str]]],
) -> list[tuple[date, dict[str, str]]]:
    """Units' own histories as one timeline: each change date with every unit's status."""
    changes: dict[date, dict[str, str]] = defaultdict(dict)
    for unit, history in sorted(histories.items()):
        for day, status in history:
            changes[day][unit] = status
    out: list[tuple[date, dict[str, str]]] = []
    current: dict[str, str] = {}
    for day in sorted(changes):
        current.update(changes[day])
        out.append((day, dict(current)))
    return out
