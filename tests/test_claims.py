"""Claim extraction: status cues, negation, attribution, back-references, dates."""

from datetime import date

import pytest

from geomap.extract.articles import article_from_text
from geomap.pipeline import extract_article


def claims(text, gazetteer, published=date(2021, 7, 9)):
    article = article_from_text(text, published=published)
    return [
        (c.place.name, c.status, c.claimed_by) for c in extract_article(article, gazetteer).claims
    ]


def dated(text, gazetteer, published):
    """(place, status, as of) of each claim of ``text`` published on ``published``."""
    article = article_from_text(text, published=published)
    return {(c.place.name, c.status, c.as_of) for c in extract_article(article, gazetteer).claims}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The Taliban captured Panjwai district on Sunday.", "taliban"),
        # other ways to say a side took or holds a place
        ("The Taliban assumed control of Panjwai district.", "taliban"),
        ("The Taliban seized power in Panjwai district.", "taliban"),
        ("Panjwai district passed into Taliban hands.", "taliban"),
        ("Panjwai district is firmly in the grip of the Taliban.", "taliban"),
        ("Government forces wrested back control of Panjwai district.", "government"),
        ("Taliban fighters seized Spin Boldak overnight.", "taliban"),
        ("The Taliban took control of Ghorband district.", "taliban"),
        ("Panjwai district fell to the Taliban.", "taliban"),
        ("Insurgents overran Nerkh district.", "taliban"),
        ("Afghan forces recaptured Panjwai district.", "government"),
        ("The army retook Kaldar district after two days.", "government"),
        ("Security forces repelled an attack on Ghazni city.", "government"),
        ("Heavy fighting raged in Panjwai district.", "contested"),
        ("The Taliban besieged the city of Ghazni.", "contested"),
        ("The Taliban encircled Kunduz city.", "contested"),
        ("Officials said efforts were under way to recapture Spin Boldak.", "contested"),
        ("The government vowed to retake Spin Boldak.", "contested"),
        ("The Taliban are in control of Panjwai district, residents said.", "taliban"),
        ("Afghan forces still hold Spin Boldak, the ministry said.", "government"),
        ("Taliban fighters overran the district headquarters in Nerkh district.", "taliban"),
        ("The district of Jalrez is now held by the Taliban.", "taliban"),
        ("Troops recaptured government buildings in the city of Ghazni.", "contested"),
    ],
)
def test_each_status_cue(gazetteer, sentence, status):
    assert {s for _p, s, _c in claims(sentence, gazetteer)} == {status}


def test_capture_by_government_forces_is_government(gazetteer):
    assert claims("Afghan forces captured Panjwai district.", gazetteer)[0][1] == "government"


def test_negation_and_denial_flip_the_claim(gazetteer):
    assert {
        s for _p, s, _c in claims("Spin Boldak did not fall, the ministry said.", gazetteer)
    } == {"government"}
    assert {
        s
        for _p, s, _c in claims(
            "The interior ministry denied that Panjwai district had fallen.", gazetteer
        )
    } == {"government"}


def test_hedged_claims_are_marked_and_less_confident(gazetteer):
    art = article_from_text(
        "The Taliban claimed they captured Spin Boldak, which could not be independently verified.",
        published=date(2021, 7, 14),
    )
    found = extract_article(art, gazetteer).claims
    plain = extract_article(
        article_from_text("The Taliban captured Spin Boldak.", published=date(2021, 7, 14)),
        gazetteer,
    ).claims
    assert found[0].hedged and found[0].confidence < plain[0].confidence


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            '"The district is under our full control," Taliban spokesman Zabihullah '
            "Mujahid said of Panjwai district.",
            "taliban",
        ),
        ('"Our forces have recaptured Kaldar district," the defence ministry said.', "government"),
        ("Russia said the Taliban had captured Shir Khan Bandar.", "third-party"),
        ("The Taliban captured Shir Khan Bandar on Tuesday.", "reporter"),
        (
            "According to a government official, forces are trying to retake Islam Qala.",
            "government",
        ),
    ],
)
def test_attribution_including_after_a_quote(gazetteer, text, claimant):
    assert {c for _p, _s, c in claims(text, gazetteer)} == {claimant}


def test_back_reference_attaches_to_the_place_named_before(gazetteer):
    text = (
        "Fighters reached Islam Qala on Friday. Taliban spokesman Zabihullah Mujahid said "
        'the strategic border town was "under our full control".'
    )
    assert ("Islam Qala", "taliban", "taliban") in claims(text, gazetteer)


