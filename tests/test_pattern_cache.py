"""Compiled patterns kept between runs (daemon.understand.patterns, daemon.service.pattern_cache).

Each run is a fresh Python process, as a user's commands are: the first compiles and keeps,
the next builds from what was kept. What it builds must answer exactly as what it compiles.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = sorted((REPO / "tests" / "fixtures" / "mail").glob("*.eml"))[:40]

#: analyse the fixtures in a fresh process, with the cache as the environment says; print the
#: answers and how many patterns this process had to compile (or parse) itself
_SCRIPT = r"""
import json, sys
from daemon.service import pattern_cache
from daemon.understand import patterns
loaded = pattern_cache.load()
from daemon.understand.analyze import analyze
from daemon.understand.warmup import warm_up
warm_up()
out = [analyze(open(p, "rb").read()).to_json("x") for p in sys.argv[1:]]
compiled = len(patterns._added) + len(patterns._facts_added)
saved = pattern_cache.save()
print(json.dumps({"loaded": loaded, "compiled": compiled, "saved": saved, "answers": out}, sort_keys=True, default=str))
"""


def _run(cache: Path, **env: str) -> dict[str, object]:
    e = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(REPO), **env}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, *map(str, FIXTURES)], env=e, capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_second_run_builds_every_pattern_from_the_cache_and_answers_the_same(tmp_path: Path) -> None:
    plain = _run(tmp_path / "none", FOLLOWUPD_PATTERN_CACHE="off")
    assert plain["loaded"] == 0 and plain["saved"] is False
    assert not (tmp_path / "none" / "followupd").exists()

    first = _run(tmp_path)
    assert first["loaded"] == 0 and first["compiled"] and first["saved"] is True
    kept = tmp_path / "followupd" / "patterns.json"
    assert kept.stat().st_mode & 0o777 == 0o600

    second = _run(tmp_path)
    assert 0 < second["loaded"] <= first["compiled"]  # type: ignore[operator]
    assert second["compiled"] == 0 and second["saved"] is False  # nothing left to compile, nothing to write
    assert first["answers"] == second["answers"] == plain["answers"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: b"not json at all",
        lambda doc: json.dumps({**doc, "key": "CPython 2.7"}).encode(),
        # code the regex engine must refuse: every pattern's program cut short
        lambda doc: json.dumps({**doc, "patterns": [[*r[:3], "AAAAAA==", *r[4:]] for r in doc["patterns"]]}).encode(),
    ],
)
def test_a_damaged_or_foreign_cache_is_compiled_afresh(tmp_path: Path, damage: object) -> None:
    first = _run(tmp_path)
    kept = tmp_path / "followupd" / "patterns.json"
    doc = json.loads(kept.read_bytes())
    kept.write_bytes(damage(doc))  # type: ignore[operator]
    again = _run(tmp_path)
    assert again["answers"] == first["answers"]
    assert again["compiled"]  # compiled, not run from what was damaged
    assert again["saved"] is True


def test_a_cache_others_can_write_is_not_read(tmp_path: Path) -> None:
    _run(tmp_path)
    kept = tmp_path / "followupd" / "patterns.json"
    kept.chmod(0o620)
    again = _run(tmp_path)
    assert again["loaded"] == 0
