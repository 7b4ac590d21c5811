"""One registry on screen: a search box, filters, a sortable table and a detail pane."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store import Store
from desktop.ui.common.table_model import LazyRecordTableModel, RecordProxyModel, RecordTableModel
from desktop.ui.common.tasks import TaskControl, TaskManager
from desktop.ui.registry import detail

# No pause: a new search cancels the one under way (its SQL is interrupted), so typing
# never queues work; the zero timer only merges keys that arrive in one go (a paste).
SEARCH_DELAY_MS = 0
DEFAULT_TABLE_WIDTH = 940
DEFAULT_DETAIL_WIDTH = 470

Query = Callable[[Store, str], Sequence[Any]]


class RegistryView(QWidget):
    """A registry view; subclasses add filters and richer detail panes.

    Args:
        tasks: runs the queries on the database thread.
        model: the table model (rows are domain dataclasses).
        key: settings key and object name (``moties``).
        noun: plural noun for messages (``moties``).
        query: ``query(store, search_text)`` returning the rows; runs on the worker.
        render: HTML for the detail pane of one record.
        server_search: True when ``query`` searches (FTS in the store); False filters
            the loaded rows client-side.
    """

    count_changed = Signal(int, bool)
    current_changed = Signal(object)
    record_activated = Signal(object)
    link_clicked = Signal(str)
    status_reported = Signal(str)

    def __init__(
        self,
        tasks: TaskManager,
        model: RecordTableModel[Any],
        *,
        key: str,
        noun: str,
        query: Query,
        render: Callable[[Any], str],
        server_search: bool = True,
        sort_column: int = 0,
        sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(key)
        self.tasks = tasks
        self.model = model
        self.proxy = RecordProxyModel(model, self)
        self.key = key
        self.noun = noun
        self._query = query
        self._render = render
        self._server_search = server_search
        self._generation = 0
        self._control: TaskControl | None = None
        self._loaded_once = False
        self._pending_select: int | None = None

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName(f"{key}_zoeken")
        self.search_box.setPlaceholderText(f"Zoeken in {noun}…  (Ctrl+F)")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(280)
        self.search_box.setMaximumWidth(560)
        self.filter_bar = QHBoxLayout()
        self.filter_bar.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 2)
        top.addLayout(self.filter_bar)
        top.addStretch(1)

        self.table = QTableView(self)
        self.table.setObjectName(f"{key}_tabel")
        self._setup_table(sort_column, sort_order)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName(f"{key}_detail")
        self.detail.setOpenLinks(False)
        self.detail.setMinimumWidth(260)
        self.detail.anchorClicked.connect(self._on_detail_anchor_clicked)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"{key}_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        # The table takes extra width; the detail pane keeps a readable measure.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([DEFAULT_TABLE_WIDTH, DEFAULT_DETAIL_WIDTH])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.search_box.textChanged.connect(self._on_search_box_text_changed)
        self.detail.setHtml(detail.empty_state(noun, empty=False))

    def _setup_table(self, sort_column: int, sort_order: Qt.SortOrder) -> None:
        table = self.table
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setShowGrid(False)
        vertical = table.verticalHeader()
        vertical.hide()
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for index, column in enumerate(self.model.COLUMNS):
            table.setColumnWidth(index, column.width)
            if column.stretch:
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
        table.setSortingEnabled(True)
        table.sortByColumn(sort_column, sort_order)
        table.selectionModel().selectionChanged.connect(self._on_selection_selection_changed)
        table.activated.connect(self._on_table_activated)

    # -- loading ------------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        """True once the first query has returned."""
        return self._loaded_once

    def reload(self, select: int | None = None) -> None:
        """Query the store again (the latest request wins; older results are dropped).

        ``select`` names a record id to select once it is loaded.
        """
        if select is not None:
            self._pending_select = select
        self._generation += 1
        generation = self._generation
        if self._control is not None:
            self._control.cancel()
        text = self.search_box.text() if self._server_search else ""
        query = self._query
        self._control = self.tasks.run(
            lambda store: query(store, text),
            lambda rows: self._on_rows_loaded(generation, rows),
            interruptible=True,
        )

    def _on_rows_loaded(self, generation: int, rows: Sequence[Any]) -> None:
        if generation != self._generation:
            return
        self.set_rows(rows)

    def set_rows(self, rows: Sequence[Any], *, complete: bool = True) -> None:
        """Show new rows, keeping the selected record selected when it is still there."""
        selected_id = self._pending_select
        if selected_id is None:
            selected_id = getattr(self.current_record(), "id", None)
        if isinstance(self.model, LazyRecordTableModel):
            self.model.set_rows(rows, keep_fetched=True)
        else:
            self.model.set_rows(rows)
        self._loaded_once = True
        if self.select_id(selected_id) or complete:
            self._pending_select = None
        self._emit_count(complete)

    def _emit_count(self, complete: bool = True) -> None:
        self.count_changed.emit(self.proxy.record_count(), complete)

    def record_count(self) -> int:
        """How many records the view lists (with its filters and search)."""
        return self.proxy.record_count()

    # -- selection ------------------------------------------------------------------------

    def current_record(self) -> Any:
        """The selected record, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.record_at(rows[0].row()) if rows else None

    def select_id(self, record_id: int | None) -> bool:
        """Select the record with this id (else the first row); True when found."""
        row = self.proxy.row_of_id(record_id)
        found = row is not None
        if row is None and self.proxy.rowCount() > 0:
            row = 0
        if row is None:
            self.table.clearSelection()
            self.show_detail(None)
            self.current_changed.emit(None)
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.proxy.index(row, 0))
        return found

    def _on_selection_selection_changed(
        self, selected: QItemSelection, deselected: QItemSelection
    ) -> None:
        record = self.current_record()
        self.show_detail(record)
        self.current_changed.emit(record)

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.record_activated.emit(self.proxy.record_at(index.row()))

    def show_detail(self, record: Any) -> None:
        """Fill the detail pane for a record (None: an empty-state hint)."""
        if record is None:
            self.detail.setHtml(detail.empty_state(self.noun, self.proxy.rowCount() == 0))
        else:
            self.detail.setHtml(self._render(record))

    def _on_detail_anchor_clicked(self, url: QUrl) -> None:
        self.link_clicked.emit(url.toString())

    # -- search ---------------------------------------------------------------------------

    @property
    def search_pending(self) -> bool:
        """True while typed text waits for the search delay to pass."""
        return self._search_timer.isActive()

    def focus_search(self) -> None:
        """Put the cursor in the search box, text selected (Ctrl+F)."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _on_search_box_text_changed(self, text: str) -> None:
        if self._server_search:
            # Whatever is still on its way answers an older text: drop it now, not
            # when the pause is over (it would show rows that do not match the box).
            self._generation += 1
            if self._control is not None:
                self._control.cancel()
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        if self._server_search:
            self.reload()
            return
        self.proxy.set_text_filter(self.search_box.text())
        self.select_id(getattr(self.current_record(), "id", None))
        self._emit_count()

    # -- settings -------------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        """Remember splitter and column layout (UI state only)."""
        settings.setValue(f"views/{self.key}/splitter", self.splitter.saveState())
        settings.setValue(f"views/{self.key}/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        """Restore what :meth:`save_state` stored, if anything."""
        splitter = settings.value(f"views/{self.key}/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        header = settings.value(f"views/{self.key}/header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
