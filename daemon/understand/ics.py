"""Read VEVENTs out of iCalendar data (text/calendar parts and .ics attachments)."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from daemon.model import Address, CalendarEvent
from daemon.understand import patterns

#: occurrences of a recurring event that are expanded; an RRULE with COUNT=10**9 is
#: data, not a reason to loop for an hour
MAX_OCCURRENCES = 20
MAX_EVENTS = 50
#: a VTIMEZONE is rules for a handful of transitions; anything bigger is not a zone
MAX_VTIMEZONE_CHARS = 64 * 1024
MAX_VTIMEZONE_RULES = 200

#: how far ahead a recurrence is expanded, by FREQ: an RRULE whose BY-parts never match
#: (FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30) would otherwise be searched until year 9999
_HORIZON = {
    "YEARLY": timedelta(days=3660),
    "MONTHLY": timedelta(days=1830),
    "WEEKLY": timedelta(days=730),
    "DAILY": timedelta(days=366),
    "HOURLY": timedelta(days=7),
    "MINUTELY": timedelta(days=1),
    "SECONDLY": timedelta(hours=1),
}

#: deprecated IANA names that Windows-zone tables still hand out
_CANONICAL = {
    "Asia/Calcutta": "Asia/Kolkata",
    "Asia/Katmandu": "Asia/Kathmandu",
    "Asia/Saigon": "Asia/Ho_Chi_Minh",
    "Asia/Rangoon": "Asia/Yangon",
    "Europe/Kiev": "Europe/Kyiv",
    "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
    "Pacific/Truk": "Pacific/Chuuk",
    "Atlantic/Faeroe": "Atlantic/Faroe",
    "US/Eastern": "America/New_York",
    "US/Central": "America/Chicago",
    "US/Mountain": "America/Denver",
    "US/Pacific": "America/Los_Angeles",
}


def zone_key(tz: tzinfo | None) -> str | None:
    """The canonical IANA key of a tzinfo where it has one."""
    key = _zone_key(tz)
    return _CANONICAL.get(key, key) if key else None


def _zone_key(tz: tzinfo | None) -> str | None:
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
        elif value.tzinfo is not UTC:
            key = zone_key(value.tzinfo)
            if key and key != getattr(value.tzinfo, "key", None):
                # same instant, but a real IANA zone: later arithmetic follows tzdata
                value = value.astimezone(ZoneInfo(key))
            elif not key and not isinstance(value.tzinfo, timezone):
                # a zone only this calendar defines: pin the offset, so nothing downstream
                # evaluates its rules again
                offset = value.utcoffset()
                value = value.replace(tzinfo=timezone(offset)) if offset is not None else value
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

        if isinstance(rrule, list):
            defects.append("ics RRULE: several rules, only the first expanded")
            rrule = rrule[0]
        recur = dict(rrule)
        freq = str((recur.get("FREQ") or [""])[0]).upper()
        refusal = _unsafe_rule(freq, recur)
        if refusal:
            defects.append(f"ics RRULE: {refusal}, not expanded")
            return (start,)
        count = int((recur.pop("COUNT", None) or [MAX_OCCURRENCES])[0])
        horizon = start + _HORIZON.get(freq, timedelta(days=366))
        until = (recur.get("UNTIL") or [None])[0]
        if isinstance(until, datetime):
            until = until if until.tzinfo else until.replace(tzinfo=start.tzinfo)
            horizon = min(horizon, until)
        elif isinstance(until, date):
            horizon = min(horizon, datetime.combine(until, time(23, 59, 59), tzinfo=start.tzinfo))
        recur["UNTIL"] = [horizon.astimezone(UTC)]
        rule_text = type(rrule)(recur).to_ical().decode()
        rule = rrulestr(rule_text, dtstart=start, cache=False)
        # islice and the UNTIL horizon bound the work however large COUNT or far UNTIL is
        return tuple(itertools.islice(iter(rule), max(0, min(count, MAX_OCCURRENCES)))) or (start,)
    except Exception as exc:
        defects.append(f"ics RRULE: {type(exc).__name__}")
        return (start,)


#: rule parts dateutil is given; with others (BYSETPOS, BYWEEKNO, BYYEARDAY, BYHOUR…) a
#: rule can be impossible, and dateutil searches for a first match until year 9999
_SAFE_PARTS = frozenset({"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "WKST"})
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _unsafe_rule(freq: str, recur: dict[str, Any]) -> str | None:
    """Why a rule might make dateutil search without end, or None when it is safe."""
    if freq not in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
        return f"FREQ={freq or '?'}"
    extra = sorted(set(recur) - _SAFE_PARTS)
    if extra:
        return f"{extra[0]} unsupported"
    months = [int(m) for m in recur.get("BYMONTH", [])] or list(range(1, 13))
    if any(not 1 <= m <= 12 for m in months):
        return "BYMONTH out of range"
    monthdays = [int(d) for d in recur.get("BYMONTHDAY", [])]
    if monthdays and not any(abs(d) <= _DAYS_IN_MONTH[m - 1] and d != 0 for m in months for d in monthdays):
        return "BYMONTHDAY never falls in BYMONTH"
    limit = 53 if freq == "YEARLY" and "BYMONTH" not in recur else 5
    for day in recur.get("BYDAY", []):
        ordinal = re.match(r"^([+-]?\d+)", str(day))
        if ordinal and not 1 <= abs(int(ordinal.group(1))) <= limit:
            return "BYDAY ordinal out of range"
    return None


_FOLDED = patterns.compile(r"\r?\n[ \t]")


def _sanitize(text: str, defects: list[str]) -> str:
    """Drop what would make the icalendar/dateutil code loop: bad VTIMEZONEs, event floods.

    A VTIMEZONE's rules are evaluated lazily from year 1601 on every offset lookup, so a
    rule with FREQ=SECONDLY hangs the first ``utcoffset()`` call.
    """
    lines = _FOLDED.sub("", text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    block: list[str] | None = None
    events = 0
    skipping_event = False
    for line in lines:
        upper = line.strip().upper()
        if block is not None:
            block.append(line)
            if upper == "END:VTIMEZONE":
                reason = _bad_vtimezone(block)
                if reason:
                    tzid = next((ln[5:] for ln in block if ln.upper().startswith("TZID:")), "?")
                    defects.append(f"ics VTIMEZONE {tzid[:60]!r}: {reason}, ignored")
                else:
                    out.extend(block)
                block = None
            continue
        if upper == "BEGIN:VTIMEZONE":
            block = [line]
            continue
        if upper == "BEGIN:VEVENT":
            events += 1
            if events > MAX_EVENTS:
                if events == MAX_EVENTS + 1:
                    defects.append(f"ics: more than {MAX_EVENTS} events, the rest ignored")
                skipping_event = True
                continue
        if skipping_event:
            if upper == "END:VEVENT":
                skipping_event = False
            continue
        out.append(line)
    if block is not None:
        defects.append("ics: unterminated VTIMEZONE ignored")
    return "\r\n".join(out)


_RULE_FREQ = patterns.compile(r"(?i)^RRULE:.*\bFREQ=([A-Z]+)")


def _bad_vtimezone(block: list[str]) -> str | None:
    if sum(len(ln) for ln in block) > MAX_VTIMEZONE_CHARS:
        return "too large"
    rules = sum(1 for ln in block if ln.strip().upper() in ("BEGIN:STANDARD", "BEGIN:DAYLIGHT"))
    if rules > MAX_VTIMEZONE_RULES:
        return "too many rules"
    for ln in block:
        m = _RULE_FREQ.match(ln.strip())
        if m and m.group(1).upper() != "YEARLY":
            return f"FREQ={m.group(1).upper()} in a zone rule"
    return None


def parse_calendar(data: bytes, default_tz: tzinfo = UTC) -> tuple[list[CalendarEvent], list[str]]:
    """Return the events in ``data`` and the problems met. Never raises."""
    from icalendar import Calendar

    defects: list[str] = []
    if not data.strip():
        return [], ["ics: empty calendar part"]
    try:
        text = _sanitize(data.decode("utf-8", "replace").replace("\x00", ""), defects)
        calendars = Calendar.from_ical(text, multiple=True)
    except Exception as exc:
        return [], [*defects, f"ics: {type(exc).__name__}: {str(exc)[:120]}"]
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
    if not events:
        defects.append("ics: no event found")
    return events, defects


_UTC_OFFSET = patterns.compile(r"\((?:UTC|GMT)\s*([+-])(\d{1,2}):?(\d{2})\)")


def _zoned(ev: Any, name: str, value: Any, defects: list[str]) -> Any:
    """A naive time whose TZID icalendar could not resolve: try the forms Outlook writes."""
    if not isinstance(value, datetime) or value.tzinfo is not None:
        return value
    prop = ev.get(name)
    tzid = str(getattr(prop, "params", {}).get("TZID", "") or "").strip('"')
    if not tzid:
        return value  # a floating time: the caller applies the message's zone
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    key = WINDOWS_TO_OLSON.get(tzid)
    if key is None:
        try:
            ZoneInfo(tzid)
            key = tzid
        except (ValueError, KeyError, OSError):
            key = None
    if key is not None:
        return value.replace(tzinfo=ZoneInfo(_CANONICAL.get(str(key), str(key))))
    m = _UTC_OFFSET.search(tzid)
    if m:
        sign = -1 if m.group(1) == "-" else 1
        offset = timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
        defects.append(f"ics {name}: TZID {tzid[:60]!r} read as its fixed UTC offset")
        return value.replace(tzinfo=timezone(sign * offset))
    defects.append(f"ics {name}: unknown TZID {tzid[:60]!r}, read in the message's zone")
    return value


def _event(ev: Any, method: str | None, default_tz: tzinfo, defects: list[str]) -> CalendarEvent:
    def decoded(name: str) -> Any:
        try:
            return ev.decoded(name) if name in ev else None
        except Exception as exc:
            defects.append(f"ics {name}: {type(exc).__name__}")
            return None

    start, all_day = _as_aware(_zoned(ev, "DTSTART", decoded("DTSTART"), defects), default_tz)
    end, _ = _as_aware(_zoned(ev, "DTEND", decoded("DTEND"), defects), default_tz)
    if start is None:
        defects.append("ics VEVENT: no usable DTSTART")
    if end is None and start is not None:
        duration = decoded("DURATION")
        if isinstance(duration, timedelta):
            end = start + duration
    try:
        sequence = int(str(ev.get("SEQUENCE", 0)).strip())
    except ValueError:
        defects.append("ics SEQUENCE: not a number, read as 0")
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


__all__ = ["parse_calendar", "zone_key"]
