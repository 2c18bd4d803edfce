"""A time limit on one step of work (analysing a document, extracting an HTML page).

The limit counts the process's CPU time, not the wall clock: a busy machine (other jobs on the
same cores) must not turn a normal article into a timeout; what the limit is for is input that
makes the work itself explode. In the main thread of a Unix process it is a CPU-time timer
(ITIMER_PROF, SIGPROF): its handler raises `TimeLimitExceeded` at the next Python instruction,
which interrupts our components, the Python parts of spaCy and of trafilatura. Elsewhere
(other threads, Windows) signals cannot be used: the limit is then only checked between steps with `Deadline.check`, so a step that hangs
is not cut short there. Native code that never returns to Python (a long C loop) is not
interrupted either way; the local engine's worker processes are the guard against that.
"""
from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class TimeLimitExceeded(Exception):
    """Raised when a step runs past its time limit."""


class Deadline:
    """A point in time after which `check()` raises.

    seconds (float | None): the CPU time allowed from now; None for no limit.
    """

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.at = time.process_time() + seconds if seconds else None

    def check(self) -> None:
        """Raise TimeLimitExceeded when the deadline has passed."""
        if self.at is not None and time.process_time() > self.at:
            raise TimeLimitExceeded(f"over the time limit of {self.seconds:g} s")


def _alarm_usable() -> bool:
    """Signal handlers can be set only in the main thread, on platforms with setitimer, and
    the timer must not be running already (a nested limit, or a profiler's: we would cancel it)."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_PROF)[0] == 0
    )


@contextmanager
def time_limit(seconds: float | None) -> Iterator[Deadline]:
    """Run the block under a limit of `seconds` of CPU time (float | None: no limit).

    Yields a Deadline whose `check()` the block may call between steps; where the timer is
    usable, the block is also interrupted mid-step. Raises TimeLimitExceeded when over.
    """
    deadline = Deadline(seconds)
    if not seconds or not _alarm_usable():
        yield deadline
        return

    def on_alarm(signum, frame):
        raise TimeLimitExceeded(f"over the time limit of {seconds:g} s")

    previous = signal.signal(signal.SIGPROF, on_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield deadline
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
