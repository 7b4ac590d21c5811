"""Export, finalise and back to concept: the composer's longer flows.

Export saves first, asks where (a locked or read-only target asks again), writes on the
database thread with a progress dialog that can cancel, and offers to open the folder.
Finalising is an undo command too: Ctrl+Z makes the letter a concept again and reopens
what it settled.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QCheckBox, QProgressDialog

from desktop.core.domain.dutch import dutch_count, join_list
from desktop.core.domain.models import Letter
from desktop.core.errors import FileProblem, UserError
from desktop.core.services import export_checks
from desktop.core.services import letters as ops
from desktop.core.services.export_checks import ExportWarning
from desktop.core.services.letters import ExportOutcome
from desktop.ui.common.dialogs import MessageBox, open_folder
from desktop.ui.common.tasks import TaskControl
from desktop.ui.composer.dialogs import ExportFileDialog, OpenFolderDialog
from desktop.ui.composer.warnings import WarningsPanel

if TYPE_CHECKING:
    from desktop.ui.composer.host import ComposerHost

NO_LIBREOFFICE = "Voor een PDF is LibreOffice nodig; dat is op deze computer niet gevonden."


class StatusCommand(QUndoCommand):
    """Finalise a letter (or make it a concept again); undo does the opposite in the store."""

    def __init__(self, flows: ComposerFlows, finalize: bool, before: str, after: str) -> None:
        super().__init__("Definitief maken" if finalize else "Terug naar concept")
        self.flows = flows
        self.finalize = finalize
        self.before = before
        self.after = after
        self._done = True  # pushed after the store made the change

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.flows.restore_status(self.after)

    def undo(self) -> None:
        # Exactly the status the letter had: a sent letter is sent again, not "definitief".
        self.flows.restore_status(self.before)


class ComposerFlows(QObject):
    """Export, finalise and reopen for one composer window."""

    def __init__(
        self,
        composer: ComposerHost,
        *,
        libreoffice: Callable[[], str | None] = ops.find_libreoffice,
        emblem: Path | None = None,
    ) -> None:
        super().__init__(composer.widget)
        self.composer = composer
        self.emblem = emblem  # None: the team's letterhead from the registry, or the name as text
        self.pdf_box = QCheckBox("Ook als &PDF", composer.widget)
        self.pdf_box.setObjectName("ook_pdf")
        self.set_libreoffice(libreoffice() is not None)
        self.progress: QProgressDialog | None = None
        self.last_export: ExportOutcome | None = None
        self._export_control: TaskControl | None = None
        self._status_busy = False
        self._checking = False
        self.warnings_panel = WarningsPanel(composer.widget)
        self.warnings_panel.proceed.connect(lambda: self.export(checked=True))
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(400)
        self._recheck.timeout.connect(self.check)
        composer.document.changed.connect(self._on_document_changed)

    def set_libreoffice(self, found: bool) -> None:
        """Enable the PDF box only when LibreOffice can make the PDF."""
        self.pdf_box.setEnabled(found)
        if not found:
            self.pdf_box.setChecked(False)
        self.pdf_box.setToolTip(
            "Maak naast het Word-bestand ook een PDF (met LibreOffice)" if found else NO_LIBREOFFICE
        )

    @property
    def busy(self) -> bool:
        """True while an export, a check or a status change runs."""
        return self._export_control is not None or self._status_busy or self._checking

    # -- export -----------------------------------------------------------------------------------

    def export(self, *, checked: bool = False) -> None:
        """Check the letter, save if needed, ask for the file, and write it in the background.

        Unless ``checked``, a concept is checked first: with warnings the panel shows them
        (with "Ga naar" and "Toch exporteren") and nothing is exported yet.
        """
        composer = self.composer
        if composer.data is None or self._export_control is not None:
            return
        document = composer.document
        if not checked and not document.read_only:
            self.check(then_export=True)
            return
        if not document.read_only and (composer.modified or document.letter_id is None):
            composer.save(then=self.ask_target)
            return
        self.ask_target()

    def check(self, *, then_export: bool = False) -> None:
        """Look for what to check before export (on the database thread); show the panel."""
        letter = self.composer.document.letter(strict=False)
        self._checking = True
        self.composer.tasks.run(
            lambda store: export_checks.export_warnings(store, letter),
            lambda warnings: self._on_checked(warnings, then_export),
            lambda _error: self._on_checked([], then_export),
            on_crash=lambda _error: setattr(self, "_checking", False),
        )

    def _on_checked(self, warnings: list[ExportWarning], then_export: bool) -> None:
        self._checking = False
        was_shown = self.warnings_panel.isVisible()
        self.warnings_panel.show_warnings(warnings)
        if warnings or not then_export:
            if was_shown and not warnings:
                self.composer.statusBar().showMessage(
                    "Alles gecontroleerd: niets meer te doen.", 8000
                )
            return
        self.export(checked=True)

    def _on_document_changed(self) -> None:
        # While the panel is shown, a fix takes its warning away.
        if self.warnings_panel.isVisible():
            self._recheck.start()

    def suggested_path(self) -> Path:
        """A file name from the kenmerk (or the subject) in the last folder used."""
        meta = self.composer.document.content.meta
        name = ops.file_name(meta["kenmerk"] or meta["betreft"] or "brief")
        folder = Path(ExportFileDialog.last_folder) if ExportFileDialog.last_folder else Path.home()
        return folder / f"{name}.docx"

    def ask_target(self) -> None:
        """Ask where to write the Word file, then export there."""
        target = ExportFileDialog.ask(self.composer.widget, self.suggested_path())
        if target is not None:
            self.run_export(target)

    def run_export(self, target: Path) -> None:
        """Write the letter to ``target`` on the database thread, with progress and cancel."""
        composer = self.composer
        letter = composer.document.letter(strict=False)
        library, emblem = composer.library, self.emblem
        pdf = self.pdf_box.isEnabled() and self.pdf_box.isChecked()
        control = TaskControl()
        self._export_control = control
        self._show_progress(control)
        composer.tasks.run(
            lambda store: ops.export_letter(
                store,
                ops.ExportRequest(letter, target, library, emblem=emblem, pdf=pdf),
                control,
            ),
            self._on_exported,
            self._on_export_failed,
            self._on_export_progress,
            control=control,
            on_crash=lambda _error: self._end_export(),
        )

    def _show_progress(self, control: TaskControl) -> None:
        progress = QProgressDialog("Brief exporteren…", "Annuleren", 0, 0, self.composer.widget)
        progress.setObjectName("export_voortgang")
        progress.setWindowTitle("Exporteren")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(lambda: self._on_progress_canceled(control))
        progress.show()
        self.progress = progress

    def _on_progress_canceled(self, control: TaskControl) -> None:
        control.cancel()
        self._end_export()
        self.composer.statusBar().showMessage("Exporteren geannuleerd.", 8000)

    def _on_export_progress(self, done: int, total: int, text: str) -> None:
        if self.progress is not None and text:
            self.progress.setLabelText(text)

    def _end_export(self) -> None:
        self._export_control = None
        if self.progress is not None:
            progress, self.progress = self.progress, None
            progress.canceled.disconnect()
            progress.close()
            progress.deleteLater()

    def _on_exported(self, outcome: ExportOutcome) -> None:
        self._end_export()
        self.last_export = outcome
        lines = [f"Opgeslagen: {outcome.docx}"]
        if outcome.footnotes:
            lines[0] += f" ({outcome.footnotes} voetnoten)"
        if outcome.pdf is not None:
            lines.append(f"PDF: {outcome.pdf}")
        if outcome.pdf_problem:
            lines.append(f"Geen PDF: {outcome.pdf_problem}")
        if outcome.version is not None:
            lines.append(f"Bewaard als versie {outcome.version} van de brief.")
        message = "\n".join(lines)
        self.composer.statusBar().showMessage(lines[0], 10000)
        self.composer.registry_changed.emit()
        if OpenFolderDialog.ask(self.composer.widget, message):
            open_folder(outcome.docx.parent)

    def _on_export_failed(self, error: UserError) -> None:
        self._end_export()
        MessageBox.warn(self.composer.widget, "Exporteren", str(error))
        if isinstance(error, FileProblem):
            # Open in Word, read-only folder, full disk: another name or place may work.
            self.ask_target()

    # -- finalise and reopen ------------------------------------------------------------------------

    def finalize(self) -> None:
        """Confirm, save if needed, make the letter definitief (undoable)."""
        composer = self.composer
        document = composer.document
        if composer.data is None or document.read_only or self._status_busy:
            return
        settled = [m for m in document.content.motions if m.afdoen]
        fulfilled = [c for c in document.content.commitments if c.afdoen]
        parts = []
        if settled:
            parts.append(
                f"{dutch_count(len(settled))} {'motie' if len(settled) == 1 else 'moties'}"
            )
        if fulfilled:
            noun = "toezegging" if len(fulfilled) == 1 else "toezeggingen"
            parts.append(f"{dutch_count(len(fulfilled))} {noun}")
        effect = (
            f"De brief doet {' en '.join(parts)} af; die krijgen de status afgedaan."
            if parts
            else "De brief doet geen moties of toezeggingen af."
        )
        if not MessageBox.confirm(
            composer.widget,
            "Brief definitief maken",
            f"‘{composer.title()}’ definitief maken?\n\n{effect}\n\n"
            "Ongedaan maken (Ctrl+Z) of ‘Terug naar concept’ zet dit terug.",
            "Definitief maken",
        ):
            return
        if composer.modified or document.letter_id is None:
            composer.save(then=lambda: self.change_status(True, push=True))
        else:
            self.change_status(True, push=True)

    def reopen(self) -> None:
        """Make a definitive or sent letter a concept again, after asking (undoable)."""
        composer = self.composer
        document = composer.document
        if not document.read_only or document.letter_id is None or self._status_busy:
            return
        if not MessageBox.confirm(
            composer.widget,
            "Terug naar concept",
            f"‘{composer.title()}’ weer een concept maken?\n\n{self._reopen_effect()}\n\n"
            "Ongedaan maken (Ctrl+Z) zet de brief terug zoals hij was.",
            "Terug naar concept",
        ):
            return
        self.change_status(False, push=True)

    def _reopen_effect(self) -> str:
        """Which motions and commitments go back to open when the letter is a concept again."""
        data = self.composer.data
        content = self.composer.document.content
        names = []
        for item in content.motions:
            motion = data.motions.get(item.motion_id) if data else None
            if item.afdoen and motion is not None:
                names.append(f"{motion.name} ({motion.citation})")
        fulfilled = sum(1 for c in content.commitments if c.afdoen)
        parts = []
        if names:
            parts.append("Deze moties staan dan weer open: " + join_list(names) + ".")
        if fulfilled:
            noun = "toezegging staat" if fulfilled == 1 else "toezeggingen staan"
            parts.append(f"{dutch_count(fulfilled)} {noun} dan weer open.")
        return " ".join(parts) or "De brief deed geen moties of toezeggingen af."

    def change_status(self, finalize: bool, *, push: bool) -> None:
        """Finalise or reopen in the store; ``push`` puts it on the undo stack when done."""
        letter_id = self.composer.document.letter_id
        if letter_id is None:
            return
        before = self.composer.document.status
        work = ops.finalize_letter if finalize else ops.reopen_letter
        self._status_busy = True
        self.composer.tasks.run(
            lambda store: work(store, letter_id),
            lambda letter: self._on_status_changed(letter, finalize, push, before),
            self._on_status_failed,
            on_crash=lambda _error: setattr(self, "_status_busy", False),
        )

    def restore_status(self, status: str) -> None:
        """Put the letter back in ``status`` (for undo and redo of a status change)."""
        letter_id = self.composer.document.letter_id
        if letter_id is None:
            return
        self._status_busy = True
        self.composer.tasks.run(
            lambda store: ops.restore_letter_status(store, letter_id, status),
            lambda letter: self._on_status_changed(
                letter, letter.status != "concept", False, status
            ),
            self._on_status_failed,
            on_crash=lambda _error: setattr(self, "_status_busy", False),
        )

    def _on_status_changed(self, letter: Letter, finalize: bool, push: bool, before: str) -> None:
        composer = self.composer
        composer.document.set_state(letter.id, letter.version, letter.status)
        if push:
            composer.undo_stack.push(StatusCommand(self, finalize, before, letter.status))
        # Not during the stack's own undo/redo: the stack moves its index after the command.
        QTimer.singleShot(0, self._after_status_changed)
        settled = sum(1 for item in letter.motions if item.afdoen)
        message = (
            f"Brief definitief gemaakt; {dutch_count(settled)} "
            f"{'motie' if settled == 1 else 'moties'} afgedaan."
            if finalize
            else "De brief is weer een concept; wat hij afdeed, staat weer open."
        )
        composer.statusBar().showMessage(message, 10000)

    def _after_status_changed(self) -> None:
        self._status_busy = False
        self.composer.undo_stack.setClean()
        self.composer.registry_changed.emit()

    def _on_status_failed(self, error: UserError) -> None:
        self._status_busy = False
        MessageBox.warn(self.composer.widget, "Voortgang", str(error))
