"""``parse_calendar``: zones (IANA, Windows, UTC, floating), all-day, DURATION, METHOD,
SEQUENCE, STATUS, people, and recurrence expansion that cannot run away."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from daemon.model import CalendarEvent
from daemon.understand.ics import MAX_EVENTS, MAX_OCCURRENCES, parse_calendar

CENTRAL_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Central Standard Time
BEGIN:STANDARD
DTSTART:16010101T020000
TZOFFSETFROM:-0500
TZOFFSETTO:-0600
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:-0600
TZOFFSETTO:-0500
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
"""


def cal(event: str, *, method: str = "REQUEST", preamble: str = "") -> bytes:
    text = (
        f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nMETHOD:{method}\n{preamble}"
        f"BEGIN:VEVENT\nUID:evt-1@example\nDTSTAMP:20260101T000000Z\n{event}END:VEVENT\nEND:VCALENDAR\n"
    )
    return text.replace("\n", "\r\n").encode()


def one(data: bytes, default_tz: timezone | ZoneInfo = UTC) -> tuple[CalendarEvent, list[str]]:
    events, defects = parse_calendar(data, default_tz)
    assert len(events) == 1, defects
    return events[0], defects


def test_iana_tzid() -> None:
    ev, defects = one(cal("DTSTART;TZID=America/Denver:20260415T133000\nDTEND;TZID=America/Denver:20260415T141500\n"))
    assert ev.start == datetime(2026, 4, 15, 13, 30, tzinfo=ZoneInfo("America/Denver"))
    assert ev.start.utcoffset() == timedelta(hours=-6)
    assert ev.end - ev.start == timedelta(minutes=45)
    assert ev.timezone == "America/Denver"
    assert defects == []


def test_windows_tzid_with_vtimezone() -> None:
    ev, _ = one(
        cal(
            "DTSTART;TZID=Central Standard Time:20260122T110000\nDTEND;TZID=Central Standard Time:20260122T120000\n",
            preamble=CENTRAL_VTIMEZONE,
        )
    )
    assert ev.start.isoformat() == "2026-01-22T11:00:00-06:00"
    assert ev.timezone == "America/Chicago"


def test_windows_tzid_without_vtimezone() -> None:
    ev, _ = one(cal("DTSTART;TZID=Eastern Standard Time:20260714T140000\n"))
    assert ev.start.isoformat() == "2026-07-14T14:00:00-04:00"
    assert ev.timezone == "America/New_York"


def test_india_zone_key_is_canonical() -> None:
    vtz = (
        "BEGIN:VTIMEZONE\nTZID:India Standard Time\nBEGIN:STANDARD\nDTSTART:16010101T000000\n"
        "TZOFFSETFROM:+0530\nTZOFFSETTO:+0530\nEND:STANDARD\nEND:VTIMEZONE\n"
    )
    ev, _ = one(cal("DTSTART;TZID=India Standard Time:20251127T110000\n", preamble=vtz))
    assert ev.start.isoformat() == "2025-11-27T11:00:00+05:30"
    assert ev.timezone == "Asia/Kolkata"


def test_outlook_offset_tzid_without_definition() -> None:
    ev, defects = one(cal('DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20260302T100000\n'))
    assert ev.start.isoformat() == "2026-03-02T10:00:00-05:00"
    assert any("fixed UTC offset" in d for d in defects)


def test_unknown_tzid_reads_in_the_message_zone_and_says_so() -> None:
    ev, defects = one(cal("DTSTART;TZID=Pacific Time:20260302T100000\n"), timezone(timedelta(hours=-8)))
    assert ev.start.isoformat() == "2026-03-02T10:00:00-08:00"
    assert any("unknown TZID" in d for d in defects)


def test_utc_times() -> None:
    ev, _ = one(cal("DTSTART:20260115T083000Z\nDTEND:20260115T091500Z\n"))
    assert ev.start == datetime(2026, 1, 15, 8, 30, tzinfo=UTC)
    assert ev.timezone == "UTC"


def test_floating_time_takes_the_default_zone() -> None:
    ev, _ = one(cal("DTSTART:20260302T100000\n"), timezone(timedelta(hours=2)))
    assert ev.start.isoformat() == "2026-03-02T10:00:00+02:00"


