"""The ministry's letterhead (a Word template or an emblem), shared by the team in the registry.

The dialog shows a picture of page 1 of a letter exported with the letterhead: the letter
is written on the database worker, LibreOffice and pdftoppm make the picture on a thread
of their own (:meth:`TaskManager.run_in_thread`), so neither the window nor the registry
waits for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.services import letterhead as letterhead_operations
from desktop.core.services import letters as letter_operations
from desktop.ui.common.tasks import TaskManager
from desktop.ui.common.widgets import ErrorLabel

if TYPE_CHECKING:
    # jinja2 loads when a letter is drafted, not when the main window starts.
    from desktop.core.drafting.templates import TemplateLibrary

EXPLANATION = (
    "Het briefhoofd staat in het register, zodat het hele team hetzelfde gebruikt. Kies het "
    "Word-sjabloon van uw ministerie (.dotx of .docx): de stijlen, kop- en voetteksten met "
    "embleem en woordmerk, het papierformaat en de marges worden overgenomen. Of kies alleen "
    "een embleem (.png of .jpg). Zonder briefhoofd staat de naam van het ministerie als tekst "
    "bovenaan."
)
#: the preview's size on screen (A4 proportions)
PREVIEW_WIDTH = 380
PREVIEW_HEIGHT = 537


class LetterheadFileDialog:
    """Which template or emblem to use."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """Returns the chosen file, or None."""
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            "Briefhoofd kiezen",
            str(Path.home()),
            "Word-sjablonen en emblemen (*.dotx *.docx *.png *.jpg *.jpeg)",
        )
        return Path(name) if name else None


class LetterheadDialog(QDialog):
    """Shows which letterhead the exports use; set or remove it."""

    def __init__(
        self,
        parent: QWidget | None,
        tasks: TaskManager,
        library: TemplateLibrary,
        *,
        letter_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("briefhoofd")
        self.setWindowTitle("Briefhoofd van het ministerie")
        self.tasks = tasks
        self.library = library
        self.letter_id = letter_id  # the letter to show; None: the newest in the registry
        self._generation = 0  # a newer preview request makes older results stale
        self.picture: QPixmap | None = None
        intro = QLabel(EXPLANATION, self)
        intro.setWordWrap(True)
        self.current = QLabel(self)
        self.current.setObjectName("briefhoofd_huidig")
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = ErrorLabel(self)
        self.preview = QLabel(self)
        self.preview.setObjectName("briefhoofd_voorbeeld")
        self.preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setStyleSheet("background: #ffffff; color: #555555;")
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName("Voorbeeld van pagina 1")
        self.preview_status = QLabel(self)
        self.preview_status.setObjectName("briefhoofd_voorbeeld_melding")
        self.preview_status.setWordWrap(True)
        self.preview_status.setMaximumWidth(PREVIEW_WIDTH)
        self.choose_button = QPushButton("Sjabloon of embleem &kiezen…", self)
        self.clear_button = QPushButton("Briefhoofd &verwijderen", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        text_column = QVBoxLayout()
        text_column.addWidget(intro)
        text_column.addWidget(self.current)
        text_column.addWidget(self.message)
        text_column.addStretch(1)
        preview_column = QVBoxLayout()
        preview_column.addWidget(self.preview)
        preview_column.addWidget(self.preview_status)
        preview_column.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(text_column, 1)
        columns.addLayout(preview_column)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(buttons)
        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(self.clear)
        self.resize(880, 640)

    def reload(self) -> None:
        """Show the letterhead set now (read on the worker) and a preview of page 1."""
        self.tasks.run(letter_operations.letterhead_description, self._show, self._failed)
        self.refresh_preview()

    def choose(self) -> None:
        """Ask for a template or emblem and store it (checked first; nothing half-stored)."""
        path = LetterheadFileDialog.ask(self)
        if path is None:
            return
        self.message.show_message("")
        self.tasks.run(
            lambda store: letter_operations.set_letterhead(store, path),
            self._on_letterhead_set,
            self._failed,
        )

    def clear(self) -> None:
        """Remove the letterhead: the ministry's name as text from now on."""
        self.message.show_message("")
        self.tasks.run(
            letter_operations.clear_letterhead,
            lambda removed: self.reload(),
            self._failed,
        )

    # -- the preview of page 1 --------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Make a new picture of page 1 with the letterhead set now (older ones are dropped)."""
        self._generation += 1
        generation = self._generation
        library, letter_id = self.library, self.letter_id
        self.preview_status.setText("Voorbeeld van pagina 1 wordt gemaakt met LibreOffice…")
        self.tasks.run(
            lambda store: letterhead_operations.preview_draft(store, library, letter_id),
            lambda draft: self._on_draft_written(generation, draft),
            lambda error: self._on_preview_failed(generation, error),
        )

    def _on_draft_written(self, generation: int, draft: letterhead_operations.PreviewDraft) -> None:
        if generation != self._generation:
            return
        self.tasks.run_in_thread(
            lambda: letterhead_operations.render_preview(draft),
            lambda png: self._on_preview_rendered(generation, draft, png),
            lambda error: self._on_preview_failed(generation, error),
        )

    def _on_preview_rendered(
        self, generation: int, draft: letterhead_operations.PreviewDraft, png: bytes
    ) -> None:
        if generation != self._generation:
            return
        picture = QPixmap()
        if not picture.loadFromData(png, "PNG"):
            self._show_no_preview("Het voorbeeld van pagina 1 kon niet worden getoond.")
            return
        self.picture = picture
        self.preview.setPixmap(
            picture.scaled(
                self.preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.preview_status.setText(
            f"Pagina 1 van {draft.letter}, met dit briefhoofd (zoals LibreOffice hem toont; "
            "lettertypen kunnen afwijken van Word)."
        )

    def _on_preview_failed(self, generation: int, error: UserError) -> None:
        if generation == self._generation:
            self._show_no_preview(str(error))

    def _show_no_preview(self, message: str) -> None:
        self.picture = None
        self.preview.clear()
        self.preview.setText("Geen voorbeeld")
        self.preview_status.setText(message)

    def _on_letterhead_set(self, described: str) -> None:
        self._show(f"Ingesteld: {described}.")
        self.refresh_preview()

    def _show(self, text: str) -> None:
        self.current.setText(text)

    def _failed(self, error: UserError) -> None:
        self.message.show_message(str(error))
