"""Amounts: money, counts, percentages and ordinals, read from spaCy tokens.

Rules run over tokens and the parse, not over NER spans: the small model misses
"40 billion euros" and tags "at least" as CARDINAL. NER is used only to stay out of dates,
times and names ("May 14", "Air Force One").

Span convention (the seed gold's): an amount's text runs from its figure, or the currency
symbol before it, to its unit: the currency word, "percent", or the counted noun
("100 Chinese entities"). Bound words that make one numeral with the figure through "than"
belong to the span ("more than 100 Chinese entities"); adverbs before it ("about",
"at least", "up to") stay outside and only set ``approximate`` or ``bound``. The table of
bound words says which is which (lexicon/amount_bounds.txt).

Not amounts: numbers inside time expressions ("two days", "May 14", "2022", "10 a.m."),
ages ("Biden, 81,"), labels ("No. 2", "Section 230", "COVID-19") and bare years.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import IDX, IS_CURRENCY, LIKE_NUM, LOWER, PREFIX
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .. import lexicon
from ..annotations import AmountMatch, text_of

# Currency signs written before a figure, glued or not (their codes: amount_currency_symbols.txt).
CURRENCY_SIGNS = "€£¥₹₽₴₩₪₺₦₱"
# Letter symbols that are written in title case: the rupee's "Rs" (India, Pakistan, Sri Lanka,
# Nepal: read as INR, the common case) and the rupiah's "Rp"; with their stop they may be glued
# to a figure ("Rs.500").
CASED_SYMBOLS = ("Rs", "Rp")
LETTER_CURRENCY_MARKS = tuple(f"{symbol}." for symbol in CASED_SYMBOLS)
GLUED_CURRENCY_MARKS = ("$", *LETTER_CURRENCY_MARKS)
# A figure, possibly with a currency symbol or scale suffix glued on ("HK$3", "1.2bn", "10k").
_FIGURE = re.compile(
    r"^(?P<cur>[A-Za-z.]{0,4}\$|[" + CURRENCY_SIGNS + r"]|" + "|".join(map(re.escape, LETTER_CURRENCY_MARKS)) + r")?(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?P<suf>[A-Za-z]{1,3})?$"
)
_ORDINAL_FIGURE = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.IGNORECASE)
_YEAR = re.compile(r"^(1[0-9]|20)\d\d$")
# Named-entity labels whose numbers are amounts; a figure inside any other entity is a name.
_AMOUNT_LABELS = {"MONEY", "CARDINAL", "PERCENT", "ORDINAL", "QUANTITY"}
_TIME_LABELS = {"DATE", "TIME"}
_HYPHENS = {"-", "–", "—"}
# Words between the two ends of a range: "3-4%", "10 to 15 percent".
_RANGE_JOINERS = {"-", "–", "to"}
# Words after a figure that make it a clock time ("10 a.m.").
_CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc", "et", "est", "edt", "pst", "pdt", "cet", "bst"}
# Tokens allowed between a figure and the noun it counts ("100 Chinese entities").
_NOUN_MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "ADV", "PUNCT", "VERB"}


@dataclass(frozen=True)
class _Tables:
    """The lexicons, parsed once."""

    number_words: dict[str, float]
    scales: dict[str, float]
    suffixes: dict[str, float]
    vague: dict[str, float]
    ordinals: dict[str, int]
    symbols: dict[str, str]
    currency_words: dict[tuple[str, ...], tuple[str, float]]
    currency_max_len: int
    # a bare currency word → (nationality word, ISO code) of its national forms: "pesos" →
    # ("argentine", "ARS"), ("chilean", "CLP") ...
    national_currencies: dict[tuple[str, ...], list[tuple[str, str]]]
    bounds: dict[tuple[str, ...], tuple[str, bool]]  # words → (canonical or "~", inside the span)
    bounds_max_len: int
    measure_units: frozenset[str]
    time_units: frozenset[str]
    label_words: frozenset[str]
    gate_lower: numpy.ndarray  # hashes of the words that can start an amount
    gate_prefix: numpy.ndarray  # hashes of first characters that can start one (digits, symbols)


def _table(name: str) -> list[list[str]]:
    """Rows of a `a | b | c` lexicon file, lowercased, as lists of stripped fields."""
    return [[f.strip() for f in line.split("|")] for line in lexicon.words(name)]


@lru_cache(maxsize=1)
def tables() -> _Tables:
    """All amount lexicons (cached: built once per process)."""
    currency_words = {}
    for row in _table("amount_currency_words"):
        mult = float(row[2]) if len(row) > 2 else 1.0
        currency_words[tuple(row[0].split())] = (row[1].upper(), mult)
    bounds = {tuple(r[0].split()): (r[1], r[2] == "in") for r in _table("amount_bounds")}
    number_words = {r[0]: float(r[1]) for r in _table("amount_number_words")}
    scales = {r[0]: float(r[1]) for r in _table("amount_scales")}
    vague = {r[0]: float(r[1]) for r in _table("amount_vague_scales")}
    ordinals = {r[0]: int(r[1]) for r in _table("amount_ordinals")}
    symbols = {r[0]: r[1].upper() for r in _table("amount_currency_symbols")}
    return _Tables(
        number_words=number_words,
        scales=scales,
        suffixes={r[0]: float(r[1]) for r in _table("amount_scale_suffixes")},
        vague=vague,
        ordinals=ordinals,
        symbols=symbols,
        currency_words=currency_words,
        currency_max_len=max(len(k) for k in currency_words),
        national_currencies=_national_currencies(currency_words),
        bounds=bounds,
        bounds_max_len=max(len(k) for k in bounds),
        measure_units=lexicon.words("amount_measure_units"),
        time_units=lexicon.words("amount_time_units"),
        label_words=lexicon.words("amount_label_words"),
        gate_lower=_hashes(["a", "an", "half", *number_words, *scales, *vague, *ordinals, *symbols]),
        gate_prefix=_hashes([*"0123456789.$", *CURRENCY_SIGNS]),
    )


def _hashes(words) -> numpy.ndarray:
    return numpy.array(sorted({get_string_id(w) for w in words}), dtype="uint64")


@dataclass
class _Number:
    """A number read from tokens [start, end)."""

    start: int
    end: int
    value: float
    currency: str | None = None  # from a symbol glued to the figure ("HK$3")
    has_figure: bool = False  # written with digits


def _symbol_code(token: Token, t: _Tables) -> str | None:
    """The ISO code of a currency symbol token ("$", "US$", "€", "EUR"), or None."""
    code = t.symbols.get(token.lower_)
    if code and token.text.isalpha() and not token.text.isupper() and token.text not in CASED_SYMBOLS:
        return None  # letter codes count only in capitals: "eur" is not a currency
    return code


def _read_figure(token: Token, t: _Tables) -> tuple[float, str | None] | None:
    """Value and glued currency of a figure token ("1,200", "2.5", "1.2bn", "HK$3")."""
    m = _FIGURE.match(token.text)
    if not m:
        return None
    value = float(m["num"].replace(",", ""))
    if m["suf"]:
        mult = t.suffixes.get(m["suf"].lower())
        if mult is None:
            return None  # "5G", "3D": not a figure
        value *= mult
    currency = None
    if m["cur"]:
        currency = t.symbols.get(m["cur"].lower())
        if currency is None:
            return None
    return value, currency


def read_number(doc: Doc, i: int, t: _Tables | None = None) -> _Number | None:
    """Read a number starting at token `i` of `doc` (spaCy Doc): figures, number words, scales.

    "40 billion" → 4e10, "two dozen" → 24, "twenty-five" → 25, "a million" → 1e6,
    "half a million" → 5e5, "£2.5m" (from "2.5") → 2.5e6. Returns None when no number starts at `i`.
    """
    t = t or tables()
    n = len(doc)
    j = i
    total = current = 0.0
    seen_number = seen_scale = has_figure = False
    currency = None
    last_word_value = None
    # "a million", "half a million": the article stands for one.
    if doc[j].lower_ in ("a", "an") and j + 1 < n and doc[j + 1].lower_ in t.scales:
        current, seen_number, j = 1.0, True, j + 1
    elif (doc[j].lower_ == "half" and j + 2 < n and doc[j + 1].lower_ in ("a", "an")
          and doc[j + 2].lower_ in t.scales):
        current, seen_number, j = 0.5, True, j + 2
    else:
        fraction = _fraction_of_a_point(doc, j)
        if fraction is not None:
            return fraction
    while j < n:
        tok = doc[j]
        low = tok.lower_
        if not seen_number and not seen_scale:
            fig = _read_figure(tok, t)
            if fig is not None:
                current, currency = fig
                seen_number = has_figure = True
                j += 1
                # "2.5" + "m" written together: the tokenizer split the suffix off.
                if j < n and not tok.whitespace_ and doc[j].lower_ in t.suffixes:
                    current *= t.suffixes[doc[j].lower_]
                    seen_scale = True
                    j += 1
                    break
                continue
        if low in t.number_words and not has_figure:
            value = t.number_words[low]
            # "two million [three hundred] thousand", not "a million [two] years ago"
            after_a_group = total > 0 and current == 0 and j + 1 < n and doc[j + 1].lower_ in t.scales
            if seen_number and not after_a_group and not (
                    last_word_value and last_word_value % 10 == 0 and last_word_value >= 20 and value < 10):
                break  # "five four" is two numbers; "twenty five" is one
            current += value
            seen_number = True
            last_word_value = value
            j += 1
            # "twenty-five": a hyphen glued between two number words.
            if (j + 1 < n and doc[j].text in _HYPHENS and not doc[j - 1].whitespace_ and not doc[j].whitespace_
                    and doc[j + 1].lower_ in t.number_words):
                j += 1
            continue
        if low in t.scales and (seen_number or seen_scale):
            mult = t.scales[low]
            if j > i and t.scales.get(doc[j - 1].lower_, 0) >= 1000 and mult > t.scales[doc[j - 1].lower_]:
                total, current = (total + current) * mult, 0.0  # "1.2 lakh crore", "a thousand billion"
            elif mult >= 1000:
                total += (current or 1.0) * mult
                current = 0.0
            else:
                current = (current or 1.0) * mult
            seen_scale = True
            last_word_value = None
            j += 1
            continue
        break
    if not seen_number:
        return None
    return _Number(i, j, total + current, currency, has_figure)


# Fractions of a percentage point, read before the unit word: "half a point", "a quarter
# percentage point", "a quarter of a percentage point".
POINT_FRACTIONS = {("half", "a"): 0.5, ("half", "an"): 0.5, ("a", "quarter"): 0.25, ("one", "quarter"): 0.25,
                   **{(first, "quarter", "of", article): 0.25 for first in ("a", "one") for article in ("a", "an")}}
POINT_WORDS = ("percent", "percentage", "point")


def _fraction_of_a_point(doc: Doc, i: int) -> _Number | None:
    """The fraction of POINT_FRACTIONS at token ``i`` when a point word follows it."""
    for words, value in POINT_FRACTIONS.items():
        end = i + len(words)
        if end < len(doc) and doc[end].lower_ in POINT_WORDS and tuple(t.lower_ for t in doc[i:end]) == words:
            return _Number(i, end, value)
    return None


def _national_currencies(currency_words: dict) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    found: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for key, (code, _) in currency_words.items():
        # not "dollars": the U.S. dollar is everyone's ("Canadian officials" do not make it CAD)
        if len(key) == 2 and key[1:] in currency_words and key[1] not in ("dollars", "dollar"):
            found.setdefault(key[1:], []).append((key[0], code))
    return found


def _currency_of_the_article(doc: Doc, bare: tuple[str, ...], code: str, t: _Tables) -> str:
    """The code of a bare "kroner" or "pesos": the national form whose nationality the
    article names ("Danish Prime Minister" → DKK), when it names only one; else `code`."""
    text = text_of(doc).lower()
    named = {c for nationality, c in t.national_currencies[bare] if re.search(r"\b" + nationality + r"\b", text)}
    return named.pop() if len(named) == 1 else code


def _match_words(doc: Doc, i: int, table: dict, max_len: int):
    """Longest entry of `table` (keys: tuples of lowercase words) starting at token i: (key, value)."""
    for size in range(min(max_len, len(doc) - i), 0, -1):
        key = tuple(doc[k].lower_ for k in range(i, i + size))
        if key in table:
            return key, table[key]
    return None


def _bound_before(doc: Doc, start: int, t: _Tables):
    """Bound words ending just before token `start`: (first token index, canonical, inside span)."""
    for size in range(min(t.bounds_max_len, start), 0, -1):
        key = tuple(doc[k].lower_ for k in range(start - size, start))
        if key in t.bounds:
            canonical, inside = t.bounds[key]
            return start - size, canonical, inside
    return None


def _percent_after(doc: Doc, j: int, value: float) -> tuple[int, str] | None:
    """End token and unit of a percent word at token j ("percent", "%", "per cent", "percentage
    points", "basis points"); a fraction of a bare "point" is of a rate too ("a quarter point",
    "half a point"), unlike "300 points" of an index."""
    n = len(doc)
    if j >= n:
        return None
    low = doc[j].lower_
    if low in ("percent", "%", "pct", "pct."):
        return j + 1, "percent"
    if low == "per" and j + 1 < n and doc[j + 1].lower_ == "cent":
        return j + 2, "percent"
    if low in ("percentage", "basis") and j + 1 < n and doc[j + 1].lower_ in ("point", "points"):
        return j + 2, f"{low} points"
    if low in ("point", "points") and 0 < value < 1:
        return j + 1, "percentage points"
    return None


def _counted_noun(doc: Doc, num: _Number) -> Token | None:
    """The noun a number counts ("100 Chinese entities" → entities), from the parse.

    The noun must follow within a few modifier tokens and sit above the figure in the tree.
    """
    for k in range(num.start, num.end):
        head = doc[k].head
        if head.i >= num.end and head.i - num.end <= 4 and head.pos_ in ("NOUN", "PROPN"):
            if all(doc[m].pos_ in _NOUN_MODIFIER_POS for m in range(num.end, head.i)):
                return head
    nxt = doc[num.end] if num.end < len(doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ == "NNS":
        return nxt  # a parse that hung the figure elsewhere
    return None


def _part_of_a_count(doc: Doc, num: _Number, t: _Tables) -> str | None:
    """The unit of the count after "of" that a bare number is part of: "destroyed 25 of 31
    drones" counts drones twice, "two of the contractors" counts contractors."""
    if num.end + 1 >= len(doc) or doc[num.end].lower_ != "of":
        return None
    whole = read_number(doc, num.end + 1, t)
    if whole is None:  # "two of the contractors", "three of its largest lenders"
        group = next((c for c in doc[num.end].children if c.dep_ == "pobj"), None)
        return _unit_of(group) if group is not None and group.tag_ == "NNS" and any(
            c.dep_ in ("det", "poss") for c in group.children) else None
    noun = _counted_noun(doc, whole)
    return _unit_of(noun) if noun is not None and _is_plural_count(noun, whole.value, t) else None


