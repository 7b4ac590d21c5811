"""Kill Voortgang with SIGKILL at random moments during imports, edits and exports.

After every kill: ``PRAGMA integrity_check`` is ok, every committed edit is present, no
import is half-applied, and the export target is the old file or the complete new one.

Usage: .venv/bin/python bench/crash_harness.py [--trials 200] [--seed 1] [--out FILE.json]
The short CI form runs the same trials (tests/test_crash_safety.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMPORT_BATCH = 150
TEST_DOSSIER = 99991  # not a real dossier: the harness's own generated motions

_EDIT_CHILD = """
import os, sys
from desktop.core.store import Store, motions
store = Store.open(__import__('pathlib').Path(sys.argv[1]), daily_backup=False)
journal = open(sys.argv[2], 'a')
i = int(sys.argv[3])
while True:
    i += 1
    with store.transaction() as db:
        motion = motions.get(db, 1)
        motion.notities = f'bewerking {i}'
        motions.update(db, motion)
        motions.set_status(db, 2, 'in uitvoering' if i % 2 else 'deels afgedaan')
    journal.write(f'{i}\\n'); journal.flush(); os.fsync(journal.fileno())
"""

_EXPORT_CHILD = """
import sys
from pathlib import Path
from desktop import paths
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.export import export_letter
from desktop.core.store import Store, letters
store = Store.open(Path(sys.argv[1]), daily_backup=False)
letter = letters.find_by_kenmerk(store.db, 'Min-BuZa.2020.396')
library = TemplateLibrary(paths.shipped_templates_dir())
while True:
    export_letter(store.db, letter, library, Path(sys.argv[2]),
                  emblem=None)
