"""Imports and the afdoeningstabel as units of work for the database thread (no Qt here).

Each function takes the open :class:`~desktop.core.store.Store` first; the import actions
hand ``lambda store: ...`` callables to the the interface's task runner.

Cancelling an open-data import uses its own ``stop`` flag, not the task's control: the
task must still report back, so the window can say truthfully whether the registry
changed (a cancel that arrives after the commit comes back as a finished import).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.domain.dutch import dutch_count
from desktop.core.services.progress import Progress
from desktop.core.store import Store, kamerstukken, letters, motions

if TYPE_CHECKING:
    # The importers and the report writer (python-docx, openpyxl, lxml) are imported
    # when first used, not when the main window starts.
    from desktop.core.importers.letter_import import LetterImport
    from desktop.core.importers.letter_refs import LetterReferences
    from desktop.core.importers.opendata_report import ImportReport

MEGABYTE = 1024 * 1024


class _Stopped(Exception):
    """Raised inside the core's progress callbacks to abandon the import (and roll back)."""


# -- open data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenDataOutcome:
    """What an open-data import did; ``report`` is None when it was cancelled (nothing stored)."""

    report: ImportReport | None

    @property
    def cancelled(self) -> bool:
        """True when the import stopped before anything was stored."""
        return self.report is None


def reading_text(done: int, total: int, files: int) -> str:
    """``Bestanden lezen (2)…``, with megabytes for large files."""
    text = "Bestand lezen…" if files == 1 else f"Bestanden lezen ({files})…"
    if total >= MEGABYTE:
        text += f" {done / MEGABYTE:.0f} van {total / MEGABYTE:.0f} MB"
    return text


def import_open_data_files(
    store: Store,
    files: Sequence[Path],
    reporter: Progress,
    stop: threading.Event | None = None,
    *,
    saving_reporter: Progress | None = None,
) -> OpenDataOutcome:
    """Import Tweede Kamer open-data files in one transaction; a set ``stop`` rolls back.

    Reading reports bytes read, saving reports records stored (to ``saving_reporter``
    when given, else to ``reporter`` too).

    Raises:
        UserError: from the core (unreadable files, no motions or commitments, a locked
            registry); the registry is unchanged.
    """

    stop = stop or threading.Event()
    saved_to = saving_reporter or reporter

    def check() -> None:
        if stop.is_set():
            raise _Stopped

    def reading(done: int, total: int) -> None:
        check()
        reporter.report(done, total, reading_text(done, total, len(files)))

    def saving(done: int, total: int) -> None:
        # The core calls this at least once, for the last record, inside its transaction:
        # a cancel seen here still rolls everything back.
        check()
        text = f"Opslaan in het register: {dutch_count(done)} van {dutch_count(total)}"
        saved_to.report(done, total, text)

    from desktop.core.importers.opendata import import_open_data

    if stop.is_set():
        return OpenDataOutcome(None)
    try:
        report = import_open_data(store, list(files), reading, saving=saving)
    except _Stopped:
        return OpenDataOutcome(None)
    return OpenDataOutcome(report)


def fetch_open_data(
    dossier: str, folder: Path, on_page: Callable[[int], None] | None = None
) -> list[Path]:
    """Download a dossier's motions and commitments from the Kamer's open-data service.

    Raises:
        FileProblem: without a connection, or when the service answers with an error.
    """
    from desktop.core.importers.opendata_fetch import dossier_url, download_pages

    return download_pages(dossier_url(dossier), folder, progress=on_page)


# -- earlier letters ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterReview:
    """What a letter refers to (nothing stored), and which of it the registry already has."""

    path: Path
    found: LetterReferences
    known_kamerstukken: frozenset[tuple[int, str, str]] = frozenset()
    known_motions: frozenset[tuple[int, str, str]] = frozenset()
    letter_known: bool = False

    @property
    def anything(self) -> bool:
        """True when recording the letter could add or link something."""
        found = self.found
        info = found.letter
        return bool(
            found.kamerstukken
            or found.motions
            or found.eu
            or info.kenmerk
            or info.kamerstuk
            or (info.datum and info.betreft)
        )


def read_letter_file(path: Path) -> LetterReferences:
    """What a letter (.docx, .md, .txt) refers to, without touching the registry.

    Raises:
        FileProblem: the file cannot be opened.
        SourcedInputError: the file is not a letter Voortgang can read.
    """
    from desktop.core.importers.letter_import import read_letter

    return read_letter(path)


def review_letter(store: Store, path: Path) -> LetterReview:
    """Read a letter (the dry run) and look up what the registry already holds.

    Raises:
        FileProblem: the file cannot be opened.
        SourcedInputError: the file is not a letter Voortgang can read.
    """
    from desktop.core.importers.letter_import import read_letter

    found = read_letter(path)
    db = store.db
    letter_known = bool(
        found.letter.kenmerk and letters.find_by_kenmerk(db, found.letter.kenmerk) is not None
    )
    return LetterReview(
        path=path,
        found=found,
        known_kamerstukken=frozenset(
            m.ref.key for m in found.kamerstukken if kamerstukken.find(db, m.ref) is not None
        ),
        known_motions=frozenset(
            m.ref.key for m in found.motions if motions.find(db, m.ref) is not None
        ),
        letter_known=letter_known,
    )


@dataclass(frozen=True)
class LinkedMotion:
    """A motion linked to the recorded letter, as the result names it."""

    name: str
    citation: str
    afdoen: bool


@dataclass(frozen=True)
class LetterRecorded:
    """What recording a letter did, with the motions the letter is linked to afterwards."""

    source: str
    result: LetterImport
    kenmerk: str | None = None
    linked: list[LinkedMotion] = field(default_factory=list)


def record_letter_file(store: Store, found: LetterReferences) -> LetterRecorded:
    """Add what the registry lacks and record the letter, in one transaction."""
    from desktop.core.importers.letter_import import record_letter

    with store.transaction() as db:
        result = record_letter(db, found)
    if result.letter_id is None:
        return LetterRecorded(found.source, result)
    letter = letters.get(store.db, result.letter_id)
    linked = []
    for item in letter.motions:
        motion = motions.get(store.db, item.motion_id)
        linked.append(LinkedMotion(motion.name, motion.reference, item.afdoen))
    return LetterRecorded(found.source, result, letter.kenmerk, linked)


# -- afdoeningstabel ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TableSaved:
    """Where the afdoeningstabel was written, and how many rows it has."""

    path: Path
    rows: int


def save_afdoeningstabel(store: Store, target: Path, status: str, file_format: str) -> TableSaved:
    """Write the afdoeningstabel (``status`` open/all, ``file_format`` xlsx/csv).

    Raises:
        FileProblem: the target is open in Excel or LibreOffice, read-only, or the disk is full.
    """
    from desktop.core.reports.afdoening import write_afdoeningstabel

    path, count = write_afdoeningstabel(store.db, target, status=status, file_format=file_format)
    return TableSaved(path, count)
