"""A fast prefilter for the trigger patterns: literal words that every match must contain.

Trying some two hundred trigger alternatives at every position of every sentence is most of
the grammar's cost, and most sentences hold no trigger at all. From each pattern's source
this module derives "anchors" (for ``captur(?:e|ed)`` the word ``captur``; for
``(?:held|controlled) by`` one of ``held``/``controlled``), and one Aho-Corasick pass over a
sentence tells which patterns are worth trying. A pattern with no derivable anchor is
always tried (the filter can never hide a match).

The grammar's other slow patterns (anaphors, dates, speech verbs, modality words) sit behind
the same kind of gate, one pattern each: ``gated`` compiles one so.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Iterator

import ahocorasick

_MIN_ANCHOR = 3  # shorter literals ("by", "of") would pass almost every sentence
_QUANTIFIERS = "?*+{"


def required_literals(source: str) -> set[str] | None:
    """Lower-case literals one of which occurs in every match of ``source``, or None."""
    branches = alternatives(source)
    if len(branches) > 1:
        found: set[str] = set()
        for branch in branches:
            literals = required_literals(branch)
            if literals is None:
                return None
            found |= literals
        return found
    candidates: list[set[str]] = []  # each: one of these literals must occur
    run = ""  # the literal letters read since the last special character

    def close_run(text: str) -> None:
        if len(text) >= _MIN_ANCHOR:
            candidates.append({text})

    i = 0
    while i < len(source):
        char = source[i]
        if char == "(":
            end = _closing(source, i)
            inner = source[i + 1 : end]
            optional = source[end + 1 : end + 2] in ("?", "*") or _zero_min(source, end)
            body = _group_body(inner)
            if body is not None and not optional:
                literals = required_literals(body)
                if literals and all(len(w) >= _MIN_ANCHOR for w in literals):
                    candidates.append(literals)
            close_run(run)
            run, i = "", end + 1
        elif char in "\\[":
            close_run(run)
            run = ""
            i = source.index("]", i + 2) + 1 if char == "[" else i + 2
        elif char in _QUANTIFIERS:
            optional = char in "?*" or _zero_min(source, i - 1)
            close_run(run[:-1] if optional else run)  # the quantifier governs the last letter
            run = ""
            i = source.index("}", i) + 1 if char == "{" else i + 1
        elif char.isalnum() or char in "'’-":
            run += char.lower()
            i += 1
        else:
            close_run(run)
            run = ""
            i += 1
    close_run(run)
    if not candidates:
        return None
    # the most telling set: no word as common as "the" in it, then the fewest words
    return min(
        candidates, key=lambda c: (min(map(len, c)) <= _MIN_ANCHOR, len(c), -min(map(len, c)))
    )


class Prefilter:
    """Which of several patterns may match a text? One Aho-Corasick pass answers."""

    def __init__(self, sources: Iterable[str]):
        self.always: set[int] = set()  # patterns without anchors are always tried
        by_anchor: dict[str, set[int]] = {}
        for index, source in enumerate(sources):
            literals = required_literals(source)
            if literals is None:
                self.always.add(index)
                continue
            for word in literals:
                by_anchor.setdefault(word, set()).add(index)
        self.automaton = ahocorasick.Automaton()
        for word, indices in by_anchor.items():
            self.automaton.add_word(word, frozenset(indices))
        if by_anchor:
            self.automaton.make_automaton()

    def candidates(self, text: str) -> set[int]:
        """Indices of the patterns whose anchors occur in ``text`` (a superset of matches)."""
        found = set(self.always)
        if len(self.automaton):
            for _end, indices in self.automaton.iter(text.lower()):
                found |= indices
        return found


def _group_body(inner: str) -> str | None:
    """What a group matches: (?:…), (…) and (?P<name>…); None for look-arounds and flags."""
    if inner.startswith("?:"):
        return inner[2:]
    if inner.startswith("?P<"):
        return inner[inner.index(">") + 1 :]
    return None if inner.startswith("?") else inner


def _structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, parenthesis depth before it), skipping escapes and classes."""
    depth, i = 0, start
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = source.index("]", i + 2) + 1
            continue
        yield i, char, depth
        depth += (char == "(") - (char == ")")
        i += 1


