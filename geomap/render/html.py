"""The HTML map: districts coloured by status, the evidence one click away, offline.

``render_html`` returns a ``folium.Map``; ``save_html`` writes it atomically. Leaflet is
inlined from XStatic-Leaflet, so the file opens with no network; ``tiles`` adds an online
base layer for those who want one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import shapely
from folium.features import GeoJsonPopup, GeoJsonTooltip

from geomap.changes import Change
from geomap.control import unit_of
from geomap.geo.boundaries import Boundaries
from geomap.geo.names import exact_key, loose_key
from geomap.records import (
    ANALYST,
    CONFIRMED,
    CORRECTED,
    NO_REPORTS,
    REJECTED,
    TALIBAN_CLAIMED,
    Claim,
    DistrictStatus,
    Extraction,
)
from geomap.render.parts import Controls, Panels, esc, inline_assets
from geomap.render.style import (
    CLAIMANT_LABELS,
    HATCH_ID,
    KIND_SYMBOLS,
    STATUS_COLOURS,
    STATUS_LABELS,
)
from geomap.store.writing import atomic_write_text
from geomap.wording import counted

SIMPLIFY_DEGREES = 0.01  # about 1 km: borders stay recognisable, the file stays small
OUTLINE_DEGREES = 0.02  # provinces and the country are only outlines
GRID_DEGREES = 0.001  # coordinates rounded to about 100 m
# Keep an opened popup clear of the title and the side panels.
POPUP_PADDING: dict[str, Any] = {
    "autoPanPaddingTopLeft": [300, 90],
    "autoPanPaddingBottomRight": [20, 20],
}
POPUP_CLAIMS = 10  # the newest claims in a popup; the rest are in the exports


def _fill(status: str) -> str:
    return f"url(#{HATCH_ID})" if status == TALIBAN_CLAIMED else STATUS_COLOURS[status]


def _swatch(status: str) -> str:
    if status == TALIBAN_CLAIMED:
        return f"repeating-linear-gradient(45deg, {STATUS_COLOURS[status]} 0 3px, #fbe0d0 3px 6px)"
    return STATUS_COLOURS[status]


def _source_names(extractions: Sequence[Extraction]) -> dict[str, str]:
    return {
        r.article.id: r.article.outlet or r.article.title or Path(r.article.path).name
        for r in extractions
    }


REVIEW_MARKS = {
    REJECTED: "✗ rejected on review",
    CONFIRMED: "✓ confirmed on review",
    CORRECTED: "✎ corrected on review",
    ANALYST: "✓ analyst's assessment",
}


def claim_html(claim: Claim, sources: Mapping[str, str], note: str = "") -> str:
    """One claim as escaped HTML: the sentence, then who claims it, where and when."""
    when = claim.as_of.isoformat() if claim.as_of else "undated"
    if claim.as_of and claim.as_of_precision == "month":
        when = claim.as_of.strftime("%Y-%m")
    meta = (
        f"{STATUS_LABELS.get(claim.status, claim.status)} · claimed by {claim.claimed_by}"
        f"{' (hedged)' if claim.hedged else ''} · {sources.get(claim.article_id, '?')} · "
        f"{when} · about {claim.place.name}{note} · id {claim.id}"
    )
    sentence = f"“{esc(claim.evidence)}”"
    if claim.review == REJECTED:
        sentence = f"<del>{sentence}</del>"
    mark = REVIEW_MARKS.get(claim.review or "", "")
    if mark and claim.review_note:
        mark += f": {claim.review_note}"
    review = f"<div class='gm-review gm-{claim.review}'>{esc(mark)}</div>" if mark else ""
    dated = claim.as_of.isoformat() if claim.as_of else ""
    return f"<li data-date='{dated}'>{sentence}<div class='gm-meta'>{esc(meta)}</div>{review}</li>"


def claims_html(claims: Sequence[Claim], sources: Mapping[str, str]) -> str:
    """Claims as list items, newest first; the same sentence from several copies shown once."""
    groups: dict[tuple[Any, ...], list[Claim]] = {}
    parties = {"taliban": 3, "government": 3, "third-party": 2, "reporter": 1}
    newest = sorted(
        claims,
        reverse=True,
        key=lambda c: (c.as_of or date.min, parties.get(c.claimed_by, 0), c.confidence),
    )
    for c in newest:
        groups.setdefault((c.evidence, c.status, c.claimed_by), []).append(c)
    items = []
    for same in list(groups.values())[:POPUP_CLAIMS]:
        more = f" · and {len(same) - 1} more article(s)" if len(same) > 1 else ""
        items.append(claim_html(same[0], sources, more))
    if len(groups) > POPUP_CLAIMS:
        items.append(
            f"<li>… and {len(groups) - POPUP_CLAIMS} older claims (all are in claims.csv)</li>"
        )
    return "".join(items)


def status_html(status: DistrictStatus, sources: Mapping[str, str], kind: str) -> str:
    """Popup for a district or province: status, why, and every claim behind it."""
    head = f"{status.name}" + (
        f" ({status.province})"
        if status.province and kind == "district"
        else " province"
        if kind == "province"
        else ""
    )
    if status.status == NO_REPORTS and not status.claims:
        return f"<div class='gm-popup'><h3>{esc(head)}</h3>No article reports on this {kind}.</div>"
    body = claims_html(status.claims, sources)
    summary = (
        f"<b class='gm-status'>{esc(STATUS_LABELS[status.status])}</b>"
        f"<span class='gm-now'> · confidence {status.confidence:.2f} · "
        f"{counted(len(status.claims), 'claim')} from "
        f"{counted(status.sources, 'independent source')}<br><i>{esc(status.reason)}</i></span>"
    )
    return (
        f"<div class='gm-popup' data-pcode='{esc(status.pcode)}'><h3>{esc(head)}</h3>{summary}"
        f"<ol>{body}</ol></div>"
    )


def _coverage(
    bounds: Boundaries, layer: str, columns: list[str], tolerance: float = SIMPLIFY_DEGREES
) -> gpd.GeoDataFrame:
    out = bounds.simplified(layer, tolerance)[columns]
    out["geometry"] = shapely.set_precision(out.geometry.values, GRID_DEGREES)
    return out


CHANGED_STYLE = {"fill": False, "color": "#111111", "weight": 3, "dashArray": "2 4"}


@dataclass(frozen=True)
class MapStory:
    """What the map tells over time: the timeline, counts per date, changes, national claims."""

    steps: Sequence[tuple[date, Mapping[str, str]]] = ()
    counts: Sequence[tuple[date, dict[str, int]]] = ()
    changes: Sequence[Change] = ()
    national: Sequence[dict[str, Any]] = ()
    changed_since: int = 7


def render_html(
    statuses: Sequence[DistrictStatus],
    extractions: Sequence[Extraction],
    bounds: Boundaries,
    story: MapStory | None = None,
    as_of: date | None = None,
    title: str = "Claimed control of Afghan districts",
    tiles: str | None = None,
) -> folium.Map:
    """Build the map (all districts, provinces, places, claims by claimant, panels).

    ``as_of`` is the map's date (decided by the caller); the slider ends there.
    """
    story = story or MapStory()
    sources = _source_names(extractions)
    by_pcode = {s.pcode: s for s in statuses}
    districts = _coverage(bounds, "districts", ["pcode", "name", "province", "geometry"])
    status_of = [by_pcode.get(p) for p in districts["pcode"]]
    districts["status"] = [s.status if s else NO_REPORTS for s in status_of]
    districts["label"] = [STATUS_LABELS[s] for s in districts["status"]]
    districts["popup"] = [
        status_html(s, sources, "district")
        if s
        else status_html(DistrictStatus(p, n, pr, NO_REPORTS, 0.0), sources, "district")
        for s, p, n, pr in zip(
            status_of, districts["pcode"], districts["name"], districts["province"], strict=True
        )
    ]
    search = _place_search(
        districts, _coverage(bounds, "provinces", ["pcode", "name", "geometry"]), bounds
    )
    for column in ("name", "province"):
        districts[column] = districts[column].map(esc)

    country = bounds.country.to_crs(4326)
    west, south, east, north = country.total_bounds
    m = folium.Map(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=6,
        tiles=None,
        control_scale=True,
        zoom_snap=0.25,
    )
    m.default_js, m.default_css = [], []
    inline_assets(m.get_root())
    root: Any = m.get_root()  # a branca Figure: it has a header
    root.header.add_child(
        folium.Element("<style>.leaflet-container{background:#f4f1ea}</style>"),
        name="gm_background",
    )
    if tiles:
        folium.TileLayer(tiles, name=f"Base map ({tiles})", overlay=False).add_to(m)

    layer = folium.GeoJson(
        districts.to_json(drop_id=True),
        name="Districts by status",
        style_function=lambda f: {
            "fillColor": _fill(f["properties"]["status"]),
            "fillOpacity": 0.85,
            "color": "#ffffff",
            "weight": 0.6,
        },
        highlight_function=lambda f: {"weight": 2.5, "color": "#222222"},
        tooltip=GeoJsonTooltip(
            fields=["name", "province", "label"], aliases=["District", "Province", "Status"]
        ),
        popup=GeoJsonPopup(fields=["popup"], labels=False, max_width=420, **POPUP_PADDING),
        zoom_on_click=False,
    ).add_to(m)
    _add_provinces(m, bounds, by_pcode, sources)
    folium.GeoJson(
        _coverage(bounds, "country", ["geometry"], OUTLINE_DEGREES).to_json(drop_id=True),
        name="Country outline",
        control=False,
        style_function=lambda f: {"fill": False, "color": "#111111", "weight": 2.2},
    ).add_to(m)
    search += _add_places(m, extractions, sources)
    _add_claims(m, extractions, sources)
    _add_changes(m, districts, story)
    folium.LayerControl(collapsed=False).add_to(m)

    counts = Counter(districts["status"])
    rows = [
        {"status": s, "label": STATUS_LABELS[s], "count": counts.get(s, 0), "fill": _swatch(s)}
        for s in STATUS_COLOURS
    ]
    aggregates = _national_lines(story.national)
    articles = counted(_article_count(extractions), "article")
    subtitle = f"{articles} · every colour links to its sentences"
    attribution = list(bounds_attribution(bounds))
    Panels(
        title,
        as_of.isoformat() if as_of else "",
        subtitle,
        rows,
        aggregates,
        "Counts are of districts; province-wide claims are drawn as dashed outlines.",
        [
            (k.replace("-", " "), s)
            for k, s in KIND_SYMBOLS.items()
            if k not in ("village", "province")
        ]
        + ([("reviewed by an analyst (see the popups)", "✓")] if _any_reviewed(statuses) else []),
    ).add_to(m)
    counts_on = dict(story.counts)
    timeline_steps = [
        {"date": d.isoformat(), "status": dict(s), "counts": counts_on.get(d, {})}
        for d, s in story.steps
    ]
    Controls(layer.get_name(), timeline_steps, search, attribution).add_to(m)
    m.fit_bounds(
        [[south, west], [north, east]], padding_top_left=(290, 70), padding_bottom_right=(190, 20)
    )
    return m


def _article_count(extractions: Sequence[Extraction]) -> int:
    """Articles, not counting the analysts' own assessments."""
    return sum(1 for r in extractions if r.article.id != ANALYST)


