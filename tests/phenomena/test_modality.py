"""Classes 12, 13 and 15-16: hypothetical, prevented and negated outcomes; people captured."""

import pytest


@pytest.mark.parametrize(
    "sentence",
    [
        "Were it to be taken, Mehtarlam would be the first provincial capital lost.",
        "The army rushed troops in to stop the fall of Asadabad.",
        "A militant weapons facilitator was captured in Kunar province.",
        "The district was handed over without a fight to the garrison in Farah.",
        "Officials warned the Taliban could soon overrun Khulm.",
        "The fall of Khulm would open the road to Mazar-i-Sharif.",
        "The capture of Asadabad could take the insurgents weeks.",
    ],
)
def test_no_claim_for_what_did_not_happen(claims_of, sentence):
    assert {s for _p, s in claims_of(sentence)} <= {"government"}
    assert not any(s == "taliban" for _p, s in claims_of(sentence))


def test_negation_turns_the_outcome_round(claims_of):
    assert claims_of("Khulm has not fallen, the governor said.") == {("Khulm", "government")}


def test_a_place_said_to_be_secure_is_held_by_the_side_saying_so(said):
    assert said("Sharana remains secure, the army corps spokesman said.") == {
        ("Sharana", "government", "government")
    }
    assert said("Sharana is not secure, the governor warned.") == set()


def test_our_control_belongs_to_the_speaker(claims_of):
    assert claims_of("Sharana is under our control, the army corps spokesman insisted.") == {
        ("Sharana", "government")
    }
    assert claims_of("Sharana is under our control, a Taliban spokesman said.") == {
        ("Sharana", "taliban")
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # History: a year before the article's own (2021) dates an old event.
        ("The Taliban overran Kunduz in 2015.", set()),
        ("Insurgents captured Khulm in 2021.", {("Khulm", "taliban")}),
        # a relative clause's history is its own; the state the main clause reports is now
        (
            "Khulm, which the army retook in 2016, is again in Taliban hands.",
            {("Khulm", "taliban")},
        ),
        ("In 2016 the army retook Khulm, which is now in Taliban hands.", {("Khulm", "taliban")}),
        (
            "Khulm, which the army retook last year, is again in Taliban hands.",
            {("Khulm", "taliban")},
        ),
        # an event told after one of that year is history too
        ("Kunduz, which the Taliban overran in 2015, was retaken within weeks.", set()),
        # A fall not yet reached.
        ("Badghis is on the cusp of falling to the insurgents.", set()),
    ],
)
def test_history_and_prospects_are_not_news(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_an_incursion_denied_leaves_the_place_with_the_other_side(claims_of):
    assert claims_of("Militants have not entered Sholgara, a police spokesman said.") == {
        ("Sholgara", "government")
    }
    assert claims_of("Militants broke into Sholgara before dawn.") == {("Sholgara", "contested")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sholgara became the latest district to fall.", {("Sholgara", "taliban")}),
        ("Zaranj was the first provincial capital to fall.", {("Zaranj", "taliban")}),
        ("Zaranj could be the first provincial capital to fall.", set()),
        ("Zaranj is the next to fall, officials fear.", set()),
    ],
)
def test_the_first_to_fall_fell_the_next_has_not(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "No fighting has been reported in Shortepa since the truce.",
        "Almar has seen no major clashes this year.",
    ],
)
def test_fighting_that_did_not_happen_is_no_claim(claims_of, sentence):
    assert claims_of(sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a habit said in an appositive or relative clause leaves the main verb's news
        ("Sholgara, a militant bastion for years, was retaken by commandos.", "government"),
        ("Dehdadi, the birthplace of a famous poet, fell to insurgents on Friday.", "taliban"),
        ("The militants, who have long roamed the hills, overran Almar on Friday.", "taliban"),
        # said of the clause itself, it is still a habit
        ("The insurgents have long raided Almar.", None),
        ("Militants have attacked Almar regularly for years.", None),
        ("Over the years, militants seized Shortepa again and again.", None),
        # the state before the news: "previously", "formerly"
        ("Almar and Shortepa were previously under government control.", None),
        ("Almar, previously held by the army, fell to insurgents on Friday.", "taliban"),
    ],
)
def test_a_habit_is_read_in_its_own_clause(claims_of, sentence, expected):
    assert {s for _p, s in claims_of(sentence)} == ({expected} if expected else set())


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a state that has lasted for years is a state now (a habit of events is not)
        ("Insurgents have long controlled Almar.", "taliban"),
        ("Shortepa has been held by the insurgents for years.", "taliban"),
        ("For years, the army has held Khulm.", "government"),
        ("Khulm has been under government control for decades.", "government"),
        # the past ends it
        ("Khulm was formerly held by the insurgents.", None),
        # "before" closing the sentence: once, in the past; "the day before" is a day
        ("Kunduz has fallen before.", None),
        ("Kunduz fell on Sunday; Khulm had fallen the day before.", "taliban"),
    ],
)
def test_a_state_that_has_lasted_for_years_still_holds(claims_of, sentence, expected):
    assert {s for _p, s in claims_of(sentence)} == ({expected} if expected else set())


