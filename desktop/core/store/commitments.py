"""Toezeggingen (commitments): add, read, list, settle and reopen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection as Database

from desktop.core.domain.models import COMMITMENT_STATUSES, OPEN_COMMITMENT_STATUSES, Commitment
from desktop.core.errors import AlreadyExists, InvalidInput, NotFound
from desktop.core.store import history, kamerstukken
from desktop.core.store.rows import (
    execute,
    from_iso,
    insert_row,
    lock_row,
    query,
    scalar,
    string_agg,
    to_iso,
    update_checked,
    upsert,
)
from desktop.core.store.search import match_condition


def _select(db: Database) -> str:
    settled = string_agg(db, "coalesce(l.kenmerk, l.datum)", "|")
    return f"""
SELECT c.*,
       (SELECT {settled} FROM commitment_settlements s
         JOIN letters l ON l.id = s.letter_id WHERE s.commitment_id = c.id) AS voldaan_met
FROM commitments c
"""


def _from_row(db: Database, row: dict[str, Any]) -> Commitment:
    return Commitment(
        tekst=row["tekst"],
        nummer=row["nummer"],
        minister=row["minister"],
        datum_gedaan=from_iso(row["datum_gedaan"]),
        datum_nakoming=from_iso(row["datum_nakoming"]),
        status=row["status"],
        status_datum=from_iso(row["status_datum"]),
        kamerstuk=kamerstukken.ref_of(db, row["kamerstuk_id"]),
        notities=row["notities"],
        voldaan_met=[v for v in (row["voldaan_met"] or "").split("|") if v],
        id=row["id"],
        version=row["version"],
        ministerie=row.get("ministerie"),
        kamerbrief_nakoming=row.get("kamerbrief_nakoming"),
    )


def _columns(db: Database, item: Commitment) -> dict[str, Any]:
    if item.status not in COMMITMENT_STATUSES:
        raise InvalidInput(
            f"‘{item.status}’ is geen status van een toezegging. "
            f"Kies uit: {', '.join(COMMITMENT_STATUSES)}."
        )
    if not item.tekst.strip():
        raise InvalidInput("Een toezegging heeft een tekst nodig.")
    kamerstuk_id = None
    if item.kamerstuk is not None:
        kamerstuk_id = kamerstukken.ensure_kamerstuk(db, item.kamerstuk)
    return {
        "nummer": item.nummer,
        "tekst": item.tekst,
        "minister": item.minister,
        "datum_gedaan": to_iso(item.datum_gedaan),
        "datum_nakoming": to_iso(item.datum_nakoming),
        "status": item.status,
        "status_datum": to_iso(item.status_datum),
        "kamerstuk_id": kamerstuk_id,
        "notities": item.notities,
        "ministerie": item.ministerie,
        "kamerbrief_nakoming": item.kamerbrief_nakoming,
    }


def add(db: Database, item: Commitment) -> int:
    """Store a new commitment (caller provides the transaction)."""
    if item.nummer and query(
        db, "SELECT id FROM commitments WHERE nummer = :nummer", {"nummer": item.nummer}
    ):
        raise AlreadyExists(f"Toezegging {item.nummer} staat al in het register.")
    commitment_id = insert_row(db, "commitments", _columns(db, item))
    history.record(db, "commitment", commitment_id, "status", None, item.status, "toegevoegd")
    return commitment_id


def get(db: Database, commitment_id: int) -> Commitment:
    """One commitment by id."""
    rows = query(db, _select(db) + " WHERE c.id = :id", {"id": commitment_id})
    if not rows:
        raise NotFound(f"Er is geen toezegging met nummer {commitment_id} in het register.")
    return _from_row(db, rows[0])


def list_commitments(
    db: Database, *, status: str = "all", search: str | None = None
) -> list[Commitment]:
    """Commitments filtered by status (``open``, ``all`` or one status) and search text."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if status == "open":
        where.append("c.status IN :open")
        params["open"] = list(OPEN_COMMITMENT_STATUSES)
    elif status in COMMITMENT_STATUSES:
        where.append("c.status = :status")
        params["status"] = status
    elif status != "all":
        raise InvalidInput(f"‘{status}’ is geen statusfilter voor toezeggingen.")
    match = match_condition(db, "commitments", "c", search or "")
    if match:
        where.append(match[0])
        params.update(match[1])
    sql = _select(db) + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY c.datum_nakoming IS NULL, c.datum_nakoming, c.id"
    return [_from_row(db, row) for row in query(db, sql, params)]


