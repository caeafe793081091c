"""Interview time inference: which of the times in a message is the interview.

Evidence in order: the message's calendar data, then its new text (quotes and the
signature are never read), then its subject. The text engine lives in
:mod:`daemon.understand.timeparse`; this module decides what each mention *is* (the new time,
the old time, a deadline, one of several proposed slots) from the words around it.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

from daemon.budget import checkpoint
from daemon.model import SCHEDULING, Address, CalendarEvent, Category, InterviewTime, Mail, TimeSource
from daemon.understand import lexicon, patterns
from daemon.understand.timeparse import (
    Parsed,
    TimeMention,
    dayfirst_by_language,
    dayfirst_for,
    durations,
    resolve,
    resolve_date,
    scan,
    to_mention,
)
from daemon.understand.zones import Zone, iana

__all__ = ["TimeMention", "infer_interview", "resolve", "return_date"]

#: words that make a date something other than the interview
_NOT_INTERVIEW = patterns.compile(
    r"""\b(?:deadline|expir\w*|due\b(?!\s+to\b)|submit\w*|complete\s+(?:the|your|this)\b|sign(?:ed|ing)?\b(?![\s-]+in\b|\s*$)
    |start\s+date|first\s+day|decision|availability|windows?\b|week\s+of|out\s+of\s+(?:the\s+)?office
    |(?<!you\s)(?<!them\s)back\s+(?:on|in)\b(?!\s+for\b)|returning|holiday|webinar|delivery|deliver\w*|no\s+longer|by\s+end\s+of
    |meet[\s-]and[\s-]greet|social\s+hour|(?:fellows'?|pre-interview|welcome)\s+dinner
    |\b(?:send|return|share|upload|hand\s+in)\b[^!?]{0,80}\bby\b
    |closes?\b|closing|respond\s+by|reply\s+by|let\s+me\s+know\s+by|offer)""",
    re.IGNORECASE | re.VERBOSE,
)
#: words just before a mention that make it the time being replaced
_OLD = patterns.compile(
    r"""(?:\b(?:from|previous(?:ly)?|original(?:ly)?|old|was|were|instead\s+of|rather\s+than|no\s+longer)\b[^\n]{0,40}
    |\b(?:move|moving|reschedule|rescheduling|push|shift|cancel)\s+(?:our|your|the|my|this|that)?\s*
        (?:\w+\s+)?)$""",
    re.IGNORECASE | re.VERBOSE,
)
#: a change of day told as "moved from <old> to <new>"
_MOVED_FROM = patterns.compile(
    r"\b(?:moves?|moved|moving|shift(?:s|ed|ing)?|push(?:es|ed|ing)?|chang(?:es|ed|ing)|reschedul\w*|brought|bring)"
    r"\s+(?:\w+\s+){0,6}?from\s+$",
    re.IGNORECASE,
)
_NEW = patterns.compile(
    r"\b(?:new(?:\s+time)?|moved?\s+(?:it\s+|this\s+|(?:your|our|the)\s+(?:[\w-]+\s+){0,3}?)?to|"
    r"reschedul\w*\s+(?:it\s+)?(?:to|for)|now|updated|instead)\b",
    re.IGNORECASE,
)
_SLOT_CUE = patterns.compile(
    r"""\b(?:any\s+of\s+(?:these|the\s+following|those)|following\s+(?:slots|times|options|dates)|which\s+of
    |options?\b|slots?\b|do\s+any|work\s+for\s+you|works?\s+best|suits?\s+you|preferred|proposed|either)""",
    re.IGNORECASE | re.VERBOSE,
)
_DURATION_BAD_AFTER = patterns.compile(
    r"^\s*(?:before|early|earlier|prior|ahead|beforehand|in\s+advance|late|after|ago|of\s+(?!the\s+interview)"
    r"|on\s+(?!the\s+(?:call|phone)|(?:my|our|your)\s+calendar)|for\s+(?:your\s+)?questions|presenting|buffer|break)",
    re.IGNORECASE,
)
_DURATION_GOOD_BEFORE = patterns.compile(
    r"(?:duration|lasts?|last\s+approximately|blocked|session\s+is|will\s+be|approx\.?|approximately|about|is|for"
    r"|plan\s+for|a|same|still|quick)\W*$",
    re.IGNORECASE,
)
_CLAUSE_END = patterns.compile(r"[.!?]\s|\n\s*\n|\n\s*[-•*]")
#: what is sent to the candidate ahead of a case round, whose time is not the meeting's
_MATERIALS = patterns.compile(
    r"\b(?:(?:case|briefing|interview|pre-read)\s+)?(?:materials?|data\s+pack|case\s+pack|case\s+brief|pre-?reads?)\b"
    r"[^.!?\n]{0,80}\b(?:receive|go(?:es)?\s+out|be\s+sent|sent|released?|arrive|email(?:ed)?)\b|"
    r"\b(?:receive|be\s+sent)\s+(?:a|the|your)\s+(?:\w+\s+){0,2}?(?:materials?|data\s+pack|case\s+pack|case\s+brief)\b",
    re.IGNORECASE,
)
#: an itinerary's travel line
_TRAVEL = patterns.compile(
    r"\b(?:depart(?:s|ing)?|boarding|layover|take-?off|(?:flight|train)\s+(?:leaves|departs))\b", re.IGNORECASE
)
#: a shift's hours right after it: "on 2nd shift (2:30p-11p)", "night shift: 10pm-6am"
_SHIFT_BEFORE = patterns.compile(
    r"\b(?:1st|2nd|3rd|first|second|third|night|day|evening|morning|overnight|weekend|swing|early|late)\s+"
    r"shifts?\s*[(:,–-]?\s*$",
    re.IGNORECASE,
)
#: a time the traveller keeps, not the interview's: "the 7.00am flight", "the 2.30pm train home"
#: a journey's time said before the clock: "you'll land at 8:25 a.m. local time"
_TRAVEL_BEFORE = patterns.compile(r"\b(?:land(?:s|ing)?|touch(?:es|ing)?\s+down)\s+(?:at|around|by)\s*$", re.IGNORECASE)
_TRAVEL_AFTER = patterns.compile(r"\s*(?:flights?|train|ferry|coach|shuttle|bus)\b", re.IGNORECASE)
#: talk of the clocks changing: its dates and converted hours are not the meeting's ("NZ starts
#: daylight saving this Sunday (the 28th)", "the US moved its clocks, but we change on April 5")
_CLOCK_CHANGE = patterns.compile(
    r"\b(?:daylight[\s-]+sav\w*|summer\s*time|winter\s*time|dst"
    r"|clocks?\s+(?:go|goes|went|gone|change[sd]?|changing|move[sd]?|moving|spring|fall|roll)"
    r"|(?:moved?|moving|changed?|changing|set|turn(?:ed)?|put)\s+(?:its|their|our|the|your)\s+clocks?"
    # French, Spanish, German, Italian, Dutch
    r"|heure\s+d['’](?:hiver|été|ete)|changement\s+d['’]heure|horario\s+de\s+(?:verano|invierno)|cambio\s+de\s+hora"
    r"|zeitumstellung|sommerzeit|winterzeit|ora\s+(?:legale|solare)|cambio\s+dell['’]ora|zomertijd|wintertijd)\b",
    re.IGNORECASE,
)
#: a zone named for the restated times only: "with Pacific in brackets for reference"
_FOR_REFERENCE = patterns.compile(
    r"\s*(?:time\s+)?(?:(?:shown\s+|given\s+)?in\s+(?:brackets|parenthes[ie]s)|for\s+reference)\b", re.IGNORECASE
)
#: a deadline's "by" right before the day
_DUE_BEFORE = patterns.compile(
    # ("come by tomorrow at 17:00" is a visit, not a deadline)
    r"(?<!come )(?<!stop )(?<!drop )(?<!swing )(?<!pop )\b(?:by|no\s+later\s+than|not\s+later\s+than)\s*$",
    re.IGNORECASE,
)
#: a date that names when a message was sent ("This replaces the schedule sent on September 19"):
#: no day of the meeting
_SENT_ON = patterns.compile(r"\b(?:sent|dated|written|received|emailed)\s+(?:on\s+)?\Z", re.IGNORECASE)
#: a bound, not a time: "Afternoons after 1:00 are best", "any time before noon"
_BOUND_BEFORE = patterns.compile(
    r"\b(?:after|before|no later than|no earlier than|not before|not after|until|till|bis|"
    # the end of the day, not its start: "start at 1:00 PM Central and wrap up by 4:00 PM"
    r"(?:wrap(?:s|ping)?(?:\s+up)?|finish(?:es|ing)?|end(?:s|ing)?|conclud(?:e|es|ing)|be\s+done|done)\s+(?:by|at|around)|"
    # a labelled end of the day: "Finish: 14:30", "End of day : 5:00 PM", "Close: 16:00" (an
    # "End Time:" is paired with its "Start Time:" elsewhere)
    r"(?:finish(?:es)?|close|closing|end\s+of\s+(?:the\s+)?day)\s*:)\s*$",
    re.IGNORECASE,
)
#: a time converted for the reader: "9:00-11:00 AM your time", "(7:00 for you)"
#: the reader's clock named in English: "your time", "your local clock", "for you", "your end"
_READERS_CLOCK = r"your\s+(?:local\s+)?(?:time|clock)|for\s+you\b|your\s+end\b"
_YOUR_TIME = patterns.compile(
    rf"\s*\)?\s*(?:in\s+|on\s+)?(?:{_READERS_CLOCK}|chez\s+vous\b|pour\s+vous\b|de\s+votre\s+c[ôo]t[ée]\b)",
    re.IGNORECASE,
)
#: a time restated on another clock right after the first: "à 10 h (HAE), soit 14 h à Dakar"
_RESTATED_BEFORE = patterns.compile(r"(?:\bsoit|\bc['’]est-à-dire|\bi\.e\.)\s*,?\s*$", re.IGNORECASE)
#: what introduces a restatement even when it comes first: "All times ET - that's 9am to noon for you:"
_THATS_BEFORE = patterns.compile(r"\b(?:that['’]s|that\s+is|which\s+is|i\.e\.)\s*,?\s*$", re.IGNORECASE)
#: between a time on the reader's clock and the same time on the writer's, which names its zone:
#: "2:30 your time (4:30 Central for me)", "9am for you / 11am CT"
_YOURS_THEN_ZONED = patterns.compile(
    rf"\s*\)?\s*(?:in\s+|on\s+)?(?:{_READERS_CLOCK})\s*"
    r"[(/,;–—-]?\s*(?:(?:which\s+is|that['’]s|i\.e\.,?|or)\s+)?\Z",
    re.IGNORECASE,
)
#: a zone named as the reader's, for a restated time only: "10:00 AM-1:30 PM your time in Chicago"
_READERS_ZONE_BEFORE = patterns.compile(rf"\b(?:{_READERS_CLOCK})\s*(?:\(\s*)?(?:in\s+)?\Z", re.IGNORECASE)
#: a window for a phone call, not its start: "she'll call you tomorrow between 2 and 4 EST",
#: "expect a call from the manager between 1 and 3"
_CALL_WINDOW = patterns.compile(
    r"\b(?:call|calls|calling|ring|ringing|phone|hear from)\b[^.!?\n]{0,60}?\bbetween\s+\d", re.IGNORECASE
)


@dataclass(frozen=True)
class _Candidate:
    mention: TimeMention
    old: bool
    new: bool
    own_date: bool = True  # the date is written in the mention, not borrowed from an earlier one
    arrival: bool = False  # when to arrive or check in, not when the interview starts
    pos: int = -1  # where the mention starts in its text


#: what joins a time to the same moment restated in another clock: "11:30 AM PT / 2:30 PM ET",
#: "2pm UK time (15:00 in Berlin)", "11:00 AM Central (noon our time)"
#: "4:00 PM KSA time (5:00 PM UAE)", "1:00 pm Cairo time (EEST, UTC+3) - that's 2:00 pm in Dubai"
_RESTATED = patterns.compile(
    r"""^\s*(?:time\b)?\s*(?:\([^()\n]{0,30}\)\s*)?
    # the zone spelled out in the brackets first: "1:30 PM AST (Arabia Standard Time, i.e. 2:30 PM in Dubai)"
    (?:\(\s*[^()\n]{0,40}?\btime\b\s*,?\s*(?=i\.e\.|that|which|or\b))?
    (?:[/(]|\bor\b|\bi\.e\.|\bwhich\s+is\b|[-–—]\s)\s*
    (?:(?:that['’]s|that\s+is|i\.e\.,?|which\s+is|or)\s+)?(?:\bat\b\s*)?$""",
    re.IGNORECASE | re.VERBOSE,
)
#: what before a time makes it the arrival, not the interview: "please arrive at 8.45",
#: "check-in 8:45", "be at reception by 9:15"
_ARRIVAL_BEFORE = patterns.compile(
    r"""\b(?:arriv\w*|check[\s-]?in|sign[\s-]?in|registration|doors\s+open|reporting(?:\s+time)?|report\s+(?:by|at|before)|report\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:reception|front\s+desk|lobby|main\s+office)
    |be\s+(?:there|here|on\s+site|onsite|at\s+(?:the\s+)?(?:reception|front\s+desk|lobby)))\b[^\n]{0,30}$""",
    re.IGNORECASE | re.VERBOSE,
)
#: the same in the other languages' words ("vous présenter à l'accueil vers 8 h 45")
_ARRIVAL_BEFORE_LEX = patterns.compile(rf"{lexicon.pattern('arrival')}[^\n]{{0,30}}$", re.IGNORECASE)
#: an agenda line whose label says it is the arrival: "08:45  Arrival and check-in"; a welcome
#: session ("10:00 - 10:45 Welcome & team intro") is part of the block and stays
_ARRIVAL_AFTER = patterns.compile(
    r"[\s\-–—:|.)]*(?:arrival|arrive|check[\s-]?in|registration|sign[\s-]?in)\b", re.IGNORECASE
)
#: a header line of a forwarded or quoted message ("Date: Fri, Sep 5, 2025 at 5:44 PM")
_HEADER_LINE = patterns.compile(
    r"[\s>]*(?:date|sent|gesendet|envoyé|datum|wysłano|skickat|sendt|inviato)\s*:", re.IGNORECASE
)
_HEADER_NEAR = patterns.compile(
    r"^[\s>]*(?:from|to|subject|cc|von|an|betreff|objet|od|do|temat|da|oggetto)\s*:", re.IGNORECASE | re.MULTILINE
)


def _header_timestamp(text: str, p: Parsed) -> bool:
    """A mention on the Date:/Sent: line of a message header block: when a mail was sent."""
    line_start = text.rfind("\n", 0, p.start) + 1
    if not _HEADER_LINE.match(text, line_start):
        return False
    # a header block's lines stand together: the line before or after is From:/To:/Subject:
    prev_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    line_end = text.find("\n", p.start)
    nxt = line_end + 1 if line_end >= 0 else len(text)
    nxt_end = text.find("\n", nxt)
    around = text[prev_start:line_start] + "\n" + text[nxt : nxt_end if nxt_end >= 0 else len(text)]
    return _HEADER_NEAR.search(around) is not None


#: a chat transcript's line stamp pasted into mail: "[13/05/26, 18:02] Camila (RH): …" (WhatsApp on
#: a phone) or "13/05/26, 18:02 - Camila: …" (an exported chat); what follows is who spoke
_CHAT_BRACKET = patterns.compile(r"[ \t>]*\[([^\]\n]{1,40})\][ \t]*[^\s:\[\]][^:\n]{0,60}:")
_CHAT_DASH = patterns.compile(r"[ \t]+[-–][ \t]+[^\W\d][^:\n\d]{0,60}:")


def _chat_timestamp(text: str, p: Parsed) -> bool:
    """A mention that is a chat line's stamp: when a message was sent, not a meeting."""
    line_start = text.rfind("\n", 0, p.end) + 1  # a weekday on the line before may lead the mention
    m = _CHAT_BRACKET.match(text, line_start)
    if m is not None:
        return m.start(1) < p.end <= m.end(1)
    if text[line_start : p.start].strip():
        return False
    return bool(p.numeric) and _CHAT_DASH.match(text, p.end) is not None


def _clause_before(text: str, pos: int) -> str:
    window = text[max(0, pos - 120) : pos]
    ends = list(_CLAUSE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def _line(text: str, start: int, end: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a : b if b >= 0 else len(text)]


def _dayfirst(found: list[Parsed], ref: datetime, text: str = "") -> bool:
    """How numeric dates read: as a date with a day over 12 says, else day first when the Date
    header's offset is east of Greenwich or the text's language writes the day first."""
    for p in found:
        if p.numeric:
            if p.numeric[0] > 12 >= p.numeric[1]:
                return True
            if p.numeric[1] > 12 >= p.numeric[0]:
                return False
    return dayfirst_for(ref) or dayfirst_by_language(text)


#: a place one travels from or to: "flight back from São Paulo", "relocating to Berlin"
_JOURNEY_BEFORE = patterns.compile(
    r"\b(?:from|into|via|visit(?:ing)?|trip\s+to|fly(?:ing)?\s+(?:in\s+|out\s+)?(?:to|from)|relocat\w+\s+to|"
    r"mov(?:e|ing)\s+to|back\s+to)\s+$",
    re.IGNORECASE,
)


def _strong_zone(z: Parsed, text: str) -> bool:
    if "abbr" not in z.kinds:
        # a city said as a place on a journey names no clock
        return _JOURNEY_BEFORE.search(text, max(0, z.start - 30), z.start) is None
    return re.search(r"\btimes?\b|\bzone\b", _line(text, z.start, z.end), re.IGNORECASE) is not None


#: a line that says which clock every time in the message is on: "All times are Dubai time.",
#: "(all times Central)", "Times shown in CET", "Time zone: Africa/Lagos", "The times she gives
#: are Vancouver time"
_DECLARES = patterns.compile(
    r"\b(?:all\s+(?:the\s+)?times?|times?\s+(?:(?:she|he|they|we|I)\s+(?:gives?|gave|lists?|listed|quotes?|"
    r"quoted|proposes?|proposed|mentions?|mentioned|sent|suggests?|suggested)\s+)?"
    r"(?:are|is|shown|listed|given|quoted|above|below)|time\s*zone\s*:)",
    re.IGNORECASE,
)


def _declared_zone(strong: list[Parsed], text: str) -> Zone | None:
    """The one zone the message declares for all its times, however far from them; None when
    no line declares one or declaring lines disagree."""
    found: set[Zone] = set()
    for z in strong:
        if z.zone is None:
            continue
        line_start = text.rfind("\n", 0, z.start) + 1
        if _DECLARES.search(text, max(line_start, z.start - 40), z.start):
            found.add(z.zone)  # "The times she gives are Vancouver time (..., not here in Toronto)"
        elif _DECLARES.search(line := _line(text, z.start, z.end)):
            # elsewhere on the line, only as its one zone: "Dubai time for all times below"
            if sum(1 for o in strong if o.zone is not None and _line(text, o.start, o.end) == line) == 1:
                found.add(z.zone)
    return found.pop() if len(found) == 1 else None


def _nearest_zone(p: Parsed, strong: list[Parsed]) -> Zone | None:
    """The zone stated nearest ``p`` (before it within 400 characters, after it within 120);
    ``strong`` are the loose zones that may govern a time, in text order."""
    best: tuple[int, Zone] | None = None
    for z in strong:
        assert z.zone is not None
        if z.end <= p.start:
            dist = p.start - z.end
            if dist > 400:
                continue
        elif z.start >= p.end:
            dist = z.start - p.end
            if dist > 120:
                continue
            dist += 1  # a zone stated before the times governs them more often than one after
        else:
            continue
        if best is None or dist < best[0]:
            best = (dist, z.zone)
    return best[1] if best else None


class _DatesBefore:
    """The date stated last before a time (within 400 characters), by a sorted lookup: one
    rescan of every earlier mention per time was quadratic in the mentions.

    A date said alone dates any later time; a date heading an agenda, whose first line carries
    the first time ("Thursday 17 July:\n  09:00 Design\n  10:00 Coding"), dates the later
    times that open their own lines (the agenda's rows), not a conversion said in passing."""

    def __init__(self, found: list[Parsed], extra: list[Parsed], text: str = "") -> None:
        self.found = found
        self.text = text
        self.starts = [q.start for q in found]
        dated = [q for q in extra if q.has_date and not q.has_time]
        self.fallback = dated[0] if dated else None
        # index in found -> the last date-only mention (and the last agenda heading) at or before it
        self.last_dated: list[int] = []
        self.last_heading: list[int] = []
        last = heading = -1
        for i, q in enumerate(found):
            # "sent on September 19" names a message's day; "half an hour earlier" shifts the meeting
            if (
                q.has_date
                and not q.has_time
                and q.shift is None
                and not (text and _SENT_ON.search(text, max(0, q.start - 30), q.start))
                and not (text and _CLOCK_CHANGE.search(_clause_before(text, q.start)))
            ):
                last = i
            elif self._heading(q):
                heading = i
            self.last_dated.append(last)
            self.last_heading.append(heading)
        # mentions never overlap, so in text order their ends rise too: the last date-only
        # mention before a time is the nearest one. Checked, not assumed.
        self.ordered = all(a.start <= b.start and a.end <= b.end for a, b in pairwise(found))

    def _heading(self, q: Parsed) -> bool:
        return q.has_date and q.has_time and "\n" in self.text[q.start : q.end]

    def _row(self, p: Parsed) -> bool:
        """``p`` opens its line (after a bullet at most): an agenda row."""
        return not self.text[self.text.rfind("\n", 0, p.start) + 1 : p.start].strip(" \t-•*>|")

    def nearest(self, p: Parsed) -> Parsed | None:
        if not self.ordered:
            return self._scan(p)
        k = bisect_left(self.starts, p.start)  # the mentions read before the time
        j = self.last_dated[k - 1] if k > 0 else -1
        if k > 0 and self.text and self._row(p):
            j = max(j, self.last_heading[k - 1])
        if j >= 0 and p.start - self.found[j].end <= 400:
            return self.found[j]
        return self.fallback

    def _scan(self, p: Parsed) -> Parsed | None:
        best: Parsed | None = None
        row = bool(self.text) and self._row(p)
        for q in self.found:
            if q.start >= p.start:
                break
            if ((q.has_date and not q.has_time) or (row and self._heading(q))) and p.start - q.end <= 400:
                best = q
        return best if best is not None else self.fallback


def _candidates(
    text: str,
    scanned: tuple[list[Parsed], list[Parsed]],
    ref: datetime,
    category: Category,
    subject_dates: list[Parsed],
    outer_zone: Zone | None = None,
) -> list[_Candidate]:
    """The times in ``text`` that may be the interview's. ``outer_zone``: the zone a forwarding
    note declares for the forwarded message's times."""
    found, loose = scanned
    dayfirst = _dayfirst(found, ref, text)
    out: list[_Candidate] = []
    dates_before = _DatesBefore(found, subject_dates, text)
    strong = _governing_zones(loose, text)
    # "(10:00 AM-1:30 PM your time in Chicago)": the reader's clock, for the times on its line only
    readers = [z for z in loose if z.zone is not None and _readers_zone(z, text)]
    declared = _declared_zone(strong, text) or outer_zone
    prev: Parsed | None = None  # the last timed mention with its own date
    zoned: Parsed | None = None  # the last timed mention with its own zone, not a restatement
    yours: list[_Candidate] = []  # times restated "your time"
    restating: set[int] = set()  # where those of them start that say they restate ("that's …")
    lent: Parsed | None = None  # the day of a time on the reader's clock, for its zoned restatement
    for i, p in enumerate(found):
        if not p.has_time:
            continue
        if i % 32 == 0:
            checkpoint()
        if _header_timestamp(text, p) or _chat_timestamp(text, p):
            continue
        if prev is not None and _restated(prev, p, text):
            continue  # the same moment on another clock: the first statement governs
        if p.has_date:
            prev = p
        fb_date = None if p.has_date else (lent or dates_before.nearest(p))
        lent = None
        # an agenda's rows under "Thursday 16 April, 10:00am - 12:00pm AEST" keep its clock
        heading_zone = zoned.zone if zoned is not None and p.start - zoned.end <= 400 else None
        if p.zone is not None:
            zoned = p
        if (
            fb_date is not None
            and fb_date.range_end is not None
            and _MOVED_FROM.search(text[max(0, fb_date.start - 100) : fb_date.start])
        ):
            # "moves from Tuesday 14 October to Thursday 16 October": no span of days, an old day
            # and a new one; a time said after it is on the new day
            fb_date = fb_date.range_end
        fb_zone = None
        if p.zone is None:
            fb_zone = _zone_on_line(p, readers, text) or _nearest_zone(p, strong) or declared or heading_zone
        m = to_mention(p, ref, dayfirst=dayfirst, text=text, fallback_date=fb_date, fallback_zone=fb_zone)
        if m is None:
            continue
        if m.end is not None and (
            _MOVED_FROM.search(text[max(0, p.start - 100) : p.start])
            or (
                text[p.start : p.start + 5].lower() == "from "
                and _MOVED_FROM.search(text[max(0, p.start - 100) : p.start + 5])
            )
        ):
            # "I pushed our chat from 4 to 6pm today": an old hour and a new one, not a span
            m = dataclasses.replace(m, start=m.end, end=None)
            moved = True
        else:
            moved = False
        before = _clause_before(text, p.start)
        if m.end is not None and _CALL_WINDOW.search(before + text[p.start : p.end]):
            continue
        if _BOUND_BEFORE.search(before) and not p.has_date:
            continue  # "afternoons after 1:00 are best": a bound on the times asked for
        if _DUE_BEFORE.search(before):
            continue  # "send your plan to me by Sunday, 14 September, 23:59": a deadline
        line = _line(text, p.start, p.end)
        context = before + text[p.start : p.end] + text[p.end : p.end + 40].split("\n")[0]
        old = bool(_OLD.search(before)) or bool(re.match(r"\s*(?:previous|old|original)", line, re.I))
        if moved:
            old = False  # "move your interview from 1:00 PM to 2:30 PM": what is left is the new hour
        new = bool(_NEW.search(before)) or bool(re.match(r"\s*new\b", line, re.I))
        if category == Category.CANCELLATION:
            old = False
        if _NOT_INTERVIEW.search(context) and not new:
            continue
        journey = p.has_time and (_TRAVEL_AFTER.match(text, p.end) or _TRAVEL_BEFORE.search(before))
        if _TRAVEL.search(line) or journey:
            continue  # "6:40 PM ET   Depart ATL", "the 7.00am flight": the journey, not the interview
        if _CLOCK_CHANGE.search(before):
            continue  # "NZ starts daylight saving this Sunday (the 28th), so 4 PM our time will be..."
        if _SHIFT_BEFORE.search(before):
            continue  # "a Forklift Lead on 2nd shift (2:30p-11p, $22.50/hr)": the job's hours
        if _MATERIALS.search(before):
            continue  # "the case materials will now go out on Wednesday at 9:00": sent, not met
        arrival = _arrival(text, p, found[i - 1].end if i else 0)
        if _YOUR_TIME.match(text, p.end) or _RESTATED_BEFORE.search(before):
            if p.zone is None and _zoned_restatement_follows(found, i, text):
                # "Wednesday at 2:30 your time (4:30 Central for me)": the zoned one says the
                # moment, on this one's day
                lent = p if p.has_date else fb_date
                continue
            if _THATS_BEFORE.search(before):
                restating.add(p.start)
            yours.append(_Candidate(m, old, new, _calendar_day(p) or p.weekday is not None, arrival, p.start))
            continue
        out.append(_Candidate(m, old, new, _calendar_day(p) or p.weekday is not None, arrival, p.start))
    # "that's 9:00-11:00 AM your time" after the schedule: restated on the reader's clock; said
    # first ("Monday at 2 pm your time (Central)? that's 3 pm for me") it is the statement,
    # unless it says it restates ("All times ET - that's 9am to noon for you:" above the rows)
    first = min((c.pos for c in out), default=len(text))
    kept = [c for c in yours if c.pos < first and not (out and c.pos in restating)]
    return sorted(out + kept, key=lambda c: c.pos)


def _readers_zone(z: Parsed, text: str) -> bool:
    return _READERS_ZONE_BEFORE.search(text, max(0, z.start - 30), z.start) is not None


def _governing_zones(loose: list[Parsed], text: str) -> list[Parsed]:
    """The zones standing alone in ``text`` that may govern the times near them."""
    return [
        z
        for z in loose
        if z.zone is not None
        and _strong_zone(z, text)
        and not _FOR_REFERENCE.match(text, z.end)
        and not _readers_zone(z, text)
        # "NSW daylight saving starts this Sunday, so Sydney will be an hour ahead of Brisbane":
        # the clock compared with names no time's
        and not (
            _COMPARED_BEFORE.search(text, max(0, z.start - 20), z.start)
            and _CLOCK_CHANGE.search(text, max(0, z.start - 150), z.start)
        )
    ]


def _zone_on_line(p: Parsed, zones: list[Parsed], text: str) -> Zone | None:
    """The nearest of ``zones`` on ``p``'s own line."""
    start, end = text.rfind("\n", 0, p.start) + 1, text.find("\n", p.end)
    end = len(text) if end < 0 else end
    near = [z for z in zones if start <= z.start and z.end <= end]
    best = min(near, key=lambda z: abs(z.start - p.end), default=None)
    return None if best is None else best.zone


def _zoned_restatement_follows(found: list[Parsed], i: int, text: str) -> bool:
    """Is the mention after ``found[i]`` the same time on another clock that names its zone?"""
    if i + 1 >= len(found):
        return False
    p, q = found[i], found[i + 1]
    return (
        q.has_time
        and q.zone is not None
        and not _calendar_day(q)
        and q.start - p.end <= 40
        and _YOURS_THEN_ZONED.match(text[p.end : q.start]) is not None
    )


def _name_words(a: Address) -> tuple[str, ...]:
    """The words of a recipient's name ("Aditi Raghavan"), or of its mailbox ("mohit.jain19");
    () unless there are two or more, since a first name alone names too many."""
    name = a.name or re.sub(r"\d+", " ", a.addr.partition("@")[0].replace(".", " ").replace("_", " "))
    words = tuple(w.lower() for w in re.findall(r"[^\W\d_]+", name))
    return words if len(words) >= 2 else ()


def _names_on(line: str, words: tuple[str, ...]) -> bool:
    have = {w.lower() for w in re.findall(r"[^\W\d_]+", line)}
    return bool(words) and all(w in have for w in words)


def _own_row(cands: list[_Candidate], text: str, mail: Mail, user_addresses: frozenset[str]) -> list[_Candidate]:
    """A roster: a table of several recipients' slots, one row each ("2  Aditi Raghavan  B  11:30").
    The reader's row is theirs: the To/Cc recipient among ``user_addresses``, else the first To.
    When no row names the reader, no time in the message is known to be theirs."""
    people = [a for a in (*mail.to, *mail.cc) if _name_words(a)]
    if len(people) < 2 or len(cands) < 2:
        return cands
    lines: dict[int, list[_Candidate]] = {}
    for c in cands:
        if c.pos >= 0:
            lines.setdefault(text.rfind("\n", 0, c.pos) + 1, []).append(c)
    named: dict[int, set[str]] = {}
    for at in lines:
        line = _line(text, at, at)
        who = {a.addr for a in people if _names_on(line, _name_words(a))}
        if len(who) == 1:
            named[at] = who
    if len({next(iter(w)) for w in named.values()}) < 2:
        return cands  # not a roster: at most one person's row
    mine = [a.addr for a in (*mail.to, *mail.cc) if a.addr in user_addresses] or [mail.to[0].addr]
    own = [c for at, who in named.items() if who & set(mine) for c in lines[at]]
    return own


def _restated(prev: Parsed, p: Parsed, text: str) -> bool:
    """Is ``p`` the time ``prev`` states, restated on another clock? Either it has no date of its
    own, or only a weekday and a zone other than the first's ("1pm NZST (that's 2am on the
    Tuesday morning UK time)")."""
    if not _RESTATED.match(text[prev.end : p.start]):
        return False
    if not p.has_date:
        return True
    return not _calendar_day(p) and p.zone is not None and prev.zone is not None and p.zone != prev.zone


_COMPARED_BEFORE = patterns.compile(r"\b(?:ahead\s+of|behind|than)\s+$", re.IGNORECASE)
_INTERVIEW_ON_LINE = patterns.compile(r"\binterview", re.IGNORECASE)


def _arrival(text: str, p: Parsed, since: int) -> bool:
    """The time to arrive or check in: said after an arrival cue (in the words since the mention
    before), or on an agenda line labelled as the arrival or welcome."""
    before = text[max(since, p.start - 60) : p.start]
    if _ARRIVAL_BEFORE.search(before) or _ARRIVAL_BEFORE_LEX.search(before):
        return True
    if _ARRIVAL_AFTER.match(text, p.end) is None:
        return False
    # an agenda line: the time opens it (after a bullet at most) and the label follows, unless
    # the label is also the interview ("9:30am  Arrive and interview with Tom")
    if _INTERVIEW_ON_LINE.search(_line(text, p.start, p.end)):
        return False
    return not text[text.rfind("\n", 0, p.start) + 1 : p.start].strip(" \t-•*>")


def _best_duration(text: str) -> timedelta | None:
    best: tuple[int, timedelta] | None = None
    for s, e, d in durations(text):
        if _DURATION_BAD_AFTER.match(text[e : e + 30]):
            continue
        score = 1 if _DURATION_GOOD_BEFORE.search(text[max(0, s - 30) : s]) else 0
        if re.match(r"\s*(?:call|interview|chat|screen|conversation|session|meeting|format|phone)", text[e : e + 20]):
            score += 1
        if best is None or score > best[0]:
            best = (score, d)
    return best[1] if best else None


def _zone_key(m: TimeMention) -> str | None:
    return m.zone if m.zone and iana(m.zone) is not None else None


def _pick(cands: list[_Candidate], category: Category, text: str, source: TimeSource) -> InterviewTime | None:
    if not cands:
        return None
    if any(c.mention.has_date for c in cands):
        # a clock time with no date anywhere near it is weaker than one with a date
        cands = [c for c in cands if c.mention.has_date]
    if any(not c.arrival for c in cands):
        # "arrive at 8.45am for a 9.00am start": the interview starts at the session
        cands = [c for c in cands if not c.arrival]
    if category != Category.CANCELLATION and any(not c.old for c in cands):
        cands = [c for c in cands if not c.old]
    if category == Category.RESCHEDULE and any(c.new for c in cands):
        cands = [c for c in cands if c.new]
    # the same instant written twice (in two languages, or in a summary and a detail line)
    distinct: dict[datetime, _Candidate] = {}
    for c in cands:
        key = c.mention.start.astimezone(UTC)
        kept = distinct.get(key)
        if kept is None or (kept.mention.end is None and c.mention.end is not None):
            distinct[key] = c
    chosen = list(distinct.values())
    if len(chosen) > 1:
        days = {c.mention.start.date() for c in chosen}
        if len(days) > 1 and category == Category.INVITATION and _SLOT_CUE.search(text):
            slots = tuple(sorted(c.mention.start for c in chosen))
            zone = _zone_key(chosen[0].mention)
            return InterviewTime(start=None, end=None, timezone=zone, slots=slots, source=source)
        if len(days) == 1 and not _SLOT_CUE.search(text):
            # one block: an onsite agenda from the first session to the last
            first = min(chosen, key=lambda c: c.mention.start).mention
            last = max((c.mention.end or c.mention.start) for c in chosen)
            return InterviewTime(first.start, last if last > first.start else None, _zone_key(first), source=source)
        news = [c for c in chosen if c.new]
        if any(c.own_date for c in news):
            # "Now: Tuesday 7 April, 3pm" beats "the same 3pm" that borrows a date said before it
            news = [c for c in news if c.own_date]
        if news:
            pick = news[-1]
        elif category == Category.RESCHEDULE:
            pick = chosen[-1]
        else:
            pick = chosen[0]
        chosen = [pick]
    m = chosen[0].mention
    end = m.end
    if end is None:
        d = _best_duration(text)
        end = m.start + d if d else None
    return InterviewTime(m.start, end, _zone_key(m), source=source)


def _latest_events(events: tuple[CalendarEvent, ...]) -> list[CalendarEvent]:
    by_uid: dict[str, CalendarEvent] = {}
    loose: list[CalendarEvent] = []
    for ev in events:
        if ev.start is None or ev.all_day:
            continue
        if ev.uid is None:
            loose.append(ev)
            continue
        kept = by_uid.get(ev.uid)
        if kept is None or ev.sequence >= kept.sequence:
            by_uid[ev.uid] = ev
    return list(by_uid.values()) + loose


def _from_ics(mail: Mail, category: Category, text_mentions: Callable[[], list[TimeMention]]) -> InterviewTime | None:
    events = _latest_events(mail.calendars)
    cancelled = [e for e in events if e.method == "CANCEL" or e.status == "CANCELLED"]
    live = [e for e in events if e not in cancelled]
    chosen = (cancelled or live) if category == Category.CANCELLATION else live
    if not chosen:
        return None
    chosen.sort(key=lambda e: e.start or datetime.max.replace(tzinfo=UTC))
    first = chosen[0]
    assert first.start is not None
    start, end, tzkey = first.start, first.end, first.timezone
    same_day = [e for e in chosen if e.start and e.start.date() == first.start.date()]
    if len(same_day) > 1:
        end = max((e.end or e.start) for e in same_day if e.start)
    if tzkey in (None, "UTC"):
        # Google and Calendly write UTC; the text usually says the zone the employer meant
        for m in text_mentions():
            z = _zone_key(m)
            if m.has_time and z and z != "UTC" and m.start == start:
                zi = iana(z)
                if zi is not None:
                    start, tzkey = start.astimezone(zi.tz), z
                    end = end.astimezone(zi.tz) if end else None
                break
    return InterviewTime(start, end, tzkey, source="ics")


_ATTRIBUTION = patterns.compile(
    r"\b(?:wrote|schrieb|a\s+écrit|escribió|scritto|napisał(?:\(a\)|a)?|pisze)\s*:?\s*$", re.IGNORECASE
)


def _calendar_day(p: Parsed) -> bool:
    """The mention writes its day on the calendar ("3/12", "12 March"), not only a weekday."""
    return p.day is not None or p.numeric is not None or p.month is not None


#: a reply that picks a day the thread proposed, by its name alone: "Perfect - Tuesday it is"
_WEEKDAY_PICKED = patterns.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:it\s+is|works(?:\s+(?:great|well|perfectly))?|"
    r"is\s+(?:perfect|great|fine|good|confirmed))\b",
    re.IGNORECASE,
)


def _from_quote(mail: Mail, ref: datetime, new: list[Parsed], category: Category) -> InterviewTime | None:
    """The quoted time a short reply points at: "Thursday at 2 works", "Monday at 9.30 it is",
    "we have to cancel Friday's interview". The reply names the time loosely (a weekday, a
    clock); exactly one dated time in the quoted history must fit it, and that one (with its
    zone and its end or the quoted duration) is the interview. None when the reply writes a
    calendar day of its own, names nothing, or several quoted times fit."""
    if not mail.quoted or any(p.has_time and _calendar_day(p) for p in new):
        return None
    refs = [p for p in new if not _calendar_day(p) and p.rel_days is None and (p.weekday is not None or p.has_time)]
    if category != Category.CANCELLATION and not _WEEKDAY_PICKED.search(mail.text):
        refs = [p for p in refs if p.has_time]  # an invitation confirms a clock, not only a day
    if not refs:
        return None
    quoted = mail.quoted
    found, loose = scan(quoted)
    dayfirst = _dayfirst(found, ref, quoted)
    # "I'm in Phoenix (Arizona time). I could do Wed 10/22 at 2:30": the proposal's own clock
    strong = _governing_zones(loose, quoted)
    fits: dict[datetime, TimeMention] = {}
    zoned: set[datetime] = set()  # the fits whose own words name their zone
    for p in found:
        # for a cancellation ("I need to cancel Monday's intro call"), a weekday and a clock in
        # the quote ("Monday at 10 CT works") fix the time too, resolved from the reply: it names
        # that weekday, and only a time still ahead of it counts
        weekday_only = category == Category.CANCELLATION and p.weekday is not None
        if not (p.has_time and (_calendar_day(p) or weekday_only)) or _header_timestamp(quoted, p):
            continue
        if _ATTRIBUTION.search(_line(quoted, p.start, p.end)):
            continue  # "On Tue, Mar 3, 2026 at 10:14 AM Ana wrote:"
        zone = None if p.zone is not None else _nearest_zone(p, strong)
        m = to_mention(p, ref, dayfirst=dayfirst, text=quoted, fallback_zone=zone)
        if m is None or m.start < ref:
            continue
        for r in refs:
            if r.weekday is not None and m.start.weekday() != r.weekday:
                continue
            if r.hour is not None and (r.hour % 12 != m.start.hour % 12 or r.minute != m.start.minute):
                continue
            kept = fits.get(m.start.astimezone(UTC))
            if kept is None or (kept.end is None and m.end is not None):
                fits[m.start.astimezone(UTC)] = m
            if p.zone is not None:
                zoned.add(m.start.astimezone(UTC))
            break
    if len(fits) > 1 and len({m.start.replace(tzinfo=None) for m in fits.values()}) == 1:
        # one wall-clock time read on two clocks ("Tuesday 26 August at 14:00" in the list, the
        # answer's "14:00 SAST"): the one that names its zone says which
        fits = {k: m for k, m in fits.items() if k in zoned} or fits
    if len(fits) != 1:
        return None
    m = next(iter(fits.values()))
    end = m.end
    if end is None:
        d = _best_duration(quoted)
        end = m.start + d if d else None
    return InterviewTime(m.start, end, _zone_key(m), source="text")


#: a proposed slot named by its number: "option 3", "Option ③", "slot #2", "choice no. 1"
_OPTION = patterns.compile(
    r"\b(?:option|slot|choice)\s*(?:#|no\.?\s*|number\s*)?([1-9]|[①-⑨]|(?-i:[A-H]))(?![\w/]|[.:]\d)", re.IGNORECASE
)
#: the same number as a list item's label at the start of a line: "③ 6/30 (Tue)", "3) Tue 30 June", "#3:"
_ITEM = patterns.compile(r"^[\s>*•-]*(?:#\s*)?([1-9]|[①-⑨])(?:[.):]|\s)", re.MULTILINE)


def _option_number(label: str) -> int:
    if label in "123456789":
        return int(label)
    return ord(label) - ord("A") + 1 if "A" <= label <= "H" else ord(label) - ord("①") + 1


def _by_option(mail: Mail, ref: datetime) -> InterviewTime | None:
    """The proposed slot a reply confirms by its number ("we are pleased to confirm your
    interview on option ③"): the one dated time written after that number in the quoted
    history. None unless the reply names one number and the quote gives it one time."""
    chosen = {_option_number(m.group(1)) for m in _OPTION.finditer(mail.text)}
    if len(chosen) != 1 or not mail.quoted:
        return None
    (number,) = chosen
    quoted = mail.quoted
    dayfirst = _dayfirst(scan(quoted)[0], ref, quoted)
    fits: dict[datetime, TimeMention] = {}
    for m in (*_OPTION.finditer(quoted), *_ITEM.finditer(quoted)):
        if _option_number(m.group(1)) != number:
            continue
        # the slot's line, and the next one when it goes on there ("Option B -\nWednesday, 17 Sep, 2:00 pm")
        lines = quoted[m.end() : m.end() + 200].split("\n", 2)
        rest = "\n".join(lines[:2]) if len(lines) > 1 and len(lines[0].strip(" -–—:>")) < 3 else lines[0]
        found, _ = scan(rest)
        for p in found:
            if not (p.has_time and _calendar_day(p)):
                continue
            t = to_mention(p, ref, dayfirst=dayfirst, text=rest)
            if t is not None and t.start >= ref:
                kept = fits.get(t.start.astimezone(UTC))
                if kept is None or (kept.end is None and t.end is not None):
                    fits[t.start.astimezone(UTC)] = t
            break  # the first dated time after the number is the slot's
    if len(fits) != 1:
        return None
    t = next(iter(fits.values()))
    return InterviewTime(t.start, t.end, _zone_key(t), source="text")


_SAME_TIME = patterns.compile(r"\b(?:same\s+time|mismo\s+horario|même\s+heure|gleiche\s+uhrzeit)\b", re.IGNORECASE)


def _same_time(mail: Mail, ref: datetime, found: list[Parsed]) -> InterviewTime | None:
    """A move to another day at the same time ("I've shifted our call to tomorrow (Wednesday),
    same time"): the new day from the text, the clock from the one time the message or the
    message it answers gives for the interview. None unless both are unambiguous."""
    text = mail.text
    m = _SAME_TIME.search(text)
    if m is None:
        return None
    days = [p for p in found if p.has_date and not p.has_time and p.end <= m.start() and m.start() - p.end <= 40]
    if not days or any(p.has_time and days[-1].start <= p.start <= m.end() + 40 for p in found):
        return None  # no day named, or the new time is written out after all ("same time: 1:00pm")
    day = to_mention(days[-1], ref, text=text)
    if day is None:
        return None
    clocks: dict[tuple[int, int], TimeMention] = {}
    for source in (text[: days[-1].start], mail.quoted):
        for p in scan(source)[0]:
            if not p.has_time or _header_timestamp(source, p) or _ATTRIBUTION.search(_line(source, p.start, p.end)):
                continue
            tm = to_mention(p, ref, text=source)
            if tm is not None:
                clocks.setdefault((tm.start.hour, tm.start.minute), tm)
        if clocks:
            break
    if len(clocks) != 1:
        return None
    (hour, minute), clock = next(iter(clocks.items()))
    clock_of_day = datetime.min.time().replace(hour=hour, minute=minute)
    start = datetime.combine(day.start.date(), clock_of_day, clock.start.tzinfo)
    end = start + (clock.end - clock.start) if clock.end is not None else None
    return InterviewTime(start, end, _zone_key(clock), source="text")


_REPLY_SUBJECT = patterns.compile(r"\s*(?:re|aw|sv|antw|rv|res)\s*:", re.IGNORECASE)


def _same_day_weekdays(found: list[Parsed], ref: datetime) -> list[Parsed]:
    """A thread's subject was written days before its reply: "Re: interview set for Wed" read
    on a Wednesday means that day, not the next week's."""
    out = []
    for p in found:
        if (
            p.weekday == ref.weekday()
            and p.weekday_mod is None
            and p.rel_days is None
            and not _calendar_day(p)
            and p.week_offset == 0
        ):
            p = dataclasses.replace(p, weekday=None, rel_days=0, kinds=(p.kinds - {"wd"}) | {"rel"})
        out.append(p)
    return out


def infer_interview(
    mail: Mail, category: Category, user_addresses: frozenset[str] = frozenset()
) -> InterviewTime | None:
    """The interview a scheduling message is about; None when it states no time. In a roster of
    several recipients' slots the reader's row counts: ``user_addresses`` say who reads."""
    if category not in SCHEDULING:
        return None
    ref = mail.date
    # scanned only when needed: a calendar part with its own zone never reads the text
    text_scan: tuple[list[Parsed], list[Parsed]] | None = None

    def scan_text() -> tuple[list[Parsed], list[Parsed]]:
        nonlocal text_scan
        if text_scan is None:
            text_scan = scan(mail.text)
        return text_scan

    def text_mentions() -> list[TimeMention]:
        if ref is None:
            return []
        found = (to_mention(p, ref, text=mail.text) for p in scan_text()[0])
        return [m for m in found if m is not None]

    ics = _from_ics(mail, category, text_mentions)
    if ics is not None:
        return ics
    if ref is None:
        return None  # relative dates and missing years need the Date header
    scanned = scan_text()
    if category in (Category.INVITATION, Category.CANCELLATION):
        quoted = _from_quote(mail, ref, scanned[0], category)
        if quoted is not None:
            return quoted
        if not any(p.has_time and _calendar_day(p) for p in scanned[0]):
            chosen = _by_option(mail, ref)
            if chosen is not None:
                return chosen
    if category == Category.RESCHEDULE:
        same = _same_time(mail, ref, scanned[0])
        if same is not None:
            return same
    subject_scanned = scan(mail.subject)
    if _REPLY_SUBJECT.match(mail.subject):
        subject_scanned = (_same_day_weekdays(subject_scanned[0], ref), subject_scanned[1])
    # a forwarded invitation ("see the invitation from HR below") states its time in the
    # forwarded part; it is read only when the sender's own words state none
    forwarded = getattr(mail, "forwarded", "")
    sources = [(mail.text, "text"), *([(forwarded, "forwarded")] if forwarded else []), (mail.subject, "subject")]
    deferred: InterviewTime | None = None
    for text, source in sources:
        src: TimeSource = "subject" if source == "subject" else "text"
        if source == "subject" and deferred is not None:
            return deferred
        if source == "forwarded":
            here = scan(text)
        else:
            here = scanned if source == "text" else subject_scanned
        # "The times she gives are Vancouver time (she's in Yaletown, not here with me in Toronto)"
        outer = _declared_zone(_governing_zones(scanned[1], mail.text), mail.text) if source == "forwarded" else None
        cands = _candidates(text, here, ref, category, subject_scanned[0] if source != "subject" else [], outer)
        if source == "text" and mail.to:
            cands = _own_row(cands, text, mail, user_addresses)
        found = _pick(cands, category, text, src)
        if found is not None and source == "text" and forwarded and not any(c.mention.has_date for c in cands):
            # the cover note only converts a clock ("that's 3:00 PM for you in Nairobi"): the
            # forwarded invitation's dated time governs when it states one
            deferred = found
            continue
        if found is not None:
            if found.end is None and found.start is not None and src == "subject":
                d = _best_duration(mail.text)
                found = InterviewTime(found.start, found.start + d if d else None, found.timezone, source=src)
            return found
    return deferred


_RETURN = patterns.compile(
    r"""\b(?:(?P<back>back|return\w*|in\s+the\s+office|reachable|available)
    |(?P<until>until|till|til|through|thru)|(?P<after>after))\b""",
    re.IGNORECASE | re.VERBOSE,
)


def return_date(mail: Mail) -> date | None:
    """The return date an out-of-office reply states ("back on 14/10/2025")."""
    ref = mail.date
    if ref is None:
        return None
    text = mail.text or mail.full_text
    found, _ = scan(text)
    dayfirst = _dayfirst(found, ref, text)
    dated = [p for p in found if p.has_date]
    starts = [p.start for p in dated]
    ordered = starts == sorted(starts)
    for cue in _RETURN.finditer(text):
        # only the first date after the cue can be the return date: found by a sorted
        # lookup, not a rescan of every date per cue
        if ordered:
            i = bisect_left(starts, cue.end())
            after = dated[i : i + 1]
        else:
            after = [p for p in dated if p.start >= cue.end()][:1]
        for p in after:
            if p.start - cue.end() > 60:
                break
            if "\n\n" in text[cue.end() : p.start]:
                break
            day = resolve_date(p, ref.date(), dayfirst)
            if day is None:
                break
            if cue.group("until") and cue.group("until").lower().startswith("th"):
                day += timedelta(days=1)  # "through Monday": Monday is still away
            elif cue.group("after"):
                day += timedelta(days=1)
            return day
    return None
