"""Issue 14, round 4: replies that schedule, move or decline in Spanish and Portuguese, and
replies that only refer to what is already arranged; each on mail written for the purpose."""

from __future__ import annotations

import pytest
from mailmaker import category, mail

# --- Spanish and Portuguese replies that schedule, move or decline ------------------------------


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Entrevista con Lumbre Datos",
            "Hola Sam,\n\nSoy Pilar, de Lumbre Datos. Te escribo por la entrevista para el puesto de Analista.\n"
            "¿Te viene bien el jueves 12 de marzo a las 11:00? Serán unos 40 minutos.\n\nSaludos,\nPilar",
        ),
        (
            "Re: Disponibilidad entrevista - Analista",
            "Perfecto Sam, entonces el jueves a las 11:00. Te envío ahora la invitación de Meet.\n\nPilar",
        ),
        (
            "Re: Vaga de Analista de Dados",
            "Combinado, terça às 14h então! Te mando o link da entrevista pelo e-mail.\n\nAbs,\nBeatriz",
        ),
        (
            "Próxima etapa - Analista de Dados",
            "Olá Sam!\n\nA próxima etapa para a vaga de Analista é uma entrevista com o gestor.\n"
            "Temos dois horários:\n- quinta, 12/03, às 10h\n- sexta, 13/03, às 15h\nQual prefere?\n\nAbraço,\nBeatriz",
        ),
        (
            "Entrevista amanhã",
            "Oi Sam,\n\nConfirmo sua entrevista com a gestora da vaga de Analista"
            " amanhã às 10h, pelo Meet.\n\nAtt,\nBeatriz",
        ),
    ],
)
def test_scheduling_replies_in_spanish_and_portuguese(subject: str, body: str) -> None:
    raw = mail("Recruiting <people@lumbre-datos.example>", subject, body, reply=subject.startswith("Re:"))
    cat, reasons = category(raw)
    assert cat == "invitation", reasons


@pytest.mark.parametrize(
    "body",
    [
        "Hola Sam,\n\nEl panel no puede el martes. Movimos la entrevista al jueves 12 de marzo, "
        "misma hora (11:00).\n\nPilar",
        "Oi Sam,\n\nPrecisamos remarcar para quinta, 12/03, às 10h a sua entrevista.\n\nBeatriz",
    ],
)
def test_moves_in_spanish_and_portuguese(body: str) -> None:
    raw = mail("Recruiting <people@lumbre-datos.example>", "Re: Entrevista - Analista", body, reply=True)
    cat, reasons = category(raw)
    assert cat == "reschedule", reasons


@pytest.mark.parametrize(
    "sentence",
    [
        "Tras valorar todas las candidaturas, hemos decidido seguir el proceso con otras personas.",
        "Infelizmente, neste momento não vamos seguir com a sua candidatura.",
        "Infelizmente não avançaremos com o seu perfil.",
        "Decidimos por seguir com outros candidatos.",
    ],
)
def test_declined_in_a_reply_in_spanish_and_portuguese(sentence: str) -> None:
    raw = mail(
        "Talento <talento@albarda-grupo.example>",
        "Re: Entrevista - Analista",
        f"Hola Sam:\n\nGracias por tu tiempo en la entrevista. {sentence}\n\nUn saludo,\nMarta",
        reply=True,
    )
    cat, reasons = category(raw)
    assert cat == "rejection", reasons


@pytest.mark.parametrize(
    "body",
    [
        "Nuevo estado: Descartado\n\nPuesto: Analista de Datos\nEmpresa: Lumbre Datos",
        "Status: candidatura não selecionada. Vaga: Analista de Dados.",
    ],
)
def test_bulk_job_board_status_that_discards_is_a_rejection(body: str) -> None:
    raw = mail(
        "Portal Empleo <notificaciones@portal-empleo.example>",
        "Actualización de tu candidatura",
        body,
        headers="List-Unsubscribe: <mailto:baja@portal-empleo.example>\r\nPrecedence: bulk\r\n",
    )
    cat, reasons = category(raw)
    assert cat == "rejection", reasons


# --- replies that schedule nothing new ----------------------------------------------------------


def test_reply_confirming_adjustments_to_arrangements_already_made_is_an_employer_reply() -> None:
    raw = mail(
        "HR Team <hr@riverdale-council.example.org>",
        "RE: Ref 4471 Planning Officer - Invitation to Interview",
        "Dear Sam\n\nThank you for confirming. I have arranged for the interview to take place in a quiet room "
        "and we will give you extra time for the written exercise.\n\nEverything else remains as set out in "
        "our letter.\n\nRegards\nHR Team",
        reply=True,
    )
    cat, reasons = category(raw)
    assert cat == "employer_reply", reasons


def test_times_promised_after_the_candidate_asked_to_move_is_an_employer_reply() -> None:
    raw = mail(
        "Tom Reyes <tom@brightkiln.example>",
        "Re: Brightkiln intro call",
        "Of course, Sam. I'll check with the hiring manager and come back to you with a few times next week.\n\n"
        "Tom\n\nOn Fri, Mar 6, 2026 at 4:00 PM Sam Candidate wrote:\n"
        "> Hi Tom, could we move our call to the week after? Something came up.",
        reply=True,
    )
    cat, reasons = category(raw)
    assert cat == "employer_reply", reasons


def test_an_event_where_they_met_frames_nothing() -> None:
    raw = mail(
        "Ines Duarte <ines@quillfield.example>",
        "Backend role at Quillfield",
        "Hi Sam,\n\nGreat to meet you at the Lisbon Python meetup last night! We'd like to invite you to an "
        "interview for the Backend Engineer role on Thursday, March 12 at 3pm at our office.\n\nInes",
    )
    cat, reasons = category(raw)
    assert cat == "invitation", reasons
