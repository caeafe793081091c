"""Fault injection, part 3: the state database is unusable, or the mailbox looks empty.

With no trustworthy record of which drafts were made, followupd must stop with a clear
error naming the file, exit non-zero, and not touch the mailbox at all: starting afresh
could recreate a draft the user deleted. And a mailbox that suddenly looks empty is no
reason to remove anything.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import scenario_mail as sm
from dovecot import Dovecot, User
from test_faults import (
    CASTS,
    FIRST_DUE,
    INVITED_AT,
    JUST_AFTER,
    PASSWORD_ENV,
    CountingConnector,
    FaultWorld,
    db_rows,
    stage_ids,
)

from connectors.base import Cursor, SyncResult
from daemon.config import load
from daemon.errors import StateError
from daemon.service.runner import CRASH_ENV, default_connector, run_once

ET = sm.ET


@pytest.fixture
def fworld(dovecot: Dovecot, imap_user: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultWorld]:
    monkeypatch.setenv(PASSWORD_ENV, imap_user.password)
    monkeypatch.delenv(CRASH_ENV, raising=False)
    w = FaultWorld(dovecot, imap_user, tmp_path)
    yield w
    w.close()


def _mailbox(world: FaultWorld) -> tuple[int, list[tuple[int, bytes, frozenset[bytes]]], list[frozenset[bytes]]]:
    """What a change to the mailbox would alter: Drafts' UIDNEXT and content, INBOX flags."""

    def own(flags: frozenset[bytes]) -> frozenset[bytes]:
        return flags - {b"\\Recent"}  # session state of the test's own client, not the mailbox's

    drafts = [(d.uid, d.raw, own(d.flags)) for d in world.drafts()]
    return world.uidnext("Drafts"), drafts, [own(m.flags) for m in world.messages("INBOX")]


def _due_with_state(world: FaultWorld) -> None:
    """Two applications with follow-ups due at JUST_AFTER, and one draft already made."""
    world.invite_all(CASTS[:2])
    world.run(INVITED_AT)
    world.run(FIRST_DUE.replace(minute=31))
    assert len(world.drafts()) == 2
    # the user deletes one (it must never come back) and an answer arrives for the other
    world.delete("Drafts", world.drafts()[0].uid)
    world.append("INBOX", sm.employer_reply(CASTS[1], sent=datetime(2026, 4, 16, 11, 0, tzinfo=ET)))


def _refused(world: FaultWorld, shown: Path, *args: str) -> subprocess.CompletedProcess[str]:
    before = _mailbox(world)
    res = world.cli(*args) if args else world.cli("run", "--once", "--now", "2026-04-16T12:00:00-04:00")
    assert res.returncode != 0, (res.stdout, res.stderr)
    assert str(shown) in res.stderr, res.stderr
    assert "Traceback" not in res.stderr, res.stderr
    assert _mailbox(world) == before  # no APPEND, no removal, not even a \Seen
    return res


def _break_then_check(world: FaultWorld, breaker: str) -> None:
    db = world.db
    if breaker == "garbage":
        db.write_bytes(os.urandom(3000) + b"SQLite format 3\0" + os.urandom(5000))
    elif breaker == "zero":
        db.write_bytes(b"")
    elif breaker == "directory":
        db.unlink()
        db.mkdir()
    elif breaker == "parent-is-a-file":
        for p in sorted(world.state.iterdir()):
            p.unlink()
        world.state.rmdir()
        world.state.write_text("not a directory\n")
    for side in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError, IsADirectoryError, NotADirectoryError):
            db.with_name(db.name + side).unlink()
    shown = world.state if breaker == "parent-is-a-file" else db
    res = _refused(world, shown)
    print(f"{breaker}: {res.stderr.strip().splitlines()[-1]}")
    # the daemon refuses to start the same way, rather than retrying forever on a bad file
    _refused(world, shown, "run")
    if breaker != "parent-is-a-file":  # (status, which writes nothing, shows no state there)
        _refused(world, shown, "status")


@pytest.mark.parametrize("breaker", ["garbage", "zero", "directory", "parent-is-a-file"])
def test_unusable_state_is_a_clear_error_and_no_mailbox_change(fworld: FaultWorld, breaker: str) -> None:
    _due_with_state(fworld)
    _break_then_check(fworld, breaker)


