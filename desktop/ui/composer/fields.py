"""Text fields whose edits become undo commands, with spelling and autocorrect.

The text widgets' own undo is switched off: Ctrl+Z goes to the main window's stack, so
one shortcut undoes typing, a moved section and a ticked box alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QTextCursor,
    QUndoCommand,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget

from desktop.core.domain.autocorrect import correction
from desktop.ui.composer.spelling import SpellCheck, SpellHighlighter, add_spelling_actions

# Panels hand their edits, as undo commands, to this (the main window's stack).
Push = Callable[[QUndoCommand], None]
HINT_STYLE = "color: #5f6368;"


@dataclass(frozen=True, slots=True)
class Edit:
    """What kind of change a text widget made: typing merges, anything else is its own step.

    ``label`` names a step that is not typing (``Autocorrectie``, ``Spelling verbeteren``).
    """

    label: str | None = None

    @property
    def typing(self) -> bool:
        """True for plain typing (which merges with the typing before it)."""
        return self.label is None


TYPING = Edit()
# A binding's writer: the value before, the value after, and what kind of change it was.
Writer = Callable[[str, str, Edit], None]


class EditKinds:
    """Lets code that changes a text widget say what the change is, for the undo stack."""

    current_edit: Edit = TYPING

    @contextmanager
    def change(self, label: str) -> Iterator[None]:
        """Changes made inside are one undo step called ``label``, not typing."""
        before = self.current_edit
        self.current_edit = Edit(label)
        try:
            yield
        finally:
            self.current_edit = before


def _is_undo_key(event: QEvent) -> bool:
    return (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        )
    )


class LineEdit(EditKinds, QLineEdit):
    """A line edit that leaves Ctrl+Z and Ctrl+Y to the window's undo actions."""

    def event(self, event: QEvent) -> bool:
        if _is_undo_key(event):
            event.ignore()
            return False
        return super().event(event)


def _is_word_key(text: str) -> bool:
    return len(text) == 1 and (text.isalpha() or text in "'’-")


class SpellingEditing(EditKinds):
    """What the composer's multi-line editors share: spelling, autocorrect, no own undo.

    Mixed into a QPlainTextEdit (:class:`TextEdit`) or a QTextEdit (the formatted
    section editor); both offer the text cursor API used here.
    """

    autocorrect = True
    spell_check: SpellCheck | None = None
    highlighter: SpellHighlighter | None = None
    # Where the word being typed ends (not underlined until the user leaves it).
    typing_at: int | None = None

    def _qt(self) -> QTextEdit:
        return cast(QTextEdit, self)

    def enable_spelling(self, check: SpellCheck) -> None:
        """Check this editor's text with ``check`` (nothing happens without a dictionary)."""
        self.spell_check = check
        if check.available and self.highlighter is None:
            self.highlighter = SpellHighlighter(
                self._qt().document(), check, lambda: self.typing_at
            )

    def _stop_typing(self) -> None:
        position, self.typing_at = self.typing_at, None
        if position is not None and self.highlighter is not None:
            block = self._qt().document().findBlock(position)
            if block.isValid():
                self.highlighter.rehighlightBlock(block)

    def _before_key(self, event: QKeyEvent) -> bool:
        """Called before a key is handled; True when it types part of a word."""
        editor = self._qt()
        word_key = _is_word_key(event.text()) and not editor.isReadOnly()
        if word_key:
            self.typing_at = editor.textCursor().selectionStart() + 1
        return word_key

    def _after_key(self, event: QKeyEvent, word_key: bool) -> None:
        editor = self._qt()
        if word_key:
            self.typing_at = editor.textCursor().position()
        else:
            self._stop_typing()
        text = event.text()
        if text and self.autocorrect and not editor.isReadOnly():
            self._autocorrect(text)

    def context_menu(self, position: QPoint) -> QMenu:
        """The right-click menu at ``position``: spelling first, then Qt's own (in Dutch)."""
        editor = self._qt()
        menu = editor.createStandardContextMenu(position)
        for action in menu.actions():
            # This widget keeps no undo history; the window's Ctrl+Z is the one to use.
            if action.objectName() in ("edit-undo", "edit-redo"):
                menu.removeAction(action)
        check = self.spell_check
        if check is not None and check.available and not editor.isReadOnly():
            spot = editor.cursorForPosition(position).position()
            add_spelling_actions(menu, editor, check, spot, self._replace_word)
        return menu

    # Shared by the plain and the formatted editor (the Qt class follows in their bases).
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._stop_typing()
        super().mousePressEvent(event)  # type: ignore[misc]

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._stop_typing()
        super().focusOutEvent(event)  # type: ignore[misc]

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self._show_context_menu(event)

    def _show_context_menu(self, event: QContextMenuEvent) -> None:
        self._stop_typing()
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _replace_word(self, cursor: QTextCursor, text: str) -> None:
        with self.change("Spelling verbeteren"):
            cursor.insertText(text)
        self._qt().setTextCursor(cursor)

    def _autocorrect(self, typed: str) -> None:
        editor = self._qt()
        cursor = editor.textCursor()
        if cursor.hasSelection():
            return
        before = cursor.block().text()[: cursor.positionInBlock()]
        fix = correction(before, typed)
        if fix is None:
            return
        cursor.movePosition(
            QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, fix.length
        )
        with self.change("Autocorrectie"):
            cursor.insertText(fix.text)
        editor.setTextCursor(cursor)


