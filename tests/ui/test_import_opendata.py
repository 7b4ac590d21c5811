"""Bestand > Importeren > Open data van de Tweede Kamer: progress, cancel, report, errors."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton

from desktop.core.importers import opendata
from desktop.ui.imports.actions import PROGRESS_STEPS, ImportActions
from desktop.ui.imports.dialogs import OpenDataFilesDialog
from desktop.ui.imports.report import ImportReportDialog
from desktop.ui.registry.motion_model import COL_KAMERSTUK
from tests.ui.helpers import WAIT_MS, shown_column, wait_idle

FIXTURES = Path(__file__).resolve().parents[1] / "core" / "importers" / "fixtures"
EXPAND = FIXTURES / "tk-zaak-expand.json"
PAGE1 = FIXTURES / "tk-zaak-page1.json"
PAGE2 = FIXTURES / "tk-zaak-page2.json"
FEED = FIXTURES / "tk-syncfeed.xml"
TOEZEGGING = FIXTURES / "tk-toezegging.json"
ALL = [EXPAND, PAGE1, PAGE2, FEED, TOEZEGGING]
TABLES = (
    "motions",
    "commitments",
    "kamerstukken",
    "dossiers",
    "open_data_links",
    "status_history",
    "letters",
    "letter_motions",
)


def snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table an import could touch, read through a connection of the test's own."""
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}


class Reports:
    """Stands in for the report dialog: builds it (to read its text), answers ``show``."""

    def __init__(self, qtbot: Any, show: bool = True) -> None:
        self.qtbot = qtbot
        self.show = show
        self.calls: list[tuple[Any, bool]] = []
        self.texts: list[str] = []
        self.has_show_button: list[bool] = []

    def ask(self, cls: Any, parent: Any, report: Any, *, late_cancel: bool = False) -> bool:
        dialog = ImportReportDialog(parent, report, late_cancel=late_cancel)
        self.qtbot.addWidget(dialog)
        self.calls.append((report, late_cancel))
        self.texts.append(dialog.text.toPlainText())
        self.has_show_button.append(dialog.show_button is not None)
        return self.show and dialog.show_button is not None


@pytest.fixture
def reports(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> Reports:
    found = Reports(qtbot)
    monkeypatch.setattr(ImportReportDialog, "ask", classmethod(found.ask))
    return found


def choose(monkeypatch: pytest.MonkeyPatch, files: list[Path]) -> list[str]:
    """Make the file dialog answer ``files``; returns the folders it was opened in."""
    folders: list[str] = []

    def ask(cls: Any, parent: Any, folder: str = "") -> list[Path]:
        folders.append(folder)
        return list(files)

    monkeypatch.setattr(OpenDataFilesDialog, "ask", classmethod(ask))
    return folders


def test_menu_has_import_and_export_submenus(window):
    bestand = window.menuBar().actions()[0].menu()
    submenus = {a.text(): a.menu() for a in bestand.actions() if a.menu() is not None}
    assert [a.text() for a in submenus["&Importeren"].actions()] == [
        "Motie &importeren…",
        "&Open data van de Tweede Kamer importeren…",
        "&Eerdere brief importeren…",
    ]
    assert [a.text() for a in submenus["E&xporteren"].actions()] == ["&Afdoeningstabel opslaan…"]


def test_importing_the_fixture_files_shows_new_motions_and_the_counts(
    qtbot, window, monkeypatch, reports, demo_db
):
    progress: list[tuple[int, int, str]] = []
    original = ImportActions._on_open_data_progress

    def spy(self: ImportActions, done: int, total: int, text: str) -> None:
        progress.append((done, total, text))
        original(self, done, total, text)
        if total:  # determinate as soon as the core gives a total
            assert self.progress is not None and self.progress.maximum() == PROGRESS_STEPS

    monkeypatch.setattr(ImportActions, "_on_open_data_progress", spy)
    folders = choose(monkeypatch, ALL)
    view = window.views.motions
    assert "26 485, nr. 240" not in shown_column(view, COL_KAMERSTUK)
    commitments_before = window.views.commitments.record_count()

    window.imports.act_open_data.trigger()
    assert not window.imports.act_open_data.isEnabled()  # one import at a time
    wait_idle(qtbot, window)

    (report, late) = reports.calls[0][0], reports.calls[0][1]
    assert not late
    # The demo has three of these motions already (Van Laar, Diks/Van den Hul, Van Ojik).
    assert report.motions.as_json() == {"new": 3, "updated": 3, "unchanged": 0, "skipped": 1}
    assert report.commitments.as_json() == {"new": 3, "updated": 0, "unchanged": 0, "skipped": 1}
    text = reports.texts[0]
    assert "Geïmporteerd uit ‘tk-zaak-expand.json’" in text
    assert "Nieuw en bijgewerkt (9)" in text
    assert "de gewijzigde motie Van Laar c.s. (Kamerstuk 26 485, nr. 240) (nieuw)" in text
    assert "verwijderd bij de Tweede Kamer" in text and "Overgeslagen (5)" in text
    assert reports.has_show_button == [True]

    assert "26 485, nr. 240" in shown_column(view, COL_KAMERSTUK)
    assert window.tabs.currentWidget() is view  # "Moties tonen"
    shown = view.current_motion()
    first_new = next(c for c in report.changes if c.action == "new")
    assert first_new.label.startswith("de motie Van Laar (Kamerstuk 26 485, nr. 236)")
    assert shown is not None and shown.id == first_new.record_id
    assert window.views.commitments.record_count() == commitments_before + 3
    assert window.statusBar().currentMessage().startswith("Moties: 3 nieuw, 3 bijgewerkt")
    assert window.imports.act_open_data.isEnabled() and window.imports.progress is None
    assert folders == [""]
    assert window.settings.value("import/last_folder") == str(FIXTURES)

    reading = [p for p in progress if p[2].startswith("Bestanden lezen (5)")]
    assert reading and reading[-1][0] == reading[-1][1] == sum(f.stat().st_size for f in ALL)
    assert progress[-1] == (9, 9, "Opslaan in het register: 9 van 9")

    # Again: nothing changes, nothing to show.
    before = snapshot(demo_db)
    window.imports.act_open_data.trigger()
    wait_idle(qtbot, window)
    assert reports.calls[1][0].changes == []
    assert "Er is niets veranderd" in reports.texts[1]
    assert reports.has_show_button[1] is False
    after = snapshot(demo_db)
    assert {k: v for k, v in after.items() if k != "open_data_links"} == {
        k: v for k, v in before.items() if k != "open_data_links"
    }


def _pause_in(monkeypatch, *, after_saving: bool) -> tuple[threading.Event, threading.Event]:
    """Hold the worker inside the import's transaction until the test lets it go on."""
    reached, proceed = threading.Event(), threading.Event()
    apply = opendata.apply_open_data

    def paused(db: Any, data: Any, progress: Any = None) -> Any:
        if after_saving:  # every record written, the last progress report given
            report = apply(db, data, progress)
            reached.set()
            assert proceed.wait(WAIT_MS / 1000)
            return report
        reached.set()
        assert proceed.wait(WAIT_MS / 1000)
        return apply(db, data, progress)

    monkeypatch.setattr(opendata, "apply_open_data", paused)
    return reached, proceed


def _click_cancel(qtbot: Any, window: Any) -> None:
    progress = window.imports.progress
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=WAIT_MS)  # shown after a short delay
    button = progress.findChild(QPushButton)
    assert button is not None and button.text() == "Annuleren"
    button.click()
    assert window.imports.progress is None


