"""``followupd status``: what followupd is tracking and what happens next."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from daemon.followup.letter import clean_note
from daemon.settings import Settings

if TYPE_CHECKING:
    from daemon.service.store import Store


def _when(iso: str | None, tz: ZoneInfo) -> str:
    if not iso:
        return "—"
    try:
        return datetime.fromisoformat(iso).astimezone(tz).strftime("%a %d %b %Y %H:%M")
    except ValueError:
        return iso


def removed_drafts(store: Store) -> frozenset[tuple[str, str]]:
    """(application id, stage) of the drafts followupd removed again because the employer answered."""
    # a stage that had a draft and is stopped was stopped by that removal (the tracker stops
    # only stages without a draft; see tracker._on_outcome)
    return frozenset(
        (a.id, s.stage) for a in store.load_applications() for s in a.stages if s.created and s.status == "stopped"
    )


def render_table(snapshot: dict[str, Any], tz: ZoneInfo, removed: frozenset[tuple[str, str]] = frozenset()) -> str:
    apps = snapshot.get("applications", [])
    if not apps:
        return "No applications tracked yet. followupd picks them up from interview mail as it arrives."
    headers = ["application", "state", "interview", "next", "due", "drafts"]
    rows: list[list[str]] = []
    for a in apps:
        who = " — ".join(x for x in (a.get("company"), a.get("role")) if x) or a.get("id", "?")
        iv = a.get("interview") or {}
        nxt = a.get("next") or {}
        rows.append(
            [
                who,
                str(a.get("state", "?")),
                _when(iv.get("start"), tz),
                str(nxt.get("stage") or "—"),
                _when(nxt.get("due"), tz),
                # the drafts followupd made and did not remove again
                str(sum(1 for d in a.get("drafts") or [] if (a.get("id"), d.get("stage")) not in removed)),
            ]
        )
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    widths[0] = min(widths[0], 48)

    def fmt(cells: list[str]) -> str:
        out = []
        for i, c in enumerate(cells):
            c = c if len(c) <= widths[i] else c[: widths[i] - 1] + "…"
            out.append(c.ljust(widths[i]))
        return "  ".join(out).rstrip()

    lines = [fmt(headers), fmt(["─" * w for w in widths])]
    for a, r in zip(apps, rows, strict=True):
        lines.append(fmt(r))
        for key, value in (a.get("notes") or {}).items():
            lines.append(f"  {key}: {clean_note(value, key)}")
    pending = sum(1 for a in apps if a.get("next"))
    for a in apps:
        if a.get("recipient_note"):
            who = " — ".join(x for x in (a.get("company"), a.get("role")) if x) or a.get("id", "?")
            lines.append(f"{who}: {a['recipient_note']}")
    lines.append("")
    lines.append(f"{len(apps)} application(s), {pending} with a follow-up pending. Times in {tz.key}.")
    return "\n".join(lines)


def snapshot(settings: Settings) -> dict[str, Any]:
    return _read(settings)[0]


def _read(settings: Settings) -> tuple[dict[str, Any], frozenset[tuple[str, str]]]:
    from daemon.paths import db_path
    from daemon.service import accounts
    from daemon.service.store import Store

    path = db_path(settings)
    if not path.exists():
        for parent in path.parents:
            if parent.exists():
                if not parent.is_dir():
                    from daemon.errors import StateError

                    raise StateError(f"{path}: cannot be read: {parent} is not a directory")
                break
        return {"applications": [], "accounts": accounts.states(None, settings)}, frozenset()
    # a reader: no writer lock, nothing created, nothing written beside a running daemon
    store = Store.open(path, reader=True)
    try:
        result: dict[str, Any] = store.status_snapshot()
        result["accounts"] = accounts.states(store, settings)
        return result, removed_drafts(store)
    finally:
        store.close()


def render_accounts(snapshot: dict[str, Any]) -> str:
    """One line per account that is not fine; nothing when all are."""
    lines = []
    for a in snapshot.get("accounts", []):
        if a.get("state") == "login needed":
            lines.append(f"account {a['name']}: login needed — {a.get('detail', '')}")
        elif a.get("state") == "error":
            lines.append(f"account {a['name']}: error — {a.get('detail', '')}")
    return "\n".join(lines)


def cmd_status(args: argparse.Namespace) -> int:
    from daemon.config import load_or_default

    settings = load_or_default(args.config)
    snap, removed = _read(settings)
    if args.json:
        print(json.dumps(snap, ensure_ascii=False, indent=None))
    else:
        print(render_table(snap, ZoneInfo(settings.daemon.timezone), removed))
        problems = render_accounts(snap)
        if problems:
            print("\n" + problems)
    return 0
