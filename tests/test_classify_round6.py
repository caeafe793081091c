"""Issue 14, fourth round of blind sets (b4-gamma, b4-delta): the mechanisms their misses showed
wanting. Each case is mail written for the purpose, not copied from a set."""

from __future__ import annotations

import pytest
from mailmaker import category, mail

from daemon.understand.analyze import analyze
from daemon.understand.extract import SUBJECT_TITLE
from daemon.understand.mail import parse

# --- forwards: the forwarded message is what the mail is about -------------------------------

OUTLOOK_FORWARD = (
    "Hi Sam,\n\nSending this on from Lena's calendar so you have the details.\n\nThanks,\nOla\n\n"
    "________________________________\n"
    "From: Lena Brandt <lena.brandt@kettleworks.example>\n"
    "Sent: Friday, March 6, 2026 4:02 PM\n"
    "To: Ola Berg <ola.berg@kettleworks.example>\n"
    "Subject: Interview - Sam Candidate - Logistics Planner\n"
    "When: Wednesday, March 11, 2026 10:00 AM-11:00 AM (UTC-05:00) Eastern Time (US & Canada).\n"
    "Where: Microsoft Teams Meeting\n\n"
    "________________________________________________________________________________\n"
    "Microsoft Teams meeting\nJoin on your computer or mobile app\n"
)


def test_a_forwarded_outlook_meeting_keeps_its_time_and_place_and_author() -> None:
    m = parse(mail("Ola Berg <ola.berg@kettleworks.example>", "FW: Interview - Sam Candidate - Logistics Planner",
                   OUTLOOK_FORWARD, date="Mon, 09 Mar 2026 09:00:00 -0400"))
    assert m.forwarded.startswith("When: Wednesday, March 11, 2026 10:00 AM-11:00 AM")
    assert "Where: Microsoft Teams Meeting" in m.forwarded
    assert m.forwarded_from == "lena.brandt@kettleworks.example"
    assert m.forwarded_subject == "Interview - Sam Candidate - Logistics Planner"
    assert "Sent:" not in m.forwarded and "2026 4:02 PM" not in m.forwarded  # the forward's own date is no time


def test_a_forwarded_meeting_with_a_stated_time_is_an_invitation_at_that_time() -> None:
    a = analyze(mail("Ola Berg <ola.berg@kettleworks.example>", "FW: Interview - Sam Candidate - Logistics Planner",
                     OUTLOOK_FORWARD, date="Mon, 09 Mar 2026 09:00:00 -0400"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    # Outlook names the zone by its standard offset; on 11 March New York keeps summer time
    assert a.interview.start.isoformat() == "2026-03-11T10:00:00-04:00"


def test_the_user_forwarding_an_interviewer_schedule_to_themselves_is_not_their_interview() -> None:
    body = ("Putting this on my personal calendar.\n\n---------- Forwarded message ---------\n"
            "From: Hiring Team <schedule@goodtime.io>\nDate: Mon, 2 Mar 2026 at 09:12\n"
            "Subject: You're interviewing Priya Das - Data Analyst\nTo: <sam@northbeam.example>\n\n"
            "Hi Sam,\n\nYou've been added as an interviewer.\n\nCandidate: Priya Das\n"
            "When: Thursday, March 5, 2026, 2:00 PM - 2:45 PM EST\n\n"
            "Please submit your scorecard within 24 hours.\n")
    cat, reasons = category(mail("Sam Candidate <sam@northbeam.example>", "Fwd: You're interviewing Priya Das",
                                 body, to="sam.candidate@fastmail.example"))
    assert cat == "other", reasons


def test_a_friend_forwarding_an_employer_request_for_availability_is_an_invitation() -> None:
    body = ("HR copied me because I referred you - good luck!!\n\n---------- Forwarded message ---------\n"
            "From: Nia Obi <nia.obi@tallyfield.example>\nDate: Tue, 3 Mar 2026 at 11:02\n"
            "Subject: Sam Candidate - Platform Engineer - last stage\nTo: <sam@example.org>\n\n"
            "Hi Sam,\n\nYou have cleared the technical stage. The last stage is a one-hour conversation with "
            "our CTO. Kindly share your availability for Thursday or Friday this week.\n\nRegards,\nNia\n")
    subject = "Fwd: Sam Candidate - Platform Engineer - last stage"
    cat, reasons = category(mail("Jo Friend <jo.friend@gmail.com>", subject, body))
    assert cat == "invitation", reasons


def test_a_forward_sent_from_inside_a_thread_is_not_a_reply() -> None:
    body = ("Dear students,\n\nPlease see the schedule below.\n\n---------- Forwarded message ---------\n"
            "From: Campus Team <campus@orbitline.example>\nDate: Wed, 4 Mar 2026 at 18:00\n"
            "Subject: Interview schedule - Orbitline drive\nTo: <placements@college.example>\n\n"
            "The shortlisted candidates are invited for the technical interview on Tuesday, 10 March 2026, "
            "on MS Teams.\n\nName | Slot\nSam Candidate | 10:40 AM - 11:10 AM\nLee Roe | 11:15 AM - 11:45 AM\n")
    cat, reasons = category(mail("Placement Cell <placements@college.example>",
                                 "Fwd: Interview schedule - Orbitline drive", body, reply=True))
    assert cat == "invitation", reasons


# --- a job title in the subject is hiring context ---------------------------------------------


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        ("Re: Director, Business Operations - next steps", True),
        ("Operations Manager opportunity - Winnipeg", True),
        ("Head of FP&A search - confidential", True),
        ("Re: Senior Financial Analyst role", True),
        ("Re: the manager said no", False),
        ("Lunch with the director?", False),
        ("Invoice 4471 - Manager approval", False),
    ],
)
def test_a_subject_title_is_title_case_words_and_a_title_noun(subject: str, title: bool) -> None:
    assert (SUBJECT_TITLE.search(subject) is not None) is title


def test_a_hiring_manager_s_one_line_reply_under_a_title_subject_is_an_invitation() -> None:
    body = ("Could you do 8:30 tomorrow morning? 30 minutes, I'll call your mobile.\n\nSent from my phone\n\n"
            "> On Mon, Sam wrote:\n> Thanks Rob, I'm flexible all week.\n")
    a = analyze(mail("Rob Heath <rob.heath@millgate.example>", "Re: Controller, Plant Finance - next steps", body,
                     reply=True, date="Mon, 09 Mar 2026 17:40:00 -0600"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-03-10T08:30:00-06:00"


def test_a_title_in_a_personal_subject_is_not_hiring_context() -> None:
    cat, reasons = category(mail("Pat Lee <pat.lee@gmail.com>", "Re: dinner Friday",
                                 "Can you do 7:30 on Friday? The director of the school is coming too.",
                                 reply=True))
    assert cat == "other", reasons


def test_a_reply_about_the_interview_format_is_an_employer_reply() -> None:
    body = ("Hi Sam,\n\nGood question - there is no whiteboarding or live coding, it's a conversation "
            "about a past project.\n\nSee you Thursday,\nKim\n\n> Should I prepare anything for Thursday?\n")
    cat, reasons = category(mail("Kim Yu <kim.yu@larchbay.example>", "Re: Question before Thursday", body,
                                 reply=True))
    assert cat == "employer_reply", reasons


# --- decisions written with the object inside the phrase ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Unfortunately they've decided not to take you forward for this one.",
        "On this occasion we will not be taking your application further.",
        "We won't be progressing your candidacy any further at this stage.",
    ],
)
def test_not_taking_you_forward_is_a_rejection(sentence: str) -> None:
    body = f"Hi Sam,\n\nThanks for your time on the call with the team last week.\n\n{sentence}\n\nBest,\nTom"
    cat, reasons = category(mail("Tom West <tom.west@harbourhire.example>", "Update on your application", body))
    assert cat == "rejection", reasons


