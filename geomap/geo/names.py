"""Transliteration-aware keys for Afghan place names.

Dari and Pashto names reach English news in many spellings: Qala-e-Naw, Qala-i-Naw,
Qal`ah-ye Now; Kunduz, Qunduz, Kondoz. Two keys make them comparable:

- ``exact_key``: ASCII, lower case, connectors (-e-, -i-, -ye-) and punctuation removed.
- ``loose_key``: ``exact_key`` reduced to its consonant skeleton, with q→k, gh→g, ph→f,
  w and y treated as vowels after a vowel or consonant, and doubled letters collapsed.
  Herat/Hirat → hrt, Jowzjan/Jawzjan → jzjn, Khawja/Khwaja → khj.

The gazetteer matches on ``exact_key`` first and falls back to ``loose_key``; a name of
several words also tries ``joined_key``, its skeleton written as one word (Deh Rawood,
Dehrawud). The connectors "wa" and "o" ("and") are dropped like -e-: Dand Patan, Dand wa
Patan; Khost wa Fereng, Khost-o-Fereng.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# wa, va, o, u: "and" ("Dand wa Patan", "Khost-o-Fereng"); those three only between words
# ("U.S." is no name)
CONNECTORS = frozenset({"e", "i", "ye", "yi", "y", "al", "ul", "ol", "wa", "va", "o", "u"})
_JOINING = frozenset({"va", "o", "u"})
# Words that name a first-level unit after its name: "Herat province", "Donetsk Oblast".
PROVINCE_WORDS = frozenset({"province", "provinces", "oblast", "region", "governorate", "wilayat"})
GENERIC_WORDS = PROVINCE_WORDS | {
    "raion",
    "district",
    "districts",
    "city",
    "town",
    "woluswali",
    "uluswali",
    "village",
    "valley",
}
_APOSTROPHES = re.compile(r"[`'’‘ʿʾ´]")
_TOKEN = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """ASCII lower-case form: diacritics and apostrophes removed."""
    text = _APOSTROPHES.sub("", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.lower()


def without_province_word(name: str) -> str:
    """The name without a trailing province word: "Donetsk Oblast" → "Donetsk"."""
    head, _, last = name.rpartition(" ")
    return head.rstrip() if head and fold(last) in PROVINCE_WORDS else name


def name_tokens(text: str, drop_generic: bool = False) -> list[str]:
    """Word tokens of a name without connectors (and, if asked, generic words)."""
    tokens = _TOKEN.findall(fold(text))
    kept = [t for n, t in enumerate(tokens) if t not in CONNECTORS or (not n and t in _JOINING)]
    if drop_generic:
        kept = [t for t in kept if t not in GENERIC_WORDS] or kept
    return kept or tokens


@functools.lru_cache(maxsize=200_000)
def exact_key(text: str, drop_generic: bool = True) -> str:
    """Spelling-exact key: 'Qala-e-Naw' → 'qalanaw', 'Mazar-i-Sharif' → 'mazarsharif'.

    Generic words ('Herat province') are dropped unless ``drop_generic`` is false.
    """
    return "".join(name_tokens(text, drop_generic=drop_generic))


def _skeleton(token: str) -> str:
    token = re.sub(r"([aeiou])h$", r"\1", token)  # Qal`ah → qala
    token = token.replace("q", "k").replace("gh", "g").replace("ph", "f").replace("ck", "k")
    head, tail = token[:1], token[1:]
    tail = re.sub(r"[aeiouwy]", "", tail)
    head = "" if head in "aeiou" else head
    return re.sub(r"(.)\1+", r"\1", head + tail)


@functools.lru_cache(maxsize=200_000)
def loose_key(text: str) -> str:
    """Consonant-skeleton key shared by common transliterations of one name."""
    return "".join(_skeleton(t) for t in name_tokens(text, drop_generic=True))


_VOWEL_FORMS = (
    (re.compile(r"[aei][iy](?![aeiou])"), "ai"),  # Alasay, Alasai
    (re.compile(r"q"), "k"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"[ao]w(?![aeiou])|au"), "au"),  # Dowlat, Dawlat
    (re.compile(r"e"), "i"),
    (re.compile(r"o"), "u"),
    (re.compile(r"(?<=[aiu])h$"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)


@functools.lru_cache(maxsize=200_000)
def vowel_key(text: str) -> str:
    """A key that keeps vowels but merges their usual spellings (e/i, o/u, ay/ai).

    For short names whose consonant skeleton is too small to trust: Alasay/Alasai/Ala Sai.
    """
    key = exact_key(text)
    for pattern, replacement in _VOWEL_FORMS:
        key = pattern.sub(replacement, key)
    return key


@functools.lru_cache(maxsize=200_000)
def village_key(text: str, spellings: tuple[tuple[str, str], ...] = ()) -> str:
    """The spelling key with y read as i: the romanisations of one village name
    ("Myrolyubivka", "Myroliubivka"; "Andriyivka", "Andriivka") share it, other names do
    not (a skeleton, or e read as i, would be too loose for thousands of villages: the
    surname "Zaluzhnyi" is no "Zaluzhne"). A theatre's ``spellings`` (pattern, replacement)
    are read first: "Krasnogorovka", the Russian form, is Krasnohorivka."""
    key = exact_key(text)
    for pattern, replacement in spellings:
        key = re.sub(pattern, replacement, key)
    return re.sub(r"(.)\1+", r"\1", key.replace("y", "i"))


@functools.lru_cache(maxsize=200_000)
def joined_key(text: str) -> str:
    """The skeleton of a name written as one word: "Deh Rawood" and "Dehrawud" share it
    (each word's own skeleton drops a word-final h, which the joined word keeps)."""
    return _skeleton("".join(name_tokens(text, drop_generic=True)))


def match_key(text: str) -> str:
    """The transliteration key the gazetteer matches on: the skeleton when it is long
    enough to trust, else the vowel-keeping key."""
    key = loose_key(text)
    return key if len(key) >= 3 else "~" + vowel_key(text)


def name_variants(name: str) -> list[str]:
    """A name and the parts of it a text may use alone: 'Yamgan (Girwan)' → both names."""
    out = [name]
    match = re.match(r"^(.*?)\s*\((.*?)\)\s*$", name)
    if match:
        out = [match.group(1), match.group(2), f"{match.group(1)} {match.group(2)}"]
    parts = re.split(r"\s*/\s*", name)
    if len(parts) > 1:
        out += parts
    return [v.strip() for v in out if v.strip()]
