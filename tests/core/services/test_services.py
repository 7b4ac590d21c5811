"""The use cases the command line and the windows share."""

from __future__ import annotations

import dataclasses

import docx
import pytest

from desktop import paths
from desktop.core.errors import NotFound
from desktop.core.services import letters as letter_ops
from desktop.core.services import registry as registry_ops
from desktop.core.store import letters, motions
from tests.conftest import REFERENCE

DEMO_LETTER = "Min-BuZa.2020.396"


def test_undoing_terug_naar_concept_gives_back_verzonden(demo_store):
    sent = letters.find_by_kenmerk(demo_store.db, DEMO_LETTER)
    assert sent is not None and sent.id is not None and sent.status == "verzonden"
    reopened = letter_ops.reopen_letter(demo_store, DEMO_LETTER)
    assert reopened.status == "concept"
    settled = [m.motion_id for m in reopened.motions if m.afdoen]
    assert all(motions.get(demo_store.db, i).status != "afgedaan" for i in settled)
    restored = letter_ops.restore_letter_status(demo_store, sent.id, "verzonden")
    assert restored.status == "verzonden"
    assert all(motions.get(demo_store.db, i).status == "afgedaan" for i in settled)
    # And back to a concept, then only definitief.
    letter_ops.restore_letter_status(demo_store, sent.id, "concept")
    assert letter_ops.restore_letter_status(demo_store, sent.id, "definitief").status == (
        "definitief"
    )


def test_settle_and_reopen_by_number_or_id(demo_store):
    open_motion = next(
        m for m in registry_ops.list_motions(demo_store, registry_ops.MotionQuery()) if m.is_open
    )
    settled = registry_ops.settle_motion(
        demo_store, open_motion.kamerstuk.letter_style(), "BZ-TEST-1", open_motion.voorgesteld
    )
    assert settled.letter_created and settled.motion.status == "afgedaan"
    assert registry_ops.reopen_motion(demo_store, open_motion.id).is_open
    with pytest.raises(NotFound):
        registry_ops.settle_motion(demo_store, "99 999, nr. 1", "BZ-TEST-1", None)


def test_export_request_with_the_afdoeningstabel(demo_store, tmp_path):
    request = letter_ops.ExportRequest(
        letter=letter_ops.resolve_letter(demo_store, DEMO_LETTER),
        target=tmp_path / "brief.docx",
        library=paths.default_library(),
        afdoeningstabel=True,
    )
    outcome = letter_ops.export_letter(demo_store, request)
    assert outcome.docx.exists() and outcome.footnotes == 9 and outcome.version == 1
    plain = letter_ops.export_letter(
        demo_store,
        dataclasses.replace(request, target=tmp_path / "zonder.docx", afdoeningstabel=False),
    )
    with_table, without = (docx.Document(str(path)) for path in (outcome.docx, plain.docx))
    assert len(with_table.tables) == len(without.tables) + 1
    assert plain.version == 2


# -- reading motion texts ------------------------------------------------------------------

_NO_CLOSING = (
    # The real text of Kamerstuk 26 485, nr. 229 without its closing formula (a variant).
    (REFERENCE / "moties" / "kst-26485-229.txt")
    .read_text(encoding="utf-8")
    .replace("\nen gaat over tot de orde van de dag.\n", "")
)


def test_read_motion_text_returns_the_parsers_warnings():
    motion, warnings = registry_ops.read_motion_text(_NO_CLOSING, source="plak.txt")
    assert motion.citation == "Kamerstuk 26 485, nr. 229"
    assert len(warnings) == 1
    assert warnings[0].startswith("De slotformule ‘en gaat over tot de orde van de dag.’ ontbreekt")
    clean, none = registry_ops.read_motion_text(
        (REFERENCE / "moties" / "kst-26485-229.txt").read_text(encoding="utf-8")
    )
    assert clean.indieners == ["Voordewind"] and none == []


def test_read_motion_file_and_import_name_the_file_once(store, tmp_path):
    path = tmp_path / "zonder-slot.txt"
    path.write_text(_NO_CLOSING, encoding="utf-8")
    motion, warnings = registry_ops.read_motion_file(path)
    assert motion.indieners == ["Voordewind"]
    assert len(warnings) == 1 and warnings[0].startswith("zonder-slot.txt: De slotformule")
    stored, import_warnings = registry_ops.import_motion_files(store, [path])
    assert [m.citation for m in stored] == ["Kamerstuk 26 485, nr. 229"]
    assert import_warnings == warnings  # "zonder-slot.txt: " once, not twice


def test_the_official_text_completes_a_motion_registered_without_it(store, tmp_path):
    # -- open data first (no dictum), the official text after: the text is added, what the
    # -- registry knows stays; a second import is refused, and so is the same file twice --
    from desktop.core.domain.kamerstuk import KamerstukRef
    from desktop.core.domain.models import Motion
    from desktop.core.errors import AlreadyExists

    with store.transaction() as db:
        motion_id = motions.add(
            db,
            Motion(
                kamerstuk=KamerstukRef.of(26485, 229),
                uitslag="aangenomen",
                status="in uitvoering",
                notities="Afspraak met SZW.",
            ),
        )
    path = REFERENCE / "moties" / "kst-26485-229.txt"
    stored, warnings = registry_ops.import_motion_files(store, [path])
    assert [m.id for m in stored] == [motion_id]
    completed = motions.get(store.db, motion_id)
    assert completed.verzoeken and completed.overwegingen
    assert completed.indieners == ["Voordewind"]
    assert (completed.uitslag, completed.status, completed.notities) == (
        "aangenomen",
        "in uitvoering",
        "Afspraak met SZW.",
    )
    assert any("de officiële tekst is toegevoegd" in w for w in warnings)
    with pytest.raises(AlreadyExists, match="De officiële tekst staat er al bij"):
        registry_ops.import_motion_files(store, [path])
    copy = tmp_path / "kopie.txt"
    copy.write_bytes(path.read_bytes())
    with pytest.raises(AlreadyExists, match=r"staat ook in kst-26485-229\.txt"):
        registry_ops.import_motion_files(store, [path, copy])
