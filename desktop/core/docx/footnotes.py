"""Real Word footnotes (and hyperlinks) for python-docx 1.2 documents.

python-docx has no footnote API, so this module adds one, modelled on python-docx's own
comments support: oxml element classes for ``w:footnotes``/``w:footnote``, a
:class:`FootnotesPart` story part registered with the part factory, and a
:class:`Footnote` block-item container so a note gets ``add_paragraph()`` and runs.

Importing this module registers the element classes and the part class. That must happen
before a document (or template) that already contains footnotes is opened, otherwise
python-docx loads ``word/footnotes.xml`` as an opaque binary part.

Typical use::

    note = add_footnote(paragraph)
    note.paragraphs[0].add_run("Zie de bijlage.")
    add_hyperlink(note.paragraphs[0], "https://www.rijksoverheid.nl", "rijksoverheid.nl")
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Self, cast

from docx.blkcntnr import BlockItemContainer
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING, WD_UNDERLINE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement, parse_xml, register_element_cls
from docx.oxml.simpletypes import ST_DecimalNumber, ST_String
from docx.oxml.xmlchemy import (
    BaseOxmlElement,
    OptionalAttribute,
    RequiredAttribute,
    ZeroOrMore,
)
from docx.parts.document import DocumentPart
from docx.parts.story import StoryPart
from docx.shared import Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.text.run import Run

if TYPE_CHECKING:
    from docx.blkcntnr import BlockItemElement
    from docx.document import Document
    from docx.oxml.styles import CT_Style, CT_Styles
    from docx.oxml.table import CT_Tbl
    from docx.oxml.text.hyperlink import CT_Hyperlink
    from docx.oxml.text.paragraph import CT_P
    from docx.oxml.text.run import CT_R
    from docx.package import Package
    from docx.styles.style import BaseStyle
    from docx.text.paragraph import Paragraph

__all__ = [
    "CT_Footnote",
    "CT_FootnoteReference",
    "CT_Footnotes",
    "Footnote",
    "FootnotesPart",
    "add_footnote",
    "add_hyperlink",
    "ensure_footnote_styles",
    "footnotes_part",
    "hyperlink_style_id",
]

#: styleIds this module writes; Word's own (English) ids for these built-in styles.
FOOTNOTE_TEXT_STYLE_ID = "FootnoteText"
FOOTNOTE_REFERENCE_STYLE_ID = "FootnoteReference"
HYPERLINK_STYLE_ID = "Hyperlink"

#: Word's internal (language-independent) names of the same styles.
_FOOTNOTE_TEXT_NAME = "footnote text"
_FOOTNOTE_REFERENCE_NAME = "footnote reference"
_HYPERLINK_NAME = "Hyperlink"

_SEPARATOR_ID = -1
_CONTINUATION_SEPARATOR_ID = 0

# -- CT_Settings children that must follow `w:footnotePr` (ECMA-376 schema order, as in
# -- python-docx's CT_Settings._tag_seq, which is deleted from the class after use) --
_SETTINGS_FOOTNOTEPR_SUCCESSORS = (
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)

_DEFAULT_FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    f'<w:footnote w:type="separator" w:id="{_SEPARATOR_ID}">'
    "<w:p><w:r><w:separator/></w:r></w:p>"
    "</w:footnote>"
    f'<w:footnote w:type="continuationSeparator" w:id="{_CONTINUATION_SEPARATOR_ID}">'
    "<w:p><w:r><w:continuationSeparator/></w:r></w:p>"
    "</w:footnote>"
    "</w:footnotes>"
)


# ------------------------------------------------------------------------------------------
# oxml element classes
#
# -- named CT_* after the ECMA-376 complex types, like python-docx's own element classes --


class CT_Footnote(BaseOxmlElement):  # noqa: N801
    """`w:footnote` element, one note (a story, like a table cell or comment).

    The same tag is used for the special-note references inside `w:settings/w:footnotePr`;
    those elements get this class too, which is harmless because only `w:id` is read there.
    """

    # -- the metaclass turns these descriptors into typed properties; mypy cannot see
    # -- that, so the annotation states the property type and the ignore covers it --
    id: int = RequiredAttribute("w:id", ST_DecimalNumber)  # type: ignore[assignment]
    type: str | None = OptionalAttribute("w:type", ST_String)  # type: ignore[assignment]

    p = ZeroOrMore("w:p", successors=())
    tbl = ZeroOrMore("w:tbl", successors=())

    # -- type-declarations for methods added by the metaclass --
    add_p: Callable[[], CT_P]
    p_lst: list[CT_P]
    tbl_lst: list[CT_Tbl]
    _insert_tbl: Callable[[CT_Tbl], CT_Tbl]

    @property
    def inner_content_elements(self) -> list[CT_P | CT_Tbl]:
        """All `w:p` and `w:tbl` children of this note, in document order."""
        return cast("list[CT_P | CT_Tbl]", self.xpath("./w:p | ./w:tbl"))

    @property
    def is_normal(self) -> bool:
        """True for an ordinary note, False for separators and continuation notices."""
        return self.type in (None, "normal")


class CT_Footnotes(BaseOxmlElement):  # noqa: N801
    """`w:footnotes` element, the root element of the footnotes part."""

    footnote_lst: list[CT_Footnote]

    footnote = ZeroOrMore("w:footnote", successors=())


class CT_FootnoteReference(BaseOxmlElement):  # noqa: N801
    """`w:footnoteReference` element, the mark in the body that points at a note."""

    id: int = RequiredAttribute("w:id", ST_DecimalNumber)  # type: ignore[assignment]


register_element_cls("w:footnotes", CT_Footnotes)
register_element_cls("w:footnote", CT_Footnote)
register_element_cls("w:footnoteReference", CT_FootnoteReference)


# ------------------------------------------------------------------------------------------
# part and proxy


class FootnotesPart(StoryPart):
    """The `/word/footnotes.xml` part, holding every footnote of the document."""

    def __init__(
        self,
        partname: PackURI,
        content_type: str,
        element: CT_Footnotes,
        package: Package,
    ) -> None:
        super().__init__(partname, content_type, element, package)
        self._footnotes = element
        # -- styleIds to write; replaced by the template's own ids (localized Word uses
        # -- e.g. "Voetnoottekst") when the part is prepared --
        self.text_style_id = FOOTNOTE_TEXT_STYLE_ID
        self.reference_style_id = FOOTNOTE_REFERENCE_STYLE_ID
        # -- styles/settings/separators are checked once per session, not once per note --
        self._prepared = False
        # -- next free id plus the last `w:footnote` seen when it was computed; if the last
        # -- child changed behind our back, the id is recomputed instead of trusted --
        self._next_id: int | None = None
        self._last_footnote: CT_Footnote | None = None
        # -- skeletons of a new note and of a body reference run, built once with the
        # -- element API and deep-copied per note: building each from scratch costs
        # -- about 1 ms a note, a copy a few microseconds --
        self._templates: tuple[str, str, CT_Footnote, CT_R] | None = None

    @classmethod
    def default(cls, package: Package) -> Self:
        """A new footnotes part holding only the separator and continuation separator."""
        partname = PackURI("/word/footnotes.xml")
        element = cast(CT_Footnotes, parse_xml(_DEFAULT_FOOTNOTES_XML))
        return cls(partname, CT.WML_FOOTNOTES, element, package)

    @property
    def footnotes(self) -> list[Footnote]:
        """The normal notes (no separators), in the order they are stored."""
        return [Footnote(f, self) for f in self._footnotes.footnote_lst if f.is_normal]

    def get_footnote(self, footnote_id: int) -> Footnote | None:
        """The note with `footnote_id`, or None if there is none."""
        for footnote in self._footnotes.footnote_lst:
            if footnote.id == footnote_id:
                return Footnote(footnote, self)
        return None

    def add_footnote(self) -> Footnote:
        """Append a new note and return it; its first paragraph holds the note mark.

        The paragraph has the footnote-text style, a run with `w:footnoteRef` (Word draws
        the note number there) and a run with a single space. No body reference is added;
        use :func:`add_footnote` for that.
        """
        return Footnote(self.add_footnote_element(), self)

    def add_footnote_element(self) -> CT_Footnote:
        """Append a new note like :meth:`add_footnote` and return its element (no proxy)."""
        footnote = copy.deepcopy(self._template_elements()[0])
        footnote.id = self._take_next_id()
        self._footnotes.append(footnote)
        self._last_footnote = footnote
        return footnote

    def new_reference_run(self, footnote_id: int) -> CT_R:
        """A body run `<w:r>` in footnote-reference style pointing at `footnote_id`."""
        r = copy.deepcopy(self._template_elements()[1])
        reference = cast(CT_FootnoteReference, r[-1])
        reference.id = footnote_id
        return r

    def ensure_separators(self) -> None:
        """Add the separator (-1) and continuation separator (0) notes if missing."""
        ids = {f.id for f in self._footnotes.footnote_lst}
        if _CONTINUATION_SEPARATOR_ID not in ids:
            self._footnotes.insert(
                0, _separator_note(_CONTINUATION_SEPARATOR_ID, "continuationSeparator")
            )
        if _SEPARATOR_ID not in ids:
            self._footnotes.insert(0, _separator_note(_SEPARATOR_ID, "separator"))

    def _template_elements(self) -> tuple[CT_Footnote, CT_R]:
        """The note and reference-run skeletons for the current style ids."""
        key = (self.text_style_id, self.reference_style_id)
        if self._templates is None or self._templates[:2] != key:
            footnote = cast(CT_Footnote, OxmlElement("w:footnote"))
            footnote.id = 0  # -- placeholder, every copy gets its own id --
            p = footnote.add_p()
            p.style = self.text_style_id
            mark = p.add_r()
            mark.style = self.reference_style_id
            mark.append(OxmlElement("w:footnoteRef"))
            p.add_r().text = " "

            r = cast("CT_R", OxmlElement("w:r"))
            r.style = self.reference_style_id
            reference = cast(CT_FootnoteReference, OxmlElement("w:footnoteReference"))
            reference.id = 0
            r.append(reference)
            self._templates = (*key, footnote, r)
        return self._templates[2], self._templates[3]

    def _take_next_id(self) -> int:
        """Return a free note id and advance the counter.

        Only the first call (or a call after the XML was changed elsewhere) scans the
        notes; otherwise adding n notes would cost O(n^2).
        """
        try:
            last = self._footnotes[-1]
        except IndexError:
            last = None
        if self._next_id is None or last is not self._last_footnote:
            ids = [f.id for f in self._footnotes.footnote_lst]
            self._next_id = max([0, *ids]) + 1
        next_id = self._next_id
        self._next_id += 1
        return next_id


class Footnote(BlockItemContainer):
    """Proxy for one footnote, a block-item container like a table cell or comment.

    Add text with ``paragraphs[0].add_run()`` or further paragraphs with
    ``add_paragraph()``.
    """

    def __init__(self, footnote_elm: CT_Footnote, footnotes_part: FootnotesPart) -> None:
        # -- python-docx's BlockItemElement alias only names its own containers, but
        # -- CT_Footnote offers the same interface (add_p, p_lst, tbl_lst, _insert_tbl) --
        super().__init__(cast("BlockItemElement", footnote_elm), footnotes_part)
        self._footnote_elm = footnote_elm
        self._footnotes_part = footnotes_part

    @property
    def id(self) -> int:
        """The note's `w:id`, the value the body's `w:footnoteReference` points at."""
        return self._footnote_elm.id

    def add_paragraph(self, text: str = "", style: str | ParagraphStyle | None = None) -> Paragraph:
        """Append a paragraph to the note, in footnote-text style unless `style` is given."""
        paragraph = super().add_paragraph(text, style)
        if style is None:
            # -- set the id on the element: `paragraph.style = name` would need the name,
            # -- and a localized template only shares the id we resolved --
            paragraph._p.style = self._footnotes_part.text_style_id
        return paragraph


PartFactory.part_type_for[CT.WML_FOOTNOTES] = FootnotesPart


# ------------------------------------------------------------------------------------------
# public functions


def footnotes_part(document: Document) -> FootnotesPart:
    """Return the document's footnotes part, creating it (and what it needs) if absent.

    On first use in a session this also makes sure the separator notes, the footnote and
    hyperlink styles and `w:footnotePr` in settings.xml exist, so templates that already
    have a footnotes part but lack one of those still produce valid output.
    """
    return _footnotes_part_for(document.part)


def add_footnote(paragraph: Paragraph) -> Footnote:
    """Add a footnote reference at the end of `paragraph` and return the new note.

    The reference is its own run in the footnote-reference style. The note's first
    paragraph already holds the note mark and a space; add text runs to it.

    Raises:
        ValueError: if `paragraph` is not in the main document story (a header, footer,
            comment or another footnote cannot hold a footnote reference).
    """
    document_part = paragraph.part
    if not isinstance(document_part, DocumentPart):
        raise ValueError(
            "footnotes can only be referenced from the main document body, "
            f"not from {document_part.partname}"
        )
    part = _footnotes_part_for(document_part)
    note = part.add_footnote()
    paragraph._p.append(part.new_reference_run(note.id))
    return note


def hyperlink_style_id(document_part: DocumentPart) -> str:
    """The styleId of the document's "Hyperlink" character style, created when missing."""
    styles = document_part.styles.element
    style_id = _find_style_id(styles, HYPERLINK_STYLE_ID, _HYPERLINK_NAME, WD_STYLE_TYPE.CHARACTER)
    return style_id if style_id is not None else _add_hyperlink_style(styles)


