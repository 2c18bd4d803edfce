"""The learned attribution step: replaces the rule step (components/attributions.py) in the
pipeline chosen with model 'learned'. Leaves ``doc._.attributions`` as the rules do, so the
rule-based speaker resolution, statement dates and records work on it unchanged.

A tagger trained with rule features reads the rule step's attributions too: the rules run
first, and the tagger keeps, mends or drops what they found.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

from ..annotations import AttributionSpan, text_of
from ..components import attributions as rules
from ..components import quotes as quote_marks
from ..components.attributions import _trim
from .data import CharAttribution
from .decode import link
from .tagger import get_tagger


def _span(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return _trim(span) if span is not None and len(span) else None


def _chars(span: Span | None) -> list[tuple[int, int]]:
    return [] if span is None else [(span.start_char, span.end_char)]


def rule_attributions(doc: Doc) -> list[CharAttribution]:
    """The attributions the rule step left on ``doc._.attributions``, as character fragments."""
    return [CharAttribution(_chars(a.source), _chars(a.cue), [f for c in a.content for f in _chars(c)])
            for a in doc._.attributions]


def find_attributions(doc: Doc) -> Doc:
    """Set ``doc._.attributions`` (list of AttributionSpan) from the learned tagger, in text order."""
    text = text_of(doc)
    tagger = get_tagger()
    found_by_rules = rule_attributions(rules.find_attributions(doc)) if tagger.rule_features else None
    spans = tagger.tag(text, found_by_rules)
    linked = link(text, spans["source"], spans["cue"], spans["content"])
    quotes = quote_marks.find_quotes(doc)
    sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    found = []
    for att in linked:
        content = [s for s in (_span(doc, a, b) for a, b in att.content) if s is not None]
        if not content:
            continue
        cue = _span(doc, *att.cue) if att.cue else None
        source = _span(doc, *att.source) if att.source else None
        found.append(AttributionSpan(
            cue=cue, content=content, source=source, type=quote_marks.attribution_type(content, quotes),
            sentence=max(0, bisect.bisect_right(sent_starts, content[0].start) - 1), rule="learned"))
    found.sort(key=lambda a: (a.content[0].start, a.cue.start if a.cue is not None else 0))
    doc._.attributions = found
    return doc
