"""The final letter back from Word: reading its body, sections and annexes as Markdown.

``voortgang import letter FINAL.docx --update`` reads the body of a Word letter (the
paragraphs between the salutation and the signature, with bold, italic, lists, links and
footnotes) back into Markdown, split at the Heading 1 titles into the letter's sections,
and the annexes after the signature (a Heading 1 ``Bijlage …``, split at its Heading 2
titles, one per convenant). :mod:`desktop.core.importers.letter_word_update` stores it in
the registered letter, found by kenmerk, else by its own Kamerstuk number.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.errors import InvalidInput, NotFound, SourcedInputError

if TYPE_CHECKING:
    from sqlalchemy import Connection as Database

    from desktop.core.domain.models import Letter

__all__ = [
    "SectionChange",
    "WordAnnex",
    "WordLetter",
    "WordUpdate",
    "match_letter",
    "normalise",
    "paragraph_markdown",
    "read_word_letter",
]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})


@dataclass(slots=True)
class WordSection:
    """A Heading 1 of the Word letter and the Markdown paragraphs under it."""

    titel: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class WordAnnex:
    """A bijlage after the signature: its Heading 1 title and its Heading 2 parts."""

    titel: str
    intro: list[str] = field(default_factory=list)
    parts: list[WordSection] = field(default_factory=list)


@dataclass(slots=True)
class WordLetter:
    """The body of a Word letter as Markdown, split at its Heading 1 titles, and annexes."""

    source: str
    intro: list[str] = field(default_factory=list)
    sections: list[WordSection] = field(default_factory=list)
    annexes: list[WordAnnex] = field(default_factory=list)
    footnotes: int = 0


@dataclass(slots=True)
class SectionChange:
    """What importing changes in one part of the letter (for ``--dry-run``)."""

    titel: str
    status: str  # "gewijzigd", "ongewijzigd", "niet gevonden"
    diff: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """JSON shape for the command line."""
        return {"titel": self.titel, "status": self.status, "diff": self.diff}


@dataclass(slots=True)
class WordUpdate:
    """The result of reading a Word letter into a registered one."""

    letter_id: int
    kenmerk: str | None
    changes: list[SectionChange]
    motions_updated: list[str] = field(default_factory=list)
    version: int | None = None
    previous_version: int | None = None
    dry_run: bool = True
    commitments_updated: list[str] = field(default_factory=list)
    #: what is not carried back into the registry, in Dutch (never silently dropped)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when any part of the letter changes."""
        return (
            any(c.status == "gewijzigd" for c in self.changes)
            or bool(self.motions_updated)
            or bool(self.commitments_updated)
        )


# -- Word to Markdown -------------------------------------------------------------------------


def _escape(text: str) -> str:
    from desktop.core.drafting.templates import escape_markdown

    return escape_markdown(text)


def _run_format(run: Any) -> tuple[bool, bool]:
    properties = run.find(f"{_W}rPr")
    if properties is None:
        return False, False

    def on(tag: str) -> bool:
        element = properties.find(f"{_W}{tag}")
        return element is not None and element.get(f"{_W}val") not in ("0", "false", "off")

    return on("b"), on("i")


def _emit(segments: list[tuple[str, bool, bool]]) -> str:
    """Merge runs of equal emphasis and wrap them in Markdown markers."""
    merged: list[list[Any]] = []
    for text, bold, italic in segments:
        if merged and merged[-1][1] == bold and merged[-1][2] == italic:
            merged[-1][0] += text
        else:
            merged.append([text, bold, italic])
    out = []
    for text, bold, italic in merged:
        if not (bold or italic) or not text.strip():
            out.append(text)
            continue
        core = text.strip()
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        marker = ("**" if bold else "") + ("*" if italic else "")
        out.append(f"{lead}{marker}{core}{marker[::-1]}{trail}")
    return "".join(out)


