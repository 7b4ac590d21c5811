"""Dossiers and Kamerstukken."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection as Database

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Kamerstuk
from desktop.core.store.rows import (
    from_iso,
    insert_if_absent,
    leading_int,
    query,
    to_iso,
    update_row,
)

_SELECT = """
SELECT k.id, k.ondernummer, k.kamer, k.soort, k.datum, k.titel, k.vergaderjaar,
       d.nummer AS dossier, d.toevoeging, d.titel AS dossier_titel
FROM kamerstukken k JOIN dossiers d ON d.id = k.dossier_id
"""


def ensure_dossier(db: Database, nummer: int, toevoeging: str | None, titel: str | None) -> int:
    """Get or create a dossier; fills in a missing title, never overwrites one."""
    insert_if_absent(
        db,
        "dossiers",
        {"nummer": nummer, "toevoeging": toevoeging or "", "titel": titel},
        ("nummer", "toevoeging"),
    )
    rows = query(
        db,
        "SELECT id, titel FROM dossiers WHERE nummer = :nummer AND toevoeging = :toevoeging",
        {"nummer": nummer, "toevoeging": toevoeging or ""},
    )
    if titel and not rows[0]["titel"]:
        update_row(db, "dossiers", rows[0]["id"], {"titel": titel})
    return int(rows[0]["id"])


def ensure_kamerstuk(
    db: Database,
    ref: KamerstukRef,
    *,
    soort: str | None = None,
    datum: dt.date | None = None,
    titel: str | None = None,
    dossier_titel: str | None = None,
) -> int:
    """Get or create a Kamerstuk; fills in missing details, never overwrites them."""
    dossier_id = ensure_dossier(db, ref.dossier, ref.toevoeging, dossier_titel)
    insert_if_absent(
        db,
        "kamerstukken",
        {"dossier_id": dossier_id, "ondernummer": ref.ondernummer, "kamer": ref.kamer},
        ("dossier_id", "ondernummer", "kamer"),
    )
    rows = query(
        db,
        "SELECT * FROM kamerstukken"
        " WHERE dossier_id = :dossier AND ondernummer = :nummer AND kamer = :kamer",
        {"dossier": dossier_id, "nummer": ref.ondernummer, "kamer": ref.kamer},
    )
    details: dict[str, Any] = {
        "soort": soort,
        "datum": to_iso(datum),
        "titel": titel,
        "vergaderjaar": ref.vergaderjaar,
    }
    missing = {k: v for k, v in details.items() if v and not rows[0][k]}
    if missing:
        update_row(db, "kamerstukken", rows[0]["id"], missing)
    return int(rows[0]["id"])


def _from_row(row: dict[str, Any]) -> Kamerstuk:
    ref = KamerstukRef(
        dossier=row["dossier"],
        toevoeging=row["toevoeging"] or None,
        ondernummer=row["ondernummer"],
        kamer=row["kamer"],
        vergaderjaar=row["vergaderjaar"],
    )
    datum = from_iso(row["datum"])
    if ref.vergaderjaar is None and datum is not None:
        ref = ref.with_vergaderjaar(datum)
    return Kamerstuk(
        ref=ref,
        soort=row["soort"],
        datum=datum,
        titel=row["titel"],
        dossier_titel=row["dossier_titel"],
        id=row["id"],
    )


def get(db: Database, kamerstuk_id: int) -> Kamerstuk:
    """One Kamerstuk by id."""
    return _from_row(query(db, _SELECT + " WHERE k.id = :id", {"id": kamerstuk_id})[0])


def ref_of(db: Database, kamerstuk_id: int | None) -> KamerstukRef | None:
    """The reference of a Kamerstuk id (None passes through)."""
    return None if kamerstuk_id is None else get(db, kamerstuk_id).ref


def find(db: Database, ref: KamerstukRef) -> Kamerstuk | None:
    """A Kamerstuk by its number, if registered."""
    rows = query(
        db,
        _SELECT + " WHERE d.nummer = :dossier AND d.toevoeging = :toevoeging"
        " AND k.ondernummer = :nummer AND k.kamer = :kamer",
        {
            "dossier": ref.dossier,
            "toevoeging": ref.toevoeging or "",
            "nummer": ref.ondernummer,
            "kamer": ref.kamer,
        },
    )
    return _from_row(rows[0]) if rows else None


def list_all(db: Database) -> list[Kamerstuk]:
    """All Kamerstukken, by dossier and number."""
    order = f" ORDER BY d.nummer, d.toevoeging, {leading_int(db, 'k.ondernummer')}, k.ondernummer"
    rows = query(db, _SELECT + order)
    return [_from_row(row) for row in rows]
