"""One message understood: its category and evidence, and the interview time it states.

The pure entry point of the understanding layer: bytes (or a parsed Mail) in, Analysis out.
``followupd explain`` prints it; the runner acts on it.
"""

from __future__ import annotations

import dataclasses

from daemon.budget import checkpoint
from daemon.model import SCHEDULING, Analysis, Category, Mail
from daemon.understand import classify, when
from daemon.understand.mail import parse


def analyze_mail(mail: Mail, user_addresses: frozenset[str] = frozenset()) -> Analysis:
    c = classify.classify(mail, user_addresses)
    checkpoint()
    interview = None
    if c.category in SCHEDULING:
        interview = when.infer_interview(mail, c.category)
        checkpoint()
    if c.category == Category.AUTO_REPLY and c.return_date is None:
        rd = when.return_date(mail)
        if rd is not None:
            c = dataclasses.replace(c, return_date=rd)
    return Analysis(classification=c, interview=interview)


def analyze(raw: bytes) -> Analysis:
    return analyze_mail(parse(raw))
