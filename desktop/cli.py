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
        "name": motion.name,
        "dossier": f"{ref.dossier:,}".replace(",", " "),
        "toevoeging": ref.toevoeging,
        "nummer": ref.nummer if ref.nummer is not None else ref.ondernummer,
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

    return Store.open(paths.default_db_path(args.db))


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
            (m.id, m.citation, m.name, (m.onderwerp or "")[:50], m.status, m.uitslag) for m in items
        ]
        print(_table(["id", "Kamerstuk", "Motie", "Onderwerp", "Status", "Uitslag"], rows))
        print(f"\n{len(items)} {'motie' if len(items) == 1 else 'moties'}")
    return EXIT_OK


def cmd_import_motion(args: argparse.Namespace) -> int:
    from desktop.core.importers.motion_text import parse_motion_file
    from desktop.core.store import motions

    parsed = [parse_motion_file(Path(name)) for name in args.files]
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
        result = export_letter(
            store.db,
            letter,
            _library(),
            Path(args.output),
            emblem=_emblem(),
            annexes_dir=annexes,
            pdf=False,
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

    p = sub.add_parser("letters", help="toon brieven")
    p.add_argument("--format", default="table", choices=("table", "json"))
    p.set_defaults(func=cmd_letters)

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
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("render", help="zet een Markdown-bestand om in een brief (.docx)")
    p.add_argument("input", metavar="IN.md")
    p.add_argument("-o", "--output", required=True, metavar="UIT.docx")
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("finalize", help="maak een brief definitief en doe zijn moties af")
    p.add_argument("letter", metavar="BRIEF", help="id of kenmerk van de brief")
    p.add_argument("--datum", metavar="DATUM", help="datum van afdoening (standaard briefdatum)")
    p.set_defaults(func=cmd_finalize)

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
