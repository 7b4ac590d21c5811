"""Letter templates: jinja2 in a sandbox, shipped and per-user, with clear Dutch errors."""

from __future__ import annotations

import ctypes
import datetime as dt
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from desktop.core.domain.dutch import count_in_words, format_date, join_list
from desktop.core.domain.kamerstuk import NBSP, KamerstukRef
from desktop.core.domain.models import Commitment, Motion
from desktop.core.domain.naming import motion_name
from desktop.core.errors import TemplateProblem

SUFFIX = ".md.j2"
MAX_OUTPUT_CHARS = 10_000_000
TIME_LIMIT_SECONDS = 10.0

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>^|])")


def escape_markdown(text: object) -> str:
    """Escape registry text so Markdown never reads it as markup."""
    value = _MD_SPECIAL.sub(r"\\\1", str(text))
    return re.sub(r"^(\s*)([#+-]|\d+[.)])(\s)", r"\1\\\2\3", value, flags=re.MULTILINE)


def _citeer(ref: KamerstukRef | str | None, stijl: str = "brief") -> str:
    """A Kamerstuk in the chosen style; text (a motion's title and date) as it is."""
    if ref is None:
        return ""
    if isinstance(ref, str):
        return ref
    if stijl == "juridisch":
        return ref.legal_style(nbsp=True)
    if stijl == "kort":
        return ref.number_label(nbsp=True)
    return ref.letter_style(nbsp=True)


def _motie_naam(motion: Motion, hoofdletter: bool = False) -> str:
    return motion_name(
        motion.indieners,
        gewijzigd=motion.gewijzigd,
        nader=motion.wijziging == "nader gewijzigd",
        capital=hoofdletter,
    )


_REQUEST_VERB = re.compile(r"^(verzoekt (?:de regering|het kabinet)),?\s*")


def verzoek_phrase(motion: Motion) -> str:
    """The motion's request as a clause: ``verzoekt de regering X en Y``."""
    clauses = [" ".join(v.split()).rstrip(" ,.;") for v in motion.verzoeken if v.strip()]
    if not clauses:
        # -- no text in the registry yet (a motion from open data or a letter): what it is
        # -- about, or say plainly that the request is missing, never half a sentence --
        if motion.onderwerp:
            return f"gaat over {' '.join(motion.onderwerp.split()).rstrip(' ,.;')}"
        return "verzoekt de regering (de tekst van de motie staat nog niet in het register)"
    first = _REQUEST_VERB.match(clauses[0])
    cleaned = []
    for index, clause in enumerate(clauses):
        match = _REQUEST_VERB.match(clause)
        if match and index and first and match.group(1) == first.group(1):
            clause = clause[match.end() :]
        elif match:
            clause = f"{match.group(1)} {clause[match.end() :]}"
        cleaned.append(clause)
    return join_list(cleaned)


def motion_lead(motion: Motion) -> tuple[str, str]:
    """How the shipped template opens a motion's paragraph, before the response.

    ``("De motie Van Laar (Kamerstuk 26 485, nr. 224)", "verzoekt de regering … te toetsen.")``:
    the composer shows it above the response, as the letter reads.
    """
    name = (
        f"{_motie_naam(motion, hoofdletter=True)} ({_citeer(motion.kamerstuk or motion.reference)})"
    )
    return name, f"{verzoek_phrase(motion)}."


def commitment_lead(commitment: Commitment) -> tuple[str, str]:
    """How the shipped template opens a commitment's paragraph: ``("Toezegging 12:", "tekst")``."""
    name = f"Toezegging {commitment.nummer}:" if commitment.nummer else "Toezegging:"
    text = commitment.tekst.strip()
    if commitment.kamerstuk is not None:
        text += f" ({_citeer(commitment.kamerstuk)})"
    return name, text


def _datum(value: dt.date | str | None) -> str:
    return format_date(value) if value else ""


def _aantal(count: int, enkelvoud: str, meervoud: str, tal: bool = False) -> str:
    return count_in_words(int(count), enkelvoud, meervoud, collective=tal)


