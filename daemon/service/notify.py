"""Tell the user by email that a follow-up draft is waiting (optional ``[notify]``).

Sending happens on a background thread with its own event loop, so a slow or dead
SMTP server never blocks the mailbox loop; failed sends are retried with backoff.
"""

from __future__ import annotations

import asyncio
import queue
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import structlog

from daemon.settings import NotifySettings

log = structlog.get_logger("followupd.notify")


@dataclass(frozen=True)
class Notice:
    subject: str
    body: str


def draft_notice(company: str | None, role: str | None, stage: str, due: datetime) -> Notice:
    who = " — ".join(x for x in (company, role) if x) or "an application"
    return Notice(
        subject=f"followupd: a follow-up draft for {who} is waiting in Drafts",
        body=(
            f"A follow-up draft for {who} ({stage}) is waiting in your Drafts folder.\n"
            f"It fell due {due.strftime('%A %d %B %Y at %H:%M %Z').strip()}.\n\n"
            "Review it, adjust anything you like, and send it from your mail client.\n"
        ),
    )


def digest(notices: list[Notice]) -> Notice:
    lines = [f"- {n.subject.removeprefix('followupd: ')}" for n in notices]
    return Notice(
        subject=f"followupd: {len(notices)} follow-up draft(s) waiting in Drafts",
        body="Waiting in your Drafts folder:\n\n" + "\n".join(lines) + "\n",
    )


def build_message(settings: NotifySettings, notice: Notice, now: datetime) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = settings.from_addr or settings.to_addr
    msg["To"] = settings.to_addr
    msg["Subject"] = notice.subject
    msg["Date"] = format_datetime(now)
    domain = (settings.from_addr or settings.to_addr).rpartition("@")[2] or None
    msg["Message-ID"] = make_msgid("followupd-notify", domain=domain)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(notice.body)
    return msg


def tls_context(cafile: str | None = None) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=cafile)


async def send(
    settings: NotifySettings, password: str | None, msg: EmailMessage, context: ssl.SSLContext | None = None
) -> None:
    """One SMTP submission. TLS is implicit on "tls", upgraded on "starttls"."""
    import aiosmtplib

    ctx = context or tls_context()
    if settings.oauth2_account is not None:
        # ``password`` is the account's current access token (runner.notify_password)
        smtp = aiosmtplib.SMTP(
            hostname=settings.host,
            port=settings.port,
            use_tls=settings.security == "tls",
            start_tls=settings.security == "starttls",
            tls_context=ctx if settings.security != "plain" else None,
            timeout=settings.timeout_seconds,
        )
        async with smtp:
            await smtp.auth_xoauth2(settings.username, password or "")
            await smtp.send_message(msg)
        return
    await aiosmtplib.send(
        msg,
        hostname=settings.host,
        port=settings.port,
        username=settings.username or None,
        password=password if settings.username else None,
        use_tls=settings.security == "tls",
        start_tls=True if settings.security == "starttls" else False,
        tls_context=ctx if settings.security != "plain" else None,
        timeout=settings.timeout_seconds,
    )


class Outbox:
    """Queue notices and send them in the background, retrying with backoff."""

    def __init__(
        self,
        settings: NotifySettings,
        password: Callable[[], str | None],
        *,
        context: ssl.SSLContext | None = None,
        max_attempts: int = 6,
        base_delay: float = 2.0,
        max_delay: float = 600.0,
    ) -> None:
        self.settings = settings
        self._password = password
        self._context = context
        self._max_attempts = max_attempts
        self._base_delay = base_delay
        self._max_delay = max_delay
        self._queue: queue.Queue[tuple[Notice, datetime] | None] = queue.Queue()
        self._digest: list[Notice] = []
        self._digest_sent_on: date | None = None
        self._thread: threading.Thread | None = None
        self.sent = 0
        self.failed = 0

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="followupd-notify", daemon=True)
            self._thread.start()

    def put(self, notice: Notice, now: datetime) -> None:
        if not self.settings.enabled:
            return
        if self.settings.mode == "digest":
            self._digest.append(notice)
            return
        self.start()
        self._queue.put((notice, now))

    def tick(self, now: datetime) -> None:
        """Send the daily digest once ``now`` has passed ``digest_time``."""
        if self.settings.mode != "digest" or not self._digest:
            return
        if now.timetz().replace(tzinfo=None) < self.settings.digest_time or self._digest_sent_on == now.date():
            return
        batch, self._digest = self._digest, []
        self._digest_sent_on = now.date()
        self.start()
        self._queue.put((digest(batch), now))

    def close(self, timeout: float = 5.0) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        try:
            while True:
                item = self._queue.get()
                if item is None:
                    return
                notice, now = item
                loop.run_until_complete(self._deliver(notice, now))
        finally:
            loop.close()

    async def _deliver(self, notice: Notice, now: datetime) -> None:
        msg = build_message(self.settings, notice, now)
        delay = self._base_delay
        for attempt in range(1, self._max_attempts + 1):
            try:
                await send(self.settings, self._password(), msg, self._context)
            except Exception as exc:  # every SMTP/network failure is retried the same way
                log.warning("notify failed", attempt=attempt, error=f"{type(exc).__name__}: {exc}")
                if attempt == self._max_attempts:
                    self.failed += 1
                    log.error("notify gave up", subject=notice.subject, attempts=attempt)
                    return
                await asyncio.sleep(delay)
                delay = min(delay * 2, self._max_delay)
            else:
                self.sent += 1
                log.info("notify sent", subject=notice.subject, to=self.settings.to_addr)
                return


# ---------------------------------------------------------------------- from the store's queue


def from_queue(
    texts: list[str], settings: NotifySettings, local_now: datetime, last_digest: date | None
) -> list[Notice]:
    """The notices to send now for queued tracker texts (pure).

    "each" sends every text as it comes; "digest" sends them together once a day, after
    ``digest_time`` in the user's zone (``local_now`` is already in it).
    """
    if not texts or not settings.enabled:
        return []
    if settings.mode == "each":
        return [Notice(subject=f"followupd: {t}", body=f"{t}\n\nfollowupd\n") for t in texts]
    if local_now.timetz().replace(tzinfo=None) < settings.digest_time or last_digest == local_now.date():
        return []
    return [
        Notice(
            subject=f"followupd: {len(texts)} update(s) on your applications",
            body="Since the last digest:\n\n" + "\n".join(f"- {t}" for t in texts) + "\n",
        )
    ]
