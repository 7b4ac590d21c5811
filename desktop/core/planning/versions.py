"""Letter versions: a snapshot per export; any two can be compared."""

from __future__ import annotations

import datetime as dt
import difflib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Letter, LetterCommitment, LetterMotion, LetterSection
from desktop.core.errors import NotFound
from desktop.core.planning.changes import SectionDiff, section_diffs
from desktop.core.store.rows import current_user, insert_row, now_text, query


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One stored version of a letter."""

    nummer: int
    gemaakt: str
    wie: str
    bestand: str | None

    def as_json(self) -> dict[str, object]:
        """JSON shape for ``voortgang versions``."""
        return {
            "nummer": self.nummer,
            "gemaakt": self.gemaakt,
            "wie": self.wie,
            "bestand": self.bestand,
        }


def _snapshot(letter: Letter) -> str:
    data = asdict(letter)
    data["datum"] = letter.datum.isoformat() if letter.datum else None
    data["kamerstuk"] = letter.kamerstuk.letter_style() if letter.kamerstuk else None
    return json.dumps(data, ensure_ascii=False)


def _letter(snapshot: str) -> Letter:
    data: dict[str, Any] = json.loads(snapshot)
    data["datum"] = dt.date.fromisoformat(data["datum"]) if data.get("datum") else None
    data["kamerstuk"] = KamerstukRef.parse(data["kamerstuk"]) if data.get("kamerstuk") else None
    data["sections"] = [LetterSection(**s) for s in data.get("sections", [])]
    data["motions"] = [LetterMotion(**m) for m in data.get("motions", [])]
    data["commitments"] = [LetterCommitment(**c) for c in data.get("commitments", [])]
    return Letter(**data)


def record_version(db: Database, letter: Letter, markdown: str, target: Path | None) -> int:
    """Store a snapshot of the letter as exported; returns its version number."""
    if letter.id is None:
        raise NotFound("Alleen een opgeslagen brief heeft versies.")
    row = db.execute(
        "SELECT coalesce(max(nummer), 0) + 1 FROM letter_versions WHERE letter_id = ?", (letter.id,)
    ).fetchone()
    number = int(row[0])
    insert_row(
        db,
        "letter_versions",
        {
            "letter_id": letter.id,
            "nummer": number,
            "gemaakt": now_text(),
            "wie": current_user(),
            "bestand": str(target) if target else None,
            "snapshot": _snapshot(letter),
            "markdown": markdown,
        },
    )
    return number


def list_versions(db: Database, letter_id: int) -> list[VersionInfo]:
    """The versions of a letter, oldest first."""
    return [
        VersionInfo(row["nummer"], row["gemaakt"], row["wie"], row["bestand"])
        for row in query(
            db,
            "SELECT nummer, gemaakt, wie, bestand FROM letter_versions "
            "WHERE letter_id = ? ORDER BY nummer",
            (letter_id,),
        )
    ]


def get_version(db: Database, letter_id: int, number: int) -> tuple[Letter, str]:
    """A stored version: the letter as it was, and the Markdown it rendered to."""
    rows = query(
        db,
        "SELECT snapshot, markdown FROM letter_versions WHERE letter_id = ? AND nummer = ?",
        (letter_id, number),
    )
    if not rows:
        raise NotFound(f"Versie {number} van deze brief bestaat niet.")
    return _letter(rows[0]["snapshot"]), str(rows[0]["markdown"])


@dataclass(frozen=True, slots=True)
class VersionComparison:
    """Two versions compared: per section, and the rendered text as a unified diff."""

    old: int
    new: int
    sections: list[SectionDiff]
    text_diff: list[str]


def compare_versions(db: Database, letter_id: int, old: int, new: int) -> VersionComparison:
    """Compare two stored versions of a letter."""
    old_letter, old_text = get_version(db, letter_id, old)
    new_letter, new_text = get_version(db, letter_id, new)
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
    return VersionComparison(old, new, section_diffs(old_letter, new_letter), diff)


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
    path = atomic_write(target, documents[1].save)
    return TrackedChanges(path=path, changes=count, author=who)
