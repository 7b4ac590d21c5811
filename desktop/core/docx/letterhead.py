"""The ministry's letterhead: its own Word template (.dotx/.docx) or an emblem image.

A template is checked before it is stored or used: it must be a Word document or template
(a zip package with a WordprocessingML main part), not encrypted or password-protected
(an OLE compound file), not macro-enabled (.dotm/.docm or a ``vbaProject.bin``), and
without fields or content controls Voortgang cannot fill. A .dotx (content type
``template.main+xml``) is read as a normal document, so the export is a .docx.

Used as the base of a letter, the template keeps its styles, its headers and footers
(emblem, woordmerk), its page size and margins; its body is emptied and our content is
placed into it. Styles the writer needs and the template lacks are copied in from
python-docx's default template.
"""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from desktop.core.errors import FileProblem, InvalidInput

TEMPLATE_SUFFIXES = (".dotx", ".docx")
MACRO_SUFFIXES = (".dotm", ".docm")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_LETTERHEAD_BYTES = 20 * 1024 * 1024

CT_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_CONTENT_TYPE = "application/vnd.ms-word."
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: fields Word fills itself when the letter is opened (page numbers, dates)
_SELF_FILLING_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES", "DATE", "TIME", "STYLEREF"}

#: styles the letter writer uses; copied from python-docx's template when missing
REQUIRED_STYLES = (
    "Normal",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "List Bullet 2",
    "List Bullet 3",
    "List Number",
    "List Number 2",
    "List Number 3",
    "Table Grid",
    "Header",
    "Footer",
)


@dataclass(frozen=True, slots=True)
class Letterhead:
    """A checked letterhead file: ``sjabloon`` (Word template) or ``embleem`` (image)."""

    soort: str
    bestandsnaam: str
    inhoud: bytes

    @property
    def is_template(self) -> bool:
        """True for a Word template, False for an emblem image."""
        return self.soort == "sjabloon"


