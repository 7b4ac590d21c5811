"""Formatted fields outside the Secties page: responses in Moties, introduction and slot in Brief."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.core.drafting.richtext import NOTE_CHAR
from desktop.core.services.letters import Citation
from desktop.ui.composer.fields import widget_text
from desktop.ui.composer.models import MOTIONS
from desktop.ui.composer.parts import Part
from desktop.ui.composer.richdoc import shown_text
from tests.ui.helpers import screenshot_path
from tests.ui.test_composer import DEMO_LETTER, editable_demo, open_composer, settle, type_into

VAN_LAAR_ROW = 0  # de motie Van Laar in the demo letter: its response has footnotes

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_response_in_the_moties_tab_is_formatted_and_takes_a_footnote(qtbot, window):
    composer = editable_demo(qtbot, window)
    composer.tabs.setCurrentWidget(composer.motions)
    panel = composer.motions
    panel.select(VAN_LAAR_ROW)
    field = panel.response_field
    response = panel.response
    stored = composer.document.content.motions[VAN_LAAR_ROW].response
    # The stored footnotes show as numbered markers, not as ^[…].
    assert "^[" in stored
    assert "^[" not in shown_text(response.document())
    assert NOTE_CHAR in shown_text(response.document())
    response.setFocus()
    response.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(response, " Zie ook")
    field.note_button.click()
    assert field.note_pane.isVisibleTo(panel)
    assert field.note_pane.label.text().startswith("Voetnoot ")
    qtbot.keyClicks(field.note_text, "De jaarrapportage 2020.")
    response.setFocus()
    response.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(response, ".")
    content = composer.document.content
    new = stored + " Zie ook^[De jaarrapportage 2020.]."
    assert content.motions[VAN_LAAR_ROW].response == new
    # The Secties page shows the same paragraph, with the same footnote.
    composer.tabs.setCurrentWidget(composer.sections)
    on_page = composer.sections.show_part(Part(MOTIONS, VAN_LAAR_ROW))
    assert on_page is not None
    assert widget_text(on_page) == new
    # Undo takes the typed full stop, then the footnote's text, then the footnote itself.
    labels = []
    while composer.undo_stack.canUndo() and "Zie ook^[" in (content.motions[VAN_LAAR_ROW].response):
        labels.append(composer.undo_stack.undoText())
        composer.act_undo.trigger()
    assert labels[-1] == "Voetnoot invoegen"
    assert content.motions[VAN_LAAR_ROW].response == stored + " Zie ook"


def test_bold_and_a_citation_in_a_response_in_the_moties_tab(
    qtbot, window, composer_dialogs, tmp_path
):
    composer = editable_demo(qtbot, window)
    composer.tabs.setCurrentWidget(composer.motions)
    panel = composer.motions
    panel.select(0)
    field = panel.response_field
    type_into(qtbot, panel.response, "Zie ")
    field.bold_button.click()
    assert field.bold_button.isChecked()
    qtbot.keyClicks(panel.response, "vooral")
    field.bold_button.click()
    qtbot.keyClicks(panel.response, " ")
    composer_dialogs.citations.append(
        Citation("Van Laar", "de motie Van Laar (Kamerstuk 26\u00a0485, nr.\u00a0224)", "motie:1")
    )
    field.cite_button.click()
    response = composer.document.content.motions[0].response
    assert response == (
        "Zie **vooral** [de motie Van Laar (Kamerstuk 26\u00a0485, nr.\u00a0224)](motie:1)"
    )
    assert composer.undo_stack.undoText() == "Verwijzing invoegen"
    composer.resize(1300, 820)
    composer.grab().save(str(screenshot_path(tmp_path, "composer-moties-reactie.png")))


def test_the_introduction_in_the_brief_tab_is_formatted_and_its_shortcut_is_its_own(
    qtbot, window, tmp_path
):
    composer = open_composer(qtbot, window)
    composer.tabs.setCurrentWidget(composer.metadata)
    intro = composer.metadata.formatted["inleiding"]
    slot = composer.metadata.formatted["slot"]
    editor = intro.editor
    assert "Markdown" not in editor.placeholderText()
    editor.setFocus()
    qtbot.keyClicks(editor, "Hierbij ")
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "kort")
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " de stand")
    # Ctrl+Shift+F belongs to the field with the cursor: one footnote, in the introduction.
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL_SHIFT)
    assert intro.note_text.hasFocus()
    qtbot.keyClicks(intro.note_text, "Zie de bijlage.")
    meta = composer.document.content.meta
    assert meta["inleiding"] == "Hierbij *kort* de stand^[Zie de bijlage.]"
    assert meta["slot"] == ""
    assert not slot.note_pane.isVisibleTo(composer.metadata)
    # Another Ctrl+Shift+F in the footnote's own text makes no footnote in a footnote.
    qtbot.keyClick(intro.note_text, Qt.Key.Key_F, CTRL_SHIFT)
    assert meta["inleiding"] == "Hierbij *kort* de stand^[Zie de bijlage.]"
    composer.resize(1300, 820)
    composer.grab().save(str(screenshot_path(tmp_path, "composer-brief-inleiding.png")))


def test_a_definitive_letter_greys_out_the_fields_toolbars(qtbot, window):
    composer = open_composer(qtbot, window, DEMO_LETTER)
    settle(qtbot, window, composer)
    assert composer.document.read_only
    for field in composer.formatted_fields():
        assert field.editor.isReadOnly()
        assert not field.bold_button.isEnabled()
        assert not field.note_button.isEnabled()
        assert not field.cite_button.isEnabled()
