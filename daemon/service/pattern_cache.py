"""The file that keeps the understanding layer's compiled patterns between runs.

``daemon.understand.patterns`` compiles each pattern once per installation instead of once
per process (0.15-0.25 s of CPU at every start otherwise); this module is its disk: it hands
the patterns module what an earlier run kept and writes back what this run added. It is a
cache: a missing, unreadable, foreign or damaged file only means compiling again, and a
failure to write it is ignored. ``FOLLOWUPD_PATTERN_CACHE=off`` turns it off.

The file is read only when neither it nor its directory can be written by anyone but the
user (who could otherwise hand this process code for its regex engine; the engine checks
that code, but there is no reason to offer it).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from daemon.understand import patterns

ENV = "FOLLOWUPD_PATTERN_CACHE"


def path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "followupd" / "patterns.json"


def _enabled() -> bool:
    return os.environ.get(ENV, "").lower() not in ("off", "0", "no", "false")


def _trusted(p: Path) -> bool:
    for item in (p, p.parent):
        st = item.stat()
        if st.st_uid != os.getuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return False
    return True


def load() -> int:
    """Hand the patterns module what an earlier run kept; how many patterns."""
    if not _enabled():
        return 0
    p = path()
    try:
        if not _trusted(p):
            return 0
        return patterns.load(p.read_bytes())
    except OSError:
        return 0


def save() -> bool:
    """Write what this run compiled that the file did not hold; whether anything was written."""
    if not _enabled():
        return False
    blob = patterns.dump()
    if blob is None:
        return False
    p = path()
    tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
    try:
        p.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            os.fchmod(f.fileno(), 0o600)
            f.write(blob)
        os.replace(tmp, p)  # whole or not at all, whoever else writes it at the same time
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
    patterns.saved()
    return True
