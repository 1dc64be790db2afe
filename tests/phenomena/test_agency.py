"""Class 3 and 4: status follows from who acted (agent × action), in any tense."""

import pytest


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Special forces were able to reclaim Shortepa late on Tuesday.", "government"),
        ("Soldiers left Qaysar overnight after running short of supplies.", "taliban"),
        ("Militants regained control of Khan Abad two days later.", "taliban"),
        ("The militants retreated from Dehdadi after heavy losses.", "government"),
        ("Almar falls to insurgents; clashes go on elsewhere.", "taliban"),
        ("Border police beat back an attack on the outskirts of Zaranj.", "government"),
        ("Local militias turned back a Taliban assault on Zaranj overnight.", "government"),
        ("Afghan forces clawed back Zaranj on Thursday.", "government"),
        ("Insurgents were seen patrolling the streets of Zaranj on Friday.", "taliban"),
        ("Insurgents pushed deep into Zaranj on Friday.", "contested"),
        ("Border police withdrew to Farah after losing Zaranj.", "taliban"),
        ("Security forces temporarily relocated from Qaisar district.", "taliban"),
        ("Zaranj remains under a month-long insurgent attack.", "contested"),
        ("Insurgents turned back an army offensive against Zaranj.", "taliban"),
        ("Commandos pushed back a Taliban offensive against Mehtarlam.", "government"),
        ("Fighters seized the district building in Sholgara.", "taliban"),
    ],
)
def test_agent_and_action_decide_the_status(claims_of, sentence, status):
    assert {s for _p, s in claims_of(sentence)} == {status}


def test_swapping_the_actor_synonym_keeps_the_status(claims_of):
    for actor in ("The Taliban", "Insurgents", "Militants", "Taliban fighters"):
        assert claims_of(f"{actor} captured Khulm district.") == {("Khulm", "taliban")}
    for actor in ("Afghan forces", "Commandos", "Government troops", "The army"):
        assert claims_of(f"{actor} captured Khulm district.") == {("Khulm", "government")}


def test_foreign_forces_leaving_a_base_is_no_claim(claims_of):
    assert claims_of("US forces left Bagram air base last week.") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Her family fled their home in Sholgara when the shooting began.",
        # a capital named as a place does not stand for its government there
        "Speaking in western Kabul, a farmer described how neighbours fled Sholgara.",
    ],
)
def test_people_fleeing_are_no_side(claims_of, sentence):
    assert claims_of(sentence) == set()


def test_a_relative_clause_acts_through_the_phrase_it_follows(claims_of):
    # the elder fled, not the militants named at the start of the sentence
    sentence = "The militants hold Sholgara, according to an elder who fled Chimtal last week."
    assert claims_of(sentence) == {("Sholgara", "taliban")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # An active verb's object follows it: a place before it is only the scene.
        ("Herat residents watched as insurgents captured the outpost.", set()),
        ("Officials in Kunduz said insurgents seized Khulm.", {("Khulm", "taliban")}),
        # ... unless a relative clause puts the object first.
        ("Khulm, which insurgents captured on Sunday, is quiet.", {("Khulm", "taliban")}),
        # A passive relative clause: its subject is the antecedent, wherever that stands.
        ("Shops reopened in Khulm, which was retaken by commandos.", {("Khulm", "government")}),
        ("In Khulm, which was overrun by militants, shops are shut.", {("Khulm", "taliban")}),
    ],
)
def test_the_object_of_an_active_verb_follows_it(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_headlines_give_places_but_the_body_gives_claims(claims_of, gazetteer):
    from geomap.extract.places import places_from_text

    headline = "Insurgents seize Kushk\nPublished: 2021-07-09\n\n"
    assert claims_of(headline + "Residents said the town was calm on Friday.") == set()
    assert claims_of(headline + "Insurgents seized Kushk on Friday.") == {("Kushk", "taliban")}
    assert claims_of("Insurgents seize Kushk") == {("Kushk", "taliban")}  # a headline alone
    assert [p.mention for p in places_from_text(headline, gazetteer)] == ["Kushk"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "police" names the headquarters here; it is not an actor.
        ("By noon the insurgents were in control of police headquarters in Khulm.", "government"),
        # A relative clause between the subject and its verb.
        ("Khulm, which was besieged for weeks, fell to the insurgents on Sunday.", "contested"),
        # Quotation marks inside the phrase change nothing.
        (
            'Forces withdrew from Khulm, but efforts were under way to "retake the district".',
            "government",
        ),
    ],
)
def test_structure_around_the_trigger(claims_of, text, expected):
    assert expected not in {status for _place, status in claims_of(text)}
    assert claims_of(text)  # and the sentence still says something about Khulm


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Insurgents toppled Khulm on Sunday.", {("Khulm", "taliban")}),
        ("Insurgents attacked Khulm but were defeated.", {("Khulm", "government")}),
        # An indefinite noun introduces a place named next, never one named before.
        (
            "Kabul was quiet. Fighting reached a provincial capital, Qala-i-Naw, on Monday.",
            {("Qala-i-Naw", "contested")},
        ),
        # "the border town" is the crossing, not the last town named.
        (
            "Insurgents seized Islam Qala. Officials in Kabul said forces retook the border town.",
            {("Islam", "taliban"), ("Islam", "government")},
        ),
    ],
)
def test_outcomes_and_references(claims_of, text, expected):
    assert claims_of(text) == expected


