"""Download a dossier's motions from the Tweede Kamer's public OData service (optional).

Only ``voortgang import tk --dossier N --fetch`` uses the network; everything else reads
files. Pages (250 records each) are saved to a folder and then imported like any other
files, so a download that fails half-way imports nothing.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urljoin, urlsplit

from desktop.core.errors import FileProblem, InvalidInput

__all__ = ["ODATA_BASE", "dossier_url", "download_pages"]

ODATA_BASE = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"
EXPAND = "Kamerstukdossier,Document,Besluit,ZaakActor,VervangenVanuit"
MAX_PAGES = 400
MAX_PAGE_BYTES = 64 * 1024 * 1024
TIMEOUT_SECONDS = 60

_DOSSIER = re.compile(
    r"^\s*(?P<nummer>\d{1,3}[ .\u00a0]?\d{3}|\d{4,6})"
    r"(?:\s*-\s*(?P<sub>\d{1,3})|\s+(?P<toev>[IVXLC]{1,8}|[A-Z]|\(R\d{3,4}\)))?\s*$"
)

Opener = Callable[..., Any]


def dossier_url(dossier: str, base: str = ODATA_BASE) -> str:
    """The OData query for a dossier's motions (``26485``, ``35 000 XVII``, ``21501-32``)."""
    match = _DOSSIER.match(dossier)
    if not match:
        raise InvalidInput(
            f"‘{dossier}’ is geen dossiernummer. Schrijf het als 26485, 35000 XVII of 21501-32."
        )
    nummer = int(re.sub(r"\D", "", match.group("nummer")))
    toevoeging = match.group("sub") or match.group("toev")
    condition = f"d/Nummer eq {nummer}"
    if toevoeging:
        condition += f" and d/Toevoeging eq '{toevoeging}'"
    query = {
        "$filter": f"Soort eq 'Motie' and Verwijderd eq false and Kamerstukdossier/any(d: {condition})",
        "$expand": EXPAND,
    }
    return base + "Zaak?" + urlencode(query, quote_via=quote, safe="$,'/()")


def _offline(reason: object) -> FileProblem:
    return FileProblem(
        f"Geen verbinding met de open-datadienst van de Tweede Kamer ({reason}). Controleer de "
        "internetverbinding, of download de gegevens als bestand en importeer dat met "
        "‘voortgang import tk BESTAND’. Er is niets geïmporteerd."
    )


def download_pages(
    url: str,
    folder: Path,
    *,
    opener: Opener | None = None,
    progress: Callable[[int], None] | None = None,
    max_pages: int = MAX_PAGES,
) -> list[Path]:
    """Download a query and its ``@odata.nextLink`` pages into ``folder``; returns the files.

    Raises:
        FileProblem: when there is no connection or the service answers with an error.
    """
    open_url = opener or urllib.request.urlopen
    pages: list[Path] = []
    next_url: str | None = url
    while next_url:
        if len(pages) >= max_pages:
            raise FileProblem(
                f"De download is gestopt na {max_pages} pagina's; dat is meer dan één dossier "
                "hoort te hebben. Er is niets geïmporteerd."
            )
        request = urllib.request.Request(
            next_url, headers={"Accept": "application/json", "User-Agent": "Voortgang"}
        )
        try:
            with open_url(request, timeout=TIMEOUT_SECONDS) as response:
                data = response.read(MAX_PAGE_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise FileProblem(
                f"De open-datadienst van de Tweede Kamer gaf een fout (HTTP {exc.code}). "
                "Probeer het later opnieuw; er is niets geïmporteerd."
            ) from exc
        except urllib.error.URLError as exc:
            raise _offline(exc.reason) from exc
        except TimeoutError as exc:
            raise _offline("geen antwoord binnen de tijd") from exc
        except OSError as exc:
            raise _offline(exc) from exc
        if len(data) > MAX_PAGE_BYTES:
            raise FileProblem("De open-datadienst stuurde een onverwacht grote pagina; gestopt.")
        path = folder / f"pagina-{len(pages) + 1:03d}.json"
        path.write_bytes(data)
        pages.append(path)
        if progress is not None:
            progress(len(pages))
        try:
            page = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FileProblem(
                "De open-datadienst stuurde geen geldige JSON; er is niets geïmporteerd."
            ) from exc
        link = page.get("@odata.nextLink") if isinstance(page, dict) else None
        next_url = urljoin(next_url, link) if isinstance(link, str) and link else None
        # Follow pages on the same service only.
        if next_url and urlsplit(next_url).netloc != urlsplit(url).netloc:
            next_url = None
    return pages
