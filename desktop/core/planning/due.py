"""What must be in the next letter: deadlines, commitments past their date, EU dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection as Database

from desktop.core.domain.dutch import format_date
from desktop.core.store import commitments, eu, motions

DEFAULT_HORIZON_DAYS = 90


@dataclass(frozen=True, slots=True)
class DueItem:
    """One thing that is due: a motion, a commitment or an EU date."""

    kind: str  # "motie", "toezegging", "eu"
    id: int
    title: str
    reference: str
    due: str  # ISO date (EU dates may be partial: YYYY or YYYY-MM)
    overdue: bool
    status: str

    def as_json(self) -> dict[str, object]:
        """The JSON object ``voortgang due`` prints."""
        return {
            "soort": self.kind,
            "id": self.id,
            "titel": self.title,
            "verwijzing": self.reference,
            "datum": self.due,
            "verlopen": self.overdue,
            "status": self.status,
        }

    @property
    def due_label(self) -> str:
        """The due date as in a letter."""
        return format_date(self.due)


def _partial_end(value: str) -> str:
    """The last day a partial date can mean (``2021`` → ``2021-12-31``), for comparisons."""
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return (following - dt.timedelta(days=1)).isoformat()
    return value


def due_items(
    db: Database,
    *,
    before: dt.date | None = None,
    today: dt.date | None = None,
    undated: bool = False,
) -> list[DueItem]:
    """Open motions with a deadline, open commitments with a DatumNakoming, and EU dates
    from today on, all up to ``before`` (default: 90 days ahead); overdue ones first,
    whatever ``before`` is.

    With ``undated`` also the open motions and commitments without a date (last): they
    still have to be reported on, and a registry without termijnen is not "nothing to do".
    """
    today = today or dt.date.today()
    before = before or today + dt.timedelta(days=DEFAULT_HORIZON_DAYS)
    items: list[DueItem] = []
    for motion in motions.open_motions_due(db, before, undated=undated):
        if undated and motion.deadline is None and motion.id is not None:
            items.append(
                DueItem("motie", motion.id, motion.name, motion.reference, "", False, motion.status)
            )
        if motion.deadline is not None and motion.deadline <= before and motion.id is not None:
            items.append(
                DueItem(
                    "motie",
                    motion.id,
                    motion.name,
                    motion.reference,
                    motion.deadline.isoformat(),
                    motion.deadline < today,
                    motion.status,
                )
            )
    for item in commitments.list_commitments(db, status="open"):
        if undated and item.datum_nakoming is None and item.id:
            items.append(
                DueItem(
                    "toezegging", item.id, item.tekst, item.nummer or "", "", False, item.status
                )
            )
        if item.datum_nakoming is not None and item.datum_nakoming <= before and item.id:
            items.append(
                DueItem(
                    "toezegging",
                    item.id,
                    item.tekst,
                    item.nummer or "",
                    item.datum_nakoming.isoformat(),
                    item.datum_nakoming < today,
                    item.status,
                )
            )
    for eu_file in eu.list_eu_files(db):
        for key_date in eu_file.datums:
            end = _partial_end(key_date.datum)
            if today.isoformat() <= end and key_date.datum <= before.isoformat() and eu_file.id:
                items.append(
                    DueItem(
                        "eu",
                        eu_file.id,
                        f"{eu_file.titel}: {key_date.omschrijving}",
                        eu_file.identificatie or "",
                        key_date.datum,
                        False,
                        eu_file.soort,
                    )
                )
    return sorted(items, key=lambda i: (not i.overdue, not i.due, i.due, i.kind, i.id))
