"""Bewerken › Instellingen…: the name that signs status changes, settlements and versions.

The name is personal (each colleague signs with their own), so it is kept in the user's
QSettings, not in the shared registry; the main window hands it to the core at start.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.core.services import identity
from desktop.ui.common.widgets import dutch_buttons

USER_KEY = "gebruiker/naam"


class SettingsDialog(QDialog):
    """Asks the user's name; empty means the login name."""

    def __init__(self, parent: QWidget | None, current: str, login: str) -> None:
        super().__init__(parent)
        self.setObjectName("instellingen")
        self.setWindowTitle("Instellingen")
        self.name = QLineEdit(current, self)
        self.name.setObjectName("gebruikersnaam")
        self.name.setPlaceholderText(login)
        self.name.setMaxLength(identity.MAX_LENGTH)
        explanation = QLabel(
            "Met deze naam ondertekent Voortgang uw statuswijzigingen, afdoeningen en "
            f"versies van brieven. Leeg: uw inlognaam ({login}). Op een teamregister "
            "ondertekent de server met uw database-login.",
            self,
        )
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Uw &naam:", self.name)
        buttons = dutch_buttons(self, ok="Opslaan")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def value(self) -> str:
        """The name as it will be used (cleaned; empty for the login name)."""
        return identity.clean_user_name(self.name.text())

    @classmethod
    def ask(cls, parent: QWidget | None, current: str, login: str) -> str | None:
        """The chosen name ("" for the login name); None when cancelled."""
        dialog = cls(parent, current, login)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
