"""Issue 14, twentieth round of blind sets (b20-pilot: an airline first officer, with interview
days of simulator evaluations and 4-digit clocks; b20-freelance: a contractor whose inbox is
full of her clients' calls; b20-threads: a search carried on in reply threads from phones):
the mechanisms their misses showed wanting. Mail written for the purpose."""

from __future__ import annotations

from mailmaker import category, mail, start

from daemon.understand.mail import parse

MDT = "Mon, 15 Sep 2025 08:10:00 -0600"
ME = "Dan Pilot <dan.pilot@mailbox.test>"


# --- an airline's interview day --------------------------------------------------------------


def test_a_simulator_brief_and_debrief_in_an_invitation_are_the_candidate_s() -> None:
    body = (
        "Daniel,\n\nWe are pleased to invite you to a Pilot Interview Day for the CRJ700 Captain position.\n\n"
        "Date   Tuesday, September 30, 2025\nReport 0645L - Training Center, Phoenix (MST, UTC-7)\n\n"
        "0715  Technical interview\n0900  HR panel\n1130  Simulator evaluation: brief, 2 hours FFS, debrief\n\n"
        "Pilot Recruiting"
    )
    raw = mail("Canyon Air Pilot Recruiting <pilotjobs@canyonair.example>", "You're invited: Pilot Interview Day",
               body, to=ME, date=MDT)  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-09-30T06:45:00-07:00"


def test_a_four_digit_range_in_a_region_s_time() -> None:
    body = (
        "Dan,\n\nWe'd like to bring you back for the final step for the Captain position: Thursday, November 6, "
        "0800-1230 Mountain, at our sim partner in Centennial.\n\nCarla\nDirector of Operations"
    )
    raw = mail("Carla Jennings <cj@silverjets.example>", "Next step: interview + sim eval", body, to=ME, date=MDT)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-11-06T08:00:00-07:00"


def test_a_reply_that_settles_the_time_with_it_is_and_a_bracket() -> None:
    body = "Perfect - Tuesday at 1:30 it is (2:30 your time). I'll call your cell; about 30 minutes.\nAlma"
    raw = mail("Alma Yazzie <ayazzie@canyonair.example>", "RE: Canyon Air - CRJ700 Captain - phone interview", body,
               reply=True, to=ME, date=MDT)  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-09-16T13:30:00-06:00"


def test_cancelled_flights_in_a_moved_interview_day() -> None:
    body = (
        "Daniel,\n\nOur simulator is down for maintenance, so we are moving your whole interview day two days "
        "later.\n\n  NEW DATE: Thursday, October 16, 2025 - report 0645L Eastern\n\nWe've cancelled the flights "
        "for Monday and rebooked you for Wednesday.\n\nPilot Recruiting"
    )
    raw = mail("Ironwood Pilot Recruiting <pilots@ironwood.example>", "CHANGE: Pilot Interview Day moved", body,
               to=ME, date=MDT)  # fmt: skip
    assert category(raw)[0] == "reschedule"


def test_a_seat_filled_with_someone_else() -> None:
    body = (
        "Dan,\n\nWanted to close the loop. We ended up filling the CL300 seat with a pilot who was already typed "
        "in the airplane. I'll keep your resume on file.\n\nRyan"
    )
    raw = mail("Ryan Cole <rcole@ponderosa.example>", "Ponderosa Air - CL300 Captain", body, to=ME, date=MDT)
    assert category(raw)[0] == "rejection"


def test_the_company_reviews_is_no_review_site() -> None:
    body = (
        "Hi Daniel,\n\nI'm sorry - we need to cancel Friday's interview. The First Officer search is on hold while "
        "the company reviews an aircraft acquisition.\n\nNadia"
    )
    raw = mail("Nadia Okafor <nokafor@kessler.example>", "Canceled: Pilot Interview - First Officer", body, to=ME,
               date=MDT)  # fmt: skip
    assert category(raw)[0] == "cancellation"


def test_an_hr_screen_in_an_outlook_invitation() -> None:
    body = (
        "Hi Daniel,\n\nPlease accept this invitation for your HR screen for the B767 First Officer position.\n\n"
        "When: Wednesday, September 17, 2025 2:00 PM-2:45 PM Eastern Time (US & Canada)\n"
        "Where: Microsoft Teams Meeting\n\nRenee"
    )
    raw = mail("Renee Cast <rcast@ironwood.example>", "Ironwood Cargo - B767 FO - HR Screen", body, to=ME, date=MDT)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-09-17T14:00:00-04:00"


