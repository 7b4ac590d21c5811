"""The afdoeningstabel: .xlsx and .csv files and the annex table in a letter."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from desktop import paths
from desktop.core.docx.writer import build_document
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.drafting.compose import compose_letter
from desktop.core.drafting.markdown import parse_markdown
from desktop.core.drafting.model import Table
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.errors import FileProblem, InvalidInput
from desktop.core.importers.opendata import import_open_data
from desktop.core.reports.afdoening import (
    COLUMNS,
    add_afdoening_annex,
    afdoening_markdown,
    afdoening_rows,
    letter_rows,
    write_afdoeningstabel,
)
from desktop.core.store import letters, motions
from desktop.core.store.rows import execute

FIXTURES = Path(__file__).parent.parent / "importers" / "fixtures"


@pytest.fixture
def registry(demo_store):
    """The demo registry plus the Kamer's toezeggingen."""
    import_open_data(demo_store, [FIXTURES / "tk-toezegging.json"])
    return demo_store


def test_rows_open_and_all(registry):
    db = registry.db
    open_rows = afdoening_rows(db, "open")
    assert [r.nummer for r in open_rows if r.soort == "Motie"] == [
        "Kamerstuk 26 485, nr. 229",
        "Kamerstuk 32 735, nr. 252",
        "Kamerstuk 34 300 XVII, nr. 38",
    ]
    assert {r.nummer for r in open_rows if r.soort == "Toezegging"} == {
        "TZ202002-101",
        "TZ201911-087",
    }
    everything = afdoening_rows(db, "all")
    laar = next(r for r in everything if r.nummer == "Kamerstuk 26 485, nr. 224")
    assert laar.omschrijving.startswith("De motie Van Laar over ")
    assert (laar.status, laar.kamer, laar.afgedaan_met) == (
        "afgedaan",
        "aangenomen",
        "Min-BuZa.2020.396",
    )
    assert laar.datum_afdoening == dt.date(2020, 2, 21)
    partly = next(r for r in everything if r.nummer == "TZ201911-087")
    assert (partly.kamer, partly.status) == ("deels voldaan", "deels voldaan")
    assert partly.afgedaan_met == "Kamerstuk 26 485, nr. 326"
    assert partly.wie == "Kaag, Buitenlandse Zaken"
    with pytest.raises(InvalidInput):
        afdoening_rows(db, "klaar")


def test_rejected_motions_need_no_work(registry):
    db = registry.db
    motion = motions.find(db, KamerstukRef.of(26485, 229))
    with registry.transaction() as tx:
        motion.uitslag = "verworpen"
        motions.update(tx, motion)
    assert "Kamerstuk 26 485, nr. 229" not in {r.nummer for r in afdoening_rows(db, "open")}
    assert "Kamerstuk 26 485, nr. 229" in {r.nummer for r in afdoening_rows(db, "all")}


def test_xlsx_has_a_marked_frozen_filtered_header_and_real_dates(registry, tmp_path):
    path, count = write_afdoeningstabel(registry.db, tmp_path / "tabel.xlsx", status="all")
    assert count == 7
    sheet = load_workbook(path).active
    assert sheet.title == "Afdoeningstabel"
    assert [c.value for c in sheet[1]] == [header for header, _ in COLUMNS]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:L{count + 1}"
    assert sheet.column_dimensions["C"].width == 60
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    laar = rows["Kamerstuk 26 485, nr. 224"]
    assert laar[0].value == "Motie" and laar[6].value == "afgedaan"
    assert laar[9].value == dt.datetime(2020, 2, 21)  # a real date, shown as dd-mm-yyyy
    assert laar[9].number_format == "DD-MM-YYYY"
    assert rows["TZ202002-101"][7].value == dt.datetime(2020, 7, 1)


