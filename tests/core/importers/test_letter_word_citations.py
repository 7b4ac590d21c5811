"""Citations survive the round trip through Word: exported as text, read back as citations."""

from __future__ import annotations

import docx
import pytest

from desktop import paths
from desktop.core.demo import load_demo
from desktop.core.drafting.citations import find_citations, relink_citations
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.export import export_letter
from desktop.core.importers.letter_word_update import update_letter_from_word
from desktop.core.store import Store, letters

KENMERK = "Min-BuZa.2020.396"
NBSP = "\u00a0"
VAN_LAAR = f"de motie Van Laar (Kamerstuk 26{NBSP}485, nr.{NBSP}224)"
BRIEF_317 = f"Kamerstuk 26{NBSP}485, nr.{NBSP}317"
CITED = {VAN_LAAR: "motie:1", BRIEF_317: "kamerstuk:26485-317"}


# -- finding a citation's text again ---------------------------------------------------------


def test_the_text_the_export_wrote_becomes_the_citation_again():
    read_back = "Zoals gevraagd in de motie Van Laar (Kamerstuk 26 485, nr. 224) doe ik dat."
    assert relink_citations(read_back, CITED) == (
        f"Zoals gevraagd in [{VAN_LAAR}](motie:1) doe ik dat."
    )


def test_a_capital_at_the_start_of_a_sentence_and_bold_are_kept():
    read_back = "**De motie Van Laar (Kamerstuk 26 485, nr. 224)** is uitgevoerd."
    relinked = relink_citations(read_back, CITED)
    assert (
        relinked
        == f"**[De motie Van Laar (Kamerstuk 26{NBSP}485, nr.{NBSP}224)](motie:1)** is uitgevoerd."
    )
    assert [found.href for found in find_citations(relinked)] == ["motie:1"]


def test_the_longest_citation_wins_and_a_kamerstuk_on_its_own_is_found_too():
    read_back = (
        "De motie Van Laar (Kamerstuk 26 485, nr. 224) en de brief (Kamerstuk 26 485, nr. 317)."
    )
    relinked = relink_citations(read_back, CITED)
    assert [found.href for found in find_citations(relinked)] == [
        "motie:1",
        "kamerstuk:26485-317",
    ]


def test_text_that_only_resembles_a_citation_stays_text():
    cited = {BRIEF_317: "kamerstuk:26485-317"}
    for text in (
        "Zie Kamerstuk 26 485, nr. 3170.",  # another number
        "Zie [Kamerstuk 26 485, nr. 317](https://zoek.officielebekendmakingen.nl/kst-26485-317).",
        "Zie Kamerstuk 26 485 nr. 317.",  # no comma: not what the export wrote
    ):
        assert relink_citations(text, cited) == text


# -- the whole round trip --------------------------------------------------------------------


@pytest.fixture
def cited_letter():
    """The demo letter with citations in a section, a motion's response and a footnote."""
    with Store.open(None) as store:
        load_demo(store, paths.resources_dir())
        letter = letters.find_by_kenmerk(store.db, KENMERK)
        assert letter is not None
        section = letter.sections[2]  # Wet Zorgplicht Kinderarbeid
        section.tekst = (
            f"Over [{VAN_LAAR}](motie:1) informeer ik u verder. Zie ook de brief van 28 oktober "
            f"2019^[[{BRIEF_317}](kamerstuk:26485-317).]."
        )
        letter.motions[
            1
        ].response = f"Zoals beschreven in [{BRIEF_317}](kamerstuk:26485-317) start de herziening."
        with store.transaction() as db:
            letters.update(db, letter)
        yield (
            store,
            letters.get(store.db, letter.id),
            TemplateLibrary(paths.shipped_templates_dir()),
        )


def _replace_in_word(path, target, old: str, new: str) -> None:
    """What a reviewer does in Word: a word changed in the paragraph that holds it."""
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new, 1)
                document.save(str(target))
                return
    raise AssertionError(f"{old!r} not in {path}")


def test_citations_in_edited_texts_come_back_from_word_as_citations(cited_letter, tmp_path):
    store, letter, library = cited_letter
    exported = export_letter(store.db, letter, library, tmp_path / "concept.docx", emblem=None)
    texts = [p.text.replace(NBSP, " ") for p in docx.Document(str(exported.docx)).paragraphs]
    assert any(t.startswith("Over de motie Van Laar (Kamerstuk 26") for t in texts)
    edited = tmp_path / "edited.docx"
    _replace_in_word(exported.docx, edited, "informeer ik u verder", "informeer ik u later")
    final = tmp_path / "getekend.docx"
    _replace_in_word(edited, final, "start de herziening", "start nu de herziening")
    with store.transaction() as db:
        result = update_letter_from_word(db, final, library, dry_run=False)
    assert result.changed
    stored = letters.get(store.db, letter.id)
    assert stored.sections[2].tekst == (
        f"Over [{VAN_LAAR}](motie:1) informeer ik u later. Zie ook de brief van 28 oktober "
        f"2019^[[{BRIEF_317}](kamerstuk:26485-317).]."
    )
    assert stored.motions[1].response == (
        f"Zoals beschreven in [{BRIEF_317}](kamerstuk:26485-317) start nu de herziening."
    )
    # Reading the same file again changes nothing; the next export says the same.
    assert not update_letter_from_word(store.db, final, library, dry_run=True).changed
    again = export_letter(store.db, stored, library, tmp_path / "opnieuw.docx", emblem=None)
    assert [p.text for p in docx.Document(str(again.docx)).paragraphs] == [
        p.text for p in docx.Document(str(final)).paragraphs
    ]
