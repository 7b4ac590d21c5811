#!/usr/bin/env bash
# Set up Voortgang in a virtual environment and start it (arguments go to `voortgang`).
# Without --db or VOORTGANG_DB, the first start offers the bundled demo registry.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(uname -s)" = "Linux" ] && command -v dpkg-query >/dev/null 2>&1; then
  # Qt's runtime libraries (PySide6 brings Qt itself); installed only when missing.
  scripts/install-system-packages.sh --qt-only || echo "Let op: de Qt-bibliotheken konden niet worden geïnstalleerd (zie scripts/system-packages.txt)." >&2
fi
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
if [ "$(uname -s)" = "Linux" ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null 2>&1; then
    echo "Geen beeldscherm gevonden: Voortgang draait op een virtueel scherm (Xvfb)." >&2
    exec xvfb-run -a .venv/bin/voortgang "$@"
  fi
  echo "Geen beeldscherm gevonden: Voortgang draait zonder zichtbaar venster (offscreen)." >&2
  export QT_QPA_PLATFORM=offscreen
fi
exec .venv/bin/voortgang "$@"