def add_hyperlink(paragraph: Paragraph, url: str, text: str, style: str = "Hyperlink") -> None:
    """Append an external hyperlink showing `text` to `paragraph`.

    The relationship is created on `paragraph.part`, so a link in a footnote lands in
    `footnotes.xml.rels` and one in the body in `document.xml.rels`.

    Args:
        paragraph: Paragraph in any story (body, footnote, header, ...).
        url: The link target, stored as an external relationship.
        text: The visible link text; tabs and newlines become `w:tab`/`w:br`.
        style: Character style name or styleId. The default "Hyperlink" style is created
            when missing; any other style must already exist.

    Raises:
        KeyError: if `style` is not "Hyperlink" and the document has no such style.
    """
    part = paragraph.part
    styles = _document_part_of(part).styles.element
    # -- accept the UI name too ("Intense Emphasis"), as python-docx's own style lookup does
    name = BabelFish.ui2internal(style)
    style_id = _find_style_id(styles, style, name, WD_STYLE_TYPE.CHARACTER)
    if style_id is None:
        if style != HYPERLINK_STYLE_ID:
            raise KeyError(f"no character style named {style!r}")
        style_id = _add_hyperlink_style(styles)

    hyperlink = cast("CT_Hyperlink", OxmlElement("w:hyperlink"))
    hyperlink.rId = part.relate_to(url, RT.HYPERLINK, is_external=True)
    r = cast("CT_R", OxmlElement("w:r"))
    hyperlink.append(r)
    paragraph._p.append(hyperlink)
    run = Run(r, paragraph)
    run.text = text
    r.style = style_id


