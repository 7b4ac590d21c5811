"""References in earlier letters: .docx (body, text boxes, footnotes), .md, .txt; recording them."""

from __future__ import annotations

import datetime as dt
import zipfile

import docx
import pytest

from desktop import paths
from desktop.core.docx.writer import build_document
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.drafting.compose import render_letter_markdown
from desktop.core.drafting.model import LetterDocument, LetterMeta, Note, Paragraph, Text
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.errors import SourcedInputError
from desktop.core.export import export_letter
from desktop.core.importers.letter_import import read_letter, record_letter
from desktop.core.importers.letter_refs import find_references
from desktop.core.importers.letter_text import LetterText, read_letter_text
from desktop.core.store import kamerstukken, letters, motions
from tests.conftest import REFERENCE

LETTER_2020 = REFERENCE / "kamerbrief-voortgang-imvo-2020.md"

# The 2020 letter's eight distinct Kamerstukken, in the order it first cites them.
REFERENCES_2020 = [
    "Kamerstuk 26 485, nr. 224",
    "Kamerstuk 35 000 XVII, nr. 34",
    "Kamerstuk 26 485, nr. 293",
    "Kamerstuk 26 485, nr. 308",
    "Kamerstuk 26 485, nr. 317",
    "Kamerstuk 32 735, nr. 252",
    "Kamerstuk 26 485, nr. 291",
    "Kamerstuk 22 112, nr. 2826",
]
MOTIONS_2020 = [
    ("de motie Van Laar", "Kamerstuk 26 485, nr. 224", True),
    ("de motie Diks/Van den Hul", "Kamerstuk 35 000 XVII, nr. 34", True),
    ("de motie Van Ojik/Karabulut", "Kamerstuk 32 735, nr. 252", False),
]


def _refs(text: str, source: str = "brief.txt"):
    blocks = [block for block in text.split("\n\n") if block.strip()]
    return find_references(LetterText(source, blocks))


def _motions(found) -> list[tuple[str, str, bool]]:
    return [(m.name, m.ref.letter_style(), m.settled) for m in found.motions]


def test_the_2020_letter_yields_its_eight_references_and_three_motions():
    found = read_letter(LETTER_2020)
    data = found.as_json()
    assert [k["citation"] for k in data["kamerstukken"]] == REFERENCES_2020
    first = data["kamerstukken"][0]
    assert (first["dossier"], first["toevoeging"], first["nummer"]) == ("26 485", None, 224)
    assert data["kamerstukken"][1]["toevoeging"] == "XVII"
    assert "toezicht op de IMVO-convenanten" in first["context"]
    assert _motions(found) == MOTIONS_2020
    assert data["motions"][0] == {
        "name": "de motie Van Laar",
        "citation": "Kamerstuk 26 485, nr. 224",
        "indieners": ["Van Laar"],
        "afgedaan": True,
        "context": data["motions"][0]["context"],
    }
    assert data["afgedaan"] == ["Kamerstuk 26 485, nr. 224", "Kamerstuk 35 000 XVII, nr. 34"]
    assert data["letter"] == {
        "kenmerk": "Min-BuZa.2020.396",
        "datum": "2020-02-21",
        "betreft": "Voortgang IMVO-beleid",
        "kamerstuk": None,
        "dossier_titel": None,
        "titel": None,
    }
    assert data["eu"] == []


def test_every_form_is_found_once_normalised_in_order():
    found = _refs(
        "Zie Kamerstuk 26485, nr. 293 en de brief (26 485, nr. 308), ook 35000 XVII, nr. 34.\n\n"
        "Eerder: Kamerstukken II 2019/20, 26485, nr. 224; kst-35000-XVII-34; 21 501-32, nr. 1703.\n\n"
        "In Word: Kamerstuk 26\u00a0485, nr.\u00a0224 en Kamerstuk 35\u00a0000 XVII nr.\u00a034.\n\n"
        "De Eerste Kamer: Kamerstukken I 2008/09, 31700 VI, D.\n\n"
        "Niet: Handelingen II 2014/15, nr. 12, item 5; Staatsblad 2019, nr. 450; "
        "Aanhangsel Handelingen II 2014/15, nr. 12; mijn brief van 2 juli 2018, nr. 291."
    )
    assert [k.citation for k in found.kamerstukken] == [
        "Kamerstuk 26 485, nr. 293",
        "Kamerstuk 26 485, nr. 308",
        "Kamerstuk 35 000 XVII, nr. 34",
        "Kamerstuk 26 485, nr. 224",
        "Kamerstuk 21 501-32, nr. 1703",
        "Kamerstukken I 2008/09, 31 700 VI, D",
    ]


