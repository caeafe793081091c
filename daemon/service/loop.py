"""``followupd run``: the long-running daemon around :class:`daemon.service.runner.AccountRunner`.

Each account runs in its own thread, so one account's dead server or bad password never
stalls another. The main thread handles signals, config reloads (SIGHUP or an edit of
the file), systemd notifications and the watchdog. Every blocking wait is bounded well
below the watchdog interval, and an account thread counts as alive only while its
connector calls keep returning, so a hang anywhere ends in a restart by systemd.

READY=1 is sent once every account has either connected or failed its first attempt:
systemd learns the daemon is up even while one server is unreachable, and STATUS=
names the accounts with problems.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import random
import select
import signal
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from types import FrameType
from typing import Any

import structlog

from connectors.base import Connector, Cursor, FolderRoles, StoredDraft, SyncResult
from daemon.errors import ConfigError, CredentialError, FollowupdError, LoginNeeded, UserError
from daemon.followup import tracker
from daemon.paths import db_path
from daemon.service.notify import Notice, Outbox
from daemon.service.runner import (
    AccountRunner,
    ConnectorFactory,
    default_connector,
    deliver_notices,
    notify_password,
    replan_if_policy_changed,
)
from daemon.service.sdnotify import Notifier
from daemon.service.store import Store, WriterLock
from daemon.settings import AccountSettings, Settings

log = structlog.get_logger("followupd.daemon")

#: longest single wait of an account thread; also bounds how long SIGTERM takes
#: seconds between looks at the notification queue
NOTICE_INTERVAL = 10.0
MAX_WAIT = 10.0
BACKOFF_START = 1.0
BACKOFF_MAX = 300.0
#: a user error (bad password, missing folder) is retried rarely: a person must act (SIGHUP retries at once)
USER_ERROR_RETRY = 600.0
#: a stage that was due at a pass's start and is still pending failed in that pass; retry it this late
OVERDUE_RETRY = 60.0
#: how long the config file must stay unchanged before a reload reads it (editors write in steps)
CONFIG_SETTLE = 0.2
#: the main loop's longest sleep: signals and file events wake it earlier
MAIN_TICK = 1.0
#: the main loop's sleep while a replaced account's old thread is ending
RETIRE_POLL = 0.05

Clock = Callable[[], datetime]
Fingerprint = tuple[int, int, int, int] | None


def _utc_now() -> datetime:
    return datetime.now(UTC)


class _Pulse:
    """A connector that marks its thread alive around every call.

    A long first sync is many bounded calls; each one that returns is progress, so the
    watchdog keeps being fed. One call that hangs past the watchdog interval is not.
    """

    def __init__(self, inner: Connector, beat: Callable[[], None]) -> None:
        self._inner = inner
        self._beat = beat
        self.name = inner.name

    def connect(self) -> FolderRoles:
        self._beat()
        try:
            return self._inner.connect()
        finally:
            self._beat()

    def close(self) -> None:
        self._beat()
        try:
            self._inner.close()
        finally:
            self._beat()

    def sync(
        self,
        folder: str,
        cursor: Cursor | None,
        since: date | None,
        keep: Callable[[bytes], bool] | None = None,
        fields: Sequence[str] | None = None,
    ) -> SyncResult:
        self._beat()
        try:
            return self._inner.sync(folder, cursor, since, keep, fields)
        finally:
            self._beat()

    def fetch(self, folder: str, keys: Sequence[int]) -> Iterator[tuple[int, bytes]]:
        self._beat()
        for item in self._inner.fetch(folder, keys):
            self._beat()
            yield item
        self._beat()

    def append_draft(self, raw: bytes, draft_id: str) -> int | None:
        self._beat()
        try:
            return self._inner.append_draft(raw, draft_id)
        finally:
            self._beat()

    def find_drafts(self, draft_id: str) -> list[StoredDraft]:
        self._beat()
        try:
            return self._inner.find_drafts(draft_id)
        finally:
            self._beat()

    def remove_draft(self, key: int, expected: bytes) -> bool:
        self._beat()
        try:
            return self._inner.remove_draft(key, expected)
        finally:
            self._beat()

    def wait(self, timeout: float) -> bool:
        self._beat()
        try:
            return self._inner.wait(timeout)
        finally:
            self._beat()

    def interrupt(self) -> None:
        interrupt = getattr(self._inner, "interrupt", None)  # test doubles may not have it
        if interrupt is not None:
            interrupt()


class AccountThread(threading.Thread):
    def __init__(
        self,
        account: AccountSettings,
        settings: Settings,
        *,
        clock: Clock,
        connector_factory: ConnectorFactory,
        max_wait: float,
    ) -> None:
        super().__init__(name=f"followupd-{account.name}", daemon=True)
        self.account = account
        self.settings = settings
        self._clock = clock
        self._factory = connector_factory
        self._max_wait = max_wait
        self.stop_event = threading.Event()
        self.heartbeat = time.monotonic()
        #: set on the first successful connect
        self.connected = threading.Event()
        #: set once the first attempt to connect has ended, either way (READY waits for it)
        self.settled = threading.Event()
        self.passes = 0
        self.last_error: str | None = None
        #: an OAuth2 sign-in was revoked or expired: shown on the STATUS line until it works again
        self.login_needed = False
        self._wake = threading.Event()
        self._runner: AccountRunner | None = None

    def wake(self) -> None:
        """End the thread's current wait now (a stop, a reload), even in the middle of an IDLE."""
        self._wake.set()
        runner = self._runner
        connector = runner.connector if runner is not None else None
        if connector is not None:
            connector.interrupt()

    def beat(self) -> None:
        self.heartbeat = time.monotonic()

    def _connector(self, account: AccountSettings, settings: Settings) -> Connector:
        self.beat()
        try:
            return _Pulse(self._factory(account, settings), self.beat)
        finally:
            self.beat()

    def _sleep(self, seconds: float) -> None:
        """Sleep in short steps, staying alive for the watchdog and responsive to stop and wake."""
        end = time.monotonic() + seconds
        while not self.stop_event.is_set():
            self.beat()
            left = end - time.monotonic()
            if left <= 0 or self._wake.is_set():
                self._wake.clear()
                return
            self._wake.wait(min(left, self._max_wait))

    def _failed(self, error: str, *, login_needed: bool = False) -> None:
        # the flag first: the main thread reads both for STATUS= and must never see a
        # "login needed" account's error without its flag ("problems with: …" for a moment)
        self.login_needed = login_needed
        self.last_error = error
        self.settled.set()

    def run(self) -> None:
        bound = structlog.contextvars.bind_contextvars(account=self.account.name)
        store: Store | None = None
        runner: AccountRunner | None = None
        backoff = BACKOFF_START
        try:
            while not self.stop_event.is_set():
                self.beat()
                try:
                    settings = self.settings
                    if store is None:
                        store = Store.open(db_path(settings))
                    if runner is None or runner.settings is not settings:
                        if runner is not None:
                            runner.close()
                        runner = AccountRunner(
                            self.account, settings, store, connector_factory=self._connector, pulse=self.beat
                        )
                        self._runner = runner
                    runner.connect()
                    self.connected.set()
                    self.settled.set()
                    started = self._clock()
                    report = runner.run_pass(started)
                    self.passes += 1
                    self.last_error = None
                    self.login_needed = False
                    backoff = BACKOFF_START
                    if report.synced or report.actions or report.errors:
                        log.info("pass", summary=report.summary())
                    self._wait_for_mail(runner, store, started)
                except (CredentialError, UserError) as exc:
                    # the same problem again (a stored sign-in still refused) is not news
                    repeated = str(exc) == self.last_error
                    self._failed(str(exc), login_needed=isinstance(exc, LoginNeeded))
                    (log.debug if repeated else log.error)("account needs attention; retrying later", error=str(exc))
                    if runner is not None:
                        runner.close()
                    self._sleep(USER_ERROR_RETRY)
                except (ConnectionError, TimeoutError, OSError, FollowupdError, sqlite3.Error) as exc:
                    self._failed(f"{type(exc).__name__}: {exc}")
                    # jitter spreads reconnects of many daemons after a server restart
                    delay = backoff * (0.5 + random.random())
                    log.warning("connection lost; reconnecting", error=self.last_error, retry_in=round(delay, 1))
                    if runner is not None:
                        runner.close()
                    self._sleep(delay)
                    backoff = min(backoff * 2, BACKOFF_MAX)
                except Exception as exc:  # a bug must not kill the account for good
                    self._failed(f"{type(exc).__name__}: {exc}")
                    log.exception("pass failed", error=self.last_error)
                    if runner is not None:
                        runner.close()
                    self._sleep(min(backoff * 4, BACKOFF_MAX))
                    backoff = min(backoff * 2, BACKOFF_MAX)
        finally:
            if runner is not None:
                with contextlib.suppress(Exception):
                    runner.close()
            if store is not None:
                store.close()
            structlog.contextvars.unbind_contextvars(*bound)

    def _wait_for_mail(self, runner: AccountRunner, store: Store, started: datetime) -> None:
        """Wait for new mail or the next due stage, in bounded steps."""
        wait = self.settings.daemon.poll_interval_seconds * 10
        due = next_due(store, self.account.name)
        if due is not None:
            until_due = (due - self._clock()).total_seconds()
            if due <= started:
                # the pass just tried it and it is still pending: no hot loop against the server
                until_due = max(until_due, OVERDUE_RETRY)
            wait = min(wait, max(0.0, until_due))
        deadline = time.monotonic() + wait
        while not self.stop_event.is_set():
            self.beat()
            if self._wake.is_set():
                self._wake.clear()
                return
            left = deadline - time.monotonic()
            if left <= 0:
                return
            step = min(left, self._max_wait)
            if runner.connector is None:
                self._wake.wait(step)
            elif runner.connector.wait(step):
                return


