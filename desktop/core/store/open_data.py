"""Links between registry records and the Tweede Kamer's open data (``open_data_links``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection as Database

from desktop.core.store.rows import execute, insert_rows, now_text, one_of, query, update_rows


@dataclass(slots=True)
class OpenDataLink:
    """Which motion or commitment a Kamer record (Zaak or Toezegging GUID) became.

    ``status`` is the Kamer's own ``Toezegging.Status`` as last imported; ``gewijzigd_op``
    the newest ``GewijzigdOp`` seen (UTC text, comparable as text).
    """

    tk_id: str
    entity: str
    entity_id: int
    nummer: str | None = None
    gewijzigd_op: str | None = None
    status: str | None = None


def _from_row(row: dict[str, Any]) -> OpenDataLink:
    return OpenDataLink(
        tk_id=row["tk_id"],
        entity=row["entity"],
        entity_id=row["entity_id"],
        nummer=row["nummer"],
        gewijzigd_op=row["gewijzigd_op"],
        status=row["status"],
    )


def get(db: Database, tk_id: str) -> OpenDataLink | None:
    """The link of a Kamer record, if it was imported before."""
    rows = query(db, "SELECT * FROM open_data_links WHERE tk_id = :id", {"id": tk_id})
    return _from_row(rows[0]) if rows else None


def of_record(db: Database, entity: str, entity_id: int) -> OpenDataLink | None:
    """The link of a registry record (``motion`` or ``commitment``), if any."""
    rows = query(
        db,
        "SELECT * FROM open_data_links WHERE entity = :entity AND entity_id = :id",
        {"entity": entity, "id": entity_id},
    )
    return _from_row(rows[0]) if rows else None


def save(db: Database, link: OpenDataLink) -> None:
    """Create or replace a link (inside the caller's transaction)."""
    execute(
        db,
        "DELETE FROM open_data_links WHERE tk_id = :tk_id OR (entity = :entity AND entity_id = :id)",
        {"tk_id": link.tk_id, "entity": link.entity, "id": link.entity_id},
    )
    insert_rows(
        db,
        "open_data_links",
        [
            {
                "tk_id": link.tk_id,
                "entity": link.entity,
                "entity_id": link.entity_id,
                "nummer": link.nummer,
                "gewijzigd_op": link.gewijzigd_op,
                "status": link.status,
                "geimporteerd": now_text(),
            }
        ],
    )


def all_links(db: Database, entity: str) -> dict[int, OpenDataLink]:
    """Every link of one kind of record, by record id."""
    rows = query(db, "SELECT * FROM open_data_links WHERE entity = :entity", {"entity": entity})
    return {row["entity_id"]: _from_row(row) for row in rows}


# Expanding IN lists bind one parameter per value: well below SQLite's variable limit.
_CHUNK = 2000


def get_many(db: Database, tk_ids: list[str]) -> dict[str, OpenDataLink]:
    """The links of these Kamer records (those imported before), by GUID."""
    found: dict[str, OpenDataLink] = {}
    wanted = sorted(set(tk_ids))
    for start in range(0, len(wanted), _CHUNK):
        rows = query(
            db,
            f"SELECT * FROM open_data_links WHERE {one_of(db, 'tk_id', 'ids')}",
            {"ids": wanted[start : start + _CHUNK]},
        )
        found.update((row["tk_id"], _from_row(row)) for row in rows)
    return found


def _record(link: OpenDataLink, imported: str) -> dict[str, object]:
    return {
        "tk_id": link.tk_id,
        "entity": link.entity,
        "entity_id": link.entity_id,
        "nummer": link.nummer,
        "gewijzigd_op": link.gewijzigd_op,
        "status": link.status,
        "geimporteerd": imported,
    }


def add_many(db: Database, links: list[OpenDataLink]) -> None:
    """Store links of records that had none (no link with their GUID or record yet)."""
    imported = now_text()
    insert_rows(db, "open_data_links", [_record(link, imported) for link in links])


def refresh_many(db: Database, links: list[OpenDataLink]) -> None:
    """Rewrite existing links in place, each found by its GUID, for the same record.

    The same as :func:`save` for a link whose GUID already points at this record (there
    is then no other row to remove).
    """
    imported = now_text()
    update_rows(db, "open_data_links", "tk_id", [_record(link, imported) for link in links])
