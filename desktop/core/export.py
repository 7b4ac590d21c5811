"""Export: a letter from the registry (or a Markdown file) to .docx, annexes and PDF."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.docx.letterhead import Letterhead, emblem_stream, read_letterhead_file
from desktop.core.docx.package import write_docx
from desktop.core.docx.save import atomic_write, convert_to_pdf
from desktop.core.docx.writer import build_annex_document, build_document, split_annex
from desktop.core.drafting.frontmatter import compose_markdown
from desktop.core.drafting.model import LetterDocument
from desktop.core.errors import FileProblem
from desktop.core.memory import without_cycle_collection

if TYPE_CHECKING:
    from sqlalchemy import Connection as Database

    from desktop.core.domain.models import Letter
    from desktop.core.drafting.templates import TemplateLibrary


@dataclass(slots=True)
class ExportResult:
    """What an export wrote."""

    docx: Path
    annexes: list[Path] = field(default_factory=list)
    pdf: Path | None = None
    footnotes: int = 0
    version: int | None = None
    #: what the letter leaves out or shows other than written (Dutch, for the user)
    notices: list[str] = field(default_factory=list)


def slug(text: str) -> str:
    """A safe file name part: ``IMVO-convenant Sierteeltsector`` → ``imvo-convenant-sierteeltsector``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80] or "bijlage"


def write_letter(
    document: LetterDocument,
    target: Path,
    *,
    emblem: Path | None,
    annexes_dir: Path | None = None,
    pdf: bool = False,
    letterhead: Letterhead | None = None,
) -> ExportResult:
    """Write a composed letter to ``target`` (atomically), plus optional annexes and PDF."""
    if target.suffix.lower() != ".docx":
        raise FileProblem(f"{target.name}: kies een bestandsnaam die eindigt op .docx.")
    word = build_document(document, emblem=emblem, letterhead=letterhead)
    if letterhead is not None and not letterhead.is_template:
        emblem_bytes = emblem_stream(letterhead)
    else:
        emblem_bytes = None
    result = ExportResult(
        docx=atomic_write(target, partial(write_docx, word)),
        footnotes=document.footnote_count(),
        notices=list(document.notices),
    )
    if annexes_dir is not None:
        annexes_dir.mkdir(parents=True, exist_ok=True)
        prefix = slug(document.meta.kenmerk or target.stem)
        for annex in document.annexes:
            for number, part in enumerate(split_annex(annex), start=1):
                annex_doc = build_annex_document(document, part, emblem=emblem_bytes or emblem)
                path = annexes_dir / f"{prefix}-bijlage-{number:02d}-{slug(part.title)}.docx"
                result.annexes.append(atomic_write(path, partial(write_docx, annex_doc)))
    if pdf:
        result.pdf = convert_to_pdf(result.docx, result.docx.with_suffix(".pdf"))
    return result


def stored_letterhead(db: Database) -> Letterhead | None:
    """The team's letterhead from the registry (None when none is set)."""
    from desktop.core.store import letterhead as letterhead_store

    stored = letterhead_store.get(db)
    if stored is None:
        return None
    return Letterhead(stored.soort, stored.bestandsnaam, stored.inhoud)


def set_letterhead(db: Database, path: Path) -> Letterhead:
    """``letterhead set``: check a template or emblem file and store it for the team.

    Raises:
        InvalidInput: a file that is no usable template or image; nothing is stored.
    """
    from desktop.core.store import letterhead as letterhead_store
    from desktop.core.store.rows import transaction

    checked = read_letterhead_file(path)
    with transaction(db):
        letterhead_store.put(db, checked.soort, checked.bestandsnaam, checked.inhoud)
    return checked


def clear_letterhead(db: Database) -> bool:
    """``letterhead clear``: remove the team's letterhead; True when one was set."""
    from desktop.core.store import letterhead as letterhead_store
    from desktop.core.store.rows import transaction

    with transaction(db):
        return letterhead_store.clear(db)


def compose_registry_letter(
    db: Database,
    letter: Letter,
    library: TemplateLibrary,
    appendix: Callable[[str], str] | None = None,
) -> tuple[str, LetterDocument]:
    """A registry letter through its template: its Markdown and its letter model."""
    from desktop.core.drafting.compose import letter_meta, render_letter_markdown
    from desktop.core.drafting.markdown import parse_markdown
    from desktop.core.store import settings

    markdown = render_letter_markdown(db, letter, library)
    if appendix is not None:
        markdown = markdown.rstrip("\n") + "\n\n" + appendix(markdown)
    parsed = parse_markdown(markdown)
    meta = letter_meta(letter, settings.get_sender(db), len(parsed.annexes))
    return markdown, LetterDocument(meta=meta, body=parsed.body, annexes=parsed.annexes)


def export_letter(
    db: Database,
    letter: Letter,
    library: TemplateLibrary,
    target: Path,
    *,
    emblem: Path | None,
    annexes_dir: Path | None = None,
    pdf: bool = False,
    appendix: Callable[[str], str] | None = None,
    letterhead: Letterhead | Path | None = None,
) -> ExportResult:
    """Compose a registry letter through its template, write it, and store a version.

    ``appendix``, given the letter's Markdown, returns Markdown to add at the end (such
    as the afdoeningstabel as one more bijlage); it is part of the stored version.
    ``letterhead`` (a checked letterhead or a file for this export only) overrides the
    team's letterhead stored in the registry.
    """
    from desktop.core.store.rows import transaction
    from desktop.core.store.versions import record_version

    if isinstance(letterhead, Path):
        letterhead = read_letterhead_file(letterhead)
    elif letterhead is None:
        letterhead = stored_letterhead(db)
    with without_cycle_collection():
        markdown, document = compose_registry_letter(db, letter, library, appendix)
        result = write_letter(
            document, target, emblem=emblem, annexes_dir=annexes_dir, pdf=pdf, letterhead=letterhead
        )
    if letter.id is not None:
        with transaction(db):
            result.version = record_version(db, letter, markdown, result.docx)
    return result


def render_markdown_file(source: Path, target: Path, *, emblem: Path | None) -> ExportResult:
    """``voortgang render``: a Markdown file (with optional YAML front matter) to .docx."""
    with without_cycle_collection():
        return write_letter(compose_markdown(_read_markdown(source)), target, emblem=emblem)


def _read_markdown(source: Path) -> str:
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise FileProblem.reading(source.name, error) from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise FileProblem(
            f"{source.name} is geen UTF-8-tekst (regel {line}, byte {error.start}). "
            "Sla het bestand op als UTF-8."
        ) from error
    if not text.strip():
        raise FileProblem(f"{source.name} is leeg; er is geen brief gemaakt.")
    return text
