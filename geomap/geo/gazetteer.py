"""One offline name index built from boundaries, the mirror's gazetteer, GeoNames tables
shipped in PyPI packages, and the project's curated tables of key sites and foreign places.

Every Afghan point is given its district and province by one vectorised spatial join at
build time, so looking a name up later costs a dictionary access. The built index is cached
in the data directory and rebuilt when ``GAZETTEER_VERSION`` or the boundary set changes.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import pickle
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from geomap.geo.data import get_manifest
from geomap.geo.entry import Entry, is_centre_district
from geomap.geo.names import exact_key, fold, joined_key, loose_key, match_key, village_key
from geomap.settings import Settings, default_settings

GAZETTEER_VERSION = 23
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


@dataclass
class Gazetteer:
    """Name index: exact and loose keys to the entries that carry that name."""

    exact: dict[str, list[Entry]]
    loose: dict[str, list[Entry]]
    max_tokens: int
    attribution: tuple[str, ...]
    first_words: frozenset[str] = frozenset()  # keys of every name's first word
    country: str = "AF"  # the theatre's: its places are local, every other is foreign
    bare_villages: bool = False  # villages named without "village" (front-line theatres)
    name_words: frozenset[str] = frozenset()  # the theatre's people and parties: never names
    villages: dict[str, list[Entry]] = field(default_factory=dict)  # the theatre's, by village_key
    village_spellings: tuple[tuple[str, str], ...] = ()  # the theatre's other romanisations

    def may_start_name(self, word: str) -> bool:
        """False when no known name starts with this word (a fast filter)."""
        return (
            exact_key(word) in self.first_words
            or loose_key(word) in self.first_words
            or match_key(word) in self.first_words
            or village_key(word, self.village_spellings) in self.first_words
        )

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name matches exactly, else by transliteration skeleton.

        A spelling that is exactly only a village's ("Chishti Sharif") or a site's (the
        "Ishkashim" crossing) also brings the district it is a variant of ("Eshkashem"),
        for the text's cue to choose between them; the exact meanings come first.
        """
        found = self.exact.get(exact_key(name), [])
        if found and any(e.kind not in _SPOTS for e in found):
            return found
        # Transliteration keys are only trusted for names long enough to carry one.
        key = match_key(name)
        size = len(exact_key(name))
        if size < 4 or (size == 4 and not key.startswith("~")):
            return found  # four letters only by the vowel-keeping key: "Obeh" is "Obe"
        found = found + [e for e in self.loose.get(key, []) if e not in found]
        if " " in name.strip() and not found:  # one word or two: "Deh Rawood", "Dehrawud"
            joined = self.loose.get(joined_key(name), [])
            found = [e for e in joined if e.kind in ("district", "province")]  # not a person
        if not found and size >= _MIN_VILLAGE_VARIANT:  # "Myrolyubivka" for "Myroliubivka"
            found = self.villages.get(village_key(name, self.village_spellings), [])
        return found

    @functools.cached_property
    def _admin_keys(self) -> dict[str, list[str]]:
        """Spelling keys of province and district names, by kind (for near misses)."""
        keys: dict[str, list[str]] = {"province": [], "district": []}
        for key, entries in self.exact.items():
            for kind in {e.kind for e in entries if e.country == self.country} & set(keys):
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
        return [e for e in self.exact[near[0]] if e.kind == kind and e.country == self.country]

    @functools.cached_property
    def _centres(self) -> dict[str, Entry]:
        """Each province's centre district, as a town."""
        centres: dict[str, Entry] = {}
        for entries in self.exact.values():
            for e in entries:
                if (
                    e.kind == "district"
                    and e.country == self.country
                    and e.province_pcode
                    and is_centre_district(e.district_pcode)
                ):
                    centres.setdefault(e.province_pcode, replace(e, kind="city"))
        return centres

    def provincial_centre(self, province_pcode: str | None) -> Entry | None:
        """The capital of a province ("the provincial capital"), where the boundaries say."""
        return self._centres.get(province_pcode or "")

    def lookup_exact(self, name: str) -> list[Entry]:
        """Entries whose spelling-exact key matches."""
        return self.exact.get(exact_key(name), [])


