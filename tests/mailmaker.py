"""One plain-text message built from a few fields, and what classify makes of it: the
fixture the classification tests share (each test writes its own wording)."""

from __future__ import annotations

import hashlib

from daemon.understand.analyze import analyze

CANDIDATE = "Sam Candidate <sam.candidate@mailbox.test>"


def mail(
    sender: str,
    subject: str,
    body: str,
    *,
    reply: bool = False,
    to: str = "",
    headers: str = "",
    date: str = "Mon, 09 Mar 2026 10:15:00 +0000",
) -> bytes:
    digest = hashlib.sha256((subject + body).encode()).hexdigest()[:16]
    head = (
        f"From: {sender}\r\nTo: {to or CANDIDATE}\r\nSubject: {subject}\r\nDate: {date}\r\n"
        f"Message-ID: <m-{digest}@test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
    )
    if reply:
        head += "In-Reply-To: <earlier-1@test>\r\nReferences: <earlier-1@test>\r\n"
    head += headers
    return (head + "\r\n" + body.replace("\n", "\r\n")).encode()


def category(raw: bytes) -> tuple[str, tuple[str, ...]]:
    c = analyze(raw).classification
    return c.category.value, c.reasons


def start(raw: bytes) -> str | None:
    """The interview start analyze reads, as an ISO string (None: no definite start)."""
    a = analyze(raw)
    return a.interview.start.isoformat() if a.interview and a.interview.start else None
