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
