"""Table models over domain dataclasses, a lazy variant for big registries, and the proxy.

Each registry model declares its columns as ``COL_*`` constants and a ``COLUMNS`` tuple of
:class:`Column` (title, display text, sort key, width). Rows are domain dataclasses;
:meth:`RecordTableModel.set_rows` replaces them inside ``beginResetModel/endResetModel``.

Small registries are sorted and filtered by :class:`RecordProxyModel` (``SortRole``).
Registries that grow with the years (motions, Kamerstukken) use
:class:`LazyRecordTableModel`: it holds the result of one query but hands rows to the
view in batches (``canFetchMore/fetchMore``), and sorts and filters *all* its rows
itself, because a proxy can only sort the rows fetched so far.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)

from desktop.ui.common.formatting import matches_all, search_words

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex

SortRole = Qt.ItemDataRole.UserRole + 1
RecordRole = Qt.ItemDataRole.UserRole + 2
# The roles RecordTableModel.data answers (subclasses that answer more override data).
_ROLES = frozenset(
    {
        int(Qt.ItemDataRole.DisplayRole),
        int(SortRole),
        int(RecordRole),
        int(Qt.ItemDataRole.ToolTipRole),
        int(Qt.ItemDataRole.BackgroundRole),
        int(Qt.ItemDataRole.ForegroundRole),
    }
)
RELEASE_DELAY_MS = 300


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: header, cell text, sort key and default width in pixels."""

    title: str
    display: Callable[[T], str]
    sort_key: Callable[[T], Any]
    width: int = 120
    stretch: bool = False
    full_text_tooltip: bool = False


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Rows of domain dataclasses shown through a fixed set of columns."""

    COLUMNS: Sequence[Column[Any]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    # -- rows -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace all rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> T:
        """The record shown in a row."""
        return self._rows[row]

    def rows(self) -> list[T]:
        """The records shown, in model order."""
        return self._rows[: self.rowCount()]

    def row_of_id(self, record_id: int | None) -> int | None:
        """The row showing the record with this ``id``, if it is shown."""
        if record_id is None:
            return None
        for index, record in enumerate(self.rows()):
            if getattr(record, "id", None) == record_id:
                return index
        return None

    def total_count(self) -> int:
        """How many records the model holds (fetched or not)."""
        return len(self._rows)

    def search_text(self, record: T) -> Sequence[str | None]:
        """Texts a client-side search looks in (default: every column's text)."""
        return [column.display(record) for column in self.COLUMNS]

    def sort_key_at(self, row: int, column: int) -> Any:
        """The sort key of one cell."""
        return self.COLUMNS[column].sort_key(self._rows[row])

    # -- appearance hooks ---------------------------------------------------------------

    def row_tooltip(self, record: T) -> str | None:
        """A tooltip for the whole row (overrides the cell's text tooltip)."""
        return None

    def row_background(self, record: T) -> Any:
        """A QColor for the row's background, or None."""
        return None

    def row_foreground(self, record: T) -> Any:
        """A QColor for the row's text, or None."""
        return None

    # -- Qt model interface --------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.COLUMNS[section].title
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks each painted cell for a dozen roles; most are none of ours, and a
        # 100 000-motion search repaints the table on every keystroke.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        column = self.COLUMNS[index.column()]
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record)
        if role == SortRole:
            return column.sort_key(record)
        if role == RecordRole:
            return record
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.row_tooltip(record)
            if tip is None and column.full_text_tooltip:
                tip = column.display(record) or None
            return tip
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.row_background(record)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.row_foreground(record)
        return None


