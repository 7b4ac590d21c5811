"""Due items, what changed, and the next letter from the previous one, on the demo registry."""

from __future__ import annotations

import datetime as dt
import io

import docx

from desktop import paths
from desktop.core.docx.writer import build_document
from desktop.core.domain.models import Commitment, LetterSection
from desktop.core.planning.carry_forward import new_letter_from
from desktop.core.planning.changes import (
    changes_between,
    letter_sections,
    previous_letter,
    report_document,
    section_diffs,
)
from desktop.core.planning.due import due_items
from desktop.core.store import commitments, letters, motions


def _demo_letter(store):
    letter = letters.find_by_kenmerk(store.db, "Min-BuZa.2020.396")
    assert letter is not None
    return letter


def _set_deadline(store, search, deadline):
    motion = motions.list_motions(store.db, status="all", search=search)[0]
    motion.deadline = deadline
    with store.transaction() as db:
        motions.update(db, motion)
    return motion


def test_due_lists_deadlines_commitments_and_eu_dates(demo_store):
    voordewind = _set_deadline(demo_store, "Voordewind", dt.date(2020, 3, 1))
    _set_deadline(demo_store, "Veldhoven", dt.date(2021, 6, 1))  # beyond the horizon
    with demo_store.transaction() as db:
        commitments.add(
            db,
            Commitment(
                tekst="De Kamer voor de zomer informeren over het NAP",
                nummer="TZ-1",
                datum_nakoming=dt.date(2020, 2, 1),
            ),
        )
    items = due_items(demo_store.db, before=dt.date(2021, 2, 1), today=dt.date(2020, 2, 21))
    kinds = [(i.kind, i.overdue) for i in items]
    assert kinds[0] == ("toezegging", True)  # overdue first, oldest first
    assert ("motie", False) in kinds
    assert any(i.kind == "motie" and i.id == voordewind.id for i in items)
    assert not any("Veldhoven" in i.title for i in items)
    eu_items = [i for i in items if i.kind == "eu"]
    assert any(i.due == "2021-01-01" and "conflictmineralen" in i.title for i in eu_items)
    assert items[0].as_json()["verlopen"] is True


def test_changes_up_to_the_2020_letter(demo_store):
    report = changes_between(demo_store.db, dt.date(2019, 12, 1), dt.date(2020, 2, 21))
    settled = {c.titel for c in report.settled}
    assert settled == {
        "de motie Van Laar (Kamerstuk 26 485, nr. 224)",
        "de motie Diks/Van den Hul (Kamerstuk 35 000 XVII, nr. 34)",
    }
    assert all("Min-BuZa.2020.396" in c.wat for c in report.settled)
    assert len(report.convenant_progress) == 13
    assert any(c.datum == "2019-12-17" for c in report.eu_milestones)
    nothing = changes_between(demo_store.db, dt.date(2020, 2, 21), dt.date(2020, 6, 1))
    assert not nothing.settled and not nothing.convenant_progress


def test_next_letter_carries_forward_and_proposes_due_items(demo_store):
    previous = _demo_letter(demo_store)
    voordewind = _set_deadline(demo_store, "Voordewind", dt.date(2020, 6, 1))
    with demo_store.transaction() as db:
        following = new_letter_from(db, previous, dt.date(2020, 9, 1), kenmerk="BZ-2020-2")
    stored = letters.get(demo_store.db, following.id)
    assert [s.titel for s in stored.sections] == [s.titel for s in previous.sections]
    carried = {motions.get(demo_store.db, m.motion_id).name for m in stored.motions}
    assert "de motie Van Ojik/Karabulut" in carried  # still in uitvoering
    assert "de motie Van Laar" not in carried and "de motie Diks/Van den Hul" not in carried
    assert voordewind.id in {m.motion_id for m in stored.motions}  # due before 1 September
    assert stored.convenant_ids == previous.convenant_ids
    assert stored.status == "concept" and stored.datum == dt.date(2020, 9, 1)
    assert previous_letter(demo_store.db, stored).kenmerk == "Min-BuZa.2020.396"


