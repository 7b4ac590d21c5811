"""A team at work on one registry: many processes editing and settling at once, and search.

Usage: .venv/bin/python bench/team_load.py [--db postgresql://…] [--workers 20] [--ops 200]
       [--search-motions 100000] [--out bench/team_load.json]

Without ``--db`` a throw-away PostgreSQL server is started (Debian's ``initdb``/``pg_ctl``,
as the tests do) and removed afterwards.

1. **Load.** ``--workers`` processes each make ``--ops`` changes to 40 shared motions:
   four in five are edits (read, append a token of their own to the notes, save with the
   version check; a :class:`ConflictError` is counted and the edit is read again and
   retried), one in five settles or reopens a motion with the worker's own letter (row
   locks). Afterwards every token must be in the notes exactly once (0 lost updates) and
   every settlement in the history. The same workload on a SQLite file, in the same run,
   is the peer the throughput is compared with.
2. **Search at scale.** ``--search-motions`` motions (made on SQLite, copied to the server
   with ``copy-registry``), then the reference searches of the motions view (first page of
   200 and the count) on both engines: median and p95 per engine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED_MOTIONS = 40
SEARCHES = (
    "klimaat",
    "van laar",
    "26 485",
    "30100",
    "mensenrechten ambassade",
    "kinder",
    "textiel goud",
    "karabulut",
    "zzz",
    "energie water landbouw",
)


def _setup(address: str, workers: int) -> None:
    from desktop.core.domain.kamerstuk import KamerstukRef
    from desktop.core.domain.models import Letter, Motion
    from desktop.core.store import Store, letters, motions

    store = Store.open(address, daily_backup=False, allow_migrate=True)
    with store, store.transaction() as db:
        for number in range(1, SHARED_MOTIONS + 1):
            motions.add(
                db,
                Motion(
                    kamerstuk=KamerstukRef(26_485, None, str(number)),
                    indieners=["Van Laar"],
                    onderwerp=f"gedeelde motie {number}",
                    uitslag="aangenomen",
                ),
            )
        for worker in range(workers):
            letters.add(
                db,
                Letter(
                    betreft=f"Brief {worker}",
                    kenmerk=f"LAST-{worker}",
                    datum=dt.date(2026, 1, 1),
                ),
            )


def _work(address: str, worker: int, ops: int, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from desktop.core.errors import ConflictError, StoreError
    from desktop.core.store import Store, letters, motions

    rng = random.Random(worker)
    conflicts = busy = edits = settles = reopens = 0
    tokens: list[tuple[int, str]] = []
    started = time.perf_counter()
    with Store.open(address, daily_backup=False) as store:
        letter = letters.find_by_kenmerk(store.db, f"LAST-{worker}")
        assert letter is not None and letter.id is not None
        settled: set[int] = set()
        for op in range(ops):
            motion_id = rng.randint(1, SHARED_MOTIONS)
            if op % 5 == 4:
                try:
                    with store.transaction() as db:
                        if motion_id in settled:
                            motions.reopen(db, motion_id, letter.id)
                            reopens += 1
                            settled.discard(motion_id)
                        else:
                            motions.settle(db, motion_id, letter.id, dt.date(2026, 2, 1))
                            settles += 1
                            settled.add(motion_id)
                except StoreError:
                    busy += 1
                continue
            token = f"w{worker}-{op};"
            while True:
                motion = motions.get(store.db, motion_id)
                motion.notities += token
                try:
                    with store.transaction() as db:
                        motions.update(db, motion)
                except ConflictError:
                    conflicts += 1
                    continue
                except StoreError:
                    busy += 1
                    continue
                break
            edits += 1
            tokens.append((motion_id, token))
    queue.put(
        {
            "worker": worker,
            "edits": edits,
            "settles": settles,
            "reopens": reopens,
            "conflicts": conflicts,
            "busy": busy,
            "tokens": tokens,
            "seconds": time.perf_counter() - started,
        }
    )


def _load(address: str, workers: int, ops: int) -> dict[str, object]:
    from desktop.core.store import Store, motions
    from desktop.core.store.rows import scalar

    _setup(address, workers)
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    processes = [
        context.Process(target=_work, args=(address, worker, ops, queue))
        for worker in range(workers)
    ]
    started = time.perf_counter()
    for process in processes:
        process.start()
    results = [queue.get(timeout=1800) for _ in processes]
    for process in processes:
        process.join(60)
    elapsed = time.perf_counter() - started
    failed = [p.exitcode for p in processes if p.exitcode != 0]
    with Store.open(address, daily_backup=False) as store:
        notes = {m.id: m.notities for m in motions.list_motions(store.db)}
        settlements_stored = int(scalar(store.db, "SELECT count(*) FROM motion_settlements"))
    lost = 0
    duplicated = 0
    for result in results:
        for motion_id, token in result["tokens"]:
            found = notes[motion_id].count(token)
            lost += found == 0
            duplicated += found > 1
    changes = sum(r["edits"] + r["settles"] + r["reopens"] for r in results)
    return {
        "workers": workers,
        "ops_per_worker": ops,
        "failed_processes": len(failed),
        "edits": sum(r["edits"] for r in results),
        "settlements": sum(r["settles"] for r in results),
        "reopenings": sum(r["reopens"] for r in results),
        # Each worker settles and reopens with its own letter: what is left must be stored.
        "settlements_left": sum(r["settles"] - r["reopens"] for r in results),
        "settlements_stored": settlements_stored,
        "conflicts_reported": sum(r["conflicts"] for r in results),
        "busy_retries": sum(r["busy"] for r in results),
        "lost_updates": lost,
        "duplicated_updates": duplicated,
        "seconds": round(elapsed, 2),
        "changes_per_second": round(changes / elapsed, 1),
    }


def _figures(timings: list[float]) -> dict[str, float]:
    timings = sorted(timings)
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[max(int(len(timings) * 0.95) - 1, 0)], 1),
        "max_ms": round(timings[-1], 1),
        "queries": len(timings),
    }


def _search(address: str) -> dict[str, object]:
    """The first page (what the view shows first) and the count (which may follow)."""
    from desktop.core.store import Store, motions

    pages: list[float] = []
    counts: list[float] = []
    with Store.open(address, daily_backup=False) as store:
        for query in SEARCHES:  # warm the caches once
            motions.list_motions(store.db, search=query, limit=200)
        for _round in range(5):
            for query in SEARCHES:
                started = time.perf_counter()
                motions.list_motions(store.db, search=query, limit=200)
                between = time.perf_counter()
                motions.count_motions(store.db, search=query)
                pages.append((between - started) * 1000)
                counts.append((time.perf_counter() - between) * 1000)
    return {"first_page": _figures(pages), "count": _figures(counts)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", help="a PostgreSQL server database (empty); default: a throw-away server"
    )
    parser.add_argument("--workers", type=int, default=20)
    parser.add_argument("--ops", type=int, default=200)
    parser.add_argument("--search-motions", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "team_load.json")
    parser.add_argument(
        "--search-only",
        nargs=2,
        metavar=("SQLITE", "POSTGRESQL"),
        help="only the search figures, on two registries made before (each of the same motions)",
    )
    args = parser.parse_args()

    from bench.motions_100k import make_registry
    from desktop.core.services import team
    from tests import postgres

    if args.search_only:
        local, server_address = args.search_only
        figures = {"sqlite": _search(local), "postgresql": _search(server_address)}
        previous = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
        previous["search"] = {"motions": previous.get("search", {}).get("motions"), **figures}
        args.out.write_text(json.dumps(previous, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(figures, indent=2))
        return 0
    work = Path(tempfile.mkdtemp(prefix="voortgang-bench-"))
    server = None
    try:
        if args.db:
            load_address, search_address = args.db, args.db
        else:
            server = postgres.start(Path(tempfile.mkdtemp(prefix="voortgang-pg-")))
            load_address = server.url(server.create_database("last", template=None))
            search_address = server.url(server.create_database("zoeken", template=None))
        report: dict[str, object] = {"machine_cores": multiprocessing.cpu_count()}
        print("last op PostgreSQL…", flush=True)
        report["postgresql"] = _load(load_address, args.workers, args.ops)
        print("dezelfde last op SQLite (de vergelijking)…", flush=True)
        report["sqlite"] = _load(str(work / "last.db"), args.workers, args.ops)
        pg, lite = report["postgresql"], report["sqlite"]
        report["throughput_ratio_postgresql_to_sqlite"] = round(
            pg["changes_per_second"] / lite["changes_per_second"],
            2,  # type: ignore[index]
        )
        if args.search_motions:
            print(f"{args.search_motions} moties maken…", flush=True)
            local = work / "zoeken.db"
            make_registry(local, args.search_motions)
            started = time.perf_counter()
            team.copy_registry(local, search_address, replace=bool(args.db))
            report["copy_registry_seconds"] = round(time.perf_counter() - started, 1)
            report["search"] = {
                "motions": args.search_motions,
                "sqlite": _search(str(local)),
                "postgresql": _search(search_address),
            }
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(report, indent=2))
        ok = all(
            report[engine]["lost_updates"] == 0  # type: ignore[index]
            and report[engine]["failed_processes"] == 0  # type: ignore[index]
            and report[engine]["settlements_left"] == report[engine]["settlements_stored"]  # type: ignore[index]
            for engine in ("postgresql", "sqlite")
        )
        return 0 if ok else 1
    finally:
        if server is not None:
            server.stop()
            shutil.rmtree(server.root, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
