"""Dutch spelling with the bundled OpenTaal dictionary: what is flagged and what never is."""

from __future__ import annotations

import pytest

from desktop import paths
from desktop.core.errors import FileProblem
from desktop.core.services.spelling import Speller, candidate_words, registry_terms

FOLDER = paths.resources_dir() / "spelling"


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """Enchant's own folder (its session lists go there, never into resources/)."""
    return tmp_path_factory.mktemp("enchant")


@pytest.fixture(scope="module")
def speller(work) -> Speller:
    found = Speller(FOLDER, work)
    if not found.available:
        pytest.skip("libenchant-2 is not installed (scripts/system-packages.txt)")
    return found


def flagged(speller: Speller, text: str) -> list[str]:
    return [m.word for m in speller.misspellings(text)]


def test_the_dictionary_ships_with_its_licence_and_source():
    assert (FOLDER / "hunspell" / "nl_NL.dic").stat().st_size > 1_000_000
    assert (FOLDER / "hunspell" / "nl_NL.aff").is_file()
    licence = (FOLDER / "LICENSE-OpenTaal.txt").read_text(encoding="utf-8")
    assert "OpenTaal" in licence and "BSD" in licence
    assert "hunspell-nl" in (FOLDER / "README.md").read_text(encoding="utf-8")


def test_a_misspelled_dutch_word_is_flagged_and_correct_dutch_is_not(speller):
    text = "Het kabinet heeft de Kamer geïnformeerd over het onderzoeek naar convenanten."
    assert flagged(speller, text) == ["onderzoeek"]
    assert speller.misspellings(text)[0].start == text.index("onderzoeek")
    assert "onderzoek" in speller.suggest("onderzoeek")


def test_numbers_kenmerken_links_and_abbreviations_are_never_flagged(speller):
    text = (
        "Kamerstuk 26 485, nr. 224 en brief Min-BuZa.2020.396 (zie https://www.tweedekamer.nl/"
        "kamerstukken?qq=xyzzy) over IMVO en de OESO-richtlijnen; ^[Voetnoot **vet**.]"
    )
    assert flagged(speller, text) == []


def test_registry_names_are_never_flagged(speller, work, demo_store):
    text = "de motie van de leden Van Ojik en Karabulut en de motie Diks/Van den Hul"
    before = flagged(speller, text)
    assert "Ojik" in before
    terms = registry_terms(demo_store)
    assert "Min-BuZa.2020.396" in terms
    named = Speller(FOLDER, work, terms=terms)
    assert flagged(named, text) == []
    assert flagged(named, "het onderzoeek") == ["onderzoeek"]


def test_ignore_and_the_personal_list(speller, work, tmp_path):
    personal = tmp_path / "data" / "woordenlijst.txt"
    checker = Speller(FOLDER, work, personal)
    assert flagged(checker, "de afdoeningsbrieff") == ["afdoeningsbrieff"]
    checker.ignore("afdoeningsbrieff")
    assert flagged(checker, "de afdoeningsbrieff") == []
    assert flagged(Speller(FOLDER, work, personal), "de afdoeningsbrieff") == ["afdoeningsbrieff"]
    checker.add("Voortgangsbriefje")
    assert personal.read_text(encoding="utf-8") == "Voortgangsbriefje\n"
    again = Speller(FOLDER, work, personal)
    assert flagged(again, "een Voortgangsbriefje") == []
    assert again.personal_words == {"Voortgangsbriefje"}


def test_a_personal_list_that_cannot_be_written_says_so(speller, work, tmp_path):
    blocked = tmp_path / "bestand"
    blocked.write_text("", encoding="utf-8")
    checker = Speller(FOLDER, work, blocked / "woordenlijst.txt")
    with pytest.raises(FileProblem, match="woordenlijst"):
        checker.add("xyzwoord")
    assert flagged(checker, "xyzwoord") == []  # accepted for now all the same


def test_without_a_dictionary_nothing_is_flagged(tmp_path):
    checker = Speller(tmp_path / "nergens", tmp_path / "werk")
    assert not checker.available
    assert checker.misspellings("onderzoeek") == [] and checker.suggest("onderzoeek") == []


def test_candidate_words_skip_markup_and_keep_positions():
    text = "**Vet** en zo'n Noord-Holland"
    assert list(candidate_words(text)) == [
        (2, "Vet"),
        (8, "en"),
        (11, "zo'n"),
        (16, "Noord-Holland"),
    ]


def test_enchant_writes_nothing_into_the_bundled_folder(speller, tmp_path):
    from desktop.core.services.spelling import _open_dictionary

    dictionary = _open_dictionary(FOLDER, tmp_path / "enchant")
    assert dictionary is not None and dictionary.check("voortgangsbrief")
    copied = tmp_path / "enchant" / "hunspell" / "nl_NL.dic"
    assert copied.stat().st_size == (FOLDER / "hunspell" / "nl_NL.dic").stat().st_size
    assert sorted(p.name for p in FOLDER.iterdir()) == [
        "LICENSE-OpenTaal.txt",
        "README.md",
        "hunspell",
    ]
    assert sorted(p.name for p in (FOLDER / "hunspell").iterdir()) == ["nl_NL.aff", "nl_NL.dic"]
