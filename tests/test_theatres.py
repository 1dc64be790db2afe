"""Theatres as data: the Afghan default, Ukraine as the second, and a user's own file."""

import csv
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.errors import TheatreError
from geomap.extract.articles import article_from_text
from geomap.geo.gazetteer import load_gazetteer
from geomap.pipeline import extract_article, load_reader
from geomap.theatre import load_theatre, read_theatre, theatres

# Invented sentences in the wording of the war's news (not corpus text).
FRONT = (
    "Published: 2023-09-20\n\n"
    "Ukrainian troops liberated Klishchiivka on Tuesday, the General Staff said.\n\n"
    "Russia's defence ministry said its forces had taken full control of Soledar.\n\n"
    "The troops were withdrawn from Krynky to more favourable positions, Ukraine's army said.\n"
)


@pytest.fixture(scope="module")
def ukraine(settings):
    return settings.with_(theatre="ukraine-2022")


def claims_in(text, settings):
    extraction = extract_article(article_from_text(text), *load_reader(settings))
    return {(c.place.name, c.status, c.claimed_by) for c in extraction.claims}


def run(settings, *args):
    return CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), *args])


def test_installed_theatres_and_an_unknown_one(settings):
    found = theatres(settings)
    assert {"afghanistan-2021", "ukraine-2022"} <= set(found)
    ukraine = found["ukraine-2022"]
    assert (ukraine.attacker, ukraine.defender, ukraine.country) == ("russia", "ukraine", "UA")
    assert ukraine.map_statuses == (
        "russia",
        "russia-claimed",
        "contested",
        "ukraine",
        "no-reports",
    )
    with pytest.raises(TheatreError, match="installed: afghanistan-2021"):
        load_theatre("crimea-1854", settings)


def test_the_ukrainian_gazetteer_knows_renamed_and_small_places(ukraine):
    gazetteer = load_gazetteer(ukraine)
    assert gazetteer.lookup("Artemivsk")[0].name == "Bakhmut"  # renamed in 2016
    robotyne = gazetteer.lookup("Robotyne")[0]  # a village from the transliterated postal list
    assert (robotyne.kind, robotyne.province_pcode) == ("village", "UA-23")
    lyman = gazetteer.lookup("Lyman")[0]  # the postal point is 83 km off: the curated one wins
    assert lyman.province_pcode == "UA-14"
    assert any(
        e.kind == "province" and e.province_pcode == "UA-14"
        for e in gazetteer.lookup("Donetsk region")
    )


def test_a_villages_other_romanisation_finds_it_and_a_surname_does_not(ukraine):
    gazetteer = load_gazetteer(ukraine)
    # "yu" for "iu", "yi" for "i": the same village, in the same oblasts
    assert {e.province_pcode for e in gazetteer.lookup("Myrolyubivka")} == {
        e.province_pcode for e in gazetteer.lookup("Myroliubivka")
    }
    assert gazetteer.lookup("Klishchiyivka")[0].name == "Klishchiivka"
    # the Russian romanisation, by the theatre's spelling table (g is h, -ovka is -ivka)
    assert "Krasnohorivka" in {e.name for e in gazetteer.lookup("Krasnogorovka")}
    assert "Staromaiorske" in {e.name for e in gazetteer.lookup("Staromayorskoye")}
    # the commander's surname is no village "Zaluzhne"
    assert gazetteer.lookup("Zaluzhnyi") == []


def test_the_side_speaking_is_the_agent_of_a_liberation_and_a_withdrawal(ukraine):
    found = claims_in(FRONT, ukraine)
    assert ("Klishchiivka", "ukraine", "ukraine") in found
    assert ("Soledar", "russia", "russia") in found
    assert ("Krynky", "russia", "ukraine") in found  # Ukraine's own withdrawal


def test_an_official_no_word_ties_to_a_side_speaks_for_the_last_side_quoted(ukraine):
    text = (
        "Published: 2023-02-10\n\n"
        "Russia said on Friday its forces had taken control of Soledar.\n\n"
        '"The liberation of Vuhledar was completed," the defence ministry announced.\n'
    )
    assert ("Vuhledar", "russia", "russia") in claims_in(text, ukraine)