def test_taking_you_forward_is_not_a_rejection() -> None:
    body = "Hi Sam,\n\nGreat news: they are taking you forward to the final round.\n\nBest,\nTom"
    cat, _ = category(mail("Tom West <tom.west@harbourhire.example>", "Update on your application", body))
    assert cat != "rejection"


# --- a person's message carried by a job board -------------------------------------------------


def _inmail(sender_name: str) -> bytes:
    body = ("Ana Ruiz sent you a new message\n\nHi Sam,\n\nI think you'd be a strong fit for our Payments "
            "Analyst role. Would you be open to a 30-min intro call? I have these openings:\n\n"
            "- Thu 12 March, 4:00pm SGT\n- Fri 13 March, 10:30am SGT\n\nCheers,\nAna\n\n"
            "Unsubscribe: https://www.linkedin.example/unsub\n")
    return mail(f"{sender_name} <inmail-hit-reply@linkedin.com>", "Payments Analyst - quick intro?", body,
                headers="List-Unsubscribe: <https://www.linkedin.com/unsub>\r\n")


def test_a_recruiter_s_message_relayed_by_a_job_board_is_read_as_the_recruiter_s() -> None:
    cat, reasons = category(_inmail("Ana Ruiz via LinkedIn"))
    assert cat == "invitation", reasons


def test_the_job_board_s_own_bulk_mail_stays_bulk() -> None:
    cat, reasons = category(_inmail("LinkedIn"))
    assert cat == "other", reasons


