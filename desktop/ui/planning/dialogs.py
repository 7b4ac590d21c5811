"""Dialogs of the letter cycle that ask something (each with a classmethod ``ask``).

Tests replace ``ask``; the dialogs never write to the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.dutch import format_date, parse_date
from desktop.core.domain.models import Letter
from desktop.core.errors import InvalidInput
from desktop.core.services.planning import letter_label
from desktop.ui.common.widgets import ErrorLabel, add_error_row, dutch_buttons

WORD_FILTER = "Word-document (*.docx)"


@dataclass(frozen=True)
class NewLetterChoice:
    """The planned date of the next letter and its kenmerk (None: not known yet)."""

    datum: dt.date
    kenmerk: str | None


class NewLetterDialog(QDialog):
    """Asks the planned date and kenmerk of the next letter ("Nieuwe brief op basis van deze…")."""

    def __init__(
        self,
        parent: QWidget | None,
        previous: Letter,
        kenmerken: Sequence[str] = (),
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("nieuwe_brief")
        self.setWindowTitle("Nieuwe brief op basis van deze")
        self._previous = previous
        self._taken = {value.strip().casefold() for value in kenmerken if value}
        self._checked = False
        intro = QLabel(
            f"De nieuwe brief neemt de secties van {letter_label(previous)} over, laat afgedane "
            "moties en toezeggingen weg en stelt voor wat vóór de geplande datum moet.",
            self,
        )
        intro.setWordWrap(True)
        today = today or dt.date.today()
        suggested = today if previous.datum is None or today > previous.datum else None
        self.datum = QLineEdit(format_date(suggested) if suggested else "", self)
        self.datum.setPlaceholderText("bijvoorbeeld 1 september 2020")
        self.kenmerk = QLineEdit(self)
        self.kenmerk.setPlaceholderText("leeg laten als het nog niet bekend is")
        self.datum_error = ErrorLabel(self)
        self.kenmerk_error = ErrorLabel(self)
        form = QFormLayout()
        form.addRow("Geplande &datum", self.datum)
        add_error_row(form, self.datum_error)
        form.addRow("&Kenmerk", self.kenmerk)
        add_error_row(form, self.kenmerk_error)
        buttons = dutch_buttons(self, ok="Brief maken")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        # Once the user has tried to confirm, messages follow the typing.
        self.datum.textChanged.connect(self._on_field_text_changed)
        self.kenmerk.textChanged.connect(self._on_field_text_changed)

    def _date_problem(self) -> str:
        try:
            planned = parse_date(self.datum.text())
        except InvalidInput as error:
            return str(error) if self.datum.text().strip() else "Vul de geplande datum in."
        previous = self._previous.datum
        if previous is not None and planned <= previous:
            return (
                "De nieuwe brief moet later gedateerd zijn dan de vorige "
                f"({format_date(previous)})."
            )
        return ""

    def _kenmerk_problem(self) -> str:
        kenmerk = self.kenmerk.text().strip()
        if kenmerk and kenmerk.casefold() in self._taken:
            return f"Er staat al een brief met kenmerk {kenmerk} in het register."
        return ""

    def validate(self) -> bool:
        """Show messages under the fields; True when both are valid."""
        self._checked = True
        self.datum_error.show_message(self._date_problem())
        self.kenmerk_error.show_message(self._kenmerk_problem())
        return not self.datum_error.message and not self.kenmerk_error.message

    def choice(self) -> NewLetterChoice:
        """The answer.

        Raises:
            InvalidInput: for an unreadable or too early date, or a kenmerk in use.
        """
        problem = self._date_problem() or self._kenmerk_problem()
        if problem:
            raise InvalidInput(problem)
        return NewLetterChoice(parse_date(self.datum.text()), self.kenmerk.text().strip() or None)

    def _on_field_text_changed(self, text: str) -> None:
        if self._checked:
            self.validate()

    def _on_buttons_accepted(self) -> None:
        if self.validate():
            self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        previous: Letter,
        kenmerken: Sequence[str] = (),
        *,
        today: dt.date | None = None,
    ) -> NewLetterChoice | None:
        """Returns the date and kenmerk, or None when cancelled."""
        dialog = cls(parent, previous, kenmerken, today=today)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class ReportFileDialog:
    """Where to save a Word report (the platform's save dialog)."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        """Returns the chosen file (``.docx`` added when missing), or None when cancelled."""
        name, _filter = QFileDialog.getSaveFileName(
            parent, "Opslaan als Word-rapport", str(suggested), WORD_FILTER
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".docx")
