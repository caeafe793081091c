"""What ``pip install`` gives a user: the wheel carries the data files and runs on its own."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_wheel_carries_templates_demo_mail_and_licence_and_runs_the_demo(tmp_path: Path) -> None:
    built = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(built), str(REPO)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    [wheel] = built.glob("followupd-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for directory in ("followup/templates", "commands/demo_mail"):
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
