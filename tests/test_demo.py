"""The embedded default: `followupd demo` runs the real pipeline and tells the story."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from daemon.commands.demo import Demo

REPO = Path(__file__).resolve().parent.parent


def test_demo_story_leaves_the_right_mailbox_and_state(tmp_path: Path) -> None:
    out = io.StringIO()
    demo = Demo(tmp_path, out)
    try:
        assert demo.play() == 0
        apps = demo.store.load_applications()
        assert len(apps) == 1  # the newsletter made no application
        app = apps[0]
        assert app.company == "Brightwater Labs"
        assert app.state == "answered"
        stages = {s.stage: s.status for s in app.stages}
        assert stages["followup-1"] in ("drafted", "done_by_user")
        assert stages["followup-2"] == "stopped"
        # the one draft was sent by the "user" into Sent; nothing is left in Drafts
        assert demo.drafts() == []
        sent = [p for sub in ("cur", "new") for p in (tmp_path / "Mail" / ".Sent" / sub).iterdir()]
        assert len(sent) == 1
        raw = sent[0].read_bytes()
        assert b"X-Followupd-Id: " in raw
        assert b"In-Reply-To: <invite-7731@brightwaterlabs.example>" in raw
    finally:
        demo.close()
    text = out.getvalue()
    assert "Friday 06 March 09:30" in text  # 2 business days after Wednesday's interview
    assert "1 draft placed" in text
    assert "0 new drafts" in text


def test_demo_command_runs_from_the_cli_in_seconds() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "daemon", "demo"], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert r.returncode == 0, r.stderr
    assert "Thank you for taking the time to speak with me on Wednesday" in r.stdout
    assert "pass my thanks on to Tomasz" in r.stdout  # the other interviewer, by name
    assert "answered" in r.stdout
    assert r.stderr == ""  # no warnings or tracebacks on a clean run
