"""``followupd run`` as a real process against a real Dovecot, watched through sd_notify.

Each test starts the daemon as a subprocess with ``NOTIFY_SOCKET`` pointing at a
datagram socket the test binds and ``WATCHDOG_USEC`` small, captures its JSON log, and
drives it with real IMAP APPENDs, server kills and restarts, signals and config edits.
"""

from __future__ import annotations

import itertools
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from dovecot import Dovecot, User, client_for, free_port

REPO = Path(__file__).resolve().parent.parent
WATCHDOG_SECONDS = 3.0
#: the longest gap between WATCHDOG=1 pings the daemon may leave (half the interval, as sd_watchdog_enabled advises)
PING_GAP = WATCHDOG_SECONDS / 2


# ---------------------------------------------------------------------- sd_notify listener


@dataclass
class Datagram:
    at: float  # time.monotonic() on arrival
    wall: float  # time.time() on arrival, to order it against log timestamps
    fields: dict[str, str]


class NotifySocket:
    """The service manager's end of ``$NOTIFY_SOCKET``: records every datagram with its arrival time."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._sock.bind(self.path)
        self._sock.settimeout(0.1)
        self.received: list[Datagram] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while not self._done.is_set():
            try:
                data = self._sock.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            fields = dict(line.split("=", 1) for line in data.decode().split("\n") if "=" in line)
            with self._lock:
                self.received.append(Datagram(time.monotonic(), time.time(), fields))

    def close(self) -> None:
        self._done.set()
        self._thread.join(2)
        self._sock.close()

    def all(self, key: str) -> list[Datagram]:
        with self._lock:
            return [d for d in self.received if key in d.fields]

    def wait_for(self, key: str, value: str | None = None, *, after: float = 0.0, timeout: float = 10.0) -> Datagram:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for d in self.all(key):
                if d.at >= after and (value is None or d.fields[key] == value):
                    return d
            time.sleep(0.02)
        raise AssertionError(f"no {key}={value or '*'} within {timeout}s; got {self.summary()}")

    def status(self) -> str:
        found = self.all("STATUS")
        return found[-1].fields["STATUS"] if found else ""

    def ping_gaps(self, start: float, end: float) -> list[float]:
        """Gaps between WATCHDOG=1 pings within [start, end], edges included."""
        times = [start, *(d.at for d in self.all("WATCHDOG") if start <= d.at <= end), end]
        return [b - a for a, b in itertools.pairwise(times)]

    def summary(self) -> str:
        with self._lock:
            return "; ".join(
                ",".join(f"{k}={v}" for k, v in d.fields.items()) for d in self.received if "WATCHDOG" not in d.fields
            )


# ---------------------------------------------------------------------- config and mail


@dataclass
class Account:
    name: str
    port: int
    username: str
    password: str

    @classmethod
    def of(cls, name: str, server: Dovecot, user: User) -> Account:
        return cls(name, server.port, user.name, user.password)

    @property
    def env(self) -> str:
        return f"FUD_TEST_PW_{self.name.upper()}"


def config_text(state: Path, accounts: list[Account], *, followup_days: int = 2, log_level: str = "info") -> str:
    blocks = [
        f'[daemon]\nstate_dir = "{state}"\nlog_level = "{log_level}"\npoll_interval_seconds = 60.0\n',
        f"[policy]\nfollowup_after_business_days = {followup_days}\n",
    ]
    for a in accounts:
        blocks.append(
            f'[[accounts]]\nname = "{a.name}"\nhost = "127.0.0.1"\nport = {a.port}\nsecurity = "plain"\n'
            f'username = "{a.username}"\npassword_env = "{a.env}"\naddresses = ["alex@example.com"]\n'
            "timeout_seconds = 2.0\n"
        )
    return "\n".join(blocks)


def invitation(tag: str) -> bytes:
    """An interview invitation from a distinct company, so each one opens its own application."""
    return (
        f"From: Jane Roe <jane@{tag}.example>\r\n"
        "To: Alex Rivera <alex@example.com>\r\n"
        f"Subject: Interview invitation {tag}\r\n"
        f"Message-ID: <{tag}@{tag}.example>\r\n"
        "Date: Mon, 02 Mar 2026 10:00:00 +0000\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        "Hi Alex,\r\n\r\n"
        "We would like to invite you to an interview for the Backend Engineer role.\r\n"
        "Would Wednesday, March 4, 2099 at 2:00 PM UTC work for you?\r\n\r\n"
        "Best,\r\nJane\r\n"
    ).encode()


def new_tag(prefix: str) -> str:
    return f"{prefix}{secrets.token_hex(3)}"


# ---------------------------------------------------------------------- the daemon process


@dataclass
class Followupd:
    """One ``followupd -c CONFIG run`` process and what it wrote."""

    workdir: Path
    accounts: list[Account]
    notify: NotifySocket
    watchdog: bool = True
    proc: subprocess.Popen[bytes] | None = None
    runs: list[Path] = field(default_factory=list)
    started_at: float = 0.0
    #: what follows the interpreter on the command line, before ``-c CONFIG run``
    launcher: tuple[str, ...] = ("-m", "daemon")

    @property
    def config(self) -> Path:
        return self.workdir / "etc" / "config.toml"

    @property
    def state(self) -> Path:
        return self.workdir / "state"

    def write_config(self, accounts: list[Account] | None = None, **kw: Any) -> None:
        """The config file, with every account (all have their password in the environment) or ``accounts``."""
        self.config.parent.mkdir(exist_ok=True)
        self.config.write_text(config_text(self.state, self.accounts if accounts is None else accounts, **kw))

    def start(self) -> None:
        if not self.config.exists():
            self.write_config()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("WATCHDOG_", "NOTIFY_", "LISTEN_"))}
        env.update({a.env: a.password for a in self.accounts})
        env["NOTIFY_SOCKET"] = self.notify.path
        if self.watchdog:
            env["WATCHDOG_USEC"] = str(int(WATCHDOG_SECONDS * 1_000_000))
        env["PYTHONUNBUFFERED"] = "1"
        # next to the config: the file watcher sees every write to the log
        out = self.config.parent / f"run{len(self.runs)}.log"
        self.runs.append(out)
        with out.open("wb") as f:
            self.proc = subprocess.Popen(
                [sys.executable, *self.launcher, "-c", str(self.config), "run"],
                cwd=REPO,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=f,
                stderr=subprocess.STDOUT,
            )
        self.started_at = time.monotonic()

    def signal(self, sig: int) -> None:
        assert self.proc is not None
        self.proc.send_signal(sig)

    def stop(self, timeout: float = 15.0) -> tuple[int, float]:
        """SIGTERM; the exit code and how long the exit took."""
        assert self.proc is not None
        t0 = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
            raise AssertionError(
                f"followupd did not exit within {timeout}s of SIGTERM\n{self.output()[-4000:]}"
            ) from None
        return code, time.monotonic() - t0

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def output(self) -> str:
        return "".join(p.read_text(errors="replace") for p in self.runs if p.exists())

    def entries(self) -> list[dict[str, Any]]:
        found = []
        for line in self.output().splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict):
                found.append(entry)
        return found

    def events(self, event: str, **match: Any) -> list[dict[str, Any]]:
        return [e for e in self.entries() if e.get("event") == event and all(e.get(k) == v for k, v in match.items())]

    def wait_log(
        self, pred: Callable[[dict[str, Any]], bool], *, count: int = 1, timeout: float = 10.0
    ) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            hits = [e for e in self.entries() if pred(e)]
            if len(hits) >= count:
                return hits
            if not self.alive():
                raise AssertionError(
                    f"followupd exited ({self.proc and self.proc.returncode})\n{self.output()[-4000:]}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(f"log entry not seen within {timeout}s\n{self.output()[-4000:]}")
            time.sleep(0.02)

    def wait_message(self, tag: str, timeout: float = 10.0) -> dict[str, Any]:
        return self.wait_log(lambda e: is_message(e, tag), timeout=timeout)[0]

    def messages(self, tag: str) -> list[dict[str, Any]]:
        return [e for e in self.entries() if is_message(e, tag)]


def is_message(entry: dict[str, Any], tag: str) -> bool:
    return entry.get("event") == "message" and entry.get("subject") == f"Interview invitation {tag}"


def log_time(entry: dict[str, Any]) -> float:
    return datetime.fromisoformat(str(entry["timestamp"]).replace("Z", "+00:00")).timestamp()


def append(server: Dovecot, user: User, tag: str, client: Any = None) -> float:
    """APPEND an invitation to INBOX as another client would; the wall-clock time it landed."""
    c = client or client_for(server, user)
    try:
        c.append("INBOX", invitation(tag))
        return time.time()
    finally:
        if client is None:
            c.logout()


@pytest.fixture
def notify(tmp_path: Path) -> Iterator[NotifySocket]:
    n = NotifySocket(tmp_path / "notify.sock")
    yield n
    n.close()


@pytest.fixture
def make_daemon(tmp_path: Path, notify: NotifySocket) -> Iterator[Callable[[list[Account]], Followupd]]:
    made: list[Followupd] = []

    def make(accounts: list[Account]) -> Followupd:
        d = Followupd(tmp_path, accounts, notify)
        made.append(d)
        return d

    yield make
    for d in made:
        d.kill()


def assert_pings_steady(notify: NotifySocket, start: float, end: float) -> None:
    gaps = notify.ping_gaps(start, end)
    assert max(gaps) <= PING_GAP + 0.5, f"watchdog pings stopped for {max(gaps):.2f}s (gaps {gaps})"


# ---------------------------------------------------------------------- tests


def test_notify_lifecycle_ready_status_watchdog_stopping(
    dovecot: Dovecot, make_daemon: Callable[[list[Account]], Followupd], notify: NotifySocket
) -> None:
    user = dovecot.new_user()
    d = make_daemon([Account.of("main", dovecot, user)])
    d.start()
    ready = notify.wait_for("READY", "1", timeout=15)
    connected = d.wait_log(lambda e: e.get("event") == "connected" and e.get("account") == "main")[0]
    assert ready.fields["STATUS"] == "watching 1 account(s), 0 follow-up(s) pending"
    # READY comes once, and not before the account connected
    assert log_time(connected) <= ready.wall
    assert len(notify.all("READY")) == 1
    time.sleep(WATCHDOG_SECONDS + 0.5)
    code, took = d.stop()
    stopping = notify.wait_for("STOPPING", "1", timeout=1)
    assert code == 0
    assert took < 15, f"SIGTERM took {took:.1f}s"
    assert_pings_steady(notify, ready.at, stopping.at)
    assert not [e for e in d.entries() if e.get("level") in ("error", "critical")], d.output()


def test_sighup_and_sigterm_take_effect_within_a_second_in_the_middle_of_idle(
    dovecot: Dovecot, make_daemon: Callable[[list[Account]], Followupd], notify: NotifySocket
) -> None:
    main = Account.of("main", dovecot, dovecot.new_user())
    second = Account.of("second", dovecot, dovecot.new_user())
    d = make_daemon([main, second])
    d.start()
    notify.wait_for("READY", "1", timeout=15)
    time.sleep(1.5)  # both accounts are in IDLE now

    # a reload that changes one account: its thread must leave IDLE and be replaced
    text = d.config.read_text()
    cut = text.index('name = "second"')
    d.config.write_text(text[:cut] + text[cut:].replace("timeout_seconds = 2.0", "timeout_seconds = 3.0"))
    sent = time.time()
    d.signal(signal.SIGHUP)

    def reconnected(e: dict[str, Any]) -> bool:
        return e.get("event") == "connected" and e.get("account") == "second" and log_time(e) > sent

    [again] = d.wait_log(reconnected, timeout=5)
    reload_took = log_time(again) - sent
    time.sleep(1.5)  # both in IDLE again
    code, stop_took = d.stop()
    print(f"SIGHUP to the changed account reconnected: {reload_took:.3f}s; SIGTERM to exit: {stop_took:.3f}s")
    assert code == 0
    assert reload_took < 1.0, reload_took
    assert stop_took < 1.0, stop_took
    assert not [e for e in d.entries() if e.get("level") in ("error", "critical")], d.output()


def test_idle_classifies_new_mail_within_two_seconds(
    dovecot: Dovecot, make_daemon: Callable[[list[Account]], Followupd], notify: NotifySocket
) -> None:
    user = dovecot.new_user()
    d = make_daemon([Account.of("main", dovecot, user)])
    first = new_tag("idle")
    append(dovecot, user, first)  # already there at start: the first pass picks it up
    d.start()
    notify.wait_for("READY", "1", timeout=15)
    d.wait_message(first)
    latencies = []
    other = client_for(dovecot, user)
    tags = [first]
    for i in range(10):
        tag = new_tag(f"idle{i}-")
        tags.append(tag)
        landed = append(dovecot, user, tag, other)
        seen = d.wait_message(tag, timeout=5)
        latencies.append(log_time(seen) - landed)
        assert seen["category"] == "invitation"
        assert seen["account"] == "main"
        time.sleep(0.025 * i)  # land at different points of the daemon's wait cycle
    other.logout()
    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1) + 0.5)]
    print(f"IDLE latency over {len(latencies)} messages: p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    assert p95 < 2.0, latencies
    assert all(len(d.messages(t)) == 1 for t in tags), "a message was processed twice"
    assert d.stop()[0] == 0


def test_reconnect_storm_keeps_the_watchdog_fed_and_processes_each_message_once(
    private_dovecot: Dovecot, make_daemon: Callable[[list[Account]], Followupd], notify: NotifySocket
) -> None:
    server = private_dovecot
    user = server.new_user()
    d = make_daemon([Account.of("main", server, user)])
    d.start()
    ready = notify.wait_for("READY", "1", timeout=15)
    before = new_tag("before")
    append(server, user, before)
    d.wait_message(before)

    # the server dies under an IDLE and stays dead through three reconnect attempts
    server.kill()
    died = time.monotonic()
    d.wait_log(lambda e: e.get("event") == "connection lost; reconnecting", count=3, timeout=12)
    storm = (died, time.monotonic())
    server.start()
    after = new_tag("after")
    landed = append(server, user, after)
    seen = d.wait_message(after, timeout=10)
    print(f"outage {storm[1] - storm[0]:.1f}s; processed {log_time(seen) - landed:.1f}s after the server came back")
    # nothing the daemon had already handled is handled again after the reconnect
    time.sleep(1.0)
    assert len(d.messages(before)) == 1
    assert len(d.messages(after)) == 1
    # STATUS named the account while it was down, and stopped naming it once it was back
    assert any(g.fields["STATUS"].endswith("; problems with: main") for g in notify.all("STATUS") if g.at < storm[1])
    notify.wait_for("STATUS", "watching 1 account(s), 2 follow-up(s) pending", after=storm[1], timeout=3)
    assert d.stop()[0] == 0
    # every wait is bounded: pings went on through the storm, no gap near WATCHDOG_USEC
    assert_pings_steady(notify, *storm)
    assert_pings_steady(notify, ready.at, time.monotonic() - 1)


def test_mail_that_arrived_while_disconnected_or_stopped_is_caught_up(
    private_dovecot: Dovecot, make_daemon: Callable[[list[Account]], Followupd], notify: NotifySocket
) -> None:
    server = private_dovecot
    user = server.new_user()
    d = make_daemon([Account.of("main", server, user)])
    d.start()
    notify.wait_for("READY", "1", timeout=15)

    # the server is down long enough for the daemon to back off twice
    server.kill()
    d.wait_log(lambda e: e.get("event") == "connection lost; reconnecting", count=2, timeout=8)
    server.start()
    during_backoff = [new_tag("backoff") for _ in range(2)]
    for tag in during_backoff:
        append(server, user, tag)
    for tag in during_backoff:
        d.wait_message(tag, timeout=15)
    assert d.stop()[0] == 0

    # while the daemon is stopped
    while_stopped = [new_tag("stopped") for _ in range(2)]
    for tag in while_stopped:
        append(server, user, tag)
    d.start()
    for tag in while_stopped:
        d.wait_message(tag, timeout=15)
    time.sleep(1.0)
    for tag in during_backoff + while_stopped:
        assert len(d.messages(tag)) == 1, f"{tag} processed {len(d.messages(tag))} times"
    assert d.stop()[0] == 0


def reloads(d: Followupd) -> int:
    return len(d.events("config reloaded"))


def test_reload_on_sighup_and_on_edit_refuses_an_invalid_config(
    dovecot: Dovecot, make_daemon: Callable[[list[Account]], Followupd], notify: NotifySocket
) -> None:
    user, other = dovecot.new_user(), dovecot.new_user()
    main, second = Account.of("main", dovecot, user), Account.of("second", dovecot, other)
    d = make_daemon([main, second])
    d.write_config(accounts=[main])
    d.start()
    ready = notify.wait_for("READY", "1", timeout=15)
    assert ready.fields["STATUS"].startswith("watching 1 account(s)")

    # SIGHUP alone reloads, once
    d.signal(signal.SIGHUP)
    d.wait_log(lambda e: e.get("event") == "config reloaded", timeout=5)
    notify.wait_for("RELOADING", "1", timeout=2)
    time.sleep(1.5)
    assert reloads(d) == 1, "one SIGHUP, one reload"

    # an edit alone reloads, once; here it changes the policy and adds an account
    d.write_config(followup_days=4)
    d.wait_log(lambda e: e.get("event") == "config reloaded", count=2, timeout=5)
    tag = new_tag("second")
    landed = append(dovecot, other, tag)
    seen = d.wait_message(tag, timeout=5)
    assert seen["account"] == "second"
    assert log_time(seen) - landed < 2.0
    notify.wait_for("STATUS", "watching 2 account(s), 1 follow-up(s) pending", timeout=2)
    assert reloads(d) == 2, "one edit, one reload"

    # an invalid config is refused with check-config's own words, and the old one stays
    d.config.write_text(
        d.config.read_text().replace("followup_after_business_days = 4", 'followup_after_business_days = "soon"')
    )
    check = subprocess.run(
        [sys.executable, "-m", "daemon", "-c", str(d.config), "check-config"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 2
    problems = [line for line in check.stderr.splitlines() if line.strip()]
    assert problems

    def refusals(e: dict[str, Any]) -> bool:
        return e.get("event") == "config reload refused; keeping the old config"

    refused = d.wait_log(refusals, count=len(problems), timeout=5)
    assert [e["problem"] for e in refused] == problems
    d.signal(signal.SIGHUP)
    d.wait_log(refusals, count=2 * len(problems), timeout=5)
    # a file caught empty (an editor half-way through saving) is valid TOML but watches nothing
    d.config.write_text("")
    empty = d.wait_log(refusals, count=2 * len(problems) + 1, timeout=5)[-1]
    assert "no [[accounts]] configured" in empty["problem"]
    assert reloads(d) == 2
    for account, owner in ((user, "main"), (other, "second")):
        tag = new_tag("afterbad")
        landed = append(dovecot, account, tag)
        seen = d.wait_message(tag, timeout=5)
        assert seen["account"] == owner
        assert log_time(seen) - landed < 2.0
    assert d.alive()
    code, _ = d.stop()
    assert code == 0
    assert_pings_steady(notify, ready.at, time.monotonic() - 1)


@pytest.fixture
def blackhole() -> Iterator[int]:
    """A port that accepts TCP connections and then never says a word (a hung server)."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    yield srv.getsockname()[1]
    srv.close()


