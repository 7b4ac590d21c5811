"""Section Markdown as formatted paragraphs, and back: the composer's storage format.

The composer edits a section as formatted text (bold, italic, links, lists, headings,
footnote markers) but stores our Markdown. :func:`parse_blocks` reads Markdown into flat
:class:`RichBlock` paragraphs with :class:`Span` runs; :func:`to_markdown` writes them
back. Canonical Markdown (what :func:`to_markdown` writes) survives the round trip
unchanged; anything the editor cannot show as formatting (a table, a quote, code, HTML,
a list item with two paragraphs) is kept as a raw block, verbatim. No Qt here.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

NOTE_CHAR = "\ufffc"  # where a footnote sits in the text (Qt's object replacement character)
# A link to one of these is a citation of a registry item (desktop.core.drafting.citations).
CITATION_SCHEMES = ("motie:", "kamerstuk:")
LINE_BREAK = "\u2028"  # a line break inside a paragraph (Shift+Enter)
PARAGRAPH, HEADING, RAW = "p", "h", "raw"


@dataclass(slots=True)
class Span:
    """A run of text with one format; a footnote is ``NOTE_CHAR`` with ``note`` set."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None
    note: str | None = None  # the footnote's own Markdown (inline)
    soft: bool = False  # a LINE_BREAK that was a soft line break in the source
    html: bool = False  # inline HTML, kept verbatim

    def same_format(self, other: Span) -> bool:
        """True when two runs can be joined (a citation never is: each is one object)."""
        return (
            self.note is None
            and not is_citation(self.link)
            and not is_citation(other.link)
            and other.note is None
            and not self.soft
            and not other.soft
            and LINE_BREAK not in self.text + other.text
            and (self.bold, self.italic, self.code, self.link, self.html)
            == (other.bold, other.italic, other.code, other.link, other.html)
        )


def is_citation(link: str | None) -> bool:
    """True for the target of a citation (``motie:12``), not a web link."""
    return link is not None and link.startswith(CITATION_SCHEMES)


@dataclass(frozen=True, slots=True)
class ListInfo:
    """A paragraph's place in a list: which list (``key``), its kind and depth."""

    key: int
    ordered: bool
    level: int = 0
    start: int = 1
    tight: bool = True


@dataclass(slots=True)
class RichBlock:
    """One paragraph: text, heading (``level`` 1-6), or raw Markdown kept as it was."""

    kind: str = PARAGRAPH
    spans: list[Span] = field(default_factory=list)
    level: int = 0
    list: ListInfo | None = None

    @property
    def text(self) -> str:
        """The paragraph as the editor shows it (a footnote is one character)."""
        return "".join(span.text for span in self.spans)


