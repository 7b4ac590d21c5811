"""Read Tweede Kamer open-data files (OData v4 JSON pages, SyncFeed Atom) into raw entities.

Both formats are read incrementally: a JSON page's ``value`` array is decoded one entity at
a time and an Atom feed is parsed entry by entry, so a 100 MB download never becomes one
giant in-memory structure. Each entity becomes a :class:`RawEntity`: its scalar fields
(OData names, ``PascalCase``) and its links to other entities by id. Expanded navigation
properties (``$expand=Kamerstukdossier,Document,Besluit,ZaakActor``) become entities of
their own, linked to their parent; ``X_Id`` foreign keys and Atom ``ref`` elements become
links too. What the entities mean is decided elsewhere (:mod:`opendata_records`).

Errors are :class:`~desktop.core.errors.SourcedInputError` with a Dutch message naming the
file (and line where known): truncated JSON, an entity type Voortgang does not read,
non-UTF-8 text, a file that is neither JSON nor XML.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from desktop.core.errors import FileProblem, SourcedInputError

__all__ = [
    "ENTITY_TYPES",
    "NAVIGATION",
    "RawEntity",
    "read_open_data_file",
]

#: The entities Voortgang reads; anything else in a JSON page is the wrong entity.
ENTITY_TYPES = ("Zaak", "Kamerstukdossier", "Document", "Besluit", "ZaakActor", "Toezegging")

# Navigation properties (OData) and ref elements (Atom) that point at entities we read.
NAVIGATION = {
    "Zaak": "Zaak",
    "Kamerstukdossier": "Kamerstukdossier",
    "Document": "Document",
    "Besluit": "Besluit",
    "ZaakActor": "ZaakActor",
    "Toezegging": "Toezegging",
    "VervangenDoor": "Zaak",
    "VervangenVanuit": "Zaak",
}
# Atom element names of entities (the SyncFeed writes them in lowerCamelCase).
_XML_ENTITIES = {name[0].lower() + name[1:]: name for name in ENTITY_TYPES}
_TK_NAMESPACE = "http://www.tweedekamer.nl/xsd/tkData/v1-0"
_ATOM = "{http://www.w3.org/2005/Atom}"
_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"

CHUNK_SIZE = 1 << 20
_CONTEXT_ENTITY = re.compile(r"\$metadata#([A-Za-z]+)")

# What a page of each entity has that the others lack (for files saved without context).
_SIGNATURES: tuple[tuple[str, frozenset[str]], ...] = (
    ("Besluit", frozenset({"BesluitSoort", "BesluitTekst", "StemmingsSoort"})),
    ("ZaakActor", frozenset({"ActorNaam", "Relatie"})),
    ("Toezegging", frozenset({"DatumNakoming", "KamerbriefNakoming", "Ministerie"})),
    ("Document", frozenset({"DocumentNummer", "KenmerkAfzender"})),
    ("Kamerstukdossier", frozenset({"HoogsteVolgnummer", "Toevoeging", "Afgesloten"})),
    ("Zaak", frozenset({"Kabinetsappreciatie", "GestartOp", "Afgedaan", "Onderwerp"})),
)


@dataclass(slots=True)
class RawEntity:
    """One open-data record: scalar fields and links (navigation name → ids, in order)."""

    type: str
    id: str
    fields: dict[str, Any]
    links: dict[str, list[str]] = field(default_factory=dict)
    source: str = ""

    @property
    def deleted(self) -> bool:
        """True when the Kamer marked the record ``Verwijderd``."""
        value = self.fields.get("Verwijderd")
        return value is True or (isinstance(value, str) and value.strip().lower() == "true")


@dataclass(slots=True)
class FileResult:
    """What reading one file found besides its entities."""

    next_link: str | None = None
    other_entities: dict[str, int] = field(default_factory=dict)
    entities: int = 0
    # Expanded records without their own Id (given one from their parent, and used).
    without_id: dict[str, int] = field(default_factory=dict)
    # Top-level records without an Id (unusable: nothing to recognise them by next time).
    skipped_without_id: dict[str, int] = field(default_factory=dict)


#: Receives the entities of one record as read: a JSON record with everything expanded
#: under it (children before their parent, the record itself last), or one Atom entry.
Sink = Callable[[list[RawEntity]], None]
Progress = Callable[[int], None]


def _error(message: str, source: str, line: int | None = None) -> SourcedInputError:
    return SourcedInputError(message, source=source, line=line)


def _entity_type_of(record: dict[str, Any]) -> str | None:
    """Guess the entity of a record from its fields (JSON saved without ``@odata.context``)."""
    keys = set(record)
    for name, signature in _SIGNATURES:
        if keys & signature:
            return name
    # A "$select=Id,Nummer,Soort" subset of Zaak: its number is the giveaway.
    if isinstance(record.get("Nummer"), str) and _ZAAK_NUMMER.match(record["Nummer"]):
        return "Zaak"
    return None


_ZAAK_NUMMER = re.compile(r"^(?:19|20)[0-9]{2}Z[0-9]{5}$")


# -- JSON ---------------------------------------------------------------------------


class _JsonStream:
    """Incremental reader over a UTF-8 JSON text: values decoded one at a time."""

    def __init__(self, handle: BinaryIO, source: str, progress: Progress) -> None:
        self.handle = handle
        self.source = source
        self.progress = progress
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
        self.buffer = ""
        self.pos = 0
        self.eof = False
        self.bytes_read = 0
        self.lines_before = 0  # newlines in text already dropped from the buffer
        self._decoder = json.JSONDecoder()

    # -- buffer -----------------------------------------------------------------------

    def _line(self, pos: int | None = None) -> int:
        at = self.pos if pos is None else pos
        return self.lines_before + self.buffer.count("\n", 0, at) + 1

    def _fill(self, minimum: int = CHUNK_SIZE) -> bool:
        """Read at least ``minimum`` more bytes; False at the end of the file."""
        if self.eof:
            return False
        if self.pos > CHUNK_SIZE:
            # Drop what has been consumed so the buffer stays small.
            self.lines_before += self.buffer.count("\n", 0, self.pos)
            self.buffer = self.buffer[self.pos :]
            self.pos = 0
        data = self.handle.read(max(minimum, CHUNK_SIZE))
        self.bytes_read += len(data)
        self.progress(len(data))
        try:
            self.buffer += self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise _error(
                "Het bestand is geen UTF-8-tekst (de Tweede Kamer levert altijd UTF-8). "
                "Download het opnieuw of sla het op als UTF-8.",
                self.source,
                # -- the line of the bad byte: the lines decoded so far, plus those of this
                # -- chunk before it --
                self._line(len(self.buffer)) + data[: exc.start].count(b"\n"),
            ) from exc
        if not data:
            self.eof = True
        return bool(data)

    def skip_space(self) -> str:
        """Skip whitespace; return the next character ("" at the end)."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self._fill():
                return ""

    def expect(self, chars: str, what: str) -> str:
        char = self.skip_space()
        if not char:
            raise self.truncated()
        if char not in chars:
            raise _error(
                f"Ongeldige JSON: hier hoort {what} te staan, maar er staat ‘{char}’.",
                self.source,
                self._line(),
            )
        self.pos += 1
        return char

    def truncated(self) -> SourcedInputError:
        return _error(
            "Het bestand is afgebroken: de JSON houdt midden in een gegeven op. "
            "Download het opnieuw; er is niets geïmporteerd.",
            self.source,
            self._line(len(self.buffer)),
        )

    def value(self) -> Any:
        """Decode the next JSON value."""
        if not self.skip_space():
            raise self.truncated()
        while True:
            try:
                result, end = self._decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as exc:
                near_end = exc.pos >= len(self.buffer) - 64
                if not self.eof and (near_end or exc.msg.startswith("Unterminated")):
                    self._fill(len(self.buffer) - self.pos)
                    continue
                ran_out = exc.pos >= len(self.buffer.rstrip())
                if self.eof and (ran_out or exc.msg.startswith("Unterminated")):
                    raise self.truncated() from exc
                raise _error(
                    f"Ongeldige JSON ({exc.msg}, kolom {exc.colno}).",
                    self.source,
                    self._line(exc.pos),
                ) from exc
            if end == len(self.buffer) and not self.eof:
                # A number or literal may continue in the next chunk: read on and retry.
                self._fill()
                continue
            self.pos = end
            return result

    def at_end(self) -> bool:
        return self.skip_space() == ""


