"""The grammar of one trigger: which places it governs, what its object's words say of them,
who acted, and the status all that gives (what a trigger naming no place means:
``backrefs.py``; the records it reads with: ``site.py``).

``frames.py`` finds the triggers of a sentence and asks ``read_frame`` for each one's frame.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from geomap.extract.agents import (
    OWN_FORCES,
    actor_before_relative,
    agent_of,
    default_agent,
    subject_before,
)
from geomap.extract.anchors import gated
from geomap.extract.backrefs import DESTINATION, goes_on, pronoun_places, referred
from geomap.extract.chunks import WHERE_NEXT, Chunks
from geomap.extract.cues import FRONTED_SCENE
from geomap.extract.lexicon import NON_COMBATANT, POSSESSIVE, Lexicon
from geomap.extract.reach import listed_with, ranked_before
from geomap.extract.references import ANAPHOR
from geomap.extract.scenes import (
    DROP,
    LOCATION_GAP,
    PLURAL_UNITS,
    around_subject,
    no_claim,
    part_or_other,
    scene_status,
)
from geomap.extract.scope import (
    hypothetical,
    negated_before,
)
from geomap.extract.site import Frame, Site, TriggerMatch
from geomap.extract.speakers import after_speech
from geomap.extract.subjects import (
    RELATIVE_GAP,
    RELATIVE_REACH,
    SUBJECT_REACH,
    VERB_CONJUNCT,
    adjunct_subject,
    relative_antecedent,
    shared_subject,
)
from geomap.extract.themes import (
    APPOSITIVE_RELATIVE,
    MAX_OBJECT_GAP,
    PART_SUBJECT,
    adjunct_head,
    appositive,
    bracketed_subject,
    counts_not_names,
    group_after,
    group_before,
    listed_object_status,
    names_a_reference,
    possessed_head,
    shares_predicate,
)
from geomap.extract.voice import is_passive
from geomap.records import CONTESTED, THIRD_PARTY, Place

RELATIVE_PRONOUN = gated(r"\b(?:which|that|who)\b", re.IGNORECASE)
_PART_OF_BEFORE = re.compile(
    r"\b(?:most|much|parts?|large\s+parts|half|a\s+third|two-thirds|the\s+rest)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
RETRACTION_REACH = 300  # characters before a trigger in which a report is taken back
_STATE_ADJECTIVE = re.compile(r"(?:[\w'’]+-)?(?:held|controlled|occupied)", re.IGNORECASE)
# "A and B, which is still held": the relative clause's verb is in the singular
_SINGULAR_VERB = re.compile(r"\s+(?:(?:still|now|also)\s+)?(?:is|was|has|remains)\b", re.I)
# "Kunduz, which the Taliban captured": a relative clause puts the object first.
_RELATIVE = re.compile(r"\b(?:which|that|whom|what)\b|:", re.IGNORECASE)
_WHERE_GAP = re.compile(rf"{WHERE_NEXT}\s*", re.IGNORECASE)
_LEFT_FROM = re.compile(r"\s+(?:from|out\s+of)\s", re.IGNORECASE)


def _lost_just_before(places: Sequence[Place], earlier: Sequence[Frame]) -> bool:
    """The sentence's last event gave these places to a side ("X fell to Y and …"; not "X
    was cleared and liberated": one recapture, said twice)."""
    return bool(
        places
        and earlier
        and earlier[-1].status != CONTESTED
        and earlier[-1].action != "recapture"
        and set(places) <= set(earlier[-1].places)
    )


