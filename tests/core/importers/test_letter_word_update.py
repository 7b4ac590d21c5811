"""The final letter back from Word: annexes, edited motion openings, commitments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from desktop import paths
from desktop.core.demo import load_demo
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Commitment, LetterCommitment
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.export import export_letter
from desktop.core.importers.letter_word_items import ItemParagraphs, ItemText
from desktop.core.importers.letter_word_update import update_letter_from_word
from desktop.core.store import Store, commitments, convenanten, letters

KENMERK = "Min-BuZa.2020.396"
TEXTILE = "Convenant Duurzame Kleding en Textiel"


@pytest.fixture
def demo():
    with Store.open(None) as store:
        load_demo(store, paths.resources_dir())
        letter = letters.find_by_kenmerk(store.db, KENMERK)
        assert letter is not None
        yield store, letter, TemplateLibrary(paths.shipped_templates_dir())


def _edit(source: Path, target: Path, starts: str, *replacements: tuple[str, str]) -> None:
    """What a reviewer does in Word: text replaced in the paragraph starting with ``starts``.

    Each replacement is made in the run that holds it, so the run's formatting stays, as
    in Word; text spread over several runs is retyped as one run.
    """
    document = docx.Document(str(source))
    paragraph = next(p for p in document.paragraphs if p.text.startswith(starts))
    for old, new in replacements:
        assert old in paragraph.text, old
        run = next((r for r in paragraph.runs if old in r.text), None)
        if run is None:
            runs = paragraph.runs
            runs[0].text = "".join(r.text for r in runs)
            for extra in runs[1:]:
                extra._r.getparent().remove(extra._r)
            run = runs[0]
        run.text = run.text.replace(old, new, 1)
    document.save(str(target))


def _texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _textile_entries(store):
    convenant = convenanten.find_by_name(store.db, TEXTILE)
    assert convenant is not None
    return convenant.voortgang


# -- 2. annexes ---------------------------------------------------------------------------


def test_an_annex_edit_goes_back_to_the_convenants_progress(demo, tmp_path):
    store, letter, library = demo
    first = export_letter(store.db, letter, library, tmp_path / "concept.docx", emblem=None)
    final = tmp_path / "definitief.docx"
    _edit(
        first.docx,
        final,
        "Er heeft een onafhankelijke midterm-evaluatie",
        ("in Tamil Nadu.", "in Tamil Nadu, met drie merken."),
    )
    preview = update_letter_from_word(store.db, final, library, dry_run=True)
    changed = {c.titel: c for c in preview.changes if c.status == "gewijzigd"}
    assert list(changed) == [f"Bijlage: {TEXTILE}"]
    assert any("met drie merken" in line for line in changed[f"Bijlage: {TEXTILE}"].diff)
    assert preview.changed and preview.warnings == []
    assert "met drie merken" not in _textile_entries(store)[-1].tekst  # dry run

    before = [(e.id, e.bron, e.tekst) for e in _textile_entries(store)]
    with store.transaction() as db:
        result = update_letter_from_word(db, final, library, dry_run=False)
    assert (result.previous_version, result.version) == (1, 2)
    entries = _textile_entries(store)
    # The letter's own entry (its source names the kenmerk) now holds the final text;
    # the SER's 2018 entry is untouched and nothing was added.
    assert len(entries) == len(before)
    own = next(e for e in entries if KENMERK in (e.bron or ""))
    assert own.tekst.endswith("in Tamil Nadu, met drie merken.")
    assert [(e.id, e.tekst) for e in entries if e is not own] == [
        (i, t) for i, b, t in before if KENMERK not in (b or "")
    ]
    again = export_letter(
        store.db, letters.get(store.db, letter.id), library, tmp_path / "e.docx", emblem=None
    )
    assert sum("met drie merken" in t for t in _texts(again.docx)) == 1
    assert again.footnotes == 9
    # Reading the same file again changes nothing.
    assert not update_letter_from_word(store.db, final, library, dry_run=True).changed


def test_an_annex_edit_of_text_from_another_source_becomes_the_letters_own(demo, tmp_path):
    store, letter, library = demo
    convenant = convenanten.find_by_name(store.db, TEXTILE)
    assert convenant is not None
    used = convenant.latest_progress(letter.datum.isoformat())
    assert used is not None
    used.bron = "SER Voortgangsrapportage IMVO-convenanten (2019)"
    with store.transaction() as db:
        convenanten.update(db, convenant)
    first = export_letter(store.db, letter, library, tmp_path / "c.docx", emblem=None)
    _edit(
        first.docx,
        tmp_path / "d.docx",
        "Er heeft een onafhankelijke midterm-evaluatie",
        ("Er heeft een onafhankelijke midterm-evaluatie", "Na de midterm-evaluatie heeft een"),
    )
    with store.transaction() as db:
        update_letter_from_word(db, tmp_path / "d.docx", library, dry_run=False)
    entries = _textile_entries(store)
    assert any(e.bron == used.bron and e.tekst == used.tekst for e in entries)  # kept
    added = entries[-1]
    assert added.datum == "2020-02-21" and KENMERK in (added.bron or "")
    assert added.tekst.startswith("Na de midterm-evaluatie heeft een")
    again = export_letter(
        store.db, letters.get(store.db, letter.id), library, tmp_path / "e.docx", emblem=None
    )
    texts = _texts(again.docx)
    assert any(t.startswith("Na de midterm-evaluatie") for t in texts)
    assert not any(t.startswith("Er heeft een onafhankelijke midterm") for t in texts)


def test_annex_parts_and_annexes_that_are_not_read_are_reported(demo, tmp_path):
    from desktop.core.services.letters import ExportRequest
    from desktop.core.services.letters import export_letter as export_request

    store, letter, library = demo
    outcome = export_request(
        store, ExportRequest(letter, tmp_path / "c.docx", library, afdoeningstabel=True)
    )
    document = docx.Document(str(outcome.docx))
    heading = next(p for p in document.paragraphs if p.text == TEXTILE)
    extra = heading.insert_paragraph_before("Convenant Nieuwe Sector", style="Heading 2")
    extra.insert_paragraph_before("Nog geen afspraken.")  # under the previous part
    heading.insert_paragraph_before("Er wordt verkend.")  # under the new heading
    document.save(str(tmp_path / "d.docx"))
    preview = update_letter_from_word(store.db, tmp_path / "d.docx", library, dry_run=True)
    assert any("Convenant Nieuwe Sector" in w and "niet ingelezen" in w for w in preview.warnings)
    assert any("Afdoeningstabel" in w and "niet ingelezen" in w for w in preview.warnings)
    changed = [c.titel for c in preview.changes if c.status == "gewijzigd"]
    # The paragraph typed before the new heading belongs to the part above it.
    assert changed == ["Bijlage: IMVO-convenant Sierteeltsector"]
    sierteelt = next(c for c in preview.changes if c.titel == changed[0])
    assert sierteelt.diff[-1] == "+Nog geen afspraken."


# -- 3. a motion paragraph whose opening sentence was edited ------------------------------


DIKS = "De motie Diks/Van den Hul"
DIKS_OPENING = "De motie Diks/Van den Hul (Kamerstuk\xa035\xa0000\xa0XVII,\xa0nr.\xa034) verzoekt"


REWORDED = (
    ("De motie Diks/Van den Hul", "De motie van de leden Diks en Van den Hul"),
    ("verzoekt de regering een uitgebreidere", "vraagt de regering om een"),
    ("In november 2019", "Begin november 2019"),
)


def test_a_motion_paragraph_with_an_edited_opening_keeps_its_response(demo, tmp_path):
    store, letter, library = demo
    first = export_letter(store.db, letter, library, tmp_path / "c.docx", emblem=None)
    _edit(first.docx, tmp_path / "d.docx", DIKS, *REWORDED)
    with store.transaction() as db:
        result = update_letter_from_word(db, tmp_path / "d.docx", library, dry_run=False)
    assert result.motions_updated == ["Kamerstuk 35 000 XVII, nr. 34"]
    assert all(c.status == "ongewijzigd" for c in result.changes)  # not section text
    assert len(result.warnings) == 1 and "openingszin" in result.warnings[0]
    assert "de motie Diks/Van den Hul" in result.warnings[0]
    stored = letters.get(store.db, letter.id)
    assert stored.motions[2].response.startswith("Begin november 2019 is hieraan")
    again = export_letter(store.db, stored, library, tmp_path / "e.docx", emblem=None)
    texts = _texts(again.docx)
    assert sum("Begin november 2019" in t for t in texts) == 1
    assert any(t.startswith(DIKS_OPENING) and "Begin november 2019" in t for t in texts)
    assert not any("vraagt de regering om een" in t for t in texts)


def test_an_edited_opening_alone_and_a_deleted_motion_paragraph_are_reported(demo, tmp_path):
    store, letter, library = demo
    first = export_letter(store.db, letter, library, tmp_path / "c.docx", emblem=None)
    _edit(
        first.docx,
        tmp_path / "d.docx",
        DIKS,
        ("verzoekt de regering een", "vraagt de regering om een"),
    )
    document = docx.Document(str(tmp_path / "d.docx"))
    van_laar = next(p for p in document.paragraphs if p.text.startswith("De motie Van Laar"))
    van_laar._p.getparent().remove(van_laar._p)
    document.save(str(tmp_path / "d.docx"))
    preview = update_letter_from_word(store.db, tmp_path / "d.docx", library, dry_run=True)
    assert preview.motions_updated == []
    assert not any("vraagt de regering" in line for c in preview.changes for line in c.diff)
    assert any("openingszin" in w and "Diks/Van den Hul" in w for w in preview.warnings)
    assert any("de motie Van Laar" in w and "niet (meer)" in w for w in preview.warnings)


def test_a_passing_mention_of_a_motion_stays_section_text():
    item = ItemText(
        label="de motie Van Laar (Kamerstuk 26 485, nr. 224)",
        reported="Kamerstuk 26 485, nr. 224",
        opening=(
            "De motie Van Laar (Kamerstuk 26 485, nr. 224) verzoekt de regering jaarlijks de "
            "impact van de IMVO-convenanten te toetsen."
        ),
        response="Met de Kamerbrief van 13 november 2018 heb ik u geïnformeerd.",
        refs={KamerstukRef.of(26485, 224).key},
        names=["van laar"],
    )
    found = ItemParagraphs([item])
    mention = "In het AO is ook de motie Van Laar (Kamerstuk 26 485, nr. 224) besproken."
    assert found.take([mention]) == [mention] and not item.found
    edited = (
        "De motie van het lid Van Laar (Kamerstuk 26 485, nr. 224) vraagt de regering "
        "jaarlijks de impact van de IMVO-convenanten te toetsen. Met de Kamerbrief van "
        "13 november 2018 heb ik u uitgebreid geïnformeerd."
    )
    assert found.take([edited]) == []
    assert (
        item.new_response
        == "Met de Kamerbrief van 13 november 2018 heb ik u uitgebreid geïnformeerd."
    )


# -- 4. commitments -------------------------------------------------------------------------


def _with_commitments(store, letter) -> None:
    with store.transaction() as db:
        placed = commitments.add(
            db,
            Commitment(
                tekst="De minister stuurt de Kamer voor de zomer de evaluatie van de convenanten.",
                nummer="TZ202001-042",
                minister="Kaag",
                datum_gedaan=dt.date(2019, 11, 20),
                kamerstuk=KamerstukRef.of(26485, 308),
            ),
        )
        loose = commitments.add(
            db, Commitment(tekst="De minister informeert de Kamer over het NAP.")
        )
        letter.commitments = [
            LetterCommitment(placed, "De evaluatie verschijnt in juni.", section_index=0),
            LetterCommitment(loose, "Dat gebeurt in deze brief."),
        ]
        letters.update(db, letter)


def test_commitment_responses_come_back_also_with_an_edited_opening(demo, tmp_path):
    store, letter, library = demo
    _with_commitments(store, letter)
    letter = letters.get(store.db, letter.id)
    first = export_letter(store.db, letter, library, tmp_path / "c.docx", emblem=None)
    texts = _texts(first.docx)
    assert any(t.startswith("Toezegging TZ202001-042:") for t in texts)
    assert "Toezeggingen" in texts  # the heading of commitments outside a section
    unchanged = update_letter_from_word(store.db, first.docx, library, dry_run=True)
    assert not unchanged.changed and unchanged.warnings == []

    _edit(
        first.docx,
        tmp_path / "d.docx",
        "Toezegging TZ202001-042:",
        ("voor de zomer de evaluatie", "vóór de zomer de evaluatie"),
        ("verschijnt in juni.", "verschijnt eind juni."),
    )
    _edit(
        tmp_path / "d.docx",
        tmp_path / "d.docx",
        "Toezegging: De minister informeert",
        ("Dat gebeurt in deze brief.", "Dat gebeurt hieronder."),
    )
    with store.transaction() as db:
        result = update_letter_from_word(db, tmp_path / "d.docx", library, dry_run=False)
    assert result.commitments_updated == [
        "TZ202001-042",
        "‘De minister informeert de Kamer over het NAP.’",
    ]
    assert all(c.status == "ongewijzigd" for c in result.changes)
    assert (
        len(result.warnings) == 1
        and "openingszin bij de toezegging TZ202001-042" in (result.warnings[0])
    )
    stored = letters.get(store.db, letter.id)
    assert [c.response for c in stored.commitments] == [
        "De evaluatie verschijnt eind juni.",
        "Dat gebeurt hieronder.",
    ]
    again = export_letter(store.db, stored, library, tmp_path / "e.docx", emblem=None)
    texts = _texts(again.docx)
    assert sum("verschijnt eind juni" in t for t in texts) == 1
    assert sum("Dat gebeurt hieronder." in t for t in texts) == 1


def test_the_closing_text_is_read_apart_from_the_last_section(demo, tmp_path):
    store, letter, library = demo
    letter.slot = "Ik vertrouw erop u hiermee voldoende te hebben geïnformeerd."
    with store.transaction() as db:
        letters.update(db, letter)
    letter = letters.get(store.db, letter.id)
    first = export_letter(store.db, letter, library, tmp_path / "c.docx", emblem=None)
    assert not update_letter_from_word(store.db, first.docx, library, dry_run=True).changed
    _edit(first.docx, tmp_path / "d.docx", "Ik vertrouw erop", ("voldoende", "goed"))
    preview = update_letter_from_word(store.db, tmp_path / "d.docx", library, dry_run=True)
    assert [c.titel for c in preview.changes if c.status == "gewijzigd"] == ["Slot"]
