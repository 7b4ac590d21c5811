"""The letter model written to Word with python-docx: real footnotes, headings, lists."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, BinaryIO

import docx
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from desktop.core.docx import layout
from desktop.core.docx.footnotes import Footnote, add_footnote, add_hyperlink, footnotes_part
from desktop.core.docx.letterhead import Letterhead, emblem_stream, template_document
from desktop.core.drafting.model import (
    Annex,
    Block,
    Heading,
    Inline,
    LetterDocument,
    LetterMeta,
    LineBreak,
    Link,
    ListBlock,
    Note,
    PageBreak,
    Table,
    Text,
)
from desktop.core.drafting.model import (
    Paragraph as ParagraphBlock,
)

_MAX_LIST_DEPTH = 3
NBSP = "\u00a0"

# -- a Kamerstuk citation: "Kamerstuk 26 485, nr. 224", "35 000 XVII, nr. 34", "nr. 12";
# -- Word must not break a line inside it --
_CITATION = re.compile(
    r"(?:\bKamerstuk(?:ken)?[ \u00a0]+)?\b\d{2}[ \u00a0]\d{3}\b"
    r"(?:[ \u00a0]+[A-Z]{1,5}(?:-[A-Z0-9]+)?\b)?(?:,[ \u00a0]+nr\.[ \u00a0]*\d+)?"
    r"|\bnr\.[ \u00a0]+\d+"
)


def keep_citations_together(text: str) -> str:
    """Non-breaking spaces inside Kamerstuk citations (``26 485, nr. 224`` never splits)."""
    if not any(ch.isdigit() for ch in text):
        return text
    return _CITATION.sub(lambda m: m.group(0).replace(" ", NBSP), text)


def empty_headings(blocks: list[Block]) -> list[str]:
    """Titles of headings with no text under them (the next block is a heading of the same
    or a higher level, or nothing follows); the writer leaves these out."""
    return [_plain(blocks[i].inlines) for i in _empty_heading_indexes(blocks)]  # type: ignore[union-attr]


def _plain(inlines: list[Inline]) -> str:
    parts = []
    for item in inlines:
        if isinstance(item, Text):
            parts.append(item.text)
        elif isinstance(item, Link):
            parts.append("".join(child.text for child in item.children))
    return "".join(parts).strip()


def _empty_heading_indexes(blocks: list[Block]) -> set[int]:
    empty: set[int] = set()
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading):
            continue
        following = next((b for b in blocks[index + 1 :] if not isinstance(b, PageBreak)), None)
        if following is None or (isinstance(following, Heading) and following.level <= block.level):
            empty.add(index)
    return empty


class _Writer:
    """Writes blocks into a python-docx document (body or a footnote)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._numbering = document.part.numbering_part.element
        self._abstract_for: dict[str, int] = {}
        self._style_ids: dict[str, str] = {}
        self._body = document._body
        self._sect_pr = document.element.body.get_or_add_sectPr()
        self.last_paragraph: Paragraph | None = None

    def paragraph(self, container: Any, style: str | None = None) -> Paragraph:
        """A new paragraph; style ids are looked up once (python-docx scans per call)."""
        if container is self._body:
            # python-docx finds w:sectPr by scanning the body for every new paragraph,
            # which makes long letters quadratic; insert before the known sectPr instead.
            element = OxmlElement("w:p")
            self._sect_pr.addprevious(element)
            paragraph = Paragraph(element, container)
        else:
            paragraph = container.add_paragraph()
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.document.styles[style].style_id
            paragraph._p.style = self._style_ids[style]
        return paragraph

    @staticmethod
    def text_run(
        paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False
    ) -> None:
        """Append a run; plain text goes straight to a w:t (tabs and breaks via python-docx)."""
        text = keep_citations_together(text)
        if "\t" in text or "\n" in text or "\r" in text:
            run = paragraph.add_run(text)
            run.bold = bold or None
            run.italic = italic or None
            return
        # Runs only ever follow pPr, so append directly (python-docx's add_r searches).
        element = OxmlElement("w:r")
        if bold or italic:
            properties = OxmlElement("w:rPr")
            if bold:
                properties.append(OxmlElement("w:b"))
            if italic:
                properties.append(OxmlElement("w:i"))
            element.append(properties)
        element.add_t(text)
        paragraph._p.append(element)

    # -- inlines --------------------------------------------------------------------

    def inlines(self, paragraph: Paragraph, inlines: list[Inline]) -> None:
        for item in inlines:
            if isinstance(item, Text):
                if item.text:
                    self.text_run(paragraph, item.text, bold=item.bold, italic=item.italic)
            elif isinstance(item, Link):
                text = "".join(child.text for child in item.children) or item.url
                add_hyperlink(paragraph, item.url, text)
                if any(child.italic for child in item.children):
                    for run in paragraph._p.findall(f"{qn('w:hyperlink')}/{qn('w:r')}")[-1:]:
                        rpr = run.get_or_add_rPr()
                        rpr.append(OxmlElement("w:i"))
            elif isinstance(item, LineBreak):
                paragraph.add_run().add_break()
            elif isinstance(item, Note):
                self.note(paragraph, item)

    def note(self, paragraph: Paragraph, note: Note) -> None:
        footnote: Footnote = add_footnote(paragraph)
        first = True
        for block in note.blocks or [ParagraphBlock([])]:
            if isinstance(block, ParagraphBlock):
                target = footnote.paragraphs[0] if first else footnote.add_paragraph()
                self.inlines(target, [i for i in block.inlines if not isinstance(i, Note)])
                first = False
            elif isinstance(block, ListBlock):
                for item in block.items:
                    for inner in item:
                        if isinstance(inner, ParagraphBlock):
                            target = footnote.paragraphs[0] if first else footnote.add_paragraph()
                            self.text_run(target, "– ")
                            self.inlines(target, inner.inlines)
                            first = False

    # -- blocks ---------------------------------------------------------------------

    def blocks(self, container: Any, blocks: list[Block], depth: int = 0) -> None:
        skip = _empty_heading_indexes(blocks)
        for index, block in enumerate(blocks):
            if index in skip:
                continue
            if isinstance(block, ParagraphBlock):
                self.last_paragraph = self.paragraph(container)
                self.inlines(self.last_paragraph, block.inlines)
            elif isinstance(block, Heading):
                self.inlines(self.paragraph(container, f"Heading {block.level}"), block.inlines)
            elif isinstance(block, ListBlock):
                self.list(container, block, depth)
            elif isinstance(block, Table):
                self.table(container, block)
            elif isinstance(block, PageBreak):
                container.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _abstract_num(self, style_name: str) -> int:
        if style_name not in self._abstract_for:
            style = self.document.styles[style_name]
            num_id = style.element.pPr.numPr.numId.val
            num = self._numbering.num_having_numId(num_id)
            self._abstract_for[style_name] = int(num.abstractNumId.val)
        return self._abstract_for[style_name]

    def list(self, container: Any, block: ListBlock, depth: int) -> None:
        level = min(depth, _MAX_LIST_DEPTH - 1)
        kind = "List Number" if block.ordered else "List Bullet"
        style_name = kind if level == 0 else f"{kind} {level + 1}"
        num_id = None
        if block.ordered:
            # A fresh w:num per list, so every numbered list restarts at its own start.
            num = self._numbering.add_num(self._abstract_num(style_name))
            override = num.add_lvlOverride(ilvl=0)
            override.add_startOverride(block.start)
            num_id = num.numId
        last: Paragraph | None = None
        for item in block.items:
            first_in_item = True
            for inner in item:
                if isinstance(inner, ParagraphBlock) and first_in_item:
                    paragraph = self.paragraph(container, style_name)
                    if num_id is not None:
                        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                        num_pr.get_or_add_ilvl().val = 0
                        num_pr.get_or_add_numId().val = num_id
                    self.inlines(paragraph, inner.inlines)
                    last = paragraph
                    self.last_paragraph = paragraph
                    first_in_item = False
                elif isinstance(inner, ListBlock):
                    self.list(container, inner, depth + 1)
                else:
                    self.blocks(container, [inner], depth + 1)
        if last is not None and depth == 0:
            last.paragraph_format.space_after = layout.BODY_LEADING

    def table(self, container: Any, block: Table) -> None:
        columns = max(1, len(block.header), *(len(row) for row in block.rows))
        width = layout.PAGE_WIDTH - layout.MARGIN_LEFT - layout.MARGIN_RIGHT
        table = container.add_table(rows=0, cols=columns, width=width)
        table.style = self.document.styles["Table Grid"]
        rows = ([block.header] if block.header else []) + block.rows
        for index, cells in enumerate(rows):
            row = table.add_row()
            if index == 0 and block.header:
                tr_pr = row._tr.get_or_add_trPr()
                header = OxmlElement("w:tblHeader")
                tr_pr.append(header)
            for column in range(columns):
                cell: _Cell = row.cells[column]
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                inlines = cells[column] if column < len(cells) else []
                if index == 0 and block.header:
                    inlines = [
                        Text(i.text, bold=True, italic=i.italic) if isinstance(i, Text) else i
                        for i in inlines
                    ]
                self.inlines(paragraph, inlines)
        container.add_paragraph()


