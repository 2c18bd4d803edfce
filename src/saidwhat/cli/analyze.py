"""`saidwhat analyze` and `saidwhat schema`."""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from enum import Enum
from typing import Optional

import typer

from .. import output, settings
from ..document import Document, parse_date, unique_ids
from ..schema import ArticleResult
from . import app


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


class RunOn(str, Enum):
    separate = "separate"
    merge = "merge"


class InputFormat(str, Enum):
    auto = "auto"
    txt = "txt"
    html = "html"
    jsonl = "jsonl"
    warc = "warc"


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def documents(paths: list[str], published: Optional[str], input_format: InputFormat) -> Iterator[Document]:
    """Documents from paths (list[str], '-' for stdin), with ids made unique across the run."""
    from ..readers import read_paths, read_stdin, read_stream, with_published

    def each() -> Iterator[Document]:
        for p in paths:
            if p == "-":
                forced = None if input_format is InputFormat.auto else input_format.value
                yield from read_stdin(published=published, fmt=forced)
            elif input_format is not InputFormat.auto and os.path.isfile(p):
                with open(p, "rb") as stream:
                    yield from with_published(read_stream(stream, p, input_format.value, p.endswith(".gz")), published)
            else:
                yield from read_paths([p], published)

    return unique_ids(each())


def _count_ok(results: Iterator[ArticleResult], counter: list[int]) -> Iterator[ArticleResult]:
    for r in results:
        counter[0] += r.status == "ok"
        yield r


@app.command()
def analyze(
    paths: list[str] = typer.Argument(
        ..., help="Files or folders (.txt .html .jsonl .jsonl.gz .warc .warc.gz), or - for stdin"
    ),
    published: Optional[str] = typer.Option(
        None, callback=_check_date, help="Publication date (YYYY-MM-DD) for inputs that carry none"
    ),
    fmt: Format = typer.Option(Format.json, "--format", "-f", help="json | jsonl | table | csv"),
    input_format: InputFormat = typer.Option(
        InputFormat.auto, "--input-format", help="Read every input as this format (auto: by extension; stdin: sniffed)"
    ),
    model: str = typer.Option("sm", help="spaCy model: sm, md (if installed) or a package name; learned: the learned attribution tagger (the learned extra)"),
    include_text: bool = typer.Option(False, "--text/--no-text", help="Include the analyzed text in each record"),
    run_on: RunOn = typer.Option(
        RunOn.separate, "--run-on",
        help="A quote that runs on into the next sentence: its own attribution, linked by 'continues' "
        "(separate), or one attribution with its cue's quote, content in fragments (merge, as PARC/PolNeAR annotate)",
    ),
    progress: Optional[bool] = typer.Option(
        None, "--progress/--no-progress", help="Progress on stderr (default: when stderr is a terminal)"
    ),
    time_limit: float = typer.Option(
        settings.MAX_SECONDS_PER_DOC, "--time-limit", min=0, help="CPU seconds per document (0: no limit)"
    ),
) -> None:
    """Extract attributions, entities, times, amounts and quality flags.

    Every input document gives one record, ok or with its error; the exit code is 1 only when
    no document could be analyzed.
    """
    from ..engines.batch import analyze_batch
    from ..pipeline import load
    from ..records import merge_run_on
    from .progress import Progress

    try:
        nlp = load(model)
    except RuntimeError as exc:  # an optional model or extra that is not installed
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    results = analyze_batch(
        nlp, documents(paths, published, input_format), include_text=include_text, seconds=time_limit or None
    )
    if run_on is RunOn.merge:
        results = map(merge_run_on, results)
    if progress or (progress is None and sys.stderr.isatty()):
        results = Progress().track(results)
    ok = [0]
    try:
        output.WRITERS[fmt.value](_count_ok(results, ok), sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # `saidwhat analyze ... | head`: the reader left, which is no error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    if ok[0] == 0:
        raise typer.Exit(code=1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record."""
    from ..schema import json_schema

    json.dump(json_schema(), sys.stdout, indent=1)
    sys.stdout.write("\n")