class LazyRecordTableModel(RecordTableModel[T]):
    """A table model that holds many rows but gives them to the view in batches.

    All rows of the last query are kept (one query, no per-row queries); the view asks
    for more through ``canFetchMore/fetchMore`` as the user scrolls. Filters and
    sorting work on all rows, not just the fetched ones.
    """

    BATCH_SIZE = 200
    # The (column, order) the query already returns rows in: no need to sort for it.
    NATURAL_ORDER: tuple[int, Qt.SortOrder] | None = None

    def __init__(self, parent: Any = None, *, batch_size: int | None = None) -> None:
        super().__init__(parent)
        self.batch_size = batch_size or self.BATCH_SIZE
        self._received: list[T] = []
        self._filters: dict[str, Callable[[T], bool]] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._loaded = 0
        # True while rows change: listeners of those signals (views, model testers) may
        # ask for more rows then; they get them on their next request instead.
        self._changing = False
        # Freeing 100 000 dataclasses takes ~80 ms: do it after the new rows are painted.
        self._discarded: list[list[T]] = []
        self._release_timer = QTimer(self)
        self._release_timer.setSingleShot(True)
        self._release_timer.setInterval(RELEASE_DELAY_MS)
        self._release_timer.timeout.connect(self._discarded.clear)

    @contextmanager
    def _change(self, reset: bool = True) -> Iterator[None]:
        self._changing = True
        if reset:
            self.beginResetModel()
        try:
            yield
        finally:
            if reset:
                self.endResetModel()
            self._changing = False

    def set_rows(self, rows: Sequence[T], *, keep_fetched: bool = False) -> None:
        """Replace all rows; ``keep_fetched`` keeps as many rows fetched as before."""
        previous = self._loaded
        if len(self._received) > self.batch_size:
            self._discarded += [self._received, self._rows]
            self._release_timer.start()
        with self._change():
            self._received = list(rows)
            self._rebuild()
            wanted = max(previous, self.batch_size) if keep_fetched else self.batch_size
            self._loaded = min(wanted, len(self._rows))

    def set_filter(self, name: str, predicate: Callable[[T], bool] | None) -> None:
        """Add, replace or (with None) remove a named filter on all rows."""
        if predicate is None and name not in self._filters:
            return
        with self._change():
            if predicate is None:
                del self._filters[name]
            else:
                self._filters[name] = predicate
            self._rebuild()
            self._loaded = min(self.batch_size, len(self._rows))

    def set_text_filter(self, text: str) -> None:
        """Show only rows whose texts contain every word of ``text``."""
        words = search_words(text)
        self.set_filter(
            "text", (lambda record: matches_all(self.search_text(record), words)) if words else None
        )

    def total_count(self) -> int:
        return len(self._rows)

    def all_rows(self) -> list[T]:
        """Every record that passes the filters, fetched by the view or not."""
        return list(self._rows)

    def received_count(self) -> int:
        """How many rows the last query returned, before filters."""
        return len(self._received)

    def _rebuild(self) -> None:
        rows = self._received
        for predicate in self._filters.values():
            rows = [record for record in rows if predicate(record)]
        natural = (self._sort_column, self._sort_order) == self.NATURAL_ORDER
        if 0 <= self._sort_column < len(self.COLUMNS) and not natural:
            key = self.COLUMNS[self._sort_column].sort_key
            rows = sorted(rows, key=key, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        elif rows is self._received:
            rows = list(rows)
        self._rows = rows

    # -- Qt model interface --------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._loaded < len(self._rows)

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or self._changing:
            return
        count = min(self.batch_size, len(self._rows) - self._loaded)
        if count <= 0:
            return
        with self._change(reset=False):
            self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + count - 1)
            self._loaded += count
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        with self._change():
            self._sort_column = column
            self._sort_order = order
            self._rebuild()
            self._loaded = min(max(self._loaded, self.batch_size), len(self._rows))


class RecordProxyModel(QSortFilterProxyModel):
    """Sorts by ``SortRole`` keys and filters on typed words; defers to a lazy source."""

    def __init__(self, source: RecordTableModel[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SortRole)
        self._words: list[str] = []
        self._lazy = isinstance(source, LazyRecordTableModel)

    def source(self) -> RecordTableModel[Any]:
        """The registry model behind this proxy."""
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        return model

    def record_count(self) -> int:
        """How many records match (for a lazy source: also those not fetched yet)."""
        if self._lazy:
            return self.source().total_count()
        return self.rowCount()

    def record_at(self, row: int) -> Any:
        """The record in a proxy row."""
        return self.source().row(self.mapToSource(self.index(row, 0)).row())

    def row_of_id(self, record_id: int | None) -> int | None:
        """The proxy row showing a record id, if it is shown."""
        source_row = self.source().row_of_id(record_id)
        if source_row is None:
            return None
        row = self.mapFromSource(self.source().index(source_row, 0)).row()
        return row if row >= 0 else None

    def set_text_filter(self, text: str) -> None:
        """Show only records whose texts contain every word (client-side search)."""
        source = self.source()
        if isinstance(source, LazyRecordTableModel):
            source.set_text_filter(text)
            return
        if hasattr(self, "endFilterChange"):  # Qt 6.10+; invalidateRowsFilter is deprecated
            self.beginFilterChange()
            self._words = search_words(text)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._words = search_words(text)
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._words:
            return True
        source = self.source()
        return matches_all(source.search_text(source.row(source_row)), self._words)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        source = self.source()
        return bool(
            source.sort_key_at(left.row(), left.column())
            < source.sort_key_at(right.row(), right.column())
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._lazy:
            # The proxy only sees fetched rows; the lazy source sorts all of them.
            self.source().sort(column, order)
            return
        super().sort(column, order)
