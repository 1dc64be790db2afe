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
            "Commandos recaptured Khulm district in Balkh and Andkhoy district in Faryab.",
            {("Khulm", "government"), ("Andkhoy", "government")},
        ),
        (
            "Several districts in Kunduz have fallen, including Imam Sahib and Khan Abad.",
            {("Imam", "taliban"), ("Khan", "taliban")},
        ),
    ],
)
def test_list_members_share_the_claim(claims_of, sentence, expected):
    assert claims_of(sentence) == expected
