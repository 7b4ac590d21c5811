"""Citations of registry items in a letter: stored as links, written in house style.

A citation names a motion or Kamerstuk in the registry, not its text. In our Markdown it is
a link with our own scheme; the link text is the text as it was last written (the
fallback), the target the item's identity::

    [de motie Van Laar (Kamerstuk 26 485, nr. 224)](motie:12)
    [Kamerstuk 26 485, nr. 317](kamerstuk:26485-317)

A motion is named by its registry id, so a motion the Kamer has not numbered yet can be
cited, and once it has a number the letter says so. Every export resolves the links
against the registry (:func:`render_citations`); an item gone from the registry keeps
its fallback text, and the checks before export say so (:func:`missing_citations`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, unquote

from sqlalchemy import Connection as Database

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Motion
from desktop.core.domain.naming import motion_name
from desktop.core.drafting.richtext import Span, inline_markdown, parse_inline
from desktop.core.errors import InvalidInput, NotFound
from desktop.core.store import kamerstukken, motions

MOTION, KAMERSTUK = "motie", "kamerstuk"

# A link whose "[" is not escaped nor a footnote's "^[", to one of our schemes.
_LINK = re.compile(
    r"(?<!\^)\[(?P<text>(?:\\.|[^\\\[\]])*)\]\((?P<target>(?:motie|kamerstuk):[^\s()<>]*)\)"
)
# Words that end in a full stop without ending the sentence ("zie o.a. de motie").
_ABBREVIATIONS = frozenset(
    [
        "art",
        "bijv",
        "blz",
        "bv",
        "ca",
        "dhr",
        "dr",
        "drs",
        "enz",
        "etc",
        "excl",
        "incl",
        "ing",
        "ir",
        "jl",
        "min",
        "mr",
        "mevr",
        "mw",
        "nr",
        "p",
        "pag",
        "prof",
        "resp",
        "vgl",
        "zgn",
    ]
)
# How much text before a citation says whether it begins a sentence.
_CONTEXT = 400
_MARKER_LINE = re.compile(r"(?:\A|\n)[ \t]*(?:#{1,6}|[-+]|\d{1,9}[.)]|>)\Z")


@dataclass(frozen=True, slots=True)
class CitationTarget:
    """The registry item a citation names: a motion (by id) or a Kamerstuk."""

    kind: str
    motion_id: int | None = None
    ref: KamerstukRef | None = None

    @classmethod
    def motion(cls, motion_id: int) -> CitationTarget:
        """A motion by its registry id."""
        return cls(MOTION, motion_id=motion_id)

    @classmethod
    def kamerstuk(cls, ref: KamerstukRef) -> CitationTarget:
        """A Kamerstuk by its number."""
        return cls(KAMERSTUK, ref=ref)

    @classmethod
    def parse(cls, href: str) -> CitationTarget | None:
        """The target of ``motie:12`` or ``kamerstuk:26485-317``; None for anything else."""
        scheme, _colon, body = href.partition(":")
        if scheme == MOTION:
            return cls.motion(int(body)) if body.isdigit() else None
        if scheme != KAMERSTUK:
            return None
        kamer = "II"
        if body.startswith("I-"):
            kamer, body = "I", body[2:]
        parts = body.split("-")
        if len(parts) < 2 or not parts[0].isdigit() or not parts[-1]:
            return None
        toevoeging = unquote("-".join(parts[1:-1])) or None
        try:
            return cls.kamerstuk(KamerstukRef.of(parts[0], parts[-1], toevoeging, kamer=kamer))
        except InvalidInput:
            return None

    @property
    def href(self) -> str:
        """The link target as stored: ``motie:12``, ``kamerstuk:35000-XVII-34``."""
        if self.ref is None:
            return f"{MOTION}:{self.motion_id}"
        ref = self.ref
        parts = [str(ref.dossier)]
        if ref.toevoeging:
            parts.append(quote(ref.toevoeging, safe=""))
        parts.append(quote(ref.ondernummer, safe=""))
        kamer = "I-" if ref.kamer == "I" else ""
        return f"{KAMERSTUK}:{kamer}{'-'.join(parts)}"


def motion_citation(motion: Motion, *, capital: bool = False) -> str:
    """``de motie Van Laar (Kamerstuk 26 485, nr. 224)`` (with non-breaking spaces).

    A motion without a number yet is cited by its title and date.
    """
    name = motion_name(
        motion.indieners,
        gewijzigd=motion.gewijzigd,
        nader=motion.wijziging == "nader gewijzigd",
        capital=capital,
    )
    if motion.kamerstuk is None:
        return f"{name} ({motion.reference})"
    return f"{name} ({motion.kamerstuk.letter_style(nbsp=True)})"


def citation_markdown(text: str, target: CitationTarget) -> str:
    """A citation as stored in our Markdown."""
    return inline_markdown([Span(text, link=target.href)])


# -- in running text ------------------------------------------------------------------------


def starts_sentence(before: str) -> bool:
    """True when text following ``before`` begins a sentence (or a paragraph, or a note)."""
    text = before.rstrip(" \t\u00a0*_„“\"‘'(")
    if not text or text.endswith("^[") or _MARKER_LINE.search(text):
        return True
    if text.endswith("\n"):
        stripped = text.rstrip()
        if not stripped or text[len(stripped) :].count("\n") >= 2:
            return True  # a new paragraph
        text = stripped
    text = text.rstrip('”’")')
    if not text.endswith((".", "!", "?", "…")):
        return False
    word = text[:-1].rsplit(None, 1)[-1] if text[:-1].strip() else ""
    return "." not in word and word.lower() not in _ABBREVIATIONS


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class FoundCitation:
    """A citation in a Markdown text: where it is, what it names, its fallback text."""

    start: int
    end: int
    href: str
    target: CitationTarget | None  # None: a target that cannot be read
    source: str  # the link as written (Markdown)

    def _run(self) -> Span:
        """The citation as the editor reads it: one run (its text, bold or italic)."""
        runs = [span for span in parse_inline(self.source) if span.link == self.href]
        return runs[0] if runs else Span("")

    @property
    def text(self) -> str:
        """The fallback text as plain text."""
        return self._run().text

    def written(self, text: str, *, link: bool) -> str:
        """``text`` in this citation's place, with its bold or italic; a link again if asked."""
        run = self._run()
        return inline_markdown([Span(text, run.bold, run.italic, link=self.href if link else None)])


