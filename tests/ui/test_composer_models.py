"""The composer's models (qtmodeltester), its letter HTML, drafts and database work."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from desktop import paths
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import LetterMotion, LetterSection
from desktop.core.drafting.model import (
    Annex,
    Heading,
    LetterDocument,
    LetterMeta,
    Link,
    ListBlock,
    Note,
    Paragraph,
    Table,
    Text,
)
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.errors import InvalidInput
from desktop.core.services import letters as ops
from desktop.core.services.drafts import (
    DraftFolder,
    content_from_json,
    content_json,
    from_letter,
    problems,
    to_letter,
)
from desktop.core.store import convenanten, letters, motions
from desktop.ui.composer.commands import (
    AddItemCommand,
    AddSectionCommand,
    MoveSectionCommand,
    RemoveSectionCommand,
    SetItemFieldCommand,
    ToggleConvenantCommand,
)
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.models import MOTIONS
from desktop.ui.composer.preview_html import letter_html, problem_html


@pytest.fixture
def filled(qtbot, demo_store):
    """A document with the demo letter's sections, motions and convenanten."""
    letter = letters.get(demo_store.db, 5)
    document = ComposerDocument()
    registry = {m.id: m for m in motions.list_motions(demo_store.db)}
    document.motions.set_registry(registry, {})
    document.commitments.set_registry(registry, {})
    document.convenanten.set_convenanten(convenanten.list_convenanten(demo_store.db))
    document.set_state(letter.id, letter.version, "concept")
    document.replace(from_letter(letter))
    return document


@pytest.mark.parametrize("name", ["sections", "motions", "commitments", "convenanten"])
def test_every_composer_model_passes_the_model_tester(qtmodeltester, filled, name):
    """Checked at rest, then while undo commands insert, move, change and remove rows."""
    document = filled
    original = document.content.copy()
    qtmodeltester.check(getattr(document, name), force_py=True)
    stack = QUndoStack()
    stack.push(AddSectionCommand(document, 1, LetterSection(titel="Nieuw")))
    stack.push(MoveSectionCommand(document, 0, 3))
    stack.push(AddItemCommand(document, MOTIONS, 1, LetterMotion(4)))
    stack.push(SetItemFieldCommand(document, MOTIONS, 1, "afdoen", True, False))
    stack.push(ToggleConvenantCommand(document, 14, True))
    stack.push(RemoveSectionCommand(document, 0))
    while stack.canUndo():
        stack.undo()
    assert document.content == original


def test_the_settle_model_shows_names_and_a_check_box(filled):
    model = filled.motions
    assert model.index(0, 0).data() == "De motie Van Laar"
    assert model.index(0, 1).data() == "26 485, nr. 224"
    assert model.index(0, 2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(0, 3).data().startswith("1. Monitoring")
    clicked: list[tuple[int, bool]] = []
    model.on_check = lambda row, checked: clicked.append((row, checked))
    assert model.setData(
        model.index(0, 2), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert clicked == [(0, False)]


def test_convenant_choices_show_their_annex_number(filled):
    model = filled.convenanten
    chosen = filled.content.convenant_ids
    row = model.row_of(chosen[1])
    assert row is not None
    assert model.index(row, 0).data().endswith("(bijlage 2)")


# -- HTML of the letter model ---------------------------------------------------------------------


def test_letter_html_numbers_footnotes_over_body_and_annex():
    document = LetterDocument(
        meta=LetterMeta(
            kenmerk="BZ-1", datum="1 september 2020", betreft="Voortgang <IMVO>", aanhef="Geachte,"
        ),
        body=[
            Heading(1, [Text("Eerste sectie")]),
            Paragraph([Text("Tekst", bold=True), Note([Paragraph([Text("Bron een")])]), Text(".")]),
            ListBlock(False, [[Paragraph([Text("punt"), Note([Paragraph([Text("Bron twee")])])])]]),
            Table(header=[[Text("Kop")]], rows=[[[Link("https://example.org", [Text("site")])]]]),
        ],
        annexes=[
            Annex("Bijlage I", [Paragraph([Text("Bijlage"), Note([Paragraph([Text("Drie")])])])])
        ],
    )
    html = letter_html(document)
    assert "Voortgang &lt;IMVO&gt;" in html
    assert "<b>Tekst</b>" in html
    for number in (1, 2, 3):
        assert f"href='#voetnoot-{number}'>{number}</a></sup>" in html
    assert html.index("Bron een") < html.index("Bron twee") < html.index("Drie")
    assert "<a href='https://example.org'>site</a>" in html
    assert "<th" in html and "<ul>" in html
    assert "Onze referentie" in html and "BZ-1" in html


def test_problem_html_is_a_red_box_with_the_message():
    html = problem_html("Fout in sjabloon ‘x’, regel 3: <iets>.")
    assert "fbe3e1" in html
    assert "&lt;iets&gt;" in html


# -- drafts ---------------------------------------------------------------------------------------


def test_a_draft_round_trips_through_json_and_the_folder(tmp_path, demo_store):
    content = from_letter(letters.get(demo_store.db, 5))
    content.meta["datum"] = "31 februari"  # unreadable dates are kept as typed
    saved = content_from_json(content_json(content, 5, 3))
    assert saved.content == content
    assert (saved.letter_id, saved.version) == (5, 3)
    folder = DraftFolder(tmp_path / "concepten")
    folder.write(None, content, 1)
    assert folder.read(None) is not None
    folder.delete(None)
    assert folder.read(None) is None
    (tmp_path / "concepten" / "7.json").write_text("{kapot", encoding="utf-8")
    assert folder.read(7) is None


def test_to_letter_is_strict_for_saving_and_lenient_for_the_preview(demo_store):
    content = from_letter(letters.get(demo_store.db, 5))
    content.meta["datum"] = "31 februari 2020"
    content.meta["betreft"] = " "
    assert set(problems(content)) == {"datum", "betreft"}
    with pytest.raises(InvalidInput):
        to_letter(content, letter_id=5, version=1, status="concept")
    lenient = to_letter(content, letter_id=5, version=1, status="concept", strict=False)
    assert lenient.datum is None
    content.meta["datum"] = "21-02-2020"
    content.meta["betreft"] = "Voortgang"
    assert to_letter(content, letter_id=5, version=1, status="concept").datum == dt.date(
        2020, 2, 21
    )


# -- database work ----------------------------------------------------------------------------


def test_citation_search_finds_motions_and_kamerstukken_in_house_style(demo_store):
    found = ops.citation_search(demo_store, "Van Laar")
    assert found[0].text == "de motie Van Laar (Kamerstuk 26\u00a0485, nr.\u00a0224)"
    laar = motions.find(demo_store.db, KamerstukRef.of(26485, 224))
    assert laar is not None and found[0].target == f"motie:{laar.id}"  # linked, by identity
    by_number = ops.citation_search(demo_store, "26 485, nr. 293")
    assert [(c.text, c.target) for c in by_number] == [
        ("Kamerstuk 26\u00a0485, nr.\u00a0293", "kamerstuk:26485-293")
    ]


def test_render_preview_uses_the_unsaved_letter(demo_store):
    library = TemplateLibrary(paths.shipped_templates_dir())
    letter = letters.get(demo_store.db, 5)
    letter.sections.append(LetterSection(titel="Nog niet opgeslagen", tekst="Zie^[Noot.]"))
    html = letter_html(ops.preview_document(demo_store, letter, library))
    assert "Nog niet opgeslagen" in html
    assert "Bijlage I: Voortgang IMVO-convenanten" in html
    assert "href='#voetnoot-10'>10</a>" in html  # the demo's nine plus this one
