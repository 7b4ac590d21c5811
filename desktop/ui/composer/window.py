"""The letter composer window: details, sections, motions, annex and a live preview.

Opened from the Brieven view (double click, "Brief openen", "Nieuwe brief"). Every edit
is an undo command on the main window's one ``QUndoStack``; "modified" is
``not undo_stack.isClean()``. Saving runs on the database thread with a version check;
autosave writes a draft file every few seconds while there are unsaved changes, so a
crash costs nothing the user typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.errors import UserError
from desktop.core.services import export_checks, spelling
from desktop.core.services import letters as ops
from desktop.core.services.drafts import DraftFolder, from_letter
from desktop.core.services.export_checks import ExportWarning
from desktop.core.services.letters import ComposerData
from desktop.ui.common.dialogs import MessageBox
from desktop.ui.common.formatting import one_line
from desktop.ui.common.tasks import TaskManager
from desktop.ui.common.undo import undo_actions
from desktop.ui.common.widgets import banner, make_action
from desktop.ui.composer.commands import ReplaceContentCommand
from desktop.ui.composer.dialogs import (
    CloseChoice,
    RestoreDraftDialog,
    UnsavedChangesDialog,
)
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.editor import RichTextEdit
from desktop.ui.composer.fields import SpellingEditing, TextEdit
from desktop.ui.composer.find import FindReplaceDialog, WordCount
from desktop.ui.composer.formatted import FormattedField
from desktop.ui.composer.items import AnnexPanel, SettleItemsPanel, add_items, insert_citation
from desktop.ui.composer.meta import MetadataPanel
from desktop.ui.composer.models import MOTIONS
from desktop.ui.composer.preview import PreviewPane
from desktop.ui.composer.sections import SectionsPanel
from desktop.ui.composer.spelling import SpellCheck

AUTOSAVE_MS = 20_000
DEFAULT_SIZE = (1440, 900)
READ_ONLY_TEXT = (
    "Deze brief is {status}: u kunt hem bekijken en exporteren. Met ‘Terug naar concept’ "
    "kunt u hem weer bewerken; de moties en toezeggingen die hij afdeed, staan dan weer open."
)


class ComposerWindow(QMainWindow):
    """Composes one letter at a time; ``registry_changed`` asks the main window to refresh."""

    registry_changed = Signal()
    letter_saved = Signal(int)
    letter_loaded = Signal()

    def __init__(
        self,
        tasks: TaskManager,
        undo_stack: QUndoStack,
        settings: QSettings,
        library: TemplateLibrary,
        drafts: DraftFolder,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        preview_delay_ms: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("opsteller")
        self.tasks = tasks
        self.undo_stack = undo_stack
        self.settings = settings
        self.library = library
        self.drafts = drafts
        self._today = today
        self.data: ComposerData | None = None
        self._loading = False
        self.document = ComposerDocument(self)
        push = self.undo_stack.push

        self.metadata = MetadataPanel(self.document, push, self)
        self.sections = SectionsPanel(self.document, push, self)
        self.motions = SettleItemsPanel(MOTIONS, self.document, push, self)
        self.commitments = SettleItemsPanel("toezeggingen", self.document, push, self)
        self.annex = AnnexPanel(self.document, push, self)
        # Dutch spelling in every text field of the letter (names from the registry allowed).
        self.spell_check = SpellCheck.load(paths.resources_dir(), paths.data_dir(), self)
        self.spell_check.failed.connect(lambda message: self.statusBar().showMessage(message))
        for editor in self.text_editors():
            editor.enable_spelling(self.spell_check)
        self.sections.enable_spelling(self.spell_check)  # also the editors it makes later
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("opsteller_tabs")
        self.tabs.addTab(self.metadata, "&Brief")
        self.tabs.addTab(self.sections, "&Secties")
        self.tabs.addTab(self.motions, "&Moties")
        self.tabs.addTab(self.commitments, "&Toezeggingen")
        self.tabs.addTab(self.annex, "B&ijlage")
        delay = {} if preview_delay_ms is None else {"delay_ms": preview_delay_ms}
        self.preview = PreviewPane(tasks, library, self.document, self, **delay)
        self.banner = banner(self, None)
        self._banner_fixed: Callable[[], bool] | None = None
        self.read_only_label = QLabel(self)
        self.read_only_label.setObjectName("alleen_lezen")
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setStyleSheet(
            "background: #eef3fb; color: #1d3a63; border: 1px solid #c5d5ec;"
            " border-radius: 4px; padding: 8px;"
        )
        self.read_only_label.hide()
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.banner)
        left_layout.addWidget(self.read_only_label)
        left_layout.addWidget(self.tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("opsteller_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 700])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.splitter)
        self.setCentralWidget(central)

        # Imported here: the export flow needs this module's window, and this one its flow.
        from desktop.ui.composer.flows import ComposerFlows
        from desktop.ui.composer.saving import ComposerSaving

        self.flows = ComposerFlows(self)
        self.saving = ComposerSaving(self)
        left_layout.insertWidget(2, self.flows.warnings_panel)
        self.flows.warnings_panel.go_to.connect(self.go_to)
        self.find_dialog = FindReplaceDialog(
            self.document,
            self.sections,
            push,
            lambda: self.tabs.setCurrentWidget(self.sections),
            self,
        )
        self.word_count_label = QLabel(self)
        self.word_count_label.setObjectName("woorden")
        self.statusBar().addPermanentWidget(self.word_count_label)
        self.word_count = WordCount(self.document, self.text_editors(), self.word_count_label)
        self.sections.editor_added.connect(self.word_count.watch)
        self._create_actions()
        self.sections.citation_requested.connect(self.insert_citation)
        for field in self.formatted_fields():
            field.citation_requested.connect(self.insert_citation_into)
        # The preview keeps the section (and the paragraph) being edited in view.
        self.preview.follow = self._followed_section
        self.preview.follow_paragraph = self._followed_paragraph
        self.sections.active_changed.connect(self.preview.scroll_to_followed)
        self.sections.list.selectionModel().currentRowChanged.connect(
            lambda *_args: self.preview.scroll_to_followed()
        )
        self.tabs.currentChanged.connect(lambda _index: self.preview.scroll_to_followed())
        self.motions.add_requested.connect(self.add_items)
        self.commitments.add_requested.connect(self.add_items)
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self.document.state_changed.connect(self._on_document_state_changed)
        self.document.changed.connect(self._on_document_changed)
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()
        self._restore_settings()
        self._on_document_state_changed()

    def _followed_section(self) -> str | None:
        if self.tabs.currentWidget() is not self.sections:
            return None
        return self.sections.followed_heading()

    def _followed_paragraph(self) -> str | None:
        if self.tabs.currentWidget() is not self.sections:
            return None
        return self.sections.followed_paragraph()

    def text_editors(self) -> list[SpellingEditing]:
        """The letter's multi-line text fields (section text, footnote, responses...)."""
        editors: list[SpellingEditing] = [
            *self.sections.editors(),
            *self.motions.response_field.editors(),
            *self.commitments.response_field.editors(),
        ]
        for formatted in self.metadata.formatted.values():
            editors += formatted.editors()
        editors += [f for f in self.metadata.fields.values() if isinstance(f, TextEdit)]
        return editors

    # -- actions -------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        return make_action(self, text, slot, shortcut, window=self)

    def _create_actions(self) -> None:
        self.act_save = self._action("&Opslaan", self.save, QKeySequence.StandardKey.Save)
        self.act_undo, self.act_redo = undo_actions(self.undo_stack, self)
        for action in (self.act_undo, self.act_redo):
            self.addAction(action)
        self.act_export = self._action("&Exporteren…", self.flows.export, "Ctrl+Shift+E")
        self.act_finalize = self._action("&Definitief maken…", self.flows.finalize)
        self.act_reopen = self._action("&Terug naar concept", self.flows.reopen)
        self.act_close = self._action("&Sluiten", self.close, QKeySequence.StandardKey.Close)
        self.act_new_section = self._action("Nieuwe &sectie", self._new_section, "Ctrl+Shift+N")
        self.act_help = self._action(
            "&Handleiding", self.show_help, QKeySequence.StandardKey.HelpContents
        )
        self.act_find = self._action("&Zoeken en vervangen…", self.show_find, "Ctrl+H")
        self.act_find.setShortcuts(
            [QKeySequence("Ctrl+H"), QKeySequence(QKeySequence.StandardKey.Find)]
        )
        bar = self.menuBar()
        bestand = bar.addMenu("&Brief")
        for action in (self.act_save, self.act_export):
            bestand.addAction(action)
        bestand.addSeparator()
        bestand.addAction(self.act_finalize)
        bestand.addAction(self.act_reopen)
        bestand.addSeparator()
        bestand.addAction(self.act_close)
        bewerken = bar.addMenu("Be&werken")
        bewerken.addAction(self.act_undo)
        bewerken.addAction(self.act_redo)
        bewerken.addSeparator()
        bewerken.addAction(self.act_new_section)
        bewerken.addSeparator()
        bewerken.addAction(self.act_find)
        bar.addMenu("&Help").addAction(self.act_help)
        toolbar = QToolBar("Brief", self)
        toolbar.setObjectName("opsteller_werkbalk")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.act_save, self.act_undo, self.act_redo):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.act_export)
        toolbar.addWidget(self.flows.pdf_box)
        toolbar.addSeparator()
        toolbar.addAction(self.act_finalize)
        toolbar.addAction(self.act_reopen)
        self.addToolBar(toolbar)

    def go_to(self, warning: ExportWarning) -> None:
        """Show where a warning before export is ("Ga naar")."""
        where, index = warning.where, warning.index
        if where == export_checks.SECTION and index is not None:
            self.tabs.setCurrentWidget(self.sections)
            self.sections.select(index)
            self.sections.text.setFocus()
            if warning.found:
                self.sections.text.select_shown(warning.found)
        elif where in (export_checks.MOTION, export_checks.COMMITMENT) and index is not None:
            panel = self.motions if where == export_checks.MOTION else self.commitments
            self.tabs.setCurrentWidget(panel)
            panel.select(index)
            panel.response.setFocus()
        elif where in (export_checks.INTRODUCTION, export_checks.CLOSING):
            self.tabs.setCurrentWidget(self.metadata)
            field = self.metadata.fields[where]
            field.setFocus()
            if isinstance(field, RichTextEdit) and warning.found:
                field.select_shown(warning.found)

    def show_find(self) -> None:
        """Ctrl+H: Zoeken en vervangen in de hele brief (the selection as the search)."""
        editor = self.sections.active_editor() or self.sections.text
        if self.sections.note_text.hasFocus():
            editor = self.sections.note_text  # a footnote being edited: its selection
        self.find_dialog.open_with(editor.textCursor().selectedText())

    def show_help(self) -> None:
        """F1: the Dutch manual, beside the composer."""
        from desktop.ui.common.help import show_manual

        show_manual(self, paths.resources_dir())

    def _new_section(self) -> None:
        self.tabs.setCurrentWidget(self.sections)
        self.sections.add_section()

    # -- state ---------------------------------------------------------------------------------

    @property
    def widget(self) -> QMainWindow:
        """The window itself (for helpers that see it as a :class:`ComposerHost`)."""
        return self

    @property
    def modified(self) -> bool:
        """True when there are changes that are not saved."""
        return not self.undo_stack.isClean()

    @property
    def busy(self) -> bool:
        """True while the letter loads, saves or its preview is being made."""
        return self._loading or self.saving.busy or self.preview.pending or self.flows.busy

    def title(self) -> str:
        """The letter as the window title names it."""
        meta = self.document.content.meta
        return one_line(meta["betreft"] or meta["kenmerk"] or "Nieuwe brief", 70)

    def _update_title(self) -> None:
        status = "" if self.document.status == "concept" else f" ({self.document.status})"
        kenmerk = self.document.content.meta["kenmerk"]
        suffix = f" – {kenmerk}" if kenmerk else ""
        self.setWindowTitle(f"{self.title()}{suffix}{status}[*] – Brief – Voortgang")
        self.setWindowModified(self.modified)

    def _on_undo_stack_clean_changed(self, clean: bool) -> None:
        self._update_title()

    def _on_document_changed(self) -> None:
        self._update_title()
        if self._banner_fixed is not None and self._banner_fixed():
            self.show_banner(None)

    def _on_document_state_changed(self) -> None:
        document = self.document
        read_only = document.read_only
        for panel in (self.metadata, self.sections, self.motions, self.commitments):
            panel.set_read_only(read_only)
        self.read_only_label.setText(READ_ONLY_TEXT.format(status=document.status))
        self.read_only_label.setVisible(read_only)
        self.act_finalize.setEnabled(not read_only)
        self.act_reopen.setEnabled(read_only and document.letter_id is not None)
        self.act_new_section.setEnabled(not read_only)
        self._update_title()

    def show_banner(
        self, message: str | None, *, fixed_when: Callable[[], bool] | None = None
    ) -> None:
        """A message above the tabs (why the last save did not succeed); None hides it.

        With ``fixed_when`` the banner goes as soon as an edit fixes the problem.
        """
        self.banner.setText(message or "")
        self.banner.setVisible(bool(message))
        self._banner_fixed = fixed_when if message else None

    # -- loading -------------------------------------------------------------------------------

    def open_letter(self, letter_id: int | None) -> None:
        """Show a stored letter (None: a new one), after asking about unsaved changes."""
        if letter_id is not None and letter_id == self.document.letter_id and self.data:
            self._raise()
            return
        self.when_closable(partial(self._load, letter_id))

    def _raise(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    def _load(self, letter_id: int | None) -> None:
        self._loading = True
        library, today = self.library, self._today()
        self.tasks.run(
            lambda store: ops.composer_data(store, letter_id, library, today),
            self._on_data_loaded,
            self._on_load_failed,
            on_crash=lambda _error: setattr(self, "_loading", False),
        )

    def _on_load_failed(self, error: UserError) -> None:
        self._loading = False
        MessageBox.warn(self, "Brief openen", str(error))

    def _on_data_loaded(self, data: ComposerData) -> None:
        self.data = data
        letter = data.letter
        self.document.motions.set_registry(data.motions, data.commitments)
        self.document.commitments.set_registry(data.motions, data.commitments)
        self.document.convenanten.set_convenanten(data.convenanten)
        self.document.set_state(letter.id, letter.version, letter.status)
        self.document.replace(from_letter(letter))
        self.undo_stack.clear()
        self.metadata.set_templates(data.templates)
        if self.spell_check.available:
            self.tasks.run(spelling.registry_terms, self.spell_check.set_terms)
        self.show_banner(None)
        self.tabs.setCurrentWidget(self.metadata if letter.id is None else self.sections)
        self.sections.select(0)
        self._loading = False
        self._raise()
        self._offer_draft()
        self._update_title()
        self.letter_loaded.emit()

    def _offer_draft(self) -> None:
        saved = self.drafts.read(self.document.letter_id)
        if saved is None or self.document.read_only:
            return
        if saved.content == self.document.content:
            self.drafts.delete(self.document.letter_id)
            return
        if RestoreDraftDialog.ask(self, saved.saved_at):
            self.undo_stack.push(
                ReplaceContentCommand(
                    self.document, self.document.content, saved.content, "Concept herstellen"
                )
            )
        else:
            self.drafts.delete(self.document.letter_id)

    # -- saving (composer_saving) ----------------------------------------------------------------

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save the letter (new or edited); ``then`` runs after a successful save."""
        self.saving.save(then)

    # -- autosave and closing --------------------------------------------------------------------

    def autosave(self, *, force: bool = False) -> None:
        """Write the draft file when there are unsaved changes."""
        self.saving.autosave(force=force)

    def when_closable(self, then: Callable[[], None]) -> bool:
        """Run ``then`` once unsaved changes are saved or discarded; False when cancelled.

        Returns True when ``then`` ran at once.
        """
        if not self.modified or self.data is None:
            then()
            return True
        choice = UnsavedChangesDialog.ask(self, self.title())
        if choice is CloseChoice.CANCEL:
            return False
        if choice is CloseChoice.DISCARD:
            self.drafts.delete(self.document.letter_id)
            self.undo_stack.setClean()
            then()
            return True
        self.save(then=then)
        return False

    def finish_close(self) -> None:
        """Forget the letter and hide the window (after saving or discarding)."""
        self.undo_stack.clear()
        self.data = None
        self.save_settings()
        self.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.when_closable(self.finish_close):
            event.accept()
        else:
            event.ignore()

    # -- adding items and citations (composer_items) ------------------------------------------

    def add_items(self, kind: str) -> None:
        """Choose open motions (or commitments) and add them to the letter."""
        add_items(self, kind)

    def insert_citation(self) -> None:
        """Insert a house-style reference to a motion or Kamerstuk at the cursor."""
        insert_citation(self)

    def insert_citation_into(self, editor: RichTextEdit) -> None:
        """The same, in a response or the introduction outside the Secties tab."""
        insert_citation(self, editor)

    def formatted_fields(self) -> list[FormattedField]:
        """The formatted texts outside the Secties tab (responses, introduction, closing)."""
        return [
            self.motions.response_field,
            self.commitments.response_field,
            *self.metadata.formatted.values(),
        ]

    # -- window state ----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("composer/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(*DEFAULT_SIZE)
        for key, splitter in (
            ("composer/splitter", self.splitter),
            ("composer/sections", self.sections.splitter),
        ):
            state = self.settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        tab = self.settings.value("composer/pdf")
        if tab is not None:
            self.flows.pdf_box.setChecked(str(tab) == "true" and self.flows.pdf_box.isEnabled())

    def save_settings(self) -> None:
        """Remember geometry and splitters (UI state only)."""
        self.settings.setValue("composer/geometry", self.saveGeometry())
        self.settings.setValue("composer/splitter", self.splitter.saveState())
        self.settings.setValue("composer/sections", self.sections.splitter.saveState())
        self.settings.setValue("composer/pdf", self.flows.pdf_box.isChecked())

    def push(self, command: QUndoCommand) -> None:
        """Put an edit on the undo stack (it is applied at once)."""
        self.undo_stack.push(command)
