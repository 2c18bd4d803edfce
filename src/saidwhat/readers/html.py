"""HTML pages: main text with trafilatura, publication date with htmldate.

The page is parsed once with lxml; its nesting depth is checked before trafilatura walks it,
and extraction runs under a time limit (settings.MAX_SECONDS_PER_PAGE).
"""
from __future__ import annotations

import copy
import io
import logging
import re
from collections.abc import Iterator
from typing import BinaryIO

from .. import settings
from ..deadline import TimeLimitExceeded, time_limit
from ..document import Document, normalize_date
from .decode import DecodeError, check_control_characters, decode_text, read_limited

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

MIN_ARTICLE_CHARS = 50
# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Decode a page's bytes (bytes): UTF-8/UTF-16 as for text, else `charset` (str | None, from
    the HTTP header) or the charset the page declares in a <meta> tag.

    Raises DecodeError as decode_text does.
    """
    try:
        return decode_text(data)
    except DecodeError as exc:
        declared = CHARSET.search(data[:4096]) if exc.kind == "encoding" else None
        if exc.kind != "encoding" or not (charset or declared):
            raise
        charset = charset or declared.group(1).decode("ascii")
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise DecodeError("encoding", f"{exc}; the page's declared charset {charset!r} fails too") from exc
        check_control_characters(text)
        return text


def tree_depth(root) -> int:
    """The nesting depth of an lxml element tree, walked without recursion."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest


def _publication_date(tree) -> str | None:
    from htmldate import find_date

    try:  # a copy: htmldate prunes the tree it is given
        found = find_date(copy.deepcopy(tree), original_date=True, outputformat="%Y-%m-%d", extensive_search=False)
    except Exception:  # htmldate raises on some malformed pages; the date is optional
        return None
    return normalize_date(found)


def _extract(html: str, source: str, url: str | None) -> Document:
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return Document.failed(source, "parse", "the HTML page could not be parsed", url=url)
    depth = tree_depth(tree)
    if depth > settings.MAX_HTML_DEPTH:
        return Document.failed(
            source, "parse", f"HTML nested {depth} levels deep, over the limit of {settings.MAX_HTML_DEPTH}", url=url
        )
    published = _publication_date(tree)
    result = bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    text = (getattr(result, "text", None) if result is not None else None) or ""
    if len(text.strip()) < MIN_ARTICLE_CHARS:  # a menu or a cookie banner is no article
        found = f" (only {len(text.strip())} characters of text)" if text.strip() else ""
        return Document.failed(source, "empty", f"no article text found in the HTML page{found}", url=url)
    return Document(
        text=text,
        source=source,
        title=getattr(result, "title", None) or None,
        url=url or getattr(result, "url", None) or None,
        published=published,
        published_source="html" if published else None,
    )


def document_from_html(html: str, source: str, url: str | None = None) -> Document:
    """The article in a page: html (str), source (str), url (str | None) of the page.

    Never raises: a page that breaks the extractors gets a 'parse' or 'timeout' error.
    """
    import htmldate  # noqa: F401 - imported outside the time limit: a cold import is slow
    import trafilatura  # noqa: F401

    try:
        with time_limit(settings.MAX_SECONDS_PER_PAGE):
            return _extract(html, source, url)
    except TimeLimitExceeded as exc:
        return Document.failed(source, "timeout", f"HTML extraction {exc}", url=url)
    except (RecursionError, MemoryError) as exc:
        return Document.failed(source, "parse", f"the HTML page broke the extractor ({type(exc).__name__})", url=url)
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken markup
        return Document.failed(source, "parse", f"HTML extraction failed: {type(exc).__name__}: {exc}", url=url)


def document_from_bytes(data: bytes, source: str, url: str | None = None, charset: str | None = None) -> Document:
    """The article in a page given as bytes (bytes); decoding errors become the document's error.

    charset (str | None): the charset the server named, tried when the bytes are not UTF-8.
    """
    try:
        html = decode_html(data, charset)
    except DecodeError as exc:
        return Document.failed(source, exc.kind, str(exc), url=url)
    return document_from_html(html, source, url)


def read_stream(stream: BinaryIO, source: str) -> Iterator[Document]:
    """One Document from a binary stream (file object) holding one page."""
    try:
        data = read_limited(stream)
    except DecodeError as exc:
        yield Document.failed(source, exc.kind, str(exc))
        return
    yield document_from_bytes(data, source)


def read(data: bytes, source: str) -> Iterator[Document]:
    """One Document from a page's bytes (bytes) named `source` (str)."""
    return read_stream(io.BytesIO(data), source)