def _unnamed_agent(
    text: str, start: int, clause: int, m: TriggerMatch, passive: bool, lexicon: Lexicon
) -> tuple[str | None, str | None]:
    """The agent a clause leaves to the one before it, and which side of the speaker's was
    beaten back when only the speaker says whose it was: "own" ("its troops were pushed
    out": the place is the other side's) or "enemy" ("the enemy's attack was repulsed": the
    place is the speaker's side's)."""
    ts = start + m.start
    if not passive:
        # "Taliban fighters reached Kunduz but had not entered the city": one subject, two verbs
        return shared_subject(text, start, clause, ts, lexicon), None
    if m.trigger.action not in ("repel", "expel"):
        return None, None
    # "Government forces attacked X but were beaten back": the side beaten back lost it
    lo = max(start, ts - SUBJECT_REACH)
    lo = after_speech(text, lo, ts)  # "the police chief said the attacks were repulsed"
    relative = RELATIVE_PRONOUN.search(text, max(start, clause - 6), ts)
    beaten = None if relative else subject_before(text, lo, ts, lexicon)
    if beaten is not None and beaten in lexicon.parties:
        return lexicon.opponent(beaten), None
    if OWN_FORCES.search(text, lo, ts):  # "Kyiv denied that its troops had been pushed out"
        return None, "own"
    return None, "enemy" if lexicon.speaker_enemy.search(text, lo, ts) else None


_NAME_ENDS = re.compile(r"(?:\s+(?:district|province|city|town))?\s+")  # "X district "
_OBJECT_WORDS = re.compile(r"[^,;:.()—–]*")  # the words after a verb, up to a clause mark


# Actions whose verb takes an object that may be only a part of the place ("two outposts")
_TAKES_OBJECT = ("capture", "recapture", "lose", "hold", "withdraw", "handover")


@dataclass(frozen=True)
class _Theme:
    """The places a trigger governs, found in the sentence, and where they were found."""

    places: tuple[Place, ...]
    before: tuple[Place, ...]  # the places before the verb (a subject) …
    after: tuple[Place, ...]  # … and after it (an object, or what follows a noun)
    counts_units: bool  # the object is a tally of units ("controls 14 of 17 districts")
    subject_first: bool  # the theme is the subject: a passive verb, or one such as "fell"


# right after the trigger before, or a preposition after it: that trigger's place
_AFTER_EARLIER_VERB = re.compile(
    r"\s*(?:(?:[\w'’-]+\s+){0,2}?(?:in|at|near|around|across|inside|over|for|into|on)\s+)?"
    r"(?:the\s+)?",
    re.IGNORECASE,
)
_RELATIVE_OPENS = re.compile(r"\b(?:which|that)\s*$", re.IGNORECASE)
_BARE_SUBJECT = re.compile(r"\s*(?:(?:has|have|had|now|also|then|finally)\s+)*")
# A referring phrase right before a verb, after a clause break: the verb's own subject
_REFERRING_SUBJECT = re.compile(
    r"\b(?:and|but|that|while|whereas)\s+(?:that\s+)?(?:the|this|that)\s+(?:[\w-]+\s+)?"
    r"(?:district(?:\s+(?:centre|center|headquarters))?|city|town|crossing|base|airport)"
    r"\s+(?:(?:is|was|were|are|has|had|have|been|now|still|also|already)\s+){0,3}$",
    re.IGNORECASE,
)


