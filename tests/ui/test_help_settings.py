"""F1 opens the Dutch manual; Bewerken › Instellingen sets the name that signs changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import paths
from desktop.core.services import identity
from desktop.ui.common.help import HelpWindow, manual_text
from desktop.ui.common.settings import USER_KEY, SettingsDialog
from tests.ui.helpers import show_active, wait_idle


def test_f1_opens_the_dutch_manual_and_esc_closes_it(qtbot, window):
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_window = window.findChild(HelpWindow, "handleiding")
    assert help_window is not None
    qtbot.waitUntil(help_window.isVisible)
    text = help_window.browser.toPlainText()
    for task in ("Importeren", "Een brief schrijven", "Ongedaan maken", "Van brief naar brief"):
        assert task in text
    assert "**" not in text  # shown as formatted text, not as Markdown source
    help_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is help_window)
    qtbot.keyClick(help_window.browser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not help_window.isVisible())
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.findChildren(HelpWindow) == [help_window]  # reused, not a second one


def test_the_manual_is_a_bundled_resource():
    assert manual_text(paths.resources_dir()).startswith("# Handleiding Voortgang")


def test_a_missing_manual_says_so_in_dutch(tmp_path):
    assert "niet gevonden" in manual_text(tmp_path)


def test_the_chosen_name_signs_a_settled_motion(qtbot, window, monkeypatch, ui_settings):
    monkeypatch.setattr(identity._Chosen, "name", None)
    monkeypatch.setattr(identity._Chosen, "before", None)
    monkeypatch.setattr(SettingsDialog, "ask", classmethod(lambda cls, *a: "Anna de Boer"))
    window.show_settings()
    assert ui_settings.value(USER_KEY) == "Anna de Boer"
    assert identity.user_name() == "Anna de Boer"
    assert "Anna de Boer" in window.statusBar().currentMessage()
    monkeypatch.setattr(SettingsDialog, "ask", classmethod(lambda cls, *a: ""))
    window.show_settings()
    assert identity.user_name() == "tester"  # the name the process started with
    wait_idle(qtbot, window)


def test_the_settings_dialog_cleans_the_name(qtbot):
    dialog = SettingsDialog(None, "", "jansenj")
    qtbot.addWidget(dialog)
    assert dialog.name.placeholderText() == "jansenj"
    dialog.name.setText("  Piet   Jansen ")
    assert dialog.value() == "Piet Jansen"


def test_f1_in_the_composer_and_its_find_shortcuts(qtbot, window):
    from tests.ui.test_composer import open_composer

    composer = open_composer(qtbot, window)
    assert composer.act_help.shortcut().toString() == "F1"
    composer.act_help.trigger()
    help_window = composer.findChild(HelpWindow, "handleiding")
    assert help_window is not None and help_window.isVisible()
    help_window.close()
    shortcuts = {s.toString() for s in composer.act_find.shortcuts()}
    assert shortcuts == {"Ctrl+H", "Ctrl+F"}
    composer.act_find.trigger()
    assert composer.find_dialog.isVisible()
    composer.find_dialog.close()
    wait_idle(qtbot, window)
