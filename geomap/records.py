"""Plain records that flow between the stages (articles → places → claims → control).

Every stage takes and returns these; none of them knows about files, SQLite or maps.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

# Statuses and claimants that every theatre shares; the parties' own (a claim's status
# "taliban" or "russia", the map's "taliban-claimed") come from the theatre (theatre.py).
CONTESTED = "contested"  # a claim or a district status: fighting, a siege, an effort to retake
NO_REPORTS = "no-reports"  # a district status: no article says anything about it
THIRD_PARTY = "third-party"  # a claimant: neither side (foreign governments, observers, media)
REPORTER = "reporter"  # a claimant: the article's own voice, unattributed
ANALYST = "analyst"  # the claimant, source and article id of an analyst's own assessment
# What an analyst's review did to a claim (``Claim.review``) or may do (``Review.action``).
REJECTED, CONFIRMED, CORRECTED = "rejected", "confirmed", "corrected"
REVIEW_ACTIONS = ("reject", "confirm", "correct", "set")
EVIDENCE_LIMIT = 20  # sentences per district in tables and exports (all are in claims.csv)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from disk (or from a JSON Lines row)."""

    id: str
    path: str
    title: str | None
    text: str
    sha256: str
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        """How maps and notes name the article: its outlet, else its title, else its file."""
        return self.outlet or self.title or self.path.replace("\\", "/").rsplit("/", 1)[-1]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape used by ``geomap extract`` (article header only)."""
        return {
            "path": self.path,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "sha256": self.sha256,
            "outlet": self.outlet,
            "undated": self.published is None,
        }


@dataclass(frozen=True, slots=True)
class Location:
    """Where a place is: its name, kind, point and administrative units.

    The gazetteer's meanings of a name (``geo.entry.Entry``) and the places found in an
    article (``Place``) are both locations; ``Place`` adds where in the text it was named.
    """

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


LOCATION_FIELDS = tuple(Location.__dataclass_fields__)
PLACE_FIELDS = ("mention", "start", "end", *LOCATION_FIELDS)


@dataclass(frozen=True, slots=True, kw_only=True)
class Place(Location):
    """A place mention in an article, resolved to a point, district and province."""

    mention: str
    start: int
    end: int

    @classmethod
    def of(
        cls, location: Location, mention: str, start: int = 0, end: int = 0, **changes: Any
    ) -> Place:
        """``location`` as named by ``mention`` at ``start:end`` of a text (``changes``
        override its fields)."""
        where = {name: getattr(location, name) for name in LOCATION_FIELDS} | changes
        return cls(mention=mention, start=start, end=end, **where)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape used by ``geomap extract`` (the mention first)."""
        return {name: getattr(self, name) for name in PLACE_FIELDS}


