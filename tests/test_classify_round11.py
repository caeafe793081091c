"""Issue 14, eleventh round of blind sets (b11-upsilon: a Toronto CPA, banks and Montréal
French; b11-phi: a Kraków platform engineer, founders and Polish software houses; b11-tau: an
Atlanta logistics manager, distribution centres and site walks): the mechanisms their misses
showed wanting. Each case is mail written for the purpose, not copied from a set."""

from __future__ import annotations

import pytest
from mailmaker import category, mail, start

from daemon.understand.timeparse import scan

# --- Polish ------------------------------------------------------------------------------------

PL_DATE = "Wed, 14 Jan 2026 09:10:00 +0100"


def test_polish_dates_and_times_are_read() -> None:
    text = "w czwartek 22 stycznia o 15:30 czasu polskiego"
    (p,) = scan(text)[0]
    assert (p.day, p.month, p.weekday, p.hour, p.minute) == (22, 1, 3, 15, 30)
    assert p.zone is not None and p.zone.key == "Europe/Warsaw"
    (q,) = scan("jutro o 10:00")[0]
    assert q.rel_days == 1 and q.hour == 10


def test_a_polish_invitation_with_a_term_line_is_an_invitation_at_that_time() -> None:
    body = ("Cześć Anna,\n\ndzięki za wczorajszą rozmowę! Zapraszamy na kolejny etap rekrutacji: rozmowę "
            "techniczną z naszym architektem.\nTermin: piątek 16.01, 11:00-12:00, Google Meet.\n\nPozdrawiam,\nMarta\n")
    raw = mail("Marta Nowak <marta@softhouse.example>", "Zaproszenie na rozmowę techniczną", body, date=PL_DATE)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-01-16T11:00:00+01:00"


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Re: rekrutacja", "Niestety zdecydowaliśmy się na kandydata z większym doświadczeniem w GCP.", "rejection"),
        ("Zmiana terminu rozmowy", "Musimy przełożyć naszą rozmowę kwalifikacyjną na poniedziałek 19.01 o 10:00.",
         "reschedule"),
        ("Odwołanie spotkania", "Niestety musimy odwołać jutrzejszą rozmowę rekrutacyjną.", "cancellation"),
        ("Oferta współpracy",
         "Z przyjemnością przedstawiamy ofertę współpracy B2B: stawka dzienna 1800 PLN netto + VAT.",
         "offer"),
    ],
)
def test_polish_decisions_and_changes(subject: str, body: str, expected: str) -> None:
    raw = mail("Marta Nowak <marta@softhouse.example>", subject, body, date=PL_DATE, reply=subject.startswith("Re:"))
    assert category(raw)[0] == expected


def test_a_polish_quote_header_starts_the_quoted_part() -> None:
    body = ("Dzięki, do zobaczenia!\n\nW dniu 12.01.2026 o 17:20, Anna Kowalska pisze:\n> Czy pasuje wtorek o 10?\n")
    from daemon.understand.mail import parse

    m = parse(mail("Marta <marta@softhouse.example>", "Re: rozmowa", body, reply=True, date=PL_DATE))
    assert "pisze" not in m.text and "wtorek" in m.quoted


# --- English phrasings ---------------------------------------------------------------------------


def test_a_recorded_video_interview_with_a_deadline_is_no_meeting() -> None:
    body = ("The next step is an asynchronous video interview: five recorded questions, no interviewer live. "
            "Deadline: Friday, March 6, 2026, 5 p.m. ET.\n")
    cat, reasons = category(mail("Acme via Sonru <noreply@sonru.com>", "Video interview - Acme", body))
    assert cat == "other", reasons


def test_case_materials_sent_ahead_are_not_the_interview() -> None:
    body = ("We'd like to invite you to the final round.\nCase materials: you'll receive a data pack by email on "
            "Monday, March 9 at 9:00 a.m. ET.\nPresentation: Wednesday, March 11 at 1:00 p.m. ET, 60 minutes.\n")
    raw = mail("Tessa <tessa@dunmore.example>", "Final round - case presentation", body,
               date="Tue, 03 Mar 2026 09:32:16 -0500")
    assert start(raw) == "2026-03-11T13:00:00-04:00"


def test_a_cfo_conversation_as_the_final_step_is_an_invitation() -> None:
    body = ("Hi Sam,\n\nAs a final step, our CFO would like a 30-minute phone conversation with you this Friday at "
            "2:30 p.m. She'll call your mobile.\n")
    raw = mail("Olivia <olivia@harbourpension.example>", "Next step", body, date="Tue, 03 Mar 2026 13:05:48 -0500")
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-03-06T14:30:00-05:00"


