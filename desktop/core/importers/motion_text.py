"""Parse the official published text of a motion (motie) into a :class:`Motion`.

The official text (officielebekendmakingen.nl, ``kst-26485-229``) looks like::

    26 485 Maatschappelijk verantwoord ondernemen

    Nr. 229 MOTIE VAN HET LID VOORDEWIND

    Voorgesteld 6 september 2016

    De Kamer,

    gehoord de beraadslaging,

    constaterende dat ...;

    verzoekt de regering, ...,

    en gaat over tot de orde van de dag.

    Voordewind

Users paste it from a web page or save it as a text file, so the parser accepts the
noise that comes with that (see :func:`clean_pasted_text`) and reports everything it
cannot read as a :class:`~desktop.core.errors.SourcedInputError` with a Dutch message
that names the source and, where it makes sense, the line.

Decisions on the format, for whoever maintains this:

* Line numbers in error messages refer to the text as the user gave it (before
  cleaning), so they match what an editor shows.
* The Kamerstuk's ``vergaderjaar`` is left empty: the parser only fills what the
  motion text itself identifies (dossier, toevoeging, ondernummer).
* Files must be UTF-8 (with or without BOM) or UTF-16 *with* a BOM (Word's and
  Notepad's "Unicode" text). Other encodings are refused with a message explaining how
  to save the file as UTF-8, rather than guessed: a wrong guess silently corrupts names
  and clause text that end up in letters to the Kamer.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from desktop.core.domain.dutch import DUTCH_DATE_PATTERN, parse_date
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Motion
from desktop.core.domain.naming import proper_case_name
from desktop.core.errors import FileProblem, InvalidInput, SourcedInputError

__all__ = [
    "clean_pasted_text",
    "parse_motion_file",
    "parse_motion_text",
    "read_motion_file",
    "read_motion_text",
]

# -- cleaning ---------------------------------------------------------------------

# Every way a line can end in pasted or saved text; a lone "\r" is an old Mac ending.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")


def _char_table() -> dict[int, str | None]:
    """Build the per-character translation used by :func:`clean_pasted_text`."""
    table: dict[int, str | None] = {}
    # Control characters carry no text; tab becomes a plain space.
    for code in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)):
        table[code] = None
    table[ord("\t")] = " "
    # Non-breaking, thin and other typographic spaces: web pages use them between
    # "26" and "485" and around quotes; the parser matches plain spaces.
    for code in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000):
        table[code] = " "
    # Invisible characters (zero-width, word joiner, BOM, bidi marks) and the soft
    # hyphen would otherwise split words and keywords such as "MOTIE".
    for code in (
        0x00AD,
        0x180E,
        0x200B,
        0x200C,
        0x200D,
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        0x2060,
        *range(0x2066, 0x206A),
        0xFEFF,
    ):
        table[code] = None
    # Guillemets and low quotes become the Dutch curly quotes used in letters
    # (domain.md §7); curly and straight quotes already in the text stay as written.
    table.update(
        {
            ord("«"): "“",
            ord("»"): "”",
            ord("„"): "“",
            ord("‹"): "‘",
            ord("›"): "’",
            ord("‚"): "‘",
        }
    )
    return table


_CHAR_TABLE = _char_table()

# Leading list markers that web pages and Word put before paragraphs.
_BULLET = re.compile(r"^(?:[•·▪▫◦‣●○■□►▶✓\-–—*]\s+)+")
_SPACE_RUN = re.compile(r" {2,}")

# Whole lines that are page chrome of the web page the text was copied from.
_WEB_CHROME = frozenset(
    {
        "naar boven",
        "terug naar boven",
        "↑ naar boven",
        "^ naar boven",
        "print",
        "printen",
        "afdrukken",
        "print deze pagina",
        "delen",
        "deel deze pagina",
        "download",
        "downloaden",
        "download pdf",
        "sluiten",
        "menu",
        "ga direct naar inhoud",
        "ga naar inhoud",
        "naar inhoud",
    }
)


def _clean_line(line: str) -> str:
    """Normalise one line; see :func:`clean_pasted_text`."""
    cleaned = line.translate(_CHAR_TABLE).strip()
    cleaned = _BULLET.sub("", cleaned)
    cleaned = _SPACE_RUN.sub(" ", cleaned)
    if cleaned.casefold().rstrip(" .:") in _WEB_CHROME:
        return ""
    return cleaned


def _clean_lines(text: str) -> list[tuple[int, str]]:
    """Clean ``text`` line by line, keeping each line's number in the original.

    Returns:
        ``(line number, cleaned text)`` pairs; blank lines are kept as ``""`` but never
        twice in a row, and never at the start or the end.
    """
    # NFC makes "e + combining diaeresis" from some pages equal to the single "ë".
    normalised = unicodedata.normalize("NFC", text)
    result: list[tuple[int, str]] = []
    for number, raw in enumerate(_LINE_BREAK.split(normalised), start=1):
        cleaned = _clean_line(raw)
        if not cleaned and (not result or not result[-1][1]):
            continue
        result.append((number, cleaned))
    while result and not result[-1][1]:
        result.pop()
    return result


def clean_pasted_text(text: str) -> str:
    """Normalise text pasted from a web page or saved from a document.

    Converts Windows (``\\r\\n``) and old Mac (``\\r``) line ends to ``\\n``;
    non-breaking, thin and other special spaces to plain spaces; removes zero-width
    characters, soft hyphens, control characters and bidi marks; turns ``«»``, ``„``
    and ``‹›`` into the Dutch curly quotes ``“”`` and ``‘’`` (other quotes stay as
    written); drops page chrome lines such as "Naar boven", "Terug naar boven" and
    "Print"; strips leading bullets, indentation and trailing spaces; collapses runs of
    spaces and of blank lines. Words themselves are never changed.

    Args:
        text: The text as pasted.

    Returns:
        The cleaned text, without leading or trailing blank lines.
    """
    return "\n".join(line for _, line in _clean_lines(text))


# -- patterns ---------------------------------------------------------------------

# re.ASCII keeps digits to 0-9 and, with IGNORECASE, stops characters such as "ſ" or
# the Kelvin sign from matching "s" or "k", which parse_date could not look up.
_A = re.ASCII
_I = re.IGNORECASE

_NUMBER_LINE = re.compile(r"^Nr\.?\s*(?P<nr>[0-9]{1,5})(?![0-9])\.?\s*(?P<rest>.*)$", _I | _A)
_MOTION_TITLE = re.compile(
    r"^(?P<nader>nader\s+)?(?P<gewijzigd>gewijzigde\s+)?motie\b\s*(?P<rest>.*)$", _I
)
_SIGNERS_INTRO = re.compile(r"^van\s+(?:het\s+lid|de\s+leden)\b\s*(?P<names>.*)$", _I)
_REPLACES = re.compile(
    r"\(?\s*\bter\s+vervanging\s+van\s+(?:die|de\s+motie)\s+gedrukt\s+onder\s+"
    r"(?:nr|nummer)\.?\s*(?P<nr>[0-9]{1,5})\s*\)?",
    _I | _A,
)
_OVER = re.compile(r"\s+over\s+", _I)
_CUM_SUIS = re.compile(r"\s*\bc\.\s*s\.?\s*$", _I)
_NAME_SEPARATOR = re.compile(r"\s*,\s*|\s+en\s+", _I)

# "26 485", "26485", "26.485" and optionally "-32", " XVII", " A" or " (R1519)".
_HEADER = re.compile(
    r"^(?P<dossier>[0-9]{2,3}[ .][0-9]{3}|[0-9]{4,6})"
    r"(?:-(?P<sub>[0-9]{1,3})|[ -](?P<toev>[IVXLC]{1,8}|[A-Z]|\(R[0-9]{3,4}\)))?"
    r"(?:\s+(?P<titel>\S.*))?$",
    _A,
)

_DATE = re.compile(DUTCH_DATE_PATTERN, _I | _A)
_PROPOSED = re.compile(
    r"^Voorgesteld\b(?:\s+(?:tijdens|bij|in|op)\s+(?:het|de|een)\s+(?P<bij>.+?)"
    r"\s+(?:van|op|d\.d\.))?\s+(?:op\s+)?(?P<date>" + DUTCH_DATE_PATTERN + r")\s*\.?$",
    _I | _A,
)
_PROPOSED_START = re.compile(r"^Voorgesteld\b", _I)

_CHAMBER_OPENING = re.compile(r"^De\s+Kamer\s*,?\s*", _I)
_DELIBERATION = re.compile(r"^gehoord\s+de\s+beraadslaging\s*,?\s*", _I)
_CLOSING = re.compile(r"\ben\s+gaat\s+over\s+tot\s+de\s+orde\s+van\s+(?:de\s+)?dag\b\s*[.,;:]?", _I)
# Page headers and footers of the PDF edition, which end up in copied text.
_PDF_FURNITURE = re.compile(
    r"^(?:Tweede\s+Kamer,\s+vergaderjaar\b|Tweede\s+Kamer\s+der\s+Staten-Generaal\s*[0-9]*$"
    r"|Vergaderjaar\s+[0-9]{4}|kst-[0-9]|ISSN\b"
    # -- "’s-Gravenhage 2015", alone or, as pdftotext gives it, with the rest of the footer --
    r"|['’]s-Gravenhage\s+[0-9]{4}(?:$|\s+Tweede\s+Kamer,\s+vergaderjaar\b))",
    _I,
)

# Connecting words before an opener: "voorts constaterende dat", "en verzoekt".
_CONNECTOR = r"(?:(?:en|voorts|tevens|mede|eveneens|daarnaast|ook|bovendien|verder|nogmaals)\s+)*"
_CONSIDERATION = re.compile(
    "^"
    + _CONNECTOR
    + r"(?:constaterende|overwegende|van\s+mening|van\s+oordeel|of\s+oordeel|gelet\s+op"
    r"|gezien|wijzende\s+op|in\s+aanmerking\s+nemende|in\s+overweging\s+nemende"
    r"|overtuigd|verwijzende\s+naar"
    # Any other participle ("appreciërende dat", "verwachtende, dat"); the "dat"/"op"
    # that must follow keeps wrapped lines such as "voldoende middelen" out.
    r"|[^\W\d_]{3,}ende,?\s+(?:dat|op|naar)\b)",
    _I,
)
_REQUEST = re.compile(
    "^"
    + _CONNECTOR
    + r"(?:verzoekt|roept|spreekt|draagt|vraagt|dringt|nodigt|besluit|keurt|veroordeelt"
    r"|verwerpt|onderschrijft|steunt|betreurt)\b",
    _I,
)
_CLAUSE_END = (";", ",")

# A signer line: words of letters, apostrophes, hyphens and dots ("Van ’t Wout").
_NAME_LINE = re.compile(r"^(?:[^\W\d_]|['’])(?:[^\W\d_]|['’.\- ])*$")
_PARTICLES = frozenset(
    {"van", "de", "der", "den", "het", "ter", "ten", "te", "'t", "’t", "in", "op", "la", "le"}
    | {"du", "d'", "von", "el", "al", "uit", "aan", "bij", "da", "dos", "di", "del", "y"}
)
_NOT_A_NAME = frozenset(
    {
        "ondertekenaars",
        "ondertekenaar",
        "indieners",
        "indiener",
        "print",
        "printen",
        "afdrukken",
        "delen",
        "download",
        "downloaden",
        "sluiten",
        "menu",
        "zoeken",
        "inhoud",
        "inhoudsopgave",
        "colofon",
        "home",
        "vorige",
        "volgende",
        "kamerstuk",
        "motie",
        "dossier",
        "publicatie",
        "tweede kamer",
        "tweede kamer der staten-generaal",
        "officiële bekendmakingen",
    }
)

_EXAMPLE_HEADER = "‘26 485 Maatschappelijk verantwoord ondernemen’"
_EXAMPLE_NUMBER = "‘Nr. 229 MOTIE VAN HET LID VOORDEWIND’"


# -- errors -----------------------------------------------------------------------


def _error(message: str, source: str | None, line: int | None = None) -> SourcedInputError:
    """Build the error; without a source, the line number goes into the message itself."""
    if source is None and line is not None:
        return SourcedInputError(f"Regel {line}: {message}", line=line)
    return SourcedInputError(message, source=source, line=line)


def _quote(text: str, limit: int = 60) -> str:
    """Quote a piece of the user's text in a message, shortened when long."""
    shown = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return f"‘{shown}’"


