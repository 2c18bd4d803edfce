"""Checks against the spaCy parse that a regex match is a time expression.

"May" the modal, "March" the verb, a year that is a sum of money: the tags and entities of
the parse tell them apart where the text alone cannot.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .patterns import Candidate

NOT_YEAR_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
TIME_ENTS = frozenset({"DATE", "TIME"})
NAME_ENTS = frozenset({"ORG", "EVENT", "WORK_OF_ART", "FAC", "PERSON", "PRODUCT", "LAW", "NORP"})
# Nouns after a capitalized day word that make it a title: NBC's "Today" show.
PROGRAMME_NOUNS = frozenset({"programme", "program", "show", "broadcast", "newspaper"})


def _token(doc: Doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _names_with(tok) -> bool:
    """Whether ``tok`` (a month) heads a name with "for" / "of" and a capitalized word: the
    "March for Life", the "March of Dimes" (but not "May of 1990")."""
    doc, i = tok.doc, tok.i
    return (i + 2 < len(doc) and doc[i + 1].lower_ in ("for", "of")
            and doc[i + 2].is_title and doc[i + 2].pos_ == "PROPN" and doc[i + 2].ent_type_ not in TIME_ENTS)


def keep(c: Candidate, text: str, doc: Doc) -> bool:
    """Whether candidate ``c`` (patterns.Candidate) of ``text`` holds up against ``doc``."""
    g = c.groups
    if c.rule == "month" and not (g.get("year") or g.get("mod") or g.get("rel")):
        tok = _token(doc, c.start, c.end)
        if tok is not None and (tok.tag_ == "MD" or tok.pos_ == "VERB" or tok.ent_type_ in NAME_ENTS
                                or _names_with(tok)):
            return False  # "may" the modal, "March" the verb, the "March for Life"
    elif c.rule == "year" and not (g.get("mod") or g.get("fiscal")):
        tok = _token(doc, c.start, c.end)
        if tok is not None and tok.ent_type_ in NOT_YEAR_ENTS:
            return False
    elif c.rule == "setword":
        tok = _token(doc, c.start, c.end)
        if tok is not None and (tok.pos_ in ("NOUN", "PROPN") or _titles_a_name(tok)):
            return False  # "the party daily Granma", "the weekly Der Spiegel": a newspaper
    elif c.rule == "season" and not (g.get("year") or g.get("rel")):
        tok = _token(doc, c.start, c.end)
        if tok is not None and tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i \
                and tok.head.ent_type_ not in TIME_ENTS:
            return False  # "winter fuel payments", "summer camp": a kind of thing, not a time
    elif c.rule == "weekday":
        tok = _token(doc, c.start, c.end)
        if tok is not None and _opens_a_quoted_name(tok, text[c.start:c.end]):
            return False  # on "Saturday Night Live"
    elif c.rule in ("unitrel", "dayword"):
        tok = _token(doc, c.start, c.end)
        if tok is not None and _names_a_title(tok, text[c.start:c.end]):
            return False  # ABC's "This Week", USA Today
    return True


def _names_a_title(tok, words: str) -> bool:
    """Whether ``words`` (starting at token ``tok``) are capitalized as a title is: "This Week"
    anywhere but at the head of a sentence, "Today" right after a word or a possessive
    mid-sentence ("the BBC's Today programme") or before the name of a show."""
    parts = words.split()
    if not all(w[:1].isupper() for w in parts) or tok.is_sent_start or tok.text != parts[0]:
        return False
    doc, after = tok.doc, tok.i + len(parts)
    before = doc[tok.i - 1]
    return (len(parts) > 1 or before.is_alpha or before.tag_ == "POS"
            or (after < len(doc) and doc[after].lower_ in PROGRAMME_NOUNS))


def _opens_a_quoted_name(tok, words: str) -> bool:
    """Whether ``words`` (starting at token ``tok``) open a quotation mid-sentence and a
    capitalized word follows them: a show's or a paper's name ("Saturday Night Live")."""
    doc, after = tok.doc, tok.i + len(words.split())
    return (tok.i > 0 and doc[tok.i - 1].is_quote and not doc[tok.i - 1].is_sent_start
            and after < len(doc) and doc[after].is_title and doc[after].ent_type_ not in TIME_ENTS)


def _titles_a_name(tok) -> bool:
    """Whether ``tok`` stands right before a capitalized name that is not a date ("Monday")."""
    doc, i = tok.doc, tok.i
    return (i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i + 1].is_title
            and doc[i + 1].ent_type_ not in TIME_ENTS)
