"""Place extraction on the seeds and on small sentences that exercise each rule."""

import pytest

from geomap.extract.places import places_from_text


def found(text, gazetteer):
    return {
        (p.mention, p.kind, p.country, p.district_pcode, p.province_pcode)
        for p in places_from_text(text, gazetteer)
    }


def test_seed_places(gazetteer, seed_texts):
    places = [p for text in seed_texts.values() for p in places_from_text(text, gazetteer)]
    by_mention = {}
    for p in places:
        by_mention.setdefault(p.mention, set()).add((p.kind, p.district_pcode, p.province_pcode))
    assert ("border-crossing", "AF3213", "AF32") in by_mention["Islam Qala"]
    assert ("border-crossing", "AF1905", "AF19") in by_mention["Shir Khan Bandar"]
    assert ("base", "AF0302", "AF03") in by_mention["Bagram air base"]
    assert {pc for k, pc, _ in by_mention["Qala-i-Naw"] | by_mention["Qala-e-Naw"]} == {"AF3101"}
    assert ("province", None, "AF31") in by_mention["Badghis province"]
    assert ("city", "AF0101", "AF01") in by_mention["Kabul"]
    assert any(pp == "AF32" for _k, _d, pp in by_mention["Herat"])
    foreign = {p.mention: p.country for p in places if p.country not in ("AF", None)}
    for name, iso in [
        ("Iran", "IR"),
        ("Tajikistan", "TJ"),
        ("China", "CN"),
        ("Moscow", "RU"),
        ("Doha", "QA"),
        ("Washington", "US"),
        ("Pakistan", "PK"),
    ]:
        assert foreign.get(name) == iso, name


def test_offsets_point_at_the_mention(gazetteer, seed_texts):
    for text in seed_texts.values():
        for p in places_from_text(text, gazetteer):
            assert text[p.start : p.end] == p.mention


@pytest.mark.parametrize(
    ("text", "mention", "kind"),
    [
        ("Fighting continued in Herat province on Monday.", "Herat province", "province"),
        ("The Taliban entered the city of Herat on Monday.", "Herat", "city"),
        ("Five districts in Herat fell without a fight.", "Herat", "province"),
        ("Police in Kunduz said the city was calm.", "Kunduz", "city"),
        ("The Taliban entered Bagram district.", "Bagram district", "district"),
        ("US forces left Bagram Air Base.", "Bagram Air Base", "base"),
        ("Clashes were reported in Badghis.", "Badghis", "province"),
        ("Fighting in Baghlan, Kunduz, Balkh and Faryab went on.", "Kunduz", "province"),
        ("Two districts in Ghazni and Parwan provinces fell.", "Ghazni", "province"),
        ("The army retook Nirkh and Jalrez districts.", "Nirkh", "district"),
    ],
)
def test_disambiguation_by_context(gazetteer, text, mention, kind):
    kinds = {p.kind for p in places_from_text(text, gazetteer) if p.mention == mention}
    assert kinds == {kind}


def test_kabul_government_is_still_kabul_not_a_new_place(gazetteer):
    places = places_from_text("The Kabul government disputes the claim.", gazetteer)
    assert [(p.name, p.kind) for p in places] == [("Kabul", "city")]


@pytest.mark.parametrize(
    "text",
    [
        "Now the group says it holds the area.",
        "Bar owners were told to close.",
        "Said the commander: we will stay.",
        "President Ashraf Ghani spoke on Friday.",
        "Mohammad Najibullah ruled until 1992.",
        "Taliban spokesman Zabihullah Mujahid said so.",
        "Khan said the Bandar office was closed.",
        "Spokesman Suhail Shaheen denied it.",
        "The veteran Uzbek commander rallied his men.",  # a people, not Zebak
        "Baloch tribesmen crossed the desert.",  # not Balkh
    ],
)
def test_no_false_places_from_words_or_people(gazetteer, text):
    assert [p.mention for p in places_from_text(text, gazetteer) if p.country == "AF"] == []


def test_villages_need_an_explicit_cue(gazetteer):
    assert not [
        p for p in places_from_text("Doha talks resumed.", gazetteer) if p.kind == "village"
    ]
    village = [
        p
        for p in places_from_text("Residents of Bandar village fled.", gazetteer)
        if p.kind == "village"
    ]
    assert village and village[0].district_pcode


