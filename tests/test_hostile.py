"""Hostile mail (issue 12): its analysis is bounded and grows linearly, and a message that
still exceeds its budget is skipped once, never analysed in a loop.

The timing tests run on a shared, noisy 2-core machine: they compare ratios with generous
slack, take the fastest of a few runs, and time each case in its own process.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from daemon import budget
from daemon.commands.status import render_table, snapshot
from daemon.config import load
from daemon.followup.compose import choose_recipient, reply_address
from daemon.paths import db_path
from daemon.service.runner import run_once
from daemon.understand.analyze import analyze_mail
from daemon.understand.mail import MAX_SCAN_CHARS, parse

REPO = Path(__file__).resolve().parent.parent
ET = ZoneInfo("America/New_York")
DEMO = REPO / "daemon" / "commands" / "demo_mail"

_TOKENS = (
    "1am 2pm 9:30 10:00 at on from to between and - Monday Tue March 3 2026 3/4 04.03.2026 EST PST GMT+5 "
    "UTC-3 noon tomorrow next week 15th of @ . , 2026-03-04T14:00"
).split()


def _soup(seed: int, size: int) -> str:
    rnd = random.Random(seed)
    out: list[str] = []
    n = 0
    while n < size:
        t = rnd.choice(_TOKENS) + rnd.choice(" \n ")
        out.append(t)
        n += len(t)
    return "".join(out)[:size]


def _raw(body: str, subject: str = "Interview invitation", headers: str = "") -> bytes:
    return (
        "From: Dana <dana@acme.com>\r\nTo: me@example.org\r\n"
        f"Subject: {subject}\r\nDate: Mon, 02 Mar 2026 10:00:00 -0500\r\nMessage-ID: <h@acme.com>\r\n{headers}"
        'Content-Type: text/plain; charset="utf-8"\r\n\r\n'
    ).encode() + body.encode()


def _fastest(raw: bytes, runs: int = 3) -> float:
    mail = parse(raw)
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        analyze_mail(mail)
        best = min(best, time.perf_counter() - t0)
    return best


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(seed=st.integers(0, 2**32 - 1))
def test_analysis_time_grows_at_most_linearly_on_date_token_soup(seed: int) -> None:
    small, big = 3_000, 24_000  # both below the scan cap: the scanners really read all of it
    assert big <= MAX_SCAN_CHARS
    analyze_mail(parse(_raw(_soup(seed, 500))))  # warm caches and compiled patterns
    t_small = _fastest(_raw(_soup(seed, small)))
    t_big = _fastest(_raw(_soup(seed, big)))
    # linear is 8x; the quadratic code this replaced was ~40x here. Slack for a noisy machine,
    # and a floor for timer resolution on tiny inputs
    assert t_big <= 3 * (big / small) * max(t_small, 0.002), (t_small, t_big)


_ONE = r"""
import sys, time
from daemon.understand.analyze import analyze_mail
from daemon.understand.mail import parse
raw = sys.stdin.buffer.read()
t0 = time.perf_counter()
analyze_mail(parse(raw), frozenset())
print(time.perf_counter() - t0)
"""

_CASES = {
    # 50,000 times with no date: each one rescanned every earlier mention (276 s before)
    "1am runs": lambda: _raw("1am " * 50_000),
    # a word run: every start position rescanned the run in the address patterns (136 s)
    "a run": lambda: _raw("a" * 199_000),
    "digit run": lambda: _raw("1" * 200_000),
    "dot run": lambda: _raw("." * 200_000),
    "date soup": lambda: _raw(_soup(7, 200_000)),
    "from-to chain": lambda: _raw("from 9 to 10 to " * 12_500),
    # lines that start like a Nordic quote attribution and never end like one ("den ... kl
    # ... skrev ...:"); its first pattern had two 200-character gaps, 0.6 ms a line
    "attribution lines": lambda: _raw(("den " + "kl " * 60 + "skrev " * 20 + "\n") * 3_000),
    # the standard library's address parser is quadratic in '"' (41 s, 178 MB)
    "Reply-To quotes": lambda: _raw("See you.", headers="Reply-To: " + '"' * 100_000 + "\r\n"),
}


@pytest.mark.parametrize("name", sorted(_CASES))
def test_a_hostile_message_is_analysed_in_bounded_time(name: str) -> None:
    try:
        res = subprocess.run(
            [sys.executable, "-c", _ONE], input=_CASES[name](), cwd=REPO, capture_output=True, timeout=60
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: not analysed within 60 s")
    assert res.returncode == 0, res.stderr[-2000:]
    # about 0.1-0.4 s on the shared 2-core machine; minutes before the caps
    assert float(res.stdout.strip()) < 5.0


def test_a_budget_beats_while_it_runs_and_stops_analysis_once_spent() -> None:
    mail = parse(_raw("Can we meet on March 3 at 2pm EST? " * 20))
    beats: list[int] = []
    with budget.limit(100.0, pulse=lambda: beats.append(1)):
        analyze_mail(mail)
    assert len(beats) >= 5  # classify, the scanners, the candidate loop, between stages
    now = [0.0]

    def clock() -> float:
        now[0] += 1.0  # every look at the clock costs a second
        return now[0]

    with pytest.raises(budget.TooCostly), budget.limit(3.0, clock=clock):
        analyze_mail(mail)
    # outside a budget the checkpoints do nothing
    analyze_mail(mail)


def test_a_message_over_its_budget_is_skipped_once_and_never_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    mail = tmp_path / "Mail"
    for sub in ("cur", "new", "tmp"):
        (mail / sub).mkdir(parents=True)
    (mail / "new" / "1.host").write_bytes((DEMO / "01-invitation.eml").read_bytes())
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[daemon]\nstate_dir = "{tmp_path / "state"}"\ntimezone = "America/New_York"\n\n'
        f'[[accounts]]\nname = "local"\nkind = "maildir"\npath = "{mail}"\naddresses = ["alex.rivera@example.com"]\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(budget, "ANALYSIS_BUDGET_S", -1.0)  # spent before it starts
    now = datetime(2026, 3, 2, 10, 30, tzinfo=ET)
    first = run_once(load(cfg), now)
    assert first[0].synced == 1 and first[0].analysed == 0
    assert "skipped: too costly to analyse" in capsys.readouterr().out
    with sqlite3.connect(db_path(load(cfg))) as db:
        assert db.execute("SELECT category FROM messages").fetchall() == [("skipped",)]
        assert db.execute("SELECT count(*) FROM applications").fetchone() == (0,)
    monkeypatch.setattr(budget, "ANALYSIS_BUDGET_S", 20.0)
    again = run_once(load(cfg), now)
    assert again[0].synced == 0 and again[0].analysed == 0  # seen: not analysed again


# ---------------------------------------------------------------------- who the draft goes to


def _mail(from_: str, body: str, reply_to: str = "") -> bytes:
    head = f"From: {from_}\r\nTo: me@example.org\r\nSubject: Interview invitation\r\n"
    head += f"Reply-To: {reply_to}\r\n" if reply_to else ""
    return (head + "Date: Mon, 02 Mar 2026 10:00:00 -0500\r\n\r\n" + body).encode()


def test_an_address_in_the_text_is_a_recipient_only_on_the_employers_domain() -> None:
    # the footer of a Greenhouse mail names Greenhouse's own mailboxes: never the recipient
    relay = _mail("Acme Recruiting <no-reply@greenhouse.io>", "Questions? privacy@greenhouse.io\n")
    assert reply_address(parse(relay), frozenset(), company="Acme") is None
    # a recruiter named in the text, on the company's own domain, is
    named = _mail("Acme Recruiting <no-reply@greenhouse.io>", "Write to dana@acme.com or privacy@greenhouse.io\n")
    assert reply_address(parse(named), frozenset(), company="Acme").addr == "dana@acme.com"  # type: ignore[union-attr]
    assert reply_address(parse(named), frozenset(), employer_domains=("acme.com",)) is not None
    assert reply_address(parse(named), frozenset()) is None  # nothing says acme.com is the employer
    # a no-reply sender on the company's domain vouches for it
    own = _mail("Acme <no-reply@acme.com>", "Reply to dana@acme.com, not to jobs@gmail.com\n")
    assert reply_address(parse(own), frozenset()).addr == "dana@acme.com"  # type: ignore[union-attr]


def test_a_reply_to_outside_the_senders_and_employers_domains_is_not_used_silently() -> None:
    outside = parse(_mail("Dana <dana@acme.com>", "Hi", reply_to="Dana <dana@evil.example>"))
    r = choose_recipient(outside, frozenset(), company="Acme")
    assert r.address is not None and r.address.addr == "dana@acme.com"
    assert "dana@evil.example" in r.note and "sender" in r.note
    # on the sender's domain, the employer's, or through a hiring relay: taken as it is
    for sender, reply_to in (
        ("Dana <dana@acme.com>", "jobs@careers.acme.com"),
        ("Acme via Greenhouse <no-reply@greenhouse.io>", "dana@acme.com"),
        ("Dana <dana@acme.com>", "reply+abc@greenhouse.io"),
    ):
        r = choose_recipient(parse(_mail(sender, "Hi", reply_to=reply_to)), frozenset(), company="Acme")
        assert r.address is not None and r.address.addr == reply_to and r.note == "", (sender, reply_to, r)
    # nobody safe at all: no address, and the note says why
    r = choose_recipient(parse(_mail("no-reply@acme.com", "Hi", reply_to="x@evil.example")), frozenset())
    assert r.address is None and "empty" in r.note


def test_an_outside_reply_to_is_logged_and_shown_in_status_and_the_draft_goes_to_the_sender(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mail = tmp_path / "Mail"
    for sub in ("cur", "new", "tmp"):
        (mail / sub).mkdir(parents=True)
    raw = (
        (DEMO / "01-invitation.eml")
        .read_bytes()
        .replace(b"To: Alex", b"Reply-To: Maya <maya@elsewhere.example>\nTo: Alex", 1)
    )
    (mail / "new" / "1.host").write_bytes(raw)
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[daemon]\nstate_dir = "{tmp_path / "state"}"\ntimezone = "America/New_York"\n\n'
        f'[[accounts]]\nname = "local"\nkind = "maildir"\npath = "{mail}"\naddresses = ["alex.rivera@example.com"]\n',
        encoding="utf-8",
    )
    settings = load(cfg)
    run_once(settings, datetime(2026, 3, 9, 10, 30, tzinfo=ET))  # after the interview: a draft is due
    out = capsys.readouterr().out
    assert "maya@elsewhere.example" in out and "recipient" in out
    drafts = list((mail / ".Drafts").glob("*/*"))
    assert drafts, "the draft is still made"
    assert b"To: Maya Chen <maya.chen@brightwaterlabs.example>" in drafts[0].read_bytes()
    snap = snapshot(settings)
    note = snap["applications"][0]["recipient_note"]
    assert "maya@elsewhere.example" in note
    assert note in render_table(snap, ET)


# ---------------------------------------------------------------------- secrets at the edges


class _FakeClient:
    def __init__(self, caps: tuple[bytes, ...]) -> None:
        self.caps, self.calls = caps, []  # type: list[str]

    def capabilities(self) -> tuple[bytes, ...]:
        return self.caps

    def login(self, user: str, password: str) -> None:
        self.calls.append("login")
        (user + password).encode("ascii")  # what imaplib does with LOGIN's strings

    def plain_login(self, user: str, password: str) -> None:
        self.calls.append("plain")


def test_a_non_ascii_password_uses_authenticate_plain_or_fails_without_naming_a_character() -> None:
    from connectors.imap import ImapConnector
    from daemon.errors import CredentialError
    from daemon.settings import AccountSettings

    acc = AccountSettings(name="a", host="127.0.0.1", port=143, security="plain", username="me", timeout_seconds=5.0)
    secret = "pässwörd-ßecret"
    conn = ImapConnector(acc, secret)
    plain = _FakeClient((b"IMAP4REV1", b"AUTH=PLAIN"))
    conn._login(plain)  # type: ignore[arg-type]
    assert plain.calls == ["plain"]
    ascii_only = _FakeClient((b"IMAP4REV1", b"AUTH=PLAIN"))
    ImapConnector(acc, "ascii-secret")._login(ascii_only)  # type: ignore[arg-type]
    assert ascii_only.calls == ["login"]
    with pytest.raises(CredentialError) as info:
        conn._login(_FakeClient((b"IMAP4REV1",)))  # type: ignore[arg-type]
    msg = str(info.value)
    assert "ASCII" in msg and not any(ch in msg for ch in "äöß") and "position" not in msg
    assert info.value.__cause__ is None and info.value.__context__ is None


def test_a_state_dir_others_can_write_is_refused(tmp_path: Path) -> None:
    import os

    from daemon.errors import StateError
    from daemon.service.store import Store

    state = tmp_path / "state"
    state.mkdir()
    os.chmod(state, 0o777)
    with pytest.raises(StateError, match=r"writable by everyone \(mode 0777\).*chmod go-w"):
        Store.open(state / "state.sqlite")
    os.chmod(state, 0o770)
    with pytest.raises(StateError, match="writable by its group"):
        Store.open(state / "state.sqlite")
    os.chmod(state, 0o700)
    Store.open(state / "state.sqlite").close()