def _any_reviewed(statuses: Sequence[DistrictStatus]) -> bool:
    return any(c.review for s in statuses for c in s.claims)


def _place_search(
    districts: gpd.GeoDataFrame, provinces: gpd.GeoDataFrame, bounds: Boundaries
) -> list[dict[str, Any]]:
    """Districts and provinces for the search box: label, P-code, bounds and the spelling
    keys (exact and transliteration) of every name the boundaries give them."""
    alternates = dict(zip(bounds.districts["pcode"], bounds.districts["alt_names"], strict=True))
    out = []
    for frame, kind in ((districts, "district"), (provinces, "province")):
        b = frame.geometry.bounds
        for i, (pcode, name) in enumerate(zip(frame["pcode"], frame["name"], strict=True)):
            names = [str(name), *alternates.get(pcode, ())]
            label = (
                f"{name} ({frame['province'].iloc[i]})"
                if kind == "district"
                else f"{name} province"
            )
            out.append(
                {
                    "label": str(label),
                    "pcode": pcode,
                    "kind": kind,
                    "bounds": [
                        [b["miny"].iloc[i], b["minx"].iloc[i]],
                        [b["maxy"].iloc[i], b["maxx"].iloc[i]],
                    ],
                    "keys": sorted({k for n in names for k in (exact_key(n), loose_key(n)) if k}),
                }
            )
    return out


