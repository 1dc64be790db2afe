"""Cues: what the words around a place mention say of it.

The kind a list gives its members ("Nirkh and Jalrez districts", "the districts of A, B and
C"), the province that locates a name ("Khash in Badakhshan"), and a name playing a
province's part ("Herat governor", "Obe in Herat"). ``places.py`` weighs them when it
chooses among a name's meanings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geomap.extract.mentions import GENERIC_KIND, Mention

_JOINER = re.compile(r"^(?:,\s*|,?\s+and\s+|,?\s+or\s+|\s*/\s*|,\s+and\s+the\s+)$")


# "X in P province", "X district of P", "X, P province", "X (P)": P says where X is.
_LOCATED_BY = re.compile(
    r"(?:\s+(?:district|city|town|village|area))?(?:,\s*|\s+in\s+|\s+of\s+|\s*\(\s*)"
    r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west)"
    r"(?:ern)?\s+)?(?:province\s+of\s+)?$",
    re.IGNORECASE,
)


def locator_province(
    mentions: Sequence[Mention], index: int, text: str, country: str
) -> str | None:
    """The P-code of the province named right after a mention as its location, if any."""
    if index + 1 >= len(mentions):
        return None
    here, after = mentions[index], mentions[index + 1]
    if after.start - here.end > 40 or not _LOCATED_BY.match(text[here.end : after.start]):
        return None
    provinces = [e for e in after.entries if e.kind == "province" and e.country == country]
    if not provinces or (after.cue not in (None, "province")):
        return None
    return provinces[0].province_pcode


def shared_locators(
    mentions: Sequence[Mention], located: Sequence[str | None], text: str
) -> list[str | None]:
    """ "Du Ab and Mandol in Nuristan": a locator after a conjoined list places every member
    (that has a namesake there)."""
    shared = list(located)
    for i in range(len(mentions) - 2, -1, -1):
        after = shared[i + 1]
        if (
            shared[i] is None
            and after is not None
            and _JOINER.match(text[mentions[i].end : mentions[i + 1].start])
            and any(e.province_pcode == after for e in mentions[i].entries)
        ):
            shared[i] = after
    return shared


_KINDS_BEFORE = re.compile(
    r"\b(districts|provinces)(?:\s+(of)\s+|,?\s+(?:including|like|such\s+as|namely|among\s+them)"
    r"\s+|\s*:\s*)(?:the\s+)?$",  # "three districts: A, B and C"
    re.IGNORECASE,
)


# "Obe in Herat", "Ali Abad district in Kunduz": a place after these words locates another.
_LOCATES_PREVIOUS = re.compile(
    r"^(?:\s+(?:district|city|town|village|area))?,?\s+(?:in|of)\s+(?:the\s+)?$", re.IGNORECASE
)


# "Herat governor", "Kunduz provincial council", "Kandahar's Khakriz district"
_PROVINCE_ROLE_AFTER = re.compile(
    r"(?:\s+(?:governor|provincial|police\s+chief)\b|['’]s?\s+(?:[A-Z][\w-]*\s+){1,3}district\b)"
)


# A place fronted as the scene of what follows: "In Logar, …", "Elsewhere in the north of P, …"
FRONTED_SCENE = re.compile(
    r"\s*(?:(?:Elsewhere|Meanwhile|Also|And|But|Further|Farther|Separately|Nearby)"
    r"(?:\s+(?:north|south|east|west|afield))?,?\s+(?:in|inside|across)|In|Across|Inside)"
    r"\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}"
)
# … at a sentence's start: "In Kandahar, Arghandab district …" sets the province as the
# scene of a smaller place of its own
_FRONTED_IN = re.compile(rf"(?:^|[.!?\n][\"”’]?)(?:{FRONTED_SCENE.pattern})$")
_SCENE_GAP = re.compile(r"(?:\s+province)?\s*,\s+(?:[\w'’-]+\s+){0,6}?$")

_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s|\n")
_SENTENCE_REACH = 300  # characters between a bare name and its "… province" in a sentence


def province_named_beside(
    mentions: Sequence[Mention], index: int, text: str, cues: Sequence[str | None]
) -> bool:
    """ "took Balkh … the capital of Balkh Province": where one sentence names the province
    as such, the same name bare means something else there (its town or district)."""
    here = mentions[index]
    own = {e.province_pcode for e in here.entries if e.kind == "province"}
    if not own:
        return False
    for step in (-1, 1):  # outwards from the mention, within a sentence's reach
        other = index + step
        while (
            0 <= other < len(mentions)
            and abs(mentions[other].start - here.start) <= _SENTENCE_REACH
        ):
            there = mentions[other]
            lo, hi = (here.end, there.start) if step > 0 else (there.end, here.start)
            if _SENTENCE_END.search(text, lo, hi):
                break
            if cues[other] == "province" and own & {
                e.province_pcode for e in there.entries if e.kind == "province"
            }:
                return True
            other += step
    return False


def province_by_role(mentions: Sequence[Mention], index: int, text: str) -> str | None:
    """ "province" when a name that may be a province plays a province's part here."""
    mention = mentions[index]
    if not any(e.kind == "province" for e in mention.entries):
        return None
    if _PROVINCE_ROLE_AFTER.match(text, mention.end, mention.end + 60):
        return "province"
    if _sets_the_scene(mentions, index, text):
        return "province"
    if index:
        before = mentions[index - 1]
        smaller = any(e.kind not in ("province", "country") for e in before.entries)
        gap = text[before.end : mention.start]
        if smaller and len(gap) < 25 and _LOCATES_PREVIOUS.match(gap):
            return "province"
    return None


