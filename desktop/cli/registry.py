"""Commands on the registry: init, motions, import motion, letters, settle, reopen, backups."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
from pathlib import Path

from desktop import paths
from desktop.cli.output import (
    PROGRESS_MIN_RECORDS,
    letter_json,
    motion_json,
    print_json,
    table,
)
from desktop.cli.session import EXIT_OK, open_store
from desktop.core.domain.dutch import capitalised, parse_date
from desktop.core.errors import InvalidInput
from desktop.core.services import letters as letter_ops
from desktop.core.services import registry as ops
from desktop.core.services import team
from desktop.core.store.engine import parse_address


def cmd_init(args: argparse.Namespace) -> int:
    address = paths.registry_address(args.db)
    shown = parse_address(address).shown
    counts = ops.init_registry(address, demo=args.demo, resources=paths.resources_dir())
    if counts is not None:
        print(f"Demoregister geladen in {shown}: {ops.demo_summary(counts)}.")
    else:
        print(f"Register klaar: {shown}")
    return EXIT_OK


def cmd_migrate(args: argparse.Namespace) -> int:
    address = paths.registry_address(args.db)
    applied, backup = team.migrate_registry(address)
    shown = parse_address(address).shown
    if not applied:
        print(f"Het register {shown} is al bijgewerkt.")
        return EXIT_OK
    print(f"Register {shown} bijgewerkt: {', '.join(applied)}.")
    if backup is not None:
        print(f"De vorige versie staat in {backup}.")
    return EXIT_OK


def cmd_copy_registry(args: argparse.Namespace) -> int:
    source = paths.registry_address(args.source)
    target = paths.registry_address(args.target)
    shown: list[bool] = []

    def step(table: str, rows: int) -> None:
        # Only a large registry takes long enough to need a sign of life.
        if rows >= PROGRESS_MIN_RECORDS:
            print(f"\rKopiëren: {table}, {rows} rijen", end="", file=sys.stderr, flush=True)
            shown.append(True)

    report = team.copy_registry(source, target, replace=args.replace, progress=step)
    if shown:
        print(file=sys.stderr)
    copied = ", ".join(f"{count} {table}" for table, count in report.rows.items() if count)
    print(
        f"Gekopieerd van {parse_address(source).shown} naar {parse_address(target).shown}: "
        f"{report.total} rijen ({copied or 'leeg register'}). Gecontroleerd: elke tabel is "
        "gelijk aan het origineel."
    )
    return EXIT_OK


MOTION_CSV_FIELDS = [
    "id",
    "citation",
    "name",
    "onderwerp",
    "status",
    "uitslag",
    "voorgesteld",
    "deadline",
    "afgedaan_met",
]


def cmd_motions(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        items = ops.list_motions(
            store, ops.MotionQuery(status=args.status, search=args.search or "")
        )
    if args.format == "json":
        print_json([motion_json(m) for m in items])
    elif args.format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer, fieldnames=MOTION_CSV_FIELDS, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        for m in items:
            row = motion_json(m)
            row["afgedaan_met"] = "; ".join(row["afgedaan_met"])
            writer.writerow(row)
        sys.stdout.write(buffer.getvalue())
    else:
        if not items:
            print("Geen moties gevonden.")
            return EXIT_OK
        rows = [
            (m.id, m.number_label(), m.name, (m.onderwerp or "")[:50], m.status, m.uitslag)
            for m in items
        ]
        print(table(["id", "Kamerstuk", "Motie", "Onderwerp", "Status", "Uitslag"], rows))
        print(f"\n{len(items)} {'motie' if len(items) == 1 else 'moties'}")
    return EXIT_OK


def cmd_import_motion(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        stored, warnings = ops.import_motion_files(store, [Path(name) for name in args.files])
    for warning in warnings:
        print(f"Let op: {warning}", file=sys.stderr)
    if args.json:
        print_json([motion_json(m) for m in stored])
    else:
        for m in stored:
            print(f"Toegevoegd: {m.name} ({m.citation}) [id {m.id}]")
    return EXIT_OK


def cmd_letters(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        items = ops.list_letters(store, "")
    if args.format == "json":
        print_json([letter_json(item) for item in items])
    elif not items:
        print("Geen brieven in het register.")
    else:
        rows = [
            (
                i.id,
                i.kenmerk,
                i.datum.isoformat() if i.datum else "",
                i.kamerstuk.letter_style() if i.kamerstuk else "",
                i.betreft,
                i.status,
            )
            for i in items
        ]
        print(table(["id", "Kenmerk", "Datum", "Kamerstuk", "Betreft", "Status"], rows))
    return EXIT_OK


def cmd_settle(args: argparse.Namespace) -> int:
    datum = parse_date(args.datum) if args.datum else dt.date.today()
    with open_store(args) as store:
        settled = ops.settle_motion(store, args.motion, args.letter, datum)
    if settled.letter_created:
        print(f"Brief {settled.kenmerk} stond nog niet in het register en is toegevoegd.")
    motion = settled.motion
    print(
        f"{capitalised(motion.name)} ({motion.citation}) is afgedaan met brief {settled.kenmerk}."
    )
    return EXIT_OK


def cmd_reopen(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.letter or ops.is_letter_reference(store, args.target):
            letter = letter_ops.reopen_letter(store, args.target)
            print(
                f"Brief {letter.kenmerk or letter.id} is weer een concept; "
                "de moties en toezeggingen die zij afdeed staan weer open."
            )
            return EXIT_OK
        motion = ops.reopen_motion(store, args.target)
    print(f"{capitalised(motion.name)} ({motion.citation}) staat weer open.")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    address = paths.registry_address(args.db)
    if args.list:
        if isinstance(address, str):
            raise InvalidInput(
                "Een teamregister houdt geen reservekopieën bij op deze computer; IT maakt ze "
                "met pg_dump, en voortgang backup --to KOPIE.db schrijft een kopie in een bestand."
            )
        items = ops.registry_backups(address)
        if not items:
            print("Er zijn nog geen reservekopieën.")
        for item in items:
            print(
                f"{item.made:%Y-%m-%d %H:%M}  {item.kind:<13}  {item.size // 1024:>6} kB  "
                f"{item.path}"
            )
        return EXIT_OK
    with open_store(args) as store:
        made = ops.backup_registry(store, Path(args.to) if args.to else None)
    print(f"Reservekopie gemaakt: {made}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        safety = ops.restore_registry(store, Path(args.backup))
    print(f"Hersteld uit {args.backup}. De vorige inhoud staat in {safety}.")
    return EXIT_OK
