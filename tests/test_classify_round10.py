"""Issue 14, tenth round of blind sets (b10-rho: nursing and travel agencies; b10-pi: Singapore
product management; b10-omicron: school districts and edtech): the mechanisms their misses
showed wanting. Each case is mail written for the purpose, not copied from a set."""

from __future__ import annotations

import pytest
from mailmaker import category, mail, start

from daemon.understand.timeparse import scan

AGENCY = "Tori Vance <tori@bluecrestnurses.example>"
DATE = "Tue, 13 Oct 2026 15:10:00 -0500"



# --- mail typed on a phone ------------------------------------------------------------------


def test_textspeak_from_an_agency_reads_as_english() -> None:
    body = ("hey!! ok ur submitted to Harborview Regional for the Travel RN - PCU contract (13 wks, days).\n"
            "the nurse manager said she'll call u tmrw at 10:30am central, pls pick up even if its unknown\n")
    raw = mail(AGENCY, "harborview!!", body, date=DATE)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-10-14T10:30:00-05:00"


def test_a_call_window_is_an_invitation_without_a_definite_start() -> None:
    body = ("Good news, I submitted you to Lakeshore Medical for the ICU nights job. The manager "
            "will call you Thursday between 1 and 3 EST.\n")
    raw = mail(AGENCY, "Lakeshore Medical", body, date=DATE)
    assert category(raw)[0] == "invitation"
    assert start(raw) is None


def test_you_got_the_offer_in_an_agency_note_is_an_offer() -> None:
    body = "the manager loved you, you got the offer!! 13 wks, $2,480/wk gross, start 11/9. lmk by friday\n"
    assert category(mail(AGENCY, "OFFER!!", body, date=DATE))[0] == "offer"


def test_singapore_shorthand_confirms_a_time_in_a_reply() -> None:
    body = ("Ok noted, confirmed tmr 2pm at our office then! Will be abt 1 hr w HM + team.\n\n"
            "> On 12 Oct 2026, at 6:01 PM, Sam Candidate wrote:\n> Could we do Wednesday 2pm?\n")
    raw = mail("Wei Ling <weiling@dragonfruitpay.example>", "Re: Product Lead - next steps", body,
               reply=True, date="Tue, 13 Oct 2026 19:10:00 +0800")
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-10-14T14:00:00+08:00"


def test_a_number_of_hours_is_a_length_not_a_clock() -> None:
    for text in ("same venue, same 2 hrs.", "it runs about 3 hrs"):
        assert not [p for p in scan(text)[0] if p.has_time], text
    # and a clock where a clock word leads it
    assert [p.hour for p in scan("a las 10 hrs")[0]] == [10]


# --- decisions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "After careful consideration, the school has selected another candidate for this position.",
        "The panel has recommended another candidate whose experience more closely matches the role.",
        "The committee decided to extend the offer to a candidate with more years in the classroom.",
        "We are unfortunately not able to progress your application further.",
    ],
)
def test_another_candidate_chosen_is_a_rejection(sentence: str) -> None:
    body = f"Dear Sam,\n\nThank you for interviewing for the Grade 4 Teacher position. {sentence}\n\nHR\n"
    assert category(mail("HR <hr@pinecrestusd.example>", "Your application", body))[0] == "rejection"


def test_an_exercise_with_a_submission_date_is_no_meeting() -> None:
    body = ("Hi Sam,\n\nThanks for speaking with Dana! We'd like to invite you to the next step: a short "
            "curriculum design exercise. Please submit by Friday, March 13 at 5:00 PM PT. There is nothing "
            "to schedule for now.\n")
    cat, reasons = category(mail("Recruiting <no-reply@greenhouse-mail.example>", "Design exercise", body))
    assert cat == "other", reasons


def test_a_task_before_any_call_is_no_invitation() -> None:
    body = ("Hi Sam,\n\nAs a next step please complete the attached take-home exercise; the deadline is "
            "Friday 6pm. Once you submit, we'll review it and reach out to set up a follow-up conversation.\n")
    cat, reasons = category(mail("Megan <megan@orchard.example>", "Re: Product Manager", body, reply=True))
    assert cat != "invitation", reasons


# --- teaching interviews, visits, references -------------------------------------------------


def test_a_demo_lesson_asked_for_in_a_forwarded_note_is_an_invitation() -> None:
    body = ("Hi Sam,\n\nPlease see the principal's note below about your demo lesson.\n\n"
            "---------- Forwarded message ---------\nFrom: Ana Ruiz <aruiz@mesaverde.example>\n"
            "Date: Wed, Apr 1, 2026 at 6:12 PM\nSubject: Demo lesson - S. Candidate\n"
            "To: HR <hr@mesaverde.example>\n\n"
            "Can you send Sam the details? I'd like him to teach my 5th graders Tuesday 4/7 at 9:40.\n")
    raw = mail("HR <hr@mesaverde.example>", "Fwd: Demo lesson - S. Candidate", body,
               date="Thu, 02 Apr 2026 08:31:00 -0700")
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-04-07T09:40:00-07:00"


