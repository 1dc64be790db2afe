"""The SQLite store: articles, their places and claims, which files they came from, builds.

Identical texts under two names are stored once (articles are keyed by content hash); the
``paths`` table remembers which file held which text. The schema is versioned: opening an
older store applies the missing migrations in one transaction.
"""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from geomap.errors import StoreError
from geomap.records import AggregateClaim, Article, Extraction
from geomap.settings import DEFAULT_THEATRE
from geomap.store import exported, views
from geomap.store.copies import link_copies
from geomap.store.rows import (
    ARTICLE_COLUMNS,
    article_from_row,
    load_aggregates,
    load_extractions,
    save_extraction,
)
from geomap.store.schema import MIGRATIONS, PLACE_UNIT, SCHEMA_VERSION

# Extractions already read, per store file: (sha256, extractor version) → Extraction.
_LOADED: dict[str, dict[tuple[Any, ...], Extraction]] = {}


# An article's row without its text (``article_from_row`` order, then its extractor).
_HEADER_COLUMNS = "id, path, title, '', sha256, outlet, published, url, extractor"


def _now(timespec: str = "seconds") -> str:
    return datetime.now(UTC).isoformat(timespec=timespec)


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

    def path_signatures(self) -> dict[str, tuple[int, float]]:
        """Every file read before, with its size and mtime then (see ``known_path``)."""
        return {
            path: (size, mtime)
            for path, size, mtime in self.conn.execute("SELECT path, size, mtime FROM paths")
        }

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

    def names_the_theatre(self) -> bool:
        """Whether any article names a place in the theatre's country."""
        local = self.conn.execute(
            "SELECT 1 FROM places WHERE country = ? AND kind != 'country' LIMIT 1",
            (self.country,),
        )
        return local.fetchone() is not None

    def countries_named(self, most: int = 5) -> list[tuple[str, str]]:
        """The other countries the articles name most often, as (name, ISO code): what the
        articles are about when they name no place of the theatre (a scan of every place)."""
        foreign = self.conn.execute(
            "SELECT name, country FROM places WHERE country != ? AND kind = 'country' "
            "GROUP BY name ORDER BY count(*) DESC LIMIT ?",
            (self.country, most),
        )
        return [(r[0], r[1]) for r in foreign]

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
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE sha256 = ?",
            (sha256,),
        ).fetchone()
        if row is None:
            msg = f"{self.path}: no article {sha256[:12]}"
            raise StoreError(msg)
        return article_from_row(row)

    def header_rows(self) -> list[tuple[Any, ...]]:
        """Every article's row without its text (``article_from_row``), then its extractor."""
        return self.conn.execute(
            f"SELECT {_HEADER_COLUMNS} FROM articles ORDER BY added, sha256"
        ).fetchall()

    def extractions(self) -> list[Extraction]:
        """Every stored article with its local places (the theatre's), claims and aggregates.

        Article texts and foreign places are left out: maps and exports need the claims'
        sentences, not whole articles. Articles already loaded by this process (``geomap
        watch``) come from memory; a text's extraction never changes under one extractor.
        """
        current = self.header_rows()
        # Keyed by the whole row: edited metadata (outlet, date) is loaded again.
        cache = _LOADED.setdefault(str(self.path.resolve()), {})
        missing = [row for row in current if row not in cache]
        if missing:
            loaded = self._load(missing, whole=len(missing) == len(current))
            cache.update(zip(missing, loaded, strict=True))
        for gone in set(cache).difference(current):  # replaced or deleted articles
            del cache[gone]
        return [cache[row] for row in current]

    def extraction_batches(self, size: int = 1000, skip: int = 0) -> Iterator[list[Extraction]]:
        """``extractions`` a batch of articles at a time (after the first ``skip``): memory
        stays flat at any size."""
        current = self.header_rows()[skip:]
        for start in range(0, len(current), size):
            yield self._load(current[start : start + size], whole=False)

    def _load(self, rows: Sequence[tuple[Any, ...]], whole: bool) -> list[Extraction]:
        """The extractions of these header rows, in their order."""
        loaded = load_extractions(
            self.conn,
            self.country,
            [article_from_row(row) for row in rows],
            {row[4]: row[8] for row in rows},
            whole=whole,
        )
        return [loaded[(row[4], row[8])] for row in rows]

    def units(self) -> set[str]:
        """Every unit a stored place lies in (see ``PLACE_UNIT``)."""
        return {
            row[0]
            for row in self.conn.execute(
                f"SELECT DISTINCT {PLACE_UNIT} FROM places WHERE country = ? AND kind != 'country'",
                (self.country,),
            )
        }

    def extractions_in(
        self, units: Collection[str], headers: Sequence[tuple[Article, str]] | None = None
    ) -> list[Extraction]:
        """The stored articles naming a place in ``units``, holding only those units'
        places and claims: what refreshing the units' views needs.

        ``headers`` (``article_headers()``, read once for many calls) saves reading them.
        """
        if not units:
            return []
        pairs = headers if headers is not None else self.article_headers(units)
        extractor = {a.sha256: version for a, version in pairs}
        loaded = load_extractions(
            self.conn,
            self.country,
            [a for a, _version in pairs],
            extractor,
            whole=False,
            units=units,
        )
        return [loaded[key] for a, v in pairs if (key := (a.sha256, v)) in loaded]

    def article_headers(self, units: Collection[str] = ()) -> list[tuple[Article, str]]:
        """Every article (or those naming a place in ``units``) without its text, with its
        extractor version, oldest first."""
        if not units:
            return [(article_from_row(row), row[8]) for row in self.header_rows()]
        rows = self.conn.execute(
            f"SELECT {_HEADER_COLUMNS} FROM articles INDEXED BY articles_headers "
            "WHERE sha256 IN (SELECT sha256 FROM places WHERE country = ? AND kind != 'country' "
            f"AND {PLACE_UNIT} IN ({','.join('?' * len(units))})) ORDER BY added, sha256",
            (self.country, *units),
        )
        return [(article_from_row(row), row[8]) for row in rows]

    def aggregate_claims(self) -> list[AggregateClaim]:
        """Every stored claim about the whole country ("85 per cent"), oldest article first."""
        return load_aggregates(self.conn)

    def latest_claim_day(self) -> date | None:
        """The latest date of a claim on the theatre's places (a map's default date)."""
        # Every stored claim is on one of the theatre's places (``extractions`` loads them).
        row = self.conn.execute("SELECT max(as_of) FROM claims").fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None

    def touched_units(self, key: str) -> set[str] | None:
        """Units whose stored views are out of date (None: all; see ``store.views``)."""
        return views.touched_units(self.conn, key, self.country)

    def views(self) -> dict[str, str]:
        """The stored views, unit → JSON."""
        return views.stored_views(self.conn)

    def save_views(
        self, key: str, fresh: Mapping[str, str], replaced: Collection[str] | None
    ) -> None:
        """Keep freshly computed views (of the ``replaced`` units, or of all)."""
        views.save_views(self.conn, key, fresh, replaced, self.country)

    def exported_articles(self, key: str, out_dir: Path, files: Sequence[Path]) -> int | None:
        """How many first articles the exported ``files`` already hold (None: write them
        whole; see ``store.exported``)."""
        return exported.exported_articles(self.conn, key, out_dir, files)

    def record_export(self, key: str, out_dir: Path, files: Sequence[Path]) -> None:
        """Remember that ``files`` now hold every stored article's claims."""
        exported.record_export(self.conn, key, out_dir, files)

    # -- writing (call inside ``with store.conn:`` for one transaction) ---------------------
    def link_path(self, path: str, sha256: str | None, size: int, mtime: float) -> None:
        """Remember that a file was read (and which text it held, for single articles)."""
        self.conn.execute(
            "INSERT OR REPLACE INTO paths VALUES (?, ?, ?, ?)", (path, sha256, size, mtime)
        )

    def rows_of(self, path: str) -> dict[str, str]:
        """The rows stored from a JSON Lines file ("FILE:LINE" → the text's hash)."""
        return dict(
            self.conn.execute(
                "SELECT path, sha256 FROM paths WHERE path LIKE ? ESCAPE '\\'",
                (_like_prefix(path),),
            ).fetchall()
        )

    def forget_path(self, path: str) -> int:
        """Drop a file's old texts (an edited file supersedes them); returns how many went.

        A text still held by another file is kept.
        """
        rows = self.conn.execute(
            "SELECT path, sha256 FROM paths WHERE path = ? OR path LIKE ? ESCAPE '\\'",
            (path, _like_prefix(path)),
        ).fetchall()
        self.conn.executemany("DELETE FROM paths WHERE path = ?", [(r[0],) for r in rows])
        gone = 0
        for sha in {r[1] for r in rows if r[1]}:
            if not self.conn.execute("SELECT 1 FROM paths WHERE sha256 = ?", (sha,)).fetchone():
                self.conn.execute("DELETE FROM articles WHERE sha256 = ?", (sha,))
                gone += 1
        return gone

    def save(self, extraction: Extraction, extractor: str) -> None:
        """Store (or replace) one article with its places, claims and aggregates, and file it
        with the copies of its story."""
        # stamped to the microsecond: articles are exported in this order, and one added a
        # second after the last export must sort after every article in it (a stamp to the
        # second let it sort among them by hash); older, to-the-second stamps still sort
        # first ("…:00+00:00" < "…:00.5+00:00")
        save_extraction(self.conn, extraction, extractor, _now("microseconds"))
        link_copies(self.conn, extraction.article)

    def link_copies(self, article: Article) -> str:
        """File a stored article with the copies of its story; returns its group."""
        return link_copies(self.conn, article)

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


def _like_prefix(path: str) -> str:
    """A LIKE pattern for the rows of ``path`` ("PATH:…"), its own % and _ taken literally."""
    escaped = path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + ":%"


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


def _statements(script: str) -> Iterator[str]:
    for part in script.split(";"):
        if part.strip():
            yield part