# -- structure --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Title:
    """What the title line ``MOTIE VAN HET LID ...`` says."""

    names: list[str]
    cum_suis: bool
    onderwerp: str | None
    vervangt_nr: str | None
    wijziging: str | None = None


@dataclass(slots=True)
class _Clause:
    """A consideration or request clause being assembled from lines."""

    kind: str  # "overweging" or "verzoek"
    parts: list[str]
    list_mode: bool = False

    @property
    def text(self) -> str:
        """The clause so far, its lines joined."""
        return _join_lines(self.parts)


# -- a word the PDF edition broke at the end of a line ("over-" / "heid"): lower-case
# -- letters before the final hyphen, and lower-case letters starting the next line --
_BROKEN_WORD = re.compile(r"([^\W\d_A-Z]+)-$")
_CONTINUED_WORD = re.compile(r"([^\W\d_A-Z]+)\s*(.*)$")


def _rejoin_broken_words(lines: list[tuple[int, str]]) -> list[str]:
    """Join the words the PDF edition hyphenated at line ends again, in ``lines``.

    The PDF edition (recognised by its page furniture: ``kst-``, ``ISSN``, the
    ’s-Gravenhage footer) is typeset with hyphenation, so "over-" / "heid" is one
    word. A compound that the text writes with its hyphen elsewhere ("imvo-convenanten")
    keeps it, and so do a hyphen after a capital ("IMVO-" / "convenanten") and the
    elliptic "land- en tuinbouw".

    Returns:
        The words joined, for the warning.
    """
    if not any(_PDF_FURNITURE.match(line) for _, line in lines):
        return []
    whole = " ".join(line for _, line in lines)
    joined: list[str] = []
    index = 0
    while index < len(lines) - 1:
        number, line = lines[index]
        broken = _BROKEN_WORD.search(line)
        following = _CONTINUED_WORD.match(lines[index + 1][1]) if broken else None
        if broken is None or following is None:
            index += 1
            continue
        head, tail = broken.group(1), following.group(1)
        # -- a compound written so in the text itself, or the elliptic "land- en tuinbouw" --
        if f"{head}-{tail}" in whole or tail.casefold() in ("en", "of"):
            index += 1
            continue
        word_start = line.rfind(" ", 0, broken.start()) + 1
        joined.append(line[word_start:-1] + tail)
        lines[index] = (number, line[:-1] + tail)
        rest = following.group(2)
        if rest:
            lines[index + 1] = (lines[index + 1][0], rest)
        else:
            del lines[index + 1]
        index += 1
    return joined