def test_a_candidate_debrief_is_not_the_interviewer_side() -> None:
    body = ("Team really liked you. Next step for us is a short demo lesson. Can you come in Friday at 8:50? "
            "Plan on 20 min teaching + 10 min debrief w/ me.\n")
    raw = mail("Ms. Ortiz <lortiz@desertusd.example>", "Re: Thank you", body, reply=True,
               date="Mon, 09 Mar 2026 16:00:00 -0700")
    assert category(raw)[0] == "invitation"


def test_a_reference_request_for_someone_else_is_not_an_interview() -> None:
    body = ("Hi Sam,\n\nJordan Lee has applied for a teaching position with us and listed you as a reference. "
            "Would you be available for a 10-minute call tomorrow at 3:30 PM?\n")
    assert category(mail("Principal <p@valleyusd.example>", "Jordan Lee", body))[0] == "other"


def test_an_interview_slot_at_a_job_fair_is_an_invitation() -> None:
    body = ("Dear Sam,\n\nYou have been pre-selected for an interview at the Spring Teacher Job Fair.\n\n"
            "Date: Saturday, March 14, 2026\nInterview time: 11:20 AM\nLength: 20 minutes\n")
    raw = mail("District HR <notifications@schoolspring.example>", "Job Fair Interview Appointment Confirmed",
               body, date="Mon, 02 Mar 2026 09:00:00 -0700")
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-03-14T11:20:00-07:00"


def test_a_research_interview_workshop_is_not_a_hiring_interview() -> None:
    body = ("You're going to ProductCon!\n\n09:30 Keynote\n14:00 Workshop: running customer discovery "
            "interviews\n\nShow this ticket at the door.\n")
    cat, _ = category(mail("ProductCon <tickets@productcon.example>", "Your ticket", body))
    assert cat == "other"


def test_the_named_candidate_being_the_recipient_is_not_the_interviewer_side() -> None:
    body = ("Interview Scheduled\n\nCandidate: Sam Candidate\nPosition: RN Med-Surg\n"
            "Date: Thursday, March 12, 2026\nTime: 9:00 AM - 9:30 AM CST\n")
    raw = mail("Careers <noreply@careers-northshore.example>", "Interview Scheduled: RN Med-Surg", body,
               to="Sam Candidate <sam@example.org>", date="Mon, 02 Mar 2026 09:00:00 -0600")
    assert category(raw)[0] == "invitation"


# --- times ------------------------------------------------------------------------------------


def test_agenda_rows_keep_the_heading_zone() -> None:
    body = ("Hi Sam,\n\nThursday 16 April 2026, 10:00am - 12:00pm AEST (8:00am - 10:00am SGT)\n"
            "  10:00 - 10:45am  Case presentation\n  10:45 - 12:00pm  Panel interview\n")
    raw = mail("Talent <talent@harbourline.example>", "Final stage interview", body,
               date="Fri, 20 Mar 2026 15:30:00 +1100")
    assert start(raw) == "2026-04-16T10:00:00+10:00"


def test_a_schedule_restated_on_the_readers_clock_does_not_replace_it() -> None:
    body = ("Here is your interview schedule for Monday, December 14 (all times Eastern):\n"
            "12:00 - 12:45 PM  Panel\n12:50 - 1:30 PM  Walkthrough\n\n"
            "I know that's 9:00-10:30 AM your time.\n")
    raw = mail("Maya <maya@kestrel.example>", "Final round interview schedule", body,
               date="Mon, 07 Dec 2026 19:22:00 +0000")
    assert start(raw) == "2026-12-14T12:00:00-05:00"


def test_a_bound_and_an_end_are_not_the_start() -> None:
    moved = ("Hi Sam, we need to move your final interview to Tuesday, September 8. It will now start at "
             "1:00 PM Central and wrap up by 4:00 PM.\n")
    assert start(mail("HR <hr@lsr.example>", "Final interview moved", moved,
                      date="Thu, 27 Aug 2026 13:22:10 -0500")) == "2026-09-08T13:00:00-05:00"
    ask = ("Thanks again - the panel was impressed. Could you send me two or three windows that work for you "
           "next week for a coaching demonstration? Afternoons after 1:00 are best.\n")
    raw = mail("Kyle <kyle@verdemesa.example>", "Re: Instructional Coach interview", ask, reply=True)
    assert category(raw)[0] == "invitation"
    assert start(raw) is None


def test_cancelling_tomorrows_interview_is_a_cancellation() -> None:
    body = "Sorry Sam - the hospital just told me they're cancelling tomorrow's 10am interview with the manager.\n"
    assert category(mail(AGENCY, "Re: St Luke's ICU interview", body, reply=True, date=DATE))[0] == "cancellation"


