"""Request and response bodies of the JSON API that the store's models do not already cover."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from ..schema import ArticleResult

# Documents in one POST /api/analyze: the body limit bounds the text, this the number of
# records (each one costs a process round trip and an error record at least).
MAX_DOCUMENTS = 100


class AnalyzeDocument(BaseModel):
    """One text to analyze, in the fields of a JSONL input line."""

    text: str = Field(description="The article text")
    published: str | None = Field(None, description="Publication date (ISO 8601); anchors relative times")
    id: str | None = Field(None, description="Your id for the document, handed back in the record")
    title: str | None = None
    url: str | None = None


class AnalyzeRequest(BaseModel):
    """Documents to analyze; nothing is stored."""

    # `| Any`: an item that is not a valid document is not a reason to refuse the others;
    # it gets its own error record ('invalid-record'), so that count in = count out.
    documents: list[AnalyzeDocument | Any] = Field(
        min_length=1, max_length=MAX_DOCUMENTS,
        description=f"1 to {MAX_DOCUMENTS} documents; each gives exactly one record, in the same order",
    )


class AnalyzeResponse(BaseModel):
    results: list[ArticleResult] = Field(description="One record per submitted document, in order")


class StoredArticle(BaseModel):
    """What POST /api/articles did with a document."""

    id: int = Field(description="Article id in the store (see GET /api/articles/{id})")
    created: bool = Field(description="False when the same text was stored before: nothing was written")
    record: ArticleResult


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    writes: bool = Field(description="Whether the server was started with --allow-writes")


class Problem(BaseModel):
    """An error response."""

    detail: str


class Unprocessable(BaseModel):
    """A 422: the body's validation errors (a list), or why the document was not stored."""

    detail: str | list[dict[str, Any]]
