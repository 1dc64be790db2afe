"""Analyst review: decisions about claims, kept in the store and re-applied on every build.

No extractor reads every sentence right. An analyst rejects, confirms or corrects a claim
(by its stable id), or sets a district's status from a date on; ``apply_reviews`` turns the
stored decisions into reviewed claims before control is assessed, so every rebuild — new
articles, ``--force``, new rules — starts from the same decisions. A review whose claim no
longer exists is returned as unmatched, never silently dropped.
"""

from __future__ import annotations

import csv
import getpass
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from geomap.errors import ReviewError
from geomap.records import (
    ANALYST,
    CONFIRMED,
    CORRECTED,
    REJECTED,
    Article,
    Claim,
    Extraction,
    Place,
    Review,
)
from geomap.settings import Settings, default_settings
from geomap.store.database import Store
from geomap.store.reviews import load_reviews, mark_undone, save_review
from geomap.theatre import load_theatre

ANALYST_ARTICLE = Article(
    id=ANALYST,
    path="analyst review",
    title="Analyst assessments",
    text="",
    sha256=ANALYST,
    outlet="Analyst review",
)
_OUTCOME = {"reject": REJECTED, "confirm": CONFIRMED, "correct": CORRECTED}
CSV_COLUMNS = ("action", "claim_id", "pcode", "place", "status", "as_of", "note", "by", "at")


def default_reviewer() -> str:
    """Who is reviewing: the user's login name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def apply_reviews(
    extractions: Sequence[Extraction], reviews: Iterable[Review]
) -> tuple[list[Extraction], list[Review]]:
    """Reviewed extractions (plus one for analyst-set statuses) and the unmatched reviews.

    The latest active review of a claim decides; undone reviews count for nothing.
    """
    active = [r for r in reviews if not r.undone]
    latest = {r.claim_id: r for r in active if r.action in _OUTCOME and r.claim_id}
    seen: set[str] = set()
    out = []
    for extraction in extractions:
        claims = []
        for claim in extraction.claims:
            review = latest.get(claim.id)
            if review is not None:
                seen.add(claim.id)
                claim = _reviewed(claim, review)
            claims.append(claim)
        out.append(replace(extraction, claims=tuple(claims)))
    analyst = [_analyst_claim(r) for r in active if r.action == "set" and r.place is not None]
    if analyst:
        out.append(Extraction(ANALYST_ARTICLE, (), tuple(analyst)))
    unmatched = [r for r in latest.values() if r.claim_id not in seen]
    return out, unmatched


def _reviewed(claim: Claim, review: Review) -> Claim:
    outcome = _OUTCOME[review.action]
    if outcome != CORRECTED:
        return replace(claim, review=outcome, review_note=review.note or None)
    return replace(
        claim,
        status=review.status or claim.status,
        place=review.place or claim.place,
        as_of=review.as_of or claim.as_of,
        as_of_precision="day" if review.as_of else claim.as_of_precision,
        review=CORRECTED,
        review_note=review.note or None,
        review_of=claim.id,
    )


def _analyst_claim(review: Review) -> Claim:
    assert review.place is not None and review.status is not None
    return Claim(
        place=review.place,
        status=review.status,
        claimed_by=ANALYST,
        as_of=review.as_of,
        evidence=f"Analyst assessment by {review.by}: {review.note}",
        start=0,
        end=0,
        confidence=0.95,
        article_id=ANALYST,
        review=ANALYST,
        review_note=review.note or None,
        review_of=f"review-{review.id}",
    )


def find_claim(extractions: Iterable[Extraction], claim_id: str) -> Claim | None:
    """The claim with this id in the stored extractions, if any."""
    return next((c for r in extractions for c in r.claims if c.id == claim_id), None)


def review_claim(
    store: Store,
    action: str,
    claim_id: str,
    note: str = "",
    by: str | None = None,
    status: str | None = None,
    place: Place | None = None,
    as_of: date | None = None,
) -> Review:
    """Reject, confirm or correct one stored claim; ``ReviewError`` if there is no such claim."""
    if action not in _OUTCOME:
        msg = f"unknown review action {action!r}; use reject, confirm or correct"
        raise ReviewError(msg)
    if status is not None:
        _check_status(status, store)
    claim = find_claim(store.extractions(), claim_id)
    if claim is None:
        msg = f"no claim {claim_id!r} in {store.path} (`geomap review list` shows the ids)"
        raise ReviewError(msg)
    if action == "correct" and not (status or place or as_of):
        msg = "a correction needs --status, --place or --date"
        raise ReviewError(msg)
    summary = f"{claim.place.name} {claim.status} ({claim.claimed_by}): {claim.evidence}"
    return save_review(
        store,
        Review(
            0,
            action,
            claim_id,
            place,
            status,
            as_of,
            note,
            by or default_reviewer(),
            _now(),
            claim_text=summary[:500],
        ),
    )


def set_status(
    store: Store,
    place: Place,
    status: str,
    as_of: date,
    note: str,
    by: str | None = None,
) -> Review:
    """An analyst's own assessment of a district (or province) from ``as_of`` on."""
    _check_status(status, store)
    return save_review(
        store, Review(0, "set", None, place, status, as_of, note, by or default_reviewer(), _now())
    )


