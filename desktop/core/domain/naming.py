"""How letters name motions: ``de motie Van Laar``, ``de motie Diks/Van den Hul``."""

from __future__ import annotations

import functools
from collections.abc import Sequence

# Dutch surname particles (tussenvoegsels); lower case inside a name, capitalised when
# the surname stands alone ("Van Laar", but "Jasper van Dijk").
PARTICLES = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "het",
        "ter",
        "ten",
        "te",
        "'t",
        "in",
        "op",
        "la",
        "le",
        "du",
        "d'",
        "von",
        "el",
        "al",
        "uit",
        "aan",
        "bij",
        "onder",
        "over",
        "voor",
        "vd",
    }
)


def _capitalise_word(word: str) -> str:
    """Capitalise one surname word, keeping the Dutch IJ digraph together."""
    parts = []
    for part in word.split("-"):
        lower = part.lower()
        if lower.startswith("ij"):
            parts.append("IJ" + lower[2:])
        elif lower.startswith("'") and len(lower) > 1:
            parts.append(lower)
        else:
            parts.append(lower[:1].upper() + lower[1:])
    return "-".join(parts)


@functools.lru_cache(maxsize=4096)  # names recur: an import writes the same ones thousands of times
def proper_case_name(name: str) -> str:
    """Turn an upper-case name from a motion title into its written form.

    ``VAN DEN HUL`` → ``Van den Hul``, ``JASPER VAN DIJK`` → ``Jasper van Dijk``,
    ``VAN 'T WOUT`` → ``Van 't Wout``. Names already in mixed case are kept as
    written, apart from a leading particle, which is capitalised.
    """
    words = name.replace("\u00a0", " ").replace("’", "'").split()
    if not words:
        return ""
    if any(ch.islower() for ch in name):
        first = words[0]
        if first.lower() in PARTICLES:
            words[0] = first[:1].upper() + first[1:]
        return " ".join(words)
    result = []
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in PARTICLES:
            result.append(lower.capitalize() if index == 0 else lower)
        else:
            result.append(_capitalise_word(word))
    return " ".join(result)


def surname_for_citation(name: str) -> str:
    """Return a signer's name as used in a motion name (leading particle capitalised)."""
    return proper_case_name(name)


def motion_name(
    indieners: Sequence[str],
    *,
    gewijzigd: bool = False,
    nader: bool = False,
    capital: bool = False,
) -> str:
    """Name a motion the way letters do.

    One signer: ``de motie Van Laar``; two: ``de motie Diks/Van den Hul``; three or more:
    ``de motie Amhaouch c.s.``; an amended motion: ``de gewijzigde motie Van Laar``; one
    amended again (``NADER GEWIJZIGDE MOTIE``, ``nader``): ``de nader gewijzigde motie …``.
    ``capital`` gives the sentence-initial form (``De motie ...``).
    """
    names = [surname_for_citation(name) for name in indieners if name.strip()]
    noun = "nader gewijzigde motie" if nader else "gewijzigde motie" if gewijzigd else "motie"
    if not names:
        label = f"de {noun}"
    elif len(names) == 1:
        label = f"de {noun} {names[0]}"
    elif len(names) == 2:
        label = f"de {noun} {names[0]}/{names[1]}"
    else:
        label = f"de {noun} {names[0]} c.s."
    return label[0].upper() + label[1:] if capital else label
