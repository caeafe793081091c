"""Where followupd keeps its state on disk."""

from __future__ import annotations

import os
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
