"""Doc → schema: the one place where annotations become output records."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .annotations import AttributionSpan, EntityCluster, text_of
from .document import Document
from .schema import (
    Amount,
    ArticleResult,
    Attribution,
    Entity,
    EntityMention,
    QualityFlag,
    Speaker,
    TextSpan,
    TimeExpression,
)

FRAGMENT_JOINER = " … "


def _text_span(span: Span | None) -> TextSpan | None:
    if span is None:
        return None
    return TextSpan(text=span.text, start=span.start_char, end=span.end_char)


def _speaker(att: AttributionSpan, entity_ids: dict[int, int]) -> Speaker | None:
    resolved = att.speaker
    if att.source is None and resolved is None:
        return None
    entity_id = entity_ids.get(id(resolved.entity)) if resolved and resolved.entity else None
    return Speaker(
        name=resolved.name if resolved else att.source.text,
        mention=_text_span(att.source),
        kind=resolved.kind if resolved else None,
        title=resolved.title if resolved else None,
        entity_id=entity_id,
        resolved_by=resolved.resolved_by if resolved else None,
    )


def _entity(index: int, cluster: EntityCluster) -> Entity:
    return Entity(
        id=index,
        name=cluster.name,
        type=cluster.label,
        title=cluster.title,
        aliases=cluster.aliases,
        mentions=[
            EntityMention(text=m.text, start=m.start_char, end=m.end_char, label=m.label_ or cluster.label)
            for m in cluster.mentions
        ],
    )


def from_doc(doc: Doc, document: Document, include_text: bool = False) -> ArticleResult:
    """Build the output record of one analyzed document."""
    clusters = doc._.entity_clusters or []
    entity_ids = {id(c): i for i, c in enumerate(clusters)}
    times = doc._.times or []
    time_ids = {id(t): i for i, t in enumerate(times)}
    atts = doc._.attributions or []
    att_ids = {id(a): i for i, a in enumerate(atts)}
    attributions = [
        Attribution(
            id=i,
            speaker=_speaker(a, entity_ids),
            cue=_text_span(a.cue),
            content=FRAGMENT_JOINER.join(s.text for s in a.content),
            content_spans=[(s.start_char, s.end_char) for s in a.content],
            type=a.type,
            date=a.date,
            date_source=a.date_source,
            date_time_id=time_ids.get(id(a.date_time)) if a.date_time else None,
            parent=att_ids.get(id(a.parent)) if a.parent else None,
            continues=att_ids.get(id(a.continues)) if a.continues else None,
            sentence=a.sentence,
        )
        for i, a in enumerate(atts)
    ]
    return ArticleResult(
        source=document.source,
        id=document.id,
        title=document.title,
        url=document.url,
        published=document.published,
        published_source=document.published_source,
        language="en",
        text=text_of(doc) if include_text else None,
        content_hash=document.content_hash,
        attributions=attributions,
        entities=[_entity(i, c) for i, c in enumerate(clusters)],
        times=[
            TimeExpression(text=t.text, start=t.start, end=t.end, value=t.value, type=t.type,
                           anchor=time_ids.get(id(t.anchor)) if t.anchor else None)
            for t in times
        ],
        amounts=[
            Amount(text=a.text, start=a.start, end=a.end, value=a.value, unit=a.unit, kind=a.kind,
                   bound=a.bound, approximate=a.approximate, value_max=a.value_max)
            for a in doc._.amounts or []
        ],
        quality_flags=[
            QualityFlag(text=f.text, start=f.start, end=f.end, kind=f.kind, reason=f.reason)
            for f in doc._.quality_flags or []
        ],
        quality_score=doc._.quality_score,
    )


def from_error(document: Document) -> ArticleResult:
    """The record of a document that could not be analyzed: it is kept, with its error."""
    return ArticleResult(
        source=document.source,
        id=document.id,
        title=document.title,
        url=document.url,
        published=document.published,
        published_source=document.published_source,
        status="error",
        error=document.error,
        content_hash=document.content_hash,
    )


def merge_run_on(result: ArticleResult) -> ArticleResult:
    """The record with each quote that runs on folded into the attribution it continues.

    By default a quote that runs on into the next sentence is an attribution of its own that
    keeps the speaker (``continues`` links it). PARC-style corpora such as PolNeAR annotate
    one attribution per cue instead, its content made of every fragment the cue governs:
    '"A," she said. "B."' is one attribution with content A … B. Ids are renumbered and
    ``parent`` links follow the merge.
    """
    leads: dict[int, Attribution] = {}
    kept: list[Attribution] = []
    for att in result.attributions:
        lead = leads.get(att.continues) if att.continues is not None else None
        if lead is None:
            leads[att.id] = att = att.model_copy()
            kept.append(att)
            continue
        lead.content_spans = [*lead.content_spans, *att.content_spans]
        lead.content = FRAGMENT_JOINER.join((lead.content, att.content))
        leads[att.id] = lead
    new_id = {id(att): i for i, att in enumerate(kept)}
    for att in kept:
        parent = leads.get(att.parent) if att.parent is not None else None
        att.parent = new_id[id(parent)] if parent is not None else None
        att.continues = None
    for att in kept:
        att.id = new_id[id(att)]
    return result.model_copy(update={"attributions": kept})
