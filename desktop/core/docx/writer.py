"""The letter model written to Word with python-docx: real footnotes, headings, lists."""

from __future__ import annotations

import copy
import re
import threading
from pathlib import Path
from typing import Any, BinaryIO, cast

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.numbering import CT_Num
from docx.oxml.parser import OxmlElement
from docx.oxml.text.paragraph import CT_P
from docx.parts.document import DocumentPart
from docx.parts.story import StoryPart
from docx.shared import Emu, Mm, Pt, Twips
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from desktop.core.docx import layout, runs
from desktop.core.docx.footnotes import footnotes_part, hyperlink_style_id
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
    empty_heading_indexes,
    plain_text,
)
from desktop.core.drafting.model import (
    Paragraph as ParagraphBlock,
)
from desktop.core.drafting.model import (
    empty_headings as empty_headings,  # -- the writer leaves these out (re-exported) --
)

_MAX_LIST_DEPTH = 3
#: how far quoted text (``>``, such as the words of a motion) stands in from the margin
QUOTE_INDENT = Mm(10)
NBSP = "\u00a0"

# -- a Kamerstuk citation: "Kamerstuk 26 485, nr. 224", "35 000 XVII, nr. 34", "nr. 12";
# -- Word must not break a line inside it. Every match starts with K, n or a digit; the
# -- leading lookahead says so, which halves the time the scan takes on long paragraphs --
_CITATION = re.compile(
    r"(?=[Kn0-9])(?:(?:\bKamerstuk(?:ken)?[ \u00a0]+)?\b[0-9]{2}[ \u00a0][0-9]{3}\b"
    r"(?:[ \u00a0]+[A-Z]{1,5}(?:-[A-Z0-9]+)?\b)?(?:,[ \u00a0]+nr\.[ \u00a0]*[0-9]+)?"
    r"|\bnr\.[ \u00a0]+[0-9]+)"
)
# -- every citation holds "nr." or two digits, a space and a digit; both are found several
# -- times faster than the citation itself, and most runs of text hold neither --
_NUMBER_PAIR = re.compile(r"[0-9][0-9][ \u00a0][0-9]")


def keep_citations_together(text: str) -> str:
    """Non-breaking spaces inside Kamerstuk citations (``26 485, nr. 224`` never splits)."""
    if "nr." not in text and _NUMBER_PAIR.search(text) is None:
        return text
    return _CITATION.sub(lambda m: m.group(0).replace(" ", NBSP), text)


def _notes_as_text(inlines: list[Inline]) -> list[Inline]:
    """A footnote's inlines with each note it cites written out in brackets where it is
    cited: Word has no footnotes in footnotes, and the cited text must not be lost."""
    if not any(isinstance(item, Note) for item in inlines):
        return inlines
    written: list[Inline] = []
    for item in inlines:
        if isinstance(item, Note):
            text = _note_text(item)
            if text:
                written.append(Text(f" ({text})"))
        else:
            written.append(item)
    return written


def _note_text(note: Note) -> str:
    parts = []
    for block in note.blocks:
        if isinstance(block, ParagraphBlock):
            parts.append(plain_text(_notes_as_text(block.inlines)))
        elif isinstance(block, ListBlock):
            for item in block.items:
                for inner in item:
                    if isinstance(inner, ParagraphBlock):
                        parts.append(plain_text(_notes_as_text(inner.inlines)))
    return "; ".join(part for part in parts if part)


