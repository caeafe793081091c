"""Business-day timing of follow-ups: examples first, then properties."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from daemon.errors import UserError
from daemon.followup.policy import (
    add_business_days,
    first_business_moment_after,
    first_business_moment_at_or_after,
    is_business_day,
    plan,
)
from daemon.model import PlannedStage
from daemon.settings import CompanySettings, DaemonSettings, PolicySettings, Settings

NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
LONDON = ZoneInfo("Europe/London")
TOKYO = ZoneInfo("Asia/Tokyo")


def make(tz: str = "America/New_York", companies: tuple[CompanySettings, ...] = (), **policy: object) -> Settings:
    return Settings(
        daemon=DaemonSettings(timezone=tz),
        policy=dataclasses.replace(PolicySettings(), **policy),  # type: ignore[arg-type]
        companies=companies,
    )


def at(tz: ZoneInfo, y: int, mo: int, d: int, h: int = 9, mi: int = 30) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=tz)


# An interview on Tuesday 2026-03-03, 14:00–15:00 New York time, seen right away.
TUE = at(NY, 2026, 3, 3, 14, 0)
TUE_END = at(NY, 2026, 3, 3, 15, 0)
SEEN = at(NY, 2026, 3, 3, 16, 0)


def first(stages: list[PlannedStage]) -> datetime:
    return next(s for s in stages if s.stage == "followup-1").due


# ---------------------------------------------------------------- examples


def test_default_is_two_business_days_at_send_time() -> None:
    stages = plan(TUE, TUE_END, None, None, None, make(), SEEN)
    assert [s.stage for s in stages] == ["followup-1", "followup-2"]
    assert [s.kind for s in stages] == ["followup", "checkin"]
    assert stages[0].due == at(NY, 2026, 3, 5)  # Thursday 09:30
    assert stages[0].business_days == 2
    # five business days after Thursday: Fri, Mon, Tue, Wed, Thu
    assert stages[1].due == at(NY, 2026, 3, 12)
    assert stages[1].business_days == 5


@pytest.mark.parametrize(
    ("round_", "pace", "expected_day", "n", "reason"),
    [
        ("first", "standard", 6, 3, "first round +1"),
        ("final", "standard", 4, 1, "final round −1"),
        (None, "fast", 4, 1, "pace fast −1"),
        (None, "conservative", 6, 3, "pace conservative +1"),
        ("first", "conservative", 9, 4, "pace conservative +1"),
    ],
)
def test_round_and_pace_adjust_the_first_followup(
    round_: str | None, pace: str, expected_day: int, n: int, reason: str
) -> None:
    stages = plan(TUE, TUE_END, round_, None, None, make(pace=pace), SEEN)  # type: ignore[arg-type]
    assert stages[0].due == at(NY, 2026, 3, expected_day)
    assert stages[0].business_days == n
    assert reason in stages[0].reasons


def test_clamped_to_the_minimum_and_said_so() -> None:
    stages = plan(TUE, TUE_END, "final", None, None, make(pace="fast"), SEEN)
    assert stages[0].business_days == 1
    assert stages[0].due == at(NY, 2026, 3, 4)
    assert "clamped to 1" in stages[0].reasons
    assert "final round −1" in stages[0].reasons and "pace fast −1" in stages[0].reasons


def test_clamped_to_the_maximum() -> None:
    acme = CompanySettings(name="Acme", followup_after_business_days=30)
    stages = plan(TUE, TUE_END, None, "Acme", None, make(companies=(acme,)), SEEN)
    assert stages[0].business_days == 10
    assert "clamped to 10" in stages[0].reasons
    assert stages[0].due == at(NY, 2026, 3, 17)  # ten business days after Tuesday


def test_company_override_by_name_and_by_domain() -> None:
    acme = CompanySettings(name="Acme", domains=("acme.com",), pace="conservative", followup_after_business_days=4)
    s = make(companies=(acme,))
    by_name = plan(TUE, TUE_END, None, "ACME", None, s, SEEN)
    by_domain = plan(TUE, TUE_END, None, None, "jobs.acme.com", s, SEEN)
    other = plan(TUE, TUE_END, None, "Initech", "initech.com", s, SEEN)
    assert by_name[0].business_days == by_domain[0].business_days == 5  # 4 + conservative
    assert by_name[0].due == by_domain[0].due == at(NY, 2026, 3, 10)
    assert any("Acme" in r for r in by_name[0].reasons)
    assert other[0].business_days == 2


def test_company_skip_gets_no_stages() -> None:
    s = make(companies=(CompanySettings(name="Acme", skip=True),), thank_you=True)
    assert plan(TUE, TUE_END, None, "Acme", None, s, SEEN) == []
    assert plan(TUE, TUE_END, None, "Other", None, s, SEEN) != []


def test_max_followups_bounds_the_stages() -> None:
    three = plan(TUE, TUE_END, None, None, None, make(max_followups=3), SEEN)
    assert [s.stage for s in three] == ["followup-1", "followup-2", "followup-3"]
    assert [s.kind for s in three] == ["followup", "checkin", "checkin"]
    assert three[2].due == at(NY, 2026, 3, 19)
    assert plan(TUE, TUE_END, None, None, None, make(max_followups=1), SEEN)[-1].stage == "followup-1"
    assert plan(TUE, TUE_END, None, None, None, make(max_followups=0), SEEN) == []


def test_second_followup_spacing_is_configurable() -> None:
    stages = plan(TUE, TUE_END, None, None, None, make(second_followup_after_business_days=3), SEEN)
    assert stages[1].due == at(NY, 2026, 3, 10)  # Thu + Fri, Mon, Tue


def test_thank_you_same_day_when_enabled() -> None:
    stages = plan(TUE, TUE_END, None, None, None, make(thank_you=True, thank_you_after_hours=2.5), SEEN)
    assert stages[0].stage == "thank-you" and stages[0].kind == "thank_you"
    assert stages[0].due == at(NY, 2026, 3, 3, 17, 30)
    assert stages[1].stage == "followup-1"


def test_thank_you_late_evening_stays_on_the_day_and_late_sighting_drops_it() -> None:
    late = plan(at(NY, 2026, 3, 3, 21, 0), None, None, None, None, make(thank_you=True), SEEN)
    assert late[0].stage == "thank-you"
    assert late[0].due.date() == date(2026, 3, 3)
    next_day = plan(TUE, TUE_END, None, None, None, make(thank_you=True), at(NY, 2026, 3, 4, 8, 0))
    assert [s.stage for s in next_day] == ["followup-1", "followup-2"]


def test_default_duration_when_no_end() -> None:
    # 23:30 + 60 minutes ends on Wednesday, so Wednesday is not counted
    stages = plan(at(NY, 2026, 3, 3, 23, 30), None, None, None, None, make(), SEEN)
    assert stages[0].due == at(NY, 2026, 3, 6)
    short = plan(at(NY, 2026, 3, 3, 23, 30), None, None, None, None, make(default_duration_minutes=15), SEEN)
    assert short[0].due == at(NY, 2026, 3, 5)


def test_interview_in_another_zone_counts_in_the_users_zone() -> None:
    # Tuesday 09:00 in Tokyo is Monday 19:00 in New York: two business days is Wednesday
    start = datetime(2026, 3, 3, 9, 0, tzinfo=TOKYO)
    stages = plan(start, start + timedelta(hours=1), None, None, None, make(), at(NY, 2026, 3, 2, 20, 0))
    assert stages[0].due == at(NY, 2026, 3, 4)
    assert stages[0].due.tzinfo == NY
    # the same interview for a user in Tokyo: Tuesday + 2 = Thursday (Japanese holidays none that week)
    tokyo = plan(start, None, None, None, None, make("Asia/Tokyo", country="JP"), start)
    assert tokyo[0].due == datetime(2026, 3, 5, 9, 30, tzinfo=TOKYO)


def test_fri_sat_weekend() -> None:
    s = make(weekend=(4, 5))
    wed = at(NY, 2026, 3, 4, 14, 0)
    stages = plan(wed, None, None, None, None, s, wed)
    assert stages[0].due == at(NY, 2026, 3, 8)  # Thursday, then Sunday (Fri and Sat off)
    assert stages[0].due.weekday() == 6
    assert not is_business_day(date(2026, 3, 6), s) and is_business_day(date(2026, 3, 8), s)


def test_us_thanksgiving_is_skipped() -> None:
    tue = at(NY, 2026, 11, 24, 14, 0)
    stages = plan(tue, None, None, None, None, make(), tue)
    assert stages[0].due == at(NY, 2026, 11, 27)  # Wed, (Thu is Thanksgiving), Fri


def test_uk_bank_holiday_with_country_gb() -> None:
    fri = datetime(2026, 5, 1, 11, 0, tzinfo=LONDON)
    gb = plan(fri, None, None, None, None, make("Europe/London", country="GB"), fri)
    us = plan(fri, None, None, None, None, make("Europe/London", country="US"), fri)
    assert gb[0].due == datetime(2026, 5, 6, 9, 30, tzinfo=LONDON)  # Mon 4 May is a bank holiday
    assert us[0].due == datetime(2026, 5, 5, 9, 30, tzinfo=LONDON)


def test_subdivision_holidays() -> None:
    # Bavaria keeps Epiphany (6 January); Berlin does not
    mon = datetime(2026, 1, 5, 10, 0, tzinfo=BERLIN)
    by = plan(mon, None, None, None, None, make("Europe/Berlin", country="DE", subdivision="BY"), mon)
    be = plan(mon, None, None, None, None, make("Europe/Berlin", country="DE", subdivision="BE"), mon)
    assert by[0].due.date() == date(2026, 1, 8)
    assert be[0].due.date() == date(2026, 1, 7)


def test_unknown_country_and_subdivision_are_user_errors() -> None:
    with pytest.raises(UserError) as exc:
        plan(TUE, TUE_END, None, None, None, make(country="XQ"), SEEN)
    assert exc.value.where == "policy.country" and "XQ" in str(exc.value)
    with pytest.raises(UserError) as exc:
        plan(TUE, TUE_END, None, None, None, make(country="US", subdivision="ZZ"), SEEN)
    assert exc.value.where == "policy.subdivision"
    with pytest.raises(UserError) as exc:
        plan(TUE, TUE_END, None, None, None, make("Mars/Olympus"), SEEN)
    assert exc.value.where == "daemon.timezone"
    with pytest.raises(UserError) as exc:
        plan(TUE, TUE_END, None, None, None, make(weekend=(0, 1, 2, 3, 4, 5, 6)), SEEN)
    assert exc.value.where == "policy.weekend"


def test_lowercase_country_works() -> None:
    assert first(plan(TUE, TUE_END, None, None, None, make(country="us"), SEEN)) == at(NY, 2026, 3, 5)


def test_passed_interview_moves_to_next_business_moment_after_now() -> None:
    # first seen on Saturday 7 March: follow-up-1 (due Thu 5) moves to Monday 09:30
    now = at(NY, 2026, 3, 7, 12, 0)
    stages = plan(TUE, TUE_END, None, None, None, make(), now)
    assert stages[0].due == at(NY, 2026, 3, 9)
    assert any("moved" in r for r in stages[0].reasons)
    assert stages[1].due == at(NY, 2026, 3, 16)  # spacing kept: five business days after Monday


def test_passed_interview_same_day_before_and_after_send_time() -> None:
    before = plan(TUE, TUE_END, None, None, None, make(), at(NY, 2026, 3, 10, 8, 0))
    after = plan(TUE, TUE_END, None, None, None, make(), at(NY, 2026, 3, 10, 9, 31))
    exactly = plan(TUE, TUE_END, None, None, None, make(), at(NY, 2026, 3, 5))
    assert before[0].due == at(NY, 2026, 3, 10)
    # first seen on a business day after the send time: due at once, not tomorrow
    assert after[0].due == at(NY, 2026, 3, 10, 9, 31)
    assert exactly[0].due == at(NY, 2026, 3, 5) and not any("moved" in r for r in exactly[0].reasons)


def test_first_business_moment_after_return_date() -> None:
    s = make()
    assert first_business_moment_after(date(2026, 3, 6), s) == at(NY, 2026, 3, 9)  # Fri -> Mon
    assert first_business_moment_after(date(2026, 11, 25), s) == at(NY, 2026, 11, 27)  # over Thanksgiving
    assert first_business_moment_after(date(2026, 3, 3), s) == at(NY, 2026, 3, 4)


def test_add_business_days() -> None:
    s = make()
    fri_evening = at(NY, 2026, 3, 6, 18, 0)
    assert add_business_days(fri_evening, 1, s) == at(NY, 2026, 3, 9)
    assert add_business_days(fri_evening, 0, s) == at(NY, 2026, 3, 9)
    assert add_business_days(at(NY, 2026, 3, 6, 8, 0), 0, s) == at(NY, 2026, 3, 6)
    assert add_business_days(fri_evening.astimezone(UTC), 3, s) == at(NY, 2026, 3, 11)
    with pytest.raises(ValueError):
        add_business_days(fri_evening, -1, s)
    with pytest.raises(ValueError):
        add_business_days(datetime(2026, 3, 6, 18, 0), 1, s)


def test_dst_spring_and_fall_new_york_and_berlin() -> None:
    # New York springs forward on Sunday 8 March 2026
    fri = at(NY, 2026, 3, 6, 14, 0)
    due = first(plan(fri, None, None, None, None, make(), fri))
    assert due == at(NY, 2026, 3, 10) and due.utcoffset() == timedelta(hours=-4)
    # ...and falls back on Sunday 1 November 2026
    fri = at(NY, 2026, 10, 30, 14, 0)
    due = first(plan(fri, None, None, None, None, make(), fri))
    assert due == at(NY, 2026, 11, 3) and due.utcoffset() == timedelta(hours=-5)
    # Berlin: 29 March and 25 October 2026
    s = make("Europe/Berlin", country="DE")
    fri = datetime(2026, 3, 27, 14, 0, tzinfo=BERLIN)
    due = first(plan(fri, None, None, None, None, s, fri))
    assert (due.date(), due.time(), due.utcoffset()) == (date(2026, 3, 31), time(9, 30), timedelta(hours=2))
    fri = datetime(2026, 10, 23, 14, 0, tzinfo=BERLIN)
    due = first(plan(fri, None, None, None, None, s, fri))
    assert (due.date(), due.time(), due.utcoffset()) == (date(2026, 10, 27), time(9, 30), timedelta(hours=1))


def test_send_time_in_the_spring_forward_gap() -> None:
    # with Sunday a business day, 02:30 on 8 March 2026 does not exist in New York
    s = make(weekend=(4, 5), send_time=time(2, 30))
    due = add_business_days(at(NY, 2026, 3, 7, 12, 0), 1, s)
    assert due.date() == date(2026, 3, 8)
    assert due.astimezone(UTC) == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert (due.hour, due.minute, due.utcoffset()) == (3, 30, timedelta(hours=-4))  # a real wall time


# ---------------------------------------------------------------- properties

USER_ZONES = ["America/New_York", "Europe/Berlin", "Europe/London", "Asia/Kolkata", "Australia/Sydney"]
INTERVIEW_ZONES = [*USER_ZONES, "Asia/Tokyo", "America/Los_Angeles", "UTC", "Pacific/Auckland"]
COUNTRIES = {"America/New_York": "US", "Europe/Berlin": "DE", "Europe/London": "GB", "Asia/Kolkata": "IN"}


def _business_days_between(a: date, b: date, s: Settings) -> int:
    """Business days in (a, b], counted one by one straight from the holidays package."""
    cal = holidays.country_holidays(s.policy.country, subdiv=s.policy.subdivision)
    n, d = 0, a
    while d < b:
        d += timedelta(days=1)
        if d.weekday() not in s.policy.weekend and d not in cal:
            n += 1
    return n


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[datetime, datetime, Settings, datetime]:
    user_tz = draw(st.sampled_from(USER_ZONES))
    country = COUNTRIES.get(user_tz, draw(st.sampled_from(["US", "GB", "AU"])))
    s = make(
        user_tz,
        country=country,
        weekend=draw(st.sampled_from([(5, 6), (4, 5), (6,)])),
        send_time=time(draw(st.integers(6, 19)), draw(st.sampled_from([0, 15, 30, 45]))),
        followup_after_business_days=draw(st.integers(0, 12)),
        second_followup_after_business_days=draw(st.integers(1, 8)),
        max_followups=draw(st.integers(0, 4)),
        pace=draw(st.sampled_from(["fast", "standard", "conservative"])),
        thank_you=draw(st.booleans()),
        # the catch-up cutoff has its own tests; here every late plan still happens
        catch_up_days=365,
    )
    start = draw(
        st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC))
    ).astimezone(ZoneInfo(draw(st.sampled_from(INTERVIEW_ZONES))))
    end = start + timedelta(minutes=draw(st.integers(15, 300)))
    now = end + timedelta(minutes=draw(st.integers(-3 * 24 * 60, 40 * 24 * 60)))
    return start, end, s, now


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.sampled_from([None, "first", "final"]))
def test_property_due_times_are_business_moments_after_interview_and_now(
    scenario: tuple[datetime, datetime, Settings, datetime], round_: str | None
) -> None:
    start, end, s, now = scenario
    zone = ZoneInfo(s.daemon.timezone)
    cal = holidays.country_holidays(s.policy.country)
    stages = plan(start, end, round_, None, None, s, now)  # type: ignore[arg-type]
    followups = [x for x in stages if x.kind != "thank_you"]
    assert len(followups) == s.policy.max_followups
    assert [x.stage for x in followups] == [f"followup-{i}" for i in range(1, len(followups) + 1)]
    previous = None
    for x in followups:
        local = x.due.astimezone(zone)
        assert x.due.tzinfo == zone
        assert local.weekday() not in s.policy.weekend
        assert local.date() not in cal
        if any("moved to now" in r for r in x.reasons):
            # first seen late on a business day after the send time: due at once
            assert x.due == now and is_business_day(local.date(), s)
        else:
            assert local.time() == s.policy.send_time
        assert x.due > end and x.due >= now
        assert 1 <= x.business_days <= 10
        if previous is not None:
            assert x.due > previous
            # later stages keep their spacing after the previous one
            assert _business_days_between(previous.astimezone(zone).date(), local.date(), s) == x.business_days
        previous = x.due
    if followups and not any("moved" in r for r in followups[0].reasons):
        n = _business_days_between(end.astimezone(zone).date(), followups[0].due.astimezone(zone).date(), s)
        assert n == followups[0].business_days
    for x in stages:
        if x.kind == "thank_you":
            assert x.due >= end and x.due >= now
            assert x.due.astimezone(zone).date() == end.astimezone(zone).date()


@hsettings(max_examples=200, deadline=None)
@given(scenarios(), st.integers(0, 15), st.integers(0, 15))
def test_property_monotonic_in_n(scenario: tuple[datetime, datetime, Settings, datetime], a: int, b: int) -> None:
    _start, end, s, _now = scenario
    lo, hi = sorted((a, b))
    assert add_business_days(end, lo, s) <= add_business_days(end, hi, s)
    if 1 <= lo < hi:
        # strictly, from one day on (0 is "at or after", which on a weekend is the same moment as 1)
        assert add_business_days(end, lo, s) < add_business_days(end, hi, s)
    # and through plan: a larger base never gives an earlier first follow-up
    s_lo = make(s.daemon.timezone, country=s.policy.country, followup_after_business_days=lo)
    s_hi = make(s.daemon.timezone, country=s.policy.country, followup_after_business_days=hi)
    assert first(plan(end, None, None, None, None, s_lo, end)) <= first(plan(end, None, None, None, None, s_hi, end))


# dates of DST changes (local calendar dates) in the two zones the brief names
DST_CHANGES = {
    "America/New_York": [date(2025, 3, 9), date(2025, 11, 2), date(2026, 3, 8), date(2026, 11, 1)],
    "Europe/Berlin": [date(2025, 3, 30), date(2025, 10, 26), date(2026, 3, 29), date(2026, 10, 25)],
}


@hsettings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(DST_CHANGES)),
    st.data(),
    st.integers(-6 * 24, 6 * 24),
    st.integers(0, 4),
)
def test_property_dst_changes(tz: str, data: st.DataObject, hours: int, n: int) -> None:
    change = data.draw(st.sampled_from(DST_CHANGES[tz]))
    zone = ZoneInfo(tz)
    s = make(tz, country="US" if tz.startswith("America") else "DE", weekend=(6,))
    # hour by hour in UTC around the change, so moments inside the repeated hour occur too
    moment = (datetime.combine(change, time(12), tzinfo=zone).astimezone(UTC) + timedelta(hours=hours)).astimezone(zone)
    due = add_business_days(moment, n, s)
    local = due.astimezone(zone)
    assert local.time() == s.policy.send_time
    assert local.utcoffset() == zone.utcoffset(local.replace(tzinfo=None))
    assert due >= moment
    if n:
        assert _business_days_between(moment.astimezone(zone).date(), local.date(), s) == n
    again = first_business_moment_at_or_after(moment, s)
    assert again >= moment and is_business_day(again.date(), s)
    assert again - moment < timedelta(days=3)


def test_a_follow_up_long_overdue_when_first_seen_is_not_planned() -> None:
    s = make()
    start = at(NY, 2026, 3, 4, 14, 0)
    end = start + timedelta(hours=1)
    natural = plan(start, end, None, None, None, s, start)[0].due  # Fri 6 March 09:30
    # found 10 days late: still followed up, from now on
    late = plan(start, end, None, None, None, s, natural + timedelta(days=10))
    assert [p.stage for p in late] == ["followup-1", "followup-2"]
    assert late[0].due >= natural + timedelta(days=10)
    # found 15 days late (past catch_up_days = 14): nothing at all
    assert plan(start, end, None, None, None, s, natural + timedelta(days=15)) == []
    # the cutoff is configurable
    longer = make(catch_up_days=30)
    assert [p.stage for p in plan(start, end, None, None, None, longer, natural + timedelta(days=15))] == [
        "followup-1",
        "followup-2",
    ]


# ---------------------------------------------------------------- the holiday table


@pytest.fixture
def fresh_holiday_table() -> Iterator[None]:
    """Policy's module-level table emptied for the test and restored after it."""
    import daemon.followup.policy as policy

    saved, places = dict(policy._holidays), set(policy._places)
    policy._holidays.clear()
    policy._places.clear()
    yield
    policy._holidays.clear()
    policy._holidays.update(saved)
    policy._places.clear()
    policy._places.update(places)


