"""Schema migrations: blank store, older store (backup first), newer store refused."""

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError
from sqlite_utils import Database

from desktop.core.errors import StoreError
from desktop.core.store import Store, motions
from desktop.core.store.db import applied_migrations, known_migrations
from desktop.core.store.migrations import migrations
from desktop.core.store.rows import execute
from tests.conftest import sqlite_db


def test_blank_store_gets_every_table_and_column():
    with Store.open(None) as store:
        db = sqlite_db(store)
        assert applied_migrations(db) == known_migrations()
        assert db["motions"].columns_dict == {
            "id": int,
            "kamerstuk_id": int,
            "indieners": str,
            "voorgesteld": str,
            "voorgesteld_bij": str,
            "onderwerp": str,
            "overwegingen": str,
            "verzoeken": str,
            "kabinetsappreciatie": str,
            "uitslag": str,
            "status": str,
            "status_datum": str,
            "directie": str,
            "deadline": str,
            "notities": str,
            "vervangt_kamerstuk_id": int,
            "version": int,
            "aangemaakt": str,
            "gewijzigd": str,
            "zaaknummer": str,
            "titel": str,
            "wijziging": str,
            "kamer_afgedaan": int,
            "kamer_besluit": str,
            "volgorde": str,
        }
        for table in (
            "dossiers",
            "kamerstukken",
            "commitments",
            "convenanten",
            "convenant_partijen",
            "convenant_voortgang",
            "eu_files",
            "eu_datums",
            "eu_ontwikkelingen",
            "letters",
            "letter_sections",
            "letter_motions",
            "letter_commitments",
            "letter_convenanten",
            "motion_settlements",
            "commitment_settlements",
            "status_history",
            "settings",
        ):
            assert db[table].exists(), table
        for fts in (
            "motions_fts",
            "commitments_fts",
            "convenanten_fts",
            "eu_files_fts",
            "convenant_voortgang_fts",
            "eu_ontwikkelingen_fts",
        ):
            assert db[fts].exists(), fts


def test_file_store_uses_wal_and_foreign_keys(tmp_path):
    with Store.open(tmp_path / "r.db") as store:
        assert sqlite_db(store).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert sqlite_db(store).execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.integrity() == "ok"


def test_check_constraints_guard_statuses(store):
    """The CHECK and foreign-key constraints hold on both engines."""
    execute(store.db, "INSERT INTO dossiers (nummer) VALUES (26485)")
    execute(store.db, "INSERT INTO kamerstukken (dossier_id, ondernummer) VALUES (1, '224')")
    for bad in (
        "INSERT INTO motions (kamerstuk_id, status) VALUES (1, 'klaar')",
        "INSERT INTO motions (kamerstuk_id, deadline) VALUES (1, '21-02-2020')",
        "INSERT INTO motions (kamerstuk_id, indieners) VALUES (1, '{\"a\": 1}')",
        "INSERT INTO motions (kamerstuk_id, indieners) VALUES (1, 'geen json')",
        "INSERT INTO motions (indieners) VALUES ('[]')",
        "INSERT INTO kamerstukken (dossier_id, ondernummer) VALUES (99, '1')",
    ):
        with pytest.raises(IntegrityError):
            execute(store.db, bad)
    assert execute(store.db, "SELECT count(*) FROM motions").scalar() == 0


def test_older_store_is_copied_then_migrated(tmp_path):
    path = tmp_path / "register.db"
    old = Database(path)
    migrations.apply(old, stop_before="0002_full_text_search")
    old.execute("INSERT INTO dossiers (nummer, titel) VALUES (26485, 'MVO')")
    old.execute("INSERT INTO kamerstukken (dossier_id, ondernummer) VALUES (1, '224')")
    old.execute(
        "INSERT INTO motions (kamerstuk_id, onderwerp) VALUES (1, 'toezicht op convenanten')"
    )
    old.conn.commit()
    old.close()

    with Store.open(path) as store:
        assert applied_migrations(store.db) == known_migrations()
        from desktop.core.store import motions

        found = motions.list_motions(store.db, search="toezicht")
        assert [m.onderwerp for m in found] == ["toezicht op convenanten"]
    backups = list(tmp_path.glob("register.voor-migratie-*.db"))
    assert len(backups) == 1
    copy = Database(backups[0])
    assert applied_migrations(copy) == ["0001_registry"]
    assert copy.execute("SELECT onderwerp FROM motions").fetchone()[0] == "toezicht op convenanten"


