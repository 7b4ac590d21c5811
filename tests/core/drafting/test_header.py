"""The YAML header of a Markdown letter: the text typed, and mistakes told in Dutch."""

from __future__ import annotations

import pytest

from desktop.core.drafting.frontmatter import compose_markdown
from desktop.core.drafting.header import read_header
from desktop.core.drafting.markdown import parse_markdown
from desktop.core.errors import InvalidInput


def _letter(header: str) -> str:
    return f"---\n{header}\n---\n\nGeachte voorzitter,\n"


def test_values_stay_the_text_typed():
    # -- YAML 1.1 would make these 83, 750, 2020.396 and True --
    meta = compose_markdown(
        _letter(
            "kenmerk: 0123\nondertekenaar: 12:30\nfunctie: 2020.3960\nbetreft: yes\n"
            "datum: 2020-02-21\nadres:\n  - Rijnstraat 8\n  - 2515 XP Den Haag"
        )
    ).meta
    assert (meta.kenmerk, meta.ondertekenaar_naam) == ("0123", "12:30")
    assert (meta.ondertekenaar_functie, meta.betreft) == ("2020.3960", "yes")
    assert meta.datum == "21 februari 2020"
    assert meta.afzender.adres == ["Rijnstraat 8", "2515 XP Den Haag"]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("datum: 2020-02-31", "‘2020-02-31’ is geen geldige datum"),
        ("datum: 2020-02-21 25:00:00", "is geen datum"),
        ("kenmerk: BZ.1\nkenmerk: BZ.2", "‘kenmerk’ staat twee keer in de kop"),
        (
            "ondertekenaar:\n  - Kaag\n  - Hoekstra",
            "‘ondertekenaar’ in de kop van het document moet één tekst",
        ),
        (
            "adres:\n  straat: Rijnstraat 8",
            "‘adres’ in de kop van het document moet tekst of een lijst",
        ),
    ],
)
def test_a_wrong_value_is_told_in_dutch(header, message):
    with pytest.raises(InvalidInput, match=message):
        compose_markdown(_letter(header))


def test_a_syntax_error_names_its_line_in_the_file_and_what_to_do():
    text = _letter("kenmerk: BZ.1\ndatum: 18 juni 2023\nbetreft: Structuur: bijlagen")
    with pytest.raises(InvalidInput) as caught:
        parse_markdown(text)
    message = str(caught.value)
    # -- line 4 of the file: "---" is line 1 --
    assert "regel 4" in message and "betreft: Structuur: bijlagen" in message
    assert "aanhalingstekens" in message
    assert "mapping values" not in message


def test_a_header_that_is_not_closed_is_an_error_not_body_text():
    with pytest.raises(InvalidInput, match="niet afgesloten"):
        parse_markdown("---\nkenmerk: BZ.1\nbetreft: Proef\n\nGeachte voorzitter,\n")
    # -- a rule at the top followed by ordinary text is no header --
    assert parse_markdown("---\n\nGeachte voorzitter,\n").front_matter == {}


def test_an_empty_header_and_empty_values_are_nothing():
    assert read_header("") == {}
    meta = compose_markdown(_letter("kenmerk:\nbetreft: Proef")).meta
    assert meta.kenmerk is None and meta.betreft == "Proef"
