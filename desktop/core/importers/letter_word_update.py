"""The final letter back from Word, stored in its registered letter as a new version.

What goes where:

* section texts, the introduction and the closing text: into the letter;
* the responses in motion and commitment paragraphs, also when the registry's opening
  sentence was edited (see :mod:`desktop.core.importers.letter_word_items`): into the
  letter's motions and commitments;
* the convenant parts of Bijlage I: their text comes from each convenant's progress in
  the registry (the entry the letter shows, up to its date), so an edit goes back there.
  The entry this letter itself wrote (its source names the letter's kenmerk) is updated;
  otherwise a new entry is added, dated the letter's date, with this letter as source,
  so an earlier report (such as the SER's) keeps its own text. Either way the next
  export of the letter reproduces the Word text and the next year's letter starts from
  it. Other annexes (the afdoeningstabel) are made from the registry and are not read;
  the dry run says so.

Whatever is not carried back is listed in :attr:`WordUpdate.warnings`, in Dutch.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.drafting.citations import RegistryCitations, letter_citations, relink_citations
from desktop.core.errors import InvalidInput
from desktop.core.importers.letter_word import (
    SectionChange,
    WordAnnex,
    WordLetter,
    WordSection,
    WordUpdate,
    match_letter,
    normalise,
    read_word_letter,
)
from desktop.core.importers.letter_word_items import ItemParagraphs, ItemText

if TYPE_CHECKING:
    from sqlalchemy import Connection as Database

    from desktop.core.domain.models import Convenant, Letter, ProgressEntry
    from desktop.core.drafting.templates import TemplateLibrary

__all__ = ["update_letter_from_word"]

_SETTLED_SENTENCE = re.compile(r"\s*(?:Daarnaast wordt|In deze brief wordt) .*? afgedaan\. .*$")
#: what the template writes for a convenant without progress (see voortgangsbrief.md.j2)
NO_PROGRESS = "Er is nog geen voortgang vastgelegd voor dit convenant."
#: headings the template adds for motions and commitments not placed in a section
_OTHER_HEADINGS = ("moties", "toezeggingen")


@dataclass(slots=True)
class _AnnexEdit:
    convenant_id: int
    kop: str
    tekst: str


def _plain_markdown(markdown: str) -> str:
    """Text of Markdown with its footnotes, for deciding whether anything changed."""
    from desktop.core.drafting.markdown import parse_markdown

    parsed = parse_markdown(markdown)
    parts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif hasattr(value, "__slots__"):
            for name in value.__slots__:
                if name in (
                    "text",
                    "url",
                    "inlines",
                    "blocks",
                    "items",
                    "children",
                    "header",
                    "rows",
                ):
                    walk(getattr(value, name))

    walk(parsed.body)
    return normalise(" ".join(parts))


def _diff(old: str, new: str) -> list[str]:
    return list(
        difflib.unified_diff(
            old.splitlines(), new.splitlines(), "register", "Word", lineterm="", n=0
        )
    )[2:]


def _record(changes: list[SectionChange], title: str, old: str, new: str) -> str:
    if _plain_markdown(old) == _plain_markdown(new):
        changes.append(SectionChange(title, "ongewijzigd"))
        return "ongewijzigd"
    changes.append(SectionChange(title, "gewijzigd", _diff(old, new)))
    return "gewijzigd"


# -- motions and commitments ---------------------------------------------------------------


def _motion_items(db: Database, letter: Letter) -> list[ItemText]:
    from desktop.core.drafting.templates import (
        _citeer,
        _motie_naam,
        escape_markdown,
        verzoek_phrase,
    )
    from desktop.core.store import motions

    items = []
    for entry in letter.motions:
        motion = motions.get(db, entry.motion_id)
        cited = _citeer(motion.kamerstuk or motion.reference)
        opening = (
            f"{_motie_naam(motion, hoofdletter=True)} ({cited}) "
            f"{escape_markdown(verzoek_phrase(motion))}."
        )
        items.append(
            ItemText(
                label=f"{motion.name} ({motion.reference})",
                reported=motion.reference,
                opening=opening,
                response=entry.response,
                refs={motion.kamerstuk.key} if motion.kamerstuk is not None else set(),
                names=[normalise(name) for name in motion.indieners],
                title=motion.titel if motion.kamerstuk is None else None,
            )
        )
    return items


def _commitment_items(db: Database, letter: Letter) -> list[ItemText]:
    from desktop.core.drafting.templates import _citeer, escape_markdown
    from desktop.core.store import commitments

    items = []
    for entry in letter.commitments:
        commitment = commitments.get(db, entry.commitment_id)
        number = f" {escape_markdown(commitment.nummer)}" if commitment.nummer else ""
        cited = f" ({_citeer(commitment.kamerstuk)})" if commitment.kamerstuk else ""
        opening = f"*Toezegging{number}:* {escape_markdown(commitment.tekst)}{cited}"
        short = commitment.tekst if len(commitment.tekst) <= 60 else commitment.tekst[:57] + "…"
        label = (
            f"de toezegging {commitment.nummer}"
            if commitment.nummer
            else f"de toezegging ‘{short}’"
        )
        items.append(
            ItemText(
                label=label,
                reported=commitment.nummer or f"‘{short}’",
                opening=opening,
                response=entry.response,
                refs={commitment.kamerstuk.key} if commitment.kamerstuk is not None else set(),
                names=[normalise(commitment.nummer)] if commitment.nummer else [],
                kind="toezegging",
            )
        )
    return items


def _letter_texts(letter: Letter) -> list[str]:
    """Every text of the letter that may hold a citation."""
    return [
        letter.inleiding,
        letter.slot,
        *(section.tekst for section in letter.sections),
        *(entry.response for entry in letter.motions),
        *(entry.response for entry in letter.commitments),
    ]


def _changed_response(old: str, new: str | None) -> bool:
    if new is None:
        return False
    return normalise(new) != normalise(old) and _plain_markdown(new) != _plain_markdown(old)


# -- annexes -----------------------------------------------------------------------------


def _is_convenant_annex(annex: WordAnnex) -> bool:
    from desktop.core.drafting.compose import ANNEX_TITLE

    return normalise(annex.titel) == normalise(ANNEX_TITLE) or "convenant" in normalise(annex.titel)


def _find_part(parts: dict[str, WordSection], kop: str) -> WordSection | None:
    key = normalise(kop)
    if key in parts:
        return parts.pop(key)
    close = difflib.get_close_matches(key, list(parts), n=1, cutoff=0.8)
    return parts.pop(close[0]) if close else None


def _read_annexes(
    db: Database,
    letter: Letter,
    word: WordLetter,
    changes: list[SectionChange],
    warnings: list[str],
) -> list[_AnnexEdit]:
    """Compare the convenant parts of the Word annexes with the registry's progress texts."""
    from desktop.core.drafting.compose import annex_heading
    from desktop.core.store import convenanten

    cutoff = letter.datum.isoformat() if letter.datum else None
    convenant_annexes = [a for a in word.annexes if _is_convenant_annex(a)]
    for other in word.annexes:
        if other not in convenant_annexes:
            warnings.append(
                f"‘{other.titel}’ wordt niet ingelezen: die bijlage maakt Voortgang uit het "
                "register (de moties en toezeggingen zelf). Wijzigingen daarin horen in het "
                "register."
            )
    if not letter.convenant_ids:
        for annex in convenant_annexes:
            warnings.append(
                f"‘{annex.titel}’ staat in het Word-bestand, maar de brief heeft in het "
                "register geen convenanten; die tekst wordt niet ingelezen."
            )
        return []
    if not convenant_annexes:
        warnings.append(
            "De bijlage met de voortgang van de convenanten staat niet in het Word-bestand; "
            "de voortgangsteksten in het register blijven zoals ze zijn."
        )
        return []
    parts: dict[str, WordSection] = {}
    for annex in convenant_annexes:
        for part in annex.parts:
            parts.setdefault(normalise(part.titel), part)
    edits = []
    for convenant_id in letter.convenant_ids:
        convenant = convenanten.get(db, convenant_id)
        kop = annex_heading(convenant)
        title = f"Bijlage: {kop}"
        found = _find_part(parts, kop)
        if found is None:
            changes.append(SectionChange(title, "niet gevonden"))
            continue
        entry = convenant.latest_progress(cutoff)
        old = entry.tekst if entry is not None else NO_PROGRESS
        new = "\n\n".join(found.paragraphs)
        if not new.strip():
            changes.append(SectionChange(title, "ongewijzigd"))
            warnings.append(
                f"In de bijlage staat onder ‘{kop}’ geen tekst meer; de voortgangstekst in het "
                "register blijft staan."
            )
            continue
        if _record(changes, title, old, new) == "gewijzigd":
            assert convenant.id is not None
            edits.append(_AnnexEdit(convenant.id, kop, new))
    for part in parts.values():
        warnings.append(
            f"In de bijlage staat ‘{part.titel}’, dat bij geen convenant van de brief hoort; "
            "die tekst wordt niet ingelezen. Voeg het convenant toe aan de brief of aan het "
            "register."
        )
    return edits


