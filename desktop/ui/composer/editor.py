"""The formatted section editor: what Word users expect, stored as our Markdown.

:class:`RichTextEdit` shows bold, italic, links, lists and headings as formatting and
footnotes as numbered markers; :meth:`RichTextEdit.markdown` is what is stored. Its
own undo is off (the window's stack has it), and pasting from Word or a web page keeps
only the formats the letter knows. :class:`NotePane` edits the footnote at the cursor.
"""

from __future__ import annotations

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

from desktop.core.drafting.richtext import (
    LINE_BREAK,
    NOTE_CHAR,
    RichBlock,
    Span,
    inline_markdown,
    merge_spans,
    parse_blocks,
    parse_inline,
)
from desktop.ui.composer.fields import SpellingEditing, _is_undo_key, first_difference
from desktop.ui.composer.richdoc import (
    MARKDOWN_MIME,
    NOTE_OBJECT,
    NOTE_PROPERTY,
    NoteMarkers,
    block_spans,
    document_markdown,
    fill_document,
    foreign_blocks,
    insert_rich,
    note_format,
    plain_format,
    selection_markdown,
    set_markdown,
    shown_text,
)

BULLETS, NUMBERS = "opsomming", "nummering"


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
        self.setTabChangesFocus(inline)
        self.setAcceptRichText(True)
        self.notes = NoteMarkers(self.document(), self)
        self.currentCharFormatChanged.connect(self._on_current_char_format_changed)
        self.cursorPositionChanged.connect(self.format_changed.emit)

    # -- storage ------------------------------------------------------------------------

    def markdown(self) -> str:
        """What the editor shows, as our Markdown."""
        if not self.inline:
            return document_markdown(self.document())
        spans: list[Span] = []
        block = self.document().begin()
        while block.isValid():
            if spans:
                spans.append(Span(LINE_BREAK))
            spans.extend(block_spans(block))
            block = block.next()
        return inline_markdown(spans)

    def show_markdown(self, markdown: str) -> None:
        """Show stored Markdown, the cursor where the text changed (after an undo)."""
        before = shown_text(self.document())
        position = self.textCursor().position()
        if self.inline:
            fill_document(self.document(), [RichBlock(spans=parse_inline(markdown))])
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
        # Typing right after a footnote marker must not type more footnote.
        if fmt.objectType() == NOTE_OBJECT:
            self.setCurrentCharFormat(plain_format(fmt))
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
        return fmt.anchorHref() if fmt.isAnchor() else ""

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

    # -- clipboard ----------------------------------------------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:
        data = super().createMimeDataFromSelection()
        data.setData(MARKDOWN_MIME, selection_markdown(self.textCursor()).encode("utf-8"))
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
