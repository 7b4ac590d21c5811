"""The start panel: what is due (horizon, counts, overdue, opening an item) and the summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Commitment
from desktop.core.store import Store, commitments, motions
from desktop.ui.planning.models import (
    DUE_COL_DATUM,
    DUE_COL_SOORT,
    DUE_COL_STATUS,
    DUE_COL_VERWIJZING,
)
from desktop.ui.registry.motion_model import OVERDUE_BACKGROUND
from tests.ui.conftest import TODAY
from tests.ui.helpers import search, show_active, wait_idle


def set_deadline(path: Path, number: str, deadline: dt.date) -> int:
    """Give a demo motion a deadline through the core; returns its id."""
    with Store.open(path) as store, store.transaction() as db:
        motion = motions.find(db, KamerstukRef.parse(number))
        assert motion is not None and motion.id is not None
        motion.deadline = deadline
        motions.update(db, motion)
        return motion.id


def column(window, col: int) -> list[str]:
    model = window.cycle.start_page.table.model()
    return [model.index(row, col).data() for row in range(model.rowCount())]


def only_dated(qtbot, window) -> None:
    """Leave out the open items without a termijn (shown last by default)."""
    window.cycle.start_page.undated_box.setChecked(False)
    wait_idle(qtbot, window)


def choose_horizon(qtbot, window, label: str) -> None:
    box = window.cycle.start_page.horizon_box
    box.setCurrentIndex(box.findText(label))
    wait_idle(qtbot, window)


def test_start_panel_shows_due_motions_and_highlights_overdue(qtbot, make_window, demo_db):
    overdue = set_deadline(demo_db, "26 485, nr. 229", TODAY - dt.timedelta(days=20))
    set_deadline(demo_db, "32 735, nr. 252", TODAY + dt.timedelta(days=20))
    window = make_window(demo_db)
    only_dated(qtbot, window)
    page = window.cycle.start_page
    assert window.cycle.dock.isVisibleTo(window)
    assert column(window, DUE_COL_VERWIJZING) == [
        "Kamerstuk 26 485, nr. 229",
        "Kamerstuk 32 735, nr. 252",
    ]
    assert column(window, DUE_COL_STATUS) == ["Verlopen", "In uitvoering"]
    assert page.model.rows()[0].id == overdue
    first = page.table.model().index(0, DUE_COL_STATUS)
    assert first.data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "Termijn verstreken"
    assert page.table.model().index(1, DUE_COL_STATUS).data(Qt.ItemDataRole.BackgroundRole) is None
    assert page.counts.text() == "2 moties · 0 toezeggingen · 0 EU-data — 1 verlopen"


def test_horizon_chooser_filters(qtbot, make_window, demo_db):
    set_deadline(demo_db, "26 485, nr. 229", TODAY + dt.timedelta(days=10))
    set_deadline(demo_db, "32 735, nr. 252", TODAY + dt.timedelta(days=60))
    set_deadline(demo_db, "34 300 XVII, nr. 38", TODAY + dt.timedelta(days=150))
    with Store.open(demo_db) as store, store.transaction() as db:
        commitments.add(
            db,
            Commitment(
                tekst="De Kamer informeren over de tussenmeting",
                nummer="TZ-7",
                datum_nakoming=TODAY - dt.timedelta(days=1),
            ),
        )
    window = make_window(demo_db)
    only_dated(qtbot, window)
    page = window.cycle.start_page
    assert page.horizon_box.currentText() == "90 dagen"
    assert column(window, DUE_COL_SOORT) == ["Toezegging", "Motie", "Motie"]
    choose_horizon(qtbot, window, "30 dagen")
    assert column(window, DUE_COL_SOORT) == ["Toezegging", "Motie"]
    assert page.counts.text() == "1 motie · 1 toezegging · 0 EU-data — 1 verlopen"
    choose_horizon(qtbot, window, "180 dagen")
    assert len(column(window, DUE_COL_SOORT)) == 4
    choose_horizon(qtbot, window, "tot datum…")
    assert page.until_edit.isVisibleTo(page)
    page.until_edit.setDate(page.until_edit.date().addDays(-85))  # before every deadline
    wait_idle(qtbot, window)
    assert column(window, DUE_COL_SOORT) == ["Toezegging"]
    assert page.horizon() == TODAY + dt.timedelta(days=5)


def test_double_click_opens_the_motion_in_the_motions_tab(qtbot, make_window, demo_db):
    motion_id = set_deadline(demo_db, "26 485, nr. 229", TODAY + dt.timedelta(days=10))
    window = make_window(demo_db)
    show_active(qtbot, window)
    # The motion is hidden by a search: opening it clears the search.
    search(qtbot, window, window.views.motions, "ambassades")
    window.tabs.setCurrentWidget(window.views.letters)
    table = window.cycle.start_page.table
    rect = table.visualRect(table.model().index(0, 0))
    # Qt's test double click lacks the press before it, which a real one has.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)
    assert window.tabs.currentWidget() is window.views.motions
    selected = window.views.motions.current_motion()
    assert selected is not None and selected.id == motion_id
    assert window.views.motions.search_box.text() == ""
    assert "De motie Voordewind" in window.views.motions.detail.toPlainText()


def test_since_the_last_letter_summary_and_its_button(qtbot, window):
    page = window.cycle.start_page
    text = page.summary.text()
    assert "Min-BuZa.2020.396 (21 februari 2020)" in text and "1 maart 2021" in text
    assert "EU-mijlpalen" in text
    report = page.since.report
    assert report is not None and len(report.eu_milestones) == 1  # 1 januari 2021
    page.changes_button.click()
    wait_idle(qtbot, window)
    changes = window.cycle.changes_window
    assert changes is not None and changes.isVisible() and changes.period_mode.isChecked()
    assert changes.model.changes("EU-mijlpalen")[0].datum == "2021-01-01"
    assert "21 februari 2020" in changes.heading.text()


def test_start_panel_can_be_hidden_and_refreshes_after_an_edit(qtbot, make_window, demo_db):
    window = make_window(demo_db)
    only_dated(qtbot, window)
    assert window.cycle.start_page.model.rowCount() == 0
    set_deadline(demo_db, "26 485, nr. 229", TODAY + dt.timedelta(days=5))
    window.act_refresh.trigger()
    wait_idle(qtbot, window)
    assert window.cycle.start_page.model.rowCount() == 1
    show_active(qtbot, window)
    assert window.cycle.dock.isVisible()
    window.cycle.act_start.trigger()
    assert not window.cycle.dock.isVisibleTo(window)
    assert window.cycle.act_start.shortcut().toString() == "Ctrl+0"


def test_overdue_first_in_red_whatever_the_horizon_then_open_items_without_termijn(
    qtbot, make_window, demo_db
):
    overdue = set_deadline(demo_db, "26 485, nr. 229", TODAY - dt.timedelta(days=400))
    window = make_window(demo_db)
    page = window.cycle.start_page
    for horizon in ("30 dagen", "90 dagen", "180 dagen"):
        choose_horizon(qtbot, window, horizon)
        rows = page.model.rows()
        assert rows[0].id == overdue and rows[0].overdue
        # The demo's other open motions have no termijn: listed after it, not "nothing".
        assert [r.kind for r in rows[1:]] == ["motie", "motie"]
        assert column(window, DUE_COL_DATUM)[1:] == ["geen termijn", "geen termijn"]
        first = page.table.model().index(0, DUE_COL_STATUS)
        assert first.data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
        assert page.counts.text() == (
            "3 moties · 0 toezeggingen · 0 EU-data — 1 verlopen, 2 zonder termijn"
        )
    # Sorting on another column keeps the overdue one on top of the date column's order.
    page.table.sortByColumn(DUE_COL_DATUM, Qt.SortOrder.AscendingOrder)
    assert page.proxy.record_at(0).id == overdue
