"""`saidwhat ingest`, `load`, `query`, `speakers` and `export`: the store from the command line."""
from __future__ import annotations

import csv
import json
import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from pydantic import BaseModel

from . import app

DB_OPTION = typer.Option("corpus.db", "--db", help="The store: one SQLite file")


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


class StatementType(str, Enum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


class SourceKind(str, Enum):
    named = "named"
    group = "group"
    unnamed = "unnamed"
    other = "other"


def _existing(db: str) -> str:
    if not Path(db).is_file():
        typer.echo(f"no store at {db}: run `saidwhat ingest PATH... --db {db}` first", err=True)
        raise typer.Exit(code=2)
    return db


def _clip(s: str | None, width: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _write(rows: list[BaseModel], fmt: Format, columns: list[tuple[str, int]]) -> None:
    """rows as JSON, CSV (every field) or a table of `columns` (field, width; 0 = the rest)."""
    data = [r.model_dump(mode="json") for r in rows]
    if fmt is Format.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif fmt is Format.csv:
        if data:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(data[0]))
            writer.writeheader()
            writer.writerows(data)
    else:
        rest = max(20, shutil.get_terminal_size((120, 20)).columns - sum(w for _, w in columns))
        widths = [(name, w or rest) for name, w in columns]
        sys.stdout.write("".join(f"{name.upper():<{w}}" for name, w in widths).rstrip() + "\n")
        for row in data:
            cells = [f"{_clip('' if row[n] is None else str(row[n]), w - 1):<{w}}" for n, w in widths]
            sys.stdout.write("".join(cells).rstrip() + "\n")


def _exit_if_nothing_stored(summary) -> None:
    """Print an IngestSummary's line; exit 1 when there was input and none of it is in the store."""
    typer.echo(summary.line(), err=True)
    if summary.documents and not summary.ok and not summary.already_stored and not summary.duplicates:
        raise typer.Exit(code=1)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(
        ..., help="Files or folders: .txt .html .jsonl(.gz) .warc(.gz) .parquet; - for stdin; with Ray also URLs"),
    db: str = DB_OPTION,
    jobs: Optional[int] = typer.Option(
        None, "--jobs", "-j", help="Worker processes, or Ray actors (default: every core, or every CPU of the cluster)"),
    model: str = typer.Option("sm", help="spaCy model: sm, md (if installed) or a package name"),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs that carry none"),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr"),
    engine: Engine = typer.Option(
        Engine.local, help="local: worker processes here; ray: Ray Data on a cluster (pip install 'saidwhat\\[ray]')"),
    address: Optional[str] = typer.Option(
        None, help="Ray: the cluster (auto, HOST:PORT); default: RAY_ADDRESS, else a Ray started here"),
    output: str = typer.Option(
        "saidwhat-runs", help="Ray: folder or URL (s3://...) that gets a new run-<time>-<id> folder of Parquet"),
    gpus: float = typer.Option(0.0, help="Ray: GPUs per actor, for a model that runs on GPU"),
    load: bool = typer.Option(True, "--load/--no-load", help="Ray: import the run's Parquet into --db"),
) -> None:
    """Analyze a corpus into the store; a rerun skips what is stored, so a killed run resumes.

    With --engine ray the analysis runs on a Ray cluster and writes Parquet records to a new
    folder under --output, which is then loaded into --db (see `saidwhat load`); a rerun
    analyzes everything again, and the load keeps one copy of each article.
    """
    if engine is Engine.ray:
        _ingest_on_ray(paths, db, jobs, model, published, progress, address, output, gpus, load)
        return
    from ..store.ingest import ingest as run

    _exit_if_nothing_stored(run(paths, db, jobs=jobs, model=model, published=published, progress=progress))


def _ingest_on_ray(paths: list[str], db: str, jobs: Optional[int], model: str, published: Optional[str],
                   progress: bool, address: Optional[str], output: str, gpus: float, load: bool) -> None:
    if "-" in paths:
        typer.echo("--engine ray reads files, folders and URLs, not standard input", err=True)
        raise typer.Exit(code=2)
    try:
        from ..engines.ray_engine import run
    except ImportError as exc:
        typer.echo(f"--engine ray needs Ray: pip install 'saidwhat[ray]' ({exc})", err=True)
        raise typer.Exit(code=2)
    try:
        result = run(paths, output, address=address, actors=jobs, gpus=gpus, model=model, published=published,
                     progress=progress)
    except (ValueError, FileNotFoundError) as exc:  # no input file, no GPU in the cluster
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2)
    rate = result.records / result.seconds if result.seconds else 0.0
    typer.echo(f"{result.records} records in {result.seconds:.1f} s ({rate:.1f}/s): {result.folder}", err=True)
    if load:
        from ..store.load import load_parquet

        _exit_if_nothing_stored(load_parquet(result.folder, db))


@app.command("load")
def load_command(
    parquet: str = typer.Argument(..., help="Folder, file or URL of Parquet records from `ingest --engine ray`"),
    db: str = DB_OPTION,
) -> None:
    """Import Parquet records into the store; what is stored already is skipped, so a rerun adds nothing."""
    from ..store.load import load_parquet

    try:
        summary = load_parquet(parquet, db)
    except RuntimeError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2)
    _exit_if_nothing_stored(summary)


@app.command()
def query(
    db: str = DB_OPTION,
    speaker: Optional[str] = typer.Option(None, help="Speaker name: 'Blinken', 'Antony Blinken'"),
    text: Optional[str] = typer.Option(None, help="Words the statement must contain (full-text search)"),
    since: Optional[str] = typer.Option(None, help="From this date (YYYY[-MM[-DD]]), inclusive"),
    until: Optional[str] = typer.Option(None, help="Up to this date (YYYY[-MM[-DD]]), inclusive"),
    type: Optional[StatementType] = typer.Option(None, "--type", help="direct | indirect | mixed"),
    source_kind: Optional[SourceKind] = typer.Option(None, help="named | group | unnamed | other"),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json | csv"),
    limit: int = typer.Option(50, help="At most this many statements"),
    offset: int = typer.Option(0, help="Skip this many first"),
) -> None:
    """Statements by speaker, words, date (statement date, else publication date: see DATE_KIND)."""
    from ..store.query import search

    rows = search(_existing(db), speaker=speaker, text=text, since=since, until=until,
                  type=type.value if type else None, source_kind=source_kind.value if source_kind else None,
                  limit=limit, offset=offset)
    _write(rows, fmt, [("date", 11), ("date_kind", 10), ("speaker", 22), ("type", 9), ("content", 0)])


@app.command()
def speakers(
    db: str = DB_OPTION,
    limit: int = typer.Option(30, help="At most this many speakers"),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json | csv"),
) -> None:
    """Speakers with most statements, with their first and last statement date."""
    from ..store.query import speakers as top

    _write(top(_existing(db), limit=limit), fmt,
           [("statements", 11), ("first_date", 11), ("last_date", 11), ("kind", 13), ("name", 0)])


@app.command()
def export(
    db: str = DB_OPTION,
    parquet: Path = typer.Option(..., "--parquet", help="Folder for one Parquet file per table"),
) -> None:
    """Export the store to Parquet for analytics (needs: pip install 'saidwhat\\[parquet]')."""
    from ..store.export import export_parquet

    try:
        counts = export_parquet(_existing(db), parquet)
    except RuntimeError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2)
    for table, n in counts.items():
        typer.echo(f"{parquet / (table + '.parquet')}: {n} rows", err=True)
