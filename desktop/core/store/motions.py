"""Motions: add, read, list, update with conflict detection, settle and reopen."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from sqlalchemy import Connection as Database

from desktop.core.domain.dutch import capitalised
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import (
    MOTION_STATUS_FILTERS,
    MOTION_STATUSES,
    MOTION_WIJZIGINGEN,
    NOTHING_TO_CARRY_OUT,
    OPEN_MOTION_STATUSES,
    UITSLAGEN,
    Motion,
    is_zaaknummer,
    parse_zaaknummer,
)
from desktop.core.errors import AlreadyExists, ConflictError, InvalidInput, NotFound
from desktop.core.store import history, kamerstukken
from desktop.core.store.rows import (
    execute,
    following_index_order,
    from_iso,
    from_json,
    insert_row,
    is_server,
    lock_row,
    query,
    scalar,
    string_agg,
    to_iso,
    to_json,
    update_checked,
    upsert,
)
from desktop.core.store.search import match_condition, tests_each_row


def _select(db: Database) -> str:
    settled = string_agg(db, "coalesce(l.kenmerk, l.datum)", "|")
    return f"""
SELECT m.*, k.ondernummer, k.kamer, k.vergaderjaar, d.nummer AS dossier, d.toevoeging,
       d.titel AS dossier_titel,
       vd.nummer AS vervangt_dossier, vd.toevoeging AS vervangt_toevoeging,
       vk.ondernummer AS vervangt_nummer,
       (SELECT k2.ondernummer FROM motions m2 JOIN kamerstukken k2 ON k2.id = m2.kamerstuk_id
         WHERE m.kamerstuk_id IS NOT NULL AND m2.vervangt_kamerstuk_id = m.kamerstuk_id
         ORDER BY m2.id LIMIT 1) AS vervangen_door_nummer,
       (SELECT {settled} FROM motion_settlements s
         JOIN letters l ON l.id = s.letter_id WHERE s.motion_id = m.id) AS afgedaan_met
FROM motions m
LEFT JOIN kamerstukken k ON k.id = m.kamerstuk_id
LEFT JOIN dossiers d ON d.id = k.dossier_id
LEFT JOIN kamerstukken vk ON vk.id = m.vervangt_kamerstuk_id
LEFT JOIN dossiers vd ON vd.id = vk.dossier_id
"""


# Register order: motions without a number yet first (the newest work), in the order they
# were registered; then by dossier and number. ``volgorde`` holds that order as text
# (migration 0010), with an index the pages follow.
_ORDER = " ORDER BY m.volgorde, m.id"


def order_key(ref: KamerstukRef | None) -> str:
    """The register-order key of a motion's number ('' for a motion without one).

    The same text migration 0010 computes in SQL: ``000026485||000000224|224``.
    """
    if ref is None:
        return ""
    leading = re.match(r"[0-9]+", ref.ondernummer)
    number = int(leading.group()) if leading else 0
    return f"{ref.dossier:09d}|{ref.toevoeging or ''}|{number:09d}|{ref.ondernummer}"


def _in_register_order(db: Database) -> str:
    """``motions m``, walked along the register-order index.

    On SQLite the index is named: a page of a common word then stops after one page of
    matches instead of sorting all of them first (the planner cannot know how many there
    are). PostgreSQL's planner has the statistics to choose itself.
    """
    return "motions m" if is_server(db) else "motions m INDEXED BY idx_motions_volgorde"


STATUS_FILTERS = MOTION_STATUS_FILTERS


def _numbers(row: dict[str, Any]) -> tuple[KamerstukRef | None, KamerstukRef | None]:
    """A motion row's own Kamerstuk and the one it replaces (each None when there is none)."""
    ref = None
    if row["ondernummer"] is not None:
        ref = KamerstukRef(
            dossier=row["dossier"],
            toevoeging=row["toevoeging"] or None,
            ondernummer=row["ondernummer"],
            kamer=row["kamer"],
            vergaderjaar=row["vergaderjaar"],
        )
    vervangt = None
    if row["vervangt_nummer"] is not None:
        vervangt = KamerstukRef(
            row["vervangt_dossier"], row["vervangt_toevoeging"] or None, row["vervangt_nummer"]
        )
    return ref, vervangt


