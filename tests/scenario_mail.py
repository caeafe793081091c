"""Realistic .eml bytes for the end-to-end stories in ``test_scenarios.py``.

One hiring conversation between a candidate (the user) and one recruiter, written the
way such mail usually reads. Every builder returns the raw bytes a mail server would
store, with CRLF line ends, so the stories can APPEND them as "the world".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from zoneinfo import ZoneInfo

ET = ZoneInfo("America/New_York")


@dataclass(frozen=True)
class Cast:
    """Who writes to whom, and what about."""

    company: str = "Northwind Analytics"
    domain: str = "northwind-analytics.example"
    role: str = "Data Engineer"
    recruiter_name: str = "Dana Whitfield"
    recruiter_local: str = "dana.whitfield"
    interviewer: str = "Priya Raman"
    user_name: str = "Jordan Lee"
    user_addr: str = "jordan.lee@example.net"

    @property
    def recruiter(self) -> str:
        return f"{self.recruiter_local}@{self.domain}"

    def mid(self, tag: str) -> str:
        return f"<{tag}@{self.domain}>"

    @property
    def invite_subject(self) -> str:
        return f"Interview confirmation: {self.role} at {self.company}"


def _long_date(moment: datetime) -> str:
    local = moment.astimezone(ET)
    return f"{local:%A}, {local:%B} {local.day}, {local.year}"


def _clock(moment: datetime) -> str:
    local = moment.astimezone(ET)
    hour = local.hour % 12 or 12
    suffix = "AM" if local.hour < 12 else "PM"
    return f"{hour}:{local.minute:02d} {suffix}"


def _message(
    *,
    sender: str,
    to: str,
    subject: str,
    sent: datetime,
    message_id: str,
    body: str,
    in_reply_to: str | None = None,
    references: tuple[str, ...] = (),
    extra: dict[str, str] | None = None,
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    if references:
        msg["References"] = " ".join(references)
    for name, value in (extra or {}).items():
        msg[name] = value
    msg.set_content(body)
    return msg


def _bytes(msg: EmailMessage) -> bytes:
    return msg.as_bytes(policy=SMTP)


def _ics(cast: Cast, start: datetime, end: datetime, *, uid: str, sequence: int, method: str, status: str) -> bytes:
    stamp = "20260401T120000Z"

    def local(moment: datetime) -> str:
        return f"{moment.astimezone(ET):%Y%m%dT%H%M%S}"

    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Northwind Recruiting//Scheduler//EN",
        "VERSION:2.0",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;TZID=America/New_York:{local(start)}",
        f"DTEND;TZID=America/New_York:{local(end)}",
        f"SUMMARY:Interview: {cast.role} ({cast.company})",
        "LOCATION:Video call (link below)",
        f"ORGANIZER;CN={cast.recruiter_name}:mailto:{cast.recruiter}",
        f"ATTENDEE;CN={cast.user_name};ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{cast.user_addr}",
        f"SEQUENCE:{sequence}",
        f"STATUS:{status}",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    return "\r\n".join(lines).encode()


def invitation(cast: Cast, start: datetime, *, sent: datetime, ics: bool, tag: str = "invite-1") -> bytes:
    """The recruiter confirms an interview at ``start`` (one hour), optionally with an .ics."""
    end = start + timedelta(hours=1)
    body = (
        f"Hi {cast.user_name.split()[0]},\n\n"
        f"Thank you for your interest in the {cast.role} position at {cast.company}. "
        "I'm glad to confirm your interview with our data platform team:\n\n"
        f"  When:  {_long_date(start)}, {_clock(start)} - {_clock(end)} Eastern Time\n"
        "  Where: video call (the link is in the calendar invitation)\n"
        f"  With:  {cast.interviewer}, Engineering Manager\n\n"
        "Plan on talking through a pipeline you have built and a short design exercise.\n"
        "Let me know if anything comes up.\n\n"
        f"Best regards,\n{cast.recruiter_name.split()[0]}\n\n"
        f"--\n{cast.recruiter_name}\nTalent Acquisition, {cast.company}\n"
    )
    msg = _message(
        sender=f"{cast.recruiter_name} <{cast.recruiter}>",
        to=f"{cast.user_name} <{cast.user_addr}>",
        subject=cast.invite_subject,
        sent=sent,
        message_id=cast.mid(tag),
        body=body,
    )
    if ics:
        msg.add_attachment(
            _ics(cast, start, end, uid=f"{tag}-event@{cast.domain}", sequence=0, method="REQUEST", status="CONFIRMED"),
            maintype="text",
            subtype="calendar",
            filename="invite.ics",
            params={"method": "REQUEST"},
        )
    return _bytes(msg)


def reschedule(cast: Cast, old: datetime, new: datetime, *, sent: datetime, thread: str = "invite-1") -> bytes:
    """The interview moves from ``old`` to ``new`` (same length), in the invitation's thread."""
    end = new + timedelta(hours=1)
    body = (
        f"Hi {cast.user_name.split()[0]},\n\n"
        f"Unfortunately {cast.interviewer} has a conflict on {_long_date(old)}, so we need to "
        "reschedule your interview. "
        f"The new time is {_long_date(new)}, {_clock(new)} - {_clock(end)} Eastern Time, "
        "same video link as before.\n\n"
        "Sorry for the change, and thanks for being flexible.\n\n"
        f"Best,\n{cast.recruiter_name.split()[0]}\n"
    )
    return _bytes(
        _message(
            sender=f"{cast.recruiter_name} <{cast.recruiter}>",
            to=f"{cast.user_name} <{cast.user_addr}>",
            subject=f"Rescheduled: {cast.role} interview at {cast.company}",
            sent=sent,
            message_id=cast.mid("reschedule-1"),
            body=body,
            in_reply_to=cast.mid(thread),
            references=(cast.mid(thread),),
        )
    )


