"""Interview-time inference from whole messages, and the corpus accuracy bar."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from shared_data import SHARED

from daemon.model import Category, InterviewTime, Mail
from daemon.understand.mail import parse
from daemon.understand.when import infer_interview, return_date

CORPUS = SHARED / "corpus"


def mail(
    body: str,
    *,
    date_header: str = "Mon, 17 Nov 2025 09:00:00 -0800",
    subject: str = "Interview",
    ics: str | None = None,
) -> Mail:
    head = (
        f"From: Recruiter <r@acme.example>\r\nTo: me@example.com\r\nSubject: {subject}\r\n"
        f"Date: {date_header}\r\nMessage-ID: <x@acme.example>\r\nMIME-Version: 1.0\r\n"
    )
    if ics is None:
        raw = head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replace("\n", "\r\n")
    else:
        raw = (
            head + 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
            "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replace("\n", "\r\n") + "\r\n--b\r\n"
            "Content-Type: text/calendar; method=REQUEST; charset=utf-8\r\n\r\n"
            + ics.replace("\n", "\r\n")
            + "\r\n--b--\r\n"
        )
    return parse(raw.encode())


def iso(iv: InterviewTime | None) -> tuple[str | None, str | None]:
    assert iv is not None
    return (iv.start.isoformat() if iv.start else None, iv.end.isoformat() if iv.end else None)


def test_text_invitation_with_zone_and_range() -> None:
    iv = infer_interview(
        mail("You're confirmed for Tuesday, November 25, 2025, 2:00 PM - 2:45 PM ET."), Category.INVITATION
    )
    assert iso(iv) == ("2025-11-25T14:00:00-05:00", "2025-11-25T14:45:00-05:00")
    assert iv is not None and iv.timezone == "America/New_York" and iv.source == "text"


def test_duration_gives_the_end_and_early_arrival_does_not() -> None:
    body = (
        "Date: Wednesday 26 November 2025\nTime: 14:00 GMT (please arrive 10 minutes early)\n"
        "Duration: approx. 90 minutes"
    )
    assert iso(infer_interview(mail(body), Category.INVITATION)) == (
        "2025-11-26T14:00:00+00:00",
        "2025-11-26T15:30:00+00:00",
    )


def test_tomorrow_late_in_the_evening_uses_the_header_offset() -> None:
    m = mail("Let's do a quick 30-minute call tomorrow at 10am.", date_header="Mon, 17 Nov 2025 21:48:12 -0800")
    assert iso(infer_interview(m, Category.INVITATION)) == ("2025-11-18T10:00:00-08:00", "2025-11-18T10:30:00-08:00")


def test_reschedule_takes_the_new_time_not_the_old() -> None:
    body = (
        "We need to move your interview from Thursday 11/20 at 2pm ET.\n\n"
        "The new time is Monday 11/24 at 11:00am ET. Same 45-minute format."
    )
    assert iso(infer_interview(mail(body), Category.RESCHEDULE)) == (
        "2025-11-24T11:00:00-05:00",
        "2025-11-24T11:45:00-05:00",
    )


def test_reschedule_with_labelled_lines() -> None:
    body = (
        "New time: Wednesday, November 26, 2025, 10:00 AM – 11:00 AM PST\n"
        "Previous time: Monday, November 24, 2025, 1:00 PM – 2:00 PM PST"
    )
    assert iso(infer_interview(mail(body), Category.RESCHEDULE))[0] == "2025-11-26T10:00:00-08:00"


def test_cancellation_reports_the_cancelled_slot() -> None:
    body = "I'm sorry, we need to cancel your interview scheduled for Tuesday, November 25 at 1:30 PM CT."
    assert iso(infer_interview(mail(body), Category.CANCELLATION)) == ("2025-11-25T13:30:00-06:00", None)


def test_proposed_slots_fix_no_start() -> None:
    body = (
        "Do any of these work for you?\n\n- Tue 11/25 at 10:00am PT\n- Wed 11/26 at 1:00pm PT\n"
        "- Thu 11/27 at 3:30pm PT\n"
    )
    iv = infer_interview(mail(body), Category.INVITATION)
    assert iv is not None and iv.start is None
    assert [s.isoformat() for s in iv.slots] == [
        "2025-11-25T10:00:00-08:00",
        "2025-11-26T13:00:00-08:00",
        "2025-11-27T15:30:00-08:00",
    ]


def test_onsite_agenda_is_one_block() -> None:
    body = (
        "Tuesday, November 25, 2025\nAll times are shown in Eastern Time.\n\n"
        "9:30 AM – 10:15 AM  Coding\n10:15 AM – 11:00 AM  System design\n12:00 PM – 1:00 PM  Hiring manager\n"
    )
    assert iso(infer_interview(mail(body), Category.INVITATION)) == (
        "2025-11-25T09:30:00-05:00",
        "2025-11-25T13:00:00-05:00",
    )


def test_self_scheduling_link_and_its_expiry_are_not_an_interview() -> None:
    body = (
        "Please use the link below to choose a time: https://app.example/sched/abc\n\n"
        "This link will expire on Friday, November 21, 2025 at 5pm."
    )
    assert infer_interview(mail(body), Category.INVITATION) is None


def test_deadline_is_not_an_interview() -> None:
    body = "Please complete the assessment by Friday, November 21 at 11:59 PM PT."
    assert infer_interview(mail(body), Category.INVITATION) is None


def test_quoted_and_signature_dates_are_ignored() -> None:
    body = (
        "Looking forward to it - see you then.\n\nOn Mon, Nov 10, 2025 at 9:00 AM Jordan wrote:\n"
        "> Could we talk Friday, November 14 at 3pm?\n"
    )
    assert infer_interview(mail(body), Category.INVITATION) is None


def test_subject_is_the_last_resort() -> None:
    m = mail("See you then!", subject="Interview @ Thu Nov 20, 2025 1pm - 2pm (PST)")
    iv = infer_interview(m, Category.INVITATION)
    assert iso(iv) == ("2025-11-20T13:00:00-08:00", "2025-11-20T14:00:00-08:00")
    assert iv is not None and iv.source == "subject"


ICS = """BEGIN:VCALENDAR
VERSION:2.0
METHOD:{method}
BEGIN:VEVENT
UID:abc@example
SEQUENCE:{seq}
STATUS:{status}
DTSTART;TZID=America/Chicago:20251121T093000
DTEND;TZID=America/Chicago:20251121T103000
SUMMARY:Interview
END:VEVENT
END:VCALENDAR"""


def test_calendar_beats_text() -> None:
    m = mail(
        "Details in the invite (we said Friday at 4pm earlier).",
        ics=ICS.format(method="REQUEST", seq=0, status="CONFIRMED"),
    )
    iv = infer_interview(m, Category.INVITATION)
    assert iso(iv) == ("2025-11-21T09:30:00-06:00", "2025-11-21T10:30:00-06:00")
    assert iv is not None and iv.source == "ics" and iv.timezone == "America/Chicago"


def test_cancelled_calendar_event_for_a_cancellation() -> None:
    m = mail("Cancelled.", ics=ICS.format(method="CANCEL", seq=1, status="CANCELLED"))
    assert iso(infer_interview(m, Category.CANCELLATION))[0] == "2025-11-21T09:30:00-06:00"


def test_not_scheduling_category_has_no_interview() -> None:
    assert infer_interview(mail("Tuesday at 3pm ET"), Category.REJECTION) is None


@pytest.mark.parametrize(
    ("body", "header", "expected"),
    [
        ("I am on leave and will be back on 14/10/2025.", "Mon, 6 Oct 2025 10:00:00 +0530", date(2025, 10, 14)),
        ("Out of office, returning Monday, Nov 3.", "Tue, 28 Oct 2025 10:00:00 -0700", date(2025, 11, 3)),
        ("I'm away and back in the office on the 5th.", "Tue, 28 Oct 2025 10:00:00 -0700", date(2025, 11, 5)),
        (
            "I'm on parental leave through Monday, October 19, 2026.",
            "Thu, 27 Aug 2026 09:14:02 -0700",
            date(2026, 10, 20),
        ),
        ("Thanks for your note, I'll reply soon.", "Tue, 28 Oct 2025 10:00:00 -0700", None),
    ],
)
def test_return_date(body: str, header: str, expected: date | None) -> None:
    assert return_date(mail(body, date_header=header)) == expected


def _corpus_cases() -> list[dict[str, object]]:
    labels = CORPUS / "labels.jsonl"
    return [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.skipif(not (CORPUS / "labels.jsonl").exists(), reason=f"labelled corpus not present at {CORPUS}")
def test_corpus_interview_start_exact_match() -> None:
    scored = right = 0
    wrong: list[str] = []
    for lab in _corpus_cases():
        if lab["category"] not in ("invitation", "reschedule", "cancellation"):
            continue
        m = parse((CORPUS / str(lab["file"])).read_bytes())
        iv = infer_interview(m, Category(str(lab["category"])))
        want = datetime.fromisoformat(str(lab["interview_start"])) if lab["interview_start"] else None
        got = iv.start if iv else None
        want_slots = [datetime.fromisoformat(str(s)) for s in lab["slots"]]  # type: ignore[attr-defined]
        got_slots = list(iv.slots) if iv else []
        scored += 1
        if got == want and got_slots == want_slots:
            right += 1
        else:
            wrong.append(f"{lab['file']}: want {want} {want_slots}, got {got} {got_slots}")
    assert scored >= 20
    assert right / scored >= 0.95, "\n".join(wrong)


def test_a_dated_time_beats_a_clock_time_with_no_date() -> None:
    body = "Looking forward to it, we'll dial in at 10am.\n\nConfirmed: Thursday, November 20, 2025, 2:00 PM ET"
    assert iso(infer_interview(mail(body), Category.INVITATION))[0] == "2025-11-20T14:00:00-05:00"


def test_a_forwarded_invitation_gives_its_time_when_the_senders_words_state_none() -> None:
    raw = (
        b"From: Dr Ana Ruiz <ana.ruiz@uni.example>\r\nTo: Kim Lee <kim@example.org>\r\n"
        b"Subject: Fwd: Interview invitation - Research Engineer\r\nDate: Mon, 27 Oct 2025 17:02:00 +0000\r\n"
        b"Message-ID: <fwd-1@uni.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Hi Kim,\r\n\r\nForwarding HR's invitation below in case it went to spam. Talk next week!\r\n\r\nAna\r\n\r\n"
        b"---------- Forwarded message ---------\r\nFrom: HR <hr-noreply@uni.example>\r\n"
        b"Date: Mon, 27 Oct 2025 at 16:40\r\nSubject: Interview invitation - Research Engineer\r\n"
        b"To: Kim Lee <kim@example.org>\r\n\r\nDear Kim,\r\n\r\nWe are pleased to invite you to interview.\r\n\r\n"
        b"Date: Tuesday, 4 November 2025\r\nTime: 11:00 GMT\r\nDuration: 40 minutes\r\n\r\n"
        b"Please confirm your attendance by Friday, 31 October 2025.\r\n"
    )
    mail = parse(raw)
    assert "11:00 GMT" not in mail.text  # the sender's own words state no time
    iv = infer_interview(mail, Category.INVITATION)
    assert iv is not None and iv.start is not None and iv.end is not None
    assert iv.start == datetime(2025, 11, 4, 11, 0, tzinfo=UTC)
    assert iv.end - iv.start == timedelta(minutes=40)


# ---------------------------------------------------------------- issue 14: replies, restatements
PROPOSALS = """Sounds good, Tuesday at 4 suits me.

