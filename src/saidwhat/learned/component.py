"""The learned attribution step: replaces the rule step (components/attributions.py) in the
pipeline chosen with model 'learned'. Leaves ``doc._.attributions`` as the rules do, so the
rule-based speaker resolution, statement dates and records work on it unchanged.

A tagger trained with rule features reads the rule step's attributions too: the rules run
first, and the tagger keeps, mends or drops what they found.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

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


def _whole_possessor(source: Span | None) -> Span | None:
    """The possessor a source of only a possessive ending stands for: "’s" of "a reporter’s
    question" is "a reporter" (the tagger marks word pieces, and sometimes only the ending)."""
    if source is None or len(source) != 1 or source[0].tag_ != "POS":
        return source
    owner = source[0].head
    return source.doc[owner.left_edge.i : owner.i + 1] if owner.i < source[0].i else source


def _chars(span: Span | None) -> list[tuple[int, int]]:
    return [] if span is None else [(span.start_char, span.end_char)]


def _char_attribution(att: AttributionSpan) -> CharAttribution:
    return CharAttribution(_chars(att.source), _chars(att.cue), [f for c in att.content for f in _chars(c)])


def rule_attributions(doc: Doc) -> list[CharAttribution]:
    """The attributions the rule step left on ``doc._.attributions``, as character fragments."""
    return [_char_attribution(a) for a in doc._.attributions]


def _tokens(spans: list[Span]) -> set[int]:
    return {t.i for s in spans for t in s if not t.is_punct}


@dataclass
class _RuleContent:
    """A rule attribution with the quotes that run on from it (the tagger, like PolNeAR, takes
    those as one content): its content, type and source, and the attributions it is made of."""

    content: list[Span]
    type: str
    source: Span | None
    attributions: list[AttributionSpan]

    @cached_property
    def tokens(self) -> set[int]:
        """The content's word tokens, compared with every tagger content of the document."""
        return _tokens(self.content)


def _rule_contents(rule_found: list[AttributionSpan]) -> list[_RuleContent]:
    chains: dict[int, _RuleContent] = {}
    for att in rule_found:
        lead = att.continues or att
        chain = chains.setdefault(id(lead), _RuleContent([], lead.type, lead.source, []))
        chain.content.extend(att.content)
        chain.attributions.append(att)
    return list(chains.values())


def _quotes_missed(found: list[AttributionSpan], rule_contents: list[_RuleContent]) -> list[AttributionSpan]:
    """The rules' direct and mixed quotes that share no word with any content the tagger found.
    The quote marks make these the rules' surest finds (PolNeAR dev: 16 of 21 right)."""
    tagged = {i for att in found for i in _tokens(att.content)}
    return [att for rule in rule_contents if rule.type in ("direct", "mixed") and not rule.tokens & tagged
            for att in rule.attributions]


def _matching_rule(content: list[Span], cue: Span | None, rule_contents: list[_RuleContent]) -> _RuleContent | None:
    """The rule content that shares most tokens with the tagger's, if it shares at least half
    of the two together (Jaccard >= 0.5), else one of the same cue that holds the tagger's."""
    tagged = _tokens(content)
    best, best_overlap = None, 0.5
    for rule in rule_contents:
        ruled = rule.tokens
        overlap = len(tagged & ruled) / len(tagged | ruled) if ruled else 0.0
        if overlap >= best_overlap:
            best, best_overlap = rule, overlap
    if best is None and cue is not None:  # the tagger cut short what the rules found whole
        best = next((rule for rule in rule_contents if tagged and tagged < rule.tokens and any(
            a.cue is not None and a.cue.start < cue.end and cue.start < a.cue.end for a in rule.attributions)), None)
    return best


def find_attributions(doc: Doc) -> Doc:
    """Set ``doc._.attributions`` (list of AttributionSpan) from the learned tagger, in text order."""
    text = text_of(doc)
    tagger = get_tagger()
    rule_found = list(rules.find_attributions(doc)._.attributions) if tagger.rule_features else []
    found_by_rules = [_char_attribution(a) for a in rule_found] if tagger.rule_features else None
    rule_contents = _rule_contents(rule_found)
    spans = tagger.tag(text, found_by_rules)
    linked = link(text, spans["source"], spans["cue"], spans["content"])
    quotes = quote_marks.find_quotes(doc)
    sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    found: list[AttributionSpan] = []
    taken: set[int] = set()  # the rule contents already given to a tagger content
    for att in linked:
        content = [s for s in (_span(doc, a, b) for a, b in att.content) if s is not None]
        if not content:
            continue
        cue = _span(doc, *att.cue) if att.cue else None
        source = _whole_possessor(_span(doc, *att.source)) if att.source else None
        rule = _matching_rule(content, cue, rule_contents)
        if rule is not None and rule.type in ("direct", "indirect"):
            # Where the rules found the same content, the parse and the quote marks place the
            # edges of a quotation or reported speech better than the tagger (PolNeAR dev: 110
            # contents right where the tagger's were wrong, 58 the other way round): the rules'
            # attributions stand, a quote that runs on kept as a record of its own (``continues``),
            # with the tagger's cue and source where it found them (its sources are right more often).
            if id(rule) not in taken:
                taken.add(id(rule))
                for part in rule.attributions:
                    part.cue, part.source, part.rule = cue or part.cue, source or part.source, "learned"
                found.extend(rule.attributions)
            continue
        if rule is not None:  # in mixed quotes the tagger's edges do better; a missed source is the rules'
            source = source or rule.source
        found.append(AttributionSpan(
            cue=cue, content=content, source=source, type=quote_marks.attribution_type(content, quotes),
            sentence=max(0, bisect.bisect_right(sent_starts, content[0].start) - 1), rule="learned"))
    found.extend(_quotes_missed(found, rule_contents))
    found.sort(key=lambda a: (a.content[0].start, a.cue.start if a.cue is not None else 0))
    doc._.attributions = found
    return doc