def _theme(site: Site) -> _Theme | None:
    """The places named as the trigger's theme (before or after it, a relative clause's
    antecedent, an appositive), or None where they are only its scene."""
    text, start, m, lo, hi, clause, chunks, lexicon = (
        site.text,
        site.start,
        site.m,
        site.lo,
        site.hi,
        site.clause,
        site.chunks,
        site.lexicon,
    )
    ts, te, passive = site.ts, site.te, site.passive
    after = group_after(chunks, te, hi, text, lexicon)
    leaves = lexicon.actions[m.trigger.action].get("leaves")
    if after and leaves and DESTINATION.search(text, te, after[0].start):
        after = ()  # "retreated from its base to the post at X": X is where they went
    before = group_before(chunks, lo, ts)
    if leaves and not after and _LEFT_FROM.match(text, te):
        before = ()  # "fled from occupied villages": what they left is not a place before
    subject_theme = m.trigger.theme == "subject" or (m.trigger.theme == "object" and passive)
    if (
        subject_theme
        and len(before) > 1
        and lo > clause
        and _AFTER_EARLIER_VERB.fullmatch(text, lo, before[0].start)
    ):
        before = before[-1:]  # "Fighting raged in A and B fell", "attacked A and B fell": A is
        # the earlier verb's place, B this one's subject
    if before and subject_theme and _REFERRING_SUBJECT.search(text, before[-1].end, ts):
        before = ()  # "… in X and that the district centre was now under …": what the
        # phrase refers to is the subject (found as a reference), not X as the clause's scene
    if not before and subject_theme:  # "X, which …, was retaken"; "A and B, two … that fell"
        before = (
            bracketed_subject(chunks, text, start, ts)
            or relative_antecedent(text, chunks, ts)
            or adjunct_subject(text, start, clause, (ts, m.text), chunks)
        )
    order: tuple[tuple[Place, ...], ...]
    if subject_theme:
        order = (before, after)
    elif m.trigger.theme == "object" and before and not _RELATIVE.search(text[before[-1].end : ts]):
        order = (after,)  # an active verb's object follows it; a place before is its scene
    elif m.trigger.theme == "after" and lexicon.event_holder_before.search(
        text, max(lo, ts - 30), ts
    ):
        # a noun trigger as another verb's object ("protested in Kabul against the fighting"):
        order = (after,)  # the place before is that verb's scene, not the fight's
    elif (
        m.trigger.action == "enter" and before and _BARE_SUBJECT.fullmatch(text, before[-1].end, ts)
    ):
        order = (after,)  # "Khulm entered a new phase": a place entering is no place entered
    else:
        order = (after, before)
    if (m.trigger.theme in ("subject", "object") or not after) and _RELATIVE_OPENS.search(
        text, max(start, clause - 8), clause
    ):  # "X, which remains contested": an adjective's place too
        antecedent = _antecedent(text, start, clause, chunks)
        gap = text[clause:ts]
        subject = clause + len(gap) - len(gap.lstrip())  # where the relative clause's words start
        if m.trigger.theme == "object" and not passive and lexicon.actor.match(text, subject, te):
            # "X, which the insurgents have held since June, or Y": the pronoun is the
            # verb's object, so no place after the verb is
            order = (antecedent,)
        else:
            order = (*order, antecedent)
    if not after and not passive and names_a_reference(text, te):
        order = (after,)  # "efforts to recapture the crossings": the object refers back
    counts_units = not passive and counts_not_names(text, te, after, lexicon)
    if counts_units:
        order = ()  # "Takhar (the Taliban control 14 of 17 districts)": a tally, not Takhar
    possessor = _possessor(text, start, ts, chunks)
    if possessor:
        order = (possessor,)  # "Khulm's fall", "Khulm's capture by the Taliban"
    places = next((g for g in order if g), ())
    if places and places is before:  # "X has been taken, and Y too" / "…, as has Y"
        second = after or group_after(chunks, te, te + MAX_OBJECT_GAP, text, lexicon)
        if second and shares_predicate(text, te, second):
            places += second
    if not places and m.trigger.theme == "object":
        # "Tokmak, a Russian-occupied hub"; "Andriivka, a village near Bakhmut which … liberated"
        places = appositive(text, chunks, lo, ts) or appositive(
            text, chunks, start, ts, APPOSITIVE_RELATIVE
        )
    if not places and clause > start and not counts_units:
        # "civilians from A and B districts, where the two sides fight for the road"
        antecedent = group_before(chunks, start, clause)
        if antecedent and _WHERE_GAP.fullmatch(text, antecedent[-1].end, clause):
            places = antecedent
    if (
        passive
        and m.trigger.action == "capture"
        and places
        and places is after
        and LOCATION_GAP.match(text[te : places[0].start])
    ):
        return None  # "a facilitator was captured in Kunar": the place is only the scene
    if places and places is after and m.text.lower().endswith(" of") and not leaves:
        # (not "pulled out of X to avoid casualties": a purpose, the withdrawal happened)
        after_name = _NAME_ENDS.match(text, places[-1].end)
        if after_name and lexicon.hypothetical.match(text, after_name.end()):
            return None  # "the fall of X would be a blow": what it would mean, not what was
    return _Theme(places, before, after, counts_units, subject_theme)


