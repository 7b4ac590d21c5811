"""Warnings before export in the composer: a panel with "Ga naar" that empties as you fix."""

from __future__ import annotations

from desktop.ui.composer.fields import widget_text
from tests.ui.test_composer import open_composer, settle, type_into


def test_a_stale_introduction_and_an_empty_section_show_its_warnings_and_they_go_as_they_are_fixed(
    qtbot, window, composer_dialogs, tmp_path
):
    window.tabs.setCurrentWidget(window.views.letters)
    composer = open_composer(qtbot, window)
    type_into(qtbot, composer.metadata.fields["betreft"], "Voortgang najaar")
    type_into(
        qtbot,
        composer.metadata.fields["inleiding"],
        "Op 20 februari 2020 heeft uw Kamer een AO gepland.",
    )
    composer.tabs.setCurrentWidget(composer.sections)
    composer.sections.select(0)
    type_into(qtbot, composer.sections.text, "De eerste sectie.")
    composer.sections.add_section("Leeg")
    settle(qtbot, window, composer)
    target = tmp_path / "brief.docx"
    composer_dialogs.export_targets.append(target)
    composer.act_export.trigger()
    settle(qtbot, window, composer)
    panel = composer.flows.warnings_panel
    assert panel.isVisibleTo(composer)
    assert not target.exists()  # nothing exported yet
    wheres = [w.where for w in panel.warnings]
    assert wheres == ["inleiding", "sectie"]
    assert "20 februari 2020" in panel.warnings[0].message
    # Ga naar: the introduction, with the date selected.
    panel.go_to_buttons()[0].click()
    assert composer.tabs.currentWidget() is composer.metadata
    field = composer.metadata.fields["inleiding"]
    assert field.textCursor().selectedText() == "20 februari 2020"
    # Fixing it takes the warning away.
    type_into(qtbot, field, "Hierbij informeer ik uw Kamer over de voortgang.")
    qtbot.waitUntil(lambda: [w.where for w in panel.warnings] == ["sectie"], timeout=5000)
    panel.go_to_buttons()[0].click()
    assert composer.tabs.currentWidget() is composer.sections
    assert composer.document.content.sections[composer.sections.current_row()].titel == "Leeg"
    type_into(qtbot, composer.sections.text, "Tekst.")
    qtbot.waitUntil(lambda: not panel.isVisibleTo(composer), timeout=5000)
    assert widget_text(composer.sections.text) == "Tekst."
    settle(qtbot, window, composer)
