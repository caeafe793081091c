from __future__ import annotations

import argparse
import io
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringLocked, PasswordDeleteError

from connectors import credentials
from connectors.credentials import cmd_password, get_password
from daemon import logging as dlog
from daemon.errors import CredentialError, UserError
from daemon.settings import PasswordSource


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class HangingKeyring(MemoryKeyring):
    """Like a Secret Service waiting for an unlock prompt nobody will answer."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait(30)
        return None


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("collection is locked")


@pytest.fixture
def use_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


@pytest.fixture
def memory(use_keyring: None) -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


KEYRING = PasswordSource(kind="keyring")


# ---- env ----------------------------------------------------------------------------------


def test_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FUD_PW", "from env \n")
    assert get_password("main", PasswordSource(kind="env", env="FUD_PW"), "me") == "from env \n"


def test_env_missing_or_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FUD_PW", raising=False)
    with pytest.raises(CredentialError) as info:
        get_password("main", PasswordSource(kind="env", env="FUD_PW"), "me")
    assert str(info.value).startswith("main: password_env: environment variable FUD_PW is not set")
    monkeypatch.setenv("FUD_PW", "")
    with pytest.raises(CredentialError, match="FUD_PW is empty"):
        get_password("main", PasswordSource(kind="env", env="FUD_PW"), "me")


# ---- command ------------------------------------------------------------------------------


def command(*argv: str) -> PasswordSource:
    return PasswordSource(kind="command", command=argv)


def test_command_strips_exactly_one_trailing_newline() -> None:
    assert get_password("main", command("printf", "s3cret\\n"), "me") == "s3cret"
    assert get_password("main", command("printf", "s3cret \\n\\n"), "me") == "s3cret \n"
    assert get_password("main", command("printf", "no-newline"), "me") == "no-newline"
    assert get_password("main", command("printf", "crlf\\r\\n"), "me") == "crlf"


def test_command_runs_without_a_shell() -> None:
    assert get_password("main", command("printf", "%s", "$HOME;echo x"), "me") == "$HOME;echo x"


def test_failing_command_quotes_neither_stderr_nor_stdout() -> None:
    # a helper may echo the secret on either stream, and this message is logged
    script = "echo leaked-stdout-pw; echo 'bad password leaked-stderr-pw' >&2; echo more >&2; exit 3"
    with pytest.raises(CredentialError) as info:
        get_password("main", command("sh", "-c", script), "me")
    msg = str(info.value)
    assert msg.startswith("main: password_command: sh exited with status 3 after writing to stderr (not shown")
    assert "leaked" not in msg
    with pytest.raises(CredentialError) as info:
        get_password("main", command("sh", "-c", "exit 4"), "me")
    assert str(info.value) == "main: password_command: sh exited with status 4"


def test_missing_command() -> None:
    with pytest.raises(CredentialError, match="password_command: command not found: no-such-cmd-fud"):
        get_password("main", command("no-such-cmd-fud"), "me")


def test_command_printing_nothing() -> None:
    with pytest.raises(CredentialError, match="true printed nothing"):
        get_password("main", command("true"), "me")


def test_hanging_command_is_killed_with_its_children() -> None:
    started = time.monotonic()
    with pytest.raises(CredentialError) as info:
        # the shell's child holds stdout open; only killing the group ends the wait
        get_password("main", command("sh", "-c", "sleep 30 & sleep 30; echo late"), "me", timeout=0.3)
    assert time.monotonic() - started < 5
    assert "did not finish within 0.3s" in str(info.value)


# ---- systemd credentials ------------------------------------------------------------------


def test_systemd_credential(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "followupd-main").write_bytes(b"cred-pw\n")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(tmp_path))
    source = PasswordSource(kind="credential", credential="followupd-main")
    assert get_password("main", source, "me") == "cred-pw"
    missing = PasswordSource(kind="credential", credential="other")
    with pytest.raises(CredentialError, match=r"no credential 'other' in .*LoadCredential=other:"):
        get_password("main", missing, "me")


def test_systemd_credential_outside_systemd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    with pytest.raises(CredentialError) as info:
        get_password("main", PasswordSource(kind="credential", credential="c"), "me")
    assert str(info.value).startswith("main: password_credential: $CREDENTIALS_DIRECTORY is not set")


# ---- keyring ------------------------------------------------------------------------------


def test_keyring_is_keyed_by_account_name(memory: MemoryKeyring) -> None:
    memory.store[("followupd", "main")] = "kr-pw"
    memory.store[("followupd", "me@example.org")] = "wrong: keyed by login"
    assert get_password("main", KEYRING, "me@example.org") == "kr-pw"
    memory.store[("mail", "main")] = "other-service"
    assert get_password("main", PasswordSource(kind="keyring", keyring_service="mail"), "me") == "other-service"


def test_keyring_without_entry(memory: MemoryKeyring) -> None:
    with pytest.raises(CredentialError) as info:
        get_password("main", KEYRING, "me@example.org")
    assert str(info.value) == (
        "main: keyring: no password stored under service 'followupd', user 'main' (login me@example.org); "
        "store it with `followupd password set main`"
    )


def test_no_keyring_backend_fails_fast_with_headless_advice(use_keyring: None) -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(CredentialError) as info:
        get_password("main", KEYRING, "me")
    msg = str(info.value)
    assert msg.startswith("main: keyring: no usable keyring backend")
    for advice in ("password_credential", "password_command", "PYTHON_KEYRING_BACKEND"):
        assert advice in msg


def test_locked_keyring(use_keyring: None) -> None:
    keyring.set_keyring(LockedKeyring())
    with pytest.raises(CredentialError, match="main: keyring: the keyring is locked; unlock it, or"):
        get_password("main", KEYRING, "me")


def test_hanging_keyring_times_out(use_keyring: None) -> None:
    backend = HangingKeyring()
    keyring.set_keyring(backend)
    started = time.monotonic()
    try:
        with pytest.raises(CredentialError) as info:
            get_password("main", KEYRING, "me", timeout=0.2)
    finally:
        backend.release.set()
    assert time.monotonic() - started < 2
    assert str(info.value).startswith("main: keyring: the keyring did not answer within 0.2s")


def test_no_source_configured() -> None:
    with pytest.raises(CredentialError, match="main: no password source"):
        get_password("main", PasswordSource(kind="none"), "me")


def test_fetched_passwords_are_registered_for_redaction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FUD_PW", "registered-canary-77")
    get_password("main", PasswordSource(kind="env", env="FUD_PW"), "me")
    buf = io.StringIO()
    dlog.configure("info", stream=buf)
    try:
        dlog.get_logger().info("oops registered-canary-77")
    finally:
        dlog.reset()
    assert "registered-canary-77" not in buf.getvalue() and dlog.REDACTED in buf.getvalue()


# ---- followupd password set|delete --------------------------------------------------------

CONFIG = """
[[accounts]]
name = "main"
host = "imap.example.org"
username = "me@example.org"
addresses = ["me@example.org"]

