"""A bound on the work spent analysing one message, checked from inside the analysers.

The analysers stay pure: they call :func:`checkpoint` between stages and inside their
scanning loops, which does nothing unless the caller (the runner) set a budget for this
thread with :func:`limit`. With one set, each checkpoint also calls ``pulse`` (the account
thread's heartbeat, so the systemd watchdog sees a thread that is working, not hung) and
raises :class:`TooCostly` once the budget is spent.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from daemon.errors import FollowupdError

#: CPU seconds of the analysing thread one message may cost. A bounded analysis of the
#: worst message bench/hostile.py knows costs well under a second; this is the safety net
#: for one it does not know. CPU time, not wall time: a busy machine slows every message
#: without making any of them hostile.
ANALYSIS_BUDGET_S = 20.0


class TooCostly(FollowupdError):
    """A message whose analysis exceeded its budget: skipped, never retried."""


@dataclass
class _Budget:
    deadline: float
    pulse: Callable[[], None] | None
    clock: Callable[[], float]
    spent: bool = False

    def check(self) -> None:
        if self.pulse is not None:
            self.pulse()
        if self.clock() > self.deadline:
            self.spent = True
            raise TooCostly("too costly to analyse")


_current: ContextVar[_Budget | None] = ContextVar("followupd_analysis_budget", default=None)


@contextlib.contextmanager
def limit(
    seconds: float = ANALYSIS_BUDGET_S,
    *,
    pulse: Callable[[], None] | None = None,
    clock: Callable[[], float] = time.thread_time,
) -> Iterator[None]:
    """Bound the analysis run inside the block: ``checkpoint`` raises TooCostly past it."""
    token = _current.set(_Budget(clock() + seconds, pulse, clock))
    try:
        yield
    finally:
        _current.reset(token)


def checkpoint() -> None:
    """A point where analysis may stop: beat, and raise TooCostly if the budget is spent."""
    b = _current.get()
    if b is not None:
        b.check()
