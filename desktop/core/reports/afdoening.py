"""The afdoeningstabel: motions and commitments with their status, as .xlsx, .csv or an annex.

One row per motion or commitment: what it is (Kamerstuk or toezegging number, name and
subject), who (signers or minister), the Kamer's side (outcome of the vote, or the status
the Kamer's open data gives a toezegging), the ministry's own status, the deadline and the
letters that settled it.

``status="open"`` lists what still needs work: motions whose implementation status is
open, except those the Kamer rejected, that were withdrawn or lapsed (nothing to carry
out), and open commitments. ``status="all"`` lists everything.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.docx.save import atomic_write
from desktop.core.domain.models import NOTHING_TO_CARRY_OUT, Commitment, Letter, Motion
from desktop.core.drafting.model import Annex, Inline, LetterDocument, Paragraph, Table, Text
from desktop.core.errors import FileProblem, InvalidInput
from desktop.core.store import commitments, motions, open_data

if TYPE_CHECKING:
    from sqlalchemy import Connection as Database

__all__ = [
    "COLUMNS",
    "AfdoeningRow",
    "add_afdoening_annex",
    "afdoening_annex",
    "afdoening_markdown",
    "afdoening_rows",
    "afdoening_table",
    "annex_markdown",
    "letter_rows",
    "write_afdoeningstabel",
    "write_csv",
    "write_xlsx",
]

STATUS_FILTERS = ("open", "all")
_NOT_TO_CARRY_OUT = ("verworpen", "ingetrokken", "vervallen")

#: Column headers and widths (in characters) of the .xlsx/.csv table.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("Soort", 11),
    ("Nummer", 28),
    ("Omschrijving", 60),
    ("Indieners of bewindspersoon", 28),
    ("Datum", 12),
    ("Uitslag of status Kamer", 16),
    ("Status", 15),
    ("Termijn of nakoming", 14),
    ("Afgedaan met", 24),
    ("Datum afdoening", 14),
    ("Directie", 20),
    ("Afwijkend van de Kamer", 26),
)
# Our statuses that mean settled (motions: afgedaan; commitments: voldaan, vervallen).
_SETTLED = ("afgedaan", "voldaan", "vervallen")
_DATE_COLUMNS = frozenset({"Datum", "Termijn of nakoming", "Datum afdoening"})


@dataclass(slots=True)
class AfdoeningRow:
    """One motion or commitment in the table."""

    soort: str
    nummer: str
    omschrijving: str
    wie: str
    datum: dt.date | None
    kamer: str
    status: str
    deadline: dt.date | None
    afgedaan_met: str
    datum_afdoening: dt.date | None
    directie: str
    # The Kamer's view: afgedaan (True), not (False), unknown or not applicable (None).
    kamer_afgedaan: bool | None = None

    @property
    def afwijkend(self) -> str:
        """``ja: de Kamer zegt afgedaan`` when the Kamer and our status disagree, else ""."""
        if self.kamer_afgedaan is None:
            return ""
        ours = self.status in _SETTLED
        if self.kamer_afgedaan and not ours:
            return "ja: volgens de Kamer afgedaan"
        if ours and not self.kamer_afgedaan:
            return "ja: volgens de Kamer niet afgedaan"
        return ""

    def values(self) -> list[Any]:
        """Cell values in column order (dates stay dates)."""
        return [
            self.soort,
            self.nummer,
            self.omschrijving,
            self.wie,
            self.datum,
            self.kamer,
            self.status,
            self.deadline,
            self.afgedaan_met,
            self.datum_afdoening,
            self.directie,
            self.afwijkend,
        ]


def _motion_row(motion: Motion) -> AfdoeningRow:
    name = motion.name[0].upper() + motion.name[1:]
    omschrijving = f"{name} over {motion.onderwerp}" if motion.onderwerp else name
    settled = motion.status == "afgedaan"
    return AfdoeningRow(
        soort="Motie",
        nummer=motion.number_label() if motion.kamerstuk is None else motion.reference,
        omschrijving=omschrijving,
        wie=", ".join(motion.indieners),
        datum=motion.voorgesteld,
        kamer=motion.uitslag,
        status=motion.status,
        deadline=motion.deadline,
        afgedaan_met="; ".join(motion.afgedaan_met),
        datum_afdoening=motion.status_datum if settled else None,
        directie=motion.directie or "",
        # Zaak.Afgedaan is procedural: for a motion with nothing to carry out it says
        # nothing about our work (see Motion.afwijkend_van_kamer).
        kamer_afgedaan=None if motion.uitslag in NOTHING_TO_CARRY_OUT else motion.kamer_afgedaan,
    )


def _commitment_row(item: Commitment, kamer_status: str | None) -> AfdoeningRow:
    settled = item.status in ("voldaan", "vervallen")
    nummer = item.nummer or (item.kamerstuk.letter_style() if item.kamerstuk else "")
    letters = list(item.voldaan_met)
    if item.kamerbrief_nakoming and item.kamerbrief_nakoming not in letters:
        letters.append(item.kamerbrief_nakoming)
    return AfdoeningRow(
        soort="Toezegging",
        nummer=nummer,
        omschrijving=item.tekst,
        wie=", ".join(p for p in (item.minister, item.ministerie) if p),
        datum=item.datum_gedaan,
        kamer=(kamer_status or "").lower(),
        status=item.status,
        deadline=item.datum_nakoming,
        afgedaan_met="; ".join(letters),
        datum_afdoening=item.status_datum if settled else None,
        directie="",
        kamer_afgedaan=(
            None if not kamer_status else kamer_status.strip().lower() in ("voldaan", "vervallen")
        ),
    )


def afdoening_rows(db: Database, status: str = "open") -> list[AfdoeningRow]:
    """All rows of the registry's afdoeningstabel: motions first, then commitments."""
    if status not in STATUS_FILTERS:
        raise InvalidInput(f"‘{status}’ is geen keuze voor de afdoeningstabel: open of all.")
    found = motions.list_motions(db, status="open" if status == "open" else "all")
    if status == "open":
        found = [m for m in found if m.uitslag not in _NOT_TO_CARRY_OUT]
    kamer = {i: link.status for i, link in open_data.all_links(db, "commitment").items()}
    rows = [_motion_row(m) for m in found]
    rows += [
        _commitment_row(c, kamer.get(c.id or 0))
        for c in commitments.list_commitments(db, status="open" if status == "open" else "all")
    ]
    return rows