def test_several_numbers_and_the_hyphenated_form():
    found = _refs(
        "Zie Kamerstukken 26 485, nrs. 224 en 229, en 35 000 XVII, nrs. 30 t/m 32. "
        "De leden Boomsma en Van der Plas dienden een motie in (Kamerstuk 21501-32-1740), "
        "na het rapport (Kamerstuk 21 501-32, nr. 1703). Ook 26485, nrs. 291, 224 en 308."
    )
    assert [k.citation for k in found.kamerstukken] == [
        "Kamerstuk 26 485, nr. 224",
        "Kamerstuk 26 485, nr. 229",
        "Kamerstuk 35 000 XVII, nr. 30",
        "Kamerstuk 35 000 XVII, nr. 31",
        "Kamerstuk 35 000 XVII, nr. 32",
        "Kamerstuk 21 501-32, nr. 1740",
        "Kamerstuk 21 501-32, nr. 1703",
        "Kamerstuk 26 485, nr. 291",
        "Kamerstuk 26 485, nr. 308",
    ]


def test_motions_are_found_in_the_ways_letters_name_them():
    found = _refs(
        "De motie van het lid Van Laar (Kamerstuk 26 485, nr. 224) vraagt om toezicht. "
        "De motie van de leden Diks en Van den Hul over de ambassades (Kamerstuk 35 000 XVII, "
        "nr. 34) is uitgevoerd.\n\n"
        "De gewijzigde motie Van Laar (Kamerstuk 26 485, nr. 240) en de motie Amhaouch c.s. "
        "(Kamerstuk 35 300 V, nr. 12) volgen.\n\n"
        "Ook de door het lid Jasper van Dijk ingediende motie (Kamerstuk 26 485, nr. 250) en "
        "de motie-Voordewind (Kamerstuk 26 485, nr. 229) komen aan bod. De motie (2019) niet."
    )
    assert [(m.name, m.ref.number_label()) for m in found.motions] == [
        ("de motie Van Laar", "26 485, nr. 224"),
        ("de motie Diks/Van den Hul", "35 000 XVII, nr. 34"),
        ("de gewijzigde motie Van Laar", "26 485, nr. 240"),
        ("de motie Amhaouch c.s.", "35 300 V, nr. 12"),
        ("de motie Jasper van Dijk", "26 485, nr. 250"),
        ("de motie Voordewind", "26 485, nr. 229"),
    ]


def test_settling_sentences_mark_motions_afgedaan():
    found = _refs(
        "Met deze brief doe ik de motie Van Laar (Kamerstuk 26 485, nr. 224) af. "
        "De motie Voordewind (Kamerstuk 26 485, nr. 229) blijft staan.\n\n"
        "Hiermee beschouw ik de motie Diks/Van den Hul (Kamerstuk 35 000 XVII, nr. 34) als "
        "afgedaan. Zoals gemeld in de brief van 11 juni 2019 (Kamerstuk 26 485, nr. 308)."
    )
    assert [(m.ref.number_label(), m.settled) for m in found.motions] == [
        ("26 485, nr. 224", True),
        ("26 485, nr. 229", False),
        ("35 000 XVII, nr. 34", True),
    ]
    assert [ref.number_label() for ref in found.settled] == [
        "26 485, nr. 224",
        "35 000 XVII, nr. 34",
    ]


def test_eu_identifiers_and_celex_numbers():
    found = _refs(
        "De mededeling COM(2019) 352 final en de Verordening (EU) 2017/821 (CELEX 32017R0821). "
        "Ook Richtlijn 2014/95/EU, Verordening (EG) nr. 1907/2006 en 52019DC0352."
    )
    assert [(e.identificatie, e.soort, e.celex) for e in found.eu] == [
        # The COM document is the communication 52019DC0352: named once.
        ("COM(2019) 352", "mededeling", "52019DC0352"),
        ("Verordening (EU) 2017/821", "verordening", "32017R0821"),
        ("Richtlijn 2014/95/EU", "richtlijn", "32014L0095"),
        ("Verordening (EG) nr. 1907/2006", "verordening", "32006R1907"),
    ]