# What _flatten does with a key of a record (bits), decided once per entity type and key.
_FIELD, _LINK, _NAVIGATE = 1, 2, 4
_ACTIONS: dict[tuple[str, frozenset[str] | None], dict[str, tuple[int, str]]] = {}

Keep = Mapping[str, frozenset[str]]


def _action(
    table: dict[str, tuple[int, str]], key: str, wanted: frozenset[str] | None
) -> tuple[int, str]:
    """``_FIELD``: a scalar value is kept; ``_LINK``: a foreign key (``Zaak_Id``) is a link;
    ``_NAVIGATE``: an object or list under it holds expanded entities of that type."""
    field = _FIELD if wanted is None or key in wanted else 0
    if key.startswith("@") or "@odata." in key:
        found = (0, "")
    elif key in NAVIGATION:
        found = (_NAVIGATE | field, NAVIGATION[key])
    elif key.endswith("_Id"):
        found = (_LINK | field, sys.intern(key[:-3]))
    else:
        found = (field, sys.intern(key))  # one copy of each field name, for all records
    if len(table) < 10_000:  # a file with endless different keys does not grow it
        table[key] = found
    return found


def _flatten(
    kind: str,
    record: dict[str, Any],
    source: str,
    unit: list[RawEntity],
    result: FileResult,
    keep: Keep | None,
    fallback_id: str | None = None,
) -> str | None:
    """Turn one (possibly expanded) OData record into entities; returns its id.

    An expanded record without its own ``Id`` (a ``$select`` that left it out) is used
    under an id made from its parent's and its place (``<parent>/ZaakActor/0``), the same
    on every import, and counted in ``result.without_id`` for a warning; a top-level
    record without one cannot be recognised again and is counted in
    ``result.skipped_without_id``. With ``keep`` only those scalar fields of each entity
    type are kept (links always).
    """
    identifier = record.get("Id")
    if not isinstance(identifier, str) or not identifier:
        if fallback_id is None:
            result.skipped_without_id[kind] = result.skipped_without_id.get(kind, 0) + 1
            return None
        identifier = fallback_id
        result.without_id[kind] = result.without_id.get(kind, 0) + 1
    fields: dict[str, Any] = {"Id": identifier}
    links: dict[str, list[str]] = {}
    wanted = None if keep is None else keep.get(kind, frozenset())
    table = _ACTIONS.get((kind, wanted))
    if table is None:
        table = _ACTIONS[(kind, wanted)] = {}
    for key, value in record.items():
        what, name = table.get(key) or _action(table, key, wanted)
        if not what:
            continue
        type_ = type(value)
        if type_ is dict:
            if what & _NAVIGATE:
                child = _flatten(name, value, source, unit, result, keep, f"{identifier}/{key}/0")
                if child:
                    links.setdefault(key, []).append(child)
        elif type_ is list:
            if what & _NAVIGATE:
                for position, item in enumerate(value):
                    if type(item) is dict:
                        child = _flatten(
                            name, item, source, unit, result, keep, f"{identifier}/{key}/{position}"
                        )
                        if child:
                            links.setdefault(key, []).append(child)
        else:
            if what & _FIELD:
                fields[name if what == _FIELD else key] = value
            if what & _LINK and type_ is str and value:
                links.setdefault(name, []).append(value)
    unit.append(RawEntity(kind, identifier, fields, links, source))
    return identifier


