"""Geocoders behind geopy's ``Geocoder`` interface, so offline and online are interchangeable.

``GazetteerGeocoder`` answers from the offline gazetteer (default, no network).
``CachedNominatim`` is geopy's Nominatim, rate-limited to one request a second and cached
on disk; ``FallbackGeocoder`` asks each in turn. Both return ``geopy.Location`` objects whose
``raw`` dict carries kind, country, P-codes and the source that answered, and can be passed
to ``geopandas.tools.geocode(..., provider=geocoder)``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from geopy.exc import GeocoderServiceError
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geomap.geo.entry import Entry
from geomap.geo.gazetteer import Gazetteer, load_gazetteer
from geomap.geo.names import GENERIC_WORDS, fold
from geomap.settings import Settings, default_settings
from geomap.theatre import load_theatre


def _location(entry: Entry) -> Location:
    raw = asdict(entry)
    address = ", ".join(
        x
        for x in (
            entry.name,
            entry.district if entry.kind != "district" else None,
            entry.province,
            entry.country,
        )
        if x
    )
    return Location(address, (entry.lat or 0.0, entry.lon or 0.0), raw)


class GazetteerGeocoder(Geocoder):
    """Offline geocoder over geomap's gazetteer (never touches the network)."""

    def __init__(self, gazetteer: Gazetteer | None = None, settings: Settings | None = None):
        super().__init__(user_agent="geomap-offline")
        self._settings = settings or default_settings()
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        """The name index, loaded on first use."""
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer(self._settings)
        return self._gazetteer

    def geocode(
        self, query: str, *, exactly_one: bool = True, timeout: Any = None, kind: str | None = None
    ) -> Location | list[Location] | None:
        """Resolve a name ("Herat province", "Qala-i-Naw"); ``kind`` narrows the meaning."""
        words = query.replace(",", " ").split()
        generic = [w for w in words if fold(w) in GENERIC_WORDS]
        name = " ".join(w for w in words if fold(w) not in GENERIC_WORDS) or query
        if kind is None and generic:
            kind = {"provinces": "province", "districts": "district", "town": "city"}.get(
                fold(generic[-1]), fold(generic[-1])
            )
        entries = [
            e for e in self.gazetteer.lookup(name) if e.lat is not None or e.kind == "country"
        ]
        if kind:
            entries = [e for e in entries if e.kind == kind] or entries
        if not entries:
            return None
        locations = [_location(e) for e in entries]
        return locations[0] if exactly_one else locations

    def reverse(
        self, query: Sequence[float] | str, *, exactly_one: bool = True, timeout: Any = None
    ) -> Location | list[Location] | None:
        """The district containing a (lat, lon) point, as a Location."""
        lat, lon = (
            [float(v) for v in query.split(",")]
            if isinstance(query, str)
            else [float(v) for v in query]
        )
        from geomap.geo.boundaries import district_at

        row = district_at(lat, lon, self._settings)
        if row["district_pcode"] is None:
            return None
        entry = Entry(
            row["district"],
            "district",
            lat,
            lon,
            load_theatre(settings=self._settings).country,
            row["district"],
            row["district_pcode"],
            row["province"],
            row["province_pcode"],
            "boundaries",
        )
        return _location(entry) if exactly_one else [_location(entry)]


class CachedNominatim(Geocoder):
    """geopy's Nominatim, one request a second, with answers cached in SQLite.

    Opt-in only (``--online``): it sends place names to OpenStreetMap's servers.
    """

    def __init__(self, settings: Settings | None = None, country_codes: str | None = None):
        super().__init__(user_agent=(settings or default_settings()).user_agent)
        from geopy.extra.rate_limiter import RateLimiter

        self._settings = settings or default_settings()
        self._nominatim = Nominatim(user_agent=self._settings.user_agent)
        self._limited = RateLimiter(
            self._nominatim.geocode, min_delay_seconds=1.0, max_retries=1, swallow_exceptions=False
        )
        self._country_codes = country_codes or load_theatre(settings=self._settings).country.lower()
        self._cache_path = self._settings.data_dir / "cache" / "nominatim.sqlite"

    def _cache(self) -> sqlite3.Connection:
        self._cache_path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self._cache_path)
        conn.execute("CREATE TABLE IF NOT EXISTS answers (query TEXT PRIMARY KEY, raw TEXT)")
        return conn

    def geocode(
        self, query: str, *, exactly_one: bool = True, timeout: Any = None
    ) -> Location | list[Location] | None:
        """Ask Nominatim (or the cache) and join the answer to its district."""
        with self._cache() as conn:
            row = conn.execute("SELECT raw FROM answers WHERE query = ?", (query,)).fetchone()
            if row is None:
                try:
                    found = self._limited(
                        query, exactly_one=True, country_codes=self._country_codes
                    )
                except GeocoderServiceError:
                    return None
                raw = found.raw if found else None
                conn.execute(
                    "INSERT OR REPLACE INTO answers VALUES (?, ?)", (query, json.dumps(raw))
                )
            else:
                raw = json.loads(row[0])
        if not raw:
            return None
        lat, lon = float(raw["lat"]), float(raw["lon"])
        from geomap.geo.boundaries import district_at

        hit = district_at(lat, lon, self._settings)
        entry = Entry(
            str(raw.get("name") or query),
            "city",
            lat,
            lon,
            load_theatre(settings=self._settings).country if hit["district_pcode"] else None,
            hit["district"],
            hit["district_pcode"],
            hit["province"],
            hit["province_pcode"],
            "nominatim",
        )
        return _location(entry) if exactly_one else [_location(entry)]


class FallbackGeocoder(Geocoder):
    """Ask each geocoder in order; the first answer wins."""

    def __init__(self, geocoders: Sequence[Geocoder]):
        super().__init__(user_agent="geomap-fallback")
        self.geocoders = list(geocoders)

    def geocode(
        self, query: str, *, exactly_one: bool = True, timeout: Any = None
    ) -> Location | list[Location] | None:
        """The first geocoder's answer that is not empty."""
        for geocoder in self.geocoders:
            found = geocoder.geocode(query, exactly_one=exactly_one)
            if found:
                return found
        return None


GEOCODERS = ("gazetteer", "gazetteer+nominatim")


def geocoder_for(settings: Settings | None = None, gazetteer: Gazetteer | None = None) -> Geocoder:
    """The geocoder named by ``settings.geocoder`` (offline unless asked otherwise)."""
    settings = settings or default_settings()
    offline = GazetteerGeocoder(gazetteer, settings)
    if settings.geocoder == "gazetteer":
        return offline
    if settings.geocoder == "gazetteer+nominatim":
        return FallbackGeocoder([offline, CachedNominatim(settings)])
    msg = f"unknown geocoder {settings.geocoder!r}; choose one of {', '.join(GEOCODERS)}"
    raise ValueError(msg)
