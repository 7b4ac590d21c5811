"""The start page: what must be in the next letter, and what changed since the last one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.dutch import counted
from desktop.core.planning.due import DEFAULT_HORIZON_DAYS, DueItem
from desktop.core.services import planning as planning_operations
from desktop.core.services.planning import SinceLastLetter, letter_label
from desktop.ui.common.dates import DATE_FORMAT, pydate, qdate
from desktop.ui.common.table_model import RecordProxyModel
from desktop.ui.common.tasks import TaskControl, TaskManager
from desktop.ui.planning.html import since_html
from desktop.ui.planning.models import DUE_COL_DATUM, DueTableModel
from desktop.ui.planning.sections import setup_table

# (label, days ahead; None: up to a chosen date) in the order of the horizon box.
HORIZONS: tuple[tuple[str, int | None], ...] = (
    ("30 dagen", 30),
    ("90 dagen", 90),
    ("180 dagen", 180),
    ("tot datum…", None),
)
HEADING_STYLE = "font-size: 15px; font-weight: 600;"


def counts_text(counts: dict[str, int]) -> str:
    """``2 moties · 1 toezegging · 3 EU-data — 1 verlopen``."""
    parts = [
        counted(counts.get("motie", 0), "motie", "moties"),
        counted(counts.get("toezegging", 0), "toezegging", "toezeggingen"),
        counted(counts.get("eu", 0), "EU-datum", "EU-data"),
    ]
    text = " · ".join(parts)
    notes = []
    if counts.get("verlopen"):
        notes.append(f"{counts['verlopen']} verlopen")
    if counts.get("zonder_datum"):
        notes.append(f"{counts['zonder_datum']} zonder termijn")
    if notes:
        text += " — " + ", ".join(notes)
    return text


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet(HEADING_STYLE)
    return label


class StartPage(QWidget):
    """What is due before the next letter (with a horizon), and changes since the last one."""

    item_activated = Signal(object)
    changes_requested = Signal()
    letter_requested = Signal(int)

    def __init__(
        self,
        tasks: TaskManager,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("start")
        self.tasks = tasks
        self._today = today
        self._generation = 0
        self._control: TaskControl | None = None
        self.since: SinceLastLetter = SinceLastLetter(None, None)

        self.model = DueTableModel(self)
        self.proxy = RecordProxyModel(self.model, self)
        self.table = QTableView(self)
        self.table.setObjectName("start_tabel")
        self.table.setModel(self.proxy)
        setup_table(self.table, self.model)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DUE_COL_DATUM, Qt.SortOrder.AscendingOrder)
        self.table.setToolTip("Dubbelklik om het item in zijn register te openen")

        self.horizon_box = QComboBox(self)
        self.horizon_box.setObjectName("start_horizon")
        for label, days in HORIZONS:
            self.horizon_box.addItem(label, days)
        self.horizon_box.setCurrentIndex(self.horizon_box.findData(DEFAULT_HORIZON_DAYS))
        self.until_edit = QDateEdit(self)
        self.until_edit.setObjectName("start_tot")
        self.until_edit.setDisplayFormat(DATE_FORMAT)
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setLocale(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
        self.until_edit.setDate(qdate(today() + dt.timedelta(days=DEFAULT_HORIZON_DAYS)))
        self.until_edit.hide()
        self.undated_box = QCheckBox("Ook zonder &termijn", self)
        self.undated_box.setObjectName("start_zonder_termijn")
        self.undated_box.setToolTip(
            "Toon ook de openstaande moties en toezeggingen zonder termijn (onderaan)"
        )
        self.undated_box.setChecked(True)
        self.counts = QLabel(self)
        self.counts.setObjectName("start_aantallen")
        self.counts.setStyleSheet("color: #5f6368;")
        self.summary = QLabel(self)
        self.summary.setObjectName("start_sinds")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.changes_button = QPushButton("Wat is er &veranderd…", self)
        self.changes_button.setObjectName("start_wijzigingen")
        self.recent = QLabel(self)
        self.recent.setObjectName("start_recent")
        self.recent.setWordWrap(True)
        self.recent.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.recent.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.recent.linkActivated.connect(self._on_recent_link_activated)
        self.recent_entries: list[tuple[int, str]] = []
        self.set_recent([])
        self._build_layout()

        self.horizon_box.currentIndexChanged.connect(self._on_horizon_box_current_index_changed)
        self.until_edit.dateChanged.connect(self._on_until_edit_date_changed)
        self.undated_box.toggled.connect(lambda _checked: self.reload_due())
        self.table.activated.connect(self._on_table_activated)
        self.changes_button.clicked.connect(self._on_changes_button_clicked)

    def _build_layout(self) -> None:
        due = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(_heading("Wat moet er in de volgende brief", self))
        top.addSpacing(16)
        horizon_label = QLabel("Bi&nnen:", self)
        horizon_label.setBuddy(self.horizon_box)
        top.addWidget(horizon_label)
        top.addWidget(self.horizon_box)
        top.addWidget(self.until_edit)
        top.addSpacing(8)
        top.addWidget(self.undated_box)
        top.addSpacing(12)
        top.addWidget(self.counts)
        top.addStretch(1)
        due.addLayout(top)
        due.addWidget(self.table, 1)

        since = QVBoxLayout()
        since.addWidget(_heading("Sinds de vorige brief", self))
        since.addWidget(self.summary, 1)
        since.addWidget(self.changes_button, 0, Qt.AlignmentFlag.AlignLeft)
        recent = QVBoxLayout()
        recent.addWidget(_heading("Recente brieven", self))
        recent.addWidget(self.recent, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(due, 3)
        for column in (since, recent):
            line = QFrame(self)
            line.setFrameShape(QFrame.Shape.VLine)
            line.setStyleSheet("color: #dadce0;")
            layout.addWidget(line)
            layout.addLayout(column, 1)

    # -- loading -------------------------------------------------------------------------------

    def horizon(self) -> dt.date:
        """The last day the due list covers."""
        days = self.horizon_box.currentData()
        if days is None:
            return pydate(self.until_edit.date())
        return self._today() + dt.timedelta(days=int(days))

    def reload(self) -> None:
        """Query what is due and what changed since the last letter (on the worker)."""
        self.reload_due()
        today = self._today()
        self.tasks.run(
            lambda store: planning_operations.since_last_letter(store, today),
            self._on_since_loaded,
            interruptible=True,
        )

    def reload_due(self) -> None:
        """Query what is due within the horizon (the latest request wins)."""
        self._generation += 1
        generation = self._generation
        if self._control is not None:
            self._control.cancel()
        before, today = self.horizon(), self._today()
        undated = self.undated_box.isChecked()
        self._control = self.tasks.run(
            lambda store: planning_operations.due(store, before, today, undated=undated),
            lambda items: self._on_due_loaded(generation, items),
            interruptible=True,
        )

    def _on_due_loaded(self, generation: int, items: Sequence[DueItem]) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(list(items))
        self.counts.setText(
            counts_text(self.model.counts()) if items else "Niets binnen deze periode."
        )

    def _on_since_loaded(self, found: SinceLastLetter) -> None:
        self.since = found
        label = letter_label(found.letter) if found.letter else None
        self.summary.setText(since_html(label, found.report))
        self.changes_button.setEnabled(found.report is not None)

    # -- user actions --------------------------------------------------------------------------

    def _on_horizon_box_current_index_changed(self, index: int) -> None:
        self.until_edit.setVisible(self.horizon_box.currentData() is None)
        self.reload_due()

    def _on_until_edit_date_changed(self, date: QDate) -> None:
        if self.horizon_box.currentData() is None:
            self.reload_due()

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.item_activated.emit(self.proxy.record_at(index.row()))

    def _on_changes_button_clicked(self) -> None:
        self.changes_requested.emit()

    # -- recent letters --------------------------------------------------------------------------

    def set_recent(self, entries: Sequence[tuple[int, str]]) -> None:
        """The letters opened last (id, label), newest first; a click opens one."""
        self.recent_entries = list(entries)
        if not entries:
            self.recent.setText(
                "<p style='color:#5f6368'>Nog geen brieven geopend. Dubbelklik een brief in "
                "Brieven, of begin een nieuwe (Ctrl+Shift+B).</p>"
            )
            return
        items = "".join(
            f"<p style='margin:0 0 4px 0'><a href='brief:{letter_id}'>{escape(label)}</a></p>"
            for letter_id, label in entries
        )
        self.recent.setText(items)

    def _on_recent_link_activated(self, link: str) -> None:
        number = link.removeprefix("brief:")
        if number.isdigit():
            self.letter_requested.emit(int(number))
