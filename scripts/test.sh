#!/usr/bin/env bash
# Install everything the tests need, then run lint, types, the import contract and the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev]'
echo "== ruff" && .venv/bin/ruff check . && .venv/bin/ruff format --check .
echo "== mypy" && .venv/bin/mypy desktop
echo "== import-linter" && .venv/bin/lint-imports
echo "== pytest"
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
