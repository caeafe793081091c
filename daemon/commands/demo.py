"""``followupd demo``: the real pipeline on a bundled sample Maildir, over a simulated clock.

Nothing here is staged for show: the messages go through the same parser, classifier,
date engine, tracker, policy, composer, store and Maildir connector as a real mailbox.
Only the clock is simulated, so two weeks pass in a second.
"""

from __future__ import annotations

import argparse
import io
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from daemon.followup import tracker
from daemon.logging import configure
from daemon.service.runner import AccountRunner, PassReport, readable
from daemon.service.store import Store
from daemon.settings import AccountSettings, DaemonSettings, PolicySettings, Settings

ZONE = ZoneInfo("America/New_York")
USER = "alex.rivera@example.com"


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZONE)


def _sample(name: str) -> bytes:
    return (resources.files("daemon.commands") / "demo_mail" / name).read_bytes()


def _deliver(folder: Path, name: str, raw: bytes, flags: str = "") -> Path:
    """Deliver like an MDA: write to tmp/, then rename into new/ (or cur/ with flags)."""
    tmp = folder / "tmp" / name
    tmp.write_bytes(raw)
    target = folder / ("cur" if flags else "new") / (name + (f":2,{flags}" if flags else ""))
    tmp.rename(target)
    return target


def _maildir(path: Path) -> None:
    for sub in ("cur", "new", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)


class Demo:
    def __init__(self, root: Path, out: TextIO) -> None:
        self.root = root
        self.out = out
        self.mail = root / "Mail"
        for folder in (self.mail, self.mail / ".Sent", self.mail / ".Drafts"):
            _maildir(folder)
        self.settings = Settings(
            daemon=DaemonSettings(state_dir=root / "state", timezone="America/New_York", user_name="Alex Rivera"),
            accounts=(
                AccountSettings(name="demo", kind="maildir", path=self.mail, addresses=(USER,), timeout_seconds=10),
            ),
            policy=PolicySettings(country="US"),
        )
        self.store = Store.open(root / "state" / "state.sqlite")
        self.runner = AccountRunner(self.settings.accounts[0], self.settings, self.store, out=io.StringIO())

    def say(self, when: datetime | None, text: str) -> None:
        stamp = when.strftime("%a %d %b %H:%M") if when else " " * 16
        print(f"{stamp}  {text}", file=self.out)

    def detail(self, text: str) -> None:
        print(f"{'':16}    {text}", file=self.out)

    def run_pass(self, now: datetime) -> PassReport:
        report = self.runner.run_pass(now)
        return report

    def app(self) -> tracker.Application | None:
        apps = self.store.load_applications()
        return apps[0] if apps else None

    def drafts(self) -> list[Path]:
        return sorted(p for sub in ("cur", "new") for p in (self.mail / ".Drafts" / sub).iterdir())

    def play(self) -> int:
        out = self.out
        print("followupd demo: a sample mailbox, the real pipeline, a simulated clock (America/New_York)\n", file=out)

        t = _at("2026-03-02T10:04")
        _deliver(self.mail, "1772463840.demo1.host", _sample("01-invitation.eml"))
        self.say(t, "mail arrives: “Interview confirmation: Platform Engineer at Brightwater Labs” (with an .ics)")
        t = _at("2026-03-02T10:05")
        self.run_pass(t)
        app = self.app()
        if app is None or app.interview is None or app.interview.start is None:
            self.say(t, "followupd did not recognise the invitation — this is a bug; please report it")
            return 1
        iv = app.interview
        start = app.interview.start
        end = iv.end.astimezone(ZONE).strftime("%H:%M") if iv.end else "?"
        self.say(t, f"followupd: invitation from {app.company} for {app.role}")
        self.detail(f"interview {start.astimezone(ZONE):%A %d %B %Y, %H:%M}–{end} ({iv.timezone or 'from text'})")
        for s in app.stages:
            self.detail(f"plans {s.stage}: due {s.due.astimezone(ZONE):%A %d %B %H:%M} — {'; '.join(s.reasons)}")

        t = _at("2026-03-03T07:00")
        _deliver(self.mail, "1772539200.demo2.host", _sample("02-newsletter.eml"))
        self.run_pass(_at("2026-03-03T07:01"))
        self.say(t, "mail arrives: a newsletter with “interview tips” and example times")
        self.say(None, f"followupd: not job mail; still {len(self.store.load_applications())} application(s)")

        self.say(_at("2026-03-04T14:00"), "— the interview takes place —")
        t = _at("2026-03-05T09:30")
        report = self.run_pass(t)
        self.say(t, f"followupd: nothing due yet ({report.drafts} drafts)")

        t = _at("2026-03-06T09:30")
        report = self.run_pass(t)
        drafts = self.drafts()
        self.say(t, f"followupd: follow-up due — {report.drafts} draft placed in your Drafts folder:")
        if not drafts:
            return 1
        print("\n" + _indent(readable(drafts[0].read_bytes())), file=out)

        t = _at("2026-03-06T10:12")
        sent = drafts[0]
        _deliver(self.mail / ".Sent", "1772809920.demo3.host", sent.read_bytes(), flags="S")
        sent.unlink()
        self.run_pass(_at("2026-03-06T10:15"))
        self.say(t, "you review the draft and send it from your mail client (it moves to Sent)")
        app = self.app()
        second_due = _at("2026-03-13T09:30")  # replaced by the plan's own date just below
        if app:
            nxt = tracker.next_action(app)
            if nxt:
                second_due = nxt[1]
            when = f"{nxt[0]} on {nxt[1].astimezone(ZONE):%A %d %B}" if nxt else "nothing"
            self.say(None, f"followupd: sees it in Sent; next planned: {when}")

        t = _at("2026-03-09T11:17")
        _deliver(self.mail, "1773069420.demo4.host", _sample("03-reply.eml"))
        self.run_pass(_at("2026-03-09T11:20"))
        app = self.app()
        self.say(t, "Maya replies: “the team enjoyed the conversation too … next steps by Friday”")
        self.say(
            None, f"followupd: employer answered → application {app.state if app else '?'}; pending stages stopped"
        )

        t = second_due
        report = self.run_pass(t)
        self.say(t, f"followupd: when followup-2 would have been due — {report.drafts} new drafts. Done.")

        from daemon.commands.status import removed_drafts, render_table

        print("\nfollowupd status:\n", file=out)
        print(render_table(self.store.status_snapshot(), ZONE, removed_drafts(self.store)), file=out)
        return 0

    def close(self) -> None:
        self.runner.close()
        self.store.close()


def _indent(text: str) -> str:
    return "\n".join(("    │ " + line) if line else "    │" for line in text.rstrip().splitlines()) + "\n"


@contextmanager
def _workdir(keep: bool) -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="followupd-demo-"))
    try:
        yield path
    finally:
        if not keep:
            shutil.rmtree(path, ignore_errors=True)


def run_demo(out: TextIO, keep: bool = False) -> int:
    started = time.monotonic()
    with _workdir(keep) as root:
        demo = Demo(root, out)
        try:
            rc = demo.play()
        finally:
            demo.close()
        took = time.monotonic() - started
        print(f"\n(the whole story took {took:.1f} s of real time)", file=out)
        if keep:
            print(f"demo files kept in {root}", file=out)
    return rc


def cmd_demo(args: argparse.Namespace) -> int:
    import sys

    # the demo speaks for itself; only real problems go to the log
    configure(args.log_level or "warning")
    return run_demo(sys.stdout, keep=args.keep)
