"""Fault injection: shared pieces, and a state machine over the real runner.

The fault suite is split by kind of fault: ``test_faults_crash.py`` (killed processes,
idle re-runs, odd servers), ``test_faults_network.py`` (a misbehaving connection, through
``tcpproxy``), ``test_faults_state.py`` (an unusable state database, an empty-looking
mailbox) and ``test_faults_mail.py`` (hostile mail). This file holds what they share and
the complement of ``test_tracker_machine.py``: that machine drives the pure tracker with
a simulated runner; the one here drives the real :class:`daemon.runner.AccountRunner`,
its SQLite journal and a connector that fails or "crashes" at any step.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import scenario_mail as sm
from dovecot import Dovecot, User, client_for
from test_scenarios import PASSWORD_ENV, REPO, World

from connectors.base import Connector, Cursor, FolderRoles, StoredDraft, SyncResult

ET = sm.ET
INTERVIEW = datetime(2026, 4, 14, 14, 0, tzinfo=ET)
INVITED = datetime(2026, 4, 9, 10, 12, tzinfo=ET)
INVITED_AT = datetime(2026, 4, 9, 10, 30, tzinfo=ET)
FIRST_DUE = datetime(2026, 4, 16, 9, 30, tzinfo=ET)
JUST_AFTER = datetime(2026, 4, 16, 9, 31, tzinfo=ET)

__all__ = ["PASSWORD_ENV", "REPO"]

#: eight employers, each its own conversation with the same candidate
CASTS: tuple[sm.Cast, ...] = tuple(
    sm.Cast(company=company, domain=domain, recruiter_name=name, recruiter_local=local)
    for company, domain, name, local in (
        ("Northwind Analytics", "northwind-analytics.example", "Dana Whitfield", "dana.whitfield"),
        ("Contoso Robotics", "contoso-robotics.example", "Marco Bellini", "marco.bellini"),
        ("Fabrikam Systems", "fabrikam-systems.example", "Aisha Okafor", "aisha.okafor"),
        ("Tailspin Logistics", "tailspin-logistics.example", "Tom Hargreave", "tom.hargreave"),
        ("Wingtip Games", "wingtip-games.example", "Lena Vogt", "lena.vogt"),
        ("Litware Security", "litware-security.example", "Sam Oduya", "sam.oduya"),
        ("Adatum Health", "adatum-health.example", "Ruth Castellanos", "ruth.castellanos"),
        ("Proseware Labs", "proseware-labs.example", "Kenji Mori", "kenji.mori"),
    )
)


class FaultWorld(World):
    """The scenario world, with many conversations at once and a look at the raw state."""

    def __init__(self, server: Dovecot, user: User, root: Path, extra: str = "", account_extra: str = "") -> None:
        super().__init__(server, user, root, extra=extra, account_extra=account_extra)

    @property
    def db(self) -> Path:
        return self.state / "state.sqlite"

    def invite_all(self, casts: Sequence[sm.Cast]) -> None:
        for i, cast in enumerate(casts):
            self.append("INBOX", sm.invitation(cast, INTERVIEW, sent=INVITED + timedelta(minutes=i), ics=True))

    def apps(self) -> list[dict[str, Any]]:
        apps: list[dict[str, Any]] = self.status()["applications"]
        return apps

    def uidnext(self, folder: str) -> int:
        """UIDNEXT as a fresh session sees it: every APPEND ever made raises it, even if removed."""
        other = client_for(self.server, self.user)
        try:
            return int(other.folder_status(folder, [b"UIDNEXT"])[b"UIDNEXT"])
        finally:
            other.logout()

    def set_port(self, port: int) -> None:
        """Point the config at another port (a proxy in front of the server)."""
        text = self.config.read_text()
        self.config.write_text(text.replace(f"port = {self.server.port}\n", f"port = {port}\n", 1))


def stage_ids(apps: Iterable[dict[str, Any]], stage: str) -> list[str]:
    return [f"{a['id']}.{stage}@followupd" for a in apps]


def db_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables that hold followupd's state, in a stable order."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for table in ("applications", "messages", "cursors", "intents", "outcomes", "notices", "app_accounts", "meta"):
            out[table] = sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        return out
    finally:
        conn.close()


class CountingConnector:
    """Wraps a connector and counts each call, so a test can say "no APPEND happened"."""

    def __init__(self, inner: Connector) -> None:
        self.inner = inner
        self.name = inner.name
        self.calls: Counter[str] = Counter()

    def connect(self) -> FolderRoles:
        self.calls["connect"] += 1
        return self.inner.connect()

    def close(self) -> None:
        self.inner.close()

    def sync(self, folder: str, cursor: Cursor | None, since: date | None) -> SyncResult:
        self.calls["sync"] += 1
        return self.inner.sync(folder, cursor, since)

    def fetch(self, folder: str, keys: Sequence[int]) -> Iterator[tuple[int, bytes]]:
        self.calls["fetch"] += 1
        return self.inner.fetch(folder, keys)

    def append_draft(self, raw: bytes, draft_id: str) -> int | None:
        self.calls["append_draft"] += 1
        return self.inner.append_draft(raw, draft_id)

    def find_drafts(self, draft_id: str) -> list[StoredDraft]:
        self.calls["find_drafts"] += 1
        return self.inner.find_drafts(draft_id)

    def remove_draft(self, key: int, expected: bytes) -> bool:
        self.calls["remove_draft"] += 1
        return self.inner.remove_draft(key, expected)

    def wait(self, timeout: float) -> bool:
        return self.inner.wait(timeout)