def test_up_to_date_store_is_not_copied(tmp_path):
    path = tmp_path / "register.db"
    Store.open(path).close()
    Store.open(path).close()
    assert not list(tmp_path.glob("*voor-migratie*"))


def test_store_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "register.db"
    Store.open(path).close()
    db = Database(path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "voortgang", "name": "9999_future", "applied_at": "2030-01-01"}
    )
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="nieuwere versie"):
        Store.open(path)
    assert path.read_bytes() == before


def test_not_a_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "notities.db"
    path.write_text("dit is tekst", encoding="utf-8")
    with pytest.raises(StoreError, match="geen Voortgang-register"):
        Store.open(path)
    assert path.read_text(encoding="utf-8") == "dit is tekst"


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "ander.db"
    other = Database(path)
    other["klanten"].insert({"naam": "x"})
    other.close()
    with pytest.raises(StoreError, match="ander programma"):
        Store.open(path)
    assert Database(path).table_names() == ["klanten"]


def test_open_data_migration_links_records_and_adds_kamer_fields():
    with Store.open(None) as store:
        db = sqlite_db(store)
        assert "0003_open_data" in applied_migrations(db)
        assert db["open_data_links"].columns_dict == {
            "tk_id": str,
            "entity": str,
            "entity_id": int,
            "nummer": str,
            "gewijzigd_op": str,
            "status": str,
            "geimporteerd": str,
        }
        assert {"ministerie", "kamerbrief_nakoming"} <= set(db["commitments"].columns_dict)
        db.execute("INSERT INTO dossiers (nummer) VALUES (26485)")
        db.execute("INSERT INTO kamerstukken (dossier_id, ondernummer) VALUES (1, '224')")
        db.execute("INSERT INTO motions (kamerstuk_id) VALUES (1)")
        link = "INSERT INTO open_data_links (tk_id, entity, entity_id, geimporteerd) VALUES (?, ?, ?, 'nu')"
        db.execute(link, ("guid-1", "motion", 1))
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(link, ("guid-1", "commitment", 1))  # one record per Kamer id
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(link, ("guid-2", "motion", 1))  # one Kamer id per record
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(link, ("guid-3", "brief", 1))
        db.execute("DELETE FROM motions WHERE id = 1")
        assert db.execute("SELECT count(*) FROM open_data_links").fetchone()[0] == 0


def test_store_from_before_open_data_keeps_its_commitments(tmp_path):
    path = tmp_path / "register.db"
    old = Database(path)
    migrations.apply(old, stop_before="0003_open_data")
    old.execute("INSERT INTO commitments (nummer, tekst) VALUES ('TZ1', 'De minister schrijft.')")
    old.conn.commit()
    old.close()
    with Store.open(path) as store:
        assert applied_migrations(store.db) == known_migrations()
        from desktop.core.store import commitments

        (item,) = commitments.list_commitments(store.db)
        assert (item.nummer, item.ministerie, item.kamerbrief_nakoming) == ("TZ1", None, None)
    (backup,) = tmp_path.glob("register.voor-migratie-*.db")
    assert applied_migrations(Database(backup)) == ["0001_registry", "0002_full_text_search"]


def _store_before_0007(path):
    db = Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db, stop_before="0007_unnumbered_motions")
    db.execute("INSERT INTO dossiers (nummer) VALUES (26485)")
    db.execute("INSERT INTO kamerstukken (dossier_id, ondernummer) VALUES (1, '224')")
    db.execute("INSERT INTO kamerstukken (dossier_id, ondernummer) VALUES (1, '220')")
    db.execute(
        "INSERT INTO motions (kamerstuk_id, onderwerp, notities, vervangt_kamerstuk_id)"
        " VALUES (1, 'toezicht op de convenanten', 'eigen notitie', 2)"
    )
    db.execute("INSERT INTO letters (kenmerk) VALUES ('Min-BuZa.2020.396')")
    db.execute(
        "INSERT INTO letter_motions (letter_id, motion_id, positie, response)"
        " VALUES (1, 1, 0, 'Aldus afgedaan.')"
    )
    db.execute("INSERT INTO motion_settlements VALUES (1, 1, '2020-02-21')")
    db.execute(
        "INSERT INTO open_data_links (tk_id, entity, entity_id, geimporteerd)"
        " VALUES ('guid-1', 'motion', 1, 'nu')"
    )
    db.conn.commit()
    db.close()