def test_a_call_with_your_references_is_not_your_interview() -> None:
    body = ("Thanks for your time with the panel on Wednesday. As a next step, could you send two professional "
            "references? We'll reach out to them by email first to book a short call at their convenience.\n")
    cat, reasons = category(mail("Shauna <shauna@bowridge.example>", "RE: Thank you", body, reply=True))
    assert cat == "employer_reply", reasons


def test_terse_founder_mail() -> None:
    booked = "booked us for Thu 2026-03-19, 15:00 UTC (16:00 your time), 45 min.\nMeet: https://meet.google.com/x\n"
    raw = mail("Felix <felix@kranich.example>", "Platform Engineer - system design call", booked,
               date="Mon, 16 Mar 2026 08:52:10 +0100")
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-03-19T15:00:00+00:00"
    confirm = ("Wed works. Invite sent for 10am ET, 20 min.\n\nOn Tue, Mar 10, 2026 at 2:03 PM Sam wrote:\n"
               "> Thanks for reaching out about the platform role! Wednesday 3/11 at 10am ET would be best for me.\n")
    raw = mail("Eli <eli@quill.example>", "Re: your repo", confirm, reply=True, date="Tue, 10 Mar 2026 15:15:44 -0400")
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-03-11T10:00:00-04:00"
    no = ("Being straight with you: we're going to hire someone on US hours for this first infra role.\n\n"
          "> thanks for the chat today!\n")
    assert category(mail("Eli <eli@quill.example>", "Re: your repo", no, reply=True))[0] == "rejection"


def test_a_story_told_in_an_interview_is_not_a_media_interview() -> None:
    body = ("Priya really enjoyed Friday's conversation, particularly the story about the etcd outage. We're finishing "
            "the last couple of interviews this week.\n\n> Thanks for arranging the conversation this morning.\n")
    cat, reasons = category(mail("Oliver <oliver@pennant.example>", "RE: Thank you - interview", body, reply=True))
    assert cat == "employer_reply", reasons


def test_the_candidates_own_debrief_and_scorecard_case_are_not_the_interviewer_side() -> None:
    body = ("Thanks for your submission! Please choose a time for a 60-minute take-home debrief with the team: "
            "https://app.ashbyhq.com/interview-self-schedule/acme/1\n")
    assert category(mail("Acme <no-reply@ashbyhq.com>", "Schedule your take-home debrief", body))[0] == "invitation"
    onsite = ("Congrats on moving to the final round! Your virtual onsite is confirmed.\nFriday, March 13, 2026\n"
              "1:00 PM - 3:30 PM EST\n1:00 - 1:45  Head of Freight (case: carrier scorecard)\n")
    raw = mail("Jordan (Routewise) <no-reply@greenhouse-mail.example>", "Interview Confirmation: Virtual Onsite",
               onsite, date="Fri, 06 Mar 2026 18:22:15 +0000")
    assert category(raw)[0] == "invitation"


# --- operations: site walks, phones, itineraries --------------------------------------------------


def test_a_site_walk_asked_for_by_phone_is_an_invitation() -> None:
    body = ("Final step is walking the building with me. Can you be at the Pinemont facility 0630 Thursday? "
            "Should wrap by 9.\n")
    raw = mail("Dale <dale@coldchain.example>", "Houston site", body, date="Mon, 09 Mar 2026 20:51:16 -0500")
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-03-12T06:30:00-05:00"
    come = "Want you to come out to the terminal for a final interview w/ me. Tues 3/17 @ 10a.\n"
    raw = mail("Gary <gary@ridgeway.example>", "Terminal visit", come, date="Wed, 11 Mar 2026 12:31:45 -0500")
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-03-17T10:00:00-05:00"


def test_travel_in_an_itinerary_is_not_the_interview() -> None:
    body = ("Here's the itinerary.\nWednesday, March 18\n  6:40 PM ET   Depart ATL\n"
            "Thursday, March 19 (all times Central)\n  8:00 AM   Site tour\n  9:30 AM   Interview - Regional VP\n")
    raw = mail("Jenna <jenna@summit.example>", "Onsite itinerary for Thursday 3/19", body,
               date="Tue, 10 Mar 2026 16:20:33 -0400")
    assert start(raw) == "2026-03-19T08:00:00-05:00"
    # and a department is no departure
    dept = ("We would like to meet with you by Zoom on Friday, March 20, 2026, 3:00-3:30 p.m. EST. "
            "Department of Neurology\n")
    assert start(mail("Faculty Affairs <fa@college.example>", "Zoom interview", dept,
                      date="Wed, 11 Mar 2026 16:47:00 -0400")) == "2026-03-20T15:00:00-04:00"


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Re: terminal visit", "Got an audit dropped on us Tues. Need to push you to Thurs 3/19, same time.\n\n"
         "> See you Tuesday at 10.\n", "reschedule"),
        ("Offer!", "Congrats!! The client has approved an offer for Operations Manager: Base $112,000.", "offer"),
        ("Warehouse Manager", "We're going to go with a candidate who's already local.", "rejection"),
        ("Re: Ops Mgr", "Good meeting you Fri. Talking w/ our VP this week, someone will be in touch.\n\n"
         "> thanks for taking the time to walk the building with me", "employer_reply"),
    ],
)
def test_terse_managers(subject: str, body: str, expected: str) -> None:
    raw = mail("Ray <ray@tallgrass.example>", subject, body, reply=subject.startswith("Re:"))
    assert category(raw)[0] == expected


