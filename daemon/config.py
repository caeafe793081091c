"""The config file: TOML in, validated :class:`daemon.settings.Settings` out.

Validation collects every problem before failing, so ``check-config`` can list them
all at once as ``FILE: key.path: message``. :data:`SCHEMA` is the single list of keys
the loader accepts; the example config is tested against it so the docs cannot drift.
"""

from __future__ import annotations

import argparse
import difflib
import ipaddress
import math
import re
import sys
import tomllib
from collections.abc import Callable, Iterable
from datetime import time
from pathlib import Path
from typing import Any, Final, Literal, TypeVar, cast
from zoneinfo import ZoneInfo

from daemon.errors import ConfigError, UserError
from daemon.settings import (
    AccountKind,
    AccountSettings,
    CompanySettings,
    DaemonSettings,
    NotifySettings,
    Pace,
    PasswordSource,
    PolicySettings,
    Security,
    Settings,
    TemplateSettings,
)

T = TypeVar("T")

_PASSWORD_KEYS: Final = ("password_env", "password_command", "password_credential", "keyring_service")

#: every key the loader accepts, by section; ``accounts`` and ``companies`` are arrays of tables
SCHEMA: Final[dict[str, tuple[str, ...]]] = {
    "daemon": (
        "state_dir",
        "timezone",
        "log_level",
        "user_name",
        "lookback_days",
        "idle_refresh_minutes",
        "poll_interval_seconds",
        "remove_stale_drafts",
    ),
    "accounts": (
        "name",
        "kind",
        "host",
        "port",
        "security",
        "username",
        *_PASSWORD_KEYS,
        "addresses",
        "path",
        "folders",
        "sent_folder",
        "drafts_folder",
        "timeout_seconds",
        "ca_file",
    ),
    "policy": (
        "country",
        "subdivision",
        "send_time",
        "followup_after_business_days",
        "second_followup_after_business_days",
        "max_followups",
        "weekend",
        "pace",
        "round_adjust_first",
        "round_adjust_final",
        "pace_adjust_fast",
        "pace_adjust_conservative",
        "min_business_days",
        "max_business_days",
        "default_duration_minutes",
        "thank_you",
        "thank_you_after_hours",
        "catch_up_days",
    ),
    "templates": ("dir", "followup", "checkin", "thank_you"),
    "companies": (
        "name",
        "domains",
        "pace",
        "followup_after_business_days",
        "specific",
        "question",
        "extra",
        "skip",
    ),
    "notify": (
        "enabled",
        "mode",
        "digest_time",
        "host",
        "port",
        "security",
        "username",
        *_PASSWORD_KEYS,
        "from",
        "to",
        "timeout_seconds",
    ),
}

#: sections written as ``[[name]]`` rather than ``[name]``
ARRAY_SECTIONS: Final = frozenset({"accounts", "companies"})

#: the keyring entry of ``[notify]``'s password; no account may take this name
NOTIFY_KEYRING_NAME: Final = "notify"

_DAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SECRET_KEY = re.compile(r"^(pass|passwd|password|pwd|secret|token|app_password)$", re.IGNORECASE)
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class _Bad(Exception):
    """One value is invalid; the message says what was expected."""


def _toml_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return f"a TOML {type(value).__name__}"


class _Checker:
    """Collects problems for one file; ``where`` strings are key paths like ``accounts[0].port``."""

    def __init__(self, path: Path) -> None:
        self.file = str(path)
        self.base = path.absolute().parent
        self.problems: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{self.file}: {where}: {message}" if where else f"{self.file}: {message}")


