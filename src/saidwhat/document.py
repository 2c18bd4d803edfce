"""What a reader hands to the analysis: text plus metadata, or the error that stopped reading."""
from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from .schema import DocumentError

log = logging.getLogger(__name__)

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Document:
    """One input document.

    text (str | None): the article text, None when `error` is set.
    source (str): path or name the document came from.
    id (str | None): the JSONL id, the WARC record id, or None for single-document files.
    published (str | None): ISO date (YYYY-MM-DD) of publication when known.
    published_source (str | None): 'input', 'html' or 'cli'.
    """

    text: str | None
    source: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_source: str | None = None
    error: DocumentError | None = None

    @property
    def content_hash(self) -> str | None:
        if self.text is None:
            return None
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    @classmethod
    def failed(cls, source: str, kind: str, message: str, **meta) -> "Document":
        """A document that could not be read: source (str), error kind (str), message (str)."""
        return cls(text=None, source=source, error=DocumentError(kind=kind, message=message), **meta)


def parse_date(value: str) -> str:
    """A strict YYYY-MM-DD date (str) checked for validity; raises ValueError with a clear message.

    For dates a person types (--published): anything else is refused rather than guessed.
    """
    value = value.strip()
    if not ISO_DATE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD (e.g. 2024-05-31)")
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a valid date: {exc}") from None


def normalize_date(value: object) -> str | None:
    """The YYYY-MM-DD date of an input's publication field, or None when it is not one.

    value (object): what a JSONL record or a page gave: '2024-05-31', '2024-05-31T10:00:00Z',
    '2024-05-31 10:00:00+02:00'. The day as written is kept (no time-zone shift): the
    publication date anchors relative times ('yesterday') as the newsroom wrote them.
    """
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value[:10]).isoformat() if ISO_DATE.match(value) else (
            datetime.fromisoformat(value).date().isoformat()
        )
    except ValueError:
        log.debug("ignoring publication date %r: not an ISO 8601 date", value[:40])
        return None


def unique_ids(documents: Iterable[Document]) -> Iterator[Document]:
    """Documents with ids made unique within the run.

    A repeated id (two JSONL lines with "id": "a") keeps both documents: the second becomes
    'a~2', the third 'a~3', so every input has its own record and the store keys stay distinct.
    Documents without an id (single files) are keyed by their source and pass as they are.
    """
    seen: set[str] = set()
    for doc in documents:
        if doc.id is not None:
            if doc.id in seen:
                n, base = 2, doc.id
                while f"{base}~{n}" in seen:
                    n += 1
                doc.id = f"{base}~{n}"
                log.warning("duplicate id %r in %s: renamed %r", base, doc.source, doc.id)
            seen.add(doc.id)
        yield doc
