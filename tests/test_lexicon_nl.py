"""Dutch mail (the Netherlands and Flanders), read through daemon/understand/lexicon.py
(issue 14, round 6).

Every sentence here is written for the test; none is taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from test_classify import eml

from daemon.model import Category
from daemon.understand import lexicon
from daemon.understand.classify import classify
from daemon.understand.mail import parse
from daemon.understand.timeparse import resolve

USERS = frozenset({"sam.candidate@mailbox.test"})
HR = "Femke de Wit <femke.dewit@polderlicht.nl>"


def category(subject: str, body: str, *, sender: str = HR, reply: bool = False) -> Category:
    raw = eml(sender, subject, body, in_reply_to="<a-1@polderlicht.nl>" if reply else None)
    return classify(parse(raw), USERS).category


@pytest.mark.parametrize(
    ("subject", "body", "want"),
    [
        # invitations
        (
            "Uitnodiging voor een sollicitatiegesprek",
            "Beste Sam, bedankt voor je sollicitatie als data-analist. We willen je graag uitnodigen voor een "
            "sollicitatiegesprek op dinsdag 17 maart 2026 om 14.00 uur op ons kantoor in Utrecht.",
            Category.INVITATION,
        ),
        (
            "Je sollicitatie bij Polderlicht",
            "Hoi Sam, naar aanleiding van je sollicitatie plannen we graag een kennismakingsgesprek. "
            "Schikt het je op woensdag 18 maart om 10.30 uur?",
            Category.INVITATION,
        ),
        (
            "Vacature projectleider",
            "Beste Sam, namens onze opdrachtgever, een logistiek bedrijf in Antwerpen, zou je beschikbaar zijn "
            "voor een eerste gesprek op donderdag 19 maart om 9u30?",
            Category.INVITATION,
        ),
        (
            "Uitnodiging assessment",
            "Beste kandidaat, graag nodigen we u uit voor het assessment op vrijdag 20 maart 2026 van 9.00 "
            "tot 12.00 uur. Uw sollicitatie gaat hiermee naar de volgende ronde.",
            Category.INVITATION,
        ),
        # reschedule, cancellation
        (
            "Nieuwe datum voor ons gesprek",
            "Beste Sam, helaas moeten we het sollicitatiegesprek van dinsdag verzetten. Nieuwe datum: "
            "donderdag 26 maart 2026 om 15.00 uur.",
            Category.RESCHEDULE,
        ),
        (
            "Gesprek gaat niet door",
            "Beste Sam, over je sollicitatie: het gesprek van woensdag 18 maart om 10.00 uur gaat niet door. "
            "Ik kom zo snel mogelijk bij je terug met nieuwe opties.",
            Category.CANCELLATION,
        ),
        # rejections
        (
            "Je sollicitatie",
            "Beste Sam, na zorgvuldige afweging hebben we gekozen voor een andere kandidaat. We wensen je veel succes.",
            Category.REJECTION,
        ),
        (
            "Terugkoppeling sollicitatie",
            "Beste Sam, we hebben besloten om niet verder te gaan met je sollicitatie. Bedankt voor je interesse.",
            Category.REJECTION,
        ),
        # offer
        (
            "Aanbod arbeidsovereenkomst",
            "Beste Sam, we zijn blij je de functie van data-analist aan te bieden. Bruto maandsalaris: "
            "EUR 4.800, startdatum 1 mei 2026. De arbeidsovereenkomst ontvang je per post.",
            Category.OFFER,
        ),
        # auto-reply
        (
            "Afwezigheidsmelding: Je sollicitatie",
            "Dank voor je bericht. Ik ben tot en met 20 maart niet op kantoor en vanaf maandag 23 maart "
            "weer bereikbaar.",
            Category.AUTO_REPLY,
        ),
    ],
)
def test_dutch_categories(subject: str, body: str, want: Category) -> None:
    assert category(subject, body) == want


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        # a dentist's or GP's appointment is not an interview
        (
            "Herinnering afspraak",
            "Beste Sam, u heeft een afspraak bij de tandarts op dinsdag 17 maart 2026 om 8.30 uur. "
            "Kunt u niet? Bel dan de praktijk.",
        ),
        (
            "Bevestiging afspraak huisartsenpraktijk",
            "Uw afspraak met de huisarts staat genoteerd: woensdag 18 maart om 10.00 uur.",
        ),
        # the town hall
        (
            "Uw afspraak bij de gemeente",
            "U heeft een afspraak bij de gemeente voor het ophalen van uw paspoort op donderdag 19 maart om 11.15 uur.",
        ),
        # a press or podcast interview
        (
            "Gesprek voor onze podcast",
            "Hoi Sam, ik ben journalist en maak een podcast over werk. Schikt het je op donderdag om 15.00 uur "
            "voor een gesprek?",
        ),
        # a job alert
        (
            "Nieuwe vacatures voor jou",
            "Hoi Sam, hier zijn nieuwe vacatures van deze week: data-analist in Rotterdam.",
        ),
    ],
)
def test_dutch_non_interviews_are_not_invitations(subject: str, body: str) -> None:
    assert category(subject, body) not in (Category.INVITATION, Category.OFFER)


def test_dayfirst_words_count_dutch() -> None:
    assert {"uur", "gesprek", "het"} <= set(lexicon.DAYFIRST_WORDS["nl"].split())


CET = timezone(timedelta(hours=1))
REF = datetime(2026, 3, 2, 9, 0, tzinfo=CET)  # a Monday morning in Rotterdam


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("dinsdag 17 maart 2026 om 14.00 uur", "2026-03-17T14:00:00+01:00", None),
        ("dinsdag 17 mrt om 14.00 uur", "2026-03-17T14:00:00+01:00", None),
        ("17-3-2026 om 14.00 uur", "2026-03-17T14:00:00+01:00", None),
        ("donderdag 19 maart om 9u30", "2026-03-19T09:30:00+01:00", None),
        ("vrijdag 20 maart 2026 van 10.00 tot 11.00 uur", "2026-03-20T10:00:00+01:00", "2026-03-20T11:00:00+01:00"),
        ("morgen om 10.00 uur", "2026-03-03T10:00:00+01:00", None),
        ("overmorgen om 9.00 uur", "2026-03-04T09:00:00+01:00", None),
        ("volgende week dinsdag om 11.00 uur", "2026-03-10T11:00:00+01:00", None),
        ("Goede morgen, past het u woensdag om 14.00 uur?", "2026-03-04T14:00:00+01:00", None),
    ],
)
def test_dutch_dates(text: str, start: str, end: str | None) -> None:
    found = resolve(text, REF)
    assert found, text
    assert found[0].start.isoformat() == start
    assert (found[0].end.isoformat() if found[0].end else None) == end


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("woensdag 18 maart om 10.30 uur Nederlandse tijd", "Europe/Amsterdam"),
        ("woensdag 18 maart om 10.30 uur Belgische tijd", "Europe/Brussels"),
    ],
)
def test_dutch_zone_words(text: str, zone: str) -> None:
    found = resolve(text, datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=-5))))
    assert found, text
    assert found[0].start == datetime(2026, 3, 18, 10, 30, tzinfo=ZoneInfo(zone))
