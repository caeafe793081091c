"""Footprint of the idle daemon, and the start time of ``followupd --help``.

Starts a private Dovecot with two users (two IMAP accounts), each with ``--mail``
generated messages in INBOX, runs ``followupd -c CFG run`` until it has logged "ready"
and, for each account, the "pass" of its initial scan, lets it settle, then watches it
idle for ``--idle`` seconds (default 60):

- peak RSS: ``VmHWM`` from /proc/PID/status at the end (the whole process, every
  thread, over its whole life including the initial scan), plus ``VmRSS`` now;
- CPU: (utime + stime) from /proc/PID/stat over the idle window, as a share of one core.

Then times ``followupd --help`` ``--runs`` times (default 20) against ``python -c pass``
for scale, and prints the medians.

Usage::

    .venv/bin/python bench/footprint.py [--idle 60] [--mail 1000] [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    PYTHON,
    BenchAccount,
    LogReader,
    Session,
    child_env,
    deliver,
    followupd_cmd,
    machine_line,
    median,
    session,
    write_config,
)
from gen_mailbox import generate

TICK = os.sysconf("SC_CLK_TCK")


def status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


def cpu_seconds(pid: int) -> float:
    """utime + stime of the whole process (all threads), in seconds."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    # fields[0] is field 3 (state); utime and stime are fields 14 and 15
    return (int(fields[11]) + int(fields[12])) / TICK


def thread_cpu(pid: int) -> dict[int, float]:
    """utime + stime per thread (TID -> seconds); the main thread's TID is the PID."""
    out = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:
            continue  # the thread ended meanwhile
        fields = stat[stat.rindex(")") + 2 :].split()
        out[int(task.name)] = (int(fields[11]) + int(fields[12])) / TICK
    return out


def idle_daemon(s: Session, args: argparse.Namespace) -> None:
    server = s.dovecot()
    accounts = [BenchAccount(name, server, server.new_user()) for name in ("personal", "work")]
    now = datetime.now(UTC).replace(microsecond=0)
    for seed, acc in enumerate(accounts, 1):
        # at least one message each: the daemon logs an account's first pass only when it saw mail
        mails = generate(max(1, args.mail), now=now, lookback_days=60, seed=seed)
        deliver(server, acc.user, [(g.raw, g.when) for g in mails])
    cfg = write_config(s.root / "config.toml", s.root / "state", accounts, lookback_days=90)
    t0 = time.monotonic()
    proc = s.spawn(
        [*followupd_cmd(), "-c", str(cfg), "run"],
        env=child_env(accounts),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    reader = LogReader(proc.stderr, s.root / "followupd.log")
    reader.start()
    reader.wait_scanned(proc, [a.name for a in accounts], 600)
    ready = time.monotonic() - t0
    time.sleep(args.settle)
    pid = proc.pid
    threads = status_kb(pid, "Threads")
    per0 = thread_cpu(pid)
    cpu0, wall0 = cpu_seconds(pid), time.monotonic()
    rss_max = 0
    while time.monotonic() - wall0 < args.idle:
        if proc.poll() is not None:
            raise SystemExit(f"followupd exited during the idle window ({proc.returncode})")
        rss_max = max(rss_max, status_kb(pid, "VmRSS"))
        time.sleep(1.0)
    cpu1, wall1 = cpu_seconds(pid), time.monotonic()
    per1 = thread_cpu(pid)
    hwm = status_kb(pid, "VmHWM")
    rss = status_kb(pid, "VmRSS")
    share = (cpu1 - cpu0) / (wall1 - wall0) * 100
    print(f"  2 IMAP accounts, {args.mail} messages each; ready (initial scans done) after {ready:.1f} s")
    print(f"  peak RSS (VmHWM, whole life): {hwm / 1024:.1f} MB  (target <= 60 MB)")
    print(f"  RSS while idle: max {rss_max / 1024:.1f} MB, at the end {rss / 1024:.1f} MB; {threads} threads")
    print(
        f"  CPU while idle: {cpu1 - cpu0:.2f} s over {wall1 - wall0:.1f} s = {share:.2f}% of one core  (target <= 0.5%)"
    )
    spent = sorted(((per1[t] - per0.get(t, 0.0), t) for t in per1), reverse=True)
    print(
        "  CPU by thread over the window: "
        + ", ".join(f"{'main' if t == pid else f'tid {t}'} {sec:.2f} s" for sec, t in spent if sec > 0 or t == pid)
    )


def start_times(runs: int) -> None:
    def timed(argv: list[str]) -> list[float]:
        out = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            out.append(time.perf_counter() - t0)
        return out

    timed([*followupd_cmd(), "--help"])  # warm the page cache and .pyc files
    helps = timed([*followupd_cmd(), "--help"])
    bare = timed([PYTHON, "-c", "pass"])
    print(
        f"  `followupd --help` over {runs} runs: median {median(helps) * 1000:.0f} ms, "
        f"min {min(helps) * 1000:.0f} ms, max {max(helps) * 1000:.0f} ms  (target <= 300 ms)"
    )
    print(f"  `python -c pass` for scale: median {median(bare) * 1000:.0f} ms")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--idle", type=float, default=60.0, help="seconds to watch the idle daemon (default 60)")
    ap.add_argument("--settle", type=float, default=5.0, help="seconds between ready and the idle window")
    ap.add_argument("--mail", type=int, default=1000, help="messages per account (default 1000)")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--skip-daemon", action="store_true", help="only time `followupd --help`")
    args = ap.parse_args(argv)
    print(machine_line())
    print(f"command: {PYTHON} bench/footprint.py {' '.join(sys.argv[1:] if argv is None else argv)}".rstrip())
    if not args.skip_daemon:
        with session("footprint") as s:
            idle_daemon(s, args)
    start_times(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
