"""The demo letter as Word: structure (OOXML), round trip (pandoc, docx2python), rendering."""

from __future__ import annotations

import re
import subprocess
import zipfile

import docx
import pytest
from docx2python import docx2python

from tests.conftest import require_tool
from tests.core.docx.conftest import NS, W, pdf_pages, xml_part

FOOTNOTE_TEXTS = [
    "SER IMVO-convenanten, www.imvoconvenanten.nl",
    "In de UNGP's staat: 'Staten dienen een doordachte mix van",
    "government-policy-to-stimulate-international-responsible-business-conduct",
    "strategies-for-responsible-business-conduct",
    "www.ser.nl/nl/adviezen/sdg-imvo",
    "lessen-imvo-convenanten",
    "evaluatie-en-vernieuwing-imvo-beleid",
    "www.takingnextsteps.nl",
    "Agenda for action final 02122019.pdf",
]


def _normal_notes(path):
    notes = xml_part(path, "word/footnotes.xml")
    return [n for n in notes.findall("w:footnote", NS) if n.get(f"{{{W}}}type") is None]


def test_nine_real_footnotes_with_resolved_references(exported_demo):
    path = exported_demo["docx"]
    notes = _normal_notes(path)
    assert len(notes) == 9
    body = xml_part(path, "word/document.xml")
    refs = [r.get(f"{{{W}}}id") for r in body.iter(f"{{{W}}}footnoteReference")]
    assert sorted(refs) == sorted(n.get(f"{{{W}}}id") for n in notes)
    texts = ["".join(n.itertext()) for n in notes]
    for expected, text in zip(FOOTNOTE_TEXTS, texts, strict=True):
        assert expected in text


def test_footnote_hyperlinks_resolve_in_the_footnotes_part(exported_demo):
    path = exported_demo["docx"]
    notes = xml_part(path, "word/footnotes.xml")
    rels = xml_part(path, "word/_rels/footnotes.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    links = notes.findall(".//w:hyperlink", NS)
    assert len(links) == 8  # footnote 2 is plain text
    for link in links:
        assert link.get(f"{{{NS['r']}}}id") in targets
    assert (
        "https://www.business-humanrights.org/sites/default/files/documents/"
        "Agenda%20for%20action%20final%20122019.pdf" in targets.values()
    )


def test_layout_a4_language_title_and_styles(exported_demo):
    path = exported_demo["docx"]
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.5)
    assert section.different_first_page_header_footer
    assert document.core_properties.title == "Voortgang IMVO-beleid"
    assert document.core_properties.language == "nl-NL"
    normal = document.styles["Normal"]
    assert normal.font.name == "Verdana" and normal.font.size.pt == 9
    assert normal.paragraph_format.line_spacing.pt == 12
    styles = xml_part(path, "word/styles.xml")
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang is not None and lang.get(f"{{{W}}}val") == "nl-NL"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == [
        "Monitoring IMVO-convenanten",
        "Voortgang project IMVO-maatregelen in perspectief",
    ]
    assert "Bijlage I: Voortgang IMVO-convenanten" in headings
    parts = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert len(parts) == 13 and parts[1] == "Convenant Duurzame Kleding en Textiel"


def test_kenmerkenveld_header_fields_and_emblem(exported_demo):
    path = exported_demo["docx"]
    body = xml_part(path, "word/document.xml")
    mc = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
    boxes = body.findall(f".//{mc}Choice//w:txbxContent", NS)
    assert len(boxes) == 1
    # -- the VML fallback (readers without DrawingML shapes) holds the same text --
    fallbacks = body.findall(f".//{mc}Fallback//w:txbxContent", NS)
    assert ["".join(f.itertext()) for f in fallbacks] == ["".join(boxes[0].itertext())]
    box_text = "\n".join("".join(p.itertext()) for p in boxes[0].findall("w:p", NS))
    for line in (
        "Dir. Int. Marktordening en Handelspolitiek",
        "Rijnstraat 8",
        "Onze referentie",
        "Min-BuZa.2020.396",
        "Bijlage(n)",
    ):
        assert line in box_text
    with zipfile.ZipFile(path) as archive:
        headers = {
            n: archive.read(n).decode()
            for n in archive.namelist()
            if re.match(r"word/header\d+\.xml", n)
        }
        footers = [
            archive.read(n).decode()
            for n in archive.namelist()
            if re.match(r"word/footer\d+\.xml", n)
        ]
    # -- later pages: the reference column as a frame on the page (not a text box, which
    # -- LibreOffice misplaces in two-page letters; tests/core/docx/test_ready_for_signoff.py) --
    assert any(
        "Onze referentie" in xml and 'w:hAnchor="page"' in xml and 'w:x="8503"' in xml
        for xml in headers.values()
    )
    assert all(
        'descr="Embleem Ministerie van Buitenlandse Zaken"' in xml for xml in headers.values()
    )
    assert len(footers) == 2
    for xml in footers:
        assert "Pagina " in xml and " PAGE " in xml and " NUMPAGES " in xml