def _is_plural_count(noun: Token, value: float, t: _Tables) -> bool:
    """Counts take a plural noun ("2016 election" is a label, "2016 voters" a count); a singular
    noun hyphenated to the figure names a kind of thing ("the one-China policy", "a two-state
    solution"), unless it is a unit ("a 7.8-magnitude quake")."""
    if noun.lower_ in t.measure_units:
        return True
    if noun.i > 0 and noun.nbor(-1).text == "-" and not noun.nbor(-1).whitespace_ and noun.tag_ in ("NN", "NNP"):
        return False
    return noun.tag_ in ("NNS", "NNPS") or value == 1


def _unit_of(noun: Token) -> str:
    return noun.text if noun.pos_ == "PROPN" else noun.lower_


def _skip_marks(doc: Doc, t: _Tables) -> tuple[list[bool], list[bool]]:
    """Per token: inside a time expression; inside a named entity that is no amount."""
    in_time = [False] * len(doc)
    in_name = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ in _TIME_LABELS:
            # the model reads "£20bn a year" as a date; after a currency sign it is money
            if not (ent.start > 0 and doc[ent.start - 1].text in t.symbols):
                for k in range(ent.start, ent.end):
                    in_time[k] = True
        elif ent.label_ not in _AMOUNT_LABELS and not (len(ent) == 1 and ent.text.startswith(LETTER_CURRENCY_MARKS)):
            # not "Rs.200", which the model may tag as a nationality
            for k in range(ent.start, _name_end(doc, ent, t)):
                in_name[k] = True
    for tm in doc._.times or []:
        span = doc.char_span(tm.start, tm.end, alignment_mode="expand")
        if span is not None:
            for k in range(span.start, span.end):
                in_time[k] = True
    return in_time, in_name


