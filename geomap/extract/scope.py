"""Scope: where a trigger's clause ends, and the mood it is said in.

A trigger's theme lies inside its clause; whether its event happened depends on the words
around it: a modal or an aim ("could fall", "to retake"), a negation ("did not fall", "no
fighting"), a habit ("have long controlled"). The words are the lexicon's; this module
only decides which words of the sentence they are read in.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from geomap.extract.lexicon import Lexicon
from geomap.extract.themes import APPOSITION, AUXILIARIES

_CLAUSE_END = re.compile(
    # a quotation's end (not before "…," he said of X": the quote is about X)
    r";|(?<=[,!?])[\"”](?![^.;\"“”]{0,80}?\b(?:said|says|added|wrote)\s+(?:of|about)\b)|"
    r"\bbut\b|,?\s+while\b|, and (?=(?:the |a |an )?[a-z])|, as(?! well)\b|\s+—\s+|"
    r", (?:raising|causing|sending|forcing|leaving|prompting|killing|resulting|which|who|where|"
    r"when|after|before|amid|although|though|with)\b|\bafter\b|\bbefore\b(?!\s*(?:[.;!?]|$))|\bwhen\b|"
    # (not "since Friday", "since early July": a time, not a clause; "have since": an adverb)
    r"(?<!have\s)(?<!has\s)(?<!had\s)\bsince\b(?!\s+(?i:(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:\d|[a-z]+day\b|january|"
    r"february|march|april|may|june|july|august|september|october|november|december|last|"
    r"then|yesterday|spring|summer|autumn|winter)))|"
    r"\bwhereas\b|, (?!including|according|during|excluding|neighbou?ring|surrounding|morning|"
    r"evening)[a-z]+ing\b"
)
_MONTH_MAY = re.compile(
    r"\b(?:in|on|since|until|by|of|early|late|mid-?|last|this|next|during)\s+May\b|\bMay\s+\d"
    r"|^(?-i:May)(?=\s*[,;)]|\s+\d|\s*$)",  # a clause cut after "since": "since May, …"
    re.IGNORECASE,
)
# An auxiliary (and adverbs) right before a participle: "was captured", "were then retaken",
# "was not captured", "were reported to": a passive
PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|is|are|be|got|gets|get)\s+"
    r"(?:(?:\w+ly|also|now|then|later|again|soon|since|not|never)\s+){0,2}$",
    re.IGNORECASE,
)
RANK_REACH = 11  # words before a trigger a rank reaches: "is the third district in P to"
HYPOTHETICAL_REACH = 7  # words before a trigger a modal reaches: "would be the first capital lost"
# Words a verb's negation reaches the trigger across: auxiliaries, adverbs, determiners.
_VERBAL_NEGATION = re.compile(r"not|n't|never", re.IGNORECASE)
_TRANSPARENT = re.compile(
    rf"(?:\W*\b(?:been|being|be|{AUXILIARIES}|yet|ever|even|\w+ly|any|a|an|the|"
    r"to|so|far|more|much|major|heavy|serious|significant|real|further|single)\b)*\W*",
    re.IGNORECASE,
)
_NOT_ONLY = re.compile(r"\bnot\s+only\b", re.IGNORECASE)
QUOTES_AS_SPACES = str.maketrans({q: " " for q in '"“”‘«»'})
_APPOSITION_REACH = 120  # characters: an appositive's opening comma, a fronted adverbial
# "to retake X" is an aim unless an implicative verb precedes it (the lexicon's
# ``implicative``: "managed to retake") or a rank does: "Zaranj was the first to fall",
# "became the latest district to fall": it did fall
RANK = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|last|"
    r"\d+(?:st|nd|rd|th))"
)
_RANKED_OUTCOME = re.compile(
    r"(?:\b(?:was|were|became|becomes|is|has\s+become|had\s+become|makes?\s+it|made\s+it|"
    # "was (one of | among) the first districts to fall"
    rf"making\s+it)|,)(?:\s+(?:(?:one|two|three|four|five|several|some)\s+of|among))?"
    rf"\s+the\s+{RANK}\s+(?:[\w-]+\s+){{0,4}}?to\s*$",
    re.I,
)


def hypothetical(clause_before: str, lexicon: Lexicon) -> bool:
    """A modal or an aim among the few words before a trigger ("could", "to retake")."""
    words = clause_before.translate(QUOTES_AS_SPACES).rsplit(None, HYPOTHETICAL_REACH)
    window = " ".join(words[-HYPOTHETICAL_REACH:])
    window = _MONTH_MAY.sub(" ", window)  # "In May, insurgents captured": the month
    if lexicon.hypothetical.search(window):
        return True
    if not lexicon.unrealised.search(window):
        return False
    wide = " ".join(clause_before.rsplit(None, RANK_REACH)[-RANK_REACH:])
    return not _RANKED_OUTCOME.search(wide)  # "makes it the fourth district in P to fall"


def habitual(
    text: str, start: int, lo: int, hi: int, ts: int, lexicon: Lexicon, state: bool = False
) -> bool:
    """A habit or the long past, said around the trigger (``lo:hi``) or fronted before it; an
    appositive only describes ("X, a Taliban stronghold for years, was retaken"). A ``state``
    (a hold) that has lasted for years still holds: only the past and habits end it."""
    pattern = lexicon.ended if state else lexicon.habitual
    for found in pattern.finditer(text, lo, hi):
        opening = text.rfind(",", max(start, found.start() - _APPOSITION_REACH), found.start())
        closing = text.find(",", found.end(), ts)
        if not (opening >= 0 <= closing and APPOSITION.match(text, opening)):
            return True
    fronted = pattern.search(text, start, min(hi, start + _APPOSITION_REACH))
    return bool(
        fronted
        and len(text[start : fronted.start()].split()) <= 2
        and text[fronted.end() : fronted.end() + 2].lstrip().startswith(",")
    )


def negated_before(window: str, lexicon: Lexicon) -> bool:
    """A negation among the last four words before a trigger ("did not", "no")."""
    window = _NOT_ONLY.sub(" ", " ".join(window.rsplit(None, 4)[-4:]))
    return any(  # "has not commented on the fall of X": the negation is the other verb's
        not _VERBAL_NEGATION.fullmatch(m.group(0)) or _TRANSPARENT.fullmatch(window, m.end())
        for m in lexicon.negation.finditer(window)
    )


@functools.lru_cache(maxsize=64)
def clause_marks(sentence: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the sentence's clause boundaries, found once per sentence."""
    spans = [m.span() for m in _CLAUSE_END.finditer(sentence)]
    return tuple(s for s, _e in spans), tuple(e for _s, e in spans)


def clause_end(sentence: str, index: int) -> int:
    """Where the clause open at ``index`` ends: the next boundary's start, or the end."""
    starts, ends = clause_marks(sentence)
    at = bisect_left(starts, index)
    if at and index < ends[at - 1]:  # inside a boundary: ask the pattern itself
        m = _CLAUSE_END.search(sentence, index)
        return m.start() if m else len(sentence)
    return starts[at] if at < len(starts) else len(sentence)
