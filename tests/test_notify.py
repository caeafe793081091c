"""Notifications against a real in-process SMTP server (aiosmtpd) with TLS from trustme."""

from __future__ import annotations

import socket
import ssl
import time
from collections.abc import Iterator
from datetime import datetime
from datetime import time as dtime
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from daemon.service.notify import Notice, Outbox, draft_notice
from daemon.settings import NotifySettings

NOW = datetime(2026, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York"))
CANARY = "s3cret-canary-pw"


class Sink:
    def __init__(self) -> None:
        self.messages: list[bytes] = []
        self.auth: list[str] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope.original_content)
        return "250 OK"


def _authenticator(sink: Sink) -> Any:
    def check(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.login == b"me" and data.password == CANARY.encode()
        if ok:
            sink.auth.append(mechanism)
        return AuthResult(success=ok)

    return check


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def client_ctx(ca: trustme.CA) -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ca.configure_trust(ctx)
    return ctx


def _server_ctx(ca: trustme.CA) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(ctx)
    return ctx


@pytest.fixture
def tls_server(ca: trustme.CA) -> Iterator[tuple[Sink, int]]:
    sink = Sink()
    port = _free_port()
    c = Controller(
        sink, hostname="127.0.0.1", port=port, ssl_context=_server_ctx(ca),
        authenticator=_authenticator(sink), auth_require_tls=False,
    )  # fmt: skip
    c.start()
    yield sink, port
    c.stop()


@pytest.fixture
def starttls_server(ca: trustme.CA) -> Iterator[tuple[Sink, int]]:
    sink = Sink()
    port = _free_port()
    c = Controller(
        sink, hostname="127.0.0.1", port=port, tls_context=_server_ctx(ca), require_starttls=True,
        authenticator=_authenticator(sink), auth_require_tls=True,
    )  # fmt: skip
    c.start()
    yield sink, port
    c.stop()


def _settings(port: int, security: str, **kw: Any) -> NotifySettings:
    return NotifySettings(
        enabled=True, host="127.0.0.1", port=port, security=security,  # type: ignore[arg-type]
        username="me", from_addr="followupd@example.org", to_addr="me@example.org", timeout_seconds=5, **kw,
    )  # fmt: skip


def _wait(pred: Any, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return
        time.sleep(0.02)
    raise AssertionError("condition not met in time")


def test_implicit_tls_with_auth(tls_server: tuple[Sink, int], client_ctx: ssl.SSLContext) -> None:
    sink, port = tls_server
    box = Outbox(_settings(port, "tls"), lambda: CANARY, context=client_ctx)
    box.put(draft_notice("Acme", "Backend Engineer", "followup-1", NOW), NOW)
    _wait(lambda: box.sent == 1)
    box.close()
    msg = message_from_bytes(sink.messages[0], policy=default)
    assert msg["Subject"] == "followupd: a follow-up draft for Acme — Backend Engineer is waiting in Drafts"
    assert msg["To"] == "me@example.org"
    assert msg["Auto-Submitted"] == "auto-generated"
    assert "followup-1" in msg.get_content()
    assert sink.auth  # authenticated


def test_starttls(starttls_server: tuple[Sink, int], client_ctx: ssl.SSLContext) -> None:
    sink, port = starttls_server
    box = Outbox(_settings(port, "starttls"), lambda: CANARY, context=client_ctx)
    box.put(Notice("s", "b"), NOW)
    _wait(lambda: box.sent == 1)
    box.close()
    assert len(sink.messages) == 1


def test_untrusted_certificate_is_refused_and_retried_then_given_up(tls_server: tuple[Sink, int]) -> None:
    sink, port = tls_server
    box = Outbox(_settings(port, "tls"), lambda: CANARY, max_attempts=2, base_delay=0.05)
    box.put(Notice("s", "b"), NOW)  # default context: trustme's CA is not trusted
    _wait(lambda: box.failed == 1)
    box.close()
    assert sink.messages == []


def test_dead_server_never_blocks_and_retry_delivers(ca: trustme.CA, client_ctx: ssl.SSLContext) -> None:
    port = _free_port()
    box = Outbox(_settings(port, "tls"), lambda: CANARY, context=client_ctx, max_attempts=8, base_delay=0.2)
    t0 = time.monotonic()
    box.put(Notice("later", "b"), NOW)
    assert time.monotonic() - t0 < 0.1  # the caller's loop is not held up
    time.sleep(0.5)  # at least one attempt fails: nothing listens yet
    sink = Sink()
    c = Controller(sink, hostname="127.0.0.1", port=port, ssl_context=_server_ctx(ca),
                   authenticator=_authenticator(sink), auth_require_tls=False)  # fmt: skip
    c.start()
    try:
        _wait(lambda: box.sent == 1, timeout=15)
    finally:
        box.close()
        c.stop()
    assert len(sink.messages) == 1


def test_digest_collects_and_sends_once_a_day(tls_server: tuple[Sink, int], client_ctx: ssl.SSLContext) -> None:
    sink, port = tls_server
    box = Outbox(_settings(port, "tls", mode="digest", digest_time=dtime(18, 0)), lambda: CANARY, context=client_ctx)
    box.put(draft_notice("Acme", "SRE", "followup-1", NOW), NOW)
    box.put(draft_notice("Globex", None, "followup-2", NOW), NOW)
    box.tick(NOW)  # 09:30: before digest time
    time.sleep(0.2)
    assert sink.messages == []
    evening = NOW.replace(hour=18, minute=5)
    box.tick(evening)
    box.tick(evening)  # a second tick the same day sends nothing more
    _wait(lambda: box.sent == 1)
    box.close()
    assert len(sink.messages) == 1
    body = message_from_bytes(sink.messages[0], policy=default).get_content()
    assert "Acme — SRE" in body and "Globex" in body


def test_disabled_sends_nothing() -> None:
    box = Outbox(NotifySettings(enabled=False), lambda: None)
    box.put(Notice("s", "b"), NOW)
    assert box._thread is None


# ---------------------------------------------------------------------- through the runner


def _plain_server() -> tuple[Sink, Controller, int]:
    sink = Sink()
    port = _free_port()
    c = Controller(sink, hostname="127.0.0.1", port=port)
    c.start()
    return sink, c, port


def _maildir_config(tmp_path: Path, port: int, notify: str) -> Path:
    from daemon.commands.demo import _sample  # the bundled sample invitation (Wed 4 March 2026, 14:00 ET)

    mail = tmp_path / "Mail"
    for sub in ("cur", "new", "tmp"):
        (mail / sub).mkdir(parents=True)
    (mail / "new" / "1.host").write_bytes(_sample("01-invitation.eml"))
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[daemon]\nstate_dir = "{tmp_path / "state"}"\ntimezone = "America/New_York"\n\n'
        f'[notify]\nenabled = true\nhost = "127.0.0.1"\nport = {port}\nsecurity = "plain"\n'
        f'from = "followupd@example.org"\nto = "me@example.org"\n{notify}\n\n'
        f'[[accounts]]\nname = "local"\nkind = "maildir"\npath = "{mail}"\naddresses = ["alex.rivera@example.com"]\n',
        encoding="utf-8",
    )
    return cfg


def test_run_once_emails_the_user_when_a_draft_is_queued_and_only_once(tmp_path: Path) -> None:
    from daemon.config import load
    from daemon.service.runner import run_once

    sink, server, port = _plain_server()
    try:
        cfg = _maildir_config(tmp_path, port, 'mode = "each"')
        run_once(load(cfg), NOW.replace(day=2, hour=10))  # Mon: the invitation arrives
        assert sink.messages == []
        run_once(load(cfg), NOW.replace(day=6, hour=9, minute=31))  # Fri: followup-1 is due
        assert len(sink.messages) == 1
        msg = message_from_bytes(sink.messages[0], policy=default)
        assert "followup-1 draft is waiting in Drafts" in str(msg["Subject"])
        assert "Brightwater Labs" in str(msg["Subject"])
        run_once(load(cfg), NOW.replace(day=6, hour=11))
        assert len(sink.messages) == 1  # sent once, not again
    finally:
        server.stop()


def test_run_once_digest_waits_for_the_digest_time(tmp_path: Path) -> None:
    from daemon.config import load
    from daemon.service.runner import run_once

    sink, server, port = _plain_server()
    try:
        cfg = _maildir_config(tmp_path, port, 'mode = "digest"\ndigest_time = "18:00"')
        run_once(load(cfg), NOW.replace(day=2, hour=10))
        run_once(load(cfg), NOW.replace(day=6, hour=9, minute=31))
        assert sink.messages == []  # queued until the evening
        run_once(load(cfg), NOW.replace(day=6, hour=18, minute=5))
        assert len(sink.messages) == 1
        body = message_from_bytes(sink.messages[0], policy=default).get_body(preferencelist=("plain",))
        assert body is not None and "followup-1 draft is waiting" in body.get_content()
        run_once(load(cfg), NOW.replace(day=6, hour=19))
        assert len(sink.messages) == 1
    finally:
        server.stop()


def test_an_smtp_outage_keeps_the_notice_queued_for_the_next_run(tmp_path: Path) -> None:
    from daemon.config import load
    from daemon.service.runner import run_once

    port = _free_port()  # nothing listens yet
    cfg = _maildir_config(tmp_path, port, 'mode = "each"')
    run_once(load(cfg), NOW.replace(day=2, hour=10))
    run_once(load(cfg), NOW.replace(day=6, hour=9, minute=31))  # the send fails: kept queued
    sink = Sink()
    server = Controller(sink, hostname="127.0.0.1", port=port)
    server.start()
    try:
        run_once(load(cfg), NOW.replace(day=6, hour=10))
        assert len(sink.messages) == 1
    finally:
        server.stop()


def test_the_daemon_hands_queued_notices_to_the_background_sender(tmp_path: Path) -> None:
    from daemon.config import load
    from daemon.service.loop import Daemon
    from daemon.service.store import Store

    sink, server, port = _plain_server()
    try:
        cfg = _maildir_config(tmp_path, port, 'mode = "each"')
        settings = load(cfg)
        daemon = Daemon(cfg, settings, clock=lambda: NOW)
        store = Store.open(tmp_path / "state" / "state.sqlite")
        store.queue_notice("app1", "Acme — SRE: the followup-1 draft is waiting in Drafts", NOW)
        daemon._store = store
        daemon._notices()
        _wait(lambda: len(sink.messages) == 1)
        assert store.unsent_notices() == []
        daemon._notices_at = 0.0
        daemon._notices()  # nothing queued: nothing more
        time.sleep(0.3)
        assert len(sink.messages) == 1
        assert daemon._outbox is not None
        daemon._outbox.close()
        store.close()
    finally:
        server.stop()
