"""Which stated time is the interview's start: dual-zone lines, arrival times, agenda blocks,
and the zone a time takes when the Date header says another."""

from __future__ import annotations

import pytest

from daemon.model import Category, Mail
from daemon.understand.mail import parse
from daemon.understand.when import infer_interview


def mail(body: str, date_header: str = "Mon, 07 Jul 2025 10:00:00 +0000") -> Mail:
    raw = (
        "From: Recruiter <r@acme.example>\r\nTo: me@example.com\r\nSubject: Interview\r\n"
        f"Date: {date_header}\r\nMessage-ID: <x@acme.example>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replace("\n", "\r\n")
    )
    return parse(raw.encode())


def start(
    body: str, date_header: str = "Mon, 07 Jul 2025 10:00:00 +0000", category: Category = Category.INVITATION
) -> str:
    iv = infer_interview(mail(body, date_header), category)
    assert iv is not None and iv.start is not None
    return iv.start.isoformat()


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("Let's lock in Monday 14 July at 11:00 WAT / 14:00 GST.", "2025-07-14T11:00:00+01:00"),
        (
            "Let's lock in Monday 14 July at 11:00am WAT (that's 2:00pm your time in Dubai).",
            "2025-07-14T11:00:00+01:00",
        ),
        ("The call is on Monday 14 July at 10am ET (7am PT).", "2025-07-14T10:00:00-04:00"),
        ("First interview: Tuesday 15 July at 16:00 KSA (17:00 UAE), one hour.", "2025-07-15T16:00:00+03:00"),
        ("First interview: Tuesday 15 July at 4:00 PM KSA time (5:00 PM UAE).", "2025-07-15T16:00:00+03:00"),
        (
            "I've booked Tuesday 15 July at 1:00 pm Cairo time (EEST, UTC+3) - that's 2:00 pm in Dubai.",
            "2025-07-15T13:00:00+03:00",
        ),
        # a restatement that names only the weekday, on another clock
        (
            "Date: Tuesday 15 July 2025\nTime: 1.00pm NZST (that's 2.00am on the Tuesday morning UK time)",
            "2025-07-15T13:00:00+12:00",
        ),
        ("Could we move it to Friday 18 July, 10:30 Paris time (12:30 in Dubai)?", "2025-07-18T10:30:00+02:00"),
    ],
)
def test_the_first_time_with_its_own_zone_governs(body: str, want: str) -> None:
    assert start(body) == want


def test_two_dated_slots_joined_by_or_stay_two() -> None:
    iv = infer_interview(
        mail("Which works best for you: Tuesday 15 July at 10:00 BST or Wednesday 16 July at 14:00 BST?"),
        Category.INVITATION,
    )
    assert iv is not None and iv.start is None and len(iv.slots) == 2


@pytest.mark.parametrize(
    "body",
    [
        "Date: Thursday 17 July 2025\nPlease arrive at 8.45am for a 9.00am start. The day will finish by 3.30pm.",
        "Thursday 17 July 2025: check-in 8:45, first session 9:00.",
        "Thursday 17 July 2025\n  08:45  Arrival and check-in\n  09:00 - 10:00  System design\n"
        "  10:15 - 11:00  Team fit",
        "Agenda for Thursday 17 July 2025:\n 09:00 - 10:00 Coding\n 10:15 - 11:00 Design\nPlease arrive around 8:45 so"
        " reception can issue your pass.",
    ],
)
def test_arrival_is_not_the_start(body: str) -> None:
    assert start(body, "Mon, 07 Jul 2025 10:00:00 +0100") == "2025-07-17T09:00:00+01:00"


def test_a_welcome_session_opens_the_block() -> None:
    body = "Thursday 17 July 2025 (all times UK time):\n  09:00 - 09:30 Welcome & office tour\n  09:30 - 10:30 Design"
    assert start(body) == "2025-07-17T09:00:00+01:00"


def test_an_arrival_time_alone_is_still_the_time() -> None:
    assert start("Please arrive at reception on Thursday 17 July at 9:15.") == "2025-07-17T09:15:00+00:00"


def test_a_zone_in_the_text_beats_a_utc_date_header() -> None:
    # the Date header is in +0000; the interview falls after Egypt's clocks go back
    body = "Your interview is on Tuesday 4 November at 1:00 pm Cairo time."
    assert start(body, "Mon, 27 Oct 2025 13:30:10 +0000") == "2025-11-04T13:00:00+02:00"
    body = "Your interview is on Tuesday 4 November at 10:00 (UK time)."
    assert start(body, "Mon, 27 Oct 2025 13:30:10 +0300") == "2025-11-04T10:00:00+00:00"


