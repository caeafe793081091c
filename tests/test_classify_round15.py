"""Issue 14, fifteenth round of blind sets (b15-ind: campus placements in Hyderabad and
Bengaluru; b15-air: cabin crew and hotel jobs from Manila to the Gulf; b15-gov: US federal,
state and city government): the mechanisms their misses showed wanting. Mail written for the
purpose."""

from __future__ import annotations

import pytest
from mailmaker import category, mail, start
from test_classify import eml, vcal

from daemon.understand.analyze import analyze

IST = "Tue, 12 May 2026 18:30:00 +0530"
GULF = "Mon, 11 May 2026 08:10:00 +0300"
MDT = "Tue, 12 May 2026 10:00:00 -0600"


def test_a_reporting_time_is_not_the_interview_slot() -> None:
    body = (
        "Dear Priya,\n\nYou are invited for the Technical + HR interview (final round).\n\n"
        "Date                  : Thursday, 14 May 2026\nReporting time        : 9:00 AM (for document verification)\n"
        "Your interview slot   : 10:15 AM (Panel 3)\nVenue                 : Block C, Room 204\n"
    )
    raw = mail("Campus Connect <campus@nexora.example>", "Interview Schedule - Campus Drive", body, date=IST)
    assert start(raw) == "2026-05-14T10:15:00+05:30"


@pytest.mark.parametrize("to", ["", "Priya <22a31@college.edu.in>"])
def test_the_schools_placement_cell_is_not_a_colleague(to: str) -> None:
    body = (
        "Hi all,\n\nDhruva Semiconductors has shortlisted the students below for the first round - technical "
        "interview.\n\nPlease reply with your preferred slot:\n  Slot A : Thu 14 May, 10:00 AM\n"
        "  Slot B : Thu 14 May, 2:00 PM\n\nHarish (Student Placement Coordinator)\n"
    )
    raw = mail(
        "Placement Coordinator <pc.cse@college.edu.in>",
        "Dhruva Semiconductors - Interview slot selection",
        body,
        to=to or "Priya <22a31@college.edu.in>",
        date=IST,
    )
    assert category(raw)[0] == "invitation"
    # a colleague at a company is still a colleague
    work = mail(
        "Harish <harish@acme.example>",
        "Interview panel for the SRE role",
        "Hi Priya, can you sit on the SRE interview panel on Thu 14 May at 10:00?\n",
        to="Priya <priya@acme.example>",
        date=IST,
    )
    assert category(work)[0] == "other"


def test_a_labelled_finish_is_the_end_of_the_day_not_its_start() -> None:
    body = (
        "Dear Joy,\n\nWe are pleased to invite you to a Cabin Crew Assessment Day.\n\n"
        "Date:          Saturday, 23 May 2026\nRegistration:  08:00 (UAE time)\nFinish:        14:30\n"
    )
    raw = mail("Careers <no-reply@careers.aurum.example>", "Invitation: Assessment Day", body, date=GULF)
    assert start(raw) != "2026-05-23T14:30:00+04:00"
    # an "End Time:" still ends the interview its "Start Time:" begins
    screen = (
        "A phone screen has been scheduled.\n\nInterview Date:  Thursday, 05/21/2026\n\nStart Time:  1:00 PM\n\n"
        "End Time:  1:45 PM\n\nTime Zone:  Eastern Standard Time\n"
    )
    a = analyze(mail("Recruiting <noreply@myworkday.com>", "Phone screen scheduled", screen, date=MDT))
    assert a.interview is not None and a.interview.end is not None
    assert (a.interview.start.hour, a.interview.end.hour, a.interview.end.minute) == (13, 13, 45)


def test_a_move_from_one_hour_to_another_because_of_something() -> None:
    body = (
        "Dear Joy,\n\nDue to a change in our interview panel, we need to move your interview\nfrom 1:00 PM to "
        "2:30 PM (Bahrain time) today. The interview is scheduled for 30 minutes.\n"
    )
    raw = mail("Mariam <mariam@salwa.example>", "Today's interview - new time", body, date=GULF)
    assert category(raw)[0] == "reschedule"
    assert start(raw) == "2026-05-11T14:30:00+03:00"


