"""A new letter from the previous one."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection as Database

from desktop.core.domain.models import Letter, LetterCommitment, LetterMotion, LetterSection
from desktop.core.errors import InvalidInput
from desktop.core.planning.due import due_items
from desktop.core.store import commitments, letters, motions


def new_letter_from(
    db: Database, previous: Letter, planned: dt.date, kenmerk: str | None = None
) -> Letter:
    """Draft the next letter: same sections and order, open items kept, due items proposed.

    Settled motions and commitments are dropped; those still open stay (with their
    response as a starting point); open motions and commitments due before ``planned``
    that the previous letter did not cover are proposed in a closing section. Annexed
    convenanten carry over; their annex always shows the latest progress up to the
    letter's date. The new letter is stored as a concept; returns it with its id.
    """
    if previous.id is None:
        raise InvalidInput("De vorige brief is nog niet opgeslagen.")
    if previous.datum is not None and planned <= previous.datum:
        raise InvalidInput("De nieuwe brief moet later gedateerd zijn dan de vorige.")
    sections = [
        LetterSection(titel=s.titel, tekst=s.tekst, eu_file_id=s.eu_file_id)
        for s in previous.sections
    ]
    kept_motions = []
    for item in previous.motions:
        motion = motions.get(db, item.motion_id)
        if motion.is_open:
            kept_motions.append(
                LetterMotion(item.motion_id, item.response, item.afdoen, item.section_index)
            )
    kept_commitments = []
    for commitment_item in previous.commitments:
        commitment = commitments.get(db, commitment_item.commitment_id)
        if commitment.is_open:
            kept_commitments.append(
                LetterCommitment(
                    commitment_item.commitment_id,
                    commitment_item.response,
                    commitment_item.afdoen,
                    commitment_item.section_index,
                )
            )
    covered_motions = {m.motion_id for m in kept_motions}
    covered_commitments = {c.commitment_id for c in kept_commitments}
    for due in due_items(db, before=planned, today=previous.datum or planned):
        if due.kind == "motie" and due.id not in covered_motions:
            kept_motions.append(LetterMotion(due.id, "", True, None))
            covered_motions.add(due.id)
        elif due.kind == "toezegging" and due.id not in covered_commitments:
            kept_commitments.append(LetterCommitment(due.id, "", True, None))
            covered_commitments.add(due.id)
    letter = Letter(
        betreft=previous.betreft,
        kenmerk=kenmerk,
        datum=planned,
        geadresseerde=previous.geadresseerde,
        aanhef=previous.aanhef,
        inleiding=previous.inleiding,
        slot=previous.slot,
        ondertekenaar_functie=previous.ondertekenaar_functie,
        ondertekenaar_naam=previous.ondertekenaar_naam,
        template=previous.template,
        status="concept",
        sections=sections,
        motions=kept_motions,
        commitments=kept_commitments,
        convenant_ids=list(previous.convenant_ids),
    )
    letters.add(db, letter)
    return letter
