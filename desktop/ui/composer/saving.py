"""Saving a composed letter: version check, conflicts, a crash while saving, autosave.

Saving runs on the database thread. When someone else saved the letter meanwhile, the
user chooses: keep their own version (overwrite) or load the other one, which is an undo
command, so Ctrl+Z brings their own text back. Whatever happens, the text stays in the
window and a draft is written to disk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.core.domain.models import Letter
from desktop.core.errors import AlreadyExists, ConflictError, InvalidInput, UserError
from desktop.core.services import letters as ops
from desktop.core.services.drafts import DraftContent, from_letter
from desktop.ui.composer.commands import ReplaceContentCommand
from desktop.ui.composer.dialogs import ConflictChoice, ConflictDialog

if TYPE_CHECKING:
    from desktop.ui.composer.host import ComposerHost

CRASHED_WHILE_SAVING = (
    "Het opslaan is mislukt door een fout in het programma. Uw tekst staat nog in het "
    "venster en is als concept bewaard; probeer het opnieuw."
)


class ComposerSaving(QObject):
    """Saves one composer's letter and keeps its draft file."""

    def __init__(self, composer: ComposerHost) -> None:
        super().__init__(composer.widget)
        self.composer = composer
        self._saving = False

    @property
    def busy(self) -> bool:
        """True while a save runs."""
        return self._saving

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save the letter (new or edited); ``then`` runs after a successful save."""
        if self._saving or self.composer.document.read_only:
            return
        if not self.composer.metadata.validate():
            self.composer.tabs.setCurrentWidget(self.composer.metadata)
            self.composer.show_banner(
                "De brief is niet opgeslagen: verbeter eerst de gemarkeerde velden.",
                fixed_when=self.composer.metadata.all_valid,
            )
            return
        try:
            letter = self.composer.document.letter()
        except InvalidInput as error:  # pragma: no cover - validate() showed it already
            self.composer.show_banner(str(error))
            return
        self._saving = True
        snapshot = self.composer.document.content.copy()
        self.composer.tasks.run(
            lambda store: ops.save_letter(store, letter),
            lambda saved: self._on_saved(saved, snapshot, then),
            lambda error: self._on_save_failed(error, then),
            on_crash=lambda _error: self._on_save_crashed(),
        )

    def _on_saved(
        self, saved: Letter, snapshot: DraftContent, then: Callable[[], None] | None
    ) -> None:
        assert saved.id is not None
        self._saving = False
        was_new = self.composer.document.letter_id is None
        self.composer.document.set_state(saved.id, saved.version, saved.status)
        # Typing that went on while the letter was being saved is not saved yet.
        if self.composer.document.content == snapshot:
            self.composer.undo_stack.setClean()
        if was_new:
            self.composer.drafts.delete(None)
        if not self.composer.modified:
            self.composer.drafts.delete(saved.id)
        self.composer.show_banner(None)
        self.composer.statusBar().showMessage("Brief opgeslagen.", 6000)
        self.composer.letter_saved.emit(saved.id)
        self.composer.registry_changed.emit()
        if then is not None:
            then()

    def _on_save_failed(self, error: UserError, then: Callable[[], None] | None) -> None:
        self._saving = False
        if isinstance(error, ConflictError):
            self.autosave(force=True)
            self._resolve_conflict(str(error), then)
        elif isinstance(error, AlreadyExists):
            self.composer.tabs.setCurrentWidget(self.composer.metadata)
            self.composer.metadata.show_problem("kenmerk", str(error))
            taken = self.composer.document.content.meta["kenmerk"]
            self.composer.show_banner(
                f"De brief is niet opgeslagen: {error}",
                fixed_when=lambda: self.composer.document.content.meta["kenmerk"] != taken,
            )
        else:
            self.composer.show_banner(f"De brief is niet opgeslagen: {error}")

    def _on_save_crashed(self) -> None:
        self._saving = False
        self.autosave(force=True)
        self.composer.show_banner(CRASHED_WHILE_SAVING)

    def _resolve_conflict(self, message: str, then: Callable[[], None] | None) -> None:
        choice = ConflictDialog.ask(self.composer.widget, message)
        letter_id = self.composer.document.letter_id
        if choice is None or letter_id is None:
            self.composer.show_banner(
                "De brief is niet opgeslagen; uw tekst staat nog in het venster."
            )
            return
        if choice is ConflictChoice.OVERWRITE:
            letter = self.composer.document.letter()
            self._saving = True
            snapshot = self.composer.document.content.copy()
            self.composer.tasks.run(
                lambda store: ops.overwrite_letter(store, letter),
                lambda saved: self._on_saved(saved, snapshot, then),
                lambda error: self._on_save_failed(error, then),
                on_crash=lambda _error: self._on_save_crashed(),
            )
            return
        self.composer.tasks.run(
            lambda store: ops.load_letter(store, letter_id),
            self._on_other_version_loaded,
            lambda error: self.composer.show_banner(str(error)),
        )

    def _on_other_version_loaded(self, other: Letter) -> None:
        mine = self.composer.document.content.copy()
        self.composer.undo_stack.push(
            ReplaceContentCommand(
                self.composer.document, mine, from_letter(other), "Andere versie laden"
            )
        )
        self.composer.document.set_state(other.id, other.version, other.status)
        self.composer.undo_stack.setClean()
        self.composer.show_banner(
            "De andere versie is geladen. Uw eigen tekst haalt u terug met Ongedaan maken (Ctrl+Z)."
        )
        self.composer.registry_changed.emit()

    def autosave(self, *, force: bool = False) -> None:
        """Write the draft file when there are unsaved changes."""
        if self.composer.data is None or self.composer.document.read_only:
            return
        if force or self.composer.modified:
            self.composer.drafts.write(
                self.composer.document.letter_id,
                self.composer.document.content,
                self.composer.document.version,
            )
