"""Issue 14's classification mechanisms, through ``explain``, on mail written for the purpose:
replies and their quotes, decision letters, relays and slot conventions, and mail from people
who are not employers (coaches, mock-interview services, mentors, alumni interviews, media)."""

from __future__ import annotations

import pytest

from daemon.understand.analyze import analyze


def mail(
    sender: str,
    subject: str,
    body: str,
    *,
    reply: bool = False,
    headers: str = "",
    date: str = "Mon, 09 Mar 2026 10:15:00 -0500",
) -> bytes:
    head = (
        f"From: {sender}\r\nTo: Sam Candidate <sam.candidate@mailbox.test>\r\nSubject: {subject}\r\n"
        f"Date: {date}\r\nMessage-ID: <m-{abs(hash(subject))}@test>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
    )
    if reply:
        head += "In-Reply-To: <earlier-1@test>\r\nReferences: <earlier-1@test>\r\n"
    head += headers
    return (head + "\r\n" + body.replace("\n", "\r\n")).encode()


def category(raw: bytes) -> tuple[str, tuple[str, ...]]:
    c = analyze(raw).classification
    return c.category.value, c.reasons


# --- 5. replies ------------------------------------------------------------------------------

PROPOSAL = (
    "> On Fri, Mar 6, 2026 at 4:02 PM Sam Candidate <sam.candidate@mailbox.test> wrote:\n"
    "> Thanks Noor! Monday 9.30 or Tuesday 2pm would both suit me.\n"
    ">\n"
    ">> On Fri, Mar 6, 2026 at 1:10 PM Noor Haddad <noor@quillwork.example> wrote:\n"
    ">> Hi Sam, the hiring manager for the Platform Engineer role would like a 30 minute\n"
    ">> call with you early next week. When are you free?\n"
)


def test_short_phone_reply_confirming_a_proposed_time_is_an_invitation() -> None:
    raw = mail(
        "Noor Haddad <noor@quillwork.example>",
        "Re: Platform Engineer - quick call",
        "Yes, 9.30 Monday is perfect. Talk then!\n\nSent from my phone\n\n" + PROPOSAL,
        reply=True,
    )
    cat, reasons = category(raw)
    assert cat == "invitation", reasons


def test_reply_asking_a_question_about_a_scheduled_interview_is_an_employer_reply() -> None:
    raw = mail(
        "Noor Haddad <noor@quillwork.example>",
        "Re: Interview confirmed - Platform Engineer, Thursday 12 March",
        "Hi Sam,\n\nQuick question before Thursday: will you be joining from home, or would you like us "
        "to book a visitor pass for the office?\n\nNoor\n\n"
        "> On Mon, Mar 9, 2026 at 8:00 AM Noor Haddad <noor@quillwork.example> wrote:\n"
        "> Your interview is confirmed for Thursday 12 March at 2pm with Ravi and Ines.\n",
        reply=True,
    )
    cat, reasons = category(raw)
    assert cat == "employer_reply", reasons


def test_reschedule_quoting_the_old_time_is_a_reschedule() -> None:
    raw = mail(
        "Noor Haddad <noor@quillwork.example>",
        "Re: Interview confirmed - Platform Engineer, Thursday 12 March",
        "Hi Sam,\n\nSorry for the shuffle: Ravi is travelling, so your interview has been moved to\n"
        "Friday 13 March at 11am. Same video link as before.\n\nNoor\n\n"
        "> On Mon, Mar 9, 2026 at 8:00 AM Noor Haddad <noor@quillwork.example> wrote:\n"
        "> Your interview is confirmed for Thursday 12 March at 2pm with Ravi and Ines.\n",
        reply=True,
    )
    cat, reasons = category(raw)
    assert cat == "reschedule", reasons


def test_rejection_in_the_new_text_outweighs_scheduling_in_the_quote() -> None:
    raw = mail(
        "Noor Haddad <noor@quillwork.example>",
        "Re: Final round - Thursday 12 March, 10:00",
        "Hi Sam,\n\nThank you for the time you gave us on Thursday. The panel enjoyed meeting you and\n"
        "we were genuinely impressed by your design session. However, after a long debate we have\n"
        "decided to move forward with another candidate whose background is closer to the team's needs.\n\n"
        "Noor\n\n"
        "> On Mon, Mar 9, 2026 at 8:00 AM Noor Haddad <noor@quillwork.example> wrote:\n"
        "> Your final round is confirmed for Thursday 12 March at 10:00. Please book a slot\n"
        "> with the panel using the scheduling link.\n",
        reply=True,
    )
    cat, reasons = category(raw)
    assert cat == "rejection", reasons


