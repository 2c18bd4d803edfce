"""The annotations our components leave on a spaCy Doc (``doc._.…``).

They hold spaCy Spans where the unit is a token range (attributions, entities) and
character offsets where an expression may cut through tokens (times, amounts, flags).
records.py turns them into the output schema once; nothing downstream reads a Doc.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

TEXT_KEY = "saidwhat.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token's text anew on each access,
    and the steps asked for it nine times a document (more time than some whole steps)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


@dataclass
class CharSpan:
    """A stretch of text by character offsets (end exclusive)."""

    text: str
    start: int
    end: int


@dataclass
class ResolvedSpeaker:
    """What a source mention refers to."""

    name: str | None
    kind: str | None  # person | organization | group | unnamed | document | other
    title: str | None = None
    entity: "EntityCluster | None" = None
    resolved_by: str | None = None


@dataclass
class AttributionSpan:
    """One attribution found in a Doc: source, cue and content as token spans."""

    cue: Span | None
    content: list[Span]
    source: Span | None
    type: str  # direct | indirect | mixed
    sentence: int
    speaker: ResolvedSpeaker | None = None
    date: str | None = None
    date_source: str | None = None
    date_time: "TimexMatch | None" = None
    parent: "AttributionSpan | None" = None
    continues: "AttributionSpan | None" = None  # the cued attribution whose quote this one runs on from
    rule: str = ""  # the rule that found it, for debugging and evaluation


@dataclass
class EntityCluster:
    """Mentions of one real-world entity within a document, aliases merged."""

    name: str
    label: str  # PERSON ORG GPE NORP LOC FAC
    mentions: list[Span] = field(default_factory=list)
    title: str | None = None

    @property
    def aliases(self) -> list[str]:
        seen: dict[str, None] = {}
        for m in self.mentions:
            seen.setdefault(m.text, None)
        return list(seen)


@dataclass
class TimexMatch(CharSpan):
    """A time expression with its TIMEX3 value and type."""

    value: str = ""
    type: str = "DATE"  # DATE TIME DURATION SET
    anchor: "TimexMatch | None" = None


@dataclass
class AmountMatch(CharSpan):
    value: float = 0.0
    unit: str = ""
    kind: str = "count"  # money count percent ordinal quantity
    bound: str | None = None
    approximate: bool = False


@dataclass
class QualityFlagMatch(CharSpan):
    kind: str = "fragment"
    reason: str = ""


EXTENSIONS = {
    "published": None,  # ISO date string of publication, set before the pipeline runs
    "attributions": None,
    "entity_clusters": None,
    "times": None,
    "amounts": None,
    "quality_flags": None,
    "quality_score": None,
}


def register_extensions() -> None:
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
