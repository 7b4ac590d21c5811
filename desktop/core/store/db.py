"""Opening the registry file: pragmas, version checks, backup, migrations."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from desktop.core.errors import StoreError
from desktop.core.store.migrations import MIGRATION_SET, migrations

BUSY_TIMEOUT_MS = 10_000


def _configure(db: Database) -> None:
    """Set the pragmas every connection needs."""
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if not db.memory:
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError("Het register kon niet in WAL-modus worden geopend.")
        # FULL: a committed edit survives power loss, not just a crash of the app.
        db.execute("PRAGMA synchronous = FULL")


def known_migrations() -> list[str]:
    """Names of all migrations this version of the app knows, in order."""
    return [migration.name for migration in migrations._migrations]


def applied_migrations(db: Database) -> list[str]:
    """Names of the migrations already applied to a database."""
    return [migration.name for migration in migrations.applied(db)]


def backup_to(db: Database, target: Path) -> Path:
    """Copy a live database to ``target`` with SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    destination = sqlite3.connect(str(target))
    try:
        db.conn.backup(destination)
    finally:
        destination.close()
    return target


def _check_not_newer(db: Database, path: Path | None) -> None:
    unknown = [name for name in applied_migrations(db) if name not in known_migrations()]
    if unknown:
        where = f" ({path})" if path else ""
        raise StoreError(
            f"Dit register{where} is gemaakt met een nieuwere versie van Voortgang "
            f"(onbekende schemawijziging {unknown[0]}). Werk Voortgang bij om het te openen; "
            "het bestand is niet gewijzigd."
        )


def migrate(db: Database, path: Path | None = None) -> Path | None:
    """Bring a database up to date; returns the backup made before migrating, if any.

    A store that already has data is copied before any migration, so an interrupted
    or faulty upgrade never costs the user their registry.
    """
    _check_not_newer(db, path)
    pending = migrations.pending(db)
    if not pending:
        return None
    backup: Path | None = None
    if path is not None and applied_migrations(db):
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.stem}.voor-migratie-{stamp}{path.suffix or '.db'}")
        backup_to(db, backup)
    migrations.apply(db)
    return backup


def open_database(path: Path | None) -> tuple[Database, Path | None, Path | None]:
    """Open (and create or migrate) the registry; ``None`` gives an in-memory store.

    Returns the database, its path, and the copy made before a migration (or None).

    Raises:
        StoreError: when the file is not a Voortgang registry, is corrupt, comes from a
            newer version, or cannot be opened.
    """
    if path is None:
        db = Database(memory=True)
        _configure(db)
        migrate(db)
        return db, None, None
    if path.exists() and path.is_dir():
        raise StoreError(f"{path} is een map, geen registerbestand.")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise StoreError(f"{path} is geen Voortgang-register (geen SQLite-bestand).")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database(path)
        _configure(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"Het register {path} kan niet worden geopend: {exc}.") from exc
    except OSError as exc:
        raise StoreError(f"Het register {path} kan niet worden aangemaakt: {exc}.") from exc
    try:
        tables = set(db.table_names())
        foreign = tables - {"_sqlite_migrations"} and "motions" not in tables
        if foreign and not applied_migrations(db):
            db.close()
            raise StoreError(
                f"{path} is een SQLite-bestand van een ander programma, geen Voortgang-register."
            )
        backup = migrate(db, path)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StoreError(f"Het register {path} is beschadigd of onleesbaar: {exc}.") from exc
    return db, path, backup


def check_integrity(db: Database) -> str:
    """Run ``PRAGMA integrity_check``; returns ``ok`` or the first problem."""
    return str(db.execute("PRAGMA integrity_check").fetchone()[0])


__all__ = [
    "BUSY_TIMEOUT_MS",
    "MIGRATION_SET",
    "applied_migrations",
    "backup_to",
    "check_integrity",
    "known_migrations",
    "migrate",
    "open_database",
]