def _name_end(doc: Doc, ent, t: _Tables) -> int:
    """Where a name ends, leaving out an amount of money the model read into it: "fined [Apple
    1.8 billion euros]" (tagged ORG) is Apple and 1.8 billion euros; "Boeing 737" stays whole."""
    first = next((k for k in range(ent.start + 1, ent.end) if doc[k].like_num), None)
    if first is None:
        return ent.end
    if not all(tok.like_num or tok.lower_ in t.scales or (tok.lower_,) in t.currency_words for tok in doc[first : ent.end]):
        return ent.end
    # the currency word may be the name's last word or the one after it
    words = doc[first : min(ent.end + 1, len(doc))]
    return first if any((tok.lower_,) in t.currency_words for tok in words) else ent.end


def _is_label(doc: Doc, num: _Number, t: _Tables) -> bool:
    """Figures that name rather than measure: "No. 2", "Section 230", "COVID-19", "10 a.m."."""
    i = num.start
    if i > 0:
        prev = doc[i - 1]
        if prev.lower_ in t.label_words:
            return True
        # "COVID-19", "F-35": a figure glued by a hyphen to a word before it.
        if prev.text in _HYPHENS and not prev.whitespace_ and i > 1 and doc[i - 2].is_alpha and not doc[i - 2].whitespace_:
            return True
    if num.end < len(doc) and doc[num.end].lower_ in _CLOCK_WORDS:
        return True
    # a capitalized number word in a name: "the Ten Commandments", "the Three Gorges Dam"
    first, after = doc[i], doc[num.end] if num.end < len(doc) else None
    return (not num.has_figure and first.is_title and not first.is_sent_start and after is not None
            and after.is_title and after.pos_ == "PROPN")


