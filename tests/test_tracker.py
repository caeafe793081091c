"""The tracker's behaviour, driven by small .eml messages and hand-built analyses.

The analyses are written by hand so these tests check the state machine, not the
classifier; the planner is a simple one of our own so they do not depend on holidays.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, time, timedelta

from daemon.followup.policy import add_business_days
from daemon.followup.tracker import (
    Action,
    Application,
    ConfigChanged,
    CreateDraft,
    DraftOutcome,
    Event,
    Identity,
    MailEvent,
    Notify,
    RemoveDraft,
    Tick,
    application_id,
    draft_id,
    match,
    next_action,
    step,
)
from daemon.model import Analysis, Category, Classification, InterviewTime, Mail, PlannedStage, Round
from daemon.settings import DaemonSettings, NotifySettings, PolicySettings, Settings
from daemon.understand.mail import parse

USER = "jordan@example.com"
USERS = frozenset({USER})
SETTINGS = Settings()
# the interview: Tuesday 3 March 2026, 14:00–15:00 UTC
START = datetime(2026, 3, 3, 14, 0, tzinfo=UTC)
END = START + timedelta(hours=1)


def planner(
    start: datetime,
    end: datetime | None,
    round: Round | None,
    company: str | None,
    domain: str | None,
    settings: Settings,
    now: datetime,
) -> list[PlannedStage]:
    """followup-N every ``followup_after_business_days`` calendar days, never before now."""
    finish = end or start + timedelta(hours=1)
    gap = timedelta(days=settings.policy.followup_after_business_days)
    out, due = [], finish
    for i in range(1, settings.policy.max_followups + 1):
        due = max(due + gap, now)
        out.append(PlannedStage(stage=f"followup-{i}", due=due))
    return out


def moment_after(d: date, settings: Settings) -> datetime:
    return datetime.combine(d + timedelta(days=1), time(9, 30), tzinfo=UTC)


def run(
    app: Application | None, event: Event, now: datetime, settings: Settings = SETTINGS
) -> tuple[Application, list[Action]]:
    """One step on an application that stays tracked."""
    new, actions = untracked(app, event, now, settings)
    assert new is not None
    return new, actions


def untracked(
    app: Application | None, event: Event, now: datetime, settings: Settings = SETTINGS
) -> tuple[Application | None, list[Action]]:
    return step(app, event, settings, now, planner=planner, business_moment=moment_after)


def eml(
    mid: str,
    subject: str,
    sender: str,
    when: datetime,
    *,
    to: str = USER,
    reply_to: str | None = None,
    in_reply_to: str | None = None,
    extra: str = "",
    body: str = "Hello,\n\nThanks.\n",
) -> Mail:
    head = [
        f"Message-ID: {mid}",
        f"Date: {when.strftime('%a, %d %b %Y %H:%M:%S +0000')}",
        f"From: {sender}",
        f"To: {to}",
        f"Subject: {subject}",
    ]
    if reply_to:
        head.append(f"Reply-To: {reply_to}")
    if in_reply_to:
        head += [f"In-Reply-To: {in_reply_to}", f"References: {in_reply_to}"]
    if extra:
        head.append(extra)
    raw = "\r\n".join([*head, "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", body])
    return parse(raw.encode())


def analysis(
    cat: Category,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    company: str | None = "Acme",
    role: str | None = "Backend Engineer",
    return_date: date | None = None,
) -> Analysis:
    iv = InterviewTime(start=start, end=end, timezone="UTC") if start else None
    c = Classification(cat, 0.9, ("test",), company=company, role=role, return_date=return_date)
    return Analysis(classification=c, interview=iv)


ACME = Identity(company="Acme", domains=("acme.com",), recruiter="jane@acme.com")
INVITE_AT = START - timedelta(days=5)


def invited(now: datetime = INVITE_AT, start: datetime = START) -> Application:
    mail = eml("<inv-1@acme.com>", "Interview: Backend Engineer", "Jane <jane@acme.com>", INVITE_AT)
    app, actions = run(
        None,
        MailEvent(mail, analysis(Category.INVITATION, start=start, end=start + timedelta(hours=1)), employer=ACME),
        now,
    )
    assert app is not None and actions == []
    return app


def reply(mid: str, cat: Category, when: datetime, **kw: object) -> MailEvent:
    mail = eml(mid, "Re: Interview: Backend Engineer", "Jane <jane@acme.com>", when, in_reply_to="<inv-1@acme.com>")
    return MailEvent(mail, analysis(cat, **kw), employer=ACME)  # type: ignore[arg-type]


def drafted(app: Application, stage: str, now: datetime) -> Application:
    new, _ = run(app, DraftOutcome(draft_id(app.id, stage), "appended", message_id=f"<{stage}@d>"), now)
    assert new is not None
    return new


def creates(actions: list[Action]) -> list[str]:
    return [a.draft_id for a in actions if isinstance(a, CreateDraft)]


def stages(app: Application) -> dict[str, tuple[str, datetime]]:
    return {s.stage: (s.status, s.due) for s in app.stages}


# ------------------------------------------------------------------ invitations


def test_invitation_with_a_time_plans_the_stages() -> None:
    app = invited()
    assert app.state == "waiting"
    assert app.company == "Acme" and app.role == "Backend Engineer"
    assert app.interview is not None and (app.interview.start, app.interview.end) == (START, END)
    assert stages(app) == {
        "followup-1": ("planned", END + timedelta(days=2)),
        "followup-2": ("planned", END + timedelta(days=4)),
    }
    assert {s.draft_id for s in app.stages} == {f"{app.id}.followup-1@followupd", f"{app.id}.followup-2@followupd"}
    assert next_action(app) == ("followup-1", END + timedelta(days=2))
    assert app.latest is not None and app.latest.reply_to == "jane@acme.com"
    assert "<inv-1@acme.com>" in app.thread


def test_invitation_without_a_time_waits_for_one() -> None:
    mail = eml("<inv-1@acme.com>", "Let's find a time", "jane@acme.com", INVITE_AT)
    app, _ = run(None, MailEvent(mail, analysis(Category.INVITATION), employer=ACME), INVITE_AT)
    assert app is not None and app.state == "scheduling" and app.stages == ()
    assert next_action(app) is None
    app, _ = run(app, reply("<inv-2@acme.com>", Category.INVITATION, INVITE_AT, start=START, end=END), INVITE_AT)
    assert app is not None and app.state == "waiting"
    assert next_action(app) == ("followup-1", END + timedelta(days=2))


def test_mail_that_starts_nothing_is_not_tracked() -> None:
    for cat in (Category.EMPLOYER_REPLY, Category.OTHER, Category.REJECTION, Category.AUTO_REPLY):
        mail = eml("<x@acme.com>", "Hello", "jane@acme.com", INVITE_AT)
        assert untracked(None, MailEvent(mail, analysis(cat), employer=ACME), INVITE_AT) == (None, [])


def test_the_same_message_twice_changes_nothing() -> None:
    app = invited()
    ev = reply("<r@acme.com>", Category.EMPLOYER_REPLY, END + timedelta(hours=2))
    once, _ = run(app, ev, END + timedelta(hours=2))
    twice, actions = run(once, ev, END + timedelta(hours=3))
    assert twice == once and actions == []


# ------------------------------------------------------------------ ticks and outcomes


def test_tick_creates_each_due_stage_once_outcomes_settle_it() -> None:
    app = invited()
    due1 = END + timedelta(days=2)
    assert run(app, Tick(), due1 - timedelta(seconds=1)) == (app, [])
    same, actions = run(app, Tick(), due1)
    assert same == app
    assert actions == [CreateDraft(app.id, "followup-1", draft_id(app.id, "followup-1"), due1)]
    app = drafted(app, "followup-1", due1)
    assert app.state == "drafted"
    assert stages(app)["followup-1"][0] == "drafted"
    assert next(d for d in app.stages if d.stage == "followup-1").message_id == "<followup-1@d>"
    assert run(app, Tick(), due1 + timedelta(hours=1))[1] == []


def test_stages_that_fell_due_while_down_are_created_on_the_next_tick() -> None:
    app = invited()
    later = END + timedelta(days=30)
    _, actions = run(app, Tick(), later)
    assert [a.stage for a in actions if isinstance(a, CreateDraft)] == ["followup-1", "followup-2"]


def test_a_failed_append_is_retried_a_deleted_draft_never_recreated() -> None:
    app = invited()
    due1 = END + timedelta(days=2)
    did = draft_id(app.id, "followup-1")
    app, _ = run(app, DraftOutcome(did, "failed"), due1)
    assert app is not None and stages(app)["followup-1"][0] == "planned"
    assert app.stages[0].attempts == 1
    assert creates(run(app, Tick(), due1 + timedelta(minutes=5))[1]) == [did]
    app = drafted(app, "followup-1", due1 + timedelta(minutes=5))
    app, _ = run(app, DraftOutcome(did, "deleted"), due1 + timedelta(days=1))
    assert app is not None and stages(app)["followup-1"][0] == "deleted_by_user"
    app, _ = run(app, ConfigChanged(), due1 + timedelta(days=1))
    assert app is not None
    for t in (due1 + timedelta(days=1), due1 + timedelta(days=60)):
        assert did not in creates(run(app, Tick(), t)[1])


def test_outcome_for_an_unknown_draft_is_ignored() -> None:
    app = invited()
    assert run(app, DraftOutcome("zzz.followup-1@followupd", "appended"), END) == (app, [])


# ------------------------------------------------------------------ reschedule, cancel, close


def test_reschedule_moves_the_interview_and_replans() -> None:
    app = invited()
    new_start = START + timedelta(days=7)
    app, _ = run(
        app,
        reply("<rs@acme.com>", Category.RESCHEDULE, INVITE_AT, start=new_start, end=new_start + timedelta(hours=1)),
        INVITE_AT,
    )
    assert app is not None and app.interview is not None and app.interview.start == new_start
    assert app.interview.number == 1
    assert stages(app)["followup-1"] == ("planned", new_start + timedelta(hours=1, days=2))
    assert run(app, Tick(), END + timedelta(days=2))[1] == []


def test_reschedule_keeps_stages_already_drafted() -> None:
    app = drafted(invited(), "followup-1", END + timedelta(days=2))
    new_start = START + timedelta(days=1)
    app, _ = run(
        app,
        reply(
            "<rs@acme.com>",
            Category.RESCHEDULE,
            START - timedelta(hours=1),
            start=new_start,
            end=new_start + timedelta(hours=1),
        ),
        START - timedelta(hours=1),
    )
    assert app is not None
    assert stages(app)["followup-1"] == ("drafted", END + timedelta(days=2))
    assert stages(app)["followup-2"] == ("planned", new_start + timedelta(hours=1, days=4))


def test_reschedule_without_a_new_time_holds_the_stages() -> None:
    app = invited()
    app, _ = run(app, reply("<rs@acme.com>", Category.RESCHEDULE, INVITE_AT), INVITE_AT)
    assert app is not None and app.state == "scheduling" and app.stages == ()
    assert run(app, Tick(), END + timedelta(days=10))[1] == []


def test_cancellation_closes_and_retracts_our_draft() -> None:
    app = drafted(invited(), "followup-1", END + timedelta(days=2))
    at = END + timedelta(days=2, hours=1)
    closed, actions = run(app, reply("<c@acme.com>", Category.CANCELLATION, at), at)
    assert closed is not None and closed.state == "closed" and closed.reason == "cancellation"
    assert actions == [RemoveDraft(app.id, "followup-1", draft_id(app.id, "followup-1"))]
    assert stages(closed)["followup-2"][0] == "stopped"
    assert next_action(closed) is None
    # the retraction is asked for on every tick until the runner reports back
    assert run(closed, Tick(), at + timedelta(days=30))[1] == actions
    gone, _ = run(closed, DraftOutcome(draft_id(app.id, "followup-1"), "removed"), at)
    assert gone is not None and stages(gone)["followup-1"][0] == "stopped"
    assert run(gone, Tick(), at + timedelta(days=30))[1] == []


def test_closing_keeps_our_draft_when_configured_to() -> None:
    keep = dataclasses.replace(SETTINGS, daemon=DaemonSettings(remove_stale_drafts=False))
    app = drafted(invited(), "followup-1", END + timedelta(days=2))
    at = END + timedelta(days=3)
    closed, actions = run(app, reply("<c@acme.com>", Category.REJECTION, at), at, keep)
    assert closed is not None and closed.state == "closed" and actions == []
    assert run(closed, Tick(), at + timedelta(days=30), keep)[1] == []


def test_rejection_and_offer_stop_every_pending_stage() -> None:
    for cat in (Category.REJECTION, Category.OFFER):
        app = invited()
        closed, actions = run(app, reply("<c@acme.com>", cat, START - timedelta(days=1)), START)
        assert closed is not None and closed.state == "closed" and actions == []
        assert {s.status for s in closed.stages} == {"stopped"}
        assert run(closed, Tick(), END + timedelta(days=60))[1] == []


# ------------------------------------------------------------------ employer answers


def test_employer_reply_after_the_interview_stops_everything() -> None:
    app = drafted(invited(), "followup-1", END + timedelta(days=2))
    at = END + timedelta(days=3)
    answered, actions = run(app, reply("<r@acme.com>", Category.EMPLOYER_REPLY, at), at)
    assert answered is not None and answered.state == "answered"
    assert actions == [RemoveDraft(app.id, "followup-1", draft_id(app.id, "followup-1"))]
    assert stages(answered)["followup-2"][0] == "stopped"
    assert not any(isinstance(a, CreateDraft) for a in run(answered, Tick(), at + timedelta(days=60))[1])
    assert answered.latest is not None and answered.latest.message_id == "<r@acme.com>"


def test_employer_mail_before_the_interview_does_not_stop() -> None:
    app = invited()
    at = START - timedelta(hours=2)
    app, actions = run(app, reply("<r@acme.com>", Category.EMPLOYER_REPLY, at), at)
    assert app is not None and app.state == "waiting" and actions == []
    assert stages(app)["followup-1"][0] == "planned"


def test_any_real_mail_in_the_thread_after_the_interview_counts_as_an_answer() -> None:
    app = invited()
    at = END + timedelta(hours=5)
    answered, _ = run(app, reply("<o@acme.com>", Category.OTHER, at), at)
    assert answered is not None and answered.state == "answered"
    # the same kind of mail from the company but outside the thread is not an answer
    newsletter = eml("<news@acme.com>", "Acme engineering blog", "blog@acme.com", at)
    app2, _ = run(app, MailEvent(newsletter, analysis(Category.OTHER), employer=ACME), at)
    assert app2 is not None and app2.state == "waiting"


def test_out_of_office_never_stops_and_defers_with_a_return_date() -> None:
    app = invited()
    at = END + timedelta(hours=1)
    plain, actions = run(app, reply("<ooo1@acme.com>", Category.AUTO_REPLY, at), at)
    assert plain is not None and plain.state == "waiting" and actions == []
    assert stages(plain) == stages(app)
    back = (END + timedelta(days=6)).date()
    deferred, _ = run(app, reply("<ooo2@acme.com>", Category.AUTO_REPLY, at, return_date=back), at)
    assert deferred is not None and deferred.state == "waiting"
    until = moment_after(back, SETTINGS)
    s = stages(deferred)
    assert s["followup-1"] == ("deferred", until)
    assert s["followup-2"][1] == until + timedelta(days=2)  # keeps its spacing
    assert run(deferred, Tick(), END + timedelta(days=2))[1] == []
    assert creates(run(deferred, Tick(), until)[1]) == [draft_id(app.id, "followup-1")]
    # the auto-reply is not what a follow-up answers
    assert deferred.latest is not None and deferred.latest.message_id == "<inv-1@acme.com>"


# ------------------------------------------------------------------ the user's own mail


def _sent(mid: str, when: datetime, extra: str = "") -> MailEvent:
    mail = eml(
        mid,
        "Re: Interview: Backend Engineer",
        USER,
        when,
        to="Jane <jane@acme.com>",
        in_reply_to="<inv-1@acme.com>",
        extra=extra,
    )
    return MailEvent(mail, None, direction="outbound")


def test_users_own_mail_after_the_interview_counts_as_the_next_stage() -> None:
    app = invited()
    at = END + timedelta(days=1)
    app, actions = run(app, _sent("<mine@example.com>", at), at)
    assert app is not None and actions == []
    s = stages(app)
    assert s["followup-1"][0] == "done_by_user"
    # the next check-in is the check-in gap (5 business days) after the user's own mail
    expected = add_business_days(at, SETTINGS.policy.second_followup_after_business_days, SETTINGS)
    assert s["followup-2"] == ("planned", expected)
    assert next_action(app) == ("followup-2", expected)
    assert app.state == "waiting"


def test_users_mail_before_the_interview_changes_nothing() -> None:
    app = invited()
    at = START - timedelta(days=1)
    new, _ = run(app, _sent("<mine@example.com>", at), at)
    assert new is not None and stages(new) == stages(app)


def test_user_sending_our_draft_marks_that_stage_done() -> None:
    app = drafted(invited(), "followup-1", END + timedelta(days=2))
    did = draft_id(app.id, "followup-1")
    at = END + timedelta(days=2, hours=2)
    app, actions = run(app, _sent("<followup-1@d>", at, extra=f"X-Followupd-Id: {did}"), at)
    assert app is not None and actions == []  # nothing stale to retract: it was sent
    assert stages(app)["followup-1"][0] == "done_by_user"
    assert app.state == "waiting"


def test_user_writing_their_own_follow_up_retracts_our_draft() -> None:
    app = drafted(invited(), "followup-1", END + timedelta(days=2))
    at = END + timedelta(days=2, hours=2)
    app, actions = run(app, _sent("<own@example.com>", at), at)
    assert app is not None
    assert actions == [RemoveDraft(app.id, "followup-1", draft_id(app.id, "followup-1"))]
    assert stages(app)["followup-1"][0] == "done_by_user"


# ------------------------------------------------------------------ next round, config, notify


def test_an_invitation_after_the_interview_is_the_next_round() -> None:
    app = drafted(invited(), "followup-1", END + timedelta(days=2))
    at = END + timedelta(days=3)
    final = START + timedelta(days=10)
    app, actions = run(
        app, reply("<inv-r2@acme.com>", Category.INVITATION, at, start=final, end=final + timedelta(hours=1)), at
    )
    assert app is not None and app.interview is not None and app.interview.number == 2
    assert actions == [RemoveDraft(app.id, "followup-1", draft_id(app.id, "followup-1"))]
    round2 = [s for s in app.stages if s.interview == 2]
    assert [s.draft_id for s in round2] == [draft_id(app.id, "followup-1", 2), draft_id(app.id, "followup-2", 2)]
    assert len({s.draft_id for s in app.stages}) == len(app.stages)
    assert app.state == "waiting"
    assert next_action(app) == ("followup-1", final + timedelta(hours=1, days=2))


def test_an_answered_application_reopens_for_a_new_round() -> None:
    app = invited()
    at = END + timedelta(days=1)
    app, _ = run(app, reply("<r@acme.com>", Category.EMPLOYER_REPLY, at), at)
    assert app is not None and app.state == "answered"
    final = START + timedelta(days=10)
    app, _ = run(
        app, reply("<inv-r2@acme.com>", Category.INVITATION, at, start=final, end=final + timedelta(hours=1)), at
    )
    assert app is not None and app.state == "waiting" and app.interview is not None and app.interview.number == 2


def test_invited_again_after_a_cancellation_plans_afresh() -> None:
    app = invited()
    at = START - timedelta(days=1)
    app, _ = run(app, reply("<c@acme.com>", Category.CANCELLATION, at), at)
    assert app.state == "closed"
    again = START + timedelta(days=7)
    app, _ = run(
        app, reply("<inv-again@acme.com>", Category.INVITATION, at, start=again, end=again + timedelta(hours=1)), at
    )
    assert app.state == "waiting" and app.interview is not None and app.interview.number == 2
    assert next_action(app) == ("followup-1", again + timedelta(hours=1, days=2))
    assert creates(run(app, Tick(), again + timedelta(hours=1, days=2))[1]) == [draft_id(app.id, "followup-1", 2)]


def test_config_change_replans_what_is_not_drafted() -> None:
    app = drafted(invited(), "followup-1", END + timedelta(days=2))
    slower = dataclasses.replace(SETTINGS, policy=PolicySettings(followup_after_business_days=5, max_followups=3))
    now = END + timedelta(days=2, hours=1)
    app, actions = run(app, ConfigChanged(), now, slower)
    assert app is not None and actions == []
    assert stages(app) == {
        "followup-1": ("drafted", END + timedelta(days=2)),
        "followup-2": ("planned", END + timedelta(days=10)),
        "followup-3": ("planned", END + timedelta(days=15)),
    }


def test_notify_only_when_enabled() -> None:
    due1 = END + timedelta(days=2)
    app = invited()
    _, quiet = run(app, DraftOutcome(draft_id(app.id, "followup-1"), "appended"), due1)
    assert quiet == []
    loud = dataclasses.replace(SETTINGS, notify=NotifySettings(enabled=True))
    _, actions = run(app, DraftOutcome(draft_id(app.id, "followup-1"), "appended"), due1, loud)
    assert len(actions) == 1 and isinstance(actions[0], Notify)
    assert "Acme" in actions[0].text and "followup-1" in actions[0].text


# ------------------------------------------------------------------ matching


def _inbound(
    mid: str, sender: str, *, company: str | None, role: str | None, in_reply_to: str | None = None
) -> tuple[Mail, Analysis]:
    mail = eml(mid, "Interview", sender, INVITE_AT, in_reply_to=in_reply_to)
    return mail, analysis(Category.INVITATION, start=START, end=END, company=company, role=role)


def _new(mail: Mail, a: Analysis, ident: Identity) -> Application:
    app, _ = run(None, MailEvent(mail, a, employer=ident), INVITE_AT)
    assert app is not None
    return app


def test_match_by_thread_first() -> None:
    app = invited()
    other = Identity(company="Globex", domains=("globex.com",))
    mail, a = _inbound("<r@x>", "someone@elsewhere.org", company="Globex", role=None, in_reply_to="<inv-1@acme.com>")
    assert match([app], mail, a, USERS, employer=other) == app


def test_a_relay_brand_alone_never_matches() -> None:
    gh = "no-reply@greenhouse.io"
    m1, a1 = _inbound("<g1@greenhouse.io>", gh, company="Acme", role="Backend Engineer")
    acme = _new(m1, a1, Identity(company="Acme", relay="Greenhouse", organizer=gh))
    m2, a2 = _inbound("<g2@greenhouse.io>", gh, company="Globex", role="Backend Engineer")
    ident2 = Identity(company="Globex", relay="Greenhouse", organizer=gh)
    assert match([acme], m2, a2, USERS, employer=ident2) is None
    # and with no company known at all, the shared relay address is not enough either
    m3, a3 = _inbound("<g3@greenhouse.io>", gh, company=None, role="Backend Engineer")
    assert match([acme], m3, a3, USERS, employer=Identity(relay="Greenhouse", organizer=gh)) is None
    # the same company through the same relay is the same application
    m4, a4 = _inbound("<g4@greenhouse.io>", gh, company="Acme, Inc.", role="Backend Engineer")
    assert match([acme], m4, a4, USERS, employer=Identity(company="Acme, Inc.", relay="Greenhouse")) == acme


def test_two_roles_at_one_company_are_two_applications() -> None:
    backend = invited()
    mail, a = _inbound("<fe@acme.com>", "jane@acme.com", company="Acme", role="Frontend Engineer")
    assert match([backend], mail, a, USERS, employer=ACME) is None
    frontend = _new(mail, a, ACME)
    assert frontend.id != backend.id
    m2, a2 = _inbound("<be2@acme.com>", "jane@acme.com", company="Acme", role="backend engineer")
    assert match([backend, frontend], m2, a2, USERS, employer=ACME) == backend
    # no role, two open applications at the company: ambiguous
    m3, a3 = _inbound("<x@acme.com>", "jane@acme.com", company="Acme", role=None)
    assert match([backend, frontend], m3, a3, USERS, employer=ACME) is None


def test_no_role_matches_the_companys_only_open_application() -> None:
    app = invited()
    mail, a = _inbound("<x@acme.com>", "bob@acme.com", company=None, role=None)
    assert match([app], mail, a, USERS, employer=Identity(domains=("acme.com",))) == app
    closed = dataclasses.replace(app, state="closed")
    assert match([closed], mail, a, USERS, employer=Identity(domains=("acme.com",))) is None


def test_an_agency_recruiter_for_another_company_does_not_match() -> None:
    app = invited()
    mail, a = _inbound("<x@acme.com>", "jane@acme.com", company="Initech", role=None)
    assert match([app], mail, a, USERS, employer=Identity(company="Initech", recruiter="jane@acme.com")) is None


def test_users_mail_matches_by_recipient() -> None:
    app = invited()
    mail = eml("<mine@example.com>", "Thanks!", USER, END, to="jane@acme.com")
    assert match([app], mail, None, USERS) == app
    stranger = eml("<mine2@example.com>", "Hi", USER, END, to="friend@gmail.com")
    assert match([app], stranger, None, USERS) is None


def test_match_uses_the_injected_identify_when_no_employer_is_given() -> None:
    app = invited()
    mail, a = _inbound("<x@acme.com>", "bob@acme.com", company=None, role=None)
    calls: list[str] = []

    def identify(m: Mail, c: Classification, users: frozenset[str]) -> Identity:
        calls.append(m.message_id or "")
        return Identity(domains=("acme.com",))

    assert match([app], mail, a, USERS, identify=identify) == app
    assert calls == ["<x@acme.com>"]


# ------------------------------------------------------------------ ids and JSON


def test_ids_are_stable() -> None:
    mail = eml("<inv-1@acme.com>", "Interview", "jane@acme.com", INVITE_AT)
    a = application_id("Acme", "Backend Engineer", mail)
    assert a == application_id("acme", "backend engineer", mail)
    assert a != application_id("Acme", "Frontend Engineer", mail)
    assert len(a) == 12
    assert invited().id == a
    assert draft_id(a, "followup-1") == f"{a}.followup-1@followupd"
    assert draft_id(a, "followup-1", 2) != draft_id(a, "followup-1")


def test_json_round_trip_is_exact() -> None:
    app = drafted(invited(), "followup-1", END + timedelta(days=2))
    back = END + timedelta(days=6)
    app, _ = run(app, reply("<ooo@acme.com>", Category.AUTO_REPLY, END, return_date=back.date()), END)
    assert app is not None and app.deferral is not None
    text = json.dumps(app.to_json())
    assert Application.from_json(json.loads(text)) == app
