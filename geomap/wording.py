"""Small helpers for the words geomap prints: counts with the right plural."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``counted(1, "claim")`` is "1 claim"; ``counted(2, "claim")`` is "2 claims"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
