"""``followupd explain``: what followupd understands of one message.

``analyze`` is the pure entry point the daemon uses too: bytes in, Analysis out.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from daemon import classify, when
from daemon.budget import checkpoint
from daemon.mail import parse
from daemon.model import SCHEDULING, Analysis, Category, Mail


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


def _human(name: str, a: Analysis) -> str:
    c = a.classification
    lines = [f"{name}: {c.category.value} (confidence {c.confidence:.2f})"]
    who = " — ".join(x for x in (c.company, c.role) if x)
    if who:
        lines.append(f"  about:     {who}" + (f", {c.round} round" if c.round else ""))
    if c.interviewers:
        lines.append(f"  with:      {', '.join(c.interviewers)}")
    iv = a.interview
    if iv is not None:
        if iv.start:
            span = iv.start.isoformat() + (f" → {iv.end.isoformat()}" if iv.end else "")
            zone = f" [{iv.timezone}]" if iv.timezone else ""
            lines.append(f"  interview: {span}{zone} (from {iv.source})")
        elif iv.slots:
            lines.append("  proposed:  " + ", ".join(s.isoformat() for s in iv.slots))
    elif c.category in SCHEDULING:
        lines.append("  interview: no definite time stated")
    if c.return_date:
        lines.append(f"  back on:   {c.return_date.isoformat()}")
    for r in (*c.reasons, *a.extra_reasons):
        lines.append(f"  because:   {r}")
    return "\n".join(lines)


def cmd_explain(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            print(f"followupd: {path}: {exc.strerror or exc}", file=sys.stderr)
            status = 1
            continue
        a = analyze(raw)
        if args.json:
            print(json.dumps(a.to_json(path.name), ensure_ascii=False), flush=True)
        else:
            print(_human(str(path), a), flush=True)
    return status
