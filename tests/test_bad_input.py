"""A corpus of bad inputs, built in tmp_path, through readers and the pipeline.

What must hold: every input comes out (count in = count out), each bad one with a clear error
kind, the good ones analysed, and nothing raises.
"""
from __future__ import annotations

import json
import time

import pytest

from saidwhat import pipeline, settings
from saidwhat.document import Document, unique_ids
from saidwhat.engines.batch import analyze_batch, analyze_one
from saidwhat.readers import read_paths

GOOD = "“We will adapt,” the minister said on Friday. Officials said the plan would cost $3 billion."
NON_ENGLISH = {
    "fr.txt": "Le ministre a déclaré vendredi que le gouvernement allait présenter un nouveau plan pour "
              "l'économie. « Nous allons nous adapter », a-t-il dit aux journalistes à Paris.",
    "de.txt": "Der Minister sagte am Freitag, die Regierung werde einen neuen Plan für die Wirtschaft "
              "vorlegen. „Wir werden uns anpassen“, sagte er den Journalisten in Berlin.",
    "zh.txt": "外交部长星期五表示，政府将提出一项新的经济计划。他对记者说：“我们会适应。”",
    "ru.txt": "Министр заявил в пятницу, что правительство представит новый план. «Мы адаптируемся», — сказал он.",
}


