"""Dutch writing conventions: dates, list joining and small counts in words."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from desktop.core.errors import InvalidInput

LOCALE = "nl_NL"

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTH_NUMBER = {name: index for index, name in enumerate(MONTHS, start=1)}
# Abbreviations seen in letters and tables ("jan.", "sept.").
_MONTH_NUMBER.update(
    {
        "jan": 1,
        "feb": 2,
        "mrt": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "okt": 10,
        "nov": 11,
        "dec": 12,
    }
)

_MONTH_ALTERNATION = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
DUTCH_DATE_PATTERN = rf"(\d{{1,2}})\s+({_MONTH_ALTERNATION})\.?\s+(\d{{4}})"
_DUTCH_DATE_RE = re.compile(rf"^\s*{DUTCH_DATE_PATTERN}\s*$", re.IGNORECASE | re.ASCII)
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMERIC_DATE_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_PARTIAL_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

# Pattern for the CHECK constraint and validation of stored (possibly partial) dates.
PARTIAL_DATE_GLOBS = (
    "[0-9][0-9][0-9][0-9]",
    "[0-9][0-9][0-9][0-9]-[0-1][0-9]",
    "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]",
)


def parse_date(text: str) -> dt.date:
    """Parse a full date written the Dutch way or in ISO form.

    Accepts ``21 februari 2020``, ``21 feb. 2020``, ``2020-02-21`` and ``21-02-2020``.

    Raises:
        InvalidInput: when the text is not a recognisable date.
    """
    cleaned = " ".join(text.replace("\u00a0", " ").split())
    try:
        if _ISO_DATE_RE.match(cleaned):
            return dt.date.fromisoformat(cleaned)
        match = _DUTCH_DATE_RE.match(cleaned)
        if match:
            day, month, year = match.groups()
            return dt.date(int(year), _MONTH_NUMBER[month.lower()], int(day))
        match = _NUMERIC_DATE_RE.match(cleaned)
        if match:
            day, month, year = match.groups()
            return dt.date(int(year), int(month), int(day))
    except ValueError as exc:
        raise InvalidInput(f"‘{text}’ is geen geldige datum.") from exc
    raise InvalidInput(
        f"‘{text}’ is geen datum. Gebruik bijvoorbeeld 21 februari 2020 of 2020-02-21."
    )


def normalise_partial_date(text: str) -> str:
    """Return a stored date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Sources often give only a month or a year (``juli 2016``, ``eind 2019``); the store
    keeps exactly the precision the source has. Full dates in Dutch are accepted too.

    Raises:
        InvalidInput: when the text is not a (partial) date.
    """
    cleaned = " ".join(text.replace("\u00a0", " ").split()).lower()
    match = _PARTIAL_RE.match(cleaned)
    if match:
        _year, month, day = match.groups()
        if day:
            return parse_date(cleaned).isoformat()
        if month and not 1 <= int(month) <= 12:
            raise InvalidInput(f"‘{text}’ heeft geen geldige maand.")
        return cleaned
    month_year = re.match(rf"^({_MONTH_ALTERNATION})\.?\s+(\d{{4}})$", cleaned)
    if month_year:
        return f"{month_year.group(2)}-{_MONTH_NUMBER[month_year.group(1)]:02d}"
    return parse_date(text).isoformat()


def format_date(value: dt.date | str) -> str:
    """Format a date as in a letter: ``21 februari 2020`` (``juli 2016`` for a month)."""
    if isinstance(value, dt.date):
        # Imported here: Babel's locale data costs ~25 ms, which commands without dates skip.
        from babel.dates import format_date as babel_format_date

        return str(babel_format_date(value, "d MMMM y", locale=LOCALE))
    match = _PARTIAL_RE.match(value)
    if not match:
        raise InvalidInput(f"‘{value}’ is geen datum.")
    year, month, day = match.groups()
    if day:
        return format_date(dt.date.fromisoformat(value))
    if month:
        return f"{MONTHS[int(month) - 1]} {year}"
    return year


def join_list(items: Iterable[str]) -> str:
    """Join items the Dutch way: ``A, B en C``."""
    values = [item for item in items if item]
    if not values:
        return ""
    from babel.lists import format_list

    return str(format_list(values, style="standard", locale=LOCALE))


_WORDS = (
    "nul",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
)
# The collective "-tal" forms used in letters: "een tweetal moties".
_TAL = {
    2: "tweetal",
    3: "drietal",
    4: "viertal",
    5: "vijftal",
    6: "zestal",
    7: "zevental",
    8: "achttal",
    9: "negental",
    10: "tiental",
    12: "twaalftal",
    20: "twintigtal",
}


def capitalised(text: str | None) -> str:
    """``in uitvoering`` → ``In uitvoering``; ``de motie X`` → ``De motie X``."""
    return text[:1].upper() + text[1:] if text else ""


def counted(count: int, singular: str, plural: str) -> str:
    """``1 motie``, ``3 moties`` (the number in digits)."""
    return f"{count} {singular if count == 1 else plural}"


def dutch_count(value: int) -> str:
    """A count with Dutch thousands separators: ``100.000``."""
    return f"{value:,}".replace(",", ".")


def number_in_words(count: int) -> str:
    """Write small numbers (up to twenty) in words, larger ones in digits.

    Babel formats numbers but has no Dutch spell-out, hence this small table.
    """
    if 0 <= count < len(_WORDS):
        return _WORDS[count]
    return str(count)


def count_in_words(count: int, singular: str, plural: str, *, collective: bool = False) -> str:
    """Phrase a count as in a letter: ``twee moties`` or, collectively, ``een tweetal moties``."""
    noun = singular if count == 1 else plural
    if collective and count in _TAL:
        return f"een {_TAL[count]} {noun}"
    return f"{number_in_words(count)} {noun}"


def vergaderjaar_for(date: dt.date) -> str:
    """Return the parliamentary year (``2019-2020``) a date falls in.

    A vergaderjaar starts on the third Tuesday of September (Prinsjesdag).
    """
    september_first = dt.date(date.year, 9, 1)
    first_tuesday = september_first + dt.timedelta(days=(1 - september_first.weekday()) % 7)
    prinsjesdag = first_tuesday + dt.timedelta(weeks=2)
    start = date.year if date >= prinsjesdag else date.year - 1
    return f"{start}-{start + 1}"
