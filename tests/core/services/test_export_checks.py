"""Checks before export: empty sections, a stale introduction, settling without a response."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop.core.domain.models import LetterMotion, LetterSection
from desktop.core.planning.carry_forward import new_letter_from
from desktop.core.services.export_checks import (
    COMMITMENT,
    INTRODUCTION,
    MOTION,
    SECTION,
    export_warnings,
    letter_warnings,
)
from desktop.core.store import letters, motions


def _demo_letter(store):
    letter = letters.find_by_kenmerk(store.db, "Min-BuZa.2020.396")
    assert letter is not None
    return letter


def test_the_demo_letter_itself_needs_no_warning(demo_store):
    assert export_warnings(demo_store, _demo_letter(demo_store)) == []


def test_a_follow_up_letter_warns_about_the_introduction_it_carried_over(demo_store):
    follow_up = new_letter_from(demo_store.db, _demo_letter(demo_store), dt.date(2020, 9, 1))
    warnings = export_warnings(demo_store, follow_up)
    dates = [w for w in warnings if w.where == INTRODUCTION]
    assert dates and dates[0].found == "20 februari 2020"
    assert "vóór de vorige brief (21 februari 2020)" in dates[0].message


def test_a_follow_up_letter_warns_about_an_introduction_copied_word_for_word(demo_store):
    previous = _demo_letter(demo_store)
    previous.inleiding = "Hierbij informeer ik uw Kamer over de voortgang van het IMVO-beleid."
    letters.update(demo_store.db, previous)
    previous = _demo_letter(demo_store)
    follow_up = new_letter_from(demo_store.db, previous, dt.date(2020, 9, 1))
    # The motion it settled has left; its section has nothing left and is said to be empty.
    warnings = export_warnings(demo_store, follow_up)
    found = [w for w in warnings if w.where == INTRODUCTION]
    assert len(found) == 1  # no date, no motion: the copy itself is what is told
    assert found[0].message == (
        "De inleiding is woord voor woord die van de vorige brief van 21 februari 2020: past "
        "zij nog bij deze brief?"
    )
    empty = [w for w in warnings if w.where == SECTION]
    assert [w.index for w in empty] == [0]
    assert "‘Monitoring IMVO-convenanten’ is leeg en komt niet in de brief" in empty[0].message
    # Rewritten (even a little), the warning goes.
    edited = dataclasses.replace(follow_up, inleiding=follow_up.inleiding + " Ook nieuw.")
    assert not [w for w in export_warnings(demo_store, edited) if w.where == INTRODUCTION]


def test_an_introduction_naming_a_motion_that_left_the_letter(demo_store):
    letter = _demo_letter(demo_store)
    laar = next(m for m in motions.list_motions(demo_store.db) if "Van Laar" in m.name)
    edited = dataclasses.replace(
        letter,
        inleiding="Met deze brief doe ik de motie Van Laar af.",
        motions=[item for item in letter.motions if item.motion_id != laar.id],
    )
    found = [w for w in export_warnings(demo_store, edited) if w.where == INTRODUCTION]
    assert [w.found for w in found] == ["de motie van laar"]
    assert "de motie Van Laar (Kamerstuk 26 485, nr. 224)" in found[0].message


def test_empty_sections_and_settling_without_a_response(demo_store):
    letter = _demo_letter(demo_store)
    registry = motions.list_motions(demo_store.db)
    open_motion = next(m for m in registry if m.is_open)
    assert open_motion.id is not None
    edited = dataclasses.replace(
        letter,
        sections=[
            *letter.sections,
            LetterSection(titel="Nog te schrijven"),
            LetterSection("Moties"),
        ],
        motions=[
            *letter.motions,
            LetterMotion(
                open_motion.id, response=" ", afdoen=True, section_index=len(letter.sections) + 1
            ),
        ],
    )
    warnings = letter_warnings(edited, registry)
    assert [(w.where, w.index) for w in warnings] == [
        (SECTION, len(letter.sections)),
        (MOTION, len(letter.motions)),
    ]
    assert "‘Nog te schrijven’ is leeg" in warnings[0].message
    assert f"doet {open_motion.name} af" in warnings[1].message
    assert COMMITMENT == "toezegging"
