"""A revoked OAuth2 sign-in under the long-running daemon (DESIGN.md §3, "login needed").

``followupd run`` runs as a real process (tests/test_daemon.py's harness: its JSON log and
an sd_notify socket) with two accounts on Dovecot's ``oauth2`` passdb: ``work`` signs in
with OAuth2 at the stub provider (tests/oauth_provider.py), ``other`` with a password.
The provider then revokes the sign-in and expires the access token, and the server drops
``work``'s IDLE connection, so the daemon's reconnect gets ``invalid_grant``. Then:

* STATUS= names "login needed: work"; one error line names ``followupd login work``; one
  notice is queued ([notify] on, nothing listening: the store's table is where it shows);
* the provider sees no token request over several of the daemon's retries of the account
  (the daemon runs with its user-error retry shortened from 600 s to RETRY seconds, the
  one change to the real process, so that the retries happen within the test);
* ``status --json`` says "login needed" for ``work`` and "ok" for ``other``, which still
  drafts for mail delivered meanwhile;
* ``followupd login --device`` and SIGHUP bring ``work`` back: "ok" in status and on STATUS=.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import scenario_mail as sm
from dovecot import Dovecot, User, client_for
from oauth_provider import Provider
from test_daemon import Account, Followupd, NotifySocket, make_daemon, notify
from test_oauth2 import PASSWORD_ENV, cli_run, config_text, drafts, provider, server, user
from test_state_live import _cli, _noon_zone

__all__ = ["make_daemon", "notify", "provider", "server", "user"]  # fixtures, used by name

#: seconds between the daemon's retries of an account that needs the user (600 s in production)
RETRY = 0.5
#: the daemon, with only that constant changed
SHORT_RETRY = (
    "-c",
    "import runpy\n"
    "import daemon.service.loop as loop\n"
    f"loop.USER_ERROR_RETRY = {RETRY}\n"
    "runpy.run_module('daemon', run_name='__main__', alter_sys=True)\n",
)
RETRYING = "account needs attention; retrying later"
LOGIN_HINT = "followupd login work"


def token_requests(provider: Provider) -> int:
    return sum(1 for path, _ in provider.requests if path == "/token")


def sign_in_notices(state: Path) -> list[str]:
    """Every sign-in notice the daemon queued, sent or not."""
    db = sqlite3.connect(f"file:{state / 'state.sqlite'}?mode=ro", uri=True, timeout=5)
    try:
        rows = db.execute("SELECT text FROM notices ORDER BY id").fetchall()
    finally:
        db.close()
    return [str(text) for (text,) in rows if "sign in again" in str(text)]


def account_states(d: Followupd) -> dict[str, dict[str, Any]]:
    res, _ = _cli(d, "status", "--json")
    assert res.returncode == 0, res.stderr
    return {a["name"]: a for a in json.loads(res.stdout)["accounts"]}


def wait_status(notify: NotifySocket, pred: Callable[[str], bool], *, after: float = 0.0, timeout: float = 10) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for g in notify.all("STATUS"):
            if g.at >= after and pred(g.fields["STATUS"]):
                return g.fields["STATUS"]
        time.sleep(0.02)
    raise AssertionError(f"no such STATUS= within {timeout}s; got {notify.summary()}")


def test_revoked_sign_in_under_the_running_daemon(
    server: Dovecot, provider: Provider, user: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    make_daemon: Callable[[list[Account]], Followupd], notify: NotifySocket,
) -> None:  # fmt: skip
    other = server.new_user()
    monkeypatch.setenv(PASSWORD_ENV, other.password)
    d = make_daemon([])
    d.launcher = SHORT_RETRY
    zone = _noon_zone()  # a thank-you for this morning's interview is due at once
    text = config_text(server, provider, user, d.state, other=other, notify=True).replace(
        'timezone = "America/New_York"\n',
        f'timezone = "{zone.key}"\nuser_name = "Jordan Lee"\nlog_level = "debug"\npoll_interval_seconds = 60.0\n',
    )
    text += '\n[policy]\ncountry = "US"\nthank_you = true\nthank_you_after_hours = 0\n'
    d.config.parent.mkdir(exist_ok=True)
    d.config.write_text(text)
    rc, out = cli_run("-c", str(d.config), "login", "work", "--device")
    assert rc == 0, out

    d.start()
    ready = notify.wait_for("READY", "1", timeout=15)
    assert ready.fields["STATUS"].startswith("watching 2 account(s)"), ready.fields["STATUS"]
    assert "login needed" not in ready.fields["STATUS"] and "problems" not in ready.fields["STATUS"]
    for name in ("work", "other"):
        d.wait_log(lambda e, n=name: e.get("event") == "connected" and e.get("account") == n)  # type: ignore[misc]

    # 1. the sign-in is revoked and the access token dies; the server drops work's IDLE
    provider.revoke(user.name)
    provider.expire_access()
    before = token_requests(provider)
    refreshes = provider.grants("refresh_token")
    for pid in server.imap_pids(user.name):
        os.kill(pid, signal.SIGTERM)

    # 2. "login needed": on STATUS=, once in the log at error level, once in the notice queue
    line = wait_status(notify, lambda s: "login needed: work" in s)
    entered = time.monotonic()
    assert "problems with" not in line, line
    assert token_requests(provider) == before + 1  # the one refresh that got invalid_grant
    assert provider.grants("refresh_token") == refreshes + 1

    # mail for the password account meanwhile: it is read and drafted as ever
    now = datetime.now(zone)
    morning = now.replace(hour=8, minute=0, second=0, microsecond=0)
    cast = sm.Cast(user_addr="other@example.org")
    mail = client_for(server, other)
    try:
        mail.append("INBOX", sm.invitation(cast, morning, sent=morning - timedelta(days=1), ics=True),
                    msg_time=morning - timedelta(days=1))  # fmt: skip
    finally:
        mail.logout()
    d.wait_log(lambda e: e.get("event") == "draft created" and e.get("account") == "other", timeout=10)
    (draft,) = drafts(server, other)
    assert b"X-Followupd-Id" in draft

    # several retries of work go by, none of them asking the provider for a token
    retries = d.wait_log(lambda e: e.get("event") == RETRYING and e.get("account") == "work", count=4, timeout=10)
    assert token_requests(provider) == before + 1, provider.requests[-5:]
    assert provider.grants("refresh_token") == refreshes + 1
    errors = [e for e in d.entries() if e.get("level") in ("error", "critical") and LOGIN_HINT in json.dumps(e)]
    assert len(errors) == 1, errors
    assert errors[0]["event"] == RETRYING and errors[0]["account"] == "work"
    assert all(e["level"] == "debug" for e in retries[1:]), retries  # the same problem again is not news
    assert sign_in_notices(d.state) == [f"work needs you to sign in again: {LOGIN_HINT}"]
    # STATUS= said "login needed" from then on, and never took work for a mere connection problem
    later = [g.fields["STATUS"] for g in notify.all("STATUS") if g.at >= entered]
    assert all("login needed: work" in s and "problems with" not in s for s in later), later
    assert "login needed: work" in notify.status()

    states = account_states(d)
    assert states["work"]["state"] == "login needed" and LOGIN_HINT in states["work"]["detail"], states
    assert states["other"]["state"] == "ok", states

    # 3. a new sign-in, then SIGHUP: work is back
    rc, out = cli_run("-c", str(d.config), "login", "work", "--device")
    assert rc == 0, out
    sent = time.monotonic()
    d.signal(signal.SIGHUP)
    d.wait_log(lambda e: e.get("event") == "config reloaded", timeout=5)
    line = wait_status(notify, lambda s: "login needed" not in s and "problems" not in s, after=sent, timeout=10)
    assert line.startswith("watching 2 account(s)"), line
    connected = [e for e in d.events("connected") if e.get("account") == "work"]
    assert len(connected) >= 2, "work connected again"
    states = account_states(d)
    assert {n: a["state"] for n, a in states.items()} == {"work": "ok", "other": "ok"}, states
    assert states["work"]["detail"] == "connected"  # the daemon's word, not only `login`'s
    assert provider.grants("refresh_token") >= refreshes + 2  # the new sign-in was used
    assert sign_in_notices(d.state) == [f"work needs you to sign in again: {LOGIN_HINT}"]
    assert d.alive()
    assert d.stop()[0] == 0
    logged = d.output()
    assert not any(t in logged for t in [*provider.access, *provider.refresh])
