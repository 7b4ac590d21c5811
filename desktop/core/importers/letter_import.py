"""Record an earlier letter and what it refers to in the registry.

``voortgang import letter`` (without ``--dry-run``) adds what the registry lacks: the
Kamerstukken the letter cites, the motions it names (with their signers), the EU files,
and the letter itself (as sent), linked to the motions it names; the motions it settles
are settled with it, as finalising a letter would. Running it again adds nothing twice.

A letter is recognised as already registered by its kenmerk, else by its own Kamerstuk
number, else by date and subject. A letter without any of those is not recorded (its
references are): a later import could not tell it apart from another letter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.domain.models import EUFile, Letter, LetterMotion, Motion
from desktop.core.importers.letter_refs import LetterReferences, find_references
from desktop.core.importers.letter_text import read_letter_text
from desktop.core.store import eu, kamerstukken, letters, motions
from desktop.core.store.rows import to_iso

if TYPE_CHECKING:
    from sqlalchemy import Connection as Database

__all__ = ["LetterImport", "read_letter", "record_letter"]


@dataclass(slots=True)
class LetterImport:
    """What recording a letter added or changed."""

    letter_id: int | None = None
    letter_action: str = "niet vastgelegd"  # "nieuw", "bestond al" or "niet vastgelegd"
    letter_reason: str | None = None
    kamerstukken_added: list[str] = field(default_factory=list)
    motions_added: list[str] = field(default_factory=list)
    eu_added: list[str] = field(default_factory=list)
    motions_linked: list[str] = field(default_factory=list)
    motions_settled: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The ``registry`` part of ``voortgang import letter --json``."""
        return {
            "letter_id": self.letter_id,
            "letter": self.letter_action,
            "letter_reason": self.letter_reason,
            "kamerstukken_added": self.kamerstukken_added,
            "motions_added": self.motions_added,
            "eu_added": self.eu_added,
            "motions_linked": self.motions_linked,
            "motions_settled": self.motions_settled,
        }


def read_letter(path: Path) -> LetterReferences:
    """Read a letter file and find its references (nothing is stored)."""
    return find_references(read_letter_text(path))


def _find_letter(db: Database, found: LetterReferences) -> Letter | None:
    info = found.letter
    if info.kenmerk:
        letter = letters.find_by_kenmerk(db, info.kenmerk)
        if letter is not None:
            return letter
    if info.kamerstuk is not None:
        letter = letters.find_by_kamerstuk(db, info.kamerstuk)
        if letter is not None:
            return letter
    if info.datum and info.betreft:
        return letters.find_by_date_and_subject(db, info.datum, info.betreft)
    return None


def _fill_letter(db: Database, letter: Letter, found: LetterReferences) -> None:
    """Fill in what an existing letter lacks (never overwrite what it has)."""
    info = found.letter
    updates: dict[str, Any] = {}
    if info.kenmerk and not letter.kenmerk and letters.find_by_kenmerk(db, info.kenmerk) is None:
        updates["kenmerk"] = info.kenmerk
    if info.datum and letter.datum is None:
        updates["datum"] = to_iso(info.datum)
    if info.betreft and not letter.betreft:
        updates["betreft"] = info.betreft
    if info.kamerstuk is not None and letter.kamerstuk is None:
        updates["kamerstuk_id"] = kamerstukken.ensure_kamerstuk(
            db, info.kamerstuk, soort="Brief", datum=info.datum, titel=info.betreft
        )
    if updates:
        assert letter.id is not None
        letters.fill_in(db, letter.id, updates)


def record_letter(db: Database, found: LetterReferences) -> LetterImport:
    """Add what is missing to the registry (inside the caller's transaction)."""
    result = LetterImport()
    own = found.letter.kamerstuk
    for mention in found.kamerstukken:
        if kamerstukken.find(db, mention.ref) is None:
            kamerstukken.ensure_kamerstuk(db, mention.ref)
            result.kamerstukken_added.append(mention.citation)
    source = found.letter.kenmerk or found.source
    motion_ids: dict[tuple[int, str, str], int] = {}
    for named in found.motions:
        existing = motions.find(db, named.ref)
        if existing is not None and existing.id is not None:
            motion_ids[named.ref.key] = existing.id
            continue
        note = f"Toegevoegd uit brief {source}, waarin zij ‘{named.name}’ heet."
        if named.cum_suis:
            note += " Alleen de eerste indiener is bekend."
        if named.gewijzigd:
            note += " Het is een gewijzigde motie; welke motie zij vervangt is onbekend."
        motion_ids[named.ref.key] = motions.add(
            db, Motion(kamerstuk=named.ref, indieners=list(named.indieners), notities=note)
        )
        result.motions_added.append(named.ref.letter_style())
    for ref in found.settled:
        if ref.key not in motion_ids:
            existing = motions.find(db, ref)
            if existing is not None and existing.id is not None:
                motion_ids[ref.key] = existing.id
    for reference in found.eu:
        if eu.find_reference(db, reference.identificatie, reference.celex) is None:
            eu.add(
                db,
                EUFile(
                    titel=reference.identificatie,
                    soort=reference.soort,
                    identificatie=reference.identificatie,
                    celex=reference.celex,
                ),
            )
            result.eu_added.append(reference.identificatie)

    info = found.letter
    if info.titel and not info.titel.upper().startswith("BRIEF"):
        # A published motion or amendment read as a letter: its references are useful,
        # but it is no letter of the ministry.
        result.letter_reason = (
            f"de tekst is geen brief maar een ander Kamerstuk (‘{info.titel[:60]}’); "
            "alleen de verwijzingen zijn toegevoegd"
        )
        return result
    letter = _find_letter(db, found)
    if letter is None and not (info.kenmerk or own or (info.datum and info.betreft)):
        result.letter_reason = (
            "de brief heeft geen kenmerk, eigen Kamerstuknummer of datum met onderwerp; "
            "alleen de verwijzingen zijn toegevoegd"
        )
        return result
    settled_keys = {ref.key for ref in found.settled}
    if letter is None:
        letter = Letter(
            betreft=info.betreft or "",
            kenmerk=info.kenmerk,
            datum=info.datum,
            status="verzonden",
            kamerstuk=own,
            motions=[
                LetterMotion(motion_id=motion_id, afdoen=key in settled_keys)
                for key, motion_id in motion_ids.items()
            ],
        )
        letter_id = letters.add(db, letter)
        letter = letters.get(db, letter_id)
        result.letter_action = "nieuw"
        linked = list(motion_ids)
    else:
        assert letter.id is not None
        _fill_letter(db, letter, found)
        result.letter_action = "bestond al"
        present = {item.motion_id for item in letter.motions}
        position = len(letter.motions)
        linked = []
        for key, motion_id in motion_ids.items():
            if motion_id in present:
                continue
            letters.link_motion(db, letter.id, motion_id, position, afdoen=key in settled_keys)
            position += 1
            linked.append(key)
        letter = letters.get(db, letter.id)
    assert letter.id is not None
    result.letter_id = letter.id
    citations = {m.ref.key: m.ref.letter_style() for m in found.motions}
    citations.update({ref.key: ref.letter_style() for ref in found.settled})
    result.motions_linked = [citations[key] for key in linked if key in citations]
    if letter.status != "concept":
        datum = letter.datum or info.datum or dt.date.today()
        for ref in found.settled:
            settled_id = motion_ids.get(ref.key)
            if settled_id is None:
                continue
            if not motions.is_settled_by(db, settled_id, letter.id):
                motions.settle(db, settled_id, letter.id, datum)
                result.motions_settled.append(ref.letter_style())
    return result
