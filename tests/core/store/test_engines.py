"""One registry, two engines: the same schema, the same answers, several people at once."""

from __future__ import annotations

import datetime as dt
import threading
import warnings
from dataclasses import asdict
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import SAWarning

from desktop import paths
from desktop.core.demo import load_demo
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Letter, LetterMotion, Motion
from desktop.core.errors import ConflictError, InvalidInput, StoreError
from desktop.core.services import team
from desktop.core.store import (
    Store,
    commitments,
    convenanten,
    eu,
    history,
    letters,
    motions,
    server_migrations,
)
from desktop.core.store import copy as registry_copy
from desktop.core.store.db import known_migrations
from desktop.core.store.engine import parse_address
from desktop.core.store.network import network_filesystem
from desktop.core.store.rows import ConnectionLost, execute

# The registry's own tables (not SQLite's FTS shadow tables or the migration records).
_ENGINE_TABLES = {"_sqlite_migrations", server_migrations.MIGRATIONS_TABLE}


def _schema(db) -> dict[str, dict[str, object]]:
    found = {}
    inspector = inspect(db)
    # Expression indexes (register order, full-text search) are the engines' own.
    warnings.filterwarnings("ignore", "Skipped unsupported reflection", SAWarning)
    for table in inspector.get_table_names():
        if table in _ENGINE_TABLES or "_fts" in table:
            continue
        keys = inspector.get_pk_constraint(table)["constrained_columns"]
        # SQLite reports an INTEGER PRIMARY KEY as nullable; it never is.
        columns = {
            c["name"]: c["nullable"] and c["name"] not in keys for c in inspector.get_columns(table)
        }
        unique = sorted(tuple(u["column_names"]) for u in inspector.get_unique_constraints(table))
        references = sorted(
            (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
            for f in inspector.get_foreign_keys(table)
        )
        found[table] = {
            "columns": columns,
            "key": keys,
            "unique": unique,
            "references": references,
        }
    return found


def test_both_engines_end_with_the_same_schema(tmp_path, pg_url):
    with Store.open(tmp_path / "r.db") as local, Store.open(pg_url) as server:
        on_sqlite, on_server = _schema(local.db), _schema(server.db)
    assert set(on_sqlite) == set(on_server)
    for table, shape in on_sqlite.items():
        assert on_server[table] == shape, table
    # Every table is copied by copy-registry.
    assert set(on_sqlite) == set(registry_copy.TABLES)


def test_every_migration_has_its_server_form():
    server_names = [*server_migrations.BASELINE_NAMES, *server_migrations.LATER]
    assert server_names == known_migrations()


def _accented(store: Store) -> None:
    with store.transaction() as db:
        motions.add(
            db,
            Motion(
                kamerstuk=KamerstukRef.parse("21 501-20, nr. 1436"),
                indieners=["Asscher", "Jetten"],
                onderwerp="coördinatie van de financiële sector en een reëel beeld",
            ),
        )


# Queries the users type, with what each must find (by Kamerstuk number, or nothing).
REFERENCE_SEARCHES = {
    "van laar": {"26 485, nr. 224"},
    "Laar": {"26 485, nr. 224"},
    "laa": {"26 485, nr. 224"},
    "26485": {"26 485, nr. 224", "26 485, nr. 229"},
    "26 485": {"26 485, nr. 224", "26 485, nr. 229"},
    "26 485, nr. 224": {"26 485, nr. 224"},
    "IMVO": {"26 485, nr. 224", "35 000 XVII, nr. 34", "34 300 XVII, nr. 38"},
    "ambassade": {"35 000 XVII, nr. 34"},
    "diks van den hul": {"35 000 XVII, nr. 34"},
    "Karabulut": {"32 735, nr. 252"},
    "financiele": {"21 501-20, nr. 1436"},
    "FINANCIËLE": {"21 501-20, nr. 1436"},
    "coordinatie": {"21 501-20, nr. 1436"},
    "reeel beeld": {"21 501-20, nr. 1436"},
    "xyzzy": set(),
    "NEAR(": set(),
    "AND": set(),
}


def test_reference_searches_give_the_same_hits_on_both_engines(pg_url):
    found: dict[str, dict[str, set[str]]] = {}
    for address in (None, pg_url):
        with Store.open(address) as store:
            load_demo(store, paths.resources_dir())
            _accented(store)
            found[store.address.engine] = {
                query: {
                    m.kamerstuk.letter_style().removeprefix("Kamerstuk ")
                    for m in motions.list_motions(store.db, search=query)
                    if m.kamerstuk is not None
                }
                for query in REFERENCE_SEARCHES
            }
            found[store.address.engine]["convenanten: textiel"] = {
                c.naam for c in convenanten.list_convenanten(store.db, search="textiel")
            }
            found[store.address.engine]["eu: richtlijn"] = {
                e.titel for e in eu.list_eu_files(store.db, search="richtlijn")
            }
    assert found["sqlite"] == found["postgresql"]
    for query, expected in REFERENCE_SEARCHES.items():
        assert found["postgresql"][query] == expected, query
    assert found["postgresql"]["convenanten: textiel"]


@pytest.fixture
def shared(request, engine, tmp_path):
    """A registry two connections can share: a file, or a team registry."""
    return tmp_path / "gedeeld.db" if engine == "sqlite" else request.getfixturevalue("pg_url")


def test_a_colleagues_edit_is_never_overwritten(shared):
    with Store.open(shared) as mine, Store.open(shared) as theirs:
        with mine.transaction() as db:
            motion_id = motions.add(
                db, Motion(kamerstuk=KamerstukRef.parse("26 485, nr. 224"), indieners=["Van Laar"])
            )
        my_copy = motions.get(mine.db, motion_id)
        their_copy = motions.get(theirs.db, motion_id)
        their_copy.notities = "gebeld met de Kamer"
        with theirs.transaction() as db:
            motions.update(db, their_copy)
        my_copy.notities = "mijn notitie"
        with pytest.raises(ConflictError), mine.transaction() as db:
            motions.update(db, my_copy)
        assert motions.get(mine.db, motion_id).notities == "gebeld met de Kamer"


def test_two_people_finalising_one_letter_settle_it_once(shared):
    with Store.open(shared) as setup, setup.transaction() as db:
        motion_id = motions.add(
            db, Motion(kamerstuk=KamerstukRef.parse("26 485, nr. 224"), indieners=["Van Laar"])
        )
        letter_id = letters.add(
            db,
            Letter(
                betreft="Voortgang",
                kenmerk="BZ-1",
                datum=dt.date(2026, 3, 1),
                motions=[LetterMotion(motion_id=motion_id, response="Gedaan.", afdoen=True)],
            ),
        )
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def finalise() -> None:
        with Store.open(shared) as store:
            barrier.wait()
            try:
                with store.transaction() as db:
                    letters.finalize(db, letter_id)
                outcomes.append("definitief")
            except InvalidInput as error:
                outcomes.append(str(error))

    workers = [threading.Thread(target=finalise) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert sorted(outcomes) == ["De brief BZ-1 is al definitief.", "definitief"]
    with Store.open(shared) as store:
        changes = history.for_entity(store.db, "motion", motion_id)
        assert [c.naar for c in changes if c.veld == "status"] == ["openstaand", "afgedaan"]


def test_changes_are_signed_by_the_database_login(pg_server, pg_url):
    database = parse_address(pg_url).url.database
    pg_server.create_role("anna")
    pg_server.grant_all(database, "anna")
    with Store.open(pg_url) as tester, tester.transaction() as db:
        motion_id = motions.add(
            db, Motion(kamerstuk=KamerstukRef.parse("26 485, nr. 224"), indieners=["Van Laar"])
        )
    with Store.open(pg_server.url(database, role="anna")) as anna:
        with anna.transaction() as db:
            motions.set_status(db, motion_id, "in uitvoering")
        (first, second) = history.for_entity(anna.db, "motion", motion_id)
    assert (first.wie, second.wie) == ("tester", "anna")
    # The server's clock, to the second, in the registry's own form.
    assert dt.datetime.fromisoformat(second.wanneer) <= dt.datetime.now() + dt.timedelta(minutes=1)


def test_a_lost_connection_is_told_in_dutch_and_the_next_call_reconnects(pg_server, pg_url):
    with Store.open(pg_url) as store:
        pid = execute(store.db, "SELECT pg_backend_pid()").scalar()
        with pg_server.admin() as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        lost = "verbinding met het teamregister is verbroken"
        with pytest.raises(ConnectionLost, match=lost), store.transaction() as db:
            motions.add(db, Motion(kamerstuk=KamerstukRef.parse("26 485, nr. 1"), indieners=["A"]))
        # Nothing of the failed change was kept, and the store works again.
        assert motions.list_motions(store.db) == []
        assert execute(store.db, "SELECT pg_backend_pid()").scalar() != pid


def test_a_colleagues_change_is_heard_within_seconds(pg_url):
    heard: list[set[str]] = []
    arrived = threading.Event()

    def on_change(tables: set[str]) -> None:
        heard.append(tables)
        arrived.set()

    with Store.open(pg_url) as store:
        watcher = team.ChangeWatcher(store.address, on_change)
        watcher.start()
        try:
            assert watcher.ready.wait(10)
            with store.transaction() as db:
                commitments_before = commitments.list_commitments(db)
                motions.add(
                    db, Motion(kamerstuk=KamerstukRef.parse("26 485, nr. 224"), indieners=["X"])
                )
            assert arrived.wait(10)
        finally:
            watcher.stop()
    assert commitments_before == []
    assert "motions" in set().union(*heard)


def test_the_own_changes_of_a_window_are_not_news(pg_url):
    heard: list[set[str]] = []
    with Store.open(pg_url) as store:
        own = execute(store.db, "SELECT pg_backend_pid()").scalar()
        watcher = team.ChangeWatcher(store.address, heard.append, own_pids=lambda: {own})
        watcher.start()
        try:
            assert watcher.ready.wait(10)
            with store.transaction() as db:
                motions.add(
                    db, Motion(kamerstuk=KamerstukRef.parse("26 485, nr. 224"), indieners=["X"])
                )
            with Store.open(pg_url) as colleague, colleague.transaction() as db:
                motions.set_status(db, 1, "in uitvoering")
            deadline = threading.Event()
            for _ in range(40):
                if heard:
                    break
                deadline.wait(0.25)
        finally:
            watcher.stop()
    assert heard and all(tables == {"motions"} for tables in heard)
    assert len(heard) == 1


def test_copy_registry_both_ways_gives_identical_registries(tmp_path, pg_url):
    source = tmp_path / "persoonlijk.db"
    with Store.open(source) as store:
        load_demo(store, paths.resources_dir())
    report = team.copy_registry(source, pg_url)
    assert report.verified and report.rows["motions"] == 5 and report.rows["letters"] == 5
    back = tmp_path / "onderweg.db"
    team.copy_registry(pg_url, back)
    with Store.open(source) as a, Store.open(pg_url) as b, Store.open(back) as c:
        listings = [
            (
                [asdict(m) for m in motions.list_motions(s.db)],
                [asdict(letter) for letter in letters.list_letters(s.db)],
                registry_copy.row_counts(s.db),
            )
            for s in (a, b, c)
        ]
        assert listings[0] == listings[1] == listings[2]
        # The server's ids continue after the copied ones.
        with b.transaction() as db:
            new_id = motions.add(
                db, Motion(kamerstuk=KamerstukRef.parse("26 485, nr. 999"), indieners=["Nieuw"])
            )
        assert new_id == max(m.id for m in motions.list_motions(a.db)) + 1


def test_copy_registry_refuses_a_target_with_data_unless_told(tmp_path, pg_url):
    source = tmp_path / "a.db"
    with Store.open(source) as store:
        load_demo(store, paths.resources_dir())
    team.copy_registry(source, pg_url)
    with pytest.raises(StoreError, match="niet leeg"):
        team.copy_registry(source, pg_url)
    report = team.copy_registry(source, pg_url, replace=True)
    assert report.verified and report.rows["motions"] == 5


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("mysql://server/voortgang", "geen registeradres"),
        ("postgresql://anna@server", "naam van de database"),
        ("postgresql://anna@server:99999/voortgang", "Poort"),
        ("postgresql://anna:geheim@server:x/voortgang", "geen geldig"),
    ],
)
def test_a_malformed_address_is_a_clear_error_and_no_folder(typed, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match=message) as raised:
        Store.open(typed)
    assert "geheim" not in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_a_password_is_never_shown_or_saved():
    address = parse_address("postgresql://anna:geheim@db.ministerie.local/voortgang")
    assert "geheim" not in address.shown and "geheim" not in address.saved
    assert address.saved == "postgresql://anna@db.ministerie.local/voortgang"
    assert address.url is not None and address.url.password == "geheim"


