"""Swedish, Norwegian and Danish mail, read through daemon/understand/lexicon.py (issue 14,
round 14: b14-nord's first reading was 0.651, nearly every miss a message in one of them).

Every sentence here is written for the test; none is taken from an evaluation set.
"""

from __future__ import annotations

from datetime import timedelta, timezone

import pytest
from mailmaker import mail, start
from test_classify import eml

from daemon.model import Category
from daemon.understand import lexicon
from daemon.understand.classify import classify
from daemon.understand.mail import parse

USERS = frozenset({"sam.candidate@mailbox.test"})
HR = "Karin Lund <karin.lund@ljusgard.se>"
CET = timezone(timedelta(hours=1))
STOCKHOLM_DATE = "Mon, 09 Mar 2026 10:15:00 +0100"


def category(subject: str, body: str, *, sender: str = HR, reply: bool = False) -> Category:
    raw = eml(sender, subject, body, in_reply_to="<a-1@ljusgard.se>" if reply else None)
    return classify(parse(raw), USERS).category


@pytest.mark.parametrize(
    ("subject", "body", "want"),
    [
        (
            "Kallelse till intervju – UX-designer",
            "Hej Sam, tack för din ansökan till tjänsten som UX-designer. Vi vill gärna träffa dig för en "
            "första intervju tisdag den 17 mars kl. 14.00 på vårt kontor.",
            Category.INVITATION,
        ),
        (
            "Portföljgenomgång",
            "Hej! Välkommen på portföljgenomgång med designteamet. När: torsdag 19 mars kl. 10.00–11.00.",
            Category.INVITATION,
        ),
        (
            "Invitasjon til intervju – Designer",
            "Hei Sam, takk for søknaden din. Vi vil gjerne invitere deg til et første intervju på Teams "
            "onsdag 18. mars kl. 13.00.",
            Category.INVITATION,
        ),
        (
            "Invitation til samtale – Lead Designer",
            "Kære Sam, mange tak for din ansøgning. Vi vil rigtig gerne invitere dig til en første samtale "
            "fredag den 20. marts kl. 9.30.",
            Category.INVITATION,
        ),
        (
            "Ny tid för din intervju",
            "Hej Sam, vi behöver tyvärr flytta din intervju. Istället för tisdag 17 mars blir det onsdag "
            "18 mars kl. 15.00.",
            Category.RESCHEDULE,
        ),
        (
            "Intervjun ställs in",
            "Hej Sam, tyvärr måste vi ställa in tisdagens intervju, eftersom rekryteringen är pausad.",
            Category.CANCELLATION,
        ),
        (
            "Angående din ansökan",
            "Hej Sam, tack för ditt intresse. Vi har nu valt att gå vidare med en annan kandidat.",
            Category.REJECTION,
        ),
        (
            "Tilbakemelding",
            "Hei Sam, tusen takk for en fin prosess. Det var jevnt, men vi har landet på en annen kandidat.",
            Category.REJECTION,
        ),
        (
            "Erbjudande – Product Designer",
            "Hej Sam, vi är glada att kunna erbjuda dig tjänsten som Product Designer! Månadslön: 58 000 kr, "
            "tillträde 1 juni.",
            Category.OFFER,
        ),
        (
            "Automatiskt svar: Intervju",
            "Tack för ditt mejl. Jag är på semester och tillbaka den 4 augusti.",
            Category.AUTO_REPLY,
        ),
    ],
)
def test_nordic_categories(subject: str, body: str, want: Category) -> None:
    assert category(subject, body) == want


@pytest.mark.parametrize(
    ("when", "want"),
    [
        ("tisdag den 17 mars kl. 14.00", "2026-03-17T14:00:00+01:00"),
        ("onsdag 18. mars kl. 13.00", "2026-03-18T13:00:00+01:00"),
        ("fredag den 20. marts klokken 9.30", "2026-03-20T09:30:00+01:00"),
        ("imorgon kl. 10.00", "2026-03-10T10:00:00+01:00"),
        ("torsdag 19/3 kl. 15.30", "2026-03-19T15:30:00+01:00"),
    ],
)
def test_nordic_dates(when: str, want: str) -> None:
    body = f"Hej Sam,\n\ntack för din ansökan! Vi vill gärna träffa dig för en första intervju {when} på vårt kontor.\n"
    raw = mail(HR, "Kallelse till intervju", body, date=STOCKHOLM_DATE)
    assert start(raw) == want


def test_a_nordic_zone_word() -> None:
    body = (
        "Hi Sam, your interview with our Stockholm team is on Tuesday, March 17, 2026 at 15.00 svensk tid "
        "(10:00 in New York).\n"
    )
    raw = mail("Karin Lund <karin.lund@ljusgard.se>", "Interview invitation", body, date=STOCKHOLM_DATE)
    assert start(raw) == "2026-03-17T15:00:00+01:00"


def test_a_swedish_reply_quotes_the_time_it_confirms() -> None:
    body = (
        "Toppen, då kör vi tisdag kl 13.30! Jag skickar en Teams-länk.\n/Karin\nSkickat från min iPhone\n\n"
        "Den mån 9 mars 2026 kl. 09:12 skrev Sam Candidate <sam.candidate@mailbox.test>:\n"
        "> Hej Karin, tisdag 17 mars kl. 13.30 passar mig bra.\n"
    )
    raw = mail(HR, "Re: Första intervju", body, reply=True, date=STOCKHOLM_DATE)
    m = parse(raw)
    assert "Den mån 9 mars" not in m.text  # the attribution starts the quote
    assert classify(m, USERS).category == Category.INVITATION


def test_english_mail_does_not_turn_the_nordic_tables_on() -> None:
    # "semester" is an English word too: it must not make English mail Swedish
    text = "Hi Sam, the search committee meets early next semester; interview dates will follow."
    assert not {"sv", "no", "da"} & lexicon.languages_shown(text)
