"""Issue 14, twenty-first round of blind sets (b21-cal: a search run through calendar invitations
and their notices; b21-relay: recruiters reaching a candidate in Arizona through job platforms'
message relays and texts; b21-loops: a staff engineer in several large companies' interview
loops): the mechanisms their misses showed wanting. Mail written for the purpose."""

from __future__ import annotations

from mailmaker import category, mail, start

from daemon.understand.timeparse import scan

CDT = "Tue, 04 Nov 2025 09:12:00 -0600"
MST = "Thu, 16 Oct 2025 10:02:00 -0500"
ME = "Jo Rivera <jo.rivera@mailbox.test>"


# --- a clock right after a date's day and a dash -----------------------------------------------


def test_a_range_after_a_date_and_a_dash_is_the_day_s_clock() -> None:
    # the day's number and the dash read like the start of "13 - 8:00": the clock is read again
    for text in ("Thursday, November 13 - 8:00-11:30 AM PT", "Thursday, November 13 — 8:00–11:30 AM PT"):
        (p,) = scan(text)[0]
        assert (p.day, p.hour, p.minute, p.end_hour, p.end_minute) == (13, 8, 0, 11, 30)
        assert p.zone is not None and p.zone.key == "America/Los_Angeles"
    (p,) = scan("June 4 - 3:00 pm")[0]
    assert (p.day, p.hour, p.meridiem) == (4, 3, "p")
    # a bare number after the dash says nothing of a clock
    (p,) = scan("June 4 - 3")[0]
    assert p.hour is None


def test_a_clock_after_a_zone_and_a_slash() -> None:
    found = scan("I've booked 11am PT/12pm MT on Monday, March 16 for our phone screen.")[0]
    assert [(p.hour, p.zone.key if p.zone else None) for p in found] == [
        (11, "America/Los_Angeles"),
        (12, "America/Denver"),
    ]
    # a numeric date's slash is still no clock's
    assert [p.hour for p in scan("on 3/12 at 4pm")[0]] == [4]


def test_two_zones_joined_by_a_slash_are_one_moment() -> None:
    body = (
        "Hi Jo,\n\nThanks for your patience! I've booked 11am PT/12pm MT on Monday, March 16 for our "
        "30-minute phone screen for the Customer Success Manager role. I'll call you.\n\nAlana"
    )
    raw = mail("Alana Brooks <alana@tessellate.example>", "Phone screen", body, to=ME, date=MST)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-03-16T12:00:00-06:00"  # 18:00 UTC either way


# --- a time restated on the reader's clock ---------------------------------------------------


def test_the_reader_s_zone_in_a_restatement_governs_no_other_time() -> None:
    body = (
        "Hi Jo!\n\nThe team would like to bring you in for a virtual final round. Here's the plan for "
        "Thursday, November 13 - 8:00-11:30 AM PT (10:00 AM-1:30 PM your time in Chicago):\n"
        "8:00-8:45  CMO\n8:45-9:30  Director of Demand Gen\n9:45-10:30  Presentation\n\nKiara"
    )
    raw = mail("Kiara Bell <kiara@tidewell.example>", "Final round - Thursday, November 13", body, to=ME, date=CDT)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-11-13T08:00:00-08:00"


def test_that_s_before_the_reader_s_clock_restates_the_rows_below() -> None:
    body = (
        "Hi Jo!\n\nSo glad you're moving to the onsite. Here's the plan for Thursday, October 23.\n"
        "All times ET (we're NYC-based!) - that's 9am to noon for you:\n\n"
        "12:00 - 12:45 PM   Coding\n12:45 - 1:30 PM    Systems design\n1:30 - 2:15 PM     Hiring manager\n\nRosa"
    )
    raw = mail("Rosa Delgado <rosa@tessellate.example>", "Your virtual onsite - Thu 10/23", body, to=ME, date=CDT)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-23T12:00:00-04:00"
    # said alone, "that's" restates nothing else: the time is kept
    alone = body.split("\n\n12:00")[0] + "\n\nRosa"
    assert start(mail("Rosa Delgado <rosa@tessellate.example>", "Your virtual onsite - Thu 10/23", alone, to=ME,
                      date=CDT)) is not None  # fmt: skip


def test_the_writer_s_zoned_clock_says_the_moment_of_your_time() -> None:
    body = (
        "Perfect - let's do Wednesday at 2:30 your time (4:30 Central for me). I'll send a Teams invite "
        "for the Customer Success Manager interview shortly.\n\nLuis\nSenior Recruiter"
    )
    raw = mail("Luis Ortega <luis@canopy.example>", "Customer Success Manager - interview", body, to=ME, date=MST)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-22T16:30:00-05:00"


def test_a_confirmed_slot_keeps_the_zone_its_proposal_named() -> None:
    body = (
        "Perfect - let's do Wednesday at 2:30. I'll send a Teams invite shortly.\n\nLuis\nSenior Recruiter\n\n"
        "On Thu, Oct 16, 2025 at 7:15 PM Jo Rivera <jo.rivera@mailbox.test> wrote:\n"
        "> Hi Luis,\n> The Customer Success Manager role sounds great. I'm in Phoenix (Arizona time).\n"
        "> I could do Tue 10/21 at 9:00 or Wed 10/22 at 2:30.\n> Jo\n"
    )
    raw = mail("Luis Ortega <luis@canopy.example>", "Re: Customer Success Manager", body, reply=True, to=ME,
               date=MST)  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-22T14:30:00-07:00"


def test_a_slot_listed_without_a_zone_and_answered_with_one_is_one_time() -> None:
    # the candidate's answer names the zone of the recruiter's list and her own city's clock:
    # the city names no clock of the list
    body = (
        "Perfect - Tuesday it is. A Meet link will follow from Sipho's calendar.\n\nThandiwe\n\n"
        "-----Original Message-----\nFrom: Jo Rivera <jo.rivera@mailbox.test>\nSent: Tuesday, 19 August 2025 18:31\n\n"
        "Thank you for the interview invitation. Tuesday 26 August at 14:00 SAST works best for me (that is "
        "15:00 here in Nairobi).\n\n-----Original Message-----\nFrom: Thandiwe Mokoena\n"
        "  - Monday 25 August at 10:00\n  - Tuesday 26 August at 14:00\n  - Wednesday 27 August at 09:30\n"
    )
    raw = mail("Thandiwe Mokoena <thandiwe@ubuntu.example>", "RE: Interview: M&E Specialist", body, reply=True,
               to=ME, date="Wed, 20 Aug 2025 09:12:21 +0200")  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-08-26T14:00:00+02:00"
