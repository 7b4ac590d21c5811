"""Find what an earlier letter refers to: Kamerstukken, named motions, EU files, its own data.

Works on the blocks of :mod:`letter_text`. Kamerstuk references are found in every form
:class:`~desktop.core.domain.kamerstuk.KamerstukRef` reads (``Kamerstuk 26 485, nr. 224``,
``(26 485, nr. 308)``, ``Kamerstuk 26485, nr. 293``, ``35 000 XVII nr. 34``,
``kst-35000-XVII-34``, ``Kamerstukken II 2019/20, 26485, nr. 224``) and normalised;
each appears once, in the order of first appearance, with the sentence it stands in.

Motions are found where a letter names them with their number: ``De motie Van Laar
(Kamerstuk 26 485, nr. 224)``, ``de gewijzigde motie Van Laar (...)``, ``de motie
Diks/Van den Hul (...)``, ``de motie Amhaouch c.s. (...)``, ``de motie van het lid Van Laar
(...)``, ``de motie van de leden Diks en Van den Hul over ... (...)`` and ``de door het lid
Van Laar ingediende motie (...)``.

A motion counts as *settled by the letter* (``afgedaan``) when its number stands in a
sentence that says so (``afgedaan``, ``af te doen``, ``doe ik hiermee af``, ``als
uitgevoerd``) and speaks of a motion, or in the sentence right after it that starts with
``Het betreft`` / ``Dit betreft`` / ``Het gaat om`` (the seed letter's pattern).

When the text is itself a published Kamerstuk (a dossier line such as ``26 485
Maatschappelijk verantwoord ondernemen`` above ``Nr. 308 BRIEF VAN DE MINISTER ...``),
that number is the letter's own and is not listed among its references.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from desktop.core.domain.dutch import DUTCH_DATE_PATTERN, parse_date
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.naming import motion_name, proper_case_name
from desktop.core.drafting.header import text_value
from desktop.core.errors import InvalidInput
from desktop.core.importers.eu_refs import EUReference, find_eu_references
from desktop.core.importers.letter_text import LetterText

__all__ = [
    "EUReference",
    "KamerstukMention",
    "LetterInfo",
    "LetterReferences",
    "MotionMention",
    "find_references",
]

CONTEXT_LIMIT = 300


@dataclass(slots=True)
class LetterInfo:
    """The letter's own data, as far as the text gives it."""

    kenmerk: str | None = None
    datum: dt.date | None = None
    betreft: str | None = None
    kamerstuk: KamerstukRef | None = None
    dossier_titel: str | None = None
    titel: str | None = None


@dataclass(slots=True)
class KamerstukMention:
    """A Kamerstuk the letter refers to, first seen in ``context``."""

    ref: KamerstukRef
    context: str
    settled: bool = False

    @property
    def citation(self) -> str:
        """House style (Tweede Kamer) or legal style with the Kamer (Eerste Kamer)."""
        return self.ref.letter_style() if self.ref.kamer == "II" else self.ref.legal_style()


@dataclass(slots=True)
class MotionMention:
    """A motion the letter names together with its number."""

    ref: KamerstukRef
    indieners: list[str]
    cum_suis: bool
    gewijzigd: bool
    context: str
    settled: bool = False

    @property
    def name(self) -> str:
        """``de motie Van Laar``, ``de motie Diks/Van den Hul``, ``de motie Amhaouch c.s.``."""
        if self.cum_suis and self.indieners:
            noun = "gewijzigde motie" if self.gewijzigd else "motie"
            return f"de {noun} {self.indieners[0]} c.s."
        return motion_name(self.indieners, gewijzigd=self.gewijzigd)


