"""Short form of bench/crash_harness.py: SIGKILL during imports, edits and exports."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import REPO

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]


def _harness():
    spec = importlib.util.spec_from_file_location(
        "crash_harness", REPO / "bench" / "crash_harness.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["crash_harness"] = module
    spec.loader.exec_module(module)
    return module


def test_kills_never_corrupt_half_apply_lose_or_break(tmp_path):
    harness = _harness()
    results = harness.run_trials(15, seed=7, work=tmp_path)
    assert results.trials == 15
    assert results.failures == []
    assert results.ok
    # The kills landed at meaningful moments: some edits committed, some exports finished.
    assert results.edits_committed > 0
    assert results.imports_complete + results.imports_none == 5
