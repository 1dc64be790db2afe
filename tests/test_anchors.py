"""The anchor gates never hide a match, and they do skip sentences without their words."""

import re

from hypothesis import given
from hypothesis import strategies as st

from geomap.extract import claims, dates, references, speakers
from geomap.extract.anchors import GatedPattern, Prefilter, required_literals
from geomap.extract.chunks import reference_word_before
from geomap.extract.lexicon import load_lexicon

LEXICON = load_lexicon()
SOURCES = [alt.pattern for t in LEXICON.triggers for alt in t.alternatives]
FILTER = Prefilter(SOURCES)
# Words that occur in trigger phrases, actors and ordinary prose, to build near-misses.
VOCABULARY = (
    "the Taliban Afghan forces government troops took took back back retook fell to fall of "
    "captured recaptured control of under in hands were was lost withdrew from pulled out "
    "of held by still hold repelled an attack on fighting clashes siege entered into after "
    "district city Kunduz Herat on Sunday said officials not did left over take taken"
).split()
# Every gated pattern of the grammar, with words from their own anchors to provoke them.
GATED = [
    p
    for module in (claims, dates, references, speakers)
    for p in vars(module).values()
    if isinstance(p, GatedPattern)
] + [p for p in vars(LEXICON).values() if isinstance(p, GatedPattern)]
GATE_WORDS = (
    VOCABULARY
    + (
        "same day that these the two districts crossings border town capital base site "
        "Monday last week May 5 in June since denied claim was false reportedly would if "
        "historically over the years no not never said according to residents Russian-held"
    ).split()
)


def test_required_literals_of_common_shapes():
    assert required_literals("captur(?:e|es|ed|ing)") == {"captur"}
    assert required_literals(r"repell?(?:ed|s|ing)?") == {"repel"}
    assert required_literals(r"(?:held|controlled)\s+by") == {"held", "controlled"}
    assert required_literals(r"(?:\w+ ){0,2}to") is None  # nothing long enough to anchor


@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=14))
def test_prefilter_never_hides_a_trigger(words):
    text = " ".join(words)
    worth_trying = FILTER.candidates(text)
    for index, source in enumerate(SOURCES):
        if re.search(source, text, re.IGNORECASE):
            assert index in worth_trying, (source, text)


def test_prose_without_triggers_tries_no_pattern():
    assert FILTER.candidates("Officials said on Sunday that the weather was warm.") == set()


def test_the_grammar_gates_its_slow_patterns():
    assert len(GATED) >= 20


@given(st.lists(st.sampled_from(GATE_WORDS), min_size=1, max_size=16), st.integers(0, 20))
def test_a_gate_never_hides_a_match(words, offset):
    text = " ".join(words)
    pos = min(offset, len(text))
    for gate in GATED:
        found = gate.search(text, pos)
        expected = gate.pattern.search(text, pos)
        assert (found and found.span()) == (expected and expected.span()), gate.pattern.pattern
        assert [m.span() for m in gate.finditer(text)] == [
            m.span() for m in gate.pattern.finditer(text)
        ]


def test_a_gate_skips_text_without_its_words():
    gate = GatedPattern(re.compile(r"\b(?:the|that)\s+same\s+day\b", re.IGNORECASE))
    assert gate.search("The same day, fighting resumed.") is not None
    assert gate._absent("Fighting resumed on Sunday.", 0, 27)


@given(
    st.lists(st.sampled_from(VOCABULARY), max_size=12),
    st.sampled_from(["in the vicinity of", "with the exception of", "near", "km from", "to"]),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["", "restive", "Kunduz"]),
)
def test_a_reference_is_read_from_the_last_words_alone(prefix, reference, the, city, word):
    words = [*prefix, reference, *(["the"] if the else []), *(["city of"] if city else [])]
    before = " ".join([*words, word]).strip() + " "
    found = reference_word_before(before, LEXICON)
    expected = LEXICON.reference_before.search(before)
    assert (found and found.span()) == (expected and expected.span())
