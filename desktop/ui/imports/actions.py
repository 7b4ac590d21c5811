"""What Bestand > Importeren and Exporteren do: ask (dialogs), run the core on the worker, report.

* Open data van de Tweede Kamer: files → import in one transaction with a progress dialog
  that can cancel → the report. A cancel rolls everything back; the window says so only
  once the worker has confirmed it (a cancel after the commit is reported as such).
* Eerdere brief: read the letter (the dry run) → review → record → what it did.
* Afdoeningstabel: options → file → write; a locked or read-only target asks again.

Every failure the user can act on is a Dutch message; none of them leaves half an import.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.core.domain.dutch import dutch_count
from desktop.core.errors import FileProblem, UserError
from desktop.core.services import imports as ops
from desktop.core.services.imports import LetterRecorded, LetterReview, OpenDataOutcome, TableSaved
from desktop.ui.common.dialogs import MessageBox, OpenFolderPrompt, open_folder
from desktop.ui.common.tasks import TaskControl, TaskManager
from desktop.ui.common.widgets import make_action
from desktop.ui.imports.dialogs import (
    AfdoeningOptionsDialog,
    LetterFileDialog,
    Notice,
    OpenDataFilesDialog,
    TableChoice,
    TableFileDialog,
)
from desktop.ui.imports.letter import LetterReviewDialog, recorded_message, recorded_status
from desktop.ui.imports.report import ImportReportDialog, first_motion, status_line

# QSettings keys (UI state only: folders and the last table options).
IMPORT_FOLDER = "import/last_folder"
EXPORT_FOLDER = "export/last_folder"
TABLE_STATUS = "export/afdoening_status"
TABLE_FORMAT = "export/afdoening_format"
# The progress bar counts in thousandths: byte totals do not fit Qt's int range.
PROGRESS_STEPS = 1000
# Show the progress dialog only when an import takes longer than this.
PROGRESS_DELAY_MS = 400
NOTHING_CHANGED = "het register is niet gewijzigd"


class ImportActions(QObject):
    """The import and report actions of the main window.

    ``registry_changed(motion_id)`` asks the window to reload its views (and, with an
    id, to show that motion); ``status_reported(text)`` is for the status bar.
    """

    registry_changed = Signal(object)
    status_reported = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        tasks: TaskManager,
        settings: QSettings,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._tasks = tasks
        self._settings = settings
        self._today = today
        self._busy = False
        self._stop: threading.Event | None = None
        self.progress: QProgressDialog | None = None
        self.act_open_data = self._action(
            "&Open data van de Tweede Kamer importeren…", self.import_open_data
        )
        self.act_open_data.setStatusTip(
            "Moties en toezeggingen uit OData-JSON of SyncFeed-Atom van de Tweede Kamer"
        )
        self.act_letter = self._action("&Eerdere brief importeren…", self.import_letter)
        self.act_letter.setStatusTip(
            "Kamerstukken, moties en EU-dossiers uit een eerdere brief (.docx, .md of .txt)"
        )
        self.act_afdoeningstabel = self._action(
            "&Afdoeningstabel opslaan…", self.save_afdoeningstabel
        )
        self.act_afdoeningstabel.setStatusTip(
            "Moties en toezeggingen met hun stand van zaken, als Excel-werkmap of CSV"
        )

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        return make_action(self, text, slot)

    def busy(self) -> bool:
        """True while an import or a save runs (the actions are disabled meanwhile)."""
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for action in (self.act_open_data, self.act_letter, self.act_afdoeningstabel):
            action.setEnabled(not busy)

    def _folder(self, key: str) -> str:
        value = self._settings.value(key, "")
        return str(value) if value else ""

    def _warn(self, title: str, message: str) -> None:
        MessageBox.warn(self._window, title, message)

    # -- open data ------------------------------------------------------------------------

    def import_open_data(self) -> None:
        """Ask for open-data files and import them."""
        if self._busy:
            return
        files = OpenDataFilesDialog.ask(self._window, self._folder(IMPORT_FOLDER))
        if files:
            self._settings.setValue(IMPORT_FOLDER, str(files[0].parent))
            self.run_open_data(files)

    def run_open_data(self, files: Sequence[Path]) -> None:
        """Import the files on the database thread, with a progress dialog that can cancel."""
        chosen = tuple(files)
        stop = threading.Event()
        control = TaskControl()
        self._stop = stop
        self._set_busy(True)
        self._show_progress(len(chosen))
        self.status_reported.emit("Open data importeren…")
        self._tasks.run(
            lambda store: ops.import_open_data_files(store, chosen, control, stop),
            self._on_open_data_finished,
            self._on_open_data_failed,
            self._on_open_data_progress,
            control=control,
            on_crash=self._on_open_data_crashed,
        )

    def _show_progress(self, files: int) -> None:
        text = ops.reading_text(0, 0, files)
        progress = QProgressDialog(text, "Annuleren", 0, 0, self._window)
        progress.setObjectName("import_voortgang")
        progress.setWindowTitle("Open data importeren")
        # Not modal: a modal QProgressDialog runs the event loop inside setValue(), and the
        # import's result could then arrive while this slot is still running.
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self._on_progress_canceled)
        self.progress = progress

    def _on_open_data_progress(self, done: int, total: int, text: str) -> None:
        progress = self.progress
        if progress is None:
            return
        if text:
            progress.setLabelText(text)
        if total > 0:
            progress.setMaximum(PROGRESS_STEPS)
            progress.setValue(min(PROGRESS_STEPS, done * PROGRESS_STEPS // total))
        else:
            progress.setMaximum(0)

    def stop_running(self) -> None:
        """Stop a running import (the window is closing): it rolls back, nothing half-stored."""
        if self._stop is not None:
            self._stop.set()

    def _on_progress_canceled(self) -> None:
        if self._stop is not None:
            self._stop.set()
        self._close_progress()
        self.status_reported.emit("Importeren wordt afgebroken…")

    def _close_progress(self) -> None:
        if self.progress is not None:
            progress, self.progress = self.progress, None
            progress.canceled.disconnect(self._on_progress_canceled)
            progress.close()
            progress.deleteLater()

    def _end_open_data(self) -> bool:
        """Close the progress dialog; True when the user had cancelled."""
        cancelled = self._stop is not None and self._stop.is_set()
        self._stop = None
        self._close_progress()
        self._set_busy(False)
        return cancelled

    def _on_open_data_crashed(self, error: BaseException) -> None:
        self._end_open_data()  # the crash dialog has said what went wrong

    def _on_open_data_finished(self, outcome: OpenDataOutcome) -> None:
        cancelled = self._end_open_data()
        report = outcome.report
        if report is None:
            self.status_reported.emit(f"Importeren afgebroken; {NOTHING_CHANGED}.")
            return
        self.status_reported.emit(status_line(report))
        if report.changes:
            self.registry_changed.emit(None)
        if ImportReportDialog.ask(self._window, report, late_cancel=cancelled):
            motion_id = first_motion(report)
            if motion_id is not None:
                self.registry_changed.emit(motion_id)

    def _on_open_data_failed(self, error: UserError) -> None:
        if self._end_open_data():
            # The user stopped it; whatever went wrong meanwhile changed nothing either.
            self.status_reported.emit(f"Importeren afgebroken; {NOTHING_CHANGED}.")
            return
        self.status_reported.emit(f"Open data niet geïmporteerd; {NOTHING_CHANGED}.")
        self._warn(
            "Open data importeren",
            f"{error}\n\nEr is niets geïmporteerd; {NOTHING_CHANGED}.",
        )

    # -- earlier letters ----------------------------------------------------------------------

    def import_letter(self) -> None:
        """Ask for an earlier letter, show what it refers to, and record it if asked."""
        if self._busy:
            return
        path = LetterFileDialog.ask(self._window, self._folder(IMPORT_FOLDER))
        if path is not None:
            self._settings.setValue(IMPORT_FOLDER, str(path.parent))
            self.review_letter(path)

    def review_letter(self, path: Path) -> None:
        """The dry run: read the letter on the database thread (nothing is stored)."""
        self._set_busy(True)
        self.status_reported.emit(f"{path.name} lezen…")
        self._tasks.run(
            lambda store: ops.review_letter(store, path),
            self._on_letter_reviewed,
            lambda error: self._on_letter_failed(error, stored=False),
            on_crash=lambda _error: self._set_busy(False),
        )

    def _on_letter_reviewed(self, review: LetterReview) -> None:
        self._set_busy(False)
        found = review.found
        self.status_reported.emit(
            f"{found.source}: {len(found.kamerstukken)} Kamerstukken, "
            f"{len(found.motions)} moties, {len(found.eu)} EU-documenten gevonden."
        )
        if LetterReviewDialog.ask(self._window, review):
            self.record_letter(review)
        else:
            self.status_reported.emit(f"Brief niet geïmporteerd; {NOTHING_CHANGED}.")

    def record_letter(self, review: LetterReview) -> None:
        """Add what the registry lacks and record the letter (one transaction)."""
        found = review.found
        self._set_busy(True)
        self.status_reported.emit(f"{found.source} toevoegen aan het register…")
        self._tasks.run(
            lambda store: ops.record_letter_file(store, found),
            self._on_letter_recorded,
            lambda error: self._on_letter_failed(error, stored=True),
            on_crash=lambda _error: self._set_busy(False),
        )

    def _on_letter_recorded(self, recorded: LetterRecorded) -> None:
        self._set_busy(False)
        self.status_reported.emit(recorded_status(recorded))
        self.registry_changed.emit(None)
        Notice.ask(self._window, "Brief geïmporteerd", recorded_message(recorded))

    def _on_letter_failed(self, error: UserError, *, stored: bool) -> None:
        self._set_busy(False)
        message = str(error)
        if stored:
            message += f"\n\nEr is niets toegevoegd; {NOTHING_CHANGED}."
        self.status_reported.emit("Brief niet geïmporteerd.")
        self._warn("Eerdere brief importeren", message)

    # -- afdoeningstabel -----------------------------------------------------------------------

    def _table_choice(self) -> TableChoice:
        status = str(self._settings.value(TABLE_STATUS, "open"))
        file_format = str(self._settings.value(TABLE_FORMAT, "xlsx"))
        return TableChoice(
            status=status if status in ("open", "all") else "open",
            file_format=file_format if file_format in ("xlsx", "csv") else "xlsx",
        )

    def suggested_table_path(self, choice: TableChoice) -> Path:
        """``afdoeningstabel-2021-03-01.xlsx`` in the folder used last (else the home folder)."""
        folder = Path(self._folder(EXPORT_FOLDER) or Path.home())
        return folder / f"afdoeningstabel-{self._today().isoformat()}.{choice.file_format}"

    def save_afdoeningstabel(self) -> None:
        """Ask what to list and where, then write the afdoeningstabel."""
        if self._busy:
            return
        choice = AfdoeningOptionsDialog.ask(self._window, self._table_choice())
        if choice is None:
            return
        self._settings.setValue(TABLE_STATUS, choice.status)
        self._settings.setValue(TABLE_FORMAT, choice.file_format)
        self.ask_table_target(choice, self.suggested_table_path(choice))

    def ask_table_target(self, choice: TableChoice, suggested: Path) -> None:
        """Ask for the file name, then write there."""
        target = TableFileDialog.ask(self._window, suggested, choice.file_format)
        if target is None:
            return
        self._settings.setValue(EXPORT_FOLDER, str(target.parent))
        self.write_table(choice, target)

    def write_table(self, choice: TableChoice, target: Path) -> None:
        """Write the table on the database thread."""
        self._set_busy(True)
        self.status_reported.emit("Afdoeningstabel opslaan…")
        self._tasks.run(
            lambda store: ops.save_afdoeningstabel(
                store, target, choice.status, choice.file_format
            ),
            self._on_table_saved,
            lambda error: self._on_table_failed(choice, target, error),
            on_crash=lambda _error: self._set_busy(False),
        )

    def _on_table_saved(self, saved: TableSaved) -> None:
        self._set_busy(False)
        rows = "1 regel" if saved.rows == 1 else f"{dutch_count(saved.rows)} regels"
        message = f"Opgeslagen: {saved.path} ({rows})."
        self.status_reported.emit(message)
        if OpenFolderPrompt.ask(self._window, "Afdoeningstabel opgeslagen", message):
            open_folder(saved.path.parent)

    def _on_table_failed(self, choice: TableChoice, target: Path, error: UserError) -> None:
        self._set_busy(False)
        self.status_reported.emit("Afdoeningstabel niet opgeslagen.")
        self._warn("Afdoeningstabel opslaan", str(error))
        if isinstance(error, FileProblem):
            # Open in Excel, a read-only folder, a full disk: another name or place may work.
            self.ask_table_target(choice, free_name(target))


def free_name(target: Path) -> Path:
    """``tabel.xlsx`` → ``tabel (2).xlsx``: the first name beside it that is not taken."""
    for number in range(2, 100):
        candidate = target.with_name(f"{target.stem} ({number}){target.suffix}")
        if not candidate.exists():
            return candidate
    return target