def test_places_in_passing_get_no_claim(gazetteer):
    text = (
        "The Taliban captured Panjwai district in Kandahar province, a lawmaker from Ghazni said."
    )
    assert {p for p, _s, _c in claims(text, gazetteer)} == {"Panjwayi"}


def test_kabul_government_gets_no_claim(gazetteer):
    assert claims("The Kabul government is fighting to retake the border town.", gazetteer) == []


@pytest.mark.parametrize(
    ("phrase", "expected", "precision"),
    [
        ("on Wednesday", date(2021, 7, 7), "day"),
        ("Friday", date(2021, 7, 9), "day"),
        ("today", date(2021, 7, 9), "day"),
        ("last month", date(2021, 6, 1), "month"),
        ("on 22 June", date(2021, 6, 22), "day"),
        # (2021-07-09 is a Friday: the weekend before it ended on Sunday the 4th)
        ("over the weekend", date(2021, 7, 4), "week"),
        ("a fortnight ago", date(2021, 6, 25), "week"),
    ],
)
def test_relative_dates_resolve_against_publication(gazetteer, phrase, expected, precision):
    art = article_from_text(
        f"The Taliban captured Panjwai district {phrase}.", published=date(2021, 7, 9)
    )
    claim = extract_article(art, gazetteer).claims[0]
    assert (claim.as_of, claim.as_of_precision) == (expected, precision)


def test_undated_articles_are_flagged_not_guessed(gazetteer):
    art = article_from_text("Heavy fighting raged in Panjwai district on Friday.")
    claim = extract_article(art, gazetteer).claims[0]
    assert art.published is None and claim.as_of is None


def test_seed_claims(settings, gazetteer):
    from geomap.pipeline import extract_paths
    from tests.conftest import SEEDS

    results, problems = extract_paths(sorted(SEEDS.glob("*.txt")), settings)
    assert problems == []
    found = {(c.place.district_pcode, c.status, c.claimed_by) for r in results for c in r.claims}
    assert ("AF3213", "taliban", "taliban") in found
    assert ("AF3213", "contested", "government") in found
    assert any(pc == "AF3101" and s == "contested" for pc, s, _ in found)
    assert ("AF1905", "taliban", "reporter") in found
    assert not any(pc == "AF0302" for pc, _s, _c in found)
    aggregates = {
        (a.count, a.total, a.share, a.claimed_by) for r in results for a in r.aggregate_claims
    }
    assert (None, None, 0.85, "taliban") in aggregates
    assert (250, 398, round(250 / 398, 3), "taliban") in aggregates


def test_a_claim_denied_by_another_party_gives_both_claims(gazetteer):
    found = claims(
        "A Taliban spokesman said the group had taken control of Spin Boldak, a "
        "claim denied by the defence ministry.",
        gazetteer,
    )
    assert set(found) == {
        ("Spin Boldak", "taliban", "taliban"),
        ("Spin Boldak", "government", "government"),
    }


def test_a_province_that_only_locates_a_district_gets_no_claim(gazetteer):
    found = claims("The Taliban took control of the Nerkh district of Maidan Wardak.", gazetteer)
    assert {p for p, _s, _c in found} == {"Nerkh"}


def test_speaker_named_after_the_verb_with_an_appositive(gazetteer):
    text = (
        'Fighters entered Zaranj on Friday. "The city has fallen," said Roz Gul Khairzad, '
        "the deputy governor of Nimroz."
    )
    assert ("Zaranj", "taliban", "government") in claims(text, gazetteer)


def test_a_participial_clause_is_not_governed_by_the_verb_before_it(gazetteer):
    found = claims("Taliban take Ghazni city, closing in on Kabul.", gazetteer)
    assert {p for p, _s, _c in found} == {"Ghazni"}


def test_a_speech_verb_in_a_later_clause_does_not_cover_the_first(gazetteer):
    found = claims("Fighting raged in Lashkar Gah, and residents said shops were shut.", gazetteer)
    assert found == [("Lashkar Gah", "contested", "reporter")]


def test_a_rejection_in_the_next_sentence_answers_the_claim_before(gazetteer):
    text = (
        "Security forces have retaken control of Dasht-e-Archi district, the Ministry of "
        "Defense said. The Taliban, however, rejected the claim."
    )
    assert set(claims(text, gazetteer)) == {
        ("Dasht-e-Archi", "government", "government"),
        ("Dasht-e-Archi", "taliban", "taliban"),
    }


