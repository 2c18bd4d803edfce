"""The date each statement was made: the time expression attached to its cue.

"said on Friday", "On May 20, Zelensky said", "used the words ... on Wednesday": a time
expression whose nearest governing verb in the parse is the cue dates the statement
(``date_source='cue'``). One that modifies a clause above the cue ("He arrived on Friday
and said ..."), or the participle that tells the occasion ("Speaking on Friday, he
said"), dates it too (``'sentence'``). Expressions inside the content ("said the summit
is in July") never do, and neither does the publication date.

A statement with no expression of its own takes the date of the same speaker's dated statement
just before it (``'context'``) when its cue is in the simple past and no other date comes in
between: "Blinken said on Friday that ... “We will adapt,” Blinken told a news conference."
reports one occasion. Otherwise: no expression, no date.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..annotations import AttributionSpan, TimexMatch, text_of
from . import dateline
from . import quotes as quote_marks

# A calendar date at day granularity or coarser (2024-05-31, 2024-W22, 2024-05, 2024-Q2,
# 2024, XXXX-WXX-5 ...): not a duration, a set, or a vague PAST_REF.
CALENDAR = re.compile(r"^(?:\d{2,4}|XXXX)(?:-[\dWQHXSUFAPI]{1,3}){0,3}$")
MAX_HOPS = 12
# A time after these prepositions bounds a span of time ("warned of flooding until Wednesday",
# "has said since March") or names the period or deadline spoken of ("expects revenue of $32.5
# billion for the quarter", "pledged to act by Friday"): it is not when the statement was made.
EXTENT_PREPOSITIONS = {"until", "till", "til", "through", "throughout", "since", "for", "by"}
# Verbs of publishing whose date on the document that carried the words dates them too.
PUBLISHING_VERBS = frozenset({"publish", "release", "issue", "post", "air", "broadcast", "date"})
# How many sentences back a dated statement carries its date to the same speaker's next one.
CONTEXT_SENTENCES = 2


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def governing_verb(tok: Token) -> Token | None:
    """The first verb above ``tok`` (spaCy Token) in the parse, or None at the root."""
    for _ in range(MAX_HOPS):
        if tok.head.i == tok.i:  # Token objects are made anew on each access: `is` never holds
            return None
        tok = tok.head
        if _is_verb(tok):
            return tok
    return None


def _ancestors(tok: Token) -> set[int]:
    """The clauses above ``tok`` up to the noun a relative clause describes: in "ending a strike
    that had threatened to snarl supply chains" the date of the main clause is not the threat's,
    nor in "published tax returns from 1995 that showed ..." (a participle, as in "sent a letter
    on Thursday opposing the bill", shares the date of its clause); nor past a clause joined
    by "but" with a subject of its own."""
    out = set()
    while tok.dep_ != "relcl" and tok.head.i != tok.i and not _clause_of_its_own(tok):
        tok = tok.head
        out.add(tok.i)
    return out


def _clause_of_its_own(verb: Token) -> bool:
    """A verb joined by "but" or "yet" to another, with a subject of its own: "Napoli rejected a
    bid on Monday, but sources said ...": the first clause's time is not the second's (unlike
    "He arrived on Monday and said ...", one subject for both; "and" with a second subject
    often goes on in the same time: "Thursday night was one-sided, and delegates sought ...")."""
    return verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and any(
        c.dep_ == "cc" and c.lower_ in ("but", "yet") and c.i < verb.i for c in verb.head.children)


def day_value(t: TimexMatch) -> str | None:
    """The date a time expression gives to a statement (day or coarser), or None."""
    if t.type not in ("DATE", "TIME"):
        return None
    value = t.value.split("T", 1)[0] if t.type == "TIME" else t.value
    return value if CALENDAR.match(value) else None


def _token_inside(tok: Token, spans: list[Span]) -> bool:
    return any(s.start <= tok.i < s.end for s in spans)


def _inside(t: TimexMatch, spans: list[Span]) -> bool:
    return any(s.start_char <= t.start and t.end <= s.end_char for s in spans)


def _occasion_of(verb: Token, cue_root: Token) -> bool:
    """A participle before the cue that tells the occasion of speaking: "Speaking at a factory
    on Monday, the minister said", "Austin, speaking at the Pentagon on Wednesday, said". Not
    one after "after" or "before" ("After visiting Kyiv on May 14, he said"): that is another
    event."""
    if verb.tag_ != "VBG" or verb.i > cue_root.i or any(c.dep_ in ("mark", "prep") and c.i < verb.i for c in verb.children):
        return False
    if verb.dep_ == "advcl":
        return verb.head.i == cue_root.i
    # set off by commas after the speaker, the subject of the cue
    subject = verb.head
    return (verb.dep_ == "acl" and subject.head.i == cue_root.i and subject.dep_ in ("nsubj", "nsubjpass")
            and verb.i > 0 and verb.doc[verb.left_edge.i - 1].text == ",")


def _publication_of(verb: Token, att: AttributionSpan, cue_root: Token) -> bool:
    """A participle of publishing on the document that carried the words: "according to a
    statement released on Monday", "wrote in an op-ed published Tuesday"."""
    if verb.tag_ != "VBN" or verb.dep_ != "acl" or verb.lemma_.lower() not in PUBLISHING_VERBS:
        return False
    document = verb.head
    in_source = att.source is not None and att.source.start <= document.i < att.source.end
    return in_source or (document.dep_ == "pobj" and document.head.head.i == cue_root.i)


