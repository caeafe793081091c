"""Each account's sign-in and connection state, for `status` and the systemd STATUS line.

Kept in the store's meta table under ``account:NAME`` as JSON
``{"state": "ok|login needed|error", "detail": "…", "since": ISO}``; DESIGN.md §3 gives
the states. A detail is an error message, which never holds a token (see connectors.oauth2).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, Literal

from daemon.service.store import Store
from daemon.settings import Settings

State = Literal["ok", "login needed", "error"]

_PREFIX = "account:"


def get(store: Store, name: str) -> dict[str, Any] | None:
    raw = store.get_meta(_PREFIX + name)
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def record(store: Store, name: str, state: State, detail: str = "", now: datetime | None = None) -> bool:
    """Store the account's state; True when it changed (then a notice may be due)."""
    old = get(store, name)
    if old is not None and old.get("state") == state and old.get("detail") == detail:
        return False
    value = {"state": state, "detail": detail, "since": (now or datetime.now(UTC)).isoformat()}
    with store.transaction():
        store.set_meta(_PREFIX + name, json.dumps(value))
    return old is None or old.get("state") != state


def states(store: Store | None, settings: Settings) -> list[dict[str, str]]:
    """``status --json``'s ``accounts``: one entry per configured account, in config order."""
    out = []
    for account in settings.accounts:
        known = get(store, account.name) if store is not None else None
        if known is None:
            out.append({"name": account.name, "state": "ok", "detail": "not connected yet"})
        else:
            out.append({"name": account.name, "state": str(known.get("state", "ok")),
                        "detail": str(known.get("detail", ""))})  # fmt: skip
    return out