@functools.cache
def _parser() -> MarkdownIt:
    """The parser, made on first use: the main window starts without loading markdown-it."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.use(footnote_plugin)
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def visible_text(blocks: Sequence[RichBlock]) -> str:
    """The text as the editor shows it, paragraphs separated by new lines."""
    return "\n".join(block.text for block in blocks)


def merge_spans(spans: list[Span]) -> list[Span]:
    """Join neighbouring runs with the same format; drop empty ones."""
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and merged[-1].same_format(span):
            merged[-1].text += span.text
        else:
            merged.append(span)
    return merged


# -- reading Markdown ---------------------------------------------------------------------


class _Reader:
    def __init__(self, markdown: str) -> None:
        self.source = markdown
        self.lines = markdown.split("\n")
        self.env: dict[str, object] = {}
        self.tokens = _parser().parse(markdown, self.env)
        self.next_key = 0

    def raw(self, token: Token, end_token: Token | None = None) -> RichBlock:
        assert token.map is not None
        start, end = token.map
        if end_token is not None and end_token.map is not None:
            end = max(end, end_token.map[1])
        lines = self.lines[start:end]
        while lines and not lines[-1].strip():
            lines.pop()
        return RichBlock(RAW, [Span(LINE_BREAK.join(lines))])

    def note_markdown(self, token: Token) -> str:
        footnotes = self.env.get("footnotes", {})
        assert isinstance(footnotes, dict)
        entry = footnotes.get("list", {}).get(int(token.meta["id"]), {})
        if "content" in entry:  # an inline note ^[...]: its own source
            return str(entry["content"])
        # A labelled note [^1] with its definition elsewhere: becomes an inline note.
        note_id = token.meta.get("id")
        for index, other in enumerate(self.tokens):
            if other.type == "footnote_open" and other.meta.get("id") == note_id:
                parts = []
                for inner in self.tokens[index + 1 :]:
                    if inner.type == "footnote_close":
                        break
                    if inner.type == "inline":
                        parts.append(inline_markdown(self.spans(inner)))
                return " ".join(parts)
        return ""

    def spans(self, inline: Token) -> list[Span]:
        result: list[Span] = []
        bold = italic = False
        link: str | None = None
        citation_from: int | None = None  # where the citation being read started
        for token in inline.children or []:
            kind = token.type
            if kind == "text":
                result.append(Span(token.content, bold, italic, link=link))
            elif kind == "code_inline":
                result.append(Span(token.content, bold, italic, code=True, link=link))
            elif kind == "html_inline":
                result.append(Span(token.content, bold, italic, link=link, html=True))
            elif kind == "strong_open":
                bold = True
            elif kind == "strong_close":
                bold = False
            elif kind == "em_open":
                italic = True
            elif kind == "em_close":
                italic = False
            elif kind == "softbreak":
                result.append(Span(LINE_BREAK, bold, italic, link=link, soft=True))
            elif kind == "hardbreak":
                result.append(Span(LINE_BREAK, bold, italic, link=link))
            elif kind == "link_open":
                link = str(token.attrs.get("href", ""))
                citation_from = len(result) if is_citation(link) else None
            elif kind == "link_close":
                if citation_from is not None and link is not None:
                    result[citation_from:] = _one_citation(result[citation_from:], link)
                citation_from = None
                link = None
            elif kind == "image":
                result.append(Span(token.content or "", bold, italic, link=link))
            elif kind == "footnote_ref":
                result.append(Span(NOTE_CHAR, note=self.note_markdown(token)))
        return merge_spans(result)

    def edges(self, token: Token, spans: list[Span], *, leading: bool = True) -> list[Span]:
        """Give a paragraph back the spaces Markdown drops at its ends (typing leaves them)."""
        if token.map is None or not spans:
            return spans
        first, last = self.lines[token.map[0]], self.lines[token.map[1] - 1]
        lead = first[: len(first) - len(first.lstrip(" "))] if leading else ""
        trail = last[len(last.rstrip(" ")) :] if last.strip() else ""
        if lead:
            spans.insert(0, Span(lead))
        if trail:
            spans.append(Span(trail))
        return merge_spans(spans)

    def blocks(self) -> list[RichBlock]:
        tokens = self.tokens
        blocks: list[RichBlock] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "paragraph_open":
                inline = tokens[index + 1]
                blocks.append(RichBlock(PARAGRAPH, self.edges(token, self.spans(inline))))
                index += 3
            elif kind == "heading_open" and token.markup.startswith("#"):
                level = int(token.tag[1])
                blocks.append(RichBlock(HEADING, self.spans(tokens[index + 1]), level))
                index += 3
            elif kind in ("bullet_list_open", "ordered_list_open"):
                end = _skip(tokens, index)
                items = self.list_blocks(tokens[index:end], 0)
                blocks.extend(items if items is not None else [self.raw(token)])
                index = end
            elif kind in ("footnote_block_open",):
                index = _skip(tokens, index)
            elif kind.endswith("_open"):
                end = _skip(tokens, index)
                blocks.append(self.raw(token))
                index = end
            else:
                if token.map is not None:
                    blocks.append(self.raw(token))
                index += 1
        return blocks

    def list_blocks(self, tokens: Sequence[Token], level: int) -> list[RichBlock] | None:
        """A list as flat paragraphs; None when it holds what the editor cannot show."""
        opener = tokens[0]
        ordered = opener.type == "ordered_list_open"
        if opener.markup not in (".", "-"):
            return None  # "1)" or "*" lists: kept as written
        start = int(opener.attrs.get("start", 1) or 1) if ordered else 1
        key = self.next_key
        self.next_key += 1
        tight = True
        result: list[RichBlock] = []
        index = 1
        while index < len(tokens) - 1:
            if tokens[index].type != "list_item_open":
                index += 1
                continue
            end = _skip(tokens, index)
            inner = tokens[index + 1 : end - 1]
            if not inner or inner[0].type != "paragraph_open":
                return None
            tight = tight and inner[0].hidden
            info = ListInfo(key, ordered, level, start)
            spans = self.edges(inner[0], self.spans(inner[1]), leading=False)
            result.append(RichBlock(PARAGRAPH, spans, list=info))
            position = 3
            while position < len(inner):
                kind = inner[position].type
                if kind not in ("bullet_list_open", "ordered_list_open"):
                    return None
                stop = position + _skip(inner[position:], 0)
                nested = self.list_blocks(inner[position:stop], level + 1)
                if nested is None:
                    return None
                result.extend(nested)
                position = stop
            index = end
        for block in result:
            if block.list is not None and block.list.key == key:
                block.list = ListInfo(key, ordered, level, start, tight)
        return result


def _one_citation(parts: list[Span], link: str) -> list[Span]:
    """A citation's text as one run, formatted as it starts (it is one object)."""
    words = [span for span in parts if span.note is None and span.text]
    notes = [span for span in parts if span.note is not None]
    if not words:
        return notes
    text = "".join(span.text for span in words).replace(LINE_BREAK, " ")
    first = next((span for span in words if span.text.strip()), words[0])  # spaces: unformatted
    return [Span(text, first.bold, first.italic, link=link), *notes]


