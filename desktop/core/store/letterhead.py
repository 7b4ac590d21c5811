"""The ministry's letterhead (a Word template or an emblem image), stored in the registry."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.store.rows import current_user, now_text

LETTERHEAD_KINDS = ("sjabloon", "embleem")


@dataclass(frozen=True, slots=True)
class StoredLetterhead:
    """A letterhead file as stored: its kind, original file name and bytes."""

    soort: str
    bestandsnaam: str
    inhoud: bytes
    gewijzigd: str = ""
    wie: str = ""


def get(db: Database) -> StoredLetterhead | None:
    """The team's letterhead, or None when none is set."""
    row = db.execute(
        "SELECT soort, bestandsnaam, inhoud, gewijzigd, wie FROM letterhead WHERE id = 1"
    ).fetchone()
    if row is None:
        return None
    return StoredLetterhead(row[0], row[1], bytes(row[2]), row[3], row[4])


def put(db: Database, soort: str, bestandsnaam: str, inhoud: bytes) -> None:
    """Store (replace) the letterhead; the caller checked the file first."""
    db.execute(
        "INSERT OR REPLACE INTO letterhead (id, soort, bestandsnaam, inhoud, gewijzigd, wie) "
        "VALUES (1, ?, ?, ?, ?, ?)",
        (soort, bestandsnaam, inhoud, now_text(), current_user()),
    )


def clear(db: Database) -> bool:
    """Remove the letterhead; True when there was one."""
    return db.execute("DELETE FROM letterhead WHERE id = 1").rowcount > 0