def _is_age_or_score(doc: Doc, num: _Number) -> bool:
    """Bare figures that are ages ("Biden, 81,", "He was 91.", "died at 91", "aged 17") or scores and
    ranges ("52-48")."""
    i, j = num.start, num.end
    n = len(doc)
    if 1 < i and j < n and doc[i - 1].text == "," and doc[j].text in (",", ".") and doc[i - 2].pos_ == "PROPN":
        return True
    if 1 < i and (j == n or doc[j].is_punct or doc[j].is_space) and (doc[i - 1].lower_ in ("at", "aged") or (
            doc[i - 1].lemma_ == "be" and doc[i - 2].lower_ in ("he", "she", "i"))):
        return True
    if j + 1 < n and doc[j].text in _HYPHENS and doc[j + 1].like_num:
        return True
    if i > 1 and doc[i - 1].text in _HYPHENS and doc[i - 2].like_num:
        return True
    return False


def _ends_a_name(doc: Doc, num: _Number) -> bool:
    """A bare figure in a name with a proper noun next to it: "the FTSE 100 slipped", "the
    STOXX 600 closed down", "a Boeing 737", "the 737 Max" (a model, not 737 of the Max)."""
    i, j = num.start, num.end
    before = i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_alpha and not doc[i - 1].is_sent_start \
        and (doc[i].head.i == i - 1 or doc[i - 1].head.i == i)
    after = j < len(doc) and doc[j].tag_ == "NNP" and doc[j].is_title and doc[j - 1].head.i == j \
        and doc[j - 1].text.isdigit()  # in figures: "six Orthodox" are six people
    return before or after


