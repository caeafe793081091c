"""A synthetic but realistic job seeker's inbox for the scan benchmarks.

``generate(n, now=..., lookback_days=..., seed=...)`` returns ``n`` messages (raw bytes and
an arrival time within the lookback window, oldest first). About 1% is job mail: interview
invitations with a time, reschedules, employer replies in a thread, rejections, out-of-office
replies. The rest is what fills a real inbox: newsletters and promotions (List-Unsubscribe,
HTML parts), service notifications (code hosting, banks, shops, security alerts), job-board
alerts and application acknowledgements, and personal mail, some of it replies. Headers
carry the usual Received/DKIM/ARC weight, because header bytes are what an initial scan
fetches for every message.

``mix="chatty"`` (issue 18) is a chattier inbox, the kind that reaches the user at work
or forwards work mail: one message in five a reply in a personal thread (friends and family
at consumer mail providers, ``Re:`` subjects, quoted text, References to earlier messages of
the thread), one in five from colleagues at the user's current employer
(``INTERNAL_DOMAIN``, where the user is ``WORK_ADDRESS``: team mail, code review, calendar
invitations, the user's own interview panels as an interviewer), mailing lists (``List-Id``),
and 2% job mail. ``mix="current"`` (the default) is the mix above, byte for byte as before.

Deterministic for a given seed. As a script it writes the messages as ``.eml`` files::

    python bench/gen_mailbox.py OUT_DIR [-n 10000] [--seed 7] [--mix chatty]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import random
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

USER = ("Alex Rivera", "alex@example.com")
#: the user's current employer (``mix="chatty"``) and the user's address there
INTERNAL_DOMAIN = "northbeam.example"
WORK_ADDRESS = "alex.rivera@northbeam.example"
#: the addresses a benchmark configures for the user
USER_ADDRESSES = (USER[1], WORK_ADDRESS)

FIRST = ("Maya", "Tom", "Priya", "Jonas", "Lena", "Omar", "Chloe", "Diego", "Hana", "Ben", "Ines", "Kofi",
         "Sara", "Lukas", "Aiko", "Mateo", "Nora", "Ravi", "Emma", "Felix")  # fmt: skip
LAST = ("Kim", "Novak", "Shah", "Berg", "Okafor", "Silva", "Dubois", "Tanaka", "Moreau", "Lindqvist", "Haddad",
        "Costa", "Fischer", "Nguyen", "Walsh", "Romero", "Ito", "Mensah")  # fmt: skip
COMPANIES = ("Brightloom", "Quarrylabs", "Northwind Analytics", "Tessellate", "Corvid Systems",
             "Halcyon Health", "Mapleleaf Robotics", "Orbitra", "Pinecrest Bank", "Zephyr Logistics",
             "Lumen Grid", "Kestrel AI")  # fmt: skip
ROLES = (
    "Backend Engineer",
    "Senior Software Engineer",
    "Data Engineer",
    "Platform Engineer",
    "Site Reliability Engineer",
)
RELAYS = ("greenhouse.io", "lever.co", "ashbyhq.com")

NEWSLETTERS = (
    ("The Morning Brew", "crew@morningbrew.example", "☕ {topic}: what you need to know today"),
    ("Hacker Weekly", "digest@hackerweekly.example", "Issue #{num}: {topic}"),
    ("Cooking Club", "hello@cookingclub.example", "{num} weeknight dinners under 30 minutes"),
    ("Outdoor Gear Co", "deals@outdoorgear.example", "Last chance: {num}% off tents and packs"),
    ("City Library", "news@citylibrary.example", "New arrivals and events this month"),
    ("Substack", "no-reply@substack.example", "{topic} — a new post from The Long Read"),
    ("Travel Deals", "offers@traveldeals.example", "Flights from ${num}: weekend escapes"),
    ("Fitness App", "coach@fitnessapp.example", "Your weekly progress report"),
    ("Streaming+", "info@streamingplus.example", "New this week: {topic}"),
    ("Python Weekly", "news@pythonweekly.example", "Python Weekly - Issue {num}"),
)
TOPICS = ("markets rally", "AI chips", "the housing report", "rate cut odds", "climate summit", "a new Rust release",
          "the season finale", "open-source licensing", "battery breakthroughs", "remote work trends")  # fmt: skip
NOTIFICATIONS = (
    ("GitHub", "notifications@github.example", "[alexr/dotfiles] Dependabot: bump {pkg} from 1.{num}.0 to 1.{num}.1"),
    ("GitHub", "notifications@github.example", "Re: [oss/widgets] Crash when parsing empty config (#{num})"),
    ("Pinecrest Bank", "alerts@pinecrestbank.example", "Your statement for account ending {num} is ready"),
    ("ShopMart", "orders@shopmart.example", "Your order #{num} has shipped"),
    ("ShopMart", "orders@shopmart.example", "Your receipt from ShopMart (order #{num})"),
    ("Accounts", "security@accounts.example", "Security alert: new sign-in on Linux"),
    ("Cloud Storage", "no-reply@cloudstore.example", "You're using {pct}% of your storage"),
    ("Power & Light", "billing@powerlight.example", "Your electricity bill is available"),
    ("Social", "notify@social.example", "{name} and {num} others liked your photo"),
    ("Rideshare", "receipts@rideshare.example", "Your Friday evening trip receipt"),
)
PACKAGES = ("requests", "lodash", "urllib3", "serde", "pytest", "eslint")
PERSONAL = (
    "Dinner on Saturday?", "Photos from the trip", "Happy birthday!!", "Book club: next pick",
    "Can you water the plants?", "Moving boxes", "Recipe you asked for", "Weekend hike",
    "Concert tickets", "Quick question about the car",
)  # fmt: skip
PERSONAL_BODY = (
    "Hey Alex,\n\nAre you around this weekend? We were thinking of {x}. Let me know!\n\n{n}",
    "Hi!\n\nHere is the thing I mentioned: {x}. Talk soon.\n\n{n}",
    "Alex,\n\nThanks again for yesterday, it was great. Next time {x} is on me.\n\nxx {n}",
)
PERSONAL_X = ("the farmers market", "a picnic by the lake", "trying the new ramen place", "board games")

# ---- the chatty mix (issue 18)
#: consumer providers and the domain their Message-IDs carry
FREEMAIL_IDS = (("gmail.com", "mail.gmail.com"), ("outlook.com", "AM0PR07MB4321.eurprd07.prod.outlook.com"),
                ("icloud.com", "icloud.com"), ("gmx.de", "gmx.de"), ("yahoo.com", "mail.yahoo.com"))  # fmt: skip
THREADS = (
    "Dinner on Saturday?", "Call this weekend?", "Catch up soon", "Team trivia night", "Meet for coffee?",
    "Zoom with the family on Sunday", "Photos from the trip", "Moving boxes", "Book club: next pick",
    "Quick question about the car", "Follow-up from the school meeting", "Phone upgrade", "Weekend hike",
    "Mum's birthday plans", "Flat viewing on Thursday", "Our chat yesterday", "Wedding invite list",
    "Running club schedule", "Holiday rental", "Football on Sunday",
)  # fmt: skip
#: a few friends do ask about the search: these must still be read
THREADS_HIRING = ("How's the job search going?", "That role at my company", "Good luck with the interview!")
THREAD_REPLY = (
    "Sounds good to me! Let's do {x} then.", "Ha, yes. I'll bring {x}.", "Can't this time, sorry. Next week?",
    "Perfect, see you there. {x} afterwards?", "Thanks! I'll call you tonight about {x}.",
)  # fmt: skip
COLLEAGUE = (
    "Q3 planning: draft for comments", "Re: Deploy freeze next week", "Team offsite agenda", "1:1 notes",
    "Re: Incident review: checkout latency", "Re: Can you review my PR?", "Lunch?", "Re: On-call handover",
    "Interview loop for the backend candidate", "Re: Hiring plan for H2", "Re: Design doc: billing events",
    "Re: Sprint retro action items", "Team meeting moved to 3pm", "Re: Customer call follow-up",
)  # fmt: skip
MEETINGS = ("Sprint review", "Architecture sync", "Weekly team meeting", "Candidate debrief: backend",
            "Quarterly business review", "Platform roadmap")  # fmt: skip
LISTS = (
    ("rust-users", "users.rust-lang.example", "Re: async trait objects and lifetimes"),
    ("berlin-python", "berlin.python.example", "Meetup schedule for June"),
    ("pydata-jobs", "pydata.example", "Hiring: data engineers in Berlin (remote ok)"),
    ("hoa-board", "lists.maplecourt.example", "Re: Meeting minutes and the roof repair"),
    ("climbing-club", "groups.cragrats.example", "Re: Saturday meet at the crag"),
    ("debian-user", "lists.debian.example", "Re: Upgrade broke my wifi"),
    ("postgres-general", "lists.postgresql.example", "Re: Slow query after upgrade"),
)  # fmt: skip


@dataclass(frozen=True)
class Generated:
    raw: bytes
    when: datetime
    kind: str  # newsletter | notification | jobboard | personal | job:<subkind>


def _name(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _msgid(r: random.Random, domain: str) -> str:
    return f"<{r.getrandbits(64):016x}.{r.getrandbits(32):08x}@{domain}>"


def _heavy_headers(r: random.Random, domain: str, when: datetime) -> list[str]:
    """Trace and authentication headers as a large provider adds them (the bulk of real headers)."""
    hops = []
    t = when
    for i in range(r.randint(2, 4)):
        t -= timedelta(seconds=r.randint(1, 20))
        hops.append(
            f"Received: from mx{i}.{domain} (mx{i}.{domain} [198.51.100.{r.randint(1, 254)}])\r\n"
            f"\tby mx.example.com with ESMTPS id {r.getrandbits(48):012x}\r\n"
            f"\tfor <{USER[1]}>; {format_datetime(t)}"
        )
    sig = base64.b64encode(r.randbytes(256)).decode()
    bh = base64.b64encode(hashlib.sha256(r.randbytes(8)).digest()).decode()
    dkim = (
        f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={domain}; s=s{r.randint(1, 9)};\r\n"
        "\th=from:to:subject:date:message-id:mime-version:content-type;\r\n"
        f"\tbh={bh};\r\n\tb=" + "\r\n\t".join(sig[i : i + 72] for i in range(0, len(sig), 72))
    )
    auth = (
        "Authentication-Results: mx.example.com;\r\n"
        f"\tdkim=pass header.d={domain};\r\n\tspf=pass smtp.mailfrom={domain};\r\n\tdmarc=pass header.from={domain}"
    )
    return [*hops, auth, dkim]


def _message(
    r: random.Random,
    when: datetime,
    *,
    from_name: str,
    from_addr: str,
    subject: str,
    text: str,
    html: str | None = None,
    extra: list[str] | None = None,
    heavy: bool = True,
    to: str = USER[1],
    msgid_domain: str | None = None,
    calendar: str | None = None,
) -> bytes:
    domain = from_addr.rpartition("@")[2]
    head = _heavy_headers(r, domain, when) if heavy else []
    head += [
        f"From: {from_name} <{from_addr}>",
        f"To: {USER[0]} <{to}>",
        f"Subject: {subject}",
        f"Date: {format_datetime(when)}",
        f"Message-ID: {_msgid(r, msgid_domain or domain)}",
        "MIME-Version: 1.0",
        *(extra or []),
    ]
    text = text.replace("\n", "\r\n")
    if calendar is not None:
        boundary = f"=_c{r.getrandbits(40):010x}"
        head.append(f'Content-Type: multipart/alternative; boundary="{boundary}"')
        body = (
            f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n--{boundary}\r\n"
            f"Content-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\n{calendar}\r\n--{boundary}--\r\n"
        )
    elif html is None:
        head += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
        body = text
    else:
        boundary = f"=_b{r.getrandbits(40):010x}"
        head.append(f'Content-Type: multipart/alternative; boundary="{boundary}"')
        body = (
            f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            f"{text}\r\n--{boundary}\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Transfer-Encoding: 8bit\r\n\r\n{html}\r\n--{boundary}--\r\n"
        )
    return ("\r\n".join(head) + "\r\n\r\n" + body).encode()


def _newsletter(r: random.Random, when: datetime) -> bytes:
    name, addr, subj = r.choice(NEWSLETTERS)
    topic = r.choice(TOPICS)
    subject = subj.format(topic=topic, num=r.randint(5, 400))
    paras = [
        f"{topic.capitalize()} — paragraph {i}: " + " ".join(r.choices(TOPICS, k=12)) for i in range(r.randint(4, 12))
    ]
    text = "\n\n".join(paras) + "\n\nUnsubscribe: https://" + addr.rpartition("@")[2] + "/u"
    html = "<html><body>" + "".join(f'<p style="font-family:Arial;font-size:15px">{p}</p>' for p in paras)
    html += '<table width="600">' + "<tr><td>&nbsp;</td></tr>" * r.randint(20, 80) + "</table></body></html>"
    domain = addr.rpartition("@")[2]
    extra = [
        f"List-Unsubscribe: <https://{domain}/unsubscribe/{r.getrandbits(64):x}>, <mailto:unsub@{domain}>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
        f"List-Id: {name} <news.{domain}>",
        "Precedence: bulk",
        f"Feedback-ID: {r.randint(1000, 9999)}:{_slug(name)}:esp",
    ]
    return _message(r, when, from_name=name, from_addr=addr, subject=subject, text=text, html=html, extra=extra)


def _notification(r: random.Random, when: datetime) -> bytes:
    name, addr, subj = r.choice(NOTIFICATIONS)
    subject = subj.format(num=r.randint(10, 9999), pct=r.randint(80, 99), pkg=r.choice(PACKAGES), name=r.choice(FIRST))
    text = f"{subject}\n\nView it online: https://{addr.rpartition('@')[2]}/n/{r.getrandbits(40):x}\n\n" + (
        "You are receiving this because of your account settings.\n" * r.randint(1, 4)
    )
    extra = ["Auto-Submitted: auto-generated"] if r.random() < 0.3 else []
    if "github" in addr:
        extra += ["List-Id: widgets <widgets.oss.github.example>", "X-GitHub-Reason: subscribed"]
        extra.append(f"List-Unsubscribe: <https://github.example/notifications/unsubscribe/{r.getrandbits(40):x}>")
        if subject.startswith("Re:"):
            extra.append(f"In-Reply-To: <oss/widgets/issues/{r.randint(1, 999)}@github.example>")
    return _message(r, when, from_name=name, from_addr=addr, subject=subject, text=text, extra=extra)


def _jobboard(r: random.Random, when: datetime) -> bytes:
    role = r.choice(ROLES)
    if r.random() < 0.6:
        name, addr = "Job Alerts", "jobalerts-noreply@jobsboard.example"
        subject = f"{r.randint(3, 30)} new jobs for {role} in Berlin"
        text = "\n".join(f"{role} at {c} — apply now" for c in r.sample(COMPANIES, 5))
        extra = [f"List-Unsubscribe: <https://jobsboard.example/unsub/{r.getrandbits(40):x}>"]
    else:
        company = r.choice(COMPANIES)
        relay = r.choice(RELAYS)
        name, addr = f"{company} Recruiting", f"no-reply@{relay}"
        subject = f"Thank you for applying to {company}"
        text = (
            f"Hi Alex,\n\nThanks for your interest in the {role} position at {company}. We have received "
            "your application and our team will review it. If your background fits, we will be in touch.\n\n"
            f"{company} Talent Team"
        )
        extra = []
    return _message(r, when, from_name=name, from_addr=addr, subject=subject, text=text, extra=extra)


def _personal(r: random.Random, when: datetime) -> bytes:
    who = _name(r)
    addr = f"{_slug(who.split()[0])}.{_slug(who.split()[1])}@{r.choice(('mailbox.example', 'posteo.example'))}"
    subject = r.choice(PERSONAL)
    extra: list[str] = []
    if r.random() < 0.35:
        subject = "Re: " + subject
        ref = _msgid(r, "example.com")
        extra = [f"In-Reply-To: {ref}", f"References: {ref}"]
    text = r.choice(PERSONAL_BODY).format(x=r.choice(PERSONAL_X), n=who.split()[0])
    return _message(
        r, when, from_name=who, from_addr=addr, subject=subject, text=text, extra=extra, heavy=r.random() < 0.7
    )


def _thread_ids(r: random.Random, friend_ids: str, k: int) -> list[str]:
    """A two-person thread's earlier Message-IDs, oldest first: the friend's and the user's in turn."""
    start = r.random() < 0.5
    return [_msgid(r, friend_ids if (i % 2 == 0) == start else "example.com") for i in range(k)]


