"""Finding place names in text: runs of capitalised words looked up in the gazetteer.

A mention is a span and every meaning the gazetteer knows for it, with the kind the words
around it demand ("X district", "the province of X"); choosing one meaning is ``places``'.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from geomap.geo.entry import Entry
from geomap.geo.gazetteer import Gazetteer
from geomap.geo.names import CONNECTORS

_POSSESSIVE = re.compile(r"['’]s?$")


GENERIC_KIND = {
    "province": "province",
    "provinces": "province",
    "oblast": "province",
    "oblasts": "province",
    "region": "province",
    "regions": "province",
    "district": "district",
    "districts": "district",
    "city": "city",
    "town": "city",
    "village": "village",
    "capital": "city",
    "area": "area",  # "the Dashtak area": a village, unless the name is a district or town
    "areas": "area",
}


# "the province of X", "cities of X and Y"
PRECEDING_KIND = {
    "province": "province",
    "provinces": "province",
    "district": "district",
    "districts": "district",
    "city": "city",
    "cities": "city",
    "town": "city",
    "village": "village",
    "villages": "village",
}


# Capitalised words that may stand next to a place without making it part of a name.
NOT_NAME_WORDS = frozenset(
    "the a an in on at of and or but for from to by with as into after before since during "
    "while when where near outside inside across north south east west northern southern "
    "eastern western central northeast northwest southeast southwest northeastern "
    "northwestern southeastern southwestern upper lower greater monday tuesday wednesday "
    "thursday friday saturday sunday january february march april may june july august "
    "september october november december province district "
    "city town village airport dam border crossing base valley river highway road "
    "provincial capital meanwhile however last this that these those both governor police "
    "chief council university hospital airport prison mayor commander corps army province "
    "provinces districts officials security forces neither nor either not only even unlike like "
    "besides despite although though whereas including except nearby neighbouring neighboring "
    "elsewhere separately".split()
)


@functools.lru_cache(maxsize=8)
def not_name_words(theatre_words: frozenset[str]) -> frozenset[str]:
    """English words and the theatre's people and party words: never part of a name."""
    return NOT_NAME_WORDS | theatre_words


@dataclass(frozen=True)
class Mention:
    """A span of text that names something in the gazetteer, before choosing a meaning."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    cue: str | None  # kind demanded by the words around it
    has_generic: bool


_LETTER = r"[^\W\d_]"


_INTERIOR_WORDS = (
    "e|i|ye|wa|va|o|u|air|base|airfield|dam|border|crossing|bridge|port|pass|gate|airport"
)


# A run of capitalised words (and the few lower-case words names contain) joined by single
# spaces or hyphens: only these runs can hold a place name, so only they are looked up.
_CHUNK = re.compile(
    rf"(?<!{_LETTER})[A-Z\u00C0-\u00DE][\w'’`]*(?:[ -](?:[A-Z\u00C0-\u00DE][\w'’`]*|"
    rf"(?:{_INTERIOR_WORDS})(?!{_LETTER})))*"
)


_CHUNK_WORD = re.compile(r"[^\s-]+")


_FOLLOWING = re.compile(
    r" (provinces?|oblasts?|regions?|districts?|city|town|village|capital|areas?)\b",
    re.IGNORECASE,
)


_KIND_STARTS = frozenset(" " + word[0] for word in GENERIC_KIND)  # what _FOLLOWING starts with


def _words(chunk: re.Match[str]) -> list[tuple[int, int, str]]:
    out = []
    for m in _CHUNK_WORD.finditer(chunk.group(0)):
        word, start = m.group(0), chunk.start() + m.start()
        if len(word) > 3 and word[-1] in "'’s" and ("'" in word or "’" in word):
            word = _POSSESSIVE.sub("", word)
        word = word.rstrip("'’`")
        if word:
            out.append((start, start + len(word), word))
    return out


# "the Bakhmut direction", "the Donetsk front", "the Sea of Azov", "the left bank of the
# Dnipro", "the Arghandab river": the name only labels something else, a front, a sea, a river.
_LABELS_AFTER = re.compile(
    r"\s+(?:front|direction|axis|sector|axes|directions|hromada|operational group|river)\b"
)
_LABELS_BEFORE = re.compile(
    r"\b(?:Sea|Gulf|Bay|Strait)\s+of\s+(?:the\s+)?$|\bbanks?\s+of\s+the\s+$"  # a river
)


# "Kandahar's airport", "Bagram's air base": a site named by the place that owns it.
_POSSESSED_SITE = re.compile(r"['’]s\s+(airport|air\s?base|airfield)\b", re.IGNORECASE)


def find_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Longest gazetteer names in runs of capitalised words, with the kind cue around each."""
    mentions: list[Mention] = []
    not_names = not_name_words(gazetteer.name_words)
    for chunk in _CHUNK.finditer(text):
        words = _words(chunk)
        i = 0
        while i < len(words):
            start, _end, word = words[i]
            if not word[0].isupper() or _compound_end(text, words, i - 2) == i:
                i += 1  # a lower-case word, or the tail of an unknown compound ("…-e-Miran")
                continue
            if not gazetteer.may_start_name(word):
                near = _near_miss(text, words, i, gazetteer)
                if near is not None:
                    mentions.append(near)
                i += 1
                continue
            best = None
            for j in range(i, min(i + gazetteer.max_tokens, len(words))):
                if j > i and (
                    text[words[j - 1][1] : words[j][0]] not in (" ", "-")
                    or words[j][2].lower() in GENERIC_KIND
                ):
                    break
                span = text[start : words[j][1]]
                found = (
                    gazetteer.lookup_exact(span)
                    if word.lower() in not_names
                    else gazetteer.lookup(span)
                )
                if found:
                    best = (j, found)
            if best is None:
                i += 1
                continue
            j, found = best
            longer = _compound_end(text, words, j)
            if longer is not None:
                i = longer + 1  # "Dara-e-Kalan": an unknown name that only starts with "Dara"
                continue
            end = words[j][1]
            site = _POSSESSED_SITE.match(text, end)
            if site and (as_site := gazetteer.lookup(f"{text[start:end]} {site.group(1)}")):
                found, end = as_site, site.end()  # "Kandahar's airport": Kandahar airport
            if _LABELS_AFTER.match(text, end) or _LABELS_BEFORE.search(
                text, max(0, start - 20), start
            ):
                i = j + 1
                continue
            cue, has_generic = _following_cue(text, end)
            generic = _FOLLOWING.match(text, end) if has_generic else None
            if generic is not None:
                end = generic.end()
            cue = cue or _preceding_cue(text, start)
            mentions.append(Mention(start, end, text[start:end], tuple(found), cue, has_generic))
            i = j + 1
            while has_generic and i < len(words) and words[i][0] < end:
                i += 1
    return _misspelt_list_members(text, mentions, gazetteer)


