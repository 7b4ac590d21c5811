"""Import a motion from its official text: paste (or open a .txt), see what was recognised."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.models import Motion
from desktop.core.errors import UserError
from desktop.core.services.registry import read_motion_file, read_motion_text
from desktop.ui.common.formatting import long_date
from desktop.ui.common.widgets import banner, dutch_buttons

PARSE_DELAY_MS = 250


@dataclass(frozen=True)
class ImportedMotion:
    """The motion recognised in a text, and the text itself (kept if saving fails)."""

    motion: Motion
    text: str


class OpenTextFile:
    """The file chooser for motion texts (a classmethod, so tests replace it)."""

    last_folder: str = ""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """Returns the chosen file, or None."""
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            "Motietekst openen",
            cls.last_folder,
            "Tekstbestanden (*.txt);;Alle bestanden (*)",
        )
        if not name:
            return None
        cls.last_folder = str(Path(name).parent)
        return Path(name)


def warnings_html(warnings: list[str]) -> str:
    """The parser's doubts, above what it recognised: to check, not to stop the import."""
    if not warnings:
        return ""
    items = "".join(f"<li>{escape(text)}</li>" for text in warnings)
    title = "Let op" if len(warnings) == 1 else f"Let op ({len(warnings)})"
    # A one-cell table: Qt's rich text keeps a table's background around a list.
    return (
        "<table width='100%' cellpadding='6' cellspacing='0' bgcolor='#fdf3d8'><tr>"
        f"<td style='color:#5c4400'><b>{title}:</b>"
        f"<ul style='margin-top:2px; margin-bottom:2px'>{items}</ul>"
        "U kunt de motie toch opslaan.</td></tr></table>"
    )


def recognised_html(motion: Motion, warnings: list[str] | None = None) -> str:
    """What the parser found, for the user to check before saving (warnings first)."""

    def row(label: str, value: str) -> str:
        if not value:
            value = "<span style='color:#a0281b'>niet gevonden</span>"
        return (
            f"<tr><td style='color:#5f6368; padding:2px 12px 2px 0' valign='top'>{label}</td>"
            f"<td style='padding:2px 0'>{value}</td></tr>"
        )

    def items(values: list[str]) -> str:
        return "".join(f"<li>{escape(v)}</li>" for v in values)

    voorgesteld = escape(long_date(motion.voorgesteld))
    if voorgesteld and motion.voorgesteld_bij:
        voorgesteld += f" ({escape(motion.voorgesteld_bij)})"
    html = warnings_html(warnings or []) + (
        f"<h3 style='margin-bottom:4px'>Herkend: {escape(motion.name)}</h3>"
        "<table cellspacing='0'>"
        + row("Kamerstuk", escape(motion.citation or ""))
        + row("Dossier", escape(motion.dossier_titel or ""))
        + row("Indieners", escape(", ".join(motion.indieners)))
        + row("Voorgesteld", voorgesteld)
        + (row("Onderwerp", escape(motion.onderwerp)) if motion.onderwerp else "")
        + (row("Vervangt", escape(motion.vervangt.letter_style())) if motion.vervangt else "")
        + "</table>"
    )
    if motion.overwegingen:
        html += f"<p><b>Overwegingen ({len(motion.overwegingen)})</b></p><ul>"
        html += items(motion.overwegingen) + "</ul>"
    html += f"<p><b>Verzoeken ({len(motion.verzoeken)})</b></p><ul>{items(motion.verzoeken)}</ul>"
    return html