def _personal_thread(r: random.Random, when: datetime) -> bytes:
    """A reply in a conversation with a friend at a consumer mail provider, quoting the last message."""
    who = _name(r)
    first, last = who.split()
    dom, ids = r.choice(FREEMAIL_IDS)
    addr = f"{_slug(first)}.{_slug(last)}{r.randint(1, 99)}@{dom}"
    topic = r.choice(THREADS_HIRING) if r.random() < 0.03 else r.choice(THREADS)
    refs = _thread_ids(r, ids, r.randint(1, 5))
    quoted_when = when - timedelta(hours=r.randint(1, 48))
    quoted = r.choice(PERSONAL_BODY).format(x=r.choice(PERSONAL_X), n="Alex")
    text = (
        f"{r.choice(THREAD_REPLY).format(x=r.choice(PERSONAL_X))}\n\n{first}\n\n"
        f"On {format_datetime(quoted_when)}, {USER[0]} <{USER[1]}> wrote:\n"
        + "\n".join("> " + line for line in quoted.splitlines())
    )
    extra = [f"In-Reply-To: {refs[-1]}", "References: " + "\r\n ".join(refs)]
    return _message(r, when, from_name=who, from_addr=addr, subject="Re: " + topic, text=text, extra=extra,
                    msgid_domain=ids, heavy=r.random() < 0.8)  # fmt: skip


