"""The JSON API and the pages through FastAPI's TestClient: reads, analysis, writes, limits."""
from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from saidwhat.web import create_app

from .corpus import ARTICLES, XSS_ATTR, XSS_SCRIPT
from .support import BASE, TOKEN


def speaker_id(client, name: str) -> int:
    rows = client.get("/api/search", params={"speaker": name}).json()
    return next(r["speaker_id"] for r in rows if r["speaker_id"])


# -- reads ----------------------------------------------------------------------------------


def test_health_says_read_only(client):
    assert client.get("/api/health").json() == {"status": "ok", "writes": False}


def test_search_by_speaker_text_date_type_and_source_kind(client):
    by_speaker = client.get("/api/search", params={"speaker": "Ruiz"}).json()
    assert by_speaker and {r["speaker"] for r in by_speaker} == {"Elena Ruiz"}
    assert all(r["article_title"] and r["content"] for r in by_speaker)
    assert [r["date"] for r in by_speaker] == sorted((r["date"] for r in by_speaker), reverse=True)

    words = client.get("/api/search", params={"text": "libraries"}).json()
    assert words and all("libraries" in r["content"] for r in words)

    in_march = client.get("/api/search", params={"since": "2024-03", "until": "2024-03"}).json()
    assert in_march and all(r["date"].startswith("2024-03") for r in in_march)

    direct = client.get("/api/search", params={"type": "direct"}).json()
    assert direct and all(r["type"] == "direct" for r in direct)

    groups = client.get("/api/search", params={"source_kind": "group"}).json()
    assert all(r["source_kind"] == "group" for r in groups)
    assert client.get("/api/search", params={"limit": 1}).json().__len__() == 1


@pytest.mark.parametrize("params", [
    {"since": "last week"}, {"until": "2024-13-99x"}, {"type": "quoted"}, {"source_kind": "x"},
    {"limit": 0}, {"limit": 10_000}, {"offset": -1}, {"text": "x" * 501},
])
def test_bad_search_parameters_are_422_not_500(client, params):
    response = client.get("/api/search", params=params)
    assert response.status_code == 422, response.text


def test_speakers_and_one_speaker(client):
    top = client.get("/api/speakers").json()
    assert top[0]["name"] in {"Elena Ruiz", "Tom Becker"} and top[0]["statements"] >= 2
    sid = speaker_id(client, "Elena Ruiz")
    detail = client.get(f"/api/speakers/{sid}").json()
    assert detail["speaker"]["name"] == "Elena Ruiz"
    assert sum(p["statements"] for p in detail["timeline"]) == detail["speaker"]["statements"]
    assert {t["title"] for t in detail["titles"]} & {"Mayor", "mayor of Riverton", "Riverton mayor"}
    assert detail["recent"]


def test_article_has_its_text_and_record(client):
    rows = client.get("/api/search", params={"text": "libraries", "limit": 1}).json()
    view = client.get(f"/api/articles/{rows[0]['article_id']}").json()
    assert view["record"]["text"] in {a["text"] for a in ARTICLES}
    assert view["statements"] and view["record"]["attributions"]


@pytest.mark.parametrize("path", ["/api/speakers/999999", "/api/articles/999999"])
def test_missing_items_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404 and "detail" in response.json()


@pytest.mark.parametrize("path", ["/api/articles/9223372036854775808", "/api/speakers/0", "/articles/-1"])
def test_ids_outside_sqlite_integers_are_422_not_500(client, path):
    assert client.get(path).status_code == 422


# -- analysis: count in = count out ---------------------------------------------------------


def test_analyze_gives_one_record_per_document_even_bad_ones(client):
    documents = [
        {"text": ARTICLES[0]["text"], "published": "2024-03-12", "id": "mine"},
        {"text": ""},
        {"text": "Le maire a déclaré que la ville ouvrirait trois bibliothèques l'année prochaine."},
        42,
        {"title": "no text"},
        {"text": "Tom Becker said the budget was fine.", "published": "not a date"},
        {"text": "\ud800 lone surrogate said nothing."},  # valid JSON ("\\ud800"), not valid UTF-8
    ]
    body = json.dumps({"documents": documents}).encode()  # ASCII escapes: the surrogate goes through
    response = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert len(results) == len(documents)
    first = results[0]
    assert first["status"] == "ok" and first["id"] == "mine" and first["attributions"]
    assert first["text"] == ARTICLES[0]["text"]
    kinds = [r["error"]["kind"] if r["error"] else None for r in results]
    assert kinds[1:5] == ["empty", "not-english", "invalid-record", "invalid-record"]
    assert results[5]["status"] == "ok" and results[5]["published"] is None  # bad date ignored, as in JSONL
    assert results[6]["status"] in {"ok", "error"}  # any record, not a 500


def test_analyze_refuses_an_empty_or_oversized_batch(client):
    assert client.post("/api/analyze", json={"documents": []}).status_code == 422
    assert client.post("/api/analyze", json={"documents": [{"text": "a"}] * 101}).status_code == 422
    assert client.post("/api/analyze", content=b"{not json", headers={"content-type": "application/json"}
                       ).status_code == 422


def test_analysis_in_a_worker_process(corpus_db):
    """The server's default: the pipeline in a spawned worker, under the batch engine's limit."""
    app = create_app(corpus_db, analysis_workers=1)
    with TestClient(app, base_url=BASE) as client:
        docs = [{"text": ARTICLES[2]["text"], "published": ARTICLES[2]["published"]}, {"text": "   "}]
        results = client.post("/api/analyze", json={"documents": docs}).json()["results"]
    assert [r["status"] for r in results] == ["ok", "error"]
    assert results[0]["attributions"][0]["speaker"]["name"] == "Elena Ruiz"