def alternatives(source: str) -> list[str]:
    """A pattern's top-level alternatives: split at ``|`` outside parentheses and classes."""
    parts, start = [], 0
    for i, char, depth in _structure(source):
        if char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    return [*parts, source[start:]]


def _closing(source: str, open_at: int) -> int:
    for i, char, depth in _structure(source, open_at):
        if char == ")" and depth == 1:
            return i
    msg = f"unbalanced parenthesis in {source!r}"
    raise ValueError(msg)


def _zero_min(source: str, before: int) -> bool:
    """True when a ``{0,n}`` quantifier follows position ``before``."""
    return source.startswith("{0", before + 1)


class GatedPattern:
    """A compiled pattern behind its anchors: a text holding none of them is not searched.

    Searching a sentence for a pattern of many alternatives costs tens of microseconds;
    one Aho-Corasick pass for its anchor words costs one, and most sentences lack them.
    Patterns without derivable anchors are searched as they are.
    """

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        literals = required_literals(pattern.pattern)
        self._anchors: ahocorasick.Automaton | None = None
        self._index = -1
        if literals:
            self._anchors = ahocorasick.Automaton()
            for word in literals:
                self._anchors.add_word(word, word)
            self._anchors.make_automaton()
            self._index = _ALL_GATES.add(literals)

    def _absent(self, text: str, pos: int, endpos: int) -> bool:
        if self._anchors is None:
            return False
        if not pos and endpos >= len(text):  # a whole sentence: one pass answers every gate
            return self._index not in _ALL_GATES.open_in(text)
        return next(self._anchors.iter(text[pos:endpos].lower()), None) is None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``re.Pattern.search``, None at once where no anchor occurs."""
        return None if self._absent(text, pos, endpos) else self.pattern.search(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """``re.Pattern.finditer``, empty at once where no anchor occurs."""
        return (
            iter(())
            if self._absent(text, pos, endpos)
            else self.pattern.finditer(text, pos, endpos)
        )

    def sub(self, replacement: str, text: str) -> str:
        """``re.Pattern.sub``; a text without anchors comes back as it is."""
        return text if self._absent(text, 0, len(text)) else self.pattern.sub(replacement, text)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``re.Pattern.match``, ungated: an anchored match is already cheap."""
        return self.pattern.match(text, pos, endpos)


def gated(source: str, flags: int = 0) -> GatedPattern:
    """``re.compile`` behind an anchor gate (see ``GatedPattern``)."""
    return GatedPattern(re.compile(source, flags))


class _Gates:
    """Every gate's anchors in one automaton: one pass over a sentence tells which gates it
    opens, however many patterns then ask (about eight a sentence in the claims loop)."""

    def __init__(self) -> None:
        self._anchors: dict[str, set[int]] = {}
        self._count = 0
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, literals: Iterable[str]) -> int:
        index, self._count = self._count, self._count + 1
        for word in literals:
            self._anchors.setdefault(word, set()).add(index)
        self._automaton = None  # rebuilt on the next question
        self.open_in.cache_clear()
        return index

    @functools.lru_cache(maxsize=16)  # noqa: B019 -- one registry for the process
    def open_in(self, text: str) -> frozenset[int]:
        """The gates whose anchors occur in ``text``."""
        if self._automaton is None:
            self._automaton = ahocorasick.Automaton()
            for word, indices in self._anchors.items():
                self._automaton.add_word(word, frozenset(indices))
            self._automaton.make_automaton()
        found: set[int] = set()
        for _end, indices in self._automaton.iter(text.lower()):
            found |= indices
        return frozenset(found)


_ALL_GATES = _Gates()
