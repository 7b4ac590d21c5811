"""The help window (F1): a short Dutch manual of the main tasks, from ``resources/help``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from desktop.ui.common.widgets import dutch_buttons

MANUAL = Path("help") / "handleiding.md"
MISSING = (
    "# Handleiding\n\nDe handleiding is niet gevonden in deze installatie ({path}). "
    "Zie README.md bij het programma."
)


def manual_text(resources: Path) -> str:
    """The manual as Markdown (a short note when the file is missing or unreadable)."""
    path = resources / MANUAL
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return MISSING.format(path=path)


class HelpWindow(QDialog):
    """The manual in a browser window; not modal, so the user can work beside it; Esc closes."""

    def __init__(self, resources: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("handleiding")
        self.setWindowTitle("Handleiding – Voortgang")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("handleiding_tekst")
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(manual_text(resources))
        buttons = dutch_buttons(self, ok="Sluiten")
        buttons.removeButton(buttons.button(buttons.StandardButton.Cancel))
        buttons.accepted.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 820)

    def show_manual(self) -> None:
        """Show the window (again) at the top of the manual and bring it forward."""
        self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        self.show()
        self.raise_()
        self.activateWindow()


def show_manual(owner: QWidget, resources: Path) -> HelpWindow:
    """Open the manual beside ``owner`` (one help window per owner, reused)."""
    window = owner.findChild(HelpWindow, "handleiding")
    if not isinstance(window, HelpWindow):
        window = HelpWindow(resources, owner)
    window.show_manual()
    return window