def test_an_outcome_about_the_attack_named_before(claims_of):
    text = "Insurgents stormed checkpoints around Khulm. The assault was beaten off by the army."
    assert claims_of(text) == {("Khulm", "contested"), ("Khulm", "government")}


def test_a_passive_hold_by_the_army(claims_of):
    held = claims_of("Kandahar airport is still held by Afghan forces.")
    assert held == {("Kandahar", "government")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Hundreds of families have left Qaysar since the fighting began.",
        "Shopkeepers abandoned the bazaar in Sholgara on Sunday.",
        "Aid workers were evacuated from Dehdadi on Monday.",
        "Villagers who fled Almar described empty streets.",
        "Many fled Shortepa overnight.",
        "He drove the 40 kilometres from Almar to Maimana with his family.",
    ],
)
def test_people_who_leave_without_fighting_make_no_claim(claims_of, sentence):
    assert claims_of(sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Government soldiers fled Almar before dawn.", "taliban"),
        ("The insurgents fled from Shortepa under heavy bombardment.", "government"),
        ("Border guards posted in Qaysar fled to Turkmenistan.", "taliban"),
        ("Militia commanders handed Dehdadi over to the Taliban.", "taliban"),
        ("Elders said the militants had handed Sholgara back to the army.", "government"),
        ("Sholgara was overrun by government soldiers within hours.", "government"),
        ("The militants are now in charge of Almar.", "taliban"),
        ("Insurgents have tightened their grip on Shortepa.", "taliban"),
        ("The army launched a fresh counterattack to retake Dehdadi.", "contested"),
        ("Commandos were airlifted into Dehdadi to retake the district.", "contested"),
    ],
)
def test_flight_handover_and_a_by_phrase_name_the_side(claims_of, sentence, status):
    assert {s for _p, s in claims_of(sentence)} == {status}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a side that hands a place over to no one named hands it to its opponent
        ("Government troops handed over Almar without a fight.", {("Almar", "taliban")}),
        ("Afghan soldiers gave up Qaysar after a week of fighting.", {("Qaysar", "taliban")}),
        ("The insurgents handed back Sholgara after talks.", {("Sholgara", "government")}),
        # foreign troops, a recipient who is no side, or a thing handed over: no claim
        ("US troops handed over Bagram air base on Friday.", set()),
        ("Government soldiers handed over Almar to tribal elders.", set()),
        ("The militants handed over the bodies of six soldiers in Almar.", set()),
        # only the verb's own subject gives: the Taliban here are the recipient
        ("The district chief surrendered to the Taliban on Monday, handing over Almar.", set()),
    ],
)
def test_a_handover_without_a_recipient_goes_to_the_givers_opponent(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_fighting_that_kills_civilians_is_still_fighting(claims_of):
    assert claims_of("Two civilians died in clashes in Almar on Monday.") == {
        ("Almar", "contested")
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the state an appositive or relative clause gives is the one before the change
        ("Almar, the last government-held town in the area, fell on Friday.", {"taliban"}),
        ("Almar, which had long been under government control, fell on Friday.", {"taliban"}),
        (
            "Sholgara, which the militants had held since May, was retaken by commandos.",
            {"government"},
        ),
        ("Residents of militant-held Almar said food was running out.", {"taliban"}),
    ],
)
def test_a_bracketed_clause_between_subject_and_verb(claims_of, sentence, expected):
    assert {s for _p, s in claims_of(sentence)} == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the second verb's subject is the first one's; a landmark may be what "the city" means
        (
            "Taliban fighters were near Kunduz but had not entered the city, the governor said.",
            {("Kunduz", "government")},
        ),
        (
            "Taliban fighters reached Kunduz but did not enter the city, officials said.",
            {("Kunduz", "government")},
        ),
        # the subject after a report of it, not the reporter
        (
            "A provincial council member confirmed to local media that insurgents took "
            "Sancharak and overran Gosfandi district.",
            {("Sancharak", "taliban"), ("Gosfandi", "taliban")},
        ),
    ],
)
def test_a_verb_first_clause_shares_the_subject_before(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Government forces attacked Khulm but were beaten back.", "taliban"),
        ("Taliban fighters attacked Khulm but were beaten back.", "government"),
        ("A Taliban attack on Khulm was repelled.", "government"),
    ],
)
def test_the_side_beaten_back_did_not_take_the_place(claims_of, sentence, status):
    assert claims_of(sentence) == {("Khulm", status)}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # a fall goes to whoever it falls to, wherever the "to" phrase stands
        ("Local elders negotiated the surrender of Doshi district to the insurgents.", "taliban"),
        ("The fall of Doshi to Afghan commandos surprised many.", "government"),
        ("Doshi fell on Monday.", "taliban"),
    ],
)
def test_a_fall_belongs_to_its_recipient(claims_of, sentence, status):
    assert claims_of(sentence) == {("Doshi", status)}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # driven out of the place they had just entered: it stays with the other side
        ("Taliban fighters entered Pul-e-Khumri overnight but were driven out.", "government"),
        ("Government forces entered Pul-e-Khumri but were pushed out by morning.", "taliban"),
        ("Taliban fighters were driven out of Pul-e-Khumri.", "government"),
        ("Taliban fighters entered Pul-e-Khumri but were forced to retreat.", "government"),
        ("Government forces entered Pul-e-Khumri but withdrew after an hour.", "taliban"),
    ],
)
def test_driven_out_of_the_place_just_entered(claims_of, sentence, status):
    assert claims_of(sentence) == {("Pul-e-Khumri", status)}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The Taliban flag now flies over Sholgara.", "taliban"),
        # the photograph of a capture
        ("A video shows commandos holding their flag in the centre of Sholgara.", "government"),
        ("Pictures showed insurgents waving a white flag over Sholgara.", "taliban"),
        ("Sholgara has changed hands several times this month.", "contested"),
        ("Sholgara is now a Taliban stronghold.", "taliban"),
        ("The insurgents now run Sholgara.", "taliban"),
        # the side a place slipped away from lost it
        ("Sholgara slipped from government control in June.", "taliban"),
        ("Sholgara slipped out of the insurgents' hands on Monday.", "government"),
        # a participle's by-phrase in brackets is background, not the retaking's agent
        ("Sholgara, seized by the Taliban in June, was retaken on Monday.", "government"),
        # a participle with no object after it is passive: its place is before it
        ("Among the gains is Sholgara, a key town, seized on Wednesday.", "taliban"),
    ],
)
def test_more_ways_to_say_who_holds_a_place(claims_of, sentence, status):
    assert claims_of(sentence) == {("Sholgara", status)}


