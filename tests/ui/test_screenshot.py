"""A picture of the main window on the demo registry (scripts/screenshots.sh keeps it in docs/)."""

from __future__ import annotations

from desktop.ui.main_window import DEFAULT_SIZE
from tests.ui.helpers import assert_real_picture, screenshot_path, show_active, wait_idle


def test_screenshot_of_the_main_window(qtbot, window, tmp_path):
    window.resize(*DEFAULT_SIZE)
    show_active(qtbot, window)
    view = window.views.motions
    rows = view.model.rows()
    view.select_id(next(m.id for m in rows if m.kamerstuk.ondernummer == "34"))
    wait_idle(qtbot, window)
    qtbot.wait(50)  # let the detail pane lay out its text

    picture = window.grab()
    target = screenshot_path(tmp_path, "hoofdvenster.png")
    assert picture.save(str(target))
    assert_real_picture(target, DEFAULT_SIZE)
    # Every column header fits its column: no clipped header text.
    header = view.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(view.model.columnCount()):
        title = view.model.headerData(column, header.orientation())
        assert metrics.horizontalAdvance(title) + 16 <= header.sectionSize(column), title
