"""HTML for the detail panes (Qt's rich-text subset; every value is escaped)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

from desktop.core.domain.models import (
    Commitment,
    Convenant,
    EUFile,
    Kamerstuk,
    Letter,
    Motion,
    StatusChange,
)
from desktop.ui.common.formatting import capitalised, long_date
from desktop.ui.registry.models import party_count

_MUTED = "#5f6368"
_ALERT = "#a0281b"

LETTER_LINK = "brief:"


def _e(text: object) -> str:
    return escape(str(text)).replace("\n", "<br>")


def _heading(title: str, subtitle: str = "") -> str:
    html = f"<h2 style='margin-bottom:2px'>{_e(title)}</h2>"
    if subtitle:
        html += f"<p style='color:{_MUTED}; margin-top:0'>{_e(subtitle)}</p>"
    return html


def _fields(rows: Iterable[tuple[str, str]]) -> str:
    """A two-column label/value table; rows with an empty (raw HTML) value are left out."""
    cells = "".join(
        f"<tr><td style='color:{_MUTED}; padding:2px 14px 2px 0' valign='top'>{_e(label)}</td>"
        f"<td style='padding:2px 0'>{value}</td></tr>"
        for label, value in rows
        if value
    )
    return f"<table cellspacing='0'>{cells}</table>" if cells else ""


def _section(title: str, body: str) -> str:
    if not body:
        return ""
    return f"<h3 style='margin-top:14px; margin-bottom:4px'>{_e(title)}</h3>{body}"


def _items(values: Sequence[str]) -> str:
    if not values:
        return ""
    return "<ul style='margin-left:-20px'>" + "".join(f"<li>{_e(v)}</li>" for v in values) + "</ul>"


def _paragraph(text: str | None) -> str:
    return f"<p>{_e(text)}</p>" if text and text.strip() else ""


def empty_state(noun: str, empty: bool) -> str:
    """The pane before anything is selected."""
    text = f"Geen {noun} gevonden." if empty else f"Selecteer een regel om de {noun} te bekijken."
    return f"<p style='color:{_MUTED}; margin-top:24px' align='center'>{_e(text)}</p>"


def letter_link(letter: Letter) -> str:
    """A link that asks the main window to open a letter."""
    label = letter.kenmerk or (f"brief van {long_date(letter.datum)}" if letter.datum else "brief")
    if letter.betreft:
        label += f" – {letter.betreft}"
    return f"<a href='{LETTER_LINK}{letter.id}'>{_e(label)}</a>"


def _moment(stamp: str) -> str:
    """``2020-02-21T14:03:09`` → ``21-02-2020 14:03``."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return moment.strftime("%d-%m-%Y %H:%M")


def history_table(changes: Sequence[StatusChange]) -> str:
    """The status history, oldest first."""
    if not changes:
        return f"<p style='color:{_MUTED}'>Nog geen wijzigingen.</p>"
    rows = []
    for change in changes:
        when = _moment(change.wanneer)
        van = capitalised(change.van) if change.van else "–"
        note = f"<br><span style='color:{_MUTED}'>{_e(change.toelichting)}</span>"
        rows.append(
            f"<tr><td style='padding:2px 12px 2px 0' valign='top'>{_e(when)}</td>"
            f"<td style='padding:2px 12px 2px 0' valign='top'>{_e(change.veld)}: "
            f"{_e(van)} → {_e(capitalised(change.naar) or '–')}"
            f"{note if change.toelichting else ''}</td>"
            f"<td style='color:{_MUTED}' valign='top'>{_e(change.wie)}</td></tr>"
        )
    return "<table cellspacing='0'>" + "".join(rows) + "</table>"


