"""Date arithmetic on TIMEX3 values: reference dates, weekdays, ISO weeks, quarters, shifts.

Values are TIMEX3 strings of one granularity: ``2024`` ``2024-05`` ``2024-05-31`` ``2024-W22``
``2024-Q2`` ``2024-H1`` ``2024-SU`` ``198`` (decade) ``19`` (century). Directions are ints:
-1 the past of the reference date, +1 its future, 0 unknown.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
HALF_RE = re.compile(r"^(\d{4})-H([12])$")
WEEK_RE = re.compile(r"^(\d{4})-W(\d\d)$")
DAY_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
MONTH_RE = re.compile(r"^(\d{4})-(\d\d)$")
YEAR_RE = re.compile(r"^(\d{4})$")
SEASON_RE = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
SEASON_ORDER = ("WI", "SP", "SU", "FA")


def reference_date(published: str | None) -> date | None:
    """The reference date of an ISO string ('2024-05-31', '1990-08-15T13:37'), or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def day(d: date) -> str:
    return d.isoformat()


def year(y: int) -> str:
    """A year as TIMEX3 writes it: ``2024``, or ``BC3977`` for one before the common era
    (astronomical year -3976: there is no year 0)."""
    return f"{y:04d}" if y > 0 else f"BC{1 - y:04d}"


def month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def week(d: date) -> str:
    """The ISO week holding ``d`` (datetime.date), as ``2024-W22``."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months after (y, m); n may be negative."""
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def add_months(d: date, n: int) -> date:
    """``d`` shifted by ``n`` months, the day clamped to the month's length."""
    y, m = shift_month(d.year, d.month, n)
    for dd in (d.day, 30, 29, 28):
        try:
            return date(y, m, min(d.day, dd))
        except ValueError:
            continue
    raise ValueError(d)


def weekday_date(ref: date, weekday: int, direction: int) -> date:
    """The date of ISO ``weekday`` (1 = Monday) near ``ref``.

    Past (-1): the latest on or before ``ref`` (reports of the same day say "said Friday").
    Future (+1): the first on or after ``ref``. Unknown (0): the past one unless it is more
    than four days back, since news mostly reports what happened.
    """
    back = (ref.isoweekday() - weekday) % 7
    ahead = (weekday - ref.isoweekday()) % 7
    if direction > 0:
        return ref + timedelta(days=ahead)
    if direction < 0 or back <= 4 or ahead == 0:
        return ref - timedelta(days=back)
    return ref + timedelta(days=ahead)


def _months_apart(ref: date, m: int) -> tuple[int, int]:
    """(months back, months ahead) from ``ref``'s month to the nearest month ``m`` each way."""
    back = (ref.month - m) % 12
    return back, (m - ref.month) % 12


def _pick(ref: date, back: int, ahead: int, direction: int) -> int:
    """Year offset (0, -1 or +1 from ``ref``) of the month ``back`` months behind or ``ahead``
    months in front of ``ref``, chosen by ``direction``.

    The tense decides, except for the next month: past-tense reports of plans ("said the
    accession was planned for early March", written in February) mean the coming one.
    Unknown direction: the past one unless more than seven months back, since news mostly
    reports what happened.
    """
    past = 0 if back <= ref.month - 1 or back == 0 else -1
    future = 0 if ahead <= 12 - ref.month else 1
    if back == 0:
        return 0
    if direction < 0:
        return future if ahead == 1 else past
    if direction > 0:
        return past if back == 1 else future
    return past if back <= 7 else future


def month_year(ref: date, m: int, direction: int) -> int:
    """The year of month ``m`` mentioned without a year, seen from ``ref`` (see ``_pick``)."""
    back, ahead = _months_apart(ref, m)
    return ref.year + _pick(ref, back, ahead, direction)


def month_day_year(ref: date, m: int, d: int, direction: int) -> int:
    """The year of "May 14" (month ``m``, day ``d``) seen from ``ref`` in ``direction``."""
    if m == ref.month:
        if direction > 0 and d < ref.day - 7:
            return ref.year + 1
        if direction < 0 and d > ref.day + 7:
            return ref.year - 1
        return ref.year
    return month_year(ref, m, direction)


