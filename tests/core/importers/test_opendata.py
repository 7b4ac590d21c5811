"""Tweede Kamer open data: OData JSON (with and without $expand, paged), SyncFeed Atom, import."""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
from pathlib import Path

import pytest

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.errors import FileProblem, InvalidInput, SourcedInputError
from desktop.core.importers import opendata_files
from desktop.core.importers.opendata import import_open_data, read_open_data
from desktop.core.importers.opendata_fetch import dossier_url, download_pages
from desktop.core.importers.opendata_records import (
    commitment_status,
    decisive_outcome,
    instant,
    signer_name,
)
from desktop.core.store import commitments, history, letters, motions, open_data
from desktop.core.store.rows import execute

FIXTURES = Path(__file__).parent / "fixtures"
EXPAND = FIXTURES / "tk-zaak-expand.json"
PAGE1 = FIXTURES / "tk-zaak-page1.json"
PAGE2 = FIXTURES / "tk-zaak-page2.json"
FEED = FIXTURES / "tk-syncfeed.xml"
TOEZEGGING = FIXTURES / "tk-toezegging.json"
ALL = [EXPAND, PAGE1, PAGE2, FEED, TOEZEGGING]


def _by_number(data):
    return {m.kamerstuk.number_label(): m for m in data.motions}


def _snapshot(db) -> dict[str, list[tuple]]:
    """Everything an import could touch, to prove a failed import changed nothing."""
    tables = (
        "motions",
        "commitments",
        "kamerstukken",
        "dossiers",
        "open_data_links",
        "status_history",
        "letters",
        "letter_motions",
    )
    return {t: [tuple(r) for r in execute(db, f"SELECT * FROM {t} ORDER BY 1")] for t in tables}


# -- reading ------------------------------------------------------------------------------------


def test_expanded_page_gives_number_signers_outcome_and_subject():
    data = read_open_data([EXPAND])
    found = _by_number(data)
    assert set(found) == {"26 485, nr. 224", "35 000 XVII, nr. 34"}
    laar = found["26 485, nr. 224"]
    assert laar.kamerstuk.vergaderjaar == "2016-2017"
    assert laar.indieners == ["Van Laar"]  # initials dropped, the committee is no signer
    assert laar.onderwerp == "toezicht op de IMVO-convenanten"
    assert laar.kabinetsappreciatie == "Oordeel Kamer"
    assert laar.voorgesteld == dt.date(2016, 9, 6)
    assert laar.dossier_titel == "Maatschappelijk verantwoord ondernemen"
    # Aangenomen wins over a later-edited "aangehouden"; the deleted "verworpen" is dropped.
    assert laar.uitslag == "aangenomen"
    diks = found["35 000 XVII, nr. 34"]
    assert diks.kamerstuk.toevoeging == "XVII"
    assert diks.indieners == ["Diks", "Van den Hul"]  # Indiener first, whatever the data order
    assert diks.kabinetsappreciatie == "Ontraden"
    reasons = {(s.kind, s.reason, s.example) for s in data.skipped}
    assert ("overig", "geen motie (Soort ‘Amendement’)", "2018Z20199") in reasons
    assert ("motie", "verwijderd bij de Tweede Kamer", "2018Z20200") in reasons
    assert data.warnings == []


def test_pages_are_joined_and_replacements_follow_links_and_tvv_notes():
    data = read_open_data([PAGE1, PAGE2])
    found = _by_number(data)
    gewijzigd = found["26 485, nr. 240"]
    assert gewijzigd.vervangt == KamerstukRef.of(26485, 236)  # VervangenVanuit, other page
    assert gewijzigd.indieners == ["Van Laar", "Van Dijk", "De Graaf"]
    assert found["26 485, nr. 236"].uitslag == "aangehouden"
    assert found["26 485, nr. 250"].vervangt == KamerstukRef.of(26485, 249)  # "(t.v.v. 26485-249)"
    assert found["26 485, nr. 250"].uitslag == "verworpen"
    assert data.warnings == []


