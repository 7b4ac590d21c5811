"""Two writers on one store, conflicts, backups and restore, hostile search input."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop import paths
from desktop.core.demo import load_demo
from desktop.core.errors import ConflictError, StoreError
from desktop.core.store import Store, motions
from desktop.core.store.backup import (
    daily_backup,
    list_backups,
    make_backup,
    restore_backup,
    verify_backup,
)
from tests.conftest import REPO


@pytest.fixture
def demo_file(tmp_path):
    path = tmp_path / "register.db"
    with Store.open(path, daily_backup=False) as store:
        load_demo(store, paths.resources_dir())
    return path


def test_second_writer_waits_instead_of_failing(demo_file):
    second = Store.open(demo_file, daily_backup=False)
    started = threading.Event()

    def hold_the_write_lock():
        # A connection belongs to the thread that opened it: open this one here.
        with Store.open(demo_file, daily_backup=False) as first, first.transaction() as db:
            motions.set_status(db, 4, "in uitvoering")
            started.set()
            time.sleep(0.8)

    holder = threading.Thread(target=hold_the_write_lock)
    holder.start()
    assert started.wait(10)
    begin = time.monotonic()
    with second.transaction() as db:  # reads first, then writes: BEGIN IMMEDIATE waits
        motion = motions.get(db, 5)
        motions.set_status(db, motion.id, "in uitvoering")
    waited = time.monotonic() - begin
    holder.join()
    assert waited > 0.5
    assert motions.get(second.db, 4).status == "in uitvoering"
    assert motions.get(second.db, 5).status == "in uitvoering"
    second.close()


def test_two_processes_editing_never_see_database_is_locked(demo_file):
    code = (
        "import sys, pathlib\n"
        "from desktop.core.store import Store, motions\n"
        "store = Store.open(pathlib.Path(sys.argv[1]), daily_backup=False)\n"
        "for i in range(60):\n"
        "    with store.transaction() as db:\n"
        "        m = motions.get(db, int(sys.argv[2]))\n"
        "        m.notities = f'{sys.argv[2]}-{i}'\n"
        "        motions.update(db, m)\n"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(demo_file), str(n)],
            cwd=REPO,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in (4, 5)
    ]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    with Store.open(demo_file, daily_backup=False) as store:
        assert motions.get(store.db, 4).notities == "4-59"
        assert motions.get(store.db, 5).notities == "5-59"


def test_edit_of_a_record_changed_elsewhere_is_detected(demo_file):
    window_a = Store.open(demo_file, daily_backup=False)
    window_b = Store.open(demo_file, daily_backup=False)
    mine = motions.get(window_a.db, 4)
    theirs = motions.get(window_b.db, 4)
    theirs.notities = "gewijzigd in venster B"
    with window_b.transaction() as db:
        motions.update(db, theirs)
    mine.notities = "gewijzigd in venster A"
    with pytest.raises(ConflictError) as info, window_a.transaction() as db:
        motions.update(db, mine)
    assert info.value.entity == "motion" and info.value.entity_id == 4
    assert motions.get(window_a.db, 4).notities == "gewijzigd in venster B"
    # The user chooses to keep their own text: reload the version, save again.
    mine.version = motions.get(window_a.db, 4).version
    with window_a.transaction() as db:
        motions.update(db, mine)
    assert motions.get(window_b.db, 4).notities == "gewijzigd in venster A"
    window_a.close()
    window_b.close()


def test_daily_backup_once_a_day_and_rolling(demo_file):
    with Store.open(demo_file, daily_backup=False) as store:
        first = daily_backup(store.db, demo_file, dt.date(2026, 1, 1))
        assert first is not None and first.exists()
        assert daily_backup(store.db, demo_file, dt.date(2026, 1, 1)) is None
        for day in range(2, 20):
            daily_backup(store.db, demo_file, dt.date(2026, 1, day))
    dailies = [b for b in list_backups(demo_file) if b.kind == "dagelijks"]
    assert len(dailies) == 14


def test_opening_makes_todays_backup(demo_file):
    Store.open(demo_file).close()
    assert [b.kind for b in list_backups(demo_file)] == ["dagelijks"]


def test_backup_and_restore_round_trip(demo_file):
    with Store.open(demo_file, daily_backup=False) as store:
        made = make_backup(store.db, demo_file)
        with store.transaction() as db:
            motions.delete(db, 4)
            motions.set_status(db, 5, "afgedaan")
        assert len(motions.list_motions(store.db)) == 4
        safety = restore_backup(store.db, demo_file, made)
        assert len(motions.list_motions(store.db)) == 5
        assert motions.get(store.db, 5).status == "openstaand"
        assert store.integrity() == "ok"
    # The state before the restore was kept too.
    verify_backup(safety)
    with Store.open(safety, daily_backup=False) as before:
        assert len(motions.list_motions(before.db)) == 4


def test_restore_refuses_a_damaged_or_foreign_file(demo_file, tmp_path):
    damaged = tmp_path / "kapot.db"
    data = bytearray(demo_file.read_bytes())
    data[5000:9000] = b"\x00" * 4000
    damaged.write_bytes(bytes(data))
    text = tmp_path / "tekst.db"
    text.write_text("geen database", encoding="utf-8")
    with Store.open(demo_file, daily_backup=False) as store:
        for bad in (damaged, text, tmp_path / "bestaat-niet.db"):
            with pytest.raises(StoreError):
                restore_backup(store.db, demo_file, bad)
        assert len(motions.list_motions(store.db, status="all")) == 5


@pytest.fixture(scope="module")
def search_store():
    with Store.open(None) as store:
        load_demo(store, paths.resources_dir())
        yield store


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(max_size=60)
    | st.sampled_from(['"', "AND", "*", "NEAR(", "-", "OR NOT", "^", "col:", "(", '"a" AND "', "'"])
)
def test_any_search_text_gives_results_or_none_never_an_error(search_store, text):
    from desktop.core.store import commitments, convenanten, eu

    db = search_store.db
    assert isinstance(motions.list_motions(db, status="all", search=text), list)
    assert isinstance(commitments.list_commitments(db, search=text), list)
    assert isinstance(convenanten.list_convenanten(db, search=text), list)
    assert isinstance(eu.list_eu_files(db, search=text), list)


def test_a_failing_daily_backup_never_blocks_opening(demo_file, monkeypatch):
    import desktop.core.store.backup as backup_module

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_module, "backup_to", broken)
    with Store.open(demo_file) as store:
        assert store.backup_failed
        assert len(motions.list_motions(store.db, status="all")) == 5


def test_changes_are_signed_with_the_login_name_without_any_variable(monkeypatch):
    import getpass

    from desktop.core.store.rows import current_user

    for name in ("VOORTGANG_USER", "USER", "USERNAME", "LOGNAME"):
        monkeypatch.delenv(name, raising=False)
    assert current_user() == getpass.getuser() != "onbekend"
    monkeypatch.setenv("VOORTGANG_USER", "j.jansen")
    assert current_user() == "j.jansen"
