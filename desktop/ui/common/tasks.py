"""One worker thread for all database work; results come back to the GUI thread by signals.

The store's SQLite connection is tied to the thread that opened it, so the
:class:`TaskManager` opens the :class:`~desktop.core.store.Store` on its own worker
thread and runs every database function there, one after the other (the Anki
``taskman`` pattern). Callers hand in a function ``fn(store) -> result`` and callbacks;
the callbacks always run on the GUI thread.

* ``on_success(result)`` gets the function's return value.
* ``on_failure(error)`` gets a :class:`~desktop.core.errors.UserError` (a problem the
  user can act on, with its Dutch message).
* Anything else is a bug: it goes to the crash handler (the crash dialog), then to the
  task's ``on_crash`` so the caller can restore what the user typed.

Long work checks a :class:`TaskControl` (``raise_if_cancelled``) and reports progress
through it. A cancelled task's results are dropped; a cancelled task that has not
started yet never runs; a running *read-only* task (``interruptible=True``) also has its
current SQLite statement stopped (through SQLite's progress handler, on the worker
itself), so a stale search does not delay the next one.
"""

from __future__ import annotations

import contextlib
import itertools
import queue
import sqlite3
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal

from desktop.core.errors import UserError
from desktop.core.services.progress import Cancelled
from desktop.core.store import Store
from desktop.core.store.changes import backend_pid
from desktop.core.store.engine import Address, parse_address
from desktop.core.store.rows import ConnectionLost

T = TypeVar("T")
# SQLite virtual-machine steps between checks for a cancelled read (about a millisecond).
PROGRESS_STEPS = 20_000

ProgressCallback = Callable[[int, int, str], None]
CrashHandler = Callable[[BaseException], None]


class TaskControl:
    """The cancel flag and progress reporter of one task (safe to use from any thread)."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._reporter: ProgressCallback | None = None

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._event.is_set()

    def cancel(self) -> None:
        """Ask the task to stop; its results will be dropped."""
        self._event.set()

    def raise_if_cancelled(self) -> None:
        """Stop the task's function here when it was cancelled."""
        if self._event.is_set():
            raise Cancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        """Report progress (``done`` of ``total``) to the GUI thread."""
        if self._reporter is not None and not self._event.is_set():
            self._reporter(done, total, text)


@dataclass(eq=False)
class _Job:
    id: int
    fn: Callable[[Store], Any]
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[UserError], None] | None
    progress: ProgressCallback | None
    on_crash: Callable[[BaseException], None] | None
    control: TaskControl
    interruptible: bool = False


class _Bridge(QObject):
    """Lives on the GUI thread; the worker emits these, Qt queues them across threads."""

    succeeded = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int, str)


class _WorkerThread(QThread):
    """The single thread that owns the store and runs the jobs in order."""

    def __init__(self, address: Address, bridge: _Bridge) -> None:
        super().__init__()
        self.setObjectName("voortgang-database")
        self.jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._address = address
        self._bridge = bridge
        self._current: _Job | None = None
        # The server process of this thread's connection: its own changes are not news.
        self.backend_pid: int | None = None

    def _should_abort(self) -> int:
        """SQLite's progress handler: a non-zero answer interrupts the running statement."""
        job = self._current
        return int(job is not None and job.interruptible and job.control.cancelled)

    def run(self) -> None:
        store: Store | None = None
        try:
            while (job := self.jobs.get()) is not None:
                if job.control.cancelled:
                    self._bridge.failed.emit(job.id, Cancelled())
                    continue
                self._current = job
                try:
                    if store is None:
                        store = Store.open(self._address)
                        self.backend_pid = backend_pid(store.db)
                        # Checked on the worker itself, so a cancel can never be missed
                        # (sqlite3_interrupt from another thread is lost between statements).
                        store.set_abort_check(self._should_abort, PROGRESS_STEPS)
                    result = job.fn(store)
                except BaseException as error:
                    if isinstance(error, ConnectionLost) and store is not None:
                        # Start afresh with the next job: a new connection once the
                        # network is back.
                        with contextlib.suppress(Exception):
                            store.close()
                        store = None
                        self.backend_pid = None
                    self._bridge.failed.emit(job.id, error)
                else:
                    self._bridge.succeeded.emit(job.id, result)
                finally:
                    self._current = None
        finally:
            if store is not None:
                store.close()


def _default_crash_handler(error: BaseException) -> None:
    sys.excepthook(type(error), error, error.__traceback__)