def _own_entry(entry: ProgressEntry | None, letter: Letter) -> bool:
    """True for a progress entry this letter itself stands as source of."""
    return bool(entry and letter.kenmerk and letter.kenmerk in (entry.bron or ""))


def _store_annex_edits(db: Database, letter: Letter, edits: list[_AnnexEdit]) -> None:
    from desktop.core.domain.models import ProgressEntry
    from desktop.core.drafting.compose import ANNEX_TITLE
    from desktop.core.store import convenanten

    cutoff = letter.datum.isoformat() if letter.datum else None
    for edit in edits:
        convenant: Convenant = convenanten.get(db, edit.convenant_id)
        entry = convenant.latest_progress(cutoff)
        if entry is not None and _own_entry(entry, letter):
            entry.tekst = edit.tekst
        else:
            source = letter.kenmerk or letter.betreft
            convenant.voortgang.append(
                ProgressEntry(
                    datum=cutoff or dt.date.today().isoformat(),
                    tekst=edit.tekst,
                    periode=entry.periode if entry is not None else None,
                    bron=f"Kamerbrief {source}, {ANNEX_TITLE.split(':')[0]} (definitieve tekst)",
                )
            )
        convenanten.update(db, convenant)


# -- the whole letter ---------------------------------------------------------------------


