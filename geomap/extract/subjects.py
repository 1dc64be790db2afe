"""Subjects a verb shares with another clause, or that a bracket keeps apart from it.

"X … but had not entered" (the clause before), "X held out … before falling" (the sentence's
opening subject), "A and B, two districts that fell" (a relative clause's antecedent), "X was
captured in July, retaken a week later" (one subject, a series of verbs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geomap.extract.agents import subject_before
from geomap.extract.chunks import Chunks
from geomap.extract.lexicon import Lexicon
from geomap.extract.reach import listed_with
from geomap.extract.scope import clause_marks
from geomap.extract.themes import AUXILIARIES, group_before
from geomap.records import Place

RELATIVE_GAP = re.compile(  # "X district(, located in northern P province| of P), which"
    r"(?:\s+(?:district|province|city|town|(?:border\s+)?crossing|border\s+post|airport))?"
    r"(?:,?\s*(?:located\s+)?(?:in|of)\s+(?:the\s+)?(?:[a-z-]+\s+)?[A-Z][\w'’-]+(?:\s+province)?)?"
    # "A and B, two districts that …"; "X, the provincial capital, which …"
    r"(?:,\s*(?:two|three|four|five|several|both|the)\s+(?:[a-z-]+\s+)?"
    r"(?:districts|towns|cities|villages|capitals)(?=\s+(?:which|that))"
    r"|,\s*(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}(?:capital|city|town|district|village|hub|"
    r"centre|center|stronghold)(?=\s*,\s*which\b))?"
    r"(?:,|\s)\s*(?:which|that)\s*",
    re.IGNORECASE,
)
RELATIVE_REACH = 80  # characters from a relative clause back to the place it describes
MAX_NAME = 60  # characters of the longest place name with its kind word
# A clause that opens on its verb after "but"/"and" shares the subject of the clause before.
SUBJECT_REACH = 300  # characters back in which the shared subject's clause is looked for
_CONJUNCTION_BEFORE = re.compile(r"\b(?:but|and|yet)\s*$", re.IGNORECASE)
# A verb opening a conjunct inside a clause ("… and had retaken X"): it shares the subject.
VERB_CONJUNCT = re.compile(
    rf"\b(?:and|but)\s+(?:(?:{AUXILIARIES}|then|later|also|quickly|subsequently|eventually)\s+)*$",
    re.IGNORECASE,
)
# "X fell in June and is believed to remain under Taliban control": a state in a conjunct
# shares the subject too, through a copula, an adverb or a hedge
_STATE_CONJUNCT = re.compile(
    rf"\b(?:and|but|yet)\s+(?:(?:{AUXILIARIES}|now|still|again|once\s+again|back|believed|"
    r"thought|said|understood|reported|appears?|seems?|remains?|remained|to|be)\s+)*$",
    re.IGNORECASE,
)
# "was captured in early July, retaken …": a participle after a comma, one clause on
SERIES_REACH = 60
_SERIES_COMMA = re.compile(rf"[^,;:]*,\s*(?:(?:{AUXILIARIES}|then|later)\s+)*")  # ", was retaken"
VERB_FIRST = re.compile(
    rf"\s*(?:(?:{AUXILIARIES}|did|do|does|not|never|then|later|quickly|soon|also|eventually|"
    r"finally|reportedly|still|yet|(?:forced|compelled|obliged|made)\s+to)\s+)*",
    re.IGNORECASE,
)
_SUBJECT_OPENS = re.compile(r"[\s\"“‘]*(?:the\s+)?(?:[a-z-]+\s+){0,2}")
_TIME_ADJUNCT = re.compile(r"\b(?:before|after|since|when|while)\s*$", re.IGNORECASE)


def shared_subject(text: str, start: int, clause: int, ts: int, lexicon: Lexicon) -> str | None:
    """The subject of the clause before a verb-first clause ("X … but had not entered")."""
    if clause <= start or not _CONJUNCTION_BEFORE.search(text, max(start, clause - 6), clause):
        return None
    if not VERB_FIRST.fullmatch(text, clause, ts):
        return None
    lo = max(start, clause - SUBJECT_REACH)  # a bounded look back: linear in a run-on text
    marks = clause_marks(text[lo:clause])[1]
    return subject_before(text, lo + (marks[-2] if len(marks) > 1 else 0), clause, lexicon)


def adjunct_subject(
    text: str, start: int, clause: int, trigger: tuple[int, str], chunks: Chunks
) -> tuple[Place, ...]:
    """The main clause's subject, for an -ing verb (``trigger``: its offset and words)
    opening a time adjunct ("X held out for three days before falling to the Taliban")."""
    ts, words = trigger
    if not words.lower().endswith("ing") or clause <= start:
        return ()
    mark = _TIME_ADJUNCT.search(text, max(start, clause - 10), clause)
    if mark is None or not VERB_FIRST.fullmatch(text, clause, ts):
        return ()
    subject = group_before(chunks, start, mark.start())
    # the subject opens the sentence: "X held out …", not "the army retook X before …"
    return subject if subject and _SUBJECT_OPENS.fullmatch(text, start, subject[0].start) else ()


def relative_antecedent(text: str, chunks: Chunks, ts: int) -> tuple[Place, ...]:
    """The places a relative clause right before the verb describes, reference points or
    not ("from the direction of A and B, two districts that fell")."""
    near = chunks.places_in(ts - RELATIVE_REACH - MAX_NAME, ts)  # a bisection: linear
    nearest = next((p for p in reversed(near) if ts - RELATIVE_REACH <= p.end <= ts), None)
    if nearest is None or not RELATIVE_GAP.fullmatch(text, nearest.end, ts):
        return ()
    return listed_with(text, chunks.places, nearest)


def continues_subject(
    text: str,
    start: int,
    clause: int,
    ts: int,
    before: tuple[Sequence[Place], int, int],
    state: bool = False,
) -> bool:
    """A passive verb (or a ``state``) opening a conjunct whose subject is the place the
    clause before began with ("X fell in June but was retaken in July"; "… and remains
    under Taliban control"); ``before`` is that clause's event: its places and its verb's
    span."""
    places, before_start, before_end = before
    if places[-1].end > before_start:
        return False  # the place was the object: "the army took X but was forced out"
    if VERB_CONJUNCT.search(text, max(before_end, ts - 40), ts):
        return True  # "… and was retaken"
    if state and _STATE_CONJUNCT.search(text, max(before_end, ts - 40), ts):
        return True  # "… but is now under Taliban control again"
    if ts - before_end < SERIES_REACH and _SERIES_COMMA.fullmatch(text, before_end, ts):
        return True  # "X was captured in July, retaken a week later": one subject, a series
    return (
        clause > start
        and bool(_CONJUNCTION_BEFORE.search(text, max(start, clause - 6), clause))
        and bool(VERB_FIRST.fullmatch(text, clause, ts))
    )
