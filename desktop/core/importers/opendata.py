"""Import motions and commitments from Tweede Kamer open-data files, idempotently.

Files are OData v4 JSON pages (with or without ``$expand``) and SyncFeed Atom feeds; see
:mod:`opendata_files` for reading and :mod:`opendata_records` for what the fields mean.
Everything is read and checked first; only then is the registry changed, in one
transaction, so a bad file leaves the registry exactly as it was. The records are then
built and stored part by part (:mod:`opendata_scan`), so a file of 100 000 motions never
has to fit in memory at once.

What an import may change (the user's own fields are never touched):

* motions: ``uitslag`` (only from a deciding Besluit), ``kabinetsappreciatie``,
  ``indieners`` (unless the registry writes the same people more fully, such as
  ``Jasper van Dijk`` for ``Van Dijk``), ``vervangt``; ``onderwerp`` and
  ``voorgesteld`` only when empty. Never: status, status date, directie, deadline,
  notes, letters and their responses.
* commitments: the Kamer's text, minister, ministerie, dates and KamerbriefNakoming.
  The Kamer's status replaces ours only while ours is still the status we took from the
  Kamer last time (nobody changed it since) and no letter of ours settled it; otherwise
  ours stays and the Kamer's status is kept beside it (``open_data_links.status``).

Re-importing the same files changes nothing and reports every record as unchanged; a
file older than what the registry already holds (by ``GewijzigdOp``) does not undo newer
data: such records are reported as skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from desktop.core.domain.models import Commitment, Motion
from desktop.core.errors import NotFound
from desktop.core.importers.opendata_batch import MotionBatch
from desktop.core.importers.opendata_changes import (
    HISTORY_NOTE,
    motion_changes,
    motion_label,
    new_motion,
)
from desktop.core.importers.opendata_records import (
    Skip,
    TKCommitment,
    TKMotion,
    commitment_status,
    record_order,
)
from desktop.core.importers.opendata_report import Change, ImportReport
from desktop.core.importers.opendata_scan import (
    OpenDataScan,
    RecordBatch,
    nothing_usable,
    scan_open_data,
)
from desktop.core.memory import without_cycle_collection
from desktop.core.store import commitments, history, kamerstukken, motions, open_data
from desktop.core.store.open_data import OpenDataLink
from desktop.core.store.rows import refresh_statistics, serialize

if TYPE_CHECKING:
    from sqlalchemy import Connection as Database

    from desktop.core.store import Store

__all__ = [
    "ImportReport",
    "OpenDataScan",
    "OpenDataSet",
    "apply_open_data",
    "import_open_data",
    "read_open_data",
]

ProgressCallback = Callable[[int, int], None]


@dataclass(slots=True)
class OpenDataSet:
    """Everything read from a set of files, before anything is stored."""

    files: list[str]
    motions: list[TKMotion]
    commitments: list[TKCommitment]
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def expected(self) -> int:
        """How many records :meth:`batches` yields."""
        return len(self.motions) + len(self.commitments)

    def batches(self) -> Iterator[RecordBatch]:
        """Everything as one part (see :meth:`OpenDataScan.batches`)."""
        yield RecordBatch(self.motions, self.commitments, self.skipped)


class RecordSource(Protocol):
    """Records to store, part by part: an :class:`OpenDataSet` or an :class:`OpenDataScan`."""

    files: list[str]
    warnings: list[str]

    @property
    def expected(self) -> int: ...

    def batches(self) -> Iterator[RecordBatch]: ...


# -- reading -------------------------------------------------------------------------------


def read_open_data(paths: Sequence[Path], progress: ProgressCallback | None = None) -> OpenDataSet:
    """Read and interpret open-data files, all records at once; nothing is stored.

    For a look at what files hold (and the tests). An import streams instead: see
    :func:`import_open_data`.

    Args:
        paths: OData JSON pages and/or SyncFeed Atom files; related records (a Zaak and
            its Besluiten, say) may come from different files.
        progress: Called as ``progress(bytes_done, bytes_total)`` while reading.

    Raises:
        FileProblem: when a file cannot be opened.
        SourcedInputError: when a file is not open data Voortgang can read.
        InvalidInput: when the files hold no motions or commitments at all.
    """
    found_motions: list[TKMotion] = []
    found_commitments: list[TKCommitment] = []
    skipped: list[Skip] = []
    with scan_open_data(paths, progress) as scan:
        for part in scan.batches():
            found_motions += part.motions
            found_commitments += part.commitments
            skipped += part.skipped
    if not found_motions and not found_commitments:
        raise nothing_usable(scan.files, skipped)
    return OpenDataSet(
        files=scan.files,
        motions=sorted(found_motions, key=record_order),
        commitments=found_commitments,
        skipped=skipped,
        warnings=scan.warnings,
    )


# -- storing -------------------------------------------------------------------------------


# An import that writes this many records refreshes the team registry's statistics.
BULK_WRITE = 1_000


def import_open_data(
    store: Store,
    paths: Sequence[Path],
    progress: ProgressCallback | None = None,
    *,
    saving: ProgressCallback | None = None,
) -> ImportReport:
    """Read and check the files, then apply them to the registry in one transaction.

    The files are read twice (see :mod:`opendata_scan`): first to check them all and
    keep a compact copy, then part by part while storing, so memory stays small.

    Args:
        store: The registry.
        paths: The files.
        progress: ``progress(bytes_done, bytes_total)`` while reading.
        saving: ``saving(records_done, records_total)`` while storing (the total is
            known only roughly until the end: the last call gives the true one).
    """
    with (
        without_cycle_collection(),
        scan_open_data(paths, progress) as data,
        store.transaction() as db,
    ):
        report = apply_open_data(db, data, saving)
    written = sum(c.new + c.updated for c in (report.motions, report.commitments))
    if written >= BULK_WRITE:
        refresh_statistics(store.db)
    return report


def apply_open_data(
    db: Database, data: RecordSource, progress: ProgressCallback | None = None
) -> ImportReport:
    """Store what was read (inside the caller's transaction); returns the report.

    Raises:
        InvalidInput: when not one record can be imported (the caller rolls back).
    """
    # On a team registry two imports run one after the other: each compares the whole
    # file with the registry before it writes.
    serialize(db, "voortgang-open-data-import")
    report = ImportReport(files=list(data.files), warnings=list(data.warnings))
    total = data.expected
    done = 0

    def advance() -> None:
        nonlocal done
        done += 1
        if progress is not None and (done % 100 == 0 or done == total):
            progress(done, max(done, total))

    # The report lists motions in register order, then commitments, whatever the parts.
    order: list[tuple[int, Any]] = []
    # Most records are new or unchanged: those go in batches; any other record takes the
    # record-by-record path, after the batch so far is written (it sees all earlier ones).
    batch = MotionBatch(db)
    for part in data.batches():
        for item in part.skipped:
            report.skip(item)
        start = len(report.changes)
        batch.prepare(part.motions)
        for record in part.motions:
            if not batch.take(record, report):
                batch.flush()
                _apply_motion(db, record, report)
                batch.touched(record)
            elif batch.full:
                batch.flush()
            advance()
        batch.flush()
        keys = {record.tk_id: record_order(record) for record in part.motions}
        order += [(0, keys[change.tk_id]) for change in report.changes[start:]]
        for commitment in part.commitments:
            _apply_commitment(db, commitment, report)
            advance()
        order += [(1, len(order) + n) for n in range(len(report.changes) - len(order))]
    if not done:
        raise nothing_usable(data.files, report.skipped)
    if progress is not None and done != total:
        progress(done, done)
    ranked = sorted(zip(order, report.changes, strict=True), key=lambda pair: pair[0])
    report.changes = [change for _, change in ranked]
    return report


def _newer(stored: str | None, incoming: str | None) -> bool:
    """True when the registry already holds data newer than the incoming record."""
    return bool(stored and incoming and incoming < stored)


# How the report names the fields an import changed (the others by their own name).
_FIELD_LABELS = {
    "kamerstuk": "Kamerstuknummer",
    "kamer_afgedaan": "afgedaan volgens de Kamer",
    "kamer_besluit": "besluit van de Kamer",
}


def _example(record: TKMotion) -> str:
    number = record.zaaknummer or record.tk_id
    return f"{number} ({record.kamerstuk})" if record.kamerstuk is not None else number


def _linked_elsewhere(db: Database, motion: Motion, record: TKMotion) -> bool:
    """True when the motion came from another Zaak of the Kamer."""
    assert motion.id is not None
    other = open_data.of_record(db, "motion", motion.id)
    return other is not None and other.tk_id != record.tk_id


def _conflict(db: Database, motion: Motion, record: TKMotion) -> str | None:
    """Why a registered motion found by number cannot take this record, if it cannot."""
    if _linked_elsewhere(db, motion, record):
        return "een andere Zaak van de Kamer heeft hetzelfde Kamerstuknummer of zaaknummer"
    if motion.zaaknummer and record.zaaknummer and motion.zaaknummer != record.zaaknummer:
        return f"de motie in het register heeft een ander zaaknummer ({motion.zaaknummer})"
    return None


def _find_motion(
    db: Database, record: TKMotion, link: OpenDataLink | None, report: ImportReport
) -> tuple[Motion | None, bool]:
    """The registered motion this record updates, if any; False when it must be skipped.

    By the open-data link first, then by Zaak number, then by Kamerstuk number: a motion
    imported before it had a number is found again by its Zaak number and gets the
    number now, never a second record.
    """
    motion: Motion | None = None
    if link is not None and link.entity == "motion":
        try:
            motion = motions.get(db, link.entity_id)
        except NotFound:
            motion = None
    if motion is None and record.zaaknummer:
        motion = motions.find_by_zaaknummer(db, record.zaaknummer)
    if motion is None and record.kamerstuk is not None:
        motion = motions.find(db, record.kamerstuk)
    if motion is None:
        return None, True
    reason = (
        None if link is not None and link.entity_id == motion.id else _conflict(db, motion, record)
    )
    if (
        reason is None
        and motion.kamerstuk is not None
        and record.kamerstuk is not None
        and motion.kamerstuk.key != record.kamerstuk.key
    ):
        reason = f"de motie in het register heeft een ander Kamerstuknummer ({motion.citation})"
    if reason is None and motion.kamerstuk is None and record.kamerstuk is not None:
        numbered = motions.find(db, record.kamerstuk)
        if numbered is not None and numbered.id != motion.id:
            reason = (
                f"het Kamerstuknummer staat al bij een andere motie in het register "
                f"({numbered.name}); voeg die samen met {motion.name} ({motion.zaaknummer})"
            )
    if reason is not None:
        report.skip(Skip("motie", reason, _example(record)))
        return None, False
    return motion, True


def _apply_motion(db: Database, record: TKMotion, report: ImportReport) -> None:
    link = open_data.get(db, record.tk_id)
    motion, usable = _find_motion(db, record, link, report)
    if not usable:
        return
    if motion is None:
        new = new_motion(record)
        motion_id = motions.add(db, new)
        if record.uitslag and record.uitslag != "ingediend":
            history.record(db, "motion", motion_id, "uitslag", None, record.uitslag, HISTORY_NOTE)
        _link_motion(db, record, motion_id, None)
        report.motions.new += 1
        report.changes.append(Change("motie", "new", motion_id, motion_label(new), record.tk_id))
        return
    assert motion.id is not None
    changes = motion_changes(motion, record)
    if record.dossier_titel and motion.kamerstuk is not None:
        kamerstukken.ensure_dossier(
            db, motion.kamerstuk.dossier, motion.kamerstuk.toevoeging, record.dossier_titel
        )
    if changes and link is not None and _newer(link.gewijzigd_op, record.gewijzigd_op):
        report.skip(
            Skip(
                "motie",
                "het register heeft nieuwere gegevens van de Kamer (GewijzigdOp)",
                _example(record),
            )
        )
        return
    if changes:
        after = motions.apply_import(
            db, motion.id, {**changes, "dossier_titel": record.dossier_titel}
        )
        if "uitslag" in changes:
            history.record(
                db, "motion", motion.id, "uitslag", motion.uitslag, changes["uitslag"], HISTORY_NOTE
            )
        report.motions.updated += 1
        report.changes.append(
            Change(
                "motie",
                "updated",
                motion.id,
                motion_label(after),
                record.tk_id,
                [_FIELD_LABELS.get(name, name) for name in changes],
            )
        )
    else:
        report.motions.unchanged += 1
    _link_motion(db, record, motion.id, link)


def _link_motion(db: Database, record: TKMotion, motion_id: int, link: OpenDataLink | None) -> None:
    _save_link(db, "motion", record.tk_id, motion_id, record.zaaknummer, record.gewijzigd_op, link)


def _save_link(
    db: Database,
    entity: str,
    tk_id: str,
    entity_id: int,
    nummer: str | None,
    gewijzigd_op: str | None,
    link: OpenDataLink | None,
    status: str | None = None,
) -> None:
    """Record (or refresh) which Kamer record a registry record came from."""
    newest = max(filter(None, [gewijzigd_op, link.gewijzigd_op if link else None]), default=None)
    open_data.save(
        db,
        OpenDataLink(
            tk_id=tk_id,
            entity=entity,
            entity_id=entity_id,
            nummer=nummer,
            gewijzigd_op=newest,
            status=status,
        ),
    )


def _commitment_changes(item: Commitment, record: TKCommitment) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name in ("tekst", "minister", "ministerie", "datum_nakoming", "kamerbrief_nakoming"):
        value = getattr(record, name)
        if value is not None and value != getattr(item, name):
            changes[name] = value
    if record.datum_gedaan and item.datum_gedaan is None:
        changes["datum_gedaan"] = record.datum_gedaan
    if record.nummer and not item.nummer:
        changes["nummer"] = record.nummer
    return changes


def _commitment_label(nummer: str | None, tekst: str) -> str:
    short = tekst if len(tekst) <= 60 else tekst[:59].rstrip() + "…"
    return f"toezegging {nummer}: {short}" if nummer else f"toezegging: {short}"


def _apply_commitment(db: Database, record: TKCommitment, report: ImportReport) -> None:
    link = open_data.get(db, record.tk_id)
    item: Commitment | None = None
    if link is not None and link.entity == "commitment":
        try:
            item = commitments.get(db, link.entity_id)
        except NotFound:
            item = None
    if item is None and record.nummer:
        known_id = commitments.find_id_by_nummer(db, record.nummer)
        if known_id is not None:
            other = open_data.of_record(db, "commitment", known_id)
            if other is not None and other.tk_id != record.tk_id:
                report.skip(
                    Skip(
                        "toezegging",
                        "een andere Toezegging van de Kamer heeft hetzelfde nummer",
                        record.nummer,
                    )
                )
                return
            item = commitments.get(db, known_id)
    label = _commitment_label(record.nummer, record.tekst)
    if item is None:
        commitment_id = commitments.add(
            db,
            Commitment(
                tekst=record.tekst,
                nummer=record.nummer,
                minister=record.minister,
                datum_gedaan=record.datum_gedaan,
                datum_nakoming=record.datum_nakoming,
                status=record.status or "openstaand",
                ministerie=record.ministerie,
                kamerbrief_nakoming=record.kamerbrief_nakoming,
            ),
        )
        _link_commitment(db, record, commitment_id, None)
        report.commitments.new += 1
        report.changes.append(Change("toezegging", "new", commitment_id, label, record.tk_id))
        return
    assert item.id is not None
    changes = _commitment_changes(item, record)
    new_status = _kamer_status_applies(db, item, record, link)
    kamer_status_changed = link is None or (link.status or None) != record.kamer_status
    if (changes or new_status or kamer_status_changed) and (
        link is not None and _newer(link.gewijzigd_op, record.gewijzigd_op)
    ):
        report.skip(
            Skip(
                "toezegging",
                "het register heeft nieuwere gegevens van de Kamer (GewijzigdOp)",
                record.nummer or record.tk_id,
            )
        )
        return
    fields = list(changes)
    commitments.apply_import(db, item.id, changes)
    if new_status:
        commitments.set_status(db, item.id, new_status, None, HISTORY_NOTE)
        fields.append("status")
    if link is not None and kamer_status_changed and "status" not in fields:
        fields.append("status Kamer")
    if fields:
        report.commitments.updated += 1
        report.changes.append(Change("toezegging", "updated", item.id, label, record.tk_id, fields))
    else:
        report.commitments.unchanged += 1
    _link_commitment(db, record, item.id, link)


def _kamer_status_applies(
    db: Database, item: Commitment, record: TKCommitment, link: OpenDataLink | None
) -> str | None:
    """The Kamer's status when it may replace ours (see the module docstring), else None."""
    wanted = record.status
    if wanted is None or wanted == item.status or link is None:
        return None
    if commitment_status(link.status) != item.status:
        return None  # the user (or a letter) changed it since the last import
    assert item.id is not None
    return None if commitments.is_settled(db, item.id) else wanted


def _link_commitment(
    db: Database, record: TKCommitment, commitment_id: int, link: OpenDataLink | None
) -> None:
    _save_link(
        db,
        "commitment",
        record.tk_id,
        commitment_id,
        record.nummer,
        record.gewijzigd_op,
        link,
        status=record.kamer_status,
    )
