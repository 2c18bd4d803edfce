"""WARC web archives (.warc, .warc.gz), read with warcio as a stream.

Which records are articles:
- a `response` record with HTTP status 200 and an HTML content type goes through the HTML
  reader: one Document, id = WARC-Record-ID (else the target URI), url = WARC-Target-URI;
- other responses (not HTML, not 200: redirects, images, errors) are skipped and counted; the
  counts are logged at the end of the file;
- request, warcinfo, metadata, revisit ... records are not documents and are passed over.
A file that holds no HTML page at all gives one 'empty' Document that says what it skipped,
and a file that breaks off gives a final 'invalid-record' Document, so every input file shows
in the output. The publication date comes from the page (htmldate), never from WARC-Date,
which is when the page was crawled.
"""
from __future__ import annotations

import io
import logging
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from .. import settings
from ..document import Document
from .decode import DecodeError, read_limited
from .html import document_from_bytes

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _skip_reason(record) -> str | None:
    """Why a response record is not an article page, or None when it is one."""
    http = record.http_headers
    if http is None:
        return "no HTTP headers"
    status = (http.get_statuscode() or "").strip()
    if status != "200":
        return f"HTTP {status or '?'}"
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return f"not HTML ({content_type or 'no type'})"
    return None


def _charset(record) -> str | None:
    """The charset named in the HTTP Content-Type header, if any."""
    for part in (record.http_headers.get_header("Content-Type") or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _document(record, source: str) -> Document:
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or None
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<> ") or url
    try:
        data = read_limited(record.content_stream(), settings.MAX_FILE_BYTES)
    except DecodeError as exc:
        return Document.failed(source, exc.kind, str(exc), id=record_id, url=url)
    except Exception as exc:  # broken chunked or gzip content encoding
        return Document.failed(source, "invalid-record", f"unreadable HTTP payload: {exc}", id=record_id, url=url)
    doc = document_from_bytes(data, source, url, charset=_charset(record))
    doc.id = record_id
    return doc


def read_stream(stream: BinaryIO, source: str) -> Iterator[Document]:
    """Documents from a WARC byte stream (file object, gzip or not); never raises for bad content."""
    from warcio.archiveiterator import ArchiveIterator

    skipped: Counter = Counter()
    count = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            reason = _skip_reason(record)
            if reason:
                skipped[reason] += 1
                continue
            count += 1
            yield _document(record, source)
    except Exception as exc:  # warcio raises ArchiveLoadFailed, ValueError ... on broken files
        count += 1
        where = f"after {count - 1} pages" if count > 1 else "at the start"
        yield Document.failed(source, "invalid-record", f"not a readable WARC file {where}: {exc}"[:500])
    summary = ", ".join(f"{n} {reason}" for reason, n in skipped.most_common())
    if skipped:
        log.warning("%s: skipped %d response records (%s)", source, sum(skipped.values()), summary)
    if count == 0:
        yield Document.failed(source, "empty", f"no HTML page in the WARC file{f' (skipped: {summary})' if summary else ''}")


def read(data: bytes, source: str) -> Iterator[Document]:
    """Documents from the bytes (bytes) of a WARC file named `source` (str)."""
    return read_stream(io.BytesIO(data), source)