def _colleague(r: random.Random, when: datetime) -> bytes:
    """Mail from a colleague at the user's current employer, to the user's work address."""
    who = _name(r)
    first, last = who.split()
    addr = f"{_slug(first)}.{_slug(last)}@{INTERNAL_DOMAIN}"
    extra: list[str] = []
    calendar = None
    if r.random() < 0.2:
        title = r.choice(MEETINGS)
        subject = f"Invitation: {title} @ {(when + timedelta(days=r.randint(1, 9))).strftime('%a %b %-d')} 10:00"
        text = f"{who} has invited you to {title}.\n\nJoin with Google Meet: https://meet.example/abc-defg-hij"
        start = (when + timedelta(days=2)).strftime("%Y%m%dT100000Z")
        calendar = (
            "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
            f"UID:{r.getrandbits(64):x}@{INTERNAL_DOMAIN}\r\nDTSTART:{start}\r\nSUMMARY:{title}\r\n"
            f"ORGANIZER:mailto:{addr}\r\nEND:VEVENT\r\nEND:VCALENDAR"
        )
    else:
        subject = r.choice(COLLEAGUE)
        about = subject.removeprefix("Re: ").lower()
        text = f"Hi Alex,\n\nQuick note on {about}: see the doc, comments welcome.\n\n{first}"
        if subject.startswith("Re:"):
            refs = [_msgid(r, INTERNAL_DOMAIN) for _ in range(r.randint(1, 3))]
            extra = [f"In-Reply-To: {refs[-1]}", "References: " + " ".join(refs)]
    return _message(r, when, from_name=who, from_addr=addr, subject=subject, text=text, extra=extra,
                    to=WORK_ADDRESS, calendar=calendar)  # fmt: skip


