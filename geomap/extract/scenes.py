"""Where an event happened, as against what it happened to.

"Soldiers surrendered in X" and "In X, soldiers surrendered": X is only the scene; "the
police headquarters in X was captured", "nine of X's police districts are in Taliban hands":
a part of X, fought over; "no district has fallen in X": nothing happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geomap.extract.anchors import gated
from geomap.extract.cues import FRONTED_SCENE
from geomap.extract.lexicon import Lexicon
from geomap.extract.themes import object_head, possessed_head
from geomap.records import CONTESTED, Place

DROP = "drop"  # a judgement that the frame makes no claim
LOCATION_GAP = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:in|at|near|inside|on)\s", re.I)
PLURAL_UNITS = gated(r"\b(?:districts|towns|cities|capitals|cent(?:re|er)s)\b", re.I)
_NO_SUBJECT = re.compile(r"\s*(?:no|none\s+of|not\s+a\s+single|not\s+one)\b", re.IGNORECASE)
_LOCATED_SUBJECT = re.compile(  # (after the comma that closes a fronted phrase)
    r"[\s,]*[^,;]*?\b(?:in|of|at|inside)\s+(?:the\s+)?", re.IGNORECASE
)
_NAME_APPOSITION = re.compile(r",\s*(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*\s*,")
_AFTER_FRONTED = re.compile(r"(?:\s+(?:province|district|city))?\s*,\s+")


def part_or_other(words: str, lexicon: Lexicon) -> str | None:
    """An object's status from its first noun alone: a part is fought over, a person or
    thing ("evacuated civilians") says nothing of the place."""
    head = object_head(words, lexicon)
    return CONTESTED if head == "part" else DROP if head == "other" else None


def no_claim(judged: str | None, places: Sequence[Place]) -> bool:
    """An object judged to name no place here, or only a part of a province."""
    return judged == DROP or (judged == CONTESTED and all(p.kind == "province" for p in places))


_SOME_NOUN = re.compile(r"[a-z]{3,}", re.IGNORECASE)  # a subject with words of its own


def scene_status(
    text: str,
    start: int,
    bounds: tuple[int, int, int],
    theme: tuple[tuple[Place, ...], tuple[Place, ...], tuple[Place, ...]],
    subject_theme: tuple[bool, bool],
    lexicon: Lexicon,
) -> str | None:
    """What a verb whose theme is its subject says of the places it found (``theme``: the
    places chosen, those before the verb and those after it): ``DROP`` for no claim,
    contested for a part of them, else None. ``bounds`` are the clause's start and the verb's
    span; ``subject_theme``: whether the verb is intransitive ("fell"), whether passive or
    intransitive."""
    lo, ts, te = bounds
    places, before, after = theme
    intransitive, subject_first = subject_theme
    subject = _subject_beside_scene(text, start, bounds, places, after) if intransitive else None
    if subject is not None:
        # "soldiers surrendered in X", "In X, two posts fell": the place is only the scene
        scene = part_or_other(subject, lexicon)
        if scene is None and lexicon.actor.search(subject):
            scene = DROP
        elif scene is None and PLURAL_UNITS.search(subject):
            scene = CONTESTED  # "several districts fell in X": some of X's units
        elif scene is None and _SOME_NOUN.search(subject) and object_head(subject, lexicon) is None:
            scene = DROP  # "prices fell in X", "a rocket fell on X": no ground changed hands
        if _NO_SUBJECT.match(subject):
            return DROP  # "no district has fallen in X", "none of the posts fell in X"
        return DROP if no_claim(scene, places) else scene
    if places and places is before and subject_first:
        scene = around_subject(text, lo, (places[0].start, places[-1].end), lexicon)
        return DROP if no_claim(scene, places) else scene
    return None


def around_subject(text: str, lo: int, span: tuple[int, int], lexicon: Lexicon) -> str | None:
    """What the words around a place in the subject (at ``span``, the clause from ``lo``) make
    of it: "nine of X's ten police districts", "the police headquarters in X", "parts of the
    district": a part, fought over; "soldiers in X", "none of the posts in X": no claim."""
    # (a name in apposition read past: "The council chief, Nasir Faqiri, said most of the city")
    located = _LOCATED_SUBJECT.fullmatch(_NAME_APPOSITION.sub(" ", text[lo : span[0]]))
    if located and _NO_SUBJECT.match(located.group(0)):
        return DROP
    return possessed_head(text, span[1], lexicon) or (
        part_or_other(located.group(0), lexicon) if located else None
    )


def _subject_beside_scene(
    text: str,
    start: int,
    bounds: tuple[int, int, int],
    places: Sequence[Place],
    after: Sequence[Place],
) -> str | None:
    """The subject of an intransitive verb whose places only say where it happened ("soldiers
    surrendered in X", "In X, soldiers surrendered"), else None."""
    lo, ts, te = bounds
    if not places:
        return None
    if places is after:
        return text[lo:ts] if LOCATION_GAP.match(text[te : places[0].start]) else None
    fronted = _AFTER_FRONTED.match(text, places[-1].end, ts)
    if fronted and FRONTED_SCENE.fullmatch(text, start, places[0].start):
        return text[fronted.end() : ts]
    return None
