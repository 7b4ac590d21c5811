"""Opening the registry: engine settings, version checks, backup, migrations."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlite_utils import Database as SqliteUtils

from desktop.core.errors import StoreError
from desktop.core.store import server_migrations
from desktop.core.store.engine import (
    BUSY_TIMEOUT_MS,
    Address,
    connect,
    explain_connection_error,
    raw_sqlite,
)
from desktop.core.store.migrations import MIGRATION_SET, migrations
from desktop.core.store.network import network_filesystem
from desktop.core.store.rows import execute, is_server, query, scalar


class ServerNotMigrated(StoreError):
    """A team registry whose schema is missing or older: an administrator must migrate it."""


def refuse_network_drive(path: Path) -> None:
    """Refuse a registry file on a network drive or in a synchronised cloud folder."""
    where = network_filesystem(path)
    if where is not None:
        raise StoreError(
            f"Het register {path} staat op {where}. Daar kan SQLite niet veilig schrijven "
            "(WAL werkt niet over een netwerk en netwerkvergrendeling is onbetrouwbaar), dus "
            "opent Voortgang het daar niet. Zet het bestand op deze computer, of werk met "
            "uw collega's samen in een teamregister op een PostgreSQL-server (Bestand › "
            "Register openen…, of --db postgresql://…)."
        )


def _configure_sqlite(raw: sqlite3.Connection, path: Path | None) -> None:
    """Set the pragmas every SQLite connection needs."""
    raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    raw.execute("PRAGMA foreign_keys = ON")
    if path is None:
        return
    mode = raw.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError("Het register kon niet in WAL-modus worden geopend.")
    # FULL: a committed edit survives power loss, not just a crash of the app.
    raw.execute("PRAGMA synchronous = FULL")


def known_migrations() -> list[str]:
    """Names of all migrations this version of the app knows, in order."""
    return [migration.name for migration in migrations._migrations]


def _sqlite_utils(db: Connection) -> SqliteUtils:
    raw = raw_sqlite(db)
    assert raw is not None
    return SqliteUtils(raw)


def applied_migrations(db: Connection | SqliteUtils) -> list[str]:
    """Names of the migrations already applied to a registry (or a SQLite file's copy)."""
    if isinstance(db, SqliteUtils):
        return [migration.name for migration in migrations.applied(db)]
    if is_server(db):
        present = scalar(db, "SELECT to_regclass(:name) IS NOT NULL", {"name": _pg_table()})
        if not present:
            return []
        rows = query(db, f"SELECT name FROM {_pg_table()} ORDER BY position")
        return [row["name"] for row in rows]
    return [migration.name for migration in migrations.applied(_sqlite_utils(db))]


def _pg_table() -> str:
    return server_migrations.MIGRATIONS_TABLE


def backup_to(db: Connection, target: Path) -> Path:
    """Copy a live SQLite registry to ``target`` with SQLite's online backup API."""
    raw = raw_sqlite(db)
    if raw is None:
        raise StoreError("Een teamregister wordt met copy-registry naar een bestand gekopieerd.")
    target.parent.mkdir(parents=True, exist_ok=True)
    destination = sqlite3.connect(str(target))
    try:
        raw.backup(destination)
    finally:
        destination.close()
    return target


def _check_not_newer(db: Connection, where: str) -> None:
    unknown = [name for name in applied_migrations(db) if name not in known_migrations()]
    if unknown:
        raise StoreError(
            f"Dit register{where} is gemaakt met een nieuwere versie van Voortgang "
            f"(onbekende schemawijziging {unknown[0]}). Werk Voortgang bij om het te openen; "
            "het register is niet gewijzigd."
        )


def pending_migrations(db: Connection) -> list[str]:
    """Migrations this app knows that the registry lacks."""
    applied = set(applied_migrations(db))
    return [name for name in known_migrations() if name not in applied]


def migrate(db: Connection, path: Path | None = None) -> Path | None:
    """Bring a registry up to date; returns the backup made before migrating, if any.

    A SQLite store that already has data is copied before any migration, so an
    interrupted or faulty upgrade never costs the user their registry. A server registry
    is migrated in one transaction (PostgreSQL's DDL is transactional) under an advisory
    lock.
    """
    _check_not_newer(db, f" ({path})" if path else "")
    if is_server(db):
        _migrate_server(db)
        return None
    sqlite_db = _sqlite_utils(db)
    if not migrations.pending(sqlite_db):
        return None
    backup: Path | None = None
    if path is not None and applied_migrations(db):
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.stem}.voor-migratie-{stamp}{path.suffix or '.db'}")
        backup_to(db, backup)
    migrations.apply(sqlite_db)
    return backup


def _migrate_server(db: Connection) -> None:
    from desktop.core.store.rows import transaction

    _apply_server_migrations(db, transaction)
    # Statistics for the planner after new columns and indexes (outside the transaction).
    execute(db, "ANALYZE")


def _apply_server_migrations(db: Connection, transaction: Any) -> None:
    with transaction(db):
        execute(db, "SELECT pg_advisory_xact_lock(:key)", {"key": server_migrations.MIGRATION_LOCK})
        execute(
            db,
            f"CREATE TABLE IF NOT EXISTS {_pg_table()} (name TEXT PRIMARY KEY,"
            " position INTEGER NOT NULL, applied TEXT NOT NULL, wie TEXT NOT NULL)",
        )
        applied = set(applied_migrations(db))
        steps: list[tuple[list[str], list[str]]] = []
        if not applied & set(server_migrations.BASELINE_NAMES):
            steps.append(
                (list(server_migrations.BASELINE_NAMES), server_migrations.baseline_statements())
            )
        for name, statements in server_migrations.LATER.items():
            if name not in applied:
                steps.append(([name], statements))
        for names, statements in steps:
            for statement in statements:
                db.exec_driver_sql(statement)
            for name in names:
                execute(
                    db,
                    f"INSERT INTO {_pg_table()} (name, position, applied, wie) VALUES"
                    " (:name, :position, to_char(localtimestamp(0),"
                    " 'YYYY-MM-DD\"T\"HH24:MI:SS'), current_user)",
                    {"name": name, "position": known_migrations().index(name) + 1},
                )


