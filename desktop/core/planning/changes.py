"""What changed between two letters: registry changes in the period, and the texts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Connection as Database

from desktop.core.domain.dutch import format_date
from desktop.core.domain.models import Letter, StatusChange
from desktop.core.drafting.model import (
    Block,
    Heading,
    LetterDocument,
    LetterMeta,
    ListBlock,
    Paragraph,
    Table,
    Text,
)
from desktop.core.store import commitments, convenanten, eu, history, letters, motions

if TYPE_CHECKING:
    from desktop.core.drafting.templates import TemplateLibrary


@dataclass(frozen=True, slots=True)
class Change:
    """One change in the registry."""

    soort: str  # motie, toezegging, convenant, eu
    id: int
    titel: str
    wat: str
    datum: str
    wie: str | None = None  # who made the change, when the status history knows it

    def as_json(self) -> dict[str, object]:
        """JSON shape for ``voortgang changes``."""
        return {
            "soort": self.soort,
            "id": self.id,
            "titel": self.titel,
            "wat": self.wat,
            "datum": self.datum,
            "wie": self.wie,
        }


@dataclass(slots=True)
class ChangeReport:
    """Changes between ``since`` (exclusive) and ``until`` (inclusive)."""

    since: dt.date
    until: dt.date
    new_motions: list[Change] = field(default_factory=list)
    status_changes: list[Change] = field(default_factory=list)
    settled: list[Change] = field(default_factory=list)
    overdue: list[Change] = field(default_factory=list)
    convenant_progress: list[Change] = field(default_factory=list)
    eu_milestones: list[Change] = field(default_factory=list)

    def groups(self) -> list[tuple[str, list[Change]]]:
        """The report's parts with their Dutch titles, in reading order."""
        return [
            ("Nieuwe moties", self.new_motions),
            ("Afgedaan", self.settled),
            ("Statuswijzigingen", self.status_changes),
            ("Termijn verstreken", self.overdue),
            ("Nieuwe voortgang convenanten", self.convenant_progress),
            ("EU-mijlpalen", self.eu_milestones),
        ]

    def as_json(self) -> dict[str, object]:
        """JSON shape for ``voortgang changes``."""
        keys = [
            "nieuwe_moties",
            "afgedaan",
            "statuswijzigingen",
            "verlopen",
            "convenantvoortgang",
            "eu_mijlpalen",
        ]
        result: dict[str, object] = {"van": self.since.isoformat(), "tot": self.until.isoformat()}
        for key, (_, items) in zip(keys, self.groups(), strict=True):
            result[key] = [item.as_json() for item in items]
        return result

    @property
    def empty(self) -> bool:
        """True when nothing changed in the period."""
        return not any(items for _, items in self.groups())


def _in(value: str | None, since: dt.date, until: dt.date) -> bool:
    if not value:
        return False
    day = value[:10]
    if len(day) < 10:  # partial dates: compare on what is known
        return since.isoformat()[: len(day)] < day <= until.isoformat()[: len(day)]
    return since.isoformat() < day <= until.isoformat()


# Statuses that mean a motion or commitment is done with.
_SETTLED_STATUSES = frozenset({"afgedaan", "voldaan", "vervallen"})


def settled_before(db: Database, since: dt.date) -> set[tuple[str, int]]:
    """Motions and commitments whose settlement took effect on or before ``since``.

    Their settling is history of the previous letter, not a change after it, even when the
    registry recorded it later (the demo registry is loaded today with letters from 2020).
    """
    found: set[tuple[str, int]] = set()
    for motion in motions.list_motions(db, status="afgedaan"):
        if motion.id is not None and motion.status_datum and motion.status_datum <= since:
            found.add(("motion", motion.id))
    for item in commitments.list_commitments(db):
        if item.id and item.status_datum and item.status_datum <= since and not item.is_open:
            found.add(("commitment", item.id))
    return found


def net_status_changes(
    changes: Sequence[StatusChange], settled_earlier: Collection[tuple[str, int]] = ()
) -> list[StatusChange]:
    """One change per record from its first status to its last; none when they are equal.

    A status changed and changed back (an undo, a reopen that was undone) is no change, and
    neither is the recording of a settlement that took effect before the period
    (``settled_earlier``). The order is that of each record's last change.
    """
    last_index: dict[tuple[str, int], int] = {}
    first: dict[tuple[str, int], StatusChange] = {}
    for index, change in enumerate(changes):
        key = (change.entity, change.entity_id)
        first.setdefault(key, change)
        last_index[key] = index
    net: list[StatusChange] = []
    for key, index in sorted(last_index.items(), key=lambda item: item[1]):
        last = changes[index]
        if first[key].van == last.naar:
            continue
        if key in settled_earlier and last.naar in _SETTLED_STATUSES:
            continue
        net.append(dataclasses.replace(last, van=first[key].van))
    return net


