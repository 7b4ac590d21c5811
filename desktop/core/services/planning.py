"""Letter-cycle work the windows run on the worker thread (no Qt here).

Each function takes the open :class:`~desktop.core.store.Store` first and calls the
planning core (``desktop.core.planning``); the results are plain dataclasses the
views show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.domain.dutch import format_date
from desktop.core.domain.models import Letter
from desktop.core.errors import InvalidInput
from desktop.core.planning.carry_forward import new_letter_from
from desktop.core.planning.changes import (
    ChangeReport,
    SectionDiff,
    changes_between,
    letter_sections,
    previous_letter,
    report_document,
    section_diffs,
)
from desktop.core.planning.due import DueItem, due_items
from desktop.core.planning.versions import (
    TrackedChanges,
    VersionComparison,
    VersionInfo,
    compare_versions,
    list_versions,
)
from desktop.core.store import Store, letters

if TYPE_CHECKING:
    from desktop.core.drafting.templates import TemplateLibrary

SENT_STATUSES = ("definitief", "verzonden")


def letter_label(letter: Letter) -> str:
    """``Min-BuZa.2020.396 (21 februari 2020)``, or ``brief van 28 oktober 2019``."""
    when = format_date(letter.datum) if letter.datum else "zonder datum"
    if letter.kenmerk:
        return f"{letter.kenmerk} ({when})"
    return f"brief van {when}" if letter.datum else f"brief {letter.id}"


# -- what is due ----------------------------------------------------------------------------


def due(
    store: Store,
    before: dt.date | None = None,
    today: dt.date | None = None,
    *,
    undated: bool = False,
) -> list[DueItem]:
    """Open motions and commitments due up to ``before`` (default: 90 days ahead), and EU
    dates from today on; overdue ones first (whatever ``before`` is); with ``undated`` also
    what is open without a date, last."""
    return due_items(store.db, before=before, today=today, undated=undated)


@dataclass(frozen=True)
class SinceLastLetter:
    """The start page's summary: what changed since the last sent or definitive letter."""

    letter: Letter | None
    report: ChangeReport | None


def latest_sent_letter(candidates: list[Letter], today: dt.date) -> Letter | None:
    """The newest letter that went out (definitief or verzonden), dated up to today."""
    sent = [
        item
        for item in candidates
        if item.status in SENT_STATUSES and item.datum is not None and item.datum <= today
    ]
    return max(sent, key=lambda item: (item.datum or dt.date.min, item.id or 0), default=None)


def since_last_letter(store: Store, today: dt.date) -> SinceLastLetter:
    """Changes in the registry after the last letter that went out, up to today."""
    letter = latest_sent_letter(letters.list_letters(store.db), today)
    if letter is None or letter.datum is None:
        return SinceLastLetter(None, None)
    return SinceLastLetter(letter, changes_between(store.db, letter.datum, today))


# -- what changed ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangesRequest:
    """A letter and the letter it is compared with (None: the one before), or a period."""

    letter_id: int | None = None
    earlier_id: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True)
class ChangesResult:
    """The registry changes of a period and, between two letters, their texts."""

    report: ChangeReport
    diffs: list[SectionDiff] | None
    title: str
    note: str = ""
    older: Letter | None = None
    newer: Letter | None = None


def dated_letters(store: Store) -> list[Letter]:
    """Letters with a date, newest first (the ones a comparison can use)."""
    return [item for item in letters.list_letters(store.db) if item.datum is not None]


def _earlier_letter(store: Store, letter: Letter) -> tuple[Letter | None, str]:
    """The letter before this one: the previous one with sections, else any dated one."""
    found = previous_letter(store.db, letter)
    if found is not None:
        return found, ""
    older = [
        item
        for item in dated_letters(store)
        if item.id != letter.id and letter.datum and item.datum and item.datum < letter.datum
    ]
    if not older:
        return None, ""
    # The registry knows the date of the letter before, but not its text.
    fallback = older[0]
    return fallback, (
        f"De vorige brief, {letter_label(fallback)}, heeft geen tekst in het register; "
        "alleen de wijzigingen in het register worden vergeleken."
    )


def changes_for(store: Store, request: ChangesRequest, library: TemplateLibrary) -> ChangesResult:
    """What changed between two letters (in the registry and in their texts), or in a period.

    The texts are compared as the letters read: every section as its template renders
    it (the staff's text, the motion paragraphs and responses), and the introduction.

    Raises:
        InvalidInput: without a letter before the chosen one, or for a period that ends
            before it starts.
    """
    if request.letter_id is None:
        if request.since is None or request.until is None:
            raise InvalidInput("Kies een brief of een periode.")
        if request.until < request.since:
            raise InvalidInput("De periode eindigt vóór hij begint; kies de data opnieuw.")
        return ChangesResult(changes_between(store.db, request.since, request.until), None, "")
    letter = letters.get(store.db, request.letter_id)
    note = ""
    if request.earlier_id is None:
        earlier, note = _earlier_letter(store, letter)
    else:
        earlier = letters.get(store.db, request.earlier_id)
    if earlier is None or earlier.datum is None or letter.datum is None:
        raise InvalidInput(
            f"Er is geen eerdere brief dan {letter_label(letter)} om mee te vergelijken; "
            "kies een periode."
        )
    if earlier.id == letter.id:
        raise InvalidInput("Kies twee verschillende brieven.")
    older, newer = sorted((earlier, letter), key=lambda item: (item.datum, item.id or 0))
    assert older.datum is not None and newer.datum is not None
    diffs = (
        section_diffs(
            letter_sections(store.db, older, library), letter_sections(store.db, newer, library)
        )
        if older.sections and newer.sections
        else None
    )
    title = f"Wat is er veranderd tussen {letter_label(older)} en {letter_label(newer)}"
    report = changes_between(store.db, older.datum, newer.datum)
    return ChangesResult(report, diffs, title, note, older, newer)


def save_change_report(result: ChangesResult, target: Path) -> Path:
    """Write the change report as a Word file; returns the file written.

    Raises:
        FileProblem: when the file cannot be written (open in Word, read-only, no .docx).
    """
    from desktop.core.export import write_letter  # python-docx: only when saving

    document = report_document(result.report, result.diffs, result.title or None)
    return write_letter(document, target, emblem=None).docx


# -- the next letter and versions ------------------------------------------------------------


def create_next_letter(
    store: Store, previous_id: int, planned: dt.date, kenmerk: str | None
) -> Letter:
    """Draft the next letter from a previous one (one transaction); returns it as stored."""
    with store.transaction() as db:
        previous = letters.get(db, previous_id)
        letter = new_letter_from(db, previous, planned, kenmerk)
    assert letter.id is not None
    return letters.get(store.db, letter.id)


def letter_versions(store: Store, letter_id: int) -> list[VersionInfo]:
    """The stored versions of a letter, oldest first."""
    return list_versions(store.db, letter_id)


def write_tracked_changes(
    store: Store, letter_id: int, old: int, new: int, target: Path
) -> TrackedChanges:
    """Version ``new`` as a Word file with its differences from ``old`` as tracked changes."""
    from desktop.core.planning.versions import write_tracked_changes as write

    return write(store.db, letter_id, old, new, target)


def compare(store: Store, letter_id: int, old: int, new: int) -> VersionComparison:
    """Two versions of a letter compared."""
    return compare_versions(store.db, letter_id, old, new)