[[accounts]]
name = "envacct"
host = "imap.example.org"
username = "me@example.org"
password_env = "X"
addresses = ["me@example.org"]

[notify]
username = "me@example.org"
keyring_service = "smtp"
"""


def args(tmp_path: Path, action: str, account: str) -> argparse.Namespace:
    config = tmp_path / "config.toml"
    config.write_text(CONFIG, encoding="utf-8")
    return argparse.Namespace(config=config, action=action, account=account)


def test_password_set_from_a_pipe_and_delete(
    tmp_path: Path, memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("piped pw \nsecond line\n"))
    assert cmd_password(args(tmp_path, "set", "main")) == 0
    assert memory.store == {("followupd", "main"): "piped pw "}
    assert "piped pw" not in capsys.readouterr().out
    assert get_password("main", KEYRING, "me") == "piped pw "
    assert cmd_password(args(tmp_path, "delete", "main")) == 0
    assert memory.store == {}
    with pytest.raises(UserError, match="no password stored"):
        cmd_password(args(tmp_path, "delete", "main"))


def test_password_set_on_a_tty_asks_twice(
    tmp_path: Path, memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter(["tty-pw", "tty-pw", "a", "b"])
    monkeypatch.setattr("sys.stdin", Tty())
    monkeypatch.setattr(credentials.getpass, "getpass", lambda prompt: next(answers))
    assert cmd_password(args(tmp_path, "set", "main")) == 0
    assert memory.store == {("followupd", "main"): "tty-pw"}
    with pytest.raises(UserError, match="the two passwords differ"):
        cmd_password(args(tmp_path, "set", "main"))
    assert memory.store == {("followupd", "main"): "tty-pw"}


def test_password_set_for_notify_uses_its_service(
    tmp_path: Path, memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("smtp-pw\n"))
    assert cmd_password(args(tmp_path, "set", "notify")) == 0
    assert memory.store == {("smtp", "notify"): "smtp-pw"}


def test_password_set_refusals(tmp_path: Path, memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    with pytest.raises(UserError, match="main: empty password; nothing was stored"):
        cmd_password(args(tmp_path, "set", "main"))
    with pytest.raises(UserError, match=r"no account named 'nope'.*accounts: main, envacct"):
        cmd_password(args(tmp_path, "set", "nope"))
    with pytest.raises(UserError, match="envacct: takes its password from password_env"):
        cmd_password(args(tmp_path, "set", "envacct"))
    assert memory.store == {}


def test_password_set_without_a_keyring_backend(
    tmp_path: Path, use_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setattr("sys.stdin", io.StringIO("pw\n"))
    with pytest.raises(CredentialError, match="no usable keyring backend"):
        cmd_password(args(tmp_path, "set", "main"))