def test_calling_the_last_claim_false_denies_it(said):
    text = (
        "A militant commander said his men had seized Almar.\n\n"
        "The provincial governor said the claim was untrue."
    )
    assert said(text) == {("Almar", "taliban", "taliban"), ("Almar", "government", "government")}


def test_a_denial_naming_one_of_the_places_answers_for_that_one(said):
    text = (
        "Commandos retook Almar and Qaisar on Monday, the army said. The Taliban rejected the "
        "claim, saying their fighters still held Qaisar."
    )
    assert said(text) == {
        ("Almar", "government", "government"),
        ("Qaisar", "government", "government"),
        ("Qaisar", "taliban", "taliban"),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("According to the insurgents, Sholgara is now under their control.", "taliban"),
        ("Government troops insist Sholgara remains under their firm control.", "government"),
        # a possessive pronoun standing alone
        ("The insurgents said on Twitter that Sholgara was still theirs.", "taliban"),
        ('"Sholgara remains ours," an army spokesman said.', "government"),
        ('"Sholgara is ours," a Taliban spokesman said.', "taliban"),
    ],
)
def test_their_control_is_the_side_named_before(claims_of, sentence, expected):
    assert {s for _p, s in claims_of(sentence)} == {expected}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # unnamed reports are a third party's word, denied by whoever calls them false
        (
            "Reports that insurgents had overrun Almar were untrue, the provincial governor said.",
            {("Almar", "government", "government"), ("Almar", "taliban", "third-party")},
        ),
        (
            "A ministry spokesman rejected reports that insurgents had overrun Almar.",
            {("Almar", "government", "government"), ("Almar", "taliban", "third-party")},
        ),
        (
            "The militants' claim that they had seized Almar was false, officials said.",
            {("Almar", "taliban", "taliban"), ("Almar", "government", "government")},
        ),
    ],
)
def test_a_report_called_false_is_denied_by_who_says_so(said, sentence, expected):
    assert said(sentence) == expected


def test_a_claim_dismissed_by_someone_is_theirs_to_deny(said):
    text = "The militants' claims to have seized Almar were dismissed as propaganda by officials."
    assert said(text) == {("Almar", "taliban", "taliban"), ("Almar", "government", "government")}


def test_a_passive_in_quotation_marks_is_still_passive(said):
    assert said('Almar was "liberated", the militants said in a statement.') == {
        ("Almar", "taliban", "taliban")
    }


def test_a_relative_clause_that_denies_names_its_denier(said):
    text = "The militants claimed to have taken Almar, which the provincial governor denied."
    assert said(text) == {("Almar", "taliban", "taliban"), ("Almar", "government", "government")}


def test_what_a_side_can_or_cannot_do_has_not_happened(claims_of):
    assert claims_of("The Taliban can take Khulm within days, officials warned.") == set()
    # "cannot enter" is a negated entry: the place stays with the other side
    assert claims_of("Officials said the Taliban cannot enter Khulm.") == {("Khulm", "government")}


