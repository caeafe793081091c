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

import functools
import importlib
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from daemon.budget import checkpoint
from daemon.understand import lexicon, patterns, zones
from daemon.understand.zones import Zone

Grain = Literal["day", "hour", "minute"]

# ---------------------------------------------------------------- case folding for fast scans
# A case-insensitive regex runs about twice as fast as a case-sensitive one on lower-cased
# text, and a substring test rules most patterns out before the engine runs at all. Both
# give the same answers only where lower-casing the text is exactly what re.IGNORECASE
# does (for patterns written in ASCII and Latin letters): true for ASCII and for a character
# that lower-cases to one character which survives a round trip through upper(), but not
# for those re matches to an ASCII letter without lower() agreeing (dotless ı and long ſ
# match "i" and "s"; İ lower-cases to two characters; the Kelvin sign), nor for Σ, which
# lower() reads in context ("ς" at a word's end).

_UNFOLDABLE = frozenset("İıſKΣ")


@lru_cache(maxsize=4096)
def _foldable_char(c: str) -> bool:
    low = c.lower()
    return (
        c not in _UNFOLDABLE
        and len(low) == 1
        and low.upper().lower() == low
        and c.isalnum() == low.isalnum()
        and c.isdecimal() == low.isdecimal()
        and c.isspace() == low.isspace()
    )


@lru_cache(maxsize=64)
def folded(text: str) -> str | None:
    """``text`` lower-cased, position for position, or None when lower() and re.IGNORECASE
    could disagree on it (then a caller runs its case-insensitive pattern as written).

    Cached: one analysis folds the same few texts for dozens of patterns.
    """
    if not text.isascii() and not all(_foldable_char(c) for c in set(text) if not c.isascii()):
        return None
    return text.lower()


try:  # the regex parser is private; without it every pattern simply runs unfiltered
    _sre: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _sre = None


