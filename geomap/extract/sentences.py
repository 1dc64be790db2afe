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
    r"|\n(?=[ \t]*[-•*–—▪][ \t])"  # a list of bullet points: each its own sentence
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


_PUBLISHED = re.compile(r"\s*Published:", re.IGNORECASE)
_HEADLINE_WORDS = 25


def headline_end(text: str) -> int:
    """End offset of the headline (0 when the text has none).

    A headline is a short first line without a full stop, set apart by a blank line or by
    a ``Published:`` line. Headlinese drops the words that carry tense and voice ("Taliban
    attack in Herat repulsed") and the body repeats what it says, so the claims grammar
    reads the body only.
    """
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    first, newline, rest = stripped.partition("\n")
    line = first.strip()
    if (
        not newline
        or not line
        or line[-1] in '.!?…:"”'
        or len(line.split()) > _HEADLINE_WORDS
        or not (
            rest.startswith("\n") or rest.lstrip(" \t").startswith("\n") or _PUBLISHED.match(rest)
        )
    ):
        return 0
    return offset + len(first)


# A page's links to other stories, left in the text: "Related: Taliban take Ghormach".
_NAVIGATION = re.compile(
    r"\W*(?:related|read more|read also|also read|see also|more on this|watch|listen)\s*:",
    re.IGNORECASE,
)


def is_navigation(sentence: str) -> bool:
    """A link to another story (its headline, not this article's news)."""
    return bool(_NAVIGATION.match(sentence))
