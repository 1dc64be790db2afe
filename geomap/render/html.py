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
from folium.features import GeoJsonPopup, GeoJsonTooltip

from geomap.changes import Change, national_lines
from geomap.geo.boundaries import Boundaries
from geomap.geo.names import exact_key, loose_key
from geomap.records import NO_REPORTS, DistrictStatus
from geomap.render.layers import (
    OUTLINE_DEGREES,
    POPUP_PADDING,
    add_changes,
    add_claims,
    add_places,
    add_provinces,
    coverage,
)
from geomap.render.parts import Controls, Panels, esc, inline_assets
from geomap.render.popups import status_html
from geomap.render.style import CLAIMED_FILL, HATCH_ID, KIND_SYMBOLS
from geomap.render.views import UnitView
from geomap.store.writing import atomic_write_text
from geomap.theatre import Theatre, load_theatre
from geomap.wording import counted


def _fill(status: str, theatre: Theatre) -> str:
    return f"url(#{HATCH_ID})" if status == theatre.claimed_status else theatre.colours[status]


def _swatch(status: str, theatre: Theatre) -> str:
    colour = theatre.colours[status]
    if status == theatre.claimed_status:
        return f"repeating-linear-gradient(45deg, {colour} 0 3px, {CLAIMED_FILL} 3px 6px)"
    return colour


@dataclass(frozen=True)
class MapStory:
    """What the map tells over time: the timeline, counts per date, changes, national claims."""

    steps: Sequence[tuple[date, Mapping[str, str]]] = ()
    counts: Sequence[tuple[date, dict[str, int]]] = ()
    changes: Sequence[Change] = ()
    national: Sequence[dict[str, Any]] = ()
    changed_since: int = 7
    credits: Sequence[str] = ()  # attribution of every data set drawn on


def render_html(
    views: Mapping[str, UnitView],
    bounds: Boundaries,
    story: MapStory | None = None,
    as_of: date | None = None,
    title: str | None = None,
    tiles: str | None = None,
    theatre: Theatre | None = None,
    articles: int = 0,
) -> folium.Map:
    """Build the map (all districts, provinces, places, claims by claimant, panels) from
    the units' views (``views.unit_views``).

    ``as_of`` is the map's date (decided by the caller); the slider ends there. ``theatre``
    names the parties, colours and units (default: the settings' theatre); ``articles``
    is how many articles the map is drawn from.
    """
    story = story or MapStory()
    theatre = theatre or load_theatre()
    title = title or theatre.title
    labels = theatre.labels
    unit, province_unit = theatre.units.rstrip("s"), theatre.provinces.rstrip("s")
    districts = coverage(bounds, "districts", ["pcode", "name", "province", "geometry"])
    found = [views.get(p) for p in districts["pcode"]]
    districts["status"] = [v.status if v else NO_REPORTS for v in found]
    districts["label"] = [labels[s] for s in districts["status"]]
    districts["popup"] = [
        v.popup
        if v
        else status_html(DistrictStatus(p, n, pr, NO_REPORTS, 0.0), {}, "district", labels)
        for v, p, n, pr in zip(
            found, districts["pcode"], districts["name"], districts["province"], strict=True
        )
    ]
    provinces = coverage(bounds, "provinces", ["pcode", "name", "geometry"], OUTLINE_DEGREES)
    search = _place_search(districts, provinces, bounds)
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
    m.options["max_zoom"] = 18  # the place clusters need one, and no tile layer sets it
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
        name=f"{theatre.units.capitalize()} by status",
        style_function=lambda f: {
            "fillColor": _fill(f["properties"]["status"], theatre),
            "fillOpacity": 0.85,
            "color": "#ffffff",
            "weight": 0.6,
        },
        highlight_function=lambda f: {"weight": 2.5, "color": "#222222"},
        tooltip=GeoJsonTooltip(
            fields=["name", "province", "label"],
            aliases=[unit.capitalize(), province_unit.capitalize(), "Status"],
        ),
        popup=GeoJsonPopup(fields=["popup"], labels=False, max_width=420, **POPUP_PADDING),
        zoom_on_click=False,
    ).add_to(m)
    add_provinces(m, provinces, views, theatre)
    folium.GeoJson(
        coverage(bounds, "country", ["geometry"], OUTLINE_DEGREES).to_json(drop_id=True),
        name="Country outline",
        control=False,
        style_function=lambda f: {"fill": False, "color": "#111111", "weight": 2.2},
    ).add_to(m)
    ordered = [views[u] for u in sorted(views)]
    add_places(m, [row for v in ordered for row in v.markers])
    search += [entry for v in ordered for entry in v.search]
    add_claims(m, [point for v in ordered for point in v.points], theatre)
    add_changes(m, districts, story.changes, story.changed_since, labels)
    folium.LayerControl(collapsed=False).add_to(m)

    counts = Counter(districts["status"])
    rows = [
        {"status": s, "label": labels[s], "count": counts.get(s, 0), "fill": _swatch(s, theatre)}
        for s in theatre.map_statuses
    ]
    aggregates = national_lines(story.national)
    subtitle = f"{counted(articles, 'article')} · every colour links to its sentences"
    attribution = list(story.credits or (bounds.manifest.attribution, "Map: geomap"))
    Panels(
        title,
        as_of.isoformat() if as_of else "",
        subtitle,
        rows,
        aggregates,
        f"Counts are of {theatre.units}; {province_unit}-wide claims are drawn as dashed outlines.",
        [
            (k.replace("-", " "), s)
            for k, s in KIND_SYMBOLS.items()
            if k not in ("village", "province")
        ]
        + (
            [("reviewed by an analyst (see the popups)", "✓")]
            if any(v.reviewed for v in views.values())
            else []
        ),
        theatre.colours[theatre.claimed_status],
        (theatre.units, unit, province_unit),
    ).add_to(m)
    counts_on = dict(story.counts)
    timeline_steps = [
        {"date": d.isoformat(), "status": dict(s), "counts": counts_on.get(d, {})}
        for d, s in story.steps
    ]
    Controls(
        layer.get_name(),
        timeline_steps,
        search,
        attribution,
        theatre.colours,
        labels,
        theatre.units.capitalize(),
        theatre.counted,
        theatre.claimed_status,
    ).add_to(m)
    m.fit_bounds(
        [[south, west], [north, east]], padding_top_left=(290, 70), padding_bottom_right=(190, 20)
    )
    return m


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


def save_html(m: folium.Map, path: Path) -> Path:
    """Write the map atomically (a half-written map never replaces a good one)."""
    atomic_write_text(path, m.get_root().render())
    return path
