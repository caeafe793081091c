"""One behavioural contract, every connector: what the runner relies on, checked on each kind.

``mailbox`` builds a fresh, empty mailbox of one kind and knows how to make connectors
for it and how to deliver mail into its INBOX behind the connector's back (another
IMAP client; a local delivery agent's tmp/ -> new/ rename for Maildir).
"""

from __future__ import annotations

import itertools
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from dovecot import Dovecot, client_for

from connectors.base import DRAFT_ID_HEADER, Connector
from daemon.settings import AccountSettings

INBOX = "INBOX"
_seq = itertools.count()


@dataclass
class Mailbox:
    kind: str
    make: Callable[[], Connector]
    deliver: Callable[[bytes], None]


def crlf(raw: bytes) -> bytes:
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def message(subject: str, body: str = "Hello.") -> bytes:
    n = next(_seq)
    return (
        "From: Recruiter <jobs@acme.example>\r\nTo: me@example.org\r\n"
        f"Subject: {subject}\r\nDate: Mon, 02 Mar 2026 10:00:00 -0500\r\n"
        f"Message-ID: <c{n}.{os.getpid()}@acme.example>\r\n\r\n{body}\r\n"
    ).encode()


def draft(draft_id: str, body: str = "Thank you for your time.") -> bytes:
    return message("Re: Interview", body).replace(b"\r\n\r\n", f"\r\n{DRAFT_ID_HEADER}: {draft_id}\r\n\r\n".encode(), 1)


def subject(header: bytes) -> str:
    for line in header.replace(b"\r\n", b"\n").split(b"\n"):
        if line.lower().startswith(b"subject:"):
            return line.split(b":", 1)[1].strip().decode()
    return ""


def _imap_mailbox(server: Dovecot) -> Mailbox:
    from connectors.imap import ImapConnector

    user = server.new_user()
    account = AccountSettings(
        name="contract", host=server.host, port=server.port, security="plain", username=user.name,
        timeout_seconds=5.0,
    )  # fmt: skip

    def deliver(raw: bytes) -> None:
        c = client_for(server, user)
        try:
            c.append(INBOX, raw)
        finally:
            c.logout()

    return Mailbox("imap", lambda: ImapConnector(account, user.password, poll_interval=0.2), deliver)


def _maildir_mailbox(root: Path) -> Mailbox:
    try:
        from connectors.maildir import MaildirConnector
    except ImportError as e:  # written concurrently; the lead removes this once it exists
        pytest.skip(f"connectors.maildir is not importable yet: {e}")
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    account = AccountSettings(name="contract", kind="maildir", path=root, drafts_folder="Drafts")

    def deliver(raw: bytes) -> None:
        # what an MDA does: write into tmp/, then rename into new/ (atomic, never half-seen)
        name = f"{time.time_ns()}.P{os.getpid()}Q{next(_seq)}.{socket.gethostname()}"
        tmp = root / "tmp" / name
        tmp.write_bytes(raw)
        os.rename(tmp, root / "new" / name)

    return Mailbox("maildir", lambda: MaildirConnector(account), deliver)


@pytest.fixture(params=["imap", "maildir"])
def mailbox(request: pytest.FixtureRequest, tmp_path: Path) -> Mailbox:
    if request.param == "imap":
        return _imap_mailbox(request.getfixturevalue("dovecot"))
    return _maildir_mailbox(tmp_path / "Mail")


@pytest.fixture
def conn(mailbox: Mailbox) -> Iterator[Connector]:
    c = mailbox.make()
    assert isinstance(c, Connector)
    c.connect()
    yield c
    c.close()


def test_sync_reports_each_message_once(mailbox: Mailbox, conn: Connector) -> None:
    first, second = message("Interview invitation", "Tuesday at 2pm?"), message("Your application")
    mailbox.deliver(first)
    mailbox.deliver(second)
    result = conn.sync(INBOX, None, None)
    assert sorted(subject(m.header_bytes) for m in result.messages) == ["Interview invitation", "Your application"]
    sent = {subject(first): first, subject(second): second}
    assert all(m.folder == INBOX and m.size == len(sent[subject(m.header_bytes)]) for m in result.messages)
    assert all(b"Tuesday" not in m.header_bytes for m in result.messages)
    keys = [m.key for m in result.messages]
    assert len(set(keys)) == 2
    bodies = {k: crlf(v) for k, v in conn.fetch(INBOX, keys)}
    assert sorted(bodies.values()) == sorted([crlf(first), crlf(second)])

    assert list(conn.sync(INBOX, result.cursor, None).messages) == []
    mailbox.deliver(message("Follow-up question"))
    later = conn.sync(INBOX, result.cursor, None)
    assert [subject(m.header_bytes) for m in later.messages] == ["Follow-up question"]
    assert not later.reset
    assert list(conn.sync(INBOX, later.cursor, None).messages) == []


def test_sync_leaves_out_what_keep_turns_down_and_moves_past_it(mailbox: Mailbox, conn: Connector) -> None:
    for title in ("Interview invitation", "Weekly deals", "Spring sale"):
        mailbox.deliver(message(title))
    result = conn.sync(INBOX, None, None, lambda header: b"Interview" in header)
    assert [subject(m.header_bytes) for m in result.messages] == ["Interview invitation"]
    assert result.skipped == 2
    # turned down once, never offered again
    assert list(conn.sync(INBOX, result.cursor, None).messages) == []
    mailbox.deliver(message("Another sale"))
    later = conn.sync(INBOX, result.cursor, None, lambda header: False)
    assert (list(later.messages), later.skipped) == ([], 1)