@pytest.mark.parametrize("country,subdivision", [("US", None), ("US", "CA"), ("GB", None), ("DE", "BY"), ("JP", None)])
def test_the_year_table_says_what_the_holidays_calendar_says(
    fresh_holiday_table: None, country: str, subdivision: str | None
) -> None:
    # the table is built a year at a time; the library's own calendar, asked day by day,
    # fills years lazily: every day of 2020-2031 must come out the same
    cal = holidays.country_holidays(country, subdiv=subdivision)
    settings = make(country=country, subdivision=subdivision, weekend=())
    day = date(2020, 1, 1)
    while day.year < 2032:
        assert is_business_day(day, settings) == (day not in cal), day
        day += timedelta(days=1)


_ONE_COUNTRY = """
import json, sys
from daemon.followup.policy import _holiday_dates
places = json.loads(sys.argv[1])
out = {f"{c}/{s}": sorted(str(d) for y in range(2024, 2030) for d in _holiday_dates(c, s, y)) for c, s in places}
out["package loaded"] = "holidays.countries" in sys.modules
print(json.dumps(out))
"""


def test_one_countrys_module_is_loaded_and_says_what_the_package_says() -> None:
    # the package's own way imports every country's module (about 80 ms); policy loads the
    # one it needs, in a fresh interpreter, and must get the very same dates
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    places = [["US", None], ["US", "CA"], ["GB", "SCT"], ["DE", "BY"], ["JP", None], ["FR", None], ["IN", None]]
    repo = Path(__file__).resolve().parents[1]
    got = json.loads(
        subprocess.run(
            [sys.executable, "-c", _ONE_COUNTRY, json.dumps(places)],
            capture_output=True,
            text=True,
            check=True,
            env=dict(os.environ, PYTHONPATH=str(repo)),
        ).stdout
    )
    assert got.pop("package loaded") is False
    for country, subdivision in places:
        cal = holidays.country_holidays(country, subdiv=subdivision, years=range(2023, 2031))
        want = sorted(str(d) for d in cal if 2024 <= d.year < 2030)
        assert got[f"{country}/{subdivision}"] == want, (country, subdivision)
