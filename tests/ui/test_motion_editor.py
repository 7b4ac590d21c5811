"""The motion editor validates inline and shows the Dutch message next to the field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Motion
from desktop.ui.registry.motion_editor import MotionEditorDialog, split_names, split_paragraphs


def editor(qtbot, motion: Motion | None = None, error: str | None = None) -> MotionEditorDialog:
    dialog = MotionEditorDialog(None, motion, error=error)
    qtbot.addWidget(dialog)
    return dialog


def click_save(dialog: MotionEditorDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def shown_error(dialog: MotionEditorDialog, key: str) -> str:
    label = dialog.errors[key]
    return label.text() if label.isVisibleTo(dialog) else ""


def test_a_bad_kamerstuk_number_is_refused_with_the_message_next_to_the_field(qtbot):
    dialog = editor(qtbot)
    qtbot.keyClicks(dialog.kamerstuk, "26 485 nr")
    qtbot.keyClicks(dialog.indieners, "Voordewind")
    click_save(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert shown_error(dialog, "kamerstuk") == (
        "‘26 485 nr’ is geen Kamerstuknummer. "
        "Schrijf het bijvoorbeeld als 26 485, nr. 224 of 35 000 XVII, nr. 34."
    )
    assert dialog.kamerstuk.text() == "26 485 nr"  # what the user typed stays
    # Fixing the field clears the message while typing.
    qtbot.keyClicks(dialog.kamerstuk, ". 229")
    assert shown_error(dialog, "kamerstuk") == ""
    click_save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_required_fields_and_dates_are_checked(qtbot):
    dialog = editor(qtbot)
    dialog.voorgesteld.setText("31 februari 2020")
    dialog.deadline.setText("morgen")
    click_save(dialog)
    assert shown_error(dialog, "kamerstuk") == (
        "Vul het Kamerstuknummer van de motie in, of het zaaknummer van de Tweede Kamer "
        "(zoals 2025Z12345) als de motie nog geen Kamerstuknummer heeft."
    )
    assert shown_error(dialog, "indieners") == "Vul ten minste één indiener in."
    assert shown_error(dialog, "voorgesteld") == "‘31 februari 2020’ is geen geldige datum."
    assert shown_error(dialog, "deadline").startswith("‘morgen’ is geen datum.")
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_leaving_a_field_shows_its_message(qtbot):
    dialog = editor(qtbot)
    dialog.show()
    qtbot.keyClicks(dialog.voorgesteld, "6 sept 2016x")
    dialog.voorgesteld.editingFinished.emit()
    assert "is geen datum" in shown_error(dialog, "voorgesteld")
    assert shown_error(dialog, "kamerstuk") == ""  # empty fields wait for Opslaan


def test_the_fields_give_a_motion(qtbot):
    dialog = editor(qtbot)
    dialog.kamerstuk.setText("35 000 XVII, nr. 34")
    dialog.indieners.setText("Diks, Van den Hul")
    dialog.voorgesteld.setText("21 november 2018")
    dialog.deadline.setText("2021-06-30")
    dialog.overwegingen.setPlainText("constaterende dat\nhet zo is;\n\noverwegende dat het moet;")
    dialog.verzoeken.setPlainText("verzoekt de regering, iets te doen,")
    dialog.status.setCurrentIndex(dialog.status.findData("in uitvoering"))
    assert dialog.validate()
    motion = dialog.motion()
    assert motion.kamerstuk == KamerstukRef.parse("35 000 XVII, nr. 34")
    assert motion.indieners == ["Diks", "Van den Hul"]
    assert motion.voorgesteld == dt.date(2018, 11, 21)
    assert motion.deadline == dt.date(2021, 6, 30)
    assert motion.overwegingen == ["constaterende dat het zo is;", "overwegende dat het moet;"]
    assert motion.status == "in uitvoering"


def test_editing_keeps_the_number_and_what_the_editor_does_not_show(qtbot):
    stored = Motion(
        kamerstuk=KamerstukRef.parse("26 485, nr. 224"),
        indieners=["Van Laar"],
        verzoeken=["verzoekt de regering jaarlijks de impact te toetsen"],
        afgedaan_met=["Min-BuZa.2020.396"],
        id=1,
        version=3,
    )
    dialog = editor(qtbot, stored)
    assert dialog.kamerstuk.isReadOnly()
    assert dialog.windowTitle() == "Motie bewerken – Kamerstuk 26 485, nr. 224"
    dialog.notities.setPlainText("Nagaan bij de directie.")
    edited = dialog.motion()
    assert (edited.id, edited.version, edited.afgedaan_met) == (1, 3, ["Min-BuZa.2020.396"])
    assert edited.notities == "Nagaan bij de directie."
    assert edited.verzoeken == stored.verzoeken


def test_a_rejected_draft_comes_back_with_the_reason(qtbot):
    draft = Motion(
        kamerstuk=KamerstukRef.parse("26 485, nr. 229"),
        indieners=["Voordewind"],
        notities="Lange aantekening.",
    )
    dialog = editor(qtbot, draft, error="De motie Voordewind staat al in het register.")
    assert dialog.banner.text() == "De motie Voordewind staat al in het register."
    assert dialog.banner.isVisibleTo(dialog)
    assert dialog.notities.toPlainText() == "Lange aantekening."
    assert dialog.kamerstuk.text() == "26 485, nr. 229"


def test_splitting_helpers():
    assert split_names("Diks; Van den Hul,\nJasper van Dijk") == [
        "Diks",
        "Van den Hul",
        "Jasper van Dijk",
    ]
    assert split_paragraphs("a\nb\n\n\n c ") == ["a b", "c"]


# -- a motion without a Kamerstuk number yet -------------------------------------------------


def test_a_motion_by_its_zaak_number_alone_needs_an_onderwerp(qtbot):
    dialog = editor(qtbot)
    qtbot.keyClicks(dialog.zaaknummer, "2025z12345")
    qtbot.keyClicks(dialog.indieners, "Bikker, Erkens")
    click_save(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert shown_error(dialog, "kamerstuk") == ""  # the Zaak number is enough
    assert shown_error(dialog, "onderwerp") == (
        "Vul het onderwerp in: een motie zonder Kamerstuknummer wordt in brieven "
        "genoemd bij haar onderwerp en datum."
    )
    qtbot.keyClicks(dialog.onderwerp, "informatiedeling over jihadisme in Europa")
    assert shown_error(dialog, "onderwerp") == ""  # typing clears the message
    click_save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    motion = dialog.motion()
    assert motion.kamerstuk is None and motion.citation is None
    assert motion.zaaknummer == "2025Z12345"  # written the Kamer's way
    assert motion.onderwerp == "informatiedeling over jihadisme in Europa"
    assert motion.name == "de motie Bikker/Erkens"
    assert motion.reference == (
        "motie Bikker/Erkens over informatiedeling over jihadisme in Europa, zaak 2025Z12345"
    )


def test_a_bad_zaak_number_is_refused_in_dutch(qtbot):
    dialog = editor(qtbot)
    qtbot.keyClicks(dialog.zaaknummer, "2025D41513")
    qtbot.keyClicks(dialog.indieners, "Bikker")
    qtbot.keyClicks(dialog.onderwerp, "jihadisme")
    click_save(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert shown_error(dialog, "zaaknummer") == (
        "‘2025D41513’ is geen zaaknummer van de Tweede Kamer; een zaaknummer is een jaartal, "
        "de letter Z en vijf cijfers, zoals 2025Z12345."
    )
    assert dialog.zaaknummer.text() == "2025D41513"  # what the user typed stays
    # A Kamerstuk number alone would do, but a bad Zaak number is still refused.
    dialog.kamerstuk.setText("21 501-20, nr. 2333")
    assert not dialog.validate()
    dialog.zaaknummer.setText("2025Z22235")
    assert dialog.validate()
    motion = dialog.motion()
    assert motion.citation == "Kamerstuk 21 501-20, nr. 2333"
    assert motion.zaaknummer == "2025Z22235"


def test_an_unnumbered_motion_can_get_its_number_later(qtbot):
    stored = Motion(
        kamerstuk=None,
        zaaknummer="2025Z12345",
        indieners=["Bikker"],
        onderwerp="jihadisme",
        id=7,
        version=2,
    )
    dialog = editor(qtbot, stored)
    assert dialog.windowTitle() == "Motie bewerken – zaak 2025Z12345"
    assert not dialog.kamerstuk.isReadOnly()  # the number can still be added
    assert dialog.zaaknummer.isReadOnly() and dialog.zaaknummer.text() == "2025Z12345"
    assert dialog.validate()
    assert dialog.motion().kamerstuk is None
    dialog.kamerstuk.setText("21 501-20, nr. 2333")
    edited = dialog.motion()
    assert edited.kamerstuk == KamerstukRef.parse("21 501-20, nr. 2333")
    assert (edited.id, edited.version, edited.zaaknummer) == (7, 2, "2025Z12345")


def test_an_empty_message_leaves_no_gap_between_the_fields(qtbot):
    dialog = editor(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)

    def gap() -> int:
        return dialog.zaaknummer.geometry().top() - dialog.kamerstuk.geometry().bottom()

    # The hidden message row under Kamerstuk takes no room: the next field follows at once.
    quiet = gap()
    assert quiet <= 12, quiet
    qtbot.keyClicks(dialog.kamerstuk, "26 485 nr")
    dialog.kamerstuk.editingFinished.emit()
    qtbot.waitUntil(lambda: gap() > quiet + 5)
    assert dialog.errors["kamerstuk"].isVisible()
    # Fixed again: the message goes, and so does its room.
    qtbot.keyClicks(dialog.kamerstuk, ". 229")
    qtbot.waitUntil(lambda: gap() == quiet)
