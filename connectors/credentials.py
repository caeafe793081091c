"""Account passwords, from the one source each account names (see ``config.example.toml``).

Sources: the system keyring (the default), ``password_command`` (argv, no shell),
``password_env`` and a systemd credential (``$CREDENTIALS_DIRECTORY/<name>``).

Keyring entries are keyed by **account name**, not by login: service
``keyring_service`` (default ``followupd``), username = the account's ``name`` from
the config (``notify`` for the ``[notify]`` SMTP password). Account names are unique,
logins need not be.

Every failure is a :class:`CredentialError` reading ``ACCOUNT: SOURCE: what, advice``.
There is no fallback: if the configured source fails, no other source (and certainly
no plaintext) is tried.
"""

from __future__ import annotations

import argparse
import getpass
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from daemon.errors import CredentialError, UserError
from daemon.logging import register_secret
from daemon.settings import PasswordSource

T = TypeVar("T")

HEADLESS_ADVICE = (
    "on a machine without a desktop session, use password_credential (systemd LoadCredential=), "
    "password_command, or set PYTHON_KEYRING_BACKEND to a keyring backend that works here"
)

def get_password(account: str, source: PasswordSource, username: str, timeout: float = 10.0) -> str:
    """The password of ``account`` from its configured source, registered for log redaction.

    ``username`` is the login; it only makes error messages clearer (keyring entries
    are keyed by ``account``). Every source is bounded by ``timeout`` seconds.
    """
    if source.kind == "env":
        password = _from_env(account, source)
    elif source.kind == "command":
        password = _from_command(account, source, timeout)
    elif source.kind == "credential":
        password = _from_credential(account, source)
    elif source.kind == "keyring":
        password = _from_keyring(account, source, username, timeout)
    else:
        raise CredentialError("no password source is configured for this account", where=account)
    register_secret(password)
    return password


def _strip_newline(value: str) -> str:
    # exactly one: a password may legitimately end in whitespace
    if value.endswith("\r\n"):
        return value[:-2]
    if value.endswith("\n"):
        return value[:-1]
    return value


def source_problem(account: str, source: PasswordSource, timeout: float = 5.0) -> str | None:
    """Why ``source`` cannot give a password here, found without reading one; None if it may.

    For ``check-config``: an unset ``password_env`` and a keyring with no usable backend are
    certain failures. A password command is not run and a keyring entry is not read (either
    may prompt); a systemd credential exists only inside the unit.
    """
    try:
        if source.kind == "env":
            _from_env(account, source)
        elif source.kind == "keyring":
            where = f"{account}: keyring"
            _bounded(lambda: _usable_keyring(where), timeout, where)
    except CredentialError as exc:
        return exc.message
    except Exception as exc:  # a keyring backend failing to load
        return f"keyring error: {type(exc).__name__}: {exc}; " + HEADLESS_ADVICE
    return None


def _from_env(account: str, source: PasswordSource) -> str:
    name = source.env or ""
    where = f"{account}: password_env"
    value = os.environ.get(name)
    if value is None:
        raise CredentialError(
            f"environment variable {name} is not set; set it in the daemon's environment "
            "(e.g. systemd Environment= or EnvironmentFile=) or choose another password source",
            where=where,
        )
    if not value:
        raise CredentialError(f"environment variable {name} is empty", where=where)
    return value


def _from_command(account: str, source: PasswordSource, timeout: float) -> str:
    argv = list(source.command)
    where = f"{account}: password_command"
    try:
        # a session of its own, so a timeout can kill the whole group (e.g. a shell
        # script's children) instead of waiting on pipes a grandchild still holds
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except FileNotFoundError:
        raise CredentialError(f"command not found: {argv[0]}", where=where) from None
    except PermissionError:
        raise CredentialError(f"command is not executable: {argv[0]}", where=where) from None
    except OSError as exc:
        raise CredentialError(f"cannot run {argv[0]}: {exc.strerror or exc}", where=where) from None
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise CredentialError(
            f"{argv[0]} did not finish within {timeout:g}s (is it waiting for input, "
            "such as a GPG pinentry with no terminal?)",
            where=where,
        ) from None
    if proc.returncode != 0:
        # neither stdout nor stderr is ever quoted: a helper may echo (part of) the password
        # on either, and this message is logged and shown in status
        said = " after writing to stderr (not shown: it may hold the secret; run it by hand)" if err.strip() else ""
        raise CredentialError(f"{argv[0]} exited with status {proc.returncode}{said}", where=where)
    try:
        password = _strip_newline(out.decode("utf-8"))
    except UnicodeDecodeError:
        raise CredentialError(f"{argv[0]} printed something that is not UTF-8", where=where) from None
    if not password:
        raise CredentialError(f"{argv[0]} printed nothing", where=where)
    return password


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        proc.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()