def _money_or_percent(doc: Doc, num: _Number, currency: str | None, t: _Tables):
    """(end, unit, kind, multiplier) when the number is money or a percentage, else None."""
    pct = _percent_after(doc, num.end, num.value)
    if pct is not None:
        return pct[0], pct[1], "percent", 1.0
    hit = _match_words(doc, num.end, t.currency_words, t.currency_max_len)
    if hit is not None and currency is None:
        key, (code, mult) = hit
        if key in t.national_currencies:
            code = _currency_of_the_article(doc, key, code, t)
        return num.end + len(key), code, "money", mult
    # "pounds" is a weight unless NER calls the phrase money.
    if currency is None and num.end < len(doc) and doc[num.end].lower_ in ("pounds", "pound") and doc[num.end].ent_type_ == "MONEY":
        return num.end + 1, "GBP", "money", 1.0
    if currency is not None:
        return num.end, currency, "money", 1.0
    return None


def _cardinal(doc: Doc, i: int, t: _Tables, in_time: list[bool], in_name: list[bool]) -> tuple[AmountMatch | None, int]:
    """An amount built on a cardinal number at token `i` (with a currency symbol before it or not).

    Returns (amount or None, the token index to go on from).
    """
    start = i
    currency = _symbol_code(doc[i], t)
    if currency is not None and i + 2 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_:
        i += 1  # "Rs. 500": the tokenizer split the abbreviation's stop off
    if currency is not None and i + 1 < len(doc):
        num = read_number(doc, i + 1, t)
        if num is None:
            return None, i + 1
    else:
        currency = None
        num = read_number(doc, i, t)
        if num is None:
            return None, i + 1
    currency = currency or num.currency
    resume = num.end
    if any(in_time[k] or in_name[k] for k in range(num.start, num.end)) or _is_label(doc, num, t):
        return None, resume
    end, unit, kind, value = None, "", "count", num.value
    found = _money_or_percent(doc, num, currency, t)
    if found is not None:
        end, unit, kind, mult = found
        value *= mult
    elif num.end + 1 < len(doc) and doc[num.end].text in _HYPHENS and not doc[num.end].whitespace_ \
            and not doc[num.end - 1].whitespace_ and doc[num.end + 1].pos_ == "NOUN":
        # "a 10-point lead": the unit is glued on by a hyphen.
        noun = doc[num.end + 1]
        if noun.lower_ in t.time_units or noun.lower_.rstrip("s") in t.time_units or noun.lower_ == "time":
            return None, num.end + 2  # a duration, or how often: "the 24-time champion"
        end, unit = num.end + 2, noun.lower_
        kind = "quantity" if unit in t.measure_units else "count"
    else:
        noun = _counted_noun(doc, num)
        if noun is not None and noun.lower_ in t.time_units:
            return None, noun.i + 1  # "two days", "three years": a duration, the time tagger's
        if noun is not None and _is_plural_count(noun, value, t):
            end, unit = noun.i + 1, _unit_of(noun)
            kind = "quantity" if noun.lower_ in t.measure_units else "count"
    bound = _bound_before(doc, start, t)
    before = doc[start - 1].lower_ if start > 0 else ""
    # "between 5.25% and 5.5%" is a range; "rose from 10 to 12 percent" two values
    top = None if before == "from" else _range_top(doc, end if end is not None else num.end, t, in_time, in_name,
                                                   between=before == "between")
    if top is not None and (end is None or (unit == top[0].unit and kind == top[0].kind)) \
            and not _in_subunits(doc[end - 1] if end is not None else None, t):
        # "10 to 15 percent", "3-4%", "$10-$12 billion": the bottom takes the top's unit and scale
        high, high_end, scale = top
        if end is None or value == _figure(doc[num.start], t, num.value):
            value *= scale
        found = _make(doc, start, high_end, value, high.unit, high.kind, bound)
        found.value_max = _as_written(high.value)
        return found, high_end
    if end is None and (partitive := _part_of_a_count(doc, num, t)) is not None:
        unit = partitive  # "25 of 31 drones": 25 drones
        kind = "quantity" if unit in t.measure_units else "count"
    if end is None:
        # A bare number: keep it only when it reads as an amount on its own.
        token = doc[num.start]
        if num.has_figure and num.end - num.start == 1 and _YEAR.match(token.text):
            return None, resume  # a year
        if bound is None and not (token.ent_type_ in _AMOUNT_LABELS and (num.has_figure or value != 1)):
            return None, resume
        if _is_age_or_score(doc, num) or _ends_a_name(doc, num):
            return None, resume
        end = num.end
    return _make(doc, start, end, value, unit, kind, bound), end


