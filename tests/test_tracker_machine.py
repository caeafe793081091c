"""The tracker as a state machine under random sequences of mail, time, crashes and failures.

A small simulated runner carries out the actions against a fake Drafts folder and
reports the outcomes back, the way the real runner does. Hypothesis then looks for a
sequence that breaks one of the promises: never two drafts for one stage, never a draft
after the employer answered, every due stage drafted once unless something stopped it.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from daemon.followup.tracker import (
    PENDING,
    Action,
    Application,
    CreateDraft,
    DraftOutcome,
    Event,
    Identity,
    MailEvent,
    RemoveDraft,
    Tick,
    match,
    step,
)
from daemon.model import Analysis, Category, Classification, InterviewTime, Mail, PlannedStage, Round
from daemon.service.store import Store
from daemon.settings import Settings
from daemon.understand.mail import parse

USER = "jordan@example.com"
USERS = frozenset({USER})
SETTINGS = Settings()
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
COMPANIES = ("Acme", "Globex", "Initech")
ROLES = ("Backend Engineer", "Data Engineer")


def planner(
    start: datetime,
    end: datetime | None,
    round: Round | None,
    company: str | None,
    domain: str | None,
    settings: Settings,
    now: datetime,
) -> list[PlannedStage]:
    finish = end or start + timedelta(hours=1)
    out, due = [], finish
    for i in (1, 2):
        due = max(due + timedelta(days=2), now)
        out.append(PlannedStage(stage=f"followup-{i}", due=due))
    return out


def moment_after(d: date, settings: Settings) -> datetime:
    return datetime.combine(d + timedelta(days=1), time(9, 30), tzinfo=UTC)


def eml(mid: str, sender: str, to: str, when: datetime, subject: str, in_reply_to: str | None = None) -> Mail:
    head = [
        f"Message-ID: {mid}",
        f"Date: {when.strftime('%a, %d %b %Y %H:%M:%S +0000')}",
        f"From: {sender}",
        f"To: {to}",
        f"Subject: {subject}",
    ]
    if in_reply_to:
        head += [f"In-Reply-To: {in_reply_to}", f"References: {in_reply_to}"]
    return parse("\r\n".join([*head, "", "Hello"]).encode())


def identity(company: str) -> Identity:
    domain = f"{company.lower()}.com"
    return Identity(company=company, domains=(domain,), recruiter=f"rec@{domain}")


class TrackerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        # RAM-backed when there is one: each journalled intent is an fsync (synchronous=FULL)
        shm = "/dev/shm" if Path("/dev/shm").is_dir() else None
        self.dir = Path(tempfile.mkdtemp(prefix="followupd-machine-", dir=shm))
        self.store = Store.open(self.dir / "state.sqlite")
        self.now = T0
        self.apps: dict[str, Application] = {}
        self.drafts: dict[str, int] = {}  # the Drafts folder: draft id -> key
        self.appended: Counter[str] = Counter()  # every successful APPEND, ever
        self.answered_round: dict[str, int] = {}  # app id -> interview number the employer answered
        self.stopped: set[str] = set()  # draft ids pending when the application was closed
        self.fail_next = False
        self.failed_this_tick = False
        self.serial = 0

    def teardown(self) -> None:
        try:
            self._settle()
        finally:
            self.store.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    # ------------------------------------------------------------ the simulated runner

    def _mid(self) -> str:
        self.serial += 1
        return f"<m{self.serial}@test>"

    def _feed(self, app: Application | None, event: Event) -> Application | None:
        new, actions = step(app, event, SETTINGS, self.now, planner=planner, business_moment=moment_after)
        if new is not None:
            assert app is None or new.id == app.id
            self.apps[new.id] = new
        self._carry_out(actions)
        return new

    def _carry_out(self, actions: list[Action]) -> None:
        for action in actions:
            app = self.apps[action.app_id]
            if isinstance(action, CreateDraft):
                record = app.stage(action.draft_id)
                assert record is not None and record.status in PENDING
                assert self.appended[action.draft_id] == 0, f"second draft for {action.draft_id}"
                answered = self.answered_round.get(app.id)
                assert answered is None or record.interview > answered, "draft after the employer answered"
                assert action.draft_id not in self.stopped, "draft after the application was closed"
                if self.fail_next:
                    self.fail_next = False
                    self.failed_this_tick = True
                    after = self._feed(app, DraftOutcome(action.draft_id, "failed"))
                    retry = after.stage(action.draft_id) if after is not None else None
                    assert retry is not None and retry.status in PENDING, "a failed append must be retried"
                    continue
                self.serial += 1
                self.drafts[action.draft_id] = self.serial
                self.appended[action.draft_id] += 1
                self._feed(app, DraftOutcome(action.draft_id, "appended", message_id=f"<d{self.serial}@test>"))
            elif isinstance(action, RemoveDraft):
                self.drafts.pop(action.draft_id, None)
                self._feed(app, DraftOutcome(action.draft_id, "removed"))

    def _inbound(self, app_id: str, cat: Category, **kw: object) -> None:
        app = self.apps[app_id]
        company = app.company or "Acme"
        mail = eml(self._mid(), f"rec@{company.lower()}.com", USER, self.now, "Re: Interview", app.thread[0])
        c = Classification(cat, 0.9, (), company=company, role=app.role, **kw)  # type: ignore[arg-type]
        a = Analysis(classification=c, interview=None)
        found = match(list(self.apps.values()), mail, a, USERS, employer=identity(company))
        assert found is not None and found.id == app_id, "a reply in the thread must find its application"
        if cat == Category.EMPLOYER_REPLY and app.interview is not None and app.interview.end is not None:
            if self.now >= app.interview.end and app.state != "closed":
                self.answered_round[app_id] = app.interview.number
        self._feed(found, MailEvent(mail, a, employer=identity(company)))

    def _schedule(self, mail: Mail, cat: Category, company: str, role: str, start: datetime) -> None:
        iv = InterviewTime(start=start, end=start + timedelta(hours=1), timezone="UTC")
        a = Analysis(classification=Classification(cat, 0.9, (), company=company, role=role), interview=iv)
        found = match(list(self.apps.values()), mail, a, USERS, employer=identity(company))
        self._feed(found, MailEvent(mail, a, employer=identity(company)))

    def _settle(self) -> None:
        """Long after everything: every stage is drafted once, or something stopped it."""
        self.fail_next = False
        self.now += timedelta(days=120)
        for app_id in sorted(self.apps):
            self._feed(self.apps[app_id], Tick())
        for app in self.apps.values():
            for s in app.stages:
                assert s.status not in PENDING, f"{s.draft_id} never drafted"
                if s.status == "drafted":
                    assert self.appended[s.draft_id] == 1

    # ------------------------------------------------------------ rules

    @rule(
        company=st.sampled_from(COMPANIES),
        role=st.sampled_from(ROLES),
        days=st.integers(min_value=0, max_value=10),
        hour=st.integers(min_value=8, max_value=18),
    )
    def invitation(self, company: str, role: str, days: int, hour: int) -> None:
        start = datetime.combine((self.now + timedelta(days=days)).date(), time(hour), tzinfo=UTC)
        mail = eml(self._mid(), f"rec@{company.lower()}.com", USER, self.now, f"Interview: {role}")
        self._schedule(mail, Category.INVITATION, company, role, start)

    @precondition(lambda self: bool(self.apps))
    @rule(data=st.data(), days=st.integers(min_value=0, max_value=10))
    def reschedule(self, data: st.DataObject, days: int) -> None:
        app = self.apps[data.draw(st.sampled_from(sorted(self.apps)))]
        company = app.company or "Acme"
        mail = eml(self._mid(), f"rec@{company.lower()}.com", USER, self.now, "Re: Interview", app.thread[0])
        self._schedule(mail, Category.RESCHEDULE, company, app.role or ROLES[0], self.now + timedelta(days=days))

    @precondition(lambda self: bool(self.apps))
    @rule(data=st.data())
    def employer_reply(self, data: st.DataObject) -> None:
        self._inbound(data.draw(st.sampled_from(sorted(self.apps))), Category.EMPLOYER_REPLY)

    @precondition(lambda self: bool(self.apps))
    @rule(data=st.data(), cat=st.sampled_from([Category.CANCELLATION, Category.REJECTION, Category.OFFER]))
    def closing(self, data: st.DataObject, cat: Category) -> None:
        app_id = data.draw(st.sampled_from(sorted(self.apps)))
        self.stopped |= {s.draft_id for s in self.apps[app_id].stages if s.status in PENDING}
        self._inbound(app_id, cat)
        assert self.apps[app_id].state == "closed"

    @precondition(lambda self: bool(self.apps))
    @rule(data=st.data(), days=st.integers(min_value=0, max_value=14))
    def out_of_office(self, data: st.DataObject, days: int) -> None:
        back = (self.now + timedelta(days=days)).date()
        self._inbound(data.draw(st.sampled_from(sorted(self.apps))), Category.AUTO_REPLY, return_date=back)

    @precondition(lambda self: bool(self.apps))
    @rule(data=st.data())
    def user_writes(self, data: st.DataObject) -> None:
        app = self.apps[data.draw(st.sampled_from(sorted(self.apps)))]
        to = f"rec@{(app.company or 'acme').lower()}.com"
        mail = eml(self._mid(), USER, to, self.now, "Re: Interview", app.thread[0])
        found = match(list(self.apps.values()), mail, None, USERS)
        assert found is not None and found.id == app.id
        self._feed(found, MailEvent(mail, None, direction="outbound"))

    @rule(hours=st.integers(min_value=1, max_value=96))
    def tick(self, hours: int) -> None:
        self.now += timedelta(hours=hours)
        self.failed_this_tick = False
        for app_id in sorted(self.apps):
            self._feed(self.apps[app_id], Tick())
        if not self.failed_this_tick:
            for app in self.apps.values():
                late = [
                    s.draft_id
                    for s in app.stages
                    if s.status in PENDING
                    and s.due <= self.now
                    and app.state not in ("answered", "closed")
                    and app.interview is not None
                    and s.interview == app.interview.number
                ]
                assert late == [], f"due but not drafted: {late}"

    @rule()
    def restart(self) -> None:
        with self.store.transaction():
            for app in self.apps.values():
                self.store.save_application(app)
        self.store.close()
        self.store = Store.open(self.dir / "state.sqlite")
        loaded = {a.id: a for a in self.store.load_applications()}
        assert loaded == self.apps
        self.apps = loaded

    @rule()
    def append_fails(self) -> None:
        self.fail_next = True

    @precondition(lambda self: bool(self.drafts))
    @rule(data=st.data())
    def user_deletes_draft(self, data: st.DataObject) -> None:
        did = data.draw(st.sampled_from(sorted(self.drafts)))
        del self.drafts[did]
        owner = next(a for a in self.apps.values() if a.stage(did) is not None)
        self._feed(owner, DraftOutcome(did, "deleted"))

    # ------------------------------------------------------------ invariants

    @invariant()
    def drafts_in_the_folder_are_drafted_stages(self) -> None:
        drafted = {s.draft_id for a in self.apps.values() for s in a.stages if s.status == "drafted"}
        assert set(self.drafts) <= drafted

    @invariant()
    def finished_applications_have_nothing_pending(self) -> None:
        for app in self.apps.values():
            if app.state in ("answered", "closed"):
                assert not any(s.status in PENDING and s.interview == app.interview.number for s in app.stages)  # type: ignore[union-attr]

    @invariant()
    def draft_ids_are_unique_per_application(self) -> None:
        for app in self.apps.values():
            ids = [s.draft_id for s in app.stages]
            assert len(ids) == len(set(ids))


TrackerMachine.TestCase.settings = settings(
    max_examples=150,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_tracker_machine = TrackerMachine.TestCase
