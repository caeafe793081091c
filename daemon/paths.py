"""Where followupd keeps its state on disk."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from daemon.settings import Settings

DB_NAME = "state.sqlite"


def state_dir(settings: Settings) -> Path:
    if settings.daemon.state_dir is not None:
        return settings.daemon.state_dir.expanduser()
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "followupd"


def db_path(settings: Settings) -> Path:
    return state_dir(settings) / DB_NAME


def unsafe_mode(directory: Path) -> str | None:
    """Why an existing state directory must not be used (others can write to it), or None.

    Whoever can write there can replace the database, and with it the drafts followupd
    writes into the user's mailbox and the addresses they go to.
    """
    try:
        mode = directory.stat().st_mode
    except OSError:
        return None  # missing: created 0700; unreadable: the caller says so
    if mode & (stat.S_IWGRP | stat.S_IWOTH):
        who = "everyone" if mode & stat.S_IWOTH else "its group"
        return (
            f"{directory}: the state directory is writable by {who} (mode {stat.S_IMODE(mode):04o}), "
            f"so another user could change followupd's state; run: chmod go-w {directory}"
        )
    return None