def _in_subunits(last: Token | None, t: _Tables) -> bool:
    """Whether an amount ends in a currency's subunit: "rose 87 cents to $88.89" is a change
    and the level it reached, not a range (a range writes both ends alike: "10 to 15 cents")."""
    return last is not None and t.currency_words.get((last.lower_,), ("", 1.0))[1] < 1


def _range_top(doc: Doc, j: int, t: _Tables, in_time: list[bool], in_name: list[bool],
               between: bool = False) -> tuple[AmountMatch, int, float] | None:
    """The amount after a range joiner at token ``j`` ("-", "–", "to", or "and" ``between``
    the two), if one follows at once: (that amount, the token after it, the scale it gives the
    bottom: 1e9 for "$10-$12 billion", 0.01 for "10 to 15 cents", else 1)."""
    if j + 1 >= len(doc) or not (doc[j].lower_ in _RANGE_JOINERS or between and doc[j].lower_ == "and"):
        return None
    top, after = _cardinal(doc, j + 1, t, in_time, in_name)
    if top is None or top.value_max is not None or top.start != doc[j + 1].idx:
        return None
    figure = _figure(doc[j + 1 + (_symbol_code(doc[j + 1], t) is not None)], t, top.value)
    ratio = top.value / figure if figure else 1.0
    scale = ratio if ratio >= 1000 or ratio < 1 else 1.0  # "$10-$12 billion", "10 to 15 cents"
    return top, after, scale


