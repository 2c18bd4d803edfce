"""Quotation marks: pair them into quote spans and classify content by them.

Curly quotes pair by direction; straight quotes toggle. A quote left open at a paragraph
end is closed there: news style reopens a multi-paragraph quote at each new paragraph.
"""
from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from ..annotations import text_of

OPENING = {"“", "«", "„"}
CLOSING = {"”", "»"}
STRAIGHT = {'"', "''", "``"}
ALL_QUOTES = OPENING | CLOSING | STRAIGHT
# a character of a quote mark, or a line break: where the pairing of quotes can change its state
MARK_OR_BREAK = re.compile("[\n\"“”«»„'`]")


SINGLE_MARKS = {"'", "‘", "’"}
# doc.user_data key: the indices of the single marks that open or close a quotation (the rest
# are apostrophes), set by find_quotes
SINGLE_QUOTE_MARKS_KEY = "saidwhat.single_quote_marks"


def is_quote(token: Token) -> bool:
    """A double quote mark, or a single one that find_quotes paired as a quotation's edge."""
    return token.text in ALL_QUOTES or (
        token.text in SINGLE_MARKS and token.i in token.doc.user_data.get(SINGLE_QUOTE_MARKS_KEY, ()))


def _is_mark(token: Token) -> bool:
    """A quote mark, single ones included (the ends of a quote found by its single marks)."""
    return token.text in ALL_QUOTES or token.text in SINGLE_MARKS


def _paragraph_end(token: Token) -> bool:
    return "\n" in token.whitespace_ or "\n" in token.text


def _marks_and_breaks(doc: Doc):
    """The tokens that are quote marks, hold a line break or are followed by one, in order:
    the only ones that open or close a quote. Found in the text and mapped by offset, since a
    Token object per word costs more than the search."""
    starts = doc.to_array(IDX).tolist()
    indices = sorted({bisect.bisect_right(starts, m.start()) - 1 for m in MARK_OR_BREAK.finditer(text_of(doc))})
    for i in indices:
        if i >= 0:
            yield doc[i]


def _shaped_as_closing(token: Token) -> bool:
    """An opening mark typed where a closing one belongs: right after a word or a stop and
    before a space or a stop ('here,“ said Clyburn', 'the “best in the world“ and'), inside an
    open quote. Word processors and some wires turn a closing mark the wrong way."""
    doc = token.doc
    after_word = token.i > 0 and not doc[token.i - 1].whitespace_
    before_break = bool(token.whitespace_) or token.i + 1 == len(doc) or doc[token.i + 1].is_punct
    return after_word and before_break


def find_quotes(doc: Doc) -> list[Span]:
    """Quote spans (quote marks included), in text order: double quotes, then single-quoted
    stretches outside them (British copy quotes with single marks)."""
    quotes: list[Span] = []
    open_at: int | None = None
    for token in _marks_and_breaks(doc):
        text = token.text
        if "\n" in text and open_at is not None:  # paragraph break closes an open quote
            if token.i - open_at > 1:
                quotes.append(doc[open_at : token.i])
            open_at = None
            continue
        if (text in OPENING and not (open_at is not None and _shaped_as_closing(token))) \
                or (text in STRAIGHT and open_at is None):
            open_at = token.i
        elif text in ALL_QUOTES and open_at is not None:  # an opening mark here is shaped as a closing one
            quotes.append(doc[open_at : token.i + 1])
            open_at = None
        if open_at is not None and _paragraph_end(token) and token.i > open_at:
            quotes.append(doc[open_at : token.i + 1])
            open_at = None
    if open_at is not None and len(doc) - open_at > 1:
        quotes.append(doc[open_at : len(doc)])
    single = _single_quotes(doc, quotes)
    # a tuple, not a set: user_data travels with the Doc between processes (msgpack)
    doc.user_data[SINGLE_QUOTE_MARKS_KEY] = tuple(
        i for q in single for i in (q.start, q.end - 1) if doc[i].text in SINGLE_MARKS)
    return sorted(quotes + single, key=lambda q: q.start)


# A single mark opens a quotation after a space, a line start or an opening bracket or dash,
# before a word: not the apostrophe of "'em", "'til" or "the '90s".
SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–\-\"“]))['‘](?=[\w…])(?!(?:em|til|tis|twas|n|cause)\b|\d0s\b|\d\d\b)",
                            re.MULTILINE | re.IGNORECASE)
