"""The questions of the import and report actions: which files, which table, where to save.

Each is a classmethod ``ask`` (tests replace it); none of them touches the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common.widgets import dutch_buttons

OPEN_DATA_FILTER = (
    "Open data van de Tweede Kamer (*.json *.xml *.atom);;"
    "OData-JSON (*.json);;SyncFeed-Atom (*.xml *.atom);;Alle bestanden (*)"
)
LETTER_FILTER = (
    "Brieven (*.docx *.md *.markdown *.txt);;Word-documenten (*.docx);;"
    "Markdown (*.md *.markdown);;Tekstbestanden (*.txt);;Alle bestanden (*)"
)
TABLE_FILTERS = {
    "xlsx": "Excel-werkmap (*.xlsx)",
    "csv": "CSV voor Excel, met puntkomma's (*.csv)",
}


class OpenDataFilesDialog:
    """Choose one or more open-data files (OData JSON pages, SyncFeed Atom)."""

    @classmethod
    def ask(cls, parent: QWidget | None, folder: str = "") -> list[Path]:
        """Returns the chosen files; empty when cancelled."""
        names, _filter = QFileDialog.getOpenFileNames(
            parent, "Open data van de Tweede Kamer importeren", folder, OPEN_DATA_FILTER
        )
        return [Path(name) for name in names]


class LetterFileDialog:
    """Choose an earlier letter (.docx, .md or .txt)."""

    @classmethod
    def ask(cls, parent: QWidget | None, folder: str = "") -> Path | None:
        """Returns the chosen file, or None."""
        name, _filter = QFileDialog.getOpenFileName(
            parent, "Eerdere brief importeren", folder, LETTER_FILTER
        )
        return Path(name) if name else None


@dataclass(frozen=True)
class TableChoice:
    """Which rows the afdoeningstabel lists (``open``/``all``) and as what (``xlsx``/``csv``)."""

    status: str = "open"
    file_format: str = "xlsx"


class AfdoeningOptionsDialog(QDialog):
    """What the afdoeningstabel should list, and in which format."""

    def __init__(self, parent: QWidget | None, choice: TableChoice | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("afdoeningstabel_opties")
        self.setWindowTitle("Afdoeningstabel opslaan")
        choice = choice or TableChoice()
        intro = QLabel(
            "De afdoeningstabel zet de moties en toezeggingen op een rij met uitslag, status, "
            "termijn en de brieven die ze afdeden.",
            self,
        )
        intro.setWordWrap(True)
        self.open_only = QRadioButton("&Wat nog openstaat", self)
        self.open_only.setToolTip(
            "Zonder wat is afgedaan, en zonder moties die zijn verworpen, ingetrokken of vervallen"
        )
        self.everything = QRadioButton("&Alle moties en toezeggingen", self)
        self.xlsx = QRadioButton("&Excel-werkmap (.xlsx)", self)
        self.csv = QRadioButton("&CSV (.csv, puntkomma's, voor Excel in het Nederlands)", self)
        rows = self._group("Welke regels", self.open_only, self.everything)
        kind = self._group("Bestandsformaat", self.xlsx, self.csv)
        (self.everything if choice.status == "all" else self.open_only).setChecked(True)
        (self.csv if choice.file_format == "csv" else self.xlsx).setChecked(True)
        buttons = dutch_buttons(self, ok="Opslaan…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(rows)
        layout.addWidget(kind)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _group(self, title: str, *options: QRadioButton) -> QGroupBox:
        box = QGroupBox(title, self)
        column = QVBoxLayout(box)
        group = QButtonGroup(box)
        for option in options:
            group.addButton(option)
            column.addWidget(option)
        return box

    def choice(self) -> TableChoice:
        """The options as chosen."""
        return TableChoice(
            status="all" if self.everything.isChecked() else "open",
            file_format="csv" if self.csv.isChecked() else "xlsx",
        )

    @classmethod
    def ask(cls, parent: QWidget | None, choice: TableChoice | None = None) -> TableChoice | None:
        """Returns the options, or None when cancelled."""
        dialog = cls(parent, choice)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class TableFileDialog:
    """Where to save the afdoeningstabel (the platform's save dialog)."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path, file_format: str) -> Path | None:
        """Returns the chosen file (with the format's extension), or None when cancelled."""
        name, _filter = QFileDialog.getSaveFileName(
            parent, "Afdoeningstabel opslaan", str(suggested), TABLE_FILTERS[file_format]
        )
        if not name:
            return None
        return with_suffix(Path(name), file_format)


def with_suffix(path: Path, file_format: str) -> Path:
    """``tabel`` → ``tabel.xlsx``; a name that already ends in the format stays as it is."""
    suffix = f".{file_format}"
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


class Notice:
    """A result the user should read (an import that finished)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, message: str) -> None:
        """Show the message until the user closes it."""
        box = QMessageBox(QMessageBox.Icon.Information, title, message)
        box.setParent(parent, box.windowFlags())
        box.addButton("Sluiten", QMessageBox.ButtonRole.AcceptRole)
        try:
            box.exec()
        finally:
            box.deleteLater()
