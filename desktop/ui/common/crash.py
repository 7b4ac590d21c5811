"""The crash dialog: bugs reach it through ``sys.excepthook``; the user's work stays put."""

from __future__ import annotations

import platform
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core.errors import UserError
from desktop.ui.common.dialogs import MessageBox

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]

CRASH_TEXT = (
    "Er ging iets mis in Voortgang. Dit is een fout in het programma, niet in uw werk.\n\n"
    "Alles wat u had opgeslagen staat veilig in het register. Wat u aan het typen was, "
    "staat nog in het venster: sla het opnieuw op of kopieer het.\n\n"
    "Wilt u helpen de fout te verhelpen? Kopieer de technische gegevens hieronder en "
    "stuur ze naar de functioneel beheerder."
)


def crash_report(
    exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
) -> str:
    """The technical details: versions and the traceback."""
    lines = traceback.format_exception(exc_type, error, tb)
    head = (
        f"Voortgang {__version__} · Python {platform.python_version()} · "
        f"PySide6 {pyside_version} · {platform.platform()}\n\n"
    )
    return head + "".join(lines)


class CrashDialog(QDialog):
    """Shows that something unexpected happened, with details to copy."""

    def __init__(self, parent: QWidget | None, report: str) -> None:
        super().__init__(parent)
        self.setObjectName("crash")
        self.setWindowTitle("Onverwachte fout – Voortgang")
        message = QLabel(CRASH_TEXT, self)
        message.setWordWrap(True)
        self.details = QPlainTextEdit(report, self)
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(180)
        buttons = QDialogButtonBox(self)
        copy = buttons.addButton("&Kopiëren", QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("&Sluiten", QDialogButtonBox.ButtonRole.AcceptRole)
        copy.clicked.connect(self._on_copy_clicked)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())

    @classmethod
    def ask(cls, parent: QWidget | None, report: str) -> None:
        """Show the dialog until the user closes it."""
        dialog = cls(parent, report)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


class CrashHandler:
    """The excepthook: user errors as a message, bugs in the crash dialog, never twice at once."""

    def __init__(self, parent: Callable[[], QWidget | None], fallback: ExceptHook) -> None:
        self._parent = parent
        self._fallback = fallback
        self._showing = False
        # Called before the dialog shows: write what the user typed to disk first.
        self.before_report: list[Callable[[], None]] = []

    def __call__(
        self, exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt) or self._showing:
            self._fallback(exc_type, error, tb)
            return
        self._showing = True
        try:
            if isinstance(error, UserError):
                MessageBox.warn(self._parent(), "Voortgang", str(error))
                return
            report = crash_report(exc_type, error, tb)
            sys.stderr.write(report)
            for keep_work in self.before_report:
                try:
                    keep_work()
                except Exception as failure:  # the report matters more than this
                    sys.stderr.write(f"Concept niet bewaard: {failure!r}\n")
            CrashDialog.ask(self._parent(), report)
        except Exception:
            self._fallback(exc_type, error, tb)
        finally:
            self._showing = False

    def handle(self, error: BaseException) -> None:
        """Report an error caught elsewhere (the task manager's crash handler)."""
        self(type(error), error, error.__traceback__)


def install_excepthook(parent: Callable[[], QWidget | None]) -> CrashHandler:
    """Route uncaught exceptions to the crash dialog; returns the handler."""
    handler = CrashHandler(parent, sys.excepthook)
    sys.excepthook = handler
    return handler
