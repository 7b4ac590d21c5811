"""The sender of a letter: a module of its own, so rendering a letter needs no more."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class SenderSettings:
    """The letterhead: ministry, directorate, address and default signatory."""

    ministerie: str = ""
    directie: str = ""
    adres: list[str] = field(default_factory=list)
    website: str | None = None
    ondertekenaar_functie: str | None = None
    ondertekenaar_naam: str | None = None
