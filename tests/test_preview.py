"""``followupd preview`` through the real command line."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from daemon.commands.cli import main

CONFIG = """\
[daemon]
timezone = "America/New_York"
user_name = "Sam Carter"

[[accounts]]
name = "main"
kind = "maildir"
path = "{maildir}"
addresses = ["sam@example.org"]

[policy]
country = "{country}"
thank_you = {thank_you}

[[companies]]
name = "Acme"
specific = "the migration to event sourcing"
question = "How does the team split on-call between services?"

[[companies]]
name = "Initech"
skip = true
{extra}
"""


def write_config(tmp_path: Path, country: str = "US", thank_you: bool = False, extra: str = "") -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        CONFIG.format(maildir=tmp_path, country=country, thank_you=str(thank_you).lower(), extra=extra),
        encoding="utf-8",
    )
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def preview_json(capsys: pytest.CaptureFixture[str], config: Path, *extra: str) -> dict[str, Any]:
    rc, out, err = run(capsys, "-c", str(config), "preview", "--json", *extra)
    assert rc == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def test_json_lists_every_stage_with_its_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, thank_you=True)
    data = preview_json(
        capsys, config,
        "--interview", "2026-11-24T14:00:00-05:00", "--end", "2026-11-24T15:00:00-05:00",
        "--company", "Acme", "--role", "Backend Engineer", "--interviewer", "Jane Doe",
        "--now", "2026-11-24T12:00:00-05:00",
    )  # fmt: skip
    assert list(data) == ["stages"]
    stages = data["stages"]
    assert [s["stage"] for s in stages] == ["thank-you", "followup-1", "followup-2"]
    for s in stages:
        assert list(s) == ["stage", "due", "to", "subject", "body"]
        assert s["subject"] == "Re: Interview for Backend Engineer"
        assert s["to"] == "Jane Doe"
        assert s["body"].startswith("Hi Jane,\n") and s["body"].rstrip().endswith("Sam Carter")
    assert stages[0]["due"] == "2026-11-24T18:00:00-05:00"
    assert stages[1]["due"] == "2026-11-27T09:30:00-05:00"  # Thanksgiving skipped
    assert stages[2]["due"] == "2026-12-04T09:30:00-05:00"
    assert "the migration to event sourcing" in stages[1]["body"]
    assert "How does the team split on-call between services?" in stages[1]["body"]
    assert "today" in stages[0]["body"]


def test_round_and_naive_times_in_the_users_zone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    args = ("--interview", "2026-03-03T14:00", "--now", "2026-03-03T16:00")
    plain = preview_json(capsys, config, *args)["stages"]
    first = preview_json(capsys, config, *args, "--round", "first")["stages"]
    final = preview_json(capsys, config, *args, "--round", "final")["stages"]
    assert plain[0]["due"] == "2026-03-05T09:30:00-05:00"
    assert first[0]["due"] == "2026-03-06T09:30:00-05:00"
    assert final[0]["due"] == "2026-03-04T09:30:00-05:00"
    assert "first-round interview" in first[1]["body"]


def test_human_output_shows_due_times_reasons_and_full_drafts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(tmp_path)
    rc, out, err = run(
        capsys, "-c", str(config), "preview",
        "--interview", "2026-03-03T19:00:00Z", "--round", "first", "--company", "Acme",
        "--now", "2026-03-03T20:00:00Z",
    )  # fmt: skip
    assert rc == 0, err
    assert "interview: Tuesday, March 3, 2026 at 14:00 EST (America/New_York)" in out
    assert "followup-1 (followup) due Friday, March 6, 2026 at 09:30 EST" in out
    assert "followup-2 (checkin) due Friday, March 13, 2026 at 09:30 EDT" in out  # DST began 8 March
    assert "because: base 2 business days; first round +1" in out
    assert "Subject: Re: Interview" in out
    assert out.count(",\nSam Carter") == 2


def test_skipped_company_has_no_stages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)
    args = ("--interview", "2026-03-03T14:00", "--company", "initech", "--now", "2026-03-03T16:00")
    assert preview_json(capsys, config, *args) == {"stages": []}
    rc, out, _ = run(capsys, "-c", str(config), "preview", *args)
    assert rc == 0 and "no follow-ups: company 'Initech' has skip = true" in out


def test_templates_dir_from_the_config_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tdir = tmp_path / "tpl"
    tdir.mkdir()
    (tdir / "followup.txt.j2").write_text("{{ greeting }} custom for {{ the_team }}", encoding="utf-8")
    config = write_config(tmp_path, extra=f'\n[templates]\ndir = "{tdir}"\n')
    stages = preview_json(capsys, config, "--interview", "2026-03-03T14:00", "--now", "2026-03-03T16:00")["stages"]
    assert stages[0]["body"] == "Hello, custom for your team\n"
    assert stages[1]["body"].startswith("Hello,\n\nI hope you are doing well.")  # built-in check-in


@pytest.mark.parametrize(
    ("argv", "where"),
    [
        (["--interview", "next tuesday"], "--interview"),
        (["--interview", "2026-03-03T14:00", "--end", "2026-03-03T13:00"], "--end"),
        (["--interview", "2026-03-03T14:00", "--end", "soon"], "--end"),
        (["--interview", "2026-03-03T14:00", "--now", "2026-13-01"], "--now"),
    ],
)
def test_bad_times_are_clear_user_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], where: str
) -> None:
    rc, out, err = run(capsys, "-c", str(write_config(tmp_path)), "preview", *argv)
    assert rc == 2 and out == ""
    assert err.startswith(f"followupd: {where}: ")


def test_unknown_country_names_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = run(
        capsys, "-c", str(write_config(tmp_path, country="XQ")), "preview", "--interview", "2026-03-03T14:00"
    )
    assert rc == 2 and out == ""
    assert "policy.country" in err and "XQ" in err


def test_without_a_config_file_or_now(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = datetime.now(UTC)
    data = preview_json(capsys, tmp_path / "missing.toml", "--interview", "2026-03-03T14:00:00+00:00")
    stages = data["stages"]
    assert [s["stage"] for s in stages] == ["followup-1", "followup-2"]
    # a past interview is planned as of its own start: the natural schedule, in UTC (no config)
    first = datetime.fromisoformat(stages[0]["due"])
    assert first == datetime(2026, 3, 5, 9, 30, tzinfo=UTC)  # Tue 14:00 + 2 business days
    assert before > first
    assert stages[0]["body"].startswith("Hello,\n")
