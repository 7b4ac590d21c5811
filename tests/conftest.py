"""Shared fixtures: stores, the demo registry and tool checks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import sqlite_utils

from desktop import paths
from desktop.core.demo import load_demo
from desktop.core.store import Store
from desktop.core.store.engine import raw_sqlite

REPO = Path(__file__).resolve().parent.parent
# Real published documents (see tests/fixtures/reference/README.md) and the benchmark inputs.
REFERENCE = REPO / "tests" / "fixtures" / "reference"
BENCH_INPUTS = REPO / "bench" / "inputs"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real per-user data folder or VOORTGANG_DB from a test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("VOORTGANG_DB", raising=False)
    monkeypatch.setenv("VOORTGANG_USER", "tester")


@pytest.fixture
def store():
    """An empty in-memory store."""
    with Store.open(None) as opened:
        yield opened


@pytest.fixture
def demo_store():
    """An in-memory store filled with the demo registry."""
    with Store.open(None) as opened:
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