def test_a_confirmation_in_the_next_sentence_says_the_claim_again(gazetteer):
    text = (
        "Residents said the Taliban had taken over the district centre of Muqur in Badghis. "
        "Local officials confirmed the report."
    )
    assert set(claims(text, gazetteer)) == {
        ("Muqur", "taliban", "third-party"),
        ("Muqur", "taliban", "government"),
    }
    # a confirmation of something else, or one denied, adds nothing
    text = "Government forces retook Khulm. Officials have not confirmed the report."
    assert set(claims(text, gazetteer)) == {("Khulm", "government", "reporter")}


def test_an_office_title_is_not_a_back_reference(gazetteer):
    text = (
        "Fighters entered Kunduz city. The district governor of Khanabad said the district "
        "was under siege."
    )
    assert ("Kunduz", "contested", "government") not in claims(text, gazetteer)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the bracket's event is background: the main verb's place, status and date
        (
            "Spin Boldak, lost in July, was retaken by government forces on Monday.",
            [("Spin Boldak", "government", date(2021, 8, 9))],
        ),
        (
            "Sholgara, seized by the Taliban in June, was retaken on Monday.",
            [("Sholgareh", "government", date(2021, 8, 9))],
        ),
        # with no event outside it, the bracket's event is the news, on its own date
        (
            "Kunduz, captured by the Taliban on Sunday, is the first capital in their hands.",
            [("Kunduz", "taliban", date(2021, 8, 8))],
        ),
    ],
)
def test_an_event_in_a_bracket_is_background_to_the_main_verb(gazetteer, sentence, expected):
    article = article_from_text(sentence, published=date(2021, 8, 12))
    found = [(c.place.name, c.status, c.as_of) for c in extract_article(article, gazetteer).claims]
    assert found == expected


def test_each_clause_is_dated_by_its_own_words(gazetteer):
    text = (
        "Officials said Kunduz fell to the Taliban on Sunday night, while Sar-e-Pul was "
        "captured on Monday morning."
    )
    article = article_from_text(text, published=date(2021, 8, 12))  # a Thursday
    found = {(c.place.name, c.as_of) for c in extract_article(article, gazetteer).claims}
    assert found == {("Kunduz", date(2021, 8, 8)), ("Sar-e Pul", date(2021, 8, 9))}
    # a clause without a time of its own keeps the sentence's ("…, officials said on Monday")
    text = "Kunduz fell and Sar-e-Pul was captured, officials said on Monday."
    article = article_from_text(text, published=date(2021, 8, 12))
    dates = {c.as_of for c in extract_article(article, gazetteer).claims}
    assert dates == {date(2021, 8, 9)}


