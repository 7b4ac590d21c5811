"""Helpers for GUI tests: wait for the database thread, type searches, read columns."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

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


SCREENSHOT_DIR_ENV = "VOORTGANG_SCREENSHOT_DIR"


def screenshot_path(tmp_path: Path, name: str) -> Path:
    """Where a screenshot test saves its picture: tmp_path, or the folder in the environment.

    ``scripts/screenshots.sh`` sets VOORTGANG_SCREENSHOT_DIR=docs/screenshots to refresh the
    pictures in the README on purpose; an ordinary test run never writes outside tmp_path.
    """
    folder = Path(os.environ.get(SCREENSHOT_DIR_ENV) or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def assert_real_picture(path: Path, size: tuple[int, int]) -> None:
    """The saved picture has the expected size and is not one flat colour."""
    image = QImage(str(path))
    assert not image.isNull(), path
    assert (image.width(), image.height()) == size
    step_x, step_y = max(1, size[0] // 40), max(1, size[1] // 40)
    colours = {
        image.pixel(x, y) for x in range(0, size[0], step_x) for y in range(0, size[1], step_y)
    }
    assert len(colours) > 8, f"{path.name} looks blank ({len(colours)} colours)"
