"""What the composer's helpers (export and status flows, saving, item panels) may use of it.

The helpers get this narrow view of the composer window instead of the window class, so
the window can build them without an import cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow, QStatusBar, QTabWidget

    from desktop.core.drafting.templates import TemplateLibrary
    from desktop.core.services.drafts import DraftFolder
    from desktop.core.services.letters import ComposerData
    from desktop.ui.common.tasks import TaskManager
    from desktop.ui.composer.document import ComposerDocument
    from desktop.ui.composer.meta import MetadataPanel
    from desktop.ui.composer.sections import SectionsPanel


class ItemList(Protocol):
    """The list of motions or commitments to settle, as far as the helpers need it."""

    def select(self, row: int) -> None:
        """Make ``row`` the current row."""
        ...


class ComposerHost(Protocol):
    """The composer window as its helpers see it."""

    data: ComposerData | None
    document: ComposerDocument
    library: TemplateLibrary
    tasks: TaskManager
    undo_stack: QUndoStack
    drafts: DraftFolder
    metadata: MetadataPanel
    sections: SectionsPanel
    tabs: QTabWidget
    registry_changed: SignalInstance
    letter_saved: SignalInstance

    @property
    def motions(self) -> ItemList:
        """The motions to settle."""
        ...

    @property
    def commitments(self) -> ItemList:
        """The commitments to fulfil."""
        ...

    @property
    def widget(self) -> QMainWindow:
        """The window itself, as the parent of dialogs and helper objects."""
        ...

    @property
    def modified(self) -> bool:
        """True when the letter has unsaved changes."""
        ...

    def title(self) -> str:
        """The letter's title as the window shows it."""
        ...

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save the letter, then call ``then``."""
        ...

    def show_banner(
        self, message: str | None, *, fixed_when: Callable[[], bool] | None = None
    ) -> None:
        """Show (or with None: hide) the red banner above the tabs (until ``fixed_when``)."""
        ...

    def statusBar(self) -> QStatusBar:
        """The window's status bar."""
        ...
