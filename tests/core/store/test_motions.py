"""Motions in the store: add, search, update conflicts, settle and reopen with history."""

import datetime as dt

import pytest

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Letter, Motion
from desktop.core.errors import AlreadyExists, InvalidInput, NotFound, StoreError
from desktop.core.store import history, letters, motions


def _motion(number="26 485, nr. 224", **kw):
    defaults = {"indieners": ["Van Laar"], "onderwerp": "toezicht op de IMVO-convenanten"}
    defaults.update(kw)
    return Motion(kamerstuk=KamerstukRef.parse(number), **defaults)


def test_add_and_read_back(store):
    with store.transaction() as db:
        motion_id = motions.add(
            db,
            _motion(
                verzoeken=["verzoekt de regering jaarlijks de impact te toetsen"],
                voorgesteld=dt.date(2016, 9, 6),
                deadline=dt.date(2020, 1, 1),
                dossier_titel="Maatschappelijk verantwoord ondernemen",
            ),
        )
    motion = motions.get(store.db, motion_id)
    assert motion.name == "de motie Van Laar"
    assert motion.citation == "Kamerstuk 26 485, nr. 224"
    assert motion.dossier_titel == "Maatschappelijk verantwoord ondernemen"
    assert motion.verzoeken == ["verzoekt de regering jaarlijks de impact te toetsen"]
    assert motion.voorgesteld == dt.date(2016, 9, 6)
    assert [c.naar for c in history.for_entity(store.db, "motion", motion_id)] == ["openstaand"]


def test_duplicate_motion_is_refused_and_nothing_half_written(store):
    with store.transaction() as db:
        motions.add(db, _motion())
    with pytest.raises(AlreadyExists, match="staat al in het register"), store.transaction() as db:
        motions.add(db, _motion("35 000 XVII, nr. 34", indieners=["Diks", "Van den Hul"]))
        motions.add(db, _motion())
    # The first motion of the failed batch was rolled back with it.
    assert [m.citation for m in motions.list_motions(store.db)] == ["Kamerstuk 26 485, nr. 224"]


def test_unknown_status_is_refused(store):
    with pytest.raises(InvalidInput, match="geen afhandelingsstatus"), store.transaction() as db:
        motions.add(db, _motion(status="klaar"))


def test_gewijzigde_motie_links_both_ways(store):
    with store.transaction() as db:
        motions.add(db, _motion())
        new_id = motions.add(
            db, _motion("26 485, nr. 230", vervangt=KamerstukRef.parse("26 485, nr. 224"))
        )
    new = motions.get(store.db, new_id)
    old = motions.find(store.db, KamerstukRef.parse("26 485, nr. 224"))
    assert new.name == "de gewijzigde motie Van Laar"
    assert new.vervangt == KamerstukRef.parse("26 485, nr. 224")
    assert old is not None and old.vervangen_door == KamerstukRef.parse("26 485, nr. 230")


@pytest.mark.parametrize(
    "query", ['"', "AND", "*", "NEAR(", "-", "toezicht OR", "'; DROP TABLE motions; --", "()", ""]
)
def test_search_never_raises_on_operators(store, query):
    with store.transaction() as db:
        motions.add(db, _motion())
    result = motions.list_motions(store.db, search=query)
    assert isinstance(result, list)


def test_search_by_word_prefix_diacritics_and_number(store):
    with store.transaction() as db:
        motions.add(db, _motion(onderwerp="geïnformeerd over toezicht"))
        motions.add(
            db,
            _motion(
                "35 000 XVII, nr. 34",
                indieners=["Diks", "Van den Hul"],
                onderwerp="richtlijnen voor ambassades",
            ),
        )
    assert [m.kamerstuk.nummer for m in motions.list_motions(store.db, search="toez")] == [224]
    assert [m.kamerstuk.nummer for m in motions.list_motions(store.db, search="geinformeerd")] == [
        224
    ]
    assert [m.kamerstuk.nummer for m in motions.list_motions(store.db, search="Hul")] == [34]
    assert [
        m.kamerstuk.nummer for m in motions.list_motions(store.db, search="35000 XVII nr 34")
    ] == [34]
    assert len(motions.list_motions(store.db, search="26485")) == 1


def test_update_detects_concurrent_edit(store):
    with store.transaction() as db:
        motion_id = motions.add(db, _motion())
    first = motions.get(store.db, motion_id)
    second = motions.get(store.db, motion_id)
    first.notities = "mijn aantekening"
    with store.transaction() as db:
        motions.update(db, first)
    second.notities = "andere aantekening"
    with (
        pytest.raises(StoreError, match="intussen door iemand anders gewijzigd"),
        store.transaction() as db,
    ):
        motions.update(db, second)
    assert motions.get(store.db, motion_id).notities == "mijn aantekening"


def test_settle_and_reopen_keep_history_and_letter(store):
    with store.transaction() as db:
        motion_id = motions.add(db, _motion())
        letter_id = letters.add(
            db, Letter(betreft="Voortgang", kenmerk="Min-BuZa.2020.396", status="verzonden")
        )
        motions.settle(db, motion_id, letter_id, dt.date(2020, 2, 21))
    settled = motions.get(store.db, motion_id)
    assert settled.status == "afgedaan"
    assert settled.status_datum == dt.date(2020, 2, 21)
    assert settled.afgedaan_met == ["Min-BuZa.2020.396"]
    assert motions.list_motions(store.db, status="open") == []
    with store.transaction() as db:
        motions.reopen(db, motion_id)
    reopened = motions.get(store.db, motion_id)
    assert reopened.status == "openstaand" and reopened.afgedaan_met == []
    changes = history.for_entity(store.db, "motion", motion_id)
    assert [(c.van, c.naar) for c in changes] == [
        (None, "openstaand"),
        ("openstaand", "afgedaan"),
        ("afgedaan", "openstaand"),
    ]
    assert "Min-BuZa.2020.396" in (changes[1].toelichting or "")
    assert all(c.wie == "tester" for c in changes)


def test_missing_motion(store):
    with pytest.raises(NotFound, match="geen motie"):
        motions.get(store.db, 42)


def test_deleting_a_motion_named_in_a_letter_is_refused(demo_store):
    laar = motions.find(demo_store.db, KamerstukRef.parse("26 485, nr. 224"))
    with pytest.raises(InvalidInput, match=r"Min-BuZa\.2020\.396"), demo_store.transaction() as db:
        motions.delete(db, laar.id)
    assert motions.get(demo_store.db, laar.id).name == "de motie Van Laar"
    assert motions.settling_letters(demo_store.db, laar.id)[0][1] == "Min-BuZa.2020.396"


def test_kamerstuk_title_keeps_name_case(store):
    from desktop.core.store import kamerstukken

    with store.transaction() as db:
        motions.add(db, _motion(indieners=["Van Laar", "Diks"]))
    (stuk,) = kamerstukken.list_all(store.db)
    assert stuk.titel == "Motie Van Laar/Diks"


def test_superscript_digits_are_words_not_numbers(store):
    assert motions.list_motions(store.db, search="²") == []