_POSSESSIVE_END = re.compile(rf"{POSSESSIVE}$")


def _possessor(text: str, start: int, ts: int, chunks: Chunks) -> tuple[Place, ...]:
    """The place whose event a noun trigger names ("Khulm's fall"), else ()."""
    i = bisect_right(chunks.candidates, ts, key=_end)  # the last place ending before it
    p = chunks.candidates[i - 1] if i else None
    if p is None or p.start < start or not _POSSESSIVE_END.fullmatch(text, p.end, ts):
        return ()
    return (p,)


def _end(p: Place) -> int:
    return p.end


def _antecedent(text: str, start: int, clause: int, chunks: Chunks) -> tuple[Place, ...]:
    """What a relative clause describes: "Khulm, which insurgents captured" / "Khulm, which
    was captured" / "Khulm, which was besieged, fell": the object or the subject; after a
    list, a verb in the singular describes its last member ("A and B, which is held")."""
    found = _antecedents(text, start, clause, chunks)
    return found[-1:] if _SINGULAR_VERB.match(text, clause) else found


def _antecedents(text: str, start: int, clause: int, chunks: Chunks) -> tuple[Place, ...]:
    antecedent = group_before(chunks, start, clause)
    if antecedent and RELATIVE_GAP.fullmatch(text, antecedent[-1].end, clause):
        return antecedent
    # a place only located or referred to may still be what the clause describes:
    # "attacks from Guzara district, located in Herat province, which is under …"
    named = next(
        (
            p
            for p in chunks.places
            if clause - RELATIVE_REACH <= p.end <= clause
            and RELATIVE_GAP.fullmatch(text, p.end, clause)
        ),
        None,
    )
    if named is not None:
        return listed_with(text, chunks.places, named)
    # "Bakhmut, a symbolic prize that Russian forces seized"
    return appositive(text, chunks, start, clause, APPOSITIVE_RELATIVE)


def _object_words_say(text: str, te: int, hi: int, lexicon: Lexicon) -> str | None:
    """What the words right after a verb make of its object: contested for a part ("two
    outposts"), DROP for a person or thing ("weapons"), else None (see ``part_or_other``)."""
    words = _OBJECT_WORDS.match(text, te, min(hi, te + MAX_OBJECT_GAP))
    return part_or_other(words.group(0) if words else "", lexicon)


_NAME_NEXT = re.compile(r"\s+((?-i:[A-Z][\w'’-]+))")


def _names_unknown_object(site: Site) -> bool:
    """A noun trigger's "of" (or an active verb) followed by a capitalised name that is no
    place found and no side ("the fall of Kunuz"): it names what it acts on, unknown."""
    m, text, te = site.m, site.text, site.te
    takes = m.text.lower().endswith(" of") or (m.trigger.theme == "object" and not site.passive)
    name = _NAME_NEXT.match(text, te) if takes else None
    return bool(
        name
        and not site.lexicon.actor.match(text, name.start(1))
        and not site.chunks.places_in(name.start(1), name.start(1) + 1)  # (a bisection)
    )


