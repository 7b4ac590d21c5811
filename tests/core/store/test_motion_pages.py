"""Motion pages (offset/limit) and counts: the same order as the whole list, per filter."""

import pytest

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Motion
from desktop.core.errors import InvalidInput
from desktop.core.store import motions
from desktop.core.store.engine import raw_sqlite


def _fill(store):
    """45 motions in three dossiers, added out of register order, some settled."""
    with store.transaction() as db:
        for number in [*range(15, 0, -1)]:
            for dossier in ("35 000 XVII", "26 485", "21 501-32"):
                motions.add(
                    db,
                    Motion(
                        kamerstuk=KamerstukRef.parse(f"{dossier}, nr. {number * 7}"),
                        indieners=["Van Laar" if number % 2 else "Diks"],
                        onderwerp=f"onderwerp {number}",
                        status="afgedaan" if number % 5 == 0 else "openstaand",
                    ),
                )
    return store


@pytest.fixture
def many(store):
    """45 motions in three dossiers, added out of register order, some settled."""
    return _fill(store)


@pytest.mark.parametrize(
    ("status", "search"),
    [("all", None), ("open", None), ("afgedaan", None), ("all", "Laar"), ("open", "26 485")],
)
def test_pages_follow_the_order_of_the_whole_list(many, status, search):
    whole = motions.list_motions(many.db, status=status, search=search)
    assert whole
    assert motions.count_motions(many.db, status=status, search=search) == len(whole)
    paged = []
    for offset in range(0, len(whole) + 7, 7):
        paged += motions.list_motions(many.db, status=status, search=search, limit=7, offset=offset)
    assert [m.id for m in paged] == [m.id for m in whole]
    assert [m.citation for m in paged] == [m.citation for m in whole]


def test_register_order_is_by_dossier_then_number(many):
    first = motions.list_motions(many.db, limit=3)
    assert [m.kamerstuk.number_label() for m in first] == [
        "21 501-32, nr. 7",
        "21 501-32, nr. 14",
        "21 501-32, nr. 21",
    ]
    assert motions.list_motions(many.db, limit=5, offset=1000) == []
    assert motions.list_motions(many.db, search="zzzz", limit=5) == []


def test_a_page_carries_the_same_details_as_a_single_read(many):
    page = motions.list_motions(many.db, limit=1, offset=10)
    assert page == [motions.get(many.db, page[0].id)]


def test_count_refuses_an_unknown_status(many):
    with pytest.raises(InvalidInput):
        motions.count_motions(many.db, status="weg")


@pytest.mark.parametrize(("status", "search"), [("all", None), ("open", None), ("all", "Laar")])
def test_a_page_walks_the_register_order_index(sqlite_store, status, search):
    """No page sorts all its matches first: the query the store runs follows the index."""
    many = _fill(sqlite_store)
    raw = raw_sqlite(many.db)
    assert raw is not None
    ran: list[str] = []
    raw.set_trace_callback(ran.append)
    try:
        motions.list_motions(many.db, status=status, search=search, limit=5)
    finally:
        raw.set_trace_callback(None)
    (page,) = [sql for sql in ran if sql.startswith("SELECT m.id FROM motions m")]
    plan = " ".join(str(row) for row in raw.execute("EXPLAIN QUERY PLAN " + page).fetchall())
    assert "idx_motions_volgorde" in plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan


@pytest.mark.parametrize(
    ("status", "search"),
    [("all", None), ("open", None), ("afgedaan", None), ("all", "Laar"), ("open", "26 485")],
)
def test_pages_after_a_motion_follow_the_order_of_the_whole_list(many, status, search):
    whole = motions.list_motions(many.db, status=status, search=search)
    paged = motions.list_motions(many.db, status=status, search=search, limit=4)
    while True:
        page = motions.list_motions(
            many.db, status=status, search=search, limit=4, after=paged[-1].id
        )
        if not page:
            break
        paged += page
    assert [m.id for m in paged] == [m.id for m in whole]


def test_a_page_after_the_last_motion_is_empty(many):
    whole = motions.list_motions(many.db)
    assert motions.list_motions(many.db, limit=5, after=whole[-1].id) == []
    # Motions without a number come first in the register; paging passes them too.
    assert motions.list_motions(many.db, limit=50, after=whole[0].id) == whole[1:]


def test_a_page_after_a_motion_seeks_along_the_index(sqlite_store):
    """The next page starts at the motion in the index: no walk past the rows before it."""
    many = _fill(sqlite_store)
    last = motions.list_motions(many.db, limit=10)[-1]
    raw = raw_sqlite(many.db)
    assert raw is not None
    ran: list[str] = []
    raw.set_trace_callback(ran.append)
    try:
        motions.list_motions(many.db, limit=5, after=last.id)
    finally:
        raw.set_trace_callback(None)
    (page,) = [sql for sql in ran if sql.startswith("SELECT m.id FROM motions m")]
    plan = " ".join(str(row) for row in raw.execute("EXPLAIN QUERY PLAN " + page).fetchall())
    assert "SEARCH m USING" in plan and "idx_motions_volgorde" in plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan


def test_a_bare_number_search_reads_no_kamerstuk_it_does_not_need(sqlite_store):
    """``224`` (a dossier or a Kamerstuk's own number) is two index look-ups, no scan."""
    many = _fill(sqlite_store)
    found = motions.list_motions(many.db, search="105", limit=50)
    assert sorted(m.kamerstuk.ondernummer for m in found) == ["105", "105", "105"]
    assert {m.kamerstuk.dossier for m in motions.list_motions(many.db, search="26485")} == {26485}
    raw = raw_sqlite(many.db)
    assert raw is not None
    ran: list[str] = []
    raw.set_trace_callback(ran.append)
    try:
        motions.list_motions(many.db, search="105", limit=5)
    finally:
        raw.set_trace_callback(None)
    (page,) = [sql for sql in ran if sql.startswith("SELECT m.id FROM motions m")]
    plan = " ".join(str(row) for row in raw.execute("EXPLAIN QUERY PLAN " + page).fetchall())
    assert "idx_kamerstukken_ondernummer" in plan
    assert "SCAN ks" not in plan
