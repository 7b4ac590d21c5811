"""A picture of the composer with its preview on the demo letter (scripts/screenshots.sh keeps it in docs/)."""

from __future__ import annotations

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
