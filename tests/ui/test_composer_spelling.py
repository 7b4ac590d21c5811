"""Dutch spelling and typing rules in the composer, through its real text fields."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from desktop import paths
from desktop.ui.composer.fields import TextEdit, widget_text
from tests.ui.test_composer import open_composer, settle

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


def underlined(editor: TextEdit) -> list[str]:
    """The words the editor shows with the red wavy line."""
    found = []
    block = editor.document().begin()
    while block.isValid():
        for spot in block.layout().formats():
            if spot.format.underlineStyle() == WAVE:
                found.append(block.text()[spot.start : spot.start + spot.length])
        block = block.next()
    return found


def point_at(editor: TextEdit, position: int) -> QPoint:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return editor.cursorRect(cursor).center()


@pytest.fixture
def section_text(qtbot, window) -> tuple[Any, TextEdit]:
    composer = open_composer(qtbot, window)
    if not composer.spell_check.available:
        pytest.skip("libenchant-2 is not installed (scripts/system-packages.txt)")
    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(0)
    settle(qtbot, window, composer)  # the registry's names have arrived
    editor = composer.sections.text
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    return composer, editor


def test_a_misspelled_word_is_underlined_and_a_registry_name_is_not(qtbot, section_text):
    composer, editor = section_text
    qtbot.keyClicks(editor, "De motie Van Ojik over het onderzoeek van Karabulut. ")
    assert underlined(editor) == ["onderzoeek"]
    assert composer.spell_check.speller.check("Ojik")  # a name from the registry


def test_the_word_being_typed_is_underlined_only_when_the_user_moves_on(qtbot, section_text):
    _composer, editor = section_text
    qtbot.keyClicks(editor, "het onderzoeek")
    assert underlined(editor) == []  # still typing it
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    assert underlined(editor) == ["onderzoeek"]


def test_right_click_suggestion_is_one_undo_step(qtbot, section_text):
    composer, editor = section_text
    qtbot.keyClicks(editor, "Het onderzoeek loopt. ")
    menu = editor.context_menu(point_at(editor, 6))
    texts = [action.text() for action in menu.actions()]
    assert texts[0] == "onderzoek"
    assert "&Negeren" in texts and "&Toevoegen aan woordenlijst" in texts
    assert "Ongedaan maken" not in " ".join(texts).replace("&", "")  # the window's Ctrl+Z only
    menu.actions()[0].trigger()
    assert widget_text(editor) == "Het onderzoek loopt. "
    assert composer.undo_stack.undoText() == "Spelling verbeteren"
    assert underlined(editor) == []
    composer.act_undo.trigger()
    assert widget_text(editor) == "Het onderzoeek loopt. "


def test_ignore_and_add_to_the_personal_list(qtbot, section_text):
    composer, editor = section_text
    qtbot.keyClicks(editor, "Het onderzoeek en de bewindspersoonnn. ")
    assert underlined(editor) == ["onderzoeek", "bewindspersoonnn"]
    actions = {a.objectName(): a for a in editor.context_menu(point_at(editor, 6)).actions()}
    actions["spelling_negeren"].trigger()
    assert underlined(editor) == ["bewindspersoonnn"]
    spot = widget_text(editor).index("bewindspersoonnn") + 3
    actions = {a.objectName(): a for a in editor.context_menu(point_at(editor, spot)).actions()}
    actions["spelling_toevoegen"].trigger()
    assert underlined(editor) == []
    personal = paths.data_dir() / "woordenlijst.txt"
    assert personal.read_text(encoding="utf-8") == "bewindspersoonnn\n"
    assert widget_text(editor) == "Het onderzoeek en de bewindspersoonnn. "  # text untouched
    assert not composer.modified or composer.undo_stack.undoText() != "Spelling verbeteren"


@pytest.mark.parametrize(
    ("typed", "shown", "undone"),
    [
        ('zij zei "ja"', "zij zei „ja”", 'zij zei „ja"'),
        ("dit --", "dit –", "dit --"),
        ("en toen...", "en toen…", "en toen..."),
    ],
)
def test_autocorrect_and_one_ctrl_z_gives_back_what_was_typed(
    qtbot, section_text, typed, shown, undone
):
    composer, editor = section_text
    qtbot.keyClicks(editor, typed)
    assert widget_text(editor) == shown
    assert composer.undo_stack.undoText() in ("Autocorrectie", "sectietekst wijzigen")
    composer.act_undo.trigger()
    assert widget_text(editor) == undone