# One unknown name between two list members: ", Adraskam and "
_LIST_GAP = re.compile(r"\s*,\s*([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)\s*(?:,|,?\s+and|,?\s+or)\s*")


def _misspelt_list_members(
    text: str, mentions: list[Mention], gazetteer: Gazetteer
) -> list[Mention]:
    """An unknown name listed between two districts is a district misspelt ("Shindand,
    Adraskam and Pashtun Zarghun"): its one clearly nearest district spelling."""
    out: list[Mention] = []
    for before, after in zip(mentions, mentions[1:], strict=False):
        out.append(before)
        gap = _LIST_GAP.fullmatch(text, before.end, after.start)
        if gap is None or not all(
            any(e.kind == "district" for e in m.entries) for m in (before, after)
        ):
            continue
        found = gazetteer.close_match(gap.group(1), "district")
        if found:
            start, end = gap.span(1)
            out.append(Mention(start, end, gap.group(1), tuple(found), "district", False))
    return out + mentions[-1:]


def _compound_end(text: str, words: list[tuple[int, int, str]], j: int) -> int | None:
    """Where a name goes on past word ``j`` through a connector ("Dara" in "Dara-e-Kalan",
    "Qala-i" in "Qala-i-Naw"): the last word of the longer name, or None where it ends."""

    def joined(n: int) -> bool:
        return text[words[n - 1][1] : words[n][0]] in (" ", "-")

    if j < 0:
        return None
    k = j if words[j][2] in CONNECTORS else j + 1  # the connector, as written (lower case)
    last = None
    while (
        k + 1 < len(words)
        and words[k][2] in CONNECTORS
        and joined(k)
        and joined(k + 1)
        and words[k + 1][2][0].isupper()
    ):
        last = k + 1
        k += 2
    return last


def _near_miss(
    text: str, words: list[tuple[int, int, str]], i: int, gazetteer: Gazetteer
) -> Mention | None:
    """An unknown name marked with its kind ("Samangarn province"): a close spelling."""
    for j in range(i, min(i + 2, len(words))):
        if text[words[j][1] : words[j][1] + 2].lower() not in _KIND_STARTS:
            continue  # no kind word can follow: the common case, without a search
        kind = _FOLLOWING.match(text, words[j][1])
        if kind and GENERIC_KIND.get(kind.group(1).lower()) in ("province", "district"):
            cue = GENERIC_KIND[kind.group(1).lower()]
            found = gazetteer.close_match(text[words[i][0] : words[j][1]], cue)
            if not found:
                return None
            start, end = words[i][0], kind.end()
            return Mention(start, end, text[start:end], tuple(found), cue, True)
    return None


def _following_cue(text: str, end: int) -> tuple[str | None, bool]:
    m = _FOLLOWING.match(text, end)
    if m:
        word = m.group(1)
        if not (word.lower() == "capital" and word[0].islower()):
            return GENERIC_KIND[word.lower()], word.lower() not in ("capital", "area", "areas")
    return None, False


def _preceding_cue(text: str, start: int) -> str | None:
    if not text[max(0, start - 8) : start].lower().endswith(("of ", "of the ", "in ")):
        return None  # every cue below ends so: skip the searches for most names
    if re.search(r"[a-z] district of (?:the )?$", text[max(0, start - 40) : start]):
        return "province"  # "the Dand district of Kandahar"
    before = text[max(0, start - 40) : start].lower()
    m = re.search(
        r"\b(province|provinces|district|city|cities|town|village|villages)"
        r" of (?:the )?$",
        before,
    )
    if m:
        return PRECEDING_KIND[m.group(1)]
    if re.search(r"\bdistricts (?:in|of) $|\bdistrict in $", before):
        return "province"
    return None