def _voetnoot(text: object) -> str:
    body = str(text).strip()
    return "^[" + body.replace("]", "\\]").replace("[", "\\[") + "]" if body else ""


def _lijst(items: Iterable[object]) -> str:
    return join_list(str(item) for item in items)


MAX_SEQUENCE_PRODUCT = 1_000_000
MAX_POWER_EXPONENT = 1_000


class _TemplateTimeout(Exception):
    """Raised inside a template thread that ran past its time limit."""


class _LimitedEnvironment(SandboxedEnvironment):
    """A sandbox that also stops templates that run too long or build huge values."""

    deadline: float = 0.0
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > MAX_POWER_EXPONENT:
            raise TemplateProblem("Het sjabloon rekent met een te grote macht.")
        if operator == "*":
            sizes = [len(x) for x in (left, right) if isinstance(x, str | list | tuple)]
            counts = [x for x in (left, right) if isinstance(x, int)]
            if sizes and counts and sizes[0] * max(counts[0], 0) > MAX_SEQUENCE_PRODUCT:
                raise TemplateProblem("Het sjabloon maakt een te lange tekst of lijst.")
        return super().call_binop(context, operator, left, right)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if self.deadline and time.monotonic() > self.deadline:
            raise _TemplateTimeout()
        return super().call(__context, __obj, *args, **kwargs)


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    """A template the user can choose."""

    name: str
    path: Path
    eigen: bool


