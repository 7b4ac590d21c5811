"""The section-by-section comparison pane: the sections, and the selected one's sentences."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.planning.changes import SectionDiff
from desktop.ui.common.table_model import RecordTableModel
from desktop.ui.planning.html import hint, section_diff_html
from desktop.ui.planning.models import SectionDiffTableModel


def setup_table(table: QTableView, model: RecordTableModel[Any]) -> None:
    """The look of the registry tables: whole rows, no grid, no editing."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    vertical = table.verticalHeader()
    vertical.hide()
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for index, column in enumerate(model.COLUMNS):
        table.setColumnWidth(index, column.width)
        if column.stretch:
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)


class SectionDiffPane(QWidget):
    """Sections of two letters compared; the selected section's removed and new sentences."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SectionDiffTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName(f"{key}_secties")
        self.table.setModel(self.model)
        setup_table(self.table, self.model)
        self.text = QTextBrowser(self)
        self.text.setObjectName(f"{key}_sectietekst")
        self.text.setOpenLinks(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.text)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([220, 320])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._hint = ""
        self.table.selectionModel().selectionChanged.connect(self._on_selection_selection_changed)

    def set_diffs(self, diffs: Sequence[SectionDiff] | None, empty_hint: str = "") -> None:
        """Show a comparison and select its first changed section (None: only the hint)."""
        self._hint = empty_hint
        self.model.set_rows(list(diffs or []))
        rows = self.model.rows()
        first = next((row for row, d in enumerate(rows) if d.status != "ongewijzigd"), None)
        if first is None and rows:
            first = 0
        if first is None:
            self.text.setHtml(hint(empty_hint))
        else:
            self.table.selectRow(first)

    def selected(self) -> SectionDiff | None:
        """The section shown below the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _on_selection_selection_changed(
        self, selected: QItemSelection, deselected: QItemSelection
    ) -> None:
        diff = self.selected()
        self.text.setHtml(section_diff_html(diff) if diff else hint(self._hint))
