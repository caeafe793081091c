"""Issue 14, round 5: English and calendar mail the held-back sets found wanting; each case is
mail written for the purpose, not copied from a set."""

from __future__ import annotations

import pytest

from daemon.understand.analyze import analyze


def mail(sender: str, subject: str, body: str, *, reply: bool = False, to: str = "", headers: str = "",
         date: str = "Mon, 09 Mar 2026 10:15:00 +0000") -> bytes:
    head = (
        f"From: {sender}\r\nTo: {to or 'Sam Candidate <sam.candidate@mailbox.test>'}\r\nSubject: {subject}\r\n"
        f"Date: {date}\r\n"
        f"Message-ID: <r5-{abs(hash(subject + body))}@test>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
    )
    if reply:
        head += "In-Reply-To: <earlier-1@test>\r\nReferences: <earlier-1@test>\r\n"
    head += headers
    return (head + "\r\n" + body.replace("\n", "\r\n")).encode()


def category(raw: bytes) -> tuple[str, tuple[str, ...]]:
    c = analyze(raw).classification
    return c.category.value, c.reasons


# --- rejections ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Quick update - Warehouse Analyst",
            "Hi Sam,\n\nThanks for your patience. We have offered the Warehouse Analyst\nposition to another "
            "candidate, who accepted yesterday. I enjoyed our chat a lot.\n\nBest,\nMira",
        ),
        (
            "Your application - Route Planner",
            "Dear Sam,\n\nThank you for the final round last Tuesday. After much deliberation we decided to "
            "offer the role to a candidate with longer experience in rail freight.\n\nKind regards,\nOlaf",
        ),
        (
            "Application update",
            "Hi Sam,\n\nThanks again for speaking with Lee and me on Monday; your fleet KPI scorecard "
            "was impressive.\n\nWe have decided not to move forward with your\ncandidacy at this time.\n\n"
            "All the best,\nDana",
        ),
    ],
)
def test_rejections_that_name_the_other_candidate_or_a_scorecard(subject: str, body: str) -> None:
    cat, reasons = category(mail("Dana Roe <dana@fleetco.example>", subject, body))
    assert cat == "rejection", reasons


def test_a_scorecard_sent_to_an_interviewer_is_still_the_interviewer_side() -> None:
    body = ("Hi Sam,\n\nYou are interviewing the candidate for the Analyst role on Thursday at 10:00. "
            "Please submit your scorecard by Friday.\n\nThanks,\nDana")
    cat, reasons = category(mail("Dana Roe <dana@fleetco.example>", "Interview panel: Analyst", body))
    assert cat == "other", reasons