def _image_kind(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    return None


def read_letterhead_file(path: Path) -> Letterhead:
    """Read and check a letterhead file (template or emblem image).

    Raises:
        FileProblem: when the file cannot be read.
        InvalidInput: when it is no usable Word template or PNG/JPEG image (Dutch message).
    """
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_LETTERHEAD_BYTES:
            raise InvalidInput(
                f"{name} is groter dan {MAX_LETTERHEAD_BYTES // (1024 * 1024)} MB; "
                "dat is geen briefsjabloon of embleem."
            )
        data = path.read_bytes()
    except OSError as error:
        raise FileProblem(f"{path} kan niet worden gelezen: {error.strerror or error}.") from error
    return check_letterhead(name, data)


def check_letterhead(name: str, data: bytes) -> Letterhead:
    """Check letterhead bytes by kind (see :func:`read_letterhead_file`)."""
    suffix = Path(name).suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        if _image_kind(data) is None:
            raise InvalidInput(f"{name} is geen PNG- of JPEG-afbeelding; kies een ander embleem.")
        return Letterhead("embleem", name, data)
    if suffix in MACRO_SUFFIXES:
        raise InvalidInput(
            f"{name} is een Word-bestand met macro's ({suffix}). Voortgang gebruikt geen "
            "sjablonen met macro's; sla het sjabloon in Word op als .dotx (zonder macro's)."
        )
    if suffix not in TEMPLATE_SUFFIXES:
        raise InvalidInput(
            f"{name}: kies een Word-sjabloon (.dotx of .docx) of een embleem (.png of .jpg)."
        )
    template_document(Letterhead("sjabloon", name, data))  # raises on every problem
    return Letterhead("sjabloon", name, data)


def _as_document_package(name: str, data: bytes) -> bytes:
    """The package with a .dotx main part declared as a document (so python-docx opens it)."""
    if data.startswith(_OLE_MAGIC):
        raise InvalidInput(
            f"{name} is beveiligd met een wachtwoord of versleuteld (of een oud .dot-bestand). "
            "Voortgang kan zo'n sjabloon niet lezen; sla het in Word op als .dotx zonder "
            "wachtwoord."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        content_types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise InvalidInput(f"{name} is geen Word-bestand (geen .dotx of .docx).") from error
    if any(n.lower().endswith("vbaproject.bin") for n in names) or (
        _MACRO_CONTENT_TYPE.encode() in content_types and b"macroEnabled" in content_types
    ):
        raise InvalidInput(
            f"{name} bevat macro's. Voortgang gebruikt geen sjablonen met macro's; sla het "
            "sjabloon in Word op als .dotx (zonder macro's)."
        )
    if CT_TEMPLATE.encode() not in content_types and CT_DOCUMENT.encode() not in content_types:
        raise InvalidInput(f"{name} is geen Word-document of -sjabloon.")
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            content = archive.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(CT_TEMPLATE.encode(), CT_DOCUMENT.encode())
            target.writestr(info.filename, content)
    return output.getvalue()


def _unfillable(element: etree._Element) -> list[str]:
    """Fields and content controls in a part that Voortgang cannot fill."""
    problems: list[str] = []
    instructions = ["".join(node.itertext()) for node in element.iter(f"{_W}instrText")] + [
        node.get(f"{_W}instr") or "" for node in element.iter(f"{_W}fldSimple")
    ]
    for instruction in instructions:
        words = instruction.strip().split()
        if words and words[0].upper() not in _SELF_FILLING_FIELDS:
            problems.append(f"veld {words[0].upper()}")
    for sdt in element.iter(f"{_W}sdt"):
        properties = sdt.find(f"{_W}sdtPr")
        # -- building-block galleries (page numbers in a footer) are fine --
        if properties is not None and properties.find(f"{_W}docPartObj") is not None:
            continue
        alias = properties.find(f"{_W}alias") if properties is not None else None
        label = alias.get(f"{_W}val") if alias is not None else None
        problems.append(f"invulveld ‘{label}’" if label else "invulveld (inhoudsbesturing)")
    return problems


def template_document(letterhead: Letterhead) -> Document:
    """Open a checked template as a python-docx document with an empty body.

    Raises:
        InvalidInput: when the template cannot be used (Dutch message).
    """
    import desktop.core.docx.footnotes  # noqa: F401  (registers the footnotes part first)

    name = letterhead.bestandsnaam
    package = _as_document_package(name, letterhead.inhoud)
    try:
        document = docx.Document(io.BytesIO(package))
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise InvalidInput(
            f"{name} kan niet als Word-sjabloon worden gelezen ({type(error).__name__})."
        ) from error
    problems: list[str] = []
    body = document.element.body
    problems += _unfillable(body)
    section = document.sections[0]
    for header_footer in (
        section.header,
        section.first_page_header,
        section.footer,
        section.first_page_footer,
    ):
        if not header_footer.is_linked_to_previous:
            problems += _unfillable(header_footer._element)
    if problems:
        unique = list(dict.fromkeys(problems))
        raise InvalidInput(
            f"{name} bevat velden die Voortgang niet kan invullen: {', '.join(unique[:5])}. "
            "Verwijder die uit het sjabloon (of vervang ze door gewone tekst) en probeer "
            "het opnieuw."
        )
    # -- the body is emptied; the last section properties (page, headers) stay --
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    if len(document.sections) > 1:
        raise InvalidInput(f"{name} heeft meer dan één sectie; gebruik een sjabloon met één.")
    _add_missing_styles(document)
    return document


def _add_missing_styles(document: Document) -> None:
    """Copy styles the writer needs (and their numbering) from python-docx's template."""
    present = {style.name for style in document.styles}
    missing = [name for name in REQUIRED_STYLES if name not in present]
    if not missing:
        return
    default = docx.Document()
    target_styles = document.styles.element
    numbering = document.part.numbering_part.element
    default_numbering = default.part.numbering_part.element
    for name in missing:
        source = default.styles[name].element
        clone = copy.deepcopy(source)
        num_pr = clone.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            num_id = num_pr.find(qn("w:numId"))
            if num_id is not None:
                old_id = int(num_id.get(qn("w:val")) or 0)
                new_id = _copy_numbering(default_numbering, numbering, old_id)
                num_id.set(qn("w:val"), str(new_id))
        target_styles.append(clone)


def _copy_numbering(source: etree._Element, target: etree._Element, num_id: int) -> int:
    """Copy a w:num and its abstract numbering into ``target``; returns the new numId."""
    num = next(
        (n for n in source.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id)), None
    )
    if num is None:
        return num_id
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a
        for a in source.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    used_abstract = [int(a.get(qn("w:abstractNumId"))) for a in target.findall(qn("w:abstractNum"))]
    used_num = [int(n.get(qn("w:numId"))) for n in target.findall(qn("w:num"))]
    new_abstract = max([0, *used_abstract]) + 1
    new_num = max([0, *used_num]) + 1
    abstract_copy = copy.deepcopy(abstract)
    abstract_copy.set(qn("w:abstractNumId"), str(new_abstract))
    for child in list(abstract_copy):
        if child.tag == qn("w:nsid"):
            abstract_copy.remove(child)
    existing_abstracts = target.findall(qn("w:abstractNum"))
    if existing_abstracts:
        existing_abstracts[-1].addnext(abstract_copy)
    else:
        target.insert(0, abstract_copy)
    num_copy = copy.deepcopy(num)
    num_copy.set(qn("w:numId"), str(new_num))
    num_copy.find(qn("w:abstractNumId")).set(qn("w:val"), str(new_abstract))
    target.append(num_copy)
    return new_num


def emblem_stream(letterhead: Letterhead | None) -> io.BytesIO | None:
    """The emblem image of an ``embleem`` letterhead as a stream for python-docx."""
    if letterhead is None or letterhead.is_template:
        return None
    return io.BytesIO(letterhead.inhoud)


def describe(letterhead: Letterhead | None) -> str:
    """A one-line Dutch description for ``letterhead show`` and the settings page."""
    if letterhead is None:
        return "Geen briefhoofd ingesteld: de naam van het ministerie staat als tekst bovenaan."
    size = len(letterhead.inhoud)
    shown = f"{size / 1024:.0f} kB" if size >= 1024 else f"{size} bytes"
    if letterhead.is_template:
        return f"Word-sjabloon {letterhead.bestandsnaam} ({shown})"
    return f"Embleem {letterhead.bestandsnaam} ({shown})"
