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
    # a two-digit hour too, and the Italian "giovedì 18 alle 14:30"
    for text, day, hour in (("June 4 - 13:00", 4, 13), ("giovedì 18 alle 14:30", 18, 14)):
        (p,) = scan(text)[0]
        assert (p.day, p.hour, p.minute) == (day, hour, 0 if hour == 13 else 30), text
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


# --- calendars ---------------------------------------------------------------------------------


def _calendar_mail(subject: str, text: str, *, sequence: int = 1, method: str = "REQUEST") -> bytes:
    ics = (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nMETHOD:{method}\r\n"
        "BEGIN:VEVENT\r\nDTSTART:20260219T190000Z\r\nDTEND:20260219T210000Z\r\nUID:loop-7@google.com\r\n"
        f"SEQUENCE:{sequence}\r\nSTATUS:CONFIRMED\r\nORGANIZER;CN=Nate O:mailto:nate@ashgrove.example\r\n"
        "SUMMARY:Ashgrove - final round (Jo Rivera)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    return (
        f"From: Nate O <nate@ashgrove.example>\r\nTo: {ME}\r\nSubject: {subject}\r\n"
        "Date: Mon, 16 Feb 2026 09:00:00 -0600\r\nMessage-ID: <upd-7@ashgrove.example>\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n\r\n"
        f"--b\r\nContent-Type: text/calendar; charset=utf-8; method={method}\r\n\r\n" + ics + "--b--\r\n"
    ).encode()


def test_an_update_that_says_its_time_stays_is_no_reschedule() -> None:
    subject = "Updated invitation: Ashgrove - final round (Jo Rivera) @ Thu Feb 19, 2026 1pm - 3pm (CST)"
    for text in (
        "This event has been updated\r\nChanged: description, joining info\r\n\r\nFinal round interview.",
        "Quick update on your final round interview: your schedule is unchanged; only the second interviewer "
        "changes.",
    ):
        raw = _calendar_mail(subject, text)
        assert category(raw)[0] == "invitation", text
        assert start(raw) == "2026-02-19T19:00:00+00:00"
    # Google names the time when it is what changed, on the When line or in the list
    for text in (
        "This event has been updated\r\nChanged: time\r\n\r\nFinal round interview.",
        "This event has been updated\r\nWhen\r\nChanged: Thursday Feb 19, 2026 1pm - 3pm\r\nFinal round interview.",
    ):
        assert category(_calendar_mail(subject, text))[0] == "reschedule", text


def test_the_other_party_declining_the_interview_on_the_calendar_calls_it_off() -> None:
    text = (
        'Nate O has declined this invitation with a note:\r\n"So sorry - family emergency, flying out tonight. '
        "I'll be back in touch to find a new time.\"\r\nAshgrove - final round interview (Jo Rivera)\r\n"
        "Thursday Feb 19, 2026 1pm - 3pm"
    )
    raw = _calendar_mail("Declined: Ashgrove - final round interview @ Thu Feb 19, 2026 1pm - 3pm (CST)", text,
                         sequence=0, method="REPLY")  # fmt: skip
    assert category(raw) == ("cancellation", ("calendar: the other party declined the meeting",))


# --- who is hiring whom ------------------------------------------------------------------------


def test_a_search_firm_booking_the_user_as_the_one_hiring_is_no_interview() -> None:
    body = (
        "Hi Jo - thanks for replying to my note about the Marketing Operations Analyst req you're hiring for. "
        "Holding 30 minutes on Thursday, December 11 at 11am CT to walk you through how we run contingent "
        "searches, our fee structure, and two analysts I could introduce.\n\nTessa\nNorthpoint Search"
    )
    raw = mail("Tessa L <tessa@northpoint-search.example>", "Hold: Tessa / Jo - Q1 hiring support for your team",
               body, to=ME, date=CDT)  # fmt: skip
    assert category(raw) == ("other", ("text: the user is the one hiring, not a candidate",))