class _Table:
    """One TOML table under validation. Reading a key marks it known; ``finish`` reports the rest."""

    def __init__(self, checker: _Checker, where: str, section: str, data: dict[str, Any]) -> None:
        self.checker = checker
        self.where = where
        self.section = section
        self.data = data

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def has(self, key: str) -> bool:
        return key in self.data

    def get(self, key: str, convert: Callable[[object], T], default: T) -> T:
        if key not in SCHEMA[self.section]:  # a programming error, not a user's
            raise KeyError(f"{key} is not in SCHEMA[{self.section!r}]")
        if key not in self.data:
            return default
        try:
            return convert(self.data[key])
        except _Bad as exc:
            self.checker.problem(self.path(key), str(exc))
            return default

    def problem(self, key: str, message: str) -> None:
        self.checker.problem(self.path(key), message)

    def finish(self) -> None:
        known = SCHEMA[self.section]
        for key in self.data:
            if key in known:
                continue
            if _SECRET_KEY.match(key):
                # never echo the value: it is probably a real password
                self.problem(
                    key,
                    "passwords do not belong in the config file; store it in the keyring "
                    "(`followupd password set NAME`) or use password_command, password_env "
                    "or password_credential",
                )
                continue
            hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            suffix = f"; did you mean {hint[0]!r}?" if hint else ""
            self.problem(key, f"unknown key{suffix}")


# ---- converters: each returns the typed value or raises _Bad ------------------------------


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise _Bad(f"expected a string, got {_toml_type(value)}")
    return value


def _nonempty(value: object) -> str:
    s = _string(value).strip()
    if not s:
        raise _Bad("must not be empty")
    if any(ord(c) < 32 for c in s):
        raise _Bad("must not contain control characters")
    return s


def _optional_nonempty(value: object) -> str | None:
    return _nonempty(value)


def _boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"expected a boolean (true or false), got {_toml_type(value)}")
    return value


