"""HTML for the letter cycle's panes: text comparisons and summaries (every value escaped)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from desktop.core.planning.changes import ChangeReport, SectionDiff
from desktop.ui.common.formatting import long_date

MUTED = "#5f6368"
REMOVED_STYLE = "color:#a0281b; background:#fbe3e1; text-decoration:line-through"
ADDED_STYLE = "color:#1e7b34; background:#e3f4e6"
STATUS_TEXT = {
    "gewijzigd": "Deze sectie is gewijzigd.",
    "nieuw": "Deze sectie is nieuw.",
    "vervallen": "Deze sectie is vervallen.",
    "ongewijzigd": "Deze sectie is niet gewijzigd.",
}


def _e(text: object) -> str:
    return escape(str(text)).replace("\n", "<br>")


def hint(text: str) -> str:
    """A muted, centred message for an empty pane."""
    return f"<p style='color:{MUTED}; margin-top:24px' align='center'>{_e(text)}</p>"


def _sentences(sentences: Sequence[str], style: str, mark: str) -> str:
    return "".join(
        f"<p style='margin:4px 0'><span style='{style}'>{mark} {_e(s)}</span></p>"
        for s in sentences
    )


def section_diff_html(diff: SectionDiff) -> str:
    """One section's comparison: removed sentences struck through in red, new ones green."""
    html = (
        f"<h3 style='margin-bottom:2px'>{_e(diff.titel)}</h3>"
        f"<p style='color:{MUTED}; margin-top:0'>{_e(STATUS_TEXT.get(diff.status, diff.status))}"
        "</p>"
    )
    if diff.removed:
        html += f"<p style='margin:10px 0 2px 0'><b>Vervallen ({len(diff.removed)})</b></p>"
        html += _sentences(diff.removed, REMOVED_STYLE, "−")
    if diff.added:
        html += f"<p style='margin:10px 0 2px 0'><b>Nieuw ({len(diff.added)})</b></p>"
        html += _sentences(diff.added, ADDED_STYLE, "+")
    if not diff.removed and not diff.added:
        html += hint("Geen verschillen in deze sectie.")
    return html


def text_diff_html(lines: Sequence[str]) -> str:
    """A unified diff of two rendered letters: removed lines red and struck, new ones green."""
    if not lines:
        return hint("Geen verschillen.")
    parts: list[str] = []
    for line in lines:
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            parts.append(f"<p style='color:{MUTED}; margin:10px 0 2px 0'>…</p>")
        elif line.startswith("-"):
            parts.append(
                f"<p style='margin:1px 0'><span style='{REMOVED_STYLE}'>{_e(line[1:])}</span></p>"
            )
        elif line.startswith("+"):
            parts.append(
                f"<p style='margin:1px 0'><span style='{ADDED_STYLE}'>{_e(line[1:])}</span></p>"
            )
        else:
            parts.append(f"<p style='margin:1px 0; color:{MUTED}'>{_e(line[1:])}</p>")
    return "".join(parts)


def report_summary_html(report: ChangeReport) -> str:
    """The counts per group of a change report, as a compact two-column table."""
    rows = "".join(
        f"<tr><td style='padding:1px 16px 1px 0'>{_e(title)}</td>"
        f"<td align='right' style='padding:1px 0'><b>{len(items)}</b></td></tr>"
        for title, items in report.groups()
    )
    return f"<table cellspacing='0'>{rows}</table>"


def since_html(label: str | None, report: ChangeReport | None) -> str:
    """The start page's "Sinds de vorige brief": which letter, up to when, and the counts."""
    if label is None or report is None:
        return hint("Er is nog geen verzonden of definitieve brief om mee te vergelijken.")
    intro = (
        f"<p style='margin:0 0 6px 0'>Na <b>{_e(label)}</b> tot en met "
        f"{_e(long_date(report.until))}:</p>"
    )
    if report.empty:
        return intro + f"<p style='color:{MUTED}'>Niets veranderd in het register.</p>"
    return intro + report_summary_html(report)
