"""A picture of the composer with its preview on the demo letter (scripts/screenshots.sh keeps it in docs/)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QTextCursor

from desktop.ui.common.translations import install_qt_translations
from desktop.ui.composer.fields import widget_text
from desktop.ui.composer.window import DEFAULT_SIZE
from tests.ui.helpers import assert_real_picture, screenshot_path, show_active
from tests.ui.test_composer import DEMO_LETTER, open_composer, preview_text, settle


def test_screenshot_of_the_composer_with_its_preview(qtbot, window, tmp_path):
    show_active(qtbot, window)
    composer = open_composer(qtbot, window, DEMO_LETTER)
    composer.flows.reopen()  # the demo letter was sent; as a concept it can be edited
    settle(qtbot, window, composer)
    composer.undo_stack.clear()
    composer.resize(*DEFAULT_SIZE)
    composer.splitter.setSizes([DEFAULT_SIZE[0] // 2, DEFAULT_SIZE[0] // 2])
    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(1)
    composer.preview.render_now()
    settle(qtbot, window, composer)
    qtbot.wait(50)  # let the preview lay out its text
    assert "Bijlage I: Voortgang IMVO-convenanten" in preview_text(composer)

    picture = composer.grab()
    target = screenshot_path(tmp_path, "opsteller.png")
    assert picture.save(str(target))
    assert_real_picture(target, DEFAULT_SIZE)
    # Every tab title and toolbar button shows its whole text.
    tabs = composer.tabs.tabBar()
    for index in range(tabs.count()):
        text = tabs.tabText(index).replace("&", "")
        assert tabs.fontMetrics().horizontalAdvance(text) < tabs.tabRect(index).width(), text


@pytest.fixture
def dutch_qt(qapp):
    """Qt's own texts in Dutch, as the app installs them at start (removed afterwards)."""
    translator = install_qt_translations(qapp)
    yield translator
    if translator is not None:
        qapp.removeTranslator(translator)


def test_screenshot_of_a_spelling_suggestion(qtbot, window, tmp_path, dutch_qt):
    show_active(qtbot, window)
    composer = open_composer(qtbot, window, DEMO_LETTER)
    composer.flows.reopen()
    settle(qtbot, window, composer)
    composer.undo_stack.clear()
    composer.resize(*DEFAULT_SIZE)
    composer.splitter.setSizes([DEFAULT_SIZE[0] // 2, DEFAULT_SIZE[0] // 2])
    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(1)
    editor = composer.sections.text
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(editor, "Het onderzoeek loopt. ")
    composer.preview.render_now()
    settle(qtbot, window, composer)
    if not composer.spell_check.available:
        pytest.skip("libenchant-2 is not installed (scripts/system-packages.txt)")
    cursor = QTextCursor(editor.document())
    cursor.setPosition(widget_text(editor).index("onderzoeek") + 4)
    point = editor.cursorRect(cursor).bottomLeft()
    menu = editor.context_menu(point)
    menu.adjustSize()  # drawn onto the picture: a real popup would grab the keyboard
    qtbot.wait(50)
    picture = composer.grab()
    painter = QPainter(picture)
    painter.drawPixmap(editor.mapTo(composer, point) + QPoint(4, 4), menu.grab())
    painter.end()
    target = screenshot_path(tmp_path, "opsteller-spelling.png")
    assert picture.save(str(target))
    assert_real_picture(target, DEFAULT_SIZE)
    texts = [action.text() for action in menu.actions()]
    assert texts[0] == "onderzoek"
    if dutch_qt is not None:
        assert "Alles selecteren" in " ".join(texts).replace("&", "")