def test_0007_makes_the_number_optional_and_keeps_everything_else(tmp_path):
    path = tmp_path / "register.db"
    _store_before_0007(path)
    with Store.open(path) as store:
        db = sqlite_db(store)
        assert "0007_unnumbered_motions" in applied_migrations(db)
        # Letters, settlements, links and the motion's own fields survive the rebuild.
        assert db.execute("SELECT response FROM letter_motions").fetchall() == [
            ("Aldus afgedaan.",)
        ]
        assert db.execute("SELECT * FROM motion_settlements").fetchall() == [(1, 1, "2020-02-21")]
        assert db.execute("SELECT tk_id FROM open_data_links").fetchall() == [("guid-1",)]
        row = db.execute(
            "SELECT kamerstuk_id, notities, vervangt_kamerstuk_id FROM motions"
        ).fetchone()
        assert tuple(row) == (1, "eigen notitie", 2)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # The full-text index and its triggers work on the new table.
        search = "SELECT rowid FROM motions_fts WHERE motions_fts MATCH ?"
        assert db.execute(search, ("toezicht",)).fetchall() == [(1,)]
        db.execute(
            "INSERT INTO motions (zaaknummer, onderwerp) VALUES ('2025Z12345', 'ontbossing')"
        )
        assert db.execute(search, ("ontbossing",)).fetchall() == [(2,)]
        db.execute("UPDATE motions SET onderwerp = 'kinderarbeid' WHERE id = 2")
        assert db.execute(search, ("ontbossing",)).fetchall() == []
        assert db.execute(search, ("kinderarbeid",)).fetchall() == [(2,)]
        # Zaak numbers are unique where set; a motion needs one of the two numbers.
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO motions (zaaknummer) VALUES ('2025Z12345')")
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO motions (onderwerp) VALUES ('zonder nummer')")
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO motions (zaaknummer, wijziging) VALUES ('2025Z1', 'anders')")
        # Deleting a motion still drops its link and its letter rows.
        db.execute("DELETE FROM motions WHERE id = 1")
        assert db.execute("SELECT count(*) FROM open_data_links").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM letter_motions").fetchone()[0] == 0
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert {
            "idx_motions_status",
            "idx_motions_vervangt",
            "idx_motions_zaaknummer",
            "motions_ai",
            "motions_ad",
            "motions_au",
            "motions_open_data_ad",
        } <= names
        assert "motions_0007" not in names


def test_0010_gives_every_motion_its_register_order_key(tmp_path):
    path = tmp_path / "register.db"
    db = Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db, stop_before="0010_motion_order_key")
    db.execute("INSERT INTO dossiers (nummer, toevoeging) VALUES (26485, ''), (35000, 'XVII')")
    for dossier, number in ((1, "224"), (1, "9"), (2, "34"), (1, "10")):
        db.execute(
            "INSERT INTO kamerstukken (dossier_id, ondernummer) VALUES (?, ?)", (dossier, number)
        )
    for kamerstuk in (1, 2, 3, 4):
        db.execute("INSERT INTO motions (kamerstuk_id) VALUES (?)", (kamerstuk,))
    db.execute("INSERT INTO motions (zaaknummer) VALUES ('2025Z12345')")
    db.conn.commit()
    db.close()
    with Store.open(path) as store:
        found = motions.list_motions(store.db)
        assert [m.kamerstuk.letter_style() if m.kamerstuk else m.zaaknummer for m in found] == [
            "2025Z12345",
            "Kamerstuk 26 485, nr. 9",
            "Kamerstuk 26 485, nr. 10",
            "Kamerstuk 26 485, nr. 224",
            "Kamerstuk 35 000 XVII, nr. 34",
        ]
        keys = execute(store.db, "SELECT volgorde FROM motions ORDER BY id").scalars().all()
        assert keys == [motions.order_key(m.kamerstuk) for m in sorted(found, key=lambda m: m.id)]