def _read_json(
    handle: BinaryIO, source: str, sink: Sink, progress: Progress, keep: Keep | None
) -> FileResult:
    stream = _JsonStream(handle, source, progress)
    result = FileResult()
    page_type: str | None = None

    def take(record: Any) -> None:
        if not isinstance(record, dict):
            raise _error(
                "Dit is geen pagina van de open data van de Tweede Kamer: de lijst ‘value’ "
                "bevat geen records.",
                source,
            )
        kind = page_type or _entity_type_of(record)
        if kind not in ENTITY_TYPES:
            raise _wrong_entity(kind, source, record)
        unit: list[RawEntity] = []
        if _flatten(kind, record, source, unit, result, keep):
            result.entities += 1
            sink(unit)

    first = stream.skip_space()
    if not first:
        raise _error("Het bestand is leeg.", source)
    if first == "[":
        stream.pos += 1
        _read_array(stream, take)
    elif first == "{":
        stream.pos += 1
        meta: dict[str, Any] = {}
        if stream.skip_space() == "}":
            stream.pos += 1
        else:
            while True:
                key = stream.value()
                if not isinstance(key, str):
                    raise _error("Ongeldige JSON: een sleutel hoort tekst te zijn.", source)
                stream.expect(":", "een dubbele punt")
                if key == "@odata.context" and stream.skip_space() == '"':
                    meta[key] = stream.value()
                    match = _CONTEXT_ENTITY.search(str(meta[key]))
                    page_type = match.group(1) if match else None
                    if page_type is not None and page_type not in ENTITY_TYPES:
                        raise _wrong_entity(page_type, source)
                elif key == "value" and stream.skip_space() == "[":
                    stream.pos += 1
                    _read_array(stream, take)
                    meta["value"] = True
                else:
                    meta[key] = stream.value()
                if stream.expect(",}", "een komma of ‘}’") == "}":
                    break
        if "value" not in meta:
            record = {k: v for k, v in meta.items() if not k.startswith("@")}
            if "Id" in meta or (page_type or _entity_type_of(record)) in ENTITY_TYPES:
                # A single entity (``Zaak(<id>)?$expand=...``) rather than a page.
                take(record)
            elif "error" in meta:
                raise _error(
                    "Dit is een foutmelding van de open-datadienst, geen gegevens: "
                    f"{_error_text(meta['error'])}",
                    source,
                )
            else:
                raise _error(
                    "Dit is geen pagina van de open data van de Tweede Kamer: de lijst "
                    "‘value’ met records ontbreekt.",
                    source,
                )
        next_link = meta.get("@odata.nextLink")
        result.next_link = next_link if isinstance(next_link, str) else None
    else:
        raise _not_open_data(source)
    if not stream.at_end():
        raise _error(
            "Na het einde van de JSON staat nog tekst; is het bestand beschadigd?",
            source,
            stream._line(),
        )
    return result