def _anchor_of_another(t: TimexMatch, times: list[TimexMatch]) -> bool:
    """Whether ``t`` lies inside a longer dated expression it anchors: "Jan. 28" in "three days
    after the attack on Jan. 28" (the statement is dated by the whole)."""
    return any(o.start <= t.start and t.end <= o.end and o.end - o.start > t.end - t.start and day_value(o)
               for o in times)


def statement_date(doc: Doc, att: AttributionSpan, times: list[TimexMatch], not_when: list[tuple[int, int]] = ()):
    """(date, source, TimexMatch) for attribution ``att`` from ``times``, or (None, None, None).
    No time within the character ranges ``not_when`` counts (see _not_when)."""
    if att.cue is None or not times:
        return None, None, None
    cue_ids = {t.i for t in att.cue}
    cue_root = att.cue.root
    sent = cue_root.sent
    best = None
    for t in times:
        if t.end <= sent.start_char or t.start >= sent.end_char or _inside(t, att.content) \
                or any(start <= t.start and t.end <= end for start, end in not_when):
            continue
        value = day_value(t)
        if value is None or _anchor_of_another(t, times):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.i in cue_ids or (root.dep_ == "pobj" and root.head.lower_ in EXTENT_PREPOSITIONS):
            continue
        verb = governing_verb(root)
        for _ in range(MAX_HOPS):
            if verb is None or att.type != "direct" or not _token_inside(verb, att.content):
                break
            # quoted words take no modifier from outside the quote marks: the parser hung
            # "on Wednesday" on a quoted verb, the time belongs to the clause around the quote
            verb = governing_verb(verb)
        if verb is not None and verb.i in cue_ids or _right_after_the_cue(span, att.cue):
            rank = 0, "cue"
        elif verb is None or verb.i in _ancestors(cue_root) or _occasion_of(verb, cue_root) \
                or _publication_of(verb, att, cue_root):
            rank = 1, "sentence"
        else:
            continue
        # prefer the cue's own adverbial, then the nearest; an anchored phrase over its anchor
        key = (rank[0], abs(root.i - cue_root.i), -(t.end - t.start))
        if best is None or key < best[0]:
            best = key, value, rank[1], t
    if best is None:
        return None, None, None
    return best[1], best[2], best[3]


def _right_after_the_cue(span: Span, cue: Span) -> bool:
    """A time that follows the cue at once, with at most its preposition between, before the
    content: "said on Monday he would resign" (the parse hangs it on "resign")."""
    between = span.doc[cue.end : span.start]
    return span.start >= cue.end and len(between) <= 1 and all(t.dep_ == "prep" for t in between)


def _speaker_key(att: AttributionSpan):
    sp = att.speaker
    if sp is None or sp.kind not in ("person", "organization"):
        return None  # "officials" in one sentence need not be those of the next
    return id(sp.entity) if sp.entity is not None else sp.name


def _date_between(times: list[TimexMatch], start: int, end: int, contents: list[Span]) -> bool:
    """Whether a calendar date outside every span of `contents` lies in text[start:end]."""
    return any(start <= t.start and t.end <= end and day_value(t) and not _inside(t, contents) for t in times)


def carry_dates(atts: list[AttributionSpan], times: list[TimexMatch]) -> None:
    """Give an undated statement in the simple past the date of the same speaker's dated
    statement at most CONTEXT_SENTENCES before it, when no other date is mentioned between;
    a quote that runs on under the same cue takes the date of the quote it continues."""
    ordered = sorted((a for a in atts if a.cue is not None), key=lambda a: a.cue.start)
    contents = [c for a in atts for c in a.content]
    first_of_cue: dict[tuple[int, int], AttributionSpan] = {}
    for i, att in enumerate(ordered):
        same_cue = first_of_cue.setdefault((att.cue.start, att.cue.end), att)
        if att.date is None and same_cue is not att and same_cue.date is not None:
            # a quote that runs on from the dated one is the same statement ('"X," he told reporters. "Y."')
            att.date, att.date_source, att.date_time = same_cue.date, same_cue.date_source, same_cue.date_time
            continue
        key = _speaker_key(att)
        if att.date is not None or key is None or att.cue.root.tag_ != "VBD":
            continue
        for prev in reversed(ordered[:i]):
            if att.sentence - prev.sentence > CONTEXT_SENTENCES:
                break
            if _speaker_key(prev) != key:
                continue
            since = max(prev.cue.end_char, prev.date_time.end if prev.date_time else 0)
            if prev.date is not None and prev.date_source != "context" and not _date_between(
                    times, since, att.cue.start_char, contents):
                att.date, att.date_source, att.date_time = prev.date, "context", prev.date_time
            break


def _not_when(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges whose times never date a statement: quotations, which are someone's
    words ('called for a vote "at the latest at the beginning of next week"'), and the
    dateline, which dates the story ("LONDON, Oct 2 (Bloomberg) --")."""
    ranges = [(q.start_char, q.end_char) for q in quote_marks.find_quotes(doc)]
    filed = dateline.dateline_span(text_of(doc))
    return ranges + [filed] if filed is not None else ranges


def date_attributions(doc: Doc) -> Doc:
    """Set ``date``, ``date_source`` and ``date_time`` on each of ``doc._.attributions``
    (spaCy Doc whose ``doc._.times`` are set)."""
    times = doc._.times or []
    atts = doc._.attributions or []
    not_when = _not_when(doc) if atts and times else []
    for att in atts:
        att.date, att.date_source, att.date_time = statement_date(doc, att, times, not_when)
    carry_dates(atts, times)
    return doc