def _join_lines(parts: list[str]) -> str:
    """Join the lines of a wrapped clause.

    A line that ends in a hyphen after a letter was wrapped inside a compound
    ("imvo-" / "convenanten") and is joined without a space, keeping the hyphen; the
    exception is the Dutch elliptic form "land- en tuinbouw".
    """
    text = ""
    for part in parts:
        if not text:
            text = part
        elif re.search(r"[^\W\d_]-$", text) and not re.match(r"(?:en|of)\b", part, _I):
            text += part
        else:
            text += " " + part
    return text


def _find_title(
    lines: list[tuple[int, str]], source: str | None
) -> tuple[int, re.Match[str], int, int]:
    """Locate the ``Nr. <n> MOTIE ...`` line.

    Returns:
        The index of the ``Nr.`` line, its match, the index of the line where the title
        starts (the same line, or the next one when a web page split them) and the
        index just after the title.

    Raises:
        SourcedInputError: when there is no such line, or more than one motion.
    """
    found: tuple[int, re.Match[str], int] | None = None
    other_document: tuple[int, str] | None = None
    for index, (number, text) in enumerate(lines):
        match = _NUMBER_LINE.match(text)
        if not match:
            continue
        title_index = index
        title_text = match.group("rest")
        if not title_text:
            # "Nr. 229" and "MOTIE VAN ..." on separate lines (web pages).
            following = [i for i in range(index + 1, min(index + 3, len(lines))) if lines[i][1]]
            if not following:
                continue
            title_index = following[0]
            title_text = lines[title_index][1]
        if not _MOTION_TITLE.match(title_text):
            if other_document is None:
                other_document = (number, f"Nr. {match.group('nr')} {title_text}")
            continue
        if found is not None:
            raise _error(
                f"De tekst bevat meer dan één motie (nr. {found[1].group('nr')} en "
                f"nr. {match.group('nr')}). Plak of kies één motie tegelijk.",
                source,
                number,
            )
        found = (index, match, title_index)

    if found is None:
        for number, text in lines:
            bare_title = _MOTION_TITLE.match(text)
            if bare_title and _SIGNERS_INTRO.match(bare_title.group("rest")):
                raise _error(
                    f"Het ondernummer ontbreekt: vóór {_quote(text)} hoort ‘Nr. <nummer>’ "
                    f"te staan, zoals in {_EXAMPLE_NUMBER}.",
                    source,
                    number,
                )
        if other_document is not None:
            raise _error(
                "Dit is geen motietekst: de regel ‘Nr. … MOTIE VAN …’ ontbreekt; "
                f"{_quote(other_document[1])} is een ander soort Kamerstuk.",
                source,
                other_document[0],
            )
        raise _error(
            "Dit is geen motietekst: de regel ‘Nr. … MOTIE VAN …’ ontbreekt. "
            "Gebruik de officiële tekst van de motie, zoals gepubliceerd op "
            "officielebekendmakingen.nl.",
            source,
        )

    index, match, title_index = found
    end = title_index + 1
    # A long title can wrap; it runs until a blank line or the next known element.
    while end < len(lines) and lines[end][1] and not _starts_body(lines[end][1]):
        end += 1
    return index, match, title_index, end