def _error_text(error: Any) -> str:
    if isinstance(error, dict):
        return str(error.get("message") or error.get("code") or error)[:200]
    return str(error)[:200]


def _read_array(stream: _JsonStream, take: Callable[[Any], None]) -> None:
    if stream.skip_space() == "]":
        stream.pos += 1
        return
    while True:
        take(stream.value())
        if stream.expect(",]", "een komma of ‘]’") == "]":
            return


def _wrong_entity(
    kind: str | None, source: str, record: dict[str, Any] | None = None
) -> SourcedInputError:
    known = ", ".join(ENTITY_TYPES[:-1]) + " en " + ENTITY_TYPES[-1]
    what = f"‘{kind}’-gegevens" if kind else "gegevens die Voortgang niet herkent"
    if kind is None and record:
        names = [key for key in record if not key.startswith("@")][:6]
        what += " (records met de velden " + ", ".join(names) + ")"
    return _error(
        f"Dit bestand bevat {what}. Voortgang leest {known} (moties uit Zaak met Soort "
        "‘Motie’, toezeggingen uit Toezegging). Er is niets geïmporteerd.",
        source,
    )


def _not_open_data(source: str) -> SourcedInputError:
    return _error(
        "Dit is geen bestand met open data van de Tweede Kamer: verwacht wordt JSON van de "
        "OData-dienst of een Atom-feed (XML) van de SyncFeed.",
        source,
    )


# -- Atom (SyncFeed) ----------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attribute(element: ET.Element, name: str) -> str | None:
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _xml_entity(element: ET.Element, kind: str, source: str) -> RawEntity | None:
    identifier = element.get("id")
    if not identifier:
        return None
    fields: dict[str, Any] = {"Id": identifier}
    deleted = _attribute(element, "verwijderd")
    if deleted is not None:
        fields["Verwijderd"] = deleted.strip().lower() == "true"
    updated = _attribute(element, "bijgewerkt")
    if updated:
        fields["GewijzigdOp"] = updated
    links: dict[str, list[str]] = {}
    for child in element:
        name = _local(child.tag)
        key = sys.intern(name[:1].upper() + name[1:])
        reference = child.get("ref")
        if reference is not None:
            links.setdefault(key, []).append(reference)
        elif len(child) == 0:
            if child.get(_XSI_NIL) == "true":
                fields[key] = None
            else:
                fields[key] = (child.text or "").strip()
    return RawEntity(kind, identifier, fields, links, source)


