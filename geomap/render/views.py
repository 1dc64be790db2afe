"""What the map draws for one unit (a district or a province), from that unit's claims alone.

A unit's colour, popup, place markers, claim dots and status history depend only on the
claims and places inside it and on the copy groups of their articles. So a build keeps each
unit's view in the store and, after new articles, recomputes only the units they touch
(``store.views``); the map is put together from the views (``html.render_views``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from geomap.control import settlement_statuses, unit_history, unit_of
from geomap.geo.names import exact_key, loose_key
from geomap.records import CONTESTED, NO_REPORTS, Claim, DistrictStatus, Extraction, Place
from geomap.render.parts import esc
from geomap.render.popups import list_html, place_html, status_html
from geomap.render.style import KIND_SYMBOLS
from geomap.theatre import Theatre
from geomap.wording import counted

VIEWS_VERSION = 1  # bump when a view's content changes: stored views are recomputed
NO_DISTRICT = ""  # the unit of places that lie in no district (markers only)
Spot = tuple[str, float, float, dict[str, int]]  # name, lon, lat, spellings with their counts


@dataclass(frozen=True)
class UnitView:
    """One unit's part of the map, as plain JSON-able values."""

    unit: str
    name: str
    province: str | None
    status: str
    popup: str  # the district's or province's popup ("" for NO_DISTRICT)
    province_wide: bool = False  # a province's own claims (dashed outline), not a district
    evidence: str = ""  # the latest unreviewed claim's sentence (for "what changed")
    reviewed: bool = False
    history: list[tuple[str, str]] = field(default_factory=list)  # (ISO date, status)
    markers: list[list[Any]] = field(default_factory=list)  # place cluster rows
    search: list[dict[str, Any]] = field(default_factory=list)  # search entries of the places
    points: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (claimant, dot)
    row: dict[str, Any] = field(default_factory=dict)  # the exports' row (``to_dict``)
    spots: list[Spot] = field(default_factory=list)  # claimed places, for the static map

    def to_json(self) -> str:
        """The view as the store keeps it."""
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> UnitView:
        """A view the store kept (``to_json``)."""
        values = json.loads(text)
        values["history"] = [tuple(h) for h in values["history"]]
        values["points"] = [tuple(p) for p in values["points"]]
        values["spots"] = [tuple(p) for p in values["spots"]]
        return cls(**values)

    def history_dates(self) -> list[tuple[date, str]]:
        """The history with dates as dates."""
        return [(date.fromisoformat(d), s) for d, s in self.history]

    def status_record(self) -> DistrictStatus:
        """The unit's status as a record, without its claims (they stay in the store)."""
        row = self.row
        latest = row.get("latest")
        return DistrictStatus(
            self.unit,
            self.name,
            self.province,
            self.status,
            float(row.get("confidence") or 0.0),
            sources=int(row.get("sources") or 0),
            latest=date.fromisoformat(latest) if latest else None,
            reason=str(row.get("reason") or ""),
        )


def place_unit(place: Place) -> str:
    """The unit a place's marker (or claim) belongs to."""
    if place.kind == "province":
        return place.province_pcode or NO_DISTRICT
    return place.district_pcode or NO_DISTRICT


def unit_views(
    extractions: Sequence[Extraction],
    statuses: Iterable[DistrictStatus],
    day: date | None,
    window_days: int,
    groups: Mapping[str, str],
    theatre: Theatre,
    only: Collection[str] | None = None,
) -> dict[str, UnitView]:
    """The views of every unit the extractions name (or of the ``only`` units).

    ``statuses`` are the units' assessed statuses on ``day``; extractions may hold just
    the places and claims of the units wanted (what the store loads for a refresh).
    """
    sources = {r.article.id: r.article.source for r in extractions}
    labels = theatre.labels
    claims_in: dict[str, list[Claim]] = defaultdict(list)
    for r in extractions:
        for c in r.claims:
            claims_in[place_unit(c.place)].append(c)
    places_in: dict[str, list[tuple[Place, str]]] = defaultdict(list)
    for r in extractions:
        for p in r.places:
            if p.country == theatre.country and p.kind != "province" and p.lat is not None:
                places_in[place_unit(p)].append((p, r.article.id))
    by_unit = {s.pcode: s for s in statuses}
    wanted = set(claims_in) | set(places_in) | set(by_unit)
    if only is not None:
        wanted &= set(only)
    out = {}
    for unit in sorted(wanted):
        claims = claims_in.get(unit, [])
        status = by_unit.get(unit)
        if status is None:
            status = DistrictStatus(unit, unit, None, NO_REPORTS, 0.0)
        province_wide = bool(claims) and claims[0].place.kind == "province"
        kind = "province" if province_wide else "district"
        settled = _settlements(claims, day, window_days, groups, theatre)
        markers, search = _markers(places_in.get(unit, []), claims, sources, theatre, settled)
        out[unit] = UnitView(
            unit,
            status.name,
            status.province,
            status.status,
            status_html(status, sources, kind, labels) if unit != NO_DISTRICT else "",
            province_wide,
            next((c.evidence for c in status.claims if not c.review), ""),
            any(c.review for c in status.claims),
            [
                (d.isoformat(), s)
                for d, s in unit_history(
                    unit, [c for c in claims if unit_of(c)], window_days, groups, theatre
                )
            ]
            if unit != NO_DISTRICT
            else [],
            markers,
            search,
            _points([c for c in claims if unit_of(c) is not None], sources, theatre),
            status.to_dict() if unit != NO_DISTRICT else {},
            claimed_spots(status.claims),
        )
    return out


