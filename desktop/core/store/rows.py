"""Conversions between SQLite rows and domain values."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from desktop.core.errors import StoreError


def to_iso(value: dt.date | None) -> str | None:
    """A date as ISO text for the store."""
    return value.isoformat() if value else None


def from_iso(value: str | None) -> dt.date | None:
    """ISO text from the store as a date."""
    return dt.date.fromisoformat(value) if value else None


def to_json(values: list[str]) -> str:
    """A list of strings as JSON text."""
    return json.dumps(list(values), ensure_ascii=False)


def from_json(value: str | None) -> list[str]:
    """JSON text from the store as a list of strings."""
    return [str(item) for item in json.loads(value)] if value else []


def now_text() -> str:
    """The current local time, to the second, for history records."""
    return dt.datetime.now().replace(microsecond=0).isoformat()


def current_user() -> str:
    """Who is making a change, for the status history."""
    if os.environ.get("VOORTGANG_USER"):
        return os.environ["VOORTGANG_USER"]
    try:
        # The login name: USER/LOGNAME/USERNAME, else the account database.
        return getpass.getuser() or "onbekend"
    except (OSError, KeyError):
        return "onbekend"


def query(db: Database, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
    """Run a query and return rows as dicts."""
    return list(db.query(sql, params))


def _explain_operational(exc: sqlite3.OperationalError) -> StoreError | None:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError(
            "Het register is bezet door een ander venster of programma. "
            "Probeer het zo opnieuw; er is niets gewijzigd."
        )
    if "disk" in text and "full" in text:
        return StoreError("De schijf is vol; de wijziging is niet opgeslagen.")
    if "readonly" in text or "read-only" in text:
        return StoreError("Het register is alleen-lezen; de wijziging is niet opgeslagen.")
    if "disk i/o" in text:
        return StoreError(
            "Het register kon niet worden geschreven (schijffout); er is niets gewijzigd."
        )
    return None


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One atomic unit of work; known SQLite failures become clear Dutch messages.

    The outermost level starts with BEGIN IMMEDIATE: it takes the write lock up front,
    so a second writer waits (busy timeout) instead of failing when its read snapshot
    would have to be upgraded. Nested levels are savepoints.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise (_explain_operational(exc) or exc) from exc
    try:
        yield db
    except sqlite3.OperationalError as exc:
        conn.rollback()
        raise (_explain_operational(exc) or exc) from exc
    except BaseException:
        conn.rollback()
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        conn.rollback()
        raise (_explain_operational(exc) or exc) from exc


def insert_row(db: Database, table: str, record: dict[str, Any]) -> int:
    """Insert one row and return its id."""
    pk = db.table(table).insert(record).last_pk
    if pk is None:  # pragma: no cover - sqlite-utils always reports the rowid of an insert
        raise StoreError(f"Er is niets opgeslagen in {table}.")
    return int(pk)


def update_checked(
    db: Database,
    table: str,
    row_id: int,
    version: int | None,
    columns: dict[str, Any],
    *,
    touch: bool = False,
) -> bool:
    """Update one row only if it still has ``version`` (optimistic locking); bump the version.

    ``version`` None updates whatever version the row has (a deliberate overwrite, as by
    an import that merges its fields). ``touch`` also stamps ``gewijzigd`` with the time.
    Returns False when the row was changed (or removed) by someone else meanwhile: the
    caller raises its own :class:`~desktop.core.errors.ConflictError`.
    """
    assignments = [f"{name} = ?" for name in columns]
    assignments.append("version = version + 1")
    if touch:
        assignments.append("gewijzigd = strftime('%Y-%m-%dT%H:%M:%S', 'now')")
    sql = f"UPDATE {table} SET {', '.join(assignments)} WHERE id = ?"
    params: list[Any] = [*columns.values(), row_id]
    if version is not None:
        sql += " AND version = ?"
        params.append(version)
    return db.execute(sql, params).rowcount == 1
