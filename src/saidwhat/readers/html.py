"""HTML pages: main text with trafilatura, publication date with htmldate."""
from __future__ import annotations

import logging
from collections.abc import Iterator

from ..document import Document
from .decode import DecodeError, decode_text

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def document_from_html(html: str, source: str, url: str | None = None) -> Document:
    import trafilatura
    from htmldate import find_date

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        return Document.failed(source, "empty", "no article text found in the HTML page", url=url)
    meta = trafilatura.extract_metadata(html)
    published = None
    try:
        published = find_date(html, original_date=True, outputformat="%Y-%m-%d", extensive_search=False)
    except Exception:  # htmldate raises on some malformed pages; the date is optional
        published = None
    return Document(
        text=text,
        source=source,
        title=getattr(meta, "title", None) if meta else None,
        url=url or (getattr(meta, "url", None) if meta else None),
        published=published,
        published_source="html" if published else None,
    )


def read(data: bytes, source: str) -> Iterator[Document]:
    try:
        html = decode_text(data)
    except DecodeError as exc:
        yield Document.failed(source, exc.kind, str(exc))
        return
    yield document_from_html(html, source)
