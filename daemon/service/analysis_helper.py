"""A second process that analyses part of a first scan's mail on another core.

A first scan of a big mailbox analyses hundreds of bodies one after another in the
account's thread, and analysis is most of its time once the headers are in; on a machine
with two cores the other one idles. The runner starts this helper (a spawned process, not a
forked one: the daemon has threads) once a first scan has kept enough headers for it to be
worth it, so the helper's start (its imports, the pattern cache) overlaps the rest of the
header fetch. The runner then hands the helper the end of each batch of bodies (the runner
also parses and applies every message, so its own share is the smaller one), fetches the next
batch before applying the current one, so the helper always has work, and applies every
message in order itself: the order of effects is the order of the mail, as without the helper.
A helper still starting when its first batch is needed is not waited for.

Results are exactly those of a scan without it. Analysis is a pure function of the bytes,
the user's addresses and the employers known so far, and the last grows as the scan applies
messages; a result is used only if the employer the analysis looks up
(:func:`daemon.understand.classify.employer_key`) is known now exactly when it was known
then, else the runner analyses the message again. Anything going wrong in the helper (it
died, it raised) only sends the message back to the runner, which analyses it as usual and
reports it as usual.

``FOLLOWUPD_ANALYSIS_HELPER=off`` turns it off.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from daemon import budget
from daemon.model import Analysis, Mail
from daemon.understand.analyze import analyze_mail
from daemon.understand.classify import employer_key
from daemon.understand.mail import parse

ENV = "FOLLOWUPD_ANALYSIS_HELPER"
#: what the helper returns for a message past its analysis budget
TOO_COSTLY = "too costly"
#: how often the runner, waiting for the helper, beats its heartbeat (seconds)
_WAIT_SLICE_S = 0.5


def enabled() -> bool:
    """Whether a helper may be started: not turned off, and a second core to run it on."""
    if os.environ.get(ENV, "").lower() in ("off", "0", "no", "false"):
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return cores >= 2


# ---------------------------------------------------------------------- in the helper


def _start() -> None:
    """The helper's first step: the patterns an earlier run kept (read, never written here)."""
    from daemon.service import pattern_cache

    pattern_cache.load()


def _ready() -> bool:
    return True


def analyse_raw(raw: bytes, users: frozenset[str], known: frozenset[str], seconds: float) -> Analysis | str:
    """One message's analysis within ``seconds`` of CPU, or TOO_COSTLY."""
    try:
        with budget.limit(seconds):
            return analyze_mail(parse(raw), users, known)
    except budget.TooCostly:
        return TOO_COSTLY


def analyse_many(
    raws: Sequence[bytes], users: frozenset[str], known: frozenset[str], seconds: float
) -> list[Analysis | str | None]:
    """Each message's analysis (None where it raised: the runner analyses that one again and
    reports what went wrong)."""
    out: list[Analysis | str | None] = []
    for raw in raws:
        try:
            out.append(analyse_raw(raw, users, known, seconds))
        except Exception:
            out.append(None)
    return out


# ---------------------------------------------------------------------- in the runner

#: the part of each batch the helper takes (its end): the runner also parses and applies
#: every message, which costs it about a third of what analysing one does
HELPER_SHARE = 0.6


class Helper:
    """The helper process, started at once (its start overlaps what the runner does next)."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_start
        )
        self.analysed = 0  # results the runner used
        self.stale = 0  # results set aside: an employer became known after they were made
        self._started = self._pool.submit(_ready)  # the pool starts its process at the first submit

    @property
    def alive(self) -> bool:
        return self._pool is not None

    @property
    def ready(self) -> bool:
        """Whether the helper process has started and answered."""
        return self._started.done() and not self._started.cancelled() and self._started.exception() is None

    def share(
        self,
        raws: Sequence[bytes],
        users: frozenset[str],
        known: frozenset[str],
        pulse: Callable[[], None] | None = None,
    ) -> Shared:
        """Hand the helper the end of this batch; the runner analyses the rest itself."""
        cut = len(raws) - round(len(raws) * HELPER_SHARE)
        future = None
        if self._pool is not None and self._died():
            # the pool learns of a dead process in its own thread, a moment later: until then a
            # submit is accepted, and the future may be cancelled before that thread fails it
            self.close()
        if self._pool is not None and cut < len(raws):
            try:
                future = self._pool.submit(analyse_many, raws[cut:], users, known, budget.ANALYSIS_BUDGET_S)
            except RuntimeError:  # broken or shut down: the runner analyses everything itself
                self.close()
        return Shared(self, future, cut, known, pulse)

    def _died(self) -> bool:
        """Whether the helper's process has ended (it is killed, or crashed)."""
        processes = getattr(self._pool, "_processes", None) or {}
        return any(not p.is_alive() for p in list(processes.values()))

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


class Shared:
    """One batch, its end handed to the helper; the runner takes each result in order."""

    def __init__(
        self,
        helper: Helper,
        future: Future[list[Analysis | str | None]] | None,
        cut: int,
        known: frozenset[str],
        pulse: Callable[[], None] | None,
    ) -> None:
        self._helper = helper
        self._future = future
        self._cut = cut
        self._known = known
        self._pulse = pulse
        self._results: list[Analysis | str | None] | None = None

    def take(self, i: int, mail: Mail, known: frozenset[str]) -> Analysis | None:
        """Message ``i``'s analysis if the helper made it and it can be used as it is, else
        None (the runner analyses it now).

        ``mail`` is that message parsed, ``known`` the employers known now. Raises
        budget.TooCostly when the helper's analysis ran out of its budget.
        """
        if i < self._cut:
            return None
        results = self._wait()
        if results is None or i - self._cut >= len(results):
            return None
        result = results[i - self._cut]
        if result is None:
            return None
        key = employer_key(mail)
        if key is not None and (key in self._known) != (key in known):
            self._helper.stale += 1
            return None  # an employer learnt since: the answer may differ
        self._helper.analysed += 1
        if result == TOO_COSTLY:
            raise budget.TooCostly("too costly to analyse")
        assert isinstance(result, Analysis)
        return result

    def _wait(self) -> list[Analysis | str | None] | None:
        if self._results is not None or self._future is None:
            return self._results
        f, self._future = self._future, None
        if not self._helper.ready and f.cancel():
            return None  # the helper is still starting: the runner does this batch itself
        while True:
            try:
                self._results = f.result(timeout=_WAIT_SLICE_S)
                return self._results
            except FutureTimeout:
                if self._pulse is not None:
                    self._pulse()
            except Exception:  # the helper died: the runner analyses everything itself
                self._helper.close()
                return None