def test_sync_with_fields_hands_over_those_fields_and_keep_sees_them(mailbox: Mailbox, conn: Connector) -> None:
    from email.parser import BytesHeaderParser

    from daemon.understand.prefilter import HEADER_FIELDS

    folded = (
        "Received: from mx.acme.example by mx.example.org; Mon, 02 Mar 2026 10:00:01 -0500\r\n"
        "DKIM-Signature: v=1; a=rsa-sha256; d=acme.example; b=" + "x" * 300 + "\r\n"
        "List-Unsubscribe: <mailto:leave@acme.example>\r\n"
        "Reply-To: Hiring Team\r\n <hiring@acme.example>\r\n"
    )
    raw = message("Interview invitation").replace(b"Subject:", folded.encode() + b"Subject:", 1)
    mailbox.deliver(raw)
    seen: list[bytes] = []

    def keep(header: bytes) -> bool:
        seen.append(header)
        return True

    result = conn.sync(INBOX, None, None, keep, HEADER_FIELDS)
    [ref] = result.messages
    assert seen == [ref.header_bytes]
    fields = BytesHeaderParser().parsebytes(ref.header_bytes)
    # every field the prefilter reads, as sent (folded lines included); a connector may add
    # the rest of the block, or leave it out
    assert fields["Subject"] == "Interview invitation"
    assert fields["From"] == "Recruiter <jobs@acme.example>"
    assert " ".join(str(fields["Reply-To"]).split()) == "Hiring Team <hiring@acme.example>"
    assert fields["List-Unsubscribe"] == "<mailto:leave@acme.example>"
    assert fields["To"] == "me@example.org"
    assert ref.header_bytes.endswith(b"\r\n\r\n") or ref.header_bytes.endswith(b"\n\n")
    assert b"Tuesday" not in ref.header_bytes and b"Hello." not in ref.header_bytes
    if mailbox.kind == "imap":
        # the server sent only what was asked for
        assert b"DKIM-Signature" not in ref.header_bytes and b"Received:" not in ref.header_bytes
        assert b"Message-ID" not in ref.header_bytes
    assert ref.size == len(raw)


def test_fetch_does_not_mark_seen(mailbox: Mailbox, conn: Connector) -> None:
    mailbox.deliver(message("Unread"))
    (ref,) = conn.sync(INBOX, None, None).messages
    assert dict(conn.fetch(INBOX, [ref.key]))
    (again,) = conn.sync(INBOX, None, None).messages
    assert "\\Seen" not in again.flags


def test_wait_wakes_on_new_mail(mailbox: Mailbox, conn: Connector) -> None:
    cursor = conn.sync(INBOX, None, None).cursor
    t0 = time.monotonic()
    conn.wait(0.3)  # nothing arrives: it may say "maybe", but must come back in time
    assert time.monotonic() - t0 < 1.3
    timer = threading.Timer(0.3, mailbox.deliver, (message("New invitation"),))
    timer.start()
    t0 = time.monotonic()
    assert conn.wait(10) is True
    latency = time.monotonic() - t0 - 0.3
    timer.join()
    print(f"{mailbox.kind} wake latency: {latency * 1000:.0f} ms")
    assert latency < 2.0
    assert [subject(m.header_bytes) for m in conn.sync(INBOX, cursor, None).messages] == ["New invitation"]


def test_drafts_append_and_find_by_id(conn: Connector) -> None:
    raw = draft("app-1/followup-1")
    key = conn.append_draft(raw, "app-1/followup-1")
    conn.append_draft(draft("app-1/followup-10"), "app-1/followup-10")
    (found,) = conn.find_drafts("app-1/followup-1")
    if key is not None:
        assert found.key == key
    assert crlf(found.raw) == crlf(raw)
    assert "\\Draft" in found.flags
    assert conn.find_drafts("app-1/followup") == []  # the whole id, not a prefix
    assert conn.find_drafts("app-2/followup-1") == []
    assert list(conn.sync(INBOX, None, None).messages) == []  # drafts do not land in INBOX


def test_remove_only_an_untouched_draft(conn: Connector) -> None:
    raw = draft("app-3/followup-1")
    conn.append_draft(raw, "app-3/followup-1")
    (stored,) = conn.find_drafts("app-3/followup-1")
    assert conn.remove_draft(stored.key, draft("app-3/followup-1", "Something else entirely.")) is False
    assert [d.key for d in conn.find_drafts("app-3/followup-1")] == [stored.key]
    assert conn.remove_draft(stored.key, raw) is True
    assert conn.find_drafts("app-3/followup-1") == []
    assert conn.remove_draft(stored.key, raw) is False


def test_a_new_instance_with_the_old_cursor_sees_only_new_mail(mailbox: Mailbox) -> None:
    mailbox.deliver(message("Before restart"))
    old = mailbox.make()
    old.connect()
    result = old.sync(INBOX, None, None)
    assert [subject(m.header_bytes) for m in result.messages] == ["Before restart"]
    old.close()
    mailbox.deliver(message("While down"))
    new = mailbox.make()
    try:
        new.connect()
        later = new.sync(INBOX, result.cursor, None)
        assert [subject(m.header_bytes) for m in later.messages] == ["While down"]
        assert not later.reset
        fetched = dict(new.fetch(INBOX, [later.messages[0].key]))
        assert b"While down" in fetched[later.messages[0].key]
    finally:
        new.close()
