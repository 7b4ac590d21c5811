"""The composer's banner goes when the problem is fixed; the preview follows the section."""

from __future__ import annotations

from tests.ui.test_composer import DEMO_LETTER, open_composer, settle, type_into


def test_the_not_saved_banner_goes_once_the_fields_are_right(qtbot, window):
    composer = open_composer(qtbot, window)
    type_into(qtbot, composer.metadata.fields["datum"], "31 februari 2020")
    composer.act_save.trigger()
    assert composer.banner.isVisibleTo(composer)
    assert "niet opgeslagen" in composer.banner.text()
    type_into(qtbot, composer.metadata.fields["betreft"], "Voortgang")
    assert composer.banner.isVisibleTo(composer)  # the date is still wrong
    type_into(qtbot, composer.metadata.fields["datum"], "1 maart 2021")
    assert not composer.banner.isVisibleTo(composer)
    assert composer.document.content.meta["datum"] == "1 maart 2021"  # nothing lost


def test_a_kenmerk_in_use_banner_goes_when_the_kenmerk_changes(qtbot, window):
    composer = open_composer(qtbot, window)
    type_into(qtbot, composer.metadata.fields["betreft"], "Voortgang")
    type_into(qtbot, composer.metadata.fields["kenmerk"], "Min-BuZa.2020.396")
    composer.act_save.trigger()
    settle(qtbot, window, composer)
    assert "niet opgeslagen" in composer.banner.text()
    assert composer.banner.isVisibleTo(composer)
    type_into(qtbot, composer.metadata.fields["kenmerk"], "BZ-2021-1")
    assert not composer.banner.isVisibleTo(composer)


def test_the_preview_scrolls_to_the_section_being_edited(qtbot, window):
    composer = open_composer(qtbot, window, DEMO_LETTER)
    composer.resize(1200, 700)
    composer.show()
    composer.tabs.setCurrentWidget(composer.sections)
    sections = composer.document.content.sections
    last = len(sections) - 1
    composer.sections.select(last)
    scroll = composer.preview.browser.verticalScrollBar()
    top = composer.preview.heading_top(sections[last].titel)
    assert top is not None and top > 0
    assert scroll.value() == min(top - 8, scroll.maximum()) > 0
    composer.sections.select(0)
    assert scroll.value() < min(top - 8, scroll.maximum())
