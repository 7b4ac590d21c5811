"""write_docx: the package python-docx's Document.save writes, at our Deflate level."""

from __future__ import annotations

import io
import zipfile

import docx

from desktop.core.docx.package import DEFLATE_LEVEL, write_docx
from desktop.core.docx.writer import build_document
from desktop.core.drafting.frontmatter import compose_markdown
from tests.core.docx.sample_template import png_logo

LETTER = """---
kenmerk: BZ-2026-17
betreft: Voortgang IMVO-beleid
ministerie: Ministerie van Buitenlandse Zaken
afzender: Directie Internationaal Ondernemen
---

# Inleiding

Zie Kamerstuk 26 485, nr. 224[^1] en [de website](https://www.rijksoverheid.nl/imvo).

1. een
2. twee

| Motie | Status |
|---|---|
| Van Laar | afgedaan |

[^1]: Een noot met [een link](https://zoek.officielebekendmakingen.nl/kst-26485-224).
"""


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_the_package_is_the_one_python_docx_saves_member_for_member(tmp_path):
    emblem = tmp_path / "embleem.png"
    emblem.write_bytes(png_logo())
    document = build_document(compose_markdown(LETTER), emblem=emblem)
    theirs, ours = io.BytesIO(), io.BytesIO()
    document.save(theirs)
    write_docx(document, ours)
    theirs_members, ours_members = _members(theirs.getvalue()), _members(ours.getvalue())
    # -- same parts in the same order, byte for byte: content types, relationships
    # -- (hyperlinks, footnotes, the emblem), the emblem itself --
    assert list(ours_members) == list(theirs_members)
    assert ours_members == theirs_members
    assert any(name.startswith("word/media/") for name in ours_members)
    assert "word/footnotes.xml" in ours_members
    target = tmp_path / "brief.docx"
    target.write_bytes(ours.getvalue())
    reopened = docx.Document(str(target))
    assert any("Kamerstuk\u00a026\u00a0485" in p.text for p in reopened.paragraphs)


def test_the_level_is_applied_to_every_compressed_member():
    document = build_document(compose_markdown(LETTER * 20))
    sizes = {}
    for level in (1, DEFLATE_LEVEL, 9):
        stream = io.BytesIO()
        write_docx(document, stream, level=level)
        with zipfile.ZipFile(io.BytesIO(stream.getvalue())) as archive:
            assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}
        sizes[level] = len(stream.getvalue())
    assert sizes[1] > sizes[DEFLATE_LEVEL] >= sizes[9]
