"""Text fields whose edits become undo commands, and Markdown helpers for the editors.

The text widgets' own undo is switched off: Ctrl+Z goes to the main window's stack, so
one shortcut undoes typing, a moved section and a ticked box alike.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor, QUndoCommand
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

# Panels hand their edits, as undo commands, to this (the main window's stack).
Push = Callable[[QUndoCommand], None]
HINT_STYLE = "color: #5f6368;"


def _is_undo_key(event: QEvent) -> bool:
    return (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        )
    )


class LineEdit(QLineEdit):
    """A line edit that leaves Ctrl+Z and Ctrl+Y to the window's undo actions."""

    def event(self, event: QEvent) -> bool:
        if _is_undo_key(event):
            event.ignore()
            return False
        return super().event(event)


class TextEdit(QPlainTextEdit):
    """A plain-text editor without its own undo history (the window's stack has it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(False)

    def event(self, event: QEvent) -> bool:
        if _is_undo_key(event):
            event.ignore()
            return False
        return super().event(event)


def widget_text(widget: QLineEdit | QPlainTextEdit) -> str:
    """The text of an editor; unlike ``toPlainText`` this keeps non-breaking spaces."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    return widget.document().toRawText().replace("\u2029", "\n")


def first_difference(old: str, new: str) -> int:
    """Where two texts start to differ (the cursor goes there after an undo)."""
    limit = min(len(old), len(new))
    index = 0
    while index < limit and old[index] == new[index]:
        index += 1
    return index


class TextBinding:
    """Keeps a text widget and a document value in step.

    ``read()`` gives the document's value; typing calls ``write(old, new)``, which
    pushes an undo command. :meth:`refresh` shows the document's value again after an
    undo, with the cursor where the text changed.
    """

    def __init__(
        self,
        widget: QLineEdit | QPlainTextEdit,
        read: Callable[[], str],
        write: Callable[[str, str], None],
    ) -> None:
        self.widget = widget
        self._read = read
        self._write = write
        self._updating = False
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(lambda _text: self._on_widget_text_changed())
        else:
            widget.textChanged.connect(self._on_widget_text_changed)

    def text(self) -> str:
        """What the widget shows (non-breaking spaces kept: citations need them)."""
        return widget_text(self.widget)

    def _on_widget_text_changed(self) -> None:
        if self._updating:
            return
        old, new = self._read(), self.text()
        if old != new:
            self._write(old, new)

    def refresh(self) -> None:
        """Show the document's value (unless the widget shows it already)."""
        value = self._read()
        shown = self.text()
        if value == shown:
            return
        position = first_difference(shown, value) + max(len(value) - len(shown), 0)
        self._updating = True
        try:
            widget = self.widget
            if isinstance(widget, QLineEdit):
                widget.setText(value)
                widget.setCursorPosition(min(position, len(value)))
            else:
                widget.setPlainText(value)
                cursor = widget.textCursor()
                cursor.setPosition(min(position, len(value)))
                widget.setTextCursor(cursor)
        finally:
            self._updating = False


# -- Markdown editing -------------------------------------------------------------------------


def wrap_selection(editor: QPlainTextEdit, before: str, after: str) -> None:
    """Put markup around the selection (or an empty pair, cursor inside): ``**…**``."""
    cursor = editor.textCursor()
    selected = cursor.selectedText().replace("\u2029", "\n")
    cursor.beginEditBlock()
    cursor.insertText(f"{before}{selected}{after}")
    cursor.endEditBlock()
    if not selected:
        cursor.movePosition(QTextCursor.MoveOperation.Left, n=len(after))
    editor.setTextCursor(cursor)
    editor.setFocus()


def insert_text(editor: QPlainTextEdit, text: str) -> None:
    """Insert text at the cursor (replacing a selection)."""
    cursor = editor.textCursor()
    cursor.insertText(text)
    editor.setTextCursor(cursor)
    editor.setFocus()