def bounds_attribution(bounds: Boundaries) -> tuple[str, ...]:
    """Credits for every data set the map draws on."""
    return (
        bounds.manifest.attribution,
        "Gazetteer: abubaker47/afghanistan-provinces-districts-villages (MIT)",
        "Towns: GeoNames (CC BY 4.0)",
        "Map: geomap",
    )


def _add_provinces(
    m: folium.Map,
    bounds: Boundaries,
    by_pcode: Mapping[str, DistrictStatus],
    sources: Mapping[str, str],
) -> None:
    provinces = _coverage(bounds, "provinces", ["pcode", "name", "geometry"], OUTLINE_DEGREES)
    provinces["status"] = [
        by_pcode[p].status if p in by_pcode else NO_REPORTS for p in provinces["pcode"]
    ]
    provinces["popup"] = [
        status_html(by_pcode[p], sources, "province") if p in by_pcode else ""
        for p in provinces["pcode"]
    ]
    provinces["name"] = provinces["name"].map(lambda v: esc(str(v)))
    claimed = provinces[provinces["status"] != NO_REPORTS]
    folium.GeoJson(
        provinces.to_json(drop_id=True),
        name="Province outlines",
        style_function=lambda f: {"fill": False, "color": "#555555", "weight": 1.3},
        interactive=False,
    ).add_to(m)
    if len(claimed):
        folium.GeoJson(
            claimed.to_json(drop_id=True),
            name="Province-wide claims",
            style_function=lambda f: {
                "fill": False,
                "weight": 4,
                "dashArray": "8 6",
                "color": STATUS_COLOURS[f["properties"]["status"]],
            },
            tooltip=GeoJsonTooltip(fields=["name"], aliases=["Province-wide claims"]),
            popup=GeoJsonPopup(fields=["popup"], labels=False, max_width=420, **POPUP_PADDING),
        ).add_to(m)
    labels = folium.FeatureGroup(name="Province names")
    for name, point in zip(provinces["name"], provinces.representative_point(), strict=True):
        folium.Marker(
            [point.y, point.x],
            icon=folium.DivIcon(
                html=f"<div class='gm-province-label'>{name}</div>",
                icon_size=(120, 14),
                icon_anchor=(60, 7),
            ),
            interactive=False,
        ).add_to(labels)
    labels.add_to(m)


