"""The YAML header (front matter) of a Markdown letter, read as the text that was typed.

PyYAML's safe loader follows YAML 1.1, which turns ``kenmerk: 0123`` into 83 (octal),
``ondertekenaar: 12:30`` into 750 (base 60), ``betreft: yes`` into True and
``datum: 2020-02-31`` into a crash. A letter's header holds text, so every value is read as
a string (PyYAML's ``BaseLoader``: no numbers, booleans, dates or Python objects), a key
given twice is an error instead of the last one silently winning, and a mistake is told in
Dutch with the line of the file it is on.
"""

from __future__ import annotations

import functools
from typing import Any

from desktop.core.errors import InvalidInput

# -- PyYAML's problems that a user typing a header meets, in Dutch with what to do --
_HINTS = (
    (
        "mapping values are not allowed",
        "een dubbele punt midden in een waarde; zet de waarde dan tussen aanhalingstekens, "
        'bijvoorbeeld betreft: "Voortgang: IMVO"',
    ),
    ("could not find expected ':'", "een regel zonder dubbele punt na de sleutel"),
    ("cannot start any token", "een teken waarmee een waarde niet kan beginnen (zoals een tab)"),
    ("found unexpected end of stream", "een aanhalingsteken of haakje dat niet wordt gesloten"),
    ("while scanning a quoted scalar", "een aanhalingsteken dat niet wordt gesloten"),
    ("flow sequence", "een [ of ] die niet bij elkaar horen"),
    ("flow mapping", "een { of } die niet bij elkaar horen"),
    ("did not find expected key", "een regel die niet met een sleutel begint"),
)


@functools.cache
def _loader() -> type:
    import yaml  # -- only documents with a header pay for PyYAML's import --

    class HeaderLoader(yaml.BaseLoader):
        """Strings, lists and mappings only; a key given twice is an error."""

        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            seen: set[str] = set()
            for key_node, _value in node.value:
                key = str(key_node.value)
                if key in seen:
                    raise _Duplicate(key, key_node.start_mark.line)
                seen.add(key)
            return dict(super().construct_mapping(node, deep=deep))

    return HeaderLoader


class _Duplicate(Exception):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key = key
        self.line = line


def read_header(content: str, first_line: int = 2) -> dict[str, Any]:
    """The header's keys and values (strings, or lists and mappings of strings).

    ``content`` is the text between the two ``---`` lines; ``first_line`` the number of its
    first line in the file (2 when the header opens the file), for the messages.

    Raises:
        InvalidInput: the header is no valid YAML, not a set of keys, or has a key twice.
    """
    import yaml

    try:
        data = yaml.load(content, Loader=_loader())
    except _Duplicate as duplicate:
        raise InvalidInput(
            f"De sleutel ‘{duplicate.key}’ staat twee keer in de kop van het document "
            f"(tweede keer op regel {duplicate.line + first_line}). Laat er één staan."
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = f"{error.context or ''} {error.problem or ''}"
        hint = next((dutch for english, dutch in _HINTS if english in problem), None)
        where = ""
        if mark is not None:
            lines = content.split("\n")
            shown = lines[mark.line].strip() if mark.line < len(lines) else ""
            where = f" op regel {mark.line + first_line}" + (f" (‘{shown}’)" if shown else "")
        raise InvalidInput(
            f"De kop (YAML) van het document is ongeldig{where}: {hint or 'de opbouw klopt niet'}."
        ) from error
    except yaml.YAMLError as error:
        raise InvalidInput("De kop (YAML) van het document is ongeldig.") from error
    if data is None or data == "":
        return {}
    if not isinstance(data, dict):
        raise InvalidInput("De kop (YAML) van het document moet sleutels met waarden bevatten.")
    return {str(key): value for key, value in data.items()}


def text_value(header: dict[str, Any], key: str) -> str | None:
    """A one-line text value (None when absent or empty).

    Raises:
        InvalidInput: the value is a list or a set of keys.
    """
    value = header.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(
            f"‘{key}’ in de kop van het document moet één tekst zijn, geen lijst of "
            "sleutels met waarden."
        )
    return " ".join(value.split()) or None


def lines_value(header: dict[str, Any], key: str) -> list[str]:
    """A value of several lines: a list of texts, or one text split at its line ends.

    Raises:
        InvalidInput: an item of the list is itself a list or a set of keys.
    """
    value = header.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        if not all(isinstance(item, str) for item in value):
            raise InvalidInput(
                f"‘{key}’ in de kop van het document moet een lijst van regels tekst zijn."
            )
        return [" ".join(item.split()) for item in value if item.strip()]
    if isinstance(value, dict):
        raise InvalidInput(
            f"‘{key}’ in de kop van het document moet tekst of een lijst van regels zijn."
        )
    return [" ".join(line.split()) for line in value.splitlines() if line.strip()]
