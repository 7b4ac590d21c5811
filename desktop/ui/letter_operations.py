"""The letter composer's units of database work, run on the worker thread (no Qt here).

Each function takes the open :class:`~desktop.core.store.Store` first; the composer hands
``lambda store: ...`` callables to the :class:`~desktop.ui.tasks.TaskManager`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import (
    Commitment,
    Convenant,
    Letter,
    Motion,
    SenderSettings,
)
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.errors import FileProblem, InvalidInput
from desktop.core.store import Store, commitments, convenanten, kamerstukken, letters, motions
from desktop.core.store import settings as sender_settings
from desktop.ui.letter_draft import new_letter
from desktop.ui.preview_html import letter_html

# Motions the citation picker shows for one search.
CITATION_LIMIT = 60


@dataclass(frozen=True)
class ComposerData:
    """What the composer needs besides the letter: the registry items it can choose."""

    letter: Letter
    motions: dict[int, Motion]
    commitments: dict[int, Commitment]
    convenanten: list[Convenant]
    templates: list[str]
    sender: SenderSettings


def composer_data(
    store: Store, letter_id: int | None, library: TemplateLibrary, today: dt.date
) -> ComposerData:
    """The letter (a blank one for ``None``) with the open motions, commitments and convenanten."""
    db = store.db
    sender = sender_settings.get_sender(db)
    letter = letters.get(db, letter_id) if letter_id is not None else new_letter(sender, today)
    return ComposerData(
        letter=letter,
        motions=motion_choices(store, letter),
        commitments=commitment_choices(store, letter),
        convenanten=convenanten.list_convenanten(db),
        templates=[info.name for info in library.names()],
        sender=sender,
    )


def motion_choices(store: Store, letter: Letter) -> dict[int, Motion]:
    """The open motions plus every motion the letter names (also settled ones)."""
    found = {m.id: m for m in motions.list_motions(store.db, status="open") if m.id is not None}
    for item in letter.motions:
        if item.motion_id not in found:
            found[item.motion_id] = motions.get(store.db, item.motion_id)
    return found


def commitment_choices(store: Store, letter: Letter) -> dict[int, Commitment]:
    """The open commitments plus every commitment the letter names."""
    found = {
        c.id: c for c in commitments.list_commitments(store.db, status="open") if c.id is not None
    }
    for item in letter.commitments:
        if item.commitment_id not in found:
            found[item.commitment_id] = commitments.get(store.db, item.commitment_id)
    return found


# -- preview ------------------------------------------------------------------------------------


def render_preview(store: Store, letter: Letter, library: TemplateLibrary) -> str:
    """The letter (as edited, not as stored) through its template, as preview HTML.

    Raises:
        TemplateProblem: when the template cannot be rendered (shown in the pane).
    """
    from desktop.core.drafting.compose import compose_letter

    return letter_html(compose_letter(store.db, letter, library))


# -- saving ---------------------------------------------------------------------------------------


def save_letter(store: Store, letter: Letter) -> Letter:
    """Store a new letter or save an edited one (refused when it changed elsewhere)."""
    with store.transaction() as db:
        if letter.id is None:
            letters.add(db, letter)
        else:
            letters.update(db, letter)
    assert letter.id is not None
    return letters.get(store.db, letter.id)


def overwrite_letter(store: Store, letter: Letter) -> Letter:
    """Save the user's version over a version saved elsewhere meanwhile ("Mijn versie bewaren")."""
    assert letter.id is not None
    with store.transaction() as db:
        letter.version = letters.get(db, letter.id).version
        letters.update(db, letter)
    return letters.get(store.db, letter.id)


def load_letter(store: Store, letter_id: int) -> Letter:
    """The letter as it is stored now ("Andere versie laden")."""
    return letters.get(store.db, letter_id)


def finalize_letter(store: Store, letter_id: int) -> Letter:
    """Make a concept definitief and settle its motions and commitments."""
    with store.transaction() as db:
        return letters.finalize(db, letter_id)