def _skip(tokens: Sequence[Token], index: int) -> int:
    """The index after the token that closes ``tokens[index]``."""
    depth = 0
    while index < len(tokens):
        depth += tokens[index].nesting
        index += 1
        if depth == 0:
            return index
    return index


def parse_blocks(markdown: str) -> list[RichBlock]:
    """Read section Markdown into paragraphs (at least one, possibly empty)."""
    text = markdown.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _Reader(text).blocks()
    return blocks or [RichBlock()]


def parse_inline(markdown: str) -> list[Span]:
    """Read a footnote's Markdown (inline only) into runs."""
    blocks = parse_blocks(markdown)
    spans: list[Span] = []
    for number, block in enumerate(blocks):
        if number:
            spans.append(Span(LINE_BREAK, soft=True))
        spans.extend(block.spans)
    return merge_spans(spans)


# -- writing Markdown ---------------------------------------------------------------------

_ESCAPE = re.compile(r"[*_`\[\]|]|\\(?=[!-/:-@\[-`{-~]|$)|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
_LINE_START = re.compile(
    r"^(?:(\s*)([#>+\-=])(?=\s|$|[=\-]*$)|(\s*\d{1,9})([.)])(?=\s|$)|(\s*)(>))"
)


def _escape_text(text: str) -> str:
    return _ESCAPE.sub(lambda m: "\\" + m.group(0), text)


def _escape_line_starts(markdown: str) -> str:
    """Escape what would start a heading, list or quote at the beginning of a line."""

    def fix(match: re.Match[str]) -> str:
        if match.group(2):
            return f"{match.group(1)}\\{match.group(2)}"
        if match.group(4):
            return f"{match.group(3)}\\{match.group(4)}"
        return f"{match.group(5)}\\{match.group(6)}"

    return "\n".join(_LINE_START.sub(fix, line, count=1) for line in markdown.split("\n"))


def _code(text: str) -> str:
    ticks = "`"
    while ticks in text:
        ticks += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _link_target(url: str) -> str:
    if re.search(r"[\s()<>]", url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def _joined(span: Span, following: Span) -> bool:
    """True when ``following`` goes on in the link of ``span`` (a citation never does)."""
    return span.link == following.link and not is_citation(span.link)


def _marks(span: Span) -> set[str]:
    return {m for m, on in (("**", span.bold), ("*", span.italic)) if on}


def inline_markdown(spans: Sequence[Span]) -> str:
    """Runs as Markdown: ``**vet**``, ``*cursief*``, ``[tekst](url)``, ``^[voetnoot]``."""
    runs = merge_spans([dataclasses.replace(s) for s in spans])
    marks = [_marks(span) for span in runs]
    # How many runs from here on keep each mark: the longer one is opened first.
    extent: list[dict[str, int]] = [{} for _ in runs]
    for index in range(len(runs) - 1, -1, -1):
        for mark in marks[index]:
            same_link = index + 1 < len(runs) and _joined(runs[index], runs[index + 1])
            later = extent[index + 1].get(mark, 0) if same_link else 0
            extent[index][mark] = 1 + later
    out: list[str] = []
    open_marks: list[str] = []  # "**" and "*" in the order they were opened
    link: str | None = None

    def close_until(keep: set[str]) -> None:
        while open_marks and not set(open_marks) <= keep:
            out.append(open_marks.pop())

    for index, span in enumerate(runs):
        following = runs[index + 1] if index + 1 < len(runs) else None
        next_wanted = (
            marks[index + 1] if following is not None and _joined(span, following) else set()
        )
        wanted = set(marks[index])
        text = span.text
        blank = span.note is None and not text.strip()
        if blank:
            # Spaces only: they open no emphasis, and close what ends after them.
            wanted &= set(open_marks) & next_wanted
        if span.link != link or is_citation(link):  # each citation is a link of its own
            close_until(set())
            if link is not None:
                out.append(f"]({_link_target(link)})")
            link = span.link
            if link is not None:
                out.append("[")
        close_until(wanted)
        opening = sorted(wanted - set(open_marks), key=lambda m: -extent[index].get(m, 0))
        lead = trail = ""
        body = text
        if span.note is None and not span.html and not blank:
            if opening:  # emphasis cannot start before a space
                stripped = body.lstrip()
                lead, body = body[: len(body) - len(stripped)], stripped
            if (set(open_marks) | set(opening)) - next_wanted:  # nor end after one
                stripped = body.rstrip()
                trail, body = body[len(stripped) :], stripped
        out.append(lead)
        for mark in opening:
            open_marks.append(mark)
            out.append(mark)
        if span.note is not None:
            out.append(f"^[{span.note}]")
        elif span.html:
            out.append(body)
        elif span.code:
            out.append(_code(body))
        elif LINE_BREAK in body:
            out.append(body.replace(LINE_BREAK, "\n" if span.soft else "\\\n"))
        else:
            out.append(_escape_text(body))
        if trail:
            close_until(next_wanted)
            out.append(trail)
    close_until(set())
    if link is not None:
        out.append(f"]({_link_target(link)})")
    return "".join(out)


_TRAILING_NBSP = re.compile("(\\\\*)\u00a0( *)$")


def _keep_edges(markdown: str) -> str:
    """Keep what Markdown drops at a paragraph's ends: non-breaking spaces, an indent.

    Plain spaces at the ends are read back from the source (typing leaves them there).
    """
    markdown = re.sub("^( *)\u00a0", "\\1&#160;", markdown)
    # -- a backslash the text ends with stays unescaped before a space; before "&#160;" it
    # -- would escape the "&", so an odd run of backslashes gets one more --
    markdown = _TRAILING_NBSP.sub(
        lambda m: m.group(1) + "\\" * (len(m.group(1)) % 2) + "&#160;" + m.group(2), markdown
    )
    if markdown.startswith("    "):  # four spaces would make it code
        markdown = "&#32;" + markdown[1:]
    return markdown


def _marker(info: ListInfo, number: int) -> str:
    return f"{info.start + number}. " if info.ordered else "- "


def to_markdown(blocks: Sequence[RichBlock]) -> str:
    """Paragraphs as our Markdown (the inverse of :func:`parse_blocks`)."""
    parts: list[str] = []
    counters: dict[int, int] = {}
    indents: list[int] = []  # the continuation indent of each open list level
    previous: RichBlock | None = None
    for block in blocks:
        info = block.list
        if previous is not None:
            if info is not None and previous.list is not None:
                # Going into a nested list: the parent list says; else the list we are in.
                deeper = info.level > previous.list.level
                tight = previous.list.tight if deeper else info.tight
                if info.level == previous.list.level and info.key != previous.list.key:
                    tight = False  # another list right after this one
                parts.append("\n" if tight else "\n\n")
            else:
                parts.append("\n\n")
        if block.kind == RAW:
            parts.append(block.text.replace(LINE_BREAK, "\n"))
            indents = []
        elif block.kind == HEADING:
            # A heading's closing #s are not text: escape them (and every other #).
            heading = _keep_edges(inline_markdown(block.spans).replace("#", "\\#"))
            parts.append("#" * max(1, min(block.level, 6)) + " " + heading)
            indents = []
        elif info is not None:
            number = counters.get(info.key, 0)
            counters[info.key] = number + 1
            del indents[info.level :]
            indent = " " * sum(indents)
            marker = _marker(info, number)
            text = _escape_line_starts(_keep_edges(inline_markdown(block.spans)))
            body = text.replace("\n", "\n" + indent + " " * len(marker))
            parts.append(indent + marker + body)
            indents.append(len(marker))
        else:
            parts.append(_escape_line_starts(_keep_edges(inline_markdown(block.spans))))
            indents = []
        previous = block
    return "".join(parts)


def count_notes(markdown: str) -> int:
    """How many footnotes a text has."""
    if "^[" not in markdown and "[^" not in markdown:
        return 0
    return sum(
        1 for block in parse_blocks(markdown) for span in block.spans if span.note is not None
    )
