"""Every real open-data shape: bare arrays, single objects, $select subsets, unnumbered motions.

The fixture records are written by hand in the record shape of the Kamer's OData service
(see fixtures/README.md); the counts, names and numbers asserted are those they hold.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.errors import InvalidInput, SourcedInputError
from desktop.core.importers.opendata import import_open_data, read_open_data
from desktop.core.importers.opendata_records import signer_name, split_actor_name
from desktop.core.store import motions

FIXTURES = Path(__file__).parent / "fixtures"
NEW = FIXTURES / "tk-zaak-new-bare.json"
NUMBERED = FIXTURES / "tk-zaak-numbered.json"
SINGLE = FIXTURES / "tk-zaak-single.json"


def test_a_bare_array_without_dossiers_imports_every_motion_by_zaak_number(store):
    data = read_open_data([NEW])
    assert [(m.zaaknummer, m.kamerstuk) for m in data.motions] == [
        ("2020Z22901", None),
        ("2020Z22902", None),
        ("2020Z22903", None),
    ]
    first, second, third = data.motions
    # The Kamer tells the two Van Dijks apart by first name; the commission and TK never sign.
    assert first.indieners == ["Jasper van Dijk"]
    assert second.indieners == ["Inge van Dijk", "Voordewind"]
    assert third.indieners == ["Van Laar", "Van Achternaam"]
    assert third.wijziging == "nader gewijzigd"
    assert third.vervangt == KamerstukRef.of(35570, 20, "V")
    assert first.kamer_afgedaan is False and first.kamer_besluit is None
    assert first.onderwerp == "een verbod op kinderarbeid in de productieketen"
    # The actor without an Id is used, with a warning.
    assert data.warnings == [
        "tk-zaak-new-bare.json: 1× ZaakActor zonder eigen Id (een $select zonder Id); "
        "ze zijn gebruikt bij het record waaronder ze staan."
    ]
    report = import_open_data(store, [NEW])
    assert (report.motions.new, report.motions.updated, report.skipped) == (3, 0, [])
    found = motions.list_motions(store.db, search="kinderarbeid")
    assert [m.zaaknummer for m in found] == ["2020Z22901"]
    (motion,) = found
    assert motion.citation is None
    assert motion.name == "de motie Jasper van Dijk"
    assert motion.reference == (
        "motie van het lid Jasper van Dijk over een verbod op kinderarbeid in de "
        "productieketen, voorgesteld 26 november 2020"
    )
    nader = motions.find_by_zaaknummer(store.db, "2020Z22903")
    assert nader is not None and nader.name == "de nader gewijzigde motie Van Laar/Van Achternaam"


def test_a_later_file_numbers_the_same_records_without_duplicates(store):
    import_open_data(store, [NEW])
    ids = {m.zaaknummer: m.id for m in motions.list_motions(store.db)}
    motion = motions.find_by_zaaknummer(store.db, "2020Z22901")
    assert motion is not None and motion.id is not None
    motions.set_status(store.db, motion.id, "in uitvoering")
    report = import_open_data(store, [NUMBERED])
    assert (report.motions.new, report.motions.updated) == (0, 3)
    after = motions.list_motions(store.db)
    assert len(after) == 3
    assert {m.zaaknummer: m.id for m in after} == ids
    numbered = motions.find(store.db, KamerstukRef.of(35570, 21, "V"))
    assert numbered is not None and numbered.id == motion.id
    assert numbered.citation == "Kamerstuk 35 570 V, nr. 21"
    assert numbered.status == "in uitvoering"  # our own status stays
    assert numbered.uitslag == "aangenomen"
    assert numbered.kamer_afgedaan is True
    assert numbered.kamer_besluit == "Stemmen - aangenomen"
    assert numbered.dossier_titel.startswith("Vaststelling van de begrotingsstaten")
    # Our status is open, the Kamer's is afgedaan.
    assert numbered.afwijkend_van_kamer
    assert [m.zaaknummer for m in motions.list_motions(store.db, status="afwijkend")] == [
        "2020Z22901",
        "2020Z22902",
        "2020Z22903",
    ]
    again = import_open_data(store, [NEW, NUMBERED])
    assert (again.motions.new, again.motions.updated, again.motions.unchanged) == (0, 0, 3)


def test_the_numbered_file_alone_imports_numbered_motions(store):
    report = import_open_data(store, [NUMBERED])
    assert report.motions.new == 3
    assert [m.citation for m in motions.list_motions(store.db)] == [
        "Kamerstuk 35 570 V, nr. 21",
        "Kamerstuk 35 570 V, nr. 22",
        "Kamerstuk 35 570 V, nr. 23",
    ]


def test_a_single_zaak_object_with_a_select_subset_imports(store):
    data = read_open_data([SINGLE])
    (motion,) = data.motions
    assert motion.zaaknummer == "2021Z01234" and motion.kamerstuk is None
    assert motion.indieners == ["Van Laar", "Voordewind"]
    assert motion.onderwerp == "een IMVO-wet"
    assert motion.kamer_afgedaan is False
    report = import_open_data(store, [SINGLE])
    assert report.motions.new == 1


def test_a_record_without_id_is_reported_not_dropped_silently(tmp_path):
    record = json.loads(SINGLE.read_text(encoding="utf-8"))
    record.pop("Id")
    records = [record, json.loads(NEW.read_text(encoding="utf-8"))[0]]
    path = tmp_path / "zonder-id.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    data = read_open_data([path])
    assert [m.zaaknummer for m in data.motions] == ["2020Z22901"]
    (skip,) = data.skipped
    assert skip.reason.startswith("zonder Id (1× Zaak)") and skip.example == "zonder-id.json"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leeg.json", "[]", "leeg.json.*geen moties"),
        ("personen.json", (FIXTURES / "tk-persoon.json").read_text(), "‘Persoon’-gegevens"),
        ("amendementen.json", (FIXTURES / "tk-zaak-amendement.json").read_text(), "Amendement"),
        ("afgebroken.json", NEW.read_text()[:500], "afgebroken"),
        ("onbekend.json", '[{"Voornaam": "Wim", "Achternaam": "Laar"}]', "Voornaam, Achternaam"),
    ],
)
def test_nothing_recognisable_is_refused_naming_the_file(store, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises((InvalidInput, SourcedInputError), match=message) as caught:
        import_open_data(store, [path])
    assert name in str(caught.value) or getattr(caught.value, "source", None) == name
    assert motions.count_motions(store.db) == 0


@pytest.mark.parametrize(
    ("actor", "first", "rest", "plain", "with_first"),
    [
        (
            "A.B.C. (Voornaam) van Achternaam",
            "Voornaam",
            "van Achternaam",
            "Van Achternaam",
            "Voornaam van Achternaam",
        ),
        ("J.J. (Jasper) van Dijk", "Jasper", "van Dijk", "Van Dijk", "Jasper van Dijk"),
        ("A.B. Achternaam", None, "Achternaam", "Achternaam", "Achternaam"),
        ("Th.C. de Graaf", None, "de Graaf", "De Graaf", "De Graaf"),
    ],
)
def test_actor_names_as_the_kamer_prints_them(actor, first, rest, plain, with_first):
    assert split_actor_name(actor) == (first, rest)
    assert signer_name(actor) == plain
    assert signer_name(actor, with_first_name=True) == with_first
