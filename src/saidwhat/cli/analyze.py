"""`saidwhat analyze` and `saidwhat schema`."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .. import output
from ..document import Document
from ..readers import read_paths
from ..readers.txt import read as read_txt
from . import app


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _documents(paths: list[str], published: Optional[str]):
    for p in paths:
        if p == "-":
            for doc in read_txt(sys.stdin.buffer.read(), "<stdin>"):
                if published:
                    doc.published, doc.published_source = published, "cli"
                yield doc
        elif not Path(p).exists():
            yield Document.failed(p, "invalid-record", "no such file or folder")
        else:
            yield from read_paths([p], published)


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Files or folders (.txt .html .jsonl), or - for stdin"),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs that carry none"),
    fmt: Format = typer.Option(Format.json, "--format", "-f", help="json | jsonl | table"),
    model: str = typer.Option("sm", help="spaCy model: sm, md (if installed) or a package name"),
    include_text: bool = typer.Option(False, "--text/--no-text", help="Include the analyzed text in each record"),
) -> None:
    """Extract attributions, entities, times, amounts and quality flags."""
    from ..engines.batch import analyze_batch
    from ..pipeline import load

    nlp = load(model)
    results = analyze_batch(nlp, _documents(paths, published), include_text=include_text)
    ok = 0
    if fmt is Format.jsonl:
        def counted():
            nonlocal ok
            for r in results:
                ok += r.status == "ok"
                yield r
        output.write_jsonl(counted(), sys.stdout)
    else:
        collected = list(results)
        ok = sum(r.status == "ok" for r in collected)
        (output.write_json if fmt is Format.json else output.write_table)(collected, sys.stdout)
    if ok == 0:
        raise typer.Exit(code=1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record."""
    from ..schema import json_schema

    json.dump(json_schema(), sys.stdout, indent=1)
    sys.stdout.write("\n")