def test_com_join_sec_documents_and_celex_in_urls_are_typed():
    found = _refs(
        "Het voorstel COM(2021) 706 final volgt op de mededeling COM(2019) 352, de gezamenlijke "
        "mededeling JOIN(2021) 17 en SEC(2008) 2111. Zie https://eur-lex.europa.eu/legal-content"
        "/NL/TXT/?uri=CELEX%3A32017R0821 en eur-lex.europa.eu/eli?uri=CELEX:32014L0095."
    )
    assert [(e.identificatie, e.soort, e.celex) for e in found.eu] == [
        ("COM(2021) 706", "voorstel", "52021PC0706"),
        ("COM(2019) 352", "mededeling", "52019DC0352"),
        ("JOIN(2021) 17", "mededeling", "52021JC0017"),
        ("SEC(2008) 2111", "overig", "52008SC2111"),
        ("CELEX 32017R0821", "verordening", "32017R0821"),
        ("CELEX 32014L0095", "richtlijn", "32014L0095"),
    ]


@pytest.mark.parametrize(
    "heading",
    [
        ["35000 VII 96 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN"],
        ["35 000 VII 96 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN"],
        ["35 000 VII Vaststelling van de begrotingsstaten", "Nr. 96 BRIEF VAN DE MINISTER"],
        ["35 000 VII Vaststelling van de begrotingsstaten", "Nr. 96", "Brief van de minister"],
    ],
)
def test_own_number_with_toevoeging_from_every_heading_form(heading):
    found = find_references(LetterText("brief.txt", [*heading, "Hierbij informeer ik u."]))
    assert found.letter.kamerstuk == KamerstukRef.of(35000, 96, "VII")


@pytest.mark.parametrize(
    ("blocks", "names", "cum_suis"),
    [
        (
            ["Over de motie van de leden Diks en Van den Hul (Kamerstuk 35 000 XVII, nr. 34)."],
            ["Diks", "Van den Hul"],
            False,
        ),
        (
            ["De motie van het lid Van Laar1 verzoekt de regering.", "1 Kamerstuk 26 485, nr. 224"],
            ["Van Laar"],
            False,
        ),
        (
            ["De motie van van het lid Van Laar (Kamerstuk 26 485, nr. 224) wordt afgedaan."],
            ["Van Laar"],
            False,
        ),
        (
            ["De motie van het lid Van Laar c.s. (Kamerstuk 26 485, nr. 224)."],
            ["Van Laar"],
            True,
        ),
    ],
)
def test_motion_mentions_in_every_form(blocks, names, cum_suis):
    (motion,) = find_references(LetterText("brief.txt", blocks)).motions
    assert (motion.indieners, motion.cum_suis) == (names, cum_suis)
    assert motion.ref.key in {
        KamerstukRef.of(35000, 34, "XVII").key,
        KamerstukRef.of(26485, 224).key,
    }


PUBLISHED = """26 485 Maatschappelijk verantwoord ondernemen

Nr. 308 BRIEF VAN DE MINISTER VOOR BUITENLANDSE HANDEL EN ONTWIKKELINGSSAMENWERKING

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 11 juni 2019

Met deze brief informeer ik uw Kamer over het project IMVO-maatregelen in perspectief.
Zie ook mijn brief van 13 november 2018 (Kamerstuk 26 485, nr. 293) en
de motie Van Laar (Kamerstuk 26 485, nr. 224).

Tweede Kamer, vergaderjaar 2018–2019, 26 485, nr. 308

kst-26485-308
"""


def test_a_published_kamerstuk_has_its_own_number_in_letter(tmp_path):
    path = tmp_path / "kst-26485-308.txt"
    path.write_text(PUBLISHED, encoding="utf-8")
    data = read_letter(path).as_json()
    assert data["letter"]["kamerstuk"] == "Kamerstuk 26 485, nr. 308"
    assert data["letter"]["dossier_titel"] == "Maatschappelijk verantwoord ondernemen"
    assert data["letter"]["titel"].startswith("BRIEF VAN DE MINISTER")
    assert data["letter"]["datum"] == "2019-06-11"
    assert [k["citation"] for k in data["kamerstukken"]] == [
        "Kamerstuk 26 485, nr. 293",
        "Kamerstuk 26 485, nr. 224",
    ]
    assert [m["name"] for m in data["motions"]] == ["de motie Van Laar"]


def test_the_web_edition_of_a_published_letter(tmp_path):
    path = tmp_path / "kst-26485-317.txt"
    path.write_text(
        "Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2019-2020\n\n"
        "26485 Maatschappelijk verantwoord ondernemen\n\nNr. 317\n\n"
        "Brief van de minister voor Buitenlandse Handel en Ontwikkelingssamenwerking\n\n"
        "Den Haag, 28 oktober 2019\n\nZoals aangekondigd (Kamerstuk 26 485, nr. 308).\n",
        encoding="utf-8",
    )
    found = read_letter(path)
    assert found.letter.kamerstuk == KamerstukRef.of(26485, 317)
    assert found.letter.titel.startswith("Brief van de minister")
    assert found.letter.datum == dt.date(2019, 10, 28)
    assert [k.citation for k in found.kamerstukken] == ["Kamerstuk 26 485, nr. 308"]


