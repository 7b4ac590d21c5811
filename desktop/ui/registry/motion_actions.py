"""What the motion menu items do: ask (dialogs), then hand the answer to the core.

Every write runs on the database thread. When saving fails, the dialog comes back with
what the user typed and the Dutch reason at the top, so no text is ever lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from desktop.core.domain.dutch import capitalised
from desktop.core.domain.models import Motion
from desktop.core.errors import UserError
from desktop.core.services import registry as operations
from desktop.core.services.registry import Settled
from desktop.ui.common.dialogs import MessageBox, SettleDialog
from desktop.ui.common.tasks import TaskManager

CRASHED_WHILE_SAVING = (
    "Het opslaan is mislukt door een fout in het programma. Uw tekst staat hieronder nog; "
    "probeer het opnieuw of kopieer de tekst."
)


def _number(motion: Motion) -> str:
    """``Kamerstuk 26 485, nr. 224``, or ``zaak 2025Z12345`` for a motion without a number."""
    return motion.citation or motion.number_label()


class SettleCommand(QUndoCommand):
    """One "Afdoen met brief" on the window's undo stack; undo restores the status before."""

    def __init__(self, actions: MotionActions, settled: Settled) -> None:
        super().__init__(f"Afdoen met brief {settled.kenmerk}")
        self.actions = actions
        self.settled = settled
        self._done = True  # pushed after the store made the change

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.actions.settle_again(self)

    def undo(self) -> None:
        self.actions.withdraw(self.settled)


