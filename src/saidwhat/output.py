"""Writing records as JSON, JSON Lines, CSV or a terminal table.

Every writer streams: a record is written as soon as it comes, so a long run shows results
early and memory does not grow with the number of documents. Every document appears in
every format, ok or with its error.
"""
from __future__ import annotations

import csv
import json
import shutil
import textwrap
from collections.abc import Iterable
from typing import TextIO

from .schema import ArticleResult

CSV_COLUMNS = [
    "document_id", "source", "status", "error_kind", "error_message", "published",
    "attribution_id", "speaker", "speaker_kind", "cue", "content", "type", "date", "date_source",
    "parent", "continues",
]


def write_json(results: Iterable[ArticleResult], out: TextIO) -> None:
    """One object for one document, an array for several (results: Iterable[ArticleResult]).

    Streams: the first record is held until a second one shows whether an array is needed.
    """
    first: str | None = None
    count = 0
    for r in results:
        data = json.dumps(r.model_dump(mode="json"), ensure_ascii=False, indent=1)
        count += 1
        if count == 1:
            first = data
            continue
        if count == 2:
            out.write("[\n" + first)
        out.write(",\n" + data)
        out.flush()
    if count == 0:
        out.write("[]\n")
    elif count == 1:
        out.write(first + "\n")
    else:
        out.write("\n]\n")


def write_jsonl(results: Iterable[ArticleResult], out: TextIO) -> None:
    """One JSON object a line, flushed after each (results: Iterable[ArticleResult])."""
    for r in results:
        out.write(r.model_dump_json() + "\n")
        out.flush()


def csv_rows(r: ArticleResult) -> list[dict]:
    """The CSV rows of one record: one per attribution; a document with no attribution, or
    with an error, gets one row with the attribution columns empty, so that it still shows."""
    base = {
        "document_id": r.id or r.source, "source": r.source, "status": r.status,
        "error_kind": r.error.kind if r.error else "", "error_message": r.error.message if r.error else "",
        "published": r.published or "",
    }
    if not r.attributions:
        return [base]
    return [
        {
            **base,
            "attribution_id": a.id,
            "speaker": (a.speaker.name or (a.speaker.mention.text if a.speaker.mention else "")) if a.speaker else "",
            "speaker_kind": (a.speaker.kind or "") if a.speaker else "",
            "cue": a.cue.text if a.cue else "",
            "content": a.content,
            "type": a.type,
            "date": a.date or "",
            "date_source": a.date_source or "",
            "parent": "" if a.parent is None else a.parent,
            "continues": "" if a.continues is None else a.continues,
        }
        for a in r.attributions
    ]


def write_csv(results: Iterable[ArticleResult], out: TextIO) -> None:
    """CSV with a header, one row per attribution (results: Iterable[ArticleResult])."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, restval="")
    writer.writeheader()
    for r in results:
        writer.writerows(csv_rows(r))
        out.flush()


def _clip(s: str | None, width: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


# The table's columns before CONTENT and their widths; each value is clipped to one less, so
# that a space always separates it from the next ("indirect" is 8 characters).
TABLE_COLUMNS = (("SPEAKER", 24), ("CUE", 12), ("DATE", 11), ("TYPE", 9))
TABLE_LEFT = sum(w for _, w in TABLE_COLUMNS)


def _row(values: Iterable[str | None]) -> str:
    return "".join(f"{_clip(v, w - 1):<{w}}" for v, (_, w) in zip(values, TABLE_COLUMNS))


def write_table(results: Iterable[ArticleResult], out: TextIO) -> None:
    """A readable view: one block per document, one row per attribution."""
    width = max(80, shutil.get_terminal_size((120, 20)).columns)
    content_w = width - TABLE_LEFT
    for r in results:
        name = r.id or r.source
        if r.status == "error":
            out.write(f"== {name}: ERROR {r.error.kind}: {r.error.message}\n\n")
            out.flush()
            continue
        out.write(f"== {name}  published {r.published or '?'}  {len(r.attributions)} attributions\n")
        out.write(_row(c for c, _ in TABLE_COLUMNS) + "CONTENT\n")
        for a in r.attributions:
            speaker = a.speaker.name if a.speaker and a.speaker.name else "-"
            lines = textwrap.wrap(" ".join(a.content.split()), content_w) or [""]
            out.write(_row([speaker, a.cue.text if a.cue else "-", a.date or "-", a.type]) + lines[0] + "\n")
            for more in lines[1:]:
                out.write(" " * TABLE_LEFT + more + "\n")
        out.write("\n")
        out.flush()


WRITERS = {"json": write_json, "jsonl": write_jsonl, "csv": write_csv, "table": write_table}
