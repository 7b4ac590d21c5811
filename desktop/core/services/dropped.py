"""A file dropped on the window: which import it belongs to, and its text.

Open-data exports are JSON or Atom/XML; an earlier letter is Word, Markdown or text; an
official motion text is text (or a saved web page) that reads like a motion: every motion
the Kamer publishes says "gehoord de beraadslaging" and "verzoekt"/"spreekt uit".
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from pathlib import Path

from desktop.core.errors import FileProblem

OPEN_DATA, LETTER, MOTION = "open data", "brief", "motie"
_OPEN_DATA_SUFFIXES = frozenset({".json", ".xml", ".atom"})
_LETTER_SUFFIXES = frozenset({".docx", ".md", ".markdown"})
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ""})
_SNIFF_BYTES = 64 * 1024
_MOTION_WORDS = re.compile(r"gehoord\s+de\s+beraadslaging", re.IGNORECASE)
_MOTION_ASKS = re.compile(r"\b(verzoekt|spreekt\s+uit|roept\b|constaterende)", re.IGNORECASE)
# A motion is at most a page or two; a letter that quotes one is longer.
_MOTION_MAX_CHARS = 12_000


def decoded(data: bytes) -> str:
    """Text from a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def looks_like_motion(text: str) -> bool:
    """True for the text of a motion (not a letter that mentions one)."""
    return (
        len(text.strip()) <= _MOTION_MAX_CHARS
        and bool(_MOTION_WORDS.search(text))
        and bool(_MOTION_ASKS.search(text))
    )


def read_text(path: Path, limit: int | None = None) -> str:
    """A text file's content (the first ``limit`` bytes).

    Raises:
        FileProblem: the file cannot be read.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(limit) if limit is not None else handle.read()
    except OSError as error:
        raise FileProblem(
            f"{path.name} kan niet worden gelezen: {error.strerror or error}."
        ) from error
    return decoded(data)


def kind_of_file(path: Path) -> str | None:
    """Which import a file belongs to (``OPEN_DATA``, ``LETTER``, ``MOTION``); None: none."""
    suffix = path.suffix.lower()
    if suffix in _OPEN_DATA_SUFFIXES:
        return OPEN_DATA
    if suffix in _LETTER_SUFFIXES:
        return LETTER
    if suffix in _TEXT_SUFFIXES and path.is_file():
        try:
            sample = read_text(path, _SNIFF_BYTES)
        except FileProblem:
            return None
        return MOTION if looks_like_motion(sample) else LETTER
    return None


def plan_drop(files: Sequence[Path]) -> tuple[str | None, list[Path], list[Path]]:
    """The import for dropped files, the files it takes, and the files it leaves.

    Open-data files go in together; a letter or a motion is one file at a time.
    """
    kinds = [(path, kind_of_file(path)) for path in files]
    usable = [(path, kind) for path, kind in kinds if kind is not None]
    left = [path for path, kind in kinds if kind is None]
    if not usable:
        return None, [], left
    first_kind = usable[0][1]
    if first_kind == OPEN_DATA:
        taken = [path for path, kind in usable if kind == OPEN_DATA]
    else:
        taken = [usable[0][0]]
    left += [path for path, _kind in usable if path not in taken]
    return first_kind, taken, left
