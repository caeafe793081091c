"""Issue 14's classification mechanisms, through ``explain``, on mail written for the purpose:
replies and their quotes, decision letters, relays and slot conventions, and mail from people
who are not employers (coaches, mock-interview services, mentors, alumni interviews, media)."""

from __future__ import annotations

from typing import Any

import mailmaker
import pytest
from mailmaker import category


def mail(sender: str, subject: str, body: str, **kw: Any) -> bytes:
    return mailmaker.mail(sender, subject, body, **{"date": "Mon, 09 Mar 2026 10:15:00 -0500", **kw})


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


# --- issue 14, replies and remaining classes: one test per mechanism, own wording ------------

OUTLOOK_PROPOSAL = (
    "________________________________\n"
    "From: Sam Candidate <sam.candidate@mailbox.test>\n"
    "Sent: Friday, March 6, 2026 5:10 PM\n"
    "To: Ilse Marsh <ilse@brackenfold.example>\n"
    "Subject: Re: Brackenfold - intro chat\n\n"
    "Hi Ilse, Wednesday the 11th any time after lunch is good for me.\n"
)


@pytest.mark.parametrize(
    "new_text",
    [
        "Lovely - Wednesday 11 March at 14:00 it is! Invite with the video link is on its way.",
        "Wednesday at 2pm works great, see you then. I'll send a Teams link in a bit.",
        "Hi Sam, Paolo can do Wednesday at 2pm for 30 min, I told him that works for your afternoon.",
    ],
)
def test_reply_confirming_a_slot_in_a_thread_about_a_chat_is_an_invitation(new_text: str) -> None:
    raw = mail("Ilse Marsh <ilse@brackenfold.example>", "RE: Brackenfold - intro chat",
               f"{new_text}\n\nGet Outlook for iOS\n{OUTLOOK_PROPOSAL}", reply=True)
    cat, reasons = category(raw)
    assert cat == "invitation", reasons


def test_reply_pointing_at_an_existing_calendar_hold_is_not_a_confirmation() -> None:
    raw = mail("Ilse Marsh <ilse@brackenfold.example>", "RE: Interview Invitation - Platform Engineer",
               "Hi Sam, could you confirm your mobile number before Wednesday? The video link is in the "
               "calendar hold I sent on Monday.\n\nIlse\n" + OUTLOOK_PROPOSAL, reply=True)
    cat, reasons = category(raw)
    assert cat == "employer_reply", reasons


def test_reply_moving_the_call_in_other_words_is_a_reschedule() -> None:
    raw = mail("Ilse Marsh <ilse@brackenfold.example>", "RE: Brackenfold - Platform Engineer",
               "Morning Sam - Paolo is stuck in a budget review at 2. He's moved your call to 4pm today, "
               "same dial-in. Apologies!\n" + OUTLOOK_PROPOSAL, reply=True)
    cat, reasons = category(raw)
    assert cat == "reschedule", reasons


def test_reply_with_a_rewritten_subject_is_read_by_its_subject_too() -> None:
    raw = mail("Ines Vogt <ines.vogt@hafenlicht.example>", "Terminverschiebung: Ihr Interview am 12.05.2026",
               "Sehr geehrter Herr Candidate,\nleider müssen wir Ihr Gespräch verschieben.\n"
               "Neuer Termin: Mittwoch, 13.05.2026, 10:00 Uhr\nMit freundlichen Grüßen\nInes Vogt", reply=True)
    cat, reasons = category(raw)
    assert cat == "reschedule", reasons


def test_reply_relaying_a_cancellation_is_a_cancellation() -> None:
    raw = mail("Rory Quint <rory@talentbridge.example>", "Re: Fwd: Interview - Data Engineer",
               "Hi Sam,\nsorry to say the client has asked me to cancel Friday's interview; the budget was pulled.\n"
               "Rory", reply=True)
    cat, reasons = category(raw)
    assert cat == "cancellation", reasons


def test_friends_free_mail_reply_about_a_referral_is_other() -> None:
    raw = mail("Bea Lund <bea.lund.1990@gmail.com>", "Re: referral at Orchardly?",
               "All done, I put your name in for the analytics role yesterday. Their recruiter is lovely.\n"
               "Pizza on Friday at 7? I'll tell you what the team is like.\nB\n\n"
               "> On Sun, Mar 8, 2026 Sam Candidate <sam.candidate@mailbox.test> wrote:\n> Would you refer me?",
               reply=True)
    cat, reasons = category(raw)
    assert cat == "other", reasons


