"""A picture of "Wat is er veranderd" between the demo letter and a next one (for the README).

scripts/screenshots.sh refreshes the copy in docs/screenshots.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import LetterSection, ProgressEntry
from desktop.core.planning.carry_forward import new_letter_from
from desktop.core.store import Store, convenanten, letters, motions
from tests.ui.helpers import assert_real_picture, screenshot_path, wait_idle

SIZE = (1280, 720)


def next_letter_with_a_year_of_changes(path: Path) -> None:
    """A made-up next letter after the demo letter, and made-up registry changes in between.

    Everything added here is labelled as example text, so the README picture never presents
    invented facts as real ones.
    """
    with Store.open(path) as store, store.transaction() as db:
        previous = letters.find_by_kenmerk(db, "Min-BuZa.2020.396")
        assert previous is not None
        following = new_letter_from(db, previous, dt.date(2021, 2, 26), kenmerk="BZ-2021-0042")
        target = following.sections[4]
        old = (
            "De eerste tussenmeting over 2018 wordt momenteel uitgevoerd door een onafhankelijk "
            "onderzoeksbureau. De resultaten worden in deze maand verwacht en zullen met uw "
            "Kamer gedeeld worden."
        )
        assert old in target.tekst
        target.tekst = target.tekst.replace(
            old,
            "(Voorbeeldtekst) De resultaten van de tussenmeting zijn met uw Kamer gedeeld. "
            "(Voorbeeldtekst) Hier beschrijft de brief wat daarop volgde.",
        )
        following.sections.insert(
            5,
            LetterSection(
                "Nieuwe sectie (voorbeeld)",
                "(Voorbeeldtekst) Een onderwerp dat in de vorige brief nog niet stond. "
                "(Voorbeeldtekst) Tweede zin.",
            ),
        )
        letters.update(db, following)
        assert following.id is not None
        van_ojik = motions.find(db, KamerstukRef.parse("32 735, nr. 252"))
        voordewind = motions.find(db, KamerstukRef.parse("26 485, nr. 229"))
        assert van_ojik is not None and van_ojik.id and voordewind is not None
        motions.settle(db, van_ojik.id, following.id, dt.date(2021, 2, 26))
        voordewind.deadline = dt.date(2020, 12, 31)
        motions.update(db, voordewind)
        for name in ("Convenant Duurzame Kleding en Textiel", "Convenant Verantwoord Goud"):
            convenant = convenanten.find_by_name(db, name)
            assert convenant is not None
            convenant.voortgang.append(
                ProgressEntry(
                    "2020-11-16",
                    "(Voorbeeldtekst) Nieuwe voortgang van dit convenant.",
                    periode="2020",
                    bron="Voorbeeld voor de schermafbeelding",
                )
            )
            convenanten.update(db, convenant)


def test_screenshot_of_what_changed(qtbot, make_window, demo_db, tmp_path):
    next_letter_with_a_year_of_changes(demo_db)
    window = make_window(demo_db)
    window.cycle.act_changes.trigger()
    wait_idle(qtbot, window)
    changes = window.cycle.changes_window
    assert changes is not None
    changes.resize(*SIZE)
    changes.splitter.setSizes([740, 520])
    qtbot.waitExposed(changes)
    assert changes.letter_box.currentText().startswith("BZ-2021-0042")
    titles = changes.model.group_titles()
    assert "Afgedaan (1)" in titles and "Termijn verstreken (1)" in titles
    assert "Nieuwe voortgang convenanten (2)" in titles and "EU-mijlpalen (1)" in titles
    # The two sections edited for the example, plus the introduction and the two sections
    # whose motion paragraphs went with the motions the 2020 letter settled.
    changed = {d.titel for d in changes.sections.model.rows() if d.status != "ongewijzigd"}
    assert {"Inleiding", "Monitoring IMVO-convenanten", "IMVO-richtlijn ambassades"} <= changed
    assert changes.sections.model.changed_count() == len(changed) == 5
    qtbot.wait(50)  # let the text pane lay out

    picture = changes.grab()
    target = screenshot_path(tmp_path, "van-brief-naar-brief.png")
    assert picture.save(str(target))
    assert_real_picture(target, SIZE)
    # Every column header of the tree and the section table fits its column.
    for view in (changes.tree, changes.sections.table):
        header = view.header() if hasattr(view, "header") else view.horizontalHeader()
        metrics = header.fontMetrics()
        model = view.model()
        for column in range(model.columnCount()):
            title = model.headerData(column, header.orientation())
            assert metrics.horizontalAdvance(title) + 16 <= header.sectionSize(column), title
