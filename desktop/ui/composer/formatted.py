"""A formatted text field outside the Secties page: a motion's response, the introduction.

:class:`FormattedField` is a :class:`RichTextEdit` with a small toolbar (vet, cursief,
opsomming, link, voetnoot, verwijzing) that shows the format at the cursor, and the
footnote at the cursor edited below it, as on the Secties page. The same text is stored
as our Markdown, so the field and the page it also appears on show one text.

Its shortcuts (Ctrl+K, Ctrl+Shift+F, Ctrl+Shift+K) only work while the cursor is in the
field, so two fields on one tab never compete for a key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from desktop.ui.composer import editor as rich_editor
from desktop.ui.composer.editor import BULLETS, NotePane, RichTextEdit


class FormattedField(QWidget):
    """One formatted text with its toolbar and its footnote pane.

    ``citation_requested`` asks the composer for a citation from the registry, to be
    inserted where the cursor is (in the footnote when that has the cursor).
    """

    citation_requested = Signal(RichTextEdit)

    def __init__(self, parent: QWidget | None = None, *, lines: int = 0) -> None:
        super().__init__(parent)
        self.editor = RichTextEdit(self)
        if lines:  # a field in a form: as tall as its lines, the form does not stretch it
            self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * lines + 14)
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.note_pane = NotePane(self.editor, self)
        self.note_text = self.note_pane.text
        self.toolbar = QHBoxLayout()
        self.toolbar.setSpacing(2)
        self.bold_button = self._tool("V", "Vet (Ctrl+B)", self.editor.toggle_bold, checkable=True)
        self.italic_button = self._tool(
            "C", "Cursief (Ctrl+I)", self.editor.toggle_italic, checkable=True
        )
        self.bullets_button = self._tool(
            "• Opsomming", "Opsomming", lambda: self.editor.toggle_list(BULLETS), checkable=True
        )
        self.link_button = self._tool(
            "Link…", "Link naar een webadres (Ctrl+K)", self._link, "Ctrl+K", checkable=True
        )
        self.note_button = self._tool(
            "Voetnoot", "Voetnoot invoegen (Ctrl+Shift+F)", self._note, "Ctrl+Shift+F"
        )
        self.cite_button = self._tool(
            "Verwijzing invoegen…",
            "Een motie of Kamerstuk uit het register, in briefstijl (Ctrl+Shift+K)",
            self._cite,
            "Ctrl+Shift+K",
        )
        for button, attribute in ((self.bold_button, "bold"), (self.italic_button, "italic")):
            font = button.font()
            if attribute == "bold":
                font.setBold(True)
            else:
                font.setItalic(True)
            button.setFont(font)
        self.toolbar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.note_pane)
        self.editor.format_changed.connect(self._show_format)
        self._show_format()

    def _tool(
        self,
        text: str,
        tip: str,
        slot: Callable[[], None],
        shortcut: str | None = None,
        *,
        checkable: bool = False,
    ) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        def act() -> None:
            if not self.editor.isReadOnly() and self.editor.isEnabled():
                slot()
            self._show_format()

        button.clicked.connect(lambda _checked=False: act())
        if shortcut:
            key = QShortcut(QKeySequence(shortcut), self)
            key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key.activated.connect(act)
        self.toolbar.addWidget(button)
        return button

    def editors(self) -> list[RichTextEdit]:
        """The field's editors: its text and its footnote."""
        return [self.editor, self.note_text]

    def set_read_only(self, read_only: bool) -> None:
        """A definitive letter is shown, not edited."""
        self.editor.setReadOnly(read_only)
        self.note_text.setReadOnly(read_only)
        self._show_format()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self._show_format()

    def _show_format(self) -> None:
        editor = self.editor
        editable = editor.isEnabled() and not editor.isReadOnly()
        states = (
            (self.bold_button, editor.is_bold()),
            (self.italic_button, editor.currentCharFormat().fontItalic()),
            (self.bullets_button, editor.list_kind() == BULLETS),
            (self.link_button, bool(editor.link())),
        )
        for button, state in states:
            button.setChecked(state)
            button.setEnabled(editable)
        self.note_button.setEnabled(editable)
        self.cite_button.setEnabled(editable)

    def _link(self) -> None:
        url = rich_editor.ask_link(self, self.editor.link())
        if url is not None:
            self.editor.set_link(url)

    def _note(self) -> None:
        if self.note_text.hasFocus():
            return  # no footnote inside a footnote
        position = self.editor.insert_note()
        self.note_pane.edit(position)

    def _cite(self) -> None:
        in_note = self.note_pane.showing_note_at_cursor() and self.note_text.hasFocus()
        self.citation_requested.emit(self.note_text if in_note else self.editor)