def test_a_short_reply_that_moves_the_call_is_a_reschedule() -> None:
    body = ("Hi Sam so sorry, the manager got pulled into a meeting. We've shifted to this Fri (16/10) 11am "
            "instead, same link.\n\n> On 12 Oct 2026, Lee wrote:\n> Confirmed: your interview tomorrow at 10am.\n")
    raw = mail("Lee <lee@merlion.example>", "Re: next steps", body, reply=True, date="Tue, 13 Oct 2026 07:31:00 +0800")
    assert category(raw)[0] == "reschedule"
    assert start(raw) == "2026-10-16T11:00:00+08:00"


# --- after b10-sigma (the final set, measured once at 979b3ea, then tuned) --------------------


def test_join_us_as_a_title_is_an_offer() -> None:
    body = "Hey Sam,\n\nWe'd love you to join us as Content Manager! Headlines: EUR 61,000 base, 25 days hols.\n"
    assert category(mail("Aoife <aoife@tidewave.example>", "good news", body))[0] == "offer"


def test_an_offer_of_appointment_is_an_offer() -> None:
    body = "Dear Sam,\n\nI am delighted to confirm the University's conditional offer of appointment to the post.\n"
    assert category(mail("HR <hr@uni.example>", "Your application", body))[0] == "offer"


def test_a_screening_call_asked_for_tomorrow_is_an_invitation() -> None:
    body = ("Before I put you forward I'd like to do a 20-minute screening call. Are you free tomorrow "
            "(Wednesday) at 12:30 BST?\n")
    raw = mail("Hugo <hugo@search.example>", "Head of Comms - screening call", body,
               date="Tue, 02 Sep 2025 10:12:06 +0100")
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-09-03T12:30:00+01:00"


def test_pulling_tomorrows_interview_is_a_cancellation() -> None:
    body = "Really sorry - the client have pulled tomorrow's 11am with Jo; they've appointed internally.\n"
    raw = mail("Hugo <hugo@search.example>", "RE: first interview confirmed", body, reply=True)
    assert category(raw)[0] == "cancellation"


def test_an_agency_passing_on_the_clients_pick_is_an_invitation_at_that_time() -> None:
    body = ("They've gone for Friday at 10am. You'll meet the CMO and the CEO; allow an hour.\n\n"
            "-----Original Message-----\nFrom: Sam\nSubject: Re: interview?\n\nEither works for me.\n\n"
            "> Could you do either Thursday at 2pm or Friday at 10am?\n")
    raw = mail("Ciara <ciara@talent.example>", "RE: Head of Comms - interview?", body, reply=True,
               date="Wed, 28 Jan 2026 09:26:50 +0000")
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-01-30T10:00:00+00:00"


def test_reporting_to_a_named_reception_is_the_arrival() -> None:
    body = ("You have been shortlisted for interview on Monday 3 November 2025. Please report to the Calder "
            "Building reception by 09:15. All times below are GMT.\n  09:30 - 09:45  Presentation\n"
            "  09:45 - 11:00  Panel interview\n")
    raw = mail("Recruitment <recruitment@uni.example>", "Invitation to interview", body,
               date="Mon, 13 Oct 2025 14:06:51 +0100")
    assert start(raw) == "2025-11-03T09:30:00+00:00"


def test_a_cancelled_call_takes_its_time_from_the_quoted_weekday_and_clock() -> None:
    body = ("Hi Sam,\n\nReally sorry - I need to cancel Monday's intro call; the req is on hold.\n\n"
            "On Tue, Jun 9, 2026 at 12:02 PM Sam Candidate wrote:\n> Monday at 10 CT works perfectly. Thanks!\n")
    raw = mail("Tyler <tyler@lumenfold.example>", "Re: intro call", body, reply=True,
               date="Fri, 12 Jun 2026 16:20:58 -0500")
    assert category(raw)[0] == "cancellation"
    assert start(raw) == "2026-06-15T10:00:00-05:00"


def test_a_weekday_in_the_threads_subject_read_that_day_is_today() -> None:
    body = "The manager got pulled into a rapid response, she's going to call you at 4:30 instead.\n"
    raw = mail(AGENCY, "Re: Coastal Bend MICU - interview set for Wed", body, reply=True,
               date="Wed, 17 Sep 2025 14:41:09 -0500")
    assert start(raw) == "2025-09-17T16:30:00-05:00"


def test_a_reply_about_the_panel_comparing_notes_is_an_employer_reply() -> None:
    body = ("Many thanks - I've received the deck and shared it with the panel. The panel will compare notes "
            "and we aim to come back to you by the end of next week.\n\n> attaching my deck ahead of today.\n")
    raw = mail("Cheryl <cheryl@harbourline.example>", "RE: Case study deck", body, reply=True)
    assert category(raw)[0] == "employer_reply"
