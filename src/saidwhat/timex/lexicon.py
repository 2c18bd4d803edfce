"""The word lists of time expressions, read once from the TSV files in ``data/``.

Each file holds one entry per line, columns separated by tabs; '#' starts a comment.
Adding a holiday or a number word is a one-line change there, not an edit to code.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def rows(name: str) -> list[list[str]]:
    """The rows (lists of column strings) of ``data/<name>.tsv``."""
    text = resources.files(__package__).joinpath("data", f"{name}.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append([c.strip() for c in line.split("\t")])
    return out


@lru_cache(maxsize=None)
def table(name: str, lower: bool = True) -> dict[str, tuple[str, ...]]:
    """``data/<name>.tsv`` as a dict: first column (lowercased when ``lower``) → the other columns."""
    return {(r[0].lower() if lower else r[0]): tuple(r[1:]) for r in rows(name)}


def column(name: str, lower: bool = True) -> dict[str, str]:
    """``data/<name>.tsv`` as a dict: first column → second column."""
    return {k: v[0] for k, v in table(name, lower).items()}


def alternation(words, escape: bool = True) -> str:
    """A regex alternation of ``words`` (iterable of str), longest first so that it prefers
    "Christmas Day" to "Christmas"; spaces match any run of whitespace."""
    import re

    parts = sorted(set(words), key=len, reverse=True)
    if escape:
        parts = [re.escape(p).replace(r"\ ", r"\s+") for p in parts]
    return "(?:" + "|".join(parts) + ")"
