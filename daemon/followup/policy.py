"""When follow-ups fall due: business days, public holidays, round and pace.

Pure: every function takes ``now`` (where it matters) and the settings, and reads
neither the clock nor the disk. Business days are counted on the calendar of the
user's zone (``[daemon].timezone``), because that is where the user sends mail from
and where the send time is meant.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from daemon.errors import UserError
from daemon.model import PlannedStage, Round
from daemon.settings import CompanySettings, Pace, Settings

if TYPE_CHECKING:
    import holidays

#: a calendar with no business day in this many days is a configuration mistake
#: (every weekday a weekend, say), not a reason to loop forever
_MAX_SCAN_DAYS = 400


def user_zone(settings: Settings) -> ZoneInfo:
    """The user's zone; a bad key is a UserError naming ``daemon.timezone``."""
    key = settings.daemon.timezone
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise UserError(f"unknown time zone {key!r}", where="daemon.timezone") from exc


# One year of one place's public holidays at a time: building a calendar makes the holidays
# package import every country's module (about 0.15 s), so it happens on first use, not at
# import, and each year is computed once.
_holidays: dict[tuple[str, str | None, int], frozenset[date]] = {}
_places: set[tuple[str, str | None]] = set()


def _holiday_dates(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    key = (country.upper(), subdivision, year)
    found = _holidays.get(key)
    if found is None:
        # the neighbouring years too: an observed day can cross a year's end (1 January on a
        # Saturday is observed on 31 December), whichever year the library files it under
        cal = _holiday_calendar(country, subdivision, (year - 1, year, year + 1))
        found = _holidays[key] = frozenset(d for d in cal if d.year == year)
        _places.add(key[:2])
    return found


def check_place(country: str, subdivision: str | None) -> None:
    """A UserError for a country (or subdivision) the holidays package does not know."""
    if (country.upper(), subdivision) not in _places:
        _holiday_calendar(country, subdivision, ())
        _places.add((country.upper(), subdivision))


_load_lock = threading.Lock()


def _country_class(code: str) -> type[holidays.HolidayBase] | None:
    """The holidays package's class for ISO code ``code``, loaded from its one module.

    ``holidays.country_holidays`` imports the ``holidays.countries`` package, whose
    ``__init__`` imports the module of every country it knows (about 250, 80 ms); the
    one module needed loads in about 5 ms. Its registry names the module and class. Any
    surprise (another layout in a later version) gives None, and the caller goes the
    public way.
    """
    try:
        import holidays
        from holidays.registry import COUNTRIES

        # names: the class, then the ISO codes and aliases ("GB", "GBR", "UK"), then class aliases
        found = next(
            ((m, names[0]) for m, names in COUNTRIES.items() if code in (n for n in names[1:] if len(n) <= 3)), None
        )
        if found is None:
            return None
        module, name = found
        full = f"holidays.countries.{module}"
        with _load_lock:
            loaded = sys.modules.get(full)
            if loaded is None:
                package = importlib.util.find_spec("holidays.countries")  # not executed: only its path
                if package is None or not package.submodule_search_locations:
                    return None
                path = Path(next(iter(package.submodule_search_locations))) / f"{module}.py"
                spec = importlib.util.spec_from_file_location(full, path)
                if spec is None or spec.loader is None:
                    return None
                loaded = importlib.util.module_from_spec(spec)
                sys.modules[full] = loaded  # where the package's own import would put it
                try:
                    spec.loader.exec_module(loaded)
                except BaseException:
                    del sys.modules[full]
                    raise
        cls = getattr(loaded, name, None)
        return cls if isinstance(cls, type) and issubclass(cls, holidays.HolidayBase) else None
    except Exception:  # pragma: no cover - a holidays release laid out differently
        return None


def country_codes() -> frozenset[str]:
    """Every country code (and alias such as "UK") the holidays package knows."""
    import holidays

    try:
        from holidays.registry import EntityLoader

        return frozenset(EntityLoader.get_country_codes(include_aliases=True))
    except Exception:  # pragma: no cover - a holidays release laid out differently
        return frozenset(holidays.list_supported_countries())


def subdivisions(country: str) -> list[str]:
    """The subdivision codes the holidays package knows for ``country`` (which must be known)."""
    import holidays

    cls = _country_class(country.upper())
    if cls is not None:
        return list(cls.subdivisions)
    return list(holidays.list_supported_countries().get(country.upper(), []))


def _holiday_calendar(country: str, subdivision: str | None, years: tuple[int, ...]) -> holidays.HolidayBase:
    import holidays

    try:
        cls = _country_class(country.upper())
        if cls is not None:
            return cls(years=years, subdiv=subdivision)
        return holidays.country_holidays(country.upper(), subdiv=subdivision, years=years)
    except NotImplementedError as exc:
        if subdivision is not None:
            try:
                holidays.country_holidays(country.upper())
            except NotImplementedError:
                pass
            else:
                raise UserError(
                    f"{subdivision!r} is not a subdivision of {country.upper()} known to the holidays package",
                    where="policy.subdivision",
                ) from exc
        raise UserError(
            f"unknown country {country!r}: use an ISO 3166 code the holidays package knows, e.g. US, GB, DE",
            where="policy.country",
        ) from exc


def _is_business_day_fn(settings: Settings) -> Callable[[date], bool]:
    weekend = frozenset(settings.policy.weekend)
    if frozenset(range(7)) <= weekend:
        raise UserError("every day of the week is a weekend day", where="policy.weekend")
    country, subdivision = settings.policy.country, settings.policy.subdivision
    check_place(country, subdivision)

    def is_business(d: date) -> bool:
        return d.weekday() not in weekend and d not in _holiday_dates(country, subdivision, d.year)

    return is_business


def is_business_day(d: date, settings: Settings) -> bool:
    """Not a weekend day (``policy.weekend``) and not a public holiday of ``policy.country``."""
    return _is_business_day_fn(settings)(d)


def _at_send_time(d: date, send_time: time, zone: tzinfo) -> datetime:
    # a send time inside a spring-forward gap does not exist; the round trip through
    # UTC turns it into the wall time just after the gap (02:30 -> 03:30)
    local = datetime.combine(d, send_time.replace(tzinfo=None), tzinfo=zone)
    return local.astimezone(UTC).astimezone(zone)


def _next_business_day(d: date, is_business: Callable[[date], bool], *, include: bool) -> date:
    cur = d if include else d + timedelta(days=1)
    for _ in range(_MAX_SCAN_DAYS):
        if is_business(cur):
            return cur
        cur += timedelta(days=1)
    raise UserError(f"no business day within {_MAX_SCAN_DAYS} days of {d}", where="policy.weekend")


def _require_aware(value: datetime, what: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got {value!r}")


def add_business_days(moment: datetime, n: int, settings: Settings) -> datetime:
    """The send time (user zone) on the n-th business day after ``moment``'s local date.

    ``n == 0`` is the first business send-time moment at or after ``moment``.
    """
    _require_aware(moment, "moment")
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    zone = user_zone(settings)
    is_business = _is_business_day_fn(settings)
    send_time = settings.policy.send_time
    if n == 0:
        return _first_moment_at_or_after(moment, settings)
    d = moment.astimezone(zone).date()
    for _ in range(n):
        d = _next_business_day(d, is_business, include=False)
    return _at_send_time(d, send_time, zone)


def first_business_moment_after(d: date, settings: Settings) -> datetime:
    """For an out-of-office return date: the first business day strictly after ``d``, at send_time."""
    zone = user_zone(settings)
    day = _next_business_day(d, _is_business_day_fn(settings), include=False)
    return _at_send_time(day, settings.policy.send_time, zone)


def _first_moment_at_or_after(moment: datetime, settings: Settings) -> datetime:
    """The first send-time moment on a business day that is not before ``moment``."""
    zone = user_zone(settings)
    is_business = _is_business_day_fn(settings)
    local = moment.astimezone(zone)
    d = _next_business_day(local.date(), is_business, include=True)
    candidate = _at_send_time(d, settings.policy.send_time, zone)
    if candidate < moment:
        candidate = _at_send_time(_next_business_day(d, is_business, include=False), settings.policy.send_time, zone)
    return candidate


def first_business_moment_at_or_after(moment: datetime, settings: Settings) -> datetime:
    """The next send-time moment at or after ``moment`` that falls on a business day."""
    _require_aware(moment, "moment")
    return _first_moment_at_or_after(moment, settings)


def _pace_adjust(pace: Pace, settings: Settings) -> int:
    p = settings.policy
    return {"fast": p.pace_adjust_fast, "standard": 0, "conservative": p.pace_adjust_conservative}[pace]


def _signed(n: int) -> str:
    return f"+{n}" if n >= 0 else f"−{-n}"


def first_followup_days(
    round: Round | None, company: CompanySettings | None, settings: Settings
) -> tuple[int, tuple[str, ...]]:
    """N for the first follow-up, with the human reasons behind it."""
    p = settings.policy
    reasons: list[str] = []
    if company is not None and company.followup_after_business_days is not None:
        n = company.followup_after_business_days
        reasons.append(f"{company.name}: {n} business days")
    else:
        n = p.followup_after_business_days
        reasons.append(f"base {n} business days")
    if round == "first" and p.round_adjust_first:
        n += p.round_adjust_first
        reasons.append(f"first round {_signed(p.round_adjust_first)}")
    elif round == "final" and p.round_adjust_final:
        n += p.round_adjust_final
        reasons.append(f"final round {_signed(p.round_adjust_final)}")
    pace: Pace = company.pace if company is not None and company.pace is not None else p.pace
    adjust = _pace_adjust(pace, settings)
    if adjust:
        who = f" ({company.name})" if company is not None and company.pace is not None else ""
        n += adjust
        reasons.append(f"pace {pace}{who} {_signed(adjust)}")
    lo, hi = p.min_business_days, max(p.min_business_days, p.max_business_days)
    clamped = min(max(n, lo), hi)
    if clamped != n:
        reasons.append(f"clamped to {clamped}")
    return clamped, tuple(reasons)


def plan(
    start: datetime,
    end: datetime | None,
    round: Round | None,
    company: str | None,
    domain: str | None,
    settings: Settings,
    now: datetime,
) -> list[PlannedStage]:
    """Every stage for one interview, in order, each due in the user's zone.

    A stage that would fall before ``now`` (the interview was first seen late) moves to
    the next business send-time moment at or after ``now``; later stages keep their
    spacing after it. Callers should plan when the interview is first seen (or
    rescheduled) and keep the result: re-planning with a later ``now`` moves an overdue
    stage again.
    """
    _require_aware(start, "start")
    _require_aware(now, "now")
    if end is not None:
        _require_aware(end, "end")
    p = settings.policy
    zone = user_zone(settings)
    _is_business_day_fn(settings)  # a bad country or weekend fails here, even with no stage
    override = settings.company(company, domain)
    if override is not None and override.skip:
        return []
    finish = end if end is not None and end >= start else start + timedelta(minutes=p.default_duration_minutes)

    stages: list[PlannedStage] = []
    if p.thank_you:
        stage = _thank_you(finish, zone, p.thank_you_after_hours, now)
        if stage is not None:
            stages.append(stage)

    if p.max_followups <= 0:
        return stages
    n, reasons = first_followup_days(round, override, settings)
    due = add_business_days(finish, n, settings)
    if now - due > timedelta(days=p.catch_up_days):
        # found long after the fact (first scan of old mail): too late to follow up
        return stages
    due, moved = _not_before(due, now, settings)
    stages.append(
        PlannedStage(
            stage="followup-1",
            due=due,
            kind="followup",
            business_days=n,
            reasons=reasons + moved,
        )
    )
    later = max(p.second_followup_after_business_days, p.min_business_days, 1)
    for i in range(2, p.max_followups + 1):
        due = add_business_days(due, later, settings)
        due, moved = _not_before(due, now, settings)
        stages.append(
            PlannedStage(
                stage=f"followup-{i}",
                due=due,
                kind="checkin",
                business_days=later,
                reasons=(f"{later} business days after followup-{i - 1}", *moved),
            )
        )
    return stages


def _not_before(due: datetime, now: datetime, settings: Settings) -> tuple[datetime, tuple[str, ...]]:
    if due >= now:
        return due, ()
    local = now.astimezone(user_zone(settings))
    if _is_business_day_fn(settings)(local.date()) and local.time() >= settings.policy.send_time:
        # already a business day past the send time: waiting for tomorrow only adds delay
        return local, (f"was due {due.isoformat()}, already past when first seen: moved to now",)
    moved = _first_moment_at_or_after(now, settings)
    return moved, (f"was due {due.isoformat()}, already past: moved to the next business send time",)


def _thank_you(finish: datetime, zone: ZoneInfo, hours: float, now: datetime) -> PlannedStage | None:
    """The same-day thank-you, or None once the interview's day is over in the user's zone.

    A thank-you for "today's conversation" two days later reads wrong, so unlike the
    follow-ups it is dropped rather than moved, and it ignores business days: it is a
    draft the user sends the same evening.
    """
    due = (finish + timedelta(hours=max(hours, 0.0))).astimezone(zone)
    day = finish.astimezone(zone).date()
    reasons: tuple[str, ...] = (f"{hours:g} hours after the interview ends",)
    if due.date() != day:
        # past midnight: the last minute of the interview's day still says "today"
        due = _at_send_time(day, time(23, 0), zone)
        if due < finish:
            due = finish.astimezone(zone)
        reasons += ("kept on the interview's day",)
    if due < now:
        if now.astimezone(zone).date() != day:
            return None
        due = now.astimezone(zone)
        reasons += ("already past: now",)
    return PlannedStage(stage="thank-you", due=due, kind="thank_you", business_days=0, reasons=reasons)
