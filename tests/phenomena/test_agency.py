"""Class 3 and 4: status follows from who acted (agent × action), in any tense."""

import pytest


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Government troops managed to reclaim Khulm on Sunday.", "government"),
        ("Troops left Almar on Friday for lack of ammunition.", "taliban"),
        ("Insurgents regained control of Andkhoy on Sunday.", "taliban"),
        ("The insurgents retreated from Chaghcharan after losing dozens of men.", "government"),
        ("Almar falls to insurgents; clashes go on elsewhere.", "taliban"),
        ("Police beat back an assault on the outskirts of Gardez.", "government"),
        ("The army pushed back an insurgent offensive against Asadabad.", "government"),
        ("The insurgents seized the district building in Chahar Kint.", "taliban"),
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
