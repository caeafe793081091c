from __future__ import annotations

import argparse
import re
from dataclasses import replace
from datetime import time
from pathlib import Path

import pytest

from daemon.commands import cli
from daemon.commands.check import cmd_check_config
from daemon.config import SCHEMA, check, is_loopback, load, load_or_default
from daemon.errors import ConfigError, UserError
from daemon.settings import PasswordSource, Settings

EXAMPLE = Path(__file__).resolve().parent.parent / "config.example.toml"

IMAP = """
[[accounts]]
name = "main"
host = "imap.example.org"
username = "me@example.org"
addresses = ["Me@Example.org"]
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # problems name the file as given; a relative name keeps the expected strings readable
    monkeypatch.chdir(tmp_path)


def write(tmp_path: Path, text: str, name: str = "config.toml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return Path(name)


def problems(tmp_path: Path, text: str) -> list[str]:
    p = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load(p)
    assert check(p) == info.value.problems
    return info.value.problems


def only_problem(tmp_path: Path, text: str) -> str:
    found = problems(tmp_path, text)
    assert len(found) == 1, found
    return found[0]


# ---- the example file ---------------------------------------------------------------------


def test_example_loads_and_its_active_values_are_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")  # the example leaves the zone to the system
    settings = load(EXAMPLE)
    assert settings.source == EXAMPLE
    assert replace(Settings(), source=EXAMPLE) == settings
    # without a username [notify] logs in with no password at all
    assert settings.notify.password == PasswordSource(kind="none")


def _example_keys_by_section() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    section = ""
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        text = line.lstrip("# ").strip()
        header = re.fullmatch(r"\[\[?([\w.]+)\]\]?", text)
        if header:
            section = header[1]
            if "." in section:  # [accounts.oauth2] is the key oauth2 of [[accounts]]
                parent, _, key_name = section.rpartition(".")
                found.setdefault(parent, set()).add(key_name)
            continue
        key = re.match(r"(\w+)\s*=", text)
        if key and section:
            found.setdefault(section, set()).add(key[1])
    return found


def test_every_schema_key_is_documented_in_the_example_under_its_section() -> None:
    documented = _example_keys_by_section()
    for section, keys in SCHEMA.items():
        missing = set(keys) - documented.get(section, set())
        assert not missing, f"[{section}] keys missing from config.example.toml: {sorted(missing)}"
        unknown = documented.get(section, set()) - set(keys)
        assert not unknown, f"config.example.toml documents unknown [{section}] keys: {sorted(unknown)}"


def test_the_commented_example_accounts_and_company_are_valid(tmp_path: Path) -> None:
    # uncomment the blocks under "# [[accounts]]" and "# [[companies]]" (not the "# # " alternatives)
    out: list[str] = []
    inside = False
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        if re.fullmatch(r"# \[\[(accounts|companies)\]\]", line):
            inside = True
        elif not re.match(r"# (\w+ = |\[\[|# )", line):
            inside = False
        out.append(line[2:] if inside else line)
    settings = load(write(tmp_path, "\n".join(out)))
    imap, maildir = settings.accounts
    assert (imap.kind, imap.host, imap.port, imap.security) == ("imap", "imap.example.org", 993, "tls")
    assert imap.password == PasswordSource(kind="keyring", keyring_service="followupd")
    assert imap.addresses == ("me@example.org", "me.alias@example.org")
    assert maildir.kind == "maildir" and maildir.path == Path.home() / "Mail"
    (acme,) = settings.companies
    assert acme.domains == ("acme.com", "acme.io") and acme.pace == "conservative"
    assert settings.company(None, "jobs.acme.io") == acme


# ---- accounts -----------------------------------------------------------------------------


def test_minimal_imap_account(tmp_path: Path) -> None:
    s = load(write(tmp_path, IMAP))
    (a,) = s.accounts
    assert a.name == "main" and a.port == 993 and a.security == "tls"
    assert a.addresses == ("me@example.org",)
    assert a.password.kind == "keyring" and a.password.keyring_service == "followupd"
    assert a.folders == ("INBOX",) and a.timeout_seconds == 30.0
    assert s.user_addresses == frozenset({"me@example.org"})


def test_port_defaults_follow_security(tmp_path: Path) -> None:
    s = load(write(tmp_path, IMAP + 'security = "starttls"\n'))
    assert s.accounts[0].port == 143
    s = load(write(tmp_path, IMAP + 'security = "starttls"\nport = 1143\n'))
    assert s.accounts[0].port == 1143


def test_every_problem_is_reported_at_once_with_file_and_key_path(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        """
[daemon]
timezone = "Mars/Olympus"
idle_refresh_minutes = 29

