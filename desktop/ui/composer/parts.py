"""The letter's editable texts in the order the letter shows them, and on which page.

The Secties tab shows the letter as pages: the introduction, each section and the closing.
A section's page holds, as the shipped template prints them, its motions' and commitments'
responses and then its own text; the closing holds the motions and commitments placed in
no section (the letter's closing "Moties" and "Toezeggingen") and the slot. Find and
replace walks the same texts in the same order, and footnotes are numbered in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from desktop.core.drafting.richtext import count_notes
from desktop.core.services.drafts import DraftContent
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.models import COMMITMENTS, MOTIONS

INTRO, CLOSING = "inleiding", "slot"
# A page of the Secties tab: a section's row, INTRO or CLOSING.
Page = int | str
META, SECTION = "meta", "sectie"


@dataclass(frozen=True, slots=True)
class Part:
    """One editable text: ``kind`` META (``key`` "inleiding"/"slot"), SECTION (``key`` its
    row: the section's own text), MOTIONS or COMMITMENTS (``key`` the item's row: its
    response)."""

    kind: str
    key: str | int

    @property
    def is_item(self) -> bool:
        """True for a motion's or commitment's response."""
        return self.kind in (MOTIONS, COMMITMENTS)


INTRO_PART, CLOSING_PART = Part(META, "inleiding"), Part(META, "slot")


def _section_of(index: int | None, content: DraftContent) -> Page:
    # As compose.build_context: an index out of range is printed at the end too.
    return index if index is not None and 0 <= index < len(content.sections) else CLOSING


def page_parts(content: DraftContent, page: Page) -> list[Part]:
    """The texts of one page, top to bottom."""
    if page == INTRO:
        return [INTRO_PART]
    items = [
        Part(MOTIONS, row)
        for row, motion in enumerate(content.motions)
        if _section_of(motion.section_index, content) == page
    ]
    items += [
        Part(COMMITMENTS, row)
        for row, commitment in enumerate(content.commitments)
        if _section_of(commitment.section_index, content) == page
    ]
    if page == CLOSING:
        return [*items, CLOSING_PART]
    return [*items, Part(SECTION, page)] if isinstance(page, int) else []


def pages(content: DraftContent) -> list[Page]:
    """Every page, in the letter's order."""
    return [INTRO, *range(len(content.sections)), CLOSING]


def letter_parts(content: DraftContent) -> list[tuple[Page, Part]]:
    """Every editable text of the letter with its page, in the letter's order."""
    return [(page, part) for page in pages(content) for part in page_parts(content, page)]


def page_of(content: DraftContent, part: Part) -> Page:
    """The page a text is shown on."""
    if part == INTRO_PART:
        return INTRO
    if part.kind == SECTION:
        return int(part.key)
    if part.is_item:
        items = content.motions if part.kind == MOTIONS else content.commitments
        row = int(part.key)
        if 0 <= row < len(items):
            return _section_of(items[row].section_index, content)
    return CLOSING


def part_text(content: DraftContent, part: Part) -> str:
    """The stored Markdown of a text ("" for one that is gone)."""
    row = part.key if isinstance(part.key, int) else -1
    if part.kind == META:
        return content.meta.get(str(part.key), "")
    if part.kind == SECTION:
        return content.sections[row].tekst if 0 <= row < len(content.sections) else ""
    items = content.motions if part.kind == MOTIONS else content.commitments
    return items[row].response if 0 <= row < len(items) else ""


def set_part_text(document: ComposerDocument, part: Part, value: str) -> None:
    """Change a text in the document (only undo commands call this)."""
    if part.kind == META:
        document.set_meta(str(part.key), value)
    elif part.kind == SECTION:
        document.set_section_field(int(part.key), "tekst", value)
    else:
        document.set_item_field(part.kind, int(part.key), "response", value)


@lru_cache(maxsize=512)
def _notes(markdown: str) -> int:
    return count_notes(markdown)


def notes_before(content: DraftContent) -> dict[Part, int]:
    """How many footnotes the letter has before each text (Word numbers them in order)."""
    before: dict[Part, int] = {}
    total = 0
    for _page, part in letter_parts(content):
        before[part] = total
        total += _notes(part_text(content, part))
    return before