def test_a_hiring_manager_s_debrief_before_next_steps_for_the_candidate() -> None:
    body = (
        "Thanks for sending this over, Jo - really thoughtful. I'll share it with Luis and the team ahead of our "
        "debrief on Tuesday, and we should have next steps for you early next week.\n\nAlyssa"
    )
    raw = mail("Alyssa Benton <alyssa@canopy.example>", "Re: 30/60/90 plan for the Customer Success role", body,
               reply=True, to=ME, date=MST)  # fmt: skip
    assert category(raw)[0] == "employer_reply"


# --- what is asked, what is set, what is only prepared for ---------------------------------------


def test_a_request_after_a_condition_on_the_reader_s_interest_is_asked_outright() -> None:
    body = (
        "Hi Jo,\n\nI lead recruiting at Tallgrass; we're hiring a Customer Success Manager. If you're open to it, "
        "could you send me a few windows next week for a 20-minute conversation?\n\nPriya"
    )
    raw = mail("Priya Raman <priya@tallgrass.example>", "Customer Success role at Tallgrass", body, to=ME, date=MST)
    assert category(raw) == ("invitation", ("text: asks availability",))
    # a condition on a change of plan still suspends what follows it
    footer = (
        "Hi Jo,\n\nThank you for applying to the Customer Success Manager role. If you need to reschedule, "
        "send me a few windows next week.\n\nPriya"
    )
    raw = mail("Priya Raman <priya@tallgrass.example>", "Your application", footer, to=ME, date=MST)
    assert category(raw)[0] != "invitation"


def test_a_founder_asking_for_an_intro_and_an_invite_from_the_candidate() -> None:
    body = (
        "Hi Jo,\n\nWe're hiring our first Head of Marketing Operations and I'd love to tell you about it. Would you "
        "be up for a 45-minute intro next week? Easiest is to send me a calendar invite for any morning.\n\nNate"
    )
    raw = mail("Nate O <nate@ashgrove.example>", "Ashgrove - Head of Marketing Operations", body, to=ME, date=CDT)
    assert category(raw)[0] == "invitation"


def test_a_conversation_is_set_at_a_stated_time() -> None:
    body = (
        "Hi Jo,\n\nYour first host matching conversation is set. Lena leads Edge Networking; she's booked "
        "Thursday, Feb 12 at 4 PM EST (1 PM your time) for 30 minutes.\n\nFiona\nRecruiting"
    )
    raw = mail("Fiona Akande <fakande@kestrel.example>", "Host matching - chat with Lena", body, to=ME, date=CDT)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-02-12T16:00:00-05:00"


def test_see_you_on_a_calendar_day_confirms_but_a_weekday_alone_restates() -> None:
    body = (
        "Great, see you Thursday 9/4 at 8:30 at Milstead in Fremont. Plan on ~45 min - I want to walk you "
        "through the staff eng role.\n\nInes"
    )
    raw = mail("Ines M <ines@fernhollow.example>", "Re: Fernhollow staff eng role", body, reply=True, to=ME,
               date="Tue, 02 Sep 2025 21:40:00 -0700")  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-09-04T08:30:00-07:00"
    # answering a question about the interview, with the time already set: no new invitation
    prep = "You can assume they use NetSuite; pricing won't come up.\n\nSee you Wednesday at 2 ET - good luck!\n\nTasha"
    raw = mail("Tasha K <tasha@harlow.example>", "RE: Role-play prep question", prep, reply=True, to=ME, date=CDT)
    assert category(raw)[0] != "invitation"


