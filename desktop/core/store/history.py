"""The status history: who changed which status when, from what to what."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection as Database

from desktop.core.domain.models import StatusChange
from desktop.core.store.rows import insert_row, insert_rows, query, who_and_when


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
    wie, wanneer = who_and_when(db)
    insert_row(
        db,
        "status_history",
        {
            "entity": entity,
            "entity_id": entity_id,
            "veld": veld,
            "van": van,
            "naar": naar,
            "wie": wie,
            "wanneer": wanneer,
            "toelichting": toelichting,
        },
    )


def record_many(
    db: Database, changes: list[tuple[str, int, str, str | None, str | None, str | None]]
) -> None:
    """Append changes ``(entity, entity_id, veld, van, naar, toelichting)``, in order, at once."""
    if not changes:
        return
    wie, wanneer = who_and_when(db)
    insert_rows(
        db,
        "status_history",
        [
            {
                "entity": entity,
                "entity_id": entity_id,
                "veld": veld,
                "van": van,
                "naar": naar,
                "wie": wie,
                "wanneer": wanneer,
                "toelichting": toelichting,
            }
            for entity, entity_id, veld, van, naar, toelichting in changes
        ],
    )


def for_entity(db: Database, entity: str, entity_id: int) -> list[StatusChange]:
    """The history of one record, oldest first."""
    rows = query(
        db,
        "SELECT * FROM status_history WHERE entity = :entity AND entity_id = :id ORDER BY id",
        {"entity": entity, "id": entity_id},
    )
    return _changes(rows)


def status_changes_between(db: Database, since: dt.date, until: dt.date) -> list[StatusChange]:
    """Changes of a status (not its first setting) after ``since`` up to ``until``, in order."""
    rows = query(
        db,
        "SELECT * FROM status_history WHERE veld = 'status' AND van IS NOT NULL "
        "AND substr(wanneer, 1, 10) > :since AND substr(wanneer, 1, 10) <= :until ORDER BY id",
        {"since": since.isoformat(), "until": until.isoformat()},
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
