"""The main window's letter actions: open a letter or start a new one in the composer.

There is one composer window at a time, and one undo stack (the main window's): opening
another letter first asks what to do with unsaved changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QToolButton, QWidget

from desktop import paths
from desktop.core.services.drafts import DraftFolder
from desktop.ui.common.tasks import TaskManager
from desktop.ui.common.undo import undo_actions
from desktop.ui.registry.view import RegistryView

if TYPE_CHECKING:
    from desktop.core.drafting.templates import TemplateLibrary
    from desktop.ui.composer.window import ComposerWindow


def default_drafts(registry: str = "") -> DraftFolder:
    """Autosaved drafts in the per-user data folder, one folder per registry.

    Letter ids are the registry's own: a draft of letter 5 in the team registry must never
    be offered for letter 5 of the personal file.
    """
    return DraftFolder(paths.drafts_dir(registry))


class LetterActions(QObject):
    """Opens letters in the (single) composer; ``registry_changed`` when it saved something.

    Also owns the window's Undo/Redo actions on the shared stack, and "Nieuwe brief" and
    "Brief openen" (as buttons above the Brieven table too, when ``letters_view`` is given).
    """

    registry_changed = Signal()
    letter_opened = Signal(int)

    def __init__(
        self,
        parent: QWidget,
        tasks: TaskManager,
        undo_stack: QUndoStack,
        settings: QSettings,
        *,
        library: TemplateLibrary | None = None,
        drafts: DraftFolder | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        letters_view: RegistryView | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self.tasks = tasks
        self.undo_stack = undo_stack
        self.settings = settings
        # jinja2, python-docx and the composer load on first use, not at startup.
        self._library = library
        self.drafts = drafts or default_drafts(tasks.address.saved)
        self._today = today
        self.composer: ComposerWindow | None = None
        self._view = letters_view
        self.act_undo, self.act_redo = undo_actions(undo_stack, self)
        self.act_new = QAction("Nieuwe &brief…", self)
        self.act_new.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.act_new.triggered.connect(lambda _checked=False: self.new())
        self.act_open = QAction("Brief &openen", self)
        self.act_open.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.act_open.triggered.connect(lambda _checked=False: self._open_selected())
        for action in (self.act_undo, self.act_redo, self.act_new, self.act_open):
            parent.addAction(action)
        if letters_view is not None:
            self._add_buttons(letters_view)
            letters_view.current_changed.connect(lambda _record: self._update_actions())
        self._update_actions()

    def _add_buttons(self, view: RegistryView) -> None:
        for position, action in enumerate((self.act_open, self.act_new)):
            button = QToolButton(view)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            view.filter_bar.insertWidget(position, button)
            view.table.addAction(action)

    def _selected_id(self) -> int | None:
        record = self._view.current_record() if self._view is not None else None
        letter_id = getattr(record, "id", None)
        return letter_id if isinstance(letter_id, int) else None

    def _update_actions(self) -> None:
        self.act_open.setEnabled(self._selected_id() is not None)

    def _open_selected(self) -> None:
        letter_id = self._selected_id()
        if letter_id is not None:
            self.open(letter_id)

    @property
    def library(self) -> TemplateLibrary:
        """The letter templates (shipped and the user's own)."""
        if self._library is None:
            self._library = paths.default_library()
        return self._library

    def _composer(self) -> ComposerWindow:
        if self.composer is None:
            from desktop.ui.composer.window import ComposerWindow

            self.composer = ComposerWindow(
                self.tasks,
                self.undo_stack,
                self.settings,
                self.library,
                self.drafts,
                today=self._today,
                parent=self._window,
            )
            self.composer.registry_changed.connect(self.registry_changed)
            self.composer.letter_saved.connect(self.letter_opened)
        return self.composer

    def open(self, letter_id: int) -> None:
        """Open a stored letter in the composer."""
        self._composer().open_letter(letter_id)
        self.letter_opened.emit(letter_id)

    def new(self) -> None:
        """Start a new letter in the composer."""
        self._composer().open_letter(None)

    @property
    def modified(self) -> bool:
        """True when the composer has unsaved changes."""
        return self.composer is not None and self.composer.isVisible() and self.composer.modified

    def close(self, then: Callable[[], object]) -> bool:
        """Close the composer, asking about unsaved changes; True when it may close now.

        When the user chooses to save, this returns False and ``then`` runs once the save
        succeeded (the main window closes itself again then).
        """
        composer = self.composer
        if composer is None or not composer.isVisible():
            return True
        waiting = False

        def closed() -> None:
            assert composer is not None
            composer.finish_close()
            if waiting:
                then()

        now = composer.when_closable(closed)
        waiting = True
        return now

    def save_drafts(self) -> None:
        """Write the composer's draft now (before a crash report, say)."""
        if self.composer is not None:
            self.composer.autosave()