class TemplateLibrary:
    """Shipped templates plus the user's own folder; the user's win on equal names."""

    def __init__(self, shipped: Path, user: Path | None = None) -> None:
        self.shipped = shipped
        self.user = user
        loaders = [FileSystemLoader(str(user))] if user else []
        loaders.append(FileSystemLoader(str(shipped)))
        self.env = _LimitedEnvironment(
            loader=ChoiceLoader(loaders),
            undefined=StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        helpers: dict[str, Callable[..., Any]] = {
            "motie_naam": _motie_naam,
            "citeer": _citeer,
            "datum": _datum,
            "lijst": _lijst,
            "aantal": _aantal,
            "voetnoot": _voetnoot,
            "verzoek": verzoek_phrase,
            "md": escape_markdown,
        }
        self.env.globals.update(helpers)
        self.env.filters.update(helpers)

    def names(self) -> list[TemplateInfo]:
        """Available templates, the user's own first."""
        found: dict[str, TemplateInfo] = {}
        for folder, eigen in ((self.user, True), (self.shipped, False)):
            if folder and folder.is_dir():
                for path in sorted(folder.glob(f"*{SUFFIX}")):
                    name = path.name[: -len(SUFFIX)]
                    found.setdefault(name, TemplateInfo(name, path, eigen))
        return list(found.values())

    def source(self, name: str) -> str:
        """The text of a template."""
        for info in self.names():
            if info.name == name:
                return info.path.read_text(encoding="utf-8")
        raise TemplateProblem(f"Er is geen sjabloon ‘{name}’.")

    def render(self, name: str, context: dict[str, Any]) -> str:
        """Render a template by name.

        Raises:
            TemplateProblem: with the template's name, line and the offending text.
        """
        try:
            template = self.env.get_template(name + SUFFIX)
        except TemplateNotFound as exc:
            raise TemplateProblem(f"Er is geen sjabloon ‘{name}’.") from exc
        except TemplateSyntaxError as exc:
            raise _syntax_problem(exc, name) from exc
        return self._run(name, lambda: template.generate(**context))

    def render_string(self, source: str, context: dict[str, Any], name: str = "invoer") -> str:
        """Render template text that is being edited (for the preview)."""
        try:
            template = self.env.from_string(source)
        except TemplateSyntaxError as exc:
            exc.source = source
            raise _syntax_problem(exc, name) from exc
        return self._run(name, lambda: template.generate(**context))

    def _run(self, name: str, generate: Callable[[], Iterable[str]]) -> str:
        """Render on a worker thread so even a loop without calls or output can be stopped."""
        outcome: dict[str, Any] = {}

        def work() -> None:
            try:
                outcome["text"] = self._collect(name, generate)
            except BaseException as exc:  # handed to the caller's thread below
                outcome["error"] = exc

        worker = threading.Thread(target=work, name=f"sjabloon-{name}", daemon=True)
        worker.start()
        worker.join(TIME_LIMIT_SECONDS + 1.0)
        if worker.is_alive() and worker.ident is not None:
            # CPython delivers this between bytecodes: it ends pure-Python template loops.
            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(worker.ident), ctypes.py_object(_TemplateTimeout)
            )
            worker.join(2.0)
        error = outcome.get("error")
        if (
            isinstance(error, _TemplateTimeout)
            or worker.is_alive()
            or (error is None and "text" not in outcome)
        ):
            raise TemplateProblem(
                f"Het sjabloon ‘{name}’ doet er langer dan {TIME_LIMIT_SECONDS:.0f} seconden "
                "over en is gestopt."
            )
        if error is not None:
            raise error
        return str(outcome["text"])

    def _collect(self, name: str, generate: Callable[[], Iterable[str]]) -> str:
        self.env.deadline = time.monotonic() + TIME_LIMIT_SECONDS
        parts: list[str] = []
        size = 0
        try:
            for chunk in generate():
                size += len(chunk)
                if size > MAX_OUTPUT_CHARS:
                    raise TemplateProblem(
                        f"Het sjabloon ‘{name}’ maakt meer dan {MAX_OUTPUT_CHARS:,} tekens tekst "
                        "en is gestopt.".replace(",", ".")
                    )
                if time.monotonic() > self.env.deadline:
                    raise _TemplateTimeout()
                parts.append(chunk)
        except (TemplateProblem, _TemplateTimeout):
            raise
        except UndefinedError as exc:
            missing = re.search(r"'([^']+)' is undefined", str(exc))
            what = f"‘{missing.group(1)}’" if missing else str(exc)
            raise TemplateProblem(
                f"Het sjabloon ‘{name}’{_line_hint()} gebruikt {what}, maar dat bestaat niet."
            ) from exc
        except SecurityError as exc:
            raise TemplateProblem(
                f"Het sjabloon ‘{name}’{_line_hint()} probeert iets dat niet is toegestaan: {exc}."
            ) from exc
        except RecursionError as exc:
            raise TemplateProblem(
                f"Het sjabloon ‘{name}’ roept zichzelf te diep aan en is gestopt."
            ) from exc
        except MemoryError as exc:  # pragma: no cover - depends on the machine
            raise TemplateProblem(f"Het sjabloon ‘{name}’ vraagt te veel geheugen.") from exc
        except (
            TypeError,
            ValueError,
            AttributeError,
            ZeroDivisionError,
            KeyError,
            OverflowError,
            IndexError,
        ) as exc:
            raise TemplateProblem(
                f"Het sjabloon ‘{name}’{_line_hint()} gaf een fout: {exc}."
            ) from exc
        finally:
            self.env.deadline = 0.0
        return "".join(parts)


def _line_hint() -> str:
    """`` (regel N)`` from the template frames of the exception being handled."""
    _, _, tb = sys.exc_info()
    # jinja2 rewrites tracebacks so template frames carry the template file and line.
    lines = [
        lineno
        for frame, lineno in traceback.walk_tb(tb)
        if frame.f_code.co_filename.endswith((SUFFIX, "<template>"))
    ]
    return f" (regel {lines[-1]})" if lines else ""


def _syntax_problem(exc: TemplateSyntaxError, name: str) -> TemplateProblem:
    line = ""
    if exc.source and exc.lineno:
        source_lines = exc.source.splitlines()
        if 0 < exc.lineno <= len(source_lines):
            line = source_lines[exc.lineno - 1].strip()
    shown = f"\n    {line}" if line else ""
    return TemplateProblem(f"Fout in sjabloon ‘{name}’, regel {exc.lineno}: {exc.message}.{shown}")


__all__ = [
    "NBSP",
    "TemplateInfo",
    "TemplateLibrary",
    "commitment_lead",
    "escape_markdown",
    "motion_lead",
    "verzoek_phrase",
]
