"""Employer identity, company and role extraction."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from daemon.model import Category
from daemon.understand.classify import classify
from daemon.understand.extract import employer, org_domain, split_signature
from daemon.understand.mail import parse
from daemon.understand.relays import relay_for_domain

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


# --- signatures without a "-- " delimiter ----------------------------------------------------

_BODY = "Hi Sam,\n\nYour phone screen is on Thursday, March 12 at 2pm ET.\n"


@pytest.mark.parametrize(
    ("tail", "signature_starts"),
    [
        ("Best,\nDana Whitfield\nSenior Recruiter | Halcyon Freight\n(555) 010-2030", "Dana Whitfield"),
        (
            "Talk soon,\n\nDenise Okoro, SHRM-CP\nTalent Partner | Mercy Vale\nJoin our Hiring Event - Sat, "
            "March 21, 9 a.m. to 1 p.m.",
            "Denise Okoro",
        ),
        ("Cheers, Leo\nLeo Brandt\nKiteline Robotics", "Leo Brandt"),
        ("Viele Grüße\nJürgen\n\nJürgen Hartmann\nHead of Data | Brennwerk GmbH", "Jürgen"),
        ("Kind regards,\nThe Aldergate Talent Team", "The Aldergate Talent Team"),
    ],
)
def test_signature_after_a_sign_off_and_a_name(tail: str, signature_starts: str) -> None:
    body, signature = split_signature(f"{_BODY}\n{tail}")
    assert body.startswith(_BODY.strip())
    assert body.rstrip().endswith(tail.split("\n")[0])  # the sign-off line stays in the body
    assert signature.startswith(signature_starts)


def test_legal_notice_without_a_sign_off_is_signature() -> None:
    notice = (
        "CONFIDENTIALITY NOTICE: This e-mail is for the sole use of the intended recipient and may "
        "contain privileged information."
    )
    body, signature = split_signature(f"{_BODY}\nDana\n\n{notice}")
    assert body == f"{_BODY}\nDana".strip()
    assert signature == notice


@pytest.mark.parametrize(
    "text",
    [
        # no name under the sign-off
        f"{_BODY}\nThanks!\n\nLet me know if Thursday at 2pm works for you.",
        # "Thanks Sam!" opening a message is not a sign-off: prose follows
        "Thanks Sam!\n\nSee you on Thursday at 2pm for the interview.\nRae",
        # a forwarded invitation after the forwarder's sign-off is message, not signature
        "FYI, see below.\n\nThanks,\nAlex\n\n---------- Forwarded message ---------\nFrom: Rae <rae@acme.com>\n"
        "Subject: Interview\n\nYour interview is on March 12 at 2pm.",
        # meeting details under a sign-off
        "Hi Sam,\n\nBest,\nRae\nWhen: Thursday, March 12, 2pm ET\nWhere: Zoom",
        # "This email is to confirm" is not a legal notice
        "Hi Sam,\n\nThis email is to confirm your interview on Thursday, March 12 at 2pm ET.\n",
        # too long to be a signature
        "Hi Sam,\n\nRegards,\nRae\n" + "\n".join(f"line {i}" for i in range(20)),
    ],
)
def test_no_signature_where_none_is_certain(text: str) -> None:
    assert split_signature(text) == (text, "")


def test_postscript_after_the_signature_stays_in_the_body() -> None:
    text = f"{_BODY}\nBest,\nRae Kim\nRecruiter, Cinder Works\n\nP.S. Bring your portfolio."
    body, signature = split_signature(text)
    assert "P.S. Bring your portfolio." in body
    assert signature == "Rae Kim\nRecruiter, Cinder Works"


def test_round_is_not_read_from_the_signature() -> None:
    raw = eml(
        "Rae Kim <rae.kim@cinderworks.com>",
        "Cinder Works - Backend Engineer",
        "Hi Sam,\n\nI'd like to set up a 30 minute phone screen for the Backend Engineer role; I have you "
        "down for Thursday, March 12 at 2pm ET.\n\nBest,\nRae Kim\nOnsite Interview Coordinator, Cinder Works\n",
    )
    c = classify(parse(raw), USERS)
    assert c.category is Category.INVITATION, c.reasons
    assert c.round == "first"


# --- forwarding markers, prose legal footers, emoji promo lines ------------------------------

_AGENCY_SIGNATURE = (
    "Best,\nNora\n\nNora Quist\nSenior Consultant, Data | Fenwick Search Partners\nM: +44 7700 900 112\n"
    '\U0001f4c5 Join our next webinar: "Relocating to Dublin" on Thursday 12 March, 13:00 GMT. '
    "Register: fenwicksearch.example/events\n\n"
    "Fenwick Search Partners Ltd is acting as an employment agency in relation to this vacancy. "
    "Registered in England & Wales No. 01234567. This email and any attachments are confidential; if "
    "you have received it in error please notify the sender and delete it.\n"
)


def test_a_forwarded_invitation_leaves_the_forwarders_signature_findable() -> None:
    raw = eml(
        "Nora Quist <nora@fenwicksearch.example>",
        "Fwd: Final interview - Data Engineer",
        "Hi Sam,\n\nGood news: Ardmore would like you in for the final round on Monday 16 March at 11am. "
        f"Their invitation is below.\n\n{_AGENCY_SIGNATURE}\n---------- Forwarded message ---------\nFrom: "
        "Ardmore Talent <talent@ardmore.example>\nDate: Mon, 9 Mar 2026 at 10:41\nSubject: Final interview\n"
        "To: Nora Quist <nora@fenwicksearch.example>\n\nDear Nora,\n\nWe are pleased to invite Sam to the "
        "final interview.\n",
    )
    mail = parse(raw)
    body, signature = split_signature(mail.text)
    assert "webinar" not in body and "employment agency" not in body
    assert body.endswith("Best,\n\n---------- Forwarded message ---------")
    assert signature.startswith("Nora\n\nNora Quist")
    assert signature.endswith("delete it.")


@pytest.mark.parametrize(
    "marker",
    [
        "---------- Forwarded message ---------",
        "-----Original Message-----",
        "Begin forwarded message:",
        "-- Forwarded message --\n\n",
    ],
)
def test_a_forwarding_marker_ending_the_text_closes_the_body(marker: str) -> None:
    text = f"Hi Sam,\n\nSee Ardmore's note below.\n\n{_AGENCY_SIGNATURE}\n{marker}"
    body, signature = split_signature(text)
    assert body == f"Hi Sam,\n\nSee Ardmore's note below.\n\nBest,\n\n{marker.strip()}"
    assert signature.startswith("Nora\n\nNora Quist") and signature.endswith("delete it.")


def test_a_forwarding_marker_followed_by_the_message_still_blocks() -> None:
    text = f"FYI below.\n\n{_AGENCY_SIGNATURE}\n-----Original Message-----\nThe interview is at 2pm.\n"
    assert split_signature(text) == (text, "")


def test_legal_footer_in_running_prose_after_a_with_best_wishes_sign_off() -> None:
    raw = eml(
        "Harlow Health Careers <harlowhealth@myworkday.com>",
        "Update on your application",
        "Dear Sam,\n\nWe have decided not to progress your application for the Analyst role.\n\n"
        "With best wishes,\n\nHarlow Health Talent Acquisition\n\nThis message was sent from an "
        "unmonitored mailbox via\nWorkday. Harlow Health Ltd is registered in England and Wales (No. "
        "08123456).\n",
    )
    body, signature = split_signature(parse(raw).text)
    assert body.endswith("With best wishes,")
    assert signature.startswith("Harlow Health Talent Acquisition\n\nThis message was sent")
    assert signature.endswith("(No. 08123456).")


def test_a_body_that_runs_into_a_notice_keeps_its_own_lines() -> None:
    text = (
        "Hi Sam,\nYour interview is on Thursday, March 12 at 2pm ET.\n"
        "This email and any attachments are confidential and intended only for the addressee."
    )
    body, signature = split_signature(text)
    assert body == "Hi Sam,\nYour interview is on Thursday, March 12 at 2pm ET."
    assert signature.startswith("This email and any attachments are confidential")


@pytest.mark.parametrize(
    "promo",
    [
        "\U0001f4e3 Know someone great for our Dublin data roles? Refer them at fenwicksearch.example/refer?",
        "\u2b50 Rated 4.9 by candidates. " + "Read what they say about working with us and our consultants "
        "across London, Dublin and Lisbon at fenwicksearch.example/reviews - and tell a friend!",
    ],
)
def test_an_emoji_promo_line_under_a_named_sign_off_is_signature(promo: str) -> None:
    body, signature = split_signature(f"{_BODY}\nBest,\nNora Quist\nFenwick Search Partners\n{promo}")
    assert body == f"{_BODY}\nBest,".strip()
    assert signature.endswith(promo)


def test_an_emoji_question_under_a_bare_sign_off_is_still_body() -> None:
    # no name under "Thanks!": a question after it may be the message itself
    text = f"{_BODY}\nThanks!\n\U0001f4c5 Does Thursday at 2pm still work for you?"
    assert split_signature(text) == (text, "")


@pytest.mark.parametrize(
    ("sender", "subject", "signature"),
    [
        # a department after the sign-off title, and the organisation on the line below
        ("Talia Brooks <talia@wrenmoor.example>", "Interview invitation", "Talent Partner, People & Culture"),
        ("Talia Brooks <talia@wrenmoor.example>", "Interview invitation", "Senior Recruiter | Human Resources"),
        # a subject that is only the job's title
        ("Talia Brooks <talia@wrenmoor.example>", "Data Platform Engineer", "Recruiter"),
        ("Talia Brooks <talia@wrenmoor.example>", "Staff Product Designer II", "Recruiter"),
    ],
)
def test_a_department_or_a_job_title_is_never_the_company(sender: str, subject: str, signature: str) -> None:
    body = (
        "Hi Sam,\n\nThanks for your time so far. We would like to invite you to an interview on "
        f"Tuesday 17 March at 2pm ET.\n\nBest regards,\nTalia Brooks\n{signature}\n"
    )
    c = classify(parse(eml(sender, subject, body)), USERS)
    wrong = {"People & Culture", "Human Resources", "Data Platform Engineer", "Staff Product Designer II"}
    assert c.company not in wrong


def test_a_hiring_teams_mailbox_names_its_organisation() -> None:
    body = (
        "Dear Sam,\n\nThank you for your application for the role of Senior Data Analyst, reference "
        "HCTA-0142. You have been shortlisted for an interview on Tuesday 24 March at 12 noon.\n\n"
        "Kind regards,\n\nSarah Nguyen\nTalent Partner, People & Culture\n"
    )
    sender = "Harbour City Transit Authority Recruitment <recruitment@hcta.nsw.example>"
    c = classify(parse(eml(sender, "Invitation to interview - Senior Data Analyst", body)), USERS)
    assert c.company == "Harbour City Transit Authority"
    # a person's name is not a team's mailbox
    c = classify(parse(eml("Sarah Nguyen <sarah@hcta.nsw.example>", "Interview - Senior Data Analyst", body)), USERS)
    assert c.company != "Sarah Nguyen"
