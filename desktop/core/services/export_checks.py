"""What to check before a letter goes out: the composer shows these in a panel before export.

* an empty section (it is left out of the letter);
* an introduction that names a motion the letter no longer reports on, or a date from
  before the previous letter (an introduction carried over unchanged: "Op 20 februari 2020
  heeft uw Kamer een AO gepland…"), or that is word for word the previous letter's;
* a motion or commitment ticked to be settled without a response;
* a citation of a motion or Kamerstuk that is no longer in the registry (the letter keeps
  the text it had when it was inserted).

Each warning says where it is, so the composer can go there ("Ga naar").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.domain.dutch import DUTCH_DATE_PATTERN, format_date, parse_date
from desktop.core.domain.models import Commitment, Letter, Motion
from desktop.core.drafting.citations import HouseStyle, RegistryCitations, missing_citations
from desktop.core.errors import InvalidInput
from desktop.core.planning.changes import previous_letter
from desktop.core.store import Store, commitments, motions

SECTION, INTRODUCTION, MOTION, COMMITMENT = "sectie", "inleiding", "motie", "toezegging"
CLOSING = "slot"
_DATE = re.compile(DUTCH_DATE_PATTERN, re.IGNORECASE)
# Without a previous letter: a date this long before the letter's own is suspect.
STALE_DAYS = 180


@dataclass(frozen=True, slots=True)
class ExportWarning:
    """One thing to check: ``where`` (SECTION, INTRODUCTION, ...) and which one (``index``).

    For the introduction ``found`` is the text that caused the warning (to select it).
    """

    where: str
    index: int | None
    message: str
    found: str = ""


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).lower()


def _empty_sections(letter: Letter) -> list[ExportWarning]:
    placed: set[int | None] = {item.section_index for item in letter.motions}
    placed |= {item.section_index for item in letter.commitments}
    return [
        ExportWarning(
            SECTION,
            index,
            f"De sectie ‘{section.titel or 'zonder titel'}’ is leeg en komt niet in de brief.",
        )
        for index, section in enumerate(letter.sections)
        if not section.tekst.strip() and section.eu_file_id is None and index not in placed
    ]


def _introduction_motions(letter: Letter, registry: Sequence[Motion]) -> list[ExportWarning]:
    text = _plain(letter.inleiding)
    if not text:
        return []
    in_letter = {item.motion_id for item in letter.motions}
    found: list[ExportWarning] = []
    for motion in registry:
        if motion.id in in_letter:
            continue
        number = _plain(motion.number_label()) if motion.kamerstuk is not None else ""
        name = _plain(motion.name)
        hit = next(
            (
                term
                for term in (number, name)
                if term and re.search(rf"\b{re.escape(term)}\b", text)
            ),
            None,
        )
        if hit is not None:
            found.append(
                ExportWarning(
                    INTRODUCTION,
                    None,
                    f"De inleiding noemt {motion.name} ({motion.citation or motion.number_label()}),"
                    " maar die motie staat niet (meer) in deze brief.",
                    hit,
                )
            )
    return found


def _introduction_dates(letter: Letter, previous: Letter | None) -> list[ExportWarning]:
    limit: dt.date | None = None
    because = ""
    if previous is not None and previous.datum is not None:
        limit = previous.datum
        because = f"van vóór de vorige brief ({format_date(previous.datum)})"
    elif letter.datum is not None:
        limit = letter.datum - dt.timedelta(days=STALE_DAYS)
        because = "ruim een half jaar vóór deze brief"
    if limit is None:
        return []
    found: list[ExportWarning] = []
    for match in _DATE.finditer(letter.inleiding.replace("\u00a0", " ")):
        try:
            when = parse_date(match.group())
        except InvalidInput:
            continue
        if when <= limit:
            found.append(
                ExportWarning(
                    INTRODUCTION,
                    None,
                    f"De inleiding noemt {match.group()}, een datum {because}: is die zin nog "
                    "actueel?",
                    match.group(),
                )
            )
    return found


def _introduction_unchanged(letter: Letter, previous: Letter | None) -> list[ExportWarning]:
    text = _plain(letter.inleiding)
    if previous is None or not text or text != _plain(previous.inleiding):
        return []
    when = f" van {format_date(previous.datum)}" if previous.datum is not None else ""
    return [
        ExportWarning(
            INTRODUCTION,
            None,
            f"De inleiding is woord voor woord die van de vorige brief{when}: past zij nog bij "
            "deze brief?",
        )
    ]


def _without_response(
    letter: Letter, registry: dict[int, Motion], known: dict[int, Commitment]
) -> list[ExportWarning]:
    found: list[ExportWarning] = []
    for row, item in enumerate(letter.motions):
        if item.afdoen and not item.response.strip():
            motion = registry.get(item.motion_id)
            name = motion.name if motion is not None else "een motie"
            found.append(
                ExportWarning(
                    MOTION, row, f"De brief doet {name} af, maar er staat nog geen reactie bij."
                )
            )
    for row, commitment in enumerate(letter.commitments):
        if commitment.afdoen and not commitment.response.strip():
            stored = known.get(commitment.commitment_id)
            what = (
                f"de toezegging ‘{stored.tekst[:60]}’" if stored is not None else "een toezegging"
            )
            found.append(
                ExportWarning(
                    COMMITMENT,
                    row,
                    f"De brief doet {what} af, maar er staat nog geen reactie bij.",
                )
            )
    return found


def _missing_citations(
    letter: Letter, house_style: HouseStyle, registry: dict[int, Motion]
) -> list[ExportWarning]:
    texts: list[tuple[str, int | None, str, str]] = [
        (INTRODUCTION, None, "De inleiding", letter.inleiding)
    ]
    for index, section in enumerate(letter.sections):
        title = section.titel or "zonder titel"
        texts.append((SECTION, index, f"De sectie ‘{title}’", section.tekst))
    for row, item in enumerate(letter.motions):
        motion = registry.get(item.motion_id)
        name = motion.name if motion is not None else "een motie"
        texts.append((MOTION, row, f"De reactie op {name}", item.response))
    for row, commitment in enumerate(letter.commitments):
        texts.append((COMMITMENT, row, "De reactie op een toezegging", commitment.response))
    texts.append((CLOSING, None, "Het slot", letter.slot))
    found: list[ExportWarning] = []
    for where, place, what, text in texts:
        for citation in missing_citations(text, house_style):
            shown = " ".join(citation.text.replace("\u00a0", " ").split())
            found.append(
                ExportWarning(
                    where,
                    place,
                    f"{what} verwijst naar ‘{shown}’, maar dat staat niet (meer) in het "
                    "register: de brief houdt de tekst van toen de verwijzing werd ingevoegd.",
                    citation.text,
                )
            )
    return found


def letter_warnings(
    letter: Letter,
    registry: Sequence[Motion],
    known_commitments: Sequence[Commitment] = (),
    previous: Letter | None = None,
    house_style: HouseStyle | None = None,
) -> list[ExportWarning]:
    """Everything to check in ``letter`` before export, in the order of the letter.

    ``house_style`` looks up cited registry items (without it citations are not checked).
    """
    by_id = {motion.id: motion for motion in registry if motion.id is not None}
    commitments_by_id = {item.id: item for item in known_commitments if item.id is not None}
    introduction = [
        *_introduction_motions(letter, registry),
        *_introduction_dates(letter, previous),
    ]
    # Said once: a date or motion found already shows the introduction was carried over.
    return [
        *(introduction or _introduction_unchanged(letter, previous)),
        *_empty_sections(letter),
        *_without_response(letter, by_id, commitments_by_id),
        *(_missing_citations(letter, house_style, by_id) if house_style is not None else []),
    ]


def export_warnings(store: Store, letter: Letter) -> list[ExportWarning]:
    """What to check before exporting ``letter`` (as edited), with the registry it cites."""
    db = store.db
    return letter_warnings(
        letter,
        motions.list_motions(db, status="all"),
        commitments.list_commitments(db),
        previous_letter(db, letter),
        RegistryCitations(db),
    )
