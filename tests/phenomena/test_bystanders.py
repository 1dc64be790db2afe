"""Classes 8-11 and 14: places that only locate, refer or name an office get no claim."""

import pytest


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In Logar, insurgents overran Azra district.", {("Azra", "taliban")}),
        ("Azra district fell to insurgents in Logar province.", {("Azra", "taliban")}),
        ("Troops retook a district in Kapisa province on Sunday.", set()),
        ("Nine of Ghor's districts are now in Taliban hands.", set()),
        ("Pul-e Alam, an hour's drive from Kabul, was also overrun.", {("Pul-e", "taliban")}),
        ("A Jawzjan police spokesman said fighting lasted through the night.", set()),
    ],
)
def test_bystanders_take_no_claim(claims_of, sentence, expected):
    assert claims_of(sentence) == expected


def test_a_withdrawal_destination_is_not_the_place_lost(claims_of):
    found = claims_of("The garrison retreated from Khulm to Mazar-i-Sharif overnight.")
    assert found == {("Khulm", "taliban")}
