"""``followupd service install``: write the systemd unit, print how to enable it.

It never runs systemctl itself: enabling a service is the user's decision.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
from importlib import resources
from pathlib import Path

from daemon.errors import UserError

UNIT_USER = "followupd.service"
UNIT_SYSTEM = "followupd@.service"


def executable() -> str:
    """The command line that starts this very installation of followupd."""
    found = shutil.which("followupd")
    if found:
        return str(Path(found).resolve())
    # not on PATH (e.g. run from a venv that isn't activated): use this interpreter
    return f"{shlex.quote(str(Path(sys.executable).resolve()))} -m daemon"


def unit_text(name: str, exec_path: str) -> str:
    template = _template(name)
    return template.replace("@FOLLOWUPD@", exec_path)


def _template(name: str) -> str:
    # the unit files live in the repository's systemd/ folder; an installed wheel carries a copy
    repo_copy = Path(__file__).resolve().parents[2] / "systemd" / name
    if repo_copy.is_file():
        return repo_copy.read_text(encoding="utf-8")
    try:
        return (resources.files("daemon") / "systemd" / name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise UserError(f"unit template {name} not found in this installation") from exc


def default_unit_dir(user: bool) -> Path:
    if user:
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(base) / "systemd" / "user"
    return Path("/etc/systemd/system")


def install(user: bool, unit_dir: Path | None = None, exec_path: str | None = None) -> tuple[Path, list[str]]:
    name = UNIT_USER if user else UNIT_SYSTEM
    target_dir = unit_dir or default_unit_dir(user)
    text = unit_text(name, exec_path or executable())
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        target = target_dir / name
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        hint = (
            ""
            if user or not isinstance(exc, PermissionError)
            else (" (the system unit needs root: sudo followupd service install --system)")
        )
        raise UserError(f"cannot write {target_dir / name}: {exc.strerror or exc}{hint}") from exc
    if user:
        commands = [
            "systemctl --user daemon-reload",
            "systemctl --user enable --now followupd.service",
            'loginctl enable-linger "$USER"   # optional: keep it running while logged out',
            "journalctl --user -u followupd -f   # follow its log",
        ]
    else:
        commands = [
            "sudo install -d -m 0755 /etc/followupd",
            "sudo cp config.toml /etc/followupd/USER.toml   # one config per Unix user",
            "sudo systemctl daemon-reload",
            "sudo systemctl enable --now followupd@USER.service",
            "journalctl -u followupd@USER -f   # follow its log",
        ]
    return target, commands


def cmd_service(args: argparse.Namespace) -> int:
    target, commands = install(args.user, unit_dir=getattr(args, "unit_dir", None))
    print(f"wrote {target}")
    print("nothing was enabled; to start followupd as a service, run:")
    for c in commands:
        print(f"  {c}")
    return 0