def test_a_zone_named_for_reference_does_not_govern_the_schedule() -> None:
    body = ("Here is your schedule. Times are shown in your time zone (Central European Summer Time), with Pacific "
            "in brackets for reference.\nTuesday, October 20, 2026\n"
            " 5:00 PM - 6:00 PM   Pairing   (8:00 - 9:00 AM PDT)\n"
            " 6:00 PM - 7:00 PM   System design   (9:00 - 10:00 AM PDT)\n")
    raw = mail("Kayla <no-reply@ashbyhq.com>", "Your final round interview is confirmed", body,
               date="Tue, 13 Oct 2026 18:40:11 +0000")
    assert start(raw) == "2026-10-20T17:00:00+02:00"


# --- after b11-omega (the final set, measured once at c404d5e, then tuned) ----------------------


def test_a_weekday_and_clock_that_works_confirms_the_quoted_slot() -> None:
    body = ("Great, Wednesday at 1 works. I'll send a Teams invite shortly.\n\n-----Original Message-----\n"
            "From: Sam\nSent: Wednesday, March 4, 2026 8:51 PM\nSubject: Re: HR Business Partner conversation\n\n"
            "Wednesday 3/11 at 1:00 pm Mountain would be great.\n")
    raw = mail("Monica <monica@cedarpine.example>", "RE: HR Business Partner conversation", body, reply=True,
               date="Thu, 05 Mar 2026 08:47:30 -0700")
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-03-11T13:00:00-06:00"


def test_a_friends_pub_at_seven_works_is_no_confirmation() -> None:
    body = "Ha yes, the Kings Head at 7 works! Good luck with the interview on Thursday x\n\n> Drinks Friday?\n"
    cat, reasons = category(mail("Ciara <ciara@gmail.com>", "Re: drinks Friday?", body, reply=True))
    assert cat == "other", reasons


def test_an_applicant_confirming_the_interview_the_user_arranged_is_not_the_users_interview() -> None:
    body = ("Good morning Ms. Candidate,\n\nThank you for the invitation. I confirm that I will attend the interview "
            "on Monday, March 16 at 10:00 AM at the Fulton Street office.\n\nBest regards,\nLuis\n")
    cat, reasons = category(mail("Luis <luis.a@outlook.com>", "Re: Interview confirmation - Customer Service", body,
                                 reply=True))
    assert cat == "other", reasons


def test_a_recruiting_firm_confirming_a_time_is_an_invitation() -> None:
    body = ("Hi Sam,\n\nYou're confirmed with Dana Whitcomb (VP People, Lumen Street Media) for Tuesday 3/17 at "
            "3:30 pm ET. 45 minutes on Zoom.\n")
    raw = mail("Marcus <mhale@talentbridgepartners.example>", "Re: Lumen Street Media", body, reply=True,
               date="Thu, 12 Mar 2026 17:05:51 -0400")
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-03-17T15:30:00-04:00"


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Reference call for Alicia Moreno", "Thank you for agreeing to serve as a reference for Alicia. I'll call you "
         "Thursday at 3:00 PM ET.", "other"),
        ("Rescheduling your interview", "Tom has the following 45-minute windows available on Teams (Eastern Time):\n"
         "- Thursday 3/26 - 9:00 AM\n- Friday 3/27 - 11:30 AM\nPlease reply with your preference.", "invitation"),
        ("Re: phone screen", "We've decided to move ahead with candidates who have more union experience.",
         "rejection"),
        ("Next step", "Next step: I've booked you with our CFO, Helen Park, for Friday at 1. It's 30 minutes on "
         "Teams; she meets every HR Business Partner candidate.", "invitation"),
    ],
)
def test_hr_inbox_phrasings(subject: str, body: str, expected: str) -> None:
    raw = mail("Jess <jess@ironleaf.example>", subject, body, reply=subject.startswith("Re:"))
    assert category(raw)[0] == expected
