"""The panel of checks before export: each warning with "Ga naar", then "Toch exporteren".

It stays up to date while it is shown: an edit that fixes a warning removes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services.export_checks import ExportWarning

PANEL_STYLE = (
    "QFrame#exportcontrole { background: #fff8e1; border: 1px solid #f0d58c; border-radius: 4px; }"
)


class WarningsPanel(QFrame):
    """What to check before the letter is exported; ``go_to`` and ``proceed`` for the buttons."""

    go_to = Signal(object)
    proceed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportcontrole")
        self.setStyleSheet(PANEL_STYLE)
        self.warnings: list[ExportWarning] = []
        self.heading = QLabel("<b>Controleer dit vóór het exporteren</b>", self)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(2)
        self.export_button = QPushButton("Toch &exporteren", self)
        self.export_button.setObjectName("toch_exporteren")
        self.close_button = QPushButton("Sluiten", self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.heading)
        layout.addLayout(self.rows)
        layout.addLayout(buttons)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_warnings(self, warnings: Sequence[ExportWarning]) -> None:
        """Show these warnings (none: the panel goes)."""
        self.warnings = list(warnings)
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Out of the panel at once (deleteLater waits for the event loop): its old
                # "Ga naar" must never be found or clicked again.
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        for warning in self.warnings:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(warning.message, row)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            button = QPushButton("Ga naar", row)
            button.setObjectName("ga_naar")
            button.clicked.connect(lambda _checked=False, w=warning: self.go_to.emit(w))
            line.addWidget(label, 1)
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.rows.addWidget(row)
        self.setVisible(bool(self.warnings))

    def go_to_buttons(self) -> list[QPushButton]:
        """The "Ga naar" buttons, in the order of the warnings."""
        return [b for b in self.findChildren(QPushButton, "ga_naar") if not b.isHidden()]

    def _on_export_button_clicked(self) -> None:
        self.hide()
        self.proceed.emit()
