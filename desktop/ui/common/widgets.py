"""Small widgets shared by the dialogs: inline error labels, banners, Dutch buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QWidget

ERROR_STYLE = "color: #a0281b;"
BANNER_STYLE = (
    "background: #fbe3e1; color: #6e1a10; border: 1px solid #e6b3ad;"
    " border-radius: 4px; padding: 8px;"
)


class ErrorLabel(QLabel):
    """A Dutch message next to a field; hidden while there is nothing to say.

    In a form, add it with :func:`add_error_row`: the whole row is then hidden while
    the field is fine, so an empty message leaves no gap between the fields.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.message = ""
        self._form: QFormLayout | None = None
        self.hide()

    def show_message(self, message: str) -> None:
        """Show a message, or hide the label (and its form row) for an empty one."""
        self.message = message
        self.setText(message)
        if self._form is not None:
            self._form.setRowVisible(self, bool(message))
        else:
            self.setVisible(bool(message))


def add_error_row(form: QFormLayout, error: ErrorLabel) -> None:
    """Put an error label under the previous field, as a row that is hidden while empty."""
    form.addRow("", error)
    error._form = form
    form.setRowVisible(error, bool(error.message))


def banner(parent: QWidget, message: str | None) -> QLabel:
    """A message box at the top of a dialog (why the last save did not succeed)."""
    label = QLabel(message or "", parent)
    label.setObjectName("melding")
    label.setWordWrap(True)
    label.setStyleSheet(BANNER_STYLE)
    label.setVisible(bool(message))
    return label


def dutch_buttons(
    parent: QWidget, *, ok: str = "OK", cancel: str = "Annuleren"
) -> QDialogButtonBox:
    """OK/Cancel buttons with Dutch labels (Qt's own translations may be missing)."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    return box


def make_action(
    owner: QObject,
    text: str,
    slot: Callable[[], object],
    shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
    *,
    window: QWidget | None = None,
) -> QAction:
    """An action that calls ``slot`` (without Qt's ``checked`` argument).

    With ``window`` the action is also added to that window, so its shortcut works anywhere in it.
    """
    action = QAction(text, owner)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    if window is not None:
        window.addAction(action)
    return action