def test_a_guide_to_prepare_for_an_onsite_sets_nothing() -> None:
    body = (
        "Hi Jo,\n\nNow that your onsite is on the calendar, here's the prep guide. Nothing in here changes your "
        "schedule.\n\nA typical loop (example only):\n  9:00   Coding 1\n  10:00  System design\n\n"
        "Expect to talk about what happens at 3 a.m. when a zone goes dark.\n\nGood luck!\nDana"
    )
    raw = mail("Dana W <dana@halvorsen.example>", "Preparing for your Halvorsen virtual onsite", body, to=ME,
               date=CDT)  # fmt: skip
    assert category(raw)[0] == "other"


def test_a_case_to_send_by_a_deadline_before_a_final_round_set_elsewhere() -> None:
    body = (
        "Hi Jo,\n\nAs mentioned, the final round includes a short case. Attached is the brief.\n\nPlease send "
        "your deck (max 8 slides) to me by Friday, January 16 at 5:00 PM Arizona time. We'll confirm the "
        "schedule separately.\n\nMarisol"
    )
    raw = mail("Marisol Vega <marisol@saguaro.example>", "Saguaro - take-home case for your final round", body,
               to=ME, date=CDT)  # fmt: skip
    assert category(raw)[0] == "other"
    # confirming attendance by a date is no deadline of a test
    attend = (
        "Dear Jo,\n\nWe are pleased to invite you to our assessment centre on Monday 10 November at 09:00.\n\n"
        "Please confirm your attendance by replying to this email by Monday 3 November.\n\nRecruitment"
    )
    raw = mail("Recruitment <recruitment@harbour.example>", "Assessment centre invitation", attend, to=ME,
               date="Mon, 27 Oct 2025 09:00:00 +0000")  # fmt: skip
    assert category(raw)[0] == "invitation"


def test_a_rejection_that_pursues_candidates_whose_experience_matches() -> None:
    body = (
        "Hi Jo,\n\nThank you for your interest in the Staff Software Engineer role. After reviewing your "
        "application we've decided to pursue candidates whose experience more closely matches what we need.\n\n"
        "The Recruiting Team"
    )
    raw = mail("Saltmarsh <no-reply@us.greenhouse-mail.io>", "Your application to Saltmarsh", body, to=ME, date=CDT)
    assert category(raw)[0] == "rejection"


# --- after b21-fin's one reading (a physiotherapist moving into clinic management) -------------

PDT = "Mon, 09 Jun 2025 18:05:00 -0700"


def test_would_you_be_able_to_come_by_at_a_stated_time() -> None:
    body = (
        "Hi Jo,\n\nThanks for sending your resume over. Would you be able to come by the clinic this Thursday, "
        "June 12 at 5:30pm? Plan on about an hour - I'd like to talk through the manager role.\n\nJenna"
    )
    raw = mail("Jenna M <jenna@kitspoint.example>", "Clinic Manager role", body, to=ME, date=PDT)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-06-12T17:30:00-07:00"


def test_a_clinic_manager_role_is_no_medical_appointment() -> None:
    body = "Thursday 10:30 it is! I'll call your cell. Should only take 20 minutes.\n\nDevin"
    quoted = (
        "\n\n> On Jun 26, 2025, at 8:41 PM, Jo Rivera <jo.rivera@mailbox.test> wrote:\n> I could do Thursday, "
        "July 3 at 10:30am or Friday, July 4 after 3pm.\n"
    )
    raw = mail("Devin A <devin.a@cascadia-staffing.example>", "Re: Clinic Manager opportunity - North Shore",
               body + quoted, reply=True, to=ME, date="Fri, 27 Jun 2025 08:02:00 -0700")  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-07-03T10:30:00-07:00"


def test_the_role_offered_to_someone_else_outweighs_a_mentorship_programme_in_passing() -> None:
    body = (
        "Hi Jo,\n\nPete and I went back and forth on this a lot, but we've decided to offer the manager role to "
        "Carly, who has been with us for six years. Your ideas about the new-grad mentorship program were great "
        "and we will use them in our next session planning.\n\nJenna"
    )
    raw = mail("Jenna M <jenna@kitspoint.example>", "Re: Clinic Manager role", body, reply=True, to=ME, date=PDT)
    assert category(raw)[0] == "rejection"