def find_citations(markdown: str) -> list[FoundCitation]:
    """Every citation in ``markdown``, in order."""
    found = []
    for match in _LINK.finditer(markdown):
        start = before = match.start()
        while before and markdown[before - 1] == "\\":
            before -= 1
        if (start - before) % 2:
            continue  # "\[" is a bracket typed as text
        href = match.group("target")
        found.append(
            FoundCitation(start, match.end(), href, CitationTarget.parse(href), match.group())
        )
    return found


HouseStyle = Callable[[CitationTarget], str | None]


def _rewrite(markdown: str, house_style: HouseStyle, *, link: bool) -> str:
    parts: list[str] = []
    last = 0
    for found in find_citations(markdown):
        current = house_style(found.target) if found.target is not None else None
        text = found.text if current is None else current
        if found.target is not None and found.target.kind == MOTION:
            # "De motie Van Laar" begins a sentence; mid-sentence it is "de motie".
            sentence = starts_sentence(markdown[max(found.start - _CONTEXT, 0) : found.start])
            text = _capitalised(text) if sentence else text[:1].lower() + text[1:]
        parts += [markdown[last : found.start], found.written(text, link=link)]
        last = found.end
    if not parts:
        return markdown
    parts.append(markdown[last:])
    return "".join(parts)


def render_citations(markdown: str, house_style: HouseStyle) -> str:
    """The Markdown with each citation written out in house style, as the letter says it.

    A citation at the start of a sentence is capitalised (``De motie Van Laar``); one whose
    item ``house_style`` does not know keeps its fallback text.
    """
    return _rewrite(markdown, house_style, link=False)


