"""Employer identity, company and role extraction."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from daemon.classify import classify
from daemon.extract import employer, org_domain
from daemon.mail import parse
from daemon.model import Category
from daemon.relays import relay_for_domain

USER = "sam@mailbox.test"
USERS = frozenset({USER})


def eml(sender: str, subject: str, body: str, *, reply_to: str | None = None, ics: str | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = f"Sam <{USER}>"
    msg["Subject"] = subject
    msg["Date"] = "Mon, 09 Mar 2026 10:00:00 -0400"
    msg["Message-ID"] = "<e-1@test>"
    if reply_to:
        msg["Reply-To"] = reply_to
    msg.set_content(body)
    if ics:
        msg.add_attachment(ics.encode(), maintype="text", subtype="calendar", filename="invite.ics")
    return msg.as_bytes()


def ics(organizer: str, uid: str) -> str:
    return "\r\n".join(
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", "METHOD:REQUEST", "BEGIN:VEVENT",
            f"UID:{uid}", "DTSTAMP:20260309T150000Z", "DTSTART:20260317T180000Z", "DTEND:20260317T190000Z",
            "SUMMARY:Interview - Sam / Cinder Works", f"ORGANIZER;CN=Rae Kim:mailto:{organizer}",
            f"ATTENDEE:mailto:{USER}", "END:VEVENT", "END:VCALENDAR", "",
        ]
    )  # fmt: skip


def test_org_domain() -> None:
    assert org_domain("talent.eu.acme.com") == "acme.com"
    assert org_domain("mail.acme.co.uk") == "acme.co.uk"
    assert org_domain("acme.io") == "acme.io"


def test_relay_sender_gives_relay_but_company_domains_from_reply_to() -> None:
    raw = eml(
        "Cinder Works <no-reply@us.greenhouse-mail.io>",
        "Your interview with Cinder Works is confirmed",
        "Hi Sam, your interview for the Backend Engineer role at Cinder Works is confirmed for March 17 at 2pm ET.",
        reply_to="Rae Kim <rae.kim@cinderworks.com>",
    )
    mail = parse(raw)
    c = classify(mail, USERS)
    e = employer(mail, c, USERS)
    assert c.category is Category.INVITATION
    assert e.company == "Cinder Works"
    assert e.relay == "Greenhouse"
    assert e.domains == ("cinderworks.com",)
    assert e.recruiter == "rae.kim@cinderworks.com"
    # the relay's own domain is never one of the company's
    assert all(relay_for_domain(d) is None for d in e.domains)


def test_calendly_relay_with_organizer_at_the_company() -> None:
    raw = eml(
        "Calendly <notifications@calendly.com>",
        "Confirmed: 30 Minute Phone Screen with Rae Kim",
        "Your 30 Minute Phone Screen - Cinder Works with Rae Kim on Tuesday, March 17, 2026 is scheduled.",
        ics=ics("rae.kim@cinderworks.com", "abc@calendly.com"),
    )
    mail = parse(raw)
    c = classify(mail, USERS)
    e = employer(mail, c, USERS)
    assert c.category is Category.INVITATION
    assert e.company == "Cinder Works"
    assert e.company != "Calendly"
    assert e.relay == "Calendly"
    assert e.organizer == "rae.kim@cinderworks.com"
    assert e.domains == ("cinderworks.com",)
    assert c.round == "first"


def test_direct_recruiter_identity() -> None:
    raw = eml(
        "Lena Voss <lena.voss@talent.brightkiln.de>",
        "Interview invitation - Data Engineer",
        "Hi Sam, we'd like to invite you to an interview for the Data Engineer position at Brightkiln on "
        "March 17 at 10:00 CET.\n\nLena Voss\nRecruiter | Brightkiln",
    )
    mail = parse(raw)
    c = classify(mail, USERS)
    e = employer(mail, c, USERS)
    assert e.company == "Brightkiln"
    assert e.relay is None
    assert e.domains == ("brightkiln.de",)
    assert e.recruiter == "lena.voss@talent.brightkiln.de"
    assert c.role == "Data Engineer"


def test_user_and_freemail_addresses_are_not_company_domains() -> None:
    raw = eml(
        "Rae <rae.kim.recruits@gmail.com>",
        "Re: Backend Engineer role at Cinder Works",
        "Hi Sam, thanks for the questions about the Backend Engineer role - answers below.",
        reply_to=f"Sam <{USER}>",
    )
    mail = parse(raw)
    e = employer(mail, classify(mail, USERS), USERS)
    assert e.domains == ()
    assert e.recruiter == "rae.kim.recruits@gmail.com"


@pytest.mark.parametrize(
    "sender",
    [
        "Greenhouse <no-reply@greenhouse.io>",
        "Lever <no-reply@hire.lever.co>",
        "Workday <noreply@myworkday.com>",
        "HackerRank <support@hackerrankforwork.com>",
    ],
)
def test_relay_brand_alone_is_never_the_company(sender: str) -> None:
    raw = eml(sender, "Interview scheduled", "Hi Sam, your interview is scheduled for March 17 at 2pm ET.")
    mail = parse(raw)
    c = classify(mail, USERS)
    e = employer(mail, c, USERS)
    brand = sender.split()[0].lower()
    assert (c.company or "").lower() != brand
    assert e.domains == ()
    # a relay that carries no company identifies nobody
    assert e.relay is None


def test_role_stops_before_the_company() -> None:
    raw = eml(
        "Tom <tom@quillmere.com>",
        "Offer of Employment - Senior Analyst, Quillmere",
        "Hi Sam, I'm delighted to offer you the position of Senior Analyst on the pricing team at Quillmere.",
    )
    c = classify(parse(raw), USERS)
    assert c.category is Category.OFFER
    assert c.company == "Quillmere"
    assert c.role == "Senior Analyst"


@pytest.mark.parametrize("hyphen", ["-", "\u2011", "\u2010", "\u00a0"])
def test_round_read_through_typeset_hyphens(hyphen: str) -> None:
    raw = eml(
        "Liam <liam@coolabah.example.com>",
        "Interview confirmation - Data Analyst",
        f"Dear Sam,\n\nWe are pleased to invite you to a first{hyphen}stage interview on Tuesday 17 March "
        "at 9:00 am.\n\nLiam\nTalent Acquisition",
    )
    c = classify(parse(raw), USERS)
    assert c.category is Category.INVITATION, c.reasons
    assert c.round == "first"
