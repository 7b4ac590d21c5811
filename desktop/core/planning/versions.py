"""Letter versions: a snapshot per export (kept in the store); any two can be compared."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.planning.changes import SectionDiff, rendered_sections, section_diffs
from desktop.core.store.versions import VersionInfo, get_version, list_versions, record_version

__all__ = [
    "VersionComparison",
    "VersionInfo",
    "compare_versions",
    "get_version",
    "list_versions",
    "record_version",
]


@dataclass(frozen=True, slots=True)
class VersionComparison:
    """Two versions compared: per section, and the rendered text as a unified diff."""

    old: int
    new: int
    sections: list[SectionDiff]
    text_diff: list[str]


def compare_versions(db: Database, letter_id: int, old: int, new: int) -> VersionComparison:
    """Compare two stored versions of a letter."""
    _, old_text = get_version(db, letter_id, old)
    _, new_text = get_version(db, letter_id, new)
    diff = list(
        difflib.unified_diff(
            old_text.splitlines(),
            new_text.splitlines(),
            fromfile=f"versie {old}",
            tofile=f"versie {new}",
            lineterm="",
            n=1,
        )
    )
    sections = section_diffs(rendered_sections(old_text), rendered_sections(new_text))
    return VersionComparison(old, new, sections, diff)
