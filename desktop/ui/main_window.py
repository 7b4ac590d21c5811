"""The main window: a tab per registry, menus and shortcuts, status bar; and :func:`run`."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QTabWidget, QToolBar, QWidget

from desktop import __version__, paths
from desktop.core.errors import UserError
from desktop.core.services import dropped, identity, team
from desktop.core.services import registry as operations
from desktop.ui.common.dialogs import MessageBox
from desktop.ui.common.registry_dialog import OpenRegistryDialog
from desktop.ui.common.settings import USER_KEY, SettingsDialog
from desktop.ui.common.tasks import TaskManager
from desktop.ui.common.widgets import make_action
from desktop.ui.composer.letter_actions import LetterActions
from desktop.ui.imports.actions import ImportActions
from desktop.ui.planning.actions import LetterCycle
from desktop.ui.registry.detail import LETTER_LINK
from desktop.ui.registry.motion_actions import MotionActions
from desktop.ui.registry.view import RegistryView
from desktop.ui.registry.views import build_views

ORGANISATION = "Voortgang"
APPLICATION = "Voortgang"
DEFAULT_SIZE = (1440, 860)
# The same error message is not shown again within this many seconds.
REPEAT_SECONDS = 5.0


class MainWindow(QMainWindow):
    """The registry window. Built from injected objects, so tests make a fresh one each.

    ``letter_open_requested(letter_id)`` is emitted when the user opens a letter (a
    double click in Brieven, or a letter link in a detail pane); the letter composer
    connects to it.
    """

    letter_open_requested = Signal(int)
    # Bestand › Register openen… chose another registry (an Address); the application
    # builds a new window for it.
    registry_switch_requested = Signal(object)
    # Someone else changed the team registry (the tables' names); from the listener thread.
    others_changed = Signal(object)

    def __init__(
        self,
        tasks: TaskManager,
        settings: QSettings,
        *,
        resources: Path | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hoofdvenster")
        self.tasks = tasks
        self.settings = settings
        self._resources = resources or paths.resources_dir()
        self._showing_error = False
        self._last_error = ""
        self._last_error_at = 0.0
        tasks.failure_handler = self.show_user_error
        # The name that signs status changes and versions (Bewerken > Instellingen).
        identity.set_user_name(str(settings.value(USER_KEY, "") or ""))
        address = tasks.address
        if address.is_server:
            where = f"teamregister {address.url.database if address.url else ''}".strip()
        else:
            where = tasks.path.name if tasks.path else "register in het geheugen"
        self.setWindowTitle(f"Voortgang – {where}")

        self.views = build_views(tasks, self, today=today)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("registers")
        self.tabs.setDocumentMode(True)
        self._titles: dict[RegistryView, str] = {}
        self._counts: dict[RegistryView, str] = {}
        for title, view in self.views.titled():
            self._titles[view] = title
            self.tabs.addTab(view, title)
            view.count_changed.connect(
                lambda count, complete, view=view: self._on_view_count_changed(
                    view, count, complete
                )
            )
            view.status_reported.connect(
                lambda message, view=view: self._on_view_status_reported(view, message)
            )
            view.link_clicked.connect(self._on_view_link_clicked)
        self.setCentralWidget(self.tabs)

        # One undo stack for the window; the letter composer puts every edit on it, and
        # "Afdoen met brief" in the Moties tab is a step on it too.
        self.undo_stack = QUndoStack(self)
        self.motion_actions = MotionActions(
            self, tasks, kenmerken=self._letter_kenmerken, undo_stack=self.undo_stack
        )
        self.motion_actions.changed.connect(self._on_motion_actions_changed)
        self.motion_actions.status_reported.connect(self.show_status)
        # The letter cycle: start panel, what changed, next letter, versions.
        self.cycle = LetterCycle(self, self.views, self.tabs, settings, tasks, today=today)
        self.cycle.status_reported.connect(self.show_status)
        self.cycle.letter_open_requested.connect(self.letter_open_requested)
        self.letters = LetterActions(
            self, tasks, self.undo_stack, settings, today=today, letters_view=self.views.letters
        )
        self.letters.registry_changed.connect(self.refresh_all)
        self.letters.letter_opened.connect(self.cycle.remember_letter)
        # Bestand > Importeren / Exporteren: open data, earlier letters, afdoeningstabel.
        self.imports = ImportActions(self, tasks, settings, today=today)
        self.imports.registry_changed.connect(self._on_imports_registry_changed)
        self.imports.status_reported.connect(self.show_status)
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        # What the current tab lists: the same number as on the tab, always.
        self.count_label = QLabel(self)
        self.count_label.setObjectName("aantal")
        self.statusBar().addPermanentWidget(self.count_label)
        shown = address.shown if address.is_server else (tasks.path or "in het geheugen")
        kind = "Teamregister" if address.is_server else "Register"
        path_label = QLabel(f"{kind}: {shown}", self)
        path_label.setObjectName("registeradres")
        path_label.setStyleSheet("color: #5f6368; padding: 0 6px;")
        self.statusBar().addPermanentWidget(path_label)

        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.views.motions.current_changed.connect(self._on_motions_current_changed)
        self.views.motions.record_activated.connect(self._on_motions_record_activated)
        self.views.letters.record_activated.connect(self._on_letters_record_activated)
        self.letter_open_requested.connect(self._on_self_letter_open_requested)
        self._restore_settings()
        self._update_actions()
        # A team registry: other people's changes refresh the views within seconds.
        self.others_changed.connect(self._on_others_changed)
        self.watcher = team.ChangeWatcher(
            address, self.others_changed.emit, own_pids=tasks.own_backend_pids
        )
        # A motion text, an open-data file or an earlier letter dropped here starts its import.
        self.setAcceptDrops(True)

    # -- actions and menus ----------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        return make_action(self, text, slot, shortcut, window=self)

    def _create_actions(self) -> None:
        actions = self.motion_actions
        self.act_import = self._action("Motie &importeren…", actions.import_text, "Ctrl+I")
        self.act_quit = self._action("&Afsluiten", self.close, "Ctrl+Q")
        self.act_new = self._action("&Nieuwe motie…", actions.new, QKeySequence.StandardKey.New)
        self.act_edit = self._action("Motie &bewerken…", self._edit_motion, "Ctrl+E")
        self.act_delete = self._action(
            "Motie &verwijderen…", self._delete_motion, QKeySequence.StandardKey.Delete
        )
        self.act_settle = self._action("&Afdoen met brief…", self._settle_motion, "Ctrl+D")
        self.act_reopen = self._action("&Heropenen", self._reopen_motion, "Ctrl+Shift+D")
        self.act_find = self._action("&Zoeken", self.focus_search, QKeySequence.StandardKey.Find)
        self.act_refresh = self._action("&Vernieuwen", self._on_refresh_triggered, "F5")
        self.act_about = self._action("&Over Voortgang", self._about)
        self.act_help = self._action(
            "&Handleiding", self.show_help, QKeySequence.StandardKey.HelpContents
        )
        self.act_settings = self._action("&Instellingen…", self.show_settings)
        self.act_letterhead = self._action("Brief&hoofd van het ministerie…", self.show_letterhead)
        self.act_open_registry = self._action(
            "&Register openen…", self.open_registry, "Ctrl+Shift+O"
        )
        self.act_tabs = [
            self._action(
                f"&{title}", partial(self.tabs.setCurrentIndex, index), f"Ctrl+{index + 1}"
            )
            for index, (title, _view) in enumerate(self.views.titled())
        ]

    def _create_menus(self) -> None:
        bar = self.menuBar()
        bestand = bar.addMenu("&Bestand")
        bestand.addAction(self.letters.act_new)
        bestand.addAction(self.letters.act_open)
        bestand.addSeparator()
        bestand.addAction(self.act_open_registry)
        bestand.addSeparator()
        importeren = bestand.addMenu("&Importeren")
        importeren.addAction(self.act_import)
        importeren.addAction(self.imports.act_open_data)
        importeren.addAction(self.imports.act_letter)
        exporteren = bestand.addMenu("E&xporteren")
        exporteren.addAction(self.imports.act_afdoeningstabel)
        bestand.addSeparator()
        bestand.addAction(self.act_letterhead)
        bestand.addSeparator()
        bestand.addAction(self.act_quit)
        bewerken = bar.addMenu("Be&werken")
        bewerken.addAction(self.letters.act_undo)
        bewerken.addAction(self.letters.act_redo)
        bewerken.addSeparator()
        for action in (self.act_new, self.act_edit, self.act_delete):
            bewerken.addAction(action)
        bewerken.addSeparator()
        bewerken.addAction(self.act_settle)
        bewerken.addAction(self.act_reopen)
        bewerken.addSeparator()
        bewerken.addAction(self.act_find)
        bewerken.addSeparator()
        bewerken.addAction(self.cycle.act_new_letter)
        bewerken.addSeparator()
        bewerken.addAction(self.act_settings)
        beeld = bar.addMenu("Bee&ld")
        beeld.addAction(self.act_refresh)
        beeld.addSeparator()
        for action in (self.cycle.act_start, self.cycle.act_changes, self.cycle.act_versions):
            beeld.addAction(action)
        beeld.addAction(self.cycle.act_from_word)
        beeld.addSeparator()
        for action in self.act_tabs:
            beeld.addAction(action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_help)
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)

    def _create_toolbar(self) -> None:
        toolbar = QToolBar("Werkbalk", self)
        toolbar.setObjectName("werkbalk")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.act_new, self.act_import, self.act_edit):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.act_settle)
        toolbar.addAction(self.act_reopen)
        toolbar.addSeparator()
        toolbar.addAction(self.act_delete)
        toolbar.addSeparator()
        toolbar.addAction(self.act_refresh)
        self.addToolBar(toolbar)

    def _update_actions(self) -> None:
        on_motions = self.tabs.currentWidget() is self.views.motions
        motion = self.views.motions.current_motion() if on_motions else None
        self.act_edit.setEnabled(motion is not None)
        self.act_delete.setEnabled(motion is not None)
        self.act_settle.setEnabled(motion is not None and motion.is_open)
        self.act_reopen.setEnabled(
            motion is not None and (not motion.is_open or bool(motion.afgedaan_met))
        )

    # -- loading --------------------------------------------------------------------------

    def start(self, *, load_demo: bool = False) -> None:
        """Load the registry into the views (first filling it with the demo if asked)."""
        if load_demo:
            resources = self._resources
            self.tasks.run(
                lambda store: operations.load_demo_registry(store, resources),
                self._on_demo_loaded,
            )
        self.tasks.run(operations.open_notices, self._on_opened)
        self.refresh_all()
        self.watcher.start()

    def open_registry(self) -> None:
        """Bestand › Register openen…: another file, or a team registry on a server."""
        dialog = OpenRegistryDialog(self, self.tasks.address)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.address is None:
            return
        address = dialog.address
        if address.is_server and dialog.needs_setup:
            if not MessageBox.confirm(
                self,
                "Teamregister aanmaken",
                f"De database {address.shown} is nog leeg. Wilt u er een teamregister van "
                "maken? Daarna kunnen uw collega's het ook openen.",
                "Aanmaken",
            ):
                return
            try:
                operations.init_registry(address, demo=False, resources=self._resources)
            except UserError as error:
                self.show_user_error(error)
                return
        self.registry_switch_requested.emit(address)

    def _on_others_changed(self, tables: object) -> None:
        """A colleague changed the team registry: show it (the user's own edits stay)."""
        self.refresh_all()
        if isinstance(tables, set) and team.EVERYTHING in tables:
            # The listener reconnected: whatever happened meanwhile is shown now.
            self.show_status(
                "De verbinding met het teamregister is hersteld; de lijsten zijn bijgewerkt."
            )
        else:
            self.show_status(
                "Een collega heeft het register gewijzigd; de lijsten zijn bijgewerkt."
            )

    def _on_opened(self, notices: list[str]) -> None:
        """Tell what opening the registry did (a copy before a migration, a failed backup)."""
        if notices:
            self.show_status(" ".join(notices))

    def _on_demo_loaded(self, counts: dict[str, int]) -> None:
        self.show_status(f"Demoregister geladen: {operations.demo_summary(counts)}.")

    def refresh_all(self, select_motion: int | None = None) -> None:
        """Query every view again."""
        for _title, view in self.views.titled():
            view.reload(select_motion if view is self.views.motions else None)
        self.cycle.reload()

    def _on_refresh_triggered(self) -> None:
        self.refresh_all()
        self.show_status("Register vernieuwd.")

    def current_view(self) -> RegistryView:
        """The view of the current tab."""
        widget = self.tabs.currentWidget()
        assert isinstance(widget, RegistryView)
        return widget

    def focus_search(self) -> None:
        """Ctrl+F: the search box of the current view."""
        self.current_view().focus_search()

    # -- motion actions -------------------------------------------------------------------

    def _selected_motion(self, run: Callable[[Any], None]) -> None:
        motion = self.views.motions.current_motion()
        if self.tabs.currentWidget() is self.views.motions and motion is not None:
            run(motion)

    def _edit_motion(self) -> None:
        self._selected_motion(self.motion_actions.edit)

    def _delete_motion(self) -> None:
        self._selected_motion(self.motion_actions.delete)

    def _settle_motion(self) -> None:
        self._selected_motion(self.motion_actions.settle)

    def _reopen_motion(self) -> None:
        self._selected_motion(self.motion_actions.reopen)

    def _letter_kenmerken(self) -> list[str]:
        return sorted({item.kenmerk for item in self.views.letters.model.rows() if item.kenmerk})

    def _on_motion_actions_changed(self, motion_id: int | None) -> None:
        if motion_id is not None:
            self.tabs.setCurrentWidget(self.views.motions)
        self.refresh_all(select_motion=motion_id)

    def _on_imports_registry_changed(self, motion_id: int | None) -> None:
        # Same as after a motion action: reload, and show the motion when one is named.
        self._on_motion_actions_changed(motion_id)

    def _on_motions_current_changed(self, record: object) -> None:
        self._update_actions()

    def _on_motions_record_activated(self, record: object) -> None:
        self._edit_motion()

    def _on_tabs_current_changed(self, index: int) -> None:
        self._update_actions()
        self.statusBar().clearMessage()
        self._show_count()

    # -- letters (the composer connects to letter_open_requested) ---------------------------

    def _on_view_link_clicked(self, url: str) -> None:
        if url.startswith(LETTER_LINK) and url[len(LETTER_LINK) :].isdigit():
            self.letter_open_requested.emit(int(url[len(LETTER_LINK) :]))

    def _on_letters_record_activated(self, record: object) -> None:
        letter_id = getattr(record, "id", None)
        if letter_id is not None:
            self.letter_open_requested.emit(letter_id)

    def _on_self_letter_open_requested(self, letter_id: int) -> None:
        self.tabs.setCurrentWidget(self.views.letters)
        self.views.letters.select_id(letter_id)
        self.letters.open(letter_id)

    # -- dropped files --------------------------------------------------------------------

    @staticmethod
    def _dropped_files(event: QDropEvent | QDragEnterEvent) -> list[Path]:
        data = event.mimeData()
        if not data.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.import_files(files)

    def import_files(self, files: list[Path]) -> str | None:
        """Start the import that fits the files (as if dropped); returns which one."""
        kind, taken, left = dropped.plan_drop(files)
        names = ", ".join(path.name for path in left)
        if kind is None:
            self.show_user_error(
                UserError(
                    f"Voortgang kan {names or 'dit'} niet importeren. Sleep een motietekst "
                    "(.txt), open data van de Kamer (.json, .xml) of een eerdere brief "
                    "(.docx, .md, .txt) op het venster."
                )
            )
            return None
        if kind == dropped.OPEN_DATA:
            self.imports.run_open_data(taken)
        elif kind == dropped.LETTER:
            self.imports.review_letter(taken[0])
        else:
            try:
                text = dropped.read_text(taken[0])
            except UserError as error:
                self.show_user_error(error)
                return None
            self.motion_actions.import_text(text)
        if left:
            self.show_status(f"Niet geïmporteerd (één soort tegelijk): {names}.")
        return kind

    # -- status and errors ----------------------------------------------------------------

    def show_letterhead(self) -> None:
        """The letterhead the exports use: show it, set a template or emblem, or remove it."""
        from desktop.ui.common.letterhead import LetterheadDialog

        selected = self.views.letters.current_record()
        self.letterhead_dialog = LetterheadDialog(
            self,
            self.tasks,
            paths.default_library(),
            letter_id=getattr(selected, "id", None),
        )
        self.letterhead_dialog.reload()
        self.letterhead_dialog.show()

    def show_status(self, message: str) -> None:
        """A message in the status bar."""
        self.statusBar().showMessage(message, 8000)

    def show_user_error(self, error: UserError) -> None:
        """A problem the user can act on, in Dutch; not the same box twice in a row.

        A registry that cannot be opened fails every query of every view at once;
        the user needs to read that once.
        """
        message = str(error)
        self.show_status(message)
        now = time.monotonic()
        repeated = message == self._last_error and now - self._last_error_at < REPEAT_SECONDS
        if self._showing_error or repeated:
            return
        self._showing_error = True
        try:
            MessageBox.warn(self, "Voortgang", message)
        finally:
            self._showing_error = False
            self._last_error, self._last_error_at = message, time.monotonic()

    def _on_view_count_changed(self, view: RegistryView, count: int, complete: bool) -> None:
        index = self.tabs.indexOf(view)
        shown = f"{count:,}".replace(",", ".") + ("" if complete else "+")
        self._counts[view] = shown
        self.tabs.setTabText(index, f"{self._titles[view]} ({shown})")
        self._show_count()

    def _show_count(self) -> None:
        """The current tab's count in the status bar, in the same words as the tab."""
        widget = self.tabs.currentWidget()
        if isinstance(widget, RegistryView) and widget in self._counts:
            self.count_label.setText(f"{self._titles[widget]}: {self._counts[widget]}")
        else:
            self.count_label.setText("")

    def _on_view_status_reported(self, view: RegistryView, message: str) -> None:
        # "5 moties geladen" under the Kamerstukken tab would contradict its count.
        if view is self.tabs.currentWidget():
            self.show_status(message)

    def show_settings(self) -> None:
        """Bewerken > Instellingen: the name that signs status changes and versions."""
        current = identity.clean_user_name(str(self.settings.value(USER_KEY, "") or ""))
        chosen = SettingsDialog.ask(self, current, identity.login_name())
        if chosen is None:
            return
        self.settings.setValue(USER_KEY, chosen)
        self.show_status(
            f"Wijzigingen worden nu ondertekend door {identity.set_user_name(chosen)}."
        )

    def show_help(self) -> None:
        """F1: the Dutch manual of the main tasks, beside the window."""
        from desktop.ui.common.help import show_manual

        self.help_window = show_manual(self, self._resources)

    def _about(self) -> None:
        MessageBox.about(
            self,
            "Over Voortgang",
            f"<h3>Voortgang {__version__}</h3><p>Register van moties, toezeggingen, "
            "convenanten en EU-dossiers, en concepten van voortgangsbrieven.</p>"
            "<p>Licentie: EUPL-1.2</p>",
        )

    # -- window state -----------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(*DEFAULT_SIZE)
        state = self.settings.value("main_window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for _title, view in self.views.titled():
            view.restore_state(self.settings)
        tab = self.settings.value("main_window/tab", 0)
        self.tabs.setCurrentIndex(int(str(tab)) if str(tab).isdigit() else 0)

    def save_settings(self) -> None:
        """Remember geometry, toolbar, tab, splitters and columns (UI state only)."""
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/state", self.saveState())
        self.settings.setValue("main_window/tab", self.tabs.currentIndex())
        for _title, view in self.views.titled():
            view.save_state(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Unsaved letter changes: ask first (after a save the window closes itself again).
        if not self.letters.close(then=self.close):
            event.ignore()
            return
        self.save_settings()
        # A long import would otherwise hold the close until it commits; stopping rolls it back.
        self.imports.stop_running()
        self.watcher.stop()
        self.tasks.shutdown()
        super().closeEvent(event)
