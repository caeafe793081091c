"""Realistic invitations for the letter tests (``test_letter.py``, ``test_letters_e2e.py``).

Each thread is one way hiring mail really arrives: a coordinator scheduling a panel, an
agency recruiter writing for a client, an interviewer who writes herself, a calendar
invite whose attendees are the panel, an invitation that says nothing of the topics, and
one for which the user keeps sloppy notes. Every builder returns raw bytes (CRLF).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from zoneinfo import ZoneInfo

ET = ZoneInfo("America/New_York")
USER_NAME = "Jordan Lee"
USER_ADDR = "jordan.lee@example.net"


@dataclass(frozen=True)
class Thread:
    key: str
    company: str  # the hiring company (the client, for an agency)
    role: str
    sender_name: str
    sender_addr: str
    subject: str
    body: str
    start: datetime
    sent: datetime
    #: what the letter must say and must not
    interviewers: tuple[str, ...]
    contact_interviews: bool
    topics: tuple[str, ...]
    agency: str | None = None
    attendees: tuple[tuple[str, str], ...] = ()  # (name, addr) besides the user, for the .ics
    organizer: tuple[str, str] | None = None
    minutes: int = 60
    reply_to: str | None = None
    extra_headers: dict[str, str] = field(default_factory=dict)

    @property
    def domain(self) -> str:
        return self.sender_addr.rpartition("@")[2]

    @property
    def message_id(self) -> str:
        return f"<{self.key}-invite@{self.domain}>"


def _when(t: datetime) -> str:
    local = t.astimezone(ET)
    hour = local.hour % 12 or 12
    return f"{local:%A}, {local:%B} {local.day} at {hour}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'} ET"


def threads() -> list[Thread]:
    tue = datetime(2026, 4, 14, 14, 0, tzinfo=ET)
    wed = datetime(2026, 4, 15, 10, 0, tzinfo=ET)
    thu = datetime(2026, 4, 16, 11, 0, tzinfo=ET)
    mon = datetime(2026, 4, 13, 15, 0, tzinfo=ET)
    sent = datetime(2026, 4, 8, 10, 12, tzinfo=ET)
    return [
        Thread(
            key="panel",
            company="Lumen Health",
            role="Backend Engineer",
            sender_name="Priya Shah",
            sender_addr="priya.shah@lumenhealth.example",
            subject="Interview confirmation: Backend Engineer at Lumen Health",
            body=(
                "Hi Jordan,\n\n"
                "Thank you for your interest in the Backend Engineer position at Lumen Health. I'm happy to\n"
                f"confirm your technical interview on {_when(tue)} (60 minutes, video call).\n\n"
                "You'll meet with Mira Patel (Engineering Manager) and Joel Okafor (Staff Engineer).\n"
                "The interview will cover the design of our claims pipeline, your experience with\n"
                "event-driven systems, and how you approach testing.\n\n"
                "The video link is in the calendar invitation. Let me know if you need anything.\n\n"
                "Best,\nPriya\n\n"
                "--\nPriya Shah\nRecruiting Coordinator, Lumen Health\n"
            ),
            start=tue,
            sent=sent,
            interviewers=("Mira Patel", "Joel Okafor"),
            contact_interviews=False,
            topics=("the design of our claims pipeline", "your experience with event-driven systems"),
        ),
        Thread(
            key="agency",
            company="Halcyon Robotics",
            role="Senior Data Engineer",
            sender_name="Sam Reed",
            sender_addr="sam.reed@talentbridge-partners.example",
            subject="Interview with Halcyon Robotics - Senior Data Engineer",
            body=(
                "Hi Jordan,\n\n"
                "Great news: my client, Halcyon Robotics, would like to invite you to a first-round\n"
                f"interview for the Senior Data Engineer role on {_when(wed)}, by video.\n\n"
                "You'll speak with Ana Ruiz, their Head of Data. Ana would like to discuss the\n"
                "telemetry platform roadmap and your work on streaming ingestion.\n\n"
                "Give me a call afterwards and let me know how it went!\n\n"
                "Cheers,\nSam\n\n"
                "--\nSam Reed\nSenior Consultant | TalentBridge Partners\n+1 555 0100\n"
            ),
            start=wed,
            sent=sent + timedelta(hours=3),
            interviewers=("Ana Ruiz",),
            contact_interviews=False,
            topics=("the telemetry platform roadmap", "your work on streaming ingestion"),
            agency="TalentBridge Partners",
        ),
        Thread(
            key="self",
            company="Quillon",
            role="Site Reliability Engineer",
            sender_name="Tom Becker",
            sender_addr="tom.becker@quillon.example",
            subject="Final round: Site Reliability Engineer at Quillon",
            body=(
                "Hi Jordan,\n\n"
                "I'm the engineering manager for the SRE team at Quillon, and I'd like to speak with you\n"
                f"for the final round of the Site Reliability Engineer process on {_when(thu)}.\n"
                "We'll talk about incident response at scale and how you think about observability.\n\n"
                "Here is the video link: https://meet.quillon.example/tom-becker\n\n"
                "Looking forward to it,\nTom\n\n"
                "--\nTom Becker\nEngineering Manager, Quillon\n"
            ),
            start=thu,
            sent=sent + timedelta(days=1),
            interviewers=("Tom Becker",),
            contact_interviews=True,
            topics=("incident response at scale", "how you think about observability"),
        ),
        Thread(
            key="ics",
            company="Orbital Freight",
            role="Platform Engineer",
            sender_name="Grace Lin",
            sender_addr="grace.lin@orbitalfreight.example",
            subject="Invitation: Platform Engineer interview at Orbital Freight",
            body=(
                "Hi Jordan,\n\n"
                "Please find attached the calendar invitation for your interview for the Platform\n"
                f"Engineer role at Orbital Freight on {_when(mon)}. The session will focus on\n"
                "infrastructure as code.\n\n"
                "Accept the invitation and you are all set.\n\n"
                "Kind regards,\nGrace Lin\nTalent Acquisition Coordinator | Orbital Freight\n"
            ),
            start=mon,
            sent=sent - timedelta(days=1),
            interviewers=("Nadia Karim", "Luis Romero"),
            contact_interviews=False,
            topics=("infrastructure as code",),
            attendees=(
                ("Nadia Karim", "nadia.karim@orbitalfreight.example"),
                ("Luis Romero", "luis.romero@orbitalfreight.example"),
                ("Room 4B", "room-4b@resource.orbitalfreight.example"),
            ),
            organizer=("Grace Lin", "grace.lin@orbitalfreight.example"),
        ),
        Thread(
            key="bare",
            company="Fernwood Bank",
            role="Software Engineer",
            sender_name="Ellen Park",
            sender_addr="ellen.park@fernwoodbank.example",
            subject="Interview: Software Engineer at Fernwood Bank",
            body=(
                "Hi Jordan,\n\n"
                f"Confirming your interview for the Software Engineer role on {_when(tue)}.\n"
                "I'll call you on the number on your application.\n\n"
                "Thanks,\nEllen\n"
            ),
            start=tue,
            sent=sent + timedelta(hours=5),
            interviewers=(),
            contact_interviews=False,
            topics=(),
        ),
        Thread(
            key="notes",
            company="Corvid Labs",
            role="Staff Engineer",
            sender_name="Ravi Menon",
            sender_addr="ravi.menon@corvidlabs.example",
            subject="Interview confirmation: Staff Engineer at Corvid Labs",
            body=(
                "Hi Jordan,\n\n"
                f"Thanks for making time for us. Confirming your interview on {_when(wed)} with\n"
                "Lena Fischer, our CTO.\n\n"
                "Best regards,\nRavi Menon\nRecruiter, Corvid Labs\n"
            ),
            start=wed,
            sent=sent + timedelta(hours=1),
            interviewers=("Lena Fischer",),
            contact_interviews=False,
            topics=(),
        ),
    ]


NOTES = {
    # the user's notes as people type them
    "specific": "The migration to event sourcing.",
    "question": "how the team splits on-call between services",
    "extra": "A short write-up of the caching design.",
}


def _ics(t: Thread, users: tuple[str, str]) -> bytes:
    def local(moment: datetime) -> str:
        return f"{moment.astimezone(ET):%Y%m%dT%H%M%S}"

    end = t.start + timedelta(minutes=t.minutes)
    org = t.organizer or (t.sender_name, t.sender_addr)
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Example//Scheduler//EN",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{t.key}-event@{t.domain}",
        "DTSTAMP:20260401T120000Z",
        f"DTSTART;TZID=America/New_York:{local(t.start)}",
        f"DTEND;TZID=America/New_York:{local(end)}",
        f"SUMMARY:Interview: {t.role} ({t.company})",
        f"ORGANIZER;CN={org[0]}:mailto:{org[1]}",
        f"ATTENDEE;CN={users[0]};ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{users[1]}",
        *(f"ATTENDEE;CN={n};ROLE=REQ-PARTICIPANT:mailto:{a}" for n, a in t.attendees),
        "SEQUENCE:0",
        "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    return "\r\n".join(lines).encode()


def invitation(t: Thread, user_name: str = USER_NAME, user_addr: str = USER_ADDR) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"{t.sender_name} <{t.sender_addr}>"
    msg["To"] = f"{user_name} <{user_addr}>"
    if t.reply_to:
        msg["Reply-To"] = t.reply_to
    msg["Subject"] = t.subject
    msg["Date"] = format_datetime(t.sent)
    msg["Message-ID"] = t.message_id
    for k, v in t.extra_headers.items():
        msg[k] = v
    msg.set_content(t.body)
    if t.attendees or t.organizer:
        msg.add_attachment(
            _ics(t, (user_name, user_addr)),
            maintype="text",
            subtype="calendar",
            filename="invite.ics",
            params={"method": "REQUEST"},
        )
    return msg.as_bytes(policy=SMTP)