def _figure(token: Token, t: _Tables, default: float) -> float:
    """The number as written at ``token``, before any scale word ("12" of "12 billion")."""
    fig = _read_figure(token, t)
    return fig[0] if fig is not None else default


def _as_written(value: float) -> float:
    """``value`` without the binary rounding error a scale leaves: 83 cents is 0.83, not
    0.8300000000000001."""
    return float(f"{value:.12g}")


def _make(doc: Doc, start: int, end: int, value: float, unit: str, kind: str, bound) -> AmountMatch:
    """Build the AmountMatch, moving `start` left over bound words that belong to the span."""
    approximate, bound_name = False, None
    if bound is not None:
        b_start, canonical, inside = bound
        if canonical == "~":
            approximate = True
        else:
            bound_name = canonical
        if inside:
            start = b_start
    span = doc[start:end]
    return AmountMatch(text=span.text, start=span.start_char, end=span.end_char, value=_as_written(value), unit=unit,
                       kind=kind, bound=bound_name, approximate=approximate)


def _ordinal_value(token: Token, t: _Tables) -> int | None:
    m = _ORDINAL_FIGURE.match(token.text)
    if m:
        return int(m[1])
    if token.tag_ in ("NN", "NNS"):
        return None  # "a second", "seconds": nouns, not ordinals
    return t.ordinals.get(token.lower_)


def _ordinal(doc: Doc, i: int, t: _Tables, in_time: list[bool], in_name: list[bool]) -> tuple[AmountMatch | None, int]:
    """An ordinal modifying a noun at token i: "75th anniversary", "second largest city"."""
    tok = doc[i]
    value = _ordinal_value(tok, t)
    if value is None or in_time[i] or in_name[i]:
        return None, i + 1
    head = tok.head
    # "second largest city": the ordinal grades a superlative that modifies the noun.
    if tok.dep_ == "advmod" and head.tag_ == "JJS" and head.dep_ == "amod":
        head = head.head
    elif tok.dep_ != "amod":
        return None, i + 1
    if head.i <= i or head.i - i > 4 or head.pos_ not in ("NOUN", "PROPN"):
        return None, i + 1
    if head.lower_ in t.time_units:
        return None, head.i + 1  # "the first day", "the 21st century": time expressions
    if any(in_name[k] for k in range(i, head.i + 1)):
        return None, i + 1  # "First Amendment", "Second World War"
    return _make(doc, i, head.i + 1, float(value), "ordinal", "ordinal", None), head.i + 1


