"""Models of the letter cycle: what is due, what changed (a tree), section texts, versions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.core.planning.changes import Change, ChangeReport, SectionDiff
from desktop.core.planning.due import DueItem
from desktop.core.planning.versions import VersionInfo
from desktop.ui.common.formatting import capitalised, date_key, partial_date, text_key
from desktop.ui.common.table_model import (
    Column,
    LazyRecordTableModel,
    RecordRole,
    RecordTableModel,
)
from desktop.ui.registry.motion_model import OVERDUE_BACKGROUND, OVERDUE_FOREGROUND

AnyIndex = QModelIndex | QPersistentModelIndex

KIND_LABELS = {"motie": "Motie", "toezegging": "Toezegging", "eu": "EU-dossier"}
OVERDUE_TIPS = {
    "motie": "Termijn verstreken",
    "toezegging": "Datum nakoming verstreken",
}
MUTED = QColor("#5f6368")
ADDED = QColor("#1e7b34")
REMOVED = QColor("#a0281b")

# -- what is due ----------------------------------------------------------------------------

DUE_COL_DATUM, DUE_COL_SOORT, DUE_COL_VERWIJZING, DUE_COL_WAT, DUE_COL_STATUS = range(5)


def _due_status(item: DueItem) -> str:
    return "Verlopen" if item.overdue else capitalised(item.status)


class DueTableModel(LazyRecordTableModel[DueItem]):
    """Due motions, commitments and EU dates; overdue rows in red.

    Lazy like the motions table: with "Ook zonder termijn" a registry of 100 000 motions
    has tens of thousands of open items, which the view gets in batches as it scrolls, and
    which are sorted with one key per row (not one Python comparison per pair, which froze
    the window for seconds).
    """

    COLUMNS = (
        # Overdue first whatever is sorted on; then by date; open items without a date last.
        Column[DueItem](
            "Datum",
            lambda i: partial_date(i.due) if i.due else "geen termijn",
            lambda i: (not i.overdue, date_key(i.due)),
            96,
        ),
        Column[DueItem](
            "Soort", lambda i: KIND_LABELS.get(i.kind, i.kind), lambda i: text_key(i.kind), 96
        ),
        Column[DueItem](
            "Verwijzing", lambda i: i.reference, lambda i: text_key(i.reference), 170, False, True
        ),
        Column[DueItem]("Wat", lambda i: i.title, lambda i: text_key(i.title), 320, True, True),
        Column[DueItem]("Status", _due_status, lambda i: (not i.overdue, text_key(i.status)), 110),
    )

    def row_tooltip(self, record: DueItem) -> str | None:
        return OVERDUE_TIPS.get(record.kind) if record.overdue else None

    def row_background(self, record: DueItem) -> Any:
        return OVERDUE_BACKGROUND if record.overdue else None

    def row_foreground(self, record: DueItem) -> Any:
        return OVERDUE_FOREGROUND if record.overdue else None

    def counts(self) -> dict[str, int]:
        """How many items of each kind (``motie``, ``toezegging``, ``eu``), ``verlopen`` and
        ``zonder_datum``."""
        result = {"motie": 0, "toezegging": 0, "eu": 0, "verlopen": 0, "zonder_datum": 0}
        for item in self.all_rows():
            result[item.kind] = result.get(item.kind, 0) + 1
            result["verlopen"] += item.overdue
            result["zonder_datum"] += not item.due
        return result


# -- what changed: groups with their changes --------------------------------------------------

CHANGE_COL_WAT, CHANGE_COL_TOELICHTING, CHANGE_COL_DATUM = range(3)
CHANGE_HEADERS = ("Wat", "Toelichting", "Datum")
CHANGE_WIDTHS = (390, 220, 96)
# internalId of a group row; a change row's internalId is its group's row + 1.
_GROUP = 0


class ChangeTreeModel(QAbstractItemModel):
    """A :class:`ChangeReport` as a tree: its groups, each with its changes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[Change]]] = []

    def set_report(self, report: ChangeReport | None) -> None:
        """Show a report (None: nothing)."""
        self.beginResetModel()
        self._groups = [(title, list(items)) for title, items in report.groups()] if report else []
        self.endResetModel()

    def group_titles(self) -> list[str]:
        """The group rows as shown, with their counts."""
        return [self._group_text(row) for row in range(len(self._groups))]

    def changes(self, title: str) -> list[Change]:
        """The changes of the group with this title (``Afgedaan``)."""
        return next((items for name, items in self._groups if name == title), [])

    def change_at(self, index: AnyIndex) -> Change | None:
        """The change a (child) index shows, if any."""
        group = self._group_of(index)
        return None if group is None else self._groups[group][1][index.row()]

    def _group_of(self, index: AnyIndex) -> int | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return int(index.internalId()) - 1

    def _group_text(self, row: int) -> str:
        title, items = self._groups[row]
        return f"{title} ({len(items)})"

    # -- Qt model interface --------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        group = self._group_of(index)
        if group is None:
            return QModelIndex()
        return self.createIndex(group, 0, _GROUP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or self._group_of(parent) is not None:
            return 0
        return len(self._groups[parent.row()][1])

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(CHANGE_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(CHANGE_HEADERS)
        ):
            return CHANGE_HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        change = self.change_at(index)
        if change is None:
            return self._group_data(index, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == CHANGE_COL_WAT:
                return change.titel
            if index.column() == CHANGE_COL_TOELICHTING:
                return change.wat
            return partial_date(change.datum)
        if role == RecordRole:
            return change
        return None

    def _group_data(self, index: AnyIndex, role: int) -> Any:
        empty = not self._groups[index.row()][1]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == CHANGE_COL_WAT:
            return self._group_text(index.row())
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and empty:
            return MUTED
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# -- the texts per section ----------------------------------------------------------------------

SECTION_COL_TITEL, SECTION_COL_STATUS, SECTION_COL_VERVALLEN, SECTION_COL_NIEUW = range(4)
_STATUS_ORDER = {"gewijzigd": 0, "nieuw": 1, "vervallen": 2, "ongewijzigd": 3}
_STATUS_COLOURS = {"nieuw": ADDED, "vervallen": REMOVED, "ongewijzigd": MUTED}


def _count(value: Sequence[str]) -> str:
    return str(len(value)) if value else ""


class SectionDiffTableModel(RecordTableModel[SectionDiff]):
    """The section-by-section comparison: status and how many sentences went and came."""

    COLUMNS = (
        Column[SectionDiff]("Sectie", lambda d: d.titel, lambda d: text_key(d.titel), 260, True),
        Column[SectionDiff](
            "Status", lambda d: capitalised(d.status), lambda d: _STATUS_ORDER[d.status], 100
        ),
        Column[SectionDiff]("Vervallen", lambda d: _count(d.removed), lambda d: len(d.removed), 80),
        Column[SectionDiff]("Nieuw", lambda d: _count(d.added), lambda d: len(d.added), 64),
    )

    def row_foreground(self, record: SectionDiff) -> Any:
        return _STATUS_COLOURS.get(record.status)

    def changed_count(self) -> int:
        """How many sections differ."""
        return sum(1 for diff in self.rows() if diff.status != "ongewijzigd")


# -- versions -----------------------------------------------------------------------------------

VERSION_COL_NUMMER, VERSION_COL_GEMAAKT, VERSION_COL_WIE, VERSION_COL_BESTAND = range(4)


def moment(stamp: str) -> str:
    """``2020-02-21T14:03:09`` → ``21-02-2020 14:03``."""
    day, _, time = stamp.partition("T")
    return f"{partial_date(day)} {time[:5]}".strip()


class VersionTableModel(RecordTableModel[VersionInfo]):
    """The stored versions of one letter."""

    COLUMNS = (
        Column[VersionInfo]("Versie", lambda v: str(v.nummer), lambda v: v.nummer, 64),
        Column[VersionInfo]("Gemaakt", lambda v: moment(v.gemaakt), lambda v: v.gemaakt, 130),
        Column[VersionInfo]("Door", lambda v: v.wie, lambda v: text_key(v.wie), 110),
        Column[VersionInfo](
            "Bestand", lambda v: v.bestand or "", lambda v: text_key(v.bestand), 300, True, True
        ),
    )

    def row_of_id(self, record_id: int | None) -> int | None:
        """Versions have no id; their number identifies them."""
        return next(
            (row for row, version in enumerate(self.rows()) if version.nummer == record_id), None
        )
