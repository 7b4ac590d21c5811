"""Typing rules of Dutch house style: „quotes”, an en dash for ``--``, an ellipsis for ``...``.

:func:`correction` looks at the text just before the cursor after a key was typed and
says what to replace; the editor makes that replacement its own undo step, so one Ctrl+Z
gives back exactly what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN_QUOTE = "„"
CLOSE_QUOTE = "”"
EN_DASH = "–"
ELLIPSIS = "…"
# After these (or at the start of a paragraph) a double quote opens a quotation.
_OPENS_AFTER = frozenset(" \t\u00a0([{/–—-‘„\u2029\n")


@dataclass(frozen=True, slots=True)
class Correction:
    """Replace the last ``length`` characters before the cursor with ``text``."""

    length: int
    text: str


def correction(before: str, typed: str) -> Correction | None:
    """What to replace after ``typed`` was typed, given the paragraph up to the cursor."""
    if not typed or not before.endswith(typed):
        return None
    if typed == '"':
        previous = before[-2] if len(before) >= 2 else " "
        return Correction(1, OPEN_QUOTE if previous in _OPENS_AFTER else CLOSE_QUOTE)
    if typed == "-" and before.endswith("--") and not before.endswith("---"):
        # Not in a Markdown rule (---) or a table line: only between words.
        start = before[:-2]
        if start.strip() and not start.endswith("-"):
            return Correction(2, EN_DASH)
        return None
    if typed == "." and before.endswith("...") and not before.endswith("...."):
        return Correction(3, ELLIPSIS)
    return None