def _needed(items: Any, fold: bool) -> frozenset[str] | None:
    """ASCII strings (lower-cased if ``fold``) of which every match of the parsed regex ``items`` holds one."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found is None or not found:
            return
        if best is None or (min(map(len, found)), -len(found)) > (min(map(len, best)), -len(best)):
            best = found

    def flush() -> None:
        if run:
            consider(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL and chr(av).isascii():
            run.append(chr(av).lower() if fold else chr(av))
            continue
        flush()
        if op is _sre.SUBPATTERN:
            consider(_needed(av[-1], fold))
        elif op is _sre.ATOMIC_GROUP:
            consider(_needed(av, fold))
        elif op is _sre.BRANCH:
            options = [_needed(b, fold) for b in av[1]]
            if all(o is not None for o in options):
                consider(frozenset().union(*(o for o in options if o is not None)))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_needed(av[2], fold))
    flush()
    return best


class _Source(NamedTuple):
    """A pattern not compiled on its own: only parts or variants of it are (compiling costs
    milliseconds at every start of the program)."""

    pattern: str
    flags: int = 0


def needles(rx: re.Pattern[str] | _Source, *, exact: bool = False) -> frozenset[str] | None:
    """Lower-case ASCII strings of which every match of ``rx`` contains one (on :func:`folded`
    text), or None when the pattern names none worth looking for. With ``exact``, for a
    pattern without re.IGNORECASE, the strings keep their case and hold for the text as it is.

    Read off the parsed pattern: a run of literal characters must occur; of a group, what
    each alternative needs; of a sequence, the most selective of its parts. Lookarounds,
    character classes and optional parts need nothing.
    """
    if _sre is None:
        return None
    try:
        fold = not exact or bool(rx.flags & re.IGNORECASE) or "(?i" in rx.pattern
        if exact and fold:
            return None
        kept = patterns.fact(f"needles{int(fold)}", rx.pattern, rx.flags, lambda tree: _listed(_needed(tree, fold)))
    except Exception:  # pragma: no cover - a parser of another Python version
        return None
    found = None if kept is None else frozenset(kept)
    if found is None or min(map(len, found)) < 3:
        return None
    return found


def _listed(found: frozenset[str] | None) -> list[str] | None:
    return None if found is None else sorted(found)


def compile_with_needles(pattern: str, flags: int) -> tuple[re.Pattern[str], frozenset[str] | None]:
    """``re.compile(pattern, flags)`` and :func:`needles` of it, from one parse of the pattern.

    ``re.compile`` parses the pattern and throws the parse away; :func:`needles` would parse
    it again. For the long patterns the lexicons make, parsing is most of the cost of a
    compile, and a first scan pays it once per pattern in every process. So the parse is
    kept for both (``patterns.compile_parsed``, which also keeps the code and the needles
    from one run to the next). Any trouble with these private modules (another Python
    version) falls back to the two calls.
    """
    # a plain int, as re.compile makes it before it parses: with a RegexFlag every flag test
    # of the parser and the code generator (a hundred thousand of them for classify's rules)
    # goes through enum's Python-level __and__
    flags = int(flags)
    if _sre is None:  # pragma: no cover - the private modules of another Python version
        rx = re.compile(pattern, flags)
        return rx, needles(rx)
    try:
        rx, kept = patterns.compile_parsed(pattern, flags, lambda tree: _needed(tree, True))
    except re.error:
        raise
    except Exception:  # pragma: no cover - the private modules of another Python version
        rx = re.compile(pattern, flags)
        return rx, needles(rx)
    found = None if kept is None else frozenset(kept)
    return rx, (None if found is None or min(map(len, found)) < 3 else found)


#: a pattern's tokens, for lower-casing its literal characters only (not escapes, not group syntax)
_TOKEN = patterns.compile(r"\\N\{[^}]*\}|\\.|\(\?P<\w+>|\(\?P=\w+\)|\(\?[a-zA-Z-]*[:)]|\(\?<?[=!]|\(\?#[^)]*\)|.", re.S)


#: word-edge tests as tokens (see _TOKEN): a pattern's own ``\b`` and the lookarounds
#: :func:`_at_word_start` and its kin put around words. Not ``^``: a line's pattern would then
#: try its leading ``[ \t]*`` at every position
_EDGES = frozenset({"\\b"})
_EDGE_GROUPS = (("(?<!", "\\w", ")"), ("(?!", "\\w", ")"))


def _lowered(pattern: str, flags: int, *, loose: bool = False) -> re.Pattern[str]:
    """``pattern`` with its literal letters lower-cased, compiled without re.IGNORECASE; with
    ``loose``, also without its word-edge tests outside character classes.

    The loose one only locates where to try the pattern itself: leaving out a zero-width test
    lets it match at more places, never at fewer, and what is left of a rule's long alternation
    is mostly alternatives that begin with a literal letter, which the regex engine skips with
    one comparison each (one beginning with ``\b`` costs it a jump and a test at every position).
    Not for the date and time atoms: without their edges they hit inside every longer number.
    """
    tokens = _TOKEN.findall(pattern)
    out: list[str] = []
    i, in_class, class_at = 0, False, -1
    while i < len(tokens):
        t = tokens[i]
        if in_class:
            # "]" first in a class ("[]a]", "[^]a]") is a literal, not its end
            in_class = not (t == "]" and i > class_at + 1 and not (i == class_at + 2 and tokens[i - 1] == "^"))
        elif t == "[":
            in_class, class_at = True, i
        elif loose and t in _EDGES:
            i += 1
            continue
        elif loose and any(tuple(tokens[i : i + 3]) == g for g in _EDGE_GROUPS):
            i += 3
            continue
        out.append(t if len(t) > 1 else t.lower())
        i += 1
    return patterns.compile("".join(out), flags & ~re.IGNORECASE)


def lower_twin(rx: re.Pattern[str], *, loose: bool = False) -> re.Pattern[str] | None:
    """``rx`` with its letters lower-cased and re.IGNORECASE dropped, for :func:`folded` text.

    It matches at every position where ``rx`` matches the original text (exactly where ``rx``
    is case-insensitive; a case-sensitive ``(?-i:EOM)`` becomes a looser ``eom``; with
    ``loose``, word edges are not tested, see :func:`_lowered`), so it can find where to try
    ``rx``, never what ``rx`` matches. None when that does not hold: the
    pattern can match empty, or lower-casing changed its groups.
    """
    if _sre is None or not rx.flags & re.IGNORECASE:
        return None
    try:
        if patterns.fact("min width", rx.pattern, rx.flags, lambda tree: tree.getwidth()[0]) == 0:
            return None
        twin = _lowered(rx.pattern, rx.flags, loose=loose)
    except Exception:  # pragma: no cover - a parser of another Python version
        return None
    return twin if twin.groupindex == rx.groupindex else None


_WORD_START = "(?<!\\w)(?:"


def _alternatives(pattern: str) -> tuple[str, list[str]] | None:
    """(what precedes them, the top-level alternatives) of ``pattern``, or of the group that
    :func:`_at_word_start` wrapped it in; None where a verbose comment could hide a bar."""
    prefix, inner = "", pattern
    if pattern.startswith(_WORD_START) and pattern.endswith(")"):
        prefix, inner = _WORD_START, pattern[len(_WORD_START) : -1]
    if "#" in inner.replace("\\#", "").replace("[#", ""):
        return None
    out: list[str] = []
    start, depth, in_class, i = 0, 0, False, 0
    while i < len(inner):
        c = inner[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 2 if inner[i + 1 : i + 2] == "]" else 3 if inner[i + 1 : i + 3] == "^]" else 1
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(inner[start:i])
            start = i + 1
        i += 1
    out.append(inner[start:])
    if depth != 0 or in_class or "|".join(out) != inner:
        return None
    return prefix, out


#: twins for combinations of alternatives kept per pattern (each costs a compile, ~1 ms)
_MAX_TWINS = 32
#: text a scanner matches as written before it builds its twins (see _Scanner._prepare).
#: Building them costs about what matching 60 kB without them costs more (measured on the
#: first scan of bench/scan.py's current mix, ten scanners: about 9 ms to build each, and
#: about 0.14 ms saved per kB once built), so waiting that long never costs more than twice
#: the better choice (rent until the rent paid equals the price). A first scan of a hundred
#: interview mails reaches about 25 kB per scanner and never pays for them; a command that
#: reads one message (explain, preview) neither.
WARM_UP_CHARS = 60_000


class _Scanner:
    """``finditer`` of an atom pattern, located on lower-cased text and matched as written.

    The twin without re.IGNORECASE finds the next position where the pattern can match about
    twice as fast, and leaves out the alternatives that need a word the text does not hold
    (most of "the end of next week", "Q3 2026", "3 Fridays from now" in most mail); the
    pattern itself then matches there, so the matches (their text, groups and spans) are
    exactly those of ``rx.finditer``.
    """

    __slots__ = ("_make", "_parts", "_ready", "_rx", "_seen", "_twins", "twin")

    def __init__(self, make: Callable[[], re.Pattern[str]]) -> None:
        # compiled at first use: the atoms take tens of ms to compile, which every command
        # would pay at import, and a first scan's warm-up thread pays while the headers arrive
        self._make = make
        self._rx: re.Pattern[str] | None = None
        self.twin: re.Pattern[str] | None = None
        self._parts: tuple[str, list[tuple[str, frozenset[str] | None]]] | None = None
        self._twins: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        self._seen = 0
        self._ready = False

    @property
    def rx(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = self._make()
        return self._rx

    def _prepare(self) -> None:
        """Compile the twin and read each alternative's words: several ms per pattern, won back
        only after some kilobytes of scanned text (see WARM_UP_CHARS)."""
        twin = lower_twin(self.rx)
        split = _alternatives(self.rx.pattern) if twin is not None else None
        if split is not None and len(split[1]) > 1:
            parts = [(alt, needles(_Source(alt, self.rx.flags))) for alt in split[1]]
            if any(words is not None for _, words in parts):
                self._parts = (split[0], parts)
        self.twin = twin
        self._ready = True

    def _twin_for(self, low: str) -> re.Pattern[str] | None:
        """The twin of the alternatives that can match ``low`` (None: none can)."""
        if self._parts is None:
            return self.twin
        prefix, parts = self._parts
        key = tuple(i for i, (_, words) in enumerate(parts) if words is None or any(w in low for w in words))
        if len(key) == len(parts):
            return self.twin
        if key not in self._twins:
            if len(self._twins) >= _MAX_TWINS:
                return self.twin  # compiling costs more than the rare combinations save
            alts = "|".join(parts[i][0] for i in key)
            # the alternatives of a pattern whose twin passed lower_twin's checks pass them too
            self._twins[key] = _lowered(prefix + alts + (")" if prefix else ""), self.rx.flags) if key else None
        return self._twins[key]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self._ready:
            self._seen += len(text)
            if self._seen < WARM_UP_CHARS:
                yield from self.rx.finditer(text)
                return
            self._prepare()
        low = folded(text) if self.twin is not None else None
        if self.twin is None or low is None:
            yield from self.rx.finditer(text)
            return
        twin = self._twin_for(low)
        pos = 0
        while twin is not None and (hit := twin.search(low, pos)) is not None:
            m = self.rx.match(text, hit.start())
            if m is None:  # only where the pattern is case-sensitive
                pos = hit.start() + 1
                continue
            yield m
            pos = m.end()  # never empty (see lower_twin), as finditer would go on


MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        "january jan januar jänner janvier",
        "february feb februar février fevrier",
        "march mar märz maerz mär mars",
        "april apr avril",
        "may mai",
        "june jun juni juin",
        "july jul juli juillet",
        "august aug août aout",
        "september sep sept septembre",
        "october oct oktober okt octobre",
        "november nov novembre",
        "december dec dezember dez décembre decembre",
    ),
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _i
for _i, _more_names in lexicon.words(lexicon.MONTHS):  # other languages' names (lexicon.py)
    for _n in _more_names:
        MONTHS.setdefault(_n, _i + 1)

WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        "monday mon montag lundi",
        "tuesday tues tue dienstag mardi",
        "wednesday wed mittwoch mercredi",
        "thursday thurs thur thu donnerstag jeudi",
        "friday fri freitag vendredi",
        "saturday sat samstag samedi",
        "sunday sun sonntag dimanche",
    )
):
    for _n in _names.split():
        WEEKDAYS[_n] = _i
for _i, _more_names in lexicon.words(lexicon.WEEKDAYS):
    for _n in _more_names:
        WEEKDAYS.setdefault(_n, _i)
#: abbreviations that are also English words: only count next to a date or time
_WEAK_WEEKDAYS = frozenset({"sat", "sun", "wed", "mon"}) | lexicon.WEAK_WEEKDAYS
#: month names that are also English words
_WEAK_MONTHS = frozenset({"may", "mar", "march", "jan", "sept", "mars"})

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
CARDINALS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
        " seventeen eighteen nineteen".split(),
        start=1,
    )
} | {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}


def _alt(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MON = _alt(list(MONTHS))
_UNITS_W = "one|two|three|four|five|six|seven|eight|nine"
_TEENS_W = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_ORD_UNITS_W = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
#: 1-59 in words ("twenty-three", "fifty nine")
_CARD_W = rf"(?:(?:twenty|thirty|forty|fifty)(?:[\s-]?(?:{_UNITS_W})\b)?|{_TEENS_W}|{_UNITS_W})\b"
#: 1st-31st in words ("twenty first", "ninth")
_ORD_W = rf"(?:(?:twenty|thirty)[\s-]?(?:{_ORD_UNITS_W})|{_alt(list(ORDINAL_WORDS))})\b"
#: a day of the month: "13", "13th", "thirteenth"
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\b|{_ORD_W})"
_HOUR_W = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_NUM = rf"(?:\d{{1,3}}|an?|a\s+couple(?:\s+of)?|couple\s+of|a\s+few|few|{_CARD_W})"
_WD = _alt(list(WEEKDAYS))
_ORD = r"(?:st|nd|rd|th)"
_YEAR = r"(?:(?:19|20)\d{2}|['’]\d{2})(?![\d:])"  # "November 6, 0800": a clock, not the year 800

# URLs and addresses hold digits that look like dates and times; blank them, keep offsets.
# The local part is bounded (64, as RFC 5321 says): unbounded, every start in a long word
# run rescans the run to its end, quadratic in the run
_MASK = patterns.compile(r"(?:https?://|www\.)\S+|[\w.+-]{1,64}@[\w-]+\.[\w.-]+|\[cid:[^\]]*\]", re.IGNORECASE)

_RANGE_TO = r"(?:-|–|—|~|to|till|til|until|through|thru|and)"

_DATE = _Source(
    rf"""
    (?P<iso>(?<!\d)(?P<iy>\d{{4}})(?P<isep>[-/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})(?![\d/]|\.\d))
  | (?P<ymd>(?<!\d)(?P<yy>\d{{4}})[-/](?P<ym>{_MON})[-/](?P<yd>\d{{1,2}})(?!\d))
  | (?P<mrel>\b(?:on\s+)?(?:the\s+)?(?P<d7>{_DAY})(?:\s+day)?\s+(?:of|in)\s+(?:the\s+)?
        (?P<mr>next|this|current|previous|last|following|coming|past)\s+month\b)
  | (?P<md>\b(?P<m1>{_MON})\.?[\s\-/.,]*(?:the\s+)?(?P<d1>{_DAY}|(?:twenty|thirty)[\s-]?(?:{_UNITS_W})\b)(?![:.]\d)
        (?:\s*{_RANGE_TO}\s*(?:the\s+)?(?P<d1e>{_DAY})(?![:.]\d|\s*(?:[ap]\.?m\b|h\b|uhr\b)))?
        (?:[\s,\-/.]*(?:of\s+|in\s+)?(?P<y1>{_YEAR}))?)
  | (?P<dm>(?<![\d.:/$])(?:the\s+)?(?:(?P<d2a>{_DAY})\s*{_RANGE_TO}\s*(?:the\s+)?)?
        (?P<d2>{_DAY})\.?(?P<dday>\s+day)?(?P<dof>\s+(?:of|in|de|del))?
        [\s\-/.]*(?P<m2>{_MON})\b\.?
        (?:[\s,\-/.]*(?:of\s+|in\s+|de\s+|del\s+)?(?P<y2>{_YEAR})|[-/](?P<y2b>\d{{2}})(?![\d:])|\s+of\s+(?P<y2c>\d{{2}})(?![\d:])
        # the military's "30 OCT 25": two digits after a month in capitals, ending the date
        |(?<=(?-i:[A-Z]{{3}}))\s(?P<y2d>\d{{2}})(?![\d:.])(?=\s*(?:,|\(|$)))?)
  | (?P<num>(?<![\d/.:,\-−])(?P<a>\d{{1,2}})\s?(?P<sep>[/.\-])\s?(?P<b>\d{{1,2}})
        (?:(?P=sep)(?P<y3>\d{{4}}|\d{{2}}))?(?![\d/:]|[.\-]\d|\s?(?:[ap]\.?m\b|uhr|h\b)))
  | (?P<ordinal>\b(?P<the>(?:on\s+)?the\s+)?(?P<d4>\d{{1,2}}){_ORD}\b
        (?!\s+(?:floor|round|street|st\b|avenue|ave\b|percentile|century|place|position|edition|grade
        |anniversary|birthday|time|annual|interview|stage|candidate|largest|most|best)))
  | (?P<onthe>\bon\s+the\s+(?P<d6>\d{{1,2}}|{_ORD_W})(?!\s*(?:[:./]\d|%|[ap]\.?m\b))
        (?=\s*(?:$|[.,;!?)]|(?:from|at|between|and|or|in|for)\b)))
    """,
    re.IGNORECASE | re.VERBOSE,
)

_PART = r"(?P<part>beginning|start|end|middle|mid|early|late)"
_REL_WORD = r"this|current|coming|next|last|past|previous|following|upcoming"

#: periods and nth days, found before plain dates and weekdays
_PERIOD = _Source(
    rf"""
    (?P<pweek>(?:(?:at\s+)?the\s+)?{_PART}(?:\s+of)?(?:\s+the)?\s+(?:(?:around\s+)?(?P<prel>{_REL_WORD})\s+)?
        (?P<punit>week|month)\b)
  | (?-i:(?P<pabbr>\b(?:EOM|BOM|EOW|BOW)\b))
  | (?P<pmon>(?:(?:at\s+)?the\s+)?(?P<part2>beginning|start|end|middle|mid|early|late)(?:\s+of)?[\s-]+
        (?:(?P<pm>{_MON})\b
        (?:,?\s+(?P<pmy>\d{{4}}))?|(?:the\s+year\s+)?(?P<py>\d{{4}})\b))
  | (?P<qabs>\b(?:(?P<qy>\d{{4}})[\s-]?(?P<qh>[qh])(?P<q>[1-4])
        |(?P<qh2>[qh])(?P<q2>[1-4])(?:\s+of)?[\s-]?(?P<qy2>\d{{4}}))\b)
  | (?P<qrel>(?:the\s+)?(?P<qr>{_REL_WORD})\s+quarter\b)
  | (?P<span>(?:the\s+)?(?:(?P<sdir>{_REL_WORD})\s+(?P<sn>{_NUM})|(?P<sn2>{_NUM})\s+(?P<sdir2>{_REL_WORD}))
        \s+(?P<biz>business\s+|working\s+)?(?P<sunit>minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?)\b)
  | (?P<sdec>(?:the\s+)?(?P<dr>next|coming|last|past|previous)\s+decade\b)
  | (?P<nthwd>(?:the\s+)?(?<!twenty\s)(?<!thirty\s)(?<!twenty-)(?<!thirty-)
        (?P<nth>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)
        \s+(?:(?P<nwd>{_WD})|(?P<nday>day))
        \s+(?:of|in)\s+(?:(?P<nm>{_MON})\b\.?(?:,?\s+(?P<ny>\d{{4}}))?
        |(?:the\s+)?(?:(?P<nrel>this|current|next|last|previous|past|following|coming)\s+)?month\b))
  | (?P<wdn>(?P<cn>\d{{1,2}}|{_CARD_W})\s+(?P<cwd>{_WD})s\s+(?P<cdir>from\s+now|hence|ago|back)\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)

