"""The SQLite store: articles, their places and claims, which files they came from, builds.

Identical texts under two names are stored once (articles are keyed by content hash); the
``paths`` table remembers which file held which text. The schema is versioned: opening an
older store applies the missing migrations in one transaction.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from geomap.errors import StoreError
from geomap.records import PLACE_FIELDS, AggregateClaim, Article, Claim, Extraction, Place
from geomap.settings import DEFAULT_THEATRE
from geomap.store.schema import MIGRATIONS, SCHEMA_VERSION

# Extractions already read, per store file: (sha256, extractor version) → Extraction.
_LOADED: dict[str, dict[tuple[Any, ...], Extraction]] = {}
_AGG_FIELDS = [f.name for f in fields(AggregateClaim) if f.name != "article_id"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """An open store; use ``open_store`` (a context manager) to get one."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn

    # -- schema -------------------------------------------------------------------------
    def version(self) -> int:
        """The schema version stored in the file (0 for a new file)."""
        has_meta = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
        if not has_meta:
            return 0
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        return int(row[0]) if row else 0

    def migrate(self, target: int = SCHEMA_VERSION) -> None:
        """Apply the missing migrations up to ``target`` in one transaction."""
        current = self.version()
        if current > SCHEMA_VERSION:
            msg = (
                f"{self.path}: store schema {current} is newer than this geomap "
                f"({SCHEMA_VERSION}); upgrade geomap or use another --db"
            )
            raise StoreError(msg)
        if current >= target:
            return
        self.conn.execute("BEGIN IMMEDIATE")  # DDL too: all migrations or none
        try:
            for step in range(current, target):
                for statement in _statements(MIGRATIONS[step]):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(step + 1),)
                )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def get_meta(self, key: str) -> str | None:
        """A value from the meta table."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Set (or with None, remove) a meta value, committed at once."""
        with self.conn:
            if value is None:
                self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- reading ------------------------------------------------------------------------
    def known_path(self, path: str, size: int, mtime: float) -> bool:
        """True when this file was read before and its size and mtime are unchanged."""
        return (
            self.conn.execute(
                "SELECT 1 FROM paths WHERE path = ? AND size = ? AND mtime = ?", (path, size, mtime)
            ).fetchone()
            is not None
        )

    def extractor_of(self, sha256: str) -> str | None:
        """Which extractor version produced the stored places and claims (None if absent)."""
        row = self.conn.execute(
            "SELECT extractor FROM articles WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return row[0] if row else None

    def metadata_changed(self, article: Article) -> bool:
        """True when the article is stored with other metadata (an edited ``.meta.json``)."""
        row = self.conn.execute(
            "SELECT title, outlet, published, url FROM articles WHERE sha256 = ?",
            (article.sha256,),
        ).fetchone()
        published = article.published.isoformat() if article.published else None
        given = (article.title, article.outlet, published, article.url)
        return row is not None and any(
            new is not None and new != old for new, old in zip(given, row, strict=True)
        )

    def undated_paths(self) -> list[str]:
        """Stored articles without a publication date (their claims cannot be placed in time)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT path FROM articles WHERE published IS NULL ORDER BY path"
            )
        ]

    @property
    def theatre(self) -> str:
        """The theatre the store was built for (``geomap build`` records it)."""
        return self.get_meta("theatre") or DEFAULT_THEATRE

    @property
    def country(self) -> str:
        """The country of the store's theatre (its places are the map's)."""
        return self.get_meta("country") or "AF"

    def countries_named(self, most: int = 5) -> tuple[bool, list[tuple[str, str]]]:
        """Whether any article names a place in the theatre's country, and the other
        countries named most often, as (name, ISO code): what the articles are about."""
        local = self.conn.execute(
            "SELECT 1 FROM places WHERE country = ? AND kind != 'country' LIMIT 1",
            (self.country,),
        )
        foreign = self.conn.execute(
            "SELECT name, country FROM places WHERE country != ? AND kind = 'country' "
            "GROUP BY name ORDER BY count(*) DESC LIMIT ?",
            (self.country, most),
        )
        return local.fetchone() is not None, [(r[0], r[1]) for r in foreign]

    def count(self) -> int:
        """Number of distinct articles stored."""
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def stale(self, extractor: str) -> list[str]:
        """Articles extracted by another extractor version (they need extracting again)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT sha256 FROM articles WHERE extractor IS NOT ? ", (extractor,)
            )
        ]

    def article(self, sha256: str) -> Article:
        """One stored article."""
        row = self.conn.execute(
            "SELECT id, path, title, text, sha256, outlet, published, url "
            "FROM articles WHERE sha256 = ?",
            (sha256,),
        ).fetchone()
        if row is None:
            msg = f"{self.path}: no article {sha256[:12]}"
            raise StoreError(msg)
        return _article(row)

    def extractions(self) -> list[Extraction]:
        """Every stored article with its local places (the theatre's), claims and aggregates.

        Article texts and foreign places are left out: maps and exports need the claims'
        sentences, not whole articles. Articles already loaded by this process (``geomap
        watch``) come from memory; a text's extraction never changes under one extractor.
        """
        current = self.conn.execute(
            "SELECT id, path, title, '', sha256, outlet, published, url, extractor FROM articles "
            "ORDER BY added, sha256"
        ).fetchall()
        # Keyed by the whole row: edited metadata (outlet, date) is loaded again.
        cache = _LOADED.setdefault(str(self.path.resolve()), {})
        missing = [row for row in current if row not in cache]
        if missing:
            loaded = self._load(
                [_article(row) for row in missing],
                {row[4]: row[8] for row in missing},
                whole=len(missing) == len(current),
            )
            cache.update({row: loaded[(row[4], row[8])] for row in missing})
        for gone in set(cache).difference(current):  # replaced or deleted articles
            del cache[gone]
        return [cache[row] for row in current]

    def _load(
        self, articles: list[Article], extractor: dict[str, str], whole: bool
    ) -> dict[tuple[str, str], Extraction]:
        # Thousands of rows repeat the same names, codes and sentences: keep one copy each.
        pool: dict[Any, Any] = {}

        def shared(value: Any) -> Any:
            return pool.setdefault(value, value) if isinstance(value, str) else value

        by_sha = {a.sha256: a for a in articles}
        where, args = (
            ("", ()) if whole else (f"AND sha256 IN ({','.join('?' * len(by_sha))})", tuple(by_sha))
        )
        places: dict[str, dict[int, Place]] = {}
        for row in self.conn.execute(
            f"SELECT sha256, idx, {_columns(PLACE_FIELDS)} FROM places WHERE country = ? "
            f"AND kind != 'country' {where} ORDER BY sha256, idx",
            (self.country, *args),
        ):
            places.setdefault(row[0], {})[row[1]] = Place(
                **dict(zip(PLACE_FIELDS, map(shared, row[2:]), strict=True))
            )
        claims: dict[str, list[Claim]] = {}
        for row in self.conn.execute(
            'SELECT sha256, place_idx, status, claimed_by, as_of, evidence, start, "end", '
            f"confidence, as_of_precision, hedged FROM claims WHERE 1 {where} "
            "ORDER BY sha256, idx",
            args,
        ):
            sha = row[0]
            claims.setdefault(sha, []).append(
                Claim(
                    places[sha][row[1]],
                    shared(row[2]),
                    shared(row[3]),
                    _day(row[4]),
                    shared(row[5]),
                    row[6],
                    row[7],
                    row[8],
                    by_sha[sha].id,
                    row[9],
                    bool(row[10]),
                )
            )
        aggregates: dict[str, list[AggregateClaim]] = {}
        for row in self.conn.execute(
            f"SELECT sha256, {_columns(_AGG_FIELDS)} FROM aggregates WHERE 1 {where} "
            "ORDER BY sha256, idx",
            args,
        ):
            values = dict(zip(_AGG_FIELDS, row[1:], strict=True))
            values["as_of"] = date.fromisoformat(values["as_of"]) if values["as_of"] else None
            aggregates.setdefault(row[0], []).append(
                AggregateClaim(article_id=by_sha[row[0]].id, **values)
            )
        return {
            (sha, extractor[sha]): Extraction(
                a,
                tuple(places.get(sha, {}).values()),
                tuple(claims.get(sha, ())),
                tuple(aggregates.get(sha, ())),
            )
            for sha, a in by_sha.items()
        }

    # -- writing (call inside ``with store.conn:`` for one transaction) ---------------------
    def link_path(self, path: str, sha256: str | None, size: int, mtime: float) -> None:
        """Remember that a file was read (and which text it held, for single articles)."""
        self.conn.execute(
            "INSERT OR REPLACE INTO paths VALUES (?, ?, ?, ?)", (path, sha256, size, mtime)
        )

    def forget_path(self, path: str) -> int:
        """Drop a file's old texts (an edited file supersedes them); returns how many went.

        A text still held by another file is kept.
        """
        rows = self.conn.execute(
            "SELECT path, sha256 FROM paths WHERE path = ? OR path LIKE ?",
            (path, path.replace("%", "\\%") + ":%"),
        ).fetchall()
        self.conn.executemany("DELETE FROM paths WHERE path = ?", [(r[0],) for r in rows])
        gone = 0
        for sha in {r[1] for r in rows if r[1]}:
            if not self.conn.execute("SELECT 1 FROM paths WHERE sha256 = ?", (sha,)).fetchone():
                self.conn.execute("DELETE FROM articles WHERE sha256 = ?", (sha,))
                gone += 1
        return gone

    def save(self, extraction: Extraction, extractor: str) -> None:
        """Store (or replace) one article with its places, claims and aggregates."""
        a = extraction.article
        self.conn.execute(
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
                a.published.isoformat() if a.published else None,
                a.text,
                extractor,
                _now(),
                a.url,
            ),
        )
        for table in ("places", "claims", "aggregates"):
            self.conn.execute(f"DELETE FROM {table} WHERE sha256 = ?", (a.sha256,))
        index = {id(p): i for i, p in enumerate(extraction.places)}
        self.conn.executemany(
            f"INSERT INTO places (sha256, idx, {_columns(PLACE_FIELDS)}) "
            f"VALUES (?, ?, {', '.join('?' * len(PLACE_FIELDS))})",
            [(a.sha256, i, *p.to_dict().values()) for i, p in enumerate(extraction.places)],
        )
        self.conn.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.sha256,
                    i,
                    _place_index(c, extraction.places, index),
                    c.status,
                    c.claimed_by,
                    c.as_of.isoformat() if c.as_of else None,
                    c.evidence,
                    c.start,
                    c.end,
                    c.confidence,
                    c.as_of_precision,
                    int(c.hedged),
                )
                for i, c in enumerate(extraction.claims)
            ],
        )
        self.link_copies(a)
        self.conn.executemany(
            f"INSERT INTO aggregates VALUES (?, ?, {', '.join('?' * len(_AGG_FIELDS))})",
            [
                (a.sha256, i, *[_sql(getattr(g, f)) for f in _AGG_FIELDS])
                for i, g in enumerate(extraction.aggregate_claims)
            ],
        )

    def link_copies(self, article: Article) -> str:
        """File an article with the copies of its story already stored; returns its group.

        Copies share a long sentence, or credit the same agency within a day: groups merge.
        """
        from geomap.syndication import fingerprints

        hashes, wire = fingerprints(article)
        self.conn.execute("DELETE FROM fingerprints WHERE sha256 = ?", (article.sha256,))
        self.conn.executemany(
            "INSERT INTO fingerprints VALUES (?, ?)", [(h, article.sha256) for h in hashes]
        )
        found = set()
        for key in hashes:  # one earlier copy per sentence is enough: copies share a group
            row = self.conn.execute(
                "SELECT a.group_id FROM fingerprints f JOIN articles a ON a.sha256 = f.sha256 "
                "WHERE f.hash = ? AND f.sha256 != ? AND a.group_id IS NOT NULL LIMIT 1",
                (key, article.sha256),
            ).fetchone()
            if row:
                found.add(row[0])
        if wire and article.published:
            low = (article.published - timedelta(days=1)).isoformat()
            high = (article.published + timedelta(days=1)).isoformat()
            found |= {
                r[0]
                for r in self.conn.execute(
                    "SELECT DISTINCT group_id FROM articles WHERE wire = ? AND published BETWEEN ? "
                    "AND ? AND sha256 != ? AND group_id IS NOT NULL",
                    (wire, low, high, article.sha256),
                )
            }
        group = min(found | {article.id})
        self.conn.execute(
            "UPDATE articles SET group_id = ?, wire = ? WHERE sha256 = ?",
            (group, wire, article.sha256),
        )
        if found - {group}:
            marks = ",".join("?" * len(found - {group}))
            self.conn.execute(
                f"UPDATE articles SET group_id = ? WHERE group_id IN ({marks})",
                (group, *(found - {group})),
            )
        return group

    def ungrouped(self) -> list[str]:
        """Articles not yet filed with their copies (stored before links were kept)."""
        return [
            r[0] for r in self.conn.execute("SELECT sha256 FROM articles WHERE group_id IS NULL")
        ]

    def groups(self) -> dict[str, str]:
        """Article id → group of copies of one story (see ``link_copies``)."""
        return {r[0]: r[1] or r[0] for r in self.conn.execute("SELECT id, group_id FROM articles")}

    def record_build(
        self, started: str, articles: int, extracted: int, problems: int, outputs: Sequence[Path]
    ) -> None:
        """Append one line of build history."""
        with self.conn:
            self.conn.execute(
                "INSERT INTO builds (started, finished, articles, extracted, "
                "problems, outputs) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    started,
                    _now(),
                    articles,
                    extracted,
                    problems,
                    "\n".join(str(p) for p in outputs),
                ),
            )


