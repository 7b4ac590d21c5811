"""Issue 11: honest properties, typography, letterhead, the letter back from Word,
tracked changes, tagged PDF, and OOXML validation of what is written."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from desktop import paths
from desktop.core.demo import load_demo
from desktop.core.docx.letterhead import check_letterhead, read_letterhead_file
from desktop.core.docx.save import convert_to_pdf
from desktop.core.docx.writer import build_document, empty_headings, keep_citations_together
from desktop.core.drafting.compose import annex_heading, empty_sections
from desktop.core.drafting.frontmatter import compose_markdown
from desktop.core.drafting.markdown import parse_markdown
from desktop.core.drafting.model import LetterDocument, LetterMeta
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.errors import InvalidInput, NotFound
from desktop.core.export import export_letter, set_letterhead, stored_letterhead
from desktop.core.importers.letter_word_update import update_letter_from_word
from desktop.core.planning.versions import list_versions, write_tracked_changes
from desktop.core.store import Store, letters
from desktop.core.store import letterhead as letterhead_store
from desktop.core.store.db import known_migrations
from desktop.core.store.rows import execute
from tests.conftest import require_tool, sqlite_db
from tests.core.docx.conftest import NS, pdf_pages, render_pdf, xml_part
from tests.core.docx.sample_template import make_dotx, png_logo
from tests.ooxml import assert_valid_docx

KENMERK = "Min-BuZa.2020.396"


def _package_text(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {
            n: archive.read(n).decode("utf-8", "replace")
            for n in archive.namelist()
            if n.endswith((".xml", ".rels"))
        }


@pytest.fixture
def demo(tmp_path):
    with Store.open(None) as store:
        load_demo(store, paths.resources_dir())
        letter = letters.find_by_kenmerk(store.db, KENMERK)
        assert letter is not None
        yield store, letter, TemplateLibrary(paths.shipped_templates_dir())


# -- 1. honest document properties ------------------------------------------------------------


def test_properties_are_the_letters_and_made_at_export_time(exported_demo):
    path = exported_demo["docx"]
    parts = _package_text(path)
    core = xml_part(path, "docProps/core.xml")
    assert core.findtext("dc:title", namespaces=NS) == "Voortgang IMVO-beleid"
    assert core.findtext("dc:language", namespaces=NS) == "nl-NL"
    assert core.findtext("dc:creator", namespaces=NS) == "Sigrid A.M. Kaag"
    terms = "{http://purl.org/dc/terms/}"
    for name in ("created", "modified"):
        stamp = dt.datetime.fromisoformat(core.find(f"{terms}{name}").text.replace("Z", ""))
        assert abs((dt.datetime.now(dt.UTC).replace(tzinfo=None) - stamp).total_seconds()) < 3600
    app = parts["docProps/app.xml"]
    assert "Macintosh" not in "".join(parts.values())
    assert "<Company>Ministerie van Buitenlandse Zaken</Company>" in app
    assert "<Pages>" not in app and "<Words>" not in app
    custom = parts["docProps/custom.xml"]
    assert 'name="Kenmerk"><vt:lpwstr>Min-BuZa.2020.396<' in custom
    assert 'name="Datum"><vt:lpwstr>21 februari 2020<' in custom
    assert "custom-properties" in parts["_rels/.rels"]
    with zipfile.ZipFile(path) as archive:
        assert not any("thumbnail" in n for n in archive.namelist())


def test_demo_export_is_valid_ooxml(exported_demo):
    assert_valid_docx(exported_demo["docx"])
    for annex in sorted(exported_demo["annexes"].glob("*.docx"))[:2]:
        assert_valid_docx(annex)


# -- 2. typography --------------------------------------------------------------------------


def test_no_placeholder_and_unique_drawing_ids(exported_demo):
    parts = _package_text(exported_demo["docx"])
    everything = "".join(parts.values()).lower()
    assert "plaats hier" not in everything and "plaatshouder" not in everything
    ids = [i for xml in parts.values() for i in re.findall(r"<wp:docPr id=\"(\d+)\"", xml)]
    assert ids and len(ids) == len(set(ids))


def test_text_boxes_have_a_vml_fallback(exported_demo):
    body = _package_text(exported_demo["docx"])["word/document.xml"]
    assert '<mc:Choice Requires="wps">' in body
    assert "<mc:Fallback><w:pict><v:rect" in body.replace("\n", "").replace(" <", "<")


def test_citations_keep_their_spaces_together(exported_demo):
    assert keep_citations_together("(Kamerstuk 26 485, nr. 224) en") == (
        "(Kamerstuk\u00a026\u00a0485,\u00a0nr.\u00a0224) en"
    )
    assert (
        keep_citations_together("35 000 XVII, nr. 34") == "35\u00a0000\u00a0XVII,\u00a0nr.\u00a034"
    )
    assert keep_citations_together("in 2019 en 2020") == "in 2019 en 2020"
    # -- citations with no Kamerstuk number, or already half non-breaking, are found too --
    assert keep_citations_together("zie nr. 7 en 12 euro") == "zie nr.\u00a07 en 12 euro"
    assert keep_citations_together("bij\u00a0nr. 3") == "bij\u00a0nr.\u00a03"
    assert keep_citations_together("Kamerstukken 35\u00a0925 XVII") == (
        "Kamerstukken\u00a035\u00a0925\u00a0XVII"
    )
    assert keep_citations_together("op 1 januari, nr 5") == "op 1 januari, nr 5"
    body = _package_text(exported_demo["docx"])["word/document.xml"]
    assert "26\u00a0485,\u00a0nr.\u00a0224" in body
    assert "26 485, nr. 224" not in body


def test_empty_headings_are_left_out_and_listed():
    parsed = parse_markdown("# Leeg\n\n# Vol\n\nTekst.\n\n## Ook leeg\n\n# Laatste\n")
    assert empty_headings(parsed.body) == ["Leeg", "Ook leeg", "Laatste"]
    document = build_document(LetterDocument(meta=LetterMeta(letterhead=False), body=parsed.body))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Vol"]


def test_composer_can_list_sections_without_text(demo):
    _store, letter, _ = demo
    assert empty_sections(letter) == []
    # -- the NAP section (index 3) has no text of its own, only its motion --
    assert letter.sections[3].tekst == ""
    letter.motions = [m for m in letter.motions if m.section_index != 3]
    letter.sections[4].tekst = ""
    assert empty_sections(letter) == [
        "Nationaal Actieplan Mensenrechten en Bedrijfsleven",
        "90-procentdoelstelling",
    ]


def test_signature_and_headings_kept_with_next(exported_demo):
    document = docx.Document(str(exported_demo["docx"]))
    paragraphs = document.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text == "Sigrid A.M. Kaag")
    functie, last_body = paragraphs[index - 1], paragraphs[index - 2]
    assert functie.text.startswith("De Minister voor")
    assert functie.paragraph_format.keep_with_next
    assert last_body.paragraph_format.keep_with_next and last_body.text
    assert document.styles["Heading 1"].paragraph_format.keep_with_next


@pytest.mark.render
def test_signature_shares_its_page_with_body_text(rendered_demo):
    page = next(p for p in pdf_pages(rendered_demo) if "Sigrid A.M. Kaag" in p)
    before = page.split("De Minister voor")[0]
    words = re.findall(r"[a-zé]{4,}", before)
    assert len(words) > 20, page


def test_a_letter_ending_with_a_table_keeps_its_last_row_with_the_signature():
    markdown = (
        "---\nkenmerk: BZ.1\nondertekenaar: A. Minister\nfunctie: De Minister\n---\n\n"
        "Tekst.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n"
    )
    document = build_document(compose_markdown(markdown))
    (table,) = document.tables
    last, before = table.rows[-1], table.rows[-2]
    assert all(p.paragraph_format.keep_with_next for c in last.cells for p in c.paragraphs)
    assert not any(p.paragraph_format.keep_with_next for c in before.cells for p in c.paragraphs)
    after_table = table._tbl.getnext()
    assert after_table.pPr is not None and after_table.pPr.keepNext is not None


@pytest.mark.render
def test_the_reference_column_of_page_two_stands_in_its_place_in_a_two_page_letter(tmp_path):
    # -- a text box in the header stood at the page's top left corner in LibreOffice's PDF
    # -- whenever the header served one page only, as in every two-page letter --
    words = "Een alinea met wat tekst die de pagina vult en nog wat meer woorden. "
    markdown = "---\nkenmerk: BZ.2026.12\nbetreft: Proef\n---\n\n" + "\n\n".join([words] * 28)
    target = tmp_path / "twee.docx"
    build_document(compose_markdown(markdown)).save(str(target))
    pdf = render_pdf(target, tmp_path)
    assert len(pdf_pages(pdf)) == 2
    boxes = subprocess.run(
        [require_tool("pdftotext"), "-bbox", "-f", "2", "-l", "2", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    x, y = map(float, re.search(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>referentie', boxes).groups())
    # -- the column starts 150 mm from the left and 45 mm from the top (425 and 128 pt) --
    assert 425 < x < 500 and 128 < y < 200, (x, y)


# -- 3. Bijlage I headings ------------------------------------------------------------------


def test_annex_headings_name_trajectories_by_phase(exported_demo, demo):
    document = docx.Document(str(exported_demo["docx"]))
    parts = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "Land- en tuinbouwsector (onderhandelingen liggen stil)" in parts
    assert "Windenergiesector (verkenning naar een convenant)" in parts
    assert not any("land- en tuinbouw" in p and p.startswith("Convenant") for p in parts)
    assert "IMVO-convenant Sierteeltsector" in parts
    store, *_ = demo
    from desktop.core.store import convenanten

    stalled = next(c for c in convenanten.list_convenanten(store.db) if c.fase == "stilgelegd")
    assert annex_heading(stalled) == "Land- en tuinbouwsector (onderhandelingen liggen stil)"


# -- 4. the letterhead --------------------------------------------------------------------------


def test_template_letterhead_gives_its_logo_styles_and_a_docx(demo, tmp_path):
    store, letter, library = demo
    template = make_dotx(tmp_path / "ministerie.dotx")
    checked = set_letterhead(store.db, template)
    assert checked.is_template and stored_letterhead(store.db) is not None
    result = export_letter(store.db, letter, library, tmp_path / "brief.docx", emblem=None)
    parts = _package_text(result.docx)
    assert "wordprocessingml.document.main+xml" in parts["[Content_Types].xml"]
    assert "template.main+xml" not in parts["[Content_Types].xml"]
    styles = docx.Document(str(result.docx)).styles
    assert styles["Normal"].font.name == "Georgia"
    headers = [xml for name, xml in parts.items() if re.match(r"word/header\d+\.xml$", name)]
    assert sum("<pic:pic" in xml for xml in headers) == 2
    assert all("Ministerie van Proefzaken" in xml for xml in headers if "<pic:pic" in xml)
    descriptions = [re.findall(r'<wp:docPr [^>]*descr="([^"]+)"', xml) for xml in headers]
    assert all(d for d, xml in zip(descriptions, headers, strict=True) if "<pic:pic" in xml)
    body = parts["word/document.xml"]
    assert "Tekst van het sjabloon" not in body and "Onze referentie" in body
    assert round(docx.Document(str(result.docx)).sections[0].left_margin.mm) == 25  # template
    assert result.footnotes == 9
    assert_valid_docx(result.docx)


def test_emblem_letterhead_and_name_as_text(demo, tmp_path):
    store, letter, library = demo
    (tmp_path / "logo.png").write_bytes(png_logo())
    set_letterhead(store.db, tmp_path / "logo.png")
    result = export_letter(store.db, letter, library, tmp_path / "brief.docx", emblem=None)
    headers = [
        xml for name, xml in _package_text(result.docx).items() if re.match(r"word/header", name)
    ]
    assert sum('descr="Embleem Ministerie van Buitenlandse Zaken"' in x for x in headers) == 2
    letterhead_store.clear(store.db)
    result = export_letter(store.db, letter, library, tmp_path / "tekst.docx", emblem=None)
    headers = [
        xml for name, xml in _package_text(result.docx).items() if re.match(r"word/header", name)
    ]
    assert all("<pic:pic" not in x for x in headers)
    assert any("Ministerie van Buitenlandse Zaken" in x for x in headers)


def _zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _with_body_xml(template: Path, snippet: str) -> bytes:
    with zipfile.ZipFile(template) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    xml = files["word/document.xml"].decode()
    files["word/document.xml"] = xml.replace("<w:body>", "<w:body>" + snippet, 1).encode()
    return _zip_bytes(files)


@pytest.mark.parametrize(
    ("name", "kind", "message"),
    [
        ("sjabloon.dotx", "text", "geen Word-bestand"),
        ("sjabloon.dotx", "ole", "wachtwoord"),
        ("sjabloon.dotm", "valid", "macro"),
        ("sjabloon.dotx", "vba", "macro"),
        ("sjabloon.dotx", "field", "MERGEFIELD"),
        ("sjabloon.dotx", "control", "invulveld ‘Naam’"),
        ("logo.png", "text", "geen PNG"),
        ("sjabloon.pdf", "text", "kies een Word-sjabloon"),
    ],
)
def test_bad_templates_are_refused_and_nothing_is_stored(store, tmp_path, name, kind, message):
    good = make_dotx(tmp_path / "goed.dotx")
    data = {
        "text": b"dit is gewone tekst",
        "ole": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        "valid": good.read_bytes(),
        "vba": _zip_bytes(
            {
                **{n: zipfile.ZipFile(good).read(n) for n in zipfile.ZipFile(good).namelist()},
                "word/vbaProject.bin": b"\0",
            }
        ),
        "field": _with_body_xml(
            good,
            '<w:p><w:fldSimple w:instr=" MERGEFIELD Naam "><w:r><w:t>x</w:t></w:r>'
            "</w:fldSimple></w:p>",
        ),
        "control": _with_body_xml(
            good,
            '<w:sdt><w:sdtPr><w:alias w:val="Naam"/></w:sdtPr><w:sdtContent><w:p/>'
            "</w:sdtContent></w:sdt>",
        ),
    }[kind]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InvalidInput, match=message):
        set_letterhead(store.db, path)
    assert stored_letterhead(store.db) is None
    with pytest.raises(InvalidInput):
        check_letterhead(name, data)


def test_letterhead_migration_stands_alone(sqlite_store, tmp_path):
    assert "0008_letterhead" in known_migrations()
    columns = set(sqlite_db(sqlite_store)["letterhead"].columns_dict)
    assert {"soort", "bestandsnaam", "inhoud"} <= columns
    (tmp_path / "a.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 20)
    assert read_letterhead_file(tmp_path / "a.jpg").soort == "embleem"


# -- 5. the letter back from Word, 6. tracked changes ---------------------------------------


def _edit_paragraph(source: Path, target: Path) -> None:
    """What a reviewer does in Word: one sentence changed (python-docx as Word)."""
    document = docx.Document(str(source))
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("Het kabinet heeft de doelstelling"):
            run = paragraph.runs[0]
            run.text = run.text.replace("heeft de doelstelling", "heeft in 2018 de doelstelling")
            break
    else:  # pragma: no cover
        raise AssertionError("paragraph not found")
    document.save(str(target))


def test_final_word_text_comes_back_with_all_footnotes(demo, tmp_path):
    store, letter, library = demo
    first = export_letter(store.db, letter, library, tmp_path / "concept.docx", emblem=None)
    assert first.footnotes == 9 and first.version == 1
    final = tmp_path / "definitief.docx"
    _edit_paragraph(first.docx, final)

    preview = update_letter_from_word(store.db, final, library, dry_run=True)
    changed = [c.titel for c in preview.changes if c.status == "gewijzigd"]
    assert changed == ["90-procentdoelstelling"]
    assert any("in 2018 de doelstelling" in line for c in preview.changes for line in c.diff)
    assert list_versions(store.db, letter.id)[-1].nummer == 1  # dry run stored nothing

    with store.transaction() as db:
        result = update_letter_from_word(db, final, library, dry_run=False)
    assert (result.previous_version, result.version) == (1, 2)
    again = letters.get(store.db, letter.id)
    second = export_letter(store.db, again, library, tmp_path / "opnieuw.docx", emblem=None)
    texts = [p.text for p in docx.Document(str(second.docx)).paragraphs]
    assert any("heeft in 2018 de doelstelling" in t for t in texts)
    assert second.footnotes == 9
    notes = xml_part(second.docx, "word/footnotes.xml").findall("w:footnote", NS)
    assert len([n for n in notes if n.get(f"{{{NS['w']}}}type") is None]) == 9

    tracked = write_tracked_changes(store.db, letter.id, 1, 2, tmp_path / "wijzigingen.docx")
    body = xml_part(tracked.path, "word/document.xml")
    insertions = body.findall(".//w:ins", NS)
    assert insertions and tracked.changes >= 1
    inserted = "".join("".join(i.itertext()) for i in insertions)
    assert "2018" in inserted and "in" in inserted
    author = insertions[0].get(f"{{{NS['w']}}}author")
    assert author == "tester" and insertions[0].get(f"{{{NS['w']}}}date")
    assert body.findall(".//w:del", NS) == []
    assert_valid_docx(tracked.path)


def test_tracked_changes_show_deletions_and_footnote_edits(demo, tmp_path):
    store, letter, library = demo
    export_letter(store.db, letter, library, tmp_path / "v1.docx", emblem=None)
    section = letter.sections[1]
    section.tekst = section.tekst.replace("Zoals aangekondigd", "Zoals eerder aangekondigd", 1)
    letter.motions[0].response = letter.motions[0].response.replace(
        "SER IMVO-convenanten", "SER-website IMVO-convenanten"
    )
    with store.transaction() as db:
        letters.update(db, letter)
    export_letter(
        store.db, letters.get(store.db, letter.id), library, tmp_path / "v2.docx", emblem=None
    )
    tracked = write_tracked_changes(store.db, letter.id, 1, 2, tmp_path / "x.docx")
    body = xml_part(tracked.path, "word/document.xml")
    assert "eerder" in "".join("".join(i.itertext()) for i in body.findall(".//w:ins", NS))
    notes = xml_part(tracked.path, "word/footnotes.xml")
    assert "SER-website" in "".join("".join(i.itertext()) for i in notes.findall(".//w:ins", NS))
    deleted = "".join(d.text or "" for d in notes.iter(f"{{{NS['w']}}}delText"))
    assert "SER" in deleted
    assert_valid_docx(tracked.path)


@pytest.mark.render
def test_libreoffice_shows_the_tracked_insertion(demo, tmp_path):
    store, letter, library = demo
    first = export_letter(store.db, letter, library, tmp_path / "c.docx", emblem=None)
    _edit_paragraph(first.docx, tmp_path / "d.docx")
    with store.transaction() as db:
        update_letter_from_word(db, tmp_path / "d.docx", library, dry_run=False)
    tracked = write_tracked_changes(store.db, letter.id, 1, 2, tmp_path / "w.docx")
    pdf = render_pdf(tracked.path, tmp_path)
    text = " ".join(" ".join(pdf_pages(pdf)).split())
    assert "heeft in 2018 de doelstelling" in text


def test_word_letters_that_match_nothing_or_are_too_edited(demo, tmp_path):
    store, letter, library = demo
    first = export_letter(store.db, letter, library, tmp_path / "c.docx", emblem=None)
    document = docx.Document(str(first.docx))
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Heading 1":
            paragraph.style = document.styles["Normal"]
    document.save(str(tmp_path / "plat.docx"))
    with pytest.raises(InvalidInput, match="niet terug te vinden"):
        update_letter_from_word(store.db, tmp_path / "plat.docx", library, dry_run=False)
    assert len(list_versions(store.db, letter.id)) == 1
    with store.transaction() as db:
        execute(db, "UPDATE letters SET kenmerk = 'ANDER' WHERE id = :id", {"id": letter.id})
    with pytest.raises(NotFound, match="hoort bij geen brief"):
        update_letter_from_word(store.db, first.docx, library, dry_run=True)


# -- 7. tagged PDF --------------------------------------------------------------------------------


@pytest.mark.render
def test_pdf_is_tagged_with_a_structure_tree(exported_demo, tmp_path):
    require_tool("soffice")
    pdf = convert_to_pdf(exported_demo["docx"], tmp_path / "brief.pdf")
    info = subprocess.run(
        [require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Tagged:\s+yes", info, re.MULTILINE)
    assert b"/StructTreeRoot" in pdf.read_bytes()
    assert "Title:           Voortgang IMVO-beleid" in info


def test_an_edited_motion_response_goes_back_to_the_motion(demo, tmp_path):
    store, letter, library = demo
    first = export_letter(store.db, letter, library, tmp_path / "c.docx", emblem=None)
    document = docx.Document(str(first.docx))
    paragraph = next(
        p for p in document.paragraphs if "In november 2019 is hieraan uitvoering" in p.text
    )
    assert paragraph.text.startswith("De motie Diks/Van den Hul")
    for run in paragraph.runs:
        run.text = run.text.replace("In november 2019", "Begin november 2019")
    document.save(str(tmp_path / "d.docx"))
    with store.transaction() as db:
        result = update_letter_from_word(db, tmp_path / "d.docx", library, dry_run=False)
    assert result.motions_updated == ["Kamerstuk 35 000 XVII, nr. 34"]
    assert all(c.status == "ongewijzigd" for c in result.changes)
    stored = letters.get(store.db, letter.id)
    assert stored.motions[2].response.startswith("Begin november 2019 is hieraan")
    again = export_letter(store.db, stored, library, tmp_path / "e.docx", emblem=None)
    texts = [p.text for p in docx.Document(str(again.docx)).paragraphs]
    assert sum("Begin november 2019" in t for t in texts) == 1  # not doubled in the section
    assert again.footnotes == 9
