"""``followupd run``: the daemon (:mod:`daemon.service.loop`) or one pass (``--once``).

Here, above both, so that the runner never imports the loop that drives it.
"""

from __future__ import annotations

import argparse
import sys

from daemon.errors import UserError
from daemon.service.runner import parse_now, run_once


def cmd_run(args: argparse.Namespace) -> int:
    from daemon.config import load
    from daemon.logging import configure

    settings = load(args.config)
    configure(args.log_level or settings.daemon.log_level)
    if not args.once:
        if args.now or args.dry_run:
            raise UserError("--now and --dry-run need --once")
        from daemon.service.loop import serve

        return serve(args.config, settings, log_level=args.log_level)
    now = parse_now(args.now)
    reports = run_once(settings, now, dry_run=args.dry_run, progress=sys.stderr.isatty())
    for r in reports:
        print(r.summary())
    # DESIGN.md §3: exit 1 when any account failed, one stderr line per account naming it,
    # so that a cron job or a script sees the cause without reading the JSON log
    failed = [r for r in reports if r.failure is not None]
    for r in failed:
        cause = (r.failure or "").removeprefix(f"{r.account}: ")
        print(f"followupd: account {r.account}: {cause}", file=sys.stderr)
    return 1 if failed else 0