def _add_places(
    m: folium.Map, extractions: Sequence[Extraction], sources: Mapping[str, str]
) -> list[dict[str, Any]]:
    """A marker per place mentioned, its symbol showing the kind; returns search entries."""
    group = folium.FeatureGroup(name="Places mentioned")
    seen: dict[tuple[Any, ...], list[Any]] = {}
    for r in extractions:
        for p in r.places:
            if p.country == "AF" and p.kind != "province" and p.lat is not None:
                seen.setdefault((p.name, p.kind, p.district_pcode, p.lat, p.lon), []).append(r)
    claims_at: dict[tuple[Any, ...], list[Claim]] = {}
    for r in extractions:
        for c in r.claims:
            claims_at.setdefault((c.place.name, c.place.district_pcode), []).append(c)
    names: list[dict[str, Any]] = []
    for (name, kind, pcode, lat, lon), articles in seen.items():
        claims = sorted(
            claims_at.get((name, pcode), []), key=lambda c: c.as_of or date.min, reverse=True
        )
        body = claims_html(claims, sources)
        body = body or "<li>No claim about it.</li>"
        popup = (
            f"<div class='gm-popup'><h3>{esc(name)}</h3>"
            f"{esc(kind.replace('-', ' '))} · mentioned in "
            f"{counted(len(set(a.article.id for a in articles)), 'article')}<ol>{body}</ol></div>"
        )
        folium.Marker(
            [lat, lon],
            tooltip=esc(f"{name} ({kind.replace('-', ' ')})"),
            popup=folium.Popup(popup, max_width=420),
            icon=folium.DivIcon(
                html=f"<div class='gm-marker'>{KIND_SYMBOLS.get(kind, '●')}</div>",
                icon_size=(22, 22),
                icon_anchor=(11, 11),
            ),
        ).add_to(group)
        names.append(
            {
                "label": f"{name} ({kind.replace('-', ' ')})",
                "pcode": pcode,
                "kind": kind,
                "bounds": [[lat - 0.05, lon - 0.05], [lat + 0.05, lon + 0.05]],
                "keys": sorted({exact_key(name), loose_key(name)} - {""}),
            }
        )
    group.add_to(m)
    return names


