"""The OOXML check on written .docx files catches a broken file, and only spares those named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.parser import OxmlElement

from desktop.core.docx.footnotes import drop_stale_style_copy
from tests.ooxml import docx_findings, invalid_written_docx, written_docx

pytest_plugins = ["pytester"]


def _saved(document: Any, path: Path) -> Path:
    document.save(str(path))
    return path


def _broken_docx(path: Path) -> Path:
    """A real Word package with one element the schema does not allow in a paragraph."""
    document = docx.Document()
    paragraph = document.add_paragraph("Tekst")
    paragraph._p.append(OxmlElement("w:tbl"))  # a table inside a paragraph: invalid
    document.save(str(path))
    return path


@pytest.mark.invalid_docx("kapot.docx", "geen-zip.docx", "kaal.docx")
def test_findings_name_the_broken_part(tmp_path):
    broken = _broken_docx(tmp_path / "kapot.docx")
    findings = docx_findings(broken)
    assert findings and any("document.xml" in f for f in findings)
    (tmp_path / "geen-zip.docx").write_text("geen Word", encoding="utf-8")
    assert docx_findings(tmp_path / "geen-zip.docx")
    # python-docx's own template is not valid as it stands (a stale stylesWithEffects
    # copy); our writers drop that copy.
    plain = docx.Document()
    assert docx_findings(_saved(plain, tmp_path / "kaal.docx"))
    drop_stale_style_copy(plain.part)
    assert docx_findings(_saved(plain, tmp_path / "goed.docx")) == []


@pytest.mark.invalid_docx("kapot.docx")
def test_lock_files_and_named_files_are_spared(tmp_path):
    _broken_docx(tmp_path / "kapot.docx")
    (tmp_path / "sub").mkdir()
    _broken_docx(tmp_path / "sub" / "ook-kapot.docx")
    (tmp_path / "~$ief.docx").write_text("Word-slot", encoding="utf-8")
    (tmp_path / ".~voortgang-1.docx").write_text("half", encoding="utf-8")
    assert [p.name for p in written_docx(tmp_path, ["kapot.docx"])] == ["ook-kapot.docx"]
    problems = invalid_written_docx(tmp_path, ["kapot.docx", "sub/*.docx"])
    assert problems == []
    assert invalid_written_docx(tmp_path, ["kapot.docx"])[0].startswith("sub/ook-kapot.docx")
    (tmp_path / "sub" / "ook-kapot.docx").unlink()


def test_a_test_writing_a_broken_docx_fails(pytester):
    """End to end: the hook of tests/conftest.py fails the test that wrote the file."""
    pytester.makeconftest("from tests.conftest import pytest_configure, pytest_runtest_call\n")
    pytester.makepyfile(
        """
        import pytest
        from pathlib import Path
        from tests.test_ooxml_check import _broken_docx

        def test_writes_a_broken_file(tmp_path):
            _broken_docx(tmp_path / "brief.docx")

        @pytest.mark.invalid_docx("brief.docx")
        def test_breaks_it_on_purpose(tmp_path):
            _broken_docx(tmp_path / "brief.docx")

        def test_fails_by_itself(tmp_path):
            _broken_docx(tmp_path / "brief.docx")
            assert False, "own failure"
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(["*Written Word files are no valid OOXML*", "*brief.docx*"])
    # A test that failed by itself reports its own failure, not the file check (read from
    # the reports, not the terminal, whose summary lines depend on its width).
    failures = {
        report.nodeid.rsplit("::", 1)[-1]: report.longreprtext
        for report in result.reprec.getreports("pytest_runtest_logreport")
        if report.failed
    }
    assert set(failures) == {"test_writes_a_broken_file", "test_fails_by_itself"}
    assert "Written Word files are no valid OOXML" in failures["test_writes_a_broken_file"]
    assert "own failure" in failures["test_fails_by_itself"]
    assert "Written Word files are no valid OOXML" not in failures["test_fails_by_itself"]
