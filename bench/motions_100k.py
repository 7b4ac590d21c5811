"""The motions view on 100 000 motions: search keystroke to updated view, and scrolling.

Usage: .venv/bin/python bench/motions_100k.py [--db PAD] [--postgresql] [--out bench/motions_100k.json]

Makes (once; ``--db`` keeps it for the next run) a registry of 100 000 motions through the
core (``motions.add``, one transaction), then drives the real main window under Qt's
offscreen platform:

* **search**: types words into the motions search box one key at a time; for each key the
  time from the key press to the view showing the first page of the new result, repainted
  (end to end, the search pause included), and the work alone (from the end of the pause);
* **scrolling**: scrolls to the end of the list ten times and counts the rows the view has
  (it fetches 200 at a time as you scroll) against the rows in the result.

With ``--postgresql`` the same registry is copied (``copy-registry``) to a throw-away
PostgreSQL server on this machine (Debian's ``initdb``/``pg_ctl``, as the tests start one)
and the window is measured on it too, in the same run: figures under ``postgresql``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

COUNT = 100_000
WORDS = [
    "klimaat",
    "handel",
    "mensenrechten",
    "convenant",
    "ambassade",
    "kinderarbeid",
    "textiel",
    "goud",
    "bank",
    "verzekeraar",
    "natuursteen",
    "voedsel",
    "metaal",
    "hout",
    "bosbouw",
    "pensioen",
    "energie",
    "water",
    "landbouw",
]
NAMES = ("Van Laar", "Diks", "Van den Hul", "Amhaouch", "Karabulut", "Voordewind", "Jan Vos")
TYPED = ("klimaat", "van laar", "26 485")
TARGET_MS = 30.0
TARGET_P95_MS = 60.0


def make_registry(path: Path, count: int) -> None:
    """``count`` motions in dossiers of 200, with searchable subjects and requests."""
    from desktop.core.domain.kamerstuk import KamerstukRef
    from desktop.core.domain.models import Motion
    from desktop.core.store import Store, motions

    rng = random.Random(1)
    with Store.open(path, daily_backup=False) as store, store.transaction() as db:
        for index in range(count):
            dossier = 26_485 if index < 200 else 30_000 + index // 200
            words = [rng.choice(WORDS) for _ in range(16)]
            motions.add(
                db,
                Motion(
                    kamerstuk=KamerstukRef(dossier, None, str(index % 200 + 1)),
                    indieners=[rng.choice(NAMES)],
                    onderwerp=" ".join(words[:4]),
                    verzoeken=["verzoekt de regering " + " ".join(words[4:])],
                    uitslag="aangenomen",
                    status=rng.choice(("openstaand", "in uitvoering", "afgedaan")),
                ),
            )


def measure(path: Path | str) -> dict[str, object]:
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.ui.common.tasks import TaskManager
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as work:
        settings = QSettings(str(Path(work) / "ui.ini"), QSettings.Format.IniFormat)
        started = time.perf_counter()
        window = MainWindow(TaskManager(path), settings)
        window.resize(1440, 860)
        window.start()
        window.show()
        view = window.views.motions
        window.tabs.setCurrentWidget(view)

        def wait(condition: object, limit: float = 120.0) -> None:
            end = time.perf_counter() + limit
            while not condition():  # type: ignore[operator]
                # Sleep until an event comes (the worker's answer is one): no busy loop
                # competing with the database thread for the interpreter.
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
                if time.perf_counter() > end:
                    raise TimeoutError

        wait(lambda: view.loaded)
        first_page_s = time.perf_counter() - started
        wait(lambda: not window.tasks.busy)
        everything_s = time.perf_counter() - started

        shown: list[float] = []
        original = view.set_rows

        def recording_set_rows(rows: object, *, complete: bool = True) -> None:
            original(rows, complete=complete)  # type: ignore[arg-type]
            view.table.viewport().repaint()
            shown.append(time.perf_counter())

        view.set_rows = recording_set_rows  # type: ignore[method-assign]
        fired: list[float] = []
        view._search_timer.timeout.connect(lambda: fired.append(time.perf_counter()))

        end_to_end: list[float] = []
        work_ms: list[float] = []
        per_word: dict[str, list[float]] = {}
        for word in TYPED:
            view.search_box.clear()
            wait(lambda: not window.tasks.busy and not view.search_pending)
            per_word[word] = []
            for key in word:
                shown.clear()
                fired.clear()
                pressed = time.perf_counter()
                QTest.keyClicks(view.search_box, key)
                wait(lambda: bool(shown))
                total = (shown[0] - pressed) * 1000
                end_to_end.append(total)
                per_word[word].append(round(total, 1))
                work_ms.append((shown[0] - fired[0]) * 1000)
                # The next key comes when the first page is shown; the rest may still load.
        view.set_rows = original  # type: ignore[method-assign]

        view.search_box.clear()
        wait(lambda: not window.tasks.busy and not view.search_pending)
        model = view.table.model()
        total_rows = view.record_count()
        before = model.rowCount()
        scroll = view.table.verticalScrollBar()
        steps: list[float] = []
        for _ in range(10):
            step = time.perf_counter()
            scroll.setValue(scroll.maximum())
            app.processEvents()
            view.table.viewport().repaint()
            steps.append((time.perf_counter() - step) * 1000)
        after = model.rowCount()
        window.tasks.shutdown()
        window.close()
    return {
        "motions": COUNT,
        "first_page_after_start_s": round(first_page_s, 3),
        "all_rows_loaded_s": round(everything_s, 3),
        "search_delay_ms": view._search_timer.interval(),
        "keystroke_to_view_ms_median": round(statistics.median(end_to_end), 1),
        "keystroke_to_view_ms_p90": round(sorted(end_to_end)[int(len(end_to_end) * 0.9)], 1),
        "keystroke_to_view_ms_p95": round(statistics.quantiles(end_to_end, n=20)[-1], 1),
        "keystroke_to_view_ms_max": round(max(end_to_end), 1),
        "work_ms_median": round(statistics.median(work_ms), 1),
        "work_ms_max": round(max(work_ms), 1),
        "per_key_ms": per_word,
        "rows_in_result": total_rows,
        "rows_in_view_before_scrolling": before,
        "rows_in_view_after_10_scrolls": after,
        "scroll_step_ms_max": round(max(steps), 1),
        "target_ms": TARGET_MS,
        "target_p95_ms": TARGET_P95_MS,
    }


def query_floor(path: Path | str) -> dict[str, float]:
    """The first-page query alone, without Qt: what a keystroke cannot get below."""
    from desktop.core.store import Store, motions

    timings: list[float] = []
    with Store.open(path, daily_backup=False) as store:
        for word in ("", *TYPED):
            for end in range(1, len(word) + 1) if word else [0]:
                runs = []
                for _ in range(3):
                    start = time.perf_counter()
                    motions.list_motions(store.db, search=word[:end] or None, limit=200)
                    runs.append((time.perf_counter() - start) * 1000)
                timings.append(statistics.median(runs))
    return {
        "query_only_ms_median": round(statistics.median(timings), 1),
        "query_only_ms_max": round(max(timings), 1),
        "query_only_ms_unfiltered": round(timings[0], 1),
    }


def on_server(path: Path) -> dict[str, object]:
    """The same measurements on a copy of the registry on a throw-away PostgreSQL server."""
    from desktop.core.services import team
    from tests import postgres

    # Its own folder (the server runs as the postgres user, which cannot enter ours).
    server = postgres.start(Path(tempfile.mkdtemp(prefix="voortgang-pg-")))
    try:
        address = server.url(server.create_database("zoeken", template=None))
        started = time.perf_counter()
        team.copy_registry(path, address)
        print(f"copied to PostgreSQL in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        figures = measure(address)
        figures.update(query_floor(address))
        return figures
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="registry to use (made when missing, then kept)")
    parser.add_argument("--out", type=Path, help="write the figures as JSON")
    parser.add_argument(
        "--postgresql", action="store_true", help="also on a throw-away PostgreSQL server"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        path = args.db or Path(work) / "motions-100k.db"
        if not path.exists():
            made = time.perf_counter()
            make_registry(path, COUNT)
            print(f"registry made in {time.perf_counter() - made:.0f} s", file=sys.stderr)
        results = measure(path)
        results.update(query_floor(path))
        if args.postgresql:
            results["postgresql"] = on_server(path)
    print(json.dumps(results, indent=2))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
