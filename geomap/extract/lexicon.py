"""The claims grammar's word tables (``lexicon.toml``), compiled once into regular expressions.

The TOML file holds every word the grammar knows: parties and their actor words, trigger
words with their action and where their places stand, modality words, object nouns and the
words that make a place a bystander. This module only compiles them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from geomap.extract.anchors import GatedPattern, Prefilter, alternatives, gated
from geomap.records import THIRD_PARTY

NON_COMBATANT = "non-combatant"  # an actor group: residents, families, aid workers

if TYPE_CHECKING:
    from geomap.theatre import Theatre

ACTIONS = (
    "capture",
    "recapture",
    "fall",
    "lose",
    "withdraw",
    "flee",
    "handover",
    "hold",
    "contest",
    "enter",
    "repel",
    "attempt",
    "expel",
    "end",
)
THEMES = ("object", "subject", "after")


@dataclass(frozen=True)
class Trigger:
    """One block of trigger words: what they do and where their places stand."""

    action: str
    theme: str
    alternatives: tuple[re.Pattern[str], ...]  # one per phrase, each tried only when anchored


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a cache key
class Lexicon:
    """Compiled word tables for one theatre."""

    country: str  # the theatre's: only its places take claims
    country_name: str  # "Afghanistan": national claims name it ("85 per cent of Afghanistan")
    demonym: str  # "Afghan"
    attacker: str
    defender: str
    parties: tuple[str, ...]
    actions: dict[str, dict[str, Any]]
    triggers: tuple[Trigger, ...]
    trigger_phrases: tuple[tuple[Trigger, re.Pattern[str]], ...]  # every phrase of every block
    trigger_filter: Prefilter  # one Aho-Corasick pass: which phrases are worth trying?
    actor: re.Pattern[str]  # group per party: (?P<p0>…)|(?P<p1>…)
    actor_party: dict[str, str]  # group name → party
    speakers: dict[str, GatedPattern]  # party or "third-party" → pattern
    observers: GatedPattern  # third parties whatever side their name carries
    speaker_possessive: GatedPattern
    speaker_enemy: GatedPattern  # "the enemy": the speaker's opponent
    negation: GatedPattern
    hypothetical: GatedPattern
    retraction: GatedPattern  # a report taken back: nothing after it in its sentence stands
    unrealised: re.Pattern[str]  # a clause ending in "to" after no implicative verb
    hedge: GatedPattern
    denial: GatedPattern
    falsehood: GatedPattern  # what a denied report is said to be: "untrue", "baseless"
    rejection: GatedPattern  # a denial of the last sentence's claims
    endorsement: GatedPattern  # a confirmation of the last sentence's claims
    habitual: GatedPattern  # a habit or the long past: no claim for an event
    ended: GatedPattern  # the habitual words less the enduring ones: no claim for a state
    history: GatedPattern  # group 1: the year
    remote_fire: GatedPattern  # just before a fighting word: shelling, not fighting
    seat: GatedPattern
    part: GatedPattern
    partly: GatedPattern  # "partly under Taliban control": the place is fought over
    brief_after: GatedPattern  # "was retaken briefly", "held X for a few hours": the same
    other: GatedPattern
    civilian_targets: GatedPattern  # an attack on them is terror, not a fight for ground
    title_after: GatedPattern
    person_title: re.Pattern[str]  # "spokesman ": a role right before a name (lower-cased text)
    speaking_after: GatedPattern  # a speech verb right after a place: the place speaks
    possessed_event: GatedPattern  # "'s fall": the possessor is the event's place
    reference_before: re.Pattern[str]
    reference_words: int  # the most words a reference_before match spans ("in the vicinity of X")
    landmark: GatedPattern  # the reference words that only say "nearby"
    route_before: GatedPattern  # "between X and Y": X is a route's end
    destination_before: re.Pattern[str]  # "fled towards ": the place after is where they went
    event_holder_before: re.Pattern[str]  # "protested against the ": the fight is its object
    failure: re.Pattern[str]  # after the place of an attempt, attack or siege: it failed
    unopposed: re.Pattern[str]  # after an entry's place: nobody fought it
    reporting: GatedPattern  # a report whose content (and actor) follows
    members: re.Pattern[str]  # after an object: its members follow
    counted_units: re.Pattern[str]  # right after a verb: its object is a count of units

    def opponent(self, party: str) -> str:
        """The other side (two-party theatres); anything else has no opponent."""
        if party == self.attacker:
            return self.defender
        if party == self.defender:
            return self.attacker
        return party

    def party_of(self, phrase: str) -> str | None:
        """The party an actor phrase names, or ``None``."""
        m = self.actor.search(phrase)
        return self.actor_party[m.lastgroup] if m and m.lastgroup else None


# A place's possessive ending: "Kunduz's ", "Herat province's ", "the city' "
POSSESSIVE = r"(?:\s+(?:province|city|district))?['’]s?\s+"
# "Taliban-held", "Russian-occupied": a side named only to say who holds the place after it
HELD_BY_SUFFIX = r"-(?:held|controlled|occupied)\b"


def _words(items: list[str]) -> str:
    """Alternation of phrases, longest first, spaces matching any white space."""
    ordered = sorted(items, key=len, reverse=True)
    return "|".join(item.replace(" ", r"\s+") for item in ordered)


def _rx(items: list[str], prefix: str = r"\b", suffix: str = r"\b") -> GatedPattern:
    return gated(rf"{prefix}(?:{_words(items)}){suffix}", re.IGNORECASE)


@cache
def load_lexicon(theatre: Theatre | None = None) -> Lexicon:
    """The language's word tables (``lexicon.toml``) with one theatre's parties, compiled.

    Without a theatre: the default settings' theatre.
    """
    from geomap.theatre import load_theatre

    theatre = theatre or load_theatre()
    raw = resources.files("geomap.extract").joinpath("lexicon.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw) | theatre.words
    data["theatre"] = {
        "attacker": theatre.attacker,
        "defender": theatre.defender,
        "country": theatre.country,
        "country_name": theatre.country_name,
        "demonym": theatre.demonym,
        "units": [theatre.units, theatre.provinces],  # "districts", "oblasts": what is counted
    }
    return compile_lexicon(data)


def compile_lexicon(data: dict[str, Any]) -> Lexicon:
    """Compile word tables given as a dict (the TOML file's shape, parties merged in)."""
    parties = tuple(data["parties"])
    actor_groups = []
    actor_party = {}
    for i, party in enumerate(parties):
        actor_groups.append(rf"(?P<p{i}>{_words(data['parties'][party]['actors'])})")
        actor_party[f"p{i}"] = party
    actor_groups.append(rf"(?P<third>{_words(data['third_party'].get('actors', []))})")
    actor_party["third"] = THIRD_PARTY
    actor_groups.append(rf"(?P<civil>{_words(data['non_combatants']['actors'])})")
    actor_party["civil"] = NON_COMBATANT
    actor_alt = "|".join(actor_groups)
    modifies = data.get("actor_modifies", {})
    sites = _words(modifies.get("places", [])) or "(?!)"
    actor = re.compile(
        rf"\b(?:the\s+)?(?:{actor_alt})\b(?!(?:['’]s)?\s+(?:{sites})\b)", re.IGNORECASE
    )
    slot_words = [w for p in parties for w in data["parties"][p]["actors"]]
    slot_words += data["third_party"].get("speaker_possessives", [])
    modified = _words([*modifies.get("places", []), *modifies.get("people", [])]) or "(?!)"
    actor_slot = rf"(?:the\s+)?(?:{_words(slot_words)})(?!\s+(?:{modified})\b)"
    triggers = []
    for block in data["triggers"]:
        if block["action"] not in ACTIONS or block["theme"] not in THEMES:
            msg = f"lexicon: unknown action or theme in trigger block {block}"
            raise ValueError(msg)
        phrases = [_words([w]).replace("{actor}", actor_slot) for w in block["words"]]
        triggers.append(
            Trigger(
                block["action"],
                block["theme"],
                tuple(re.compile(rf"\b(?:{phrase})\b", re.I) for phrase in phrases),
            )
        )
    phrases_of = [(t, alt) for t in triggers for alt in t.alternatives]
    speakers = {p: _rx(data["parties"][p]["speakers"]) for p in parties}
    speakers[THIRD_PARTY] = _rx(data["third_party"]["speakers"])
    modality, objects, bystanders = data["modality"], data["objects"], data["bystanders"]
    return Lexicon(
        country=data["theatre"]["country"],
        country_name=data["theatre"]["country_name"],
        demonym=data["theatre"]["demonym"],
        attacker=data["theatre"]["attacker"],
        defender=data["theatre"]["defender"],
        parties=parties,
        actions=data["actions"],
        triggers=tuple(triggers),
        trigger_phrases=tuple(phrases_of),
        trigger_filter=Prefilter(alt.pattern for _t, alt in phrases_of),
        actor=actor,
        actor_party=actor_party,
        speakers=speakers,
        observers=_rx(data["third_party"].get("observers", []) or ["(?!)"]),
        speaker_possessive=_rx(data["third_party"].get("speaker_possessives", ["our", "ours"])),
        speaker_enemy=_rx(data["third_party"].get("speaker_enemies", ["enemy"])),
        negation=_rx(modality["negation"], suffix=r"(?:\b|(?<=n't))"),
        hypothetical=_rx(modality["hypothetical"]),
        retraction=_rx(modality["retraction"]),
        unrealised=re.compile(
            "".join(rf"(?<!{word} )" for word in modality["implicative"]) + r"\bto\s*$",
            re.IGNORECASE,
        ),
        hedge=_rx(modality["hedge"]),
        denial=_rx(modality["denial"]),
        falsehood=_rx(modality["falsehood"]),
        rejection=gated(
            rf"\b(?:{_words(modality['denial'])})\s+(?:the|this|that|these|those|such)\s+"
            rf"(?:[\w-]+\s+)?(?:{_words(modality['denied_objects'])})\b"  # "the Russian claim"
            # "rejected this, saying …"
            rf"|\b(?:{_words(modality['denial'])})\s+(?:this|that|it)\b(?=\s*[,.;]|\s+as\b)"
            rf"|\b(?:the|this|that|these|those|such)\s+(?:[\w-]+\s+)?"  # "the claim was false"
            rf"(?:{_words(modality['denied_objects'])})\s+(?:was|were|is|are)\s+(?:\w+\s+)?"
            rf"(?:{_words(modality['falsehood'])})\b",
            re.IGNORECASE,
        ),
        endorsement=gated(
            rf"\b(?:{_words(modality['confirmation'])})\s+(?:the|this|that|these|those|such)\s+"
            rf"(?:[\w-]+\s+)?(?:{_words(modality['denied_objects'])})\b(?!\s+(?:that|of)\b)"
            rf"|\b(?:{_words(modality['confirmation'])})\s+(?:this|that|it)\b(?=\s*[,.;]|\s+as\b)",
            re.IGNORECASE,
        ),
        habitual=_rx(modality["habitual"] + modality["enduring"]),
        ended=_rx(modality["habitual"]),
        remote_fire=_rx(modality.get("remote_fire", []) or ["(?!)"], suffix=r"\s+$"),
        history=_rx(  # "in 2015", "in early 2015", "in May 2015", "in the 1990s"
            modality["history"],
            suffix=r"\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?"
            r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?((?:19|20)\d\d)"
            r"(?:['’]?s)?\b",
        ),
        seat=_rx(objects["seat"]),
        part=_rx(objects["part"]),
        partly=_rx(objects["partly"], suffix=r"\s+$"),
        brief_after=_rx(objects.get("brief", []) or ["(?!)"], prefix=r"\s+"),
        other=_rx(objects["other"]),
        civilian_targets=_rx(objects.get("civilian_targets", []) or ["(?!)"]),
        # (not "the Khulm district governor's office", "the Injil police headquarters": a
        # building of the place)
        title_after=_rx(
            bystanders["titles_after"],
            prefix=r"^\s*(?:'s\s+|’s\s+)?",
            suffix=rf"\b(?!['’]s\s+(?:{_words(bystanders.get('seats_of_office', []))})\b)"
            rf"(?!\s+(?:{sites})\b)",
        ),
        person_title=re.compile(
            rf"\b(?:{_words(data.get('speakers', {}).get('person_titles', [])) or '(?!)'})\s+"
        ),
        speaking_after=_rx(bystanders["speaking_after"], prefix=r"^\s*"),
        possessed_event=_rx(bystanders.get("possessed_events", []) or ["(?!)"], prefix=POSSESSIVE),
        reference_before=re.compile(
            rf"(?<!according\s)(?<!including\s)(?<!addition\s)\b(?:{'|'.join(bystanders['reference_before'])})\s+(?:the\s+)?"
            r"(?:(?:city|town|province|district|capital|village)\s+of\s+)?"
            r"(?:(?!and\s|or\s|in\s)[a-z-]+\s+)?$",  # "near northern X", not "north and/in X"
            re.IGNORECASE,
        ),
        reference_words=4  # "the", "city of", one word: the words after the reference itself
        + max(  # every space of an alternative, its groups' included: never too few
            alternative.count(" ") + alternative.count("\\s") + 1
            for entry in bystanders["reference_before"]
            for alternative in alternatives(entry)
        ),
        landmark=_rx(bystanders["landmarks"]),
        route_before=_rx(
            bystanders["routes"],
            suffix=r"\s+(?:the\s+)?(?:(?:cities|towns|provinces|districts)\s+of\s+)?$",
        ),
        destination_before=re.compile(
            rf"\b(?:{_words(bystanders['going'])})"
            r"\s+(?:[\w'’-]+\s+){0,3}?(?:to|towards?|into)\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
        event_holder_before=re.compile(
            rf"\b(?:{_words(objects['event_holders'])})\s+(?:the\s+)?(?:[\w-]+\s+)?$",
            re.IGNORECASE,
        ),
        failure=re.compile(
            rf"\s*,?\s*(?:[\w-]+\s+){{0,4}}?(?:(?:had|have|has)\s+)?(?:{_words(modality['failure'])})\b",
            re.IGNORECASE,
        ),
        unopposed=re.compile(
            rf"\s*,?\s*(?:[\w-]+\s+){{0,3}}?(?:{_words(modality.get('unopposed', ['(?!)']))})\b",
            re.IGNORECASE,
        ),
        reporting=_rx(modality["reporting"], suffix=r"\s+"),
        counted_units=re.compile(
            rf"\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_words(objects['counts'])})\s+"
            rf"(?:[\w'’-]+\s+){{0,4}}?(?:{_words(data['theatre'].get('units', [])) or '(?!)'})\b",
            re.IGNORECASE,
        ),
        members=re.compile(
            rf",?\s+(?:{_words(modality['members'])})\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
            r"(?:(?:towns?|villages?|cities|settlements?|districts?)\s+(?:of\s+)?)?(?=[A-Z])",
        ),
    )