def _from_credential(account: str, source: PasswordSource) -> str:
    name = source.credential or ""
    where = f"{account}: password_credential"
    directory = os.environ.get("CREDENTIALS_DIRECTORY")
    if not directory:
        raise CredentialError(
            f"$CREDENTIALS_DIRECTORY is not set, so credential {name!r} cannot be read; run followupd "
            f"under systemd with LoadCredential={name}:/path/to/file (or LoadCredentialEncrypted=)",
            where=where,
        )
    path = Path(directory) / name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CredentialError(
            f"no credential {name!r} in {directory}; add LoadCredential={name}:... to the unit",
            where=where,
        ) from None
    except OSError as exc:
        raise CredentialError(f"cannot read {path}: {exc.strerror or exc}", where=where) from None
    try:
        password = _strip_newline(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise CredentialError(f"credential {name!r} is not UTF-8", where=where) from None
    if not password:
        raise CredentialError(f"credential {name!r} is empty", where=where)
    return password


# ---- keyring ------------------------------------------------------------------------------


def _bounded(call: Callable[[], T], timeout: float, where: str) -> T:
    """Run a keyring call in a daemon thread: a locked or absent Secret Service can block forever."""
    result: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as exc:  # handed to the caller's thread
            failure.append(exc)

    thread = threading.Thread(target=run, name="followupd-keyring", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise CredentialError(
            f"the keyring did not answer within {timeout:g}s (locked, or no session D-Bus?); " + HEADLESS_ADVICE,
            where=where,
        )
    if failure:
        raise failure[0]
    return result[0]


def _usable_keyring(where: str) -> object:
    import keyring
    from keyring.backends import chainer, fail, null

    backend = keyring.get_keyring()
    empty_chain = isinstance(backend, chainer.ChainerBackend) and not backend.backends
    if isinstance(backend, fail.Keyring | null.Keyring) or empty_chain:
        raise CredentialError(f"no usable keyring backend ({backend}); " + HEADLESS_ADVICE, where=where)
    return backend


def _keyring_call(where: str, operation: Callable[[object], T], timeout: float) -> T:
    from keyring.errors import KeyringError, KeyringLocked

    def call() -> T:
        return operation(_usable_keyring(where))

    try:
        return _bounded(call, timeout, where)
    except UserError:  # ours, CredentialError included: already says where and what
        raise
    except KeyringLocked:
        raise CredentialError("the keyring is locked; unlock it, or " + HEADLESS_ADVICE, where=where) from None
    except KeyringError as exc:
        raise CredentialError(f"keyring error: {exc}; " + HEADLESS_ADVICE, where=where) from None
    except Exception as exc:  # backends raise D-Bus and OS errors of their own
        raise CredentialError(f"keyring error: {type(exc).__name__}: {exc}; " + HEADLESS_ADVICE, where=where) from None


def _from_keyring(account: str, source: PasswordSource, username: str, timeout: float) -> str:
    where = f"{account}: keyring"
    service = source.keyring_service

    def get(backend: object) -> str | None:
        value: str | None = backend.get_password(service, account)  # type: ignore[attr-defined]
        return value

    password = _keyring_call(where, get, timeout)
    if not password:
        login = f" (login {username})" if username else ""
        raise CredentialError(
            f"no password stored under service {service!r}, user {account!r}{login}; "
            f"store it with `followupd password set {account}`",
            where=where,
        )
    return password


def get_keyring_secret(account: str, service: str, timeout: float = 10.0) -> str | None:
    """The entry of ``account`` under ``service``, or None when there is none (OAuth2 tokens)."""
    where = f"{account}: keyring"

    def get(backend: object) -> str | None:
        value: str | None = backend.get_password(service, account)  # type: ignore[attr-defined]
        return value

    return _keyring_call(where, get, timeout)


def set_keyring_password(account: str, service: str, password: str, timeout: float = 10.0) -> None:
    where = f"{account}: keyring"

    def store(backend: object) -> None:
        backend.set_password(service, account, password)  # type: ignore[attr-defined]

    _keyring_call(where, store, timeout)


def delete_keyring_password(account: str, service: str, timeout: float = 10.0) -> None:
    from keyring.errors import PasswordDeleteError

    where = f"{account}: keyring"

    def delete(backend: object) -> None:
        try:
            backend.delete_password(service, account)  # type: ignore[attr-defined]
        except PasswordDeleteError:
            raise UserError(f"no password stored under service {service!r}, user {account!r}", where) from None

    _keyring_call(where, delete, timeout)


# ---- `followupd password set|delete ACCOUNT` ----------------------------------------------


def _read_new_password(account: str, login: str) -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(f"Password for {account} ({login}): ")
        if first and getpass.getpass("Again: ") != first:
            raise UserError("the two passwords differ; nothing was stored", where=account)
        return first
    # piped: exactly one line, so `pass show x | followupd password set main` works
    return _strip_newline(sys.stdin.readline())


def cmd_password(args: argparse.Namespace) -> int:
    from daemon.config import NOTIFY_KEYRING_NAME, load

    settings = load(Path(args.config))
    name: str = args.account
    if name == NOTIFY_KEYRING_NAME:
        source, login = settings.notify.password, settings.notify.username
    else:
        match = [a for a in settings.accounts if a.name == name]
        if not match:
            known = ", ".join(a.name for a in settings.accounts) or "none"
            raise UserError(f"no account named {name!r} in the config (accounts: {known})", where=str(args.config))
        source, login = match[0].password, match[0].username
    if source.kind != "keyring":
        what = {
            "none": "needs no password",
            "env": "takes its password from password_env",
            "command": "takes its password from password_command",
            "credential": "takes its password from password_credential",
        }[source.kind]
        raise UserError(f"{what}, so the keyring is not used; remove that key to use the keyring", where=name)
    if args.action == "delete":
        delete_keyring_password(name, source.keyring_service)
        print(f"deleted the password of {name} from the keyring (service {source.keyring_service})")
        return 0
    password = _read_new_password(name, login)
    if not password:
        raise UserError("empty password; nothing was stored", where=name)
    set_keyring_password(name, source.keyring_service, password)
    print(f"stored the password of {name} in the keyring (service {source.keyring_service})")
    return 0
