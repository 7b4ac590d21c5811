"""Read open-data files in two passes, so that memory stays small however large they are.

A download of 100 000 motions is 400 MB of JSON. Holding every record until all are read
(a Besluit may come in another file than its Zaak) takes gigabytes; instead:

1. :func:`scan_open_data` reads every file once, checks it (a bad file is refused before
   anything is stored) and writes what the import uses of each record, compactly, to a
   temporary file. It keeps only small things: the dossiers (a few thousand, shared by
   many motions), the members' names (to tell two Van Dijks apart) and, per record, a
   64-bit hash of its id and of the ids it refers to.
2. :meth:`OpenDataScan.batches` reads the temporary file back and yields the motion and
   commitment records part by part. A record that shares nothing with any other record
   (the usual case: a Zaak with its expanded documents, Besluiten and actors) is built
   with others like it, some two thousand at a time; a record that does (a Besluit in
   another page than its Zaak, a Zaak replacing another, the same record in two files,
   a SyncFeed's entries) is held and built at the end with all such records, in one
   graph, exactly as when everything was read at once.

The hashes only decide which of the two ways a record goes: two different ids with the
same hash send records the careful way, never the wrong one. When everything fits in one
part, records, their order and what is skipped are the same as with one graph.
"""

from __future__ import annotations

import heapq
import marshal
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from desktop.core.domain.dutch import join_list
from desktop.core.errors import FileProblem, InvalidInput
from desktop.core.importers.opendata_files import NAVIGATION, RawEntity, read_open_data_file
from desktop.core.importers.opendata_graph import FIELDS_USED, EntityGraph, merge_into, slim
from desktop.core.importers.opendata_records import (
    Members,
    Skip,
    TKCommitment,
    TKMotion,
    build_records,
    deleted_skip,
)

__all__ = ["BATCH_SIZE", "OpenDataScan", "RecordBatch", "scan_open_data"]

#: Records (Zaken, Toezeggingen) built together, at most; then stored before the next.
BATCH_SIZE = 2000

ProgressCallback = Callable[[int, int], None]

_DOSSIER = "Kamerstukdossier"
_RECORD_KINDS = ("Zaak", "Toezegging")
# Records written to the temporary file at a time (one marshal blob).
_SPILL_CHUNK = 256

# One entity in the temporary file: type, id, fields (None for a dossier: those are kept
# in memory, merged) and links.
_Item = tuple[str, str, dict[str, Any] | None, dict[str, list[str]]]
# One record: the file it came from, its entities, and the hashes of its own entities and
# of those it refers to outside the record (see OpenDataScan._take).
_Record = tuple[int, tuple[_Item, ...], tuple[int, ...], tuple[int, ...]]


@dataclass(slots=True)
class RecordBatch:
    """Records built together: motions in register order, commitments, what was skipped."""

    motions: list[TKMotion]
    commitments: list[TKCommitment]
    skipped: list[Skip] = field(default_factory=list)


class _Spill:
    """The temporary file: records as compact marshal blobs, written once, read back."""

    def __init__(self) -> None:
        try:
            # Lives as long as the scan (closed by close(), gone when closed or at exit).
            self._file: IO[bytes] = tempfile.TemporaryFile(prefix="voortgang-import-")  # noqa: SIM115
        except OSError as exc:
            raise _no_room(exc) from exc
        self._chunk: list[_Record] = []

    def write(self, record: _Record) -> None:
        self._chunk.append(record)
        if len(self._chunk) >= _SPILL_CHUNK:
            self._flush()

    def _flush(self) -> None:
        if not self._chunk:
            return
        blob = marshal.dumps(self._chunk)
        try:
            self._file.write(len(blob).to_bytes(8, "little"))
            self._file.write(blob)
        except OSError as exc:
            raise _no_room(exc) from exc
        self._chunk = []

    def finish(self) -> None:
        self._flush()
        try:
            self._file.flush()
        except OSError as exc:
            raise _no_room(exc) from exc

    def records(self) -> Iterator[_Record]:
        try:
            self._file.seek(0)
        except OSError as exc:
            raise _unreadable(exc) from exc
        while True:
            try:
                head = self._file.read(8)
                if not head:
                    return
                chunk = marshal.loads(self._file.read(int.from_bytes(head, "little")))
            except (OSError, EOFError, ValueError) as exc:
                raise _unreadable(exc) from exc
            yield from chunk

    def close(self) -> None:
        self._file.close()


def _unreadable(exc: Exception) -> FileProblem:
    return FileProblem(
        f"Het tijdelijke bestand van de import kon niet worden gelezen ({exc}). Er is niets "
        "geïmporteerd; probeer het opnieuw."
    )