def _closing(letter: Letter, word: WordLetter) -> list[str] | None:
    """The closing paragraphs at the end of the last Word section, taken out of it."""
    if not letter.slot.strip() or not word.sections:
        return None
    count = len([p for p in letter.slot.split("\n\n") if p.strip()])
    tail = word.sections[-1].paragraphs
    if len(tail) < count:
        return None
    closing = tail[-count:]
    del tail[-count:]
    return closing


def update_letter_from_word(
    db: Database,
    path: Path,
    library: TemplateLibrary,
    *,
    dry_run: bool = True,
) -> WordUpdate:
    """Read a final Word letter into its registered letter (``import letter --update``).

    With ``dry_run`` nothing is stored; otherwise (inside the caller's transaction) the
    letter (and the progress text of edited convenant parts) is updated and stored as a
    new version; a letter without versions first gets one of its state before the
    import, so the previous text is kept.

    Raises:
        NotFound / InvalidInput: no or two matching letters, or sections not found.
    """
    from desktop.core.drafting.compose import render_letter_markdown
    from desktop.core.planning.versions import list_versions, record_version
    from desktop.core.store import eu, letters

    letter = match_letter(db, path)
    assert letter.id is not None
    signature = [s for s in (letter.ondertekenaar_functie, letter.ondertekenaar_naam) if s]
    if not signature:
        from desktop.core.store import settings

        sender = settings.get_sender(db)
        signature = [s for s in (sender.ondertekenaar_functie, sender.ondertekenaar_naam) if s]
    word = read_word_letter(path, salutation=letter.aanhef, signature=signature)
    by_title = {normalise(s.titel): s for s in word.sections}
    found = [s for s in letter.sections if normalise(s.titel) in by_title]
    if letter.sections and len(found) * 2 < len(letter.sections):
        raise InvalidInput(
            f"In {path.name} zijn de secties van de brief niet terug te vinden (gevonden: "
            f"{len(found)} van {len(letter.sections)} koppen). Het Word-bestand is te sterk "
            "bewerkt om het in te lezen; er is niets gewijzigd."
        )
    changes: list[SectionChange] = []
    warnings: list[str] = []
    cutoff = letter.datum.isoformat() if letter.datum else None
    closing = _closing(letter, word)
    motion_items = _motion_items(db, letter)
    commitment_items = _commitment_items(db, letter)
    items = ItemParagraphs(motion_items + commitment_items)
    items.find_unchanged(
        [*word.intro, *(p for section in word.sections for p in section.paragraphs)]
    )

    # Citations the letter made (motie:…, kamerstuk:…) come back from Word as plain text;
    # where that text is what the export wrote, they become citations again.
    cited = letter_citations(_letter_texts(letter), RegistryCitations(db))

    def relinked(markdown: str) -> str:
        return relink_citations(markdown, cited) if cited else markdown

    intro = items.take(list(word.intro))
    if intro:
        intro[-1] = _SETTLED_SENTENCE.sub("", intro[-1]).rstrip()
        intro = [p for p in intro if p]
    new_intro = relinked("\n\n".join(intro))
    _record(changes, "Inleiding", letter.inleiding, new_intro)
    if _plain_markdown(new_intro) != _plain_markdown(letter.inleiding):
        letter.inleiding = new_intro

    section_titles = {normalise(s.titel) for s in letter.sections}
    for section in letter.sections:
        word_section = by_title.get(normalise(section.titel))
        if word_section is None:
            changes.append(SectionChange(section.titel, "niet gevonden"))
            continue
        rest = items.take(word_section.paragraphs)
        old_text = section.tekst
        if not old_text.strip() and section.eu_file_id is not None:
            development = eu.get(db, section.eu_file_id).latest_development(cutoff)
            old_text = development.tekst if development else ""
        new_text = relinked("\n\n".join(rest))
        status = _record(changes, section.titel, old_text, new_text)
        if status == "gewijzigd":
            section.tekst = new_text
    # -- the headings the template adds for motions and commitments outside a section --
    for word_section in word.sections:
        key = normalise(word_section.titel)
        if key in section_titles or key not in _OTHER_HEADINGS:
            continue
        for paragraph in items.take(word_section.paragraphs):
            warnings.append(
                f"Onder ‘{word_section.titel}’ staat tekst die bij geen motie of toezegging van "
                f"de brief hoort; die wordt niet ingelezen: “{paragraph[:80]}”"
            )
    if closing is not None:
        new_slot = relinked("\n\n".join(closing))
        if _record(changes, "Slot", letter.slot, new_slot) == "gewijzigd":
            letter.slot = new_slot

    for item in items.items:  # found only now: some while taking paragraphs above
        if item.new_response is not None:
            item.new_response = relinked(item.new_response)
    motions_updated = []
    for item, motion_entry in zip(motion_items, letter.motions, strict=True):
        if _changed_response(motion_entry.response, item.new_response):
            assert item.new_response is not None
            motion_entry.response = item.new_response
            motions_updated.append(item.reported)
    commitments_updated = []
    for item, commitment_entry in zip(commitment_items, letter.commitments, strict=True):
        if _changed_response(commitment_entry.response, item.new_response):
            assert item.new_response is not None
            commitment_entry.response = item.new_response
            commitments_updated.append(item.reported)
    warnings[:0] = items.warnings()
    annex_edits = _read_annexes(db, letter, word, changes, warnings)
    result = WordUpdate(
        letter_id=letter.id,
        kenmerk=letter.kenmerk,
        changes=changes,
        motions_updated=motions_updated,
        dry_run=dry_run,
        commitments_updated=commitments_updated,
        warnings=warnings,
    )
    if dry_run or not result.changed:
        return result
    previous = list_versions(db, letter.id)
    if not previous:
        before = letters.get(db, letter.id)
        result.previous_version = record_version(
            db, before, render_letter_markdown(db, before, library), None
        )
    else:
        result.previous_version = previous[-1].nummer
    letters.update(db, letter)
    _store_annex_edits(db, letter, annex_edits)
    stored = letters.get(db, letter.id)
    result.version = record_version(db, stored, render_letter_markdown(db, stored, library), path)
    return result
