"""The formatted section editor: what Word users expect, stored as our Markdown.

:class:`RichTextEdit` shows bold, italic, links, lists and headings as formatting and
footnotes as numbered markers; a citation of a registry item is one shaded unit that the
cursor steps over and Backspace removes whole. :meth:`RichTextEdit.markdown` is what is stored. Its
own undo is off (the window's stack has it), and pasting from Word or a web page keeps
only the formats the letter knows. :class:`NotePane` edits the footnote at the cursor.
"""

from __future__ import annotations

import re
from contextlib import nullcontext

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import QInputDialog, QLabel, QTextEdit, QVBoxLayout, QWidget

from desktop.core.drafting.citations import starts_sentence
from desktop.core.drafting.richtext import (
    NOTE_CHAR,
    RichBlock,
    Span,
    inline_markdown,
    is_citation,
    merge_spans,
    parse_blocks,
)
from desktop.ui.composer.fields import SpellingEditing, _is_undo_key, first_difference
from desktop.ui.composer.richdoc import (
    CITATION_PROPERTY,
    MARKDOWN_MIME,
    NOTE_OBJECT,
    NOTE_PROPERTY,
    NoteMarkers,
    block_spans,
    citation_format,
    citation_range,
    citation_ranges,
    document_markdown,
    foreign_blocks,
    inline_document_markdown,
    insert_rich,
    note_format,
    plain_format,
    selection_markdown,
    set_inline_markdown,
    set_markdown,
    shown_text,
    without_citation,
)

BULLETS, NUMBERS = "opsomming", "nummering"
# The link of a citation in the clipboard's HTML (Word would make it a broken hyperlink).
_CITATION_ANCHOR = re.compile(r'<a href="(?:motie|kamerstuk):[^"]*">(.*?)</a>', re.DOTALL)


def ask_link(parent: QWidget, current: str) -> str | None:
    """The web address for a link (None: cancelled); tests replace this."""
    url, ok = QInputDialog.getText(parent, "Link", "Webadres (https://…):", text=current)
    return url.strip() if ok else None


