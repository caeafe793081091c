"""Zone words, abbreviations and tool labels from outside North America and Europe, and which
reading of an ambiguous abbreviation applies."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from daemon.understand import zones
from daemon.understand.timeparse import resolve

REF = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)  # a Monday


def start(text: str, ref: datetime = REF) -> str:
    found = [m for m in resolve(text, ref) if m.has_time]
    assert found, f"no time in {text!r}"
    return found[0].start.isoformat()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # African, Gulf and South American abbreviations
        ("Tuesday 10 June at 11:00 WAT", "2025-06-10T11:00:00+01:00"),
        ("Tuesday 10 June at 11:00 EAT", "2025-06-10T11:00:00+03:00"),
        ("Tuesday 10 June at 11:00 SAST", "2025-06-10T11:00:00+02:00"),
        ("Tuesday 10 June at 14:00 GST", "2025-06-10T14:00:00+04:00"),
        ("Tuesday 10 June at 16:00 KSA", "2025-06-10T16:00:00+03:00"),
        ("Tuesday 10 June at 10:00 BRT", "2025-06-10T10:00:00-03:00"),
        # Chile keeps summer time in the southern summer: CLT/CLST both name Santiago's clock
        ("Tuesday 10 June at 10:00 CLT", "2025-06-10T10:00:00-04:00"),
        ("Tuesday 9 December at 10:00 CLST", "2025-12-09T10:00:00-03:00"),
        # a country's or city's clock in words
        ("Tuesday 10 June at 4:00 PM KSA time", "2025-06-10T16:00:00+03:00"),
        ("Tuesday 10 June at 4:00 PM Saudi time", "2025-06-10T16:00:00+03:00"),
        ("Tuesday 10 June at 1:00 pm Cairo time", "2025-06-10T13:00:00+03:00"),
        ("Tuesday 10 June at 9:00 West Africa Time", "2025-06-10T09:00:00+01:00"),
        # Egypt's summer time (reinstated 2023) ends on the last Thursday of October
        ("Tuesday 4 November at 1:00 pm Cairo time", "2025-11-04T13:00:00+02:00"),
        ("Tuesday 28 October at 1:00 pm Cairo time", "2025-10-28T13:00:00+03:00"),
        # Windows names: Arab (Riyadh, +03) is not Arabian (Dubai, +04)
        ("Tuesday 10 June at 10:00 Arab Standard Time", "2025-06-10T10:00:00+03:00"),
        ("Tuesday 10 June at 10:00 Arabian Standard Time", "2025-06-10T10:00:00+04:00"),
        # tool labels
        ("Tuesday 10 June, 10:00am - Eastern Time - US & Canada", "2025-06-10T10:00:00-04:00"),
        ("Tuesday 10 June 10:00 AM Pacific Time (US and Canada)", "2025-06-10T10:00:00-07:00"),
        # Mexico keeps no summer time since 2022
        ("Tuesday 10 June at 10:00 (UTC-06:00) Guadalajara, Mexico City, Monterrey", "2025-06-10T10:00:00-06:00"),
        ("Tuesday 10 June at 10:00 (UTC+02:00) Cairo", "2025-06-10T10:00:00+03:00"),
        # a named zone follows DST on the interview's date, not the reference's
        ("Tuesday 4 November at 10:00 UK time", "2025-11-04T10:00:00+00:00"),
    ],
)
def test_zone_words(text: str, want: str) -> None:
    assert start(text) == want


def test_ast_is_atlantic_unless_the_mail_speaks_of_the_gulf() -> None:
    assert start("Tuesday 10 June at 10:00 AST") == "2025-06-10T10:00:00-03:00"
    assert start("Tuesday 10 June at 10:00 AST at our Riyadh office") == "2025-06-10T10:00:00+03:00"
    assert start("Our Dubai team: Tuesday 10 June at 10:00 AST") == "2025-06-10T10:00:00+03:00"


def test_a_place_in_parentheses_says_the_abbreviation_more_exactly() -> None:
    # Brisbane keeps AEST all year; Sydney is on AEDT in February
    ref = datetime(2026, 1, 28, tzinfo=UTC)
    assert start("Thursday 12 February 2026, 9.30am AEST (Brisbane time)", ref) == "2026-02-12T09:30:00+10:00"
    assert start("Thursday 12 February 2026, 9.30am AEST", ref) == "2026-02-12T09:30:00+11:00"
    assert start("Tuesday 10 June at 10:00 EET (Cairo)") == "2025-06-10T10:00:00+03:00"
    # a place on another standard offset is a conversion, not a refinement
    assert start("Tuesday 10 June at 10:00 CET (UK time)") == "2025-06-10T10:00:00+02:00"


def test_same_standard() -> None:
    sydney, brisbane, cet, london = (
        zones.iana(k) for k in ("Australia/Sydney", "Australia/Brisbane", "CET", "Europe/London")
    )
    assert sydney and brisbane and cet and london
    assert zones.same_standard(sydney, brisbane)
    assert not zones.same_standard(cet, london)


def test_egypt_and_china_readings_need_their_region_named() -> None:
    # EU rules put 28 October 2025 in winter time; Egypt's summer time runs to the 30th
    ref = datetime(2025, 10, 19, tzinfo=UTC)
    assert start("Tuesday 28 October at 13:00 EEST", ref) == "2025-10-28T13:00:00+02:00"
    assert start("Our Cairo team: Tuesday 28 October at 13:00 EEST", ref) == "2025-10-28T13:00:00+03:00"
    assert start("Tuesday 10 June at 10:00 CST") == "2025-06-10T10:00:00-05:00"
    assert start("Our Shanghai office: Tuesday 10 June at 10:00 CST") == "2025-06-10T10:00:00+08:00"
    assert start("Shanghai team, Chicago HQ: Tuesday 10 June at 10:00 CST") == "2025-06-10T10:00:00-05:00"
    assert start("Fluent in Chinese? Tuesday 10 June at 10:00 CST") == "2025-06-10T10:00:00-05:00"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("This will take place on Thursday 4th December at 1400 at our office", "2025-12-04T14:00:00+00:00"),
        ("on 4 December 2025 at 0930.", "2025-12-04T09:30:00+00:00"),
        ("December 4 at 1415", "2025-12-04T14:15:00+00:00"),
    ],
)
def test_four_digit_clock_after_a_date_and_at(text: str, want: str) -> None:
    assert start(text) == want


@pytest.mark.parametrize(
    "text", ["We sold 30 at 1400 each", "Tuesday 10 June: the price at 1399", "reference 2025 at 1410"]
)
def test_four_digits_that_are_not_a_clock(text: str) -> None:
    assert not [m for m in resolve(text, REF) if m.has_time]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Nordic and central European clocks named by city or country (issue 14, round 5)
        ("Thursday 12 June, 10:30 Oslo time", "2025-06-12T10:30:00+02:00"),
        ("Thursday 12 June at 9:00 Norwegian time", "2025-06-12T09:00:00+02:00"),
        ("Thursday 12 June at 9:00 Finnish time", "2025-06-12T09:00:00+03:00"),
        ("Thursday 11 December at 15:00 Budapest time", "2025-12-11T15:00:00+01:00"),
        ("Thursday 11 December at 15:00 Danish time", "2025-12-11T15:00:00+01:00"),
    ],
)
def test_more_european_clocks(text: str, want: str) -> None:
    assert start(text) == want