class TextEdit(SpellingEditing, QPlainTextEdit):
    """A plain-text editor without its own undo history (the window's stack has it).

    With :meth:`enable_spelling` it underlines unknown words and offers corrections on a
    right click; typed quotes, ``--`` and ``...`` become „…”, – and … (each its own undo
    step, so Ctrl+Z gives back what was typed).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(False)

    def event(self, event: QEvent) -> bool:
        if _is_undo_key(event):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        word_key = self._before_key(event)
        super().keyPressEvent(event)
        self._after_key(event, word_key)


def widget_text(widget: QLineEdit | QPlainTextEdit | QTextEdit) -> str:
    """The text of an editor as stored; unlike ``toPlainText`` this keeps non-breaking spaces.

    A formatted editor gives its Markdown.
    """
    if isinstance(widget, QLineEdit):
        return widget.text()
    markdown = getattr(widget, "markdown", None)
    if callable(markdown):
        return str(markdown())
    return widget.document().toRawText().replace("\u2029", "\n")


def first_difference(old: str, new: str) -> int:
    """Where two texts start to differ: how many leading characters they share.

    The cursor goes there after an undo, and typing merges by it on every keystroke. By
    halving with slice comparisons (done in C): a section holds thousands of characters,
    where a loop over them cost milliseconds a key.
    """
    low, high = 0, min(len(old), len(new))
    while low < high:
        middle = (low + high + 1) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


class TextBinding:
    """Keeps a text widget and a document value in step.

    ``read()`` gives the document's value; typing calls ``write(old, new, edit)``, which
    pushes an undo command (``edit`` says whether it was typing or a named change). :meth:`refresh` shows the document's value again after an
    undo, with the cursor where the text changed.
    """

    def __init__(
        self,
        widget: LineEdit | SpellingEditing,
        read: Callable[[], str],
        write: Writer,
    ) -> None:
        self.widget = widget
        self._read = read
        self._write = write
        self._updating = False
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(lambda _text: self._on_widget_text_changed())
        else:
            widget._qt().textChanged.connect(self._on_widget_text_changed)

    def text(self) -> str:
        """What the widget shows (non-breaking spaces kept: citations need them)."""
        widget = self.widget
        return widget_text(widget if isinstance(widget, QLineEdit) else widget._qt())

    def _on_widget_text_changed(self) -> None:
        if self._updating:
            return
        old, new = self._read(), self.text()
        if old != new:
            self._write(old, new, self.widget.current_edit)

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
            show_markdown = getattr(widget, "show_markdown", None)
            if isinstance(widget, QLineEdit):
                widget.setText(value)
                widget.setCursorPosition(min(position, len(value)))
            elif callable(show_markdown):
                show_markdown(value)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
                cursor = widget.textCursor()
                cursor.setPosition(min(position, len(value)))
                widget.setTextCursor(cursor)
        finally:
            self._updating = False
