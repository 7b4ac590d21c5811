"""Batched reads and writes for large imports: many motions, Kamerstukken and dossiers at once.

An import of 100 000 records cannot afford a dozen statements per record. These functions
look up what the registry holds for a whole set of records in a few queries, and write new
rows many at a time (``executemany``; RETURNING gives the new ids in order on both
engines). They change nothing a single-record call would not: :class:`NumberCache` fills
in missing dossier and Kamerstuk details exactly as :func:`kamerstukken.ensure_kamerstuk`
does, in the order it is asked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection as Database

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Motion
from desktop.core.store import motions
from desktop.core.store.rows import insert_rows_returning, one_of, query, to_iso, update_row

# Expanding IN lists become one bound parameter per value: keep them well below SQLite's
# limit of 32 766 variables (and PostgreSQL's 65 535).
CHUNK = 2000

# Kamerstukken a NumberCache keeps between the parts of an import, at most.
CACHE_LIMIT = 50_000

T = TypeVar("T")

#: A motion's identity by number: dossier, toevoeging, ondernummer, kamer.
NumberKey = tuple[int, str, str, str]


def number_key(ref: KamerstukRef) -> NumberKey:
    """The identity :func:`motions.find` looks a motion up by."""
    return (ref.dossier, ref.toevoeging or "", ref.ondernummer, ref.kamer)


def chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[list[T]]:
    """``values`` in lists of at most ``size``."""
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


# A motion as an import compares it: what :func:`motions.get` reads, without the
# letters that settled it and the motion replacing it (an import sets neither, and
# finding them per motion is most of the cost of reading 100 000).
_MOTION_SELECT = """
SELECT m.*, k.ondernummer, k.kamer, k.vergaderjaar, d.nummer AS dossier, d.toevoeging,
       d.titel AS dossier_titel,
       vd.nummer AS vervangt_dossier, vd.toevoeging AS vervangt_toevoeging,
       vk.ondernummer AS vervangt_nummer,
       NULL AS vervangen_door_nummer, NULL AS afgedaan_met
