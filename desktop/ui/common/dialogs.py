"""Dialogs that ask something: each has a classmethod ``ask`` returning the answer.

Tests replace ``ask`` (pytest-qt's note on dialogs), so no test ever runs a modal loop.
Dialogs never write to the store; the caller hands the answer to the core.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.dutch import format_date, parse_date
from desktop.core.domain.models import Motion
from desktop.core.errors import InvalidInput
from desktop.ui.common.widgets import ErrorLabel, add_error_row, dutch_buttons


class MessageBox:
    """Dutch message boxes behind classmethods (tests replace them)."""

    @classmethod
    def warn(cls, parent: QWidget | None, title: str, message: str) -> None:
        """Tell the user something went wrong that they can act on."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok)
        box.setParent(parent, box.windowFlags())
        box.exec()

    @classmethod
    def confirm(cls, parent: QWidget | None, title: str, message: str, action: str) -> bool:
        """Ask before doing something that cannot be undone; True to go ahead."""
        box = QMessageBox(
            QMessageBox.Icon.Question, title, message, QMessageBox.StandardButton.NoButton
        )
        box.setParent(parent, box.windowFlags())
        go = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton("Annuleren", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is go

    @classmethod
    def about(cls, parent: QWidget | None, title: str, html: str) -> None:
        """The Help > About box."""
        QMessageBox.about(parent, title, html)


@dataclass(frozen=True)
class SettleChoice:
    """The letter that settles a motion, and the settlement date."""

    kenmerk: str
    datum: dt.date


class SettleDialog(QDialog):
    """Asks the kenmerk of the letter that settles a motion ("Afdoen met brief…")."""

    def __init__(
        self, parent: QWidget | None, motion: Motion, kenmerken: Sequence[str] = ()
    ) -> None:
        super().__init__(parent)
        self.setObjectName("afdoen")
        self.setWindowTitle("Motie afdoen met brief")
        intro = QLabel(
            f"Met welke brief is {motion.name} ({motion.citation}) afgedaan? "
            "Een brief die nog niet in het register staat, wordt toegevoegd.",
            self,
        )
        intro.setWordWrap(True)
        self.kenmerk = QLineEdit(self)
        self.kenmerk.setPlaceholderText("bijvoorbeeld Min-BuZa.2020.396")
        if kenmerken:
            completer = QCompleter(list(kenmerken), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.kenmerk.setCompleter(completer)
        self.datum = QLineEdit(format_date(dt.date.today()), self)
        self.kenmerk_error = ErrorLabel(self)
        self.datum_error = ErrorLabel(self)
        form = QFormLayout()
        form.addRow("&Kenmerk van de brief", self.kenmerk)
        add_error_row(form, self.kenmerk_error)
        form.addRow("&Datum van afdoening", self.datum)
        add_error_row(form, self.datum_error)
        buttons = dutch_buttons(self, ok="Afdoen")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def choice(self) -> SettleChoice:
        """The answer.

        Raises:
            InvalidInput: for an empty kenmerk or an unreadable date.
        """
        kenmerk = self.kenmerk.text().strip()
        if not kenmerk:
            raise InvalidInput("Vul het kenmerk van de brief in.")
        return SettleChoice(kenmerk, parse_date(self.datum.text()))

    def validate(self) -> bool:
        """Show messages next to the fields; True when both are valid."""
        kenmerk = self.kenmerk.text().strip()
        self.kenmerk_error.show_message("" if kenmerk else "Vul het kenmerk van de brief in.")
        try:
            parse_date(self.datum.text())
        except InvalidInput as error:
            self.datum_error.show_message(str(error))
        else:
            self.datum_error.show_message("")
        return not self.kenmerk_error.message and not self.datum_error.message

    def _on_buttons_accepted(self) -> None:
        if self.validate():
            self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, motion: Motion, kenmerken: Sequence[str] = ()
    ) -> SettleChoice | None:
        """Returns the letter and date, or None when cancelled."""
        dialog = cls(parent, motion, kenmerken)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class FirstStart(enum.Enum):
    """What to start with when there is no registry yet."""

    DEMO = "demo"
    EMPTY = "leeg"


class FirstStartDialog(QDialog):
    """The welcome on first start: load the demo registry, or start empty."""

    def __init__(self, parent: QWidget | None, path: Path) -> None:
        super().__init__(parent)
        self.setObjectName("eerste_start")
        self.setWindowTitle("Welkom bij Voortgang")
        self.answer: FirstStart | None = None
        text = QLabel(
            "<h3>Welkom bij Voortgang</h3>"
            "<p>Er is nog geen register. Begin met het <b>demoregister</b> (de moties, "
            "convenanten en EU-dossiers uit de voortgangsbrief IMVO van februari 2020) "
            "om het programma te leren kennen, of met een <b>leeg register</b> voor uw "
            "eigen gegevens.</p>"
            f"<p style='color:#5f6368'>Het register komt in {path}.</p>",
            self,
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        demo = QPushButton("&Demoregister laden", self)
        empty = QPushButton("&Leeg register", self)
        cancel = QPushButton("Annuleren", self)
        demo.setDefault(True)
        demo.clicked.connect(lambda: self._choose(FirstStart.DEMO))
        empty.clicked.connect(lambda: self._choose(FirstStart.EMPTY))
        cancel.clicked.connect(self.reject)
        buttons = QVBoxLayout()
        for button in (demo, empty, cancel):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)

    def _choose(self, answer: FirstStart) -> None:
        self.answer = answer
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path) -> FirstStart | None:
        """Returns the choice, or None to quit."""
        dialog = cls(parent, path)
        try:
            dialog.exec()
            return dialog.answer
        finally:
            dialog.deleteLater()


class OpenFolderPrompt:
    """After saving a file: open the folder it is in?"""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, message: str) -> bool:
        """True to open the folder."""
        box = QMessageBox(QMessageBox.Icon.Information, title, message)
        box.setParent(parent, box.windowFlags())
        go = box.addButton("&Map openen", QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton("Sluiten", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(close)
        try:
            box.exec()
            return box.clickedButton() is go
        finally:
            box.deleteLater()


def open_folder(folder: Path) -> bool:
    """Show a folder in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
