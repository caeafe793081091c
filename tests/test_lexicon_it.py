"""Italian mail, read through daemon/understand/lexicon.py (issue 14, round 17: b17-ital's
first reading was 0.541 category and 0.353 start; nearly every miss an Italian message).

Every sentence here is written for the test; none is taken from an evaluation set.
"""

from __future__ import annotations

import pytest
from mailmaker import mail, start
from test_classify import eml

from daemon.model import Category
from daemon.understand import lexicon
from daemon.understand.analyze import analyze
from daemon.understand.classify import classify
from daemon.understand.mail import parse

USERS = frozenset({"sam.candidate@mailbox.test"})
HR = "Elena Ferri <elena.ferri@officineborgo.it>"
ROME_DATE = "Mon, 09 Mar 2026 10:15:00 +0100"


def category(subject: str, body: str, *, sender: str = HR, reply: bool = False, headers: str = "") -> Category:
    raw = eml(sender, subject, body, in_reply_to="<a-1@officineborgo.it>" if reply else None)
    if headers:
        raw = raw.replace(b"Subject:", (headers + "\r\nSubject:").encode(), 1)
    return classify(parse(raw), USERS).category


@pytest.mark.parametrize(
    ("subject", "body", "reply", "want"),
    [
        (
            "Invito a colloquio – Progettista meccanico",
            "Gentile Sam, grazie per la Sua candidatura. Saremmo lieti di incontrarLa per un colloquio "
            "conoscitivo martedì 17 marzo alle ore 14:30 presso la nostra sede di Modena.",
            False,
            Category.INVITATION,
        ),
        (
            "Visita in azienda",
            "Buongiorno Sam, il nostro direttore tecnico vorrebbe conoscerLa: le andrebbe bene giovedì "
            "19 marzo alle 10?",
            False,
            Category.INVITATION,
        ),
        (
            "R: Colloquio in azienda",
            "Buongiorno, va bene venerdì alle 11. La aspetto in reception.\n\n"
            "> Per il colloquio potrei venerdì 13 marzo alle 11 oppure lunedì 16 marzo alle 15.",
            True,
            Category.INVITATION,
        ),
        (
            "Spostamento colloquio",
            "Gentile Sam, purtroppo dobbiamo spostare il colloquio di martedì: le proponiamo mercoledì 18 "
            "marzo alle 15:00, stessa sede.",
            False,
            Category.RESCHEDULE,
        ),
        (
            "Colloquio annullato",
            "Gentile Sam, siamo costretti ad annullare il colloquio previsto per martedì 17 marzo: la "
            "posizione è stata sospesa.",
            False,
            Category.CANCELLATION,
        ),
        (
            "Esito della selezione",
            "Gentile Sam, la ringraziamo per il tempo dedicato. Dopo un'attenta valutazione abbiamo deciso "
            "di proseguire con altri candidati il cui profilo è più in linea con le esigenze del ruolo.",
            False,
            Category.REJECTION,
        ),
        (
            "Proposta di assunzione",
            "Gentile Sam, siamo lieti di offrirle la posizione di Progettista meccanico con contratto a "
            "tempo indeterminato, CCNL Metalmeccanico, RAL 42.000 euro. Data di inizio: 4 maggio 2026.",
            False,
            Category.OFFER,
        ),
        (
            "Risposta automatica: Candidatura",
            "Sono fuori ufficio fino a lunedì 16 marzo con accesso limitato alla posta. Rientrerò il 16.",
            False,
            Category.AUTO_REPLY,
        ),
    ],
)
def test_italian_categories(subject: str, body: str, reply: bool, want: Category) -> None:
    assert category(subject, body, reply=reply) == want


@pytest.mark.parametrize(
    ("when", "want"),
    [
        ("lunedì 16 marzo alle ore 14:30", "2026-03-16T14:30:00+01:00"),
        ("giovedì 19/3 alle h. 9.30", "2026-03-19T09:30:00+01:00"),
        ("domani alle 17", "2026-03-10T17:00:00+01:00"),
        ("mercoledì 18 marzo ore 15", "2026-03-18T15:00:00+01:00"),
    ],
)
def test_italian_dates(when: str, want: str) -> None:
    body = f"Gentile Sam, la invitiamo a un colloquio conoscitivo {when} presso la nostra sede."
    raw = mail(HR, "Convocazione a colloquio", body, date=ROME_DATE)
    assert start(raw) == want


def test_a_forward_marked_by_italian_outlook_is_read_as_the_employer_s_message() -> None:
    body = (
        "Ciao Sam,\nti inoltro la conferma del cliente.\n\nGiulia\n\n"
        "-----Messaggio originale-----\n"
        "Da: Ufficio Personale <personale@fonderieriva.it>\n"
        "Inviato: lunedì 9 marzo 2026 09:40\n"
        "A: Giulia Conti <g.conti@agenziatalenti.it>\n"
        "Oggetto: Conferma colloquio\n\n"
        "Buongiorno Giulia,\nconfermiamo il colloquio con il candidato per venerdì 13 marzo 2026 ore 11.00.\n"
    )
    raw = mail("Giulia Conti <g.conti@agenziatalenti.it>", "I: Conferma colloquio", body, date=ROME_DATE)
    assert start(raw) == "2026-03-13T11:00:00+01:00"


def test_a_person_s_message_through_a_board_not_known_by_name_is_not_bulk_mail() -> None:
    """'Anna Neri via Lavorofacile' <noreply@lavorofacile.it>: the board's unsubscribe header says
    nothing about what the person wrote; any board, named after its own domain."""
    body = (
        "Hai ricevuto un nuovo messaggio.\n\nGentile Sam, vorremmo conoscerla con un breve colloquio "
        "telefonico giovedì 12 marzo alle 10:30.\nAnna Neri, HR"
    )
    headers = "List-Unsubscribe: <https://www.lavorofacile.it/unsub>"
    sender = "Anna Neri via Lavorofacile <noreply@lavorofacile.it>"
    assert category("Nuovo messaggio", body, sender=sender, headers=headers) == Category.INVITATION
    # "via" a name that is not the sending domain's: the unsubscribe header keeps it bulk mail
    other = "Anna Neri via Lavorofacile <noreply@mailer-eu.example>"
    assert category("Nuovo messaggio", body, sender=other, headers=headers) == Category.OTHER


def test_english_mail_does_not_turn_the_italian_table_on() -> None:
    text = "Hi Sam, thanks for your application. We would like to invite you to an interview on Tuesday at 10am."
    assert "it" not in lexicon.languages_shown(text)
    raw = eml(HR, "Quick chat", text)
    assert analyze(raw).category == Category.INVITATION


def test_german_alle_before_a_number_is_not_an_italian_clock() -> None:
    from daemon.understand.timeparse import scan

    for text in ("Alle 12 Jobs ansehen", "Der Newsletter kommt alle 2 Wochen.", "alle 3 settimane"):
        assert [m for m in scan(text)[0] if m.hour is not None] == [], text
    assert [m.hour for m in scan("ci sentiamo domani alle 17 al telefono")[0]] == [17]