def test_a_time_kept_inside_another_events_clause_does_not_date_this_one(gazetteer):
    # "which fell last week" dates the fall only; the retaking takes the attribution's day
    text = (
        "Commandos have retaken Kushk district, which fell to the Taliban last week, "
        "the army said on Tuesday."
    )
    assert dated(text, gazetteer, date(2021, 8, 12)) == {  # a Thursday
        ("Kushk", "government", date(2021, 8, 10)),
        ("Kushk", "taliban", date(2021, 8, 5)),
    }
    # nor is the day of a relative clause that only describes the place
    text = "Insurgents took Kushk district, where the governor had fled on Monday."
    assert dated(text, gazetteer, date(2021, 8, 12)) == {
        ("Kushk", "taliban", date(2021, 8, 12)),
    }
    # a contrast clause's own day is not the day of the clause before it
    text = "Khulm and Aybak fell, while Taloqan was captured on Monday."
    assert dated(text, gazetteer, date(2021, 8, 12)) == {
        ("Khulm", "taliban", date(2021, 8, 12)),
        ("Aibak", "taliban", date(2021, 8, 12)),
        ("Taloqan", "taliban", date(2021, 8, 9)),
    }


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a second verb of one subject keeps its time apart: the state after "and" is as
        # of the report, the first verb's time its own
        (
            "Khulm changed hands last month and is believed to remain under Taliban control.",
            date(2021, 7, 20),
            {("Khulm", "contested", date(2021, 6, 1)), ("Khulm", "taliban", date(2021, 7, 20))},
        ),
        # a fight the day before an outcome in its sentence led to it: the outcome alone
        (
            "Fighting around Khulm began late on Sunday and by midday Monday the insurgents "
            "had overrun the district centre.",
            date(2021, 7, 20),
            {("Khulm", "taliban", date(2021, 7, 19))},
        ),
        # a time that opens the sentence is every verb's
        (
            "On 4 July, troops launched a counter-offensive and retook Khulm.",
            date(2021, 7, 20),
            {("Khulm", "government", date(2021, 7, 4))},
        ),
        # a list member with a time of its own is dated by it
        (
            "Kunduz and Taloqan fell on 8 August, and Aybak on 9 August.",
            date(2021, 8, 16),
            {
                ("Kunduz", "taliban", date(2021, 8, 8)),
                ("Taloqan", "taliban", date(2021, 8, 8)),
                ("Aibak", "taliban", date(2021, 8, 9)),
            },
        ),
        # "the day after" counts from the event, not from the day of publication
        (
            "Farah was captured on 10 August, and Faizabad the day after.",
            date(2021, 8, 16),
            {("Farah", "taliban", date(2021, 8, 10)), ("Faizabad", "taliban", date(2021, 8, 11))},
        ),
        # "respectively" pairs each place with its own time (2021-06-25 is a Friday)
        (
            "Burka and Khulm fell on Tuesday and Wednesday, respectively.",
            date(2021, 6, 25),
            {("Burka", "taliban", date(2021, 6, 22)), ("Khulm", "taliban", date(2021, 6, 23))},
        ),
        # a count that does not match the places pairs nothing
        (
            "Burka and Khulm fell on Tuesday, Wednesday and Thursday respectively.",
            date(2021, 6, 25),
            {("Burka", "taliban", date(2021, 6, 22)), ("Khulm", "taliban", date(2021, 6, 22))},
        ),
        # "the previous day" counts back from the last sentence's day
        (
            "Aybak fell on 8 July. The previous day, the Taliban had overrun Ghormach.",
            date(2021, 7, 15),
            {("Aibak", "taliban", date(2021, 7, 8)), ("Ghormach", "taliban", date(2021, 7, 7))},
        ),
        # "have since" is an adverb: the second verb is as of the report (a Wednesday)
        (
            "The insurgents took Kushk last week and have since fought their way into Khulm.",
            date(2021, 7, 28),
            {("Kushk", "taliban", date(2021, 7, 21)), ("Khulm", "contested", date(2021, 7, 28))},
        ),
        # "Two days later" counts from the last sentence's day
        (
            "On 8 June, the Taliban overran Ghormach. Two days later, they seized Jalrez.",
            date(2021, 7, 1),
            {("Ghormach", "taliban", date(2021, 6, 8)), ("Jalrez", "taliban", date(2021, 6, 10))},
        ),
        # "a week after" dates the clause it opens that long before the rest (a Saturday)
        (
            "Troops drove the insurgents out of Kushk on Saturday, a week after the Taliban "
            "overran the district.",
            date(2021, 7, 19),
            {("Kushk", "government", date(2021, 7, 17)), ("Kushk", "taliban", date(2021, 7, 10))},
        ),
        # the closing attribution's time is not the lagged clause's own
        (
            "Commandos have retaken Kushk, three days after it was seized by the Taliban, "
            "the ministry said on Thursday.",
            date(2021, 7, 30),
            {("Kushk", "government", date(2021, 7, 29)), ("Kushk", "taliban", date(2021, 7, 26))},
        ),
        # a clause after ", and" with a subject of its own keeps its time (2021-07-20: a Tuesday)
        (
            "Taliban fighters have entered Kushk, and the districts of Khulm and Aybak were "
            "captured on Friday.",
            date(2021, 7, 20),
            {
                ("Kushk", "contested", date(2021, 7, 20)),
                ("Khulm", "taliban", date(2021, 7, 16)),
                ("Aybak", "taliban", date(2021, 7, 16)),
            },
        ),
    ],
)
def test_each_event_and_member_is_dated_by_its_own_time(gazetteer, text, published, expected):
    assert dated(text, gazetteer, published) == expected


def test_a_relative_clause_after_a_located_district_describes_the_district(gazetteer):
    text = "Troops recaptured Du Ab district of Nuristan, which had fallen in May."
    assert {(name, status) for name, status, _day in dated(text, gazetteer, date(2021, 6, 14))} == {
        ("Duab", "government"),
        ("Duab", "taliban"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # a quotation running on into the next sentence: its speaker speaks it all
        "An army spokesman told reporters: “That is a lie. Our forces still hold Khulm.”",
        # the next sentence of quotation, with no speaker of its own
        '"The attack was beaten off," an army spokesman said. "Khulm remains in our hands."',
    ],
)
def test_quotation_without_an_attribution_is_its_speakers(gazetteer, text):
    assert set(claims(text, gazetteer)) == {("Khulm", "government", "government")}


def test_a_quotation_closed_before_a_narrated_sentence_speaks_no_more(gazetteer):
    text = (
        '"We hold Khulm," a Taliban spokesman said. The army denied this. '
        "Government forces retook Khulm on Monday."
    )
    found = set(claims(text, gazetteer))
    assert ("Khulm", "government", "reporter") in found
    assert ("Khulm", "taliban", "taliban") in found