def paragraph_markdown(
    element: Any, part: Any, notes: dict[int, Any] | None = None, *, in_note: bool = False
) -> str:
    """One Word paragraph (``w:p``) as inline Markdown: emphasis, links, footnotes."""
    pieces: list[str] = []
    segments: list[tuple[str, bool, bool]] = []

    def flush() -> None:
        if segments:
            pieces.append(_emit(segments))
            segments.clear()

    def runs(container: Any) -> None:
        for child in container:
            if child.tag == f"{_W}r":
                bold, italic = _run_format(child)
                for node in child:
                    if node.tag == f"{_W}t":
                        segments.append(
                            (_escape((node.text or "").translate(_SPACES)), bold, italic)
                        )
                    elif node.tag == f"{_W}tab":
                        segments.append((" ", bold, italic))
                    elif node.tag in (f"{_W}br", f"{_W}cr"):
                        flush()
                        pieces.append("\\\n")
                    elif node.tag == f"{_W}footnoteReference" and notes is not None:
                        flush()
                        note = notes.get(int(node.get(f"{_W}id") or 0))
                        if note is not None:
                            pieces.append("^[" + _note_markdown(note, part, notes) + "]")
            elif child.tag == f"{_W}hyperlink":
                flush()
                rel_id = child.get(_R_ID)
                url = None
                if rel_id and rel_id in part.rels:
                    url = part.rels[rel_id].target_ref
                text = "".join(t.text or "" for t in child.iter(f"{_W}t")).translate(_SPACES)
                if url:
                    pieces.append(f"[{_escape(text)}]({url})")
                else:
                    pieces.append(_escape(text))
            elif child.tag in (f"{_W}ins", f"{_W}smartTag", f"{_W}customXml", f"{_W}sdtContent"):
                runs(child)
            elif child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    runs(content)
        flush()

    runs(element)
    text = "".join(pieces)
    return re.sub(r"[ \t]+", " ", text).strip()


def _note_markdown(note: Any, part: Any, notes: dict[int, Any]) -> str:
    note_part = note["part"]
    texts = [
        paragraph_markdown(p, note_part, None, in_note=True)
        for p in note["element"].findall(f"{_W}p")
    ]
    return " ".join(t for t in texts if t)


def _style_names(document: Any) -> dict[str, str]:
    return {s.style_id: s.name for s in document.styles if s.style_id}


def _heading_level(paragraph: Any, names: dict[str, str]) -> int | None:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    name = names.get(style.get(f"{_W}val"), "") if style is not None else ""
    match = re.match(r"(?:Heading|Kop) (\d)$", name)
    if match:
        return int(match.group(1))
    outline = paragraph.find(f"{_W}pPr/{_W}outlineLvl")
    if outline is not None:
        return int(outline.get(f"{_W}val") or 0) + 1
    return None


def _list_kind(paragraph: Any, names: dict[str, str]) -> str | None:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    name = names.get(style.get(f"{_W}val"), "") if style is not None else ""
    if name.startswith("List Number"):
        return "1."
    if name.startswith(("List Bullet", "List Paragraph")):
        return "-"
    if paragraph.find(f"{_W}pPr/{_W}numPr") is not None:
        return "-"
    return None


def _plain(element: Any) -> str:
    return normalise("".join(t.text or "" for t in element.iter(f"{_W}t")))


def normalise(text: str) -> str:
    """Text for comparing: NFC, ordinary spaces, collapsed, no Markdown escapes."""
    text = unicodedata.normalize("NFC", text).translate(_SPACES)
    return re.sub(r"\s+", " ", text.replace("\\", "")).strip().casefold()