def test_a_page_with_a_next_link_alone_warns_that_pages_are_missing():
    data = read_open_data([PAGE1])
    assert len(data.warnings) == 1 and "volgende pagina" in data.warnings[0]


def test_syncfeed_atom_entities_are_linked_by_ref():
    data = read_open_data([FEED])
    (motion,) = data.motions
    assert motion.kamerstuk == KamerstukRef.of(32735, 252)
    assert motion.indieners == ["Van Ojik", "Karabulut"]
    assert motion.uitslag == "aangenomen"
    assert motion.dossier_titel == "Mensenrechten in het buitenlands beleid"
    (commitment,) = data.commitments
    assert commitment.nummer == "TZ201911-120"
    assert commitment.status == "voldaan"
    assert commitment.kamerbrief_nakoming == "Kamerstuk 26 485, nr. 326"
    assert commitment.datum_nakoming == dt.date(2020, 2, 21)
    assert [s.reason for s in data.skipped] == ["verwijderd bij de Tweede Kamer"]


def test_zaak_page_without_expand_gives_unnumbered_motions_toezegging_page_works(tmp_path):
    page = json.loads(EXPAND.read_text(encoding="utf-8"))
    for record in page["value"]:
        for key in ("Kamerstukdossier", "Document", "Besluit", "ZaakActor"):
            record.pop(key, None)
    page["@odata.context"] = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Zaak"
    plain = tmp_path / "zaak.json"
    plain.write_text(json.dumps(page), encoding="utf-8")
    data = read_open_data([plain, TOEZEGGING])
    # Without the dossier there is no Kamerstuk number: the motions come by Zaak number.
    assert sorted((m.zaaknummer, m.kamerstuk) for m in data.motions) == [
        ("2016Z16001", None),
        ("2018Z20134", None),
    ]
    assert not [s for s in data.skipped if s.kind == "motie" and "verwijderd" not in s.reason]
    assert {c.nummer for c in data.commitments} == {"TZ202002-101", "TZ201911-087"}
    assert [c.status for c in data.commitments] == ["openstaand", "deels voldaan"]


def test_besluit_page_with_nested_zaak_expand(tmp_path):
    zaak = json.loads(EXPAND.read_text(encoding="utf-8"))["value"][0]
    besluit = zaak.pop("Besluit")[1]
    besluit["Zaak"] = [zaak]
    page = {
        "@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Besluit",
        "value": [besluit],
    }
    path = tmp_path / "besluit.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    (motion,) = read_open_data([path]).motions
    assert motion.kamerstuk == KamerstukRef.of(26485, 224) and motion.uitslag == "aangenomen"


@pytest.mark.parametrize("chunk", [7, 64, 1000])
def test_streaming_reader_is_independent_of_chunk_boundaries(monkeypatch, chunk):
    expected = read_open_data([EXPAND, PAGE1, PAGE2, TOEZEGGING])
    monkeypatch.setattr(opendata_files, "CHUNK_SIZE", chunk)
    again = read_open_data([EXPAND, PAGE1, PAGE2, TOEZEGGING])
    assert again.motions == expected.motions and again.commitments == expected.commitments


def test_large_file_is_streamed_with_progress(tmp_path, monkeypatch):
    template = json.loads(EXPAND.read_text(encoding="utf-8"))["value"][0]
    path = tmp_path / "groot.json"
    count = 1500
    with path.open("w", encoding="utf-8") as out:
        out.write('{"@odata.context": "x/$metadata#Zaak(Kamerstukdossier(),Document())",\n')
        out.write('"value": [\n')
        for number in range(1, count + 1):
            record = json.loads(json.dumps(template))
            record["Id"] = f"00000000-0000-4000-8000-{number:012d}"
            record["Document"][0]["Id"] = f"10000000-0000-4000-8000-{number:012d}"
            record["Document"][0]["Volgnummer"] = number
            record.pop("Besluit")
            record.pop("ZaakActor")
            out.write(("," if number > 1 else "") + json.dumps(record) + "\n")
        out.write("]}\n")
    monkeypatch.setattr(opendata_files, "CHUNK_SIZE", 64 * 1024)
    calls: list[tuple[int, int]] = []
    data = read_open_data([path], lambda done, total: calls.append((done, total)))
    assert len(data.motions) == count
    assert len(calls) > 10
    assert calls[-1][0] == calls[-1][1] == path.stat().st_size
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