def next_due(store: Store, account: str) -> datetime | None:
    dues = []
    for app in store.load_applications():
        owner = store.app_account(app.id)
        if owner not in (None, account):
            continue
        nxt = tracker.next_action(app)
        if nxt is not None:
            dues.append(nxt[1])
    return min(dues) if dues else None


class _Waker:
    """Wakes the main loop from a signal handler or another thread.

    A socket pair, not a threading.Event: setting an Event takes a lock, which a signal
    handler must not do while the interrupted main thread may hold it.
    """

    def __init__(self) -> None:
        self._r, self._w = socket.socketpair()
        self._r.setblocking(False)
        self._w.setblocking(False)

    def poke(self) -> None:
        with contextlib.suppress(OSError):  # full buffer: a wake-up is pending anyway
            self._w.send(b"\0")

    def wait(self, timeout: float) -> None:
        readable, _, _ = select.select([self._r], [], [], max(timeout, 0.0))
        if readable:
            with contextlib.suppress(OSError):
                while self._r.recv(4096):
                    pass

    def close(self) -> None:
        self._r.close()
        self._w.close()


class Daemon:
    def __init__(
        self,
        config_path: Path,
        settings: Settings,
        *,
        clock: Clock = _utc_now,
        connector_factory: ConnectorFactory = default_connector,
        notifier: Notifier | None = None,
        max_wait: float = MAX_WAIT,
    ) -> None:
        self.config_path = config_path
        self.settings = settings
        self.clock = clock
        self.factory = connector_factory
        self.notifier = notifier or Notifier()
        self.max_wait = max_wait
        self.tick = MAIN_TICK
        interval = self.notifier.watchdog_interval
        if interval:
            self.max_wait = min(self.max_wait, interval / 3)
            self.tick = min(self.tick, interval / 3)
        self.threads: dict[str, AccountThread] = {}
        #: stopped threads (a reload replaced or removed their account) that have not exited yet
        self.retiring: list[AccountThread] = []
        self.stop = threading.Event()
        self.reload_requested = threading.Event()
        self._signals: list[int] = []
        self._waker = _Waker()
        self._observer: Any = None
        self._loaded = self._fingerprint()
        self._outbox: Outbox | None = None
        self._notices_at = 0.0
        self._pending_version = -1
        self._pending_count = 0
        self._ready = False
        self._store: Store | None = None
        #: the state database for the daemon's whole life: its writer lock is held on this directory
        self.db = db_path(settings)

    # ------------------------------------------------------------------ control

    def request_stop(self) -> None:
        self.stop.set()
        self._waker.poke()

    def request_reload(self) -> None:
        self.reload_requested.set()
        self._waker.poke()

    # ------------------------------------------------------------------ lifecycle

    def _start_account(self, account: AccountSettings) -> None:
        t = AccountThread(
            account, self.settings, clock=self.clock, connector_factory=self.factory, max_wait=self.max_wait
        )
        self.threads[account.name] = t
        t.start()

    def _retire(self, name: str) -> None:
        """Stop an account's thread without waiting for it: the main loop must keep pinging."""
        t = self.threads.pop(name)
        t.stop_event.set()
        t.wake()
        self.retiring.append(t)

    def _replace_retired(self) -> None:
        """Start a replaced account once its old thread is gone: two threads never share an account."""
        self.retiring = [t for t in self.retiring if t.is_alive()]
        busy = {t.account.name for t in self.retiring}
        for account in self.settings.accounts:
            if account.name not in self.threads and account.name not in busy:
                self._start_account(account)

    def _warn_slow_timeouts(self) -> None:
        interval = self.notifier.watchdog_interval
        if not interval:
            return
        for account in self.settings.accounts:
            if account.timeout_seconds is not None and account.timeout_seconds >= interval:
                log.warning(
                    "timeout_seconds is not below the systemd watchdog interval; one slow server call "
                    "gets the daemon restarted",
                    account=account.name,
                    timeout_seconds=account.timeout_seconds,
                    watchdog_seconds=interval,
                )

    def serve(self) -> int:
        # the one writer of this state until the process ends (a kill -9 ends the lock too)
        lock = WriterLock.acquire(self.db.parent, "run")
        try:
            return self._serve()
        finally:
            lock.release()

    def _serve(self) -> int:
        # created and migrated here, once: account threads opening a new database at the
        # same moment would race to create its tables. This store serves the main thread
        # (status line, notices, re-planning); each account thread has its own connection,
        # as SQLite connections are not shared between threads here.
        self._store = Store.open(self.db)
        # the policy may have changed while the daemon was not running
        replan_if_policy_changed(self._store, self.settings, self.clock())
        self._install_signals()
        self._watch_config()
        self._warn_slow_timeouts()
        for account in self.settings.accounts:
            self._start_account(account)
        self.notifier.status(f"connecting {len(self.threads)} account(s)")
        last_status = ""
        try:
            while True:
                self._take_signals()
                if self.stop.is_set():
                    break
                if self.reload_requested.is_set() or self._config_changed():
                    self.reload_requested.clear()
                    self.reload()
                self._replace_retired()
                if not self._ready and self.threads and all(t.settled.is_set() for t in self.threads.values()):
                    self._ready = True
                    last_status = self._status_line()
                    self.notifier.ready(last_status)
                    log.info("ready", accounts=len(self.threads))
                self._watchdog()
                self._notices()
                if self._ready:
                    line = self._status_line()
                    if line != last_status:
                        self.notifier.status(line)
                        last_status = line
                # a retired account's thread ends within a fraction of a second (its IDLE is
                # interrupted); look again soon to start its replacement
                self._waker.wait(min(self.tick, RETIRE_POLL) if self.retiring else self.tick)
        finally:
            self.notifier.stopping()
            log.info("stopping")
            self._stop_all()
            if self._outbox is not None:
                self._outbox.close()
            if self._observer is not None:
                self._observer.stop()
                self._observer.join(timeout=2)
            if self._store is not None:
                self._store.close()
            self._waker.close()
        return 0

    def _stop_all(self) -> None:
        """Tell every account thread at once, then wait for all of them within one deadline."""
        threads = [*self.threads.values(), *self.retiring]
        for t in threads:
            t.stop_event.set()
            t.wake()
        deadline = time.monotonic() + self.max_wait + 2.0
        for t in threads:
            t.join(timeout=max(0.0, deadline - time.monotonic()))
        hung = [t.account.name for t in threads if t.is_alive()]
        if hung:
            log.warning("account threads still busy at exit", accounts=hung)
        self.threads.clear()
        self.retiring.clear()

    def _watchdog(self) -> None:
        interval = self.notifier.watchdog_interval
        if not interval:
            return
        now = time.monotonic()
        threads = [*self.threads.values(), *(t for t in self.retiring if t.is_alive())]
        stale = sorted({t.account.name for t in threads if now - t.heartbeat > interval})
        if stale:
            # do not ping: systemd will restart a daemon whose account thread hangs
            log.error("account thread not responding", accounts=stale)
            return
        self.notifier.watchdog()

    def _notices(self) -> None:
        """Hand queued notices to the background sender, every few seconds at most."""
        if not self.settings.notify.enabled or self._store is None:
            return
        if time.monotonic() - self._notices_at < NOTICE_INTERVAL:
            return
        self._notices_at = time.monotonic()
        if self._outbox is None:
            try:
                password = notify_password(self.settings)
            except FollowupdError as exc:
                log.error("notify: no password; notifications are not sent", error=str(exc))
                return
            # the digest is decided from the queue (deliver_notices); the outbox only sends
            settings = dataclasses.replace(self.settings.notify, mode="each")
            # an OAuth2 access token expires: fetch a current one for every send
            getter = (lambda: notify_password(self.settings)) if settings.oauth2_account else (lambda: password)
            self._outbox = Outbox(settings, getter)
        outbox, now = self._outbox, self.clock()

        def hand_over(notice: Notice) -> bool:
            outbox.put(notice, now)
            return True

        try:
            deliver_notices(self._store, self.settings, now, hand_over)
        except (FollowupdError, sqlite3.Error) as exc:
            log.error("notify: cannot read the queue", error=str(exc))

    def _pending(self) -> int:
        """Applications with a follow-up pending; recounted only when the state changed."""
        try:
            if self._store is None:
                self._store = Store.open(self.db)
            # an idle daemon must not decode every application once a second for STATUS=
            version = self._store.data_version()
            if version != self._pending_version:
                apps = self._store.load_applications()
                self._pending_count = sum(1 for a in apps if tracker.next_action(a) is not None)
                self._pending_version = version
            return self._pending_count
        except (FollowupdError, sqlite3.Error):
            return 0

    def _status_line(self) -> str:
        login = [n for n, t in self.threads.items() if t.last_error and t.login_needed]
        troubled = [n for n, t in self.threads.items() if t.last_error and not t.login_needed]
        line = f"watching {len(self.threads)} account(s), {self._pending()} follow-up(s) pending"
        if login:
            line += f"; login needed: {', '.join(login)} (followupd login NAME)"
        if troubled:
            line += f"; problems with: {', '.join(troubled)}"
        return line

    # ------------------------------------------------------------------ reload

    def _install_signals(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return

        def on_signal(signum: int, frame: FrameType | None) -> None:
            self._signals.append(signum)
            self._waker.poke()

        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, on_signal)

    def _take_signals(self) -> None:
        while self._signals:
            if self._signals.pop(0) == signal.SIGHUP:
                self.reload_requested.set()
            else:
                self.stop.set()

    def _fingerprint(self) -> Fingerprint:
        try:
            st = os.stat(self.config_path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def _watch_config(self) -> None:
        try:
            from watchdog.events import FileSystemEvent, FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:  # pragma: no cover - watchdog is a dependency
            return
        target = str(self.config_path.resolve())
        waker = self._waker

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                # only wakes the loop: it reloads when the file's fingerprint changed, so
                # our own read of the file (an "opened" event) does not loop
                if target in (str(event.src_path), str(getattr(event, "dest_path", ""))):
                    waker.poke()

        # its debug lines narrate every inotify event in the directory, e.g. our own log file's
        logging.getLogger("watchdog").setLevel(logging.INFO)
        try:
            observer = Observer()
            observer.schedule(Handler(), str(Path(target).parent), recursive=False)
            observer.daemon = True
            observer.start()
            self._observer = observer
        except OSError as exc:
            log.warning("cannot watch the config file; use SIGHUP to reload", error=str(exc))

    def _config_changed(self) -> bool:
        seen = self._fingerprint()
        if seen == self._loaded:
            return False
        # an editor may be half-way through writing it; a later round sees it settled
        time.sleep(CONFIG_SETTLE)
        return self._fingerprint() == seen

    def _reloaded(self) -> None:
        if self._ready:
            self.notifier.ready(self._status_line())  # Type=notify-reload waits for READY=1
        else:
            self.notifier.status(f"connecting {len(self.threads)} account(s)")

    def reload(self) -> bool:
        from daemon.config import load

        self._loaded = self._fingerprint()
        self.notifier.reloading()
        problems: list[str] = []
        try:
            new = load(self.config_path)
            if not new.accounts:
                raise UserError("no [[accounts]] configured: nothing to watch", where=str(self.config_path))
        except ConfigError as exc:
            problems = list(exc.problems)
        except UserError as exc:
            problems = [str(exc)]
        if problems:
            for problem in problems:
                log.error("config reload refused; keeping the old config", problem=problem)
            self._reloaded()
            return False
        if db_path(new) != self.db:
            # the writer lock and every open connection are on the old state; moving the
            # state under a running daemon would leave it unlocked for a while
            log.warning(
                "state_dir changed; it takes effect when the daemon restarts", state_dir=str(db_path(new).parent)
            )
            new = dataclasses.replace(new, daemon=dataclasses.replace(new.daemon, state_dir=self.db.parent))
        old = {a.name: a for a in self.settings.accounts}
        fresh = {a.name: a for a in new.accounts}
        self.settings = new
        if self._outbox is not None:  # [notify] may have changed
            self._outbox.close()
            self._outbox = None
        for name in list(self.threads):
            if name not in fresh or fresh[name] != old.get(name):
                self._retire(name)
        try:
            self._replan(new)
        except (FollowupdError, sqlite3.Error) as exc:
            log.error("could not re-plan follow-ups for the new config", error=f"{type(exc).__name__}: {exc}")
        for t in self.threads.values():
            t.settings = new
            t.wake()  # also retries an account waiting out a user error at once
        self._replace_retired()
        log.info("config reloaded", accounts=len(fresh))
        self._reloaded()
        return True

    def _replan(self, settings: Settings) -> None:
        if self._store is None:
            self._store = Store.open(self.db)
        replan_if_policy_changed(self._store, settings, self.clock())


def serve(config_path: Path, settings: Settings, *, log_level: str | None = None) -> int:
    if not settings.accounts:
        raise UserError("no [[accounts]] configured: nothing to watch", where=str(config_path))
    return Daemon(config_path, settings).serve()


__all__ = ["Daemon", "default_connector", "serve"]
