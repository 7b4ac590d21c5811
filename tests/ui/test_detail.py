"""Detail pane HTML: every value escaped, dates in Dutch, letters as links."""

from __future__ import annotations

import datetime as dt

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Letter, Motion, StatusChange
from desktop.ui.registry import detail


def test_motion_html_escapes_and_links_letters():
    motion = Motion(
        kamerstuk=KamerstukRef.parse("26 485, nr. 224"),
        indieners=["Van Laar"],
        onderwerp="<b>vet</b> & zo",
        deadline=dt.date(2020, 12, 31),
        afgedaan_met=["BZ-1", "2019-10-28"],
        status="afgedaan",
    )
    letter = Letter(betreft="Voortgang", kenmerk="BZ-1", id=7)
    change = StatusChange(
        "motion",
        1,
        "status",
        "openstaand",
        "afgedaan",
        "tester",
        "2021-02-15T10:03:00",
        "afgedaan met brief BZ-1",
    )
    html = detail.motion_html(motion, dt.date(2021, 3, 1), [change], [letter])
    assert "&lt;b&gt;vet&lt;/b&gt; &amp; zo" in html
    assert "<a href='brief:7'>BZ-1 – Voortgang</a>" in html
    assert "brief van 28 oktober 2019" in html
    assert "31 december 2020" in html and "termijn verstreken" not in html  # settled
    assert "15-02-2021 10:03" in html and "Openstaand → Afgedaan" in html


def test_loading_state_and_empty_state():
    motion = Motion(kamerstuk=KamerstukRef.parse("26 485, nr. 229"))
    assert "Laden…" in detail.motion_html(motion, dt.date(2021, 3, 1))
    assert "Geen moties gevonden." in detail.empty_state("moties", empty=True)
    assert "Selecteer een regel" in detail.empty_state("moties", empty=False)


# -- the Kamer's view beside ours ----------------------------------------------------------


def _numbered(**fields) -> Motion:
    return Motion(kamerstuk=KamerstukRef.parse("26 485, nr. 224"), indieners=["Van Laar"], **fields)


def test_the_kamers_afgedaan_and_latest_besluit_beside_our_status():
    motion = _numbered(
        uitslag="aangenomen",
        status="afgedaan",
        kamer_afgedaan=True,
        kamer_besluit="Stemmen - aangenomen",
    )
    html = detail.motion_html(motion, dt.date(2021, 3, 1), [], [])
    assert "Bij de Kamer" in html
    assert "Afgedaan · laatste besluit: Stemmen - aangenomen" in html
    assert "Afwijkend van de Kamer" not in html  # both say afgedaan


def test_afwijkend_when_the_kamer_says_afgedaan_and_we_say_open():
    motion = _numbered(
        uitslag="aangenomen", kamer_afgedaan=True, kamer_besluit="Stemmen - aangenomen"
    )
    html = detail.motion_html(motion, dt.date(2021, 3, 1), [], [])
    assert "Afwijkend van de Kamer" in html
    assert "de Kamer noemt de motie afgedaan, uw status is openstaand" in html


def test_afwijkend_when_we_say_afgedaan_and_the_kamer_does_not():
    motion = _numbered(uitslag="aangenomen", status="afgedaan", kamer_afgedaan=False)
    html = detail.motion_html(motion, dt.date(2021, 3, 1), [], [])
    assert "Niet afgedaan" in html and "laatste besluit" not in html
    assert "uw status is afgedaan, de Kamer noemt de motie niet afgedaan" in html


def test_no_kamer_view_without_open_data_and_never_afwijkend_for_a_rejected_motion():
    assert "Bij de Kamer" not in detail.motion_html(_numbered(), dt.date(2021, 3, 1), [], [])
    only_besluit = _numbered(kamer_besluit="Stemmen - aangehouden")
    assert "Laatste besluit: Stemmen - aangehouden" in detail.kamer_view(only_besluit)
    rejected = _numbered(uitslag="verworpen", kamer_afgedaan=True, kamer_besluit="Verworpen.")
    assert detail.kamer_view(rejected) == "Afgedaan · laatste besluit: Verworpen."
    escaped = _numbered(kamer_besluit="<script>")
    assert "&lt;script&gt;" in detail.kamer_view(escaped)


def test_the_motion_pane_in_the_window_shows_the_kamers_view(make_window, demo_db):
    from desktop.core.store import Store, motions

    with Store.open(demo_db) as store, store.transaction() as db:
        found = motions.find(db, KamerstukRef.parse("26 485, nr. 229"))
        assert found is not None and found.id is not None and found.is_open
        motions.apply_import(
            db,
            found.id,
            {
                "uitslag": "aangenomen",
                "kamer_afgedaan": True,
                "kamer_besluit": "Stemmen - aangenomen",
            },
        )
    window = make_window(demo_db)
    view = window.views.motions
    assert view.select_id(found.id)
    shown = view.detail.toPlainText()
    assert "Bij de Kamer" in shown
    assert "Afgedaan · laatste besluit: Stemmen - aangenomen" in shown
    assert (
        "Afwijkend van de Kamer (de Kamer noemt de motie afgedaan, uw status is openstaand)"
        in shown
    )