def _mailing_list(r: random.Random, when: datetime) -> bytes:
    name, host, subject = r.choice(LISTS)
    who = _name(r)
    dom = r.choice((*(d for d, _ in FREEMAIL_IDS), "posteo.example", "uni-example.example"))
    addr = f"{_slug(who.split()[0])}@{dom}"
    extra = [
        f"List-Id: {name} <{name}.{host}>",
        f"List-Unsubscribe: <https://{host}/mailman/options/{name}>,\r\n <mailto:{name}-request@{host}?subject=unsub>",
        f"List-Post: <mailto:{name}@{host}>",
        f"List-Archive: <https://{host}/pipermail/{name}/>",
        "Precedence: list",
    ]
    if subject.startswith("Re:"):
        ref = _msgid(r, dom)
        extra += [f"In-Reply-To: {ref}", f"References: {ref}"]
    text = f"{' '.join(r.choices(TOPICS, k=30))}\n\n-- \n{who}\n{'_' * 47}\n{name} mailing list"
    return _message(r, when, from_name=f"{who} via {name}", from_addr=addr, subject=f"[{name}] {subject}",
                    text=text, extra=extra)  # fmt: skip


def _weekday_after(r: random.Random, when: datetime, days: int) -> datetime:
    day = when + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day.replace(hour=r.choice((9, 10, 11, 13, 14, 15, 16)), minute=r.choice((0, 30)), second=0, microsecond=0)


