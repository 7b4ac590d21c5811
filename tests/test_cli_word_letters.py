"""Command line for issue 11: letterhead, export --letterhead, import letter --update,
versions --compare -o."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest

from tests.core.docx.sample_template import make_dotx, png_logo
from tests.ooxml import assert_valid_docx
from tests.test_cli import run

KENMERK = "Min-BuZa.2020.396"


@pytest.fixture
def demo_db(tmp_path, capsys) -> Path:
    path = tmp_path / "x.db"
    code, _, _ = run(capsys, "--db", str(path), "init", "--demo")
    assert code == 0
    return path


def test_letterhead_set_show_clear(demo_db, tmp_path, capsys):
    db = str(demo_db)
    code, out, _ = run(capsys, "--db", db, "letterhead", "show")
    assert code == 0 and "Geen briefhoofd" in out
    template = make_dotx(tmp_path / "ministerie.dotx")
    code, out, _ = run(capsys, "--db", db, "letterhead", "set", str(template))
    assert code == 0 and "Word-sjabloon ministerie.dotx" in out
    code, out, _ = run(capsys, "--db", db, "letterhead", "show")
    assert "Word-sjabloon ministerie.dotx" in out
    code, out, _ = run(capsys, "--db", db, "export", KENMERK, "-o", str(tmp_path / "b.docx"))
    assert code == 0
    styles = docx.Document(str(tmp_path / "b.docx")).styles
    assert styles["Normal"].font.name == "Georgia"
    code, out, _ = run(capsys, "--db", db, "letterhead", "clear")
    assert code == 0 and "verwijderd" in out
    code, out, _ = run(capsys, "--db", db, "letterhead", "clear")
    assert "geen briefhoofd" in out


def test_bad_letterhead_is_a_dutch_error(demo_db, tmp_path, capsys):
    bad = tmp_path / "sjabloon.dotm"
    bad.write_bytes(make_dotx(tmp_path / "x.dotx").read_bytes())
    code, _, err = run(capsys, "--db", str(demo_db), "letterhead", "set", str(bad))
    assert code != 0 and "macro" in err
    code, out, _ = run(capsys, "--db", str(demo_db), "letterhead", "show")
    assert "Geen briefhoofd" in out


def test_export_with_a_letterhead_for_one_export(demo_db, tmp_path, capsys):
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_logo())
    target = tmp_path / "brief.docx"
    code, out, _ = run(
        capsys,
        "--db",
        str(demo_db),
        "export",
        KENMERK,
        "-o",
        str(target),
        "--letterhead",
        str(logo),
    )
    assert code == 0 and "9 voetnoten" in out
    with zipfile.ZipFile(target) as archive:
        assert any(n.startswith("word/media/") for n in archive.namelist())
    code, out, _ = run(capsys, "--db", str(demo_db), "letterhead", "show")
    assert "Geen briefhoofd" in out  # one export only, nothing stored


def test_import_update_dry_run_then_store_and_compare(demo_db, tmp_path, capsys):
    db = str(demo_db)
    concept = tmp_path / "concept.docx"
    assert run(capsys, "--db", db, "export", KENMERK, "-o", str(concept))[0] == 0
    document = docx.Document(str(concept))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Het kabinet heeft de"))
    paragraph.runs[0].text = paragraph.runs[0].text.replace("heeft de", "heeft in 2018 de", 1)
    final = tmp_path / "definitief.docx"
    document.save(str(final))

    code, out, _ = run(capsys, "--db", db, "import", "letter", str(final), "--update", "--dry-run")
    assert code == 0
    assert "90-procentdoelstelling: gewijzigd" in out and "Proefrun" in out
    assert "+Het kabinet heeft in 2018 de doelstelling" in out
    code, out, _ = run(capsys, "--db", db, "versions", KENMERK, "--format", "json")
    assert [v["nummer"] for v in json.loads(out)] == [1]

    code, out, _ = run(capsys, "--db", db, "import", "letter", str(final), "--update")
    assert code == 0 and "Opgeslagen als versie 2" in out and "versie 1" in out
    code, out, _ = run(capsys, "--db", db, "import", "letter", str(final), "--update")
    assert "niets gewijzigd" in out

    target = tmp_path / "wijzigingen.docx"
    code, out, _ = run(
        capsys, "--db", db, "versions", KENMERK, "--compare", "1", "2", "-o", str(target)
    )
    assert code == 0 and "wijzigingen bijgehouden" in out and "auteur tester" in out
    with zipfile.ZipFile(target) as archive:
        xml = archive.read("word/document.xml").decode()
    assert '<w:ins w:id="1" w:author="tester"' in xml
    assert_valid_docx(target)


def test_import_update_of_an_unknown_letter(tmp_path, capsys):
    db = str(tmp_path / "leeg.db")
    assert run(capsys, "--db", db, "init")[0] == 0
    other = tmp_path / "demo.db"
    assert run(capsys, "--db", str(other), "init", "--demo")[0] == 0
    letter = tmp_path / "b.docx"
    assert run(capsys, "--db", str(other), "export", KENMERK, "-o", str(letter))[0] == 0
    code, _, err = run(capsys, "--db", db, "import", "letter", str(letter), "--update")
    assert code != 0 and "hoort bij geen brief in het register" in err


def test_import_update_reports_what_it_does_not_carry_back(demo_db, tmp_path, capsys):
    db = str(demo_db)
    concept = tmp_path / "concept.docx"
    assert run(capsys, "--db", db, "export", KENMERK, "-o", str(concept))[0] == 0
    document = docx.Document(str(concept))
    diks = next(p for p in document.paragraphs if p.text.startswith("De motie Diks/Van den Hul"))
    run_ = next(r for r in diks.runs if "verzoekt de regering een" in r.text)
    run_.text = run_.text.replace("verzoekt de regering een", "vraagt de regering om een")
    textile = next(p for p in document.paragraphs if p.text.startswith("Er heeft een onafh"))
    textile.runs[-1].text = textile.runs[-1].text.replace("Tamil Nadu.", "Tamil Nadu (India).")
    final = tmp_path / "definitief.docx"
    document.save(str(final))
    code, out, _ = run(
        capsys, "--db", db, "import", "letter", str(final), "--update", "--dry-run", "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["moties_bijgewerkt"] == [] and data["toezeggingen_bijgewerkt"] == []
    assert [s["titel"] for s in data["secties"] if s["status"] == "gewijzigd"] == [
        "Bijlage: Convenant Duurzame Kleding en Textiel"
    ]
    assert len(data["waarschuwingen"]) == 1 and "openingszin" in data["waarschuwingen"][0]
    code, out, _ = run(capsys, "--db", db, "import", "letter", str(final), "--update")
    assert code == 0 and "Let op: De openingszin bij de motie Diks/Van den Hul" in out
    assert "Opgeslagen als versie 2" in out