# --- a contractor's clients and a hiring manager's booking --------------------------------------


def test_a_recruiter_booking_the_user_s_client_slot_for_a_screen() -> None:
    body = (
        "Hi Ines,\nA new event has been scheduled.\nEvent Type:\n30 Minute Discovery Call\nInvitee:\nMarco Bell\n"
        "Invitee Email:\nmarco@brisapay.example\nEvent Date/Time:\n11:00am - Tuesday, September 23, 2025 "
        "(Central Time - US & Canada)\nQuestions:\nWhat would you like to talk about?\nNot a project, sorry! I'm a "
        "technical recruiter at Brisa and would like to use this slot as a phone screen for our Senior Data "
        "Engineer opening.\n"
    )
    raw = mail("Calendly <notifications@calendly.com>", "New Event: Marco Bell - 30 Minute Discovery Call", body,
               to="Ines <ines@albrightdata.example>", date=MDT)  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-09-23T11:00:00-05:00"


def test_a_client_booking_the_user_s_slot_is_still_the_user_s_business() -> None:
    body = (
        "Hi Ines,\nA new event has been scheduled.\nEvent Type:\n30 Minute Discovery Call\nInvitee:\nPriya Shah\n"
        "Invitee Email:\npriya@harborco.example\nEvent Date/Time:\n11:00am - Tuesday, September 23, 2025 "
        "(Central Time - US & Canada)\nQuestions:\nWhat would you like to talk about?\nWe need help moving our "
        "warehouse loads to dbt.\n"
    )
    raw = mail("Calendly <notifications@calendly.com>", "New Event: Priya Shah - 30 Minute Discovery Call", body,
               to="Ines <ines@albrightdata.example>", date=MDT)  # fmt: skip
    assert category(raw)[0] == "other"


def test_i_ve_booked_a_weekday_for_the_conversation() -> None:
    body = (
        "Hi Ines,\n\nWe'd like to bring you on full time as a Senior Data Engineer. HR needs a formal interview on "
        "file, so the last step is a conversation with Ruth, our CIO. I've booked Wednesday 9/24, 2:00-2:45 PM ET "
        "on Teams.\n\nColin"
    )
    raw = mail("Colin Murtagh <cm@brannock.example>", "Full-time conversion - conversation with Ruth", body,
               to="Ines <ines@albrightdata.example>", date=MDT)  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-09-24T14:00:00-04:00"


def test_tomorrow_s_final_is_cancelled() -> None:
    body = (
        "Hi Ines,\n\nCarrow froze all contract-to-hire reqs, so tomorrow's final interview (3:30-4:15 CT with Raj) is "
        "cancelled. Really sorry.\n\nKyle"
    )
    raw = mail("Kyle Demarco <kd@brightpathtech.example>", "Carrow final tomorrow - cancelled", body,
               to="Ines <ines@albrightdata.example>", date=MDT)  # fmt: skip
    assert category(raw)[0] == "cancellation"


def test_a_client_moved_your_interview() -> None:
    body = (
        "Hi Ines - quick change! Hana has a conflict Monday, so Ardent moved your interview to Wednesday 9/17 at "
        "10:30 AM PT. Same one-hour block.\n\nTamsin"
    )
    raw = mail("Tamsin Rhodes <tr@keystonetalent.example>", "RE: Ardent - 1st round video interview confirmed", body,
               reply=True, to="Ines <ines@albrightdata.example>", date=MDT)  # fmt: skip
    assert category(raw)[0] == "reschedule"
    assert start(raw) == "2025-09-17T10:30:00-07:00"


# --- reply threads -------------------------------------------------------------------------------


def test_a_forward_apple_mail_quotes_is_read_as_the_forwarded_message() -> None:
    body = (
        "Nic - this came to the family address. Forwarding so you can answer from yours.\n\n"
        "Begin forwarded message:\n\n> From: Amy Tran <atran@schuylkill.example>\n"
        "> Subject: Phone Interview - Site Operations Manager\n> Date: September 24, 2025 at 4:02 PM EDT\n>\n"
        "> Hi Nicole,\n>\n> We would like to schedule a phone interview with you.\n>\n"
        "> Date: Tuesday, September 30, 2025\n> Time: 9:30 AM EDT\n>\n> Amy Tran\n"
    )
    raw = mail("Mark F <markf79@comcast.example>", "Fwd: Phone Interview - Site Operations Manager", body,
               date="Wed, 24 Sep 2025 19:40:00 -0400")  # fmt: skip
    assert parse(raw).forwarded_from == "atran@schuylkill.example"
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-09-30T09:30:00-04:00"


