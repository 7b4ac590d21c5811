"""Pictures of page 1 of the demo letter, without and with a ministry template.

    python scripts/letter_screenshots.py

Writes docs/screenshots/brief-pagina-1.png (no letterhead set: the ministry's name as
text) and docs/screenshots/brief-pagina-1-sjabloon.png (a generated sample .dotx with a
made-up logo and Georgia; never the real Rijksoverheid emblem). Needs LibreOffice and
poppler's pdftoppm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop import paths  # noqa: E402
from desktop.core.demo import load_demo  # noqa: E402
from desktop.core.docx.save import convert_to_pdf  # noqa: E402
from desktop.core.drafting.templates import TemplateLibrary  # noqa: E402
from desktop.core.export import export_letter  # noqa: E402
from desktop.core.store import Store, letters  # noqa: E402
from tests.core.docx.sample_template import make_dotx  # noqa: E402


def page_one(docx: Path, target: Path) -> None:
    pdf = convert_to_pdf(docx, docx.with_suffix(".pdf"))
    stem = docx.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    shutil.copyfile(stem.with_suffix(".png"), target)


def main() -> int:
    out = REPO / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work, Store.open(None) as store:
        folder = Path(work)
        load_demo(store, paths.resources_dir())
        letter = letters.find_by_kenmerk(store.db, "Min-BuZa.2020.396")
        assert letter is not None
        library = TemplateLibrary(paths.shipped_templates_dir())
        plain = export_letter(store.db, letter, library, folder / "brief.docx", emblem=None)
        page_one(plain.docx, out / "brief-pagina-1.png")
        template = make_dotx(folder / "voorbeeldsjabloon.dotx")
        styled = export_letter(
            store.db, letter, library, folder / "sjabloon.docx", emblem=None, letterhead=template
        )
        page_one(styled.docx, out / "brief-pagina-1-sjabloon.png")
    print(f"Geschreven: {out / 'brief-pagina-1.png'}, {out / 'brief-pagina-1-sjabloon.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
