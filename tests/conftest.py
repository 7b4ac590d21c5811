"""Shared fixtures: stores, the demo registry and tool checks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop import paths
from desktop.core.demo import load_demo
from desktop.core.store import Store

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
