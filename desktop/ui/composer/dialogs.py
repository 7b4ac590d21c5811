"""The composer's questions, each behind a classmethod ``ask`` that tests replace."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services.letters import Citation
from desktop.ui.common.dialogs import OpenFolderPrompt
from desktop.ui.common.widgets import banner, dutch_buttons

SEARCH_DELAY_MS = 120


def _message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: Sequence[tuple[str, QMessageBox.ButtonRole]],
    default: int = 0,
) -> int | None:
    """A message box with Dutch buttons; returns the index of the button pressed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    made = [box.addButton(label, role) for label, role in buttons]
    box.setDefaultButton(made[default])
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return made.index(clicked) if clicked in made else None


class CloseChoice(enum.Enum):
    """What to do with unsaved changes."""

    SAVE = "opslaan"
    DISCARD = "niet opslaan"
    CANCEL = "annuleren"


class UnsavedChangesDialog:
    """Opslaan / Niet opslaan / Annuleren before closing a letter with changes."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> CloseChoice:
        """Returns the choice (Escape cancels)."""
        answer = _message_box(
            parent,
            QMessageBox.Icon.Question,
            "Wijzigingen opslaan?",
            f"De brief ‘{title}’ heeft wijzigingen die nog niet zijn opgeslagen.",
            [
                ("&Opslaan", QMessageBox.ButtonRole.AcceptRole),
                ("&Niet opslaan", QMessageBox.ButtonRole.DestructiveRole),
                ("Annuleren", QMessageBox.ButtonRole.RejectRole),
            ],
        )
        return [CloseChoice.SAVE, CloseChoice.DISCARD, CloseChoice.CANCEL][
            2 if answer is None else answer
        ]


class ConflictChoice(enum.Enum):
    """Which version wins after someone else saved the letter meanwhile."""

    OVERWRITE = "mijn versie"
    LOAD_OTHER = "andere versie"


class ConflictDialog:
    """The letter changed elsewhere: keep mine (overwrite) or load the other version."""

    @classmethod
    def ask(cls, parent: QWidget | None, message: str) -> ConflictChoice | None:
        """Returns the choice, or None to decide later (nothing is saved or lost)."""
        answer = _message_box(
            parent,
            QMessageBox.Icon.Warning,
            "Brief elders gewijzigd",
            message
            + "\n\nBij ‘Andere versie laden’ haalt Ongedaan maken (Ctrl+Z) uw eigen tekst terug.",
            [
                ("&Mijn versie bewaren (overschrijven)", QMessageBox.ButtonRole.AcceptRole),
                ("&Andere versie laden", QMessageBox.ButtonRole.DestructiveRole),
                ("Annuleren", QMessageBox.ButtonRole.RejectRole),
            ],
        )
        if answer == 0:
            return ConflictChoice.OVERWRITE
        if answer == 1:
            return ConflictChoice.LOAD_OTHER
        return None


class RestoreDraftDialog:
    """A draft from a session that did not end normally: restore it?"""

    @classmethod
    def ask(cls, parent: QWidget | None, saved_at: dt.datetime | None) -> bool:
        """True to restore the draft, False to throw it away."""
        when = f" van {saved_at.strftime('%d-%m-%Y %H:%M')}" if saved_at else ""
        answer = _message_box(
            parent,
            QMessageBox.Icon.Question,
            "Concept herstellen?",
            f"Er is een automatisch bewaard concept{when} van deze brief met wijzigingen die "
            "niet zijn opgeslagen (Voortgang is misschien niet normaal afgesloten).\n\n"
            "Wilt u dat concept herstellen?",
            [
                ("&Herstellen", QMessageBox.ButtonRole.AcceptRole),
                ("&Weggooien", QMessageBox.ButtonRole.DestructiveRole),
            ],
        )
        return answer != 1


class ExportFileDialog:
    """Where to save the Word file."""

    last_folder: str = ""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        """Returns the chosen .docx path, or None."""
        start = Path(cls.last_folder) / suggested.name if cls.last_folder else suggested
        name, _filter = QFileDialog.getSaveFileName(
            parent, "Brief exporteren", str(start), "Word-documenten (*.docx)"
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        cls.last_folder = str(path.parent)
        return path


class OpenFolderDialog:
    """After an export: open the folder?"""

    @classmethod
    def ask(cls, parent: QWidget | None, message: str) -> bool:
        """True to open the folder."""
        return OpenFolderPrompt.ask(parent, "Brief geëxporteerd", message)


class ItemPickerDialog(QDialog):
    """Choose registry items (open motions or commitments) with check boxes and a filter."""

    def __init__(
        self, parent: QWidget | None, title: str, choices: Sequence[tuple[int, str, str]]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kiezer")
        self.setWindowTitle(title)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filteren…")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        for item_id, label, detail in choices:
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setToolTip(detail)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        empty = QLabel("Er is niets meer om te kiezen: alles staat al in de brief.", self)
        empty.setVisible(not choices)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.list.itemDoubleClicked.connect(self._on_list_item_double_clicked)
        buttons = dutch_buttons(self, ok="Toevoegen")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _on_filter_text_changed(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = f"{item.text()} {item.toolTip()}".casefold()
            item.setHidden(not all(word in haystack for word in words))

    def _on_list_item_double_clicked(self, item: QListWidgetItem) -> None:
        item.setCheckState(Qt.CheckState.Checked)
        self.accept()

    def chosen(self) -> list[int]:
        """The ids checked, in list order."""
        return [
            int(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, choices: Sequence[tuple[int, str, str]]
    ) -> list[int]:
        """Returns the ids chosen (empty when cancelled)."""
        dialog = cls(parent, title, choices)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else []
        finally:
            dialog.deleteLater()


CitationSearch = Callable[[str, Callable[[list[Citation]], None]], None]


class CitationPickerDialog(QDialog):
    """Find a motion or Kamerstuk in the registry and insert a citation of it (search as you type)."""

    def __init__(self, parent: QWidget | None, search: CitationSearch) -> None:
        super().__init__(parent)
        self.setObjectName("citaat")
        self.setWindowTitle("Verwijzing invoegen")
        self._search = search
        self._asked = ""
        self.query = QLineEdit(self)
        self.query.setPlaceholderText("Zoek een motie of Kamerstuk (woorden of nummer)…")
        self.query.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.hint = banner(self, None)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = dutch_buttons(self, ok="Invoegen")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(680, 440)
        self._on_timer_timeout()

    def _on_timer_timeout(self) -> None:
        text = self.query.text()
        self._asked = text
        self._search(text, lambda found: self._on_found(text, found))

    def _on_found(self, text: str, found: list[Citation]) -> None:
        if text != self._asked:
            return  # an older search answered late
        self.list.clear()
        for citation in found:
            item = QListWidgetItem(citation.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, citation)
            item.setToolTip(citation.text.replace("\u00a0", " "))
        if found:
            self.list.setCurrentRow(0)

    def citation(self) -> Citation | None:
        """The citation of the selected item (its text and the registry item it names)."""
        item = self.list.currentItem()
        found = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return found if isinstance(found, Citation) else None

    @classmethod
    def ask(cls, parent: QWidget | None, search: CitationSearch) -> Citation | None:
        """Returns the citation to insert, or None."""
        dialog = cls(parent, search)
        try:
            return dialog.citation() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
