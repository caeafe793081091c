"""The first scan's analysis helper (issue 18): a second process that analyses part of each
batch. It must change nothing but the time: the same categories, the same applications, the
same answer where an employer became known during the scan, and the runner's own handling of
a message too costly to analyse or of a helper that died. Real processes, a real Maildir."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from daemon import budget
from daemon.config import load
from daemon.paths import db_path
from daemon.service import analysis_helper, runner
from daemon.service.runner import run_once
from daemon.service.store import Store
from daemon.understand import classify
from daemon.understand.analyze import analyze_mail
from daemon.understand.mail import parse

REPO = Path(__file__).resolve().parent.parent
BLIND = REPO / "tests" / "fixtures" / "blind"
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


def _mailbox(tmp_path: Path, name: str, raws: list[bytes], address: str) -> Path:
    mail = tmp_path / name / "Mail"
    for sub in ("cur", "new", "tmp"):
        (mail / sub).mkdir(parents=True)
    for i, raw in enumerate(raws):
        (mail / "cur" / f"{i:04d}.eml:2,S").write_bytes(raw)
    cfg = tmp_path / name / "config.toml"
    cfg.write_text(
        f'[daemon]\nstate_dir = "{tmp_path / name / "state"}"\ntimezone = "UTC"\nlookback_days = 3650\n\n'
        f'[[accounts]]\nname = "local"\nkind = "maildir"\npath = "{mail}"\naddresses = ["{address}"]\n',
        encoding="utf-8",
    )
    return cfg


def _outcome(cfg: Path) -> tuple[list[tuple[str, str, str | None]], list[tuple[str | None, str | None, str]]]:
    """Each message's category and its application's company; each application."""
    store = Store.open(db_path(load(cfg)))
    try:
        apps = {a.id: a for a in store.load_applications()}
    finally:
        store.close()
    with sqlite3.connect(db_path(load(cfg))) as db:
        rows = db.execute("SELECT message_id, category, app_id FROM messages").fetchall()
    seen = sorted((mid or "", cat, apps[app].company if app in apps else None) for mid, cat, app in rows)
    return seen, sorted((a.company, a.role, a.state) for a in apps.values())


@pytest.fixture
def helped(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, int]]]:
    """Start the helper from the first kept header on, wait until it is up (a small mailbox's
    scan is otherwise over before it is), and count the answers it gave: used, set aside."""
    counts: list[tuple[int, int]] = []
    init, close = analysis_helper.Helper.__init__, analysis_helper.Helper.close

    def started(self: analysis_helper.Helper) -> None:
        init(self)
        self._started.result(timeout=60)

    def counting(self: analysis_helper.Helper) -> None:
        if self.alive:
            counts.append((self.analysed, self.stale))
        close(self)

    monkeypatch.setattr(runner, "HELPER_AFTER", 1)
    monkeypatch.setattr(analysis_helper.Helper, "__init__", started)
    monkeypatch.setattr(analysis_helper.Helper, "close", counting)
    monkeypatch.delenv(analysis_helper.ENV, raising=False)
    yield counts


def test_a_scan_with_the_helper_ends_as_one_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, helped: list[tuple[int, int]]
) -> None:
    raws = [p.read_bytes() for p in sorted((BLIND / "b19-remote").glob("*.eml"))]
    with_helper = _mailbox(tmp_path, "with", raws, "ines.moreira.dev@gmail.com")
    without = _mailbox(tmp_path, "without", raws, "ines.moreira.dev@gmail.com")
    run_once(load(with_helper), NOW)
    assert helped and helped[0][0] > 10, "the helper analysed part of the scan"
    monkeypatch.setenv(analysis_helper.ENV, "off")
    run_once(load(without), NOW)
    assert _outcome(with_helper) == _outcome(without)


def test_an_employer_learnt_during_the_scan_is_not_read_from_a_stale_answer(
    tmp_path: Path, helped: list[tuple[int, int]]
) -> None:
    invite = (
        b"From: Dana Park <dana.park@orbitware.example>\r\nTo: Sam <sam@mailbox.test>\r\n"
        b"Subject: Interview for the Data Engineer role\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
        b"Message-ID: <inv-1@orbitware.example>\r\n\r\n"
        b"Hi Sam,\r\n\r\nWe'd like to invite you to an interview for the Data Engineer role on Thursday, "
        b"November 26, 2026 at 3pm UTC.\r\n\r\nDana\r\n"
    )
    # a hiring manager's one-liner names no job: only an employer already known makes it one
    one_liner = (
        b"From: Lee Wong <lee.wong@orbitware.example>\r\nTo: Sam <sam@mailbox.test>\r\n"
        b"Subject: quick one\r\nDate: Tue, 24 Nov 2026 09:00:00 +0000\r\n"
        b"Message-ID: <lee-1@orbitware.example>\r\n\r\n"
        b"Can you do Fri 11/27 at 1:30 UTC instead? Same link.\r\n\r\nLee\r\n"
    )
    users = frozenset({"sam@mailbox.test"})
    assert analyze_mail(parse(one_liner), users).classification.category.value == "other"
    known = analyze_mail(parse(one_liner), users, frozenset({"orbitware.example"}))
    assert known.classification.category.value != "other"

    cfg = _mailbox(tmp_path, "box", [invite, one_liner], "sam@mailbox.test")
    run_once(load(cfg), NOW)
    # the helper read the one-liner before the invitation's application existed; that answer
    # was set aside and the runner read it again with the employer known
    assert helped == [(0, 1)]
    with sqlite3.connect(db_path(load(cfg))) as db:
        rows = dict(db.execute("SELECT message_id, category || ' ' || IFNULL(app_id, '-') FROM messages"))
    category, app = rows["<lee-1@orbitware.example>"].split()
    assert category == known.classification.category.value
    assert app == rows["<inv-1@orbitware.example>"].split()[1] != "-"


def test_the_helper_s_answer_too_costly_is_the_runner_s(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "ANALYSIS_BUDGET_S", 0.0)
    raw = (BLIND / "b19-remote" / "b19-remote-001.eml").read_bytes()
    helper = analysis_helper.Helper()
    try:
        helper._started.result(timeout=60)
        shared = helper.share([raw], frozenset(), frozenset())
        with pytest.raises(budget.TooCostly):
            shared.take(0, parse(raw), frozenset())
    finally:
        helper.close()


def test_a_helper_that_died_leaves_the_work_to_the_runner() -> None:
    raws = [p.read_bytes() for p in sorted((BLIND / "b19-remote").glob("*.eml"))[:4]]
    helper = analysis_helper.Helper()
    try:
        helper.share(raws[:1], frozenset(), frozenset()).take(0, parse(raws[0]), frozenset())  # it is up
        for process in list(helper._pool._processes.values()):  # type: ignore[union-attr]
            process.kill()
            process.join()
        shared = helper.share(raws, frozenset(), frozenset())
        assert all(shared.take(i, parse(raw), frozenset()) is None for i, raw in enumerate(raws))
        assert not helper.alive
    finally:
        helper.close()


def test_known_employers_are_read_only_through_employer_key() -> None:
    """The helper's reuse of an answer rests on it: another employer known changes nothing."""
    for path in sorted((BLIND / "b19-media").glob("*.eml"))[:40]:
        mail = parse(path.read_bytes())
        key = classify.employer_key(mail)
        other = frozenset({"unrelated-employer.example"}) - {key}
        a = analyze_mail(mail, frozenset(), frozenset())
        b = analyze_mail(mail, frozenset(), other)
        assert a.classification == b.classification, path.name


def test_the_helper_is_off_when_asked_or_with_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(analysis_helper.ENV, "off")
    assert not analysis_helper.enabled()
    monkeypatch.delenv(analysis_helper.ENV)
    monkeypatch.setattr(analysis_helper.os, "sched_getaffinity", lambda _pid: {0})
    assert not analysis_helper.enabled()

