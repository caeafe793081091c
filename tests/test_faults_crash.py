"""Fault injection, part 1: processes killed at random moments, idle re-runs, odd servers.

The stories in ``test_scenarios.py`` crash one pass at each named crash point for one
application. Here a pass over many due follow-ups is killed with SIGKILL wherever it
happens to be, again and again; a pass with nothing new must not touch the mailbox or
the state; and the server plays tricks (no UIDPLUS, our id on two drafts, a recreated
Drafts folder).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import scenario_mail as sm
import structlog
from dovecot import Dovecot, User
from test_faults import (
    CASTS,
    FIRST_DUE,
    INVITED_AT,
    JUST_AFTER,
    PASSWORD_ENV,
    REPO,
    CountingConnector,
    FaultWorld,
    db_rows,
    stage_ids,
)

from connectors.base import DRAFT_ID_HEADER
from daemon.config import load
from daemon.service.runner import CRASH_ENV, default_connector, run_once
from daemon.service.store import Store

ET = sm.ET


@pytest.fixture
def fworld(dovecot: Dovecot, imap_user: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultWorld]:
    monkeypatch.setenv(PASSWORD_ENV, imap_user.password)
    monkeypatch.delenv(CRASH_ENV, raising=False)
    w = FaultWorld(dovecot, imap_user, tmp_path)
    yield w
    w.close()


# ---------------------------------------------------------------------- 1: SIGKILL anywhere


#: a process that has imported followupd once and forks one ``followupd`` run per request,
#: so each run costs a fork rather than an interpreter start; the runs are real processes,
#: killed with a real SIGKILL
_ZYGOTE = r"""
import importlib, json, os, pkgutil, sys
import daemon, connectors
for pkg in (daemon, connectors):
    for mod in pkgutil.iter_modules(pkg.__path__):
        if mod.name != "__main__":
            importlib.import_module(f"{pkg.__name__}.{mod.name}")
