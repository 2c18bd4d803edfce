"""The annotations our components leave on a spaCy Doc (``doc._.…``).

They hold spaCy Spans where the unit is a token range (attributions, entities) and
character offsets where an expression may cut through tokens (times, amounts, flags).
records.py turns them into the output schema once; nothing downstream reads a Doc.
They travel with the Doc through Doc.to_bytes (spans as token offsets, links as indices), so
``nlp.pipe(texts, n_process=N)`` and DocBin keep them.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field

import srsly
from spacy.tokens import Doc, Span

TEXT_KEY = "saidwhat.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token's text anew on each access,
    and the steps asked for it nine times a document (more time than some whole steps)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Give ``text_of`` the text ``doc`` was made from, so that it is never joined from the
    tokens (spaCy's tokenizer keeps every character: the two are equal)."""
    doc.user_data[TEXT_KEY] = text


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
        """The names as written, without a possessive ending ("Narendra Modi's" is Narendra Modi)."""
        seen: dict[str, None] = {}
        for m in self.mentions:
            written = m[:-1] if len(m) > 1 and m[-1].tag_ == "POS" else m
            seen.setdefault(written.text, None)
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
    value_max: float | None = None  # the top of a range ("10 to 15 percent")


@dataclass
class QualityFlagMatch(CharSpan):
    kind: str = "fragment"
    reason: str = ""


# ``doc._.published``: the ISO date of publication, set before the pipeline runs.
PUBLISHED = "published"
# What the steps find, kept together in doc.user_data under ANNOTATIONS_KEY so that they can
# travel with the Doc through Doc.to_bytes: ``nlp.pipe(texts, n_process=4)`` and DocBin.
ANNOTATIONS = ("attributions", "entity_clusters", "times", "amounts", "quality_flags", "quality_score")
ANNOTATIONS_KEY = "saidwhat.annotations"
# The lists whose items other annotations point to (a parent attribution, a speaker's entity,
# a statement's time): serialized once, pointed to by index.
_SHARED = ("attributions", "entity_clusters", "times")
_CLASSES = {c.__name__: c for c in (AttributionSpan, ResolvedSpeaker, EntityCluster, TimexMatch, AmountMatch,
                                    QualityFlagMatch, CharSpan)}


class _Annotations:
    """Annotation name -> value for one Doc (not a dict: msgpack would pack a dict as it is,
    without asking the encoder below)."""

    def __init__(self, values: dict | None = None):
        self.values = values or {}


def _annotations(doc: Doc) -> _Annotations:
    found = doc.user_data.get(ANNOTATIONS_KEY)
    if not isinstance(found, _Annotations):  # none yet, or its msgpack form from Doc.from_bytes
        found = doc.user_data[ANNOTATIONS_KEY] = _decode(doc, found["saidwhat"]) if found else _Annotations()
    return found


def _get(name: str, doc: Doc):
    return _annotations(doc).values.get(name)


def _set(name: str, doc: Doc, value) -> None:
    _annotations(doc).values[name] = value


def _encode(annotations: _Annotations) -> dict:
    """A msgpack-ready form: spans as token offsets, shared objects as (list, index)."""
    values = annotations.values
    refs = {id(item): [name, i] for name in _SHARED for i, item in enumerate(values.get(name) or [])}

    def encode(value, shared_item: bool = False):
        if isinstance(value, Span):
            return {"span": [value.start, value.end]}
        if isinstance(value, list):
            return [encode(v) for v in value]
        if dataclasses.is_dataclass(value):
            if id(value) in refs and not shared_item:
                return {"ref": refs[id(value)]}
            return {"cls": type(value).__name__,
                    "fields": {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
        return value

    return {"saidwhat": {name: [encode(v, True) for v in value] if name in _SHARED and value else encode(value)
                         for name, value in values.items()}}


def _decode(doc: Doc, data: dict) -> _Annotations:
    """The annotations of ``doc`` from their _encode form, shared objects shared again."""
    shells = {name: [object.__new__(_CLASSES[item["cls"]]) for item in data.get(name) or []] for name in _SHARED}

    def decode(value, shell=None):
        if isinstance(value, (list, tuple)):  # DocBin reads msgpack arrays as tuples
            return [decode(v) for v in value]
        if not isinstance(value, dict):
            return value
        if "span" in value:
            return doc[value["span"][0] : value["span"][1]]
        if "ref" in value:
            return shells[value["ref"][0]][value["ref"][1]]
        obj = shell if shell is not None else object.__new__(_CLASSES[value["cls"]])
        for field_name, field_value in value["fields"].items():
            setattr(obj, field_name, decode(field_value))
        return obj

    return _Annotations({name: [decode(v, shell) for v, shell in zip(value, shells[name])]
                         if name in _SHARED and value else decode(value) for name, value in data.items()})


def _msgpack_encoder(obj, chain=None):
    """srsly's hook for objects msgpack cannot pack: our annotations, in their _encode form."""
    if isinstance(obj, _Annotations):
        return _encode(obj)
    return obj if chain is None else chain(obj)


def register_extensions() -> None:
    if not Doc.has_extension(PUBLISHED):
        Doc.set_extension(PUBLISHED, default=None)
    for name in ANNOTATIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=functools.partial(_get, name), setter=functools.partial(_set, name))
    srsly.msgpack_encoders.register("saidwhat_annotations", func=_msgpack_encoder)
