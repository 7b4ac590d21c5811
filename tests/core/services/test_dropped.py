"""Which import a dropped file belongs to."""

from __future__ import annotations

from desktop.core.services.dropped import LETTER, MOTION, OPEN_DATA, kind_of_file, plan_drop
from tests.conftest import REFERENCE


def test_motion_texts_open_data_and_letters_are_told_apart(tmp_path):
    motion = REFERENCE / "moties" / "kst-26485-229.txt"
    assert kind_of_file(motion) == MOTION
    assert kind_of_file(REFERENCE / "kamerbrief-voortgang-imvo-2020.md") == LETTER
    # A letter saved as text mentions motions but is no motion.
    report = REFERENCE / "ser-voortgangsrapportage-imvo-convenanten-2018.txt"
    assert kind_of_file(report) == LETTER
    data = tmp_path / "zaken.json"
    data.write_text('{"value": []}', encoding="utf-8")
    assert kind_of_file(data) == OPEN_DATA
    assert kind_of_file(tmp_path / "foto.png") is None
    assert kind_of_file(tmp_path / "weg.txt") is None  # not there


def test_a_drop_takes_all_open_data_or_one_letter_or_motion(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.xml"
    for path in (first, second):
        path.write_text("{}", encoding="utf-8")
    picture = tmp_path / "foto.png"
    picture.write_bytes(b"\x89PNG")
    assert plan_drop([first, picture, second]) == (OPEN_DATA, [first, second], [picture])
    motion = REFERENCE / "moties" / "kst-26485-229.txt"
    letter = REFERENCE / "kamerbrief-voortgang-imvo-2020.md"
    assert plan_drop([motion, letter]) == (MOTION, [motion], [letter])
    assert plan_drop([picture]) == (None, [], [picture])


def test_text_in_other_encodings_is_read(tmp_path):
    from desktop.core.services.dropped import read_text

    path = tmp_path / "motie.txt"
    path.write_bytes("gehoord de beraadslaging, verzoekt de regering – ëï".encode("utf-16"))
    assert read_text(path).endswith("ëï")
    path.write_bytes("geïnformeerd".encode("cp1252"))
    assert read_text(path) == "geïnformeerd"