def _add_claims(
    m: folium.Map, extractions: Sequence[Extraction], sources: Mapping[str, str]
) -> None:
    """One layer per claimant: a dot per place and status, coloured by what is claimed."""
    grouped: dict[tuple[Any, ...], list[Claim]] = {}
    for r in extractions:
        for c in r.claims:
            if c.place.lat is not None and unit_of(c) is not None:
                key = (c.claimed_by, c.place.name, c.place.lat, c.place.lon, c.status)
                grouped.setdefault(key, []).append(c)
    for claimant, label in CLAIMANT_LABELS.items():
        group = folium.FeatureGroup(name=label, show=False)
        for (who, name, lat, lon, status), claims in grouped.items():
            if who != claimant:
                continue
            newest = sorted(claims, key=lambda c: c.as_of or date.min, reverse=True)
            items = claims_html(newest, sources)
            folium.CircleMarker(
                [lat, lon],
                radius=7,
                weight=2,
                color="#222222",
                fill=True,
                fill_color=STATUS_COLOURS.get(status, "#999999"),
                fill_opacity=0.9,
                tooltip=esc(f"{name}: {status} ({len(claims)} claim{'s' * (len(claims) > 1)})"),
                popup=folium.Popup(f"<div class='gm-popup'><ol>{items}</ol></div>", max_width=420),
            ).add_to(group)
        group.add_to(m)


def _national_lines(national: Sequence[dict[str, Any]]) -> list[str]:
    """National claims, near-duplicates grouped, then what the map's evidence supports."""
    lines = []
    for g in national[:6]:
        who = {"reporter": "Reported"}.get(g["claimed_by"], f"{g['claimed_by'].capitalize()} claim")
        lines.append(f"{who}: {g['claim']} ({counted(g['articles'], 'article')})")
    if national:
        lines.append(str(national[0]["evidence"]) + ".")
    return lines


def _add_changes(m: folium.Map, districts: gpd.GeoDataFrame, story: MapStory) -> None:
    """Districts whose status changed in the last days, outlined, with before and after."""
    if not story.changes:
        return
    by_pcode = {c.pcode: c for c in story.changes}
    changed = districts[districts["pcode"].isin(list(by_pcode))][["pcode", "name", "geometry"]]
    changed = changed.copy()
    changed["change"] = [
        esc(
            f"{STATUS_LABELS.get(by_pcode[p].before, by_pcode[p].before)} → "
            f"{STATUS_LABELS.get(by_pcode[p].after, by_pcode[p].after)} on "
            f"{by_pcode[p].changed_on.isoformat()}"
        )
        for p in changed["pcode"]
    ]
    folium.GeoJson(
        changed.to_json(drop_id=True),
        name=f"Changed in the last {counted(story.changed_since, 'day')}",
        style_function=lambda f: {
            "fill": False,
            "color": "#111111",
            "weight": 3,
            "dashArray": "2 4",
        },
        tooltip=GeoJsonTooltip(fields=["name", "change"], aliases=["Changed", ""]),
    ).add_to(m)


def save_html(m: folium.Map, path: Path) -> Path:
    """Write the map atomically (a half-written map never replaces a good one)."""
    atomic_write_text(path, m.get_root().render())
    return path
