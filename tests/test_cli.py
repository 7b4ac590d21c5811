"""The command line: stable JSON shapes, exit codes and Dutch messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import BENCH_INPUTS, REFERENCE, REPO

MOTIONS = REFERENCE / "moties"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _demo(capsys, address: str | Path) -> str | Path:
    code, out, _ = run(capsys, "--db", str(address), "init", "--demo")
    assert code == 0 and "5 moties" in out
    return address


@pytest.fixture
def demo_db(request, engine, tmp_path, capsys) -> str | Path:
    """The demo registry on each engine: a file, or a team registry on the test server."""
    address = tmp_path / "x.db" if engine == "sqlite" else request.getfixturevalue("pg_url")
    return _demo(capsys, address)


@pytest.fixture
def demo_file(tmp_path, capsys) -> Path:
    """The demo registry in a SQLite file (for what only a file has: backups, its path)."""
    path = tmp_path / "x.db"
    _demo(capsys, path)
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
    files = [MOTIONS / "kst-26485-229.txt", MOTIONS / "kst-34300-XVII-38.txt"]
    code, out, _ = run(capsys, "--db", db, "import", "motion", *map(str, files), "--json")
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
    seed = BENCH_INPUTS / "seed_letter.md"
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


@pytest.mark.invalid_docx("brief.docx")  # the "previous version" is a few bytes
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
    assert code == 1 and "UTF-8" in err and "regel 1" in err
    empty = tmp_path / "leeg.md"
    empty.write_text("\n  \n", encoding="utf-8")
    code, _, err = run(capsys, "render", str(empty), "-o", str(tmp_path / "z.docx"))
    assert code == 1 and "leeg.md is leeg" in err and not (tmp_path / "z.docx").exists()
    dropped = tmp_path / "kop.md"
    dropped.write_text("# Leeg\n\n# Inleiding\n\nTekst.\n", encoding="utf-8")
    code, out, err = run(capsys, "render", str(dropped), "-o", str(tmp_path / "k.docx"))
    assert code == 0 and "Opgeslagen" in out
    assert "let op: Een kop zonder tekst eronder blijft uit de brief: Leeg" in err
    missing = tmp_path / "weg.md"
    code, _, err = run(capsys, "render", str(missing), "-o", str(tmp_path / "z.docx"))
    assert code == 1 and "weg.md: het bestand bestaat niet" in err


# -- importing open data and earlier letters, the afdoeningstabel ------------------------------

TK_FIXTURES = REPO / "tests" / "core" / "importers" / "fixtures"
LETTER_2020 = REFERENCE / "kamerbrief-voortgang-imvo-2020.md"


def test_import_tk_reports_counts_and_is_idempotent(demo_db, capsys):
    db = str(demo_db)
    files = [str(TK_FIXTURES / n) for n in ("tk-zaak-expand.json", "tk-syncfeed.xml")]
    code, out, _ = run(capsys, "--db", db, "import", "tk", *files, "--json")
    assert code == 0
    report = json.loads(out)
    assert report["files"] == ["tk-zaak-expand.json", "tk-syncfeed.xml"]
    assert report["motions"] == {"new": 0, "updated": 3, "unchanged": 0, "skipped": 1}
    assert report["commitments"] == {"new": 1, "updated": 0, "unchanged": 0, "skipped": 0}
    change = report["changes"][0]
    assert {"kind", "action", "id", "label", "tk_id", "fields"} <= change.keys()
    skipped = {(s["kind"], s["reason"]): s for s in report["skipped"]}
    assert skipped[("motie", "verwijderd bij de Tweede Kamer")]["examples"] == ["2018Z20200"]
    code, out, _ = run(capsys, "--db", db, "import", "tk", *files)
    assert code == 0
    assert "Moties: 0 nieuw, 0 bijgewerkt, 3 ongewijzigd, 1 overgeslagen." in out
    _, out, _ = run(capsys, "--db", db, "motions", "--status", "all", "--format", "json")
    assert len(json.loads(out)) == 5


def test_import_tk_bad_file_exits_1_and_imports_nothing(tmp_path, capsys):
    db = str(tmp_path / "r.db")
    data = (TK_FIXTURES / "tk-zaak-expand.json").read_bytes()
    cut = tmp_path / "half.json"
    cut.write_bytes(data[: len(data) // 2])
    code, _, err = run(
        capsys, "--db", db, "import", "tk", str(TK_FIXTURES / "tk-toezegging.json"), str(cut)
    )
    assert code == 1 and "half.json" in err and "afgebroken" in err
    _, out, _ = run(capsys, "--db", db, "motions", "--status", "all", "--format", "json")
    assert json.loads(out) == []


def test_import_tk_progress_for_large_files(tmp_path, capsys, monkeypatch):
    import desktop.cli.output

    monkeypatch.setattr(desktop.cli.output, "PROGRESS_MIN_BYTES", 1)
    monkeypatch.setattr(desktop.cli.output, "PROGRESS_MIN_RECORDS", 1)
    code, _, err = run(
        capsys,
        "--db",
        str(tmp_path / "r.db"),
        "import",
        "tk",
        str(TK_FIXTURES / "tk-toezegging.json"),
    )
    assert code == 0 and "Inlezen: 100%" in err and "Opslaan: 100% (2 van 2)" in err


def test_import_tk_usage_and_offline_fetch(tmp_path, capsys, monkeypatch):
    import urllib.error
    import urllib.request

    db = str(tmp_path / "r.db")
    for args in (
        ["import", "tk"],
        ["import", "tk", "--dossier", "26485"],
        ["import", "tk", "--fetch"],
    ):
        with pytest.raises(SystemExit) as info:
            main(["--db", db, *args])
        assert info.value.code == 2
    capsys.readouterr()

    def offline(request, timeout):
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    code, _, err = run(capsys, "--db", db, "import", "tk", "--dossier", "26 485", "--fetch")
    assert code == 1 and "Geen verbinding" in err and "niets geïmporteerd" in err


def test_import_letter_dry_run_json_leaves_no_register(tmp_path, capsys):
    db = tmp_path / "r.db"
    code, out, _ = run(
        capsys, "--db", str(db), "import", "letter", str(LETTER_2020), "--dry-run", "--json"
    )
    assert code == 0 and not db.exists()
    data = json.loads(out)
    assert set(data) >= {"letter", "kamerstukken", "motions", "eu"}
    assert data["letter"]["kenmerk"] == "Min-BuZa.2020.396"
    assert len(data["kamerstukken"]) == 8
    assert data["kamerstukken"][0] == {
        "citation": "Kamerstuk 26 485, nr. 224",
        "dossier": "26 485",
        "toevoeging": None,
        "nummer": 224,
        "kamer": "II",
        "context": data["kamerstukken"][0]["context"],
    }
    assert [m["name"] for m in data["motions"]] == [
        "de motie Van Laar",
        "de motie Diks/Van den Hul",
        "de motie Van Ojik/Karabulut",
    ]


def test_import_letter_records_it_and_round_trips_an_export(demo_db, tmp_path, capsys):
    db = str(demo_db)
    exported = tmp_path / "brief.docx"
    assert run(capsys, "--db", db, "export", "Min-BuZa.2020.396", "-o", str(exported))[0] == 0
    _, dry, _ = run(capsys, "import", "letter", str(LETTER_2020), "--dry-run", "--json")
    _, back, _ = run(capsys, "import", "letter", str(exported), "--dry-run", "--json")
    cited = [k["citation"] for k in json.loads(dry)["kamerstukken"]]
    assert [k["citation"] for k in json.loads(back)["kamerstukken"]] == cited
    assert [m["name"] for m in json.loads(back)["motions"]] == [
        m["name"] for m in json.loads(dry)["motions"]
    ]
    fresh = str(tmp_path / "leeg.db")
    code, out, _ = run(capsys, "--db", fresh, "import", "letter", str(LETTER_2020))
    assert code == 0 and "De brief toegevoegd" in out
    assert "Afgedaan met deze brief: Kamerstuk 26 485, nr. 224 en" in out
    _, out, _ = run(capsys, "--db", fresh, "motions", "--status", "afgedaan", "--format", "json")
    assert {m["citation"] for m in json.loads(out)} == {
        "Kamerstuk 26 485, nr. 224",
        "Kamerstuk 35 000 XVII, nr. 34",
    }
    code, out, _ = run(capsys, "--db", fresh, "import", "letter", str(LETTER_2020), "--json")
    assert code == 0 and json.loads(out)["registry"]["letter"] == "bestond al"


@pytest.mark.invalid_docx("brief.docx")  # a text file named .docx, on purpose
def test_import_letter_that_is_no_word_file_exits_1(tmp_path, capsys):
    fake = tmp_path / "brief.docx"
    fake.write_text("Dit is tekst.", encoding="utf-8")
    code, _, err = run(capsys, "import", "letter", str(fake), "--dry-run")
    assert code == 1 and "brief.docx" in err and "geen Word-bestand" in err


def test_afdoeningstabel_files_and_letter_annex(demo_db, tmp_path, capsys):
    from docx import Document
    from docx.oxml.ns import qn
    from openpyxl import load_workbook

    db = str(demo_db)
    code, out, _ = run(capsys, "--db", db, "afdoeningstabel", "-o", str(tmp_path / "t.xlsx"))
    assert code == 0 and "3 regels" in out
    sheet = load_workbook(tmp_path / "t.xlsx").active
    assert sheet["A1"].value == "Soort" and sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "afdoeningstabel",
        "--status",
        "all",
        "--format",
        "csv",
        "-o",
        str(tmp_path / "t.txt"),
    )
    assert code == 0 and "5 regels" in out
    assert (tmp_path / "t.txt").read_text(encoding="utf-8-sig").startswith("Soort;Nummer;")
    code, _, err = run(capsys, "--db", db, "afdoeningstabel", "-o", str(tmp_path / "t.pdf"))
    assert code == 1 and ".xlsx" in err
    target = tmp_path / "brief.docx"
    code, _, _ = run(
        capsys, "--db", db, "export", "Min-BuZa.2020.396", "-o", str(target), "--afdoeningstabel"
    )
    assert code == 0
    table = Document(str(target)).tables[-1]
    assert table.rows[0].cells[1].text == "Vindplaats"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_due_changes_new_letter_and_versions(demo_db, tmp_path, capsys):
    db = str(demo_db)
    code, out, _ = run(capsys, "--db", db, "due", "--before", "2030-01-01", "--format", "json")
    assert code == 0 and isinstance(json.loads(out), list)
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "changes",
        "--since",
        "2019-12-01",
        "--until",
        "2020-02-21",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 0 and len(data["afgedaan"]) == 2 and len(data["convenantvoortgang"]) == 13
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "new-letter",
        "--from",
        "Min-BuZa.2020.396",
        "--datum",
        "1 september 2020",
        "--kenmerk",
        "BZ-2020-2",
    )
    assert code == 0 and "9 secties" in out and "13 convenanten" in out
    report = tmp_path / "wijzigingen.docx"
    code, out, _ = run(capsys, "--db", db, "changes", "BZ-2020-2", "-o", str(report))
    assert code == 0 and report.exists()
    for number in (1, 2):
        code, _, _ = run(
            capsys, "--db", db, "export", "BZ-2020-2", "-o", str(tmp_path / f"v{number}.docx")
        )
        assert code == 0
    code, out, _ = run(capsys, "--db", db, "versions", "BZ-2020-2", "--format", "json")
    assert [v["nummer"] for v in json.loads(out)] == [1, 2]
    code, out, _ = run(capsys, "--db", db, "versions", "BZ-2020-2", "--compare", "1", "2")
    assert code == 0 and "Geen verschillen." in out
    code, _, err = run(
        capsys, "--db", db, "new-letter", "--from", "Min-BuZa.2020.396", "--datum", "2019-01-01"
    )
    assert code == 1 and "later gedateerd" in err


def test_the_copy_made_before_a_migration_is_named(tmp_path, capsys):
    from sqlite_utils import Database

    from desktop.core.store.migrations import migrations

    path = tmp_path / "register.db"
    old = Database(path)
    migrations.apply(old, stop_before="0002_full_text_search")
    old.execute("INSERT INTO dossiers (nummer, titel) VALUES (26485, 'MVO')")
    old.conn.commit()
    old.close()

    assert main(["--db", str(path), "motions"]) == 0
    err = capsys.readouterr().err
    (backup,) = tmp_path.glob("register.voor-migratie-*.db")
    assert f"staat in {backup}" in err
    # Opened again: nothing to migrate, nothing to tell.
    assert main(["--db", str(path), "motions"]) == 0
    assert "voor-migratie" not in capsys.readouterr().err


def test_unnumbered_motions_have_a_zaaknummer_and_no_citation(tmp_path, capsys):
    fixtures = Path(__file__).parent / "core" / "importers" / "fixtures"
    db = str(tmp_path / "r.db")
    code, _, err = run(capsys, "--db", db, "import", "tk", str(fixtures / "tk-zaak-new-bare.json"))
    assert code == 0, err
    _, out, _ = run(capsys, "--db", db, "motions", "--status", "all", "--format", "json")
    items = {m["zaaknummer"]: m for m in json.loads(out)}
    dijk = items["2020Z22901"]
    assert dijk["citation"] is None and dijk["nummer"] is None and dijk["dossier"] is None
    assert dijk["name"] == "de motie Jasper van Dijk"
    assert dijk["kamer_afgedaan"] is False and dijk["afwijkend_van_kamer"] is False
    code, _, err = run(capsys, "--db", db, "import", "tk", str(fixtures / "tk-zaak-numbered.json"))
    assert code == 0, err
    _, out, _ = run(capsys, "--db", db, "motions", "--status", "afwijkend", "--format", "json")
    items = {m["zaaknummer"]: m for m in json.loads(out)}
    assert len(items) == 3
    assert items["2020Z22901"]["citation"] == "Kamerstuk 35 570 V, nr. 21"
    assert items["2020Z22901"]["afwijkend_van_kamer"] is True


def test_an_open_data_file_with_nothing_recognisable_exits_1(tmp_path, capsys):
    path = tmp_path / "leeg.json"
    path.write_text("[]", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(tmp_path / "r.db"), "import", "tk", str(path))
    assert code == 1 and "leeg.json" in err


def test_changes_json_says_who_changed_a_status(demo_file, capsys, monkeypatch):
    # On a file registry VOORTGANG_USER signs (a team registry signs with the database login).
    import datetime as dt

    db, today = str(demo_file), dt.date.today()
    monkeypatch.setenv("VOORTGANG_USER", "j.jansen")
    code, _, _ = run(
        capsys,
        "--db",
        db,
        "settle",
        "26 485, nr. 229",
        "--letter",
        "BZ-2026-1",
        "--datum",
        today.isoformat(),
    )
    assert code == 0
    since = (today - dt.timedelta(days=1)).isoformat()
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "changes",
        "--since",
        since,
        "--until",
        today.isoformat(),
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 0
    assert [c["wie"] for c in data["afgedaan"]] == ["j.jansen"]
    assert any(c["wie"] == "j.jansen" and "afgedaan" in c["wat"] for c in data["statuswijzigingen"])
    assert all("wie" in c for c in data["convenantvoortgang"])
