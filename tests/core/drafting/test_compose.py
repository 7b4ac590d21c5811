"""Composing letters from the registry: the 2020 structure, and edge cases."""

from desktop import paths
from desktop.core.domain.models import Letter
from desktop.core.drafting.compose import compose_letter, render_letter_markdown
from desktop.core.drafting.frontmatter import compose_markdown
from desktop.core.drafting.model import Heading, Paragraph, Text
from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.store import letters

LIBRARY = TemplateLibrary(paths.shipped_templates_dir())


def _text(block):
    return "".join(i.text for i in block.inlines if isinstance(i, Text))


def test_demo_letter_reproduces_the_2020_structure(demo_store):
    letter = letters.find_by_kenmerk(demo_store.db, "Min-BuZa.2020.396")
    markdown = render_letter_markdown(demo_store.db, letter, LIBRARY)
    assert (
        "Daarnaast wordt een tweetal moties afgedaan. Het betreft een motie over toezicht op de "
        "IMVO-convenanten (Kamerstuk 26\u00a0485, nr.\u00a0224) en de IMVO-richtlijnen voor "
        "ambassades (Kamerstuk 35\u00a0000\u00a0XVII, nr.\u00a034)."
    ) in markdown
    document = compose_letter(demo_store.db, letter, LIBRARY)
    headings = [_text(b) for b in document.body if isinstance(b, Heading)]
    assert headings == [s.titel for s in letter.sections]
    paragraphs = [_text(b) for b in document.body if isinstance(b, Paragraph)]
    assert any(
        p.startswith(
            "De motie Van Laar (Kamerstuk 26\u00a0485, nr.\u00a0224) verzoekt de regering jaarlijks"
        )
        for p in paragraphs
    )
    assert any(p.startswith("De motie Van Ojik/Karabulut") for p in paragraphs)
    assert any(
        "Op 1 januari 2021 treedt de Europese Conflictmineralenverordening" in p for p in paragraphs
    )
    assert document.footnote_count() == 9
    (annex,) = document.annexes
    assert annex.title == "Bijlage I: Voortgang IMVO-convenanten"
    assert len([b for b in annex.blocks if isinstance(b, Heading)]) == 13
    assert document.meta.kenmerk == "Min-BuZa.2020.396"
    assert document.meta.datum == "21 februari 2020"
    assert document.meta.bijlagen == 1


def test_letter_without_sections_motions_or_annex(store):
    with store.transaction() as db:
        letter_id = letters.add(db, Letter(betreft="Leeg", kenmerk="BZ-LEEG"))
    document = compose_letter(store.db, letters.get(store.db, letter_id), LIBRARY)
    assert document.body == [] and document.annexes == []
    assert document.meta.betreft == "Leeg"


def test_one_settled_motion_without_onderwerp_uses_its_name(demo_store):
    from desktop.core.domain.models import LetterMotion
    from desktop.core.store import motions

    voordewind = motions.list_motions(demo_store.db, search="Voordewind")[0]
    with demo_store.transaction() as db:
        letter_id = letters.add(
            db,
            Letter(
                betreft="Test", kenmerk="BZ-1", motions=[LetterMotion(voordewind.id, "Gedaan.")]
            ),
        )
    markdown = render_letter_markdown(demo_store.db, letters.get(demo_store.db, letter_id), LIBRARY)
    assert (
        "In deze brief wordt één motie afgedaan. Het betreft de motie Voordewind "
        "(Kamerstuk 26\u00a0485, nr.\u00a0229)."
    ) in markdown
    assert "# Moties" in markdown
    assert (
        "De motie Voordewind (Kamerstuk 26\u00a0485, nr.\u00a0229) verzoekt de regering de "
        "steun aan het programma" in markdown
    )


def test_compose_markdown_front_matter():
    document = compose_markdown(
        "---\nkenmerk: BZ-2026-7\ndatum: 2026-11-21\nbetreft: Proef\nafzender: Directie X\n"
        "adres: [Rijnstraat 8, 2515 XP Den Haag]\n---\n\nTekst."
    )
    assert document.meta.letterhead
    assert document.meta.datum == "21 november 2026"
    assert document.meta.afzender.adres == ["Rijnstraat 8", "2515 XP Den Haag"]
    plain = compose_markdown("Alleen tekst.")
    assert not plain.meta.letterhead


def test_a_motion_without_a_number_is_cited_by_its_title_and_date(store):
    import datetime as dt

    from desktop.core.domain.models import LetterMotion, Motion
    from desktop.core.store import motions

    with store.transaction() as db:
        motion_id = motions.add(
            db,
            Motion(
                kamerstuk=None,
                zaaknummer="2020Z22901",
                titel="Motie van het lid Jasper van Dijk over kinderarbeid",
                indieners=["Jasper van Dijk"],
                voorgesteld=dt.date(2020, 11, 26),
                verzoeken=["verzoekt de regering, kinderarbeid te verbieden"],
            ),
        )
        letter_id = letters.add(
            db, Letter(betreft="Test", kenmerk="BZ-2", motions=[LetterMotion(motion_id, "")])
        )
    markdown = render_letter_markdown(store.db, letters.get(store.db, letter_id), LIBRARY)
    assert (
        "De motie Jasper van Dijk (motie van het lid Jasper van Dijk over kinderarbeid, "
        "voorgesteld 26 november 2020) verzoekt de regering kinderarbeid te verbieden"
    ) in markdown
    assert "()" not in markdown