def _starts_body(text: str) -> bool:
    """True for lines that follow the title: Voorgesteld, De Kamer or a clause."""
    return bool(
        _PROPOSED_START.match(text)
        or _CHAMBER_OPENING.match(text)
        or _DELIBERATION.match(text)
        or _CONSIDERATION.match(text)
        or _REQUEST.match(text)
    )


def _parse_title(text: str, source: str | None, line: int) -> _Title:
    """Read signers, "c.s.", the replaced number and the subject from the title."""
    title = _MOTION_TITLE.match(text)
    assert title is not None  # _find_title only returns motion titles
    rest = title.group("rest")

    vervangt_nr: str | None = None
    replaces = _REPLACES.search(rest)
    if replaces:
        vervangt_nr = str(int(replaces.group("nr")))
        rest = (rest[: replaces.start()] + " " + rest[replaces.end() :]).strip()

    intro = _SIGNERS_INTRO.match(rest)
    if not intro or not intro.group("names").strip():
        raise _error(
            f"De motie noemt geen indiener: {_quote(text)} hoort te beginnen met "
            "‘MOTIE VAN HET LID <naam>’ of ‘MOTIE VAN DE LEDEN <namen>’.",
            source,
            line,
        )
    names_text = intro.group("names").strip()

    onderwerp: str | None = None
    # Newer titles add the subject: "MOTIE VAN HET LID X OVER Y".
    over = _OVER.search(names_text)
    if over:
        onderwerp = names_text[over.end() :].strip().rstrip(".").strip() or None
        names_text = names_text[: over.start()]
        if onderwerp is not None and onderwerp == onderwerp.upper():
            # The official title is in capitals; letters need "een motie over <onderwerp>".
            onderwerp = onderwerp.lower()

    cum_suis = bool(_CUM_SUIS.search(names_text))
    names_text = _CUM_SUIS.sub("", names_text)
    names = [proper_case_name(name) for name in _NAME_SEPARATOR.split(names_text)]
    names = [name for name in names if name]
    if not names:
        raise _error(
            f"De motie noemt geen indiener: in {_quote(text)} staat geen naam.", source, line
        )
    wijziging = None
    if title.group("gewijzigd"):
        wijziging = "nader gewijzigd" if title.group("nader") else "gewijzigd"
    return _Title(names, cum_suis, onderwerp, vervangt_nr, wijziging)


