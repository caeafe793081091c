"""The ``followupd`` command line. Parsing only; each command lives in its own module.

Imports of the heavy modules happen inside the handlers so ``followupd --help``
starts fast.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from daemon import __version__
from daemon.errors import ConfigError, FollowupdError, UserError

Handler = Callable[[argparse.Namespace], int]

DESCRIPTION = """\
followupd watches your mailbox for job-interview mail and, at the right moment,
puts a well-written, correctly threaded follow-up draft into your Drafts folder.
You review and send it yourself. It stops as soon as the employer answers.
"""

EPILOG = """\
commands in brief:
  explain FILE.eml...   what followupd understands of a message (category, interview time)
  run                   the daemon (foreground; SIGTERM stops, SIGHUP reloads the config)
  run --once            one full pass, then exit; --now and --dry-run to rehearse
  status                applications, interviews, state and next action
  preview               what the current policy and templates would draft for an interview
  check-config          validate the config file; exit 2 with every problem
  demo                  the whole pipeline on a bundled sample mailbox; no account needed
  password set ACCOUNT  store an account's password in the system keyring
  login ACCOUNT         OAuth2 sign-in (Gmail, Outlook.com, Microsoft 365); --device on a server
  service install       write a systemd unit and print the commands to enable it

Run `followupd COMMAND --help` for the details of one command.
Default config: $XDG_CONFIG_HOME/followupd/config.toml (usually ~/.config/followupd/config.toml).
Default state:  $XDG_STATE_HOME/followupd (usually ~/.local/state/followupd).
"""


def default_config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "followupd" / "config.toml"


def _lazy(module: str, func: str, *, reads_mail: bool = False) -> Handler:
    """``module.func``, imported when the command runs. For a command that reads mail, the
    patterns an earlier run compiled are handed over before the import compiles them, and
    those this run compiled are kept for the next (daemon.service.pattern_cache)."""

    def run(args: argparse.Namespace) -> int:
        import importlib

        if reads_mail:
            from daemon.service import pattern_cache

            pattern_cache.load()
        handler: Handler = getattr(importlib.import_module(module), func)
        # What importing made (compiled patterns, classes, tables) lives as long as the
        # process: kept out of the cyclic collector, it is not re-examined by every full
        # collection that a first scan's many small objects set off.
        gc.freeze()
        try:
            return handler(args)
        finally:
            if reads_mail:
                pattern_cache.save()

    return run


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="followupd",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"followupd {__version__}")
    p.add_argument(
        "-c",
        "--config",
        type=Path,
        default=None,
        metavar="CONFIG",
        help="config file (default: $XDG_CONFIG_HOME/followupd/config.toml)",
    )
    p.add_argument(
        "--log-level",
        choices=["debug", "info", "warning", "error"],
        default=None,
        help="log verbosity; overrides [daemon] log_level",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help: str, description: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(
            name, help=help, description=description, formatter_class=argparse.RawDescriptionHelpFormatter
        )
        sp.set_defaults(handler=handler)
        return sp

    ex = add(
        "explain",
        _lazy("daemon.commands.explain", "cmd_explain", reads_mail=True),
        "classify messages and infer their interview time",
        "Classify each message and infer its interview time, without touching any mailbox.\n\n"
        "Categories: invitation, reschedule, cancellation, rejection, offer, employer_reply,\n"
        "auto_reply, other. Times are ISO 8601 with the UTC offset in force at that moment.\n"
        "Exit status: 0, or 1 if a file could not be read.",
    )
    ex.add_argument("files", nargs="+", type=Path, metavar="FILE.eml")
    ex.add_argument("--json", action="store_true", help="one JSON object per line (see DESIGN.md §3)")

    run = add(
        "run",
        _lazy("daemon.commands.run", "cmd_run", reads_mail=True),
        "run the daemon",
        "Watch every configured account and draft follow-ups when they fall due.\n\n"
        "In the foreground until SIGTERM; SIGHUP (or editing the config file) reloads the\n"
        "config. With --once, do one full pass (sync, update state, carry out every action\n"
        "due at --now) and exit 0.\n\n"
        "One writer at a time: while a daemon (or a run --once) uses the state directory,\n"
        "another run or run --once refuses at once with one line naming it and exits 1.\n"
        "status and run --once --dry-run only read, and work beside a running daemon.",
    )
    run.add_argument("--once", action="store_true", help="one full pass, then exit")
    run.add_argument(
        "--now",
        metavar="ISO8601",
        help="act as if it were this moment (with --once), e.g. 2026-03-05T09:30:00-05:00",
    )
    run.add_argument(
        "--dry-run", action="store_true", help="print the actions instead of changing the mailbox"
    )

    st = add(
        "status",
        _lazy("daemon.commands.status", "cmd_status"),
        "show applications and what happens next",
        "Applications, their interviews, state, next action and its due time.",
    )
    st.add_argument("--json", action="store_true", help="machine-readable output (see DESIGN.md §3)")

    pv = add(
        "preview",
        _lazy("daemon.commands.preview", "cmd_preview", reads_mail=True),
        "preview stages and drafts for an interview",
        "Show what the current config would do after an interview: each stage's due time in\n"
        "your zone and the full text of each draft. Nothing is read from or written to a mailbox.",
    )
    pv.add_argument("--interview", required=True, metavar="ISO8601", help="interview start")
    pv.add_argument("--end", metavar="ISO8601", help="interview end (default: start + default duration)")
    pv.add_argument("--round", choices=["first", "final"], default=None)
    pv.add_argument("--company", default=None, metavar="NAME")
    pv.add_argument("--role", default=None, metavar="TITLE")
    pv.add_argument("--interviewer", default=None, metavar="NAME")
    pv.add_argument("--now", metavar="ISO8601", help="plan as if it were this moment")
    pv.add_argument("--json", action="store_true", help="machine-readable output (see DESIGN.md §3)")

    nt = add(
        "note",
        _lazy("daemon.commands.note", "cmd_note"),
        "add what only you know to one application",
        "Attach a note to one application (by id, or by company name): something specific\n"
        "from the interview, a question to ask, or material to offer. Drafts not yet made use\n"
        "it; it wins over the [[companies]] notes. Without options, print the notes. An empty\n"
        "value clears one.",
    )
    nt.add_argument("application", metavar="APPLICATION", help="the application's id or company name")
    nt.add_argument("--specific", metavar="TEXT", help='e.g. "the migration to event sourcing"')
    nt.add_argument("--question", metavar="TEXT", help='e.g. "how the team splits on-call"')
    nt.add_argument("--extra", metavar="TEXT", help='e.g. "a short write-up of the caching design"')

    add(
        "check-config",
        _lazy("daemon.commands.check", "cmd_check_config"),
        "validate the config file",
        "Exit 0 if the config is valid; otherwise print every problem as\n"
        "FILE: key.path: message and exit 2.",
    )

    dm = add(
        "demo",
        _lazy("daemon.commands.demo", "cmd_demo", reads_mail=True),
        "run the pipeline on a bundled sample mailbox",
        "Run the real pipeline on a bundled sample Maildir in a temporary directory, over a\n"
        "simulated clock, and print the timeline and the drafted follow-up. Needs no account,\n"
        "no network and no root.",
    )
    dm.add_argument("--keep", action="store_true", help="keep the temporary directory and print its path")

    pw = add(
        "password",
        _lazy("connectors.credentials", "cmd_password"),
        "manage account passwords in the keyring",
        "Store an account's password in the system keyring (the default password source).\n"
        "The password is read from the terminal without echo, or from stdin when piped.",
    )
    pw.add_argument("action", choices=["set", "delete"])
    pw.add_argument("account", metavar="ACCOUNT", help="the account's name in the config")

    lg = add(
        "login",
        _lazy("daemon.commands.login", "cmd_login"),
        "OAuth2 sign-in for an auth = \"oauth2\" account",
        "Sign in to an auth = \"oauth2\" account and store its refresh token in the account's\n"
        "token store (the keyring, or a 0600 file in the state dir with token_store = \"file\").\n"
        "By default: the authorization code flow with PKCE; the address to open is always\n"
        "printed, and a browser is opened where there is one. With --device: the device flow,\n"
        "for a server without a browser (open the printed address anywhere, enter the code).\n"
        "Exit 0 when signed in, 2 for a config problem, 1 when the provider refuses.",
    )
    lg.add_argument("account", metavar="ACCOUNT", help="the account's name in the config")
    lg.add_argument("--device", action="store_true", help="the device flow (RFC 8628), for headless servers")
    lg.add_argument("--no-browser", action="store_true", help="only print the address; do not open a browser")

    sv = add(
        "service",
        _lazy("daemon.commands.install", "cmd_service"),
        "install the systemd unit",
        "Write the systemd unit with the right ExecStart path and print the systemctl commands\n"
        "that enable it. Nothing is enabled or started for you.",
    )
    sv.add_argument("action", choices=["install"])
    sv.add_argument("--user", action="store_true", default=True, help="a user unit (default)")
    sv.add_argument("--system", dest="user", action="store_false", help="the system template unit")
    sv.add_argument(
        "--unit-dir",
        type=Path,
        default=None,
        help="where to write the unit (default: ~/.config/systemd/user, or /etc/systemd/system)",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    if args.config is None:
        args.config = default_config_path()
    try:
        return int(args.handler(args))
    except ConfigError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        return 2
    except UserError as exc:
        print(f"followupd: {exc}", file=sys.stderr)
        return 2
    except FollowupdError as exc:
        print(f"followupd: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
