"""The follow-up tracker: what each application is waiting for, as a pure state machine.

``step(app, event, settings, now)`` returns the new application state and the actions
the runner must carry out. Nothing here reads the clock, the disk or the network: the
runner feeds events in, persists what comes out and reports back how each action went
(``DraftOutcome``), which is what makes "one draft per stage, ever" checkable.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal, Protocol

from daemon import codec
from daemon.model import DRAFT_ID_HEADER, Analysis, Category, Classification, Mail, PlannedStage, Round
from daemon.settings import Settings
from daemon.understand.extract import org_domain
from daemon.understand.relays import HIRING_RELAYS, is_noreply, relay_for_address

AppState = Literal["scheduling", "waiting", "drafted", "answered", "closed"]
StageStatus = Literal["planned", "drafted", "done_by_user", "deleted_by_user", "stopped", "deferred"]
Direction = Literal["inbound", "outbound"]
OutcomeResult = Literal["appended", "present", "failed", "deleted", "removed", "kept"]

#: stage statuses that may still produce a draft
PENDING: frozenset[str] = frozenset({"planned", "deferred"})
#: states in which nothing more is drafted for the current interview
FINISHED: frozenset[str] = frozenset({"answered", "closed"})
JSON_VERSION = 1


class Planner(Protocol):
    def __call__(
        self,
        start: datetime,
        end: datetime | None,
        round: Round | None,
        company: str | None,
        domain: str | None,
        settings: Settings,
        now: datetime,
    ) -> list[PlannedStage]: ...


#: ``policy.first_business_moment_after``: where an out-of-office return date defers to
BusinessMoment = Callable[[date, Settings], datetime]


class EmployerLike(Protocol):
    """What ``daemon.understand.extract.employer`` returns; only these attributes are read."""

    @property
    def company(self) -> str | None: ...
    @property
    def domains(self) -> tuple[str, ...]: ...
    @property
    def relay(self) -> str | None: ...
    @property
    def organizer(self) -> str | None: ...
    @property
    def recruiter(self) -> str | None: ...


Identify = Callable[[Mail, Classification, frozenset[str]], EmployerLike]


# ---------------------------------------------------------------- state


@dataclass(frozen=True)
class Identity:
    """Who the employer is: the company's own domains, relay, calendar organizer, recruiter."""

    company: str | None = None
    domains: tuple[str, ...] = ()
    relay: str | None = None
    organizer: str | None = None
    recruiter: str | None = None

    @classmethod
    def of(cls, e: EmployerLike) -> Identity:
        return cls(
            company=e.company,
            domains=tuple(d.lower() for d in e.domains),
            relay=e.relay,
            organizer=e.organizer.lower() if e.organizer else None,
            recruiter=e.recruiter.lower() if e.recruiter else None,
        )

    def merged(self, newer: Identity) -> Identity:
        """Fill what is unknown from ``newer``; domains accumulate."""
        return Identity(
            company=self.company or newer.company,
            domains=tuple(dict.fromkeys((*self.domains, *newer.domains))),
            relay=self.relay or newer.relay,
            organizer=self.organizer or newer.organizer,
            recruiter=self.recruiter or newer.recruiter,
        )


@dataclass(frozen=True)
class Interview:
    number: int  # 1 for the application's first interview, 2 for the next round…
    start: datetime | None
    end: datetime | None
    timezone: str | None = None
    round: Round | None = None
    interviewers: tuple[str, ...] = ()
    uid: str | None = None  # the calendar event's UID, when it came with an .ics
    sequence: int = 0
    topics: tuple[str, ...] = ()  # what the invitation said the interview would cover

    def finish(self, settings: Settings) -> datetime | None:
        if self.start is None:
            return None
        if self.end is not None and self.end >= self.start:
            return self.end
        return self.start + timedelta(minutes=settings.policy.default_duration_minutes)


@dataclass(frozen=True)
class EmployerMessage:
    """The latest real message from the employer: what a follow-up replies to."""

    message_id: str | None
    references: tuple[str, ...]
    reply_to: str | None  # who a follow-up goes to: compose.reply_address, else the last known one
    from_addr: str | None
    date: datetime | None
    subject: str
    reply_name: str = ""  # the display name that goes with reply_to
    #: why the obvious recipient was set aside (an outside Reply-To), for the log and status
    recipient_note: str = ""


