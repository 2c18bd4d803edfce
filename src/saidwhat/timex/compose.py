"""Arithmetic on another expression: "three days after visiting Kyiv on May 14" → May 17.

The whole phrase becomes one DATE whose ``anchor`` is the expression it counts from; the
anchor stays an expression of its own. Only a short stretch without clause punctuation may
stand between "after"/"before" and the anchor, so that the count and the anchor belong to one
phrase; a date set off by a comma ("three days after the conference, on June 15") dates the
whole phrase and is not counted from. The second day of "April 24 and 25" borrows the month
and year of the first.
"""
from __future__ import annotations

import re
from datetime import date

from . import calendar as cal
from .normalize import number, unit
from .patterns import NUM, UNIT

# "three days after", "a week before", and "the day before" (one day; "the week before" would
# be a week, not a day, so only "day" takes "the")
LEAD = re.compile(
    r"(?<![\w-])(?:(?P<num>" + NUM + r")[\s-]+(?P<unit>" + UNIT + r")|(?P<the>(?i:the))\s+(?P<day>(?i:day)))"
    r"\s+(?P<dir>after|before)\s+"
    r"(?P<gap>[^.;:!?\n\"“”()]{0,60}?)(?<!,)(?<!,\s)(?<!,\son\s)(?<!,\sin\s)$"
)
LOOKBACK = 120


def compose(text: str, times: list, make) -> list:
    """``times`` (list of TimexMatch, text order) with anchored composites added.

    ``make(text, start, end, value, type, anchor)`` builds a TimexMatch. A DURATION inside a
    composite (the "three days" of "three days after ...") is replaced by the composite.
    """
    out = list(times)
    for t in times:
        if t.type != "DATE" or not (cal.DAY_RE.match(t.value) or t.value.startswith("XXXX-")):
            continue
        lo = max(0, t.start - LOOKBACK)
        m = LEAD.search(text, lo, t.start)
        if m is None:
            continue
        n, u = (1.0, unit("day")) if m.group("the") else (number(m.group("num")), unit(m.group("unit")))
        if not isinstance(n, float) or u is None or not n.is_integer():
            continue
        letter, mult = u
        sign = 1 if m.group("dir") == "after" else -1
        value = _shift(t.value, sign * int(n) * mult, letter)
        if value is None:
            continue
        start = m.start()
        out = [o for o in out if not (start <= o.start and o.end <= t.start)]
        out.append(make(text[start:t.end], start, t.end, value, "DATE", t))
    out.sort(key=lambda o: (o.start, -o.end))
    return out


# "three years later": a duration counted on from the date last named in the same sentence
LATER = re.compile(r"\s+(?P<dir>later|earlier)(?![\w-])")
YEAR_ONLY = re.compile(r"^\d{4}$")
MONTH_ONLY = re.compile(r"^\d{4}-\d\d$")


def counted_on(text: str, times: list, make) -> list:
    """``times`` (list of TimexMatch, text order) where a duration followed by "later" or
    "earlier" counts from the date named just before it in its sentence ("co-founded OpenAI in
    2015 but left its board three years later" → 2018) becomes that DATE, anchored there. Only
    years count on a bare year, months and years on a month, any unit on a day."""
    out = list(times)
    for i, t in enumerate(times):
        m = LATER.match(text, t.end) if t.type == "DURATION" else None
        anchor = next((a for a in reversed(times[:i]) if a.type == "DATE"), None) if m else None
        if anchor is None or any(c in text[anchor.end : t.start] for c in ".;!?\n"):
            continue
        n, u = _count(t.text)
        if n is None or u is None:
            continue
        letter, mult = u
        if not (cal.DAY_RE.match(anchor.value) or (YEAR_ONLY.match(anchor.value) and letter == "Y")
                or (MONTH_ONLY.match(anchor.value) and letter in "MY")):
            continue
        value = _shift(anchor.value, (1 if m.group("dir") == "later" else -1) * n * mult, letter)
        if value is not None:
            out = [o for o in out if o is not t]
            out.append(make(text[t.start : m.end()], t.start, m.end(), value, "DATE", anchor))
    out.sort(key=lambda o: (o.start, -o.end))
    return out


def _count(words: str) -> tuple[int | None, tuple | None]:
    """(3, unit of "years") for "three years"; (None, None) for what is not a whole count."""
    parts = words.split()
    if len(parts) != 2:
        return None, None
    n = number(parts[0])
    return (int(n), unit(parts[1])) if isinstance(n, float) and n.is_integer() else (None, None)


def _shift(value: str, n: int, letter: str) -> str | None:
    if value.startswith("XXXX-") and cal.DAY_RE.match("2000" + value[4:]):
        # a month and day without a year: shift inside a leap year, keep the year unknown
        shifted = cal.shift_value("2000" + value[4:], n, letter)
        return "XXXX" + shifted[4:] if shifted else None
    return cal.shift_value(value, n, letter)



# "April 24 and 25": a bare day number joined to a full date takes its month and year. Not
# followed by a word or a digit group, so that "May 14 and 25 people" or "May 3 and 4,000" stay out.
NEXT_DAY = re.compile(r"\s*(?:and|or|to|through|-|–)\s*(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w,.]?\d|\s+[a-z])")


def conjoined(text: str, times: list, make) -> list:
    """``times`` (list of TimexMatch, text order) with the second days of "April 24 and 25"
    added, each a DATE of its own (TimeML marks the two apart)."""
    out = list(times)
    for t in times:
        m = cal.DAY_RE.match(t.value) if t.type == "DATE" else None
        nxt = NEXT_DAY.match(text, t.end) if m and t.text[-1:].isdigit() else None
        if nxt is None or int(nxt.group("day")) <= int(m[3]):
            continue
        try:
            value = cal.day(date(int(m[1]), int(m[2]), int(nxt.group("day"))))
        except ValueError:
            continue
        s, e = nxt.span("day")
        if not any(o.start < e and s < o.end for o in out):
            out.append(make(text[s:e], s, e, value, "DATE", t))
    out.sort(key=lambda o: (o.start, -o.end))
    return out