def test_a_series_of_participles_shares_the_subject_each_with_its_own_time(gazetteer):
    text = "Khulm was captured on Sunday, retaken by commandos on Tuesday."
    found = dated(text, gazetteer, date(2021, 8, 12))  # a Thursday
    assert found == {
        ("Khulm", "taliban", date(2021, 8, 8)),
        ("Khulm", "government", date(2021, 8, 10)),
    }


def test_the_next_day_is_the_day_after_the_last_dated_event(gazetteer):
    text = (
        "On 4 July, government forces retook Panjwayi district in Kandahar province. "
        "The next day, the Taliban recaptured it."
    )
    found = dated(text, gazetteer, date(2021, 8, 1))
    # "it" is one place: the district, not the province that locates it
    assert found == {
        ("Panjwayi", "government", date(2021, 7, 4)),
        ("Panjwayi", "taliban", date(2021, 7, 5)),
    }


def test_a_relative_clause_keeps_its_time_and_the_main_verb_its_own(gazetteer):
    text = "Almar and Qaisar, which fell last week, remain under Taliban control, officials said."
    found = dated(text, gazetteer, date(2021, 6, 25))
    assert found == {
        ("Almar", "taliban", date(2021, 6, 18)),
        ("Qaysar", "taliban", date(2021, 6, 18)),
        ("Almar", "taliban", date(2021, 6, 25)),
        ("Qaysar", "taliban", date(2021, 6, 25)),
    }


@pytest.mark.parametrize("dash", ["—", "--", ":"])
def test_a_dateline_is_no_antecedent_of_the_districts(gazetteer, dash):
    text = (
        f"KABUL (Agency) {dash} Afghan forces have regained control of Almar and Qaisar "
        "districts in Faryab province, the ministry said. The Taliban overran the districts "
        "last month."
    )
    found = {(name, status) for name, status, _by in claims(text, gazetteer)}
    assert found == {
        ("Almar", "government"),
        ("Qaysar", "government"),
        ("Almar", "taliban"),
        ("Qaysar", "taliban"),
    }


def test_a_tally_in_a_described_region_names_the_region(gazetteer):
    text = "The Taliban have taken eight districts in northeastern Badakhshan province."
    found = extract_article(article_from_text(text, published=date(2021, 7, 4)), gazetteer)
    assert [(a.count, a.region) for a in found.aggregate_claims] == [(8, "Badakhshan")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a province's share: "ten of Badakhshan's 28 districts"
        (
            "Insurgents now hold at least ten of Badakhshan's 28 districts.",
            [(10, 28, "Badakhshan")],
        ),
        # whose hands the districts are in is no region
        ("There are now 12 districts in Taliban hands, officials said.", []),
    ],
)
def test_a_tally_of_a_provinces_districts(gazetteer, sentence, expected):
    found = extract_article(article_from_text(sentence, published=date(2021, 7, 4)), gazetteer)
    assert [(a.count, a.total, a.region) for a in found.aggregate_claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kunduz fell on August 6; Taloqan fell a day later.",
            {("Kunduz", date(2021, 8, 6)), ("Taloqan", date(2021, 8, 7))},
        ),
        (
            "Kunduz fell on August 6, and Taloqan fell two days later.",
            {("Kunduz", date(2021, 8, 6)), ("Taloqan", date(2021, 8, 8))},
        ),
        # the step counts from a date the sentence gives, even to an event with no claim
        (
            "Kunduz was handed over on August 6; Taloqan fell a day later.",
            {("Taloqan", date(2021, 8, 7))},
        ),
    ],
)
def test_days_later_in_the_same_sentence_count_from_its_earlier_date(gazetteer, text, expected):
    article = article_from_text(text, published=date(2021, 8, 12))
    assert {(c.place.name, c.as_of) for c in extract_article(article, gazetteer).claims} == expected


def test_an_appositions_own_relative_keeps_its_time_to_itself(gazetteer):
    text = (
        "Afghan forces have retaken Bala Murghab, a district in Badghis that fell to the "
        "Taliban in May, the defence ministry said on Wednesday."
    )
    assert dated(text, gazetteer, date(2021, 6, 30)) == {
        ("Bala Murghab", "government", date(2021, 6, 30)),
        ("Bala Murghab", "taliban", date(2021, 5, 1)),
    }


def test_a_step_from_an_undated_event_is_never_after_publication(gazetteer):
    text = "The Taliban captured Khulm, followed by Kaldar a day later."
    assert dated(text, gazetteer, date(2021, 8, 12)) == {
        ("Khulm", "taliban", date(2021, 8, 12)),
        ("Kaldar", "taliban", date(2021, 8, 12)),
    }