def _from_row(row: dict[str, Any]) -> Motion:
    ref, vervangt = _numbers(row)
    vervangen_door = None
    if ref is not None and row["vervangen_door_nummer"] is not None:
        vervangen_door = KamerstukRef(ref.dossier, ref.toevoeging, row["vervangen_door_nummer"])
    return Motion(
        kamerstuk=ref,
        indieners=from_json(row["indieners"]),
        dossier_titel=row["dossier_titel"],
        voorgesteld=from_iso(row["voorgesteld"]),
        voorgesteld_bij=row["voorgesteld_bij"],
        onderwerp=row["onderwerp"],
        overwegingen=from_json(row["overwegingen"]),
        verzoeken=from_json(row["verzoeken"]),
        kabinetsappreciatie=row["kabinetsappreciatie"],
        uitslag=row["uitslag"],
        status=row["status"],
        status_datum=from_iso(row["status_datum"]),
        directie=row["directie"],
        deadline=from_iso(row["deadline"]),
        notities=row["notities"],
        vervangt=vervangt,
        vervangen_door=vervangen_door,
        afgedaan_met=[v for v in (row["afgedaan_met"] or "").split("|") if v],
        id=row["id"],
        version=row["version"],
        zaaknummer=row["zaaknummer"],
        titel=row["titel"],
        wijziging=row["wijziging"],
        kamer_afgedaan=None if row["kamer_afgedaan"] is None else bool(row["kamer_afgedaan"]),
        kamer_besluit=row["kamer_besluit"],
    )


def _validate(motion: Motion) -> None:
    if motion.status not in MOTION_STATUSES:
        raise InvalidInput(
            f"‘{motion.status}’ is geen afhandelingsstatus. Kies uit: {', '.join(MOTION_STATUSES)}."
        )
    if motion.uitslag not in UITSLAGEN:
        raise InvalidInput(f"‘{motion.uitslag}’ is geen uitslag. Kies uit: {', '.join(UITSLAGEN)}.")
    if motion.wijziging is not None and motion.wijziging not in MOTION_WIJZIGINGEN:
        raise InvalidInput(
            f"‘{motion.wijziging}’ is geen soort wijziging. Kies uit: "
            f"{', '.join(MOTION_WIJZIGINGEN)}."
        )
    if motion.zaaknummer is not None:
        motion.zaaknummer = parse_zaaknummer(motion.zaaknummer)
    if motion.kamerstuk is None and motion.zaaknummer is None:
        raise InvalidInput(
            "Een motie zonder Kamerstuknummer heeft het zaaknummer van de Tweede Kamer nodig "
            "(zoals 2025Z12345), zodat een latere import haar herkent."
        )


def _columns(db: Database, motion: Motion) -> dict[str, Any]:
    vervangt_id = None
    if motion.vervangt is not None:
        vervangt_id = kamerstukken.ensure_kamerstuk(
            db, motion.vervangt, soort="Motie", dossier_titel=motion.dossier_titel
        )
    return column_values(motion, vervangt_id)


def column_values(motion: Motion, vervangt_id: int | None) -> dict[str, Any]:
    """A motion's columns (without its Kamerstuk and order), given the replaced one's id."""
    return {
        "indieners": to_json(motion.indieners),
        "voorgesteld": to_iso(motion.voorgesteld),
        "voorgesteld_bij": motion.voorgesteld_bij,
        "onderwerp": motion.onderwerp,
        "overwegingen": to_json(motion.overwegingen),
        "verzoeken": to_json(motion.verzoeken),
        "kabinetsappreciatie": motion.kabinetsappreciatie,
        "uitslag": motion.uitslag,
        "status": motion.status,
        "status_datum": to_iso(motion.status_datum),
        "directie": motion.directie,
        "deadline": to_iso(motion.deadline),
        "notities": motion.notities,
        "vervangt_kamerstuk_id": vervangt_id,
        "zaaknummer": motion.zaaknummer,
        "titel": motion.titel,
        "wijziging": motion.wijziging,
        "kamer_afgedaan": None if motion.kamer_afgedaan is None else int(motion.kamer_afgedaan),
        "kamer_besluit": motion.kamer_besluit,
    }


def _title(motion: Motion) -> str:
    """``Motie Van Laar/Diks``: the motion's name as a Kamerstuk title."""
    name = motion.name.removeprefix("de ")
    return name[0].upper() + name[1:]


