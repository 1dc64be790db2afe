"""Theatres: a war described as data (``geomap/theatres/*.toml``).

A theatre names the boundaries and gazetteer to read, the parties that fight, the words the
news uses for them, and how the map labels and colours them. geomap ships
``afghanistan-2021`` (the default) and ``ukraine-2022``; a user adds one by dropping a TOML
file into ``DATA_DIR/theatres/``. Everything downstream asks the theatre, never a literal.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from geomap.errors import TheatreError
from geomap.records import ANALYST, CONTESTED, NO_REPORTS, REPORTER, THIRD_PARTY
from geomap.settings import Settings, default_settings
from geomap.tomlfile import read_toml

_CONTESTED_COLOUR = "#fdd835"
_NO_REPORTS_COLOUR = "#e6e6e6"
_REQUIRED = ("id", "title", "country", "boundaries", "attacker", "defender", "parties")


@dataclass(frozen=True)
class Party:
    """One side: its name, colour and the legend's words for it."""

    id: str
    label: str
    colour: str
    legend: str
    claims_legend: str
    claimed_colour: str = ""  # its status on its own word alone (the attacker's only)
    claimed_legend: str = ""
    noun: str = ""  # how a sentence names it ("the Taliban", "Russia")
    adjective: str = ""  # how the news qualifies its forces ("Russian", "Taliban")


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a cache key
class Theatre:
    """One war: where it is, who fights, and how the map speaks of it."""

    id: str
    title: str
    country: str  # ISO 3166 alpha-2 of the mapped country
    country_name: str
    demonym: str  # "Afghan", "Ukrainian": how the news says "of that country"
    boundaries: str  # boundary manifest name
    gazetteer: str  # the mirror's place list for this country ("" for none)
    units: str  # what the map colours, in the legend's words ("districts", "raions")
    provinces: str  # the units above them ("provinces", "oblasts")
    attacker: str
    defender: str
    claimed_status: str
    parties: tuple[Party, ...]
    words: dict[str, Any]  # [parties] and [third_party] word tables, for the claims grammar
    tables: dict[str, str] = field(default_factory=dict)  # curated CSVs in geomap/geo/tables
    front_line: bool = False  # claims are about settlements; draw them as points too
    peoples: tuple[str, ...] = ()  # the country's peoples' names ("Uzbek"): never places
    # other romanisations of its village names, as (pattern, replacement) on a name's key
    village_spellings: tuple[tuple[str, str], ...] = ()
    path: str = ""

    @functools.cached_property
    def name_words(self) -> frozenset[str]:
        """Words for the country's people and the parties ("afghan", "ukraine's", "russian",
        "taliban"): capitalised, yet never part of a place's name."""
        words = {self.demonym.lower(), f"{self.country_name.lower()}'s"}
        words |= {p.lower() for p in self.peoples}
        for party in self.parties:
            words |= {party.label.lower(), f"{party.label.lower()}'s", party.adjective.lower()}
        return frozenset(words - {""})

    def party(self, party_id: str) -> Party:
        """The party with this id."""
        return next(p for p in self.parties if p.id == party_id)

    @property
    def statuses(self) -> tuple[str, ...]:
        """What one claim may say of a place."""
        return (self.attacker, CONTESTED, self.defender)

    @property
    def claimants(self) -> tuple[str, ...]:
        """Who may make a claim."""
        return (self.attacker, self.defender, THIRD_PARTY, REPORTER, ANALYST)

    @property
    def map_statuses(self) -> tuple[str, ...]:
        """What a district may be on the map, in legend order."""
        return (self.attacker, self.claimed_status, CONTESTED, self.defender, NO_REPORTS)

    @property
    def counted(self) -> tuple[str, ...]:
        """The statuses the chart and the counts show (all but "no reports")."""
        return self.map_statuses[:-1]

    @property
    def colours(self) -> dict[str, str]:
        """Fill colour per map status."""
        attacker, defender = self.party(self.attacker), self.party(self.defender)
        return {
            self.attacker: attacker.colour,
            self.claimed_status: attacker.claimed_colour or attacker.colour,
            CONTESTED: _CONTESTED_COLOUR,
            self.defender: defender.colour,
            NO_REPORTS: _NO_REPORTS_COLOUR,
        }

    @property
    def labels(self) -> dict[str, str]:
        """Legend label per map status."""
        attacker, defender = self.party(self.attacker), self.party(self.defender)
        return {
            self.attacker: attacker.legend,
            self.claimed_status: attacker.claimed_legend or f"{attacker.label} claim",
            CONTESTED: "Contested",
            self.defender: defender.legend,
            NO_REPORTS: "No reports",
        }

    @property
    def claimant_labels(self) -> dict[str, str]:
        """Legend label per claimant, for the map's claim layers."""
        out = {p.id: p.claims_legend for p in self.parties}
        return out | {THIRD_PARTY: "Third-party claims", REPORTER: "Reporters' accounts"}


