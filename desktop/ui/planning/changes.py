"""The "Wat is er veranderd" window: registry changes and section texts between two letters.

By default the newest letter is compared with the one before; the user can pick any
two letters, or a period. The report can be saved as a Word file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.core.domain.models import Letter
from desktop.core.errors import UserError
from desktop.core.services import letters as letter_ops
from desktop.core.services import planning as planning_operations
from desktop.core.services.planning import ChangesRequest, ChangesResult, letter_label
from desktop.ui.common.dates import DATE_FORMAT, pydate, qdate
from desktop.ui.common.dialogs import MessageBox
from desktop.ui.common.formatting import long_date
from desktop.ui.common.tasks import TaskControl, TaskManager
from desktop.ui.common.widgets import ERROR_STYLE
from desktop.ui.planning.dialogs import ReportFileDialog
from desktop.ui.planning.models import CHANGE_COL_TOELICHTING, CHANGE_WIDTHS, ChangeTreeModel
from desktop.ui.planning.sections import SectionDiffPane

if TYPE_CHECKING:
    # jinja2 loads when a letter is drafted, not when the main window starts.
    from desktop.core.drafting.templates import TemplateLibrary

PREVIOUS = "de vorige brief"
NO_TEXTS = "De tekst per sectie wordt vergeleken als u twee brieven kiest."
LAST_FOLDER = "planning/report_folder"


def _date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    # Month names in Dutch, also where the application's default locale is not set.
    edit.setLocale(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    edit.setMinimumWidth(150)
    return edit


class ChangesWindow(QWidget):
    """What changed between two letters, or in a period (a window of its own)."""

    status_reported = Signal(str)

    def __init__(
        self,
        tasks: TaskManager,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        library: TemplateLibrary | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("wijzigingen")
        self.setWindowTitle("Wat is er veranderd – Voortgang")
        # Closing the main window ends the program, also while this one is open.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        # Esc closes this window, as it closes a dialog.
        close = QAction(self)
        close.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        close.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.triggered.connect(self.close)
        self.addAction(close)
        self.tasks = tasks
        self.library = library or paths.default_library()
        self._settings = settings
        self._today = today
        self._generation = 0
        self._control: TaskControl | None = None
        self._wanted_letter: int | None = None
        self.result: ChangesResult | None = None

        self.letter_mode = QRadioButton("&Brief", self)
        self.period_mode = QRadioButton("&Periode van", self)
        self.letter_mode.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.letter_mode)
        modes.addButton(self.period_mode)
        self.letter_box = QComboBox(self)
        self.letter_box.setObjectName("wijzigingen_brief")
        self.earlier_box = QComboBox(self)
        self.earlier_box.setObjectName("wijzigingen_vorige")
        for box in (self.letter_box, self.earlier_box):
            box.setMinimumContentsLength(44)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.since_edit = _date_edit(self, "wijzigingen_van")
        self.until_edit = _date_edit(self, "wijzigingen_tot")
        self.save_button = QPushButton("&Opslaan als Word-rapport…", self)
        self.save_button.setObjectName("wijzigingen_opslaan")
        self.save_button.setEnabled(False)
        self.heading = QLabel(self)
        self.heading.setObjectName("wijzigingen_kop")
        self.heading.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()

        self.model = ChangeTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("wijzigingen_register")
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column, width in enumerate(CHANGE_WIDTHS):
            self.tree.setColumnWidth(column, width)
        header.setSectionResizeMode(CHANGE_COL_TOELICHTING, QHeaderView.ResizeMode.Stretch)
        self.sections = SectionDiffPane("wijzigingen", self)
        self._build_layout()

        self.since_edit.setDate(qdate(today() - dt.timedelta(days=90)))
        self.until_edit.setDate(qdate(today()))
        self.letter_mode.toggled.connect(self._on_letter_mode_toggled)
        self.letter_box.currentIndexChanged.connect(self._on_letter_box_current_index_changed)
        self.earlier_box.currentIndexChanged.connect(self._on_earlier_box_current_index_changed)
        self.since_edit.dateChanged.connect(self._on_since_edit_date_changed)
        self.until_edit.dateChanged.connect(self._on_until_edit_date_changed)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self._update_enabled()
        self.resize(1280, 780)

    def _build_layout(self) -> None:
        chooser = QGridLayout()
        chooser.setHorizontalSpacing(8)
        chooser.addWidget(self.letter_mode, 0, 0)
        chooser.addWidget(self.letter_box, 0, 1)
        chooser.addWidget(QLabel("vergeleken met", self), 0, 2)
        chooser.addWidget(self.earlier_box, 0, 3)
        chooser.addWidget(self.period_mode, 1, 0)
        period = QHBoxLayout()
        period.addWidget(self.since_edit)
        period.addWidget(QLabel("tot en met", self))
        period.addWidget(self.until_edit)
        period.addStretch(1)
        chooser.addLayout(period, 1, 1, 1, 3)
        chooser.setColumnStretch(4, 1)
        chooser.addWidget(self.save_button, 0, 5)

        registry = QGroupBox("In het register", self)
        box = QVBoxLayout(registry)
        box.addWidget(self.tree)
        texts = QGroupBox("Tekst per sectie", self)
        box = QVBoxLayout(texts)
        box.addWidget(self.sections)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("wijzigingen_splitter")
        self.splitter.addWidget(registry)
        self.splitter.addWidget(texts)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([740, 520])

        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.splitter, 1)

    # -- choosing -----------------------------------------------------------------------------

    def show_letter(self, letter_id: int | None = None) -> None:
        """Compare a letter (None: the newest) with the one before it."""
        self._wanted_letter = letter_id
        self.letter_mode.setChecked(True)
        self.reload()

    def show_period(self, since: dt.date, until: dt.date) -> None:
        """Show the registry changes after ``since`` up to and including ``until``."""
        for edit, value in ((self.since_edit, since), (self.until_edit, until)):
            edit.blockSignals(True)
            edit.setDate(qdate(value))
            edit.blockSignals(False)
        for button in (self.letter_mode, self.period_mode):
            button.blockSignals(True)
        self.period_mode.setChecked(True)
        for button in (self.letter_mode, self.period_mode):
            button.blockSignals(False)
        self._update_enabled()
        self.reload()

    def reload(self) -> None:
        """Query the letters for the boxes, then the comparison (on the worker)."""
        self.tasks.run(planning_operations.dated_letters, self._on_letters_loaded)

    def _on_letters_loaded(self, found: Sequence[Letter]) -> None:
        wanted = self._wanted_letter
        if wanted is None:
            wanted = self.letter_box.currentData()
        earlier = self.earlier_box.currentData()
        for box in (self.letter_box, self.earlier_box):
            box.blockSignals(True)
            box.clear()
        self.earlier_box.addItem(PREVIOUS, None)
        for item in found:
            label = letter_label(item)
            if item.betreft:
                label += f" – {item.betreft}"
            self.letter_box.addItem(label, item.id)
            self.earlier_box.addItem(label, item.id)
        self.letter_box.setCurrentIndex(max(self.letter_box.findData(wanted), 0))
        self.earlier_box.setCurrentIndex(max(self.earlier_box.findData(earlier), 0))
        for box in (self.letter_box, self.earlier_box):
            box.blockSignals(False)
        self._wanted_letter = None
        if not found:
            self.period_mode.setChecked(True)
        self._update_enabled()
        self.compare()

    def request(self) -> ChangesRequest:
        """What the choosers ask for."""
        if self.period_mode.isChecked():
            return ChangesRequest(
                since=pydate(self.since_edit.date()), until=pydate(self.until_edit.date())
            )
        return ChangesRequest(
            letter_id=self.letter_box.currentData(), earlier_id=self.earlier_box.currentData()
        )

    def compare(self) -> None:
        """Compute the comparison the choosers ask for (the latest request wins)."""
        request = self.request()
        library = self.library
        if request.letter_id is None and request.since is None:
            self._show(None, "Er zijn nog geen brieven met een datum; kies een periode.")
            return
        self._generation += 1
        generation = self._generation
        if self._control is not None:
            self._control.cancel()
        self._control = self.tasks.run(
            lambda store: planning_operations.changes_for(store, request, library),
            lambda result: self._on_compared(generation, result),
            lambda error: self._on_compare_failed(generation, error),
            interruptible=True,
        )

    def _on_compared(self, generation: int, result: ChangesResult) -> None:
        if generation == self._generation:
            self._show(result)

    def _on_compare_failed(self, generation: int, error: UserError) -> None:
        if generation == self._generation:
            self._show(None, str(error))

    def _show(self, result: ChangesResult | None, problem: str = "") -> None:
        self.result = result
        self.save_button.setEnabled(result is not None)
        self.model.set_report(result.report if result else None)
        self.tree.expandAll()
        if result is None:
            self.heading.setText("")
            self.sections.set_diffs(None, NO_TEXTS)
            self._set_note(problem, error=True)
            return
        report = result.report
        total = sum(len(items) for _title, items in report.groups())
        self.heading.setText(
            f"<b>{escape(result.title or 'Wat is er veranderd')}</b><br>"
            f"<span style='color:#5f6368'>Na {long_date(report.since)} tot en met "
            f"{long_date(report.until)}: {total} "
            f"{'wijziging' if total == 1 else 'wijzigingen'} in het register.</span>"
        )
        self._set_note(result.note)
        if result.diffs is None:
            hint = NO_TEXTS if result.older is None else "Een van beide brieven heeft geen tekst."
            self.sections.set_diffs(None, hint)
        else:
            self.sections.set_diffs(result.diffs, "Geen secties.")

    def _set_note(self, text: str, *, error: bool = False) -> None:
        self.note.setStyleSheet(ERROR_STYLE if error else "color: #5f6368;")
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _update_enabled(self) -> None:
        by_letter = self.letter_mode.isChecked()
        for box in (self.letter_box, self.earlier_box):
            box.setEnabled(by_letter)
        for edit in (self.since_edit, self.until_edit):
            edit.setEnabled(not by_letter)

    def _on_letter_mode_toggled(self, checked: bool) -> None:
        self._update_enabled()
        self.compare()

    def _on_letter_box_current_index_changed(self, index: int) -> None:
        self.compare()

    def _on_earlier_box_current_index_changed(self, index: int) -> None:
        self.compare()

    def _on_since_edit_date_changed(self, date: QDate) -> None:
        self.compare()

    def _on_until_edit_date_changed(self, date: QDate) -> None:
        self.compare()

    # -- the Word report ----------------------------------------------------------------------

    def _suggested_path(self, result: ChangesResult) -> Path:
        folder = Path.home()
        if self._settings is not None:
            stored = self._settings.value(LAST_FOLDER)
            if isinstance(stored, str) and stored:
                folder = Path(stored)

        if result.newer is not None:
            name = letter_ops.file_name(result.newer.kenmerk or result.report.until.isoformat())
        else:
            name = f"{result.report.since.isoformat()}-{result.report.until.isoformat()}"
        return folder / f"wijzigingen-{name}.docx"

    def save_report(self) -> None:
        """Ask for a file and write the report as Word (on the worker)."""
        result = self.result
        if result is None:
            return
        target = ReportFileDialog.ask(self, self._suggested_path(result))
        if target is None:
            return
        if self._settings is not None:
            self._settings.setValue(LAST_FOLDER, str(target.parent))
        self.tasks.run(
            lambda _store: planning_operations.save_change_report(result, target),
            self._on_report_saved,
            self._on_report_failed,
        )

    def _on_report_saved(self, path: Path) -> None:
        self.status_reported.emit(f"Rapport opgeslagen: {path}")
        self._set_note(f"Rapport opgeslagen: {path}")

    def _on_report_failed(self, error: UserError) -> None:
        MessageBox.warn(self, "Rapport opslaan", str(error))

    def _on_save_button_clicked(self) -> None:
        self.save_report()