def test_a_meeting_blocked_in_the_calendar_is_booked() -> None:
    body = ("Hi Sam, good talking today. I have blocked tmrw 4:30pm with our Head of Data (Vik) for the "
            "Data Engineer role, 30 mins on Teams. Link in the morning.\n\nRashid\n")
    a = analyze(mail("Rashid Q <rashid@dunefleet.example>", "Dunefleet - Data Engineer", body,
                     date="Tue, 09 Jun 2026 19:48:22 +0400"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-06-10T16:30:00+04:00"


# --- a calendar invitation to a conversation about a role ---------------------------------------


def _google_invite(summary: str, description: str, sender: str = "priya.sand@ridgeaxle.example") -> bytes:
    ics = (
        "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:g-1\r\nSEQUENCE:0\r\n"
        "DTSTART:20260311T140000Z\r\nDTEND:20260311T144500Z\r\n"
        f"ORGANIZER;CN=Priya:mailto:{sender}\r\nATTENDEE;RSVP=TRUE:mailto:sam.candidate@mailbox.test\r\n"
        f"SUMMARY:{summary}\r\nDESCRIPTION:{description}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    return (
        f"From: Priya <{sender}>\r\nTo: sam.candidate@mailbox.test\r\nSubject: Invitation: {summary}\r\n"
        "Date: Tue, 03 Mar 2026 15:44:12 +0000\r\nMessage-ID: <g-1@test>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/alternative; boundary=BB\r\n\r\n"
        "--BB\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        f"You have been invited to the following event.\r\n\r\n{summary}\r\n{description}\r\n"
        "--BB\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\n" + ics + "--BB--\r\n"
    ).encode()


def test_an_invitation_to_a_conversation_about_a_role_is_an_interview_at_the_ics_time() -> None:
    a = analyze(_google_invite("Sam / Priya - Plant Controller conversation",
                               "Intro conversation about the Plant Controller role at Ridge Axle."))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat().startswith("2026-03-11T")


@pytest.mark.parametrize(
    ("summary", "description", "sender"),
    [
        ("Quarterly business review", "Agenda: pipeline and renewals.", "priya.sand@ridgeaxle.example"),
        ("Catch up", "Coffee and the new Plant Controller role you mentioned", "old.friend@gmail.com"),
    ],
)
def test_other_calendar_invitations_are_not_interviews(summary: str, description: str, sender: str) -> None:
    cat, reasons = category(_google_invite(summary, description, sender))
    assert cat != "invitation", reasons


# --- arrival in other languages, provinces' clocks, a take-home in a reply ----------------------


def test_an_arrival_time_in_french_gives_way_to_the_session() -> None:
    body = ("Bonjour Sam,\n\nNous avons le plaisir de vous inviter à l'entrevue finale pour le poste d'analyste.\n\n"
            "Date : le mercredi 11 mars 2026\nHeure : de 9 h à 11 h\n\n"
            "Merci de vous présenter à l'accueil vers 8 h 45.\n\nCordialement,\nCamille")
    a = analyze(mail("Camille Roy <camille.roy@caisseboreal.example>", "Entrevue finale - Analyste", body,
                     date="Thu, 26 Feb 2026 15:10:02 -0500"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-03-11T09:00:00-05:00"


@pytest.mark.parametrize(
    ("when", "start"),
    [
        ("Thursday, April 16 at 2:00 p.m. Saskatchewan time", "2026-04-16T14:00:00-06:00"),  # no summer time
        ("Thursday, April 16 at 10:00 a.m. Newfoundland time", "2026-04-16T10:00:00-02:30"),
        ("Friday, April 17 at 9:00 a.m. Queensland time", "2026-04-17T09:00:00+10:00"),
    ],
)
def test_a_province_or_state_names_its_own_clock(when: str, start: str) -> None:
    body = f"Hi Sam,\n\nThe panel would like to interview you on {when}, by video.\n\nThanks,\nTyler"
    a = analyze(mail("Tyler N <tyler@prairiecoop.example>", "Panel interview - Operations Lead", body,
                     date="Thu, 09 Apr 2026 09:15:03 -0600"))
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == start


def test_a_take_home_announced_in_a_recruiter_s_reply_is_an_employer_reply() -> None:
    body = ("Hi Sam,\n\nThanks for the note! The next step is a short take-home exercise; I'll send it in the next "
            "day or two. There's no call involved, just submit it within the deadline.\n\nCheers,\nJess\n\n"
            "> Thanks again for the interview today.\n")
    cat, reasons = category(mail("Jess N <jess@quokka.example>", "RE: Thank you - technical interview", body,
                                 reply=True))
    assert cat == "employer_reply", reasons


def test_a_platform_s_take_home_with_a_deadline_is_still_other() -> None:
    body = ("Hi Sam,\n\nYou have been invited to complete the Data Engineer take-home assessment. Please submit "
            "it by Friday 13 March 2026 at 23:59.\n\nGood luck,\nThe HackerRank team")
    cat, reasons = category(mail("HackerRank <no-reply@hackerrankforwork.com>", "Your take-home assessment", body))
    assert cat == "other", reasons


# --- b3-beta's remaining classes (third round, held in since 7b9c39f) ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "I'm sorry to say that on this occasion we won't be offering you a place on the programme.",
        "After careful consideration, we regret that we are unable to offer you a position at this time.",
    ],
)
def test_an_offer_declined_in_so_many_words_is_a_rejection(sentence: str) -> None:
    body = f"Dear Sam,\n\nThank you for attending our assessment centre last week.\n\n{sentence}\n\nBest wishes,\nImo"
    cat, reasons = category(mail("Imo Clark <imo@halvane.example>", "Assessment centre outcome", body))
    assert cat == "rejection", reasons


def test_a_scheduling_tool_s_event_has_been_canceled_is_a_cancellation() -> None:
    body = ("Hi Sam,\n\nThe event below has been canceled.\n\nEvent Type:\nGraduate Analyst - intro call\n\n"
            "Event Date/Time:\n09:30 - 10:00, Friday, 27 February 2026 (Greenwich Mean Time)\n\n"
            "Canceled by:\nRosie Lark\n")
    cat, reasons = category(mail("Calendly <notifications@calendly.com>",
                                 "Canceled: Rosie Lark - 09:30 Fri, 27 Feb 2026 - Graduate Analyst - intro call", body))
    assert cat == "cancellation", reasons


def test_asked_to_cancel_all_open_interviews_is_a_cancellation() -> None:
    body = ("Hi Sam,\n\nA hiring freeze was announced this afternoon and I've been asked to cancel all open "
            "interviews - including ours on Monday 19th January at 3pm.\n\nSorry again,\nMarc")
    a = analyze(mail("Marc L <marc@northlight.example>", "Re: Interview confirmed: Graduate Engineer", body,
                     reply=True, date="Wed, 14 Jan 2026 17:30:27 +0000"))
    assert a.classification.category.value == "cancellation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-01-19T15:00:00+00:00"


def test_an_agency_offering_the_client_s_slots_is_an_invitation() -> None:
    body = ("Hi Sam,\n\nI've put you forward to Ferriby Foods for their Analyst role and they'd like a first-stage "
            "phone interview with their planning manager.\n\nThey can do either:\n- Thursday 16th April at 2pm, or\n"
            "- Friday 17th April at 9:30am\n\nLet me know which you'd prefer and I'll lock it in.\n\nOmar")
    cat, reasons = category(mail("Omar H <omar@brightwell.example>", "Ferriby Foods - Analyst", body))
    assert cat == "invitation", reasons


def test_a_confirmation_that_the_interviewer_will_ring_is_an_invitation_at_the_quoted_slot() -> None:
    body = ("Morning Sam,\n\nDone - Friday 9:30 is confirmed. Karen Holt will ring you on your mobile.\n\nOmar\n\n"
            "On Wed, 8 Apr 2026 at 19:03, Sam <sam@example.org> wrote:\n> The Friday slot would be best please.\n>\n"
            "> On Wed, 8 Apr 2026 at 12:26, Omar H <omar@brightwell.example> wrote:\n>> They can do either:\n"
            ">> - Thursday 16th April at 2pm, or\n>> - Friday 17th April at 9:30am\n")
    a = analyze(mail("Omar H <omar@brightwell.example>", "Re: Ferriby Foods - Analyst", body, reply=True,
                     date="Thu, 09 Apr 2026 08:50:13 +0100"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-04-17T09:30:00+01:00"


def test_where_the_sender_met_the_candidate_is_no_event_notice() -> None:
    body = ("Dear Sam,\n\nFollowing our conversation at the Northfell careers fair, I'm pleased to invite you to a "
            "first-stage interview for the Graduate Area Manager scheme.\n\nWednesday 20th May 2026 at 1:15pm (BST)\n"
            "Head Office, Leeds\n\nKind regards,\nLydia")
    cat, reasons = category(mail("Lydia M <lydia@marrowby.example>", "Graduate scheme - interview invitation", body))
    assert cat == "invitation", reasons


def test_half_eleven_is_half_past_eleven() -> None:
    body = ("Hi Sam\n\nGreat news - they liked your CV for the Analyst role! Ben will call you tomorrow at half "
            "eleven on your mobile. About 20 mins.\n\nJess")
    a = analyze(mail("Jess P <jess@gradgateway.example>", "Stowmarsh - phone interview tomorrow", body,
                     date="Mon, 10 Nov 2025 16:48:37 +0000"))
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2025-11-11T11:30:00+00:00"


# --- b3-alpha's remaining classes: Dutch and Flemish mail, Outlook quotes in Dutch ---------------


def test_a_dutch_recruiter_booking_a_call_is_an_invitation() -> None:
    body = ("Hoi Sam,\n\nLeuk dat je hebt gereageerd op onze vacature voor Planner! Ik heb je ingepland voor een "
            "telefonisch kennismakingsgesprek op donderdag 12 maart om 14:00 uur. Ik bel je op je mobiel.\n\n"
            "Groetjes,\nSanne")
    a = analyze(mail("Sanne B <sanne@havenlicht.example>", "Kennismakingsgesprek Planner", body,
                     date="Tue, 10 Mar 2026 09:05:00 +0100"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-03-12T14:00:00+01:00"


def test_flemish_hours_and_a_move_told_in_dutch() -> None:
    body = ("Dag Sam,\n\nHelaas moet ik ons gesprek van dinsdag 10/03 om 9u30 verplaatsen. Ik heb het gesprek "
            "daarom verzet naar vrijdag 13 maart, van 14u tot 15u, op dezelfde locatie.\n\nMet vriendelijke groeten,\n"
            "An\n\n-----Oorspronkelijk bericht-----\nVan: Sam Candidate <sam@example.org>\n"
            "Verzonden: maandag 2 maart 2026 13:20\nOnderwerp: Re: Uitnodiging: gesprek Planner\n\n"
            "Dag An, graag bevestig ik mijn komst.\n")
    a = analyze(mail("An P <an@eurospan.example>", "Re: Uitnodiging: gesprek Planner", body, reply=True,
                     date="Mon, 09 Mar 2026 11:30:00 +0100"))
    assert a.classification.category.value == "reschedule", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None and a.interview.end is not None
    assert (a.interview.start.isoformat(), a.interview.end.isoformat()) == (
        "2026-03-13T14:00:00+01:00",
        "2026-03-13T15:00:00+01:00",
    )


def test_a_dutch_outlook_quote_header_is_quoted_text() -> None:
    m = parse(mail("An P <an@eurospan.example>", "Re: gesprek", "Prima, tot dan!\n\n-----Oorspronkelijk bericht-----\n"
                   "Van: Sam <sam@example.org>\nVerzonden: maandag 2 maart 2026 13:20\nOnderwerp: gesprek\n\nDag An\n",
                   reply=True))
    assert m.text == "Prima, tot dan!" and "Verzonden" in m.quoted


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Terugkoppeling sollicitatie", "We hebben besloten om verder te gaan met een andere kandidaat.", "rejection"),
        ("Aanbod: Planner", "Met veel plezier bieden we je de functie van Planner aan. Bruto maandloon: 4.200 euro.",
         "offer"),
    ],
)
def test_dutch_decisions_with_the_object_inside(subject: str, body: str, expected: str) -> None:
    cat, reasons = category(mail("Roel V <roel@zeevaart.example>", subject, f"Hoi Sam,\n\n{body}\n\nGroet,\nRoel"))
    assert cat == expected, reasons


def test_the_role_offered_to_another_finalist_is_a_rejection() -> None:
    body = ("Hi Sam,\n\nI'm afraid Northgate have decided to offer the Head of Planning role to another finalist, who "
            "has grocery experience.\n\nJoris")
    cat, reasons = category(mail("Joris D <joris@talentbrug.example>", "Northgate - feedback", body))
    assert cat == "rejection", reasons


def test_a_final_round_that_moves_from_one_day_to_another_keeps_the_new_day() -> None:
    body = ("Hi Sam,\n\nSmall change: your final round moves from Tuesday 14 October to Thursday 16 October. Same "
            "agenda, now 10:00 to 13:30 UK time.\n\nJoris")
    a = analyze(mail("Joris D <joris@talentbrug.example>", "Re: Northgate - final round", body, reply=True,
                     date="Wed, 08 Oct 2025 09:00:00 +0200"))
    assert a.classification.category.value == "reschedule", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2025-10-16T10:00:00+01:00"


# --- bl-final3's remaining classes --------------------------------------------------------------


def test_an_interview_that_has_to_move_with_the_new_time_set_out() -> None:
    body = ("Martina,\n\nApologies - Karin is off sick, so tomorrow's interview has to move. They proposed and I "
            "accepted on your behalf:\n\n  NEW: Thursday, 2 October 2025, 08:30-09:30 CEST, same panel\n\nOliver")
    a = analyze(mail("Oliver H <oliver@korvan.example>", "RE: Nordalpen - interview with the COO", body, reply=True,
                     date="Mon, 29 Sep 2025 10:00:00 +0200"))
    assert a.classification.category.value == "reschedule", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2025-10-02T08:30:00+02:00"


def test_friday_it_is_with_the_time_set_out_below() -> None:
    body = ("Perfect - Friday it is. To avoid any confusion, here it is in your time:\n\n"
            "  Friday, 30 January 2026, 13:00-15:30 CET\n  Head office, reception, 4th floor\n\nOliver\n\n"
            "> On 12 Jan 2026, at 21:04, Martina wrote:\n> The Friday option would suit me best.\n")
    a = analyze(mail("Oliver H <oliver@korvan.example>", "Re: Nordalpen - final stage: three options", body,
                     reply=True, date="Tue, 13 Jan 2026 09:00:00 +0100"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-01-30T13:00:00+01:00"


def test_a_german_time_fixed_with_a_dotted_clock_between() -> None:
    body = ("Sehr geehrte Frau Keller\n\nPerfekt, dann halten wir Donnerstag, 16.30 Uhr fest. Den Teams-Link "
            "sende ich Ihnen separat zu.\n\nFreundliche Grüsse\nBeatrice Pfund\n\n-----Ursprüngliche Nachricht-----\n"
            "Von: Martina Keller <martina@seepost.example>\nGesendet: Mittwoch, 25. Juni 2025 21:40\n"
            "Betreff: AW: Ihre Kandidatur\n\nDer Donnerstag, 3. Juli um 16.30 Uhr passt mir sehr gut.\n")
    cat, reasons = category(mail("Beatrice Pfund <beatrice@pfund.example>", "AW: AW: Ihre Kandidatur - Leiterin",
                                 body, reply=True))
    assert cat == "invitation", reasons


# --- the second round's and held-back sets' last classes ------------------------------------------


def test_thanks_that_turn_to_what_comes_next_still_invite() -> None:
    body = ("Dear Sam,\n\nWe really enjoyed reading your application and would love to invite you for an interview "
            "on Friday 12 September at 2pm at our offices.\n\nBest wishes,\nAmina")
    cat, reasons = category(mail("Amina D <amina@hearthstone.example>", "Interview - Evaluation Manager", body))
    assert cat == "invitation", reasons


def test_a_sentence_that_names_the_interview_its_day_and_its_hour_in_portuguese() -> None:
    body = ("Oi Sam, bom dia!\n\nEntão: entrevista final com o Otávio na sexta-feira, 15/05, das 11h às 12h "
            "(horário de Brasília), presencial no nosso escritório.\n\nBeijos,\nCamila")
    a = analyze(mail("Camila Y <camila@tamandua.example>", "Resumo: entrevista final", body,
                     date="Thu, 14 May 2026 09:00:00 -0300"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-05-15T11:00:00-03:00"


def test_a_past_interview_with_its_day_and_hour_is_no_invitation() -> None:
    body = "Hi Sam,\n\nThanks for the interview on Monday 4 May at 11am. We will be in touch soon.\n\nBest,\nCamila"
    cat, reasons = category(mail("Camila Y <camila@tamandua.example>", "Your interview", body))
    assert cat != "invitation", reasons


def test_a_founder_s_let_s_do_an_interview_how_about_sunday() -> None:
    body = ("Hey Sam,\n\nGreat to meet you at the meetup tonight! As promised, let's do a proper interview for the "
            "founding engineer role. How about Sunday 16 August at 10am at our office?\n\nYoussef\n")
    a = analyze(mail("Youssef B <youssef@sufralabs.example>", "Founding engineer @ Sufra Labs", body,
                     date="Wed, 12 Aug 2026 22:10:00 +0400"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-08-16T10:00:00+04:00"


def test_a_forwarded_pair_of_times_to_choose_from() -> None:
    body = ("Hi Sam,\n\nsee below from Marta - either of the two times works for her, just reply with the one you "
            "prefer and I'll send the invite.\n\nLukas\n\n---------- Forwarded message ---------\n"
            "From: Marta Z <marta@tessellate.example>\nDate: Thu, Jun 11, 2026 at 3:51 PM\n"
            "Subject: Final conversation with Sam\nTo: Lukas B <lukas@tessellate.example>\n\n"
            "Happy to do the final with Sam for the Data Engineer role. I could do Wed 17 Jun 14:00 or "
            "Thu 18 Jun 10:00 CEST, one hour.\n")
    cat, reasons = category(mail("Lukas B <lukas@tessellate.example>", "Fwd: Final conversation with Sam", body))
    assert cat == "invitation", reasons


def test_a_friend_at_the_same_provider_forwarding_an_employer_s_call() -> None:
    body = ("Voilà! Mathieu t'appelle demain, voir plus bas. Bonne chance!!\n\nJP\n\n"
            "---------- Forwarded message ---------\nFrom: Mathieu C <mathieu@nordique.example>\n"
            "Date: Wed, Nov 12, 2025 at 4:02 PM\nSubject: Re: Intro: Sam / Transportation Manager\n"
            "To: JP <jp@courriel.example>\n\nJP, thanks for the intro - exactly what we need for the Transportation "
            "Manager opening.\n\nTell Sam I'll call her Thursday, November 13 at 4:30 pm ET. 30 minutes will do.\n")
    a = analyze(mail("JP <jp@courriel.example>", "Fwd: Intro: Sam / Transportation Manager", body,
                     to="sam@courriel.example", date="Wed, 12 Nov 2025 17:00:00 -0500"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2025-11-13T16:30:00-05:00"


def test_a_colleague_s_own_mail_is_still_internal() -> None:
    body = "Can you join the interview panel for the Analyst role on Thursday at 2pm?\n\nThanks,\nJP"
    cat, reasons = category(mail("JP <jp@courriel.example>", "Panel", body, to="sam@courriel.example"))
    assert cat == "other", reasons


def test_we_re_moving_it_under_an_updated_time_subject_is_a_reschedule() -> None:
    body = ("Hi Sam,\n\nOur VP had a board meeting land on top of your final interview, so we're moving it from "
            "Wednesday, July 8 at 11:00 AM CT to:\n\nThursday, July 9 at 1:00 PM CT\n\nSame 45 minutes, same Zoom.\n\n"
            "Shannon")
    a = analyze(mail("Shannon W <shannon@prairieforge.example>", "Updated time: final interview", body,
                     date="Mon, 06 Jul 2026 10:00:00 -0500"))
    assert a.classification.category.value == "reschedule", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-07-09T13:00:00-05:00"


# --- fifth round (b5-epsilon, b5-zeta): measured once at 2ce3924, then these mechanisms -----------


def test_a_booking_tool_telling_the_user_someone_booked_them_is_not_their_interview() -> None:
    body = ("Hi Sam,\n\nA new event has been scheduled.\n\nEvent Type:\nDiscovery call (30 min)\n\nInvitee:\n"
            "Carla Ruiz\ncarla@tierra.example\n\nEvent Date/Time:\n09:30am - Wednesday, October 22, 2025 "
            "(Central Time - Mexico City)\n")
    cat, reasons = category(mail("Calendly <notifications@calendly.com>",
                                 "New Event: Carla Ruiz - 09:30am Wed, Oct 22, 2025 - Discovery call", body))
    assert cat == "other", reasons


def test_the_user_as_the_invitee_is_still_their_booking() -> None:
    body = ("Hi Sam,\n\nA new event has been scheduled.\n\nEvent Type:\nProduct Designer - Intro Call\n\nInvitee:\n"
            "Sam Candidate\nsam@example.org\n\nEvent Date/Time:\n12:30pm - 1:00pm (Mexico City Time)\n"
            "Friday, June 20, 2025\n")
    cat, reasons = category(mail("Calendly <notifications@calendly.com>",
                                 "New Event: Product Designer - Intro Call with Maya", body, to="sam@example.org"))
    assert cat == "invitation", reasons


def test_family_passing_on_the_interview_day_is_personal_mail() -> None:
    body = ("Sam!! Mam says your big interview at Clonmore is Monday at half ten - good luck. Ring me after!\n\n"
            "C xx\n")
    cat, reasons = category(mail("Clodagh G <clodagh.g@eircom.net>", "Monday!!", body))
    assert cat == "other", reasons


THREAD = "\n\n> On Tue, Jun 10, 2025, Sam wrote:\n> Thursday at 11 PT works great for the Product Designer role chat."


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Re: pebblework x sam", "ugh sorry - an investor call just landed on my 11. can we push to 2:30 PT today "
         "instead? still 20 min, same meet link" + THREAD, "reschedule"),
        ("Updated: Product Designer - Intro Call", "Hi Sam,\n\nMaya Kessler rescheduled your event.\n\nEvent Type:\n"
         "Product Designer - Intro Call\n\nEvent Date/Time:\n12:30pm - 1:00pm (Mexico City Time)\n"
         "Friday, June 20, 2025",
         "reschedule"),
        ("Confirmed: Portfolio walkthrough with Ines (Quillfeather)", "Your meeting is confirmed.\n\nPortfolio "
         "walkthrough\nFriday, October 10, 2025\n9:00 AM - 9:45 AM (America/Mexico_City)\nwith Ines, Design Director",
         "invitation"),
        ("Re: Portfolio deck", "Really nice presentation today. We're meeting the other finalists this week and next, "
         "so expect to hear from us by early September.", "employer_reply"),
        ("RE: Following up - Senior Brand Designer", "They let me know yesterday that they've decided to fill the "
         "Senior Brand Designer role with an internal candidate.", "rejection"),
        ("Re: birdhouse x sam", "hey sam - honestly a tough call but we went w someone w more motion exp for this one. "
         "your brand work is great tho" + THREAD, "rejection"),
        ("Re: Design challenge submission", "got it! looks great. can you present it to the team tue 10/28 at 10am "
         "PT? 45 min, zoom link to follow", "invitation"),
        ("Re: Product Design Interview", "The Product Designer role is open again. If you're still interested, grab "
         "any 30-minute slot on my calendar:\nhttps://calendar.app.google/orchard-grace-30", "invitation"),
        ("RE: Hospice - next steps", "Great news - the committee would like you to go through to the final panel. "
         "Final panel: Friday 26 September, 10:00 to 12:30, at the Hospice.", "invitation"),
        ("RE: Interview invitation - Service Manager", "Thanks for getting back to me so quickly - Tuesday 9th at "
         "11.30 is yours. Please report to main reception.", "invitation"),
        ("RE: Interview - Head of Nursing - parking", "Parking: please give your registration to main reception when "
         "you arrive and they will issue a day permit.", "employer_reply"),
    ],
)
def test_fifth_round_mechanisms(subject: str, body: str, expected: str) -> None:
    reply = subject.lower().startswith("re")
    cat, reasons = category(mail("Jo Lane <jo@studio.example>", subject, f"Hi Sam,\n\n{body}\n\nJo", reply=reply,
                                 date="Thu, 12 Jun 2025 08:05:51 -0700"))
    assert cat == expected, reasons


def test_an_interview_on_a_named_day_cancelled_because_the_post_was_filled_is_a_cancellation() -> None:
    body = ("Dear Sam\n\nI'm very sorry to let you know that the Nurse Director position has now been filled by an "
            "internal applicant, so I have cancelled your interview on Thursday 16 April (5:30pm AWST).\n\nJodie")
    a = analyze(mail("Jodie P <jodie@swancoast.example>", "RE: Interview - Nurse Director - select a time", body,
                     reply=True, date="Tue, 14 Apr 2026 11:02:00 +0800"))
    assert a.classification.category.value == "cancellation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-04-16T17:30:00+08:00"


def test_a_rejection_that_mentions_no_scheduled_interview_stays_a_rejection() -> None:
    body = ("Dear Sam\n\nThe position has now been filled by an internal applicant, so we will not be taking your "
            "application further.\n\nJodie")
    cat, reasons = category(mail("Jodie P <jodie@swancoast.example>", "Your application", body))
    assert cat == "rejection", reasons


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Entrevista - Diseñador/a Senior", "Hemos visto tu portfolio. ¿Te vendría bien una videollamada el martes 30 "
         "de septiembre a las 17:00 (hora de Madrid)?", "invitation"),
        ("Diseñador de Producto: siguiente paso", "Nos gustaría avanzar contigo en el proceso de selección. "
         "¿Te queda bien alguno de estos horarios para una llamada de 30 minutos?\n"
         "• martes 11 de noviembre, 9:00 a. m.\n"
         "• miércoles 12 de noviembre, 10:30 a. m.", "invitation"),
        ("Entrevista final - Director de Arte", "¡Felicidades por llegar a la etapa final! Te esperamos el lunes 1 de "
         "diciembre, de 10:00 a 12:00, en nuestras oficinas.", "invitation"),
        ("Etapa final - Designer Sênior", "Você passou para a etapa final do processo! Queremos te receber "
         "presencialmente no nosso escritório:\n  segunda, 13/04, das 10h às 13h", "invitation"),
        ("Atualização sobre sua candidatura", "Depois de analisar todos os perfis, decidimos seguir com outras pessoas "
         "candidatas nesta etapa.", "rejection"),
        ("Proposta - Designer Sênior", "Estamos muito felizes em te fazer uma proposta para a posição de Designer "
         "Sênior. Salário: USD 7.500 por mês.", "offer"),
    ],
)
def test_spanish_and_portuguese_phrasings(subject: str, body: str, expected: str) -> None:
    cat, reasons = category(mail("Sofía G <sofia@norte.example>", subject, f"Hola Sam:\n\n{body}\n\nSofía",
                                 date="Wed, 26 Nov 2025 12:18:09 -0600"))
    assert cat == expected, reasons


def test_an_agency_note_that_names_the_title_and_a_time() -> None:
    body = ("Hi Sam\n\nEastfield want to meet you for the interim Head of Nursing (Medicine). Thursday at 2pm on "
            "Teams, 45 mins with their Deputy Chief Nurse. Ok for you? Link to follow from her PA.\n\nGary\n\n"
            "Sent from my iPhone")
    a = analyze(mail("Gary T <gary@pennant.example>", "Eastfield interim HoN", body,
                     date="Mon, 19 Jan 2026 17:48:00 +0000"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-01-22T14:00:00+00:00"


def test_tomorrows_two_pm_is_off_is_a_cancellation() -> None:
    body = ("Morning Sam - bad news, Eastfield have pulled the interim req so tomorrow's 2pm with their DCN is off. "
            "Sorry!!\n\nG\n\n> On 19 Jan 2026, at 20:03, Sam wrote:\n> Thursday 2pm is fine, thanks Gary.\n")
    a = analyze(mail("Gary T <gary@pennant.example>", "Re: Eastfield interim HoN", body, reply=True,
                     date="Wed, 21 Jan 2026 08:12:00 +0000"))
    assert a.classification.category.value == "cancellation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-01-22T14:00:00+00:00"


def test_a_long_name_between_move_and_from_still_keeps_the_new_day() -> None:
    body = ("Dear Sam\n\nWe have had to move the Deputy Chief Nurse assessment centre from Wednesday 5 November to "
            "Wednesday 12 November.\nThe timetable is otherwise unchanged: please arrive for 09:15, with the focus "
            "group starting at 09:30 and your panel interview finishing at 14:00.\n\nShabana")
    a = analyze(mail("Shabana A <shabana@brackenfield.example>", "Assessment centre - change of date", body,
                     date="Mon, 27 Oct 2025 10:03:00 +0000"))
    assert a.classification.category.value == "reschedule", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2025-11-12T09:30:00+00:00"


def test_a_dotted_clock_before_a_weekday_confirms_the_quoted_slot() -> None:
    body = ("Great, 9.30 Monday it is! Will send the Teams invite shortly.\n\nSent from my iPhone\n\n"
            "> On 21 Nov 2025, at 5:02 PM, Sam wrote:\n> Monday morning works best for me.\n>\n"
            ">> On Thu, 20 Nov 2025 at 11:15, Wei Ling <wl@merlion.example> wrote:\n>> Thanks for your interest in the "
            "Data Lead role. Could we do a\n>> 30 mins intro call? I can do Mon 24 Nov 9:30am or Tue 25 Nov 2pm\n"
            ">> (Singapore time).\n")
    a = analyze(mail("Wei Ling <wl@merlion.example>", "Re: Merlion - intro chat", body, reply=True,
                     date="Fri, 21 Nov 2025 18:44:02 +0800"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2025-11-24T09:30:00+08:00"


def test_a_dotted_number_before_a_price_or_alone_is_no_clock() -> None:
    from datetime import UTC, datetime

    from daemon.understand.timeparse import resolve

    ref = datetime(2025, 11, 21, 9, 0, tzinfo=UTC)
    assert resolve("the total is 4.50 and version 2.30 ships", ref) == []
    assert [m.start.hour for m in resolve("9.30 Monday it is", ref)] == [9]


# --- sixth round (b6-theta, a sales inbox): measured once at 3293966, then these ------------------


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Role-Play Round Details", "Great news - Greg would like to move you forward to our role-play round! "
         "Details:\n  When: Wednesday, September 10 | 2:00 - 3:00 PM ET\n  Format: mock discovery call + debrief "
         "and Q&A", "invitation"),
        ("Tidewell - next step", "I enjoyed our conversation and would like to invite you to the mock pitch round "
         "on Monday, Jan 5 at 11:00 AM ET.", "invitation"),
        ("Offer - Account Executive at Pinecrest", "I'm thrilled to send over your formal offer to join Pinecrest "
         "as an Account Executive. Base salary: $95,000.", "offer"),
        ("VERBAL OFFER - Verdance", "Congrats!! Dale just called me with a verbal offer. Base: $130,000, OTE "
         "$260,000.", "offer"),
        ("Thank you", "We've decided to extend an offer to another finalist whose background is heavier on "
         "healthcare.", "rejection"),
        ("Enterprise AE - quick chat?", "I'm working on a search for an Enterprise Account Executive with my client "
         "Verdance. I'd love 15 min to walk you through it. A few windows (all Central):\n  - Wed 1/14 at 11:30am\n"
         "  - Thu 1/15 at 9:00am", "invitation"),
        ("Re: Verdance wants to meet you!", "Small change - Verdance asked to move your interview to Wednesday 1/28 "
         "at 8:30 AM CST (same 30 min).", "reschedule"),
    ],
)
def test_sixth_round_mechanisms(subject: str, body: str, expected: str) -> None:
    reply = subject.lower().startswith("re")
    cat, reasons = category(mail("Brad O <brad@summitridge.example>", subject, f"Hi Sam,\n\n{body}\n\nBrad",
                                 reply=reply, date="Wed, 10 Dec 2025 10:14:00 -0500"))
    assert cat == expected, reasons


def test_a_job_alert_s_new_openings_propose_no_slots() -> None:
    body = ("Hi Sam,\n\nHere are some openings for you:\n- Account Executive, Acme - Dallas\n"
            "- Sales Manager, Beta - Austin\n\nView all jobs")
    cat, reasons = category(mail("Jobs <alerts@jobs.example>", "New openings for you", body,
                                 headers="List-Unsubscribe: <mailto:u@jobs.example>\r\n"))
    assert cat == "other", reasons


# --- sixth round, b6-eta (German, Austrian and Swiss mail): measured once at 3b54e86 --------------


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("AW: Terminvorschläge für ein Erstgespräch", "super, dann fixieren wir Mittwoch, 24.09. um 15:30 Uhr. Die "
         "Teams-Einladung kommt heute noch.", "invitation"),
        ("Terminverschiebung - neuer Termin Freitag", "leider muss Herr Weigl am Mittwoch zu einem Kunden, "
         "Ihr Erstgespräch entfällt. Brennwald schlägt stattdessen Freitag, 26.09.2025, 11:00-11:30 Uhr vor, "
         "wieder per Teams.", "reschedule"),
        ("Finales Gespräch - Zoom-Einladung", "Wie besprochen lade ich Sie zum finalen Gespräch mit unserem CTO ein. "
         "Time: Jan 15, 2026 04:00 PM Amsterdam, Berlin, Rome, Stockholm, Vienna", "invitation"),
        ("Ihre Bewerbung als Backend Developer - Terminfindung", "Wir möchten Sie gerne zu einem ersten Gespräch "
         "(ca. 45 Minuten, via Microsoft Teams) einladen. Könnten Sie uns bitte zwei bis drei mögliche Termine "
         "nennen?", "invitation"),
        ("AW: Ihre Bewerbung - Terminfindung", "vielen Dank für Ihre Terminvorschläge. Gerne bestätigen wir "
         "Donnerstag, 22.01.2026, um 10:00 Uhr.", "invitation"),
        ("Kurzes Kennenlernen?", "danke für deine Bewerbung als Backend Engineer! Ich würde dich gern in einem "
         "kurzen Telefonat kennenlernen. Passt dir Montag, der 2. Februar, um 11 Uhr?", "invitation"),
        ("Ihr Dienstvertrag - Data Engineer", "es freut uns sehr, Ihnen nach dem finalen Gespräch die Position als "
         "Data Engineer anbieten zu können. Bruttomonatsgehalt: EUR 5.300,-", "offer"),
    ],
)
def test_german_austrian_and_swiss_phrasings(subject: str, body: str, expected: str) -> None:
    reply = subject.startswith(("AW", "Re"))
    cat, reasons = category(mail("Stefanie Roth <s.roth@hartmann.example>", subject, f"Hallo Sam,\n\n{body}\n\n"
                                 "Beste Grüße\nStefanie", reply=reply, date="Wed, 14 Jan 2026 09:44:36 +0100"))
    assert cat == expected, reasons


def test_a_founder_s_booking_link_after_thanks_for_applying_is_an_invitation() -> None:
    body = ("Hei Sam,\nthanks for applying to the Data Engineer role at Fjordline. I'm one of the founders and do the "
            "first conversations myself.\nIf you're up for a 30 min video chat, grab whatever slot suits you here:\n"
            "https://calendly.com/eirik-fjordline/30min\n\nMvh\nEirik")
    cat, reasons = category(mail("Eirik S <eirik@fjordline.example>", "Data Engineer at Fjordline - quick chat?", body))
    assert cat == "invitation", reasons


def test_pushed_from_four_to_six_is_six() -> None:
    body = ("sorry, investor call got moved on me - I pushed our chat from 4 to 6pm today, invite is updated. still "
            "20 min.\n\nJ\n\nOn Wed, Feb 4, 2026 at 10:02 PM Sam wrote:\n> 4pm tomorrow works for the Backend "
            "Engineer chat, talk then!\n")
    a = analyze(mail("Jonas W <jonas@spreeform.example>", "Re: Founding Backend Engineer @ Spreeform", body,
                     reply=True, date="Thu, 05 Feb 2026 12:31:40 +0100"))
    assert a.classification.category.value == "reschedule", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2026-02-05T18:00:00+01:00"


# --- mail from an employer the user already has an application with ------------------------------


ONE_LINER = ("Hi Sam - Tasha passed along great notes from your call. I run the mid-market team and would like to "
             "grab 45 min with you. Can you do Fri 8/29 at 1:30 central? I'll have Tasha send a zoom.\n\nGreg\n\n"
             "Sent from my iPhone")


def test_a_one_liner_from_a_known_employer_is_read_in_its_context() -> None:
    from daemon.understand.analyze import analyze_mail

    m = parse(mail("Greg L <greg@pinecrest.example>", "Pinecrest - next convo", ONE_LINER,
                   date="Wed, 27 Aug 2025 19:48:00 -0400"))
    assert analyze_mail(m).classification.category.value == "other"  # nothing says hiring: as explain sees it
    a = analyze_mail(m, known_employers=frozenset({"pinecrest.example"}))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2025-08-29T13:30:00-05:00"


def test_a_known_employer_s_newsletter_or_no_reply_notice_gains_nothing() -> None:
    from daemon.understand.analyze import analyze_mail

    m = parse(mail("Pinecrest <no-reply@pinecrest.example>", "Pinecrest product update",
                   "Join our webinar on Fri 8/29 at 1:30 central to see what's new.",
                   date="Wed, 27 Aug 2025 19:48:00 -0400"))
    assert analyze_mail(m, known_employers=frozenset({"pinecrest.example"})).classification.category.value == "other"


# --- seventh round, b7-iota (a postdoc's academic and biotech search): measured once at 5ab2a88 -----


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("RE: Kestrel - interview availability", "Great, Wednesday 10:30 it is - I've confirmed with Dr. Feld. It "
         "will be 45 minutes on Teams. Good luck - call me after if you want to debrief." + THREAD, "invitation"),
        ("MCB Assistant Professor search - Zoom interview", "Thank you for your application to the Assistant "
         "Professor position. The search committee would like to speak with you in a Zoom interview. Please indicate "
         "every time you could be available in the poll below:\nhttps://www.when2meet.com/?31847260-MCB",
         "invitation"),
        ("RE: Confirmed: Zoom interview - Assistant Professor search", "Two committee members have been called to a "
         "senate meeting. We have therefore moved your interview to Wednesday, November 5, 2:30-3:15 p.m. Central.",
         "reschedule"),
        ("Offer of appointment - Assistant Professor", "It is my great pleasure to offer you an appointment as "
         "Assistant Professor of Molecular Biology. Start-up package: $950,000.", "offer"),
        ("Vacancy 26.0142 - outcome", "Thank you for your interview with the selection committee. After careful "
         "consideration, the committee has decided not to invite you to the second round.", "rejection"),
    ],
)
def test_seventh_round_mechanisms(subject: str, body: str, expected: str) -> None:
    reply = subject.startswith("RE")
    cat, reasons = category(mail("Beth C <beth@westbrook.example>", subject, f"Dear Dr. Sam,\n\n{body}\n\nBeth",
                                 reply=reply, date="Thu, 30 Oct 2025 16:40:00 -0500"))
    assert cat == expected, reasons


# --- seventh round, b7-kappa (hospitality and retail, AU/NZ): measured once at 8240cff -----------


@pytest.mark.parametrize(
    ("sender", "subject", "body", "expected"),
    [
        ("Gaz P <gazza.arms@bigpond.com>", "Re: Venue manager", "hey jess thanks for comin in yday, good chat. can u "
         "do a trial shift sat arvo 2-6? want to see u on the floor" + THREAD, "invitation"),
        ("Ollie B <ollie@sundaysupply.example>", "Re: Second catch-up", "we've had to put the venue manager hire on "
         "hold, so I'm going to have to cancel our catch-up on Tuesday.", "cancellation"),
        ("Hannah L <hannah@bramble.example>", "Re: Shop visits!", "we have to cancel tues. Grey Lynn flooded last "
         "night. Can we redo in the new year?", "cancellation"),
        ("Hannah L <hannah@bramble.example>", "Shop visits - take 2", "Can we redo the shop day? Either Wed 14 Jan or "
         "Thu 15 Jan, 8am start at Grey Lynn. Let me know which suits.", "invitation"),
        ("Hannah L <hannah@bramble.example>", "Area Manager - North Island", "Loved your CV. I'll give you a ring this "
         "Thurs at 7.30pm Melbourne time if thats ok?", "invitation"),
        ("Careers <careers@juniper.example>", "Update on your application - Store Manager", "We've now completed the "
         "process and have decided to appoint a candidate who is already based in Western Australia.", "rejection"),
        ("Leanne F <leanne@juniper.example>", "Karrinyup store walk - Thursday 7 May", "Rob has asked me to take you "
         "through our Karrinyup store as the final stage of the process. Thursday 7 May, 9:30am AWST. Meet me at "
         "the store.", "invitation"),
    ],
)
def test_seventh_round_hospitality_mechanisms(sender: str, subject: str, body: str, expected: str) -> None:
    reply = subject.startswith("Re")
    cat, reasons = category(mail(sender, subject, f"Hi Jess,\n\n{body}\n\nH", reply=reply,
                                 date="Tue, 11 Nov 2025 20:14:09 +1300"))
    assert cat == expected, reasons


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Thursday 18 September at 12.30pm NZ time (that's 10.30am your time in Melbourne)",
         "2025-09-18T12:30:00+12:00"),
        ("Saturday 20 June 2026, 10:00am - 1:00pm (WST)", "2026-06-20T10:00:00+08:00"),
        ("a trial shift saturday arvo at 2", "2025-09-13T14:00:00+12:00"),
    ],
)
def test_nz_time_wst_and_arvo(text: str, start: str) -> None:
    from datetime import datetime, timedelta, timezone

    from daemon.understand.timeparse import resolve

    ref = datetime(2025, 9, 12, 14, 22, tzinfo=timezone(timedelta(hours=12)))
    found = resolve(text, ref)
    assert found and found[0].start.isoformat() == start, found


# --- eighth round (b8-lambda finance, b8-mu development sector) ---------------------------------


def test_a_cover_note_that_converts_a_clock_defers_to_the_forwarded_dated_time() -> None:
    body = ("Hi Sam\n\nBelow is the Zoom invite for your first-round interview for the Evaluation role. Zoom shows our "
            "Cape Town time - that's 3:00 PM for you in Nairobi.\n\nMandla\n\n---------- Forwarded message ---------\n"
            "From: Mandla J <mandla@insightloop.example>\nDate: Tue, 2 Dec 2025 at 12:10\n\n"
            "Mandla is inviting you to a scheduled Zoom meeting.\nTopic: Insight Loop interview\n"
            "Time: Dec 9, 2025 02:00 PM Johannesburg\n")
    a = analyze(mail("Mandla J <mandla@insightloop.example>", "Fwd: Zoom meeting invitation - interview", body,
                     date="Tue, 02 Dec 2025 12:18:48 +0200"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start is not None
    assert a.interview.start.isoformat() == "2025-12-09T14:00:00+02:00"


@pytest.mark.parametrize(
    ("sender", "subject", "body", "expected"),
    [
        ("HireRight <noreply@hireright.com>", "Action Required: Complete your background screening", "Harrowgate has "
         "asked HireRight to conduct a background screening as part of your offer of employment.", "other"),
        ("Dan O <dan@ploversearch.example>", "Re: first round tomorrow", "You crushed it. They want you back THIS "
         "AFTERNOON for finals: 2:00-5:30pm ET, four back-to-back Zooms." + THREAD, "invitation"),
        ("Vivian C <vivian@orrinbay.example>", "RE: Senior Associate (introductory call)", "I am sorry to let you know "
         "that we need to cancel next Friday's breakfast with Edmund (6 November, 8:00am).", "cancellation"),
    ],
)
def test_eighth_round_mechanisms(sender: str, subject: str, body: str, expected: str) -> None:
    reply = subject.lower().startswith("re")
    cat, reasons = category(mail(sender, subject, f"Dear Sam,\n\n{body}\n\nBest", reply=reply,
                                 date="Fri, 30 Oct 2026 16:45:10 +0800"))
    assert cat == expected, reasons


# --- ninth round, b9-xi (French and English mail in France, Switzerland, Belgium, Montréal) --------


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Entretien RH - Lead Backend Engineer", "Merci pour votre candidature ! Nous avons le plaisir de vous "
         "proposer un premier entretien RH.\nDate : mardi 14 octobre 2025\nHeure : 14:30 - 15:00 (heure de Paris)",
         "invitation"),
        ("Dev Go chez Sablon - on s'appelle ?", "J'ai vu ta candidature pour le poste de Développeur Go. Je te propose "
         "un premier call de 30 min jeudi à 18h.", "invitation"),
        ("Poste de Tech Lead - Canopée", "Comme convenu, je vous appelle demain à 12h15 au numéro indiqué sur votre "
         "CV pour le poste de Tech Lead.", "invitation"),
        ("Helvetix - modification de votre session de pair-programming", "Nous devons déplacer la session de "
         "pair-programming prévue le mercredi 19 novembre. Nouvelle date : jeudi 20 novembre, 13h30-15h00.",
         "reschedule"),
        ("Annulation - échange de mercredi", "Je dois annuler notre échange de demain, mercredi 22 octobre à 16h, pour "
         "le poste de Tech Lead.", "cancellation"),
        ("Votre candidature - Ingénieur Backend", "Nous sommes au regret de vous informer que votre profil n'a pas été "
         "retenu pour ce poste.", "rejection"),
        ("Offer from Parcelwise", "I'm thrilled to tell you that we'd love to have you join Parcelwise as a Backend "
         "Engineer! Here's what we're offering: $150,000/year.", "offer"),
    ],
)
def test_ninth_round_french_mechanisms(subject: str, body: str, expected: str) -> None:
    cat, reasons = category(mail("Inès G <ines@ardoise.example>", subject, f"Bonjour Sam,\n\n{body}\n\nInès",
                                 date="Wed, 08 Oct 2025 10:00:00 +0200"))
    assert cat == expected, reasons
