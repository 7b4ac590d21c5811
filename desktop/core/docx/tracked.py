"""Two versions of a letter as one Word document with real tracked changes.

The newer version is written by the normal letter writer; the older one too, in memory.
Their body paragraphs are aligned by text, and every paragraph that differs is rewritten
word by word with ``w:ins``/``w:del`` (author and date), so Word's Review pane can accept
or reject each change and LibreOffice shows them. Footnotes are compared the same way,
note by note in the order they are referenced.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import itertools
import re
from collections.abc import Iterator
from typing import Any

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TOKEN = re.compile(r"\s+|[^\s]+")


class _Marks:
    """Creates w:ins/w:del elements with unique ids, one author and one date."""

    def __init__(self, author: str, date: dt.datetime) -> None:
        self.author = author
        self.date = date.replace(microsecond=0, tzinfo=None).isoformat() + "Z"
        self._ids = itertools.count(1)
        self.count = 0

    def element(self, kind: str) -> Any:
        mark = OxmlElement(f"w:{kind}")
        mark.set(qn("w:id"), str(next(self._ids)))
        mark.set(qn("w:author"), self.author)
        mark.set(qn("w:date"), self.date)
        self.count += 1
        return mark


def _text(element: Any) -> str:
    return "".join(node.text or "" for node in element.iter(f"{_W}t", f"{_W}delText"))


def _tokens(paragraph: Any) -> list[tuple[str, Any, Any]]:
    """(key, template element, container) tokens: words of runs, whole links and notes."""
    tokens: list[tuple[str, Any, Any]] = []
    for child in paragraph:
        if child.tag == f"{_W}r":
            rpr = child.find(f"{_W}rPr")
            style = etree.tostring(rpr) if rpr is not None else b""
            if child.find(f"{_W}footnoteReference") is not None:
                tokens.append(("\x00note", child, None))
                continue
            text = "".join(
                node.text or "" if node.tag == f"{_W}t" else " "
                for node in child
                if node.tag in (f"{_W}t", f"{_W}tab", f"{_W}br")
            )
            for word in _TOKEN.findall(text):
                tokens.append((word + "\x01" + style.decode(), child, word))
        elif child.tag == f"{_W}hyperlink":
            tokens.append(("\x00link" + _text(child), child, None))
    return tokens


def _word_run(template: Any, text: str, *, deleted: bool) -> Any:
    run = OxmlElement("w:r")
    rpr = template.find(f"{_W}rPr")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    node = OxmlElement("w:delText" if deleted else "w:t")
    node.set(qn("xml:space"), "preserve")
    node.text = text
    run.append(node)
    return run


def _as_deleted(element: Any) -> Any:
    """A copy of a run or hyperlink whose text is deleted text."""
    clone = copy.deepcopy(element)
    for node in list(clone.iter(f"{_W}t")):
        node.tag = f"{_W}delText"
        node.set(qn("xml:space"), "preserve")
    for reference in list(clone.iter(f"{_W}footnoteReference")):
        run = reference.getparent()
        run.getparent().remove(run)
    return clone


def _emit(tokens: list[tuple[str, Any, Any]], *, deleted: bool) -> Iterator[Any]:
    for _key, element, word in tokens:
        if word is None:
            yield _as_deleted(element) if deleted else copy.deepcopy(element)
        else:
            yield _word_run(element, word, deleted=deleted)


def diff_paragraph(old: Any, new: Any, marks: _Marks) -> bool:
    """Rewrite ``new`` in place with word-level changes from ``old``; True when changed."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(
        None, [t[0] for t in old_tokens], [t[0] for t in new_tokens], autojunk=False
    )
    opcodes = matcher.get_opcodes()
    if all(tag == "equal" for tag, *_ in opcodes):
        return False
    content: list[Any] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            content.extend(_emit(new_tokens[j1:j2], deleted=False))
            continue
        if tag in ("delete", "replace"):
            mark = marks.element("del")
            mark.extend(_emit(old_tokens[i1:i2], deleted=True))
            content.append(mark)
        if tag in ("insert", "replace"):
            mark = marks.element("ins")
            mark.extend(_emit(new_tokens[j1:j2], deleted=False))
            content.append(mark)
    for child in list(new):
        if child.tag != f"{_W}pPr":
            new.remove(child)
    new.extend(content)
    return True


def _mark_paragraph(paragraph: Any, marks: _Marks, kind: str) -> None:
    """Mark a whole paragraph (its runs and its paragraph mark) inserted or deleted."""
    ppr = paragraph.find(f"{_W}pPr")
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        paragraph.insert(0, ppr)
    rpr = ppr.find(f"{_W}rPr")
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    rpr.insert(0, marks.element(kind))
    mark = marks.element(kind)
    for child in list(paragraph):
        if child.tag in (f"{_W}r", f"{_W}hyperlink"):
            paragraph.remove(child)
            mark.append(_as_deleted(child) if kind == "del" else child)
    paragraph.append(mark)


def _align(old: list[Any], new: list[Any], marks: _Marks) -> None:
    """Align two lists of paragraphs by text; mark the differences in the new ones."""
    matcher = difflib.SequenceMatcher(
        None, [_text(p) for p in old], [_text(p) for p in new], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            # -- equal text may still differ in a footnote mark or emphasis --
            for o, n in zip(old[i1:i2], new[j1:j2], strict=True):
                diff_paragraph(o, n, marks)
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            diff_paragraph(old[i1 + k], new[j1 + k], marks)
        for paragraph in new[j1 + pairs : j2]:
            _mark_paragraph(paragraph, marks, "ins")
        anchor = new[j2 - 1] if j2 > j1 else (new[j1 - 1] if j1 > 0 else None)
        for paragraph in reversed(old[i1 + pairs : i2]):
            clone = copy.deepcopy(paragraph)
            _mark_paragraph(clone, marks, "del")
            if anchor is not None:
                anchor.addnext(clone)
            elif new:
                new[0].addprevious(clone)


def _body_paragraphs(document: Document) -> list[Any]:
    return list(document.element.body.iter(f"{_W}p"))


def _notes_in_order(document: Document) -> list[Any]:
    try:
        part = document.part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        return []
    by_id = {
        note.get(f"{_W}id"): note
        for note in part.element.findall(f"{_W}footnote")  # type: ignore[attr-defined]
        if note.get(f"{_W}type") in (None, "normal")
    }
    order = [ref.get(f"{_W}id") for ref in document.element.body.iter(f"{_W}footnoteReference")]
    return [by_id[i] for i in order if i in by_id]


def mark_changes(old: Document, new: Document, *, author: str, date: dt.datetime) -> int:
    """Write the differences of ``old`` into ``new`` as tracked changes; returns how many."""
    marks = _Marks(author, date)
    old_paragraphs = [p for p in _body_paragraphs(old) if p.getparent().tag != f"{_W}txbxContent"]
    new_paragraphs = [p for p in _body_paragraphs(new) if p.getparent().tag != f"{_W}txbxContent"]
    _align(old_paragraphs, new_paragraphs, marks)
    old_notes, new_notes = _notes_in_order(old), _notes_in_order(new)
    matcher = difflib.SequenceMatcher(
        None, [_text(n) for n in old_notes], [_text(n) for n in new_notes], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            for o, n in zip(old_notes[i1:i2], new_notes[j1:j2], strict=False):
                _align(o.findall(f"{_W}p"), n.findall(f"{_W}p"), marks)
        elif tag == "insert":
            for note in new_notes[j1:j2]:
                for paragraph in note.findall(f"{_W}p"):
                    _mark_paragraph(paragraph, marks, "ins")
    return marks.count