def test_zero_byte_database_is_refused_even_on_a_dry_run(fworld: FaultWorld) -> None:
    _due_with_state(fworld)
    fworld.db.write_bytes(b"")
    res = _refused(fworld, fworld.db, "run", "--once", "--dry-run", "--now", "2026-04-16T12:00:00-04:00")
    assert "would create draft" not in res.stdout


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mnt)], check=True, capture_output=True)
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        pytest.skip(f"cannot mount a tmpfs here: {exc}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False, capture_output=True)


def _fill(directory: Path) -> None:
    fd = os.open(directory / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(OSError):
            while os.write(fd, b"\0" * 512):
                pass
    finally:
        os.close(fd)


def test_full_disk_is_a_clear_error_and_no_draft_without_its_journal(
    dovecot: Dovecot, imap_user: User, tiny_fs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, imap_user.password)
    monkeypatch.delenv(CRASH_ENV, raising=False)
    world = FaultWorld(dovecot, imap_user, tmp_path / "w")
    try:
        world.config.write_text(world.config.read_text().replace(str(world.state), str(tiny_fs / "state")))
        world.state = tiny_fs / "state"
        world.invite_all(CASTS[:2])
        world.run(INVITED_AT)
        _fill(tiny_fs)
        before = _mailbox(world)
        res = world.cli("run", "--once", "--now", JUST_AFTER.isoformat())
        after = _mailbox(world)
        print(res.returncode, res.stderr[-600:])
        assert res.returncode != 0, res.stderr
        assert "Traceback" not in res.stderr, res.stderr
        assert str(world.db) in res.stderr or str(world.state) in res.stderr, res.stderr
        # an APPEND is journalled first: with no room for the journal there is no APPEND
        assert after == before
        (tiny_fs / "filler").unlink()
        world.run(JUST_AFTER.replace(minute=40))
        world.run(JUST_AFTER.replace(minute=50))
        assert sorted(d.draft_id for d in world.drafts()) == sorted(stage_ids(world.apps(), "followup-1"))
    finally:
        world.close()


# ---------------------------------------------------------------------- an empty-looking mailbox


def test_inbox_and_sent_emptied_never_remove_our_draft(fworld: FaultWorld) -> None:
    world = fworld
    world.invite_all(CASTS[:2])
    world.run(INVITED_AT)
    world.run(JUST_AFTER)
    ours = [(d.uid, d.raw) for d in world.drafts()]
    assert len(ours) == 2
    for folder in ("INBOX", "Sent"):
        c = world.client
        c.select_folder(folder)
        uids = c.search(["ALL"])
        if uids:
            c.delete_messages(uids)
            c.expunge()
    for moment in (datetime(2026, 4, 16, 12, 0, tzinfo=ET), datetime(2026, 4, 23, 9, 31, tzinfo=ET)):
        world.run(moment)
    assert [(d.uid, d.raw) for d in world.drafts()][:2] == ours  # both still there, untouched
    assert all(a["state"] == "drafted" for a in world.apps())


class _Blind(CountingConnector):
    """A server that suddenly answers every folder as empty (a new UIDVALIDITY, no messages)."""

    def sync(
        self,
        folder: str,
        cursor: Cursor | None,
        since: date | None,
        keep: Callable[[bytes], bool] | None = None,
        fields: Sequence[str] | None = None,
    ) -> SyncResult:
        self.calls["sync"] += 1
        validity = (cursor.validity if cursor else 0) + 1000
        return SyncResult(Cursor(validity, 0), [], reset=cursor is not None)

    def find_drafts(self, draft_id: str) -> list[Any]:
        self.calls["find_drafts"] += 1
        return []


def test_a_server_answering_with_no_messages_removes_nothing(fworld: FaultWorld) -> None:
    world = fworld
    world.invite_all(CASTS[:2])
    world.run(INVITED_AT)
    world.run(JUST_AFTER)
    ours = [(d.uid, d.raw) for d in world.drafts()]
    blind: list[_Blind] = []

    def factory(account: Any, settings: Any) -> _Blind:
        c = _Blind(default_connector(account, settings))
        blind.append(c)
        return c

    apps_before = db_rows(world.db)["applications"]
    for moment in (datetime(2026, 4, 16, 12, 0, tzinfo=ET), datetime(2026, 4, 17, 12, 0, tzinfo=ET)):
        run_once(load(world.config), moment, connector_factory=factory)
    assert sum(c.calls["remove_draft"] for c in blind) == 0
    assert sum(c.calls["append_draft"] for c in blind) == 0
    assert [(d.uid, d.raw) for d in world.drafts()] == ours
    assert db_rows(world.db)["applications"] == apps_before
    # and when the server shows its mail again, nothing is doubled
    world.run(datetime(2026, 4, 17, 13, 0, tzinfo=ET))
    assert [(d.uid, d.raw) for d in world.drafts()] == ours
    assert len(world.apps()) == 2


def test_disk_full_in_the_middle_of_a_pass_stops_it_before_any_unjournalled_append(
    dovecot: Dovecot, imap_user: User, tiny_fs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, imap_user.password)
    monkeypatch.delenv(CRASH_ENV, raising=False)
    world = FaultWorld(dovecot, imap_user, tmp_path / "w")
    try:
        world.config.write_text(world.config.read_text().replace(str(world.state), str(tiny_fs / "state")))
        world.state = tiny_fs / "state"
        world.invite_all(CASTS[:3])
        world.run(INVITED_AT)
        wrappers: list[CountingConnector] = []

        class FillsTheDisk(CountingConnector):
            def find_drafts(self, draft_id: str) -> list[Any]:
                if not (tiny_fs / "filler").exists():
                    _fill(tiny_fs)  # the moment before the first intent is journalled
                return super().find_drafts(draft_id)

        def factory(account: Any, settings: Any) -> CountingConnector:
            c = FillsTheDisk(default_connector(account, settings))
            wrappers.append(c)
            return c

        before = _mailbox(world)
        with pytest.raises(StateError) as caught:
            run_once(load(world.config), JUST_AFTER, connector_factory=factory)
        assert str(world.db) in str(caught.value)
        assert sum(c.calls["append_draft"] for c in wrappers) == 0
        assert sum(c.calls["find_drafts"] for c in wrappers) == 1  # stopped at the first, not tried for each
        assert _mailbox(world) == before
        (tiny_fs / "filler").unlink()
        world.run(JUST_AFTER.replace(minute=40))
        world.run(JUST_AFTER.replace(minute=50))
        assert sorted(d.draft_id for d in world.drafts()) == sorted(stage_ids(world.apps(), "followup-1"))
    finally:
        world.close()
