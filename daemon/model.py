"""Plain data passed between the pure core modules.

Everything here is immutable and holds aware datetimes only, so the core can be
driven from ``.eml`` bytes and a ``now`` without touching the clock or the disk.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

#: the header that marks a draft as ours and is its idempotency key (DESIGN §3 "Drafts")
DRAFT_ID_HEADER = "X-Followupd-Id"

Round = Literal["first", "final"]
TimeSource = Literal["ics", "text", "subject"]


class Category(StrEnum):
    INVITATION = "invitation"
    RESCHEDULE = "reschedule"
    CANCELLATION = "cancellation"
    REJECTION = "rejection"
    OFFER = "offer"
    EMPLOYER_REPLY = "employer_reply"
    AUTO_REPLY = "auto_reply"
    OTHER = "other"


#: Categories that carry an interview time.
SCHEDULING = frozenset({Category.INVITATION, Category.RESCHEDULE, Category.CANCELLATION})


@dataclass(frozen=True)
class Address:
    name: str
    addr: str  # lower-cased addr-spec, "" when unparseable

    @property
    def domain(self) -> str:
        return self.addr.rpartition("@")[2] if "@" in self.addr else ""

    def __str__(self) -> str:
        return f"{self.name} <{self.addr}>" if self.name else self.addr


@dataclass(frozen=True)
class CalendarEvent:
    """One VEVENT from a text/calendar part or an .ics attachment."""

    method: str | None  # the VCALENDAR's METHOD (REQUEST, CANCEL, PUBLISH…), upper-cased
    uid: str | None
    sequence: int
    status: str | None  # CONFIRMED, CANCELLED, TENTATIVE…, upper-cased
    start: datetime | None  # aware; all-day events start at local midnight of the Date zone
    end: datetime | None
    all_day: bool
    timezone: str | None  # IANA key when known ("America/Chicago", "UTC")
    organizer: Address | None
    attendees: tuple[Address, ...]
    summary: str
    location: str
    description: str
    #: the first occurrences of a recurring event (bounded expansion), else just ``start``
    occurrences: tuple[datetime, ...] = ()


@dataclass(frozen=True)
class Mail:
    """A parsed message: what the core needs, decoded and bounded."""

    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str
    from_: Address | None
    reply_to: tuple[Address, ...]
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    sender: Address | None
    date: datetime | None  # aware; a Date without zone is read as UTC
    headers: Mapping[str, tuple[str, ...]]  # lower-cased names -> decoded values
    #: the message's own new text (plain, or HTML rendered as text), without quoted
    #: earlier messages and without the signature
    text: str
    signature: str
    quoted: str  # quoted earlier messages, attribution lines included
    text_from_html: bool
    calendars: tuple[CalendarEvent, ...]
    attachments: tuple[str, ...]  # file names
    defects: tuple[str, ...]
    size: int
    #: the body of a message forwarded inline (Gmail, Apple, Outlook "Fw:"), without its
    #: header block and its own quotes; it is in ``quoted`` too
    forwarded: str = ""
    #: the forwarded message's author (lower case) and subject, from its header block
    forwarded_from: str = ""
    forwarded_subject: str = ""

    def header(self, name: str) -> str | None:
        values = self.headers.get(name.lower())
        return values[0] if values else None

    @property
    def full_text(self) -> str:
        return "\n".join(p for p in (self.text, self.signature, self.quoted) if p)


@dataclass(frozen=True)
class InterviewTime:
    start: datetime | None
    end: datetime | None
    timezone: str | None  # IANA key when known, else None
    slots: tuple[datetime, ...] = ()
    source: TimeSource = "text"

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "timezone": self.timezone,
            "slots": [s.isoformat() for s in self.slots],
            "source": self.source,
        }


@dataclass(frozen=True)
class Classification:
    category: Category
    confidence: float
    reasons: tuple[str, ...]
    company: str | None = None
    role: str | None = None
    round: Round | None = None
    interviewers: tuple[str, ...] = ()
    #: for auto_reply: the stated return date
    return_date: date | None = None


@dataclass(frozen=True)
class People:
    """Who is who in an invitation (``daemon.understand.people``)."""

    interviewers: tuple[str, ...] = ()
    contact: Address | None = None  # the person who wrote (Reply-To first)
    topics: tuple[str, ...] = ()  # short phrases the interview is said to cover
    agency: str | None = None  # the recruiting agency, when one wrote for a client

    def to_json(self) -> dict[str, Any]:
        return {
            "interviewers": list(self.interviewers),
            "contact": str(self.contact) if self.contact is not None else None,
            "topics": list(self.topics),
            "agency": self.agency,
        }


@dataclass(frozen=True)
class Analysis:
    """What ``explain`` reports for one message: its classification and interview time."""

    classification: Classification
    interview: InterviewTime | None
    extra_reasons: tuple[str, ...] = field(default=())
    people: People = field(default_factory=People)

    @property
    def category(self) -> Category:
        return self.classification.category

    def to_json(self, file: str) -> dict[str, Any]:
        c = self.classification
        out: dict[str, Any] = {
            "file": file,
            "category": c.category.value,
            "confidence": round(c.confidence, 2),
            "interview": self.interview.to_json() if self.interview else None,
            "company": c.company,
            "role": c.role,
            "round": c.round,
            "reasons": list(c.reasons) + list(self.extra_reasons),
        }
        out.update(self.people.to_json())
        if c.interviewers and not self.people.interviewers:
            out["interviewers"] = list(c.interviewers)
        if c.return_date:
            out["return_date"] = c.return_date.isoformat()
        return out


@dataclass(frozen=True)
class PlannedStage:
    """One follow-up stage the policy has scheduled."""

    stage: str  # "thank-you", "followup-1", "followup-2", …
    due: datetime  # aware, in the user's zone
    kind: Literal["thank_you", "followup", "checkin"] = "followup"
    business_days: int = 0  # the N used, for explaining the choice
    reasons: tuple[str, ...] = ()