class MotionActions(QObject):
    """New, edit, import, delete, settle and reopen, for the main window's actions."""

    changed = Signal(object)
    status_reported = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        tasks: TaskManager,
        kenmerken: Callable[[], list[str]] = list,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._tasks = tasks
        self._kenmerken = kenmerken
        self._undo_stack = undo_stack

    def _saved(self, motion: Motion, message: str) -> None:
        self.status_reported.emit(message)
        self.changed.emit(motion.id)

    # -- create and edit ------------------------------------------------------------------

    def new(self, draft: Motion | None = None, error: str | None = None) -> None:
        """Ask for a new motion and register it."""
        from desktop.ui.registry.motion_editor import MotionEditorDialog  # -- on first use --

        motion = MotionEditorDialog.ask(self._window, draft, error=error)
        if motion is None:
            return
        self._tasks.run(
            lambda store: operations.add_motion(store, motion),
            lambda saved: self._saved(saved, f"{capitalised(saved.name)} is toegevoegd."),
            lambda failure: self.new(motion, str(failure)),
            on_crash=lambda _error: self.new(motion, CRASHED_WHILE_SAVING),
        )

    def edit(self, motion: Motion, error: str | None = None) -> None:
        """Ask for changes to a motion and save them."""
        from desktop.ui.registry.motion_editor import MotionEditorDialog

        edited = MotionEditorDialog.ask(self._window, motion, error=error)
        if edited is None:
            return
        self._tasks.run(
            lambda store: operations.update_motion(store, edited),
            lambda saved: self._saved(saved, f"{capitalised(saved.name)} is opgeslagen."),
            lambda failure: self.edit(edited, str(failure)),
            on_crash=lambda _error: self.edit(edited, CRASHED_WHILE_SAVING),
        )

    def import_text(self, text: str = "", error: str | None = None) -> None:
        """Ask for the official text of a motion, show what was recognised, register it."""
        from desktop.ui.registry.motion_import import ImportMotionDialog  # -- on first use --

        imported = ImportMotionDialog.ask(self._window, text, error=error, lookup=self._look_up)
        if imported is None:
            return

        def saved(result: tuple[Motion, bool]) -> None:
            motion, completed = result
            if completed:
                message = f"Bij {motion.name} ({motion.citation}) is de officiële tekst toegevoegd."
            else:
                message = f"{capitalised(motion.name)} ({motion.citation}) is geïmporteerd."
            self._saved(motion, message)

        self._tasks.run(
            lambda store: operations.import_motion_text(store, imported.motion),
            saved,
            lambda failure: self.import_text(imported.text, str(failure)),
            on_crash=lambda _error: self.import_text(imported.text, CRASHED_WHILE_SAVING),
        )

    def _look_up(self, motion: Motion, done: Callable[[Motion | None], None]) -> None:
        """Is this motion registered already? (asked on the worker, answered on the GUI)."""
        self._tasks.run(lambda store: operations.registered_as(store, motion), done)

    # -- delete, settle, reopen -------------------------------------------------------------

    def delete(self, motion: Motion) -> None:
        """Remove a motion after confirmation."""
        if motion.id is None:
            return
        confirmed = MessageBox.confirm(
            self._window,
            "Motie verwijderen",
            f"{capitalised(motion.name)} ({_number(motion)}) uit het register verwijderen?\n\n"
            "Dit kan niet ongedaan worden gemaakt. Brieven die de motie noemen, "
            "verliezen die verwijzing.",
            "Verwijderen",
        )
        if not confirmed:
            return
        motion_id = motion.id
        self._tasks.run(
            lambda store: operations.delete_motion(store, motion_id),
            lambda _none: self._after_delete(motion),
            self._warn,
        )

    def _after_delete(self, motion: Motion) -> None:
        self.status_reported.emit(f"{capitalised(motion.name)} ({_number(motion)}) is verwijderd.")
        self.changed.emit(None)

    def settle(self, motion: Motion) -> None:
        """Ask which letter settled the motion and record it ("Afdoen met brief…")."""
        if motion.id is None:
            return
        choice = SettleDialog.ask(self._window, motion, self._kenmerken())
        if choice is None:
            return
        motion_id = motion.id
        self._tasks.run(
            lambda store: operations.settle_motion(store, motion_id, choice.kenmerk, choice.datum),
            self._after_settle,
            self._warn,
        )

    def _after_settle(self, result: Settled) -> None:
        message = f"{capitalised(result.motion.name)} is afgedaan met brief {result.kenmerk}."
        if result.letter_created:
            message += f" Brief {result.kenmerk} stond nog niet in het register en is toegevoegd."
        if self._undo_stack is not None:
            self._undo_stack.push(SettleCommand(self, result))
        self._saved(result.motion, message)

    def withdraw(self, settled: Settled) -> None:
        """Undo of "Afdoen met brief": the motion gets back the status it had."""
        self._tasks.run(
            lambda store: operations.undo_settlement(store, settled),
            lambda saved: self._saved(
                saved,
                f"Afdoen met brief {settled.kenmerk} ongedaan gemaakt: "
                f"{saved.name} is weer {saved.status}.",
            ),
            self._warn,
        )

    def settle_again(self, command: SettleCommand) -> None:
        """Redo of "Afdoen met brief" (the same letter and date)."""
        settled = command.settled
        motion_id = settled.motion.id
        assert motion_id is not None
        datum = settled.motion.status_datum or dt.date.today()

        def done(result: Settled) -> None:
            command.settled = result
            self._saved(
                result.motion,
                f"{capitalised(result.motion.name)} is opnieuw afgedaan met brief "
                f"{result.kenmerk}.",
            )

        self._tasks.run(
            lambda store: operations.settle_motion(store, motion_id, settled.kenmerk, datum),
            done,
            self._warn,
        )

    def reopen(self, motion: Motion) -> None:
        """Withdraw the settlement: the motion is open again (the history keeps it)."""
        if motion.id is None:
            return
        motion_id = motion.id
        self._tasks.run(
            lambda store: operations.reopen_motion(store, motion_id),
            lambda saved: self._saved(saved, f"{capitalised(saved.name)} staat weer open."),
            self._warn,
        )

    def _warn(self, error: UserError) -> None:
        MessageBox.warn(self._window, "Voortgang", str(error))
