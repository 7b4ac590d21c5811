"""A letter straight from Markdown with optional YAML front matter (``voortgang render``).

Kept apart from :mod:`compose` so that rendering a file needs neither the store nor jinja2.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.core.domain.dutch import format_date, parse_date
from desktop.core.domain.sender import SenderSettings
from desktop.core.drafting.markdown import clean_text, parse_markdown
from desktop.core.drafting.model import LetterDocument, LetterMeta
from desktop.core.errors import InvalidInput


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
