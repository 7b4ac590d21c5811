"""Undo as in Word: typing per word, each footnote, citation, status change its own step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from desktop.core.services.letters import Citation
from desktop.ui.common.undo import action_text
from desktop.ui.composer.commands import SetMetaCommand, edit_span, insert_range
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.fields import widget_text
from desktop.ui.composer.models import ITEM_COL_AFDOEN
from tests.ui.test_composer import DEMO_LETTER, open_composer, settle


def section_editor(qtbot, composer):
    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(0)
    editor = composer.sections.text
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    composer.undo_stack.clear()
    return editor


def test_a_typed_sentence_and_a_footnote_are_separate_steps(qtbot, window, composer_dialogs):
    composer = open_composer(qtbot, window)
    editor = section_editor(qtbot, composer)
    qtbot.keyClicks(editor, "Het kabinet zegt")
    composer.sections.note_button.click()
    qtbot.keyClicks(composer.sections.note_text, "bron")  # the footnote's text, in its pane
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " en ")
    composer_dialogs.citations.append(
        Citation("Van Laar", "de motie Van Laar (Kamerstuk 26\u00a0485, nr.\u00a0224)", "motie:1")
    )
    composer.sections.cite_button.click()
    assert widget_text(editor) == (
        "Het kabinet zegt^[bron] en [de motie Van Laar (Kamerstuk 26\u00a0485, nr.\u00a0224)](motie:1)"
    )
    stack = composer.undo_stack
    labels = [stack.text(index) for index in range(stack.count())]
    assert labels == [
        "Typen",  # Het
        "Typen",  # kabinet
        "Typen",  # zegt
        "Voetnoot invoegen",
        "Typen",  # bron
        "Typen",  # the space after the footnote
        "Typen",  # en
        "Verwijzing invoegen",
    ]
    assert composer.act_undo.text() == "&Ongedaan maken: Verwijzing invoegen"
    composer.act_undo.trigger()
    assert widget_text(editor) == "Het kabinet zegt^[bron] en "
    for _ in range(3):
        composer.act_undo.trigger()
    assert widget_text(editor) == "Het kabinet zegt^[]"
    assert composer.act_undo.text() == "&Ongedaan maken: Voetnoot invoegen"
    composer.act_undo.trigger()
    assert widget_text(editor) == "Het kabinet zegt"  # the sentence stays, the footnote went
    assert composer.act_redo.text() == "O&pnieuw: Voetnoot invoegen"
    composer.act_undo.trigger()
    assert widget_text(editor) == "Het kabinet "


def test_backspace_runs_are_one_step_and_typing_elsewhere_is_another(qtbot, window):
    composer = open_composer(qtbot, window)
    editor = section_editor(qtbot, composer)
    qtbot.keyClicks(editor, "woorden")
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClicks(editor, "X")
    assert widget_text(editor) == "Xwoor"
    composer.act_undo.trigger()
    assert widget_text(editor) == "woor"
    composer.act_undo.trigger()
    assert widget_text(editor) == "woorden"


def test_status_settle_and_reorder_labels_read_as_natural_dutch(qtbot, window):
    composer = open_composer(qtbot, window, DEMO_LETTER)
    composer.flows.reopen()
    settle(qtbot, window, composer)
    assert composer.act_undo.text() == "&Ongedaan maken: Terug naar concept"
    assert window.letters.act_undo.text() == "&Ongedaan maken: Terug naar concept"
    assert "brief terug naar concept" not in composer.act_undo.text()
    composer.sections.select(0)
    composer.sections.down_button.click()
    assert composer.act_undo.text() == "&Ongedaan maken: Sectie verplaatsen"
    model = composer.document.motions
    settles = composer.document.content.motions[0].afdoen
    new = Qt.CheckState.Unchecked if settles else Qt.CheckState.Checked
    index = model.index(0, ITEM_COL_AFDOEN)
    assert model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)
    assert composer.undo_stack.undoText() == ("Motie niet afdoen" if settles else "Motie afdoen")
    composer.act_undo.trigger()
    assert composer.act_undo.text() == "&Ongedaan maken: Sectie verplaatsen"


def test_edit_span_and_action_text():
    assert edit_span("abc", "abXc") == (2, "", "X")
    assert edit_span("abc", "ac") == (1, "b", "")
    assert edit_span("aaa", "aaaa") == (3, "", "a")
    assert action_text("&Ongedaan maken", "terug naar concept") == (
        "&Ongedaan maken: Terug naar concept"
    )
    assert action_text("&Ongedaan maken", "") == "&Ongedaan maken"


def test_a_word_typed_before_the_same_letters_is_still_one_step(qtbot):
    document = ComposerDocument()
    stack = QUndoStack()
    document.set_meta("aanhef", "In november")
    for old, new in (
        ("In november", "IIn november"),  # "I" fits before or after the first "I"
        ("IIn november", "InIn november"),
        ("InIn november", "In In november"),
    ):
        stack.push(SetMetaCommand(document, "aanhef", old, new))
    assert stack.count() == 1
    stack.push(SetMetaCommand(document, "aanhef", "In In november", "In In novemberx"))
    assert stack.count() == 2  # typed elsewhere: its own step
    # Typing over a selection, then on: one step as before.
    stack.push(SetMetaCommand(document, "aanhef", "In In novemberx", "In In Xx"))
    stack.push(SetMetaCommand(document, "aanhef", "In In Xx", "In In XYx"))
    assert stack.count() == 3
    stack.undo()
    assert document.content.meta["aanhef"] == "In In novemberx"
    assert insert_range("In", "IIn") == (0, 1)
    assert insert_range("abc", "aXc") is None  # not an insertion
