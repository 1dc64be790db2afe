"""Class 1: every member of a list takes the verb's claim; per-item provinces only locate."""

import pytest


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Militants overran the districts of Almar and Gurziwan in Faryab and Darzab in Jawzjan",
            {("Almar", "taliban"), ("Gurziwan", "taliban"), ("Darzab", "taliban")},
        ),
        (
            "Troops recaptured Sholgara district in Balkh and Almar district in Faryab.",
            {("Sholgara", "government"), ("Almar", "government")},
        ),
        (
            "Several districts in Kunduz have fallen, including Imam Sahib and Khan Abad.",
            {("Imam", "taliban"), ("Khan", "taliban")},
        ),
        (  # a part of a province is no claim on it; the places it includes take one
            "Militants hold much of Faryab outside Maimana, including the districts of Almar "
            "and Qaisar.",
            {("Almar", "taliban"), ("Qaisar", "taliban")},
        ),
        (  # the preposition said again before the last member
            "Clashes were reported in Almar, the district next to Maimana, and in Gurziwan.",
            {("Almar", "contested"), ("Gurziwan", "contested")},
        ),
    ],
)
def test_list_members_share_the_claim(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "May" the month is no modal verb; the list after "including" names the districts.
        (
            "In May, insurgents captured nine districts, including Khulm and Kohsan.",
            {("Khulm", "taliban"), ("Kohsan", "taliban")},
        ),
        # A list after "the districts of" is of districts, whatever else the names mean.
        (
            "Then the districts of Chahar Dara, Dasht-i-Archi and Khanabad fell to the insurgents.",
            {("Chahar", "taliban"), ("Dasht-i-Archi", "taliban"), ("Khanabad", "taliban")},
        ),
        # A plural noun gathers the places just named.
        (
            "Insurgents seized Islam Qala and Torghundi. Officials said efforts to recapture "
            "the crossings were under way.",
            {
                ("Islam", "taliban"),
                ("Torghundi", "taliban"),
                ("Islam", "contested"),
                ("Torghundi", "contested"),
            },
        ),
        # A passive defeat in named districts: the defenders hold them.
        (
            "Insurgents have been defeated in Khulm and Kohsan districts, he added.",
            {("Khulm", "government"), ("Kohsan", "government")},
        ),
    ],
)
def test_lists_and_plural_references(claims_of, text, expected):
    assert claims_of(text) == expected


def test_districts_of_a_list_are_districts(gazetteer):
    from geomap.extract.places import places_from_text

    text = "Then the districts of Chahar Dara, Dasht-i-Archi and Khanabad fell."
    assert {p.kind for p in places_from_text(text, gazetteer)} == {"district"}


def test_a_list_split_by_dates_shares_the_verb(claims_of):
    text = "Insurgents captured Almar on Monday and Shortepa on Wednesday."
    assert claims_of(text) == {("Almar", "taliban"), ("Shortepa", "taliban")}


def test_the_entire_city_is_the_city_named_before(claims_of):
    text = "Insurgents entered Khulm on Sunday. By Monday they controlled the entire town."
    assert claims_of(text) == {("Khulm", "contested"), ("Khulm", "taliban")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the town" is the latest town, a crossing town too
        (
            "Insurgents took Khulm on Monday and Spin Boldak on Tuesday. "
            "Commandos tried to retake the town on Wednesday but failed.",
            {("Khulm", "taliban"), ("Spin", "taliban")},
        ),
        # "it", with time adverbs after the verb, is the place just claimed
        (
            "Government forces retook Khulm in Balkh province. It was lost again on Monday.",
            {("Khulm", "government"), ("Khulm", "taliban")},
        ),
    ],
)
def test_a_back_reference_finds_the_latest_place_of_its_kind(claims_of, text, expected):
    assert claims_of(text) == expected