[[accounts]]
name = "main"
host = "imap.example.org"
port = 70000
username = "me@example.org"
addresses = ["me@example.org"]

[[accounts]]
name = "second"
kind = "pop3"
addresses = ["x@example.org"]
""",
    )
    assert "config.toml: accounts[0].port: must be 1–65535" in found
    assert any(p.startswith("config.toml: daemon.timezone: unknown time zone 'Mars/Olympus'") for p in found)
    assert any(p.startswith("config.toml: daemon.idle_refresh_minutes: must be") for p in found)
    assert any(p.startswith("config.toml: accounts[1].kind: must be one of imap, maildir") for p in found)
    assert len(found) == 4, found


def test_password_in_config_is_refused_without_echoing_it(tmp_path: Path) -> None:
    msg = only_problem(tmp_path, IMAP + 'password = "canary-hunter2"\n')
    assert msg.startswith("config.toml: accounts[0].password: ")
    assert "canary-hunter2" not in msg
    for source in ("keyring", "password_command", "password_env", "password_credential"):
        assert source in msg


def test_password_pasted_into_password_env_is_not_echoed(tmp_path: Path) -> None:
    msg = only_problem(tmp_path, IMAP + 'password_env = "s3cr3t!pw"\n')
    assert msg.startswith("config.toml: accounts[0].password_env: must be the name of an environment variable")
    assert "s3cr3t!pw" not in msg


def test_unknown_keys_get_a_did_you_mean_at_every_level(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        IMAP
        + 'adresses = ["x@example.org"]\n'
        + '[daemon]\ntimezon = "UTC"\n[polcy]\ncountry = "US"\n[notify]\nzzz = 1\n',
    )
    assert "config.toml: accounts[0].adresses: unknown key; did you mean 'addresses'?" in found
    assert "config.toml: daemon.timezon: unknown key; did you mean 'timezone'?" in found
    assert "config.toml: polcy: unknown section; did you mean 'policy'?" in found
    assert "config.toml: notify.zzz: unknown key" in found
    assert len(found) == 4


def test_wrong_types_say_what_was_expected(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        IMAP
        + 'port = "993"\nfolders = "INBOX"\ntimeout_seconds = true\n'
        + '[daemon]\nremove_stale_drafts = "yes"\nlookback_days = 1.5\n',
    )
    assert "config.toml: accounts[0].port: expected an integer, got a string" in found
    assert "config.toml: accounts[0].folders: expected an array of strings, got a string" in found
    assert "config.toml: accounts[0].timeout_seconds: expected a number, got a boolean" in found
    assert "config.toml: daemon.remove_stale_drafts: expected a boolean (true or false), got a string" in found
    assert "config.toml: daemon.lookback_days: expected an integer, got a float" in found


def test_accounts_written_as_a_single_table(tmp_path: Path) -> None:
    msg = only_problem(tmp_path, '[accounts]\nname = "x"\n')
    assert msg == "config.toml: accounts: expected an array of tables: write [[accounts]], not [accounts]"


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.8.9.10", "::1", "[::1]"])
def test_plain_is_allowed_on_loopback(tmp_path: Path, host: str) -> None:
    text = IMAP.replace("imap.example.org", host) + 'security = "plain"\n'
    s = load(write(tmp_path, text))
    assert s.accounts[0].security == "plain" and s.accounts[0].port == 143


@pytest.mark.parametrize("host", ["imap.example.org", "10.0.0.1", "128.0.0.1", "::2", "localhost.example.org"])
def test_plain_is_refused_elsewhere(tmp_path: Path, host: str) -> None:
    assert not is_loopback(host)
    msg = only_problem(tmp_path, IMAP.replace("imap.example.org", host) + 'security = "plain"\n')
    assert msg.startswith('config.toml: accounts[0].security: "plain" sends the password unencrypted')


def test_password_sources(tmp_path: Path) -> None:
    s = load(write(tmp_path, IMAP + 'password_command = ["pass", "show", "mail"]\n'))
    assert s.accounts[0].password == PasswordSource(kind="command", command=("pass", "show", "mail"))
    s = load(write(tmp_path, IMAP + 'password_env = "MAIL_PW"\n'))
    assert s.accounts[0].password == PasswordSource(kind="env", env="MAIL_PW")
    s = load(write(tmp_path, IMAP + 'password_credential = "followupd-main"\n'))
    assert s.accounts[0].password == PasswordSource(kind="credential", credential="followupd-main")
    s = load(write(tmp_path, IMAP + 'keyring_service = "mail"\n'))
    assert s.accounts[0].password == PasswordSource(kind="keyring", keyring_service="mail")


def test_password_source_mistakes(tmp_path: Path) -> None:
    msg = only_problem(tmp_path, IMAP + 'password_command = "pass show mail"\n')
    assert "expected an array of strings (argv, run without a shell)" in msg
    msg = only_problem(tmp_path, IMAP + 'password_env = "A"\npassword_command = ["pass"]\n')
    assert msg == (
        "config.toml: accounts[0].password_command: give only one password source; password_env is already set"
    )
    msg = only_problem(tmp_path, IMAP + 'password_env = "A"\nkeyring_service = "x"\n')
    assert msg.startswith("config.toml: accounts[0].keyring_service: only applies to passwords in the keyring")
    msg = only_problem(tmp_path, IMAP + 'password_credential = "../etc/shadow"\n')
    assert msg.startswith("config.toml: accounts[0].password_credential: must be a systemd credential name")


def test_required_account_keys(tmp_path: Path) -> None:
    found = problems(tmp_path, '[[accounts]]\nkind = "imap"\n')
    assert {p.split(": ")[1] for p in found} == {
        "accounts[0].name",
        "accounts[0].host",
        "accounts[0].username",
        "accounts[0].addresses",
    }


def test_duplicate_account_names_are_refused_case_insensitively(tmp_path: Path) -> None:
    msg = only_problem(tmp_path, IMAP + IMAP.replace('"main"', '"Main"'))
    assert msg == "config.toml: accounts[1].name: account name 'Main' is already used by accounts[0]"


def test_notify_is_a_reserved_account_name(tmp_path: Path) -> None:
    msg = only_problem(tmp_path, IMAP.replace('"main"', '"notify"'))
    assert msg.startswith("config.toml: accounts[0].name: 'notify' is reserved")


def test_addresses_are_validated(tmp_path: Path) -> None:
    msg = only_problem(tmp_path, IMAP.replace('["Me@Example.org"]', '["me@example.org", "nobody"]'))
    assert msg == "config.toml: accounts[0].addresses: item 1: 'nobody' is not an email address"
    msg = only_problem(tmp_path, IMAP.replace('["Me@Example.org"]', "[]"))
    assert msg == "config.toml: accounts[0].addresses: must not be empty"


def test_maildir_account(tmp_path: Path) -> None:
    text = '[[accounts]]\nname = "m"\nkind = "maildir"\npath = "~/Mail"\naddresses = ["me@example.org"]\n'
    (a,) = load(write(tmp_path, text)).accounts
    assert a.path == Path.home() / "Mail" and a.password.kind == "none"
    rel = load(write(tmp_path, text.replace("~/Mail", "mail"))).accounts[0]
    assert rel.path == tmp_path / "mail"


def test_maildir_account_mistakes(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        '[[accounts]]\nname = "m"\nkind = "maildir"\nhost = "x.org"\n'
        'password_env = "PW"\naddresses = ["me@example.org"]\n',
    )
    assert "config.toml: accounts[0].host: only applies to imap accounts; remove it" in found
    assert any(p.startswith("config.toml: accounts[0].password_env: not used") for p in found)
    assert 'config.toml: accounts[0].path: required for a maildir account, e.g. "~/Mail"' in found
    assert len(found) == 3


def test_ca_file_must_exist(tmp_path: Path) -> None:
    msg = only_problem(tmp_path, IMAP + 'ca_file = "ca.pem"\n')
    assert msg == f"config.toml: accounts[0].ca_file: {tmp_path / 'ca.pem'} is not a readable file"
    (tmp_path / "ca.pem").write_text("x")
    assert load(write(tmp_path, IMAP + 'ca_file = "ca.pem"\n')).accounts[0].ca_file == tmp_path / "ca.pem"


def test_timeout_must_be_positive(tmp_path: Path) -> None:
    msg = only_problem(tmp_path, IMAP + "timeout_seconds = 0\n")
    assert msg.startswith("config.toml: accounts[0].timeout_seconds: must be greater than 0")
    assert load(write(tmp_path, IMAP + "timeout_seconds = 5\n")).accounts[0].timeout_seconds == 5.0


# ---- daemon and policy --------------------------------------------------------------------


def test_daemon_section(tmp_path: Path) -> None:
    s = load(
        write(
            tmp_path,
            '[daemon]\nstate_dir = "state"\ntimezone = "America/New_York"\nlog_level = "debug"\n'
            'user_name = " Ada Lovelace "\nidle_refresh_minutes = 28.5\nremove_stale_drafts = false\n',
        )
    )
    d = s.daemon
    assert d.state_dir == tmp_path / "state" and d.timezone == "America/New_York"
    assert d.log_level == "debug" and d.user_name == "Ada Lovelace"
    assert d.idle_refresh_minutes == 28.5 and d.remove_stale_drafts is False


def test_idle_refresh_must_stay_below_29_minutes(tmp_path: Path) -> None:
    msg = only_problem(tmp_path, "[daemon]\nidle_refresh_minutes = 29\n")
    assert msg == "config.toml: daemon.idle_refresh_minutes: must be greater than 0 and less than 29"


def test_policy_section(tmp_path: Path) -> None:
    s = load(
        write(
            tmp_path,
            '[policy]\ncountry = "de"\nsubdivision = "by"\nsend_time = "8:05"\nweekend = ["fri", "Saturday"]\n'
            'pace = "fast"\nmax_followups = 3\nthank_you = true\nthank_you_after_hours = 2\n',
        )
    )
    p = s.policy
    assert (p.country, p.subdivision, p.send_time) == ("DE", "BY", time(8, 5))
    assert p.weekend == (4, 5) and p.pace == "fast" and p.max_followups == 3
    assert p.thank_you is True and p.thank_you_after_hours == 2.0


def test_country_aliases_and_subdivision_names(tmp_path: Path) -> None:
    p = load(write(tmp_path, '[policy]\ncountry = "uk"\nsubdivision = "Scotland"\n')).policy
    assert (p.country, p.subdivision) == ("UK", "Scotland")
    assert load(write(tmp_path, '[policy]\ncountry = "GBR"\nsubdivision = "sct"\n')).policy.subdivision == "SCT"
    msg = only_problem(tmp_path, '[policy]\ncountry = "DE"\nsubdivision = "Atlantis"\n')
    assert "'Atlantis' is not a subdivision of DE; known: BB, BE, BW, BY" in msg, msg
    assert "did you mean 'GB'?" in only_problem(tmp_path, '[policy]\ncountry = "GBB"\n')


def test_send_time_accepts_a_toml_local_time(tmp_path: Path) -> None:
    assert load(write(tmp_path, "[policy]\nsend_time = 10:15:00\n")).policy.send_time == time(10, 15)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('country = "XX"', "policy.country: 'XX' is not a country the holidays package knows"),
        ('subdivision = "ZZ"', "policy.subdivision: 'ZZ' is not a subdivision of US"),
        ('send_time = "9.30"', "policy.send_time: expected a time as \"HH:MM\" (24-hour), not '9.30'"),
        ('send_time = "24:00"', 'policy.send_time: expected a time as "HH:MM"'),
        ('weekend = ["sat", "sunday", "sat"]', "policy.weekend: item 2: saturday is listed twice"),
        ('weekend = ["caturday"]', "policy.weekend: item 0: 'caturday' is not a day name"),
        ('weekend = ["mon","tue","wed","thu","fri","sat","sun"]', "policy.weekend: every day cannot be weekend"),
        ('pace = "slow"', "policy.pace: must be one of fast, standard, conservative, not 'slow'"),
        ("min_business_days = 5\nmax_business_days = 3", "policy.min_business_days: must not exceed"),
        ("round_adjust_first = 11", "policy.round_adjust_first: must be -10–10"),
    ],
)
def test_policy_mistakes(tmp_path: Path, line: str, expected: str) -> None:
    msg = only_problem(tmp_path, f"[policy]\n{line}\n")
    assert msg.startswith(f"config.toml: {expected}"), msg


# ---- templates, companies, notify ---------------------------------------------------------


def test_templates(tmp_path: Path) -> None:
    (tmp_path / "tpl").mkdir()
    s = load(write(tmp_path, '[templates]\ndir = "tpl"\nfollowup = "Hi {{ name }},"\n'))
    assert s.templates.dir == tmp_path / "tpl" and s.templates.followup == "Hi {{ name }},"
    found = problems(tmp_path, '[templates]\ndir = "nope"\ncheckin = "line\\n{% if x %}"\n')
    assert f"config.toml: templates.dir: {tmp_path / 'nope'} is not a directory" in found
    assert any(p.startswith("config.toml: templates.checkin: template syntax error on its line 2") for p in found)


def test_companies(tmp_path: Path) -> None:
    text = (
        '[[companies]]\nname = "Acme"\ndomains = ["Acme.COM"]\npace = "fast"\n'
        'followup_after_business_days = 4\nquestion = "What next?"\nskip = true\n'
    )
    (c,) = load(write(tmp_path, text)).companies
    assert c.domains == ("acme.com",) and c.pace == "fast" and c.followup_after_business_days == 4
    assert c.question == "What next?" and c.skip is True
    found = problems(tmp_path, text + '[[companies]]\nname = "ACME"\ndomains = ["hr@acme.com"]\n')
    assert "config.toml: companies[1].domains: item 0: 'hr@acme.com' is an address; give its domain only" in found
    assert "config.toml: companies[1].name: company 'ACME' is already used by companies[0]" in found


def test_notify(tmp_path: Path) -> None:
    s = load(
        write(
            tmp_path,
            '[notify]\nenabled = true\nmode = "digest"\ndigest_time = "19:00"\nhost = "smtp.example.org"\n'
            'security = "starttls"\nusername = "me"\npassword_env = "SMTP_PW"\nfrom = "me@example.org"\n',
        )
    )
    n = s.notify
    assert n.enabled and n.mode == "digest" and n.digest_time == time(19, 0)
    assert n.port == 587 and n.from_addr == n.to_addr == "me@example.org"
    assert n.password == PasswordSource(kind="env", env="SMTP_PW")
    s = load(write(tmp_path, '[notify]\nhost = "127.0.0.1"\nsecurity = "plain"\nfrom = "a@b.org"\nto = "c@d.org"\n'))
    assert s.notify.password.kind == "none" and s.notify.port == 25 and s.notify.to_addr == "c@d.org"
    s = load(write(tmp_path, '[notify]\nusername = "me"\n'))
    assert s.notify.password.kind == "keyring"


def test_notify_mistakes(tmp_path: Path) -> None:
    found = problems(tmp_path, '[notify]\nenabled = true\npassword_env = "PW"\nto = "nobody"\n')
    assert "config.toml: notify.host: required when notifications are enabled" in found
    assert "config.toml: notify.from: required when notifications are enabled" in found
    assert "config.toml: notify.to: 'nobody' is not an email address" in found
    assert any(p.startswith("config.toml: notify.password_env: not used") for p in found)
    assert len(found) == 4


# ---- files and the command ----------------------------------------------------------------


def test_toml_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    msg = only_problem(tmp_path, '[daemon]\ntimezone = "UTC"\nlog_level = debug\n')
    assert msg == "config.toml: line 3, column 13: TOML syntax: Invalid value"


def test_not_utf8(tmp_path: Path) -> None:
    p = tmp_path / "config.toml"
    p.write_bytes(b'[daemon]\nuser_name = "\xff"\n')
    assert check(p) == [f"{p}: not valid UTF-8 (byte 22)"]


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    with pytest.raises(UserError) as info:
        load(path)
    assert not isinstance(info.value, ConfigError)
    assert str(path) in str(info.value) and "config.example.toml" in str(info.value)
    assert check(path) == [str(info.value)]


def test_load_or_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert load_or_default(tmp_path / "absent.toml") == replace(
        Settings(), daemon=replace(Settings().daemon, timezone="Asia/Tokyo")
    )
    p = write(tmp_path, '[daemon]\ntimezone = "Europe/Berlin"\n')
    assert load_or_default(p).daemon.timezone == "Europe/Berlin"
    with pytest.raises(ConfigError):
        load_or_default(write(tmp_path, "[daemon]\nbogus = 1\n"))


# check-config asks whether the config can run here: a password source that works here
RUNNABLE = IMAP + 'password_env = "FOLLOWUPD_TEST_PASSWORD"\n'


@pytest.fixture(autouse=True)
def _password_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUPD_TEST_PASSWORD", "secret")


def test_cmd_check_config_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = write(
        tmp_path,
        '[daemon]\ntimezone = "America/New_York"\nuser_name = "Ann Lee"\n'
        + RUNNABLE
        + RUNNABLE.replace('"main"', '"b"'),
    )
    assert cmd_check_config(argparse.Namespace(config=p)) == 0
    out = capsys.readouterr()
    assert out.out == f"{p}: OK — 2 accounts, timezone America/New_York\n" and out.err == ""


def test_check_config_compiles_the_template_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "checkin.txt.j2").write_text("Hello {{ company }}", encoding="utf-8")
    p = write(tmp_path, RUNNABLE + f'[templates]\ndir = "{tpl}"\n')
    assert cli.main(["-c", str(p), "check-config"]) == 0
    capsys.readouterr()
    (tpl / "followup.txt.j2").write_text("Hi {% if role %}\nno end", encoding="utf-8")
    assert cli.main(["-c", str(p), "check-config"]) == 2
    err = capsys.readouterr().err
    assert str(tpl / "followup.txt.j2") in err and "syntax error on line 2" in err


def test_check_config_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = write(tmp_path, IMAP + "port = 0\n[daemon]\nlog_level = 3\n")
    assert cli.main(["-c", str(p), "check-config"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{p}: daemon.log_level: expected a string, got an integer",
        f"{p}: accounts[0].port: must be 1–65535",
    ]
    assert cli.main(["-c", str(tmp_path / "absent.toml"), "check-config"]) == 2
    assert "config.example.toml" in capsys.readouterr().err


# ---- configs that are valid but cannot run here, and poor defaults ------------------------


def test_check_config_refuses_what_cannot_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FOLLOWUPD_UNSET_PASSWORD", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    p = write(tmp_path, '[daemon]\nuser_name = "Ann"\ntimezone = "UTC"\n')
    assert cli.main(["-c", str(p), "check-config"]) == 2
    assert (
        capsys.readouterr().err
        == f"{p}: accounts: none configured; add an [[accounts]] table (see config.example.toml)\n"
    )
    text = (
        '[daemon]\nuser_name = "Ann"\ntimezone = "UTC"\n'
        '[[accounts]]\nname = "md"\nkind = "maildir"\npath = "absent"\naddresses = ["a@example.org"]\n'
        + IMAP.replace('"main"', '"env"')
        + 'password_env = "FOLLOWUPD_UNSET_PASSWORD"\n'
        + IMAP.replace('"main"', '"kr"')
    )
    p = write(tmp_path, text)
    assert cli.main(["-c", str(p), "check-config"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{p}: accounts[0].path: no such directory: {tmp_path / 'absent'}"
    assert err[1].startswith(f"{p}: accounts[1].password_env: environment variable FOLLOWUPD_UNSET_PASSWORD is not set")
    assert err[2].startswith(f"{p}: accounts[2]: the keyring (the default password source): no usable keyring backend")
    assert len(err) == 3
    (tmp_path / "absent").mkdir()
    monkeypatch.setenv("FOLLOWUPD_UNSET_PASSWORD", "x")
    assert cli.main(["-c", str(p), "check-config"]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_check_config_warns_of_poor_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Paris")
    p = write(tmp_path, RUNNABLE)
    assert cli.main(["-c", str(p), "check-config"]) == 0
    out = capsys.readouterr()
    assert out.out == f"{p}: OK — 1 account, timezone Europe/Paris\n"
    assert out.err.splitlines() == [
        f"{p}: daemon.user_name: warning: not set: drafts are signed with the display name of your sent mail, "
        'when there is one; set it, e.g. user_name = "Alex Rivera"',
        f"{p}: daemon.timezone: warning: not set: using the system's zone Europe/Paris; "
        'set it, e.g. timezone = "America/New_York"',
    ]


@pytest.mark.parametrize(
    "tz,localtime,expected",
    [
        ("Asia/Tokyo", None, "Asia/Tokyo"),
        (":America/Chicago", None, "America/Chicago"),
        ("EST5EDT,M3.2.0,M11.1.0", "/usr/share/zoneinfo/Europe/Oslo", "Europe/Oslo"),
        (None, "/usr/share/zoneinfo/Europe/Oslo", "Europe/Oslo"),
        (None, "../usr/share/zoneinfo/Australia/Perth", "Australia/Perth"),
        (None, None, None),
    ],
)
def test_system_timezone(
    monkeypatch: pytest.MonkeyPatch, tz: str | None, localtime: str | None, expected: str | None
) -> None:
    import os

    from daemon import config

    if tz is None:
        monkeypatch.delenv("TZ", raising=False)
    else:
        monkeypatch.setenv("TZ", tz)

    def readlink(path: str) -> str:
        assert path == "/etc/localtime"
        if localtime is None:
            raise OSError("not a link")
        return localtime

    monkeypatch.setattr(os, "readlink", readlink)
    monkeypatch.setattr(config, "Path", lambda p: Path("/nonexistent/timezone"))
    assert config.system_timezone() == expected


def test_check_config_asks_an_oauth2_account_for_its_token_store_not_a_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    account = (
        '[daemon]\nuser_name = "Ann"\ntimezone = "UTC"\n'
        '[[accounts]]\nname = "work"\nprovider = "outlook"\nusername = "ann@outlook.com"\nauth = "oauth2"\n'
        'addresses = ["ann@outlook.com"]\n[accounts.oauth2]\nclient_id = "app"\ntoken_store = "{store}"\n'
    )
    p = write(tmp_path, account.replace("{store}", "file"))
    assert cli.main(["-c", str(p), "check-config"]) == 0
    p = write(tmp_path, account.replace("{store}", "keyring"))
    assert cli.main(["-c", str(p), "check-config"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{p}: accounts[0].oauth2.token_store: the keyring: no usable keyring backend")
    assert line.endswith('or set token_store = "file"')
