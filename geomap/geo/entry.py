"""One meaning of a place name, as the gazetteer knows it."""

from __future__ import annotations

from dataclasses import dataclass

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
