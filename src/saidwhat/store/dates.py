"""The date a statement is filed under: its own date when known, else the publication date."""
from __future__ import annotations

import datetime as dt
import re

_DAY_MONTH_YEAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d])")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


def calendar_date(value: str | None) -> str | None:
    """'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' from a TIMEX3 value or ISO timestamp, else None.

    value (str | None): '2024-05-31', '2024-05-31T10:00', '2024-05', '2024-W22' (its Monday),
    'PRESENT_REF', 'XXXX-10', 'P3D' ... Strings in this form sort in time order, and a period
    sorts just before its first day, so "since 2024-05" keeps May and "until 2024-05" (see
    query.py) keeps all of it.
    """
    if not value:
        return None
    week = _WEEK.match(value)
    if week:
        try:
            return dt.date.fromisocalendar(int(week[1]), int(week[2]), 1).isoformat()
        except ValueError:
            return None
    m = _DAY_MONTH_YEAR.match(value)
    if not m:
        return None
    return "-".join(part for part in m.groups() if part)


def filing_date(statement_date: str | None, published: str | None) -> tuple[str | None, str | None]:
    """(date, date_kind): the statement date if it is a calendar date, else the publication date.

    statement_date (str | None): Attribution.date (TIMEX3); published (str | None): ISO date.
    date_kind is 'statement', 'published', or None when neither is known.
    """
    date = calendar_date(statement_date)
    if date:
        return date, "statement"
    date = calendar_date(published)
    return (date, "published") if date else (None, None)