def test_a_negated_verb_of_its_own_does_not_negate_the_event(claims_of):
    # "not" belongs to "confirm": the capture itself is reported, only unconfirmed
    assert claims_of("Officials did not confirm the capture of Khulm.") == {("Khulm", "taliban")}
    assert claims_of("Khulm has not yet fallen, the governor said.") == {("Khulm", "government")}


def test_rejecting_the_last_claim_then_saying_the_opposite(said):
    assert said(
        "The Taliban said they had seized Andkhoy district. The defence ministry rejected "
        "this, saying the district remained under government control."
    ) == {("Andkhoy", "taliban", "taliban"), ("Andkhoy", "government", "government")}
    # a rejection whose content follows it still denies what follows
    assert said("A ministry official rejected claims that insurgents had captured Andkhoy.") == {
        ("Andkhoy", "government", "government")
    }


def test_an_effort_to_retake_a_place_a_few_words_on_is_still_an_effort(claims_of):
    assert claims_of("Officials said reinforcements had been sent to retake Shortepa.") == {
        ("Shortepa", "contested")
    }


def test_a_side_denying_claims_beside_its_own_hold_does_not_deny_the_hold(said):
    # a side denies the other side's gains and its own losses, never its own hold
    claims = said(
        "\"Nawur is fully under the control of the mujahideen and the enemy's claims are "
        "baseless,\" the group's spokesman said."
    )
    assert claims == {("Nawur", "taliban", "taliban")}
    assert said("The ministry denied reports that Nawur had fallen to the insurgents.") >= {
        ("Nawur", "government", "government")
    }


def test_a_denial_that_did_not_happen_denies_nothing(said):
    claims = said("Insurgents claimed to have taken Nawur. Officials have not denied the claim.")
    assert claims == {("Nawur", "taliban", "taliban")}
    assert ("Nawur", "government", "government") not in said(
        "Officials did not deny that insurgents had captured Nawur."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Nawur was partly under insurgent control on Monday.",
        "Nawur was partially retaken by commandos.",
        "The insurgents partly captured Nawur.",
    ],
)
def test_a_partial_capture_or_hold_is_contested(claims_of, sentence):
    assert claims_of(sentence) == {("Nawur", "contested")}


def test_a_denial_in_apposition_denies_the_event_right_before_it(said):
    claims = said(
        "The army said its troops had repelled insurgent attacks near Nawur and had retaken "
        "Chora, a claim the insurgents denied."
    )
    assert ("Nawur", "taliban", "taliban") not in claims
    assert ("Chora", "taliban", "taliban") in claims
    # the conjunct's subject is the reported clause's, not the speaker
    assert said("The army said the insurgents attacked its posts and had captured Chora.") == {
        ("Chora", "taliban", "government")
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('"Nawur is ours," the Taliban spokesman said.', {("Nawur", "taliban", "taliban")}),
        ('"Nawur is still ours," the governor said.', {("Nawur", "government", "government")}),
    ],
)
def test_ours_is_the_speakers(said, sentence, expected):
    assert said(sentence) == expected


def test_a_month_and_an_earlier_year_is_history(claims_of):
    text = "The fall of Chora is their biggest gain since they took Nawur in May 2020."
    assert ("Nawur", "taliban") not in claims_of(text)  # the fixture publishes in July 2021


def test_an_effort_to_retake_after_the_loss_is_its_own_claim(claims_of):
    assert claims_of(
        "Troops withdrew from Nawur, but efforts were under way to retake the district."
    ) == {("Nawur", "taliban"), ("Nawur", "contested")}
    # fighting that led to the outcome gives way to it
    assert claims_of("Insurgents attacked and overran Nawur.") == {("Nawur", "taliban")}


