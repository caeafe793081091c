"""Hostile mail: what one adversarial message costs ``analyze()`` and the draft's recipient.

Anyone can send the user an email. Each case below is generated (nothing is stored), run
in its own process (``--case NAME``) so that one case's caches, memory or hang cannot
touch another, and killed after ``--timeout`` seconds (a failure). A benign 200 KB
interview invitation is measured in the same run, and every case is judged against
``max(2 s, 20 × benign)`` and 200 MB peak RSS (the whole child process, interpreter
included).

What is timed in the child: ``mail.parse``, ``explain.analyze_mail``, ``extract.employer``
and ``compose.reply_address`` on the message, the work the daemon does per message.

Usage::

    .venv/bin/python bench/hostile.py                 # every case, a table, exit 1 on a miss
    .venv/bin/python bench/hostile.py --list          # the case names
    .venv/bin/python bench/hostile.py --only am_runs,a_run
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SIZE = 200_000  # bytes of body per case
BUDGET_FLOOR_S = 2.0
BUDGET_FACTOR = 20.0
BUDGET_RSS_MB = 200.0


def _msg(body: str, subject: str = "Interview invitation", headers: str = "", ctype: str = "text/plain") -> bytes:
    head = (
        "From: Dana Recruiter <dana@acme.com>\r\n"
        "To: me@example.org\r\n"
        f"Subject: {subject}\r\n"
        "Date: Mon, 02 Mar 2026 10:00:00 -0500\r\n"
        "Message-ID: <hostile@acme.com>\r\n"
        f"{headers}"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: {ctype}; charset="utf-8"\r\n'
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return head.encode() + body.encode("utf-8")


def _fill(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _lines(unit: str, size: int = SIZE, width: int = 70) -> str:
    """``unit`` repeated in lines of about ``width`` characters (what a mail client sends)."""
    per = max(1, width // len(unit))
    line = unit * per + "\n"
    return _fill(line, size)


def _soup(seed: int, size: int = SIZE) -> str:
    rnd = random.Random(seed)
    tokens = [
        "1am", "2pm", "9:30", "10:00", "at", "on", "from", "to", "between", "and", "-", "Monday",
        "Tue", "March", "3", "2026", "3/4", "04.03.2026", "EST", "PST", "GMT+5", "UTC-3", "noon",
        "tomorrow", "next", "week", "15th", "of", "at", "@", ".", ",", "2026-03-04T14:00",
    ]  # fmt: skip
    out: list[str] = []
    n = 0
    while n < size:
        t = rnd.choice(tokens) + rnd.choice(" \n ")
        out.append(t)
        n += len(t)
    return "".join(out)[:size]


def _benign() -> bytes:
    para = (
        "Hi Sam,\n\nThank you for applying to the Backend Engineer role at Acme. We would like to invite "
        "you to a first-round interview on Tuesday, March 10, 2026 at 2:00 PM EST with Jordan Lee. "
        "The call will last 45 minutes; please let me know if the time works for you.\n\n"
    )
    filler = (
        "Acme builds tools for teams that ship software. Our engineers work across the stack, "
        "from storage engines to the interfaces people use every day, and we care about clear "
        "writing, careful review and kind colleagues. You can read more on our careers page.\n"
    )
    return _msg(para + _fill(filler, SIZE - len(para)))


_OOO = {"subject": "Automatic reply: Out of office", "headers": "Auto-Submitted: auto-replied\r\n"}

CASES: dict[str, Callable[[], bytes]] = {
    "benign_200k": _benign,
    # families from the issue
    "am_runs": lambda: _msg(_fill("1am ")),
    "am_lines": lambda: _msg(_lines("1am ")),
    "a_run": lambda: _msg("a" * 199_000),
    "digit_run": lambda: _msg("1" * SIZE),
    "dot_run": lambda: _msg("." * SIZE),
    "date_soup": lambda: _msg(_soup(1)),
    "date_soup_2": lambda: _msg(_soup(2)),
    "between_chain": lambda: _msg(_fill("between 9 and 10 and ")),
    "from_to_chain": lambda: _msg(_fill("from 9 to 10 to ")),
    "many_dates": lambda: _msg(_fill("March 3, 2026 ")),
    "many_dates_times": lambda: _msg(_fill("on March 3, 2026 at 2pm ")),
    "gmt_offsets": lambda: _msg(_fill("GMT+5 ")),
    "utc_offsets_times": lambda: _msg(_fill("10am UTC+05:30 ")),
    "ooo_cues_dates": lambda: _msg(_fill("back until 3/4 after 3/5 returning through 3/6 "), **_OOO),
    "ooo_cues_only": lambda: _msg(_fill("back until after "), **_OOO),
    "ooo_far_dates": lambda: _msg(_fill("back " + " " * 70 + "3/4 "), **_OOO),
    "reschedule_chain": lambda: _msg(_fill("moved from 2pm to 3pm instead of 4pm "), subject="Interview rescheduled"),
    # address regexes
    "word_run_at": lambda: _msg(_fill("a" * 50_000 + "@")),
    "dotted_run": lambda: _msg(_fill("a.")),
    "dotted_at_run": lambda: _msg(_fill("a.a@")),
    "at_dash_run": lambda: _msg(_fill("a@a-")),
    "word_dots_no_at": lambda: _msg("a" * 100_000 + "." * 100_000),
    "many_addresses": lambda: _msg(_fill("privacy@greenhouse.io ")),
    "reply_to_quotes": lambda: _msg("See you soon.", headers="Reply-To: " + '"' * 100_000 + "\r\n"),
    "reply_to_angles": lambda: _msg("See you soon.", headers="Reply-To: " + "<" * 50_000 + "\r\n"),
    "from_words": lambda: _msg("See you soon.", headers="Cc: " + "a " * 30_000 + "<x@y.z>\r\n"),
    "to_list": lambda: _msg("See you soon.", headers="Cc: " + ", ".join(["a@b.c"] * 10_000) + "\r\n"),
    "from_comments": lambda: _msg("Hi.", headers="Cc: " + "(" * 30_000 + "x@y.z\r\n"),
    # other shapes
    "long_subject": lambda: _msg("See you on March 3 at 2pm.", subject=_fill("1am ", 60_000)),
    "html_soup": lambda: _msg("<html><body>" + _fill("<b>1am</b> <i>3/4</i> ") + "</body></html>", ctype="text/html"),
    "quoted_dates": lambda: _msg("Works for me.\n\n" + _lines("> on 3/4 at 2pm EST "), subject="Re: Interview"),
    "signature_lines": lambda: _msg(_lines("-- \nDana, 1am ")),
    "newlines": lambda: _msg("\n" * SIZE),
    "spaces": lambda: _msg(" " * SIZE),
    "unicode_digits": lambda: _msg(_fill("١٢:٣٠ ")),
}


def run_case(name: str) -> dict[str, object]:
    from daemon.followup import compose
    from daemon.understand import extract
    from daemon.understand.analyze import analyze_mail
    from daemon.understand.mail import parse

    raw = CASES[name]()
    t0 = time.perf_counter()
    mail = parse(raw)
    a = analyze_mail(mail)
    extract.employer(mail, a.classification, frozenset({"me@example.org"}))
    to = compose.reply_address(mail, frozenset({"me@example.org"}))
    secs = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "case": name,
        "bytes": len(raw),
        "seconds": round(secs, 3),
        "rss_mb": round(rss_mb, 1),
        "category": a.classification.category.value,
        "to": to.addr if to else None,
    }


def _spawn(name: str, timeout: float) -> dict[str, object]:
    t0 = time.perf_counter()
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--case", name],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"case": name, "seconds": None, "error": f"killed after {timeout:.0f} s"}
    if out.returncode != 0:
        return {"case": name, "seconds": None, "error": (out.stderr.strip().splitlines() or ["?"])[-1]}
    res: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    res["wall"] = round(time.perf_counter() - t0, 2)
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--case", help=argparse.SUPPRESS)
    ap.add_argument("--list", action="store_true", help="print the case names")
    ap.add_argument("--only", help="comma-separated case names (the benign one always runs)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before a case is killed (default 60)")
    args = ap.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return 0
    if args.list:
        print("\n".join(CASES))
        return 0
    names = [n for n in CASES if n != "benign_200k"]
    if args.only:
        wanted = set(args.only.split(","))
        names = [n for n in names if n in wanted]
    rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    print(f"$ {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"revision {rev.stdout.strip()}, nproc {os.cpu_count()}, load {os.getloadavg()[0]:.1f}")
    benign = _spawn("benign_200k", args.timeout)
    if benign.get("seconds") is None:
        print(f"benign case failed: {benign.get('error')}")
        return 1
    b = float(benign["seconds"])  # type: ignore[arg-type]
    limit = max(BUDGET_FLOOR_S, BUDGET_FACTOR * b)
    print(f"benign 200 KB: {b:.3f} s, {benign['rss_mb']} MB; budget per case {limit:.2f} s, {BUDGET_RSS_MB:.0f} MB")
    print(f"{'case':<22} {'seconds':>8} {'RSS MB':>7}  {'category':<15} to / error")
    worst: tuple[float, str] = (0.0, "")
    misses = 0
    for name in names:
        r = _spawn(name, args.timeout)
        secs = r.get("seconds")
        if secs is None:
            misses += 1
            print(f"{name:<22} {'-':>8} {'-':>7}  {'':<15} FAIL: {r['error']}")
            worst = max(worst, (float("inf"), name))
            continue
        s = float(secs)  # type: ignore[arg-type]
        rss = float(r["rss_mb"])  # type: ignore[arg-type]
        ok = s <= limit and rss <= BUDGET_RSS_MB
        misses += not ok
        worst = max(worst, (s, name))
        print(f"{name:<22} {s:>8.3f} {rss:>7.1f}  {r['category']!s:<15} {r['to']}{'' if ok else '  FAIL'}")
    print(f"worst: {worst[1]} {worst[0]:.3f} s against benign {b:.3f} s ({worst[0] / b:.1f}×); "
          f"{misses} of {len(names)} over budget")  # fmt: skip
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
