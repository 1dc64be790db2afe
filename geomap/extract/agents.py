"""Agents: the party that acted in a frame, found inside the trigger ("Taliban-held"), in a
"by"/"to" phrase, or as the actor before the verb (after any report of it)."""

from __future__ import annotations

import re

from geomap.extract.lexicon import HELD_BY_SUFFIX, NON_COMBATANT, Lexicon, Trigger
from geomap.extract.speakers import SPEECH, after_speech

# "units of the Yug group", "fighters of the Islamic Emirate": the side is the one named
_MEMBERS_OF = r"(?:(?:units?|elements|forces|troops|fighters|soldiers|members)\s+of\s+)?"
# "… by Afghan commandos", "… over to the Taliban", "… by its residents"
_BY_OR_TO = re.compile(
    rf"\s*(?:[\w'-]+\s+){{0,3}}?(by|to)\s+(?:its\s+|their\s+)?{_MEMBERS_OF}", re.IGNORECASE
)
# a recipient after the object: "handed the district of X over to the Taliban"
# ("fell back into government hands", "into the hands of the army": a recipient too)
_TO_AFTER_OBJECT = re.compile(
    rf"\s*(?:[\w'-]+\s+){{0,6}}?(to|into)\s+(?:its\s+|their\s+|the\s+hands\s+of\s+)?"
    rf"{_MEMBERS_OF}",
    re.I,
)
# "its forces", "our troops": the speaker's own side
OWN_FORCES = re.compile(
    r"\b(?:its|their|our)\s+(?:own\s+)?(?:forces|troops|soldiers|units|fighters|army|men)\b", re.I
)
# "in western Kabul": a capital or country named as a place, not as the side it stands for
_LOCATED = re.compile(
    r"\b(?:in|at|from|to|into|near|outside|around|across)\s+(?:[a-z]+ern\s+|central\s+)?$",
    re.IGNORECASE,
)
_TO_SOMEONE = re.compile(r"[^,;.]*?\bto\b", re.IGNORECASE)  # "handed X over to elders"
_TO_AIM = re.compile(r"\s+to\s+", re.IGNORECASE)
_THEIR = re.compile(r"\b(?:their|theirs|its|they)\b", re.IGNORECASE)
_THEY = re.compile(r"\bthey\b", re.IGNORECASE)
_THEY_BEFORE = re.compile(
    r"\bthey\s+(?:(?:had|have|has|also|then|later|again|\w+ly)\s+){0,3}$", re.I
)
ACTOR_REACH = 400  # characters back from a verb in which its subject is looked for: linear
# "residents of Taliban-controlled X fled": the side only qualifies the place
_HOLDS_A_PLACE = re.compile(HELD_BY_SUFFIX, re.IGNORECASE)
THEY_REACH = 200  # characters back, past the sentence start, in which "they" finds its actor
# "… who (had) fled": a relative clause's subject is the phrase the pronoun follows
_RELATIVE_SUBJECT = re.compile(
    r"\b(?:who|that|which)\s+(?:(?:had|have|has|later|then|also|reportedly)\s+)*$", re.I
)
_BEFORE_RELATIVE = re.compile(r"\s*,?\s*")
# Between a subject and its verb: a few words, no new phrase ("families have reportedly left").
_SUBJECT_GAP = re.compile(r"\s+(?:[a-z'-]+\s+){0,3}", re.IGNORECASE)


