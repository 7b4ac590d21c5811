"""The main window: counts that agree, recent letters, files dropped on it, Esc closes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.ui.common.help import HelpWindow
from desktop.ui.registry.motion_import import ImportMotionDialog
from tests.conftest import REFERENCE
from tests.ui.helpers import show_active, wait_idle
from tests.ui.test_composer import DEMO_LETTER, open_composer


def test_the_status_bar_count_is_the_tabs_count(qtbot, window):
    window.tabs.setCurrentWidget(window.views.kamerstukken)
    count = window.views.kamerstukken.record_count()
    tab_text = window.tabs.tabText(window.tabs.currentIndex())
    assert tab_text == f"Kamerstukken ({count})"
    assert window.count_label.text() == f"Kamerstukken: {count}"
    # A motions reload does not say "5 moties geladen" under the Kamerstukken tab.
    window.refresh_all()
    wait_idle(qtbot, window)
    assert "moties" not in window.statusBar().currentMessage()
    window.tabs.setCurrentWidget(window.views.motions)
    assert window.count_label.text() == f"Moties: {window.views.motions.record_count()}"


def test_recent_letters_on_the_start_page_open_with_a_click(qtbot, window):
    page = window.cycle.start_page
    # Nothing opened yet: the newest letters of the registry.
    assert page.recent_entries and page.recent_entries[0][0] == DEMO_LETTER
    composer = open_composer(qtbot, window, DEMO_LETTER)
    assert page.recent_entries[0][0] == DEMO_LETTER
    assert "Min-BuZa.2020.396" in page.recent.text()
    composer.close()
    opened: list[int] = []
    window.letter_open_requested.connect(opened.append)
    page.recent.linkActivated.emit(f"brief:{DEMO_LETTER}")
    assert opened == [DEMO_LETTER]
    wait_idle(qtbot, window)


def drop(window, files: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in files])
    event = QDropEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_dropping_files_starts_the_right_import(
    qtbot, window, monkeypatch, message_boxes, tmp_path
):
    asked: list[str] = []
    monkeypatch.setattr(
        ImportMotionDialog,
        "ask",
        classmethod(lambda cls, parent, text="", error=None, lookup=None: asked.append(text)),
    )
    motion = REFERENCE / "moties" / "kst-26485-229.txt"
    drop(window, [motion])
    assert len(asked) == 1 and "gehoord de beraadslaging" in asked[0].lower()

    reviewed: list[Path] = []
    monkeypatch.setattr(window.imports, "review_letter", reviewed.append)
    letter = REFERENCE / "kamerbrief-voortgang-imvo-2020.md"
    drop(window, [letter])
    assert reviewed == [letter]

    imported: list[list[Path]] = []
    monkeypatch.setattr(window.imports, "run_open_data", lambda files: imported.append(list(files)))
    first, second = tmp_path / "zaken.json", tmp_path / "feed.xml"
    for path in (first, second):
        path.write_text("{}", encoding="utf-8")
    drop(window, [first, second])
    assert imported == [[first, second]]

    picture = tmp_path / "foto.png"
    picture.write_bytes(b"\x89PNG")
    drop(window, [picture])
    assert (
        "foto.png" in message_boxes.warnings[-1] and "niet importeren" in message_boxes.warnings[-1]
    )
    assert window.acceptDrops()


def test_esc_closes_secondary_windows(qtbot, window):
    show_active(qtbot, window)
    window.show_help()
    window.cycle.show_changes()
    wait_idle(qtbot, window)
    window.show_letterhead()
    window.tabs.setCurrentWidget(window.views.letters)
    window.views.letters.select_id(DEMO_LETTER)
    window.cycle.show_versions()
    wait_idle(qtbot, window)
    secondary = [
        window.findChild(HelpWindow, "handleiding"),
        window.cycle.changes_window,
        window.letterhead_dialog,
        window.cycle.versions_dialog,
    ]
    for widget in secondary:
        assert widget is not None and widget.isVisible()
        widget.activateWindow()
        qtbot.waitUntil(lambda widget=widget: QApplication.activeWindow() is widget)
        qtbot.keyClick(QApplication.focusWidget() or widget, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda widget=widget: not widget.isVisible())
    wait_idle(qtbot, window)
