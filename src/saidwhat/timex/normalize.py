"""One candidate → its TIMEX3 value and type, against a reference date.

Each rule of ``patterns`` has a function here taking the candidate's groups and a
:class:`Context`; it returns ``(value, type)`` or None when the match is not a time
expression after all (the caller then tries the next candidate). Without a reference
date relative expressions keep X placeholders (``XXXX-05-14``, ``XXXX-WXX-5``): never a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from . import calendar as cal
from . import lexicon as lx
from .patterns import Candidate

MONTHS = {k.lower(): int(v) for k, v in lx.column("months").items()}
WEEKDAYS = {k.lower(): int(v) for k, v in lx.column("weekdays").items()}
NUMBERS = lx.column("numbers")
UNITS = lx.table("units")
SEASONS = {k: v[0] for k, v in lx.table("seasons").items()}
PARTS = lx.column("parts_of_day")
REFERENCES = lx.column("references")
SETS = lx.column("sets")
HOLIDAYS = {k.lower(): v for k, v in lx.column("holidays", lower=False).items()}
SPACES = re.compile(r"\s+")
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# What precedes "a year" when it is a rate ("$43 billion a year", "twice a week").
RATE_BEFORE = re.compile(r"(?:\d(?:bn|mn|tn|m|k)?|percent|%|times|twice|once|thrice|trillion|billion|million"
                         r"|dollars|euros|pounds|cents|each)\W{0,3}$"
                         # a count of things: "four hours a day", "10 miles a day", "several meals a week"
                         r"|\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|several|few)"
                         r"\s+(?:[a-z-]+\s+)?[a-z]+s\W{0,3}$", re.I)

Value = tuple[str, str]
YEARLIKE = re.compile(r"^(?:1[6-9]|20)\d\d$")



@dataclass
class Context:
    """What normalization needs besides the match.

    ``ref``: the reference (publication) date or None; ``direction(start, end)``: -1 / 0 / +1
    for the tense governing the span; ``previous``: the expressions found before, in text order
    (list of objects with ``value``, ``type``, ``start``); ``text``: the whole text.
    """

    ref: date | None
    text: str
    direction: Callable[[int, int], int] = lambda s, e: 0
    previous: list = field(default_factory=list)


# ---------------------------------------------------------------- small readers

def _key(word: str | None) -> str:
    return SPACES.sub(" ", (word or "").lower()).rstrip(".")


def month_number(word: str) -> int:
    return MONTHS[_key(word)]


def weekday_number(word: str) -> int:
    return WEEKDAYS[_key(word)]


def number(text: str | None) -> float | str | None:
    """The value of a number phrase ("three", "twenty-four", "1,000", "several" → 'X')."""
    if not text:
        return None
    key = _key(text)
    if key in NUMBERS:
        v = NUMBERS[key]
        return v if v == "X" else float(v)
    parts = re.split(r"[\s-]+", key)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in NUMBERS:
        return TENS[parts[0]] + float(NUMBERS[parts[1]])
    if key.endswith(" 1/2"):
        return float(key.split()[0]) + 0.5
    try:
        return float(key.replace(",", ""))
    except ValueError:
        return None


def unit(word: str) -> tuple[str, int] | None:
    """(TIMEX3 unit letter, multiplier) of a unit word ("years" → ('Y', 1), "decade" → ('Y', 10))."""
    w = _key(word)
    if w == "centuries":
        w = "century"
    for cand in (w, w[:-1] if w.endswith("s") else w):
        if cand in UNITS:
            letter, mult = UNITS[cand]
            return letter, int(mult)
    return None


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


# A fraction of a unit in the next smaller one: 2 1/2 years = P2Y6M, 5 1/2 hours = PT5H30M.
SMALLER = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "M"), "M_clock": (60, "S")}


def duration(n: float | str, word: str) -> str | None:
    """TIMEX3 duration of ``n`` (number or 'X') ``word`` units: P3D, PT2H, PXY, P10Y, P2Y6M."""
    u = unit(word)
    if u is None:
        return None
    letter, mult = u
    is_clock = _key(word).startswith(("hour", "minute", "second"))
    prefix = "PT" if is_clock else "P"
    if n == "X":
        return prefix + "X" + letter
    n = n * mult
    if not float(n).is_integer():
        whole, frac = int(n), n - int(n)
        key = "M_clock" if is_clock and letter == "M" else letter
        if key in SMALLER:
            times, smaller = SMALLER[key]
            part = frac * times
            if float(part).is_integer():
                if letter == "D":
                    return f"P{whole}DT{int(part)}H" if whole else f"PT{int(part)}H"
                return prefix + (f"{whole}{letter}" if whole else "") + f"{int(part)}{smaller}"
    return prefix + _fmt(n) + letter


def _unresolved(granularity: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "Q": "XXXX-QX"}.get(granularity, "XXXX-XX-XX")


# ---------------------------------------------------------------- anchors

GRAIN_RES = (
    ("Q", cal.QUARTER_RE), ("H", cal.HALF_RE), ("Y", cal.YEAR_RE), ("M", cal.MONTH_RE),
    ("D", cal.DAY_RE), ("W", cal.WEEK_RE), ("S", cal.SEASON_RE),
)


def granularity(value: str) -> str | None:
    for g, rx in GRAIN_RES:
        if rx.match(value):
            return g
    return None


def _anchor(ctx: Context, start: int, grains: str, window: int = 1500, past_only: bool = False,
            not_after_ref: bool = False):
    """The latest earlier DATE expression within ``window`` characters whose value has one of
    the granularities in ``grains`` (str of letters), or None. ``past_only`` skips expressions
    of a later year than the reference date (a forecast is not what "a year ago" compares to);
    ``not_after_ref`` skips those after it (a plan is not the day a past event "came on")."""
    for t in reversed(ctx.previous):
        if start - t.end > window:
            return None
        g = granularity(t.value)
        if t.type == "DATE" and g is not None and g in grains:
            if past_only and ctx.ref is not None and int(t.value[:4]) > ctx.ref.year:
                continue
            if not_after_ref and ctx.ref is not None and t.value[:10] > ctx.ref.isoformat()[: len(t.value[:10])]:
                continue
            return t
    return None


def shift_from_anchor(ctx: Context, start: int, n: int, letter: str, grains: str):
    """(value, anchor) for an expression ``n`` ``letter`` units from the latest fitting earlier
    expression, or (None, None)."""
    a = _anchor(ctx, start, grains, past_only=n < 0)
    if a is None:
        return None, None
    v = cal.shift_value(a.value, n, letter)
    return (v, a) if v else (None, None)


# ---------------------------------------------------------------- rules

def _day_or_x(ctx: Context, d: Callable[[date], date], grain: str = "D") -> str:
    if ctx.ref is None:
        return _unresolved(grain)
    return cal.day(d(ctx.ref))


def n_iso(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    try:
        return cal.day(date(int(g["y"]), int(g["m"]), int(g["d"]))), "DATE"
    except ValueError:
        return None


def n_slash(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    y = int(g["y"])
    if y < 100:
        y += 1900 if y > 30 else 2000
    try:
        return cal.day(date(y, int(g["m"]), int(g["d"]))), "DATE"
    except ValueError:
        return None


def n_month_day(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    m = month_number(g["month"])
    d = int(re.match(r"\d+", g["day"]).group())
    if g.get("year"):
        y = int(g["year"])
    elif ctx.ref is None:
        try:
            date(2000, m, d)
        except ValueError:
            return None
        return f"XXXX-{m:02d}-{d:02d}", "DATE"
    elif g.get("wd"):
        # "Monday, Oct. 26": the year in which that day is that weekday
        wd = weekday_number(g["wd"])
        y = min((ctx.ref.year + k for k in (0, -1, 1)),
                key=lambda yy: (not _is_weekday(yy, m, d, wd), abs(yy - ctx.ref.year)))
    else:
        y = cal.month_day_year(ctx.ref, m, d, ctx.direction(c.start, c.end))
    try:
        found = date(y, m, d)
    except ValueError:
        return None
    return (cal.week(found) if g.get("weekof") else cal.day(found)), "DATE"


def _is_weekday(y: int, m: int, d: int, wd: int) -> bool:
    try:
        return date(y, m, d).isoweekday() == wd
    except ValueError:
        return False


def n_month(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    m = month_number(g["month"])
    if g.get("year"):
        return cal.month(int(g["year"]), m), "DATE"
    if ctx.ref is None:
        return f"XXXX-{m:02d}", "DATE"
    rel = _key(g.get("rel"))
    ref = ctx.ref
    if g.get("yrel"):  # "July last year"
        step = {"last": -1, "this": 0, "next": 1}[_key(g["yrel"])]
        return cal.month(ref.year + step, m), "DATE"
    if rel in ("last", "past", "this past"):
        y = ref.year if m < ref.month else ref.year - 1
    elif rel in ("next", "coming", "this coming"):
        y = ref.year if m > ref.month else ref.year + 1
    elif rel == "this":
        y = ref.year
    else:
        y = cal.month_year(ref, m, ctx.direction(c.start, c.end))
    return cal.month(y, m), "DATE"


def _part(value: str, pod: str | None) -> Value:
    if pod:
        return f"{value}T{PARTS[_key(pod)]}", "TIME"
    return value, "DATE"


def n_weekday(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    wd = weekday_number(g["wd"])
    if g.get("plural"):
        return f"XXXX-WXX-{wd}" + (f"T{PARTS[_key(g['pod'])]}" if g.get("pod") else ""), "SET"
    if ctx.ref is None:
        return _part(f"XXXX-WXX-{wd}", g.get("pod"))
    ref = ctx.ref
    rel = _key(g.get("rel"))
    back = (ref.isoweekday() - wd) % 7 or 7
    ahead = (wd - ref.isoweekday()) % 7 or 7
    if rel in ("last", "past", "this past"):
        d = ref - timedelta(days=back)
    elif rel in ("next", "coming", "this coming"):
        d = ref + timedelta(days=ahead)
    elif rel == "this":
        d = ref + timedelta(days=wd - ref.isoweekday())
    else:
        d = cal.weekday_date(ref, wd, ctx.direction(c.start, c.end))
    return _part(cal.day(d), g.get("pod"))


DAY_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": 0, "this": 0,
               "last": -1, "early this": 0, "late this": 0, "later this": 0, "earlier this": 0}


def n_dayword(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    word = _key(g.get("dw") or g.get("rel"))
    pod = g.get("pod") or ("night" if word in ("tonight", "overnight") else None)
    if word == "last" and _key(pod) != "night":
        return None  # "last morning" is not said; "last night" is
    value = _day_or_x(ctx, lambda r: r + timedelta(days=DAY_OFFSETS[word]))
    return _part(value, pod)


def n_dayrel(c: Candidate, ctx: Context) -> Value | None:
    shift = -2 if "before" in c.groups["dir"] else 2
    return _day_or_x(ctx, lambda r: r + timedelta(days=shift)), "DATE"


def n_sameday(c: Candidate, ctx: Context) -> Value | None:
    """"that same day": the day of the last date spoken of (in a past-tense clause, not a later
    one than the publication date); of a month only, a day in it."""
    a = _anchor(ctx, c.start, "DM", not_after_ref=ctx.direction(c.start, c.end) < 0)
    if a is None:
        return "XXXX-XX-XX", "DATE"
    return (a.value[:10] if granularity(a.value) == "D" else a.value[:7] + "-XX"), "DATE"


def n_nextday(c: Candidate, ctx: Context) -> Value | None:
    """"the next day", "the previous evening": a day after or before the day last spoken of
    (not the publication date: the story has moved to another day); unresolved without one."""
    step = -1 if _key(c.groups["rel"]) in ("previous", "prior") else 1
    value, _ = shift_from_anchor(ctx, c.start, step, "D", "D")
    return _part(value or "XXXX-XX-XX", c.groups.get("pod"))


CLOCK_WINDOW = 600  # characters back to the day a bare clock time belongs to


def _clock_day(c: Candidate, ctx: Context) -> str:
    g = c.groups
    if g.get("month"):
        found = n_month_day(c, ctx)
        if found:
            return found[0]
    if g.get("wd"):
        wd = weekday_number(g["wd"])
        if ctx.ref is None:
            return f"XXXX-WXX-{wd}"
        return cal.day(cal.weekday_date(ctx.ref, wd, ctx.direction(c.start, c.end)))
    if not g.get("dw"):
        # "at 10 p.m." with no day: the day the narration is at, the last one spoken of
        a = _anchor(ctx, c.start, "D", window=CLOCK_WINDOW)
        if a is not None:
            return a.value
    offset = DAY_OFFSETS.get(_key(g.get("dw")), 0)
    return _day_or_x(ctx, lambda r: r + timedelta(days=offset))


def n_clock(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    h = int(g["h"])
    pm = g["ampm"].lower().startswith("p")
    h = (h % 12) + (12 if pm else 0)
    mi = g.get("mi") or "00"
    return f"{_clock_day(c, ctx)}T{h:02d}:{mi}", "TIME"


def n_clockword(c: Candidate, ctx: Context) -> Value | None:
    """"4 in the morning", "eleven at night" (an hour before six at night is after midnight)."""
    h = int(number(c.groups["h"]))
    pod = _key(c.groups["pod"])
    evening = pod.endswith(("afternoon", "evening")) or (pod.endswith("night") and 6 <= h < 12)
    return f"{_clock_day(c, ctx)}T{h % 12 + (12 if evening else 0):02d}:00", "TIME"


def n_clock24(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    if not g.get("tz"):
        return None  # "3:2" scores and ratios look like this; only a time zone makes it a time
    return f"{_clock_day(c, ctx)}T{int(g['h']):02d}:{g['mi']}", "TIME"


def n_noon(c: Candidate, ctx: Context) -> Value | None:
    w = _key(c.groups["w"])
    return f"{_clock_day(c, ctx)}T{'24:00' if w == 'midnight' else '12:00'}", "TIME"


PAST_RELS = {"last", "the past", "the previous", "the last", "this past", "the prior", "the latest", "the most recent"}
NEXT_RELS = {"next", "the coming", "the next", "this coming", "the following"}


def _relative_unit(ref: date, word: str, step: int) -> str | None:
    """The calendar unit ``word`` (week month year quarter half decade century) holding ``ref``,
    moved by ``step`` units."""
    if word == "week":
        return cal.week(ref + timedelta(weeks=step))
    if word == "month":
        return cal.month(*cal.shift_month(ref.year, ref.month, step))
    if word == "year":
        return f"{ref.year + step:04d}"
    if word == "quarter":
        k = ref.year * 4 + cal.quarter_of(ref) - 1 + step
        return f"{k // 4:04d}-Q{k % 4 + 1}"
    if word == "half":
        k = ref.year * 2 + (0 if ref.month <= 6 else 1) + step
        return f"{k // 2:04d}-H{k % 2 + 1}"
    if word == "decade":
        return f"{ref.year // 10 + step:03d}"
    if word == "century":
        return f"{ref.year // 100 + step:02d}"
    return None


# What follows "the first half" when no year does: "of next year", or "of" something else ("of
# the game", "of the '80s"); not an amount ("the third quarter of $2 million" is a loss's).
OF_WHAT = re.compile(r"\s+of\s+(?:(this|next|last|the)\s+year\b|(?=(?:the|a|an|its|his|her|their)\s|'))", re.I)
YEAR_STEP = {"this": 0, "the": 0, "next": 1, "last": -1}
# How far back (characters) "the quarter" looks for the quarter it refers to.
QUARTER_WINDOW = 400


def n_unitrel(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    rel, word = _key(g["rel"]), _key(g["unit"])
    if g.get("poss"):
        return None  # "this year's" belongs to the noun it modifies ("this year's third quarter")
    if word in ("half", "quarter") and OF_WHAT.match(ctx.text, c.end):
        return None  # "the last half of 1989", "of the '80s": the half of what follows, not of now
    step = -1 if rel in PAST_RELS else 1 if rel in NEXT_RELS else 0
    if rel == "the same":
        a = _anchor(ctx, c.start, "QHYMDW")
        return (a.value, "DATE") if a else None
    letter = {"week": "W", "month": "M", "year": "Y", "quarter": "Q"}.get(word)
    if rel in ("the following", "the previous", "the prior") and letter:
        # "the following month": one after the month last spoken of
        v, _ = shift_from_anchor(ctx, c.start, step, letter, letter + ("QHYM" if letter == "Y" else ""))
        if v:
            return v[:4] if letter == "Y" else v, "DATE"
    if word == "weekend":
        if ctx.ref is None:
            return "XXXX-WXX-WE", "DATE"
        sat = ctx.ref + timedelta(days=6 - ctx.ref.isoweekday())
        if step < 0 or (step == 0 and ctx.direction(c.start, c.end) < 0 and ctx.ref.isoweekday() < 6):
            sat -= timedelta(weeks=1)
        elif step > 0:
            sat += timedelta(weeks=1) if ctx.ref.isoweekday() >= 6 else timedelta(0)
        return cal.week(sat) + "-WE", "DATE"
    if ctx.ref is None:
        return {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "quarter": "XXXX-QX"}.get(word, "XXXX"), "DATE"
    if rel == "the past" and word in ("decade", "century"):
        return duration(1, word), "DURATION"  # "over the past decade": the ten years up to now
    if word == "quarter" and rel in ("the latest", "the most recent", "the past", "the previous", "last", "the last"):
        step = -1  # the last complete quarter, the one reported on
    value = _relative_unit(ctx.ref, word, step)
    return (value, "DATE") if value else None


# Granularities an expression may have to anchor "that year" / "that month" / "that day".
UNITIN_ANCHORS = {"Y": "QHYMDW", "M": "MD", "W": "W", "D": "D"}


def n_unitin(c: Candidate, ctx: Context) -> Value | None:
    word = _key(c.groups["unit"])
    grain = {"week": "W", "month": "M", "year": "Y", "day": "D"}[word]
    if " that " in ctx.text[c.start:c.end]:
        # "later that year": the year of the period last spoken of; "earlier that day" needs
        # a day to count from, "that month" a month or a day
        a = _anchor(ctx, c.start, UNITIN_ANCHORS[grain])
        if a is not None:
            return a.value[: {"Y": 4, "M": 7, "W": 8, "D": 10}[grain]], "DATE"
    if ctx.ref is None:
        return _unresolved(grain), "DATE"
    if word == "day":
        return cal.day(ctx.ref), "DATE"
    return _relative_unit(ctx.ref, word, 0), "DATE"


def n_weekend(c: Candidate, ctx: Context) -> Value | None:
    if ctx.ref is None:
        return "XXXX-WXX-WE", "DATE"
    ref = ctx.ref
    sat = ref + timedelta(days=6 - ref.isoweekday())
    if ctx.direction(c.start, c.end) <= 0 and ref.isoweekday() < 6:
        sat -= timedelta(weeks=1)
    return cal.week(sat) + "-WE", "DATE"


UNIT_GRAIN = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "H": "D", "S": "D"}


def n_ago(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    n = number(g["num"])
    u = unit(g["unit"])
    if n is None or u is None:
        return None
    letter, mult = u
    if _key(g["unit"]).startswith(("minute", "second")):
        letter = "S"
    word = _key(g["dir"])
    sign = -1 if word in ("ago", "earlier") else 1
    if n == "X":
        return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "DATE"
    count = int(n * mult) if float(n * mult).is_integer() else None
    if count is None:
        return None
    if word == "earlier" or (word == "ago" and letter == "Y" and count == 1):
        # "a year earlier" is a year before the period last spoken of ("the third quarter")
        grains = "QH" if word == "ago" else ("QHYMDW" if letter in "YQ" else "MDW" if letter == "M" else "DW")
        v, a = shift_from_anchor(ctx, c.start, sign * count, letter, grains)
        if v:
            return v, "DATE"
    if ctx.ref is None:
        return _unresolved(UNIT_GRAIN.get(letter, "D")), "DATE"
    ref = ctx.ref
    if letter == "D" or letter == "H" or letter == "S":
        return cal.day(ref + timedelta(days=sign * count if letter == "D" else 0)), "DATE"
    if letter == "W":
        return cal.week(ref + timedelta(weeks=sign * count)), "DATE"
    if letter == "M":
        return cal.month(*cal.shift_month(ref.year, ref.month, sign * count)), "DATE"
    if letter == "Q":
        return _relative_unit(ref, "quarter", sign * count), "DATE"
    return cal.year(ref.year + sign * count), "DATE"


def n_yearago(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    noun = _key(g.get("noun"))
    letter = {"year": "Y", "month": "M", "quarter": "Q"}[_key(g["shift"])]
    if noun.endswith("months"):
        n = number(noun.split()[0])
        return f"P{_fmt(n)}M", "DURATION"
    if g.get("ord") and ctx.ref is not None:
        q = ("first", "second", "third", "fourth").index(_key(g["ord"])) + 1
        return f"{ctx.ref.year - 1:04d}-Q{q}", "DATE"
    v, _ = shift_from_anchor(ctx, c.start, -1, letter, "QHYM" if noun else "QHYMD")
    if v:
        return v, "DATE"
    if ctx.ref is None:
        return "XXXX", "DATE"
    if noun == "quarter" or letter == "Q":
        return _relative_unit(ctx.ref, "quarter", -1 - (4 if letter == "Y" else 1)), "DATE"
    return f"{ctx.ref.year - 1:04d}", "DATE"


ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def n_quarter(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    word = _key(g["unit"])
    rel = _key(g.get("qrel"))
    ordinal = ORDINALS.get(_key(g.get("ord")))
    if not (ordinal or rel or g.get("det")):
        return None  # a bare "quarter" is a fraction ("a quarter of the vote")
    if word == "half" and not (ordinal or rel in ("last", "latest")):
        return None
    if word == "period":
        if rel in ("latest", "most recent", "same", "comparable") and ctx.ref is not None:
            word = "quarter"  # "the latest period" of a company report is its last quarter
        else:
            return None
    if g.get("year0") and not g.get("year"):
        g = {**g, "year": g["year0"]}
    if not g.get("year"):
        of = OF_WHAT.match(ctx.text, c.end)
        if of and not of.group(1):
            return None  # a half of something else: "the first half of the game", "of the '80s"
        if of and ctx.ref is not None:
            g = {**g, "year": str(ctx.ref.year + YEAR_STEP[_key(of.group(1))])}
    if rel == "final" and not g.get("year"):
        return None  # "in the final quarter" of a game; of a year only with the year
    if rel in ("last", "final") and ordinal is None and g.get("year"):
        ordinal = 4 if word == "quarter" else 2  # "the last half of 1989" is its second half
    if ordinal is None:
        if rel in ("same", "comparable"):
            a = _anchor(ctx, c.start, "Q" if word == "quarter" else "H")
            return (a.value, "DATE") if a else None
        if not rel and (a := _anchor(ctx, c.start, "Q" if word == "quarter" else "H", window=QUARTER_WINDOW)):
            return a.value, "DATE"  # "third-quarter revenue ... for the quarter": the one just named
        if ctx.ref is None:
            return ("XXXX-QX" if word == "quarter" else "XXXX-HX"), "DATE"
        if g.get("year"):
            return None
        step = 0 if rel in ("current", "this year's") else 1 if rel == "next" else -1
        return _relative_unit(ctx.ref, word, step), "DATE"
    code = f"Q{ordinal}" if word == "quarter" else f"H{min(ordinal, 2)}"
    if g.get("year"):
        return f"{g['year']}-{code}", "DATE"
    if ctx.ref is None:
        return f"XXXX-{code}", "DATE"
    y = ctx.ref.year + (-1 if rel == "last year's" else 1 if rel == "next year's" else 0)
    if rel not in ("last year's", "next year's", "this year's"):
        # a quarter after the current one, spoken of in the past, is last year's ("profit fell in
        # the fourth quarter" in January); not the other way round: an earlier quarter is often
        # still to be reported ("expects third-quarter results" in October)
        current = cal.quarter_of(ctx.ref) if word == "quarter" else (ctx.ref.month - 1) // 6 + 1
        if ordinal > current and ctx.direction(c.start, c.end) < 0:
            y -= 1
    return f"{y:04d}-{code}", "DATE"


def n_qcode(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    q = (g.get("q1") or g.get("q2")).upper().replace("Q", "")
    y = g.get("year") or g.get("year2")
    if not y:
        if ctx.ref is None:
            return f"XXXX-Q{q}", "DATE"
        y = ctx.ref.year
    return f"{int(y):04d}-Q{q}", "DATE"


def n_year(c: Candidate, ctx: Context) -> Value | None:
    return c.groups["year"], "DATE"


def spoken_year(text: str) -> int | None:
    """The year of "nineteen ninety-six", "two thousand and one"."""
    words = re.split(r"[\s-]+", _key(text))
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (int(float(NUMBERS.get(rest[0], 0))) if rest else 0)
    if words[0] != "nineteen" or len(words) < 2:
        return None
    rest = [w for w in words[1:] if w != "oh"]
    if rest == ["hundred"]:
        return 1900
    n = TENS.get(rest[0]) or int(float(NUMBERS.get(rest[0], 0)))
    if len(rest) > 1:
        n += int(float(NUMBERS.get(rest[1], 0)))
    return 1900 + n


def n_spokenyear(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    y = spoken_year(g["sy"])
    if y is None:
        return None
    if g.get("month"):
        return cal.month(y, month_number(g["month"])), "DATE"
    if g.get("season"):
        return f"{y:04d}-{SEASONS[_key(g['season'])]}", "DATE"
    return f"{y:04d}", "DATE"


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}


def n_decadeword(c: Candidate, ctx: Context) -> Value | None:
    return f"19{DECADE_WORDS[_key(c.groups['decw'])]}", "DATE"


DURING_BEFORE = re.compile(r"(?:for|over|during|throughout)\s+$", re.I)


def n_theyear(c: Candidate, ctx: Context) -> Value | None:
    """"for the year" is a duration; "the year" otherwise is the current year."""
    if DURING_BEFORE.search(ctx.text[max(0, c.start - 12):c.start]) and "full" not in _key(c.groups.get("adj")):
        return "P1Y", "DURATION"
    return (f"{ctx.ref.year:04d}" if ctx.ref else "XXXX"), "DATE"


def n_decade(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    if g.get("dec"):
        return g["dec"][:3], "DATE"
    return "19" + g["dec2"][0], "DATE"


def n_century(c: Candidate, ctx: Context) -> Value | None:
    return f"{int(c.groups['cent']) - 1:02d}", "DATE"


def n_season(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    word, rel = _key(g["season"]), _key(g.get("rel"))
    code = SEASONS[word]
    if g.get("year"):
        return f"{g['year']}-{code}", "DATE"
    if word in ("fall", "spring") and rel in ("", "the"):
        return None  # "the fall of ...", "spring" as a verb
    if ctx.ref is None:
        return f"XXXX-{code}", "DATE"
    relation = -1 if rel in ("last", "this past") else 1 if rel == "next" else 0
    if relation == 0 and rel in ("", "the", "early", "late", "mid", "the early", "the late"):
        direction = ctx.direction(c.start, c.end)
        y, cur = cal.season_of(ctx.ref)
        if code != cur and direction:
            relation = direction
    return f"{cal.season_year(ctx.ref, code, relation):04d}-{code}", "DATE"


FIXED_DAY = re.compile(r"\d\d-\d\d")  # a holiday on the same day every year


def n_holiday(c: Candidate, ctx: Context) -> Value | None:
    found = _holiday_day(c, ctx)
    if found is None or not c.groups.get("week"):
        return found
    if ctx.ref is None:
        return "XXXX-WXX", "DATE"
    # "Easter week began": the holiday whose week the report stands in, else the one found
    for d in cal.holiday_around(ctx.ref, HOLIDAYS[_key(c.groups["hol"])]):
        if cal.week(d) == cal.week(ctx.ref):
            return cal.week(d), "DATE"
    return cal.week(date.fromisoformat(found[0])), "DATE"


def _holiday_day(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    rule = HOLIDAYS[_key(g["hol"])]
    if g.get("year"):
        return cal.day(cal.holiday(int(g["year"]), rule)), "DATE"
    if ctx.ref is None:
        return ("XXXX-" + rule if FIXED_DAY.fullmatch(rule) else "XXXX-XX-XX"), "DATE"
    ref, rel = ctx.ref, _key(g.get("rel"))
    if rel == "this":
        return cal.day(cal.holiday(ref.year, rule)), "DATE"
    before, after = cal.holiday_around(ref, rule)
    direction = -1 if rel in PAST_RELS else 1 if rel in NEXT_RELS else ctx.direction(c.start, c.end)
    if direction == 0:
        # the nearer one: "found on Thanksgiving Day" read in January is the last one
        return cal.day(before if ref - before <= after - ref else after), "DATE"
    return cal.day(before if direction < 0 else after), "DATE"


AS_BEFORE = re.compile(r"\bas\s+$", re.I)


AFTER_NEXT = re.compile(r"\s+after\b", re.I)


def n_ref(c: Candidate, ctx: Context) -> Value | None:
    if AS_BEFORE.search(ctx.text[max(0, c.start - 4):c.start]):
        return None  # "as soon as possible" is no time
    word = _key(c.groups["ref"])
    if word == "soon" and (AFTER_NEXT.match(ctx.text, c.end) or ctx.direction(c.start, c.end) < 0):
        # "was soon released", "soon after the vote": shortly after a narrated event, not a
        # future seen from the publication date
        return None
    return REFERENCES[word], "DATE"


def n_recent(c: Candidate, ctx: Context) -> Value | None:
    """"recent years", "coming weeks": a vague duration (TimeML: DURATION PXY)."""
    value = duration("X", c.groups["unit"])
    return (value, "DURATION") if value else None


def n_pastunit(c: Candidate, ctx: Context) -> Value | None:
    """"the past day" is the day up to now: a duration of one day (TimeML: DURATION P1D)."""
    value = duration(1, c.groups["unit"])
    return (value, "DURATION") if value else None


def n_setword(c: Candidate, ctx: Context) -> Value | None:
    return SETS[_key(c.groups["set"])], "SET"


def n_every(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    q = _key(g["q"])
    if q in ("a", "an") and not RATE_BEFORE.search(ctx.text[max(0, c.start - 30):c.start]):
        return None
    word = g["unit"]
    if _key(word) in WEEKDAYS:
        return f"XXXX-WXX-{weekday_number(word)}", "SET"
    n = number(g.get("num")) if g.get("num") else 1.0
    if g.get("other"):
        n = 2.0
    if n is None:
        return None
    value = duration(n, word)
    return (value, "SET") if value else None


def n_duration(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    n = number(g["num"])
    if n is None or (YEARLIKE.match(g["num"]) and not g.get("hy", " ").startswith("-")):
        return None  # "the 1988 second quarter": a year, not 1988 seconds
    if _key(g["num"]) in ("a", "an") and _key(g["unit"]) == "second":
        return None  # "a second attempt"
    if g.get("half") and n != "X":
        n += 0.5
    value = duration(n, g["unit"])
    return (value, "DURATION") if value else None


def n_long(c: Candidate, ctx: Context) -> Value | None:
    """"day-long" is one day, "decades-long" some decades, "three-week-long" three weeks."""
    g = c.groups
    plural = _key(g["unit"]).endswith("s")  # no singular unit word ends in "s"
    n = number(g["num"]) if g.get("num") else ("X" if plural else 1.0)
    value = duration(n, g["unit"]) if n is not None else None
    return (value, "DURATION") if value else None


def n_bareunit(c: Candidate, ctx: Context) -> Value | None:
    value = duration("X", c.groups["unit"])
    return (value, "DURATION") if value else None


NORMALIZERS: dict[str, Callable[[Candidate, Context], Value | None]] = {
    "iso": n_iso, "slash": n_slash, "mdy": n_month_day, "dmy": n_month_day, "month": n_month,
    "weekday": n_weekday, "dayword": n_dayword, "daypart": n_dayword, "dayrel": n_dayrel, "sameday": n_sameday, "nextday": n_nextday,
    "clock": n_clock, "clockword": n_clockword, "clock24": n_clock24, "noon": n_noon, "unitrel": n_unitrel, "unitin": n_unitin,
    "weekend": n_weekend, "ago": n_ago, "yearago": n_yearago, "quarter": n_quarter, "qcode": n_qcode,
    "year": n_year, "decade": n_decade, "century": n_century, "season": n_season,
    "holiday": n_holiday, "spokenyear": n_spokenyear, "decadeword": n_decadeword, "theyear": n_theyear, "ref": n_ref, "recent": n_recent, "pastunit": n_pastunit, "setword": n_setword, "every": n_every,
    "duration": n_duration, "long": n_long, "bareunit": n_bareunit, "theyears": n_bareunit,
}


def normalize(c: Candidate, ctx: Context) -> Value | None:
    """(TIMEX3 value, type) of candidate ``c`` (patterns.Candidate) in ``ctx`` (Context), or None."""
    return NORMALIZERS[c.rule](c, ctx)
