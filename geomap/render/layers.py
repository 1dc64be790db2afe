"""The map's layers besides the districts: provinces, places, claims by claimant, changes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import folium
import geopandas as gpd
import shapely
from folium.features import GeoJsonPopup, GeoJsonTooltip

from geomap.changes import Change
from geomap.geo.boundaries import Boundaries
from geomap.records import NO_REPORTS
from geomap.render.parts import OfflineMarkerCluster, esc
from geomap.render.views import UnitView
from geomap.theatre import Theatre
from geomap.wording import counted

SIMPLIFY_DEGREES = 0.01  # about 1 km: borders stay recognisable, the file stays small


OUTLINE_DEGREES = 0.02  # provinces and the country are only outlines


GRID_DEGREES = 0.001  # coordinates rounded to about 100 m


# Keep an opened popup clear of the title and the side panels.
POPUP_PADDING: dict[str, Any] = {
    "autoPanPaddingTopLeft": [300, 90],
    "autoPanPaddingBottomRight": [20, 20],
}


def coverage(
    bounds: Boundaries, layer: str, columns: list[str], tolerance: float = SIMPLIFY_DEGREES
) -> gpd.GeoDataFrame:
    """A boundary layer simplified and rounded for the page (small, still recognisable)."""
    out = bounds.simplified(layer, tolerance)[columns]
    out["geometry"] = shapely.set_precision(out.geometry.values, GRID_DEGREES)
    return out


# Clusters drawn like the markers (dark, not the plugin's green-yellow-orange, which would
# read as statuses): the number of places inside.
CLUSTER_ICON = """function (cluster) {
  return L.divIcon({html: "<div class='gm-cluster'>" + cluster.getChildCount() + "</div>",
                    className: "", iconSize: [26, 26], iconAnchor: [13, 13]});
}"""
# A place marker from a row [lat, lon, symbol html, tooltip, popup html] (all escaped).
PLACE_MARKER = """function (row) {
  var icon = L.divIcon({html: row[2], className: "", iconSize: [22, 22], iconAnchor: [11, 11]});
  return L.marker([row[0], row[1]], {icon: icon})
    .bindTooltip(row[3]).bindPopup(row[4], {maxWidth: 420});
}"""
CHANGED_STYLE = {"fill": False, "color": "#111111", "weight": 3, "dashArray": "2 4"}


def add_provinces(
    m: folium.Map,
    outlines: gpd.GeoDataFrame,
    views: Mapping[str, UnitView],
    theatre: Theatre,
) -> None:
    """Province outlines (``coverage`` of the provinces), province-wide claims (dashed) and
    province names."""
    provinces = outlines.copy()
    claims = [
        views[p] if p in views and views[p].province_wide else None for p in provinces["pcode"]
    ]
    provinces["status"] = [v.status if v else NO_REPORTS for v in claims]
    provinces["popup"] = [v.popup if v else "" for v in claims]
    provinces["name"] = provinces["name"].map(lambda v: esc(str(v)))
    claimed = provinces[provinces["status"] != NO_REPORTS]
    colours = theatre.colours
    word = theatre.provinces.rstrip("s").capitalize()  # "Province", "Oblast"
    folium.GeoJson(
        provinces.to_json(drop_id=True),
        name=f"{word} outlines",
        style_function=lambda f: {"fill": False, "color": "#555555", "weight": 1.3},
        interactive=False,
    ).add_to(m)
    if len(claimed):
        folium.GeoJson(
            claimed.to_json(drop_id=True),
            name=f"{word}-wide claims",
            style_function=lambda f: {
                "fill": False,
                "weight": 4,
                "dashArray": "8 6",
                "color": colours[f["properties"]["status"]],
            },
            tooltip=GeoJsonTooltip(fields=["name"], aliases=[f"{word}-wide claims"]),
            popup=GeoJsonPopup(fields=["popup"], labels=False, max_width=420, **POPUP_PADDING),
        ).add_to(m)
    labels = folium.FeatureGroup(name=f"{word} names")
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


def add_places(m: folium.Map, rows: Sequence[list[Any]]) -> None:
    """A marker per place mentioned (``views.unit_views`` makes the rows)."""
    # Clustered when zoomed out (a number per cluster), one by one from zoom 9 on; the
    # markers are made in the browser from these rows, not one folium object each.
    OfflineMarkerCluster(
        list(rows),
        callback=PLACE_MARKER,
        name="Places mentioned",
        icon_create_function=CLUSTER_ICON,
        disableClusteringAtZoom=9,
        maxClusterRadius=35,
        showCoverageOnHover=False,
        spiderfyOnMaxZoom=False,
    ).add_to(m)


def add_claims(
    m: folium.Map, points: Sequence[tuple[str, dict[str, Any]]], theatre: Theatre
) -> None:
    """One layer per claimant: a dot per place and status, coloured by what is claimed."""
    for claimant, label in theatre.claimant_labels.items():
        group = folium.FeatureGroup(name=label, show=False)
        features = [dot for who, dot in points if who == claimant]
        if features:
            folium.GeoJson(
                {"type": "FeatureCollection", "features": features},
                marker=folium.CircleMarker(
                    radius=7, weight=2, color="#222222", fill=True, fill_opacity=0.9
                ),
                style_function=lambda f: {"fillColor": f["properties"]["fill"]},
                tooltip=GeoJsonTooltip(fields=["tip"], labels=False),
                popup=GeoJsonPopup(fields=["popup"], labels=False, max_width=420, **POPUP_PADDING),
                zoom_on_click=False,
                control=False,
            ).add_to(group)
        group.add_to(m)


def add_changes(
    m: folium.Map,
    districts: gpd.GeoDataFrame,
    changes: Sequence[Change],
    days: int,
    labels: Mapping[str, str],
) -> None:
    """Districts whose status changed in the last ``days``, outlined, with before and after."""
    if not changes:
        return
    by_pcode = {c.pcode: c for c in changes}
    changed = districts[districts["pcode"].isin(list(by_pcode))][["pcode", "name", "geometry"]]
    if changed.empty:
        return  # only provinces changed: their dashed outlines show it
    changed = changed.copy()
    changed["change"] = [
        esc(
            f"{labels.get(by_pcode[p].before, by_pcode[p].before)} → "
            f"{labels.get(by_pcode[p].after, by_pcode[p].after)} on "
            f"{by_pcode[p].changed_on.isoformat()}"
        )
        for p in changed["pcode"]
    ]
    folium.GeoJson(
        changed.to_json(drop_id=True),
        name=f"Changed in the last {counted(days, 'day')}",
        style_function=lambda f: {
            "fill": False,
            "color": "#111111",
            "weight": 3,
            "dashArray": "2 4",
        },
        tooltip=GeoJsonTooltip(fields=["name", "change"], aliases=["Changed", ""]),
    ).add_to(m)
