"""Where a cold first scan's CPU goes, phase by phase.

Starts a private Dovecot, fills an INBOX of N messages (``gen_mailbox``, ``--mix``), runs one
untimed cold scan (which fills the pattern cache, as any earlier run of an installation
does), then ``--repeats`` times runs a fresh process that scans from a fresh state dir with
the runner's calls wrapped in thread-CPU timers, and prints per phase: the prefilter
(``verdict``), parsing and analysing the bodies, applying them to applications, carrying
out the actions (drafts), and the imports. Thread CPU, so the warm-up thread's compiling is
not in the phases (it is in the process total).

Usage::

    .venv/bin/python bench/scan_phases.py [--mix chatty|current] [--size 10000] [--repeats 3]
                                          [--no-pattern-cache]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import PYTHON, REPO, BenchAccount, child_env, deliver, machine_line, session, write_config  # noqa: E402
from gen_mailbox import USER_ADDRESSES, generate  # noqa: E402
from scan import empty_drafts  # noqa: E402

_CHILD = r"""
import collections, functools, sys, time
from pathlib import Path
t_start = time.process_time()
from daemon.service import pattern_cache
pattern_cache.load()
spent = collections.Counter()
calls = collections.Counter()

def wrap(owner, name, label):
    f = getattr(owner, name)
    @functools.wraps(f)
    def timed(*a, **k):
        t = time.thread_time()
        try:
            return f(*a, **k)
        finally:
            spent[label] += time.thread_time() - t
            calls[label] += 1
    setattr(owner, name, timed)

from datetime import datetime
from daemon.config import load
from daemon.logging import configure
from daemon.service import runner
t_imports = time.process_time()
wrap(runner, "verdict", "prefilter")
wrap(runner, "parse", "parse")
wrap(runner, "analyze_mail", "analyse")
wrap(runner.AccountRunner, "_apply", "apply")
wrap(runner.AccountRunner, "carry_out", "carry out")
configure("warning")
settings = load(Path(sys.argv[1]))
t0 = time.process_time()
runner.run_once(settings, datetime.fromisoformat(sys.argv[2]), out=open("/dev/null", "w"))
t1 = time.process_time()
pattern_cache.save()
print(f"  process CPU {t1 - t_start:.3f} s: imports {t_imports - t_start:.3f} s, scan {t1 - t0:.3f} s")
for label, s in spent.most_common():
    print(f"    {label:10s} {s:.3f} s  ({calls[label]} calls)")
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mix", choices=("current", "chatty"), default="chatty")
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-pattern-cache", action="store_true", help="every run compiles its patterns")
    args = ap.parse_args(argv)
    print(machine_line())
    print(f"command: {PYTHON} bench/scan_phases.py {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    with session("phases") as s:
        server = s.dovecot()
        acc = BenchAccount("bench", server, server.new_user())
        now = datetime.now(UTC).replace(microsecond=0)
        mails = generate(args.size, now=now, lookback_days=60, seed=args.seed, mix=args.mix)
        deliver(server, acc.user, [(g.raw, g.when) for g in mails])
        env = child_env([acc])
        env["XDG_CACHE_HOME"] = str(s.root / "cache")
        if args.no_pattern_cache:
            env["FOLLOWUPD_PATTERN_CACHE"] = "off"
        print(f"N={args.size}, {args.mix} mix; pattern cache {'off' if args.no_pattern_cache else 'kept'}")
        for run in range(-1, args.repeats):
            empty_drafts(acc)  # every run makes the same drafts
            cfg = write_config(
                s.root / f"config-{run}.toml", s.root / f"state-{run}", [acc], lookback_days=60,
                addresses=USER_ADDRESSES,
            )
            done = subprocess.run(
                [PYTHON, "-c", _CHILD, str(cfg), now.isoformat()],
                env={**env, "PYTHONPATH": os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])},
                capture_output=True,
                text=True,
                check=True,
            )
            if run >= 0:  # the first run is the untimed warm-up
                print(f"run {run + 1}:")
                print(done.stdout.rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
