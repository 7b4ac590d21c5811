"""Start the windowed application: first-start choice, Dutch locale, the main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from desktop import __version__, paths
from desktop.ui.common.crash import install_excepthook
from desktop.ui.common.dialogs import FirstStart, FirstStartDialog
from desktop.ui.common.tasks import TaskManager
from desktop.ui.common.translations import install_qt_translations
from desktop.ui.main_window import APPLICATION, ORGANISATION, MainWindow


def is_first_start(db: str | None) -> bool:
    """True without --db and VOORTGANG_DB when the default registry does not exist yet."""
    return not db and not os.environ.get(paths.DB_ENV) and not paths.default_db_path().exists()


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
) -> MainWindow | None:
    """Ask on first start, open the registry and build the window; None when cancelled."""
    path = paths.default_db_path(db)
    choice: FirstStart | None = FirstStart.EMPTY
    if is_first_start(db):
        choice = FirstStartDialog.ask(None, path)
        if choice is None:
            return None
    tasks = TaskManager(path, crash_handler=crash_handler)
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
    window = create_main_window(db, QSettings(), crash_handler=crash.handle)
    if window is None:
        return 0
    windows.append(window)
    crash.before_report.append(window.letters.save_drafts)
    app.aboutToQuit.connect(window.tasks.shutdown)
    window.show()
    return app.exec()