class RichTextEdit(SpellingEditing, QTextEdit):
    """Section text as formatted text; ``inline`` editors (a footnote) hold one paragraph."""

    format_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self.inline = inline
        self.setUndoRedoEnabled(False)
        # The Markdown of what is shown, until the document changes (formats included): a
        # keystroke asks for it twice (to push the edit, then to compare after it).
        self._markdown: str | None = None
        self.document().contentsChange.connect(self._forget_markdown)
        self.setTabChangesFocus(inline)
        self.setAcceptRichText(True)
        self.notes = NoteMarkers(self.document(), self)
        self._last_position = 0  # where the cursor was (to step over a citation)
        self._snapping = False
        self.currentCharFormatChanged.connect(self._on_current_char_format_changed)
        self.cursorPositionChanged.connect(self._keep_out_of_citations)
        self.cursorPositionChanged.connect(self.format_changed.emit)

    # -- storage ------------------------------------------------------------------------

    def markdown(self) -> str:
        """What the editor shows, as our Markdown."""
        if self._markdown is None:
            document = self.document()
            self._markdown = (
                inline_document_markdown(document) if self.inline else document_markdown(document)
            )
        return self._markdown

    def _forget_markdown(self, _position: int = 0, _removed: int = 0, _added: int = 0) -> None:
        self._markdown = None

    def show_markdown(self, markdown: str) -> None:
        """Show stored Markdown, the cursor where the text changed (after an undo)."""
        before = shown_text(self.document())
        position = self.textCursor().position()
        if self.inline:
            set_inline_markdown(self.document(), markdown)
        else:
            set_markdown(self.document(), markdown)
        after = shown_text(self.document())
        if before != after:
            position = first_difference(before, after) + max(len(after) - len(before), 0)
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(after)))
        self.setTextCursor(cursor)

    # -- formats ------------------------------------------------------------------------

    def _on_current_char_format_changed(self, fmt: QTextCharFormat) -> None:
        # Typing right after a footnote marker or a citation types plain text. (With a
        # selection, setCurrentCharFormat would format the selection instead.)
        if self.textCursor().hasSelection():
            pass
        elif fmt.objectType() == NOTE_OBJECT:
            self.setCurrentCharFormat(plain_format(fmt))
        elif fmt.property(CITATION_PROPERTY) is not None:
            self.setCurrentCharFormat(without_citation(fmt))
        self.format_changed.emit()

    def _apply(self, fmt: QTextCharFormat, label: str) -> None:
        if self.isReadOnly():
            return
        with self.change(label):
            self.mergeCurrentCharFormat(fmt)
        self.format_changed.emit()

    def is_bold(self) -> bool:
        """True when the cursor is in bold text."""
        return self.currentCharFormat().fontWeight() >= QFont.Weight.DemiBold

    def toggle_bold(self) -> None:
        """Ctrl+B: bold on or off for the selection (or what is typed next)."""
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Normal if self.is_bold() else QFont.Weight.Bold)
        self._apply(fmt, "Vet")

    def toggle_italic(self) -> None:
        """Ctrl+I: italic on or off."""
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.currentCharFormat().fontItalic())
        self._apply(fmt, "Cursief")

    def list_kind(self) -> str | None:
        """``BULLETS``, ``NUMBERS`` or None for the paragraph at the cursor."""
        text_list = self.textCursor().currentList()
        if text_list is None:
            return None
        style = text_list.format().style()
        return NUMBERS if style == QTextListFormat.Style.ListDecimal else BULLETS

    def toggle_list(self, kind: str) -> None:
        """Make the paragraph(s) a bulleted or numbered list, or plain paragraphs again."""
        if self.isReadOnly() or self.inline:
            return
        cursor = self.textCursor()
        label = "Opsomming" if kind == BULLETS else "Nummering"
        with self.change(label):
            cursor.beginEditBlock()
            current = cursor.currentList()
            if current is not None and self.list_kind() == kind:
                block = self.document().findBlock(cursor.selectionStart())
                end = cursor.selectionEnd()
                while block.isValid() and block.position() <= end:
                    text_list = block.textList()
                    if text_list is not None:
                        text_list.remove(block)
                    plain = QTextBlockFormat(block.blockFormat())
                    plain.setIndent(0)
                    QTextCursor(block).setBlockFormat(plain)
                    block = block.next()
            else:
                fmt = QTextListFormat()
                fmt.setStyle(
                    QTextListFormat.Style.ListDisc
                    if kind == BULLETS
                    else QTextListFormat.Style.ListDecimal
                )
                fmt.setIndent(1)
                cursor.createList(fmt)
            cursor.endEditBlock()
        self.format_changed.emit()

    def heading_level(self) -> int:
        """The heading level of the paragraph at the cursor (0: none)."""
        return self.textCursor().blockFormat().headingLevel()

    def toggle_heading(self) -> None:
        """Make the paragraph a heading (or a paragraph again)."""
        if self.isReadOnly() or self.inline:
            return
        cursor = self.textCursor()
        level = 0 if self.heading_level() else 2
        with self.change("Kop"):
            cursor.beginEditBlock()
            fmt = QTextBlockFormat(cursor.blockFormat())
            fmt.setHeadingLevel(level)
            cursor.setBlockFormat(fmt)
            block = cursor.block()
            whole = QTextCursor(block)
            whole.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            char = QTextCharFormat()
            char.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
            char.setProperty(QTextCharFormat.Property.FontSizeAdjustment, 1 if level else 0)
            whole.mergeCharFormat(char)
            cursor.endEditBlock()
        self.format_changed.emit()

    def link(self) -> str:
        """The web address of the link at the cursor ("" when none)."""
        fmt = self.currentCharFormat()
        href = fmt.anchorHref() if fmt.isAnchor() else ""
        return "" if is_citation(href) else href

    def set_link(self, url: str) -> None:
        """Make the selection a link to ``url`` ("" takes the link away)."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        fmt = QTextCharFormat()
        fmt.setAnchor(bool(url))
        fmt.setAnchorHref(url)
        fmt.setFontUnderline(bool(url))
        fmt.setForeground(Qt.GlobalColor.darkBlue if url else Qt.GlobalColor.black)
        with self.change("Link invoegen" if url else "Link verwijderen"):
            if not cursor.hasSelection():
                cursor.insertText(url, fmt)
            else:
                cursor.mergeCharFormat(fmt)
        self.setTextCursor(cursor)

    # -- footnotes ----------------------------------------------------------------------

    def insert_note(self) -> int:
        """Insert a footnote at the cursor (the selection becomes its text); its position."""
        cursor = self.textCursor()
        note = ""
        if cursor.hasSelection():
            block = self.document().findBlock(cursor.selectionStart())
            note = inline_markdown(
                block_spans(block, cursor.selectionStart(), cursor.selectionEnd())
            )
        with self.change("Voetnoot invoegen"):
            cursor.beginEditBlock()
            if cursor.hasSelection():
                cursor.removeSelectedText()
            position = cursor.position()
            cursor.insertText(NOTE_CHAR, note_format(note, plain_format(cursor.charFormat())))
            cursor.endEditBlock()
        self.setTextCursor(cursor)
        return position

    def note_at(self, position: int) -> int | None:
        """The footnote marker at or just before ``position`` (its position), if any."""
        text = shown_text(self.document())
        for spot in (position - 1, position):
            if 0 <= spot < len(text) and text[spot] == NOTE_CHAR:
                cursor = QTextCursor(self.document())
                cursor.setPosition(spot + 1)
                if cursor.charFormat().objectType() == NOTE_OBJECT:
                    return spot
        return None

    def note_text(self, position: int) -> str:
        """The Markdown of the footnote at ``position``."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position + 1)
        return str(cursor.charFormat().property(NOTE_PROPERTY) or "")

    def set_note_text(self, position: int, markdown: str) -> None:
        """Change the text of the footnote at ``position``."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setProperty(NOTE_PROPERTY, markdown)
        cursor.mergeCharFormat(fmt)

    # -- citations ----------------------------------------------------------------------

    def insert_citation(self, text: str, href: str) -> None:
        """Insert a citation of a registry item at the cursor, as one undo step.

        ``href`` names the item (``motie:12``); a motion that begins a sentence is
        ``De motie …``.
        """
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        start = cursor.selectionStart()
        block = self.document().findBlock(start)
        if href.startswith("motie:") and starts_sentence(block.text()[: start - block.position()]):
            text = text[:1].upper() + text[1:]
        with self.change("Verwijzing invoegen"):
            cursor.beginEditBlock()
            if cursor.hasSelection():
                cursor.removeSelectedText()
            cursor.insertText(text, citation_format(text, href, plain_format(cursor.charFormat())))
            cursor.endEditBlock()
        self.setTextCursor(cursor)

    def select_shown(self, text: str) -> bool:
        """Select the first place that shows ``text`` (spaces aside); False when none does."""
        shown = shown_text(self.document()).replace("\u00a0", " ")
        start = shown.find(text.replace("\u00a0", " "))
        if start < 0:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def citation_at(self, position: int) -> tuple[int, int] | None:
        """The citation (start, end) the character at ``position`` belongs to, if any."""
        return citation_range(self.document(), position)

    def _keep_out_of_citations(self) -> None:
        """The cursor never stands inside a citation: it steps over it, a selection takes it all."""
        if self._snapping:
            return
        cursor = self.textCursor()
        previous, position, anchor = self._last_position, cursor.position(), cursor.anchor()
        inside = self.citation_at(position)
        if inside is not None and inside[0] < position:
            start, end = inside
            if anchor != position and not start < anchor < end:  # selecting: take it all
                position = end if anchor <= start else start
            elif previous <= start:
                position = end
            elif previous >= end:
                position = start
            else:  # a click inside: the nearer edge
                position = start if position - start <= end - position else end
        around = self.citation_at(anchor)
        if not cursor.hasSelection():
            anchor = position
        elif around is not None and around[0] < anchor:
            anchor = around[0] if position >= anchor else around[1]
            if around[0] <= position <= around[1]:  # all of it, in the direction selected
                position = around[1] if anchor == around[0] else around[0]
        self._last_position = position
        if (position, anchor) == (cursor.position(), cursor.anchor()):
            return
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self._snapping = True
        try:
            self.setTextCursor(cursor)
        finally:
            self._snapping = False

    def _delete_citation(self, event: QKeyEvent) -> bool:
        """Backspace or Delete next to a citation removes all of it; True when it did."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            if self.citation_at(start) != (start, end):
                return False  # a selection of more: deleted as usual (it holds whole ones)
        else:
            backwards = event.key() == Qt.Key.Key_Backspace
            word = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            move = QTextCursor.MoveOperation
            if backwards:
                step = move.PreviousWord if word else move.PreviousCharacter
            else:
                step = move.NextWord if word else move.NextCharacter
            probe = QTextCursor(cursor)
            probe.movePosition(step, QTextCursor.MoveMode.KeepAnchor)
            start, end = probe.selectionStart(), probe.selectionEnd()
            found = citation_ranges(self.document(), start, end)
            if not found:
                return False
            start, end = min(start, found[0][0]), max(end, found[-1][1])
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        with self.change("Verwijzing verwijderen"):
            cursor.removeSelectedText()
        self._last_position = cursor.position()
        self.setTextCursor(cursor)
        return True

    # -- clipboard ----------------------------------------------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:
        data = super().createMimeDataFromSelection()
        data.setData(MARKDOWN_MIME, selection_markdown(self.textCursor()).encode("utf-8"))
        if data.hasHtml():  # elsewhere (Word) a citation is its text
            data.setHtml(_CITATION_ANCHOR.sub(r"\1", data.html()))
        return data

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self.isReadOnly():
            return
        if source.hasFormat(MARKDOWN_MIME):
            blocks = parse_blocks(bytes(source.data(MARKDOWN_MIME).data()).decode("utf-8"))
        elif source.hasHtml():
            blocks = foreign_blocks(source.html())
        elif source.hasText():
            blocks = [RichBlock(spans=[Span(line)]) for line in source.text().split("\n")]
        else:
            return
        if self.inline:
            spans: list[Span] = []
            for block in blocks:
                if spans:
                    spans.append(Span(" "))
                spans.extend(s for s in block.spans if s.note is None)
            blocks = [RichBlock(spans=merge_spans(spans))]
        cursor = self.textCursor()
        inside = self.citation_at(cursor.position())
        if not cursor.hasSelection() and inside is not None and inside[0] < cursor.position():
            cursor.setPosition(inside[1])  # a drop inside a citation lands after it
        with self.change("Plakken"):
            cursor.beginEditBlock()
            insert_rich(cursor, blocks)
            cursor.endEditBlock()
        self.setTextCursor(cursor)

    # -- events -------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if _is_undo_key(event):
            event.ignore()
            return False
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Bold)
                or event.matches(QKeySequence.StandardKey.Italic)
            )
        ):
            event.accept()  # the editor's own, before any window shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Bold):
            self.toggle_bold()
            return
        if event.matches(QKeySequence.StandardKey.Italic):
            self.toggle_italic()
            return
        if self.inline and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # a footnote is one paragraph
        if (
            event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
            and not self.isReadOnly()
            and self._delete_citation(event)
        ):
            return
        word_key = self._before_key(event)
        super().keyPressEvent(event)
        self._after_key(event, word_key)


