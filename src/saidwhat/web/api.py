"""The JSON API under /api: search, speakers, articles, analysis, and (with --allow-writes) storing.

Every read goes through the store's query functions (store/query.py), as the CLI's do, on a
connection borrowed from the server's pool. Sync handlers run on FastAPI's thread pool.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from starlette.concurrency import run_in_threadpool

from ..document import Document
from ..readers.decode import fix_surrogates
from ..readers.jsonl import document_from_record
from ..store import query
from ..store.models import ArticleView, SpeakerDetail, SpeakerSummary, Statement
from ..store.write import document_key, find_article, write_article
from . import deps
from .analysis import Analyzer, Busy
from .db import Store
from .models import AnalyzeDocument, AnalyzeRequest, AnalyzeResponse, Health, Problem, StoredArticle, Unprocessable

router = APIRouter(prefix="/api", tags=["api"])

SOURCE = "web"  # the `source` of records analyzed or stored through the server
# Errors not stored: an article's key is its text, so a stored error would stand for that text
# for good, where these depend on the run (the machine's load, a worker that died).
TRANSIENT = ("timeout", "internal")

NOT_FOUND = {404: {"model": Problem, "description": "No such item in the store"}}
TOO_LARGE = {413: {"model": Problem, "description": "Request body over the server's limit"},
             400: {"model": Problem, "description": "A body that is not JSON in UTF-8"}}
BUSY = {503: {"model": Problem, "description": "Too many analyses waiting"}}

Id = Annotated[int, Path(ge=1, le=deps.MAX_ID)]


@router.get("/health", response_model=Health)
def health(store: Store = Depends(deps.store)) -> Health:
    """Whether the server is up, and whether it takes writes."""
    return Health(writes=store.writable)


@router.get("/search", response_model=list[Statement])
def search(params: Annotated[deps.SearchParams, Query()], store: Store = Depends(deps.store)) -> list[Statement]:
    """Statements matching every filter given, newest first (as `saidwhat query`)."""
    with store.reader() as conn:
        return query.search(conn, **params.model_dump())


@router.get("/speakers", response_model=list[SpeakerSummary])
def speakers(
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=deps.MAX_OFFSET)] = 0,
    store: Store = Depends(deps.store),
) -> list[SpeakerSummary]:
    """Speakers with most statements, with their first and last statement dates."""
    with store.reader() as conn:
        return query.speakers(conn, limit=limit, offset=offset)


@router.get("/speakers/{speaker_id}", response_model=SpeakerDetail, responses=NOT_FOUND)
def speaker(
    speaker_id: Id,
    entities: Annotated[int, Query(ge=0, le=200)] = 20,
    recent: Annotated[int, Query(ge=0, le=500)] = 20,
    store: Store = Depends(deps.store),
) -> SpeakerDetail:
    """One speaker: statements per month, titles held, entities they name most, latest statements."""
    with store.reader() as conn:
        detail = query.speaker_detail(conn, speaker_id, entities=entities, recent=recent)
    if detail is None:
        raise HTTPException(404, f"no speaker {speaker_id}")
    return detail


@router.get("/articles/{article_id}", response_model=ArticleView, responses=NOT_FOUND)
def article(article_id: Id, store: Store = Depends(deps.store)) -> ArticleView:
    """One stored article: its full record, text included, and its statements."""
    with store.reader() as conn:
        view = query.article(conn, article_id)
    if view is None:
        raise HTTPException(404, f"no article {article_id}")
    return view


def documents_of(items: list[Any]) -> list[Document]:
    """One Document per submitted item (list[Any]), read as a JSONL line is: an item that is
    not a valid document becomes a Document with an 'invalid-record' error."""
    return [document_from_record(item.model_dump() if isinstance(item, AnalyzeDocument) else item, SOURCE, n)
            for n, item in enumerate(items, 1)]


async def _analyze(analyzer: Analyzer, documents: list[Document]):
    try:
        return await run_in_threadpool(analyzer.analyze, documents)
    except Busy as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": "10"}) from None


@router.post("/analyze", response_model=AnalyzeResponse, responses={**TOO_LARGE, **BUSY})
async def analyze(body: AnalyzeRequest, analyzer: Analyzer = Depends(deps.analyzer)) -> AnalyzeResponse:
    """Analyze documents without storing them: one record per document, in order, an error
    record for a document that cannot be analyzed (empty, not English, over the time limit ...)."""
    return AnalyzeResponse(results=await _analyze(analyzer, documents_of(body.documents)))


@router.post(
    "/articles", response_model=StoredArticle, dependencies=[Depends(deps.require_writes)],
    responses={401: {"model": Problem, "description": "No token, or the wrong one"},
               403: {"model": Problem, "description": "The server is read-only"},
               422: {"model": Unprocessable,
                     "description": "An invalid body, or a document whose analysis timed out or failed"},
               **TOO_LARGE, **BUSY},
)
async def store_article(
    body: AnalyzeDocument, analyzer: Analyzer = Depends(deps.analyzer), store: Store = Depends(deps.store)
) -> StoredArticle:
    """Analyze one document and store it (needs --allow-writes and the token). As `saidwhat
    ingest` does, a document that cannot be analyzed (empty, not English ...) is stored with
    its error record; one that ran past the time limit is not (422). The same text stored
    again is not written twice: `created` is then false."""
    document = document_from_record(body.model_dump(), SOURCE, 1)
    document.id = fix_surrogates(body.id) if body.id is not None else None
    [record] = await _analyze(analyzer, [document])
    if record.error is not None and record.error.kind in TRANSIENT:
        raise HTTPException(422, f"not stored: {record.error.kind}: {record.error.message}")
    record.text = document.text
    return await run_in_threadpool(_write, store, document, record)


def _write(store: Store, document: Document, record) -> StoredArticle:
    key = document_key(document)
    with store.writer() as conn:
        article_id = write_article(conn, key, record)
        created = article_id is not None
        if not created:
            article_id = find_article(conn, key)
    return StoredArticle(id=article_id, created=created, record=record)
