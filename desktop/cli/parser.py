"""The ``voortgang`` argument parser, with argparse's own messages in Dutch (exit 2 on misuse)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from importlib import import_module

from desktop import __version__
from desktop.cli.codes import EXIT_USAGE
from desktop.core.domain.statuses import MOTION_STATUS_FILTERS

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


def _command(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    """A command, imported when it runs: ``voortgang render`` never loads the database
    engines, and ``--version`` or ``--help`` load nothing at all."""

    def run(args: argparse.Namespace) -> int:
        command: Callable[[argparse.Namespace], int] = getattr(
            import_module(f"desktop.cli.{module}"), name
        )
        return command(args)

    run.__name__ = name
    return run


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
        "--db",
        metavar="REGISTER",
        help="registerbestand of teamregister (postgresql://gebruiker@server/database); "
        "standaard VOORTGANG_DB of het register in de gebruikersmap",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="OPDRACHT")

    p = sub.add_parser("init", help="maak een register aan (met --demo: gevuld met de demo)")
    p.add_argument("--demo", action="store_true", help="vul een nieuw register met de demo")
    p.set_defaults(func=_command("registry", "cmd_init"))

    p = sub.add_parser(
        "migrate", help="werk het schema van het register bij (op een server: de beheerder)"
    )
    p.set_defaults(func=_command("registry", "cmd_migrate"))

    p = sub.add_parser(
        "copy-registry",
        help="kopieer een heel register naar een ander adres (bestand of server), gecontroleerd",
    )
    p.add_argument("source", metavar="VAN", help="het register dat gekopieerd wordt")
    p.add_argument("target", metavar="NAAR", help="een leeg register (bestand of postgresql://)")
    p.add_argument(
        "--vervang",
        dest="replace",
        action="store_true",
        help="vervang de inhoud van een doelregister dat niet leeg is",
    )
    p.set_defaults(func=_command("registry", "cmd_copy_registry"))

    p = sub.add_parser("motions", help="toon moties")
    p.add_argument("--status", default="open", choices=MOTION_STATUS_FILTERS)
    p.add_argument("--search", metavar="TEKST", help="zoek in onderwerp, indieners, tekst")
    p.add_argument("--format", default="table", choices=("table", "json", "csv"))
    p.set_defaults(func=_command("registry", "cmd_motions"))

    p = sub.add_parser("import", help="importeer gegevens")
    import_sub = p.add_subparsers(dest="kind", parser_class=_Parser, metavar="SOORT", required=True)
    q = import_sub.add_parser("motion", help="officiële motieteksten (.txt)")
    q.add_argument("files", nargs="+", metavar="BESTAND")
    q.add_argument("--json", action="store_true", help="toon de opgeslagen moties als JSON")
    q.set_defaults(func=_command("registry", "cmd_import_motion"))
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
    q.set_defaults(func=_command("imports", "cmd_import_tk"), parser=q)
    q = import_sub.add_parser(
        "letter", help="verwijzingen uit een eerdere brief (.docx, .md, .txt)"
    )
    q.add_argument("file", metavar="BESTAND")
    q.add_argument("--dry-run", action="store_true", help="toon alleen wat er gevonden is")
    q.add_argument(
        "--update",
        action="store_true",
        help="lees de definitieve tekst uit Word in als nieuwe versie van de geregistreerde brief",
    )
    q.add_argument("--json", action="store_true", help="toon het resultaat als JSON")
    q.set_defaults(func=_command("imports", "cmd_import_letter"))

    p = sub.add_parser("letters", help="toon brieven")
    p.add_argument("--format", default="table", choices=("table", "json"))
    p.set_defaults(func=_command("registry", "cmd_letters"))

    p = sub.add_parser(
        "afdoeningstabel", help="schrijf de afdoeningstabel van moties en toezeggingen (.xlsx/.csv)"
    )
    p.add_argument("-o", "--output", required=True, metavar="UIT.xlsx")
    p.add_argument("--format", choices=("xlsx", "csv"), help="standaard: volgens de extensie")
    p.add_argument("--status", default="open", choices=("open", "all"))
    p.set_defaults(func=_command("imports", "cmd_afdoeningstabel"))

    p = sub.add_parser("settle", help="markeer een motie als afgedaan met een brief")
    p.add_argument("motion", metavar="MOTIE", help="id of Kamerstuknummer van de motie")
    p.add_argument("--letter", required=True, metavar="KENMERK", help="kenmerk van de brief")
    p.add_argument("--datum", metavar="DATUM", help="datum van afdoening (standaard vandaag)")
    p.set_defaults(func=_command("registry", "cmd_settle"))

    p = sub.add_parser("reopen", help="heropen een motie, of een definitieve brief")
    p.add_argument("target", metavar="MOTIE_OF_BRIEF", help="id/Kamerstuk van een motie of kenmerk")
    p.add_argument("--letter", action="store_true", help="het doel is een brief (id of kenmerk)")
    p.set_defaults(func=_command("registry", "cmd_reopen"))

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
    p.add_argument(
        "--letterhead",
        metavar="BESTAND",
        help="briefhoofd voor deze export: Word-sjabloon (.dotx/.docx) of embleem (.png/.jpg)",
    )
    p.set_defaults(func=_command("letters", "cmd_export"))

    p = sub.add_parser("letterhead", help="het briefhoofd van het ministerie (sjabloon of embleem)")
    p.add_argument("action", choices=("set", "show", "clear"), metavar="set|show|clear")
    p.add_argument("file", nargs="?", metavar="BESTAND", help="sjabloon (.dotx/.docx) of embleem")
    p.set_defaults(func=_command("letters", "cmd_letterhead"))

    p = sub.add_parser("render", help="zet een Markdown-bestand om in een brief (.docx)")
    p.add_argument("input", metavar="IN.md")
    p.add_argument("-o", "--output", required=True, metavar="UIT.docx")
    p.set_defaults(func=_command("render", "cmd_render"))

    p = sub.add_parser("finalize", help="maak een brief definitief en doe zijn moties af")
    p.add_argument("letter", metavar="BRIEF", help="id of kenmerk van de brief")
    p.add_argument("--datum", metavar="DATUM", help="datum van afdoening (standaard briefdatum)")
    p.set_defaults(func=_command("letters", "cmd_finalize"))

    p = sub.add_parser("backup", help="maak een reservekopie van het register")
    p.add_argument(
        "--to", metavar="BESTAND", help="waar de kopie komt (standaard naast het register)"
    )
    p.add_argument("--list", action="store_true", help="toon de bestaande reservekopieën")
    p.set_defaults(func=_command("registry", "cmd_backup"))

    p = sub.add_parser("restore", help="zet een reservekopie terug")
    p.add_argument("backup", metavar="KOPIE", help="het reservekopiebestand")
    p.set_defaults(func=_command("registry", "cmd_restore"))

    p = sub.add_parser("due", help="wat moet er in de volgende brief (termijnen, toezeggingen)")
    p.add_argument("--before", metavar="DATUM", help="tot en met deze datum (standaard +90 dagen)")
    p.add_argument("--format", default="table", choices=("table", "json"))
    p.set_defaults(func=_command("planning", "cmd_due"))

    p = sub.add_parser("changes", help="wat is er veranderd sinds de vorige brief")
    p.add_argument("letter", nargs="?", metavar="BRIEF", help="vergelijk met de brief daarvoor")
    p.add_argument("--since", metavar="BRIEF_OF_DATUM", help="eerdere brief, of begindatum")
    p.add_argument("--until", metavar="DATUM", help="einddatum (zonder BRIEF; standaard vandaag)")
    p.add_argument("--format", default="table", choices=("table", "json"))
    p.add_argument("-o", "--output", metavar="RAPPORT.docx", help="schrijf het rapport in Word")
    p.set_defaults(func=_command("planning", "cmd_changes"))

    p = sub.add_parser("new-letter", help="nieuwe conceptbrief op basis van de vorige")
    p.add_argument("--from", dest="previous", required=True, metavar="BRIEF")
    p.add_argument("--datum", required=True, metavar="DATUM", help="geplande datum")
    p.add_argument("--kenmerk", metavar="KENMERK")
    p.set_defaults(func=_command("planning", "cmd_new_letter"))

    p = sub.add_parser("versions", help="geëxporteerde versies van een brief, of vergelijk er twee")
    p.add_argument("letter", metavar="BRIEF")
    p.add_argument("--compare", nargs=2, type=int, metavar=("OUD", "NIEUW"))
    p.add_argument(
        "-o",
        "--output",
        metavar="WIJZIGINGEN.docx",
        help="met --compare: schrijf de nieuwe versie met bijgehouden wijzigingen",
    )
    p.add_argument("--format", default="table", choices=("table", "json"))
    p.set_defaults(func=_command("planning", "cmd_versions"))

    p = sub.add_parser("gui", help="start het programma met vensters")
    p.set_defaults(func=None)
    return parser