@dataclass(frozen=True, slots=True)
class Claim:
    """One assertion in one article: who says what status holds at a place, and when."""

    place: Place
    status: str
    claimed_by: str
    as_of: date | None
    evidence: str
    start: int
    end: int
    confidence: float
    article_id: str
    as_of_precision: str = "day"  # day | month | unknown
    hedged: bool = False
    review: str | None = None  # rejected | confirmed | corrected | analyst (set by a review)
    review_note: str | None = None
    review_of: str | None = None  # a corrected claim keeps the id it had before

    @property
    def id(self) -> str:
        """Stable id: the same article text read by the same rules gives the same id.

        Built from the article's content hash, the sentence's offsets, the place and what
        is claimed by whom, never from a row number; a corrected claim keeps its old id.
        """
        if self.review_of:
            return self.review_of
        p = self.place
        key = (
            f"{self.article_id}|{self.start}|{self.end}|{p.name}|{p.district_pcode}|"
            f"{p.province_pcode}|{self.status}|{self.claimed_by}"
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape used by ``geomap extract``."""
        p = self.place
        return {
            "id": self.id,
            "place": p.name,
            "kind": p.kind,
            "district": p.district,
            "district_pcode": p.district_pcode,
            "province": p.province,
            "province_pcode": p.province_pcode,
            "lat": p.lat,
            "lon": p.lon,
            "status": self.status,
            "claimed_by": self.claimed_by,
            "as_of": _as_of_text(self.as_of, self.as_of_precision),
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 2),
            "hedged": self.hedged,
            "review": self.review,
            "review_note": self.review_note,
        }


# The keys of ``Claim.to_dict``, in order: the columns of claims.csv and the claims layer.
CLAIM_COLUMNS = (
    "id",
    "place",
    "kind",
    "district",
    "district_pcode",
    "province",
    "province_pcode",
    "lat",
    "lon",
    "status",
    "claimed_by",
    "as_of",
    "evidence",
    "start",
    "end",
    "confidence",
    "hedged",
    "review",
    "review_note",
)


@dataclass(frozen=True, slots=True)
class Review:
    """An analyst's decision about a claim (reject, confirm, correct) or a district (set)."""

    id: int
    action: str  # reject | confirm | correct | set
    claim_id: str | None  # for reject, confirm, correct
    place: Place | None  # correct --place, and the district of set
    status: str | None  # correct --status, set STATUS
    as_of: date | None  # correct --date, set --as-of
    note: str
    by: str
    at: str  # ISO timestamp
    undone: bool = False
    claim_text: str = ""  # what the claim said when it was reviewed (to report lost reviews)

    def to_dict(self) -> dict[str, Any]:
        """A flat row for ``geomap review list`` and the corrections CSV."""
        p = self.place
        return {
            "review_id": self.id,
            "action": self.action,
            "claim_id": self.claim_id,
            "pcode": (p.district_pcode or p.province_pcode) if p else None,
            "place": p.name if p else None,
            "status": self.status,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "note": self.note,
            "by": self.by,
            "at": self.at,
            "undone": self.undone,
            "claim": self.claim_text,
        }


@dataclass(frozen=True, slots=True)
class AggregateClaim:
    """A claim about many places at once: "250 of Afghanistan's 398 districts"."""

    text: str
    claimed_by: str
    as_of: date | None
    evidence: str
    start: int
    end: int
    article_id: str
    count: int | None = None
    total: int | None = None
    share: float | None = None
    unit: str | None = None  # districts, territory, border, ...
    region: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape used by ``geomap extract``."""
        d = asdict(self)
        d["as_of"] = self.as_of.isoformat() if self.as_of else None
        return d


# The flat columns of a district's status in tables and exports (``evidence`` joined).
DISTRICT_COLUMNS = (
    "status",
    "confidence",
    "claims",
    "sources",
    "latest",
    "reason",
    "reviewed",
    "review_note",
)


@dataclass(frozen=True, slots=True)
class DistrictStatus:
    """The assessed status of one district (or province) with the claims behind it."""

    pcode: str
    name: str
    province: str | None
    status: str  # taliban | taliban-claimed | contested | government | no-reports
    confidence: float
    claims: tuple[Claim, ...] = field(default_factory=tuple)
    sources: int = 0
    latest: date | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return a flat dict for tables and exports."""
        return {
            "pcode": self.pcode,
            "name": self.name,
            "province": self.province,
            "status": self.status,
            "confidence": round(self.confidence, 2),
            "claims": len(self.claims),
            "sources": self.sources,
            "latest": self.latest.isoformat() if self.latest else None,
            "reason": self.reason,
            "reviewed": any(c.review for c in self.claims),
            "review_note": "; ".join(
                dict.fromkeys(c.review_note for c in self.claims if c.review_note)
            )
            or None,
            "claim_ids": [c.id for c in self.claims][:EVIDENCE_LIMIT],
            # distinct sentences, newest first; copies of one story say the same thing
            "evidence": list(dict.fromkeys(c.evidence for c in self.claims))[:EVIDENCE_LIMIT],
        }


def _as_of_text(value: date | None, precision: str) -> str | None:
    if value is None:
        return None
    return value.strftime("%Y-%m") if precision == "month" else value.isoformat()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one article: its places, claims and aggregate claims."""

    article: Article
    places: tuple[Place, ...]
    claims: tuple[Claim, ...] = ()
    aggregate_claims: tuple[AggregateClaim, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines object printed by ``geomap extract --format json``."""
        return {
            "article": self.article.to_dict(),
            "places": [p.to_dict() for p in self.places],
            "claims": [c.to_dict() for c in self.claims],
            "aggregate_claims": [a.to_dict() for a in self.aggregate_claims],
        }
