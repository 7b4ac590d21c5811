"""The name that signs changes: the login name, or one the user chose."""

from __future__ import annotations

import datetime as dt
import getpass

from desktop.core.services import identity, registry
from desktop.core.store import history, motions


def test_a_chosen_name_signs_status_changes_and_clearing_it_restores_the_default(
    demo_store, monkeypatch
):
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
