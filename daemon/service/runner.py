"""The runner: the thin IO layer that feeds mail to the pure core and carries out its actions.

One :class:`AccountRunner` per account does a *pass*: sync every watched folder and
Sent, analyse new candidate mail, step the tracker, then carry out every action due at
``now``. Every mailbox effect is journalled in the store before and after it happens,
so a crash at any point resumes without a duplicate or a lost draft.

``run --once`` is one pass per account; ``run`` repeats passes, waiting for new mail
(IDLE / inotify) in between; driven by :mod:`daemon.service.loop`.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

import structlog

from connectors.base import Connector, FolderRoles
from daemon import budget
from daemon.errors import FollowupdError, LoginNeeded, StateError, UserError
from daemon.followup import compose, tracker
from daemon.model import Analysis, Mail, PlannedStage
from daemon.service import accounts, analysis_helper
from daemon.service.notify import Notice
from daemon.service.store import DuplicateEffectError, EffectKind, Store, WriterLock, refuse_truncated
from daemon.settings import AccountSettings, Settings
from daemon.understand.analyze import analyze_mail
from daemon.understand.extract import employer
from daemon.understand.mail import parse
from daemon.understand.prefilter import HEADER_FIELDS, PERSON, SKIP, read_persons, verdict
from daemon.understand.warmup import warm_up

LOGGER = "followupd.runner"
log = structlog.get_logger(LOGGER)

#: bodies fetched per round trip
FETCH_BATCH = 50
#: a first scan starts its analysis helper (another core) once the prefilter has read this many
#: headers outright: below, the helper's start costs more CPU than it saves
HELPER_AFTER = 150
#: on a first scan, one "first scan progress" line this often (seconds) instead of a line
#: per analysed message, which then goes to debug
PROGRESS_EVERY_S = 10.0
#: the environment variable the fault-injection tests use to crash at a named step
CRASH_ENV = "FOLLOWUPD_TEST_CRASH_AT"

ConnectorFactory = Callable[[AccountSettings, Settings], Connector]

#: serialises tracker state changes between account threads of one daemon
STATE_LOCK = threading.RLock()


def crashpoint(name: str) -> None:
    """Exit hard at a named step when a test asks for it (see tests of crash safety)."""
    if os.environ.get(CRASH_ENV) == name:
        os._exit(77)


def default_connector(account: AccountSettings, settings: Settings) -> Connector:
    if account.kind == "maildir":
        from connectors.maildir import MaildirConnector

        return MaildirConnector(account)
    from connectors.credentials import get_password
    from connectors.imap import ImapConnector

    if account.auth == "oauth2":
        from connectors.oauth2 import session_for

        password, oauth = "", session_for(account, settings)
    else:
        password = get_password(account.name, account.password, account.username, timeout=account.timeout_seconds)
        oauth = None
    return ImapConnector(
        account,
        password,
        idle_refresh=min(settings.daemon.idle_refresh_minutes * 60, 28 * 60),
        poll_interval=settings.daemon.poll_interval_seconds,
        oauth=oauth,
    )


@dataclass
class PassReport:
    account: str
    synced: int = 0  # new messages seen
    analysed: int = 0  # bodies fetched and analysed
    actions: list[str] = field(default_factory=list)
    drafts: int = 0
    errors: int = 0
    # why the account could not be synced at all (login refused, mailbox missing…); None when it was
    failure: str | None = None

    def summary(self) -> str:
        return (
            f"{self.account}: {self.synced} new message(s), {self.analysed} analysed, "
            f"{self.drafts} draft(s) created, {len(self.actions)} action(s), {self.errors} error(s)"
        )


_warm_lock = threading.Lock()
_warmed = False


def _warm_up_once() -> None:
    """Compile the analysers' patterns in a thread of their own, once per process.

    A first scan spends most of its header fetch waiting on the server, with the GIL free;
    the patterns then cost its first interview mail nothing. A failure only leaves them to
    be compiled at first use, as without it.
    """
    global _warmed
    with _warm_lock:
        if _warmed:
            return
        _warmed = True

    def run() -> None:
        try:
            warm_up()
        except Exception:  # pragma: no cover - the sample is fixed and analysed in the tests
            log.debug("warm-up failed", exc_info=True)

    threading.Thread(target=run, name="followupd-warm-up", daemon=True).start()


def _sender_name(header: bytes, users: frozenset[str]) -> str:
    """The display name in a header block's From, when the address is one of the user's."""
    from email.headerregistry import AddressHeader
    from email.parser import BytesHeaderParser
    from email.policy import default

    try:
        field = BytesHeaderParser(policy=default).parsebytes(header).get("From")
        addresses = field.addresses if isinstance(field, AddressHeader) else ()
    except Exception:  # a malformed header names no one
        return ""
    for a in addresses:
        if a.addr_spec.lower() in users and a.display_name.strip():
            return " ".join(a.display_name.split())
    return ""


def _as_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


class AccountRunner:
    """One account's passes. Owns its connector; shares the store with the other accounts."""

    def __init__(
        self,
        account: AccountSettings,
        settings: Settings,
        store: Store,
        *,
        connector_factory: ConnectorFactory = default_connector,
        dry_run: bool = False,
        out: TextIO | None = None,
        templates: compose.TemplateSources | None = None,
        pulse: Callable[[], None] | None = None,
    ) -> None:
        self.account = account
        #: the account thread's heartbeat, called while a message is being analysed
        self.pulse = pulse
        self.settings = settings
        self.store = store
        self._factory = connector_factory
        self.dry_run = dry_run
        self.out = out or sys.stdout
        self.connector: Connector | None = None
        self.roles: FolderRoles | None = None
        self.templates = templates if templates is not None else compose.load_templates(settings)
        self.log = log.bind(account=account.name)
        # decoded applications, valid while no other connection has committed (data_version),
        # and the same applications indexed for tracker.match (built when first needed)
        self._apps: dict[str, tracker.Application] | None = None
        self._apps_version = -1
        self._index: tracker.MatchIndex | None = None
        #: the user's display name learned from their sent mail (None: not looked up yet)
        self._sender: str | None = None
        #: a first scan's analysis helper, for the pass that started it
        self._helper: analysis_helper.Helper | None = None

    # ------------------------------------------------------------------ connection

    def connect(self) -> FolderRoles:
        try:
            if self.connector is None:
                self.connector = self._factory(self.account, self.settings)
            if self.roles is None:
                self.roles = self.connector.connect()
                self.log.info(
                    "connected",
                    watched=list(self.roles.watched),
                    sent=self.roles.sent,
                    drafts=self.roles.drafts,
                )
                self._account_state("ok", "connected")
        except LoginNeeded as exc:
            self._account_state("login needed", str(exc))
            raise
        except StateError:
            raise
        except (ConnectionError, TimeoutError, FollowupdError) as exc:
            self._account_state("error", f"{type(exc).__name__}: {exc}")
            raise
        return self.roles

    def _account_state(self, state: accounts.State, detail: str) -> None:
        """For `status`; entering "login needed" queues one notice (DESIGN §3)."""
        try:
            changed = accounts.record(self.store, self.account.name, state, detail)
            if changed and state == "login needed" and self.settings.notify.enabled:
                with self.store.transaction(durable=True):
                    self.store.queue_notice(
                        None, f"{self.account.name} needs you to sign in again: followupd login {self.account.name}",
                        datetime.now(UTC),
                    )  # fmt: skip
        except (StateError, sqlite3.Error) as exc:  # the state's trouble shows in the pass itself
            self.log.warning("cannot record the account's state", error=str(exc))

    def close(self) -> None:
        self._end_helper()
        if self.connector is not None:
            try:
                self.connector.close()
            finally:
                self.connector = None
                self.roles = None

    def _conn(self) -> Connector:
        if self.connector is None:
            self.connect()
        assert self.connector is not None
        return self.connector

    # ------------------------------------------------------------------ a pass

    def _app_map(self) -> dict[str, tracker.Application]:
        version = self.store.data_version()
        if self._apps is None or version != self._apps_version:
            self._apps = {a.id: a for a in self.store.load_applications()}
            self._apps_version = version
            self._index = None
        return self._apps

    def _known_employers(self) -> frozenset[str]:
        """The organisation domains of the employers of the applications tracked so far."""
        return self._match_index().employer_orgs()

    def _applications(self) -> list[tracker.Application]:
        return list(self._app_map().values())

    def _match_index(self) -> tracker.MatchIndex:
        """The applications indexed for tracker.match: its cost per message then does not
        grow with the number of applications (a scan over 100 of them per analysed message
        was a seventh of a chatty first scan)."""
        apps = self._app_map()
        if self._index is None:
            self._index = tracker.MatchIndex(apps.values())
        return self._index

    def _save(self, app: tracker.Application) -> None:
        self.store.save_application(app)
        if self._apps is not None:
            self._apps[app.id] = app
            if self._index is not None:
                self._index.put(app)

    def run_pass(self, now: datetime, *, progress: bool = False) -> PassReport:
        # a rolled-back transaction may have left the cache ahead of the database
        self._apps = self._index = None
        try:
            return self._run_pass(now, progress=progress)
        except BaseException:
            self._apps = self._index = None
            raise

    def _run_pass(self, now: datetime, *, progress: bool = False) -> PassReport:
        report = PassReport(self.account.name)
        roles = self.connect()
        self.recover(now, report)
        folders = [(f, "inbound") for f in roles.watched]
        if roles.sent and roles.sent not in roles.watched:
            folders.append((roles.sent, "outbound"))
        if any(self.store.get_cursor(self.account.name, f) is None for f in roles.watched):
            _warm_up_once()  # a first scan: its header fetch leaves time to compile in
        try:
            for folder, direction in folders:
                self.sync_folder(folder, direction, now, report, progress=progress)
        finally:
            self._end_helper()
        self.tick(now, report)
        return report

    def _start_helper(self) -> None:
        if self._helper is not None or not analysis_helper.enabled():
            return
        try:
            self._helper = analysis_helper.Helper()
        except Exception as exc:  # no second process: this scan analyses everything itself
            self.log.debug("no analysis helper", error=f"{type(exc).__name__}: {exc}")

    def _end_helper(self) -> None:
        helper, self._helper = self._helper, None
        if helper is not None:
            helper.close()

    def sync_folder(self, folder: str, direction: str, now: datetime, report: PassReport, *, progress: bool) -> None:
        conn = self._conn()
        flog = self.log.bind(folder=folder)
        cursor = self.store.get_cursor(self.account.name, folder)
        since = (now - timedelta(days=self.settings.daemon.lookback_days)).date() if cursor is None else None
        apps = self._applications()
        thread_ids = {mid for a in apps for mid in a.thread}
        domains = {d for a in apps for d in a.employer.domains}
        companies = {k for a in apps if (k := tracker.company_key(a.company or a.employer.company))}
        outbound = direction == "outbound"
        users = self.settings.user_addresses

        learn = outbound and not self.settings.daemon.user_name and not self.sender_name()
        learned: list[str] = []

        def judge(header: bytes) -> str:
            if learn and not learned:
                name = _sender_name(header, self.settings.user_addresses)
                if name:
                    learned.append(name)
            return verdict(
                header,
                outbound=outbound,
                thread_ids=thread_ids,
                employer_domains=domains,
                user_addresses=users,
                companies=companies,
            )

        # what the connector kept, with its verdict: the pass below sorts them without judging again
        kept: dict[bytes, str] = {}
        first_scan = cursor is None
        # headers the prefilter reads outright (a person's mail may still be dropped below, as
        # a mail provider's): the helper is worth starting only for many of them
        sure = 0

        def keep(header: bytes) -> bool:
            nonlocal sure
            said = judge(header)
            if said != SKIP:
                kept[header] = said
                sure += said != PERSON
                if first_scan and not outbound and sure == HELPER_AFTER:
                    self._start_helper()  # it starts while the rest of the headers come in
            return said != SKIP

        # the connector drops what the prefilter turns down as it reads the headers, so a
        # first scan never holds a whole folder's headers; a message it drops is past the
        # cursor and is not looked at again
        result = conn.sync(folder, cursor, since, keep, HEADER_FIELDS)
        if learned:
            self._remember_sender_name(learned[0])
        validity = result.cursor.validity
        if result.reset:
            flog.warning("folder validity changed; resyncing it", validity=validity)
            self.store.drop_folder(self.account.name, folder)
        done_keys = self.store.seen_among(self.account.name, folder, validity, [r.key for r in result.messages])
        fresh = [r for r in result.messages if r.key not in done_keys]
        report.synced += len(fresh) + result.skipped
        # connectors may ignore ``keep``: what it did not see is judged here
        said = [kept.get(ref.header_bytes) or judge(ref.header_bytes) for ref in fresh]
        # mail read only as a person's: all of it but a mail provider's (many people, one domain)
        persons = read_persons([(i, fresh[i].header_bytes) for i, v in enumerate(said) if v == PERSON])
        read = {i for i, v in enumerate(said) if v != SKIP and v != PERSON}.union(persons)
        wanted = [ref for i, ref in enumerate(fresh) if i in read]
        skipped = [ref for i, ref in enumerate(fresh) if i not in read]
        # one transaction for all skipped mail: a commit (and fsync) each costs seconds per 10,000
        with self.store.transaction():
            for ref in skipped:
                self.store.mark_seen(
                    self.account.name,
                    folder,
                    validity,
                    ref.key,
                    message_id=None,
                    category="skipped",
                    app_id=None,
                    processed_at=now,
                )
        done = 0
        # a first scan analyses hundreds or thousands of old messages: a line each would be
        # a flood (and a sixth of the scan's time), so those that belong to no application
        # go to debug and the log shows how far the scan is instead
        each: int | None = logging.INFO
        if first_scan:
            each = logging.DEBUG if logging.getLogger(LOGGER).isEnabledFor(logging.DEBUG) else None
        started = last = time.monotonic()
        if first_scan and wanted:
            flog.info("first scan", messages=len(fresh) + result.skipped, to_analyse=len(wanted))
        batches = [wanted[start : start + FETCH_BATCH] for start in range(0, len(wanted), FETCH_BATCH)]

        def fetch(b: int) -> tuple[list[tuple[int, bytes]], analysis_helper.Shared | None]:
            fetched = list(conn.fetch(folder, [r.key for r in batches[b]]))
            if self._helper is None or not self._helper.alive or outbound:
                return fetched, None
            return fetched, self._helper.share([raw for _, raw in fetched], users, self._known_employers(), self.pulse)

        coming = fetch(0) if batches else None
        for b in range(len(batches)):
            assert coming is not None
            fetched, shared = coming
            # with a helper, the next batch is handed over before this one is applied, so the
            # helper always has work while the runner applies
            helping = self._helper is not None and self._helper.alive
            coming = fetch(b + 1) if helping and b + 1 < len(batches) else None
            for i, (key, raw) in enumerate(fetched):
                ahead = (shared, i) if shared is not None else None
                self.process(raw, folder, validity, key, outbound, now, report, log_level=each, ahead=ahead)
                done += 1
            if coming is None and b + 1 < len(batches):
                coming = fetch(b + 1)
            if first_scan and done < len(wanted) and time.monotonic() - last >= PROGRESS_EVERY_S:
                last = time.monotonic()
                flog.info("first scan progress", analysed=done, to_analyse=len(wanted))
            if progress and len(wanted) > FETCH_BATCH:
                print(
                    f"\r{self.account.name}/{folder}: {done}/{len(wanted)} candidate messages", end="", file=sys.stderr
                )
        if progress and len(wanted) > FETCH_BATCH:
            print(file=sys.stderr)
        if first_scan and wanted:
            flog.info(
                "first scan done",
                analysed=done,
                skipped=len(skipped) + result.skipped,
                applications=len(self._app_map()),
                by_helper=self._helper.analysed if self._helper is not None else 0,
                seconds=round(time.monotonic() - started, 1),
            )
        self.store.set_cursor(self.account.name, folder, result.cursor)

    # ------------------------------------------------------------------ one message

    def process(
        self,
        raw: bytes,
        folder: str,
        validity: int,
        key: int,
        outbound: bool,
        now: datetime,
        report: PassReport,
        *,
        log_level: int | None = logging.INFO,
        ahead: tuple[analysis_helper.Shared, int] | None = None,
    ) -> None:
        """Analyse one message and apply it to its application. Never raises for bad mail.

        Its "message" line is logged at ``log_level`` (None: not at all), or at info when
        the message belongs to an application. ``ahead``: the batch handed to the analysis
        helper and this message's place in it.
        """
        acc = self.account.name
        try:
            mail = parse(raw)
            if mail.message_id and self.store.seen_message_id(mail.message_id):
                # the same message in another folder, or again after a validity reset
                self.store.mark_seen(
                    acc, folder, validity, key, message_id=None, category="duplicate", app_id=None, processed_at=now
                )
                return
            users = self.settings.user_addresses
            from_user = mail.from_ is not None and mail.from_.addr in users
            direction: tracker.Direction = "outbound" if outbound or from_user else "inbound"
            analysis = None
            if direction == "inbound":
                try:
                    known = self._known_employers()
                    with budget.limit(budget.ANALYSIS_BUDGET_S, pulse=self.pulse):
                        if ahead is not None:
                            analysis = ahead[0].take(ahead[1], mail, known)
                        if analysis is None:
                            analysis = analyze_mail(mail, users, known)
                except budget.TooCostly:
                    # marked seen, so neither the next pass nor a restart analyses it again
                    self.log.warning(
                        "skipped: too costly to analyse",
                        folder=folder,
                        key=key,
                        size=len(raw),
                        subject=mail.subject[:120],
                    )
                    self.store.mark_seen(
                        acc, folder, validity, key, message_id=None, category="skipped", app_id=None, processed_at=now
                    )
                    report.errors += 1
                    return
            actions: list[tracker.Action] = []
            with STATE_LOCK, self.store.transaction():
                app_id, actions = self._apply(mail, analysis, direction, now)
                self.store.mark_seen(
                    acc,
                    folder,
                    validity,
                    key,
                    message_id=mail.message_id,
                    category=analysis.category.value if analysis else "sent",
                    app_id=app_id,
                    processed_at=now,
                )
            report.analysed += 1
            level = logging.INFO if app_id is not None else log_level
            if level is not None:
                self._log_message(mail, analysis, direction, app_id, folder, level)
            self.carry_out(actions, now, report)
        except (ConnectionError, TimeoutError):
            raise
        except (sqlite3.Error, StateError):
            raise  # the state, not the message, is at fault: it must be read again later
        except Exception as exc:  # one bad message must never stop the loop
            report.errors += 1
            self.log.exception("message failed", folder=folder, key=key, error=f"{type(exc).__name__}: {exc}")
            try:
                self.store.mark_seen(
                    acc, folder, validity, key, message_id=None, category="error", app_id=None, processed_at=now
                )
            except sqlite3.Error:
                raise

    def _apply(
        self, mail: Mail, analysis: Analysis | None, direction: tracker.Direction, now: datetime
    ) -> tuple[str | None, list[tracker.Action]]:
        users = self.settings.user_addresses
        index = self._match_index()
        ident = None
        if analysis is not None:
            ident = tracker.Identity.of(employer(mail, analysis.classification, users))
        app = tracker.match(index, mail, analysis, users, employer=ident, direction=direction)
        new, actions = tracker.step(app, tracker.MailEvent(mail, analysis, direction, ident), self.settings, now)
        if new is not None:
            self._save(new)
            self.store.set_app_account(new.id, self.account.name)
            lt = new.latest
            if lt is not None and lt.recipient_note and lt.message_id == mail.message_id:
                self.log.warning("recipient", application=new.id, note=lt.recipient_note)
            return new.id, actions
        return (app.id if app else None), actions

    def _log_message(
        self,
        mail: Mail,
        analysis: Analysis | None,
        direction: str,
        app_id: str | None,
        folder: str,
        level: int = logging.INFO,
    ) -> None:
        c = analysis.classification if analysis else None
        iv = analysis.interview if analysis else None
        self.log.log(
            level,
            "message",
            folder=folder,
            direction=direction,
            category=c.category.value if c else "sent",
            company=c.company if c else None,
            application=app_id,
            interview=iv.start.isoformat() if iv and iv.start else None,
            subject=mail.subject[:120],
        )

    # ------------------------------------------------------------------ time passes

    def tick(self, now: datetime, report: PassReport) -> None:
        for app in self._applications():
            if self._owner(app.id) != self.account.name:
                continue
            _, actions = tracker.step(app, tracker.Tick(), self.settings, now)
            self.carry_out(actions, now, report)

    def _owner(self, app_id: str) -> str:
        owner = self.store.app_account(app_id)
        if owner is None:
            names = [a.name for a in self.settings.accounts]
            return names[0] if names else self.account.name
        return owner

    # ------------------------------------------------------------------ actions

    def carry_out(self, actions: list[tracker.Action], now: datetime, report: PassReport) -> None:
        for action in actions:
            with structlog.contextvars.bound_contextvars(application=action.app_id):
                try:
                    if isinstance(action, tracker.CreateDraft):
                        self.create_draft(action, now, report)
                    elif isinstance(action, tracker.RemoveDraft):
                        self.remove_draft(action, now, report)
                    elif isinstance(action, tracker.Notify):
                        report.actions.append(f"notify {action.app_id}: {action.text}")
                        if not self.dry_run:
                            self.store.queue_notice(action.app_id, action.text, now)
                except (ConnectionError, TimeoutError, sqlite3.Error):
                    raise
                except DuplicateEffectError as exc:  # the journal refused a second draft: that one only
                    report.errors += 1
                    self.log.error("action failed", action=type(action).__name__, error=str(exc))
                except StateError:
                    # the journal cannot be written: no later action could journal its effect either
                    raise
                except FollowupdError as exc:
                    report.errors += 1
                    self.log.error("action failed", action=type(action).__name__, error=str(exc))

    def _feed(self, app_id: str, outcome: tracker.DraftOutcome, now: datetime) -> list[tracker.Action]:
        app = self.store.get_application(app_id)
        if app is None:
            return []
        new, actions = tracker.step(app, outcome, self.settings, now)
        if new is not None:
            self._save(new)
        return actions

    def create_draft(self, action: tracker.CreateDraft, now: datetime, report: PassReport) -> None:
        slog = self.log.bind(application=action.app_id, stage=action.stage)
        app = self.store.get_application(action.app_id)
        stage = app.stage(action.draft_id) if app else None
        if app is None or stage is None:
            return
        if self.dry_run:
            raw = self._compose(app, stage, now)
            report.actions.append(f"create draft {action.draft_id} (due {action.due.isoformat()})")
            print(f"--- would create draft {action.draft_id} (due {action.due.isoformat()}) ---", file=self.out)
            print(readable(raw), file=self.out)
            return
        conn = self._conn()
        previous = self.store.effect(action.draft_id)
        if previous is not None and previous.status in ("appended", "present", "deleted"):
            # the journal says it is done: only the tracker's bookkeeping is behind
            self._with_outcome(action.app_id, tracker.DraftOutcome(action.draft_id, "present", at=now), now)
            return
        existing = conn.find_drafts(action.draft_id)
        if existing:
            self._adopt(action, existing[0].raw, existing[0].key, len(existing), now, slog)
            return
        raw = self._compose(app, stage, now)
        with STATE_LOCK:
            self._intent(action, "append", raw, now)
        crashpoint("after-intent")
        key = conn.append_draft(raw, action.draft_id)
        crashpoint("after-append")
        message_id = _header(raw, "Message-ID")
        with STATE_LOCK, self.store.transaction():
            self.store.record_outcome(action.draft_id, "appended", key, now)
            follow = self._feed(
                action.app_id, tracker.DraftOutcome(action.draft_id, "appended", message_id=message_id, at=now), now
            )
        crashpoint("after-outcome")
        report.drafts += 1
        report.actions.append(f"created draft {action.draft_id}")
        slog.info("draft created", draft_id=action.draft_id, due=action.due.isoformat(), key=key)
        self.carry_out(follow, now, report)

    def _adopt(
        self,
        action: tracker.CreateDraft,
        raw: bytes,
        key: int,
        count: int,
        now: datetime,
        slog: structlog.typing.FilteringBoundLogger,
    ) -> None:
        """Our draft is already in Drafts (a crash after APPEND): record it, never add another."""
        if count > 1:
            slog.error(
                "several drafts carry the same id; leaving them for you to resolve",
                draft_id=action.draft_id,
                count=count,
            )
        with STATE_LOCK, self.store.transaction():
            if self.store.effect(action.draft_id) is None:
                self._intent(action, "append", raw, now)
            self.store.record_outcome(action.draft_id, "present", key, now)
            self._feed(
                action.app_id,
                tracker.DraftOutcome(action.draft_id, "present", message_id=_header(raw, "Message-ID"), at=now),
                now,
            )
        slog.info("draft already present", draft_id=action.draft_id)

    def _intent(
        self, action: tracker.CreateDraft | tracker.RemoveDraft, kind: EffectKind, raw: bytes, now: datetime
    ) -> None:
        """Journal a mailbox change before making it (the store refuses a duplicate append)."""
        self.store.record_intent(
            action.draft_id, kind, self.account.name, raw, now, app_id=action.app_id, stage=action.stage
        )

    def _with_outcome(self, app_id: str, outcome: tracker.DraftOutcome, now: datetime) -> None:
        with STATE_LOCK, self.store.transaction():
            self._feed(app_id, outcome, now)

    def remove_draft(self, action: tracker.RemoveDraft, now: datetime, report: PassReport) -> None:
        slog = self.log.bind(application=action.app_id, stage=action.stage)
        effect = self.store.effect(action.draft_id)
        if self.dry_run:
            report.actions.append(f"remove stale draft {action.draft_id} if unchanged")
            print(f"--- would remove draft {action.draft_id} if it is still unchanged ---", file=self.out)
            return
        result: tracker.OutcomeResult = "kept"
        if effect is not None and effect.status in ("appended", "present") and effect.raw:
            conn = self._conn()
            with STATE_LOCK:
                self._intent(action, "remove", effect.raw, now)
            removed = False
            found_any = False
            for found in conn.find_drafts(action.draft_id):
                found_any = True
                # the connector compares bytes itself; a draft the user edited is left alone
                removed = conn.remove_draft(found.key, effect.raw) or removed
            result = "removed" if removed else "kept"
            gone = not found_any
            with STATE_LOCK, self.store.transaction():
                self.store.record_outcome(action.draft_id, result, None, now, kind="remove")
                self._feed(action.app_id, tracker.DraftOutcome(action.draft_id, result, at=now), now)
        else:
            gone = True
            self._with_outcome(action.app_id, tracker.DraftOutcome(action.draft_id, result, at=now), now)
        if gone:  # sent or deleted by the user: nothing was kept, there was nothing to remove
            report.actions.append(f"draft {action.draft_id} no longer in Drafts")
            slog.info("stale draft already gone from Drafts (sent or deleted)", draft_id=action.draft_id)
            return
        report.actions.append(f"{result} draft {action.draft_id}")
        slog.info(
            "stale draft " + ("removed" if result == "removed" else "kept: you edited it"), draft_id=action.draft_id
        )

    # ------------------------------------------------------------------ crash recovery

    def recover(self, now: datetime, report: PassReport) -> None:
        """Finish what a crash interrupted: an intent journalled but with no outcome."""
        if self.dry_run:
            return
        for effect in self.store.pending_effects():
            if effect.account != self.account.name or effect.kind != "append":
                continue
            conn = self._conn()
            found = conn.find_drafts(effect.draft_id)
            if found:
                with STATE_LOCK, self.store.transaction():
                    self.store.record_outcome(effect.draft_id, "present", found[0].key, now)
                    if effect.app_id:
                        self._feed(
                            effect.app_id,
                            tracker.DraftOutcome(
                                effect.draft_id, "present", message_id=_header(found[0].raw, "Message-ID"), at=now
                            ),
                            now,
                        )
                self.log.info("recovered draft found after a crash", draft_id=effect.draft_id)
                continue
            # The APPEND never reached the mailbox. Not redone here, before this pass has read
            # the new mail: the employer may have answered meanwhile. The stage is still pending
            # in the tracker, so the tick after the sync drafts it again if it is still due.
            with STATE_LOCK:
                self.store.record_outcome(effect.draft_id, "failed", None, now)
            self.log.info("draft not found after a crash; left to this pass's tick", draft_id=effect.draft_id)

    # ------------------------------------------------------------------ composing

    def _compose(self, app: tracker.Application, stage: tracker.StageRecord, now: datetime) -> bytes:
        return compose.render_bytes(compose.draft(self._context(app, stage), self.settings, now, self.templates))

    def sender_name(self) -> str:
        """The display name the user sends mail with, learned from the Sent folder; "" if not yet."""
        if self._sender is None:
            self._sender = self.store.get_meta(f"sender_name:{self.account.name}") or ""
        return self._sender

    def _remember_sender_name(self, name: str) -> None:
        with STATE_LOCK:
            self.store.set_meta(f"sender_name:{self.account.name}", name)
        self._sender = name
        self.log.info("drafts are signed with the name of your sent mail", user_name=name)

    def _signature_name(self) -> str:
        name = self.settings.daemon.user_name or self.sender_name()
        if not name:
            self.log.warning("draft signed without a name: set [daemon] user_name (none was found in your sent mail)")
        return name

    def _context(self, app: tracker.Application, stage: tracker.StageRecord) -> compose.DraftContext:
        from daemon.model import Address

        latest = app.latest
        recipient = Address(latest.reply_name, latest.reply_to) if latest and latest.reply_to else None
        iv = app.interview
        user_addr = self.account.addresses[0] if self.account.addresses else self.account.username
        start = iv.start if iv and iv.start else stage.due
        return compose.DraftContext(
            draft_id=stage.draft_id,
            stage=PlannedStage(stage=stage.stage, due=stage.due, kind=_kind(stage.kind)),
            user_name=self._signature_name(),
            user_addr=user_addr,
            recipient=recipient,
            interviewers=iv.interviewers if iv else (),
            company=app.company,
            role=app.role,
            round=iv.round if iv else None,
            interview_start=start,
            subject=(latest.subject if latest else "") or app.subject,
            in_reply_to=latest.message_id if latest else None,
            references=latest.references if latest else (),
            company_settings=self.settings.company(
                app.company, app.employer.domains[0] if app.employer.domains else None
            ),
            topics=iv.topics if iv else (),
            agency=app.agency,
            note_specific=app.notes.specific,
            note_question=app.notes.question,
            note_extra=app.notes.extra,
        )


