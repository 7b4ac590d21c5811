"""EU files with key dates and dated developments."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection as Database

from desktop.core.domain.dutch import normalise_partial_date
from desktop.core.domain.models import EU_KINDS, EUDate, EUDevelopment, EUFile
from desktop.core.errors import AlreadyExists, ConflictError, InvalidInput, NotFound
from desktop.core.store import kamerstukken
from desktop.core.store.rows import execute, insert_row, insert_rows, query, update_checked
from desktop.core.store.search import match_condition


def _columns(db: Database, item: EUFile) -> dict[str, Any]:
    if not item.titel.strip():
        raise InvalidInput("Een EU-dossier heeft een titel nodig.")
    if item.soort not in EU_KINDS:
        raise InvalidInput(
            f"‘{item.soort}’ is geen soort EU-dossier. Kies uit: {', '.join(EU_KINDS)}."
        )
    bnc_id = None
    if item.bnc_fiche is not None:
        bnc_id = kamerstukken.ensure_kamerstuk(db, item.bnc_fiche, soort="BNC-fiche")
    return {
        "titel": item.titel.strip(),
        "soort": item.soort,
        "identificatie": item.identificatie,
        "celex": item.celex,
        "bnc_kamerstuk_id": bnc_id,
        "raadsformatie": item.raadsformatie,
        "notities": item.notities,
    }


def _write_children(db: Database, eu_file_id: int, item: EUFile) -> None:
    execute(db, "DELETE FROM eu_datums WHERE eu_file_id = :eu_file_id", {"eu_file_id": eu_file_id})
    execute(
        db,
        "DELETE FROM eu_ontwikkelingen WHERE eu_file_id = :eu_file_id",
        {"eu_file_id": eu_file_id},
    )
    insert_rows(
        db,
        "eu_datums",
        [
            {
                "eu_file_id": eu_file_id,
                "datum": normalise_partial_date(d.datum),
                "omschrijving": d.omschrijving,
            }
            for d in item.datums
        ],
    )
    insert_rows(
        db,
        "eu_ontwikkelingen",
        [
            {
                "eu_file_id": eu_file_id,
                "datum": normalise_partial_date(d.datum),
                "tekst": d.tekst,
                "bron": d.bron,
            }
            for d in item.ontwikkelingen
        ],
    )


def add(db: Database, item: EUFile) -> int:
    """Store a new EU file."""
    if item.identificatie and query(
        db,
        "SELECT id FROM eu_files WHERE identificatie = :identificatie",
        {"identificatie": item.identificatie},
    ):
        raise AlreadyExists(f"Het EU-dossier {item.identificatie} staat al in het register.")
    eu_file_id = insert_row(db, "eu_files", _columns(db, item))
    _write_children(db, eu_file_id, item)
    return eu_file_id


def update(db: Database, item: EUFile) -> None:
    """Save an edited EU file (dates and developments replaced)."""
    if item.id is None:
        raise InvalidInput("Dit EU-dossier is nog niet opgeslagen.")
    columns = _columns(db, item)
    if not update_checked(db, "eu_files", item.id, item.version, columns):
        get(db, item.id)
        raise ConflictError(
            f"Het EU-dossier ‘{item.titel}’ is intussen door iemand anders gewijzigd.",
            entity="eu_file",
            entity_id=item.id,
        )
    _write_children(db, item.id, item)
    item.version += 1


def _from_row(db: Database, row: dict[str, Any]) -> EUFile:
    datums = [
        EUDate(datum=d["datum"], omschrijving=d["omschrijving"])
        for d in query(
            db,
            "SELECT * FROM eu_datums WHERE eu_file_id = :id ORDER BY datum, id",
            {"id": row["id"]},
        )
    ]
    developments = [
        EUDevelopment(datum=d["datum"], tekst=d["tekst"], bron=d["bron"])
        for d in query(
            db,
            "SELECT * FROM eu_ontwikkelingen WHERE eu_file_id = :id ORDER BY datum, id",
            {"id": row["id"]},
        )
    ]
    return EUFile(
        titel=row["titel"],
        soort=row["soort"],
        identificatie=row["identificatie"],
        celex=row["celex"],
        bnc_fiche=kamerstukken.ref_of(db, row["bnc_kamerstuk_id"]),
        raadsformatie=row["raadsformatie"],
        datums=datums,
        ontwikkelingen=developments,
        notities=row["notities"],
        id=row["id"],
        version=row["version"],
    )


def get(db: Database, eu_file_id: int) -> EUFile:
    """One EU file by id."""
    rows = query(db, "SELECT * FROM eu_files WHERE id = :eu_file_id", {"eu_file_id": eu_file_id})
    if not rows:
        raise NotFound(f"Er is geen EU-dossier met nummer {eu_file_id} in het register.")
    return _from_row(db, rows[0])


def list_eu_files(db: Database, *, search: str | None = None) -> list[EUFile]:
    """All EU files by title, optionally matching a search."""
    own = match_condition(db, "eu_files", "e", search or "")
    developments = match_condition(db, "eu_ontwikkelingen", "o", search or "")
    if own and developments:
        rows = query(
            db,
            f"SELECT e.* FROM eu_files e WHERE {own[0]} OR e.id IN (SELECT o.eu_file_id"
            f" FROM eu_ontwikkelingen o WHERE {developments[0]}) ORDER BY e.titel",
            own[1],
        )
    else:
        rows = query(db, "SELECT * FROM eu_files ORDER BY titel")
    return [_from_row(db, row) for row in rows]


def find_reference(db: Database, identificatie: str, celex: str | None) -> int | None:
    """The id of the EU file with this identification or CELEX number, if registered."""
    rows = query(
        db,
        "SELECT id FROM eu_files WHERE identificatie = :identificatie OR (celex IS NOT NULL AND celex = :celex)",
        {"identificatie": identificatie, "celex": celex or ""},
    )
    return int(rows[0]["id"]) if rows else None
