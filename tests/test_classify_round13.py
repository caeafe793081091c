"""Issue 14, thirteenth round of blind sets (b13-he: a construction project manager in San
Antonio, superintendents writing from phones, Monterrey in Spanish; b13-vav: a BI lead in
Dubai, Gulf zones): the mechanisms their misses showed wanting. Mail written for the purpose."""

from __future__ import annotations

import pytest
from mailmaker import category, mail, start

from daemon.understand.timeparse import scan


def test_a_move_to_another_day_at_the_same_time_takes_the_clock_from_the_thread() -> None:
    body = (
        "Morning Sam - sorry, our steering committee just got moved onto my 1pm today. I've shifted our call to "
        "tomorrow (Wednesday), same time, same link.\n\n> Tuesday at 1 works well.\n"
    )
    raw = mail(
        "Omar <omar@wadi.example>", "Re: BI Lead at Wadi", body, reply=True, date="Tue, 25 Nov 2025 07:55:00 +0300"
    )
    assert category(raw)[0] == "reschedule"
    assert start(raw) == "2025-11-26T13:00:00+03:00"
    # written out after all: the written time governs
    out = (
        "We've moved your final interview to Thursday 26 March, same time: 1:00pm-2:30pm AEDT (10:00-11:30am Manila).\n"
    )
    raw = mail(
        "Olivia <olivia@harbourline.example>",
        "RE: final interview",
        out,
        reply=True,
        date="Fri, 20 Mar 2026 09:44:03 +1100",
    )
    assert start(raw) == "2026-03-26T13:00:00+11:00"


def test_a_zone_spelled_out_before_its_restatement() -> None:
    body = (
        "We have moved your interview to:\nWednesday, 24 September 2025 at 1:30 PM AST (Arabia Standard Time, "
        "i.e. 2:30 PM in Dubai)\n"
    )
    raw = mail(
        "TA <ta@najd.example>",
        "RE: Interview - Senior Data Analyst",
        body,
        reply=True,
        date="Tue, 16 Sep 2025 09:30:00 +0300",
    )
    assert start(raw) == "2025-09-24T13:30:00+03:00"


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        (
            "PM job",
            "Tony gave me ur resume. need a project manager for our public work. can u swing by the jobsite "
            "trailer thurs 7am? we'll walk it",
            "invitation",
        ),
        (
            "Re: Construction Manager position",
            "got storms rolling thru tmrw morning. gotta cancel tmrw. I'll text u next "
            "wk\n\n> See you Friday at 8 at the model for the interview.",
            "cancellation",
        ),
        (
            "Re: PM job",
            "Glenn and I decided to promote our super into the PM spot, so we're not going to bring anybody "
            "on right now.\n\n> just following up on the PM position",
            "rejection",
        ),
        (
            "PM position",
            "We've offered the Commercial Interiors PM role to someone with more finish-out volume.",
            "rejection",
        ),
        (
            "RE: Project Manager - next steps",
            "Perfect - Thursday, Feb 12 at 8:00 AM works. I'll call your cell.\n\n"
            "> - Thursday 2/12, anytime before 9:00 AM\n> - Friday 2/13, after 2:00 PM",
            "invitation",
        ),
        (
            "Fwd: PM",
            "Mike wants to meet you.\n\n---------- Forwarded message ---------\nFrom: Mike <mike@comal.example>\n"
            "Subject: Re: PM\n\nyes, send his resume and have him come by the office Thursday 10/23 at 3:00.",
            "invitation",
        ),
        (
            "FW: Interview - Senior BI Analyst",
            "Mr. Ahmed has confirmed your slot. Kindly bring your Emirates ID.\n\n"
            "-----Original Message-----\nFrom: Ahmed\nSubject: RE: Interview\n\nThursday 15 Jan at 2:30pm is fine.",
            "invitation",
        ),
        (
            "Re: BI Lead",
            "I've put 1pm on Tuesday in both our calendars - 45 mins, fairly informal.\n\n> Thanks for sending your CV",
            "invitation",
        ),
    ],
)
def test_phones_forwards_and_gulf_mail(subject: str, body: str, expected: str) -> None:
    raw = mail(
        "Ray <ray@gvcontractors.example>",
        subject,
        body,
        reply=subject.lower().startswith(("re:", "fw")),
        date="Mon, 06 Oct 2025 05:48:19 -0500",
    )
    assert category(raw)[0] == expected