# -- rules --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("besluiten", "expected"),
    [
        ([], None),
        ([{"BesluitSoort": "Ingediend"}], None),
        ([{"BesluitSoort": "Stemmen - aangenomen (zonder stemming)"}], "aangenomen"),
        ([{"BesluitSoort": "Stemmen - niet aangenomen"}], "verworpen"),
        ([{"BesluitSoort": "Motie ingetrokken"}], "ingetrokken"),
        ([{"BesluitSoort": "Stemmen - ingetrokken"}], "ingetrokken"),
        ([{"BesluitSoort": "Stemmen - zonder stemming aannemen"}], "aangenomen"),
        ([{"BesluitSoort": "Stemmen - uitstellen"}], None),
        ([{"BesluitSoort": "Stemmen - aangehouden"}], "aangehouden"),
        (
            [
                {"BesluitSoort": "Stemmen - verworpen", "GewijzigdOp": "2020-01-01T10:00:00+01:00"},
                {
                    "BesluitSoort": "Stemmen - aangenomen",
                    "GewijzigdOp": "2020-01-08T10:00:00+01:00",
                },
            ],
            "aangenomen",
        ),
        (
            [
                {"BesluitSoort": "Stemmen - aangenomen", "GewijzigdOp": "2020-01-01T10:00:00Z"},
                {"BesluitSoort": "Stemmen - aangehouden", "GewijzigdOp": "2020-02-01T10:00:00Z"},
            ],
            "aangenomen",
        ),
        ([{"BesluitSoort": "Stemmen - aangenomen", "Status": "Voorstel"}], None),
        ([{"BesluitSoort": "", "BesluitTekst": "Verworpen."}], "verworpen"),
    ],
)
def test_the_latest_deciding_besluit_wins(besluiten, expected):
    assert decisive_outcome(besluiten) == expected


@pytest.mark.parametrize(
    ("actor", "name"),
    [
        ("M.J.M. van Laar", "Van Laar"),
        ("Th.C. de Graaf", "De Graaf"),
        ("A.H. van den Hul", "Van den Hul"),
        ("S. Karabulut", "Karabulut"),
        ("Van Laar", "Van Laar"),
        ("IJ. van der Pol", "Van der Pol"),
    ],
)
def test_signer_names_drop_initials(actor, name):
    assert signer_name(actor) == name


def test_times_are_compared_in_utc_and_statuses_mapped():
    assert instant("2019-11-28T11:01:00+01:00") == instant("2019-11-28T10:01:00Z")
    assert instant("2017-01-10T09:15:00.5970000+01:00") == "2017-01-10T08:15:00.597000Z"
    assert instant("kapot") is None
    assert commitment_status("Deels Voldaan") == "deels voldaan"
    assert commitment_status("Afgedaan") == "voldaan"
    assert commitment_status("Onbekend") is None


# -- importing ----------------------------------------------------------------------------------


