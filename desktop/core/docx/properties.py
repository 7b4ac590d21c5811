"""Honest document properties: core.xml, app.xml and custom properties (Kenmerk, Datum).

python-docx starts from its own template, whose core.xml says "created 23 December 2013",
whose app.xml names "Microsoft Macintosh Word" with one page and no words, and which
carries a thumbnail of an empty page. A letter published under the Woo carries its
metadata with it, so all of that is rewritten at export time.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from desktop import __version__

LANGUAGE = "nl-NL"
APPLICATION = "Voortgang"
CT_EXTENDED = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_EXTENDED_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: the format id Office uses for user-defined custom properties
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def _app_xml(company: str, template: str | None) -> bytes:
    parts = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="{_EXTENDED_NS}" xmlns:vt="{_VT_NS}">'
    ]
    if template:
        parts.append(f"<Template>{escape(template)}</Template>")
    parts.append(f"<Application>{APPLICATION} {escape(__version__)}</Application>")
    parts.append("<DocSecurity>0</DocSecurity>")
    if company:
        parts.append(f"<Company>{escape(company)}</Company>")
    parts.append("</Properties>")
    return "".join(parts).encode("utf-8")


def _custom_xml(values: dict[str, str]) -> bytes:
    items = []
    for pid, (name, value) in enumerate(values.items(), start=2):  # pid 0 and 1 are reserved
        items.append(
            f'<property fmtid="{_CUSTOM_FMTID}" pid="{pid}" name="{escape(name)}">'
            f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{"".join(items)}</Properties>'
    ).encode()


def _drop_package_part(document: Document, reltype: str) -> None:
    rels = document.part.package.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype == reltype:
            rels.pop(rel_id)


def set_properties(
    document: Document,
    *,
    title: str,
    subject: str,
    author: str,
    company: str,
    kenmerk: str | None,
    datum: str | None,
    template: str | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Write core, extended (app.xml) and custom properties for an export made now."""
    moment = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    if moment.tzinfo is not None:
        # -- core.xml stores W3CDTF in UTC; python-docx writes naive datetimes as "Z" --
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    props = document.core_properties
    props.title = title
    props.subject = subject
    props.author = author
    props.last_modified_by = author
    props.language = LANGUAGE
    props.keywords = kenmerk or ""
    props.comments = ""
    props.category = "Kamerbrief"
    props.created = moment
    props.modified = moment
    props.revision = 1
    package = document.part.package
    # -- the stale thumbnail (an empty page of python-docx's template) goes --
    _drop_package_part(document, RT.THUMBNAIL)
    _drop_package_part(document, RT.EXTENDED_PROPERTIES)
    _drop_package_part(document, RT.CUSTOM_PROPERTIES)
    app = Part(PackURI("/docProps/app.xml"), CT_EXTENDED, _app_xml(company, template), package)
    package.relate_to(app, RT.EXTENDED_PROPERTIES)
    custom: dict[str, str] = {}
    if kenmerk:
        custom["Kenmerk"] = kenmerk
    if datum:
        custom["Datum"] = datum
    if custom:
        part = Part(PackURI("/docProps/custom.xml"), CT_CUSTOM, _custom_xml(custom), package)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)