def test_a_practice_lead_interview_is_a_job_s() -> None:
    body = (
        "Hi Jo,\n\nThank you for meeting with the panel last Wednesday. We will move into reference checks for "
        "the short-listed candidate and update all candidates by the end of July.\n\nTalent Acquisition"
    )
    raw = mail("Gurpreet D <gurpreet@pacificridge.example>", "RE: Thank you - Physiotherapy Practice Lead interview",
               body, reply=True, to=ME, date=PDT)  # fmt: skip
    assert category(raw)[0] == "employer_reply"


def test_a_visit_pencilled_in_with_the_day_s_plan_and_the_flight_around_it() -> None:
    body = (
        "Hi Jo,\n\nAnneliese and I would love to bring you out to Calgary for a final visit. We've pencilled in "
        "Thursday, October 9.\n\nTravel: if you take the 6:00 a.m. flight out of YVR you'll land at 8:25 a.m. "
        "local time.\n\nPlan for the day, all Mountain time, running 9:30 a.m. to 2:00 p.m.:\n\n"
        "  9:30 - 10:30   Tour of the clinic\n  10:30 - 12:00  Interview with Anneliese and me\n\nRhett"
    )
    raw = mail("Rhett G <rhett@bowfield.example>", "Clinic Director - final visit to Calgary", body, to=ME,
               date="Tue, 30 Sep 2025 10:00:00 -0700")  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-09T09:30:00-06:00"


def test_a_forwarding_note_declares_the_clock_of_the_forwarded_times() -> None:
    body = (
        "Jo - good news. See Olivia's note below; she's set the final panel for Tuesday the 24th. The times she "
        "gives are Vancouver time (she's in Yaletown, not here with me in Toronto).\n\nG.\n\n"
        "Begin forwarded message:\n\nFrom: Olivia B <olivia@westmount.example>\nSubject: Final panel\n\n"
        "Graham,\n\nWe'd like Jo in for the final panel interview on Tuesday, March 24, 3:00 to 5:00 pm.\n\nOlivia\n"
    )
    raw = mail("Graham P <gp@harlowfinch.example>", "Fwd: Final panel - Jo Rivera", body, to=ME,
               date="Thu, 12 Mar 2026 11:00:00 -0400")  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-03-24T15:00:00-07:00"


# --- round 22: the user's own booking page (b22-host, measured once at 80c5f56) ------------------

MDT = "Mon, 09 Jun 2025 16:12:00 -0600"
HOST = "Jo Rivera <jo@jowords.example>"


def test_a_recruiter_booking_the_user_s_page_is_an_interview_the_user_hosts() -> None:
    body = (
        "Hi Jo Rivera,\n\nA new event has been scheduled.\n\nEvent Type:\nIntro call (30 min)\n\nInvitee:\nDana W\n\n"
        "Invitee Email:\ndana.w@lumenfield.example\n\nEvent Date/Time:\n10:00am - Thursday, June 12, 2025 "
        "(Mountain Time - US & Canada)\n\nQuestions:\n\nWhich company and role is this about?\nLumenfield - Senior UX "
        "Writer\n\nAre you an in-house recruiter, agency recruiter, or hiring manager?\nIn-house recruiter\n"
    )
    subject = "New Event: Dana W - 10:00am Thu, Jun 12, 2025 - Intro call (30 min)"
    raw = mail("Calendly <notifications@calendly.com>", subject, body, to=HOST, date=MDT)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-06-12T10:00:00-06:00"
    # the same page booked by a freelance client is the user's own business
    client = body.replace("Lumenfield - Senior UX Writer", "Website copy for our bakery").replace(
        "In-house recruiter", "A small business owner"
    ).replace("Are you an in-house recruiter, agency recruiter, or hiring manager?", "Who are you?")
    assert category(mail("Calendly <notifications@calendly.com>", subject, client, to=HOST, date=MDT))[0] == "other"