# --- 6. decision letters -----------------------------------------------------------------

@pytest.mark.parametrize(
    "body",
    [
        "Hi Sam,\n\nThe panel was unanimous and we'd like to extend you the Platform Engineer position on\n"
        "the Payments team. I'll call you this afternoon to talk it through.\n\nNoor",
        "Hi Sam,\n\nGreat news! Here is a summary of what we discussed:\n\n"
        "Base salary: $148,000 per year\nSigning bonus: $10,000\nEquity: 4,000 RSUs over four years\n"
        "Start date: Monday 6 April 2026\n\nYou can review and sign your employment agreement through "
        "DocuSign using the link below.\n\nNoor",
        "Hi Sam,\n\nWelcome aboard! Your employment contract is ready for your e-signature:\n"
        "https://sign.quillwork.example/envelope/88e1\n\nYour annual base compensation will be EUR 82,000 "
        "and your start date is 1 May.\n\nNoor",
    ],
)
def test_offers_that_avoid_the_word(body: str) -> None:
    cat, reasons = category(mail("Noor Haddad <noor@quillwork.example>", "Platform Engineer - next steps", body))
    assert cat == "offer", reasons


def test_warm_rejection_after_a_final_round_is_never_an_offer() -> None:
    body = (
        "Hi Sam,\n\nWe were really impressed with you throughout the final round, and we'd love to stay\n"
        "in touch for future roles. However, we have decided to move forward with other candidates for\n"
        "the Platform Engineer position.\n\nNoor"
    )
    cat, reasons = category(mail("Noor Haddad <noor@quillwork.example>", "Your final round at Quillwork", body))
    assert cat == "rejection", reasons


def test_an_invitation_extended_is_not_an_offer() -> None:
    body = (
        "Hi Sam,\n\nWe'd like to extend an invitation to interview for the Platform Engineer position.\n"
        "Could you share your availability for next week?\n\nNoor"
    )
    cat, reasons = category(mail("Noor Haddad <noor@quillwork.example>", "Platform Engineer - next steps", body))
    assert cat == "invitation", reasons


# --- 7. relays and conventions --------------------------------------------------------------

def test_job_board_relay_scheduling_an_interview_for_an_employer_is_an_invitation() -> None:
    body = (
        "Hi Sam,\n\nFernhill Robotics has scheduled an interview with you for Controls Engineer.\n\n"
        "Stage     Round 1 - Technical\nWhen      Tue, 17 Mar 2026, 2:00 PM EST\nLength    45 mins\n\n"
        "Join interview | Ask for another time\n\nGood luck!\nThe Jobnest team\n"
    )
    raw = mail(
        "Jobnest <interviews@jobnest.example>",
        "Interview scheduled: Fernhill Robotics - Controls Engineer",
        body,
        headers="List-Unsubscribe: <https://jobnest.example/unsub>\r\n",
    )
    cat, reasons = category(raw)
    assert cat == "invitation", reasons


def test_ats_schedule_your_interview_link_is_an_invitation() -> None:
    body = (
        "Hi Sam,\n\nThanks for your interest in the Controls Engineer role at Fernhill Robotics. The team\n"
        "would like to meet you! Please use the link below to schedule your interview:\n\n"
        "https://app.scheduling.example/fernhill/abc123\n\nFernhill Robotics Recruiting\n"
    )
    raw = mail(
        "Fernhill Robotics <no-reply@greenhouse.io>",
        "Schedule your interview with Fernhill Robotics",
        body,
        headers="List-Unsubscribe: <https://greenhouse.io/unsub>\r\n",
    )
    cat, reasons = category(raw)
    assert cat == "invitation", reasons


def test_labelled_slot_card_in_day_month_convention_is_an_invitation() -> None:
    body = (
        "Dear Candidate,\n\nFurther to your telephonic round, please find the details of your next round\n"
        "with our client Tamarind Data.\n\n"
        "Role      : Analytics Engineer\nRound     : Technical (in person)\nDate      : 21-Mar-2026 (Saturday)\n"
        "Time      : 11:00 AM\nVenue     : 4th Floor, Lakeview Park, Pune\n\nKindly acknowledge.\n\n"
        "Regards,\nAnil\nBrightpath Consultants\n"
    )
    raw = mail("Anil Rao <anil@brightpath.example>", "Next round details - Tamarind Data", body)
    cat, reasons = category(raw)
    assert cat == "invitation", reasons