On Mon, 17 Nov 2025 at 08:10, Recruiter <r@acme.example> wrote:
> Hi! Could we find 40 minutes for a video chat? Options (Mountain time):
>  - Tuesday 11/25 at 10:00am MT
>  - Tuesday 11/25 at 4:00pm MT
>  - Wednesday 11/26 at 1:00pm MT
"""


def test_a_short_reply_takes_the_matching_quoted_proposal() -> None:
    # the reply names weekday and clock; the one quoted slot that fits gives the day, the zone
    # and, with the quoted duration, the end
    iv = infer_interview(
        mail(PROPOSALS.replace("Sounds good, Tuesday at 4 suits me.", "Tuesday at 4 it is!")), Category.INVITATION
    )
    assert iso(iv) == ("2025-11-25T16:00:00-07:00", "2025-11-25T16:40:00-07:00")
    assert iv is not None and iv.timezone == "America/Denver"


def test_a_reply_matching_two_quoted_times_takes_none_of_them() -> None:
    body = PROPOSALS.replace("Sounds good, Tuesday at 4 suits me.", "Tuesday works for me")
    iv = infer_interview(mail(body), Category.INVITATION)
    assert iv is None or iv.start is None or iv.start.isoformat() != "2025-11-25T10:00:00-07:00"


def test_a_cancellation_naming_the_day_loosely_takes_the_quoted_time() -> None:
    body = """Sorry, we have to cancel Wednesday's call: the role is on hold.

