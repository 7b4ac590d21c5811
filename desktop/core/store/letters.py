"""Letters: metadata, ordered sections, motions and commitments, annexed convenanten."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection as Database
from sqlalchemy.exc import IntegrityError

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import (
    LETTER_STATUSES,
    Letter,
    LetterCommitment,
    LetterMotion,
    LetterSection,
)
from desktop.core.errors import AlreadyExists, ConflictError, InvalidInput, NotFound
from desktop.core.store import commitments, history, kamerstukken, motions
from desktop.core.store.rows import (
    execute,
    from_iso,
    insert_row,
    insert_rows,
    lock_row,
    query,
    to_iso,
    transaction,
    update_checked,
)


def _columns(db: Database, letter: Letter) -> dict[str, Any]:
    if letter.status not in LETTER_STATUSES:
        raise InvalidInput(
            f"‘{letter.status}’ is geen status van een brief. Kies uit: {', '.join(LETTER_STATUSES)}."
        )
    kamerstuk_id = None
    if letter.kamerstuk is not None:
        kamerstuk_id = kamerstukken.ensure_kamerstuk(
            db, letter.kamerstuk, soort="Brief", datum=letter.datum, titel=letter.betreft or None
        )
    return {
        "kenmerk": (letter.kenmerk or "").strip() or None,
        "datum": to_iso(letter.datum),
        "betreft": letter.betreft,
        "geadresseerde": letter.geadresseerde,
        "aanhef": letter.aanhef,
        "inleiding": letter.inleiding,
        "slot": letter.slot,
        "ondertekenaar_functie": letter.ondertekenaar_functie,
        "ondertekenaar_naam": letter.ondertekenaar_naam,
        "template": letter.template,
        "status": letter.status,
        "kamerstuk_id": kamerstuk_id,
    }


def _write_children(db: Database, letter_id: int, letter: Letter) -> None:
    for table in ("letter_sections", "letter_motions", "letter_commitments", "letter_convenanten"):
        execute(db, f"DELETE FROM {table} WHERE letter_id = :id", {"id": letter_id})
    for position, section in enumerate(letter.sections):
        section.id = insert_row(
            db,
            "letter_sections",
            {
                "letter_id": letter_id,
                "positie": position,
                "titel": section.titel,
                "tekst": section.tekst,
                "eu_file_id": section.eu_file_id,
            },
        )
    seen: set[int] = set()
    for position, item in enumerate(letter.motions):
        if item.motion_id in seen:
            raise InvalidInput("Een motie staat twee keer in dezelfde brief.")
        seen.add(item.motion_id)
        motions.get(db, item.motion_id)
        insert_rows(
            db,
            "letter_motions",
            [
                {
                    "letter_id": letter_id,
                    "motion_id": item.motion_id,
                    "positie": position,
                    "response": item.response,
                    "afdoen": int(item.afdoen),
                    "section_positie": item.section_index,
                }
            ],
        )
    for position, commitment in enumerate(letter.commitments):
        commitments.get(db, commitment.commitment_id)
        insert_rows(
            db,
            "letter_commitments",
            [
                {
                    "letter_id": letter_id,
                    "commitment_id": commitment.commitment_id,
                    "positie": position,
                    "response": commitment.response,
                    "afdoen": int(commitment.afdoen),
                    "section_positie": commitment.section_index,
                }
            ],
        )
    for position, convenant_id in enumerate(dict.fromkeys(letter.convenant_ids)):
        insert_rows(
            db,
            "letter_convenanten",
            [{"letter_id": letter_id, "convenant_id": convenant_id, "positie": position}],
        )


def link_motion(
    db: Database, letter_id: int, motion_id: int, position: int, *, afdoen: bool
) -> None:
    """Add a motion to a letter (no response yet, in no section), as an import finds it."""
    insert_rows(
        db,
        "letter_motions",
        [
            {
                "letter_id": letter_id,
                "motion_id": motion_id,
                "positie": position,
                "response": "",
                "afdoen": int(afdoen),
                "section_positie": None,
            }
        ],
    )


def add(db: Database, letter: Letter) -> int:
    """Store a new letter with everything it contains."""
    columns = _columns(db, letter)
    if columns["kenmerk"] and query(
        db, "SELECT id FROM letters WHERE kenmerk = :kenmerk", {"kenmerk": columns["kenmerk"]}
    ):
        raise AlreadyExists(
            f"Er staat al een brief met kenmerk {columns['kenmerk']} in het register."
        )
    letter_id = insert_row(db, "letters", columns)
    _write_children(db, letter_id, letter)
    history.record(db, "letter", letter_id, "status", None, letter.status, "aangemaakt")
    letter.id = letter_id
    return letter_id


def update(db: Database, letter: Letter) -> None:
    """Save an edited letter; detects edits made elsewhere since it was read."""
    if letter.id is None:
        raise InvalidInput("Deze brief is nog niet opgeslagen.")
    columns = _columns(db, letter)
    if not update_checked(db, "letters", letter.id, letter.version, columns, touch=True):
        get(db, letter.id)
        raise ConflictError(
            "Deze brief is intussen in een ander venster of door iemand anders gewijzigd. "
            "Uw tekst is niet verloren: kies of u die wijziging wilt overschrijven.",
            entity="letter",
            entity_id=letter.id,
        )
    _write_children(db, letter.id, letter)
    letter.version += 1


def _from_row(db: Database, row: dict[str, Any]) -> Letter:
    letter_id = row["id"]
    sections = [
        LetterSection(titel=s["titel"], tekst=s["tekst"], eu_file_id=s["eu_file_id"], id=s["id"])
        for s in query(
            db,
            "SELECT * FROM letter_sections WHERE letter_id = :letter_id ORDER BY positie",
            {"letter_id": letter_id},
        )
    ]
    letter_motions = [
        LetterMotion(
            motion_id=m["motion_id"],
            response=m["response"],
            afdoen=bool(m["afdoen"]),
            section_index=m["section_positie"],
        )
        for m in query(
            db,
            "SELECT * FROM letter_motions WHERE letter_id = :letter_id ORDER BY positie",
            {"letter_id": letter_id},
        )
    ]
    letter_commitments = [
        LetterCommitment(
            commitment_id=c["commitment_id"],
            response=c["response"],
            afdoen=bool(c["afdoen"]),
            section_index=c["section_positie"],
        )
        for c in query(
            db,
            "SELECT * FROM letter_commitments WHERE letter_id = :letter_id ORDER BY positie",
            {"letter_id": letter_id},
        )
    ]
    convenant_ids = [
        c["convenant_id"]
        for c in query(
            db,
            "SELECT convenant_id FROM letter_convenanten WHERE letter_id = :letter_id ORDER BY positie",
            {"letter_id": letter_id},
        )
    ]
    return Letter(
        betreft=row["betreft"],
        kenmerk=row["kenmerk"],
        datum=from_iso(row["datum"]),
        geadresseerde=row["geadresseerde"],
        aanhef=row["aanhef"],
        inleiding=row["inleiding"],
        slot=row["slot"],
        ondertekenaar_functie=row["ondertekenaar_functie"],
        ondertekenaar_naam=row["ondertekenaar_naam"],
        template=row["template"],
        status=row["status"],
        kamerstuk=kamerstukken.ref_of(db, row["kamerstuk_id"]),
        sections=sections,
        motions=letter_motions,
        commitments=letter_commitments,
        convenant_ids=convenant_ids,
        id=letter_id,
        version=row["version"],
    )


def get(db: Database, letter_id: int) -> Letter:
    """One letter by id."""
    rows = query(db, "SELECT * FROM letters WHERE id = :letter_id", {"letter_id": letter_id})
    if not rows:
        raise NotFound(f"Er is geen brief met nummer {letter_id} in het register.")
    return _from_row(db, rows[0])


def find_by_kenmerk(db: Database, kenmerk: str) -> Letter | None:
    """A letter by its kenmerk (Onze referentie)."""
    rows = query(db, "SELECT * FROM letters WHERE kenmerk = :kenmerk", {"kenmerk": kenmerk.strip()})
    return _from_row(db, rows[0]) if rows else None


def all_by_kamerstuk(db: Database, ref: KamerstukRef) -> list[Letter]:
    """The letters published as this Kamerstuk (normally one), oldest first."""
    known = kamerstukken.find(db, ref)
    if known is None:
        return []
    rows = query(
        db, "SELECT id FROM letters WHERE kamerstuk_id = :id ORDER BY id", {"id": known.id}
    )
    return [get(db, row["id"]) for row in rows]


def find_by_kamerstuk(db: Database, ref: KamerstukRef) -> Letter | None:
    """The (first) letter that was published as this Kamerstuk, if registered."""
    found = all_by_kamerstuk(db, ref)
    return found[0] if found else None


def find_by_date_and_subject(db: Database, datum: dt.date, betreft: str) -> Letter | None:
    """A letter of this date with exactly this Betreft, if registered."""
    rows = query(
        db,
        "SELECT id FROM letters WHERE datum = :datum AND betreft = :betreft ORDER BY id LIMIT 1",
        {"datum": datum.isoformat(), "betreft": betreft},
    )
    return get(db, rows[0]["id"]) if rows else None


def fill_in(db: Database, letter_id: int, columns: dict[str, Any]) -> None:
    """Set columns a letter lacked (an import that never overwrites, so no version check)."""
    update_checked(db, "letters", letter_id, None, columns)


def resolve(db: Database, key: str) -> Letter:
    """A letter by id or kenmerk."""
    letter = find_by_kenmerk(db, key)
    if letter is not None:
        return letter
    if key.strip().isdigit():
        return get(db, int(key))
    raise NotFound(f"Er is geen brief met kenmerk of nummer ‘{key}’ in het register.")


def list_letters(db: Database) -> list[Letter]:
    """All letters, newest first."""
    rows = query(db, "SELECT * FROM letters ORDER BY datum IS NULL, datum DESC, id DESC")
    return [_from_row(db, row) for row in rows]


def ensure_letter(db: Database, kenmerk: str, datum: dt.date | None = None) -> tuple[int, bool]:
    """Get a letter by kenmerk or register a sent one; returns (id, created)."""
    letter = find_by_kenmerk(db, kenmerk)
    if letter is not None and letter.id is not None:
        return letter.id, False
    try:
        # A savepoint: a colleague may register the same kenmerk at this very moment.
        with transaction(db):
            letter_id = add(
                db, Letter(betreft="", kenmerk=kenmerk, datum=datum, status="verzonden")
            )
    except IntegrityError:
        letter = find_by_kenmerk(db, kenmerk)
        if letter is None or letter.id is None:
            raise
        return letter.id, False
    return letter_id, True


def finalize(db: Database, letter_id: int, datum: dt.date | None = None) -> Letter:
    """Mark a letter definitief and settle the motions and commitments it settles."""
    # Two people finalising one letter at once: the second waits, then sees its status.
    lock_row(db, "letters", letter_id)
    letter = get(db, letter_id)
    if letter.status != "concept":
        raise InvalidInput(f"De brief {letter.kenmerk or letter_id} is al {letter.status}.")
    settle_date = datum or letter.datum or dt.date.today()
    for item in letter.motions:
        if item.afdoen:
            motions.settle(db, item.motion_id, letter_id, settle_date)
    for commitment in letter.commitments:
        if commitment.afdoen:
            commitments.settle(db, commitment.commitment_id, letter_id, settle_date)
    update_checked(db, "letters", letter_id, None, {"status": "definitief"})
    history.record(db, "letter", letter_id, "status", "concept", "definitief")
    return get(db, letter_id)


def mark_sent(db: Database, letter_id: int) -> None:
    """A definitive letter went out: its status becomes ``verzonden``."""
    lock_row(db, "letters", letter_id)
    letter = get(db, letter_id)
    if letter.status != "definitief":
        raise InvalidInput(f"De brief {letter.kenmerk or letter_id} is nog niet definitief.")
    update_checked(db, "letters", letter_id, None, {"status": "verzonden"})
    history.record(db, "letter", letter_id, "status", "definitief", "verzonden")


def reopen(db: Database, letter_id: int) -> Letter:
    """Undo finalize: the letter is a concept again and its settlements are withdrawn."""
    # Two people finalising one letter at once: the second waits, then sees its status.
    lock_row(db, "letters", letter_id)
    letter = get(db, letter_id)
    if letter.status == "concept":
        raise InvalidInput(f"De brief {letter.kenmerk or letter_id} is nog een concept.")
    for item in letter.motions:
        if item.afdoen:
            motions.reopen(db, item.motion_id, letter_id)
    for commitment in letter.commitments:
        if commitment.afdoen:
            commitments.reopen(db, commitment.commitment_id, letter_id)
    update_checked(db, "letters", letter_id, None, {"status": "concept"})
    history.record(db, "letter", letter_id, "status", letter.status, "concept")
    return get(db, letter_id)