def test_an_unreachable_server_is_told_in_dutch(tmp_path):
    socket_dir = tmp_path / "geen-server"
    socket_dir.mkdir()
    with pytest.raises(StoreError, match="Geen verbinding met het teamregister"):
        Store.open(f"postgresql://anna@/voortgang?host={socket_dir}")


def test_an_empty_server_database_is_set_up_only_when_asked(pg_server):
    database = pg_server.create_database(template=None)
    address = pg_server.url(database)
    try:
        with pytest.raises(StoreError, match="nog geen Voortgang-register"):
            Store.open(address)
        check = team.check_connection(address)
        assert check.ok and check.needs_setup and "tester" in check.message
        applied, backup = team.migrate_registry(address)
        assert applied == known_migrations() and backup is None
        assert team.migrate_registry(address) == ([], None)
        assert team.check_connection(address).message.endswith("klaar voor gebruik.")
    finally:
        pg_server.drop_database(database)


def _mounts(tmp_path: Path, kind: str) -> Path:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        f"server:/export {tmp_path / 'netwerk'} {kind} rw 0 0\n"
        f"//server/share {tmp_path / 'met spatie'.replace(' ', chr(92) + '040')} cifs rw 0 0\n",
        encoding="utf-8",
    )
    return mounts


@pytest.mark.parametrize("kind", ["nfs4", "cifs", "fuse.sshfs"])
def test_a_network_file_system_is_recognised(tmp_path, kind):
    mounts = _mounts(tmp_path, kind)
    where = network_filesystem(tmp_path / "netwerk" / "register.db", mounts)
    assert where == f"een netwerkschijf ({kind})"
    assert (
        network_filesystem(tmp_path / "met spatie" / "r.db", mounts) == "een netwerkschijf (cifs)"
    )
    assert network_filesystem(tmp_path / "lokaal" / "register.db", mounts) is None