_SPOTS = ("village", "border-crossing", "base", "site")  # named after a bigger place nearby
_MIN_CLOSE_LENGTH = 6
_MIN_VILLAGE_VARIANT = 6  # letters a village's other romanisation needs to be trusted
_CLOSE_CUTOFF = 0.84


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def load_gazetteer(settings: Settings | None = None) -> Gazetteer:
    """The gazetteer of the configured theatre and boundaries (built once, cached on disk)."""
    from geomap.theatre import boundary_set, load_theatre

    settings = settings or default_settings()
    # the theatre file's words (its peoples, its parties) are part of the index: an edited
    # theatre is a new cache
    edition = hashlib.sha256(Path(load_theatre(settings=settings).path).read_bytes()).hexdigest()
    return _cached(
        settings.data_dir, f"{settings.theatre}-{edition[:10]}", boundary_set(settings), settings
    )


@functools.lru_cache(maxsize=2)
def _cached(data_dir: Path, theatre: str, boundaries: str, settings: Settings) -> Gazetteer:
    name = f"gazetteer-{theatre}-{boundaries}-v{GAZETTEER_VERSION}.pickle"
    cache = data_dir / "cache" / name
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
    from geomap.geo import sources
    from geomap.geo.boundaries import load_boundaries
    from geomap.theatre import load_theatre

    settings = settings or default_settings()
    theatre = load_theatre(settings=settings)
    country = theatre.country
    bounds = load_boundaries(settings)
    named = sources.admin_entries(bounds, theatre)
    named += sources.point_entries(settings, bounds, theatre)
    named += sources.foreign_entries(country)
    canonical = _canonical_entries(entry for _alias, entry in named)
    exact: dict[str, list[Entry]] = defaultdict(list)
    loose: dict[str, list[Entry]] = defaultdict(list)
    villages: dict[str, list[Entry]] = defaultdict(list)
    max_tokens = 1
    first_words = set()
    for alias, found in named:
        entry = canonical[_identity(found)]
        if not alias or not fold(alias).strip():
            continue
        keys = [(exact, exact_key(alias, drop_generic=entry.country == country))]
        if entry.country == country and entry.kind == "village":
            keys.append((villages, village_key(alias, theatre.village_spellings)))
        elif entry.country == country:
            keys.append((loose, match_key(alias)))  # transliteration variants are local
            if " " in alias.strip() and len(joined := joined_key(alias)) >= 3:
                keys.append((loose, joined))  # "Deh Rawud" as "Dehrawud" would be spelt
                first_words.add(joined)  # … a one-word name that starts it
        for index, key in keys:
            if key and entry not in index[key]:
                index[key].append(entry)
        max_tokens = max(max_tokens, len(alias.split()))
    for index in (exact, loose, villages):
        for entries in index.values():
            entries.sort(key=lambda e: (e.rank, -e.population))
    attribution = (
        bounds.manifest.attribution,
        *([get_manifest(theatre.gazetteer, settings).attribution] if theatre.gazetteer else []),
        "Towns: GeoNames (CC BY 4.0)",
    )
    for alias, entry in named:
        words = re.findall(r"[^\s-]+", alias)
        if words:
            first_words.add(exact_key(words[0], drop_generic=entry.country == country))
            first_words.add(loose_key(words[0]))
            first_words.add(match_key(words[0]))
            if entry.kind == "village" and entry.country == country:
                first_words.add(village_key(words[0], theatre.village_spellings))
    return Gazetteer(
        dict(exact),
        dict(loose),
        min(max_tokens, 6),
        attribution,
        frozenset(first_words),
        country,
        theatre.front_line,
        theatre.name_words,
        dict(villages),
        theatre.village_spellings,
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
