"""Undo and Redo actions whose text says what they undo, in natural Dutch.

Qt's own ``createUndoAction(prefix)`` glues the prefix before the command's text
("Ongedaan maken brief terug naar concept"); these read "Ongedaan maken: Terug naar
concept" and "Opnieuw: Voetnoot invoegen".
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

UNDO = "&Ongedaan maken"
REDO = "O&pnieuw"


def action_text(prefix: str, command: str) -> str:
    """``Ongedaan maken: Voetnoot invoegen`` (just the prefix when there is nothing to undo)."""
    command = command.strip()
    return f"{prefix}: {command[:1].upper()}{command[1:]}" if command else prefix


def _follow(action: QAction, prefix: str, text: str) -> None:
    action.setText(action_text(prefix, text))
    action.setToolTip(action_text(prefix.replace("&", ""), text))


def undo_actions(stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
    """Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y on Windows) on ``stack``, labelled with the step."""
    undo = QAction(UNDO, parent)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.triggered.connect(lambda _checked=False: stack.undo())
    redo = QAction(REDO, parent)
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    redo.triggered.connect(lambda _checked=False: stack.redo())
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(lambda text: _follow(undo, UNDO, text))
    stack.redoTextChanged.connect(lambda text: _follow(redo, REDO, text))
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    _follow(undo, UNDO, stack.undoText())
    _follow(redo, REDO, stack.redoText())
    return undo, redo