def test_a_denial_may_name_the_border_town_as_the_crossing(said):
    text = (
        "Insurgents captured the border town of Spin Boldak on Wednesday.\n\n"
        "Officials in Kabul denied the crossing had fallen."
    )
    assert said(text) == {
        ("Spin", "taliban", "reporter"),
        ("Spin", "government", "government"),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # fighting that goes on after the outcome keeps the place fought over
        (
            "Insurgents captured Khulm on Monday, but fighting continues on its outskirts.",
            {("Khulm", "taliban"), ("Khulm", "contested")},
        ),
        (
            "Commandos raised the flag over Khulm, but were still carrying out mopping-up "
            "operations.",
            {("Khulm", "government"), ("Khulm", "contested")},
        ),
        # fighting that led to the outcome is only its way there
        ("Insurgents attacked and captured Khulm.", {("Khulm", "taliban")}),
    ],
)
def test_fighting_that_goes_on_after_an_outcome_is_kept(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a siege that ended: the place held out
        ("The siege of Khulm was lifted after airstrikes.", {("Khulm", "government")}),
        ("The insurgents' siege of Khulm has been broken.", {("Khulm", "government")}),
        # a siege going on, or fighting that ended: still fought over, or nothing said
        ("The siege of Khulm continues.", {("Khulm", "contested")}),
        ("Fighting in Khulm ended on Monday.", {("Khulm", "contested")}),
    ],
)
def test_a_siege_that_ended_leaves_the_place_with_its_defenders(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_a_state_and_a_part_held_by_the_other_side_are_both_kept(claims_of):
    sentence = "Saghar is under government control, although insurgents hold large parts of it."
    assert claims_of(sentence) == {("Saghar", "government"), ("Saghar", "contested")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an outcome nearly reached, or reached only briefly, is a fight for the place
        ("Almar was nearly overrun on Monday.", {("Almar", "contested")}),
        ("Almar almost fell to the insurgents.", {("Almar", "contested")}),
        ("Almar was briefly captured by insurgents on Monday.", {("Almar", "contested")}),
        ("The insurgents briefly held Almar before being driven out.", {("Almar", "government")}),
        # a denial in other words
        (
            "There is no truth to reports that Almar has fallen, the governor said.",
            {("Almar", "government")},
        ),
    ],
)
def test_nearly_briefly_and_no_truth(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "to" as a preposition opens no aim: what follows happened
        ("Thousands have been displaced due to clashes in Almar.", {("Almar", "contested")}),
        ("In response to the fall of Almar, the army sent reinforcements.", {("Almar", "taliban")}),
        # "to" opening an aim still does
        ("The army sent troops to retake Almar.", {("Almar", "contested")}),
        ("Almar is the next to fall, officials fear.", set()),
    ],
)
def test_to_as_a_preposition_is_no_aim(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_ringing_a_place_is_a_siege(claims_of):
    assert claims_of("The Taliban have ringed the city of Kunduz.") == {("Kunduz", "contested")}
    assert claims_of("Church bells ring in Kunduz.") == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a base in a district is a part of it: the district is fought over
        ("The insurgents overran an army base in Khulm.", {("Khulm", "contested")}),
        # a whole held but for its seat is not yet taken
        (
            "The Taliban now control all of Khulm except the district centre.",
            {("Khulm", "contested")},
        ),
        # a named exception is the other side's, the whole is taken
        (
            "The Taliban control all of Balkh except Khulm.",
            {("Balkh", "taliban"), ("Khulm", "government")},
        ),
        # threatening a place is a fight for it; threatening to take it is not yet
        ("The Taliban now threaten Khulm.", {("Khulm", "contested")}),
        ("The Taliban threaten to capture Khulm.", set()),
    ],
)
def test_parts_seats_and_threats(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_a_denial_whose_content_follows_denies_only_that(said):
    sentence = (
        "The police chief said Muqur had been evacuated on Tuesday, but denied that Qadis "
        "had fallen."
    )
    assert said(sentence) == {
        ("Muqur", "taliban", "government"),
        ("Qadis", "government", "government"),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Khulm has been cut off by the Taliban.", {("Khulm", "contested")}),
        ("Government forces are battling the Taliban in Khulm.", {("Khulm", "contested")}),
        ("The Taliban have made inroads into Khulm.", {("Khulm", "contested")}),
        ("Khulm is now a frontline district.", {("Khulm", "contested")}),
        # a decade gone by is history
        ("The Taliban captured Khulm in the late 1990s.", set()),
        (
            "Jawzjan is the home of a commander whose militia fought the Taliban in the 1990s.",
            set(),
        ),
    ],
)
def test_more_ways_to_say_a_place_is_fought_over(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "yet to" is a negation of what follows it
        ("Khulm has yet to fall.", {("Khulm", "government")}),
        ("The army has yet to retake Khulm.", {("Khulm", "taliban")}),
        # "but not Y": the same verb, denied of Y
        ("Khulm fell, but not Aybak.", {("Khulm", "taliban"), ("Aybak", "government")}),
        (
            "The Taliban captured Khulm but not Aybak.",
            {("Khulm", "taliban"), ("Aybak", "government")},
        ),
        # an outcome that did not happen leaves the fight standing
        (
            "Khulm remains under siege but has not fallen.",
            {("Khulm", "contested"), ("Khulm", "government")},
        ),
    ],
)
def test_yet_to_but_not_and_a_fight_beside_a_denied_outcome(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a side still inside a place holds it; the side contradicted does not say so
        (
            "Afghan forces are still in Khulm, contrary to what the Taliban say.",
            {("Khulm", "government", "reporter")},
        ),
        ("Government troops remained inside Khulm.", {("Khulm", "government", "reporter")}),
    ],
)
def test_still_there_and_contrary_to_what_a_side_says(said, sentence, expected):
    assert said(sentence) == expected


