"""The motion editor: validates inline and returns a :class:`Motion`; it never saves."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.dutch import format_date, parse_date
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import MOTION_STATUSES, UITSLAGEN, Motion, parse_zaaknummer
from desktop.core.errors import InvalidInput
from desktop.ui.common.formatting import capitalised
from desktop.ui.common.widgets import ErrorLabel, add_error_row, banner, dutch_buttons

_PARAGRAPHS = re.compile(r"\n\s*\n")


def split_paragraphs(text: str) -> list[str]:
    """One item per paragraph (blank line between), inner line breaks joined."""
    return [" ".join(part.split()) for part in _PARAGRAPHS.split(text) if part.strip()]


def split_names(text: str) -> list[str]:
    """Signers separated by commas, semicolons or new lines."""
    return [name.strip() for name in re.split(r"[,;\n]", text) if name.strip()]


def _date_text(value: dt.date | None) -> str:
    return format_date(value) if value else ""


class MotionEditorDialog(QDialog):
    """Edit a new or existing motion; :meth:`ask` returns the edited motion or None."""

    def __init__(
        self,
        parent: QWidget | None = None,
        motion: Motion | None = None,
        *,
        error: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("motie_editor")
        self._initial = motion
        editing = motion is not None and motion.id is not None
        # Once stored, a number stays as it is; a motion registered by its Zaak number
        # alone can still get its Kamerstuk number (and the other way round).
        number_fixed = editing and motion is not None and motion.kamerstuk is not None
        zaak_fixed = editing and motion is not None and motion.zaaknummer is not None
        title = (
            f"Motie bewerken – {motion.citation or motion.number_label()}"
            if editing and motion
            else "Nieuwe motie"
        )
        self.setWindowTitle(title)
        self.errors: dict[str, ErrorLabel] = {}

        self.kamerstuk = QLineEdit(self)
        self.kamerstuk.setPlaceholderText("bijvoorbeeld 26 485, nr. 224")
        self.kamerstuk.setReadOnly(number_fixed)
        if number_fixed:
            self.kamerstuk.setToolTip("Het Kamerstuknummer van een opgeslagen motie ligt vast.")
        self.zaaknummer = QLineEdit(self)
        self.zaaknummer.setPlaceholderText("bijvoorbeeld 2025Z12345")
        self.zaaknummer.setReadOnly(zaak_fixed)
        self.zaaknummer.setToolTip(
            "Het zaaknummer van de Tweede Kamer. Genoeg voor een motie die nog geen "
            "Kamerstuknummer heeft; een latere import vult het nummer dan aan."
            if not zaak_fixed
            else "Het zaaknummer van een opgeslagen motie ligt vast."
        )
        self.dossier_titel = QLineEdit(self)
        self.indieners = QLineEdit(self)
        self.indieners.setPlaceholderText("bijvoorbeeld Diks, Van den Hul")
        self.voorgesteld = QLineEdit(self)
        self.voorgesteld.setPlaceholderText("bijvoorbeeld 21 februari 2020")
        self.voorgesteld_bij = QLineEdit(self)
        self.onderwerp = QLineEdit(self)
        self.uitslag = QComboBox(self)
        for value in UITSLAGEN:
            self.uitslag.addItem(capitalised(value), value)
        self.status = QComboBox(self)
        for value in MOTION_STATUSES:
            self.status.addItem(capitalised(value), value)
        self.deadline = QLineEdit(self)
        self.deadline.setPlaceholderText("datum waarop de motie uitgevoerd moet zijn")
        self.directie = QLineEdit(self)
        self.overwegingen = QPlainTextEdit(self)
        self.verzoeken = QPlainTextEdit(self)
        self.kabinetsappreciatie = QPlainTextEdit(self)
        self.notities = QPlainTextEdit(self)
        for box in (self.overwegingen, self.verzoeken):
            box.setPlaceholderText("Eén per alinea; laat een witregel tussen de alinea's.")
            box.setMinimumHeight(90)
        for box in (self.kabinetsappreciatie, self.notities):
            box.setMinimumHeight(54)

        left = QFormLayout()
        self._row(left, "&Kamerstuk **", self.kamerstuk, "kamerstuk")
        self._row(left, "&Zaaknummer **", self.zaaknummer, "zaaknummer")
        self._row(left, "Dossier&titel", self.dossier_titel)
        self._row(left, "&Indieners *", self.indieners, "indieners")
        self._row(left, "&Voorgesteld", self.voorgesteld, "voorgesteld")
        self._row(left, "Voorgesteld &bij", self.voorgesteld_bij)
        self._row(left, "&Onderwerp", self.onderwerp, "onderwerp")
        self._row(left, "&Uitslag", self.uitslag)
        self._row(left, "&Status", self.status)
        self._row(left, "&Termijn", self.deadline, "deadline")
        self._row(left, "&Directie", self.directie)
        right = QFormLayout()
        self._row(right, "Over&wegingen", self.overwegingen)
        self._row(right, "Ve&rzoeken", self.verzoeken)
        self._row(right, "&Kabinetsappreciatie", self.kabinetsappreciatie)
        self._row(right, "&Notities", self.notities)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)

        self.banner = banner(self, error)
        self.buttons = dutch_buttons(self, ok="Opslaan")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(columns)
        note = QLabel(
            "Velden met * zijn verplicht. ** Het Kamerstuknummer, of het zaaknummer als de "
            "motie nog geen nummer heeft; dan is ook het onderwerp verplicht.",
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(900, 560)
        if motion is not None:
            self.set_motion(motion)

    def _row(self, form: QFormLayout, label: str, field: QWidget, key: str | None = None) -> None:
        form.addRow(label, field)
        if key is None:
            return
        error = ErrorLabel(self)
        error.setObjectName(f"fout_{key}")
        add_error_row(form, error)
        self.errors[key] = error
        if isinstance(field, QLineEdit):
            field.editingFinished.connect(lambda: self._check(key, only_filled=True))
            field.textChanged.connect(lambda _text: self._recheck_shown(key))

    # -- values -------------------------------------------------------------------------------

    def set_motion(self, motion: Motion) -> None:
        """Fill the fields from a motion (also a rejected one, so no text is lost)."""
        self.kamerstuk.setText(motion.kamerstuk.number_label() if motion.kamerstuk else "")
        self.zaaknummer.setText(motion.zaaknummer or "")
        self.dossier_titel.setText(motion.dossier_titel or "")
        self.indieners.setText(", ".join(motion.indieners))
        self.voorgesteld.setText(_date_text(motion.voorgesteld))
        self.voorgesteld_bij.setText(motion.voorgesteld_bij or "")
        self.onderwerp.setText(motion.onderwerp or "")
        self.uitslag.setCurrentIndex(max(self.uitslag.findData(motion.uitslag), 0))
        self.status.setCurrentIndex(max(self.status.findData(motion.status), 0))
        self.deadline.setText(_date_text(motion.deadline))
        self.directie.setText(motion.directie or "")
        self.overwegingen.setPlainText("\n\n".join(motion.overwegingen))
        self.verzoeken.setPlainText("\n\n".join(motion.verzoeken))
        self.kabinetsappreciatie.setPlainText(motion.kabinetsappreciatie or "")
        self.notities.setPlainText(motion.notities)

    def motion(self) -> Motion:
        """The motion the fields describe.

        Raises:
            InvalidInput: when a field is not valid (the message names the problem).
        """
        ref = self._parsed_ref()
        fields = {
            "kamerstuk": ref,
            "zaaknummer": self._parsed_zaaknummer(),
            "dossier_titel": self.dossier_titel.text().strip() or None,
            "indieners": self._parsed_names(),
            "voorgesteld": self._parsed_date(self.voorgesteld),
            "voorgesteld_bij": self.voorgesteld_bij.text().strip() or None,
            "onderwerp": self._parsed_onderwerp(),
            "uitslag": self.uitslag.currentData(),
            "status": self.status.currentData(),
            "deadline": self._parsed_date(self.deadline),
            "directie": self.directie.text().strip() or None,
            "overwegingen": split_paragraphs(self.overwegingen.toPlainText()),
            "verzoeken": split_paragraphs(self.verzoeken.toPlainText()),
            "kabinetsappreciatie": self.kabinetsappreciatie.toPlainText().strip() or None,
            "notities": self.notities.toPlainText().strip(),
        }
        if self._initial is not None:
            if self._initial.id is not None:
                # Stored numbers stay as they are (the fields are read-only then).
                fields["kamerstuk"] = self._initial.kamerstuk or ref
                fields["zaaknummer"] = self._initial.zaaknummer or fields["zaaknummer"]
            return dataclasses.replace(self._initial, **fields)
        return Motion(**fields)

    def _parsed_ref(self) -> KamerstukRef | None:
        """The Kamerstuk number; None is allowed when the Zaak number is filled in."""
        text = self.kamerstuk.text().strip()
        if text:
            return KamerstukRef.parse(text)
        if not self.zaaknummer.text().strip():
            raise InvalidInput(
                "Vul het Kamerstuknummer van de motie in, of het zaaknummer van de Tweede "
                "Kamer (zoals 2025Z12345) als de motie nog geen Kamerstuknummer heeft."
            )
        return None

    def _parsed_zaaknummer(self) -> str | None:
        text = self.zaaknummer.text().strip()
        return parse_zaaknummer(text) if text else None

    def _parsed_onderwerp(self) -> str | None:
        """The onderwerp; required without a Kamerstuk number (the motion is cited by it)."""
        text = self.onderwerp.text().strip()
        if not text and not self.kamerstuk.text().strip() and self.zaaknummer.text().strip():
            raise InvalidInput(
                "Vul het onderwerp in: een motie zonder Kamerstuknummer wordt in brieven "
                "genoemd bij haar onderwerp en datum."
            )
        return text or None

    def _parsed_names(self) -> list[str]:
        names = split_names(self.indieners.text())
        if not names:
            raise InvalidInput("Vul ten minste één indiener in.")
        return names

    @staticmethod
    def _parsed_date(field: QLineEdit) -> dt.date | None:
        text = field.text().strip()
        return parse_date(text) if text else None

    # -- validation ---------------------------------------------------------------------------

    def _checks(self) -> dict[str, Callable[[], object]]:
        return {
            "kamerstuk": self._parsed_ref,
            "zaaknummer": self._parsed_zaaknummer,
            "indieners": self._parsed_names,
            "onderwerp": self._parsed_onderwerp,
            "voorgesteld": lambda: self._parsed_date(self.voorgesteld),
            "deadline": lambda: self._parsed_date(self.deadline),
        }

    def _check(self, key: str, *, only_filled: bool = False) -> bool:
        field = {
            "kamerstuk": self.kamerstuk,
            "indieners": self.indieners,
            "onderwerp": self.onderwerp,
        }.get(key)
        if only_filled and field is not None and not field.text().strip():
            return True
        try:
            self._checks()[key]()
        except InvalidInput as error:
            self.errors[key].show_message(str(error))
            return False
        self.errors[key].show_message("")
        return True

    def _recheck_shown(self, key: str) -> None:
        # The Kamerstuk, Zaak number and onderwerp depend on each other: typing in one
        # may settle (or raise) the message of another that is shown.
        related = ("kamerstuk", "zaaknummer", "onderwerp")
        for name in related if key in related else (key,):
            if self.errors[name].message:
                self._check(name)

    def validate(self) -> bool:
        """Check every field, show the messages next to the fields; True when all are valid."""
        results = [self._check(key) for key in self.errors]
        if not all(results):
            first = next(key for key, ok in zip(self.errors, results, strict=True) if not ok)
            widget = {
                "kamerstuk": self.kamerstuk,
                "zaaknummer": self.zaaknummer,
                "indieners": self.indieners,
                "onderwerp": self.onderwerp,
                "voorgesteld": self.voorgesteld,
                "deadline": self.deadline,
            }[first]
            widget.setFocus()
        return all(results)

    def _on_buttons_accepted(self) -> None:
        if self.validate():
            self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None = None,
        motion: Motion | None = None,
        *,
        error: str | None = None,
    ) -> Motion | None:
        """Show the editor; returns the edited motion, or None when cancelled."""
        dialog = cls(parent, motion, error=error)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.motion()
            return None
        finally:
            dialog.deleteLater()
