"""Commands on letters: export, render, finalize."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop import paths
from desktop.cli.output import notice
from desktop.cli.session import EXIT_OK, EXIT_USER_ERROR, open_store
from desktop.core.domain.dutch import parse_date
from desktop.core.errors import UserError
from desktop.core.services import letters as ops


def _report(result: ops.ExportOutcome) -> None:
    print(f"Opgeslagen: {result.docx} ({result.footnotes} voetnoten)")
    for annex in result.annexes:
        print(f"Bijlage: {annex}")
    if result.pdf:
        print(f"PDF: {result.pdf}")


def cmd_export(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        request = ops.ExportRequest(
            letter=ops.resolve_letter(store, args.letter),
            target=Path(args.output),
            library=paths.default_library(),
            letterhead=Path(args.letterhead) if args.letterhead else None,
            pdf=args.pdf,
            annexes_dir=Path(args.annexes_separately) if args.annexes_separately else None,
            afdoeningstabel=args.afdoeningstabel,
        )
        result = ops.export_letter(store, request)
    _report(result)
    if result.pdf_problem:
        notice(result.pdf_problem)
        return EXIT_USER_ERROR
    return EXIT_OK


def cmd_letterhead(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.action == "set":
            if not args.file:
                raise UserError("Geef het sjabloon (.dotx/.docx) of embleem (.png/.jpg) op.")
            print(f"Briefhoofd ingesteld: {ops.set_letterhead(store, Path(args.file))}.")
        elif args.action == "clear":
            removed = ops.clear_letterhead(store)
            print("Briefhoofd verwijderd." if removed else "Er was geen briefhoofd ingesteld.")
        else:
            print(ops.letterhead_description(store))
    return EXIT_OK


def cmd_finalize(args: argparse.Namespace) -> int:
    datum = parse_date(args.datum) if args.datum else None
    with open_store(args) as store:
        done = ops.finalize_letter(store, args.letter, datum)
    settled = [m for m in done.motions if m.afdoen]
    kept = [c for c in done.commitments if c.afdoen]
    print(
        f"Brief {done.kenmerk or done.id} is definitief; {len(settled)} "
        f"{'motie' if len(settled) == 1 else 'moties'} en {len(kept)} "
        f"{'toezegging' if len(kept) == 1 else 'toezeggingen'} afgedaan."
    )
    return EXIT_OK
