"""The name that signs changes: the login name, or one the user chose."""

from __future__ import annotations

import datetime as dt
import getpass

import pytest

from desktop import paths
from desktop.core.demo import load_demo
from desktop.core.services import identity, registry
from desktop.core.store import history, motions


@pytest.fixture(autouse=True)
def no_chosen_name(monkeypatch):
    """Each test starts as a fresh process: no name chosen yet."""
    monkeypatch.setattr(identity._Chosen, "name", None)
    monkeypatch.setattr(identity._Chosen, "before", None)


def test_a_chosen_name_signs_status_changes_and_clearing_it_restores_the_default(
    sqlite_store, monkeypatch
):
    # On a file registry the chosen name signs; a team registry signs with the database login.
    demo_store = sqlite_store
    load_demo(demo_store, paths.resources_dir())
    monkeypatch.delenv("VOORTGANG_USER")
    assert identity.set_user_name("  Jan   de\tVries ") == "Jan de Vries"
    motion = motions.list_motions(demo_store.db, status="open")[0]
    assert motion.id is not None
    registry.settle_motion(demo_store, motion.id, "BZ-1", dt.date(2021, 3, 1))
    changes = history.for_entity(demo_store.db, "motion", motion.id)
    assert changes[-1].wie == "Jan de Vries"
    assert identity.set_user_name("") == getpass.getuser()
    assert identity.login_name() == getpass.getuser()


def test_an_environment_name_comes_back_when_the_chosen_one_is_cleared(monkeypatch):
    monkeypatch.setenv("VOORTGANG_USER", "script")
    assert identity.login_name() == "script"
    assert identity.set_user_name("Anna") == "Anna" == identity.user_name()
    assert identity.login_name() == "script"
    assert identity.set_user_name(None) == "script"


def test_names_are_one_clean_line():
    assert identity.clean_user_name("a\nb\x00c") == "a b c"
    assert len(identity.clean_user_name("x" * 500)) == identity.MAX_LENGTH


def test_without_a_chosen_name_the_environment_is_left_alone(monkeypatch):
    monkeypatch.setenv("VOORTGANG_USER", "ci-runner")
    assert identity.set_user_name("") == "ci-runner"
    assert identity.set_user_name(None) == "ci-runner"
