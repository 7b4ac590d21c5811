"""Kamerstuk references: every form in domain.md parses and formats in house style."""

import datetime as dt

import pytest

from desktop.core.domain.kamerstuk import NBSP, KamerstukRef
from desktop.core.errors import InvalidInput


@pytest.mark.parametrize(
    ("text", "dossier", "toevoeging", "nummer", "letter_style"),
    [
        ("26 485, nr. 224", 26485, None, 224, "Kamerstuk 26 485, nr. 224"),
        ("26485, nr. 293", 26485, None, 293, "Kamerstuk 26 485, nr. 293"),
        ("35000 XVII, nr. 34", 35000, "XVII", 34, "Kamerstuk 35 000 XVII, nr. 34"),
        ("35 000 XVII nr. 34", 35000, "XVII", 34, "Kamerstuk 35 000 XVII, nr. 34"),
        ("kst-35000-XVII-34", 35000, "XVII", 34, "Kamerstuk 35 000 XVII, nr. 34"),
        ("21 501-32, nr. 1703", 21501, "32", 1703, "Kamerstuk 21 501-32, nr. 1703"),
        ("Kamerstukken II 2019/20, 26485, nr. 224", 26485, None, 224, "Kamerstuk 26 485, nr. 224"),
        ("Kamerstuk 22 112, nr. 2826", 22112, None, 2826, "Kamerstuk 22 112, nr. 2826"),
        ("(26 485, nr. 308)", 26485, None, 308, "Kamerstuk 26 485, nr. 308"),
        ("35 300 A, nr. 5", 35300, "A", 5, "Kamerstuk 35 300 A, nr. 5"),
        ("kst-21501-32-1703", 21501, "32", 1703, "Kamerstuk 21 501-32, nr. 1703"),
        ("26\u00a0485, nr.\u00a0224", 26485, None, 224, "Kamerstuk 26 485, nr. 224"),
        ("kamerstuk 26.485 nr 224", 26485, None, 224, "Kamerstuk 26 485, nr. 224"),
    ],
)
def test_parses_every_form(text, dossier, toevoeging, nummer, letter_style):
    ref = KamerstukRef.parse(text)
    assert (ref.dossier, ref.toevoeging, ref.nummer) == (dossier, toevoeging, nummer)
    assert ref.letter_style() == letter_style


def test_legal_style_with_vergaderjaar():
    ref = KamerstukRef.parse("Kamerstukken II 2019/20, 26485, nr. 224")
    assert ref.vergaderjaar == "2019-2020"
    assert ref.legal_style() == "Kamerstukken II 2019/20, 26 485, nr. 224"


def test_legal_style_from_a_date_uses_prinsjesdag():
    ref = KamerstukRef.parse("26 485, nr. 224")
    # Prinsjesdag 2019 was 17 September: the 16th still belongs to 2018/19.
    assert (
        ref.with_vergaderjaar(dt.date(2019, 9, 16))
        .legal_style()
        .startswith("Kamerstukken II 2018/19")
    )
    assert (
        ref.with_vergaderjaar(dt.date(2019, 9, 17))
        .legal_style()
        .startswith("Kamerstukken II 2019/20")
    )


def test_eerste_kamer_letters():
    ref = KamerstukRef.parse("Kamerstukken I 2008/09, 31700 VI, D")
    assert (ref.kamer, ref.dossier, ref.toevoeging, ref.ondernummer) == ("I", 31700, "VI", "D")
    assert ref.nummer is None
    assert ref.legal_style() == "Kamerstukken I 2008/09, 31 700 VI, D"


def test_century_vergaderjaar():
    assert KamerstukRef.parse("Kamerstukken II 1999/00, 26 485, nr. 1").vergaderjaar == "1999-2000"


def test_kst_id_round_trip():
    for text in ("kst-35000-XVII-34", "kst-26485-224", "kst-21501-32-1703"):
        assert KamerstukRef.parse(text).kst_id() == text


def test_nbsp_keeps_numbers_together():
    ref = KamerstukRef.parse("35 000 XVII, nr. 34")
    assert ref.letter_style(nbsp=True) == f"Kamerstuk 35{NBSP}000{NBSP}XVII, nr.{NBSP}34"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "nr. 224",
        "26 485",
        "hallo",
        "26 485, nr. ",
        "Kamerstuk",
        "12, nr. 5",
        "Kamerstukken II 2019/21, 26485, nr. 224",
    ],
)
def test_malformed_numbers_are_refused_in_dutch(text):
    with pytest.raises(InvalidInput) as info:
        KamerstukRef.parse(text)
    assert "Kamerstuk" in str(info.value) or "vergaderjaar" in str(info.value)


def test_find_all_in_running_text_skips_staatsblad_and_handelingen():
    text = (
        "De motie Van Laar (Kamerstuk 26 485, nr. 224) en de brief (26485, nr. 293); "
        "Staatsblad 2019, nr. 450; Handelingen II 2010/11, nr. 108; zie 35 000 XVII nr. 34."
    )
    found = [ref.letter_style() for ref, _, _ in KamerstukRef.find_all(text)]
    assert found == [
        "Kamerstuk 26 485, nr. 224",
        "Kamerstuk 26 485, nr. 293",
        "Kamerstuk 35 000 XVII, nr. 34",
    ]


def test_find_all_offsets_point_at_the_citation():
    text = "Zie Kamerstuk 22 112, nr. 2826 voor het BNC-fiche."
    ((ref, start, end),) = KamerstukRef.find_all(text)
    assert text[start:end] == "Kamerstuk 22 112, nr. 2826"
    assert ref.nummer == 2826
