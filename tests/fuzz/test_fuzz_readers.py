"""Readers on arbitrary bytes: never raise, always at least one Document (exact count for JSONL)."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from .properties import check_reader

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Bytes that look a bit like each format, so the fuzzer gets past the first check.
prefixes = st.sampled_from([b"", b"{", b'{"id": 1, "text": "', b"<html><body><p>", b"WARC/1.0\r\n", b"\xef\xbb\xbf",
                            b"\xff\xfe", b"%PDF", b"\x1f\x8b"])
fuzz_bytes = st.builds(lambda p, b: p + b, prefixes, st.binary(max_size=600))


@pytest.mark.parametrize("reader", ["txt", "jsonl", "warc"])
@FAST
@given(data=fuzz_bytes)
def test_reader_on_any_bytes(reader, data):
    check_reader(reader, data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=fuzz_bytes)
def test_html_reader_on_any_bytes(data):  # fewer: trafilatura is slower per page
    check_reader("html", data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "text", "published", "title", "url", "x"]), inner, max_size=4),
    max_leaves=8,
)


@FAST
@given(lines=st.lists(json_values.map(json.dumps) | st.text(max_size=40), max_size=8))
def test_jsonl_count_per_line(lines):
    data = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines).encode("utf-8", "surrogatepass")
    check_reader("jsonl", data)