def refresh_citations(markdown: str, house_style: HouseStyle) -> str:
    """The Markdown with each citation's fallback text brought up to date (still linked)."""
    return _rewrite(markdown, house_style, link=True)


def missing_citations(markdown: str, house_style: HouseStyle) -> list[FoundCitation]:
    """The citations whose item is not (or no longer) in the registry."""
    return [
        found
        for found in find_citations(markdown)
        if found.target is None or house_style(found.target) is None
    ]


# -- back from Word ------------------------------------------------------------------------

# An existing link or footnote opening that a citation found again must not cut into.
_ANY_LINK = re.compile(r"\[(?:\\.|[^\\\[\]])*\]\([^()\s]*\)")


def _written_pattern(text: str) -> str:
    """A pattern for ``text`` as a Word letter read back writes it: escaped as Markdown,
    any space (also a non-breaking one) as any space, the first letter in either case."""
    from desktop.core.drafting.templates import escape_markdown

    words = escape_markdown(text.replace("\u00a0", " ")).split()
    if not words:
        return ""
    first = words[0]
    head = f"[{re.escape(first[0].lower())}{re.escape(first[0].upper())}]" if first else ""
    words[0] = head + re.escape(first[1:])
    return (
        r"(?<!\w)"
        + r"[ \u00a0]+".join(re.escape(word) if index else word for index, word in enumerate(words))
        + r"(?!\w)"
    )


def relink_citations(markdown: str, cited: dict[str, str]) -> str:
    """Text read back from Word with each citation the letter had made a citation again.

    Word holds a citation as the house-style text the export wrote (``de motie Van Laar
    (Kamerstuk 26 485, nr. 224)``); ``cited`` maps each such text to the citation's target
    (``motie:1``). Every occurrence of one of these texts outside an existing link becomes
    that citation again, the longest text first (a motion's citation contains its
    Kamerstuk). At the start of a sentence a motion's text is capitalised again by the
    export, so either case of the first letter is recognised.
    """
    taken: list[tuple[int, int]] = [m.span() for m in _ANY_LINK.finditer(markdown)]
    found: list[tuple[int, int, str, str]] = []
    for text in sorted(cited, key=len, reverse=True):
        pattern = _written_pattern(text)
        if not pattern:
            continue
        for match in re.finditer(pattern, markdown):
            start, end = match.span()
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            # The case of the first letter as found; the rest (its non-breaking spaces) as
            # the registry writes it.
            shown = match.group()[0] + text[1:]
            found.append((start, end, shown, cited[text]))
    if not found:
        return markdown
    parts: list[str] = []
    last = 0
    for start, end, shown, href in sorted(found):
        parts += [markdown[last:start], inline_markdown([Span(shown, link=href)])]
        last = end
    parts.append(markdown[last:])
    return "".join(parts)


def letter_citations(texts: list[str], house_style: HouseStyle) -> dict[str, str]:
    """The texts under which the citations in ``texts`` appear in an exported letter.

    Each citation maps from its house-style text now and from its stored text (what an
    export before a registry change wrote) to its target.
    """
    cited: dict[str, str] = {}
    for markdown in texts:
        for found in find_citations(markdown):
            current = house_style(found.target) if found.target is not None else None
            for text in (current, found.text):
                if text and text.strip():
                    cited.setdefault(text, found.href)
    return cited


class RegistryCitations:
    """House-style texts of the items a letter cites, each looked up once."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._known: dict[CitationTarget, str | None] = {}

    def __call__(self, target: CitationTarget) -> str | None:
        """The house-style text of ``target``; None when it is not in the registry."""
        if target not in self._known:
            self._known[target] = self._look_up(target)
        return self._known[target]

    def _look_up(self, target: CitationTarget) -> str | None:
        if target.motion_id is not None:
            try:
                return motion_citation(motions.get(self.db, target.motion_id))
            except NotFound:
                return None
        ref = target.ref
        if ref is None:
            return None
        if kamerstukken.find(self.db, ref) is None and motions.find(self.db, ref) is None:
            return None
        return ref.letter_style(nbsp=True)
