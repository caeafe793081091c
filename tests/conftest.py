"""Shared fixtures: private Dovecot servers (session-wide) and a fresh user per test."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from dovecot import (
    MINIMAL_CAPABILITY,
    NO_UIDPLUS_CAPABILITY,
    Dovecot,
    Options,
    User,
    dovecot_available,
    tls_files,
)

# a config without [daemon] timezone takes the system's zone: the same one on every machine
# for the tests (and the daemons they start); tests of that rule set TZ themselves
os.environ["TZ"] = "UTC"
# the compiled-pattern cache (daemon.service.pattern_cache) of the test run, not the user's:
# commands the tests run in-process and the daemons they start keep their patterns here
os.environ["XDG_CACHE_HOME"] = _CACHE = tempfile.mkdtemp(prefix="followupd-test-cache-")
atexit.register(shutil.rmtree, _CACHE, True)

_STARTS: list[tuple[str, float]] = []


def _serve(name: str, options: Options | None = None) -> Iterator[Dovecot]:
    reason = dovecot_available()
    if reason:
        pytest.skip(reason)
    server = Dovecot(options=options)
    try:
        server.start()
        _STARTS.append((name, server.start_seconds))
        yield server
    finally:
        server.cleanup()


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """Plain IMAP on loopback with Dovecot's own capabilities (IDLE, UIDPLUS, MOVE, CONDSTORE…)."""
    yield from _serve("default")


@pytest.fixture(scope="session")
def tls_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="fud-tls-") as d:
        yield Path(d)


@pytest.fixture(scope="session")
def dovecot_tls(tls_dir: Path) -> Iterator[Dovecot]:
    """Implicit TLS on ``tls_port`` and STARTTLS on ``port``, with a trustme CA (``tls.ca``)."""
    yield from _serve("tls", Options(tls=tls_files(tls_dir / "good")))


@pytest.fixture(scope="session")
def wrong_ca(tls_dir: Path) -> Path:
    """A CA that did not sign the server's certificate."""
    return tls_files(tls_dir / "wrong").ca


@pytest.fixture(scope="session")
def dovecot_no_uidplus() -> Iterator[Dovecot]:
    """Special-use folders, IDLE and MOVE, but no UIDPLUS."""
    yield from _serve("no-uidplus", Options(capability=NO_UIDPLUS_CAPABILITY))


@pytest.fixture(scope="session")
def dovecot_minimal() -> Iterator[Dovecot]:
    """A bare IMAP4rev1 server: no UIDPLUS, MOVE, IDLE, CONDSTORE or special-use; German folder names."""
    yield from _serve(
        "minimal",
        Options(
            capability=MINIMAL_CAPABILITY,
            special_use=False,
            folders={"Entwürfe": "", "Gesendet": "", "Papierkorb": ""},
        ),
    )


@pytest.fixture
def private_dovecot() -> Iterator[Dovecot]:
    """A server of the test's own, to stop and restart at will."""
    yield from _serve("private")


@pytest.fixture
def imap_user(dovecot: Dovecot) -> User:
    """A user with an empty mailbox on the default server."""
    return dovecot.new_user()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _STARTS:
        figures = ", ".join(f"{name} {secs * 1000:.0f} ms" for name, secs in _STARTS)
        terminalreporter.write_line(f"dovecot start times: {figures}")
