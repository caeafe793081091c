"""Fault injection, part 2: the connection misbehaves (through ``tcpproxy``).

followupd talks to Dovecot through a loopback proxy that stalls, resets, says BYE, cuts
an APPEND in the middle of its literal or swallows the server's answer to it. Each time
the failure must be noticed within the account's ``timeout_seconds`` (here 1 s), a
``run --once`` pass must fail cleanly, the daemon must reconnect with backoff, mail that
arrived meanwhile must not be lost, and there must never be a partial or second draft.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
import scenario_mail as sm
from dovecot import Dovecot, User
from tcpproxy import TcpProxy
from test_faults import CASTS, INVITED_AT, JUST_AFTER, PASSWORD_ENV, FaultWorld, db_rows, stage_ids

from daemon.config import load
from daemon.service.loop import Daemon
from daemon.service.runner import CRASH_ENV, PassReport, run_once
from daemon.service.sdnotify import Notifier
from daemon.service.store import Store

ET = sm.ET
TIMEOUT = 1.0
#: a failure must end the pass within this long: a timeout or two, plus the work itself
NOTICE_BOUND = 4 * TIMEOUT + 2.0


@pytest.fixture
def net(
    dovecot: Dovecot, imap_user: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[FaultWorld, TcpProxy]]:
    monkeypatch.setenv(PASSWORD_ENV, imap_user.password)
    monkeypatch.delenv(CRASH_ENV, raising=False)
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    world = FaultWorld(dovecot, imap_user, tmp_path)
    proxy = TcpProxy(dovecot.host, dovecot.port)
    world.set_port(proxy.port)
    world.config.write_text(world.config.read_text().replace("timeout_seconds = 10.0", f"timeout_seconds = {TIMEOUT}"))
    yield world, proxy
    proxy.close()
    world.close()


def timed_pass(world: FaultWorld, now: datetime) -> tuple[list[PassReport], float]:
    t0 = time.monotonic()
    reports = run_once(load(world.config), now)
    return reports, time.monotonic() - t0


def _ready(world: FaultWorld, casts: int = 2) -> list[str]:
    world.invite_all(CASTS[:casts])
    world.run(INVITED_AT)
    return stage_ids(world.apps(), "followup-1")


# ---------------------------------------------------------------------- run --once


def test_stalled_server_fails_the_pass_in_bounded_time_then_nothing_is_lost(net: tuple[FaultWorld, TcpProxy]) -> None:
    world, proxy = net
    wanted = _ready(world)
    proxy.stall()  # the TCP handshake succeeds, the greeting never comes
    reports, took = timed_pass(world, JUST_AFTER)
    assert [r.errors for r in reports] == [1]
    assert [r.drafts for r in reports] == [0]
    assert took < NOTICE_BOUND, took
    # mail arrives during the outage (straight into the server, not through the proxy)
    world.append("INBOX", sm.employer_reply(CASTS[1], sent=datetime(2026, 4, 16, 9, 0, tzinfo=ET)))
    proxy.heal()
    world.run(JUST_AFTER.replace(minute=40))
    apps = {a["company"]: a for a in world.apps()}
    assert apps[CASTS[1].company]["state"] == "answered"  # the reply during the outage was read
    assert [d.draft_id for d in world.drafts()] == stage_ids([apps[CASTS[0].company]], "followup-1")
    assert set(stage_ids(apps.values(), "followup-1")) == set(wanted)


def test_stall_in_the_middle_of_a_pass_then_a_clean_retry(net: tuple[FaultWorld, TcpProxy]) -> None:
    world, proxy = net
    wanted = _ready(world)
    proxy.trip(b" APPEND ", "stall")  # the first APPEND's command line never reaches the server
    before = world.uidnext("Drafts")
    reports, took = timed_pass(world, JUST_AFTER)
    assert [r.errors for r in reports] == [1]
    assert took < NOTICE_BOUND, took
    assert world.uidnext("Drafts") == before
    proxy.heal()
    world.run(JUST_AFTER.replace(minute=40))
    world.run(JUST_AFTER.replace(minute=50))
    assert sorted(d.draft_id for d in world.drafts()) == sorted(wanted)
    assert world.uidnext("Drafts") == before + 2


@pytest.mark.parametrize("action", ["reset", "bye"])
def test_reset_or_bye_while_fetching_fails_the_pass_and_the_next_pass_reads_everything(
    net: tuple[FaultWorld, TcpProxy], action: str
) -> None:
    world, proxy = net
    world.invite_all(CASTS[:3])
    proxy.trip(b"BODY.PEEK[]", action)  # the first body fetch of the first sync
    reports, took = timed_pass(world, INVITED_AT)
    assert [r.errors for r in reports] == [1]
    assert took < NOTICE_BOUND, took
    assert proxy.cuts == 1
    assert world.status()["applications"] == []  # nothing half-processed was recorded as read
    proxy.heal()
    world.run(INVITED_AT.replace(minute=40))
    assert sorted(a["company"] for a in world.apps()) == sorted(c.company for c in CASTS[:3])
    world.run(JUST_AFTER)
    assert len(world.drafts()) == 3


@pytest.mark.parametrize("keep", [0, 1, 700])
def test_half_written_append_stores_nothing_and_the_retry_makes_exactly_one(
    net: tuple[FaultWorld, TcpProxy], keep: int
) -> None:
    world, proxy = net
    wanted = _ready(world, casts=1)
    # the APPEND command line passes, then ``keep`` bytes of the literal, then an RST
    proxy.cut_upload(b" APPEND ", keep)
    before = world.uidnext("Drafts")
    reports, took = timed_pass(world, JUST_AFTER)
    assert [r.errors for r in reports] == [1]
    assert proxy.cuts == 1
    assert took < NOTICE_BOUND, took
    assert world.drafts() == []  # the server kept no partial draft
    assert world.uidnext("Drafts") == before  # nor stored and expunged one
    proxy.heal()
    world.run(JUST_AFTER.replace(minute=40))
    world.run(JUST_AFTER.replace(minute=50))
    drafts = world.drafts()
    assert [d.draft_id for d in drafts] == wanted
    assert drafts[0].msg["Message-ID"]  # a whole message, not a fragment
    assert world.apps()[0]["state"] == "drafted"


def test_append_stored_but_its_answer_lost_is_found_not_repeated(net: tuple[FaultWorld, TcpProxy]) -> None:
    world, proxy = net
    wanted = _ready(world, casts=2)
    proxy.drop_reply(b" APPEND ")  # the server stores the draft; its OK never arrives
    before = world.uidnext("Drafts")
    reports, took = timed_pass(world, JUST_AFTER)
    assert [r.errors for r in reports] == [1]
    assert proxy.drops == 1
    assert took < NOTICE_BOUND, took
    assert len(world.drafts()) == 1  # it did reach the mailbox
    proxy.heal()
    world.run(JUST_AFTER.replace(minute=40))
    world.run(JUST_AFTER.replace(minute=50))
    assert sorted(d.draft_id for d in world.drafts()) == sorted(wanted)
    assert world.uidnext("Drafts") == before + 2  # one APPEND per stage, the lost answer included


# ---------------------------------------------------------------------- followupd run


class DaemonThread:
    """``followupd run`` in this process (its account threads are threads anyway)."""

    def __init__(self, world: FaultWorld, clock: Callable[[], datetime]) -> None:
        self.daemon = Daemon(world.config, load(world.config), clock=clock, notifier=Notifier({}), max_wait=1.0)
        self.thread = threading.Thread(target=self.daemon.serve, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.daemon.request_stop()
        self.thread.join(timeout=15)
        assert not self.thread.is_alive()


def _wait(what: str, cond: Callable[[], bool], timeout: float) -> float:
    t0 = time.monotonic()
    while not cond():
        if time.monotonic() - t0 > timeout:
            raise AssertionError(f"not within {timeout}s: {what}")
        time.sleep(0.05)
    return time.monotonic() - t0


def _companies(world: FaultWorld) -> set[str]:
    store = Store.open(world.db)
    try:
        return {a.company or "" for a in store.load_applications()}
    finally:
        store.close()


@pytest.mark.parametrize("fault", ["reset", "bye", "stall"])
def test_daemon_reconnects_with_backoff_and_catches_up(net: tuple[FaultWorld, TcpProxy], fault: str) -> None:
    world, proxy = net
    world.invite_all(CASTS[:1])
    world.run(INVITED_AT)
    d = DaemonThread(world, lambda: INVITED_AT.replace(hour=12))
    try:
        _wait("first connection", lambda: proxy.live() >= 1 and bool(d.daemon.threads), 10)
        _wait("first pass", lambda: all(t.passes >= 1 for t in d.daemon.threads.values()), 10)
        time.sleep(0.3)  # into IDLE
        proxy.refuse_new(True)  # the outage: every reconnect attempt is reset at once
        accepted = len(proxy.accepted)
        if fault == "reset":
            proxy.reset_all()
        elif fault == "bye":
            proxy.bye_all()
        else:
            proxy.stall()
        outage = time.monotonic()
        # mail arrives during the outage
        world.append(
            "INBOX", sm.invitation(CASTS[1], datetime(2026, 4, 15, 11, 0, tzinfo=ET), sent=INVITED_AT, ics=True)
        )
        time.sleep(4.0)
        attempts = proxy.accepted[accepted:]
        # noticed (a stall only once IDLE's liveness check times out) and retried, but with
        # backoff (1 s, 2 s, 4 s… with jitter), not in a hot loop
        assert attempts, "no reconnect attempt during the outage"
        first = attempts[0] - outage
        assert first < (2 * TIMEOUT + 3.0 if fault == "stall" else 3.0), first
        assert len(attempts) <= 5, [round(a - outage, 2) for a in attempts]
        proxy.heal()
        took = _wait("the invitation from the outage", lambda: CASTS[1].company in _companies(world), 20)
        # and the connection is back for good: no duplicate processing of the old mail
        assert sorted(_companies(world)) == sorted([CASTS[0].company, CASTS[1].company])
        print(f"{fault}: first retry after {first:.2f}s, {len(attempts)} attempts in 4 s, caught up {took:.2f}s")
    finally:
        d.stop()


# ---------------------------------------------------------------------- a server that hides APPENDUID


def test_uidplus_server_without_appenduid_no_extra_append_and_retraction_still_works(
    net: tuple[FaultWorld, TcpProxy],
) -> None:
    world, proxy = net
    wanted = _ready(world, casts=2)
    proxy.rewrite_down(rb" ?\[APPENDUID \d+ \d+\]", b"")  # UIDPLUS advertised, the code never sent
    before = world.uidnext("Drafts")
    world.run(JUST_AFTER)
    world.run(JUST_AFTER.replace(minute=40))
    assert sorted(d.draft_id for d in world.drafts()) == sorted(wanted)
    assert world.uidnext("Drafts") == before + 2
    keys = [row[5] for row in db_rows(world.db)["outcomes"]]
    assert keys == [None, None]  # no UID was guessed
    world.append("INBOX", sm.employer_reply(CASTS[0], sent=datetime(2026, 4, 16, 14, 0, tzinfo=ET)))
    world.run(datetime(2026, 4, 16, 14, 30, tzinfo=ET))
    apps = {a["company"]: a for a in world.apps()}
    assert apps[CASTS[0].company]["state"] == "answered"
    # its untouched draft is found by X-Followupd-Id and retracted; the other stays
    assert [d.draft_id for d in world.drafts()] == stage_ids([apps[CASTS[1].company]], "followup-1")
    assert world.uidnext("Drafts") == before + 2
