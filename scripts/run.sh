#!/usr/bin/env bash
# Set up Voortgang in a virtual environment and start it.
# Without --db or VOORTGANG_DB, a first start fills the per-user registry with the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/voortgang "$@"