def test_import_adds_then_reimport_is_unchanged(store):
    first = import_open_data(store, ALL)
    assert first.motions.new == 6 and first.motions.updated == 0
    assert first.commitments.new == 3
    assert first.motions.skipped == 1 and first.commitments.skipped == 1
    snapshot = _snapshot(store.db)
    second = import_open_data(store, ALL)
    assert second.motions.as_json() == {"new": 0, "updated": 0, "unchanged": 6, "skipped": 1}
    assert second.commitments.as_json() == {"new": 0, "updated": 0, "unchanged": 3, "skipped": 1}
    assert second.changes == []
    after = _snapshot(store.db)
    # Only the link's import time may move; records, history and versions stay.
    assert {k: v for k, v in after.items() if k != "open_data_links"} == {
        k: v for k, v in snapshot.items() if k != "open_data_links"
    }
    gewijzigd = motions.find(store.db, KamerstukRef.of(26485, 240))
    assert gewijzigd is not None and gewijzigd.name == "de gewijzigde motie Van Laar c.s."
    assert gewijzigd.uitslag == "aangenomen"
    link = open_data.of_record(store.db, "motion", gewijzigd.id)
    assert link is not None and link.nummer == "2016Z18240"


def test_users_own_fields_are_never_overwritten(demo_store):
    db = demo_store.db
    diks = motions.find(db, KamerstukRef.of(35000, 34, "XVII"))
    ojik = motions.find(db, KamerstukRef.of(32735, 252))
    assert diks is not None and ojik is not None
    with demo_store.transaction() as tx:
        diks.uitslag = "ingediend"
        diks.onderwerp = "mijn eigen omschrijving"
        diks.notities = "eigen notitie"
        diks.directie = "DGBEB"
        diks.deadline = dt.date(2020, 6, 1)
        motions.update(tx, diks)
        ojik.status = "in uitvoering"
        ojik.notities = "overleg met EZK"
        motions.update(tx, ojik)
    letter = letters.find_by_kenmerk(db, "Min-BuZa.2020.396")
    responses = [(m.motion_id, m.response, m.afdoen) for m in letter.motions]

    report = import_open_data(demo_store, [EXPAND, FEED])

    diks_after = motions.get(db, diks.id)
    assert diks_after.uitslag == "aangenomen"  # procedural: from the Kamer
    assert diks_after.kabinetsappreciatie == "Ontraden"
    assert (diks_after.onderwerp, diks_after.notities) == (
        "mijn eigen omschrijving",
        "eigen notitie",
    )
    assert (diks_after.directie, diks_after.deadline) == ("DGBEB", dt.date(2020, 6, 1))
    assert diks_after.status == "afgedaan" and diks_after.afgedaan_met == ["Min-BuZa.2020.396"]
    ojik_after = motions.get(db, ojik.id)
    assert (ojik_after.status, ojik_after.notities) == ("in uitvoering", "overleg met EZK")
    letter_after = letters.find_by_kenmerk(db, "Min-BuZa.2020.396")
    assert [(m.motion_id, m.response, m.afdoen) for m in letter_after.motions] == responses
    changes = {c.label: c.fields for c in report.changes}
    assert "uitslag" in changes["de motie Diks/Van den Hul (Kamerstuk 35 000 XVII, nr. 34)"]
    uitslag = [c for c in history.for_entity(db, "motion", diks.id) if c.veld == "uitslag"]
    assert (uitslag[-1].van, uitslag[-1].naar) == ("ingediend", "aangenomen")
    assert "Tweede Kamer" in (uitslag[-1].toelichting or "")


def test_fuller_written_signers_in_the_registry_are_kept(store):
    import_open_data(store, [PAGE1, PAGE2])
    motion = motions.find(store.db, KamerstukRef.of(26485, 240))
    with store.transaction() as tx:
        motion.indieners = ["Van Laar", "Jasper van Dijk", "De Graaf"]
        motions.update(tx, motion)
    report = import_open_data(store, [PAGE1, PAGE2])
    assert report.motions.updated == 0
    assert motions.get(store.db, motion.id).indieners == ["Van Laar", "Jasper van Dijk", "De Graaf"]