def build_corpus(root) -> dict[str, str | None]:
    """Write the bad-input corpus; returns file name → expected error kind (None: ok)."""
    expected: dict[str, str | None] = {}

    def put(name: str, data: bytes | str, kind: str | None):
        (root / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expected[name] = kind

    put("01-good.txt", GOOD, None)
    put("02-empty.txt", b"", "empty")
    put("03-whitespace.txt", " \n\t\r\n  \u3000\n", "empty")
    put("04-pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "binary")
    put("05-png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary")
    put("06-latin1.txt", "Le café, said the owner, was closed.".encode("latin-1"), "encoding")
    put("07-utf16.txt", GOOD.encode("utf-16"), None)
    with (root / "08-twenty-mb.txt").open("wb") as f:
        f.write(b"The minister said the plan would work. " * 520_000)  # ~20 MB
    expected["08-twenty-mb.txt"] = "too-large"
    with (root / "09-fifty-mb.txt").open("wb") as f:
        f.write(b"The minister said the plan would work. " * 1_300_000)  # ~50 MB
    expected["09-fifty-mb.txt"] = "too-large"
    put("10-no-spaces.txt", "a" * 1_000_000, "parse")
    for i, (name, text) in enumerate(NON_ENGLISH.items()):
        put(f"11-{name}", text, "not-english")
    put("12-unbalanced.txt", "“We will adapt, the minister said. \"Officials said it would fail.", None)
    put("13-mixed-quotes.txt", "\"We will adapt,” the minister said. “It works\", he added. 'Yes,’ she said.", None)
    put("14-nav.html", "<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>", "empty")
    put("15-deep.html", "<html><body>" + "<div>" * 10_000 + "<p>He said so.</p>" + "</div>" * 10_000, "parse")
    put("16-broken.html", "<html><body><article><p>" + GOOD + "<p>" + GOOD + "<div></article></span>", None)
    lines = [
        json.dumps({"id": "a", "text": GOOD, "published": "2024-05-31"}),
        "{not json",
        json.dumps({"id": "b", "title": "no text"}),
        json.dumps({"id": "a", "text": GOOD}),  # duplicate id: kept, renamed a~2
    ]
    put("17-records.jsonl", "\n".join(lines) + "\n", None)
    return expected


@pytest.fixture(scope="module")
def corpus_results(tmp_path_factory, nlp):
    root = tmp_path_factory.mktemp("bad")
    expected = build_corpus(root)
    documents = list(unique_ids(read_paths([root])))
    start = time.perf_counter()
    results = list(analyze_batch(nlp, documents))
    return expected, documents, results, time.perf_counter() - start


def test_every_input_comes_out(corpus_results):
    expected, documents, results, _ = corpus_results
    # one record per file, and one per JSONL line
    assert len(documents) == len(expected) - 1 + 4
    assert len(results) == len(documents)
    assert [r.source for r in results] == [d.source for d in documents]


def test_each_bad_file_has_its_error(corpus_results):
    expected, _, results, _ = corpus_results
    by_file = {r.source.rsplit("/", 1)[-1]: r for r in results if not r.source.endswith(".jsonl")}
    for name, kind in expected.items():
        if name.endswith(".jsonl"):
            continue
        r = by_file[name]
        if kind is None:
            assert r.status == "ok", (name, r.error)
        else:
            assert r.status == "error" and r.error.kind == kind, (name, r.error)
            assert r.error.message


def test_jsonl_records(corpus_results):
    _, _, results, _ = corpus_results
    records = [r for r in results if r.source.endswith(".jsonl")]
    assert [(r.id, r.status) for r in records] == [
        ("a", "ok"), (records[1].id, "error"), ("b", "error"), ("a~2", "ok")
    ]
    assert records[1].error.kind == "invalid-record" and records[2].error.kind == "invalid-record"
    assert records[0].published == "2024-05-31"


def test_good_texts_are_analysed(corpus_results):
    _, _, results, _ = corpus_results
    good = next(r for r in results if r.source.endswith("01-good.txt"))
    utf16 = next(r for r in results if r.source.endswith("07-utf16.txt"))
    assert good.attributions and utf16.attributions
    assert [a.content for a in good.attributions] == [a.content for a in utf16.attributions]


def test_big_inputs_are_refused_fast(corpus_results):
    *_, seconds = corpus_results
    # reading the 20 MB and 50 MB files is a stat; the slow part is the few small texts
    assert seconds < 300


def test_digit_run_without_spaces_is_handled():
    # a million characters without a space: not prose, refused before the tokenizer sees it
    r = next(analyze_batch(pipeline.load(), [Document(text="7" * 1_000_000, source="digits")]))
    assert r.status == "error" and r.error.kind == "parse" and "without a space" in r.error.message


def test_text_over_the_limit_is_too_large(nlp):
    r = next(analyze_batch(nlp, [Document(text="He said so. " * (settings.MAX_TEXT_CHARS // 12 + 1), source="big")]))
    assert r.error.kind == "too-large" and "over the limit" in r.error.message


def test_crash_on_one_document_is_isolated(nlp, monkeypatch):
    """A component that raises on one document: that one is 'internal', the others come out."""
    steps = list(pipeline.STEPS)
    name, first = steps[0]

    def explode(doc):
        if "EXPLODE" in doc.text:
            raise RuntimeError("boom")
        return first(doc)

    monkeypatch.setattr(pipeline, "STEPS", ((name, explode), *steps[1:]))
    docs = [Document(text=t, source=f"d{i}") for i, t in enumerate([GOOD, "The EXPLODE minister said no.", GOOD])]
    results = list(analyze_batch(nlp, docs))
    assert [r.status for r in results] == ["ok", "error", "ok"]
    assert results[1].error.kind == "internal" and "boom" in results[1].error.message
    assert results[0].attributions and results[2].attributions


def test_runaway_document_times_out(nlp, monkeypatch):
    steps = list(pipeline.STEPS)
    name, first = steps[0]

    def spin(doc):
        while "SPIN" in doc.text:  # busy: the limit counts CPU time
            pass
        return first(doc)

    monkeypatch.setattr(pipeline, "STEPS", ((name, spin), *steps[1:]))
    # Warm up first: lazy imports and caches on a first document cost CPU time of their own.
    # The limit is five times what a second parse of the good text costs on this machine (at
    # least 1.5 s): the spinning document never ends, so it times out at any limit.
    assert next(iter(analyze_batch(nlp, [Document(text=GOOD, source="warm")]))).status == "ok"
    started = time.process_time()
    assert next(iter(analyze_batch(nlp, [Document(text=GOOD, source="measure")]))).status == "ok"
    limit = max(1.5, 5 * (time.process_time() - started))
    docs = [Document(text=GOOD, source="ok"), Document(text="The SPIN doctor said no.", source="spin")]
    results = list(analyze_batch(nlp, docs, seconds=limit))
    assert [r.status for r in results] == ["ok", "error"]
    assert results[1].error.kind == "timeout"


def test_analyze_one_never_raises(nlp):
    r = analyze_one(nlp, Document(text=None, source="none"))  # a text of None breaks make_doc
    assert r.status == "error" and r.error.kind == "internal"


def test_a_short_name_heavy_english_sentence_is_english_a_short_foreign_one_is_not():
    from saidwhat.language import guess_language

    assert guess_language("China's foreign ministry spokesman, Lin Jian, called the curbs bullying.") == "English"
    indonesian = ("Menteri mengatakan pada hari Jumat bahwa pemerintah akan menyajikan rencana baru "
                  "untuk ekonomi negara ini.")
    assert guess_language(indonesian) == "unknown"