def kamer_view(motion: Motion) -> str:
    """The Kamer's view beside ours: its Afgedaan flag and latest Besluit, and whether they differ.

    Empty when the Kamer's open data said nothing about the motion.
    """
    parts = []
    if motion.kamer_afgedaan is not None:
        parts.append("Afgedaan" if motion.kamer_afgedaan else "Niet afgedaan")
    if motion.kamer_besluit:
        label = "laatste besluit" if parts else "Laatste besluit"
        parts.append(f"{label}: {motion.kamer_besluit}")
    if not parts:
        return ""
    html = _e(" · ".join(parts))
    if motion.afwijkend_van_kamer:
        ours = _e(motion.status)
        why = (
            f"de Kamer noemt de motie afgedaan, uw status is {ours}"
            if motion.kamer_afgedaan
            else f"uw status is {ours}, de Kamer noemt de motie niet afgedaan"
        )
        html += (
            f"<br><b style='color:{_ALERT}'>Afwijkend van de Kamer</b> "
            f"<span style='color:{_MUTED}'>({why})</span>"
        )
    return html


def motion_html(
    motion: Motion,
    today: dt.date,
    history: Sequence[StatusChange] | None = None,
    settled_by: Sequence[Letter] | None = None,
) -> str:
    """The motion pane; ``history``/``settled_by`` None means still loading."""
    status = _e(capitalised(motion.status))
    if motion.status_datum:
        status += f" <span style='color:{_MUTED}'>sinds {_e(long_date(motion.status_datum))}</span>"
    deadline = _e(long_date(motion.deadline)) if motion.deadline else ""
    if motion.is_overdue(today):
        deadline = f"<b style='color:{_ALERT}'>{deadline} – termijn verstreken</b>"
    voorgesteld = _e(long_date(motion.voorgesteld)) if motion.voorgesteld else ""
    if voorgesteld and motion.voorgesteld_bij:
        voorgesteld += f" <span style='color:{_MUTED}'>({_e(motion.voorgesteld_bij)})</span>"
    if settled_by is None:
        letters = _e(", ".join(motion.afgedaan_met))
    else:
        known = {letter.kenmerk for letter in settled_by}
        letters = "<br>".join(
            [letter_link(letter) for letter in settled_by]
            + [_e(f"brief van {long_date(v)}") for v in motion.afgedaan_met if v not in known]
        )
    fields = _fields(
        [
            ("Indieners", _e(", ".join(motion.indieners))),
            ("Voorgesteld", voorgesteld),
            ("Onderwerp", _e(motion.onderwerp or "")),
            ("Uitslag", _e(capitalised(motion.uitslag))),
            ("Status", status),
            ("Bij de Kamer", kamer_view(motion)),
            ("Termijn", deadline),
            ("Directie", _e(motion.directie or "")),
            ("Afgedaan met", letters),
            ("Vervangt", _e(motion.vervangt.letter_style() if motion.vervangt else "")),
            (
                "Vervangen door",
                _e(motion.vervangen_door.letter_style() if motion.vervangen_door else ""),
            ),
        ]
    )
    subtitle = (motion.citation or motion.reference) + (
        f" · {motion.dossier_titel}" if motion.dossier_titel else ""
    )
    if history is None:
        history_html = f"<p style='color:{_MUTED}'>Laden…</p>"
    else:
        history_html = history_table(history)
    return (
        _heading(capitalised(motion.name), subtitle)
        + fields
        + _section("Overwegingen", _items(motion.overwegingen))
        + _section("Verzoeken", _items(motion.verzoeken))
        + _section("Kabinetsappreciatie", _paragraph(motion.kabinetsappreciatie))
        + _section("Notities", _paragraph(motion.notities))
        + _section("Statusgeschiedenis", history_html)
    )


def commitment_html(item: Commitment, today: dt.date | None = None) -> str:
    """The toezegging pane."""
    nakoming = _e(long_date(item.datum_nakoming)) if item.datum_nakoming else ""
    if nakoming and item.is_overdue(today or dt.date.today()):
        nakoming = f"<b style='color:{_ALERT}'>{nakoming} – termijn verstreken</b>"
    return (
        _heading(f"Toezegging {item.nummer}" if item.nummer else "Toezegging")
        + _fields(
            [
                ("Minister", _e(item.minister or "")),
                ("Gedaan", _e(long_date(item.datum_gedaan))),
                ("Nakoming", nakoming),
                ("Status", _e(capitalised(item.status))),
                ("Kamerstuk", _e(item.kamerstuk.letter_style() if item.kamerstuk else "")),
                ("Voldaan met", _e(", ".join(item.voldaan_met))),
            ]
        )
        + _section("Tekst", _paragraph(item.tekst))
        + _section("Notities", _paragraph(item.notities))
    )


