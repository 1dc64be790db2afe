"""One meaning of a place name, as the gazetteer knows it."""

from __future__ import annotations

from dataclasses import dataclass

from geomap.records import Location

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


def is_centre_district(district_pcode: str | None) -> bool:
    """The boundaries number a province's centre district 01 (AF3101: Qala-e-Naw)."""
    return bool(district_pcode and district_pcode.endswith("01"))


@dataclass(frozen=True, slots=True)
class Entry(Location):
    """One meaning of a name: a location, and how many live there (to rank namesakes)."""

    population: int = 0

    @property
    def rank(self) -> int:
        """Default preference among meanings of one name (lower is preferred)."""
        return KIND_RANK.get(self.kind, 9)
