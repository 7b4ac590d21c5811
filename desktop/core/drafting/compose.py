"""From the registry (or a Markdown file) to a letter model."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection as Database

from desktop.core.domain.dutch import format_date
from desktop.core.domain.models import Convenant, Letter, SenderSettings
from desktop.core.drafting.citations import RegistryCitations, render_citations
from desktop.core.drafting.markdown import clean_text, parse_markdown
from desktop.core.drafting.model import LetterDocument, LetterMeta
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.store import commitments, convenanten, eu, motions, settings

ANNEX_TITLE = "Bijlage I: Voortgang IMVO-convenanten"

#: how a trajectory without a convenant is named in Bijlage I, by its phase
_PHASE_HEADINGS = {
    "verkenning": "verkenning naar een convenant",
    "dialoog": "in dialoog over een convenant",
    "stilgelegd": "onderhandelingen liggen stil",
}


def annex_heading(convenant: Convenant) -> str:
    """The Bijlage I heading of a convenant; never "Convenant …" where none exists.

    A convenant in the phase verkenning, dialoog or stilgelegd has not been concluded:
    its heading names the sector and the phase, as the 2020 letter describes them
    ("Land- en tuinbouwsector (onderhandelingen liggen stil)").
    """
    phase = _PHASE_HEADINGS.get(convenant.fase)
    if phase is None:
        return convenant.naam
    sector = (convenant.sector or "").strip()
    if sector:
        label = sector if sector.endswith("sector") else f"{sector}sector"
        label = label[:1].upper() + label[1:]
    else:
        label = convenant.naam
    return f"{label} ({phase})"


def empty_sections(letter: Letter) -> list[str]:
    """Titles of sections that would stand in the letter without any text.

    A section with no text of its own (nor an EU file to fill it), no motion and no
    commitment is left out of the Word file; the composer shows this as a warning.
    """
    placed = {m.section_index for m in letter.motions} | {
        c.section_index for c in letter.commitments
    }
    return [
        section.titel
        for index, section in enumerate(letter.sections)
        if not section.tekst.strip() and section.eu_file_id is None and index not in placed
    ]


def build_context(db: Database, letter: Letter) -> dict[str, Any]:
    """Everything a template may use for one letter, read from the store."""
    sender = settings.get_sender(db)
    cutoff = letter.datum.isoformat() if letter.datum else None
    sections: list[dict[str, Any]] = []
    for section in letter.sections:
        eu_file = eu.get(db, section.eu_file_id) if section.eu_file_id else None
        tekst = section.tekst
        if not tekst.strip() and eu_file is not None:
            development = eu_file.latest_development(cutoff)
            tekst = development.tekst if development else ""
        sections.append(
            {
                "titel": section.titel,
                "tekst": tekst,
                "eu": eu_file,
                "moties": [],
                "toezeggingen": [],
            }
        )
    other_motions: list[dict[str, Any]] = []
    settled = []
    for item in letter.motions:
        motion = motions.get(db, item.motion_id)
        entry = {"motie": motion, "reactie": item.response, "afdoen": item.afdoen}
        if item.afdoen:
            settled.append(motion)
        index = item.section_index
        if index is not None and 0 <= index < len(sections):
            sections[index]["moties"].append(entry)
        else:
            other_motions.append(entry)
    other_commitments: list[dict[str, Any]] = []
    for commitment_item in letter.commitments:
        commitment = commitments.get(db, commitment_item.commitment_id)
        entry = {
            "toezegging": commitment,
            "reactie": commitment_item.response,
            "afdoen": commitment_item.afdoen,
        }
        index = commitment_item.section_index
        if index is not None and 0 <= index < len(sections):
            sections[index]["toezeggingen"].append(entry)
        else:
            other_commitments.append(entry)
    annexed = []
    for convenant_id in letter.convenant_ids:
        convenant = convenanten.get(db, convenant_id)
        annexed.append(
            {
                "convenant": convenant,
                "naam": convenant.naam,
                "kop": annex_heading(convenant),
                "voortgang": convenant.latest_progress(cutoff),
            }
        )
    return {
        "brief": letter,
        "afzender": sender,
        "secties": sections,
        "overige_moties": other_motions,
        "overige_toezeggingen": other_commitments,
        "afgedaan": settled,
        "convenanten": annexed,
        "bijlage_titel": ANNEX_TITLE,
    }


def letter_meta(letter: Letter, sender: SenderSettings, annex_count: int) -> LetterMeta:
    """Layout data of a letter: letterhead, references, signature."""
    return LetterMeta(
        title=clean_text(letter.betreft or letter.kenmerk or "Brief"),
        kenmerk=clean_text(letter.kenmerk) if letter.kenmerk else None,
        datum=format_date(letter.datum) if letter.datum else None,
        betreft=clean_text(letter.betreft) if letter.betreft else None,
        geadresseerde=[clean_text(line) for line in letter.geadresseerde.splitlines() if line],
        aanhef=clean_text(letter.aanhef) if letter.aanhef else None,
        afzender=sender,
        ondertekenaar_functie=letter.ondertekenaar_functie or sender.ondertekenaar_functie,
        ondertekenaar_naam=letter.ondertekenaar_naam or sender.ondertekenaar_naam,
        bijlagen=annex_count,
    )


def compose_letter(db: Database, letter: Letter, library: TemplateLibrary) -> LetterDocument:
    """Render a letter from the registry through its template into the letter model."""
    markdown = render_letter_markdown(db, letter, library)
    parsed = parse_markdown(markdown)
    meta = letter_meta(letter, settings.get_sender(db), len(parsed.annexes))
    return LetterDocument(meta=meta, body=parsed.body, annexes=parsed.annexes)


def render_letter_markdown(db: Database, letter: Letter, library: TemplateLibrary) -> str:
    """The Markdown a letter's template produces (shown in the preview's source view).

    Citations of registry items are written out as the registry has them now.
    """
    markdown = library.render(letter.template, build_context(db, letter))
    return render_citations(markdown, RegistryCitations(db))
