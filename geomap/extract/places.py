"""Resolving each place mention (see ``mentions``) to one gazetteer entry.

Steps: tokenise; at each capitalised word try the longest span the gazetteer knows;
read the words around it (``Herat province``, ``the city of Herat``, a list of provinces);
choose among the name's meanings; drop ordinary words and parts of people's names.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import replace

from geomap.extract.cues import (
    list_cues,
    locator_province,
    province_by_role,
    province_named_beside,
    shared_locators,
)
from geomap.extract.mentions import NOT_NAME_WORDS, Mention, find_mentions, not_name_words
from geomap.geo.entry import Entry, is_centre_district
from geomap.geo.gazetteer import Gazetteer
from geomap.geo.names import loose_key
from geomap.records import Article, Place

COMMON_WORD_ZIPF = 3.7  # single words at least this frequent in English need a cue
MIN_ZIPF_LENGTH = 3
SENTENCE_WORD_ZIPF = 4.5  # a word this frequent opening a sentence is no first name ("Then")


def places_from_text(text: str, gazetteer: Gazetteer) -> list[Place]:
    """Every place mention in ``text``, resolved, in order of appearance."""
    mentions = find_mentions(text, gazetteer)
    provinces_named = _provinces_in(mentions)
    country = gazetteer.country
    by_list, forced = list_cues(mentions, text, country)
    cues = [
        (by_list[i] if i in forced else m.cue or by_list[i]) or province_by_role(mentions, i, text)
        for i, m in enumerate(mentions)
    ]
    mentions = [  # "took Balkh … the capital of Balkh Province": the bare Balkh is no province
        _not_a_province(m)
        if cues[i] is None and province_named_beside(mentions, i, text, cues)
        else m
        for i, m in enumerate(mentions)
    ]
    located = [  # a province lies in no other: "Zaporizhzhia, Donetsk and Luhansk oblasts"
        locator_province(mentions, i, text, country) if cues[i] != "province" else None
        for i in range(len(mentions))
    ]
    located = _located_once_located_always(mentions, shared_locators(mentions, located, text))

    def resolve(anchors: frozenset[Entry] | None) -> list[tuple[Mention, Entry]]:
        chosen = []
        earlier: set[Entry] = set()  # meanings already chosen in this text
        for index, mention in enumerate(mentions):
            entry = choose_entry(
                mention,
                cues[index],
                provinces_named,
                text,
                located[index],
                earlier,
                country,
                gazetteer.bare_villages,
                anchors,
                not_name_words(gazetteer.name_words),
            )
            if entry is not None:
                chosen.append((mention, entry))
                earlier.add(entry)
        return chosen

    chosen = resolve(None)
    if gazetteer.bare_villages and any(_has_namesakes(m, e) for m, e in chosen):
        # Villages repeat across a country: place each namesake by the whole text's places.
        chosen = resolve(frozenset(e for _m, e in chosen))
    # A district named like a town the article also names is that town's district: one place.
    towns = {(e.district_pcode, loose_key(e.name)): e for _m, e in chosen if e.kind == "city"}
    places = [
        _place(
            m, towns.get((e.district_pcode, loose_key(e.name)), e) if e.kind == "district" else e
        )
        for m, e in chosen
    ]
    return _unnamed_airports(text, _unnamed_capitals(text, places, gazetteer), gazetteer)


# "the provincial capital" of a province named before it, whose capital the text never names
_CAPITAL_PHRASE = re.compile(
    r"\bthe\s+(?:provincial\s+(?:capital|cent(?:re|er))|capital\s+of\s+the\s+province)\b"
    r"(?!\s*(?:,|of|\()\s*(?-i:[A-Z]))",  # not "the provincial capital(, | of) Lashkar Gah"
    re.IGNORECASE,
)


# "the capital of Helmand (province)" not named in apposition: that province's capital
_CAPITAL_OF = re.compile(
    r"\b(?:provincial\s+)?capital\s+of\s+(?:the\s+)?(?:[a-z]+\s+)?(?:province\s+of\s+)?$",
    re.IGNORECASE,
)
_NAMED_AFTER = re.compile(r"(?:\s+province)?\s*(?:,|\()\s*(?-i:[A-Z])")
# "the Helmand capital", "the Helmand provincial capital": the capital named before the word
_CAPITAL_AFTER = re.compile(
    r"(?:\s+provincial)?\s+capital\b(?!\s*(?:,|\(|of)?\s*(?-i:[A-Z]))", re.IGNORECASE
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_IN_APPOSITION = re.compile(r"\s*,\s*(?:the\s+)?(?:[A-Z][\w'’-]+\s+)?(?:provincial\s+)?")


def _unnamed_capitals(text: str, places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """ "the capital of Helmand", "the Helmand capital": the province's capital, as the
    text names it elsewhere or else as the boundaries place it; "Kunduz province … encircled
    the provincial capital": a place of its own when the text has not named the capital (a
    named one is what the phrase refers back to)."""
    if "capital" not in text:
        return places  # the common case, without a search
    found = [
        c
        for p in places
        if (c := _capital_named_by(text, p, places, gazetteer))
        or (c := _capital_named_before(text, p, places, gazetteer))
    ]
    for phrase in _CAPITAL_PHRASE.finditer(text):
        before = [p for p in places if p.end <= phrase.start()]
        province = next((p for p in reversed(before) if p.kind == "province"), None)
        if province is None or any(
            p.kind == "city" and p.province_pcode == province.province_pcode for p in before
        ):
            continue
        if province.country == gazetteer.country:
            centre = _centre_at(text, phrase.span(), province, gazetteer)
            found += [centre] if centre is not None else []
    return sorted([*places, *found], key=lambda p: p.start) if found else places


def _capital_named_by(
    text: str, province: Place, places: list[Place], gazetteer: Gazetteer
) -> Place | None:
    """The capital in "the capital of Helmand (province)", named by the word "capital"."""
    if province.kind != "province" or province.country != gazetteer.country:
        return None
    if _NAMED_AFTER.match(text, province.end):
        return None  # "the capital of Helmand, Lashkar Gah": named, in apposition
    phrase = _CAPITAL_OF.search(text, max(0, province.start - 40), province.start)
    if phrase is None:
        return None
    start = phrase.start()
    end = text.index("capital", start) + len("capital")
    return _capital_at(text, (start, end), province, places, gazetteer)


def _capital_named_before(
    text: str, province: Place, places: list[Place], gazetteer: Gazetteer
) -> Place | None:
    """The capital in "the Helmand capital", "the Helmand provincial capital"."""
    if province.kind != "province" or province.country != gazetteer.country:
        return None
    word = _CAPITAL_AFTER.match(text, province.end)
    if word is None or not _THE_BEFORE.search(text, max(0, province.start - 8), province.start):
        return None
    return _capital_at(text, (word.end() - len("capital"), word.end()), province, places, gazetteer)


def _capital_at(
    text: str,
    span: tuple[int, int],
    province: Place,
    places: list[Place],
    gazetteer: Gazetteer,
) -> Place | None:
    """The province's capital named by the word at ``span``: the town the text names as it,
    if any (the same place, by the same name), else the province's centre."""
    start, end = span
    towns = [
        p
        for p in places
        if p.kind == "city"
        and p.province_pcode == province.province_pcode
        and is_centre_district(p.district_pcode)
    ]
    before = [p for p in towns if p.end <= start]
    town = before[-1] if before else next(iter(towns), None)  # the nearest named before it
    if town is not None and _IN_APPOSITION.fullmatch(text, town.end, start):
        return None  # "Lashkar Gah, the Helmand capital": the town named right before it
    if town is not None:
        return replace(town, mention=text[start:end], start=start, end=end)
    return _centre_at(text, span, province, gazetteer)


