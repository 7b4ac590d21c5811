"""The status history: who changed which status when, from what to what."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from desktop.core.domain.models import StatusChange
from desktop.core.store.rows import current_user, now_text, query


def record(
    db: Database,
    entity: str,
    entity_id: int,
    veld: str,
    van: str | None,
    naar: str | None,
    toelichting: str | None = None,
) -> None:
    """Append one change to the history (inside the caller's transaction)."""
    db.table("status_history").insert(
        {
            "entity": entity,
            "entity_id": entity_id,
            "veld": veld,
            "van": van,
            "naar": naar,
            "wie": current_user(),
            "wanneer": now_text(),
            "toelichting": toelichting,
        }
    )


def for_entity(db: Database, entity: str, entity_id: int) -> list[StatusChange]:
    """The history of one record, oldest first."""
    rows = query(
        db,
        "SELECT * FROM status_history WHERE entity = ? AND entity_id = ? ORDER BY id",
        (entity, entity_id),
    )
    return _changes(rows)


def status_changes_between(db: Database, since: dt.date, until: dt.date) -> list[StatusChange]:
    """Changes of a status (not its first setting) after ``since`` up to ``until``, in order."""
    rows = query(
        db,
        "SELECT * FROM status_history WHERE veld = 'status' AND van IS NOT NULL "
        "AND substr(wanneer, 1, 10) > ? AND substr(wanneer, 1, 10) <= ? ORDER BY id",
        (since.isoformat(), until.isoformat()),
    )
    return _changes(rows)


def _changes(rows: list[dict[str, Any]]) -> list[StatusChange]:
    return [
        StatusChange(
            entity=row["entity"],
            entity_id=row["entity_id"],
            veld=row["veld"],
            van=row["van"],
            naar=row["naar"],
            wie=row["wie"],
            wanneer=row["wanneer"],
            toelichting=row["toelichting"],
        )
        for row in rows
    ]