def _kind(value: str) -> compose.Kind:
    if value in ("thank_you", "followup", "checkin"):
        return value  # type: ignore[return-value]
    return "followup"


def readable(raw: bytes) -> str:
    """A draft as a person reads it: decoded headers, then the body text."""
    import email
    import email.policy

    msg = email.message_from_bytes(raw, policy=email.policy.default)
    lines = [
        f"{k}: {v}"
        for k, v in msg.items()
        if k.lower() not in ("mime-version", "content-type", "content-transfer-encoding")
    ]
    body = msg.get_body(preferencelist=("plain",))
    text = body.get_content() if body is not None else ""
    return "\n".join(lines) + "\n\n" + str(text).rstrip() + "\n"


def _header(raw: bytes, name: str) -> str | None:
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    prefix = name.lower().encode() + b":"
    for line in head.splitlines():
        if line.lower().startswith(prefix):
            return line[len(prefix) :].strip().decode("ascii", "replace")
    return None


# ---------------------------------------------------------------------- config changes


def policy_fingerprint(settings: Settings) -> str:
    """What the planned stages depend on; a change means they must be re-planned."""
    import hashlib

    basis = repr((settings.policy, settings.companies, settings.daemon.timezone))
    return hashlib.sha256(basis.encode()).hexdigest()[:16]