def _toezegging_file(tmp_path, status: str, changed: str, name: str) -> Path:
    page = json.loads(TOEZEGGING.read_text(encoding="utf-8"))
    page["value"] = [page["value"][0]]
    page["value"][0]["Status"] = status
    page["value"][0]["GewijzigdOp"] = changed
    path = tmp_path / name
    path.write_text(json.dumps(page), encoding="utf-8")
    return path


def test_kamer_status_follows_only_while_the_user_left_it_alone(store, tmp_path):
    open_file = _toezegging_file(tmp_path, "Openstaand", "2020-02-21T09:00:00+01:00", "a.json")
    done_file = _toezegging_file(tmp_path, "Voldaan", "2020-07-02T09:00:00+02:00", "b.json")
    lapsed_file = _toezegging_file(tmp_path, "Vervallen", "2020-09-01T09:00:00+02:00", "c.json")
    import_open_data(store, [open_file])
    (item,) = commitments.list_commitments(store.db)
    assert item.status == "openstaand" and item.ministerie == "Buitenlandse Zaken"
    report = import_open_data(store, [done_file])
    assert commitments.get(store.db, item.id).status == "voldaan"
    assert report.changes[0].fields == ["status"]
    with store.transaction() as tx:
        commitments.set_status(tx, item.id, "deels voldaan", dt.date(2020, 8, 1))
    report = import_open_data(store, [lapsed_file])
    assert commitments.get(store.db, item.id).status == "deels voldaan"  # the user's choice
    assert report.changes[0].fields == ["status Kamer"]
    assert open_data.of_record(store.db, "commitment", item.id).status == "Vervallen"


def test_a_commitment_settled_by_a_letter_keeps_its_status(store, tmp_path):
    import_open_data(store, [_toezegging_file(tmp_path, "Openstaand", "2020-02-21T09:00:00Z", "a")])
    (item,) = commitments.list_commitments(store.db)
    with store.transaction() as tx:
        letter_id, _ = letters.ensure_letter(tx, "BZ-2020-77", dt.date(2020, 3, 1))
        commitments.settle(tx, item.id, letter_id, dt.date(2020, 3, 1))
    later = _toezegging_file(tmp_path, "Vervallen", "2020-09-01T09:00:00Z", "b")
    import_open_data(store, [later])
    assert commitments.get(store.db, item.id).status == "voldaan"


def test_an_older_file_does_not_undo_newer_data(store, tmp_path):
    import_open_data(store, [EXPAND])
    page = json.loads(EXPAND.read_text(encoding="utf-8"))
    old = page["value"][0]
    old["Kabinetsappreciatie"] = "Ontraden"
    old["Besluit"] = [b for b in old["Besluit"] if "aangenomen" not in b["BesluitSoort"]]
    for entity in (old, *old["Besluit"], *old["ZaakActor"], *old["Document"]):
        entity["GewijzigdOp"] = "2016-09-06T12:00:00+02:00"
    page["value"] = [old]
    path = tmp_path / "oud.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    report = import_open_data(store, [path])
    assert report.motions.skipped == 1
    assert "nieuwere gegevens" in report.skipped[-1].reason
    motion = motions.find(store.db, KamerstukRef.of(26485, 224))
    assert (motion.uitslag, motion.kabinetsappreciatie) == ("aangenomen", "Oordeel Kamer")


def _truncated(tmp_path):
    path = tmp_path / "afgebroken.json"
    data = EXPAND.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path, "afgebroken"


def _wrong_entity(tmp_path):
    path = tmp_path / "persoon.json"
    page = {
        "@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Persoon",
        "value": [{"Id": "p1", "Achternaam": "Voorbeeld"}],
    }
    path.write_text(json.dumps(page), encoding="utf-8")
    return path, "‘Persoon’"