_PUBLICATION_ID = re.compile(
    r"\bkst-(?P<dossier>[0-9]{4,6})(?:-(?P<toev>[IVXLC]{1,8}|[A-Z]|[0-9]{1,3}|R[0-9]{3,4}))?"
    r"-(?P<nr>[0-9]{1,5})\b",
    _A,
)


def _publication_dossier(lines: list[tuple[int, str]]) -> str | None:
    """The dossier number of the publication's own id (``kst-35570-V-20``), if given."""
    for _, text in lines:
        match = _PUBLICATION_ID.search(text)
        if match:
            return match.group("dossier")
    return None


def _find_header(
    lines: list[tuple[int, str]],
    number_index: int,
    source: str | None,
    publication_dossier: str | None = None,
) -> tuple[str, str | None, str | None, int]:
    """Find the dossier line above the number line.

    Returns:
        The dossier number as written, the toevoeging, the dossier title and the line
        number of the dossier line.

    Raises:
        SourcedInputError: when no dossier line precedes the number line.
    """
    # Look at up to three blocks of lines above "Nr."; the nearest dossier line wins.
    # Web pages put metadata ("Vergaderjaar", "Kamerstuk 26485-229") around it.
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for line_number, text in reversed(lines[:number_index]):
        if text:
            current.insert(0, (line_number, text))
        elif current:
            blocks.append(current)
            current = []
        if len(blocks) == 3:
            break
    if current and len(blocks) < 3:
        blocks.append(current)

    candidates: list[tuple[str, str | None, str | None, int]] = []
    for block in blocks:
        headers = [
            (position, match)
            for position, (_, text) in enumerate(block)
            if (match := _HEADER.match(text))
            # A bare four-digit number is more likely a year than a dossier.
            and (match.group("titel") or len(re.sub(r"\D", "", match.group("dossier"))) >= 5)
        ]
        for index, (position, match) in enumerate(headers):
            # A motion published under two dossiers has two heading lines; each title
            # runs to the next heading.
            stop = headers[index + 1][0] if index + 1 < len(headers) else len(block)
            title_parts = [match.group("titel") or "", *(t for _, t in block[position + 1 : stop])]
            titel = " ".join(part for part in title_parts if part).strip() or None
            toevoeging = match.group("sub") or match.group("toev")
            candidates.append((match.group("dossier"), toevoeging, titel, block[position][0]))
        if candidates:
            break
    if candidates:
        # The publication's own id (kst-…) decides between dossier headings.
        for candidate in candidates:
            if publication_dossier and re.sub(r"\D", "", candidate[0]) == publication_dossier:
                return candidate
        return candidates[0]

    number_line = lines[number_index]
    raise _error(
        f"Het dossiernummer ontbreekt: boven {_quote(number_line[1])} hoort een regel met "
        f"het dossiernummer en de titel van het dossier te staan, zoals {_EXAMPLE_HEADER}.",
        source,
        number_line[0],
    )