def _signature(document: Document, meta: LetterMeta, last_body: Paragraph | None) -> None:
    """The closing block, kept on one page with the end of the body text."""
    if last_body is not None and (meta.ondertekenaar_functie or meta.ondertekenaar_naam):
        last_body.paragraph_format.keep_with_next = True
        last_body.paragraph_format.keep_together = True
    if meta.ondertekenaar_functie:
        functie = meta.ondertekenaar_functie.strip()
        if functie[-1:] not in ",.":
            functie += ","
        paragraph = document.add_paragraph(functie)
        paragraph.paragraph_format.space_after = Pt(48)
        paragraph.paragraph_format.keep_with_next = True
    if meta.ondertekenaar_naam:
        name = document.add_paragraph(meta.ondertekenaar_naam)
        name.paragraph_format.keep_together = True


def _letter_opening(document: Document, meta: LetterMeta) -> Paragraph:
    """Addressee, Datum and Betreft, salutation; returns the first paragraph (the anchor)."""
    first: Paragraph | None = None
    for line in meta.geadresseerde or [""]:
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.space_after = Pt(0)
        first = first or paragraph
    assert first is not None
    spacer = document.add_paragraph()
    spacer.paragraph_format.space_after = Pt(36)
    for label, value in (("Datum", meta.datum), ("Betreft", meta.betreft)):
        if value:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(20))
            paragraph.add_run(f"{label}\t{value}")
    document.add_paragraph().paragraph_format.space_after = Pt(24)
    if meta.aanhef:
        document.add_paragraph(meta.aanhef)
    return first