def _read_atom(handle: BinaryIO, source: str, sink: Sink, progress: Progress) -> FileResult:
    result = FileResult()
    stack: list[str] = []
    root: ET.Element | None = None

    class _Counting:
        def read(self, size: int = -1) -> bytes:
            data = handle.read(size if size and size > 0 else CHUNK_SIZE)
            progress(len(data))
            return data

    try:
        for event, element in ET.iterparse(_Counting(), events=("start", "end")):
            if event == "start":
                if root is None:
                    root = element
                    if element.tag != f"{_ATOM}feed" and _local(element.tag) not in _XML_ENTITIES:
                        raise _error(
                            "Dit XML-bestand is geen Atom-feed van de SyncFeed van de Tweede "
                            f"Kamer (het begint met ‘{_local(element.tag)}’).",
                            source,
                        )
                stack.append(element.tag)
                continue
            stack.pop()
            parent = stack[-1] if stack else None
            if element.tag == f"{_ATOM}link" and parent == f"{_ATOM}feed":
                if element.get("rel") == "next":
                    result.next_link = element.get("href")
            elif element.tag.startswith("{" + _TK_NAMESPACE) and parent in (
                f"{_ATOM}content",
                None,
            ):
                name = _local(element.tag)
                kind = _XML_ENTITIES.get(name)
                if kind is None:
                    label = name[:1].upper() + name[1:]
                    result.other_entities[label] = result.other_entities.get(label, 0) + 1
                else:
                    entity = _xml_entity(element, kind, source)
                    if entity is not None:
                        sink([entity])
                        result.entities += 1
            if element.tag == f"{_ATOM}entry" and root is not None:
                # Entries are handled: free them (the standard iterparse memory idiom).
                root.clear()
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        if "no element found" in str(exc) or "unclosed token" in str(exc):
            raise _error(
                "Het bestand is afgebroken: de XML houdt midden in een gegeven op. Download "
                "het opnieuw; er is niets geïmporteerd.",
                source,
                line,
            ) from exc
        raise _error(f"Ongeldige XML ({exc}).", source, line) from exc
    return result


# -- entry point ----------------------------------------------------------------------------


def _sniff(handle: BinaryIO) -> bytes:
    head = handle.read(4096)
    handle.seek(0)
    return head


def read_open_data_file(
    path: Path, sink: Sink, progress: Progress | None = None, *, keep: Keep | None = None
) -> FileResult:
    """Read one OData JSON page or SyncFeed Atom file, passing every entity to ``sink``.

    Args:
        path: The file.
        sink: Receives the :class:`RawEntity` of each record, one record at a time (a
            list: expanded children before their parent, the record itself last).
        progress: Called with the number of bytes read since the previous call.
        keep: The scalar fields to keep of each entity type (JSON; the others are
            dropped as they are read); all by default.

    Raises:
        FileProblem: when the file cannot be opened.
        SourcedInputError: when the file is not open data Voortgang can read.
    """
    name = path.name
    report: Progress = progress or (lambda _count: None)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise FileProblem.reading(name, exc) from exc
    with handle:
        head = _sniff(handle)
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not stripped:
            raise _error("Het bestand is leeg.", name)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise _error(
                "Het bestand is UTF-16-tekst; de Tweede Kamer levert UTF-8. Download het "
                "opnieuw of sla het op als UTF-8.",
                name,
            )
        if stripped[:1] in (b"{", b"["):
            return _read_json(handle, name, sink, report, keep)
        if stripped[:1] == b"<":
            return _read_atom(handle, name, sink, report)
        if stripped.startswith(b"PK\x03\x04"):
            raise _error(
                "Dit is een zip- of Office-bestand. Pak het uit en importeer de JSON- of "
                "XML-bestanden die erin zitten.",
                name,
            )
        raise _not_open_data(name)