def test_word_file_body_text_box_and_footnotes(tmp_path):
    meta = LetterMeta(title="Proef", kenmerk="BZ-2024-17", datum="3 maart 2024", betreft="Proef")
    meta.afzender.directie = "DGBEB"
    body = [
        Paragraph([Text("De motie Van Laar (Kamerstuk 26\u00a0485, nr.\u00a0224) vraagt iets.")]),
        Paragraph(
            [
                Text("Zie de brief."),
                Note([Paragraph([Text("Kamerstuk 26 485, nr. 293; COM(2019) 352.")])]),
                Text(" En Kamerstuk 22 112, nr. 2826."),
            ]
        ),
    ]
    path = tmp_path / "proef.docx"
    build_document(LetterDocument(meta=meta, body=body)).save(str(path))
    text = read_letter_text(path)
    assert "Kamerstuk 26 485, nr. 293; COM(2019) 352." in text.blocks  # the footnote
    data = read_letter(path).as_json()
    # A footnote's text follows the paragraph that refers to it.
    assert [k["citation"] for k in data["kamerstukken"]] == [
        "Kamerstuk 26 485, nr. 224",
        "Kamerstuk 22 112, nr. 2826",
        "Kamerstuk 26 485, nr. 293",
    ]
    assert data["letter"]["kenmerk"] == "BZ-2024-17"  # from the kenmerkenveld text box
    assert data["letter"]["datum"] == "2024-03-03"
    assert [e["identificatie"] for e in data["eu"]] == ["COM(2019) 352"]


def test_exported_demo_letter_gives_back_the_same_references(demo_store, tmp_path):
    letter = letters.find_by_kenmerk(demo_store.db, "Min-BuZa.2020.396")
    library = TemplateLibrary(paths.shipped_templates_dir(), paths.user_templates_dir())
    target = tmp_path / "demo.docx"
    export_letter(demo_store.db, letter, library, target, emblem=None)
    source = _refs(render_letter_markdown(demo_store.db, letter, library))
    back = read_letter(target)
    assert [k.citation for k in back.kamerstukken] == [k.citation for k in source.kamerstukken]
    assert [k.citation for k in back.kamerstukken] == REFERENCES_2020
    assert _motions(back) == MOTIONS_2020
    assert back.letter.kenmerk == "Min-BuZa.2020.396"
    assert back.letter.datum == dt.date(2020, 2, 21)
    assert back.letter.betreft == "Voortgang IMVO-beleid"


def _renamed_text(tmp_path):
    path = tmp_path / "brief.docx"
    path.write_text("Geachte voorzitter,", encoding="utf-8")
    return path, "geen Word-bestand"


def _zip_without_document(tmp_path):
    path = tmp_path / "brief.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return path, "word/document.xml ontbreekt"


def _old_doc(tmp_path):
    path = tmp_path / "brief.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    return path, "oud Word-bestand"


def _damaged_docx(tmp_path):
    path = tmp_path / "brief.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document")
    return path, "beschadigd"


