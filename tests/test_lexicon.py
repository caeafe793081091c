"""Spanish and Portuguese mail, read through daemon/understand/lexicon.py (issue 14, round 3).

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
BRT = timezone(timedelta(hours=-3))
REF = datetime(2026, 3, 2, 9, 0, tzinfo=BRT)  # a Monday morning in São Paulo
HR = "Marina Souto <marina.souto@tecnoluz.com.br>"


def category(subject: str, body: str, *, sender: str = HR, reply: bool = False) -> Category:
    raw = eml(sender, subject, body, in_reply_to="<a-1@tecnoluz.com.br>" if reply else None)
    return classify(parse(raw), USERS).category


@pytest.mark.parametrize(
    ("subject", "body", "want"),
    [
        # invitations
        (
            "Convite para entrevista - Analista de Dados",
            "Olá Sam,\n\nGostaríamos de conversar com você sobre a vaga de Analista de Dados. "
            "Qual a sua disponibilidade na próxima semana?\n\nAbraços,\nMarina",
            Category.INVITATION,
        ),
        (
            "Tu postulación en Ferrolinea",
            "Hola Sam:\n\nTe invitamos a una entrevista por videollamada para el puesto de Analista. "
            "¿Cuál es tu disponibilidad esta semana?\n\nSaludos,\nMarina",
            Category.INVITATION,
        ),
        (
            "Proceso de selección",
            "Hola Sam, confirmamos tu entrevista con el equipo técnico el jueves 5 de marzo a las 11:00.\n\nMarina",
            Category.INVITATION,
        ),
        # reschedule
        (
            "Reagendamento da sua entrevista",
            "Olá Sam, precisamos remarcar a sua entrevista. "
            "A nova data será quinta-feira, 5 de março, às 15h.\n\nMarina",
            Category.RESCHEDULE,
        ),
        (
            "Cambio de fecha - entrevista",
            "Hola Sam, tenemos que reprogramar la entrevista. La nueva fecha es el martes 10 de marzo a las 16:00 hs.",
            Category.RESCHEDULE,
        ),
        # cancellation
        (
            "Entrevista cancelada",
            "Hola Sam, lamentablemente debemos cancelar la entrevista del jueves para el puesto de Analista.",
            Category.CANCELLATION,
        ),
        # rejection
        (
            "Atualização sobre sua candidatura",
            "Olá Sam,\n\nAgradecemos seu interesse na vaga. Infelizmente, neste momento não seguiremos com a "
            "sua candidatura.\n\nEquipe de Recrutamento",
            Category.REJECTION,
        ),
        (
            "Tu candidatura",
            "Hola Sam, lamentamos informarte que hemos decidido seguir con otros candidatos para el puesto.",
            Category.REJECTION,
        ),
        # offer
        (
            "Proposta de emprego - Tecnoluz",
            "Olá Sam,\n\nTemos o prazer de apresentar a proposta de emprego para o cargo de Analista. "
            "Salário base mensal de R$ 9.000, plano de saúde e data de início em 6 de abril.",
            Category.OFFER,
        ),
        # auto-reply
        (
            "Respuesta automática: Entrevista",
            "Estoy fuera de la oficina hasta el lunes 9 de marzo. A mi regreso responderé tu correo.",
            Category.AUTO_REPLY,
        ),
        # acknowledgement from a job board
        (
            "Candidatura recebida",
            "Olá Sam, recebemos sua candidatura para a vaga de Analista de Dados. Sua candidatura está em análise.",
            Category.OTHER,
        ),
    ],
)
def test_spanish_and_portuguese_categories(subject: str, body: str, want: Category) -> None:
    assert category(subject, body) == want


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        # a press or podcast interview is not a job interview
        (
            "Entrevista para o podcast",
            "Olá Sam, sou jornalista e gostaria de agendar uma entrevista para o nosso podcast na quinta às 15h.",
        ),
        (
            "Entrevista para la revista",
            "Hola Sam, soy periodista y nos gustaría conversar contigo: te invitamos a una entrevista para la "
            "revista el jueves a las 10:00.",
        ),
        # a consular appointment
        (
            "Confirmación de cita",
            "Su entrevista consular ha sido confirmada para el 12 de marzo a las 08:30 en el consulado.",
        ),
    ],
)
def test_non_employer_interviews_are_not_invitations(subject: str, body: str) -> None:
    assert category(subject, body) != Category.INVITATION


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("quinta-feira, 5 de março de 2026, às 14h", "2026-03-05T14:00:00-03:00", None),
        ("martes 10 de marzo a las 16:00 hs", "2026-03-10T16:00:00-03:00", None),
        ("qua., 11 de mar. de 2026 12h30", "2026-03-11T12:30:00-03:00", None),
        (
            "dia 12 de março, de 10h a 11h (horário de Brasília)",
            "2026-03-12T10:00:00-03:00",
            "2026-03-12T11:00:00-03:00",
        ),
        ("miércoles 15 de abril de 2026, 10:00 hora peninsular", "2026-04-15T10:00:00+02:00", None),
        ("jueves 16 de abril a las 9:30, hora de Ciudad de México", "2026-04-16T09:30:00-06:00", None),
        ("sexta-feira, 13 de março, 9h, hora de Lisboa", "2026-03-13T09:00:00+00:00", None),
        ("lunes 9 de marzo, 11:00 hora canaria", "2026-03-09T11:00:00+00:00", None),
        ("viernes 13 de marzo a las 15:00 hora de Santiago", "2026-03-13T15:00:00-03:00", None),
    ],
)
def test_spanish_and_portuguese_dates(text: str, start: str, end: str | None) -> None:
    found = resolve(text, REF)
    assert found, text
    assert found[0].start.isoformat() == start
    assert (found[0].end.isoformat() if found[0].end else None) == end


@pytest.mark.parametrize(
    ("subject", "body", "want"),
    [
        # a proposal of times, said the colloquial way
        (
            "Siguiente paso",
            "Hola Sam, te propongo estas opciones para la entrevista con el equipo: "
            "lunes 9/3 a las 11 hs o martes 10/3 a las 16 hs. Decime cuál te queda mejor.",
            Category.INVITATION,
        ),
        (
            "Entrevista con el equipo",
            "Hola Sam, quedamos agendados para la entrevista el lunes 9 de marzo a las 12:00.",
            Category.INVITATION,
        ),
        # a job board's status change is a decision; thanks for one's interest alone is not an acknowledgement
        (
            "Tu candidatura ha cambiado de estado",
            "Hola Sam,\n\nPuesto: Analista\nNuevo estado: descartado\n\n"
            "La empresa ha decidido seguir con otros perfiles.",
            Category.REJECTION,
        ),
        # an offer as a summary: pay lines and a start
        (
            "Tu oferta",
            "Hola Sam, la empresa quiere incorporarte. Salario: 48.000 € brutos anuales, contrato "
            "indefinido, fecha de incorporación el 4 de mayo.",
            Category.OFFER,
        ),
        (
            "Proposta",
            "Olá Sam, enviamos a proposta para a vaga de Analista. Regime: CLT. Salário: R$ 9.000. "
            "Início previsto em abril.",
            Category.OFFER,
        ),
    ],
)
def test_colloquial_cues(subject: str, body: str, want: Category) -> None:
    assert category(subject, body) == want


def test_accents_are_optional() -> None:
    assert lexicon.accent_tolerant("reunião") == "reuni[ãa]o"
    assert lexicon.accent_tolerant("reuni[oó]n") == "reuni[oó]n"  # a class is left as written


def test_every_language_has_the_same_concepts() -> None:
    concepts = [set(t) for t in lexicon.LANGUAGES.values()]
    assert all(c == concepts[0] for c in concepts)