def test_foreign_places_are_marked_foreign(gazetteer):
    places = places_from_text("Delegates flew from Tehran to Islamabad and Dushanbe.", gazetteer)
    assert {(p.mention, p.country) for p in places} == {
        ("Tehran", "IR"),
        ("Islamabad", "PK"),
        ("Dushanbe", "TJ"),
    }


def test_spelling_variants_resolve_to_one_district(gazetteer):
    codes = {
        p.district_pcode
        for t in ("Qala-e-Naw", "Qala-i-Naw", "Qala i Naw", "Qal`ah-ye Now")
        for p in places_from_text(f"Troops reached {t} today.", gazetteer)
    }
    assert codes == {"AF3101"}


@pytest.mark.parametrize(
    ("spelling", "pcode"),
    [
        ("Chishti Sharif", "AF3216"),
        ("Charkint", "AF2104"),
        ("Keran wa Menjan", "AF1726"),
        ("Tala wa Barfak", "AF0911"),
        ("Maiwand", "AF2710"),
        ("Zhari", "AF2705"),
        # a short name's final h after a vowel, e/i and o/u
        ("Obeh", "AF3212"),
        # one word or two, "wa" ("and") or not
        ("Deh Rawood", "AF2502"),
        ("Dand Patan", "AF1311"),
        ("Nahrisaraj", "AF3004"),
        # districts made after the 2018 boundaries: the district they were carved from
        ("Marjah", "AF3002"),
        ("Zawol", "AF3214"),
        ("Takhta Pul", "AF2711"),
        ("Delaram", "AF3405"),  # its town, in Khashrod, a village in the gazetteer
        # a district's other name
        ("Baghlan-e Markazi", "AF0905"),
        # a gazetteer point that falls in a neighbour's polygon lends it no name
        ("Hisarak", "AF0621"),
    ],
)
def test_news_spellings_of_districts(gazetteer, spelling, pcode):
    places = places_from_text(f"The Taliban captured {spelling} district on Monday.", gazetteer)
    assert [(p.kind, p.district_pcode) for p in places] == [("district", pcode)]


def test_a_two_word_name_written_as_one_word_is_found_without_a_kind_word(gazetteer):
    places = places_from_text("The Taliban captured Charbolak and Dehrawud on Monday.", gazetteer)
    assert [(p.mention, p.kind, p.district_pcode) for p in places] == [
        ("Charbolak", "district", "AF2111"),
        ("Dehrawud", "district", "AF2502"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a known name that only opens an unknown compound is not that name
        ("Clashes hit the Dara-e-Shahran area of Nijrab district.", ["Nijrab district"]),
        ("Fighting reached the Nahrin-e-Bala area in Baghlan.", ["Baghlan"]),
        # nor is the compound's tail
        ("Police said Khwaja-e-Miran village in Balkh was calm.", ["Balkh"]),
        # known compounds are still names, with hyphens or spaces
        ("The Taliban took Qala-i-Naw and Mazar-i-Sharif.", ["Qala-i-Naw", "Mazar-i-Sharif"]),
        ("Convoys left Pul-e Khumri for Qala-e Naw.", ["Pul-e Khumri", "Qala-e Naw"]),
    ],
)
def test_an_unknown_compound_is_not_its_first_name(gazetteer, text, expected):
    assert [p.mention for p in places_from_text(text, gazetteer)] == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # one sentence names the province as such: the bare name is its district
        ("Insurgents seized Balkh and surrounded Mazar-i-Sharif in Balkh province.", "district"),
        ("Troops held Balkh, a district of Balkh Province, on Sunday.", "district"),
        # another sentence, or a headline line above, leaves the bare name a province
        ("Insurgents advanced in Balkh. Mazar-i-Sharif in Balkh province held.", "province"),
        ("Fighting in northern Balkh\n\nA district in Balkh province fell.", "province"),
    ],
)
def test_a_bare_name_beside_its_province_is_the_smaller_place(gazetteer, text, kind):
    first = places_from_text(text, gazetteer)[0]
    assert (first.mention, first.kind == "province") == ("Balkh", kind == "province")
    if kind == "district":
        assert first.district_pcode == "AF2106"