# -- limits and protection ------------------------------------------------------------------


def test_body_over_the_limit_is_413_by_content_length_and_by_streamed_size(corpus_db):
    with TestClient(
        create_app(corpus_db, analysis_workers=0, max_body_bytes=1000), base_url=BASE
    ) as small:
        big = {"documents": [{"text": "word " * 400}]}
        assert small.post("/api/analyze", json=big).status_code == 413

        def chunks():  # no Content-Length: only the streamed size can tell
            yield b'{"documents": [{"text": "'
            for _ in range(50):
                yield b"word " * 20
            yield b'"}]}'

        response = small.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
        assert response.status_code == 413
        assert small.post("/analyze", content=b"text=" + b"a" * 2000,
                          headers={"content-type": "application/x-www-form-urlencoded"}).status_code == 413
        assert small.post("/api/analyze", json={"documents": [{"text": "Ruiz said it was fine."}]}
                          ).status_code == 200


def test_read_only_server_refuses_writes(client):
    response = client.post("/api/articles", json={"text": "Tom Becker said the plan was fine."},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", "Bearer tëst-non-ascii", "Basic abc"])
def test_writes_need_the_token(writable, header):
    headers = {"Authorization": header.encode("latin-1")} if header else {}
    response = writable.post("/api/articles", json={"text": "Tom Becker said the plan was fine."}, headers=headers)
    assert response.status_code in (401, 403)
    assert response.status_code == 401 or header == "Basic abc"


def test_a_write_with_the_token_stores_once_and_is_searchable(writable):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = "Tom Becker said on Tuesday that the new bridge would cost $40 million."
    first = writable.post("/api/articles", json={"text": text, "published": "2024-10-01", "title": "Bridge"},
                          headers=auth)
    assert first.status_code == 200, first.text
    assert first.json()["created"] is True
    again = writable.post("/api/articles", json={"text": text, "published": "2024-10-01"}, headers=auth)
    assert again.json() == {**again.json(), "created": False, "id": first.json()["id"]}
    found = writable.get("/api/search", params={"text": "bridge"}).json()
    assert [r["article_id"] for r in found] == [first.json()["id"]]
    assert writable.get(f"/articles/{first.json()['id']}").status_code == 200
    empty = writable.post("/api/articles", json={"text": " ", "id": "blank"}, headers=auth)
    assert empty.status_code == 200 and empty.json()["record"]["error"]["kind"] == "empty"  # as ingest


def test_other_host_names_are_refused(client):
    """DNS rebinding: a page elsewhere whose name resolves to 127.0.0.1 still sends its Host."""
    assert client.get("/api/health", headers={"Host": "evil.example"}).status_code == 400


def test_pages_carry_a_content_security_policy(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_the_store_path_comes_only_from_the_command_line(tmp_path):
    from saidwhat.web.db import StoreError

    with pytest.raises(StoreError):
        create_app(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()  # not created by a read-only server
    (tmp_path / "other.db").write_bytes(b"")
    with pytest.raises(StoreError):
        create_app(tmp_path / "other.db")
    with pytest.raises(ValueError):
        create_app(tmp_path / "w.db", allow_writes=True)


# -- pages ----------------------------------------------------------------------------------


def test_pages_render_and_escape_article_text(client):
    sid = speaker_id(client, "Elena Ruiz")
    xss = next(r for r in client.get("/api/search", params={"text": "threat"}).json())
    for path in ["/", "/?speaker=Ruiz", "/?text=threat", "/speakers", f"/speakers/{sid}",
                 f"/articles/{xss['article_id']}", "/analyze"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert XSS_SCRIPT not in response.text and XSS_ATTR not in response.text, path
    page = client.get(f"/articles/{xss['article_id']}").text
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page
    assert 'class="hl speaker"' in page and 'class="hl cue"' in page and "hl content" in page


def test_page_errors_are_html(client):
    missing = client.get("/articles/999999")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    bad = client.get("/", params={"since": "yesterday"})
    assert bad.status_code == 400 and "since" in bad.text


def test_page_parameters_document_what_the_page_accepts(client):
    # what the page checks itself is in the schema, so that a client (or schemathesis) can
    # tell a valid request from one that gets the 400 page
    spec = client.get("/openapi.json").json()
    params = {p["name"]: p["schema"] for p in spec["paths"]["/"]["get"]["parameters"]}
    assert re.fullmatch(params["since"]["pattern"], " 2024-05 ") and re.fullmatch(params["since"]["pattern"], "")
    assert not re.fullmatch(params["until"]["pattern"], "yesterday")
    assert params["type"]["enum"] == ["", "direct", "indirect", "mixed"]
    form = spec["paths"]["/analyze"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    assert form["schema"]["additionalProperties"] is False


def test_analyze_form_shows_the_result_without_storing(client):
    before = client.get("/api/search", params={"text": "ferry"}).json()
    response = client.post("/analyze", data={"text": "Tom Becker said the ferry would run again in May.",
                                             "published": "2024-04-02"})
    assert response.status_code == 200 and 'class="hl speaker"' in response.text
    assert client.get("/api/search", params={"text": "ferry"}).json() == before == []
    assert client.post("/analyze", data={"text": "x", "published": "May 3"}).status_code == 400
    assert client.post("/analyze", data={"text": "x", "other": "1"}).status_code == 400  # not this form
    assert client.get("/", params={"offset": " \t", "text": "ferry"}).status_code == 200  # a blank field: no offset


def test_docs_are_served_without_a_cdn(client):
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    assert client.get("/static/docs/swagger-ui-bundle.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/search", "/api/speakers", "/api/speakers/{speaker_id}", "/api/articles/{article_id}",
            "/api/analyze", "/api/articles"} <= set(paths)
