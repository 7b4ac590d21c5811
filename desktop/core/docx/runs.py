"""WordprocessingML paragraphs and runs built with lxml directly, for the writer's hot loop.

python-docx builds every element by parsing a string (``OxmlElement``), finds insertion
points by scanning siblings, and looks styles up by name on each call; for a long letter
that is most of the export time. These helpers append the same elements with lxml's
``SubElement`` (the parent's document keeps python-docx's element classes) and produce
exactly the XML python-docx would: text still goes in as element text, never as markup.
"""

from __future__ import annotations

from typing import cast

from docx.oxml.ns import nsmap, qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from lxml.etree import SubElement, _Element

_W = nsmap["w"]
P = f"{{{_W}}}p"
_PPR = f"{{{_W}}}pPr"
_PSTYLE = f"{{{_W}}}pStyle"
_R = f"{{{_W}}}r"
_RPR = f"{{{_W}}}rPr"
_RSTYLE = f"{{{_W}}}rStyle"
_T = f"{{{_W}}}t"
_B = f"{{{_W}}}b"
_I = f"{{{_W}}}i"
_BR = f"{{{_W}}}br"
_HYPERLINK = f"{{{_W}}}hyperlink"
_NUMPR = f"{{{_W}}}numPr"
_IND = f"{{{_W}}}ind"
_LEFT = qn("w:left")
_ILVL = f"{{{_W}}}ilvl"
_NUMID = f"{{{_W}}}numId"
_VAL = qn("w:val")
_R_ID = qn("r:id")
_XML_SPACE = qn("xml:space")


def _plain(value: str) -> bool:
    """No tab or line break, which python-docx turns into w:tab / w:br (substring tests
    are C loops; ``frozenset.isdisjoint`` walks the string in Python objects)."""
    return "\t" not in value and "\n" not in value and "\r" not in value


def _styled(p: _Element, style_id: str | None) -> CT_P:
    if style_id is not None:
        SubElement(SubElement(p, _PPR), _PSTYLE, {_VAL: style_id})
    return cast(CT_P, p)


def paragraph_before(anchor: _Element, style_id: str | None = None) -> CT_P:
    """A new ``w:p`` just before ``anchor`` (the body's ``w:sectPr``), optionally styled."""
    parent = anchor.getparent()
    assert parent is not None
    p = SubElement(parent, P)
    # -- created in the parent's document (so namespaces and element classes are the
    # -- tree's own), then moved into place: O(1), unlike python-docx's sibling scan --
    anchor.addprevious(p)
    return _styled(p, style_id)


def paragraph_in(parent: _Element, style_id: str | None = None) -> CT_P:
    """A new ``w:p`` appended to ``parent`` (a footnote), optionally styled."""
    return _styled(SubElement(parent, P), style_id)


def indented(p: _Element, left: int) -> None:
    """Indent ``p`` (just made by :func:`paragraph_before`) by ``left`` EMU from the left."""
    properties = p.find(_PPR)
    if properties is None:
        properties = SubElement(p, _PPR)
        p.insert(0, properties)
    # -- w:ind follows w:pStyle and w:numPr (ECMA-376 order); a fresh paragraph has no more --
    SubElement(properties, _IND, {_LEFT: str(int(left) // 635)})


def numbered(p: _Element, num_id: int) -> None:
    """List numbering ``num_id`` (level 0) for ``p``, a paragraph just made by
    :func:`paragraph_before` with a style: its ``w:pPr`` holds only ``w:pStyle``, which
    ``w:numPr`` follows (ECMA-376 order), as python-docx's ``get_or_add_numPr`` puts it."""
    properties = p[0]
    assert properties.tag == _PPR and len(properties) == 1, "a fresh, styled paragraph"
    numbering = SubElement(properties, _NUMPR)
    SubElement(numbering, _ILVL, {_VAL: "0"})
    SubElement(numbering, _NUMID, {_VAL: str(num_id)})


def _fill(r: _Element, text: str) -> None:
    if _plain(text):
        t = SubElement(r, _T)
        t.text = text
        # -- python-docx's CT_R.add_t rule (``len(text.strip()) < len(text)``), without
        # -- copying the text --
        if text and (text[0].isspace() or text[-1].isspace()):
            t.set(_XML_SPACE, "preserve")
    else:
        # -- tabs and line breaks: python-docx's own run-content appender --
        cast(CT_R, r).text = text


def text(p: _Element, value: str, *, bold: bool = False, italic: bool = False) -> None:
    """Append a run with ``value`` (``w:b``/``w:i`` when emphasised) to ``p``."""
    r = SubElement(p, _R)
    if _plain(value):
        if bold or italic:
            properties = SubElement(r, _RPR)
            if bold:
                SubElement(properties, _B)
            if italic:
                SubElement(properties, _I)
        _fill(r, value)
        return
    # -- as python-docx's Run.bold/italic setters write it: rPr always present --
    _fill(r, value)
    properties = cast(CT_R, r).get_or_add_rPr()
    properties.b_val = bold or None
    properties.i_val = italic or None


def line_break(p: _Element) -> None:
    """Append a run holding a line break (``w:br``)."""
    SubElement(SubElement(p, _R), _BR)


def hyperlink(p: _Element, r_id: str, value: str, style_id: str, *, italic: bool) -> None:
    """Append ``w:hyperlink`` with relationship ``r_id`` and one run in ``style_id``."""
    link = SubElement(p, _HYPERLINK, {_R_ID: r_id})
    r = SubElement(link, _R)
    properties = SubElement(r, _RPR)
    SubElement(properties, _RSTYLE, {_VAL: style_id})
    if italic:
        SubElement(properties, _I)
    _fill(r, value)
