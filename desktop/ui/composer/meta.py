"""The composer's "Brief" tab: kenmerk, datum, betreft and the rest, checked as you type.

Panels never change the document themselves: each edit becomes an undo command handed
to ``push`` (the main window's stack), which then changes the document.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services.drafts import check_field
from desktop.ui.common.widgets import ErrorLabel, add_error_row
from desktop.ui.composer import commands
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.editor import RichTextEdit
from desktop.ui.composer.fields import (
    HINT_STYLE,
    Edit,
    LineEdit,
    Push,
    TextBinding,
    TextEdit,
    Writer,
)
from desktop.ui.composer.formatted import FormattedField


class MetadataPanel(QWidget):
    """Kenmerk, datum, betreft and the rest of the letter's details, checked as you type."""

    def __init__(self, document: ComposerDocument, push: Push, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._push = push
        self.fields: dict[str, LineEdit | TextEdit | RichTextEdit] = {}
        # The introduction and the closing, formatted (the Secties tab shows them too).
        self.formatted: dict[str, FormattedField] = {}
        self.bindings: dict[str, TextBinding] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.template = QComboBox(self)
        self.template.setObjectName("brief_sjabloon")
        form = QFormLayout()
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addStretch(1)  # spare height below the form, not between its rows
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = (
            ("kenmerk", "&Kenmerk", "bijvoorbeeld Min-BuZa.2020.396", 0),
            ("datum", "&Datum", "bijvoorbeeld 21 februari 2020", 0),
            ("betreft", "&Betreft *", "het onderwerp van de brief", 0),
            ("kamerstuk", "Kamer&stuk", "nummer van de brief zelf, als die er al is", 0),
            ("geadresseerde", "&Geadresseerde", "", 4),
            ("aanhef", "&Aanhef", "", 0),
            ("inleiding", "&Inleiding", "eerste alinea's, vóór de secties", 4),
            ("slot", "S&lot", "laatste alinea's, na de secties", 3),
            ("ondertekenaar_functie", "&Functie ondertekenaar", "", 0),
            ("ondertekenaar_naam", "&Naam ondertekenaar", "", 0),
        )
        for key, label, hint, lines in rows:
            field: LineEdit | TextEdit | RichTextEdit
            shown: QWidget | None = None
            if key in ("inleiding", "slot"):
                formatted = FormattedField(self, lines=lines)
                self.formatted[key] = formatted
                field = formatted.editor
                field.setPlaceholderText(hint)
                shown = formatted
            elif lines:
                field = TextEdit(self)
                field.setPlaceholderText(hint)
                field.setFixedHeight(field.fontMetrics().lineSpacing() * lines + 14)
            else:
                field = LineEdit(self)
                field.setPlaceholderText(hint)
            field.setObjectName(f"brief_{key}")
            self.fields[key] = field
            self.bindings[key] = TextBinding(field, self._reader(key), self._writer(key))
            form.addRow(label, shown or field)
            if key in ("kenmerk", "datum", "betreft", "kamerstuk"):
                error = ErrorLabel(self)
                error.setObjectName(f"fout_{key}")
                self.errors[key] = error
                add_error_row(form, error)
        form.addRow("S&jabloon", self.template)
        note = QLabel("Velden met * zijn nodig om de brief op te slaan.", self)
        note.setStyleSheet(HINT_STYLE)
        form.addRow("", note)
        self.template.activated.connect(self._on_template_activated)
        document.meta_changed.connect(self._on_document_meta_changed)
        document.replaced.connect(self.refresh)

    def _reader(self, key: str) -> Callable[[], str]:
        return lambda: self.document.content.meta[key]

    def _writer(self, key: str) -> Writer:
        def write(old: str, new: str, edit: Edit) -> None:
            self._push(commands.SetMetaCommand(self.document, key, old, new, edit))
            self._check(key, quiet_when_empty=True)

        return write

    def set_templates(self, names: list[str]) -> None:
        """The templates to choose from."""
        self.template.clear()
        self.template.addItems(names)
        self._show_template()

    def _show_template(self) -> None:
        name = self.document.content.meta.get("template", "")
        if name and self.template.findText(name) < 0:
            self.template.addItem(name)  # a template that is missing: the preview says so
        self.template.setCurrentIndex(max(self.template.findText(name), 0))

    def _on_template_activated(self, index: int) -> None:
        old, new = self.document.content.meta["template"], self.template.itemText(index)
        if old != new:
            self._push(commands.SetMetaCommand(self.document, "template", old, new))

    def _on_document_meta_changed(self, key: str) -> None:
        if key == "template":
            self._show_template()
        elif key in self.bindings:
            self.bindings[key].refresh()
            self._check(key, quiet_when_empty=True)

    def refresh(self) -> None:
        """Show the document's values in every field."""
        for key, binding in self.bindings.items():
            binding.refresh()
            self._check(key, quiet_when_empty=True)
        self._show_template()

    def set_read_only(self, read_only: bool) -> None:
        """A definitive letter is shown, not edited."""
        for field in self.fields.values():
            field.setReadOnly(read_only)
        for formatted in self.formatted.values():
            formatted.set_read_only(read_only)
        self.template.setEnabled(not read_only)

    def _check(self, key: str, *, quiet_when_empty: bool = False) -> bool:
        if key not in self.errors:
            return True
        text = self.document.content.meta.get(key, "")
        message = "" if quiet_when_empty and not text.strip() else check_field(key, text)
        self.errors[key].show_message(message)
        return not message

    def all_valid(self) -> bool:
        """True when every checked field is fine (nothing is shown)."""
        meta = self.document.content.meta
        return not any(check_field(key, meta.get(key, "")) for key in self.errors)

    def validate(self) -> bool:
        """Show every problem next to its field; True when the letter can be saved."""
        results = {key: self._check(key) for key in self.errors}
        first = next((key for key, ok in results.items() if not ok), None)
        if first is not None:
            self.fields[first].setFocus()
        return first is None

    def show_problem(self, key: str, message: str) -> None:
        """A problem the store found (a kenmerk already in use) next to its field."""
        self.errors[key].show_message(message)
        self.fields[key].setFocus()