def test_an_agenda_heading_dates_its_rows_not_a_conversion_in_passing() -> None:
    body = (
        "  Wednesday 16 July 2025\n  11:00am - 11:45am Brisbane time\n"
        "  (that's 11:00am in Sydney, and 6:30am in India - sorry it's early!)"
    )
    iv = infer_interview(mail(body, "Mon, 07 Jul 2025 10:00:00 +1000"), Category.INVITATION)
    assert iv is not None and iv.start is not None and iv.end is not None
    assert (iv.start.isoformat(), iv.end.isoformat()) == ("2025-07-16T11:00:00+10:00", "2025-07-16T11:45:00+10:00")


def test_a_declared_zone_governs_times_far_from_it() -> None:
    body = (
        "Here is the agenda for Thursday 17 July 2025:\n  09:30 - 10:30  System design\n"
        "  10:45 - 11:45  Product\n\nPlease bring your ID so reception can issue a visitor pass. The"
        " address is Level 21, Bay Square Tower 3, Business Bay; parking is in the building.\n\n"
        "All times are Dubai time. Let me know if you have any accessibility needs."
    )
    assert start(body) == "2025-07-17T09:30:00+04:00"


def test_declarations_that_disagree_declare_nothing() -> None:
    body = (
        "Here is the agenda for Thursday 17 July 2025:\n  09:30 - 10:30  System design\n\n"
        "Please bring your ID so reception can issue a visitor pass. The address is Level 21, Bay"
        " Square Tower 3, Business Bay; parking is in the building.\n\n"
        "All times are Dubai time; times shown in the portal are Lagos time."
    )
    assert start(body) == "2025-07-17T09:30:00+00:00"


@pytest.mark.parametrize(
    "stamps",
    [
        "[02/07/25, 09:14] Ana (RH): can you do Thursday?\n[02/07/25, 09:20] Me: Thursday works\n",
        "02/07/2025, 09:14 - Ana Costa: can you do Thursday?\n02/07/2025, 09:20 - Me: Thursday works\n",
        "[2/7/25 9:14:03] Ana: podemos na quinta?\n[2/7/25 9:20:41] Eu: quinta sim\n",
    ],
)
def test_chat_transcript_stamps_are_not_the_interview(stamps: str) -> None:
    body = f"Pasting our chat for the record:\n\n{stamps}\nSo: Thursday 10 July at 15:00, at our office."
    assert start(body) == "2025-07-10T15:00:00+00:00"


def test_a_dash_after_a_time_is_not_a_chat_stamp() -> None:
    body = "Moving it to Thursday, July 10 at 1:00 PM CT -- that's 12:00 PM in Mexico City."
    assert start(body, category=Category.RESCHEDULE) == "2025-07-10T13:00:00-05:00"


def test_a_chat_stamp_alone_gives_no_start() -> None:
    iv = infer_interview(mail("[02/07/25, 09:14] Ana (RH): let's talk soon about the interview"), Category.INVITATION)
    assert iv is None or iv.start is None


def _roster_mail(to: str, rows: str) -> Mail:
    raw = (
        f"From: Placements <p@uni.example>\r\nTo: {to}\r\nSubject: Interview schedule\r\n"
        "Date: Mon, 07 Jul 2025 10:00:00 +0530\r\nMessage-ID: <r@uni.example>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Interviews on Thursday 10 July 2025 (IST):\r\n\r\n" + rows.replace("\n", "\r\n")
    )
    return parse(raw.encode())


ROWS = "1  Ravi Menon   09:00 - 09:45\n2  Lena Park   10:00 - 10:45\n3  Omar Haddad   11:00 - 11:45\n"


@pytest.mark.parametrize(
    ("to", "want"),
    [
        ("Lena Park <lena@example.com>, Ravi Menon <ravi@example.com>", "2025-07-10T10:00:00+05:30"),
        ("omar.haddad@example.com, Ravi Menon <ravi@example.com>", "2025-07-10T11:00:00+05:30"),
        ('"Park, Lena" <lena@example.com>, Omar Haddad <omar@example.com>', "2025-07-10T10:00:00+05:30"),
    ],
)
def test_a_roster_gives_the_readers_own_row(to: str, want: str) -> None:
    iv = infer_interview(_roster_mail(to, ROWS), Category.INVITATION)
    assert iv is not None and iv.start is not None and iv.start.isoformat() == want