def test_observers_speak_for_no_side_and_namesakes_lose_their_council(ukraine):
    text = (
        "Published: 2024-02-20\n\n"
        "Russian milbloggers claimed that Russian forces captured Novobakhmutivka.\n"
    )
    # the postal list names it "Novobakhmutivka (… village council)"
    assert claims_in(text, ukraine) == {("Novobakhmutivka", "russia", "third-party")}


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Kupiansk is now under Russian control, the governor said.", ("Kupiansk", "russia")),
        ("Melitopol has been under Russian occupation for months.", ("Melitopol", "russia")),
        ("Russian forces had broken into Toretsk, Kyiv said.", ("Toretsk", "contested")),
        ("Ukrainian soldiers hoisted the flag over Kherson.", ("Kherson", "ukraine")),
        ("Russian troops liberated the settlement of Robotyne.", ("Robotyne", "russia")),
        ("The enemy occupied part of Krasnohorivka, Kyiv said.", ("Krasnohorivka", "contested")),
        ("Zelensky said Ukrainian forces were still holding Bakhmut.", ("Bakhmut", "ukraine")),
        (
            "Ukraine's army said the situation in Avdiivka was difficult but under control.",
            ("Avdiivka", "ukraine"),
        ),
        ("People in Russian-held Tokmak said the shelling went on.", ("Tokmak", "russia")),
        ("Heavy fighting went on for Chasiv Yar, the army said.", ("Chasiv Yar", "contested")),
        ("The Ukrainian flag was raised over Kupiansk.", ("Kupiansk", "ukraine")),
        ("The front line now runs through Krynky.", ("Krynky", "contested")),
        ("Russian forces occupy most of Bakhmut, Kyiv said.", ("Bakhmut", "contested")),
        ("Wagner fighters captured the AZOM plant in Bakhmut.", ("Bakhmut", "contested")),
        ("Ukrainian defenders are holding the line at Chasiv Yar.", ("Chasiv Yar", "ukraine")),
        # "its forces control X": the side speaking
        ("The Wagner group said its fighters controlled Soledar.", ("Soledar", "russia")),
        ("Kyiv said its troops still hold Soledar.", ("Soledar", "ukraine")),
        ("Russia claimed that its forces controlled the whole of Soledar.", ("Soledar", "russia")),
        ("Ukrainian forces maintain positions in Robotyne.", ("Robotyne", "ukraine")),
        # holding back an onslaught is beating it back
        ("Our defenders are holding back the onslaught near Pokrovsk.", ("Pokrovsk", "ukraine")),
        ("Ukrainian troops held back a Russian advance on Pokrovsk.", ("Pokrovsk", "ukraine")),
        # Russia's groups of forces, however the news names them
        (
            "Units of the Center battlegroup liberated the community of Novomykhailivka.",
            ("Novomykhailivka", "russia"),
        ),
        ("Robotyne was liberated by units of the Yug group.", ("Robotyne", "russia")),
        (
            "Battlegroup South units repelled three Ukrainian attacks near Bakhmut.",
            ("Bakhmut", "russia"),
        ),
        ("Kyiv said its troops held their positions in Robotyne.", ("Robotyne", "ukraine")),
    ],
)
def test_the_wording_of_this_wars_news(ukraine, sentence, claim):
    found = claims_in(f"Published: 2023-07-10\n\n{sentence}\n", ukraine)
    assert claim in {(place, status) for place, status, _by in found}


def test_claims_about_the_whole_country_are_read_in_any_theatre(ukraine):
    text = (
        "Published: 2024-02-20\n\n"
        "Russia controls about 18% of Ukraine's territory, the Kremlin said.\n"
    )
    extraction = extract_article(article_from_text(text), *load_reader(ukraine))
    [national] = extraction.aggregate_claims
    assert (national.share, national.claimed_by) == (0.18, "russia")


def test_a_place_outside_the_theatre_takes_no_claim(settings, ukraine):
    text = "Published: 2023-05-20\n\nRussian forces captured Kunduz on Friday.\n"
    assert claims_in(text, ukraine) == set()  # Kunduz is not in Ukraine
    assert claims_in(text, settings) == set()  # and Russian forces are not the Taliban