def _kamerstuk_id(db: Database, motion: Motion) -> int | None:
    if motion.kamerstuk is None:
        return None
    return kamerstukken.ensure_kamerstuk(
        db,
        motion.kamerstuk,
        soort="Motie",
        datum=motion.voorgesteld,
        titel=_title(motion) if motion.indieners else None,
        dossier_titel=motion.dossier_titel,
    )


def _refuse_duplicate(db: Database, motion: Motion) -> None:
    """Raise AlreadyExists when another motion has this number or Zaak number."""
    for existing in (
        find(db, motion.kamerstuk) if motion.kamerstuk is not None else None,
        find_by_zaaknummer(db, motion.zaaknummer) if motion.zaaknummer else None,
    ):
        if existing is not None and existing.id != motion.id:
            raise AlreadyExists(
                f"{capitalised(existing.name)} ({existing.reference}) staat al in het register."
            )


def add(db: Database, motion: Motion) -> int:
    """Store a new motion (caller provides the transaction).

    A motion without a Kamerstuk number needs the Kamer's Zaak number.

    Raises:
        AlreadyExists: when a motion with this Kamerstuk or Zaak number is registered.
        InvalidInput: for an unknown status or uitslag, or neither number.
    """
    _validate(motion)
    _refuse_duplicate(db, motion)
    kamerstuk_id = _kamerstuk_id(db, motion)
    motion_id = insert_row(
        db,
        "motions",
        {
            "kamerstuk_id": kamerstuk_id,
            "volgorde": order_key(motion.kamerstuk),
            **_columns(db, motion),
        },
    )
    history.record(db, "motion", motion_id, "status", None, motion.status, "toegevoegd")
    return motion_id


def get(db: Database, motion_id: int) -> Motion:
    """One motion by id.

    Raises:
        NotFound: when there is no such motion.
    """
    rows = query(db, _select(db) + " WHERE m.id = :id", {"id": motion_id})
    if not rows:
        raise NotFound(f"Er is geen motie met nummer {motion_id} in het register.")
    return _from_row(rows[0])


def find(db: Database, ref: KamerstukRef) -> Motion | None:
    """A motion by its Kamerstuk number, if registered."""
    rows = query(
        db,
        _select(db) + " WHERE d.nummer = :dossier AND d.toevoeging = :toevoeging"
        " AND k.ondernummer = :nummer AND k.kamer = :kamer",
        {
            "dossier": ref.dossier,
            "toevoeging": ref.toevoeging or "",
            "nummer": ref.ondernummer,
            "kamer": ref.kamer,
        },
    )
    return _from_row(rows[0]) if rows else None


def find_by_zaaknummer(db: Database, zaaknummer: str) -> Motion | None:
    """A motion by the Kamer's Zaak number (``2025Z12345``), if registered."""
    rows = query(
        db, _select(db) + " WHERE m.zaaknummer = :zaak", {"zaak": parse_zaaknummer(zaaknummer)}
    )
    return _from_row(rows[0]) if rows else None


def resolve(db: Database, key: str) -> Motion:
    """A motion by id (``12``), Kamerstuk number (``26 485, nr. 224``) or Zaak number."""
    if key.strip().isdigit():
        return get(db, int(key))
    if is_zaaknummer(key):
        found = find_by_zaaknummer(db, key)
        if found is None:
            raise NotFound(f"Er is geen motie met zaaknummer {key.strip()} in het register.")
        return found
    motion = find(db, KamerstukRef.parse(key))
    if motion is None:
        raise NotFound(f"Er is geen motie {key} in het register.")
    return motion


# Motions whose Kamerstuk satisfies a condition on ``ks`` and ``ds``: found through the
# Kamerstuk and dossier indexes, so a number search never reads every motion.
_BY_KAMERSTUK = (
    "m.kamerstuk_id IN (SELECT ks.id FROM kamerstukken ks JOIN dossiers ds"
    " ON ds.id = ks.dossier_id WHERE {})"
)


