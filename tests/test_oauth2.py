"""OAuth2 sign-in, for real and offline: Dovecot's ``oauth2`` passdb checks followupd's bearer
tokens against a stub provider on 127.0.0.1 (tests/oauth_provider.py) that also serves the
device, token and authorization endpoints, rotates refresh tokens and revokes them.

Covered: ``login --device`` and the loopback PKCE flow (a client that follows the
redirect itself), a pass that syncs and drafts over XOAUTH2 and over OAUTHBEARER,
refresh before expiry, one refresh-and-retry when the server refuses the token, a rotated
refresh token stored at once, and a revoked sign-in: "login needed" with one error, one
notice, no second token request, `status` showing it, the other account unaffected.
"""

from __future__ import annotations

import io
import json
import stat
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest
import scenario_mail as sm
from dovecot import Dovecot, Options, User, client_for
from oauth_provider import Provider

from connectors import oauth2
from connectors.imap import ImapConnector
from daemon.commands import cli
from daemon.config import load
from daemon.errors import LoginNeeded
from daemon.service.runner import run_once

CAST = sm.Cast()
INVITED = sm.datetime(2026, 4, 9, 10, 12, tzinfo=sm.ET)
INTERVIEW = sm.datetime(2026, 4, 14, 14, 0, tzinfo=sm.ET)
FIRST_DUE = sm.datetime(2026, 4, 16, 9, 31, tzinfo=sm.ET)
PASSWORD_ENV = "FUD_OAUTH_OTHER_PASSWORD"


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    p = Provider()
    yield p
    p.close()


@pytest.fixture(scope="module")
def server(provider: Provider) -> Iterator[Dovecot]:
    from conftest import _serve

    yield from _serve("oauth2", Options(oauth2_introspection_url=f"{provider.url}/introspect"))


def config_text(server: Dovecot, provider: Provider, user: User, state: Path, *, mechanism: str = "xoauth2",
                other: User | None = None, notify: bool = False) -> str:  # fmt: skip
    text = f"""\
[daemon]
state_dir = "{state}"
timezone = "America/New_York"

[[accounts]]
name = "work"
host = "127.0.0.1"
port = {server.port}
security = "plain"
username = "{user.name}"
auth = "oauth2"
addresses = ["{CAST.user_addr}"]
timeout_seconds = 10.0

[accounts.oauth2]
client_id = "{provider.client_id}"
authorize_url = "{provider.url}/authorize"
device_url = "{provider.url}/device"
token_url = "{provider.url}/token"
scopes = ["imap", "offline_access"]
mechanism = "{mechanism}"
token_store = "file"
"""
    if other is not None:
        text += f"""
[[accounts]]
name = "other"
host = "127.0.0.1"
port = {server.port}
security = "plain"
username = "{other.name}"
password_env = "{PASSWORD_ENV}"
addresses = ["other@example.org"]
timeout_seconds = 10.0
"""
    if notify:  # nothing listens there: notices stay queued, where the test counts them
        text += (
            '\n[notify]\nenabled = true\nhost = "127.0.0.1"\nport = 9\nsecurity = "plain"\nfrom = "me@example.org"\n'
        )
    return text


@pytest.fixture
def user(server: Dovecot, provider: Provider) -> User:
    u = server.new_user()
    provider.user = u.name
    provider.expires_in = 3600.0
    return u


def cli_run(*args: str) -> tuple[int, str]:
    buf = io.StringIO()
    with redirect_stdout(buf):
        rc = cli.main(list(args))
    return rc, buf.getvalue()


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def drafts(server: Dovecot, user: User) -> list[bytes]:
    c = client_for(server, user)
    try:
        c.select_folder("Drafts")
        uids = c.search(["ALL"])
        return [d[b"BODY[]"] for d in c.fetch(uids, ["BODY[]"]).values()] if uids else []
    finally:
        c.logout()


