"""Detection latency: from APPEND completion to followupd's "message" log line.

Starts a private Dovecot, fills INBOX with ``--background`` ordinary messages, starts
``followupd -c CFG run`` (the daemon, JSON logs on stderr) and waits until it is ready
and has logged its initial scan's pass. Then APPENDs ``--count`` interview invitations one at a time from a second
client and measures, for each, the time from the APPEND's tagged OK to the arrival of
the daemon's "message" log line naming it. A third, bare imapclient connection IDLEs on
INBOX alongside to time Dovecot's own notification delay (APPEND -> untagged EXISTS),
so the rest (EXISTS -> log line) is followupd's share. Prints p50/p95/max of each.

Usage::

    .venv/bin/python bench/latency.py [--count 50] [--gap 1.0] [--background 200]
"""

from __future__ import annotations

import argparse
import queue
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
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
    percentile,
    session,
    write_config,
)
from gen_mailbox import generate

COMPANIES = ("Brightloom", "Quarrylabs", "Tessellate", "Orbitra", "Kestrel AI", "Lumen Grid")


def invitation(i: int, tag: str, now: datetime) -> bytes:
    company = COMPANIES[i % len(COMPANIES)]
    domain = company.lower().replace(" ", "") + ".example"
    when = (now + timedelta(days=3 + i % 5)).replace(hour=14, minute=0, second=0, microsecond=0)
    return (
        f"From: Dana Whitfield <dana@{domain}>\r\n"
        "To: Alex Rivera <alex@example.com>\r\n"
        f"Subject: Interview invitation: Backend Engineer at {company} [{tag}]\r\n"
        f"Date: {format_datetime(now)}\r\n"
        f"Message-ID: <{tag}@{domain}>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        f"Hi Alex,\r\n\r\nThanks for applying to {company}. We would like to invite you to a 45-minute "
        f"video interview for the Backend Engineer role on {when.strftime('%A, %B %-d at %-I:%M %p')} UTC. "
        "Does that time work for you?\r\n\r\nBest regards,\r\nDana Whitfield\r\n"
    ).encode()


class IdleWatcher(threading.Thread):
    """A bare IDLE on INBOX: the monotonic time of every untagged EXISTS it receives."""

    def __init__(self, acc: BenchAccount) -> None:
        super().__init__(daemon=True)
        from dovecot import client_for  # type: ignore[import-not-found,unused-ignore]

        self.client = client_for(acc.server, acc.user)
        self.client.select_folder("INBOX", readonly=True)
        self.exists: queue.Queue[float] = queue.Queue()
        self.stop = threading.Event()

    def run(self) -> None:
        c = self.client
        c.idle()
        while not self.stop.is_set():
            for resp in c.idle_check(timeout=0.2):
                if len(resp) >= 2 and resp[1] == b"EXISTS":
                    self.exists.put(time.monotonic())
        c.idle_done()
        c.logout()


def run(s: Session, args: argparse.Namespace) -> None:
    from dovecot import client_for  # type: ignore[import-not-found,unused-ignore]

    server = s.dovecot()
    acc = BenchAccount("bench", server, server.new_user())
    now = datetime.now(UTC).replace(microsecond=0)
    # at least one message: the daemon logs its first pass only when it saw mail
    background = generate(max(1, args.background), now=now, lookback_days=30)
    deliver(server, acc.user, [(g.raw, g.when) for g in background])
    cfg = write_config(s.root / "config.toml", s.root / "state", [acc], lookback_days=90)
    log_path = s.root / "followupd.log"
    proc = s.spawn(
        [*followupd_cmd(), "-c", str(cfg), "run"],
        env=child_env([acc]),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    reader = LogReader(proc.stderr, log_path)
    reader.start()
    reader.wait_scanned(proc, [acc.name], 300)
    watcher = IdleWatcher(acc)
    watcher.start()
    time.sleep(1.0)  # the initial scan is done; let the daemon settle into IDLE
    sender = client_for(server, acc.user)
    totals: list[float] = []
    notify: list[float] = []
    ours: list[float] = []
    missed = 0
    try:
        for i in range(args.count):
            tag = f"lat{i:03d}-{int(time.time() * 1000) % 100000:05d}"
            raw = invitation(i, tag, datetime.now(UTC).replace(microsecond=0))
            while not watcher.exists.empty():
                watcher.exists.get_nowait()
            sender.append("INBOX", raw)
            done = time.monotonic()
            got = reader.wait_for(lambda e, t=tag: e.get("event") == "message" and t in str(e.get("subject")), 15)
            if got is None:
                missed += 1
                print(f"  {tag}: no message line within 15 s", file=sys.stderr)
                continue
            at, _entry = got
            totals.append(at - done)
            try:
                seen = watcher.exists.get(timeout=2)
                notify.append(seen - done)
                ours.append(at - seen)
            except queue.Empty:
                pass
            time.sleep(args.gap)
    finally:
        sender.logout()
        watcher.stop.set()
        watcher.join(5)

    def ms(xs: list[float]) -> str:
        if not xs:
            return "n/a"
        return (
            f"p50 {percentile(xs, 50) * 1000:.0f} ms, p95 {percentile(xs, 95) * 1000:.0f} ms, "
            f"max {max(xs) * 1000:.0f} ms, min {min(xs) * 1000:.0f} ms (n={len(xs)})"
        )

    print(f"  APPEND -> followupd 'message' log line: {ms(totals)}  (target p95 <= 1000 ms)")
    print(f"  APPEND -> EXISTS at a bare IDLE client (Dovecot's own delay): {ms(notify)}")
    print(f"  EXISTS -> 'message' log line (followupd's share): {ms(ours)}")
    if ours:
        print(f"  followupd's share, median: {median(ours) * 1000:.0f} ms")
    if missed:
        print(f"  missed: {missed} of {args.count} messages never logged")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=50)
    ap.add_argument("--gap", type=float, default=1.0, help="seconds between one detection and the next APPEND")
    ap.add_argument("--background", type=int, default=200, help="ordinary messages in INBOX before the daemon starts")
    args = ap.parse_args(argv)
    print(machine_line())
    print(f"command: {PYTHON} bench/latency.py {' '.join(sys.argv[1:] if argv is None else argv)}".rstrip())
    with session("latency") as s:
        run(s, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
