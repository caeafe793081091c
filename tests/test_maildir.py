"""The Maildir connector against real Maildir trees under tmp_path."""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

import connectors.maildir as md
from connectors.base import DRAFT_ID_HEADER, Connector, Cursor, FolderRoles
from connectors.maildir import MaildirConnector, flags_of, message_key, unique_name
from daemon.errors import UserError
from daemon.settings import AccountSettings

_seq = iter(range(1, 10**9))


def make_maildir(path: Path) -> Path:
    for sub in ("cur", "new", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    return path


def message(subject: str, body: str = "Hello.\n", extra_headers: str = "") -> bytes:
    n = next(_seq)
    return (
        f"From: Recruiter <r@acme.example>\r\nTo: me@example.org\r\nSubject: {subject}\r\n"
        f"Message-ID: <m{n}@acme.example>\r\nDate: Tue, 03 Mar 2026 10:00:00 -0500\r\n"
        f"{extra_headers}\r\n{body}"
    ).encode()


def deliver(folder: Path, raw: bytes, *, into: str = "new", info: str | None = None) -> Path:
    """Deliver like an MDA: write in tmp/, then rename into new/ (or cur/ with flags)."""
    name = f"{time.time_ns()}.M{next(_seq)}P{os.getpid()}.testhost"
    tmp = folder / "tmp" / name
    tmp.write_bytes(raw)
    final = folder / into / (name if info is None else f"{name}:2,{info}")
    os.rename(tmp, final)
    return final


def account(root: Path, **kw: object) -> AccountSettings:
    return AccountSettings(name="local", kind="maildir", path=root, **kw)  # type: ignore[arg-type]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A Maildir++ tree: INBOX at the root, .Drafts and .Sent beside it."""
    r = make_maildir(tmp_path / "Mail")
    make_maildir(r / ".Drafts")
    make_maildir(r / ".Sent")
    return r


@pytest.fixture
def conn(root: Path) -> Iterator[MaildirConnector]:
    c = MaildirConnector(account(root))
    c.connect()
    yield c
    c.close()


def draft_bytes(draft_id: str, body: str = "Thanks again for your time.\n") -> bytes:
    return message("Re: Interview", body, extra_headers=f"{DRAFT_ID_HEADER}: {draft_id}\r\n")


# ---------------------------------------------------------------- layouts and roles


def test_is_a_connector(conn: MaildirConnector) -> None:
    assert isinstance(conn, Connector)
    assert conn.name == "local"


def test_maildirpp_roles(tmp_path: Path) -> None:
    r = make_maildir(tmp_path / "Mail")
    make_maildir(r / ".Drafts")
    make_maildir(r / ".Sent Messages")
    make_maildir(r / ".Archive")
    c = MaildirConnector(account(r))
    roles = c.connect()
    c.close()
    assert roles.watched == ("INBOX",)
    assert roles.sent == ".Sent Messages"
    assert roles.drafts == ".Drafts"


def test_mbsync_inbox_and_subdirectory_layout(tmp_path: Path) -> None:
    r = tmp_path / "Mail"
    inbox = make_maildir(r / "Inbox")
    make_maildir(r / "Drafts")
    make_maildir(r / "Sent")
    deliver(inbox, message("Interview invitation"))
    c = MaildirConnector(account(r))
    roles = c.connect()
    try:
        assert (roles.watched, roles.sent, roles.drafts) == (("INBOX",), "Sent", "Drafts")
        res = c.sync("INBOX", None, None)
        assert [b"Interview invitation" in m.header_bytes for m in res.messages] == [True]
        key = c.append_draft(draft_bytes("a1"), "a1")
        assert len(list((r / "Drafts" / "cur").iterdir())) == 1
        assert key is not None and [d.key for d in c.find_drafts("a1")] == [key]
    finally:
        c.close()


def test_gmail_folders_in_both_layouts(tmp_path: Path) -> None:
    plain = make_maildir(tmp_path / "plain")
    make_maildir(plain / "[Gmail]" / "Drafts")
    make_maildir(plain / "[Gmail]" / "Sent Mail")
    dotted = make_maildir(tmp_path / "dotted")
    make_maildir(dotted / ".[Gmail].Drafts")
    make_maildir(dotted / ".[Gmail].Sent Mail")
    for r, drafts, sent in (
        (plain, "[Gmail]/Drafts", "[Gmail]/Sent Mail"),
        (dotted, ".[Gmail].Drafts", ".[Gmail].Sent Mail"),
    ):
        c = MaildirConnector(account(r))
        roles = c.connect()
        c.close()
        assert (roles.drafts, roles.sent) == (drafts, sent)


def test_overrides_by_name_and_by_path(tmp_path: Path) -> None:
    r = make_maildir(tmp_path / "Mail")
    make_maildir(r / ".Drafts")
    make_maildir(r / ".Outgoing")
    make_maildir(r / ".Jobs")
    elsewhere = make_maildir(tmp_path / "elsewhere" / "MyDrafts")
    c = MaildirConnector(account(r, folders=("INBOX", "Jobs"), sent_folder="Outgoing", drafts_folder=str(elsewhere)))
    roles = c.connect()
    try:
        assert roles == FolderRoles(watched=("INBOX", "Jobs"), sent="Outgoing", drafts=str(elsewhere))
        deliver(r / ".Jobs", message("From the jobs folder"))
        assert len(c.sync("Jobs", None, None).messages) == 1
        c.append_draft(draft_bytes("x"), "x")
        assert len(list((elsewhere / "cur").iterdir())) == 1
        assert list((r / ".Drafts" / "cur").iterdir()) == []
    finally:
        c.close()


@pytest.mark.parametrize("maildirpp", [True, False])
def test_missing_drafts_folder_is_created(tmp_path: Path, maildirpp: bool) -> None:
    r = make_maildir(tmp_path / "Mail")
    make_maildir(r / (".Sent" if maildirpp else "Sent"))
    c = MaildirConnector(account(r))
    roles = c.connect()
    c.close()
    expected = ".Drafts" if maildirpp else "Drafts"
    assert roles.drafts == expected
    assert all((r / expected / sub).is_dir() for sub in ("cur", "new", "tmp"))
    assert (r / expected / "maildirfolder").exists() == maildirpp


def test_missing_configured_drafts_folder_is_created_under_its_name(tmp_path: Path) -> None:
    r = make_maildir(tmp_path / "Mail")
    c = MaildirConnector(account(r, drafts_folder="Entwürfe"))
    try:
        assert c.connect().drafts == "Entwürfe"
        c.append_draft(draft_bytes("e1"), "e1")
        assert len(list((r / ".Entwürfe" / "cur").iterdir())) == 1
    finally:
        c.close()


def test_not_a_maildir_is_a_clear_user_error(tmp_path: Path) -> None:
    (tmp_path / "notmail").mkdir()
    with pytest.raises(UserError) as err:
        MaildirConnector(account(tmp_path / "notmail")).connect()
    assert str(tmp_path / "notmail") in str(err.value) and "not a Maildir" in str(err.value)
    with pytest.raises(UserError) as err:
        MaildirConnector(account(tmp_path / "missing")).connect()
    assert str(tmp_path / "missing") in str(err.value)
    with pytest.raises(UserError):
        MaildirConnector(AccountSettings(name="x", kind="maildir")).connect()


def test_missing_watched_folder_is_a_user_error(root: Path) -> None:
    with pytest.raises(UserError, match="'Jobs'"):
        MaildirConnector(account(root, folders=("INBOX", "Jobs"))).connect()
    with pytest.raises(UserError, match="sent_folder"):
        MaildirConnector(account(root, sent_folder="Nope")).connect()


def test_close_is_idempotent_and_connect_again_works(root: Path) -> None:
    c = MaildirConnector(account(root))
    first = c.connect()
    assert c.connect() == first
    c.close()
    c.close()
    assert c.connect() == first
    c.close()


# ---------------------------------------------------------------- keys and flags


def test_unique_name_and_flags_from_file_names() -> None:
    assert unique_name("1700000000.M1P2.host,S=1234,W=1260:2,RS") == "1700000000.M1P2.host"
    assert message_key("1700000000.M1P2.host,U=7:2,") == message_key("1700000000.M1P2.host,U=9:2,FS")
    assert message_key("a.b.host") != message_key("a.c.host")
    assert 0 < message_key("x") < 2**63
    assert flags_of("u:2,DFRST") == {"\\Draft", "\\Flagged", "\\Answered", "\\Seen", "\\Deleted"}
    assert flags_of("u:2,Sab") == {"\\Seen"}  # lower case: Dovecot keywords
    assert flags_of("u") == frozenset()


def test_keys_stable_across_new_to_cur_move_and_flag_changes(conn: MaildirConnector, root: Path) -> None:
    raw = message("Invitation")
    path = deliver(root, raw)
    (ref,) = conn.sync("INBOX", None, None).messages
    assert ref.flags == frozenset()
    seen = root / "cur" / f"{path.name}:2,S"
    os.rename(path, seen)
    (ref2,) = conn.sync("INBOX", None, None).messages
    assert ref2.key == ref.key and ref2.flags == {"\\Seen"}
    os.rename(seen, root / "cur" / f"{path.name}:2,FRS")
    other = MaildirConnector(account(root))  # and across restarts
    try:
        (ref3,) = other.sync("INBOX", None, None).messages
    finally:
        other.close()
    assert ref3.key == ref.key and ref3.flags == {"\\Seen", "\\Answered", "\\Flagged"}
    assert dict(conn.fetch("INBOX", [ref.key])) == {ref.key: raw}


# ---------------------------------------------------------------- sync


def test_first_sync_reports_headers_only(conn: MaildirConnector, root: Path) -> None:
    raw = message("Interview invitation", body="Body text that is not a header.\r\n" * 50)
    path = deliver(root, raw, into="cur", info="S")
    res = conn.sync("INBOX", None, None)
    assert not res.reset
    (ref,) = res.messages
    assert ref.folder == "INBOX"
    assert ref.key == message_key(path.name)
    assert ref.header_bytes == raw[: raw.index(b"\r\n\r\n") + 4]
    assert ref.size == len(raw)
    assert ref.flags == {"\\Seen"}
    assert ref.internaldate is not None
    assert abs(ref.internaldate.timestamp() - path.stat().st_mtime) < 1e-3


def test_since_filters_by_file_date_then_date_header(conn: MaildirConnector, root: Path) -> None:
    old = deliver(root, message("Old news"))
    recent = deliver(root, message("Recent"))
    old_time = time.mktime((2025, 1, 10, 12, 0, 0, 0, 0, -1))
    os.utime(old, (old_time, old_time))
    # downloaded today (mtime now) but written long ago: the Date header decides
    archived = deliver(root, message("Archived").replace(b"Mar 2026", b"Mar 2024"))
    undated = deliver(root, b"Subject: no date\r\n\r\nbody")
    res = conn.sync("INBOX", None, date(2026, 1, 1))
    assert sorted(r.key for r in res.messages) == sorted(message_key(p.name) for p in (recent, undated))
    assert message_key(archived.name) not in {r.key for r in res.messages}
    # the skipped old message stays skipped on the next pass
    deliver(root, message("Newer"))
    nxt = conn.sync("INBOX", res.cursor, date(2026, 1, 1))
    assert [b"Newer" in r.header_bytes for r in nxt.messages] == [True]


def test_incremental_sync_reports_only_new_mail(conn: MaildirConnector, root: Path) -> None:
    for i in range(3):
        deliver(root, message(f"old {i}"))
    first = conn.sync("INBOX", None, None)
    assert len(first.messages) == 3
    assert conn.sync("INBOX", first.cursor, None).messages == []
    new = deliver(root, message("fresh"))
    second = conn.sync("INBOX", first.cursor, None)
    assert [r.key for r in second.messages] == [message_key(new.name)]
    # reading mail (new/ -> cur/, flags) is not new mail
    for p in list((root / "new").iterdir()):
        os.rename(p, root / "cur" / f"{p.name}:2,S")
    assert conn.sync("INBOX", second.cursor, None).messages == []


def test_incremental_sync_reads_only_the_new_files(
    conn: MaildirConnector, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(300):
        deliver(root, message(f"old {i}"), into="cur", info="S")
    cursor = conn.sync("INBOX", None, None).cursor
    deliver(root, message("fresh"))
    reads: list[Path] = []
    real = md.read_header

    def counting(path: Path) -> bytes:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(md, "read_header", counting)
    res = conn.sync("INBOX", cursor, None)
    assert len(res.messages) == 1 and len(reads) == 1
    # the same after a restart, where only the cursor is known
    reads.clear()
    fresh = MaildirConnector(account(root))
    try:
        assert len(fresh.sync("INBOX", cursor, None).messages) == 1
    finally:
        fresh.close()
    assert len(reads) == 1


@pytest.mark.parametrize("fs_clock", [True, False], ids=["probe", "read-only-tmp"])
def test_restart_with_old_cursor_sees_only_new_mail(
    root: Path, fs_clock: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not fs_clock:
        monkeypatch.setattr(md, "_fs_clock", lambda folder_dir: None)
    c1 = MaildirConnector(account(root))
    c1.connect()
    deliver(root, message("before 1"))
    deliver(root, message("before 2"), into="cur", info="S")
    cursor = c1.sync("INBOX", None, None).cursor
    c1.close()
    stored = Cursor(validity=cursor.validity, last_key=cursor.last_key, extra=dict(cursor.extra))
    new = deliver(root, message("while we were down"))
    c2 = MaildirConnector(account(root))
    c2.connect()
    try:
        res = c2.sync("INBOX", stored, None)
        assert not res.reset
        assert [r.key for r in res.messages] == [message_key(new.name)]
        assert c2.sync("INBOX", res.cursor, None).messages == []
    finally:
        c2.close()


def test_restart_after_a_burst_rereads_nothing(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A burst of deliveries (mbsync's first run) long before the scan is not in the window."""
    monkeypatch.setattr(md, "CTIME_WINDOW_NS", 200_000_000)
    monkeypatch.setattr(md, "EDGE_LIMIT", 0)  # nothing remembered: only the mark protects
    for i in range(20):
        deliver(root, message(f"burst {i}"), into="cur", info="S")
    time.sleep(0.4)
    before = MaildirConnector(account(root))
    cursor = before.sync("INBOX", None, None).cursor
    before.close()
    new = deliver(root, message("after the restart"))
    after = MaildirConnector(account(root))
    res = after.sync("INBOX", cursor, None)
    after.close()
    assert [r.key for r in res.messages] == [message_key(new.name)]
    assert list((root / "tmp").iterdir()) == []  # the clock probe is gone


def test_window_catches_a_message_the_scan_missed(conn: MaildirConnector, root: Path) -> None:
    """A message that was not visible to the scan yet has a ctime at or below the mark."""
    deliver(root, message("a"))
    late = deliver(root, message("b"))
    cursor = conn.sync("INBOX", None, None).cursor
    late_key = message_key(late.name)
    edge = ",".join(k for k in cursor.extra["edge"].split(",") if int(k, 16) != late_key)
    as_if_unseen = replace(cursor, extra={**cursor.extra, "edge": edge, "scan": "other"})
    other = MaildirConnector(account(root))
    res = other.sync("INBOX", as_if_unseen, None)
    other.close()
    assert [r.key for r in res.messages] == [late_key]


def test_cursor_ahead_of_the_clock_rescans(conn: MaildirConnector, root: Path) -> None:
    deliver(root, message("a"))
    cursor = conn.sync("INBOX", None, None).cursor
    future = Cursor(validity=cursor.validity, last_key=time.time_ns() + 3600 * 10**9, extra={})
    assert len(conn.sync("INBOX", future, None).messages) == 1


def test_recreated_folder_resets(conn: MaildirConnector, root: Path) -> None:
    deliver(root / ".Sent", message("sent before"))
    cursor = conn.sync(".Sent", None, None).cursor
    assert conn.sync(".Sent", cursor, None).reset is False
    os.rename(root / ".Sent", root / ".Sent-old")  # e.g. mbsync re-creating the folder
    make_maildir(root / ".Sent")
    deliver(root / ".Sent", message("sent after"))
    res = conn.sync(".Sent", cursor, None)
    assert res.reset is True
    assert res.cursor.validity != cursor.validity
    assert [b"sent after" in r.header_bytes for r in res.messages] == [True]


def test_huge_header_block_is_bounded(conn: MaildirConnector, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(md, "MAX_HEADER_BYTES", 4096)
    raw = b"".join(f"X-Junk-{i}: {'y' * 60}\n".encode() for i in range(2000)) + b"\nbody\n"
    deliver(root, raw)
    (ref,) = conn.sync("INBOX", None, None).messages
    assert 0 < len(ref.header_bytes) <= 4096 and ref.header_bytes.endswith(b"\n")
    assert ref.size == len(raw)


def test_lf_only_and_bodyless_messages(conn: MaildirConnector, root: Path) -> None:
    deliver(root, b"Subject: lf\n\nbody\n\nmore\n")
    deliver(root, b"Subject: no body\n")
    heads = sorted(r.header_bytes for r in conn.sync("INBOX", None, None).messages)
    assert heads == [b"Subject: lf\n\n", b"Subject: no body\n"]


def test_unknown_folder_is_a_user_error(conn: MaildirConnector) -> None:
    with pytest.raises(UserError):
        conn.sync("Nope", None, None)


# ---------------------------------------------------------------- fetch


def test_fetch_returns_full_bytes_and_changes_nothing(conn: MaildirConnector, root: Path) -> None:
    raw = message("Offer", body="x" * 10_000)
    path = deliver(root, raw)
    (ref,) = conn.sync("INBOX", None, None).messages
    assert list(conn.fetch("INBOX", [ref.key, 12345])) == [(ref.key, raw)]
    assert path.exists() and list((root / "cur").iterdir()) == []  # still unread in new/
    os.rename(path, root / "cur" / f"{path.name}:2,S")  # moved by the MUA after sync
    assert list(conn.fetch("INBOX", [ref.key])) == [(ref.key, raw)]


def test_fetch_truncates_absurdly_large_files(
    conn: MaildirConnector, root: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(md, "MAX_FETCH_BYTES", 1000)
    raw = message("big", body="z" * 5000)
    path = deliver(root, raw)
    with caplog.at_level(logging.WARNING, logger="connectors.maildir"):
        ((_, data),) = conn.fetch("INBOX", [message_key(path.name)])
    assert data == raw[:1000]
    assert any(str(path) in r.getMessage() for r in caplog.records)


# ---------------------------------------------------------------- drafts


def test_append_draft_is_atomic_and_flagged(conn: MaildirConnector, root: Path) -> None:
    raw = draft_bytes("app1-followup-1", body="x" * (8 * 1024 * 1024))
    drafts = root / ".Drafts"
    partial: list[tuple[str, int]] = []
    stop = threading.Event()

    def watch_cur() -> None:
        while not stop.is_set():
            for p in (drafts / "cur").iterdir():
                size = p.stat().st_size
                if size != len(raw):
                    partial.append((p.name, size))

    watcher = threading.Thread(target=watch_cur)
    watcher.start()
    try:
        key = conn.append_draft(raw, "app1-followup-1")
    finally:
        stop.set()
        watcher.join()
    assert partial == []
    assert list((drafts / "tmp").iterdir()) == []
    (stored,) = (drafts / "cur").iterdir()
    assert stored.name.endswith(":2,DS")
    assert stored.read_bytes() == raw
    assert key == message_key(stored.name)
    assert oct(stored.stat().st_mode & 0o777) == oct(0o600)


def test_append_draft_refuses_a_draft_without_its_id(conn: MaildirConnector, root: Path) -> None:
    with pytest.raises(ValueError):
        conn.append_draft(message("Re: x"), "id-1")
    with pytest.raises(ValueError):
        conn.append_draft(draft_bytes("id-2"), "id-1")
    assert list((root / ".Drafts" / "cur").iterdir()) == []


def test_find_drafts_by_id(conn: MaildirConnector, root: Path) -> None:
    raw = draft_bytes("app1-followup-1")
    key = conn.append_draft(raw, "app1-followup-1")
    conn.append_draft(draft_bytes("app2-followup-1"), "app2-followup-1")
    deliver(root / ".Drafts", message("the user's own draft"), into="cur", info="DS")
    # folded header, user's MUA saved it into new/
    folded = message("Re: y", extra_headers=f"{DRAFT_ID_HEADER}:\r\n app3-followup-1\r\n")
    deliver(root / ".Drafts", folded)
    found = conn.find_drafts("app1-followup-1")
    assert [(d.key, d.raw, d.flags) for d in found] == [(key, raw, frozenset({"\\Draft", "\\Seen"}))]
    assert [d.raw for d in conn.find_drafts("app3-followup-1")] == [folded]
    assert conn.find_drafts("app1") == []
    # found again after a restart (nothing cached)
    fresh = MaildirConnector(account(root))
    try:
        assert [d.key for d in fresh.find_drafts("app1-followup-1")] == [key]
    finally:
        fresh.close()


def test_remove_draft_only_when_untouched(conn: MaildirConnector, root: Path) -> None:
    cur = root / ".Drafts" / "cur"
    raw = draft_bytes("d1")
    key = conn.append_draft(raw, "d1")
    assert key is not None
    assert conn.remove_draft(key, raw) is True
    assert list(cur.iterdir()) == []
    assert conn.remove_draft(key, raw) is False  # already gone

    key = conn.append_draft(raw, "d1")
    assert key is not None
    (path,) = cur.iterdir()
    edited = raw.replace(b"Thanks again", b"Thank you so much")
    path.write_bytes(edited)
    assert conn.remove_draft(key, raw) is False
    assert path.read_bytes() == edited

    path.write_bytes(raw)  # same bytes again, but the user flagged it
    flagged = path.with_name(path.name.replace(":2,DS", ":2,DFS"))
    os.rename(path, flagged)
    assert conn.remove_draft(key, raw) is False
    assert flagged.exists()

    trash = make_maildir(root / ".Trash")
    os.rename(flagged, trash / "cur" / flagged.name)  # moved away by the user
    assert conn.remove_draft(key, raw) is False
    assert (trash / "cur" / flagged.name).exists()


# ---------------------------------------------------------------- wait


def drain(conn: MaildirConnector) -> None:
    """Consume wake-ups still in flight, so the next wait() answers for what follows."""
    deadline = time.monotonic() + 10
    while conn.wait(0.3):
        assert time.monotonic() < deadline, "wait() keeps waking with nothing happening"


def test_wait_wakes_on_delivery_from_another_thread(conn: MaildirConnector, root: Path) -> None:
    conn.sync("INBOX", None, None)
    assert conn.wait(0) is False
    timer = threading.Timer(0.2, lambda: deliver(root, message("ping")))
    start = time.monotonic()
    timer.start()
    try:
        woke = conn.wait(10)
    finally:
        timer.join()
    elapsed = time.monotonic() - start
    assert woke is True
    assert elapsed < 2.0


def test_wait_times_out_without_mail(conn: MaildirConnector) -> None:
    start = time.monotonic()
    assert conn.wait(0.3) is False
    assert 0.29 <= time.monotonic() - start < 1.0


def test_wait_wakes_for_sent_but_not_for_reading_mail(conn: MaildirConnector, root: Path) -> None:
    path = deliver(root, message("x"))
    drain(conn)
    conn.sync("INBOX", None, None)
    os.rename(path, root / "cur" / f"{path.name}:2,S")  # the MUA shows it
    assert conn.wait(0.7) is False
    deliver(root / ".Sent", message("my reply"), into="cur", info="S")
    assert conn.wait(2) is True


def test_wait_wakes_when_a_message_is_moved_in_from_another_folder(conn: MaildirConnector, root: Path) -> None:
    make_maildir(root / ".Spam")
    path = deliver(root / ".Spam", message("not spam after all"), into="cur", info="S")
    assert conn.wait(0.3) is False
    os.rename(path, root / "cur" / path.name)
    assert conn.wait(2) is True


def test_polling_fallback_when_inotify_is_unavailable(
    root: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def no_inotify() -> None:
        raise OSError(24, "inotify instance limit reached")

    monkeypatch.setattr(md, "Observer", no_inotify)
    monkeypatch.setattr(md, "POLL_SECONDS", 0.1)
    c = MaildirConnector(account(root))
    with caplog.at_level(logging.WARNING, logger="connectors.maildir"):
        c.connect()
    try:
        assert any("polling" in r.getMessage() for r in caplog.records)
        assert c.wait(0.3) is False
        threading.Timer(0.1, lambda: deliver(root, message("polled"))).start()
        assert c.wait(3) is True
    finally:
        c.close()


def test_watch_survives_the_folder_being_recreated(conn: MaildirConnector, root: Path) -> None:
    cursor = conn.sync(".Sent", None, None).cursor
    shutil.rmtree(root / ".Sent")
    assert conn.wait(2) is True
    make_maildir(root / ".Sent")
    conn.sync(".Sent", cursor, None)  # re-arms the watch on the new directories
    drain(conn)
    deliver(root / ".Sent", message("after"))
    assert conn.wait(2) is True
