"""The task manager: one database thread, results on the GUI thread, cancel, shutdown."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Motion
from desktop.core.errors import InvalidInput, UserError
from desktop.core.store import Store, motions
from desktop.core.store.rows import execute
from desktop.ui.common.tasks import TaskControl, TaskManager

WAIT_MS = 5000


@pytest.fixture
def manager(tmp_path: Path, qtbot: Any) -> Any:
    crashes: list[BaseException] = []
    tasks = TaskManager(tmp_path / "register.db", crash_handler=crashes.append)
    tasks.crashes = crashes  # type: ignore[attr-defined]
    yield tasks
    tasks.shutdown()


def wait_done(qtbot: Any, tasks: TaskManager) -> None:
    qtbot.waitUntil(lambda: not tasks.busy, timeout=WAIT_MS)


def test_work_runs_on_one_worker_thread_and_results_arrive_on_the_gui_thread(qtbot, manager):
    seen: list[tuple[int, int]] = []
    gui_thread = threading.get_ident()
    for _ in range(3):
        manager.run(
            lambda store: threading.get_ident(),
            lambda worker: seen.append((worker, threading.get_ident())),
        )
    wait_done(qtbot, manager)
    workers = {worker for worker, _ in seen}
    assert len(seen) == 3
    assert len(workers) == 1 and gui_thread not in workers
    assert {receiver for _, receiver in seen} == {gui_thread}


def test_the_store_is_opened_on_the_worker_and_reused(qtbot, manager):
    stores: list[Store] = []
    for _ in range(2):
        manager.run(lambda store: store, stores.append)
    wait_done(qtbot, manager)
    assert stores[0] is stores[1]
    assert stores[0].path == manager.path


def test_user_errors_go_to_on_failure_with_their_dutch_message(qtbot, manager):
    failures: list[str] = []

    def fail(store: Store) -> None:
        raise InvalidInput("‘26 485 nr’ is geen Kamerstuknummer.")

    manager.run(
        fail, lambda _: pytest.fail("no success expected"), lambda e: failures.append(str(e))
    )
    wait_done(qtbot, manager)
    assert failures == ["‘26 485 nr’ is geen Kamerstuknummer."]
    assert manager.crashes == []


def test_user_errors_without_on_failure_go_to_the_failure_handler(qtbot, manager):
    shown: list[UserError] = []
    manager.failure_handler = shown.append
    manager.run(lambda store: motions.get(store.db, 999))
    wait_done(qtbot, manager)
    assert "Er is geen motie met nummer 999" in str(shown[0])


def test_bugs_go_to_the_crash_handler_then_on_crash(qtbot, manager):
    restored: list[BaseException] = []
    manager.run(
        lambda store: 1 / 0,
        lambda _: pytest.fail("no success expected"),
        lambda _: pytest.fail("a bug is not a user error"),
        on_crash=restored.append,
    )
    wait_done(qtbot, manager)
    assert [type(e) for e in manager.crashes] == [ZeroDivisionError]
    assert restored == manager.crashes


def test_a_cancelled_task_that_has_not_started_never_runs(qtbot, manager):
    release = threading.Event()
    ran: list[str] = []
    manager.run(lambda store: release.wait(WAIT_MS / 1000))
    control = manager.run(lambda store: ran.append("second"), lambda _: ran.append("callback"))
    control.cancel()
    release.set()
    wait_done(qtbot, manager)
    assert ran == []


def test_long_work_checks_the_cancel_flag_and_reports_progress(qtbot, manager):
    control = TaskControl()
    progress: list[tuple[int, int, str]] = []
    finished: list[object] = []

    def long_work(store: Store) -> str:
        for step in range(1000):
            control.raise_if_cancelled()
            control.report(step, 1000, "bezig")
            time.sleep(0.005)
        return "klaar"

    def on_progress(done: int, total: int, text: str) -> None:
        progress.append((done, total, text))
        if done >= 2:
            control.cancel()

    manager.run(long_work, finished.append, progress=on_progress, control=control)
    wait_done(qtbot, manager)
    assert finished == []
    assert progress[0] == (0, 1000, "bezig")
    assert len(progress) < 1000


def test_cancelling_an_interruptible_query_stops_it_and_the_store_stays_usable(qtbot, manager):
    endless = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    )
    started = threading.Event()

    def query(store: Store) -> int:
        started.set()
        return int(execute(store.db, endless).scalar())

    control = manager.run(query, lambda _: pytest.fail("cancelled"), interruptible=True)
    assert started.wait(WAIT_MS / 1000)
    began = time.perf_counter()
    control.cancel()
    answers: list[int] = []
    manager.run(lambda store: int(execute(store.db, "SELECT 42").scalar()), answers.append)
    wait_done(qtbot, manager)
    assert answers == [42]
    assert time.perf_counter() - began < 2
    assert manager.crashes == []


def test_shutdown_finishes_queued_writes_and_stops_the_thread(qtbot, tmp_path):
    path = tmp_path / "register.db"
    tasks = TaskManager(path)
    motion = Motion(kamerstuk=KamerstukRef.parse("26 485, nr. 229"), indieners=["Voordewind"])

    def add(store: Store) -> int:
        time.sleep(0.2)
        with store.transaction() as db:
            return motions.add(db, motion)

    tasks.run(add)
    tasks.shutdown()
    tasks.shutdown()  # twice is harmless
    assert tasks.closed and not tasks.busy
    with Store.open(path) as store:
        assert [m.name for m in motions.list_motions(store.db)] == ["de motie Voordewind"]
    assert tasks.run(lambda store: 1).cancelled


def test_synchronous_mode_runs_at_once(tmp_path, qtbot):
    tasks = TaskManager(tmp_path / "register.db", synchronous=True)
    results: list[int] = []
    tasks.run(lambda store: threading.get_ident(), results.append)
    assert results == [threading.get_ident()]
    tasks.shutdown()


def test_became_idle_is_emitted_when_the_queue_drains(qtbot, manager):
    results: list[int] = []
    with qtbot.waitSignal(manager.became_idle, timeout=WAIT_MS):
        manager.run(lambda store: 1, results.append)
        manager.run(lambda store: 2, results.append)
    assert results == [1, 2]


def test_work_without_the_store_runs_beside_the_database_thread(qtbot, manager):
    """Slow work (LibreOffice) never holds the database worker: both run at once."""
    gui_thread = threading.get_ident()
    release = threading.Event()
    seen: list[tuple[str, int, int]] = []
    failures: list[UserError] = []
    manager.run(lambda store: threading.get_ident(), lambda t: seen.append(("db", t, 0)))

    def slow() -> int:
        assert release.wait(WAIT_MS / 1000)
        return threading.get_ident()

    manager.run_in_thread(slow, lambda t: seen.append(("los", t, threading.get_ident())))
    # The database task finishes while the other one still waits.
    qtbot.waitUntil(lambda: any(kind == "db" for kind, _, _ in seen), timeout=WAIT_MS)
    assert manager.busy
    release.set()
    wait_done(qtbot, manager)
    (_, db_thread, _), (_, own_thread, receiver) = seen
    assert own_thread not in (db_thread, gui_thread) and receiver == gui_thread

    def refuse() -> None:
        raise InvalidInput("Geen beeld.")

    manager.run_in_thread(refuse, lambda _: None, failures.append)
    wait_done(qtbot, manager)
    assert [str(f) for f in failures] == ["Geen beeld."] and manager.crashes == []
