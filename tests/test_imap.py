"""The IMAP connector against a real, private Dovecot (see tests/dovecot.py)."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from dovecot import Dovecot, User, client_for

from connectors.base import DRAFT_ID_HEADER, Connector, Cursor
from connectors.imap import (
    DRAFTS_NAMES,
    SENT_NAMES,
    ImapConnector,
    ListedFolder,
    find_role,
    header_values,
    is_loopback,
    parse_appenduid,
    to_crlf,
)
from daemon.errors import (
    CredentialError,
    MailboxError,
    MailboxTimeout,
    TransientMailboxError,
    UserError,
)
from daemon.settings import AccountSettings


def account(server: Dovecot, user: User, **kw: Any) -> AccountSettings:
    base: dict[str, Any] = dict(
        name="test",
        host=server.host,
        port=server.port,
        security="plain",
        username=user.name,
        timeout_seconds=5.0,
    )
    base.update(kw)
    return AccountSettings(**base)


def message(subject: str, body: str = "Hello.", *, headers: dict[str, str] | None = None) -> bytes:
    lines = [
        "From: Recruiter <jobs@acme.example>",
        "To: me@example.org",
        f"Subject: {subject}",
        "Date: Mon, 02 Mar 2026 10:00:00 -0500",
        f"Message-ID: <{abs(hash(subject + body))}@acme.example>",
    ]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join([*lines, "", body, ""])).encode()


def draft(draft_id: str, body: str = "Thank you for your time.") -> bytes:
    return message("Re: Interview", body, headers={DRAFT_ID_HEADER: draft_id})


@pytest.fixture
def conn(dovecot: Dovecot, imap_user: User) -> Iterator[ImapConnector]:
    c = ImapConnector(account(dovecot, imap_user), imap_user.password)
    yield c
    c.close()


@pytest.fixture
def other(dovecot: Dovecot, imap_user: User) -> Iterator[Any]:
    """Another client of the same user: delivers mail and inspects flags behind our back."""
    c = client_for(dovecot, imap_user)
    yield c
    try:
        c.logout()
    except Exception:
        pass


def flags_of(client: Any, folder: str) -> dict[int, set[bytes]]:
    client.select_folder(folder, readonly=True)
    return {uid: set(f) for uid, f in client.get_flags(client.search("ALL")).items()}


# -- pure helpers -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("host", "loop"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("127.3.4.5", True),
        ("::1", True),
        ("[::1]", True),
        ("10.0.0.1", False),
        ("imap.example.org", False),
        ("localhost.evil.example", False),
    ],
)
def test_is_loopback(host: str, loop: bool) -> None:
    assert is_loopback(host) is loop


def test_find_role_prefers_special_use_then_names() -> None:
    gmail = [
        ListedFolder("INBOX", "/", frozenset()),
        ListedFolder("[Gmail]", "/", frozenset({"\\noselect"})),
        ListedFolder("[Gmail]/Drafts", "/", frozenset({"\\drafts"})),
        ListedFolder("Drafts", "/", frozenset()),  # a user folder that merely looks right
        ListedFolder("[Gmail]/Sent Mail", "/", frozenset()),
    ]
    assert find_role(gmail, "\\Drafts", DRAFTS_NAMES) == "[Gmail]/Drafts"
    assert find_role(gmail, "\\Sent", SENT_NAMES) == "[Gmail]/Sent Mail"
    courier = [ListedFolder("INBOX", ".", frozenset()), ListedFolder("INBOX.Sent", ".", frozenset())]
    assert find_role(courier, "\\Sent", SENT_NAMES) == "INBOX.Sent"
    assert find_role(courier, "\\Drafts", DRAFTS_NAMES) is None
    french = [ListedFolder("brouillons", "/", frozenset())]
    assert find_role(french, "\\Drafts", DRAFTS_NAMES) == "brouillons"


def test_header_and_appenduid_helpers() -> None:
    raw = b"Subject: x\nX-Followupd-Id: app-1/\n followup-1\n\nbody\n"
    assert header_values(raw, DRAFT_ID_HEADER) == ["app-1/ followup-1"]
    assert to_crlf(raw).count(b"\r\n") == raw.count(b"\n")
    assert to_crlf(to_crlf(raw)) == to_crlf(raw)
    assert parse_appenduid(b"[APPENDUID 1795678875 17] Append completed.") == 17
    assert parse_appenduid(b"Append completed.") is None


# -- login and security -----------------------------------------------------------------
def test_connect_resolves_special_use_folders(conn: ImapConnector) -> None:
    assert isinstance(conn, Connector)
    roles = conn.connect()
    assert roles.drafts == "Drafts"
    assert roles.sent == "Sent"
    assert roles.watched == ("INBOX",)
    assert conn.connect() is roles  # idempotent


def test_every_socket_has_a_timeout(dovecot: Dovecot, imap_user: User) -> None:
    c = ImapConnector(account(dovecot, imap_user, timeout_seconds=7.5), imap_user.password)
    c.connect()
    try:
        assert c._client is not None
        assert c._client.socket().gettimeout() == 7.5
    finally:
        c.close()


def test_bad_password_is_a_credential_error_without_the_password(
    dovecot: Dovecot, imap_user: User, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "Sup3r-s3cret-but-wrong"
    c = ImapConnector(account(dovecot, imap_user), wrong)
    with pytest.raises(CredentialError) as info:
        c.connect()
    assert not isinstance(info.value, ConnectionError)
    text = f"{info.value} {info.value!r} {info.value.where}"
    assert imap_user.name in text
    assert wrong not in text
    assert wrong not in caplog.text
    good = ImapConnector(account(dovecot, imap_user), imap_user.password)
    good.connect()  # imapclient logs the protocol at DEBUG: the LOGIN line must be redacted
    good.close()
    assert "LOGIN" in caplog.text
    assert imap_user.password not in caplog.text


def test_plain_refused_on_a_remote_host(imap_user: User) -> None:
    acc = AccountSettings(name="x", host="imap.example.org", port=143, security="plain", username="u")
    with pytest.raises(UserError, match="plain"):
        ImapConnector(acc, "pw").connect()


def test_connection_refused_is_transient(imap_user: User) -> None:
    from dovecot import free_port

    acc = AccountSettings(name="x", host="127.0.0.1", port=free_port(), security="plain", username="u")
    with pytest.raises(TransientMailboxError):
        ImapConnector(acc, "pw").connect()


def test_tls_with_the_right_ca(dovecot_tls: Dovecot, tls_dir: Path) -> None:
    user = dovecot_tls.new_user()
    acc = account(dovecot_tls, user, port=dovecot_tls.tls_port, security="tls", ca_file=tls_dir / "good" / "ca.pem")
    c = ImapConnector(acc, user.password)
    try:
        assert c.connect().drafts == "Drafts"
        assert c.sync("INBOX", None, None).messages == []
        # the header scan reads the TLS stream itself (connectors/imap_fetch.py)
        for n in range(3):
            c.append_draft(draft(f"tls-{n}", body=f"body {n}"), f"tls-{n}")
        got = c.sync("Drafts", None, None).messages
        assert [header_values(m.header_bytes, DRAFT_ID_HEADER) for m in got] == [["tls-0"], ["tls-1"], ["tls-2"]]
        assert all("\\Draft" in m.flags and m.internaldate is not None and m.size > 0 for m in got)
    finally:
        c.close()


def test_starttls_with_the_right_ca(dovecot_tls: Dovecot, tls_dir: Path) -> None:
    user = dovecot_tls.new_user()
    acc = account(dovecot_tls, user, security="starttls", ca_file=tls_dir / "good" / "ca.pem")
    c = ImapConnector(acc, user.password)
    try:
        assert c.connect().sent == "Sent"
        c.append_draft(draft("starttls-1"), "starttls-1")
        [got] = c.sync("Drafts", None, None).messages
        assert header_values(got.header_bytes, DRAFT_ID_HEADER) == ["starttls-1"]
    finally:
        c.close()


@pytest.mark.parametrize("security", ["tls", "starttls"])
@pytest.mark.parametrize("which_ca", ["wrong", "system"])
def test_tls_refuses_an_untrusted_certificate(
    dovecot_tls: Dovecot, wrong_ca: Path, security: str, which_ca: str
) -> None:
    user = dovecot_tls.new_user()
    port = dovecot_tls.tls_port if security == "tls" else dovecot_tls.port
    ca = wrong_ca if which_ca == "wrong" else None
    c = ImapConnector(account(dovecot_tls, user, port=port, security=security, ca_file=ca), user.password)
    with pytest.raises(MailboxError, match="not trusted") as info:
        c.connect()
    assert not isinstance(info.value, ConnectionError)  # retrying will not help
    assert c._client is None


# -- folders ----------------------------------------------------------------------------
def test_folders_found_by_localized_name(dovecot_minimal: Dovecot) -> None:
    user = dovecot_minimal.new_user()
    c = ImapConnector(account(dovecot_minimal, user), user.password)
    try:
        roles = c.connect()
        assert (roles.drafts, roles.sent) == ("Entwürfe", "Gesendet")
    finally:
        c.close()


def test_configured_folders_win(dovecot: Dovecot, imap_user: User, other: Any) -> None:
    other.create_folder("Bewerbungen/Entwürfe")
    other.create_folder("Outbox Copies")
    acc = account(dovecot, imap_user, drafts_folder="Bewerbungen/Entwürfe", sent_folder="Outbox Copies")
    c = ImapConnector(acc, imap_user.password)
    try:
        roles = c.connect()
        assert (roles.drafts, roles.sent) == ("Bewerbungen/Entwürfe", "Outbox Copies")
        key = c.append_draft(draft("cfg-1"), "cfg-1")
        other.select_folder("Bewerbungen/Entwürfe", readonly=True)
        assert other.search("ALL") == [key]
    finally:
        c.close()


def test_configured_folder_that_does_not_exist(dovecot: Dovecot, imap_user: User) -> None:
    c = ImapConnector(account(dovecot, imap_user, drafts_folder="Nope"), imap_user.password)
    with pytest.raises(UserError, match="drafts_folder"):
        c.connect()


# -- sync -------------------------------------------------------------------------------
def test_first_sync_honours_the_lookback(conn: ImapConnector, other: Any) -> None:
    now = datetime.now(UTC)
    other.append("INBOX", message("old news"), msg_time=now - timedelta(days=200))
    other.append("INBOX", message("recent invite"), msg_time=now - timedelta(days=10))
    other.append("INBOX", message("today"), flags=[b"\\Seen"])
    conn.connect()
    result = conn.sync("INBOX", None, (now - timedelta(days=90)).date())
    subjects = [r.header_bytes.split(b"Subject: ")[1].split(b"\r\n")[0] for r in result.messages]
    assert subjects == [b"recent invite", b"today"]
    assert not result.reset
    first, second = result.messages
    assert first.folder == "INBOX" and first.size > 0
    assert first.internaldate is not None and first.internaldate.tzinfo is not None
    assert abs(first.internaldate - (now - timedelta(days=10))) < timedelta(minutes=1)
    assert "\\Seen" not in first.flags and "\\Seen" in second.flags
    assert b"\r\n\r\n" in first.header_bytes and b"Hello." not in first.header_bytes
    # the skipped old message is below the cursor: it never shows up later
    assert result.cursor.last_key == 3
    assert conn.sync("INBOX", result.cursor, None).messages == []


def test_incremental_sync_sees_only_new_mail_once(conn: ImapConnector, other: Any) -> None:
    other.append("INBOX", message("one"))
    conn.connect()
    first = conn.sync("INBOX", None, None)
    assert len(first.messages) == 1
    other.append("INBOX", message("two"))
    other.append("INBOX", message("three"))
    second = conn.sync("INBOX", first.cursor, None)
    assert [m.key for m in second.messages] == [first.cursor.last_key + 1, first.cursor.last_key + 2]
    assert second.cursor.validity == first.cursor.validity
    assert second.cursor.modseq is not None and second.cursor.modseq > (first.cursor.modseq or 0)
    third = conn.sync("INBOX", second.cursor, None)
    assert third.messages == [] and third.cursor.last_key == second.cursor.last_key
    assert conn.sync("INBOX", third.cursor, None).messages == []


def test_nothing_new_costs_one_status_round_trip(conn: ImapConnector, other: Any) -> None:
    other.append("INBOX", message("one"))
    conn.connect()
    cursor = conn.sync("INBOX", None, None).cursor
    conn.find_drafts("anything")  # leave another folder selected, as the runner would
    assert conn._client is not None
    imap = conn._client._imap
    sent: list[str] = []
    real = imap._command

    def spy(name: str, *args: Any) -> Any:
        sent.append(name)
        return real(name, *args)

    imap._command = spy
    try:
        assert conn.sync("INBOX", cursor, None).messages == []
        assert sent == ["STATUS"]
        other.append("INBOX", message("two"))
        sent.clear()
        assert len(conn.sync("INBOX", cursor, None).messages) == 1
        assert "SELECT" not in sent and "EXAMINE" in sent  # read-only
    finally:
        imap._command = real


def test_changed_uidvalidity_resets_and_resyncs(conn: ImapConnector, other: Any) -> None:
    other.create_folder("Jobs")
    other.append("Jobs", message("before"))
    conn.connect()
    first = conn.sync("Jobs", None, None)
    assert len(first.messages) == 1
    other.delete_folder("Jobs")
    other.create_folder("Jobs")
    other.append("Jobs", message("after"))
    other.append("Jobs", message("ancient"), msg_time=datetime.now(UTC) - timedelta(days=400))
    since = date.today() - timedelta(days=90)
    again = conn.sync("Jobs", first.cursor, since)
    assert again.reset
    assert again.cursor.validity != first.cursor.validity
    assert [b"after" in m.header_bytes for m in again.messages] == [True]
    assert conn.sync("Jobs", again.cursor, since).reset is False


def test_stale_cursor_with_other_validity_is_a_reset(conn: ImapConnector, other: Any) -> None:
    other.append("INBOX", message("x"))
    conn.connect()
    cur = conn.sync("INBOX", None, None).cursor
    result = conn.sync("INBOX", replace(cur, validity=cur.validity + 1), None)
    assert result.reset and len(result.messages) == 1 and result.cursor == cur


def test_fetch_peeks_without_marking_seen(conn: ImapConnector, other: Any) -> None:
    raw = message("invite", "Can you do Tuesday?")
    other.append("INBOX", raw)
    other.append("INBOX", message("other"))
    conn.connect()
    refs = conn.sync("INBOX", None, None).messages
    got = dict(conn.fetch("INBOX", [refs[0].key, refs[1].key, 999]))
    assert got[refs[0].key] == raw
    assert set(got) == {refs[0].key, refs[1].key}
    assert all(b"\\Seen" not in f for f in flags_of(other, "INBOX").values())


def test_fetch_many_in_batches(conn: ImapConnector, other: Any) -> None:
    for i in range(45):
        other.append("INBOX", message(f"m{i}", f"body {i}"))
    conn.connect()
    refs = conn.sync("INBOX", None, None).messages
    assert len(refs) == 45
    bodies = dict(conn.fetch("INBOX", [r.key for r in refs]))
    assert [bodies[r.key].endswith(f"body {i}\r\n".encode()) for i, r in enumerate(refs)] == [True] * 45


# -- drafts -----------------------------------------------------------------------------
def test_append_draft_returns_appenduid_and_sets_flags(conn: ImapConnector, other: Any) -> None:
    conn.connect()
    raw = draft("app-7/followup-1").replace(b"\r\n", b"\n")  # bare LF in, CRLF stored
    key = conn.append_draft(raw, "app-7/followup-1")
    assert isinstance(key, int)
    assert {k: f - {b"\\Recent"} for k, f in flags_of(other, "Drafts").items()} == {key: {b"\\Draft", b"\\Seen"}}
    (found,) = conn.find_drafts("app-7/followup-1")
    assert found.key == key
    assert found.raw == to_crlf(raw)
    assert {"\\Draft", "\\Seen"} <= found.flags


def test_append_draft_refuses_a_mismatched_id(conn: ImapConnector) -> None:
    conn.connect()
    with pytest.raises(ValueError):
        conn.append_draft(draft("a-1"), "a-2")
    with pytest.raises(ValueError):
        conn.append_draft(message("no id"), "a-2")


def test_find_drafts_matches_the_whole_id(conn: ImapConnector, other: Any) -> None:
    conn.connect()
    k1 = conn.append_draft(draft("app-1/followup-1"), "app-1/followup-1")
    k10 = conn.append_draft(draft("app-1/followup-10"), "app-1/followup-10")
    other.append("INBOX", draft("app-1/followup-1"))  # not in Drafts
    assert [d.key for d in conn.find_drafts("app-1/followup-1")] == [k1]
    assert [d.key for d in conn.find_drafts("app-1/followup-10")] == [k10]
    assert conn.find_drafts("app-1/followup") == []
    assert conn.find_drafts("nothing-like-it") == []


def test_guarded_remove(conn: ImapConnector, other: Any) -> None:
    conn.connect()
    ours = draft("app-2/followup-1")
    key = conn.append_draft(ours, "app-2/followup-1")
    assert key is not None
    # the user's own draft, marked \Deleted in their client but not expunged
    other.append("Drafts", message("my note"), flags=[b"\\Deleted", b"\\Draft"])
    # the user edited our draft: their client stored a new message with our header
    edited = draft("app-2/followup-1", "Thank you for your time. (I added this.)")
    other.append("Drafts", edited, flags=[b"\\Draft"])
    other.select_folder("Drafts", readonly=True)
    edited_key = max(other.search("ALL"))

    assert conn.remove_draft(edited_key, ours) is False  # not ours any more
    assert conn.remove_draft(key + 1000, ours) is False  # gone already
    assert conn.remove_draft(key, ours) is True
    assert conn.remove_draft(key, ours) is False
    left = flags_of(other, "Drafts")
    assert key not in left
    assert len(left) == 2 and edited_key in left
    assert any(b"\\Deleted" in f for f in left.values())  # the user's one, untouched
    assert [d.key for d in conn.find_drafts("app-2/followup-1")] == [edited_key]


def test_remove_keeps_a_draft_the_user_flagged(conn: ImapConnector, other: Any) -> None:
    conn.connect()
    ours = draft("app-3/followup-1")
    key = conn.append_draft(ours, "app-3/followup-1")
    assert key is not None
    other.select_folder("Drafts")
    other.add_flags([key], [b"\\Flagged"])
    assert conn.remove_draft(key, ours) is False
    assert key in flags_of(other, "Drafts")


def test_without_uidplus_moves_to_trash(dovecot_no_uidplus: Dovecot) -> None:
    user = dovecot_no_uidplus.new_user()
    other = client_for(dovecot_no_uidplus, user)
    c = ImapConnector(account(dovecot_no_uidplus, user), user.password)
    try:
        c.connect()
        assert c.append_draft(draft("n-1"), "n-1") is None  # no guessing without UIDPLUS
        other.append("Drafts", message("my note"), flags=[b"\\Deleted"])
        (mine,) = c.find_drafts("n-1")
        assert c.remove_draft(mine.key, draft("n-1")) is True
        assert c.find_drafts("n-1") == []
        assert [b"\\Deleted" in f for f in flags_of(other, "Drafts").values()] == [True]
        other.select_folder("Trash", readonly=True)
        assert len(other.search("ALL")) == 1
    finally:
        c.close()
        other.logout()


def test_minimal_server_only_flags_deleted_and_polls(dovecot_minimal: Dovecot) -> None:
    user = dovecot_minimal.new_user()
    other = client_for(dovecot_minimal, user)
    c = ImapConnector(account(dovecot_minimal, user), user.password, poll_interval=0.1)
    try:
        c.connect()
        assert c.append_draft(draft("m-1"), "m-1") is None
        other.append("Entwürfe", message("my note"), flags=[b"\\Deleted"])
        (mine,) = c.find_drafts("m-1")
        assert c.remove_draft(mine.key, draft("m-1")) is True
        after = flags_of(other, "Entwürfe")
        assert len(after) == 2 and all(b"\\Deleted" in f for f in after.values())  # nothing expunged

        cursor = c.sync("INBOX", None, None).cursor
        assert c.wait(0.3) is False
        timer = threading.Timer(0.3, lambda: other.append("INBOX", message("polled")))
        timer.start()
        t0 = time.monotonic()
        assert c.wait(5) is True
        assert time.monotonic() - t0 < 2
        assert len(c.sync("INBOX", cursor, None).messages) == 1
    finally:
        c.close()
        other.logout()


# -- waiting ----------------------------------------------------------------------------
def test_idle_wakes_on_new_mail(conn: ImapConnector, dovecot: Dovecot, imap_user: User) -> None:
    conn.connect()
    cursor = conn.sync("INBOX", None, None).cursor
    delivered: list[float] = []

    def deliver() -> None:
        c = client_for(dovecot, imap_user)
        c.append("INBOX", message("new invite"))
        delivered.append(time.monotonic())
        c.logout()

    timer = threading.Timer(0.5, deliver)
    timer.start()
    assert conn.wait(10) is True
    woke = time.monotonic()
    timer.join()
    latency = woke - delivered[0]
    print(f"IDLE wake latency: {latency * 1000:.0f} ms")
    assert latency < 2.0
    assert len(conn.sync("INBOX", cursor, None).messages) == 1


def test_wait_returns_at_once_for_mail_that_came_before(conn: ImapConnector, other: Any) -> None:
    conn.connect()
    cursor = conn.sync("INBOX", None, None).cursor
    other.append("INBOX", message("between sync and wait"))
    t0 = time.monotonic()
    assert conn.wait(10) is True
    assert time.monotonic() - t0 < 1
    cursor = conn.sync("INBOX", cursor, None).cursor
    assert conn.wait(0.2) is False


def test_wait_respects_its_timeout_and_refreshes_idle(dovecot: Dovecot, imap_user: User) -> None:
    c = ImapConnector(account(dovecot, imap_user), imap_user.password, idle_refresh=0.3)
    try:
        c.connect()
        c.sync("INBOX", None, None)
        assert c._client is not None
        client = c._client
        idles: list[float] = []
        real = client.idle

        def counting_idle() -> None:
            idles.append(time.monotonic())
            real()

        client.idle = counting_idle
        t0 = time.monotonic()
        assert c.wait(1.0) is False
        elapsed = time.monotonic() - t0
        assert 0.95 <= elapsed < 1.5
        assert len(idles) >= 3  # re-issued every 0.3 s
        assert c.wait(0) is False
        assert c.sync("INBOX", None, None).messages == []  # still usable afterwards
    finally:
        c.close()


@pytest.mark.parametrize("how", ["stop", "kill"])
def test_server_stop_then_restart(private_dovecot: Dovecot, how: str) -> None:
    server = private_dovecot
    user = server.new_user()
    acc = account(server, user)
    c = ImapConnector(acc, user.password)
    c.connect()
    seen = c.sync("INBOX", None, None)
    timer = threading.Timer(0.3, server.stop if how == "stop" else server.kill)
    timer.start()
    t0 = time.monotonic()
    with pytest.raises(TransientMailboxError):
        c.wait(30)
    assert time.monotonic() - t0 < 5
    timer.join()
    with pytest.raises(TransientMailboxError):
        c.sync("INBOX", seen.cursor, None)  # reconnect attempt: refused
    server.start()
    other = client_for(server, user)
    other.append("INBOX", message("while we were away"))
    other.logout()
    fresh = ImapConnector(acc, user.password)
    try:
        fresh.connect()
        result = fresh.sync("INBOX", seen.cursor, None)
        assert [b"while we were away" in m.header_bytes for m in result.messages] == [True]
        assert not result.reset
        # the old instance recovers by itself too
        assert len(c.sync("INBOX", seen.cursor, None).messages) == 1
    finally:
        fresh.close()
        c.close()


def test_silent_server_is_detected(private_dovecot: Dovecot) -> None:
    server = private_dovecot
    user = server.new_user()
    c = ImapConnector(account(server, user, timeout_seconds=1.0), user.password, idle_refresh=0.5)
    c.connect()
    c.sync("INBOX", None, None)
    (pid,) = server.imap_pids(user.name)
    # freeze the server once IDLE is under way: alive but mute, like a dropped network path
    timer = threading.Timer(0.3, os.kill, (pid, signal.SIGSTOP))
    timer.start()
    try:
        t0 = time.monotonic()
        with pytest.raises(MailboxTimeout):
            c.wait(60)
        elapsed = time.monotonic() - t0
        assert 1.4 < elapsed < 3  # next refresh (0.5 s) + DONE unanswered (1 s timeout)
    finally:
        timer.join()
        os.kill(pid, signal.SIGCONT)
        c.close()


def test_cursor_type_roundtrip(conn: ImapConnector, other: Any) -> None:
    other.append("INBOX", message("a"))
    conn.connect()
    cur = conn.sync("INBOX", None, None).cursor
    assert isinstance(cur, Cursor) and cur.validity > 0 and cur.last_key == 1
