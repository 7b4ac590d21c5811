"""The command line on a team registry: the same answers as on a file, several people at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from docx import Document

from desktop.cli import main
from desktop.core.store import Store
from desktop.core.store.db import known_migrations
from tests.conftest import REFERENCE, REPO

MOTIONS = REFERENCE / "moties"
SIX = sorted(MOTIONS.glob("kst-*.txt"))[:6]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys, address: str | Path, *args: str) -> object:
    code, out, err = run(capsys, "--db", str(address), *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def _text(path: Path) -> list[str]:
    document = Document(str(path))
    return [p.text for p in document.paragraphs]


def test_a_team_registry_answers_as_a_file_does(tmp_path, pg_url, capsys):
    local = tmp_path / "persoonlijk.db"
    for address in (local, pg_url):
        code, out, _ = run(capsys, "--db", str(address), "init", "--demo")
        assert code == 0 and "5 moties" in out
    for args in (
        ("motions", "--status", "all"),
        ("motions", "--status", "open"),
        ("motions", "--status", "all", "--search", "van laar"),
        ("motions", "--status", "all", "--search", "26485"),
        ("letters",),
        ("due", "--before", "2030-01-01"),
    ):
        assert _json(capsys, local, *args) == _json(capsys, pg_url, *args), args
    exported = []
    for name, address in (("bestand", local), ("server", pg_url)):
        target = tmp_path / f"{name}.docx"
        code, _, err = run(
            capsys, "--db", str(address), "export", "Min-BuZa.2020.396", "-o", str(target)
        )
        assert code == 0, err
        exported.append(_text(target))
    assert exported[0] == exported[1]
    assert any("Van Laar" in paragraph for paragraph in exported[1])


def test_versions_are_signed_by_the_database_login(pg_url, tmp_path, capsys):
    run(capsys, "--db", pg_url, "init", "--demo")
    target = tmp_path / "brief.docx"
    assert run(capsys, "--db", pg_url, "export", "Min-BuZa.2020.396", "-o", str(target))[0] == 0
    versions = _json(capsys, pg_url, "versions", "Min-BuZa.2020.396")
    assert [v["wie"] for v in versions] == ["tester"]


def _import_at_once(
    address: str, files: list[Path], tmp_path: Path
) -> list[subprocess.CompletedProcess[str]]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "VOORTGANG_USER": "tester"}
    env.pop("VOORTGANG_DB", None)
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "desktop", "--db", address, "import", "motion", str(file)],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for file in files
    ]
    results = []
    for process in started:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def test_six_imports_started_at_once_all_land(engine, request, tmp_path, capsys):
    address = (
        str(tmp_path / "gedeeld.db") if engine == "sqlite" else request.getfixturevalue("pg_url")
    )
    assert run(capsys, "--db", address, "init")[0] == 0
    results = _import_at_once(address, SIX, tmp_path)
    assert [r.returncode for r in results] == [0] * 6, [r.stderr for r in results]
    listed = _json(capsys, address, "motions", "--status", "all")
    assert len(listed) == 6
    assert len({m["citation"] for m in listed}) == 6


def test_copy_registry_from_a_file_to_a_server_gives_the_same_json(tmp_path, pg_url, capsys):
    local = tmp_path / "persoonlijk.db"
    run(capsys, "--db", str(local), "init", "--demo")
    code, out, err = run(capsys, "copy-registry", str(local), pg_url)
    assert code == 0, err
    assert "Gecontroleerd" in out and "5 motions" in out
    for args in (("motions", "--status", "all"), ("letters",)):
        assert _json(capsys, local, *args) == _json(capsys, pg_url, *args)
    # A second copy into the now filled registry is refused, with the way out named.
    code, _, err = run(capsys, "copy-registry", str(local), pg_url)
    assert code == 1 and "--vervang" in err
    # And back to a file for the road.
    road = tmp_path / "onderweg.db"
    assert run(capsys, "copy-registry", pg_url, str(road))[0] == 0
    assert _json(capsys, road, "motions", "--status", "all") == _json(
        capsys, local, "motions", "--status", "all"
    )


def test_a_server_is_migrated_only_on_request(pg_server, capsys):
    database = pg_server.create_database(template=None)
    address = pg_server.url(database)
    try:
        code, _, err = run(capsys, "--db", address, "motions")
        assert code == 1 and "nog geen Voortgang-register" in err and "migrate" in err
        code, out, _ = run(capsys, "--db", address, "migrate")
        assert code == 0 and known_migrations()[-1] in out
        code, out, _ = run(capsys, "--db", address, "migrate")
        assert code == 0 and "al bijgewerkt" in out
        assert run(capsys, "--db", address, "motions")[0] == 0
    finally:
        pg_server.drop_database(database)


def test_backup_of_a_team_registry_is_a_sqlite_file(pg_url, tmp_path, capsys):
    run(capsys, "--db", pg_url, "init", "--demo")
    code, _, err = run(capsys, "--db", pg_url, "backup")
    assert code == 1 and "--to" in err
    code, _, err = run(capsys, "--db", pg_url, "backup", "--list")
    assert code == 1 and "pg_dump" in err
    target = tmp_path / "team-kopie.db"
    code, _, err = run(capsys, "--db", pg_url, "backup", "--to", str(target))
    assert code == 0, err
    with Store.open(target) as copy:
        assert not copy.is_empty() and copy.integrity() == "ok"
    assert _json(capsys, target, "motions", "--status", "all") == _json(
        capsys, pg_url, "motions", "--status", "all"
    )


def test_a_malformed_address_exits_1_and_creates_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for typed in ("postgresql://", "postgresql://anna@server", "mysql://x/y"):
        code, _, err = run(capsys, "--db", typed, "motions")
        assert code == 1 and err.startswith("voortgang: "), typed
    assert list(tmp_path.iterdir()) == []