"""


def motion_text(number: int) -> str:
    """A generated motion in the official format (test data for the harness)."""
    return (
        f"{TEST_DOSSIER} Proefdossier voor de crashtest\n\n"
        f"Nr. {number} MOTIE VAN HET LID PROEF\n\n"
        "Voorgesteld 1 januari 2026\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\n"
        f"constaterende dat dit proefmotie {number} is;\n\n"
        "verzoekt de regering, deze motie te bewaren,\n\n"
        "en gaat over tot de orde van de dag.\n\nProef\n"
    )


@dataclass
class Results:
    """Counts per scenario and every violation found."""

    trials: int = 0
    per_scenario: dict[str, int] = field(default_factory=dict)
    corrupted_stores: int = 0
    half_imports: int = 0
    lost_commits: int = 0
    broken_word_files: int = 0
    kills_mid_transaction: int = 0
    imports_complete: int = 0
    imports_none: int = 0
    edits_committed: int = 0
    exports_replaced: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (
            self.corrupted_stores
            or self.half_imports
            or self.lost_commits
            or self.broken_word_files
        )


def _python() -> str:
    return sys.executable


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "VOORTGANG_DB"}
    env["PYTHONPATH"] = str(ROOT)
    return env


def prepare(work: Path) -> tuple[Path, Path, Path]:
    """A demo registry, a first export of it, and the import batch."""
    base = work / "basis.db"
    subprocess.run(
        [_python(), "-m", "desktop", "--db", str(base), "init", "--demo"],
        check=True,
        capture_output=True,
        env=_env(),
        cwd=ROOT,
    )
    old_export = work / "oud.docx"
    subprocess.run(
        [
            _python(),
            "-m",
            "desktop",
            "--db",
            str(base),
            "export",
            "Min-BuZa.2020.396",
            "-o",
            str(old_export),
        ],
        check=True,
        capture_output=True,
        env=_env(),
        cwd=ROOT,
    )
    batch = work / "moties"
    batch.mkdir()
    for number in range(1, IMPORT_BATCH + 1):
        (batch / f"motie-{number:03d}.txt").write_text(motion_text(number), encoding="utf-8")
    # Checkpoint so the copy below is the whole database in one file.
    conn = sqlite3.connect(base)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return base, old_export, batch


def _fresh_copy(base: Path, trial_dir: Path) -> Path:
    trial_dir.mkdir()
    target = trial_dir / "register.db"
    shutil.copy(base, target)
    return target


def _kill_after(process: subprocess.Popen[bytes], delay: float) -> None:
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.005)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()


def _check_store(path: Path, results: Results, label: str) -> sqlite3.Connection | None:
    try:
        conn = sqlite3.connect(path)
        state = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        results.corrupted_stores += 1
        results.failures.append(f"{label}: cannot open store: {exc}")
        return None
    if state != "ok":
        results.corrupted_stores += 1
        results.failures.append(f"{label}: integrity_check {state}")
        conn.close()
        return None
    return conn


def trial_import(base: Path, batch: Path, trial_dir: Path, delay: float, results: Results) -> None:
    store = _fresh_copy(base, trial_dir)
    files = sorted(str(p) for p in batch.glob("*.txt"))
    process = subprocess.Popen(
        [_python(), "-m", "desktop", "--db", str(store), "import", "motion", *files],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(),
        cwd=ROOT,
    )
    _kill_after(process, delay)
    conn = _check_store(store, results, f"import {trial_dir.name}")
    if conn is None:
        return
    count = conn.execute(
        "SELECT count(*) FROM motions m JOIN kamerstukken k ON k.id = m.kamerstuk_id "
        "JOIN dossiers d ON d.id = k.dossier_id WHERE d.nummer = ?",
        (TEST_DOSSIER,),
    ).fetchone()[0]
    conn.close()
    if count == IMPORT_BATCH:
        results.imports_complete += 1
    elif count == 0:
        results.imports_none += 1
    if count not in (0, IMPORT_BATCH):
        results.half_imports += 1
        results.failures.append(f"import {trial_dir.name}: {count} of {IMPORT_BATCH} motions")


def trial_edit(base: Path, trial_dir: Path, delay: float, results: Results) -> None:
    store = _fresh_copy(base, trial_dir)
    journal = trial_dir / "journaal.txt"
    journal.write_text("", encoding="utf-8")
    process = subprocess.Popen(
        [_python(), "-c", _EDIT_CHILD, str(store), str(journal), "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(),
        cwd=ROOT,
    )
    _kill_after(process, delay)
    conn = _check_store(store, results, f"edit {trial_dir.name}")
    if conn is None:
        return
    notes = conn.execute("SELECT notities FROM motions WHERE id = 1").fetchone()[0]
    history = conn.execute(
        "SELECT count(*) FROM status_history WHERE entity = 'motion' AND entity_id = 2"
    ).fetchone()[0]
    conn.close()
    stored = int(notes.split()[-1]) if notes.startswith("bewerking") else 0
    lines = journal.read_text(encoding="utf-8").split()
    acknowledged = int(lines[-1]) if lines else 0
    if stored < acknowledged or stored > acknowledged + 1:
        results.lost_commits += 1
        results.failures.append(
            f"edit {trial_dir.name}: store has edit {stored}, journal acknowledged {acknowledged}"
        )
    if stored and history < stored:  # each edit also changed the status of motion 2
        results.half_imports += 1
        results.failures.append(f"edit {trial_dir.name}: {history} status changes for {stored}")
    results.edits_committed += stored
    if 0 < stored == acknowledged + 1:
        results.kills_mid_transaction += 1


def _valid_export(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
            if bad:
                return f"damaged member {bad}"
            notes = archive.read("word/footnotes.xml").decode("utf-8")
            body = archive.read("word/document.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        return str(exc)
    if notes.count("<w:footnoteRef/>") != 9 or "Sigrid A.M. Kaag" not in body:
        return "incomplete content"
    import docx

    try:
        docx.Document(str(path))
    except Exception as exc:
        return f"python-docx: {exc}"
    return None


def trial_export(
    base: Path, old_export: Path, trial_dir: Path, delay: float, results: Results
) -> None:
    store = _fresh_copy(base, trial_dir)
    target = trial_dir / "brief.docx"
    shutil.copy(old_export, target)
    before = target.stat().st_ino
    process = subprocess.Popen(
        [_python(), "-c", _EXPORT_CHILD, str(store), str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(),
        cwd=ROOT,
    )
    _kill_after(process, delay)
    if target.stat().st_ino != before:
        results.exports_replaced += 1
    problem = _valid_export(target)
    if problem:
        results.broken_word_files += 1
        results.failures.append(f"export {trial_dir.name}: {problem}")
    conn = _check_store(store, results, f"export {trial_dir.name}")
    if conn is not None:
        conn.close()


def run_trials(trials: int, seed: int, work: Path) -> Results:
    """Run ``trials`` kills, cycling through import, edit and export."""
    rng = random.Random(seed)
    base, old_export, batch = prepare(work)
    results = Results()
    for number in range(trials):
        scenario = ("import", "edit", "export")[number % 3]
        trial_dir = work / f"proef-{number:04d}-{scenario}"
        # Imports finish in about a second; kill them inside that window more often.
        delay = rng.uniform(0.2, 1.2) if scenario == "import" else rng.uniform(0.05, 2.5)
        if scenario == "import":
            trial_import(base, batch, trial_dir, delay, results)
        elif scenario == "edit":
            trial_edit(base, trial_dir, delay, results)
        else:
            trial_export(base, old_export, trial_dir, delay, results)
        results.trials += 1
        results.per_scenario[scenario] = results.per_scenario.get(scenario, 0) + 1
        shutil.rmtree(trial_dir, ignore_errors=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="voortgang-crash-") as work:
        results = run_trials(args.trials, args.seed, Path(work))
    summary = asdict(results) | {"seconds": round(time.monotonic() - start, 1), "ok": results.ok}
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    if args.out:
        args.out.write_text(
            json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0 if results.ok else 1


if __name__ == "__main__":
    sys.exit(main())