def _judged(
    site: Site, theme: _Theme, resolve: Callable[[int, int], list[Place]]
) -> tuple[tuple[Place, ...], str, str | None, int | None] | None:
    """The theme's places (or a back-reference's), how they were found, what the object's
    words say of them (contested: a part; None: the place itself) and where a referring
    object ends; None when the object names no place here."""
    text, start, m, lo, hi, chunks, lexicon = (
        site.text,
        site.start,
        site.m,
        site.lo,
        site.hi,
        site.chunks,
        site.lexicon,
    )
    ts, te, passive = site.ts, site.te, site.passive
    places, via = theme.places, "named"
    scene = scene_status(
        text,
        start,
        (lo, ts, te),
        (places, theme.before, theme.after),
        (m.trigger.theme == "subject", theme.subject_first),
        lexicon,
    )
    if scene == DROP:
        return None
    object_at = places[0].start if places and places is theme.after else None
    object_end = places[0].end if object_at is not None else None
    if not places and _names_unknown_object(site):
        return None  # "the fall of Kunuz": a name the gazetteer lacks, not a place before
    if not places and not theme.counts_units:  # a tally's units may be listed ("including")
        active_object = m.trigger.theme == "object" and not passive
        leaves = bool(lexicon.actions[m.trigger.action].get("leaves"))
        places = referred(text, (ts, te), (lo, hi), active_object, leaves, chunks, resolve, lexicon)
        via = "reference"
        subjects = list(ANAPHOR.finditer(text, lo, ts)) if theme.subject_first else []
        if places and subjects:  # "parts of the district are in Taliban hands"
            scene = around_subject(text, lo, subjects[-1].span(), lexicon)
            if no_claim(scene, places):
                return None
        phrase = ANAPHOR.search(text, te, hi) if places else None
        if phrase is not None and phrase.start() - te <= MAX_OBJECT_GAP:
            object_at, object_end = phrase.start(), phrase.end()
        elif (
            not places
            and active_object
            and m.trigger.action in _TAKES_OBJECT
            and theme.before
            and FRONTED_SCENE.fullmatch(text, start, theme.before[0].start)
        ):
            # "In X, troops recaptured several villages": a part of the scene fronted
            if _object_words_say(text, te, hi, lexicon) == CONTESTED:
                places, via, scene = theme.before, "named", CONTESTED
        elif places and phrase is None and active_object and m.trigger.action in _TAKES_OBJECT:
            # "entered the city and captured several checkpoints": the object is a part of
            # the place meant, or something else ("captured weapons")
            scene = _object_words_say(text, te, hi, lexicon) or scene
            if no_claim(scene, places):
                return None
    judged = scene
    if object_at is not None and m.trigger.action in _TAKES_OBJECT:
        # The object's head noun decides: "captured Kunduz" / "the city's entrance" /
        # "took captive four members ... of the province"
        # a withdrawal's gap only names what was left: "from the west bank, including from X"
        judged = (
            (
                part_or_other(text[te:object_at], lexicon)
                if m.trigger.action == "withdraw"
                else listed_object_status(text, te, object_at, lexicon)
            )
            or possessed_head(text, object_end or object_at, lexicon)
            or (adjunct_head(text, object_at, object_end, lexicon) if object_end else None)
            or scene
        )
        if (
            judged == CONTESTED
            and no_claim(judged, places)
            and lexicon.members.search(text, places[-1].end, hi)
        ):
            # "control much of P, including A and B": no claim on P, but the list takes one
            return (), via, None, None
        if no_claim(judged, places):
            return None  # "control a larger part of the province": no claim on a province
    elif (
        places
        and via == "named"
        and not passive
        and m.trigger.action in _TAKES_OBJECT
        and (m.trigger.theme == "object" or m.trigger.action == "withdraw")
        and "-" not in m.text  # "a Russian-occupied rail hub": the place itself
    ):
        # "In X, the army abandoned two outposts": the scene's part, not the scene, changed
        judged = _object_words_say(text, te, hi, lexicon)
        if no_claim(judged, places):
            return None  # "where Ukraine controls much territory": no claim on a province
    elif (
        passive
        and m.trigger.action in ("capture", "recapture")
        and PART_SUBJECT.search(site.clause_before)
    ):
        judged = CONTESTED  # "some surrounding areas are occupied": a part of it
    elif (
        places
        and places is theme.before
        and m.trigger.action in ("hold", "fall", "capture", "recapture", "lose")
        and _PART_OF_BEFORE.search(text, max(lo, places[0].start - 30), places[0].start)
    ):
        judged = CONTESTED  # "most of Khulm is Taliban-controlled": a part of it
        if no_claim(judged, places):
            return None  # (of a province: no claim, as "much of Helmand has fallen")
    if m.trigger.action in ("capture", "recapture", "hold", "fall") and (
        lexicon.partly.search(text, max(lo, ts - 16), ts)
        or lexicon.brief_after.match(text, te)
        or (object_end is not None and lexicon.brief_after.match(text, object_end))
    ):
        judged = CONTESTED  # "X is partly under Taliban control", "X almost fell", "X was
        # retaken briefly", "held X for a few hours"
    return places, via, judged, object_end