def agent_of(
    text: str,
    trigger: Trigger,
    words: str,
    span: tuple[int, int],
    lo: int,
    passive: bool,
    lexicon: Lexicon,
    sentence: int | None = None,
) -> tuple[str | None, bool]:
    """The party that acted, and whether it is the speaker's own side ("our control").

    ``words`` are the trigger's own words at ``span`` of ``text``; ``lo`` starts its clause
    and ``sentence`` its sentence.
    """
    ts, te = span
    if trigger.action == "attempt":  # "trying to drive Russian troops out": they are its object
        words = _TO_AIM.split(words, maxsplit=1)[0]
    if trigger.action == "expel":
        return _expeller(text, words, ts, lo, passive, lexicon), False
    if lexicon.speaker_possessive.search(words):
        return None, True
    if _THEIR.search(words):  # "under their control", "they hold X": the side named before
        they = _THEY.search(words)  # a subject pronoun may stand for the last sentence's actor
        party = _actor_before(text, max(0, lo - THEY_REACH) if they else lo, ts, lexicon)
        if party is None and not they and sentence is not None:
            party = _possessor(text, sentence, ts, lexicon)
        return (party, False) if party else (None, True)
    party = lexicon.party_of(words)
    if party:
        return party, False
    action = lexicon.actions[trigger.action]
    if action.get("agent") == "named":
        return None, False  # "ending months of occupation of X": only a side named counts
    recipient = action.get("agent") == "recipient"
    if passive or recipient:  # "was retaken by commandos"; "handed X over to the Taliban"
        named = _named_after(text, te, "to" if recipient else "by", lexicon)
        if named is None and recipient and not passive and action.get("giver") == "opponent":
            named = _giver_gave_to(text, lo, span, lexicon)
        if named or recipient:
            return named, False
    if trigger.theme in ("object", "after") and not passive:
        party = _actor_before(text, lo, ts, lexicon)
        if party is None and sentence is not None and _THEY_BEFORE.search(text, lo, ts):
            named = _possessor(text, sentence, ts, lexicon)  # "Two days later, they lost it"
            party = named if named in lexicon.parties else None  # (a side, not "civilians")
        # "Kyiv said its forces had raised the flag in X": the speaker's own side acted
        return party, party is None and bool(OWN_FORCES.search(text, lo, ts))
    if passive and lexicon.actions[trigger.action].get("leaves"):
        return _actor_before(text, lo, ts, lexicon), False  # "troops were evacuated from X"
    return None, False


def _possessor(text: str, sentence: int, ts: int, lexicon: Lexicon) -> str | None:
    """Whose "their"/"its" is (or who "they" are), when its own clause names no side: a side
    earlier in the sentence ("the insurgents were back, and by nightfall X was under their
    control"); in reported words the side after the speech verb, else none (the speaker's
    own: "officials said it remained in their hands"); else the subject of the sentence
    before ("The insurgents returned. By nightfall X was under their control")."""
    sentence = max(sentence, ts - ACTOR_REACH)  # (a bounded look: a long sentence stays linear)
    said = SPEECH.search(text, sentence, ts)
    if said is not None:
        return _actor_before(text, said.end(), ts, lexicon)
    party = _actor_before(text, sentence, ts, lexicon)
    if party is not None:
        return party
    before = max(0, sentence - THEY_REACH)
    return subject_before(text, after_speech(text, before, sentence), sentence, lexicon)


def _named_after(text: str, te: int, preposition: str, lexicon: Lexicon) -> str | None:
    """The party in a by- or to-phrase just after the verb ("… by Afghan commandos")."""
    by = (_TO_AFTER_OBJECT if preposition == "to" else _BY_OR_TO).match(text, te, te + 80)
    word = by.group(1).lower().replace("into", "to") if by else None  # "into their hands"
    if by is None or word != preposition or not lexicon.actor.match(text, by.end()):
        return None
    return lexicon.party_of(text[by.end() : by.end() + 50])


def _giver_gave_to(text: str, lo: int, span: tuple[int, int], lexicon: Lexicon) -> str | None:
    """The opponent of a side that handed a place over to no one named ("Afghan forces
    handed over X"): only the verb's own subject gives (not "… to the Taliban, handing over
    X"), and a recipient who is no side ("to elders") says nothing."""
    ts, te = span
    if _TO_SOMEONE.match(text, te, te + 100):
        return None
    subject = next(reversed(list(lexicon.actor.finditer(text, max(lo, ts - 60), ts))), None)
    if subject is None or not _SUBJECT_GAP.fullmatch(text, subject.end(), ts):
        return None
    giver = lexicon.actor_party[subject.lastgroup or ""]
    return lexicon.opponent(giver) if giver in lexicon.parties else None


