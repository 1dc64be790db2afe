"""Voice: whether a trigger is passive, its subject then being its theme.

"X was retaken", "X, seized by the Taliban, …", a headline's "attack on X repelled", and a
participle conjoined to a passive ("X was taken … and then retaken") are passive; "the
Taliban retook X" is not.
"""

from __future__ import annotations

import re

from geomap.extract.agents import actor_right_before
from geomap.extract.lexicon import Lexicon
from geomap.extract.scope import PASSIVE_BEFORE, QUOTES_AS_SPACES
from geomap.extract.site import TriggerMatch
from geomap.extract.themes import BE_FORMS

# "Kunduz, captured by the Taliban on Sunday, …": a participle right after a name's comma;
# a list's line "Sheberghan, Jowzjan province - captured on August 7": after its dash
_REDUCED_RELATIVE = re.compile(r"\w(?:,|\s+[-–—]|\s*:)\s*$")
# a headline's "attack on X repelled"; "X was among several districts retaken by commandos"
_NOUN_RIGHT_BEFORE = re.compile(
    r"\b(?:(?-i:[A-Z])[\w'’-]+|districts|towns|cities|villages|capitals)\s+$", re.IGNORECASE
)
_NO_OBJECT_NEXT = re.compile(
    # "X, seized by Y"; "X, seized on Wednesday"; "X, taken last week,": no object follows
    r"\s+(?:by|on|last|earlier|overnight|yesterday|this|early|late)\b|\s*[,.;]|\s*$",
    re.IGNORECASE,
)
# "The Taliban, driven from X, …": an expulsion whose verb names nobody expelled is passive.
_NOBODY_EXPELLED = re.compile(r"\w+ (?:out (?:of|from)|back from|from)", re.IGNORECASE)
_PARTICIPLE = re.compile(r"^\w+(?:ed|en|wn|ook|ran|run|eld|ost|eft|ught)\b", re.IGNORECASE)
# "X was taken by the Taliban and then retaken": a participle conjoined to a passive shares
# its auxiliary
_CONJOINED_PASSIVE = re.compile(
    rf"\b(?:{BE_FORMS}|been)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ost)\b[^,;.]{{0,60}}?\s"
    r"(?:and|but|or)\s+(?:(?:then|later|subsequently|quickly|soon)\s+)?$",
    re.IGNORECASE,
)


def is_passive(text: str, start: int, m: TriggerMatch, lo: int, lexicon: Lexicon) -> bool:
    """'X was "liberated"' (quotation marks read as spaces), "X, seized by Y,", a headline's
    "attack on X repelled" (not "which the Taliban captured on Sunday": a side before the
    verb is its subject)."""
    ts, te = start + m.start, start + m.end
    return bool(
        (
            PASSIVE_BEFORE.search(text[lo:ts].translate(QUOTES_AS_SPACES))
            or (
                (
                    _REDUCED_RELATIVE.search(text, max(start, ts - 8), ts)
                    or (
                        _NOUN_RIGHT_BEFORE.search(text, max(start, ts - 40), ts)
                        and not actor_right_before(text, max(start, ts - 40), ts, lexicon)
                    )
                )
                and (_NO_OBJECT_NEXT.match(text, te) or _NOBODY_EXPELLED.fullmatch(m.text))
            )
            or (
                _CONJOINED_PASSIVE.search(text, max(start, ts - 100), ts)
                and _NO_OBJECT_NEXT.match(text, te)
            )
        )
        and _PARTICIPLE.match(m.text)
    )
