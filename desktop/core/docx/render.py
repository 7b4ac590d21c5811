"""A picture of page 1 of a Word file: LibreOffice makes a PDF, poppler's pdftoppm a PNG.

LibreOffice 7.4 does not convert Writer documents to PNG itself (only the first page, and
not reliably headless), so the route is .docx → PDF (the export's own filter) → PNG.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from desktop.core.docx.save import convert_to_pdf, find_libreoffice
from desktop.core.errors import FileProblem

RENDER_TIMEOUT_SECONDS = 60
#: resolution of the picture; 60 dpi gives an A4 page of about 500 × 700 pixels
PREVIEW_DPI = 60


def find_pdftoppm() -> str | None:
    """poppler's pdftoppm, or None when it is not installed."""
    return shutil.which("pdftoppm")


def first_page_png(docx: bytes, *, dpi: int = PREVIEW_DPI) -> bytes:
    """Page 1 of a Word document (given as bytes) as a PNG picture.

    Raises:
        FileProblem: LibreOffice or pdftoppm is missing, or the rendering fails (Dutch).
    """
    if find_libreoffice() is None:
        raise FileProblem(
            "LibreOffice is niet geïnstalleerd, dus Voortgang kan geen voorbeeld van pagina 1 "
            "tonen. Het briefhoofd wordt bij het exporteren wel gebruikt."
        )
    pdftoppm = find_pdftoppm()
    if pdftoppm is None:
        raise FileProblem(
            "Het programma pdftoppm (van poppler-utils) ontbreekt, dus Voortgang kan geen "
            "voorbeeld van pagina 1 tonen. Het briefhoofd wordt bij het exporteren wel gebruikt."
        )
    with tempfile.TemporaryDirectory(prefix="voortgang-voorbeeld-") as work:
        folder = Path(work)
        source = folder / "voorbeeld.docx"
        source.write_bytes(docx)
        pdf = convert_to_pdf(source, folder / "voorbeeld.pdf")
        stem = folder / "pagina"
        command = [pdftoppm, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile"]
        try:
            result = subprocess.run(
                [*command, str(pdf), str(stem)],
                capture_output=True,
                text=True,
                timeout=RENDER_TIMEOUT_SECONDS,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise FileProblem(f"Het voorbeeld van pagina 1 is niet gelukt: {error}.") from error
        picture = stem.with_suffix(".png")
        if result.returncode != 0 or not picture.exists():
            raise FileProblem(
                "Het voorbeeld van pagina 1 is niet gelukt: "
                f"{(result.stderr or result.stdout).strip()[:300] or 'pdftoppm gaf geen beeld'}."
            )
        return picture.read_bytes()
