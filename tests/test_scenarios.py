"""Whole stories against a real Dovecot: the world APPENDs mail, followupd runs passes.

Each test plays one hiring conversation through ``run_once`` (or the CLI in a
subprocess where a crash matters) with ``now`` set explicitly, and checks what is
really in the mailbox (Drafts searched over IMAP) and what ``status --json`` says.

The calendar: the interview is Tuesday 14 April 2026, 2-3 PM Eastern (no US holiday
that week). With the defaults (2 business days, send at 09:30 in America/New_York)
the first follow-up falls due Thursday 16 April at 09:30 EDT, the check-in five
business days later, Thursday 23 April.
"""

from __future__ import annotations

import email
import email.policy
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import redirect_stdout
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import scenario_mail as sm
from dovecot import Dovecot, User, client_for

from connectors.base import DRAFT_ID_HEADER
from daemon.commands import cli
from daemon.config import load
from daemon.service.runner import CRASH_ENV, PassReport, run_once

ET = sm.ET
CAST = sm.Cast()
PASSWORD_ENV = "FUD_SCENARIO_PASSWORD"
REPO = Path(__file__).resolve().parents[1]

INTERVIEW = datetime(2026, 4, 14, 14, 0, tzinfo=ET)
INVITED = datetime(2026, 4, 9, 10, 12, tzinfo=ET)
FIRST_DUE = datetime(2026, 4, 16, 9, 30, tzinfo=ET)
JUST_BEFORE = datetime(2026, 4, 16, 9, 29, tzinfo=ET)
JUST_AFTER = datetime(2026, 4, 16, 9, 31, tzinfo=ET)
SECOND_DUE = datetime(2026, 4, 23, 9, 30, tzinfo=ET)
FAR_FUTURE = datetime(2026, 9, 1, 12, 0, tzinfo=ET)

CONFIG = """\
[daemon]
state_dir = "{state}"
timezone = "America/New_York"
user_name = "{user_name}"

[[accounts]]
name = "main"
kind = "imap"
host = "127.0.0.1"
port = {port}
security = "plain"
username = "{username}"
password_env = "{env}"
addresses = ["{address}"]
timeout_seconds = 10.0
{account_extra}
[policy]
country = "US"
{extra}
"""


@dataclass(frozen=True)
class Draft:
    uid: int
    raw: bytes
    flags: frozenset[bytes]

    @property
    def msg(self) -> email.message.EmailMessage:
        parsed = email.message_from_bytes(self.raw, policy=email.policy.default)
        assert isinstance(parsed, email.message.EmailMessage)
        return parsed

    @property
    def draft_id(self) -> str:
        return str(self.msg[DRAFT_ID_HEADER] or "").strip()


