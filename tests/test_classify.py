"""The classifier on small hand-written messages, and on the shared labelled corpus."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

import pytest
from shared_data import SHARED

from daemon.model import Category, Classification
from daemon.understand.classify import classify
from daemon.understand.mail import parse

USER = "sam.candidate@mailbox.test"
USERS = frozenset({USER})
SENT = datetime(2026, 3, 9, 10, 15, tzinfo=timezone(timedelta(hours=-5)))


def eml(
    sender: str,
    subject: str,
    body: str,
    *,
    to: str = f"Sam Candidate <{USER}>",
    headers: dict[str, str] | None = None,
    ics: str | None = None,
    html: bool = False,
    in_reply_to: str | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(SENT)
    msg["Message-ID"] = "<t-1@test>"
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    for k, v in (headers or {}).items():
        msg[k] = v
    if html:
        msg.set_content("<html><body>" + body.replace("\n", "<br>") + "</body></html>", subtype="html")
    else:
        msg.set_content(body)
    if ics is not None:
        msg.add_attachment(ics.encode(), maintype="text", subtype="calendar", filename="invite.ics")
    return msg.as_bytes()


def vcal(method: str, summary: str, *, organizer: str, seq: int = 0, status: str = "CONFIRMED") -> str:
    return "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//EN",
            f"METHOD:{method}",
            "BEGIN:VEVENT",
            "UID:evt-42@scheduler.test",
            f"SEQUENCE:{seq}",
            f"STATUS:{status}",
            "DTSTAMP:20260309T150000Z",
            "DTSTART:20260317T180000Z",
            "DTEND:20260317T190000Z",
            f"SUMMARY:{summary}",
            f"ORGANIZER;CN=Organizer:mailto:{organizer}",
            f"ATTENDEE;CN=Sam Candidate:mailto:{USER}",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )


def run(raw: bytes, users: frozenset[str] = USERS) -> Classification:
    return classify(parse(raw), users)


# --- invitations, in several styles --------------------------------------------------------

INVITATIONS = {
    "recruiter plain text with a time": eml(
        "Maya Lin <maya.lin@brightkiln.com>",
        "Brightkiln - next step for the Staff Data Engineer role",
        "Hello Sam,\n\nGood news: the team wants to continue. I've booked you for a 45 minute video "
        "interview with our Head of Data on Thursday March 19 at 1:30pm Eastern.\n\nA Meet link "
        "follows in a separate invite.\n\nMaya\nTalent Partner | Brightkiln",
    ),
    "ATS confirmation via a relay": eml(
        "Harbor Mint <no-reply@ashbyhq.com>",
        "Your interview with Harbor Mint is confirmed",
        "Hi Sam,\n\nYour interview for the Product Designer position at Harbor Mint is scheduled.\n\n"
        "When: Tue, Mar 17, 2026, 2:00 PM - 3:00 PM EDT\nWhere: Zoom\n\nHarbor Mint Recruiting",
        headers={"Reply-To": "Ola Berg <ola@harbormint.io>"},
    ),
    "proposed slots": eml(
        "Jon Park <jon.park@fernhollow.co.uk>",
        "Fernhollow: Software Engineer application",
        "Dear Sam,\n\nThanks for your application for the Software Engineer post. We'd like to "
        "speak with you on a video call. Could you let me know which of these times suits?\n\n"
        "Mon 16 March, 11:00\nTue 17 March, 15:30\n\nPlease let me know which of the following slots "
        "works.\n\nJon Park\nPeople Team, Fernhollow",
    ),
    "availability request": eml(
        "Rita Gomez <rgomez@lumenvale.com>",
        "Lumenvale Backend Engineer - technical round",
        "Hi Sam, the engineering team would love to set up a technical interview. Please send me your "
        "availability for next week and I will put it on the calendar.\n\nThanks,\nRita",
    ),
    "self-scheduling link": eml(
        "Birchline Recruiting <noreply@greenhouse.io>",
        "Please pick a time for your onsite",
        "Hi Sam,\n\nWe're excited to move you to the onsite for the QA Engineer opening at Birchline. "
        "Choose a time that suits you here: https://app.greenhouse.io/scheduling/abc123\n",
    ),
    "calendar request with an interview": eml(
        "Kim Doe <kim@cobaltpine.com>",
        "Invitation: Interview - Sam Candidate / Cobalt Pine @ Tue Mar 17, 2026 2pm - 3pm (EDT)",
        "Kim Doe has invited you to this event.",
        ics=vcal("REQUEST", "Interview - Sam Candidate / Cobalt Pine", organizer="kim@cobaltpine.com"),
    ),
    "HTML only": eml(
        "Oak & Reed <talent@oakreed.com>",
        "Interview invitation - Financial Analyst",
        "<p>Dear Sam,</p><p>We are pleased to invite you to an interview for the Financial Analyst "
        "role on <b>18 March 2026 at 10:00 GMT</b>.</p><p>Kind regards,<br>Oak &amp; Reed HR</p>",
        html=True,
    ),
    "hiring manager casual": eml(
        "Dev Patel <dev@tinyforge.dev>",
        "quick chat?",
        "Hey Sam - I run the platform team at Tinyforge and saw your application for the SRE role. "
        "Would you be open to a quick call this week? Grab any slot here: https://calendly.com/dev-tf/30\n",
    ),
}


@pytest.mark.parametrize("name", sorted(INVITATIONS))
def test_invitations(name: str) -> None:
    c = run(INVITATIONS[name])
    assert c.category is Category.INVITATION, (name, c.reasons)
    assert c.reasons
    assert 0.5 <= c.confidence <= 1.0


def test_ics_request_gives_structural_reason_and_high_confidence() -> None:
    c = run(INVITATIONS["calendar request with an interview"])
    assert any(r.startswith("ics METHOD:REQUEST") for r in c.reasons)
    assert c.confidence >= 0.9


# --- reschedules, cancellations ---------------------------------------------------------------


def test_reschedule_in_words() -> None:
    c = run(
        eml(
            "Lee Chan <lee@quartzfield.com>",
            "Change to your interview time",
            "Hi Sam, our interviewer is out sick, so I've moved your technical interview to Monday "
            "March 23 at 3pm ET. Same link as before. Sorry for the change!\nLee",
        )
    )
    assert c.category is Category.RESCHEDULE, c.reasons


def test_reschedule_by_calendar_update_with_unchanged_subject() -> None:
    body = "Updated: the time of this meeting has changed."
    subject = "Interview: Sam Candidate / Cobalt Pine"
    c = run(
        eml(
            "Kim Doe <kim@cobaltpine.com>",
            subject,
            body,
            ics=vcal("REQUEST", subject, organizer="kim@cobaltpine.com", seq=2),
        )
    )
    assert c.category is Category.RESCHEDULE
    assert any("SEQUENCE:2" in r for r in c.reasons)


def test_footer_about_rescheduling_does_not_make_a_reschedule() -> None:
    c = run(
        eml(
            "Ana <ana@marlowbeam.com>",
            "Interview confirmed: Data Analyst",
            "Hi Sam, your interview with our analytics lead is confirmed for Friday, March 20 at 11:00 AM PT. "
            "If you need to reschedule, reply to this email. Need to cancel? Let us know.\nAna, Recruiter",
        )
    )
    assert c.category is Category.INVITATION, c.reasons


def test_cancellation_by_calendar() -> None:
    c = run(
        eml(
            "Kim Doe <kim@cobaltpine.com>",
            "Canceled event: Interview - Sam Candidate / Cobalt Pine",
            "This event has been canceled.",
            ics=vcal(
                "CANCEL", "Interview - Sam Candidate", organizer="kim@cobaltpine.com", seq=1, status="CANCELLED"
            ),
        )
    )
    assert c.category is Category.CANCELLATION
    assert any(r.startswith("ics METHOD:CANCEL") for r in c.reasons)


def test_cancellation_in_words() -> None:
    c = run(
        eml(
            "Priya <priya@saltmarsh.ai>",
            "Tomorrow's interview",
            "Hi Sam, I'm afraid we have to cancel tomorrow's interview for the ML Engineer role: the "
            "position has been put on hold by finance. I'm sorry for the late notice.\nPriya",
        )
    )
    assert c.category is Category.CANCELLATION, c.reasons


# --- decisions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for interviewing with us. Unfortunately, we have decided not to move forward with "
        "your candidacy for the Analyst role.",
        "After careful consideration we regret to inform you that you were not selected for the "
        "Frontend Developer position.",
        "We appreciated meeting you. The team has chosen to proceed with another candidate whose "
        "background is closer to the role.",
        "Thanks for your time on the phone screen. We won't be moving forward with your application.",
    ],
)
def test_rejections(body: str) -> None:
    c = run(eml("Talent <jobs@northwick.com>", "Your application", f"Hi Sam,\n\n{body}\n\nBest, Northwick"))
    assert c.category is Category.REJECTION, c.reasons


def test_rejection_mentioning_an_offer_to_someone_else_is_not_an_offer() -> None:
    c = run(
        eml(
            "Zoe <zoe@kestrelbay.com>",
            "Update",
            "Hi Sam, thank you for the final interview. I'm sorry to tell you that we have offered the role "
            "to another candidate, so we will not be progressing your application.",
        )
    )
    assert c.category is Category.REJECTION


@pytest.mark.parametrize(
    "body",
    [
        "I'm delighted to offer you the position of Senior Designer. Your offer letter is attached.",
        "Great news! We'd like to extend you an offer for the Data Engineer role. Details to follow.",
    ],
)
def test_offers(body: str) -> None:
    c = run(eml("Lou <lou@plumcrest.com>", "Good news", f"Hi Sam,\n\n{body}\n\nLou"))
    assert c.category is Category.OFFER, c.reasons


# --- replies and auto-replies ----------------------------------------------------------------


def test_employer_reply_that_schedules_nothing() -> None:
    c = run(
        eml(
            "Hana Ito <hana@vellum.dev>",
            "Re: Thank you - Platform Engineer interview",
            "Hi Sam, thanks for the note! The panel is meeting Thursday and I'll update you after.\nHana\n\n"
            "On Mon, Mar 9, 2026 at 9:00 AM Sam Candidate <sam.candidate@mailbox.test> wrote:\n"
            "> Thanks for the interview today.\n",
            in_reply_to="<sam-1@mailbox.test>",
        )
    )
    assert c.category is Category.EMPLOYER_REPLY, c.reasons


def test_reply_that_schedules_the_next_round_is_an_invitation() -> None:
    c = run(
        eml(
            "Hana Ito <hana@vellum.dev>",
            "Re: Thank you - Platform Engineer interview",
            "Hi Sam, great news, we'd like to invite you to the final round interview on March 24 at 10am PT. "
            "I'll send the calendar invite.\nHana",
            in_reply_to="<sam-1@mailbox.test>",
        )
    )
    assert c.category is Category.INVITATION, c.reasons


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"Auto-Submitted": "auto-replied"}, "header Auto-Submitted: auto-replied"),
        ({"X-Autoreply": "yes"}, "header X-Autoreply"),
        ({"X-Autorespond": "1"}, "header X-Autorespond"),
        ({"Precedence": "auto_reply"}, "header Precedence: auto_reply"),
    ],
)
def test_auto_reply_headers(headers: dict[str, str], reason: str) -> None:
    c = run(eml("Bo <bo@ferngate.com>", "Re: Interview follow-up", "Thanks for your email.", headers=headers))
    assert c.category is Category.AUTO_REPLY
    assert reason in c.reasons


def test_out_of_office_without_any_header_and_a_re_subject() -> None:
    c = run(
        eml(
            "Bo <bo@ferngate.com>",
            "Re: Interview follow-up",
            "Hello, I'm currently out of the office with limited access to email. I will be back on "
            "Monday 16 March and will reply then.\nBo",
            in_reply_to="<sam-2@mailbox.test>",
        )
    )
    assert c.category is Category.AUTO_REPLY, c.reasons


def test_auto_generated_alone_is_not_an_auto_reply() -> None:
    c = run(
        eml(
            "Acme Careers <acme@myworkday.com>",
            "Interview Scheduled: Data Engineer",
            "Hello Sam, an interview has been scheduled for you for the Data Engineer position.\n"
            "Date: Tuesday, March 17, 2026\nTime: 2:00 PM - 3:00 PM (UTC-4)",
            headers={"Auto-Submitted": "auto-generated"},
        )
    )
    assert c.category is Category.INVITATION, c.reasons


def test_mail_from_the_user_is_never_an_employer_category() -> None:
    c = run(
        eml(
            f"Sam <{USER}>",
            "Re: Interview invitation",
            "Thanks, Tuesday at 2pm works. I confirm the interview.",
            to="Kim <kim@cobaltpine.com>",
            in_reply_to="<x@cobaltpine.com>",
        )
    )
    assert c.category is Category.OTHER
    assert "from the user" in c.reasons


# --- hard negatives --------------------------------------------------------------------------

HARD_NEGATIVES = {
    "job alert": eml(
        "JobsNow <alerts@jobsnow.example.net>",
        "8 new Product Designer jobs match your search",
        "Product Designer - Acme - Remote\nInterviewing now - Easy Apply\n\nUX Designer - Beta Co\n",
        headers={"List-Unsubscribe": "<https://jobsnow.example.net/u>"},
    ),
    "application received": eml(
        "Acme Careers <no-reply@greenhouse.io>",
        "Thank you for applying to Acme",
        "Hi Sam, thank you for applying for the Data Engineer position. We have received your application. "
        "If there is a match, a recruiter will reach out to schedule an interview.",
    ),
    "newsletter full of interview tips": eml(
        "Career Weekly <news@careerweekly.example.net>",
        "5 ways to ace your next interview",
        "This week: how to answer 'tell me about yourself'. Your interview is confirmed? Prepare three "
        "stories. Tips for phone screens and onsite loops.\n",
        headers={"Precedence": "bulk"},
    ),
    "webinar with ics": eml(
        "Events <events@devtalks.example.net>",
        "You're registered: Mastering the Coding Interview",
        "Thanks for registering for our webinar on March 17 at 2pm ET.",
        ics=vcal("REQUEST", "Mastering the Coding Interview (webinar)", organizer="events@devtalks.example.net"),
    ),
    "medical appointment with ics": eml(
        "Clinic <reminders@lakeside-clinic.example.net>",
        "Appointment reminder",
        "Your appointment with Dr. Ruiz is on March 17 at 2:00 PM. Call us to reschedule.",
        ics=vcal("PUBLISH", "Doctor appointment", organizer="reminders@lakeside-clinic.example.net"),
    ),
    "personal lunch": eml(
        "Alex <alex.friend@gmail.com>",
        "lunch Friday?",
        "want to grab lunch friday at 12:30? also how did your interview go??",
    ),
    "coding assessment": eml(
        "Acme via CodeSignal <noreply@codesignal.com>",
        "Acme invites you to complete a coding assessment",
        "Hi Sam, Acme has invited you to take the General Coding Assessment for the Backend Engineer role. "
        "Please complete it by March 20, 11:59 PM PT. Start the test: https://app.codesignal.com/x",
    ),
    "internal meeting": eml(
        "Boss <boss@mailbox.test>",
        "Sprint planning",
        "Let's plan the sprint on Tuesday at 10am.",
        ics=vcal("REQUEST", "Sprint planning", organizer="boss@mailbox.test"),
    ),
    "user is the interviewer": eml(
        "Coordinator <coord@otherjob.example.com>",
        "Invitation: Interview: Jamie Roe (Backend) - System design w/ Sam",
        "Thanks for joining this loop as the system design interviewer. Candidate: Jamie Roe. "
        "Please submit your scorecard within 24 hours.",
        ics=vcal("REQUEST", "Interview: Jamie Roe (Backend)", organizer="coord@otherjob.example.com"),
    ),
    "shipping": eml(
        "ParcelCo <track@parcelco.example.net>",
        "Your package is out for delivery",
        "Your order will arrive today between 2pm and 6pm. Tracking number: 1Z999.",
    ),
    "career fair": eml(
        "University Careers <careers@uni.example.edu>",
        "Spring Career Fair: on-the-spot interviews with 40 employers",
        "Join us on March 25, 11am-3pm. Several employers will hold first-round interviews on site.",
        headers={"List-Id": "<alumni.uni.example.edu>"},
    ),
    "review digest": eml(
        "ReviewSite <noreply@reviewsite.example.net>",
        "New interview reviews for Acme",
        "Software Engineer Interview - Anonymous Interview Candidate. Phone screen then an onsite at 9am.",
    ),
}


@pytest.mark.parametrize("name", sorted(HARD_NEGATIVES))
def test_hard_negatives_are_other(name: str) -> None:
    c = run(HARD_NEGATIVES[name])
    assert c.category is Category.OTHER, (name, c.reasons)
    assert c.round is None


def test_internal_mail_detected_without_configured_addresses() -> None:
    raw = eml(
        "Boss <boss@mailbox.test>",
        "Sprint planning",
        "Let's plan the sprint on Tuesday.",
        ics=vcal("REQUEST", "Sprint planning interview prep", organizer="boss@mailbox.test"),
    )
    c = classify(parse(raw))
    assert c.category is Category.OTHER
    assert any("internal" in r for r in c.reasons)


# --- what the message is about ---------------------------------------------------------------


def test_relay_brand_is_never_the_company() -> None:
    raw = eml(
        "Lever <no-reply@hire.lever.co>",
        "Your interview is confirmed",
        "Hi Sam, your interview for the Site Reliability Engineer role at Stonebridge Dynamics is confirmed "
        "for March 18 at 9am CT.\n\nStonebridge Dynamics Recruiting",
    )
    c = run(raw)
    assert c.category is Category.INVITATION
    assert c.company == "Stonebridge Dynamics"
    assert c.role == "Site Reliability Engineer"


def test_company_from_relay_display_name() -> None:
    c = run(INVITATIONS["ATS confirmation via a relay"])
    assert c.company == "Harbor Mint"
    assert c.role == "Product Designer"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Phone screen - Backend Engineer", "first"),
        ("Invitation to your final round interview", "final"),
        ("Round 1 interview - Analyst", "first"),
        ("Virtual onsite schedule", "final"),
        ("Technical interview - Backend Engineer", None),
    ],
)
def test_round(subject: str, expected: str | None) -> None:
    raw = eml(
        "Ana <ana@marlowbeam.com>",
        subject,
        "Hi Sam, your interview is confirmed for Friday, March 20 at 11:00 AM PT.\nAna",
    )
    c = run(raw)
    assert c.category is Category.INVITATION
    assert c.round == expected


def test_round_ignores_a_past_round() -> None:
    raw = eml(
        "Ana <ana@marlowbeam.com>",
        "Next interview",
        "Hi Sam, thanks again for the phone screen last week. We'd like to invite you to a technical "
        "interview on Friday, March 20 at 11:00 AM PT.\nAna",
    )
    assert run(raw).round is None


def test_round_is_none_outside_scheduling() -> None:
    raw = eml(
        "Ana <ana@marlowbeam.com>",
        "Final round outcome",
        "Hi Sam, thank you for the final round. Unfortunately we have decided not to move forward.",
    )
    c = run(raw)
    assert c.category is Category.REJECTION
    assert c.round is None


def test_interviewers_listed() -> None:
    raw = eml(
        "Ana <ana@marlowbeam.com>",
        "Interview confirmed",
        "Hi Sam, your interview is confirmed.\nDate: March 20\nTime: 11:00 AM PT\n"
        "Interviewers: Dana White (Engineering Manager), Luis Ortega (Staff Engineer)\n",
    )
    assert run(raw).interviewers == ("Dana White", "Luis Ortega")


# --- the shared corpus -----------------------------------------------------------------------

CORPUS = SHARED / "corpus"


@pytest.mark.skipif(not (CORPUS / "labels.jsonl").exists(), reason="shared corpus not present")
def test_corpus_accuracy_and_no_false_invitations() -> None:
    labels = [json.loads(x) for x in (CORPUS / "labels.jsonl").read_text(encoding="utf-8").splitlines() if x]
    right = 0
    false_invitations = []
    for lab in labels:
        c = classify(parse((CORPUS / lab["file"]).read_bytes()))
        right += c.category.value == lab["category"]
        if lab["category"] == "other" and c.category is Category.INVITATION:
            false_invitations.append(lab["file"])
    assert right / len(labels) >= 0.95
    assert false_invitations == []


# --- further phrasings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Good news", "Hi Sam, we would like to offer you the Data Analyst role. Paperwork follows.", Category.OFFER),
        ("Decision", "Sam - the panel loved you and we want to make you an offer. Can we talk?", Category.OFFER),
        ("Our call", "Hi Sam, we need to postpone our interview by a week; I'll confirm Monday 23 March at "
         "10am ET for the new slot.", Category.RESCHEDULE),
        ("Backend role", "Hi Sam, are you available on Thursday at 2pm ET for a 30 minute call about the "
         "Backend Engineer role?", Category.INVITATION),
        ("Platform role", "Hi Sam, we'd love to have you join us for a technical interview next week for the "
         "Platform Engineer position. I'll send times shortly.", Category.INVITATION),
    ],
)
def test_more_phrasings(subject: str, body: str, expected: Category) -> None:
    c = run(eml("Rae <rae@cinderworks.com>", subject, body))
    assert c.category is expected, c.reasons


def test_short_reply_takes_its_hiring_context_from_the_quote() -> None:
    c = run(
        eml(
            "Rae <rae@cinderworks.com>",
            "Re: Following up",
            "Thanks Sam, I'll have news for you by Friday.\n\nOn Mon, Mar 9, 2026, Sam wrote:\n"
            "> Hi Rae, just checking in after Tuesday's interview for the Backend Engineer position.\n",
            in_reply_to="<sam-3@mailbox.test>",
        )
    )
    assert c.category is Category.EMPLOYER_REPLY, c.reasons


# --- informal hiring meetings: no word "interview" ---------------------------------------------
# Recruiters book "a quick intro chat", "a technical conversation", "a call"; the same words fill
# personal and business mail, so these need a strong hiring context (a role, an application, a
# recruiter, an ATS relay, a screening call in the thread).

INFORMAL_INVITATIONS = {
    "booked an intro call after an application": eml(
        "Noor Haddad <noor@quillfeather.io>",
        "Your application - Data Analyst",
        "Hi Sam,\n\nThanks for your application for the Data Analyst position.\n\nI've pencilled us in for "
        "Friday at 11am for a quick 20-minute intro call on Zoom: https://zoom.us/j/123\n\nNoor\n"
        "People & Talent, Quillfeather",
    ),
    "booked us in, wrapped plain text": eml(
        "Ben Ito <ben@saltmarsh.dev>",
        "Chat about the Support Engineer role",
        "Hey Sam,\n\nLoved your cover letter for our Support Engineer role. We've booked a\nvideo call "
        "for Wednesday 11 March at 9:30am with me and our Head of Support.\n\nBen",
    ),
    "reply agreeing to a proposed time": eml(
        "Workable <kestrel@workablemail.com>",
        "Re: quick call",
        "Hi Sam,\n\nThanks! Thursday at 2:30pm suits us perfectly - I've sent over a calendar invite.\n\n"
        "It'll be a relaxed 30 minute video call with our Engineering Manager about the Backend Engineer "
        "role.\n\nIsla\nTalent Team",
        in_reply_to="<sam-1@mailbox.test>",
    ),
    "reply: time works for me, then a casual chat": eml(
        "Oskar Lind <oskar@fjordlight.se>",
        "Re: Product Designer position",
        "Great, 10am on Monday works for me. We'll have a casual chat about the Product Designer position, "
        "nothing to prepare.\n\nOskar",
        in_reply_to="<sam-2@mailbox.test>",
    ),
    "next stage is a conversation, pick a time": eml(
        "Ruth Ade <ruth@glasshouse.example.com>",
        "Next steps - QA Engineer",
        "Hi Sam,\n\nThe next stage for the QA Engineer role\nis a 45-minute conversation with two of our "
        "engineers. Do any of these suit?\n\n - Mon 16 March, 10:00-10:45\n - Tue 17 March, 14:00-14:45\n\n"
        "Ruth\nRecruiter | Glasshouse",
    ),
    "question proposing a time for a call": eml(
        "Dev Patel <dev@tinyforge.dev>",
        "Platform role",
        "Hi Sam, thanks for applying for the Platform Engineer role. Would Thursday 12 March at 3pm work "
        "for a quick call with me?",
    ),
    "meet the team": eml(
        "Hana Mori <hana@kitefield.co>",
        "Office Manager role",
        "Hi Sam, following your application for the Office Manager role, we'd love you to come and meet "
        "the team on Wednesday 18 March at 4pm at our office.",
    ),
    "if it no longer suits, the booking still stands": eml(
        "Mia Tran <mia@lyrefield.com.au>",
        "Platform Engineer role",
        "Thanks for applying for our Platform Engineer role. I've booked us in for this Thursday at 10:30am "
        "for a 30 min intro chat if that suits, otherwise shout.",
    ),
}


@pytest.mark.parametrize("name", sorted(INFORMAL_INVITATIONS))
def test_informal_invitations(name: str) -> None:
    c = run(INFORMAL_INVITATIONS[name])
    assert c.category is Category.INVITATION, c.reasons


def test_booked_intro_chat_beats_the_thanks_for_applying_acknowledgement() -> None:
    c = run(INFORMAL_INVITATIONS["booked an intro call after an application"])
    assert "text: application acknowledgement" not in c.reasons
    assert "text: meeting booked" in c.reasons


INFORMAL_RESCHEDULES = {
    "reply in an intro-call thread, no role named": eml(
        "Tom Kay <tom@emberfield.io>",
        "Re: Emberfield - intro call",
        "Hi Sam,\n\nSomething came up - I've had to move our call from today at 2pm to\ntomorrow, "
        "Tuesday, 2:00-2:30pm. Same link.\n\nTom",
        in_reply_to="<emberfield-1@emberfield.io>",
    ),
    "push back our chat": eml(
        "Rae <rae@cinderworks.com>",
        "Data Engineer role",
        "Hi Sam, apologies - we need to push back our chat about the Data Engineer role to Thursday "
        "12 March at 3pm.",
    ),
    "asks to shift tomorrow's call": eml(
        "Rae <rae@cinderworks.com>",
        "Platform Engineer position",
        "Hi Sam, could we shift tomorrow's video call for the Platform Engineer position to Friday at 10am?",
    ),
    "going to have to bump the catch-up": eml(
        "Lee Park <lee@harrowgate.io>",
        "Re: SRE role",
        "Sam - I'm going to have to bump our catch-up about the SRE role to next Tuesday at 9am, sorry!",
        in_reply_to="<sam-9@mailbox.test>",
    ),
}


@pytest.mark.parametrize("name", sorted(INFORMAL_RESCHEDULES))
def test_informal_reschedules(name: str) -> None:
    c = run(INFORMAL_RESCHEDULES[name])
    assert c.category is Category.RESCHEDULE, c.reasons


INFORMAL_NEGATIVES = {
    "personal coffee chat with a time": eml(
        "Riley <riley.h@gmail.com>",
        "coffee chat Thursday at 4?",
        "hey! are you free for a coffee chat thursday at 4? I've booked us a table at Ostara. "
        "also good luck with the interview tomorrow!",
    ),
    "friend moves a call, free mail": eml(
        "Alex <alex.friend@gmail.com>",
        "Re: call",
        "can we move our call to tomorrow at 6pm? something came up",
        in_reply_to="<sam-7@mailbox.test>",
    ),
    "friend at a company moves a call, no hiring context": eml(
        "Priya <priya@northwind-analytics.com>",
        "Re: our call",
        "Hi Sam, I've had to move our call from today at 2pm to tomorrow at 2pm - sorry!",
        in_reply_to="<sam-8@mailbox.test>",
    ),
    "friend at a company books a catch-up and mentions an interview": eml(
        "Priya <priya@northwind-analytics.com>",
        "catch-up",
        "Hi Sam, I've booked us in for a catch-up call on Thursday at 4pm. Good luck with the Acme "
        "interview tomorrow!",
    ),
    "colleague books a call about hiring at the user's own company": eml(
        "Boss <boss@mailbox.test>",
        "Hiring plan",
        "I've booked us in for a call on Thursday at 10am to go through the open Data Engineer role.",
    ),
    "medical video consultation": eml(
        "Lakeside Clinic <bookings@lakeside-clinic.example.net>",
        "Your video consultation",
        "Your video call with Dr. Ruiz is booked for Thursday 12 March at 10:30am. Call us to reschedule.",
    ),
    "webinar about intro calls": eml(
        "CareerCraft <events@careercraft.example.net>",
        "Free webinar: nail your intro call with recruiters",
        "Join our free webinar on Thursday 12 March at 6pm: how to handle a 30 minute intro call for any "
        "role. Save your seat.",
        headers={"List-Unsubscribe": "<https://careercraft.example.net/u>"},
    ),
    "assessment with a deadline, then a call": eml(
        "Acme via CodeSignal <noreply@codesignal.com>",
        "Acme coding challenge",
        "Hi Sam, as part of your application for the Backend role, please complete the coding challenge by "
        "Friday 13 March at 11:59pm. After that we'll set up a call on Monday 16 March at 10am.",
    ),
    "acknowledgement describing a future call": eml(
        "Acme Careers <no-reply@greenhouse.io>",
        "Thanks for applying",
        "Thanks for applying for the Data Analyst role. If you're shortlisted, we'll book a call with you. "
        "Our recruiters review applications every Monday at 9am.",
    ),
    "newsletter with example call times": eml(
        "The Shortlist <hello@shortlist.example.net>",
        "Your intro call this week",
        "If your intro call for a new role is Tuesday at 2pm, send a note by 5pm. A 30 minute chat on "
        "Thursday at 10am leaves little room.",
        headers={"List-Unsubscribe": "<https://shortlist.example.net/u>"},
    ),
    "career fair meet the team": eml(
        "City Careers <events@citycareers.example.org>",
        "Meet the team: spring hiring event",
        "Meet the team at our booth on Thursday 19 March at 2pm - we're hiring for 20 roles.",
        headers={"List-Id": "<events.citycareers.example.org>"},
    ),
}


@pytest.mark.parametrize("name", sorted(INFORMAL_NEGATIVES))
def test_informal_negatives_are_other(name: str) -> None:
    c = run(INFORMAL_NEGATIVES[name])
    assert c.category is Category.OTHER, c.reasons


@pytest.mark.parametrize(
    "body",
    [
        "Thanks for your time yesterday. The hiring team is meeting on Friday at 3pm to make a decision.",
        "Thanks for your time on the Data role. The panel has a meeting on Friday at 3pm to make a decision.",
        "Thanks again for the chat about the Data role - it was great to hear about your work. I'll have "
        "feedback for you after our team meeting on Friday at 3pm.",
        "Friday works for us for the references for the Data role. Thanks for the call on Tuesday at 2pm.",
    ],
)
def test_reply_about_the_employers_own_meeting_is_an_employer_reply(body: str) -> None:
    c = run(eml("Rae <rae@cinderworks.com>", "Re: Thanks", body, in_reply_to="<sam-5@mailbox.test>"))
    assert c.category is Category.EMPLOYER_REPLY, c.reasons


R = "Rae <rae@cinderworks.com>"
QUOTE_AHEAD = "\n\nOn Mon, Mar 9, 2026 at 9:00 AM Sam wrote:\n> Thursday 12 March at 2pm works for me for the call.\n"
QUOTE_PAST = "\n\nOn Mon, Mar 9, 2026 at 9:00 AM Sam wrote:\n> Thanks for this morning's 9:00 am interview.\n"


@pytest.mark.parametrize(
    ("subject", "body", "reply", "expected"),
    [
        ("Senior Analyst role", "Hi Sam, are you around for a quick chat tomorrow afternoon about the Senior "
         "Analyst role?", False, Category.INVITATION),
        ("Backend role", "Thanks for applying for the Backend role. How about a Zoom on Tuesday 10 March at 11am?",
         False, Category.INVITATION),
        ("Backend role", "Thanks for applying for the Backend role. I'd love to grab 30 minutes with you on "
         "Friday at 10am.", False, Category.INVITATION),
        ("Re: Backend role", "Perfect, see you then! I'll send a Teams invite shortly." + QUOTE_AHEAD, True,
         Category.INVITATION),
        ("Re: Backend role", "Great - let's do Thursday at 3pm then. I'll send a Meet link.", True,
         Category.INVITATION),
        ("Backend Engineer role", "Hi Sam, here are a few times for a chat with our CTO - let me know what "
         "works:\n\nMon 16 March 10:00\nTue 17 March 15:00\n", False, Category.INVITATION),
        ("Re: Backend role", "Hi Sam, our call tomorrow will now be at 3pm instead of 2pm.", True,
         Category.RESCHEDULE),
        ("Re: Backend role", "Would you mind if we moved our chat to Thursday 12 March at 4pm?", True,
         Category.RESCHEDULE),
        ("Re: Backend role", "Sorry Sam, we have to call off our chat tomorrow - the role is on hold.", True,
         Category.CANCELLATION),
        # the time in the thread is the past interview: nothing is being fixed
        ("Re: Thanks - Backend role", "Confirmed, we have your references. We'll be in touch next week."
         + QUOTE_PAST, True, Category.EMPLOYER_REPLY),
        ("Re: Backend role", "Sounds good Sam, Friday at 5pm would be fine for the references.", True,
         Category.EMPLOYER_REPLY),
    ],
)
def test_informal_wordings(subject: str, body: str, reply: bool, expected: Category) -> None:
    c = run(eml(R, subject, body, in_reply_to="<sam-11@mailbox.test>" if reply else None))
    assert c.category is expected, c.reasons


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        ("Priya <priya@northwind-analytics.com>", "catch up",
         "A quick call Thursday at 4 to hear about your new role? Congrats on the new job!"),
        ("Acme CRM <hello@acmecrm.example.com>", "Welcome to Acme CRM",
         "Thanks for signing up! I've booked us in for a 30 minute onboarding call on Thursday at 2pm."),
        ("Recruit Co <events@recruitco.example.com>", "Coffee chat with our hiring team",
         "Join our hiring team for a virtual coffee chat on Thursday 12 March at 6pm. Save your seat: https://x"),
    ],
)
def test_meetings_that_are_not_about_the_users_candidacy(sender: str, subject: str, body: str) -> None:
    c = run(eml(sender, subject, body))
    assert c.category is Category.OTHER, c.reasons


# --- signatures without a "-- " delimiter, and passing mentions of events ---------------------

_PROMO_SIGNATURES = {
    "sign-off, name, promo line and a legal notice": (
        "Talk soon,\n\nGreta Lindqvist, PHR\nSenior Recruiter | Harrow Valley Hospitals\n"
        "Main (303) 555-0110\nMeet our nursing leaders at our Spring Hiring Event - Saturday, March 21, "
        "10 a.m. to 2 p.m.\n\nCONFIDENTIALITY NOTICE: This message and any attachments are for the named "
        "recipient only and may hold privileged information. If you received it in error, delete it."
    ),
    "name on the sign-off line and a webinar plug": (
        "Best, Omar\nOmar Haddad\nTalent Acquisition, Quarry Lane Logistics\n"
        "Catch our careers webinar on March 26 - register here: https://quarrylane.example/live"
    ),
    "regards, then a newsletter plug": (
        "Regards,\nPia Moreau\nRecruiting Lead | Saltmarsh Bank\n"
        "Get our monthly careers newsletter: saltmarsh.example/news"
    ),
    "cheers and a job-fair plug under the title": (
        "Cheers,\n\nLeo\n\nLeo Brandt\nTechnical Recruiter, Kiteline Robotics\n"
        "Find us at the Denver Tech Career Fair, booth 14!"
    ),
}


@pytest.mark.parametrize("name", sorted(_PROMO_SIGNATURES))
def test_promo_or_legal_lines_in_a_signature_do_not_veto_an_invitation(name: str) -> None:
    body = (
        "Hi Sam,\n\nThank you for applying for the Logistics Analyst position. I'd like to set up a "
        "20-minute phone screen, and I have you down for Thursday, March 12 at 2:30 p.m. ET. I will "
        "call you at the number on your application.\n\nIf that time no longer works, just reply.\n\n"
        f"{_PROMO_SIGNATURES[name]}\n"
    )
    c = run(eml("Recruiter <recruiter@harrowvalley.org>", "Phone screen - Logistics Analyst", body))
    assert c.category is Category.INVITATION, c.reasons
    assert not any("registration" in r or "newsletter" in r or "fair" in r for r in c.reasons)


def test_a_time_set_in_person_outweighs_one_passing_event_mention() -> None:
    c = run(
        eml(
            "Ines Moretti <ines@bramblecourt.com>",
            "Bramble Court - Data Engineer",
            "Hi Sam,\n\nThanks for your interest in the Data Engineer role. I've got you down for "
            "Wednesday, March 11 at 11:00 a.m. CT for a call with our hiring manager.\n\nBy the way, we're "
            "also holding a hiring event at our Austin office next month in case friends of yours are "
            "looking.\n\nInes\n",
        )
    )
    assert c.category is Category.INVITATION, c.reasons
    assert any("only in passing" in r for r in c.reasons), c.reasons


def test_a_postscript_after_the_signature_is_still_read() -> None:
    c = run(
        eml(
            "Marta Ruiz <marta@tallgrass.io>",
            "Tallgrass: Support Engineer role",
            "Hi Sam,\n\nThanks for sending your portfolio over for the Support Engineer role.\n\nBest,\n"
            "Marta\nRecruiter | Tallgrass\n\nP.S. I've booked you for a phone screen with our support lead on "
            "Friday, March 13 at 9:30am PT.\n",
        )
    )
    assert c.category is Category.INVITATION, c.reasons


_EVENT_NOTICES = {
    "webinar whose body says register now": eml(
        "Kestrel Careers <careers@kestrelworks.com>",
        "Inside Kestrel: engineering careers",
        "Hi Sam,\n\nJoin our engineering managers on Thursday, March 12 at 1pm ET for a live webinar "
        "about our open roles and what our interviews look like. Register now - seats are limited.\n\n"
        "Best,\nThe Kestrel Talent Team\n",
    ),
    "newsletter with a sign-off": eml(
        "Interview Weekly <hello@interviewweekly.example>",
        "Five phone screen mistakes",
        "Hi Sam,\n\nIn this week's newsletter: how recruiters run a phone screen, and why your interview "
        "on Thursday at 10am should start with a question.\n\nCheers,\nAbby\nEditor, Interview Weekly\n",
    ),
    "registration stated first, coach call later": eml(
        "Interview Prep Live <coach@prepsession.example>",
        "Your interview practice session",
        "Hi Sam,\n\nYour registration for Interview Prep Live is complete. Your coach will call you on "
        "Thursday, March 12 at 1pm ET to run a mock recruiter screen for the analyst roles you "
        "applied to.\n",
    ),
    "passing mention in bulk mail": eml(
        "Harbor Recruiting <jobs@harbor.example>",
        "Your interview for the Analyst role",
        "Hi Sam,\n\nI have you down for Thursday, March 12 at 2pm ET. Also: our hiring event is on "
        "March 28.\n",
        headers={"List-Unsubscribe": "<mailto:unsub@harbor.example>"},
    ),
    "event named in the subject": eml(
        "Ada Fox <ada@stonebay.example>",
        "Stone Bay hiring event - your slot",
        "Hi Sam,\n\nThanks for applying to the Barista position. I have you down for Saturday, March 14 "
        "at 10:15am at the Main Street store.\n",
    ),
}


@pytest.mark.parametrize("name", sorted(_EVENT_NOTICES))
def test_event_and_newsletter_mail_stays_other(name: str) -> None:
    c = run(_EVENT_NOTICES[name])
    assert c.category is Category.OTHER, c.reasons


# --- "I'll call you": a call at a set time, or only a promise of news --------------------------

_QUOTED_THREAD = (
    "\n\nOn Mon, Mar 9, 2026 at 8:02 AM Sam Candidate <sam.candidate@mailbox.test> wrote:\n"
    "> Hi, just checking in after last week's interview for the Analyst role. Any news?\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "I'll call you tomorrow at 3pm to discuss next steps.",
        "I'll give you a ring on Thursday at 11:30 to walk you through the next stage.",
        "We will call you at the number on your application on Friday morning to go over the role.",
    ],
)
def test_a_call_at_a_set_time_is_an_invitation(line: str) -> None:
    c = run(
        eml(
            "Rachel Ng <rachel@fieldstone-talent.com>",
            "Re: Analyst role - any news?",
            f"Hi Sam,\n\nThanks for checking in. {line}\n\nRachel{_QUOTED_THREAD}",
            in_reply_to="<sam-2@mailbox.test>",
        )
    )
    assert c.category is Category.INVITATION, c.reasons


@pytest.mark.parametrize(
    "line",
    [
        "I'll call you as soon as I hear anything.",
        "I'll give you a call once the panel has made their decision.",
        "I will call you with their feedback early next week.",
        "They expect to decide by Friday, March 13 and I'll call you when I hear back.",
        "We'll call you later to catch up.",
        "As soon as I hear from the client I'll set up a call with you.",
        "When the team has decided, I'll arrange a call to walk you through their feedback.",
        "I'd love to chat with you again sometime.",
    ],
)
def test_a_promise_to_call_with_news_is_an_employer_reply(line: str) -> None:
    c = run(
        eml(
            "Rachel Ng <rachel@fieldstone-talent.com>",
            "Re: Analyst role - any news?",
            f"Hi Sam,\n\nThanks for checking in! The client enjoyed meeting you. {line}\n\nRachel{_QUOTED_THREAD}",
            in_reply_to="<sam-2@mailbox.test>",
        )
    )
    assert c.category is Category.EMPLOYER_REPLY, c.reasons


@pytest.mark.parametrize(
    "line",
    [
        # put off for logistics, not waiting on an outcome: a meeting is still being arranged
        "Good news: you're through to the final round, and our coordinator will reach out to schedule your onsite.",
        "I'd like to set up a call once you've sent your availability.",
        "Let me know when you're free for a quick call with the hiring manager.",
        "I'll set up a call for Thursday at 2pm once the hiring manager confirms.",
    ],
)
def test_a_meeting_arranged_without_a_set_time_is_still_an_invitation(line: str) -> None:
    c = run(
        eml(
            "Rachel Ng <rachel@fieldstone-talent.com>",
            "Re: Analyst role - any news?",
            f"Hi Sam,\n\nThanks for checking in. {line}\n\nRachel{_QUOTED_THREAD}",
            in_reply_to="<sam-2@mailbox.test>",
        )
    )
    assert c.category is Category.INVITATION, c.reasons


# --- a passing mention of alerts, events or newsletters against a decision said in person ------

_LEGAL_PROSE = (
    "Larkspur Search Ltd is acting as an employment agency in relation to this vacancy. Registered in "
    "England & Wales No. 07654321. This email and any attachments are confidential; if you have "
    "received it in error please notify the sender and delete it."
)
_PROMO_SIGN_OFF = (
    "Best,\nMira\n\nMira Okafor\nPrincipal Consultant | Larkspur Search\nM: +44 7700 900 555\n"
    "\U0001f4c5 Join our next webinar: \"Contract or perm?\" on Thursday 26 March, 12:30 GMT. "
    "Register: larkspursearch.example/events\n\n" + _LEGAL_PROSE + "\n"
)

_DECISIONS_WITH_A_PASSING_MENTION = {
    "rejection, then job alerts on the careers site": (
        "Update on your application - Data Analyst",
        "Dear Sam,\n\nThank you for visiting us on Tuesday. We have decided not to progress your application "
        "for the Data Analyst role any further.\n\nYou can set up job alerts on our careers site, and your "
        "profile stays active for a year.\n\nWith best wishes,\n\nWestmoor Talent Acquisition\n",
        Category.REJECTION,
    ),
    "rejection naming other candidates, a careers fair first": (
        "Your candidacy at Westmoor",
        "Hi Sam,\n\nIt was good to meet you at the Leeds careers fair in February. After the panel we have "
        "decided to move forward with other candidates whose experience is closer to what the team "
        "needs.\n\nKind regards,\nPriya\n",
        Category.REJECTION,
    ),
    "unsuccessful application, newsletter in a P.S.": (
        "Backend Engineer - outcome",
        "Hi Sam,\n\nI'm sorry to say your application for the Backend Engineer position was unsuccessful "
        "this time.\n\nP.S. Our engineering newsletter is a good way to hear when the team hires again.\n",
        Category.REJECTION,
    ),
    "offer, then a hiring event for friends": (
        "Good news from Westmoor",
        "Hi Sam,\n\nI'm delighted to offer you the Data Analyst position! The formal offer letter will "
        "follow from HR tomorrow.\n\nIf you have friends looking, we're also holding a hiring event at our "
        "Leeds office next month.\n\nBest,\nPriya\n",
        Category.OFFER,
    ),
    "offer with a promo line and a prose legal footer in the signature": (
        "Offer - Lead Analyst, Ardent Capital",
        "Hi Sam,\n\nArdent Capital would like to offer you the Lead Analyst role! Congratulations. They'd "
        f"like a decision by Friday 20 March.\n\n{_PROMO_SIGN_OFF}",
        Category.OFFER,
    ),
    "rejection with a promo line and a prose legal footer in the signature": (
        "Ardent Capital - Lead Analyst",
        "Hi Sam,\n\nI'm afraid Ardent Capital have chosen to proceed with another candidate for the Lead "
        f"Analyst role.\n\n{_PROMO_SIGN_OFF}",
        Category.REJECTION,
    ),
    "invitation forwarded by an agency, promo in the signature, marker at the end": (
        "Fwd: Final interview - Lead Analyst",
        "Hi Sam,\n\nGreat news: Ardent have invited you to the final interview for the Lead Analyst role "
        "on Monday 16 March at 11:00 GMT. Their note is below.\n\n"
        f"{_PROMO_SIGN_OFF}\n---------- Forwarded message ---------\nFrom: Ardent Talent "
        "<talent@ardentcapital.example>\nDate: Mon, 9 Mar 2026 at 10:41\nSubject: Final interview\nTo: Mira "
        "Okafor <mira@larkspursearch.example>\n\nDear Mira,\n\nWe would like to invite Sam to the final "
        "interview.\n",
        Category.INVITATION,
    ),
}


@pytest.mark.parametrize("name", sorted(_DECISIONS_WITH_A_PASSING_MENTION))
def test_a_decision_said_in_person_outweighs_one_passing_mention(name: str) -> None:
    subject, body, expected = _DECISIONS_WITH_A_PASSING_MENTION[name]
    c = run(eml("Priya Shah <priya@westmoor.example>", subject, body))
    assert c.category is expected, c.reasons
    assert not any(r.startswith("text: ") and r.endswith(("job alert", "event registration", "newsletter"))
                   for r in c.reasons), c.reasons


def test_the_passing_mention_set_aside_is_noted() -> None:
    _, body, _ = _DECISIONS_WITH_A_PASSING_MENTION["rejection, then job alerts on the careers site"]
    c = run(eml("Westmoor Careers <westmoor@myworkday.com>", "Update on your application", body))
    assert c.category is Category.REJECTION, c.reasons
    assert "text: job alert only in passing, beside a decision on the candidate's application" in c.reasons


_ALERTS_AND_NEWSLETTERS = {
    "job-alert digest that decided to show new roles": eml(
        "Westmoor Careers <careers@westmoor.example>",
        "12 new roles this week",
        "Hi Sam,\n\nBased on your profile, we've decided to show you new roles in Leeds and York. Set up a "
        "job alert to get these daily.\n\nData Analyst - Leeds\nAnalytics Engineer - York\n",
    ),
    "job-alert digest that decided not to continue something": eml(
        "Westmoor Careers <careers@westmoor.example>",
        "Roles picked for you",
        "Hi Sam,\n\nBased on your feedback, we've decided not to continue showing you contract roles. "
        "Manage your job alerts in your candidate profile.\n\nData Analyst - Leeds\n",
    ),
    "newsletter offering early access, congratulations": eml(
        "Recruiting Weekly <hello@recruitingweekly.example>",
        "Inside hiring: salary bands",
        "Hi Sam,\n\nCongratulations, you've been offered early access to our salary tool for every role you "
        "track. Read the full newsletter on our site.\n",
    ),
    "newsletter delighted to offer early access": eml(
        "Recruiting Weekly <hello@recruitingweekly.example>",
        "Inside hiring: salary bands",
        "Hi Sam,\n\nAs a reader of this newsletter, we're delighted to offer you early access to our salary "
        "tool for hiring teams and job seekers applying to any role.\n",
    ),
    "webinar invite about registering": eml(
        "Westmoor Talent <talent@westmoor.example>",
        "Interview skills for analyst roles",
        "Hi Sam,\n\nWe'd love to see you for our live session on Thursday, March 12 at 1pm GMT, where our "
        "hiring managers walk through the analyst interview. Save your seat: westmoor.example/live\n\n"
        "Best,\nPriya\n",
    ),
    "offer of early access beside a newsletter mention": eml(
        "Recruiting Weekly <hello@recruitingweekly.example>",
        "Your hiring toolkit",
        "Hi Sam,\n\nWe're delighted to offer you early access to our salary tool for any role you track "
        "and the job board that goes with it. The full newsletter is on our site.\n",
    ),
    "webinar regrets in a sentence of its own": eml(
        "Westmoor Talent <talent@westmoor.example>",
        "Update from the Westmoor talent team",
        "Hi Sam,\n\nWe regret to inform you that the role clinic for our analyst vacancies is fully booked. "
        "A recording of the webinar will be shared afterwards.\n",
    ),
    "webinar regrets sharing the sentence": eml(
        "Westmoor Talent <talent@westmoor.example>",
        "Update from the Westmoor talent team",
        "Hi Sam,\n\nWe regret to inform you that our hiring webinar on Thursday is postponed, so we are not "
        "moving forward with your seat for the role clinic.\n",
    ),
    "rejection-like line in bulk mail with a job-alert mention": eml(
        "Westmoor Careers <careers@westmoor.example>",
        "Your application",
        "Hi Sam,\n\nWe have decided not to progress your application for the Data Analyst role. You can set "
        "up job alerts on our careers site.\n",
        headers={"List-Unsubscribe": "<mailto:unsubscribe@westmoor.example>"},
    ),
    "job alert named in the subject": eml(
        "Westmoor Careers <careers@westmoor.example>",
        "Your job alert: Data Analyst",
        "Hi Sam,\n\nThe Data Analyst role you applied to has been filled, but here are similar roles "
        "that match your profile.\n",
    ),
}


@pytest.mark.parametrize("name", sorted(_ALERTS_AND_NEWSLETTERS))
def test_alerts_newsletters_and_webinars_with_decision_words_stay_other(name: str) -> None:
    c = run(_ALERTS_AND_NEWSLETTERS[name])
    assert c.category is Category.OTHER, c.reasons