# --- 8. not employers -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        (
            "Dana at Offerready <dana@offerready.example>",
            "Your mock interview is booked",
            "Hi Sam,\n\nYour mock interview (system design, 60 min) is confirmed for Thursday 12 March at\n"
            "6pm. Your coach will send a Zoom link. Receipt: $89.00 paid by card.\n\nOfferready",
        ),
        (
            "Lena Fox <lena@foxcareercoaching.example>",
            "Coaching session: interview prep for your Platform Engineer applications",
            "Hi Sam,\n\nLooking forward to our coaching session on Wednesday 11 March at 5pm. We'll run\n"
            "through behavioural questions for the interviews you have coming up.\n\nLena",
        ),
        (
            "Marcus Bell <marcus.bell@gmail.com>",
            "Mentoring chat about your job search",
            "Hi Sam,\n\nHappy to be your mentor through the programme. Would Thursday at 5pm work for a\n"
            "call about your job search and the roles you are applying to?\n\nMarcus",
        ),
        (
            "Alumni Office <alumni@northvale.example>",
            "Your alumni interview assignment",
            "Dear Sam,\n\nThank you for volunteering. You have been matched with a prospective student;\n"
            "please hold the applicant interview on Saturday 14 March at 10am at the campus cafe and\n"
            "submit your report afterwards.\n\nNorthvale Admissions",
        ),
        (
            "Priya Shah <priya@buildlogpodcast.example>",
            "Interview request: Build Log podcast",
            "Hi Sam,\n\nWe'd love to interview you for an episode of the Build Log podcast about your open\n"
            "source work. Are you available on Tuesday 17 March at 1pm to record?\n\nPriya",
        ),
        (
            "Tom Reyes <t.reyes@riversideledger.example>",
            "Interview for an article on hiring in tech",
            "Hi Sam,\n\nI'm a reporter at the Riverside Ledger writing a piece on how engineers job hunt\n"
            "in 2026. Could I interview you on Thursday at 11am? It would take about 20 minutes.\n\nTom",
        ),
    ],
)
def test_not_employers_are_other(sender: str, subject: str, body: str) -> None:
    cat, reasons = category(mail(sender, subject, body))
    assert cat == "other", reasons


def test_employer_mentioning_interview_preparation_is_still_an_invitation() -> None:
    body = (
        "Hi Sam,\n\nYour interview with the Platform team is confirmed for Thursday 12 March at 2pm.\n"
        "Our interview preparation guide is attached.\n\nNoor, Recruiting"
    )
    cat, reasons = category(mail("Noor Haddad <noor@quillwork.example>", "Interview confirmed", body))
    assert cat == "invitation", reasons


def test_interviewer_answering_a_thank_you_note_is_an_employer_reply() -> None:
    raw = mail(
        "Ines Moreau <ines@quillwork.example>",
        "Re: Thanks for today",
        "Hi Sam,\n\nThat's kind of you, I enjoyed it too. I've passed my feedback on to the team\n"
        "and Noor will be in touch about next steps.\n\nInes\n\n"
        "> On Mon, Mar 9, 2026 at 5:00 PM Sam Candidate <sam.candidate@mailbox.test> wrote:\n"
        "> Thank you for this afternoon's conversation, I really enjoyed it.\n",
        reply=True,
    )
    cat, reasons = category(raw)
    assert cat == "employer_reply", reasons


def test_consular_visa_interview_is_other() -> None:
    body = (
        "APPOINTMENT CONFIRMATION\n\nYour visa interview appointment has been scheduled for Thursday\n"
        "19 March 2026 at 08:45. Bring your passport and two photographs.\n"
    )
    cat, reasons = category(mail("Appointments <noreply@visa-desk.example>", "Visa interview confirmation", body))
    assert cat == "other", reasons


def test_scheduler_booking_a_mock_interview_with_words_between_is_other() -> None:
    body = "You're booked with Lena Fox.\n\nMock Backend Interview (45 min)\nFriday, March 13, 2026 at 6:00 PM\n"
    cat, reasons = category(mail("Bookings <notify@slotly.example>", "Confirmed: Mock Backend Interview", body))
    assert cat == "other", reasons


def test_e_signature_envelope_for_an_employment_agreement_is_an_offer() -> None:
    body = (
        "Noor Haddad sent you a document to review and sign.\n\nHi Sam, please review and sign your employment\n"
        "agreement for the Platform Engineer position by March 20.\n"
    )
    cat, reasons = category(mail("Noor Haddad via Signly <sign@signly.example>", "Please sign: agreement.pdf", body))
    assert cat == "offer", reasons