def build_document(
    letter: LetterDocument,
    *,
    emblem: Path | BinaryIO | None = None,
    letterhead: Letterhead | None = None,
) -> Document:
    """Build the complete Word document of a letter (body, signature, annexes).

    With a ``sjabloon`` letterhead the ministry's template is the base: its styles,
    headers, footers and page set-up are kept. With an ``embleem`` letterhead (or
    ``emblem``) that image stands at the top; without either the ministry's name does.
    """
    template = letterhead is not None and letterhead.is_template
    if letterhead is not None and letterhead.is_template:
        document = template_document(letterhead)
        layout.setup_language(document)
    else:
        document = docx.Document()
        layout.setup_page(document.sections[0])
        layout.setup_styles(document)
        emblem = emblem_stream(letterhead) or emblem
    layout.ensure_letter_styles(document)
    footnotes_part(document)  # styles and separators also when there are no notes
    layout.set_properties(
        document, letter.meta, template=letterhead.bestandsnaam if template and letterhead else None
    )
    body = document._body
    # python-docx's template starts with no paragraph; the first one anchors the box.
    if letter.meta.letterhead:
        anchor = _letter_opening(document, letter.meta)
        if template:
            layout.apply_template_letterhead(document, letter.meta, anchor)
        else:
            layout.apply_letterhead(document, letter.meta, emblem, anchor)
    elif not template:
        layout.apply_plain_footer(document)
    writer = _Writer(document)
    writer.blocks(body, letter.body)
    if letter.meta.letterhead:
        _signature(document, letter.meta, writer.last_paragraph)
    for annex in letter.annexes:
        _annex(document, writer, annex)
    layout.finalise(document)
    return document


def _annex(document: Document, writer: _Writer, annex: Annex) -> None:
    title = document.add_paragraph(annex.title, style="Heading 1")
    title.paragraph_format.page_break_before = True
    title.paragraph_format.space_after = layout.BODY_LEADING
    writer.blocks(document._body, annex.blocks)


def build_annex_document(
    letter: LetterDocument, annex: Annex, *, emblem: Path | BinaryIO | None = None
) -> Document:
    """One annex as its own Word document, with the letter's references in the header."""
    meta = letter.meta
    annex_meta = LetterMeta(
        title=annex.title,
        kenmerk=meta.kenmerk,
        datum=meta.datum,
        betreft=annex.title,
        afzender=meta.afzender,
        letterhead=False,
    )
    document = docx.Document()
    layout.setup_page(document.sections[0])
    layout.setup_styles(document)
    footnotes_part(document)
    layout.set_properties(document, annex_meta)
    layout.apply_plain_footer(document)
    header = document.sections[0].header.paragraphs[0]
    lines = layout.reference_lines(meta, first_page=False)
    if lines:
        box = layout.text_box(
            header, "Kenmerk", layout.COLUMN_X, layout.COLUMN_Y, layout.COLUMN_WIDTH, Mm(40)
        )
        layout.fill_box(box[0], lines)
    title = document.add_paragraph(annex.title, style="Heading 1")
    title.paragraph_format.space_after = layout.BODY_LEADING
    _Writer(document).blocks(document._body, annex.blocks)
    layout.finalise(document)
    return document


def split_annex(annex: Annex) -> list[Annex]:
    """The parts of an annex, one per level-2 heading (one per convenant)."""
    parts: list[Annex] = []
    for block in annex.blocks:
        if isinstance(block, Heading) and block.level == 2:
            title = "".join(i.text for i in block.inlines if isinstance(i, Text))
            parts.append(Annex(title=title, blocks=[]))
        elif parts:
            parts[-1].blocks.append(block)
    return parts or [annex]
