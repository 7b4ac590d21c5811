"""Commands that bring in what exists: open data, earlier letters; and the afdoeningstabel."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from desktop import paths
from desktop.cli.output import ConsoleProgress, print_json
from desktop.cli.session import EXIT_OK, open_store
from desktop.core.domain.dutch import join_list
from desktop.core.services import imports as ops
from desktop.core.services import letters as letter_ops


def cmd_import_tk(args: argparse.Namespace) -> int:
    files = [Path(name) for name in args.files]
    if args.dossier and not args.fetch:
        args.parser.error("--dossier werkt alleen samen met --fetch")
    if args.fetch and not args.dossier:
        args.parser.error("--fetch heeft --dossier NUMMER nodig")
    if not files and not args.fetch:
        args.parser.error("geef een of meer bestanden, of --dossier NUMMER --fetch")
    with tempfile.TemporaryDirectory(prefix="voortgang-tk-") as folder:
        if args.fetch:
            print(f"Downloaden van dossier {args.dossier} …", file=sys.stderr)
            files += ops.fetch_open_data(
                args.dossier,
                Path(folder),
                on_page=lambda n: print(f"\rPagina {n}", end="", file=sys.stderr, flush=True),
            )
            print(file=sys.stderr)
        with open_store(args) as store:
            outcome = ops.import_open_data_files(
                store,
                files,
                ConsoleProgress("Inlezen"),
                saving_reporter=ConsoleProgress("Opslaan", records=True),
            )
    report = outcome.report
    assert report is not None  # the command line is never cancelled through a stop flag
    if args.json:
        print_json(report.as_json())
    else:
        print(f"Geïmporteerd uit {join_list(report.files)}:")
        for line in report.summary():
            print(line)
    return EXIT_OK


def cmd_import_letter_update(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        result = letter_ops.update_from_word(
            store, Path(args.file), paths.default_library(), dry_run=args.dry_run
        )
    if args.json:
        print_json(
            {
                "letter_id": result.letter_id,
                "kenmerk": result.kenmerk,
                "secties": [c.as_json() for c in result.changes],
                "moties_bijgewerkt": result.motions_updated,
                "toezeggingen_bijgewerkt": result.commitments_updated,
                "waarschuwingen": result.warnings,
                "versie": result.version,
                "vorige_versie": result.previous_version,
            }
        )
        return EXIT_OK
    print(f"Brief {result.kenmerk or result.letter_id} [id {result.letter_id}]:")
    for change in result.changes:
        print(f"  {change.titel}: {change.status}")
        for line in change.diff:
            print(f"    {line}")
    if result.motions_updated:
        print(f"Reactie bijgewerkt bij: {join_list(result.motions_updated)}.")
    if result.commitments_updated:
        print(f"Reactie bijgewerkt bij toezegging: {join_list(result.commitments_updated)}.")
    for warning in result.warnings:
        print(f"Let op: {warning}")
    if args.dry_run:
        print("Proefrun: het register is niet gewijzigd.")
    elif result.version is None:
        print("De tekst in Word is gelijk aan het register; er is niets gewijzigd.")
    else:
        print(
            f"Opgeslagen als versie {result.version} van de brief "
            f"(de vorige tekst blijft bewaard als versie {result.previous_version})."
        )
    return EXIT_OK


def cmd_import_letter(args: argparse.Namespace) -> int:
    if args.update:
        return cmd_import_letter_update(args)
    found = ops.read_letter_file(Path(args.file))
    data = found.as_json()
    recorded = None
    if not args.dry_run:
        with open_store(args) as store:
            recorded = ops.record_letter_file(store, found)
        data["registry"] = recorded.result.as_json()
    if args.json:
        print_json(data)
        return EXIT_OK
    info = data["letter"]
    print(f"Brief {found.source}:")
    for label, key in (
        ("Kenmerk", "kenmerk"),
        ("Datum", "datum"),
        ("Betreft", "betreft"),
        ("Kamerstuk", "kamerstuk"),
    ):
        if info[key]:
            print(f"  {label}: {info[key]}")
    print(f"Kamerstukken ({len(data['kamerstukken'])}):")
    for item in data["kamerstukken"]:
        print(f"  {item['citation']}")
    print(f"Moties ({len(data['motions'])}):")
    for item in data["motions"]:
        settled = " — afgedaan met deze brief" if item["afgedaan"] else ""
        print(f"  {item['name']} ({item['citation']}){settled}")
    if data["eu"]:
        print(f"EU ({len(data['eu'])}):")
        for item in data["eu"]:
            print(f"  {item['identificatie']}")
    if recorded is None:
        print("Proefrun: het register is niet gewijzigd.")
        return EXIT_OK
    added = recorded.result
    print(
        f"Toegevoegd aan het register: {len(added.kamerstukken_added)} Kamerstukken, "
        f"{len(added.motions_added)} moties, {len(added.eu_added)} EU-dossiers."
    )
    if added.letter_id is None:
        print(f"De brief is niet vastgelegd: {added.letter_reason}.")
    else:
        state = "toegevoegd" if added.letter_action == "nieuw" else "stond al in het register"
        print(f"De brief {state} [id {added.letter_id}].")
    if added.motions_settled:
        print(f"Afgedaan met deze brief: {join_list(added.motions_settled)}.")
    return EXIT_OK


def cmd_afdoeningstabel(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        saved = ops.save_afdoeningstabel(store, Path(args.output), args.status, args.format)
    print(f"Opgeslagen: {saved.path} ({saved.rows} {'regel' if saved.rows == 1 else 'regels'})")
    return EXIT_OK
