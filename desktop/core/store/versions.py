"""Stored letter versions: a snapshot of the letter and its rendered Markdown per export."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection as Database

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Letter, LetterCommitment, LetterMotion, LetterSection
from desktop.core.errors import NotFound
from desktop.core.store.rows import insert_row, lock_row, query, who_and_when


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
    # One number per export, also when two people export the same letter at once.
    lock_row(db, "letters", letter.id)
    wie, gemaakt = who_and_when(db)
    (row,) = query(
        db,
        "SELECT coalesce(max(nummer), 0) + 1 AS next FROM letter_versions WHERE letter_id = :id",
        {"id": letter.id},
    )
    number = int(row["next"])
    insert_row(
        db,
        "letter_versions",
        {
            "letter_id": letter.id,
            "nummer": number,
            "gemaakt": gemaakt,
            "wie": wie,
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
            "WHERE letter_id = :letter_id ORDER BY nummer",
            {"letter_id": letter_id},
        )
    ]


def get_version(db: Database, letter_id: int, number: int) -> tuple[Letter, str]:
    """A stored version: the letter as it was, and the Markdown it rendered to."""
    rows = query(
        db,
        "SELECT snapshot, markdown FROM letter_versions WHERE letter_id = :letter_id AND nummer = :number",
        {"letter_id": letter_id, "number": number},
    )
    if not rows:
        raise NotFound(f"Versie {number} van deze brief bestaat niet.")
    return _letter(rows[0]["snapshot"]), str(rows[0]["markdown"])
