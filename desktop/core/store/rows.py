"""Running SQL on either engine, and conversions between rows and domain values.

Statements are SQLAlchemy ``text()`` with named parameters (``:name``); a list or tuple
value is an expanding parameter (``id IN :ids``). Where the two engines differ in a
phrase (the time now, a string aggregate, a lock), the store asks :func:`dialect_of`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Connection,
    CursorResult,
    bindparam,
    column,
    insert,
    literal_column,
    table,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError, InvalidRequestError, OperationalError

# Who signs a change on a SQLite registry (re-exported for the store's modules).
from desktop.core.domain.user import current_user as current_user
from desktop.core.errors import StoreError
from desktop.core.store.engine import POSTGRESQL, SQLITE, raw_sqlite

Params = Mapping[str, Any]


def to_iso(value: dt.date | None) -> str | None:
    """A date as ISO text for the store."""
    return value.isoformat() if value else None


def from_iso(value: str | None) -> dt.date | None:
    """ISO text from the store as a date."""
    return dt.date.fromisoformat(value) if value else None


def to_json(values: list[str]) -> str:
    """A list of strings as JSON text."""
    if not values:
        return "[]"  # most lists of a new motion (its texts come later): no encoder needed
    return json.dumps(list(values), ensure_ascii=False)


def from_json(value: str | None) -> list[str]:
    """JSON text from the store as a list of strings."""
    return [str(item) for item in json.loads(value)] if value else []


def now_text() -> str:
    """The current local time, to the second, for history records."""
    return dt.datetime.now().replace(microsecond=0).isoformat()


def dialect_of(db: Connection) -> str:
    """``sqlite`` or ``postgresql``."""
    return str(db.dialect.name)


def is_server(db: Connection) -> bool:
    """True on a PostgreSQL (team) registry."""
    return dialect_of(db) == POSTGRESQL


# The time now as ISO text, to the second, computed by the engine (the server's clock on
# PostgreSQL). SQLite's 'now' is UTC, as the column defaults have always been.
_NOW_SQL = {
    SQLITE: "strftime('%Y-%m-%dT%H:%M:%S', 'now')",
    POSTGRESQL: "to_char(localtimestamp(0), 'YYYY-MM-DD\"T\"HH24:MI:SS')",
}


def now_sql(db: Connection) -> str:
    """SQL for the current time as ISO text, as the column defaults write it."""
    return _NOW_SQL[dialect_of(db)]


def string_agg(db: Connection, expression: str, separator: str) -> str:
    """SQL aggregating text values with a separator (``group_concat`` / ``string_agg``)."""
    quoted = "'" + separator.replace("'", "''") + "'"
    if is_server(db):
        return f"string_agg(({expression})::text, {quoted})"
    return f"group_concat({expression}, {quoted})"


def leading_int(db: Connection, expression: str) -> str:
    """SQL for the number at the start of a text (``224a`` → 224), for register order."""
    if is_server(db):
        # No leading digits: 0, as SQLite's CAST gives (NULL would sort last).
        return f"coalesce(CAST(substring({expression} from '^[0-9]+') AS INTEGER), 0)"
    return f"CAST({expression} AS INTEGER)"


def who_and_when(db: Connection) -> tuple[str, str]:
    """Who is changing the registry, and when.

    On a team registry the database login and the server's clock (nobody can sign as
    someone else, and laptops' clocks do not matter); on SQLite the user's name and the
    computer's time.
    """
    if is_server(db):
        row = db.execute(text(f"SELECT current_user, {now_sql(db)}")).one()
        return str(row[0]), str(row[1])
    return current_user(), now_text()


def one_of(db: Connection, column: str, name: str) -> str:
    """SQL for "``column`` is one of the list ``:name``", for a long list (an import's look-up).

    ``column IN :name`` on SQLite (one bound value per item); on PostgreSQL
    ``column = ANY(:name)``, the list sent as one array: the driver would otherwise parse a
    statement with thousands of placeholders each time (~30 ms for 2 000).
    """
    return f"{column} = ANY(:{name})" if is_server(db) else f"{column} IN :{name}"


def _statement(sql: str, params: Params | None) -> Any:
    statement = text(sql)
    expanding = [
        name
        for name, value in (params or {}).items()
        if isinstance(value, list | tuple) and f"ANY(:{name})" not in sql
    ]
    if expanding:
        statement = statement.bindparams(*(bindparam(name, expanding=True) for name in expanding))
    return statement


def execute(db: Connection, sql: str, params: Params | None = None) -> CursorResult[Any]:
    """Run one statement with named parameters.

    Raises:
        ConnectionLost: when the connection to the team registry broke off; the next
            statement opens a new one.
    """
    try:
        return db.execute(_statement(sql, params), dict(params or {}))
    except DBAPIError as exc:
        if exc.connection_invalidated:
            forget_connection(db)
            raise ConnectionLost() from exc
        raise


def forget_connection(db: Connection) -> None:
    """After a lost connection: drop what SQLAlchemy remembers, so the next use reconnects."""
    # First the rollback SQLAlchemy asks for; until then even .info refuses.
    with contextlib.suppress(DBAPIError, InvalidRequestError):
        db.rollback()
    with contextlib.suppress(DBAPIError, InvalidRequestError):
        db.info.pop(_DEPTH, None)


def query(db: Connection, sql: str, params: Params | None = None) -> list[dict[str, Any]]:
    """Run a query and return rows as dicts."""
    result = execute(db, sql, params)
    names = list(result.keys())
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def scalar(db: Connection, sql: str, params: Params | None = None) -> Any:
    """The first column of the first row (None when there is no row)."""
    return execute(db, sql, params).scalar()


def serialize(db: Connection, name: str) -> None:
    """One at a time for the rest of the transaction (PostgreSQL advisory lock by name).

    For work that reads much first and writes later (an open-data import): a second one
    waits instead of failing on rows the first added. SQLite's BEGIN IMMEDIATE already
    lets one writer in at a time.
    """
    if is_server(db):
        execute(db, "SELECT pg_advisory_xact_lock(hashtext(:name))", {"name": name})


def lock_row(db: Connection, table_name: str, row_id: int) -> None:
    """Lock one row for the rest of the transaction (PostgreSQL ``FOR UPDATE``).

    On SQLite the transaction's write lock (BEGIN IMMEDIATE) already keeps every other
    writer out; there is nothing more to take.
    """
    if is_server(db):
        execute(db, f"SELECT id FROM {table_name} WHERE id = :id FOR UPDATE", {"id": row_id})


def _explain_operational(exc: BaseException) -> StoreError | None:
    text_ = str(exc).lower()
    if "locked" in text_ or "busy" in text_:
        return StoreError(
            "Het register is bezet door een ander venster of programma. "
            "Probeer het zo opnieuw; er is niets gewijzigd."
        )
    if "disk" in text_ and "full" in text_:
        return StoreError("De schijf is vol; de wijziging is niet opgeslagen.")
    if "readonly" in text_ or "read-only" in text_:
        return StoreError("Het register is alleen-lezen; de wijziging is niet opgeslagen.")
    if "disk i/o" in text_:
        return StoreError(
            "Het register kon niet worden geschreven (schijffout); er is niets gewijzigd."
        )
    if "unique" in text_ and ("violat" in text_ or "constraint failed" in text_):
        return StoreError(
            "Dit staat al in het register (misschien voegde een collega het net toe); er is "
            "niets gewijzigd. Vernieuw de lijst (F5) en probeer het opnieuw."
        )
    if "deadlock detected" in text_ or "could not serialize" in text_:
        return StoreError(
            "Een collega wijzigde tegelijk hetzelfde; er is niets gewijzigd. Probeer het opnieuw."
        )
    return None


def explain(exc: BaseException) -> StoreError | None:
    """A Dutch message for a known engine failure (locks, disk, a lost connection)."""
    if isinstance(exc, ConnectionLost):
        return exc
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return ConnectionLost()
    if isinstance(exc, IntegrityError):
        return _explain_operational(exc)
    if isinstance(exc, OperationalError | sqlite3.OperationalError):
        found = _explain_operational(exc)
        if found is not None:
            return found
        if isinstance(exc, OperationalError) and not isinstance(exc.orig, sqlite3.Error):
            return _explain_server(exc)
    return None


# PostgreSQL error codes (SQLSTATE) with a message of their own.
_SERVER_MESSAGES = {
    "55P03": "Een collega werkt op dit moment aan hetzelfde; er is niets gewijzigd. Probeer "
    "het zo opnieuw.",
    "53100": "De schijf van de server is vol; de wijziging is niet opgeslagen. Waarschuw de "
    "beheerder.",
    "53300": "De server heeft geen verbindingen meer vrij; probeer het zo opnieuw of waarschuw "
    "de beheerder.",
    "57014": "De opdracht is afgebroken; er is niets gewijzigd.",
}


def _explain_server(exc: OperationalError) -> StoreError:
    """A server's operational error: a lost connection only when it is one (class 08, 57P0x)."""
    code = str(getattr(exc.orig, "sqlstate", "") or "")
    if code in _SERVER_MESSAGES:
        return StoreError(_SERVER_MESSAGES[code])
    if not code or code.startswith("08") or code.startswith("57P0"):
        return ConnectionLost()
    diag = getattr(exc.orig, "diag", None)
    detail = str(getattr(diag, "message_primary", None) or exc.orig)
    return StoreError(f"De server weigerde de wijziging ({code}: {detail}); er is niets gewijzigd.")


class ConnectionLost(StoreError):
    """The connection to the team registry broke off; nothing of the change was saved."""

    def __init__(self) -> None:
        super().__init__(
            "De verbinding met het teamregister is verbroken; de laatste wijziging is niet "
            "opgeslagen. Voortgang maakt opnieuw verbinding zodra het netwerk terug is; uw "
            "tekst blijft staan."
        )


_DEPTH = "voortgang_transaction_depth"


def refresh_statistics(db: Connection) -> None:
    """After a bulk write to a team registry: the planner's statistics of the new rows.

    PostgreSQL's autovacuum gathers them a minute or so later; until then the planner
    takes the tables for as small as before the write. After a first import of 100 000
    motions it then read every motion for every motion of a full list (``voortgang
    motions``): minutes instead of a second. SQLite needs nothing: its statements that
    must follow an index name it.
    """
    if is_server(db):
        execute(db, "ANALYZE")


@contextmanager
def following_index_order(db: Connection) -> Iterator[None]:
    """Around one query whose ``ORDER BY`` an index gives: the server must walk that index.

    PostgreSQL only (SQLite's statements name their index): ``enable_sort`` off for a
    transaction (or savepoint) of its own, so the setting cannot outlive the query, also
    when the query fails or is cancelled. For a page of rows matching a condition the
    planner cannot estimate, which it would otherwise read in full and sort.
    """
    if not is_server(db):
        yield
        return
    with transaction(db):
        execute(db, "SET LOCAL enable_sort = off")
        yield
        # Inside a caller's transaction a savepoint's SET LOCAL lasts until that one ends.
        execute(db, "SET LOCAL enable_sort = on")


@contextmanager
def transaction(db: Connection) -> Iterator[Connection]:
    """One atomic unit of work; known failures become clear Dutch messages.

    On SQLite the outermost level starts with BEGIN IMMEDIATE: it takes the write lock up
    front, so a second writer waits (busy timeout) instead of failing when its read
    snapshot would have to be upgraded. On PostgreSQL it is a plain BEGIN; rows that must
    not change underneath are locked with :func:`lock_row`. Nested levels are savepoints.
    """
    depth = int(db.info.get(_DEPTH, 0))
    if depth:
        name = f"voortgang_{depth}"
        db.info[_DEPTH] = depth + 1
        db.exec_driver_sql(f"SAVEPOINT {name}")
        try:
            yield db
        except ConnectionLost:
            raise  # the savepoint went with the connection
        except BaseException:
            db.exec_driver_sql(f"ROLLBACK TO SAVEPOINT {name}")
            db.exec_driver_sql(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            db.exec_driver_sql(f"RELEASE SAVEPOINT {name}")
        finally:
            db.info[_DEPTH] = depth
        return
    try:
        db.exec_driver_sql("BEGIN IMMEDIATE" if dialect_of(db) == SQLITE else "BEGIN")
    except (OperationalError, DBAPIError) as exc:
        if exc.connection_invalidated:
            forget_connection(db)
        raise (explain(exc) or exc) from exc
    db.info[_DEPTH] = 1
    try:
        yield db
    except BaseException as exc:
        if not isinstance(exc, ConnectionLost):  # then the connection is already forgotten
            _rollback(db)
        with contextlib.suppress(DBAPIError, InvalidRequestError):
            db.info[_DEPTH] = 0
        if isinstance(exc, OperationalError | DBAPIError):
            raise (explain(exc) or exc) from exc
        raise
    db.info[_DEPTH] = 0
    try:
        db.exec_driver_sql("COMMIT")
    except (OperationalError, DBAPIError) as exc:
        _rollback(db)
        raise (explain(exc) or exc) from exc


@contextmanager
def read_snapshot(db: Connection) -> Iterator[Connection]:
    """Reads that all see the registry as it was at one moment (others may write meanwhile).

    PostgreSQL: a REPEATABLE READ, READ ONLY transaction; SQLite: a deferred read
    transaction (WAL keeps its snapshot while others commit).
    """
    if in_transaction(db):
        yield db
        return
    db.exec_driver_sql(
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" if is_server(db) else "BEGIN"
    )
    db.info[_DEPTH] = 1
    try:
        yield db
    finally:
        with contextlib.suppress(DBAPIError, InvalidRequestError):
            db.info[_DEPTH] = 0
        _rollback(db)


def _rollback(db: Connection) -> None:
    # The connection may be gone (the server's side is rolled back with it), or there is
    # no transaction left to roll back.
    try:
        db.exec_driver_sql("ROLLBACK")
    except (OperationalError, DBAPIError):
        forget_connection(db)


def in_transaction(db: Connection) -> bool:
    """True inside :func:`transaction`."""
    return bool(db.info.get(_DEPTH, 0))


def insert_row(db: Connection, table_name: str, record: dict[str, Any]) -> int:
    """Insert one row and return its id."""
    target = table(table_name, *(column(name) for name in [*record, "id"]))
    statement = insert(target).values(record).returning(target.c.id)
    pk = db.execute(statement).scalar()
    if pk is None:  # pragma: no cover - RETURNING always reports the id of an insert
        raise StoreError(f"Er is niets opgeslagen in {table_name}.")
    return int(pk)


def insert_rows(db: Connection, table_name: str, records: list[dict[str, Any]]) -> None:
    """Insert several rows (no ids returned)."""
    if not records:
        return
    target = table(table_name, *(column(name) for name in records[0]))
    if len(records) == 1:
        db.execute(insert(target), records)
        return
    if not is_server(db):
        _insert_values(db, table_name, records)
        return
    # psycopg runs an executemany row by row (pipelined); COPY sends all rows in one
    # stream, on the same connection and in the same transaction (constraints and
    # triggers apply as to any insert). Column names come from our own code, never input.
    _copy(db, table_name, list(records[0]), records)


def _copy(db: Connection, table_name: str, keys: list[str], records: list[dict[str, Any]]) -> None:
    """PostgreSQL: ``COPY`` the rows into a table."""
    import psycopg  # only a team registry needs it

    raw = db.connection.driver_connection
    assert isinstance(raw, psycopg.Connection)
    try:
        with raw.cursor().copy(f"COPY {table_name} ({', '.join(keys)}) FROM STDIN") as copy:
            for record in records:
                copy.write_row([record[key] for key in keys])
    except psycopg.Error as exc:
        if raw.closed:
            forget_connection(db)
            raise ConnectionLost() from exc
        # As SQLAlchemy raises it (IntegrityError, OperationalError, ...), so that
        # transaction() explains it and rolls back as for any statement.
        raise DBAPIError.instance(f"COPY {table_name}", None, exc, psycopg.Error) from exc


def update_rows(db: Connection, table_name: str, key: str, records: list[dict[str, Any]]) -> None:
    """Set the other columns of many rows, each found by its ``key`` column (unique).

    SQLite: one ``executemany``. PostgreSQL, where that is a statement per row: one
    ``UPDATE … FROM json_populate_recordset(…)``, the rows sent as one JSON parameter and
    typed by the table's own row type (no temporary table, so no extra privilege).
    """
    if not records:
        return
    columns = [name for name in records[0] if name != key]
    if not is_server(db):
        assignments = ", ".join(f"{name} = :{name}" for name in columns)
        execute_many(db, f"UPDATE {table_name} SET {assignments} WHERE {key} = :{key}", records)
        return
    assignments = ", ".join(f"{name} = s.{name}" for name in columns)
    execute(
        db,
        f"UPDATE {table_name} AS t SET {assignments}"
        f" FROM json_populate_recordset(NULL::{table_name}, CAST(:rows AS json)) AS s"
        f" WHERE t.{key} = s.{key}",
        {"rows": json.dumps(records, ensure_ascii=False)},
    )


# Rows per SQLite INSERT at most (a power of two, see _insert_values).
_ROWS_PER_INSERT = 256


def _insert_values(db: Connection, table_name: str, records: list[dict[str, Any]]) -> None:
    """SQLite: many rows per ``INSERT … VALUES (…), (…)`` statement.

    Far fewer statements than an ``executemany`` (one per row), which matters most for
    the tables with a full-text index: SQLite's FTS5 writes its pending index at every
    statement, so a trigger that indexes row by row costs three times the insert itself.
    The rows go in parts of 256, 128, … 1 rows: the driver keeps every statement it ran
    prepared (about 2 kB per row of a statement), and so only a few differ.
    """
    keys = list(records[0])
    raw = raw_sqlite(db)
    assert raw is not None
    most = _ROWS_PER_INSERT
    while most > 1 and most * len(keys) > raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER):
        most //= 2
    row = "(" + ", ".join("?" * len(keys)) + ")"
    head = f"INSERT INTO {table_name} ({', '.join(keys)}) VALUES "
    start = 0
    while start < len(records):
        size = most
        while size > len(records) - start:
            size //= 2
        part = records[start : start + size]
        start += size
        try:
            raw.execute(head + ", ".join([row] * size), [r[key] for r in part for key in keys])
        except sqlite3.Error as exc:
            # As SQLAlchemy raises it (IntegrityError, OperationalError, ...), so that
            # transaction() explains it and rolls back as for any statement.
            raise DBAPIError.instance(head, None, exc, sqlite3.Error) from exc


def insert_rows_returning(
    db: Connection, table_name: str, records: list[dict[str, Any]]
) -> list[int]:
    """Insert several rows in one ``executemany``; their new ids, in the order given.

    The ids are taken first (PostgreSQL: from the table's identity sequence; SQLite: after
    the highest id, as SQLite itself would number them, under the transaction's write
    lock), so the rows go in as one batch on both engines.
    """
    if not records:
        return []
    ids = _new_ids(db, table_name, len(records))
    insert_rows(
        db,
        table_name,
        [{"id": row_id, **record} for row_id, record in zip(ids, records, strict=True)],
    )
    return ids


def _new_ids(db: Connection, table_name: str, count: int) -> list[int]:
    if is_server(db):
        rows = execute(
            db,
            "SELECT nextval(pg_get_serial_sequence(:table_name, 'id'))"
            " FROM generate_series(1, :count)",
            {"table_name": table_name, "count": count},
        )
        return sorted(int(row[0]) for row in rows)
    if not in_transaction(db):
        raise StoreError("Rijen in bulk toevoegen kan alleen binnen een transactie.")
    start = int(scalar(db, f"SELECT coalesce(max(id), 0) FROM {table_name}")) + 1
    return list(range(start, start + count))


def execute_many(db: Connection, sql: str, params: list[dict[str, Any]]) -> None:
    """Run one statement for each set of named parameters (one ``executemany``)."""
    if not params:
        return
    try:
        db.execute(text(sql), params)
    except DBAPIError as exc:
        if exc.connection_invalidated:
            forget_connection(db)
            raise ConnectionLost() from exc
        raise


def _dialect_insert(db: Connection) -> Any:
    """The engine's ``INSERT`` with ``ON CONFLICT`` (the PostgreSQL dialect is loaded only
    for a team registry: importing it costs every start of the program ~20 ms)."""
    if is_server(db):
        from sqlalchemy.dialects import postgresql

        return postgresql.insert
    from sqlalchemy.dialects import sqlite

    return sqlite.insert


def upsert(db: Connection, table_name: str, record: dict[str, Any], keys: tuple[str, ...]) -> None:
    """Insert a row, or replace the non-key columns of the row with the same ``keys``."""
    target = table(table_name, *(column(name) for name in record))
    dialect_insert = _dialect_insert(db)
    statement = dialect_insert(target).values(record)
    rest = {name: statement.excluded[name] for name in record if name not in keys}
    if rest:
        statement = statement.on_conflict_do_update(index_elements=list(keys), set_=rest)
    else:
        statement = statement.on_conflict_do_nothing(index_elements=list(keys))
    db.execute(statement)


def insert_if_absent(
    db: Connection, table_name: str, record: dict[str, Any], keys: tuple[str, ...]
) -> None:
    """Insert a row unless one with the same ``keys`` exists (also one a colleague is adding).

    ``INSERT … ON CONFLICT DO NOTHING``: on PostgreSQL a second writer waits for the first
    and then does nothing, where a read-then-insert would fail on the unique key.
    """
    target = table(table_name, *(column(name) for name in record))
    dialect_insert = _dialect_insert(db)
    db.execute(
        dialect_insert(target).values(record).on_conflict_do_nothing(index_elements=list(keys))
    )


def update_row(db: Connection, table_name: str, row_id: int, columns: dict[str, Any]) -> None:
    """Set columns of one row by id (no version check: for rows without one)."""
    target = table(table_name, column("id"), *(column(name) for name in columns))
    db.execute(update(target).where(target.c.id == row_id).values(columns))


def update_checked(
    db: Connection,
    table_name: str,
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
    target = table(
        table_name, column("id"), column("version"), column("gewijzigd"), *map(column, columns)
    )
    values: dict[str, Any] = {**columns, "version": target.c.version + 1}
    if touch:
        values["gewijzigd"] = literal_column(now_sql(db))
    statement = update(target).where(target.c.id == row_id)
    if version is not None:
        statement = statement.where(target.c.version == version)
    return db.execute(statement.values(values)).rowcount == 1
