"""The date/time engine: formats, zones, DST, relative phrases, year choice."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_data import SHARED, need

from daemon.understand.timeparse import resolve, scan

PST = timezone(timedelta(hours=-8))
EDT = timezone(timedelta(hours=-4))
REF = datetime(2025, 11, 17, 21, 48, tzinfo=PST)  # a Monday evening in Seattle


def first(text: str, ref: datetime = REF) -> tuple[str, str | None]:
    found = resolve(text, ref)
    assert found, f"nothing found in {text!r}"
    m = found[0]
    return m.start.isoformat(), m.end.isoformat() if m.end else None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # weekday + long date + range + zone
        ("Tuesday, October 14, 2025, 2:00 PM - 2:30 PM EDT", "2025-10-14T14:00:00-04:00", "2025-10-14T14:30:00-04:00"),
        (
            "Thu Nov 20, 2025 ⋅ 1pm – 2pm\nPacific Time - Los Angeles",
            "2025-11-20T13:00:00-08:00",
            "2025-11-20T14:00:00-08:00",
        ),
        # numeric month/day without year, compact range
        ("Wed 12/3, 1:00-1:45pm ET", "2025-12-03T13:00:00-05:00", "2025-12-03T13:45:00-05:00"),
        ("04/14 at 10:30 AM PT", "2026-04-14T10:30:00-07:00", None),
        # day-month-year, with and without weekday
        ("Thursday, 12 March 2026, 16:00–17:00 CET", "2026-03-12T16:00:00+01:00", "2026-03-12T17:00:00+01:00"),
        ("Date: 18-Sep-2026 (Friday)\nTime: 7:30 PM IST", "2026-09-18T19:30:00+05:30", None),
        # German
        ("Donnerstag, 12. März 2026, 16:00–17:00 Uhr", "2026-03-12T16:00:00-08:00", "2026-03-12T17:00:00-08:00"),
        # ordinal
        ("March 3rd at 9am", "2026-03-03T09:00:00-08:00", None),
        # noon / midnight and 24-hour clocks
        ("Dec 1 at noon", "2025-12-01T12:00:00-08:00", None),
        ("Dec 1 14:00–14:45", "2025-12-01T14:00:00-08:00", "2025-12-01T14:45:00-08:00"),
        # ranges whose meridiem comes from the end
        ("Friday 2-3pm", "2025-11-21T14:00:00-08:00", "2025-11-21T15:00:00-08:00"),
        ("Friday from 10 to 11:30am", "2025-11-21T10:00:00-08:00", "2025-11-21T11:30:00-08:00"),
        ("Friday 11-1pm", "2025-11-21T11:00:00-08:00", "2025-11-21T13:00:00-08:00"),
    ],
)
def test_formats(text: str, start: str, end: str | None) -> None:
    assert first(text) == (start, end)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Monday at 10:00 (UTC-05:00) Eastern Time (US & Canada)", "2025-11-24T10:00:00-05:00"),
        ("Monday 09:00am (Pacific Time - US & Canada)", "2025-11-24T09:00:00-08:00"),
        ("Monday 07:30 PM Mumbai, Kolkata, New Delhi", "2025-11-24T19:30:00+05:30"),
        ("Monday 10:00 AM (America/Denver)", "2025-11-24T10:00:00-07:00"),
        ("Monday 3:00 PM (UTC-5)", "2025-11-24T15:00:00-05:00"),
        ("Monday 3pm GMT-8", "2025-11-24T15:00:00-08:00"),
        ("Monday 3pm UTC+1", "2025-11-24T15:00:00+01:00"),
        ("Monday 3pm BST", "2025-11-24T15:00:00+00:00"),  # London wall time: GMT in November
        ("Monday 3pm CT", "2025-11-24T15:00:00-06:00"),
        ("Monday 3pm MT", "2025-11-24T15:00:00-07:00"),
    ],
)
def test_zones(text: str, start: str) -> None:
    assert first(text)[0] == start


def test_zone_field_is_the_iana_key_or_the_written_offset() -> None:
    assert resolve("Monday 3pm ET", REF)[0].zone == "America/New_York"
    assert resolve("Monday 3pm UTC-5", REF)[0].zone == "UTC-5"
    assert resolve("Monday 3pm", REF)[0].zone is None


def test_est_in_summer_is_new_york_wall_time() -> None:
    ref = datetime(2026, 5, 15, 13, 2, tzinfo=EDT)
    m = resolve("Thursday, May 21, 2026 at 11:00 AM EST", ref)[0]
    assert m.start.utcoffset() == timedelta(hours=-4)
    assert m.start.hour == 11


def test_et_follows_dst_on_each_side_of_the_change() -> None:
    ref = datetime(2026, 2, 20, tzinfo=EDT)
    before = resolve("March 6, 2026 at 10am ET", ref)[0].start
    after = resolve("March 9, 2026 at 10am ET", ref)[0].start
    assert before.utcoffset() == timedelta(hours=-5)
    assert after.utcoffset() == timedelta(hours=-4)


def test_wall_time_inside_the_spring_gap_moves_forward() -> None:
    m = resolve("March 8, 2026 at 2:30 AM ET", datetime(2026, 3, 1, tzinfo=EDT))[0]
    assert m.start == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert m.start.astimezone(ZoneInfo("America/New_York")).hour == 3


def test_no_zone_takes_the_reference_offset() -> None:
    m = resolve("tomorrow at 10am", REF)[0]
    assert m.start.utcoffset() == timedelta(hours=-8)


def test_tomorrow_is_counted_in_the_date_headers_own_offset() -> None:
    # 21:48 -08:00 is already Tuesday in UTC; "tomorrow" is still Tuesday, not Wednesday
    assert first("I'll call you tomorrow at 10am") == ("2025-11-18T10:00:00-08:00", None)
    assert first("today at 4pm")[0] == "2025-11-17T16:00:00-08:00"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("this Friday", "2025-11-21"),
        ("next Tuesday", "2025-11-18"),  # the first Tuesday after today
        ("Monday", "2025-11-24"),  # a bare weekday is never today
        ("this Monday", "2025-11-17"),
        ("Tuesday of next week", "2025-11-25"),
        ("the day after tomorrow", "2025-11-19"),
        ("in 3 days", "2025-11-20"),
    ],
)
def test_relative_days(text: str, day: str) -> None:
    assert first(text)[0][:10] == day


def test_date_without_year_takes_the_nearest_following_year() -> None:
    ref = datetime(2025, 12, 20, 9, tzinfo=PST)
    assert first("Jan 5 at 2pm", ref)[0].startswith("2026-01-05")
    assert first("Dec 22 at 2pm", ref)[0].startswith("2025-12-22")
    assert first("12/20 at 11am", ref)[0].startswith("2025-12-20")  # today counts


def test_weekday_settles_day_month_order() -> None:
    ref = datetime(2025, 11, 25, 15, tzinfo=timezone(timedelta(hours=-5)))
    assert first("Wed 12/3 at 1pm", ref)[0].startswith("2025-12-03")
    # in a day-first locale the same digits with Thursday mean 12 March
    ref_uk = datetime(2025, 11, 25, 15, tzinfo=UTC)
    assert first("Thu 12/3 at 1pm", ref_uk)[0].startswith("2026-03-12")


def test_day_over_twelve_reads_day_first() -> None:
    assert first("14/10/2025")[0].startswith("2025-10-14")


def test_spans_point_into_the_text() -> None:
    text = "Hi! Let's talk on Tuesday, October 14, 2025 at 2:00 PM EDT, ok?"
    m = resolve(text, REF)[0]
    assert text[m.span[0] : m.span[1]] == "Tuesday, October 14, 2025 at 2:00 PM EDT"
    assert m.has_time and m.grain == "hour"


def test_numbers_that_are_not_times_are_ignored() -> None:
    text = "Meeting ID: 918 2736 4510, call +1 929-555-0147, 311 W. Lake Street, 14th floor, Hartford, CT"
    assert resolve(text, REF) == []


def test_urls_are_not_dates() -> None:
    assert resolve("https://example.com/archive/2025/10/14/3pm", REF) == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_resolve_never_raises_on_arbitrary_text(text: str) -> None:
    for m in resolve(text, REF):
        assert m.start.tzinfo is not None
        assert 0 <= m.span[0] < m.span[1] <= len(text)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["10", "/", ":", "-", " ", "am", "Tue", "3rd", "at", "PT", "("]), max_size=2000))
def test_resolve_is_fast_on_adversarial_text(parts: list[str]) -> None:
    text = "".join(parts)
    t0 = time.perf_counter()
    resolve(text, REF)
    assert time.perf_counter() - t0 < 0.5


# ---------------------------------------------------------------- periods, ranges, nth days

DUCK = datetime(2013, 2, 12, 4, 30, tzinfo=timezone(timedelta(hours=-2)))  # a Tuesday


def span(text: str, ref: datetime = DUCK) -> tuple[str, str | None]:
    start, end = first(text, ref)
    return start[:10], end[:10] if end else None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("from 13 to 15 July", "2013-07-13", "2013-07-16"),
        ("from the 13th to the 15th of July", "2013-07-13", "2013-07-16"),
        ("July 13-15", "2013-07-13", "2013-07-16"),
        ("between 3 and 12 of Sept", "2013-09-03", "2013-09-13"),
        ("i am off from ninth till seventeenth of april", "2013-04-09", "2013-04-18"),
        ("Nov 18-Dec 19, 2015", "2015-11-18", "2015-12-20"),
        # a range resolves as a unit: its end is not past, its start is on or before its end
        ("from 2/1 to 2/20", "2013-02-01", "2013-02-21"),
        ("from March to May", "2013-03-01", "2013-06-01"),
        ("Nov-Feb 2014", "2013-11-01", "2014-03-01"),
        ("The range is 2014-2018.", "2014-01-01", "2019-01-01"),
        ("between 2007 and 2009", "2007-01-01", "2010-01-01"),
    ],
)
def test_date_ranges(text: str, start: str, end: str) -> None:
    assert span(text) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("end of next week", "2013-02-22", "2013-02-25"),
        ("at the beginning of this week", "2013-02-11", "2013-02-14"),
        ("end of the month", "2013-02-21", "2013-03-01"),
        ("EOM", "2013-02-21", "2013-03-01"),
        ("beginning of January", "2014-01-01", "2014-01-11"),  # January 2013 is over
        ("mid March", "2013-03-11", "2013-03-21"),
        ("late March", "2013-03-21", "2013-04-01"),
        ("Q3 2019", "2019-07-01", "2019-10-01"),
        ("2019-H2", "2019-07-01", "2020-01-01"),
        ("last quarter", "2012-10-01", "2013-01-01"),
        ("next 3 days", "2013-02-13", "2013-02-16"),
        ("the last 2 days", "2013-02-10", "2013-02-12"),
        ("the 10 previous weeks", "2012-12-04", "2013-02-12"),
        ("previous 4 business days", "2013-02-06", "2013-02-12"),
    ],
)
def test_periods(text: str, start: str, end: str) -> None:
    assert span(text) == (start, end)


def test_next_hours_start_at_the_next_full_hour() -> None:
    assert first("next 3 hours", DUCK) == ("2013-02-12T05:00:00-02:00", "2013-02-12T08:00:00-02:00")
    assert first("last 2 minutes", DUCK)[0] == "2013-02-12T04:28:00-02:00"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("first tuesday of october", "2013-10-01"),
        ("last Monday of March", "2013-03-25"),
        ("third tuesday of september 2014", "2014-09-16"),
        ("the first Monday of this month", "2013-02-04"),
        ("first monday of last month", "2013-01-07"),
        ("last day of october 2015", "2015-10-31"),
        ("20th of next month", "2013-03-20"),
        ("the 15th day of next month", "2013-03-15"),
        ("3 fridays from now", "2013-03-01"),
        ("2 thursdays ago", "2013-01-31"),
    ],
)
def test_nth_days(text: str, day: str) -> None:
    assert first(text, DUCK)[0][:10] == day


def test_a_period_is_never_the_day_of_a_later_clock_time() -> None:
    # "Q3" is not the day a bare "3pm" further on happens
    found, _ = scan("Our Q3 2025 roadmap is ready. Call at 3pm")
    assert [p.has_date for p in found] == [False, False]


@pytest.mark.parametrize(
    "text",
    [
        "I have 3 years of experience and 2000 followers",
        "You may first want to read the brief",
        "We grew 30% in March",  # a month alone is not a day
        "Founded in 1998, we now have 40 offices",
        "Page 12 to 15 of the report",
        "one of the first steps",
    ],
)
def test_prose_with_numbers_and_months_is_not_a_date(text: str) -> None:
    assert resolve(text, DUCK) == []


# ---------------------------------------------------------------- clock times in words, weekdays, offsets


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("a quarter past 3pm", "2013-02-12T15:15"),
        ("half past noon", "2013-02-12T12:30"),
        ("a quarter to noon", "2013-02-12T11:45"),
        ("twenty to three", "2013-02-12T14:40"),  # our afternoon guess for a bare 1-6
        ("ten thirty am", "2013-02-12T10:30"),
        ("seven thirty p.m.", "2013-02-12T19:30"),
        ("four twenty-three a m", "2013-02-13T04:23"),
        ("at three twenty", "2013-02-12T15:20"),
        ("330 p.m.", "2013-02-12T15:30"),
        ("around 1030", "2013-02-12T10:30"),
        ("at 12 15", "2013-02-12T12:15"),
        ("3 oclock am", "2013-02-13T03:00"),
        ("3 in the morning", "2013-02-13T03:00"),
        ("9 tomorrow", "2013-02-13T09:00"),
        ("in the evening at eight", "2013-02-12T20:00"),
        ("tomorrow at lunch", "2013-02-13T12:00"),
        ("on Saturday for 9am", "2013-02-16T09:00"),
        ("in 1h", "2013-02-12T05:30"),
    ],
)
def test_clock_times_in_words(text: str, start: str) -> None:
    assert first(text, DUCK)[0][:16] == start


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("friday after next", "2013-02-22"),  # the second Friday from now
        ("last week's sunday", "2013-02-10"),
        ("tuesday of last week", "2013-02-05"),
        ("Monday 21", "2013-10-21"),  # the next Monday that falls on a 21st
        ("wednesday the thirty first", "2013-07-31"),
        ("3 days after January 12th", "2014-01-15"),
        ("a week from today", "2013-02-19"),
        ("three weeks from tomorrow", "2013-03-06"),
        ("two days before yesterday", "2013-02-09"),
        ("last night", "2013-02-11"),
        ("march third 2015", "2015-03-03"),
        ("the twenty third day of September", "2013-09-23"),
    ],
)
def test_weekday_forms_and_offsets(text: str, day: str) -> None:
    assert first(text, DUCK)[0][:10] == day


def test_monday_10_stays_a_weekday_not_the_tenth() -> None:
    assert first("Monday 10 works for me", DUCK)[0][:10] == "2013-02-18"


def test_a_weekday_beside_a_numeric_date_keeps_both() -> None:
    assert first("Tuesday, 12 March at 3pm", DUCK)[0][:16] == "2013-03-12T15:00"


@pytest.mark.parametrize(
    "text",
    [
        "at one point we had two offices",
        "I met at two companies",
        "We have ten thirty-minute slots",
        "it takes 2 to 3 weeks",
        "we grew 15 to 20 percent",
        "we are at 100 employees",
        "Room 1030 on floor 3",
        "Serving 1200 customers in 30 countries",
        "lunch is provided",
        "The 3 of us met 2 years before",
    ],
)
def test_prose_numbers_are_not_clock_times(text: str) -> None:
    assert resolve(text, DUCK) == []


def test_minutes_before_a_time_are_not_a_new_time() -> None:
    # arrival instructions must not move the interview
    found = resolve("Interview at 2pm tomorrow; please arrive 15 minutes before 2pm", DUCK)
    assert {m.start.strftime("%H:%M") for m in found} == {"14:00"}


def _scanners() -> list[object]:
    import daemon.understand.timeparse as tp

    return [v for v in vars(tp).values() if isinstance(v, tp._Scanner)]


def _reset(scanner: object) -> None:
    scanner._ready, scanner._seen, scanner.twin, scanner._parts, scanner._twins = False, 0, None, None, {}  # type: ignore[attr-defined]


def test_scanners_find_the_same_before_and_after_they_build_their_twins(monkeypatch: pytest.MonkeyPatch) -> None:
    # a run matches the patterns as written until it has scanned enough text to pay for
    # compiling the lower-cased twins; both ways must find exactly the same mentions
    import json

    import daemon.understand.timeparse as tp

    corpus = need(SHARED / "datecorpus" / "scheduling.jsonl")
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [t.upper() for t in texts[:200]] + [t.title() for t in texts[200:400]]
    ref = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def found(warm_up: int) -> list[object]:
        monkeypatch.setattr(tp, "WARM_UP_CHARS", warm_up)
        for s in _scanners():
            _reset(s)
        return [(scan(t), resolve(t, ref)) for t in texts]

    plain = found(10**12)
    assert all(not s._ready for s in _scanners())  # type: ignore[attr-defined]
    twinned = found(0)
    assert all(s._ready for s in _scanners()) and any(s.twin is not None for s in _scanners())  # type: ignore[attr-defined]
    assert plain == twinned
    assert sum(len(mentions) for (mentions, _), _ in plain) > 500  # the corpus does hold mentions


def test_compiling_with_needles_is_compiling_and_reading_needles() -> None:
    # one parse for both: the pattern it gives behaves as re.compile's, the needles are those
    # read off re.compile's pattern, for every rule classify has and for odd flags and groups
    import re

    import daemon.understand.classify as classify
    import daemon.understand.timeparse as tp

    def found_in(value: object) -> list[str]:
        if isinstance(value, classify._Rx):
            return [value.pattern]
        if isinstance(value, tuple | list):
            return [p for v in value for p in found_in(v)]
        return []

    rules = [p for v in vars(classify).values() for p in found_in(v)]
    cases = [(p, re.IGNORECASE | re.MULTILINE) for p in rules] + [
        (r"(?P<h>\d{1,2})(?::(?P<m>\d\d))?\s*(?P<ap>am|pm)", re.IGNORECASE),
        (r"(?x) interview \s+ (?P<when>on|at) # verbose, with a comment", 0),
        (r"(?-i:EST)|eastern", re.IGNORECASE),
    ]
    assert len(rules) > 100
    samples = [
        "",
        "Interview at 10:30 am, Eastern (EST)",
        "Entrevista el martes 3 de marzo a las 10h",
        "ON at interview  on",
    ]
    for pattern, flags in cases:
        rx, found = tp.compile_with_needles(pattern, flags)
        ref = re.compile(pattern, flags)
        assert (rx.pattern, rx.flags, rx.groups, rx.groupindex) == (ref.pattern, ref.flags, ref.groups, ref.groupindex)
        assert found == tp.needles(ref), pattern
        for text in samples:
            got, want = rx.search(text), ref.search(text)
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), pattern
    with pytest.raises(re.error):
        tp.compile_with_needles("(unclosed", 0)


def test_compiling_with_needles_hands_the_parser_plain_int_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    # classify passes re.IGNORECASE | re.MULTILINE, a RegexFlag: the parser and the code
    # generator test flags at every node, and an enum there costs a Python call per test
    # (most of a first scan's compile time); re.compile turns it into an int first, so must this
    import re

    import daemon.understand.timeparse as tp

    seen: list[type] = []
    real_parse = tp._sre.parse

    def parse(pattern: str, flags: int = 0, state: object = None) -> object:
        seen.append(type(flags))
        return real_parse(pattern, flags, state)

    monkeypatch.setattr(tp._sre, "parse", parse)
    # nothing kept from an earlier run either (daemon.understand.patterns)
    from daemon.understand import patterns

    monkeypatch.setattr(patterns, "_kept", {})
    # a pattern no other test compiles: a process compiles each pattern once (patterns._made)
    pattern = r"\binterview(?:ed|s)?\b|\bcall\b|\bplain-int-flags\b"
    rx, found = tp.compile_with_needles(pattern, re.IGNORECASE | re.MULTILINE)
    assert seen == [int]
    assert rx.flags == re.compile("x", re.IGNORECASE | re.MULTILINE).flags
    assert rx.search("An INTERVIEWED man") is not None and found == frozenset({"interview", "call", "plain-int-flags"})


# ---------------------------------------------------------------- European writing (issue 14)
CEST = timezone(timedelta(hours=2))
EU_REF = datetime(2026, 3, 2, 9, 15, tzinfo=timezone(timedelta(hours=1)))  # a Monday in Cologne


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # dots separate a date day first, whatever the Date header's offset says
        ("we meet on 4.5.2026 at 11.15 Lisbon time", "2026-05-04T11:15:00+01:00"),
        ("Termin: Donnerstag 19.03. um 8.45 Uhr", "2026-03-19T08:45:00+01:00"),
        ("Datum: 09.04.2026", "2026-04-09T00:00:00+01:00"),
        # a dotted clock is a clock when "at"/"um"/a label stands before it or a zone after it
        ("could you do Wednesday at 16.00?", "2026-03-04T16:00:00+01:00"),
        ("Wednesday 4 March, 16.15 CET", "2026-03-04T16:15:00+01:00"),
        # French weekdays and months, "à", "heure de <ville>"
        ("jeudi 12 mars à 10h15 (heure de Bruxelles)", "2026-03-12T10:15:00+01:00"),
        ("le vendredi 3 avril 2026 à 9h", "2026-04-03T09:00:00+01:00"),  # no zone: the Date offset
        # a country's clock, and a four-digit 24-hour clock with "hrs"
        ("Tuesday 31 March at 4pm UK time", "2026-03-31T16:00:00+01:00"),
        ("Slot: Friday 6th March at 0930 hrs", "2026-03-06T09:30:00+01:00"),
        ("Time : 1645 hrs, Monday 9 March", "2026-03-09T16:45:00+01:00"),
    ],
)
def test_european_writing(text: str, start: str) -> None:
    assert first(text, EU_REF)[0] == start


@pytest.mark.parametrize(
    "text",
    [
        "the licence costs 12.50 per seat",
        "please upgrade to release 10.30 first",
        "we paid €14.30 for parking",
        "I have logged 1500 hours of flight time",
        "the office is 10 Central Park West",
    ],
)
def test_numbers_that_are_not_clocks(text: str) -> None:
    assert [m for m in resolve(text, EU_REF) if m.has_time] == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # US region words straight after a clock name its clock, with DST from tzdata
        ("Tuesday 7/14 at 3pm Mountain", "2026-07-14T15:00:00-06:00"),
        ("Monday 11/2, 9 Eastern to 1 Eastern", "2026-11-02T09:00:00-05:00"),
        ("Wed 8/19 at noon Pacific", "2026-08-19T12:00:00-07:00"),
        ("Thursday 10/8 at 11:00 AM Central (noon for me)", "2026-10-08T11:00:00-05:00"),
    ],
)
def test_us_region_words_after_a_clock(text: str, start: str) -> None:
    assert first(text, datetime(2026, 7, 1, 12, tzinfo=EDT))[0] == start


def test_a_bare_region_word_in_prose_is_no_zone() -> None:
    at_address = resolve("meet me Friday 3 April at 10 Central Park West", EU_REF)
    assert at_address[0].zone is None
    # "central" away from a clock names no clock: the time keeps the reference offset
    found = resolve("our central team meets on Friday 3 April at 10:00", EU_REF)
    assert found[0].start.isoformat() == "2026-04-03T10:00:00+01:00"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # the day of a date, then a dash and a clock: a date and a time, not "4 to 3 pm"
        ("Thursday, June 4 - 12:00 pm CT", "2026-06-04T12:00:00-05:00", None),
        ("June 4 – 3:00 pm", "2026-06-04T15:00:00-08:00", None),
        ("Jun 4 - 3 pm", "2026-06-04T15:00:00-08:00", None),
        # a real range keeps both ends; a day range stays a day range
        ("June 4, 2 - 3:30 pm ET", "2026-06-04T14:00:00-04:00", "2026-06-04T15:30:00-04:00"),
        ("from 4 - 5 pm", "2026-05-28T16:00:00-08:00", "2026-05-28T17:00:00-08:00"),
    ],
)
def test_a_dash_after_a_dates_day_leads_to_its_time(text: str, start: str, end: str | None) -> None:
    [m] = resolve(text, datetime(2026, 5, 28, 9, 0, tzinfo=PST))
    assert m.start == datetime.fromisoformat(start)
    assert (m.end == datetime.fromisoformat(end)) if end else m.end is None


def test_a_dash_between_days_is_still_a_day_range() -> None:
    [m] = resolve("Jun 4 - 5", datetime(2026, 5, 28, 9, 0, tzinfo=PST))
    assert m.start.date().isoformat() == "2026-06-04" and not m.has_time