def test_section_by_section_comparison(demo_store):
    previous = _demo_letter(demo_store)
    with demo_store.transaction() as db:
        following = new_letter_from(db, previous, dt.date(2020, 9, 1), kenmerk="BZ-2020-3")
        following.sections[
            4
        ].tekst = "Het kabinet houdt vast aan de 90-procentdoelstelling. De tussenmeting is gereed."
        following.sections.append(LetterSection("Nieuw onderwerp", "Een nieuwe alinea."))
        del following.sections[2]
        letters.update(db, following)
    library = paths.default_library()
    diffs = {
        d.titel: d
        for d in section_diffs(
            letter_sections(demo_store.db, previous, library),
            letter_sections(demo_store.db, letters.get(demo_store.db, following.id), library),
        )
    }
    assert diffs["90-procentdoelstelling"].status == "gewijzigd"
    assert "De tussenmeting is gereed." in diffs["90-procentdoelstelling"].added
    assert diffs["Nieuw onderwerp"].status == "nieuw"
    assert diffs["Wet Zorgplicht Kinderarbeid"].status == "vervallen"
    # The motion Van Laar was settled by the 2020 letter: the follow-up no longer has its
    # paragraph in this section, although the staff's own text there is unchanged.
    monitoring = diffs["Monitoring IMVO-convenanten"]
    assert monitoring.status == "gewijzigd"
    assert any(sentence.startswith("De motie Van Laar") for sentence in monitoring.removed)
    assert diffs["EU-verordening conflictmineralen"].status == "ongewijzigd"
    # The introduction's sentence on the settled motions is gone too.
    assert diffs["Inleiding"].status == "gewijzigd"
    assert any("moties afgedaan" in sentence for sentence in diffs["Inleiding"].removed)


def test_section_comparison_sees_a_paragraph_gained(demo_store):
    previous = _demo_letter(demo_store)
    with demo_store.transaction() as db:
        following = new_letter_from(db, previous, dt.date(2020, 9, 1), kenmerk="BZ-2020-4")
        following.sections[0].tekst += "\n\nEen nieuwe alinea over de monitoring."
        letters.update(db, following)
    library = paths.default_library()
    old = letter_sections(demo_store.db, previous, library)
    new = letter_sections(demo_store.db, letters.get(demo_store.db, following.id), library)
    diffs = {d.titel: d for d in section_diffs(old, new)}
    assert diffs[following.sections[0].titel].added[-1] == "Een nieuwe alinea over de monitoring."


def test_change_report_as_word(demo_store):
    report = changes_between(demo_store.db, dt.date(2019, 12, 1), dt.date(2020, 2, 21))
    buffer = io.BytesIO()
    build_document(report_document(report)).save(buffer)
    buffer.seek(0)
    document = docx.Document(buffer)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Wat is er veranderd tussen 1 december 2019 en 21 februari 2020"
    assert "Nieuwe voortgang convenanten (13)" in headings
    assert len(document.tables) >= 3


def test_every_export_stores_a_version_and_versions_compare(demo_store, tmp_path):
    from desktop import paths
    from desktop.core.drafting.templates import TemplateLibrary
    from desktop.core.export import export_letter
    from desktop.core.planning.versions import compare_versions, get_version, list_versions

    library = TemplateLibrary(paths.shipped_templates_dir())
    letter = _demo_letter(demo_store)
    first = export_letter(demo_store.db, letter, library, tmp_path / "v1.docx", emblem=None)
    letter.sections[4].tekst += "\n\nDe tussenmeting is inmiddels gepubliceerd."
    with demo_store.transaction() as db:
        letters.update(db, letter)
    second = export_letter(demo_store.db, letter, library, tmp_path / "v2.docx", emblem=None)
    assert (first.version, second.version) == (1, 2)
    versions = list_versions(demo_store.db, letter.id)
    assert [v.nummer for v in versions] == [1, 2]
    assert versions[0].wie == "tester" and versions[1].bestand.endswith("v2.docx")
    old, markdown = get_version(demo_store.db, letter.id, 1)
    assert "inmiddels gepubliceerd" not in old.sections[4].tekst and "# Monitoring" in markdown
    comparison = compare_versions(demo_store.db, letter.id, 1, 2)
    changed = [d for d in comparison.sections if d.status != "ongewijzigd"]
    assert [d.titel for d in changed] == ["90-procentdoelstelling"]
    assert changed[0].added == ["De tussenmeting is inmiddels gepubliceerd."]
    assert any(line.startswith("+De tussenmeting") for line in comparison.text_diff)