def _centre_at(
    text: str, span: tuple[int, int], province: Place, gazetteer: Gazetteer
) -> Place | None:
    """The province's centre, as the boundaries place it, named by the words at ``span``."""
    centre = gazetteer.provincial_centre(province.province_pcode)
    if centre is None:
        return None
    start, end = span
    return _place(Mention(start, end, text[start:end], (centre,), "city", False), centre)


# "the airport", "the airfield": the airport of the city last named before it
_AIRPORT_PHRASE = re.compile(
    r"\bthe\s+(?:airport|airfield)\b"
    r"(?!\s*(?:,|of|in|at|\()\s*(?-i:[A-Z]))",  # not "the airport of/in Kandahar"
    re.IGNORECASE,
)


def _unnamed_airports(text: str, places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """ "Kunduz fell … the airport is still held by the army": the airport of the city last
    named (or the airport itself, named before), a place of its own."""
    if "airport" not in text and "airfield" not in text:
        return places  # the common case, without a search
    found = []
    for phrase in _AIRPORT_PHRASE.finditer(text):
        last = next(
            (p for p in reversed(places) if p.end <= phrase.start() and p.kind in ("city", "base")),
            None,
        )
        if last is None or last.country != gazetteer.country:
            continue
        start, end = phrase.span()
        if last.kind == "base":  # "Kandahar airfield … the airfield": the same one again
            found.append(Place.of(last, phrase.group(0), start, end))
        elif airports := _airports_of(last, gazetteer):
            mention = Mention(start, end, phrase.group(0), tuple(airports), "base", False)
            found.append(_place(mention, airports[0]))
    return sorted([*places, *found], key=lambda p: p.start) if found else places


def _airports_of(city: Place, gazetteer: Gazetteer) -> list[Entry]:
    return [
        e
        for name in (city.name, city.mention)
        for e in gazetteer.lookup(f"{name} airport")
        if e.kind == "base" and e.country == gazetteer.country
    ][:1]


def places_from_article(article: Article, gazetteer: Gazetteer) -> list[Place]:
    """Every place mention in an article (see ``places_from_text``)."""
    return places_from_text(article.text, gazetteer)


def _provinces_in(mentions: Sequence[Mention]) -> set[str]:
    """Provinces the text names or places a name in without doubt (a village name found in
    ten provinces says nothing of where the story is)."""
    named: set[str] = set()
    for m in mentions:
        provinces = {e.province_pcode for e in m.entries}
        if len(provinces) == 1 and (only := provinces.pop()) is not None:
            named.add(only)
    return named


def choose_entry(
    mention: Mention,
    cue: str | None,
    provinces_named: set[str],
    text: str,
    located_in: str | None,
    earlier: set[Entry] | frozenset[Entry],
    country: str,
    bare_villages: bool = False,
    anchors: frozenset[Entry] | None = None,
    not_name_words: frozenset[str] = NOT_NAME_WORDS,
) -> Entry | None:
    """Pick one meaning of a mention, or ``None`` when it is not a place here.

    A province named as the mention's location (``located_in``) outweighs the kind word:
    "the city of Khash in Badakhshan" is Badakhshan's Khash district, not Nimroz's town.
    Among namesakes of one kind, the one the article already meant (``earlier``) is kept.
    Villages need the word "village" unless the theatre's claims are about villages
    (``bare_villages``): a wrong village is worse than none. A capitalised neighbour not in
    ``not_name_words`` makes a lone name look like part of a person's name.
    """
    entries = list(mention.entries)
    if located_in:
        entries = [e for e in entries if e.province_pcode == located_in] or entries
    if cue == "area":  # "the Dashtak area": a village only where the name is nothing bigger
        cue = None if any(e.kind != "village" for e in entries) else "village"
    if cue:
        wanted = [e for e in entries if e.kind == cue]
        if not wanted and cue == "city":  # "the border town of X": the crossing's town
            wanted = [e for e in entries if e.kind == "border-crossing"] or [
                e for e in entries if e.kind == "district"
            ]
        if not wanted and cue == "district":
            wanted = [e for e in entries if e.kind == "city"]
        entries = wanted or entries
    if cue != "village" and not bare_villages:
        entries = [e for e in entries if e.kind != "village"]
    if not entries:
        return None
    if _looks_like_person_or_word(mention, entries, cue, text, country, not_name_words):
        return None
    if cue is None:
        entries = _province_or_city(entries)
    named_here = [  # a town or district of a province the text names
        e for e in entries if e.province_pcode in provinces_named and e.kind in ("city", "district")
    ]
    first = entries[0]
    if (
        named_here
        and first.kind in ("city", "district")
        and first.province_pcode not in provinces_named
        and not located_in
    ):
        entries = named_here  # "In Paktia, … Jani Khel": Paktia's district, not Paktika's town
    best_kind = entries[0].kind
    same_kind = [e for e in entries if e.kind == best_kind]
    meant_before = [e for e in same_kind if e in earlier]
    in_context = [e for e in same_kind if e.province_pcode in provinces_named]
    if meant_before:
        return meant_before[0]
    return _nearest(in_context or same_kind, earlier if anchors is None else anchors)


def _located_once_located_always(
    mentions: Sequence[Mention], located: list[str | None]
) -> list[str | None]:
    """ "Khash city falls" above "the city of Khash in Badakhshan": a name the text places in
    a province once is that province's wherever else it stands alone."""
    where: dict[frozenset[Entry], set[str]] = {}
    for m, p in zip(mentions, located, strict=True):
        if p:
            where.setdefault(frozenset(m.entries), set()).add(p)
    placed = []
    for m, p in zip(mentions, located, strict=True):
        found = where.get(frozenset(m.entries), set())
        # placed in two provinces (two namesakes), a bare mention stays unplaced
        placed.append(p or (next(iter(found)) if len(found) == 1 else None))
    return placed


def _not_a_province(mention: Mention) -> Mention:
    smaller = tuple(e for e in mention.entries if e.kind != "province")
    return replace(mention, entries=smaller) if smaller else mention


def _has_namesakes(mention: Mention, entry: Entry) -> bool:
    return sum(e.kind == entry.kind for e in mention.entries) > 1


def _nearest(namesakes: list[Entry], anchors: set[Entry] | frozenset[Entry]) -> Entry:
    """Of namesakes (the dozens of Andriivkas), the one nearest the places the text has
    already named: an article about a front speaks of one stretch of it."""
    points = [
        (e.lat, e.lon)
        for e in anchors
        if e.lat is not None
        and e.lon is not None
        and e.kind not in ("country", "province", "region")
        and e not in namesakes
    ]
    placed = [e for e in namesakes if e.lat is not None and e.lon is not None]
    if (
        len(placed) < 2
        or not points
        or namesakes[0].population > 10 * max(e.population for e in namesakes[1:])
    ):
        return namesakes[0]  # one namesake is far the best known (a curated town): that one

    def spread(e: Entry) -> float:  # robust to one far-off dateline: log of each distance
        lat, lon = e.lat or 0.0, e.lon or 0.0
        return sum(math.log1p(math.hypot(lat - a, (lon - o) * 0.7)) for a, o in points)

    return min(placed, key=spread)


def _province_or_city(entries: list[Entry]) -> list[Entry]:
    """A bare name that is a province and its capital (Herat, Kunduz) means the city.

    A province that merely shares its name with a smaller town or district (Balkh,
    Baghlan) stays the province.
    """
    for province in (e for e in entries if e.kind == "province"):
        capital = _capital_of(province, entries)
        if capital is not None:
            return [capital, *[e for e in entries if e is not capital]]
    return entries


def _capital_of(province: Entry, entries: list[Entry]) -> Entry | None:
    """The town among ``entries`` that is ``province``'s capital and shares its name."""
    capital = next(
        (
            e
            for e in entries
            if e.kind == "city"
            and e.province_pcode == province.province_pcode
            and "provincial centre" in e.source
        ),
        None,
    )
    if capital is None:
        capital = next(
            (
                e
                for e in entries
                if e.kind == "city"
                and e.province_pcode == province.province_pcode
                and (
                    e.source.startswith("geomap")  # a curated town: Kherson, Luhansk
                    or (e.source.startswith("geonames") and is_centre_district(e.district_pcode))
                )
            ),
            None,
        )
    if capital is not None and loose_key(capital.name) == loose_key(province.name):
        return capital
    return None


@functools.lru_cache(maxsize=1 << 16)
def _english_frequency(word: str) -> float:
    """Zipf frequency of an English word (wordfreq loads its tables on first use)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _looks_like_person_or_word(
    mention: Mention,
    entries: list[Entry],
    cue: str | None,
    text: str,
    country: str,
    not_name_words: frozenset[str],
) -> bool:
    """Ordinary English words and parts of people's names are not places."""
    if cue or mention.has_generic:
        return False
    strong = entries[0].kind in ("province", "country", "border-crossing", "base", "site")
    strong = strong or entries[0].country != country  # foreign names come from curated lists
    words = mention.text.split()
    if len(words) == 1 and not strong:
        word = words[0]
        if _english_frequency(word.lower()) >= COMMON_WORD_ZIPF and len(word) >= MIN_ZIPF_LENGTH:
            return True
    if strong and entries[0].kind != "province":
        return False
    if _title_case_line(text, mention.start):
        return False  # "Taliban Retake Dehdadi": every word is capitalised, names and verbs
    # "Jawzjan's Darzab": a possessive before a name is its province, not a first name
    before = re.search(
        r"([A-Z][\w'’-]*)(?<!['’]s) $", text[max(0, mention.start - 30) : mention.start]
    )
    after = re.match(r" ([A-Z][\w'’-]*)", text[mention.end : mention.end + 30])
    if before and _opens_with_sentence_word(text, mention.start - len(before.group(0))):
        before = None  # "Seizing Almar, …", "Then Khulm fell": capitalised as the first word
    return any(
        neighbour
        and neighbour.group(1).lower().strip("'’") not in not_name_words
        and not _COMPOUND_MODIFIER.search(neighbour.group(1))  # "Russian-occupied Melitopol"
        for neighbour in (before, after)
    )


def _opens_with_sentence_word(text: str, at: int) -> bool:
    """The word at ``at`` opens its sentence and is an "-ing" form or a frequent English
    word ("Then", "Take"): no first name is either."""
    word = re.match(r"[A-Z]([a-z]+)\b", text[at : at + 30])
    opening = text[max(0, at - 3) : at].rstrip(" \"'“‘")
    return (
        word is not None
        and (not opening or opening[-1] in ".!?\n")
        and (
            word.group(1).endswith("ing")
            or _english_frequency(word.group(0).lower()) >= SENTENCE_WORD_ZIPF
        )
    )


HEADLINE_CHARS = 200
_COMPOUND_MODIFIER = re.compile(r"-[a-z]+$")  # "Kremlin-backed", "Russian-held": no name
_LONG_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")


def _title_case_line(text: str, at: int) -> bool:
    """A headline in title case: (almost) every word of four letters or more capitalised.

    Only short lines are headlines; the search never looks past ``HEADLINE_CHARS``.
    """
    line_start = text.rfind("\n", max(0, at - HEADLINE_CHARS), at) + 1
    line_end = text.find("\n", at, at + HEADLINE_CHARS)
    if (line_start == 0 and at > HEADLINE_CHARS) or line_end < 0 < len(text) - at - HEADLINE_CHARS:
        return False  # a line longer than any headline
    words = _LONG_WORD.findall(text, line_start, line_end if line_end >= 0 else len(text))
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _place(mention: Mention, entry: Entry) -> Place:
    """The entry as named here: coordinates to 5 places, a province without a district."""
    province = entry.kind == "province"
    return Place.of(
        entry,
        mention.text,
        mention.start,
        mention.end,
        lat=round(entry.lat, 5) if entry.lat is not None else None,
        lon=round(entry.lon, 5) if entry.lon is not None else None,
        district=None if province else entry.district,
        district_pcode=None if province else entry.district_pcode,
    )
