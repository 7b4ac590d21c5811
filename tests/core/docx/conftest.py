"""Fixtures for Word output: the demo letter exported once, rendered once per session."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from desktop import paths
from desktop.core.demo import load_demo
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.export import export_letter
from desktop.core.store import Store, letters
from tests.conftest import require_tool

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def xml_part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


@pytest.fixture(scope="session")
def exported_demo(tmp_path_factory) -> dict[str, Path]:
    """The demo letter exported to .docx with its annexes as separate files."""
    folder = tmp_path_factory.mktemp("export")
    store = Store.open(None)
    load_demo(store, paths.resources_dir())
    letter = letters.find_by_kenmerk(store.db, "Min-BuZa.2020.396")
    assert letter is not None
    library = TemplateLibrary(paths.shipped_templates_dir())
    from tests.core.docx.sample_template import png_logo

    emblem = folder / "embleem.png"  # a generated stand-in, never the real emblem
    emblem.write_bytes(png_logo())
    result = export_letter(
        store.db,
        letter,
        library,
        folder / "brief.docx",
        emblem=emblem,
        annexes_dir=folder / "bijlagen",
    )
    store.close()
    return {"docx": result.docx, "folder": folder, "annexes": folder / "bijlagen"}


def render_pdf(docx: Path, profile_root: Path) -> Path:
    """Convert with headless LibreOffice (own profile) and return the PDF."""
    office = require_tool("soffice")
    outdir = docx.parent / "pdf"
    outdir.mkdir(exist_ok=True)
    profile = (profile_root / "lo-profile").as_uri()
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = outdir / (docx.stem + ".pdf")
    assert pdf.exists()
    return pdf


@pytest.fixture(scope="session")
def rendered_demo(exported_demo, tmp_path_factory) -> Path:
    """The demo letter as PDF, rendered by LibreOffice."""
    return render_pdf(exported_demo["docx"], tmp_path_factory.mktemp("lo"))


def pdf_pages(pdf: Path) -> list[str]:
    """Text per page (pdftotext -layout)."""
    tool = require_tool("pdftotext")
    text = subprocess.run(
        [tool, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
