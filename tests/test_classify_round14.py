"""Issue 14, fourteenth round of blind sets (b14-acad: a computational-biology postdoc on the
academic market; b14-east: a supply-chain analyst in Seoul and then Tokyo; b14-nord: a
designer in Stockholm, mail in Swedish, Norwegian and Danish): the mechanisms their misses
showed wanting. Mail written for the purpose."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from mailmaker import category, mail, start

from daemon.understand.timeparse import resolve

KST = "Wed, 04 Mar 2026 10:20:00 +0900"
REF = datetime(2026, 3, 4, 10, 20, tzinfo=timezone(timedelta(hours=9)))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026.03.17 (Tue) 14:00 ~ 15:00", "2026-03-17"),
        ("Date: 2026.3.9 (Mon)", "2026-03-09"),
        ("2026/03/17 (Tue)", "2026-03-17"),
    ],
)
def test_year_first_dotted_dates_are_year_month_day(text: str, day: str) -> None:
    # Korean, Japanese and Chinese mail write the ISO order with dots
    found = [m for m in resolve(text, REF) if m.has_date]
    assert found
    assert found[0].start.date().isoformat() == day


def test_a_version_number_is_not_a_date() -> None:
    assert not [m for m in resolve("Upgrade the agent to 2026.3.9.1 before the call", REF) if m.has_date]


def test_a_scheduled_interview_outweighs_a_test_to_take_before_it() -> None:
    body = (
        "Dear Ms. Kim,\n\nWe are pleased to invite you to the 2nd interview with our directors.\n\n"
        "■ 2nd Interview\n  - Date: 2026.03.17 (Tue)\n  - Time: 14:00 ~ 15:00 (please arrive by 13:40)\n"
        "  - Venue: Head office, 9F\n\n"
        "■ Online aptitude test (required before the interview)\n  - Deadline: 2026.03.13 (Fri) 18:00\n"
        "  - The test link will be sent separately.\n\nRecruiting Team\n"
    )
    raw = mail("Recruiting Team <recruit@hanul.example>", "[Hanul] 2nd Interview Schedule", body, date=KST)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-03-17T14:00:00+09:00"


def test_a_link_that_expires_is_a_deadline_not_an_interview_time() -> None:
    body = (
        "Hi Sam,\n\nYou have not yet completed your on-demand video interview for Analyst.\n"
        "Your interview link expires on Friday, March 13, 2026 at 11:59 PM ET. It takes about 20 minutes.\n"
    )
    raw = mail("Kestrel Bank <noreply@videoscreen.example>", "Reminder: complete your interview", body)
    assert category(raw)[0] == "other"


def test_a_schedule_change_set_out_as_before_and_after() -> None:
    body = (
        "Dear Ms. Kim,\n\nDue to a conflict on the panel's side, we would like to change the schedule of your "
        "1st interview as follows.\n\n  - Before: 2026.03.17 (Tue) 14:00 ~ 15:00\n"
        "  - After : 2026.03.18 (Wed) 10:00 ~ 11:00\n\nThe venue stays the same.\n\nBest regards,\nJi-woo Han\n"
    )
    raw = mail("Ji-woo Han <jiwoo.han@hanul.example>", "RE: [Hanul] 1st Interview", body, reply=True, date=KST)
    assert category(raw)[0] == "reschedule"
    assert start(raw) == "2026-03-18T10:00:00+09:00"


def test_practice_talks_are_not_interviews() -> None:
    body = (
        "Hi Sam,\nYour appointment has been scheduled.\n\nEvent Type:\nMock Chalk Talk Practice (60 min)\n\n"
        "Host:\nDana Lee, Office of Postdoctoral Career Development\n\n"
        "Event Date/Time:\n10:00am - 11:00am (Eastern Time - US & Canada)\nTuesday, March 17, 2026\n\n"
        "Need to make changes to this event?\nCancel: https://calendly.com/cancellations/1a2b\n"
        "Reschedule: https://calendly.com/reschedulings/1a2b\n"
    )
    subject = "Confirmed: Mock Chalk Talk Practice with Dana Lee on Tuesday, March 17, 2026"
    raw = mail("Calendly <notifications@calendly.com>", subject, body)
    assert category(raw)[0] == "other"


def test_asked_to_write_a_letter_of_recommendation() -> None:
    body = (
        "Hi Sam!\n\nI'm applying to master's programs this fall - would you be willing to write me a letter of "
        "recommendation? I can send you my CV and statement draft. Would you have time for a quick Zoom next "
        "week so I can fill you in? Any time after 3 works for me.\n\nThanks so much,\nRiley\n"
    )
    raw = mail("Riley Ames <riley.ames@gmail.com>", "Recommendation letter for my applications?", body)
    assert category(raw)[0] == "other"


def test_invited_to_speak_at_a_conference() -> None:
    body = (
        "Dear Dr. Candidate,\n\nOn behalf of the program committee, I am pleased to invite you to give a 20-minute "
        "talk at the Northern Genomics Symposium 2026. We would like to place your talk on Wednesday, "
        "October 14, 10:30-10:50 am.\n\nPlease let us know whether you can accept by June 15.\n"
    )
    raw = mail("Program Chair <program@ngs-symposium.example>", "Invitation to speak - NGS 2026", body)
    assert category(raw)[0] == "other"
    # a job talk in a campus visit is the interview itself
    visit = (
        "Dear Dr. Candidate,\n\nThe search committee would like to invite you to a campus interview. You will "
        "give your job talk on Monday, March 16, 2026 at 10:00 am, followed by meetings with the faculty.\n"
    )
    raw = mail("Search Committee <search@biology.univ.example>", "Campus interview - Assistant Professor", visit)
    assert category(raw)[0] == "invitation"


def test_an_offer_letter_shown_as_a_document_is_not_an_offer() -> None:
    body = (
        "Dear Ms. Kim,\n\nI have arranged the viewings for Saturday at 1pm. Please bring your passport and proof "
        "of employment (your offer letter is fine) for the guarantor company.\n\nBest regards,\nAya\n"
    )
    raw = mail("Aya Mori <aya.mori@homes-relo.example>", "Apartment viewings", body)
    assert category(raw)[0] != "offer"
    offer = "Dear Sam,\n\nPlease find attached your offer letter for the Analyst role. We hope you will join us.\n"
    assert category(mail("HR <hr@hanul.example>", "Your offer", offer))[0] == "offer"


def test_a_friend_talking_about_the_job_market_is_personal() -> None:
    body = (
        "Hey!\n\nI'm in town next week. Are you free for a coffee chat on Saturday 3/14 around 3pm? I want to hear "
        "about the job market there.\n\nJ\n"
    )
    raw = mail("Jamie Park <jamie.park.84@gmail.com>", "In town next week!", body)
    assert category(raw)[0] == "other"


def test_an_interview_changed_and_held_instead() -> None:
    body = (
        "Dear Ms. Kim,\n\nAs a typhoon is forecast for tomorrow, we have decided to change tomorrow's final "
        "interview with Mr. Ito. The final interview will instead be held online this Thursday, from 16:00 to "
        "17:00.\n\nHuman Resources\n"
    )
    raw = mail("HR <saiyo@sakura.example>", "[Important] Your final interview", body, date=KST)
    assert category(raw)[0] == "reschedule"
    assert start(raw) == "2026-03-05T16:00:00+09:00"


def test_an_offer_extended_to_another_candidate_is_a_rejection() -> None:
    body = (
        "Dear Sam,\n\nI wanted to let you know personally that the department has extended an offer for the "
        "Assistant Professor position to another candidate, who has accepted. Your seminar was among the "
        "strongest we saw.\n\nWith warm regards,\nGreer\n"
    )
    raw = mail("Greer Hall <ghall@biology.univ.example>", "Re: Thank you - campus visit", body, reply=True)
    assert category(raw)[0] == "rejection"


@pytest.mark.parametrize("label", ["option ③", "Option 3", "slot #3"])
def test_a_reply_confirms_a_proposed_slot_by_its_number(label: str) -> None:
    body = (
        f"Dear Ms. Kim,\n\nThank you for your reply. We are pleased to confirm your 2nd interview on {label} as "
        "you requested. Please come to the 12F reception.\n\nBest regards,\nRyo\n\n"
        "-----Original Message-----\nFrom: Hana Kim <hana.kim@mailbox.test>\nSent: Tuesday, March 3, 2026 10:14 PM\n"
        "Subject: Re: 2nd interview scheduling\n\nDear Ryo, thank you. Could we do the third one?\n\n"
        "-----Original Message-----\nFrom: Ryo <ryo@aoba.example>\nSubject: 2nd interview scheduling\n\n"
        "Please choose one of the following:\n① 3/10 (Tue) 10:00-11:00\n② 3/11 (Wed) 14:00-15:00\n"
        "③ 3/12 (Thu) 18:30-19:30\n"
    )
    raw = mail("Ryo <ryo@aoba.example>", "RE: 2nd interview scheduling", body, reply=True, date=KST)
    assert start(raw) == "2026-03-12T18:30:00+09:00"


AEST = "Mon, 04 May 2026 09:05:00 +1000"


def test_a_letter_that_says_it_is_not_an_offer() -> None:
    body = (
        "Dear Sam,\n\nI am pleased to advise that the selection panel has assessed you as suitable, and you "
        "have been placed in a merit pool for Policy Officer roles for 18 months.\n\n"
        "Please note this correspondence is not an offer of employment.\n"
    )
    raw = mail("Department of Rivers <noreply@rivers.pageuppeople.com>", "Outcome of your application", body)
    assert category(raw)[0] == "other"


@pytest.mark.parametrize(
    "sentence",
    [
        "As a result, your application will not be progressing further.",
        "After careful consideration, the panel determined that other candidates more closely met the requirements.",
    ],
)
def test_a_panel_decline_in_public_service_words(sentence: str) -> None:
    body = f"Dear Sam,\n\nThank you for participating in the selection process. {sentence}\n\nTalent Acquisition\n"
    raw = mail("Skills Authority <skills@myworkday.com>", "Update regarding your application", body)
    assert category(raw)[0] == "rejection"


def test_a_written_stage_with_a_deadline_is_not_an_interview() -> None:
    body = (
        "Dear Sam,\n\nYou have progressed to the next stage, which asks you to respond to two targeted "
        "questions of up to 500 words. Please submit them through\nyour candidate portal by 11:59pm Sunday "
        "10 May 2026.\n\nApplicants who progress will be invited to an interview in June.\n"
    )
    raw = mail("Office of Planning <no-reply@iworkfor.pageuppeople.com>", "Next stage - targeted questions", body)
    assert category(raw)[0] == "other"


def test_a_day_pushed_back_to_a_new_hour() -> None:
    body = (
        "Hi Sam, small change sorry - Natasha has been pulled into a brief so they've asked to push Thursday "
        "back to 3pm. Same day, same place.\n\nBec\n\n> On 1 May 2026, Sam wrote:\n> 1.30 on Thursday works.\n"
    )
    raw = mail("Bec <bec@capitalrecruitment.example>", "Re: interview!", body, reply=True, date=AEST)
    assert category(raw)[0] == "reschedule"
    assert start(raw) == "2026-05-07T15:00:00+10:00"


def test_the_time_said_to_be_replaced_is_not_the_new_one() -> None:
    body = (
        "Morning Sam - apologies for the short notice, we've moved you to 1400 tomorrow (Tue 5 May) rather than "
        "0930 today. Same room.\n\nLachie\n"
    )
    raw = mail("Lachie <lachie@gov.example>", "Re: Interview - Senior Policy Officer", body, reply=True, date=AEST)
    assert category(raw)[0] == "reschedule"
    assert start(raw) == "2026-05-05T14:00:00+10:00"


def test_a_recruiter_will_give_you_a_buzz_this_afternoon() -> None:
    body = (
        "Hey Sam - the client is keen on your CV. Before I put you forward I need a quick 15 min screen - "
        "I'll give you a buzz at 4 this arvo.\n\nSam\nSent from my iPhone\n"
    )
    raw = mail("Sam K <sam@paxton.example>", "Northbank - quick call", body, date=AEST)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-05-04T16:00:00+10:00"


def test_a_wish_to_meet_with_the_time_on_the_next_line() -> None:
    body = (
        "Hi Sam,\n\nThanks for your application for the Consultant position. Mark and I would like to meet with "
        "you over Zoom.\nThursday 14 May, 10:00am AEST. We'll allow 45 minutes.\n\nShannon\n"
    )
    raw = mail("Shannon <shannon@coralsea.example>", "Interview - Consultant", body, date=AEST)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-05-14T10:00:00+10:00"
