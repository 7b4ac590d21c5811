"""Dutch typing rules: quotes, dashes and the ellipsis."""

from __future__ import annotations

import pytest

from desktop.core.domain.autocorrect import Correction, correction


@pytest.mark.parametrize(
    ("before", "typed", "expected"),
    [
        ('"', '"', Correction(1, "„")),
        ('Hij zei "', '"', Correction(1, "„")),
        ("(zie ", "", None),
        ('zei „ja"', '"', Correction(1, "”")),
        ("dit--", "-", Correction(2, "–")),
        ("dit ---", "-", None),
        ("--", "-", None),
        ("en toen...", ".", Correction(3, "…")),
        ("en toen..", ".", None),
        ("gewoon tekst", "t", None),
    ],
)
def test_corrections(before, typed, expected):
    assert correction(before, typed) == expected