def ensure_footnote_styles(document: Document) -> None:
    """Add the footnote-text, footnote-reference and hyperlink styles when missing.

    Existing styles (found by styleId, or by Word's internal name as localized Word
    writes e.g. styleId "Voetnoottekst" for "footnote text") are left untouched.
    """
    _ensure_styles(document.part.styles.element)
    drop_stale_style_copy(document.part)


def drop_stale_style_copy(document_part: DocumentPart) -> None:
    """Remove the Word 2010 ``stylesWithEffects.xml`` copy of the styles, if related.

    python-docx's default template carries one; once styles are added to styles.xml
    (footnote styles, Header/Footer) its styles and docDefaults no longer match, and
    Word treats the mismatch as content to repair. The part is optional, so it goes.
    """
    rels = document_part.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            rels.pop(rel_id)


# ------------------------------------------------------------------------------------------
# helpers


def _footnotes_part_for(document_part: DocumentPart) -> FootnotesPart:
    """Get or create the footnotes part of `document_part` and prepare it once."""
    try:
        part = document_part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        part = FootnotesPart.default(document_part.package)
        document_part.relate_to(part, RT.FOOTNOTES)
    if not isinstance(part, FootnotesPart):
        # -- happens when the document was opened before this module was imported --
        raise TypeError(
            "footnotes part was loaded as an opaque part; import "
            "desktop.core.docx.footnotes before opening the document"
        )
    if not part._prepared:
        part.ensure_separators()
        text_id, reference_id, _ = _ensure_styles(document_part.styles.element)
        drop_stale_style_copy(document_part)
        part.text_style_id = text_id
        part.reference_style_id = reference_id
        _ensure_settings_footnote_pr(document_part.settings.element)
        part._prepared = True
    return part