def test_a_registry_in_a_cloud_folder_is_refused_before_anything_is_written(tmp_path):
    folder = tmp_path / "OneDrive - Rijksoverheid"
    folder.mkdir()
    with pytest.raises(StoreError, match="teamregister") as raised:
        Store.open(folder / "register.db")
    assert "OneDrive" in str(raised.value)
    assert list(folder.iterdir()) == []


def test_the_server_form_of_0010_computes_the_same_order_key(pg_url):
    """The PostgreSQL migration's SQL gives each motion the key the store writes."""
    numbers = ("26 485, nr. 224", "26 485, nr. 9", "35 000 XVII, nr. 34", "21 501-20, nr. 10")
    with Store.open(pg_url) as store:
        with store.transaction() as db:
            for number in numbers:
                motions.add(db, Motion(kamerstuk=KamerstukRef.parse(number), indieners=["X"]))
        written = execute(store.db, "SELECT volgorde FROM motions ORDER BY id").scalars().all()
        execute(store.db, "UPDATE motions SET volgorde = ''")
        execute(store.db, server_migrations.LATER["0010_motion_order_key"][1])
        computed = execute(store.db, "SELECT volgorde FROM motions ORDER BY id").scalars().all()
    assert computed == written == [motions.order_key(KamerstukRef.parse(n)) for n in numbers]