def _holder_after_failure(agent: str | None, words: str, lexicon: Lexicon) -> str:
    """Who still holds a place an attempt or attack (``words``) failed to take: the side
    that did not make it; with nobody named, a retaking is the defender's ("efforts to
    retake X have stalled": X is still the attacker's), any other the attacker's."""
    if agent in lexicon.parties:
        return lexicon.opponent(agent)
    retaking = any(
        trigger.action == "recapture" and phrase.search(words)
        for trigger, phrase in lexicon.trigger_phrases
    )
    return lexicon.attacker if retaking else lexicon.defender


def _agent(
    site: Site, places: Sequence[Place], earlier: Sequence[Frame]
) -> tuple[str | None, bool, str | None]:
    """The side that acted, whether it is the speaker's own, and which side of the speaker's
    was beaten back when only the speaker says whose it was ("own" or "enemy")."""
    text, start, m, clause, lexicon = site.text, site.start, site.m, site.clause, site.lexicon
    ts, te, passive = site.ts, site.te, site.passive
    agent, agent_is_speaker = agent_of(
        text, m.trigger, m.text, (ts, te), clause, passive, lexicon, sentence=start
    )
    if agent is None and not agent_is_speaker and not passive and m.trigger.theme != "subject":
        agent = actor_before_relative(text, start, ts, lexicon)  # "X, who …, now hold Y"
    conjunct = VERB_CONJUNCT.search(text, max(site.lo, ts - 40), ts)
    if conjunct and not passive and m.trigger.theme in ("object", "after"):
        # "its troops repelled insurgent attacks near X and had retaken Y": the subject acts
        said = after_speech(text, clause, conjunct.start())
        shared = subject_before(text, said, conjunct.start(), lexicon)
        if shared is not None:
            agent, agent_is_speaker = shared, False
    if agent is None and m.trigger.action == "recapture" and _lost_just_before(places, earlier):
        # "X fell to the insurgents and was later recaptured": by the side that lost it
        agent, agent_is_speaker = lexicon.opponent(earlier[-1].status), False
    beaten: str | None = None  # the speaker's own side or its enemy, beaten back
    if agent is None and not (agent_is_speaker and not passive):
        agent, beaten = _unnamed_agent(text, start, clause, m, passive, lexicon)
    return agent, agent_is_speaker, beaten


