"""Start the windowed application: first-start choice, Dutch locale, the main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from desktop import __version__, paths
from desktop.core.errors import UserError
from desktop.core.store.engine import Address, parse_address
from desktop.ui.common.crash import install_excepthook
from desktop.ui.common.dialogs import FirstStart, FirstStartDialog, MessageBox
from desktop.ui.common.tasks import TaskManager
from desktop.ui.common.translations import install_qt_translations
from desktop.ui.main_window import APPLICATION, ORGANISATION, MainWindow

# The registry last opened with Bestand › Register openen… (a path, or a server address
# without its password).
SETTINGS_ADDRESS = "register/adres"


def registry_choice(db: str | None, settings: QSettings) -> Path | str:
    """--db, else VOORTGANG_DB, else the registry opened last, else the per-user file."""
    if db or os.environ.get(paths.DB_ENV):
        return paths.registry_address(db)
    remembered = settings.value(SETTINGS_ADDRESS)
    if remembered:
        return paths.registry_address(str(remembered))
    return paths.default_db_path()


def is_first_start(db: str | None, settings: QSettings | None = None) -> bool:
    """True when nothing names a registry and the default one does not exist yet."""
    if db or os.environ.get(paths.DB_ENV):
        return False
    if settings is not None and settings.value(SETTINGS_ADDRESS):
        return False
    return not paths.default_db_path().exists()


def configure_application(app: QApplication) -> None:
    """Names for QSettings, the Dutch locale and Qt's own Dutch texts."""
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    if getattr(app, "_voortgang_translator", None) is None:
        # Kept on the application: a translator that is garbage collected stops translating.
        app._voortgang_translator = install_qt_translations(app)  # type: ignore[attr-defined]


def create_main_window(
    db: str | None,
    settings: QSettings,
    *,
    crash_handler: Callable[[BaseException], None] | None = None,
    address: Address | None = None,
) -> MainWindow | None:
    """Ask on first start, open the registry and build the window; None when cancelled.

    ``address`` (from Bestand › Register openen…) overrides what ``db`` and the settings
    name.
    """
    choice: FirstStart | None = FirstStart.EMPTY
    if address is None:
        chosen = registry_choice(db, settings)
        if is_first_start(db, settings):
            choice = FirstStartDialog.ask(None, paths.default_db_path())
            if choice is None:
                return None
        address = parse_address(chosen)
    tasks = TaskManager(address, crash_handler=crash_handler)
    window = MainWindow(tasks, settings, resources=paths.resources_dir())
    window.start(load_demo=choice is FirstStart.DEMO)
    return window


def run(db: str | None) -> int:
    """Start the windowed application on the given (or default) registry; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    windows: list[MainWindow] = []
    crash = install_excepthook(lambda: windows[0] if windows else None)
    settings = QSettings()
    try:
        window = create_main_window(db, settings, crash_handler=crash.handle)
    except UserError as error:
        # A malformed address in --db or VOORTGANG_DB: say so, in Dutch, and stop.
        MessageBox.warn(None, "Voortgang", str(error))
        return 1
    if window is None:
        return 0

    def adopt(new: MainWindow) -> None:
        windows[:] = [new]
        crash.before_report[:] = [new.letters.save_drafts]
        new.registry_switch_requested.connect(switch)
        new.show()

    def switch(address: Address) -> None:
        old = windows[0]
        new = create_main_window(None, settings, crash_handler=crash.handle, address=address)
        if new is None:  # pragma: no cover - an address never asks the first-start question
            return
        adopt(new)
        if not old.close():  # unsaved letter text: the user chose to stay
            windows[:] = [old]
            new.close()
            return
        settings.setValue(SETTINGS_ADDRESS, address.saved)

    adopt(window)
    app.aboutToQuit.connect(lambda: windows[0].tasks.shutdown())
    return app.exec()
