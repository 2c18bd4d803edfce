"""End to end in headless Chromium: the server on a loopback port, pages as a person uses them.

Every page may reach the test server only (see the `page` fixture): a page that needs a CDN
fails. Each page is saved as a screenshot in out/screenshots/ (SAIDWHAT_SCREENSHOTS=docs/screenshots,
as `make screenshots` sets it, refreshes the README's).
"""
from __future__ import annotations

import httpx

from .corpus import XSS_ATTR, XSS_SCRIPT
from .support import screenshot


def api(base: str, path: str, **params):
    return httpx.get(base + path, params=params, timeout=30).json()


def test_search_then_open_the_article(page):
    """Search, open the article found: speakers, cues and contents highlighted, one table row per
    attribution; then an article with quality flags shows each flag."""
    p = page.page
    p.goto(page.base + "/")
    p.fill("input[name=speaker]", "Ruiz")
    p.fill("input[name=text]", "libraries")
    p.click("#search-form button")
    p.wait_for_selector("tr.result")
    rows = p.locator("tr.result")
    assert rows.count() >= 1
    assert "Elena Ruiz" in rows.first.locator("td.speaker").inner_text()
    assert "libraries" in rows.first.locator("td.content").inner_text()
    screenshot(p, "search")
    article_id = api(page.base, "/api/search", text="libraries", speaker="Ruiz")[0]["article_id"]
    record = api(page.base, f"/api/articles/{article_id}")["record"]
    rows.first.locator("a.article-link").click()
    p.wait_for_selector("#article-text")
    assert p.url.endswith(f"/articles/{article_id}")
    for kind in ("speaker", "cue", "content"):
        assert p.locator(f"#article-text mark.hl.{kind}").count() >= 1, kind
    assert p.locator("#article-text").inner_text().replace("SPEAKER", "").strip()
    assert p.locator("tr.attribution").count() == len(record["attributions"])
    screenshot(p, "article")

    flagged_id = api(page.base, "/api/search", text="track")[0]["article_id"]
    flags = api(page.base, f"/api/articles/{flagged_id}")["record"]["quality_flags"]
    assert flags
    p.goto(f"{page.base}/articles/{flagged_id}")
    assert p.locator("tr.flag-row").count() == len(flags)
    assert p.locator("#article-text mark.hl.flag").count() > 0
    assert not page.external and not page.dialogs


def test_speaker_page_draws_its_timeline(page):
    sid = next(r["speaker_id"] for r in api(page.base, "/api/search", speaker="Elena Ruiz") if r["speaker_id"])
    timeline = api(page.base, f"/api/speakers/{sid}")["timeline"]
    p = page.page
    p.goto(f"{page.base}/speakers/{sid}")
    p.wait_for_selector("svg.timeline-chart")
    assert p.locator("svg.timeline-chart circle.point").count() == len(timeline) >= 2
    periods = [p.locator("circle.point").nth(i).get_attribute("data-period") for i in range(len(timeline))]
    assert periods == [t["period"] for t in timeline]
    assert p.locator("h1.speaker-name").inner_text() == "Elena Ruiz"
    assert p.locator("table.titles tr").count() >= 2
    screenshot(p, "speaker")
    assert not page.external and not page.dialogs


def test_analyze_page_and_payloads_never_run_as_script(page):
    """The analyze form shows its result as an article page. The XSS payloads are in an
    article's title, URL, text and contents, and pasted into the form: shown, never run."""
    p = page.page
    p.goto(page.base + "/analyze")
    p.fill("textarea[name=text]", "“The ferry will run again in May,” Tom Becker said on Tuesday.")
    p.fill("input[name=published]", "2024-04-02")
    p.click("#analyze-form button")
    p.wait_for_selector("#article-text")
    assert p.locator("#article-text mark.hl.speaker").count() >= 1
    assert p.locator("tr.attribution").count() >= 1
    screenshot(p, "analyze")

    xss = api(page.base, "/api/search", text="threat")[0]
    targets = [f"/articles/{xss['article_id']}", "/?text=threat", "/?text=harmless", f"/speakers/{xss['speaker_id']}"]
    for path in targets:
        p.goto(page.base + path)
        p.wait_for_load_state("load")
        assert p.evaluate("() => window.__xss") is None, path
        assert p.locator("img[src=x]").count() == 0, path
    p.goto(f"{page.base}/articles/{xss['article_id']}")
    assert XSS_SCRIPT in p.locator("h1.article-title").inner_text()
    assert XSS_SCRIPT in p.locator("#article-text").inner_text()
    assert XSS_ATTR.strip('"') in p.locator("#article-text").inner_text()
    # Pasted into the analyze form, the result page shows the payload as text too.
    p.goto(page.base + "/analyze")
    p.fill("textarea[name=text]", f"Tom Becker said that {XSS_SCRIPT} {XSS_ATTR} was harmless.")
    p.click("#analyze-form button")
    p.wait_for_selector("h2.result-head")
    assert p.evaluate("() => window.__xss") is None
    assert p.locator("img[src=x]").count() == 0
    assert not page.dialogs and not page.external


def test_api_docs_work_offline(page):
    p = page.page
    p.goto(page.base + "/docs")
    p.wait_for_selector(".swagger-ui .info .title")
    assert "saidwhat" in p.locator(".swagger-ui .info .title").inner_text()
    p.wait_for_selector(".opblock-summary-path")
    assert p.locator(".opblock-summary-path").count() >= 6
    assert not page.external
