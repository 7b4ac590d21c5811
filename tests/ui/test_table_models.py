"""Table models: Qt's model checks, lazy batches at 100 000 motions, sorting, highlighting."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Commitment, Motion
from desktop.core.store import convenanten, eu, kamerstukken, letters, motions
from desktop.ui.common.table_model import RecordProxyModel, RecordRole, SortRole
from desktop.ui.registry.models import (
    COMMITMENT_COL_NAKOMING,
    LETTER_COL_KENMERK,
    CommitmentTableModel,
    ConvenantTableModel,
    EUFileTableModel,
    KamerstukTableModel,
    LetterTableModel,
)
from desktop.ui.registry.motion_model import (
    COL_KAMERSTUK,
    COL_STATUS,
    COL_TERMIJN,
    COL_VOORGESTELD,
    OVERDUE_BACKGROUND,
    OVERDUE_TOOLTIP,
    MotionTableModel,
)

TODAY = dt.date(2021, 3, 1)


def many_motions(count: int) -> list[Motion]:
    """Motions built in memory: dossier 20 000 and up, 500 numbers each."""
    return [
        Motion(
            kamerstuk=KamerstukRef(20_000 + i // 500, None, str(i % 500 + 1)),
            indieners=["Van Laar"],
            onderwerp=f"onderwerp {i}",
            deadline=dt.date(2020, 1, 1) + dt.timedelta(days=i % 900),
            status="afgedaan" if i % 3 == 0 else "openstaand",
            id=i + 1,
        )
        for i in range(count)
    ]


def demo_commitments() -> list[Commitment]:
    # The demo has no toezeggingen; two made up here, one overdue.
    return [
        Commitment(
            tekst="De minister stuurt voor de zomer een brief.",
            nummer="TZ202101",
            datum_nakoming=dt.date(2020, 6, 1),
            id=1,
        ),
        Commitment(
            tekst="De minister informeert de Kamer over de evaluatie.",
            nummer="TZ202102",
            datum_nakoming=dt.date(2022, 1, 1),
            status="voldaan",
            id=2,
        ),
    ]


@pytest.mark.parametrize(
    ("model_class", "rows"),
    [
        (MotionTableModel, lambda db: motions.list_motions(db)),
        (CommitmentTableModel, lambda db: demo_commitments()),
        (ConvenantTableModel, lambda db: convenanten.list_convenanten(db)),
        (EUFileTableModel, lambda db: eu.list_eu_files(db)),
        (KamerstukTableModel, lambda db: kamerstukken.list_all(db)),
        (LetterTableModel, lambda db: letters.list_letters(db)),
    ],
    ids=["moties", "toezeggingen", "convenanten", "eu-dossiers", "kamerstukken", "brieven"],
)
def test_every_model_passes_qt_model_checks(qtmodeltester, demo_store, model_class, rows):
    model = model_class()
    model.set_rows(rows(demo_store.db))
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    proxy = RecordProxyModel(model)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)


def test_the_lazy_model_passes_qt_model_checks_while_fetching(qtmodeltester):
    model = MotionTableModel(batch_size=50, today=lambda: TODAY)
    model.set_rows(many_motions(180))
    assert model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)
    model.fetchMore(QModelIndex())
    model.sort(COL_TERMIJN, Qt.SortOrder.DescendingOrder)
    model.set_filter("open", lambda m: m.is_open)
    model.set_rows(many_motions(90), keep_fetched=True)
    assert (model.rowCount(), model.total_count()) == (50, 60)


def test_the_lazy_model_passes_qts_own_model_tester(qtmodeltester):
    # Qt's C++ tester reports problems as warnings, which fail the test.
    model = MotionTableModel(batch_size=50, today=lambda: TODAY)
    model.set_rows(many_motions(180))
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    model.sort(COL_KAMERSTUK, Qt.SortOrder.DescendingOrder)
    model.set_rows(many_motions(120))


def test_100000_motions_are_handed_to_the_view_in_batches():
    model = MotionTableModel(today=lambda: TODAY)
    rows = many_motions(100_000)
    model.set_rows(rows)

    assert model.total_count() == 100_000
    assert model.rowCount() == model.batch_size == 200
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    # Only fetched rows exist for the view; asking past them gives nothing.
    assert model.index(400, 0).isValid() is False
    # Sorting covers all 100 000 rows, not just the fetched ones.
    model.sort(COL_KAMERSTUK, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 400
    assert model.index(0, COL_KAMERSTUK).data() == "20 199, nr. 500"


def test_filters_on_the_lazy_model_apply_to_all_rows():
    model = MotionTableModel(today=lambda: TODAY)
    model.set_rows(many_motions(100_000))
    model.set_filter("dossier", lambda m: m.kamerstuk.dossier == 20_150)
    assert model.total_count() == 500
    assert model.rowCount() == 200
    model.set_filter("dossier", None)
    assert model.total_count() == 100_000


def test_overdue_open_motions_are_highlighted_with_a_tooltip():
    overdue = Motion(kamerstuk=KamerstukRef.parse("26 485, nr. 229"), deadline=dt.date(2021, 2, 1))
    settled = Motion(
        kamerstuk=KamerstukRef.parse("26 485, nr. 224"),
        deadline=dt.date(2021, 2, 1),
        status="afgedaan",
    )
    due_later = Motion(
        kamerstuk=KamerstukRef.parse("26 485, nr. 230"), deadline=dt.date(2021, 4, 1)
    )
    model = MotionTableModel(today=lambda: TODAY)
    model.set_rows([overdue, settled, due_later])

    def role(row: int, role: int, column: int = COL_STATUS) -> Any:
        return model.index(row, column).data(role)

    assert role(0, Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert role(0, Qt.ItemDataRole.ToolTipRole) == OVERDUE_TOOLTIP == "Termijn verstreken"
    assert role(0, Qt.ItemDataRole.ForegroundRole) is not None
    for row in (1, 2):
        assert role(row, Qt.ItemDataRole.BackgroundRole) is None
        assert role(row, Qt.ItemDataRole.ToolTipRole) is None
    assert role(0, Qt.ItemDataRole.DisplayRole, COL_TERMIJN) == "01-02-2021"


def test_overdue_commitments_are_highlighted_too():
    model = CommitmentTableModel(today=lambda: TODAY)
    model.set_rows(demo_commitments())
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Termijn verstreken"
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None


def test_sort_role_gives_keys_and_empty_dates_sort_last(demo_store):
    model = MotionTableModel()
    model.set_rows(motions.list_motions(demo_store.db))
    model.sort(COL_VOORGESTELD, Qt.SortOrder.AscendingOrder)
    shown = [model.index(row, COL_VOORGESTELD).data() for row in range(model.rowCount())]
    assert shown[:2] == ["26-11-2015", "06-09-2016"]
    assert shown[2:] == ["", "", ""]
    assert model.index(0, COL_VOORGESTELD).data(SortRole) == (0, "2015-11-26")
    assert isinstance(model.index(0, 0).data(RecordRole), Motion)


def test_the_proxy_sorts_small_registries_by_sort_role(demo_store):
    model = CommitmentTableModel(today=lambda: TODAY)
    model.set_rows(demo_commitments())
    proxy = RecordProxyModel(model)
    proxy.sort(COMMITMENT_COL_NAKOMING, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data() == "TZ202102"


def test_the_proxy_filters_on_every_word_ignoring_case_and_accents(demo_store):
    model = LetterTableModel()
    model.set_rows(letters.list_letters(demo_store.db))
    proxy = RecordProxyModel(model)
    proxy.set_text_filter("min-buza VOORTGANG")
    assert proxy.rowCount() == 1
    assert proxy.index(0, LETTER_COL_KENMERK).data() == "Min-BuZa.2020.396"
    proxy.set_text_filter("")
    assert proxy.rowCount() == 5
    assert proxy.record_count() == 5


def test_a_lazy_source_sorts_itself_through_the_proxy():
    model = MotionTableModel(today=lambda: TODAY)
    model.set_rows(many_motions(1000))
    proxy = RecordProxyModel(model)
    proxy.sort(COL_KAMERSTUK, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, COL_KAMERSTUK).data() == "20 001, nr. 500"
    assert proxy.record_count() == 1000
    assert proxy.rowCount() == 200
