"""Commands from one letter to the next: due, changes, new-letter, versions."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from desktop import paths
from desktop.cli.output import print_json, section_diffs_json, table
from desktop.cli.session import EXIT_OK, open_store
from desktop.core.domain.dutch import parse_date
from desktop.core.errors import UserError
from desktop.core.services import letters as letter_ops
from desktop.core.services import planning as ops
from desktop.core.store import Store


def _date_arg(value: str | None) -> dt.date | None:
    return parse_date(value) if value else None


def cmd_due(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        items = ops.due(store, before=_date_arg(args.before))
    if args.format == "json":
        print_json([item.as_json() for item in items])
        return EXIT_OK
    if not items:
        print("Er is niets dat binnen deze periode moet worden afgedaan.")
        return EXIT_OK
    rows = [
        (
            item.due_label,
            "verlopen" if item.overdue else "",
            item.kind,
            item.reference,
            item.title[:70],
        )
        for item in items
    ]
    print(table(["Datum", "", "Soort", "Verwijzing", "Wat"], rows))
    return EXIT_OK


def _request(store: Store, args: argparse.Namespace) -> ops.ChangesRequest:
    if args.letter:
        letter = letter_ops.resolve_letter(store, args.letter)
        earlier = letter_ops.resolve_letter(store, args.since) if args.since else None
        return ops.ChangesRequest(letter_id=letter.id, earlier_id=earlier.id if earlier else None)
    if not args.since:
        raise UserError("Geef een brief of --since DATUM.")
    return ops.ChangesRequest(
        since=parse_date(args.since), until=_date_arg(args.until) or dt.date.today()
    )


def cmd_changes(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        result = ops.changes_for(store, _request(store, args), paths.default_library())
    report, diffs = result.report, result.diffs
    if result.note:
        print(result.note)
    if args.output:
        print(f"Opgeslagen: {ops.save_change_report(result, Path(args.output))}")
    if args.format == "json":
        data = report.as_json()
        if diffs is not None:
            data["secties"] = section_diffs_json(diffs)
        print_json(data)
    elif not args.output:
        print(f"Veranderd na {report.since.isoformat()} tot en met {report.until.isoformat()}:")
        for title, items in report.groups():
            if items:
                print(f"\n{title} ({len(items)})")
                for item in items:
                    print(f"  {item.datum}  {item.titel[:60]}  {item.wat}")
        if report.empty:
            print("  niets")
        for diff in diffs or []:
            if diff.status != "ongewijzigd":
                print(f"\nSectie ‘{diff.titel}’: {diff.status}")
    return EXIT_OK


def cmd_new_letter(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        previous = letter_ops.resolve_letter(store, args.previous)
        assert previous.id is not None
        letter = ops.create_next_letter(store, previous.id, parse_date(args.datum), args.kenmerk)
    print(
        f"Nieuwe conceptbrief {letter.kenmerk or ''} [id {letter.id}] gemaakt uit "
        f"{previous.kenmerk or previous.id}: {len(letter.sections)} secties, "
        f"{len(letter.motions)} moties, {len(letter.commitments)} toezeggingen, "
        f"{len(letter.convenant_ids)} convenanten in de bijlage."
    )
    return EXIT_OK


def cmd_versions(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        letter = letter_ops.resolve_letter(store, args.letter)
        assert letter.id is not None
        if args.compare and args.output:
            tracked = ops.write_tracked_changes(
                store, letter.id, args.compare[0], args.compare[1], Path(args.output)
            )
            print(
                f"Opgeslagen: {tracked.path} ({tracked.changes} wijzigingen bijgehouden, "
                f"auteur {tracked.author})"
            )
            return EXIT_OK
        if args.compare:
            old, new = args.compare
            comparison = ops.compare(store, letter.id, old, new)
            if args.format == "json":
                print_json(
                    {"van": old, "naar": new, "secties": section_diffs_json(comparison.sections)}
                )
            else:
                print("\n".join(comparison.text_diff) or "Geen verschillen.")
            return EXIT_OK
        versions = ops.letter_versions(store, letter.id)
    if args.format == "json":
        print_json([v.as_json() for v in versions])
    elif not versions:
        print("Deze brief is nog niet geëxporteerd; er zijn geen versies.")
    else:
        print(
            table(
                ["Versie", "Gemaakt", "Door", "Bestand"],
                [(v.nummer, v.gemaakt, v.wie, v.bestand) for v in versions],
            )
        )
    return EXIT_OK
