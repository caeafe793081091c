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
    return 0
