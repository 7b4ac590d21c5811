"""Settings that belong with the data: the sender's letterhead and signatory."""

from __future__ import annotations

import json
from dataclasses import asdict, fields

from sqlalchemy import Connection as Database

from desktop.core.domain.models import SenderSettings
from desktop.core.store.rows import scalar, upsert

_SENDER_KEY = "afzender"


def get_sender(db: Database) -> SenderSettings:
    """The letterhead settings (empty defaults when none are stored)."""
    value = scalar(db, "SELECT value FROM settings WHERE key = :key", {"key": _SENDER_KEY})
    if value is None:
        return SenderSettings()
    data = json.loads(value)
    known = {f.name for f in fields(SenderSettings)}
    return SenderSettings(**{k: v for k, v in data.items() if k in known})


def set_sender(db: Database, sender: SenderSettings) -> None:
    """Store the letterhead settings."""
    upsert(
        db,
        "settings",
        {"key": _SENDER_KEY, "value": json.dumps(asdict(sender), ensure_ascii=False)},
        ("key",),
    )
