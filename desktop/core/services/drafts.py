"""What the composer edits, as plain data (no Qt): texts as typed, plus the letter's lists.

The composer keeps every metadata field as the text the user typed, so a date or a
Kamerstuk number that does not parse yet is never lost: it stays in the field with a
message next to it. :func:`to_letter` turns the texts into a
:class:`~desktop.core.domain.models.Letter` — strictly for saving, leniently (unreadable
values left out) for the preview. Drafts are written as JSON to the per-user
``concepten`` folder, so a crash costs at most the last autosave interval.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.domain.dutch import format_date, parse_date
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import (
    Letter,
    LetterCommitment,
    LetterMotion,
    LetterSection,
    SenderSettings,
)
from desktop.core.errors import InvalidInput

# The metadata fields, in form order.
META_FIELDS = (
    "kenmerk",
    "datum",
    "betreft",
    "kamerstuk",
    "geadresseerde",
    "aanhef",
    "inleiding",
    "slot",
    "ondertekenaar_functie",
    "ondertekenaar_naam",
    "template",
)
DRAFT_FORMAT = 1


@dataclass
class DraftContent:
    """Everything the user edits in one letter."""

    meta: dict[str, str] = field(default_factory=lambda: dict.fromkeys(META_FIELDS, ""))
    sections: list[LetterSection] = field(default_factory=list)
    motions: list[LetterMotion] = field(default_factory=list)
    commitments: list[LetterCommitment] = field(default_factory=list)
    convenant_ids: list[int] = field(default_factory=list)

    def copy(self) -> DraftContent:
        """A deep copy (undo commands keep before/after snapshots)."""
        return copy.deepcopy(self)


def from_letter(letter: Letter) -> DraftContent:
    """The editable texts and lists of a stored (or new) letter."""
    meta = {
        "kenmerk": letter.kenmerk or "",
        "datum": format_date(letter.datum) if letter.datum else "",
        "betreft": letter.betreft,
        "kamerstuk": letter.kamerstuk.number_label() if letter.kamerstuk else "",
        "geadresseerde": letter.geadresseerde,
        "aanhef": letter.aanhef,
        "inleiding": letter.inleiding,
        "slot": letter.slot,
        "ondertekenaar_functie": letter.ondertekenaar_functie or "",
        "ondertekenaar_naam": letter.ondertekenaar_naam or "",
        "template": letter.template,
    }
    return DraftContent(
        meta=meta,
        sections=copy.deepcopy(letter.sections),
        motions=copy.deepcopy(letter.motions),
        commitments=copy.deepcopy(letter.commitments),
        convenant_ids=list(letter.convenant_ids),
    )


def new_letter(sender: SenderSettings, today: dt.date) -> Letter:
    """A blank concept letter with the sender's signatory and today's date."""
    return Letter(
        betreft="",
        datum=today,
        ondertekenaar_functie=sender.ondertekenaar_functie,
        ondertekenaar_naam=sender.ondertekenaar_naam,
        sections=[LetterSection(titel="Inleiding")],
    )


def parse_datum(text: str) -> dt.date | None:
    """The letter date (empty: none yet).

    Raises:
        InvalidInput: for text that is not a date.
    """
    return parse_date(text) if text.strip() else None


def parse_kamerstuk(text: str) -> KamerstukRef | None:
    """The letter's own Kamerstuk number, when it has one.

    Raises:
        InvalidInput: for text that is not a Kamerstuk number.
    """
    return KamerstukRef.parse(text) if text.strip() else None


def check_field(key: str, text: str) -> str:
    """The Dutch problem with one field's text, or ``""`` when it is fine."""
    try:
        if key == "betreft" and not text.strip():
            return "Vul het onderwerp van de brief in (Betreft)."
        if key == "datum":
            parse_datum(text)
        elif key == "kamerstuk":
            parse_kamerstuk(text)
        elif key == "template" and not text.strip():
            return "Kies een sjabloon."
    except InvalidInput as error:
        return str(error)
    return ""


def problems(content: DraftContent) -> dict[str, str]:
    """Every field that keeps the letter from being saved, with its message."""
    found = {key: check_field(key, content.meta.get(key, "")) for key in META_FIELDS}
    return {key: message for key, message in found.items() if message}