class _Writer:
    """Writes blocks into a python-docx document: the body, its footnotes, table cells.

    Paragraphs and runs are built with lxml directly (:mod:`desktop.core.docx.runs`);
    python-docx is used where it is cheap and rare (tables, list numbering, spacing).
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._part = document.part
        self._numbering = document.part.numbering_part.element
        self._abstract_for: dict[str, int] = {}
        self._next_num_id = 0  # -- found on the first numbered list --
        self._style_ids: dict[str, str] = {}
        self._body = document._body
        self._sect_pr = document.element.body.get_or_add_sectPr()
        self._notes = footnotes_part(document)
        self._hyperlink_style = hyperlink_style_id(document.part)
        # -- (part, url) -> rId; python-docx would scan all relationships per link --
        self._link_ids: dict[tuple[int, str], str] = {}
        self._last: CT_P | None = None
        # -- the paragraphs of the last row when the body so far ends with a table --
        self._ending_row: list[CT_P] = []

    def keep_ending_table_with_next(self) -> None:
        """When the body ends with a table, keep its last row on the page of what follows."""
        for p in self._ending_row:
            Paragraph(p, self._body).paragraph_format.keep_with_next = True

    @property
    def last_paragraph(self) -> Paragraph | None:
        """The last body paragraph of running text (the signature keeps with it)."""
        return None if self._last is None else Paragraph(self._last, self._body)

    def _style_id(self, style: str) -> str:
        """A style's id by name, looked up once (python-docx scans the styles per call)."""
        if style not in self._style_ids:
            self._style_ids[style] = self.document.styles[style].style_id
        return self._style_ids[style]

    def paragraph(self, style: str | None = None) -> CT_P:
        """A new body paragraph, just before the body's w:sectPr."""
        return runs.paragraph_before(
            self._sect_pr, None if style is None else self._style_id(style)
        )

    def text_run(self, p: CT_P, text: str, *, bold: bool = False, italic: bool = False) -> None:
        """Append a run of text, with non-breaking spaces inside Kamerstuk citations."""
        runs.text(p, keep_citations_together(text), bold=bold, italic=italic)

    # -- inlines --------------------------------------------------------------------

    def inlines(self, p: CT_P, inlines: list[Inline], part: StoryPart | None = None) -> None:
        """Append inlines to ``p``, a paragraph of ``part`` (the document part if None)."""
        for item in inlines:
            if isinstance(item, Text):
                if item.text:
                    self.text_run(p, item.text, bold=item.bold, italic=item.italic)
            elif isinstance(item, Link):
                text = "".join(child.text for child in item.children) or item.url
                italic = any(child.italic for child in item.children)
                runs.hyperlink(
                    p,
                    self._link_id(part or self._part, item.url),
                    text,
                    self._hyperlink_style,
                    italic=italic,
                )
            elif isinstance(item, LineBreak):
                runs.line_break(p)
            elif isinstance(item, Note):
                if part is not None and part is not self._part:
                    # -- as add_footnote(): a note can only be referenced from the body --
                    raise ValueError(
                        "footnotes can only be referenced from the main document body, "
                        f"not from {part.partname}"
                    )
                self.note(p, item)

    def _link_id(self, part: StoryPart, url: str) -> str:
        """The rId of an external hyperlink relationship from ``part`` (made once per url)."""
        key = (id(part), url)
        r_id = self._link_ids.get(key)
        if r_id is None:
            r_id = self._link_ids[key] = part.relate_to(url, RT.HYPERLINK, is_external=True)
        return r_id

    def note(self, p: CT_P, note: Note) -> None:
        """A real footnote: the reference run in ``p`` and the note's text in footnotes.xml."""
        notes = self._notes
        footnote = notes.add_footnote_element()
        p.append(notes.new_reference_run(footnote.id))
        # -- the skeleton's one paragraph holds the note mark; text follows in it --
        self._note_blocks(footnote, note.blocks or [ParagraphBlock([])], cast(CT_P, footnote[0]))

    def _note_blocks(
        self, footnote: CT_P, blocks: list[Block], target: CT_P | None, indent: str = ""
    ) -> None:
        """A note's blocks as paragraphs of footnote text (the first one in ``target``).

        Footnote text has no list styles: list items get their number or a dash, a nested
        list an indent as well; a table's rows are written as lines with its cells
        separated by a vertical bar; nothing a note holds is left out.
        """
        notes = self._notes

        def next_paragraph() -> CT_P:
            nonlocal target
            paragraph = (
                target if target is not None else runs.paragraph_in(footnote, notes.text_style_id)
            )
            target = None
            return paragraph

        for block in blocks:
            if isinstance(block, ParagraphBlock | Heading):
                paragraph = next_paragraph()
                if indent:
                    self.text_run(paragraph, indent)
                self.inlines(paragraph, _notes_as_text(block.inlines), notes)
            elif isinstance(block, ListBlock):
                for number, item in enumerate(block.items, start=block.start):
                    marker = f"{number}. " if block.ordered else "– "
                    first, *rest = item or [ParagraphBlock([])]
                    if isinstance(first, ParagraphBlock):
                        paragraph = next_paragraph()
                        self.text_run(paragraph, indent + marker)
                        self.inlines(paragraph, _notes_as_text(first.inlines), notes)
                    else:
                        rest = [first, *rest]
                    self._note_blocks(footnote, rest, None, indent + "   ")
            elif isinstance(block, Table):
                for row in [block.header, *block.rows] if block.header else block.rows:
                    paragraph = next_paragraph()
                    for column, cell in enumerate(row):
                        if column:
                            self.text_run(paragraph, " | ")
                        self.inlines(paragraph, _notes_as_text(cell), notes)

    # -- blocks ---------------------------------------------------------------------

    def blocks(self, blocks: list[Block], depth: int = 0) -> None:
        """Write blocks at the end of the body."""
        skip = empty_heading_indexes(blocks)
        for index, block in enumerate(blocks):
            if index in skip:
                continue
            if isinstance(block, ParagraphBlock):
                self._last = self.paragraph()
                self._ending_row = []
                if block.quote:
                    runs.indented(self._last, QUOTE_INDENT)
                self.inlines(self._last, block.inlines)
            elif isinstance(block, Heading):
                self.inlines(self.paragraph(f"Heading {block.level}"), block.inlines)
            elif isinstance(block, ListBlock):
                self.list(block, depth)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, PageBreak):
                Paragraph(self.paragraph(), self._body).add_run().add_break(WD_BREAK.PAGE)

    def _abstract_num(self, style_name: str) -> int:
        if style_name not in self._abstract_for:
            style = self.document.styles[style_name]
            num_id = style.element.pPr.numPr.numId.val
            num = self._numbering.num_having_numId(num_id)
            self._abstract_for[style_name] = int(num.abstractNumId.val)
        return self._abstract_for[style_name]

    def _new_num(self, abstract_id: int) -> Any:
        """A new ``w:num`` of ``abstract_id``, numbered after the highest numId there is.

        python-docx's ``add_num`` looks for the first free numId among all of them on
        every call, which grows with the square of the number of lists in a letter.
        """
        if self._next_num_id == 0:
            used = self._numbering.xpath("./w:num/@w:numId")
            self._next_num_id = max((int(value) for value in used), default=0) + 1
        # -- python-docx's numbering API is untyped; Any as its add_num returns --
        num = CT_Num.new(self._next_num_id, abstract_id)  # type: ignore[no-untyped-call]
        self._next_num_id += 1
        return self._numbering._insert_num(num)

    def list(self, block: ListBlock, depth: int) -> None:
        level = min(depth, _MAX_LIST_DEPTH - 1)
        kind = "List Number" if block.ordered else "List Bullet"
        style_name = kind if level == 0 else f"{kind} {level + 1}"
        num_id = None
        if block.ordered:
            # A fresh w:num per list, so every numbered list restarts at its own start.
            num = self._new_num(self._abstract_num(style_name))
            override = num.add_lvlOverride(ilvl=0)
            override.add_startOverride(block.start)
            num_id = num.numId
        last: CT_P | None = None
        for item in block.items:
            first_in_item = True
            for inner in item:
                if isinstance(inner, ParagraphBlock) and first_in_item:
                    p = self.paragraph(style_name)
                    if num_id is not None:
                        runs.numbered(p, num_id)
                    self.inlines(p, inner.inlines)
                    last = p
                    self._last = p
                    self._ending_row = []
                    first_in_item = False
                elif isinstance(inner, ListBlock):
                    self.list(inner, depth + 1)
                elif isinstance(inner, ParagraphBlock):
                    # -- a further paragraph of the item stands in line with its text (the
                    # -- list styles indent their text 0.25 inch a level) --
                    p = self.paragraph()
                    runs.indented(p, Twips(360 * (level + 1)))
                    self.inlines(p, inner.inlines)
                    last = p
                    self._last = p
                    self._ending_row = []
                else:
                    self.blocks([inner], depth + 1)
        if last is not None and depth == 0:
            Paragraph(last, self._body).paragraph_format.space_after = layout.BODY_LEADING

    def table(self, block: Table) -> None:
        columns = max(1, len(block.header), *(len(row) for row in block.rows))
        width = layout.PAGE_WIDTH - layout.MARGIN_LEFT - layout.MARGIN_RIGHT
        # -- python-docx's table API is partly untyped; Any as before --
        table: Any = cast(Any, self._body).add_table(rows=0, cols=columns, width=width)
        table.style = self.document.styles["Table Grid"]
        table.autofit = False
        rows = ([block.header] if block.header else []) + block.rows
        widths = _column_widths(rows, columns, width)
        for column, column_width in enumerate(widths):
            table.columns[column].width = column_width
        alignments = [_ALIGNMENTS.get(a or "") for a in block.align]
        for index, cells in enumerate(rows):
            row = table.add_row()
            if index == 0 and block.header:
                tr_pr = row._tr.get_or_add_trPr()
                header = OxmlElement("w:tblHeader")
                tr_pr.append(header)
            for column in range(columns):
                cell: _Cell = row.cells[column]
                cell.width = Emu(widths[column])
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                if column < len(alignments) and alignments[column] is not None:
                    paragraph.alignment = alignments[column]
                inlines = cells[column] if column < len(cells) else []
                if index == 0 and block.header:
                    inlines = [
                        Text(i.text, bold=True, italic=i.italic) if isinstance(i, Text) else i
                        for i in inlines
                    ]
                self.inlines(paragraph._p, inlines)
        # -- the paragraph Word needs after a table; the signature keeps with it (and the
        # -- table's last row with that) when the letter ends with this table --
        self._last = self.paragraph()
        last_row = table.rows[-1]._tr if rows else None
        self._ending_row = [] if last_row is None else list(last_row.iter(qn("w:p")))


_ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
# -- an average Verdana character at the body size, and a cell's left and right margins
# -- in the Table Grid style (0.08 inch each), for sizing columns to their text --
_CHARACTER = int(layout.BODY_SIZE * 0.55)
_CELL_MARGINS = Mm(4.1)
# -- a column's wish stops growing at this many characters: longer text wraps --
_LONGEST_WISH = 60


def _column_widths(rows: list[list[list[Inline]]], columns: int, width: int) -> list[int]:
    """Column widths that follow the text: no column narrower than its longest word (a
    Kamerstuk citation, whose spaces do not break, counts as one word) when the table can
    hold that, and the rest of the width shared by how much text each column holds."""
    longest_word = [1] * columns
    longest_text = [1] * columns
    for cells in rows:
        for column, inlines in enumerate(cells[:columns]):
            text = keep_citations_together(plain_text(inlines))
            words = text.split(" ")
            longest_word[column] = max(longest_word[column], *(len(word) for word in words))
            longest_text[column] = max(longest_text[column], min(len(text), _LONGEST_WISH))
    need = [n * _CHARACTER + _CELL_MARGINS for n in longest_word]
    want = [max(n * _CHARACTER + _CELL_MARGINS, need[c]) for c, n in enumerate(longest_text)]
    if sum(want) <= width:  # -- everything fits on one line: share out what is left --
        return _shares(want, width)
    if sum(need) >= width:  # -- even the longest words do not fit side by side --
        return _shares(need, width)
    room = width - sum(need)
    extra = [w - n for w, n in zip(want, need, strict=True)]
    widths = [n + room * e // sum(extra) for n, e in zip(need, extra, strict=True)]
    widths[-1] += width - sum(widths)
    return widths


def _shares(weights: list[int], width: int) -> list[int]:
    widths = [width * w // sum(weights) for w in weights]
    widths[-1] += width - sum(widths)
    return widths


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


_house_style_base: Document | None = None
_house_style_lock = threading.Lock()  # -- exports run on worker threads too --


def house_style_document() -> Document:
    """A new, empty document in the house style (A4, styles, footnote part and styles).

    Opening python-docx's template (its styles.xml alone is 350 kB) and setting the
    styles up costs more than writing a whole letter, and gives the same result every
    time; so it is done once per process and every letter gets a deep copy of that
    package (lxml copies the trees in C).
    """
    global _house_style_base
    with _house_style_lock:
        if _house_style_base is None:
            base = docx.Document()
            layout.setup_page(base.sections[0])
            layout.setup_styles(base)
            footnotes_part(base)  # styles and separators also when there are no notes
            _house_style_base = base
        package = copy.deepcopy(_house_style_base.part.package)
    # -- a fresh proxy on the copied part: the copy shares nothing with the base --
    return cast(Document, cast(DocumentPart, package.main_document_part).document)


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
        layout.ensure_letter_styles(document)
        footnotes_part(document)  # styles and separators also when there are no notes
    else:
        document = house_style_document()
        emblem = emblem_stream(letterhead) or emblem
    layout.set_properties(
        document, letter.meta, template=letterhead.bestandsnaam if template and letterhead else None
    )
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
    writer.blocks(letter.body)
    if letter.meta.letterhead:
        if letter.meta.ondertekenaar_functie or letter.meta.ondertekenaar_naam:
            writer.keep_ending_table_with_next()
        _signature(document, letter.meta, writer.last_paragraph)
    for annex in letter.annexes:
        _annex(document, writer, annex)
    layout.finalise(document)
    return document


def _annex(document: Document, writer: _Writer, annex: Annex) -> None:
    title = document.add_paragraph(annex.title, style="Heading 1")
    title.paragraph_format.page_break_before = True
    title.paragraph_format.space_after = layout.BODY_LEADING
    writer.blocks(annex.blocks)


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
    document = house_style_document()
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
    _Writer(document).blocks(annex.blocks)
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