@dataclass(frozen=True)
class StageRecord:
    stage: str  # "thank-you", "followup-1", …
    interview: int  # the Interview.number it follows up on
    due: datetime
    status: StageStatus
    draft_id: str
    kind: str = "followup"
    created: datetime | None = None  # when our draft was appended
    message_id: str | None = None  # the draft's Message-ID
    attempts: int = 0  # failed appends so far
    retract: bool = False  # our draft is stale: RemoveDraft until the runner reports back
    done_at: datetime | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deferral:
    return_date: date  # from an out-of-office reply
    until: datetime  # no stage is due before this


@dataclass(frozen=True)
class Notes:
    """What only the user knows, added with ``followupd note``; a field left None is unset."""

    specific: str | None = None
    question: str | None = None
    extra: str | None = None

    def merged(self, newer: Notes) -> Notes:
        return Notes(
            specific=newer.specific if newer.specific is not None else self.specific,
            question=newer.question if newer.question is not None else self.question,
            extra=newer.extra if newer.extra is not None else self.extra,
        )


@dataclass(frozen=True)
class Application:
    id: str
    company: str | None
    role: str | None
    employer: Identity
    thread: tuple[str, ...]  # every Message-ID seen in or referenced by its messages
    subject: str
    latest: EmployerMessage | None
    interview: Interview | None
    state: AppState
    stages: tuple[StageRecord, ...] = ()
    deferral: Deferral | None = None
    #: the user's own latest mail to the employer after the interview
    user_followed_up: datetime | None = None
    processed: tuple[str, ...] = ()  # Message-IDs already applied, so a copy is a no-op
    created: datetime | None = None
    updated: datetime | None = None
    reason: str | None = None  # what answered or closed it
    agency: str | None = None  # the recruiting agency that wrote for the company, if one did
    notes: Notes = Notes()  # the user's own notes (``followupd note``)

    def stage(self, draft_id: str) -> StageRecord | None:
        return next((s for s in self.stages if s.draft_id == draft_id), None)

    def to_json(self) -> dict[str, Any]:
        return {"v": JSON_VERSION, **codec.to_json(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Application:
        return codec.from_json(cls, _migrate(data))


# ---------------------------------------------------------------- events and actions


@dataclass(frozen=True)
class MailEvent:
    """A message seen in a watched folder (inbound) or in Sent (outbound).

    ``employer`` is the sender's identity from ``daemon.understand.extract.employer``; the runner
    computes it once and passes it to both ``match`` and ``step``.
    """

    mail: Mail
    analysis: Analysis | None = None
    direction: Direction = "inbound"
    employer: Identity | None = None


@dataclass(frozen=True)
class Tick:
    """Time passed: create every draft that is due at ``now``."""


@dataclass(frozen=True)
class DraftOutcome:
    """How a CreateDraft or RemoveDraft went.

    appended/present: our draft is in Drafts (present: found there already, after a crash);
    failed: not appended, retry on a later tick; deleted: the user deleted our draft, never
    recreate it; removed: we retracted it; kept: we left it because the user touched it.
    """

    draft_id: str
    result: OutcomeResult
    message_id: str | None = None
    at: datetime | None = None


@dataclass(frozen=True)
class ConfigChanged:
    """The policy may have changed: re-plan every stage not yet drafted."""


Event = MailEvent | Tick | DraftOutcome | ConfigChanged


@dataclass(frozen=True)
class CreateDraft:
    app_id: str
    stage: str
    draft_id: str
    due: datetime


@dataclass(frozen=True)
class RemoveDraft:
    """Retract our stale draft, only if it is still byte-for-byte ours (the runner checks)."""

    app_id: str
    stage: str
    draft_id: str


@dataclass(frozen=True)
class Notify:
    app_id: str
    text: str


Action = CreateDraft | RemoveDraft | Notify


# ---------------------------------------------------------------- ids


def draft_id(app_id: str, stage: str, interview: int = 1) -> str:
    """The stable X-Followupd-Id of one stage: the idempotency key of its draft."""
    if interview == 1:
        return f"{app_id}.{stage}@followupd"
    return f"{app_id}.i{interview}.{stage}@followupd"


def application_id(company: str | None, role: str | None, first: Mail) -> str:
    seed = first.message_id or f"{first.subject}\x1f{first.date.isoformat() if first.date else ''}"
    text = "\x1f".join((_norm(company), _norm(role), seed))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------------- matching

_COMPANY_SUFFIX = re.compile(r"\b(inc|llc|ltd|gmbh|corp|corporation|co|plc|ag|sa|bv|limited)\b\.?")
_NON_WORD = re.compile(r"[^\w]+")


def _norm(text: str | None) -> str:
    return " ".join(_NON_WORD.sub(" ", (text or "").casefold()).split())


_RELAY_NAMES = frozenset(_norm(b) for b in HIRING_RELAYS)


@functools.lru_cache(maxsize=4096)
def _norm_company(text: str | None) -> str:
    name = _norm(text)
    name = " ".join(_COMPANY_SUFFIX.sub(" ", name).split())
    # a relay's brand is never the hiring company
    if name and name in _RELAY_NAMES:
        return ""
    return name


def company_key(name: str | None) -> str:
    """A company name as matching compares it: case, punctuation and legal suffixes
    (Inc, GmbH…) left out; "" for none, or for a relay's brand, which is never the company."""
    return _norm_company(name)


def _personal(addr: str | None, user_addresses: frozenset[str] = frozenset()) -> str | None:
    """An address that identifies one employer: not a no-reply box, not a shared relay."""
    if not addr or "@" not in addr or addr in user_addresses or is_noreply(addr):
        return None
    if relay_for_address(addr) is not None:
        return None
    return addr.lower()


def _app_addresses(app: Application) -> set[str]:
    e = app.employer
    found = {e.recruiter, e.organizer}
    if app.latest is not None:
        found |= {app.latest.reply_to, app.latest.from_addr}
    return {a for a in (_personal(x) for x in found) if a}


def _same_employer(app: Application, ident: Identity, addrs: set[str]) -> bool:
    mine, theirs = _norm_company(app.company or app.employer.company), _norm_company(ident.company)
    if mine and theirs:
        # an agency recruiter writes for several companies: a different name vetoes
        return mine == theirs
    if set(ident.domains) & set(app.employer.domains):
        return True
    return bool(addrs & _app_addresses(app))


def _best(apps: Iterable[Application]) -> Application | None:
    """Open before closed, then the most recently updated."""
    ranked = sorted(apps, key=_rank, reverse=True)
    return ranked[0] if ranked else None


def _rank(a: Application) -> tuple[bool, str]:
    return (a.state != "closed", a.updated.isoformat() if a.updated else "")


def _by_role(cands: list[Application], role: str | None) -> Application | None:
    role_n = _norm(role)
    if role_n:
        exact = [a for a in cands if _norm(a.role) == role_n]
        if exact:
            return _best(exact)
        roleless = [a for a in cands if not a.role]
        return roleless[0] if len(roleless) == 1 else None
    return cands[0] if len(cands) == 1 else None


def _default_identify(mail: Mail, c: Classification, user_addresses: frozenset[str]) -> EmployerLike:
    from daemon.understand.extract import employer

    return employer(mail, c, user_addresses)


class MatchIndex:
    """Applications by thread id, employer domain, company name and personal address.

    ``match`` asks it for the few applications that share something with a message, so
    its cost per message does not grow with the number of applications. It answers
    exactly as a scan over the applications in their order would: candidates come back
    in that order (an application replaced by ``put`` keeps its place, a new one goes
    last, as in a dict), because ties between equally ranked ones are broken by it.
    """

    def __init__(self, apps: Iterable[Application] = ()) -> None:
        self._apps: dict[str, Application] = {}
        self._seq: dict[str, int] = {}
        self._keys: dict[str, tuple[tuple[str, ...], tuple[str, ...], str, frozenset[str]]] = {}
        self._thread: dict[str, set[str]] = {}
        self._domain: dict[str, set[str]] = {}
        self._company: dict[str, set[str]] = {}
        self._address: dict[str, set[str]] = {}
        self._nameless: set[str] = set()  # applications with no company name to compare
        self._orgs: frozenset[str] | None = None
        for app in apps:
            self.put(app)

    def employer_orgs(self) -> frozenset[str]:
        """The organisation domains of the tracked employers (remembered until an
        application changes, so asking per message costs nothing)."""
        if self._orgs is None:
            self._orgs = frozenset(org_domain(d) for d in self._domain)
        return self._orgs

    def __len__(self) -> int:
        return len(self._apps)

    def applications(self) -> list[Application]:
        return list(self._apps.values())

    def put(self, app: Application) -> None:
        """Add an application, or replace the one with its id."""
        self._orgs = None
        if app.id in self._apps:
            self._forget(app.id)
        else:
            self._seq[app.id] = len(self._seq)
        self._apps[app.id] = app
        company = _norm_company(app.company or app.employer.company)
        keys = (tuple(set(app.thread)), tuple(set(app.employer.domains)), company, frozenset(_app_addresses(app)))
        self._keys[app.id] = keys
        threads, domains, _, addresses = keys
        for t in threads:
            self._thread.setdefault(t, set()).add(app.id)
        for d in domains:
            self._domain.setdefault(d, set()).add(app.id)
        for a in addresses:
            self._address.setdefault(a, set()).add(app.id)
        if company:
            self._company.setdefault(company, set()).add(app.id)
        else:
            self._nameless.add(app.id)

    def _forget(self, app_id: str) -> None:
        self._orgs = None
        threads, domains, company, addresses = self._keys.pop(app_id)
        for table, found in ((self._thread, threads), (self._domain, domains), (self._address, addresses)):
            for key in found:
                ids = table[key]
                ids.discard(app_id)
                if not ids:
                    del table[key]
        if company:
            ids = self._company[company]
            ids.discard(app_id)
            if not ids:
                del self._company[company]
        else:
            self._nameless.discard(app_id)

    def _lookup(self, table: dict[str, set[str]], keys: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for k in keys:
            hit = table.get(k)
            if hit:
                found |= hit
        return found

    def _ordered(self, ids: set[str], *, open_only: bool) -> list[Application]:
        apps = [self._apps[i] for i in sorted(ids, key=self._seq.__getitem__)]
        return [a for a in apps if a.state != "closed"] if open_only else apps

    def in_thread(self, ids: Iterable[str]) -> list[Application]:
        """Applications whose thread holds one of ``ids``."""
        return self._ordered(self._lookup(self._thread, ids), open_only=False)

    def to_recipients(self, recipients: set[str], domains: set[str]) -> list[Application]:
        """Open applications with one of these personal addresses, or one of these domains."""
        found = self._lookup(self._address, recipients) | self._lookup(self._domain, domains)
        return self._ordered(found, open_only=True)

    def same_employer(self, ident: Identity, addrs: set[str]) -> list[Application]:
        """Open applications ``_same_employer`` accepts: by company name when both have one
        (a different name vetoes), else by a shared domain or personal address."""
        shared = self._lookup(self._domain, ident.domains) | self._lookup(self._address, addrs)
        theirs = _norm_company(ident.company)
        if theirs:
            shared = (shared & self._nameless) | self._company.get(theirs, set())
        return self._ordered(shared, open_only=True)


def match(
    apps: Sequence[Application] | MatchIndex,
    mail: Mail,
    analysis: Analysis | None,
    user_addresses: frozenset[str],
    *,
    employer: Identity | None = None,
    direction: Direction | None = None,
    identify: Identify | None = None,
) -> Application | None:
    """The application this message belongs to, or None.

    By thread first (Message-ID, In-Reply-To, References), then by employer identity
    plus role. A relay's brand alone never matches; two roles at one company are two
    applications; a message without a role matches a company's only open application.
    A caller that matches many messages passes a ``MatchIndex`` it keeps up to date.
    """
    index = apps if isinstance(apps, MatchIndex) else MatchIndex(apps)
    ids = {i for i in (mail.message_id, mail.in_reply_to, *mail.references) if i}
    threaded = index.in_thread(ids)
    if threaded:
        return _best(threaded)
    if direction is None:
        direction = "outbound" if mail.from_ is not None and mail.from_.addr in user_addresses else "inbound"
    role = analysis.classification.role if analysis is not None else None
    if direction == "outbound":
        recipients = {a for a in (_personal(x.addr, user_addresses) for x in (*mail.to, *mail.cc)) if a}
        domains = {r.rpartition("@")[2] for r in recipients}
        return _by_role(index.to_recipients(recipients, domains), role)
    if analysis is None:
        return None
    if employer is None:
        employer = Identity.of((identify or _default_identify)(mail, analysis.classification, user_addresses))
    ident = employer
    if not ident.company and analysis.classification.company:
        ident = replace(ident, company=analysis.classification.company)
    senders = [mail.from_, mail.sender, *mail.reply_to]
    addrs = {a for a in (_personal(x.addr, user_addresses) for x in senders if x is not None) if a}
    addrs |= {a for a in (_personal(ident.recruiter), _personal(ident.organizer)) if a}
    return _by_role(index.same_employer(ident, addrs), role)


# ---------------------------------------------------------------- the machine


def _default_planner() -> Planner:
    from daemon.followup.policy import plan

    return plan


def _default_business_moment() -> BusinessMoment:
    from daemon.followup.policy import first_business_moment_after

    return first_business_moment_after


def _add_business_days(moment: datetime, n: int, settings: Settings) -> datetime:
    from daemon.followup.policy import add_business_days

    return add_business_days(moment, n, settings)


@dataclass(frozen=True)
class _Ctx:
    settings: Settings
    now: datetime
    planner: Planner
    business_moment: BusinessMoment
    add_business_days: Callable[[datetime, int, Settings], datetime] = _add_business_days

    def notify(self, app: Application, text: str) -> list[Action]:
        if not self.settings.notify.enabled:
            return []
        who = " — ".join(x for x in (app.company, app.role) if x) or "an application"
        return [Notify(app.id, f"{who}: {text}")]


def step(
    app: Application | None,
    event: Event,
    settings: Settings,
    now: datetime,
    *,
    planner: Planner | None = None,
    business_moment: BusinessMoment | None = None,
) -> tuple[Application | None, list[Action]]:
    """Apply one event; return the new state (None: not tracked) and the actions to take."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    ctx = _Ctx(
        settings,
        now,
        planner or _default_planner(),
        business_moment or _default_business_moment(),
    )
    if isinstance(event, MailEvent):
        if event.direction == "outbound":
            return _on_outbound(app, event.mail, ctx)
        return _on_inbound(app, event, ctx)
    if app is None:
        return None, []
    if isinstance(event, Tick):
        return app, _on_tick(app, now)
    if isinstance(event, DraftOutcome):
        return _on_outcome(app, event, ctx)
    if app.state in FINISHED:
        return app, []
    return _touch(_derive(_replan(app, ctx, keep_due=True)), now), []


def _touch(app: Application, now: datetime) -> Application:
    return replace(app, updated=now)


def _current(app: Application, s: StageRecord) -> bool:
    return app.interview is not None and s.interview == app.interview.number


def _derive(app: Application) -> Application:
    """The state that follows from the interview and stages (answered/closed are sticky)."""
    if app.state in FINISHED:
        return app
    if app.interview is None or app.interview.start is None:
        return replace(app, state="scheduling")
    if any(s.status == "drafted" and _current(app, s) for s in app.stages):
        return replace(app, state="drafted")
    return replace(app, state="waiting")


def _sorted(stages: Iterable[StageRecord]) -> tuple[StageRecord, ...]:
    return tuple(sorted(stages, key=lambda s: (s.interview, s.due, s.stage)))


# ----- planning


def _plan(app: Application, iv: Interview, start: datetime, end: datetime | None, ctx: _Ctx) -> list[PlannedStage]:
    domain = app.employer.domains[0] if app.employer.domains else None
    return ctx.planner(start, end, iv.round, app.company, domain, ctx.settings, ctx.now)


def _replan(app: Application, ctx: _Ctx, *, keep_due: bool = False) -> Application:
    """Re-plan the current interview's stages that have not produced anything yet.

    Drafted, done, deleted or stopped stages keep their record (their draft id is spent).
    With ``keep_due`` a stage already due keeps its time, so a config reload does not push
    a due draft back.
    """
    iv = app.interview
    if iv is None or iv.start is None:
        return replace(app, stages=_sorted(s for s in app.stages if s.status not in PENDING or not _current(app, s)))
    old = {s.stage: s for s in app.stages if _current(app, s)}
    kept = [s for s in app.stages if not _current(app, s) or s.status not in PENDING]
    spent = {s.stage for s in kept if s.interview == iv.number}
    planned = _plan(app, iv, iv.start, iv.end, ctx)
    rebased: dict[str, datetime] = {}
    if app.user_followed_up is not None:
        # the user's own mail was a follow-up: the next check-in comes the usual check-in
        # gap after it, and each later one the same gap after the one before
        gap = max(ctx.settings.policy.second_followup_after_business_days, 1)
        due = app.user_followed_up
        for p in planned:
            if p.stage in spent or p.kind == "thank_you":
                continue
            due = ctx.add_business_days(due, gap, ctx.settings)
            rebased[p.stage] = max(due, ctx.now)
    fresh: list[StageRecord] = []
    for p in planned:
        if p.stage in spent:
            continue
        due = rebased.get(p.stage, p.due)
        prev = old.get(p.stage)
        if keep_due and prev is not None and prev.due <= ctx.now:
            due = prev.due
        fresh.append(
            StageRecord(
                stage=p.stage,
                interview=iv.number,
                due=due,
                status="planned",
                draft_id=draft_id(app.id, p.stage, iv.number),
                kind=p.kind,
                attempts=prev.attempts if prev is not None else 0,
                reasons=p.reasons,
            )
        )
    app = replace(app, stages=_sorted([*kept, *fresh]))
    if app.deferral is not None:
        app = _defer(app, app.deferral.until)
    return app


def _defer(app: Application, until: datetime) -> Application:
    """Move the next pending stage to ``until``; later ones keep their spacing after it."""
    pending = [s for s in _sorted(app.stages) if s.status in PENDING and _current(app, s)]
    if not pending or pending[0].due >= until:
        return app
    delta = until - pending[0].due
    moved = {s.draft_id: replace(s, due=s.due + delta) for s in pending}
    first = pending[0].draft_id
    moved[first] = replace(moved[first], status="deferred")
    return replace(app, stages=_sorted(moved.get(s.draft_id, s) for s in app.stages))


def _stop_pending(app: Application, ctx: _Ctx, *, only_current: bool = False) -> Application:
    """Stop every stage that has not been drafted; ask to retract drafts still in the mailbox."""
    retract = ctx.settings.daemon.remove_stale_drafts
    out = []
    for s in app.stages:
        if only_current and not _current(app, s):
            out.append(s)
        elif s.status in PENDING:
            out.append(replace(s, status="stopped", done_at=ctx.now))
        elif s.status == "drafted" and retract:
            out.append(replace(s, retract=True))
        else:
            out.append(s)
    return replace(app, stages=tuple(out))


def _retractions(app: Application) -> list[Action]:
    return [RemoveDraft(app.id, s.stage, s.draft_id) for s in app.stages if s.retract and s.status == "drafted"]


# ----- inbound mail


def _identity_from_mail(mail: Mail, c: Classification) -> Identity:
    sender = mail.from_.addr if mail.from_ is not None else None
    return Identity(company=c.company, recruiter=_personal(sender))


def _reply_address(
    mail: Mail, previous: EmployerMessage | None, known_domains: tuple[str, ...], company: str | None
) -> tuple[str | None, str, str]:
    """A person who reads mail, and why the obvious one was set aside; a later no-reply
    relay message keeps the earlier address."""
    from daemon.followup.compose import choose_recipient

    found = choose_recipient(mail, frozenset(), employer_domains=known_domains, company=company)
    if found.address is not None:
        return found.address.addr, found.address.name, found.note
    if previous is not None and previous.reply_to:
        return previous.reply_to, previous.reply_name, found.note
    return None, "", found.note


def _thread_ids(mail: Mail) -> tuple[str, ...]:
    return tuple(i for i in (mail.message_id, mail.in_reply_to, *mail.references) if i)


def _new_app(mail: Mail, a: Analysis, ident: Identity, now: datetime) -> Application:
    c = a.classification
    company = ident.company or c.company
    return Application(
        id=application_id(company, c.role, mail),
        company=company,
        role=c.role,
        employer=ident,
        thread=(),
        subject=mail.subject,
        latest=None,
        interview=None,
        state="scheduling",
        created=now,
        updated=now,
    )


def _absorb(app: Application, mail: Mail, a: Analysis | None, ident: Identity | None) -> Application:
    """Remember the message: thread ids, identity, role, and the latest employer message."""
    app = replace(
        app,
        thread=tuple(dict.fromkeys((*app.thread, *_thread_ids(mail)))),
        processed=(*app.processed, mail.message_id) if mail.message_id else app.processed,
    )
    if a is None or ident is None:
        return app
    c = a.classification
    # the employer's domains as earlier mail stated them: this message's own Reply-To must
    # not vouch for itself
    known_domains = app.employer.domains if app.latest is not None else ()
    app = replace(
        app,
        employer=app.employer.merged(ident),
        company=app.company or ident.company or c.company,
        role=app.role or c.role,
        agency=app.agency or a.people.agency,
    )
    if c.category != Category.AUTO_REPLY:
        latest = app.latest
        if latest is None or latest.date is None or (mail.date is not None and mail.date >= latest.date):
            reply_to, reply_name, note = _reply_address(mail, latest, known_domains, app.company)
            app = replace(
                app,
                latest=EmployerMessage(
                    message_id=mail.message_id,
                    references=mail.references,
                    reply_to=reply_to,
                    reply_name=reply_name,
                    recipient_note=note,
                    from_addr=mail.from_.addr if mail.from_ is not None else None,
                    date=mail.date,
                    subject=mail.subject,
                ),
            )
    return app


def _after_interview(app: Application, at: datetime, settings: Settings) -> bool:
    finish = app.interview.finish(settings) if app.interview is not None else None
    return finish is not None and at >= finish


def _in_thread(app: Application, mail: Mail) -> bool:
    refs = {i for i in (mail.in_reply_to, *mail.references) if i}
    return bool(refs & set(app.thread))


def _on_inbound(app: Application | None, ev: MailEvent, ctx: _Ctx) -> tuple[Application | None, list[Action]]:
    mail, a = ev.mail, ev.analysis
    if a is None:
        return app, []
    c = a.classification
    ident = ev.employer or _identity_from_mail(mail, c)
    if app is None:
        if c.category not in (Category.INVITATION, Category.RESCHEDULE):
            return None, []
        app = _new_app(mail, a, ident, ctx.now)
        in_thread = True
    else:
        if mail.message_id and mail.message_id in app.processed:
            return app, []
        in_thread = _in_thread(app, mail)
    at = mail.date or ctx.now
    after = _after_interview(app, at, ctx.settings)
    app = _touch(_absorb(app, mail, a, ident), ctx.now)
    cat = c.category
    if cat == Category.AUTO_REPLY:
        return _on_auto_reply(app, c, ctx), []
    if cat in (Category.CANCELLATION, Category.REJECTION, Category.OFFER):
        return _finish(app, "closed", cat.value, ctx)
    if cat in (Category.INVITATION, Category.RESCHEDULE):
        return _on_schedule(app, mail, a, after, ctx)
    if cat == Category.EMPLOYER_REPLY or in_thread:
        if after and app.state not in FINISHED:
            return _finish(app, "answered", cat.value, ctx)
    return _derive(app), []


def _finish(app: Application, state: AppState, why: str, ctx: _Ctx) -> tuple[Application, list[Action]]:
    if app.state == state:
        return app, []
    app = replace(_stop_pending(app, ctx), state=state, reason=why)
    text = "the employer answered; follow-ups stopped" if state == "answered" else f"{why}; follow-ups stopped"
    return app, [*_retractions(app), *ctx.notify(app, text)]


def _on_auto_reply(app: Application, c: Classification, ctx: _Ctx) -> Application:
    if c.return_date is None:
        return _derive(app)
    until = ctx.business_moment(c.return_date, ctx.settings)
    if app.deferral is not None and app.deferral.until >= until:
        return _derive(app)
    app = replace(app, deferral=Deferral(c.return_date, until))
    return _derive(_defer(app, until))


def _calendar(mail: Mail) -> tuple[str | None, int]:
    for ev in mail.calendars:
        if ev.uid:
            return ev.uid, ev.sequence
    return None, 0


def _on_schedule(app: Application, mail: Mail, a: Analysis, after: bool, ctx: _Ctx) -> tuple[Application, list[Action]]:
    c = a.classification
    iv = a.interview
    start = iv.start if iv is not None else None
    end = iv.end if iv is not None else None
    uid, seq = _calendar(mail)
    cur = app.interview
    actions: list[Action] = []
    if cur is not None and cur.start is not None and app.state in FINISHED:
        if start is None:
            return app, []
        # invited again after a cancellation or an answer: a fresh interview, fresh stage ids
        number = cur.number + 1
    elif cur is not None and cur.start is not None and after:
        # the interview is behind us: this is the next round; the last one's follow-ups end
        app = _stop_pending(app, ctx)
        actions = _retractions(app)
        number = cur.number + 1
    elif cur is not None:
        if uid is not None and uid == cur.uid and seq < cur.sequence:
            return _derive(app), []  # an older copy of the calendar event
        if start is None:
            if c.category != Category.RESCHEDULE or cur.start is None:
                return _derive(app), []
            # moved, new time not known yet
            app = replace(app, interview=replace(cur, start=None, end=None))
            return _derive(_replan(app, ctx)), []
        if start == cur.start and end == cur.end and app.state not in FINISHED:
            return _derive(app), []
        number = cur.number
    else:
        number = 1
    new = Interview(
        number=number,
        start=start,
        end=end,
        timezone=iv.timezone if iv is not None else None,
        round=c.round or (cur.round if cur is not None and cur.number == number else None),
        interviewers=c.interviewers or (cur.interviewers if cur is not None and cur.number == number else ()),
        uid=uid,
        sequence=seq,
        topics=a.people.topics or (cur.topics if cur is not None and cur.number == number else ()),
    )
    reopened = app.state in FINISHED and start is not None
    app = replace(
        app,
        interview=new,
        state="waiting" if reopened or app.state not in FINISHED else app.state,
        reason=None if reopened else app.reason,
        user_followed_up=None if number != (cur.number if cur else 0) else app.user_followed_up,
    )
    if app.state in FINISHED:
        return app, actions
    return _derive(_replan(app, ctx)), actions


# ----- the user's own mail


def _on_outbound(app: Application | None, mail: Mail, ctx: _Ctx) -> tuple[Application | None, list[Action]]:
    if app is None:
        return None, []
    if mail.message_id and mail.message_id in app.processed:
        return app, []
    app = _touch(_absorb(app, mail, None, None), ctx.now)
    at = mail.date or ctx.now
    ours = mail.header(DRAFT_ID_HEADER)
    target = app.stage(ours.strip()) if ours else None
    if target is None:
        if app.state in FINISHED or not _after_interview(app, at, ctx.settings):
            return _derive(app), []
        open_ = [s for s in _sorted(app.stages) if _current(app, s) and s.status in (*PENDING, "drafted")]
        if not open_:
            return _derive(app), []
        target = open_[0]
    # the user wrote their own follow-up: our draft of that stage is now stale
    stale = target.status == "drafted" and ours is None and ctx.settings.daemon.remove_stale_drafts
    done = replace(target, status="done_by_user", done_at=at, retract=stale)
    app = replace(app, stages=tuple(done if s.draft_id == target.draft_id else s for s in app.stages))
    if _current(app, done):
        app = replace(app, user_followed_up=max(at, app.user_followed_up or at))
    if app.state not in FINISHED:
        app = _replan(app, ctx)
    actions: list[Action] = [RemoveDraft(app.id, done.stage, done.draft_id)] if stale else []
    return _derive(app), actions


# ----- time and outcomes


def _on_tick(app: Application, now: datetime) -> list[Action]:
    actions: list[Action] = []
    if app.state not in FINISHED:
        for s in _sorted(app.stages):
            if s.status in PENDING and _current(app, s) and s.due <= now:
                actions.append(CreateDraft(app.id, s.stage, s.draft_id, s.due))
    actions.extend(_retractions(app))
    return actions


def _on_outcome(app: Application, ev: DraftOutcome, ctx: _Ctx) -> tuple[Application, list[Action]]:
    s = app.stage(ev.draft_id)
    if s is None:
        return app, []
    at = ev.at or ctx.now
    actions: list[Action] = []
    new = s
    if ev.result in ("appended", "present"):
        if s.status in PENDING or s.status == "drafted":
            new = replace(s, status="drafted", created=s.created or at, message_id=ev.message_id or s.message_id)
            if s.status in PENDING:
                actions = ctx.notify(app, f"the {s.stage} draft is waiting in Drafts")
        elif s.status == "stopped" and s.created is None:
            # appended while the employer's answer was being read: ours and stale at once
            new = replace(
                s,
                status="drafted",
                created=at,
                message_id=ev.message_id,
                retract=ctx.settings.daemon.remove_stale_drafts,
            )
    elif ev.result == "failed":
        if s.status in PENDING:
            new = replace(s, attempts=s.attempts + 1)
    elif ev.result == "deleted":
        new = replace(s, status="deleted_by_user", retract=False, done_at=at)
    elif ev.result == "removed":
        new = replace(s, status="stopped", retract=False, done_at=at)
    elif ev.result == "kept":
        new = replace(s, retract=False)
    if new == s:
        return app, actions
    app = replace(app, stages=tuple(new if x.draft_id == s.draft_id else x for x in app.stages))
    if new.retract and not s.retract:
        actions.append(RemoveDraft(app.id, new.stage, new.draft_id))
    return _touch(_derive(app), ctx.now), actions


def next_action(app: Application) -> tuple[str, datetime] | None:
    """The next stage to be drafted and when, or None when nothing is pending."""
    if app.state in FINISHED:
        return None
    pending = [s for s in _sorted(app.stages) if s.status in PENDING and _current(app, s)]
    return (pending[0].stage, pending[0].due) if pending else None


# ---------------------------------------------------------------- JSON

#: stored-JSON migrations: each takes a row of version N (the key) to version N + 1
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = int(data.get("v", 1))
    while version < JSON_VERSION:
        data = _MIGRATIONS[version](data)
        version += 1
    return data
