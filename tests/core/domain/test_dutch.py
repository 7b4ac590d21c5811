"""Dutch dates, lists and counts."""

import datetime as dt

import pytest

from desktop.core.domain.dutch import (
    count_in_words,
    format_date,
    join_list,
    normalise_partial_date,
    parse_date,
    vergaderjaar_for,
)
from desktop.core.errors import InvalidInput


def test_format_date_without_leading_zero_and_lower_case_month():
    assert format_date(dt.date(2020, 2, 21)) == "21 februari 2020"
    assert format_date(dt.date(2019, 9, 1)) == "1 september 2019"


def test_partial_dates_format_with_their_precision():
    assert format_date("2016-07") == "juli 2016"
    assert format_date("2019") == "2019"
    assert format_date("2019-10-01") == "1 oktober 2019"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21 februari 2020", dt.date(2020, 2, 21)),
        ("21 feb. 2020", dt.date(2020, 2, 21)),
        ("2020-02-21", dt.date(2020, 2, 21)),
        ("21-02-2020", dt.date(2020, 2, 21)),
        ("6\u00a0september 2016", dt.date(2016, 9, 6)),
        ("1 Januari 2021", dt.date(2021, 1, 1)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "30 februari 2020", "morgen", "2020-13-01"])
def test_parse_date_refuses_nonsense(text):
    with pytest.raises(InvalidInput):
        parse_date(text)


def test_normalise_partial_date():
    assert normalise_partial_date("juli 2016") == "2016-07"
    assert normalise_partial_date("2019") == "2019"
    assert normalise_partial_date("1 oktober 2019") == "2019-10-01"
    with pytest.raises(InvalidInput):
        normalise_partial_date("2019-14")


def test_join_list():
    assert join_list(["A"]) == "A"
    assert join_list(["A", "B"]) == "A en B"
    assert join_list(["A", "B", "C"]) == "A, B en C"
    assert join_list([]) == ""


def test_counts_in_words():
    assert count_in_words(2, "motie", "moties", collective=True) == "een tweetal moties"
    assert count_in_words(3, "motie", "moties") == "drie moties"
    assert count_in_words(1, "motie", "moties") == "één motie"
    assert count_in_words(25, "motie", "moties") == "25 moties"


def test_vergaderjaar_for():
    assert vergaderjaar_for(dt.date(2020, 2, 21)) == "2019-2020"
    assert vergaderjaar_for(dt.date(2020, 9, 15)) == "2020-2021"  # Prinsjesdag 2020
    assert vergaderjaar_for(dt.date(2020, 9, 14)) == "2019-2020"


def test_unicode_case_folding_lookalikes_are_refused_not_crashing():
    # "ſ" (long s) and the Kelvin sign fold to s/k under IGNORECASE.
    for text in ("1 ſept 2016", "1 o\u212at 2016"):
        with pytest.raises(InvalidInput):
            parse_date(text)