def test_a_name_placed_once_in_a_province_is_placed_there_everywhere(gazetteer):
    text = (
        "Khash falls to the Taliban\n\n"
        "The city of Khash in Badakhshan fell on Tuesday. Residents said Khash was quiet."
    )
    khash = [p for p in places_from_text(text, gazetteer) if p.mention == "Khash"]
    assert len(khash) == 3
    assert {p.province_pcode for p in khash} == {"AF17"}  # not the town in Nimroz
    # placed in two provinces, a bare mention keeps its own default meaning
    two = "Khash was calm. Khash in Nimroz and Khash in Badakhshan are namesakes."
    assert places_from_text(two, gazetteer)[0].province_pcode == "AF34"


@pytest.mark.parametrize(
    "text",
    [
        # a locator after a conjoined pair places both members
        "Fighting hit Du Ab and Mandol in Nuristan on Monday.",
        # a province that locates the name before it opens no list of provinces
        "Insurgents took Shinkai in Zabul, Du Ab, Mandol and Kamdesh in Nuristan.",
    ],
)
def test_list_members_take_the_locator_that_follows_the_list(gazetteer, text):
    du_ab = next(p for p in places_from_text(text, gazetteer) if p.mention == "Du Ab")
    assert (du_ab.kind, du_ab.province_pcode) == ("district", "AF16")


@pytest.mark.parametrize(
    ("text", "mention", "kind", "district"),
    [
        # "area" asks for a village where the name is nothing bigger, placed by the district
        ("Troops held the Dashtak area of Nili district.", "Dashtak", "village", "AF2404"),
        ("Outposts in the Sarband and Dashtak areas of Nili held.", "Dashtak", "village", "AF2404"),
        # a district's or town's name with "area" stays the district or town
        ("Fighting raged in the Chimtal area on Monday.", "Chimtal", "city", "AF2108"),
    ],
)
def test_an_area_is_a_village_unless_the_name_is_bigger(gazetteer, text, mention, kind, district):
    found = {p.mention: (p.kind, p.district_pcode) for p in places_from_text(text, gazetteer)}
    assert found[mention] == (kind, district)


def test_an_unnamed_airport_is_the_airport_of_the_city_named_before(gazetteer):
    text = "Insurgents entered Kunduz on Sunday. The airport remained open."
    airport = [p for p in places_from_text(text, gazetteer) if p.mention == "The airport"]
    assert [(p.kind, p.name) for p in airport] == [("base", "Kunduz Airport")]
    # a city without an airport in the gazetteer gives none
    text = "Insurgents entered Aybak on Sunday. The airport remained open."
    assert all(p.kind != "base" for p in places_from_text(text, gazetteer))


def test_the_capital_of_a_province_is_its_capital_when_not_named(gazetteer):
    places = places_from_text("The capital of Helmand province fell on Friday.", gazetteer)
    assert [(p.mention, p.district) for p in places if p.kind == "city"] == [
        ("capital", "Lashkargah")
    ]
    # named in apposition, or anywhere in the text: that name is the place
    text = "The capital of Helmand, Lashkar Gah, fell on Friday."
    assert [p.mention for p in places_from_text(text, gazetteer) if p.kind == "city"] == [
        "Lashkar Gah"
    ]


def test_a_river_named_like_a_district_is_no_place(gazetteer):
    text = "Insurgents seized the Arghandab river crossing near Kandahar."
    assert [p.mention for p in places_from_text(text, gazetteer)] == ["Kandahar"]


def test_a_politics_story_has_no_afghan_places(gazetteer):
    text = (
        "WASHINGTON (AP) — President Joe Biden met Senate Majority Leader Chuck Schumer as "
        "Speaker Nancy Pelosi said the House would vote. Governor Greg Abbott signed an "
        "order. General Mark Milley spoke. Secretary Antony Blinken called Prime Minister "
        "Imran Khan. Zalmay Khalilzad returned. Mullah Abdul Ghani Baradar arrived. "
        "Rashid Khan took three wickets and Mohammad Nabi scored 50 runs."
    )
    assert [p.mention for p in places_from_text(text, gazetteer) if p.country == "AF"] == []