def undo(store: Store, review_id: int) -> Review:
    """Take a review back (it stays in the store, marked undone)."""
    return mark_undone(store, review_id)


def _check_status(status: str, store: Store) -> None:
    statuses = load_theatre(store.theatre).statuses
    if status not in statuses:
        msg = f"unknown status {status!r}; use one of {', '.join(statuses)}"
        raise ReviewError(msg)


def district_place(pcode: str, settings: Settings | None = None) -> Place:
    """A district or province, by P-code, as a place at its representative point."""
    from geomap.geo.boundaries import load_boundaries

    bounds = load_boundaries(settings or default_settings())
    for layer, kind in ((bounds.districts, "district"), (bounds.provinces, "province")):
        rows = layer[layer["pcode"] == pcode]
        if len(rows):
            row = rows.iloc[0]
            point = row.geometry.representative_point()
            district = row["name"] if kind == "district" else None
            return Place(
                mention=row["name"],
                start=0,
                end=0,
                name=row["name"],
                kind=kind,
                lat=round(point.y, 5),
                lon=round(point.x, 5),
                country=load_theatre(settings=settings).country,
                district=district,
                district_pcode=pcode if kind == "district" else None,
                province=row["province"] if kind == "district" else row["name"],
                province_pcode=row["province_pcode"] if kind == "district" else pcode,
                source="analyst",
            )
    msg = f"no district or province with P-code {pcode!r} in {bounds.manifest.name}"
    raise ReviewError(msg)


def resolve_place(name_or_pcode: str, settings: Settings | None = None) -> Place:
    """A P-code, or a name the gazetteer knows, as a place (for ``review correct --place``)."""
    from geomap.geo.gazetteer import load_gazetteer

    if name_or_pcode[:2].isalpha() and name_or_pcode[2:].isdigit():
        return district_place(name_or_pcode.upper(), settings)
    found = load_gazetteer(settings).lookup(name_or_pcode)
    country = load_theatre(settings=settings).country
    local = [e for e in found if e.country == country and e.kind != "village"]
    if not local:
        msg = f"{name_or_pcode!r} is not a place the gazetteer knows; give a P-code instead"
        raise ReviewError(msg)
    return Place.of(local[0], name_or_pcode)


def export_csv(store: Store, path: Path) -> int:
    """Write every active review to a CSV a team can keep in version control."""
    rows = [r.to_dict() for r in load_reviews(store) if not r.undone]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def import_csv(store: Store, path: Path, settings: Settings | None = None) -> int:
    """Add the reviews in a CSV written by ``export_csv``; returns how many were new."""
    known = {_identity(r.to_dict()) for r in load_reviews(store) if not r.undone}
    added = 0
    with path.open(newline="", encoding="utf-8") as fh:
        for number, row in enumerate(csv.DictReader(fh), start=2):
            if _identity(row) in known:
                continue
            try:
                review = _from_row(row, settings)
            except (ReviewError, ValueError, KeyError) as err:
                msg = f"{path}:{number}: {err}"
                raise ReviewError(msg) from err
            save_review(store, review)
            known.add(_identity(row))
            added += 1
    return added


def _from_row(row: dict[str, Any], settings: Settings | None) -> Review:
    action = row["action"]
    if action not in (*_OUTCOME, "set"):
        msg = f"unknown action {action!r}"
        raise ReviewError(msg)
    place = None
    if action == "set" or row.get("place") or row.get("pcode"):
        place = resolve_place(row.get("pcode") or row["place"], settings)
    return Review(
        0,
        action,
        row.get("claim_id") or None,
        place,
        row.get("status") or None,
        date.fromisoformat(row["as_of"]) if row.get("as_of") else None,
        row.get("note") or "",
        row.get("by") or default_reviewer(),
        row.get("at") or _now(),
    )


def _identity(row: dict[str, Any]) -> tuple[str, ...]:
    return tuple(
        str(row.get(k) or "")
        for k in ("action", "claim_id", "pcode", "status", "as_of", "note", "by", "at")
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