def _sets_the_scene(mentions: Sequence[Mention], index: int, text: str) -> bool:
    """ "In Kandahar, Arghandab district …": a province set as the scene of one of its own
    districts named next (and no member of a list with it)."""
    mention = mentions[index]
    if index + 1 >= len(mentions) or not _FRONTED_IN.search(
        text, max(0, mention.start - 40), mention.start
    ):
        return False
    provinces = {e.province_pcode for e in mention.entries if e.kind == "province"}
    nxt = mentions[index + 1]
    return bool(_SCENE_GAP.fullmatch(text, mention.end, nxt.start)) and any(
        e.kind == "district" and e.province_pcode in provinces for e in nxt.entries
    )


def list_cues(
    mentions: Sequence[Mention], text: str, country: str
) -> tuple[list[str | None], set[int]]:
    """The kind each name takes from the list it stands in (None outside lists).

    "Ghazni and Parwan provinces" and "Nirkh and Jalrez districts" name the kind once for
    all; in a longer list ("Baghlan, Kunduz, Balkh, Takhar and Faryab") a name that can only
    be a province makes the others provinces too. One pass: lists are runs of joined names.
    Also returns the members whose list kind outweighs their own cue.
    """
    cues: list[str | None] = [None] * len(mentions)
    forced: set[int] = set()
    first = 0
    for last in range(len(mentions)):
        joined_next = last + 1 < len(mentions) and _JOINER.match(
            text[mentions[last].end : mentions[last + 1].start]
        )
        if (
            joined_next
            and not _locates_previous(mentions, last, text, country)
            and not _sets_the_scene(mentions, last, text)
        ):
            continue
        lead = mentions[first].start
        head = _KINDS_BEFORE.search(text, max(0, lead - 40), lead)
        if last == first and head and not head.group(2) and not mentions[first].has_generic:
            cues[first] = GENERIC_KIND[head.group(1).lower()]  # "districts, including X"
        if last > first:
            cue = _list_kind(mentions[first : last + 1], country)
            members = mentions[first : last + 1]
            noun = head.group(1).lower() if head else None
            if noun == "provinces" or (
                noun == "districts"
                and not any(_only_kind(m, country) == "province" or m.has_generic for m in members)
            ):  # "the districts of A, B and C": a list of districts, not of provinces
                cue = GENERIC_KIND[str(noun)]
                forced.update(range(first, last + 1))
            cues[first : last + 1] = [cue] * (last + 1 - first)
        first = last + 1
    return cues, forced


def _locates_previous(mentions: Sequence[Mention], index: int, text: str, country: str) -> bool:
    """ "Shinkai in Zabul, Du Ab and Mandol": Zabul locates Shinkai and opens no list."""
    return (
        index > 0
        and not _JOINER.match(text[mentions[index - 1].end : mentions[index].start])
        and locator_province(mentions, index - 1, text, country) is not None
    )


def _list_kind(members: Sequence[Mention], country: str) -> str | None:
    tail = members[-1].text.split()[-1].lower()
    if tail in ("provinces", "districts", "oblasts", "regions", "areas"):
        return GENERIC_KIND[tail]
    if len(members) >= 3 and any(_only_kind(m, country) == "province" for m in members):
        return "province"
    return None


def _only_kind(mention: Mention, country: str) -> str | None:
    local = [e for e in mention.entries if e.country == country and e.kind != "village"]
    return local[0].kind if local and all(e.kind == local[0].kind for e in local) else None
