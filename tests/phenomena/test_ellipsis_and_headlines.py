"""Class 7 and headlines: a second subject sharing a verb; title-case headlines."""

import pytest


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sholgara has been overrun, and Chimtal too.", {"Sholgara", "Chimtal"}),
        ("Sholgara was overrun on Tuesday, as was Chimtal.", {"Sholgara", "Chimtal"}),
        ("Sholgara fell overnight, and Chimtal as well.", {"Sholgara", "Chimtal"}),
        # a second clause with its own verb keeps its own status
        ("Sholgara was overrun, and Chimtal was shelled.", {"Sholgara"}),
    ],
)
def test_a_second_subject_shares_the_outcome(claims_of, sentence, expected):
    assert claims_of(sentence) == {(name, "taliban") for name in expected}


def test_a_condition_is_not_an_event_but_being_forced_is(claims_of):
    assert claims_of("Were it to be overrun, Sholgara would be the first district lost.") == set()
    assert claims_of("Soldiers were forced to abandon Sholgara.") == {("Sholgara", "taliban")}


def test_a_title_case_headline_names_its_places(claims_of):
    assert claims_of("Afghan Forces Retake Chimtal From Militants") == {("Chimtal", "government")}
    # in running text a capitalised neighbour still marks a person's name
    assert claims_of("The report was written by Ahmad Chimtali in Kabul.") == set()


def test_a_shared_verb_shares_its_speaker(said):
    text = "Sholgara has been overrun, and Chimtal too, according to a Taliban spokesman."
    assert said(text) == {("Sholgara", "taliban", "taliban"), ("Chimtal", "taliban", "taliban")}


def test_a_link_to_another_story_is_not_this_storys_news(claims_of):
    text = "Insurgents overran Almar on Monday.\nRead more: Militants seize Shortepa\n"
    assert claims_of(text) == {("Almar", "taliban")}