def test_a_purpose_after_a_withdrawal_does_not_make_it_hypothetical(claims_of):
    text = "Afghan forces pulled out of Khulm to avoid civilian casualties."
    assert claims_of(text) == {("Khulm", "taliban")}
    assert claims_of("The fall of Khulm would be a blow.") == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Khulm is far from falling, the governor said.", {("Khulm", "government")}),
        ("Khulm, far from Kabul, fell on Sunday.", {("Khulm", "taliban")}),  # a distance
    ],
)
def test_far_from_a_verb_negates_it(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    "text",
    [
        "An earlier version of this story said Khulm district was under Taliban control.",
        "A previous version of this article incorrectly said that the Taliban had taken Khulm.",
        "Officials wrongly said Khulm had fallen.",
    ],
)
def test_a_report_taken_back_makes_no_claim(claims_of, text):
    assert claims_of(text) == set()


def test_a_correction_keeps_what_it_says_now(claims_of):
    text = (
        "An earlier version of this story said Khulm had fallen. In fact, Afghan forces "
        "retook the district on Monday."
    )
    assert claims_of(text) == {("Khulm", "government")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Taliban are preparing an assault on Khulm.",
        "A planned offensive on Khulm was called off.",
        "The insurgents were planning attacks on Khulm.",
    ],
)
def test_a_planned_attack_is_no_fight_yet(claims_of, sentence):
    assert claims_of(sentence) == set()


def test_a_plan_to_retake_still_says_the_other_side_holds_it(claims_of):
    # (an attempt, planned or not, is a fight for the place: as before)
    assert claims_of("The army plans to retake Khulm.") == {("Khulm", "contested")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stalled retaking leaves the place with the side that took it
        ("Efforts to retake Kaldar have stalled.", {("Kaldar", "taliban")}),
        (
            "A government counter-offensive to retake Kaldar ground to a halt.",
            {("Kaldar", "taliban")},
        ),
        (
            "The Taliban hold Kaldar. A counteroffensive to retake it stalled within days.",
            {("Kaldar", "taliban")},
        ),
        # an attack that failed, with nobody named, leaves it with the defender
        ("Attempts to capture Kaldar failed.", {("Kaldar", "government")}),
    ],
)
def test_a_stalled_attempt_leaves_the_place_where_it_was(claims_of, text, expected):
    assert claims_of(text) == expected
