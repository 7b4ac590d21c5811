"""The composer's "Secties" tab: the whole letter as pages, edited where the letter shows it.

The list names the pages: the introduction, each section and the closing. A section's
page shows, as the letter prints them, its title, the paragraph of each motion and
commitment placed in it (the opening the letter gives it, from the registry, and the
response as a formatted editor) and then the section's own text; the closing page holds
what the letter puts after the sections. Every editor writes through the same undo
commands as the Brief and Moties tabs, so the texts are one and the same. The toolbar acts
on the editor with the cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import (
    QAbstractItemModel,
    QConcatenateTablesProxyModel,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.dutch import join_list
from desktop.core.domain.models import LetterSection
from desktop.core.drafting.richtext import NOTE_CHAR, parse_blocks, visible_text
from desktop.core.drafting.templates import commitment_lead, motion_lead
from desktop.ui.composer import commands
from desktop.ui.composer import editor as rich_editor
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.editor import BULLETS, NUMBERS, NotePane, RichTextEdit
from desktop.ui.composer.fields import HINT_STYLE, Edit, LineEdit, Push, TextBinding, Writer
from desktop.ui.composer.models import COMMITMENTS, MOTIONS
from desktop.ui.composer.page import HEADING_STYLE, PageEditor, TextBlock
from desktop.ui.composer.parts import (
    CLOSING,
    CLOSING_PART,
    INTRO,
    INTRO_PART,
    SECTION,
    Page,
    Part,
    notes_before,
    page_of,
    page_parts,
    part_text,
)
from desktop.ui.composer.spelling import SpellCheck

# A white sheet on a grey desk, as Word shows a page.
DESK_STYLE = "#secties_bureau { background: #e9ebee; }"
PAGE_STYLE = "#secties_pagina { background: white; border: 1px solid #d3d7dc; }"
PAGE_MARGIN = 28
TITLE_STYLE = (
    "QLineEdit { background: white; border: none; border-bottom: 1px solid #dadce0;"
    " padding: 2px 0 4px 6px; font-weight: bold; font-size: 12pt; }"
    "QLineEdit:focus { border-bottom: 1px solid #7a9cc9; }"
)
LEAD_TIP = (
    "Zo begint deze alinea in de brief (uit het register); de reactie hieronder volgt er "
    "direct op. Dezelfde reactie staat in het tabblad {tab}."
)


class SectionsPanel(QWidget):
    """The letter as pages: add, remove and reorder sections; every text formatted, in place."""

    citation_requested = Signal()
    # A new editor on the page (for spelling and the word count of a selection).
    editor_added = Signal(QObject)
    # The editor with the cursor changed (the preview follows it).
    active_changed = Signal()

    def __init__(self, document: ComposerDocument, push: Push, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.push = push
        self._read_only = False
        self._spell_check: SpellCheck | None = None
        self._page: Page | None = None
        self._pool: list[TextBlock] = []
        self._item_blocks: list[TextBlock] = []

        # -- the list of pages: Inleiding, the sections, the closing ----------------------
        self._intro_row = QStandardItemModel(self)
        self._closing_row = QStandardItemModel(self)
        fixed_font = QFont(self.font())
        fixed_font.setItalic(True)
        for model, text in ((self._intro_row, "Inleiding"), (self._closing_row, "Slot")):
            item = QStandardItem(text)
            item.setEditable(False)
            item.setFont(fixed_font)
            model.appendRow(item)
        self.outline = QConcatenateTablesProxyModel(self)
        sources: tuple[QAbstractItemModel, ...] = (
            self._intro_row,
            document.sections,
            self._closing_row,
        )
        for source in sources:
            self.outline.addSourceModel(source)
        self.list = QListView(self)
        self.list.setObjectName("secties")
        self.list.setModel(self.outline)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = QPushButton("&Toevoegen", self)
        self.remove_button = QPushButton("Ver&wijderen", self)
        self.up_button = QPushButton("Om&hoog", self)
        self.down_button = QPushButton("Om&laag", self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(buttons)

        # -- the page ------------------------------------------------------------------
        self.page_area = QScrollArea(self)
        self.page_area.setObjectName("secties_blad")
        self.page_area.setWidgetResizable(True)
        self.page_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.desk = desk = QWidget(self.page_area)
        desk.setObjectName("secties_bureau")
        desk.setStyleSheet(DESK_STYLE)
        desk_layout = QVBoxLayout(desk)
        desk_layout.setContentsMargins(14, 14, 14, 14)
        self.page = QWidget(desk)
        desk_layout.addWidget(self.page)
        self.page.setObjectName("secties_pagina")
        self.page.setStyleSheet(PAGE_STYLE)
        self.page_area.setWidget(desk)
        page_layout = QVBoxLayout(self.page)
        page_layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN - 8, PAGE_MARGIN, PAGE_MARGIN)
        page_layout.setSpacing(10)
        self.title = LineEdit(self.page)
        self.title.setObjectName("sectie_titel")
        self.title.setPlaceholderText("Titel van de sectie")
        self.title.setStyleSheet(TITLE_STYLE)
        self.page_title = QLabel("", self.page)
        self.page_title.setObjectName("pagina_titel")
        self.page_title.setStyleSheet(HEADING_STYLE + " font-size: 12pt; padding: 2px 0 4px 6px;")
        self.page_hint = QLabel("", self.page)
        self.page_hint.setWordWrap(True)
        self.page_hint.setStyleSheet(HINT_STYLE + " padding-left: 6px;")
        self.intro_block = TextBlock(
            document,
            push,
            "De inleiding: de eerste alinea's van de brief, vóór de secties",
            self.page,
        )
        self.intro_block.editor.setObjectName("brief_inleiding_tekst")
        self._items_layout = QVBoxLayout()
        self._items_layout.setSpacing(10)
        self.text_block = TextBlock(document, push, "Tekst van de sectie", self.page)
        self.text_block.editor.setObjectName("sectie_tekst")
        self.closing_block = TextBlock(
            document, push, "Het slot: de laatste alinea's van de brief, na de secties", self.page
        )
        self.closing_block.editor.setObjectName("brief_slot_tekst")
        self.closing_block.heading.setText("Slot")
        self.closing_block.heading.setStyleSheet(HINT_STYLE + " padding-left: 6px;")
        for widget in (self.title, self.page_title, self.page_hint, self.intro_block):
            page_layout.addWidget(widget)
        page_layout.addLayout(self._items_layout)
        page_layout.addWidget(self.text_block)
        page_layout.addWidget(self.closing_block)
        page_layout.addStretch(1)
        # The section text keeps its old names (the window and its helpers use them).
        self.text = self.text_block.editor
        # Below the page, as Word's footnote pane: the footnote at the cursor, in any text.
        self.note_pane = NotePane(self.text, self)
        self.note_text = self.note_pane.text
        self.text_binding = self.text_block.binding
        self._fixed_blocks = [self.intro_block, self.text_block, self.closing_block]
        self._active: PageEditor = self.text
        for block in self._fixed_blocks:
            self._watch(block)

        # -- the toolbar: Ctrl+B and Ctrl+I belong to the editor with the cursor -----------
        self.toolbar = QHBoxLayout()
        self.bold_button = self._tool("V", "Vet (Ctrl+B)", self._bold, None, checkable=True)
        self.italic_button = self._tool("C", "Cursief (Ctrl+I)", self._italic, None, checkable=True)
        self.bullets_button = self._tool(
            "• Opsomming", "Opsomming", lambda: self._list(BULLETS), None, checkable=True
        )
        self.numbers_button = self._tool(
            "1. Nummering", "Genummerde lijst", lambda: self._list(NUMBERS), None, checkable=True
        )
        self.heading_button = self._tool("Kop", "Tussenkop", self._heading, None, checkable=True)
        self.link_button = self._tool(
            "Link…", "Link naar een webadres (Ctrl+K)", self._link, "Ctrl+K", checkable=True
        )
        self.note_button = self._tool(
            "Voetnoot", "Voetnoot invoegen (Ctrl+Shift+F)", self._note, "Ctrl+Shift+F"
        )
        self.cite_button = self._tool(
            "Verwijzing invoegen…",
            "Een motie of Kamerstuk uit het register, in briefstijl (Ctrl+Shift+K)",
            self.citation_requested.emit,
            "Ctrl+Shift+K",
        )
        bold_font = self.bold_button.font()
        bold_font.setBold(True)
        self.bold_button.setFont(bold_font)
        italic_font = self.italic_button.font()
        italic_font.setItalic(True)
        self.italic_button.setFont(italic_font)
        self.toolbar.addStretch(1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(self.toolbar)
        right_layout.addWidget(self.page_area, 1)
        right_layout.addWidget(self.note_pane)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("secties_splitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 460])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.title_binding = TextBinding(
            self.title, lambda: self._section_value("titel"), self._title_writer()
        )
        self.add_button.clicked.connect(self.add_section)
        self.remove_button.clicked.connect(self.remove_section)
        self.up_button.clicked.connect(lambda: self.move_section(-1))
        self.down_button.clicked.connect(lambda: self.move_section(1))
        self.list.selectionModel().currentRowChanged.connect(lambda *_args: self._show_current())
        document.section_changed.connect(self._on_document_section_changed)
        document.meta_changed.connect(self._on_document_meta_changed)
        document.item_changed.connect(self._on_document_item_changed)
        # Typing changes one text: the numbers after it follow once the key is painted (a
        # footnote count parses the whole text; ~4 ms a key in the demo's longest section).
        self._renumber_timer = QTimer(self)
        self._renumber_timer.setSingleShot(True)
        self._renumber_timer.setInterval(0)
        self._renumber_timer.timeout.connect(self._renumber)
        document.changed.connect(self._renumber_timer.start)
        document.sections.rowsInserted.connect(lambda *_args: self._show_current())
        document.sections.rowsRemoved.connect(lambda *_args: self._show_current())
        document.sections.rowsMoved.connect(lambda *_args: self._show_current())
        document.sections.modelReset.connect(self._on_sections_model_reset)
        for items in (document.motions, document.commitments):
            items.rowsInserted.connect(lambda *_args: self._show_current())
            items.rowsRemoved.connect(lambda *_args: self._show_current())
            items.modelReset.connect(self._show_current)
            # Sections added, moved or removed move their motions only afterwards.
            items.dataChanged.connect(lambda *_args: self._sync_items())
        self._show_current()

    def _tool(
        self,
        text: str,
        tip: str,
        slot: Callable[[], None],
        shortcut: str | None,
        *,
        checkable: bool = False,
    ) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        if shortcut:
            button.setShortcut(shortcut)
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRaise(False)
        button.clicked.connect(lambda _checked=False: slot())
        self.toolbar.addWidget(button)
        return button

    # -- editors ----------------------------------------------------------------------------

    def _watch(self, block: TextBlock) -> None:
        editor = block.editor
        editor.wheel_target = self.page_area.verticalScrollBar()
        editor.activated.connect(lambda: self._activate(editor))
        editor.left.connect(lambda step: self._leave(editor, step))
        editor.cursor_shown.connect(lambda: self._scroll_to_cursor(editor))
        editor.cursorPositionChanged.connect(lambda: self._on_cursor_moved(editor))
        editor.format_changed.connect(lambda: self._on_format_changed(editor))
        for widget in block.editors():
            widget.setReadOnly(self._read_only)
            if self._spell_check is not None:
                widget.enable_spelling(self._spell_check)

    def editors(self) -> list[RichTextEdit]:
        """Every editor of the tab made so far (texts and the footnote)."""
        blocks = [*self._fixed_blocks, *self._pool]
        return [*(editor for block in blocks for editor in block.editors()), self.note_text]

    def enable_spelling(self, check: SpellCheck) -> None:
        """Check the spelling in every editor of the tab, also those made later."""
        self._spell_check = check
        for editor in self.editors():
            editor.enable_spelling(check)

    def _new_item_block(self) -> TextBlock:
        block = TextBlock(self.document, self.push, "", self.page)
        block.editor.setObjectName("alinea_reactie")
        self._pool.append(block)
        self._watch(block)
        for editor in block.editors():
            self.editor_added.emit(editor)
        return block

    def _blocks(self) -> list[TextBlock]:
        """The blocks on the page now, top to bottom."""
        page = self._page
        if page is None:
            return []
        if page == INTRO:
            return [self.intro_block]
        last = self.closing_block if page == CLOSING else self.text_block
        return [*self._item_blocks, last]

    def block_for(self, part: Part) -> TextBlock | None:
        """The block that shows ``part`` on this page (None: not on it)."""
        return next((block for block in self._blocks() if block.part == part), None)

    def editor_for(self, part: Part) -> RichTextEdit | None:
        """The editor of ``part`` on this page (None: not on it)."""
        block = self.block_for(part)
        return block.editor if block is not None else None

    def active_editor(self) -> RichTextEdit | None:
        """The editor with the cursor (None: no page shown)."""
        return self._active if self._page is not None else None

    def active_part(self) -> Part | None:
        """The text with the cursor."""
        block = next((b for b in self._blocks() if b.editor is self._active), None)
        return block.part if block is not None else None

    def show_part(self, part: Part) -> RichTextEdit | None:
        """Show the page with ``part`` and make its editor the one with the cursor."""
        page = page_of(self.document.content, part)
        if page != self._page:
            self.select_page(page)
        block = self.block_for(part)
        if block is None:
            return None
        self._activate(block.editor)
        return block.editor

    def _activate(self, editor: PageEditor) -> None:
        if editor is self._active:
            return
        self._active = editor
        self.note_pane.attach(editor)
        self._show_format()
        self.active_changed.emit()

    def _leave(self, editor: PageEditor, step: int) -> None:
        """The cursor goes on to the text above or below on the page (or the title)."""
        editors = [block.editor for block in self._blocks()]
        index = editors.index(editor) + step if editor in editors else -1
        if 0 <= index < len(editors):
            target = editors[index]
            target.setFocus()
            target.moveCursor(
                QTextCursor.MoveOperation.Start if step > 0 else QTextCursor.MoveOperation.End
            )
            self._activate(target)
        elif index < 0 and self.title.isVisible():
            self.title.setFocus()

    def _on_format_changed(self, editor: PageEditor) -> None:
        if editor is self._active:
            self._show_format()

    def _on_cursor_moved(self, editor: PageEditor) -> None:
        if editor.hasFocus():
            self._scroll_to_cursor(editor)

    def _scroll_to_cursor(self, editor: RichTextEdit) -> None:
        rect = editor.cursorRect()
        point = editor.viewport().mapTo(self.desk, rect.center())
        self.page_area.ensureVisible(point.x(), point.y(), 16, rect.height() + 16)

    # -- the current page -------------------------------------------------------------------

    def _list_row(self) -> int:
        index = self.list.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def current_page(self) -> Page | None:
        """The page shown: a section's row, INTRO or CLOSING (None: nothing selected)."""
        row, count = self._list_row(), self.document.sections.rowCount()
        if row < 0:
            return None
        if row == 0:
            return INTRO
        return row - 1 if row <= count else CLOSING

    def current_row(self) -> int:
        """The selected section (-1: none, or the introduction or closing)."""
        page = self.current_page()
        return page if isinstance(page, int) else -1

    def select_page(self, page: Page) -> None:
        """Show a page."""
        count = self.document.sections.rowCount()
        row = 0 if page == INTRO else count + 1 if page == CLOSING else int(page) + 1
        if 0 <= row < self.outline.rowCount():
            self.list.selectionModel().setCurrentIndex(
                self.outline.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._show_current()

    def select(self, row: int) -> None:
        """Make a section current."""
        if 0 <= row < self.document.sections.rowCount():
            self.select_page(row)
        else:
            self._show_current()

    def _section_value(self, name: str) -> str:
        row = self.current_row()
        sections = self.document.content.sections
        return str(getattr(sections[row], name)) if 0 <= row < len(sections) else ""

    def _title_writer(self) -> Writer:
        def write(old: str, new: str, edit: Edit) -> None:
            row = self.current_row()
            if row >= 0:
                self.push(
                    commands.SetSectionFieldCommand(self.document, row, "titel", old, new, edit)
                )

        return write

    def _show_current(self) -> None:
        """Lay out the current page as the letter shows it, with what is stored now."""
        page = self.current_page()
        content = self.document.content
        moved = page != self._page
        self._page = page
        parts = page_parts(content, page) if page is not None else []
        is_section = isinstance(page, int)
        self.title.setVisible(is_section)
        self.title.setEnabled(is_section)
        self.title_binding.refresh()
        self.page_title.setVisible(page in (INTRO, CLOSING))
        self.page_title.setText("Inleiding" if page == INTRO else self._closing_label())
        self._show_items([part for part in parts if part.is_item])
        self.intro_block.setVisible(page == INTRO)
        self.text_block.setVisible(is_section)
        self.closing_block.setVisible(page == CLOSING)
        self.closing_block.heading.setVisible(len(parts) > 1)
        self.intro_block.show_part(INTRO_PART if page == INTRO else None)
        self.text_block.show_part(Part(SECTION, page) if isinstance(page, int) else None)
        self.closing_block.show_part(CLOSING_PART if page == CLOSING else None)
        self._renumber()
        blocks = self._blocks()
        if moved or self._active not in [block.editor for block in blocks]:
            # Another page: start reading at its top, in its own text.
            self.page_area.verticalScrollBar().setValue(0)
            main = blocks[-1].editor if blocks else self.text
            self._active = main
            self.note_pane.attach(main)
            self._show_format()
            self.active_changed.emit()
        self._update_closing_label()
        self._update_hint()
        self._update_buttons()

    def _update_hint(self) -> None:
        page, content = self._page, self.document.content
        hint = ""
        if page == INTRO:
            hint = (
                "De brief begint met deze alinea's, vóór de eerste sectie. Doet hij moties af, "
                "dan noemt hij die direct erna."
            )
        elif page == CLOSING:
            hint = (
                "Wat de brief na de laatste sectie zegt: moties en toezeggingen die in geen "
                "sectie staan, en het slot."
            )
        elif isinstance(page, int) and 0 <= page < len(content.sections):
            section = content.sections[page]
            if not section.tekst.strip() and section.eu_file_id is None and not self._item_blocks:
                hint = (
                    "Deze sectie is leeg: zonder tekst, motie of toezegging laat de brief haar "
                    "weg, ook haar kop."
                )
        self.page_hint.setText(hint)
        self.page_hint.setVisible(bool(hint))

    def _show_items(self, items: list[Part]) -> None:
        while len(self._pool) < len(items):
            self._new_item_block()
        for index, block in enumerate(self._pool):
            if index >= len(items):
                block.hide()
                block.show_part(None)
                continue
            part = items[index]
            if self._items_layout.indexOf(block) != index:
                self._items_layout.insertWidget(index, block)
            first_of_kind = index == 0 or items[index - 1].kind != part.kind
            block.heading.setText("Moties" if part.kind == MOTIONS else "Toezeggingen")
            block.heading.setVisible(self._page == CLOSING and first_of_kind)
            block.lead.setText(self._lead_html(part))
            block.lead.setToolTip(
                LEAD_TIP.format(tab="Moties" if part.kind == MOTIONS else "Toezeggingen")
            )
            block.lead.show()
            noun = "motie" if part.kind == MOTIONS else "toezegging"
            block.editor.setPlaceholderText(f"De reactie op deze {noun}")
            block.show_part(part)
            block.show()
        self._item_blocks = self._pool[: len(items)]

    def _lead(self, part: Part) -> tuple[str, str]:
        """How the letter opens an item's paragraph: (its name, the rest)."""
        content = self.document.content
        row = int(part.key)
        if part.kind == MOTIONS:
            motion_id = content.motions[row].motion_id
            motion = self.document.motions.motions.get(motion_id)
            name, rest = motion_lead(motion) if motion is not None else (f"Motie {motion_id}", "")
        else:
            commitment_id = content.commitments[row].commitment_id
            commitment = self.document.commitments.commitments.get(commitment_id)
            name, rest = (
                commitment_lead(commitment)
                if commitment is not None
                else (f"Toezegging {commitment_id}", "")
            )
        return name, rest

    def _lead_html(self, part: Part) -> str:
        name, rest = self._lead(part)
        return f"<b>{escape(name)}</b> {escape(rest)}"

    def _closing_label(self) -> str:
        parts = page_parts(self.document.content, CLOSING)
        kinds = {part.kind for part in parts}
        words = [
            word
            for kind, word in ((MOTIONS, "moties"), (COMMITMENTS, "toezeggingen"))
            if kind in kinds
        ]
        if not words:
            return "Slot"
        words[0] = words[0].capitalize()
        return join_list([*words, "slot"])

    def _update_closing_label(self) -> None:
        item = self._closing_row.item(0)
        label = self._closing_label()
        if item is not None and item.text() != label:
            item.setText(label)
        if self._page == CLOSING:
            self.page_title.setText(label)

    def _renumber(self) -> None:
        """Footnote markers count on from the notes before each text (as in Word)."""
        self._renumber_timer.stop()
        before = notes_before(self.document.content)
        for block in self._blocks():
            offset = before.get(block.part, 0) if block.part is not None else 0
            markers = block.editor.notes
            if offset != markers.offset:
                markers.offset = offset
                block.editor.viewport().update()
        self.note_pane.follow()

    def _on_sections_model_reset(self) -> None:
        if self.document.sections.rowCount():
            self.select(0)
        else:
            self.select_page(INTRO)

    def _on_document_section_changed(self, row: int) -> None:
        if row != self.current_row():
            self.select(row)  # an undo elsewhere: show what changed
        self.title_binding.refresh()
        self.text_block.binding.refresh()
        self._update_hint()

    def _on_document_meta_changed(self, key: str) -> None:
        block = {"inleiding": self.intro_block, "slot": self.closing_block}.get(key)
        if block is None:
            return
        page = INTRO if key == "inleiding" else CLOSING
        if self.isVisible() and self._page != page:
            self.select_page(page)  # an undo while this tab is shown: show what changed
        block.binding.refresh()

    def _on_document_item_changed(self, kind: str, row: int) -> None:
        page = page_of(self.document.content, Part(kind, row))
        if self.isVisible() and page != self._page and self._page is not None:
            self.select_page(page)  # an undo while this tab is shown: show what changed
        elif not self._sync_items():
            block = self.block_for(Part(kind, row))
            if block is not None:
                block.binding.refresh()

    def _sync_items(self) -> bool:
        """Lay the page out again when motions moved to or from it; True when it did."""
        self._update_closing_label()
        page = self.current_page()
        shown = [block.part for block in self._item_blocks]
        wanted = page_parts(self.document.content, page) if page is not None else []
        if page == self._page and shown == [part for part in wanted if part.is_item]:
            return False
        self._show_current()
        return True

    def _update_buttons(self) -> None:
        row, count = self.current_row(), self.document.sections.rowCount()
        editable = not self._read_only
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < count - 1)
        for button in [*self.format_buttons(), self.note_button, self.cite_button]:
            button.setEnabled(editable and self._page is not None)

    def set_read_only(self, read_only: bool) -> None:
        """A definitive letter is shown, not edited."""
        self._read_only = read_only
        self.title.setReadOnly(read_only)
        for editor in self.editors():
            editor.setReadOnly(read_only)
        self._update_buttons()

    # -- the preview follows the editor with the cursor -------------------------------------

    def followed_heading(self) -> str | None:
        """The heading of the page being edited, as the preview shows it."""
        page = self._page
        if isinstance(page, int):
            sections = self.document.content.sections
            return sections[page].titel if 0 <= page < len(sections) else None
        part = self.active_part()
        if page == CLOSING and part is not None and part.is_item:
            return "Moties" if part.kind == MOTIONS else "Toezeggingen"
        return None

    def followed_paragraph(self) -> str | None:
        """How the paragraph being edited begins (None: the page's heading will do)."""
        part = self.active_part()
        if part is None or part.kind == SECTION:
            return None
        if part.is_item:
            return _plain_start(self._lead(part)[0])
        text = visible_text(parse_blocks(part_text(self.document.content, part)))
        return _plain_start(text.split(NOTE_CHAR, 1)[0][:60])

    # -- structure --------------------------------------------------------------------------

    def add_section(self, title: str = "Nieuwe sectie") -> None:
        """Add a section after the current one and select its title."""
        page = self.current_page()
        count = self.document.sections.rowCount()
        row = 0 if page == INTRO else page + 1 if isinstance(page, int) else count
        self.push(commands.AddSectionCommand(self.document, row, LetterSection(titel=title)))
        self.select(row)
        self.title.setFocus()
        self.title.selectAll()

    def remove_section(self) -> None:
        """Remove the current section (undo brings it back)."""
        row = self.current_row()
        if row >= 0:
            self.push(commands.RemoveSectionCommand(self.document, row))
            if self.document.sections.rowCount():
                self.select(min(row, self.document.sections.rowCount() - 1))
            else:
                self.select_page(INTRO)

    def move_section(self, step: int) -> None:
        """Move the current section up (-1) or down (+1)."""
        row = self.current_row()
        target = row + step
        if row >= 0 and 0 <= target < self.document.sections.rowCount():
            self.push(commands.MoveSectionCommand(self.document, row, target))
            self.select(target)

    # -- formatting toolbar -----------------------------------------------------------------

    def format_buttons(self) -> list[QToolButton]:
        """The buttons that show the format at the cursor."""
        return [
            self.bold_button,
            self.italic_button,
            self.bullets_button,
            self.numbers_button,
            self.heading_button,
            self.link_button,
        ]

    def _show_format(self) -> None:
        editor = self._active
        states = (
            editor.is_bold(),
            editor.currentCharFormat().fontItalic(),
            editor.list_kind() == BULLETS,
            editor.list_kind() == NUMBERS,
            editor.heading_level() > 0,
            bool(editor.link()),
        )
        for button, state in zip(self.format_buttons(), states, strict=True):
            button.setChecked(state)

    def _editable(self) -> bool:
        return self._page is not None and not self._read_only

    def _bold(self) -> None:
        if self._editable():
            self._active.toggle_bold()
        self._show_format()

    def _italic(self) -> None:
        if self._editable():
            self._active.toggle_italic()
        self._show_format()

    def _list(self, kind: str) -> None:
        if self._editable():
            self._active.toggle_list(kind)
        self._show_format()

    def _heading(self) -> None:
        if self._editable():
            self._active.toggle_heading()
        self._show_format()

    def _link(self) -> None:
        if self._editable():
            url = rich_editor.ask_link(self, self._active.link())
            if url is not None:
                self._active.set_link(url)
        self._show_format()

    def _note(self) -> None:
        if not self._editable():
            return
        position = self._active.insert_note()
        self.note_pane.edit(position)


def _plain_start(text: str) -> str | None:
    """The first words of a text with its spaces as the preview's (None: nothing)."""
    words = " ".join(text.replace("\u00a0", " ").split())
    return words or None
