"""Hypothesis: parsers and Markdown-to-Word never crash on any input."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.docx.writer import build_document
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.drafting.frontmatter import compose_markdown
from desktop.core.errors import InvalidInput
from desktop.core.importers.motion_text import parse_motion_text
from tests.conftest import REFERENCE

# Any Unicode, weighted towards what breaks Word and Markdown: control characters,
# markup characters, very long words and deep nesting.
_NASTY = st.sampled_from(
    [
        "\x00",
        "\x0b",
        "\x0c",
        "\x1f",
        "\ufffe",
        "\ud800",
        "*",
        "_",
        "[",
        "]",
        "^[",
        "[^1]",
        "\n",
        "\n\n",
        "> ",
        "- ",
        "1. ",
        "|",
        "#",
        "`",
        "\\",
        "<!--",
        "-->",
        "<!-- bijlage: X -->",
        "\\newpage",
        "http://x.nl",
        "javascript:",
        "\u00a0",
        "\u202e",
        "𝔘",
        "‘",
        "«",
    ]
)
_TEXT = st.lists(
    st.one_of(st.text(max_size=30), _NASTY, st.text(alphabet="abc", min_size=500, max_size=3000)),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), _TEXT))
def test_kamerstuk_parser_returns_a_reference_or_a_dutch_error(text):
    try:
        ref = KamerstukRef.parse(text)
    except InvalidInput as error:
        assert str(error)
    else:
        assert KamerstukRef.parse(ref.letter_style()) == ref
    assert isinstance(list(KamerstukRef.find_all(text)), list)


_MOTION = (REFERENCE / "moties" / "kst-26485-229.txt").read_text(encoding="utf-8")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_MOTION.splitlines()), _TEXT), max_size=25))
def test_motion_parser_only_raises_invalid_input(lines):
    try:
        motion = parse_motion_text("\n".join(lines))
    except InvalidInput as error:
        assert str(error)
    else:
        assert motion.kamerstuk.dossier > 0


def _nested(depth: int) -> str:
    return "> " * depth + "- " * depth + "diep"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_TEXT, st.integers(1, 300).map(_nested)))
def test_markdown_to_word_never_crashes_and_reopens(markdown):
    document = compose_markdown(markdown)
    buffer = io.BytesIO()
    build_document(document).save(buffer)
    buffer.seek(0)
    assert zipfile.ZipFile(buffer).testzip() is None
    buffer.seek(0)
    reopened = docx.Document(buffer)
    assert reopened.core_properties.language == "nl-NL"


@pytest.mark.render
def test_a_fuzzed_sample_renders_in_libreoffice(tmp_path):
    from tests.core.docx.conftest import pdf_pages, render_pdf

    sample = (
        "Tekst\x0b met\x0c stuurtekens\x01 en *on[af*gesloten ^[noot\x00 met [link]"
        "(javascript:x)] ‮omgekeerd " + "w" * 4000 + "\n\n" + "> " * 60 + "diep\n\n"
        "| a | b\n|---|\n| 1 | 2 | 3 |\n\n<!-- bijlage: B -->\n\n## C\n\nD^[E]"
    )
    path = tmp_path / "fuzz.docx"
    build_document(compose_markdown(sample)).save(str(path))
    pages = pdf_pages(render_pdf(path, tmp_path))
    text = "\n".join(pages)
    assert "stuurtekens" in text and "diep" in text and "Pagina 1 van" in text