def _job(r: random.Random, when: datetime) -> tuple[str, bytes]:
    company = r.choice(COMPANIES)
    domain = _slug(company) + ".example"
    person = _name(r)
    role = r.choice(ROLES)
    first = person.split()[0]
    sender = f"{_slug(first)}@{domain}"
    kind = r.choices(("invitation", "reschedule", "reply", "rejection", "auto_reply"), (5, 1, 2, 2, 1))[0]
    at = _weekday_after(r, when, r.randint(2, 8))
    at_text = at.strftime("%A, %B %-d at %-I:%M %p") + " UTC"
    thread = _msgid(r, "example.com")
    threaded = [f"In-Reply-To: {thread}", f"References: {thread}"]
    if kind == "invitation":
        subject = r.choice((f"Interview invitation: {role} at {company}", f"Next steps for the {role} role",
                            f"{company} — let's schedule your interview"))  # fmt: skip
        text = (
            f"Hi Alex,\n\nThank you for applying for the {role} position at {company}. We were impressed by "
            f"your background and would like to invite you to a 45-minute video interview with {person}, "
            f"our engineering manager.\n\nWould {at_text} work for you? The Zoom link will follow in the "
            f"calendar invitation.\n\nBest regards,\n{person}\n{company}"
        )
        return "job:invitation", _message(r, when, from_name=person, from_addr=sender, subject=subject, text=text)
    if kind == "reschedule":
        subject = f"Re: Interview for {role} — new time"
        text = (
            f"Hi Alex,\n\nUnfortunately our interviewer is no longer available at the original time. Could we "
            f"move your interview to {at_text} instead? Same Zoom link.\n\nApologies for the change,\n{person}"
        )
        return "job:reschedule", _message(
            r, when, from_name=person, from_addr=sender, subject=subject, text=text, extra=threaded
        )
    if kind == "reply":
        subject = f"Re: Thank you — {role} interview"
        text = (
            f"Hi Alex,\n\nThanks for your note, it was a pleasure speaking with you. The team is meeting this "
            f"week to discuss next steps and I will get back to you soon.\n\nBest,\n{person}"
        )
        return "job:reply", _message(
            r, when, from_name=person, from_addr=sender, subject=subject, text=text, extra=threaded
        )
    if kind == "rejection":
        subject = f"Your application for {role} at {company}"
        text = (
            f"Dear Alex,\n\nThank you for your interest in {company} and the time you invested. After careful "
            "consideration we have decided to move forward with other candidates whose experience more "
            f"closely matches our needs. We wish you the best in your search.\n\nKind regards,\n{company} Recruiting"
        )
        relay = r.choice(RELAYS)
        return "job:rejection", _message(
            r, when, from_name=f"{company} Recruiting", from_addr=f"no-reply@{relay}", subject=subject, text=text
        )
    back = (when + timedelta(days=r.randint(3, 10))).strftime("%B %-d")
    subject = f"Automatic reply: Interview for {role}"
    text = f"Hello,\n\nI am out of the office until {back} with limited access to email.\n\nBest,\n{person}"
    return "job:auto_reply", _message(
        r,
        when,
        from_name=person,
        from_addr=sender,
        subject=subject,
        text=text,
        extra=["Auto-Submitted: auto-replied", *threaded],
    )