def test_a_booking_form_s_questions_speak_to_the_booker() -> None:
    # Cal.com's notice to its organizer: "Role you're hiring for:" asks the recruiter who booked
    body = (
        "A new event has been scheduled.\n\nWhat:\nRecruiter screen between Jo Rivera and Abebe T\n\nWhen:\n"
        "Thursday, August 21, 2025 | 11:00am - 11:30am (America/Denver)\n\nWho:\nJo Rivera - Organizer\n"
        "jo@jowords.example\n\nAbebe T\nabebe@sundial.example\n\nCompany:\nSundial Analytics\n\n"
        "Role you're hiring for:\nSenior UX Writer\n\nWho's booking?:\nIn-house recruiter\n"
    )
    raw = mail("Cal.com <noreply@cal.com>", "New event: Recruiter screen between Jo Rivera and Abebe T", body,
               to=HOST, date=MDT)  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-08-21T11:00:00-06:00"


def test_google_calendar_s_guest_list_does_not_make_the_user_its_host() -> None:
    # "Name - organizer" then the next guest's address: the user is a guest of the interviewer
    body = (
        "Ashgrove - final round interview (Jo Rivera)\nThursday Feb 19, 2026 ⋅ 1pm – 3pm\nCentral Time - Chicago\n\n"
        "Organizer\nNate O\nnate@ashgrove.example\n\nGuests\nNate O - organizer\njo@jowords.example\n"
    )
    raw = mail("Nate O <nate@ashgrove.example>", "Invitation: Ashgrove - final round interview @ Thu Feb 19, 2026",
               body, to=HOST, date="Mon, 16 Feb 2026 09:00:00 -0600")  # fmt: skip
    assert category(raw)[0] == "invitation"


def test_a_booking_tool_s_billing_page_is_no_scheduling_link() -> None:
    body = (
        "Hi Jo,\n\nYour Calendly Standard plan (annual) will renew on September 3, 2025. Amount: $120.00.\n"
        "To make changes, visit Billing:\nhttps://calendly.com/app/admin/billing\n\nThe Calendly team"
    )
    raw = mail("Calendly <billing@calendly.com>", "Your Calendly subscription renews soon", body, to=HOST, date=MDT)
    assert category(raw)[0] == "other"


def test_a_reply_naming_the_next_meeting_only_to_defer_it() -> None:
    body = (
        "Hi Jo,\n\nThank you for the thoughtful questions! Remote: yes, fully remote.\n\nThe next step would be a "
        "conversation with our Head of Product. She is on leave until the end of the month, so I'll come back to "
        "you with options once she's back.\n\nKatrin"
    )
    raw = mail("Katrin V <katrin@fjordlight.example>", "Re: Questions after our intro call", body, reply=True,
               to=HOST, date=MDT)  # fmt: skip
    assert category(raw)[0] == "employer_reply"
    # the same next step with times is an invitation
    asked = body.replace("She is on leave until the end of the month, so I'll come back to you with options once "
                         "she's back.", "Could you send me your availability for next week?")  # fmt: skip
    raw = mail("Katrin V <katrin@fjordlight.example>", "Re: Questions after our intro call", asked, reply=True,
               to=HOST, date=MDT)  # fmt: skip
    assert category(raw)[0] == "invitation"


def test_a_role_closed_after_a_cancelled_round_is_a_rejection() -> None:
    body = (
        "Hi Jo,\n\nI wanted to follow up personally after Ilse had to cancel your second-round conversation. "
        "Unfortunately, the Content Design Lead role has been closed as part of a broader reorg, and we won't be "
        "moving forward with any candidates.\n\nBram"
    )
    raw = mail("Bram O <bram@pollen.example>", "Update on the Content Design Lead role", body, to=HOST, date=MDT)
    assert category(raw)[0] == "rejection"