def _latin1(tmp_path):
    path = tmp_path / "latin.json"
    text = EXPAND.read_text(encoding="utf-8").replace(
        "Motie van het lid", "Motie (geïnd) van het lid"
    )
    path.write_bytes(text.encode("latin-1", errors="replace"))
    line = text[: text.index("geïnd")].count("\n") + 1
    # -- the line of the first byte that is not UTF-8, not the line its chunk starts at --
    return path, f"regel {line}: Het bestand is geen UTF-8-tekst"


def _not_json(tmp_path):
    path = tmp_path / "brief.json"
    path.write_text("Geachte voorzitter,\n", encoding="utf-8")
    return path, "geen bestand met open data"


def _truncated_xml(tmp_path):
    path = tmp_path / "feed.xml"
    data = FEED.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path, "afgebroken"


def _other_xml(tmp_path):
    path = tmp_path / "ander.xml"
    path.write_text("<?xml version='1.0'?><rss><channel/></rss>", encoding="utf-8")
    return path, "geen Atom-feed"


def _empty(tmp_path):
    path = tmp_path / "leeg.json"
    path.write_bytes(b"")
    return path, "leeg"


def _broken_json(tmp_path):
    path = tmp_path / "kapot.json"
    path.write_text('{"value": [{"Id": "x", "Soort": "Motie",, }]}', encoding="utf-8")
    return path, "Ongeldige JSON"


@pytest.mark.parametrize(
    "make",
    [
        _truncated,
        _wrong_entity,
        _latin1,
        _not_json,
        _truncated_xml,
        _other_xml,
        _empty,
        _broken_json,
    ],
)
def test_bad_input_gives_a_clear_message_and_imports_nothing(demo_store, tmp_path, make):
    bad, fragment = make(tmp_path)
    before = _snapshot(demo_store.db)
    with pytest.raises(SourcedInputError) as info:
        import_open_data(demo_store, [EXPAND, bad, TOEZEGGING])
    assert bad.name in str(info.value) and fragment in str(info.value)
    assert _snapshot(demo_store.db) == before


def test_files_without_motions_or_commitments_are_refused(store, tmp_path):
    feed = tmp_path / "personen.xml"
    feed.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="application/xml">'
        '<persoon xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" id="p1"/>'
        "</content></entry></feed>",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput, match="geen moties"):
        import_open_data(store, [feed])
    # Next to a file that has them, it is only a warning.
    data = read_open_data([TOEZEGGING, feed])
    assert data.warnings == ["personen.xml bevat geen moties of toezeggingen (wel: 1× Persoon)."]
    with pytest.raises(FileProblem, match="bestaat niet"):
        import_open_data(store, [tmp_path / "weg.json"])


# -- downloading (never the network in tests) -------------------------------------------------


def test_dossier_query_url():
    url = dossier_url("35 000 XVII")
    assert url.startswith("https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Zaak?")
    assert "d/Nummer%20eq%2035000%20and%20d/Toevoeging%20eq%20'XVII'" in url
    assert "$expand=Kamerstukdossier,Document,Besluit,ZaakActor" in url
    with pytest.raises(InvalidInput, match="geen dossiernummer"):
        dossier_url("MVO")


class _Response:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, _size: int = -1) -> bytes:
        return self.data

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_download_follows_next_links_on_the_same_service(tmp_path):
    page1 = PAGE1.read_bytes()
    page2 = json.loads(PAGE2.read_text(encoding="utf-8"))
    page2["@odata.nextLink"] = "https://elders.example/Zaak?$skip=500"
    served = {
        "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Zaak?x": page1,
        json.loads(page1)["@odata.nextLink"]: json.dumps(page2).encode(),
    }
    asked: list[str] = []

    def opener(request, timeout):
        asked.append(request.full_url)
        return _Response(served[request.full_url])

    pages = download_pages(
        "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Zaak?x", tmp_path, opener=opener
    )
    assert len(pages) == 2 and len(asked) == 2  # the foreign next link is not followed
    assert len(read_open_data(pages).motions) == 3


