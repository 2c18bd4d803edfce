"""The properties the fuzz tests check, shared by tests/fuzz and scripts/fuzz_long.py."""
from __future__ import annotations

from saidwhat.document import Document
from saidwhat.readers import html, jsonl, txt, warc
from saidwhat.readers.decode import binary_kind
from saidwhat.schema import ArticleResult

READERS = {"txt": txt.read, "html": html.read, "jsonl": jsonl.read, "warc": warc.read}


def expected_jsonl_count(data: bytes) -> int:
    """How many Documents a JSON Lines file must give: one per non-blank line, at least one."""
    if binary_kind(data) or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return 1 if binary_kind(data) else -1  # UTF-16: counted after decoding, not checked here
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    return max(1, sum(1 for line in body.split(b"\n") if line.strip()))


def check_reader(name: str, data: bytes) -> list[Document]:
    """Run one reader on bytes; assert it gives well-formed Documents (never raises)."""
    docs = list(READERS[name](data, f"fuzz.{name}"))
    assert docs, "no document for an input"
    for d in docs:
        assert (d.text is None) == (d.error is not None), d
        if d.text is not None:
            d.text.encode("utf-8")  # writable as UTF-8: no lone surrogates
    if name == "jsonl":
        expected = expected_jsonl_count(data)
        assert expected == -1 or len(docs) == expected, (len(docs), expected)
    if name in ("txt", "html"):
        assert len(docs) == 1
    return docs


def check_result(text: str, r: ArticleResult) -> None:
    """Assert a record is valid and every offset points into `text` with matching span texts."""
    ArticleResult.model_validate(r.model_dump())
    if r.status == "error":
        assert r.error is not None and r.error.message
        return
    n = len(text)

    def span(s) -> None:
        assert 0 <= s.start <= s.end <= n, (s.start, s.end, n)
        assert text[s.start:s.end] == s.text, (s.text, text[s.start:s.end])

    for a in r.attributions:
        for start, end in a.content_spans:
            assert 0 <= start <= end <= n
        if a.cue:
            span(a.cue)
        if a.speaker and a.speaker.mention:
            span(a.speaker.mention)
        assert a.parent is None or 0 <= a.parent < len(r.attributions)
        assert a.date_time_id is None or 0 <= a.date_time_id < len(r.times)
        assert a.speaker is None or a.speaker.entity_id is None or 0 <= a.speaker.entity_id < len(r.entities)
    for e in r.entities:
        for m in e.mentions:
            span(m)
    for item in (*r.times, *r.amounts, *r.quality_flags):
        span(item)