# "The Taliban, who briefly took X last month, now hold Y": a relative clause between a
# subject and its verb
_RELATIVE_BEFORE_VERB = re.compile(
    r",\s*(?:who|which|that)\b[^,;]{0,150}?,\s*(?:(?:now|still|also|then|later|have|has|had)\s+)*$",
    re.IGNORECASE,
)


def actor_right_before(text: str, lo: int, at: int, lexicon: Lexicon) -> re.Match[str] | None:
    """The actor phrase that ends right before ``at`` (spaces apart), looked for from ``lo``."""
    actors = [a for a in lexicon.actor.finditer(text, lo, at) if not text[a.end() : at].strip()]
    return actors[-1] if actors else None


def actor_before_relative(text: str, start: int, ts: int, lexicon: Lexicon) -> str | None:
    """The party of a subject that a relative clause separates from its verb at ``ts``."""
    bracket = _RELATIVE_BEFORE_VERB.search(text, max(start, ts - 200), ts)
    if bracket is None:
        return None
    actor = actor_right_before(text, max(start, bracket.start() - 60), bracket.start(), lexicon)
    return lexicon.actor_party[actor.lastgroup or ""] if actor else None


def _actor_before(text: str, lo: int, ts: int, lexicon: Lexicon) -> str | None:
    """The party of the last actor before the verb, after any report of it ("Russia denied
    a Ukrainian claim to have recaptured X": not Russia); after a relative pronoun, only the
    actor it follows ("an elder who fled", not "the militants … an elder who fled")."""
    relative = _RELATIVE_SUBJECT.search(text, max(lo, ts - 40), ts)
    if relative is not None:
        adjacent = [
            a
            for a in lexicon.actor.finditer(text, max(lo, relative.start() - 60), relative.start())
            if _BEFORE_RELATIVE.fullmatch(text, a.end(), relative.start())
        ]
        return lexicon.actor_party[adjacent[-1].lastgroup or ""] if adjacent else None
    lo = max(lo, ts - ACTOR_REACH)
    reports = [r.end() for r in lexicon.reporting.finditer(text, lo, ts)]
    actors = [
        a
        for a in lexicon.actor.finditer(text, reports[-1] if reports else lo, ts)
        if (not _LOCATED.search(text, max(0, a.start() - 20), a.start()) or " " in a.group(0))
        and not _HOLDS_A_PLACE.match(text, a.end())
    ]
    if not actors:
        return None
    last = lexicon.actor_party[actors[-1].lastgroup or ""]
    if last != NON_COMBATANT or _SUBJECT_GAP.fullmatch(text, actors[-1].end(), ts):
        return last
    # "Taliban fighters, disguised as civilians, stormed X": the civilians are not its subject
    fighters = [lexicon.actor_party[a.lastgroup or ""] for a in actors]
    return next((p for p in reversed(fighters) if p != NON_COMBATANT), None)


def subject_before(text: str, lo: int, hi: int, lexicon: Lexicon) -> str | None:
    """The party of a clause's subject: its first actor after any report ("Officials said
    Taliban fighters reached X …": the fighters)."""
    reports = [r.end() for r in lexicon.reporting.finditer(text, lo, hi)]
    for actor in lexicon.actor.finditer(text, reports[-1] if reports else lo, hi):
        party = lexicon.actor_party[actor.lastgroup or ""]
        if party != NON_COMBATANT:
            return party
    return None


def _expeller(
    text: str, words: str, ts: int, lo: int, passive: bool, lexicon: Lexicon
) -> str | None:
    """Who drove whom out: the actor before the verb, unless it is the one driven out
    ("Russian forces were pushed out of X"); else the opponent of the one named inside."""
    party = _actor_before(text, lo, ts, lexicon)
    if party:
        return lexicon.opponent(party) if passive else party
    inside = lexicon.party_of(words)
    return lexicon.opponent(inside) if inside else None


def default_agent(role: str, lexicon: Lexicon) -> str:
    """Who acted when the sentence does not say: the defender or the attacker, by role."""
    return lexicon.defender if role in ("defender", "subject", "speaker") else lexicon.attacker
