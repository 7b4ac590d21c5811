"""Copying a whole registry between any two addresses, checked afterwards.

SQLite → PostgreSQL starts a team registry from a personal one; PostgreSQL → SQLite
takes a copy on the road (and is the team registry's backup). Rows keep their ids, so
every link between them survives; the copy is one transaction on the target and is
compared with the source, table by table (count and a digest of every value), before it
is committed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from desktop.core.errors import StoreError
from desktop.core.store.rows import (
    execute,
    insert_rows,
    is_server,
    query,
    read_snapshot,
    scalar,
    transaction,
)

# Every table of the registry, parents before children (foreign keys).
TABLES = (
    "dossiers",
    "kamerstukken",
    "motions",
    "commitments",
    "convenanten",
    "convenant_partijen",
    "convenant_voortgang",
    "eu_files",
    "eu_datums",
    "eu_ontwikkelingen",
    "letters",
    "letter_sections",
    "letter_motions",
    "letter_commitments",
    "letter_convenanten",
    "motion_settlements",
    "commitment_settlements",
    "status_history",
    "settings",
    "open_data_links",
    "letter_versions",
    "letterhead",
)
# Tables with an identity column whose sequence must continue after the copied ids.
_IDENTITY = frozenset(TABLES) - {
    "letter_motions",
    "letter_commitments",
    "letter_convenanten",
    "motion_settlements",
    "commitment_settlements",
    "settings",
    "open_data_links",
    "letterhead",
}
BATCH = 2_000


@dataclass
class CopyReport:
    """What was copied: rows per table, and whether the check found them equal."""

    rows: dict[str, int] = field(default_factory=dict)
    verified: bool = False

    @property
    def total(self) -> int:
        """All rows copied."""
        return sum(self.rows.values())


def _order(table: str, columns: list[str]) -> str:
    keys = (
        ["id"] if "id" in columns else ([columns[0], columns[1]] if len(columns) > 1 else columns)
    )
    if table == "settings":
        keys = ["key"]
    elif table == "open_data_links":
        keys = ["tk_id"]
    return ", ".join(keys)


def _columns(db: Connection, table: str) -> list[str]:
    return list(execute(db, f"SELECT * FROM {table} WHERE 1 = 0").keys())


def _digest(db: Connection, table: str, columns: list[str]) -> tuple[int, str]:
    """Row count and a digest of every value, in key order."""
    digest = hashlib.sha256()
    count = 0
    names = ", ".join(columns)
    result = execute(db, f"SELECT {names} FROM {table} ORDER BY {_order(table, columns)}")
    for row in result:
        count += 1
        for value in row:
            digest.update(_canonical(value))
    return count, digest.hexdigest()


def _canonical(value: Any) -> bytes:
    if value is None:
        return b"\x00N"
    if isinstance(value, bytes | bytearray | memoryview):
        return b"\x00B" + bytes(value) + b"\x00"
    if isinstance(value, bool):
        return f"\x00I{int(value)}\x00".encode()
    if isinstance(value, int):
        return f"\x00I{value}\x00".encode()
    return b"\x00S" + str(value).encode("utf-8") + b"\x00"


def is_empty(db: Connection) -> bool:
    """True when no table of the registry holds a row."""
    return all(not query(db, f"SELECT 1 FROM {table} LIMIT 1") for table in TABLES)


def copy_registry(
    source: Connection,
    target: Connection,
    *,
    replace: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> CopyReport:
    """Copy every row of ``source`` into ``target`` (both migrated to this app's schema).

    Raises:
        StoreError: when the target holds data and ``replace`` is false, or when the
            check after copying finds a difference (nothing is then kept).
    """
    if not is_empty(target):
        if not replace:
            raise StoreError(
                "Het doelregister is niet leeg; er is niets gekopieerd. Kies een leeg register, "
                "of vervang de inhoud bewust (--vervang)."
            )
        if is_empty(source):
            raise StoreError(
                "Het bronregister is leeg; het zou de inhoud van het doelregister alleen "
                "wissen. Er is niets gekopieerd."
            )
    report = CopyReport()
    # One snapshot of the source for the copy and the check: colleagues may go on working.
    with read_snapshot(source), transaction(target):
        if replace:
            for table in reversed(TABLES):
                execute(target, f"DELETE FROM {table}")
        for table in TABLES:
            columns = _columns(source, table)
            missing = set(columns) - set(_columns(target, table))
            if missing:
                raise StoreError(
                    f"Het doelregister mist kolom {sorted(missing)[0]} in {table}; werk het bij "
                    "(voortgang migrate) en kopieer opnieuw."
                )
            names = ", ".join(columns)
            order = _order(table, columns)
            copied = 0
            result = execute(source, f"SELECT {names} FROM {table} ORDER BY {order}")
            while batch := result.fetchmany(BATCH):
                insert_rows(
                    target, table, [dict(zip(columns, _value(row), strict=True)) for row in batch]
                )
                copied += len(batch)
                if progress is not None:
                    progress(table, copied)
            report.rows[table] = copied
            if is_server(target) and table in _IDENTITY:
                execute(
                    target,
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" coalesce((SELECT max(id) FROM {table}), 0) + 1, false)",
                )
        for table in TABLES:
            columns = _columns(source, table)
            if _digest(source, table, columns) != _digest(target, table, columns):
                raise StoreError(
                    f"Na het kopiëren verschilt tabel {table} van het origineel; er is niets "
                    "bewaard in het doelregister."
                )
        report.verified = True
    if is_server(target):
        # The planner's statistics of the new rows: without them the first searches of a
        # freshly copied team registry walk the wrong index.
        execute(target, "ANALYZE")
    return report


def _value(row: Any) -> list[Any]:
    return [bytes(v) if isinstance(v, memoryview) else v for v in row]


def row_counts(db: Connection) -> dict[str, int]:
    """Rows per table."""
    return {table: int(scalar(db, f"SELECT count(*) FROM {table}")) for table in TABLES}
