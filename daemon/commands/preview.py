"""``followupd preview``: the stages and drafts the current config would produce.

The IO edge for policy and compose: it reads the config and the template files and the
clock (unless ``--now`` is given); everything it prints comes from the pure functions.
Without ``--now`` a past interview is planned as of its own start, so the schedule shown
is the one the policy gives, not one squeezed after today.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from daemon.errors import UserError
from daemon.followup.compose import DraftContext, TemplateSources, draft, human_date, load_templates
from daemon.followup.policy import plan, user_zone
from daemon.model import Address, PlannedStage, Round
from daemon.settings import Settings

#: the From address when the config names no account (preview works before any setup)
PLACEHOLDER_ADDR = "you@example.invalid"


@dataclass(frozen=True)
class StagePreview:
    stage: PlannedStage
    to: str
    subject: str
    body: str

    def to_json(self) -> dict[str, Any]:
        return {
            "stage": self.stage.stage,
            "due": self.stage.due.isoformat(),
            "to": self.to,
            "subject": self.subject,
            "body": self.body,
        }


def parse_moment(value: str, flag: str, zone: tzinfo) -> datetime:
    """An ISO 8601 date-time; without an offset it is read in the user's zone."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise UserError(
            f"not an ISO 8601 date-time: {value!r} (e.g. 2026-03-03T14:00 or 2026-03-03T14:00-05:00)",
            where=flag,
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment


def build_previews(
    settings: Settings,
    templates: TemplateSources,
    start: datetime,
    end: datetime | None,
    round: Round | None,
    company: str | None,
    role: str | None,
    interviewer: str | None,
    now: datetime,
) -> list[StagePreview]:
    """Plan the stages and draft each as it would be drafted at its due time. Pure."""
    stages = plan(start, end, round, company, None, settings, now)
    addresses = [a for acc in settings.accounts for a in acc.addresses]
    user_addr = addresses[0] if addresses else PLACEHOLDER_ADDR
    recipient = Address(name=interviewer, addr="") if interviewer else None
    out: list[StagePreview] = []
    for stage in stages:
        ctx = DraftContext(
            draft_id=f"preview:{stage.stage}",
            stage=stage,
            interview_start=start,
            user_name=settings.daemon.user_name,
            user_addr=user_addr,
            recipient=recipient,
            interviewers=(interviewer,) if interviewer else (),
            company=company,
            role=role,
            round=round,
            company_settings=settings.company(company),
        )
        msg = draft(ctx, settings, stage.due, templates)
        body = msg.get_content()
        out.append(
            StagePreview(
                stage=stage,
                to=str(msg["To"] or interviewer or ""),
                subject=str(msg["Subject"]),
                body=str(body).replace("\r\n", "\n"),
            )
        )
    return out


def _when(moment: datetime, zone: tzinfo) -> str:
    local = moment.astimezone(zone)
    return f"{human_date(local)}, {local.year} at {local:%H:%M} {local.tzname()}"


def _human(previews: list[StagePreview], settings: Settings, start: datetime, company: str | None) -> str:
    zone = user_zone(settings)
    lines = [f"interview: {_when(start, zone)} ({settings.daemon.timezone})"]
    if not previews:
        override = settings.company(company)
        why = (
            f"company {override.name!r} has skip = true"
            if override is not None and override.skip
            else "policy.max_followups is 0"
        )
        lines.append(f"no follow-ups: {why}")
        return "\n".join(lines)
    for p in previews:
        s = p.stage
        lines += [
            "",
            "=" * 72,
            f"{s.stage} ({s.kind.replace('_', '-')}) due {_when(s.due, zone)}",
        ]
        if s.reasons:
            lines.append("  because: " + "; ".join(s.reasons))
        lines += [
            "-" * 72,
            f"To: {p.to or '(the address of whoever writes to you)'}",
            f"Subject: {p.subject}",
            "",
            p.body.rstrip("\n"),
        ]
    return "\n".join(lines)


def cmd_preview(args: argparse.Namespace) -> int:
    from daemon.config import load_or_default

    settings = load_or_default(Path(args.config))
    zone = user_zone(settings)
    start = parse_moment(args.interview, "--interview", zone)
    end = parse_moment(args.end, "--end", zone) if args.end else None
    if end is not None and end <= start:
        raise UserError("must be after --interview", where="--end")
    # without --now, plan as of the interview itself: the natural schedule, which is what
    # someone tuning the policy wants to see even for an interview in the past
    now = parse_moment(args.now, "--now", zone) if args.now else min(datetime.now(UTC), start)
    previews = build_previews(
        settings, load_templates(settings), start, end, args.round, args.company, args.role, args.interviewer, now
    )
    if args.json:
        print(json.dumps({"stages": [p.to_json() for p in previews]}, ensure_ascii=False), flush=True)
    else:
        print(_human(previews, settings, start, args.company), flush=True)
    return 0
