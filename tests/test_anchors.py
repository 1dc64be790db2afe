"""The trigger prefilter never hides a match, and it does skip sentences without triggers."""

import re

from hypothesis import given
from hypothesis import strategies as st

from geomap.extract.anchors import Prefilter, required_literals
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
