"""``followupd status``: what followupd is tracking and what happens next."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from daemon.followup.letter import clean_note
from daemon.settings import Settings


def _when(iso: str | None, tz: ZoneInfo) -> str:
    if not iso:
        return "—"
    try:
        return datetime.fromisoformat(iso).astimezone(tz).strftime("%a %d %b %Y %H:%M")
    except ValueError:
        return iso


def render_table(snapshot: dict[str, Any], tz: ZoneInfo) -> str:
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
                str(len(a.get("drafts") or [])),
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
    lines.append("")
    lines.append(f"{len(apps)} application(s), {pending} with a follow-up pending. Times in {tz.key}.")
    return "\n".join(lines)


def snapshot(settings: Settings) -> dict[str, Any]:
    from daemon.paths import db_path
    from daemon.service.store import Store

    path = db_path(settings)
    if not path.exists():
        for parent in path.parents:
            if parent.exists():
                if not parent.is_dir():
                    from daemon.errors import StateError

                    raise StateError(f"{path}: cannot be read: {parent} is not a directory")
                break
        return {"applications": []}
    store = Store.open(path)
    try:
        result: dict[str, Any] = store.status_snapshot()
        notes = {a.id: a.notes for a in store.load_applications()}
        for entry in result.get("applications", []):
            n = notes.get(entry.get("id"))
            mine = {k: v for k, v in vars(n).items() if v} if n is not None else {}
            if mine:  # only then: the documented shape (DESIGN §3) stays as it was
                entry["notes"] = mine
        return result
    finally:
        store.close()


def cmd_status(args: argparse.Namespace) -> int:
    from daemon.config import load_or_default

    settings = load_or_default(args.config)
    snap = snapshot(settings)
    if args.json:
        print(json.dumps(snap, ensure_ascii=False, indent=None))
    else:
        print(render_table(snap, ZoneInfo(settings.daemon.timezone)))
    return 0
