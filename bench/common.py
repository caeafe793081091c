"""Shared pieces of the performance benchmarks: the machine, a private Dovecot, configs,
delivery, child processes that never outlive the benchmark, and an IMAP command counter.

Every benchmark talks only to loopback. Nothing here is part of the test suite.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import imaplib
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, Any

REPO = Path(__file__).resolve().parents[1]
# the project (daemon, connectors) and its test helpers (tests/dovecot.py)
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from dovecot import Dovecot, User, dovecot_available  # type: ignore[import-not-found,unused-ignore]  # noqa: E402

VENV_PY = REPO / ".venv" / "bin" / "python"
PYTHON = str(VENV_PY) if VENV_PY.exists() else sys.executable
FOLLOWUPD_BIN = REPO / ".venv" / "bin" / "followupd"


def followupd_cmd() -> list[str]:
    """How a user starts followupd: the installed console script, else ``python -m daemon``."""
    if FOLLOWUPD_BIN.exists():
        return [str(FOLLOWUPD_BIN)]
    return [PYTHON, "-m", "daemon"]


# ---------------------------------------------------------------------- the machine


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def revision() -> str:
    """The commit measured (others commit to the tree while benchmarks run), with + when dirty."""
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + ("+dirty" if dirty else "") if head else "unknown"


def machine_line() -> str:
    return (
        f"revision: {revision()}\n"
        f"machine: nproc={os.cpu_count()}, cpu={cpu_model()!r}, python={platform.python_version()}, "
        f"date={dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}, "
        f"loadavg={' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )


# ---------------------------------------------------------------------- statistics


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), nearest-rank: a value that was actually measured."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


# ---------------------------------------------------------------------- cleanup


@dataclass
class Session:
    """Everything a benchmark started; :meth:`close` stops it all, children first."""

    root: Path
    servers: list[Dovecot] = field(default_factory=list)
    children: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def dovecot(self) -> Dovecot:
        why = dovecot_available()
        if why is not None:
            raise SystemExit(f"cannot run: {why}")
        server = Dovecot()
        self.servers.append(server)
        server.start()
        return server

    def spawn(self, argv: Sequence[str], **kw: Any) -> subprocess.Popen[bytes]:
        """Start a child that gets SIGTERM should this process die without cleaning up (SIGKILL)."""
        proc = subprocess.Popen(list(argv), preexec_fn=_term_with_parent, **kw)
        self.children.append(proc)
        return proc

    def close(self) -> None:
        for proc in self.children:
            stop_child(proc)
        for server in self.servers:
            server.cleanup()
        import shutil

        shutil.rmtree(self.root, ignore_errors=True)


def _term_with_parent() -> None:
    """In the child: SIGTERM when the parent dies (Linux PR_SET_PDEATHSIG); best effort elsewhere."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def stop_child(proc: subprocess.Popen[bytes], grace: float = 15.0) -> int | None:
    """SIGTERM, then SIGKILL after ``grace`` seconds; the exit code."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
    return proc.returncode


def _term_as_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@contextlib.contextmanager
def session(prefix: str) -> Iterator[Session]:
    """A scratch dir plus the Dovecots and children started in it, all gone on exit.

    SIGTERM and SIGHUP unwind like Ctrl-C, so ``finally`` runs whichever ends the run.
    """
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _term_as_interrupt)
    s = Session(Path(tempfile.mkdtemp(prefix=f"fud-bench-{prefix}-")))
    try:
        yield s
    except KeyboardInterrupt:
        print("\ninterrupted; cleaning up", file=sys.stderr)
        raise SystemExit(130) from None
    finally:
        s.close()


# ---------------------------------------------------------------------- config and mail


@dataclass(frozen=True)
class BenchAccount:
    name: str
    server: Dovecot
    user: User

    @property
    def env(self) -> str:
        return f"FUD_BENCH_PW_{self.name.upper()}"


def write_config(
    path: Path,
    state: Path,
    accounts: Sequence[BenchAccount],
    *,
    lookback_days: int = 90,
    addresses: Sequence[str] = ("alex@example.com",),
) -> Path:
    blocks = [
        f'[daemon]\nstate_dir = "{state}"\nlog_level = "info"\nlookback_days = {lookback_days}\n'
        'timezone = "UTC"\nuser_name = "Alex Rivera"\n'
    ]
    for a in accounts:
        blocks.append(
            f'[[accounts]]\nname = "{a.name}"\nhost = "127.0.0.1"\nport = {a.server.port}\nsecurity = "plain"\n'
            f'username = "{a.user.name}"\npassword_env = "{a.env}"\naddresses = {list(addresses)!r}\n'
            "timeout_seconds = 30.0\n"
        )
    path.write_text("\n".join(blocks))
    return path


def child_env(accounts: Sequence[BenchAccount]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NOTIFY_", "WATCHDOG_", "LISTEN_"))}
    env.update({a.env: a.user.password for a in accounts})
    env["PYTHONUNBUFFERED"] = "1"
    # the console script's editable install maps `daemon` to the checkout it was installed
    # from (/work/main); a git worktree sharing that .venv would otherwise time main's code
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    return env


def deliver(server: Dovecot, user: User, messages: Sequence[tuple[bytes, dt.datetime]], batch: int = 250) -> float:
    """APPEND every message to INBOX with its INTERNALDATE (MULTIAPPEND batches); seconds taken."""
    from dovecot import client_for  # type: ignore[import-not-found,unused-ignore]

    t0 = time.monotonic()
    c = client_for(server, user)
    try:
        for i in range(0, len(messages), batch):
            chunk = messages[i : i + batch]
            c.multiappend("INBOX", [{"msg": raw, "flags": (), "date": when} for raw, when in chunk])
    finally:
        c.logout()
    return time.monotonic() - t0


# ---------------------------------------------------------------------- the daemon's log


class LogReader(threading.Thread):
    """Reads the daemon's JSON log lines as they arrive, stamping each with our monotonic clock."""

    def __init__(self, stream: IO[bytes], sink: Path) -> None:
        super().__init__(daemon=True)
        self.stream = stream
        self.sink = sink
        self.entries: list[tuple[float, dict[str, Any]]] = []
        self._cond = threading.Condition()
        self._next = 0  # wait_for's position: each entry is handed out once

    def run(self) -> None:
        with self.sink.open("wb") as keep:
            for raw in iter(self.stream.readline, b""):
                at = time.monotonic()
                keep.write(raw)
                try:
                    entry = json.loads(raw)
                except ValueError:
                    continue
                if isinstance(entry, dict):
                    with self._cond:
                        self.entries.append((at, entry))
                        self._cond.notify_all()

    def wait_for(self, pred: Any, timeout: float) -> tuple[float, dict[str, Any]] | None:
        """The next entry (after those handed out before) that satisfies ``pred``."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                while self._next < len(self.entries):
                    at, entry = self.entries[self._next]
                    self._next += 1
                    if pred(entry):
                        return at, entry
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(left)

    def wait_seen(self, pred: Any, timeout: float) -> bool:
        """Whether any entry so far, or one arriving within ``timeout``, satisfies ``pred``."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not any(pred(e) for _, e in self.entries):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            return True

    def wait_scanned(self, proc: subprocess.Popen[bytes], accounts: Sequence[str], timeout: float) -> None:
        """Until the daemon is "ready" and every account logged its first "pass" (the initial scan).

        "ready" alone means connected: the initial scan may still be running. A pass is
        logged only when it saw mail, so every account needs some mail in INBOX.
        """
        for name in ("ready", *accounts):
            if name == "ready":
                ok = self.wait_seen(lambda e: e.get("event") == "ready", timeout)
            else:
                ok = self.wait_seen(lambda e, n=name: e.get("event") == "pass" and e.get("account") == n, timeout)
            if not ok:
                raise SystemExit(f"followupd: no {name!r} within {timeout:.0f}s (exit code {proc.poll()})")