def reopen_letter(store: Store, letter_id: int) -> Letter:
    """Make a definitive letter a concept again; its settlements are withdrawn."""
    with store.transaction() as db:
        return letters.reopen(db, letter_id)


# -- export ---------------------------------------------------------------------------------------


class Control(Protocol):
    """A task's cancel flag and progress reporter (:class:`~desktop.ui.tasks.TaskControl`)."""

    def report(self, done: int, total: int, text: str = "") -> None: ...

    def raise_if_cancelled(self) -> None: ...


@dataclass(frozen=True)
class ExportOutcome:
    """What an export wrote, and why a PDF is missing when it is."""

    docx: Path
    pdf: Path | None
    version: int | None
    footnotes: int
    pdf_problem: str | None = None


def export_letter_file(
    store: Store,
    letter: Letter,
    library: TemplateLibrary,
    target: Path,
    *,
    emblem: Path | None,
    pdf: bool,
    control: Control,
) -> ExportOutcome:
    """Write the letter to ``target`` (.docx, a version stored), then the PDF if asked.

    A cancel (through ``control``) before the Word file is written writes nothing; a
    cancel after it skips the PDF.

    Raises:
        FileProblem: when the Word file cannot be written (locked, read-only, ...).
        TemplateProblem: when the template cannot be rendered.
    """
    from desktop.core.docx.save import convert_to_pdf
    from desktop.core.export import export_letter

    control.report(0, 0, "Word-bestand maken…")
    control.raise_if_cancelled()
    result = export_letter(store.db, letter, library, target, emblem=emblem, pdf=False)
    pdf_path: Path | None = None
    problem: str | None = None
    if pdf:
        control.raise_if_cancelled()
        control.report(0, 0, "PDF maken met LibreOffice…")
        try:
            pdf_path = convert_to_pdf(result.docx, result.docx.with_suffix(".pdf"))
        except FileProblem as error:
            problem = str(error)
    return ExportOutcome(result.docx, pdf_path, result.version, result.footnotes, problem)


# -- citations ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """A registry item the user can cite: what the list shows and what is inserted."""

    label: str
    text: str


def motion_citation(motion: Motion) -> str:
    """``de motie Van Laar (Kamerstuk 26 485, nr. 224)`` (with non-breaking spaces)."""
    if motion.kamerstuk is None:
        return f"{motion.name} ({motion.reference})"
    return f"{motion.name} ({motion.kamerstuk.letter_style(nbsp=True)})"


def citation_search(store: Store, text: str) -> list[Citation]:
    """Motions (searched in the store) and other Kamerstukken that match ``text``."""
    db = store.db
    found: list[Citation] = []
    try:
        matching = motions.list_motions(db, search=text or None, limit=CITATION_LIMIT)
    except InvalidInput:
        matching = []
    motion_refs = set()
    for motion in matching:
        if motion.kamerstuk is not None:
            motion_refs.add(motion.kamerstuk.key)
        subject = f" – {motion.onderwerp}" if motion.onderwerp else ""
        found.append(
            Citation(f"{motion.name} ({motion.citation}){subject}", motion_citation(motion))
        )
    words = text.casefold().split()
    refs = [ref for ref, _start, _end in KamerstukRef.find_all(text)]
    if refs:
        stukken = [k for ref in refs if (k := kamerstukken.find(db, ref)) is not None]
    else:
        stukken = [
            k
            for k in kamerstukken.list_all(db)
            if k.soort != "Motie"
            and all(w in f"{k.citation} {k.titel or ''}".casefold() for w in words)
        ]
    for stuk in stukken[:CITATION_LIMIT]:
        if stuk.ref.key in motion_refs:
            continue
        title = f" – {stuk.titel}" if stuk.titel else ""
        found.append(Citation(f"{stuk.citation}{title}", stuk.ref.letter_style(nbsp=True)))
    return found
