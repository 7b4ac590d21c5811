"""The letter-cycle models pass Qt's model checks and show what the core reports."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt

from desktop.core.planning.changes import SectionDiff, changes_between
from desktop.core.planning.due import DueItem
from desktop.core.planning.versions import VersionInfo
from desktop.ui.common.table_model import RecordProxyModel, RecordRole
from desktop.ui.planning.html import section_diff_html, text_diff_html
from desktop.ui.planning.models import (
    CHANGE_COL_DATUM,
    CHANGE_COL_TOELICHTING,
    CHANGE_COL_WAT,
    DUE_COL_DATUM,
    DUE_COL_SOORT,
    DUE_COL_STATUS,
    SECTION_COL_STATUS,
    SECTION_COL_VERVALLEN,
    VERSION_COL_GEMAAKT,
    ChangeTreeModel,
    DueTableModel,
    SectionDiffTableModel,
    VersionTableModel,
)
from desktop.ui.planning.start import counts_text
from desktop.ui.registry.motion_model import OVERDUE_BACKGROUND

DUE = [
    DueItem("toezegging", 1, "De Kamer informeren", "TZ-1", "2021-02-01", True, "open"),
    DueItem(
        "motie",
        4,
        "de motie Voordewind",
        "Kamerstuk 26 485, nr. 229",
        "2021-03-20",
        False,
        "openstaand",
    ),
    DueItem("eu", 2, "Conflictmineralen: evaluatie", "2017/821", "2021-05", False, "verordening"),
]


def test_due_model(qtmodeltester):
    model = DueTableModel()
    qtmodeltester.check(model)
    model.set_rows(DUE)
    qtmodeltester.check(model)
    assert [model.index(r, DUE_COL_SOORT).data() for r in range(3)] == [
        "Toezegging",
        "Motie",
        "EU-dossier",
    ]
    assert model.index(2, DUE_COL_DATUM).data() == "05-2021"
    overdue = model.index(0, DUE_COL_STATUS)
    assert overdue.data() == "Verlopen"
    assert overdue.data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert overdue.data(Qt.ItemDataRole.ToolTipRole) == "Datum nakoming verstreken"
    assert model.index(1, DUE_COL_STATUS).data() == "Openstaand"
    assert model.counts() == {
        "motie": 1,
        "toezegging": 1,
        "eu": 1,
        "verlopen": 1,
        "zonder_datum": 0,
    }
    assert counts_text(model.counts()) == "1 motie · 1 toezegging · 1 EU-datum — 1 verlopen"
    proxy = RecordProxyModel(model)
    proxy.sort(DUE_COL_DATUM, Qt.SortOrder.DescendingOrder)
    assert [proxy.record_at(r).id for r in range(3)] == [2, 4, 1]
    qtmodeltester.check(proxy)


def test_due_model_with_many_open_items_counts_all_and_sorts_all(qtmodeltester):
    """A big registry's open items (no termijn) come in batches; counts and sort cover all."""
    many = [
        DueItem("motie", n, f"de motie {n}", f"Kamerstuk 30 000, nr. {n}", "", False, "openstaand")
        for n in range(1, 5001)
    ]
    dated = DueItem(
        "motie", 9999, "de motie Diks", "Kamerstuk 26 485, nr. 1", "2021-03-20", False, "openstaand"
    )
    model = DueTableModel()
    model.set_rows([*many, dated])
    proxy = RecordProxyModel(model)
    assert proxy.rowCount() == model.batch_size < 5001
    assert proxy.record_count() == 5001
    assert model.counts()["motie"] == 5001
    assert model.counts()["zonder_datum"] == 5000
    proxy.sort(DUE_COL_DATUM, Qt.SortOrder.AscendingOrder)
    assert proxy.record_at(0).id == 9999  # the dated item first, from all rows
    proxy.sort(DUE_COL_DATUM, Qt.SortOrder.DescendingOrder)
    assert proxy.record_at(0).id != 9999
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert proxy.rowCount() == 5001
    assert proxy.record_at(5000).id == 9999
    qtmodeltester.check(proxy)


def test_change_tree_model(qtmodeltester, demo_store):
    model = ChangeTreeModel()
    qtmodeltester.check(model)
    report = changes_between(demo_store.db, dt.date(2019, 12, 1), dt.date(2020, 2, 21))
    model.set_report(report)
    qtmodeltester.check(model)
    assert model.rowCount() == 6
    assert model.group_titles()[1] == "Afgedaan (2)"
    settled = model.index(1, 0)
    assert model.rowCount(settled) == 2 and model.rowCount(model.index(1, 1)) == 0
    child = model.index(0, CHANGE_COL_TOELICHTING, settled)
    assert child.parent() == settled
    assert child.data() == "afgedaan met brief Min-BuZa.2020.396"
    assert model.index(0, CHANGE_COL_DATUM, settled).data() == "21-02-2020"
    assert model.index(0, CHANGE_COL_WAT, settled).data(RecordRole) is model.changes("Afgedaan")[0]
    assert model.rowCount(child) == 0 and not model.parent(settled).isValid()
    assert settled.data(Qt.ItemDataRole.FontRole).bold()
    empty_group = model.index(0, 0)  # no new motions in this period
    assert empty_group.data() == "Nieuwe moties (0)"
    assert empty_group.data(Qt.ItemDataRole.ForegroundRole) is not None
    model.set_report(None)
    assert model.rowCount() == 0 and model.index(0, 0) == QModelIndex()


def test_section_diff_model_and_html(qtmodeltester):
    diffs = [
        SectionDiff("Monitoring", "ongewijzigd", [], []),
        SectionDiff("90-procentdoelstelling", "gewijzigd", ["Oud <zin>."], ["Nieuwe zin."]),
        SectionDiff("Wetsvoorstel", "nieuw", [], ["Een alinea."]),
    ]
    model = SectionDiffTableModel()
    model.set_rows(diffs)
    qtmodeltester.check(model)
    assert model.changed_count() == 2
    assert model.index(1, SECTION_COL_STATUS).data() == "Gewijzigd"
    assert model.index(1, SECTION_COL_VERVALLEN).data() == "1"
    assert model.index(0, SECTION_COL_VERVALLEN).data() == ""
    html = section_diff_html(diffs[1])
    assert "line-through" in html and "Oud &lt;zin&gt;." in html and "Nieuwe zin." in html
    assert "Geen verschillen" in section_diff_html(diffs[0])
    lines = ["--- versie 1", "+++ versie 2", "@@ -1 +1 @@", " blijft", "-weg", "+erbij"]
    text = text_diff_html(lines)
    assert "versie 1" not in text and "line-through" in text and "erbij" in text


def test_version_model(qtmodeltester):
    model = VersionTableModel()
    model.set_rows(
        [
            VersionInfo(1, "2021-02-26T14:03:09", "tester", "/tmp/v1.docx"),
            VersionInfo(2, "2021-02-27T09:15:00", "tester", None),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, VERSION_COL_GEMAAKT).data() == "26-02-2021 14:03"
    assert model.row_of_id(2) == 1 and model.row_of_id(3) is None
