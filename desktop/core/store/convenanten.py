"""Convenanten with their parties and dated progress entries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection as Database

from desktop.core.domain.dutch import normalise_partial_date
from desktop.core.domain.models import CONVENANT_FASEN, PARTY_KINDS, Convenant, Party, ProgressEntry
from desktop.core.errors import AlreadyExists, ConflictError, InvalidInput, NotFound
from desktop.core.store.rows import (
    execute,
    from_json,
    insert_row,
    insert_rows,
    query,
    to_json,
    update_checked,
    update_row,
)
from desktop.core.store.search import match_condition


def _partial(value: str | None) -> str | None:
    return normalise_partial_date(value) if value else None


def _validate(item: Convenant) -> None:
    if not item.naam.strip():
        raise InvalidInput("Een convenant heeft een naam nodig.")
    if item.fase not in CONVENANT_FASEN:
        raise InvalidInput(f"‘{item.fase}’ is geen fase. Kies uit: {', '.join(CONVENANT_FASEN)}.")
    for party in item.partijen:
        if party.soort not in PARTY_KINDS:
            raise InvalidInput(
                f"‘{party.soort}’ is geen soort partij. Kies uit: {', '.join(PARTY_KINDS)}."
            )


def _columns(item: Convenant) -> dict[str, Any]:
    return {
        "naam": item.naam.strip(),
        "sector": item.sector,
        "facilitator": item.facilitator,
        "ondertekend": _partial(item.ondertekend),
        "in_werking": _partial(item.in_werking),
        "looptijd_jaren": item.looptijd_jaren,
        "einde": _partial(item.einde),
        "fase": item.fase,
        "kerncijfers": to_json(item.kerncijfers),
        "notities": item.notities,
    }


def _write_children(db: Database, convenant_id: int, item: Convenant) -> None:
    execute(db, "DELETE FROM convenant_partijen WHERE convenant_id = :id", {"id": convenant_id})
    insert_rows(
        db,
        "convenant_partijen",
        [
            {
                "convenant_id": convenant_id,
                "positie": i,
                "soort": p.soort,
                "naam": p.naam,
                "aantal": p.aantal,
            }
            for i, p in enumerate(item.partijen)
        ],
    )
    keep = [entry.id for entry in item.voortgang if entry.id is not None]
    execute(
        db,
        "DELETE FROM convenant_voortgang WHERE convenant_id = :id AND id NOT IN :keep",
        {"id": convenant_id, "keep": keep},
    )
    for entry in item.voortgang:
        values = {
            "convenant_id": convenant_id,
            "datum": normalise_partial_date(entry.datum),
            "periode": entry.periode,
            "bron": entry.bron,
            "tekst": entry.tekst,
        }
        if entry.id is None:
            entry.id = insert_row(db, "convenant_voortgang", values)
        else:
            update_row(db, "convenant_voortgang", entry.id, values)


def add(db: Database, item: Convenant) -> int:
    """Store a new convenant with its parties and progress."""
    _validate(item)
    if query(db, "SELECT id FROM convenanten WHERE naam = :naam", {"naam": item.naam.strip()}):
        raise AlreadyExists(f"Het convenant ‘{item.naam}’ staat al in het register.")
    convenant_id = insert_row(db, "convenanten", _columns(item))
    _write_children(db, convenant_id, item)
    return convenant_id


def update(db: Database, item: Convenant) -> None:
    """Save an edited convenant (parties replaced, progress entries kept by id)."""
    if item.id is None:
        raise InvalidInput("Dit convenant is nog niet opgeslagen.")
    _validate(item)
    columns = _columns(item)
    if not update_checked(db, "convenanten", item.id, item.version, columns):
        get(db, item.id)
        raise ConflictError(
            f"Het convenant ‘{item.naam}’ is intussen door iemand anders gewijzigd. "
            "Laad het opnieuw en kies welke wijziging u wilt bewaren.",
            entity="convenant",
            entity_id=item.id,
        )
    _write_children(db, item.id, item)
    item.version += 1


def _from_row(db: Database, row: dict[str, Any]) -> Convenant:
    parties = [
        Party(soort=p["soort"], naam=p["naam"], aantal=p["aantal"])
        for p in query(
            db,
            "SELECT * FROM convenant_partijen WHERE convenant_id = :id ORDER BY positie",
            {"id": row["id"]},
        )
    ]
    progress = [
        ProgressEntry(
            datum=p["datum"], tekst=p["tekst"], periode=p["periode"], bron=p["bron"], id=p["id"]
        )
        for p in query(
            db,
            "SELECT * FROM convenant_voortgang WHERE convenant_id = :id ORDER BY datum, id",
            {"id": row["id"]},
        )
    ]
    return Convenant(
        naam=row["naam"],
        sector=row["sector"],
        facilitator=row["facilitator"],
        ondertekend=row["ondertekend"],
        in_werking=row["in_werking"],
        looptijd_jaren=row["looptijd_jaren"],
        einde=row["einde"],
        fase=row["fase"],
        partijen=parties,
        kerncijfers=from_json(row["kerncijfers"]),
        voortgang=progress,
        notities=row["notities"],
        id=row["id"],
        version=row["version"],
    )


def get(db: Database, convenant_id: int) -> Convenant:
    """One convenant by id."""
    rows = query(db, "SELECT * FROM convenanten WHERE id = :id", {"id": convenant_id})
    if not rows:
        raise NotFound(f"Er is geen convenant met nummer {convenant_id} in het register.")
    return _from_row(db, rows[0])


def find_by_name(db: Database, naam: str) -> Convenant | None:
    """A convenant by its exact name."""
    rows = query(db, "SELECT * FROM convenanten WHERE naam = :naam", {"naam": naam})
    return _from_row(db, rows[0]) if rows else None


def list_convenanten(db: Database, *, search: str | None = None) -> list[Convenant]:
    """All convenanten by name, optionally matching a search in name or progress texts."""
    own = match_condition(db, "convenanten", "c", search or "")
    progress = match_condition(db, "convenant_voortgang", "v", search or "")
    if own and progress:
        rows = query(
            db,
            f"SELECT c.* FROM convenanten c WHERE {own[0]} OR c.id IN (SELECT v.convenant_id"
            f" FROM convenant_voortgang v WHERE {progress[0]}) ORDER BY c.naam",
            own[1],
        )
    else:
        rows = query(db, "SELECT * FROM convenanten ORDER BY naam")
    return [_from_row(db, row) for row in rows]
