"""The cycle-collector pause around imports and exports restores what it found."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from desktop.core.errors import FileProblem
from desktop.core.export import render_markdown_file
from desktop.core.memory import without_cycle_collection


def test_the_pause_restores_the_collector_also_after_an_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), without_cycle_collection():
        assert not gc.isenabled()
        raise RuntimeError("mislukt")
    assert gc.isenabled()


def test_a_pause_inside_a_pause_leaves_the_collector_off_until_the_outer_one_ends():
    with without_cycle_collection():
        with without_cycle_collection():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_render_writes_the_letter_without_the_collector_and_turns_it_back_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from desktop.core import export

    collecting: list[bool] = []
    write_letter = export.write_letter

    def watched(*args, **kwargs):
        collecting.append(gc.isenabled())
        return write_letter(*args, **kwargs)

    monkeypatch.setattr(export, "write_letter", watched)
    source = tmp_path / "brief.md"
    source.write_text("# Inleiding\n\nTekst met een voetnoot.^[Zie Kamerstuk 26 485, nr. 224.]\n")
    result = render_markdown_file(source, tmp_path / "brief.docx", emblem=None)
    assert result.footnotes == 1 and result.docx.exists()
    assert collecting == [False]
    assert gc.isenabled()
    with pytest.raises(FileProblem):
        render_markdown_file(source, tmp_path / "brief.txt", emblem=None)
    assert collecting == [False, False] and gc.isenabled()
