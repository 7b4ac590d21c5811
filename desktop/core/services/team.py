"""The team registry: addresses, connection checks, migration, copies and live changes.

No Qt here: the connection dialog, the CLI and the change listener of the windows call
these.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from desktop.core.errors import InvalidInput, StoreError
from desktop.core.store import AddressLike, Store, changes

# What a listener reports after reconnecting: anything may have changed.
from desktop.core.store.changes import EVERYTHING as EVERYTHING
from desktop.core.store.copy import CopyReport, row_counts
from desktop.core.store.copy import copy_registry as copy_rows
from desktop.core.store.db import (
    applied_migrations,
    describe_server,
    known_migrations,
    pending_migrations,
    upgrade,
)
from desktop.core.store.engine import (
    Address,
    explain_connection_error,
    parse_address,
    remember_password,
)


@dataclass(frozen=True)
class ConnectionCheck:
    """What "Verbinding testen" found."""

    ok: bool
    message: str
    needs_setup: bool = False


def check_connection(address: str | Path) -> ConnectionCheck:
    """Try an address without changing anything: reachable, a registry, up to date?"""
    try:
        parsed = parse_address(address)
    except StoreError as exc:
        return ConnectionCheck(False, str(exc))
    if not parsed.is_server:
        path = parsed.path
        if path is not None and path.exists():
            return ConnectionCheck(True, f"Het bestand {path} bestaat; het wordt geopend.")
        return ConnectionCheck(True, f"Er komt een nieuw register in {path}.")
    from desktop.core.store.engine import connect

    try:
        engine, db = connect(parsed)
    except StoreError as exc:
        return ConnectionCheck(False, str(exc))
    try:
        user, version = describe_server(db)
        applied = applied_migrations(db)
        pending = pending_migrations(db)
    except DBAPIError as exc:
        # Reached, but refused (no rights on the registry's tables, say).
        return ConnectionCheck(False, explain_connection_error(parsed, exc))
    finally:
        db.close()
        engine.dispose()
    where = f"Verbonden met PostgreSQL {version} als {user}."
    if not applied:
        return ConnectionCheck(
            True,
            f"{where} Deze database is nog leeg: Voortgang kan er een teamregister van maken.",
            needs_setup=True,
        )
    unknown = [name for name in applied if name not in known_migrations()]
    if unknown:
        return ConnectionCheck(
            False, f"{where} Dit teamregister is van een nieuwere versie van Voortgang."
        )
    if pending:
        return ConnectionCheck(
            False,
            f"{where} Het teamregister heeft een ouder schema; de beheerder werkt het bij "
            f"met: voortgang --db {parsed.saved} migrate.",
        )
    return ConnectionCheck(True, f"{where} Het teamregister is klaar voor gebruik.")


def save_password(address: str, password: str) -> None:
    """Keep the password of a server address in the system keyring (never in a file)."""
    parsed = parse_address(address)
    if not parsed.is_server:
        raise InvalidInput("Alleen een teamregister op een server heeft een wachtwoord.")
    remember_password(parsed, password)


def migrate_registry(address: AddressLike) -> tuple[list[str], Path | None]:
    """Bring a registry's schema up to date (an administrator's step on a server).

    Returns the names of the migrations applied and, for a SQLite file, the copy made
    before migrating.
    """
    parsed = address if isinstance(address, Address) else parse_address(address)
    return upgrade(parsed)


def copy_registry(
    source: AddressLike,
    target: AddressLike,
    *,
    replace: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> CopyReport:
    """Copy a whole registry from ``source`` to ``target`` (created or migrated as needed).

    Raises:
        StoreError: when an address cannot be opened, the target is not empty (without
            ``replace``), or the check after copying finds a difference.
    """
    source_address = source if isinstance(source, Address) else parse_address(source)
    target_address = target if isinstance(target, Address) else parse_address(target)
    if not source_address.is_server:
        if source_address.path is None or not source_address.path.is_file():
            # Opening would create an empty registry there, and copy nothing over the target.
            raise InvalidInput(f"Het register {source_address.shown} bestaat niet.")
        if (
            not target_address.is_server
            and target_address.path is not None
            and source_address.path.resolve() == target_address.path.resolve()
        ):
            raise InvalidInput("Van en naar zijn hetzelfde register.")
    with (
        Store.open(source_address, daily_backup=False) as origin,
        Store.open(target_address, daily_backup=False, allow_migrate=True) as destination,
    ):
        return copy_rows(origin.db, destination.db, replace=replace, progress=progress)


def copy_into_new_file(store: Store, target: Path) -> Path:
    """Copy an open (team) registry into a new SQLite file; refuses an existing file."""
    if target.exists():
        raise InvalidInput(f"{target} bestaat al; kies een nieuwe bestandsnaam.")
    with Store.open(target, daily_backup=False) as destination:
        copy_rows(store.db, destination.db)
    return target


def counts(store: Store) -> dict[str, int]:
    """Rows per table of an open registry (for checking a copy)."""
    return row_counts(store.db)


class ChangeWatcher:
    """Tells, on a thread of its own, when someone else changed the team registry.

    ``on_change`` gets the names of the tables that changed (one call per burst). A
    SQLite registry has no colleagues: nothing is watched.
    """

    def __init__(
        self,
        address: Address,
        on_change: Callable[[set[str]], None],
        *,
        own_pids: Callable[[], Collection[int]] = frozenset,
    ):
        self.address = address
        self.on_change = on_change
        self.own_pids = own_pids
        self.ready = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start listening (a no-op for SQLite)."""
        if not self.address.is_server or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="voortgang-luisteraar", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop listening and wait for the thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self) -> None:
        changes.listen(
            self.address,
            self.on_change,
            self._stop,
            ignore_pids=self.own_pids,
            on_ready=self.ready.set,
        )