def _integer(lo: int, hi: int) -> Callable[[object], int]:
    def convert(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Bad(f"expected an integer, got {_toml_type(value)}")
        if not lo <= value <= hi:
            raise _Bad(f"must be {lo}–{hi}")
        return value

    return convert


def _optional_integer(lo: int, hi: int) -> Callable[[object], int | None]:
    inner = _integer(lo, hi)
    return lambda value: inner(value)


def _number(lo: float, hi: float, *, lo_open: bool = False, hi_open: bool = False) -> Callable[[object], float]:
    def convert(value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _Bad(f"expected a number, got {_toml_type(value)}")
        v = float(value)
        low_ok = v > lo if lo_open else v >= lo
        high_ok = v < hi if hi_open else v <= hi
        if not math.isfinite(v) or not (low_ok and high_ok):
            left = f"greater than {lo:g}" if lo_open else f"at least {lo:g}"
            right = f"less than {hi:g}" if hi_open else f"at most {hi:g}"
            raise _Bad(f"must be {left} and {right}")
        return v

    return convert


def _choice(*choices: str) -> Callable[[object], str]:
    def convert(value: object) -> str:
        s = _string(value)
        if s not in choices:
            folded = s.strip().lower()
            if folded in choices:
                return folded
            raise _Bad(f"must be one of {', '.join(choices)}, not {s!r}")
        return s

    return convert


def _pace(value: object) -> Pace:
    return cast(Pace, _choice("fast", "standard", "conservative")(value))


def _security(value: object) -> Security:
    return cast(Security, _choice("tls", "starttls", "plain")(value))


def _optional_pace(value: object) -> Pace | None:
    return _pace(value)


def _kind(value: object) -> AccountKind:
    return cast(AccountKind, _choice("imap", "maildir")(value))


def _notify_mode(value: object) -> Literal["each", "digest"]:
    return cast(Literal["each", "digest"], _choice("each", "digest")(value))


_NO_STRINGS: Final[tuple[str, ...]] = ()


def _string_list(*, allow_empty: bool = True) -> Callable[[object], tuple[str, ...]]:
    def convert(value: object) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise _Bad(f"expected an array of strings, got {_toml_type(value)}")
        out: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise _Bad(f"item {i}: expected a string, got {_toml_type(item)}")
            if not item.strip():
                raise _Bad(f"item {i}: must not be empty")
            out.append(item.strip())
        if not out and not allow_empty:
            raise _Bad("must not be empty")
        return tuple(out)

    return convert


def _clock(value: object) -> time:
    if isinstance(value, time):  # TOML local time: send_time = 09:30:00
        return value.replace(tzinfo=None)
    s = _string(value)
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", s.strip())
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise _Bad(f'expected a time as "HH:MM" (24-hour), not {s!r}')
    return time(int(m[1]), int(m[2]))


def _timezone(value: object) -> str:
    s = _nonempty(value)
    try:
        ZoneInfo(s)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        raise _Bad(f'unknown time zone {s!r}; use an IANA name such as "America/New_York"') from None
    return s


def _weekday(value: object) -> int:
    s = _string(value).strip().lower()
    for i, day in enumerate(_DAYS):
        if len(s) >= 2 and day.startswith(s) and (len(s) >= 3 or s in ("mo", "tu", "we", "th", "fr", "sa", "su")):
            return i
    raise _Bad(f'{s!r} is not a day name; use names like "sat" and "sun"')


def _weekend(value: object) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise _Bad(f'expected an array of day names such as ["sat", "sun"], got {_toml_type(value)}')
    days: list[int] = []
    for i, item in enumerate(value):
        try:
            day = _weekday(item)
        except _Bad as exc:
            raise _Bad(f"item {i}: {exc}") from None
        if day in days:
            raise _Bad(f"item {i}: {_DAYS[day]} is listed twice")
        days.append(day)
    if len(days) == 7:
        raise _Bad("every day cannot be weekend; there would be no business days")
    return tuple(sorted(days))


def _address_list(value: object) -> tuple[str, ...]:
    items = _string_list(allow_empty=False)(value)
    out: list[str] = []
    for i, a in enumerate(items):
        if not _ADDRESS.match(a):
            raise _Bad(f"item {i}: {a!r} is not an email address")
        out.append(a.lower())
    return tuple(dict.fromkeys(out))


def _domain_list(value: object) -> tuple[str, ...]:
    items = _string_list()(value)
    out: list[str] = []
    for i, d in enumerate(items):
        d = d.lower().rstrip(".")
        if "@" in d:
            raise _Bad(f"item {i}: {d!r} is an address; give its domain only")
        if not _DOMAIN.match(d):
            raise _Bad(f"item {i}: {d!r} is not a domain name")
        out.append(d)
    return tuple(dict.fromkeys(out))


def _env_name(value: object) -> str:
    s = _string(value)
    if not _ENV_NAME.match(s):
        # not echoed: people sometimes paste the password here instead of the variable's name
        raise _Bad("must be the name of an environment variable (letters, digits, _), not its value")
    return s


def _argv(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        raise _Bad('expected an array of strings (argv, run without a shell), e.g. ["pass", "show", "mail"]')
    argv = _string_list(allow_empty=False)(value)
    return argv


def _credential_name(value: object) -> str:
    s = _nonempty(value)
    if "/" in s or s in (".", ".."):
        raise _Bad("must be a systemd credential name (a file name in $CREDENTIALS_DIRECTORY), not a path")
    return s


def _host(value: object) -> str:
    s = _nonempty(value)
    if any(c.isspace() for c in s) or "/" in s or "@" in s:
        raise _Bad(f"{s!r} is not a host name or IP address")
    return s


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    h = host.strip().strip("[]").rstrip(".").lower()
    if h == "localhost" or h.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


# ---- sections -----------------------------------------------------------------------------


def _path(checker: _Checker) -> Callable[[object], Path]:
    def convert(value: object) -> Path:
        p = Path(_nonempty(value)).expanduser()
        # relative paths are relative to the config file, not to wherever the daemon started
        return p if p.is_absolute() else checker.base / p

    return convert


def _table(checker: _Checker, doc: dict[str, Any], section: str) -> _Table:
    raw = doc.get(section, {})
    if not isinstance(raw, dict):
        checker.problem(section, f"expected a table ([{section}]), got {_toml_type(raw)}")
        raw = {}
    return _Table(checker, section, section, raw)


def _array(checker: _Checker, doc: dict[str, Any], section: str) -> list[_Table]:
    raw = doc.get(section, [])
    if isinstance(raw, dict):
        checker.problem(section, f"expected an array of tables: write [[{section}]], not [{section}]")
        return []
    if not isinstance(raw, list):
        checker.problem(section, f"expected an array of tables ([[{section}]]), got {_toml_type(raw)}")
        return []
    tables: list[_Table] = []
    for i, item in enumerate(raw):
        where = f"{section}[{i}]"
        if not isinstance(item, dict):
            checker.problem(where, f"expected a table, got {_toml_type(item)}")
            continue
        tables.append(_Table(checker, where, section, item))
    return tables


def _daemon(checker: _Checker, t: _Table) -> DaemonSettings:
    d = DaemonSettings()
    out = DaemonSettings(
        state_dir=t.get("state_dir", _path(checker), d.state_dir),
        timezone=t.get("timezone", _timezone, d.timezone),
        log_level=t.get("log_level", _choice("debug", "info", "warning", "error"), d.log_level),
        user_name=t.get("user_name", _string, d.user_name).strip(),
        lookback_days=t.get("lookback_days", _integer(1, 3650), d.lookback_days),
        # servers drop an IDLE after 30 minutes (RFC 2177 says re-issue before 29)
        idle_refresh_minutes=t.get(
            "idle_refresh_minutes", _number(0, 29, lo_open=True, hi_open=True), d.idle_refresh_minutes
        ),
        poll_interval_seconds=t.get("poll_interval_seconds", _number(1, 86400), d.poll_interval_seconds),
        remove_stale_drafts=t.get("remove_stale_drafts", _boolean, d.remove_stale_drafts),
    )
    t.finish()
    return out


def _password_source(t: _Table, *, needed: bool) -> PasswordSource:
    """The one password source of an account or of [notify]; the keyring unless another is named."""
    env = t.get("password_env", _env_name, None)
    command = t.get("password_command", _argv, _NO_STRINGS)
    credential = t.get("password_credential", _credential_name, None)
    service = t.get("keyring_service", _nonempty, None)
    given = [k for k in _PASSWORD_KEYS[:3] if t.has(k)]
    if not needed:
        for k in (*given, *(["keyring_service"] if t.has("keyring_service") else [])):
            t.problem(
                k,
                "not used: this needs no password"
                + (" (no username is set)" if t.section == "notify" else " (maildir accounts read local files)"),
            )
        return PasswordSource(kind="none")
    if len(given) > 1:
        t.problem(given[1], f"give only one password source; {given[0]} is already set")
    if given and service is not None:
        t.problem("keyring_service", f"only applies to passwords in the keyring, but {given[0]} is set")
    if env is not None:
        return PasswordSource(kind="env", env=env)
    if command:
        return PasswordSource(kind="command", command=command)
    if credential is not None:
        return PasswordSource(kind="credential", credential=credential)
    if given:  # the one given was invalid and already reported
        return PasswordSource(kind="none")
    return PasswordSource(kind="keyring", keyring_service=service or PasswordSource().keyring_service)


def _security_and_port(t: _Table, host: str, ports: dict[str, int]) -> tuple[Security, int]:
    security: Security = t.get("security", _security, "tls")
    port = t.get("port", _integer(1, 65535), ports[security])
    if security == "plain" and host and not is_loopback(host):
        t.problem(
            "security",
            f'"plain" sends the password unencrypted, so it is only allowed for a loopback host '
            f'(localhost, 127.0.0.0/8, ::1), not {host!r}; use "tls" or "starttls"',
        )
    return security, port


def _account(checker: _Checker, t: _Table) -> AccountSettings:
    name = t.get("name", _nonempty, "")
    if not t.has("name"):
        t.problem("name", "required: a short unique name for this account")
    elif name == NOTIFY_KEYRING_NAME:
        t.problem("name", f"{name!r} is reserved for the [notify] password; choose another name")
    before = len(checker.problems)
    kind: AccountKind = t.get("kind", _kind, "imap")
    # with an unknown kind, "required for imap" would only be noise
    kind_known = len(checker.problems) == before
    imap = kind == "imap"
    for key in ("host", "port", "security", "username", "ca_file") if not imap else ():
        if t.has(key):
            t.problem(key, "only applies to imap accounts; remove it")
    if imap and t.has("path"):
        t.problem("path", 'only applies to maildir accounts (kind = "maildir"); remove it')
    host = t.get("host", _host, "") if imap else ""
    if imap and kind_known and not t.has("host"):
        t.problem("host", "required for an imap account")
    security, port = _security_and_port(t, host, {"tls": 993, "starttls": 143, "plain": 143}) if imap else ("tls", 993)
    username = t.get("username", _nonempty, "") if imap else ""
    if imap and kind_known and not t.has("username"):
        t.problem("username", "required for an imap account (usually your email address)")
    password = _password_source(t, needed=imap)
    addresses = t.get("addresses", _address_list, _NO_STRINGS)
    if not t.has("addresses"):
        t.problem("addresses", 'required: your own addresses, e.g. ["me@example.org"]')
    path = t.get("path", _path(checker), None) if not imap else None
    if not imap and kind_known and not t.has("path"):
        t.problem("path", 'required for a maildir account, e.g. "~/Mail"')
    ca_file = t.get("ca_file", _path(checker), None) if imap else None
    if ca_file is not None and not ca_file.is_file():
        t.problem("ca_file", f"{ca_file} is not a readable file")
    d = AccountSettings(name="")
    out = AccountSettings(
        name=name,
        kind=kind,
        host=host,
        port=port,
        security=security,
        username=username,
        password=password,
        addresses=addresses,
        path=path,
        folders=t.get("folders", _string_list(allow_empty=False), d.folders),
        sent_folder=t.get("sent_folder", _optional_nonempty, d.sent_folder),
        drafts_folder=t.get("drafts_folder", _optional_nonempty, d.drafts_folder),
        timeout_seconds=t.get("timeout_seconds", _number(0, 3600, lo_open=True), d.timeout_seconds),
        ca_file=ca_file,
    )
    t.finish()
    return out


def _country(value: object) -> str:
    from daemon.followup.policy import country_codes

    s = _nonempty(value).upper()
    supported = country_codes()
    if s not in supported:
        hint = difflib.get_close_matches(s, sorted(supported), n=1)
        raise _Bad(
            f'{s!r} is not a country the holidays package knows; use an ISO 3166 code such as "US"'
            + (f"; did you mean {hint[0]!r}?" if hint else "")
        )
    return s


def _subdivision(country: str, value: object) -> str:
    from daemon.followup.policy import check_place, subdivisions

    s = _nonempty(value)
    known_subdivisions = subdivisions(country)
    for known in known_subdivisions:
        if known.casefold() == s.casefold():
            return known
    try:  # aliases such as "California"
        check_place(country, s)
    except (UserError, ValueError, KeyError):
        listed = ", ".join(known_subdivisions[:12]) + (", …" if len(known_subdivisions) > 12 else "")
        raise _Bad(
            f"{s!r} is not a subdivision of {country}"
            + (f"; known: {listed}" if known_subdivisions else f"; {country} has none")
        ) from None
    return s


def _policy(t: _Table) -> PolicySettings:
    d = PolicySettings()
    country = t.get("country", _country, d.country)
    days = _integer(0, 60)
    adjust = _integer(-10, 10)
    out = PolicySettings(
        country=country,
        subdivision=t.get("subdivision", lambda v: _subdivision(country, v), d.subdivision),
        send_time=t.get("send_time", _clock, d.send_time),
        followup_after_business_days=t.get(
            "followup_after_business_days", _integer(1, 60), d.followup_after_business_days
        ),
        second_followup_after_business_days=t.get(
            "second_followup_after_business_days", _integer(1, 60), d.second_followup_after_business_days
        ),
        max_followups=t.get("max_followups", _integer(0, 10), d.max_followups),
        weekend=t.get("weekend", _weekend, d.weekend),
        pace=t.get("pace", _pace, d.pace),
        round_adjust_first=t.get("round_adjust_first", adjust, d.round_adjust_first),
        round_adjust_final=t.get("round_adjust_final", adjust, d.round_adjust_final),
        pace_adjust_fast=t.get("pace_adjust_fast", adjust, d.pace_adjust_fast),
        pace_adjust_conservative=t.get("pace_adjust_conservative", adjust, d.pace_adjust_conservative),
        min_business_days=t.get("min_business_days", days, d.min_business_days),
        max_business_days=t.get("max_business_days", days, d.max_business_days),
        default_duration_minutes=t.get("default_duration_minutes", _integer(1, 24 * 60), d.default_duration_minutes),
        thank_you=t.get("thank_you", _boolean, d.thank_you),
        thank_you_after_hours=t.get("thank_you_after_hours", _number(0, 48), d.thank_you_after_hours),
        catch_up_days=t.get("catch_up_days", _integer(0, 365), d.catch_up_days),
    )
    if out.min_business_days > out.max_business_days:
        t.problem(
            "min_business_days",
            f"must not exceed max_business_days ({out.min_business_days} > {out.max_business_days})",
        )
    t.finish()
    return out


def _template_source(value: object) -> str:
    from jinja2 import TemplateSyntaxError
    from jinja2.sandbox import SandboxedEnvironment

    s = _string(value)
    if not s.strip():
        raise _Bad("must not be empty; remove the key to use the default template")
    try:
        SandboxedEnvironment().parse(s)
    except TemplateSyntaxError as exc:
        raise _Bad(f"template syntax error on its line {exc.lineno}: {exc.message}") from None
    return s


def _templates(checker: _Checker, t: _Table) -> TemplateSettings:
    directory = t.get("dir", _path(checker), None)
    if directory is not None and not directory.is_dir():
        t.problem("dir", f"{directory} is not a directory")
    out = TemplateSettings(
        dir=directory,
        followup=t.get("followup", _template_source, None),
        checkin=t.get("checkin", _template_source, None),
        thank_you=t.get("thank_you", _template_source, None),
    )
    t.finish()
    return out


def _company(t: _Table) -> CompanySettings:
    name = t.get("name", _nonempty, "")
    if not t.has("name"):
        t.problem("name", "required: the company's name as it appears in its mail")
    out = CompanySettings(
        name=name,
        domains=t.get("domains", _domain_list, _NO_STRINGS),
        pace=t.get("pace", _optional_pace, None),
        followup_after_business_days=t.get("followup_after_business_days", _optional_integer(1, 60), None),
        specific=t.get("specific", _optional_nonempty, None),
        question=t.get("question", _optional_nonempty, None),
        extra=t.get("extra", _optional_nonempty, None),
        skip=t.get("skip", _boolean, False),
    )
    t.finish()
    return out


def _notify(t: _Table) -> NotifySettings:
    d = NotifySettings()
    enabled = t.get("enabled", _boolean, d.enabled)
    host = t.get("host", _host, d.host)
    security, port = _security_and_port(t, host, {"tls": 465, "starttls": 587, "plain": 25})
    username = t.get("username", _nonempty, d.username)
    from_addr = t.get("from", _email, d.from_addr)
    to_addr = t.get("to", _email, "") or from_addr
    if enabled:
        for key, value in (("host", host), ("from", from_addr)):
            if not value and not t.has(key):
                t.problem(key, "required when notifications are enabled")
    out = NotifySettings(
        enabled=enabled,
        mode=t.get("mode", _notify_mode, d.mode),
        digest_time=t.get("digest_time", _clock, d.digest_time),
        host=host,
        port=port,
        security=security,
        username=username,
        password=_password_source(t, needed=bool(username)),
        from_addr=from_addr,
        to_addr=to_addr,
        timeout_seconds=t.get("timeout_seconds", _number(0, 3600, lo_open=True), d.timeout_seconds),
    )
    t.finish()
    return out


def _email(value: object) -> str:
    s = _nonempty(value)
    if not _ADDRESS.match(s):
        raise _Bad(f"{s!r} is not an email address")
    return s


def _duplicates(checker: _Checker, section: str, names: Iterable[str], what: str) -> None:
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if not name:
            continue
        key = name.casefold()
        if key in seen:
            checker.problem(f"{section}[{i}].name", f"{what} {name!r} is already used by {section}[{seen[key]}]")
        else:
            seen[key] = i


def _validate(checker: _Checker, doc: dict[str, Any]) -> Settings:
    for key in doc:
        if key not in SCHEMA:
            if _SECRET_KEY.match(key):
                checker.problem(
                    key,
                    "passwords do not belong in the config file; see the [[accounts]] "
                    "password sources in config.example.toml",
                )
                continue
            hint = difflib.get_close_matches(key, list(SCHEMA), n=1, cutoff=0.6)
            checker.problem(key, "unknown section" + (f"; did you mean {hint[0]!r}?" if hint else ""))
    daemon = _daemon(checker, _table(checker, doc, "daemon"))
    accounts = [_account(checker, t) for t in _array(checker, doc, "accounts")]
    _duplicates(checker, "accounts", (a.name for a in accounts), "account name")
    policy = _policy(_table(checker, doc, "policy"))
    templates = _templates(checker, _table(checker, doc, "templates"))
    companies = [_company(t) for t in _array(checker, doc, "companies")]
    _duplicates(checker, "companies", (c.name for c in companies), "company")
    notify = _notify(_table(checker, doc, "notify"))
    return Settings(
        daemon=daemon,
        accounts=tuple(accounts),
        policy=policy,
        templates=templates,
        companies=tuple(companies),
        notify=notify,
    )


# ---- public API ---------------------------------------------------------------------------


def _read(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(
            "no such config file; copy config.example.toml (shipped with followupd) there and edit it, "
            "or name another file with -c",
            where=str(path),
        ) from None
    except IsADirectoryError:
        raise UserError("is a directory, not a config file", where=str(path)) from None
    except OSError as exc:
        raise UserError(f"cannot read: {exc.strerror or exc}", where=str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError([f"{path}: not valid UTF-8 (byte {exc.start})"]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", msg)
        if m:
            raise ConfigError([f"{path}: line {m[1]}, column {m[2]}: TOML syntax: {msg[: m.start()]}"]) from None
        m = re.search(r"\s*\(at end of document\)$", msg)
        if m:
            lines = text.count("\n") + 1
            raise ConfigError([f"{path}: line {lines}, end of file: TOML syntax: {msg[: m.start()]}"]) from None
        raise ConfigError([f"{path}: TOML syntax: {msg}"]) from None


def load(path: Path) -> Settings:
    """Read and validate the config file; raise ConfigError listing every problem."""
    doc = _read(path)
    checker = _Checker(path)
    settings = _validate(checker, doc)
    if checker.problems:
        raise ConfigError(checker.problems)
    return Settings(
        daemon=settings.daemon,
        accounts=settings.accounts,
        policy=settings.policy,
        templates=settings.templates,
        companies=settings.companies,
        notify=settings.notify,
        source=path,
    )


def load_or_default(path: Path) -> Settings:
    """The defaults when ``path`` does not exist (e.g. ``preview`` before any setup); else :func:`load`."""
    if not path.exists():
        return Settings()
    return load(path)


def check(path: Path) -> list[str]:
    """Every problem with the config file as ``FILE: key.path: message``; empty when it is valid."""
    try:
        load(path)
    except ConfigError as exc:
        return exc.problems
    except UserError as exc:
        return [str(exc)]
    return []


def summary(settings: Settings) -> str:
    n = len(settings.accounts)
    return f"{settings.source}: OK — {n} account{'' if n == 1 else 's'}, timezone {settings.daemon.timezone}"


def cmd_check_config(args: argparse.Namespace) -> int:
    path = Path(args.config)
    try:
        settings = load(path)
    except ConfigError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        return 2
    except UserError as exc:
        print(exc, file=sys.stderr)
        return 2
    if settings.templates.dir is not None:
        from daemon.followup.compose import load_templates

        try:
            load_templates(settings)
        except UserError as exc:
            print(exc, file=sys.stderr)
            return 2
    print(summary(settings))
    from daemon.followup.letter import note_report

    for line in note_report(settings):
        print(line)
    return 0
