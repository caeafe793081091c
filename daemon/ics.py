"""Read VEVENTs out of iCalendar data (text/calendar parts and .ics attachments)."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from daemon.model import Address, CalendarEvent

#: occurrences of a recurring event that are expanded; an RRULE with COUNT=10**9 is
#: data, not a reason to loop for an hour
MAX_OCCURRENCES = 20
MAX_EVENTS = 50


def zone_key(tz: tzinfo | None) -> str | None:
    """The IANA key of a tzinfo where it has one."""
    if tz is None:
        return None
    if tz is UTC:
        return "UTC"
    key = getattr(tz, "key", None) or getattr(tz, "zone", None)
    if isinstance(key, str):
        return key
    # a VTIMEZONE-defined zone (Outlook writes Windows names such as "Eastern Standard Time")
    name = getattr(tz, "_tzid", None)
    if isinstance(name, str):
        from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

        olson = WINDOWS_TO_OLSON.get(name)
        if olson:
            return str(olson)
        try:
            ZoneInfo(name)
            return name
        except (ValueError, KeyError, OSError):
            return None
    return None


def _as_aware(value: Any, default_tz: tzinfo) -> tuple[datetime | None, bool]:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=default_tz)
        elif not isinstance(value.tzinfo, ZoneInfo) and value.tzinfo is not UTC:
            key = zone_key(value.tzinfo)
            if key:
                # same instant, but a real IANA zone: later arithmetic follows tzdata
                value = value.astimezone(ZoneInfo(key))
        return value, False
    if isinstance(value, date):
        return datetime.combine(value, time(0), tzinfo=default_tz), True
    return None, False


def _address(prop: Any) -> Address | None:
    if prop is None:
        return None
    addr = str(prop)
    if addr.lower().startswith("mailto:"):
        addr = addr[7:]
    name = ""
    params = getattr(prop, "params", None)
    if params is not None:
        name = str(params.get("CN", "")).strip('"')
    return Address(name=name.strip(), addr=addr.strip().lower())


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return str(value).strip()


def _expand(component: Any, start: datetime, defects: list[str]) -> tuple[datetime, ...]:
    rrule = component.get("RRULE")
    if rrule is None:
        return (start,)
    try:
        from dateutil.rrule import rrulestr

        rule = rrulestr(rrule.to_ical().decode(), dtstart=start, cache=False)
        # islice bounds the work however large COUNT or however far UNTIL is
        return tuple(itertools.islice(iter(rule), MAX_OCCURRENCES))
    except Exception as exc:
        defects.append(f"ics RRULE: {type(exc).__name__}")
        return (start,)


def parse_calendar(data: bytes, default_tz: tzinfo = UTC) -> tuple[list[CalendarEvent], list[str]]:
    """Return the events in ``data`` and the problems met. Never raises."""
    from icalendar import Calendar

    defects: list[str] = []
    try:
        calendars = Calendar.from_ical(data.decode("utf-8", "replace"), multiple=True)
    except Exception as exc:
        return [], [f"ics: {type(exc).__name__}: {str(exc)[:120]}"]
    events: list[CalendarEvent] = []
    for cal in calendars:
        method = _text(cal, "METHOD").upper() or None
        try:
            vevents = list(itertools.islice(cal.walk("VEVENT"), MAX_EVENTS))
        except Exception as exc:
            defects.append(f"ics: {type(exc).__name__}")
            continue
        for ev in vevents:
            try:
                events.append(_event(ev, method, default_tz, defects))
            except Exception as exc:
                defects.append(f"ics VEVENT: {type(exc).__name__}: {str(exc)[:120]}")
    return events, defects


def _event(ev: Any, method: str | None, default_tz: tzinfo, defects: list[str]) -> CalendarEvent:
    def decoded(name: str) -> Any:
        try:
            return ev.decoded(name) if name in ev else None
        except Exception as exc:
            defects.append(f"ics {name}: {type(exc).__name__}")
            return None

    start, all_day = _as_aware(decoded("DTSTART"), default_tz)
    end, _ = _as_aware(decoded("DTEND"), default_tz)
    if end is None and start is not None:
        duration = decoded("DURATION")
        if isinstance(duration, timedelta):
            end = start + duration
    try:
        sequence = int(str(ev.get("SEQUENCE", 0)))
    except ValueError:
        sequence = 0
    attendees_raw = ev.get("ATTENDEE") or []
    if not isinstance(attendees_raw, list):
        attendees_raw = [attendees_raw]
    attendees = tuple(a for a in (_address(x) for x in attendees_raw[:200]) if a)
    return CalendarEvent(
        method=method,
        uid=_text(ev, "UID") or None,
        sequence=sequence,
        status=_text(ev, "STATUS").upper() or None,
        start=start,
        end=end,
        all_day=all_day,
        timezone=zone_key(start.tzinfo) if start else None,
        organizer=_address(ev.get("ORGANIZER")),
        attendees=attendees,
        summary=_text(ev, "SUMMARY"),
        location=_text(ev, "LOCATION"),
        description=_text(ev, "DESCRIPTION"),
        occurrences=_expand(ev, start, defects) if start else (),
    )


__all__ = ["ZoneInfo", "parse_calendar", "zone_key"]