def _document_part_of(part: StoryPart) -> DocumentPart:
    """The main document part of the package `part` belongs to (styles live there)."""
    if isinstance(part, DocumentPart):
        return part
    return cast(DocumentPart, part.package.main_document_part)


def _separator_note(footnote_id: int, note_type: str) -> CT_Footnote:
    """A special note: one paragraph with one run holding `w:<note_type>`, no note mark."""
    footnote = cast(CT_Footnote, OxmlElement("w:footnote"))
    footnote.type = note_type
    footnote.id = footnote_id
    footnote.add_p().add_r().append(OxmlElement(f"w:{note_type}"))
    return footnote


def _ensure_settings_footnote_pr(settings: BaseOxmlElement) -> None:
    """Make sure settings.xml names the separator notes in `w:footnotePr`.

    Word expects `<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/>`; the
    element goes after `w:hdrShapeDefaults` and before `w:endnotePr`/`w:compat`/....
    """
    footnote_pr = settings.find(qn("w:footnotePr"))
    if footnote_pr is None:
        footnote_pr = OxmlElement("w:footnotePr")
        settings.insert_element_before(footnote_pr, *_SETTINGS_FOOTNOTEPR_SUCCESSORS)
    present = {
        int(ref_id)
        for ref in footnote_pr.findall(qn("w:footnote"))
        if (ref_id := ref.get(qn("w:id"))) is not None
    }
    for special_id in (_SEPARATOR_ID, _CONTINUATION_SEPARATOR_ID):
        if special_id not in present:
            # -- w:footnote refs are the last children of CT_FtnDocProps, so append --
            ref = cast(CT_Footnote, OxmlElement("w:footnote"))
            ref.id = special_id
            footnote_pr.append(ref)