def set_status(
    db: Database,
    commitment_id: int,
    status: str,
    datum: dt.date | None = None,
    toelichting: str | None = None,
) -> None:
    """Change the status and record it in the history."""
    before = get(db, commitment_id)
    if status not in COMMITMENT_STATUSES:
        raise InvalidInput(f"‘{status}’ is geen status van een toezegging.")
    update_checked(
        db,
        "commitments",
        commitment_id,
        None,
        {"status": status, "status_datum": to_iso(datum or dt.date.today())},
        touch=True,
    )
    if before.status != status:
        history.record(
            db, "commitment", commitment_id, "status", before.status, status, toelichting
        )


def settle(db: Database, commitment_id: int, letter_id: int, datum: dt.date) -> None:
    """Mark a commitment voldaan by a letter."""
    lock_row(db, "commitments", commitment_id)
    kenmerk = scalar(db, "SELECT kenmerk FROM letters WHERE id = :id", {"id": letter_id})
    upsert(
        db,
        "commitment_settlements",
        {"commitment_id": commitment_id, "letter_id": letter_id, "datum": datum.isoformat()},
        ("commitment_id", "letter_id"),
    )
    set_status(db, commitment_id, "voldaan", datum, f"voldaan met brief {kenmerk or letter_id}")


def reopen(db: Database, commitment_id: int, letter_id: int | None = None) -> None:
    """Undo a settlement by one letter (or all)."""
    lock_row(db, "commitments", commitment_id)
    params = {"id": commitment_id, "letter": letter_id}
    if letter_id is None:
        execute(db, "DELETE FROM commitment_settlements WHERE commitment_id = :id", params)
    else:
        execute(
            db,
            "DELETE FROM commitment_settlements WHERE commitment_id = :id AND letter_id = :letter",
            params,
        )
    remaining = scalar(
        db, "SELECT count(*) FROM commitment_settlements WHERE commitment_id = :id", params
    )
    if not remaining:
        set_status(db, commitment_id, "openstaand", toelichting="heropend")


def find_id_by_nummer(db: Database, nummer: str) -> int | None:
    """The id of the commitment with the Kamer's number (``TZ202002-101``), if registered."""
    rows = query(db, "SELECT id FROM commitments WHERE nummer = :nummer", {"nummer": nummer})
    return int(rows[0]["id"]) if rows else None


def is_settled(db: Database, commitment_id: int) -> bool:
    """True when a letter of ours settled the commitment."""
    return bool(
        query(
            db,
            "SELECT 1 FROM commitment_settlements WHERE commitment_id = :id LIMIT 1",
            {"id": commitment_id},
        )
    )


_IMPORTABLE = frozenset(
    {
        "tekst",
        "minister",
        "ministerie",
        "datum_nakoming",
        "kamerbrief_nakoming",
        "datum_gedaan",
        "nummer",
    }
)


def apply_import(db: Database, commitment_id: int, changes: dict[str, Any]) -> None:
    """Store what an open-data import changes in a commitment, by field name.

    Raises:
        InvalidInput: for a field an import may not set (status goes through set_status).
    """
    unknown = set(changes) - _IMPORTABLE
    if unknown:
        raise InvalidInput(
            f"Een import kan ‘{sorted(unknown)[0]}’ van een toezegging niet wijzigen."
        )
    if not changes:
        return
    values = {k: (to_iso(v) if k.startswith("datum") else v) for k, v in changes.items()}
    update_checked(db, "commitments", commitment_id, None, values, touch=True)