# It closes one after a word or a stop, before a space, a stop or a line end: not the
# apostrophe inside "don't". After an "s" and before a word it may be a plural possessive
# ("the leaders' decision"): such a mark closes only if no surer one follows.
SINGLE_CLOSING = re.compile(r"(?<=[\w.,!?…%)])['’](?=$|[\s.,;:!?)\]—–\"”])", re.MULTILINE)
STOPS_BEFORE = ".,!?…"
STOPS_AFTER = ".,;:!?)]—–\"”"


def _may_be_possessive(text: str, i: int) -> bool:
    """Whether the closing mark at ``i`` follows an "s" and comes before a word ("the voters'
    patience"), with no stop on either side ("a mess.'", "'a start', but" close for sure)."""
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if text[i - 1] in STOPS_BEFORE or after in STOPS_AFTER or after == "\n":
        return False
    return text[i - 1] in "sS"


def _single_quotes(doc: Doc, double: list[Span]) -> list[Span]:
    """Stretches between single quote marks, outside double quotes and within one paragraph;
    a quotation opened at a paragraph's start and left open runs to its end, as news reopens a
    quote that goes on into the next paragraph."""
    text = text_of(doc)
    if "'" not in text and "‘" not in text:
        return []
    taken_starts = [q.start_char for q in double]  # sorted, and double quotes do not overlap
    taken_ends = [q.end_char for q in double]
    marks = sorted([(m.start(), "open") for m in SINGLE_OPENING.finditer(text)]
                   + [(m.start(), "close") for m in SINGLE_CLOSING.finditer(text)]
                   + [(m.start(), "break") for m in re.finditer("\n", text)] + [(len(text), "break")])
    pairs: list[tuple[int, int]] = []
    open_at = possessive_at = None
    for pos, kind in marks:
        k = bisect.bisect_right(taken_starts, pos) - 1
        if k >= 0 and pos < taken_ends[k]:
            continue  # inside a double quote: a quote within a quote, or an apostrophe
        if kind == "close":
            if open_at is None:
                continue
            if not _may_be_possessive(text, pos):
                pairs.append((open_at, pos + 1))
                open_at = possessive_at = None
            elif possessive_at is None:
                possessive_at = pos
            continue
        if open_at is not None and possessive_at is not None:  # the mark after an "s" closed it after all
            pairs.append((open_at, possessive_at + 1))
            open_at = possessive_at = None
        elif open_at is not None and kind == "break":
            if _opens_paragraph(text, open_at):
                pairs.append((open_at, pos))
            open_at = None
        if kind == "open" and open_at is None:
            open_at = pos
    out = []
    for start, end in pairs:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 2:
            out.append(span)
    return out