def theatre_dirs(settings: Settings | None = None) -> list[Path]:
    """Folders searched for theatre files; a user's own override the shipped ones by id."""
    settings = settings or default_settings()
    shipped = Path(str(resources.files("geomap").joinpath("theatres")))
    return [shipped, settings.data_dir / "theatres"]


def theatres(settings: Settings | None = None) -> dict[str, Theatre]:
    """Every installed theatre by id."""
    found: dict[str, Theatre] = {}
    for folder in theatre_dirs(settings):
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            theatre = read_theatre(path)
            found[theatre.id] = theatre
    return found


def load_theatre(name: str | None = None, settings: Settings | None = None) -> Theatre:
    """The named theatre (default: the settings'), read once per data folder."""
    settings = settings or default_settings()
    return _load(name or settings.theatre, settings.data_dir)


@functools.lru_cache(maxsize=8)
def _load(name: str, data_dir: Path) -> Theatre:
    known = theatres(Settings(data_dir=data_dir))
    if name not in known:
        msg = f"unknown theatre {name!r}; installed: {', '.join(sorted(known))}"
        raise TheatreError(msg)
    return known[name]


def boundary_set(settings: Settings | None = None) -> str:
    """The boundary manifest to use: the settings' own choice, else the theatre's."""
    settings = settings or default_settings()
    return settings.boundaries or load_theatre(settings=settings).boundaries


def _village_spellings(raw: dict[str, Any], path: Path) -> tuple[tuple[str, str], ...]:
    """The ``[spellings] villages`` table: (pattern, replacement) pairs, each pattern a
    regular expression that compiles."""
    try:
        pairs = tuple(
            (str(pattern), str(replacement))
            for pattern, replacement in raw.get("spellings", {}).get("villages", ())
        )
        for pattern, _replacement in pairs:
            re.compile(pattern)
    except (TypeError, ValueError, re.error) as err:
        msg = f"{path}: [spellings] villages must be [pattern, replacement] pairs ({err})"
        raise TheatreError(msg) from err
    return pairs


def read_theatre(path: Path) -> Theatre:
    """Parse one theatre file; raise ``TheatreError`` naming the file and the problem."""
    raw = read_toml(path, _REQUIRED, TheatreError, "theatre")
    try:
        parties = tuple(
            Party(
                party_id,
                spec["label"],
                spec["colour"],
                spec.get("legend", spec["label"]),
                spec.get("claims_legend", f"{spec['label']} claims"),
                spec.get("claimed_colour", ""),
                spec.get("claimed_legend", ""),
                spec.get("noun", spec["label"]),
                spec.get("adjective", spec["label"]),
            )
            for party_id, spec in raw["parties"].items()
        )
    except (KeyError, TypeError, AttributeError) as err:
        msg = f"{path}: every [parties.ID] needs label, colour, actors and speakers ({err})"
        raise TheatreError(msg) from err
    ids = {p.id for p in parties}
    if not {raw["attacker"], raw["defender"]} <= ids:
        msg = f"{path}: attacker and defender must be among the parties ({', '.join(ids)})"
        raise TheatreError(msg)
    return Theatre(
        id=raw["id"],
        title=raw["title"],
        country=raw["country"].upper(),
        country_name=raw.get("country_name", raw["country"]),
        demonym=raw.get("demonym", raw.get("country_name", raw["country"])),
        boundaries=raw["boundaries"],
        gazetteer=raw.get("gazetteer", ""),
        units=raw.get("units", "districts"),
        provinces=raw.get("provinces", "provinces"),
        attacker=raw["attacker"],
        defender=raw["defender"],
        claimed_status=raw.get("claimed_status", f"{raw['attacker']}-claimed"),
        parties=parties,
        words={"parties": raw["parties"], "third_party": raw.get("third_party", {})},
        tables=dict(raw.get("tables", {})),
        front_line=bool(raw.get("front_line", False)),
        peoples=tuple(raw.get("peoples", ())),
        village_spellings=_village_spellings(raw, path),
        path=str(path),
    )
