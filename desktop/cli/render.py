"""``voortgang render IN.md -o UIT.docx``: needs no registry, so it loads no database code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.codes import EXIT_OK
from desktop.core.services.render import render_markdown


def cmd_render(args: argparse.Namespace) -> int:
    result = render_markdown(Path(args.input), Path(args.output), emblem=None)
    print(f"Opgeslagen: {result.docx} ({result.footnotes} voetnoten)")
    for annex in result.annexes:
        print(f"Bijlage: {annex}")
    if result.pdf:
        print(f"PDF: {result.pdf}")
    for notice in result.notices:
        print(f"voortgang: let op: {notice}", file=sys.stderr)
    return EXIT_OK
