"""Tests for the parser of official motion texts.

The fixtures in ``tests/fixtures/reference/moties`` are real published texts (their sources
are in the README there); every other text here is test data written in the official
format (names and clauses are invented or reuse the reference phrasings).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Motion
from desktop.core.errors import FileProblem, InvalidInput, SourcedInputError
from desktop.core.importers.motion_text import (
    clean_pasted_text,
    parse_motion_file,
    parse_motion_text,
    read_motion_text,
)
from tests.conftest import REFERENCE

FIXTURES = REFERENCE / "moties"

VERZOEK_229 = (
    "verzoekt de regering, de steun aan het programma van Stop Kinderarbeid na april 2017 "
    "voor drie jaar voort te zetten voor een gelijk bedrag als het lopende programma en "
    "daarvoor in de begroting voor 2017 de noodzakelijke middelen vrij te maken"
)


def motion_text(
    *,
    header: str = "26 485 Maatschappelijk verantwoord ondernemen",
    title: str = "Nr. 901 MOTIE VAN HET LID TESTMAN",
    voorgesteld: str = "Voorgesteld 6 september 2016",
    clauses: tuple[str, ...] = (
        "constaterende dat dit een testmotie is;",
        "overwegende dat testmoties geen echte moties zijn;",
        "verzoekt de regering, deze test te laten slagen,",
    ),
    signers: tuple[str, ...] = ("Testman",),
    tail: str = "",
) -> str:
    """Build a motion text in the official layout (blank line between elements)."""
    parts = [header, title, voorgesteld, "De Kamer,", "gehoord de beraadslaging,"]
    parts += [*clauses, "en gaat over tot de orde van de dag.", *signers]
    text = "\n\n".join(part for part in parts if part) + "\n"
    return text + tail


# -- the two real published texts -------------------------------------------------


def test_reference_kst_26485_229_every_field() -> None:
    motion = parse_motion_file(FIXTURES / "kst-26485-229.txt")

    assert motion == Motion(
        kamerstuk=KamerstukRef.of(26485, 229),
        indieners=["Voordewind"],
        dossier_titel="Maatschappelijk verantwoord ondernemen",
        voorgesteld=dt.date(2016, 9, 6),
        voorgesteld_bij=None,
        onderwerp=None,
        overwegingen=[
            "constaterende dat de coalitie Stop Kinderarbeid van mei 2014 tot en met mei 2017 "
            "door de regering met 5 miljoen euro wordt gefinancierd op basis van het "
            "amendement-Voordewind c.s. (33 750 XVII, nr. 49)",
            "overwegende dat het huidige programma substantiële resultaten heeft bereikt, "
            "waaronder 76 kinderarbeidvrije gebieden en bijna 10.000 kinderen die naar school "
            "gaan",
            "overwegende dat de regering de aanpak via Child Labour Free Zones in EU-verband "
            "bepleit",
        ],
        verzoeken=[VERZOEK_229],
        vervangt=None,
    )
    assert motion.kamerstuk.toevoeging is None
    assert motion.kamerstuk.ondernummer == "229"
    assert motion.kamerstuk.vergaderjaar is None
    assert motion.uitslag == "ingediend"
    assert motion.status == "openstaand"
    assert motion.kabinetsappreciatie is None
    assert motion.vervangen_door is None
    assert motion.id is None
    assert not motion.gewijzigd
    assert motion.name == "de motie Voordewind"
    assert motion.citation == "Kamerstuk 26 485, nr. 229"


def test_reference_kst_34300_xvii_38_every_field() -> None:
    motion = parse_motion_file(FIXTURES / "kst-34300-XVII-38.txt")

    assert motion == Motion(
        kamerstuk=KamerstukRef.of(34300, 38, "XVII"),
        indieners=["Jan Vos", "Van Veldhoven"],
        dossier_titel=(
            "Vaststelling van de begrotingsstaat van Buitenlandse Handel en "
            "Ontwikkelingssamenwerking (XVII) voor het jaar 2016"
        ),
        voorgesteld=dt.date(2015, 11, 26),
        voorgesteld_bij=None,
        onderwerp=None,
        overwegingen=[
            "overwegende dat het komende jaar de eerste imvo-convenanten dienen te worden "
            "gesloten, waarbij het initiatief primair bij het bedrijfsleven hoort te liggen",
            "overwegende dat in verschillende sectoren reeds multi-stakeholderdialogen zijn "
            "opgestart ter voorbereiding van convenanten, en dat de overheid als één van de "
            "partijen medezeggenschap heeft over het eindresultaat",
            "overwegende dat er nog geen duidelijkheid is over de monitoring van dergelijke "
            "convenanten",
        ],
        verzoeken=[
            "verzoekt de regering, een steviger positie binnen de onderhandelingen in te nemen "
            "door helderheid te verschaffen over monitoring en sancties en door een "
            "onafhankelijke imvo-toezichthouder voor de monitoring in het leven te roepen"
        ],
    )
    assert motion.kamerstuk.kst_id() == "kst-34300-XVII-38"
    assert motion.name == "de motie Jan Vos/Van Veldhoven"
    assert motion.citation == "Kamerstuk 34 300 XVII, nr. 38"


def test_reference_text_parses_the_same_from_a_string() -> None:
    text = (FIXTURES / "kst-26485-229.txt").read_text(encoding="utf-8")
    assert parse_motion_text(text) == parse_motion_file(FIXTURES / "kst-26485-229.txt")


# -- signers ----------------------------------------------------------------------


def test_one_signer_from_the_signer_line() -> None:
    motion = parse_motion_text(
        motion_text(title="Nr. 12 MOTIE VAN HET LID VAN LAAR", signers=("Van Laar",))
    )
    assert motion.indieners == ["Van Laar"]
    assert motion.name == "de motie Van Laar"


def test_one_signer_derived_from_the_title_without_signer_lines() -> None:
    motion = parse_motion_text(
        motion_text(title="Nr. 12 MOTIE VAN HET LID VAN 'T WOUT", signers=())
    )
    assert motion.indieners == ["Van 't Wout"]


def test_two_signers() -> None:
    motion = parse_motion_text(
        motion_text(
            title="Nr. 13 MOTIE VAN DE LEDEN DIKS EN VAN DEN HUL",
            signers=("Diks", "Van den Hul"),
        )
    )
    assert motion.indieners == ["Diks", "Van den Hul"]
    assert motion.name == "de motie Diks/Van den Hul"


def test_two_signers_derived_from_the_title() -> None:
    motion = parse_motion_text(
        motion_text(title="Nr. 13 MOTIE VAN DE LEDEN JASPER VAN DIJK EN VAN DEN HUL", signers=())
    )
    assert motion.indieners == ["Jasper van Dijk", "Van den Hul"]


def test_many_signers_cum_suis_uses_all_signer_lines() -> None:
    motion = parse_motion_text(
        motion_text(
            title="Nr. 14 MOTIE VAN HET LID AMHAOUCH C.S.",
            signers=("Amhaouch", "Van Laar", "Diks", "Van den Hul"),
        )
    )
    assert motion.indieners == ["Amhaouch", "Van Laar", "Diks", "Van den Hul"]
    assert motion.name == "de motie Amhaouch c.s."


def test_cum_suis_without_signer_lines_keeps_the_first_signer() -> None:
    # Only the first name is known; the others cannot be derived from the title.
    motion = parse_motion_text(
        motion_text(title="Nr. 14 MOTIE VAN HET LID AMHAOUCH C.S.", signers=())
    )
    assert motion.indieners == ["Amhaouch"]


def test_leden_x_y_en_z_with_signer_lines() -> None:
    motion = parse_motion_text(
        motion_text(
            title="Nr. 15 MOTIE VAN DE LEDEN DIKS, VAN DEN HUL EN JASPER VAN DIJK",
            signers=("Diks", "Van den Hul", "Jasper van Dijk"),
        )
    )
    assert motion.indieners == ["Diks", "Van den Hul", "Jasper van Dijk"]
    assert motion.name == "de motie Diks c.s."


def test_leden_x_y_en_z_from_the_title() -> None:
    motion = parse_motion_text(
        motion_text(title="Nr. 15 MOTIE VAN DE LEDEN DIKS, VAN DEN HUL EN VAN 'T WOUT", signers=())
    )
    assert motion.indieners == ["Diks", "Van den Hul", "Van 't Wout"]


def test_signer_lines_in_capitals_are_proper_cased() -> None:
    motion = parse_motion_text(
        motion_text(
            title="Nr. 13 MOTIE VAN DE LEDEN DIKS EN VAN DEN HUL", signers=("DIKS", "VAN DEN HUL")
        )
    )
    assert motion.indieners == ["Diks", "Van den Hul"]


def test_page_junk_after_the_signers_is_ignored() -> None:
    motion = parse_motion_text(
        motion_text(
            title="Nr. 13 MOTIE VAN DE LEDEN JAN VOS EN VAN VELDHOVEN",
            signers=("Jan Vos", "Van Veldhoven"),
            tail=(
                "\nOndertekenaars\n\nKamerstuk 26485-229\n"
                "https://zoek.officielebekendmakingen.nl/kst-26485-229.html\n\n"
                "Meer informatie\nTweede Kamer\n"
            ),
        )
    )
    assert motion.indieners == ["Jan Vos", "Van Veldhoven"]


def test_signer_junk_that_looks_like_a_name_is_dropped_by_the_title_count() -> None:
    motion = parse_motion_text(
        motion_text(
            title="Nr. 12 MOTIE VAN HET LID VOORDEWIND",
            signers=("Voordewind", "Stop Kinderarbeid"),
        )
    )
    assert motion.indieners == ["Voordewind"]


def test_ondertekenaars_label_before_the_signers_is_skipped() -> None:
    motion = parse_motion_text(
        motion_text(
            title="Nr. 12 MOTIE VAN HET LID VOORDEWIND", signers=("Ondertekenaars", "Voordewind")
        )
    )
    assert motion.indieners == ["Voordewind"]


def test_signer_on_the_closing_line_itself() -> None:
    text = motion_text(signers=()).replace(
        "en gaat over tot de orde van de dag.", "en gaat over tot de orde van de dag. Testman"
    )
    assert parse_motion_text(text).indieners == ["Testman"]


# -- title variants ---------------------------------------------------------------


def test_gewijzigde_motie_replaces_the_earlier_number() -> None:
    motion = parse_motion_text(
        motion_text(
            title=(
                "Nr. 229 GEWIJZIGDE MOTIE VAN HET LID VAN LAAR C.S. TER VERVANGING VAN DIE "
                "GEDRUKT ONDER NR. 224"
            ),
            signers=("Van Laar", "Diks", "Amhaouch"),
        )
    )
    assert motion.kamerstuk == KamerstukRef.of(26485, 229)
    assert motion.vervangt == KamerstukRef.of(26485, 224)
    assert motion.gewijzigd
    assert motion.indieners == ["Van Laar", "Diks", "Amhaouch"]
    assert motion.name == "de gewijzigde motie Van Laar c.s."


def test_nader_gewijzigde_motie_with_toevoeging_keeps_the_dossier() -> None:
    motion = parse_motion_text(
        motion_text(
            header="35 000 XVII Vaststelling van de begrotingsstaten van het Ministerie van "
            "Buitenlandse Zaken (V) voor het jaar 2019",
            title=(
                "Nr. 34 NADER GEWIJZIGDE MOTIE VAN HET LID TESTMAN TER VERVANGING VAN DIE "
                "GEDRUKT ONDER NR. 31"
            ),
        )
    )
    assert motion.vervangt == KamerstukRef.of(35000, 31, "XVII")


def test_title_split_over_two_lines_and_from_the_number() -> None:
    text = motion_text(
        title=(
            "Nr. 229\n\nGEWIJZIGDE MOTIE VAN DE LEDEN DIKS, VAN DEN HUL EN\n"
            "AMHAOUCH TER VERVANGING VAN DIE GEDRUKT ONDER NR. 224"
        ),
        signers=(),
    )
    motion = parse_motion_text(text)
    assert motion.kamerstuk.ondernummer == "229"
    assert motion.indieners == ["Diks", "Van den Hul", "Amhaouch"]
    assert motion.vervangt == KamerstukRef.of(26485, 224)


def test_title_with_over_gives_the_onderwerp() -> None:
    motion = parse_motion_text(
        motion_text(
            title="Nr. 14 MOTIE VAN HET LID AMHAOUCH C.S. OVER HET VOORTZETTEN VAN DE STEUN",
            signers=("Amhaouch", "Diks", "Van Laar"),
        )
    )
    assert motion.onderwerp == "het voortzetten van de steun"
    assert motion.indieners == ["Amhaouch", "Diks", "Van Laar"]


def test_mixed_case_title_keeps_the_onderwerp_as_written() -> None:
    motion = parse_motion_text(
        motion_text(
            title="Nr. 14 Motie van de leden Diks en Van den Hul over steun aan Stop Kinderarbeid",
            signers=(),
        )
    )
    assert motion.onderwerp == "steun aan Stop Kinderarbeid"
    assert motion.indieners == ["Diks", "Van den Hul"]


def test_onderwerp_is_none_without_over() -> None:
    assert parse_motion_text(motion_text()).onderwerp is None


# -- Voorgesteld ------------------------------------------------------------------


def test_notaoverleg_date_form() -> None:
    motion = parse_motion_text(
        motion_text(voorgesteld="Voorgesteld tijdens het Notaoverleg van 19 november 2018")
    )
    assert motion.voorgesteld == dt.date(2018, 11, 19)
    assert motion.voorgesteld_bij == "Notaoverleg"


@pytest.mark.parametrize(
    ("line", "bij", "date"),
    [
        (
            "Voorgesteld tijdens het Wetgevingsoverleg van 3 juni 2019",
            "Wetgevingsoverleg",
            dt.date(2019, 6, 3),
        ),
        (
            "Voorgesteld tijdens het notaoverleg van 1 oktober 2018",
            "Notaoverleg",
            dt.date(2018, 10, 1),
        ),
        ("Voorgesteld 26 november 2015", None, dt.date(2015, 11, 26)),
        ("Voorgesteld op 1 mrt. 2017", None, dt.date(2017, 3, 1)),
    ],
)
def test_voorgesteld_forms(line: str, bij: str | None, date: dt.date) -> None:
    motion = parse_motion_text(motion_text(voorgesteld=line))
    assert (motion.voorgesteld, motion.voorgesteld_bij) == (date, bij)


def test_missing_voorgesteld_line_leaves_the_date_empty() -> None:
    motion = parse_motion_text(motion_text(voorgesteld=""))
    assert motion.voorgesteld is None
    assert motion.voorgesteld_bij is None


def test_invalid_voorgesteld_date_names_the_line() -> None:
    with pytest.raises(SourcedInputError) as caught:
        parse_motion_text(motion_text(voorgesteld="Voorgesteld 31 februari 2016"), source="m.txt")
    assert caught.value.line == 5
    assert str(caught.value).startswith("m.txt, regel 5: De datum bij ‘Voorgesteld’ is ongeldig")


def test_voorgesteld_without_date() -> None:
    with pytest.raises(SourcedInputError, match="Na ‘Voorgesteld’ hoort een datum"):
        parse_motion_text(motion_text(voorgesteld="Voorgesteld gisteren"))


# -- headers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "dossier", "toevoeging", "titel"),
    [
        (
            "35 000 XVII Vaststelling van de begrotingsstaten van het Ministerie van "
            "Buitenlandse Zaken (V) voor het jaar 2019",
            35000,
            "XVII",
            "Vaststelling van de begrotingsstaten van het Ministerie van Buitenlandse Zaken (V) "
            "voor het jaar 2019",
        ),
        ("21 501-32 Landbouw- en Visserijraad", 21501, "32", "Landbouw- en Visserijraad"),
        (
            "26485 Maatschappelijk verantwoord ondernemen",
            26485,
            None,
            "Maatschappelijk verantwoord ondernemen",
        ),
        (
            "35 300 A Vaststelling van de begroting van het Infrastructuurfonds",
            35300,
            "A",
            "Vaststelling van de begroting van het Infrastructuurfonds",
        ),
        (
            "22 112 Nieuwe Commissievoorstellen en initiatieven van de lidstaten",
            22112,
            None,
            "Nieuwe Commissievoorstellen en initiatieven van de lidstaten",
        ),
        ("35 000 XVII", 35000, "XVII", None),
    ],
)
def test_header_forms(header: str, dossier: int, toevoeging: str | None, titel: str | None) -> None:
    motion = parse_motion_text(motion_text(header=header, title="Nr. 34 MOTIE VAN HET LID TESTMAN"))
    assert motion.kamerstuk == KamerstukRef.of(dossier, 34, toevoeging)
    assert motion.dossier_titel == titel


def test_header_with_sub_series_formats_as_in_letters() -> None:
    motion = parse_motion_text(motion_text(header="21 501-32 Landbouw- en Visserijraad"))
    assert motion.citation == "Kamerstuk 21 501-32, nr. 901"


def test_wrapped_dossier_title_and_pdf_page_header() -> None:
    text = motion_text(
        header=(
            "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2015–2016\n"
            "34 300 XVII Vaststelling van de begrotingsstaat van Buitenlandse Handel en\n"
            "Ontwikkelingssamenwerking (XVII) voor het jaar 2016"
        ),
        title="Nr. 38 MOTIE VAN DE LEDEN JAN VOS EN VAN VELDHOVEN",
        signers=("Jan Vos", "Van Veldhoven"),
        tail="\nkst-34300-XVII-38\nISSN 0921 - 7371\n’s-Gravenhage 2015\n",
    )
    motion = parse_motion_text(text)
    assert motion.kamerstuk == KamerstukRef.of(34300, 38, "XVII")
    assert motion.dossier_titel == (
        "Vaststelling van de begrotingsstaat van Buitenlandse Handel en "
        "Ontwikkelingssamenwerking (XVII) voor het jaar 2016"
    )
    assert motion.indieners == ["Jan Vos", "Van Veldhoven"]


def test_words_the_pdf_edition_broke_at_line_ends_are_joined_again() -> None:
    text = motion_text(
        header=(
            "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2015–2016\n"
            "34 300 XVII Vaststelling van de begrotingsstaat van Buitenlandse Han-\n"
            "del en Ontwikkelingssamenwerking (XVII) voor het jaar 2016"
        ),
        title="Nr. 38 MOTIE VAN DE LEDEN JAN VOS EN VAN VELDHOVEN",
        clauses=(
            "overwegende dat de eerste imvo-convenanten dienen te worden gesloten en dat de over-\n"
            "heid medezeggenschap heeft over het eindresul-\ntaat van de IMVO-\n"
            "convenanten, de land-\nen tuinbouw en de imvo-\nconvenanten;",
            "verzoekt de regering, een toezichthouder in het le-\nven te roepen,",
        ),
        signers=("Jan Vos", "Van Veldhoven"),
        tail=(
            "\nkst-34300-XVII-38\nISSN 0921 - 7371\n"
            "’s-Gravenhage 2015 Tweede Kamer, vergaderjaar 2015–2016, 34 300 XVII, nr. 38 1\n"
        ),
    )
    motion, warnings = read_motion_text(text)
    assert motion.dossier_titel == (
        "Vaststelling van de begrotingsstaat van Buitenlandse Handel en "
        "Ontwikkelingssamenwerking (XVII) voor het jaar 2016"
    )
    assert motion.overwegingen == [
        "overwegende dat de eerste imvo-convenanten dienen te worden gesloten en dat de "
        "overheid medezeggenschap heeft over het eindresultaat van de IMVO-convenanten, "
        "de land- en tuinbouw en de imvo-convenanten"
    ]
    assert motion.verzoeken == ["verzoekt de regering, een toezichthouder in het leven te roepen"]
    assert any("overheid, eindresultaat, leven" in w and "PDF-uitgave" in w for w in warnings)
    # -- a text without the PDF's page furniture keeps line-end hyphens as they are --
    plain, plain_warnings = read_motion_text(
        motion_text(
            clauses=(
                "overwegende dat de over-\nheid iets doet;",
                "verzoekt de regering, iets te doen,",
            )
        )
    )
    assert plain.overwegingen == ["overwegende dat de over-heid iets doet"]
    assert not any("PDF" in w for w in plain_warnings)
    # -- the PDF's page footer between two clauses, as pdftotext gives it, is no clause --
    footed = parse_motion_text(
        motion_text(
            clauses=(
                "overwegende dat het eerste;",
                "kst-34300-XVII-38\nISSN 0921 - 7371\n"
                "’s-Gravenhage 2015 Tweede Kamer, vergaderjaar 2015–2016, 34 300 XVII, nr. 38 1",
                "overwegende dat het tweede;",
                "verzoekt de regering, iets te doen,",
            )
        )
    )
    assert footed.overwegingen == ["overwegende dat het eerste", "overwegende dat het tweede"]


def test_missing_header_line_reports_the_missing_dossier_number() -> None:
    text = motion_text(header="", title="Nr. 12 MOTIE VAN HET LID TESTMAN")
    with pytest.raises(SourcedInputError) as caught:
        parse_motion_text(text, source="motie.txt")
    message = str(caught.value)
    assert message.startswith("motie.txt, regel 1: Het dossiernummer ontbreekt")
    assert "‘Nr. 12 MOTIE VAN HET LID TESTMAN’" in message
    assert caught.value.source == "motie.txt"
    assert caught.value.line == 1


def test_missing_number_line() -> None:
    text = motion_text(title="MOTIE VAN HET LID TESTMAN")
    with pytest.raises(SourcedInputError, match="Het ondernummer ontbreekt") as caught:
        parse_motion_text(text)
    assert caught.value.line == 3
    assert str(caught.value).startswith("Regel 3: ")


# -- clauses ----------------------------------------------------------------------


def test_multi_line_clauses_are_joined() -> None:
    text = motion_text(
        clauses=(
            "constaterende dat de eerste imvo-\nconvenanten zijn gesloten en dat de land-\n"
            "en tuinbouw volgt;",
            "verzoekt de regering, de Kamer\njaarlijks te informeren,",
        )
    )
    motion = parse_motion_text(text)
    assert motion.overwegingen == [
        "constaterende dat de eerste imvo-convenanten zijn gesloten en dat de land- en "
        "tuinbouw volgt"
    ]
    assert motion.verzoeken == ["verzoekt de regering, de Kamer jaarlijks te informeren"]


def test_clauses_without_blank_lines_as_copied_from_pdf() -> None:
    text = (
        "26 485 Maatschappelijk verantwoord ondernemen\n"
        "Nr. 901 MOTIE VAN HET LID TESTMAN\n"
        "Voorgesteld 6 september 2016\n"
        "De Kamer,\n"
        "gehoord de beraadslaging,\n"
        "constaterende dat de regering een programma financiert dat\n"
        "voldoende resultaten heeft bereikt;\n"
        "overwegende dat het programma afloopt;\n"
        "verzoekt de regering, het programma voort te zetten,\n"
        "en gaat over tot de orde van de dag.\n"
        "Testman\n"
    )
    motion = parse_motion_text(text)
    assert motion.overwegingen == [
        "constaterende dat de regering een programma financiert dat voldoende resultaten "
        "heeft bereikt",
        "overwegende dat het programma afloopt",
    ]
    assert motion.verzoeken == ["verzoekt de regering, het programma voort te zetten"]


def test_all_consideration_openers() -> None:
    openers = [
        "constaterende dat a",
        "overwegende, dat b",
        "van mening dat c",
        "van oordeel dat d",
        "of oordeel dat e",
        "gelet op f",
        "wijzende op g",
        "voorts constaterende dat h",
        "appreciërende dat i",
        "in aanmerking nemende dat j",
    ]
    text = motion_text(clauses=(*[o + ";" for o in openers], "verzoekt de regering, k,"))
    assert parse_motion_text(text).overwegingen == openers


def test_considerations_ending_in_a_comma() -> None:
    text = motion_text(
        clauses=(
            "constaterende dat het regeerakkoord iets voornemt,",
            "constaterende dat dat niet genoeg is,",
            "verzoekt de regering meer regie te voeren,",
        )
    )
    motion = parse_motion_text(text)
    assert motion.overwegingen == [
        "constaterende dat het regeerakkoord iets voornemt",
        "constaterende dat dat niet genoeg is",
    ]
    assert motion.verzoeken == ["verzoekt de regering meer regie te voeren"]


@pytest.mark.parametrize(
    "verzoek",
    [
        "verzoekt het kabinet, in overleg te treden met de sector",
        "roept de regering op, in overleg te treden met de sector",
        "spreekt uit dat de regering in overleg moet treden met de sector",
        "draagt de regering op in overleg te treden met de sector",
    ],
)
def test_request_forms(verzoek: str) -> None:
    motion = parse_motion_text(motion_text(clauses=("overwegende dat x;", verzoek + ",")))
    assert motion.verzoeken == [verzoek]
    assert motion.overwegingen == ["overwegende dat x"]


def test_several_requests_and_a_listed_request() -> None:
    text = motion_text(
        clauses=(
            "overwegende dat x;",
            "spreekt uit dat het programma waardevol is;",
            "verzoekt de regering:",
            "- het programma voort te zetten;",
            "- de Kamer jaarlijks te informeren,",
            "en verzoekt de regering voorts, de sector te betrekken,",
        )
    )
    motion = parse_motion_text(text)
    assert motion.overwegingen == ["overwegende dat x"]
    assert motion.verzoeken == [
        "spreekt uit dat het programma waardevol is",
        "verzoekt de regering: het programma voort te zetten; de Kamer jaarlijks te informeren",
        "en verzoekt de regering voorts, de sector te betrekken",
    ]


def test_irregular_closing_formula() -> None:
    # A real 2022 text ends with "en gaat over tot de orde van dag,".
    text = motion_text().replace(
        "en gaat over tot de orde van de dag.", "en gaat over tot de orde van dag,"
    )
    assert parse_motion_text(text).indieners == ["Testman"]


def test_missing_closing_formula_is_accepted_with_a_warning() -> None:
    text = motion_text().replace("en gaat over tot de orde van de dag.", "")
    motion, warnings = read_motion_text(text, source="x.txt")
    assert motion.indieners == ["Testman"]
    assert motion.verzoeken == ["verzoekt de regering, deze test te laten slagen"]
    assert warnings and warnings[0].startswith("De slotformule ‘en gaat over tot de orde")


def test_missing_closing_formula_and_signers_is_refused() -> None:
    text = motion_text(signers=()).replace("en gaat over tot de orde van de dag.", "")
    with pytest.raises(SourcedInputError, match="De slotformule ‘en gaat over tot de orde"):
        parse_motion_text(text, source="x.txt")


def test_no_request_clause() -> None:
    text = motion_text(clauses=("constaterende dat er iets is;", "overwegende dat dit zo is;"))
    with pytest.raises(SourcedInputError, match="De motie bevat geen verzoek"):
        parse_motion_text(text)


def test_de_kamer_and_gehoord_on_one_line() -> None:
    text = motion_text().replace(
        "De Kamer,\n\ngehoord de beraadslaging,", "De Kamer, gehoord de beraadslaging,"
    )
    assert parse_motion_text(text).overwegingen == [
        "constaterende dat dit een testmotie is",
        "overwegende dat testmoties geen echte moties zijn",
    ]


# -- pasted from a web page -------------------------------------------------------

WEB_PASTE = (
    "Kamerstuk\r\n\r\n"
    "Datum publicatieOrganisatieVergaderjaarDossier- en ondernummer\r\n"
    "Tweede Kamer der Staten-Generaal2016-201726485 nr. 229\r\n\r\n\r\n"
    "   26\u00a0485 Maatschappelijk verantwoord ondernemen\r\n\r\n\r\n\r\n"
    "  Nr.\u00a0229 MOTIE VAN HET LID VOORDEWIND\r\n"
    "\u00a0\r\n"
    "Voorgesteld 6\u00a0september 2016\r\n\r\n"
    "\tDe Kamer,\r\n\r\n"
    "  gehoord de beraadslaging,\r\n\r\n"
    "  \u2022 constaterende dat de coalitie «Stop Kinderarbeid» wordt\u200b gefinancierd;\r\n"
    "\r\n\r\n"
    "  overwegende dat het huidige programma substanti\u00eble resul\u00adtaten heeft "
    "bereikt;\r\n\r\n"
    "Naar boven\r\n\r\n"
    "  verzoekt de regering, de steun aan het programma van Stop Kinderarbeid na april 2017 "
    "voor drie jaar voort te zetten voor een gelijk bedrag als het lopende programma en "
    "daarvoor in de begroting voor 2017 de noodzakelijke\u2009middelen vrij te maken,\r\n\r\n"
    "  en gaat over tot de orde van de dag.\r\n\r\n"
    "  Voordewind\r\n\r\n"
    "Naar boven\r\n\r\n"
    "Ondertekenaars\r\n"
    "Kamerstuk 26485-229\r\n"
    "https://zoek.officielebekendmakingen.nl/kst-26485-229.html\r\n"
    "Print\r\n"
)


def test_text_pasted_from_a_web_page() -> None:
    motion = parse_motion_text(WEB_PASTE)
    assert motion.kamerstuk == KamerstukRef.of(26485, 229)
    assert motion.dossier_titel == "Maatschappelijk verantwoord ondernemen"
    assert motion.indieners == ["Voordewind"]
    assert motion.voorgesteld == dt.date(2016, 9, 6)
    assert motion.overwegingen == [
        "constaterende dat de coalitie “Stop Kinderarbeid” wordt gefinancierd",
        "overwegende dat het huidige programma substantiële resultaten heeft bereikt",
    ]
    assert motion.verzoeken == [VERZOEK_229]


def test_text_with_old_mac_line_ends() -> None:
    text = (FIXTURES / "kst-26485-229.txt").read_text(encoding="utf-8").replace("\n", "\r")
    assert parse_motion_text(text).verzoeken == [VERZOEK_229]


def test_clean_pasted_text() -> None:
    raw = (
        "\r\n\r\n  Nr.\u00a0229\u202fMOTIE\r\n"
        '\t\u2022  «citaat» en „nog een” en ‹enkel› en ‘al goed’ en "recht"\r'
        "sub\u00adstanti\u00eble\u200b\ufeff tekst   met  spaties  \n"
        "- opsomming\n\n\n\n"
        "Terug naar boven\n"
        "Naar boven\n"
        "PRINT\n\n"
        "e\u0308\n\n\n"
    )
    assert clean_pasted_text(raw) == (
        "Nr. 229 MOTIE\n"
        '“citaat” en “nog een” en ‘enkel’ en ‘al goed’ en "recht"\n'
        "substantiële tekst met spaties\n"
        "opsomming\n"
        "\n"
        "ë"
    )


def test_clean_pasted_text_keeps_official_text_unchanged() -> None:
    text = (FIXTURES / "kst-34300-XVII-38.txt").read_text(encoding="utf-8")
    assert clean_pasted_text(text) == text.strip()


def test_line_numbers_refer_to_the_original_text() -> None:
    # Four blank lines and a "Naar boven" line precede the number line.
    text = "\n\n\n\nNaar boven\nNr. 12 MOTIE VAN HET LID TESTMAN\n"
    with pytest.raises(SourcedInputError) as caught:
        parse_motion_text(text, source="plak.txt")
    assert caught.value.line == 6


# -- not a motion -----------------------------------------------------------------


def test_letter_fragment_is_not_a_motion() -> None:
    letter = (
        "Geachte voorzitter,\n\n"
        "Hierbij informeer ik uw Kamer over de voortgang van de imvo-convenanten. "
        "Daarnaast wordt een tweetal moties afgedaan (Kamerstuk 26 485, nr. 224).\n\n"
        "De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,\n"
    )
    with pytest.raises(SourcedInputError) as caught:
        parse_motion_text(letter, source="brief.txt")
    assert str(caught.value) == (
        "brief.txt: Dit is geen motietekst: de regel ‘Nr. … MOTIE VAN …’ ontbreekt. "
        "Gebruik de officiële tekst van de motie, zoals gepubliceerd op "
        "officielebekendmakingen.nl."
    )
    assert isinstance(caught.value, InvalidInput)


def test_other_kind_of_kamerstuk_is_not_a_motion() -> None:
    text = (
        "35 165 Verkiezingen\n\n"
        "Nr. 9 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
    )
    with pytest.raises(SourcedInputError, match="Dit is geen motietekst") as caught:
        parse_motion_text(text)
    assert "‘Nr. 9 BRIEF VAN DE MINISTER" in str(caught.value)
    assert caught.value.line == 3


def test_two_motions_in_one_text() -> None:
    text = motion_text() + "\n" + motion_text(title="Nr. 902 MOTIE VAN HET LID TESTMAN")
    with pytest.raises(SourcedInputError, match="meer dan één motie"):
        parse_motion_text(text)


def test_title_without_names() -> None:
    with pytest.raises(SourcedInputError, match="De motie noemt geen indiener"):
        parse_motion_text(motion_text(title="Nr. 12 MOTIE VAN HET LID"))


def test_empty_text() -> None:
    with pytest.raises(SourcedInputError, match="De tekst is leeg"):
        parse_motion_text(" \n\u00a0\n\u200b")


# -- files ------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "leeg.txt"
    path.write_bytes(b"")
    with pytest.raises(SourcedInputError) as caught:
        parse_motion_file(path)
    assert str(caught.value) == "leeg.txt: Het bestand is leeg."


def test_file_with_only_whitespace_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "wit.txt"
    path.write_bytes(b"\xef\xbb\xbf \r\n\r\n")
    with pytest.raises(SourcedInputError, match=r"wit\.txt: Het bestand is leeg"):
        parse_motion_file(path)


def test_garbage_bytes_file(tmp_path: Path) -> None:
    path = tmp_path / "rommel.txt"
    path.write_bytes(b"\xff\xfe\x00\xd8\x41\x00\x81\x9d")  # UTF-16 BOM, lone surrogate
    with pytest.raises(SourcedInputError) as caught:
        parse_motion_file(path)
    message = str(caught.value)
    assert message.startswith("rommel.txt: ")
    assert "UTF-8" in message


def test_garbage_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "rommel.bin"
    path.write_bytes(b"\x81\x9d\xfe\xff\x00")
    with pytest.raises(SourcedInputError) as caught:
        parse_motion_file(path)
    assert str(caught.value).startswith("rommel.bin, regel 1: Het bestand is geen UTF-8-tekst")
    assert "Windows-1252" not in str(caught.value)


def test_latin1_file_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "ansi.txt"
    text = (FIXTURES / "kst-26485-229.txt").read_text(encoding="utf-8")
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(SourcedInputError) as caught:
        parse_motion_file(path)
    message = str(caught.value)
    # "substantiële" is on line 13 of the reference text.
    assert message.startswith("ansi.txt, regel 13: Het bestand is geen UTF-8-tekst")
    assert "0xEB" in message
    assert "Windows-1252" in message
    assert "UTF-8" in message
    assert caught.value.source == "ansi.txt"


def test_utf8_file_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    text = (FIXTURES / "kst-26485-229.txt").read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert parse_motion_file(path) == parse_motion_file(FIXTURES / "kst-26485-229.txt")


def test_utf16_file_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    text = (FIXTURES / "kst-34300-XVII-38.txt").read_text(encoding="utf-8")
    path.write_bytes(text.encode("utf-16"))
    assert parse_motion_file(path).indieners == ["Jan Vos", "Van Veldhoven"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "Dit is een PDF-bestand"),
        (b"PK\x03\x04\x14\x00\x06\x00", "Dit is een Word-bestand"),
        (b"Nr. 12\x00\x00\x00", "binaire gegevens"),
    ],
)
@pytest.mark.invalid_docx("motie.docx")  # a few bytes under a .docx name, on purpose
def test_files_that_are_not_text(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "motie.docx"
    path.write_bytes(data)
    with pytest.raises(SourcedInputError, match=expected) as caught:
        parse_motion_file(path)
    assert str(caught.value).startswith("motie.docx: ")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match=r"weg\.txt: het bestand bestaat niet"):
        parse_motion_file(tmp_path / "weg.txt")


def test_directory_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="dit is een map"):
        parse_motion_file(tmp_path)


def test_file_errors_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "zonder-dossier.txt"
    path.write_text("\nNr. 12 MOTIE VAN HET LID TESTMAN\n", encoding="utf-8")
    with pytest.raises(SourcedInputError) as caught:
        parse_motion_file(path)
    assert str(caught.value).startswith("zonder-dossier.txt, regel 2: Het dossiernummer ontbreekt")


# -- property ---------------------------------------------------------------------

_REFERENCE_LINES = (FIXTURES / "kst-34300-XVII-38.txt").read_text(encoding="utf-8").splitlines()
_EXTRA_LINES = [
    "Nr. 12 MOTIE VAN HET LID",
    "Nr. 99999 GEWIJZIGDE MOTIE VAN DE LEDEN A, B EN C C.S. TER VERVANGING VAN DIE "
    "GEDRUKT ONDER NR. 0",
    "MOTIE VAN DE LEDEN OVER",
    "00000 Nul",
    "Voorgesteld 31 februari 2016",
    "Voorgesteld 1 ſept 2016",
    "Voorgesteld tijdens het van 1 jan 0000",
    "verzoekt",
    "en gaat over tot de orde van de dag.",
    "Naar boven",
    "c.s.",
    "\u00a0\u200b\u00ad",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text_only_raises_invalid_input(text: str) -> None:
    try:
        motion = parse_motion_text(text, source="x.txt")
    except InvalidInput:
        return
    assert isinstance(motion, Motion)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_REFERENCE_LINES + _EXTRA_LINES),
            st.text(max_size=30),
        ),
        max_size=40,
    )
)
def test_mangled_motion_text_only_raises_invalid_input(lines: list[str]) -> None:
    try:
        motion = parse_motion_text("\n".join(lines))
    except InvalidInput as error:
        assert str(error)
        return
    assert motion.verzoeken
    assert motion.indieners


# -- layouts of real texts --------------------------------------------------------
# No real published text was found offline for the layouts below (two dossier headings,
# a signer line ending in a full stop, no closing formula, a nader gewijzigde motie, a
# rijkswet dossier, a first name with a lower-case particle; see the fixtures README).
# They are the real texts changed in the one way each layout differs: labelled variants,
# not published texts. The dash dossier also has real texts above.

REAL_229 = (FIXTURES / "kst-26485-229.txt").read_text(encoding="utf-8")
REAL_38 = (FIXTURES / "kst-34300-XVII-38.txt").read_text(encoding="utf-8")


def test_the_publication_id_decides_between_two_dossier_headings() -> None:
    text = REAL_38.replace(
        "34 300 XVII Vaststelling",
        "26 485 Maatschappelijk verantwoord ondernemen\n34 300 XVII Vaststelling",
    )
    # Without an id the first heading is taken; the publication's own id decides.
    assert parse_motion_text(text).kamerstuk == KamerstukRef.of(26485, 38)
    motion = parse_motion_text("kst-34300-XVII-38\n\n" + text)
    assert motion.kamerstuk == KamerstukRef.of(34300, 38, "XVII")
    assert motion.dossier_titel.startswith("Vaststelling van de begrotingsstaat")
    assert motion.citation == "Kamerstuk 34 300 XVII, nr. 38"


def test_signer_lines_ending_in_a_full_stop() -> None:
    motion = parse_motion_text(REAL_38.replace("Jan Vos\n", "Jan Vos.\n") + ".")
    assert motion.indieners == ["Jan Vos", "Van Veldhoven"]
    assert parse_motion_text(REAL_229.rstrip() + ".\n").indieners == ["Voordewind"]


def test_no_closing_formula_and_a_sentence_broken_over_paragraphs() -> None:
    text = REAL_229.replace("\nen gaat over tot de orde van de dag.\n", "").replace(
        "verzoekt de regering, de steun", "verzoekt de regering,\n\nde steun"
    )
    motion, warnings = read_motion_text(text, source="kst-26485-229.txt")
    assert motion.citation == "Kamerstuk 26 485, nr. 229"
    assert motion.indieners == ["Voordewind"]
    assert motion.voorgesteld == dt.date(2016, 9, 6)
    assert motion.verzoeken == [VERZOEK_229]
    assert len(motion.overwegingen) == 3
    assert len(warnings) == 1 and "slotformule" in warnings[0]


def test_nader_gewijzigde_motie_is_named_so() -> None:
    text = REAL_38.replace(
        "Nr. 38 MOTIE VAN DE LEDEN",
        "Nr. 40 NADER GEWIJZIGDE MOTIE VAN DE LEDEN",
    ).replace("VAN VELDHOVEN", "VAN VELDHOVEN TER VERVANGING VAN DIE GEDRUKT ONDER NR. 38")
    motion = parse_motion_text(text)
    assert motion.wijziging == "nader gewijzigd"
    assert motion.name == "de nader gewijzigde motie Jan Vos/Van Veldhoven"
    assert motion.vervangt == KamerstukRef.of(34300, 38, "XVII")
    gewijzigd = parse_motion_text(REAL_229.replace("Nr. 229 MOTIE", "Nr. 230 GEWIJZIGDE MOTIE"))
    assert gewijzigd.name == "de gewijzigde motie Voordewind"


@pytest.mark.parametrize(
    ("header", "ref", "citation"),
    [
        (
            "36 123 (R2187) Goedkeuring van het verdrag",
            KamerstukRef.of(36123, 229, "(R2187)"),
            "Kamerstuk 36 123 (R2187), nr. 229",
        ),
        (
            "21 501-20 Europese Raad",
            KamerstukRef.of(21501, 229, "20"),
            "Kamerstuk 21 501-20, nr. 229",
        ),
    ],
)
def test_rijkswet_and_dash_dossiers(header, ref, citation) -> None:
    motion = parse_motion_text(
        REAL_229.replace("26 485 Maatschappelijk verantwoord ondernemen", header)
    )
    assert motion.kamerstuk == ref and motion.citation == citation


def test_first_names_with_lower_case_particles() -> None:
    text = REAL_229.replace("LID VOORDEWIND", "LID JASPER VAN DIJK").replace(
        "\nVoordewind", "\nJasper van Dijk"
    )
    motion = parse_motion_text(text)
    assert motion.indieners == ["Jasper van Dijk"]
    assert motion.name == "de motie Jasper van Dijk"


# -- more real published texts ----------------------------------------------------
# Each file in fixtures/reference/moties is a real text as published (sources in the
# README there); the layouts they cover are named per case.

REAL_TEXTS = [
    # A dossier with a dash (21 501-20), two signers, the web page's metadata header.
    (
        "kst-21501-20-1436.txt",
        "Kamerstuk 21 501-20, nr. 1436",
        "de motie Asscher/Jetten",
        dt.date(2019, 4, 25),
        ["Asscher", "Jetten"],
    ),
    # A dash dossier with c.s. and six signer lines, page chrome ("Naar boven") after them.
    (
        "kst-21501-20-1586.txt",
        "Kamerstuk 21 501-20, nr. 1586",
        "de motie Nijboer c.s.",
        dt.date(2020, 9, 9),
        ["Nijboer", "Van Ojik", "Leijten", "Van Raan", "Kuzu", "Van Otterloo"],
    ),
    # 2004: dossier number and title on separate lines, lower-case "nr.", "roept ... op".
    (
        "kst-29625-1.txt",
        "Kamerstuk 29 625, nr. 1",
        "de motie Van Baalen",
        dt.date(2004, 6, 3),
        ["Van Baalen"],
    ),
    # 2010: "overwegende, dat" and "van mening, dat" with a comma.
    (
        "kst-32500-IV-6.txt",
        "Kamerstuk 32 500 IV, nr. 6",
        "de motie Van Dam",
        dt.date(2010, 12, 2),
        ["Van Dam"],
    ),
    # Two signers who both have a particle.
    (
        "kst-31568-109.txt",
        "Kamerstuk 31 568, nr. 109",
        "de motie Van Gent/Van Bochove",
        dt.date(2012, 7, 5),
        ["Van Gent", "Van Bochove"],
    ),
    (
        "kst-34300-IV-19.txt",
        "Kamerstuk 34 300 IV, nr. 19",
        "de motie Segers c.s.",
        dt.date(2015, 10, 8),
        ["Segers", "Hachchi", "Van Toorenburg", "Bisschop"],
    ),
    (
        "kst-35000-V-18.txt",
        "Kamerstuk 35 000 V, nr. 18",
        "de motie De Roon/Maeijer",
        dt.date(2018, 11, 15),
        ["De Roon", "Maeijer"],
    ),
    # tweedekamer.nl page: gewijzigde motie, lines hard-wrapped inside sentences, the
    # closing formula ending in a comma, then the page's signer and vote blocks.
    (
        "tk-2019D15913-35000-X-131.txt",
        "Kamerstuk 35 000 X, nr. 131",
        "de gewijzigde motie Belhaj",
        dt.date(2019, 4, 16),
        ["Belhaj"],
    ),
]


@pytest.mark.parametrize(("name", "citation", "motion_name", "date", "signers"), REAL_TEXTS)
def test_real_published_texts(
    name: str, citation: str, motion_name: str, date: dt.date, signers: list[str]
) -> None:
    motion, warnings = read_motion_text((FIXTURES / name).read_text(encoding="utf-8"), source=name)
    assert motion.citation == citation
    assert motion.name == motion_name
    assert motion.voorgesteld == date
    assert motion.indieners == signers
    assert motion.verzoeken
    assert warnings == []


def test_real_dash_dossier_keeps_its_title_and_clauses() -> None:
    motion = parse_motion_file(FIXTURES / "kst-21501-20-1436.txt")
    assert motion.kamerstuk == KamerstukRef.of(21501, 1436, "20")
    assert motion.kamerstuk.kst_id() == "kst-21501-20-1436"
    assert motion.dossier_titel == "Europese Raad"
    assert motion.overwegingen == [
        "constaterende dat het behouden van twee vergaderlocaties voor het Europees "
        "parlement inefficiënt is en deze kwestie al jarenlang sleept",
        "overwegende dat een meerderheid van het Europees parlement zich heeft uitgesproken "
        "voor één zetel voor het Europees parlement",
    ]
    assert motion.verzoeken == [
        "verzoekt de regering, zich op de informele top uit te spreken voor het beëindigen "
        "van het verhuiscircus tussen Brussel en Straatsburg"
    ]


def test_real_2004_text_with_the_dossier_title_on_its_own_line() -> None:
    motion = parse_motion_file(FIXTURES / "kst-29625-1.txt")
    assert motion.dossier_titel == "Interpellatie inzake het Europees Grondwettelijk Verdrag"
    assert motion.overwegingen[0].startswith("overwegende, dat het van groot belang is")
    assert motion.verzoeken[0].startswith("roept de regering op de handhaving van het veto")


def test_real_gewijzigde_motie_with_wrapped_lines_from_the_kamer_site() -> None:
    motion = parse_motion_file(FIXTURES / "tk-2019D15913-35000-X-131.txt")
    assert motion.kamerstuk == KamerstukRef.of(35000, 131, "X")
    assert motion.vervangt == KamerstukRef.of(35000, 121, "X")
    assert motion.wijziging == "gewijzigd"
    assert motion.dossier_titel == (
        "Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het "
        "jaar 2019"
    )
    # Lines wrapped inside a sentence are joined with one space.
    assert motion.overwegingen == [
        "constaterende dat chroom-6 een kankerverwekkende stof is waarvan gebruik slechts "
        "onder strikte voorwaarden is toegestaan",
        "constaterende dat Defensie in de afweging of vervanging van chroom-6 houdende verf "
        "haalbaar en doelmatig is, ook financieel-economische overwegingen betrekt",
        "overwegende dat het terugdringen van de toepassing van chroom-6 houdende verf in "
        "militaire luchtvaartsystemen allerhoogste prioriteit verdient",
    ]
    assert motion.verzoeken == [
        "verzoekt de regering, en specifiek het Ministerie van Defensie, in de afweging "
        "tussen chroom-6-houdende verf of gelijkwaardige alternatieven, het "
        "financieel-economische aspect de laagste prioriteit te geven binnen budgettaire "
        "kaders van Defensie en indien dit een afweging zal zijn hierover expliciet de "
        "Kamer te informeren"
    ]
