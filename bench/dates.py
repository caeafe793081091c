"""Date/time resolution accuracy: followupd's engine against dateparser on the peer suite.

    .venv/bin/python bench/dates.py [PATH] [--misses N]

PATH defaults to ../shared/datecorpus/scheduling.jsonl beside the repository. A case
is right when the first datetime found in its text equals ``expected_start`` with both
truncated to the case's grain. Refs without an offset (the Recognizers cases) are
naive local times: they are read as a fixed zone (UTC) and compared as wall times.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from daemon.understand.timeparse import resolve

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "datecorpus" / "scheduling.jsonl"

Finder = Callable[[str, datetime], datetime | None]


def _truncate(dt: datetime, grain: str) -> tuple[int, ...]:
    full = (dt.year, dt.month, dt.day, dt.hour, dt.minute)
    return full[: {"day": 3, "hour": 4, "minute": 5}[grain]]


def ours(text: str, ref: datetime) -> datetime | None:
    found = resolve(text, ref)
    return found[0].start if found else None


def dateparser_first(text: str, ref: datetime) -> datetime | None:
    from dateparser.search import search_dates

    naive_ref = ref.replace(tzinfo=None)
    settings = {
        "RELATIVE_BASE": naive_ref,
        "PREFER_DATES_FROM": "future",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        hits = search_dates(text, languages=["en"], settings=settings)
    except Exception:
        return None
    if not hits:
        return None
    found: datetime = hits[0][1]
    return found


def _expected(case: dict[str, str]) -> tuple[datetime, datetime, bool]:
    ref = datetime.fromisoformat(case["ref"])
    exp = datetime.fromisoformat(case["expected_start"])
    naive = ref.tzinfo is None
    if naive:
        ref = ref.replace(tzinfo=UTC)
        exp = exp.replace(tzinfo=None)
    return ref, exp, naive


def _comparable(got: datetime, ref: datetime, exp: datetime, naive: bool) -> tuple[datetime, datetime]:
    if naive:
        # the suite's naive gold keeps the wall time as written
        return got.replace(tzinfo=None), exp
    got = got.replace(tzinfo=ref.tzinfo) if got.tzinfo is None else got.astimezone(ref.tzinfo)
    return got, exp.astimezone(ref.tzinfo)


def _score(finder: Finder, case: dict[str, str], ref: datetime, exp: datetime, naive: bool) -> bool:
    got = finder(case["text"], ref)
    if got is None:
        return False
    got, exp = _comparable(got, ref, exp, naive)
    return _truncate(got, case["grain"]) == _truncate(exp, case["grain"])


_WDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_POD_WORD = re.compile(r"\b(?:morning|afternoon|evening|night|tonight|tonite|lunch)", re.I)
_MERIDIEM = re.compile(r"\d\s*[ap]\.?\s?m\b|\b(?:a|p)\.?\s?m\.?$|\bin\s+the\s+[ap]m\b", re.I)

#: our deliberate conventions, each where the peer suite's gold differs (see daemon/understand/timeparse.py's docstring)
CONVENTIONS = {
    "next_weekday": '"next/last <weekday>" is the nearest such day, not the one in next/last week',
    "afternoon": "a bare hour 1-6 with no am/pm is in the afternoon",
    "part_of_day": "parts of day start at morning 08, afternoon 12, evening 18, night 20",
    "passed_time": "a clock time already past on the reference day means tomorrow",
    "future": "a date with no year resolves on or after the reference day",
    "weak_weekday": 'a lone "sat", "sun", "mon." is a word, not a day',
    "zone_region": "BST/IST name London/India wall time (GMT in winter), and only in capitals",
}


def _convention(text: str, ref: datetime, got: datetime | None, exp: datetime, naive: bool) -> str | None:
    """Which deliberate convention, if any, explains a miss; None for a plain miss."""
    if got is None:
        return "weak_weekday" if re.fullmatch(r"\s*(?:sat|sun|mon|wed)\.?\s*", text, re.I) else None
    got, exp = _comparable(got, ref, exp, naive)
    ref_cmp = ref.replace(tzinfo=None) if naive else ref
    delta = got - exp
    if re.search(r"\b(?:bst|ist)\b", text, re.I):
        return "zone_region"
    if abs(delta) == timedelta(days=7) and re.search(
        rf"\b(?:next|following|coming|last|previous|past)\s+(?:week\s+)?{_WDAY}", text, re.I
    ):
        return "next_weekday"
    if got.date() == exp.date():
        if delta == timedelta(hours=12) and not _MERIDIEM.search(text):
            return "afternoon"
        if _POD_WORD.search(text) and got.hour in (8, 12, 18, 20) and got.minute == 0:
            return "part_of_day"
    if delta == timedelta(days=1) and exp < ref_cmp:
        return "passed_time"
    same_day_later_year = (got.month, got.day, got.time()) == (exp.month, exp.day, exp.time()) and got.year > exp.year
    if same_day_later_year and exp < ref_cmp and not re.search(r"\b\d{4}\b|nineteen|hundred|thousand", text, re.I):
        return "future"
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--misses", type=int, default=0, help="print this many of our misses")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    args = ap.parse_args(argv)
    if not args.path.exists():
        print(f"bench/dates.py: {args.path}: no such file", file=sys.stderr)
        return 2
    cases = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    tools: dict[str, Finder] = {"followupd": ours}
    if not args.no_baseline:
        tools["dateparser"] = dateparser_first
    right: dict[str, dict[str, list[int]]] = {t: defaultdict(lambda: [0, 0]) for t in tools}
    elapsed = dict.fromkeys(tools, 0.0)
    misses: list[str] = []
    lost: dict[str, int] = defaultdict(int)
    for case in cases:
        ref, exp, naive = _expected(case)
        groups = ["all", f"source:{case['source']}"] + [f"tag:{t}" for t in case["tags"]]
        for name, finder in tools.items():
            t0 = time.perf_counter()
            ok = _score(finder, case, ref, exp, naive)
            elapsed[name] += time.perf_counter() - t0
            for g in groups:
                right[name][g][0] += ok
                right[name][g][1] += 1
            if name == "followupd" and not ok:
                got = ours(case["text"], ref)
                lost[_convention(case["text"], ref, got, exp, naive) or "other"] += 1
            if name == "followupd" and not ok and len(misses) < args.misses:
                got = ours(case["text"], ref)
                misses.append(
                    f"  {case['text'][:70]!r} ref={case['ref']} want={case['expected_start']} "
                    f"got={got.isoformat() if got else None} [{case['grain']}]"
                )
    keys = sorted(right["followupd"], key=lambda k: (k != "all", k))
    print(f"{'group':28}" + "".join(f"{t:>22}" for t in tools))
    for k in keys:
        row = f"{k:28}"
        for t in tools:
            hit, n = right[t][k]
            row += f"{hit:>8}/{n:<4} {hit / n:6.1%}  "
        print(row)
    for t in tools:
        print(f"{t}: {len(cases) / elapsed[t]:,.0f} cases/s")
    if "dateparser" in tools:
        a, b = right["followupd"]["all"][0], right["dateparser"]["all"][0]
        print(f"ratio followupd/dateparser: {a / max(b, 1):.2f}x")
    print("followupd misses by cause (a deliberate convention where the gold follows Duckling/Recognizers):")
    for key, text in CONVENTIONS.items():
        print(f"  {lost.get(key, 0):>4}  {text}")
    print(f"  {lost.get('other', 0):>4}  other (not covered, or wrong)")
    if misses:
        print("our misses:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
