"""The one batch function every engine calls: documents in, records out, in the same order.

Every document gives exactly one record: a failure in one (bad input, a crash in the
pipeline) becomes that document's error record, and the batch goes on.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language

from .. import records
from ..document import Document
from ..schema import ArticleResult, DocumentError
from . import checks

log = logging.getLogger(__name__)


def _prepare(nlp: Language, document: Document):
    doc = nlp.make_doc(document.text)
    doc._.published = document.published
    return doc


def _analyze_one(nlp: Language, document: Document, include_text: bool) -> ArticleResult:
    try:
        doc = nlp(_prepare(nlp, document))
        return records.from_doc(doc, document, include_text)
    except Exception as exc:  # one broken document must not stop the batch
        log.exception("analysis failed for %s", document.source)
        document.error = DocumentError(kind="internal", message=f"{type(exc).__name__}: {exc}")
        return records.from_error(document)


def analyze_batch(
    nlp: Language, documents: Iterable[Document], include_text: bool = False, batch_size: int = 32
) -> Iterator[ArticleResult]:
    """Analyze documents with `nlp`, yielding one record per document, in input order."""
    pending: list[Document] = []

    def flush() -> Iterator[ArticleResult]:
        ok = [d for d in pending if d.error is None]
        try:
            docs = iter(nlp.pipe(_prepare(nlp, d) for d in ok))
            analyzed = {id(d): records.from_doc(next(docs), d, include_text) for d in ok}
        except Exception:  # fall back to one at a time to isolate the failing document
            analyzed = {id(d): _analyze_one(nlp, d, include_text) for d in ok}
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
