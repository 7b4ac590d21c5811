"""The PyInstaller one-folder app finds its templates and resources when frozen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tests.conftest import BENCH_INPUTS, REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory) -> Path:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    if not pyinstaller.exists():
        if os.environ.get("CI"):
            pytest.fail("pyinstaller is required in CI (pip install -e '.[dev]')")
        pytest.skip("pyinstaller not installed")
    work = tmp_path_factory.mktemp("frozen")
    subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            "build.spec",
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=1200,
    )
    binary = work / "dist" / "voortgang" / "voortgang"
    assert binary.exists()
    return binary


def test_frozen_app_bundles_qts_dutch_texts_the_dictionary_and_the_manual(frozen_app):
    bundled = list(frozen_app.parent.rglob("PySide6/Qt/translations/qtbase_nl.qm"))
    assert bundled, "qtbase_nl.qm is not in the frozen app"
    for name in (
        "spelling/hunspell/nl_NL.dic",
        "spelling/LICENSE-OpenTaal.txt",
        "help/handleiding.md",
    ):
        assert list(frozen_app.parent.rglob(f"resources/{name}")), name
    # pyenchant lives in the archive of Python modules, not on disk: its table of contents.
    contents = frozen_app.parents[2] / "build" / "build" / "PYZ-00.toc"
    assert "'enchant._enchant'" in contents.read_text(encoding="utf-8")


def test_frozen_version_export_and_render(frozen_app, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "VOORTGANG_DB"}
    env["QT_QPA_PLATFORM"] = "offscreen"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(frozen_app), *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("Voortgang ")
    assert run("--db", "f.db", "init", "--demo").returncode == 0
    export = run(
        "--db",
        "f.db",
        "export",
        "Min-BuZa.2020.396",
        "-o",
        "brief.docx",
        "--annexes-separately",
        "bijlagen",
    )
    assert export.returncode == 0, export.stderr
    assert "9 voetnoten" in export.stdout
    document = docx.Document(str(tmp_path / "brief.docx"))
    assert any(p.text == "Bijlage I: Voortgang IMVO-convenanten" for p in document.paragraphs)
    assert len(list((tmp_path / "bijlagen").glob("*.docx"))) == 13
    render = run("render", str(BENCH_INPUTS / "seed_letter.md"), "-o", "seed.docx")
    assert render.returncode == 0 and "9 voetnoten" in render.stdout


def test_frozen_app_opens_a_team_registry(frozen_app, tmp_path, pg_url):
    env = {k: v for k, v in os.environ.items() if k != "VOORTGANG_DB"}
    result = subprocess.run(
        [str(frozen_app), "--db", pg_url, "init", "--demo"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    listed = subprocess.run(
        [str(frozen_app), "--db", pg_url, "motions", "--status", "all", "--search", "van laar"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert listed.returncode == 0, listed.stderr
    assert "de motie Van Laar" in listed.stdout
