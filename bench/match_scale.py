"""tracker.match per message at 10, 100 and 1,000 applications: the index against the old scan.

The messages are the chatty mix's candidates (``gen_mailbox.generate(N, mix="chatty")``
that pass the prefilter), each parsed, analysed and given its employer identity once,
before timing. The ``n`` applications are those the generated job mail itself makes (as
many as fit), then distinct employers as a first scan leaves them (company, domain,
recruiter, a thread of five Message-IDs, the latest message). Timed: ``tracker.match`` for every
message, best of ``--repeats``, with a ``MatchIndex`` kept as the runner keeps it, and
with the scan that ``match`` was before issue 18 (``tests/test_tracker_index.scan_match``).
Both must give the same answer for every message. Usage::

    .venv/bin/python bench/match_scale.py [-n 10000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests"))

from common import machine_line  # noqa: E402
from gen_mailbox import USER_ADDRESSES, generate  # noqa: E402
from test_tracker_index import scan_match  # noqa: E402

from daemon.followup import tracker  # noqa: E402
from daemon.understand.analyze import analyze_mail  # noqa: E402
from daemon.understand.extract import employer  # noqa: E402
from daemon.understand.mail import parse  # noqa: E402
from daemon.understand.prefilter import is_candidate  # noqa: E402

USERS = frozenset(USER_ADDRESSES)


def employers(n: int) -> list[tracker.Application]:
    out = []
    for i in range(n):
        dom = f"employer{i}.example"
        out.append(
            tracker.Application(
                id=f"bench{i:05d}",
                company=f"Employer {i} Ltd",
                role="Backend Engineer",
                employer=tracker.Identity(company=f"Employer {i} Ltd", domains=(dom,), recruiter=f"sam@{dom}"),
                thread=tuple(f"<{i}.{k}@{dom}>" for k in range(5)),
                subject="Interview",
                latest=tracker.EmployerMessage(f"<{i}.4@{dom}>", (), f"sam@{dom}", f"sam@{dom}", None, "Interview"),
                interview=None,
                state="waiting",
            )
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=10_000, help="chatty inbox size (default 10000)")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    print(machine_line())
    print(f"command: bench/match_scale.py {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    now = datetime(2026, 3, 17, 15, 30, tzinfo=UTC)
    work = []
    for g in generate(args.n, now=now, mix="chatty"):
        head = g.raw.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
        if not is_candidate(head, user_addresses=USERS):
            continue
        mail = parse(g.raw)
        direction: tracker.Direction = "outbound" if mail.from_ and mail.from_.addr in USERS else "inbound"
        a = analyze_mail(mail, USERS) if direction == "inbound" else None
        ident = tracker.Identity.of(employer(mail, a.classification, USERS)) if a else None
        work.append((mail, a, ident, direction))
    # the applications the job mail itself makes, as a first scan makes them
    from daemon.settings import Settings

    made = tracker.MatchIndex()
    for mail, a, ident, direction in work:
        app = tracker.match(made, mail, a, USERS, employer=ident, direction=direction)
        new, _ = tracker.step(app, tracker.MailEvent(mail, a, direction, ident), Settings(), now)
        if new is not None:
            made.put(new)
    print(f"{len(work)} candidate messages of {args.n}; the job mail makes {len(made)} applications")
    for n in (10, 100, 1000):
        apps = (made.applications() + employers(n))[:n]
        index = tracker.MatchIndex(apps)
        same = all(
            tracker.match(index, m, a, USERS, employer=i, direction=d)
            is scan_match(apps, m, a, USERS, employer=i, direction=d)
            for m, a, i, d in work
        )
        timings = {}
        for name, fn in (
            ("index", lambda m, a, i, d: tracker.match(index, m, a, USERS, employer=i, direction=d)),  # noqa: B023
            ("scan", lambda m, a, i, d: scan_match(apps, m, a, USERS, employer=i, direction=d)),  # noqa: B023
        ):
            best = float("inf")
            for _ in range(args.repeats):
                t0 = time.process_time()
                for m, a, i, d in work:
                    fn(m, a, i, d)
                best = min(best, time.process_time() - t0)
            timings[name] = best / len(work) * 1e6
        print(
            f"  {len(apps):>5} applications: index {timings['index']:6.1f} us/message, "
            f"scan {timings['scan']:8.1f} us/message (CPU, best of {args.repeats}); same answers: {same}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