#: a month or a year on its own: only kept as one end of a range ("from March to May", "2014-2018")
_COARSE = patterns.compile(
    rf"""(?P<mon>\b(?P<cm>{_MON})\b\.?(?:[\s,/-]*(?P<cmy>\d{{4}})\b)?)
    |(?P<yr>(?<![\d/.:,$€£])(?P<y>(?:1[89]|20)\d{{2}})(?P<dec>\s?s)?\b(?![/:]|[.,]\d))""",
    re.IGNORECASE | re.VERBOSE,
)

_WEEKDAY = _Source(
    rf"""\b(?:(?P<pwk>next|this|last|previous|past|volgende)\s+week(?:['’]s)?\s*[-,]?\s*)?
    (?:(?P<mod>this|next|coming|last|past|previous|upcoming)\s+)?(?P<wd>{_WD})\b\.?
    (?:\s+(?P<wk>(?:of\s+|from\s+)?(?:next|this|last|previous|past|the\s+following|the\s+coming)\s+week
        |after\s+next))?
    (?:,?\s+(?:(?:the\s+)?(?P<wdw>{_ORD_W})|(?P<wdm>\d{{1,2}})\.(?P<wdmo>\d{{1,2}})(?![\d:]|\.\d|\s*(?:hours?|hrs?|h\b|minutes?|mins?|%|percent|x\b|years?|days?|weeks?|months?|km|kg|miles?|m\b))|(?P<wdd>\d{{1,2}})(?![\d:.,/\-]\w|[hH]\d|\s*(?:st|nd|rd|th|[ap]\.?m|h|hours?
        |minutes?|mins?|days?|weeks?|months?|years?|%|o['’]?\s?clock|to|and|-|–)\b|\s*(?:of\s+)?(?:{_MON})\b)))?""",
    re.IGNORECASE | re.VERBOSE,
)

#: "morgen", "übermorgen" (lexicon.py)
_REL_DAYS = {w: n for ws in lexicon.RELATIVE_DAYS.values() for w, n in ws.items()}
_REL_LEX = _alt(list(_REL_DAYS))
_REL = _Source(
    r"""\b(?P<rel>(?:the\s+)?day\s+after\s+tomorrow|(?:the\s+)?day\s+before\s+yesterday|today|tonight|tonite
    |tomorrow|tmrw|tmr|yesterday|heute|last\s+night
    |this\s+(?:morning|afternoon|evening)|(?<!guten\s)(?<!goede\s)(?<!am\s)(?:"""
    + _REL_LEX
    + r"""))\b
    |\b(?P<in>in|within)\s+(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of
        |a\s+couple|a\s+few|few)\s*(?P<unit>minutes?|mins?|hours?|hrs?|h|days?|weeks?|fortnights?|months?|years?)\b
    |\b(?P<n2>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of|a\s+few)
        \s+(?P<unit2>minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?)
        \s+(?P<dir>ago|hence|from\s+now|later|earlier|back|from|after|before)\b""",
    re.IGNORECASE | re.VERBOSE,
)

#: "arvo" is Australian and New Zealand English for the afternoon ("sat arvo 2-6")
_POD = patterns.compile(
    r"\b(?:in\s+the\s+)?(?P<pod>morning|afternoon|arvo|evening|night|lunch(?=time\b|\b))(?:time)?\b", re.I
)

#: (read in verbose mode: "14u" is Flemish for 14:00, "9u30" for 9:30)
_T = r"""(?:(?P<{p}h>\d{{1,2}})(?:(?P<{p}sep>[:.]|[ ]?h[ ]?|u(?=[0-5]\d))(?P<{p}m>[0-5]\d)
    |(?P<{p}hh>[ ]?h|u)\b)?(?:ish)?
    (?:\s?(?P<{p}ap>[ap]\.?\s?m\b\.?|[ap](?![\w'’]|\s*\d|\s+las?\b)|in\s+the\s+[ap]\.?m\b\.?))?
  | (?P<{p}w>noon|mid\s?day|midnight|mittag))"""

#: the other languages' words joining a clock range ("de 10h a 11h", "das 14h às 15h")
_RANGE_LEX = _alt(list(lexicon.RANGE))
_TIME = _Source(
    rf"""(?<![\d:.,\-])(?<!\d/)(?:(?P<pre>from|between)\s+)?{_T.format(p="a")}(?![\d/])
    (?:\s*(?P<rsep>-|–|—|to|until|till|til|through|thru|and|bis|{_RANGE_LEX})\s*{_T.format(p="b")}(?![\d/]))?
    (?P<suf>\s*(?:uhr|uur\b|o['’]?\s?clock(?:\s*(?P<sap>[ap]\.?m\b\.?))?|hrs\b|hs\b|h\b))?""",
    re.IGNORECASE | re.VERBOSE,
)

_APX = r"(?:[ap]\.?\s?m\b\.?|in\s+the\s+(?:morning|afternoon|evening|[ap]\.?m\b))"
_MIN_W = rf"(?:oh[\s-]?(?:{_UNITS_W})|(?:twenty|thirty|forty|fifty)(?:[\s-]?(?:{_UNITS_W}))?|{_TEENS_W})\b"

#: clock times in words or without a separator: "quarter past 3", "ten thirty am", "330 pm", "at 1030"
_WTIME = _Source(
    rf"""
    (?P<rel>(?<![:.\d])(?P<off>(?:a\s+)?quarter|half|\d{{1,2}}|{_CARD_W})(?P<mins>\s+min(?:ute)?s?)?
        (?:\s+(?P<dir>past|after|to|till|of)|(?<=half)(?=\s+(?:{_HOUR_W}|(?:1[0-2]|[1-9])(?![\d:.]))\b))
        \s+(?P<base>\d{{1,2}}(?![:.]\d)|(?:{_HOUR_W})\b|noon|midday|midnight)
        (?:\s*(?P<rap>{_APX}))?(?:\s*o['’]?\s?clock)?)
  | (?P<wc>(?P<wh>{_HOUR_W})\b(?:[\s-](?P<wm>{_MIN_W}))?(?P<woc>\s*o['’]?\s?clock)?(?:\s*(?P<wap>{_APX}))?)
  | (?P<cd>(?<![\d:/.,$€£\-])(?P<ch>\d{{1,2}})(?P<cm>[0-5]\d)(?:ish)?(?![\d:/]|[.,]\d)(?:\s*(?P<cap>{_APX}))?)
  | (?P<sp>(?P<sh>\d{{1,2}})\s(?P<sm>[0-5]\d)(?![\d:/]|[.,]\d))
    """,
    re.IGNORECASE | re.VERBOSE,
)
_RANGE_BEFORE = patterns.compile(r"\b(?:from|between)\s*$", re.I)
#: "at", "around" before a worded or compact time
_SAID_AT = patterns.compile(r"(?:\bat|@|\baround|\babout|\bapproximately|\bapprox\.?|\bby)\s*$", re.I)
#: what may follow a worded hour that stands alone ("at eight.", "at six tomorrow")
_HOUR_END = patterns.compile(r"\s*(?:$|[.,;!?)]|(?:today|tomorrow|tonight|this|in\s+the|on|ish)\b)", re.I)

_ABBR = _alt([a for a in zones.ABBREVIATIONS if a != "Z"])
_REGION = _alt(list(zones.REGIONS))
_CITY = _alt(list(zones.CITIES))
#: US region words that name a clock without "time" ("2pm Pacific", "noon Eastern", "10 Central"):
#: weak, like an abbreviation, when they stand apart from a time
_BARE_REGION = "eastern|central|mountain|pacific"
#: "hora de Brasília", "horário de Lisboa", "hora peninsular" (lexicon.py)
_ZONE_LEAD = _alt(list(lexicon.ZONE_LEAD))
_ZONE_LEX = _alt(list(lexicon.ZONE_WORDS))
#: "Nederlandse tijd", "Belgische tijd": the zone word first, then the word for time (lexicon.py)
_ZONE_BEFORE_LEX = _alt(list(lexicon.ZONE_BEFORE))
_ZONE_TRAIL = _alt(list(lexicon.ZONE_TRAIL))
_ZONE = _Source(
    rf"""
    (?P<off>\(?(?:UTC|GMT)\s?[+\-−–]\s?\d{{1,2}}(?::?\d{{2}})?\)?
        (?:\s(?P<win>[A-Z][A-Za-z .&]{{2,40}}?(?:\s\((?:US\s&\sCanada|[A-Za-z .&]+)\))?)(?=[.,;)\n]|$))?)
  | (?P<iana>\b(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z_]+(?:/[A-Za-z_]+)?)
  | (?P<region>\b(?:{_REGION})\s+(?:(?:standard|daylight|summer)\s+)?time\b
        (?:\s?(?:-|–|\()\s?(?:US\s&\sCanada|[A-Z][A-Za-z ]{{2,30}})\)?)?)
  | (?P<city>\b(?:{_CITY})(?:,\s(?:{_CITY}))*\b)
  | (?P<heure>\bheure\s+(?:de\s+|d['’]\s?)(?P<hc>{_CITY})\b)
  | (?P<hora>\b(?:{_ZONE_LEAD})\s+(?:oficial\s+)?(?:de\s+|del\s+|da\s+|do\s+)?(?P<hl>{_ZONE_LEX})\b)
  | (?P<tijd>\b(?P<tl>{_ZONE_BEFORE_LEX})\s+(?:{_ZONE_TRAIL})\b)
  | (?-i:(?P<abbr>\b(?:{_ABBR})\b))
  | (?P<bare>\b(?:{_BARE_REGION})\b(?!\s+(?:european|europe|standard|daylight|summer|time)\b))
    """,
    re.IGNORECASE | re.VERBOSE,
)

