"""The letter composer's units of database work, run on the worker thread (no Qt here).

Each function takes the open :class:`~desktop.core.store.Store` first; the composer hands
``lambda store: ...`` callables to the the interface's task runner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import (
    Commitment,
    Convenant,
    Letter,
    LetterCommitment,
    LetterMotion,
    Motion,
    SenderSettings,
)
from desktop.core.drafting.citations import (
    CitationTarget,
    RegistryCitations,
    refresh_citations,
)
from desktop.core.drafting.citations import motion_citation as _motion_citation
from desktop.core.drafting.model import LetterDocument
from desktop.core.errors import FileProblem, InvalidInput
from desktop.core.services.drafts import new_letter
from desktop.core.services.progress import NoProgress, Progress
from desktop.core.store import Store, commitments, convenanten, kamerstukken, letters, motions
from desktop.core.store import settings as sender_settings

if TYPE_CHECKING:
    # jinja2 loads when a letter is drafted, not when the main window starts.
    from sqlalchemy import Connection as Database

    from desktop.core.drafting.templates import TemplateLibrary
    from desktop.core.importers.letter_word import WordUpdate

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
    refresh_letter_citations(store, letter)
    return ComposerData(
        letter=letter,
        motions=motion_choices(store, letter),
        commitments=commitment_choices(store, letter),
        convenanten=convenanten.list_convenanten(db),
        templates=[info.name for info in library.names()],
        sender=sender,
    )


def refresh_letter_citations(store: Store, letter: Letter) -> None:
    """Show each citation in the letter with the text the registry gives it now.

    The citations stay linked; only their fallback text (shown in the composer, kept for
    an item that leaves the registry) changes, for instance once a motion has a number.
    """
    house_style = RegistryCitations(store.db)
    letter.inleiding = refresh_citations(letter.inleiding, house_style)
    letter.slot = refresh_citations(letter.slot, house_style)
    for section in letter.sections:
        section.tekst = refresh_citations(section.tekst, house_style)
    items: list[LetterMotion | LetterCommitment] = [*letter.motions, *letter.commitments]
    for item in items:
        item.response = refresh_citations(item.response, house_style)


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


def preview_document(store: Store, letter: Letter, library: TemplateLibrary) -> LetterDocument:
    """The letter (as edited, not as stored) through its template: what the Word file will hold.

    Raises:
        TemplateProblem: when the template cannot be rendered (shown in the pane).
    """
    from desktop.core.drafting.compose import compose_letter

    return compose_letter(store.db, letter, library)


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


def resolve_letter(store: Store, letter: int | str) -> Letter:
    """A letter by id, or as typed: its kenmerk or id.

    Raises:
        NotFound: no such letter.
    """
    return (
        letters.get(store.db, letter)
        if isinstance(letter, int)
        else letters.resolve(store.db, letter)
    )


def _letter_id(db: Database, letter: int | str) -> int:
    found = letter if isinstance(letter, int) else letters.resolve(db, letter).id
    assert found is not None
    return found


def finalize_letter(store: Store, letter: int | str, datum: dt.date | None = None) -> Letter:
    """Make a concept definitief and settle its motions and commitments.

    ``datum`` sets the letter's date when given. ``letter`` is its id, kenmerk or id as typed.
    """
    with store.transaction() as db:
        return letters.finalize(db, _letter_id(db, letter), datum)


def restore_letter_status(store: Store, letter_id: int, status: str) -> Letter:
    """Put a letter back in the status it had (undo of finalising or of reopening).

    ``concept`` reopens it (its settlements withdrawn); ``definitief`` finalises it again;
    ``verzonden`` finalises it and marks it sent, as it was before "Terug naar concept".
    """
    with store.transaction() as db:
        current = letters.get(db, letter_id)
        if status == current.status:
            return current
        if status == "concept":
            return letters.reopen(db, letter_id)
        if current.status == "concept":
            letters.finalize(db, letter_id)
        if status == "verzonden":
            letters.mark_sent(db, letter_id)
        return letters.get(db, letter_id)


def reopen_letter(store: Store, letter: int | str) -> Letter:
    """Make a definitive letter a concept again; its settlements are withdrawn."""
    with store.transaction() as db:
        return letters.reopen(db, _letter_id(db, letter))


# -- export ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportRequest:
    """Everything one export of a letter needs besides the registry.

    ``letter`` is the letter as it should be written (the composer's unsaved edits
    included); ``afdoeningstabel`` adds the afdoeningstabel as one more bijlage (the
    letter's own motions and commitments, or everything still open when it has none);
    ``annexes_dir`` also writes every bijlage as a file of its own there; ``letterhead``
    (a Word template or an emblem image) is used for this export instead of the team's.
    """

    letter: Letter
    target: Path
    library: TemplateLibrary
    emblem: Path | None = None
    pdf: bool = False
    annexes_dir: Path | None = None
    afdoeningstabel: bool = False
    letterhead: Path | None = None


@dataclass(frozen=True)
class ExportOutcome:
    """What an export wrote, and why a PDF is missing when it is."""

    docx: Path
    pdf: Path | None
    version: int | None
    footnotes: int
    annexes: list[Path] = field(default_factory=list)
    pdf_problem: str | None = None


def _appendix(store: Store, letter: Letter) -> Callable[[str], str]:
    import functools

    from desktop.core.reports.afdoening import afdoening_rows, annex_markdown, letter_rows

    rows = letter_rows(store.db, letter) or afdoening_rows(store.db, "open")
    return functools.partial(annex_markdown, rows)


def export_letter(
    store: Store, request: ExportRequest, progress: Progress | None = None
) -> ExportOutcome:
    """Write the letter to ``request.target`` (.docx, a version stored), then the PDF if asked.

    A cancel (through ``progress``) before the Word file is written writes nothing; a
    cancel after it skips the PDF. A PDF that LibreOffice cannot make is reported in
    ``pdf_problem``; the Word file stands.

    Raises:
        FileProblem: when the Word file cannot be written (locked, read-only, ...).
        TemplateProblem: when the template cannot be rendered.
    """
    from desktop.core.docx.save import convert_to_pdf
    from desktop.core.export import export_letter as write_registry_letter

    progress = progress or NoProgress()
    progress.report(0, 0, "Word-bestand maken…")
    progress.raise_if_cancelled()
    result = write_registry_letter(
        store.db,
        request.letter,
        request.library,
        request.target,
        emblem=request.emblem,
        annexes_dir=request.annexes_dir,
        pdf=False,
        appendix=_appendix(store, request.letter) if request.afdoeningstabel else None,
        letterhead=request.letterhead,
    )
    pdf_path: Path | None = None
    problem: str | None = None
    if request.pdf:
        progress.raise_if_cancelled()
        progress.report(0, 0, "PDF maken met LibreOffice…")
        try:
            pdf_path = convert_to_pdf(result.docx, result.docx.with_suffix(".pdf"))
        except FileProblem as error:
            problem = str(error)
    return ExportOutcome(
        result.docx, pdf_path, result.version, result.footnotes, list(result.annexes), problem
    )


# -- the ministry's letterhead -------------------------------------------------------------------


def set_letterhead(store: Store, path: Path) -> str:
    """Check a Word template (.dotx/.docx) or emblem image and store it for the team.

    Returns a description of what is now set.

    Raises:
        InvalidInput: not a usable template or image (nothing is stored).
    """
    from desktop.core.docx.letterhead import describe
    from desktop.core.export import set_letterhead as store_letterhead

    return describe(store_letterhead(store.db, path))


def clear_letterhead(store: Store) -> bool:
    """Remove the team's letterhead; True when one was set."""
    from desktop.core.export import clear_letterhead as remove

    return remove(store.db)


def letterhead_description(store: Store) -> str:
    """What letterhead the exports use now, in words."""
    from desktop.core.docx.letterhead import describe
    from desktop.core.export import stored_letterhead

    return describe(stored_letterhead(store.db))


# -- the final letter back from Word ------------------------------------------------------------


def update_from_word(
    store: Store, path: Path, library: TemplateLibrary, *, dry_run: bool
) -> WordUpdate:
    """Read the signed Word letter back into its registered letter, as a new version.

    With ``dry_run`` nothing is stored (the per-section changes are shown); otherwise it
    is one transaction.

    Raises:
        UserError: the file matches no registered letter or two, or its sections cannot
            be found.
    """
    from desktop.core.importers.letter_word_update import update_letter_from_word

    if dry_run:
        return update_letter_from_word(store.db, path, library, dry_run=True)
    with store.transaction() as db:
        return update_letter_from_word(db, path, library, dry_run=False)


def find_libreoffice() -> str | None:
    """The LibreOffice program that makes PDFs, or None when it is not installed."""
    from desktop.core.docx.save import find_libreoffice as find

    return find()


def file_name(text: str) -> str:
    """A file name (without extension) from a kenmerk or subject."""
    from desktop.core.export import slug

    return slug(text)


# -- citations ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """A registry item the user can cite: what the list shows, its text and its identity.

    ``target`` is the link the composer stores (``motie:12``): the letter stays linked to
    the item and always says what the registry says of it.
    """

    label: str
    text: str
    target: str


def motion_citation(motion: Motion) -> str:
    """``de motie Van Laar (Kamerstuk 26 485, nr. 224)`` (with non-breaking spaces)."""
    return _motion_citation(motion)


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
        if motion.id is None:
            continue
        found.append(
            Citation(
                f"{motion.name} ({motion.citation or motion.number_label()}){subject}",
                motion_citation(motion),
                CitationTarget.motion(motion.id).href,
            )
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
        found.append(
            Citation(
                f"{stuk.citation}{title}",
                stuk.ref.letter_style(nbsp=True),
                CitationTarget.kamerstuk(stuk.ref).href,
            )
        )
    return found
