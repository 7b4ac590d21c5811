"""Saving Word files safely, and PDF through LibreOffice when it is installed."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from desktop.core.errors import FileProblem

PDF_TIMEOUT_SECONDS = 180
#: LibreOffice's writer_pdf_Export with a tagged PDF (structure tree) conforming to
#: PDF/UA-1, as government publications must be accessible (Digitoegankelijkheid)
PDF_FILTER = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"},'
    '"ExportBookmarks":{"type":"boolean","value":"true"},'
    '"UseReferenceXObject":{"type":"boolean","value":"false"}}'
)
TEMP_PREFIX = ".~voortgang-"
STALE_TEMP_SECONDS = 3600


def _remove_stale_temporaries(folder: Path) -> None:
    """Remove temporary files an earlier, interrupted save left behind (over an hour old)."""
    now = time.time()
    for leftover in folder.glob(f"{TEMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_TEMP_SECONDS:
                leftover.unlink()


def lock_file_of(target: Path) -> Path | None:
    """The lock file Word (``~$name``) or LibreOffice (``.~lock.name#``) keeps, if any."""
    candidates = [
        target.with_name("~$" + target.name[2:] if len(target.name) > 2 else "~$" + target.name),
        target.with_name("~$" + target.name),
        target.with_name(f".~lock.{target.name}#"),
    ]
    return next((c for c in candidates if c.exists()), None)


def _explain(error: OSError, target: Path) -> FileProblem:
    if error.errno == errno.ENOSPC:
        return FileProblem(f"De schijf is vol; {target.name} is niet opgeslagen.")
    if isinstance(error, PermissionError) or error.errno in (
        errno.EACCES,
        errno.EPERM,
        errno.EROFS,
    ):
        return FileProblem(
            f"{target} kan niet worden geschreven: het bestand is geopend in een ander programma "
            "(bijvoorbeeld Word) of de map is alleen-lezen. Sluit het bestand of kies een "
            "andere naam of map; er is niets verloren."
        )
    if error.errno == errno.ENOENT:
        return FileProblem(f"De map {target.parent} bestaat niet.")
    return FileProblem(f"{target} kan niet worden opgeslagen: {error.strerror or error}.")


def _read_umask() -> int:
    # -- the umask can only be read by setting it; done once, at import, before any thread
    # -- of the program could create a file meanwhile --
    umask = os.umask(0)
    os.umask(umask)
    return umask


_UMASK = _read_umask()


def _mode_for(target: Path) -> int:
    """The permission bits the saved file should have: the old file's, or a new file's."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK


def atomic_write(target: Path, write: Callable[[BinaryIO], Any]) -> Path:
    """Write a file completely to a temporary name, then replace the target.

    The target is either the old file or the complete new one, never half written.

    Raises:
        FileProblem: when the target is open elsewhere, read-only, or the disk is full.
    """
    target = target.expanduser()
    if target.exists() and target.is_dir():
        raise FileProblem(f"{target} is een map; kies een bestandsnaam.")
    lock = lock_file_of(target)
    if lock is not None:
        raise FileProblem(
            f"{target.name} is geopend in Word of LibreOffice (vergrendeld door {lock.name}). "
            "Sluit het document of kies een andere naam; er is niets overschreven."
        )
    if not target.parent.exists():
        raise FileProblem(f"De map {target.parent} bestaat niet.")
    _remove_stale_temporaries(target.parent)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=TEMP_PREFIX, suffix=target.suffix, dir=target.parent
        )
    except OSError as error:
        raise _explain(error, target) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            # -- mkstemp makes the file readable by its owner only; the saved file gets the
            # -- old file's permissions, or those of any new file (the umask) --
            if hasattr(os, "fchmod"):  # -- POSIX; on Windows the folder's rights apply --
                os.fchmod(stream.fileno(), _mode_for(target))
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise _explain(error, target) from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return target


def find_libreoffice() -> str | None:
    """The LibreOffice executable, if installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_pdf(source: Path, target: Path) -> Path:
    """Convert a .docx to PDF with headless LibreOffice (atomically replacing ``target``).

    Raises:
        FileProblem: when LibreOffice is not installed or the conversion fails.
    """
    office = find_libreoffice()
    if office is None:
        raise FileProblem(
            "LibreOffice is niet geïnstalleerd, dus er is geen PDF gemaakt (het Word-bestand "
            "wel). Installeer LibreOffice om ook een PDF te maken."
        )
    with tempfile.TemporaryDirectory(prefix="voortgang-pdf-") as work:
        profile = Path(work) / "profiel"
        command = [
            office,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            PDF_FILTER,
            "--outdir",
            work,
            str(source),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=PDF_TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired as error:
            raise FileProblem("LibreOffice deed te lang over de PDF en is gestopt.") from error
        produced = Path(work) / (source.stem + ".pdf")
        if result.returncode != 0 or not produced.exists():
            raise FileProblem(
                f"LibreOffice kon geen PDF maken van {source.name}: "
                f"{(result.stderr or result.stdout).strip()[:300]}"
            )
        data = produced.read_bytes()
    return atomic_write(target, lambda stream: stream.write(data))
