"""Other people's changes to a team registry, as they happen (PostgreSQL LISTEN/NOTIFY).

Every table the windows show has a statement trigger that sends ``NOTIFY voortgang``
with the table's name (see :mod:`desktop.core.store.server_migrations`). A listener
holds one extra connection, collects the notifications of a short burst and reports
them at once, and reconnects by itself after a network interruption.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Collection
from typing import Any

from sqlalchemy.exc import DBAPIError

from desktop.core.errors import StoreError
from desktop.core.store.engine import Address, connect
from desktop.core.store.server_migrations import NOTIFY_CHANNEL

BURST_S = 0.4
RETRY_S = 2.0
EVERYTHING = "*"


def backend_pid(db: Any) -> int | None:
    """The server process of a connection (its notifications carry it), None on SQLite."""
    from desktop.core.store.rows import is_server, scalar

    return int(scalar(db, "SELECT pg_backend_pid()")) if is_server(db) else None


def listen(
    address: Address,
    on_change: Callable[[set[str]], None],
    stop: threading.Event,
    *,
    ignore_pids: Callable[[], Collection[int]] = frozenset,
    on_ready: Callable[[], None] | None = None,
) -> None:
    """Report changed tables until ``stop`` is set (runs on the caller's thread).

    Changes made through a connection whose server process is in ``ignore_pids()`` (the
    app's own) are not reported. After a lost connection the listener reconnects and
    reports ``{"*"}``: anything may have changed meanwhile.
    """
    import psycopg  # only a team registry listens; a registry file never loads it

    reconnected = False
    while not stop.is_set():
        try:
            engine, db = connect(address)
        except StoreError:
            stop.wait(RETRY_S)
            reconnected = True
            continue
        try:
            driver: Any = db.connection.driver_connection
            driver.execute(f"LISTEN {NOTIFY_CHANNEL}")
            if reconnected:
                on_change({EVERYTHING})
                reconnected = False
            if on_ready is not None:
                on_ready()
                on_ready = None
            while not stop.is_set():
                tables: set[str] = set()
                for note in driver.notifies(timeout=BURST_S):
                    if note.pid not in ignore_pids():
                        tables.add(note.payload)
                if tables and not stop.is_set():
                    on_change(tables)
        except (DBAPIError, psycopg.Error, OSError):
            # The server went away (network, restart): wait, then listen again.
            reconnected = True
            stop.wait(RETRY_S)
        finally:
            with contextlib.suppress(DBAPIError, psycopg.Error, OSError):
                db.close()
            engine.dispose()
