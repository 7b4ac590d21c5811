"""The text of an earlier letter: Word (.docx, body, text boxes, tables, footnotes), Markdown, text.

The result is a list of blocks (paragraphs) in reading order; a footnote's text follows
the paragraph that refers to it, so references in footnotes keep their place. Hard line
breaks inside a block stay as ``\\n`` (the kenmerkenveld is read line by line).

Files Voortgang cannot read give a :class:`~desktop.core.errors.SourcedInputError` with
a Dutch message: an old .doc, a .docx that is no Word file (a renamed text file, an
.xlsx, a damaged zip), a PDF, text that is not UTF-8, a file too large to be a letter.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import FileProblem, InvalidInput, SourcedInputError

__all__ = ["LetterText", "normalise_text", "read_letter_text"]

MAX_TEXT_BYTES = 50 * 1024 * 1024
MAX_DOCX_XML_BYTES = 200 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
WORD_SUFFIXES = (".docx", ".docm", ".dotx")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


@dataclass(slots=True)
class LetterText:
    """A letter's text in reading order, and metadata a Markdown front matter gave."""

    source: str
    blocks: list[str]
    front_matter: dict[str, Any] = field(default_factory=dict)


def _error(message: str, source: str) -> SourcedInputError:
    return SourcedInputError(message, source=source)


# Spaces a Word export or web page uses (non-breaking inside citations, thin, narrow).
_SPACE_CHARS = "\u00a0\u2007\u2009\u200a\u202f\u205f\u3000"
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_SPACE_TABLE = {ord(ch): " " for ch in _SPACE_CHARS} | _INVISIBLE


def normalise_text(text: str) -> str:
    """NFC, special spaces to plain spaces, invisible characters (soft hyphen, ZWSP) removed."""
    return unicodedata.normalize("NFC", text).translate(_SPACE_TABLE)


# -- plain text and Markdown ------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _error("Het bestand begint als UTF-16-tekst maar is onleesbaar.", name) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _error(
            f"Het bestand is geen UTF-8-tekst (regel {line}: teken 0x{data[exc.start]:02X} is "
            "onleesbaar). Sla het op met codering UTF-8 (in Kladblok: Bestand › Opslaan als › "
            "Codering: UTF-8) en probeer het opnieuw.",
            name,
        ) from exc


def _blocks(text: str) -> list[str]:
    """Blank-line separated blocks; line breaks inside a block are kept."""
    lines = [line.rstrip() for line in re.split(r"\r\n|[\n\r\u2028\u2029]", text)]
    blocks: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<sup>\s*\[?\d+\]?\s*</sup>", re.IGNORECASE), ""),  # footnote markers
    (re.compile(r"\[\^[^\]]+\](?!:)"), ""),  # [^1] references
    (re.compile(r"^\[\^[^\]]+\]:\s*", re.MULTILINE), ""),  # [^1]: definitions
    (re.compile(r"\^\[([^\]]*)\]"), r" \1"),  # inline ^[notes]
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](url), images
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),  # <autolinks>
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # other HTML tags
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE), ""),
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),
    (re.compile(r"(\*\*|__)"), ""),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)\*(?!\w)"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])"), r"\1"),
    (re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$", re.MULTILINE), ""),
)


def _front_matter(text: str, name: str) -> tuple[dict[str, Any], str]:
    match = re.match(r"^---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", text, re.DOTALL)
    if not match:
        return {}, text
    from desktop.core.drafting.header import read_header

    try:
        data = read_header(match.group(1))
    except InvalidInput as exc:
        raise _error(str(exc), name) from exc
    return data, text[match.end() :]


def _markdown_text(text: str, name: str) -> LetterText:
    front, body = _front_matter(text, name)
    for pattern, replacement in _MD_RULES:
        body = pattern.sub(replacement, body)
    return LetterText(name, _blocks(normalise_text(body)), front)


# -- Word --------------------------------------------------------------------------------------


