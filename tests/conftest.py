"""Shared fixtures: stores, the demo registry and tool checks."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
import sqlite_utils

from desktop import paths
from desktop.core.demo import load_demo
from desktop.core.store import Store
from desktop.core.store.engine import raw_sqlite
from tests import postgres

REPO = Path(__file__).resolve().parent.parent
# Real published documents (see tests/fixtures/reference/README.md) and the benchmark inputs.
REFERENCE = REPO / "tests" / "fixtures" / "reference"
BENCH_INPUTS = REPO / "bench" / "inputs"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "invalid_docx(*patterns): .docx files under tmp_path this test breaks on purpose "
        "(glob patterns); every other .docx it writes is validated (tests/ooxml.py)",
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """After a test body passed, validate every .docx it wrote under its ``tmp_path``.

    A finding fails the test itself, with the validator's messages (tests/ooxml.py).
    """
    result = yield
    tmp_path = getattr(item, "funcargs", {}).get("tmp_path")
    if isinstance(tmp_path, Path) and tmp_path.is_dir():
        from tests.ooxml import invalid_written_docx

        marker = item.get_closest_marker("invalid_docx")
        exempt = marker.args if marker is not None else ()
        if marker is not None and not exempt:
            raise pytest.UsageError("invalid_docx needs the names of the broken files")
        problems = invalid_written_docx(tmp_path, exempt)
        if problems:
            pytest.fail("Written Word files are no valid OOXML:\n" + "\n".join(problems), False)
    return result


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.ooxml import STATS

    if STATS["files"]:
        terminalreporter.write_line(
            f"OOXML check: {STATS['files']} .docx files ({STATS['validated']} validated, the "
            f"rest identical to one already validated) in {STATS['seconds']:.1f} s"
        )


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real per-user data folder or VOORTGANG_DB from a test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("VOORTGANG_DB", raising=False)
    monkeypatch.setenv("VOORTGANG_USER", "tester")


ENGINES = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for this test session (Debian's, installed by scripts/test.sh)."""
    if postgres.find_server_binaries() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is required in CI but not installed")
        pytest.skip("PostgreSQL not installed")
    # Not under pytest's own temporary folder: the server runs as the postgres account,
    # which may not enter root's private folders.
    root = Path(tempfile.mkdtemp(prefix="voortgang-pg-"))
    server = postgres.start(root)
    try:
        postgres.prepare_template(server)
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server):
    """The address of a fresh, migrated team registry on the test server."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    """Each engine in turn: a test using this runs on SQLite and on PostgreSQL."""
    return str(request.param)


@pytest.fixture
def address(request, engine):
    """An empty registry's address on each engine: in memory (SQLite) or on the server."""
    return None if engine == "sqlite" else request.getfixturevalue("pg_url")


@pytest.fixture
def store(address):
    """An empty store, on each engine."""
    with Store.open(address) as opened:
        yield opened


@pytest.fixture
def sqlite_store():
    """An empty in-memory SQLite store, for tests of SQLite's own features."""
    with Store.open(None) as opened:
        yield opened


@pytest.fixture
def demo_store(address):
    """A store filled with the demo registry, on each engine."""
    with Store.open(address) as opened:
        load_demo(opened, paths.resources_dir())
        yield opened


def require_tool(name: str) -> str:
    """Path of an external tool; in CI a missing tool fails, elsewhere the test skips."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{name} is required in CI but not installed")
    pytest.skip(f"{name} not installed")
    raise AssertionError("unreachable")


def sqlite_db(store: Store) -> sqlite_utils.Database:
    """The SQLite file under a store, for tests of SQLite's own schema and pragmas."""
    raw = raw_sqlite(store.db)
    assert raw is not None, "not a SQLite registry"
    return sqlite_utils.Database(raw)