@dataclass(slots=True)
class LetterReferences:
    """Everything found in one letter."""

    source: str
    letter: LetterInfo
    kamerstukken: list[KamerstukMention] = field(default_factory=list)
    motions: list[MotionMention] = field(default_factory=list)
    eu: list[EUReference] = field(default_factory=list)

    @property
    def settled(self) -> list[KamerstukRef]:
        """Motions the letter settles (named ones and numbers in a settling sentence)."""
        refs = [m.ref for m in self.motions if m.settled]
        refs += [k.ref for k in self.kamerstukken if k.settled and k.ref not in refs]
        return refs

    def as_json(self) -> dict[str, Any]:
        """The shape ``voortgang import letter --json`` prints (keys are stable)."""
        info = self.letter
        return {
            "source": self.source,
            "letter": {
                "kenmerk": info.kenmerk,
                "datum": info.datum.isoformat() if info.datum else None,
                "betreft": info.betreft,
                "kamerstuk": info.kamerstuk.letter_style() if info.kamerstuk else None,
                "dossier_titel": info.dossier_titel,
                "titel": info.titel,
            },
            "kamerstukken": [_kamerstuk_json(k) for k in self.kamerstukken],
            "motions": [
                {
                    "name": m.name,
                    "citation": m.ref.letter_style(),
                    "indieners": m.indieners,
                    "afgedaan": m.settled,
                    "context": m.context,
                }
                for m in self.motions
            ],
            "afgedaan": [ref.letter_style() for ref in self.settled],
            "eu": [
                {
                    "identificatie": e.identificatie,
                    "soort": e.soort,
                    "celex": e.celex,
                    "context": e.context,
                }
                for e in self.eu
            ],
        }


def _kamerstuk_json(mention: KamerstukMention) -> dict[str, Any]:
    ref = mention.ref
    return {
        "citation": mention.citation,
        "dossier": f"{ref.dossier:,}".replace(",", " "),
        "toevoeging": ref.toevoeging,
        "nummer": ref.nummer if ref.nummer is not None else ref.ondernummer,
        "kamer": ref.kamer,
        "context": mention.context,
    }


