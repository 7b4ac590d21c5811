"""Templates: helpers, user folder, and clear Dutch errors."""

import datetime as dt

import pytest

from desktop import paths
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import Motion
from desktop.core.drafting.templates import TemplateLibrary, escape_markdown, verzoek_phrase
from desktop.core.errors import TemplateProblem


@pytest.fixture
def library(tmp_path):
    user = tmp_path / "eigen"
    user.mkdir()
    return TemplateLibrary(paths.shipped_templates_dir(), user)


def test_helpers_produce_house_style(library):
    motion = Motion(
        kamerstuk=KamerstukRef.parse("35 000 XVII, nr. 34"), indieners=["Diks", "Van den Hul"]
    )
    out = library.render_string(
        "{{ motie_naam(m, hoofdletter=True) }} ({{ citeer(m.kamerstuk) }}); "
        "{{ citeer(m.kamerstuk.with_vergaderjaar(d), 'juridisch') }}; {{ datum(d) }}; "
        "{{ lijst(['A', 'B', 'C']) }}; {{ aantal(2, 'motie', 'moties', tal=True) }}; "
        "{{ voetnoot('Zie [bron]') }}",
        {"m": motion, "d": dt.date(2020, 2, 21)},
    )
    assert out == (
        "De motie Diks/Van den Hul (Kamerstuk 35\u00a0000\u00a0XVII, nr.\u00a034); "
        "Kamerstukken II 2019/20, 35\u00a0000\u00a0XVII, nr.\u00a034; 21 februari 2020; "
        "A, B en C; een tweetal moties; ^[Zie \\[bron\\]]"
    )


def test_verzoek_phrase_merges_clauses():
    motion = Motion(
        kamerstuk=KamerstukRef.parse("26 485, nr. 229"),
        verzoeken=[
            "verzoekt de regering, de steun voort te zetten,",
            "verzoekt de regering tevens de Kamer te informeren",
        ],
    )
    assert verzoek_phrase(motion) == (
        "verzoekt de regering de steun voort te zetten en tevens de Kamer te informeren"
    )


def test_escape_markdown_keeps_registry_text_literal():
    assert escape_markdown("*niet* cursief [^1] #1") == r"\*niet\* cursief \[\^1\] #1"
    assert escape_markdown("# geen kop") == r"\# geen kop"


def test_user_templates_are_listed_and_win_shipped_files_untouched(library, tmp_path):
    shipped = paths.shipped_templates_dir() / "voortgangsbrief.md.j2"
    before = shipped.read_bytes()
    (tmp_path / "eigen" / "kort.md.j2").write_text("Kort: {{ brief }}", encoding="utf-8")
    names = {info.name: info.eigen for info in library.names()}
    assert names == {"kort": True, "voortgangsbrief": False}
    assert library.render("kort", {"brief": "x"}) == "Kort: x"
    (tmp_path / "eigen" / "voortgangsbrief.md.j2").write_text("eigen versie", encoding="utf-8")
    assert library.render("voortgangsbrief", {}) == "eigen versie"
    assert shipped.read_bytes() == before


def test_syntax_error_names_template_line_and_text(library, tmp_path):
    (tmp_path / "eigen" / "kapot.md.j2").write_text(
        "Regel een\nRegel twee {% for x in %}\nRegel drie", encoding="utf-8"
    )
    with pytest.raises(TemplateProblem) as info:
        library.render("kapot", {"brief": {}})
    message = str(info.value)
    assert "‘kapot’" in message and "regel 2" in message
    assert "Regel twee {% for x in %}" in message


def test_undefined_variable_is_named(library, tmp_path):
    (tmp_path / "eigen" / "onbekend.md.j2").write_text("a\nb {{ ontbreekt }}", encoding="utf-8")
    with pytest.raises(TemplateProblem, match="‘ontbreekt’, maar dat bestaat niet") as info:
        library.render("onbekend", {})
    assert "regel 2" in str(info.value)


def test_unknown_template(library):
    with pytest.raises(TemplateProblem, match="geen sjabloon ‘bestaat-niet’"):
        library.render("bestaat-niet", {})


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ lijst.__globals__ }}",
        "{{ brief.__class__ }}",
    ],
)
def test_sandbox_blocks_attribute_escapes(library, source):
    with pytest.raises(TemplateProblem, match=r"niet is toegestaan|bestaat niet"):
        library.render_string(source, {"brief": object()})


def test_enormous_output_is_stopped(library, monkeypatch):
    import desktop.core.drafting.templates as templates

    monkeypatch.setattr(templates, "MAX_OUTPUT_CHARS", 10_000)
    with pytest.raises(TemplateProblem, match="meer dan"):
        library.render_string("{% for i in range(100000) %}xxxxxxxxxx{% endfor %}", {})


def test_deep_recursion_is_stopped(library):
    source = "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"
    with pytest.raises(TemplateProblem, match="te diep"):
        library.render_string(source, {})


HOSTILE = [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "niet is toegestaan"),
    ("{{ lijst.__globals__['os'] }}", "niet is toegestaan"),
    ("{{ datum.__code__ }}", "niet is toegestaan"),
    ("{% set x = [].__class__ %}{{ x }}", "niet is toegestaan"),
    ("{{ 'x' * 100000000 }}", "te lange tekst"),
    ("{{ 10 ** 100000000 }}", "te grote macht"),
    ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "te diep"),
]


@pytest.mark.parametrize(("source", "message"), HOSTILE)
def test_hostile_templates_end_in_a_clear_error(library, source, message):
    with pytest.raises(TemplateProblem, match=message):
        library.render_string(source, {})


def test_silent_endless_loop_is_stopped_within_the_time_limit(library, monkeypatch):
    import time

    import desktop.core.drafting.templates as templates

    monkeypatch.setattr(templates, "TIME_LIMIT_SECONDS", 1.0)
    source = (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% set k = i %}"
        "{% endfor %}{% endfor %}"
    )
    start = time.monotonic()
    with pytest.raises(TemplateProblem, match="langer dan"):
        library.render_string(source, {})
    assert time.monotonic() - start < 6
    # The library still works afterwards.
    assert library.render_string("{{ 1 + 1 }}", {}) == "2"


def test_a_motion_without_its_text_reads_as_a_whole_sentence():
    # -- from open data or an earlier letter: no requests yet; the letter said
    # -- "De motie Van Laar (…) verzoekt de regering." --
    ref = KamerstukRef.of(26485, 224)
    about = Motion(kamerstuk=ref, onderwerp="toezicht op de IMVO-convenanten")
    assert verzoek_phrase(about) == "gaat over toezicht op de IMVO-convenanten"
    bare = Motion(kamerstuk=ref)
    assert verzoek_phrase(bare) == (
        "verzoekt de regering (de tekst van de motie staat nog niet in het register)"
    )
