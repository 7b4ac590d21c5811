"""Citations of registry items: stored as links, written as the registry says at render time."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from markdown_it import MarkdownIt

from desktop import paths
from desktop.core.domain.kamerstuk import KamerstukRef
from desktop.core.domain.models import LetterSection, Motion
from desktop.core.drafting.citations import (
    CitationTarget,
    RegistryCitations,
    citation_markdown,
    find_citations,
    missing_citations,
    motion_citation,
    refresh_citations,
    render_citations,
    starts_sentence,
)
from desktop.core.drafting.compose import compose_letter, render_letter_markdown
from desktop.core.drafting.markdown import parse_markdown
from desktop.core.drafting.model import Paragraph, Text
from desktop.core.drafting.richtext import is_citation, parse_blocks, to_markdown
from desktop.core.services.export_checks import (
    CLOSING,
    INTRODUCTION,
    MOTION,
    SECTION,
    export_warnings,
)
from desktop.core.store import letters, motions
from tests.core.drafting.test_richtext import documents

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("target", "href"),
    [
        (CitationTarget.motion(12), "motie:12"),
        (CitationTarget.kamerstuk(KamerstukRef.of(26485, 317)), "kamerstuk:26485-317"),
        (CitationTarget.kamerstuk(KamerstukRef.of(35000, 34, "XVII")), "kamerstuk:35000-XVII-34"),
        (CitationTarget.kamerstuk(KamerstukRef.of(21501, 2333, "20")), "kamerstuk:21501-20-2333"),
        (
            CitationTarget.kamerstuk(KamerstukRef.of(32500, 5, "(R1519)")),
            "kamerstuk:32500-%28R1519%29-5",
        ),
        (
            CitationTarget.kamerstuk(KamerstukRef.of(31700, "D", "VI", kamer="I")),
            "kamerstuk:I-31700-VI-D",
        ),
    ],
)
def test_a_target_is_written_and_read_back(target, href):
    assert target.href == href
    assert CitationTarget.parse(href) == target
    # The stored form is a plain Markdown link (no brackets to escape).
    assert citation_markdown("tekst", target) == f"[tekst]({href})"


@pytest.mark.parametrize(
    "href", ["motie:", "motie:abc", "kamerstuk:26485", "kamerstuk:x-1", "https://x"]
)
def test_a_target_that_cannot_be_read_is_none(href):
    assert CitationTarget.parse(href) is None


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("", True),
        ("Dat is gedaan. ", True),
        ("Is dat zo? ", True),
        ("Eerste alinea.\n\n", True),
        ("Zie ^[", True),
        ("- ", True),
        ("# ", True),
        ("Het kabinet voert ", False),
        ("zie o.a. ", False),
        ("zie bijv. ", False),
        ("Het betreft: ", False),
        ("Een regel\n", False),
        ("Zo is het.\n", True),
        ("Zo is het. **", True),
    ],
)
def test_what_starts_a_sentence(before, expected):
    assert starts_sentence(before) is expected


def test_rendering_writes_the_registry_text_capitalised_at_a_sentence_start():
    markdown = (
        "[de motie X (zaak 2020Z1)](motie:6) is aangenomen. Zie o.a. [De motie X](motie:6) "
        "en **[de motie Y](motie:7)**.^[[Kamerstuk 1, nr. 2](kamerstuk:1-2).] "
        "Geen verwijzing: \\[tekst\\](motie:6) of [site](https://x.nl)."
    )
    known = {
        "motie:6": f"de motie Van den Hul c.s. (Kamerstuk 26{NBSP}485, nr.{NBSP}317)",
        "kamerstuk:1-2": f"Kamerstuk 1, nr.{NBSP}2",
    }

    def house_style(target):
        return known.get(target.href)

    rendered = render_citations(markdown, house_style)
    assert rendered == (
        f"De motie Van den Hul c.s. (Kamerstuk 26{NBSP}485, nr.{NBSP}317) is aangenomen. "
        f"Zie o.a. de motie Van den Hul c.s. (Kamerstuk 26{NBSP}485, nr.{NBSP}317) "
        f"en **de motie Y**.^[Kamerstuk 1, nr.{NBSP}2.] "
        "Geen verwijzing: \\[tekst\\](motie:6) of [site](https://x.nl)."
    )
    # The one the registry does not know keeps its own text, and is the one missing.
    assert [found.text for found in missing_citations(markdown, house_style)] == ["de motie Y"]
    # Refreshing keeps the links: only their text changes.
    refreshed = refresh_citations(markdown, house_style)
    assert [c.href for c in find_citations(refreshed)] == [
        "motie:6",
        "motie:6",
        "motie:7",
        "kamerstuk:1-2",
    ]
    assert refreshed.startswith(f"[De motie Van den Hul c.s. (Kamerstuk 26{NBSP}485")


def test_a_text_without_citations_is_left_exactly_as_it_is():
    text = "Tekst met [een link](https://x.nl) en een ^[voetnoot]."
    assert render_citations(text, lambda target: "X") is text


def test_citations_survive_the_editor_round_trip_side_by_side():
    markdown = "[A](motie:1)[A](motie:1) en [**B**](kamerstuk:1-2)"
    blocks = parse_blocks(markdown)
    assert [span.text for span in blocks[0].spans] == ["A", "A", " en ", "B"]
    assert to_markdown(blocks) == markdown


def test_an_unnumbered_motion_is_cited_by_its_title_until_it_has_a_number(demo_store):
    with demo_store.transaction() as db:
        motion_id = motions.add(
            db,
            Motion(
                None,
                indieners=["Van den Hul"],
                zaaknummer="2020Z21999",
                titel="Motie van het lid Van den Hul over eerlijke handel",
            ),
        )
    house_style = RegistryCitations(demo_store.db)
    target = CitationTarget.motion(motion_id)
    assert house_style(target) == (
        "de motie Van den Hul (motie van het lid Van den Hul over eerlijke handel, zaak 2020Z21999)"
    )
    with demo_store.transaction() as db:
        motion = motions.get(db, motion_id)
        motion.kamerstuk = KamerstukRef.of(26485, 317)
        motions.update(db, motion)
    assert RegistryCitations(demo_store.db)(target) == (
        f"de motie Van den Hul (Kamerstuk 26{NBSP}485, nr.{NBSP}317)"
    )
    assert motion_citation(motions.get(demo_store.db, motion_id), capital=True).startswith(
        "De motie Van den Hul"
    )
    # A Kamerstuk in the registry, and one that is not.
    assert RegistryCitations(demo_store.db)(
        CitationTarget.kamerstuk(KamerstukRef.of(26485, 293))
    ) == (f"Kamerstuk 26{NBSP}485, nr.{NBSP}293")
    assert (
        RegistryCitations(demo_store.db)(CitationTarget.kamerstuk(KamerstukRef.of(99999, 1)))
        is None
    )
    assert RegistryCitations(demo_store.db)(CitationTarget.motion(987654)) is None


def _cited_letter(store):
    letter = letters.find_by_kenmerk(store.db, "Min-BuZa.2020.396")
    assert letter is not None
    laar = motions.find(store.db, KamerstukRef.of(26485, 224))
    assert laar is not None and laar.id is not None
    first = letter.sections[0]
    sections = [
        dataclasses.replace(first, tekst=f"[de motie Laar](motie:{laar.id}) is uitgevoerd."),
        *letter.sections[1:],
        LetterSection("Weg", "Zie [de motie Weg (Kamerstuk 1, nr. 1)](motie:987654)."),
    ]
    edited = dataclasses.replace(
        letter,
        inleiding="Over [Kamerstuk 99 999, nr. 1](kamerstuk:99999-1).",
        slot="Tot slot [de motie Weg](motie:987654).",
        sections=sections,
        motions=[
            dataclasses.replace(
                letter.motions[0],
                response="Zie ook [Kamerstuk 26 485, nr. 293](kamerstuk:26485-293).",
            ),
            *letter.motions[1:],
        ],
    )
    return edited, laar


def test_the_letter_says_what_the_registry_says_and_never_the_link(demo_store):
    letter, _laar = _cited_letter(demo_store)
    library = paths.default_library()
    markdown = render_letter_markdown(demo_store.db, letter, library)
    assert f"De motie Van Laar (Kamerstuk 26{NBSP}485, nr.{NBSP}224) is uitgevoerd." in markdown
    assert f"Zie ook Kamerstuk 26{NBSP}485, nr.{NBSP}293." in markdown
    assert "Zie de motie Weg (Kamerstuk 1, nr. 1)." in markdown  # gone: its own text
    assert "motie:" not in markdown and "kamerstuk:" not in markdown
    # The letter model the Word writer gets says the same.
    document = compose_letter(demo_store.db, letter, library)
    paragraphs = [
        "".join(item.text for item in block.inlines if isinstance(item, Text))
        for block in document.body
        if isinstance(block, Paragraph)
    ]
    assert f"De motie Van Laar (Kamerstuk 26{NBSP}485, nr.{NBSP}224) is uitgevoerd." in paragraphs


def test_a_citation_of_what_left_the_registry_is_a_warning_before_export(demo_store):
    letter, _laar = _cited_letter(demo_store)
    warnings = [w for w in export_warnings(demo_store, letter) if "verwijst naar" in w.message]
    assert [(w.where, w.index, w.found) for w in warnings] == [
        (INTRODUCTION, None, "Kamerstuk 99 999, nr. 1"),
        (SECTION, len(letter.sections) - 1, "de motie Weg (Kamerstuk 1, nr. 1)"),
        (CLOSING, None, "de motie Weg"),
    ]
    assert warnings[1].message == (
        "De sectie ‘Weg’ verwijst naar ‘de motie Weg (Kamerstuk 1, nr. 1)’, maar dat staat niet "
        "(meer) in het register: de brief houdt de tekst van toen de verwijzing werd ingevoegd."
    )
    assert MOTION not in [w.where for w in warnings]  # the response cites a known Kamerstuk


def _inline_citations(markdown: str) -> list[tuple[str, str]]:
    """The citations in a footnote's Markdown, read inline as the Word export reads it."""
    found: list[tuple[str, str]] = []
    for token in MarkdownIt("commonmark").parseInline(markdown):
        href, parts = None, []
        for child in token.children or []:
            if child.type == "link_open":
                href, parts = str(child.attrs.get("href", "")), []
            elif child.type == "link_close" and href is not None:
                if is_citation(href):
                    found.append((href, "".join(parts)))
                href = None
            elif href is not None and child.type in ("text", "softbreak"):
                parts.append(" " if child.type == "softbreak" else child.content)
    return found


