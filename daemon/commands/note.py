"""``followupd note``: attach what only the user knows to one application (DESIGN.md §3).

After an interview the user knows what was discussed; the invitation did not. One line
here — ``followupd note lumen --specific "the claims pipeline redesign"`` — is stored with
the application and used by every draft not yet made. It is a short write inside one
ordinary SQLite transaction (``BEGIN IMMEDIATE``), so it is safe while the daemon runs.
"""

from __future__ import annotations

import argparse
from dataclasses import replace

from daemon.errors import UserError
from daemon.followup.letter import NoteKind, clean_note
from daemon.followup.tracker import Application, Notes

FIELDS: tuple[NoteKind, ...] = ("specific", "question", "extra")
MAX_NOTE_CHARS = 500


def find(apps: list[Application], key: str) -> Application:
    """By id, else by company name (case-insensitive; a prefix will do when it is unique)."""
    wanted = key.strip().casefold()
    for app in apps:
        if app.id.casefold() == wanted:
            return app
    exact = [a for a in apps if (a.company or "").casefold() == wanted]
    found = exact or [a for a in apps if wanted and (a.company or "").casefold().startswith(wanted)]
    if len(found) > 1:
        open_ = [a for a in found if a.state != "closed"]
        found = open_ if len(open_) == 1 else found
    if len(found) == 1:
        return found[0]
    if not found:
        known = ", ".join(sorted({a.company or a.id for a in apps})) or "none yet"
        raise UserError(f"no application {key!r} (known: {known})", where="APPLICATION")
    ids = ", ".join(f"{a.id} ({a.role or 'no role'})" for a in found)
    raise UserError(f"{key!r} matches several applications; name one by id: {ids}", where="APPLICATION")


def describe(app: Application) -> str:
    who = " — ".join(x for x in (app.company, app.role) if x) or app.id
    lines = [f"{who} [{app.id}]"]
    for f in FIELDS:
        raw = getattr(app.notes, f)
        if raw:
            lines.append(f"  {f}: {clean_note(raw, f)}")
    if len(lines) == 1:
        lines.append("  no notes")
    return "\n".join(lines)


def cmd_note(args: argparse.Namespace) -> int:
    from daemon.config import load_or_default
    from daemon.paths import db_path
    from daemon.service.store import Store

    settings = load_or_default(args.config)
    given = {f: getattr(args, f) for f in FIELDS if getattr(args, f) is not None}
    for f, value in given.items():
        if len(value) > MAX_NOTE_CHARS:
            raise UserError(f"at most {MAX_NOTE_CHARS} characters", where=f"--{f}")
        if any(ch in value for ch in "\r\n\x00"):
            raise UserError("one line, please", where=f"--{f}")
    path = db_path(settings)
    if not path.exists():
        raise UserError("no applications tracked yet", where=str(path))
    store = Store.open(path)
    try:
        with store.transaction():
            app = find(store.load_applications(), args.application)
            if given:
                app = replace(app, notes=app.notes.merged(Notes(**given)))
                store.save_application(app)
    finally:
        store.close()
    print(describe(app))
    return 0