def replan_if_policy_changed(store: Store, settings: Settings, now: datetime) -> int:
    """Re-plan pending stages when the policy differs from the one they were planned with."""
    fingerprint = policy_fingerprint(settings)
    previous = store.get_meta("policy")
    if previous == fingerprint:
        return 0
    changed = 0
    with STATE_LOCK, store.transaction():
        if previous is not None:
            for app in store.load_applications():
                new, _ = tracker.step(app, tracker.ConfigChanged(), settings, now)
                if new is not None and new != app:
                    store.save_application(new)
                    changed += 1
        store.set_meta("policy", fingerprint)
    if changed:
        log.info("policy changed; pending follow-ups re-planned", applications=changed)
    return changed


# ---------------------------------------------------------------------- run --once


def parse_now(value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UserError(f"--now: {value!r} is not an ISO 8601 date and time (e.g. 2026-03-05T09:30:00-05:00)") from exc
    if moment.tzinfo is None:
        raise UserError(f"--now: {value!r} has no UTC offset (add e.g. -05:00 or Z)")
    return moment


@contextmanager
def open_store(settings: Settings, dry_run: bool) -> Iterator[Store]:
    """The state DB, with the writer lock; for a dry run, a throwaway copy and no lock."""
    from daemon.paths import db_path

    path = db_path(settings)
    if not dry_run:
        with WriterLock.acquire(path.parent, "run --once"):
            store = Store.open(path)
            try:
                yield store
            finally:
                store.close()
        return
    refuse_truncated(path)  # judged on the real file: the copy would be named in the error
    with tempfile.TemporaryDirectory(prefix="followupd-dry-run-") as tmp:
        copy = Path(tmp) / "state.sqlite"
        if path.exists():
            copy_live_database(path, copy)
        store = Store.open(copy)
        try:
            yield store
        finally:
            store.close()


def copy_live_database(path: Path, copy: Path) -> None:
    """A consistent copy of the state database, which a daemon may be writing right now.

    Only through SQLite (its backup API), never by copying the file: that would miss the
    WAL, and opening and closing the file in this process would drop its SQLite locks.
    The source connection is read-only by ``query_only`` rather than ``mode=ro``: as the
    last connection, SQLite itself then removes the -wal/-shm files it made, where a
    ``mode=ro`` one would leave them behind in the user's state directory.
    """
    try:
        src = sqlite3.connect(f"file:{urllib.parse.quote(str(path.absolute()))}?mode=rw", uri=True, timeout=10.0)
    except sqlite3.Error as exc:
        raise StateError(f"{path}: cannot open the state database: {exc}") from exc
    try:
        dst = sqlite3.connect(copy)
        try:
            src.execute("PRAGMA query_only = ON")
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.DatabaseError as exc:
        raise StateError(f"{path}: cannot read the state database: {exc}") from exc
    finally:
        src.close()


def run_once(
    settings: Settings,
    now: datetime,
    *,
    dry_run: bool = False,
    connector_factory: ConnectorFactory = default_connector,
    out: TextIO | None = None,
    progress: bool = False,
) -> list[PassReport]:
    """One full pass over every account. An account that fails is reported, not fatal."""
    if not settings.accounts:
        raise UserError("no [[accounts]] configured: nothing to watch", where=str(settings.source or "config"))
    reports: list[PassReport] = []
    templates = compose.load_templates(settings)
    with open_store(settings, dry_run) as store:
        replan_if_policy_changed(store, settings, now)
        for account in settings.accounts:
            runner = AccountRunner(
                account,
                settings,
                store,
                connector_factory=connector_factory,
                dry_run=dry_run,
                out=out,
                templates=templates,
            )
            with structlog.contextvars.bound_contextvars(account=account.name):
                try:
                    report = runner.run_pass(now, progress=progress)
                except StateError:
                    raise  # the state is shared: every account would fail the same way
                except (ConnectionError, TimeoutError, FollowupdError) as exc:
                    report = PassReport(account.name, errors=1, failure=str(exc) or type(exc).__name__)
                    log.error("account failed", account=account.name, error=f"{type(exc).__name__}: {exc}")
                finally:
                    runner.close()
            log.info("pass", account=account.name, summary=report.summary())
            reports.append(report)
        if settings.notify.enabled and not dry_run:
            try:
                password = notify_password(settings)
            except FollowupdError as exc:
                log.error("notify: no password", error=str(exc))
            else:
                deliver_notices(store, settings, now, lambda n: send_now(settings, password, n, now))
    return reports


__all__ = ["AccountRunner", "PassReport", "run_once"]


# ---------------------------------------------------------------------- notifications


def notify_password(settings: Settings) -> str | None:
    """[notify]'s SMTP secret: its password, or with ``oauth2_account`` a current access token."""
    if settings.notify.oauth2_account is not None:
        from connectors.oauth2 import session_for

        account = next(a for a in settings.accounts if a.name == settings.notify.oauth2_account)
        return session_for(account, settings).token()
    source = settings.notify.password
    if source.kind == "none" or not settings.notify.username:
        return None
    from connectors.credentials import get_password

    return get_password("notify", source, settings.notify.username, timeout=settings.notify.timeout_seconds)


def deliver_notices(store: Store, settings: Settings, now: datetime, send: Callable[[Notice], bool]) -> int:
    """Hand queued tracker notices to ``send``; each one sent is marked so, once."""
    from datetime import date as _date
    from zoneinfo import ZoneInfo

    from daemon.service.notify import from_queue

    if not settings.notify.enabled:
        return 0
    rows = store.unsent_notices()
    if not rows:
        return 0
    local = now.astimezone(ZoneInfo(settings.daemon.timezone))
    last = store.get_meta("last_digest")
    notices = from_queue([r.text for r in rows], settings.notify, local, _date.fromisoformat(last) if last else None)
    sent = 0
    if settings.notify.mode == "each":
        for row, notice in zip(rows, notices, strict=True):
            if send(notice):
                with store.transaction(durable=True):  # a lost mark would mail it again
                    store.mark_notices_sent([row.id], now)
                sent += 1
        return sent
    if notices and send(notices[0]):
        with store.transaction(durable=True):
            store.mark_notices_sent([r.id for r in rows], now)
            store.set_meta("last_digest", local.date().isoformat())
        sent = 1
    return sent


def send_now(settings: Settings, password: str | None, notice: Notice, now: datetime) -> bool:
    """One synchronous submission (run --once); a failure is logged and retried next run."""
    import asyncio

    from daemon.service.notify import build_message, send

    try:
        asyncio.run(send(settings.notify, password, build_message(settings.notify, notice, now)))
    except Exception as exc:  # any SMTP or network failure: the notice stays queued
        log.warning("notify failed; will retry on the next run", error=f"{type(exc).__name__}: {exc}")
        return False
    log.info("notify sent", subject=notice.subject)
    return True
