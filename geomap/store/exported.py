"""Which articles the last claims export holds, so that new articles extend it.

``claims.csv`` and the GeoPackage's claims layer list every claim, article by article in
the store's order. When a build's only change is articles added after those exported
(same extractor, reviews and date, the files untouched since), their claims are appended
instead of writing every claim again. Anything else — an edited, re-extracted or regrouped
article, a file touched by hand, another output folder — writes them whole.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from geomap.store.views import SIGNATURE

_KEY = "exported"  # meta: JSON of the last export (key, folder, articles, digest, files)


def exported_articles(
    conn: sqlite3.Connection, key: str, out_dir: Path, files: Sequence[Path]
) -> int | None:
    """How many of the store's first articles the files in ``out_dir`` already hold (the
    rest are new and may be appended); None when the files must be written whole."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_KEY,)).fetchone()
    if row is None:
        return None
    last = json.loads(row[0])
    if last["key"] != key or last["out"] != str(out_dir.resolve()):
        return None
    if last["files"] != _stats(files):
        return None  # a file gone, or changed since it was written
    signatures = _signatures(conn)
    count = int(last["articles"])
    if len(signatures) < count or _digest(signatures[:count]) != last["digest"]:
        return None
    return count


def record_export(conn: sqlite3.Connection, key: str, out_dir: Path, files: Sequence[Path]) -> None:
    """Remember what the files just written hold: every article stored now."""
    signatures = _signatures(conn)
    value = {
        "key": key,
        "out": str(out_dir.resolve()),
        "articles": len(signatures),
        "digest": _digest(signatures),
        "files": _stats(files),
    }
    with conn:
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_KEY, json.dumps(value)))


def _signatures(conn: sqlite3.Connection) -> list[str]:
    return [
        row[0]
        for row in conn.execute(
            f"SELECT {SIGNATURE} FROM articles INDEXED BY articles_headers ORDER BY added, sha256"
        )
    ]


def _digest(signatures: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(signatures).encode()).hexdigest()


def _stats(files: Sequence[Path]) -> list[list[float] | None]:
    out: list[list[float] | None] = []
    for path in files:
        try:
            found = path.stat()
        except OSError:
            out.append(None)
            continue
        out.append([found.st_size, found.st_mtime_ns])
    return out