def _cited(spans) -> list[tuple[str, str]]:
    found = []
    for span in spans:
        if is_citation(span.link):
            found.append((span.link, span.text))
        if span.note is not None:
            found += _inline_citations(span.note)
    return found


@settings(max_examples=200, deadline=None)
@given(documents())
def test_every_citation_the_editor_stores_is_found_and_written_out(blocks):
    markdown = to_markdown(blocks)
    stored = sorted(pair for block in parse_blocks(markdown) for pair in _cited(block.spans))
    found = find_citations(markdown)
    assert sorted((c.href, c.text) for c in found) == stored
    # Written out, not one link to the registry is left; each says its registry text.
    rendered = render_citations(markdown, lambda target: "Registertekst")
    assert not find_citations(rendered)
    assert rendered.count("Registertekst") + rendered.count("registertekst") == len(stored)


def test_without_a_registry_a_citation_is_its_own_text():
    # ``voortgang render`` reads a Markdown file without a registry: the text, never the link.
    parsed = parse_markdown(
        "Zie [de motie Van Laar](motie:1) en [Kamerstuk 1, nr. 2](kamerstuk:1-2)."
    )
    paragraph = parsed.body[0]
    assert isinstance(paragraph, Paragraph)
    assert [type(item) for item in paragraph.inlines] == [Text] * len(paragraph.inlines)
    assert "".join(item.text for item in paragraph.inlines if isinstance(item, Text)) == (
        "Zie de motie Van Laar en Kamerstuk 1, nr. 2."
    )
