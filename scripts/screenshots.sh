#!/usr/bin/env bash
# Refresh the README pictures in docs/screenshots/ on purpose. An ordinary test run saves these
# pictures under pytest's tmp_path only; here the screenshot tests write them into the repository.
# docs/screenshots/brief-pagina-1.png (a page of the Word letter) is not made by these tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
[ -x "$python" ] || python=python3
VOORTGANG_SCREENSHOT_DIR="$PWD/docs/screenshots" QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" \
  "$python" -m pytest -q -p no:cacheprovider \
  tests/ui/test_screenshot.py tests/ui/test_composer_screenshot.py \
  tests/ui/test_planning_screenshot.py \
  "tests/ui/test_team_registry.py::test_the_connection_dialog_tests_the_server_then_opens_it" \
  "tests/ui/test_composer_editor.py::test_screenshot_of_formatted_text_and_a_footnote_being_edited" \
  "tests/ui/test_composer_pages.py::test_screenshot_of_a_section_with_its_motion_paragraph" \
  "tests/ui/test_letterhead.py::test_the_preview_shows_page_one_with_the_chosen_letterhead" "$@"
git status --short -- docs/screenshots
