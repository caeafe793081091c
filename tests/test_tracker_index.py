"""tracker.match by index answers exactly as the scan over every application did (issue 18)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from daemon.followup import tracker
from daemon.followup.tracker import (
    Application,
    EmployerMessage,
    Identity,
    MatchIndex,
    _app_addresses,
    _best,
    _by_role,
    _personal,
    _same_employer,
    match,
)
from daemon.model import Address, Analysis, Category, Classification, Mail

USERS = frozenset({"me@example.org"})


def scan_match(
    apps: Sequence[Application],
    mail: Mail,
    analysis: Analysis | None,
    user_addresses: frozenset[str],
    *,
    employer: Identity | None = None,
    direction: tracker.Direction | None = None,
) -> Application | None:
    """``tracker.match`` as it was before the index: a scan over every application."""
    ids = {i for i in (mail.message_id, mail.in_reply_to, *mail.references) if i}
    threaded = [a for a in apps if ids & set(a.thread)]
    if threaded:
        return _best(threaded)
    if direction is None:
        direction = "outbound" if mail.from_ is not None and mail.from_.addr in user_addresses else "inbound"
    open_apps = [a for a in apps if a.state != "closed"]
    role = analysis.classification.role if analysis is not None else None
    if direction == "outbound":
        recipients = {a for a in (_personal(x.addr, user_addresses) for x in (*mail.to, *mail.cc)) if a}
        domains = {r.rpartition("@")[2] for r in recipients}
        cands = [a for a in open_apps if recipients & _app_addresses(a) or domains & set(a.employer.domains)]
        return _by_role(cands, role)
    if analysis is None:
        return None
    assert employer is not None
    ident = employer
    if not ident.company and analysis.classification.company:
        ident = replace(ident, company=analysis.classification.company)
    senders = [mail.from_, mail.sender, *mail.reply_to]
    addrs = {a for a in (_personal(x.addr, user_addresses) for x in senders if x is not None) if a}
    addrs |= {a for a in (_personal(ident.recruiter), _personal(ident.organizer)) if a}
    cands = [a for a in open_apps if _same_employer(a, ident, addrs)]
    return _by_role(cands, role)


# small pools, so that applications and messages often share something
MIDS = [f"<m{i}@x.example>" for i in range(8)]
DOMAINS = ["acme.example", "globex.example", "initech.example", "greenhouse.io", "gmail.com"]
ADDRS = [
    "ann@acme.example",
    "bob@globex.example",
    "no-reply@acme.example",
    "jobs@greenhouse.io",
    "cat@initech.example",
    "dan@gmail.com",
    "me@example.org",
]
COMPANIES = [None, "Acme", "Acme, Inc.", "acme inc", "Globex", "Greenhouse", "Initech LLC", ""]
ROLES = [None, "Backend Engineer", "backend engineer", "Data Engineer"]
STATES = ["scheduling", "waiting", "drafted", "answered", "closed"]
TIMES = [None, datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 2, tzinfo=UTC)]

maybe_addr = st.sampled_from([None, *ADDRS])


@st.composite
def identities(draw: st.DrawFn) -> Identity:
    return Identity(
        company=draw(st.sampled_from(COMPANIES)),
        domains=tuple(draw(st.lists(st.sampled_from(DOMAINS), max_size=3, unique=True))),
        relay=draw(st.sampled_from([None, "Greenhouse"])),
        organizer=draw(maybe_addr),
        recruiter=draw(maybe_addr),
    )


@st.composite
def applications(draw: st.DrawFn, app_id: str) -> Application:
    latest = None
    if draw(st.booleans()):
        latest = EmployerMessage(
            message_id=draw(st.sampled_from([None, *MIDS])),
            references=(),
            reply_to=draw(maybe_addr),
            from_addr=draw(maybe_addr),
            date=None,
            subject="",
        )
    return Application(
        id=app_id,
        company=draw(st.sampled_from(COMPANIES)),
        role=draw(st.sampled_from(ROLES)),
        employer=draw(identities()),
        thread=tuple(draw(st.lists(st.sampled_from(MIDS), max_size=3))),
        subject="",
        latest=latest,
        interview=None,
        state=draw(st.sampled_from(STATES)),
        updated=draw(st.sampled_from(TIMES)),
    )


@st.composite
def app_lists(draw: st.DrawFn) -> list[Application]:
    n = draw(st.integers(0, 12))
    return [draw(applications(f"a{i}")) for i in range(n)]


def _address(draw: st.DrawFn) -> Address:
    return Address("", draw(st.sampled_from(ADDRS)))


@st.composite
def mails(draw: st.DrawFn) -> Mail:
    addresses = st.lists(st.builds(Address, st.just(""), st.sampled_from(ADDRS)), max_size=3)
    return Mail(
        message_id=draw(st.sampled_from([None, *MIDS, "<new@x.example>"])),
        in_reply_to=draw(st.sampled_from([None, *MIDS])),
        references=tuple(draw(st.lists(st.sampled_from(MIDS), max_size=2))),
        subject="",
        from_=draw(st.one_of(st.none(), st.builds(Address, st.just(""), st.sampled_from(ADDRS)))),
        reply_to=tuple(draw(addresses)),
        to=tuple(draw(addresses)),
        cc=tuple(draw(addresses)),
        sender=draw(st.one_of(st.none(), st.builds(Address, st.just(""), st.sampled_from(ADDRS)))),
        date=None,
        headers={},
        text="",
        signature="",
        quoted="",
        text_from_html=False,
        calendars=(),
        attachments=(),
        defects=(),
        size=0,
    )


@st.composite
def analyses(draw: st.DrawFn) -> Analysis | None:
    if draw(st.integers(0, 5)) == 0:
        return None
    c = Classification(
        Category.EMPLOYER_REPLY, 0.9, (), company=draw(st.sampled_from(COMPANIES)), role=draw(st.sampled_from(ROLES))
    )
    return Analysis(c, None)


@settings(max_examples=300, deadline=None)
@given(
    apps=app_lists(),
    mail=mails(),
    analysis=analyses(),
    ident=identities(),
    direction=st.sampled_from([None, "inbound", "outbound"]),
)
def test_the_index_answers_as_the_scan(
    apps: list[Application],
    mail: Mail,
    analysis: Analysis | None,
    ident: Identity,
    direction: tracker.Direction | None,
) -> None:
    want = scan_match(apps, mail, analysis, USERS, employer=ident, direction=direction)
    assert match(apps, mail, analysis, USERS, employer=ident, direction=direction) is want
    assert match(MatchIndex(apps), mail, analysis, USERS, employer=ident, direction=direction) is want


@settings(max_examples=150, deadline=None)
@given(apps=app_lists(), changes=st.data(), mail=mails(), analysis=analyses(), ident=identities())
def test_an_index_kept_up_to_date_answers_as_a_new_one(
    apps: list[Application], changes: st.DataObject, mail: Mail, analysis: Analysis | None, ident: Identity
) -> None:
    """Replacing applications in place (as the runner saves them) and adding new ones."""
    index = MatchIndex(apps)
    current = {a.id: a for a in apps}
    for k in range(changes.draw(st.integers(0, 6))):
        app_id = changes.draw(st.sampled_from([*current, f"new{k}"]))
        app = changes.draw(applications(app_id))
        index.put(app)
        current[app.id] = app
    assert index.applications() == list(current.values())
    for direction in ("inbound", "outbound"):
        want = scan_match(list(current.values()), mail, analysis, USERS, employer=ident, direction=direction)
        assert match(index, mail, analysis, USERS, employer=ident, direction=direction) is want


def _many(n: int) -> list[Application]:
    """``n`` applications at ``n`` companies, each with a thread and a recruiter."""
    return [
        Application(
            id=f"app{i}",
            company=f"Company {i}",
            role="Backend Engineer",
            employer=Identity(company=f"Company {i}", domains=(f"c{i}.example",), recruiter=f"r@c{i}.example"),
            thread=tuple(f"<t{i}.{k}@c{i}.example>" for k in range(5)),
            subject="",
            latest=None,
            interview=None,
            state="waiting",
        )
        for i in range(n)
    ]


def test_the_cost_of_a_match_does_not_grow_with_the_applications() -> None:
    """Matching against 1,000 applications costs about what matching against 10 does."""
    c = Classification(Category.EMPLOYER_REPLY, 0.9, (), company="Company 3", role="Backend Engineer")
    a = Analysis(c, None)
    mail = Mail(
        "<new@c3.example>", None, (), "", Address("", "r@c3.example"), (), (), (), None, None, {}, "", "", "",
        False, (), (), (), 0,
    )  # fmt: skip
    ident = Identity(company="Company 3", domains=("c3.example",))
    per_call = {}
    for n in (10, 100, 1000):
        index = MatchIndex(_many(n))
        assert match(index, mail, a, USERS, employer=ident).id == "app3"  # type: ignore[union-attr]
        best = float("inf")
        for _ in range(5):
            t0 = time.perf_counter()
            for _ in range(200):
                match(index, mail, a, USERS, employer=ident)
            best = min(best, (time.perf_counter() - t0) / 200)
        per_call[n] = best
    # generous for a shared machine: a scan would be 100 times slower at 1,000 than at 10
    assert per_call[1000] < 5 * per_call[10], per_call
