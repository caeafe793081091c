"""``followupd check-config``: is this config valid, and can it run here?

:mod:`daemon.config` checks the file itself. Here, above the connectors, the checks that
need this machine: an account to watch, each Maildir present, each password source able
to give a password (an unset ``password_env``, a keyring without a usable backend). A
config that passes can start: ``ExecStartPre=… check-config`` stops a unit that could not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from daemon.config import load_with_warnings, summary
from daemon.errors import ConfigError, UserError
from daemon.settings import PasswordSource, Settings


def environment_problems(settings: Settings) -> list[str]:
    """What stops ``run`` on this machine, as ``FILE: key.path: message``."""
    from connectors.credentials import source_problem

    file = str(settings.source or "config")
    problems: list[str] = []
    if not settings.accounts:
        problems.append(f"{file}: accounts: none configured; add an [[accounts]] table (see config.example.toml)")
    for i, account in enumerate(settings.accounts):
        where = f"{file}: accounts[{i}]"
        if account.kind == "maildir" and account.path is not None and not account.path.is_dir():
            problems.append(f"{where}.path: no such directory: {account.path}")
        if account.auth == "oauth2":
            # no password is read: the refresh token is, from its own store
            oauth = account.oauth2
            if oauth is not None and not oauth.token_file:
                reason = source_problem(account.name, PasswordSource(kind="keyring"))
                if reason is not None:
                    problems.append(
                        f"{where}.oauth2.token_store: the keyring: {reason}; or set token_store = \"file\""
                    )
            continue
        reason = source_problem(account.name, account.password)
        if reason is not None:
            if account.password.kind == "env":
                problems.append(f"{where}.password_env: {reason}")
            else:
                problems.append(f"{where}: the keyring (the default password source): {reason}")
    return problems


def cmd_check_config(args: argparse.Namespace) -> int:
    path = Path(args.config)
    try:
        settings, warnings = load_with_warnings(path)
    except ConfigError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        return 2
    except UserError as exc:
        print(exc, file=sys.stderr)
        return 2
    problems = environment_problems(settings)
    if settings.templates.dir is not None:
        from daemon.followup.compose import load_templates

        try:
            load_templates(settings)
        except UserError as exc:
            problems.append(str(exc))
    for line in warnings:
        print(line, file=sys.stderr)
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        return 2
    print(summary(settings))
    from daemon.followup.letter import note_report

    # how each [[companies]] note will read once tidied into a letter
    for line in note_report(settings):
        print(line)
    return 0