def _parse_proposed(text: str, source: str | None, line: int) -> tuple[str, str | None]:
    """Return the date text and the debate kind from a ``Voorgesteld`` line."""
    match = _PROPOSED.match(text)
    if match:
        bij = match.group("bij")
        if bij:
            bij = bij[0].upper() + bij[1:]
        return match.group("date"), bij
    loose = _DATE.search(text)
    if loose:
        return loose.group(0), None
    raise _error(
        f"Na ‘Voorgesteld’ hoort een datum te staan, zoals ‘Voorgesteld 6 september 2016’; "
        f"hier staat {_quote(text)}.",
        source,
        line,
    )


def _clause_kind(text: str) -> str | None:
    """Return ``"overweging"``, ``"verzoek"`` or None for a line that opens no clause."""
    if _REQUEST.match(text):
        return "verzoek"
    if _CONSIDERATION.match(text):
        return "overweging"
    return None


def _parse_clauses(body: list[tuple[int, str]]) -> list[_Clause]:
    """Split the lines between the title and the closing formula into clauses.

    Official texts separate clauses by blank lines; text copied from a PDF often does
    not, so a line that opens a clause after a line ending in ";" or "," starts a new
    clause too. A paragraph that opens no clause continues the previous one unless that
    one was complete (ended in ";" or ","), in which case it is a new clause of the same
    kind; after a clause ending in ":" (a list follows) it always continues.
    """
    clauses: list[_Clause] = []
    started = False
    previous_blank = True
    for _, raw in body:
        text = raw
        if not started and text:
            # "De Kamer," and "gehoord de beraadslaging," open every motion, sometimes
            # on one line; they are no clause.
            text = _CHAMBER_OPENING.sub("", text, count=1)
            text = _DELIBERATION.sub("", text, count=1)
            if not text:
                continue
        if text and _PDF_FURNITURE.match(text):
            continue
        if not text:
            previous_blank = True
            continue

        kind = _clause_kind(text)
        current = clauses[-1] if clauses else None
        if current is None:
            clauses.append(_Clause(kind or "overweging", [text]))
        elif previous_blank:
            current_text = current.text
            if current_text.endswith(":"):
                current.list_mode = True
            if kind is not None:
                clauses.append(_Clause(kind, [text]))
            elif (
                current.list_mode
                or not current_text.endswith(_CLAUSE_END)
                # "verzoekt de regering," / (blank) / "een plan te maken": one sentence
                # broken over two paragraphs.
                or (current_text.endswith(",") and text[:1].islower())
            ):
                current.parts.append(text)
            else:
                clauses.append(_Clause(current.kind, [text]))
        elif kind is not None and current.parts[-1].endswith(_CLAUSE_END):
            clauses.append(_Clause(kind, [text]))
        else:
            current.parts.append(text)
        started = True
        previous_blank = False
    return clauses


def _finish_clause(text: str) -> str:
    """Drop the clause terminator (";" or ",") that only separates clauses."""
    return text.rstrip().rstrip(";,").rstrip()


def _looks_like_name(text: str) -> bool:
    """True for a signer line such as ``Jan Vos``, ``Van Veldhoven`` or ``Van ’t Wout``."""
    if len(text) > 60 or not _NAME_LINE.match(text):
        return False
    if text.casefold().rstrip(".:") in _NOT_A_NAME:
        return False
    words = text.split()
    if len(words) > 6:
        return False
    # In a name every lower-case word is a particle ("Jasper van Dijk"); page chrome
    # such as "Meer informatie" or "Bekijk de pdf" is not.
    return all(word[0].isupper() or word.casefold() in _PARTICLES for word in words)


def _signer_lines(lines: list[str]) -> list[str]:
    """Take the signer names after the closing formula, ignoring page junk after them."""
    names: list[str] = []
    for raw in lines:
        # A signer line may end in punctuation ("Van Laar."), which is no part of the name.
        text = raw.strip().rstrip(".,;:").strip()
        if not text:
            continue
        if _looks_like_name(text):
            names.append(proper_case_name(text))
        elif names:
            # The signer block has ended: what follows is page junk (URLs, "Kamerstuk
            # 26485-229", navigation).
            break
    return names


