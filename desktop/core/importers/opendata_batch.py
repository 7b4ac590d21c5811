"""The batched path of an open-data import: new and unchanged motions, many at a time.

An import of many motions is mostly new motions (the first import) or unchanged ones (the
same file again). For those :class:`MotionBatch` decides what the record-by-record path in
:mod:`opendata` would decide, from what it read from the registry up front, and writes
them in batches. Any record it cannot be sure of (an update, a conflict, a number or Zaak
number already in use) it declines; the caller then writes the batch so far and hands that
record to the record-by-record path, so every record still sees all earlier ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.core.domain.models import Motion
from desktop.core.importers.opendata_changes import (
    HISTORY_NOTE,
    motion_changes,
    motion_label,
    new_motion,
)
from desktop.core.importers.opendata_records import TKMotion
from desktop.core.importers.opendata_report import Change, ImportReport
from desktop.core.store import history, import_batch, motions, open_data
from desktop.core.store.import_batch import NumberCache, number_key
from desktop.core.store.open_data import OpenDataLink

if TYPE_CHECKING:
    from sqlalchemy import Connection as Database

__all__ = ["MotionBatch"]

#: Records held before they are written.
BATCH_SIZE = 2000


def newest_link(record: TKMotion, motion_id: int, link: OpenDataLink | None) -> OpenDataLink:
    """The link a record leaves behind (the newest ``GewijzigdOp`` seen is kept)."""
    times = [record.gewijzigd_op, link.gewijzigd_op if link else None]
    newest = max(filter(None, times), default=None)
    return OpenDataLink(
        tk_id=record.tk_id,
        entity="motion",
        entity_id=motion_id,
        nummer=record.zaaknummer,
        gewijzigd_op=newest,
    )


class MotionBatch:
    """New and unchanged motions of one import, decided from one look-up and written in bulk.

    An import gives its records part by part; :meth:`prepare` reads what the registry
    holds for the next part (which includes every part written before).
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.links: dict[str, OpenDataLink] = {}
        self.motions: dict[int, Motion] = {}
        self.taken_zaak: set[str] = set()
        self.taken_numbers: set[import_batch.NumberKey] = set()
        self.numbers = NumberCache(db)
        # Motions the record-by-record path wrote to: never decided from what was read.
        self.touched_ids: set[int] = set()
        self._new: list[tuple[TKMotion, Motion, Change]] = []
        self._refresh: list[OpenDataLink] = []

    def prepare(self, records: Sequence[TKMotion]) -> None:
        """Look up, in a few queries, what the registry holds for these records."""
        assert not (self._new or self._refresh or self.numbers.pending), "flush() first"
        db = self.db
        self.links = open_data.get_many(db, [r.tk_id for r in records])
        self.motions = import_batch.motions_by_id(
            db, (link.entity_id for link in self.links.values() if link.entity == "motion")
        )
        self.taken_zaak = import_batch.taken_zaaknummers(
            db, (r.zaaknummer for r in records if r.zaaknummer)
        )
        dossiers = {r.kamerstuk.dossier for r in records if r.kamerstuk is not None}
        self.taken_numbers = import_batch.taken_numbers(db, dossiers)
        self.numbers.trim()
        self.numbers.load(dossiers | {r.vervangt.dossier for r in records if r.vervangt})
        self.touched_ids = set()

    @property
    def full(self) -> bool:
        """True when the batch should be written."""
        return len(self._new) + len(self._refresh) >= BATCH_SIZE

    def take(self, record: TKMotion, report: ImportReport) -> bool:
        """Take a new or unchanged record (counted in ``report``); False for any other."""
        link = self.links.get(record.tk_id)
        if link is None:
            return self._take_new(record, report)
        if link.entity != "motion" or link.entity_id in self.touched_ids:
            return False
        motion = self.motions.get(link.entity_id)
        if motion is None:
            return False
        if record.kamerstuk is not None and (
            motion.kamerstuk is None or motion.kamerstuk.key != record.kamerstuk.key
        ):
            return False
        if motion_changes(motion, record):
            return False
        if record.dossier_titel and motion.kamerstuk is not None:
            self.numbers.ensure_dossier(
                motion.kamerstuk.dossier, motion.kamerstuk.toevoeging, record.dossier_titel
            )
        report.motions.unchanged += 1
        self._refresh.append(newest_link(record, link.entity_id, link))
        return True

    def _take_new(self, record: TKMotion, report: ImportReport) -> bool:
        if record.zaaknummer and record.zaaknummer in self.taken_zaak:
            return False
        if record.kamerstuk is not None and number_key(record.kamerstuk) in self.taken_numbers:
            return False
        new = new_motion(record)
        motions._validate(new)
        if new.zaaknummer:
            self.taken_zaak.add(new.zaaknummer)
        if new.kamerstuk is not None:
            self.taken_numbers.add(number_key(new.kamerstuk))
        change = Change("motie", "new", 0, motion_label(new), record.tk_id)
        report.motions.new += 1
        report.changes.append(change)
        self._new.append((record, new, change))
        return True

    def touched(self, record: TKMotion) -> None:
        """After the record-by-record path wrote ``record``: forget what it may have changed."""
        if record.zaaknummer:
            self.taken_zaak.add(record.zaaknummer)
        if record.kamerstuk is not None:
            self.taken_numbers.add(number_key(record.kamerstuk))
        before = self.links.get(record.tk_id)
        if before is not None:
            self.touched_ids.add(before.entity_id)
        after = open_data.get(self.db, record.tk_id)
        if after is not None:
            self.touched_ids.add(after.entity_id)
        self.numbers.forget(
            ref.dossier for ref in (record.kamerstuk, record.vervangt) if ref is not None
        )

    def flush(self) -> None:
        """Write what the batch holds."""
        if not (self._new or self._refresh or self.numbers.pending):
            return
        keys = []
        for _, motion, _ in self._new:
            stuk = vervangt = None
            if motion.kamerstuk is not None:
                stuk = self.numbers.ensure(
                    motion.kamerstuk,
                    soort="Motie",
                    datum=motion.voorgesteld,
                    titel=motions._title(motion) if motion.indieners else None,
                    dossier_titel=motion.dossier_titel,
                )
            if motion.vervangt is not None:
                vervangt = self.numbers.ensure(
                    motion.vervangt, soort="Motie", dossier_titel=motion.dossier_titel
                )
            keys.append((stuk, vervangt))
        self.numbers.write()
        ids = import_batch.add_motions(
            self.db,
            [
                (
                    motion,
                    None if stuk is None else self.numbers.id_of(stuk),
                    None if vervangt is None else self.numbers.id_of(vervangt),
                )
                for (_, motion, _), (stuk, vervangt) in zip(self._new, keys, strict=True)
            ],
        )
        changes: list[tuple[str, int, str, str | None, str | None, str | None]] = []
        links = []
        for (record, motion, change), motion_id in zip(self._new, ids, strict=True):
            change.record_id = motion_id
            changes.append(("motion", motion_id, "status", None, motion.status, "toegevoegd"))
            if record.uitslag and record.uitslag != "ingediend":
                changes.append(("motion", motion_id, "uitslag", None, record.uitslag, HISTORY_NOTE))
            links.append(newest_link(record, motion_id, None))
        history.record_many(self.db, changes)
        open_data.add_many(self.db, links)
        open_data.refresh_many(self.db, self._refresh)
        self._new, self._refresh = [], []
