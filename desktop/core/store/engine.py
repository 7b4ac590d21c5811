"""Where the registry lives: a SQLite file (the default) or a PostgreSQL server.

One address picks the engine: a file path, or a ``postgresql://`` address as libpq knows
it (``postgresql://anna@server/voortgang``, ``postgresql:///voortgang?service=team``).
Both are opened through SQLAlchemy Core, so the store has one code path; the engine's
own features (SQLite's online backup, PostgreSQL's LISTEN/NOTIFY) are asked for by name.

A password is never written anywhere by the app: libpq's ``.pgpass`` or service file,
or the operating system's keyring (``keyring``), supply it.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import NullPool, StaticPool

from desktop.core.errors import StoreError

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
KEYRING_SERVICE = "Voortgang"
CONNECT_TIMEOUT_S = 8
BUSY_TIMEOUT_MS = 10_000

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
_PG_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg"}


@dataclass(frozen=True)
class Address:
    """A registry address: a SQLite file (``path``; None is in memory) or a server URL."""

    engine: str
    path: Path | None = None
    url: URL | None = None

    @property
    def is_server(self) -> bool:
        """True for a PostgreSQL (team) registry."""
        return self.engine == POSTGRESQL

    @property
    def shown(self) -> str:
        """The address as the user may see it: never with a password."""
        if self.url is not None:
            return self.url.set(drivername="postgresql").render_as_string(hide_password=True)
        return str(self.path) if self.path is not None else ":memory:"

    @property
    def saved(self) -> str:
        """The address to keep in settings: the URL without its password."""
        if self.url is not None:
            # URL.set() takes None as "unchanged"; _replace is SQLAlchemy's documented way
            # to clear a field of the named tuple.
            bare = self.url.set(drivername="postgresql")._replace(password=None)
            return bare.render_as_string(hide_password=False)
        return str(self.path) if self.path is not None else ""

    @property
    def keyring_key(self) -> str:
        """The key under which the keyring holds this server login's password."""
        return self.saved


def is_server_address(value: str | Path | None) -> bool:
    """True when ``value`` is written as a URL (``scheme://``), not as a file path."""
    return isinstance(value, str) and bool(_SCHEME.match(value.strip()))


def parse_address(value: str | Path | None) -> Address:
    """Read a registry address as typed in ``--db``, ``VOORTGANG_DB`` or the open dialog.

    Raises:
        StoreError: for a URL that is not a PostgreSQL address, or one that lacks a
            database name (and service).
    """
    if value is None:
        return Address(SQLITE)
    if isinstance(value, Path):
        return Address(SQLITE, path=value.expanduser())
    text = value.strip()
    if not text:
        raise StoreError("Geef het pad van een registerbestand of een postgresql://-adres op.")
    scheme = _SCHEME.match(text)
    if scheme is None:
        return Address(SQLITE, path=Path(text).expanduser())
    if scheme.group(1).lower() not in _PG_SCHEMES:
        raise StoreError(
            f"‘{scheme.group(1)}://’ is geen registeradres dat Voortgang kent. Gebruik een "
            "bestandspad (een register op deze computer) of postgresql://gebruiker@server/"
            "database (een teamregister)."
        )
    try:
        url = make_url(re.sub(r"^[^:]+://", "postgresql+psycopg://", text))
    except (ArgumentError, ValueError) as exc:
        raise StoreError(
            f"‘{_hide_password(text)}’ is geen geldig postgresql://-adres ({exc}). Voorbeeld: "
            "postgresql://anna@server.ministerie.nl/voortgang."
        ) from exc
    if "password" in url.query:
        # libpq also takes ?password=…: keep it where the URL hides it (never shown or saved).
        password = url.query["password"]
        url = url.difference_update_query(["password"]).set(
            password=password if isinstance(password, str) else password[0]
        )
    if not url.database and "service" not in url.query:
        raise StoreError(
            f"In ‘{_hide_password(text)}’ ontbreekt de naam van de database, zoals in "
            "postgresql://anna@server/voortgang."
        )
    if url.port is not None and not 0 < url.port < 65536:
        raise StoreError(f"Poort {url.port} in ‘{_hide_password(text)}’ bestaat niet.")
    return Address(POSTGRESQL, url=url)


