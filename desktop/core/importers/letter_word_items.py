"""Motion and commitment paragraphs of a Word letter: found again, also when edited.

The template writes each motion the letter handles as one paragraph: an opening sentence
from the registry (``De motie Van Laar (Kamerstuk 26 485, nr. 224) verzoekt de regering
…``) followed by the ministry's response; a commitment likewise (``*Toezegging 12:* text
(Kamerstuk …)`` and the response). Only the response belongs to the letter; the opening
comes from the registry again at the next export.

A paragraph whose opening is unchanged is split there. A paragraph whose opening was
edited in Word is still recognised when its first sentences resemble the opening and
name the same item (its Kamerstuk number, its signers, its title or the commitment's
number); it is split where the opening and the old response fit best. What cannot be
carried back (an edited opening, a paragraph that is gone) is reported, never dropped.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.importers.letter_word import normalise

#: where an opening may end: a sentence end (. ! ? :, perhaps inside a closing quote or
#: bracket) or a closing bracket (a commitment's opening ends with its citation), before a
#: space
_SENTENCE_END = re.compile(r"(?:[.!?:][\"'’”)\]*]*|\))(?=\s|$)")
#: how much the first sentences must resemble the opening (0..1, difflib ratio)
WITH_CLUE = 0.55
WITHOUT_CLUE = 0.85


@dataclass(slots=True)
class ItemText:
    """One motion or commitment of the letter, as the template writes its paragraph."""

    label: str  # "de motie Van Laar (Kamerstuk 26 485, nr. 224)", for messages
    reported: str  # "Kamerstuk 26 485, nr. 224", in the list of updated responses
    opening: str  # the registry's opening sentence(s), as Markdown
    response: str  # the response stored in the letter now
    refs: set[tuple[int, str, str]] = field(default_factory=set)  # keys of KamerstukRefs
    names: list[str] = field(default_factory=list)  # signers (normalised) or a number
    title: str | None = None  # a motion's title or an item's own reference text
    kind: str = "motie"
    found: bool = False
    edited_opening: bool = False
    new_response: str | None = None
    paragraph: str | None = None  # the paragraph found unchanged by the first pass
    taken: bool = False


def _prefix_length(paragraph: str, normalised_prefix: str) -> int:
    """Length of the part of ``paragraph`` that normalises to ``normalised_prefix``."""
    for end in range(len(normalised_prefix) // 2, len(paragraph) + 1):
        if normalise(paragraph[:end]) == normalised_prefix:
            return end
    return 0


def _split_points(paragraph: str, limit: int) -> list[int]:
    """Sentence ends in ``paragraph`` up to ``limit`` characters, outside footnotes."""
    points = []
    depth = 0
    index = 0
    while index < len(paragraph) and index <= limit:
        if paragraph.startswith("^[", index):
            depth += 1
            index += 2
            continue
        char = paragraph[index]
        if depth and char == "]" and paragraph[index - 1] != "\\":
            depth -= 1
        elif not depth:
            match = _SENTENCE_END.match(paragraph, index)
            if match:
                points.append(match.end())
                index = match.end()
                continue
        index += 1
    if len(paragraph) <= limit:
        points.append(len(paragraph))
    return sorted(set(points))


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _has_clue(text: str, item: ItemText) -> bool:
    """True when ``text`` names the item: its number, all its signers or its title."""
    plain = normalise(text)
    if item.refs and any(ref.key in item.refs for ref, _s, _e in KamerstukRef.find_all(text)):
        return True
    if item.title and normalise(item.title) in plain:
        return True
    word = "motie" if item.kind == "motie" else "toezegging"
    return bool(item.names) and word in plain and all(n in plain for n in item.names)


def _best_split(paragraph: str, item: ItemText) -> tuple[float, int]:
    """How well ``paragraph`` starts like the item's opening, and where the opening ends."""
    opening = normalise(item.opening)
    response = normalise(item.response)
    best = (0.0, 0, 0.0)
    for point in _split_points(paragraph, 2 * len(item.opening) + 200):
        head = paragraph[:point]
        if not _has_clue(head, item) and _ratio(normalise(head), opening) < WITHOUT_CLUE:
            continue
        head_score = _ratio(normalise(head), opening)
        tail = normalise(paragraph[point:])
        tail_score = _ratio(tail, response) if response and tail else 0.0
        if head_score + tail_score > best[0] + best[2]:
            best = (head_score, point, tail_score)
    return best[0], best[1]


class ItemParagraphs:
    """Finds the paragraphs of the letter's motions and commitments in the Word text."""

    def __init__(self, items: list[ItemText]) -> None:
        self.items = items
        self._openings = [normalise(item.opening) for item in items]

    def find_unchanged(self, paragraphs: Iterable[str]) -> None:
        """First pass over the whole letter: paragraphs whose opening is unchanged.

        Done before any edited paragraph is looked for, so an edited paragraph never
        claims an item whose own paragraph stands further on.
        """
        for paragraph in paragraphs:
            key = normalise(paragraph)
            for item, opening in zip(self.items, self._openings, strict=True):
                if not item.found and opening and key.startswith(opening):
                    item.found = True
                    item.paragraph = paragraph
                    item.new_response = paragraph[_prefix_length(paragraph, opening) :].strip()
                    break

    def take(self, paragraphs: list[str]) -> list[str]:
        """Take the item paragraphs out of ``paragraphs``; the rest is returned."""
        rest = []
        for paragraph in paragraphs:
            if not self._take_one(paragraph):
                rest.append(paragraph)
        return rest

    def _take_one(self, paragraph: str) -> bool:
        for item in self.items:
            if item.paragraph == paragraph and not item.taken:
                item.taken = True
                return True
        scored = []
        for item in self.items:
            if item.found:
                continue
            score, point = _best_split(paragraph, item)
            if point:
                scored.append((score, point, item))
        if not scored:
            return False
        score, point, item = max(scored, key=lambda found: found[0])
        if score < WITH_CLUE:
            return False
        item.found = item.taken = True
        item.edited_opening = True
        item.new_response = paragraph[point:].strip()
        return True

    def warnings(self) -> list[str]:
        """What could not be carried back, in Dutch."""
        messages = []
        for item in self.items:
            what = "de motie" if item.kind == "motie" else "de toezegging"
            if not item.found:
                messages.append(
                    f"De alinea bij {item.label} staat niet (meer) in het Word-bestand; de "
                    "reactie in het register blijft staan. Haal de "
                    f"{what[3:]} uit de brief als die er niet meer in hoort."
                )
            elif item.edited_opening:
                messages.append(
                    f"De openingszin bij {item.label} is in Word gewijzigd. Die zin komt uit "
                    f"het register (gegevens van {what}) en wordt niet overgenomen; de "
                    "reactie is wel ingelezen. Wijzig de gegevens zelf in het register als "
                    "de openingszin anders moet."
                )
        return messages