def _name_key(name: str) -> str:
    """Compare names loosely: case, spaces, dots and apostrophe forms ignored."""
    return re.sub(r"[\s.'’\-]", "", name.casefold())


def _choose_signers(title: _Title, written: list[str]) -> list[str]:
    """Combine the title's names with the signer lines.

    The signer lines give the written form and, for "c.s.", all names; the title gives
    the count. Junk that looked like a name is dropped by matching against the title.
    """
    if not written:
        # Without signer lines a "c.s." motion only yields its first signer.
        return list(title.names)
    if title.cum_suis:
        return written
    wanted = len(title.names)
    title_keys = [_name_key(name) for name in title.names]
    matched = [
        name
        for name in written
        if any(_name_key(name) == key or _name_key(name).endswith(key) for key in title_keys)
    ]
    if len(matched) == wanted:
        return matched
    if len(written) >= wanted:
        return written[:wanted]
    return list(title.names)


# -- public API -------------------------------------------------------------------


def parse_motion_text(text: str, *, source: str | None = None) -> Motion:
    """Parse the official text of one motion; see :func:`read_motion_text` (warnings)."""
    return read_motion_text(text, source=source)[0]


def read_motion_text(text: str, *, source: str | None = None) -> tuple[Motion, list[str]]:
    """Parse the official text of one motion.

    Args:
        text: The motion text, as published or pasted from a web page.
        source: A name for the text in error messages (usually the file name).

    Returns:
        A new :class:`Motion` and warnings (Dutch) about what was read with doubt, such as
        a missing closing formula; ``onderwerp`` is only set when the title has an
        explicit "OVER ..." part, and the procedure and implementation fields keep
        their defaults.

    Raises:
        SourcedInputError: when the text is not a motion or lacks a part the motion
            needs (dossier line, number, signers, closing formula, request clause).
    """
    warnings: list[str] = []
    lines = _clean_lines(text)
    if not lines:
        raise _error("De tekst is leeg. Plak of kies de officiële tekst van een motie.", source)
    rejoined = _rejoin_broken_words(lines)
    if rejoined:
        shown = ", ".join(rejoined[:6]) + (" …" if len(rejoined) > 6 else "")
        warnings.append(
            "De tekst komt uit de PDF-uitgave: woorden die aan het eind van een regel waren "
            f"afgebroken, zijn weer aaneengeschreven ({shown}). Controleer ze."
        )

    number_index, number_match, title_index, title_end = _find_title(lines, source)
    title_text_lines = [lines[title_index][1]]
    if title_index == number_index:
        title_text_lines = [number_match.group("rest")]
    title_text_lines += [text for _, text in lines[title_index + 1 : title_end]]
    title = _parse_title(" ".join(title_text_lines), source, lines[title_index][0])

    dossier, toevoeging, dossier_titel, header_line = _find_header(
        lines, number_index, source, _publication_dossier(lines)
    )
    nummer = str(int(number_match.group("nr")))
    try:
        kamerstuk = KamerstukRef.of(dossier, nummer, toevoeging)
        vervangt = (
            KamerstukRef.of(dossier, title.vervangt_nr, toevoeging) if title.vervangt_nr else None
        )
    except InvalidInput as exc:
        # Only the dossier number can be invalid here (0 or 00 000).
        raise _error(exc.message, source, header_line) from exc

    # "Voorgesteld ..." follows the title, before "De Kamer,".
    body_start = title_end
    voorgesteld = None
    voorgesteld_bij = None
    for index in range(title_end, len(lines)):
        line_number, line_text = lines[index]
        if not line_text:
            continue
        if _PROPOSED_START.match(line_text):
            date_text, voorgesteld_bij = _parse_proposed(line_text, source, line_number)
            try:
                voorgesteld = parse_date(date_text)
            except InvalidInput as exc:
                raise _error(
                    f"De datum bij ‘Voorgesteld’ is ongeldig: {exc.message}", source, line_number
                ) from exc
            body_start = index + 1
        break

    body = lines[body_start:]
    joined = "\n".join(text for _, text in body)
    closing = _CLOSING.search(joined)
    if closing:
        before = joined[: closing.start()].split("\n")
        clause_lines = [(body[i][0], part) for i, part in enumerate(before)]
        after = joined[closing.end() :].split("\n")
    else:
        # Some published texts lack the closing formula: the signer block is then the
        # run of name lines at the end, after a blank line.
        end = len(body)
        while end > 0 and (
            not body[end - 1][1] or _looks_like_name(body[end - 1][1].rstrip(".,;:"))
        ):
            end -= 1
        clause_lines = body[:end]
        after = [text for _, text in body[end:]]

    clauses = _parse_clauses(clause_lines)
    overwegingen = [
        _finish_clause(c.text) for c in clauses if c.kind == "overweging" and c.text.strip(" ;,")
    ]
    verzoeken = [
        _finish_clause(c.text) for c in clauses if c.kind == "verzoek" and c.text.strip(" ;,")
    ]
    if not verzoeken:
        raise _error(
            "De motie bevat geen verzoek of uitspraak, zoals ‘verzoekt de regering …’, "
            "‘roept de regering op …’ of ‘spreekt uit …’.",
            source,
        )
    signers = _choose_signers(title, _signer_lines(after))
    if not closing:
        if not _signer_lines(after):
            raise _error(
                "De slotformule ‘en gaat over tot de orde van de dag.’ ontbreekt en er staan "
                "geen ondertekenaars onder de motie. Is de hele motietekst meegekopieerd?",
                source,
            )
        warnings.append(
            "De slotformule ‘en gaat over tot de orde van de dag.’ ontbreekt; de motie is "
            "gelezen omdat nummer, indieners en verzoek er wel in staan. Controleer de tekst."
        )

    return Motion(
        kamerstuk=kamerstuk,
        wijziging=title.wijziging,
        indieners=signers,
        dossier_titel=dossier_titel,
        voorgesteld=voorgesteld,
        voorgesteld_bij=voorgesteld_bij,
        onderwerp=title.onderwerp,
        overwegingen=overwegingen,
        verzoeken=verzoeken,
        vervangt=vervangt,
    ), warnings