def test_a_slot_confirmed_by_its_letter() -> None:
    body = (
        "Dear Joy,\n\nNoted with thanks - you are booked for Option B. Your Teams link is below.\n\n"
        "-----Original Message-----\nFrom: Joy <joy@mailbox.test>\nSent: Sunday, 10 May 2026 8:31 PM\n"
        "Subject: Re: Video Interview\n\nI would like to choose Option B -\nWednesday, 13 May, 2:00 pm SGT.\n\n"
        "-----Original Message-----\nFrom: Recruitment <crew@orchid.example>\nSubject: Video Interview\n\n"
        "Option A - Tuesday, 12 May, 10:00 am SGT\nOption B - Wednesday, 13 May, 2:00 pm SGT\n"
    )
    raw = mail("Felicia <crew@orchid.example>", "RE: Video Interview", body, reply=True, date=GULF)
    assert start(raw) == "2026-05-13T14:00:00+08:00"


def test_a_day_picked_by_its_name_from_the_candidates_proposals() -> None:
    body = (
        "Perfect - Tuesday it is. I've confirmed with Mr. Khalil; he'll call you on WhatsApp video, and the call "
        "will be 30 minutes.\n\n"
        "On Mon, May 11, 2026 at 8:03 PM Joy <joy@mailbox.test> wrote:\n"
        "> I could do Tuesday 12 May at 11am Doha time, or Wednesday 13 May at 3pm Doha time.\n"
    )
    subject = "Re: Front Office Supervisor - Corniche Hotel - availability?"
    raw = mail("Joanna <joanna@qhp.example>", subject, body, reply=True, date=GULF)
    assert start(raw) == "2026-05-12T11:00:00+03:00"


def test_an_eligible_list_does_not_guarantee_an_offer() -> None:
    body = (
        "Dear Dana,\n\nYour name has been placed on the eligible list for this classification. Placement on the "
        "eligible list does not guarantee an interview or an offer of employment.\n"
    )
    raw = mail("City of Elm <notifications@publicjobs.example>", "Exam Results and Eligible List Placement", body)
    assert category(raw)[0] != "offer"


def test_not_referred_and_not_considered_further() -> None:
    body = (
        "Dear Dana,\n\nYour application was reviewed and you were found qualified; however, you were not among "
        "the best-qualified candidates referred to the hiring manager. You will not be considered further for "
        "this announcement.\n"
    )
    raw = mail("USAJOBS <no-reply@notify.usajobs.gov>", "Your application status has changed", body)
    assert category(raw)[0] == "rejection"


def test_a_cancelled_interview_scheduled_again_by_link() -> None:
    body = (
        "Ms. Whitcombe,\n\nWe are restarting interviews for Budget Analyst. Your original interview on October 2 "
        "was cancelled because of the lapse. Please use the scheduling page below to choose a new interview "
        "time.\n\nhttps://outlook.office365.com/book/HRInterviews@agency.example/\n"
    )
    raw = mail("Lucia <lucia@agency.example>", "Interview Scheduling - Budget Analyst", body, date=MDT)
    assert category(raw)[0] == "invitation"


def test_a_booked_session_hosted_by_a_career_coach() -> None:
    body = (
        "Hi Danielle,\nA new event has been scheduled.\n\nEvent Type:\nResume & LinkedIn Review (45 min)\n\n"
        "Date/Time:\n6:00pm - 6:45pm (Central Time - US & Canada)\nWednesday, May 20, 2026\n\n"
        "Host:\nJenna Albrecht, Albrecht Career Coaching\n"
    )
    subject = "Confirmed: Resume & LinkedIn Review with Jenna Albrecht"
    invite = vcal("REQUEST", "Resume & LinkedIn Review", organizer="jenna@albrechtcoaching.example")
    raw = eml("Calendly <notifications@calendly.com>", subject, body, ics=invite)
    assert category(raw)[0] == "other"


def test_a_first_day_welcome_is_not_an_offer() -> None:
    body = (
        "Hi Danielle,\n\nWelcome to Copperline! We're so excited to have you join the Marketing team as our Product "
        "Marketing Manager.\n\nYour first day is Monday, April 6. 9:00 AM: New Hire Orientation.\n"
    )
    raw = mail("People Team <people@copperline.example>", "Welcome to Copperline! Your first-day details", body)
    assert category(raw)[0] != "offer"
    offer = (
        "Hi Danielle,\n\nWe'd love to have you join Copperline as our Product Marketing Manager. Base salary "
        "$120,000; please sign the attached offer letter.\n"
    )
    assert category(mail("People Team <people@copperline.example>", "Your offer", offer))[0] == "offer"
