"""Splitting text into sentences with their offsets (no model needed)."""

from __future__ import annotations

import re
from collections.abc import Iterator

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col sgt st jr sr prof rep sen gov u.s u.k "
    "u.n jan feb aug sept sep oct nov dec no vs etc".split()
)
_BOUNDARY = re.compile(
    r"(?<=[.!?…])[\"”’']?(?=\s+[\"“‘']?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“])"
    r"|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z])"  # run together: "overnight.A spokesman"
)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence; paragraph breaks always end a sentence."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        words = text[start:end].rstrip(" .\"”’'").split()
        if words and words[-1].lower().rstrip(".") in _ABBREVIATIONS and "\n" not in m.group(0):
            continue
        if text[start:end].strip():
            yield from _trimmed(text, start, end)
        start = end
    if text[start:].strip():
        yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
