"""The one batch function every engine calls: documents in, records out, in the same order.

Every document gives exactly one record: a failure in one (bad input, a crash in the
pipeline, a run past the time limit) becomes that document's error record, and the batch
goes on. Documents are parsed together with nlp.pipe (faster); when that fails or runs past
its time limit, the batch is redone one document at a time so that only the document at
fault gets the error.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .. import records, settings
from ..annotations import remember_text
from ..deadline import TimeLimitExceeded, time_limit
from ..document import Document
from ..schema import ArticleResult, DocumentError
from . import checks

log = logging.getLogger(__name__)


def _prepare(nlp: Language, document: Document) -> Doc:
    doc = nlp.make_doc(document.text)
    remember_text(doc, document.text)
    doc._.published = document.published
    return doc


def _record(doc: Doc, document: Document, include_text: bool) -> ArticleResult:
    """The record of an analysed Doc, after which the Doc's annotations are dropped: they hold
    Spans that point back at the Doc, a reference cycle that would keep every Doc, tensors and
    all, alive until the garbage collector's next full pass instead of freeing it here."""
    record = records.from_doc(doc, document, include_text)
    doc.user_data.clear()
    return record


def _failed(document: Document, kind: str, message: str) -> ArticleResult:
    document.error = DocumentError(kind=kind, message=message)
    return records.from_error(document)


def analyze_one(
    nlp: Language, document: Document, include_text: bool = False, seconds: float | None = settings.MAX_SECONDS_PER_DOC
) -> ArticleResult:
    """The record of one checked document (Document), analysed under a limit of `seconds`
    (float | None) of CPU time. Never raises: failures become 'timeout' or 'internal' errors."""
    try:
        with time_limit(seconds) as deadline:
            doc = _prepare(nlp, document)
            for name, component in nlp.pipeline:
                deadline.check()  # where the timer cannot interrupt a component, stop between them
                doc = component(doc)
            return _record(doc, document, include_text)
    except TimeLimitExceeded as exc:
        log.warning("analysis of %s stopped: %s", document.id or document.source, exc)
        return _failed(document, "timeout", f"analysis {exc} (a text of {len(document.text):,} characters)")
    except Exception as exc:  # noqa: BLE001 - one broken document must not stop the batch
        log.exception("analysis failed for %s", document.id or document.source)
        return _failed(document, "internal", f"{type(exc).__name__}: {exc}"[:1000])


def _analyze_together(
    nlp: Language, documents: list[Document], include_text: bool, seconds: float | None
) -> list[ArticleResult]:
    """Records of checked documents parsed with nlp.pipe under one limit for the whole batch;
    raises on any failure so that the caller can redo them one by one."""
    with time_limit(seconds):
        docs = nlp.pipe(_prepare(nlp, d) for d in documents)
        return [_record(doc, d, include_text) for doc, d in zip(docs, documents)]


def _analyze_ok(
    nlp: Language, documents: list[Document], include_text: bool, seconds: float | None
) -> list[ArticleResult]:
    if len(documents) > 1:
        try:
            # One document's limit for the whole batch: a batch of news articles needs a
            # fraction of it, and a document at fault costs at most twice its limit.
            return _analyze_together(nlp, documents, include_text, seconds)
        except Exception as exc:  # noqa: BLE001 - TimeLimitExceeded included: isolate the culprit
            log.info("batch of %d failed (%s): analysing one by one", len(documents), type(exc).__name__)
    return [analyze_one(nlp, d, include_text, seconds) for d in documents]


def analyze_batch(
    nlp: Language,
    documents: Iterable[Document],
    include_text: bool = False,
    batch_size: int = settings.BATCH_SIZE,
    seconds: float | None = settings.MAX_SECONDS_PER_DOC,
) -> Iterator[ArticleResult]:
    """Analyze documents with `nlp`, yielding one record per document, in input order.

    nlp (Language): a pipeline from saidwhat.load(); documents (Iterable[Document]), read
    lazily; batch_size (int): documents parsed together; seconds (float | None): CPU time
    allowed per document (None: no limit).
    """
    pending: list[Document] = []

    def flush() -> Iterator[ArticleResult]:
        ok = [d for d in pending if d.error is None]
        analyzed = dict(zip(map(id, ok), _analyze_ok(nlp, ok, include_text, seconds))) if ok else {}
        for d in pending:
            yield analyzed[id(d)] if d.error is None else records.from_error(d)
        pending.clear()

    for document in documents:
        if document.error is None:
            checks.check_text(document)
        pending.append(document)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()
