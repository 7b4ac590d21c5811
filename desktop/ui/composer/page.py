"""The Secties tab's page: formatted editors as tall as their text.

A :class:`TextBlock` shows one of the letter's texts (see :mod:`parts`): a heading and the
paragraph's opening when the letter prints one before it (a motion's name and request),
then the editor. Typing becomes the same undo commands as in the
other tabs (:func:`commands.edit_command`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QScrollBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.composer import commands
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.editor import RichTextEdit
from desktop.ui.composer.fields import Edit, Push, TextBinding
from desktop.ui.composer.parts import Part, part_text

LEAD_STYLE = "color: #444a52;"
HEADING_STYLE = "font-weight: bold; font-size: 11pt; color: #1f2328;"
# The editors sit on the page like its text; the one with the cursor has a quiet mark.
EDITOR_STYLE = (
    "QTextEdit { background: white; border: none; border-left: 3px solid transparent;"
    " padding-left: 3px; }"
    "QTextEdit:focus { border-left: 3px solid #b9cbe6; }"
)


class PageEditor(RichTextEdit):
    """A formatted editor on the page: as tall as its text, so the page scrolls, not the editor.

    ``activated`` says the user works in it (focus, a key, a click); ``cursor_shown``
    asks the page to scroll to the cursor.
    """

    activated = Signal()
    cursor_shown = Signal()
    # Up on the first line or Down on the last: on to the text above (-1) or below (+1).
    left = Signal(int)
    # The page's scroll bar: the mouse wheel scrolls the page (the editor never scrolls).
    wheel_target: QScrollBar | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(EDITOR_STYLE)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self._fit()

    def _fit(self) -> None:
        margins = self.contentsMargins()
        height = math.ceil(self.document().size().height()) + margins.top() + margins.bottom()
        self.setFixedHeight(max(height, self.fontMetrics().lineSpacing() * 2 + 8))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.activated.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.activated.emit()
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            cursor = self.textCursor()
            down = key == Qt.Key.Key_Down
            move = QTextCursor.MoveOperation.Down if down else QTextCursor.MoveOperation.Up
            if not cursor.movePosition(move):
                self.left.emit(1 if down else -1)  # as in Word: the page is one text
                return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.activated.emit()
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.wheel_target is None:
            super().wheelEvent(event)
        else:
            QApplication.sendEvent(self.wheel_target, event)

    def ensureCursorVisible(self) -> None:
        super().ensureCursorVisible()
        self.cursor_shown.emit()


class TextBlock(QWidget):
    """One of the letter's texts on the page: an optional opening (read-only) and its editor.

    ``part`` says which text it shows; the block can be moved to another.
    """

    def __init__(
        self, document: ComposerDocument, push: Push, placeholder: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.document, self._push = document, push
        self.part: Part | None = None
        self.heading = QLabel("", self)
        self.heading.setStyleSheet(HEADING_STYLE + " padding-left: 6px;")
        self.heading.hide()
        self.lead = QLabel("", self)
        self.lead.setObjectName("alinea_begin")
        self.lead.setWordWrap(True)
        self.lead.setTextFormat(Qt.TextFormat.RichText)
        self.lead.setStyleSheet(LEAD_STYLE)
        self.lead.setContentsMargins(10, 0, 0, 0)
        self.lead.hide()
        self.editor = PageEditor(self)
        self.editor.setPlaceholderText(placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.lead)
        layout.addWidget(self.editor)
        self.binding = TextBinding(self.editor, self.read, self.write)

    def read(self) -> str:
        """The stored text this block shows."""
        return "" if self.part is None else part_text(self.document.content, self.part)

    def write(self, old: str, new: str, edit: Edit) -> None:
        if self.part is not None:
            self._push(commands.edit_command(self.document, self.part, old, new, edit))

    def show_part(self, part: Part | None) -> None:
        """Show another text (its top), or the same one as stored now."""
        moved = part != self.part
        self.part = part
        self.binding.refresh()
        if moved:
            self.editor.moveCursor(QTextCursor.MoveOperation.Start)

    def editors(self) -> list[RichTextEdit]:
        """The block's editors."""
        return [self.editor]