def changes_between(db: Database, since: dt.date, until: dt.date) -> ChangeReport:
    """Everything in the registry that happened after ``since`` up to ``until``."""
    report = ChangeReport(since, until)
    status_changes = history.status_changes_between(db, since, until)
    # Who settled what: the last change of each record's status in the period.
    settled_by = {(c.entity, c.entity_id, c.naar): c.wie for c in status_changes}
    for motion in motions.list_motions(db, status="all"):
        assert motion.id is not None
        title = f"{motion.name} ({motion.reference})"
        if motion.voorgesteld is not None and _in(motion.voorgesteld.isoformat(), since, until):
            report.new_motions.append(
                Change("motie", motion.id, title, "voorgesteld", motion.voorgesteld.isoformat())
            )
        if (
            motion.status == "afgedaan"
            and motion.status_datum
            and _in(motion.status_datum.isoformat(), since, until)
        ):
            via = f" met brief {', '.join(motion.afgedaan_met)}" if motion.afgedaan_met else ""
            report.settled.append(
                Change(
                    "motie",
                    motion.id,
                    title,
                    f"afgedaan{via}",
                    motion.status_datum.isoformat(),
                    settled_by.get(("motion", motion.id, "afgedaan")),
                )
            )
        if motion.is_open and motion.deadline and _in(motion.deadline.isoformat(), since, until):
            report.overdue.append(
                Change("motie", motion.id, title, "termijn verstreken", motion.deadline.isoformat())
            )
    for item in commitments.list_commitments(db):
        assert item.id is not None
        if (
            item.status == "voldaan"
            and item.status_datum
            and _in(item.status_datum.isoformat(), since, until)
        ):
            report.settled.append(
                Change(
                    "toezegging",
                    item.id,
                    item.tekst,
                    "voldaan",
                    item.status_datum.isoformat(),
                    settled_by.get(("commitment", item.id, "voldaan")),
                )
            )
        if (
            item.is_open
            and item.datum_nakoming
            and _in(item.datum_nakoming.isoformat(), since, until)
        ):
            report.overdue.append(
                Change(
                    "toezegging",
                    item.id,
                    item.tekst,
                    "datum nakoming verstreken",
                    item.datum_nakoming.isoformat(),
                )
            )
    for change in net_status_changes(status_changes, settled_before(db, since)):
        if change.entity == "motion":
            title = motions.get(db, change.entity_id).name
        elif change.entity == "commitment":
            title = commitments.get(db, change.entity_id).tekst
        else:
            continue
        report.status_changes.append(
            Change(
                "motie" if change.entity == "motion" else "toezegging",
                change.entity_id,
                title,
                f"{change.van} → {change.naar}"
                + (f" ({change.toelichting})" if change.toelichting else ""),
                change.wanneer[:10],
                change.wie,
            )
        )
    for convenant in convenanten.list_convenanten(db):
        assert convenant.id is not None
        for entry in convenant.voortgang:
            if _in(entry.datum, since, until):
                report.convenant_progress.append(
                    Change(
                        "convenant",
                        convenant.id,
                        convenant.naam,
                        entry.bron or "voortgang",
                        entry.datum,
                    )
                )
    for eu_file in eu.list_eu_files(db):
        assert eu_file.id is not None
        for key_date in eu_file.datums:
            if _in(key_date.datum, since, until):
                report.eu_milestones.append(
                    Change("eu", eu_file.id, eu_file.titel, key_date.omschrijving, key_date.datum)
                )
    for _, items in report.groups():
        items.sort(key=lambda c: (c.datum, c.titel))
    return report


def previous_letter(db: Database, letter: Letter) -> Letter | None:
    """The letter sent or finalised before this one (by date), if any."""
    candidates = [
        other
        for other in letters.list_letters(db)
        if other.id != letter.id
        and other.datum is not None
        and other.sections
        and (letter.datum is None or other.datum < letter.datum)
    ]
    return max(candidates, key=lambda other: other.datum or dt.date.min, default=None)


@dataclass(frozen=True, slots=True)
class SectionDiff:
    """How one section's text changed: ``nieuw``, ``vervallen``, ``gewijzigd``, ``ongewijzigd``."""

    titel: str
    status: str
    removed: list[str]
    added: list[str]


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = (
    "nr.",
    "nrs.",
    "o.a.",
    "c.s.",
    "bijv.",
    "art.",
    "e.d.",
    "d.w.z.",
    "i.v.m.",
    "m.b.t.",
    "t.a.v.",
    "z.g.",
    "ca.",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "okt.",
    "nov.",
    "dec.",
    "mr.",
    "dr.",
    "prof.",
    "drs.",
    "ir.",
)