def _search_clause(
    db: Database, text: str, *, counting: bool = False
) -> tuple[str, dict[str, Any]]:
    """SQL condition (on ``m`` only) for a search: numbers exactly, words through full text."""
    if is_zaaknummer(text):
        return "m.zaaknummer = :zaak", {"zaak": parse_zaaknummer(text)}
    refs = [ref for ref, _, _ in KamerstukRef.find_all(text)]
    if refs:
        parts: list[str] = []
        params: dict[str, Any] = {}
        for i, ref in enumerate(refs):
            parts.append(
                f"(ds.nummer = :dossier{i} AND ds.toevoeging = :toevoeging{i}"
                f" AND ks.ondernummer = :nummer{i})"
            )
            params |= {
                f"dossier{i}": ref.dossier,
                f"toevoeging{i}": ref.toevoeging or "",
                f"nummer{i}": ref.ondernummer,
            }
        return _BY_KAMERSTUK.format(" OR ".join(parts)), params
    digits = re.sub(r"[\s\u00a0.]", "", text)
    # Only ASCII digits: "²".isdigit() is True, but it is no dossier number.
    if re.fullmatch(r"[0-9]{1,9}", digits):
        # A dossier number or a Kamerstuk's own number: two index look-ups, not one OR
        # over the join (which reads every Kamerstuk, ~25 ms at 100 000 on the server).
        return (
            "m.kamerstuk_id IN (SELECT ks.id FROM kamerstukken ks JOIN dossiers ds"
            " ON ds.id = ks.dossier_id WHERE ds.nummer = :getal"
            " UNION ALL SELECT ks.id FROM kamerstukken ks WHERE ks.ondernummer = :cijfers)"
        ), {"getal": int(digits), "cijfers": digits}
    # Words, through the full-text index (the Kamer's title of a motion included).
    match = match_condition(db, "motions", "m", text, counting=counting)
    return match if match is not None else ("1 = 1", {})


def _filters(
    db: Database, status: str, search: str | None, *, counting: bool = False
) -> tuple[list[str], dict[str, Any]]:
    """WHERE conditions (on ``m`` only) for a status filter and search text.

    ``counting``: for counting all matches rather than reading a page in register order.
    """
    if status not in STATUS_FILTERS:
        raise InvalidInput(
            f"‘{status}’ is geen statusfilter. Kies uit: {', '.join(STATUS_FILTERS)}."
        )
    where: list[str] = []
    params: dict[str, Any] = {}
    if status == "open":
        where.append("m.status IN :open")
        params["open"] = list(OPEN_MOTION_STATUSES)
    elif status == "afgedaan":
        where.append("m.status = 'afgedaan'")
    elif status == "afwijkend":
        # Motion.afwijkend_van_kamer, in SQL.
        where.append(
            "(m.kamer_afgedaan IS NOT NULL AND m.uitslag NOT IN :niets"
            " AND (m.kamer_afgedaan = 1) = (m.status IN :open))"
        )
        params |= {"niets": list(NOTHING_TO_CARRY_OUT), "open": list(OPEN_MOTION_STATUSES)}
    elif status != "all":
        where.append("m.status = :status")
        params["status"] = status
    if search and search.strip():
        clause, extra = _search_clause(db, search, counting=counting)
        where.append(clause)
        params |= extra
    return where, params


def _page(db: Database, limit: int, offset: int) -> str:
    """LIMIT/OFFSET of a page (``limit`` < 0: all), as each engine writes it."""
    clause = f" LIMIT {int(limit)}" if limit >= 0 else ""
    if offset:
        everything = "" if clause or is_server(db) else " LIMIT -1"
        clause += f"{everything} OFFSET {int(offset)}"
    return clause