def test_download_without_network_is_a_clear_message(tmp_path):
    def offline(request, timeout):
        raise urllib.error.URLError("Name or service not known")

    with pytest.raises(FileProblem, match="Geen verbinding"):
        download_pages(dossier_url("26485"), tmp_path, opener=offline)


def _zaken(count: int, *, same_number_as_first: bool = False) -> dict:
    """A page of ``count`` expanded motion Zaken in one dossier, from the fixture's first."""
    template = json.loads(EXPAND.read_text(encoding="utf-8"))["value"][0]
    page = []
    for index in range(count):
        zaak = json.loads(json.dumps(template))
        zaak["Id"] = f"7d1a3c52-0e1f-4b8e-9a51-{index:012d}"
        zaak["Nummer"] = f"2016Z{16001 + index:05d}"
        for position, item in enumerate(zaak["Besluit"] + zaak["ZaakActor"] + zaak["Document"]):
            item["Id"] = f"{zaak['Id']}-{position}"
        zaak["Document"][0]["Volgnummer"] = 224 + index
        page.append(zaak)
    if same_number_as_first:
        page[-1]["Nummer"] = page[0]["Nummer"]
    return {"value": page}


def test_many_records_go_in_batches_and_a_clash_within_the_file_is_skipped(store, tmp_path):
    from desktop.core.importers import opendata_batch

    source = tmp_path / "moties.json"
    count = opendata_batch.BATCH_SIZE + 5
    source.write_text(json.dumps(_zaken(count, same_number_as_first=True)), encoding="utf-8")
    first = import_open_data(store, [source])
    # The last Zaak has the first one's Zaak number: found, linked to another Zaak, skipped.
    assert first.motions.as_json() == {"new": count - 1, "updated": 0, "unchanged": 0, "skipped": 1}
    assert "een andere Zaak" in first.skipped[-1].reason
    assert len(motions.list_motions(store.db)) == count - 1
    assert all(change.record_id > 0 for change in first.changes)
    # In register order, as motions added one by one are (their order key is set).
    page = motions.list_motions(store.db, limit=3)
    lowest = sorted(int(m.kamerstuk.ondernummer) for m in motions.list_motions(store.db))[:3]
    assert [int(m.kamerstuk.ondernummer) for m in page] == lowest
    some = motions.find(store.db, KamerstukRef.of(26485, 224 + count - 2))
    assert some is not None and some.indieners == ["Van Laar"]
    assert [c.naar for c in history.for_entity(store.db, "motion", some.id)] == [
        "openstaand",
        "aangenomen",
    ]
    snapshot = _snapshot(store.db)
    again = import_open_data(store, [source])
    assert again.motions.as_json() == {"new": 0, "updated": 0, "unchanged": count - 1, "skipped": 1}
    after = _snapshot(store.db)
    assert {k: v for k, v in after.items() if k != "open_data_links"} == {
        k: v for k, v in snapshot.items() if k != "open_data_links"
    }


def test_a_bulk_import_on_a_team_registry_refreshes_the_planner_statistics(pg_url, monkeypatch):
    """Without it the planner takes the new rows for an empty table until autovacuum.

    After a first import of 100 000 motions (``bench/import_100k.py``) the full motion
    list then read every motion once per motion: minutes instead of a second.
    """
    from desktop.core.importers import opendata
    from desktop.core.store import Store

    def planned_rows(store) -> float:
        return float(
            execute(store.db, "SELECT reltuples FROM pg_class WHERE relname = 'motions'").scalar()
        )

    with Store.open(pg_url) as store:
        assert planned_rows(store) <= 0  # statistics of the empty registry
        monkeypatch.setattr(opendata, "BULK_WRITE", 6)
        small = import_open_data(store, [TOEZEGGING])  # two records: below the mark
        assert small.commitments.new == 2
        assert planned_rows(store) <= 0
        report = import_open_data(store, ALL)
        assert report.motions.new == 6
        assert planned_rows(store) == 6
