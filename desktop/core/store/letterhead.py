"""The ministry's letterhead (a Word template or an emblem image), stored in the registry."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection as Database

from desktop.core.store.rows import execute, query, upsert, who_and_when

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
    rows = query(
        db, "SELECT soort, bestandsnaam, inhoud, gewijzigd, wie FROM letterhead WHERE id = 1"
    )
    if not rows:
        return None
    row = rows[0]
    return StoredLetterhead(
        row["soort"], row["bestandsnaam"], bytes(row["inhoud"]), row["gewijzigd"], row["wie"]
    )


def put(db: Database, soort: str, bestandsnaam: str, inhoud: bytes) -> None:
    """Store (replace) the letterhead; the caller checked the file first."""
    wie, wanneer = who_and_when(db)
    record = {
        "id": 1,
        "soort": soort,
        "bestandsnaam": bestandsnaam,
        "inhoud": inhoud,
        "gewijzigd": wanneer,
        "wie": wie,
    }
    upsert(db, "letterhead", record, ("id",))


def clear(db: Database) -> bool:
    """Remove the letterhead; True when there was one."""
    return execute(db, "DELETE FROM letterhead WHERE id = 1").rowcount > 0
