"""Readers: bytes and files → Documents, without NLP. Every input yields at least one Document."""
from __future__ import annotations

import gzip
import io
import json
import tracemalloc

import pytest

from saidwhat import settings
from saidwhat.document import Document, normalize_date, parse_date, unique_ids
from saidwhat.readers import format_of, html, is_known, jsonl, read_paths, read_stdin, sniff_format, txt, warc

ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Minister backs plan</title>
<meta property="article:published_time" content="2024-05-30T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Minister backs plan</h1>
<p>The minister said on Friday that the plan would work, according to officials who spoke to reporters in the capital.</p>
<p>“We will adapt to whatever comes,” she told a news conference, adding that the budget had been approved by parliament.</p>
<p>Critics argued that the proposal was too expensive and that it would take years to show any result at all.</p>
</article><footer>Copyright 2024 Example News</footer></body></html>"""


def one(docs) -> Document:
    docs = list(docs)
    assert len(docs) == 1, docs
    return docs[0]


# ---------------------------------------------------------------- text


def test_txt_reads_utf8_and_strips_bom():
    doc = one(txt.read("\ufeffShe said “yes”.".encode("utf-8"), "a.txt"))
    assert doc.error is None and doc.text == "She said “yes”."


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_txt_decodes_utf16_with_bom(codec):
    data = "The minister said “no”.".encode(codec)
    if codec != "utf-16":  # the plain codec writes its BOM itself
        data = ("\ufeff".encode(codec)) + data
    doc = one(txt.read(data, "a.txt"))
    assert doc.error is None and doc.text == "The minister said “no”."


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "binary"),
        (b"plain words\x00\x01\x02 with NUL bytes", "binary"),
        ("caf\xe9 au lait".encode("latin-1"), "encoding"),
        (b"\x01\x02\x03\x04\x05\x06 \x07\x08\x0e\x0f\x10\x11", "binary"),
    ],
)
def test_txt_refuses_binary_and_invalid_utf8(data, kind):
    doc = one(txt.read(data, "bad.txt"))
    assert doc.text is None and doc.error.kind == kind
    assert doc.error.message


def test_binary_message_names_the_format():
    assert "PDF" in one(txt.read(b"%PDF-1.4 ...", "x.txt")).error.message


def test_oversized_file_refused_from_its_size_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    chunk = ("The minister said the plan would work. " * 1000).encode()
    with path.open("wb") as f:
        while f.tell() < 50_000_000:
            f.write(chunk)
    tracemalloc.start()
    doc = one(read_paths([path]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert doc.error.kind == "too-large" and "over the limit" in doc.error.message
    assert peak < 1_000_000  # the 50 MB were never read


def test_oversized_stream_read_only_up_to_the_limit():
    stream = io.BytesIO(b"a" * (settings.MAX_FILE_BYTES + 10))
    doc = one(txt.read_stream(stream, "<stdin>"))
    assert doc.error.kind == "too-large"
    assert stream.tell() == settings.MAX_FILE_BYTES + 1


def test_missing_path_and_folder_walk(tmp_path):
    (tmp_path / "a.txt").write_text("One said this.")
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": "x", "text": "Two said that."}\n'))
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    docs = list(read_paths([tmp_path, tmp_path / "nope.txt"]))
    assert [d.text for d in docs[:2]] == ["One said this.", "Two said that."]
    assert docs[2].error.kind == "invalid-record" and "no such file" in docs[2].error.message


def test_format_from_extensions():
    from pathlib import Path

    assert format_of(Path("a/b.JSONL.gz")) == ("jsonl", True)
    assert format_of(Path("crawl.warc.gz")) == ("warc", True)
    assert format_of(Path("x.html")) == ("html", False)
    assert format_of(Path("notes")) == ("txt", False)
    assert is_known(Path("x.warc.gz")) and not is_known(Path("x.png")) and not is_known(Path("x.tar.gz"))


def test_published_from_cli_only_where_missing(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        '{"id": 1, "text": "x said y", "published": "2020-01-02T10:00:00+02:00"}\n{"id": 2, "text": "z said w"}\n'
    )
    docs = list(read_paths([tmp_path / "a.jsonl"], published="2024-05-31"))
    assert [(d.published, d.published_source) for d in docs] == [("2020-01-02", "input"), ("2024-05-31", "cli")]


# ---------------------------------------------------------------- dates and ids


def test_parse_date_is_strict():
    assert parse_date("2024-05-31") == "2024-05-31"
    for bad in ("31/05/2024", "2024-13-01", "2024-02-30", "yesterday", "2024-5-3"):
        with pytest.raises(ValueError, match="2024|date"):
            parse_date(bad)


def test_normalize_date_keeps_the_day_and_drops_junk():
    assert normalize_date("2024-05-31T23:30:00-05:00") == "2024-05-31"
    assert normalize_date("2024-05-31") == "2024-05-31"
    assert normalize_date("May 31") is None and normalize_date(20240531) is None and normalize_date(None) is None


def test_duplicate_ids_are_kept_and_renamed():
    docs = [Document(text="t", source="s", id=i) for i in ("a", "a", "b", "a", "a~2")]
    assert [d.id for d in unique_ids(docs)] == ["a", "a~2", "b", "a~3", "a~2~2"]


# ---------------------------------------------------------------- JSON Lines


def test_jsonl_one_document_per_nonblank_line():
    data = (
        b'{"id": "a", "text": "First.", "title": "T", "url": "http://x"}\n'
        b"\n   \n"
        b"this is not json\n"
        b'{"id": "c"}\n'
        b'["a list"]\n'
        b'{"text": "No id."}\r\n'
        b'{"id": 7, "text": 5}\n'
        b'{"id": "e", "text": "\\ud800 lone surrogate"}'
    )
    docs = list(jsonl.read(data, "f.jsonl"))
    assert len(docs) == 7
    assert (docs[0].id, docs[0].text, docs[0].title, docs[0].url) == ("a", "First.", "T", "http://x")
    assert docs[1].error.kind == "invalid-record" and "line 4: not JSON" in docs[1].error.message
    assert docs[1].id == "f.jsonl#4"
    assert docs[2].error.kind == "invalid-record" and "'text'" in docs[2].error.message and docs[2].id == "c"
    assert docs[3].error.kind == "invalid-record" and "not a JSON object" in docs[3].error.message
    assert docs[4].text == "No id." and docs[4].id == "f.jsonl#7"
    assert docs[5].error.kind == "invalid-record" and docs[5].id == "7"
    assert docs[6].text == "\ufffd lone surrogate"  # one code point for one: offsets stay valid


def test_jsonl_empty_file_still_shows():
    doc = one(jsonl.read(b"\n \n", "empty.jsonl"))
    assert doc.error.kind == "empty"


def test_jsonl_binary_file_is_one_error():
    doc = one(jsonl.read(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, "img.jsonl"))
    assert doc.error.kind == "binary"


def test_jsonl_invalid_utf8_line_and_bom():
    data = b'\xef\xbb\xbf{"id": 1, "text": "ok"}\n{"id": 2, "text": "caf\xe9"}\n'
    docs = list(jsonl.read(data, "f.jsonl"))
    assert docs[0].text == "ok" and docs[1].error.kind == "encoding"


def test_jsonl_utf16():
    data = '{"id": 1, "text": "ok"}\n{"id": 2, "text": "two"}\n'.encode("utf-16")
    assert [d.text for d in jsonl.read(data, "f.jsonl")] == ["ok", "two"]


def test_jsonl_overlong_line_is_skipped_with_bounded_memory(monkeypatch):
    monkeypatch.setattr(settings, "MAX_FILE_BYTES", 1000)
    data = b'{"id": 1, "text": "ok"}\n{"id": 2, "text": "' + b"x" * 20_000_000 + b'"}\n{"id": 3, "text": "three"}\n'
    tracemalloc.start()
    docs = list(jsonl.read(data, "f.jsonl"))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [d.text for d in docs] == ["ok", None, "three"]
    assert docs[1].error.kind == "too-large" and docs[1].id == "f.jsonl#2"
    assert peak < 5_000_000  # the 20 MB line went through in 1 MB chunks


def test_jsonl_deep_nesting_is_an_error_not_a_crash():
    doc = one(jsonl.read(b"[" * 100_000 + b"]" * 100_000, "deep.jsonl"))
    assert doc.error.kind == "invalid-record"


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    lines = b"".join(b'{"id": %d, "text": "Text %d said."}\n' % (i, i) for i in range(2000))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(lines)[:3000])
    docs = list(read_paths([path]))
    assert docs[0].text == "Text 0 said."
    assert docs[-1].error is not None and docs[-1].error.kind == "encoding"


# ---------------------------------------------------------------- HTML


def test_html_article_title_and_date():
    doc = one(html.read(ARTICLE_HTML.encode(), "page.html"))
    assert doc.error is None
    assert "the plan would work" in doc.text and "Copyright" not in doc.text and "Home" not in doc.text
    assert doc.title == "Minister backs plan"
    assert (doc.published, doc.published_source) == ("2024-05-30", "html")


def test_html_without_article_is_empty():
    doc = one(html.read(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "nav.html"))
    assert doc.error.kind == "empty"


def test_html_deeply_nested_is_refused_fast():
    page = "<html><body>" + "<div>" * 10_000 + "<p>He said so.</p>" + "</div>" * 10_000 + "</body></html>"
    doc = one(html.read(page.encode(), "deep.html"))
    assert doc.error.kind == "parse" and "nested" in doc.error.message


@pytest.mark.parametrize(
    "page",
    [
        b"<html><body><article><p>The minister said the plan would work, officials told reporters on Friday."
        b"<p>Critics said it would fail.<div><span></article></b></i>",
        b"<<<>>><html<body>>said</p></p>",
        b"<html>" + b"<p>x" * 5000,
        b"<?xml version='1.0' encoding='utf-8'?><html><body><p>Text said.</p></body></html>",
    ],
)
def test_broken_html_never_raises(page):
    doc = one(html.read(page, "broken.html"))
    assert doc.error is None or doc.error.kind in {"empty", "parse"}


def test_html_declared_charset_is_used():
    page = ("<html><head><meta charset='windows-1252'></head><body><article>"
            + "<p>The café owner said the new rules would hurt trade, according to the chamber of commerce.</p>" * 3
            + "</article></body></html>").encode("cp1252")
    doc = one(html.read(page, "latin.html"))
    assert doc.error is None and "café" in doc.text


# ---------------------------------------------------------------- WARC


def _warc(path, gz: bool):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)

        def response(uri, status, ctype, body):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))

        writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "test"}))
        response("http://news.example/a", "200 OK", "text/html; charset=utf-8", ARTICLE_HTML.encode())
        response("http://news.example/gone", "404 Not Found", "text/html", b"<html>missing</html>")
        response("http://news.example/logo.png", "200 OK", "image/png", b"\x89PNG....")
        response("http://news.example/r", "301 Moved", "text/html", b"")


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_only(tmp_path, gz, caplog):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(path, gz)
    doc = one(read_paths([path]))
    assert doc.error is None and "the plan would work" in doc.text
    assert doc.url == "http://news.example/a" and doc.id.startswith("urn:uuid:")
    assert doc.published == "2024-05-30"
    assert "skipped 3 response records" in caplog.text


def test_warc_without_pages_and_garbage():
    assert one(warc.read(b"", "e.warc")).error.kind == "empty"
    # warcio takes some garbage for an old ARC file without HTTP headers: either way, one error
    assert one(warc.read(b"this is no warc file", "g.warc")).error.kind in {"empty", "invalid-record"}
    assert one(warc.read(b"WARC/1.0\r\nbroken", "b.warc")).error is not None


# ---------------------------------------------------------------- stdin


@pytest.mark.parametrize(
    "data, fmt",
    [
        (b"WARC/1.0\r\n", "warc"),
        (b'\n{"id": 1}', "jsonl"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"  <html><body>", "html"),
        (b"The minister said.", "txt"),
        (b"<3 said the fan", "txt"),
    ],
)
def test_sniff_format(data, fmt):
    assert sniff_format(data) == fmt


def test_stdin_jsonl_gzip_and_published():
    data = gzip.compress(json.dumps({"id": "a", "text": "She said so."}).encode() + b"\n")
    doc = one(read_stdin(io.BytesIO(data), published="2024-01-02"))
    assert (doc.id, doc.text, doc.source, doc.published_source) == ("a", "She said so.", "<stdin>", "cli")


def test_stdin_broken_gzip_is_an_error():
    doc = one(read_stdin(io.BytesIO(b"\x1f\x8b\x08garbage")))
    assert doc.error is not None
