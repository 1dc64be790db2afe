"""Copies of one story in the store: articles that share a sentence or a wire credit.

``syndication.fingerprints`` says what a story's prose is; this files each stored article
with the earlier copies of its story (``articles.group_id``), merging groups it joins.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from geomap.records import Article
from geomap.syndication import fingerprints


def link_copies(conn: sqlite3.Connection, article: Article) -> str:
    """File an article with the copies of its story already stored; returns its group.

    Copies share a long sentence, or credit the same agency within a day: groups merge.
    """
    hashes, wire = fingerprints(article)
    conn.execute("DELETE FROM fingerprints WHERE sha256 = ?", (article.sha256,))
    conn.executemany(
        "INSERT INTO fingerprints VALUES (?, ?)", [(h, article.sha256) for h in hashes]
    )
    found = set()
    for key in hashes:  # one earlier copy per sentence is enough: copies share a group
        row = conn.execute(
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
            for r in conn.execute(
                "SELECT DISTINCT group_id FROM articles WHERE wire = ? AND published BETWEEN ? "
                "AND ? AND sha256 != ? AND group_id IS NOT NULL",
                (wire, low, high, article.sha256),
            )
        }
    group = min(found | {article.id})
    conn.execute(
        "UPDATE articles SET group_id = ?, wire = ? WHERE sha256 = ?",
        (group, wire, article.sha256),
    )
    if found - {group}:
        marks = ",".join("?" * len(found - {group}))
        conn.execute(
            f"UPDATE articles SET group_id = ? WHERE group_id IN ({marks})",
            (group, *(found - {group})),
        )
    return group
