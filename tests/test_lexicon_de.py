"""German mail (Germany, Austria, Switzerland), read through daemon/understand/lexicon.py
(issue 14, round 5).

Every sentence here is written for the test; none is taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from test_classify import eml

from daemon.model import Category
from daemon.understand import lexicon
from daemon.understand.classify import classify
from daemon.understand.mail import parse
from daemon.understand.timeparse import resolve

USERS = frozenset({"sam.candidate@mailbox.test"})
HR = "Jana Vogt <jana.vogt@hafenwerk.de>"


def category(subject: str, body: str, *, sender: str = HR, reply: bool = False) -> Category:
    raw = eml(sender, subject, body, in_reply_to="<a-1@hafenwerk.de>" if reply else None)
    return classify(parse(raw), USERS).category


@pytest.mark.parametrize(
    ("subject", "body", "want"),
    [
        # invitations
        (
            "Einladung zum Vorstellungsgespräch",
            "Sehr geehrter Herr Kandidat, vielen Dank für Ihre Bewerbung als Datenanalyst. Wir laden Sie "
            "herzlich zu einem Vorstellungsgespräch am Mittwoch, 18. März 2026 um 14 Uhr ein.",
            Category.INVITATION,
        ),
        (
            "Ihre Bewerbung bei Hafenwerk",
            "Guten Tag, wir möchten Sie gerne persönlich kennenlernen. Folgende Termine könnten wir Ihnen "
            "anbieten: Dienstag, 17.3., 10.00 Uhr oder Donnerstag, 19.3., 15.30 Uhr.",
            Category.INVITATION,
        ),
        (
            "Kennenlerngespräch",
            "Hallo Sam, zu Ihrer Bewerbung: hätten Sie nächste Woche Zeit für ein kurzes Telefonat? "
            "Passt Ihnen der Dienstag um 11 Uhr?",
            Category.INVITATION,
        ),
        (
            "Terminvorschlag für das Erstgespräch",
            "Guten Tag, gerne bestätige ich den Termin für unser Erstgespräch am Freitag, 20.03.2026, "
            "9:30 Uhr. Der Teams-Link folgt.",
            Category.INVITATION,
        ),
        (
            "Auswahltag – Ihre Kandidatur",
            "Grüezi, Sie sind für die nächste Auswahlrunde berücksichtigt. Wir laden Sie zum Auswahltag "
            "am 24. März 2026 von 08.30 bis 14.00 Uhr ein.",
            Category.INVITATION,
        ),
        # executive search, Swiss spelling
        (
            "Vertraulich: Leitung Finanzen",
            "Sehr geehrter Herr Kandidat, im Auftrag unserer Mandantin lade ich Sie zu einem ersten "
            "Gespräch in unser Büro an der Seestrasse ein: Montag, 16. März 2026, 10.00 Uhr. Freundliche Grüsse",
            Category.INVITATION,
        ),
        # reschedule, cancellation
        (
            "Terminverschiebung: Vorstellungsgespräch",
            "Guten Tag, leider müssen wir unser Vorstellungsgespräch verschieben. Neuer Termin: "
            "Donnerstag, 26. März 2026, 14:00–15:30 Uhr.",
            Category.RESCHEDULE,
        ),
        (
            "Gespräch am Mittwoch abgesagt",
            "Guten Tag, zu Ihrer Bewerbung: leider muss ich das Gespräch mit unserer Bereichsleiterin "
            "vom Mittwoch, 18.03., 14.00 Uhr, absagen. Ich melde mich mit neuen Terminvorschlägen.",
            Category.CANCELLATION,
        ),
        # rejections
        (
            "Ihre Bewerbung",
            "Sehr geehrter Herr Kandidat, nach sorgfältiger Prüfung haben wir uns für eine andere "
            "Kandidatin entschieden. Wir wünschen Ihnen alles Gute.",
            Category.REJECTION,
        ),
        (
            "Rückmeldung zu Ihrer Bewerbung",
            "Guten Tag, leider können wir Ihre Bewerbung nicht weiter berücksichtigen.",
            Category.REJECTION,
        ),
        # offer
        (
            "Vertragsangebot – Datenanalyst",
            "Sehr geehrter Herr Kandidat, wir freuen uns, Ihnen die Stelle als Datenanalyst anzubieten. "
            "Jahresbruttogehalt: 68.000 EUR, Eintrittsdatum: 1. Mai 2026. Den Arbeitsvertrag erhalten Sie per Post.",
            Category.OFFER,
        ),
        # auto-reply
        (
            "Abwesenheitsnotiz: Ihre Bewerbung",
            "Vielen Dank für Ihre Nachricht. Ich bin bis zum 20. März nicht im Büro und ab dem 23. März "
            "wieder erreichbar.",
            Category.AUTO_REPLY,
        ),
    ],
)
def test_german_categories(subject: str, body: str, want: Category) -> None:
    assert category(subject, body) == want


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        # a doctor's or a citizens' office appointment is not an interview
        (
            "Terminbestätigung",
            "Guten Tag, Ihr Termin in unserer Praxis ist notiert: Mittwoch, 18.03.2026 um 10 Uhr. "
            "Bitte bringen Sie Ihre Versichertenkarte mit.",
        ),
        (
            "Ihr Termin beim Bürgeramt",
            "Wir bestätigen den Termin für die Ummeldung am Dienstag, 17. März 2026, 8.30 Uhr.",
        ),
        # a press interview
        (
            "Interview für unsere Zeitung",
            "Hallo Sam, ich bin Journalistin bei der Lokalzeitung und würde Sie gerne für ein Interview "
            "kennenlernen. Passt Ihnen der Donnerstag um 15 Uhr?",
        ),
        # a job ad mailing ("Stellenangebote") is not an offer nor an invitation
        (
            "Neue Stellenangebote für Sie",
            "Hallo Sam, hier sind passende Jobs der Woche: Datenanalyst (m/w/d) in Hamburg.",
        ),
    ],
)
def test_german_non_interviews_are_not_invitations(subject: str, body: str) -> None:
    assert category(subject, body) not in (Category.INVITATION, Category.OFFER)


def test_german_spelling_without_umlauts_or_eszett() -> None:
    assert lexicon.accent_tolerant("gespräch") == "gespr(?:ä|ae)ch"
    assert lexicon.accent_tolerant("grüße") == "gr(?:ü|ue|u)(?:ß|ss)e"


def test_dayfirst_words_count_german() -> None:
    assert "uhr" in lexicon.DAYFIRST_WORDS["de"].split()


CET = timezone(timedelta(hours=1))
REF = datetime(2026, 3, 2, 9, 0, tzinfo=CET)  # a Monday morning in Zürich


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Mittwoch, 18. März 2026, um 14 Uhr", "2026-03-18T14:00:00+01:00", None),
        ("am 18.3. um 10.00 Uhr", "2026-03-18T10:00:00+01:00", None),
        ("Dienstag, 17.3., 08.30–14.00 Uhr", "2026-03-17T08:30:00+01:00", "2026-03-17T14:00:00+01:00"),
        ("Donnerstag, 14:00–15:30 Uhr", "2026-03-05T14:00:00+01:00", "2026-03-05T15:30:00+01:00"),
        ("morgen um 16:00 Uhr", "2026-03-03T16:00:00+01:00", None),
        ("übermorgen um 9 Uhr", "2026-03-04T09:00:00+01:00", None),
        ("Guten Morgen, passt Ihnen am Mittwoch um 14 Uhr?", "2026-03-04T14:00:00+01:00", None),
        ("Freitag, 10. April, 10:00 Uhr MESZ", "2026-04-10T10:00:00+02:00", None),
    ],
)
def test_german_dates(text: str, start: str, end: str | None) -> None:
    found = resolve(text, REF)
    assert found, text
    assert found[0].start.isoformat() == start
    assert (found[0].end.isoformat() if found[0].end else None) == end