def read_frame(
    text: str,
    start: int,
    m: TriggerMatch,
    lo: int,
    hi: int,
    clause: int,
    chunks: Chunks,
    lexicon: Lexicon,
    resolve: Callable[[int, int], list[Place]],
    earlier: Sequence[Frame],
    previous: Sequence[Place],
) -> Frame | None:
    """The frame of the trigger ``m`` whose theme lies in ``lo:hi``, or None: its places
    (``_theme``, ``_judged``, ``_pronoun_places``), its agent (``_agent``), then the status
    they give and what the words around the trigger do to it."""
    ts, te = start + m.start, start + m.end
    clause_before = text[lo:ts]
    if hypothetical(clause_before, lexicon) and not _STATE_ADJECTIVE.fullmatch(m.text):
        return None  # (an adjective states what is: "near Taliban-held X", "near occupied X")
    if lexicon.retraction.search(text, max(start, ts - RETRACTION_REACH), ts):
        return None  # "an earlier version of this story said X had fallen"
    passive = is_passive(text, start, m, lo, lexicon)
    if passive and m.trigger.action == "repel":
        lo = start  # "X attacked Y but were beaten back": the attack was on Y
    site = Site(text, start, m, lo, hi, clause, chunks, lexicon, passive, clause_before)
    theme = _theme(site)
    judged = _judged(site, theme, resolve) if theme is not None else None
    if theme is None or judged is None:
        return None
    referred = pronoun_places(site, judged[:3], earlier, previous)
    if referred is None:
        return None
    places, via, status_override = referred
    object_end = judged[3]
    agent, agent_is_speaker, beaten = _agent(site, places, earlier)
    action = lexicon.actions[m.trigger.action]
    # "the enemy has fled X", said by one side: X is the speaker's; "the enemy took X": not
    enemy_acted = (
        agent is None
        and beaten is None
        and not passive
        and action["status"] != CONTESTED
        and lexicon.speaker_enemy.search(text, max(clause, ts - 30), ts) is not None
    )
    if agent == NON_COMBATANT and m.trigger.action == "enter":
        return None  # "journalists entered X": a visit, not an incursion
    if agent == NON_COMBATANT and action["status"] == CONTESTED:
        agent = None  # "civilians were killed in clashes in X": the clashes still count
    if agent in (THIRD_PARTY, NON_COMBATANT):
        return None  # foreign troops or families leaving X say nothing about who holds it
    if agent is None and not enemy_acted and action.get("default_agent") == "none":
        return None  # "many fled X": only a named side's flight says who holds it
    if agent is None and action.get("default_agent") == "speaker":
        agent_is_speaker = True  # "the troops were withdrawn from X", said by one side
    unopposed = (
        m.trigger.action == "enter"
        and places
        and lexicon.unopposed.match(text, places[-1].end) is not None
    )
    if unopposed:  # "entered X without a fight": an entry nobody fought is a capture
        action = lexicon.actions["capture"]
    if action["status"] == CONTESTED:
        status = CONTESTED
    else:
        party = agent or default_agent(action.get("default_agent", "attacker"), lexicon)
        status = lexicon.opponent(party) if action["status"] == "opponent" else party
    if status_override == CONTESTED:
        status = CONTESTED
    if action["status"] == CONTESTED and lexicon.remote_fire.search(text, max(lo, ts - 25), ts):
        return None  # "mortar attacks on X": shelling, like airstrikes, says nothing of control
    if (
        action["status"] == CONTESTED
        and places
        and places is theme.after
        and lexicon.civilian_targets.search(text, te, places[0].start)
    ):
        return None  # "an attack on a mosque in X": terror, not a fight for X
    negated = negated_before(text[max(lo, ts - 40) : ts], lexicon)
    # after the place, or after the phrase or pronoun referring to it ("tried to retake the
    # town but failed", "a counteroffensive to retake it stalled")
    if via == "reference" and object_end:
        acted_on_end = object_end
    elif via == "pronoun" or not places:
        acted_on_end = te
    else:
        acted_on_end = places[-1].end
    failed = places and lexicon.failure.match(text, acted_on_end)
    came_to_nothing = (  # an attack or a siege on the place after it
        m.trigger.action == "contest"
        and places
        and places is theme.after
        and lexicon.failure.match(text, places[-1].end)
    )
    if (m.trigger.action == "attempt" and places and (negated or failed)) or came_to_nothing:
        # "failed to retake X", "attempts to storm X had failed", "the siege of X was
        # lifted", "attacked X without success": X stays with the other side
        holder = _holder_after_failure(agent, m.text, lexicon)
        return Frame("hold", holder, ts, te, places, via, False, agent is None)
    if negated and status == CONTESTED:
        if action.get("negated") == "opponent" and agent in lexicon.parties and places:
            # "the Taliban had not entered the city": it is still the other side's
            return Frame("hold", lexicon.opponent(agent), ts, te, places, via)
        return None  # "without any clashes": no fighting, no claim
    if not (
        places
        or PLURAL_UNITS.search(text, clause, min(hi, te + MAX_OBJECT_GAP))
        or ranked_before(text, start, ts)
    ):
        return None  # keep "captured 15 districts", "the third … to fall": a list may follow
    return Frame(
        "capture" if unopposed else m.trigger.action,
        status,
        ts,
        te,
        places,
        via,
        negated,
        agent_is_speaker or beaten is not None or enemy_acted,
        (action["status"] == "opponent" or beaten == "own") != enemy_acted,
        via == "pronoun" and goes_on(site),
    )
