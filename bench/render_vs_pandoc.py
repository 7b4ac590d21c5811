"""Time `voortgang render` against pandoc on the seed letter at 1x and 100x, in one run.

Usage: .venv/bin/python bench/render_vs_pandoc.py [--runs N] [--out bench/results.json]

Both are timed as whole processes (start-up included) on the same input, alternating, so
machine noise hits both alike; the figures that matter are the ratios. Peak memory is each
process's maximum resident set (``wait4``). Also measured, in the same run:

* the import floor: a Python process that only imports python-docx and markdown-it-py;
* the serialise floor: our own output's XML, already parsed, serialised again with lxml and
  zipped at the app's Deflate level (what writing the file costs at least, whatever builds
  the XML);
* the parse floor: markdown-it-py alone parsing the input with our parser's settings;
* in-process (a child process that imports once, then repeats): the seed letter exported to
  a file as the app does it (``render_markdown_file``: parse, build, save atomically with
  fsync), the same without the file (to memory), and the split into parse / build / save.

Figures are medians. The processes run with bytecode caching on (in a temporary
``PYTHONPYCACHEPREFIX``, written by a first run that is not counted), as an installed or
frozen app has its ``.pyc`` files: with ``PYTHONDONTWRITEBYTECODE`` set, every run would
compile our sources again (~15 ms), which no user's run does.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "bench" / "inputs"  # see bench/inputs/README.md
#: the worktree's own package, whatever the venv's editable install points at
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def measured(command: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MiB) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=ENV
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    return elapsed, usage.ru_maxrss / 1024  # -- Linux reports KiB --


def _median_of(function: object, runs: int) -> float:
    """Median seconds of ``function``, run with the cycle collector paused as the app
    pauses it for writing a letter (``desktop.core.memory``)."""
    from desktop.core.memory import without_cycle_collection

    times = []
    for _ in range(runs):
        with without_cycle_collection():
            start = time.perf_counter()
            function()  # type: ignore[operator]
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def serialise_floor(docx: Path, runs: int) -> float:
    """Seconds to serialise the parts of ``docx`` (parsed beforehand) with lxml and zip them
    at the Deflate level the app writes with."""
    from lxml import etree

    from desktop.core.docx.package import DEFLATE_LEVEL

    with zipfile.ZipFile(docx) as package:
        parts: list[tuple[str, object]] = []
        for info in package.infolist():
            data = package.read(info)
            xml = info.filename.endswith((".xml", ".rels"))
            parts.append((info.filename, etree.fromstring(data) if xml else data))

    def write() -> None:
        with zipfile.ZipFile(
            io.BytesIO(), "w", zipfile.ZIP_DEFLATED, compresslevel=DEFLATE_LEVEL
        ) as out:
            for name, content in parts:
                if isinstance(content, bytes):
                    out.writestr(name, content)
                else:
                    out.writestr(name, etree.tostring(content, encoding="UTF-8", standalone=True))

    write()
    return _median_of(write, runs)


def _inputs_figures(label: str, source: Path, target: Path, repeats: int) -> dict[str, float]:
    """Parse, build, save and floors of one input, each timed on its own (median)."""
    from desktop.core.docx.package import write_docx
    from desktop.core.docx.writer import build_document
    from desktop.core.drafting.frontmatter import compose_markdown
    from desktop.core.drafting.markdown import _MD, parse_markdown
    from desktop.core.export import render_markdown_file

    text = source.read_text(encoding="utf-8")
    render_markdown_file(source, target, emblem=None)  # -- warm: first-use set-up --
    figures: dict[str, float] = {}
    if label == "1x":
        figures["export_1x_s"] = _median_of(
            lambda: render_markdown_file(source, target, emblem=None), repeats
        )
    letter = compose_markdown(text)
    document = build_document(letter)
    figures[f"parse_{label}_s"] = _median_of(lambda: parse_markdown(text), repeats)
    figures[f"markdown_it_{label}_s"] = _median_of(lambda: _MD.parse(text), repeats)
    figures[f"build_{label}_s"] = _median_of(lambda: build_document(letter), repeats)
    figures[f"save_{label}_s"] = _median_of(lambda: write_docx(document, io.BytesIO()), repeats)
    figures[f"in_memory_{label}_s"] = _median_of(
        lambda: write_docx(build_document(compose_markdown(text)), io.BytesIO()), repeats
    )
    figures[f"serialise_floor_{label}_s"] = serialise_floor(target, repeats)
    return figures


def child(seed: Path, large: Path, runs: int) -> dict[str, float]:
    """In-process figures (run in a fresh process with the worktree on the path)."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as work_dir:
        target = Path(work_dir) / "brief.docx"
        figures.update(_inputs_figures("1x", seed, target, runs))
        figures.update(_inputs_figures("100x", large, target, max(2, runs // 10)))
    return figures


def _scaled(seed: Path, scale: int, target: Path) -> None:
    scaled = subprocess.run(
        [sys.executable, str(INPUTS / "scale_letter.py"), str(seed), str(scale)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    target.write_text(scaled, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="runs at 1x (100x: a third)")
    parser.add_argument("--out", type=Path, help="write the figures as JSON")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child, runs=max(5, args.runs * 3))))
        return 0
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
        sources = {1: work / "letter-1x.md", 100: work / "letter-100x.md"}
        shutil.copy(seed, sources[1])
        _scaled(seed, 100, sources[100])
        ENV.pop("PYTHONDONTWRITEBYTECODE", None)
        ENV["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        # -- write the bytecode and warm the file cache; not counted --
        measured([*voortgang, str(sources[1]), "-o", str(work / "ours.docx")])
        measured(floor)
        for scale, source in sources.items():
            runs = args.runs if scale == 1 else max(2, args.runs // 3)
            ours, theirs, base = [], [], []
            ours_mib, theirs_mib = [], []
            for _ in range(runs):
                seconds, mib = measured([*voortgang, str(source), "-o", str(work / "ours.docx")])
                ours.append(seconds)
                ours_mib.append(mib)
                seconds, mib = measured([pandoc, str(source), "-o", str(work / "pandoc.docx")])
                theirs.append(seconds)
                theirs_mib.append(mib)
                if scale == 1:
                    base.append(measured(floor)[0])
            entry = {
                "voortgang_s": statistics.median(ours),
                "pandoc_s": statistics.median(theirs),
                "ratio": statistics.median(ours) / statistics.median(theirs),
                "input_bytes": source.stat().st_size,
                "voortgang_peak_mib": max(ours_mib),
                "pandoc_peak_mib": max(theirs_mib),
                "serialise_floor_s": serialise_floor(work / "ours.docx", max(3, runs)),
            }
            if base:
                entry["import_floor_s"] = statistics.median(base)
                entry["floor_ratio"] = entry["import_floor_s"] / entry["pandoc_s"]
            results[f"{scale}x"] = entry
            print(
                f"{scale:>3}x  voortgang {entry['voortgang_s']:.3f} s "
                f"({entry['voortgang_peak_mib']:.0f} MiB)  pandoc {entry['pandoc_s']:.3f} s "
                f"({entry['pandoc_peak_mib']:.0f} MiB)  ratio {entry['ratio']:.2f}  "
                f"serialise floor {entry['serialise_floor_s']:.3f} s"
                + (
                    f"  (import floor {entry['import_floor_s']:.3f} s = "
                    f"{entry['floor_ratio']:.2f} x pandoc)"
                    if base
                    else ""
                )
            )
        in_process = subprocess.run(
            [
                sys.executable,
                __file__,
                "--runs",
                str(args.runs),
                "--child",
                *map(str, sources.values()),
            ],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=ENV,
        )
        inside = json.loads(in_process.stdout)
    results["in_process"] = inside
    print(
        "in-process 1x: export to file {:.1f} ms, to memory {:.1f} ms (parse {:.1f}, of which "
        "markdown-it {:.1f}; build {:.1f}; save {:.1f}); serialise floor {:.1f} ms".format(
            *(
                inside[key] * 1000
                for key in (
                    "export_1x_s",
                    "in_memory_1x_s",
                    "parse_1x_s",
                    "markdown_it_1x_s",
                    "build_1x_s",
                    "save_1x_s",
                    "serialise_floor_1x_s",
                )
            )
        )
    )
    print(
        "in-process 100x: to memory {:.2f} s (parse {:.2f}, of which markdown-it {:.2f}; "
        "build {:.2f}; save {:.2f}); serialise floor {:.2f} s".format(
            *(
                inside[key]
                for key in (
                    "in_memory_100x_s",
                    "parse_100x_s",
                    "markdown_it_100x_s",
                    "build_100x_s",
                    "save_100x_s",
                    "serialise_floor_100x_s",
                )
            )
        )
    )
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