def cancellation(cast: Cast, start: datetime, *, sent: datetime, thread: str = "invite-1") -> bytes:
    body = (
        f"Hi {cast.user_name.split()[0]},\n\n"
        f"I'm sorry to let you know that we have to cancel your interview on {_long_date(start)} "
        f"at {_clock(start)}. The {cast.role} position has been put on hold while the team "
        "revisits its hiring plan for the year.\n\n"
        "I will reach out if the role opens up again. Thank you for your time and understanding.\n\n"
        f"Kind regards,\n{cast.recruiter_name}\n"
    )
    return _bytes(
        _message(
            sender=f"{cast.recruiter_name} <{cast.recruiter}>",
            to=f"{cast.user_name} <{cast.user_addr}>",
            subject=f"Interview cancelled: {cast.role} at {cast.company}",
            sent=sent,
            message_id=cast.mid("cancel-1"),
            body=body,
            in_reply_to=cast.mid(thread),
            references=(cast.mid(thread),),
        )
    )


def employer_reply(cast: Cast, *, sent: datetime, tag: str = "reply-1", thread: str = "invite-1") -> bytes:
    """The recruiter writes back after the interview with a status update."""
    body = (
        f"Hi {cast.user_name.split()[0]},\n\n"
        "Thanks for taking the time to speak with the team. Everyone enjoyed the conversation. "
        "We are finishing the remaining interviews this week and I expect to have an update "
        "for you early next week.\n\n"
        f"Best,\n{cast.recruiter_name.split()[0]}\n"
    )
    return _bytes(
        _message(
            sender=f"{cast.recruiter_name} <{cast.recruiter}>",
            to=f"{cast.user_name} <{cast.user_addr}>",
            subject=f"Re: {cast.invite_subject}",
            sent=sent,
            message_id=cast.mid(tag),
            body=body,
            in_reply_to=cast.mid(thread),
            references=(cast.mid(thread),),
        )
    )