def _opens_paragraph(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


def _inside(start: int, end: int, quote: Span) -> bool:
    return quote.start <= start and end <= quote.end


def inside_any(span: Span, quotes: list[Span]) -> bool:
    """Whether `span` lies strictly within a quotation."""
    return any(q.start < span.start and span.end < q.end for q in quotes)


def attribution_type(content: list[Span], quotes: list[Span]) -> str:
    """'direct' when every fragment lies inside quotes, 'mixed' when one holds a quote, else 'indirect'."""
    inside = [any(_inside(s.start - 1, s.end + 1, q) or _inside(s.start, s.end, q) for q in quotes) for s in content]
    if inside and all(inside):
        return "direct"
    for s in content:
        for q in quotes:
            if q.start < s.end and s.start < q.end and len(q) > 2:
                return "mixed"
    return "indirect"


def widen_to_quote(span: Span, quotes: list[Span]) -> Span:
    """Extend a span over a quote mark it cuts, when only punctuation lies between."""
    doc = span.doc
    start, end = span.start, span.end
    for q in quotes:
        if q.start <= start and end <= q.end:  # a quoted stretch is content as a whole, across sentences
            inner_start, inner_end = q.start + 1, q.end - 1 if _is_mark(doc[q.end - 1]) else q.end
            while inner_end > inner_start and doc[inner_end - 1].text in (",", ";", ":") or (
                    inner_end > inner_start and doc[inner_end - 1].is_space):
                inner_end -= 1
            return doc[inner_start:inner_end] if inner_end > inner_start else span
        if q.start >= start and q.start < end < q.end:  # opens inside, closes just after
            tail = doc[end : q.end]
            if all(t.is_punct for t in tail) or _ends_its_sentence(doc, end) or _runs_to_its_end(tail):
                # or goes on past the sentence: 'said the "train has left. I don't want ..."'
                end = q.end
        if q.start < start < q.end <= end:  # closes inside, opened just before
            head = doc[q.start : start]
            if all(t.is_punct for t in head):
                start = q.start
    return doc[start:end]


def _runs_to_its_end(tail: Span) -> bool:
    """Whether the rest of a quote, from a comma, runs to the end of the sentence or past it:
    'told employees that the device "could be the vision of the future, but it's not the one
    that I want."' (the parse hung the second clause on the cue verb), 'wrote that universities
    have "concluded, wrongly, that ... not challenges bested, skills built, or lessons learned
    ... Our history does not tolerate that choice."' (a quote that runs on is the speaker's)."""
    doc = tail.doc
    return (len(tail) > 2 and tail[0].text == ","
            and (tail.end >= len(doc) or _ends_its_sentence(doc, tail.end) or doc[tail.end].sent != tail[0].sent))


def _ends_its_sentence(doc: Doc, end: int) -> bool:
    """Whether only punctuation follows token ``end - 1`` in its sentence."""
    return all(t.is_punct or t.is_space for t in doc[end : doc[end - 1].sent.end])


def _opens_sentence(verb: Token) -> bool:
    """Whether nothing but the verb's subject comes before it in its sentence ("Lichtman said.")."""
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return all(t.i in subject for t in verb.sent if t.i < verb.i)


def names_a_title(quote: Span) -> bool:
    """A quoted programme after "on": said on “Meet the Press” (after "as" or "in" a quote is
    often words of the speaker's: described it as “unhinged”)."""
    i = quote.start - 1
    while i >= 0 and is_quote(quote.doc[i]):
        i -= 1
    return i >= 0 and quote.doc[i].lower_ == "on" and quote.doc[i].dep_ == "prep"


def _in_the_clause_before(quote: Span, verb: Token) -> bool:
    """Whether ``quote`` belongs to the clause ``verb`` is joined to ("it is 'a new round of
    escalation' and Moscow will respond": the quote is not what Moscow will respond). Not where
    the parse joined the cue to a verb inside the quote ('"We were wrong," Ramos told AFP')."""
    head = verb.head
    return (verb.dep_ == "conj" and quote.end <= verb.left_edge.i and not quote.start <= head.i < quote.end
            and head.left_edge.i <= quote.start and quote.end - 1 <= head.right_edge.i)


def quote_near(verb: Token, quotes: list[Span]) -> Span | None:
    """The quote a cue verb with no complement introduces: in its sentence, right after a colon,
    or, when the cue clause opens its sentence, the quote that ends where the sentence begins
    ('"Why would you?" Lichtman said.': the parser ends a sentence at the quoted ? or !)."""
    sent = verb.sent
    # the titles are ruled out last, among the few quotes placed right: the test reads tokens
    candidates = [q for q in quotes if not (q.start <= verb.i < q.end) and q.start < sent.end and q.end > sent.start
                  and not names_a_title(q) and not _in_the_clause_before(q, verb)]
    if candidates:
        before = [q for q in candidates if q.end <= verb.i]
        return before[-1] if before else candidates[0]
    following = [q for q in quotes if q.start >= sent.end and q.start - sent.end <= 1 and not names_a_title(q)]
    last = sent[-1] if sent[-1].text != "\n" else sent[-2] if len(sent) > 1 else sent[-1]
    if following and last.text == ":":
        return following[0]
    doc = verb.doc
    # not across a paragraph break: a fronted '"Asked about X," ...' takes no quote from above
    preceding = [q for q in quotes if q.end <= sent.start and all(t.is_space for t in doc[q.end : sent.start])
                 and "\n" not in text_of(doc)[q.end_char : sent.start_char] and not names_a_title(q)]
    if preceding and _opens_sentence(verb):
        return preceding[-1]
    return None
