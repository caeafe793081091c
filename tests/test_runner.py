"""The runner on a real Maildir: policy changes re-plan, bad mail never stops a pass."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from daemon.commands.cli import main
from daemon.config import load
from daemon.paths import db_path
from daemon.service.runner import run_once
from daemon.service.store import Store

ET = ZoneInfo("America/New_York")
DEMO = Path(__file__).resolve().parent.parent / "daemon" / "commands" / "demo_mail"


def _setup(tmp_path: Path, policy: str = "") -> Path:
    mail = tmp_path / "Mail"
    for sub in ("cur", "new", "tmp"):
        (mail / sub).mkdir(parents=True)
    (mail / "new" / "1.host").write_bytes((DEMO / "01-invitation.eml").read_bytes())
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[daemon]\nstate_dir = "{tmp_path / "state"}"\ntimezone = "America/New_York"\n\n'
        f"[policy]\n{policy}\n\n"
        f'[[accounts]]\nname = "local"\nkind = "maildir"\npath = "{mail}"\naddresses = ["alex.rivera@example.com"]\n',
        encoding="utf-8",
    )
    return cfg


def _next_due(cfg: Path) -> str:
    store = Store.open(db_path(load(cfg)))
    try:
        app = store.status_snapshot()["applications"][0]
        return str(app["next"]["due"])
    finally:
        store.close()


def test_a_policy_change_re_plans_pending_follow_ups(tmp_path: Path) -> None:
    cfg = _setup(tmp_path)
    run_once(load(cfg), datetime(2026, 3, 2, 10, 30, tzinfo=ET))
    assert _next_due(cfg) == "2026-03-06T09:30:00-05:00"  # Wed interview + 2 business days
    cfg.write_text(cfg.read_text().replace("[policy]\n", "[policy]\nfollowup_after_business_days = 4\n"))
    run_once(load(cfg), datetime(2026, 3, 2, 11, 0, tzinfo=ET))
    assert _next_due(cfg) == "2026-03-10T09:30:00-04:00"  # + 4 business days (DST began on the 8th)
    # an unchanged policy re-plans nothing, even later
    run_once(load(cfg), datetime(2026, 3, 3, 11, 0, tzinfo=ET))
    assert _next_due(cfg) == "2026-03-10T09:30:00-04:00"


def test_one_bad_message_does_not_stop_the_pass(tmp_path: Path) -> None:
    cfg = _setup(tmp_path)
    mail = tmp_path / "Mail"
    (mail / "new" / "0.garbage").write_bytes(b"\x00\xff" * 5000 + b"\r\nSubject: interview\r\n\r\n\xc3")
    (mail / "new" / "2.broken").write_bytes(
        b"Subject: Interview schedule\r\nContent-Type: multipart/mixed; boundary=\r\n\r\n--\r\nnot really mime"
    )
    reports = run_once(load(cfg), datetime(2026, 3, 2, 10, 30, tzinfo=ET))
    assert reports[0].synced == 3
    assert _next_due(cfg) == "2026-03-06T09:30:00-05:00"


def test_status_names_a_state_path_that_cannot_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:

    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[daemon]\nstate_dir = "{blocker / "state"}"\n', encoding="utf-8")
    assert main(["-c", str(cfg), "status"]) == 1
    err = capsys.readouterr().err
    assert "is not a directory" in err and str(blocker) in err
    # a state dir that simply does not exist yet is a fresh install, not an error
    cfg.write_text(f'[daemon]\nstate_dir = "{tmp_path / "fresh"}"\n', encoding="utf-8")
    assert main(["-c", str(cfg), "status"]) == 0
    assert "No applications tracked yet" in capsys.readouterr().out


def test_run_once_exits_1_naming_each_failed_account(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """DESIGN.md §3: exit 1 when any account failed, one stderr line per account with the cause."""
    from daemon.commands import cli

    good = tmp_path / "good"
    for sub in ("cur", "new", "tmp"):
        (good / sub).mkdir(parents=True)
    config = tmp_path / "config.toml"
    account = '[[accounts]]\nname = "{name}"\nkind = "maildir"\npath = "{path}"\naddresses = ["me@example.org"]\n'
    config.write_text(
        f'[daemon]\nstate_dir = "{tmp_path / "state"}"\ntimezone = "UTC"\nuser_name = "Me"\n'
        + account.format(name="good", path=good)
        + account.format(name="gone", path=tmp_path / "gone"),
        encoding="utf-8",
    )
    now = ["--now", "2026-04-16T12:00:00+00:00"]
    assert cli.main(["-c", str(config), "run", "--once", *now]) == 1
    err = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("followupd:")]
    assert err == [f"followupd: account gone: {tmp_path / 'gone'}: Maildir root does not exist or is not a directory"]
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "gone" / sub).mkdir(parents=True)
    assert cli.main(["-c", str(config), "run", "--once", *now]) == 0


def test_without_user_name_drafts_are_signed_with_the_name_of_the_sent_mail(tmp_path: Path) -> None:
    cfg = _setup(tmp_path)
    sent = tmp_path / "Mail" / ".Sent"
    for sub in ("cur", "new", "tmp"):
        (sent / sub).mkdir(parents=True)
    (sent / "cur" / "1.host:2,S").write_bytes(
        b"From: =?utf-8?q?Alex_Rivera-N=C3=BA=C3=B1ez?= <Alex.Rivera@example.com>\r\n"
        b"To: Sam <sam@friends.example>\r\nSubject: dinner\r\nMessage-ID: <d1@example.com>\r\n"
        b"Date: Sun, 01 Mar 2026 18:00:00 -0500\r\n\r\nSee you at 8.\r\n"
    )
    run_once(load(cfg), datetime(2026, 3, 2, 10, 30, tzinfo=ET))
    run_once(load(cfg), datetime(2026, 3, 6, 9, 31, tzinfo=ET))
    [draft] = [p for p in (tmp_path / "Mail" / ".Drafts").glob("*/*") if p.is_file()]
    text = draft.read_bytes().decode("utf-8", "replace")
    assert "Alex Rivera-N" in text.rstrip().splitlines()[-1], text[-300:]


def test_the_status_table_does_not_count_drafts_followupd_removed() -> None:
    from daemon.commands.status import render_table

    made = {"stage": "followup-1", "created": "2026-03-06T09:30:00-05:00", "message_id": "<a@x>"}
    app = {"id": "a", "company": "Acme", "role": "SRE", "state": "answered", "interview": None, "next": None}
    snap = {"applications": [{**app, "drafts": [made]}]}
    for removed, shown in ((frozenset({("a", "followup-1")}), "0"), (frozenset(), "1")):
        table = render_table(snap, ZoneInfo("UTC"), removed)
        assert table.splitlines()[2].split()[-1] == shown, table


def _logged(tmp_path: Path, level: str, now: datetime) -> list[dict[str, object]]:
    import io
    import json

    from daemon.logging import configure, reset

    out = io.StringIO()
    configure(level, json_output=True, stream=out)
    try:
        run_once(load(tmp_path / "config.toml"), now)
    finally:
        reset()
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_a_first_scan_logs_its_progress_not_every_message(tmp_path: Path) -> None:
    """Issue 18: on a first scan a line only for a message that belongs to an application,
    the others at debug; later passes log each."""
    _setup(tmp_path)
    mail = tmp_path / "Mail"
    (mail / "new" / "4.host").write_bytes(
        b"From: Ben <ben@posteo.example>\r\nTo: alex.rivera@example.com\r\nSubject: Quick call?\r\n"
        b"Message-ID: <ben1@posteo.example>\r\n\r\nRing me tonight.\r\n"
    )
    (mail / "new" / "2.host").write_bytes(
        (DEMO / "01-invitation.eml").read_bytes().replace(b"Message-ID: <", b"Message-ID: <x")
    )
    first = _logged(tmp_path, "info", datetime(2026, 3, 2, 10, 30, tzinfo=ET))
    said = [(e["level"], e["subject"]) for e in first if e["event"] == "message"]
    assert [level for level, _ in said] == ["info", "info"]  # the invitation and its copy, not Ben's
    assert all("Quick call" not in subject for _, subject in said)
    done = next(e for e in first if e["event"] == "first scan done")
    assert done["analysed"] == 3 and done["applications"] == 1
    # the next pass is no first scan: a line for the new message
    (mail / "new" / "3.host").write_bytes(
        (DEMO / "01-invitation.eml").read_bytes().replace(b"Message-ID: <", b"Message-ID: <y")
    )
    (mail / "new" / "5.host").write_bytes(
        b"From: Ben <ben@posteo.example>\r\nTo: alex.rivera@example.com\r\nSubject: Call later?\r\n"
        b"Message-ID: <ben2@posteo.example>\r\n\r\nRing me tonight.\r\n"
    )
    later = _logged(tmp_path, "info", datetime(2026, 3, 2, 10, 40, tzinfo=ET))
    assert [e["level"] for e in later if e["event"] == "message"] == ["info", "info"]
    assert "first scan done" not in [e["event"] for e in later]


def test_at_debug_a_first_scan_logs_every_message(tmp_path: Path) -> None:
    _setup(tmp_path)
    (tmp_path / "Mail" / "new" / "4.host").write_bytes(
        b"From: Ben <ben@posteo.example>\r\nTo: alex.rivera@example.com\r\nSubject: Quick call?\r\n"
        b"Message-ID: <ben1@posteo.example>\r\n\r\nRing me tonight.\r\n"
    )
    first = _logged(tmp_path, "debug", datetime(2026, 3, 2, 10, 30, tzinfo=ET))
    said = sorted((e["level"], e["subject"]) for e in first if e["event"] == "message")
    assert [level for level, _ in said] == ["debug", "info"] and "Quick call" in said[0][1]


def test_a_hiring_manager_s_one_liner_from_a_tracked_employer_becomes_its_interview(tmp_path: Path) -> None:
    # the first message makes the application (Brightwater Labs); a later one-liner from another
    # person there names no job at all, and is read as what it is because the employer is known
    cfg = _setup(tmp_path)
    one_liner = (
        b"From: Dan Ruiz <dan.ruiz@brightwaterlabs.example>\r\nTo: Alex Rivera <alex.rivera@example.com>\r\n"
        b"Subject: next convo\r\nDate: Wed, 04 Mar 2026 19:48:00 -0500\r\n"
        b"Message-ID: <dan-1@brightwaterlabs.example>\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Hi Alex - Maya passed along great notes. I run the platform team and would like to grab 45 min with you.\r\n"
        b"Can you do Fri 3/13 at 1:30 pm? I'll send a zoom.\r\n\r\nDan\r\n"
    )
    run_once(load(cfg), datetime(2026, 3, 2, 10, 30, tzinfo=ET))
    (tmp_path / "Mail" / "new" / "2.host").write_bytes(one_liner)  # it arrives later
    run_once(load(cfg), datetime(2026, 3, 5, 9, 0, tzinfo=ET))
    store = Store.open(db_path(load(cfg)), reader=True)
    try:
        apps = store.status_snapshot()["applications"]
        categories = {row[0] for row in store._conn.execute("SELECT category FROM messages")}
    finally:
        store.close()
    assert len(apps) == 1
    assert "invitation" in categories and "other" not in categories
    # no zone written: the Date header's offset, as the labelled sets read it
    assert apps[0]["interview"]["start"] == "2026-03-13T13:30:00-05:00"


def test_a_scan_reads_a_recruiter_s_bare_subject_but_not_a_mail_provider_s_people(tmp_path: Path) -> None:
    """Issue 18 and the prefilter: a person at an outside organisation is read whatever the
    subject says; many people at one unknown domain make it a mail provider, not an employer."""
    cfg = _setup(tmp_path)
    new = tmp_path / "Mail" / "new"
    for i in range(6):
        new.joinpath(f"1{i}.host").write_bytes(
            f"From: Friend {i} <friend{i}@isp.example>\r\nTo: alex.rivera@example.com\r\nSubject: Dinner?\r\n"
            f"Message-ID: <f{i}@isp.example>\r\n\r\nAre you free on Saturday?\r\n".encode()
        )
    new.joinpath("20.host").write_bytes(
        b"From: Eleanor Voss <evoss@harrowgate.example>\r\nTo: alex.rivera@example.com\r\nSubject: Coffee\r\n"
        b"Date: Mon, 02 Mar 2026 09:00:00 -0500\r\nMessage-ID: <ev1@harrowgate.example>\r\n\r\n"
        b"Alex - would you have time for a coffee on Thursday at 10am at our office to talk about the "
        b"Associate role? Best, Eleanor\r\n"
    )
    reports = run_once(load(cfg), datetime(2026, 3, 2, 10, 30, tzinfo=ET))
    assert reports[0].synced == 8
    assert reports[0].analysed == 2  # the demo invitation and Eleanor's note; not the six friends
    store = Store.open(db_path(load(cfg)))
    try:
        companies = sorted(str(a["company"]) for a in store.status_snapshot()["applications"])
    finally:
        store.close()
    assert len(companies) == 2, companies