def _article(row: Sequence[Any]) -> Article:
    """An Article from a row of (id, path, title, text, sha256, outlet, published, url)."""
    published = date.fromisoformat(row[6]) if row[6] else None
    return Article(row[0], row[1], row[2], row[3], row[4], row[5], published, row[7])


@functools.lru_cache(maxsize=4096)
def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _sql(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _columns(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _statements(script: str) -> Iterator[str]:
    for part in script.split(";"):
        if part.strip():
            yield part


def _place_index(claim: Claim, places: Sequence[Place], index: dict[int, int]) -> int:
    if id(claim.place) in index:
        return index[id(claim.place)]
    return places.index(claim.place)


def lock_path(store: Path) -> Path:
    """The store's lock file: in the temporary folder, so output folders stay clean."""
    key = hashlib.sha256(str(store.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"geomap-{key}.lock"


@contextmanager
def open_store(path: Path, wait_seconds: float = 0.0) -> Iterator[Store]:
    """Open (creating or migrating) the store, holding its lock for the whole block.

    A second build on the same store waits ``wait_seconds`` for the first, then stops
    with a message instead of interleaving writes.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path(path))
    try:
        lock.acquire(timeout=wait_seconds)
    except Timeout as err:
        msg = (
            f"{path} is in use by another geomap build; wait for it to finish "
            "(or pass --wait SECONDS, or use another --db)"
        )
        raise StoreError(msg) from err
    try:
        conn = sqlite3.connect(path, timeout=30)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL keeps the file consistent
        store = Store(path, conn)
        try:
            store.migrate()
            yield store
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        msg = f"{path}: not a geomap store or damaged ({err})"
        raise StoreError(msg) from err
    finally:
        lock.release()