def _find_style_id(
    styles: CT_Styles, style_id: str, name: str, style_type: WD_STYLE_TYPE
) -> str | None:
    """The styleId of the style with `style_id`, else of the one named `name`, else None."""
    by_id = styles.get_by_id(style_id)
    if by_id is not None and by_id.type == style_type:
        return style_id
    by_name = styles.get_by_name(name)
    if by_name is not None and by_name.type == style_type and by_name.styleId:
        return by_name.styleId
    return None


def _ensure_styles(styles: CT_Styles) -> tuple[str, str, str]:
    """Resolve or create the three styles; return (text, reference, hyperlink) styleIds."""
    text_id = _find_style_id(
        styles, FOOTNOTE_TEXT_STYLE_ID, _FOOTNOTE_TEXT_NAME, WD_STYLE_TYPE.PARAGRAPH
    )
    if text_id is None:
        text_id = _add_footnote_text_style(styles)
    reference_id = _find_style_id(
        styles,
        FOOTNOTE_REFERENCE_STYLE_ID,
        _FOOTNOTE_REFERENCE_NAME,
        WD_STYLE_TYPE.CHARACTER,
    )
    if reference_id is None:
        reference_id = _add_footnote_reference_style(styles)
    hyperlink_id = _find_style_id(
        styles, HYPERLINK_STYLE_ID, _HYPERLINK_NAME, WD_STYLE_TYPE.CHARACTER
    )
    if hyperlink_id is None:
        hyperlink_id = _add_hyperlink_style(styles)
    return text_id, reference_id, hyperlink_id