class World:
    """One user's mailbox on a real server, the user's config, and followupd's state."""

    def __init__(self, server: Dovecot, user: User, root: Path, extra: str = "", account_extra: str = "") -> None:
        self.server = server
        self.user = user
        self.state = root / "state"
        root.mkdir(parents=True, exist_ok=True)
        self.config = root / "config.toml"
        self.config.write_text(
            CONFIG.format(
                state=self.state,
                user_name=CAST.user_name,
                port=server.port,
                username=user.name,
                env=PASSWORD_ENV,
                address=CAST.user_addr,
                extra=extra,
                account_extra=account_extra,
            )
        )
        self.client = client_for(server, user)

    def close(self) -> None:
        try:
            self.client.logout()
        except Exception:
            pass

    # -- the world ------------------------------------------------------------------------
    def append(self, folder: str, raw: bytes, flags: tuple[bytes, ...] = (), when: datetime | None = None) -> None:
        """Deliver (INBOX) or save (Sent, Drafts) a message, as a mail server or client would."""
        if when is None:
            parsed = email.message_from_bytes(raw)
            when = email.utils.parsedate_to_datetime(parsed["Date"]) if parsed["Date"] else None
        self.client.append(folder, raw, flags=flags, msg_time=when)

    def delete(self, folder: str, uid: int) -> None:
        """The user deletes one message (and their client expunges it)."""
        self.client.select_folder(folder)
        self.client.delete_messages([uid])
        self.client.uid_expunge([uid])

    def drafts(self) -> list[Draft]:
        return self.messages("Drafts")

    def messages(self, folder: str) -> list[Draft]:
        self.client.select_folder(folder)
        uids = self.client.search(["ALL"])
        if not uids:
            return []
        data = self.client.fetch(uids, ["BODY.PEEK[]", "FLAGS"])
        return [Draft(uid, bytes(data[uid][b"BODY[]"]), frozenset(data[uid][b"FLAGS"])) for uid in sorted(data)]

    # -- followupd ------------------------------------------------------------------------
    def run(self, now: datetime, *, dry_run: bool = False, out: io.StringIO | None = None) -> list[PassReport]:
        reports = run_once(load(self.config), now, dry_run=dry_run, out=out)
        assert all(r.errors == 0 for r in reports), [r.summary() for r in reports]
        return reports

    def status(self) -> dict[str, Any]:
        buf = io.StringIO()
        with redirect_stdout(buf):
            rc = cli.main(["-c", str(self.config), "status", "--json"])
        assert rc == 0
        snap: dict[str, Any] = json.loads(buf.getvalue())
        return snap

    def app(self) -> dict[str, Any]:
        apps = [a for a in self.status()["applications"] if a["company"] == CAST.company]
        assert len(apps) == 1, apps
        app: dict[str, Any] = apps[0]
        return app

    def cli(self, *args: str, crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, PASSWORD_ENV: self.user.password}
        env.pop(CRASH_ENV, None)
        if crash_at:
            env[CRASH_ENV] = crash_at
        return subprocess.run(
            [sys.executable, "-m", "daemon", "-c", str(self.config), *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    # -- story steps shared by several tests ------------------------------------------------
    def invited(self, *, ics: bool = True) -> None:
        self.append("INBOX", sm.invitation(CAST, INTERVIEW, sent=INVITED, ics=ics))

    def until_first_draft(self) -> Draft:
        """Invitation, a pass before the interview, then the pass that drafts followup-1."""
        self.invited()
        self.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
        self.run(JUST_AFTER)
        drafts = self.drafts()
        assert len(drafts) == 1
        return drafts[0]


@pytest.fixture
def world(dovecot: Dovecot, imap_user: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv(PASSWORD_ENV, imap_user.password)
    monkeypatch.delenv(CRASH_ENV, raising=False)
    w = World(dovecot, imap_user, tmp_path)
    yield w
    w.close()


def _stage_id(app: dict[str, Any], stage: str) -> str:
    return f"{app['id']}.{stage}@followupd"


def _assert_is_our_followup(d: Draft, app: dict[str, Any], stage: str) -> None:
    msg = d.msg
    assert b"\\Draft" in d.flags
    assert d.draft_id == _stage_id(app, stage)
    assert msg["In-Reply-To"].strip() == CAST.mid("invite-1")
    assert CAST.mid("invite-1") in str(msg["References"])
    assert str(msg["Subject"]) == f"Re: {CAST.invite_subject}"
    to = email.utils.getaddresses([str(msg["To"])])
    assert [addr.lower() for _, addr in to] == [CAST.recruiter]
    sender = email.utils.getaddresses([str(msg["From"])])
    assert [addr.lower() for _, addr in sender] == [CAST.user_addr]


# ---------------------------------------------------------------------- 1 and 12


@pytest.mark.parametrize("ics", [True, False], ids=["with-ics", "text-only"])
def test_story_invite_interview_draft_reply_done(world: World, ics: bool) -> None:
    world.invited(ics=ics)
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    app = world.app()
    assert app["state"] == "waiting"
    assert app["interview"]["start"] == "2026-04-14T14:00:00-04:00"
    assert app["next"] == {"stage": "followup-1", "due": FIRST_DUE.isoformat()}
    assert world.drafts() == []

    # the interview happens; nothing is due that day or the next, nor a minute early
    for moment in (datetime(2026, 4, 14, 16, 0, tzinfo=ET), datetime(2026, 4, 15, 17, 0, tzinfo=ET), JUST_BEFORE):
        world.run(moment)
        assert world.drafts() == []

    reports = world.run(JUST_AFTER)
    assert sum(r.drafts for r in reports) == 1
    drafts = world.drafts()
    assert len(drafts) == 1
    app = world.app()
    _assert_is_our_followup(drafts[0], app, "followup-1")
    assert app["state"] == "drafted"
    assert [d["stage"] for d in app["drafts"]] == ["followup-1"]
    assert app["drafts"][0]["message_id"] == drafts[0].msg["Message-ID"].strip()

    # a second pass (and a later one) adds nothing
    world.run(datetime(2026, 4, 16, 10, 0, tzinfo=ET))
    world.run(datetime(2026, 4, 16, 15, 0, tzinfo=ET))
    assert [d.uid for d in world.drafts()] == [drafts[0].uid]

    # the user sends our draft as written: it leaves Drafts and a copy lands in Sent
    sent_copy = drafts[0].raw.replace(b"\r\nX-Followupd-Id", b"\r\nX-Mailer: a mail client\r\nX-Followupd-Id", 1)
    world.append("Sent", sent_copy, flags=(b"\\Seen",), when=datetime(2026, 4, 16, 10, 5, tzinfo=ET))
    world.delete("Drafts", drafts[0].uid)
    world.run(datetime(2026, 4, 16, 10, 10, tzinfo=ET))

    world.append("INBOX", sm.employer_reply(CAST, sent=datetime(2026, 4, 17, 11, 0, tzinfo=ET)))
    world.run(datetime(2026, 4, 17, 11, 30, tzinfo=ET))
    app = world.app()
    assert app["state"] == "answered"
    assert app["next"] is None

    # no more drafts ever: not at the check-in's due time, not months later
    for moment in (SECOND_DUE.replace(minute=31), datetime(2026, 5, 4, 9, 31, tzinfo=ET), FAR_FUTURE):
        world.run(moment)
        assert world.drafts() == []
    assert world.app()["state"] == "answered"


def test_status_json_has_the_documented_shape(world: World) -> None:
    draft = world.until_first_draft()
    snap = world.status()
    assert set(snap) == {"applications", "accounts"}
    assert snap["accounts"] == [{"name": "main", "state": "ok", "detail": "connected"}]
    assert len(snap["applications"]) == 1
    app = snap["applications"][0]
    assert set(app) == {"id", "company", "role", "state", "interview", "next", "drafts"}
    assert isinstance(app["id"], str) and app["id"]
    assert app["company"] == CAST.company
    assert app["role"] == CAST.role
    assert app["state"] == "drafted"
    assert set(app["interview"]) == {"start", "end"}
    assert datetime.fromisoformat(app["interview"]["start"]) == INTERVIEW
    assert datetime.fromisoformat(app["interview"]["end"]) == INTERVIEW.replace(hour=15)
    assert set(app["next"]) == {"stage", "due"}
    assert app["next"]["stage"] == "followup-2"
    assert datetime.fromisoformat(app["next"]["due"]) == SECOND_DUE
    assert datetime.fromisoformat(app["next"]["due"]).utcoffset() is not None
    assert len(app["drafts"]) == 1
    entry = app["drafts"][0]
    assert set(entry) == {"stage", "created", "message_id"}
    assert entry["stage"] == "followup-1"
    assert datetime.fromisoformat(entry["created"]) == JUST_AFTER
    assert entry["message_id"] == draft.msg["Message-ID"].strip()


# ---------------------------------------------------------------------- 2, 3


def test_story_reschedule_moves_the_draft(world: World) -> None:
    world.invited(ics=True)
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    moved_to = datetime(2026, 4, 16, 11, 0, tzinfo=ET)
    world.append("INBOX", sm.reschedule(CAST, INTERVIEW, moved_to, sent=datetime(2026, 4, 10, 9, 0, tzinfo=ET)))
    world.run(datetime(2026, 4, 10, 9, 30, tzinfo=ET))
    app = world.app()
    assert datetime.fromisoformat(app["interview"]["start"]) == moved_to
    new_due = datetime(2026, 4, 20, 9, 30, tzinfo=ET)  # Thu 16 noon + 2 business days: Monday
    assert app["next"]["stage"] == "followup-1"
    assert datetime.fromisoformat(app["next"]["due"]) == new_due

    world.run(JUST_AFTER)  # the old due time
    world.run(datetime(2026, 4, 17, 9, 31, tzinfo=ET))
    assert world.drafts() == []
    world.run(new_due.replace(minute=31))
    drafts = world.drafts()
    assert len(drafts) == 1
    assert drafts[0].draft_id == _stage_id(world.app(), "followup-1")


def test_story_cancellation_means_no_draft(world: World) -> None:
    world.invited(ics=False)
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    assert world.app()["next"]["stage"] == "followup-1"
    world.append("INBOX", sm.cancellation(CAST, INTERVIEW, sent=datetime(2026, 4, 13, 16, 0, tzinfo=ET)))
    world.run(datetime(2026, 4, 13, 16, 30, tzinfo=ET))
    app = world.app()
    assert app["state"] == "closed"
    assert app["next"] is None
    for moment in (JUST_AFTER, SECOND_DUE.replace(minute=31), FAR_FUTURE):
        world.run(moment)
        assert world.drafts() == []


# ---------------------------------------------------------------------- 4, 5


def test_story_user_followed_up_by_hand(world: World) -> None:
    world.invited(ics=True)
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    world.append("Sent", sm.user_followup(CAST, sent=datetime(2026, 4, 15, 8, 45, tzinfo=ET)), flags=(b"\\Seen",))
    world.run(datetime(2026, 4, 15, 9, 0, tzinfo=ET))
    app = world.app()
    assert app["next"]["stage"] == "followup-2"  # followup-1 is done, by the user
    for moment in (JUST_AFTER, datetime(2026, 4, 17, 9, 31, tzinfo=ET), datetime(2026, 4, 21, 12, 0, tzinfo=ET)):
        world.run(moment)
        assert world.drafts() == []
    assert world.app()["drafts"] == []
    # the check-in comes the usual gap (5 business days) after the user's own mail
    assert world.app()["next"]["due"] == "2026-04-22T09:30:00-04:00"
    world.run(datetime(2026, 4, 22, 9, 31, tzinfo=ET))
    assert [d.raw.count(b"followup-2") for d in world.drafts()] == [1]


def test_story_out_of_office_defers_to_after_the_return_date(world: World) -> None:
    world.invited(ics=True)
    confirm = sm.user_confirms(CAST, sent=datetime(2026, 4, 9, 11, 0, tzinfo=ET))
    world.append("Sent", confirm, flags=(b"\\Seen",))
    world.run(datetime(2026, 4, 9, 11, 0, tzinfo=ET))
    # the user's confirmation before the interview is no follow-up
    assert world.app()["next"]["stage"] == "followup-1"

    back = date(2026, 4, 20)  # a Monday
    ooo = sm.out_of_office(
        CAST, back, sent=datetime(2026, 4, 9, 11, 1, tzinfo=ET), replying_to="<confirm-1@example.net>"
    )
    world.append("INBOX", ooo)
    world.run(datetime(2026, 4, 9, 11, 30, tzinfo=ET))
    deferred = datetime(2026, 4, 21, 9, 30, tzinfo=ET)  # the first business day after 20 April
    app = world.app()
    assert app["state"] == "waiting"  # an auto-reply is no answer
    assert app["next"]["stage"] == "followup-1"
    assert datetime.fromisoformat(app["next"]["due"]) == deferred

    for moment in (JUST_AFTER, datetime(2026, 4, 20, 9, 31, tzinfo=ET), deferred.replace(minute=29)):
        world.run(moment)
        assert world.drafts() == []
    world.run(deferred.replace(minute=31))
    drafts = world.drafts()
    assert len(drafts) == 1
    assert drafts[0].draft_id == _stage_id(world.app(), "followup-1")


# ---------------------------------------------------------------------- 6, 10


def test_story_deleted_draft_is_never_recreated(world: World) -> None:
    draft = world.until_first_draft()
    world.delete("Drafts", draft.uid)
    for moment in (datetime(2026, 4, 16, 12, 0, tzinfo=ET), datetime(2026, 4, 17, 9, 31, tzinfo=ET)):
        world.run(moment)
        assert world.drafts() == []
    # the next stage still comes, once, and followup-1 does not come back with it
    world.run(SECOND_DUE.replace(minute=31))
    world.run(SECOND_DUE.replace(hour=15))
    drafts = world.drafts()
    app = world.app()
    assert [d.draft_id for d in drafts] == [_stage_id(app, "followup-2")]
    assert [d["stage"] for d in app["drafts"]] == ["followup-1", "followup-2"]


def test_story_employer_answers_before_the_user_sent_our_draft(world: World) -> None:
    world.until_first_draft()
    world.append("INBOX", sm.employer_reply(CAST, sent=datetime(2026, 4, 16, 14, 0, tzinfo=ET)))
    world.run(datetime(2026, 4, 16, 14, 30, tzinfo=ET))
    assert world.drafts() == []  # still byte-for-byte ours: retracted
    assert world.app()["state"] == "answered"
    world.run(FAR_FUTURE)
    assert world.drafts() == []


def test_story_edited_draft_is_left_alone(world: World) -> None:
    draft = world.until_first_draft()
    edited = draft.raw.replace(b"\r\n\r\n", b"\r\n\r\nP.S. I also put the slides online.\r\n", 1)
    assert edited != draft.raw and draft.draft_id.encode() in edited
    # the user's client saves the edit as a new message and expunges the old one
    world.append("Drafts", edited, flags=(b"\\Draft", b"\\Seen"), when=datetime(2026, 4, 16, 10, 0, tzinfo=ET))
    world.delete("Drafts", draft.uid)

    world.append("INBOX", sm.employer_reply(CAST, sent=datetime(2026, 4, 16, 14, 0, tzinfo=ET)))
    world.run(datetime(2026, 4, 16, 14, 30, tzinfo=ET))
    world.run(FAR_FUTURE)
    drafts = world.drafts()
    assert [d.raw for d in drafts] == [edited]
    assert world.app()["state"] == "answered"


# ---------------------------------------------------------------------- 7


@pytest.fixture
def jobs_world(dovecot: Dovecot, imap_user: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    """The user's mail rules file recruiter mail into a "Jobs" folder, watched besides INBOX."""
    monkeypatch.setenv(PASSWORD_ENV, imap_user.password)
    monkeypatch.delenv(CRASH_ENV, raising=False)
    w = World(dovecot, imap_user, tmp_path, account_extra='folders = ["INBOX", "Jobs"]')
    w.client.create_folder("Jobs")
    yield w
    w.close()


def _rebuild_jobs(world: World, first: list[bytes]) -> None:
    """The folder is deleted and recreated (a restore, a server move): new UIDVALIDITY,
    the old mail back under new UIDs, after ``first`` at the lowest UIDs."""
    c = world.client
    before = c.folder_status("Jobs", [b"UIDVALIDITY"])[b"UIDVALIDITY"]
    old = [m.raw for m in world.messages("Jobs")]
    c.select_folder("INBOX")  # never delete the selected folder
    c.delete_folder("Jobs")
    c.create_folder("Jobs")
    for raw in [*first, *old]:
        world.append("Jobs", raw)
    after = c.folder_status("Jobs", [b"UIDVALIDITY"])[b"UIDVALIDITY"]
    assert after != before, "the server kept UIDVALIDITY: this story needs a reset"


def test_story_uidvalidity_reset(jobs_world: World) -> None:
    world = jobs_world
    world.append("Jobs", sm.invitation(CAST, INTERVIEW, sent=INVITED, ics=True))
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    world.run(JUST_AFTER)
    assert len(world.drafts()) == 1

    # the reply lands at UID 1 of the new folder, below the old cursor
    _rebuild_jobs(world, [sm.employer_reply(CAST, sent=datetime(2026, 4, 16, 14, 0, tzinfo=ET))])
    world.run(datetime(2026, 4, 16, 14, 30, tzinfo=ET))
    app = world.app()
    assert app["state"] == "answered"  # the reply was not missed
    assert len(world.status()["applications"]) == 1  # the invitation again is no new application
    assert world.drafts() == []  # our untouched draft retracted, none added
    world.run(FAR_FUTURE)
    assert world.drafts() == []


def test_story_uidvalidity_reset_before_the_due_time(jobs_world: World) -> None:
    world = jobs_world
    world.append("Jobs", sm.invitation(CAST, INTERVIEW, sent=INVITED, ics=True))
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    _rebuild_jobs(world, [])
    world.run(datetime(2026, 4, 10, 9, 0, tzinfo=ET))
    world.run(JUST_AFTER)
    world.run(datetime(2026, 4, 16, 12, 0, tzinfo=ET))
    app = world.app()
    assert [d.draft_id for d in world.drafts()] == [_stage_id(app, "followup-1")]
    assert len(world.status()["applications"]) == 1


# ---------------------------------------------------------------------- 8, 9


def _crash_then_resume(world: World, point: str, drafts_after_crash: int) -> None:
    world.invited(ics=True)
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    # only the crash needs its own process: it ends with os._exit
    crashed = world.cli("run", "--once", "--now", JUST_AFTER.isoformat(), crash_at=point)
    assert crashed.returncode == 77, crashed.stderr
    assert len(world.drafts()) == drafts_after_crash
    for moment in (JUST_AFTER.replace(minute=40), datetime(2026, 4, 16, 12, 0, tzinfo=ET)):
        world.run(moment)
    drafts = world.drafts()
    app = world.app()
    assert [d.draft_id for d in drafts] == [_stage_id(app, "followup-1")]
    assert app["state"] == "drafted"
    assert [d["stage"] for d in app["drafts"]] == ["followup-1"]
    assert app["drafts"][0]["message_id"] == drafts[0].msg["Message-ID"].strip()


@pytest.mark.parametrize(
    ("point", "drafts_after_crash"), [("after-intent", 0), ("after-append", 1), ("after-outcome", 1)]
)
def test_story_restart_mid_draft(world: World, point: str, drafts_after_crash: int) -> None:
    _crash_then_resume(world, point, drafts_after_crash)


def test_story_restart_after_append_without_uidplus(
    dovecot_no_uidplus: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = dovecot_no_uidplus.new_user()
    monkeypatch.setenv(PASSWORD_ENV, user.password)
    w = World(dovecot_no_uidplus, user, tmp_path)
    try:
        assert b"UIDPLUS" not in w.client.capabilities()
        _crash_then_resume(w, "after-append", 1)
    finally:
        w.close()


# ---------------------------------------------------------------------- 11


def _state_files(world: World) -> dict[str, bytes]:
    if not world.state.exists():
        return {}
    return {p.name: p.read_bytes() for p in sorted(world.state.iterdir()) if p.is_file()}


def test_dry_run_changes_nothing(world: World) -> None:
    world.invited(ics=True)
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    before = _state_files(world)
    assert "state.sqlite" in before
    out = io.StringIO()
    reports = world.run(JUST_AFTER, dry_run=True, out=out)
    assert sum(r.drafts for r in reports) == 0
    assert world.drafts() == []
    assert _state_files(world) == before
    printed = out.getvalue()
    assert "would create draft" in printed
    assert f"Subject: Re: {CAST.invite_subject}" in printed
    assert CAST.recruiter in printed
    assert f"In-Reply-To: {CAST.mid('invite-1')}" in printed
    assert [b"\\Seen" in m.flags for m in world.messages("INBOX")] == [False]  # not even marked read

    # and a real pass afterwards still drafts, exactly once
    world.run(JUST_AFTER)
    assert len(world.drafts()) == 1


def test_dry_run_on_a_fresh_install_leaves_no_state(world: World) -> None:
    world.invited(ics=False)
    # first seen at its due time exactly: due now (a minute later it would move to the next
    # business day's send time, as for any interview first seen late)
    res = world.cli("run", "--once", "--dry-run", "--now", FIRST_DUE.isoformat())
    assert res.returncode == 0, res.stderr
    assert "would create draft" in res.stdout
    assert "Subject: Re: " in res.stdout
    assert world.drafts() == []
    assert _state_files(world) == {}


# ---------------------------------------------------------------------- 13


def test_story_malformed_mail_does_not_stop_the_pass(world: World) -> None:
    world.append("INBOX", sm.garbage(), when=datetime(2026, 4, 9, 8, 0, tzinfo=ET))
    world.append("INBOX", sm.malformed(), when=datetime(2026, 4, 9, 9, 0, tzinfo=ET))
    world.append("INBOX", sm.newsletter(sent=datetime(2026, 4, 9, 9, 30, tzinfo=ET)))
    world.invited(ics=False)
    reports = run_once(load(world.config), datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    assert [r.synced for r in reports] == [4]
    assert [r.errors for r in reports] == [0]  # broken mail is read as far as it goes, not an error
    app = world.app()
    assert app["next"] == {"stage": "followup-1", "due": FIRST_DUE.isoformat()}
    world.run(JUST_AFTER)
    drafts = world.drafts()
    assert [d.draft_id for d in drafts] == [_stage_id(app, "followup-1")]


# ---------------------------------------------------------------------- more of the same stories


def test_story_rejection_before_the_due_time_means_no_draft(world: World) -> None:
    world.invited(ics=True)
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    world.append("INBOX", sm.rejection(CAST, sent=datetime(2026, 4, 15, 16, 0, tzinfo=ET)))
    for moment in (datetime(2026, 4, 15, 16, 30, tzinfo=ET), JUST_AFTER, FAR_FUTURE):
        world.run(moment)
        assert world.drafts() == []
    app = world.app()
    assert (app["state"], app["next"], app["drafts"]) == ("closed", None, [])


def test_story_rejection_retracts_our_untouched_draft(world: World) -> None:
    world.until_first_draft()
    world.append("INBOX", sm.rejection(CAST, sent=datetime(2026, 4, 17, 10, 0, tzinfo=ET)))
    world.run(datetime(2026, 4, 17, 10, 30, tzinfo=ET))
    assert world.drafts() == []
    world.run(FAR_FUTURE)
    assert world.drafts() == []
    assert world.app()["state"] == "closed"


def test_story_a_note_before_the_interview_is_no_answer(world: World) -> None:
    world.invited(ics=True)
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    world.append("INBOX", sm.logistics_note(CAST, INTERVIEW, sent=datetime(2026, 4, 13, 15, 0, tzinfo=ET)))
    world.run(datetime(2026, 4, 13, 15, 30, tzinfo=ET))
    assert world.app()["next"] == {"stage": "followup-1", "due": FIRST_DUE.isoformat()}
    world.run(JUST_AFTER)
    drafts = world.drafts()
    assert len(drafts) == 1
    msg = drafts[0].msg
    # the follow-up answers the latest message of the conversation, within the whole thread
    assert msg["In-Reply-To"].strip() == CAST.mid("logistics-1")
    assert CAST.mid("invite-1") in str(msg["References"])
    assert CAST.mid("logistics-1") in str(msg["References"])


def test_story_reply_and_due_time_in_the_same_pass(world: World) -> None:
    world.invited(ics=True)
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    # the pass that would draft also reads the employer's answer first
    world.append("INBOX", sm.employer_reply(CAST, sent=datetime(2026, 4, 15, 17, 0, tzinfo=ET)))
    world.run(JUST_AFTER)
    assert world.drafts() == []
    assert world.app()["state"] == "answered"


def test_story_the_same_invitation_in_two_folders(jobs_world: World) -> None:
    world = jobs_world
    invite = sm.invitation(CAST, INTERVIEW, sent=INVITED, ics=True)
    world.append("INBOX", invite)
    world.append("Jobs", invite)
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    assert len(world.status()["applications"]) == 1
    world.run(JUST_AFTER)
    assert len(world.drafts()) == 1


def test_story_thank_you_the_same_day_then_the_follow_up(
    dovecot: Dovecot, imap_user: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, imap_user.password)
    w = World(dovecot, imap_user, tmp_path, extra="thank_you = true\n")
    try:
        w.invited(ics=True)
        w.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
        w.run(datetime(2026, 4, 14, 17, 59, tzinfo=ET))
        assert w.drafts() == []
        w.run(datetime(2026, 4, 14, 18, 1, tzinfo=ET))  # three hours after the interview ends
        app = w.app()
        assert [d.draft_id for d in w.drafts()] == [_stage_id(app, "thank-you")]
        w.run(JUST_AFTER)
        w.run(datetime(2026, 4, 16, 12, 0, tzinfo=ET))
        ids = sorted(d.draft_id for d in w.drafts())
        assert ids == sorted([_stage_id(app, "thank-you"), _stage_id(app, "followup-1")])
    finally:
        w.close()


def test_story_server_down_at_the_due_time(
    private_dovecot: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = private_dovecot.new_user()
    monkeypatch.setenv(PASSWORD_ENV, user.password)
    w = World(private_dovecot, user, tmp_path)
    try:
        w.invited(ics=True)
        w.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
        w.close()
        private_dovecot.kill()
        reports = run_once(load(w.config), JUST_AFTER)
        assert [r.errors for r in reports] == [1]
        assert [r.drafts for r in reports] == [0]
        private_dovecot.start()
        w.client = client_for(private_dovecot, user)
        w.run(datetime(2026, 4, 16, 9, 45, tzinfo=ET))
        w.run(datetime(2026, 4, 16, 10, 0, tzinfo=ET))
        assert [d.draft_id for d in w.drafts()] == [_stage_id(w.app(), "followup-1")]
    finally:
        w.close()


def test_story_crash_before_append_then_the_employer_answers(world: World) -> None:
    world.invited(ics=True)
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    crashed = world.cli("run", "--once", "--now", JUST_AFTER.isoformat(), crash_at="after-intent")
    assert crashed.returncode == 77, crashed.stderr
    world.append("INBOX", sm.employer_reply(CAST, sent=datetime(2026, 4, 16, 11, 0, tzinfo=ET)))
    world.run(datetime(2026, 4, 16, 11, 30, tzinfo=ET))
    world.run(FAR_FUTURE)
    assert world.drafts() == []  # appended late or not at all, it is stale: nothing stays
    assert world.app()["state"] == "answered"


def test_story_calendar_update_moves_the_draft(world: World) -> None:
    world.invited(ics=True)
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    moved_to = datetime(2026, 4, 15, 10, 0, tzinfo=ET)
    update = sm.calendar_update(CAST, moved_to, sent=datetime(2026, 4, 10, 9, 0, tzinfo=ET), sequence=1)
    world.append("INBOX", update)
    world.run(datetime(2026, 4, 10, 9, 30, tzinfo=ET))
    app = world.app()
    assert datetime.fromisoformat(app["interview"]["start"]) == moved_to
    new_due = datetime(2026, 4, 17, 9, 30, tzinfo=ET)  # Wed 11:00 + 2 business days
    assert datetime.fromisoformat(app["next"]["due"]) == new_due
    world.run(JUST_AFTER)
    assert world.drafts() == []
    world.run(new_due.replace(minute=31))
    assert [d.draft_id for d in world.drafts()] == [_stage_id(app, "followup-1")]


def test_story_calendar_cancel_means_no_draft(world: World) -> None:
    world.invited(ics=True)
    world.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
    cancel = sm.calendar_update(CAST, INTERVIEW, sent=datetime(2026, 4, 13, 9, 0, tzinfo=ET), sequence=1, cancel=True)
    world.append("INBOX", cancel)
    for moment in (datetime(2026, 4, 13, 9, 30, tzinfo=ET), JUST_AFTER, FAR_FUTURE):
        world.run(moment)
        assert world.drafts() == []
    assert world.app()["state"] == "closed"


def _user_sends(world: World, draft: Draft, when: datetime) -> None:
    """The user sends our draft unchanged: their client files it in Sent and drops the draft."""
    world.append("Sent", draft.raw, flags=(b"\\Seen",), when=when)
    world.delete("Drafts", draft.uid)


def test_story_out_of_office_after_our_follow_up_defers_the_check_in(world: World) -> None:
    draft = world.until_first_draft()
    _user_sends(world, draft, datetime(2026, 4, 16, 10, 5, tzinfo=ET))
    ooo = sm.out_of_office(
        CAST, date(2026, 4, 27), sent=datetime(2026, 4, 16, 10, 6, tzinfo=ET), replying_to=draft.msg["Message-ID"]
    )
    world.append("INBOX", ooo)
    world.run(datetime(2026, 4, 16, 10, 30, tzinfo=ET))
    app = world.app()
    until = datetime(2026, 4, 28, 9, 30, tzinfo=ET)  # the first business day after Monday 27 April
    assert app["state"] != "answered"
    assert app["next"]["stage"] == "followup-2"
    assert datetime.fromisoformat(app["next"]["due"]) == until
    for moment in (SECOND_DUE.replace(minute=31), datetime(2026, 4, 27, 12, 0, tzinfo=ET)):
        world.run(moment)
        assert world.drafts() == []
    world.run(until.replace(minute=31))
    assert [d.draft_id for d in world.drafts()] == [_stage_id(app, "followup-2")]


def test_story_next_round_after_the_first_follow_up(world: World) -> None:
    draft = world.until_first_draft()
    _user_sends(world, draft, datetime(2026, 4, 16, 10, 5, tzinfo=ET))
    final = datetime(2026, 4, 22, 13, 0, tzinfo=ET)
    world.append("INBOX", sm.final_round(CAST, final, sent=datetime(2026, 4, 17, 9, 0, tzinfo=ET)))
    world.run(datetime(2026, 4, 17, 9, 30, tzinfo=ET))
    app = world.app()
    assert datetime.fromisoformat(app["interview"]["start"]) == final
    # the final round is followed up one business day sooner: Thursday 23 April
    due = datetime(2026, 4, 23, 9, 30, tzinfo=ET)
    assert app["next"] == {"stage": "followup-1", "due": due.isoformat()}
    world.run(due.replace(minute=29))
    assert world.drafts() == []
    world.run(due.replace(minute=31))
    world.run(datetime(2026, 4, 27, 12, 0, tzinfo=ET))  # the first round's check-in would have been due
    drafts = world.drafts()
    assert [d.draft_id for d in drafts] == [f"{app['id']}.i2.followup-1@followupd"]
    assert drafts[0].msg["In-Reply-To"].strip() == CAST.mid("final-1")


def test_story_two_installs_on_one_mailbox(world: World, tmp_path: Path) -> None:
    """A laptop and a server both run followupd for the same account, each with its own state."""
    world.until_first_draft()
    other = World(world.server, world.user, tmp_path / "second")
    try:
        other.run(datetime(2026, 4, 9, 10, 30, tzinfo=ET))
        other.run(datetime(2026, 4, 16, 11, 0, tzinfo=ET))
        other.run(datetime(2026, 4, 16, 12, 0, tzinfo=ET))
        assert len(world.drafts()) == 1  # the second install found ours and adopted it
        assert other.app()["state"] == "drafted"
        assert [b"\\Seen" in m.flags for m in world.messages("INBOX")] == [False]
    finally:
        other.close()


def test_story_user_writes_their_own_follow_up_while_ours_waits(world: World) -> None:
    world.until_first_draft()
    own = sm.user_followup(CAST, sent=datetime(2026, 4, 16, 11, 0, tzinfo=ET))
    world.append("Sent", own, flags=(b"\\Seen",))
    world.run(datetime(2026, 4, 16, 11, 30, tzinfo=ET))
    assert world.drafts() == []  # ours, untouched and now redundant, is retracted
    app = world.app()
    assert app["state"] == "waiting"
    assert app["next"]["stage"] == "followup-2"
