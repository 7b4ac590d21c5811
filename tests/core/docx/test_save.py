"""Saving never loses the old file: locked, read-only, failing writes."""

import os
import stat

import pytest

from desktop.core.docx.save import atomic_write, convert_to_pdf
from desktop.core.errors import FileProblem

# Saving is tested with a few bytes under a .docx name, not with Word documents.
pytestmark = pytest.mark.invalid_docx("*.docx")


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "brief.docx"
    atomic_write(target, lambda s: s.write(b"een"))
    atomic_write(target, lambda s: s.write(b"twee"))
    assert target.read_bytes() == b"twee"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.docx"]


def test_failed_write_keeps_the_old_file_and_no_temp_files(tmp_path):
    target = tmp_path / "brief.docx"
    target.write_bytes(b"oud")

    def broken(stream):
        stream.write(b"half")
        raise RuntimeError("stroom weg")

    with pytest.raises(RuntimeError):
        atomic_write(target, broken)
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.docx"]


@pytest.mark.parametrize("lock", ["~$ief.docx", ".~lock.brief.docx#"])
def test_document_open_in_word_or_libreoffice_is_refused(tmp_path, lock):
    target = tmp_path / "brief.docx"
    target.write_bytes(b"oud")
    (tmp_path / lock).write_text("x")
    with pytest.raises(FileProblem, match="geopend in Word of LibreOffice"):
        atomic_write(target, lambda s: s.write(b"nieuw"))
    assert target.read_bytes() == b"oud"


def test_read_only_folder_or_file_open_elsewhere(tmp_path, monkeypatch):
    """Both surface as PermissionError from the OS (Windows: a file open in Word)."""
    import desktop.core.docx.save as save

    target = tmp_path / "brief.docx"
    target.write_bytes(b"oud")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(save.os, "replace", refuse)
    with pytest.raises(FileProblem, match="geopend in een ander programma"):
        atomic_write(target, lambda s: s.write(b"nieuw"))
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.docx"]
    monkeypatch.setattr(save.tempfile, "mkstemp", refuse)
    with pytest.raises(FileProblem, match="alleen-lezen"):
        atomic_write(target, lambda s: s.write(b"nieuw"))


def test_full_disk(tmp_path, monkeypatch):
    import errno

    target = tmp_path / "brief.docx"
    target.write_bytes(b"oud")

    def full(stream):
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(FileProblem, match="schijf is vol"):
        atomic_write(target, full)
    assert target.read_bytes() == b"oud"


def test_missing_folder_and_directory_target(tmp_path):
    with pytest.raises(FileProblem, match="bestaat niet"):
        atomic_write(tmp_path / "nergens" / "brief.docx", lambda s: s.write(b"x"))
    with pytest.raises(FileProblem, match="is een map"):
        atomic_write(tmp_path, lambda s: s.write(b"x"))


def test_pdf_without_libreoffice_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(FileProblem, match="LibreOffice is niet geïnstalleerd"):
        convert_to_pdf(tmp_path / "brief.docx", tmp_path / "brief.pdf")


def test_path_with_spaces_and_accents(tmp_path):
    folder = tmp_path / "Mijn documenten" / "Brieven 2026 – één"
    folder.mkdir(parents=True)
    target = folder / "Voortgang IMVO – concept ë.docx"
    atomic_write(target, lambda s: s.write(b"x"))
    assert target.read_bytes() == b"x"


def test_stale_temporaries_of_an_interrupted_save_are_cleaned(tmp_path):
    import os
    import time

    stale = tmp_path / ".~voortgang-abc.docx"
    stale.write_bytes(b"half")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    fresh = tmp_path / ".~voortgang-def.docx"  # maybe another save in progress: kept
    fresh.write_bytes(b"bezig")
    atomic_write(tmp_path / "brief.docx", lambda s: s.write(b"x"))
    assert not stale.exists() and fresh.exists()


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_a_saved_file_has_the_permissions_of_a_new_file_or_of_the_old_one(tmp_path):
    # -- the temporary file is readable by its owner only; the saved letter must not be --
    umask = os.umask(0)
    os.umask(umask)
    target = tmp_path / "brief.docx"
    atomic_write(target, lambda s: s.write(b"een"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    target.chmod(0o640)
    atomic_write(target, lambda s: s.write(b"twee"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