def _no_room(exc: OSError) -> FileProblem:
    return FileProblem(
        "Voortgang kan geen tijdelijk bestand schrijven om de open data in te lezen "
        f"({exc.strerror or exc}); is de schijf vol? Er is niets geïmporteerd."
    )


class OpenDataScan:
    """What the first pass found; :meth:`batches` yields the records. Close it after use."""

    def __init__(self, files: list[str]) -> None:
        self.files = files
        self.warnings: list[str] = []
        #: About how many motions and commitments :meth:`batches` will yield (for progress).
        self.expected = 0
        self._spill = _Spill()
        self._dossiers: dict[str, RawEntity] = {}
        self._members = Members()
        self._shared: set[str] = set()
        self._seen: set[int] = set()
        self._repeated: set[int] = set()
        self._referenced: set[int] = set()
        self._without_id: list[Skip] = []
        self._records = 0  # Zaken and Toezeggingen read (deleted ones too)

    # -- pass 1 -------------------------------------------------------------------------

    def _take(self, file_index: int, unit: list[RawEntity]) -> None:
        """One record as read: slim it, note its keys, keep it in the temporary file."""
        items: list[_Item] = []
        # The hashes of the record's own entities and of those they refer to (dossiers
        # left out of both: they are kept whole and given to every part).
        own: set[int] = set()
        targets: set[int] = set()
        seen = self._seen  # the records before this one
        for entity in unit:
            slim(entity)
            kind = entity.type
            for name, ids in entity.links.items():
                target = NAVIGATION.get(name)
                if target is not None and target != _DOSSIER:
                    targets.update(hash((target, i)) for i in ids)
            if kind == _DOSSIER:
                known = self._dossiers.get(entity.id)
                if known is None:
                    self._dossiers[entity.id] = entity
                else:
                    merge_into(known, entity)
                items.append((kind, entity.id, None, entity.links))
                continue
            key = hash((kind, entity.id))
            first = key not in own
            if key in seen:
                self._repeated.add(key)
                first = False
            own.add(key)
            if kind == "ZaakActor":
                self._members.add(entity)
            elif kind in _RECORD_KINDS:
                self._records += 1
                if first and not entity.deleted:
                    soort = str(entity.fields.get("Soort") or "").lower()
                    self.expected += kind == "Toezegging" or soort in ("motie", "")
            items.append((kind, entity.id, entity.fields, entity.links))
        targets -= own
        seen |= own
        self._referenced |= targets
        self._spill.write((file_index, tuple(items), tuple(own), tuple(targets)))

    def _finish(self) -> None:
        self._spill.finish()
        self._shared = self._members.shared_surnames()
        self._members = Members()

    # -- pass 2 -------------------------------------------------------------------------

    def _on_its_own(self, own: tuple[int, ...], targets: tuple[int, ...]) -> bool:
        """True when a record shares no entity with another and neither refers to the other."""
        return (
            self._repeated.isdisjoint(own)
            and self._referenced.isdisjoint(own)
            and self._seen.isdisjoint(targets)
        )

    def batches(self, size: int | None = None) -> Iterator[RecordBatch]:
        """The records, part by part: those on their own ``size`` at a time, the rest last.

        ``size`` is :data:`BATCH_SIZE` by default; every part but the last holds that many
        records read (a record: a Zaak or Toezegging with what is expanded under it).
        """
        size = size or BATCH_SIZE
        alone: list[tuple[int, list[RawEntity]]] = []
        together: list[tuple[int, list[RawEntity]]] = []
        first = True
        for position, (file_index, items, own, targets) in enumerate(self._spill.records()):
            if not own and not targets:
                continue  # a dossier alone: it is in self._dossiers
            source = self.files[file_index]
            unit = [
                self._dossiers[i] if fields is None else RawEntity(kind, i, fields, links, source)
                for kind, i, fields, links in items
            ]
            if self._on_its_own(own, targets):
                alone.append((position, unit))
                if len(alone) >= size:
                    yield self._build(alone, first=first, last=False)
                    first, alone = False, []
            else:
                together.append((position, unit))
        # The rest in reading order, as one graph would have them.
        rest = heapq.merge(alone, together, key=lambda item: item[0])
        yield self._build(rest, first=first, last=True)

    def _build(
        self, units: Iterable[tuple[int, list[RawEntity]]], *, first: bool, last: bool
    ) -> RecordBatch:
        graph = EntityGraph()
        wanted: list[str] = []
        for _, unit in units:
            for entity in unit:
                if entity.type == _DOSSIER:
                    graph.put(entity)
                    continue
                graph.merge(entity)
                for name, ids in entity.links.items():
                    if NAVIGATION.get(name) == _DOSSIER:
                        wanted += ids
        for identifier in wanted:  # a dossier read elsewhere (a Document's Kamerstukdossier_Id)
            dossier = self._dossiers.get(identifier)
            if dossier is not None:
                graph.put(dossier)
        motions, commitments, skipped = build_records(graph, self._shared, deleted_dossiers=False)
        if first:
            skipped = self._without_id + skipped
        if last:
            skipped += [deleted_skip(d) for d in self._dossiers.values() if d.deleted]
        return RecordBatch(motions, commitments, skipped)

    def close(self) -> None:
        """Remove the temporary file."""
        self._spill.close()

    def __enter__(self) -> OpenDataScan:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def scan_open_data(paths: Sequence[Path], progress: ProgressCallback | None = None) -> OpenDataScan:
    """Read and check open-data files (the first pass); nothing is stored.

    Args:
        paths: OData JSON pages and/or SyncFeed Atom files; related records (a Zaak and
            its Besluiten, say) may come from different files.
        progress: Called as ``progress(bytes_done, bytes_total)`` while reading.

    Raises:
        FileProblem: when a file cannot be opened (or no temporary file written).
        SourcedInputError: when a file is not open data Voortgang can read.
        InvalidInput: when the files hold no Zaken or Toezeggingen at all.
    """
    if not paths:
        raise InvalidInput("Geef ten minste één bestand met open data van de Tweede Kamer.")
    sizes = []
    for path in paths:
        try:
            sizes.append(path.stat().st_size)
        except OSError as exc:
            raise FileProblem(f"{path.name}: het bestand bestaat niet of is onleesbaar.") from exc
    total = sum(sizes)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(min(done, total), total)

    scan = OpenDataScan([path.name for path in paths])
    try:
        _read_files(scan, paths, advance)
    except BaseException:
        scan.close()
        raise
    return scan