def _vague(doc: Doc, i: int, t: _Tables, in_time: list[bool]) -> tuple[AmountMatch | None, int]:
    """Vague plurals: "hundreds of civilians" → more than 100 civilians, "tens of thousands of ..."."""
    n = len(doc)
    if doc[i].lower_ not in t.vague or doc[i].tag_ not in ("NNS", "NNPS") or in_time[i]:
        return None, i + 1
    value = t.vague[doc[i].lower_]
    j = i + 1
    while j + 1 < n and doc[j].lower_ == "of" and doc[j + 1].lower_ in t.vague:
        value *= t.vague[doc[j + 1].lower_]
        j += 2
    if j + 1 >= n or doc[j].lower_ != "of":
        return None, j
    hit = _match_words(doc, j + 1, t.currency_words, t.currency_max_len)
    if hit is not None:
        key, (code, mult) = hit
        end = j + 1 + len(key)
        return _make(doc, i, end, value * mult, code, "money", (i, "more than", False)), end
    of = doc[j]
    noun = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if noun is None or noun.i - j > 4:
        return None, j
    if noun.lower_ in t.time_units:
        return None, noun.i + 1  # "hundreds of years": a duration
    kind = "quantity" if noun.lower_ in t.measure_units else "count"
    return _make(doc, i, noun.i + 1, value, _unit_of(noun), kind, (i, "more than", False)), noun.i + 1


def _candidates(doc: Doc, t: _Tables) -> list[int]:
    """Indices of the tokens that may start an amount, found without making Token objects.

    Numbers are rare in news text; reading token attributes as one array keeps the cost of
    the component to the few tokens that matter.
    """
    arr = doc.to_array([LIKE_NUM, IS_CURRENCY, LOWER, PREFIX, IDX])
    mask = (arr[:, 0] > 0) | (arr[:, 1] > 0) | numpy.isin(arr[:, 2], t.gate_lower) | numpy.isin(arr[:, 3], t.gate_prefix)
    found = set(numpy.flatnonzero(mask).tolist())
    # Currency glued inside a token ("HK$3", "Rs.500"): find the mark in the text, then its token.
    text = text_of(doc)
    for mark in GLUED_CURRENCY_MARKS:
        pos = text.find(mark)
        while pos >= 0:
            found.add(int(numpy.searchsorted(arr[:, 4], pos, side="right")) - 1)
            pos = text.find(mark, pos + 1)
    return sorted(found)


def find_amounts(doc: Doc) -> Doc:
    """Set ``doc._.amounts`` (list of AmountMatch) on `doc` (a parsed spaCy Doc with NER).

    One left-to-right pass over the candidate tokens; each is looked at a bounded number of times.
    """
    t = tables()
    amounts: list[AmountMatch] = []
    candidates = _candidates(doc, t) if len(doc) else []
    if not candidates:
        doc._.amounts = amounts
        return doc
    in_time, in_name = _skip_marks(doc, t)
    resume = 0
    for i in candidates:
        if i < resume:
            continue  # inside the amount just read
        tok = doc[i]
        low = tok.lower_
        if low in t.ordinals or (low[:1].isdigit() and _ORDINAL_FIGURE.match(tok.text)):
            found, nxt = _ordinal(doc, i, t, in_time, in_name)
        elif low in t.vague:
            found, nxt = _vague(doc, i, t, in_time)
        else:
            found, nxt = _cardinal(doc, i, t, in_time, in_name)
        if found is not None:
            # Bound words moved into the span must not reach back into the amount before.
            if not amounts or found.start >= amounts[-1].end:
                amounts.append(found)
        resume = max(nxt, i + 1)
    doc._.amounts = amounts
    return doc
