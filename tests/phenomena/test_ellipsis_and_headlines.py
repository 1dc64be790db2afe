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


def test_each_bullet_point_is_its_own_sentence(gazetteer):
    from datetime import date

    from geomap.extract.articles import article_from_text
    from geomap.pipeline import extract_article

    text = (
        "- Insurgents have captured Nawur, officials said.\n"
        "- In the north, commandos retook Chora on Monday.\n"
        "• Fighting goes on in Khulm."
    )
    claims = extract_article(article_from_text(text, published=date(2021, 7, 9)), gazetteer)
    evidence = {c.place.mention: c.evidence for c in claims.claims}
    assert evidence["Nawur"].startswith("- Insurgents have captured Nawur")
    assert evidence["Chora"].startswith("- In the north, commandos retook Chora")
    assert evidence["Khulm"].startswith("• Fighting goes on in Khulm")


def test_there_after_a_verb_is_the_place_just_named(said):
    claims = said(
        "Insurgents claimed to have captured Nawur, but the ministry said fighting was still "
        "going on there."
    )
    assert ("Nawur", "contested", "government") in claims
    assert said("Insurgents attacked Nawur. Fighting went on and there were no casualties.") == {
        ("Nawur", "contested", "reporter")
    }
    # the place named nearest before "there", and what was taken there only a part of it
    text = "Clashes hit Nawur, while insurgents were inside Chora after taking the prison there."
    assert {(p, s) for p, s, _by in said(text)} == {("Nawur", "contested"), ("Chora", "contested")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Kushk fell in June but was retaken by commandos weeks later.",
        "Kushk was captured in June and was then retaken by commandos.",
        "Kushk fell to the insurgents and was later recaptured.",
    ],
)
def test_a_passive_conjunct_shares_the_place_its_clause_began_with(claims_of, sentence):
    assert claims_of(sentence) == {("Kushk", "taliban"), ("Kushk", "government")}


def test_a_place_taken_as_an_object_is_not_the_next_passive_subject(claims_of):
    text = "Commandos retook Kushk in June but were forced out in July."
    assert ("Kushk", "government") in claims_of(text)


def test_there_in_the_next_sentence_is_the_place_just_named(claims_of):
    text = 'Troops are holding their ground in Khulm. "There are ongoing battles there."'
    assert claims_of(text) == {("Khulm", "government"), ("Khulm", "contested")}
    # "there is/are" alone refers to nothing
    assert claims_of("Troops retook Khulm. There are fears of reprisals.") == {
        ("Khulm", "government")
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a headline's participle with no auxiliary after a name is passive
        (
            "Taliban attack on Kandahar repelled, 10 insurgents killed.",
            {("Kandahar", "government")},
        ),
        ("Andar captured by Taliban, officials say.", {("Andar", "taliban")}),
        # with an object after it, the verb is active
        ("Government forces in Andar repelled the attack.", {("Andar", "government")}),
    ],
)
def test_a_headlines_participle_after_a_name_is_passive(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a hyphenated word inside an apposition between dashes
        (
            "Khulm — the last government-held district in Balkh — fell on Monday.",
            {("Khulm", "taliban")},
        ),
        # a list's own background: ", both lost in June,"
        (
            "Khulm and Kaldar, both lost in June, were retaken on Monday.",
            {("Khulm", "government"), ("Kaldar", "government")},
        ),
    ],
)
def test_a_subject_across_a_dashed_or_shared_bracket(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a list's line: a place, its province, a dash, a participle and a date
        ("Sheberghan, Jowzjan province - captured on August 7.", {("Sheberghan", "taliban")}),
        ("Sheberghan - retaken by the army on August 9.", {("Sheberghan", "government")}),
        # a dash after a place and its province is no dateline when a verb follows
        ("Zaranj, Nimroz - fell on August 6.", {("Zaranj", "taliban"), ("Nimroz", "taliban")}),
        ("Sheberghan - fell on August 7.", {("Sheberghan", "taliban")}),
        # a dateline still is one: capitals, or a capital after the dash
        ("KHULM - the Taliban captured the district.", set()),
        ("Khulm - The Taliban captured the district.", set()),
    ],
)
def test_a_list_line_of_fallen_places(claims_of, line, expected):
    assert claims_of(line) == expected