def list_motions(
    db: Database,
    *,
    status: str = "all",
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    after: int | None = None,
) -> list[Motion]:
    """Motions filtered by status (``open``, ``afgedaan``, ``all`` or one status) and search.

    With ``limit`` (and ``offset``) one page in register order; a page is found by its ids
    first (along the register-order index), so the per-row subqueries run for that page
    only, not for every match. ``after`` (a motion's id) starts the page just after that
    motion in register order: a seek along the index, where an offset would walk past every
    row before it (paging through 100 000 motions by offset costs time quadratic in the
    pages).
    """
    where, params = _filters(db, status, search)
    if after is not None:
        where = [
            *where,
            "(m.volgorde, m.id) > (SELECT a.volgorde, a.id FROM motions a WHERE a.id = :after)",
        ]
        params = {**params, "after": int(after)}
    condition = " WHERE " + " AND ".join(where) if where else ""
    if limit is None and not offset and after is None:
        rows = query(db, _select(db) + condition + _ORDER, params)
        return [_from_row(row) for row in rows]
    page_size = int(limit) if limit is not None else -1
    page_sql = f"SELECT m.id FROM {_in_register_order(db)}{condition}{_ORDER}" + _page(
        db, page_size, max(int(offset), 0)
    )
    walk = following_index_order(db) if tests_each_row(condition) else contextlib.nullcontext()
    with walk:
        ids = [row["id"] for row in query(db, page_sql, params)]
    if not ids:
        return []
    rows = query(db, _select(db) + " WHERE m.id IN :ids", {"ids": ids})
    found = {row["id"]: _from_row(row) for row in rows}
    return [found[motion_id] for motion_id in ids]


_DUE_SELECT = """
SELECT m.id, m.version, m.indieners, m.onderwerp, m.titel, m.voorgesteld, m.status, m.deadline,
       m.zaaknummer, m.wijziging, k.ondernummer, k.kamer, k.vergaderjaar,
       d.nummer AS dossier, d.toevoeging,
       vd.nummer AS vervangt_dossier, vd.toevoeging AS vervangt_toevoeging,
       vk.ondernummer AS vervangt_nummer
FROM motions m
LEFT JOIN kamerstukken k ON k.id = m.kamerstuk_id
LEFT JOIN dossiers d ON d.id = k.dossier_id
LEFT JOIN kamerstukken vk ON vk.id = m.vervangt_kamerstuk_id
LEFT JOIN dossiers vd ON vd.id = vk.dossier_id
WHERE m.status IN :open AND (m.deadline <= :before{undated})
"""


def open_motions_due(db: Database, before: dt.date, *, undated: bool = False) -> list[Motion]:
    """Open motions with a deadline up to ``before`` (with ``undated`` also those without).

    Read lean for the planning overview: each Motion carries what names, cites and dates it
    (number, signers, subject, title, dates, status), not its texts or settlements. With
    "Ook zonder termijn" that is every open motion: at 100 000 motions a full read took
    seconds on the database thread at every start.
    """
    sql = _DUE_SELECT.format(undated=" OR m.deadline IS NULL" if undated else "") + _ORDER
    found: list[Motion] = []
    for row in query(db, sql, {"open": list(OPEN_MOTION_STATUSES), "before": before.isoformat()}):
        ref, vervangt = _numbers(row)
        found.append(
            Motion(
                kamerstuk=ref,
                indieners=from_json(row["indieners"]),
                voorgesteld=from_iso(row["voorgesteld"]),
                onderwerp=row["onderwerp"],
                status=row["status"],
                deadline=from_iso(row["deadline"]),
                vervangt=vervangt,
                id=row["id"],
                version=row["version"],
                zaaknummer=row["zaaknummer"],
                titel=row["titel"],
                wijziging=row["wijziging"],
            )
        )
    return found


def count_motions(db: Database, *, status: str = "all", search: str | None = None) -> int:
    """How many motions :func:`list_motions` would list without a limit."""
    where, params = _filters(db, status, search, counting=True)
    condition = " WHERE " + " AND ".join(where) if where else ""
    return int(scalar(db, "SELECT count(*) FROM motions m" + condition, params))


def update(db: Database, motion: Motion) -> int:
    """Save an edited motion; returns its new version.

    Raises:
        StoreError: when the motion changed since it was read (another window or user).
    """
    if motion.id is None:
        raise InvalidInput("Deze motie is nog niet opgeslagen.")
    _validate(motion)
    before = get(db, motion.id)
    _refuse_duplicate(db, motion)
    columns = _columns(db, motion)
    columns.update(_identity_columns(db, before, motion))
    if not update_checked(db, "motions", motion.id, motion.version, columns, touch=True):
        raise ConflictError(
            f"{capitalised(before.name)} is intussen door iemand anders gewijzigd. "
            "Laad de motie opnieuw en kies welke wijziging u wilt bewaren.",
            entity="motion",
            entity_id=motion.id,
        )
    if before.status != motion.status:
        history.record(db, "motion", motion.id, "status", before.status, motion.status)
    if before.uitslag != motion.uitslag:
        history.record(db, "motion", motion.id, "uitslag", before.uitslag, motion.uitslag)
    return motion.version + 1