def _decoded(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


# lookup(motion, done): find the registered motion with this number; done(found) later.
Lookup = Callable[[Motion, Callable[[Motion | None], None]], None]


class ImportMotionDialog(QDialog):
    """Paste or open the official text of a motion; shows what the parser recognised."""

    def __init__(
        self,
        parent: QWidget | None = None,
        text: str = "",
        *,
        error: str | None = None,
        lookup: Lookup | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("motie_importeren")
        # Asks the registry (off the GUI thread) whether the recognised motion is there.
        self._lookup = lookup
        self._looked_up = 0
        self.existing: Motion | None = None
        self.setWindowTitle("Motie importeren")
        self.parsed: Motion | None = None
        self.problem = ""
        # What the parser doubted in a text it did read (shown, saving stays possible).
        self.warnings: list[str] = []
        self._source: str | None = None
        intro = QLabel(
            "Plak de officiële tekst van de motie (van officielebekendmakingen.nl of "
            "tweedekamer.nl), of open een tekstbestand. Controleer rechts wat is herkend.",
            self,
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("motietekst")
        self.text.setPlaceholderText("26 485 Maatschappelijk verantwoord ondernemen\n\nNr. 229 …")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("herkend")
        splitter = QSplitter(self)
        splitter.addWidget(self.text)
        splitter.addWidget(self.preview)
        splitter.setSizes([480, 420])
        open_button = QPushButton("&Bestand openen…", self)
        open_button.clicked.connect(self._on_open_button_clicked)
        self.buttons = dutch_buttons(self, ok="Opslaan")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(open_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        self.banner = banner(self, error)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(960, 600)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PARSE_DELAY_MS)
        self._timer.timeout.connect(self.parse_now)
        self.text.textChanged.connect(self._timer.start)
        self.text.setPlainText(text)
        self.parse_now()

    def parse_now(self) -> None:
        """Parse the text and show the result (or the Dutch reason it is not a motion)."""
        self._timer.stop()
        text = self.text.toPlainText()
        self.parsed = None
        self.problem = ""
        self.warnings = []
        if not text.strip():
            self.preview.setHtml(
                "<p style='color:#5f6368'>Nog geen tekst. Plak de motietekst links.</p>"
            )
        else:
            try:
                self.parsed, self.warnings = read_motion_text(text, source=self._source)
            except UserError as error:
                self.problem = str(error)
                self.preview.setHtml(
                    f"<p style='color:#a0281b'><b>Niet herkend.</b> {escape(self.problem)}</p>"
                )
            else:
                self.preview.setHtml(recognised_html(self.parsed, self.warnings))
        self.existing = None
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.parsed is not None)
        if self.parsed is not None and self._lookup is not None:
            self._looked_up += 1
            asked, motion = self._looked_up, self.parsed
            self._lookup(motion, lambda found: self._on_looked_up(asked, motion, found))

    def _on_looked_up(self, asked: int, motion: Motion, found: Motion | None) -> None:
        """The registry's answer: a motion that is already there cannot be saved again."""
        if asked != self._looked_up or found is None or motion is not self.parsed:
            return
        self.existing = found
        if not (found.verzoeken or found.overwegingen):
            # -- registered without its text (from open data): saving adds the text --
            self.preview.setHtml(
                "<table width='100%' cellpadding='8' style='background:#e8f1fb'><tr><td>"
                f"<b>Staat al in het register, zonder tekst:</b> {escape(found.name)} "
                f"({escape(found.reference)}). Opslaan voegt de officiële tekst toe; status "
                "en notities blijven.</td></tr></table>" + recognised_html(motion, self.warnings)
            )
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.preview.setHtml(
            "<table width='100%' cellpadding='8' style='background:#fdecea'><tr><td>"
            f"<b>Staat al in het register:</b> {escape(found.name)} "
            f"({escape(found.reference)}), status {escape(found.status)}. Opslaan zou niets "
            "toevoegen; open de motie in de lijst om haar te bewerken.</td></tr></table>"
            + recognised_html(motion, self.warnings)
        )

    def load_file(self, path: Path) -> None:
        """Show a file's text (and parse it); unreadable files show why."""
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        text = _decoded(data) if data else None
        if text is None:
            try:
                read_motion_file(path)
            except UserError as error:
                self.problem = str(error)
                self.preview.setHtml(f"<p style='color:#a0281b'>{escape(self.problem)}</p>")
            return
        self._source = path.name
        self.text.setPlainText(text)
        self.parse_now()

    def _on_open_button_clicked(self) -> None:
        path = OpenTextFile.ask(self)
        if path is not None:
            self.load_file(path)

    def result_value(self) -> ImportedMotion | None:
        """The recognised motion with its text, when the text is a motion."""
        self.parse_now()
        if self.parsed is None:
            return None
        return ImportedMotion(self.parsed, self.text.toPlainText())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None = None,
        text: str = "",
        *,
        error: str | None = None,
        lookup: Lookup | None = None,
    ) -> ImportedMotion | None:
        """Returns the recognised motion and its text, or None when cancelled."""
        dialog = cls(parent, text, error=error, lookup=lookup)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_value()
            return None
        finally:
            dialog.deleteLater()
