"""Motions before they have a Kamerstuk number: registered by Zaak number, numbered later."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Motion
from desktop.core.errors import AlreadyExists, InvalidInput
from desktop.core.store import motions


def _new(zaaknummer: str, **fields) -> Motion:
    return Motion(kamerstuk=None, zaaknummer=zaaknummer, indieners=["Van Laar"], **fields)


def test_registered_by_zaak_number_found_searched_and_numbered_later(store):
    db = store.db
    with store.transaction():
        motion_id = motions.add(
            db, _new("2025z12345", titel="Motie van het lid Van Laar over ontbossing")
        )
        numbered = motions.add(db, Motion(kamerstuk=KamerstukRef.of(26485, 224), indieners=["X"]))
    motion = motions.resolve(db, "2025Z12345")
    assert motion.id == motion_id and motion.zaaknummer == "2025Z12345"
    assert motion.citation is None and motion.number_label() == "zaak 2025Z12345"
    assert [m.id for m in motions.list_motions(db, search="ontbossing")] == [motion_id]
    assert [m.id for m in motions.list_motions(db, search="2025Z12345")] == [motion_id]
    # Unnumbered first, on every page too.
    assert [m.id for m in motions.list_motions(db)] == [motion_id, numbered]
    assert [m.id for m in motions.list_motions(db, limit=1)] == [motion_id]
    assert [m.id for m in motions.list_motions(db, limit=1, offset=1)] == [numbered]
    assert motions.count_motions(db) == 2
    # The user supplies the number: the same record gets it.
    with store.transaction():
        motions.update(db, dataclasses.replace(motion, kamerstuk=KamerstukRef.of(26485, 230)))
    after = motions.get(db, motion_id)
    assert after.citation == "Kamerstuk 26 485, nr. 230" and after.zaaknummer == "2025Z12345"
    with pytest.raises(InvalidInput, match="ligt vast"):
        motions.update(db, dataclasses.replace(after, kamerstuk=KamerstukRef.of(26485, 231)))


def test_duplicates_and_motions_without_either_number_are_refused(store):
    db = store.db
    with store.transaction():
        motions.add(db, _new("2025Z12345"))
    with pytest.raises(AlreadyExists, match="staat al in het register"):
        motions.add(db, _new("2025Z12345"))
    with pytest.raises(InvalidInput, match="zaaknummer"):
        motions.add(db, Motion(kamerstuk=None, indieners=["Van Laar"]))
    with pytest.raises(InvalidInput, match="geen zaaknummer"):
        motions.add(db, _new("26485-224"))


def test_settled_and_afwijkend_van_de_kamer(store):
    db = store.db
    with store.transaction():
        motion_id = motions.add(db, _new("2025Z12345", uitslag="aangenomen", kamer_afgedaan=False))
        motions.set_status(db, motion_id, "afgedaan")
    motion = motions.get(db, motion_id)
    assert motion.afwijkend_van_kamer
    assert [m.id for m in motions.list_motions(db, status="afwijkend")] == [motion_id]
    with store.transaction():
        motions.apply_import(db, motion_id, {"kamer_afgedaan": True})
    assert motions.list_motions(db, status="afwijkend") == []