class NotePane(QWidget):
    """The text of the footnote at the cursor, edited in place below the section text."""

    def __init__(self, editor: RichTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voetnoot_paneel")
        self.main = editor
        self.label = QLabel("", self)
        self.label.setObjectName("voetnoot_label")
        self.text = RichTextEdit(self, inline=True)
        self.text.setObjectName("voetnoot_tekst")
        self.text.setPlaceholderText("Tekst van de voetnoot")
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 3 + 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.text)
        self.position: int | None = None
        self._loading = False
        editor.cursorPositionChanged.connect(self.follow)
        editor.textChanged.connect(self.follow)
        self.text.textChanged.connect(self._on_text_text_changed)
        self.hide()

    def attach(self, editor: RichTextEdit) -> None:
        """Follow the footnotes of another editor (the one with the cursor on a page)."""
        if editor is self.main:
            return
        for signal in (self.main.cursorPositionChanged, self.main.textChanged):
            signal.disconnect(self.follow)
        self.main = editor
        editor.cursorPositionChanged.connect(self.follow)
        editor.textChanged.connect(self.follow)
        self.position = None
        self.hide()
        self.follow()

    def follow(self) -> None:
        """Show the footnote at the main editor's cursor (or hide)."""
        if self._loading:
            return
        position = self.main.note_at(self.main.textCursor().position())
        if position is None:
            if not self.text.hasFocus():
                self.position = None
                self.hide()
            return
        self.show_note(position)

    def showing_note_at_cursor(self) -> bool:
        """True when the pane shows the footnote at the main editor's cursor."""
        position = self.position
        return (
            self.isVisible()
            and position is not None
            and self.main.note_at(self.main.textCursor().position()) == position
        )

    def show_note(self, position: int) -> None:
        """Edit the footnote at ``position`` of the main editor."""
        self.position = position
        number = self.main.notes.number(position)
        self.label.setText(f"Voetnoot {number}:")
        markdown = self.main.note_text(position)
        if self.text.markdown() != markdown:
            self._loading = True
            try:
                self.text.show_markdown(markdown)
            finally:
                self._loading = False
        self.text.setReadOnly(self.main.isReadOnly())
        self.show()

    def edit(self, position: int) -> None:
        """Show the footnote and put the cursor in its text (after inserting one)."""
        self.show_note(position)
        self.text.setFocus()
        self.text.moveCursor(QTextCursor.MoveOperation.End)

    def _on_text_text_changed(self) -> None:
        if self._loading or self.position is None or self.main.isReadOnly():
            return
        label = self.text.current_edit.label
        self._loading = True
        try:
            with self.main.change(label) if label else nullcontext():
                self.main.set_note_text(self.position, self.text.markdown())
        finally:
            self._loading = False