def test_all_day_event() -> None:
    ev, _ = one(cal("DTSTART;VALUE=DATE:20260302\nDTEND;VALUE=DATE:20260303\n"), ZoneInfo("Europe/London"))
    assert ev.all_day
    assert ev.start.isoformat() == "2026-03-02T00:00:00+00:00"
    assert ev.end - ev.start == timedelta(days=1)


def test_duration_instead_of_dtend() -> None:
    ev, _ = one(cal("DTSTART;TZID=Europe/Berlin:20260209T140000\nDURATION:PT45M\n"))
    assert ev.end.isoformat() == "2026-02-09T14:45:00+01:00"


def test_method_sequence_status_and_people() -> None:
    ev, _ = one(
        cal(
            "DTSTART:20260209T130000Z\nSEQUENCE:2\nSTATUS:cancelled\nSUMMARY:Interview\\, round 2\n"
            'ORGANIZER;CN="Jonas Brandt":mailto:Jonas.Brandt@Fernhollow.example\n'
            "ATTENDEE;CN=Sam Okafor;PARTSTAT=NEEDS-ACTION:mailto:sam@example.net\n"
            "ATTENDEE;CN=Lena Vogt:MAILTO:lena@fernhollow.example\n",
            method="cancel",
        )
    )
    assert (ev.method, ev.sequence, ev.status) == ("CANCEL", 2, "CANCELLED")
    assert ev.summary == "Interview, round 2"
    assert ev.uid == "evt-1@example"
    assert (ev.organizer.name, ev.organizer.addr) == ("Jonas Brandt", "jonas.brandt@fernhollow.example")
    assert [(a.name, a.addr) for a in ev.attendees] == [
        ("Sam Okafor", "sam@example.net"),
        ("Lena Vogt", "lena@fernhollow.example"),
    ]


def test_bad_sequence_is_zero_and_reported() -> None:
    ev, defects = one(cal("DTSTART:20260209T130000Z\nSEQUENCE:abc\n"))
    assert ev.sequence == 0
    assert any("SEQUENCE" in d for d in defects)


def test_weekly_rule_is_expanded() -> None:
    ev, _ = one(cal("DTSTART:20260302T100000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5\n"))
    days = [o.date().isoformat() for o in ev.occurrences]
    assert days == ["2026-03-02", "2026-03-04", "2026-03-09", "2026-03-11", "2026-03-16"]


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=SECONDLY;COUNT=1000000000",
        "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31",
        "FREQ=MONTHLY;BYDAY=6MO",
        "FREQ=MINUTELY;UNTIL=99991231T000000Z",
        "FREQ=YEARLY;BYWEEKNO=60",
        "FREQ=DAILY;COUNT=1000000000",
    ],
)
def test_hostile_rules_are_bounded(rule: str) -> None:
    start = time.perf_counter()
    ev, _ = one(cal(f"DTSTART:20260302T100000Z\nRRULE:{rule}\n"))
    assert time.perf_counter() - start < 1
    assert ev.start == datetime(2026, 3, 2, 10, tzinfo=UTC)
    assert 1 <= len(ev.occurrences) <= MAX_OCCURRENCES


def test_vtimezone_with_a_runaway_rule_is_ignored() -> None:
    vtz = (
        "BEGIN:VTIMEZONE\nTZID:Evil\nBEGIN:STANDARD\nDTSTART:16010101T000000\nTZOFFSETFROM:+0100\n"
        "TZOFFSETTO:+0000\nRRULE:FREQ=SECONDLY\nEND:STANDARD\nEND:VTIMEZONE\n"
    )
    start = time.perf_counter()
    ev, defects = one(cal("DTSTART;TZID=Evil:20260302T100000\n", preamble=vtz), timezone(timedelta(hours=1)))
    assert time.perf_counter() - start < 1
    assert ev.start.isoformat() == "2026-03-02T10:00:00+01:00"
    assert any("VTIMEZONE" in d for d in defects)


def test_event_flood_is_capped() -> None:
    body = "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260302T100000Z\r\nEND:VEVENT\r\n" * 20_000
    start = time.perf_counter()
    events, defects = parse_calendar(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n".encode())
    assert time.perf_counter() - start < 2
    assert len(events) == MAX_EVENTS
    assert any("more than" in d for d in defects)


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00\xff\xfe garbage", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:notadate\r\nEND:VCALENDAR\r\n"],
    ids=["empty", "binary", "unterminated"],
)
def test_invalid_calendars_are_defects(data: bytes) -> None:
    events, defects = parse_calendar(data)
    assert events == []
    assert defects
