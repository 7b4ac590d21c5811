"""Repeat the seed letter body N times with renumbered footnotes: a large letter for scaling runs.

Usage: python bench/inputs/scale_letter.py IN N > OUT
"""

import re
import sys


def scale(source: str, times: int) -> str:
    body, _, notes = source.partition("\n[^1]: ")
    definitions = dict(re.findall(r"^\[\^(\d+)\]: (.+)$", "[^1]: " + notes, flags=re.M))
    bodies, defs = [], []
    for copy in range(times):
        bodies.append(re.sub(r"\[\^(\d+)\]", rf"[^{copy}x\1]", body))
        defs += [f"[^{copy}x{key}]: {value}" for key, value in definitions.items()]
    return "\n\n".join(bodies) + "\n\n" + "\n".join(defs) + "\n"


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        sys.stdout.write(scale(handle.read(), int(sys.argv[2])))
