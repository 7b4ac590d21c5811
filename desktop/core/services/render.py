"""``voortgang render``: Markdown to a Word letter, without a registry (so no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Rendered:
    """What a render wrote."""

    docx: Path
    footnotes: int
    pdf: Path | None = None
    annexes: list[Path] = field(default_factory=list)
    #: what the letter leaves out or shows other than written (Dutch, for the user)
    notices: list[str] = field(default_factory=list)


def render_markdown(source: Path, target: Path, *, emblem: Path | None) -> Rendered:
    """A Markdown file (optional YAML front matter) as a Word letter."""
    from desktop.core.export import render_markdown_file

    result = render_markdown_file(source, target, emblem=emblem)
    return Rendered(
        result.docx, result.footnotes, result.pdf, list(result.annexes), list(result.notices)
    )
