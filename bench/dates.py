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
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from daemon.timeparse import resolve

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
    return hits[0][1]


def _expected(case: dict[str, str]) -> tuple[datetime, datetime, bool]:
    ref = datetime.fromisoformat(case["ref"])
    exp = datetime.fromisoformat(case["expected_start"])
    naive = ref.tzinfo is None
    if naive:
        ref = ref.replace(tzinfo=UTC)
        exp = exp.replace(tzinfo=None)
    return ref, exp, naive


def _score(finder: Finder, case: dict[str, str], ref: datetime, exp: datetime, naive: bool) -> bool:
    got = finder(case["text"], ref)
    if got is None:
        return False
    if naive:
        # the suite's naive gold keeps the wall time as written
        got = got.replace(tzinfo=None)
    else:
        got = got.replace(tzinfo=ref.tzinfo) if got.tzinfo is None else got.astimezone(ref.tzinfo)
        exp = exp.astimezone(ref.tzinfo)
    return _truncate(got, case["grain"]) == _truncate(exp, case["grain"])


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
            ok, n = right[t][k]
            row += f"{ok:>8}/{n:<4} {ok / n:6.1%}  "
        print(row)
    for t in tools:
        print(f"{t}: {len(cases) / elapsed[t]:,.0f} cases/s")
    if "dateparser" in tools:
        a, b = right["followupd"]["all"][0], right["dateparser"]["all"][0]
        print(f"ratio followupd/dateparser: {a / max(b, 1):.2f}x")
    if misses:
        print("our misses:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
