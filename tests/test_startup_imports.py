"""What a start of ``followupd run`` imports: modules only rare paths need are imported there
(issue 18: a cold first scan pays every import once more than a bare IMAP client does)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _imported_by_a_start(names: tuple[str, ...]) -> list[str]:
    code = (
        "import json, sys\n"
        "import daemon.commands.run, daemon.service.runner, connectors.imap\n"
        f"print(json.dumps([n for n in {list(names)!r} if n in sys.modules]))\n"
    )
    # a fresh interpreter, with this checkout first on the path (not the editable install's)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    found: list[str] = json.loads(out.stdout)
    return found


def test_a_password_account_start_does_not_import_the_oauth_flows() -> None:
    # connectors.oauth2 brings urllib.request, http.server and webbrowser; only an
    # auth = "oauth2" account signs in with it (test_oauth2.py covers that path)
    assert _imported_by_a_start(("connectors.oauth2", "http.server", "webbrowser")) == []