class TaskManager(QObject):
    """Runs database work on one worker thread and hands results back to the GUI thread.

    Args:
        path: the registry file (None: an in-memory store, for tests).
        crash_handler: called on the GUI thread with errors that are bugs.
        failure_handler: shows user errors of tasks that have no ``on_failure``.
        synchronous: run each function at once on the calling thread (tests, scripts).
    """

    became_idle = Signal()

    def __init__(
        self,
        address: Address | Path | str | None,
        *,
        crash_handler: CrashHandler | None = None,
        failure_handler: Callable[[UserError], None] | None = None,
        synchronous: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.address = address if isinstance(address, Address) else parse_address(address)
        # The registry file (None for a registry in memory or on a server).
        self.path = self.address.path if not self.address.is_server else None
        self.crash_handler: CrashHandler = crash_handler or _default_crash_handler
        self.failure_handler: Callable[[UserError], None] = failure_handler or self.crash_handler
        self._ids = itertools.count(1)
        self._jobs: dict[int, _Job] = {}
        self._closed = False
        self._synchronous = synchronous
        self._sync_store: Store | None = None
        self._bridge = _Bridge()
        self._bridge.succeeded.connect(self._on_bridge_succeeded)
        self._bridge.failed.connect(self._on_bridge_failed)
        self._bridge.progressed.connect(self._on_bridge_progressed)
        self._thread: _WorkerThread | None = None
        if not synchronous:
            self._thread = _WorkerThread(self.address, self._bridge)
            self._thread.start()

    # -- public ---------------------------------------------------------------------

    def own_backend_pids(self) -> set[int]:
        """The server processes of this window's connections (to tell its own changes)."""
        pid = self._thread.backend_pid if self._thread is not None else None
        return {pid} if pid is not None else set()

    @property
    def busy(self) -> bool:
        """True while tasks are queued or running."""
        return bool(self._jobs)

    @property
    def closed(self) -> bool:
        """True after :meth:`shutdown`."""
        return self._closed

    def run(
        self,
        fn: Callable[[Store], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[UserError], None] | None = None,
        progress: ProgressCallback | None = None,
        *,
        control: TaskControl | None = None,
        on_crash: Callable[[BaseException], None] | None = None,
        interruptible: bool = False,
    ) -> TaskControl:
        """Queue ``fn(store)`` on the worker; returns its control (for :meth:`cancel`).

        Pass your own ``control`` when ``fn`` needs it (to check for cancelling or to
        report progress). ``interruptible`` marks read-only work whose running SQL
        statement may be interrupted when the task is cancelled.
        """
        job = _Job(
            id=next(self._ids),
            fn=fn,
            on_success=on_success,
            on_failure=on_failure,
            progress=progress,
            on_crash=on_crash,
            control=control or TaskControl(),
            interruptible=interruptible,
        )
        if self._closed:
            job.control.cancel()
            return job.control
        self._jobs[job.id] = job
        job.control._reporter = lambda done, total, text: self._bridge.progressed.emit(
            job.id, done, total, text
        )
        if self._synchronous:
            self._run_now(job)
        else:
            assert self._thread is not None
            self._thread.jobs.put(job)
        return job.control

    def run_in_thread(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[UserError], None] | None = None,
    ) -> TaskControl:
        """Run slow work that needs no store (LibreOffice, a conversion) on its own thread.

        The database worker stays free meanwhile. Results and errors come back to the
        GUI thread like those of :meth:`run`; a cancelled task's result is dropped (the
        function itself runs to its end: a subprocess cannot be stopped halfway). The
        thread is a daemon thread, so closing the program never waits for it.
        """
        job = _Job(
            id=next(self._ids),
            fn=lambda _store: fn(),
            on_success=on_success,
            on_failure=on_failure,
            progress=None,
            on_crash=None,
            control=TaskControl(),
        )
        if self._closed:
            job.control.cancel()
            return job.control
        self._jobs[job.id] = job
        if self._synchronous:
            try:
                result = fn()
            except BaseException as error:
                self._on_bridge_failed(job.id, error)
            else:
                self._on_bridge_succeeded(job.id, result)
            return job.control
        bridge = self._bridge  # the thread keeps the bridge alive until it has reported

        def work() -> None:
            try:
                result = fn()
            except BaseException as error:
                bridge.failed.emit(job.id, error)
            else:
                bridge.succeeded.emit(job.id, result)

        threading.Thread(target=work, name="voortgang-achtergrond", daemon=True).start()
        return job.control

    def shutdown(self) -> None:
        """Finish queued writes, drop queued reads, close the store and stop the thread."""
        if self._closed:
            return
        self._closed = True
        for job in list(self._jobs.values()):
            if job.interruptible:
                job.control.cancel()
        if self._thread is not None:
            self._thread.jobs.put(None)
            self._thread.wait()
        if self._sync_store is not None:
            self._sync_store.close()
            self._sync_store = None
        self._jobs.clear()

    # -- dispatch on the GUI thread ---------------------------------------------------

    def _run_now(self, job: _Job) -> None:
        try:
            if self._sync_store is None:
                self._sync_store = Store.open(self.address)
            result = job.fn(self._sync_store)
        except BaseException as error:
            self._on_bridge_failed(job.id, error)
        else:
            self._on_bridge_succeeded(job.id, result)

    def _finish(self, job_id: int) -> None:
        self._jobs.pop(job_id, None)
        if not self._jobs and not self._closed:
            self.became_idle.emit()

    def _on_bridge_succeeded(self, job_id: int, result: object) -> None:
        job = self._jobs.get(job_id)
        if job is None:
            return
        # Run the callback before the job counts as done, so `busy` stays true until the
        # view has the result (tests wait on it).
        try:
            if not job.control.cancelled and job.on_success is not None:
                job.on_success(result)
        finally:
            self._finish(job_id)

    def _on_bridge_failed(self, job_id: int, error: object) -> None:
        job = self._jobs.get(job_id)
        if job is None:
            return
        assert isinstance(error, BaseException)
        try:
            if job.control.cancelled or isinstance(error, Cancelled):
                return
            cause = getattr(error, "orig", None) or error
            interrupted = isinstance(cause, sqlite3.OperationalError) and "interrupt" in str(cause)
            if interrupted and job.interruptible:
                return
            if isinstance(error, UserError):
                (job.on_failure or self.failure_handler)(error)
                return
            self.crash_handler(error)
            if job.on_crash is not None:
                job.on_crash(error)
        finally:
            self._finish(job_id)

    def _on_bridge_progressed(self, job_id: int, done: int, total: int, text: str) -> None:
        job = self._jobs.get(job_id)
        if job is not None and job.progress is not None and not job.control.cancelled:
            job.progress(done, total, text)