_MAKERS = {
    "newsletter": _newsletter,
    "notification": _notification,
    "jobboard": _jobboard,
    "personal": _personal,
    "thread": _personal_thread,
    "colleague": _colleague,
    "list": _mailing_list,
}
# one in five a personal thread, one in five a colleague (of the 98% that is not job mail)
_CHATTY_KINDS = ("newsletter", "notification", "jobboard", "personal", "thread", "colleague", "list")
_CHATTY_WEIGHTS = (22, 18, 5, 8, 20.5, 20.5, 6)


def generate(
    n: int,
    *,
    now: datetime,
    lookback_days: int = 60,
    seed: int = 7,
    job_share: float | None = None,
    mix: str = "current",
) -> list[Generated]:
    """``n`` messages arriving over the ``lookback_days`` before ``now``, oldest first."""
    if mix not in ("current", "chatty"):
        raise ValueError(f"unknown mix {mix!r}")
    if job_share is None:
        job_share = 0.02 if mix == "chatty" else 0.01
    r = random.Random(seed)
    span = (lookback_days - 1) * 86400
    times = sorted(now - timedelta(seconds=r.randint(60, span)) for _ in range(n))
    n_job = round(n * job_share)
    job_at = set(r.sample(range(n), n_job)) if n_job else set()
    out: list[Generated] = []
    for i, when in enumerate(times):
        when = when.replace(microsecond=0)
        if i in job_at:
            kind, raw = _job(r, when)
        elif mix == "chatty":
            kind = r.choices(_CHATTY_KINDS, _CHATTY_WEIGHTS)[0]
            raw = _MAKERS[kind](r, when)
        else:
            kind = r.choices(("newsletter", "notification", "jobboard", "personal"), (45, 35, 6, 14))[0]
            make = {"newsletter": _newsletter, "notification": _notification, "jobboard": _jobboard}.get(
                kind, _personal
            )
            raw = make(r, when)
        out.append(Generated(raw, when, kind))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--lookback-days", type=int, default=60)
    ap.add_argument("--mix", choices=("current", "chatty"), default="current")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    mails = generate(
        args.n,
        now=datetime.now(UTC).replace(microsecond=0),
        lookback_days=args.lookback_days,
        seed=args.seed,
        mix=args.mix,
    )
    for i, g in enumerate(mails, 1):
        (args.out / f"{i:06d}-{g.kind.replace(':', '-')}.eml").write_bytes(g.raw)
    kinds: dict[str, int] = {}
    for g in mails:
        kinds[g.kind] = kinds.get(g.kind, 0) + 1
    print(f"wrote {len(mails)} messages to {args.out}: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
