"""An earlier letter: review what was found (the dry run), then what recording it did."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.dutch import join_list
from desktop.core.services.imports import LetterRecorded, LetterReview
from desktop.ui.common.formatting import long_date
from desktop.ui.common.widgets import dutch_buttons

if TYPE_CHECKING:  # types only: the window starts without loading the importers
    from desktop.core.importers.letter_import import LetterImport

_MUTED = "color:#5f6368"
_NEW = "<span style='color:#1e6b2f'>nieuw</span>"
_KNOWN = f"<span style='{_MUTED}'>staat al in het register</span>"
CONTEXT_SHOWN = 220


def _context(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > CONTEXT_SHOWN:
        text = text[: CONTEXT_SHOWN - 1].rstrip() + "…"
    return f"<br><span style='{_MUTED}'>{escape(text)}</span>" if text else ""


def _row(label: str, value: str) -> str:
    return (
        f"<tr><td style='{_MUTED}; padding:2px 12px 2px 0' valign='top'>{label}</td>"
        f"<td style='padding:2px 0'>{value}</td></tr>"
    )


def review_html(review: LetterReview) -> str:
    """What the dry run found in the letter, marked new or already registered."""
    found = review.found
    info = found.letter
    missing = f"<span style='{_MUTED}'>niet gevonden</span>"
    kenmerk = escape(info.kenmerk) if info.kenmerk else missing
    if info.kenmerk and review.letter_known:
        kenmerk += f" ({_KNOWN})"
    rows = (
        _row("Kenmerk", kenmerk)
        + _row("Datum", escape(long_date(info.datum)) or missing)
        + _row("Betreft", escape(info.betreft or "") or missing)
    )
    if info.kamerstuk is not None:
        rows += _row("Eigen Kamerstuk", escape(info.kamerstuk.letter_style()))
    parts = [f"<h3 style='margin-bottom:4px'>{escape(found.source)}</h3><table>{rows}</table>"]

    parts.append(f"<h4>Kamerstukken ({len(found.kamerstukken)})</h4>")
    if found.kamerstukken:
        parts.append("<ul>")
        for mention in found.kamerstukken:
            tag = _KNOWN if mention.ref.key in review.known_kamerstukken else _NEW
            parts.append(
                f"<li><b>{escape(mention.citation)}</b> — {tag}{_context(mention.context)}</li>"
            )
        parts.append("</ul>")
    else:
        parts.append("<p>Geen Kamerstukken gevonden.</p>")

    parts.append(f"<h4>Moties ({len(found.motions)})</h4>")
    if found.motions:
        parts.append("<ul>")
        for motion in found.motions:
            tag = _KNOWN if motion.ref.key in review.known_motions else _NEW
            settled = " — <b>afgedaan met deze brief</b>" if motion.settled else ""
            parts.append(
                f"<li>{escape(motion.name)} ({escape(motion.ref.letter_style())}){settled}"
                f" — {tag}{_context(motion.context)}</li>"
            )
        parts.append("</ul>")
    else:
        parts.append("<p>Geen moties met hun nummer gevonden.</p>")

    parts.append(f"<h4>EU-documenten ({len(found.eu)})</h4>")
    if found.eu:
        parts.append("<ul>")
        for reference in found.eu:
            celex = f", CELEX {escape(reference.celex)}" if reference.celex else ""
            parts.append(
                f"<li><b>{escape(reference.identificatie)}</b> ({escape(reference.soort)}{celex})"
                f"{_context(reference.context)}</li>"
            )
        parts.append("</ul>")
    else:
        parts.append("<p>Geen EU-documenten gevonden.</p>")
    return "".join(parts)


class LetterReviewDialog(QDialog):
    """The dry run of an earlier letter; "Toevoegen aan register" records it."""

    def __init__(self, parent: QWidget | None, review: LetterReview) -> None:
        super().__init__(parent)
        self.setObjectName("brief_importeren")
        self.setWindowTitle("Eerdere brief importeren")
        intro = QLabel(
            "Dit staat in de brief. Er is nog niets opgeslagen. ‘Toevoegen aan register’ voegt "
            "toe wat ontbreekt (Kamerstukken, moties met hun indieners, EU-dossiers), legt de "
            "brief vast als verzonden, koppelt de moties die hij noemt en doet af wat hij "
            "afdoet. Wat al in het register staat, blijft zoals het is."
            if review.anything
            else "In deze brief is niets gevonden om aan het register toe te voegen: geen "
            "Kamerstukken, moties of EU-documenten, en geen kenmerk of datum met onderwerp.",
            self,
        )
        intro.setWordWrap(True)
        self.text = QTextBrowser(self)
        self.text.setObjectName("gevonden")
        self.text.setOpenLinks(False)
        self.text.setHtml(review_html(review))
        self.buttons = dutch_buttons(self, ok="&Toevoegen aan register")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(review.anything)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 600)

    @classmethod
    def ask(cls, parent: QWidget | None, review: LetterReview) -> bool:
        """True when the user chose to add the letter to the registry."""
        dialog = cls(parent, review)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


def _count(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def _added(result: LetterImport) -> str:
    parts = [
        _count(len(result.kamerstukken_added), "Kamerstuk", "Kamerstukken"),
        _count(len(result.motions_added), "motie", "moties"),
        _count(len(result.eu_added), "EU-dossier", "EU-dossiers"),
    ]
    if not (result.kamerstukken_added or result.motions_added or result.eu_added):
        return "Er is niets nieuws toegevoegd: het register had alles al."
    return f"Toegevoegd aan het register: {join_list(parts)}."


def recorded_message(recorded: LetterRecorded) -> str:
    """What recording the letter did, in Dutch (several lines)."""
    result = recorded.result
    lines = [_added(result)]
    name = f"De brief {recorded.kenmerk}" if recorded.kenmerk else "De brief"
    if result.letter_id is None:
        lines.append(f"De brief is niet vastgelegd: {result.letter_reason}.")
    elif result.letter_action == "nieuw":
        lines.append(f"{name} is toegevoegd als verzonden brief.")
    else:
        lines.append(f"{name} stond al in het register.")
    if recorded.linked:
        names = [
            f"{m.name} ({m.citation}{', afgedaan' if m.afdoen else ''})" for m in recorded.linked
        ]
        lines.append(f"Gekoppeld aan de brief: {join_list(names)}.")
    if result.motions_linked:
        lines.append(f"Nieuw gekoppeld: {join_list(result.motions_linked)}.")
    if result.motions_settled:
        lines.append(f"Afgedaan met deze brief: {join_list(result.motions_settled)}.")
    return "\n".join(lines)


def recorded_status(recorded: LetterRecorded) -> str:
    """One line for the status bar."""
    return f"Brief {recorded.kenmerk or recorded.source} geïmporteerd. {_added(recorded.result)}"