def test_a_retreat_that_reaches_a_place_does_not_leave_it(claims_of):
    assert (
        claims_of("The troops made a tactical retreat and reached Tirin Kot last night.") == set()
    )


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # "drove X from Y": Y goes to whoever drove, or the opponent of those driven
        ("Border police drove the insurgents from Nawur on Sunday.", "government"),
        ("The militants chased the soldiers from Nawur.", "taliban"),
        ("Commandos flushed the Taliban out of Nawur.", "government"),
        ("The insurgents were driven from Nawur after a day of fighting.", "government"),
        # a bracketed participle that names nobody expelled is passive
        ("The insurgents, driven from Nawur, regrouped in the hills.", "government"),
        ("The soldiers, pushed out of Nawur on Friday, regrouped in the hills.", "taliban"),
        # with an agent named before the bracket, the verb is still active
        ("The army, backed by air strikes, drove the insurgents from Nawur.", "government"),
        # driven to its outskirts: out of the place itself
        ("The insurgents have since been driven to the outskirts of Nawur.", "government"),
        ("The soldiers were forced back to the edge of Nawur.", "taliban"),
    ],
)
def test_driving_a_side_from_a_place(claims_of, sentence, status):
    assert claims_of(sentence) == {("Nawur", status)}


def test_a_journey_from_a_place_is_no_expulsion(claims_of):
    assert claims_of("The delegation drove from Nawur to the provincial capital.") == set()
    assert claims_of("The insurgents pushed on from Nawur towards the highway.") == set()
    assert claims_of("The army convoy turned back near Nawur after the road was mined.") == set()
    # an object that is not the place: "took a bus to X" takes the bus
    text = "They reached Pul-e-Khumri before taking a bus to the city."
    assert claims_of(text) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "The insurgents entered Chora on Friday, a day after taking Nawur.",
        "Taking Nawur on Thursday, the insurgents entered Chora a day later.",
    ],
)
def test_a_gerund_shares_its_subject(claims_of, sentence):
    assert ("Nawur", "taliban") in claims_of(sentence)