def test_thanks_after_an_onsite_with_a_debrief_is_not_interviewer_side() -> None:
    raw = mail("Mira Holt <mira@copperlane.example>", "Re: Thank you",
               "Hi Sam,\nthank you for spending Tuesday with us. We hold the debrief tomorrow and I'll come "
               "back to you by Friday.\nMira\n\n> Thanks for a great day, Mira!", reply=True)
    cat, reasons = category(raw)
    assert cat == "employer_reply", reasons


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Update on your application", "We've reviewed your application for Platform Engineer and unfortunately we "
         "won't be moving forward at this time.\nThe Hiring Team"),
        ("Platform Engineer", "Hi Sam, I wanted to tell you myself. We've decided to go with a candidate who has more "
         "payments experience. I'd love to stay in touch.\nTheo"),
        ("RE: Final round - Thursday 12 March", "Hi Sam, after the onsite the team decided to extend an offer to "
         "another candidate. Thank you for your time.\nTheo"),
        ("Ihre Bewerbung", "Hallo Sam,\nleider haben wir uns für eine andere Kandidatin entschieden.\nViele Grüße"),
    ],
)
def test_decision_letters_in_other_words_are_rejections(subject: str, body: str) -> None:
    cat, reasons = category(mail("Theo Park <theo@copperlane.example>", subject, body))
    assert cat == "rejection", reasons


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        ("Adobe Sign <echosign@echosign.example>", 'Signature requested on "Employment Agreement - S. Candidate"',
         "Copperlane has sent you Employment Agreement - S. Candidate to sign.\nReview and sign: https://x.example/s"),
        ("Copperlane <copperlane@myworkday.com>", "Action Required: Review your offer - Platform Engineer",
         "You have a new task: review and accept your offer in Workday."),
        ("Theo Park <theo@copperlane.example>", "Welcome?",
         "Hi Sam, we'd love for you to join Copperlane as our Platform Engineer!\n  - Gross salary: 90,000 EUR\n"
         "  - Start: 1 June 2026\nThe contract is attached."),
    ],
)
def test_offers_in_envelopes_tasks_and_other_words_are_offers(sender: str, subject: str, body: str) -> None:
    cat, reasons = category(mail(sender, subject, body))
    assert cat == "offer", reasons


def test_french_invitation_is_an_invitation() -> None:
    raw = mail("Claire Morel <claire@ateliernoir.example>", "Convocation à un entretien - Développeur Backend",
               "Bonjour Sam,\nSuite à votre candidature au poste de Développeur Backend, nous avons le plaisir de "
               "vous convier à un premier entretien le jeudi 12 mars 2026 à 15h00.\nBien cordialement,\nClaire")
    cat, reasons = category(raw)
    assert cat == "invitation", reasons


def test_interview_set_out_below_a_colon_is_an_invitation() -> None:
    raw = mail("Ola Berg <ola@fjordlight.example>", "Platform Engineer - next steps",
               "Hi Sam,\nas promised, here are the details for your first interview:\n"
               "Thursday 12 March, 3pm\n45 minutes on Zoom with Ana, Engineering Manager\nOla")
    cat, reasons = category(raw)
    assert cat == "invitation", reasons


def test_recruiter_asking_for_windows_is_an_invitation_without_a_time() -> None:
    raw = mail("Kit Rowe <kit@hirewell-agency.example>", "Platform Engineer at Orchardly",
               "Hi Sam, I put you forward for the Platform Engineer role and the hiring manager wants to talk. "
               "Can you send me 2-3 windows that work for a 30-minute call this week?\nKit")
    cat, reasons = category(raw)
    assert cat == "invitation", reasons


def test_user_research_interview_in_bulk_mail_is_other() -> None:
    raw = mail("Research <research@gadgetapp.example>", "Can we interview you? ($50 thank-you)",
               "Hi Sam, we'd love to interview you about your experience with the app. It's a 30-minute video "
               "chat; we'll send a $50 gift card afterwards. Pick a time: https://gadgetapp.example/book\n",
               headers="List-Unsubscribe: <https://gadgetapp.example/u>\r\n")
    cat, reasons = category(raw)
    assert cat == "other", reasons


def test_calendar_cancel_of_a_call_with_a_company_is_a_cancellation() -> None:
    ics = ("BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:x1@test\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\n"
           "DTSTART:20260312T150000Z\r\nDTEND:20260312T151500Z\r\nSUMMARY:Sam / Jo - quick call (Fernwick)\r\n"
           "END:VEVENT\r\nEND:VCALENDAR\r\n")
    head = ("From: Jo Lamb <jo@fernwick.example>\r\nTo: sam.candidate@mailbox.test\r\n"
            "Subject: Canceled event: Sam / Jo - quick call (Fernwick)\r\nDate: Mon, 09 Mar 2026 10:15:00 -0500\r\n"
            "Message-ID: <c1@test>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n")
    body = ("--b\r\nContent-Type: text/plain\r\n\r\nThis event has been canceled.\r\n"
            "--b\r\nContent-Type: text/calendar; method=CANCEL\r\n\r\n" + ics + "--b--\r\n")
    cat, reasons = category((head + body).encode())
    assert cat == "cancellation", reasons