def test_csv_for_dutch_excel(registry, tmp_path):
    path, count = write_afdoeningstabel(registry.db, tmp_path / "tabel.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == [header for header, _ in COLUMNS]
    assert len(rows) == count + 1 == 6
    assert rows[5][1] == "TZ202002-101" and rows[5][7] == "2020-07-01"
    with pytest.raises(FileProblem, match=r"\.xlsx"):
        write_afdoeningstabel(registry.db, tmp_path / "tabel.ods")


def test_annex_table_in_a_letter_has_a_marked_header_row(registry, tmp_path):
    db = registry.db
    letter = letters.find_by_kenmerk(db, "Min-BuZa.2020.396")
    rows = letter_rows(db, letter)
    assert [(r.nummer, r.status) for r in rows] == [
        ("Kamerstuk 26 485, nr. 224", "afgedaan"),
        ("Kamerstuk 32 735, nr. 252", "in uitvoering"),
        ("Kamerstuk 35 000 XVII, nr. 34", "afgedaan"),
    ]
    library = TemplateLibrary(paths.shipped_templates_dir(), paths.user_templates_dir())
    document = compose_letter(db, letter, library)
    annex = add_afdoening_annex(document, rows)
    assert annex.title == "Bijlage II: Afdoeningstabel moties en toezeggingen"
    assert document.meta.bijlagen == 2
    path = tmp_path / "brief.docx"
    build_document(document).save(str(path))
    word = Document(str(path))
    table = word.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "Soort",
        "Vindplaats",
        "Omschrijving",
        "Status",
    ]
    header_properties = table.rows[0]._tr.trPr
    assert header_properties is not None and header_properties.find(qn("w:tblHeader")) is not None
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert table.rows[1].cells[3].text == "afgedaan (Min-BuZa.2020.396)"
    assert len(table.rows) == 4


def test_markdown_form_parses_to_a_table_with_header(registry):
    rows = afdoening_rows(registry.db, "open")
    rows[0].omschrijving = "Met | een streep"
    parsed = parse_markdown(afdoening_markdown(rows))
    (table,) = parsed.body
    assert isinstance(table, Table)
    assert [cell[0].text for cell in table.header] == [
        "Soort",
        "Vindplaats",
        "Omschrijving",
        "Status",
    ]
    assert len(table.rows) == len(rows)
    assert table.rows[0][2][0].text == "Met | een streep"


def test_export_with_the_annex_numbers_it_and_keeps_it_in_the_version(registry, tmp_path):
    import functools

    from desktop.core.export import export_letter
    from desktop.core.reports.afdoening import annex_markdown

    db = registry.db
    letter = letters.find_by_kenmerk(db, "Min-BuZa.2020.396")
    library = TemplateLibrary(paths.shipped_templates_dir(), paths.user_templates_dir())
    target = tmp_path / "brief.docx"
    appendix = functools.partial(annex_markdown, letter_rows(db, letter))
    export_letter(db, letter, library, target, emblem=None, appendix=appendix)
    word = Document(str(target))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1] == "Bijlage II: Afdoeningstabel moties en toezeggingen"
    table = word.tables[-1]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    # -- citations are written with non-breaking spaces (they never split in Word) --
    assert [row.cells[1].text.replace("\u00a0", " ") for row in table.rows[1:]] == [
        "Kamerstuk 26 485, nr. 224",
        "Kamerstuk 32 735, nr. 252",
        "Kamerstuk 35 000 XVII, nr. 34",
    ]
    (stored,) = execute(db, "SELECT markdown FROM letter_versions").fetchone()
    assert "<!-- bijlage: Bijlage II: Afdoeningstabel" in stored


def test_the_table_shows_where_the_kamer_sees_it_otherwise(store):
    from desktop.core.domain.models import Motion
    from desktop.core.store import motions

    db = store.db
    with store.transaction():
        open_id = motions.add(
            db,
            Motion(
                kamerstuk=None,
                zaaknummer="2020Z22901",
                indieners=["Van Laar"],
                uitslag="aangenomen",
                kamer_afgedaan=True,
            ),
        )
        motions.add(
            db,
            Motion(
                kamerstuk=None,
                zaaknummer="2020Z22902",
                indieners=["Diks"],
                uitslag="verworpen",
                kamer_afgedaan=True,
            ),
        )
    rows = {row.nummer: row for row in afdoening_rows(db, status="all")}
    column = [header for header, _ in COLUMNS].index("Afwijkend van de Kamer")
    assert rows["zaak 2020Z22901"].values()[column] == "ja: volgens de Kamer afgedaan"
    # Rejected: the Kamer's Afgedaan is only procedure, nothing for us to carry out.
    assert rows["zaak 2020Z22902"].values()[column] == ""
    motions.set_status(db, open_id, "afgedaan")
    rows = {row.nummer: row for row in afdoening_rows(db, status="all")}
    assert rows["zaak 2020Z22901"].values()[column] == ""


def test_one_term_for_the_date_a_motion_is_due():
    # The app says "Termijn" everywhere (the motions table, the editor, the detail pane).
    headers = [header for header, _ in COLUMNS]
    assert "Termijn of nakoming" in headers
    assert not any("deadline" in header.lower() for header in headers)
