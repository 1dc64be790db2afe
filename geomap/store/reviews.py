"""The store's table of analyst reviews: written once, never deleted (undo marks a row)."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from geomap.errors import ReviewError
from geomap.records import Place, Review
from geomap.store.database import Store

_COLUMNS = "id, action, claim_id, place, status, as_of, note, by, at, undone, claim_text"


def save_review(store: Store, review: Review) -> Review:
    """Store a new review (its ``id`` is assigned here) and return it."""
    with store.conn:
        cursor = store.conn.execute(
            f"INSERT INTO reviews ({_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                review.action,
                review.claim_id,
                json.dumps(asdict(review.place)) if review.place else None,
                review.status,
                review.as_of.isoformat() if review.as_of else None,
                review.note,
                review.by,
                review.at,
                int(review.undone),
                review.claim_text,
            ),
        )
    return replace(review, id=int(cursor.lastrowid or 0))


def load_reviews(store: Store) -> list[Review]:
    """Every review, oldest first (undone ones too: the caller decides)."""
    rows = store.conn.execute(f"SELECT {_COLUMNS} FROM reviews ORDER BY id").fetchall()
    return [_review(row) for row in rows]


def mark_undone(store: Store, review_id: int) -> Review:
    """Undo one review; ``ReviewError`` when there is no such review or it is undone."""
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM reviews WHERE id = ?", (review_id,))
    found = row.fetchone()
    if found is None:
        msg = f"no review {review_id} in {store.path} (`geomap review list` shows them)"
        raise ReviewError(msg)
    review = _review(found)
    if review.undone:
        msg = f"review {review_id} was already undone"
        raise ReviewError(msg)
    with store.conn:
        store.conn.execute("UPDATE reviews SET undone = 1 WHERE id = ?", (review_id,))
    return replace(review, undone=True)


def _review(row: Any) -> Review:
    place = Place(**json.loads(row[3])) if row[3] else None
    return Review(
        id=row[0],
        action=row[1],
        claim_id=row[2],
        place=place,
        status=row[4],
        as_of=date.fromisoformat(row[5]) if row[5] else None,
        note=row[6] or "",
        by=row[7] or "",
        at=row[8] or "",
        undone=bool(row[9]),
        claim_text=row[10] or "",
    )
