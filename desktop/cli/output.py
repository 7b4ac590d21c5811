"""Output shapes of the command line (names and keys are stable: scripts rely on them)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from desktop.core.domain.models import Letter, Motion

# Progress on stderr only for files large enough to take noticeable time.
PROGRESS_MIN_BYTES = 5 * 1024 * 1024
PROGRESS_MIN_RECORDS = 2000
MEGABYTE = 1024 * 1024


def motion_json(motion: Motion) -> dict[str, Any]:
    """A motion as the JSON object the CLI prints."""
    ref = motion.kamerstuk
    return {
        "id": motion.id,
        "citation": motion.citation,
        "zaaknummer": motion.zaaknummer,
        "name": motion.name,
        "dossier": f"{ref.dossier:,}".replace(",", " ") if ref else None,
        "toevoeging": ref.toevoeging if ref else None,
        "nummer": (ref.nummer if ref.nummer is not None else ref.ondernummer) if ref else None,
        "dossier_titel": motion.dossier_titel,
        "indieners": motion.indieners,
        "voorgesteld": motion.voorgesteld.isoformat() if motion.voorgesteld else None,
        "onderwerp": motion.onderwerp,
        "verzoeken": motion.verzoeken,
        "status": motion.status,
        "status_datum": motion.status_datum.isoformat() if motion.status_datum else None,
        "uitslag": motion.uitslag,
        "deadline": motion.deadline.isoformat() if motion.deadline else None,
        "afgedaan_met": motion.afgedaan_met,
        "vervangt": motion.vervangt.letter_style() if motion.vervangt else None,
        "vervangen_door": motion.vervangen_door.letter_style() if motion.vervangen_door else None,
        "kamer_afgedaan": motion.kamer_afgedaan,
        "kamer_besluit": motion.kamer_besluit,
        "afwijkend_van_kamer": motion.afwijkend_van_kamer,
    }


def letter_json(letter: Letter) -> dict[str, Any]:
    """A letter as the JSON object the CLI prints."""
    return {
        "id": letter.id,
        "kenmerk": letter.kenmerk,
        "datum": letter.datum.isoformat() if letter.datum else None,
        "betreft": letter.betreft,
        "status": letter.status,
        "template": letter.template,
        "kamerstuk": letter.kamerstuk.letter_style() if letter.kamerstuk else None,
        "secties": len(letter.sections),
        "moties": len(letter.motions),
        "bijlagen": len(letter.convenant_ids),
    }


def section_diffs_json(diffs: Sequence[Any]) -> list[dict[str, Any]]:
    """Section comparisons (of two letters or two versions) as JSON objects."""
    return [
        {"titel": d.titel, "status": d.status, "vervallen": d.removed, "nieuw": d.added}
        for d in diffs
    ]


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain-text table with a header line and a rule."""
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def print_json(data: Any) -> None:
    """Indented JSON on stdout, with the Dutch characters as they are."""
    print(json.dumps(data, ensure_ascii=False, indent=2))


def notice(text: str) -> None:
    """A message for the user on stderr (``voortgang: ...``)."""
    print(f"voortgang: {text}", file=sys.stderr)


class ConsoleProgress:
    """A :class:`~desktop.core.services.progress.Progress` that prints a percentage on stderr.

    ``label: 42% (3 van 7 MB)`` (or ``(1200 van 3000)`` for ``records``), once per
    percent, and only when the work is large enough to take noticeable time.
    """

    def __init__(self, label: str, *, records: bool = False) -> None:
        self.label = label
        self.records = records
        self._shown = -1

    def report(self, done: int, total: int, text: str = "") -> None:
        """Print the percentage when it changed."""
        if total <= 0 or total < (PROGRESS_MIN_RECORDS if self.records else PROGRESS_MIN_BYTES):
            return
        percent = done * 100 // total
        if percent == self._shown:
            return
        self._shown = percent
        amount = (
            f"{done} van {total}"
            if self.records
            else f"{done / MEGABYTE:.0f} van {total / MEGABYTE:.0f} MB"
        )
        print(
            f"\r{self.label}: {percent}% ({amount})",
            end="\n" if done >= total else "",
            file=sys.stderr,
            flush=True,
        )

    def raise_if_cancelled(self) -> None:
        """The command line stops with Ctrl+C (KeyboardInterrupt), not through here."""