def test_a_bottom_posted_reply_is_new_text() -> None:
    body = (
        "On 1/6/2026 7:48 PM, Nicole wrote:\n> Dear Ms. Delgado,\n>\n> I will attend the interview on Wednesday,\n"
        "> January 14 at 1:00 p.m.\n\nGood morning Ms. Ferraro,\n\nOne of our panel members is called to a hearing, "
        "so we have moved your interview to 2:30 p.m. on Wednesday, January 14.\n\nRosa Delgado\n"
    )
    raw = mail("Rosa Delgado <rd@paratransit.example>", "Re: Interview - Operations Manager", body, reply=True,
               date="Thu, 08 Jan 2026 09:02:00 -0500")  # fmt: skip
    assert parse(raw).text.startswith("Good morning")
    assert category(raw)[0] == "reschedule"
    assert start(raw) == "2026-01-14T14:30:00-05:00"


def test_a_one_liner_agreeing_to_a_time_proposed_two_replies_down() -> None:
    body = (
        "Monday at 11:30 works great. Come to Building 10 and text me from the lobby.\n\nJoaquin\n\n"
        "From: Nicole <nicole@mailbox.test>\nSent: Wednesday, October 15, 2025 1:30 PM\nSubject: Re: referral\n\n"
        "Monday the 20th at 11:30 would be perfect.\n\nFrom: Joaquin <jf@marlowe.example>\n"
        "Sent: Wednesday, October 15, 2025 11:58 AM\nSubject: RE: referral\n\nHer background looks like a great fit "
        "for the Operations Manager opening. Happy to grab 30 minutes with her: Friday, Oct 17 at 3:00 PM or "
        "Monday the 20th at 11:30 AM.\n"
    )
    raw = mail("Joaquin Ferrer <jf@marlowe.example>", "RE: FW: referral - Nicole", body, reply=True,
               date="Wed, 15 Oct 2025 14:02:00 -0400")  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-20T11:30:00-04:00"


def test_no_outside_candidates() -> None:
    body = (
        "Hi Nicole,\n\nHeard back from the client: they ended up promoting their 2nd shift supervisor into the "
        "role, so they won't be moving forward with outside candidates.\n\nMarcus"
    )
    raw = mail("Marcus Bell <mb@delanceytalent.example>", "Re: Plant Operations Manager", body, reply=True)
    assert category(raw)[0] == "rejection"


def test_the_user_on_a_volunteer_board_s_interview_panel() -> None:
    body = (
        "Nicole, thank you for agreeing to sit on the panel!\n\nWe're interviewing the two Executive Director "
        "finalists on Tuesday, February 17 over Zoom: first at 6:00 pm, second at 7:00 pm.\n\nCarmen"
    )
    raw = mail("Carmen Ruiz <carmen@foodcoop.example>", "Re: ED search - interview panel", body, reply=True)
    assert category(raw)[0] == "other"


def test_bring_you_on_site_and_two_days_asked() -> None:
    body = (
        "Hi Nicole,\n\nI'd like to bring you on-site to meet the leadership team and walk the floor. It'll be about "
        "3 hours starting at 9:00 AM.\n\nAre you free Monday, November 17 or Wednesday, November 19?\n\nDave\n"
        "General Manager"
    )
    raw = mail("Dave K <dk@ardenmills.example>", "Next steps - Arden Mills", body,
               date="Thu, 06 Nov 2025 16:20:00 -0500")  # fmt: skip
    assert category(raw)[0] == "invitation"


# --- b20-fin (an HR business partner in Toronto), after its first reading -------------------------

HR = "Marisol Fenwick <mfenwick@northbeam.example>"