from daemon.commands import cli
for line in sys.stdin:
    req = json.loads(line)
    pid = os.fork()
    if pid == 0:
        fd = os.open(req["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 2)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        sys.stderr = open(2, "w", buffering=1, closefd=False)
        sys.stdout = open(1, "w", closefd=False)
        os._exit(cli.main(req["argv"]))
    print(json.dumps({"pid": pid}), flush=True)
    _, status = os.waitpid(pid, 0)
    print(json.dumps({"pid": pid, "status": status}), flush=True)
"""


class Zygote:
    def __init__(self, env: dict[str, str], tmp: Path) -> None:
        self.tmp = tmp
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _ZYGOTE], cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, bufsize=1,
        )  # fmt: skip
        self.runs = 0

    def start(self, argv: list[str]) -> Run:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.runs += 1
        log = self.tmp / f"run-{self.runs}.log"
        self.proc.stdin.write(json.dumps({"argv": argv, "log": str(log)}) + "\n")
        reply = json.loads(self.proc.stdout.readline())
        return Run(self, reply["pid"], log)

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


class Run:
    """One forked ``followupd`` run."""

    def __init__(self, zygote: Zygote, pid: int, log: Path) -> None:
        self.zygote = zygote
        self.pid = pid
        self.log = log
        self.status: int | None = None

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def when(self, text: str, timeout: float) -> float | None:
        """time.monotonic() once a log line holds ``text`` (polled); None if the run ended first."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in self.output():
                return time.monotonic()
            time.sleep(0.002)
        return None

    def alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        # a zombie until the zygote reaps it: finished, not alive
        with contextlib.suppress(OSError):
            return Path(f"/proc/{self.pid}/stat").read_text().split()[2] != "Z"
        return False

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def finish(self) -> int:
        out = self.zygote.proc.stdout
        assert out is not None
        reply = json.loads(out.readline())
        assert reply["pid"] == self.pid
        self.status = int(reply["status"])
        return self.status


def _kill_loop(zygote: Zygote, world: FaultWorld, now: datetime, rng: random.Random, window: float, *,
               kills: int, until_done: set[str]) -> list[str]:  # fmt: skip
    """Run ``run --once --now now`` again and again, SIGKILLing it at a random moment after it
    connected, until ``kills`` kills or every draft of ``until_done`` is in Drafts; returns what
    happened to each run, for the failure message."""
    history: list[str] = []
    done = 0
    argv = ["-c", str(world.config), "run", "--once", "--now", now.isoformat()]
    while done < kills and not until_done <= {d.draft_id for d in world.drafts()}:
        run = zygote.start(argv)
        t0 = time.monotonic()
        connected = run.when("connected", timeout=20)
        assert connected is not None, run.output()
        time.sleep(max(0.0, connected + rng.uniform(0.0, window) - time.monotonic()))
        if run.alive():
            run.kill()
            how = "killed"
            status = run.finish()
            if os.WIFEXITED(status):  # it ended on its own just before the signal
                assert os.WEXITSTATUS(status) == 0, run.output()
                how = "finished"
            else:
                done += 1
        else:
            status = run.finish()
            assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, run.output()
            how = "finished"
        ids = [d.draft_id for d in world.drafts()]
        history.append(f"{how} {time.monotonic() - t0:.2f}s after start, {len(ids)} drafts")
        # never a duplicate, not even for a moment between two kills
        assert len(ids) == len(set(ids)), (ids, history)
    return history


def test_sigkill_at_twenty_random_moments_leaves_exactly_one_draft_per_due_stage(
    dovecot: Dovecot, imap_user: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, imap_user.password)
    monkeypatch.delenv(CRASH_ENV, raising=False)
    world = FaultWorld(dovecot, imap_user, tmp_path, extra="thank_you = true\n")
    zygote = Zygote({k: v for k, v in os.environ.items() if k != CRASH_ENV}, tmp_path)
    try:
        world.invite_all(CASTS)
        world.run(INVITED_AT)  # eight applications, each with three stages to draft
        apps = world.apps()
        assert len(apps) == len(CASTS)
        rng = random.Random(int(os.environ.get("FUD_FAULT_SEED", "7")))
        started = time.monotonic()
        # three passes, each with eight stages due: the thank-you notes, the follow-ups, the
        # check-ins. Drafting eight takes about a quarter of a second after "connected".
        rounds = [
            ("thank-you", datetime(2026, 4, 14, 18, 1, tzinfo=ET)),
            ("followup-1", JUST_AFTER),
            ("followup-2", datetime(2026, 4, 23, 9, 31, tzinfo=ET)),
        ]
        history: list[str] = []
        kills = 0
        expected: set[str] = set()
        for i, (stage, now) in enumerate(rounds):
            ids = set(stage_ids(apps, stage))
            left = 20 - kills
            quota = left if i == len(rounds) - 1 else min(left, 7)
            runs = _kill_loop(zygote, world, now, rng, 0.15, kills=quota, until_done=ids)
            kills += sum(1 for r in runs if r.startswith("killed"))
            history += [f"{stage}: {r}" for r in runs]
            world.run(now.replace(minute=45))  # the restart that runs to its end
            expected |= ids
            assert {d.draft_id for d in world.drafts()} == expected, history
        # the rest of the twenty kills land on passes with nothing left to do
        # (such a pass is over some 0.05 s after "connected")
        history += _kill_loop(zygote, world, rounds[-1][1], rng, 0.05, kills=20 - kills, until_done={"-"})
        kills = sum(1 for r in history if "killed" in r)
        world.run(datetime(2026, 4, 23, 12, 0, tzinfo=ET))
        drafts = world.drafts()
        assert sorted(d.draft_id for d in drafts) == sorted(expected), history
        for a in world.apps():
            assert a["state"] == "drafted", (a["company"], a["state"])
            assert sorted(d["stage"] for d in a["drafts"]) == ["followup-1", "followup-2", "thank-you"]
        assert len(db_rows(world.db)["intents"]) == 3 * len(CASTS)
        assert _pending(world.db) == []
        elapsed = time.monotonic() - started
        print(f"\n{kills} SIGKILLs in {len(history)} runs, {elapsed:.1f}s:\n  " + "\n  ".join(history))
        assert kills >= 20
        assert elapsed < 40
    finally:
        zygote.close()
        world.close()


def _pending(db: Path) -> list[str]:
    store = Store.open(db)
    try:
        return [e.draft_id for e in store.pending_effects()]
    finally:
        store.close()


# ---------------------------------------------------------------------- 2: nothing new


def test_a_second_pass_with_no_change_appends_nothing_and_changes_no_state(fworld: FaultWorld) -> None:
    world = fworld
    world.invite_all(CASTS[:3])
    world.run(INVITED_AT)
    counting: list[CountingConnector] = []

    def factory(account: Any, settings: Any) -> CountingConnector:
        c = CountingConnector(default_connector(account, settings))
        counting.append(c)
        return c

    settings = load(world.config)
    reports = run_once(settings, JUST_AFTER, connector_factory=factory)
    assert sum(r.drafts for r in reports) == 3
    assert sum(c.calls["append_draft"] for c in counting) == 3
    before_rows = db_rows(world.db)
    before_next = world.uidnext("Drafts")
    before_drafts = [(d.uid, d.raw) for d in world.drafts()]

    counting.clear()
    reports = run_once(settings, JUST_AFTER.replace(minute=40), connector_factory=factory)
    assert [r.errors for r in reports] == [0]
    assert sum(c.calls["append_draft"] for c in counting) == 0
    assert sum(c.calls["remove_draft"] for c in counting) == 0
    assert world.uidnext("Drafts") == before_next  # the server saw no APPEND either
    assert [(d.uid, d.raw) for d in world.drafts()] == before_drafts
    after_rows = db_rows(world.db)
    assert after_rows == before_rows


# ---------------------------------------------------------------------- 3: server behaviour


def test_two_drafts_already_carrying_our_id_log_an_error_and_add_no_third(fworld: FaultWorld) -> None:
    world = fworld
    world.invite_all(CASTS[:1])
    world.run(INVITED_AT)
    (draft_id,) = stage_ids(world.apps(), "followup-1")
    # someone (a second install restored from an old backup, a sync tool) left two copies
    for n in (1, 2):
        raw = sm.user_followup(sm.Cast(), sent=datetime(2026, 4, 16, 9, n, tzinfo=ET))
        raw = raw.replace(b"\r\n\r\n", f"\r\n{DRAFT_ID_HEADER}: {draft_id}\r\n\r\n".encode(), 1)
        raw = raw.replace(b"followup-by-hand@", f"copy-{n}@".encode())
        world.append("Drafts", raw, flags=(b"\\Draft",))
    before = world.uidnext("Drafts")
    with structlog.testing.capture_logs() as logs:
        world.run(FIRST_DUE.replace(minute=31))
        world.run(FIRST_DUE.replace(minute=45))
    assert world.uidnext("Drafts") == before
    assert len(world.drafts()) == 2
    errors = [e for e in logs if e.get("log_level") == "error"]
    assert any("several drafts carry the same id" in str(e.get("event")) for e in errors), logs
    assert world.apps()[0]["state"] == "drafted"


def test_without_uidplus_a_pass_per_stage_appends_once_even_when_killed_after_append(
    dovecot_no_uidplus: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = dovecot_no_uidplus.new_user()
    monkeypatch.setenv(PASSWORD_ENV, user.password)
    monkeypatch.delenv(CRASH_ENV, raising=False)
    world = FaultWorld(dovecot_no_uidplus, user, tmp_path)
    try:
        assert b"UIDPLUS" not in world.client.capabilities()
        world.invite_all(CASTS[:3])
        world.run(INVITED_AT)
        wanted = stage_ids(world.apps(), "followup-1")
        # crash right after the first APPEND: the journal has an intent and no outcome, and no
        # APPENDUID says where it went; recovery must find it by X-Followupd-Id, not append again
        crashed = world.cli("run", "--once", "--now", JUST_AFTER.isoformat(), crash_at="after-append")
        assert crashed.returncode == 77, crashed.stderr
        assert len(world.drafts()) == 1
        nxt = world.uidnext("Drafts")
        world.run(JUST_AFTER.replace(minute=40))
        assert world.uidnext("Drafts") == nxt + 2  # the two drafts not yet made, nothing more
        world.run(JUST_AFTER.replace(minute=50))
        assert world.uidnext("Drafts") == nxt + 2
        assert sorted(d.draft_id for d in world.drafts()) == sorted(wanted)
        statuses = sorted(r[4] for r in db_rows(world.db)["outcomes"])
        assert statuses == ["appended", "appended", "present"]  # the crashed one found, not redone
    finally:
        world.close()


def _recreate(world: FaultWorld, folder: str, first: list[bytes], keep: list[bytes], flags: tuple[bytes, ...]) -> None:
    """A server migration: ``folder`` comes back with a new UIDVALIDITY, ``first`` at the lowest
    UIDs, then ``keep`` (what survived of the old content)."""
    c = world.client
    before = c.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"]
    c.select_folder("INBOX")
    c.delete_folder(folder)
    c.create_folder(folder)
    for raw in [*first, *keep]:
        world.append(folder, raw, flags=flags)
    assert c.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"] != before


def test_drafts_and_sent_recreated_with_new_uidvalidity_nothing_missed_nothing_doubled(fworld: FaultWorld) -> None:
    world = fworld
    world.invite_all(CASTS[:3])
    world.append("Sent", sm.user_confirms(CASTS[2], sent=datetime(2026, 4, 9, 11, 0, tzinfo=ET)), flags=(b"\\Seen",))
    world.run(INVITED_AT.replace(hour=11, minute=30))
    world.run(JUST_AFTER)
    ours = {d.draft_id: d.raw for d in world.drafts()}
    assert len(ours) == 3
    by_company = {a["company"]: a for a in world.apps()}
    lost, answered, own = (stage_ids([by_company[c.company]], "followup-1")[0] for c in CASTS[:3])

    # Drafts comes back without one of our drafts; Sent comes back with the user's own
    # follow-up (sent meanwhile) at UID 1, below the old cursor
    _recreate(world, "Drafts", [], [ours[answered], ours[own]], (b"\\Draft", b"\\Seen"))
    sent_old = [m.raw for m in world.messages("Sent")]
    hand = sm.user_followup(CASTS[2], sent=datetime(2026, 4, 16, 11, 0, tzinfo=ET))
    _recreate(world, "Sent", [hand], sent_old, (b"\\Seen",))
    world.append("INBOX", sm.employer_reply(CASTS[1], sent=datetime(2026, 4, 16, 14, 0, tzinfo=ET)))

    world.run(datetime(2026, 4, 16, 14, 30, tzinfo=ET))
    apps = {a["company"]: a for a in world.apps()}
    assert len(apps) == 3  # mail seen again under new UIDs makes no new application
    assert apps[CASTS[1].company]["state"] == "answered"
    assert apps[CASTS[2].company]["next"]["stage"] == "followup-2"  # the user's own mail was not missed
    # both surviving drafts retracted (found again under their new UIDs); the lost one not recreated
    assert world.drafts() == []
    assert lost not in {d.draft_id for d in world.drafts()}

    world.run(datetime(2026, 4, 23, 9, 31, tzinfo=ET))
    world.run(datetime(2026, 4, 23, 12, 0, tzinfo=ET))
    ids = sorted(d.draft_id for d in world.drafts())
    assert ids == sorted(stage_ids([apps[CASTS[0].company], apps[CASTS[2].company]], "followup-2"))


def test_journal_is_intact_after_kills(fworld: FaultWorld, tmp_path: Path) -> None:
    """A killed pass leaves a database SQLite itself finds sound."""
    world = fworld
    world.invite_all(CASTS[:2])
    world.run(INVITED_AT)
    zygote = Zygote(dict(os.environ), tmp_path)
    for delay in (0.0, 0.02, 0.05):
        run = zygote.start(["-c", str(world.config), "run", "--once", "--now", JUST_AFTER.isoformat()])
        assert run.when("connected", timeout=20) is not None, run.output()
        time.sleep(delay)
        run.kill()
        run.finish()
        conn = sqlite3.connect(world.db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            conn.close()
    zygote.close()