def test_all_three_cities_are_the_last_three_named(claims_of):
    text = (
        "Insurgents seized Kunduz on Sunday. By evening they had also overrun Taloqan, the "
        "capital of Takhar, where government forces surrendered after a short battle, and "
        "they were pushing into Sar-e Pul, witnesses said. Officials, who declined to give "
        "figures, said fighting was still going on in all three cities."
    )
    contested = {place for place, status in claims_of(text) if status == "contested"}
    assert contested == {"Kunduz", "Taloqan", "Sar-e"}
    # a count names no more places than it counts
    text = "Insurgents seized Khulm and Aybak. Fighting continued in all three cities."
    assert {status for _place, status in claims_of(text)} == {"taliban"}


def test_both_districts_are_the_last_two_named(claims_of):
    text = (
        "Militias push back insurgents in Jawzjan, Sar-e-Pul\n\nSHEBERGHAN — Militias have "
        "driven the insurgents out of Khamyab and Qarqin districts.\n\nThe insurgents had "
        "overrun both districts last month."
    )
    taken = {place for place, status in claims_of(text) if status == "taliban"}
    assert taken == {"Khamyab", "Qarqin"}


def test_resisting_an_attack_is_a_fight(claims_of):
    assert claims_of("Police are still resisting the insurgents in Sholgara.") == {
        ("Sholgara", "contested")
    }
    assert claims_of("Elders resisted calls to hand over Sholgara.") == set()


def test_the_city_is_the_one_the_story_is_about(said):
    text = (
        "Insurgents capture Sheberghan\n\nSHEBERGHAN — Insurgents captured Sheberghan on "
        "Saturday, a day after seizing Zaranj. The deputy governor said the city had been "
        "completely taken."
    )
    assert ("Sheberghan", "taliban", "government") in said(text)
    assert ("Zaranj", "taliban", "government") not in said(text)


def test_it_in_the_next_sentence_is_the_place_just_claimed(claims_of):
    text = "Almar fell to insurgents on Monday.\n\nThe army retook it on Wednesday."
    assert claims_of(text) == {("Almar", "taliban"), ("Almar", "government")}


def test_pushing_them_back_holds_the_place_they_attacked(claims_of):
    text = "Militants stormed Almar before dawn.\n\nPolice drove them back within hours."
    assert claims_of(text) == {("Almar", "contested"), ("Almar", "government")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Almar fell on Monday, Shortepa on Tuesday and Sholgara on Thursday.",
            {("Almar", "taliban"), ("Shortepa", "taliban"), ("Sholgara", "taliban")},
        ),
        (
            "Neither Almar nor Shortepa has fallen.",
            {("Almar", "government"), ("Shortepa", "government")},
        ),
        (
            "Almar has been captured, and so has Shortepa.",
            {("Almar", "taliban"), ("Shortepa", "taliban")},
        ),
        (
            "Almar fell on Monday, and Shortepa followed two days later.",
            {("Almar", "taliban"), ("Shortepa", "taliban")},
        ),
        (
            "Sholgara collapsed overnight, and Dehdadi soon followed suit.",
            {("Sholgara", "taliban"), ("Dehdadi", "taliban")},
        ),
    ],
)
def test_a_verb_shared_across_a_list(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Taliban captured Sozma Qala district and the provincial capital, Sar-e-Pul.",
        "The Taliban captured Sozma Qala district and the city of Sar-e-Pul.",
    ],
)
def test_a_member_named_after_its_description_is_still_a_member(claims_of, sentence):
    assert claims_of(sentence) == {("Sozma", "taliban"), ("Sar-e-Pul", "taliban")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Insurgents overran Nawur, the main town on the highway, and Chora.",
        "Insurgents overran Nawur, a district long under pressure, as well as Chora.",
        # a place adverbial said of one member
        "Insurgents overran Nawur on the main highway and Chora near the river.",
        "Insurgents overran Nawur in the north and Chora in the south.",
        "Insurgents overran Nawur, on the border with Iran, and Chora.",
    ],
)
def test_an_apposition_inside_a_list_does_not_end_it(claims_of, sentence):
    assert claims_of(sentence) == {("Nawur", "taliban"), ("Chora", "taliban")}