def _identity_columns(db: Database, before: Motion, motion: Motion) -> dict[str, Any]:
    """The number and Zaak number an update may add (once known they stay as they are)."""
    columns: dict[str, Any] = {}
    if motion.kamerstuk != before.kamerstuk:
        if before.kamerstuk is not None:
            raise InvalidInput(
                f"Het Kamerstuknummer van {before.name} ({before.reference}) ligt vast."
            )
        columns["kamerstuk_id"] = _kamerstuk_id(db, motion)
        columns["volgorde"] = order_key(motion.kamerstuk)
    if motion.zaaknummer != before.zaaknummer and before.zaaknummer is not None:
        raise InvalidInput(f"Het zaaknummer van {before.name} ({before.zaaknummer}) ligt vast.")
    return columns


def apply_import(db: Database, motion_id: int, changes: dict[str, Any]) -> Motion:
    """Store what an import changes in a motion, by field name; returns the motion after.

    Fields are those of :class:`Motion` that an import may set (``indieners``,
    ``voorgesteld``, ``vervangt``, ``kamerstuk``, ``onderwerp``, ``uitslag``, ...).
    A ``kamerstuk`` is only accepted for a motion without one; the caller records the
    history it wants.

    Raises:
        AlreadyExists: when the Kamerstuk number belongs to another motion.
        InvalidInput: for a field an import may not set, or a second number.
    """
    before = get(db, motion_id)
    columns: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "indieners":
            columns["indieners"] = to_json(value)
        elif name == "voorgesteld":
            columns["voorgesteld"] = to_iso(value)
        elif name == "vervangt":
            columns["vervangt_kamerstuk_id"] = kamerstukken.ensure_kamerstuk(
                db, value, soort="Motie", dossier_titel=changes.get("dossier_titel")
            )
        elif name == "kamerstuk":
            numbered = Motion(
                kamerstuk=value,
                indieners=changes.get("indieners", before.indieners),
                voorgesteld=changes.get("voorgesteld", before.voorgesteld),
                dossier_titel=changes.get("dossier_titel", before.dossier_titel),
                wijziging=changes.get("wijziging", before.wijziging),
                zaaknummer=changes.get("zaaknummer", before.zaaknummer),
                id=motion_id,
            )
            _refuse_duplicate(db, numbered)
            columns.update(_identity_columns(db, before, numbered))
        elif name == "kamer_afgedaan":
            columns[name] = None if value is None else int(value)
        elif name in _IMPORTABLE:
            columns[name] = value
        elif name != "dossier_titel":
            raise InvalidInput(f"Een import kan ‘{name}’ van een motie niet wijzigen.")
    if columns:
        update_checked(db, "motions", motion_id, None, columns, touch=True)
    return get(db, motion_id)


_IMPORTABLE = frozenset(
    {
        "uitslag",
        "kabinetsappreciatie",
        "onderwerp",
        "zaaknummer",
        "titel",
        "wijziging",
        "kamer_besluit",
    }
)


def set_status(
    db: Database,
    motion_id: int,
    status: str,
    datum: dt.date | None = None,
    toelichting: str | None = None,
) -> None:
    """Change the implementation status and record it in the history."""
    if status not in MOTION_STATUSES:
        raise InvalidInput(
            f"‘{status}’ is geen afhandelingsstatus. Kies uit: {', '.join(MOTION_STATUSES)}."
        )
    before = get(db, motion_id)
    update_checked(
        db,
        "motions",
        motion_id,
        None,
        {"status": status, "status_datum": to_iso(datum or dt.date.today())},
        touch=True,
    )
    if before.status != status:
        history.record(db, "motion", motion_id, "status", before.status, status, toelichting)


def settle(db: Database, motion_id: int, letter_id: int, datum: dt.date) -> None:
    """Mark a motion afgedaan by a letter (kept in the settlements and the history)."""
    lock_row(db, "motions", motion_id)
    kenmerk = scalar(db, "SELECT kenmerk FROM letters WHERE id = :id", {"id": letter_id})
    upsert(
        db,
        "motion_settlements",
        {"motion_id": motion_id, "letter_id": letter_id, "datum": datum.isoformat()},
        ("motion_id", "letter_id"),
    )
    set_status(db, motion_id, "afgedaan", datum, f"afgedaan met brief {kenmerk or letter_id}")


