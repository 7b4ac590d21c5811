"""Rijkshuisstijl letter layout for python-docx: page, styles, headers, kenmerkenveld.

Page 1 carries the emblem and organisation name in its own header and a floating text
box (the kenmerkenveld) anchored in the first body paragraph; later pages repeat the
department and Onze referentie in a text box in the default header. LibreOffice 7.4
renders both placements (a box in the first-page header, framePr paragraphs and floating
header tables it does not), and Word reads them as standard DrawingML text boxes.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.section import Section
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from desktop.core.docx.footnotes import drop_stale_style_copy
from desktop.core.drafting.model import LetterMeta

FONT = "Verdana"
LANGUAGE = "nl-NL"
BODY_SIZE = Pt(9)
BODY_LEADING = Pt(12)
SMALL_SIZE = Pt(6.5)
SMALL_LEADING = Pt(9)

PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN_LEFT = Mm(24)
MARGIN_RIGHT = Mm(70)
MARGIN_TOP = Mm(45)
MARGIN_BOTTOM = Mm(25)
COLUMN_X = Mm(150)  # the reference column (kenmerkenveld)
COLUMN_WIDTH = Mm(45)
COLUMN_Y = Mm(45)
EMBLEM_WIDTH = Mm(13)

WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
VML_NS = "urn:schemas-microsoft-com:vml"
_shape_ids = itertools.count(1000)


def setup_page(section: Section) -> None:
    """A4 with the text column on the left and the reference column free on the right."""
    section.page_width = PAGE_WIDTH
    section.page_height = PAGE_HEIGHT
    section.left_margin = MARGIN_LEFT
    section.right_margin = MARGIN_RIGHT
    section.top_margin = MARGIN_TOP
    section.bottom_margin = MARGIN_BOTTOM
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _set_language(rpr_parent: object) -> None:
    rpr = rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)


def setup_language(document: Document) -> None:
    """Dutch (nl-NL) as the document's default language (docDefaults)."""
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}><w:rPrDefault/></w:docDefaults>")
        styles_element.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)
    rpr.append(lang)


def setup_styles(document: Document) -> None:
    """Verdana 9/12, Dutch language, headings as real Heading styles, lists and tables."""
    setup_language(document)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY_SIZE
    _set_language(normal.element)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attribute), FONT)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = BODY_LEADING
    fmt.space_before = Pt(0)
    fmt.space_after = BODY_LEADING
    fmt.widow_control = True

    for level in (1, 2, 3):
        heading = document.styles[f"Heading {level}"]
        heading.font.name = FONT
        heading.font.size = BODY_SIZE
        heading.font.bold = True
        heading.font.italic = level == 3
        heading.font.color.rgb = RGBColor(0, 0, 0)
        rfonts = heading.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attribute), FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            if rfonts.get(qn(theme)) is not None:
                del rfonts.attrib[qn(theme)]
        hfmt = heading.paragraph_format
        hfmt.space_before = Pt(0)
        hfmt.space_after = Pt(0)
        hfmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        hfmt.line_spacing = BODY_LEADING
        hfmt.keep_with_next = True

    for name in (
        "List Bullet",
        "List Bullet 2",
        "List Bullet 3",
        "List Number",
        "List Number 2",
        "List Number 3",
    ):
        list_style = document.styles[name]
        list_style.paragraph_format.space_after = Pt(0)

    for name, size, leading in (
        ("Header", SMALL_SIZE, SMALL_LEADING),
        ("Footer", SMALL_SIZE, SMALL_LEADING),
    ):
        style = document.styles[name]
        style.font.size = size
        style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        style.paragraph_format.line_spacing = leading
        style.paragraph_format.space_after = Pt(0)

    ensure_letter_styles(document)


def ensure_letter_styles(document: Document) -> None:
    """Add the letter's own styles (the kenmerkenveld) when the base document lacks them."""
    normal = document.styles["Normal"]
    for level in (1, 2, 3):
        document.styles[f"Heading {level}"].paragraph_format.keep_with_next = True
    if "Kenmerkenveld" not in [s.name for s in document.styles]:
        column = document.styles.add_style("Kenmerkenveld", WD_STYLE_TYPE.PARAGRAPH)
        column.base_style = normal
        column.font.size = SMALL_SIZE
        column.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        column.paragraph_format.line_spacing = SMALL_LEADING
        column.paragraph_format.space_after = Pt(0)


