"""The HTML pages: search, speakers, one speaker, one article, and an analyze form.

Templates are Jinja2 with autoescape on, so every string from an article (text, names,
titles, URLs) is escaped where it is written; JavaScript (static/*.js) only reads JSON from a
<script type="application/json"> block and writes with textContent. Page parameters are plain
strings as a form sends them (an empty field is no filter); invalid ones give the page back
with the error and status 400 rather than a JSON 422.
"""
from __future__ import annotations

from importlib import resources
from typing import Annotated, get_args
from urllib.parse import parse_qs, urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from ..document import Document, parse_date
from ..readers.decode import fix_surrogates
from ..schema import ArticleResult
from ..store import query
from ..store.models import Statement
from . import deps
from .analysis import Analyzer, Busy
from .api import SOURCE, Id
from .db import Store
from .highlight import highlight

# Pages answer every error with an HTML page ("4XX" also keeps FastAPI from documenting a
# JSON 422 that pages never send).
router = APIRouter(tags=["pages"], default_response_class=HTMLResponse, responses={
    "4XX": {"description": "Invalid parameters or no such item: an HTML page that says which",
            "content": {"text/html": {"schema": {"type": "string"}}}},
})
# What a page trims off a field: ASCII white space, the \s of the schema's (ECMA-262) regexes,
# where Python's str.strip() would also take other control characters (U+001C-U+001F).
BLANK = " \t\n\r\f\v"
BLANK_CLASS = r"[ \t\n\r\f\v]"
# The analyze form as it is posted (read by the handler itself, see analyze_page).
ANALYZE_FIELDS = ("text", "published")
ANALYZE_FORM = {"requestBody": {"required": False, "content": {"application/x-www-form-urlencoded": {"schema": {
    "type": "object", "additionalProperties": False,
    "properties": {"text": {"type": "string"}, "published": {"anyOf": [
        {"type": "string", "format": "date"}, {"type": "string", "pattern": f"^{BLANK_CLASS}*$"}], "description": "YYYY-MM-DD"}},
}}}}}

PAGE_SIZE = 50


