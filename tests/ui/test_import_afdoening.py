"""Bestand > Exporteren > Afdoeningstabel: options, file, locked targets, open the folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.ui.common.dialogs import OpenFolderPrompt
from desktop.ui.imports import actions as import_actions
from desktop.ui.imports.dialogs import (
    AfdoeningOptionsDialog,
    TableChoice,
    TableFileDialog,
    with_suffix,
)
from tests.ui.helpers import wait_idle


class Answers:
    """Stands in for the dialogs: the options, the file names in turn, open the folder."""

    def __init__(self, choice: TableChoice | None, targets: list[Path], open_it: bool) -> None:
        self.choice = choice
        self.targets = list(targets)
        self.open_it = open_it
        self.offered: list[TableChoice | None] = []
        self.suggested: list[Path] = []
        self.saved: list[str] = []
        self.opened: list[Path] = []

    def options(self, cls: Any, parent: Any, choice: TableChoice | None = None) -> Any:
        self.offered.append(choice)
        return self.choice

    def target(self, cls: Any, parent: Any, suggested: Path, file_format: str) -> Path | None:
        self.suggested.append(suggested)
        return self.targets.pop(0) if self.targets else None

    def prompt(self, cls: Any, parent: Any, title: str, message: str) -> bool:
        self.saved.append(message)
        return self.open_it


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch):
    def make(choice: TableChoice | None, targets: list[Path], *, open_it: bool = False) -> Answers:
        found = Answers(choice, targets, open_it)
        monkeypatch.setattr(AfdoeningOptionsDialog, "ask", classmethod(found.options))
        monkeypatch.setattr(TableFileDialog, "ask", classmethod(found.target))
        monkeypatch.setattr(OpenFolderPrompt, "ask", classmethod(found.prompt))
        monkeypatch.setattr(import_actions, "open_folder", found.opened.append)
        return found

    return make


def test_saving_the_afdoeningstabel_as_xlsx(qtbot, window, answer, tmp_path):
    target = tmp_path / "tabel.xlsx"
    answers = answer(TableChoice("all", "xlsx"), [target], open_it=True)
    window.imports.act_afdoeningstabel.trigger()
    wait_idle(qtbot, window)

    sheet = openpyxl.load_workbook(target).active
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Soort", "Nummer", "Omschrijving"]
    assert all(cell.font.bold for cell in sheet[1])
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    numbers = {row[1] for row in rows}
    assert "Kamerstuk 26 485, nr. 224" in numbers  # afgedaan, so only in "all"
    assert answers.saved == [f"Opgeslagen: {target} ({len(rows)} regels)."]
    assert window.statusBar().currentMessage() == answers.saved[0]
    assert answers.opened == [tmp_path]
    assert answers.suggested[0].name == "afdoeningstabel-2021-03-01.xlsx"

    # The next time the dialog offers the same options, in the same folder.
    again = answer(None, [])
    window.imports.act_afdoeningstabel.trigger()
    assert again.offered == [TableChoice("all", "xlsx")]
    assert window.settings.value("export/last_folder") == str(tmp_path)


def test_csv_of_what_is_open(qtbot, window, answer, tmp_path):
    target = tmp_path / "open.csv"
    answers = answer(TableChoice("open", "csv"), [target])
    window.imports.act_afdoeningstabel.trigger()
    wait_idle(qtbot, window)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfSoort;Nummer;Omschrijving;")
    lines = data.decode("utf-8-sig").splitlines()
    assert not any("26 485, nr. 224" in line for line in lines)  # settled by the 2020 letter
    assert answers.saved == [f"Opgeslagen: {target} ({len(lines) - 1} regels)."]
    assert answers.opened == []

    answers = answer(None, [])
    window.imports.act_afdoeningstabel.trigger()
    assert answers.offered == [TableChoice("open", "csv")]
    assert answers.suggested == []  # cancelled at the options


def test_a_locked_target_asks_for_another_name(qtbot, window, answer, message_boxes, tmp_path):
    locked = tmp_path / "tabel.xlsx"
    (tmp_path / ".~lock.tabel.xlsx#").write_text("gebruiker,pc", encoding="utf-8")
    other = tmp_path / "tabel-kopie.xlsx"
    answers = answer(TableChoice("open", "xlsx"), [locked, other])

    window.imports.act_afdoeningstabel.trigger()
    wait_idle(qtbot, window)

    (warning,) = message_boxes.warnings
    assert "tabel.xlsx is geopend in Word of LibreOffice" in warning
    assert "kies een andere naam" in warning
    assert answers.suggested[1] == tmp_path / "tabel (2).xlsx"
    assert not locked.exists() and other.exists()
    assert answers.saved[0].startswith(f"Opgeslagen: {other} (")


def test_cancelling_the_file_dialog_writes_nothing(qtbot, window, answer, tmp_path):
    answers = answer(TableChoice(), [])
    window.imports.act_afdoeningstabel.trigger()
    assert not window.tasks.busy and answers.saved == []
    assert list(tmp_path.glob("*.xlsx")) == []


def test_options_dialog_and_file_names(qtbot):
    dialog = AfdoeningOptionsDialog(None, TableChoice("all", "csv"))
    qtbot.addWidget(dialog)
    assert dialog.choice() == TableChoice("all", "csv")
    dialog.open_only.setChecked(True)
    dialog.xlsx.setChecked(True)
    assert dialog.choice() == TableChoice("open", "xlsx")
    assert with_suffix(Path("a/tabel"), "xlsx") == Path("a/tabel.xlsx")
    assert with_suffix(Path("a/tabel.XLSX"), "xlsx") == Path("a/tabel.XLSX")
    assert with_suffix(Path("a/tabel.v2"), "csv") == Path("a/tabel.v2.csv")
