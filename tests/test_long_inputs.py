"""Inputs no article should contain but a scraper will deliver: no crash, no quadratic time."""

import random
import time

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from geomap.extract.articles import article_from_text
from geomap.pipeline import extract_article

# Words that exercise every stage: triggers, actors, places, lists, locators, speech verbs.
WORDS = (
    "the Taliban Afghan forces captured retook fell to fighting in district province of "
    "Kunduz Herat Ghazni Islam Qala Kandahar and , said officials denied after not "
    "including the city capital control under"
).split()


def run_on(text, gazetteer):
    extraction = extract_article(article_from_text(text), gazetteer)
    for claim in extraction.claims:
        assert claim.place.country == "AF"
        assert text[claim.place.start : claim.place.end] == claim.place.mention
    return extraction


@hyp_settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.integers(2_000, 10_000))
def test_a_sentence_of_thousands_of_words_without_a_full_stop(gazetteer, seed, length):
    rng = random.Random(seed)
    run_on(" ".join(rng.choice(WORDS) for _ in range(length)), gazetteer)


@hyp_settings(max_examples=10, deadline=None)
@given(st.integers(1, 3_000), st.sampled_from([", ", " and ", ", and ", " districts, "]))
def test_deeply_repeated_lists(gazetteer, repeats, joiner):
    names = joiner.join(["Kunduz", "Herat", "Ghazni"] * repeats)
    run_on(f"The Taliban captured {names}.", gazetteer)


def _seconds(text, gazetteer):
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        run_on(text, gazetteer)
        best = min(best, time.process_time() - started)
    return best


def _run_on_words(n):
    rng = random.Random(7)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _list_of(n):
    return "The Taliban captured " + ", ".join(["Kunduz", "Herat", "Ghazni"] * (n // 3)) + "."


# One clause-rich unit repeated without a full stop: relative clauses, states, a pronoun
# speaker, a landmark and a denial in every few words.
_CLAUSES = (
    "Khulm, which the army had retaken in 2016, is again in Taliban hands, he said, where "
    "they are holding out near Taliban-held Almar, saying the enemy denied it, and "
)


def _clauses_of(n):
    return _CLAUSES * max(1, n // len(_CLAUSES.split()))


@pytest.mark.parametrize(
    "make", [_run_on_words, _list_of, _clauses_of], ids=["run-on", "list", "clauses"]
)
def test_time_grows_linearly_with_length(gazetteer, make):
    run_on(make(500), gazetteer)  # warm caches
    ratio = _seconds(make(10_000), gazetteer) / max(_seconds(make(2_500), gazetteer), 1e-3)
    assert ratio < 9, f"4x the words took {ratio:.1f}x the time (quadratic would be 16x)"
