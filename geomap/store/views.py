"""The map's per-unit views kept between builds, and which units new articles touch.

A build records, per article, a signature (everything about it a view depends on: its
extractor, metadata and copy group) and the units its places lie in. The next build
compares signatures: the units of articles added, removed or changed are the ones whose
views are recomputed; every other view is read back as it was.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Mapping

from geomap.store.schema import PLACE_UNIT

_KEY = "views_key"  # meta: what the stored views were computed under (theatre, date, …)
# Everything about an article that its claims and views depend on (its text is in its id).
SIGNATURE = (
    "id || '|' || path || '|' || coalesce(title, '') || '|' || coalesce(outlet, '') || '|' || "
    "coalesce(published, '') || '|' || coalesce(url, '') || '|' || coalesce(extractor, '') "
    "|| '|' || coalesce(group_id, '')"
)


def touched_units(conn: sqlite3.Connection, key: str, country: str) -> set[str] | None:
    """Units whose views must be recomputed; None when every view must be (none stored,
    or stored under another ``key``)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_KEY,)).fetchone()
    if row is None or row[0] != key:
        return None
    now, before, changed = _compare(conn)
    gone = set(before) - set(now)
    units = {u for sha in [*changed, *gone] if sha in before for u in _split(before[sha][1])}
    for found in units_of(conn, changed, country).values():
        units |= found
    return units


def _compare(
    conn: sqlite3.Connection,
) -> tuple[dict[str, str], dict[str, tuple[str, str]], list[str]]:
    """Every article's signature now, what the views were made from (signature, units),
    and the articles whose signature changed since (new ones included)."""
    now = dict(conn.execute(f"SELECT sha256, {SIGNATURE} FROM articles"))
    before = {
        sha: (signature, units)
        for sha, signature, units in conn.execute(
            "SELECT sha256, signature, units FROM view_articles"
        )
    }
    changed = [sha for sha, signature in now.items() if before.get(sha, ("",))[0] != signature]
    return now, before, changed


def units_of(
    conn: sqlite3.Connection, shas: Collection[str] | None, country: str
) -> dict[str, set[str]]:
    """The units each article's places lie in (every article's when ``shas`` is None)."""
    query = (
        f"SELECT DISTINCT sha256, {PLACE_UNIT} FROM places WHERE country = ? AND kind != 'country'"
    )
    rows: Iterable[tuple[str, str]]
    if shas is None:
        rows = conn.execute(query, (country,))
    else:
        rows = (
            row for sha in shas for row in conn.execute(query + " AND sha256 = ?", (country, sha))
        )
    out: dict[str, set[str]] = {}
    for sha, unit in rows:
        out.setdefault(sha, set()).add(unit)
    return out


def stored_views(conn: sqlite3.Connection) -> dict[str, str]:
    """Every stored view (unit → its JSON)."""
    return dict(conn.execute("SELECT unit, view FROM unit_views"))


def save_views(
    conn: sqlite3.Connection,
    key: str,
    views: Mapping[str, str],
    replaced: Collection[str] | None,
    country: str,
) -> None:
    """Store freshly computed views: of the ``replaced`` units (their old views go, units
    with no view now included), or of every unit when ``replaced`` is None."""
    with conn:
        if replaced is None:
            conn.execute("DELETE FROM unit_views")
        else:
            conn.executemany("DELETE FROM unit_views WHERE unit = ?", [(u,) for u in replaced])
        conn.executemany("INSERT INTO unit_views VALUES (?, ?)", views.items())
        now, before, changed = _compare(conn)
        if replaced is None:
            conn.execute("DELETE FROM view_articles")
            changed = list(now)
        units = units_of(conn, None if replaced is None else changed, country)
        conn.executemany(
            "DELETE FROM view_articles WHERE sha256 = ?", [(sha,) for sha in set(before) - set(now)]
        )
        conn.executemany(
            "INSERT OR REPLACE INTO view_articles VALUES (?, ?, ?)",
            [(sha, now[sha], _join(units.get(sha, ()))) for sha in changed],
        )
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_KEY, key))


def _join(units: Iterable[str]) -> str:
    return json.dumps(sorted(units))


def _split(units: str) -> list[str]:
    return list(json.loads(units))
