"""A throw-away PostgreSQL server for the tests: Debian's own server, on a unix socket.

Started once per test session with ``initdb`` and ``pg_ctl`` in a temporary folder (as
the ``postgres`` account when the tests run as root, which ``initdb`` refuses). Each test
gets a fresh database copied from a migrated template, so a test costs a
``CREATE DATABASE``, not a migration.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

ROLE = "tester"  # the tests' VOORTGANG_USER: the login is who a change is signed by
TEMPLATE = "voortgang_sjabloon"


def find_server_binaries() -> Path | None:
    """The folder with ``initdb``, ``pg_ctl`` and ``postgres``, if installed."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        real = Path(found).resolve().parent
        if (real / "postgres").exists():
            return real
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    return None


@dataclass
class Server:
    """A running test server."""

    bin_dir: Path
    root: Path
    socket_dir: Path
    _counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def url(self, database: str, role: str = ROLE) -> str:
        """The address of a database, as a user types it (``postgresql://…``)."""
        return f"postgresql://{role}@/{database}?host={self.socket_dir}"

    def admin(self, database: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        """A superuser connection (autocommit) for setting up databases and roles."""
        return psycopg.connect(
            host=str(self.socket_dir), dbname=database, user="postgres", autocommit=True
        )

    def create_database(self, name: str | None = None, *, template: str | None = TEMPLATE) -> str:
        """A new empty database (a copy of the migrated template by default); its name."""
        name = name or f"t{os.getpid()}_{next(self._counter)}"
        with self.admin() as conn:
            source = f" TEMPLATE {template}" if template else ""
            conn.execute(f'CREATE DATABASE "{name}" OWNER {ROLE}{source}')
        return name

    def drop_database(self, name: str) -> None:
        """Remove a test database (closing what is still connected)."""
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def create_role(self, name: str) -> None:
        """Another person's login on the server."""
        with self.admin() as conn:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            if not exists:
                conn.execute(f'CREATE ROLE "{name}" LOGIN')

    def grant_all(self, database: str, role: str) -> None:
        """Let a colleague's login read and write a registry."""
        with self.admin(database) as conn:
            conn.execute(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{role}"')
            conn.execute(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{role}"')

    def stop(self) -> None:
        """Stop the server at once (its data is thrown away)."""
        self._as_owner(
            [
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.root / "data"),
                "-m",
                "immediate",
                "stop",
            ],
            check=False,
        )

    def _as_owner(self, command: list[str], *, check: bool = True) -> None:
        _run_as_owner(command, check=check)


def _run_as_owner(command: list[str], *, check: bool = True) -> None:
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)


def start(root: Path) -> Server:
    """Initialise and start a server under ``root``; the caller stops it."""
    bin_dir = find_server_binaries()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL (initdb, pg_ctl) is not installed")
    root.mkdir(parents=True, exist_ok=True)
    socket_dir = root / "sock"
    socket_dir.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(socket_dir, "postgres")
        os.chmod(root, 0o755)
    data = root / "data"
    try:
        _run_as_owner(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        )
        options = (
            f"-k {socket_dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
            " -c full_page_writes=off -c max_connections=120"
        )
        _run_as_owner(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(root / "server.log"),
                "-w",
                "start",
            ]
        )
    except subprocess.CalledProcessError as exc:
        raise RuntimeError(f"PostgreSQL did not start: {exc.stderr or exc.stdout}") from exc
    server = Server(bin_dir, root, socket_dir)
    with server.admin() as conn:
        conn.execute(f"CREATE ROLE {ROLE} LOGIN CREATEDB")
    return server


def prepare_template(server: Server) -> None:
    """Create the migrated template database every test database is copied from."""
    from desktop.core.store import Store

    server.create_database(TEMPLATE, template=None)
    with Store.open(server.url(TEMPLATE), allow_migrate=True):
        pass
    with server.admin() as conn:
        conn.execute(f"ALTER DATABASE {TEMPLATE} WITH IS_TEMPLATE true")