def test_cancel_during_import_leaves_the_store_unchanged(
    qtbot, window, monkeypatch, reports, demo_db
):
    reached, proceed = _pause_in(monkeypatch, after_saving=False)
    choose(monkeypatch, ALL)
    before = snapshot(demo_db)
    rows_before = window.views.motions.record_count()

    window.imports.act_open_data.trigger()
    qtbot.waitUntil(reached.is_set, timeout=WAIT_MS)
    _click_cancel(qtbot, window)
    assert window.statusBar().currentMessage() == "Importeren wordt afgebroken…"
    assert not window.imports.act_open_data.isEnabled()  # until the worker confirms
    proceed.set()
    wait_idle(qtbot, window)

    assert snapshot(demo_db) == before
    assert reports.calls == []
    assert window.statusBar().currentMessage() == (
        "Importeren afgebroken; het register is niet gewijzigd."
    )
    assert window.imports.act_open_data.isEnabled()
    window.refresh_all()
    wait_idle(qtbot, window)
    assert window.views.motions.record_count() == rows_before


def test_closing_the_window_during_an_import_stops_it_unchanged(
    qtbot, window, monkeypatch, reports, demo_db
):
    reached, proceed = _pause_in(monkeypatch, after_saving=False)
    choose(monkeypatch, ALL)
    before = snapshot(demo_db)
    window.imports.act_open_data.trigger()
    qtbot.waitUntil(reached.is_set, timeout=WAIT_MS)
    threading.Timer(0.2, proceed.set).start()  # the worker goes on while the window closes
    window.close()
    assert snapshot(demo_db) == before
    assert reports.calls == []


def test_a_cancel_after_the_commit_says_the_import_was_stored(qtbot, window, monkeypatch, reports):
    reached, proceed = _pause_in(monkeypatch, after_saving=True)
    choose(monkeypatch, [EXPAND])
    window.imports.act_open_data.trigger()
    qtbot.waitUntil(reached.is_set, timeout=WAIT_MS)
    _click_cancel(qtbot, window)
    proceed.set()
    wait_idle(qtbot, window)
    (report, late) = reports.calls[0]
    assert late and report.motions.updated == 2
    assert reports.texts[0].startswith("Het afbreken kwam te laat")


def test_a_truncated_file_shows_the_dutch_error_and_changes_nothing(
    qtbot, window, monkeypatch, reports, message_boxes, demo_db, tmp_path
):
    broken = tmp_path / "afgebroken.json"
    data = EXPAND.read_bytes()
    broken.write_bytes(data[: len(data) * 2 // 3])
    choose(monkeypatch, [EXPAND, broken, TOEZEGGING])
    before = snapshot(demo_db)

    window.imports.act_open_data.trigger()
    wait_idle(qtbot, window)

    (message,) = message_boxes.warnings
    assert message.startswith("afgebroken.json")
    assert "afgebroken" in message.split(":", 1)[1]
    assert message.endswith("Er is niets geïmporteerd; het register is niet gewijzigd.")
    assert snapshot(demo_db) == before
    assert reports.calls == []
    assert window.imports.act_open_data.isEnabled() and window.imports.progress is None


def test_progress_is_busy_until_the_core_gives_a_total(qtbot, window):
    imports = window.imports
    imports._show_progress(1)
    progress = imports.progress
    assert progress is not None and progress.maximum() == 0
    imports._on_open_data_progress(50, 200, "Bestand lezen…")
    assert (progress.maximum(), progress.value()) == (PROGRESS_STEPS, 250)
    assert progress.labelText() == "Bestand lezen…"
    imports._on_open_data_progress(0, 0, "")
    assert progress.maximum() == 0
    imports._close_progress()
    assert imports.progress is None


def test_cancelling_the_file_dialog_does_nothing(qtbot, window, monkeypatch, reports):
    choose(monkeypatch, [])
    window.imports.act_open_data.trigger()
    assert not window.tasks.busy and window.imports.progress is None
    assert reports.calls == []
