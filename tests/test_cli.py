"""The command line: stable JSON shapes, exit codes and Dutch messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import REPO, SHARED

MOTIONS = SHARED / "reference" / "moties"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path, capsys) -> Path:
    path = tmp_path / "x.db"
    code, out, _ = run(capsys, "--db", str(path), "init", "--demo")
    assert code == 0 and "5 moties" in out
    return path


def test_issue_example_lists_the_letters_motions(demo_db, capsys):
    code, out, _ = run(
        capsys, "--db", str(demo_db), "motions", "--status", "all", "--format", "json"
    )
    assert code == 0
    items = {m["citation"]: m for m in json.loads(out)}
    laar = items["Kamerstuk 26 485, nr. 224"]
    assert laar["name"] == "de motie Van Laar"
    assert (laar["dossier"], laar["toevoeging"], laar["nummer"]) == ("26 485", None, 224)
    assert laar["status"] == "afgedaan" and laar["uitslag"] == "aangenomen"
    assert laar["afgedaan_met"] == ["Min-BuZa.2020.396"]
    diks = items["Kamerstuk 35 000 XVII, nr. 34"]
    assert diks["name"] == "de motie Diks/Van den Hul"
    assert (diks["dossier"], diks["toevoeging"], diks["nummer"]) == ("35 000", "XVII", 34)
    assert items["Kamerstuk 32 735, nr. 252"]["name"] == "de motie Van Ojik/Karabulut"
    voordewind = items["Kamerstuk 26 485, nr. 229"]
    assert voordewind["indieners"] == ["Voordewind"] and voordewind["voorgesteld"] == "2016-09-06"
    for item in items.values():
        assert {
            "id",
            "citation",
            "name",
            "dossier",
            "toevoeging",
            "nummer",
            "indieners",
            "voorgesteld",
            "onderwerp",
            "status",
            "uitslag",
        } <= item.keys()


def test_status_filter_and_search(demo_db, capsys):
    _, out, _ = run(capsys, "--db", str(demo_db), "motions", "--format", "json")
    assert {m["nummer"] for m in json.loads(out)} == {229, 252, 38}  # default: open
    _, out, _ = run(
        capsys, "--db", str(demo_db), "motions", "--status", "afgedaan", "--format", "json"
    )
    assert {m["nummer"] for m in json.loads(out)} == {224, 34}
    _, out, _ = run(
        capsys,
        "--db",
        str(demo_db),
        "motions",
        "--status",
        "all",
        "--search",
        "ambassades",
        "--format",
        "json",
    )
    assert [m["nummer"] for m in json.loads(out)] == [34]


def test_table_and_csv(demo_db, capsys):
    _, out, _ = run(capsys, "--db", str(demo_db), "motions", "--status", "all")
    assert "de motie Diks/Van den Hul" in out and out.strip().endswith("5 moties")
    _, out, _ = run(capsys, "--db", str(demo_db), "motions", "--status", "all", "--format", "csv")
    lines = out.splitlines()
    assert lines[0].startswith("id,citation,name")
    assert len(lines) == 6


def test_letters_json(demo_db, capsys):
    code, out, _ = run(capsys, "--db", str(demo_db), "letters", "--format", "json")
    assert code == 0
    letters = json.loads(out)
    main_letter = next(item for item in letters if item["kenmerk"] == "Min-BuZa.2020.396")
    assert main_letter["datum"] == "2020-02-21"
    assert main_letter["betreft"] == "Voortgang IMVO-beleid"
    assert main_letter["status"] == "verzonden"
    assert {item["kamerstuk"] for item in letters} >= {"Kamerstuk 26 485, nr. 293"}


def test_import_motion_files(tmp_path, capsys):
    db = str(tmp_path / "r.db")
    code, out, _ = run(
        capsys, "--db", db, "import", "motion", *map(str, sorted(MOTIONS.glob("*.txt"))), "--json"
    )
    assert code == 0
    stored = json.loads(out)
    assert [m["name"] for m in stored] == ["de motie Voordewind", "de motie Jan Vos/Van Veldhoven"]
    assert stored[1]["citation"] == "Kamerstuk 34 300 XVII, nr. 38"
    # Importing again is refused with a clear message, and nothing is added twice.
    code, _, err = run(capsys, "--db", db, "import", "motion", str(MOTIONS / "kst-26485-229.txt"))
    assert code == 1 and "staat al in het register" in err and "kst-26485-229.txt" in err
    _, out, _ = run(capsys, "--db", db, "motions", "--status", "all", "--format", "json")
    assert len(json.loads(out)) == 2


def test_import_is_all_or_nothing(tmp_path, capsys):
    bad = tmp_path / "brief.txt"
    bad.write_text("Geachte voorzitter,\n\nHierbij ontvangt u de brief.\n", encoding="utf-8")
    db = str(tmp_path / "r.db")
    code, _, err = run(
        capsys, "--db", db, "import", "motion", str(MOTIONS / "kst-26485-229.txt"), str(bad)
    )
    assert code == 1 and "brief.txt" in err
    _, out, _ = run(capsys, "--db", db, "motions", "--status", "all", "--format", "json")
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(b"", "leeg"), (b"\xff\xfe\x00\xd8 motie \x81\x82", "UTF-8")],
)
def test_import_bad_files(tmp_path, capsys, content, fragment):
    path = tmp_path / "motie.txt"
    path.write_bytes(content)
    code, _, err = run(capsys, "--db", str(tmp_path / "r.db"), "import", "motion", str(path))
    assert code == 1
    assert "motie.txt" in err and fragment in err


def test_import_missing_file(tmp_path, capsys):
    code, _, err = run(
        capsys,
        "--db",
        str(tmp_path / "r.db"),
        "import",
        "motion",
        str(tmp_path / "bestaat-niet.txt"),
    )
    assert code == 1 and "bestaat-niet.txt" in err


def test_settle_and_reopen(demo_db, capsys):
    db = str(demo_db)
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "settle",
        "26 485, nr. 229",
        "--letter",
        "BZ-2026-1",
        "--datum",
        "21 november 2026",
    )
    assert code == 0 and "toegevoegd" in out and "afgedaan" in out
    _, out, _ = run(capsys, "--db", db, "motions", "--status", "afgedaan", "--format", "json")
    settled = {m["nummer"]: m for m in json.loads(out)}
    assert settled[229]["afgedaan_met"] == ["BZ-2026-1"]
    assert settled[229]["status_datum"] == "2026-11-21"
    code, out, _ = run(capsys, "--db", db, "reopen", str(settled[229]["id"]))
    assert code == 0 and "weer open" in out
    _, out, _ = run(capsys, "--db", db, "motions", "--status", "open", "--format", "json")
    assert 229 in {m["nummer"] for m in json.loads(out)}


def test_user_errors_exit_1_with_dutch_message(demo_db, capsys):
    db = str(demo_db)
    code, _, err = run(capsys, "--db", db, "settle", "999", "--letter", "X")
    assert code == 1 and "geen motie" in err
    code, _, err = run(capsys, "--db", db, "settle", "26 485 punt 4", "--letter", "X")
    assert code == 1 and "geen Kamerstuknummer" in err
    code, _, err = run(capsys, "--db", db, "init", "--demo")
    assert code == 1 and "al gegevens" in err
    code, _, err = run(capsys, "--db", db, "settle", "1", "--letter", "X", "--datum", "gisteren")
    assert code == 1 and "datum" in err


def test_wrong_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["motions", "--status", "klaar"])
    assert info.value.code == 2
    assert "ongeldige keuze" in capsys.readouterr().err


def test_store_from_newer_version_exit_1(tmp_path, capsys):
    path = tmp_path / "r.db"
    run(capsys, "--db", str(path), "init")
    from sqlite_utils import Database

    db = Database(path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "voortgang", "name": "9999_x", "applied_at": "2030"}
    )
    db.close()
    code, _, err = run(capsys, "--db", str(path), "motions")
    assert code == 1 and "nieuwere versie" in err


def test_env_variable_selects_the_store(tmp_path, capsys, monkeypatch):
    path = tmp_path / "env.db"
    monkeypatch.setenv("VOORTGANG_DB", str(path))
    code, out, _ = run(capsys, "init")
    assert code == 0 and str(path) in out and path.exists()


def test_python_m_desktop_and_console_script_agree(tmp_path):
    db = str(tmp_path / "r.db")
    env_args = {"capture_output": True, "text": True, "cwd": REPO}
    via_module = subprocess.run([sys.executable, "-m", "desktop", "--db", db, "init"], **env_args)
    assert via_module.returncode == 0, via_module.stderr
    script = Path(sys.executable).with_name("voortgang")
    via_script = subprocess.run(
        [str(script), "--db", db, "motions", "--format", "json"], **env_args
    )
    assert via_script.returncode == 0 and json.loads(via_script.stdout) == []
    bad = subprocess.run([sys.executable, "-m", "desktop", "--db", db, "frobnicate"], **env_args)
    assert bad.returncode == 2


def test_export_render_finalize_and_reopen(demo_db, tmp_path, capsys):
    db = str(demo_db)
    out = tmp_path / "brief.docx"
    code, stdout, _ = run(
        capsys,
        "--db",
        db,
        "export",
        "Min-BuZa.2020.396",
        "-o",
        str(out),
        "--annexes-separately",
        str(tmp_path / "bijlagen"),
    )
    assert code == 0 and "9 voetnoten" in stdout and out.exists()
    assert len(list((tmp_path / "bijlagen").glob("*.docx"))) == 13
    seed = SHARED / "bench" / "seed_letter.md"
    code, stdout, _ = run(capsys, "render", str(seed), "-o", str(tmp_path / "seed.docx"))
    assert code == 0 and "9 voetnoten" in stdout
    # A new concept letter: finalize settles its motion, reopen undoes it.
    from desktop.core.domain.models import Letter, LetterMotion
    from desktop.core.store import Store, letters, motions

    with Store.open(demo_db) as store, store.transaction() as tx:
        voordewind = motions.list_motions(tx, search="Voordewind")[0]
        letters.add(
            tx,
            Letter(
                betreft="Proef",
                kenmerk="BZ-PROEF",
                motions=[LetterMotion(voordewind.id, "Uitgevoerd.")],
            ),
        )
    code, stdout, _ = run(capsys, "--db", db, "finalize", "BZ-PROEF", "--datum", "2026-11-21")
    assert code == 0 and "1 motie" in stdout
    _, stdout, _ = run(capsys, "--db", db, "motions", "--status", "afgedaan", "--format", "json")
    assert {m["nummer"]: m["afgedaan_met"] for m in json.loads(stdout)}[229] == ["BZ-PROEF"]
    code, _, err = run(capsys, "--db", db, "finalize", "BZ-PROEF")
    assert code == 1 and "al definitief" in err
    code, stdout, _ = run(capsys, "--db", db, "reopen", "BZ-PROEF")
    assert code == 0 and "weer een concept" in stdout
    _, stdout, _ = run(capsys, "--db", db, "motions", "--format", "json")
    assert 229 in {m["nummer"] for m in json.loads(stdout)}


def test_export_to_a_locked_target_loses_nothing(demo_db, tmp_path, capsys):
    out = tmp_path / "brief.docx"
    out.write_bytes(b"vorige versie")
    (tmp_path / ".~lock.brief.docx#").write_text("x")
    code, _, err = run(capsys, "--db", str(demo_db), "export", "Min-BuZa.2020.396", "-o", str(out))
    assert code == 1 and "geopend" in err
    assert out.read_bytes() == b"vorige versie"


def test_export_unknown_letter_and_bad_markdown(demo_db, tmp_path, capsys):
    code, _, err = run(
        capsys, "--db", str(demo_db), "export", "BZ-GEEN", "-o", str(tmp_path / "x.docx")
    )
    assert code == 1 and "geen brief" in err
    bad = tmp_path / "kop.md"
    bad.write_text("---\nkenmerk: [onaf\n---\nTekst", encoding="utf-8")
    code, _, err = run(capsys, "render", str(bad), "-o", str(tmp_path / "x.docx"))
    assert code == 1 and "YAML" in err
    latin = tmp_path / "latin.md"
    latin.write_bytes("Caf\xe9".encode("latin-1"))
    code, _, err = run(capsys, "render", str(latin), "-o", str(tmp_path / "y.docx"))
    assert code == 1 and "UTF-8" in err
