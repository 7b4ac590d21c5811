"""GUI test fixtures: a demo registry file per test, a fresh main window, dialog stand-ins."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from desktop import paths
from desktop.core.demo import load_demo
from desktop.core.store import Store
from desktop.ui.common.dialogs import MessageBox
from desktop.ui.common.tasks import TaskManager
from desktop.ui.main_window import MainWindow
from tests.ui.composer_doubles import composer_dialogs  # noqa: F401 (autouse fixture)
from tests.ui.helpers import wait_idle

# The offscreen platform plugin says this when any top-level window is shown; it is
# about the plugin, not about our code.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"
TODAY = dt.date(2021, 3, 1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests that need a QApplication (qutebrowser's ``gui`` marker)."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@dataclass
class MessageLog:
    """What the message boxes would have shown; ``confirm`` answers from ``answers``."""

    warnings: list[str] = field(default_factory=list)
    confirmations: list[str] = field(default_factory=list)
    answers: list[bool] = field(default_factory=list)


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageLog:
    """Never open a modal message box in a test; record it instead."""
    log = MessageLog()

    def warn(cls: Any, parent: Any, title: str, message: str) -> None:
        log.warnings.append(message)

    def confirm(cls: Any, parent: Any, title: str, message: str, action: str) -> bool:
        log.confirmations.append(message)
        return log.answers.pop(0) if log.answers else True

    def about(cls: Any, parent: Any, title: str, html: str) -> None:
        log.warnings.append(html)

    monkeypatch.setattr(MessageBox, "warn", classmethod(warn))
    monkeypatch.setattr(MessageBox, "confirm", classmethod(confirm))
    monkeypatch.setattr(MessageBox, "about", classmethod(about))
    return log


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    """A registry file loaded with the demo (closed again, so the window opens it fresh)."""
    path = tmp_path / "register.db"
    with Store.open(path) as store:
        load_demo(store, paths.resources_dir())
    return path


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    """UI settings in a file of this test only."""
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def crashes() -> Iterator[list[BaseException]]:
    """Errors that reached the crash handler; a test that leaves one fails."""
    found: list[BaseException] = []
    yield found
    assert not found, f"unexpected crash: {found[0]!r}"


@pytest.fixture
def make_window(
    qtbot: Any, ui_settings: QSettings, crashes: list[BaseException]
) -> Iterator[Callable[[Path], MainWindow]]:
    """Build a main window on a registry file, loaded and idle."""
    built: list[MainWindow] = []

    def make(path: Path, settings: QSettings | None = None) -> MainWindow:
        tasks = TaskManager(path, crash_handler=crashes.append)
        window = MainWindow(tasks, settings or ui_settings, today=lambda: TODAY)
        qtbot.addWidget(window)
        window.start()
        built.append(window)
        wait_idle(qtbot, window)
        return window

    yield make
    for window in built:
        window.close()
        window.tasks.shutdown()


@pytest.fixture
def window(make_window: Callable[[Path], MainWindow], demo_db: Path) -> MainWindow:
    """A fresh main window on the demo registry."""
    return make_window(demo_db)
