"""Validate .docx files the tests write against the OOXML schemas (openxml-audit).

openxml-audit is a pure-Python port of Microsoft's Open XML SDK validator (schema,
semantic and package checks, ECMA-376 transitional + Office extensions such as wps/mc).

Every test that uses ``tmp_path`` has each ``*.docx`` under it validated once its body
has passed (the hook in ``tests/conftest.py``). A file a test breaks on purpose (a text
file named ``.docx``, another program's output) is named in the test's
``@pytest.mark.invalid_docx("name.docx", ...)`` marker (glob patterns, matched against
the file name or its path relative to ``tmp_path``); lock files and temporaries
(``~$*``, ``.~*``) are never validated.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import re
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

#: names of files Word, LibreOffice and our own safe save leave beside a document
NOT_DOCUMENTS = ("~$*", ".~*")
_TIMESTAMPS = re.compile(rb"<dcterms:(created|modified)\b[^<]*</dcterms:\1>")
#: findings per package content (timestamps left out): many tests write the same file
_known: dict[str, list[str]] = {}
#: what the check cost in this run (shown at the end of the run)
STATS = {"files": 0, "validated": 0, "seconds": 0.0}


def _validator() -> Any:
    """A new validator for each file.

    openxml-audit 0.8 caches cross-part lookups by ``id()`` of the package; an instance
    reused across documents can then answer from an earlier, collected package (findings
    that depend on the order and the hash seed).
    """
    try:
        from openxml_audit import OpenXmlValidator
    except ImportError:  # pragma: no cover - dev dependency
        if os.environ.get("CI"):
            pytest.fail("openxml-audit is required in CI but not installed")
        pytest.skip("openxml-audit is not installed")
    return OpenXmlValidator()


def _content_key(path: Path) -> str | None:
    """A hash of the package's parts, creation and modification times left out."""
    digest = hashlib.sha256()
    try:
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                data = archive.read(name)
                if name == "docProps/core.xml":
                    data = _TIMESTAMPS.sub(b"", data)
                digest.update(name.encode() + b"\0" + data + b"\0")
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None  # not a zip: the validator says so
    return digest.hexdigest()


def docx_findings(path: Path, limit: int = 20) -> list[str]:
    """The validator's findings for ``path`` (empty when it is a valid Word document)."""
    started = time.perf_counter()
    STATS["files"] += 1
    key = _content_key(path)
    if key is not None and key in _known:
        STATS["seconds"] += time.perf_counter() - started
        return _known[key][:limit]
    result = _validator().validate(str(path))
    STATS["validated"] += 1
    found = [
        f"{getattr(e, 'part_uri', '') or ''} {getattr(e, 'path', '') or ''}: {e.description}"
        for e in result.errors
    ]
    if not result.is_valid and not found:
        found = ["(invalid, without findings)"]
    if key is not None:
        _known[key] = found
    STATS["seconds"] += time.perf_counter() - started
    return found[:limit]


def assert_valid_docx(path: Path) -> None:
    """Fail with the validator's findings when ``path`` is not a valid Word document."""
    findings = docx_findings(path)
    assert not findings, f"{path.name} is no valid OOXML:\n" + "\n".join(findings)


def written_docx(folder: Path, exempt: Iterable[str] = ()) -> list[Path]:
    """The ``*.docx`` files under ``folder`` to validate: not exempt, not lock files."""
    exempt = list(exempt)
    found = []
    for path in sorted(folder.rglob("*.docx")):
        if not path.is_file() or any(fnmatch.fnmatch(path.name, p) for p in NOT_DOCUMENTS):
            continue
        relative = path.relative_to(folder).as_posix()
        if any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(path.name, p) for p in exempt):
            continue
        found.append(path)
    return found


def invalid_written_docx(folder: Path, exempt: Iterable[str] = ()) -> list[str]:
    """A report per written .docx under ``folder`` that is no valid OOXML."""
    problems = []
    for path in written_docx(folder, exempt):
        findings = docx_findings(path, limit=8)
        if findings:
            relative = path.relative_to(folder).as_posix()
            problems.append(f"{relative} is no valid OOXML:\n    " + "\n    ".join(findings))
    return problems
