"""Markdown to the letter model."""

from desktop.core.drafting.markdown import clean_text, parse_markdown
from desktop.core.drafting.model import (
    Heading,
    LetterDocument,
    LetterMeta,
    LineBreak,
    Link,
    ListBlock,
    Note,
    PageBreak,
    Paragraph,
    Table,
    Text,
)
from tests.conftest import BENCH_INPUTS


def test_seed_letter_has_nine_footnotes_with_links():
    parsed = parse_markdown((BENCH_INPUTS / "seed_letter.md").read_text(encoding="utf-8"))
    document = LetterDocument(LetterMeta(), parsed.body, parsed.annexes)
    assert document.footnote_count() == 9
    notes = [
        i for b in parsed.body if isinstance(b, Paragraph) for i in b.inlines if isinstance(i, Note)
    ]
    first = notes[0].blocks[0]
    assert isinstance(first, Paragraph)
    assert isinstance(first.inlines[-1], Link)
    assert first.inlines[-1].url == "http://www.imvoconvenanten.nl"


def test_inline_and_labelled_footnotes_emphasis_and_breaks():
    parsed = parse_markdown(
        "Een *cursief* en **vet**[^a] woord^[noot *twee*]  \nregel\n\n[^a]: Eén."
    )
    (paragraph,) = parsed.body
    kinds = [type(i).__name__ for i in paragraph.inlines]
    assert kinds == ["Text", "Text", "Text", "Text", "Note", "Text", "Note", "LineBreak", "Text"]
    assert paragraph.inlines[1] == Text("cursief", italic=True)
    assert paragraph.inlines[3] == Text("vet", bold=True)
    assert isinstance(paragraph.inlines[7], LineBreak)


def test_lists_nest_and_numbered_lists_keep_their_start():
    parsed = parse_markdown("3. drie\n4. vier\n   - sub\n\nTekst\n\n1. opnieuw")
    first, _, second = parsed.body
    assert isinstance(first, ListBlock) and first.ordered and first.start == 3
    assert isinstance(first.items[1][1], ListBlock) and not first.items[1][1].ordered
    assert isinstance(second, ListBlock) and second.start == 1


def test_table_with_header_row():
    (table,) = parse_markdown("| Motie | Status |\n|---|---|\n| Van Laar | afgedaan |").body
    assert isinstance(table, Table)
    assert table.header == [[Text("Motie")], [Text("Status")]]
    assert table.rows == [[[Text("Van Laar")], [Text("afgedaan")]]]


def test_headings_page_breaks_and_annexes():
    parsed = parse_markdown(
        "# Kop\n\nTekst\n\n\\newpage\n\n<!-- pagina -->\n\n"
        "<!-- bijlage: Bijlage I: Convenanten | conv -->\n\n## Goud\n\nGoud tekst[^1]\n\n"
        "[^1]: Voetnoot uit de bijlage."
    )
    assert isinstance(parsed.body[0], Heading) and parsed.body[0].level == 1
    assert [type(b) for b in parsed.body[2:]] == [PageBreak, PageBreak]
    (annex,) = parsed.annexes
    assert annex.title == "Bijlage I: Convenanten" and annex.file_stem == "conv"
    note = annex.blocks[1].inlines[-1]
    assert isinstance(note, Note)
    assert note.blocks[0].inlines == [Text("Voetnoot uit de bijlage.")]


def test_unsafe_links_become_plain_text_safe_ones_stay():
    (paragraph,) = parse_markdown(
        "[a](javascript:alert(1)) [b](file:///etc/passwd) [c](mailto:x@y.nl) [d](https://e.nl)"
    ).body
    links = [i for i in paragraph.inlines if isinstance(i, Link)]
    assert [link.url for link in links] == ["mailto:x@y.nl", "https://e.nl"]
    text = "".join(i.text for i in paragraph.inlines if isinstance(i, Text))
    assert "a" in text and "b" in text and "javascript" not in text


def test_control_characters_from_pdfs_are_cleaned():
    assert clean_text("a\x0bb\x0cc\x00d\x1fe") == "a b cde"
    (paragraph,) = parse_markdown("Tekst\x0b uit\x0c een PDF\x07.").body
    assert "".join(i.text for i in paragraph.inlines if isinstance(i, Text)) == (
        "Tekst  uit  een PDF."
    )