# ---------------------------------------------------------------------- IMAP command counting


class CommandCounter:
    """Counts IMAP commands this process sends, by name, while active.

    imapclient sends through imaplib's ``_command`` (LOGIN, SELECT, STATUS, IDLE…) or its
    own ``_raw_command`` (FETCH, SEARCH, APPEND); both are wrapped.
    """

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._saved: list[tuple[type, str, Any]] = []

    def _note(self, name: object) -> None:
        text = name.decode() if isinstance(name, bytes) else str(name)
        with self._lock:
            self.counts[text.upper()] += 1

    def __enter__(self) -> CommandCounter:
        from imapclient import IMAPClient

        counter = self
        orig_command = getattr(imaplib.IMAP4, "_command")  # noqa: B009  (private: mypy's stubs lack it)
        orig_raw = IMAPClient._raw_command

        def command(imap: imaplib.IMAP4, name: str, *args: Any) -> Any:
            counter._note(name)
            return orig_command(imap, name, *args)

        def raw_command(client: IMAPClient, command: bytes, args: Any, uid: bool = True) -> Any:
            counter._note(("UID " if uid and client.use_uid else "") + command.decode())
            return orig_raw(client, command, args, uid)

        self._saved = [(imaplib.IMAP4, "_command", orig_command), (IMAPClient, "_raw_command", orig_raw)]
        setattr(imaplib.IMAP4, "_command", command)  # noqa: B010
        setattr(IMAPClient, "_raw_command", raw_command)  # noqa: B010
        return self

    def __exit__(self, *exc: object) -> None:
        for owner, name, orig in self._saved:
            setattr(owner, name, orig)
        self._saved = []

    def reset(self) -> None:
        with self._lock:
            self.counts.clear()

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def describe(self) -> str:
        return ", ".join(f"{k}×{v}" for k, v in sorted(self.counts.items()))
