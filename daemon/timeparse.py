"""Find date/time expressions in text and resolve them against a reference instant.

Scanning is a handful of precompiled, linear regex passes that find *atoms* (a date,
a weekday, a relative day, a clock time or range, a zone, a part of day); atoms that
sit next to each other, separated only by glue such as ", " or " at ", combine into
one :class:`Parsed` mention. Resolution turns a Parsed into aware datetimes.

Conventions (a scheduler's, not a linguist's):
- a date without a year takes the year that puts it nearest on or after the reference day;
- a bare weekday is the next such day after the reference day; "this Friday" may be
  today; "next Friday" is the first Friday strictly after today;
- a clock time with no date and no am/pm: 1–6 o'clock mean the afternoon;
- a time with no date that has already passed on the reference day means tomorrow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal

from daemon import zones
from daemon.zones import Zone

Grain = Literal["day", "hour", "minute"]

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        "january jan januar jänner",
        "february feb februar",
        "march mar märz maerz mär",
        "april apr",
        "may mai",
        "june jun juni",
        "july jul juli",
        "august aug",
        "september sep sept",
        "october oct oktober okt",
        "november nov",
        "december dec dezember dez",
    ),
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _i

WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        "monday mon montag",
        "tuesday tues tue dienstag",
        "wednesday wed mittwoch",
        "thursday thurs thur thu donnerstag",
        "friday fri freitag",
        "saturday sat samstag",
        "sunday sun sonntag",
    )
):
    for _n in _names.split():
        WEEKDAYS[_n] = _i
#: abbreviations that are also English words: only count next to a date or time
_WEAK_WEEKDAYS = frozenset({"sat", "sun", "wed", "mon"})

ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}


def _alt(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MON = _alt(list(MONTHS))
_WD = _alt(list(WEEKDAYS))
_ORD = r"(?:st|nd|rd|th)"
_YEAR = r"(?:\d{4}|['’]\d{2})(?![\d:])"

# URLs and addresses hold digits that look like dates and times; blank them, keep offsets
_MASK = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+|\[cid:[^\]]*\]", re.IGNORECASE)

_DATE = re.compile(
    rf"""
    (?P<iso>(?<!\d)(?P<iy>\d{{4}})[-/](?P<im>\d{{1,2}})[-/](?P<id>\d{{1,2}})(?![\d/]))
  | (?P<md>\b(?P<m1>{_MON})\.?[\s\-/.]*(?:the\s+)?(?P<d1>\d{{1,2}})(?:{_ORD})?\b(?![:.]\d)
        (?:[\s,\-/.]*(?P<y1>{_YEAR}))?)
  | (?P<dm>(?<![\d.:/])(?P<d2>\d{{1,2}})(?:{_ORD})?\.?(?:\s+of)?[\s\-/.]*(?P<m2>{_MON})\b\.?
        (?:[\s,\-/.]*(?:of\s+)?(?P<y2>{_YEAR}))?)
  | (?P<num>(?<![\d/.:,\-−])(?P<a>\d{{1,2}})\s?(?P<sep>[/.\-])\s?(?P<b>\d{{1,2}})
        (?:(?P=sep)(?P<y3>\d{{4}}|\d{{2}}))?(?![\d/:]|[.\-]\d|\s?(?:[ap]\.?m\b|uhr|h\b)))
  | (?P<ordinal>\b(?P<the>(?:on\s+)?the\s+)?(?P<d4>\d{{1,2}}){_ORD}\b
        (?!\s+(?:floor|round|street|st\b|avenue|ave\b|percentile|century|place|position|edition|grade
        |anniversary|birthday|time|annual|interview|stage|candidate|largest|most|best)))
  | (?P<word>\b(?:the\s+)?(?P<ow>{_alt(list(ORDINAL_WORDS))})\s+of\s+(?P<m5>{_MON})\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)

_WEEKDAY = re.compile(
    rf"""\b(?:(?P<mod>this|next|coming|last|past|previous|upcoming)\s+)?(?P<wd>{_WD})\b\.?
    (?:\s+(?P<wk>(?:of\s+)?(?:next|this|the\s+following|the\s+coming)\s+week|after\s+next))?""",
    re.IGNORECASE | re.VERBOSE,
)