def test_two_people_adding_to_one_new_dossier_at_once_both_land(shared):
    """The dossier and Kamerstuk rows are made once, whoever comes first (no unique error)."""
    Store.open(shared).close()
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def add(number: int) -> None:
        with Store.open(shared) as store:
            barrier.wait()
            try:
                with store.transaction() as db:
                    motions.add(
                        db,
                        Motion(
                            kamerstuk=KamerstukRef.parse(f"21 501-20, nr. {number}"),
                            indieners=["Asscher"],
                            dossier_titel="Europese Raad",
                        ),
                    )
            except BaseException as error:
                errors.append(error)

    workers = [threading.Thread(target=add, args=(number,)) for number in range(1, 5)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert errors == []
    with Store.open(shared) as store:
        assert len(motions.list_motions(store.db)) == 4
        assert execute(store.db, "SELECT count(*) FROM dossiers").scalar() == 1


def test_a_password_in_the_query_string_is_never_shown_or_saved():
    address = parse_address("postgresql://anna@db.ministerie.local/voortgang?password=geheim")
    assert "geheim" not in address.shown and "geheim" not in address.saved
    assert address.url is not None and address.url.password == "geheim"


def test_copy_registry_refuses_a_missing_source_and_never_empties_a_target(tmp_path, pg_url):
    filled = tmp_path / "gevuld.db"
    with Store.open(filled) as store:
        load_demo(store, paths.resources_dir())
    team.copy_registry(filled, pg_url)
    typo = tmp_path / "tikfout.db"
    with pytest.raises(InvalidInput, match="bestaat niet"):
        team.copy_registry(typo, pg_url, replace=True)
    assert not typo.exists()
    empty = tmp_path / "leeg.db"
    Store.open(empty).close()
    with pytest.raises(StoreError, match="bronregister is leeg"):
        team.copy_registry(empty, pg_url, replace=True)
    with Store.open(pg_url) as store:
        assert len(motions.list_motions(store.db)) == 5


def test_undoing_a_settlement_never_overwrites_a_later_change(tmp_path):
    from desktop.core.services import registry as operations

    with Store.open(tmp_path / "r.db") as store:
        load_demo(store, paths.resources_dir())
        motion = next(m for m in motions.list_motions(store.db) if m.status == "in uitvoering")
        settled = operations.settle_motion(store, motion.id, "BZ-9", dt.date(2026, 3, 1))
        later = motions.get(store.db, motion.id)
        later.notities = "een latere wijziging"
        with store.transaction() as db:
            motions.update(db, later)
        with pytest.raises(ConflictError):
            operations.undo_settlement(store, settled)
        kept = motions.get(store.db, motion.id)
        assert kept.status == "afgedaan" and kept.notities == "een latere wijziging"


def _plan(db, sql: str, params: dict) -> str:
    rows = db.exec_driver_sql("EXPLAIN " + sql, params).all()
    return "\n".join(row[0] for row in rows)


def test_the_server_keeps_each_motions_text_vector_current(pg_url):
    """``motions_fts`` follows adds (one statement for many), edits and deletes."""
    with Store.open(pg_url) as store:
        with store.transaction() as db:
            ids = [
                motions.add(
                    db,
                    Motion(
                        kamerstuk=KamerstukRef.parse(f"21 501-20, nr. {n}"),
                        indieners=["Asscher"],
                        onderwerp=f"visserij quotum {n}",
                    ),
                )
                for n in range(1, 6)
            ]
        stored = execute(store.db, "SELECT count(*) FROM motions_fts").scalar()
        assert stored == 5
        assert {m.id for m in motions.list_motions(store.db, search="visserij")} == set(ids)
        with store.transaction() as db:
            edited = motions.get(db, ids[0])
            edited.onderwerp = "landbouwsubsidie"
            motions.update(db, edited)
            motions.delete(db, ids[1])
        assert [m.id for m in motions.list_motions(store.db, search="landbouw")] == [ids[0]]
        assert {m.id for m in motions.list_motions(store.db, search="visserij")} == set(ids[2:])
        assert motions.count_motions(store.db, search="visserij") == 3
        assert execute(store.db, "SELECT count(*) FROM motions_fts").scalar() == 4


def _add_numbered(store, numbers, indiener: str, onderwerp) -> None:
    """Motions 21 501-20, nr. N for each number, one signer, ``onderwerp(N)`` as subject."""
    with store.transaction() as db:
        for n in numbers:
            motions.add(
                db,
                Motion(
                    kamerstuk=KamerstukRef.parse(f"21 501-20, nr. {n}"),
                    indieners=[indiener],
                    onderwerp=onderwerp(n),
                ),
            )


def _statements_of(store, call):
    """What ``call()`` returns, and the statements (with parameters) it sent."""
    from sqlalchemy import event

    ran: list[tuple[str, dict]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        ran.append((statement, parameters))

    event.listen(store.db, "before_cursor_execute", record)
    try:
        return call(), ran
    finally:
        event.remove(store.db, "before_cursor_execute", record)


def test_a_server_page_of_a_common_word_tests_stored_vectors(pg_url, monkeypatch):
    """Walking the register order reads each motion's stored vector, computes none."""
    from desktop.core.store import search

    monkeypatch.setattr(search, "FEW_MATCHES", 2)  # these five motions are "many"
    with Store.open(pg_url) as store:
        _add_numbered(store, range(1, 6), "Asscher", lambda n: "visserij")
        page, ran = _statements_of(
            store, lambda: motions.list_motions(store.db, search="visserij", limit=3)
        )
        assert len(page) == 3
        (walk,) = [(s, p) for s, p in ran if s.startswith("SELECT m.id FROM motions m")]
        plan = _plan(store.db, *walk)
        assert "motions_fts" in walk[0] and "to_tsvector" not in plan


def test_a_server_page_of_many_matches_walks_the_register_order_index(pg_url, monkeypatch):
    """The planner cannot estimate a per-row test: the page is told to follow the index.

    Left to itself PostgreSQL guessed a few dozen matches for ``van l`` (22 000 of 100 000
    motions in ``bench/motions_100k.py``), read every motion and sorted: 95 ms, not 1 ms.
    """
    from desktop.core.store import search

    monkeypatch.setattr(search, "FEW_MATCHES", 2)  # these motions are "many"
    with Store.open(pg_url) as store:
        # Registered out of register order.
        _add_numbered(store, (6, 2, 5, 1, 4, 3), "Van Laar", lambda n: f"landbouw {n}")
        page, ran = _statements_of(
            store, lambda: motions.list_motions(store.db, search="van l", limit=3)
        )
        assert [m.kamerstuk.ondernummer for m in page] == ["1", "2", "3"]
        statements = [s for s, _ in ran]
        walk = next(i for i, s in enumerate(statements) if s.startswith("SELECT m.id FROM"))
        assert statements[walk - 2 : walk] == ["BEGIN", "SET LOCAL enable_sort = off"]
        assert statements[walk + 1 : walk + 3] == ["SET LOCAL enable_sort = on", "COMMIT"]
        store.db.exec_driver_sql("SET enable_sort = off")
        try:
            plan = _plan(store.db, *ran[walk])
        finally:
            store.db.exec_driver_sql("RESET enable_sort")
        assert "idx_motions_volgorde" in plan and "Sort" not in plan
        assert store.db.exec_driver_sql("SHOW enable_sort").scalar() == "on"
        # Inside a transaction of the caller, and when the page fails: nothing stays behind.
        with pytest.raises(RuntimeError), store.transaction() as db:
            motions.list_motions(db, search="van l", limit=3)
            assert db.exec_driver_sql("SHOW enable_sort").scalar() == "on"
            raise RuntimeError("afgebroken")
        assert store.db.exec_driver_sql("SHOW enable_sort").scalar() == "on"
