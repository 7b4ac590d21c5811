"""The letter cycle in the main window: the start panel, "Wat is er veranderd", the next
letter from a previous one, and a letter's versions.

The main window creates one :class:`LetterCycle`, puts its actions in its menus and calls
:meth:`LetterCycle.reload` when it refreshes. All database work runs on the worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QTabWidget,
    QToolButton,
    QWidget,
)

from desktop import paths
from desktop.core.domain.dutch import counted, join_list
from desktop.core.domain.models import Letter
from desktop.core.errors import UserError
from desktop.core.planning.due import DueItem
from desktop.core.services import letters as letter_operations
from desktop.core.services import planning as planning_operations
from desktop.core.services.planning import letter_label
from desktop.ui.common.dialogs import MessageBox
from desktop.ui.common.tasks import TaskManager
from desktop.ui.common.widgets import make_action
from desktop.ui.planning.start import StartPage
from desktop.ui.registry.motion_view import MotionsView
from desktop.ui.registry.view import RegistryView
from desktop.ui.registry.views import RegistryViews

if TYPE_CHECKING:  # types only: the window starts without loading the importers
    from desktop.core.importers.letter_word import WordUpdate

    # -- and without the windows opened from a menu (loaded on first use) --
    from desktop.ui.planning.changes import ChangesWindow
    from desktop.ui.planning.versions import VersionsDialog

START_HEIGHT = 250
RECENT_KEY = "start/recente_brieven"
RECENT_COUNT = 6


class WordLetterFileDialog:
    """Which signed Word letter to read back."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """Returns the chosen .docx path, or None."""
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            "Definitieve versie uit Word inlezen",
            str(Path.home()),
            "Word-documenten (*.docx)",
        )
        return Path(name) if name else None


class LetterCycle(QObject):
    """Start panel, changes window, "Nieuwe brief op basis van deze…" and "Versies"."""

    status_reported = Signal(str)
    letter_open_requested = Signal(int)

    def __init__(
        self,
        window: QMainWindow,
        views: RegistryViews,
        tabs: QTabWidget,
        settings: QSettings,
        tasks: TaskManager,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._views = views
        self._tabs = tabs
        self._settings = settings
        self._tasks = tasks
        self._today = today
        self.changes_window: ChangesWindow | None = None
        self.versions_dialog: VersionsDialog | None = None
        self.last_word_update: WordUpdate | None = None

        self.start_page = StartPage(tasks, window, today=today)
        self.dock = QDockWidget("Start", window)
        self.dock.setObjectName("start_paneel")
        self.dock.setWidget(self.start_page)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [START_HEIGHT], Qt.Orientation.Vertical)

        self.act_start = self.dock.toggleViewAction()
        self.act_start.setText("&Startpagina")
        self.act_start.setShortcut(QKeySequence("Ctrl+0"))
        window.addAction(self.act_start)
        self.act_changes = self._action("&Wat is er veranderd…", self.show_changes)
        self.act_new_letter = self._action("Nieuwe brief op basis van &deze…", self.new_letter)
        self.act_versions = self._action("Ve&rsies van de brief…", self.show_versions)
        self.act_from_word = self._action(
            "Definitieve versie uit &Word inlezen…", self.read_final_version
        )
        self.act_from_word.setToolTip(
            "Lees de getekende brief uit Word in als nieuwe versie van een geregistreerde brief"
        )
        self._add_letter_buttons()

        self.start_page.item_activated.connect(self._on_start_page_item_activated)
        self.start_page.changes_requested.connect(self._on_start_page_changes_requested)
        self.start_page.letter_requested.connect(self.letter_open_requested)
        views.letters.count_changed.connect(lambda *_args: self.update_recent())
        views.letters.current_changed.connect(self._on_letters_current_changed)
        self._update_actions()

    def _action(self, text: str, slot: Callable[[], None], shortcut: str | None = None) -> QAction:
        return make_action(self._window, text, slot, shortcut, window=self._window)

    def _add_letter_buttons(self) -> None:
        """The letter actions as buttons above the Brieven table, and in its context menu."""
        view = self._views.letters
        for action in (
            self.act_new_letter,
            self.act_changes,
            self.act_versions,
            self.act_from_word,
        ):
            button = QToolButton(view)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            view.filter_bar.addWidget(button)
            view.table.addAction(action)
        view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def selected_letter(self) -> Letter | None:
        """The letter selected in the Brieven view."""
        record = self._views.letters.current_record()
        return record if isinstance(record, Letter) and record.id is not None else None

    def _update_actions(self) -> None:
        letter = self.selected_letter()
        self.act_new_letter.setEnabled(letter is not None)
        self.act_versions.setEnabled(letter is not None)

    def _on_letters_current_changed(self, record: object) -> None:
        self._update_actions()

    def reload(self) -> None:
        """Query the start page again, and the changes window when it is open."""
        self.start_page.reload()
        if self.changes_window is not None and self.changes_window.isVisible():
            self.changes_window.reload()

    # -- the start page --------------------------------------------------------------------

    def _views_by_kind(self) -> dict[str, RegistryView]:
        views = self._views
        return {"motie": views.motions, "toezegging": views.commitments, "eu": views.eu_files}

    def open_item(self, item: DueItem) -> None:
        """Show a due item in its registry tab, selected, with its detail."""
        view = self._views_by_kind().get(item.kind)
        if view is None:
            return
        self._tabs.setCurrentWidget(view)
        if view.select_id(item.id):
            return
        # Hidden by a search or a filter: clear them, then load and select it.
        view.search_box.blockSignals(True)
        view.search_box.clear()
        view.search_box.blockSignals(False)
        if isinstance(view, MotionsView):
            view.overdue_box.setChecked(False)
            view.dossier_box.setCurrentIndex(0)
            view.status_box.blockSignals(True)
            view.set_status_filter("all")
            view.status_box.blockSignals(False)
        else:
            view.proxy.set_text_filter("")
        view.reload(select=item.id)

    def _on_start_page_item_activated(self, item: object) -> None:
        if isinstance(item, DueItem):
            self.open_item(item)

    def _on_start_page_changes_requested(self) -> None:
        letter = self.start_page.since.letter
        if letter is not None and letter.datum is not None:
            self._changes().show_period(letter.datum, self._today())
            self._raise(self._changes())

    # -- recent letters -----------------------------------------------------------------------

    def recent_ids(self) -> list[int]:
        """The letters opened last, newest first (UI state, in the user's settings)."""
        value = self._settings.value(RECENT_KEY, "")
        items = value if isinstance(value, list) else str(value or "").split(",")
        return [int(item) for item in items if str(item).strip().isdigit()]

    def remember_letter(self, letter_id: int) -> None:
        """A letter was opened: first in the recent list."""
        ids = [letter_id, *(other for other in self.recent_ids() if other != letter_id)]
        self._settings.setValue(RECENT_KEY, ",".join(str(i) for i in ids[:RECENT_COUNT]))
        self.update_recent()

    def update_recent(self) -> None:
        """Show the recent letters that still exist; without any, the newest in the registry."""
        known = {
            row.id: row
            for row in self._views.letters.model.rows()
            if isinstance(row, Letter) and row.id is not None
        }
        letters = [known[i] for i in self.recent_ids() if i in known]
        if not letters:
            newest = sorted(
                known.values(), key=lambda item: (item.datum or dt.date.min, item.id or 0)
            )
            letters = list(reversed(newest))[:3]
        self.start_page.set_recent(
            [
                (item.id, " – ".join(t for t in (letter_label(item), item.betreft.strip()) if t))
                for item in letters
                if item.id
            ]
        )

    # -- what changed ---------------------------------------------------------------------------

    def _changes(self) -> ChangesWindow:
        if self.changes_window is None:
            from desktop.ui.planning.changes import ChangesWindow

            self.changes_window = ChangesWindow(
                self._tasks, self._window, settings=self._settings, today=self._today
            )
            self.changes_window.status_reported.connect(self.status_reported)
        return self.changes_window

    @staticmethod
    def _raise(widget: ChangesWindow | VersionsDialog) -> None:
        if widget.isVisible():  # already open, perhaps behind the main window
            widget.raise_()
            widget.activateWindow()
        else:
            widget.show()

    def show_changes(self) -> None:
        """Open "Wat is er veranderd" for the selected letter (on Brieven), else the newest."""
        letter = None
        if self._tabs.currentWidget() is self._views.letters:
            letter = self.selected_letter()
        window = self._changes()
        window.show_letter(letter.id if letter is not None and letter.datum else None)
        self._raise(window)

    # -- the next letter ------------------------------------------------------------------------

    def new_letter(self) -> None:
        """Ask date and kenmerk, and draft the next letter from the selected one."""
        from desktop.ui.planning.dialogs import NewLetterDialog

        previous = self.selected_letter()
        if previous is None or previous.id is None:
            return
        taken = [item.kenmerk for item in self._views.letters.model.rows() if item.kenmerk]
        choice = NewLetterDialog.ask(self._window, previous, taken, today=self._today())
        if choice is None:
            return
        previous_id = previous.id
        self._tasks.run(
            lambda store: planning_operations.create_next_letter(
                store, previous_id, choice.datum, choice.kenmerk
            ),
            lambda letter: self._on_letter_created(previous, letter),
            self._warn,
        )

    def _on_letter_created(self, previous: Letter, letter: Letter) -> None:
        assert letter.id is not None
        letter_id = letter.id
        self.status_reported.emit(
            f"Nieuwe conceptbrief {letter_label(letter)} gemaakt uit {letter_label(previous)}: "
            f"{counted(len(letter.sections), 'sectie', 'secties')}, "
            f"{counted(len(letter.motions), 'motie', 'moties')}, "
            f"{counted(len(letter.commitments), 'toezegging', 'toezeggingen')}."
        )
        view = self._views.letters
        self._tabs.setCurrentWidget(view)
        view.reload(select=letter_id)
        self.start_page.reload()
        # The worker runs jobs in order: this runs once the Brieven view has its new rows,
        # so whoever opens the letter (the composer) finds it selected.
        self._tasks.run(lambda _store: None, lambda _none: self._request_open(letter_id))

    def _request_open(self, letter_id: int) -> None:
        signal = getattr(self._window, "letter_open_requested", None)
        if signal is not None:
            signal.emit(letter_id)

    # -- versions -------------------------------------------------------------------------------

    def show_versions(self) -> None:
        """Open the versions of the selected letter."""
        from desktop.ui.planning.versions import VersionsDialog

        letter = self.selected_letter()
        if letter is None:
            return
        if self.versions_dialog is not None:
            self.versions_dialog.close()
            self.versions_dialog.deleteLater()
        self.versions_dialog = VersionsDialog(self._window, self._tasks, letter)
        self._raise(self.versions_dialog)
        self.versions_dialog.reload()

    # -- the final version back from Word -------------------------------------------------------

    def read_final_version(self) -> None:
        """Choose the signed Word letter, show what it changes, and store it as a new version."""
        path = WordLetterFileDialog.ask(self._window)
        if path is None:
            return
        library = paths.default_library()
        self._tasks.run(
            lambda store: letter_operations.update_from_word(store, path, library, dry_run=True),
            lambda preview: self._confirm_final_version(path, preview),
            self._warn,
        )

    def _confirm_final_version(self, path: Path, preview: WordUpdate) -> None:
        name = preview.kenmerk or f"brief {preview.letter_id}"
        notes = [f"Let op: {warning}" for warning in preview.warnings]
        if not preview.changed:
            message = (
                f"De tekst van {path.name} is gelijk aan {name} in het register; niets gewijzigd."
            )
            self.status_reported.emit(message)
            if notes:
                MessageBox.warn(
                    self._window, "Definitieve versie inlezen", "\n\n".join([message, *notes])
                )
            return
        lines = [f"{change.titel}: {change.status}" for change in preview.changes]
        if preview.motions_updated:
            lines.append(f"Reactie bijgewerkt bij: {join_list(preview.motions_updated)}")
        if preview.commitments_updated:
            lines.append(
                f"Reactie bijgewerkt bij toezegging: {join_list(preview.commitments_updated)}"
            )
        if notes:
            lines += ["", *notes]
        if not MessageBox.confirm(
            self._window,
            "Definitieve versie inlezen",
            f"{path.name} hoort bij {name}. Dit verandert er:\n\n"
            + "\n".join(lines)
            + "\n\nDe tekst wordt een nieuwe versie van de brief; de vorige versie blijft bewaard.",
            "Inlezen",
        ):
            return
        library = paths.default_library()
        self._tasks.run(
            lambda store: letter_operations.update_from_word(store, path, library, dry_run=False),
            self._on_final_version_read,
            self._warn,
        )

    def _on_final_version_read(self, result: WordUpdate) -> None:
        self.last_word_update = result
        self.status_reported.emit(
            f"Definitieve versie ingelezen als versie {result.version} van "
            f"{result.kenmerk or result.letter_id}; de vorige tekst is versie "
            f"{result.previous_version}."
        )
        self._views.letters.reload(select=result.letter_id)
        self.start_page.reload()

    def _warn(self, error: UserError) -> None:
        MessageBox.warn(self._window, "Voortgang", str(error))
