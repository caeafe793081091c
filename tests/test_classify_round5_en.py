"""Issue 14, round 5: English and calendar mail the held-back sets found wanting; each case is
mail written for the purpose, not copied from a set."""

from __future__ import annotations

import pytest
from mailmaker import category, mail

from daemon.understand.analyze import analyze

# --- rejections ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Quick update - Warehouse Analyst",
            "Hi Sam,\n\nThanks for your patience. We have offered the Warehouse Analyst\nposition to another "
            "candidate, who accepted yesterday. I enjoyed our chat a lot.\n\nBest,\nMira",
        ),
        (
            "Your application - Route Planner",
            "Dear Sam,\n\nThank you for the final round last Tuesday. After much deliberation we decided to "
            "offer the role to a candidate with longer experience in rail freight.\n\nKind regards,\nOlaf",
        ),
        (
            "Application update",
            "Hi Sam,\n\nThanks again for speaking with Lee and me on Monday; your fleet KPI scorecard "
            "was impressive.\n\nWe have decided not to move forward with your\ncandidacy at this time.\n\n"
            "All the best,\nDana",
        ),
    ],
)
def test_rejections_that_name_the_other_candidate_or_a_scorecard(subject: str, body: str) -> None:
    cat, reasons = category(mail("Dana Roe <dana@fleetco.example>", subject, body))
    assert cat == "rejection", reasons


def test_a_scorecard_sent_to_an_interviewer_is_still_the_interviewer_side() -> None:
    body = ("Hi Sam,\n\nYou are interviewing the candidate for the Analyst role on Thursday at 10:00. "
            "Please submit your scorecard by Friday.\n\nThanks,\nDana")
    cat, reasons = category(mail("Dana Roe <dana@fleetco.example>", "Interview panel: Analyst", body))
    assert cat == "other", reasons


# --- calendars and scheduling tools -------------------------------------------------------------


def test_a_scheduling_tool_says_who_cancelled_the_event() -> None:
    body = ("Hi Sam Candidate,\n\nJo Park canceled the event below.\n\nEvent: Intro call: Fernway Labs (Ops Lead)\n"
            "When: 14:00 - 14:30, Thursday, 12 March 2026 (Central European Time)\n"
            "Cancellation reason: \"Apologies, something came up - I'll send new times.\"\n")
    cat, reasons = category(mail("Calendly <notifications@calendly.com>", "Canceled: Sam Candidate and Jo Park", body))
    assert cat == "cancellation", reasons


def _outlook_update(summary: str, attendees: int = 1, sender: str = "pat.lim@harbourline.example") -> bytes:
    people = "".join(
        f"ATTENDEE;RSVP=TRUE:mailto:{addr}\r\n"
        for addr in ["sam.candidate@mailbox.test", "other.person@elsewhere.example"][:attendees]
    )
    ics = (
        "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Singapore Standard Time\r\n"
        "BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:upd-1\r\nSEQUENCE:1\r\nSTATUS:CONFIRMED\r\n"
        "DTSTART;TZID=Singapore Standard Time:20260312T093000\r\nDTEND;TZID=Singapore Standard Time:20260312T100000\r\n"
        f"ORGANIZER;CN=Pat Lim:mailto:{sender}\r\n{people}SUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    return (
        f"From: Pat Lim <{sender}>\r\nTo: Sam Candidate <sam.candidate@mailbox.test>\r\n"
        f"Subject: Updated: {summary}\r\nDate: Tue, 10 Mar 2026 23:40:00 +0000\r\n"
        f"Message-ID: <upd-{summary[:5]}@test>\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=BB\r\n\r\n--BB\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nSorry Sam, I had to move our call to Thursday morning.\r\n"
        "--BB\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\n" + ics + "--BB--\r\n"
    ).encode()


def test_an_updated_one_to_one_intro_call_is_a_reschedule_with_the_ics_time() -> None:
    a = analyze(_outlook_update("Harbourline intro - Sam Candidate"))
    assert a.classification.category.value == "reschedule", a.classification.reasons
    assert a.interview is not None and a.interview.start.isoformat() == "2026-03-12T09:30:00+08:00"


@pytest.mark.parametrize(
    ("summary", "attendees", "sender"),
    [
        ("Harbourline intro - Sam Candidate", 2, "pat.lim@harbourline.example"),  # a group event
        ("Quarterly planning - Sam Candidate", 1, "pat.lim@harbourline.example"),  # not an intro
        ("Harbourline intro - Sam Candidate", 1, "pat.lim@gmail.com"),  # a friend's calendar
    ],
)
def test_other_calendar_updates_stay_unread_as_hiring(summary: str, attendees: int, sender: str) -> None:
    cat, reasons = category(_outlook_update(summary, attendees, sender))
    assert cat == "other", reasons


# --- terse scheduling ---------------------------------------------------------------------------


def test_a_promised_phone_call_at_a_stated_time_is_an_invitation() -> None:
    body = ("Hi Sam,\n\nRita forwarded your resume for our Depot Supervisor role. I'll call your mobile\n"
            "tomorrow at 9 a.m. Eastern, 15 minutes or so.\n\nBen")
    a = analyze(mail("Ben Ode <ben.ode@depotworks.example>", "Depot Supervisor", body,
                     date="Mon, 09 Mar 2026 07:10:00 -0400"))
    assert a.classification.category.value == "invitation", a.classification.reasons
    assert a.interview is not None and a.interview.start.isoformat() == "2026-03-10T09:00:00-04:00"


def test_a_promised_call_without_a_time_or_hiring_context_is_not_an_invitation() -> None:
    body = "Hi Sam,\n\nGot your message about the boiler. I'll call you when I'm back from the depot.\n\nBen"
    cat, reasons = category(mail("Ben Ode <ben.ode@plumbfix.example>", "Boiler service", body))
    assert cat != "invitation", reasons