def _read_files(scan: OpenDataScan, paths: Sequence[Path], advance: Callable[[int], None]) -> None:
    next_links: list[str] = []
    for file_index, path in enumerate(paths):
        relevant = 0

        def take(unit: list[RawEntity], file_index: int = file_index) -> None:
            nonlocal relevant
            relevant += sum(entity.type in _RECORD_KINDS for entity in unit)
            scan._take(file_index, unit)

        result = read_open_data_file(path, take, advance, keep=FIELDS_USED)
        if result.next_link:
            next_links.append(path.name)
        if result.without_id:
            counted = join_list(f"{n}× {kind}" for kind, n in result.without_id.items())
            scan.warnings.append(
                f"{path.name}: {counted} zonder eigen Id (een $select zonder Id); ze zijn "
                "gebruikt bij het record waaronder ze staan."
            )
        for kind, count in result.skipped_without_id.items():
            scan._without_id.append(
                Skip(
                    "overig" if kind != "Zaak" else "motie",
                    f"zonder Id ({count}× {kind}); zonder Id is het record bij een volgende "
                    "import niet terug te vinden. Exporteer met Id in $select",
                    path.name,
                )
            )
        if not relevant:
            others = join_list(f"{n}× {kind}" for kind, n in result.other_entities.items())
            scan.warnings.append(
                f"{path.name} bevat geen moties of toezeggingen"
                + (f" (wel: {others})." if others else ".")
            )
    if next_links and len(next_links) == len(paths):
        scan.warnings.append(
            f"{join_list(next_links)} verwijst naar een volgende pagina die niet is meegegeven; "
            "er zijn mogelijk meer gegevens. Download ook de volgende pagina's "
            "(@odata.nextLink) en importeer ze samen."
        )
    if not scan._records and not scan._without_id:
        raise InvalidInput(
            f"{join_list(scan.files)}: de bestanden bevatten geen moties (Zaak met Soort "
            "‘Motie’) en geen toezeggingen (Toezegging); er is niets geïmporteerd. Exporteer "
            "Zaak met $expand=Kamerstukdossier,Document,Besluit,ZaakActor, of Toezegging."
        )
    scan._finish()


def nothing_usable(files: Sequence[str], skipped: Sequence[Skip]) -> InvalidInput:
    """The refusal when the files hold Zaken or Toezeggingen, but none that can be imported."""
    reasons = join_list(sorted({f"{s.reason} ({s.example})" for s in skipped})[:3])
    return InvalidInput(
        f"In {join_list(files)} staat geen bruikbare motie of toezegging"
        + (f": {reasons}" if reasons else "")
        + ". Verwacht wordt Zaak met Soort ‘Motie’ (met $expand=Kamerstukdossier,"
        "Document,Besluit,ZaakActor) of Toezegging. Er is niets geïmporteerd."
    )