def withdraw_settlement(
    db: Database,
    motion_id: int,
    letter_id: int,
    status: str,
    status_datum: dt.date | None,
    version: int | None = None,
) -> None:
    """Undo one settlement exactly: the record goes, the status before it comes back.

    The status is restored only when no other letter settles the motion. With
    ``version`` (the motion's version right after settling) a change made since, by a
    colleague or another window, is never overwritten: ConflictError instead.
    """
    lock_row(db, "motions", motion_id)
    if version is not None and get(db, motion_id).version != version:
        raise ConflictError(
            "De motie is na het afdoen nog gewijzigd (door u of een collega); het afdoen kan "
            "niet meer ongedaan worden gemaakt. Heropen de motie zo nodig zelf.",
            entity="motion",
            entity_id=motion_id,
        )
    params = {"id": motion_id, "letter": letter_id}
    execute(
        db, "DELETE FROM motion_settlements WHERE motion_id = :id AND letter_id = :letter", params
    )
    if not scalar(db, "SELECT count(*) FROM motion_settlements WHERE motion_id = :id", params):
        before = get(db, motion_id)
        update_checked(
            db,
            "motions",
            motion_id,
            None,
            {"status": status, "status_datum": to_iso(status_datum)},
            touch=True,
        )
        if before.status != status:
            history.record(
                db, "motion", motion_id, "status", before.status, status, "afdoening ongedaan"
            )


def reopen(db: Database, motion_id: int, letter_id: int | None = None) -> None:
    """Undo a settlement: the motion is open again (history keeps the settlement)."""
    lock_row(db, "motions", motion_id)
    params = {"id": motion_id, "letter": letter_id}
    if letter_id is None:
        execute(db, "DELETE FROM motion_settlements WHERE motion_id = :id", params)
    else:
        execute(
            db,
            "DELETE FROM motion_settlements WHERE motion_id = :id AND letter_id = :letter",
            params,
        )
    remaining = scalar(db, "SELECT count(*) FROM motion_settlements WHERE motion_id = :id", params)
    if not remaining:
        set_status(db, motion_id, "openstaand", toelichting="heropend")


def delete(db: Database, motion_id: int) -> None:
    """Remove a motion (its Kamerstuk stays registered); refused while a letter names it."""
    motion = get(db, motion_id)
    named_in = [
        row["kenmerk"] or f"brief {row['id']}"
        for row in query(
            db,
            "SELECT DISTINCT l.id, l.kenmerk FROM letters l WHERE l.id IN (SELECT letter_id FROM"
            " letter_motions WHERE motion_id = :motion_id UNION SELECT letter_id FROM motion_settlements"
            " WHERE motion_id = :motion_id) ORDER BY l.id",
            {"motion_id": motion_id},
        )
    ]
    if named_in:
        raise InvalidInput(
            f"{capitalised(motion.name)} staat in "
            f"{'brief' if len(named_in) == 1 else 'de brieven'} {', '.join(named_in)} en kan "
            "niet worden verwijderd. Haal de motie eerst uit die brief."
        )
    execute(db, "DELETE FROM motions WHERE id = :motion_id", {"motion_id": motion_id})


def settling_letters(db: Database, motion_id: int) -> list[tuple[int, str | None, str | None]]:
    """The letters that settled a motion: (id, kenmerk, datum), oldest first."""
    return [
        (row["id"], row["kenmerk"], row["datum"])
        for row in query(
            db,
            "SELECT l.id, l.kenmerk, l.datum FROM motion_settlements s JOIN letters l"
            " ON l.id = s.letter_id WHERE s.motion_id = :motion_id ORDER BY s.datum, l.id",
            {"motion_id": motion_id},
        )
    ]


def is_settled_by(db: Database, motion_id: int, letter_id: int) -> bool:
    """True when this letter is recorded as settling the motion."""
    return bool(
        query(
            db,
            "SELECT 1 FROM motion_settlements WHERE motion_id = :motion_id AND letter_id = :letter_id",
            {"motion_id": motion_id, "letter_id": letter_id},
        )
    )