_REL = re.compile(
    r"""\b(?P<rel>(?:the\s+)?day\s+after\s+tomorrow|(?:the\s+)?day\s+before\s+yesterday|today|tonight
    |tomorrow|tmrw|yesterday|heute
    |this\s+(?:morning|afternoon|evening))\b
    |\b(?P<in>in|within)\s+(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of
        |a\s+couple|a\s+few|few)\s+(?P<unit>minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?)\b
    |\b(?P<n2>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of|a\s+few)
        \s+(?P<unit2>minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?)
        \s+(?P<dir>ago|hence|from\s+now|later|earlier|back)\b""",
    re.IGNORECASE | re.VERBOSE,
)

_POD = re.compile(r"\b(?:in\s+the\s+)?(?P<pod>morning|afternoon|evening|night)\b", re.IGNORECASE)

_T = r"""(?:(?P<{p}h>\d{{1,2}})(?:(?P<{p}sep>[:.h])(?P<{p}m>[0-5]\d))?
    (?:\s?(?P<{p}ap>[ap]\.?\s?m\b\.?|[ap](?![\w'’])))?
  | (?P<{p}w>noon|midday|midnight|mittag))"""

_TIME = re.compile(
    rf"""(?<![\d:/.,\-])(?:(?P<pre>from|between)\s+)?{_T.format(p="a")}(?![\d/])
    (?:\s*(?P<rsep>-|–|—|to|until|till|til|through|thru|and|bis)\s*{_T.format(p="b")}(?![\d/]))?
    (?P<suf>\s*(?:uhr|o['’]?\s?clock|hrs\b|h\b))?""",
    re.IGNORECASE | re.VERBOSE,
)

_ABBR = _alt([a for a in zones.ABBREVIATIONS if a != "Z"])
_REGION = _alt(list(zones.REGIONS))
_CITY = _alt(list(zones.CITIES))
_ZONE = re.compile(
    rf"""
    (?P<off>\(?(?:UTC|GMT)\s?[+\-−–]\s?\d{{1,2}}(?::?\d{{2}})?\)?
        (?:\s(?P<win>[A-Z][A-Za-z .&]{{2,40}}?(?:\s\((?:US\s&\sCanada|[A-Za-z .&]+)\))?)(?=[.,;)\n]|$))?)
  | (?P<iana>\b(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z_]+(?:/[A-Za-z_]+)?)
  | (?P<region>\b(?:{_REGION})\s+(?:(?:standard|daylight|summer)\s+)?time\b
        (?:\s?(?:-|–|\()\s?(?:US\s&\sCanada|[A-Z][A-Za-z ]{{2,30}})\)?)?)
  | (?P<city>\b(?:{_CITY})(?:,\s(?:{_CITY}))*\b)
  | (?-i:(?P<abbr>\b(?:{_ABBR})\b))
    """,
    re.IGNORECASE | re.VERBOSE,
)

_DURATION = re.compile(
    r"""\b(?P<num>\d{1,3}(?:\.\d)?|an?|one|two|three|half\s+an?|one\s+and\s+a\s+half|an?\s+hour\s+and\s+a\s+half)
    [\s-]?(?P<unit>minutes?|mins?|hours?|hrs?)\b
    (?:\s+(?:and\s+)?(?P<num2>\d{1,2})[\s-]?(?:minutes?|mins?))?""",
    re.IGNORECASE | re.VERBOSE,
)


def _at_word_start(rx: re.Pattern[str]) -> re.Pattern[str]:
    # every atom starts at a word start (or an opening parenthesis); saying so up front lets the
    # engine skip mid-word positions before trying each long alternation: about 2x faster
    return re.compile(r"(?<!\w)(?:" + rx.pattern + ")", rx.flags)


_DATE, _WEEKDAY, _REL, _TIME, _ZONE = (_at_word_start(r) for r in (_DATE, _WEEKDAY, _REL, _TIME, _ZONE))