def _environment() -> jinja2.Environment:
    # autoescape=True for every template, whatever its file name; undefined names fail loudly.
    env = jinja2.Environment(loader=jinja2.PackageLoader("saidwhat.web", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env


templates = Jinja2Templates(env=_environment())


def static_dir() -> str:
    return str(resources.files("saidwhat.web").joinpath("static"))


def render(request: Request, name: str, status_code: int = 200, headers: dict | None = None,
           **context) -> HTMLResponse:
    """The template `name` (str) filled with `context`, answered with `status_code` and `headers`."""
    return templates.TemplateResponse(request, name, {"allow_writes": request.app.state.allow_writes, **context},
                                      status_code=status_code, headers=headers)


def _errors(exc: ValidationError) -> list[str]:
    return [f"{'.'.join(map(str, e['loc'])) or 'input'}: {e['msg']}" for e in exc.errors()]


def _blank_or(pattern: str) -> str:
    """A regex (str) for a blank field, or one that holds `pattern` (anchored with ^ $) with BLANK around."""
    return rf"^{BLANK_CLASS}*({pattern.strip('^$')})?{BLANK_CLASS}*$"


def _blank_or_choice(name: str) -> list[str]:
    """'' or one of the values SearchParams allows for field `name` (a Literal[...] | None)."""
    literal = get_args(deps.SearchParams.model_fields[name].annotation)[0]
    return ["", *get_args(literal)]


def _form_field(schema: dict) -> Query:
    """A page parameter documented with the constraints the page checks itself: the schema says
    which values are valid, and an invalid one still gets the HTML page with its error (FastAPI
    would answer JSON 422 if it enforced them)."""
    return Query(json_schema_extra=schema)


@router.get("/", summary="Search page")
def search_page(
    request: Request,
    speaker: Annotated[str | None, _form_field({"maxLength": 200})] = None,
    text: Annotated[str | None, _form_field({"maxLength": 500})] = None,
    since: Annotated[str | None, _form_field({"pattern": _blank_or(deps.DATE_PATTERN)})] = None,
    until: Annotated[str | None, _form_field({"pattern": _blank_or(deps.DATE_PATTERN)})] = None,
    type: Annotated[str | None, _form_field({"enum": _blank_or_choice("type")})] = None,
    source_kind: Annotated[str | None, _form_field({"enum": _blank_or_choice("source_kind")})] = None,
    offset: Annotated[str | None, _form_field({"pattern": _blank_or("[0-9]{0,5}")})] = None,  # <= MAX_OFFSET
    store: Store = Depends(deps.store),
) -> HTMLResponse:
    """Statements by speaker, words, date range, type and source kind; the top speakers when
    no filter is given."""
    form = {"speaker": speaker, "text": text, "since": since, "until": until, "type": type,
            "source_kind": source_kind}
    given = {k: v.strip(BLANK) for k, v in form.items() if v and v.strip(BLANK)}
    errors: list[str] = []
    results: list[Statement] = []
    top = []
    start = 0
    try:
        params = deps.SearchParams(**given, offset=(offset or "").strip(BLANK) or 0, limit=PAGE_SIZE + 1)
        start = params.offset
    except ValidationError as exc:
        errors, params = _errors(exc), None
    with store.reader() as conn:
        if params is not None and given:
            results = query.search(conn, **params.model_dump())
        elif params is not None:
            top = query.speakers(conn, limit=20)
    more = len(results) > PAGE_SIZE

    def page_link(at: int) -> str:
        return "/?" + urlencode({**given, "offset": at})

    return render(request, "search.html", status_code=400 if errors else 200, form=form, errors=errors,
                  results=results[:PAGE_SIZE], top=top, searched=bool(given) and not errors,
                  next_link=page_link(start + PAGE_SIZE) if more else None,
                  prev_link=page_link(max(0, start - PAGE_SIZE)) if start > 0 else None, offset=start)


@router.get("/speakers", summary="Speakers page")
def speakers_page(request: Request, store: Store = Depends(deps.store)) -> HTMLResponse:
    """The speakers with most statements."""
    with store.reader() as conn:
        rows = query.speakers(conn, limit=200)
    return render(request, "speakers.html", speakers=rows)


@router.get("/speakers/{speaker_id}", summary="Speaker page")
def speaker_page(request: Request, speaker_id: Id, store: Store = Depends(deps.store)) -> HTMLResponse:
    """One speaker: a timeline of statements per month, titles held, entities named most, and
    the latest statements."""
    with store.reader() as conn:
        detail = query.speaker_detail(conn, speaker_id, entities=20, recent=50)
    if detail is None:
        raise HTTPException(404, f"no speaker {speaker_id}")
    timeline = [p.model_dump() for p in detail.timeline]
    return render(request, "speaker.html", detail=detail, timeline=timeline)


def _rows(record: ArticleResult, statements: list[Statement] | None) -> list[dict]:
    """The attribution table: one row per attribution, with the store's speaker id when known.

    The store writes an article's attributions in record order and reads them back by their
    number, so the two lists pair up; if they ever do not, rows go without speaker links.
    """
    atts = sorted(record.attributions, key=lambda a: a.id)
    linked = statements if statements is not None and len(statements) == len(atts) else [None] * len(atts)
    rows = []
    for att, stored in zip(atts, linked):
        sp = att.speaker
        rows.append({
            "n": att.id, "speaker": sp.name if sp else None, "speaker_id": stored.speaker_id if stored else None,
            "mention": sp.mention.text if sp and sp.mention else None, "kind": sp.kind if sp else None,
            "title": sp.title if sp else None, "cue": att.cue.text if att.cue else None, "type": att.type,
            "date": att.date, "content": att.content, "parent": att.parent,
        })
    return rows


@router.get("/articles/{article_id}", summary="Article page")
def article_page(request: Request, article_id: Id, store: Store = Depends(deps.store)) -> HTMLResponse:
    """One stored article: its text with speakers, cues and contents highlighted, its quality
    flags, and the table of its attributions."""
    with store.reader() as conn:
        view = query.article(conn, article_id)
    if view is None:
        raise HTTPException(404, f"no article {article_id}")
    record = view.record
    return render(request, "article.html", view=view, record=record, segments=highlight(record),
                  rows=_rows(record, view.statements))


@router.get("/analyze", summary="Analyze page")
def analyze_form(request: Request) -> HTMLResponse:
    """A form to paste a text and its publication date; the result is shown, never stored."""
    return render(request, "analyze.html", text="", published="", errors=[], record=None)


@router.post("/analyze", summary="Analyze a pasted text", openapi_extra=ANALYZE_FORM)
async def analyze_page(request: Request, analyzer: Annotated[Analyzer, Depends(deps.analyzer)]) -> HTMLResponse:
    """The analyze form's result. Reads the url-encoded form itself (no multipart parser needed);
    the body limit applies as to every request."""
    body = await request.body()
    try:
        fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=10)
    except ValueError:  # over max_num_fields: not our form
        raise HTTPException(400, "not the analyze form: too many fields") from None
    if unknown := sorted(set(fields) - set(ANALYZE_FIELDS)):
        raise HTTPException(400, f"not the analyze form: unknown field {unknown[0]!r}")
    text = fix_surrogates(fields.get("text", [""])[0])
    published = fields.get("published", [""])[0].strip(BLANK)
    errors = []
    if published:
        try:
            if parse_date(published) != published:  # parse_date forgives more space than the schema says
                raise ValueError(f"{published!r} is not a date in the form YYYY-MM-DD")
        except ValueError as exc:
            errors.append(f"published: {exc}")
    if errors:
        return render(request, "analyze.html", status_code=400, text=text, published=published, errors=errors,
                      record=None)
    document = Document(text=text, source=SOURCE, published=published or None,
                        published_source="input" if published else None)
    try:
        [record] = await run_in_threadpool(analyzer.analyze, [document])
    except Busy as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": "10"}) from None
    return render(request, "analyze.html", text=text, published=published, errors=[], record=record,
                  segments=highlight(record), rows=_rows(record, None))
