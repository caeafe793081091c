"""French mail (France, Switzerland, Belgium, Québec) read through lexicon.FRENCH (issue 14, round 5).

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
from daemon.understand.timeparse import dayfirst_by_language, resolve

USERS = frozenset({"sam.candidate@mailbox.test"})
CET = timezone(timedelta(hours=1))
REF = datetime(2026, 3, 2, 9, 0, tzinfo=CET)  # a Monday morning in Lyon
HR = "Claire Dumont <claire.dumont@verrerie-arnaud.fr>"


def category(subject: str, body: str, *, sender: str = HR, reply: bool = False) -> Category:
    raw = eml(sender, subject, body, in_reply_to="<a-1@verrerie-arnaud.fr>" if reply else None)
    return classify(parse(raw), USERS).category


@pytest.mark.parametrize(
    ("subject", "body", "want"),
    [
        # interview (entretien / entrevue), invite_text
        (
            "Votre candidature – Chargé de projets",
            "Bonjour Sam,\n\nNous aimerions vous rencontrer pour un entretien au sujet du poste de chargé de "
            "projets. Quelles sont vos disponibilités la semaine prochaine ?\n\nClaire",
            Category.INVITATION,
        ),
        (
            "Poste d'analyste",
            "Bonjour Sam, je vous propose un entretien téléphonique le mardi 10 mars à 14h30. "
            "Seriez-vous disponible ?\n\nClaire",
            Category.INVITATION,
        ),
        # invite_subject: a convocation
        (
            "Convocation à un entretien – Comptable",
            "Madame, Monsieur,\n\nNous avons le plaisir de vous convier à l'entretien le jeudi 5 mars 2026 à "
            "9h00 dans nos locaux de Lyon.\n\nService des ressources humaines",
            Category.INVITATION,
        ),
        # Québec: an agency for "notre client" (hiring)
        (
            "Mandat – Coordonnatrice logistique",
            "Bonjour Sam,\n\nJe travaille sur un mandat pour notre client, un distributeur de Laval. "
            "Votre profil m'intéresse : seriez-vous disponible pour une entrevue jeudi à 10 h ?\n\nLouis",
            Category.INVITATION,
        ),
        # a time settled in a reply
        (
            "RE: Entretien",
            "Parfait, c'est noté pour jeudi 9h. Je vous envoie le lien de la visio.\n\nClaire",
            Category.INVITATION,
        ),
        # reschedule_text / reschedule_subject
        (
            "Report de votre entretien",
            "Bonjour Sam, nous devons reporter votre entretien de mercredi. Nouvelle date : vendredi 6 mars "
            "à 11h, même heure de fin.\n\nClaire",
            Category.RESCHEDULE,
        ),
        (
            "Changement d'horaire",
            "Bonjour Sam, nous devons déplacer notre entrevue au lundi 9 mars, à la même heure.",
            Category.RESCHEDULE,
        ),
        # cancel_subject / cancel_text
        (
            "Entretien annulé",
            "Bonjour Sam, nous sommes contraints d'annuler votre entretien de jeudi pour le poste d'analyste.",
            Category.CANCELLATION,
        ),
        # rejection
        (
            "Votre candidature",
            "Bonjour Sam,\n\nNous avons le regret de vous informer que nous ne pouvons pas donner suite à votre "
            "candidature.\n\nL'équipe recrutement",
            Category.REJECTION,
        ),
        (
            "Suite de votre candidature",
            "Bonjour Sam, après réflexion, nous avons retenu une autre candidature pour ce poste. "
            "Nous vous souhaitons bonne continuation.",
            Category.REJECTION,
        ),
        # offer, offer_subject, pay, start
        (
            "Promesse d'embauche – Chargé de projets",
            "Bonjour Sam,\n\nVous trouverez ci-joint votre promesse d'embauche. Salaire annuel brut : 48 000 €, "
            "date d'entrée en fonction le 4 mai 2026, contrat à durée indéterminée.\n\nClaire",
            Category.OFFER,
        ),
        # auto-reply: ooo_subject, ooo_away, ooo_return
        (
            "Réponse automatique : Entretien",
            "Bonjour, je suis absente du bureau jusqu'au 13 mars. De retour le lundi 16 mars.",
            Category.AUTO_REPLY,
        ),
        # acknowledgement (ack) from an applicant tracking system
        (
            "Candidature reçue",
            "Bonjour Sam, nous avons bien reçu votre candidature pour le poste d'analyste. Elle sera étudiée "
            "avec attention et nous vous tiendrons informé des prochaines étapes.",
            Category.OTHER,
        ),
        # a job board's alert (negative_topic)
        (
            "Alerte emploi : 12 nouvelles offres pour vous",
            "Bonjour Sam, voici les nouvelles offres d'emploi qui correspondent à votre recherche : "
            "Chargé de projets (Lyon), Analyste (Genève).",
            Category.OTHER,
        ),
    ],
)
def test_french_categories(subject: str, body: str, want: Category) -> None:
    assert category(subject, body) == want


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        # "entretien" is also upkeep: a boiler service booked for Thursday
        (
            "Entretien annuel de votre chaudière",
            "Bonjour, notre technicien passera pour l'entretien de la chaudière le jeudi 5 mars entre 8h et 12h. "
            "Merci de confirmer votre présence.",
        ),
        # and a press interview
        (
            "Demande d'entretien",
            "Bonjour Sam, je suis journaliste et je souhaiterais vous rencontrer pour un entretien pour le "
            "magazine, mardi à 15h si vous êtes disponible.",
        ),
        # a medical appointment
        (
            "Confirmation de rendez-vous",
            "Votre rendez-vous médical est confirmé le 12/03 à 8h30.",
        ),
    ],
)
def test_french_non_employer_mail_is_not_an_invitation(subject: str, body: str) -> None:
    assert category(subject, body) != Category.INVITATION


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("jeudi 5 mars 2026 à 9h00", "2026-03-05T09:00:00+01:00", None),
        ("jeudi 5 mars, de 14 h à 15 h (heure de l'Est)", "2026-03-05T14:00:00-05:00", "2026-03-05T15:00:00-05:00"),
        ("le 12/03 à 14h30", "2026-03-12T14:30:00+01:00", None),
        ("mercredi 11 mars, de 10 h 30 à 12 h 00", "2026-03-11T10:30:00+01:00", "2026-03-11T12:00:00+01:00"),
        ("de 9h à 10h le mardi 10 mars", "2026-03-10T09:00:00+01:00", "2026-03-10T10:00:00+01:00"),
        ("jeudi 5 mars à 10h (heure de Paris)", "2026-03-05T10:00:00+01:00", None),
        ("jeudi 5 mars à 10h, heure de Genève", "2026-03-05T10:00:00+01:00", None),
        ("jeudi 5 mars à 10h heure de Montréal", "2026-03-05T10:00:00-05:00", None),
        ("jeudi 5 mars à 10h heure de l'Est", "2026-03-05T10:00:00-05:00", None),
        ("mardi 10 mars à 9h, heure du Pacifique", "2026-03-10T09:00:00-07:00", None),
        ("jeudi 5 mars à 10h heure d'Europe centrale", "2026-03-05T10:00:00+01:00", None),
        ("jeudi 5 mars à 10h HNE", "2026-03-05T10:00:00-05:00", None),
        ("jeudi 9 juillet à 13 h 15 HAE", "2026-07-09T13:15:00-04:00", None),
    ],
)
def test_french_dates(text: str, start: str, end: str | None) -> None:
    found = resolve(text, REF)
    assert found, text
    assert found[0].start.isoformat() == start
    assert (found[0].end.isoformat() if found[0].end else None) == end


def test_french_counts_as_a_day_first_language() -> None:
    assert "fr" in lexicon.DAYFIRST_WORDS
    text = "Bonjour Sam, merci pour votre candidature. Nous vous proposons un entretien le 04/03 avec le directeur."
    assert dayfirst_by_language(text)


def test_french_accents_are_optional() -> None:
    assert lexicon.accent_tolerant("très") == "tr[èe]s"


def test_a_length_after_duree_is_not_a_time() -> None:
    found = resolve("Rendez-vous le mardi 17 mars à 15h00 (durée prévue :\n1h30) dans nos bureaux.", REF)
    assert [m.start.isoformat() for m in found] == ["2026-03-17T15:00:00+01:00"]