def _new_style(styles: CT_Styles, style_type: WD_STYLE_TYPE, style_id: str, name: str) -> CT_Style:
    """Append an empty built-in style with an explicit styleId.

    `Styles.add_style()` derives the id from the name ("footnote text" becomes
    "footnotetext"), which Word and pandoc do not recognise, hence the element is built
    here.
    """
    style = cast("CT_Style", OxmlElement("w:style"))
    style.type = style_type
    style.styleId = style_id
    style.name_val = name
    styles.append(style)
    return style


def _default_paragraph_style_id(styles: CT_Styles) -> str | None:
    """The styleId of the default paragraph style ("Normal", or "Standaard" etc.)."""
    for style in styles.style_lst:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.default:
            return cast("str | None", style.styleId)
    return None


def _add_footnote_text_style(styles: CT_Styles) -> str:
    """Create the "footnote text" paragraph style: Normal, 7 pt on 9 pt, no gaps."""
    elm = _new_style(styles, WD_STYLE_TYPE.PARAGRAPH, FOOTNOTE_TEXT_STYLE_ID, _FOOTNOTE_TEXT_NAME)
    elm.basedOn_val = _default_paragraph_style_id(styles)
    _set_ui_flags(elm, semi_hidden=True)
    style = ParagraphStyle(elm)
    style.font.size = Pt(7)
    fmt = style.paragraph_format
    # -- Normal usually has space after; notes are stacked without gaps, 7 pt on 9 pt
    # -- leading like the house style's small text --
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    fmt.line_spacing = Pt(9)
    return FOOTNOTE_TEXT_STYLE_ID


def _add_footnote_reference_style(styles: CT_Styles) -> str:
    """Create the "footnote reference" character style: superscript."""
    elm = _new_style(
        styles,
        WD_STYLE_TYPE.CHARACTER,
        FOOTNOTE_REFERENCE_STYLE_ID,
        _FOOTNOTE_REFERENCE_NAME,
    )
    _set_ui_flags(elm, semi_hidden=True)
    CharacterStyle(elm).font.superscript = True
    return FOOTNOTE_REFERENCE_STYLE_ID


def _add_hyperlink_style(styles: CT_Styles) -> str:
    """Create the "Hyperlink" character style: single underline, blue 0563C1."""
    elm = _new_style(styles, WD_STYLE_TYPE.CHARACTER, HYPERLINK_STYLE_ID, _HYPERLINK_NAME)
    _set_ui_flags(elm, semi_hidden=False)
    font = CharacterStyle(elm).font
    font.underline = WD_UNDERLINE.SINGLE
    font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    return HYPERLINK_STYLE_ID


def _set_ui_flags(style: CT_Style, *, semi_hidden: bool) -> None:
    """Give a style Word's flags for built-in styles so it shows up once it is used."""
    proxy: BaseStyle = CharacterStyle(style)
    proxy.priority = 99
    proxy.hidden = semi_hidden
    proxy.unhide_when_used = True
