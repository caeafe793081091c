"""The shipped units: hardened, valid, and installable without touching systemctl."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from daemon.commands.cli import main
from daemon.commands.install import install, unit_text
from daemon.errors import UserError

REPO = Path(__file__).resolve().parent.parent
UNITS = ["followupd.service", "followupd@.service"]
analyze = shutil.which("systemd-analyze")
needs_analyze = pytest.mark.skipif(analyze is None, reason="systemd-analyze is not installed")


def _render(tmp_path: Path, name: str) -> Path:
    # verify checks that ExecStart exists, so point it at a real executable
    path = tmp_path / name
    path.write_text(unit_text(name, "/bin/true"), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", UNITS)
def test_unit_has_the_service_contract(name: str) -> None:
    text = (REPO / "systemd" / name).read_text(encoding="utf-8")
    for line in [
        "Type=notify",
        "Restart=on-failure",
        "ExecReload=/bin/kill -HUP $MAINPID",
    ]:
        assert line in text
    assert re.search(r"^WatchdogSec=\S+", text, re.MULTILINE)
    assert re.search(r"^RestartSec=\S+", text, re.MULTILINE)
    assert re.search(r"^ExecStartPre=@FOLLOWUPD@.* check-config$", text, re.MULTILINE)
    assert "LoadCredential=" in text  # documented way to pass the password


@needs_analyze
@pytest.mark.parametrize("name,limit", [("followupd.service", 4.0), ("followupd@.service", 3.0)])
def test_security_exposure(tmp_path: Path, name: str, limit: float) -> None:
    unit = _render(tmp_path, name)
    out = subprocess.run(
        [analyze, "security", "--offline=yes", str(unit)], capture_output=True, text=True, check=False
    ).stdout
    m = re.search(r"Overall exposure level for \S+: ([\d.]+) (\w+)", out)
    assert m, out[-2000:]
    level, rating = float(m.group(1)), m.group(2)
    assert rating in ("OK", "SAFE"), out[-2000:]
    assert level <= limit


@needs_analyze
@pytest.mark.parametrize("name", UNITS)
def test_verify_is_clean(tmp_path: Path, name: str) -> None:
    unit = _render(tmp_path, name)
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    cmd = [analyze, *(["--user"] if name == "followupd.service" else []), "verify", str(unit)]
    r = subprocess.run(
        cmd, capture_output=True, text=True, check=False, env={"XDG_RUNTIME_DIR": str(runtime), "PATH": "/usr/bin:/bin"}
    )
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == "", r.stderr


def test_install_writes_unit_and_only_prints_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["service", "install", "--unit-dir", str(tmp_path)])
    assert rc == 0
    unit = (tmp_path / "followupd.service").read_text(encoding="utf-8")
    assert "@FOLLOWUPD@" not in unit
    exec_line = next(ln for ln in unit.splitlines() if ln.startswith("ExecStart="))
    assert exec_line.endswith(" run")
    out = capsys.readouterr().out
    assert "systemctl --user enable --now followupd.service" in out
    assert "nothing was enabled" in out


def test_install_system_template(tmp_path: Path) -> None:
    target, commands = install(False, unit_dir=tmp_path, exec_path="/opt/followupd/bin/followupd")
    text = target.read_text(encoding="utf-8")
    assert target.name == "followupd@.service"
    assert "ExecStart=/opt/followupd/bin/followupd -c /etc/followupd/%i.toml run" in text
    assert any("followupd@USER.service" in c for c in commands)


def test_install_reports_unwritable_target(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(UserError, match=r"cannot write .*not-a-dir"):
        install(True, unit_dir=blocker / "sub")
