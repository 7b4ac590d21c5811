"""Time from process start to a shown main window on the demo registry (offscreen Qt).

Usage: .venv/bin/python bench/startup.py [--runs N] [--out bench/startup.json]

Each run is a fresh process (``--child``), started by this script, which notes the wall
clock just before starting it. The child builds the window exactly as ``voortgang gui``
does (``desktop.app.preload_core``, TaskManager, MainWindow, start, show) and reports two
moments: the window shown (its first paint done) and every view filled from the registry.
Also measured, the same way, are two floors: a process that imports the core the window
needs (the store with SQLAlchemy and sqlite-utils) and PySide6's widgets and shows an empty
QMainWindow (``floor``), and one that only imports PySide6 and shows the empty window
(``floor_qt``). Figures are medians.

The children run with bytecode caching on (in a temporary ``PYTHONPYCACHEPREFIX``, written
by a first run that is not counted), as an installed or frozen app has its ``.pyc`` files:
with ``PYTHONDONTWRITEBYTECODE`` set, every start would compile our sources again.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 0.35
# The issue's figures: 0.52 s shown and a floor of 0.20 s on the machine it was measured on.
ISSUE_FLOOR_SECONDS = 0.20


def child(db: Path, started: float, floor: str | None) -> None:
    """Runs in the measured process: build and show the window, print the moments."""
    if floor != "qt":
        from desktop.app import preload_core

        preload_core()  # as ``voortgang gui`` does, before PySide6
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    moments: dict[str, float] = {}
    if floor:
        window = QMainWindow()
        window.resize(1440, 860)
    else:
        from desktop.ui.app import configure_application
        from desktop.ui.common.tasks import TaskManager
        from desktop.ui.main_window import MainWindow

        configure_application(app)
        settings = QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat)
        window = MainWindow(TaskManager(db), settings)
        window.start()

    def shown() -> None:
        window.repaint()
        moments["shown"] = time.time() - started
        if floor or not window.tasks.busy:
            loaded()
        else:
            window.tasks.became_idle.connect(loaded)

    def loaded() -> None:
        if "loaded" not in moments:
            moments["loaded"] = time.time() - started
            print(json.dumps(moments), flush=True)
            if not floor:
                window.tasks.shutdown()
            app.quit()

    window.show()
    QTimer.singleShot(0, shown)
    app.exec()


def run_once(db: Path, floor: str | None, pycache: Path) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    command = [sys.executable, __file__, "--child", str(db), "--started"]
    started = time.time()
    command.append(repr(started))
    if floor:
        command += ["--floor", floor]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, help="write the figures as JSON")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--started", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--floor", choices=("core", "qt"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.started, args.floor)
        return 0
    sys.path.insert(0, str(ROOT))
    from desktop import paths
    from desktop.core.demo import load_demo
    from desktop.core.store import Store

    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "register.db"
        with Store.open(db) as store:
            load_demo(store, paths.resources_dir())
        pycache = Path(work) / "pycache"
        run_once(db, None, pycache)  # write the bytecode and warm the file cache; not counted
        window, floor, floor_qt = [], [], []
        for _ in range(args.runs):  # interleaved, so a busy moment touches all three alike
            window.append(run_once(db, None, pycache))
            floor.append(run_once(db, "core", pycache))
            floor_qt.append(run_once(db, "qt", pycache))
    shown = statistics.median(r["shown"] for r in window)
    floor_shown = statistics.median(r["shown"] for r in floor)
    floor_qt_shown = statistics.median(r["shown"] for r in floor_qt)
    results = {
        "runs": args.runs,
        "shown_s": round(shown, 3),
        "shown_max_s": round(max(r["shown"] for r in window), 3),
        "loaded_s": round(statistics.median(r["loaded"] for r in window), 3),
        "floor_shown_s": round(floor_shown, 3),
        "floor_qt_shown_s": round(floor_qt_shown, 3),
        "shown_over_floor": round(shown / floor_shown, 2),
        "shown_over_floor_qt": round(shown / floor_qt_shown, 2),
        "target_s": TARGET_SECONDS,
        "target_over_issue_floor": round(TARGET_SECONDS / ISSUE_FLOOR_SECONDS, 2),
    }
    print(json.dumps(results, indent=2))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