def test_spanish_confirmations_and_moves() -> None:
    confirm = (
        "Perfecto, Ing. Cantú. Quedamos entonces el jueves 16 de octubre a las 10:00 hrs (hora de Monterrey).\n\n"
        "De: Sam\nEnviado: lunes, 6 de octubre de 2025 15:02\nAsunto: Re: Entrevista\n\nEl jueves a las 10:00 hrs "
        "me queda perfecto.\n"
    )
    raw = mail(
        "Fernanda <fgarza@cerroalto.example>",
        "RE: Entrevista – Gerente de Proyecto",
        confirm,
        reply=True,
        date="Tue, 07 Oct 2025 09:05:13 -0600",
    )
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-16T10:00:00-06:00"
    moved = "Reprogramamos su visita para el jueves 30 de octubre, mismo horario (8:30 a 13:00 hrs).\n"
    raw = mail(
        "Fernanda <fgarza@cerroalto.example>",
        "RE: Segunda entrevista – cambio de fecha",
        moved,
        reply=True,
        date="Fri, 24 Oct 2025 08:00:12 -0600",
    )
    assert category(raw)[0] == "reschedule"
    # "si necesitas reprogramar" invites a move, it makes none
    invite = (
        "Nos da gusto confirmarte tu entrevista final: jueves 11 de junio de 2026, 10:00 a 11:00 hrs. Si necesitas "
        "reprogramar, responde a este correo.\n"
    )
    assert category(mail("Valeria <v@kestrel.example>", "Entrevista final", invite))[0] == "invitation"


def test_after_b13_dalet_an_attached_offer_and_two_slots_joined_by_or() -> None:
    offer = "Offer attached. Founding Sales Engineer, 38K gross/month + 0.5% in options. Answer by Thu 11/12?\n"
    assert category(mail("Ronen <ronen@tzafon.example>", "Tzafon - offer", offer))[0] == "offer"
    slots = (
        "We're looking for a Solutions Architect and your profile looks like a good fit.\n"
        "Quick 30 min Zoom this week? Tue 9/12 11:00 or Wed 10/12 16:00, Tel Aviv time.\n"
    )
    raw = mail("Eyal <eyal@ofek.example>", "Solutions Architect role", slots, date="Sun, 07 Dec 2025 07:58:00 +0200")
    assert category(raw)[0] == "invitation"


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        (
            "Re: Thank you",
            "Noam, todah, it was a pleasure. The POC plan was one of the best we've seen. We'll get back to "
            "you this week.\n\n> Thanks for hosting me today",
            "employer_reply",
        ),
        (
            "Re: take-home demo",
            "We'd love you to present it live to the panel in the final stage. Could you do one of "
            "these?\n- Tuesday 10 Feb, 15:00 CET\n- Wednesday 11 Feb, 10:00 CET\n\n> Please submit your materials.",
            "invitation",
        ),
        (
            "Updated invitation: Helix final presentation",
            "This event has been changed.\nHi Noam - we've moved your "
            "presentation from Wed 11 Feb 10:00 to Mon 16 Feb 11:00 CET.",
            "reschedule",
        ),
    ],
)
def test_after_b13_dalet_replies_and_presentations(subject: str, body: str, expected: str) -> None:
    raw = mail(
        "Sanne <sanne@helixobs.example>",
        subject,
        body,
        reply=subject.startswith("Re:"),
        date="Fri, 06 Feb 2026 16:05:00 +0100",
    )
    assert category(raw)[0] == expected


def test_come_by_is_a_visit_not_a_deadline() -> None:
    body = "We're hiring a Founding Sales Engineer. Can you come by tomorrow at 17:00? Coffee on us.\n"
    raw = mail("Ronen <ronen@tzafon.example>", "Tzafon", body, date="Sun, 16 Nov 2025 22:41:09 +0200")
    assert start(raw) == "2025-11-17T17:00:00+02:00"


def test_a_weekday_before_a_day_first_date_and_time_blocked_for_you() -> None:
    (p,) = scan("move your interview to after Pesach: Sunday 12.4 at 10:30 Israel time")[0]
    assert (p.weekday, p.day, p.month, p.hour) == (6, 12, 4, 10)
    assert [q.day for q in scan("Friday 2.5 hours")[0]] == [None]
    body = (
        "Greg's away this week but he blocked time for you when he's back: Wednesday 3/25 at 8am Central "
        "(3pm Israel), 45 min on Zoom, for the Solutions Engineer role.\n"
    )
    raw = mail(
        "Dana <dana@palmyra.example>", "Palmyra – next step with Greg", body, date="Tue, 17 Mar 2026 10:25:00 -0500"
    )
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-03-25T08:00:00-05:00"
