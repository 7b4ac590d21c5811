"""The six registry views of the main window, built from their models and queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.core.services import registry as operations
from desktop.ui.common.tasks import TaskManager
from desktop.ui.registry import detail
from desktop.ui.registry.models import (
    COMMITMENT_COL_NAKOMING,
    CONVENANT_COL_NAAM,
    EU_COL_TITEL,
    KAMERSTUK_COL_NUMMER,
    LETTER_COL_DATUM,
    CommitmentTableModel,
    ConvenantTableModel,
    EUFileTableModel,
    KamerstukTableModel,
    LetterTableModel,
)
from desktop.ui.registry.motion_model import MotionTableModel
from desktop.ui.registry.motion_view import MotionsView
from desktop.ui.registry.view import RegistryView


@dataclass(frozen=True)
class RegistryViews:
    """The views in tab order, with the title each tab shows before its count."""

    motions: MotionsView
    commitments: RegistryView
    convenanten: RegistryView
    eu_files: RegistryView
    kamerstukken: RegistryView
    letters: RegistryView

    def titled(self) -> Iterator[tuple[str, RegistryView]]:
        """(tab title, view) in tab order."""
        yield "Moties", self.motions
        yield "Toezeggingen", self.commitments
        yield "Convenanten", self.convenanten
        yield "EU-dossiers", self.eu_files
        yield "Kamerstukken", self.kamerstukken
        yield "Brieven", self.letters


def build_views(
    tasks: TaskManager,
    parent: QWidget | None = None,
    *,
    today: Callable[[], dt.date] = dt.date.today,
) -> RegistryViews:
    """Create every registry view (they load when the window calls ``reload``)."""
    commitment_model = CommitmentTableModel(today=today)
    return RegistryViews(
        motions=MotionsView(tasks, MotionTableModel(today=today), parent),
        commitments=RegistryView(
            tasks,
            commitment_model,
            key="toezeggingen",
            noun="toezeggingen",
            query=operations.list_commitments,
            render=lambda item: detail.commitment_html(item, commitment_model.today),
            sort_column=COMMITMENT_COL_NAKOMING,
            parent=parent,
        ),
        convenanten=RegistryView(
            tasks,
            ConvenantTableModel(),
            key="convenanten",
            noun="convenanten",
            query=operations.list_convenanten,
            render=detail.convenant_html,
            sort_column=CONVENANT_COL_NAAM,
            parent=parent,
        ),
        eu_files=RegistryView(
            tasks,
            EUFileTableModel(),
            key="eu_dossiers",
            noun="EU-dossiers",
            query=operations.list_eu_files,
            render=detail.eu_file_html,
            sort_column=EU_COL_TITEL,
            parent=parent,
        ),
        kamerstukken=RegistryView(
            tasks,
            KamerstukTableModel(),
            key="kamerstukken",
            noun="Kamerstukken",
            query=operations.list_kamerstukken,
            render=detail.kamerstuk_html,
            server_search=False,
            sort_column=KAMERSTUK_COL_NUMMER,
            parent=parent,
        ),
        letters=RegistryView(
            tasks,
            LetterTableModel(),
            key="brieven",
            noun="brieven",
            query=operations.list_letters,
            render=detail.letter_html,
            server_search=False,
            sort_column=LETTER_COL_DATUM,
            sort_order=Qt.SortOrder.DescendingOrder,
            parent=parent,
        ),
    )
