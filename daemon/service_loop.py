"""``followupd run``: the long-running daemon around :class:`daemon.runner.AccountRunner`.

Each account runs in its own thread, so one account's dead server or bad password never
stalls another. The main thread handles signals, config reloads (SIGHUP or an edit of
the file), systemd notifications and the watchdog. Every blocking wait is bounded well
below the watchdog interval, so a hang anywhere ends in a restart by systemd.
"""

from __future__ import annotations

import random
import signal
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

import structlog

from daemon import tracker
from daemon.errors import ConfigError, CredentialError, FollowupdError, UserError
from daemon.paths import db_path
from daemon.runner import STATE_LOCK, AccountRunner, ConnectorFactory, default_connector
from daemon.sdnotify import Notifier
from daemon.settings import AccountSettings, Settings
from daemon.store import Store

log = structlog.get_logger("followupd.daemon")

#: longest single wait of an account thread; also bounds how long SIGTERM takes
MAX_WAIT = 10.0
BACKOFF_START = 1.0
BACKOFF_MAX = 300.0
#: a user error (bad password, missing folder) is retried rarely: a person must act
USER_ERROR_RETRY = 600.0

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


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
        self.connected = threading.Event()
        self.passes = 0
        self.last_error: str | None = None
        self._wake = threading.Event()

    def wake(self) -> None:
        self._wake.set()

    def _sleep(self, seconds: float) -> None:
        """Sleep in short steps, staying alive for the watchdog and responsive to stop."""
        end = time.monotonic() + seconds
        while not self.stop_event.is_set():
            self.heartbeat = time.monotonic()
            left = end - time.monotonic()
            if left <= 0 or self._wake.is_set():
                self._wake.clear()
                return
            self.stop_event.wait(min(left, self._max_wait))

    def run(self) -> None:
        bound = structlog.contextvars.bind_contextvars(account=self.account.name)
        store = Store.open(db_path(self.settings))
        runner: AccountRunner | None = None
        backoff = BACKOFF_START
        try:
            while not self.stop_event.is_set():
                self.heartbeat = time.monotonic()
                try:
                    if runner is None or runner.settings is not self.settings:
                        if runner is not None:
                            runner.close()
                        runner = AccountRunner(self.account, self.settings, store, connector_factory=self._factory)
                    report = runner.run_pass(self._clock())
                    self.connected.set()
                    self.passes += 1
                    self.last_error = None
                    backoff = BACKOFF_START
                    if report.synced or report.actions or report.errors:
                        log.info("pass", summary=report.summary())
                    self._wait_for_mail(runner, store)
                except (CredentialError, UserError) as exc:
                    self.last_error = str(exc)
                    log.error("account needs attention; retrying later", error=str(exc))
                    if runner is not None:
                        runner.close()
                    self._sleep(USER_ERROR_RETRY)
                except (ConnectionError, TimeoutError, OSError, FollowupdError) as exc:
                    self.last_error = f"{type(exc).__name__}: {exc}"
                    # jitter spreads reconnects of many daemons after a server restart
                    delay = backoff * (0.5 + random.random())
                    log.warning("connection lost; reconnecting", error=self.last_error, retry_in=round(delay, 1))
                    if runner is not None:
                        runner.close()
                    self._sleep(delay)
                    backoff = min(backoff * 2, BACKOFF_MAX)
                except Exception as exc:  # a bug must not kill the account for good
                    self.last_error = f"{type(exc).__name__}: {exc}"
                    log.exception("pass failed", error=self.last_error)
                    if runner is not None:
                        runner.close()
                    self._sleep(min(backoff * 4, BACKOFF_MAX))
                    backoff = min(backoff * 2, BACKOFF_MAX)
        finally:
            if runner is not None:
                runner.close()
            store.close()
            structlog.contextvars.unbind_contextvars(*bound)

    def _wait_for_mail(self, runner: AccountRunner, store: Store) -> None:
        """Wait for new mail or the next due stage, in bounded steps."""
        due = next_due(store, self.account.name)
        deadline = time.monotonic() + self.settings.daemon.poll_interval_seconds * 10
        if due is not None:
            deadline = min(deadline, time.monotonic() + max(0.0, (due - self._clock()).total_seconds()))
        while not self.stop_event.is_set():
            self.heartbeat = time.monotonic()
            if self._wake.is_set():
                self._wake.clear()
                return
            left = deadline - time.monotonic()
            if left <= 0:
                return
            if runner.connector is not None and runner.connector.wait(min(left, self._max_wait)):
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
        if self.notifier.watchdog_interval:
            self.max_wait = min(self.max_wait, self.notifier.watchdog_interval / 3)
        self.threads: dict[str, AccountThread] = {}
        self.stop = threading.Event()
        self.reload_requested = threading.Event()
        self._observer: Any = None
        self._config_mtime = self._mtime()
        self._ready = False

    # ------------------------------------------------------------------ lifecycle

    def _start_account(self, account: AccountSettings) -> None:
        t = AccountThread(
            account, self.settings, clock=self.clock, connector_factory=self.factory, max_wait=self.max_wait
        )
        self.threads[account.name] = t
        t.start()

    def _stop_account(self, name: str) -> None:
        t = self.threads.pop(name)
        t.stop_event.set()
        t.join(timeout=self.max_wait * 3)

    def serve(self) -> int:
        self._install_signals()
        self._watch_config()
        for account in self.settings.accounts:
            self._start_account(account)
        self.notifier.status(f"connecting {len(self.threads)} account(s)")
        last_status = ""
        try:
            while not self.stop.is_set():
                self.stop.wait(min(1.0, self.max_wait))
                if self.reload_requested.is_set() or self._config_changed():
                    self.reload_requested.clear()
                    self.reload()
                if not self._ready and self.threads and all(t.connected.is_set() for t in self.threads.values()):
                    self._ready = True
                    self.notifier.ready(self._status_line())
                    log.info("ready", accounts=len(self.threads))
                self._watchdog()
                line = self._status_line()
                if line != last_status:
                    self.notifier.status(line)
                    last_status = line
        finally:
            self.notifier.stopping()
            log.info("stopping")
            for name in list(self.threads):
                self._stop_account(name)
            if self._observer is not None:
                self._observer.stop()
                self._observer.join(timeout=5)
        return 0

    def _watchdog(self) -> None:
        interval = self.notifier.watchdog_interval
        if not interval:
            return
        now = time.monotonic()
        stale = [n for n, t in self.threads.items() if now - t.heartbeat > interval]
        if stale:
            # do not ping: systemd will restart a daemon whose account thread hangs
            log.error("account thread not responding", accounts=stale)
            return
        self.notifier.watchdog()

    def _status_line(self) -> str:
        pending = 0
        try:
            store = Store.open(db_path(self.settings))
            try:
                pending = sum(1 for a in store.load_applications() if tracker.next_action(a) is not None)
            finally:
                store.close()
        except FollowupdError:
            pass
        troubled = [n for n, t in self.threads.items() if t.last_error]
        line = f"watching {len(self.threads)} account(s), {pending} follow-up(s) pending"
        if troubled:
            line += f"; problems with: {', '.join(troubled)}"
        return line

    # ------------------------------------------------------------------ reload

    def _install_signals(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return

        def on_term(signum: int, frame: FrameType | None) -> None:
            self.stop.set()

        def on_hup(signum: int, frame: FrameType | None) -> None:
            self.reload_requested.set()

        signal.signal(signal.SIGTERM, on_term)
        signal.signal(signal.SIGINT, on_term)
        signal.signal(signal.SIGHUP, on_hup)

    def _mtime(self) -> float | None:
        try:
            return self.config_path.stat().st_mtime
        except OSError:
            return None

    def _watch_config(self) -> None:
        try:
            from watchdog.events import FileSystemEvent, FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:  # pragma: no cover - watchdog is a dependency
            return
        target = self.config_path.resolve()
        daemon = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                paths = {str(event.src_path), str(getattr(event, "dest_path", ""))}
                if str(target) in paths:
                    daemon.reload_requested.set()

        try:
            observer = Observer()
            observer.schedule(Handler(), str(target.parent), recursive=False)
            observer.daemon = True
            observer.start()
            self._observer = observer
        except OSError as exc:
            log.warning("cannot watch the config file; use SIGHUP to reload", error=str(exc))

    def _config_changed(self) -> bool:
        mtime = self._mtime()
        if mtime != self._config_mtime:
            self._config_mtime = mtime
            return True
        return False

    def reload(self) -> bool:
        from daemon.config import load

        self.notifier.reloading()
        try:
            new = load(self.config_path)
        except ConfigError as exc:
            for problem in exc.problems:
                log.error("config reload refused; keeping the old config", problem=problem)
            self.notifier.ready(self._status_line())
            return False
        except UserError as exc:
            log.error("config reload refused; keeping the old config", problem=str(exc))
            self.notifier.ready(self._status_line())
            return False
        old = {a.name: a for a in self.settings.accounts}
        fresh = {a.name: a for a in new.accounts}
        self.settings = new
        for name in list(self.threads):
            if name not in fresh or fresh[name] != old.get(name):
                self._stop_account(name)
        self._replan(new)
        for name, account in fresh.items():
            if name in self.threads:
                self.threads[name].settings = new
                self.threads[name].wake()
            else:
                self._start_account(account)
        log.info("config reloaded", accounts=len(fresh))
        self.notifier.ready(self._status_line())
        return True

    def _replan(self, settings: Settings) -> None:
        now = self.clock()
        store = Store.open(db_path(settings))
        try:
            with STATE_LOCK, store.transaction():
                for app in store.load_applications():
                    new, _ = tracker.step(app, tracker.ConfigChanged(), settings, now)
                    if new is not None and new != app:
                        store.save_application(new)
        finally:
            store.close()


def serve(config_path: Path, settings: Settings, *, log_level: str | None = None) -> int:
    if not settings.accounts:
        raise UserError("no [[accounts]] configured: nothing to watch", where=str(config_path))
    return Daemon(config_path, settings).serve()


__all__ = ["Daemon", "default_connector", "serve"]