@pytest.mark.parametrize(
    ("sentence", "mention", "district"),
    [
        # The province named as the location decides between namesakes.
        (
            "Fighting reached Arghandab district in Kandahar province.",
            "Arghandab district",
            "AF2702",
        ),
        ("Fighting reached Arghandab district in Zabul province.", "Arghandab district", "AF2605"),
        # ... even against the kind word: Badakhshan has a Khash district, no Khash town.
        ("The town of Khash in Badakhshan province fell.", "Khash", "AF1705"),
        # Short names: one word or two, -ai or -ay.
        ("Insurgents entered Ala Sai on Monday.", "Ala Sai", "AF0207"),
        ("Insurgents entered Alasai on Monday.", "Alasai", "AF0207"),
        # A slip of the keyboard, when the text says which kind of place it is.
        ("Officials in Kohsann district said so.", "Kohsann district", "AF3213"),
    ],
)
def test_names_resolve_by_location_spelling_and_slips(gazetteer, sentence, mention, district):
    places = {p.mention: p.district_pcode for p in places_from_text(sentence, gazetteer)}
    assert places.get(mention) == district


def test_a_namesake_keeps_the_meaning_the_article_gave_it(gazetteer):
    text = (
        "Dawlat Abad district in Faryab was attacked. Later, elders said Dawlat Abad "
        "district was calm."
    )
    found = [p.district_pcode for p in places_from_text(text, gazetteer) if p.kind == "district"]
    assert found == ["AF2909", "AF2909"]


def test_an_unknown_name_without_a_kind_word_is_not_guessed(gazetteer):
    assert places_from_text("Officials met in Samangarn on Monday.", gazetteer) == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Khulm district in Kunduz fell on Monday.", "Kunduz"),  # locates another place
        ("Obe in Herat and Saghar in Ghor fell.", "Herat"),
        ("Insurgents took Kandahar’s Khakriz district.", "Kandahar"),  # possessive of a district
        ("A spokesman for the Herat governor said so.", "Herat"),  # a province's office
        ("Fighting continued in the provinces of Ghazni, Kunduz and Takhar.", "Kunduz"),
    ],
)
def test_a_name_plays_the_province_when_it_locates_or_owns(gazetteer, text, mention):
    kinds = {p.mention: p.kind for p in places_from_text(text, gazetteer)}
    assert kinds[mention] == "province"


def test_a_bare_provincial_capital_is_the_city(gazetteer):
    kinds = {p.mention: p.kind for p in places_from_text("Insurgents entered Kunduz.", gazetteer)}
    assert kinds["Kunduz"] == "city"


@pytest.mark.parametrize(
    ("text", "district"),
    [
        ("Rockets hit Kunduz airport overnight.", "AF1901"),
        ("Rockets hit Lashkar Gah airport overnight.", "AF3001"),
    ],
)
def test_airports_of_provincial_capitals(gazetteer, text, district):
    bases = [p for p in places_from_text(text, gazetteer) if p.kind == "base"]
    assert [p.district_pcode for p in bases] == [district]


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # an "-ing" verb opening the sentence is no first name
        ("Seizing Almar, the insurgents moved north.", True),
        ('"Retaking Almar took a week," the commander said.', True),
        # a capitalised word before a name inside a sentence may still be one
        ("The envoy met Harding Almar in Doha.", False),
    ],
)
def test_a_verb_opening_the_sentence_is_not_part_of_a_name(gazetteer, text, present):
    assert any(p.mention == "Almar" for p in places_from_text(text, gazetteer)) is present


def test_a_site_named_after_its_district_does_not_hide_the_district(gazetteer):
    # the curated crossing is spelt "Ishkashim", the boundaries' district "Eshkashem"
    assert found("Insurgents seized Ishkashim district.", gazetteer) >= {
        ("Ishkashim district", "district", "AF", "AF1723", "AF17")
    }
    assert found("Insurgents seized Ishkashim and Khwahan districts.", gazetteer) >= {
        ("Ishkashim", "district", "AF", "AF1723", "AF17")
    }
    assert found("Traders crossed at Ishkashim.", gazetteer) == {
        ("Ishkashim", "border-crossing", "AF", "AF1723", "AF17")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Insurgents hold most of Herat province's 16 districts, including Shindand and Adraskan.",
        "Insurgents took several districts, including Shindand.",
        "Insurgents took districts such as Shindand.",
    ],
)
def test_names_after_districts_including_are_districts(gazetteer, text):
    kinds = {p.mention: p.kind for p in places_from_text(text, gazetteer)}
    assert kinds["Shindand"] == "district"