def test_a_candidate_answering_the_user_s_own_invitation() -> None:
    body = (
        "Hi Marisol,\n\nConfirming Wednesday, September 17 at 2:00 pm at the terminal. I'll bring my "
        "certifications.\n\nDevon\n\nOn Sep 11, 2025, at 4:12 PM, Marisol Fenwick <mfenwick@northbeam.example> "
        "wrote:\n\n> Hi Devon,\n>\n> We'd like to invite you to interview with Raj and me on Wednesday, September "
        "17 at 2:00 pm.\n>\n> Marisol Fenwick | HR Business Partner\n"
    )
    raw = mail("Devon Ruiz <devon.ruiz88@quickmail.example>", "Re: Interview invitation - Fleet Coordinator", body,
               reply=True, to=HR, date="Fri, 12 Sep 2025 09:10:00 -0400")  # fmt: skip
    assert category(raw)[0] == "other"


def test_a_candidate_asking_the_user_to_move_the_interview_she_set() -> None:
    body = (
        "Hi Marisol,\n\nA family matter has come up. Would it be possible to move our interview from Thursday, "
        "October 9 at 10:00 am to Friday, October 10 at 1:00 pm?\n\nSamir\n\n-----Original Message-----\n"
        "From: Marisol Fenwick <mfenwick@northbeam.example>\nSent: Friday, October 3, 2025 3:18 PM\n"
        "Subject: Interview - HR Generalist\n\nHi Samir,\n\nThank you for your application. We'd like to invite you "
        "to a behavioural interview with Jenna and me on Thursday, October 9 at 10:00 am.\n"
    )
    raw = mail("Samir Haddad <samir.h@quickmail.example>", "RE: Interview - HR Generalist", body, reply=True, to=HR,
               date="Mon, 06 Oct 2025 08:40:00 -0400")  # fmt: skip
    assert category(raw)[0] == "other"


def test_an_employer_s_answer_to_the_user_quoting_the_employer_s_invitation_is_not_the_user_s() -> None:
    body = (
        "Thank you, see you on the 22nd.\n\nChambers\n\nFrom: Naomi C <naomi@mailbox.test>\n"
        "Sent: Monday, July 14, 2025 10:02 AM\nSubject: Re: Clerkship Interview\n\nDear Chambers,\n\nI confirm that I "
        "will attend the interview on Tuesday, July 22, 2025, at 10:30 a.m.\n\nNaomi\n\nMs. C:\n\nWe would like to "
        "interview you for a clerkship on Tuesday, July 22, 2025, at 10:30 a.m.\n"
    )
    raw = mail("Judge's Chambers <chambers@court.example>", "Re: Clerkship Interview", body, reply=True,
               to="Naomi C <naomi@mailbox.test>", date="Mon, 14 Jul 2025 11:00:00 -0400")  # fmt: skip
    assert category(raw)[0] != "other"


def test_a_next_step_promised_once_someone_s_availability_is_known() -> None:
    body = (
        "Hi Marisol,\n\nThanks for your note - we both enjoyed the conversation on Tuesday. We're finishing first "
        "interviews this week. The next step would be a panel with our VP, People & Culture, and I'll reach out "
        "once I have her availability.\n\nSiobhan"
    )
    raw = mail("Siobhan Walsh <sw@nordhaven.example>", "RE: Thank you - Senior HR Advisor interview", body,
               reply=True, to=HR)  # fmt: skip
    assert category(raw)[0] == "employer_reply"


def test_a_calendar_update_for_a_conversation_about_a_people_partner_role() -> None:
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nMETHOD:REQUEST\r\n"
        "BEGIN:VEVENT\r\nDTSTART:20251008T160000Z\r\nDTEND:20251008T170000Z\r\nUID:upd-1@google.com\r\n"
        "SEQUENCE:1\r\nSTATUS:CONFIRMED\r\nORGANIZER;CN=Dana W:mailto:dana@tidewater.example\r\n"
        "SUMMARY:Senior People Partner – Conversation with Dana W\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    raw = (
        "From: Dana W <dana@tidewater.example>\r\nTo: Marisol <marisol@mailbox.test>\r\n"
        "Subject: Updated invitation: Senior People Partner – Conversation with Dana W @ Wed Oct 8, 2025 9am - "
        "10am (PDT)\r\nDate: Mon, 06 Oct 2025 12:00:00 -0700\r\nMessage-ID: <upd-1@tidewater.example>\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nThis event has been updated\r\nChanged: time\r\n\r\n"
        "--b\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\n" + ics + "--b--\r\n"
    ).encode()
    assert category(raw)[0] == "reschedule"
    assert start(raw) == "2025-10-08T16:00:00+00:00"