@pytest.mark.parametrize(
    "second",
    [
        "They include Nawur, Chora and Khulm.",
        "Among them were Nawur, Chora and Khulm.",
    ],
)
def test_a_verbless_list_in_the_next_sentence_shares_the_event(claims_of, second):
    claims = claims_of(f"Twelve districts fell to the insurgents overnight. {second}")
    assert claims == {("Nawur", "taliban"), ("Chora", "taliban"), ("Khulm", "taliban")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Kunduz became the third provincial capital to fall, after Zaranj and Sheberghan.",
            {("Kunduz", "taliban"), ("Zaranj", "taliban"), ("Sheberghan", "taliban")},
        ),
        (
            "Losing Khulm makes it the fourth district in Balkh province to be captured "
            "since June, after Chimtal and Dehdadi.",
            {("Khulm", "taliban"), ("Chimtal", "taliban"), ("Dehdadi", "taliban")},
        ),
        # "after" an event, not a list of earlier outcomes
        (
            "Kunduz was the third city to fall, after the insurgents attacked Khan Abad.",
            {("Kunduz", "taliban"), ("Khan", "contested")},
        ),
        # the ranked one unnamed: the ones before it are named
        (
            "It is the third district in Balkh to fall this week, after Chimtal and Dehdadi.",
            {("Chimtal", "taliban"), ("Dehdadi", "taliban")},
        ),
        # an aim to be first is no outcome
        ("The insurgents hope to be the first to capture Kunduz.", set()),
    ],
)
def test_a_ranked_outcome_counts_the_places_before_it(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Only Sheberghan, the provincial capital, and two other districts remain in army hands.",
        "Sheberghan, the provincial capital, and a few districts are still held by the army.",
    ],
)
def test_a_subject_joined_to_unnamed_units_across_an_apposition(claims_of, sentence):
    assert claims_of(sentence) == {("Sheberghan", "government")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a fronted phrase's comma ends it: no list with the subject after it
        (
            "Despite the fall of Kunduz, Khan Abad remains under government control.",
            {("Kunduz", "taliban"), ("Khan", "government")},
        ),
        (
            "After the fall of Kunduz, Khan Abad, Imam Sahib and Chahar Dara were captured.",
            {
                ("Kunduz", "taliban"),
                ("Khan", "taliban"),
                ("Imam", "taliban"),
                ("Chahar", "taliban"),
            },
        ),
    ],
)
def test_a_fronted_phrase_is_no_list_with_the_subject(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Sheberghan held out for three days before falling to the Taliban.",
        "Sheberghan was besieged for a month before surrendering on Friday.",
    ],
)
def test_a_time_adjunct_verb_shares_the_main_subject(claims_of, sentence):
    assert ("Sheberghan", "taliban") in claims_of(sentence)


