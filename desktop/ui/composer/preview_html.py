"""The letter model as HTML for the composer's preview (Qt's rich-text subset, no Qt here).

The preview shows the same :class:`~desktop.core.drafting.model.LetterDocument` the Word
writer gets: the addressee with Datum, Betreft and kenmerk, the body, the signature and
the annexes. Footnotes are numbered as Word numbers them (in document order, body first,
then the annexes; a note inside a note is dropped, as in Word) and listed at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from desktop.core.drafting.model import (
    Block,
    Heading,
    Inline,
    LetterDocument,
    LineBreak,
    Link,
    ListBlock,
    Note,
    PageBreak,
    Paragraph,
    Table,
    Text,
    empty_heading_indexes,
)

MUTED = "#5f6368"
ERROR_BOX = (
    "background-color:#fbe3e1; color:#6e1a10; border:1px solid #e6b3ad; padding:10px; margin:8px"
)
FONT = "font-family:Verdana, 'DejaVu Sans', sans-serif; font-size:9pt"
NOTE_ANCHOR = "voetnoot-"


def _e(text: str) -> str:
    return escape(text, quote=True)


@dataclass
class _Notes:
    """Footnotes met so far, numbered in order; their HTML goes at the end."""

    bodies: list[str] = field(default_factory=list)

    def add(self, note: Note, renderer: _Renderer) -> int:
        # Notes inside notes are dropped (Word has none), so numbering never nests.
        self.bodies.append(renderer.note_body(note))
        return len(self.bodies)


class _Renderer:
    def __init__(self) -> None:
        self.notes = _Notes()
        self._in_note = False

    # -- inlines --------------------------------------------------------------------

    def inlines(self, items: list[Inline]) -> str:
        parts: list[str] = []
        for item in items:
            if isinstance(item, Text):
                parts.append(self.text(item))
            elif isinstance(item, Link):
                label = "".join(self.text(child) for child in item.children) or _e(item.url)
                parts.append(f"<a href='{_e(item.url)}'>{label}</a>")
            elif isinstance(item, LineBreak):
                parts.append("<br>")
            elif isinstance(item, Note) and not self._in_note:
                number = self.notes.add(item, self)
                parts.append(
                    f"<sup><a name='ref-{number}' href='#{NOTE_ANCHOR}{number}'>{number}</a></sup>"
                )
        return "".join(parts)

    @staticmethod
    def text(item: Text) -> str:
        html = _e(item.text).replace("\u00a0", "&nbsp;")
        if item.italic:
            html = f"<i>{html}</i>"
        if item.bold:
            html = f"<b>{html}</b>"
        return html

    def note_body(self, note: Note) -> str:
        self._in_note = True
        try:
            parts: list[str] = []
            for block in note.blocks:
                if isinstance(block, Paragraph):
                    parts.append(self.inlines(block.inlines))
                elif isinstance(block, ListBlock):
                    for item in block.items:
                        for inner in item:
                            if isinstance(inner, Paragraph):
                                parts.append("– " + self.inlines(inner.inlines))
            return "<br>".join(parts)
        finally:
            self._in_note = False

    # -- blocks ---------------------------------------------------------------------

    def blocks(self, blocks: list[Block]) -> str:
        # As in the Word file: a heading with nothing under it is left out.
        skip = empty_heading_indexes(blocks)
        return "".join(self.block(b) for index, b in enumerate(blocks) if index not in skip)

    def block(self, block: Block) -> str:
        if isinstance(block, Paragraph):
            # -- quoted text stands in from the margin, as in the Word file (10 mm) --
            indent = ' style="margin-left:38px"' if block.quote else ""
            return f"<p{indent}>{self.inlines(block.inlines)}</p>"
        if isinstance(block, Heading):
            # Qt's own <h1> sizes are far larger than the letter's Kop 1-3.
            return _heading(self.inlines(block.inlines), block.level)
        if isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = f" start='{block.start}'" if block.ordered and block.start != 1 else ""
            items = "".join(f"<li>{self._list_item(item)}</li>" for item in block.items)
            return f"<{tag}{start}>{items}</{tag}>"
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, PageBreak):
            return _page_rule()
        return ""

    def _list_item(self, blocks: list[Block]) -> str:
        # A list item's first paragraph sits on the bullet's line, as in Word.
        if blocks and isinstance(blocks[0], Paragraph):
            return self.inlines(blocks[0].inlines) + self.blocks(blocks[1:])
        return self.blocks(blocks)

    def table(self, block: Table) -> str:
        columns = max(1, len(block.header), *(len(row) for row in block.rows))
        rows: list[str] = []
        if block.header:
            cells = "".join(
                f"<th align='left' style='background-color:#eef1f5'>"
                f"{self.inlines(block.header[c]) if c < len(block.header) else ''}</th>"
                for c in range(columns)
            )
            rows.append(f"<tr>{cells}</tr>")
        for row in block.rows:
            cells = "".join(
                f"<td valign='top'>{self.inlines(row[c]) if c < len(row) else ''}</td>"
                for c in range(columns)
            )
            rows.append(f"<tr>{cells}</tr>")
        return (
            "<table border='1' cellspacing='0' cellpadding='4' width='100%' "
            f"style='border-color:#b0b5bb; margin-top:6px; margin-bottom:10px'>{''.join(rows)}"
            "</table>"
        )


def _heading(html: str, level: int) -> str:
    size = {1: "10.5pt", 2: "9.5pt"}.get(level, "9pt")
    style = "font-style:italic; " if level >= 3 else ""
    return (
        f"<p style='font-size:{size}; font-weight:bold; {style}margin-top:14px; "
        f"margin-bottom:4px'>{html}</p>"
    )


def _page_rule() -> str:
    return "<hr style='margin-top:18px; margin-bottom:18px'>"


def _opening(document: LetterDocument) -> str:
    meta = document.meta
    parts: list[str] = []
    if meta.afzender.ministerie:
        parts.append(
            f"<p align='right' style='color:{MUTED}'><b>{_e(meta.afzender.ministerie)}</b></p>"
        )
    if meta.geadresseerde:
        parts.append("<p>" + "<br>".join(_e(line) for line in meta.geadresseerde) + "</p>")
    rows = [
        (label, value)
        for label, value in (
            ("Datum", meta.datum),
            ("Betreft", meta.betreft),
            ("Onze referentie", meta.kenmerk),
        )
        if value
    ]
    if meta.bijlagen:
        rows.append(("Bijlage(n)", str(meta.bijlagen)))
    if rows:
        cells = "".join(
            f"<tr><td style='color:{MUTED}; padding-right:14px'>{_e(label)}</td>"
            f"<td>{_e(value)}</td></tr>"
            for label, value in rows
        )
        parts.append(
            f"<table cellspacing='0' cellpadding='1' style='margin-top:14px'>{cells}</table>"
        )
    if meta.aanhef:
        parts.append(f"<p style='margin-top:18px'>{_e(meta.aanhef)}</p>")
    return "".join(parts)


def _signature(document: LetterDocument) -> str:
    meta = document.meta
    lines: list[str] = []
    if meta.ondertekenaar_functie:
        functie = meta.ondertekenaar_functie.strip()
        lines.append(_e(functie if functie[-1:] in ",." else functie + ","))
    if meta.ondertekenaar_naam:
        lines.append("<br><br><br>" + _e(meta.ondertekenaar_naam))
    return f"<p style='margin-top:18px'>{'<br>'.join(lines)}</p>" if lines else ""


def letter_html(document: LetterDocument) -> str:
    """The whole letter as one HTML page: opening, body, signature, annexes, footnotes."""
    renderer = _Renderer()
    parts = [_opening(document) if document.meta.letterhead else ""]
    parts.append(renderer.blocks(document.body))
    if document.meta.letterhead:
        parts.append(_signature(document))
    for annex in document.annexes:
        parts.append(_page_rule())
        parts.append(_heading(_e(annex.title), 1))
        parts.append(renderer.blocks(annex.blocks))
    notes = renderer.notes.bodies
    if notes:
        items = "".join(
            f"<tr><td valign='top' style='padding-right:6px'>"
            f"<a name='{NOTE_ANCHOR}{number}' href='#ref-{number}'><sup>{number}</sup></a></td>"
            f"<td valign='top'>{body}</td></tr>"
            for number, body in enumerate(notes, start=1)
        )
        parts.append(
            "<hr style='margin-top:22px'>"
            f"<p style='color:{MUTED}; margin-bottom:2px'>Voetnoten</p>"
            f"<table cellspacing='0' cellpadding='1' style='font-size:8pt'>{items}</table>"
        )
    return f'<div style="{FONT}">{"".join(parts)}</div>'


def problem_html(message: str, title: str = "De voorvertoning kan niet worden gemaakt") -> str:
    """A Dutch problem (a broken template) as a red box in the preview pane."""
    body = _e(message).replace("\n", "<br>").replace("  ", "&nbsp;&nbsp;")
    return (
        f"<div style=\"{FONT}\"><table width='100%' cellpadding='10' cellspacing='0' "
        f"style='{ERROR_BOX}'><tr><td><b>{_e(title)}</b><br><br>{body}</td></tr></table></div>"
    )


def placeholder_html(text: str) -> str:
    """A muted line in the preview pane (while the first preview is made)."""
    return f"<p style='color:{MUTED}; margin-top:24px' align='center'>{_e(text)}</p>"
