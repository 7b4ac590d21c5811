"""The README stays true: every command is documented and the two commands exist."""

import re

from desktop.cli import build_parser
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return list(action.choices)


def test_every_command_is_in_the_readme():
    for name in _subcommands():
        assert re.search(rf"`voortgang (\[--db REGISTER\] )?{name}\b", README), name


def test_the_two_readme_commands_exist_and_ci_calls_the_test_command():
    assert "./scripts/run.sh" in README and (REPO / "scripts" / "run.sh").exists()
    assert "./scripts/test.sh" in README and (REPO / "scripts" / "test.sh").exists()
    assert "./scripts/test.sh" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
