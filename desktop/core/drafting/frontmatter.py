"""A letter straight from Markdown with optional YAML front matter (``voortgang render``).

Kept apart from :mod:`compose` so that rendering a file needs neither the store nor jinja2.
"""

from __future__ import annotations

from typing import Any

from desktop.core.domain.dutch import format_date, parse_date
from desktop.core.domain.sender import SenderSettings
from desktop.core.drafting.header import lines_value, text_value
from desktop.core.drafting.markdown import clean_text, parse_markdown
from desktop.core.drafting.model import LetterDocument, LetterMeta
from desktop.core.errors import InvalidInput


def _text(fm: dict[str, Any], key: str) -> str | None:
    value = text_value(fm, key)
    return clean_text(value) if value else None


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
    # -- every value is the text typed (desktop.core.drafting.header): a date too --
    datum = _text(fm, "datum")
    sender = SenderSettings(
        ministerie=_text(fm, "ministerie") or "",
        directie=_text(fm, "afzender") or _text(fm, "directie") or "",
        adres=[clean_text(line) for line in lines_value(fm, "adres")],
        website=_text(fm, "website"),
    )
    meta = LetterMeta(
        title=_text(fm, "titel") or _text(fm, "betreft") or "Document",
        kenmerk=_text(fm, "kenmerk"),
        datum=format_date(parse_date(datum)) if datum else None,
        betreft=_text(fm, "betreft"),
        geadresseerde=[clean_text(line) for line in lines_value(fm, "geadresseerde")],
        aanhef=_text(fm, "aanhef"),
        afzender=sender,
        ondertekenaar_functie=_text(fm, "functie"),
        ondertekenaar_naam=_text(fm, "ondertekenaar"),
        letterhead=bool(fm),
        bijlagen=len(parsed.annexes),
    )
    return LetterDocument(
        meta=meta, body=parsed.body, annexes=parsed.annexes, notices=parsed.notices
    )