def set_properties(document: Document, meta: LetterMeta, *, template: str | None = None) -> None:
    """Title (the Betreft), subject, author, company, dates and Kenmerk/Datum properties."""
    from desktop.core.docx import properties
    from desktop.core.domain.user import current_user

    properties.set_properties(
        document,
        title=meta.betreft or meta.title,
        subject=meta.betreft or meta.title,
        author=meta.ondertekenaar_naam or current_user(),
        company=meta.afzender.ministerie,
        kenmerk=meta.kenmerk,
        datum=meta.datum,
        template=template,
    )


def finalise(document: Document) -> None:
    """Last touches before saving: VML fallbacks filled, drawing ids unique in the package.

    python-docx numbers a picture's ``wp:docPr/@id`` per part, so two headers with the
    emblem both carry id 1; Word requires ids unique across the whole document.
    """
    from docx.opc.part import XmlPart

    drop_stale_style_copy(document.part)
    next_id = 1
    for part in document.part.package.iter_parts():
        if not isinstance(part, XmlPart):
            continue
        element = part.element
        for alternate in element.iter(f"{{{MC_NS}}}AlternateContent"):
            choice = alternate.find(f"{{{MC_NS}}}Choice")
            fallback = alternate.find(f"{{{MC_NS}}}Fallback")
            if choice is None or fallback is None:
                continue
            source = choice.find(".//" + qn("w:txbxContent"))
            target = fallback.find(".//" + qn("w:txbxContent"))
            if source is None or target is None:
                continue
            copied = copy.deepcopy(source)
            target.getparent().replace(target, copied)
        in_header = "/header" in str(part.partname)
        for doc_pr in element.iter(qn("wp:docPr")):
            doc_pr.set("id", str(next_id))
            next_id += 1
            # -- every image has alternative text (a template's logo often has none) --
            if not (doc_pr.get("descr") or "").strip():
                doc_pr.set("descr", "Embleem" if in_header else "Afbeelding")


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """Insert a field (PAGE, NUMPAGES) as begin/instruction/separate/result/end runs."""

    def fld(kind: str) -> None:
        run = paragraph.add_run()
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._r.append(char)

    fld("begin")
    instr_run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    instr_run._r.append(instr)
    fld("separate")
    paragraph.add_run(placeholder)
    fld("end")


def _page_number_paragraph(paragraph: Paragraph) -> None:
    fmt = paragraph.paragraph_format
    fmt.left_indent = Emu(COLUMN_X - MARGIN_LEFT)
    fmt.right_indent = Emu(-(MARGIN_RIGHT - Mm(15)))
    paragraph.add_run("Pagina ")
    add_field(paragraph, "PAGE")
    paragraph.add_run(" van ")
    add_field(paragraph, "NUMPAGES")


