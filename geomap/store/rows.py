"""Records to rows and back: an extraction written to, and read from, the store's tables.

Columns are named after the records' fields (``records.PLACE_FIELDS``, ``Claim``,
``AggregateClaim``), so a new field is a migration and nothing else here.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Collection, Iterable, Sequence
from dataclasses import fields
from datetime import date
from typing import Any

from geomap.records import (
    LOCATION_FIELDS,
    PLACE_FIELDS,
    AggregateClaim,
    Article,
    Claim,
    Extraction,
    Place,
)
from geomap.store.schema import PLACE_UNIT

# Stored per claim beside its place's index; the article and the review live elsewhere.
CLAIM_FIELDS = tuple(
    f.name
    for f in fields(Claim)
    if f.name not in ("place", "article_id") and not f.name.startswith("review")
)
AGGREGATE_FIELDS = tuple(f.name for f in fields(AggregateClaim) if f.name != "article_id")
ARTICLE_COLUMNS = "id, path, title, text, sha256, outlet, published, url"


def article_from_row(row: Sequence[Any]) -> Article:
    """An Article from a row of ``ARTICLE_COLUMNS``."""
    published = date.fromisoformat(row[6]) if row[6] else None
    return Article(row[0], row[1], row[2], row[3], row[4], row[5], published, row[7])


def save_extraction(
    conn: sqlite3.Connection, extraction: Extraction, extractor: str, now: str
) -> None:
    """Store (or replace) one article with its places, claims and aggregates."""
    a = extraction.article
    conn.execute(
        "INSERT INTO articles (sha256, id, path, title, outlet, published, text, extractor,"
        " added, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE "
        "SET extractor = excluded.extractor, title = coalesce(excluded.title, "
        "articles.title), outlet = coalesce(excluded.outlet, articles.outlet), published ="
        " coalesce(excluded.published, articles.published), url = coalesce(excluded.url, "
        "articles.url)",
        (
            a.sha256,
            a.id,
            a.path,
            a.title,
            a.outlet,
            _sql(a.published),
            a.text,
            extractor,
            now,
            a.url,
        ),
    )
    for table in ("places", "claims", "aggregates"):
        conn.execute(f"DELETE FROM {table} WHERE sha256 = ?", (a.sha256,))
    _insert(
        conn,
        "places",
        PLACE_FIELDS,
        [(a.sha256, i, *p.to_dict().values()) for i, p in enumerate(extraction.places)],
    )
    index = {id(p): i for i, p in enumerate(extraction.places)}
    _insert(
        conn,
        "claims",
        ("place_idx", *CLAIM_FIELDS),
        [
            (
                a.sha256,
                i,
                _place_index(c, extraction.places, index),
                *[_sql(getattr(c, f)) for f in CLAIM_FIELDS],
            )
            for i, c in enumerate(extraction.claims)
        ],
    )
    _insert(
        conn,
        "aggregates",
        AGGREGATE_FIELDS,
        [
            (a.sha256, i, *[_sql(getattr(g, f)) for f in AGGREGATE_FIELDS])
            for i, g in enumerate(extraction.aggregate_claims)
        ],
    )


def load_extractions(
    conn: sqlite3.Connection,
    country: str,
    articles: list[Article],
    extractor: dict[str, str],
    whole: bool,
    units: Collection[str] | None = None,
) -> dict[tuple[str, str], Extraction]:
    """The stored extractions of ``articles`` (the theatre's own places only), keyed by
    (sha256, extractor). ``whole``: these are all the stored articles (no IN list).
    ``units``: only the places and claims in these units (``PLACE_UNIT``), no aggregates,
    and only the articles with such places."""
    # Thousands of rows repeat the same names, codes and sentences: keep one copy each.
    pool: dict[Any, Any] = {}
    one = pool.setdefault  # one copy of each string (a comprehension, not a call per value)

    by_sha = {a.sha256: a for a in articles}
    where = ""  # every stored article
    args: tuple[str, ...] = ()
    if units is not None:
        where, args = f"AND {PLACE_UNIT} IN ({','.join('?' * len(units))})", tuple(units)
    elif not whole:
        where, args = f"AND sha256 IN ({','.join('?' * len(by_sha))})", tuple(by_sha)
    places: dict[str, dict[int, Place]] = {}
    for row in conn.execute(
        f'SELECT sha256, idx, {_columns(LOCATION_FIELDS)}, mention, start, "end" '
        "FROM places WHERE country = ? "
        f"AND kind != 'country' {where} ORDER BY sha256, idx",
        (country, *args),
    ):
        *location, mention, start, end = [one(v, v) if type(v) is str else v for v in row[2:]]
        places.setdefault(row[0], {})[row[1]] = Place(
            *location, mention=mention, start=start, end=end
        )
    claims: dict[str, list[Claim]] = {}
    claims_sql = (
        f"SELECT sha256, place_idx, {_columns(CLAIM_FIELDS)} FROM claims WHERE 1 {where} "
        "ORDER BY sha256, idx"
        if units is None
        else f"SELECT c.sha256, c.place_idx, {_columns(CLAIM_FIELDS, 'c.')} "
        "FROM claims c JOIN places ON places.sha256 = c.sha256 AND places.idx = c.place_idx "
        f"WHERE places.country = ? {where} ORDER BY c.sha256, c.idx"
    )
    for row in conn.execute(claims_sql, args if units is None else (country, *args)):
        sha = row[0]
        values = [one(v, v) if type(v) is str else v for v in row[2:]]
        claim = dict(zip(CLAIM_FIELDS, values, strict=True))
        claim["as_of"] = _day(claim["as_of"])
        claim["hedged"] = bool(claim["hedged"])
        claims.setdefault(sha, []).append(
            Claim(place=places[sha][row[1]], article_id=by_sha[sha].id, **claim)
        )
    aggregates: dict[str, list[AggregateClaim]] = {}
    for row in (
        ()
        if units is not None
        else conn.execute(
            f"SELECT sha256, {_columns(AGGREGATE_FIELDS)} FROM aggregates WHERE 1 {where} "
            "ORDER BY sha256, idx",
            args,
        )
    ):
        aggregates.setdefault(row[0], []).append(_aggregate(by_sha[row[0]].id, row[1:]))
    return {
        (sha, extractor[sha]): Extraction(
            a,
            tuple(places.get(sha, {}).values()),
            tuple(claims.get(sha, ())),
            tuple(aggregates.get(sha, ())),
        )
        for sha, a in by_sha.items()
        if units is None or sha in places
    }


def load_aggregates(conn: sqlite3.Connection) -> list[AggregateClaim]:
    """Every stored national claim, in the order ``Store.extractions`` gives articles."""
    out = []
    for row in conn.execute(
        # Articles through their covering index: their rows would mean reading every text.
        f"SELECT a.id, {_columns(AGGREGATE_FIELDS, 'g.')} FROM articles a INDEXED BY "
        "articles_headers JOIN aggregates g ON g.sha256 = a.sha256 "
        "ORDER BY a.added, a.sha256, g.idx"
    ):
        out.append(_aggregate(row[0], row[1:]))
    return out


def _aggregate(article_id: str, values: Sequence[Any]) -> AggregateClaim:
    """An aggregate claim from its stored columns (``AGGREGATE_FIELDS``)."""
    aggregate = dict(zip(AGGREGATE_FIELDS, values, strict=True))
    aggregate["as_of"] = _day(aggregate["as_of"])
    return AggregateClaim(article_id=article_id, **aggregate)


def _insert(conn: sqlite3.Connection, table: str, names: Sequence[str], rows: list[Any]) -> None:
    """Rows of (sha256, idx, *values of ``names``) into ``table``, by column name."""
    conn.executemany(
        f"INSERT INTO {table} (sha256, idx, {_columns(names)}) "
        f"VALUES (?, ?, {', '.join('?' * len(names))})",
        rows,
    )


@functools.lru_cache(maxsize=4096)
def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _sql(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _columns(names: Iterable[str], table: str = "") -> str:
    return ", ".join(f'{table}"{n}"' for n in names)


def _place_index(claim: Claim, places: Sequence[Place], index: dict[int, int]) -> int:
    if id(claim.place) in index:
        return index[id(claim.place)]
    return places.index(claim.place)