def season_of(d: date) -> tuple[int, str]:
    """(year, season code) holding ``d``; December belongs to the next year's winter."""
    m = d.month
    if m in (12, 1, 2):
        return (d.year + 1 if m == 12 else d.year), "WI"
    return d.year, ("SP" if m <= 5 else "SU" if m <= 8 else "FA")


def season_year(ref: date, code: str, relation: int) -> int:
    """The year of season ``code`` seen from ``ref``: relation -1 "last", +1 "next", 0 "this"."""
    y, cur = season_of(ref)
    i, j = SEASON_ORDER.index(code), SEASON_ORDER.index(cur)
    if relation < 0:
        return y if i < j else y - 1
    if relation > 0:
        return y if i > j else y + 1
    return y


def shift_value(value: str, n: int, unit: str) -> str | None:
    """A TIMEX3 ``value`` shifted by ``n`` ``unit``s (Y M W D Q); None when the granularity
    cannot take that unit. The result keeps the granularity of ``value``."""
    if m := DAY_RE.match(value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        if unit == "D":
            return day(d + timedelta(days=n))
        if unit == "W":
            return day(d + timedelta(weeks=n))
        if unit in ("M", "Q", "Y"):
            return day(add_months(d, n * {"M": 1, "Q": 3, "Y": 12}[unit]))
        return None
    if m := MONTH_RE.match(value):
        if unit in ("M", "Q", "Y"):
            return month(*shift_month(int(m[1]), int(m[2]), n * {"M": 1, "Q": 3, "Y": 12}[unit]))
        return None
    if m := WEEK_RE.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if unit in ("W", "D"):
            return week(monday + timedelta(days=n * (7 if unit == "W" else 1)))
        if unit == "Y":
            return f"{int(m[1]) + n:04d}-W{m[2]}"
        return None
    if m := QUARTER_RE.match(value):
        if unit in ("Q", "Y", "M"):
            k = int(m[1]) * 4 + int(m[2]) - 1 + (n * 4 if unit == "Y" else n if unit == "Q" else 0)
            return f"{k // 4:04d}-Q{k % 4 + 1}"
        return None
    if m := (HALF_RE.match(value) or SEASON_RE.match(value)):
        return f"{int(m[1]) + n:04d}-{value[5:]}" if unit == "Y" else None
    if m := YEAR_RE.match(value):
        return f"{int(m[1]) + n:04d}" if unit == "Y" else None
    return None


def holiday(y: int, rule: str) -> date:
    """The date of a holiday ``rule`` in year ``y``: 'MM-DD' or 'MM-N-W' (N-th ISO weekday W,
    N = 'L' for the last), optionally '+D' days after it (US Election Day: the Tuesday after
    the first Monday of November, '11-1-1+1'); 'E' is Easter Sunday, 'E-2' two days before it."""
    if rule.startswith("E"):
        return easter(y) + timedelta(days=int(rule[1:] or 0))
    rule, _, offset = rule.partition("+")
    if offset:
        return holiday(y, rule) + timedelta(days=int(offset))
    parts = rule.split("-")
    mth = int(parts[0])
    if len(parts) == 2:
        return date(y, mth, int(parts[1]))
    n, wd = parts[1], int(parts[2])
    first = date(y, mth, 1)
    d = first + timedelta(days=(wd - first.isoweekday()) % 7)
    if n == "L":
        while (d + timedelta(weeks=1)).month == mth:
            d += timedelta(weeks=1)
        return d
    return d + timedelta(weeks=int(n) - 1)


def easter(y: int) -> date:
    """Easter Sunday of year ``y`` in the Gregorian calendar (the anonymous computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day_ = divmod(h + l - 7 * m + 114, 31)
    return date(y, month, day_ + 1)


def holiday_around(ref: date, rule: str) -> tuple[date, date]:
    """(the latest holiday ``rule`` on or before ``ref``, the first on or after it)."""
    this = holiday(ref.year, rule)
    if this <= ref:
        return this, (this if this == ref else holiday(ref.year + 1, rule))
    return holiday(ref.year - 1, rule), this