def test_a_recruiter_s_own_booking_link_after_a_condition_on_interest() -> None:
    body = (
        "Hi Jo,\n\nI lead content recruiting at Ochre Labs; we're hiring our first Staff UX Writer. If you're up "
        "for a conversation, grab 30 minutes on my calendar: https://savvycal.com/jules-ochre/intro\n\nJules"
    )
    raw = mail("Jules M <jules@ochre.example>", "Staff UX Writer at Ochre Labs", body, to=HOST, date=MDT)
    assert category(raw)[0] == "invitation"


def test_a_client_on_the_user_s_recruiter_page_says_it_is_no_job() -> None:
    body = (
        "A new event has been scheduled.\n\nEvent Type:\nRecruiter intro (30 min)\n\nInvitee:\nWes A\n\n"
        "Invitee Email:\nwes@fieldnote.example\n\nEvent Date/Time:\n02:30pm - Monday, September 8, 2025 "
        "(Mountain Time - US & Canada)\n\nQuestions:\n\nWhich company and role is this about?\nNot a job, sorry to "
        "use the wrong link! We need a contract writer for a six-week project.\n\nAre you an in-house recruiter, "
        "agency recruiter, or hiring manager?\nNone of the above - agency owner looking for freelance help\n"
    )
    subject = "New Event: Wes A - 02:30pm Mon, Sep 8, 2025 - Recruiter intro (30 min)"
    raw = mail("Calendly <notifications@calendly.com>", subject, body, to=HOST, date=MDT)
    assert category(raw)[0] == "other"
    # an agency recruiter asking the rate of a contract role is hiring
    agency = body.replace("Not a job, sorry to use the wrong link! We need a contract writer for a six-week project.",
                          "Harbor Health (client) - Senior UX Writer, contract").replace(
        "None of the above - agency owner looking for freelance help", "Agency recruiter")  # fmt: skip
    raw = mail("Calendly <notifications@calendly.com>", subject, agency + "\nYour hourly rate expectations?\n",
               to=HOST, date=MDT)  # fmt: skip
    assert category(raw)[0] == "invitation"


# --- round 22: a co-op student's school (b22-coop, measured once at 7bdedd9) ---------------------

STUDENT = "Noa T <n3t@riverbendu.example>"


def test_a_school_s_co_op_system_is_not_a_colleague_of_its_student() -> None:
    from daemon.understand.prefilter import READ, SKIP, verdict

    users = frozenset({"n3t@riverbendu.example"})
    head = (
        b"From: CoopConnect <noreply@coopconnect.riverbendu.example>\r\nTo: n3t@riverbendu.example\r\n"
        b"Subject: Interview Booked - Halden Castings - 412736\r\n\r\n"
    )
    assert verdict(head, user_addresses=users) == READ
    # a colleague at the same school is still internal
    colleague = head.replace(b"noreply@coopconnect.riverbendu.example", b"lab.manager@riverbendu.example")
    assert verdict(colleague.replace(b"Interview Booked", b"Lab meeting"), user_addresses=users) == SKIP
    # a post offered by someone at the same school is read (a research assistantship)
    post = colleague.replace(b"Interview Booked - Halden Castings - 412736", b"URA position - Winter 2026")
    assert verdict(post, user_addresses=users) == READ
    body = (
        "Hi Noa,\n\nYour interview for the Manufacturing Engineering Co-op job (412736) with Halden Castings is "
        "booked:\n\nDate: Tuesday, June 24, 2025\nTime: 10:40 AM - 11:10 AM Eastern Time\n\nCo-op Office"
    )
    raw = mail("CoopConnect <noreply@coopconnect.riverbendu.example>", "Interview Booked - Halden Castings - 412736",
               body, to=STUDENT, date="Thu, 19 Jun 2025 09:00:00 -0400")  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-06-24T10:40:00-04:00"


