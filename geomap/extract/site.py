"""The records one trigger is read with: the trigger found in a sentence, its site (what
each step of reading it looks at), and the frame read there."""

from __future__ import annotations

from dataclasses import dataclass

from geomap.extract.chunks import Chunks
from geomap.extract.lexicon import Lexicon, Trigger
from geomap.records import Place


@dataclass(frozen=True)
class Frame:
    """One event in a sentence: an action, its status for the places, and the places."""

    action: str
    status: str
    start: int  # trigger offsets in the text
    end: int
    places: tuple[Place, ...]
    via: str  # named | reference | pronoun
    negated: bool = False
    agent_is_speaker: bool = False  # "under our control"; "X was liberated", said by a side
    against_agent: bool = False  # the status is the agent's opponent's (a withdrawal)
    goes_on: bool = False  # fighting after the outcome before it ("took X, but fighting goes on")


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in a sentence, with its offsets there."""

    trigger: Trigger
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Site:
    """One trigger in its sentence: what each step of reading its frame looks at."""

    text: str
    start: int  # the sentence's start
    m: TriggerMatch
    lo: int  # where the trigger's theme may start: its clause, or the trigger before it
    hi: int  # where it ends
    clause: int  # where the trigger's clause starts
    chunks: Chunks
    lexicon: Lexicon
    passive: bool
    clause_before: str  # the clause's words before the trigger

    @property
    def ts(self) -> int:
        """Where the trigger starts in the text."""
        return self.start + self.m.start

    @property
    def te(self) -> int:
        """Where the trigger ends in the text."""
        return self.start + self.m.end
