"""The motions view: status, dossier and overdue filters; detail with history and letters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from desktop.core.domain.dutch import dutch_count
from desktop.core.domain.models import MOTION_STATUSES, Motion
from desktop.core.services import registry as operations
from desktop.core.services.registry import MotionDetail, MotionQuery
from desktop.ui.common.formatting import capitalised
from desktop.ui.common.tasks import TaskControl, TaskManager
from desktop.ui.registry import detail
from desktop.ui.registry.motion_model import COL_KAMERSTUK, MotionTableModel
from desktop.ui.registry.view import RegistryView

# (label, store filter) in the order of the status box.
STATUS_CHOICES: tuple[tuple[str, str], ...] = (
    ("Alle moties", "all"),
    ("Nog niet afgedaan", "open"),
    ("Afgedaan", "afgedaan"),
    *((f"Status: {capitalised(status)}", status) for status in MOTION_STATUSES),
    ("Afwijkend van de Kamer", "afwijkend"),
)
ALL_DOSSIERS = "Alle dossiers"
# The rest of a big result loads in pages of this many motions, each its own task, so a
# new search never waits behind a whole 100 000-row load (only behind one page, ~40 ms).
FULL_LOAD_PAGE = 1000
# ... and only once typing pauses: keys typed meanwhile find the database thread free.
FULL_LOAD_DELAY_MS = 400


class MotionsView(RegistryView):
    """Motions, searched in the store, with the filters policy staff use daily."""

    def __init__(
        self, tasks: TaskManager, model: MotionTableModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            tasks,
            model,
            key="moties",
            noun="moties",
            query=lambda store, text: [],
            render=self._render_motion,
            sort_column=COL_KAMERSTUK,
            parent=parent,
        )
        self.motions = model
        self._detail_control: TaskControl | None = None
        self._detail_generation = 0
        self._dossiers: dict[tuple[int, str], str] = {}
        self._full_load: tuple[int, MotionQuery, list[Motion]] | None = None
        self._full_load_timer = QTimer(self)
        self._full_load_timer.setSingleShot(True)
        self._full_load_timer.setInterval(FULL_LOAD_DELAY_MS)
        self._full_load_timer.timeout.connect(self._on_full_load_timer_timeout)

        self.status_box = QComboBox(self)
        self.status_box.setObjectName("moties_status")
        for label, value in STATUS_CHOICES:
            self.status_box.addItem(label, value)
        self.status_box.insertSeparator(3)
        self.dossier_box = QComboBox(self)
        self.dossier_box.setObjectName("moties_dossier")
        self.dossier_box.addItem(ALL_DOSSIERS, None)
        self.dossier_box.setMinimumContentsLength(22)
        self.dossier_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.overdue_box = QCheckBox("Alleen verlopen", self)
        self.overdue_box.setObjectName("moties_verlopen")
        self.overdue_box.setToolTip("Toon alleen open moties waarvan de termijn is verstreken")
        status_label = QLabel("&Status:", self)
        status_label.setBuddy(self.status_box)
        dossier_label = QLabel("&Dossier:", self)
        dossier_label.setBuddy(self.dossier_box)
        for widget in (status_label, self.status_box, dossier_label, self.dossier_box):
            self.filter_bar.addWidget(widget)
        self.filter_bar.addWidget(self.overdue_box)
        self.status_box.currentIndexChanged.connect(self._on_status_box_current_index_changed)
        self.dossier_box.currentIndexChanged.connect(self._on_dossier_box_current_index_changed)
        self.overdue_box.toggled.connect(self._on_overdue_box_toggled)

    # -- loading: a first batch at once, then the rest ----------------------------------------

    def current_query(self) -> MotionQuery:
        """The store query the filters and search box ask for."""
        return MotionQuery(status=self.status_box.currentData(), search=self.search_box.text())

    def reload(self, select: int | None = None) -> None:
        """Query the first batch; when there are more, the full result follows."""
        if select is not None:
            self._pending_select = select
        self._generation += 1
        generation = self._generation
        if self._control is not None:
            self._control.cancel()
        query = self.current_query()
        preview = MotionQuery(query.status, query.search, self.motions.batch_size)
        self._control = self.tasks.run(
            lambda store: operations.list_motions(store, preview),
            lambda rows: self._on_preview_loaded(generation, query, rows),
            interruptible=True,
        )

    def _on_preview_loaded(
        self, generation: int, query: MotionQuery, rows: Sequence[Motion]
    ) -> None:
        if generation != self._generation:
            return
        complete = len(rows) < self.motions.batch_size
        self._show_rows(rows, complete)
        if complete:
            return
        self.status_reported.emit("Moties laden…")
        self._full_load = (generation, query, list(rows))
        self._full_load_timer.start()

    @property
    def search_pending(self) -> bool:
        """True while typed text waits, or the rest of a big result waits for a pause."""
        return super().search_pending or self._full_load_timer.isActive()

    def _on_full_load_timer_timeout(self) -> None:
        if self._full_load is None:
            return
        generation, query, loaded = self._full_load
        self._full_load = None
        if generation == self._generation:
            self._load_page(generation, query, loaded)

    def _load_page(self, generation: int, query: MotionQuery, loaded: list[Motion]) -> None:
        # Each page seeks past the last motion loaded (an offset would walk all before it).
        page = MotionQuery(query.status, query.search, FULL_LOAD_PAGE, after=loaded[-1].id)
        self._control = self.tasks.run(
            lambda store: operations.list_motions(store, page),
            lambda rows: self._on_page_loaded(generation, query, loaded, rows),
            interruptible=True,
        )

    def _on_page_loaded(
        self, generation: int, query: MotionQuery, loaded: list[Motion], rows: Sequence[Motion]
    ) -> None:
        if generation != self._generation:
            return
        loaded.extend(rows)
        if len(rows) < FULL_LOAD_PAGE:
            self._on_full_loaded(generation, loaded)
        else:
            self._load_page(generation, query, loaded)

    def _on_full_loaded(self, generation: int, rows: Sequence[Motion]) -> None:
        if generation != self._generation:
            return
        self._show_rows(rows, True)
        self.status_reported.emit(f"{dutch_count(len(rows))} moties geladen.")

    def _show_rows(self, rows: Sequence[Motion], complete: bool) -> None:
        if complete:
            self._add_dossiers(rows)
        self.set_rows(rows, complete=complete)

    def _add_dossiers(self, rows: Sequence[Motion]) -> None:
        known = len(self._dossiers)
        self._dossiers.update(operations.dossier_choices(rows))
        if len(self._dossiers) == known:
            return
        current = self.dossier_box.currentData()
        self.dossier_box.blockSignals(True)
        self.dossier_box.clear()
        self.dossier_box.addItem(ALL_DOSSIERS, None)
        for key, label in sorted(self._dossiers.items()):
            self.dossier_box.addItem(label, key)
        index = self.dossier_box.findData(current) if current is not None else 0
        self.dossier_box.setCurrentIndex(max(index, 0))
        self.dossier_box.blockSignals(False)

    # -- filters ------------------------------------------------------------------------------

    def set_status_filter(self, value: str) -> None:
        """Select a status filter by its store value (``open``, ``afgedaan``, ...)."""
        index = self.status_box.findData(value)
        if index < 0:
            raise ValueError(value)
        self.status_box.setCurrentIndex(index)

    def _on_status_box_current_index_changed(self, index: int) -> None:
        self.reload()

    def _on_dossier_box_current_index_changed(self, index: int) -> None:
        key = self.dossier_box.currentData()
        self.motions.set_filter(
            "dossier",
            None
            if key is None
            else lambda m: (
                m.kamerstuk is not None
                and (m.kamerstuk.dossier, m.kamerstuk.toevoeging or "") == tuple(key)
            ),
        )
        self._after_local_filter()

    def _on_overdue_box_toggled(self, checked: bool) -> None:
        self.motions.set_filter("verlopen", self.motions.is_overdue if checked else None)
        self._after_local_filter()

    def _after_local_filter(self) -> None:
        self.select_id(getattr(self.current_record(), "id", None))
        self._emit_count()

    # -- detail ---------------------------------------------------------------------------------

    def current_motion(self) -> Motion | None:
        """The selected motion."""
        record = self.current_record()
        return record if isinstance(record, Motion) else None

    def _render_motion(self, record: Any) -> str:
        return detail.motion_html(record, self.motions.today)

    def show_detail(self, record: Any) -> None:
        """Show the row at once, then its history and letters from the store."""
        super().show_detail(record)
        self._detail_generation += 1
        if self._detail_control is not None:
            self._detail_control.cancel()
        if not isinstance(record, Motion) or record.id is None:
            return
        generation = self._detail_generation
        motion_id = record.id
        self._detail_control = self.tasks.run(
            lambda store: operations.motion_detail(store, motion_id),
            lambda found: self._on_detail_loaded(generation, found),
            lambda error: self.status_reported.emit(str(error)),
            interruptible=True,
        )

    def _on_detail_loaded(self, generation: int, found: MotionDetail) -> None:
        if generation != self._detail_generation:
            return
        self.detail.setHtml(
            detail.motion_html(found.motion, self.motions.today, found.history, found.settled_by)
        )
