"""The letterhead preview: which letter, written with the letterhead, no version, page 1."""

from __future__ import annotations

import pytest

import desktop.core.docx.render as render_module
from desktop import paths
from desktop.core.errors import FileProblem
from desktop.core.export import set_letterhead
from desktop.core.services.letterhead import PreviewDraft, preview_draft, render_preview
from desktop.core.store import letters
from desktop.core.store.versions import list_versions
from tests.conftest import require_tool
from tests.core.docx.sample_template import make_dotx


def test_an_empty_registry_previews_a_sample_letter(store, tmp_path):
    sample = preview_draft(store, paths.default_library())
    assert sample.letter.startswith("een voorbeeldbrief")
    (tmp_path / "leeg.docx").write_bytes(sample.docx)  # validated by the OOXML check


def test_the_preview_letter_is_the_chosen_or_the_newest(demo_store, tmp_path):
    library = paths.default_library()
    newest = preview_draft(demo_store, library)
    assert newest.letter == "Min-BuZa.2020.396 – Voortgang IMVO-beleid"
    assert newest.letterhead.startswith("Geen briefhoofd")
    letter = letters.find_by_kenmerk(demo_store.db, "Min-BuZa.2020.396")
    assert letter is not None and letter.id is not None
    assert preview_draft(demo_store, library, letter.id).letter == newest.letter
    assert preview_draft(demo_store, library, 9999).letter == newest.letter  # gone: newest
    assert list_versions(demo_store.db, letter.id) == []  # a preview records nothing
    with demo_store.transaction() as db:
        set_letterhead(db, make_dotx(tmp_path / "ministerie.dotx"))
    styled = preview_draft(demo_store, library, letter.id)
    assert styled.letterhead.startswith("Word-sjabloon ministerie.dotx")
    # The draft is a real Word file (the OOXML check validates it at the end).
    (tmp_path / "voorbeeld.docx").write_bytes(styled.docx)


def test_without_pdftoppm_or_libreoffice_the_message_says_so(monkeypatch):
    draft = PreviewDraft(b"", "brief", "geen")
    monkeypatch.setattr(render_module, "find_libreoffice", lambda: "soffice")
    monkeypatch.setattr(render_module, "find_pdftoppm", lambda: None)
    with pytest.raises(FileProblem, match=r"pdftoppm \(van poppler-utils\) ontbreekt"):
        render_preview(draft)
    monkeypatch.setattr(render_module, "find_libreoffice", lambda: None)
    with pytest.raises(FileProblem, match="LibreOffice is niet geïnstalleerd"):
        render_preview(draft)


@pytest.mark.render
def test_page_one_is_a_png(demo_store):
    require_tool("soffice")
    require_tool("pdftoppm")
    draft = preview_draft(demo_store, paths.default_library())
    png = render_preview(draft)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