def test_a_list_between_dashes_is_the_subject(claims_of):
    text = "Three districts of Faryab — Almar, Qaisar and Gurziwan — have fallen to the militants."
    assert claims_of(text) == {("Almar", "taliban"), ("Qaisar", "taliban"), ("Gurziwan", "taliban")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Almar fell, but Qaisar held out.", {("Almar", "taliban"), ("Qaisar", "government")}),
        (
            "In addition to Almar, Qaisar also fell on Monday.",
            {("Almar", "taliban"), ("Qaisar", "taliban")},
        ),
    ],
)
def test_a_place_that_held_out_and_one_fallen_in_addition(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_all_three_districts_are_the_three_named_before_not_a_tally(claims_of):
    text = (
        "Fighting raged in Qaisar, Almar and Kohistan districts. A Taliban spokesman said "
        "the group's fighters remained in full control of all three districts."
    )
    assert claims_of(text) == {
        ("Qaisar", "contested"),
        ("Almar", "contested"),
        ("Kohistan", "contested"),
        ("Qaisar", "taliban"),
        ("Almar", "taliban"),
        ("Kohistan", "taliban"),
    }
    # a count with no determiner is a tally of units, not those named
    tally = "Fighting raged in Qaisar. The Taliban said they controlled three districts."
    assert claims_of(tally) == {("Qaisar", "contested")}


def test_a_place_with_its_surroundings_after_an_apposition_is_the_subject(claims_of):
    text = "Only Kunduz, the provincial capital, and its surroundings remain with the government."
    assert claims_of(text) == {("Kunduz", "government")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a part of a place as the object's second conjunct: that place is fought over
        (
            "The insurgents seized the district of Arghistan and parts of Maruf overnight.",
            {("Arghistan", "taliban"), ("Maruf", "contested")},
        ),
        (
            "Troops recaptured Arghistan and several villages in Maruf.",
            {("Arghistan", "government"), ("Maruf", "contested")},
        ),
        # a whole place as the second conjunct is taken whole
        (
            "The insurgents seized Arghistan and Maruf.",
            {("Arghistan", "taliban"), ("Maruf", "taliban")},
        ),
    ],
)
def test_a_part_of_a_second_place_in_the_object(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an apposition between dashes keeps the subject (and is no dateline)
        (
            "Khulm district - one of the 14 districts of Balkh - fell on Monday.",
            {("Khulm", "taliban")},
        ),
        ("Khulm – a key district on the highway – fell to the Taliban.", {("Khulm", "taliban")}),
        # a time between commas after "and" keeps the list
        (
            "Taliban fighters seized Khulm and, a day later, Aybak.",
            {("Khulm", "taliban"), ("Aybak", "taliban")},
        ),
    ],
)
def test_dashes_and_a_time_between_commas_keep_the_subject_and_the_list(
    claims_of, sentence, expected
):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # one of a ranked group of outcomes
        ("Khulm was one of the first districts to fall.", {("Khulm", "taliban")}),
        ("Khulm was among the first districts to fall to the Taliban.", {("Khulm", "taliban")}),
        ("Khulm would be one of the first districts to fall.", set()),
        # among units a participle describes
        ("Khulm was among several districts retaken by commandos.", {("Khulm", "government")}),
        (
            "Khulm and Aybak were among the towns captured by the Taliban on Monday.",
            {("Khulm", "taliban"), ("Aybak", "taliban")},
        ),
    ],
)
def test_one_of_the_places_an_outcome_counts(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the places after "including" are the posts themselves, taken whole
        (
            "The Taliban have taken over several border posts, including Islam Qala and Torghundi.",
            {("Islam", "taliban"), ("Torghundi", "taliban")},
        ),
        # (but "one in X" is a post inside X: X is fought over)
        ("The Taliban took two checkpoints, including one in Kushk.", {("Kushk", "contested")}),
        # a neighbour abroad that locates a member does not end the list
        (
            "The insurgents seized Islam Qala near Iran and Torghundi near Turkmenistan.",
            {("Islam", "taliban"), ("Torghundi", "taliban")},
        ),
    ],
)
def test_members_of_a_plural_object_and_members_located_abroad(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_a_member_the_gazetteer_lacks_keeps_the_list_and_its_province_locates(claims_of):
    text = (
        "Since May, the insurgents have captured more than 50 districts, including "
        "Dand-e Ghori in Baghlan and Bilchiragh in Faryab."
    )
    assert claims_of(text) == {("Bilchiragh", "taliban")}


def test_a_list_announced_by_a_colon_with_a_time_before_it(claims_of):
    text = "The government has lost three districts since Friday: Kahmard, Saighan and Jalrez."
    assert claims_of(text) == {
        ("Kahmard", "taliban"),
        ("Saighan", "taliban"),
        ("Jalrez", "taliban"),
    }


def test_bulleted_items_of_a_list_announced_before_each_take_its_claim(claims_of):
    text = (
        "Districts lost by the government since Friday:\n"
        "• Kahmard (Bamyan)\n"
        "• Tala wa Barfak (Baghlan)\n\n"
        "Districts recaptured:\n"
        "- Ghormach (Faryab)\n"
    )
    assert claims_of(text) == {
        ("Kahmard", "taliban"),
        ("Tala", "taliban"),
        ("Ghormach", "government"),
    }


def test_a_last_member_with_an_apposition_and_a_verb_of_its_own_leaves_the_list(claims_of):
    text = (
        "The insurgents had seized Shir Khan Bandar, the crossing to Tajikistan, and "
        "Hairatan, on the Uzbek border, was under threat."
    )
    assert claims_of(text) == {("Shir", "taliban"), ("Hairatan", "contested")}
    # (an apposition on the last member with no verb of its own keeps it in the list)
    text = "The Taliban seized Khulm, Aybak and Kushk, a district of Herat, on Monday."
    assert claims_of(text) == {("Khulm", "taliban"), ("Aybak", "taliban"), ("Kushk", "taliban")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a place after "and" with a verb of its own starts the next clause: no member of
        # the list before
        (
            "Officials said Khulm was under attack and Kunduz had fallen.",
            {("Khulm", "contested"), ("Kunduz", "taliban")},
        ),
        ("Khulm was under attack and Kunduz was quiet.", {("Khulm", "contested")}),
        (
            "Clashes broke out in Khulm and Kunduz fell.",
            {("Khulm", "contested"), ("Kunduz", "taliban")},
        ),
        (
            "The Taliban attacked Khulm and Kunduz fell.",
            {("Khulm", "contested"), ("Kunduz", "taliban")},
        ),
        (
            "Commandos retook Khulm and Kunduz was then lost.",
            {("Khulm", "government"), ("Kunduz", "taliban")},
        ),
        # (the verb of the whole phrase, not the last member's)
        (
            "A drive to recapture the districts of Khulm and Kunduz has stalled.",
            {("Khulm", "taliban"), ("Kunduz", "taliban")},  # (a stalled retaking)
        ),
        (
            "Clashes broke out in Khulm and Kunduz on Monday.",
            {("Khulm", "contested"), ("Kunduz", "contested")},
        ),
    ],
)
def test_a_member_with_a_verb_of_its_own_starts_the_next_clause(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the names apposed to "all but two" are the two: they did not fall
        (
            "All but two of Balkh's districts, Khulm and Kaldar, have fallen.",
            {("Khulm", "government"), ("Kaldar", "government")},
        ),
        # (named after the verb, they are among those that did)
        (
            "All but two districts have fallen, Khulm and Kaldar among them.",
            {("Khulm", "taliban"), ("Kaldar", "taliban")},
        ),
    ],
)
def test_names_apposed_to_all_but_are_the_exceptions(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Taliban took Khulm, then Kaldar.",
        "The Taliban took Khulm and then Kaldar.",
        "The Taliban took Khulm as well as neighbouring Kaldar.",
    ],
)
def test_a_member_after_then_shares_the_verb(claims_of, sentence):
    assert claims_of(sentence) == {("Khulm", "taliban"), ("Kaldar", "taliban")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ", followed by Y": the same outcome at another place
        (
            "Khulm fell on Monday, followed by Kaldar on Tuesday.",
            {("Khulm", "taliban"), ("Kaldar", "taliban")},
        ),
        (
            "Commandos retook Khulm, followed by the capture of Kaldar.",
            {("Khulm", "government"), ("Kaldar", "government")},
        ),
        # (not what followed at another place: "a wave of arrests in Y")
        ("Khulm fell on Monday, followed by a wave of arrests in Kaldar.", {("Khulm", "taliban")}),
    ],
)
def test_followed_by_another_place_shares_the_outcome(claims_of, sentence, expected):
    assert claims_of(sentence) == expected
