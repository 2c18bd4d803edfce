"""Writing records as JSON, JSON Lines, CSV or a terminal table."""
from __future__ import annotations

import json
import shutil
import textwrap
from collections.abc import Iterable
from typing import TextIO

from .schema import ArticleResult


def write_json(results: list[ArticleResult], out: TextIO) -> None:
    """One object for one document, an array for several."""
    data = [r.model_dump(mode="json", exclude_none=False) for r in results]
    json.dump(data[0] if len(data) == 1 else data, out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_jsonl(results: Iterable[ArticleResult], out: TextIO) -> None:
    for r in results:
        out.write(r.model_dump_json() + "\n")
        out.flush()


def _clip(s: str | None, width: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


def write_table(results: Iterable[ArticleResult], out: TextIO) -> None:
    """A readable view: one block per document, one row per attribution."""
    width = max(80, shutil.get_terminal_size((120, 20)).columns)
    content_w = width - 24 - 12 - 11 - 8
    for r in results:
        name = r.id or r.source
        if r.status == "error":
            out.write(f"== {name}: ERROR {r.error.kind}: {r.error.message}\n\n")
            continue
        out.write(f"== {name}  published {r.published or '?'}  {len(r.attributions)} attributions\n")
        out.write(f"{'SPEAKER':<24}{'CUE':<12}{'DATE':<11}{'TYPE':<8}CONTENT\n")
        for a in r.attributions:
            speaker = a.speaker.name if a.speaker and a.speaker.name else "-"
            lines = textwrap.wrap(" ".join(a.content.split()), content_w) or [""]
            out.write(f"{_clip(speaker, 23):<24}{_clip(a.cue.text if a.cue else '-', 11):<12}"
                      f"{a.date or '-':<11}{a.type:<8}{lines[0]}\n")
            for more in lines[1:]:
                out.write(" " * (24 + 12 + 11 + 8) + more + "\n")
        out.write("\n")
