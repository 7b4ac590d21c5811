"""Letter versions: a snapshot per export (kept in the store); any two can be compared."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection as Database

from desktop.core.planning.changes import SectionDiff, rendered_sections, section_diffs
from desktop.core.store.versions import VersionInfo, get_version, list_versions, record_version

__all__ = [
    "TrackedChanges",
    "VersionComparison",
    "VersionInfo",
    "compare_versions",
    "get_version",
    "list_versions",
    "record_version",
    "write_tracked_changes",
]


@dataclass(frozen=True, slots=True)
class VersionComparison:
    """Two versions compared: per section, and the rendered text as a unified diff."""

    old: int
    new: int
    sections: list[SectionDiff]
    text_diff: list[str]


def compare_versions(db: Database, letter_id: int, old: int, new: int) -> VersionComparison:
    """Compare two stored versions of a letter."""
    _, old_text = get_version(db, letter_id, old)
    _, new_text = get_version(db, letter_id, new)
    diff = list(
        difflib.unified_diff(
            old_text.splitlines(),
            new_text.splitlines(),
            fromfile=f"versie {old}",
            tofile=f"versie {new}",
            lineterm="",
            n=1,
        )
    )
    sections = section_diffs(rendered_sections(old_text), rendered_sections(new_text))
    return VersionComparison(old, new, sections, diff)


@dataclass(frozen=True, slots=True)
class TrackedChanges:
    """What ``versions --compare OUD NIEUW -o X.docx`` wrote."""

    path: Path
    changes: int
    author: str


def write_tracked_changes(
    db: Database, letter_id: int, old: int, new: int, target: Path, *, author: str | None = None
) -> TrackedChanges:
    """Write version ``new`` as .docx with the differences from ``old`` as tracked changes.

    The author of the changes is whoever made the newer version; the date its time.
    """
    from desktop.core.docx.package import write_docx
    from desktop.core.docx.save import atomic_write
    from desktop.core.docx.tracked import mark_changes
    from desktop.core.docx.writer import build_document
    from desktop.core.drafting.compose import letter_meta
    from desktop.core.drafting.markdown import parse_markdown
    from desktop.core.drafting.model import LetterDocument
    from desktop.core.errors import FileProblem
    from desktop.core.export import stored_letterhead
    from desktop.core.store import settings

    if target.suffix.lower() != ".docx":
        raise FileProblem(f"{target.name}: kies een bestandsnaam die eindigt op .docx.")
    versions = {v.nummer: v for v in list_versions(db, letter_id)}
    sender = settings.get_sender(db)
    letterhead = stored_letterhead(db)
    documents = []
    for number in (old, new):
        letter, markdown = get_version(db, letter_id, number)
        parsed = parse_markdown(markdown)
        meta = letter_meta(letter, sender, len(parsed.annexes))
        documents.append(
            build_document(
                LetterDocument(meta=meta, body=parsed.body, annexes=parsed.annexes),
                letterhead=letterhead,
            )
        )
    made = versions[new]
    who = author or made.wie
    try:
        when = dt.datetime.fromisoformat(made.gemaakt)
    except ValueError:
        when = dt.datetime.now()
    count = mark_changes(documents[0], documents[1], author=who, date=when)
    path = atomic_write(target, lambda stream: write_docx(documents[1], stream))
    return TrackedChanges(path=path, changes=count, author=who)