def _hide_password(text: str) -> str:
    text = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", text)
    return re.sub(r"([?&]password=)[^&]*", r"\1***", text)


def _keyring_password(address: Address) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, address.keyring_key)
    except (KeyringError, RuntimeError, OSError):
        # No keyring on this machine (a headless server, say): libpq's .pgpass then.
        return None


def remember_password(address: Address, password: str) -> None:
    """Keep a server password in the operating system's keyring (never in a file).

    Raises:
        StoreError: when this computer has no usable keyring.
    """
    try:
        import keyring
        from keyring.errors import KeyringError

        keyring.set_password(KEYRING_SERVICE, address.keyring_key, password)
    except (ImportError, KeyringError, RuntimeError, OSError) as exc:
        raise StoreError(
            "Het wachtwoord kon niet in de wachtwoordkluis van deze computer worden bewaard "
            f"({exc}). Zet het in het bestand .pgpass, zoals de systeembeheerder dat regelt."
        ) from exc


def _sqlite_engine(path: Path | None) -> Engine:
    target = str(path) if path is not None else ":memory:"

    def connect() -> sqlite3.Connection:
        # Autocommit at the driver: transactions are begun explicitly (BEGIN IMMEDIATE)
        # by the store, and plain reads never hold a lock.
        return sqlite3.connect(target, isolation_level=None, check_same_thread=False)

    return create_engine(
        "sqlite+pysqlite://",
        creator=connect,
        poolclass=StaticPool if path is None else NullPool,
        isolation_level="AUTOCOMMIT",
    )


def _postgresql_engine(address: Address) -> Engine:
    assert address.url is not None
    url = address.url
    if url.password is None:
        password = _keyring_password(address)
        if password:
            url = url.set(password=password)
    engine = create_engine(
        url,
        poolclass=NullPool,
        isolation_level="AUTOCOMMIT",
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "Voortgang",
            # The app asks for a page of 200 rows at a time: compiling a query (JIT) would
            # cost more than such a query itself.
            "options": "-c jit=off -c lock_timeout=15s",
            # A connection that died with the network (VPN, sleep) is noticed within a
            # minute, not after libpq's default two hours.
            "keepalives": 1,
            "keepalives_idle": 15,
            "keepalives_interval": 5,
            "keepalives_count": 3,
            "tcp_user_timeout": 30_000,
        },
    )

    return engine


def connect(address: Address) -> tuple[Engine, Connection]:
    """Open a connection to the registry at ``address``.

    Raises:
        StoreError: when the server cannot be reached or refuses the login.
    """
    if address.is_server:
        engine = _postgresql_engine(address)
        try:
            return engine, engine.connect()
        except Exception as exc:
            engine.dispose()
            raise StoreError(explain_connection_error(address, exc)) from exc
    engine = _sqlite_engine(address.path)
    return engine, engine.connect()


def explain_connection_error(address: Address, exc: BaseException) -> str:
    """A Dutch message for a failed connection to a team registry."""
    cause = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    detail = cause[0] if cause else type(exc).__name__
    lowered = detail.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        reason = (
            "de server weigert de aanmelding (gebruikersnaam of wachtwoord onjuist, of geen "
            "wachtwoord bekend; zet het in .pgpass of laat de app het in de wachtwoordkluis "
            "van deze computer bewaren)"
        )
    elif 'database "' in lowered and "does not exist" in lowered:
        reason = "die database bestaat niet op de server"
    elif "role" in lowered and "does not exist" in lowered:
        reason = "die gebruiker bestaat niet op de server"
    elif "timeout" in lowered or "timed out" in lowered:
        reason = "de server antwoordt niet (netwerk of VPN?)"
    elif "could not translate host name" in lowered or "name or service not known" in lowered:
        reason = "die servernaam is onbekend"
    elif "connection refused" in lowered or "no such file" in lowered:
        reason = "er draait daar geen databaseserver, of de poort klopt niet"
    else:
        reason = detail
    return f"Geen verbinding met het teamregister {address.shown}: {reason}."


def raw_sqlite(db: Connection) -> sqlite3.Connection | None:
    """The driver connection of a SQLite registry (for SQLite's own features), else None."""
    if db.dialect.name != SQLITE:
        return None
    raw = db.connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw
