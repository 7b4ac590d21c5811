"""Helpers for GUI tests: wait for the database thread, type searches, read columns."""

from __future__ import annotations

from typing import Any

from desktop.ui.main_window import MainWindow
from desktop.ui.registry.view import RegistryView

WAIT_MS = 10_000


def wait_idle(qtbot: Any, window: MainWindow) -> None:
    """Wait until no search is pending and the database thread has nothing left to do."""

    def idle() -> bool:
        views = [view for _title, view in window.views.titled()]
        return not window.tasks.busy and not any(view.search_pending for view in views)

    qtbot.waitUntil(idle, timeout=WAIT_MS)


def search(qtbot: Any, window: MainWindow, view: RegistryView, text: str) -> None:
    """Type in a view's search box (replacing what is there) and wait for the result."""
    view.search_box.clear()
    qtbot.keyClicks(view.search_box, text)
    wait_idle(qtbot, window)


def shown_column(view: RegistryView, column: int) -> list[str]:
    """The texts of one column, top to bottom, as the table shows them."""
    model = view.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def show_active(qtbot: Any, window: MainWindow) -> None:
    """Show the window and make it active, so keyboard shortcuts reach it."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