def letter_rows(db: Database, letter: Letter) -> list[AfdoeningRow]:
    """Rows for the motions and commitments a letter reports on (as this letter leaves them)."""
    reference = letter.kenmerk or "deze brief"
    kamer = {i: link.status for i, link in open_data.all_links(db, "commitment").items()}
    rows: list[AfdoeningRow] = []
    for item in letter.motions:
        row = _motion_row(motions.get(db, item.motion_id))
        if item.afdoen:
            row.status = "afgedaan"
            if reference not in row.afgedaan_met:
                row.afgedaan_met = "; ".join(p for p in (row.afgedaan_met, reference) if p)
        rows.append(row)
    for commitment_item in letter.commitments:
        commitment = commitments.get(db, commitment_item.commitment_id)
        row = _commitment_row(commitment, kamer.get(commitment.id or 0))
        if commitment_item.afdoen:
            row.status = "voldaan"
            if reference not in row.afgedaan_met:
                row.afgedaan_met = "; ".join(p for p in (row.afgedaan_met, reference) if p)
        rows.append(row)
    return rows


# -- files --------------------------------------------------------------------------------------


def write_xlsx(rows: Sequence[AfdoeningRow], target: Path) -> Path:
    """Write the table as an Excel workbook: bold, frozen header with a filter; real dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Afdoeningstabel"
    sheet.append([header for header, _ in COLUMNS])
    for row in rows:
        sheet.append(row.values())
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="D9D9D9")
    for cell in sheet[1]:
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for index, (header, width) in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = width
        for cell in sheet[letter][1:]:
            cell.alignment = Alignment(vertical="top", wrap_text=header == "Omschrijving")
            if header in _DATE_COLUMNS:
                cell.number_format = "DD-MM-YYYY"
    last = get_column_letter(len(COLUMNS))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(rows) + 1)}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    workbook.properties.title = "Afdoeningstabel moties en toezeggingen"
    workbook.properties.language = "nl-NL"
    workbook.properties.creator = "Voortgang"
    return atomic_write(target, workbook.save)


def _csv_value(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def write_csv(rows: Sequence[AfdoeningRow], target: Path) -> Path:
    """Write the table as CSV for Excel in Dutch: UTF-8 with BOM, ``;``, ISO dates."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([header for header, _ in COLUMNS])
    for row in rows:
        writer.writerow([_csv_value(value) for value in row.values()])
    data = buffer.getvalue().encode("utf-8-sig")
    return atomic_write(target, lambda stream: stream.write(data))