#: a zone right after a number makes it a clock: "10.30 Amsterdam time", "10 Central", "9.30 CET"
_CLOCK_ZONE_AFTER = patterns.compile(
    rf"""\s?\(?(?:(?-i:(?:{_ABBR})\b)|(?:{_REGION}|{_CITY}|uk|u\.k\.)\s+time\b|(?:{_CITY})\b(?!\s+[a-z])
    |heure\b|uhr\b|(?:{_ZONE_LEAD})\s+(?:oficial\s+)?(?:de\s+|del\s+|da\s+|do\s+)?(?:{_ZONE_LEX})\b|(?:{_BARE_REGION})\b(?!\s+(?-i:[A-Z])(?!ime\b|tandard\b|aylight\b)))""",
    re.IGNORECASE | re.VERBOSE,
)
#: what before a dotted clock says it is a time ("at 9.30", "um 14.30", "Time: 10.00", "à 9.30")
_CLOCK_BEFORE = patterns.compile(
    r"(?:\b(?:at|um|ab|von|om|from|between|à|às|las|time|zeit|uhrzeit|heure|hora|horario|start|"
    # Swedish, Norwegian, Danish and Polish: "kl. 14.00", "klockan 9.30", "godz. 10.00"
    r"klockan|klokken|klokka|tid|tidspunkt|godzina|alle|ore)\s*:?|\b(?:kl|godz|h)\.?|@)\s*$",
    re.IGNORECASE,
)
#: a date right before a dotted number makes it a clock: "Friday 22 May, 9.30 till 12"
_DATE_BEFORE_DOTTED = patterns.compile(
    rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MON})\.?|\b(?:{_MON})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\b(?:{_WD})\.?"
    r"|\b\d{1,2}(?:st|nd|rd|th))"
    r"\s*,?\s*$",
    re.IGNORECASE,
)
#: a day right after a dotted number makes it a clock: "Great, 9.30 Monday it is!", "10.15 tomorrow"
_DAY_NAMED_AFTER = patterns.compile(
    r"\s*,?\s*(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|today)\b", re.IGNORECASE
)
_NAME_GOES_ON = patterns.compile(r"\s+[A-Z][a-z]")
#: "Thursday 4th December at 1400": a date, then "at", then four digits on the quarter hour
_DATE_THEN_AT = patterns.compile(
    rf"(?:\d(?:st|nd|rd|th)|\b\d{{4}}|\b(?:{_MON}|{_WD})\.?(?:\s+\d{{1,2}})?),?\s+(?:at|@)\s*$", re.IGNORECASE
)
#: "1500 hrs": a 24-hour clock in four digits, said after "at" or a "Time:" label
_HRS_AFTER = patterns.compile(r"\s?(?:hrs?|hours)\b\.?", re.IGNORECASE)
#: what before "10 hrs" makes it a clock ("a las 10 hrs", "das 14 hs", "at 14 hrs") and not a length
#: what after four digits makes them a 24-hour clock in the military's and aviation's way of
#: writing: "1630Z" (Zulu: UTC), "0800L" (local), "1400 CT", "0900-1030 ChST", "0800-1000L"
_MIL_ABBR = _alt([a for a in zones.ABBREVIATIONS if a != "Z"])
_MIL_AFTER = patterns.compile(
    # a range's second clock, then what says they are clocks
    r"(?P<rng>\s?[-–]\s?(?P<rh>[01]\d|2[0-3])(?P<rm>[0-5]\d))?"
    rf"(?:(?-i:(?P<letter>[ZLJ]))(?![A-Za-z])|(?=\s(?-i:(?:{_MIL_ABBR}))\b)|(?=\s?(?:hrs?|hours)\b)"
    # "0600-1000 Eastern", "0800-1230 Mountain", "0645 local"
    r"|(?=\s(?i:eastern|central|mountain|pacific|local)\b))"
)
#: a date right before "1400 hrs" (on the line above, or after a comma)
_DATE_THEN = patterns.compile(
    rf"(?:\b\d{{4}}|\d(?:st|nd|rd|th)|\b\d{{1,2}}\s+(?:{_MON})\.?(?:\s+\d{{2}})?|\b(?:{_MON}|{_WD})\.?(?:\s+\d{{1,2}})?)"
    r",?\s*$",
    re.IGNORECASE,
)
_HRS_CLOCK_BEFORE = patterns.compile(
    r"(?:\b(?:at|las|los|das|de|às|as|a|um|à|hora|horas|time)\s*:?|@)\s*$", re.IGNORECASE
)

_DURATION = patterns.compile(
    r"""\b(?P<num>\d{1,3}(?:\.\d)?|an?|one|two|three|half\s+an?|one\s+and\s+a\s+half|an?\s+hour\s+and\s+a\s+half)
    [\s-]?(?P<unit>minutes?|mins?|hours?|hrs?)\b
    (?:\s+(?:and\s+)?(?P<num2>\d{1,2})[\s-]?(?:minutes?|mins?))?""",
    re.IGNORECASE | re.VERBOSE,
)


def _same(rx: re.Pattern[str]) -> re.Pattern[str]:
    return rx


def _at_word_start(rx: _Source) -> Callable[[], re.Pattern[str]]:
    # every atom starts at a word start (or an opening parenthesis); saying so up front lets the
    # engine skip mid-word positions before trying each long alternation: about 2x faster
    return functools.partial(re.compile, r"(?<!\w)(?:" + rx.pattern + ")", rx.flags)


_DATE_S, _WEEKDAY_S, _REL_S, _TIME_S, _ZONE_S, _PERIOD_S, _WTIME_S = (
    _Scanner(_at_word_start(r)) for r in (_DATE, _WEEKDAY, _REL, _TIME, _ZONE, _PERIOD, _WTIME)
)
_COARSE_S, _POD_S, _MASK_S = (_Scanner(functools.partial(_same, r)) for r in (_COARSE, _POD, _MASK))

