"""A python-docx document written as a .docx package, at a chosen Deflate level.

python-docx's own ``Document.save`` writes the same package at zlib's default level (6),
which spends about twice the time of level 4 on a letter's big parts (document.xml,
footnotes.xml, the template's styles). Measured with ``write_docx`` (``bench/``):

=========  ==========================  ==========================
level      seed letter (34 kB)         seed letter at 100× (4 MB XML)
=========  ==========================  ==========================
6          5.0 ms, 33.8 kB             114 ms, 900 kB
5          4.4 ms, 36.1 kB             70 ms, 930 kB
4          4.2 ms, 38.7 kB             50 ms, 984 kB
1          3.6 ms, 43.6 kB             37 ms, 1 170 kB
=========  ==========================  ==========================

Level 4 is the knee: below it files grow fast for little time. Writing is what the user
waits for after every export.
"""

from __future__ import annotations

from typing import IO
from zipfile import ZIP_DEFLATED, ZipFile

from docx.document import Document
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI

# -- python-docx's content-types builder: the one piece of its writer that is not public;
# -- python-docx is pinned to 1.2.x in pyproject.toml, and a test compares the packages --
from docx.opc.pkgwriter import _ContentTypesItem

DEFLATE_LEVEL = 4


def write_docx(document: Document, stream: IO[bytes], *, level: int = DEFLATE_LEVEL) -> None:
    """Write ``document`` to ``stream`` exactly as ``Document.save`` does, at ``level``."""
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    content_types = _ContentTypesItem.from_parts(parts).blob  # type: ignore[no-untyped-call]
    with ZipFile(stream, "w", ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr(CONTENT_TYPES_URI.membername, content_types)
        archive.writestr(PACKAGE_URI.rels_uri.membername, package.rels.xml)
        for part in parts:
            archive.writestr(part.partname.membername, part.blob)
            if len(part.rels):
                archive.writestr(part.partname.rels_uri.membername, part.rels.xml)
