"""Copies of one story: which articles are the same source, whatever outlet printed them.

Copies share a long sentence of reporting prose, or credit the same agency within a day of
each other. A quotation is not prose: two outlets that quote the same spokesman wrote two
stories. ``control`` counts sources with these groups; the store keeps them as articles
arrive, with the same fingerprints.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date, timedelta

from geomap.records import Article

_WIRE = re.compile(r"\b(AFP|Agence France-Presse|Reuters|Associated Press|IANS|Xinhua|UPI)\b")
_MIN_SHARED_WORDS = 10
_QUOTATION = re.compile(r"[\"“][^\"“”]{0,800}[\"”]")


def fingerprints(article: Article) -> tuple[set[str], str | None]:
    """What copies of one story share: hashes of its long sentences, and its agency credit."""
    hashes = set()
    prose = _QUOTATION.sub(" ", article.text)  # two outlets quoting one spokesman: two stories
    for raw in re.split(r"(?<=[.!?\"”])\s+|\n+", prose):
        words = re.findall(r"[a-z0-9]+", raw.lower())
        if len(words) >= _MIN_SHARED_WORDS:
            hashes.add(hashlib.sha1(" ".join(words).encode()).hexdigest()[:16])
    credit = _WIRE.search(article.text)
    return hashes, credit.group(1) if credit else None


def syndication_groups(articles: Iterable[Article]) -> dict[str, str]:
    """Article id → source group; copies of one story share a group.

    Copies share a long sentence, or credit the same agency within a day of each other.
    (The store keeps these links as articles arrive; this computes them from scratch.)
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    seen_sentence: dict[str, str] = {}
    wire_day: dict[tuple[str, date], str] = {}
    for article in articles:
        find(article.id)
        hashes, credit = fingerprints(article)
        for key in hashes:
            other = seen_sentence.setdefault(key, article.id)
            parent[find(article.id)] = find(other)
        if credit and article.published:
            for offset in (-1, 0, 1):
                same_wire = wire_day.get((credit, article.published + timedelta(offset)))
                if same_wire:
                    parent[find(article.id)] = find(same_wire)
            wire_day[(credit, article.published)] = article.id
    return {a: find(a) for a in list(parent)}
