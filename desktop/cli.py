"""The ``voortgang`` command line. Exit 0 on success, 1 on a user error, 2 on wrong usage."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import __version__, paths
from desktop.core.domain.dutch import join_list, parse_date
from desktop.core.domain.models import MOTION_STATUS_FILTERS, Letter, Motion
from desktop.core.errors import AlreadyExists, UserError

if TYPE_CHECKING:
    from desktop.core.store import Store

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2


_DUTCH = {
    "usage: ": "gebruik: ",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "verwacht één waarde",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "positional arguments": "argumenten",
    "options": "opties",
}


def _translate(message: str) -> str:
    return _DUTCH.get(message, message)


# argparse looks its messages up through gettext; give it the Dutch ones.
argparse._ = _translate  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse with Dutch usage errors (exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: fout in de opdracht: {message}\n")


# -- output shapes (names and keys are stable: scripts rely on them) -----------------


def motion_json(motion: Motion) -> dict[str, Any]:
    """A motion as the JSON object the CLI prints."""
    ref = motion.kamerstuk
    return {
        "id": motion.id,
        "citation": motion.citation,
        "zaaknummer": motion.zaaknummer,
        "name": motion.name,
        "dossier": f"{ref.dossier:,}".replace(",", " ") if ref else None,
        "toevoeging": ref.toevoeging if ref else None,
        "nummer": (ref.nummer if ref.nummer is not None else ref.ondernummer) if ref else None,
        "dossier_titel": motion.dossier_titel,
        "indieners": motion.indieners,
        "voorgesteld": motion.voorgesteld.isoformat() if motion.voorgesteld else None,
        "onderwerp": motion.onderwerp,
        "verzoeken": motion.verzoeken,
        "status": motion.status,
        "status_datum": motion.status_datum.isoformat() if motion.status_datum else None,
        "uitslag": motion.uitslag,
        "deadline": motion.deadline.isoformat() if motion.deadline else None,
        "afgedaan_met": motion.afgedaan_met,
        "vervangt": motion.vervangt.letter_style() if motion.vervangt else None,
        "vervangen_door": motion.vervangen_door.letter_style() if motion.vervangen_door else None,
        "kamer_afgedaan": motion.kamer_afgedaan,
        "kamer_besluit": motion.kamer_besluit,
        "afwijkend_van_kamer": motion.afwijkend_van_kamer,
    }


def letter_json(letter: Letter) -> dict[str, Any]:
    """A letter as the JSON object the CLI prints."""
    return {
        "id": letter.id,
        "kenmerk": letter.kenmerk,
        "datum": letter.datum.isoformat() if letter.datum else None,
        "betreft": letter.betreft,
        "status": letter.status,
        "template": letter.template,
        "kamerstuk": letter.kamerstuk.letter_style() if letter.kamerstuk else None,
        "secties": len(letter.sections),
        "moties": len(letter.motions),
        "bijlagen": len(letter.convenant_ids),
    }


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


# -- commands ------------------------------------------------------------------------


def _open_store(args: argparse.Namespace) -> Store:
    from desktop.core.store import Store

    store = Store.open(paths.default_db_path(args.db))
    if store.backup_failed:
        print(
            "voortgang: let op, de dagelijkse reservekopie kon niet worden gemaakt.",
            file=sys.stderr,
        )
    return store


def cmd_init(args: argparse.Namespace) -> int:
    from desktop.core.store import Store

    path = paths.default_db_path(args.db)
    with Store.open(path) as store:
        if args.demo:
            from desktop.core.demo import load_demo

            counts = load_demo(store, paths.resources_dir())
            nouns = {
                "moties": ("motie", "moties"),
                "kamerstukken": ("Kamerstuk", "Kamerstukken"),
                "convenanten": ("convenant", "convenanten"),
                "eu_dossiers": ("EU-dossier", "EU-dossiers"),
                "brieven": ("brief", "brieven"),
            }
            summary = join_list(
                f"{n} {nouns[k][0] if n == 1 else nouns[k][1]}" for k, n in counts.items()
            )
            print(f"Demoregister geladen in {path}: {summary}.")
        else:
            print(f"Register klaar: {path}")
    return EXIT_OK


def cmd_motions(args: argparse.Namespace) -> int:
    from desktop.core.store import motions

    with _open_store(args) as store:
        items = motions.list_motions(store.db, status=args.status, search=args.search)
    if args.format == "json":
        _print_json([motion_json(m) for m in items])
    elif args.format == "csv":
        buffer = io.StringIO()
        fields = [
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
        writer = csv.DictWriter(
            buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n"
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
        print(_table(["id", "Kamerstuk", "Motie", "Onderwerp", "Status", "Uitslag"], rows))
        print(f"\n{len(items)} {'motie' if len(items) == 1 else 'moties'}")
    return EXIT_OK


def cmd_import_motion(args: argparse.Namespace) -> int:
    from desktop.core.importers.motion_text import read_motion_file
    from desktop.core.store import motions

    read = [read_motion_file(Path(name)) for name in args.files]
    parsed = [motion for motion, _ in read]
    for _, warnings in read:
        for warning in warnings:
            print(f"Let op: {warning}", file=sys.stderr)
    with _open_store(args) as store:
        with store.transaction() as db:
            ids = []
            for name, motion in zip(args.files, parsed, strict=True):
                try:
                    ids.append(motions.add(db, motion))
                except AlreadyExists as error:
                    raise AlreadyExists(f"{Path(name).name}: {error}") from error
        stored = [motions.get(store.db, motion_id) for motion_id in ids]
    if args.json:
        _print_json([motion_json(m) for m in stored])
    else:
        for m in stored:
            print(f"Toegevoegd: {m.name} ({m.citation}) [id {m.id}]")
    return EXIT_OK


# Progress on stderr only for files large enough to take noticeable time.
PROGRESS_MIN_BYTES = 5 * 1024 * 1024
PROGRESS_MIN_RECORDS = 2000


def _progress_printer(label: str, *, records: bool = False) -> Callable[[int, int], None]:
    shown = -1

    def show(done: int, total: int) -> None:
        nonlocal shown
        if total < (PROGRESS_MIN_RECORDS if records else PROGRESS_MIN_BYTES):
            return
        percent = done * 100 // total
        if percent == shown:
            return
        shown = percent
        megabytes = 1024 * 1024
        amount = (
            f"{done} van {total}"
            if records
            else f"{done / megabytes:.0f} van {total / megabytes:.0f} MB"
        )
        print(
            f"\r{label}: {percent}% ({amount})",
            end="\n" if done >= total else "",
            file=sys.stderr,
            flush=True,
        )

    return show


def cmd_import_tk(args: argparse.Namespace) -> int:
    import tempfile

    from desktop.core.importers.opendata import import_open_data

    files = [Path(name) for name in args.files]
    if args.dossier and not args.fetch:
        args.parser.error("--dossier werkt alleen samen met --fetch")
    if args.fetch and not args.dossier:
        args.parser.error("--fetch heeft --dossier NUMMER nodig")
    if not files and not args.fetch:
        args.parser.error("geef een of meer bestanden, of --dossier NUMMER --fetch")
    with tempfile.TemporaryDirectory(prefix="voortgang-tk-") as folder:
        if args.fetch:
            from desktop.core.importers.opendata_fetch import dossier_url, download_pages

            url = dossier_url(args.dossier)
            print(f"Downloaden van dossier {args.dossier} …", file=sys.stderr)
            files += download_pages(
                url,
                Path(folder),
                progress=lambda n: print(f"\rPagina {n}", end="", file=sys.stderr, flush=True),
            )
            print(file=sys.stderr)
        with _open_store(args) as store:
            report = import_open_data(
                store,
                files,
                _progress_printer("Inlezen"),
                saving=_progress_printer("Opslaan", records=True),
            )
    if args.json:
        _print_json(report.as_json())
    else:
        print(f"Geïmporteerd uit {join_list(report.files)}:")
        for line in report.summary():
            print(line)
    return EXIT_OK


def cmd_import_letter(args: argparse.Namespace) -> int:
    from desktop.core.importers.letter_import import read_letter, record_letter

    found = read_letter(Path(args.file))
    data = found.as_json()
    registered = None
    if not args.dry_run:
        with _open_store(args) as store, store.transaction() as db:
            registered = record_letter(db, found)
        data["registry"] = registered.as_json()
    if args.json:
        _print_json(data)
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
    if registered is None:
        print("Proefrun: het register is niet gewijzigd.")
        return EXIT_OK
    added = registered
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
    from desktop.core.reports.afdoening import write_afdoeningstabel

    with _open_store(args) as store:
        path, count = write_afdoeningstabel(
            store.db, Path(args.output), status=args.status, file_format=args.format
        )
    print(f"Opgeslagen: {path} ({count} {'regel' if count == 1 else 'regels'})")
    return EXIT_OK


def cmd_letters(args: argparse.Namespace) -> int:
    from desktop.core.store import letters

    with _open_store(args) as store:
        items = letters.list_letters(store.db)
    if args.format == "json":
        _print_json([letter_json(item) for item in items])
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
        print(_table(["id", "Kenmerk", "Datum", "Kamerstuk", "Betreft", "Status"], rows))
    return EXIT_OK


def cmd_settle(args: argparse.Namespace) -> int:
    from desktop.core.store import letters, motions

    datum = parse_date(args.datum) if args.datum else dt.date.today()
    with _open_store(args) as store:
        with store.transaction() as db:
            motion = motions.resolve(db, args.motion)
            assert motion.id is not None
            letter_id, created = letters.ensure_letter(db, args.letter, None)
            motions.settle(db, motion.id, letter_id, datum)
        if created:
            print(f"Brief {args.letter} stond nog niet in het register en is toegevoegd.")
        print(
            f"{motion.name[0].upper()}{motion.name[1:]} ({motion.citation}) is afgedaan "
            f"met brief {args.letter}."
        )
    return EXIT_OK


def cmd_reopen(args: argparse.Namespace) -> int:
    from desktop.core.store import letters, motions

    with _open_store(args) as store:
        target = args.target
        if args.letter or (not target.isdigit() and letters.find_by_kenmerk(store.db, target)):
            with store.transaction() as db:
                letter = letters.resolve(db, target)
                assert letter.id is not None
                letters.reopen(db, letter.id)
            print(
                f"Brief {letter.kenmerk or letter.id} is weer een concept; "
                "de moties en toezeggingen die zij afdeed staan weer open."
            )
            return EXIT_OK
        with store.transaction() as db:
            motion = motions.resolve(db, target)
            assert motion.id is not None
            motions.reopen(db, motion.id)
        print(f"{motion.name[0].upper()}{motion.name[1:]} ({motion.citation}) staat weer open.")
    return EXIT_OK


def _library() -> Any:
    from desktop.core.drafting.templates import TemplateLibrary

    return TemplateLibrary(paths.shipped_templates_dir(), paths.user_templates_dir())


def _emblem() -> Path:
    return paths.resources_dir() / "embleem-plaatshouder.png"


def _report_export(result: Any) -> None:
    print(f"Opgeslagen: {result.docx} ({result.footnotes} voetnoten)")
    for annex in result.annexes:
        print(f"Bijlage: {annex}")
    if result.pdf:
        print(f"PDF: {result.pdf}")


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.core.errors import FileProblem
    from desktop.core.export import export_letter
    from desktop.core.store import letters

    with _open_store(args) as store:
        letter = letters.resolve(store.db, args.letter)
        annexes = Path(args.annexes_separately) if args.annexes_separately else None
        appendix: Callable[[str], str] | None = None
        if args.afdoeningstabel:
            import functools

            from desktop.core.reports.afdoening import afdoening_rows, annex_markdown, letter_rows

            # The letter's own motions and commitments; without any, everything still open.
            rows = letter_rows(store.db, letter) or afdoening_rows(store.db, "open")
            appendix = functools.partial(annex_markdown, rows)

        result = export_letter(
            store.db,
            letter,
            _library(),
            Path(args.output),
            emblem=_emblem(),
            annexes_dir=annexes,
            pdf=False,
            appendix=appendix,
        )
    _report_export(result)
    if args.pdf:
        from desktop.core.docx.save import convert_to_pdf

        try:
            result.pdf = convert_to_pdf(result.docx, result.docx.with_suffix(".pdf"))
        except FileProblem as error:
            print(f"voortgang: {error}", file=sys.stderr)
            return EXIT_USER_ERROR
        print(f"PDF: {result.pdf}")
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    from desktop.core.export import render_markdown_file

    result = render_markdown_file(Path(args.input), Path(args.output), emblem=_emblem())
    _report_export(result)
    return EXIT_OK


def cmd_finalize(args: argparse.Namespace) -> int:
    from desktop.core.store import letters

    datum = parse_date(args.datum) if args.datum else None
    with _open_store(args) as store:
        with store.transaction() as db:
            letter = letters.resolve(db, args.letter)
            assert letter.id is not None
            done = letters.finalize(db, letter.id, datum)
        settled = [m for m in done.motions if m.afdoen]
        kept = [c for c in done.commitments if c.afdoen]
    print(
        f"Brief {done.kenmerk or done.id} is definitief; {len(settled)} "
        f"{'motie' if len(settled) == 1 else 'moties'} en {len(kept)} "
        f"{'toezegging' if len(kept) == 1 else 'toezeggingen'} afgedaan."
    )
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.core.store.backup import list_backups, make_backup

    path = paths.default_db_path(args.db)
    if args.list:
        items = list_backups(path)
        if not items:
            print("Er zijn nog geen reservekopieën.")
        for item in items:
            print(
                f"{item.made:%Y-%m-%d %H:%M}  {item.kind:<13}  {item.size // 1024:>6} kB  "
                f"{item.path}"
            )
        return EXIT_OK
    with _open_store(args) as store:
        made = make_backup(store.db, path, target=Path(args.to) if args.to else None)
    print(f"Reservekopie gemaakt: {made}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.core.store.backup import restore_backup

    path = paths.default_db_path(args.db)
    with _open_store(args) as store:
        safety = restore_backup(store.db, path, Path(args.backup))
    print(f"Hersteld uit {args.backup}. De vorige inhoud staat in {safety}.")
    return EXIT_OK


def _date_arg(value: str | None) -> dt.date | None:
    return parse_date(value) if value else None


def cmd_due(args: argparse.Namespace) -> int:
    from desktop.core.planning.due import due_items

    with _open_store(args) as store:
        items = due_items(store.db, before=_date_arg(args.before))
    if args.format == "json":
        _print_json([item.as_json() for item in items])
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
    print(_table(["Datum", "", "Soort", "Verwijzing", "Wat"], rows))
    return EXIT_OK


def cmd_changes(args: argparse.Namespace) -> int:
    from desktop.core.planning.changes import (
        changes_between,
        previous_letter,
        report_document,
        section_diffs,
    )
    from desktop.core.store import letters

    with _open_store(args) as store:
        diffs = None
        if args.letter:
            letter = letters.resolve(store.db, args.letter)
            earlier = (
                letters.resolve(store.db, args.since)
                if args.since
                else previous_letter(store.db, letter)
            )
            if earlier is None or earlier.datum is None or letter.datum is None:
                raise UserError(
                    "Er is geen eerdere brief met een datum om mee te vergelijken; "
                    "geef --since DATUM."
                )
            since, until = earlier.datum, letter.datum
            diffs = section_diffs(earlier, letter)
        else:
            if not args.since:
                raise UserError("Geef een brief of --since DATUM.")
            since = parse_date(args.since)
            until = _date_arg(args.until) or dt.date.today()
        report = changes_between(store.db, since, until)
    if args.output:
        from desktop.core.export import write_letter

        result = write_letter(report_document(report, diffs), Path(args.output), emblem=None)
        print(f"Opgeslagen: {result.docx}")
    if args.format == "json":
        data = report.as_json()
        if diffs is not None:
            data["secties"] = [
                {"titel": d.titel, "status": d.status, "vervallen": d.removed, "nieuw": d.added}
                for d in diffs
            ]
        _print_json(data)
    elif not args.output:
        print(f"Veranderd na {since.isoformat()} tot en met {until.isoformat()}:")
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
    from desktop.core.planning.carry_forward import new_letter_from
    from desktop.core.store import letters

    with _open_store(args) as store, store.transaction() as db:
        previous = letters.resolve(db, args.previous)
        letter = new_letter_from(db, previous, parse_date(args.datum), args.kenmerk)
    print(
        f"Nieuwe conceptbrief {letter.kenmerk or ''} [id {letter.id}] gemaakt uit "
        f"{previous.kenmerk or previous.id}: {len(letter.sections)} secties, "
        f"{len(letter.motions)} moties, {len(letter.commitments)} toezeggingen, "
        f"{len(letter.convenant_ids)} convenanten in de bijlage."
    )
    return EXIT_OK


def cmd_versions(args: argparse.Namespace) -> int:
    from desktop.core.planning.versions import compare_versions, list_versions
    from desktop.core.store import letters

    with _open_store(args) as store:
        letter = letters.resolve(store.db, args.letter)
        assert letter.id is not None
        if args.compare:
            old, new = args.compare
            comparison = compare_versions(store.db, letter.id, old, new)
            if args.format == "json":
                _print_json(
                    {
                        "van": old,
                        "naar": new,
                        "secties": [
                            {
                                "titel": d.titel,
                                "status": d.status,
                                "vervallen": d.removed,
                                "nieuw": d.added,
                            }
                            for d in comparison.sections
                        ],
                    }
                )
            else:
                print("\n".join(comparison.text_diff) or "Geen verschillen.")
            return EXIT_OK
        versions = list_versions(store.db, letter.id)
    if args.format == "json":
        _print_json([v.as_json() for v in versions])
    elif not versions:
        print("Deze brief is nog niet geëxporteerd; er zijn geen versies.")
    else:
        print(
            _table(
                ["Versie", "Gemaakt", "Door", "Bestand"],
                [(v.nummer, v.gemaakt, v.wie, v.bestand) for v in versions],
            )
        )
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.app import run_gui

    return run_gui(args.db)


# -- parser --------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to keep the README's command list true)."""
    parser = _Parser(
        prog="voortgang",
        description="Voortgang: register van moties, toezeggingen, convenanten en EU-dossiers, "
        "en concepten van voortgangsbrieven.",
    )
    parser.add_argument(
        "--version", action="version", version=f"Voortgang {__version__}", help="toon de versie"
    )
    parser.add_argument(
        "--db", metavar="PAD", help="registerbestand (standaard: VOORTGANG_DB of de gebruikersmap)"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="OPDRACHT")

    p = sub.add_parser("init", help="maak een register aan (met --demo: gevuld met de demo)")
    p.add_argument("--demo", action="store_true", help="vul een nieuw register met de demo")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("motions", help="toon moties")
    p.add_argument("--status", default="open", choices=MOTION_STATUS_FILTERS)
    p.add_argument("--search", metavar="TEKST", help="zoek in onderwerp, indieners, tekst")
    p.add_argument("--format", default="table", choices=("table", "json", "csv"))
    p.set_defaults(func=cmd_motions)

    p = sub.add_parser("import", help="importeer gegevens")
    import_sub = p.add_subparsers(dest="kind", parser_class=_Parser, metavar="SOORT", required=True)
    q = import_sub.add_parser("motion", help="officiële motieteksten (.txt)")
    q.add_argument("files", nargs="+", metavar="BESTAND")
    q.add_argument("--json", action="store_true", help="toon de opgeslagen moties als JSON")
    q.set_defaults(func=cmd_import_motion)
    q = import_sub.add_parser(
        "tk",
        help="open data van de Tweede Kamer (OData-JSON of SyncFeed-Atom): moties, toezeggingen",
    )
    q.add_argument("files", nargs="*", metavar="BESTAND")
    q.add_argument("--json", action="store_true", help="toon het verslag als JSON")
    q.add_argument("--dossier", metavar="NUMMER", help="dossier om te downloaden (met --fetch)")
    q.add_argument(
        "--fetch",
        action="store_true",
        help="download de moties van --dossier van de open-datadienst",
    )
    q.set_defaults(func=cmd_import_tk, parser=q)
    q = import_sub.add_parser(
        "letter", help="verwijzingen uit een eerdere brief (.docx, .md, .txt)"
    )
    q.add_argument("file", metavar="BESTAND")
    q.add_argument("--dry-run", action="store_true", help="toon alleen wat er gevonden is")
    q.add_argument("--json", action="store_true", help="toon het resultaat als JSON")
    q.set_defaults(func=cmd_import_letter)

    p = sub.add_parser("letters", help="toon brieven")
    p.add_argument("--format", default="table", choices=("table", "json"))
    p.set_defaults(func=cmd_letters)

    p = sub.add_parser(
        "afdoeningstabel", help="schrijf de afdoeningstabel van moties en toezeggingen (.xlsx/.csv)"
    )
    p.add_argument("-o", "--output", required=True, metavar="UIT.xlsx")
    p.add_argument("--format", choices=("xlsx", "csv"), help="standaard: volgens de extensie")
    p.add_argument("--status", default="open", choices=("open", "all"))
    p.set_defaults(func=cmd_afdoeningstabel)

    p = sub.add_parser("settle", help="markeer een motie als afgedaan met een brief")
    p.add_argument("motion", metavar="MOTIE", help="id of Kamerstuknummer van de motie")
    p.add_argument("--letter", required=True, metavar="KENMERK", help="kenmerk van de brief")
    p.add_argument("--datum", metavar="DATUM", help="datum van afdoening (standaard vandaag)")
    p.set_defaults(func=cmd_settle)

    p = sub.add_parser("reopen", help="heropen een motie, of een definitieve brief")
    p.add_argument("target", metavar="MOTIE_OF_BRIEF", help="id/Kamerstuk van een motie of kenmerk")
    p.add_argument("--letter", action="store_true", help="het doel is een brief (id of kenmerk)")
    p.set_defaults(func=cmd_reopen)

    p = sub.add_parser("export", help="maak een Word-concept van een brief")
    p.add_argument("letter", metavar="BRIEF", help="id of kenmerk van de brief")
    p.add_argument("-o", "--output", required=True, metavar="UIT.docx")
    p.add_argument(
        "--annexes-separately",
        metavar="MAP",
        help="schrijf elke convenantbijlage ook als eigen .docx in deze map",
    )
    p.add_argument("--pdf", action="store_true", help="maak ook een PDF (met LibreOffice)")
    p.add_argument(
        "--afdoeningstabel",
        action="store_true",
        help="voeg de afdoeningstabel van de moties en toezeggingen toe als bijlage",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("render", help="zet een Markdown-bestand om in een brief (.docx)")
    p.add_argument("input", metavar="IN.md")
    p.add_argument("-o", "--output", required=True, metavar="UIT.docx")
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("finalize", help="maak een brief definitief en doe zijn moties af")
    p.add_argument("letter", metavar="BRIEF", help="id of kenmerk van de brief")
    p.add_argument("--datum", metavar="DATUM", help="datum van afdoening (standaard briefdatum)")
    p.set_defaults(func=cmd_finalize)

    p = sub.add_parser("backup", help="maak een reservekopie van het register")
    p.add_argument(
        "--to", metavar="BESTAND", help="waar de kopie komt (standaard naast het register)"
    )
    p.add_argument("--list", action="store_true", help="toon de bestaande reservekopieën")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="zet een reservekopie terug")
    p.add_argument("backup", metavar="KOPIE", help="het reservekopiebestand")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("due", help="wat moet er in de volgende brief (termijnen, toezeggingen)")
    p.add_argument("--before", metavar="DATUM", help="tot en met deze datum (standaard +90 dagen)")
    p.add_argument("--format", default="table", choices=("table", "json"))
    p.set_defaults(func=cmd_due)

    p = sub.add_parser("changes", help="wat is er veranderd sinds de vorige brief")
    p.add_argument("letter", nargs="?", metavar="BRIEF", help="vergelijk met de brief daarvoor")
    p.add_argument("--since", metavar="BRIEF_OF_DATUM", help="eerdere brief, of begindatum")
    p.add_argument("--until", metavar="DATUM", help="einddatum (zonder BRIEF; standaard vandaag)")
    p.add_argument("--format", default="table", choices=("table", "json"))
    p.add_argument("-o", "--output", metavar="RAPPORT.docx", help="schrijf het rapport in Word")
    p.set_defaults(func=cmd_changes)

    p = sub.add_parser("new-letter", help="nieuwe conceptbrief op basis van de vorige")
    p.add_argument("--from", dest="previous", required=True, metavar="BRIEF")
    p.add_argument("--datum", required=True, metavar="DATUM", help="geplande datum")
    p.add_argument("--kenmerk", metavar="KENMERK")
    p.set_defaults(func=cmd_new_letter)

    p = sub.add_parser("versions", help="geëxporteerde versies van een brief, of vergelijk er twee")
    p.add_argument("letter", metavar="BRIEF")
    p.add_argument("--compare", nargs=2, type=int, metavar=("OUD", "NIEUW"))
    p.add_argument("--format", default="table", choices=("table", "json"))
    p.set_defaults(func=cmd_versions)

    p = sub.add_parser("gui", help="start het programma met vensters")
    p.set_defaults(func=cmd_gui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", cmd_gui)
    try:
        return func(args)
    except UserError as error:
        print(f"voortgang: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("voortgang: afgebroken.", file=sys.stderr)
        return EXIT_USER_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