#: what may stand between two atoms of one mention
_GLUE = re.compile(
    r"""^(?:[\s,;()\[\]⋅·•|@/\-–—:*]|\b(?:at|on|from|the|of|around|about|starting|beginning|by|in
    |time|uhr|um|am|date|when|datum|zeit)\b)*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_GLUE = 32

_AT_BEFORE = re.compile(r"(?:\bat|@|\baround|\bby|\bum|\buntil|\btill|\bafter|\bbefore|\bfor)\s*$", re.I)


@dataclass(slots=True)
class Parsed:
    """One mention before resolution; every field is what the text says, nothing inferred."""

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    numeric: tuple[int, int] | None = None  # a/b of an order-ambiguous numeric date
    weekday: int | None = None
    weak_weekday: bool = False
    weekday_mod: str | None = None
    week_offset: int = 0  # "Tuesday of next week"
    rel_days: int | None = None
    shift: timedelta | None = None  # "in 3 hours", "2 weeks ago": from the reference instant
    shift_months: int = 0
    pod: str | None = None
    hour: int | None = None
    minute: int = 0
    meridiem: str | None = None  # "a" / "p"
    end_hour: int | None = None
    end_minute: int = 0
    end_meridiem: str | None = None
    clock24: bool = False  # leading zero, "Uhr", "h": never apply the afternoon guess
    zone: Zone | None = None
    zone_text: str | None = None
    kinds: set[str] = field(default_factory=set)

    @property
    def has_date(self) -> bool:
        return bool(self.kinds & {"date", "rel", "wd"}) and not (
            self.kinds & {"date", "rel"} == set() and self.weak_weekday and "time" not in self.kinds
        )

    @property
    def has_time(self) -> bool:
        return self.hour is not None


@dataclass(frozen=True)
class TimeMention:
    start: datetime
    end: datetime | None
    grain: Grain
    span: tuple[int, int]
    zone: str | None
    has_time: bool
    has_date: bool = True
    text: str = ""


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    kind: str  # date, wd, rel, time, zone, pod
    data: Parsed


def _mask(text: str) -> str:
    return _MASK.sub(lambda m: " " * len(m.group(0)), text)


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = raw.lstrip("'’")
    y = int(raw)
    if len(raw) == 2:
        # '74 is 1974 and '35 is 2035: the century that keeps a two-digit year near today
        return y + 2000 if y <= 50 else y + 1900
    return y


def _date_atoms(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _DATE.finditer(text):
        p = Parsed(m.start(), m.end(), kinds={"date"})
        g = m.group
        if g("iso"):
            p.year, p.month, p.day = int(g("iy")), int(g("im")), int(g("id"))
        elif g("md"):
            p.month, p.day, p.year = MONTHS[g("m1").lower()], int(g("d1")), _year(g("y1"))
        elif g("dm"):
            p.day, p.month, p.year = int(g("d2")), MONTHS[g("m2").lower()], _year(g("y2"))
        elif g("num"):
            a, b = int(g("a")), int(g("b"))
            if g("sep") != "/" and not g("y3"):
                continue  # "2-3" and "10.30" are ranges and times far more often than dates
            p.numeric, p.year = (a, b), _year(g("y3"))
        elif g("ordinal"):
            p.day = int(g("d4"))
            if not g("the"):
                p.kinds = {"date", "bare_ordinal"}
        elif g("word"):
            p.day, p.month = ORDINAL_WORDS[g("ow").lower()], MONTHS[g("m5").lower()]
        if p.day is not None and not 1 <= p.day <= 31:
            continue
        if p.month is not None and not 1 <= p.month <= 12:
            continue
        if p.numeric and (not 1 <= p.numeric[0] <= 31 or not 1 <= p.numeric[1] <= 31):
            continue
        out.append(_Atom(m.start(), m.end(), "date", p))
    return out


def _weekday_atoms(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _WEEKDAY.finditer(text):
        name = m.group("wd")
        p = Parsed(m.start(), m.end(), weekday=WEEKDAYS[name.lower()], kinds={"wd"})
        p.weekday_mod = (m.group("mod") or "").lower() or None
        wk = (m.group("wk") or "").lower()
        if "next" in wk or "following" in wk or "coming" in wk or "after" in wk:
            p.week_offset = 2 if "after" in wk else 1
        elif "this" in wk:
            p.week_offset = 0
            p.weekday_mod = p.weekday_mod or "thisweek"
        p.weak_weekday = name.lower() in _WEAK_WEEKDAYS and not name[0].isupper() and not p.weekday_mod
        out.append(_Atom(m.start(), m.end(), "wd", p))
    return out


_NUM_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a couple of": 2,
    "a couple": 2,
    "a few": 3,
    "few": 3,
}
_UNIT_MINUTES = {"mi": 1, "ho": 60, "hr": 60, "da": 1440, "we": 10080, "fo": 20160}


def _shift(n_raw: str, unit: str, sign: int) -> tuple[timedelta, int]:
    n_txt = re.sub(r"\s+", " ", n_raw.lower())
    n = _NUM_WORDS.get(n_txt) or int(n_txt)
    u = unit.lower()
    if u.startswith("mo"):
        return timedelta(0), sign * n
    if u.startswith("y"):
        return timedelta(0), sign * 12 * n
    return timedelta(minutes=sign * n * _UNIT_MINUTES[u[:2]]), 0


def _rel_atoms(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _REL.finditer(text):
        p = Parsed(m.start(), m.end(), kinds={"rel"})
        rel = (m.group("rel") or "").lower()
        if m.group("n") or m.group("n2"):
            if m.group("n"):
                p.shift, p.shift_months = _shift(m.group("n"), m.group("unit"), 1)
            else:
                back = m.group("dir").lower() in ("ago", "earlier", "back")
                p.shift, p.shift_months = _shift(m.group("n2"), m.group("unit2"), -1 if back else 1)
            p.rel_days = 0
        elif "day after" in rel:
            p.rel_days = 2
        elif "day before" in rel:
            p.rel_days = -2
        elif rel.startswith(("tomorrow", "tmrw")):
            p.rel_days = 1
        elif rel == "yesterday":
            p.rel_days = -1
        else:
            p.rel_days = 0
            if rel == "tonight":
                p.pod = "night"
            elif rel.startswith("this "):
                p.pod = rel.split()[1]
        out.append(_Atom(m.start(), m.end(), "rel", p))
    return out


def _meridiem(raw: str | None) -> str | None:
    return raw.strip()[0].lower() if raw else None


def _time_atoms(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _TIME.finditer(text):
        g = m.group
        suffix = (g("suf") or "").strip().lower()
        p = Parsed(m.start(), m.end(), kinds={"time"})
        word = (g("aw") or "").lower()
        if word:
            p.hour = 0 if word == "midnight" else 12
            p.meridiem = "a" if word == "midnight" else "p"
        else:
            h = int(g("ah"))
            sep, ap = g("asep"), _meridiem(g("aap"))
            has_end = g("bh") is not None or g("bw") is not None
            bare = sep is None and ap is None
            if sep == "h" and g("am") is None:
                bare = True
            if sep == "." and ap is None and suffix not in ("uhr", "h") and not has_end:
                continue  # "10.30" alone is a number more often than a time
            if bare and not suffix and not g("pre"):
                end_ok = has_end and (g("bap") is not None or g("bsep") in (":", "."))
                before = text[max(0, m.start() - 12) : m.start()]
                if not end_ok and not _AT_BEFORE.search(before):
                    continue
            if h > 23 or (ap and not 1 <= h <= 12):
                continue
            p.hour, p.minute, p.meridiem = h, int(g("am") or 0), ap
            p.clock24 = (g("ah").startswith("0") and ap is None) or suffix in ("uhr", "h") or sep == "h"
        if g("bh") is not None or g("bw") is not None:
            rsep = g("rsep").lower()
            if rsep == "and" and (g("pre") or "").lower() != "between":
                p.end = m.start("rsep")
            else:
                bword = (g("bw") or "").lower()
                if bword:
                    p.end_hour, p.end_meridiem = (0, "a") if bword == "midnight" else (12, "p")
                else:
                    bh, bap = int(g("bh")), _meridiem(g("bap"))
                    if bh > 23 or (bap and not 1 <= bh <= 12):
                        p.end = m.start("rsep")
                    else:
                        p.end_hour, p.end_minute, p.end_meridiem = bh, int(g("bm") or 0), bap
        if p.end_hour is None:
            p.end = max(m.end(n) for n in ("ah", "am", "aap", "aw") if g(n) is not None)
            if g("suf") and g("bh") is None and g("bw") is None:
                p.end = m.end("suf")
        out.append(_Atom(p.start, p.end, "time", p))
    return out


def _zone_atoms(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _ZONE.finditer(text):
        g = m.group
        z: Zone | None = None
        if g("off"):
            win = g("win")
            if win:
                z = zones.lookup(win.split("(")[0].strip()) or zones.lookup(win)
            if z is None:
                raw = g("off")
                if win:
                    raw = raw[: len(raw) - len(win)]
                z = zones.parse_offset(raw.strip().strip("()"))
        elif g("iana"):
            z = zones.iana(g("iana"))
        elif g("region"):
            z = zones.lookup(re.split(r"\s?[-–(]", g("region"))[0])
        elif g("city"):
            z = zones.lookup(g("city"))
        elif g("abbr"):
            z = zones.lookup(g("abbr"))
        if z is None:
            continue
        p = Parsed(m.start(), m.end(), zone=z, zone_text=m.group(0).strip().strip("()"), kinds={"zone"})
        if g("abbr"):
            p.kinds.add("abbr")
        out.append(_Atom(m.start(), m.end(), "zone", p))
    return out


def _pod_atoms(text: str) -> list[_Atom]:
    return [
        _Atom(m.start(), m.end(), "pod", Parsed(m.start(), m.end(), pod=m.group("pod").lower(), kinds={"pod"}))
        for m in _POD.finditer(text)
    ]


def _overlaps(a: _Atom, taken: list[tuple[int, int]]) -> bool:
    return any(a.start < e and s < a.end for s, e in taken)


def _merge(into: Parsed, atom: _Atom) -> None:
    src = atom.data
    into.end = max(into.end, atom.end)
    into.start = min(into.start, atom.start)
    if atom.kind == "date":
        into.year, into.month, into.day, into.numeric = src.year, src.month, src.day, src.numeric
        into.kinds.discard("bare_ordinal")
        into.kinds |= src.kinds - {"bare_ordinal"} if into.kinds & {"wd", "rel", "time"} else src.kinds
    elif atom.kind == "wd":
        into.weekday, into.weekday_mod, into.week_offset = src.weekday, src.weekday_mod, src.week_offset
        into.weak_weekday = False
        into.kinds.add("wd")
        into.kinds.discard("bare_ordinal")
    elif atom.kind == "rel":
        into.rel_days = src.rel_days
        into.pod = into.pod or src.pod
        into.kinds.add("rel")
    elif atom.kind == "time":
        for name in ("hour", "minute", "meridiem", "end_hour", "end_minute", "end_meridiem", "clock24"):
            setattr(into, name, getattr(src, name))
        into.kinds.add("time")
    elif atom.kind == "zone":
        into.zone, into.zone_text = src.zone, src.zone_text
        into.kinds.add("zone")
    elif atom.kind == "pod":
        into.pod = src.pod


def _slot(kind: str) -> str:
    return "date" if kind in ("date", "rel") else kind


def scan(text: str) -> tuple[list[Parsed], list[Parsed]]:
    """The mentions in ``text`` in order, and the zones that stand alone (not next to a time)."""
    masked = _mask(text)
    atoms: list[_Atom] = []
    taken: list[tuple[int, int]] = []
    # precedence: zones (so "UTC-05:00" is not a time), dates, relative days, weekdays, times
    for finder in (_zone_atoms, _date_atoms, _rel_atoms, _weekday_atoms, _time_atoms, _pod_atoms):
        found = [a for a in finder(masked) if not _overlaps(a, taken)]
        atoms.extend(found)
        taken.extend((a.start, a.end) for a in found)
    atoms.sort(key=lambda a: a.start)

    mentions: list[Parsed] = []
    loose_zones: list[Parsed] = []
    cur: Parsed | None = None
    filled: set[str] = set()
    for atom in atoms:
        joinable = (
            cur is not None
            and atom.start - cur.end <= _MAX_GLUE
            and _slot(atom.kind) not in filled
            and not (atom.kind == "date" and "wd" in filled and "date" in filled)
            and _GLUE.match(masked[cur.end : atom.start]) is not None
        )
        if atom.kind == "pod" and not joinable:
            continue
        if atom.kind == "zone" and not (joinable and cur is not None and "time" in filled):
            if joinable and cur is not None and "time" not in filled and "zone" not in filled:
                # "(PST) on Monday" is rare; a zone before a time ("PT 10am") is not
                loose_zones.append(atom.data)
                continue
            loose_zones.append(atom.data)
            continue
        if joinable and cur is not None:
            _merge(cur, atom)
            filled.add(_slot(atom.kind))
            continue
        if cur is not None:
            mentions.append(cur)
        cur = replace(atom.data, kinds=set(atom.data.kinds))
        filled = {_slot(atom.kind)}
    if cur is not None:
        mentions.append(cur)
    return [m for m in mentions if _meaningful(m)], loose_zones


def _meaningful(p: Parsed) -> bool:
    if p.kinds <= {"wd", "pod"} and p.weak_weekday:
        return False
    if "bare_ordinal" in p.kinds and not p.kinds & {"wd", "time", "rel"}:
        return False
    return bool(p.kinds & {"date", "wd", "rel", "time"})


# ---------------------------------------------------------------- resolution


def dayfirst_for(ref: datetime) -> bool:
    """Numeric dates read day-first when the Date header's offset is east of Greenwich.

    +0000 says little (US ATS servers send in UTC), so it keeps month-first.
    """
    off = ref.utcoffset()
    return off is not None and off > timedelta(0)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _pick_year(m: int, d: int, wd: int | None, today: date) -> date | None:
    first: date | None = None
    if wd is not None:
        # "Sunday, Feb 10" written on Feb 12 is two days ago, not a Sunday years away
        for y in (today.year, today.year - 1):
            c = _safe_date(y, m, d)
            if c is not None and c.weekday() == wd and timedelta(0) < today - c <= timedelta(days=14):
                return c
    for y in range(today.year, today.year + 12):
        c = _safe_date(y, m, d)
        if c is None or c < today:
            continue
        if first is None:
            first = c
            if wd is None:
                return c
        if wd is not None and c.weekday() == wd:
            return c
        if first is not None and c.year > first.year:
            break  # the weekday decides between two neighbouring years, not across a decade
    return first


def _day_only(d: int, wd: int | None, today: date) -> date | None:
    y, m = today.year, today.month
    first: date | None = None
    for _ in range(15):
        c = _safe_date(y, m, d)
        if c is not None and c >= today:
            if wd is None or c.weekday() == wd:
                return c
            first = first or c
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return first


def _weekday_date(p: Parsed, today: date) -> date:
    wd = p.weekday if p.weekday is not None else today.weekday()
    ahead = (wd - today.weekday()) % 7
    mod = p.weekday_mod
    if p.week_offset or mod == "thisweek":
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(days=7 * p.week_offset + wd)
    if mod in ("last", "past", "previous"):
        return today - timedelta(days=(today.weekday() - wd) % 7 or 7)
    if mod in ("this", "coming", "upcoming"):
        return today + timedelta(days=ahead)
    return today + timedelta(days=ahead or 7)


def resolve_date(p: Parsed, today: date, dayfirst: bool) -> date | None:
    wd = p.weekday
    if p.rel_days is not None and p.month is None and p.numeric is None and p.day is None:
        base = today + timedelta(days=p.rel_days)
        if p.shift is not None:
            base = _add_months(base, p.shift_months) + timedelta(days=p.shift.days)
        return base
    if p.numeric is not None:
        a, b = p.numeric
        orders = [(b, a), (a, b)] if dayfirst else [(a, b), (b, a)]
        orders = [(mo, d) for mo, d in orders if 1 <= mo <= 12]
        if not orders:
            return None
        if wd is not None and len(orders) == 2:
            # the weekday written beside "12/3" tells the order
            for mo, d in orders:
                c = _pick_year(mo, d, None, today) if p.year is None else _safe_date(p.year, mo, d)
                if c is not None and c.weekday() == wd:
                    return c
        mo, d = orders[0]
        if p.year is not None:
            return _safe_date(p.year, mo, d)
        return _pick_year(mo, d, wd, today)
    if p.month is not None and p.day is not None:
        if p.year is not None:
            return _safe_date(p.year, p.month, p.day)
        return _pick_year(p.month, p.day, wd, today)
    if p.day is not None:
        return _day_only(p.day, wd, today)
    if wd is not None:
        return _weekday_date(p, today)
    return None


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        c = _safe_date(year, month, day)
        if c is not None:
            return c
    return d


_POD_HOUR = {"morning": 8, "afternoon": 12, "evening": 18, "night": 20}


def _to24(h: int, ap: str | None) -> int:
    if ap == "a":
        return 0 if h == 12 else h
    if ap == "p":
        return h if h == 12 else h + 12
    return h


def clock(p: Parsed) -> tuple[time, time | None] | None:
    """Start and end wall-clock times, am/pm settled across the range."""
    if p.hour is None:
        return None
    ap, end_ap = p.meridiem, p.end_meridiem
    if p.end_hour is not None and ap is None and end_ap is not None and p.hour <= 12:
        ap = end_ap
        if _to24(p.hour, ap) > _to24(p.end_hour, end_ap):
            ap = "a" if end_ap == "p" else "p"  # "11-1pm"
    h = _to24(p.hour, ap)
    if ap is None and not p.clock24 and h <= 12:
        if p.pod in ("afternoon", "evening", "night") and h < 12:
            h += 12
        elif p.pod is None and 1 <= h <= 6:
            h += 12  # nobody schedules a call at 3 in the morning
    start = time(h, p.minute)
    if p.end_hour is None:
        return start, None
    eh = _to24(p.end_hour, end_ap)
    if end_ap is None and eh < 12 and not p.clock24 and (eh * 60 + p.end_minute) <= h * 60 + p.minute:
        eh += 12
    return start, time(eh % 24, p.end_minute)


def _aware(d: date, t: time, tz: tzinfo) -> datetime:
    # a wall time inside a DST gap becomes the instant the clock would show after the jump
    return datetime.combine(d, t, tzinfo=tz).astimezone(UTC).astimezone(tz)


def to_mention(
    p: Parsed,
    ref: datetime,
    *,
    dayfirst: bool | None = None,
    text: str = "",
    fallback_date: Parsed | None = None,
    fallback_zone: Zone | None = None,
) -> TimeMention | None:
    """Resolve ``p`` against ``ref``; ``fallback_*`` supply a date or zone said elsewhere."""
    today = ref.date()
    if dayfirst is None:
        dayfirst = dayfirst_for(ref)
    has_date = p.has_date
    source = p if has_date else fallback_date
    day: date | None
    if source is not None:
        day = resolve_date(source, today, dayfirst)
        if day is None:
            return None
    else:
        day = today
    zone = p.zone or fallback_zone
    tz = zone.tz if zone else ref.tzinfo or UTC
    clk = clock(p)
    if clk is None:
        grain: Grain = "day"
        if p.shift is not None and source is p:
            # "in 3 hours" and "2 days ago" keep the reference clock
            start = ref.astimezone(tz) + p.shift
            start = _aware(_add_months(start.date(), p.shift_months), start.timetz().replace(tzinfo=None), tz)
            grain = "minute"
        elif p.pod is not None:
            start = _aware(day, time(_POD_HOUR[p.pod]), tz)
            grain = "hour"
        else:
            start = datetime.combine(day, time(0), tzinfo=tz)
        span = (p.start, p.end)
        return TimeMention(start, None, grain, span, _zone_name(p, zone), False, True, text[p.start : p.end])
    t0, t1 = clk
    start = _aware(day, t0, tz)
    if source is None and start < ref.astimezone(tz) and p.rel_days is None:
        start = _aware(day + timedelta(days=1), t0, tz)
    end = None
    if t1 is not None:
        end = _aware(start.date(), t1, tz)
        if end <= start:
            end = _aware(start.date() + timedelta(days=1), t1, tz)
    grain = "minute" if p.minute or (p.end_hour is not None and p.end_minute) else "hour"
    return TimeMention(
        start, end, grain, (p.start, p.end), _zone_name(p, zone), True, source is not None, text[p.start : p.end]
    )


def _zone_name(p: Parsed, zone: Zone | None) -> str | None:
    if zone is None:
        return None
    return zone.key or p.zone_text


def resolve(text: str, ref: datetime) -> list[TimeMention]:
    """Every date/time expression in ``text``, in order, resolved against the aware ``ref``."""
    if ref.tzinfo is None:
        ref = ref.replace(tzinfo=UTC)
    found, _ = scan(text)
    out = []
    for p in found:
        m = to_mention(p, ref, text=text)
        if m is not None:
            out.append(m)
    return out


def durations(text: str) -> list[tuple[int, int, timedelta]]:
    """Stated durations ("45 minutes", "a 30-minute call", "1 hour") with their spans."""
    out = []
    for m in _DURATION.finditer(_mask(text)):
        raw = m.group("num").lower()
        if raw.startswith("half"):
            n = 0.5
        elif "and a half" in raw:
            n = 1.5
        elif raw in _NUM_WORDS:
            n = float(_NUM_WORDS[raw])
        else:
            n = float(raw)
        unit = m.group("unit").lower()
        minutes = n * 60 if unit.startswith("h") else n
        if m.group("num2"):
            minutes += int(m.group("num2"))
        if 0 < minutes <= 12 * 60:
            out.append((m.start(), m.end(), timedelta(minutes=round(minutes))))
    return out
