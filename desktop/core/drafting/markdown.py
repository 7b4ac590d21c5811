"""Markdown (CommonMark + tables + footnotes) to the letter model, with markdown-it-py."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from desktop.core.drafting.header import read_header
from desktop.core.drafting.model import (
    Annex,
    Block,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Note,
    PageBreak,
    Paragraph,
    Table,
    Text,
    empty_headings,
)
from desktop.core.errors import InvalidInput

# XML 1.0 cannot hold these; PDFs pasted into a letter bring \x0b and \x0c along.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_UNCLEAN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ANNEX = re.compile(
    r"^\s*<!--\s*bijlage\s*:\s*(?P<title>.*?)\s*(?:\|\s*(?P<stem>[\w.-]+)\s*)?-->\s*$",
    re.IGNORECASE,
)
_PAGE_BREAK = re.compile(
    r"^\s*(?:\\newpage|\\pagebreak|<!--\s*pagina(?:einde)?\s*-->)\s*$", re.IGNORECASE
)
# -- without this anywhere in the text there is no annex line, and the line walk is skipped --
_ANNEX_ANYWHERE = re.compile(r"<!--\s*bijlage", re.IGNORECASE)
# -- what a line starts with when it can open a nested container: lines that start
# -- otherwise (nearly all) are passed over with one string test --
_MARKER_STARTS = frozenset(" \t>-*+0123456789")
# -- "[^label]" left as text: markdown-it found no definition for it --
_UNDEFINED_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")
_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
# -- a header that is opened but never closed: "---", then a line "sleutel: ..." --
_UNCLOSED_HEADER = re.compile(r"---[ \t]*\n[ \t]*[A-Za-z_][\w-]*[ \t]*:")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_MAX_NESTING = 40
# Leading container markers (quote, bullet, number) beyond this depth are dropped before
# parsing: markdown-it silently discards content nested past maxNesting, and a pasted
# document must never lose its words.
_MAX_LINE_DEPTH = 12
_MARKER = re.compile(r"[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?")


def clean_text(text: str) -> str:
    """Remove characters Word cannot store (control characters, lone surrogates)."""
    if _UNCLEAN.search(text) is None:  # -- nearly always: one scan instead of four --
        return text
    text = text.replace("\x0b", " ").replace("\x0c", " ")
    return _SURROGATES.sub("", _INVALID_XML.sub("", text))


def _unchanged(text: str) -> str:
    return text


def safe_url(url: str) -> str | None:
    """The URL when it is http(s) or mailto; None for anything else (kept as text)."""
    stripped = url.strip()
    return stripped if stripped.lower().startswith(_SAFE_SCHEMES) else None


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.use(footnote_plugin).use(front_matter_plugin)
    # Parse every link; safe_url decides later, so an unsafe link keeps its text as text.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    # -- a letter cites the same few addresses again and again; normalising one (percent
    # -- encoding, punycode) is a pure function of it, and costs ~12 µs --
    md.normalizeLink = functools.lru_cache(maxsize=1024)(md.normalizeLink)  # type: ignore[method-assign]
    # Deeply nested input must stay a clear error, never a RecursionError.
    md.options["maxNesting"] = _MAX_NESTING
    # -- parse_markdown hands over text with "\n" line ends and no NUL (clean_text): the
    # -- core rule doing that again costs a regex substitution per line of the letter --
    md.disable("normalize")
    return md


_MD = _parser()


@dataclass(slots=True)
class ParsedMarkdown:
    """Body blocks, annexes and front matter of one Markdown text."""

    body: list[Block]
    annexes: list[Annex]
    front_matter: dict[str, Any]
    #: what the letter leaves out or shows other than written, in Dutch for the user
    notices: list[str] = field(default_factory=list)


class _Converter:
    """Walks markdown-it tokens and builds blocks; footnotes resolved by id."""

    def __init__(self, tokens: Sequence[Token], source: str) -> None:
        self.tokens = tokens
        # -- the source is clean already (parse_markdown); only a numeric character
        # -- reference (``&#12;``) can bring in a character Word cannot store --
        self._clean = clean_text if "&#" in source else _unchanged
        self.notes: dict[int, list[Block]] = {}
        # -- each note's tokens, converted when first cited: a note may cite a note that is
        # -- defined after it --
        self._note_tokens: dict[int, list[Token]] = {}
        self._converting: set[int] = set()
        self.front_matter: dict[str, Any] = {}
        self.has_front_matter = False
        self.notices: list[str] = []
        self.html_tags: list[str] = []  # -- HTML left as text, by tag --
        self._collect_footnotes()

    def _collect_footnotes(self) -> None:
        tokens = self.tokens
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "footnote_open":
                end = index + 1
                depth = 1
                while depth:
                    if tokens[end].type == "footnote_open":
                        depth += 1
                    elif tokens[end].type == "footnote_close":
                        depth -= 1
                    end += 1
                inner = [t for t in tokens[index + 1 : end - 1] if t.type != "footnote_anchor"]
                self._note_tokens[int(token.meta["id"])] = inner
                index = end
            else:
                index += 1
        for note_id in self._note_tokens:
            self._note(note_id)

    def _note(self, note_id: int) -> list[Block]:
        """The blocks of a note (empty for one that cites itself, directly or not)."""
        if note_id not in self.notes:
            if note_id in self._converting or note_id not in self._note_tokens:
                return []
            self._converting.add(note_id)
            self.notes[note_id] = self._blocks(self._note_tokens[note_id])
            self._converting.discard(note_id)
        return self.notes[note_id]

    def _notice(self, text: str) -> None:
        if text not in self.notices:
            self.notices.append(text)

    def _html(self, html: str) -> None:
        match = _HTML_TAG.search(html)
        tag = f"<{match.group(1).lower()}>" if match else " ".join(html.split())[:30]
        if tag not in self.html_tags:
            self.html_tags.append(tag)

    # -- blocks ---------------------------------------------------------------------

    def _blocks(self, tokens: Sequence[Token]) -> list[Block]:
        blocks: list[Block] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "front_matter":
                self._read_front_matter(token)
                index += 1
            elif kind == "footnote_block_open":
                index = self._skip(tokens, index, "footnote_block_open", "footnote_block_close")
            elif kind == "heading_open":
                level = min(int(token.tag[1]), 3)
                blocks.append(Heading(level, self._inlines(tokens[index + 1].children or [])))
                index += 3
            elif kind == "paragraph_open":
                inline = tokens[index + 1]
                if _PAGE_BREAK.match(inline.content):
                    blocks.append(PageBreak())
                else:
                    blocks.append(Paragraph(self._inlines(inline.children or [])))
                index += 3
            elif kind in ("bullet_list_open", "ordered_list_open"):
                end = self._skip(tokens, index, kind, kind.replace("_open", "_close"))
                blocks.append(self._list(tokens[index:end]))
                index = end
            elif kind == "table_open":
                end = self._skip(tokens, index, "table_open", "table_close")
                blocks.append(self._table(tokens[index:end]))
                index = end
            elif kind in ("fence", "code_block"):
                lines = self._clean(token.content.rstrip("\n")).split("\n")
                inlines: list[Inline] = []
                for number, line in enumerate(lines):
                    if number:
                        inlines.append(LineBreak())
                    inlines.append(Text(line))
                blocks.append(Paragraph(inlines))
                index += 1
            elif kind == "html_block":
                if _PAGE_BREAK.match(token.content):
                    blocks.append(PageBreak())
                elif not token.content.strip().startswith("<!--"):
                    self._html(token.content)
                    blocks.append(Paragraph([Text(self._clean(token.content.strip()))]))
                index += 1
            elif kind == "blockquote_open":
                end = self._skip(tokens, index, "blockquote_open", "blockquote_close")
                for quoted in self._blocks(tokens[index + 1 : end - 1]):
                    if isinstance(quoted, Paragraph):
                        quoted.quote = True
                    blocks.append(quoted)
                index = end
            elif kind == "hr":
                index += 1
            else:
                index += 1
        return blocks

    @staticmethod
    def _skip(tokens: Sequence[Token], index: int, open_type: str, close_type: str) -> int:
        depth = 0
        while index < len(tokens):
            if tokens[index].type == open_type:
                depth += 1
            elif tokens[index].type == close_type:
                depth -= 1
                if depth == 0:
                    return index + 1
            index += 1
        return index

    def _list(self, tokens: Sequence[Token]) -> ListBlock:
        opener = tokens[0]
        ordered = opener.type == "ordered_list_open"
        # -- a list may start at 0 ("0. nul"), which "or 1" used to turn into 1 --
        start = int(str(opener.attrs.get("start", 1))) if ordered else 1
        block = ListBlock(ordered=ordered, start=start)
        index = 1
        while index < len(tokens) - 1:
            if tokens[index].type == "list_item_open":
                end = self._skip(tokens, index, "list_item_open", "list_item_close")
                block.items.append(self._blocks(tokens[index + 1 : end - 1]))
                index = end
            else:
                index += 1
        return block

    def _table(self, tokens: Sequence[Token]) -> Table:
        table = Table()
        row: list[list[Inline]] = []
        in_head = False
        for token in tokens:
            if token.type == "th_open":
                style = str(token.attrs.get("style", ""))
                table.align.append(style.partition("text-align:")[2] or None)
            elif token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                row = []
            elif token.type == "inline":
                row.append(self._inlines(token.children or []))
            elif token.type == "tr_close":
                if in_head:
                    table.header = row
                else:
                    table.rows.append(row)
        return table

    def _read_front_matter(self, token: Token) -> None:
        # -- the header's first line is the one after the opening "---" (lines count from 1) --
        first_line = (token.map[0] if token.map else 0) + 2
        self.front_matter = read_header(token.content, first_line)
        self.has_front_matter = True

    # -- inlines --------------------------------------------------------------------

    def _inlines(self, tokens: Sequence[Token]) -> list[Inline]:
        result: list[Inline] = []
        bold = italic = False
        link: Link | None = None
        for token in tokens:
            kind = token.type
            if kind in ("text", "code_inline", "html_inline"):
                if kind == "html_inline":
                    if token.content.startswith("<!--"):
                        continue
                    self._html(token.content)
                elif kind == "text" and "[^" in token.content:
                    for label in _UNDEFINED_REFERENCE.findall(token.content):
                        self._notice(
                            f"Voetnoot [^{label}] wordt gebruikt maar nergens gedefinieerd; "
                            "de verwijzing staat als tekst in de brief."
                        )
                text = Text(self._clean(token.content), bold=bold, italic=italic)
                if not text.text:
                    continue
                # Inside an unsafe link (link is None) the text stays plain text.
                (link.children if link is not None else result).append(text)
            elif kind == "strong_open":
                bold = True
            elif kind == "strong_close":
                bold = False
            elif kind == "em_open":
                italic = True
            elif kind == "em_close":
                italic = False
            elif kind == "softbreak":
                (link.children if link is not None else result).append(Text(" ", bold, italic))
            elif kind == "hardbreak":
                result.append(LineBreak())
            elif kind == "link_open":
                url = safe_url(str(token.attrs.get("href", "")))
                link = Link(url=url) if url is not None else None
            elif kind == "link_close":
                if link is not None:
                    if not link.children:
                        link.children.append(Text(link.url))
                    result.append(link)
                link = None
            elif kind == "image":
                alt = self._clean(token.content or "")
                self._notice(
                    "Afbeeldingen worden niet in de brief opgenomen; de beschrijving staat er "
                    f"als tekst: {alt or str(token.attrs.get('src', ''))}"
                )
                if alt:
                    result.append(Text(alt, bold=bold, italic=italic))
            elif kind == "footnote_ref":
                note_id = int(token.meta["id"])
                result.append(Note(blocks=list(self._note(note_id))))
        return _merge(result)


def _merge(inlines: list[Inline]) -> list[Inline]:
    """Join neighbouring runs with the same emphasis (fewer Word runs, same text)."""
    merged: list[Inline] = []
    for item in inlines:
        last = merged[-1] if merged else None
        if (
            isinstance(item, Text)
            and isinstance(last, Text)
            and (last.bold, last.italic) == (item.bold, item.italic)
        ):
            last.text += item.text
        else:
            merged.append(item)
    return merged


def _flatten_deep_nesting(lines: list[str]) -> bool:
    """Drop container markers nested past ``_MAX_LINE_DEPTH`` from ``lines`` (in place);
    True when a line changed."""
    changed = False
    for number, line in enumerate(lines):
        if len(line) <= _MAX_LINE_DEPTH or line[0] not in _MARKER_STARTS:
            continue  # -- too short for, or not starting with, that many container markers --
        position = depth = 0
        while True:
            match = _MARKER.match(line, position)
            if not match or match.end() == position:
                break
            position = match.end()
            depth += 1
        if depth > _MAX_LINE_DEPTH:
            kept = position
            position = depth = 0
            while depth < _MAX_LINE_DEPTH:
                match = _MARKER.match(line, position)
                assert match is not None
                position = match.end()
                depth += 1
            lines[number] = line[:position] + line[kept:]
            changed = True
    return changed


def _split_annexes(markdown: str) -> tuple[str, list[tuple[str, str | None, str]]]:
    """Split at ``<!-- bijlage: Titel -->`` lines: body text and (title, stem, text) parts."""
    if _ANNEX_ANYWHERE.search(markdown) is None:
        return markdown, []
    body_lines: list[str] = []
    parts: list[tuple[str, str | None, list[str]]] = []
    in_fence = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else _ANNEX.match(line)
        if match:
            parts.append((match.group("title"), match.group("stem"), []))
        elif parts:
            parts[-1][2].append(line)
        else:
            body_lines.append(line)
    return "\n".join(body_lines), [(t, s, "\n".join(lines)) for t, s, lines in parts]


def _definition_blocks(text: str, lines: list[str]) -> list[str]:
    """Each footnote definition that starts a line of ``text``, whole: its first line and
    every further line and paragraph markdown-it reads as part of it."""
    tokens: list[Token] = []
    _MD.block.parse(text, _MD, {}, tokens)
    blocks = []
    for token in tokens:
        if token.type == "footnote_reference_open" and token.map is not None:
            start, end = token.map
            if lines[start].startswith("[^"):
                blocks.append("\n".join(lines[start:end]).rstrip("\n"))
    return blocks


def _with_definitions(part: str, definitions: list[str]) -> str:
    """``part`` followed by the footnote definitions (whole blocks) it does not hold itself.

    Definitions the part holds are not repeated: a repeated definition would replace the
    part's own (markdown-it keeps the last) and would be parsed twice.
    """
    own = set(part.split("\n"))
    others = [block for block in definitions if block.split("\n", 1)[0] not in own]
    return part + "\n\n" + "\n\n".join(others)


def parse_markdown(markdown: str) -> ParsedMarkdown:
    """Parse letter Markdown into body blocks, annexes and front matter.

    Footnote definitions (``[^id]: ...``) are shared by body and annexes, so they may
    stand anywhere, as pandoc allows.

    Raises:
        InvalidInput: for invalid YAML front matter, or front matter that is not closed.
    """
    if "\r" in markdown:
        markdown = markdown.replace("\r\n", "\n").replace("\r", "\n")
    # -- markdown-it's own normalising (newlines, NUL) is switched off: this is it --
    text = clean_text(markdown)
    lines = text.split("\n")
    if _flatten_deep_nesting(lines):
        text = "\n".join(lines)
    body_text, annex_parts = _split_annexes(text)
    # -- a note may be defined in another part than the one citing it (at the very end, after
    # -- the annexes, as pandoc allows): each part gets the definitions it lacks, whole --
    definitions = _definition_blocks(text, lines) if annex_parts else []
    # -- without annexes the body is the whole text and holds every definition itself --
    body_source = _with_definitions(body_text, definitions) if annex_parts else body_text
    env: dict[str, Any] = {}
    converter = _Converter(_MD.parse(body_source, env), body_source)
    body = converter._blocks(converter.tokens)
    if not converter.has_front_matter and _UNCLOSED_HEADER.match(text):
        raise InvalidInput(
            "De kop van het document begint met een regel --- maar wordt niet afgesloten: "
            "zet een regel --- onder de laatste sleutel (of haal de eerste regel --- weg)."
        )
    notices = converter.notices
    html_tags = converter.html_tags
    defined, cited = _footnote_labels(env)
    annexes: list[Annex] = []
    for title, stem, part in annex_parts:
        # Footnote definitions may sit at the end of the whole text; give each part access.
        part_source = _with_definitions(part, definitions)
        part_env: dict[str, Any] = {}
        part_converter = _Converter(_MD.parse(part_source, part_env), part_source)
        annexes.append(
            Annex(
                title=clean_text(title),
                blocks=part_converter._blocks(part_converter.tokens),
                file_stem=stem,
            )
        )
        notices.extend(n for n in part_converter.notices if n not in notices)
        html_tags.extend(t for t in part_converter.html_tags if t not in html_tags)
        part_defined, part_cited = _footnote_labels(part_env)
        defined |= part_defined
        cited |= part_cited
    notices.extend(
        f"Voetnoot [^{label}] is gedefinieerd maar nergens gebruikt; die staat niet in de brief."
        for label in sorted(defined - cited)
    )
    if html_tags:
        notices.append(
            "HTML wordt niet opgemaakt maar staat als tekst in de brief: " + ", ".join(html_tags)
        )
    for blocks in (body, *(annex.blocks for annex in annexes)):
        notices.extend(
            f"Een kop zonder tekst eronder blijft uit de brief: {title or '(lege kop)'}"
            for title in empty_headings(blocks)
        )
    return ParsedMarkdown(
        body=body, annexes=annexes, front_matter=converter.front_matter, notices=notices
    )


def _footnote_labels(env: dict[str, Any]) -> tuple[set[str], set[str]]:
    """Labels of the footnotes defined in a parse, and of those cited in it."""
    refs = env.get("footnotes", {}).get("refs", {})
    defined = {label[1:] for label in refs}
    cited = {label[1:] for label, number in refs.items() if number >= 0}
    return defined, cited
