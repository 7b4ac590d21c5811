"""Domain objects: plain dataclasses that the store fills and the drafting reads."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from desktop.core.domain.dutch import format_date
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.naming import motion_name

# -- the sender and the motion statuses live in modules of their own, which rendering a
# -- letter and the command line's parser load without the rest of the domain --
from desktop.core.domain.sender import SenderSettings as SenderSettings
from desktop.core.domain.statuses import MOTION_STATUS_FILTERS as MOTION_STATUS_FILTERS
from desktop.core.domain.statuses import MOTION_STATUSES as MOTION_STATUSES
from desktop.core.domain.statuses import OPEN_MOTION_STATUSES as OPEN_MOTION_STATUSES
from desktop.core.errors import InvalidInput

# A gewijzigde motie replaces an earlier one; a nader gewijzigde replaces a gewijzigde.
MOTION_WIJZIGINGEN = ("gewijzigd", "nader gewijzigd")
# The procedural outcome in the Kamer.
UITSLAGEN = (
    "ingediend",
    "aangehouden",
    "aangenomen",
    "verworpen",
    "ingetrokken",
    "overgenomen",
    "vervallen",
)
COMMITMENT_STATUSES = ("openstaand", "deels voldaan", "voldaan", "vervallen")
OPEN_COMMITMENT_STATUSES = ("openstaand", "deels voldaan")
LETTER_STATUSES = ("concept", "definitief", "verzonden")
CONVENANT_FASEN = ("verkenning", "dialoog", "implementatie", "afgelopen", "stilgelegd")
PARTY_KINDS = (
    "overheid",
    "bedrijf",
    "brancheorganisatie",
    "vakbond",
    "ngo",
    "pensioenfonds",
    "bank",
    "verzekeraar",
    "overig",
)
EU_KINDS = ("verordening", "richtlijn", "mededeling", "voorstel", "besluit", "overig")


@dataclass(slots=True)
class Dossier:
    """A Kamerstukdossier: number, toevoeging and title."""

    nummer: int
    toevoeging: str | None = None
    titel: str | None = None
    id: int | None = None


@dataclass(slots=True)
class Kamerstuk:
    """A numbered parliamentary paper (motion, letter, BNC-fiche, ...)."""

    ref: KamerstukRef
    soort: str | None = None
    datum: dt.date | None = None
    titel: str | None = None
    dossier_titel: str | None = None
    id: int | None = None

    @property
    def citation(self) -> str:
        """House-style citation: ``Kamerstuk 26 485, nr. 293``."""
        return self.ref.letter_style()


_ZAAKNUMMER = re.compile(r"^((?:19|20)[0-9]{2})\s*Z\s*([0-9]{5})$", re.IGNORECASE)


def parse_zaaknummer(text: str) -> str:
    """The Kamer's Zaak number in its written form (``2025z12345`` → ``2025Z12345``).

    Raises:
        InvalidInput: when the text is no Zaak number.
    """
    match = _ZAAKNUMMER.match(text.strip())
    if not match:
        raise InvalidInput(
            f"‘{text.strip()}’ is geen zaaknummer van de Tweede Kamer; een zaaknummer is een "
            "jaartal, de letter Z en vijf cijfers, zoals 2025Z12345."
        )
    return f"{match.group(1)}Z{match.group(2)}"


def is_zaaknummer(text: str) -> bool:
    """True for text such as ``2025Z12345``."""
    return bool(_ZAAKNUMMER.match(text.strip()))


# Procedural outcomes after which the ministry has nothing to carry out.
NOTHING_TO_CARRY_OUT = ("verworpen", "ingetrokken", "vervallen")


@dataclass(slots=True)
class Motion:
    """A motion with its procedure and the ministry's own implementation status.

    A motion just submitted in a debate has no Kamerstuk number yet, only the Kamer's
    Zaak number (``2025Z12345``): ``kamerstuk`` is None until a later import or the user
    supplies it. Such a motion is cited by its title and date (:attr:`reference`).
    """

    kamerstuk: KamerstukRef | None
    indieners: list[str] = field(default_factory=list)
    dossier_titel: str | None = None
    voorgesteld: dt.date | None = None
    voorgesteld_bij: str | None = None
    onderwerp: str | None = None
    overwegingen: list[str] = field(default_factory=list)
    verzoeken: list[str] = field(default_factory=list)
    kabinetsappreciatie: str | None = None
    uitslag: str = "ingediend"
    status: str = "openstaand"
    status_datum: dt.date | None = None
    directie: str | None = None
    deadline: dt.date | None = None
    notities: str = ""
    vervangt: KamerstukRef | None = None
    vervangen_door: KamerstukRef | None = None
    afgedaan_met: list[str] = field(default_factory=list)
    id: int | None = None
    version: int = 1
    # The Kamer's Zaak number and Onderwerp (``Motie van het lid X over Y``).
    zaaknummer: str | None = None
    titel: str | None = None
    # None, "gewijzigd" or "nader gewijzigd" (MOTION_WIJZIGINGEN).
    wijziging: str | None = None
    # The Kamer's own view (open data): Zaak.Afgedaan and the latest Besluit.
    kamer_afgedaan: bool | None = None
    kamer_besluit: str | None = None

    @property
    def gewijzigd(self) -> bool:
        """True for a gewijzigde motie (it replaces an earlier number)."""
        return self.vervangt is not None or self.wijziging is not None

    @property
    def name(self) -> str:
        """``de motie Van Laar`` (house style)."""
        return motion_name(
            self.indieners, gewijzigd=self.gewijzigd, nader=self.wijziging == "nader gewijzigd"
        )

    @property
    def citation(self) -> str | None:
        """``Kamerstuk 26 485, nr. 224``; None while the motion has no number."""
        return self.kamerstuk.letter_style() if self.kamerstuk is not None else None

    def number_label(self, *, nbsp: bool = False) -> str:
        """``26 485, nr. 224``; without a number yet ``zaak 2025Z12345``."""
        if self.kamerstuk is not None:
            return self.kamerstuk.number_label(nbsp=nbsp)
        return f"zaak {self.zaaknummer}" if self.zaaknummer else ""

    @property
    def reference(self) -> str:
        """How a letter cites the motion: its Kamerstuk, else its title and date.

        ``Kamerstuk 26 485, nr. 224``, or for a motion without a number yet
        ``motie van het lid Van Laar over toezicht, voorgesteld 6 september 2016``.
        """
        if self.kamerstuk is not None:
            return self.kamerstuk.letter_style()
        titel = self.titel or (
            self.name.removeprefix("de ") + (f" over {self.onderwerp}" if self.onderwerp else "")
        )
        titel = titel[:1].lower() + titel[1:]
        parts = [titel]
        if self.voorgesteld is not None:
            parts.append(f"voorgesteld {format_date(self.voorgesteld)}")
        elif self.zaaknummer:
            parts.append(f"zaak {self.zaaknummer}")
        return ", ".join(parts)

    @property
    def afwijkend_van_kamer(self) -> bool:
        """True when the Kamer's Afgedaan and our status disagree.

        The Kamer says afgedaan and we still have it open, or we say afgedaan while the
        Kamer does not. ``Zaak.Afgedaan`` only means the Kamer is done with it
        procedurally, so a motion that was rejected, withdrawn or lapsed (nothing to
        carry out) never counts as afwijkend; nor does one the Kamer gave no view on.
        """
        if self.kamer_afgedaan is None or self.uitslag in NOTHING_TO_CARRY_OUT:
            return False
        return self.kamer_afgedaan == self.is_open

    @property
    def is_open(self) -> bool:
        """True while the ministry has not settled the motion."""
        return self.status in OPEN_MOTION_STATUSES

    def is_overdue(self, today: dt.date) -> bool:
        """True when an open motion is past its deadline."""
        return self.is_open and self.deadline is not None and self.deadline < today


@dataclass(slots=True)
class Commitment:
    """A toezegging: a promise the minister made to the Kamer."""

    tekst: str
    nummer: str | None = None
    minister: str | None = None
    datum_gedaan: dt.date | None = None
    datum_nakoming: dt.date | None = None
    status: str = "openstaand"
    status_datum: dt.date | None = None
    kamerstuk: KamerstukRef | None = None
    notities: str = ""
    voldaan_met: list[str] = field(default_factory=list)
    id: int | None = None
    version: int = 1
    # From the Kamer's open data (Toezegging.Ministerie, .KamerbriefNakoming).
    ministerie: str | None = None
    kamerbrief_nakoming: str | None = None

    @property
    def is_open(self) -> bool:
        """True while the commitment is not fulfilled or lapsed."""
        return self.status in OPEN_COMMITMENT_STATUSES

    def is_overdue(self, today: dt.date) -> bool:
        """True when an open commitment is past its DatumNakoming."""
        return self.is_open and self.datum_nakoming is not None and self.datum_nakoming < today


@dataclass(slots=True)
class Party:
    """A convenant party, named (``aantal`` 1) or a counted group (``63 bedrijven``)."""

    soort: str
    naam: str | None = None
    aantal: int = 1


@dataclass(slots=True)
class ProgressEntry:
    """A dated progress text of a convenant (date may be partial: ``2018-07``)."""

    datum: str
    tekst: str
    periode: str | None = None
    bron: str | None = None
    id: int | None = None


@dataclass(slots=True)
class Convenant:
    """An IMVO convenant (sector agreement) with its parties and progress."""

    naam: str
    sector: str | None = None
    facilitator: str | None = None
    ondertekend: str | None = None
    in_werking: str | None = None
    looptijd_jaren: int | None = None
    einde: str | None = None
    fase: str = "verkenning"
    partijen: list[Party] = field(default_factory=list)
    kerncijfers: list[str] = field(default_factory=list)
    voortgang: list[ProgressEntry] = field(default_factory=list)
    notities: str = ""
    id: int | None = None
    version: int = 1

    def latest_progress(self, before: str | None = None) -> ProgressEntry | None:
        """The most recent progress entry, optionally on or before an ISO date.

        Of entries with the same date the one added last counts (such as the final text
        of a letter's annex read back from Word).
        """
        entries = [e for e in self.voortgang if before is None or e.datum <= before]
        return max(reversed(entries), key=lambda e: e.datum, default=None)


@dataclass(slots=True)
class EUDate:
    """A key date of an EU file (adoption, entry into force, ...)."""

    datum: str
    omschrijving: str


@dataclass(slots=True)
class EUDevelopment:
    """A dated development text of an EU file."""

    datum: str
    tekst: str
    bron: str | None = None


@dataclass(slots=True)
class EUFile:
    """An EU regulation, directive, communication or proposal we report on."""

    titel: str
    soort: str = "overig"
    identificatie: str | None = None
    celex: str | None = None
    bnc_fiche: KamerstukRef | None = None
    raadsformatie: str | None = None
    datums: list[EUDate] = field(default_factory=list)
    ontwikkelingen: list[EUDevelopment] = field(default_factory=list)
    notities: str = ""
    id: int | None = None
    version: int = 1

    def latest_development(self, before: str | None = None) -> EUDevelopment | None:
        """The most recent development, optionally on or before an ISO date."""
        entries = [d for d in self.ontwikkelingen if before is None or d.datum <= before]
        return max(entries, key=lambda d: d.datum, default=None)


@dataclass(slots=True)
class LetterSection:
    """One titled section of a letter; its text is Markdown with footnotes."""

    titel: str
    tekst: str = ""
    eu_file_id: int | None = None
    id: int | None = None


@dataclass(slots=True)
class LetterMotion:
    """A motion a letter reports on, with the ministry's response.

    ``afdoen`` is True when this letter settles the motion; ``section_index`` places
    the motion paragraph in a section (None: in a closing "Moties" section).
    """

    motion_id: int
    response: str = ""
    afdoen: bool = True
    section_index: int | None = None


@dataclass(slots=True)
class LetterCommitment:
    """A commitment a letter reports on, with the response text."""

    commitment_id: int
    response: str = ""
    afdoen: bool = True
    section_index: int | None = None


@dataclass(slots=True)
class Letter:
    """A letter to the Kamer: metadata, sections, motions, commitments and annexes."""

    betreft: str
    kenmerk: str | None = None
    datum: dt.date | None = None
    geadresseerde: str = (
        "Aan de Voorzitter van de\nTweede Kamer der Staten-Generaal\nBinnenhof 4\nDen Haag"
    )
    aanhef: str = "Geachte voorzitter,"
    inleiding: str = ""
    slot: str = ""
    ondertekenaar_functie: str | None = None
    ondertekenaar_naam: str | None = None
    template: str = "voortgangsbrief"
    status: str = "concept"
    kamerstuk: KamerstukRef | None = None
    sections: list[LetterSection] = field(default_factory=list)
    motions: list[LetterMotion] = field(default_factory=list)
    commitments: list[LetterCommitment] = field(default_factory=list)
    convenant_ids: list[int] = field(default_factory=list)
    id: int | None = None
    version: int = 1


@dataclass(slots=True)
class StatusChange:
    """One entry of the status history."""

    entity: str
    entity_id: int
    veld: str
    van: str | None
    naar: str | None
    wie: str
    wanneer: str
    toelichting: str | None = None
