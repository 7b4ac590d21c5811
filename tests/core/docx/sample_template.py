"""A ministry-like Word template made on the spot: Georgia as Normal font, a generated
logo in its headers, A4 with its own margins, saved as a .dotx (template content type).

Never the real Rijksoverheid emblem: the logo is a plain coloured square drawn here.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
from docx.shared import Mm, Pt

CT_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def png_logo(width: int = 48, height: int = 48, rgb: tuple[int, int, int] = (21, 66, 115)) -> bytes:
    """A small PNG: a filled square with a white band (no image library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = []
    for y in range(height):
        row = bytearray([0])
        for _x in range(width):
            row += bytes((255, 255, 255)) if height // 3 <= y < height // 2 else bytes(rgb)
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


def make_dotx(path: Path, *, woordmerk: str = "Ministerie van Proefzaken") -> Path:
    """Write a .dotx with Georgia 10 pt Normal and the logo plus woordmerk in both headers."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(10)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(docx.oxml.ns.qn(attribute), "Georgia")
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(25), Mm(65)
    section.top_margin, section.bottom_margin = Mm(50), Mm(25)
    section.different_first_page_header_footer = True
    for header in (section.first_page_header, section.header):
        paragraph = header.paragraphs[0]
        run = paragraph.add_run()
        run.add_picture(io.BytesIO(png_logo()), width=Mm(13))
        paragraph.add_run(f"  {woordmerk}")
    document.add_paragraph("Tekst van het sjabloon die niet in de brief hoort.")
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(CT_DOCUMENT.encode(), CT_TEMPLATE.encode())
            target.writestr(info.filename, data)
    return path