FROM motions m
LEFT JOIN kamerstukken k ON k.id = m.kamerstuk_id
LEFT JOIN dossiers d ON d.id = k.dossier_id
LEFT JOIN kamerstukken vk ON vk.id = m.vervangt_kamerstuk_id
LEFT JOIN dossiers vd ON vd.id = vk.dossier_id
WHERE {ids}
"""


def motions_by_id(db: Database, ids: Iterable[int]) -> dict[int, Motion]:
    """The motions with these ids (those that exist), for comparing with imported records.

    As :func:`motions.get` reads them, except ``afgedaan_met`` (empty) and
    ``vervangen_door`` (None), which an import never compares or sets.
    """
    found: dict[int, Motion] = {}
    for part in chunks(sorted(set(ids))):
        for row in query(db, _MOTION_SELECT.format(ids=one_of(db, "m.id", "ids")), {"ids": part}):
            found[row["id"]] = motions._from_row(row)
    return found


def taken_zaaknummers(db: Database, zaaknummers: Iterable[str]) -> set[str]:
    """Which of these Zaak numbers a registered motion has."""
    taken: set[str] = set()
    for part in chunks(sorted(set(zaaknummers))):
        rows = query(
            db, f"SELECT zaaknummer FROM motions WHERE {one_of(db, 'zaaknummer', 'z')}", {"z": part}
        )
        taken.update(row["zaaknummer"] for row in rows)
    return taken


def taken_numbers(db: Database, dossiers: Iterable[int]) -> set[NumberKey]:
    """The numbers of the registered motions in these dossiers."""
    taken: set[NumberKey] = set()
    for part in chunks(sorted(set(dossiers))):
        rows = query(
            db,
            "SELECT d.nummer, d.toevoeging, k.ondernummer, k.kamer FROM motions m"
            " JOIN kamerstukken k ON k.id = m.kamerstuk_id"
            f" JOIN dossiers d ON d.id = k.dossier_id WHERE {one_of(db, 'd.nummer', 'dossiers')}",
            {"dossiers": part},
        )
        taken.update(
            (row["nummer"], row["toevoeging"] or "", row["ondernummer"], row["kamer"])
            for row in rows
        )
    return taken


@dataclasses.dataclass(slots=True)
class _Dossier:
    id: int | None
    titel: str | None
    dirty: bool = False


@dataclasses.dataclass(slots=True)
class _Kamerstuk:
    id: int | None
    dossier: tuple[int, str]
    ondernummer: str
    kamer: str
    details: dict[str, Any]
    dirty: set[str] = dataclasses.field(default_factory=set)


_DETAILS = ("soort", "datum", "titel", "vergaderjaar")


class NumberCache:
    """Dossiers and Kamerstukken of a set of dossier numbers, read once, written in batches.

    :meth:`ensure` is :func:`kamerstukken.ensure_kamerstuk` without a statement: a new row
    gets its id at :meth:`write`; a missing detail (a dossier title, a Kamerstuk's date)
    is filled in by the first call that knows it, as the single-record function does.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._dossiers: dict[tuple[int, str], _Dossier] = {}
        self._kamerstukken: dict[tuple[tuple[int, str], str, str], _Kamerstuk] = {}
        self._loaded: set[int] = set()
        # What write() has to do, in the order it was asked for.
        self._new_dossiers: list[tuple[tuple[int, str], _Dossier]] = []
        self._new_stukken: list[_Kamerstuk] = []
        self._dirty_dossiers: list[_Dossier] = []
        self._dirty_stukken: list[_Kamerstuk] = []

    @property
    def pending(self) -> bool:
        """True when :meth:`write` has something to write."""
        return bool(
            self._new_dossiers or self._new_stukken or self._dirty_dossiers or self._dirty_stukken
        )

    def load(self, dossier_numbers: Iterable[int]) -> None:
        """Read the dossiers with these numbers and their Kamerstukken (once per number)."""
        wanted = sorted(set(dossier_numbers) - self._loaded)
        for part in chunks(wanted):
            by_id: dict[int, tuple[int, str]] = {}
            for row in query(
                self.db,
                "SELECT id, nummer, toevoeging, titel FROM dossiers WHERE "
                + one_of(self.db, "nummer", "n"),
                {"n": part},
            ):
                key = (row["nummer"], row["toevoeging"] or "")
                self._dossiers[key] = _Dossier(row["id"], row["titel"])
                by_id[row["id"]] = key
            for ids in chunks(sorted(by_id)):
                for row in query(
                    self.db,
                    f"SELECT * FROM kamerstukken WHERE {one_of(self.db, 'dossier_id', 'ids')}",
                    {"ids": ids},
                ):
                    dossier = by_id[row["dossier_id"]]
                    self._kamerstukken[(dossier, row["ondernummer"], row["kamer"])] = _Kamerstuk(
                        row["id"],
                        dossier,
                        row["ondernummer"],
                        row["kamer"],
                        {name: row[name] for name in _DETAILS},
                    )
        self._loaded.update(wanted)

    def trim(self, limit: int = CACHE_LIMIT) -> None:
        """Forget everything once more than ``limit`` Kamerstukken are known (read again later).

        An import of many parts keeps what it read of the registry between them, up to a
        limit: memory stays bounded however many records the files hold.
        """
        assert not self.pending, "write() first"
        if len(self._kamerstukken) > limit:
            self._dossiers.clear()
            self._kamerstukken.clear()
            self._loaded.clear()

    def forget(self, dossier_numbers: Iterable[int]) -> None:
        """Drop what is known of these dossiers (someone else wrote to them); read again later."""
        numbers = set(dossier_numbers)
        assert not self.pending, "write() first"
        for key in [k for k in self._dossiers if k[0] in numbers]:
            del self._dossiers[key]
        for stuk in [k for k in self._kamerstukken if k[0][0] in numbers]:
            del self._kamerstukken[stuk]
        self._loaded -= numbers

    def ensure_dossier(self, nummer: int, toevoeging: str | None, titel: str | None) -> None:
        """Get or create a dossier; fills in a missing title (see ``ensure_dossier``)."""
        if nummer not in self._loaded:
            self.load([nummer])
        key = (nummer, toevoeging or "")
        dossier = self._dossiers.get(key)
        if dossier is None:
            dossier = self._dossiers[key] = _Dossier(None, titel)
            self._new_dossiers.append((key, dossier))
        elif titel and not dossier.titel:
            dossier.titel = titel
            if dossier.id is not None and not dossier.dirty:
                dossier.dirty = True
                self._dirty_dossiers.append(dossier)

    def ensure(
        self,
        ref: KamerstukRef,
        *,
        soort: str | None = None,
        datum: dt.date | None = None,
        titel: str | None = None,
        dossier_titel: str | None = None,
    ) -> tuple[tuple[int, str], str, str]:
        """Get or create a Kamerstuk (see ``ensure_kamerstuk``); its key for :meth:`id_of`."""
        self.ensure_dossier(ref.dossier, ref.toevoeging, dossier_titel)
        dossier = (ref.dossier, ref.toevoeging or "")
        key = (dossier, ref.ondernummer, ref.kamer)
        details = {
            "soort": soort,
            "datum": to_iso(datum),
            "titel": titel,
            "vergaderjaar": ref.vergaderjaar,
        }
        found = self._kamerstukken.get(key)
        if found is None:
            found = _Kamerstuk(None, dossier, ref.ondernummer, ref.kamer, details)
            self._kamerstukken[key] = found
            self._new_stukken.append(found)
            return key
        for name, value in details.items():
            if value and not found.details[name]:
                found.details[name] = value
                if found.id is not None:
                    if not found.dirty:
                        self._dirty_stukken.append(found)
                    found.dirty.add(name)
        return key

    def write(self) -> None:
        """Insert the new dossiers and Kamerstukken and fill in missing details."""
        ids = insert_rows_returning(
            self.db,
            "dossiers",
            [{"nummer": k[0], "toevoeging": k[1], "titel": d.titel} for k, d in self._new_dossiers],
        )
        for (_, dossier), new_id in zip(self._new_dossiers, ids, strict=True):
            dossier.id = new_id
        for dossier in self._dirty_dossiers:
            assert dossier.id is not None
            update_row(self.db, "dossiers", dossier.id, {"titel": dossier.titel})
            dossier.dirty = False
        ids = insert_rows_returning(
            self.db,
            "kamerstukken",
            [
                {
                    "dossier_id": self._dossiers[k.dossier].id,
                    "ondernummer": k.ondernummer,
                    "kamer": k.kamer,
                    **k.details,
                }
                for k in self._new_stukken
            ],
        )
        for stuk, new_id in zip(self._new_stukken, ids, strict=True):
            stuk.id = new_id
        for stuk in self._dirty_stukken:
            assert stuk.id is not None
            update_row(self.db, "kamerstukken", stuk.id, {n: stuk.details[n] for n in stuk.dirty})
            stuk.dirty = set()
        self._new_dossiers, self._new_stukken = [], []
        self._dirty_dossiers, self._dirty_stukken = [], []

    def id_of(self, key: tuple[tuple[int, str], str, str]) -> int:
        """The id of a Kamerstuk :meth:`ensure` gave the key of (after :meth:`write`)."""
        stuk_id = self._kamerstukken[key].id
        assert stuk_id is not None, "write() first"
        return stuk_id


def add_motions(db: Database, items: Sequence[tuple[Motion, int | None, int | None]]) -> list[int]:
    """Insert new motions (already validated and checked for duplicates); their ids, in order.

    Each item is the motion, its Kamerstuk id and the id of the Kamerstuk it replaces. The
    caller records the history, as :func:`motions.add` does for one.
    """
    records = []
    for motion, kamerstuk_id, vervangt_id in items:
        columns = motions.column_values(motion, vervangt_id)
        records.append(
            {
                "kamerstuk_id": kamerstuk_id,
                "volgorde": motions.order_key(motion.kamerstuk),
                **columns,
            }
        )
    return insert_rows_returning(db, "motions", records)
