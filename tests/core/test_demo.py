"""The demo registry holds the 2020 letter's real facts."""

import datetime as dt
import json
import re

import pytest

from desktop import paths
from desktop.core.demo import load_demo
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.errors import InvalidInput
from desktop.core.store import convenanten, eu, kamerstukken, letters, motions, settings
from tests.conftest import REFERENCE

LETTER = (REFERENCE / "kamerbrief-voortgang-imvo-2020.md").read_text(encoding="utf-8")
SER_REPORT = (REFERENCE / "ser-voortgangsrapportage-imvo-convenanten-2018.txt").read_text(
    encoding="utf-8"
)


def _plain(text: str) -> str:
    text = re.sub(r"<sup>\[\d+\]</sup>", "", text)
    text = re.sub(r"\^\[(?:[^\[\]]|\[[^\]]*\]\([^)]*\))*\]", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(text.replace("*", "").split())


def test_every_motion_the_letter_names_with_citation_and_name(demo_store):
    by_citation = {m.citation: m for m in motions.list_motions(demo_store.db)}
    assert by_citation["Kamerstuk 26 485, nr. 224"].name == "de motie Van Laar"
    assert by_citation["Kamerstuk 32 735, nr. 252"].name == "de motie Van Ojik/Karabulut"
    assert by_citation["Kamerstuk 35 000 XVII, nr. 34"].name == "de motie Diks/Van den Hul"
    # The letter states each verzoek; the demo keeps it verbatim.
    for motion in by_citation.values():
        for verzoek in motion.verzoeken:
            rest = verzoek.removeprefix("verzoekt de regering").strip(" ,")
            if motion.onderwerp:  # the letter's own motions, not the reference texts
                assert rest in _plain(LETTER), motion.citation


def test_settled_motions_name_the_2020_letter(demo_store):
    settled = {m.citation: m for m in motions.list_motions(demo_store.db, status="afgedaan")}
    assert set(settled) == {"Kamerstuk 26 485, nr. 224", "Kamerstuk 35 000 XVII, nr. 34"}
    for motion in settled.values():
        assert motion.afgedaan_met == ["Min-BuZa.2020.396"]
        assert motion.status_datum == dt.date(2020, 2, 21)


def test_every_cited_kamerstuk_is_registered(demo_store):
    cited = {ref.key for ref, _, _ in KamerstukRef.find_all(LETTER)}
    registered = {k.ref.key for k in kamerstukken.list_all(demo_store.db)}
    assert len(cited) == 8
    assert cited <= registered
    bnc = kamerstukken.find(demo_store.db, KamerstukRef.parse("22 112, nr. 2826"))
    assert bnc is not None and bnc.soort == "BNC-fiche" and bnc.datum == dt.date(2019, 9, 27)


def test_the_2020_letter_record(demo_store):
    letter = letters.find_by_kenmerk(demo_store.db, "Min-BuZa.2020.396")
    assert letter is not None
    assert (letter.datum, letter.betreft, letter.status) == (
        dt.date(2020, 2, 21),
        "Voortgang IMVO-beleid",
        "verzonden",
    )
    assert [s.titel for s in letter.sections][:3] == [
        "Monitoring IMVO-convenanten",
        "Voortgang project IMVO-maatregelen in perspectief",
        "Wet Zorgplicht Kinderarbeid",
    ]
    assert len(letter.sections) == 9
    settled = [item for item in letter.motions if item.afdoen]
    assert len(settled) == 2 and len(letter.motions) == 3
    assert all(item.response for item in letter.motions)
    assert len(letter.convenant_ids) == 13
    footnotes = (
        sum(s.tekst.count("^[") for s in letter.sections)
        + sum(m.response.count("^[") for m in letter.motions)
        + sum(
            d.tekst.count("^[") for f in eu.list_eu_files(demo_store.db) for d in f.ontwikkelingen
        )
    )
    assert footnotes == 9


def test_convenanten_from_bijlage_and_ser_report(demo_store):
    items = {c.naam: c for c in convenanten.list_convenanten(demo_store.db)}
    assert len(items) == 14
    textiel = items["Convenant Duurzame Kleding en Textiel"]
    assert textiel.facilitator == "SER" and textiel.ondertekend == "2016-07"
    assert textiel.looptijd_jaren == 5
    latest = textiel.latest_progress()
    assert latest is not None and latest.datum == "2020-02-21"
    assert latest.tekst in _plain(LETTER) or _plain(latest.tekst) in _plain(LETTER)
    sierteelt = next(c for n, c in items.items() if "Sierteelt" in n)
    assert sierteelt.in_werking == "2019-09-01"
    assert {p.naam for p in sierteelt.partijen if p.soort == "overheid"} >= {
        "Ministerie van Buitenlandse Zaken"
    }
    # The convenant only the SER report knows: its facts are the report's words.
    eiwitten = items["Convenant Plantaardige Eiwitten"]
    report = " ".join(SER_REPORT.split())
    assert eiwitten.facilitator == "MVO Nederland"
    assert "plantaardige eiwitten is door MVO Nederland gefaciliteerd" in report
    assert eiwitten.kerncijfers and all(figure in report for figure in eiwitten.kerncijfers)
    fases = {c.fase for c in items.values()}
    assert {"stilgelegd", "afgelopen", "implementatie"} <= fases


def test_eu_files(demo_store):
    files = {f.identificatie: f for f in eu.list_eu_files(demo_store.db)}
    ontbossing = files["COM(2019) 352"]
    assert ontbossing.bnc_fiche == KamerstukRef.parse("22 112, nr. 2826")
    mineralen = files["Verordening (EU) 2017/821"]
    assert any(d.datum == "2021-01-01" for d in mineralen.datums)


def test_sender_settings(demo_store):
    sender = settings.get_sender(demo_store.db)
    assert sender.directie == "Dir. Int. Marktordening en Handelspolitiek"
    assert sender.adres[:2] == ["Rijnstraat 8", "2515 XP Den Haag"]
    assert sender.ondertekenaar_naam == "Sigrid A.M. Kaag"


def test_demo_is_only_loaded_into_an_empty_store(demo_store):
    with pytest.raises(InvalidInput, match="al gegevens"):
        load_demo(demo_store, paths.resources_dir())


def test_demo_files_are_valid_json():
    for name in ("registry.json", "convenanten.json"):
        json.loads((paths.resources_dir() / "demo" / name).read_text(encoding="utf-8"))
