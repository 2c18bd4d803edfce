"""The output records: the one source of truth for what saidwhat emits.

Every downstream consumer (CLI output, store, web API, Ray engine) reads these models.
Offsets are Python string offsets (code points) into the article text exactly as given,
end exclusive. `saidwhat schema` prints the JSON Schema of :class:`ArticleResult`.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

SCHEMA_VERSION = "1"

AttributionType = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organization", "group", "unnamed", "document", "other"]
EntityType = Literal["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
DateSource = Literal["cue", "sentence", "context"]


class TextSpan(BaseModel):
    """A stretch of the input text."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Speaker(BaseModel):
    """Who an attribution is credited to: the mention as written and what it resolves to."""

    name: str | None = Field(None, description="Resolved name ('Antony Blinken' for 'he'), or the group as written")
    mention: TextSpan | None = Field(None, description="The source noun phrase as written in the text")
    kind: SpeakerKind | None = None
    title: str | None = Field(None, description="Title or role given in the text ('Secretary of State')")
    entity_id: int | None = Field(None, description="Index into ArticleResult.entities")
    resolved_by: str | None = Field(
        None,
        description="How the name was found: 'mention', 'pronoun', 'surname', 'given name' ('Tedros' -> "
        "'Tedros Adhanom Ghebreyesus'), 'possessive' ('his spokesman' -> 'Bola Tinubu\'s spokesman'), 'title' "
        "('the governor' -> the one person named with that title), 'nominal' ('the agency' -> the "
        "organization just named), 'epithet' ('the Kentucky Republican' -> the person just "
        "named), 'interviewee' (an interview's 'A:' line -> the person the interview is with), 'carry-over'",
    )


class Attribution(BaseModel):
    """One attribution relation: a source, a cue and the content attributed."""

    id: int
    speaker: Speaker | None = None
    cue: TextSpan | None = None
    content: str = Field(description="Content fragments joined with ' … ' when discontinuous")
    content_spans: list[tuple[int, int]] = Field(description="One or more [start, end) fragments")
    type: AttributionType
    date: str | None = Field(None, description="When the statement was made (TIMEX3 value), never the publication date by default")
    date_source: DateSource | None = Field(None, description="Where the date came from; null when no date")
    date_time_id: int | None = Field(None, description="Index into ArticleResult.times of the expression that gave the date")
    parent: int | None = Field(None, description="id of the attribution this one is nested in")
    continues: int | None = Field(
        None, description="id of the attribution whose quote this one runs on from: a quote with no cue of its own "
        "that keeps the speaker, cue and date of the quote before it")
    sentence: int = Field(description="Index of the sentence holding the cue (or content start)")


class EntityMention(TextSpan):
    label: str = Field(description="spaCy NER label of this mention")


class Entity(BaseModel):
    """A named entity with its aliases merged within the article."""

    id: int
    name: str = Field(description="Canonical name: the longest full form the article uses")
    type: EntityType
    title: str | None = None
    aliases: list[str]
    mentions: list[EntityMention]


class TimeExpression(TextSpan):
    """A TIMEX3 time expression normalized against the publication date."""

    value: str = Field(description="TIMEX3 value: 2024-05-31, 2024-05, 2024-W22, P3D, PRESENT_REF, XXXX-10 ...")
    type: TimexType
    anchor: int | None = Field(None, description="Index of the time expression this one was computed from")


class Amount(TextSpan):
    """A quantity: money, a count of things, a percentage or an ordinal."""

    value: float
    unit: str = Field(description="ISO 4217 code for money, 'percent', 'ordinal', or the counted noun")
    kind: Literal["money", "count", "percent", "ordinal", "quantity"]
    bound: str | None = Field(None, description="'more than', 'at least', 'up to' ...")
    approximate: bool = False
    value_max: float | None = Field(None, description="the top of a range ('10 to 15 percent', '$10-$12 billion'); value is its bottom")


class QualityFlag(TextSpan):
    """A sign of noisy text: machine-translation debris, fragments, stray punctuation ..."""

    kind: Literal["fragment", "stray-punctuation", "inconsistent-spelling", "encoding", "repetition"]
    reason: str


class DocumentError(BaseModel):
    """Why a document could not be analyzed."""

    kind: Literal["empty", "binary", "encoding", "too-large", "not-english", "parse", "invalid-record", "timeout", "internal"]
    message: str


class ArticleResult(BaseModel):
    """Everything saidwhat extracts from one article, or the error that stopped it."""

    schema_version: str = SCHEMA_VERSION
    source: str | None = Field(None, description="Path or name of the input")
    id: str | None = Field(None, description="Document id (JSONL 'id', or source#line)")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="Publication date, ISO 8601")
    published_source: Literal["input", "html", "cli"] | None = None
    status: Literal["ok", "error"] = "ok"
    error: DocumentError | None = None
    language: str | None = None
    text: str | None = Field(None, description="The analyzed text (omitted in compact output)")
    content_hash: str | None = None
    attributions: list[Attribution] = []
    entities: list[Entity] = []
    times: list[TimeExpression] = []
    amounts: list[Amount] = []
    quality_flags: list[QualityFlag] = []
    quality_score: float | None = Field(None, description="1.0 = clean text; lower = more debris")


def json_schema() -> dict:
    """The JSON Schema of one output record."""
    return ArticleResult.model_json_schema()
