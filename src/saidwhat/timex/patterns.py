"""Candidate time expressions in raw text: compiled regular expressions, built once.

Each rule is a named regex, run only around its triggers (words or digit patterns that each
of its matches holds, found first by a cheap search); ``candidates`` lists the matches of all,
longest first, and the caller keeps, among overlapping ones, the first that normalizes. Spans
follow TimeML: the determiner and modifiers ("the", "last", "early", "nearly") are inside, the
preposition ("on", "in", "for") is outside. Word lists come from ``data/`` through ``lexicon``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx


@dataclass
class Candidate:
    """One regex match: character span, rule name and named groups."""

    start: int
    end: int
    rule: str
    groups: dict


def _names(name: str, short_needs_dot: bool) -> str:
    """Alternation of the capitalized names in ``data/<name>.tsv``; abbreviations of three or
    four letters need a following dot or digit, so that "Sun", "Sat" or "Mar" as words are not
    taken for dates."""
    full, abbr = [], []
    for word in lx.table(name, lower=False):
        (full if len(word) > 4 or word == "May" or word == "June" or word == "July" else abbr).append(word)
    alts = [re.escape(w) for w in sorted(full, key=len, reverse=True)]
    for w in sorted(abbr, key=len, reverse=True):
        alts.append(re.escape(w) + r"\.")
        if not short_needs_dot:
            alts.append(re.escape(w) + r"(?=\s+\d)")
    return "(?:" + "|".join(alts) + ")"


MONTH = _names("months", short_needs_dot=False)
WEEKDAY = _names("weekdays", short_needs_dot=True)
_NUMWORDS = [w for w, v in lx.column("numbers").items()]
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUM = (
    r"(?i:(?:" + _TENS + r")[\s-](?:" + _ONES + r")|"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_NUMWORDS, key=len, reverse=True))
    + r"|\d+\s+1/2|\d+(?:,\d{3})*(?:\.\d+)?)"
)
UNIT_SG = "|".join(sorted(lx.table("units"), key=len, reverse=True))
UNIT = r"(?i:centuries|(?:" + UNIT_SG + r")s?)"
SEASON = lx.alternation(lx.table("seasons"))
HOLIDAY = lx.alternation(lx.table("holidays", lower=False))
POD = lx.alternation(lx.table("parts_of_day"))
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?:1[6-9]|20)\d\d(?![\d,.]\d)"
# "over", "under", "around" and "about" are prepositions before a determiner: "over the past
# two years" is a span of time, not more than one; the preposition stays out of the span.
APPROX = (r"(?i:(?:about|around|over|under)(?=\s+(?!(?:the|its|his|her|their|our|this|that)\b))|"
          r"nearly|almost|roughly|approximately|some|more\s+than|less\s+than|fewer\s+than|at\s+least|"
          r"at\s+most|up\s+to|just|only|barely|the\s+better\s+part\s+of)")
MOD = r"(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+last\s+half\s+of)"
REL = r"(?i:this\s+past|this\s+coming|last|next|this|coming|past)"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
SPOKEN_YEAR = (
    r"(?i:nineteen[\s-]+(?:hundred|(?:" + _TENS + r")(?:[\s-]+(?:" + _ONES + r"))?|" + _TEENS
    + r"|oh[\s-]+(?:" + _ONES + r"))|two\s+thousand(?:(?:\s+and)?[\s-]+(?:" + _ONES + "|" + _TEENS + r"))?)"
)
B = r"(?<![\w'-])"  # word start
E = r"(?![\w-])"  # word end
WD = r"(?P<wd>" + WEEKDAY + r")"
# an age, "52 years old", or a share, "three-quarters of its food" (not "several quarters of
# losses"), "a quarter point" of a rate
NOT_AGE_OR_SHARE = (r"(?!\s+old\b|(?:(?<=[Qq]uarter)|(?<=[Qq]uarters))\s+(?:of\s+"
                    r"(?i:the|its|their|his|her|our|all|those|these|a|an|this|that)\b"
                    r"|(?i:percentage\s+)?(?i:points?)\b))")

# (name, core regex[, prefix regex matched backwards from the core])
RULES: list[tuple] = [
    # 2024-05-31, 5/31/2024
    ("iso", B + r"(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)" + E),
    ("slash", B + r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d\d)" + E),
    # (Friday,) May 31(, 2024); the week of May 31; the May 3 of "May 3-5"
    ("mdy", B + r"(?:" + WD + r",?\s+)?(?P<month>" + MONTH + r")\s+(?P<day>" + DAY + r")(?:,?\s+(?P<year>" + YEAR + r"))?(?:" + E + r"|(?=[-–]\d))",
     r"(?:(?P<weekof>(?i:the\s+week\s+of))\s+)?"),
    # (Friday,) 31 May (2024)
    ("dmy", B + r"(?P<day>" + DAY + r")(?:\s+of)?\s+(?P<month>" + MONTH + r")(?:,?\s+(?P<year>" + YEAR + r"))?" + E,
     r"(?:" + WD + r",?\s+)?(?:(?i:the)\s+)?"),
    # (early|last) May (2024)
    ("month", r"(?<![\w'])(?P<month>" + MONTH + r")(?!\s+" + DAY + r")(?:,?\s+(?:of\s+)?(?P<year>" + YEAR + r")|\s+(?P<yrel>(?i:last|this|next))\s+(?i:year))?" + E,
     r"(?:(?P<mod>" + MOD + r")[\s-]*|(?P<rel>" + REL + r")\s+)?"),
    # (last) Friday (morning); Fridays (a SET)
    ("weekday", r"(?<![\w'])" + WD + r"(?P<plural>s)?(?:\s+(?P<pod>" + POD + r")s?)?" + E,
     r"(?:(?P<rel>" + REL + r"|(?i:the\s+(?:previous|following|next)))\s+)?"),
    # today, yesterday morning, tonight, this evening, last night
    ("dayword", B + r"(?i:(?P<dw>today|yesterday|tomorrow|tonight)(?:\s+(?P<pod>" + POD + r"))?)" + E),
    ("daypart", B + r"(?i:(?P<rel>this|last|tomorrow|yesterday|early\s+this|late\s+this|later\s+this|earlier\s+this)\s+(?P<pod>" + POD + r"))" + E),
    ("dayrel", B + r"(?i:the\s+day\s+(?P<dir>before\s+yesterday|after\s+tomorrow))" + E),
    # that same day, the very day: the day last spoken of
    ("sameday", B + r"(?i:(?:that|the)\s+(?:same|very)\s+day)" + E),
    # the next day, the following morning, the previous evening: a day from the one last spoken of
    ("nextday", B + r"(?i:the\s+(?P<rel>next|following|previous|prior)\s+(?:day|(?P<pod>" + POD + r")))" + E),
    # 10 a.m. (EDT) (Friday); noon; midnight Friday
    ("clock", B + r"(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m(?!\w)|[AP]M(?!\w))(?:\s+(?P<tz>[A-Z]{2,4}T))?(?:,?\s+(?:(?i:on)\s+)?(?:" + WD + r"|(?P<dw>(?i:today|yesterday|tomorrow))|(?P<month>" + MONTH + r")\s+(?P<day>" + DAY + r")))?",
     r"(?:(?P<approx>" + APPROX + r")\s+)?"),
    # 4 in the morning, eleven o'clock at night
    ("clockword", B + r"(?P<h>1[0-2]|0?[1-9]|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))(?:\s+o'clock)?\s+(?P<pod>(?i:in\s+the\s+(?:morning|afternoon|evening)|at\s+night))" + E),
    ("clock24", B + r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s+(?P<tz>GMT|UTC|[A-Z]{2,3}T))?" + E),
    ("noon", B + r"(?P<w>noon|midnight|midday)(?:,?\s+" + WD + r")?" + E),
    # earlier this month, later this year, this week, last quarter, the coming year
    ("unitrel", B + r"(?i:(?:(?P<pre>earlier|later|early|late)\s+)?(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+past|the\s+previous|the\s+coming|the\s+current|the\s+latest|the\s+most\s+recent|the\s+following|the\s+next|the\s+last|the\s+same|the\s+prior)\s+(?:(?P<fiscal>fiscal)\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century|half))" + E),
    # later in the year, earlier that day (annotators of news leave "earlier in the day" unmarked)
    ("unitin", B + r"(?i:(?P<pre>earlier|later)\s+(?:in\s+the\s+(?!day)|that\s+)(?P<unit>week|month|year|day))" + E),
    ("weekend", B + r"(?i:the\s+weekend)" + E),
    # three days ago, a year earlier, two weeks from now ("two weeks later" is a duration and a
    # signal in TimeML: the duration rule takes "two weeks")
    ("ago", B + r"(?P<num>" + NUM + r")[\s-]+(?P<unit>" + UNIT + r")(?:\s+or\s+so)?\s+(?i:(?P<dir>ago|earlier|from\s+now|hence))" + E,
     r"(?:(?P<approx>" + APPROX + r")\s+)?"),
    # the year-earlier quarter, year-ago
    ("yearago", B + r"(?i:(?P<shift>year|month|quarter)[\s-](?:earlier|ago)(?:\s+(?:(?P<ord>first|second|third|fourth)\s+)?(?P<noun>quarter|period|nine\s+months|six\s+months|three\s+months|half|month|week|year)\b)?)" + E,
     r"(?:(?P<det>(?i:the))\s+(?:(?i:comparable|same)\s+)?)?"),
    # the third quarter, third-quarter, the latest quarter, the first quarter of 1990, fiscal 1989's second quarter
    ("quarter", r"(?<![\w'])(?i:(?P<unit>quarter|half|period)(?:\s+of\s+(?:fiscal\s+)?(?P<year>" + YEAR + r"))?)" + E,
     r"(?i:(?:(?P<det>the)\s+)?(?:(?P<qrel>latest|current|previous|last|final|next|same|most\s+recent|comparable|prior|this\s+year's|last\s+year's|next\s+year's|this)\s+)?(?:(?P<year0>" + YEAR + r")\s+)?(?:fiscal[\s-]+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal[\s-]+)?)"),
    ("qcode", B + r"(?:(?P<q1>Q[1-4])\s*(?P<year>" + YEAR + r")?|(?P<q2>[1-4]Q)(?:\s*(?P<year2>" + YEAR + r"))?)" + E),
    # 1990, fiscal 1989, early 1990, the end of 1990, post-1959
    ("year", r"(?:(?<=\b[Pp]re-)|(?<=\b[Pp]ost-)|(?<![\w'$£€#.,-]))(?P<year>" + YEAR + r")(?![\w-])",
     r"(?:(?P<mod>" + MOD + r")[\s-]*)?(?:(?P<fiscal>(?i:fiscal(?:\s+year)?|FY))\s*)?(?:(?i:pre|post)-)?"),
    # the 1980s, the early '90s, the 20th century
    ("decade", B + r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]*)?(?:(?P<dec>(?:1[6-9]|20)\d0)'?s|'(?P<dec2>\d0)s)" + E),
    ("century", B + r"(?:(?i:the)\s+)?(?P<cent>1?\d|2[01])(?:st|nd|rd|th)\s+(?i:century)" + E),
    # nineteen ninety-six, the year two thousand, January nineteen ninety-seven (transcripts)
    ("spokenyear", B + r"(?P<sy>" + SPOKEN_YEAR + r")" + E,
     r"(?:(?P<month>" + MONTH + r")\s+|(?i:the\s+year)\s+|(?i:(?:the\s+)?(?P<season>" + SEASON + r")\s+of)\s+)?"),
    ("decadeword", B + r"(?i:the\s+(?:(?P<mod>early|mid|late)[\s-]*)?(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))" + E),
    # the year, the fiscal year (a duration after "for")
    ("theyear", B + r"(?i:the\s+(?P<adj>full\s+|fiscal\s+|entire\s+|calendar\s+)?year)(?![\w-]|\s+(?:\d|two|nineteen|ago|earlier|before|after|later))"),
    # last fall, this summer, the winter of 1994
    ("season", r"(?<![\w'])(?i:(?P<season>" + SEASON + r")(?:\s+(?:of\s+)?(?P<year>" + YEAR + r"))?)" + E,
     r"(?i:(?:(?P<rel>last|this|next|this\s+past|early|late|mid|the|the\s+early|the\s+late)[\s-]+)?)"),
    # holidays; Easter week, Christmas week
    ("holiday", B + r"(?P<hol>" + HOLIDAY + r")(?:,?\s+(?P<year>" + YEAR + r")|\s+(?P<week>(?i:week)))?" + E,
     r"(?:(?P<rel>" + REL + r")\s+)?"),
    # now, recently, the future
    ("ref", B + r"(?i:(?P<ref>" + lx.alternation(lx.table("references")) + r"))" + E),
    ("recent", B + r"(?i:(?P<ref>recent|past|coming)\s+(?P<unit>years|months|weeks|days|decades|times))" + E),
    # the past day, the past hour: one unit back from now, the war reports' "over the past day"
    ("pastunit", B + r"(?i:the\s+past\s+(?P<unit>day|hour))" + E),
    # daily, every day, each year, per year, every other week, every Friday
    ("setword", B + r"(?i:(?P<set>" + lx.alternation(lx.table("sets")) + r"))" + E),
    ("every", B + r"(?i:(?P<q>every|each|per|a|an)\s+(?:(?P<other>other)\s+)?(?:(?P<num>" + NUM + r")\s+)?(?P<unit>" + UNIT + r"|(?-i:" + WEEKDAY + r")))" + E),
    # (the past) three years, two-year, several weeks, the first nine months, a minute and a half,
    # two more weeks
    ("duration", B + r"(?P<num>" + NUM + r")(?:\s+(?i:more|additional|extra))?(?P<hy>[\s-]+)(?P<unit>" + UNIT + r")(?P<half>\s+and\s+a\s+half)?" + E + NOT_AGE_OR_SHARE,
     r"(?:(?P<approx>" + APPROX + r")\s+)?(?:(?P<det>(?i:the|each\s+of\s+the))\s+)?(?:(?P<rel>(?i:past|last|next|first|coming|previous|following|final|latest|remaining|full|entire|same|ensuing|preceding))\s+)?"),
    # a day-long meeting, a decades-long feud ("6-year-old" is an age, not a time)
    ("long", B + r"(?:(?P<num>" + NUM + r")-)?(?P<unit>" + UNIT + r")-(?i:long)" + E),
    # for weeks, for months (the preposition stays out of the span)
    ("bareunit", r"(?:(?<=\b[Ff]or\s)|(?<=\b[Oo]ver\s))(?P<unit>(?i:years|months|weeks|days|hours|decades|minutes))" + E),
    # over the years, in the years that followed, the early years of the war (not "the years
    # 2000 and 2001"; "the weeks before the vote" is left alone: it often stands for a date)
    ("theyears", r"(?:(?<=\b[Ii]n\s)|(?<=\b[Oo]ver\s)|(?<=\b[Dd]uring\s)|(?<=\b[Aa]cross\s))"
     r"(?P<det>(?i:the))\s+(?:(?i:early|following|intervening|ensuing)\s+)?(?P<unit>(?i:years|decades))(?!\s+\d)" + E),
]

# A prefix must end right at its core: "\Z", as "$" would also match before a line break that
# ends the searched stretch, taking "\n" into the span of a date that opens a paragraph.
COMPILED = [
    (r[0], re.compile(r[1]), re.compile(B + r[2] + r"\Z") if len(r) > 2 else None) for r in RULES
]
PRIORITY = {r[0]: i for i, r in enumerate(RULES)}
PREFIX_WINDOW = 40

# Tried at every position of the text, the rules were nearly all of the time step, though most
# of them match nowhere in a given text. Each rule has triggers, of which every match holds one:
# words (a unit, "today"), found with str.find in the lowercased text (the rules compare words
# case-insensitively), or, for names that must be capitalized and for digit patterns, regexes on
# the text itself. A text is searched once for each trigger; a rule then runs only in windows
# around its triggers, and not at all where they are missing. A rule changed so that it can match
# without any of its triggers needs a new trigger here, or those matches are lost.


def _keywords(entries) -> tuple[str, ...]:
    """Words of which each entry of a word list holds one: its last word, left out where it holds
    another ("nowadays" holds "now"), since it is found there anyway."""
    last = {e.split()[-1] for e in entries}
    return tuple(sorted(w for w in last if not any(o != w and o in w for o in last)))


UNITS = _keywords([*lx.table("units"), "centuries"])
MONTH_RX, WEEKDAY_RX, HOLIDAY_RX, YEAR_RX = (re.compile(rx) for rx in (MONTH, WEEKDAY, HOLIDAY, YEAR))
NUMSEP_RX = re.compile(r"\d[-/:]\d")  # 2024-05-31, 5/31/2024, 14:30
AMPM_RX = re.compile(r"\d\s*(?:[ap]\.?m|[AP]M)")
QCODE_RX = re.compile("Q")  # Q1, 3Q: a capital Q is rare, and one literal is found fastest
# rule -> triggers; "now" stands for "from now", "ties" for "twenties" ... "nineties"
TRIGGERS = {
    "iso": (NUMSEP_RX,), "slash": (NUMSEP_RX,), "clock24": (NUMSEP_RX,), "clock": (AMPM_RX,),
    "mdy": (MONTH_RX,), "dmy": (MONTH_RX,), "month": (MONTH_RX,),
    "weekday": (WEEKDAY_RX,), "every": (*UNITS, WEEKDAY_RX), "duration": UNITS,
    "dayword": ("today", "yesterday", "tomorrow", "tonight"), "dayrel": ("yesterday", "tomorrow"), "sameday": ("same", "very"), "nextday": ("next", "following", "previous", "prior"),
    "daypart": _keywords(lx.table("parts_of_day")), "clockword": _keywords(lx.table("parts_of_day")),
    "noon": ("noon", "midnight", "midday"),
    "unitrel": ("week", "month", "year", "quarter", "decade", "century", "half"),
    "unitin": ("earlier", "later"), "ago": ("ago", "earlier", "now", "hence"), "yearago": ("ago", "earlier"),
    "weekend": ("weekend",), "century": ("century",), "theyear": ("year",), "long": ("-long",),
    "bareunit": ("years", "months", "weeks", "days", "hours", "decades", "minutes"),
    "theyears": ("years", "decades"), "quarter": ("quarter", "half", "period"),
    "qcode": (QCODE_RX,), "year": (YEAR_RX,), "decade": ("0s", "0's"),
    "spokenyear": ("nineteen", "thousand"), "decadeword": ("ties",), "season": _keywords(lx.table("seasons")),
    "holiday": (HOLIDAY_RX,), "ref": _keywords(lx.table("references")), "recent": ("recent", "past", "coming"), "pastunit": ("past",),
    "setword": _keywords(lx.table("sets")),
}
WINDOW_BEFORE = 80  # the longest stretch a rule's match may open before its trigger
WINDOW_AFTER = 40  # and run on after it, lookaheads included ("10 a.m. EDT on September 30")
_FOLD = str.maketrans("İıſ", "Iis")


def _lowered(text: str) -> str:
    """``text`` lowercased letter for letter, as (?i) compares it with ASCII letters: "İ" (which
    str.lower makes two characters), dotless "ı" and long "ſ" stand for "i" and "s"."""
    low = text.lower()
    if len(low) != len(text) or "ı" in low or "ſ" in low:
        low = text.translate(_FOLD).lower()
    return low


def _find(trigger, text: str, low: str) -> list[tuple[int, int]]:
    """Spans of ``trigger`` (a word, in ``low``: ``text`` lowercased; or a regex, in ``text``)."""
    if not isinstance(trigger, str):
        return [m.span() for m in trigger.finditer(text)]
    spans, i = [], low.find(trigger)
    while i >= 0:
        spans.append((i, i + len(trigger)))
        i = low.find(trigger, i + 1)
    return spans


def _windows(spans: list[tuple[int, int]], n: int) -> list[list[int]]:
    """Merged [start, end] windows around trigger ``spans`` (sorted by start) in a text of length ``n``."""
    out: list[list[int]] = []
    for s, e in spans:
        s, e = max(0, s - WINDOW_BEFORE), min(n, e + WINDOW_AFTER)
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def _scan(rx: re.Pattern, text: str, windows: list[list[int]]):
    """What ``rx.finditer(text)`` yields, searching only the ``windows`` (sorted, disjoint), the
    only places a match can be. A match that reaches the end of a window is matched again on
    the whole text, which may carry it further."""
    pos = 0
    for start, end in windows:
        pos = max(pos, start)
        while (m := rx.search(text, pos, end)) is not None:
            if m.end() == end < len(text):  # cut by the window: match again on the whole text
                full = rx.match(text, m.start())
                if full is None:
                    pos = m.start() + 1
                    continue
                m = full
            yield m
            pos = m.end()


def candidates(text: str) -> list[Candidate]:
    """Every match of every rule in ``text`` (str), best first: longest, then the rule listed
    first, then the earliest. The caller keeps a candidate when it normalizes and overlaps
    nothing kept before, so a match that turns out not to be a time leaves room for a shorter one.

    Optional modifiers in front ("nearly", "the past", "early") are matched backwards from
    the core of an expression: an optional group leading a pattern would be tried at every
    position of the text and makes the scan ten times slower.
    """
    low, spans_of = _lowered(text), {}  # trigger -> its spans in the text
    found = []
    for name, rx, prefix in COMPILED:
        spans = []
        for t in TRIGGERS[name]:
            if t not in spans_of:
                spans_of[t] = _find(t, text, low)
            spans += spans_of[t]
        if not spans:
            continue
        spans.sort()
        for m in _scan(rx, text, _windows(spans, len(text))):
            start, groups = m.start(), m.groupdict()
            if prefix is not None:
                p = prefix.search(text, max(0, start - PREFIX_WINDOW), start)
                if p is not None and p.start() < start:
                    start = p.start()
                    groups.update({k: v for k, v in p.groupdict().items() if v is not None})
            if m.end() > start:
                found.append(Candidate(start, m.end(), name, groups))
    found.sort(key=lambda c: (c.start - c.end, PRIORITY[c.rule], c.start))
    return found