# -- sentences -----------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9À-Ý])")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph (``nr. 224`` does not end one: a digit follows)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()]
        if re.search(r"\b(?:nr|nrs|no|art|blz|o\.a|e\.a|d\.d|i\.h\.a|c\.s)\.$", before, re.I):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _context(text: str, spans: list[tuple[int, int]], position: int) -> str:
    """The sentence around ``position``; a long one is cut around the reference."""
    start, end = next(((s, e) for s, e in spans if s <= position <= e), (0, len(text)))
    sentence = text[start:end].strip()
    if len(sentence) <= CONTEXT_LIMIT:
        return sentence
    relative = position - start
    left = max(0, min(relative - CONTEXT_LIMIT // 3, len(sentence) - CONTEXT_LIMIT))
    right = left + CONTEXT_LIMIT
    # Cut at spaces, never inside a word.
    if left > 0:
        left = sentence.find(" ", left) + 1 or left
    if right < len(sentence):
        right = (
            sentence.rfind(" ", left, right) if sentence.rfind(" ", left, right) > left else right
        )
    window = sentence[left:right].strip()
    return ("…" if left > 0 else "") + window + ("…" if right < len(sentence) else "")


_SETTLES = re.compile(
    r"\b(?:afgedaan|afdoen|af\s+te\s+doen|afdoening|als\s+uitgevoerd|"
    r"(?:doe|doen|doet)\b(?:[^.]|\.(?=\s?\d)){0,120}?\baf\b)",
    re.IGNORECASE,
)
_CONTINUES = re.compile(r"^(?:het|dit)\s+(?:betreft|betreffen|gaat\s+(?:hier\s+)?om)\b", re.I)
_MOTION_WORD = re.compile(r"\bmoties?\b", re.IGNORECASE)


def _settling_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences (with their follow-up ``Het betreft ...``) that settle motions."""
    settling: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(spans):
        sentence = text[start:end]
        if not (_SETTLES.search(sentence) and _MOTION_WORD.search(sentence)):
            continue
        settling.append((start, end))
        if index + 1 < len(spans):
            next_start, next_end = spans[index + 1]
            if _CONTINUES.match(text[next_start:next_end].strip()):
                settling.append((next_start, next_end))
    return settling


# -- motions -----------------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD = rf"[{_UPPER}][^\W\d_]*(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*"
_PARTICLE = r"(?:van|de|der|den|het|ter|ten|te|in|op|la|le|du|von|el|al|['’]t|d['’])"
_NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD})*"
_NAMES = rf"{_NAME}(?:\s*/\s*{_NAME}|\s*,\s*{_NAME}|\s+en\s+{_NAME})*"
_MEMBERS = r"(?:het\s+lid|de\s+leden)"
_CITATION = r"\((?P<cit>[^()]{4,160})\)"
# "van van het lid" (a typo in a real letter) reads as "van het lid"; a footnote number
# may be glued to the last name ("Van Laar1"), the citation then being in the footnote.
_MOTION = re.compile(
    rf"(?<![\w-])(?:[Dd]e\s+)?(?P<gew>(?:nader\s+)?gewijzigde\s+)?[Mm]otie(?:-|\s+)"
    rf"(?:(?:van\s+)+{_MEMBERS}\s+)?(?P<names>{_NAMES})(?P<cs>\s+c\.\s?s\.)?(?P<note>\d{{1,2}}\b)?"
    rf"(?:\s+over\s+[^()]{{1,200}}?)?\s*{_CITATION}"
)
_MOTION_NOTE = re.compile(
    rf"(?<![\w-])(?:[Dd]e\s+)?(?P<gew>(?:nader\s+)?gewijzigde\s+)?[Mm]otie(?:-|\s+)"
    rf"(?:(?:van\s+)+{_MEMBERS}\s+)?(?P<names>{_NAMES})(?P<cs>\s+c\.\s?s\.)?"
    rf"(?P<note>\d{{1,2}})(?![\d(])"
)
# A footnote's text as a block: "1 Kamerstuk 26 485, nr. 224".
_NOTE_BLOCK = re.compile(r"^\s*(?P<nr>\d{1,2})\s+(?P<text>\S.*)$", re.DOTALL)
_MOTION_BY = re.compile(
    rf"(?<![\w-])[Dd]e\s+door\s+{_MEMBERS}\s+(?P<names>{_NAMES})(?P<cs>\s+c\.\s?s\.)?\s+"
    rf"(?:ingediende|voorgestelde)\s+(?P<gew>gewijzigde\s+)?motie"
    rf"(?:\s+over\s+[^()]{{1,200}}?)?\s*{_CITATION}"
)


# Forms KamerstukRef does not read on its own: several numbers of one dossier
# ("Kamerstukken 26 485, nrs. 224 en 229", "nrs. 224 t/m 226") and the hyphenated
# publication form without "kst-" ("Kamerstuk 21501-32-1740").
_DOSSIER_PART = (
    r"(?P<dossier>\d{1,3}[ .]?\d{3}|\d{4,6})"
    r"(?:-(?P<sub>\d{1,3})|\s+(?P<toev>[IVXLC]{1,8}|[A-Z]|\(R\d{3,4}\)))?"
)
_PLURAL = re.compile(
    r"(?<![\d.,])" + _DOSSIER_PART + r",?\s*nrs\.?\s*"
    r"(?P<numbers>\d{1,5}(?:\s*(?:,|en|t/m|tot\s+en\s+met|-|–)\s*\d{1,5})*)"
)
_HYPHENATED = re.compile(
    r"\b[Kk]amerstuk(?:ken)?\s+(?P<id>\d{4,6}(?:-(?:\d{1,3}|[IVXLC]{1,8}|[A-Z]))?-\d{1,5})\b(?!-)"
)
_MAX_RANGE = 50


def _extra_refs(text: str) -> list[tuple[KamerstukRef, int]]:
    """References in the plural and hyphenated forms, with their offsets."""
    found: list[tuple[KamerstukRef, int]] = []
    for match in _PLURAL.finditer(text):
        numbers: list[int] = []
        parts = re.split(r"\s*(,|en|t/m|tot\s+en\s+met|-|–)\s*", match.group("numbers"))
        values, separators = parts[::2], parts[1::2]
        for index, value in enumerate(values):
            number = int(value)
            joined_by = separators[index - 1] if index else ","
            if joined_by not in (",", "en") and numbers and 0 < number - numbers[-1] <= _MAX_RANGE:
                numbers.extend(range(numbers[-1] + 1, number + 1))
            else:
                numbers.append(number)
        toevoeging = match.group("sub") or match.group("toev")
        for number in numbers:
            try:
                found.append(
                    (KamerstukRef.of(match.group("dossier"), number, toevoeging), match.start())
                )
            except InvalidInput:
                continue
    for match in _HYPHENATED.finditer(text):
        try:
            found.append((KamerstukRef.parse("kst-" + match.group("id")), match.start()))
        except InvalidInput:
            continue
    return found


def _citation_ref(text: str) -> KamerstukRef | None:
    try:
        return KamerstukRef.parse(text)
    except InvalidInput:
        pass
    for ref, _, _ in KamerstukRef.find_all(text):
        return ref
    extra = _extra_refs(text)
    return extra[0][0] if extra else None


def _names(text: str) -> list[str]:
    parts = re.split(r"\s*/\s*|\s*,\s*|\s+en\s+", text)
    return [proper_case_name(part) for part in parts if part.strip()]


def _notes(blocks: list[str]) -> dict[str, str]:
    """Footnote texts by number (footnotes follow their paragraph as ``1 Kamerstuk ...``)."""
    notes: dict[str, str] = {}
    for block in blocks:
        match = _NOTE_BLOCK.match(block)
        if match and match.group("nr") not in notes:
            notes[match.group("nr")] = " ".join(match.group("text").split())
    return notes


def _motions_in(text: str, notes: dict[str, str] | None = None) -> list[tuple[int, MotionMention]]:
    found: list[tuple[int, MotionMention]] = []
    cited: set[int] = set()
    for pattern in (_MOTION, _MOTION_BY, _MOTION_NOTE):
        for match in pattern.finditer(text):
            if pattern is _MOTION_NOTE:
                if match.start() in cited or not notes or match.group("note") not in notes:
                    continue
                ref = _citation_ref(notes[match.group("note")])
                position = match.start("note")
            else:
                ref = _citation_ref(match.group("cit"))
                position = match.start("cit")
            if ref is None:
                continue
            cited.add(match.start())
            mention = MotionMention(
                ref=ref,
                indieners=_names(match.group("names")),
                cum_suis=bool(match.group("cs")),
                gewijzigd=bool(match.group("gew")),
                context="",
            )
            found.append((position, mention))
    return found


# -- the letter's own data -----------------------------------------------------------------------

_LABEL_KENMERK = re.compile(
    r"^(?:onze\s+referentie|ons\s+kenmerk|uw\s+kenmerk|kenmerk|onze\s+ref\.?)\s*:?\s*(?P<v>.*)$",
    re.IGNORECASE,
)
_LABEL_DATUM = re.compile(r"^datum\s*:?\s*(?P<v>.*)$", re.IGNORECASE)
_LABEL_BETREFT = re.compile(r"^(?:betreft|onderwerp)\s*:?\s*(?P<v>.*)$", re.IGNORECASE)
_PLACE_DATE = re.compile(
    rf"^(?:Den\s+Haag|['’]s-Gravenhage)\s*,\s*(?P<v>{DUTCH_DATE_PATTERN})\s*\.?$", re.IGNORECASE
)
_DATE_ANYWHERE = re.compile(DUTCH_DATE_PATTERN, re.IGNORECASE)
_DATE_BEFORE = re.compile(
    r"\b\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
    r"|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?\s*$",
    re.IGNORECASE,
)
_NUMBER_LINE = re.compile(r"^Nr\.?\s*(?P<nr>\d{1,5})(?!\d)\.?(?:\s+(?P<rest>[A-Z].*))?$")
# What a published Kamerstuk is, after its number: "BRIEF VAN DE MINISTER ..." (PDF) or
# "Brief van de minister ..." (the web edition).
_DOCUMENT_KIND = re.compile(
    r"^(?:[A-Z]{3,}\b|(?:brief|motie|gewijzigde|nader|verslag|nota|memorie|amendement|lijst"
    r"|voorstel|koninklijke|advies|jaarverslag|verklaring|wijziging)\b)",
    re.IGNORECASE,
)
_HEADER = re.compile(
    r"^(?P<dossier>\d{2,3}[ .]\d{3}|\d{4,6})"
    r"(?:-(?P<sub>\d{1,3})|[ -](?P<toev>[IVXLC]{1,8}|[A-Z]|\(R\d{3,4}\)))?"
    r"\s+(?P<titel>[A-Z].*)$"
)
_HEAD_LINES = 80


def _lines(text: LetterText) -> list[str]:
    return [line.strip() for block in text.blocks for line in block.split("\n") if line.strip()]


def _labelled(lines: list[str], pattern: re.Pattern[str]) -> tuple[str, int] | None:
    """The value after a label, on the same line or the next one."""
    for index, line in enumerate(lines):
        match = pattern.match(line.replace("\t", " "))
        if not match:
            continue
        value = match.group("v").strip()
        if value:
            return value, index
        if index + 1 < len(lines):
            return lines[index + 1], index + 1
    return None


def _kenmerk(lines: list[str]) -> str | None:
    for index, line in enumerate(lines):
        match = _LABEL_KENMERK.match(line.replace("\t", " "))
        if not match or line.lower().startswith("uw "):
            continue
        value = match.group("v").strip() or (lines[index + 1] if index + 1 < len(lines) else "")
        value = value.strip().rstrip(".")
        if value and len(value) <= 80 and re.search(r"\d", value) and len(value.split()) <= 6:
            return value
    return None


def _date_value(text: str) -> dt.date | None:
    try:
        return parse_date(text)
    except InvalidInput:
        match = _DATE_ANYWHERE.search(text)
        if match:
            try:
                return parse_date(match.group(0))
            except InvalidInput:
                return None
    return None


# Dossier, toevoeging and number on one line: "35000 VII 96 BRIEF VAN DE MINISTER ...".
_ONE_LINE_HEADING = re.compile(
    r"^(?P<dossier>\d{2,3}[ .]\d{3}|\d{4,6})"
    r"(?:-(?P<sub>\d{1,3})|\s+(?P<toev>[IVXLC]{1,8}|[A-Z]|\(R\d{3,4}\)))?"
    r"\s+(?:[Nn]r\.?\s*)?(?P<nr>\d{1,5})\.?\s+(?P<rest>[A-Z].*)$"
)


def _own_kamerstuk(lines: list[str]) -> tuple[KamerstukRef, str | None, str] | None:
    """The number of a published Kamerstuk, from every heading form.

    ``Nr. 308 BRIEF ...`` under its dossier line (``35 000 VII Vaststelling ...``), or all
    on one line: ``35000 VII 96 BRIEF VAN ...``.
    """
    for line in lines[:_HEAD_LINES]:
        one = _ONE_LINE_HEADING.match(line)
        if one and _DOCUMENT_KIND.match(one.group("rest")) and one.group("rest")[:4].isupper():
            try:
                ref = KamerstukRef.of(
                    one.group("dossier"), one.group("nr"), one.group("sub") or one.group("toev")
                )
            except InvalidInput:
                continue
            return ref, None, one.group("rest").strip()
    for index, line in enumerate(lines[:_HEAD_LINES]):
        number = _NUMBER_LINE.match(line)
        if not number:
            continue
        # Web pages put "Nr. 308" and the title on separate lines.
        rest = number.group("rest") or (lines[index + 1] if index + 1 < len(lines) else "")
        if not rest or rest[:1].islower() or not _DOCUMENT_KIND.match(rest):
            continue
        for previous in reversed(lines[max(0, index - 4) : index]):
            header = _HEADER.match(previous)
            if header:
                toevoeging = header.group("sub") or header.group("toev")
                try:
                    ref = KamerstukRef.of(header.group("dossier"), number.group("nr"), toevoeging)
                except InvalidInput:
                    return None
                return ref, header.group("titel").strip(), rest.strip()
    return None


def _letter_info(text: LetterText) -> LetterInfo:
    lines = _lines(text)
    info = LetterInfo()
    front = text.front_matter
    # -- the header's values are the text typed (desktop.core.drafting.header) --
    kenmerk, datum, betreft = (text_value(front, key) for key in ("kenmerk", "datum", "betreft"))
    info.kenmerk = kenmerk or _kenmerk(lines)
    if datum:
        info.datum = _date_value(datum)
    else:
        found = _labelled(lines, _LABEL_DATUM)
        info.datum = _date_value(found[0]) if found else None
        if info.datum is None:
            for line in lines:
                match = _PLACE_DATE.match(line)
                if match:
                    info.datum = _date_value(match.group("v"))
                    break
    if betreft:
        info.betreft = betreft
    else:
        found = _labelled(lines, _LABEL_BETREFT)
        info.betreft = found[0][:300] if found else None
    own = _own_kamerstuk(lines)
    if own is not None:
        info.kamerstuk, info.dossier_titel, info.titel = own
    return info


# -- entry point ---------------------------------------------------------------------------------


def find_references(text: LetterText) -> LetterReferences:
    """Find the letter's own data and everything it refers to."""
    info = _letter_info(text)
    result = LetterReferences(source=text.source, letter=info)
    seen_refs: dict[tuple[int, str, str, str], KamerstukMention] = {}
    seen_motions: dict[tuple[int, str, str], MotionMention] = {}
    seen_eu: set[str] = set()
    own_key = info.kamerstuk.key if info.kamerstuk else None
    notes = _notes(text.blocks)
    for block in text.blocks:
        paragraph = " ".join(block.split())
        spans = _sentences(paragraph)
        settling = _settling_spans(paragraph, spans)

        def settles(position: int, spans_: list[tuple[int, int]] = settling) -> bool:
            return any(start <= position <= end for start, end in spans_)

        matches = [(ref, start) for ref, start, _ in KamerstukRef.find_all(paragraph)]
        matches = sorted(matches + _extra_refs(paragraph), key=lambda item: item[1])
        for ref, start in matches:
            if ref.key == own_key and ref.kamer == "II":
                continue
            if _DATE_BEFORE.search(paragraph, 0, start) and paragraph[start : start + 4].isdigit():
                continue  # "de brief van 2 juli 2018, nr. 291": a date and a letter number
            key = (*ref.key, ref.kamer)
            mention = seen_refs.get(key)
            if mention is None:
                mention = KamerstukMention(ref, _context(paragraph, spans, start))
                seen_refs[key] = mention
                result.kamerstukken.append(mention)
            if settles(start):
                mention.settled = True
        for position, motion in _motions_in(paragraph, notes):
            if motion.ref.key == own_key:
                continue
            existing = seen_motions.get(motion.ref.key)
            if existing is None:
                motion.context = _context(paragraph, spans, position)
                seen_motions[motion.ref.key] = motion
                result.motions.append(motion)
                existing = motion
            if settles(position):
                existing.settled = True
        for position, reference in sorted(find_eu_references(paragraph), key=lambda item: item[0]):
            keys = {reference.identificatie, reference.celex or ""} - {""}
            if keys & seen_eu:
                continue
            seen_eu |= keys
            reference.context = _context(paragraph, spans, position)
            result.eu.append(reference)
    # A motion is settled when its number is, wherever the letter names it.
    settled_keys = {k.ref.key for k in result.kamerstukken if k.settled}
    for motion in result.motions:
        motion.settled = motion.settled or motion.ref.key in settled_keys
    order = {m.ref.key: i for i, m in enumerate(result.kamerstukken)}
    result.motions.sort(key=lambda m: order.get(m.ref.key, len(order)))
    return result