def out_of_office(cast: Cast, back: date, *, sent: datetime, replying_to: str) -> bytes:
    """The recruiter's auto-reply to the user's message ``replying_to``, back on ``back``."""
    body = (
        "Hello,\n\n"
        f"Thank you for your email. I am out of the office with limited access to email and "
        f"will return on {back:%A}, {back:%B} {back.day}, {back.year}. "
        "I will respond to your message when I'm back.\n\n"
        f"For urgent recruiting questions, please contact talent@{cast.domain}.\n\n"
        f"{cast.recruiter_name}\n"
    )
    return _bytes(
        _message(
            sender=f"{cast.recruiter_name} <{cast.recruiter}>",
            to=f"{cast.user_name} <{cast.user_addr}>",
            subject=f"Automatic reply: Re: {cast.invite_subject}",
            sent=sent,
            message_id=cast.mid("ooo-1"),
            body=body,
            in_reply_to=replying_to,
            references=(cast.mid("invite-1"), replying_to),
            extra={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"},
        )
    )


def user_confirms(cast: Cast, *, sent: datetime) -> bytes:
    """The user's short confirmation before the interview (in Sent): not a follow-up."""
    body = (
        f"Hi {cast.recruiter_name.split()[0]},\n\n"
        "Thank you, that time works for me. I look forward to speaking with the team.\n\n"
        f"Best,\n{cast.user_name}\n"
    )
    return _bytes(
        _message(
            sender=f"{cast.user_name} <{cast.user_addr}>",
            to=f"{cast.recruiter_name} <{cast.recruiter}>",
            subject=f"Re: {cast.invite_subject}",
            sent=sent,
            message_id=f"<confirm-1@{cast.user_addr.partition('@')[2]}>",
            body=body,
            in_reply_to=cast.mid("invite-1"),
            references=(cast.mid("invite-1"),),
        )
    )


def user_followup(cast: Cast, *, sent: datetime) -> bytes:
    """The user's own thank-you/follow-up after the interview, written by hand (in Sent)."""
    body = (
        f"Hi {cast.recruiter_name.split()[0]},\n\n"
        f"Thank you for arranging my interview for the {cast.role} role. I enjoyed the "
        f"conversation with {cast.interviewer} about the streaming pipeline, and I'm even more "
        "excited about the position. Please let me know if I can send anything else.\n\n"
        f"Best,\n{cast.user_name}\n"
    )
    return _bytes(
        _message(
            sender=f"{cast.user_name} <{cast.user_addr}>",
            to=f"{cast.recruiter_name} <{cast.recruiter}>",
            subject=f"Re: {cast.invite_subject}",
            sent=sent,
            message_id=f"<followup-by-hand@{cast.user_addr.partition('@')[2]}>",
            body=body,
            in_reply_to=cast.mid("invite-1"),
            references=(cast.mid("invite-1"),),
        )
    )


def rejection(cast: Cast, *, sent: datetime, thread: str = "invite-1") -> bytes:
    body = (
        f"Hi {cast.user_name.split()[0]},\n\n"
        f"Thank you for interviewing for the {cast.role} role at {cast.company}. After careful "
        "consideration, we have decided to move forward with other candidates whose experience "
        "more closely matches our needs at this time.\n\n"
        "We appreciate the time you invested and wish you the best in your search.\n\n"
        f"Regards,\n{cast.recruiter_name}\n"
    )
    return _bytes(
        _message(
            sender=f"{cast.recruiter_name} <{cast.recruiter}>",
            to=f"{cast.user_name} <{cast.user_addr}>",
            subject=f"Your application for {cast.role} at {cast.company}",
            sent=sent,
            message_id=cast.mid("decision-1"),
            body=body,
            in_reply_to=cast.mid(thread),
            references=(cast.mid(thread),),
        )
    )


def newsletter(*, sent: datetime) -> bytes:
    """Unrelated bulk mail: the prefilter may skip it."""
    return _bytes(
        _message(
            sender="Weekly Digest <digest@news.example>",
            to="jordan.lee@example.net",
            subject="Your weekly reading list: ten long reads",
            sent=sent,
            message_id="<digest-2026-15@news.example>",
            body="Here are this week's picks.\n",
            extra={"List-Unsubscribe": "<mailto:unsubscribe@news.example>"},
        )
    )


def malformed() -> bytes:
    """Broken MIME that still looks like job mail from the headers: a boundary never closed,
    a bogus charset, a base64 part that is not base64, and raw 8-bit garbage."""
    return (
        b"From: =?utf-8?B?!!notbase64?= <careers@broken.example>\r\n"
        b"To: jordan.lee@example.net\r\n"
        b"Subject: =?x-nonsense?Q?Interview_=FF=FE?= \xff\xfe invitation\r\n"
        b"Date: Thu, 31 Feb 2026 25:61:00 +9999\r\n"
        b"Message-ID: <broken-1@broken.example\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="XYZ\r\n'
        b"\r\n"
        b"--XYZ\r\n"
        b"Content-Type: text/plain; charset=klingon-8\r\n"
        b"Content-Transfer-Encoding: base64\r\n"
        b"\r\n"
        b"@@@@ this is not base64 \x01\x02 \xc3\x28 ====\r\n"
        b"--XYZ\r\n"
        b"Content-Type: text/calendar; method=REQUEST\r\n"
        b"\r\n"
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026XXXX\r\n"
    )


def garbage() -> bytes:
    """Not mail at all: binary noise with no header block (no NULs: IMAP literals forbid them)."""
    noise = bytes((i * 73 + 41) % 255 + 1 for i in range(600))
    return noise.replace(b"\r", b"").replace(b"\n", b"") + b"\r\n"


def logistics_note(cast: Cast, start: datetime, *, sent: datetime, thread: str = "invite-1") -> bytes:
    """The recruiter writes again before the interview (practical details): not an answer."""
    body = (
        f"Hi {cast.user_name.split()[0]},\n\n"
        f"A quick note ahead of {_long_date(start)}: {cast.interviewer} may join a couple of "
        "minutes late from another meeting, so please wait in the lobby of the video call. "
        "You don't need to prepare slides.\n\n"
        f"Talk soon,\n{cast.recruiter_name.split()[0]}\n"
    )
    return _bytes(
        _message(
            sender=f"{cast.recruiter_name} <{cast.recruiter}>",
            to=f"{cast.user_name} <{cast.user_addr}>",
            subject=f"Re: {cast.invite_subject}",
            sent=sent,
            message_id=cast.mid("logistics-1"),
            body=body,
            in_reply_to=cast.mid(thread),
            references=(cast.mid(thread),),
        )
    )


def calendar_update(
    cast: Cast, start: datetime, *, sent: datetime, sequence: int, cancel: bool = False, thread: str = "invite-1"
) -> bytes:
    """A calendar system's update of the invitation's event (same UID, higher SEQUENCE):
    the new time, or with ``cancel`` METHOD:CANCEL."""
    end = start + timedelta(hours=1)
    if cancel:
        subject = f"Canceled event: Interview: {cast.role} ({cast.company})"
        text = f"This event has been canceled: {_long_date(start)}, {_clock(start)} Eastern Time.\n"
    else:
        subject = f"Updated invitation: Interview: {cast.role} ({cast.company})"
        text = (
            "This event has been changed.\n\n"
            f"When (new): {_long_date(start)}, {_clock(start)} - {_clock(end)} Eastern Time\n"
        )
    msg = _message(
        sender=f"{cast.recruiter_name} <{cast.recruiter}>",
        to=f"{cast.user_name} <{cast.user_addr}>",
        subject=subject,
        sent=sent,
        message_id=cast.mid(f"event-update-{sequence}"),
        body=text,
        in_reply_to=cast.mid(thread),
        references=(cast.mid(thread),),
    )
    method = "CANCEL" if cancel else "REQUEST"
    msg.add_attachment(
        _ics(
            cast,
            start,
            end,
            uid=f"{thread}-event@{cast.domain}",
            sequence=sequence,
            method=method,
            status="CANCELLED" if cancel else "CONFIRMED",
        ),
        maintype="text",
        subtype="calendar",
        filename="invite.ics",
        params={"method": method},
    )
    return _bytes(msg)


def final_round(cast: Cast, start: datetime, *, sent: datetime, thread: str = "invite-1") -> bytes:
    """After the first interview: an invitation to the final round, in the same thread."""
    end = start + timedelta(hours=2)
    body = (
        f"Hi {cast.user_name.split()[0]},\n\n"
        "Great news: the team would like you to come back for the final round of interviews. "
        f"I've booked {_long_date(start)}, {_clock(start)} - {_clock(end)} Eastern Time, on video. "
        "You will meet our Head of Data and two engineers from the platform team.\n\n"
        f"Best,\n{cast.recruiter_name.split()[0]}\n"
    )
    return _bytes(
        _message(
            sender=f"{cast.recruiter_name} <{cast.recruiter}>",
            to=f"{cast.user_name} <{cast.user_addr}>",
            subject=f"Final round interview: {cast.role} at {cast.company}",
            sent=sent,
            message_id=cast.mid("final-1"),
            body=body,
            in_reply_to=cast.mid(thread),
            references=(cast.mid(thread),),
        )
    )
