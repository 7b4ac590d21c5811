"""Time `voortgang render` against pandoc on the seed letter at 1x and 100x, in one run.

Usage: .venv/bin/python bench/render_vs_pandoc.py [--runs N] [--out bench/results.json]

Both are timed as whole processes (start-up included) on the same input, alternating, so
machine noise hits both alike; the figures that matter are the ratios. Also measures the
floor: a Python process that only imports python-docx and markdown-it-py.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "bench" / "inputs"  # see bench/inputs/README.md


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="runs at 1x (100x: a third)")
    parser.add_argument("--out", type=Path, help="write the figures as JSON")
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc is not installed (apt-get install pandoc)", file=sys.stderr)
        return 1
    voortgang = [sys.executable, "-m", "desktop", "render"]
    floor = [sys.executable, "-c", "import docx, markdown_it, mdit_py_plugins.footnote"]
    seed = INPUTS / "seed_letter.md"
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        for scale in (1, 100):
            source = work / f"letter-{scale}x.md"
            if scale == 1:
                shutil.copy(seed, source)
            else:
                scaled = subprocess.run(
                    [sys.executable, str(INPUTS / "scale_letter.py"), str(seed), str(scale)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                source.write_text(scaled, encoding="utf-8")
            runs = args.runs if scale == 1 else max(2, args.runs // 3)
            ours, theirs, base = [], [], []
            for _ in range(runs):
                ours.append(timed([*voortgang, str(source), "-o", str(work / "ours.docx")]))
                theirs.append(timed([pandoc, str(source), "-o", str(work / "pandoc.docx")]))
                if scale == 1:
                    base.append(timed(floor))
            entry = {
                "voortgang_s": statistics.median(ours),
                "pandoc_s": statistics.median(theirs),
                "ratio": statistics.median(ours) / statistics.median(theirs),
                "input_bytes": source.stat().st_size,
            }
            if base:
                entry["import_floor_s"] = statistics.median(base)
                entry["floor_ratio"] = entry["import_floor_s"] / entry["pandoc_s"]
            results[f"{scale}x"] = entry
            print(
                f"{scale:>3}x  voortgang {entry['voortgang_s']:.3f} s  pandoc "
                f"{entry['pandoc_s']:.3f} s  ratio {entry['ratio']:.2f}"
                + (
                    f"  (import floor {entry['import_floor_s']:.3f} s = "
                    f"{entry['floor_ratio']:.2f} x pandoc)"
                    if base
                    else ""
                )
            )
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