def _sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        for piece in re.split(r"(?<=[.!?])\s+", " ".join(paragraph.split())):
            if (
                sentences
                and sentences[-1].lower().endswith(_ABBREVIATIONS)
                and not (
                    piece[:1].isupper() and not sentences[-1].lower().endswith(("nr.", "nrs."))
                )
            ):
                sentences[-1] += " " + piece
            elif piece:
                sentences.append(piece)
    return sentences


INTRODUCTION = "Inleiding"
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_ANNEX = "<!-- bijlage:"


def rendered_sections(markdown: str) -> list[tuple[str, str]]:
    """The letter body's sections as the reader sees them: (title, full text) pairs.

    ``markdown`` is what the letter's template produced (motion paragraphs, responses
    and commitments in their sections); the text before the first heading is the
    introduction. The annexes are not part of the body.
    """
    body = markdown.split(_ANNEX, 1)[0]
    found: dict[str, list[str]] = {}
    title, lines = INTRODUCTION, list[str]()

    def flush() -> None:
        text = "\n".join(lines).strip()
        if text or title != INTRODUCTION:
            found.setdefault(title, []).append(text)

    for line in body.splitlines():
        match = _HEADING.match(line)
        if match:
            flush()
            title, lines = re.sub(r"\\(.)", r"\1", match.group(1)), []
        else:
            lines.append(line)
    flush()
    return [(key, "\n\n".join(part for part in parts if part)) for key, parts in found.items()]


def letter_sections(
    db: Database, letter: Letter, library: TemplateLibrary
) -> list[tuple[str, str]]:
    """The rendered sections of a registry letter (see :func:`rendered_sections`)."""
    from desktop.core.drafting.compose import render_letter_markdown

    return rendered_sections(render_letter_markdown(db, letter, library))


def section_diffs(
    old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]]
) -> list[SectionDiff]:
    """Section-by-section comparison by title, sentence by sentence, of rendered sections."""
    before = dict(old)
    after = dict(new)
    result: list[SectionDiff] = []
    for titel, tekst in new:
        if titel not in before:
            result.append(SectionDiff(titel, "nieuw", [], _sentences(tekst)))
            continue
        old_sentences = _sentences(before[titel])
        new_sentences = _sentences(tekst)
        removed: list[str] = []
        added: list[str] = []
        matcher = difflib.SequenceMatcher(a=old_sentences, b=new_sentences, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag in ("replace", "delete"):
                removed += old_sentences[i1:i2]
            if tag in ("replace", "insert"):
                added += new_sentences[j1:j2]
        status = "gewijzigd" if removed or added else "ongewijzigd"
        result.append(SectionDiff(titel, status, removed, added))
    for titel, tekst in old:
        if titel not in after:
            result.append(SectionDiff(titel, "vervallen", _sentences(tekst), []))
    return result


def report_document(
    report: ChangeReport, diffs: list[SectionDiff] | None = None, title: str | None = None
) -> LetterDocument:
    """The change report as a Word-ready document (no letterhead)."""
    heading = title or (
        f"Wat is er veranderd tussen {format_date(report.since)} en {format_date(report.until)}"
    )
    blocks: list[Block] = [Heading(1, [Text(heading)])]
    if report.empty:
        blocks.append(Paragraph([Text("Er is in deze periode niets veranderd in het register.")]))
    for group_title, items in report.groups():
        if not items:
            continue
        blocks.append(Heading(2, [Text(f"{group_title} ({len(items)})")]))
        table = Table(header=[[Text("Datum")], [Text("Wat")], [Text("Toelichting")]])
        for item in items:
            table.rows.append(
                [[Text(format_date(item.datum))], [Text(item.titel)], [Text(item.wat)]]
            )
        blocks.append(table)
    if diffs:
        blocks.append(Heading(2, [Text("Tekst per sectie")]))
        for diff in diffs:
            blocks.append(Heading(3, [Text(f"{diff.titel} ({diff.status})")]))
            if diff.removed:
                blocks.append(Paragraph([Text("Vervallen:", bold=True)]))
                blocks.append(
                    ListBlock(False, [[Paragraph([Text(s, italic=True)])] for s in diff.removed])
                )
            if diff.added:
                blocks.append(Paragraph([Text("Nieuw:", bold=True)]))
                blocks.append(ListBlock(False, [[Paragraph([Text(s)])] for s in diff.added]))
    meta = LetterMeta(title=heading, letterhead=False)
    return LetterDocument(meta=meta, body=blocks)