def _latin1_text(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_bytes("Geïnformeerd: Kamerstuk 26 485, nr. 224".encode("latin-1"))
    return path, "UTF-8"


def _pdf(tmp_path):
    path = tmp_path / "brief.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    return path, "niet als ‘.pdf’"


def _empty(tmp_path):
    path = tmp_path / "brief.md"
    path.write_bytes(b"")
    return path, "leeg"


@pytest.mark.parametrize(
    "make",
    [_renamed_text, _zip_without_document, _old_doc, _damaged_docx, _latin1_text, _pdf, _empty],
)
@pytest.mark.invalid_docx("brief.docx")  # broken on purpose: that is the test
def test_unreadable_letters_give_a_clear_dutch_message(tmp_path, make):
    path, fragment = make(tmp_path)
    with pytest.raises(SourcedInputError) as info:
        read_letter(path)
    assert path.name in str(info.value) and fragment in str(info.value)


def test_markdown_front_matter_gives_the_letter_data(tmp_path):
    path = tmp_path / "brief.md"
    path.write_text(
        "---\nkenmerk: BZ-2021-5\ndatum: 2021-03-01\nbetreft: Voortgang\n---\n"
        "**De motie Van Laar** (Kamerstuk 26 485, nr. 224)[^1] is uitgevoerd.\n\n"
        "[^1]: Zie ook [de brief](https://example.org) (Kamerstuk 26 485, nr. 293).\n",
        encoding="utf-8",
    )
    found = read_letter(path)
    assert (found.letter.kenmerk, found.letter.datum) == ("BZ-2021-5", dt.date(2021, 3, 1))
    assert [k.citation for k in found.kamerstukken] == [
        "Kamerstuk 26 485, nr. 224",
        "Kamerstuk 26 485, nr. 293",
    ]
    assert [m.name for m in found.motions] == ["de motie Van Laar"]


# -- recording ----------------------------------------------------------------------------------


def test_recording_adds_what_is_missing_and_settles_once(store):
    found = read_letter(LETTER_2020)
    with store.transaction() as db:
        first = record_letter(db, found)
    assert first.kamerstukken_added == REFERENCES_2020
    assert first.motions_added == [citation for _, citation, _ in MOTIONS_2020]
    assert first.letter_action == "nieuw" and first.letter_id is not None
    assert first.motions_settled == ["Kamerstuk 26 485, nr. 224", "Kamerstuk 35 000 XVII, nr. 34"]
    letter = letters.get(store.db, first.letter_id)
    assert (letter.kenmerk, letter.datum, letter.status) == (
        "Min-BuZa.2020.396",
        dt.date(2020, 2, 21),
        "verzonden",
    )
    assert [(m.afdoen) for m in letter.motions] == [True, True, False]
    laar = motions.find(store.db, KamerstukRef.of(26485, 224))
    assert laar.name == "de motie Van Laar" and laar.status == "afgedaan"
    assert laar.afgedaan_met == ["Min-BuZa.2020.396"] and laar.status_datum == dt.date(2020, 2, 21)
    ojik = motions.find(store.db, KamerstukRef.of(32735, 252))
    assert ojik.indieners == ["Van Ojik", "Karabulut"] and ojik.status == "openstaand"
    versions = [m.version for m in motions.list_motions(store.db)]
    with store.transaction() as db:
        again = record_letter(db, found)
    assert again.as_json() == {
        "letter_id": first.letter_id,
        "letter": "bestond al",
        "letter_reason": None,
        "kamerstukken_added": [],
        "motions_added": [],
        "eu_added": [],
        "motions_linked": [],
        "motions_settled": [],
    }
    assert [m.version for m in motions.list_motions(store.db)] == versions


def test_importing_into_the_demo_links_the_existing_letter(demo_store):
    with demo_store.transaction() as db:
        result = record_letter(db, read_letter(LETTER_2020))
    assert result.letter_action == "bestond al"
    assert result.kamerstukken_added == [] and result.motions_added == []
    assert result.motions_settled == []  # the demo letter already settled both


def test_a_letter_without_identity_is_not_recorded(store):
    found = _refs("Zie Kamerstuk 26 485, nr. 293 en de motie Van Laar (Kamerstuk 26 485, nr. 224).")
    with store.transaction() as db:
        result = record_letter(db, found)
    assert result.letter_id is None and "geen kenmerk" in (result.letter_reason or "")
    assert kamerstukken.find(store.db, KamerstukRef.of(26485, 293)) is not None
    assert letters.list_letters(store.db) == []


@pytest.mark.invalid_docx("word.docx")  # python-docx's bare template, as foreign input
def test_a_plain_word_document_without_footnotes(tmp_path):
    # A letter written by Word itself (python-docx's default template) has no footnotes part.
    document = docx.Document()
    document.add_paragraph("Onze referentie: BZ-2019-1")
    document.add_paragraph("Zie Kamerstuk 26 485, nr. 317.")
    path = tmp_path / "word.docx"
    document.save(str(path))
    found = read_letter(path)
    assert found.letter.kenmerk == "BZ-2019-1"
    assert [k.citation for k in found.kamerstukken] == ["Kamerstuk 26 485, nr. 317"]


def test_a_published_motion_is_not_recorded_as_a_letter(store, tmp_path):
    path = tmp_path / "kst-26485-229.txt"
    path.write_text((REFERENCE / "moties" / "kst-26485-229.txt").read_text("utf-8"))
    found = read_letter(path)
    assert found.letter.kamerstuk == KamerstukRef.of(26485, 229)
    with store.transaction() as db:
        result = record_letter(db, found)
    assert result.letter_id is None and "geen brief" in (result.letter_reason or "")
    assert letters.list_letters(store.db) == []
