"""Settings that belong with the data: the sender's letterhead and signatory."""

from __future__ import annotations

import json
from dataclasses import asdict, fields

from sqlite_utils import Database

from desktop.core.domain.models import SenderSettings

_SENDER_KEY = "afzender"


def get_sender(db: Database) -> SenderSettings:
    """The letterhead settings (empty defaults when none are stored)."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", (_SENDER_KEY,)).fetchone()
    if row is None:
        return SenderSettings()
    data = json.loads(row[0])
    known = {f.name for f in fields(SenderSettings)}
    return SenderSettings(**{k: v for k, v in data.items() if k in known})


def set_sender(db: Database, sender: SenderSettings) -> None:
    """Store the letterhead settings."""
    db.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
        (_SENDER_KEY, json.dumps(asdict(sender), ensure_ascii=False)),
    )
