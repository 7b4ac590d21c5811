"""Writer details: lists restart, table headers, plain layout, cleaning."""

import docx

from desktop.core.docx.writer import build_document
from desktop.core.drafting.frontmatter import compose_markdown
from tests.core.docx.conftest import NS, W, xml_part


def _save(markdown, tmp_path, name="d.docx"):
    path = tmp_path / name
    build_document(compose_markdown(markdown)).save(str(path))
    return path


def test_each_numbered_list_restarts(tmp_path):
    path = _save("1. een\n2. twee\n\nTekst\n\n1. weer een\n2. twee\n\nTekst\n\n5. vijf", tmp_path)
    body = xml_part(path, "word/document.xml")
    num_ids = [
        p.find("w:pPr/w:numPr/w:numId", NS).get(f"{{{W}}}val")
        for p in body.iter(f"{{{W}}}p")
        if p.find("w:pPr/w:numPr", NS) is not None
    ]
    assert len(num_ids) == 5
    assert num_ids[0] == num_ids[1] and num_ids[2] == num_ids[3]
    assert len({num_ids[0], num_ids[2], num_ids[4]}) == 3
    numbering = xml_part(path, "word/numbering.xml")
    starts = {
        num.get(f"{{{W}}}numId"): num.find("w:lvlOverride/w:startOverride", NS).get(f"{{{W}}}val")
        for num in numbering.findall("w:num", NS)
        if num.find("w:lvlOverride/w:startOverride", NS) is not None
    }
    assert starts[num_ids[0]] == "1" and starts[num_ids[2]] == "1" and starts[num_ids[4]] == "5"


def test_table_header_row_is_marked(tmp_path):
    path = _save("| Motie | Status |\n|---|---|\n| Van Laar | afgedaan |", tmp_path)
    body = xml_part(path, "word/document.xml")
    rows = body.findall(".//w:tbl/w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert rows[1].find("w:trPr/w:tblHeader", NS) is None
    assert rows[0].find(".//w:b", NS) is not None


def test_plain_document_has_no_letterhead_but_page_numbers(tmp_path):
    path = _save("# Kop\n\nTekst met noot^[Een noot.]", tmp_path)
    document = docx.Document(str(path))
    assert not document.sections[0].different_first_page_header_footer
    assert document.paragraphs[0].style.name == "Heading 1"
    footer = "".join(xml_part(path, "word/footer1.xml").itertext())
    assert "Pagina" in footer


def test_pasted_control_characters_never_reach_the_file(tmp_path):
    path = _save("Tekst\x0b met\x0c stuurtekens\x01 ^[noot\x0b]", tmp_path)
    document = docx.Document(str(path))
    assert "Tekst  met  stuurtekens" in document.paragraphs[0].text


def test_a_note_cited_inside_a_note_is_written_in_it(tmp_path):
    # -- Word has no notes in notes: the cited text goes in brackets where it is cited (it
    # -- used to vanish, and a citation in a list inside a note stopped the export) --
    path = _save(
        "Tekst.[^1]\n\n[^1]: Noot met een verwijzing[^2] en een lijst:\n\n"
        "    - punt met noot[^2]\n\n[^2]: De geneste noot.\n\n"
        "Nog een.[^3]\n\n[^3]: Een[^4]\n\n[^4]: Twee[^3]\n",
        tmp_path,
    )
    notes = [
        "".join(t.text or "" for t in note.iter(f"{{{W}}}t"))
        for note in xml_part(path, "word/footnotes.xml").findall("w:footnote", NS)
        if int(note.get(f"{{{W}}}id")) > 0
    ]
    assert notes == [
        " Noot met een verwijzing (De geneste noot.) en een lijst:– punt met noot (De geneste noot.)",
        " Een (Twee)",
    ]
    assert compose_markdown("A.[^1]\n\n[^1]: B[^2]\n\n[^2]: C\n").footnote_count() == 1


def test_a_note_keeps_its_list_numbers_nested_items_and_tables(tmp_path):
    path = _save(
        "Tekst.[^1]\n\n[^1]: Noot:\n\n    0. nul\n    1. een\n        - diep\n\n"
        "    | a | b |\n    |---|---|\n    | 1 | 2 |\n",
        tmp_path,
    )
    (note,) = [
        note
        for note in xml_part(path, "word/footnotes.xml").findall("w:footnote", NS)
        if int(note.get(f"{{{W}}}id")) > 0
    ]
    lines = ["".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in note.findall("w:p", NS)]
    assert lines == [" Noot:", "0. nul", "1. een", "   – diep", "a | b", "1 | 2"]


def test_table_columns_follow_their_text_and_alignment(tmp_path):
    path = _save(
        "| Motie | Kamerstuk | Stand |\n|:--|:-:|--:|\n"
        "| Van Laar | Kamerstuk 26 485, nr. 224 | afgedaan |\n| Voordewind | 26 485, nr. 229 | open |\n",
        tmp_path,
    )
    body = xml_part(path, "word/document.xml")
    grid = [int(c.get(f"{{{W}}}w")) for c in body.findall(".//w:tblGrid/w:gridCol", NS)]
    # -- the citation (which must not break) gets the widest column; all fill the text width --
    assert grid[1] == max(grid) and grid[1] > 1.4 * grid[2]
    assert abs(sum(grid) - 116 * 1440 / 25.4) < 30  # -- 116 mm in twips --
    first_row = body.findall(".//w:tr", NS)[1]
    widths = [
        int(tc.find("w:tcPr/w:tcW", NS).get(f"{{{W}}}w")) for tc in first_row.findall("w:tc", NS)
    ]
    assert widths == grid
    aligned = [
        (
            p.find("w:pPr/w:jc", NS).get(f"{{{W}}}val")
            if p.find("w:pPr/w:jc", NS) is not None
            else None
        )
        for p in first_row.iter(f"{{{W}}}p")
    ]
    assert aligned == ["left", "center", "right"]


def test_quoted_text_stands_in_from_the_margin(tmp_path):
    path = _save("Tekst.\n\n> De Kamer,\n>\n> verzoekt de regering.\n\nNa.\n", tmp_path)
    body = xml_part(path, "word/document.xml")
    indents = [
        (
            "".join(t.text for t in p.iter(f"{{{W}}}t")),
            p.find("w:pPr/w:ind", NS).get(f"{{{W}}}left")
            if p.find("w:pPr/w:ind", NS) is not None
            else None,
        )
        for p in body.find("w:body", NS).findall("w:p", NS)
        if p.find(".//w:t", NS) is not None
    ]
    assert indents == [
        ("Tekst.", None),
        ("De Kamer,", "566"),
        ("verzoekt de regering.", "566"),
        ("Na.", None),
    ]


def test_a_further_paragraph_of_a_list_item_stands_in_line_with_its_text(tmp_path):
    path = _save("- een\n\n  vervolg van een\n\n- twee\n  1. sub\n\n     vervolg sub\n", tmp_path)
    body = xml_part(path, "word/document.xml").find("w:body", NS)
    indent = {
        "".join(t.text for t in p.iter(f"{{{W}}}t")): p.find("w:pPr/w:ind", NS)
        for p in body.findall("w:p", NS)
        if p.find(".//w:t", NS) is not None
    }
    assert indent["vervolg van een"].get(f"{{{W}}}left") == "360"
    assert indent["vervolg sub"].get(f"{{{W}}}left") == "720"
