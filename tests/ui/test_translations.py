"""Qt's own dialogs speak Dutch: the file dialog's labels and buttons, message-box buttons."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QToolButton

from desktop.ui.common.translations import (
    DutchQtTranslator,
    install_qt_translations,
    translation_folders,
    with_mnemonic,
)


@pytest.fixture
def dutch(qapp) -> Iterator[DutchQtTranslator]:
    translator = install_qt_translations(qapp)
    assert translator is not None, f"qtbase_nl.qm not found in {translation_folders()}"
    yield translator
    qapp.removeTranslator(translator)


def test_the_file_dialog_shows_dutch_labels(qtbot, dutch):
    dialog = QFileDialog(None, "Brief kiezen")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
    assert {"Zoeken in:", "Bestandsnaam:", "Bestanden van type:"} <= labels
    assert not labels & {"Look in:", "File name:", "Files of type:"}
    buttons = dialog.findChildren(QDialogButtonBox)[0].buttons()
    assert {b.text().replace("&", "") for b in buttons} == {"Openen", "Annuleren"}
    tips = {button.toolTip() for button in dialog.findChildren(QToolButton)}
    assert {"Terug", "Nieuwe map aanmaken"} <= tips


def test_message_box_buttons_are_dutch(qtbot, dutch):
    box = QMessageBox(QMessageBox.Icon.Question, "Vraag", "Doorgaan?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    QCoreApplication.sendEvent(box, QEvent(QEvent.Type.LanguageChange))
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Ja", "Nee"}


def test_the_shortcut_letter_is_kept_where_the_catalog_lacks_it():
    assert with_mnemonic("&Look in:", "Zoeken in:") == "&Zoeken in:"
    assert with_mnemonic("Files of &type:", "Bestanden van type:") == "Bes&tanden van type:"
    assert with_mnemonic("&Xyz", "Abc") == "&Abc"
    assert with_mnemonic("Plain", "Gewoon") == "Gewoon"


def test_a_missing_catalog_leaves_qt_in_english(qapp, tmp_path):
    assert install_qt_translations(qapp, [tmp_path]) is None
