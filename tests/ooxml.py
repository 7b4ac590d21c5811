"""Validate .docx files the tests write against the OOXML schemas (openxml-audit).

openxml-audit is a pure-Python port of Microsoft's Open XML SDK validator (schema,
semantic and package checks, ECMA-376 transitional + Office extensions such as wps/mc).
"""

from __future__ import annotations

from pathlib import Path

import pytest


def assert_valid_docx(path: Path) -> None:
    """Fail with the validator's findings when ``path`` is not a valid Word document."""
    try:
        from openxml_audit import OpenXmlValidator
    except ImportError:  # pragma: no cover - dev dependency
        pytest.skip("openxml-audit is not installed")
    result = OpenXmlValidator().validate(str(path))
    findings = [
        f"{getattr(e, 'part_uri', '') or ''} {getattr(e, 'path', '') or ''}: {e.description}"
        for e in result.errors
    ]
    assert result.is_valid, f"{path.name} is no valid OOXML:\n" + "\n".join(findings[:20])
