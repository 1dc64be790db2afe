"""Dates in sentences: the shapes news uses are read without dateparser, and read the same."""

from datetime import date, datetime

import dateparser
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.extract.dates import _plain_date, parse_date, resolve_in_sentence

MONTHS = ["Jan", "January", "Feb.", "March", "Apr", "May", "June", "Jul", "Aug.", "Sept", "Oct"]
MONTHS += ["November", "Dec", "JULY", "august"]


def _dateparser(text: str, base: date | None) -> date | None:
    settings = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    if base:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found else None


@given(
    st.sampled_from(MONTHS),
    st.integers(1, 31),
    st.sampled_from(["", "st", "th"]),
    st.sampled_from(["", " 2021", ", 2019"]),
    st.booleans(),
    st.sampled_from([None, date(2021, 7, 9), date(2022, 1, 2)]),
)
def test_plain_dates_read_as_dateparser_reads_them(month, day, suffix, year, day_first, base):
    text = f"{day}{suffix} {month}{year}" if day_first else f"{month} {day}{suffix}{year}"
    mine = _plain_date(text, base)
    if mine is not None:  # the rest (31 June, other shapes) is dateparser's own
        assert mine == _dateparser(text, base)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The district fell on 22 June.", (date(2021, 6, 22), "day")),
        ("It was retaken on July 5th, officials said.", (date(2021, 7, 5), "day")),
        ("It fell on Tuesday.", (date(2021, 7, 6), "day")),
        ("They plan to leave by August 31.", (date(2021, 7, 9), "day")),  # a plan: publication
    ],
)
def test_the_date_a_sentence_speaks_of(sentence, expected):
    assert resolve_in_sentence(sentence, date(2021, 7, 9)) == expected


def test_other_shapes_still_reach_dateparser():
    assert parse_date("Friday, 9 July 2021 10:30 GMT") == date(2021, 7, 9)
    assert parse_date("2021-07-09") == date(2021, 7, 9)


def test_a_day_and_month_without_a_year_is_the_latest_before_publication():
    assert resolve_in_sentence("Kunduz fell on 28 December.", date(2021, 1, 9)) == (
        date(2020, 12, 28),
        "day",
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The district fell two days ago.", (date(2021, 7, 25), "day")),
        ("Three days ago, insurgents took the town.", (date(2021, 7, 24), "day")),
        ("Troops left the base a week ago.", (date(2021, 7, 20), "week")),
        ("Troops left the base 2 weeks ago.", (date(2021, 7, 13), "week")),
        ("The district fell a month ago.", (date(2021, 6, 1), "month")),
    ],
)
def test_so_long_ago_counts_back_from_publication(sentence, expected):
    assert resolve_in_sentence(sentence, date(2021, 7, 27)) == expected


def test_a_month_ago_in_january_is_last_december():
    assert resolve_in_sentence("It fell a month ago.", date(2021, 1, 10)) == (
        date(2020, 12, 1),
        "month",
    )


def test_a_year_first_date_with_slashes_dates_the_article():
    from geomap.extract.articles import article_from_text

    article = article_from_text("Khulm falls\n2021/07/09\n\nThe Taliban captured Khulm.")
    assert article.published == date(2021, 7, 9)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kunduz fell in mid-July.", (date(2021, 7, 15), "month")),
        ("Kunduz fell in late July.", (date(2021, 7, 21), "month")),
        ("Kunduz fell early July.", (date(2021, 7, 1), "month")),
        # numeric dates: day or month first, whichever is a date not after publication
        ("Kunduz fell on 08/08/2021.", (date(2021, 8, 8), "day")),
        ("Kunduz fell on 07/31/2021.", (date(2021, 7, 31), "day")),
        ("Kunduz fell on 10/08/2021.", (date(2021, 8, 10), "day")),
    ],
)
def test_part_of_a_month_and_numeric_dates(sentence, expected):
    assert resolve_in_sentence(sentence, date(2021, 8, 12)) == expected
