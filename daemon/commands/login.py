"""``followupd login ACCOUNT [--device]``: OAuth2 sign-in (DESIGN.md §3).

Exit 0 when signed in, 2 for a config problem (the CLI maps :class:`UserError`), 1 when
the provider refuses (:class:`connectors.oauth2.ProviderRefused`).
"""

from __future__ import annotations

import argparse
import sys
import webbrowser
from pathlib import Path
from typing import TextIO

from connectors import oauth2
from daemon.errors import TransientMailboxError
from daemon.settings import Settings


def cmd_login(args: argparse.Namespace) -> int:
    from daemon.config import load

    settings = load(Path(args.config))
    account = oauth2.oauth2_account(settings, args.account, str(args.config))
    out: TextIO = sys.stdout
    try:
        if args.device:
            answer = oauth2.login_device(account, out=out)
        else:
            opener = None if args.no_browser else webbrowser.open
            answer = oauth2.login_loopback(account, out=out, open_browser=opener)
    except TransientMailboxError as exc:
        raise oauth2.ProviderRefused(str(exc)) from None
    oauth2.store_login(account, settings, answer)
    _mark_signed_in(settings, account.name)
    assert account.oauth2 is not None
    where = (
        f"the keyring (service {account.oauth2.keyring_service})"
        if not account.oauth2.token_file
        else str(oauth2.token_store(account, settings).path)
    )
    print(f"signed in: {account.name} ({account.username}); the refresh token is in {where}", file=out)
    print(
        "A running daemon uses it at its next retry (within 10 minutes), or at once after "
        "`systemctl --user reload followupd`.",
        file=out,
    )
    return 0


def _mark_signed_in(settings: Settings, name: str) -> None:
    """Let `status` stop saying "login needed" before the daemon next connects."""
    from daemon.paths import db_path
    from daemon.service import accounts
    from daemon.service.store import Store

    path = db_path(settings)
    if not path.exists():
        return
    try:
        store = Store.open(path)
    except Exception:  # the state is the daemon's business; the sign-in itself succeeded
        return
    try:
        accounts.record(store, name, "ok", "signed in; not connected since")
    except Exception as exc:
        print(f"(the state database was not updated: {type(exc).__name__})", file=sys.stderr)
    finally:
        store.close()