#: what may stand between two atoms of one mention
_GLUE_LEX = _alt(list(lexicon.GLUE))
_GLUE = patterns.compile(
    rf"""^(?:[\s,;()\[\]⋅·•|@/\-–—:*]|\b(?:at|on|for|from|the|of|around|about|starting|beginning|by|in
    |time|uhr|um|am|date|when|datum|zeit|à|le|{_GLUE_LEX})\b)*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_GLUE = 32
_POD_GLUE = patterns.compile(r"^\s*(?:at|@|around)?\s*$", re.I)

#: a bare number is an hour when a day or part of day follows it: "9 tomorrow", "3 in the morning"
_DAY_AFTER = patterns.compile(
    r"\s*,?\s*(?:tomorrow|tonight|tonite|today|this\s+(?:morning|afternoon|evening)|in\s+the\s+(?:morning|afternoon|evening)\b)",
    re.I,
)
_UNIT_AFTER = patterns.compile(
    r"\s*(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|people|persons?|candidates?|percent)\b|\s*%", re.I
)
#: "durée : 1h30", "duración: 1h": a clock-like length, not a time of day (lexicon.py)
_DURATION_BEFORE = patterns.compile(rf"\b(?:{_alt(list(lexicon.DURATION_LEAD))})\b[^\d.;!?]{{0,20}}$", re.I)
_AT_BEFORE = patterns.compile(
    r"(?:\bat|@|\baround|\bby|\bum|\buntil|\btill|\bafter|\bbefore|\bfor|\bkl\.?|\bklockan|\bklokken|\bklokka|"
    # Italian "alle 17", "ore 15", "h. 9"; Spanish "a las 17"; Portuguese "às 17"
    r"(?-i:\balle)|\bore|\bh\.|\ba\s+las|\bàs)\s*$",
    re.I,
)


#: a counted noun after the number: "alle 12 Jobs", "alle 2 Wochen", "alle 3 settimane"
_COUNTED_AFTER = patterns.compile(
    r"\s+(?:(?-i:[A-ZÄÖÜ][a-zäöüß])|settiman|giorn|mesi|anni|minut|volt[ae]|candidat|person)", re.IGNORECASE
)


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
    range_end: Parsed | None = None  # "13-15 July", "from March to May": resolved first, the start before it
    month_rel: int | None = None  # "the 20th of next month"
    nth: int | None = None  # "first Tuesday of October" (with a weekday), "last day of May" (without); -1 is last
    wd_count: int | None = None  # "3 Fridays from now", "Friday after next": the nth such day, negative for past
    #: a period rather than a day: month, year, decade, quarter, half, week, or the unit of "next 3 days"
    unit: str | None = None
    unit_rel: int | None = None  # "next quarter": +1
    count: int = 0  # "next 3 days": +3, "last 2 hours": -2
    part: str | None = None  # begin / mid / end of the period
    quarter: int | None = None  # the quarter or half of the year

    @property
    def has_date(self) -> bool:
        """Names one day; a period ("end of the month", "Q3") is never a fallback day for a clock time."""
        if self.unit is not None:
            return False
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
    #: where the second clock of a time range begins ("4 - 3:00 pm"): when the first number is
    #: a date's day ("June 4 - 3:00 pm"), the second clock is still a time of its own
    second_at: int | None = None


def _mask(text: str) -> str:
    parts: list[str] = []
    last = 0
    for m in _MASK_S.finditer(text):
        parts += (text[last : m.start()], " " * (m.end() - m.start()))
        last = m.end()
    return "".join(parts) + text[last:] if parts else text


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = raw.lstrip("'’")
    y = int(raw)
    if len(raw) == 2:
        # '74 is 1974 and '35 is 2035: the century that keeps a two-digit year near today
        return y + 2000 if y <= 50 else y + 1900
    return y


def _word_number(raw: str) -> int | None:
    total = 0
    for w in re.split(r"[\s-]+", raw.strip().lower()):
        v = CARDINALS.get(w) or ORDINAL_WORDS.get(w)
        if v is None:
            return None
        total += v
    return total


def _day_value(raw: str) -> int | None:
    digits = re.match(r"\d+", raw)
    return int(digits.group(0)) if digits else _word_number(raw)


_MONTH_REL = {"next": 1, "following": 1, "coming": 1, "this": 0, "current": 0, "previous": -1, "last": -1, "past": -1}


def _date_atoms(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _DATE_S.finditer(text):
        p = Parsed(m.start(), m.end(), kinds={"date"})
        g = m.group
        if g("iso"):
            p.year, p.month, p.day = int(g("iy")), int(g("im")), int(g("id"))
        elif g("ymd"):
            p.year, p.month, p.day = int(g("yy")), MONTHS[g("ym").lower()], int(g("yd"))
        elif g("mrel"):
            p.day, p.month_rel = _day_value(g("d7")), _MONTH_REL[g("mr").lower()]
        elif g("md"):
            name, raw_day = g("m1"), g("d1")
            if not raw_day[0].isdigit() and not name[0].isupper():
                ordinal = raw_day.lower().endswith(("st", "nd", "rd", "th"))
                if name.lower() == "may" or (name.lower() in _WEAK_MONTHS and not ordinal):
                    continue  # "you may first ..." is not the first of May
            p.month, p.day, p.year = MONTHS[name.lower()], _day_value(raw_day), _year(g("y1"))
            if g("d1e"):
                p.range_end = Parsed(m.start("d1e"), m.end(), month=p.month, day=_day_value(g("d1e")), year=p.year)
                p.range_end.kinds = {"date"}
        elif g("dm"):
            if not g("d2")[0].isdigit() and not g("dof"):
                continue  # a spelled ordinal needs "of": "third of March", not "the first March meeting"
            p.day, p.month = _day_value(g("d2")), MONTHS[g("m2").lower()]
            p.year = _year(g("y2") or g("y2b") or g("y2c") or g("y2d"))
            if g("d2a"):
                end = Parsed(m.start("d2"), m.end(), day=p.day, month=p.month, year=p.year, kinds={"date"})
                p.day, p.range_end = _day_value(g("d2a")), end
        elif g("num"):
            a, b = int(g("a")), int(g("b"))
            if g("sep") == ".":
                # dots separate a date day first ("6.5.2026", "06.05."): the US writes slashes.
                # Without a year only the closed form "13.11." is a date ("at 10.30." is a time)
                closed = not g("y3") and text.startswith(".", m.end()) and not text.startswith("..", m.end())
                if not g("y3") and not (closed and not _AT_BEFORE.search(text, max(0, m.start() - 12), m.start())):
                    continue
                if not 1 <= b <= 12:
                    if not (g("y3") and 1 <= a <= 12):
                        continue
                    a, b = b, a  # "10.31.1974": only month first makes a date
                p.day, p.month, p.year = a, b, _year(g("y3"))
                if closed:
                    p.end = m.end() + 1
            elif g("sep") != "/" and not g("y3"):
                continue  # "2-3" is a range far more often than a date
            else:
                p.numeric, p.year = (a, b), _year(g("y3"))
        elif g("ordinal"):
            p.day = int(g("d4"))
            if not g("the"):
                p.kinds = {"date", "bare_ordinal"}
        elif g("onthe"):
            p.day = _day_value(g("d6"))
        days = [p.day] + ([p.range_end.day] if p.range_end else [])
        if any(d is not None and not 1 <= d <= 31 for d in days):
            continue
        if p.month is not None and not 1 <= p.month <= 12:
            continue
        if p.numeric and (not 1 <= p.numeric[0] <= 31 or not 1 <= p.numeric[1] <= 31):
            continue
        out.append(_Atom(m.start(), p.end, "date", p))
    return out


_ORDINAL_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
_PART_OF = {"beginning": "begin", "start": "begin", "early": "begin", "middle": "mid", "mid": "mid"}
_PART_OF |= {"end": "end", "late": "end"}


def _count(raw: str) -> int:
    txt = re.sub(r"\s+", " ", raw.strip().lower())
    if txt in _NUM_WORDS:
        return _NUM_WORDS[txt]
    if txt.isdigit():
        return int(txt)
    return _word_number(txt) or 1


def _rel_value(raw: str | None) -> int:
    word = (raw or "this").split()[-1].lower()
    return {"next": 1, "coming": 1, "following": 1, "upcoming": 1, "last": -1, "past": -1, "previous": -1}.get(word, 0)


def _period_atoms(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _PERIOD_S.finditer(text):
        g = m.group
        p = Parsed(m.start(), m.end(), kinds={"span"})
        kind = "span"
        if g("pweek"):
            p.part, p.unit, p.unit_rel = _PART_OF[g("part").lower()], g("punit").lower(), _rel_value(g("prel"))
        elif g("pabbr"):
            ab = g("pabbr")
            p.part, p.unit, p.unit_rel = ("end" if ab[0] == "E" else "begin"), ("month" if ab[2] == "M" else "week"), 0
        elif g("pmon"):
            p.part = _PART_OF[g("part2").lower()]
            if g("pm"):
                p.unit, p.month, p.year = "month", MONTHS[g("pm").lower()], _year(g("pmy"))
            else:
                p.unit, p.year = "year", int(g("py"))
        elif g("qabs"):
            half = (g("qh") or g("qh2")).lower() == "h"
            p.unit, p.quarter = ("half" if half else "quarter"), int(g("q") or g("q2"))
            p.year = int(g("qy") or g("qy2"))
        elif g("qrel"):
            p.unit, p.unit_rel = "quarter", _rel_value(g("qr"))
        elif g("span"):
            word = (g("sdir") or g("sdir2")).lower()
            if word == "this" or word == "current":
                continue
            n = _count(g("sn") or g("sn2"))
            unit = g("sunit").lower().rstrip("s")
            if g("biz"):
                if unit != "day":
                    continue
                unit = "bday"
            p.unit, p.count = unit, (-n if _rel_value(word) < 0 else n)
        elif g("sdec"):
            p.unit, p.unit_rel = "decade", _rel_value(g("dr"))
        elif g("nthwd"):
            kind, p.kinds = "date", {"date"}
            p.nth = _ORDINAL_NTH.get(g("nth").lower()) or int(g("nth")[0])
            if g("nwd"):
                p.weekday = WEEKDAYS[g("nwd").lower()]
            if g("nm"):
                p.month, p.year = MONTHS[g("nm").lower()], _year(g("ny"))
            else:
                p.month_rel = _rel_value(g("nrel"))
        elif g("wdn"):
            kind, p.kinds = "date", {"date"}
            n = _count(g("cn"))
            p.weekday = WEEKDAYS[g("cwd").lower()]
            p.wd_count = -n if g("cdir").lower() in ("ago", "back") else n
        out.append(_Atom(m.start(), m.end(), kind, p))
    return out


def _coarse_atoms(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _COARSE_S.finditer(text):
        p = Parsed(m.start(), m.end(), kinds={"span"})
        if m.group("mon"):
            name = m.group("cm")
            if name.lower() in _WEAK_MONTHS and not name[0].isupper():
                continue
            p.unit, p.month, p.year = "month", MONTHS[name.lower()], _year(m.group("cmy"))
        else:
            p.year = int(m.group("y"))
            p.unit = "decade" if m.group("dec") and p.year % 10 == 0 else "year"
            if p.unit == "decade":
                p.kinds.add("alone")  # "the 1990s" stands on its own; a bare year does not
        out.append(_Atom(m.start(), m.end(), "span", p))
    return out


def _weekday_atoms(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _WEEKDAY_S.finditer(text):
        name = m.group("wd")
        p = Parsed(m.start(), m.end(), weekday=WEEKDAYS[name.lower()], kinds={"wd"})
        p.weekday_mod = (m.group("mod") or "").lower() or None
        wk = (m.group("wk") or m.group("pwk") or "").lower()
        if "after" in wk:
            p.wd_count = 2  # "Friday after next": the second Friday from now
        elif "next" in wk or "following" in wk or "coming" in wk or "volgende" in wk:
            p.week_offset = 1
        elif "last" in wk or "previous" in wk or "past" in wk:
            p.week_offset = -1
        elif "this" in wk:
            p.week_offset = 0
            p.weekday_mod = p.weekday_mod or "thisweek"
        p.weak_weekday = name.lower() in _WEAK_WEEKDAYS and not name[0].isupper() and not p.weekday_mod
        if m.group("wdm"):
            # "Sunday 12.4", "Mi. 8.10": a day-first date after its weekday
            d, mo = int(m.group("wdm")), int(m.group("wdmo"))
            if 1 <= d <= 31 and 1 <= mo <= 12:
                p.day, p.month = d, mo
            else:
                p.end = m.end("wd") if not m.group("wk") else m.end("wk")
        elif m.group("wdw") or m.group("wdd"):
            day = _day_value(m.group("wdw") or m.group("wdd"))
            # "Monday 21" is a day of the month; "Monday 10" is more often ten o'clock
            if day is None or not (13 if m.group("wdd") else 1) <= day <= 31:
                p.end = m.end("wd") if not m.group("wk") else m.end("wk")
            else:
                p.day = day
        out.append(_Atom(p.start, p.end, "wd", p))
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
_UNIT_MINUTES = {"mi": 1, "ho": 60, "hr": 60, "h": 60, "da": 1440, "we": 10080, "fo": 20160}


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
    for m in _REL_S.finditer(text):
        p = Parsed(m.start(), m.end(), kinds={"rel"})
        rel = (m.group("rel") or "").lower()
        if m.group("n") or m.group("n2"):
            if m.group("n"):
                p.shift, p.shift_months = _shift(m.group("n"), m.group("unit"), 1)
            else:
                direction = m.group("dir").lower()
                back = direction in ("ago", "earlier", "back", "before")
                p.shift, p.shift_months = _shift(m.group("n2"), m.group("unit2"), -1 if back else 1)
                if direction in ("from", "after", "before"):
                    if m.group("unit2").lower().startswith(("m", "h")) and not p.shift_months:
                        continue  # "15 minutes before 2pm" is an instruction about the meeting, not its time
                    # "3 days after January 12th": an offset from the day that follows it
                    if re.search(r"\bfor\s*$", text[max(0, m.start() - 8) : m.start()], re.I):
                        continue  # "for 10 days from 18th Dec" is a stay that starts on the 18th
                    p.kinds = {"offset"}
                    out.append(_Atom(m.start(), m.end(), "offset", p))
                    continue
            p.rel_days = 0
        elif rel.startswith("last"):
            p.rel_days, p.pod = -1, "night"
        elif "day after" in rel:
            p.rel_days = 2
        elif "day before" in rel:
            p.rel_days = -2
        elif rel.startswith(("tomorrow", "tmr")):
            p.rel_days = 1
        elif rel == "yesterday":
            p.rel_days = -1
        elif rel in _REL_DAYS:
            p.rel_days = _REL_DAYS[rel]
        else:
            p.rel_days = 0
            if rel in ("tonight", "tonite"):
                p.pod = "night"
            elif rel.startswith("this "):
                p.pod = rel.split()[1]
        out.append(_Atom(m.start(), m.end(), "rel", p))
    return out


def _meridiem(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.strip().lower()
    if not raw.startswith("in"):
        return raw[0]  # "pm", "p.m.", "a m"
    word = raw.split()[-1]  # "in the AM", "in the evening"
    return "a" if word == "morning" else "p" if word in ("afternoon", "evening") else word[0]


def _time_atoms(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _TIME_S.finditer(text):
        g = m.group
        suffix = (g("suf") or "").strip().lower()
        p = Parsed(m.start(), m.end(), kinds={"time"})
        second: int | None = None
        word = (g("aw") or "").lower()
        if word:
            p.hour = 0 if word == "midnight" else 12
            p.meridiem = "a" if word == "midnight" else "p"
        else:
            h = int(g("ah"))
            if _DURATION_BEFORE.search(text, max(0, m.start() - 28), m.start()):
                continue
            sep, ap = (g("asep") or "").strip() or None, _meridiem(g("aap") or g("sap"))  # "10 h 30"
            if g("ah") == "0" and ap is None and not suffix:
                continue  # "the 0:55-1:40 stretch": a video's timecode; a clock writes 00:55 or 12:55 am
            if (
                suffix in ("hrs", "hs")
                and sep is None
                and ap is None
                and g("bh") is None
                and not _HRS_CLOCK_BEFORE.search(text, max(0, m.start() - 16), m.start())
            ):
                continue  # "same venue, same 2 hrs": a length; "a las 10 hrs", "14:00 hrs" are clocks
            has_end = g("bh") is not None or g("bw") is not None
            bare = sep is None and ap is None and g("ahh") is None
            if sep == "h" and g("am") is None:
                bare = True
            if sep == "." and ap is None and suffix not in ("uhr", "uur", "h", "hs") and not has_end:
                # "10.30" alone is a number more often than a time; "at 10.30", "10.30 CET" are clocks
                before = text[max(0, m.start() - 16) : m.start()]
                if before.endswith(("€", "$", "£")) or not (
                    _CLOCK_BEFORE.search(before)
                    or _DATE_BEFORE_DOTTED.search(text, max(0, m.start() - 30), m.start())
                    or _CLOCK_ZONE_AFTER.match(text, m.end())
                    or _DAY_NAMED_AFTER.match(text, m.end())
                ):
                    continue
            if bare and not suffix and _UNIT_AFTER.match(text, m.end()):
                continue  # "for 7 hours", "3 people"
            if bare and not suffix and not g("pre"):
                end_ok = has_end and (g("bap") is not None or g("bsep") in (":", "."))
                before = text[max(0, m.start() - 12) : m.start()]
                at = _AT_BEFORE.search(before)
                if at is not None and at.group().lower().startswith("alle") and _COUNTED_AFTER.match(text, m.end()):
                    continue  # German "alle 12 Jobs", "alle 2 Wochen": all of, every; not Italian "alle 12"
                if (
                    not end_ok
                    and at is None
                    and not _DAY_AFTER.match(text, m.end())
                    and not _CLOCK_ZONE_AFTER.match(text, m.end())
                ):
                    continue
            if h > 23 or (ap and not 1 <= h <= 12):
                continue
            p.hour, p.minute, p.meridiem = h, int(g("am") or 0), ap
            p.clock24 = (
                (g("ah").startswith("0") and ap is None)
                or suffix in ("uhr", "uur", "h", "hs")
                or sep in ("h", "u")
                or bool(g("ahh"))
            )
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
                        second = m.start("bh")
        if p.end_hour is None:
            p.end = max(m.end(n) for n in ("ah", "ahh", "am", "aap", "aw") if g(n) is not None)
            if g("suf") and g("bh") is None and g("bw") is None:
                p.end = m.end("suf")
        out.append(_Atom(p.start, p.end, "time", p, second))
    return out


def _hour_value(raw: str) -> int:
    return int(raw) if raw.isdigit() else CARDINALS[raw.lower()]


def _wtime_atoms(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _WTIME_S.finditer(text):
        g = m.group
        said_at = _SAID_AT.search(text[max(0, m.start() - 16) : m.start()]) is not None
        ends_well = _HOUR_END.match(text, m.end()) is not None
        p = Parsed(m.start(), m.end(), kinds={"time"})
        if g("rel"):
            off_raw = g("off").lower()
            quarter_half = off_raw.endswith(("quarter", "half"))
            off = 15 if off_raw.endswith("quarter") else 30 if off_raw == "half" else _hour_value_or_words(off_raw)
            # British "half eleven" is half past eleven (the Dutch "half elf" is half past ten, but
            # is written in Dutch words, which the pattern does not take)
            direction, base_raw = (g("dir") or "past").lower(), g("base").lower()
            noonish = base_raw in ("noon", "midday", "midnight")
            if off is None or not 1 <= off <= 59:
                continue
            after_date = _DATE_BEFORE_DOTTED.search(text, max(0, m.start() - 30), m.start()) is not None
            if not g("dir") and not (said_at or ends_well or g("rap") or (off_raw == "half" and after_date)):
                continue  # "the 26th, half 9": a British half hour right after its date
            if direction == "after" and g("mins"):
                continue  # "arrive 15 minutes after 2pm" is an instruction, not the meeting time
            if direction in ("to", "till", "of"):
                # "2 to 3pm" and "from 15 to 20" are ranges; "20 to 3", "quarter to 3" count down
                if not (quarter_half or g("mins") or off > 12 or noonish):
                    continue
                if not (quarter_half or g("mins")):
                    if _RANGE_BEFORE.search(text[max(0, m.start() - 10) : m.start()]):
                        continue
                    if not (noonish or g("rap") or said_at or ends_well) or (
                        not noonish and not base_raw.isalpha() and int(base_raw) > 12
                    ):
                        continue
            elif not (quarter_half or g("mins") or off > 12 or g("rap") or noonish or said_at):
                continue
            if noonish:
                base_h, ap = (0 if base_raw == "midnight" else 12), None
            else:
                base_h, ap = _hour_value(base_raw), _meridiem(g("rap"))
                if base_h > 23 or (ap and not 1 <= base_h <= 12):
                    continue
            total = base_h * 60 + (off if direction in ("past", "after") else -off)
            h, minute = divmod(total % (24 * 60), 60)
            if noonish:
                p.meridiem, p.clock24 = ("a" if h < 12 else "p"), True
            elif ap:
                h24 = _to24(base_h, ap) * 60 + (total - base_h * 60)
                h, minute = divmod(h24 % (24 * 60), 60)
                p.clock24 = True
            p.hour, p.minute = h, minute
        elif g("wc"):
            if not (g("wap") or g("woc") or ((g("wm") or ends_well) and (said_at or _DAY_AFTER.match(text, m.end())))):
                continue
            wmin = _word_number(g("wm").replace("oh", "").strip(" -")) if g("wm") else 0
            if wmin is None or wmin > 59:
                continue
            p.hour, p.minute, p.meridiem = CARDINALS[g("wh").lower()], wmin, _meridiem(g("wap"))
        elif g("cd"):
            h, minute, ap = int(g("ch")), int(g("cm")), _meridiem(g("cap"))
            hrs = _HRS_AFTER.match(text, m.end()) if ap is None and len(g("ch")) == 2 else None
            mil = _MIL_AFTER.match(text, m.end()) if ap is None and len(g("ch")) == 2 and h <= 23 else None
            if mil is not None and not (mil.group("rng") or mil.group("letter") or hrs is None):
                mil = None  # "1400 hrs": read below
            if (
                hrs is not None
                and mil is None
                and h <= 23
                and (
                    said_at
                    or _CLOCK_BEFORE.search(text, max(0, m.start() - 16), m.start())
                    or _DATE_THEN.search(text, max(0, m.start() - 24), m.start())
                    or _MIL_AFTER.match(text, hrs.end())
                )
            ):
                p.clock24 = True  # "1500 hrs"
                p.end = hrs.end()
            elif mil is not None and (
                mil.group("letter")
                or mil.group("rng")
                or said_at
                or _DATE_THEN.search(text, max(0, m.start() - 24), m.start())
                or _CLOCK_BEFORE.search(text, max(0, m.start() - 16), m.start())
            ):
                # "1630Z", "0800-1000L", "0900-1030 ChST", "1400 CT" after a date: a 24-hour clock
                p.clock24 = True
                p.end = mil.end("rng") if mil.group("rng") else m.end()
                if mil.group("rng"):
                    p.end_hour, p.end_minute = int(mil.group("rh")), int(mil.group("rm"))
                if mil.group("letter") == "Z" and (utc := zones.lookup("UTC")) is not None:
                    z = Parsed(p.end, p.end + 1, zone=utc, zone_text="Z", kinds={"zone", "abbr"})
                    out.append(_Atom(p.end, p.end + 1, "zone", z))
                elif mil.group("letter"):
                    p.end += 1  # "L" (local) and "J" name no zone: the writer's own
            elif (
                ap is None
                and len(g("ch")) == 2
                and h <= 23
                and minute % 15 == 0
                and _DATE_THEN_AT.search(text, max(0, m.start() - 40), m.start())
            ):
                p.clock24 = True  # "Thursday 4th December at 1400"
                p.end = m.end()
            elif (
                ap is None
                and len(g("ch")) == 2
                and h <= 23
                and minute % 15 == 0
                and _DAY_NAMED_AFTER.match(text, m.end())
            ):
                p.clock24 = True  # "be at the facility 0630 Thursday"
                p.end = m.end()
            elif ap is None and not (said_at and h <= 12 and minute and ends_well):
                continue
            if h > 23 or (ap and not 1 <= h <= 12):
                continue
            p.hour, p.minute, p.meridiem = h, minute, ap
            if p.clock24:
                out.append(_Atom(m.start(), p.end, "time", p))
                continue
        else:
            h, minute = int(g("sh")), int(g("sm"))
            if not (said_at and 1 <= h <= 12 and ends_well):
                continue
            p.hour, p.minute = h, minute
        if p.meridiem and p.meridiem not in "ap":
            p.meridiem = None
        out.append(_Atom(m.start(), m.end(), "time", p))
    return out


def _hour_value_or_words(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else _word_number(raw)


#: a city or country said in parentheses right after an abbreviation: "AEST (Brisbane time)",
#: "EET (Cairo)"; the place is the more exact of the two (Brisbane keeps no summer time)
_PLACE_AFTER = patterns.compile(rf"\s?\(\s?(?P<place>{_CITY}|{_REGION})(?:\s+time)?\s?[),]", re.IGNORECASE)


def _abbr_zone(abbr: str, text: str, end: int, context: dict[str, Zone | None]) -> Zone | None:
    place = _PLACE_AFTER.match(text, end)
    if place is not None and (z := zones.lookup(place.group("place"))) is not None:
        said = zones.lookup(abbr)
        if said is None or zones.same_standard(said, z):
            return z
    if abbr in zones.CONTEXT_READINGS:
        # "AST" in mail about the Gulf is Arabia's; the text is read once per abbreviation
        if abbr not in context:
            context[abbr] = zones.context_reading(abbr, text)
        if (z := context[abbr]) is not None:
            return z
    return zones.lookup(abbr)


def _zone_atoms(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    context: dict[str, Zone | None] = {}  # an abbreviation's reading in this text
    for m in _ZONE_S.finditer(text):
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
        elif g("heure"):
            z = zones.lookup(g("hc"))
        elif g("hora"):
            z = zones.iana(lexicon.ZONE_WORDS[g("hl").lower()])
        elif g("tijd"):
            z = zones.iana(lexicon.ZONE_BEFORE[g("tl").lower()])
        elif g("bare"):
            if _NAME_GOES_ON.match(text, m.end()):
                continue  # "Central Park", "Pacific Northwest": a name, not a clock
            z = zones.lookup(g("bare"))
        elif g("abbr"):
            z = _abbr_zone(g("abbr"), text, m.end(), context)
        if z is None:
            continue
        p = Parsed(m.start(), m.end(), zone=z, zone_text=m.group(0).strip().strip("()"), kinds={"zone"})
        if g("abbr") or g("bare"):
            p.kinds.add("abbr")
        out.append(_Atom(m.start(), m.end(), "zone", p))
    return out


_POD_WORDS = {"arvo": "afternoon"}


def _pod_atoms(text: str) -> list[_Atom]:
    return [
        _Atom(
            m.start(),
            m.end(),
            "pod",
            Parsed(m.start(), m.end(), pod=_POD_WORDS.get(word := m.group("pod").lower(), word), kinds={"pod"}),
        )
        for m in _POD_S.finditer(text)
    ]


class _Taken:
    """The spans taken by earlier finders: does an atom overlap one? A sorted lookup, not a
    rescan of every span per atom (quadratic in the mentions of a long hostile text)."""

    __slots__ = ("_max_end", "_starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [s for s, _ in spans]
        self._max_end: list[int] = []
        top = -1
        for _, e in spans:
            top = max(top, e)
            self._max_end.append(top)

    def overlaps(self, a: _Atom) -> bool:
        # the spans that start before the atom ends overlap it iff the furthest of their ends
        # lies beyond its start
        i = bisect_left(self._starts, a.end) - 1
        return i >= 0 and self._max_end[i] > a.start


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
        into.wd_count = src.wd_count
        if src.day is not None and into.day is None:
            into.day = src.day
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
    elif atom.kind == "offset":
        into.shift, into.shift_months = src.shift, src.shift_months
        into.kinds.add("offset")


_FINDERS = (
    _zone_atoms,
    _period_atoms,
    _date_atoms,
    _rel_atoms,
    _weekday_atoms,
    _wtime_atoms,
    _time_atoms,
    _pod_atoms,
    _coarse_atoms,
)


def _slot(kind: str) -> str:
    return "date" if kind in ("date", "rel") else kind


#: mentions (and loose zones) kept per scanned text: real mail states a few dozen at most,
#: and what the callers do with each mention must stay bounded whatever a stranger sends
MAX_MENTIONS = 200


#: how much text after a date's day is read again for the clock that follows it
_SECOND_CLOCK_WINDOW = 48
_WRITTEN_MINUTES = patterns.compile(r"\d{1,2}\s*[:.h]\s*\d\d")


def _second_clock(a: _Atom, masked: str) -> _Atom | None:
    """The clock after a date's day that the time finder read as the end of a range starting at
    that day ("June 4 - 3:00 pm" is the 4th of June at 3 pm, not 4 to 3 pm; "November 13 -
    8:00-11:30 AM PT" the 13th from 8:00 to 11:30): the time finder run again from there, its
    own range and all; only a clock that says it is one (minutes or am/pm)."""
    p = a.data
    if a.kind != "time" or a.second_at is None or p.end_hour is None or p.minute or p.meridiem:
        return None
    at = a.second_at
    for b in _time_atoms(masked[at : at + _SECOND_CLOCK_WINDOW]):
        q = b.data
        said = q.meridiem or q.end_meridiem or _WRITTEN_MINUTES.match(masked, at + b.start, at + b.end)
        if b.start != 0 or not said:
            return None
        return _Atom(b.start + at, b.end + at, "time", replace(q, start=q.start + at, end=q.end + at))
    return None


def scan(text: str) -> tuple[list[Parsed], list[Parsed]]:
    """The mentions in ``text`` in order, and the zones that stand alone (not next to a time);
    at most ``MAX_MENTIONS`` of each, the first ones."""
    masked = _mask(text)
    atoms: list[_Atom] = []
    taken: list[tuple[int, int]] = []
    # precedence: zones (so "UTC-05:00" is not a time), periods, dates, relative days, weekdays, times
    for finder in _FINDERS:
        checkpoint()
        lookup = _Taken(taken)
        found = []
        seconds = False
        for a in finder(masked):
            if not lookup.overlaps(a):
                found.append(a)
            elif (second := _second_clock(a, masked)) is not None and not lookup.overlaps(second):
                found.append(second)
                seconds = True
        if seconds:  # a second clock read again with its own range covers what the finder found after it
            found.sort(key=lambda a: (a.start, -a.end))
            found = [a for i, a in enumerate(found) if not any(b.end > a.start for b in found[:i])]
        atoms.extend(found)
        taken.extend((a.start, a.end) for a in found)
    atoms.sort(key=lambda a: a.start)

    mentions: list[Parsed] = []
    loose_zones: list[Parsed] = []
    cur: Parsed | None = None
    filled: set[str] = set()
    pod_before: _Atom | None = None  # "in the evening at eight": a part of day said just before a time
    for atom in atoms:
        joinable = (
            cur is not None
            and atom.kind != "span"
            and "span" not in cur.kinds
            and atom.start - cur.end <= _MAX_GLUE
            and _slot(atom.kind) not in filled
            and not (atom.kind == "date" and "wd" in filled and "date" in filled)
            and _GLUE.match(masked[cur.end : atom.start]) is not None
        )
        if atom.kind == "pod" and not joinable:
            pod_before = atom
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
        if (
            atom.kind == "time"
            and pod_before is not None
            and cur.meridiem is None
            and _POD_GLUE.match(masked[pod_before.end : atom.start])
        ):
            cur.pod, cur.start = pod_before.data.pod, pod_before.start
        pod_before = None
    if cur is not None:
        mentions.append(cur)
    kept = [m for m in _join_ranges(mentions, masked) if _meaningful(m)]
    return kept[:MAX_MENTIONS], loose_zones[:MAX_MENTIONS]


_RANGE_SEP = patterns.compile(r"^\s*(?:-|–|—|~|to|till|til|until|through|thru|and)\s+(?:the\s+)?$|^\s*[-–—~]\s*$", re.I)
_BETWEEN = patterns.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
_TO_NOW = patterns.compile(r"\s*(?:-|–|to|till|until|and)\s+(?:now|date|today)\b", re.I)


def _dateish(p: Parsed) -> bool:
    return p.hour is None and bool(p.kinds & {"date", "span"}) and p.range_end is None


def _join_ranges(mentions: list[Parsed], text: str) -> list[Parsed]:
    """Two dates with "to", "-" or "between … and" between them are one range, resolved together."""
    out: list[Parsed] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None and _dateish(a) and _dateish(b) and (a.unit is None or a.unit in ("month", "year")):
            sep = _RANGE_SEP.match(text[a.end : b.start])
            if sep and ("and" not in sep.group(0).lower() or _BETWEEN.search(text[max(0, a.start - 12) : a.start])):
                a.range_end, a.end = b, b.end
                a.kinds.add("alone")
                out.append(a)
                i += 2
                continue
        if a.unit in ("month", "year") and _TO_NOW.match(text, a.end):
            a.kinds.add("alone")
        out.append(a)
        i += 1
    return out


def _meaningful(p: Parsed) -> bool:
    if p.unit in ("month", "year", "decade") and p.part is None and not p.count and "alone" not in p.kinds:
        return False
    if p.kinds <= {"wd", "pod"} and p.weak_weekday:
        return False
    if "bare_ordinal" in p.kinds and not p.kinds & {"wd", "time", "rel"}:
        return False
    return bool(p.kinds & {"date", "wd", "rel", "time", "span"})


# ---------------------------------------------------------------- resolution


def dayfirst_for(ref: datetime) -> bool:
    """Numeric dates read day-first when the Date header's offset is east of Greenwich.

    +0000 says little (US ATS servers send in UTC), so it keeps month-first; so does +0900,
    Japan's and Korea's offset, where "6/30 (Tue)" is month and day (the year-first order of
    "2026.06.30" without its year).
    """
    off = ref.utcoffset()
    return off is not None and off > timedelta(0) and off != timedelta(hours=9)


_DAYFIRST_WORDS = frozenset(w for ws in lexicon.DAYFIRST_WORDS.values() for w in ws.split())
_MONTHFIRST_WORDS = frozenset(lexicon.MONTHFIRST_WORDS.split())
_WORD = patterns.compile(r"[^\W\d_]+")


def dayfirst_by_language(text: str) -> bool:
    """Is ``text`` written mostly in a language that puts the day first in numeric dates (Spanish,
    Portuguese, French, German, Italian, Dutch)? Counted on its function words, a few thousand
    characters at most: five such words and twice as many as English ones."""
    ours = theirs = 0
    for m in _WORD.finditer(text, 0, min(len(text), 4000)):
        w = m.group().lower()
        if w in _DAYFIRST_WORDS:
            ours += 1
        elif w in _MONTHFIRST_WORDS:
            theirs += 1
    return ours >= 5 and ours > 2 * theirs


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


def _shift_month(y: int, m: int, by: int) -> tuple[int, int]:
    q, r = divmod(m - 1 + by, 12)
    return y + q, r + 1


def _month_end(y: int, m: int) -> date:
    ny, nm = _shift_month(y, m, 1)
    return date(ny, nm, 1) - timedelta(days=1)


def _nth_in_month(p: Parsed, today: date) -> date | None:
    assert p.nth is not None
    if p.month_rel is not None:
        months = [_shift_month(today.year, today.month, p.month_rel)]
    elif p.month is not None and p.year is not None:
        months = [(p.year, p.month)]
    elif p.month is not None:
        months = [(today.year, p.month), (today.year + 1, p.month)]
    else:
        return None
    found: date | None = None
    for y, m in months:
        last = _month_end(y, m)
        if p.weekday is None:
            found = last if p.nth < 0 else _safe_date(y, m, p.nth)
        elif p.nth < 0:
            found = last - timedelta(days=(last.weekday() - p.weekday) % 7)
        else:
            first = date(y, m, 1)
            found = first + timedelta(days=(p.weekday - first.weekday()) % 7 + 7 * (p.nth - 1))
            if found.month != m:
                found = None
        if found is not None and (found >= today or len(months) == 1):
            return found
    return found


def _nth_weekday_from(today: date, wd: int, count: int) -> date:
    if count > 0:
        first = today + timedelta(days=(wd - today.weekday()) % 7 or 7)
        return first + timedelta(days=7 * (count - 1))
    first = today - timedelta(days=(today.weekday() - wd) % 7 or 7)
    return first - timedelta(days=7 * (-count - 1))


def _not_after(y: int | None, m: int, d: int, limit: date) -> date | None:
    """The year for the start of a range whose end is ``limit``: on or before it."""
    if y is not None:
        return _safe_date(y, m, d)
    c = _safe_date(limit.year, m, d)
    if c is None or c > limit:
        c = _safe_date(limit.year - 1, m, d)
    return c


def resolve_date(p: Parsed, today: date, dayfirst: bool, *, not_after: date | None = None) -> date | None:
    """The day ``p`` names; ``not_after`` is the end of the range it starts, which settles a missing year."""
    base = _base_date(p, today, dayfirst, not_after)
    if base is not None and "offset" in p.kinds:
        # "3 days after January 12th", "two weeks from tomorrow"
        base = _add_months(base, p.shift_months) + timedelta(days=p.shift.days if p.shift else 0)
    return base


def _base_date(p: Parsed, today: date, dayfirst: bool, not_after: date | None) -> date | None:
    wd = p.weekday
    if p.wd_count is not None and wd is not None:
        return _nth_weekday_from(today, wd, p.wd_count)
    if p.nth is not None:
        return _nth_in_month(p, today)
    if p.month_rel is not None and p.day is not None:
        y, m = _shift_month(today.year, today.month, p.month_rel)
        return _safe_date(y, m, p.day)
    if p.rel_days is not None and p.month is None and p.numeric is None and p.day is None:
        base = today + timedelta(days=p.rel_days)
        if p.shift is not None and "offset" not in p.kinds:
            base = _add_months(base, p.shift_months) + timedelta(days=p.shift.days)
        return base
    if p.numeric is not None:
        a, b = p.numeric
        orders = [(b, a), (a, b)] if dayfirst else [(a, b), (b, a)]
        orders = [(mo, d) for mo, d in orders if 1 <= mo <= 12]
        if not orders:
            return None
        if not_after is not None and wd is None:
            return _not_after(p.year, orders[0][0], orders[0][1], not_after)
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
        if not_after is not None and wd is None:
            return _not_after(None, p.month, p.day, not_after)
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


_POD_HOUR = {"morning": 8, "afternoon": 12, "evening": 18, "night": 20, "lunch": 12}


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
        elif p.pod in (None, "lunch") and 1 <= h <= 6:
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


def _quarter_start(d: date) -> date:
    return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)


_UNIT_DAYS = {"day": 1, "week": 7}
_UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120}
_PART_DAYS = {"week": {"begin": (0, 3), "mid": (2, 5), "end": (4, 7)}, "month": {"begin": (0, 10), "mid": (10, 20)}}


def _count_span(p: Parsed, now: datetime) -> tuple[date | datetime, date | datetime]:
    """ "next 3 days" starts tomorrow, "last 2 days" two days ago; "next 3 hours" at the next full hour."""
    u, n, today = p.unit or "day", p.count, now.date()
    if u in ("minute", "hour"):
        step = timedelta(minutes=1 if u == "minute" else 60)
        base = now.replace(second=0, microsecond=0)
        if u == "hour":
            base = base.replace(minute=0)
        return (base + step, base + step * (n + 1)) if n > 0 else (base + step * n, base)
    if u == "bday":
        d, left = today, abs(n)
        while left:
            d += timedelta(days=1 if n > 0 else -1)
            left -= d.weekday() < 5
        if n > 0:
            first = today + timedelta(days=1)
            while first.weekday() >= 5:
                first += timedelta(days=1)
            return first, d + timedelta(days=1)
        return d, today
    if u in ("quarter", "decade"):
        start = _quarter_start(today) if u == "quarter" else date(today.year // 10 * 10, 1, 1)
        months = _UNIT_MONTHS[u]
        if n > 0:
            return _add_months(start, months), _add_months(start, months * (n + 1))
        return _add_months(start, months * n), start
    if n > 0:
        first = today + timedelta(days=1)
        if u in _UNIT_DAYS:
            return first, first + timedelta(days=_UNIT_DAYS[u] * n)
        return first, _add_months(first, _UNIT_MONTHS[u] * n)
    if u in _UNIT_DAYS:
        return today + timedelta(days=_UNIT_DAYS[u] * n), today
    return _add_months(today, _UNIT_MONTHS[u] * n), today


def _period(p: Parsed, today: date, not_after: date | None) -> tuple[date, date] | None:
    """First day and the day after the last of a named period, narrowed to its beginning, middle or end."""
    u = p.unit
    if u == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7 * (p.unit_rel or 0))
        a, b = _PART_DAYS["week"].get(p.part or "", (0, 7))
        return monday + timedelta(days=a), monday + timedelta(days=b)
    if u == "month":
        if p.month is None:
            y, m = _shift_month(today.year, today.month, p.unit_rel or 0)
        elif p.year is not None:
            y, m = p.year, p.month
        elif not_after is not None:
            y, m = (not_after.year if p.month <= not_after.month else not_after.year - 1), p.month
        else:
            # a month with no year is the next one that has not ended (its part, if one is named)
            y, m = today.year, p.month
            end_day = {"begin": 10, "mid": 20}.get(p.part or "", _month_end(y, m).day)
            if date(y, m, min(end_day, _month_end(y, m).day)) < today:
                y += 1
        first, after = date(y, m, 1), _month_end(y, m) + timedelta(days=1)
        if p.part in ("begin", "mid"):
            a, b = _PART_DAYS["month"][p.part]
            return first + timedelta(days=a), first + timedelta(days=b)
        if p.part == "end":
            return first + timedelta(days=20), after
        return first, after
    if u in ("quarter", "half"):
        if p.year is not None and p.quarter is not None:
            start = date(p.year, (p.quarter - 1) * _UNIT_MONTHS[u] + 1, 1)
        else:
            start = _add_months(_quarter_start(today), 3 * (p.unit_rel or 0))
        return start, _add_months(start, _UNIT_MONTHS[u])
    if u == "year" and p.year is not None:
        first = date(p.year, 1, 1)
        a, b = {"begin": (0, 4), "mid": (5, 8), "end": (8, 12)}.get(p.part or "", (0, 12))
        return _add_months(first, a), _add_months(first, b)
    if u == "decade":
        y = p.year if p.year is not None else (today.year // 10 + (p.unit_rel or 0)) * 10
        return date(y, 1, 1), date(y + 10, 1, 1)
    return None


def _span_mention(p: Parsed, now: datetime, text: str, zone: str | None, not_after: date | None) -> TimeMention | None:
    tz = now.tzinfo or UTC
    grain: Grain = "day"
    if p.count:
        a, b = _count_span(p, now)
        if isinstance(a, datetime) and isinstance(b, datetime):
            return TimeMention(
                a,
                b,
                "minute" if p.unit == "minute" else "hour",
                (p.start, p.end),
                zone,
                False,
                True,
                text[p.start : p.end],
            )
        assert isinstance(a, date) and isinstance(b, date)
        days = (a, b)
    else:
        found = _period(p, now.date(), not_after)
        if found is None:
            return None
        days = found
    start, end = (datetime.combine(d, time(0), tzinfo=tz) for d in days)
    return TimeMention(start, end, grain, (p.start, p.end), zone, False, True, text[p.start : p.end])


def _range_mention(p: Parsed, ref: datetime, dayfirst: bool, text: str) -> TimeMention | None:
    assert p.range_end is not None
    last = to_mention(p.range_end, ref, dayfirst=dayfirst, text=text)
    first = to_mention(
        replace(p, range_end=None), ref, dayfirst=dayfirst, text=text, not_after=last.start.date() if last else None
    )
    if first is None or last is None:
        return first
    end = last.end or last.start + timedelta(days=1)
    if end <= first.start:
        return first
    return TimeMention(first.start, end, "day", (p.start, p.end), first.zone, False, True, text[p.start : p.end])


def to_mention(
    p: Parsed,
    ref: datetime,
    *,
    dayfirst: bool | None = None,
    text: str = "",
    fallback_date: Parsed | None = None,
    fallback_zone: Zone | None = None,
    not_after: date | None = None,
) -> TimeMention | None:
    """Resolve ``p`` against ``ref``; ``fallback_*`` supply a date or zone said elsewhere."""
    today = ref.date()
    if dayfirst is None:
        dayfirst = dayfirst_for(ref)
    if p.range_end is not None and p.hour is None:
        return _range_mention(p, ref, dayfirst, text)
    if p.unit is not None:
        zone_obj = p.zone or fallback_zone
        now = ref.astimezone(zone_obj.tz) if zone_obj else ref
        return _span_mention(p, now, text, _zone_name(p, zone_obj), not_after)
    has_date = p.has_date
    source = p if has_date else fallback_date
    day: date | None
    if source is not None:
        day = resolve_date(source, today, dayfirst, not_after=not_after if source is p else None)
        if day is None:
            return None
    else:
        day = today
    zone = p.zone or fallback_zone
    tz = zone.tz if zone else ref.tzinfo or UTC
    clk = clock(p)
    if clk is None:
        grain: Grain = "day"
        if p.shift is not None and source is p and "offset" not in p.kinds:
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
