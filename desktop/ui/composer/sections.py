"""The composer's "Secties" tab: add, remove and reorder sections; formatted text, a toolbar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.models import LetterCommitment, LetterMotion, LetterSection
from desktop.core.drafting.richtext import count_notes
from desktop.ui.composer import commands
from desktop.ui.composer import editor as rich_editor
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.editor import BULLETS, NUMBERS, NotePane, RichTextEdit
from desktop.ui.composer.fields import Edit, LineEdit, Push, TextBinding, Writer


class SectionsPanel(QWidget):
    """The sections: add, remove, reorder; title and Markdown text with a small toolbar."""

    citation_requested = Signal()

    def __init__(self, document: ComposerDocument, push: Push, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._push = push
        self.list = QListView(self)
        self.list.setObjectName("secties")
        self.list.setModel(document.sections)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = QPushButton("&Toevoegen", self)
        self.remove_button = QPushButton("Ver&wijderen", self)
        self.up_button = QPushButton("Om&hoog", self)
        self.down_button = QPushButton("Om&laag", self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(buttons)

        self.title = LineEdit(self)
        self.title.setObjectName("sectie_titel")
        self.title.setPlaceholderText("Titel van de sectie")
        self.text = RichTextEdit(self)
        self.text.setObjectName("sectie_tekst")
        self.text.setPlaceholderText("Tekst van de sectie")
        self.note_pane = NotePane(self.text, self)
        self.note_text = self.note_pane.text
        self.toolbar = QHBoxLayout()
        # Ctrl+B and Ctrl+I belong to the editor with the cursor (the text or a footnote).
        self.bold_button = self._tool("V", "Vet (Ctrl+B)", self._bold, None, checkable=True)
        self.italic_button = self._tool("C", "Cursief (Ctrl+I)", self._italic, None, checkable=True)
        self.bullets_button = self._tool(
            "• Opsomming", "Opsomming", lambda: self._list(BULLETS), None, checkable=True
        )
        self.numbers_button = self._tool(
            "1. Nummering", "Genummerde lijst", lambda: self._list(NUMBERS), None, checkable=True
        )
        self.heading_button = self._tool("Kop", "Tussenkop", self._heading, None, checkable=True)
        self.link_button = self._tool(
            "Link…", "Link naar een webadres (Ctrl+K)", self._link, "Ctrl+K", checkable=True
        )
        self.note_button = self._tool(
            "Voetnoot", "Voetnoot invoegen (Ctrl+Shift+F)", self._note, "Ctrl+Shift+F"
        )
        self.cite_button = self._tool(
            "Verwijzing invoegen…",
            "Een motie of Kamerstuk uit het register, in briefstijl (Ctrl+Shift+K)",
            self.citation_requested.emit,
            "Ctrl+Shift+K",
        )
        bold_font = self.bold_button.font()
        bold_font.setBold(True)
        self.bold_button.setFont(bold_font)
        italic_font = self.italic_button.font()
        italic_font.setItalic(True)
        self.italic_button.setFont(italic_font)
        self.toolbar.addStretch(1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addLayout(self.toolbar)
        right_layout.addWidget(self.text, 1)
        right_layout.addWidget(self.note_pane)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("secties_splitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 460])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.title_binding = TextBinding(
            self.title, lambda: self._section_value("titel"), self._writer("titel")
        )
        self.text_binding = TextBinding(
            self.text, lambda: self._section_value("tekst"), self._writer("tekst")
        )
        self.add_button.clicked.connect(self.add_section)
        self.remove_button.clicked.connect(self.remove_section)
        self.up_button.clicked.connect(lambda: self.move_section(-1))
        self.down_button.clicked.connect(lambda: self.move_section(1))
        self.list.selectionModel().currentRowChanged.connect(lambda *_args: self._show_current())
        document.section_changed.connect(self._on_document_section_changed)
        document.sections.rowsInserted.connect(lambda *_args: self._update_buttons())
        document.sections.rowsRemoved.connect(lambda *_args: self._show_current())
        document.sections.modelReset.connect(self._on_sections_model_reset)
        self.text.format_changed.connect(self._show_format)
        self._read_only = False
        self._shown_row = -1
        self._show_current()

    def _tool(
        self,
        text: str,
        tip: str,
        slot: Callable[[], None],
        shortcut: str | None,
        *,
        checkable: bool = False,
    ) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        if shortcut:
            button.setShortcut(shortcut)
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRaise(False)
        button.clicked.connect(lambda _checked=False: slot())
        self.toolbar.addWidget(button)
        return button

    # -- current section ------------------------------------------------------------------------

    def current_row(self) -> int:
        """The selected section (-1: none)."""
        index = self.list.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, row: int) -> None:
        """Make a section current."""
        if 0 <= row < self.document.sections.rowCount():
            self.list.selectionModel().setCurrentIndex(
                self.document.sections.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )
        self._show_current()

    def _section_value(self, name: str) -> str:
        row = self.current_row()
        sections = self.document.content.sections
        return str(getattr(sections[row], name)) if 0 <= row < len(sections) else ""

    def _writer(self, name: str) -> Writer:
        def write(old: str, new: str, edit: Edit) -> None:
            row = self.current_row()
            if row >= 0:
                self._push(
                    commands.SetSectionFieldCommand(self.document, row, name, old, new, edit)
                )

        return write

    def _show_current(self) -> None:
        row = self.current_row()
        for widget in (self.title, self.text):
            widget.setEnabled(row >= 0)
        self._number_notes()
        self.title_binding.refresh()
        self.text_binding.refresh()
        if row != self._shown_row:
            # Another section: start reading at its top, not where the last one ended.
            self._shown_row = row
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self._update_buttons()

    def _on_sections_model_reset(self) -> None:
        self.select(0)

    def _on_document_section_changed(self, row: int) -> None:
        if row != self.current_row():
            self.select(row)  # an undo elsewhere: show what changed
        self.title_binding.refresh()
        self.text_binding.refresh()

    def _update_buttons(self) -> None:
        row, count = self.current_row(), self.document.sections.rowCount()
        editable = not self._read_only
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < count - 1)
        for button in [*self.format_buttons(), self.note_button, self.cite_button]:
            button.setEnabled(editable and row >= 0)

    def set_read_only(self, read_only: bool) -> None:
        """A definitive letter is shown, not edited."""
        self._read_only = read_only
        self.title.setReadOnly(read_only)
        self.text.setReadOnly(read_only)
        self._update_buttons()

    # -- structure ------------------------------------------------------------------------------

    def add_section(self, title: str = "Nieuwe sectie") -> None:
        """Add a section after the current one and select its title."""
        row = (
            self.current_row() + 1 if self.current_row() >= 0 else self.document.sections.rowCount()
        )
        self._push(commands.AddSectionCommand(self.document, row, LetterSection(titel=title)))
        self.select(row)
        self.title.setFocus()
        self.title.selectAll()

    def remove_section(self) -> None:
        """Remove the current section (undo brings it back)."""
        row = self.current_row()
        if row >= 0:
            self._push(commands.RemoveSectionCommand(self.document, row))
            self.select(min(row, self.document.sections.rowCount() - 1))

    def move_section(self, step: int) -> None:
        """Move the current section up (-1) or down (+1)."""
        row = self.current_row()
        target = row + step
        if row >= 0 and 0 <= target < self.document.sections.rowCount():
            self._push(commands.MoveSectionCommand(self.document, row, target))
            self.select(target)

    # -- formatting toolbar ---------------------------------------------------------------------

    def format_buttons(self) -> list[QToolButton]:
        """The buttons that show the format at the cursor."""
        return [
            self.bold_button,
            self.italic_button,
            self.bullets_button,
            self.numbers_button,
            self.heading_button,
            self.link_button,
        ]

    def _show_format(self) -> None:
        editor = self.text
        states = (
            editor.is_bold(),
            editor.currentCharFormat().fontItalic(),
            editor.list_kind() == BULLETS,
            editor.list_kind() == NUMBERS,
            editor.heading_level() > 0,
            bool(editor.link()),
        )
        for button, state in zip(self.format_buttons(), states, strict=True):
            button.setChecked(state)

    def _editable(self) -> bool:
        return self.current_row() >= 0 and not self._read_only

    def _bold(self) -> None:
        if self._editable():
            self.text.toggle_bold()
        self._show_format()

    def _italic(self) -> None:
        if self._editable():
            self.text.toggle_italic()
        self._show_format()

    def _list(self, kind: str) -> None:
        if self._editable():
            self.text.toggle_list(kind)
        self._show_format()

    def _heading(self) -> None:
        if self._editable():
            self.text.toggle_heading()
        self._show_format()

    def _link(self) -> None:
        if self._editable():
            url = rich_editor.ask_link(self, self.text.link())
            if url is not None:
                self.text.set_link(url)
        self._show_format()

    def _note(self) -> None:
        if self._editable():
            position = self.text.insert_note()
            self.note_pane.edit(position)

    def _number_notes(self) -> None:
        """Footnote markers count on from the notes before this section (as in Word)."""
        row = self.current_row()
        content = self.document.content
        before = count_notes(content.meta.get("inleiding", ""))
        before += sum(count_notes(s.tekst) for s in content.sections[: max(row, 0)])
        # Motion and commitment responses are printed in their sections, after the text.
        items: list[LetterMotion | LetterCommitment] = [*content.motions, *content.commitments]
        before += sum(
            count_notes(item.response)
            for item in items
            if item.section_index is not None and item.section_index < row
        )
        if before != self.text.notes.offset:
            self.text.notes.offset = before
            self.text.viewport().update()