_SAVE_AS_UTF8 = (
    "Sla het bestand op met codering UTF-8 (in Kladblok: Bestand › Opslaan als › "
    "Codering: UTF-8) en probeer het opnieuw."
)


def _decode(data: bytes, name: str) -> str:
    """Decode a motion file; see the module docstring for the encodings accepted.

    Raises:
        SourcedInputError: for an empty, binary or undecodable file, naming the file.
    """
    if not data:
        raise _error("Het bestand is leeg.", name)
    if data.startswith(b"%PDF"):
        raise _error(
            "Dit is een PDF-bestand, geen tekstbestand. Kopieer de motietekst uit de PDF "
            "en plak die, of sla de tekst op als .txt-bestand (UTF-8).",
            name,
        )
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise _error(
            "Dit is een Word-bestand (of een ander opgemaakt bestand), geen tekstbestand. "
            "Kopieer de motietekst en plak die, of sla hem op als platte tekst (UTF-8).",
            name,
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Word's and Notepad's "Unicode" text; the BOM makes this unambiguous.
        try:
            wide = data.decode("utf-16")
        except UnicodeDecodeError:
            wide = ""
        if wide and not re.search(r"[\x00-\x08\x0e-\x1f]", wide):
            return wide
        raise _error(
            "Het bestand begint als UTF-16-tekst maar bevat onleesbare tekens. " + _SAVE_AS_UTF8,
            name,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        hint = ""
        try:
            data.decode("cp1252")
            hint = " Het lijkt te zijn opgeslagen als Windows-1252 (‘ANSI’)."
        except UnicodeDecodeError:
            pass
        raise _error(
            f"Het bestand is geen UTF-8-tekst: teken 0x{byte:02X} is onleesbaar.{hint} "
            + _SAVE_AS_UTF8,
            name,
            line,
        ) from exc
    if "\x00" in text:
        raise _error("Het bestand bevat binaire gegevens en is geen tekstbestand.", name)
    return text


def parse_motion_file(path: Path) -> Motion:
    """Read a motion text file and parse it; see :func:`read_motion_file` (warnings)."""
    return read_motion_file(path)[0]


def read_motion_file(path: Path) -> tuple[Motion, list[str]]:
    """Read a motion text file and parse it.

    The file must be UTF-8 (a BOM is allowed) or UTF-16 with a BOM. Other encodings,
    such as Windows-1252, are refused with an explanation rather than guessed (see the
    module docstring).

    Args:
        path: The text file.

    Returns:
        The parsed motion.

    Raises:
        FileProblem: when the file cannot be read at all (missing, no access).
        SourcedInputError: when the file is empty, not text, not UTF-8/UTF-16, or not
            a motion; the message names the file.
    """
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileProblem.reading(name, exc) from exc
    text = _decode(data, name)
    if not text.strip():
        raise _error("Het bestand is leeg.", name)
    motion, warnings = read_motion_text(text, source=name)
    return motion, [f"{name}: {warning}" for warning in warnings]