def _flatten(value):
    if isinstance(value, list):
        for item in value:
            yield from _flatten(item)
    else:
        yield str(value)


def test_pandoc_and_docx2python_read_the_footnotes(exported_demo):
    path = exported_demo["docx"]
    with docx2python(path) as content:
        flat = re.sub(r"<[^>]+>", "", " ".join(_flatten(content.footnotes)))
    for number in range(1, 10):
        assert f"footnote{number})" in flat
    for expected in FOOTNOTE_TEXTS:
        assert expected in flat, expected
    pandoc = require_tool("pandoc")
    markdown = subprocess.run(
        [pandoc, "-f", "docx", "-t", "markdown", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for number in range(1, 10):
        assert f"[^{number}]" in markdown
    assert "www.takingnextsteps.nl" in markdown


def test_each_convenant_annex_as_its_own_docx(exported_demo):
    files = sorted(exported_demo["annexes"].glob("*.docx"))
    assert len(files) == 13
    first = docx.Document(str(files[0]))
    assert first.paragraphs[0].style.name == "Heading 1"
    assert first.paragraphs[0].text == "IMVO-convenant Sierteeltsector"
    assert "Op 2 juli 2019 is het IMVO-convenant Sierteeltsector ondertekend" in "\n".join(
        p.text for p in first.paragraphs
    )
    header = (
        xml_part(files[0], "word/header1.xml")
        if "word/header1.xml" in zipfile.ZipFile(files[0]).namelist()
        else None
    )
    assert header is not None and "Min-BuZa.2020.396" in "".join(header.itertext())


@pytest.mark.render
def test_rendered_pages(rendered_demo):
    pages = pdf_pages(rendered_demo)
    total = len(pages)
    assert total >= 5
    first = pages[0]
    for text in (
        "Aan de Voorzitter van de",
        "Onze referentie",
        "Min-BuZa.2020.396",
        "Datum",
        "21 februari 2020",
        "Betreft",
        "Voortgang IMVO-beleid",
        "Geachte voorzitter,",
        "Monitoring IMVO-convenanten",
        f"Pagina 1 van {total}",
    ):
        assert text in first, text
    for number, page in enumerate(pages, start=1):
        assert f"Pagina {number} van {total}" in page
    later = "\n".join(pages[1:])
    assert "Sigrid A.M. Kaag" in later
    annex_pages = [p for p in pages if "Bijlage I: Voortgang IMVO-convenanten" in p]
    assert annex_pages
    annex_text = "\n".join(pages[pages.index(annex_pages[0]) :])
    for name in (
        "IMVO-convenant Sierteeltsector",
        "Convenant Verantwoord Goud",
        "Steenkoolconvenant",
        "IMVO-convenant van de bancaire sector",
    ):
        assert name in annex_text


# One distinctive word from each of the nine footnotes.
NOTE_WORDS = [
    "www.imvoconvenanten.nl",
    "doordachte",
    "government-policy-to-stimulate-",
    "strategies-for-responsible-",
    "www.ser.nl/nl/adviezen/sdg-imvo",
    "lessen-imvo-convenanten",
    "evaluatie-en-vernieuwing-imvo-",
    "www.takingnextsteps.nl",
    "Agenda",
]


@pytest.mark.render
def test_every_footnote_sits_at_the_foot_of_its_page(rendered_demo):
    """pdftotext -bbox: each note is in small type below every body line of its page."""
    tool = require_tool("pdftotext")
    html = subprocess.run(
        [tool, "-bbox", str(rendered_demo), "-"], check=True, capture_output=True, text=True
    ).stdout
    pattern = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" '
        r'yMax="([\d.]+)">([^<]*)</word>'
    )
    placed: dict[int, int] = {}
    for page_number, page in enumerate(re.findall(r"<page[^>]*>(.*?)</page>", html, flags=re.S)):
        words = [
            (float(x), float(y0), float(y1) - float(y0), w)
            for x, y0, y1, w in pattern.findall(page)
        ]
        # Body text: 9 pt words (bbox ~11.7 pt high; 7 pt notes ~9.1) in the text column (the header, kenmerkenveld and page number
        # are elsewhere or smaller).
        body = [y for x, y, h, w in words if h > 10.5 and x < 400 and y > 150]
        if not body:
            continue
        for index, key in enumerate(NOTE_WORDS):
            for _x, y, h, w in words:
                if key in w and h < 10.5 and y > max(body):
                    placed[index] = page_number
    assert set(placed) == set(range(9))
    # Footnotes, not endnotes: the first sits on page 1 and they spread over the letter.
    assert placed[0] == 0 and len(set(placed.values())) >= 3
