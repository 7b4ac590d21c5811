"""The summary after an open-data import: counts per kind, what changed, what was skipped and why."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.dutch import dutch_count, join_list

if TYPE_CHECKING:  # types only: the window starts without loading the importers
    from desktop.core.importers.opendata_report import Change, Counts, ImportReport

# More changes than this are counted, not listed (an import of a whole dossier).
CHANGES_SHOWN = 200
_MUTED = "color:#5f6368"
_CELL = "padding:2px 10px 2px 0"
_FIELDS = {
    "indieners": "indieners",
    "uitslag": "uitslag",
    "kabinetsappreciatie": "kabinetsappreciatie",
    "onderwerp": "onderwerp",
    "voorgesteld": "datum voorgesteld",
    "vervangt": "vervangt",
    "tekst": "tekst",
    "minister": "bewindspersoon",
    "ministerie": "ministerie",
    "datum_nakoming": "datum nakoming",
    "kamerbrief_nakoming": "Kamerbrief nakoming",
    "datum_gedaan": "datum toezegging",
    "nummer": "nummer",
    "status": "status",
    "status Kamer": "status bij de Kamer",
}


def changed_anything(report: ImportReport) -> bool:
    """True when the import added or updated at least one record."""
    return bool(report.changes)


def first_motion(report: ImportReport) -> int | None:
    """The id of the first new motion (else the first updated one), to show in the view."""
    found = [c for c in report.changes if c.kind == "motie"]
    found.sort(key=lambda change: change.action != "new")
    return found[0].record_id if found else None


def status_line(report: ImportReport) -> str:
    """One line for the status bar: the core's two count lines."""
    return " ".join(report.summary()[:2])


def _counts_row(title: str, counts: Counts) -> str:
    cells = (counts.new, counts.updated, counts.unchanged, counts.skipped)
    return (
        f"<tr><td style='{_CELL}'><b>{title}</b></td>"
        + "".join(f"<td align='right' style='{_CELL}'>{dutch_count(c)}</td>" for c in cells)
        + "</tr>"
    )


def _change_item(change: Change) -> str:
    what = "nieuw" if change.action == "new" else "bijgewerkt"
    fields = [_FIELDS.get(name, name) for name in change.fields]
    extra = f": {escape(join_list(fields))}" if fields else ""
    return f"<li>{escape(change.label)} <span style='{_MUTED}'>({what}{extra})</span></li>"


def report_html(report: ImportReport, *, late_cancel: bool = False) -> str:
    """The import report as HTML (every value from the files is escaped)."""
    parts: list[str] = []
    if late_cancel:
        parts.append(
            "<p style='color:#a0281b'><b>Het afbreken kwam te laat:</b> de import was al "
            "opgeslagen. Hieronder staat wat er is veranderd.</p>"
        )
    files = join_list(f"‘{name}’" for name in report.files)
    parts.append(f"<p>Geïmporteerd uit {escape(files)}.</p>")
    header = "".join(
        f"<th align='right' style='{_CELL}'>{title}</th>"
        for title in ("Nieuw", "Bijgewerkt", "Ongewijzigd", "Overgeslagen")
    )
    parts.append(
        f"<table cellspacing='0'><tr><th></th>{header}</tr>"
        + _counts_row("Moties", report.motions)
        + _counts_row("Toezeggingen", report.commitments)
        + "</table>"
    )
    if not report.changes:
        parts.append(
            "<p>Er is niets veranderd: het register had deze gegevens al (of nieuwere).</p>"
        )
    else:
        shown = report.changes[:CHANGES_SHOWN]
        parts.append(f"<h4>Nieuw en bijgewerkt ({dutch_count(len(report.changes))})</h4><ul>")
        parts.extend(_change_item(change) for change in shown)
        parts.append("</ul>")
        if len(report.changes) > len(shown):
            more = dutch_count(len(report.changes) - len(shown))
            parts.append(f"<p style='{_MUTED}'>… en nog {more}.</p>")
    groups = report.skipped_by_reason()
    if groups:
        parts.append(f"<h4>Overgeslagen ({dutch_count(len(report.skipped))})</h4><ul>")
        for group in groups:
            kind = {"motie": "moties", "toezegging": "toezeggingen"}.get(group["kind"], "overig")
            examples = join_list(group["examples"])
            if group["count"] > len(group["examples"]):
                examples += " …"
            parts.append(
                f"<li>{escape(group['reason'])} <span style='{_MUTED}'>({kind}: "
                f"{dutch_count(group['count'])}, bijvoorbeeld {escape(examples)})</span></li>"
            )
        parts.append("</ul>")
    if report.warnings:
        parts.append("<h4>Let op</h4><ul>")
        parts.extend(f"<li>{escape(warning)}</li>" for warning in report.warnings)
        parts.append("</ul>")
    return "".join(parts)


class ImportReportDialog(QDialog):
    """What an open-data import did; "Moties tonen" when it added or changed motions."""

    def __init__(
        self, parent: QWidget | None, report: ImportReport, *, late_cancel: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importverslag")
        self.setWindowTitle("Open data geïmporteerd")
        title = QLabel(
            "<b>De import is voltooid.</b>" if changed_anything(report) else "<b>Niets nieuws.</b>",
            self,
        )
        self.text = QTextBrowser(self)
        self.text.setObjectName("verslag")
        self.text.setOpenLinks(False)
        self.text.setHtml(report_html(report, late_cancel=late_cancel))
        self.buttons = QDialogButtonBox(self)
        self.show_button: QPushButton | None = None
        if first_motion(report) is not None:
            self.show_button = self.buttons.addButton(
                "&Moties tonen", QDialogButtonBox.ButtonRole.AcceptRole
            )
        close = self.buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(self.show_button is None)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 520)

    @classmethod
    def ask(
        cls, parent: QWidget | None, report: ImportReport, *, late_cancel: bool = False
    ) -> bool:
        """Show the report; True when the user wants to see the imported motions."""
        dialog = cls(parent, report, late_cancel=late_cancel)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