def _open_server(address: Address, allow_migrate: bool) -> tuple[Engine, Connection]:
    engine, db = connect(address)
    try:
        _check_not_newer(db, f" ({address.shown})")
        pending = pending_migrations(db)
        if pending and not allow_migrate:
            if len(pending) == len(known_migrations()):
                raise ServerNotMigrated(
                    f"De database {address.shown} is nog geen Voortgang-register. Maak het "
                    f"teamregister aan met: voortgang --db {address.saved} init (of migrate)."
                )
            raise ServerNotMigrated(
                f"Het teamregister {address.shown} heeft een ouder schema "
                f"({len(pending)} schemawijziging(en) open, de eerste {pending[0]}). De "
                f"beheerder werkt het bij met: voortgang --db {address.saved} migrate."
            )
        if pending:
            migrate(db)
    except DBAPIError as exc:
        db.close()
        engine.dispose()
        raise StoreError(explain_connection_error(address, exc)) from exc
    except BaseException:
        db.close()
        engine.dispose()
        raise
    return engine, db


def open_database(
    address: Address, *, allow_migrate: bool = True
) -> tuple[Engine, Connection, Path | None]:
    """Open (and create or migrate) the registry at ``address``.

    A SQLite file is created and migrated as needed; a server registry only when
    ``allow_migrate`` (``init``, ``migrate``): people sharing a server do not upgrade it
    by opening it with a newer app. Returns the engine, the connection and the SQLite
    copy made before a migration (or None).

    Raises:
        StoreError: when the registry is not a Voortgang registry, is corrupt, comes from
            a newer version, lies on a network drive, or cannot be reached.
    """
    if address.is_server:
        engine, db = _open_server(address, allow_migrate)
        return engine, db, None
    path = address.path
    if path is not None:
        refuse_network_drive(path)
        if path.exists() and path.is_dir():
            raise StoreError(f"{path} is een map, geen registerbestand.")
        if path.exists() and path.stat().st_size > 0:
            with path.open("rb") as handle:
                if handle.read(16) != b"SQLite format 3\x00":
                    raise StoreError(f"{path} is geen Voortgang-register (geen SQLite-bestand).")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Het register {path} kan niet worden aangemaakt: {exc}.") from exc
    try:
        engine, db = connect(address)
        raw = raw_sqlite(db)
        assert raw is not None
        _configure_sqlite(raw, path)
    except (sqlite3.DatabaseError, DBAPIError) as exc:
        raise StoreError(f"Het register {path} kan niet worden geopend: {exc}.") from exc
    except OSError as exc:
        raise StoreError(f"Het register {path} kan niet worden aangemaakt: {exc}.") from exc
    try:
        tables = set(_sqlite_utils(db).table_names())
        foreign = tables - {"_sqlite_migrations"} and "motions" not in tables
        if foreign and not applied_migrations(db):
            raise StoreError(
                f"{path} is een SQLite-bestand van een ander programma, geen Voortgang-register."
            )
        backup = migrate(db, path)
    except (sqlite3.DatabaseError, DBAPIError) as exc:
        db.close()
        engine.dispose()
        raise StoreError(f"Het register {path} is beschadigd of onleesbaar: {exc}.") from exc
    except BaseException:
        db.close()
        engine.dispose()
        raise
    return engine, db, backup


def upgrade(address: Address) -> tuple[list[str], Path | None]:
    """Migrate the registry at ``address``; the migrations applied and the copy made first."""
    if address.is_server:
        engine, db = connect(address)
        try:
            before = set(applied_migrations(db))
            migrate(db)
            return [name for name in applied_migrations(db) if name not in before], None
        except DBAPIError as exc:
            raise StoreError(explain_connection_error(address, exc)) from exc
        finally:
            db.close()
            engine.dispose()
    if address.path is None or not address.path.exists():
        raise StoreError(f"Er is geen register {address.shown} om bij te werken.")
    engine, db = connect(address)
    try:
        raw = raw_sqlite(db)
        assert raw is not None
        _configure_sqlite(raw, address.path)
        before = set(applied_migrations(db))
        backup = migrate(db, address.path)
        return [name for name in applied_migrations(db) if name not in before], backup
    finally:
        db.close()
        engine.dispose()


def describe_server(db: Connection) -> tuple[str, str]:
    """The login and the PostgreSQL version of a server connection."""
    user = str(scalar(db, "SELECT current_user"))
    version = str(scalar(db, "SHOW server_version")).split()[0]
    return user, version


def check_integrity(db: Connection) -> str:
    """``ok`` when the engine finds the registry sound (SQLite's ``integrity_check``)."""
    raw = raw_sqlite(db)
    if raw is None:
        # A server checks its own pages; what can be asked is that it answers.
        return "ok" if scalar(db, "SELECT 1") == 1 else "geen antwoord van de server"
    return str(raw.execute("PRAGMA integrity_check").fetchone()[0])


__all__ = [
    "BUSY_TIMEOUT_MS",
    "MIGRATION_SET",
    "ServerNotMigrated",
    "applied_migrations",
    "backup_to",
    "check_integrity",
    "known_migrations",
    "migrate",
    "open_database",
    "pending_migrations",
    "upgrade",
]