def write_afdoeningstabel(
    db: Database, target: Path, *, status: str = "open", file_format: str | None = None
) -> tuple[Path, int]:
    """Write the registry's afdoeningstabel to ``target`` (.xlsx or .csv); returns (path, rows)."""
    kind = (file_format or target.suffix.lstrip(".")).lower()
    if kind not in ("xlsx", "csv"):
        raise FileProblem(
            f"{target.name}: kies .xlsx (Excel) of .csv als bestandsnaam, of geef --format."
        )
    rows = afdoening_rows(db, status)
    writer = write_xlsx if kind == "xlsx" else write_csv
    return writer(rows, target), len(rows)


# -- letters ------------------------------------------------------------------------------------

_ANNEX_HEADERS = ("Soort", "Vindplaats", "Omschrijving", "Status")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
ANNEX_TITLE = "Afdoeningstabel moties en toezeggingen"
_ANNEX_MARKER = re.compile(r"^\s*<!--\s*bijlage\s*:", re.IGNORECASE | re.MULTILINE)
_ANNEX_INTRO = "Overzicht van de moties en toezeggingen in deze brief, met hun stand van zaken."


def _annex_status(row: AfdoeningRow) -> str:
    if row.afgedaan_met and row.status in ("afgedaan", "voldaan"):
        return f"{row.status} ({row.afgedaan_met})"
    return row.status


def afdoening_table(rows: Sequence[AfdoeningRow]) -> Table:
    """The table as a letter-model :class:`Table` (its header row is marked in Word)."""
    header: list[list[Inline]] = [[Text(title)] for title in _ANNEX_HEADERS]
    body: list[list[list[Inline]]] = [
        [
            [Text(row.soort)],
            [Text(row.nummer)],
            [Text(row.omschrijving)],
            [Text(_annex_status(row))],
        ]
        for row in rows
    ]
    return Table(header=header, rows=body)


def afdoening_annex(rows: Sequence[AfdoeningRow], title: str) -> Annex:
    """An annex (bijlage) with the afdoeningstabel, for a letter."""
    intro = Paragraph([Text(_ANNEX_INTRO)])
    return Annex(title=title, blocks=[intro, afdoening_table(rows)], file_stem="afdoeningstabel")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>^|])")


def _md_cell(text: str) -> str:
    """Registry text as a literal table cell (never read as Markdown markup)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def afdoening_markdown(rows: Sequence[AfdoeningRow]) -> str:
    """The table as Markdown (for templates and the preview); the first row is the header."""
    lines = [
        "| " + " | ".join(_ANNEX_HEADERS) + " |",
        "|" + "---|" * len(_ANNEX_HEADERS),
    ]
    for row in rows:
        cells = (row.soort, row.nummer, row.omschrijving, _annex_status(row))
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def add_afdoening_annex(document: LetterDocument, rows: Sequence[AfdoeningRow]) -> Annex:
    """Append the afdoeningstabel as the next bijlage of a composed letter."""
    number = len(document.annexes) + 1
    label = _ROMAN[number - 1] if number <= len(_ROMAN) else str(number)
    annex = afdoening_annex(rows, f"Bijlage {label}: {ANNEX_TITLE}")
    document.annexes.append(annex)
    document.meta.bijlagen = len(document.annexes)
    return annex


def annex_markdown(rows: Sequence[AfdoeningRow], letter_markdown: str = "") -> str:
    """The afdoeningstabel as the next bijlage of a letter's Markdown (numbered after its own)."""
    number = len(_ANNEX_MARKER.findall(letter_markdown)) + 1
    label = _ROMAN[number - 1] if number <= len(_ROMAN) else str(number)
    return (
        f"<!-- bijlage: Bijlage {label}: {ANNEX_TITLE} | afdoeningstabel -->\n\n"
        f"{_ANNEX_INTRO}\n\n{afdoening_markdown(rows)}"
    )
