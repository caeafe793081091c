"""One message understood: its category and evidence, and the interview time it states.

The pure entry point of the understanding layer: bytes (or a parsed Mail) in, Analysis out.
``followupd explain`` prints it; the runner acts on it.
"""

from __future__ import annotations

import dataclasses

from daemon.budget import checkpoint
from daemon.model import SCHEDULING, Analysis, Category, Mail
from daemon.understand import classify, people, when
from daemon.understand.mail import parse


def analyze_mail(
    mail: Mail, user_addresses: frozenset[str] = frozenset(), known_employers: frozenset[str] = frozenset()
) -> Analysis:
    """``known_employers``: the organisation domains (``extract.org_domain``) of employers
    the user already has an application with; the runner knows them, ``explain`` does not."""
    c = classify.classify(mail, user_addresses, known_employers)
    checkpoint()
    interview = None
    if c.category in SCHEDULING:
        interview = when.infer_interview(mail, c.category, user_addresses)
        checkpoint()
    if c.category == Category.AUTO_REPLY and c.return_date is None:
        rd = when.return_date(mail)
        if rd is not None:
            c = dataclasses.replace(c, return_date=rd)
    if c.category not in SCHEDULING:
        return Analysis(classification=c, interview=interview)
    # who is who: the interviewers, the contact, the topics, and a client behind an agency
    found, hiring = people.people(mail, c.company, user_addresses)
    if found.agency is not None and hiring != c.company:
        c = dataclasses.replace(c, company=hiring, reasons=(*c.reasons, f"agency {found.agency} writes for a client"))
    c = dataclasses.replace(c, interviewers=found.interviewers)
    return Analysis(classification=c, interview=interview, people=found)


def analyze(raw: bytes) -> Analysis:
    return analyze_mail(parse(raw))