def test_a_site_named_by_the_place_that_owns_it_is_the_site(gazetteer):
    places = places_from_text("Government forces still hold Kandahar's airport.", gazetteer)
    assert [(p.mention, p.kind) for p in places] == [("Kandahar's airport", "base")]
    places = places_from_text("Kandahar's governor said the city was calm.", gazetteer)
    assert [p.kind for p in places] != ["base"]


@pytest.mark.parametrize(
    "text",
    [
        "In Paktia, the insurgents hold Zurmat and Jani Khel.",
        "In Paktia the insurgents hold three districts: Zurmat, Jani Khel and Shwak.",
    ],
)
def test_a_named_province_outweighs_a_town_of_the_same_name_elsewhere(gazetteer, text):
    # Jani Khel is a district of Paktia and of Paktika, and a town of Paktika
    place = next(p for p in places_from_text(text, gazetteer) if p.mention == "Jani Khel")
    assert (place.kind, place.province_pcode) == ("district", "AF13")


def test_a_newer_districts_town_named_alone_is_its_parent_district(gazetteer):
    places = places_from_text("Delaram remained under government control.", gazetteer)
    assert [(p.kind, p.district_pcode) for p in places] == [("district", "AF3405")]


def test_an_unknown_name_listed_between_districts_is_a_misspelt_district(gazetteer):
    text = "Kohsan, Shindand, Adraskam and Pashtun Zarghun are among the districts that fell."
    kinds = {p.mention: (p.kind, p.district_pcode) for p in places_from_text(text, gazetteer)}
    adraskan = places_from_text("Adraskan district fell.", gazetteer)[0]
    assert kinds["Adraskam"] == ("district", adraskan.district_pcode)
    # a person's name in a list of districts is no district
    assert [p.mention for p in places_from_text("Khulm, Ahmad and Dehdadi fell.", gazetteer)] == [
        "Khulm",
        "Dehdadi",
    ]


def test_the_provincial_capital_of_a_named_province_is_its_centre(gazetteer):
    text = "Insurgents took a district in Kunduz province and encircled the provincial capital."
    capital = [p for p in places_from_text(text, gazetteer) if p.mention.startswith("the ")]
    kunduz = next(p for p in places_from_text("Kunduz city", gazetteer) if p.kind == "city")
    assert [(p.kind, p.district_pcode) for p in capital] == [("city", kunduz.district_pcode)]
    # named in the text, it is that name, not a second place
    named = "Insurgents entered Helmand province and the provincial capital, Lashkar Gah."
    assert not [p for p in places_from_text(named, gazetteer) if p.mention.startswith("the ")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the Helmand capital" is the capital, as the boundaries place it
        ("Fighting raged in the Helmand capital.", ("Lashkargah", "city")),
        # or as the text names it elsewhere: one place, by one name
        (
            "Residents fled Lashkar Gah. Fighting raged in the Helmand capital.",
            ("Lashkar Gah", "city"),
        ),
        (
            "Residents fled Lashkar Gah. Fighting raged in the capital of Helmand.",
            ("Lashkar Gah", "city"),
        ),
    ],
)
def test_the_capital_named_by_its_province(gazetteer, text, expected):
    places = places_from_text(text, gazetteer)
    assert [(p.name, p.kind) for p in places if p.mention == "capital"] == [expected]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a scene set for a district of the same province is the province
        ("In Kandahar, Arghandab district saw heavy clashes.", "province"),
        ("Elsewhere in Kandahar, the Taliban captured Arghandab district.", "province"),
        # and no member of the list of its districts that follows
        ("In Kandahar, Arghandab and Panjwai districts fell.", "province"),
        # without one, the bare name is still the city
        ("In Kandahar, heavy fighting went on.", "city"),
    ],
)
def test_a_fronted_scene_of_a_district_in_it_is_the_province(gazetteer, text, kind):
    places = places_from_text(text, gazetteer)
    assert [p.kind for p in places if p.mention == "Kandahar"] == [kind]


@pytest.mark.parametrize("name", ["Khost-o-Fereng", "Khost o Fereng", "Fereng-o-Gharu"])
def test_a_district_spelt_with_o_for_and_is_found_whole(gazetteer, name):
    places = places_from_text(f"{name} district was overrun on Monday.", gazetteer)
    assert [(p.mention.removesuffix(" district"), p.kind) for p in places] == [(name, "district")]