def text_box(
    anchor: Paragraph, name: str, x: int, y: int, width: int, height: int
) -> list[Paragraph]:
    """A floating, borderless text box positioned on the page, anchored in ``anchor``.

    Returns an empty first paragraph inside the box; add more with :func:`box_paragraph`.
    """
    shape_id = next(_shape_ids)
    emu_per_pt = 12700
    vml_style = (
        f"position:absolute;margin-left:{int(x) / emu_per_pt:.1f}pt;"
        f"margin-top:{int(y) / emu_per_pt:.1f}pt;width:{int(width) / emu_per_pt:.1f}pt;"
        f"height:{int(height) / emu_per_pt:.1f}pt;z-index:{shape_id};"
        "mso-position-horizontal-relative:page;mso-position-vertical-relative:page"
    )
    # -- Word 2010+ and LibreOffice read the DrawingML text box (mc:Choice); older
    # -- readers fall back to the VML shape, whose content is copied in by finalise() --
    xml = f"""
<w:r {nsdecls("w", "wp", "a")} xmlns:wps="{WPS_NS}" xmlns:mc="{MC_NS}" xmlns:v="{VML_NS}">
 <mc:AlternateContent>
 <mc:Choice Requires="wps">
  <w:drawing>
    <wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{shape_id}"
        behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">
      <wp:simplePos x="0" y="0"/>
      <wp:positionH relativeFrom="page"><wp:posOffset>{int(x)}</wp:posOffset></wp:positionH>
      <wp:positionV relativeFrom="page"><wp:posOffset>{int(y)}</wp:posOffset></wp:positionV>
      <wp:extent cx="{int(width)}" cy="{int(height)}"/>
      <wp:effectExtent l="0" t="0" r="0" b="0"/>
      <wp:wrapNone/>
      <wp:docPr id="{shape_id}" name="{name}" descr="{name}"/>
      <wp:cNvGraphicFramePr/>
      <a:graphic>
        <a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
          <wps:wsp>
            <wps:cNvSpPr txBox="1"/>
            <wps:spPr>
              <a:xfrm><a:off x="0" y="0"/><a:ext cx="{int(width)}" cy="{int(height)}"/></a:xfrm>
              <a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
              <a:noFill/>
              <a:ln><a:noFill/></a:ln>
            </wps:spPr>
            <wps:txbx><w:txbxContent><w:p/></w:txbxContent></wps:txbx>
            <wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0"
                anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr>
          </wps:wsp>
        </a:graphicData>
      </a:graphic>
    </wp:anchor>
  </w:drawing>
 </mc:Choice>
 <mc:Fallback>
  <w:pict>
   <v:rect style="{vml_style}" filled="f" stroked="f">
    <v:textbox inset="0,0,0,0"><w:txbxContent><w:p/></w:txbxContent></v:textbox>
   </v:rect>
  </w:pict>
 </mc:Fallback>
 </mc:AlternateContent>
</w:r>"""
    run = parse_xml(xml)
    anchor._p.append(run)
    first = run.find(f".//{{{MC_NS}}}Choice//" + qn("w:txbxContent")).find(qn("w:p"))
    return [Paragraph(first, anchor._parent)]


