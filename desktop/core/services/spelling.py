"""Dutch spelling: OpenTaal's dictionary through pyenchant, a personal list, registry terms.

The dictionary ships with the app (``resources/spelling/hunspell/nl_NL.*``, licence beside
it): enchant looks for Hunspell dictionaries in ``$ENCHANT_CONFIG_DIR/hunspell`` before the
system's, so a copy in a folder of the user's, with ENCHANT_CONFIG_DIR pointing there, makes
every installation (and the frozen app) check against the same word list. (Enchant writes
its session word lists into that folder, so it cannot be the bundled one.) Without libenchant the speller says it is not
available and flags nothing; the user's text is never touched by a check.

What is never flagged: words the registry knows (indieners, ministers, kenmerken,
convenant names and parties), words in the personal list, words ignored in this session,
abbreviations in capitals, and anything in a chunk with digits or a web address
(Kamerstuk numbers, kenmerken like ``Min-BuZa.2020.396``, links).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.errors import FileProblem
from desktop.core.store import Store, convenanten, letters, motions

DICTIONARY_TAG = "nl_NL"
ENCHANT_CONFIG = "ENCHANT_CONFIG_DIR"
MAX_SUGGESTIONS = 7
# A word: letters, with inner apostrophes or hyphens (zo'n, Noord-Holland).
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
CHUNK = re.compile(r"\S+")
_ADDRESS = re.compile(r"://|^www\.|@|^\(?https?:", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_PLURAL_ABBREVIATION = re.compile(r"^[A-Z]{2,}['’]s$")  # SDG's, NGO's


@dataclass(frozen=True, slots=True)
class Misspelling:
    """A word the dictionary does not know, at ``start`` in the checked text."""

    start: int
    word: str

    @property
    def end(self) -> int:
        """Where the word ends in the text."""
        return self.start + len(self.word)


def candidate_words(text: str) -> Iterator[tuple[int, str]]:
    """The words of ``text`` worth checking, with their position."""
    for chunk in CHUNK.finditer(text):
        value = chunk.group()
        if _DIGIT.search(value) or _ADDRESS.search(value):
            continue
        for match in WORD.finditer(value):
            word = match.group()
            if (
                len(word) < 2
                or (word.isupper() and len(word) <= 8)
                or _PLURAL_ABBREVIATION.match(word)
            ):
                continue
            yield chunk.start() + match.start(), word


def term_words(terms: Iterable[str]) -> set[str]:
    """The single words of registry terms (``Van Ojik/Karabulut`` → Van, Ojik, Karabulut)."""
    found: set[str] = set()
    for term in terms:
        found.update(match.group() for match in WORD.finditer(term or ""))
    return found


_loaded: dict[Path, Any] = {}
_FILES = (f"{DICTIONARY_TAG}.dic", f"{DICTIONARY_TAG}.aff")


def _load_dictionary(folder: Path, work: Path) -> Any:
    """The enchant dictionary from ``folder`` (``hunspell/nl_NL.dic``); None when impossible.

    Loaded once per process (a tenth of a second for the Dutch list) and then shared.
    """
    if folder not in _loaded:
        _loaded[folder] = _open_dictionary(folder, work)
    return _loaded[folder]


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.is_file() and target.stat().st_size == source.stat().st_size:
        return
    partial = target.with_name(target.name + ".deel")
    partial.write_bytes(source.read_bytes())
    partial.replace(target)


def _open_dictionary(folder: Path, work: Path) -> Any:
    """Enchant's configuration folder is ``work`` (it writes a session list there, so never
    the bundled, possibly read-only, folder); the bundled dictionary is copied into it."""
    source = folder / "hunspell"
    if not all((source / name).is_file() for name in _FILES):
        return None
    try:
        (work / "hunspell").mkdir(parents=True, exist_ok=True)
        for name in _FILES:
            _copy_if_changed(source / name, work / "hunspell" / name)
    except OSError:
        return None
    os.environ[ENCHANT_CONFIG] = str(work)
    try:
        import enchant

        return enchant.Broker().request_dict(DICTIONARY_TAG)
    except (ImportError, OSError, ValueError, RuntimeError):
        return None
    except Exception as error:  # enchant.errors.Error is not importable without the library
        if type(error).__module__.startswith("enchant"):
            return None
        raise


class Speller:
    """Checks Dutch words; remembers the personal list and what is ignored this session."""

    def __init__(
        self,
        dictionary_folder: Path,
        work_folder: Path,
        personal_list: Path | None = None,
        terms: Iterable[str] = (),
        *,
        dictionary: Any = None,
    ) -> None:
        """``dictionary_folder`` holds ``hunspell/nl_NL.*`` (bundled, read only);
        ``work_folder`` is a writable folder of the user's for enchant's own files."""
        self._dictionary = (
            dictionary
            if dictionary is not None
            else _load_dictionary(dictionary_folder, work_folder)
        )
        self.personal_list = personal_list
        self._personal = self._read_personal()
        self._ignored: set[str] = set()
        self._terms: set[str] = set()
        self._known: dict[str, bool] = {}
        self.set_terms(terms)

    @property
    def available(self) -> bool:
        """True when the Dutch dictionary could be loaded."""
        return self._dictionary is not None

    def _read_personal(self) -> set[str]:
        if self.personal_list is None:
            return set()
        try:
            text = self.personal_list.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return set()
        return {line.strip() for line in text.splitlines() if line.strip()}

    def set_terms(self, terms: Iterable[str]) -> None:
        """Words from the registry that are never flagged (names, kenmerken)."""
        words = term_words(terms)
        self._terms = words | {word.lower() for word in words}

    def _accepted(self, word: str) -> bool:
        for form in (word, word.lower()):
            if form in self._terms or form in self._personal or form in self._ignored:
                return True
        return False

    def check(self, word: str) -> bool:
        """True when ``word`` is spelt right (or the speller is not available)."""
        if self._dictionary is None or self._accepted(word):
            return True
        known = self._known.get(word)
        if known is None:
            plain = word.replace("’", "'")
            known = bool(self._dictionary.check(plain))
            if not known and "-" in plain.strip("-"):
                # OESO-richtlijnen, Van Ojik-motie: right when every part is.
                known = all(part.isupper() or self.check(part) for part in plain.split("-") if part)
            self._known[word] = known
        return known

    def _abbreviation(self, text: str, start: int, word: str) -> bool:
        """``nr.`` is right where ``nr`` is not; ``beleids-`` in ``beleids- en`` is right too."""
        end = start + len(word)
        following = text[end : end + 1]
        return (following == "." and self.check(word + ".")) or following == "-"

    def misspellings(self, text: str) -> list[Misspelling]:
        """The words in ``text`` the dictionary does not know."""
        if self._dictionary is None:
            return []
        return [
            Misspelling(start, word)
            for start, word in candidate_words(text)
            if not self.check(word) and not self._abbreviation(text, start, word)
        ]

    def suggest(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Corrections for ``word``, best first."""
        if self._dictionary is None or not word.strip():
            return []
        return [str(item) for item in self._dictionary.suggest(word)][:limit]

    def ignore(self, word: str) -> None:
        """Do not flag ``word`` again in this session."""
        self._ignored.add(word)

    def add(self, word: str) -> None:
        """Add ``word`` to the personal list (kept in the user's data folder).

        Raises:
            FileProblem: the list could not be written (the word is still accepted now).
        """
        word = word.strip()
        if not word or word in self._personal:
            return
        self._personal.add(word)
        if self.personal_list is None:
            return
        try:
            self.personal_list.parent.mkdir(parents=True, exist_ok=True)
            with self.personal_list.open("a", encoding="utf-8") as handle:
                handle.write(word + "\n")
        except OSError as error:
            raise FileProblem(
                f"De woordenlijst {self.personal_list} kon niet worden bijgewerkt: "
                f"{error.strerror or error}."
            ) from error

    @property
    def personal_words(self) -> frozenset[str]:
        """The words in the personal list."""
        return frozenset(self._personal)


def registry_terms(store: Store) -> list[str]:
    """Names and kenmerken the registry knows, for the speller never to flag."""
    db = store.db
    terms: list[str] = []
    for motion in motions.list_motions(db, status="all"):
        terms.extend(motion.indieners)
    for letter in letters.list_letters(db):
        terms.extend(t for t in (letter.kenmerk, letter.ondertekenaar_naam) if t)
    for convenant in convenanten.list_convenanten(db):
        terms.append(convenant.naam)
        terms.extend(t for t in (convenant.facilitator, convenant.sector) if t)
        terms.extend(party.naam for party in convenant.partijen if party.naam)
    return sorted(set(terms))
