"""The registry store: a SQLite file or a PostgreSQL team registry, opened through :class:`Store`."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from desktop.core.errors import StoreError
from desktop.core.store.db import check_integrity, open_database
from desktop.core.store.engine import Address, parse_address, raw_sqlite
from desktop.core.store.rows import query, transaction

# What a registry address may be given as: a parsed address, a path, a text as typed
# (a path or a postgresql:// URL), or None for a registry in memory.
AddressLike = Address | Path | str | None


class Store:
    """An open registry. Use one per thread; the connection is tied to its thread."""

    def __init__(
        self,
        engine: Engine,
        db: Connection,
        address: Address,
        migration_backup: Path | None = None,
    ):
        self.engine = engine
        self.db = db
        self.address = address
        self.migration_backup = migration_backup
        self.backup_failed = False

    @property
    def path(self) -> Path | None:
        """The SQLite file (None in memory and for a team registry)."""
        return self.address.path if not self.address.is_server else None

    @property
    def is_server(self) -> bool:
        """True for a team registry on PostgreSQL."""
        return self.address.is_server

    @classmethod
    def open(
        cls, address: AddressLike, *, daily_backup: bool = True, allow_migrate: bool = False
    ) -> Store:
        """Open the registry at ``address`` (a SQLite path, a postgresql:// URL; None: memory).

        A SQLite file is created or migrated as needed, and gets its daily backup on the
        first open of the day. A team registry is created or migrated only with
        ``allow_migrate`` (the ``init`` and ``migrate`` commands).
        """
        parsed = address if isinstance(address, Address) else parse_address(address)
        engine, db, migration_backup = open_database(
            parsed, allow_migrate=allow_migrate or not parsed.is_server
        )
        store = cls(engine, db, parsed, migration_backup)
        if daily_backup and store.path is not None:
            from desktop.core.store.backup import daily_backup as make_daily

            try:
                make_daily(db, store.path)
            except (StoreError, OSError, sqlite3.Error, DBAPIError):
                # A failed backup must never keep the user from their registry; callers
                # tell the user (backup_failed).
                store.backup_failed = True
        return store

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic unit of work: all of it is saved, or none of it."""
        with transaction(self.db) as db:
            yield db

    def integrity(self) -> str:
        """``ok`` when the engine finds the registry sound."""
        return check_integrity(self.db)

    def is_empty(self) -> bool:
        """True when the registry holds no motions, letters or convenanten yet."""
        for table in ("motions", "letters", "convenanten", "commitments", "eu_files"):
            if query(self.db, f"SELECT 1 FROM {table} LIMIT 1"):
                return False
        return True

    def set_abort_check(self, should_abort: Callable[[], object] | None, steps: int) -> None:
        """Let a long query stop when ``should_abort()`` turns true (SQLite; None: off).

        A team registry's queries run on the server; they are stopped between statements.
        """
        raw = raw_sqlite(self.db)
        if raw is not None:
            raw.set_progress_handler(
                None if should_abort is None else (lambda: 1 if should_abort() else 0), steps
            )

    def close(self) -> None:
        """Close the connection."""
        try:
            self.db.close()
        finally:
            self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
