"""Section text as a formatted QTextDocument, built and read with our own Markdown.

:func:`fill_document` turns :class:`~desktop.core.drafting.richtext.RichBlock` paragraphs
into blocks and character formats with a QTextCursor (not ``setMarkdown``, whose dialect
differs); :func:`read_document` reads them back, so :func:`document_markdown` is the
section's Markdown. A footnote is one object character (U+FFFC) whose format carries the
note's Markdown and is drawn as a superscript number (:class:`NoteMarkers`). A citation of
a registry item is its text with a shaded link format; every citation has a number of its
own (``CITATION_PROPERTY``), so two side by side stay two, and the editor treats it as one
unit (:func:`citation_range`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextList,
    QTextListFormat,
)

from desktop.core.drafting.richtext import (
    HEADING,
    LINE_BREAK,
    NOTE_CHAR,
    PARAGRAPH,
    RAW,
    ListInfo,
    RichBlock,
    Span,
    inline_markdown,
    is_citation,
    merge_spans,
    parse_blocks,
    parse_inline,
    to_markdown,
)

NOTE_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
NOTE_PROPERTY = QTextFormat.Property.UserProperty + 1  # the footnote's Markdown
SOFT_PROPERTY = QTextFormat.Property.UserProperty + 2  # a soft line break from the source
HTML_PROPERTY = QTextFormat.Property.UserProperty + 3  # inline HTML, verbatim
CODE_PROPERTY = QTextFormat.Property.UserProperty + 4
RAW_PROPERTY = QTextFormat.Property.UserProperty + 5  # a block kept as raw Markdown
TIGHT_PROPERTY = QTextFormat.Property.UserProperty + 6  # a list without blank lines
CITATION_PROPERTY = QTextFormat.Property.UserProperty + 7  # which citation (a number)
LINK_COLOUR = QColor("#154273")  # Rijkshuisstijl dark blue
CITATION_SHADE = QColor("#e3ebf5")  # a light shade of the dark blue
RAW_COLOUR = QColor("#5f6368")
HEADING_SIZES = {1: 1.5, 2: 1.3, 3: 1.15}
MARKDOWN_MIME = "application/x-voortgang-markdown"


# -- footnote markers ---------------------------------------------------------------------


def note_positions(document: QTextDocument) -> list[int]:
    """Where the footnotes are, in document order."""
    positions = []
    text = document.toRawText()
    start = text.find(NOTE_CHAR)
    while start >= 0:
        positions.append(start)
        start = text.find(NOTE_CHAR, start + 1)
    return positions


class NoteMarkers(QPyTextObject):
    """Draws each footnote as its number, superscript, renumbered as notes come and go."""

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent or document)
        self.document = document
        self.offset = 0  # footnotes in the sections before this one
        self._positions: list[int] | None = None
        document.contentsChanged.connect(self._forget)
        document.documentLayout().registerHandler(NOTE_OBJECT, self)

    def _forget(self) -> None:
        self._positions = None

    def number(self, position: int) -> int:
        """The footnote number shown at ``position`` (1 for the letter's first)."""
        if self._positions is None:
            self._positions = note_positions(self.document)
        try:
            return self.offset + self._positions.index(position) + 1
        except ValueError:
            return self.offset + 1 + sum(1 for p in self._positions if p < position)

    def _font(self, format: QTextFormat) -> QFont:
        font = QFont(format.toCharFormat().font())
        size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        font.setPointSizeF(size * 0.7)
        font.setBold(True)
        return font

    def intrinsicSize(self, doc: QTextDocument, position: int, format: QTextFormat) -> QSizeF:
        metrics = QFontMetricsF(self._font(format))
        width = metrics.horizontalAdvance(str(self.number(position))) + 2
        return QSizeF(width, metrics.height())

    def drawObject(
        self,
        painter: QPainter,
        rect: object,
        doc: QTextDocument,
        position: int,
        format: QTextFormat,
    ) -> None:
        painter.save()
        painter.setFont(self._font(format))
        painter.setPen(LINK_COLOUR)
        metrics = QFontMetricsF(painter.font())
        top = rect.top()  # type: ignore[attr-defined]
        left = rect.left()  # type: ignore[attr-defined]
        painter.drawText(
            QPointF(left + 1, top + metrics.ascent() * 0.8), str(self.number(position))
        )
        painter.restore()


def note_format(note: str, base: QTextCharFormat | None = None) -> QTextCharFormat:
    """The format of a footnote marker holding the note's Markdown."""
    fmt = QTextCharFormat(base) if base is not None else QTextCharFormat()
    fmt.setObjectType(NOTE_OBJECT)
    fmt.setProperty(NOTE_PROPERTY, note)
    fmt.setToolTip("Voetnoot: klik om de tekst te bewerken")
    return fmt


# -- citations ----------------------------------------------------------------------------

_citation_numbers = itertools.count(1)


def citation_format(text: str, href: str, base: QTextCharFormat | None = None) -> QTextCharFormat:
    """The format of one citation: shaded, linked to its registry item, its own number."""
    fmt = QTextCharFormat(base) if base is not None else QTextCharFormat()
    fmt.setAnchor(True)
    fmt.setAnchorHref(href)
    fmt.setForeground(LINK_COLOUR)
    fmt.setBackground(CITATION_SHADE)
    fmt.setProperty(CITATION_PROPERTY, next(_citation_numbers))
    what = "een motie" if href.startswith("motie:") else "een Kamerstuk"
    fmt.setToolTip(
        f"Verwijzing naar {what} in het register: {text.replace(chr(0xA0), ' ')}\n"
        "De brief noemt altijd wat het register nu zegt (bijvoorbeeld een nieuw nummer). "
        "Backspace of Delete verwijdert de hele verwijzing."
    )
    return fmt


def without_citation(fmt: QTextCharFormat) -> QTextCharFormat:
    """``fmt`` as plain text again (bold and italic kept): what is typed beside a citation."""
    if fmt.property(CITATION_PROPERTY) is None:
        return fmt
    clean = QTextCharFormat(fmt)
    for prop in (
        CITATION_PROPERTY,
        QTextFormat.Property.IsAnchor,
        QTextFormat.Property.AnchorHref,
        QTextFormat.Property.ForegroundBrush,
        QTextFormat.Property.BackgroundBrush,
    ):
        clean.clearProperty(prop)
    clean.setToolTip("")
    return clean


def _citation_number(fmt: QTextCharFormat) -> object:
    """The number of the citation a fragment belongs to (None: not a citation)."""
    number = fmt.property(CITATION_PROPERTY)
    return number if number is not None and is_citation(fmt.anchorHref()) else None


def citation_ranges(
    document: QTextDocument, start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """Where the citations are (start, end) that overlap ``start`` to ``end``, in order."""
    found: list[tuple[int, int]] = []
    last: object = None
    block = document.findBlock(start)
    while block.isValid() and (end is None or block.position() <= end):
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            iterator += 1
            if not fragment.isValid():
                continue
            number = _citation_number(fragment.charFormat())
            low, high = fragment.position(), fragment.position() + fragment.length()
            if number is None:
                last = None
                continue
            if found and number == last and found[-1][1] == low:
                found[-1] = (found[-1][0], high)
            else:
                found.append((low, high))
            last = number
        last = None
        block = block.next()
    return [(low, high) for low, high in found if high > start and (end is None or low < end)]


def citation_range(document: QTextDocument, position: int) -> tuple[int, int] | None:
    """The citation the character at ``position`` belongs to (start, end), if any."""
    for low, high in citation_ranges(document, position, position + 1):
        if low <= position < high:
            return low, high
    return None


def plain_format(fmt: QTextCharFormat) -> QTextCharFormat:
    """``fmt`` without what belongs to a single footnote, citation or line break."""
    clean = QTextCharFormat(without_citation(fmt))
    for prop in (NOTE_PROPERTY, SOFT_PROPERTY, QTextFormat.Property.ObjectType):
        clean.clearProperty(prop)
    clean.setToolTip("")
    return clean


# -- building -----------------------------------------------------------------------------


def span_format(span: Span, heading: int = 0) -> QTextCharFormat:
    """The character format that shows one run."""
    fmt = QTextCharFormat()
    if span.bold or heading:
        fmt.setFontWeight(QFont.Weight.Bold)
    if span.italic:
        fmt.setFontItalic(True)
    if heading:
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, max(0, 3 - heading))
    if span.link is not None:
        fmt.setAnchor(True)
        fmt.setAnchorHref(span.link)
        fmt.setForeground(LINK_COLOUR)
        fmt.setFontUnderline(True)
    if span.code:
        fmt.setProperty(CODE_PROPERTY, True)
        fmt.setFontFixedPitch(True)
        fmt.setFontFamilies(["monospace"])
    if span.html:
        fmt.setProperty(HTML_PROPERTY, True)
        fmt.setForeground(RAW_COLOUR)
    if span.soft:
        fmt.setProperty(SOFT_PROPERTY, True)
    if span.note is not None:
        fmt = note_format(span.note, fmt)
    elif is_citation(span.link):
        fmt.setFontUnderline(False)
        fmt = citation_format(span.text, str(span.link), fmt)
    return fmt


def _list_format(info: ListInfo) -> QTextListFormat:
    fmt = QTextListFormat()
    if info.ordered:
        fmt.setStyle(QTextListFormat.Style.ListDecimal)
        fmt.setStart(info.start)
    else:
        styles = (
            QTextListFormat.Style.ListDisc,
            QTextListFormat.Style.ListCircle,
            QTextListFormat.Style.ListSquare,
        )
        fmt.setStyle(styles[info.level % 3])
    fmt.setIndent(info.level + 1)
    fmt.setProperty(TIGHT_PROPERTY, info.tight)
    return fmt


def _block_format(block: RichBlock) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(6)
    if block.kind == HEADING:
        fmt.setHeadingLevel(block.level)
        fmt.setTopMargin(6)
    elif block.kind == RAW:
        fmt.setProperty(RAW_PROPERTY, True)
        fmt.setBackground(QColor("#f1f3f4"))
    return fmt


def insert_blocks(cursor: QTextCursor, blocks: Sequence[RichBlock], *, first: bool) -> None:
    """Insert paragraphs at ``cursor``; ``first``: the first one uses the current block."""
    lists: dict[int, QTextList] = {}
    for number, block in enumerate(blocks):
        if number or not first:
            cursor.insertBlock(_block_format(block), QTextCharFormat())
        else:
            cursor.setBlockFormat(_block_format(block))
            cursor.setBlockCharFormat(QTextCharFormat())
        info = block.list
        if info is not None:
            existing = lists.get(info.key)
            if existing is not None:
                existing.add(cursor.block())
            else:
                lists[info.key] = cursor.createList(_list_format(info))
        if block.kind == RAW:
            raw = QTextCharFormat()
            raw.setFontFixedPitch(True)
            raw.setFontFamilies(["monospace"])
            raw.setForeground(RAW_COLOUR)
            cursor.insertText(block.text, raw)
            continue
        heading = block.level if block.kind == HEADING else 0
        for span in block.spans:
            cursor.insertText(span.text, span_format(span, heading))


def fill_document(document: QTextDocument, blocks: Sequence[RichBlock]) -> None:
    """Show ``blocks`` in ``document`` (all it held before is replaced)."""
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    insert_blocks(cursor, blocks, first=True)
    cursor.endEditBlock()


def set_markdown(document: QTextDocument, markdown: str) -> None:
    """Show a section's Markdown in ``document``."""
    fill_document(document, parse_blocks(markdown))


# -- reading ------------------------------------------------------------------------------


def _span(text: str, fmt: QTextCharFormat, heading: bool) -> Span:
    href = fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None
    return Span(
        text,
        bold=not heading and fmt.fontWeight() >= QFont.Weight.DemiBold,
        italic=fmt.fontItalic(),
        code=bool(fmt.property(CODE_PROPERTY)),
        link=href,
        html=bool(fmt.property(HTML_PROPERTY)),
    )


def block_spans(block: QTextBlock, start: int = 0, end: int | None = None) -> list[Span]:
    """The runs of one block (optionally only from ``start`` to ``end`` in the document)."""
    heading = block.blockFormat().headingLevel() > 0
    spans: list[Span] = []
    citation: object = None  # the number of the citation the last run belongs to
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        iterator += 1
        if not fragment.isValid():
            continue
        text, fmt, position = fragment.text(), fragment.charFormat(), fragment.position()
        low = max(start - position, 0)
        high = len(text) if end is None else min(end - position, len(text))
        if high <= low:
            continue
        text = text[low:high]
        number = _citation_number(fmt)
        if number is not None:
            # One citation is one run, even where part of it got another format.
            if citation == number and spans:
                spans[-1].text += text
            else:
                spans.append(_span(text.replace(NOTE_CHAR, ""), fmt, heading))
            citation = number
            continue
        citation = None
        for piece in re.split(f"([{NOTE_CHAR}{LINE_BREAK}])", text):
            if not piece:
                continue
            if piece == NOTE_CHAR:
                if fmt.objectType() == NOTE_OBJECT:
                    spans.append(Span(NOTE_CHAR, note=str(fmt.property(NOTE_PROPERTY) or "")))
                continue  # an object character that is no footnote: nothing to store
            span = _span(piece, fmt, heading)
            if piece == LINE_BREAK:
                span.soft = bool(fmt.property(SOFT_PROPERTY))
            spans.append(span)
    return merge_spans(spans)


def _list_info(block: QTextBlock, keys: dict[int, int]) -> ListInfo | None:
    text_list = block.textList()
    if text_list is None:
        return None
    fmt = text_list.format()
    key = keys.setdefault(text_list.objectIndex(), len(keys))
    tight = fmt.property(TIGHT_PROPERTY)
    return ListInfo(
        key,
        ordered=fmt.style()
        in (
            QTextListFormat.Style.ListDecimal,
            QTextListFormat.Style.ListLowerAlpha,
            QTextListFormat.Style.ListUpperAlpha,
            QTextListFormat.Style.ListLowerRoman,
            QTextListFormat.Style.ListUpperRoman,
        ),
        level=max(fmt.indent() - 1, 0),
        start=fmt.start() if fmt.start() > 0 else 1,
        tight=True if tight is None else bool(tight),
    )


def read_block(block: QTextBlock, keys: dict[int, int]) -> RichBlock:
    """One document block as a paragraph."""
    fmt = block.blockFormat()
    if fmt.property(RAW_PROPERTY):
        return RichBlock(RAW, [Span(block.text().replace(NOTE_CHAR, ""))])
    level = fmt.headingLevel()
    if level > 0:
        return RichBlock(HEADING, block_spans(block), level)
    return RichBlock(PARAGRAPH, block_spans(block), list=_list_info(block, keys))


def read_document(document: QTextDocument) -> list[RichBlock]:
    """The document's paragraphs."""
    keys: dict[int, int] = {}
    blocks = []
    block = document.begin()
    while block.isValid():
        blocks.append(read_block(block, keys))
        block = block.next()
    return blocks


def document_markdown(document: QTextDocument) -> str:
    """The section's Markdown, as stored."""
    blocks = read_document(document)
    if len(blocks) == 1 and not blocks[0].spans and blocks[0].list is None:
        return ""
    return to_markdown(blocks)


def selection_markdown(cursor: QTextCursor) -> str:
    """The selected text as our Markdown (for the clipboard)."""
    document = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    keys: dict[int, int] = {}
    blocks = []
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        rich = read_block(block, keys)
        if rich.kind != RAW:
            rich.spans = block_spans(block, start, end)
        blocks.append(rich)
        block = block.next()
    return to_markdown(blocks)


# -- pasting ------------------------------------------------------------------------------


def foreign_blocks(html: str) -> list[RichBlock]:
    """Word or web HTML reduced to our formats: bold, italic, links, lists and headings."""
    scratch = QTextDocument()
    scratch.setHtml(html)
    keys: dict[int, int] = {}
    blocks = []
    block = scratch.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        spans = [
            Span(s.text.replace(NOTE_CHAR, ""), s.bold, s.italic, link=s.link)
            for s in block_spans(block)
        ]
        info = _list_info(block, keys)
        if level > 0:
            blocks.append(RichBlock(HEADING, spans, min(level, 3)))
        else:
            blocks.append(RichBlock(PARAGRAPH, merge_spans(spans), list=info))
        block = block.next()
    while blocks and not blocks[-1].text.strip() and blocks[-1].list is None:
        blocks.pop()
    return blocks or [RichBlock()]


def insert_rich(cursor: QTextCursor, blocks: Sequence[RichBlock]) -> None:
    """Insert paragraphs at the cursor, formats and all."""
    scratch = QTextDocument()
    fill_document(scratch, blocks)
    if len(blocks) == 1 and blocks[0].list is None and blocks[0].kind == PARAGRAPH:
        # One paragraph joins the one it is pasted into, keeping that block's format.
        for span in blocks[0].spans:
            cursor.insertText(span.text, span_format(span))
        return
    cursor.insertFragment(QTextDocumentFragment(scratch))


@dataclass(frozen=True, slots=True)
class Replaced:
    """What a replacement made: the new Markdown, how many hits went, how many were kept.

    A hit in a citation is kept: its text is the registry's, not the letter's.
    """

    markdown: str
    count: int
    kept: int


Hits = Sequence[tuple[int, int]]


def _replace(document: QTextDocument, hits: Hits, replacement: str) -> tuple[int, int]:
    cursor = QTextCursor(document)
    count = kept = 0
    for start, end in sorted(hits, reverse=True):
        if citation_ranges(document, start, end):
            kept += 1
            continue
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        count += 1
    return count, kept


def replace_in_markdown(
    markdown: str,
    hits: Hits,
    replacement: str,
    note_hits: Mapping[int, Hits] | None = None,
) -> Replaced:
    """Replace the shown text from ``start`` to ``end`` at each hit of a section's Markdown.

    ``note_hits`` holds the hits in the text of each footnote (by its place in the section).
    """
    scratch = QTextDocument()
    set_markdown(scratch, markdown)
    return replace_in_document(scratch, hits, replacement, note_hits)


def replace_in_document(
    document: QTextDocument,
    hits: Hits,
    replacement: str,
    note_hits: Mapping[int, Hits] | None = None,
) -> Replaced:
    """Replace the hits in ``document`` (a scratch copy) and in its footnotes."""
    count = kept = 0
    for index, position in enumerate(note_positions(document)):
        wanted = (note_hits or {}).get(index)
        if not wanted:
            continue
        marker = QTextCursor(document)
        marker.setPosition(position)
        marker.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        note = QTextDocument()
        set_inline_markdown(note, str(marker.charFormat().property(NOTE_PROPERTY) or ""))
        done, left = _replace(note, wanted, replacement)
        count, kept = count + done, kept + left
        fmt = QTextCharFormat()
        fmt.setProperty(NOTE_PROPERTY, inline_document_markdown(note))
        marker.mergeCharFormat(fmt)
    done, left = _replace(document, hits, replacement)
    return Replaced(document_markdown(document), count + done, kept + left)


# -- footnote text ------------------------------------------------------------------------


def set_inline_markdown(document: QTextDocument, markdown: str) -> None:
    """Show a footnote's Markdown in ``document`` (one paragraph)."""
    fill_document(document, [RichBlock(spans=parse_inline(markdown))])


def inline_document_markdown(document: QTextDocument) -> str:
    """A footnote's document as the note's Markdown (paragraphs joined by line breaks)."""
    spans: list[Span] = []
    block = document.begin()
    while block.isValid():
        if spans:
            spans.append(Span(LINE_BREAK))
        spans.extend(block_spans(block))
        block = block.next()
    return inline_markdown(spans)


def note_shown_text(markdown: str) -> str:
    """A footnote's text as its pane shows it, one character per position."""
    return "".join(span.text for span in parse_inline(markdown))


def shown_text(document: QTextDocument) -> str:
    """The document's text, one character per position (paragraphs end with a new line)."""
    return document.toRawText().replace("\u2029", "\n")
