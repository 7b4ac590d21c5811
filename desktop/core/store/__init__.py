"""The registry store: one SQLite file, opened through :class:`Store`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from desktop.core.errors import StoreError
from desktop.core.store.db import check_integrity, open_database
from desktop.core.store.rows import transaction


class Store:
    """An open registry. Use one per thread; the connection is tied to its thread."""

    def __init__(self, db: Database, path: Path | None, migration_backup: Path | None = None):
        self.db = db
        self.path = path
        self.migration_backup = migration_backup
        self.backup_failed = False

    @classmethod
    def open(cls, path: Path | None, *, daily_backup: bool = True) -> Store:
        """Open (creating or migrating as needed) the registry at ``path``; None: in memory.

        A file registry gets its daily backup on the first open of the day.
        """
        db, resolved, migration_backup = open_database(path)
        store = cls(db, resolved, migration_backup)
        if daily_backup and resolved is not None:
            from desktop.core.store.backup import daily_backup as make_daily

            try:
                make_daily(db, resolved)
            except (StoreError, OSError, sqlite3.Error):
                # A failed backup must never keep the user from their registry; callers
                # tell the user (backup_failed).
                store.backup_failed = True
        return store

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic unit of work: all of it is saved, or none of it."""
        with transaction(self.db) as db:
            yield db

    def integrity(self) -> str:
        """``ok`` when SQLite finds the file sound."""
        return check_integrity(self.db)

    def is_empty(self) -> bool:
        """True when the registry holds no motions, letters or convenanten yet."""
        for table in ("motions", "letters", "convenanten", "commitments", "eu_files"):
            if self.db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
                return False
        return True

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