def claimed_spots(claims: Iterable[Claim]) -> list[Spot]:
    """The places claims are about (not provinces), each with how the articles spell it."""
    seen: dict[str, Spot] = {}
    for c in claims:
        place = c.place
        if place.kind != "province" and place.lat is not None and place.lon is not None:
            spot = seen.setdefault(place.name, (place.name, place.lon, place.lat, {}))
            spot[3][place.mention] = spot[3].get(place.mention, 0) + 1
    return list(seen.values())


def _settlements(
    claims: Sequence[Claim],
    day: date | None,
    window_days: int,
    groups: Mapping[str, str],
    theatre: Theatre,
) -> dict[str, str]:
    """Place name → its own status on ``day`` (front-line theatres colour the markers)."""
    if not theatre.front_line:
        return {}
    dated = [c for c in claims if day is None or c.as_of is None or c.as_of <= day]
    return {s.name: s.status for s in settlement_statuses(dated, window_days, groups, theatre)}


def _markers(
    places: Sequence[tuple[Place, str]],
    claims: Sequence[Claim],
    sources: Mapping[str, str],
    theatre: Theatre,
    settlements: Mapping[str, str],
) -> tuple[list[list[Any]], list[dict[str, Any]]]:
    """A marker row per place mentioned (its symbol shows the kind) and its search entry."""
    seen: dict[tuple[Any, ...], set[str]] = {}
    spellings: dict[tuple[Any, ...], set[str]] = {}  # "Artyomovsk" finds Bakhmut
    for p, article in places:
        key = (p.name, p.kind, p.district_pcode, p.lat, p.lon)
        seen.setdefault(key, set()).add(article)
        spellings.setdefault(key, set()).add(p.mention)
    claims_at: dict[tuple[Any, ...], list[Claim]] = {}
    for c in claims:
        claims_at.setdefault((c.place.name, c.place.district_pcode), []).append(c)
    rows: list[list[Any]] = []
    search: list[dict[str, Any]] = []
    for spot, articles in seen.items():
        name, kind, pcode, lat, lon = spot
        about = sorted(
            claims_at.get((name, pcode), []), key=lambda c: c.as_of or date.min, reverse=True
        )
        line = f"{kind.replace('-', ' ')} · mentioned in {counted(len(articles), 'article')}"
        held = settlements.get(name)
        now = theatre.labels[held].lower() if held else ""
        popup = place_html(name, line, about, sources, theatre.labels, now)
        ink = "#111" if held in (CONTESTED, theatre.claimed_status) else "#fff"  # light fills
        style = f" style='background:{theatre.colours[held]};color:{ink}'" if held else ""
        symbol = f"<div class='gm-marker'{style}>{KIND_SYMBOLS.get(kind, '●')}</div>"
        label = f"{name} ({kind.replace('-', ' ')})"
        rows.append([lat, lon, symbol, esc(label), popup])
        keys = {k for n in {name, *spellings[spot]} for k in (exact_key(n), loose_key(n))}
        search.append(
            {
                "label": label,
                "pcode": pcode,
                "kind": kind,
                "bounds": [[lat - 0.05, lon - 0.05], [lat + 0.05, lon + 0.05]],
                "keys": sorted(keys - {""}),
            }
        )
    return rows, search


def _points(
    claims: Sequence[Claim], sources: Mapping[str, str], theatre: Theatre
) -> list[tuple[str, dict[str, Any]]]:
    """A dot per claimant, place and status, coloured by what is claimed."""
    grouped: dict[tuple[Any, ...], list[Claim]] = {}
    for c in claims:
        if c.place.lat is not None:
            key = (c.claimed_by, c.place.name, c.place.lat, c.place.lon, c.status)
            grouped.setdefault(key, []).append(c)
    return [
        (
            who,
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "tip": esc(f"{name}: {status} ({counted(len(found), 'claim')})"),
                    "popup": list_html(
                        sorted(found, key=lambda c: c.as_of or date.min, reverse=True),
                        sources,
                        theatre.labels,
                    ),
                    "fill": theatre.colours.get(status, "#999999"),
                },
            },
        )
        for (who, name, lat, lon, status), found in grouped.items()
    ]
