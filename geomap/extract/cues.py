"""The readable rules behind claims: cue words for each status, and who is speaking.

Every pattern here is plain English an analyst can check. Status cues are matched in
order, longest first, so "efforts to retake" (contested) is not read as "retake".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_GOV_ACTORS = (
    r"(?:afghan|government|security|national|army|border|special|commando|police|"
    r"pro-government|defen[cs]e)\s+(?:forces?|troops|units|soldiers|commandos|army)|"
    r"the army|the military|government troops|afghan commandos|troops|militias?"
)


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# Matched before everything else: "repelled an attack on X" reports a government success.
REPELLED = _rx(
    r"\b(?:repell?(?:ed|s)?|repulsed|foiled|thwarted|beat\s+back)\b[^.;]{0,40}?\b"
    r"(?:attacks?|assaults?|offensives?|advances?)\b(?:[^.;]{0,30}?\bon\b)?"
)
# Contested next: these phrases contain words that would otherwise read as government.
CONTESTED = _rx(
    r"\b(?:efforts?|bid|attempts?|operations?)\b[^.;]{0,40}?\bto\s+(?:re-?capture|re-?take|"
    r"regain|clear|reclaim)",
    r"\b(?:trying|tried|tries|try|attempting|seeking|fighting|working|vowed|vows|vowing|pledged|"
    r"plans?|planning|moving|aim(?:s|ing)?|launch(?:ed)?\s+counter-?attacks)\s+to\s+"
    r"(?:re-?capture|re-?take|regain|recover|reclaim|take\s+back)",
    r"\bcounter-?(?:offensive|attack)s?\b",
    r"\b(?:heavy\s+|fierce\s+|intense\s+)?fighting\b",
    r"\bclash(?:es|ed)?\b",
    r"\bbattl(?:e|es|ed|ing)\s+(?:for|over|in|around)\b",
    r"\bbesieg(?:ed|ing)\b",
    r"\bsiege\b",
    r"\bencircl(?:ed|ing)\b",
    r"\bsurround(?:ed|ing|s)?\b",
    r"\boffensive\s+(?:on|against|in|targeting)\b",
    r"\battacks?\s+(?:on|against)\b",
    r"\battacked\b",
    r"\bstorm(?:ed|ing)\b",
    r"\bentered\b",
    r"\bentering\b",
    r"\b(?:military\s+)?operations?\s+(?:on|against|in)\b",
    r"\bunder\s+(?:siege|attack|threat)\b",
    r"\bdefending\b",
    r"\bcontested\b",
    r"\bpressure\s+on\b",
    r"\bthreatening\b",
)
GOVERNMENT = _rx(
    r"\bre-?captur(?:ed|es|e|ing)\b",
    r"\bre-?t(?:ook|aken|akes|aking|ake)\b",
    r"\bregain(?:ed|s)?\b",
    r"\breclaimed\b",
    r"\bliberated\b",
    r"\bcleared\b",
    r"\brepell?(?:ed|s)?\b",
    r"\brepulsed\b",
    r"\bpushed\s+back\b",
    r"\bdrove\s+(?:out|back)\b",
    r"\b(?:remain(?:s|ed)?|is|are|was|were|still|firmly|back)\s+(?:in|under)\s+"
    r"(?:full\s+)?(?:government|state|their|its)\s+control\b",
    r"\bremain(?:s|ed)?\s+in\s+control\b",
    r"\b(?:are|is|were|was)\s+in\s+control\b",
    r"\bin\s+government\s+hands\b",
    r"\bheld\s+by\s+(?:the\s+)?(?:government|afghan|security)\s+forces\b",
    r"\b(?:still|firmly)\s+(?:hold|holds|held|control|controls)\b",
)
TALIBAN = _rx(
    r"\bcaptur(?:ed|es|ing)\b",
    r"\bcapture\s+of\b",
    r"\bseiz(?:ed|es|ing)\b",
    r"\bseizure\s+of\b",
    r"\b(?:took|taken|takes|taking)\s+(?:over|control)\b",
    r"\btook\b",
    r"\btaken\b",
    r"\bovers?r(?:an|un)\b",
    r"\bfell\b",
    r"\bfallen\b",
    r"\bfall\s+of\b",
    r"\bnot\s+(?:yet\s+)?(?:fall|fallen)\b",
    r"\bcollapse\s+of\b",
    r"\btoppled\b",
    r"\bsurrendered\b",
    r"\bgained\s+control\b",
    r"\bconquered\b",
    r"\binvested\b",
    r"\btakeover\s+of\b",
    r"\bunder\s+(?:our|their|the\s+insurgents'?|taliban|militants'?)\s+(?:full\s+)?control\b",
    r"\bin\s+(?:taliban|insurgent)\s+hands\b",
    r"\bunder\s+the\s+control\s+of\s+the\s+insurgents\b",
    r"\b(?:retreat(?:ed|ing)?|withdr(?:ew|awn|awing))\s+from\b",
    r"\babandon(?:ed|ing)\b",
    r"\b(?:taliban|insurgents|militants)\s+(?:capture|seize|take)\b",
    r"\b(?:held|controlled)\s+by\s+(?:the\s+)?(?:taliban|insurgents|militants)\b",
    r"\b(?:taliban|insurgents|militants)\s+(?:now\s+|also\s+|already\s+|still\s+)?"
    r"(?:control|controls|controlled|hold|holds|held)\b",
)
NEGATION = re.compile(r"\b(?:not|n't|never|no)\s+(?:yet\s+|been\s+|be\s+|have\s+)?$", re.IGNORECASE)
DENIAL = re.compile(
    r"\b(?:denied|denies|deny|rejected|rejects|dismissed|refuted)\b|"
    r"\b(?:not\s+true|baseless|false\s+claims?|propaganda)\b",
    re.IGNORECASE,
)
HEDGE = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|reportedly|allegedly|unconfirmed|could\s+not\s+be\s+"
    r"(?:independently\s+)?verified|purportedly|rumou?rs?)\b",
    re.IGNORECASE,
)
HABITUAL = re.compile(
    r"\b(?:over\s+the\s+years|regularly|for\s+years|historically|"
    r"in\s+the\s+past|have\s+long|has\s+long|birthplace|would\s+(?:soon\s+)?"
    r"launch|if\s+the\s+taliban|could\s+fall|may\s+fall|might\s+fall)\b",
    re.IGNORECASE,
)
# An agent before a capture verb, or after "by", decides who took the place.
GOV_AGENT = re.compile(rf"\b(?:{_GOV_ACTORS})\b", re.IGNORECASE)
TALIBAN_AGENT = re.compile(
    r"\b(?:taliban|insurgents?|militants?|fighters|the\s+group)\b", re.IGNORECASE
)

SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|claimed|claims|claim|announced|announces|stated|"
    r"confirmed|confirms|added|insisted|asserted|reported|reports|wrote|tweeted|declared|"
    r"according\s+to|quoted)\b",
    re.IGNORECASE,
)
TALIBAN_SPEAKER = re.compile(
    r"\b(?:taliban|insurgents?|militants?|mujahid|shaheen|saheen|the\s+group|islamic\s+emirate|"
    r"spokesm[ae]n\s+for\s+the\s+(?:taliban|group)|insurgent\s+leader)\b",
    re.IGNORECASE,
)
GOVERNMENT_SPEAKER = re.compile(
    r"\b(?:ministry|minister|government|officials?|governor|spokesm[ae]n|spokesperson|police|"
    r"army|military|defen[cs]e|interior|president|ghani|authorities|commander|council|"
    r"lawmaker|mp|afghan\s+forces|security\s+forces|nds|kabul|tareq\s+arian|arian)\b",
    re.IGNORECASE,
)
THIRD_PARTY_SPEAKER = re.compile(
    r"\b(?:russia|russian|moscow|kremlin|united\s+states|u\.s\.|pentagon|washington|"
    r"nato|un|united\s+nations|unama|pakistan|pakistani|iran|iranian|tajik|tajikistan|"
    r"uzbek|china|chinese|india|local\s+sources|residents?|witness(?:es)?|analysts?|"
    r"tolo\s*news|tolonews|al\s+jazeera|new\s+york\s+times|the\s+times|reuters|"
    r"media|diplomacy|envoy|csto|observers?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Cue:
    """A status word found in a sentence, with its offsets inside the sentence."""

    status: str
    start: int
    end: int
    text: str
    negated: bool = False


_ANY_CUE = re.compile(
    "|".join(
        f"(?P<{name}>{pattern.pattern})"
        for name, pattern in (
            ("repelled", REPELLED),
            ("contested", CONTESTED),
            ("government", GOVERNMENT),
            ("taliban", TALIBAN),
        )
    ),
    re.IGNORECASE,
)
_GROUP_STATUS = {
    "repelled": "government",
    "contested": "contested",
    "government": "government",
    "taliban": "taliban",
}


def status_cues(sentence: str) -> list[Cue]:
    """Every status cue in a sentence, left to right.

    One pass over the sentence; where cues start at the same word the earlier list wins
    (repelled-an-attack, then contested phrases such as "efforts to retake", then
    government, then Taliban), so "efforts to retake" is never read as "retake".
    """
    cues = []
    for m in _ANY_CUE.finditer(sentence):
        negated = bool(
            NEGATION.search(sentence[max(0, m.start() - 25) : m.start()])
            or m.group(0).lower().startswith("not")
        )
        cues.append(Cue(_GROUP_STATUS[m.lastgroup], m.start(), m.end(), m.group(0), negated))
    return cues


def agent_status(sentence: str, cue: Cue) -> str:
    """Who did it, for verbs any side can do ("Afghan forces captured X")."""
    if cue.status == "government" and re.search(r"(?i)\bin\s+control|\bhold|\bcontrol", cue.text):
        before = re.split(r"[,;:]|\bsaid\b|\bthat\b", sentence[max(0, cue.start - 60) : cue.start])
        if TALIBAN_AGENT.search(before[-1]) and not GOV_AGENT.search(before[-1]):
            return "taliban"  # "the Taliban are in control of X"
        return cue.status
    if cue.status != "taliban" or re.match(
        r"(?i)(fell|fallen|fall of|collapse of|surrendered|"
        r"retreat|withdr|abandon|under)",
        cue.text,
    ):
        return cue.status
    after = sentence[cue.end : cue.end + 60]
    by = re.match(r"^\s*(?:\w+\s+){0,3}?by\s+(?:the\s+)?([\w\s'-]{0,40})", after)
    if by:
        return (
            "government"
            if GOV_AGENT.search(by.group(1)) and not TALIBAN_AGENT.search(by.group(1))
            else cue.status
        )
    before = sentence[max(0, cue.start - 60) : cue.start]
    before = re.split(r"[,;:]|\bsaid\b|\bthat\b", before)[-1]
    if GOV_AGENT.search(before) and not TALIBAN_AGENT.search(before):
        return "government"
    return cue.status


def denier_of(sentence: str) -> tuple[str, int] | None:
    """Who denies what the sentence reports, and where the denial stands in it."""
    m = DENIAL.search(sentence)
    if m is None:
        return None
    after = re.match(r"\s*by\s+(?:the\s+)?([^,;.]{0,40})", sentence[m.end() :])
    if after:
        return classify_speaker(after.group(1)) or "reporter", m.start()
    return classify_speaker(_before(sentence, m.start())) or speaker_of(sentence), m.start()


def classify_speaker(phrase: str) -> str | None:
    """taliban, government or third-party from the words naming a speaker; None if unknown."""
    if TALIBAN_SPEAKER.search(phrase):
        return "taliban"
    if THIRD_PARTY_SPEAKER.search(phrase) or re.search(r"\bU\.?S\.?\b", phrase):
        return "third-party"
    if GOVERNMENT_SPEAKER.search(phrase):
        return "government"
    return None


_NEW_CLAUSE = re.compile(r";|, and\b|\bbut\b|, while\b")


def speaker_of(sentence: str, at: int | None = None) -> str:
    """Who asserts what a sentence says (at offset ``at``); plain narration is the reporter's.

    A speech verb whose content follows it ("Biden said that ...", "said:") does not cover
    what the sentence narrates before it.
    """
    for m in SPEECH.finditer(sentence):
        if (
            at is not None
            and at < m.start()
            and (
                re.match(r"\s*(?:\w+\s+){0,6}?(?:that\b|:|[\"“])", sentence[m.end() :])
                or _NEW_CLAUSE.search(sentence, at, m.start())
            )
        ):
            continue  # the verb reports its own clause, not what came before it
        verb = m.group(0).lower()
        if verb.startswith("according"):
            found = classify_speaker(sentence[m.end() : m.end() + 60].split(",")[0])
        elif verb in ("told", "tells") or verb.startswith("quoted"):
            found = classify_speaker(_before(sentence, m.start()))
        else:
            found = classify_speaker(_before(sentence, m.start()))
            if found is None:  # "..., said the governor" / "said Roz Gul, the deputy governor"
                found = classify_speaker(re.split(r"[.;]", sentence[m.end() : m.end() + 80])[0])
        if found:
            return found
    return "reporter"


def _before(sentence: str, index: int) -> str:
    """The few words before a speech verb: the speaker's name or title."""
    head = sentence[:index]
    for mark in ("”", '"', "“"):
        if mark in head:
            head = head.rsplit(mark, 1)[-1]
    chunks = [c for c in re.split(r"[,;:(]|\b(?:and|but|while|after|as)\b", head) if c.strip()]
    return " ".join((chunks[-1] if chunks else "").split()[-8:])