def _check_word_file(path: Path, name: str) -> None:
    """Refuse what is not a readable .docx before python-docx sees it."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _error(
            "Dit is een oud Word-bestand (.doc) of een met een wachtwoord beveiligd document. "
            "Open het in Word en sla het op als Word-document (.docx), zonder wachtwoord.",
            name,
        )
    if head.startswith(b"%PDF"):
        raise _error(
            "Dit is een PDF-bestand. Sla de brief op als Word-document (.docx) of als "
            "tekst (.txt) en importeer dat.",
            name,
        )
    if not zipfile.is_zipfile(path):
        raise _error(
            "Dit is geen Word-bestand (.docx): het is geen Office-document (misschien een "
            "hernoemd tekstbestand). Importeer tekst als .txt of .md.",
            name,
        )
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                other = " (het lijkt een Excel-bestand)" if "xl/workbook.xml" in names else ""
                raise _error(
                    f"Dit is geen Word-document: het onderdeel word/document.xml ontbreekt{other}.",
                    name,
                )
            size = archive.getinfo("word/document.xml").file_size
    except zipfile.BadZipFile as exc:
        raise _error(
            "Het Word-bestand is beschadigd (het zip-pakket is onleesbaar).", name
        ) from exc
    if size > MAX_DOCX_XML_BYTES:
        raise _error(
            f"Het Word-bestand is te groot om als brief te lezen ({size // (1024 * 1024)} MB "
            "tekst). Splits het document of sla het op als .txt.",
            name,
        )


def _paragraph_text(paragraph: Any, notes: list[str]) -> str:
    """The text of one w:p (not of paragraphs nested in its text boxes)."""
    parts: list[str] = []
    for node in paragraph.iter():
        tag = node.tag
        if tag not in _TEXT_TAGS:
            continue
        owner = next(node.iterancestors(f"{_W}p"), None)
        if owner is not paragraph:
            continue
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{_W}footnoteReference":
            notes.append(str(node.get(f"{_W}id")))
    return "".join(parts)


_TEXT_TAGS = frozenset(
    f"{_W}{name}" for name in ("t", "tab", "br", "cr", "noBreakHyphen", "footnoteReference")
)


def _story_blocks(root: Any, footnotes: dict[str, list[str]] | None) -> list[str]:
    """Paragraphs of a story (body, header, footnote) in order, notes after their paragraph."""
    # -- the elements themselves, not id()s of lxml proxies: a discarded proxy's id is
    # -- reused by the next one, which skipped random paragraphs --
    skipped = {p for fallback in root.iter(_MC_FALLBACK) for p in fallback.iter(f"{_W}p")}
    blocks: list[str] = []
    for paragraph in root.iter(f"{_W}p"):
        if paragraph in skipped:
            continue
        notes: list[str] = []
        text = _paragraph_text(paragraph, notes)
        if text.strip():
            blocks.append(text.strip())
        if footnotes is not None:
            for note_id in notes:
                blocks.extend(footnotes.pop(note_id, []))
    return blocks


def _footnotes(document: Any) -> dict[str, list[str]]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    try:
        part = document.part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        return {}
    element = getattr(part, "element", None)
    if element is None:
        element = parse_xml(part.blob)
    notes: dict[str, list[str]] = {}
    for note in element.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        notes[str(note.get(f"{_W}id"))] = _story_blocks(note, None)
    return notes


def _word_text(path: Path, name: str) -> LetterText:
    _check_word_file(path, name)
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import PackageNotFoundError

    # Registers the footnotes part class, so word/footnotes.xml is parsed XML.
    import desktop.core.docx.footnotes  # noqa: F401

    try:
        document = docx.Document(str(path))
    except PackageNotFoundError as exc:
        raise _error("Het Word-bestand kan niet worden geopend.", name) from exc
    except Exception as exc:
        # Only parsing happens here: whatever python-docx or lxml trips over (a missing
        # part, malformed XML, a broken content-types list) means a damaged file.
        raise _error(
            "Het Word-bestand is beschadigd of onvolledig en kan niet worden gelezen. Open het "
            "in Word en sla het opnieuw op als .docx.",
            name,
        ) from exc
    notes = _footnotes(document)
    blocks = _story_blocks(document.element.body, notes)
    for remaining in notes.values():
        blocks.extend(remaining)
    # Headers last: a kenmerkenveld in a header still counts, without disturbing the order.
    for rel in document.part.rels.values():
        if rel.reltype == RT.HEADER and not rel.is_external:
            blocks.extend(_story_blocks(rel.target_part.element, None))
    return LetterText(name, [normalise_text(block) for block in blocks])


# -- entry point -------------------------------------------------------------------------------


def read_letter_text(path: Path) -> LetterText:
    """Read a letter (.docx, .md or .txt) into blocks of text.

    Raises:
        FileProblem: when the file cannot be read at all (missing, no access).
        SourcedInputError: when it is not a letter Voortgang can read; the message says why.
    """
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileProblem.reading(name, exc) from exc
    if path.is_dir():
        raise FileProblem(f"{name}: dit is een map, geen bestand.")
    if size == 0:
        raise _error("Het bestand is leeg.", name)
    suffix = path.suffix.lower()
    try:
        if suffix in WORD_SUFFIXES:
            return _word_text(path, name)
        if suffix == ".doc":
            raise _error(
                "Dit is een oud Word-bestand (.doc). Open het in Word en sla het op als "
                "Word-document (.docx).",
                name,
            )
        if suffix not in TEXT_SUFFIXES + MARKDOWN_SUFFIXES:
            raise _error(
                f"Voortgang leest brieven als Word-document (.docx), Markdown (.md) of tekst "
                f"(.txt), niet als ‘{path.suffix or 'bestand zonder extensie'}’.",
                name,
            )
        if size > MAX_TEXT_BYTES:
            raise _error(
                f"Het bestand is te groot om als brief te lezen ({size // (1024 * 1024)} MB).",
                name,
            )
        data = path.read_bytes()
    except PermissionError as exc:
        raise FileProblem(
            f"{name}: geen toegang tot het bestand. Is het geopend in een ander programma?"
        ) from exc
    except OSError as exc:
        raise FileProblem(f"{name}: het bestand kan niet worden gelezen.") from exc
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF")):
        raise _error(
            "Dit is geen tekstbestand maar een Word-, PDF- of ander opgemaakt bestand. "
            "Geef het de juiste extensie (.docx) of sla het op als tekst.",
            name,
        )
    text = _decode(data, name)
    if "\x00" in text:
        raise _error("Het bestand bevat binaire gegevens en is geen tekstbestand.", name)
    if suffix in MARKDOWN_SUFFIXES:
        return _markdown_text(text, name)
    return LetterText(name, _blocks(normalise_text(text)))
