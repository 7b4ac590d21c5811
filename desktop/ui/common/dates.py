"""Dates between Python and Qt, and the Dutch display format of date fields."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

DATE_FORMAT = "d MMMM yyyy"


def qdate(value: dt.date) -> QDate:
    """A Python date as a QDate."""
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    """A QDate as a Python date."""
    return dt.date(value.year(), value.month(), value.day())