def convenant_html(item: Convenant) -> str:
    """The convenant pane, with its parties and progress, newest first."""
    parties = [
        (f"{p.aantal} × " if p.aantal > 1 else "") + (p.naam or p.soort) + f" ({p.soort})"
        for p in item.partijen
    ]
    progress = "".join(
        f"<p><b>{_e(long_date(entry.datum))}</b>"
        + (f" <span style='color:{_MUTED}'>({_e(entry.bron)})</span>" if entry.bron else "")
        + f"<br>{_e(entry.tekst)}</p>"
        for entry in sorted(item.voortgang, key=lambda e: e.datum, reverse=True)
    )
    return (
        _heading(item.naam, item.sector or "")
        + _fields(
            [
                ("Fase", _e(capitalised(item.fase))),
                ("Facilitator", _e(item.facilitator or "")),
                ("Ondertekend", _e(long_date(item.ondertekend))),
                ("In werking", _e(long_date(item.in_werking))),
                ("Looptijd", _e(f"{item.looptijd_jaren} jaar" if item.looptijd_jaren else "")),
                ("Einde", _e(long_date(item.einde))),
                ("Partijen", _e(str(party_count(item) or ""))),
            ]
        )
        + _section("Kerncijfers", _items(item.kerncijfers))
        + _section("Partijen", _items(parties))
        + _section("Voortgang", progress)
        + _section("Notities", _paragraph(item.notities))
    )


def eu_file_html(item: EUFile) -> str:
    """The EU-dossier pane."""
    dates = [f"{long_date(d.datum)}: {d.omschrijving}" for d in item.datums]
    developments = "".join(
        f"<p><b>{_e(long_date(d.datum))}</b><br>{_e(d.tekst)}</p>"
        for d in sorted(item.ontwikkelingen, key=lambda d: d.datum, reverse=True)
    )
    return (
        _heading(item.titel, capitalised(item.soort))
        + _fields(
            [
                ("Identificatie", _e(item.identificatie or "")),
                ("CELEX", _e(item.celex or "")),
                ("BNC-fiche", _e(item.bnc_fiche.letter_style() if item.bnc_fiche else "")),
                ("Raadsformatie", _e(item.raadsformatie or "")),
            ]
        )
        + _section("Datums", _items(dates))
        + _section("Ontwikkelingen", developments)
        + _section("Notities", _paragraph(item.notities))
    )


def kamerstuk_html(item: Kamerstuk) -> str:
    """The Kamerstuk pane."""
    return _heading(item.citation, item.dossier_titel or "") + _fields(
        [
            ("Soort", _e(item.soort or "")),
            ("Datum", _e(long_date(item.datum))),
            ("Titel", _e(item.titel or "")),
            ("Vindplaats", _e(item.ref.legal_style())),
            ("Publicatie", _e(item.ref.kst_id())),
        ]
    )


def letter_html(item: Letter) -> str:
    """The letter pane, with a link for the letter composer."""
    title = item.betreft or (f"Brief van {long_date(item.datum)}" if item.datum else "Brief")
    return (
        _heading(title, item.kenmerk or "")
        + _fields(
            [
                ("Datum", _e(long_date(item.datum))),
                ("Status", _e(capitalised(item.status))),
                ("Kamerstuk", _e(item.kamerstuk.letter_style() if item.kamerstuk else "")),
                ("Secties", _e(str(len(item.sections)) if item.sections else "")),
                ("Moties", _e(str(len(item.motions)) if item.motions else "")),
                ("Bijlagen", _e(str(len(item.convenant_ids)) if item.convenant_ids else "")),
            ]
        )
        + f"<p><a href='{LETTER_LINK}{item.id}'>Brief openen…</a></p>"
    )