From: Recruiter <r@acme.example>
Sent: Friday, November 14, 2025 3:02 PM
To: Me <me@example.com>
Subject: Interview

When: Wednesday, November 19, 2025 11:00 AM-11:45 AM (UTC-08:00) Pacific Time (US & Canada)
"""
    assert iso(infer_interview(mail(body), Category.CANCELLATION)) == (
        "2025-11-19T11:00:00-08:00",
        "2025-11-19T11:45:00-08:00",
    )


def test_a_time_restated_in_another_clock_is_not_a_second_time() -> None:
    body = "The call moved off Monday. Could we do Thursday 11/20 at 9:00 AM PT / 12:00 PM ET instead?"
    assert iso(infer_interview(mail(body), Category.RESCHEDULE))[0] == "2025-11-20T09:00:00-08:00"


def test_the_sent_line_of_a_forwarded_header_is_not_the_interview() -> None:
    body = """Passing this on, see you then!

---------- Forwarded message ---------
Date: Fri, Nov 14, 2025 at 4:12 PM
Subject: Onsite
To: Coordinator <c@acme.example>

Onsite confirmed:
   Day    Thursday, November 20
   Time   1pm PT
"""
    assert iso(infer_interview(mail(body), Category.INVITATION))[0] == "2025-11-20T13:00:00-08:00"


def test_a_new_time_with_its_own_date_beats_one_that_borrows_a_date() -> None:
    body = """We need to move the panel.

  Was: Friday 21 November, 2:00pm
  Now: Monday 24 November, 2:00pm

Saturday (22 November) is our offsite, which is why the new time is the same 2pm a few days later.
"""
    assert iso(infer_interview(mail(body), Category.RESCHEDULE))[0] == "2025-11-24T14:00:00-08:00"