def test_taking_in_another_sense_is_no_capture(claims_of):
    assert claims_of("Talks are taking place in Nawur this week.") == set()
    assert claims_of("Elders are taking part in a council in Nawur.") == set()


def test_the_afghan_military_is_the_government(claims_of):
    assert claims_of("The Afghan military captured Nawur and Chora.") == {
        ("Nawur", "government"),
        ("Chora", "government"),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "the enemy" is the speaker's opponent: its repulse leaves the place with the speaker
        ("The enemy's attack on Nawur was repulsed, the Taliban spokesman said.", "taliban"),
        ("The enemy's attack on Nawur was repulsed, the army said.", "government"),
        ("The enemy was driven out of Nawur, the Taliban said.", "taliban"),
        # the enemy leaving or fleeing leaves the place with the speaker's side
        ('"The enemy has fled Nawur," a Taliban commander said.', "taliban"),
        ("The enemy withdrew from Nawur, the army said.", "government"),
        # an unnamed attacker's repulse: the side that reports it held the place
        ("An attack on Nawur was repulsed, the Taliban said.", "taliban"),
        ("An attack on Nawur was repulsed, the army said.", "government"),
        ("An attack on Nawur was repulsed on Monday.", "government"),
        # the speaker's title is not the subject of what is said ("police chief")
        (
            "Clashes broke out in Nawur. The police chief said the attacks were repulsed.",
            "government",
        ),
        (
            "Clashes broke out in Nawur. A Taliban commander said the attacks were repulsed.",
            "taliban",
        ),
    ],
)
def test_the_enemy_is_the_speakers_opponent(said, sentence, expected):
    assert {status for _p, status, _by in said(sentence) if status != "contested"} == {expected}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Security forces managed to break the siege of Nawur district.", "government"),
        ("Commandos lifted the months-long siege of Nawur on Monday.", "government"),
        ("The siege of Nawur went on for a third week.", "contested"),
    ],
)
def test_a_broken_siege_leaves_the_place_with_those_who_broke_it(claims_of, sentence, status):
    assert claims_of(sentence) == {("Nawur", status)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a fronted scene ("In X,") and an object that is only a part of it: fought over
        ("In Sholgara, the insurgents overran three checkpoints on Monday.", {"contested"}),
        ("In Sholgara, soldiers abandoned two outposts overnight.", {"contested"}),
        ("Soldiers pulled back from several positions in Sholgara.", {"contested"}),
        # the seat, or a back-reference to the scene, is the place itself
        ("In Sholgara, the insurgents overran the district centre.", {"taliban"}),
        ("In Sholgara, the army still holds the district centre.", {"government"}),
        ("Police evacuated all government offices in Sholgara.", {"taliban"}),
        # people moved out say nothing of who holds it
        ("In Sholgara, soldiers evacuated wounded civilians on Monday.", set()),
    ],
)
def test_the_object_may_be_part_of_the_scene(claims_of, sentence, expected):
    assert {status for _place, status in claims_of(sentence)} == expected


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # an event noun after a possessive is the possessor's event
        ("Almar's fall on Monday opened the road to Maimana.", "taliban"),
        ("Almar's recapture by commandos was celebrated in Maimana.", "government"),
        ("The retreat of army units from Almar left the road open.", "taliban"),
        # what was cleared, and a district's centre as its seat
        ("Commandos cleared Almar district from the militants on Monday.", "government"),
        ("The militants captured the Almar district's center after heavy clashes.", "taliban"),
    ],
)
def test_the_place_an_event_word_is_about(claims_of, sentence, status):
    assert claims_of(sentence) == {("Almar", status)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the outcome the fight led to replaces it …
        ("Insurgents attacked and captured Sholgara on Monday.", {("Sholgara", "taliban")}),
        # … not a fight on another day
        (
            "Residents said fighting was going on in Sholgara, where the insurgents had "
            "captured the district centre last month.",
            {("Sholgara", "contested"), ("Sholgara", "taliban")},
        ),
    ],
)
def test_an_outcome_replaces_only_the_fight_of_its_own_day(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb with no place of its own takes the place named before, judged by its object
        (
            "Insurgents attacked Ghazni on Monday. They later claimed to have entered the city "
            "and captured several checkpoints.",
            {("Ghazni", "contested")},
        ),
        (
            "Insurgents attacked Ghazni on Monday. They captured dozens of weapons.",
            {("Ghazni", "contested")},
        ),
    ],
)
def test_an_object_after_a_place_named_before_is_judged(claims_of, text, expected):
    assert claims_of(text) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Commandos secured Herat airport after heavy fighting.", {("Herat", "government")}),
        ("The insurgents secured the district centre of Almar.", {("Almar", "taliban")}),
        # securing something else is no capture
        ("Elders secured the release of prisoners in Almar.", set()),
    ],
)
def test_securing_a_place_takes_it(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an effort to drive a side out is a fight for the place
        (
            "Troops are taking measures to drive the insurgents out of Almar.",
            {("Almar", "contested")},
        ),
        (
            "Commandos launched an operation to expel the Taliban from Almar.",
            {("Almar", "contested")},
        ),
        # the side named after "to" is the effort's object, not its agent
        (
            '"The enemy unsuccessfully tried to oust Taliban fighters from Almar," the Taliban '
            "said.",
            {("Almar", "taliban")},
        ),
    ],
)
def test_an_effort_to_drive_a_side_out(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_people_in_a_where_clause_are_no_pronoun_for_places(claims_of):
    text = (
        "Almar and Qaisar fell on Friday. In Maimana, troops retreated to the governor's "
        "compound, where they are holding out."
    )
    assert claims_of(text) == {("Almar", "taliban"), ("Qaisar", "taliban")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The insurgents announced their control over Almar.", {("Almar", "taliban")}),
        ("The army has lost its control over Almar.", {("Almar", "taliban")}),
        ("A clearance operation is under way in Almar.", {("Almar", "contested")}),
    ],
)
def test_a_sides_own_control_and_an_operation_under_way(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_the_ministry_by_its_initials_is_the_government(said):
    text = "The MoD said that commandos had cleared Almar of insurgents."
    assert said(text) == {("Almar", "government", "government")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an attempt that failed is no fight left open; one after an outcome still is
        ("The army's attempt to recapture Almar was repulsed.", {("Almar", "taliban")}),
        (
            "Troops withdrew from Almar, but efforts are under way to retake the district.",
            {("Almar", "taliban"), ("Almar", "contested")},
        ),
        # the attacks pushed back are the ones on the place just named
        (
            "Insurgents planned to capture Almar, but troops pushed back the attacks.",
            {("Almar", "government")},
        ),
    ],
)
def test_an_attempt_before_its_outcome_is_a_step_to_it(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a side holding a place, with or without "now" or "still"
        ("Government forces were holding Shighnan district.", {("Shighnan", "government")}),
        # an actor loyal to a side is that side's
        (
            "In Shighnan, militias loyal to the government were holding the district centre.",
            {("Shighnan", "government")},
        ),
        ("Fighters loyal to the Taliban captured Shighnan.", {("Shighnan", "taliban")}),
        # holding talks or hostages there holds nothing
        ("The Taliban were holding talks with elders from Shighnan.", set()),
    ],
)
def test_a_side_holding_a_place_and_those_loyal_to_it(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a state in a second verb of the place's clause is the place's
        (
            "Khulm was retaken by troops in June but is now under Taliban control again.",
            {("Khulm", "government"), ("Khulm", "taliban")},
        ),
        (
            "Khulm changed hands twice in a week and is now back in government hands.",
            {("Khulm", "government")},
        ),
        # a clearing operation launched is under way, not yet done
        (
            "Clashes go on in Khulm, where government forces launched a clearing operation.",
            {("Khulm", "contested")},
        ),
    ],
)
def test_a_state_after_and_and_an_operation_launched(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_a_place_ceded_goes_to_whom_it_was_ceded(claims_of):
    assert claims_of("The government has ceded Khulm to the insurgents.") == {("Khulm", "taliban")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the adjective said of its subject
        (
            "Ghorian and Kohsan districts are now Taliban-controlled.",
            {("Ghorian", "taliban"), ("Kohsan", "taliban")},
        ),
        # most of a district: fought over; most of a province: no claim
        ("Most of Khulm is Taliban-controlled.", {("Khulm", "contested")}),
        ("Most of Helmand is Taliban-controlled.", set()),
        # the side in a compound adjective only qualifies the place: no subject of "fled"
        ("Residents of Taliban-controlled Ghorian fled.", {("Ghorian", "taliban")}),
    ],
)
def test_a_side_controlled_place_as_predicate_or_modifier(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_fighters_patrolling_a_town_hold_it(claims_of):
    text = "Fighting ended in Aybak. Residents said the Taliban were patrolling the city."
    assert ("Aybak", "taliban") in claims_of(text)
    assert claims_of("Taliban fighters were patrolling Kunduz on Monday.") == {
        ("Kunduz", "taliban")
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a side that retains a place holds it; so does one that keeps its grip on it
        ("The government retains Khwaja Du Koh.", {("Khwaja", "government")}),
        ("Afghan forces retained their hold on Maimana.", {("Maimana", "government")}),
        # a recipient named after a long object still receives the place
        (
            "Local elders handed the district of Khulm over to the Taliban.",
            {("Khulm", "taliban")},
        ),
        (
            "Local officials handed over the district of Khulm to the Taliban.",
            {("Khulm", "taliban")},
        ),
        # "it", the subject of a passive verb with its agent, is the place named before
        (
            "Commandos regained Kushk on Friday, two days after it was seized by the Taliban.",
            {("Kushk", "government"), ("Kushk", "taliban")},
        ),
    ],
)
def test_keeping_giving_and_a_passive_it(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a side named only as the owner of a building is no actor
        (
            "The Taliban seized Khulm's police headquarters and governor's office, effectively "
            "taking the district.",
            {("Khulm", "taliban")},
        ),
        # an adverb between a side and its holding
        ("The Taliban now effectively control Khulm.", {("Khulm", "taliban")}),
    ],
)
def test_an_owner_of_a_building_is_no_actor_and_adverbs_keep_the_holder(
    claims_of, sentence, expected
):
    assert claims_of(sentence) == expected