# --- after b22-fin's one reading (a civil engineer in Brisbane) ---------------------------------

AEST = "Mon, 21 Jul 2025 16:40:00 +1000"


def test_a_recruiting_firm_s_short_note_locking_in_a_catch_up() -> None:
    body = (
        "Hi Jo, Craig and Leanne want one last catch up before they put an offer together. They've locked in "
        "tomorrow 7.30am at the same site office, only 30 mins. Shout if that's a problem otherwise see you there!\n\nJ"
    )
    raw = mail("Jarrah M <jarrah@cordelltalent.example>", "Tallis - final catch up tmrw", body, to=ME, date=AEST)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-07-22T07:30:00+10:00"


def test_an_invitation_to_complete_a_technical_exercise_by_a_deadline() -> None:
    body = (
        "Hi Jo,\n\nThe Water team has reviewed your application and would like to invite you to complete a short "
        "technical exercise as the first step in our process.\n\nPlease email your response to me by 5pm AEST on "
        "Monday 22 September.\n\nEllie\nTalent Coordinator"
    )
    raw = mail("Ellie V <ellie@yarrawood.example>", "Technical exercise - Senior Civil Engineer", body, to=ME,
               date="Mon, 15 Sep 2025 09:00:00 +1000")  # fmt: skip
    assert category(raw)[0] == "other"


def test_a_clock_compared_in_a_daylight_saving_note_governs_no_row() -> None:
    body = (
        "Hi Jo,\n\nWe'd love to invite you to Sydney for the final interview.\n\nTuesday 7 October 2025 - all times "
        "Sydney time\n(Heads up: NSW daylight saving starts this Sunday, so Sydney will be an hour ahead of\n"
        "Brisbane by then.)\n\n  9:30am   Arrive and interview with Tom and Rosalind\n  10:30am  Technical session\n"
        "  12:30pm  Finish\n\nHannah"
    )
    raw = mail("Hannah S <hannah@parramore.example>", "Final interview - Sydney office - Tuesday 7 October", body,
               to=ME, date="Wed, 01 Oct 2025 10:00:00 +1000")  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-07T09:30:00+11:00"


def test_keen_to_get_you_in_as_a_final_step_at_a_time_said_in_passing() -> None:
    body = (
        "Hi Jo,\n\nGreat chatting Monday. Keen to get you in to meet the rest of the team as a\nfinal step - let's "
        "say Thurs 11/12 at 4pm at our office.\n\nCallum"
    )
    raw = mail("Callum M <callum@lanyonmarsh.example>", "Next step", body, to=ME,
               date="Tue, 09 Dec 2025 18:00:00 +1000")  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-12-11T16:00:00+10:00"


def test_a_co_op_system_s_not_selected_and_a_position_offered_to_another() -> None:
    body = (
        "The status of one of your applications has changed.\n\n  Organization:  Lakeshore Packaging\n"
        "  Job Title:     Automation Engineering Co-op\n  New status:    Not Selected for Interview\n\n"
        "The employer has completed interview selections for this job and you were\nnot selected."
    )
    raw = mail("CoopConnect <noreply@coopconnect.riverbendu.example>", "Application Status Update - Job ID 411982",
               body, to=STUDENT, date="Thu, 19 Jun 2025 09:00:00 -0400")  # fmt: skip
    assert category(raw)[0] == "rejection"
    letter = (
        "Hi Noa,\n\nThank you again for the time you spent with Curtis and Ravi. It was a close decision, but we "
        "have\noffered the Summer 2026 Mechanical Engineering Co-op Student position to\nanother candidate.\n\n"
        "Brooke"
    )
    raw = mail("Brooke L <brooke@chinook.example>", "Your application - Mechanical Engineering Co-op", letter,
               to=STUDENT, date="Thu, 19 Jun 2025 09:00:00 -0600")  # fmt: skip
    assert category(raw)[0] == "rejection"