def test_character_references_to_characters_word_cannot_store_are_cleaned():
    # -- the source is cleaned before parsing; a reference like &#12; makes a form feed after --
    (paragraph,) = parse_markdown("Een &#12;blad, &#x0C;nog een &amp; &#233;&#233;n").body
    assert "".join(i.text for i in paragraph.inlines if isinstance(i, Text)) == (
        "Een  blad,  nog een & \u00e9\u00e9n"
    )


def test_front_matter_is_read():
    parsed = parse_markdown("---\nkenmerk: BZ-1\nbetreft: Test\n---\n\nTekst")
    assert parsed.front_matter == {"kenmerk": "BZ-1", "betreft": "Test"}


def test_deep_nesting_does_not_crash():
    parsed = parse_markdown("> " * 500 + "diep\n\n" + "- " * 300 + "lijst")
    assert parsed.body


def test_text_nested_deeper_than_the_parser_allows_is_kept():
    for source in (
        "> " * 60 + "diep",
        "- " * 300 + "diep",
        "> " * 20 + "- " * 20 + "1. " * 20 + "diep",
    ):
        parsed = parse_markdown(source)
        assert "diep" in repr(parsed.body), source[:20]


def test_a_footnote_keeps_all_its_paragraphs_and_list_items():
    parsed = parse_markdown(
        "Tekst.[^1] Meer.[^2]\n\n"
        "[^1]: Eerste alinea.\n\n    Tweede alinea.\n"
        "[^2]: Een lijst:\n\n    - punt een\n    - punt twee\n"
    )
    first, second = (i for i in parsed.body[0].inlines if isinstance(i, Note))
    assert [type(b).__name__ for b in first.blocks] == ["Paragraph", "Paragraph"]
    assert "Tweede alinea." in repr(first.blocks[1])
    assert "punt twee" in repr(second.blocks)


def test_a_definition_at_the_end_serves_body_and_annex():
    parsed = parse_markdown(
        "Tekst.[^1]\n\n<!-- bijlage: Bijlage I -->\n\nBijlage.[^1]\n\n[^1]: De noot.\n"
    )
    for blocks in (parsed.body, parsed.annexes[0].blocks):
        (note,) = (i for i in blocks[0].inlines if isinstance(i, Note))
        assert "De noot." in repr(note.blocks)


def test_a_long_definition_after_the_annexes_reaches_the_body_whole():
    # -- pandoc's habit: every note at the very end, after the annex marker, over several
    # -- lines and paragraphs; the body used to get only each note's first line --
    parsed = parse_markdown(
        "Tekst.[^1] Meer.[^2]\n\n<!-- bijlage: Bijlage I -->\n\nBijlage.[^2]\n\n"
        "[^1]: Eerste regel\n    met vervolgregel.\n\n    Tweede alinea.\n\n"
        "[^2]: Een lijst:\n\n    - punt een\n    - punt twee\n"
    )
    first, second = (i for i in parsed.body[0].inlines if isinstance(i, Note))
    assert first.blocks == [
        Paragraph([Text("Eerste regel met vervolgregel.")]),
        Paragraph([Text("Tweede alinea.")]),
    ]
    assert "punt twee" in repr(second.blocks)
    (in_annex,) = (i for i in parsed.annexes[0].blocks[0].inlines if isinstance(i, Note))
    assert in_annex.blocks == second.blocks


def test_what_the_letter_leaves_out_or_shows_as_written_is_told():
    parsed = parse_markdown(
        "# Leeg\n\n# Inleiding\n\nTekst met <b>vet</b>, een ![Grafiek](grafiek.png),"
        " een onbekende[^weg] en een bekende noot.[^1]\n\n[^1]: Noot.\n\n[^over]: Ongebruikt.\n"
        "\n<!-- bijlage: Bijlage I -->\n\n## Ook leeg\n"
    )
    assert parsed.notices == [
        "Afbeeldingen worden niet in de brief opgenomen; de beschrijving staat er als "
        "tekst: Grafiek",
        "Voetnoot [^weg] wordt gebruikt maar nergens gedefinieerd; de verwijzing staat als "
        "tekst in de brief.",
        "Voetnoot [^over] is gedefinieerd maar nergens gebruikt; die staat niet in de brief.",
        "HTML wordt niet opgemaakt maar staat als tekst in de brief: <b>",
        "Een kop zonder tekst eronder blijft uit de brief: Leeg",
        "Een kop zonder tekst eronder blijft uit de brief: Ook leeg",
    ]
    assert parse_markdown("# Kop\n\nTekst.[^1]\n\n[^1]: Noot.\n").notices == []
