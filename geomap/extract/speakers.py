"""Attribution: who asserts what a sentence says, and who denies it.

Plain narration is the reporter's; a speech verb's subject or object names the speaker,
classified by the lexicon's speaker words into a party or a third party.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from geomap.extract.anchors import gated
from geomap.extract.lexicon import HELD_BY_SUFFIX, Lexicon
from geomap.extract.scope import PASSIVE_BEFORE, negated_before
from geomap.records import REPORTER, THIRD_PARTY

SPEECH = gated(
    r"\b(?:said|says|say|told|tells|claimed|claims|claim|announced|announces|stated|states|"
    r"confirmed|confirms|confirm|added|adds|insisted|insists|insist|asserted|asserts|reported|"
    r"reports|wrote|writes|tweeted|declared|declares|assessed|assesses|admitted|admits|"
    r"acknowledged|acknowledges|conceded|concedes|noted|notes|warned|warns|maintained|"
    r"maintains|maintain|saying|"
    r"boasted|boasts|"
    r"according\s+to|quoted)\b",
    re.IGNORECASE,
)
_SAID_BY = re.compile(r"\s+by\s+(?:the\s+)?([^,;.]{1,40})", re.I)
_CLAIM_OWNER = re.compile(r"\b(?:a|an|the|its|their)\s+([\w'’-]+(?:\s+[\w'’-]+)?)\s+$", re.I)
# A new clause has its own speaker; ", and Y too" only adds a subject to the clause before.
_NEW_CLAUSE = re.compile(
    r";|, and\b(?![^,;]{0,40}\b(?:too|as\s+well)\b)|\bbut\b|, (?:while|whereas|(?:al)?though)\b"
)
# "X fell as the government says efforts to retake it go on": "as" joins a second statement
# (its verb has words of its own after it); "X fell, as the governor said" is attribution.
_AS_JOINS = re.compile(r"\bas\s+(?!well\b|such\b|part\b|of\b|many\b|much\b)", re.I)
_OWN_CONTENT = re.compile(
    r"\s+(?!(?:on|in|at|late|early|last|this|yesterday|today|earlier|later)\b)(?:[\w'’-]+\s+){2}\w",
    re.I,
)
_NAME = r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,3}"
# "Zabihullah Mujahid, a Taliban spokesman," / "the governor's spokesman, Munir Farhad, said"
_PERSON_WITH_ROLE = re.compile(
    rf"(?P<name1>{_NAME}),\s+(?:a|an|the)\s+(?P<role1>[^,.;]{{3,80}}?)(?=[,.;]|\s+(?:said|told))"
    rf"|\b(?:a|an|the)\s+(?P<role2>[^,.;]{{3,60}}?),\s+(?P<name2>{_NAME}),"
)
_CAPITALISED = re.compile(r"[A-Z][a-z'’-]+")
_QUOTED_AS = re.compile(r"\b(?:quoted|quoting|cited|citing)\s+(.{1,60}?)\s+as\s+$", re.I)
_DATELINE = re.compile(r"^\W*[A-Z][A-Z .'’-]+,[^()\n]{0,30}\([^)]{1,40}\)\s*[-—–]+\s*")
_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she|they|we|i)\s*$", re.IGNORECASE)
_CLAIMS_NOUN_BEFORE = re.compile(
    r"\b(?:contrary\s+to|despite|amid|against)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I
)
_CONTRADICTED = re.compile(
    r"\b(?:contrary\s+to|despite|unlike|in\s+spite\s+of)\s+what\s+(?:[\w'’-]+\s+){0,3}$", re.I
)
_UNNAMED_SOURCE = re.compile(r"\bsources?\b", re.IGNORECASE)
_THEY = re.compile(r"\bthey\s*$", re.IGNORECASE)
_INVERTED = re.compile(r",\s*$")  # ", said the governor"
_CITING = re.compile(r",?\s*(?:citing|quoting)\s", re.I)
_INVERSION_MARK = re.compile(r"[,\"”’'(:;—–-]\s*$")  # before a verb that opens an inversion
_NOTHING_AFTER = re.compile(  # "…, the governor said on Monday."
    r"\s*(?:(?:on|late|early|last)\s+\w+|\w+day|overnight|earlier|later)?\s*[.!?]?[\"”’]?\s*"
)
_PLACE_MODIFIER = re.compile(rf"[\w'’]+{HELD_BY_SUFFIX}", re.IGNORECASE)
_NAME_ONLY = re.compile(r"\s*(?:[A-Z][\w'’.-]*\s*){1,4}")  # a person's name, no title
# "the governor's spokesman", "Ghazni's council chief": a title before a name in apposition
_TITLE = re.compile(r"\s*(?:(?i:the|a|an)\s|[A-Z][\w-]*['’]s(?:\s+[a-z][\w-]*){1,4}\s*$)")
# "rejected reports that …", "amid reports that …": reports as a noun, from unnamed sources
_REPORTS_OBJECT = re.compile(
    r"\b(?:rejected|denied|dismissed|refuted|amid|unconfirmed|earlier|separate|other|"
    r"there\s+(?:were|are|have\s+been|had\s+been)(?:\s+also)?)\s+$",
    re.I,
)
_NOUN_START = re.compile(  # (after an interview's "Q:")
    r"\W*(?:[QA]:\s*)?(?:(?:the|these|those|such|unconfirmed|earlier)\s+)?", re.I
)
_US = re.compile(r"\bU\.?S\.?\b")
_CLAUSE_MARK = re.compile(r"[,;:]")
# A conjunct with no subject of its own: "… but (had) earlier said"
_NO_SUBJECT = re.compile(
    r"\s*(?:(?:earlier|later|also|then|previously|had|has|have|subsequently)\s*)*", re.I
)
_RELATIVE_START = re.compile(r"\s*(?:who|whom|whose|which)\b", re.I)
# ", a claim denied by …": the noun in apposition to what was said before, no speech verb
_CLAIM_IN_APPOSITION = re.compile(r",\s+(?:a|the|this|that|such)\s+$", re.I)


@functools.lru_cache(maxsize=4096)  # the same few roles and subjects recur across a feed
def classify_speaker(phrase: str, lexicon: Lexicon) -> str | None:
    """A party, "third-party", or ``None`` from the words naming a speaker.

    Observers are checked first (a "Russian milblogger" speaks for no side), then the
    attacker's words (a "Taliban spokesman" is not the government's), then third parties,
    then the defender's officials.
    """
    phrase = _PLACE_MODIFIER.sub(" ", phrase)  # "residents of Russian-held X": not Russia
    if lexicon.observers.search(phrase):
        return THIRD_PARTY
    if lexicon.speakers[lexicon.attacker].search(phrase):
        return lexicon.attacker
    if _UNNAMED_SOURCE.search(phrase):  # "government sources": the side named, else nobody's
        return next((p for p in lexicon.parties if lexicon.speakers[p].search(phrase)), THIRD_PARTY)
    if lexicon.speakers[THIRD_PARTY].search(phrase) or _US.search(phrase):
        return THIRD_PARTY
    for party in lexicon.parties:
        if party != lexicon.attacker and lexicon.speakers[party].search(phrase):
            return party
    return None


_REACH = 400  # characters around a claim within which its speaker is looked for


def after_speech(text: str, lo: int, hi: int) -> int:
    """Where what is said starts: after the last speech verb in ``lo:hi`` ("the police chief
    said the attacks …"), else ``lo``."""
    said = [v.end() for v in SPEECH.finditer(text, lo, hi)]
    return said[-1] if said else lo


@functools.lru_cache(maxsize=32)
def _speech_verbs(sentence: str) -> tuple[re.Match[str], ...]:
    """The sentence's speech verbs: read once, asked about for every claim in it."""
    return tuple(SPEECH.finditer(sentence))


_ATTRIBUTION_OPENS = re.compile(r"[\"”’]?\s*,[\"”’]?\s*(?:[\w'’.-]+\s+){0,6}?$")


def only_attribution(text: str, lo: int, hi: int) -> bool:
    """ "…, officials said." / "…, said the governor": nothing but a closing attribution
    between ``lo`` and ``hi`` (the clause has no words of its own left)."""
    verb = SPEECH.search(text, lo, hi)
    return (
        verb is not None
        and _ATTRIBUTION_OPENS.match(text, lo, verb.start()) is not None
        and (
            _NOTHING_AFTER.fullmatch(text, verb.end(), hi) is not None
            or _INVERTED.search(text, lo, verb.start()) is not None
        )
    )


def _trailing(sentence: str, verb: re.Match[str]) -> bool:
    """ "…, said the governor" / "…, the governor said.": attribution closing the sentence,
    with no words of its own, vouches for every clause before it ("X attacked Y but were
    beaten back, said the governor")."""
    return bool(
        _INVERTED.search(sentence, max(0, verb.start() - 3), verb.start())
        or _NOTHING_AFTER.fullmatch(sentence, verb.end())
    )


_NAME_AT = re.compile(_NAME)


def _titled_people(text: str, title: re.Pattern[str]) -> list[tuple[str, str]]:
    """(name, role) of each person named right after a ``title`` ("Defence ministry
    spokesman Fawad Aman"), the role being the title and up to three words before it. The
    titles are searched on lower-cased text: faster than a case-blind search."""
    out = []
    for m in title.finditer(text.lower()):
        name = _NAME_AT.match(text, m.end())
        if name is not None:
            words = text[max(0, m.start() - 40) : m.end()].split()
            out.append((name.group(0), " ".join(words[-4:])))
    return out


def people_named(text: str, lexicon: Lexicon) -> dict[str, str]:
    """The people an article introduces with their role, by name and surname: "Zabihullah
    Mujahid, a Taliban spokesman" or "Taliban spokesman Zabihullah Mujahid" makes a later
    "Mujahid said" the Taliban's word."""
    people: dict[str, str] = {}
    introduced = [
        (m["name1"], m["role1"]) if m["name1"] else (m["name2"], m["role2"])
        for m in _PERSON_WITH_ROLE.finditer(text)
    ] + _titled_people(text, lexicon.person_title)
    for name, role in introduced:
        side = classify_speaker(role, lexicon)
        if side is not None:
            for key in (name, name.split()[-1]):
                people.setdefault(key.lower(), side)
    return people


def _named(phrase: str, people: Mapping[str, str] | None) -> str | None:
    """The side of a person the article introduced, named in ``phrase`` ("Farhad said")."""
    if not people:
        return None
    for word in reversed(_CAPITALISED.findall(phrase)):
        if (side := people.get(word.lower())) is not None:
            return side
    return None


def speaker_of(
    sentence: str, lexicon: Lexicon, at: int | None = None, people: Mapping[str, str] | None = None
) -> str:
    """Who asserts what a sentence says at offset ``at``; plain narration is the reporter's.

    A speech verb whose content follows it ("X said that ...", "said:") does not cover what
    the sentence narrates before it. In a very long run-on "sentence" only the text near
    ``at`` is read, so that the cost stays linear. ``people`` are those the article
    introduced with a role (``people_named``).
    """
    if at is not None and len(sentence) > 2 * _REACH:
        lo = max(0, at - _REACH)
        sentence, at = sentence[lo : at + _REACH], at - lo
    verbs = _speech_verbs(sentence)
    if at is not None:  # the nearest verb before the claim says it ("A said X, but B said Y")
        before = [m for m in verbs if m.start() <= at]  # (at: "claimed control of X")
        verbs = (*reversed(before), *verbs[len(before) :])
    for m in verbs:
        if (
            at is not None
            and at < m.start()
            and not _quoted_for(sentence, at, m.start())
            and (
                re.match(r"\s*(?:\w+\s+){0,6}?(?:that\b|:|[\"“])", sentence[m.end() :])
                or (
                    not _trailing(sentence, m)
                    and (
                        _NEW_CLAUSE.search(sentence, at, m.start())
                        or (
                            _AS_JOINS.search(sentence, at, m.start())
                            and _OWN_CONTENT.match(sentence, m.end())
                        )
                    )
                )
            )
        ):
            continue  # the verb reports its own clause, not what came before it
        verb = m.group(0).lower()
        own_words = _CLAUSE_MARK.split(sentence[max(0, m.start() - 30) : m.start()])[-1]
        if negated_before(own_words, lexicon):
            continue  # "officials did not confirm the capture of X": not theirs to say
        if verb == "reports" and (
            _NOUN_START.fullmatch(sentence, 0, m.start())
            or _REPORTS_OBJECT.search(sentence, max(0, m.start() - 30), m.start())
        ):
            return THIRD_PARTY  # "Reports that X fell …", "rejected reports that …": unnamed
        if verb == "claims" and _NOUN_START.fullmatch(sentence, 0, m.start()):
            continue  # "Claims that X had fallen were untrue": a noun, its sayer unnamed
        if _CONTRADICTED.search(sentence, max(0, m.start() - 50), m.start()):
            continue  # "…, contrary to what the Taliban say": the sayer is contradicted
        if verb in ("claims", "claim") and _CLAIMS_NOUN_BEFORE.search(
            sentence, max(0, m.start() - 40), m.start()
        ):
            continue  # "contrary to Taliban claims": a noun, said by nobody here
        noun = verb in ("claim", "claims")  # "a Ukrainian claim" (not "in a tweet claimed")
        owner = _CLAIM_OWNER.search(sentence, 0, m.start()) if noun else None
        if noun and not owner:
            if _CLAIM_IN_APPOSITION.search(sentence, max(0, m.start() - 12), m.start()):
                continue  # the noun, denied or doubted by whoever follows: nobody says it
        if PASSIVE_BEFORE.search(sentence, max(0, m.start() - 24), m.start()):
            # "the Taliban were reported to be inside X": said of them, by someone unnamed
            by = _SAID_BY.match(sentence, m.end())
            found: str | None = (
                classify_speaker(by.group(1), lexicon) if by else None
            ) or THIRD_PARTY
        elif owner:  # "denied a Ukrainian claim to have recaptured X": the claim is Ukraine's
            found = classify_speaker(owner.group(1), lexicon)
        elif verb.startswith("according"):
            found = classify_speaker(sentence[m.end() : m.end() + 60].split(",")[0], lexicon)
        elif quoted := _QUOTED_AS.search(sentence, max(0, m.start() - 80), m.start()):
            found = classify_speaker(quoted.group(1), lexicon)  # "quoted the ministry as saying"
        else:
            subject = _before(sentence, m.start())
            if verb == "saying":  # "X rejected the report, saying …": the main verb's subject
                subject = _main_subject(sentence, m.start(), lexicon) or subject
            found = classify_speaker(subject, lexicon) or _named(subject, people)
            if found is None and _PRONOUN_SUBJECT.search(subject):
                # "Officials dismissed the claim, though they acknowledged …": the subject
                # of the sentence's first statement; else ("…, he said, although …")
                # someone named before, side unknown
                found = _earlier_speaker(sentence, m.start(), subject, lexicon)
                if found is None:
                    break
            if (
                found is None
                and not verb.startswith(("told", "tells", "quoted"))
                and (
                    m.start() == 0  # a sentence opening "Said the governor: …"
                    or _INVERSION_MARK.search(sentence, max(0, m.start() - 4), m.start())
                    or _CITING.match(sentence, m.end())  # "TOLOnews reported, citing police"
                )
            ):
                # "..., said the governor" / "said Roz Gul, the deputy governor" (not "the
                # statement said 25 Taliban fighters were killed": what it said follows)
                after = re.split(r"[.;]", sentence[m.end() : m.end() + 80])[0]
                found = classify_speaker(after, lexicon) or _named(after, people)
        if found:
            return found
    return REPORTER


def denier_of(
    sentence: str, lexicon: Lexicon, people: Mapping[str, str] | None = None
) -> tuple[str, int] | None:
    """Who denies what the sentence reports, and where the denial stands in it (``people``:
    those the article introduced with a role, as for ``speaker_of``)."""
    m = lexicon.denial.search(sentence)
    if m is None or negated_before(sentence[: m.start()], lexicon):
        return None  # "officials have not denied the claim": no denial
    # "… denied by the ministry", "… were dismissed as propaganda by officials"
    after = re.match(r"\s*(?:as\s+[\w-]+\s+)?by\s+(?:the\s+)?([^,;.]{0,40})", sentence[m.end() :])
    if after:
        by = after.group(1)
        return classify_speaker(by, lexicon) or _named(by, people) or REPORTER, m.start()
    if lexicon.falsehood.search(m.group(0)):  # "reports … were untrue, the ministry said":
        # the word of whoever says it, not of the subject's report
        said_after = speaker_of(sentence[m.start() :], lexicon)
        if said_after == REPORTER:
            said_after = speaker_of(sentence, lexicon, m.start())
        return said_after, m.start()
    subject = _before(sentence, m.start())
    found = classify_speaker(subject, lexicon) or _named(subject, people)
    return found or speaker_of(sentence, lexicon, people=people), m.start()


def _earlier_speaker(sentence: str, at: int, pronoun: str, lexicon: Lexicon) -> str | None:
    """The side of "they" speaking at ``at``: the speakers of a statement or denial earlier
    in the same sentence ("Afghan officials dismissed the claim, though they said …")."""
    if not _THEY.search(pronoun):
        return None  # "he", "she": one person, not the officials or fighters named before
    said = SPEECH.search(sentence, 0, at) or lexicon.denial.search(sentence, 0, at)
    return classify_speaker(_before(sentence, said.start()), lexicon) if said else None


_QUOTE_THEN_VERB = re.compile(r"[\"”]\s*,?\s*$")


def _quoted_for(sentence: str, at: int, verb: int) -> bool:
    """ "'X was attacked, but the attack was beaten off,' said the governor": the offset
    ``at`` lies in a quotation that the speech verb at ``verb`` closes, all of it his."""
    if not _QUOTE_THEN_VERB.search(sentence, 0, verb):
        return False
    close = max(sentence.rfind('"', 0, verb), sentence.rfind("”", 0, verb))
    opening = max(sentence.rfind('"', 0, close), sentence.rfind("“", 0, close))
    return 0 <= opening < at < close


def _main_subject(sentence: str, at: int, lexicon: Lexicon) -> str | None:
    """The subject of the statement or denial nearest before ``at``, if any."""
    verbs = [
        v.start() for pattern in (SPEECH, lexicon.denial) for v in pattern.finditer(sentence, 0, at)
    ]
    return _before(sentence, max(verbs)) if verbs else None


def _before(sentence: str, index: int) -> str:
    """The few words before a speech verb: the speaker's name or title."""
    head = sentence[:index]
    for mark in ("”", '"', "“"):
        if mark in head:
            head = head.rsplit(mark, 1)[-1]
    head = _DATELINE.sub(" ", head)  # "KYIV, Aug 28 (Reuters) - Ukraine said": Ukraine
    chunks = [c for c in re.split(r"[,;:(]|\b(?:and|but|while|after|as)\b", head) if c.strip()]
    closed = head.rstrip().endswith(",")  # "…, which Kyiv denied": the clause's own subject
    while closed and len(chunks) > 1 and _RELATIVE_START.match(chunks[-1]):
        chunks.pop()  # "A Taliban commander, who asked not to be named, said": the commander
    if len(chunks) > 1 and _NAME_ONLY.fullmatch(chunks[-1]) and _TITLE.match(chunks[-2]):
        chunks[-2:] = [chunks[-2] + chunks[-1]]  # "the governor's spokesman, Munir Farhad, said"
    if len(chunks) > 1 and _NO_SUBJECT.fullmatch(chunks[-1]):
        # "The ministry did not comment but earlier said": the first verb's subject
        return " ".join(chunks[-2].split()[:8])
    return " ".join((chunks[-1] if chunks else "").split()[-8:])


QUOTE_REACH = 5  # sentences of a quotation back in which its speaker is looked for
_OPENS_QUOTE = re.compile(r"\s*[“\"]")


@dataclass
class Quotations:
    """The quotation running through an article's sentences, read one sentence at a time."""

    open_marks: int = 0  # quotation marks the sentences so far opened and did not close
    sentences: tuple[str, ...] = ()  # the quotation under way, its latest sentence last

    def read(self, sentence: str) -> tuple[str, ...]:
        """The quotation ``sentence`` continues, when it opens inside one or with a quote
        mark ('… told Reuters: "This is not true. Our units hold X."'; '"X was taken," he
        said. "We took the whole city."'): its sentences so far. Carries it on."""
        inside = self.open_marks > 0 or bool(_OPENS_QUOTE.match(sentence))
        quotation = self.sentences if inside else ()
        straight = sentence.count('"')
        if straight or "“" in sentence or "”" in sentence:
            self.sentences = (*quotation, sentence)[-QUOTE_REACH:]
            opened = sentence.count("“") - sentence.count("”")
            if straight % 2:  # a straight mark opens what is closed and closes what is open
                opened = -1 if self.open_marks else 1
            self.open_marks = max(0, self.open_marks + opened)
        elif not self.open_marks:
            self.sentences = ()
        return quotation


def quote_speaker(
    quotation: Sequence[str], lexicon: Lexicon, people: Mapping[str, str] | None
) -> str:
    """Who speaks a quotation: the latest of its sentences that names a speaker."""
    for said in reversed(quotation):
        if (speaker := speaker_of(said, lexicon, people=people)) != REPORTER:
            return speaker
    return REPORTER
