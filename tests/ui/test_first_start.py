"""First start: no registry yet, so the user chooses the demo or an empty registry."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton

from desktop import paths
from desktop.ui.app import create_main_window, is_first_start
from desktop.ui.common.dialogs import FirstStart, FirstStartDialog
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import wait_idle


@dataclass
class Script:
    """Answers the first-start dialog gives, and the paths it was asked about."""

    answers: list[FirstStart | None] = field(default_factory=list)
    asked: list[Path] = field(default_factory=list)


@pytest.fixture
def first_start(monkeypatch: pytest.MonkeyPatch) -> Script:
    script = Script()

    def ask(cls: Any, parent: Any, path: Path) -> FirstStart | None:
        script.asked.append(path)
        return script.answers.pop(0)

    monkeypatch.setattr(FirstStartDialog, "ask", classmethod(ask))
    return script


def start(qtbot: Any, ui_settings: Any, db: str | None = None) -> MainWindow | None:
    window = create_main_window(db, ui_settings)
    if window is not None:
        qtbot.addWidget(window)
        wait_idle(qtbot, window)
    return window


def test_first_start_is_only_without_db_option_variable_or_file(monkeypatch, tmp_path):
    assert is_first_start(None)
    assert not is_first_start(str(tmp_path / "eigen.db"))
    monkeypatch.setenv(paths.DB_ENV, str(tmp_path / "env.db"))
    assert not is_first_start(None)
    monkeypatch.delenv(paths.DB_ENV)
    paths.default_db_path().parent.mkdir(parents=True)
    paths.default_db_path().write_bytes(b"")
    assert not is_first_start(None)


def test_choosing_the_demo_loads_it_into_the_default_registry(qtbot, first_start, ui_settings):
    first_start.answers = [FirstStart.DEMO]
    window = start(qtbot, ui_settings)
    assert window is not None
    assert first_start.asked == [paths.default_db_path()]
    assert window.tasks.path == paths.default_db_path()
    assert window.tabs.tabText(0) == "Moties (5)"
    assert window.tabs.tabText(2) == "Convenanten (14)"
    assert window.statusBar().currentMessage().startswith("Demoregister geladen: 5 moties")
    window.close()
    assert paths.default_db_path().exists()
    assert not is_first_start(None)


def test_choosing_an_empty_registry(qtbot, first_start, ui_settings):
    first_start.answers = [FirstStart.EMPTY]
    window = start(qtbot, ui_settings)
    assert window is not None
    assert window.tabs.tabText(0) == "Moties (0)"
    assert "Geen moties gevonden." in window.views.motions.detail.toPlainText()
    window.close()


def test_cancelling_starts_nothing(qtbot, first_start, ui_settings):
    first_start.answers = [None]
    assert start(qtbot, ui_settings) is None
    assert not paths.default_db_path().exists()


def test_an_explicit_registry_is_not_asked_about(qtbot, first_start, ui_settings, demo_db):
    window = start(qtbot, ui_settings, db=str(demo_db))
    assert window is not None
    assert first_start.asked == []
    assert window.tabs.tabText(0) == "Moties (5)"
    window.close()


def test_the_dialog_returns_the_button_clicked(qtbot, tmp_path):
    dialog = FirstStartDialog(None, tmp_path / "register.db")
    qtbot.addWidget(dialog)
    buttons = {button.text(): button for button in dialog.findChildren(QPushButton)}
    assert {"&Demoregister laden", "&Leeg register", "Annuleren"} <= set(buttons)
    buttons["&Demoregister laden"].click()
    assert dialog.answer is FirstStart.DEMO
