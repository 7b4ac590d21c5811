"""From the registry (or a Markdown file) to a letter model."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from desktop.core.domain.dutch import format_date, parse_date
from desktop.core.domain.models import Letter, SenderSettings
from desktop.core.drafting.markdown import clean_text, parse_markdown
from desktop.core.drafting.model import LetterDocument, LetterMeta
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.errors import InvalidInput
from desktop.core.store import commitments, convenanten, eu, motions, settings

ANNEX_TITLE = "Bijlage I: Voortgang IMVO-convenanten"


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
    """The Markdown a letter's template produces (shown in the preview's source view)."""
    return library.render(letter.template, build_context(db, letter))


def _as_lines(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [clean_text(str(v)) for v in value]
    return [clean_text(line) for line in str(value).splitlines() if line.strip()]


def compose_markdown(text: str) -> LetterDocument:
    """A letter straight from Markdown with optional YAML front matter.

    Front matter keys: ``kenmerk``, ``datum``, ``betreft``, ``geadresseerde``, ``aanhef``,
    ``ministerie``, ``afzender`` (directie), ``adres``, ``website``, ``ondertekenaar``,
    ``functie``. Without front matter the text is written in the house style without
    letterhead.
    """
    parsed = parse_markdown(text)
    fm = parsed.front_matter
    known = {
        "kenmerk",
        "datum",
        "betreft",
        "geadresseerde",
        "aanhef",
        "ministerie",
        "afzender",
        "directie",
        "adres",
        "website",
        "ondertekenaar",
        "functie",
        "titel",
    }
    unknown = sorted(set(fm) - known)
    if unknown:
        raise InvalidInput(
            f"Onbekende sleutel(s) in de kop van het document: {', '.join(unknown)}. "
            f"Toegestaan: {', '.join(sorted(known))}."
        )
    datum = fm.get("datum")
    if isinstance(datum, dt.date):
        datum_text: str | None = format_date(datum)
    elif datum:
        datum_text = format_date(parse_date(str(datum)))
    else:
        datum_text = None
    sender = SenderSettings(
        ministerie=clean_text(str(fm.get("ministerie") or "")),
        directie=clean_text(str(fm.get("afzender") or fm.get("directie") or "")),
        adres=_as_lines(fm.get("adres")),
        website=str(fm["website"]) if fm.get("website") else None,
    )
    title = str(fm.get("titel") or fm.get("betreft") or "")
    meta = LetterMeta(
        title=clean_text(title) or "Document",
        kenmerk=clean_text(str(fm["kenmerk"])) if fm.get("kenmerk") else None,
        datum=datum_text,
        betreft=clean_text(str(fm["betreft"])) if fm.get("betreft") else None,
        geadresseerde=_as_lines(fm.get("geadresseerde")),
        aanhef=clean_text(str(fm["aanhef"])) if fm.get("aanhef") else None,
        afzender=sender,
        ondertekenaar_functie=clean_text(str(fm["functie"])) if fm.get("functie") else None,
        ondertekenaar_naam=clean_text(str(fm["ondertekenaar"]))
        if fm.get("ondertekenaar")
        else None,
        letterhead=bool(fm),
        bijlagen=len(parsed.annexes),
    )
    return LetterDocument(meta=meta, body=parsed.body, annexes=parsed.annexes)
