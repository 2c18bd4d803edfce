"""Progress of a long run on stderr: documents done, ok, errors and rate.

Shown only when asked (--progress) or when stderr is a terminal, so that logs and pipes stay
clean. On a terminal the line is redrawn in place; elsewhere a line is written every few
seconds.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..schema import ArticleResult


class Progress:
    """Counts records as they pass and reports on `out` (TextIO, stderr by default)."""

    def __init__(self, out: TextIO | None = None, every: float | None = None):
        self.out = out or sys.stderr
        self.tty = self.out.isatty()
        self.every = every if every is not None else (0.2 if self.tty else 5.0)
        self.done = 0
        self.errors: Counter = Counter()
        self.start = self.last = time.monotonic()

    def line(self) -> str:
        elapsed = time.monotonic() - self.start
        rate = self.done / elapsed if elapsed else 0.0
        errors = sum(self.errors.values())
        kinds = ", ".join(f"{k} {n}" for k, n in self.errors.most_common(3))
        return (f"{self.done} documents, {self.done - errors} ok, {errors} errors"
                f"{f' ({kinds})' if kinds else ''}, {rate:.1f}/s, {elapsed:.0f} s")

    def _show(self, final: bool = False) -> None:
        if self.tty:
            self.out.write("\r\x1b[K" + self.line() + ("\n" if final else ""))
        else:
            self.out.write(self.line() + "\n")
        self.out.flush()

    def track(self, results: Iterable[ArticleResult]) -> Iterator[ArticleResult]:
        """The records (Iterable[ArticleResult]) unchanged, counted on the way."""
        for r in results:
            self.done += 1
            if r.error:
                self.errors[r.error.kind] += 1
            now = time.monotonic()
            if now - self.last >= self.every:
                self.last = now
                self._show()
            yield r
        self._show(final=True)