def read_word_letter(path: Path, *, salutation: str | None, signature: list[str]) -> WordLetter:
    """Read the body of a final Word letter (between salutation and signature) as Markdown.

    Raises:
        SourcedInputError: when the file is no readable Word document.
    """
    import docx

    import desktop.core.docx.footnotes  # noqa: F401  (footnotes load as XML)

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise SourcedInputError(
            "dit is geen Word-document (.docx) dat Voortgang kan lezen.", source=path.name
        ) from error
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    notes: dict[int, Any] = {}
    try:
        notes_part = document.part.part_related_by(RT.FOOTNOTES)
        for note in notes_part.element.findall(f"{_W}footnote"):  # type: ignore[attr-defined]
            if note.get(f"{_W}type") in (None, "normal"):
                notes[int(note.get(f"{_W}id") or 0)] = {"element": note, "part": notes_part}
    except KeyError:
        pass
    names = _style_names(document)
    body = document.element.body
    paragraphs = [p for p in body.iter(f"{_W}p") if not _in_textbox_or_fallback(p)]
    salutation_key = normalise(salutation or "")
    signature_keys = [normalise(s).rstrip(",.") for s in signature if s.strip()]
    start = 0
    if salutation_key:
        for index, p in enumerate(paragraphs):
            if _plain(p) == salutation_key:
                start = index + 1
                break
    result = WordLetter(source=path.name)
    current: WordSection | None = None
    annex: WordAnnex | None = None
    in_annexes = False
    counter = {"1.": 0}
    for p in paragraphs[start:]:
        plain = _plain(p)
        level = _heading_level(p, names)
        if not in_annexes and (
            (signature_keys and plain.rstrip(",.") in signature_keys)
            or (level == 1 and plain.startswith("bijlage"))
        ):
            in_annexes = True  # the signature, the list of bijlagen, then the annexes
        if in_annexes:
            if level == 1 and plain.startswith("bijlage"):
                annex = WordAnnex(titel=_heading_text(p))
                result.annexes.append(annex)
                current = None
                continue
            if annex is None:
                continue
            if level == 2:
                current = WordSection(titel=_heading_text(p))
                annex.parts.append(current)
                continue
        elif level is not None and level <= 1:
            current = WordSection(titel=_heading_text(p))
            result.sections.append(current)
            continue
        markdown = paragraph_markdown(p, document.part, notes)
        if not markdown:
            continue
        if level is not None:
            markdown = "#" * min(level, 3) + " " + markdown
        else:
            kind = _list_kind(p, names)
            if kind == "1.":
                counter["1."] += 1
                markdown = f"{counter['1.']}. {markdown}"
            elif kind == "-":
                markdown = f"- {markdown}"
            else:
                counter["1."] = 0
        if current is not None:
            target = current.paragraphs
        elif annex is not None:
            target = annex.intro
        else:
            target = result.intro
        if kind_is_list(markdown) and target and kind_is_list(target[-1]):
            target[-1] += "\n" + markdown
        else:
            target.append(markdown)
        result.footnotes += markdown.count("^[")
    return result


def _heading_text(paragraph: Any) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{_W}t")).strip()


def kind_is_list(markdown: str) -> bool:
    """True for a Markdown list item line written by :func:`read_word_letter`."""
    last = markdown.rsplit("\n", 1)[-1]
    return bool(re.match(r"(?:- |\d+\. )", last))


def _in_textbox_or_fallback(paragraph: Any) -> bool:
    parent = paragraph.getparent()
    while parent is not None:
        if parent.tag in (f"{_W}txbxContent", _MC_FALLBACK, f"{_W}tbl", f"{_W}footnote"):
            return True
        parent = parent.getparent()
    return False


# -- matching and storing ---------------------------------------------------------------------


def match_letter(db: Database, path: Path) -> Letter:
    """The registered letter a Word file belongs to: by kenmerk, else Kamerstuk number.

    Raises:
        NotFound: no registered letter matches.
        InvalidInput: two letters match.
    """
    from desktop.core.importers.letter_import import read_letter
    from desktop.core.store import letters

    info = read_letter(path).letter
    kenmerk = info.kenmerk or _custom_kenmerk(path)
    if kenmerk:
        found = letters.find_by_kenmerk(db, kenmerk)
        if found is not None:
            return found
    if info.kamerstuk is not None:
        matching = letters.all_by_kamerstuk(db, info.kamerstuk)
        if len(matching) > 1:
            raise InvalidInput(
                f"{path.name} past bij {len(matching)} brieven in het register (Kamerstuk "
                f"{info.kamerstuk.number_label()}); geef de brief een eigen kenmerk."
            )
        if matching:
            return matching[0]
    what = f"kenmerk {kenmerk}" if kenmerk else "geen kenmerk"
    raise NotFound(
        f"{path.name} ({what}) hoort bij geen brief in het register. Registreer de brief "
        "eerst of controleer het kenmerk in het kenmerkenveld."
    )


def _custom_kenmerk(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("docProps/custom.xml").decode("utf-8")
    except (KeyError, zipfile.BadZipFile, OSError, UnicodeDecodeError):
        return None
    match = re.search(r'name="Kenmerk"><vt:lpwstr>([^<]+)</vt:lpwstr>', xml)
    return match.group(1).strip() if match else None
