"""The "Versies" window of a letter: every export's snapshot, and two of them compared."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.models import Letter
from desktop.core.errors import UserError
from desktop.core.planning.versions import TrackedChanges, VersionComparison, VersionInfo
from desktop.core.services import letters as letter_operations
from desktop.core.services import planning as planning_operations
from desktop.ui.common.tasks import TaskManager
from desktop.ui.common.widgets import ErrorLabel
from desktop.ui.planning.html import hint, text_diff_html
from desktop.ui.planning.models import VersionTableModel, moment
from desktop.ui.planning.sections import SectionDiffPane, setup_table

NO_VERSIONS = "Deze brief is nog niet geëxporteerd; elke export bewaart een versie."
ONE_VERSION = "Er is één versie; na de volgende export kunt u twee versies vergelijken."


class TrackedChangesFileDialog:
    """Where to save the newer version with its changes as tracked changes."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        """Returns the chosen .docx path, or None."""
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            "Wijzigingen opslaan als Word-bestand",
            str(suggested),
            "Word-documenten (*.docx)",
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx")


class VersionsDialog(QDialog):
    """Lists a letter's versions and compares two of them (not modal: it only reads)."""

    def __init__(self, parent: QWidget | None, tasks: TaskManager, letter: Letter) -> None:
        super().__init__(parent)
        assert letter.id is not None
        self.setObjectName("versies")
        # Closing the main window ends the program, also while this one is open.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setWindowTitle(f"Versies – {planning_operations.letter_label(letter)}")
        self.tasks = tasks
        self.letter = letter
        self._generation = 0
        self.model = VersionTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("versies_tabel")
        self.table.setModel(self.model)
        setup_table(self.table, self.model)
        self.table.setMaximumHeight(160)
        self.old_box = QComboBox(self)
        self.old_box.setObjectName("versies_oud")
        self.new_box = QComboBox(self)
        self.new_box.setObjectName("versies_nieuw")
        for box in (self.old_box, self.new_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.compare_button = QPushButton("&Vergelijken", self)
        self.compare_button.setEnabled(False)
        self.tracked_button = QPushButton("Wijzigingen als &Word-bestand…", self)
        self.tracked_button.setToolTip(
            "Schrijf de nieuwe versie als Word-bestand met de verschillen als bijgehouden "
            "wijzigingen, die een lezer in Word kan accepteren of weigeren"
        )
        self.tracked_button.setEnabled(False)
        self.last_tracked: Path | None = None
        self.message = ErrorLabel(self)
        self.note = QLabel(self)
        self.note.setStyleSheet("color: #5f6368;")
        self.note.setWordWrap(True)
        self.sections = SectionDiffPane("versies", self)
        self.text = QTextBrowser(self)
        self.text.setObjectName("versies_tekst")
        self.result_tabs = QTabWidget(self)
        self.result_tabs.setDocumentMode(True)
        self.result_tabs.addTab(self.sections, "Per sectie")
        self.result_tabs.addTab(self.text, "Hele tekst")
        self._build_layout()
        self.compare_button.clicked.connect(self._on_compare_button_clicked)
        self.tracked_button.clicked.connect(self.save_tracked_changes)
        self.resize(980, 720)

    def _build_layout(self) -> None:
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel("Vergelijk versie", self))
        chooser.addWidget(self.old_box)
        chooser.addWidget(QLabel("met versie", self))
        chooser.addWidget(self.new_box)
        chooser.addWidget(self.compare_button)
        chooser.addWidget(self.tracked_button)
        chooser.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(chooser)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.result_tabs, 1)

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Query the versions (on the worker)."""
        letter_id = self.letter.id
        assert letter_id is not None
        self.tasks.run(
            lambda store: planning_operations.letter_versions(store, letter_id),
            self._on_versions_loaded,
            self._on_task_failed,
            interruptible=True,
        )

    def _on_versions_loaded(self, versions: Sequence[VersionInfo]) -> None:
        self.model.set_rows(list(versions))
        for box in (self.old_box, self.new_box):
            box.clear()
            for version in versions:
                box.addItem(f"{version.nummer} – {moment(version.gemaakt)}", version.nummer)
        count = len(versions)
        self.old_box.setCurrentIndex(max(count - 2, 0))
        self.new_box.setCurrentIndex(count - 1)
        self.compare_button.setEnabled(count >= 2)
        self.tracked_button.setEnabled(count >= 2)
        self.note.setText(NO_VERSIONS if count == 0 else ONE_VERSION if count == 1 else "")
        self.note.setVisible(count < 2)
        self.sections.set_diffs(None, "Kies twee versies en klik op Vergelijken.")
        self.text.setHtml(hint("Kies twee versies en klik op Vergelijken."))
        if count >= 2:
            self.compare()

    def choose(self, old: int, new: int) -> None:
        """Select two version numbers in the boxes."""
        self.old_box.setCurrentIndex(self.old_box.findData(old))
        self.new_box.setCurrentIndex(self.new_box.findData(new))

    def _chosen(self) -> tuple[int, int, int] | None:
        """The letter and the two versions chosen; None (with a message) when they are not two."""
        old, new = self.old_box.currentData(), self.new_box.currentData()
        letter_id = self.letter.id
        if old is None or new is None or letter_id is None:
            return None
        if old == new:
            self.message.show_message("Kies twee verschillende versies.")
            return None
        self.message.show_message("")
        return letter_id, old, new

    def compare(self) -> None:
        """Compare the two chosen versions (on the worker)."""
        chosen = self._chosen()
        if chosen is None:
            return
        letter_id, old, new = chosen
        self._generation += 1
        generation = self._generation
        self.tasks.run(
            lambda store: planning_operations.compare(store, letter_id, old, new),
            lambda found: self._on_compared(generation, found),
            self._on_task_failed,
            interruptible=True,
        )

    def _on_compared(self, generation: int, comparison: VersionComparison) -> None:
        if generation != self._generation:
            return
        changed = sum(1 for d in comparison.sections if d.status != "ongewijzigd")
        self.sections.set_diffs(comparison.sections, "Deze versies hebben geen secties.")
        self.text.setHtml(text_diff_html(comparison.text_diff))
        self.result_tabs.setTabText(0, f"Per sectie ({changed} gewijzigd)")

    def save_tracked_changes(self) -> None:
        """Ask for a file and write the newer version with the changes tracked (on the worker)."""
        chosen = self._chosen()
        if chosen is None:
            return
        letter_id, old, new = chosen
        name = letter_operations.file_name(self.letter.kenmerk or self.letter.betreft or "brief")
        target = TrackedChangesFileDialog.ask(
            self, Path.home() / f"{name}-wijzigingen-{old}-{new}.docx"
        )
        if target is None:
            return
        self.tasks.run(
            lambda store: planning_operations.write_tracked_changes(
                store, letter_id, old, new, target
            ),
            self._on_tracked_saved,
            self._on_task_failed,
        )

    def _on_tracked_saved(self, tracked: TrackedChanges) -> None:
        self.last_tracked = tracked.path
        self.note.setText(
            f"Opgeslagen: {tracked.path} ({tracked.changes} wijzigingen bijgehouden, "
            f"auteur {tracked.author})."
        )
        self.note.setVisible(True)

    def _on_compare_button_clicked(self) -> None:
        self.compare()

    def _on_task_failed(self, error: UserError) -> None:
        self.message.show_message(str(error))