def test_a_place_with_its_surroundings_is_the_subject(claims_of):
    text = (
        "Only the provincial capital, Kunduz city, and its surroundings remain in government hands."
    )
    assert claims_of(text) == {("Kunduz", "government")}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # ending a side's occupation or control takes the place from that side
        ("Afghan forces ended the Taliban's two-week occupation of Khulm.", "government"),
        ("The insurgents ended government control over Khulm.", "taliban"),
        # no side named: the attacker's hold ended, whoever ended it
        (
            "Afghan forces entered Khulm after the insurgents withdrew, ending a month of "
            "occupation of the town.",
            "government",
        ),
    ],
)
def test_ending_a_sides_hold_takes_the_place_from_it(claims_of, sentence, status):
    assert claims_of(sentence) == {("Khulm", status)}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # an entry nobody fought is a capture
        ("Taliban fighters walked into Khulm unopposed.", "taliban"),
        ("The insurgents entered Khulm on Friday without a fight.", "taliban"),
        ("Afghan forces rolled into Khulm without firing a shot.", "government"),
        # (an entry alone is a fight)
        ("The insurgents entered Khulm on Friday.", "contested"),
        # more words for taking, ruling and advancing
        ("The Taliban have overtaken Khulm district.", "taliban"),
        ("Khulm is now run by the Taliban.", "taliban"),
        ("The Taliban now rule Khulm.", "taliban"),
        ("The Taliban gained ground in Khulm.", "contested"),
    ],
)
def test_unopposed_entries_and_more_words_for_control(claims_of, sentence, status):
    assert claims_of(sentence) == {("Khulm", status)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a participle conjoined to a passive shares its auxiliary and its subject
        (
            "Khulm was taken by the Taliban and then retaken by commandos.",
            {("Khulm", "taliban"), ("Khulm", "government")},
        ),
        (
            "Khulm fell, was retaken and fell again within a week.",
            {("Khulm", "taliban"), ("Khulm", "government")},
        ),
        # (one recapture said twice is no loss between)
        ("Khulm was cleared of insurgents and liberated.", {("Khulm", "government")}),
        # "only to": what followed, not an aim
        (
            "The army recaptured Khulm, only to lose it again days later.",
            {("Khulm", "government"), ("Khulm", "taliban")},
        ),
        # relieving a besieged garrison: its defenders held
        ("Commandos relieved the besieged garrison of Khulm.", {("Khulm", "government")}),
        # a relative clause between a side and its verb
        (
            "The Taliban, who briefly took Khulm last month, now hold Aybak.",
            {("Khulm", "contested"), ("Aybak", "taliban")},
        ),
    ],
)
def test_conjoined_participles_only_to_and_a_subject_beyond_a_relative_clause(
    claims_of, sentence, expected
):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Taliban stronghold of Khulm was bombed.", {("Khulm", "taliban")}),
        ("The former Taliban stronghold of Khulm was bombed.", set()),
        ("Khulm has been a government bastion since 2001.", {("Khulm", "government")}),
        ("The army lost ground in Khulm.", {("Khulm", "contested")}),
        ("Khulm was captured on camera by a drone.", set()),
    ],
)
def test_strongholds_ground_lost_and_a_camera(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the relative pronoun is the object: the place before it, not the one after
        (
            "Convoys have no way through to Khulm, which the insurgents have held since May, or "
            "Kunduz, where clashes go on.",
            {("Khulm", "taliban"), ("Kunduz", "contested")},
        ),
        # a side right before the verb is its subject, not a headline's noun ("X repelled")
        (
            "Supplies reached Khulm, which the Taliban seized on Monday along with Kunduz.",
            {("Khulm", "taliban")},
        ),
        ("Attack on Khulm repelled", {("Khulm", "government")}),
    ],
)
def test_an_object_relative_clause_describes_the_place_before_it(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a hold after a fight, in the passive, shares the subject: the state now wins
        (  # (June's fight and today's hold, each dated)
            "Khulm changed hands three times in June and is now held by the Taliban.",
            {("Khulm", "contested"), ("Khulm", "taliban")},
        ),
        (
            "Khulm was fought over for weeks but is still controlled by the government.",
            {("Khulm", "government")},
        ),
        # "fought" is a verb of fighting too
        (
            "Refugees came from Khulm, where the two sides have fought for a month.",
            {("Khulm", "contested")},
        ),
    ],
)
def test_a_later_state_in_the_same_sentence_and_fought(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_a_place_in_a_title_is_not_what_the_city_means(said):
    # the city named before is; the police chief says it
    assert said(
        "The insurgents stormed Kunduz city on Sunday. Kunduz's police chief, Abdul Hamid "
        "Rahimi, said much of the city was now under the control of the militants."
    ) == {("Kunduz", "contested", "reporter"), ("Kunduz", "contested", "government")}


def test_a_possessive_title_before_a_name_names_the_speaker(said):
    # the speaker is the provincial official, not the side named after the verb
    assert said(
        "Takhar's deputy governor, Abdul Rahman Sayedkhili, said large parts of Taloqan were "
        "under the control of the insurgents."
    ) == {("Taloqan", "contested", "government")}


def test_the_afghan_government_is_an_actor(claims_of):
    assert claims_of("The Torkham crossing remained under Afghan government control.") == {
        ("Torkham", "government")
    }


def test_a_place_named_in_the_references_own_sentence_counts_once_more(said):
    # Kunduz is named twice before, Taloqan once, but in the sentence that says "the city"
    assert said(
        "In Kunduz province the militants hold most districts. Kunduz city is calm. The "
        "Taliban say they have taken Taloqan, but officials say the city is still held by "
        "government forces."
    ) == {
        ("Taloqan", "taliban", "taliban"),
        ("Taloqan", "government", "government"),
    }


def test_a_claim_to_control_is_the_claimants(said):
    assert said(
        "The army said it had pulled out of Khulm, a day after the Taliban claimed full "
        "control of the town."
    ) == {("Khulm", "taliban", "government"), ("Khulm", "taliban", "taliban")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police drove off an attack on the edge of Khulm overnight.", {("Khulm", "government")}),
        ("Guards had driven off several assaults on Khulm.", {("Khulm", "government")}),
        ("The Taliban drove off with weapons from Khulm.", set()),  # a journey
    ],
)
def test_driving_off_an_attack_repels_it(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the anti-Taliban resistance of late summer 2021 fights on the government's side
        (
            "Resistance fighters loyal to Massoud said they had retaken Khinj district.",
            {("Khinj", "government", "government")},
        ),
        (
            "The Taliban said they had captured Bazarak, but the National Resistance Front "
            "denied it.",
            {("Bazarak", "taliban", "taliban"), ("Bazarak", "government", "government")},
        ),
        ("Anti-Taliban militias still hold Khinj.", {("Khinj", "government", "reporter")}),
    ],
)
def test_the_resistance_is_on_the_governments_side(said, sentence, expected):
    assert said(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Khulm was retaken briefly by local militias on Monday.", {("Khulm", "contested")}),
        ("Commandos held Khulm briefly before pulling out.", {("Khulm", "contested")}),
        ("Commandos retook Khulm on Monday.", {("Khulm", "government")}),
    ],
)
def test_a_capture_that_did_not_last_is_a_fight(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_tiwara_is_a_spelling_of_taywarah(gazetteer):
    from geomap.extract.places import places_from_text

    [place] = places_from_text("Tiwara fell on Sunday.", gazetteer)
    assert (place.district, place.province) == ("Taywarah", "Ghor")


@pytest.mark.parametrize(
    "sentence",
    [
        "A former commander fell ill in Khulm.",
        "Khulm fell silent after the ceasefire.",
        "Khulm fell into darkness when the power line was cut.",
        "The army lost contact with its base in Khulm.",
        "The Taliban entered into talks with elders in Khulm.",
    ],
)
def test_falling_losing_and_entering_said_of_other_things(claims_of, sentence):
    assert claims_of(sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a kind word between the name and "which" ("the X border crossing, which …")
        (
            "Kohsan is home to the Islam Qala border crossing, which the Taliban seized "
            "three days later.",
            {("Islam", "taliban", "reporter")},
        ),
        # "in their hands": the side speaking, as "under their control"
        ("The Taliban said Khulm remained in their hands.", {("Khulm", "taliban", "taliban")}),
        ("The army said Khulm remained in its hands.", {("Khulm", "government", "government")}),
    ],
)
def test_a_crossings_relative_clause_and_in_their_hands(said, sentence, expected):
    assert said(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Taliban, who have held Khulm since June, attacked Kaldar.",
            {("Khulm", "taliban"), ("Kaldar", "contested")},
        ),
        ("Afghan forces, who still control Khulm, came under fire.", {("Khulm", "government")}),
    ],
)
def test_a_side_holds_what_its_relative_clause_says_it_holds(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # narration: the side named earlier in the sentence, or the last sentence's subject
        (
            "The insurgents were back, and by nightfall Kaldar was under their control.",
            {("Kaldar", "taliban")},
        ),
        (
            "The militants returned. By nightfall Kaldar was in their hands.",
            {("Kaldar", "taliban")},
        ),
        (
            "Commandos repelled a Taliban attack on Kaldar. The town remains under their control.",
            {("Kaldar", "government")},
        ),
        # reported speech: the speaker's own side, whoever the sentence before named
        (
            "The Taliban attacked Kaldar on Monday. Officials said it remained in their hands.",
            {("Kaldar", "contested"), ("Kaldar", "government")},
        ),
    ],
)
def test_their_in_narration_is_the_side_named_before(claims_of, text, expected):
    assert claims_of(text) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a past perfect describing the place, with no time of its own: what the event undid
        (
            "Afghan forces retook Khulm, which the Taliban had occupied since June.",
            {("Khulm", "government")},
        ),
        (
            "Officials said commandos had retaken Khulm, a town that the insurgents had "
            "occupied since June.",
            {("Khulm", "government")},
        ),
        # with a time of its own it is a claim of then
        (
            "Afghan forces retook Khulm, which the Taliban had captured last week.",
            {("Khulm", "government"), ("Khulm", "taliban")},
        ),
    ],
)
def test_a_past_perfect_description_is_what_the_event_undid(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an attack or a siege that came to nothing: the place stays the other side's
        ("The Taliban attacked Kaldar without success.", {("Kaldar", "government")}),
        ("The insurgents attacked Kaldar, but the attack failed.", {("Kaldar", "government")}),
        ("The siege of Kaldar was lifted on Monday.", {("Kaldar", "government")}),
        # a relative clause across an apposition describes the place named before it
        (
            "He now works from Mazar-i-Sharif, the provincial capital, which remains under "
            "government control.",
            {("Mazar-i-Sharif", "government")},
        ),
    ],
)
def test_an_attack_that_failed_and_a_relative_after_an_apposition(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a fall goes to the side whose hands it fell into
        ("Kaldar fell back into government hands on Monday.", {("Kaldar", "government")}),
        ("Kaldar fell into the hands of the army.", {("Kaldar", "government")}),
        ("Kaldar fell into Taliban hands.", {("Kaldar", "taliban")}),
        # the republic's flag is the government's, still flying or raised again
        ("The Afghan flag still flies over Kaldar.", {("Kaldar", "government")}),
        ("The national flag was raised over Kaldar again.", {("Kaldar", "government")}),
    ],
)
def test_into_whose_hands_and_whose_flag(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Reporters who entered Kaldar on Sunday found bodies in the streets.",
        "Aid workers entered Kaldar after the fighting.",
    ],
)
def test_people_who_do_not_fight_entering_a_place_is_no_incursion(claims_of, sentence):
    assert claims_of(sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the Taliban's own words: the Islamic Emirate (IEA), a district cleansed of the enemy
        ("Kaldar is now under IEA control.", {("Kaldar", "taliban", "reporter")}),
        (
            "The Islamic Emirate announced that Kaldar had been cleansed of the enemy.",
            {("Kaldar", "taliban", "taliban")},
        ),
    ],
)
def test_the_taliban_in_their_own_words(said, sentence, expected):
    assert said(sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the latter", "the former": one of the last two places named
        (
            "The Taliban attacked Khulm and Kaldar. The latter fell on Monday.",
            {("Khulm", "contested"), ("Kaldar", "contested"), ("Kaldar", "taliban")},
        ),
        (
            "The Taliban attacked Khulm and Kaldar. The former fell on Monday.",
            {("Khulm", "contested"), ("Kaldar", "contested"), ("Khulm", "taliban")},
        ),
        # "they" as a verb's subject: the side the sentence before was about
        (
            "The Taliban captured Khulm. Two days later, they lost it again.",
            {("Khulm", "taliban"), ("Khulm", "government")},
        ),
    ],
)
def test_the_former_the_latter_and_they(claims_of, text, expected):
    assert claims_of(text) == expected