def test_a_raion_whose_settlements_the_parties_hold_apart_is_contested(ukraine, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "front.txt").write_text(FRONT)
    result = run(
        ukraine,
        "build",
        "--theatre",
        "ukraine-2022",
        str(tmp_path / "in"),
        "-o",
        str(tmp_path / "out"),
    )
    assert result.exit_code == 0, result.output
    with (tmp_path / "out" / "districts.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 495  # every pre-2020 raion is listed
    bakhmut = next(r for r in rows if r["name"] == "Bakhmut")  # Soledar and Klishchiivka
    assert bakhmut["status"] == "contested"
    assert "different settlements" in bakhmut["reason"]
    html = (tmp_path / "out" / "map.html").read_text()
    assert "Claimed control of Ukrainian raions" in html
    assert "Raions by status" in html and "Russia (reported)" in html
    assert "Taliban" not in html


def test_articles_about_ukraine_under_the_default_theatre_name_the_right_one(settings, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "front.txt").write_text(FRONT)
    result = run(settings, "build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q")
    assert result.exit_code != 0
    assert "try --theatre ukraine-2022" in result.output
    assert not (tmp_path / "out" / "map.html").exists()


def test_a_users_theatre_file_is_installed_by_dropping_it_in(settings, tmp_path):
    user = settings.with_(data_dir=tmp_path)
    (tmp_path / "theatres").mkdir()
    shipped = Path(load_theatre("afghanistan-2021", settings).path)
    text = shipped.read_text(encoding="utf-8").replace(
        'id = "afghanistan-2021"', 'id = "afghanistan-2001"'
    )
    (tmp_path / "theatres" / "afghanistan-2001.toml").write_text(text)
    assert read_theatre(tmp_path / "theatres" / "afghanistan-2001.toml").title
    result = run(user, "theatres")
    assert result.exit_code == 0
    assert "afghanistan-2001" in result.output and "ukraine-2022" in result.output


def test_a_broken_theatre_file_is_named(tmp_path):
    path = tmp_path / "bad.toml"
    shutil.copy(__file__, path)  # not TOML at all
    with pytest.raises(TheatreError, match="bad.toml"):
        read_theatre(path)


def test_a_broken_spelling_table_is_named(settings, tmp_path):
    text = Path(load_theatre("ukraine-2022", settings).path).read_text(encoding="utf-8")
    path = tmp_path / "spelt.toml"
    path.write_text(text.replace('["g", "h"]', '["(g", "h"]'), encoding="utf-8")
    with pytest.raises(TheatreError, match=r"spelt.toml: \[spellings\]"):
        read_theatre(path)


def test_a_theatres_people_and_party_words_are_never_read_as_names(settings, tmp_path):
    assert {"russian", "ukrainian", "russia's"} <= load_theatre("ukraine-2022", settings).name_words
    afghan = load_theatre("afghanistan-2021", settings)
    assert {"afghan", "taliban"} <= afghan.name_words and "russian" not in afghan.name_words
    text = Path(afghan.path).read_text(encoding="utf-8")
    path = tmp_path / "coalition.toml"
    path.write_text(text.replace('adjective = "Afghan"', 'adjective = "Coalition"'))
    assert "coalition" in read_theatre(path).name_words
    assert load_gazetteer(settings).name_words == afghan.name_words


def test_a_place_held_by_one_side_does_not_make_its_residents_that_side(ukraine):
    text = "Published: 2023-07-10\n\nResidents of Russian-held Tokmak said the shelling went on.\n"
    assert claims_in(text, ukraine) == {("Tokmak", "russia", "third-party")}


def test_a_river_named_after_its_bank_is_no_city(ukraine):
    found = claims_in(
        "Published: 2023-11-10\n\nUkrainian marines gained a foothold on the left bank of the "
        "Dnipro and took Krynky.\n",
        ukraine,
    )
    assert {place for place, _status, _by in found} == {"Krynky"}


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # a dateline's agency credit is not the speaker
        (
            "KYIV, Aug 28 (Reuters) - Ukraine said on Monday its troops had liberated Robotyne.",
            ("Robotyne", "ukraine", "ukraine"),
        ),
        # "its forces": the speaker's own side acted
        (
            "Kyiv said last week that its forces had raised the flag in Robotyne.",
            ("Robotyne", "ukraine", "ukraine"),
        ),
        # "the aforementioned village": the village named before
        (
            "Russian forces attacked Krasna Hora. Later, Wagner boasted about capturing the "
            "aforementioned village.",
            ("Krasna Hora", "russia", "russia"),
        ),
    ],
)
def test_who_says_it_and_which_village_it_means(ukraine, text, claim):
    assert claim in claims_in(f"Published: 2023-08-28\n\n{text}\n", ukraine)


def test_a_direction_names_no_place_under_attack(ukraine):
    found = claims_in(
        "Published: 2024-08-20\n\nThe enemy is attacking in the direction of Pokrovsk, the "
        "General Staff said.\n",
        ukraine,
    )
    assert found == set()


def test_the_left_bank_is_no_withdrawal(ukraine):
    found = claims_in(
        "Published: 2023-03-20\n\nKyiv said Russian forces were shelling Kherson from the left "
        "bank.\n",
        ukraine,
    )
    assert found == set()


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # the speaker's own troops pushed out: the place is the other side's, by the speaker
        ("Kyiv said its troops had been pushed out of Krynky.", ("Krynky", "russia", "ukraine")),
        # denied, the place stays the speaker's
        (
            "Kyiv denied that its troops had been pushed out of Krynky.",
            ("Krynky", "ukraine", "ukraine"),
        ),
    ],
)
def test_the_speakers_own_troops_pushed_out(ukraine, sentence, claim):
    assert claims_in(f"Published: 2023-12-20\n\n{sentence}\n", ukraine) == {claim}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the units named after a colon are those the verb counts, taken whole
        (
            "Ukrainian forces have lost two villages since Friday: Krokhmalne and Stelmakhivka.",
            {("Krokhmalne", "russia"), ("Stelmakhivka", "russia")},
        ),
        # the English of the first theatre reads the same here
        ("Ukrainian troops walked into Kherson unopposed.", {("Kherson", "ukraine")}),
        ("Ukrainian forces ended the Russian occupation of Izium.", {("Izium", "ukraine")}),
    ],
)
def test_lists_entries_and_ends_read_alike_in_this_theatre(ukraine, sentence, expected):
    found = claims_in(f"Published: 2022-10-05\n\n{sentence}\n", ukraine)
    assert {(place, status) for place, status, _by in found} == expected