def _lenient(parse: Any, text: str) -> Any:
    try:
        return parse(text)
    except InvalidInput:
        return None


def to_letter(
    content: DraftContent,
    *,
    letter_id: int | None,
    version: int,
    status: str,
    strict: bool = True,
) -> Letter:
    """The letter the texts describe.

    Raises:
        InvalidInput: (strict only) for the first field that is not valid.
    """
    meta = content.meta
    if strict:
        found = problems(content)
        if found:
            raise InvalidInput(next(iter(found.values())))
        datum = parse_datum(meta["datum"])
        kamerstuk = parse_kamerstuk(meta["kamerstuk"])
    else:
        datum = _lenient(parse_datum, meta["datum"])
        kamerstuk = _lenient(parse_kamerstuk, meta["kamerstuk"])
    copied = content.copy()
    return Letter(
        betreft=meta["betreft"].strip(),
        kenmerk=meta["kenmerk"].strip() or None,
        datum=datum,
        geadresseerde=meta["geadresseerde"].strip("\n"),
        aanhef=meta["aanhef"].strip(),
        inleiding=meta["inleiding"],
        slot=meta["slot"],
        ondertekenaar_functie=meta["ondertekenaar_functie"].strip() or None,
        ondertekenaar_naam=meta["ondertekenaar_naam"].strip() or None,
        template=meta["template"].strip() or "voortgangsbrief",
        status=status,
        kamerstuk=kamerstuk,
        sections=copied.sections,
        motions=copied.motions,
        commitments=copied.commitments,
        convenant_ids=copied.convenant_ids,
        id=letter_id,
        version=version,
    )


# -- drafts on disk ---------------------------------------------------------------------------


def content_json(content: DraftContent, letter_id: int | None, version: int) -> str:
    """A draft as JSON (what autosave writes)."""
    data = {
        "formaat": DRAFT_FORMAT,
        "letter_id": letter_id,
        "version": version,
        "bewaard": dt.datetime.now().isoformat(timespec="seconds"),
        **asdict(content),
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


@dataclass(frozen=True)
class SavedDraft:
    """A draft read back from disk."""

    content: DraftContent
    letter_id: int | None
    version: int
    saved_at: dt.datetime | None


def content_from_json(text: str) -> SavedDraft:
    """Read a draft written by :func:`content_json`.

    Raises:
        InvalidInput: when the file is not a draft of this format.
    """
    try:
        data = json.loads(text)
        meta = dict.fromkeys(META_FIELDS, "")
        meta.update({k: str(v) for k, v in data["meta"].items() if k in META_FIELDS})
        content = DraftContent(
            meta=meta,
            sections=[LetterSection(**s) for s in data["sections"]],
            motions=[LetterMotion(**m) for m in data["motions"]],
            commitments=[LetterCommitment(**c) for c in data["commitments"]],
            convenant_ids=[int(i) for i in data["convenant_ids"]],
        )
        stamp = data.get("bewaard")
        return SavedDraft(
            content=content,
            letter_id=data.get("letter_id"),
            version=int(data.get("version", 1)),
            saved_at=dt.datetime.fromisoformat(stamp) if stamp else None,
        )
    except (ValueError, KeyError, TypeError) as error:
        raise InvalidInput(f"Het concept kan niet worden gelezen: {error}.") from error


class DraftFolder:
    """Autosaved drafts, one JSON file per letter (``nieuw.json`` for an unsaved one)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, letter_id: int | None) -> Path:
        """The draft file of a letter."""
        return self.folder / f"{letter_id if letter_id is not None else 'nieuw'}.json"

    def write(self, letter_id: int | None, content: DraftContent, version: int) -> Path:
        """Write a draft (completely, then replace the previous one)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path(letter_id)
        handle, temporary = tempfile.mkstemp(prefix=".concept-", dir=self.folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(content_json(content, letter_id, version))
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        return target

    def read(self, letter_id: int | None) -> SavedDraft | None:
        """The draft of a letter, if there is a readable one."""
        path = self.path(letter_id)
        try:
            return content_from_json(path.read_text(encoding="utf-8"))
        except (OSError, InvalidInput):
            return None

    def delete(self, letter_id: int | None) -> None:
        """Remove a letter's draft (after a clean save, or when the user discards it)."""
        with contextlib.suppress(OSError):
            self.path(letter_id).unlink()
