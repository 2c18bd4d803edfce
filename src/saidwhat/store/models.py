"""What the query API returns: plain pydantic models, ready for JSON (CLI, web)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ..schema import ArticleResult


class Statement(BaseModel):
    """One stored attribution with its speaker and article."""

    id: int = Field(description="Attribution row id in the store")
    article_id: int
    date: str | None = Field(None, description="Statement date if known, else publication date (see date_kind)")
    date_kind: Literal["statement", "published"] | None = None
    speaker: str | None = Field(None, description="Cross-article speaker name ('Antony Blinken')")
    speaker_id: int | None = None
    speaker_name: str | None = Field(None, description="Speaker name as the article's record gives it")
    speaker_mention: str | None = None
    speaker_title: str | None = None
    speaker_kind: str | None = None
    source_kind: str = Field(description="named | group | unnamed | other")
    type: str
    content: str
    cue: str | None = None
    statement_date: str | None = Field(None, description="TIMEX3 value of the statement date")
    article_title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None


class SpeakerSummary(BaseModel):
    id: int
    name: str
    kind: str
    ambiguous: bool = Field(description="A bare surname that several full-name speakers share")
    statements: int
    first_date: str | None = None
    last_date: str | None = None


class TitleHeld(BaseModel):
    title: str
    first_seen: str | None = None
    last_seen: str | None = None
    statements: int


class PeriodCount(BaseModel):
    period: str = Field(description="YYYY-MM")
    statements: int


class EntityCount(BaseModel):
    name: str
    type: str
    statements: int = Field(description="Statements of the speaker whose content names the entity")


class SpeakerDetail(BaseModel):
    speaker: SpeakerSummary
    aliases: list[str]
    titles: list[TitleHeld]
    timeline: list[PeriodCount]
    entities: list[EntityCount]
    recent: list[Statement]


class ArticleView(BaseModel):
    id: int
    key: str
    inputs: list[str] = Field(description="Every input that gave this article: 'source' or 'source#id'")
    status: str
    error_kind: str | None = None
    error_message: str | None = None
    ingested_at: str
    record: ArticleResult = Field(description="The full record, text included")
    statements: list[Statement]
