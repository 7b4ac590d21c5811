"""The ministry's letterhead (a Word template or an emblem), shared by the team in the registry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.services import letters as letter_operations
from desktop.ui.common.tasks import TaskManager
from desktop.ui.common.widgets import ErrorLabel

EXPLANATION = (
    "Het briefhoofd staat in het register, zodat het hele team hetzelfde gebruikt. Kies het "
    "Word-sjabloon van uw ministerie (.dotx of .docx): de stijlen, kop- en voetteksten met "
    "embleem en woordmerk, het papierformaat en de marges worden overgenomen. Of kies alleen "
    "een embleem (.png of .jpg). Zonder briefhoofd staat de naam van het ministerie als tekst "
    "bovenaan."
)


class LetterheadFileDialog:
    """Which template or emblem to use."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """Returns the chosen file, or None."""
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            "Briefhoofd kiezen",
            str(Path.home()),
            "Word-sjablonen en emblemen (*.dotx *.docx *.png *.jpg *.jpeg)",
        )
        return Path(name) if name else None


class LetterheadDialog(QDialog):
    """Shows which letterhead the exports use; set or remove it."""

    def __init__(self, parent: QWidget | None, tasks: TaskManager) -> None:
        super().__init__(parent)
        self.setObjectName("briefhoofd")
        self.setWindowTitle("Briefhoofd van het ministerie")
        self.tasks = tasks
        intro = QLabel(EXPLANATION, self)
        intro.setWordWrap(True)
        self.current = QLabel(self)
        self.current.setObjectName("briefhoofd_huidig")
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = ErrorLabel(self)
        self.choose_button = QPushButton("Sjabloon of embleem &kiezen…", self)
        self.clear_button = QPushButton("Briefhoofd &verwijderen", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.current)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(self.clear)
        self.resize(560, 260)

    def reload(self) -> None:
        """Show the letterhead set now (read on the worker)."""
        self.tasks.run(letter_operations.letterhead_description, self._show, self._failed)

    def choose(self) -> None:
        """Ask for a template or emblem and store it (checked first; nothing half-stored)."""
        path = LetterheadFileDialog.ask(self)
        if path is None:
            return
        self.message.show_message("")
        self.tasks.run(
            lambda store: letter_operations.set_letterhead(store, path),
            lambda described: self._show(f"Ingesteld: {described}."),
            self._failed,
        )

    def clear(self) -> None:
        """Remove the letterhead: the ministry's name as text from now on."""
        self.message.show_message("")
        self.tasks.run(
            letter_operations.clear_letterhead,
            lambda removed: self.reload(),
            self._failed,
        )

    def _show(self, text: str) -> None:
        self.current.setText(text)

    def _failed(self, error: UserError) -> None:
        self.message.show_message(str(error))
