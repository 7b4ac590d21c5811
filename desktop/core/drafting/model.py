"""The letter model: what a template produces, what the Word writer and preview consume."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.domain.sender import SenderSettings


@dataclass(slots=True)
class Text:
    """A run of text with emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(slots=True)
class Link:
    """A hyperlink (http, https or mailto only)."""

    url: str
    children: list[Text] = field(default_factory=list)


@dataclass(slots=True)
class LineBreak:
    """A hard line break inside a paragraph."""


@dataclass(slots=True)
class Note:
    """A footnote at this position; Word numbers it."""

    blocks: list[Block] = field(default_factory=list)


Inline = Text | Link | LineBreak | Note


@dataclass(slots=True)
class Paragraph:
    """A body paragraph."""

    inlines: list[Inline] = field(default_factory=list)
    #: quoted text (a Markdown ``>`` block, such as the words of a motion): indented
    quote: bool = False


@dataclass(slots=True)
class Heading:
    """A section title (level 1-3 become Word's Heading 1-3)."""

    level: int
    inlines: list[Inline] = field(default_factory=list)


@dataclass(slots=True)
class ListBlock:
    """A bullet or numbered list; each item is a list of blocks (so lists can nest)."""

    ordered: bool
    items: list[list[Block]] = field(default_factory=list)
    start: int = 1


@dataclass(slots=True)
class Table:
    """A table with one marked header row."""

    header: list[list[Inline]] = field(default_factory=list)
    rows: list[list[list[Inline]]] = field(default_factory=list)
    #: per column "left", "center", "right" or None (the Markdown ``:---:`` markers)
    align: list[str | None] = field(default_factory=list)


@dataclass(slots=True)
class PageBreak:
    """Start a new page."""


Block = Paragraph | Heading | ListBlock | Table | PageBreak


@dataclass(slots=True)
class Annex:
    """A bijlage: a titled part after the signature, starting on a new page."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    file_stem: str | None = None


@dataclass(slots=True)
class LetterMeta:
    """Everything the layout needs besides the body: letterhead, references, signature."""

    title: str = ""
    kenmerk: str | None = None
    datum: str | None = None
    betreft: str | None = None
    geadresseerde: list[str] = field(default_factory=list)
    aanhef: str | None = None
    afzender: SenderSettings = field(default_factory=SenderSettings)
    ondertekenaar_functie: str | None = None
    ondertekenaar_naam: str | None = None
    letterhead: bool = True
    bijlagen: int = 0


@dataclass(slots=True)
class LetterDocument:
    """A complete letter: meta, body blocks and annexes."""

    meta: LetterMeta
    body: list[Block] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    #: what the Word file leaves out or shows other than written (Dutch, for the user)
    notices: list[str] = field(default_factory=list)

    def footnote_count(self) -> int:
        """Number of footnotes in the whole document (body and annexes)."""
        return sum(_count_notes(block) for block in self.all_blocks())

    def all_blocks(self) -> list[Block]:
        """Body blocks followed by every annex's blocks."""
        blocks = list(self.body)
        for annex in self.annexes:
            blocks.extend(annex.blocks)
        return blocks


def plain_text(inlines: list[Inline]) -> str:
    """The text of inlines: runs and link texts, without notes or line breaks."""
    parts = []
    for item in inlines:
        if isinstance(item, Text):
            parts.append(item.text)
        elif isinstance(item, Link):
            parts.append("".join(child.text for child in item.children))
    return "".join(parts).strip()


def empty_headings(blocks: list[Block]) -> list[str]:
    """Titles of headings with no text under them (see :func:`empty_heading_indexes`);
    the Word file leaves these out."""
    return [plain_text(blocks[i].inlines) for i in sorted(empty_heading_indexes(blocks))]  # type: ignore[union-attr]


def empty_heading_indexes(blocks: list[Block]) -> set[int]:
    """Which headings have no text under them (the next block is a heading of the same or a
    higher level, or nothing follows): the Word file leaves these out, and so does the preview.

    A section whose motion was settled in the previous letter keeps its heading here, empty.
    """
    empty: set[int] = set()
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading):
            continue
        following = next((b for b in blocks[index + 1 :] if not isinstance(b, PageBreak)), None)
        if following is None or (isinstance(following, Heading) and following.level <= block.level):
            empty.add(index)
    return empty


def _count_notes(block: Block) -> int:
    # -- a note cited inside a note is no footnote of its own: Word has no notes in notes, so
    # -- its text is written in the note that cites it (desktop.core.docx.writer) --
    if isinstance(block, Paragraph | Heading):
        return sum(1 for i in block.inlines if isinstance(i, Note))
    if isinstance(block, ListBlock):
        return sum(_count_notes(b) for item in block.items for b in item)
    if isinstance(block, Table):
        cells = [*block.header, *(cell for row in block.rows for cell in row)]
        return sum(1 for cell in cells for i in cell if isinstance(i, Note))
    return 0