def test_the_user_addresses_say_which_recipient_reads() -> None:
    m = _roster_mail("Lena Park <lena@example.com>, Ravi Menon <ravi@example.com>", ROWS)
    iv = infer_interview(m, Category.INVITATION, frozenset({"ravi@example.com"}))
    assert iv is not None and iv.start is not None and iv.start.isoformat() == "2025-07-10T09:00:00+05:30"


def test_a_roster_without_the_readers_row_gives_no_start() -> None:
    m = _roster_mail("Kim Novak <kim@example.com>, Ravi Menon <ravi@example.com>, Lena Park <lena@example.com>", ROWS)
    iv = infer_interview(m, Category.INVITATION, frozenset({"kim@example.com"}))
    assert iv is None or iv.start is None


def test_one_named_line_is_not_a_roster() -> None:
    m = _roster_mail("Lena Park <lena@example.com>, Ravi Menon <ravi@example.com>",
                     "Lena Park will interview you at 10:00; Ravi joins at 10:30.\n")
    iv = infer_interview(m, Category.INVITATION)
    assert iv is not None and iv.start is not None and iv.start.isoformat() == "2025-07-10T10:00:00+05:30"


@pytest.mark.parametrize(
    ("body", "date_header", "want"),
    [
        (
            "Hola Ana, te confirmo la entrevista con el equipo para el 9/10 a las 15:00. Gracias y saludos.",
            "Mon, 06 Oct 2025 10:00:00 -0500",
            "2025-10-09T15:00:00-05:00",
        ),
        (
            "Olá Ana, a entrevista com o time fica para 12/01/2026 às 10:00, em formato online. Obrigado!",
            "Mon, 05 Jan 2026 10:00:00 -0300",
            "2026-01-12T10:00:00-03:00",
        ),
        (
            "Bonjour, nous vous confirmons l'entretien pour le 05/03/2026 à 14:00 avec les équipes. Merci.",
            "Mon, 02 Mar 2026 10:00:00 -0500",
            "2026-03-05T14:00:00-05:00",
        ),
    ],
)
def test_day_first_languages_read_day_first_west_of_greenwich(body: str, date_header: str, want: str) -> None:
    assert start(body, date_header) == want


def test_english_west_of_greenwich_stays_month_first() -> None:
    body = "Hi Ana, we will see you on 9/10 at 3:00 PM for the interview with the team. Thanks!"
    assert start(body, "Mon, 01 Sep 2025 10:00:00 -0500") == "2025-09-10T15:00:00-05:00"


def test_a_weekday_beside_the_date_still_settles_the_order() -> None:
    # Spanish text reads 10/9 as 10 Sep (a Wednesday); "jueves" (Thursday) says 9 Oct
    body = "Hola Ana, te confirmo la entrevista con el equipo para el jueves 10/9 a las 15:00. Gracias y saludos."
    assert start(body, "Mon, 01 Sep 2025 10:00:00 -0500") == "2025-10-09T15:00:00-05:00"


@pytest.mark.parametrize(
    ("zone", "want"),
    [("CEST", "+01:00"), ("BST", "+00:00"), ("EEST", "+02:00"), ("British Summer Time", "+00:00"),
     ("Central European Summer Time", "+01:00")],
)
def test_a_summer_abbreviation_in_winter_is_the_regions_clock(zone: str, want: str) -> None:
    body = f"The interview is on Tuesday 13 January 2026 at 10:00 {zone}."
    assert start(body, "Mon, 05 Jan 2026 10:00:00 +0000") == f"2026-01-13T10:00:00{want}"


@pytest.mark.parametrize(
    "body",
    [
        "We are set for Tuesday 13 January 2026 at 3pm GMT, 10am ET, and 7am PT; the panel joins by video.",
        "The call is Tuesday 13 January 2026 at 15:00 GMT, Tuesday 13 January at 10:00 ET, and Wednesday"
        " 14 January at 00:00 JST.",
    ],
)
def test_a_chain_of_conversions_joined_by_and_starts_at_the_first(body: str) -> None:
    assert start(body, "Mon, 05 Jan 2026 10:00:00 +0000") == "2026-01-13T15:00:00+00:00"
