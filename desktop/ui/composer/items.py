"""The composer's "Moties", "Toezeggingen" and "Bijlage" tabs, and choosing what goes in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.models import LetterCommitment, LetterMotion
from desktop.core.services import letters as ops
from desktop.core.services.letters import Citation
from desktop.ui.common.formatting import capitalised, one_line
from desktop.ui.composer import commands
from desktop.ui.composer.dialogs import CitationPickerDialog, ItemPickerDialog
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.editor import RichTextEdit
from desktop.ui.composer.fields import (
    HINT_STYLE,
    Edit,
    Push,
    TextBinding,
)
from desktop.ui.composer.formatted import FormattedField
from desktop.ui.composer.models import (
    CLOSING_SECTION,
    ITEM_COL_AFDOEN,
    ITEM_COL_NAAM,
    ITEM_COL_NUMMER,
    ITEM_COL_SECTIE,
    MOTIONS,
)

if TYPE_CHECKING:
    from desktop.ui.composer.host import ComposerHost


class SettleItemsPanel(QWidget):
    """Motions (or commitments) in the letter: add from the open ones, settle, respond."""

    add_requested = Signal(str)

    def __init__(
        self, kind: str, document: ComposerDocument, push: Push, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.document = document
        self._push = push
        self.model = document.motions if kind == MOTIONS else document.commitments
        self.model.on_check = self._on_model_check
        noun = "motie" if kind == MOTIONS else "toezegging"
        self.table = QTableView(self)
        self.table.setObjectName(f"brief_{kind}")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ITEM_COL_NAAM, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(ITEM_COL_NUMMER, 150)
        self.table.setColumnWidth(ITEM_COL_AFDOEN, 120)
        self.table.setColumnWidth(ITEM_COL_SECTIE, 200)
        self.add_button = QPushButton(f"{noun.capitalize()} &toevoegen…", self)
        self.remove_button = QPushButton("Uit de brief &halen", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.section = QComboBox(self)
        self.section.setObjectName(f"{kind}_sectie")
        # Formatted, as on the Secties page where the same response also stands.
        self.response_field = FormattedField(self)
        self.response = self.response_field.editor
        self.response.setObjectName(f"{kind}_reactie")
        self.response.setPlaceholderText(f"De reactie op deze {noun} in de brief.")
        form = QFormLayout()
        form.addRow("In &sectie", self.section)
        form.addRow("&Reactie", self.response_field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        layout.addLayout(form, 2)
        self.response_binding = TextBinding(
            self.response, lambda: self._item_value("response"), self._write_response
        )
        self.add_button.clicked.connect(lambda: self.add_requested.emit(self.kind))
        self.remove_button.clicked.connect(self.remove_current)
        self.section.activated.connect(self._on_section_activated)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_current())
        self.model.modelReset.connect(self._show_current)
        self.model.rowsRemoved.connect(lambda *_a: self._show_current())
        document.item_changed.connect(self._on_document_item_changed)
        document.sections.dataChanged.connect(lambda *_a: self._fill_sections())
        document.sections.rowsInserted.connect(lambda *_a: self._fill_sections())
        document.sections.rowsRemoved.connect(lambda *_a: self._fill_sections())
        document.sections.rowsMoved.connect(lambda *_a: self._fill_sections())
        document.sections.modelReset.connect(self._fill_sections)
        self._read_only = False
        self._show_current()

    def current_row(self) -> int:
        """The selected row (-1: none)."""
        index = self.table.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, row: int) -> None:
        """Make a row current."""
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
        self._show_current()

    def _item_value(self, name: str) -> str:
        row = self.current_row()
        items = self.model.items()
        return str(getattr(items[row], name)) if 0 <= row < len(items) else ""

    def _write_response(self, old: str, new: str, edit: Edit) -> None:
        row = self.current_row()
        if row >= 0:
            self._push(
                commands.SetItemFieldCommand(
                    self.document, self.kind, row, "response", old, new, edit
                )
            )

    def _on_model_check(self, row: int, checked: bool) -> None:
        self._push(
            commands.SetItemFieldCommand(
                self.document, self.kind, row, "afdoen", not checked, checked
            )
        )

    def _on_section_activated(self, index: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        new = self.section.itemData(index)
        old = self.model.items()[row].section_index
        if new != old:
            self._push(
                commands.SetItemFieldCommand(
                    self.document, self.kind, row, "section_index", old, new
                )
            )

    def _fill_sections(self) -> None:
        self.section.clear()
        self.section.addItem(CLOSING_SECTION[self.kind], None)
        for number, section in enumerate(self.document.content.sections):
            self.section.addItem(f"{number + 1}. {section.titel}", number)
        self._show_section()

    def _show_section(self) -> None:
        row = self.current_row()
        value = self.model.items()[row].section_index if 0 <= row < self.model.rowCount() else None
        self.section.setCurrentIndex(max(self.section.findData(value), 0))

    def _show_current(self) -> None:
        has = self.current_row() >= 0
        self.response_field.setEnabled(has)
        self.section.setEnabled(has and not self._read_only)
        self.remove_button.setEnabled(has and not self._read_only)
        self.add_button.setEnabled(not self._read_only)
        self.response_binding.refresh()
        self._show_section()

    def _on_document_item_changed(self, kind: str, row: int) -> None:
        if kind != self.kind:
            return
        if row != self.current_row():
            self.select(row)
        self.response_binding.refresh()
        self._show_section()

    def set_read_only(self, read_only: bool) -> None:
        """A definitive letter is shown, not edited."""
        self._read_only = read_only
        self.response_field.set_read_only(read_only)
        self._show_current()

    def remove_current(self) -> None:
        """Take the selected item out of the letter (undo puts it back)."""
        row = self.current_row()
        if row >= 0:
            self._push(commands.RemoveItemCommand(self.document, self.kind, row))
            self.select(min(row, self.model.rowCount() - 1))


class AnnexPanel(QWidget):
    """Which convenanten the annex reports on (each with its latest progress)."""

    def __init__(self, document: ComposerDocument, push: Push, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._push = push
        document.convenanten.on_check = self._on_model_check
        self.list = QListView(self)
        self.list.setObjectName("bijlage_convenanten")
        self.list.setModel(document.convenanten)
        hint = QLabel(
            "Vink de convenanten aan die in Bijlage I komen. Per convenant toont de bijlage de "
            "laatste voortgang tot de datum van de brief.",
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)

    def _on_model_check(self, row: int, checked: bool) -> None:
        convenant_id = self.document.convenanten.convenant_id(row)
        self._push(commands.ToggleConvenantCommand(self.document, convenant_id, checked))


# -- choosing what goes in -----------------------------------------------------------------


def add_items(composer: ComposerHost, kind: str) -> None:
    """Choose open motions (or commitments) and add them to the letter, settling them."""
    if composer.data is None or composer.document.read_only:
        return
    model = composer.document.motions if kind == MOTIONS else composer.document.commitments
    present = {model.item_id(row) for row in range(model.rowCount())}
    if kind == MOTIONS:
        choices = [
            (
                motion_id,
                f"{capitalised(m.name)} ({m.number_label()})",
                one_line(m.onderwerp or (m.verzoeken[0] if m.verzoeken else ""), 300),
            )
            for motion_id, m in composer.data.motions.items()
            if motion_id not in present and m.is_open
        ]
        title = "Moties toevoegen"
    else:
        choices = [
            (item_id, one_line(c.tekst, 100), c.nummer or "")
            for item_id, c in composer.data.commitments.items()
            if item_id not in present and c.is_open
        ]
        title = "Toezeggingen toevoegen"
    chosen = ItemPickerDialog.ask(composer.widget, title, choices)
    if not chosen:
        return
    composer.undo_stack.beginMacro(title.lower())
    for item_id in chosen:
        item: LetterMotion | LetterCommitment = (
            LetterMotion(item_id) if kind == MOTIONS else LetterCommitment(item_id)
        )
        composer.undo_stack.push(
            commands.AddItemCommand(composer.document, kind, model.rowCount(), item)
        )
    composer.undo_stack.endMacro()
    panel = composer.motions if kind == MOTIONS else composer.commitments
    panel.select(model.rowCount() - 1)


def search_citations(
    composer: ComposerHost, text: str, done: Callable[[list[Citation]], None]
) -> None:
    """Look up citations on the database thread (for the picker)."""
    composer.tasks.run(lambda store: ops.citation_search(store, text), done, interruptible=True)


def insert_citation(composer: ComposerHost, target: RichTextEdit | None = None) -> None:
    """Insert a citation of a motion or Kamerstuk at the cursor (in a footnote when it is there).

    ``target`` is the editor that asked (a response in the Moties tab, the introduction in
    the Brief tab); without it the Secties page's editor with the cursor. The citation
    stays linked to the registry item: the letter always says what the registry says of
    it (a motion numbered later gets its number).
    """
    sections = composer.sections
    # the section text, a response, the introduction or the slot
    editor = target if target is not None else sections.active_editor()
    if composer.document.read_only or editor is None:
        return
    if (
        target is None
        and sections.note_pane.showing_note_at_cursor()
        and sections.note_text.hasFocus()
    ):
        editor = sections.note_text
    citation = CitationPickerDialog.ask(
        composer.widget, lambda text, done: search_citations(composer, text, done)
    )
    if citation is not None:
        editor.insert_citation(citation.text, citation.target)
        editor.setFocus()
