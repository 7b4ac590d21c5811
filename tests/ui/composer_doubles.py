"""Stand-ins for the composer's dialogs (never a modal loop in a test), and helpers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from desktop.core.services.letters import Citation
from desktop.ui.composer import flows as composer_flows
from desktop.ui.composer.dialogs import (
    CitationPickerDialog,
    CloseChoice,
    ConflictChoice,
    ConflictDialog,
    ExportFileDialog,
    ItemPickerDialog,
    OpenFolderDialog,
    RestoreDraftDialog,
    UnsavedChangesDialog,
)

WAIT_MS = 15_000


@dataclass
class ComposerAnswers:
    """What each composer dialog answers, and what it was asked."""

    unsaved: list[CloseChoice] = field(default_factory=list)
    unsaved_asked: list[str] = field(default_factory=list)
    conflict: list[ConflictChoice | None] = field(default_factory=list)
    conflict_asked: list[str] = field(default_factory=list)
    restore: list[bool] = field(default_factory=list)
    restore_asked: int = 0
    export_targets: list[Path | None] = field(default_factory=list)
    export_asked: list[Path] = field(default_factory=list)
    open_folder: list[bool] = field(default_factory=list)
    open_folder_messages: list[str] = field(default_factory=list)
    opened_folders: list[Path] = field(default_factory=list)
    # Each pick chooses from (id, label, detail) choices; default: nothing.
    picks: list[Callable[[Sequence[tuple[int, str, str]]], list[int]]] = field(default_factory=list)
    citations: list[Citation | None] = field(default_factory=list)


@pytest.fixture(autouse=True)
def composer_dialogs(monkeypatch: pytest.MonkeyPatch) -> ComposerAnswers:
    """Replace every composer dialog; unanswered questions get a harmless default."""
    answers = ComposerAnswers()

    def unsaved(cls: Any, parent: Any, title: str) -> CloseChoice:
        answers.unsaved_asked.append(title)
        return answers.unsaved.pop(0) if answers.unsaved else CloseChoice.DISCARD

    def conflict(cls: Any, parent: Any, message: str) -> ConflictChoice | None:
        answers.conflict_asked.append(message)
        return answers.conflict.pop(0) if answers.conflict else None

    def restore(cls: Any, parent: Any, saved_at: Any) -> bool:
        answers.restore_asked += 1
        return answers.restore.pop(0) if answers.restore else True

    def export_file(cls: Any, parent: Any, suggested: Path) -> Path | None:
        answers.export_asked.append(suggested)
        return answers.export_targets.pop(0) if answers.export_targets else None

    def open_folder_ask(cls: Any, parent: Any, message: str) -> bool:
        answers.open_folder_messages.append(message)
        return answers.open_folder.pop(0) if answers.open_folder else False

    def pick(
        cls: Any, parent: Any, title: str, choices: Sequence[tuple[int, str, str]]
    ) -> list[int]:
        return answers.picks.pop(0)(choices) if answers.picks else []

    def cite(cls: Any, parent: Any, search: Any) -> Citation | None:
        return answers.citations.pop(0) if answers.citations else None

    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(unsaved))
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(conflict))
    monkeypatch.setattr(RestoreDraftDialog, "ask", classmethod(restore))
    monkeypatch.setattr(ExportFileDialog, "ask", classmethod(export_file))
    monkeypatch.setattr(OpenFolderDialog, "ask", classmethod(open_folder_ask))
    monkeypatch.setattr(ItemPickerDialog, "ask", classmethod(pick))
    monkeypatch.setattr(CitationPickerDialog, "ask", classmethod(cite))
    monkeypatch.setattr(composer_flows, "open_folder", answers.opened_folders.append)
    return answers


def choose_labels(*parts: str) -> Callable[[Sequence[tuple[int, str, str]]], list[int]]:
    """A pick that chooses the items whose label contains one of ``parts``."""

    def pick(choices: Sequence[tuple[int, str, str]]) -> list[int]:
        return [item_id for item_id, label, _detail in choices if any(p in label for p in parts)]

    return pick
