"""EU identifiers in running text: Commission documents, regulations, directives, CELEX.

``COM(2019) 352 final`` → ``COM(2019) 352``; ``Verordening (EU) 2017/821`` with CELEX
``32017R0821``; ``Richtlijn 2014/95/EU`` (``32014L0095``); ``Verordening (EG) nr.
1907/2006`` (``32006R1907``); bare CELEX numbers such as ``52019DC0352`` (a communication).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["EUReference", "find_eu_references"]


@dataclass(slots=True)
class EUReference:
    """An EU act or document: ``Verordening (EU) 2017/821``, ``COM(2019) 352``, CELEX."""

    identificatie: str
    soort: str
    celex: str | None
    context: str


_COM = re.compile(
    r"\b(?P<kind>COM|SWD|JOIN|SEC)\s*\(\s*(?P<year>(?:19|20)\d{2})\s*\)\s*(?P<nr>\d{1,4})"
    r"(?:\s*(?:final|def\.?|definitief))?\b"
)
_ACT = re.compile(
    r"\b(?P<kind>(?:[Gg]edelegeerde\s+|[Uu]itvoerings)?(?:[Vv]erordening|[Rr]ichtlijn|[Bb]esluit)"
    r"|[Uu]itvoeringsbesluit)\s+(?:\((?P<org>EU|EG|EEG|Euratom|GBVB|EU,\s*Euratom)\)\s+)?"
    r"(?P<nr>nr\.\s*)?(?P<a>\d{1,4})/(?P<b>\d{1,4})(?:/(?P<suffix>EU|EG|EEG|GBVB))?(?![\d/])"
)
# Also inside a URL, where the colon after "CELEX" is percent-encoded ("CELEX%3A3201...").
_CELEX = re.compile(
    r"(?:(?<=%3A)|(?<=%3a)|(?<![\w/]))(?P<celex>[1-9C]\d{4}[A-Z]{1,2}\d{4}(?:\(\d{1,2}\))?)(?![\w/])"
)
_ACT_KINDS = {"verordening": ("verordening", "R"), "richtlijn": ("richtlijn", "L")}


def _act(match: re.Match[str]) -> EUReference | None:
    kind_text = " ".join(match.group("kind").split())
    base = kind_text.lower().replace("gedelegeerde ", "").replace("uitvoerings", "")
    soort, letter = _ACT_KINDS.get(base, ("besluit", "D"))
    a, b = match.group("a"), match.group("b")
    org = match.group("org")
    suffix = match.group("suffix")
    # Since 2015 acts are numbered year/number ("(EU) 2017/821"); before, regulations
    # wrote "nr. number/year" ("(EG) nr. 1907/2006"); directives always put the year first.
    if match.group("nr") or (len(a) < 4 and len(b) == 4):
        year, number = b, a
    else:
        year, number = a, b
    if len(year) == 2:
        year = ("19" if int(year) > 50 else "20") + year
    if len(year) != 4:
        return None
    kind_label = kind_text[0].upper() + kind_text[1:]
    if suffix:
        identificatie = f"{kind_label} {a}/{b}/{suffix}"
    elif org:
        nr = "nr. " if match.group("nr") else ""
        identificatie = f"{kind_label} ({org}) {nr}{a}/{b}"
    else:
        identificatie = f"{kind_label} {a}/{b}"
    celex = f"3{year}{letter}{int(number):04d}"
    return EUReference(identificatie, soort, celex, "")


def _com_kind(text: str, start: int, kind: str) -> tuple[str, str | None]:
    """What a COM/JOIN/SEC/SWD document is (soort) and its CELEX sector letters.

    A COM document is a proposal when the text says so just before it ("het voorstel
    COM(2021) 706", "voorstel voor een verordening ... COM(...)"), otherwise a
    communication; JOIN documents are joint communications; SEC and SWD are staff
    working documents (kept as ``overig``).
    """
    before = text[max(0, start - 120) : start].lower()
    sentence = re.split(r"[.;]\s", before)[-1]
    proposal = sentence.rfind("voorstel")
    if kind == "COM" and proposal >= 0 and proposal > sentence.rfind("mededeling"):
        return "voorstel", "PC"
    if kind == "COM":
        return "mededeling", "DC"
    if kind == "JOIN":
        return "mededeling", "JC"
    return "overig", "SC"


def find_eu_references(text: str) -> list[tuple[int, EUReference]]:
    """EU identifiers in running text, with their offsets (context left empty)."""
    found: list[tuple[int, EUReference]] = []
    for match in _COM.finditer(text):
        kind, year, nr = match.group("kind"), match.group("year"), int(match.group("nr"))
        identificatie = f"{kind}({year}) {nr}"
        soort, sector = _com_kind(text, match.start(), kind)
        celex = f"5{year}{sector}{nr:04d}" if sector else None
        found.append((match.start(), EUReference(identificatie, soort, celex, "")))
    for match in _ACT.finditer(text):
        reference = _act(match)
        if reference is not None:
            found.append((match.start(), reference))
    for match in _CELEX.finditer(text):
        celex = match.group("celex")
        soort = {"R": "verordening", "L": "richtlijn", "D": "besluit"}.get(celex[5:6], "overig")
        if celex[0] == "5" and celex[5:7] == "DC":
            soort = "mededeling"
        elif celex[0] == "5" and celex[5:7] == "PC":
            soort = "voorstel"
        found.append((match.start(), EUReference(f"CELEX {celex}", soort, celex, "")))
    return found