def test_accounts_are_isolated_and_ready_does_not_wait_for_a_dead_one(
    dovecot: Dovecot, blackhole: int, make_daemon: Callable[[list[Account]], Followupd], notify: NotifySocket
) -> None:
    user = dovecot.new_user()
    dead = Account("dead", free_port(), "nobody", "x")  # nothing listens: refused at once
    hung = Account("hung", blackhole, "nobody", "x")  # connects, then silence until timeout_seconds
    d = make_daemon([dead, Account.of("good", dovecot, user), hung])
    d.start()
    # READY once every account connected or failed its first attempt: the hung one takes timeout_seconds
    ready = notify.wait_for("READY", "1", timeout=15)
    assert ready.at - d.started_at < 8
    status = ready.fields["STATUS"]
    assert status.startswith("watching 3 account(s), 0 follow-up(s) pending; problems with: ")
    assert set(status.rpartition(": ")[2].split(", ")) == {"dead", "hung"}
    for tag in (new_tag("iso"), new_tag("iso")):
        landed = append(dovecot, user, tag)
        seen = d.wait_message(tag, timeout=5)
        assert seen["account"] == "good"
        assert log_time(seen) - landed < 2.0
    failures = {e["account"] for e in d.events("connection lost; reconnecting")}
    assert failures == {"dead", "hung"}
    assert d.stop()[0] == 0
    # the hung server holds each attempt for timeout_seconds (2 s): still under the 3 s watchdog
    assert_pings_steady(notify, ready.at, time.monotonic() - 1)