def header_frame(
    after: Paragraph,
    lines: Iterable[tuple[str, bool]],
    x: int,
    y: int,
    width: int,
    height: int,
) -> None:
    """(text, bold) lines as a text frame on the page (``w:framePr``), before ``after``.

    For the reference column of later pages, in the header: LibreOffice (and so the PDF
    export) put a text box anchored there at the page's top left corner whenever the
    header is used on one page only, as in every two-page letter; a frame stands where
    it should in Word and LibreOffice alike.
    """
    twips = 635  # -- EMU per twip --
    # -- the frame goes before ``after``: a frame must be followed by a paragraph of its own
    # -- story (Word would draw the next paragraph into it; LibreOffice misplaces it) --
    previous: Paragraph | None = None
    for text, bold in lines:
        paragraph = Paragraph(OxmlElement("w:p"), after._parent)
        if previous is None:
            after._p.addprevious(paragraph._p)
        else:
            previous._p.addnext(paragraph._p)
        paragraph.style = "Kenmerkenveld"
        frame = OxmlElement(
            "w:framePr",
            {
                qn("w:w"): str(int(width) // twips),
                qn("w:h"): str(int(height) // twips),
                qn("w:hRule"): "exact",
                qn("w:wrap"): "none",
                qn("w:hAnchor"): "page",
                qn("w:vAnchor"): "page",
                qn("w:x"): str(int(x) // twips),
                qn("w:y"): str(int(y) // twips),
            },
        )
        style = paragraph._p.get_or_add_pPr().pStyle
        assert style is not None  # -- just set --
        style.addnext(frame)  # -- ECMA-376 order: w:pStyle, ..., w:framePr --
        if text:
            paragraph.add_run(text).bold = bold or None
        previous = paragraph


def box_paragraph(previous: Paragraph, style: str = "Kenmerkenveld") -> Paragraph:
    """Add a paragraph after ``previous`` inside the same text box."""
    element = OxmlElement("w:p")
    previous._p.addnext(element)
    paragraph = Paragraph(element, previous._parent)
    paragraph.style = style
    return paragraph


def fill_box(first: Paragraph, lines: Iterable[tuple[str, bool]]) -> None:
    """Write (text, bold) lines into a text box, one paragraph each."""
    current: Paragraph | None = None
    for text, bold in lines:
        paragraph = first if current is None else box_paragraph(current)
        paragraph.style = "Kenmerkenveld"
        if text:
            paragraph.add_run(text).bold = bold or None
        current = paragraph


def _emblem_paragraph(
    paragraph: Paragraph, emblem: Path | BinaryIO | None, organisation: str
) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # The Header style's exact leading would clip the picture; this line grows with it.
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.paragraph_format.left_indent = Emu(-(MARGIN_LEFT - Mm(10)))
    paragraph.paragraph_format.right_indent = Emu(-(MARGIN_RIGHT - Mm(10)))
    source: str | BinaryIO | None = None
    if isinstance(emblem, Path):
        source = str(emblem) if emblem.exists() else None
    elif emblem is not None:
        emblem.seek(0)
        source = emblem
    if source is not None:
        run = paragraph.add_run()
        run.add_picture(source, width=EMBLEM_WIDTH)
        doc_pr = run._r.find(".//" + qn("wp:docPr"))
        if doc_pr is not None:
            doc_pr.set("descr", f"Embleem {organisation}".strip())
    if organisation:
        text = paragraph.add_run(f"  {organisation}")
        text.font.size = Pt(9)


def reference_lines(meta: LetterMeta, *, first_page: bool) -> list[tuple[str, bool]]:
    """The lines of the reference column (kenmerkenveld)."""
    sender = meta.afzender
    lines: list[tuple[str, bool]] = []
    if sender.directie:
        lines.append((sender.directie, True))
    if first_page:
        lines += [(line, False) for line in sender.adres]
        if sender.website:
            lines.append((sender.website, False))
    if meta.kenmerk:
        lines += [("", False), ("Onze referentie", True), (meta.kenmerk, False)]
    if first_page and meta.bijlagen:
        lines += [("", False), ("Bijlage(n)", True), (str(meta.bijlagen), False)]
    return lines


def apply_letterhead(
    document: Document,
    meta: LetterMeta,
    emblem: Path | BinaryIO | None,
    first_body_paragraph: Paragraph,
) -> None:
    """Headers, footers and the kenmerkenveld of a letter."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    organisation = meta.afzender.ministerie
    _emblem_paragraph(section.first_page_header.paragraphs[0], emblem, organisation)
    later = section.header.paragraphs[0]
    _emblem_paragraph(later, emblem, organisation)
    later_lines = reference_lines(meta, first_page=False)
    if later_lines:
        header_frame(later, later_lines, COLUMN_X, COLUMN_Y, COLUMN_WIDTH, Mm(40))
    first_lines = reference_lines(meta, first_page=True)
    if first_lines:
        box = text_box(
            first_body_paragraph, "Kenmerkenveld", COLUMN_X, COLUMN_Y, COLUMN_WIDTH, Mm(80)
        )
        fill_box(box[0], first_lines)
    for footer in (section.first_page_footer, section.footer):
        _page_number_paragraph(footer.paragraphs[0])


def _has_text(part_element: object) -> bool:
    return any(
        (node.text or "").strip()
        for node in part_element.iter(qn("w:t"), qn("w:instrText"))  # type: ignore[attr-defined]
    ) or any(True for _ in part_element.iter(qn("w:drawing"), qn("w:pict")))  # type: ignore[attr-defined]


def apply_template_letterhead(
    document: Document, meta: LetterMeta, first_body_paragraph: Paragraph
) -> None:
    """Our kenmerkenveld and page numbers in a ministry template, which keeps its own
    headers (emblem, woordmerk) and footers.

    The reference column of later pages goes into the template's default header only
    when the template has a separate first-page header (otherwise it would stand on
    page 1 twice); page numbers only into footers the template leaves empty.
    """
    section = document.sections[0]
    first_lines = reference_lines(meta, first_page=True)
    if first_lines:
        box = text_box(
            first_body_paragraph, "Kenmerkenveld", COLUMN_X, COLUMN_Y, COLUMN_WIDTH, Mm(80)
        )
        fill_box(box[0], first_lines)
    later_lines = reference_lines(meta, first_page=False)
    if section.different_first_page_header_footer and later_lines:
        header = section.header
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        header_frame(paragraph, later_lines, COLUMN_X, COLUMN_Y, COLUMN_WIDTH, Mm(40))
    footers = [section.footer]
    if section.different_first_page_header_footer:
        footers.append(section.first_page_footer)
    for footer in footers:
        if not _has_text(footer._element):
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            _page_number_paragraph(paragraph)


def apply_plain_footer(document: Document) -> None:
    """House style without letterhead: page numbers only."""
    section = document.sections[0]
    _page_number_paragraph(section.footer.paragraphs[0])
