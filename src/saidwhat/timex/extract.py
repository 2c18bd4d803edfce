"""Text (and, when there is one, its spaCy parse) → TIMEX3 expressions.

Two passes: the first picks spans (best candidate first, keeping one only when it normalizes
and overlaps nothing kept); the second normalizes the kept ones in text order, so that "a year
earlier" can count from the expression before it. Composites ("three days after ... on May 14")
and second days ("April 24 and 25") are added last.
"""
from __future__ import annotations

from functools import lru_cache

from ..annotations import TimexMatch
from . import calendar as cal
from . import patterns
from .compose import compose, conjoined, counted_on
from .filters import keep
from .normalize import Context, normalize
from .tense import direction as tense_direction

# Rules whose value can depend on the expressions before them.
ANCHORED = frozenset({"sameday", "nextday", "ago", "yearago", "unitrel", "quarter", "unitin", "clock", "clockword", "clock24", "noon"})
# Rules whose value is counted from another expression: not an anchor themselves, so that
# "a year earlier ... a year earlier" does not go back two years.
DERIVED = frozenset({"ago", "yearago"})


def extract(text: str, published: str | None = None, doc=None) -> list[TimexMatch]:
    """Time expressions of ``text`` (str), normalized against ``published`` (ISO str or None).

    ``doc`` (spaCy Doc of ``text``, optional) supplies tense, used to resolve "Friday" or "July"
    forwards or backwards, and part-of-speech tags, used to drop "May" the modal verb.
    """
    ref = cal.reference_date(published)

    @lru_cache(maxsize=None)
    def direction(start: int, end: int) -> int:
        return tense_direction(doc, start, end) if doc is not None else 0

    ctx = Context(ref=ref, text=text, direction=direction)
    kept: list[tuple[patterns.Candidate, tuple[str, str]]] = []
    taken = bytearray(len(text) + 1)
    for c in patterns.candidates(text):
        if any(taken[c.start:c.end]):
            continue
        if doc is not None and not keep(c, text, doc):
            continue
        result = normalize(c, ctx)
        if result is None:
            continue
        kept.append((c, result))
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    kept.sort(key=lambda cr: cr[0].start)
    times: list[TimexMatch] = []
    anchors: list[TimexMatch] = []  # expressions fixed on their own, that others may count from
    for c, (value, type_) in kept:
        if c.rule in ANCHORED:
            ctx.previous = anchors
            value, type_ = normalize(c, ctx) or (value, type_)
        t = TimexMatch(text=text[c.start:c.end], start=c.start, end=c.end, value=value, type=type_)
        times.append(t)
        if c.rule not in DERIVED:
            anchors.append(t)
    return conjoined(text, counted_on(text, compose(text, times, _make), _make), _make)


def _make(text: str, start: int, end: int, value: str, type_: str, anchor: TimexMatch) -> TimexMatch:
    return TimexMatch(text=text, start=start, end=end, value=value, type=type_, anchor=anchor)