def test_no_password_reaches_the_log(
    private_dovecot: Dovecot, make_daemon: Callable[[list[Account]], Followupd], notify: NotifySocket
) -> None:
    server = private_dovecot
    canary = f"canary-Pa55-{secrets.token_hex(6)}"
    wrong = f"canary-Pa55-{secrets.token_hex(6)}"
    name = f"canary-{secrets.token_hex(3)}"
    with server.passwd.open("a") as f:
        f.write(f"{name}:{{PLAIN}}{canary}::::::\n")
    server.kill()  # a fresh start reads the new passdb entry for sure
    server.start()
    user = User(name, canary)
    good = Account.of("good", server, user)
    bad = Account("badpw", server.port, name, wrong)
    d = make_daemon([good, bad])
    d.write_config(log_level="debug")
    d.start()
    notify.wait_for("READY", "1", timeout=15)
    d.wait_log(lambda e: e.get("event") == "account needs attention; retrying later" and e.get("account") == "badpw")
    first = new_tag("canary")
    append(server, user, first)
    d.wait_message(first)
    # a reconnect: both accounts log in again
    server.kill()
    d.wait_log(lambda e: e.get("event") == "connection lost; reconnecting" and e.get("account") == "good")
    server.start()
    second = new_tag("canary")
    append(server, user, second)
    d.wait_message(second, timeout=10)
    # a reload wakes the bad account for another refused login
    d.signal(signal.SIGHUP)
    d.wait_log(lambda e: e.get("event") == "config reloaded")
    d.wait_log(
        lambda e: e.get("event") == "account needs attention; retrying later" and e.get("account") == "badpw", count=2
    )
    third = new_tag("canary")
    append(server, user, third)
    d.wait_message(third)
    assert d.stop()[0] == 0
    out = d.output()
    assert 10 < len(out.splitlines()) < 2000, "debug logging ran away"
    assert not d.events("connection lost; reconnecting", account="badpw")
    for secret in (canary, wrong):
        assert secret not in out
        assert secret[len("canary-") :] not in out  # no partial or quoted form either
