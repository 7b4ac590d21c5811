"""Kamerstuk references: parse every form found in letters, format per citation style.

A Kamerstuk is a dossier number, an optional toevoeging (``XVII``, ``A``, ``32``) and an
ondernummer. Letters in the wild write them inconsistently (``26485, nr. 293``,
``(26 485, nr. 308)``, ``35000 XVII nr. 34``, ``kst-35000-XVII-34``); we store the parts
and render them in house style (``Kamerstuk 26 485, nr. 224``) or legal style
(``Kamerstukken II 2019/20, 26 485, nr. 224``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop.core.domain.dutch import vergaderjaar_for
from desktop.core.errors import InvalidInput

NBSP = "\u00a0"
_SPACES = "[ \u00a0\u2009\u202f]"

# A roman numeral chapter (XVII), a single capital (A) or an (R1519)-style addition.
_TOEVOEGING = r"(?:[IVXLC]{1,8}|[A-Z]|\(R\d{3,4}\))"
_DOSSIER = rf"(?:\d{{1,3}}{_SPACES}?[.]?\d{{3}}|\d{{4,6}})"
_VERGADERJAAR = r"(?P<vj>\d{4}[/-]\d{2,4})"

_CITATION = re.compile(
    rf"""
    (?:
        (?P<prefix>[Kk]amerstukken|[Kk]amerstuk)
        (?:{_SPACES}+(?P<kamer>II|I)\b)?
        (?:{_SPACES}+{_VERGADERJAAR})?
        ,?{_SPACES}*
    )?
    (?<![\d.,])
    (?P<dossier>{_DOSSIER})
    (?:-(?P<sub>\d{{1,3}}))?
    (?:{_SPACES}+(?P<toev>{_TOEVOEGING}))?
    (?:
        ,?{_SPACES}*(?:nr|no|nummer)\.?{_SPACES}*(?P<nr>\d{{1,5}})\b
      |
        ,{_SPACES}*(?P<ek>[A-Z]{{1,2}})\b
    )
    """,
    re.VERBOSE,
)
_KST_ID = re.compile(
    r"\bkst-(?P<dossier>\d{4,6})(?:-(?P<toev>[0-9A-Za-z()]+?))??-(?P<nr>\d{1,5})\b",
    re.IGNORECASE,
)

_NOT_KAMERSTUK_BEFORE = re.compile(
    rf"(?:Staatsblad|Stb\.|Staatscourant|Stcrt\.|Handelingen(?:{_SPACES}+I{{1,2}})?|Trb\.|Tractatenblad)"
    rf"{_SPACES}*$"
)


def _normalise_vergaderjaar(text: str | None) -> str | None:
    """Return ``2019-2020`` for ``2019/20``, ``2019-2020`` or ``2019/2020``."""
    if not text:
        return None
    start_text, end_text = re.split(r"[/-]", text)
    start = int(start_text)
    end = int(end_text)
    if len(end_text) == 2:
        end = (start // 100) * 100 + end
        if end < start:
            end += 100
    if end != start + 1:
        raise InvalidInput(f"‘{text}’ is geen geldig vergaderjaar.")
    return f"{start}-{end}"


@dataclass(frozen=True, slots=True)
class KamerstukRef:
    """One Kamerstuk: dossier, optional toevoeging and ondernummer.

    ``ondernummer`` is a string because the Eerste Kamer numbers its stukken with
    letters (``31 700 VI, D``); :attr:`nummer` gives the integer for the Tweede Kamer.
    """

    dossier: int
    toevoeging: str | None
    ondernummer: str
    kamer: str = "II"
    # Citation detail, not identity: the same Kamerstuk with or without its year is equal.
    vergaderjaar: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.dossier <= 0:
            raise InvalidInput(f"Dossiernummer {self.dossier} is ongeldig.")
        if not self.ondernummer:
            raise InvalidInput("Een Kamerstuk heeft een ondernummer nodig.")
        if self.kamer not in ("I", "II"):
            raise InvalidInput(f"‘{self.kamer}’ is geen Kamer (I of II).")

    # -- construction -------------------------------------------------------------

    @classmethod
    def of(
        cls,
        dossier: int | str,
        nummer: int | str,
        toevoeging: str | None = None,
        *,
        kamer: str = "II",
        vergaderjaar: str | None = None,
    ) -> KamerstukRef:
        """Build a reference from separate parts (dossier may be written ``26 485``)."""
        dossier_digits = re.sub(r"\D", "", str(dossier))
        if not dossier_digits:
            raise InvalidInput(f"‘{dossier}’ is geen dossiernummer.")
        toev = (toevoeging or "").strip() or None
        return cls(
            dossier=int(dossier_digits),
            toevoeging=toev,
            ondernummer=str(nummer).strip(),
            kamer=kamer,
            vergaderjaar=_normalise_vergaderjaar(vergaderjaar),
        )

    @classmethod
    def parse(cls, text: str) -> KamerstukRef:
        """Parse one reference in any of the forms letters use.

        Raises:
            InvalidInput: when the text is not exactly one Kamerstuk reference.
        """
        cleaned = text.strip().strip("()").strip().rstrip(".;")
        kst = _KST_ID.fullmatch(cleaned)
        if kst:
            return cls._from_kst(kst)
        match = _CITATION.fullmatch(cleaned)
        if not match:
            raise InvalidInput(
                f"‘{text.strip()}’ is geen Kamerstuknummer. "
                "Schrijf het bijvoorbeeld als 26 485, nr. 224 of 35 000 XVII, nr. 34."
            )
        return cls._from_match(match)

    @classmethod
    def find_all(cls, text: str) -> Iterator[tuple[KamerstukRef, int, int]]:
        """Yield every reference in running text with its start and end offsets."""
        found: list[tuple[int, int, KamerstukRef]] = []
        for match in _CITATION.finditer(text):
            # "Staatsblad 2019, nr. 450" and "Handelingen II 2014/15, nr. 12" are not Kamerstukken.
            if not match.group("prefix") and _NOT_KAMERSTUK_BEFORE.search(text, 0, match.start()):
                continue
            try:
                found.append((match.start(), match.end(), cls._from_match(match)))
            except InvalidInput:
                continue
        for match in _KST_ID.finditer(text):
            found.append((match.start(), match.end(), cls._from_kst(match)))
        found.sort(key=lambda item: item[0])
        for start, end, ref in found:
            yield ref, start, end

    @classmethod
    def _from_kst(cls, match: re.Match[str]) -> KamerstukRef:
        toev = match.group("toev")
        return cls.of(match.group("dossier"), match.group("nr"), toev.upper() if toev else None)

    @classmethod
    def _from_match(cls, match: re.Match[str]) -> KamerstukRef:
        toevoeging = match.group("sub") or match.group("toev")
        kamer = match.group("kamer") or "II"
        if match.group("ek"):
            if kamer != "I":
                raise InvalidInput("Alleen Eerste Kamerstukken hebben een letter als ondernummer.")
            nummer = match.group("ek")
        else:
            nummer = str(int(match.group("nr")))
        return cls.of(
            match.group("dossier"),
            nummer,
            toevoeging,
            kamer=kamer,
            vergaderjaar=match.group("vj"),
        )

    # -- access -------------------------------------------------------------------

    @property
    def nummer(self) -> int | None:
        """The ondernummer as an integer (Tweede Kamer), or None for a letter."""
        return int(self.ondernummer) if self.ondernummer.isdigit() else None

    @property
    def key(self) -> tuple[int, str, str]:
        """Identity without citation details (kamer and vergaderjaar aside)."""
        return (self.dossier, self.toevoeging or "", self.ondernummer)

    def with_vergaderjaar(self, value: str | dt.date) -> KamerstukRef:
        """Return a copy with the vergaderjaar set (from ``2019/20`` or a date)."""
        year = vergaderjaar_for(value) if isinstance(value, dt.date) else value
        return KamerstukRef(
            self.dossier,
            self.toevoeging,
            self.ondernummer,
            self.kamer,
            _normalise_vergaderjaar(year),
        )

    # -- formatting ---------------------------------------------------------------

    def dossier_label(self, *, nbsp: bool = False) -> str:
        """``26 485``, ``35 000 XVII`` or ``21 501-32`` (thousands grouped by a space)."""
        space = NBSP if nbsp else " "
        label = f"{self.dossier:,}".replace(",", space)
        if self.toevoeging:
            joiner = "-" if self.toevoeging.isdigit() else space
            label += f"{joiner}{self.toevoeging}"
        return label

    def number_label(self, *, nbsp: bool = False) -> str:
        """``26 485, nr. 224`` (Eerste Kamer: ``31 700 VI, D``)."""
        space = NBSP if nbsp else " "
        if self.nummer is None:
            return f"{self.dossier_label(nbsp=nbsp)}, {self.ondernummer}"
        return f"{self.dossier_label(nbsp=nbsp)}, nr.{space}{self.ondernummer}"

    def letter_style(self, *, nbsp: bool = False) -> str:
        """House style of letters: ``Kamerstuk 26 485, nr. 224``."""
        return f"Kamerstuk {self.number_label(nbsp=nbsp)}"

    def legal_style(self, *, nbsp: bool = False) -> str:
        """Aanwijzing 3.43 style: ``Kamerstukken II 2019/20, 26 485, nr. 224``."""
        head = f"Kamerstukken {self.kamer}"
        if self.vergaderjaar:
            start, end = self.vergaderjaar.split("-")
            head += f" {start}/{end[2:]}"
        return f"{head}, {self.number_label(nbsp=nbsp)}"

    def kst_id(self) -> str:
        """The publication id on officielebekendmakingen.nl: ``kst-35000-XVII-34``."""
        parts = ["kst", str(self.dossier)]
        if self.toevoeging:
            parts.append(self.toevoeging)
        parts.append(self.ondernummer)
        return "-".join(parts)

    def __str__(self) -> str:
        return self.letter_style()
