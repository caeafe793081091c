"""What ``pip install`` gives a user: the wheel carries the data files and runs on its own."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(built), str(REPO)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    [found] = built.glob("followupd-*.whl")
    return found


def test_the_wheel_carries_templates_demo_mail_and_licence_and_runs_the_demo(tmp_path: Path, wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for directory in ("followup/templates", "commands/demo_mail", "commands/units"):
        files = {f"daemon/{directory}/{p.name}" for p in (REPO / "daemon" / directory).iterdir() if p.is_file()}
        assert files and files <= names, files - names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "followupd = daemon.commands.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()

    # the unpacked wheel alone (not this checkout) runs the demo, templates and sample mail included
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = dict(os.environ, PYTHONPATH=str(site))
    probe = "import daemon, sys; from daemon.commands.cli import main; print(daemon.__file__); sys.exit(main(['demo']))"
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.splitlines()[0] == str(site / "daemon" / "__init__.py")
    # the sample invitation was read and the built-in follow-up template rendered
    assert "Subject: Re: Interview confirmation: Platform Engineer at Brightwater Labs" in run.stdout
    assert "Thank you for taking the time to speak with me" in run.stdout


def test_the_unit_files_in_systemd_are_the_ones_the_package_ships() -> None:
    shipped = sorted(p.name for p in (REPO / "daemon" / "commands" / "units").glob("*.service"))
    assert shipped == sorted(p.name for p in (REPO / "systemd").glob("*.service"))
    for name in shipped:
        top = (REPO / "systemd" / name).read_bytes()
        assert top == (REPO / "daemon" / "commands" / "units" / name).read_bytes(), f"systemd/{name} differs"


def test_service_install_from_a_wheel_in_a_fresh_venv_writes_a_unit_that_starts(tmp_path: Path, wheel: Path) -> None:
    """As a user installs it (a venv or pipx, not activated) and as systemd starts it (bare PATH)."""
    env_dir = tmp_path / "venv with space"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    # no network: only the wheel, without its dependencies (--version and service install need none)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(env_dir / "bin" / "python"),
            "install",
            "--quiet",
            "--no-index",
            "--no-deps",
            "--disable-pip-version-check",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    home = tmp_path / "home"
    home.mkdir()
    bare = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    units = tmp_path / "units"
    done = subprocess.run(
        [str(env_dir / "bin" / "followupd"), "service", "install", "--unit-dir", str(units)],
        env=bare,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    unit = (units / "followupd.service").read_text(encoding="utf-8")
    [exec_start] = [ln.removeprefix("ExecStart=") for ln in unit.splitlines() if ln.startswith("ExecStart=")]
    argv = shlex.split(exec_start)
    assert argv == [str(env_dir / "bin" / "followupd"), "run"]
    started = subprocess.run(
        [argv[0], "--version"], env=bare, cwd="/", capture_output=True, text=True, timeout=60, check=False
    )
    assert started.returncode == 0 and started.stdout.startswith("followupd "), started.stderr


def test_service_install_refuses_a_command_that_cannot_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from daemon.commands import install
    from daemon.errors import UserError

    broken = tmp_path / "followupd"
    broken.write_text("#!/nonexistent/python\n", encoding="utf-8")
    broken.chmod(0o755)
    monkeypatch.setattr(install, "candidates", lambda: [[str(broken)]])
    with pytest.raises(UserError, match=r"tried: .*/followupd \(.*nonexistent|tried: .*/followupd \(.*No such file"):
        install.install(True, unit_dir=tmp_path / "units")
    assert not (tmp_path / "units" / "followupd.service").exists()