def deliver_invitation(server: Dovecot, user: User) -> None:
    c = client_for(server, user)
    try:
        c.append("INBOX", sm.invitation(CAST, INTERVIEW, sent=INVITED, ics=True), msg_time=INVITED)
    finally:
        c.logout()


def token_file(tmp_path: Path) -> Path:
    return tmp_path / "state" / "oauth2-work.json"


# ---- the whole story, per mechanism -----------------------------------------------------------


@pytest.mark.parametrize("mechanism", ["xoauth2", "oauthbearer"])
def test_login_device_then_sync_and_draft(
    server: Dovecot, provider: Provider, user: User, tmp_path: Path, mechanism: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(tmp_path, config_text(server, provider, user, tmp_path / "state", mechanism=mechanism))
    rc, out = cli_run("-c", str(config), "login", "work", "--device")
    assert rc == 0, out
    assert "WDJB-MJHT" in out and f"{provider.url}/device" in out
    path = token_file(tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    refresh = json.loads(path.read_text())["refresh_token"]

    deliver_invitation(server, user)
    reports = run_once(load(config), FIRST_DUE, out=io.StringIO())
    assert [r.errors for r in reports] == [0], [r.summary() for r in reports]
    assert reports[0].drafts == 1
    (draft,) = drafts(server, user)
    assert b"X-Followupd-Id" in draft
    assert provider.introspections >= 1  # Dovecot checked the bearer token with the provider
    # the refresh token was used and rotated: the stored one is the new one
    assert json.loads(path.read_text())["refresh_token"] != refresh
    secrets_seen = [*provider.access, *provider.refresh, refresh]
    captured = capsys.readouterr()
    logged = captured.out + captured.err + out
    assert not any(s in logged for s in secrets_seen)


# ---- tokens over time ---------------------------------------------------------------------------


def _session(config: Path) -> tuple[Any, oauth2.Session]:
    settings = load(config)
    account = settings.accounts[0]
    return account, oauth2.session_for(account, settings)


def test_refresh_before_expiry_and_one_retry_when_the_server_refuses(
    server: Dovecot, provider: Provider, user: User, tmp_path: Path
) -> None:
    config = write_config(tmp_path, config_text(server, provider, user, tmp_path / "state"))
    assert cli_run("-c", str(config), "login", "work", "--device")[0] == 0
    provider.expires_in = 61.0  # followupd renews 60 s early: this token is good for 1 s
    account, session = _session(config)
    first = session.token()
    assert session.token() == first and session.requests == 1  # still fresh: no request
    time.sleep(1.1)
    second = session.token()
    assert second != first and session.requests == 2

    provider.expires_in = 3600.0
    session.token()  # a long-lived one
    before = session.requests
    provider.expire_access()  # the server no longer accepts it; the client cannot know
    conn = ImapConnector(account, "", oauth=session)
    try:
        conn.connect()  # AUTHENTICATIONFAILED, one refresh, one retry, in
    finally:
        conn.close()
    assert session.requests == before + 1

    provider.revoke(user.name)  # and now refresh fails as well: no loop, one request
    provider.expire_access()
    conn = ImapConnector(account, "", oauth=session)
    with pytest.raises(LoginNeeded, match="followupd login work"):
        conn.connect()
    assert session.requests == before + 2


def test_revoked_sign_in_puts_only_that_account_in_login_needed(
    server: Dovecot, provider: Provider, user: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    other = server.new_user()
    monkeypatch.setenv(PASSWORD_ENV, other.password)
    config = write_config(tmp_path, config_text(server, provider, user, tmp_path / "state", other=other, notify=True))
    assert cli_run("-c", str(config), "login", "work", "--device")[0] == 0
    settings = load(config)
    assert [r.errors for r in run_once(settings, FIRST_DUE, out=io.StringIO())] == [0, 0]

    provider.revoke(user.name)
    settings = load(config)  # a fresh process: no access token in memory
    capsys.readouterr()
    refreshes = provider.grants("refresh_token")
    first = run_once(settings, FIRST_DUE, out=io.StringIO())
    second = run_once(settings, FIRST_DUE, out=io.StringIO())  # the same loaded config, like the daemon
    assert [r.errors for r in first] == [1, 0] and [r.errors for r in second] == [1, 0]
    assert provider.grants("refresh_token") == refreshes + 1  # no second token request
    logged = capsys.readouterr()
    errors = [line for line in (logged.out + logged.err).splitlines() if "[error" in line and "work" in line]
    assert errors and all("followupd login work" in e for e in errors), errors
    assert not any(t in logged.out + logged.err for t in [*provider.access, *provider.refresh])

    rc, out = cli_run("-c", str(config), "status", "--json")
    assert rc == 0
    snap = json.loads(out)
    states = {a["name"]: a for a in snap["accounts"]}
    assert states["work"]["state"] == "login needed" and "followupd login work" in states["work"]["detail"]
    assert states["other"]["state"] == "ok"
    assert not any(t in out for t in [*provider.access, *provider.refresh])
    _rc, text = cli_run("-c", str(config), "status")
    assert "account work: login needed" in text

    from daemon.paths import db_path
    from daemon.service.store import Store

    store = Store.open(db_path(settings))
    try:
        notices = [n.text for n in store.unsent_notices() if "sign in again" in n.text]
    finally:
        store.close()
    assert notices == ["work needs you to sign in again: followupd login work"]

    # signing in again brings it back
    assert cli_run("-c", str(config), "login", "work", "--device")[0] == 0
    assert [r.errors for r in run_once(load(config), FIRST_DUE, out=io.StringIO())] == [0, 0]
    snap = json.loads(cli_run("-c", str(config), "status", "--json")[1])
    assert {a["name"]: a["state"] for a in snap["accounts"]} == {"work": "ok", "other": "ok"}


# ---- the loopback flow --------------------------------------------------------------------------


def test_loopback_login_with_pkce(server: Dovecot, provider: Provider, user: User, tmp_path: Path) -> None:
    config = write_config(tmp_path, config_text(server, provider, user, tmp_path / "state"))
    settings = load(config)
    account = settings.accounts[0]
    pages: list[str] = []

    def browser(url: str) -> bool:
        # the "user" consents; urllib follows the provider's 302 to followupd's loopback page
        def go() -> None:
            with urllib.request.urlopen(url, timeout=10) as response:
                pages.append(response.read().decode())

        threading.Thread(target=go, daemon=True).start()
        return True

    out = io.StringIO()
    answer = oauth2.login_loopback(account, out=out, open_browser=browser, timeout=20)
    oauth2.store_login(account, settings, answer)
    assert f"{provider.url}/authorize?" in out.getvalue() and "code_challenge_method=S256" in out.getvalue()
    deadline = time.monotonic() + 5
    while not pages and time.monotonic() < deadline:
        time.sleep(0.01)
    assert pages and "signed in" in pages[0]
    session = oauth2.Session(account, oauth2.token_store(account, settings))
    conn = ImapConnector(account, "", oauth=session)
    try:
        assert conn.connect().drafts == "Drafts"
    finally:
        conn.close()


def test_login_exit_codes(server: Dovecot, provider: Provider, user: User, tmp_path: Path) -> None:
    config = write_config(tmp_path, config_text(server, provider, user, tmp_path / "state"))
    assert cli_run("-c", str(config), "login", "nosuch")[0] == 2
    bad = config.read_text().replace(f'client_id = "{provider.client_id}"', 'client_id = "unknown-app"')
    config.write_text(bad)
    assert cli_run("-c", str(config), "login", "work", "--device")[0] == 1  # invalid_client
    assert not token_file(tmp_path).exists()


# ---- without a server -------------------------------------------------------------------------


def test_presets_fill_the_account(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        '[[accounts]]\nname = "o"\nprovider = "outlook"\nusername = "me@outlook.com"\nauth = "oauth2"\n'
        'addresses = ["me@outlook.com"]\n[accounts.oauth2]\nclient_id = "abc"\n'
        '[[accounts]]\nname = "g"\nprovider = "gmail"\nusername = "me@gmail.com"\nauth = "oauth2"\n'
        'addresses = ["me@gmail.com"]\n[accounts.oauth2]\nclient_id = "abc"\n'
        '[notify]\nenabled = true\noauth2_account = "o"\nfrom = "me@outlook.com"\n'
    )
    s = load(path)
    o, g = s.accounts
    assert (o.host, o.port, o.security) == ("outlook.office365.com", 993, "tls")
    assert o.oauth2 is not None and o.oauth2.scopes == (
        "https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access", "https://outlook.office.com/SMTP.Send"
    )  # fmt: skip
    assert o.oauth2.token_url.endswith("/consumers/oauth2/v2.0/token")
    assert g.host == "imap.gmail.com" and g.oauth2 is not None and g.oauth2.scopes == ("https://mail.google.com/",)
    assert (s.notify.host, s.notify.port, s.notify.security, s.notify.username) == (
        "smtp-mail.outlook.com", 587, "starttls", "me@outlook.com"
    )  # fmt: skip
    assert oauth2.redirect_host(o.oauth2) == "localhost" and oauth2.redirect_host(g.oauth2) == "127.0.0.1"


def test_oauth2_config_problems(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        '[[accounts]]\nname = "x"\nhost = "imap.example.org"\nusername = "me"\nauth = "oauth2"\n'
        'password_env = "P"\naddresses = ["me@example.org"]\n'
        '[accounts.oauth2]\ntoken_url = "http://example.org/token"\nscope = ["a"]\n'
    )
    from daemon.config import check

    problems = check(path)
    f = str(path)
    assert f"{f}: accounts[0].oauth2.client_id: required: the client id of the app you registered " \
        "(the README says how)" in problems  # fmt: skip
    assert any(p.startswith(f"{f}: accounts[0].oauth2.token_url: 'http://example.org/token' must be an https://")
               for p in problems)  # fmt: skip
    assert f"{f}: accounts[0].oauth2.scope: unknown key; did you mean 'scopes'?" in problems
    assert any(p.startswith(f"{f}: accounts[0].password_env: not used") for p in problems)


def test_sasl_strings() -> None:
    assert oauth2.sasl("xoauth2", "me@x.org", "T") == "user=me@x.org\x01auth=Bearer T\x01\x01"
    assert (
        oauth2.sasl("oauthbearer", "a,b=c", "T", "h", 993)
        == "n,a=a=2Cb=3Dc,\x01host=h\x01port=993\x01auth=Bearer T\x01\x01"
    )


def test_notify_signs_in_to_smtp_with_xoauth2() -> None:
    import asyncio
    import base64
    import socket
    from datetime import UTC, datetime

    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    from daemon.service.notify import Notice, build_message, send
    from daemon.settings import NotifySettings

    seen: list[str] = []
    messages: list[bytes] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            messages.append(envelope.original_content)
            return "250 OK"

        async def auth_XOAUTH2(self, server: Any, args: list[bytes]) -> AuthResult:
            seen.append(base64.b64decode(args[-1]).decode())
            return AuthResult(success=seen[-1] == oauth2.sasl("xoauth2", "me@example.org", "ACCESS"))

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, auth_require_tls=False)
    controller.start()
    try:
        settings = NotifySettings(
            enabled=True, host="127.0.0.1", port=port, security="plain", username="me@example.org",
            from_addr="me@example.org", to_addr="me@example.org", timeout_seconds=5, oauth2_account="work",
        )  # fmt: skip
        msg = build_message(settings, Notice(subject="followupd: test", body="hello\n"), datetime.now(UTC))
        asyncio.run(send(settings, "ACCESS", msg))
    finally:
        controller.stop()
    assert seen == [oauth2.sasl("xoauth2", "me@example.org", "ACCESS")] and len(messages) == 1
