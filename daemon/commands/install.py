"""``followupd service install``: write the systemd unit, print how to enable it.

It never runs systemctl itself: enabling a service is the user's decision.

The unit's command is this installation's own ``followupd`` console script, found next to
the interpreter that runs now (a venv, pipx, an editable checkout) or in the user scheme
(``pip install --user``). Before writing, the command is run as systemd would run it, with
``--version`` and a bare environment: a unit that cannot start is refused, with the reason.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import sysconfig
from importlib import resources
from pathlib import Path

from daemon import __version__
from daemon.errors import UserError

UNIT_USER = "followupd.service"
UNIT_SYSTEM = "followupd@.service"
#: what a systemd manager gives a unit: no virtualenv, no PYTHONPATH, a short PATH
BARE_PATH = "/usr/bin:/bin"


def candidates() -> list[list[str]]:
    """Commands that may start this installation, best first."""
    found: list[Path] = []
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.name == "followupd" and argv0.is_file():
        found.append(argv0.absolute())  # the console script that is running now
    schemes = [sysconfig.get_path("scripts")]
    user_scheme = f"{os.name}_user"
    if user_scheme in sysconfig.get_scheme_names():
        schemes.append(sysconfig.get_path("scripts", user_scheme))
    # sys.prefix is the venv (or pipx's venv) even when its bin/ is not on PATH
    schemes.append(str(Path(sys.prefix) / "bin"))
    for directory in schemes:
        script = Path(directory) / "followupd"
        if script.is_file() and os.access(script, os.X_OK) and script not in found:
            found.append(script)
    commands = [[str(p)] for p in found]
    # no console script (run from a checkout with python -m daemon): this interpreter, not the
    # file it links to: a venv's python is a symlink, and resolving it loses the venv
    commands.append([str(Path(sys.executable).absolute()), "-m", "daemon"])
    return commands


def cannot_start(command: list[str]) -> str | None:
    """Why ``command --version`` fails the way systemd would run it; None when it starts."""
    env = {"PATH": BARE_PATH, "HOME": os.environ.get("HOME", str(Path.home())), "LANG": "C.UTF-8"}
    try:
        done = subprocess.run(
            [*command, "--version"], env=env, cwd="/", capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{type(exc).__name__}: {exc}"
    if done.returncode != 0 or f"followupd {__version__}" not in done.stdout:
        last = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        return f"exit {done.returncode}: {last}"
    return None


def executable() -> str:
    """The ExecStart command line that starts this very installation of followupd."""
    tried: list[str] = []
    for command in candidates():
        reason = cannot_start(command)
        if reason is None:
            return " ".join(systemd_quote(c) for c in command)
        tried.append(f"{' '.join(command)} ({reason})")
    raise UserError(
        "no command that starts this installation of followupd outside this shell was found; tried: "
        + "; ".join(tried)
        + ". Install followupd with pipx (`pipx install .`) or into a virtualenv, then run its "
        "followupd service install"
    )


def systemd_quote(word: str) -> str:
    """One word of an ExecStart line: specifiers (%) and variables ($) escaped, quoted if needed."""
    word = word.replace("%", "%%").replace("$", "$$")
    if re.fullmatch(r"[A-Za-z0-9_@%+=:,./-]+", word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unit_text(name: str, exec_path: str) -> str:
    return template(name).replace("@FOLLOWUPD@", exec_path)


def template(name: str) -> str:
    """A unit file as shipped in the package (identical to the one in systemd/ at the top)."""
    try:
        return (resources.files("daemon.commands") / "units" / name).read_text(encoding="utf-8")
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
    exec_line = next(ln for ln in target.read_text(encoding="utf-8").splitlines() if ln.startswith("ExecStart="))
    print(f"wrote {target}")
    print(f"  {exec_line}")
    print("nothing was enabled; to start followupd as a service, run:")
    for c in commands:
        print(f"  {c}")
    return 0