def test_sentences_do_not_break_inside_citations():
    from desktop.core.planning.changes import _sentences

    text = (
        "Hierover is uw Kamer op 2 juli 2018 (Kamerstuk 26 485, nr. 291) geïnformeerd. "
        "Dat gebeurde o.a. via een brief. Nieuwe zin.\n\nTweede alinea."
    )
    assert _sentences(text) == [
        "Hierover is uw Kamer op 2 juli 2018 (Kamerstuk 26 485, nr. 291) geïnformeerd.",
        "Dat gebeurde o.a. via een brief.",
        "Nieuwe zin.",
        "Tweede alinea.",
    ]


def test_loading_the_demo_is_no_change_since_the_previous_letter(demo_store):
    from desktop.core.services.planning import since_last_letter

    # The demo is loaded today; its settlements belong to the letter of 21 February 2020.
    found = since_last_letter(demo_store, dt.date.today())
    assert found.letter is not None and found.letter.kenmerk == "Min-BuZa.2020.396"
    assert found.report is not None
    assert found.report.status_changes == []
    assert found.report.settled == []


def test_a_status_change_that_was_undone_is_no_change(demo_store):
    from desktop.core.services import registry

    today = dt.date.today()
    since = today - dt.timedelta(days=1)
    open_motion = motions.list_motions(demo_store.db, status="open", search="Voordewind")[0]
    settled = motions.list_motions(demo_store.db, status="afgedaan", search="Van Laar")[0]
    assert open_motion.id is not None and settled.id is not None
    # Reopened and settled again (an undo): nothing; settled today: one change.
    registry.reopen_motion(demo_store, settled.id)
    registry.settle_motion(demo_store, settled.id, "Min-BuZa.2020.396", dt.date(2020, 2, 21))
    registry.settle_motion(demo_store, open_motion.id, "BZ-2026-1", today)
    report = changes_between(demo_store.db, since, today)
    assert [(c.titel, c.wat.split(" (")[0]) for c in report.status_changes] == [
        ("de motie Voordewind", "openstaand → afgedaan")
    ]
    registry.reopen_motion(demo_store, open_motion.id)
    assert changes_between(demo_store.db, since, today).status_changes == []


def test_the_lean_read_of_due_motions_names_and_cites_them_as_the_full_read(demo_store):
    """What the planning overview reads: the same motions, names, references and dates."""
    from desktop.core.domain.models import OPEN_MOTION_STATUSES, Motion

    _set_deadline(demo_store, "Voordewind", dt.date(2020, 3, 1))
    _set_deadline(demo_store, "Veldhoven", dt.date(2021, 6, 1))
    with demo_store.transaction() as db:  # one without a number yet: cited by title and date
        motions.add(
            db,
            Motion(
                kamerstuk=None,
                zaaknummer="2025Z12345",
                indieners=["Van Laar", "Diks"],
                onderwerp="toezicht op ketens",
                voorgesteld=dt.date(2025, 6, 1),
                deadline=dt.date(2020, 12, 1),
            ),
        )
    full = [m for m in motions.list_motions(demo_store.db) if m.status in OPEN_MOTION_STATUSES]
    before = dt.date(2021, 1, 1)
    for undated in (False, True):
        expected = [
            (m.id, m.name, m.reference, m.deadline, m.status)
            for m in full
            if (m.deadline is not None and m.deadline <= before) or (undated and m.deadline is None)
        ]
        lean = motions.open_motions_due(demo_store.db, before, undated=undated)
        assert [(m.id, m.name, m.reference, m.deadline, m.status) for m in lean] == expected
        assert expected
