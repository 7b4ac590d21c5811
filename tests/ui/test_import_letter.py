"""Bestand > Importeren > Eerdere brief: the dry run in a review dialog, then recording it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desktop import paths
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.export import export_letter
from desktop.core.importers.letter_refs import find_references
from desktop.core.importers.letter_text import LetterText
from desktop.core.services.imports import LetterReview
from desktop.core.store import Store, letters
from desktop.ui.imports.dialogs import LetterFileDialog, Notice
from desktop.ui.imports.letter import LetterReviewDialog
from desktop.ui.registry.motion_model import COL_KAMERSTUK
from tests.conftest import REFERENCE
from tests.ui.helpers import shown_column, wait_idle

LETTER_2020 = REFERENCE / "kamerbrief-voortgang-imvo-2020.md"
TABLES = ("motions", "kamerstukken", "eu_files", "letters", "letter_motions", "motion_settlements")


def snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}


class Answers:
    """Stands in for the letter dialogs: which file, review (answer ``record``), the result."""

    def __init__(self, qtbot: Any, path: Path | None, record: bool) -> None:
        self.qtbot = qtbot
        self.path = path
        self.record = record
        self.reviews: list[LetterReview] = []
        self.review_texts: list[str] = []
        self.notices: list[str] = []

    def file(self, cls: Any, parent: Any, folder: str = "") -> Path | None:
        return self.path

    def review(self, cls: Any, parent: Any, review: LetterReview) -> bool:
        dialog = LetterReviewDialog(parent, review)
        self.qtbot.addWidget(dialog)
        self.reviews.append(review)
        self.review_texts.append(dialog.text.toPlainText())
        return self.record

    def notice(self, cls: Any, parent: Any, title: str, message: str) -> None:
        self.notices.append(message)


@pytest.fixture
def answer(qtbot: Any, monkeypatch: pytest.MonkeyPatch):
    def make(path: Path | None, *, record: bool) -> Answers:
        found = Answers(qtbot, path, record)
        monkeypatch.setattr(LetterFileDialog, "ask", classmethod(found.file))
        monkeypatch.setattr(LetterReviewDialog, "ask", classmethod(found.review))
        monkeypatch.setattr(Notice, "ask", classmethod(found.notice))
        return found

    return make


def test_dry_run_of_the_2020_letter_shows_eight_kamerstukken_and_three_motions(
    qtbot, window, answer, demo_db
):
    answers = answer(LETTER_2020, record=False)
    before = snapshot(demo_db)
    window.imports.act_letter.trigger()
    wait_idle(qtbot, window)

    (review,) = answers.reviews
    assert len(review.found.kamerstukken) == 8 and len(review.found.motions) == 3
    text = answers.review_texts[0]
    assert "Kamerstukken (8)" in text and "Moties (3)" in text and "EU-documenten (0)" in text
    assert "Min-BuZa.2020.396 (staat al in het register)" in text
    assert "21 februari 2020" in text and "Voortgang IMVO-beleid" in text
    assert "de motie Van Laar (Kamerstuk 26 485, nr. 224) — afgedaan met deze brief" in text
    assert text.count("afgedaan met deze brief") == 2
    assert "toezicht op de IMVO-convenanten" in text  # the sentence around the reference
    assert "— nieuw" not in text  # the demo has every one of them
    assert snapshot(demo_db) == before
    assert answers.notices == []
    assert window.statusBar().currentMessage() == (
        "Brief niet geïmporteerd; het register is niet gewijzigd."
    )


def test_recording_the_2020_letter_in_an_empty_registry_adds_it(
    qtbot, make_window, answer, tmp_path
):
    window = make_window(tmp_path / "leeg.db")
    answers = answer(LETTER_2020, record=True)
    window.imports.act_letter.trigger()
    wait_idle(qtbot, window)

    assert answers.review_texts[0].count("— nieuw") == 11  # 8 Kamerstukken, 3 moties
    (message,) = answers.notices
    assert message.splitlines() == [
        "Toegevoegd aan het register: 8 Kamerstukken, 3 moties en 0 EU-dossiers.",
        "De brief Min-BuZa.2020.396 is toegevoegd als verzonden brief.",
        "Gekoppeld aan de brief: de motie Van Laar (Kamerstuk 26 485, nr. 224, afgedaan), "
        "de motie Diks/Van den Hul (Kamerstuk 35 000 XVII, nr. 34, afgedaan) en "
        "de motie Van Ojik/Karabulut (Kamerstuk 32 735, nr. 252).",
        "Nieuw gekoppeld: Kamerstuk 26 485, nr. 224, Kamerstuk 35 000 XVII, nr. 34 en "
        "Kamerstuk 32 735, nr. 252.",
        "Afgedaan met deze brief: Kamerstuk 26 485, nr. 224 en Kamerstuk 35 000 XVII, nr. 34.",
    ]
    assert sorted(shown_column(window.views.motions, COL_KAMERSTUK)) == [
        "26 485, nr. 224",
        "32 735, nr. 252",
        "35 000 XVII, nr. 34",
    ]
    assert window.views.letters.record_count() == 1
    assert window.views.kamerstukken.record_count() == 8
    assert window.statusBar().currentMessage().startswith("Brief Min-BuZa.2020.396 geïmporteerd.")


def test_recording_a_letter_exported_from_the_demo_adds_nothing_but_reports_links(
    qtbot, make_window, answer, demo_db, tmp_path
):
    exported = tmp_path / "voortgangsbrief.docx"
    with Store.open(demo_db) as store:
        letter = letters.find_by_kenmerk(store.db, "Min-BuZa.2020.396")
        library = TemplateLibrary(paths.shipped_templates_dir(), paths.user_templates_dir())
        export_letter(store.db, letter, library, exported, emblem=None)
    window = make_window(demo_db)
    answers = answer(exported, record=True)
    before = snapshot(demo_db)

    window.imports.act_letter.trigger()
    wait_idle(qtbot, window)

    (message,) = answers.notices
    assert message.splitlines() == [
        "Er is niets nieuws toegevoegd: het register had alles al.",
        "De brief Min-BuZa.2020.396 stond al in het register.",
        "Gekoppeld aan de brief: de motie Van Laar (Kamerstuk 26 485, nr. 224, afgedaan), "
        "de motie Van Ojik/Karabulut (Kamerstuk 32 735, nr. 252) en "
        "de motie Diks/Van den Hul (Kamerstuk 35 000 XVII, nr. 34, afgedaan).",
    ]
    assert snapshot(demo_db) == before


def test_an_unreadable_letter_gives_the_dutch_message(
    qtbot, window, answer, message_boxes, tmp_path
):
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    answers = answer(pdf, record=True)
    window.imports.act_letter.trigger()
    wait_idle(qtbot, window)
    (message,) = message_boxes.warnings
    assert message.startswith("brief.pdf: ") and "niet als ‘.pdf’" in message
    assert answers.reviews == [] and window.imports.act_letter.isEnabled()


def test_a_letter_without_anything_to_add_cannot_be_recorded(qtbot):
    found = find_references(LetterText("leeg.txt", ["Geachte voorzitter,", "Hoogachtend,"]))
    dialog = LetterReviewDialog(None, LetterReview(Path("leeg.txt"), found))
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    text = dialog.text.toPlainText()
    assert "Geen Kamerstukken gevonden." in text and "Kenmerk\nniet gevonden" in text
