"""A preview of page 1 with the team's letterhead, for the letterhead dialog (no Qt here).

Two steps, so the slow one never holds the database thread: :func:`preview_draft` (on
the database worker) writes the letter with the letterhead into memory;
:func:`render_preview` (on any other thread) has LibreOffice and pdftoppm make a picture
of its first page. Nothing is stored: a preview records no version of the letter.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from desktop.core.domain.models import Letter
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.errors import NotFound
from desktop.core.services.drafts import new_letter
from desktop.core.store import Store, letters
from desktop.core.store import settings as sender_settings

#: the text of the sample letter shown when the registry has no letter yet
SAMPLE_TEXT = (
    "Dit is een voorbeeld van de eerste pagina van een brief met het briefhoofd van het "
    "ministerie. Uw eigen brieven krijgen hetzelfde briefhoofd."
)


@dataclass(frozen=True)
class PreviewDraft:
    """The letter a preview shows, written as a Word file in memory."""

    docx: bytes
    letter: str  # which letter, in words
    letterhead: str  # which letterhead, in words


def _letter_label(letter: Letter) -> str:
    parts = [p for p in (letter.kenmerk, letter.betreft) if p]
    return " – ".join(parts) or f"brief {letter.id}"


def _preview_letter(store: Store, letter_id: int | None, today: dt.date) -> tuple[Letter, str]:
    if letter_id is not None:
        try:
            letter = letters.get(store.db, letter_id)
            return letter, _letter_label(letter)
        except NotFound:
            pass
    known = letters.list_letters(store.db)  # newest first
    if known:
        return known[0], _letter_label(known[0])
    sample = new_letter(sender_settings.get_sender(store.db), today)
    sample.betreft = "Voorbeeldbrief"
    sample.inleiding = SAMPLE_TEXT
    return sample, "een voorbeeldbrief (het register heeft nog geen brieven)"


def preview_draft(
    store: Store,
    library: TemplateLibrary,
    letter_id: int | None = None,
    today: dt.date | None = None,
) -> PreviewDraft:
    """The letter for the preview with the team's letterhead, as .docx bytes.

    The letter is ``letter_id`` when given (the one the user has open or selected), else
    the newest letter in the registry, else a short sample letter.

    Raises:
        TemplateProblem: the letter's template cannot be rendered.
    """
    from desktop.core.docx.letterhead import describe
    from desktop.core.docx.package import write_docx
    from desktop.core.docx.writer import build_document
    from desktop.core.export import compose_registry_letter, stored_letterhead

    letter, label = _preview_letter(store, letter_id, today or dt.date.today())
    _markdown, document = compose_registry_letter(store.db, letter, library)
    letterhead = stored_letterhead(store.db)
    word = build_document(document, letterhead=letterhead)
    buffer = io.BytesIO()
    write_docx(word, buffer)
    return PreviewDraft(buffer.getvalue(), label, describe(letterhead))


def render_preview(draft: PreviewDraft) -> bytes:
    """Page 1 of the draft as a PNG picture (slow: LibreOffice; run off the GUI thread).

    Raises:
        FileProblem: LibreOffice or pdftoppm is missing, or rendering fails (Dutch).
    """
    from desktop.core.docx.render import first_page_png

    return first_page_png(draft.docx)
