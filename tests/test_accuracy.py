"""Accuracy of ``analyze`` on every labelled corpus.

The shared corpus (``../shared/corpus`` next to the repository) is the one the rules
were written against; ``tests/fixtures/mail`` is an unseen corpus written to the same
rules with other companies, vendors and formats. Each is held to the same bar.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from shared_data import SHARED

from daemon.model import Analysis
from daemon.understand.analyze import analyze

REPO = Path(__file__).resolve().parents[1]
CORPORA = {
    "shared": SHARED / "corpus",
    "fixtures": REPO / "tests" / "fixtures" / "mail",
    # written blind to the rules; first measured at 0.956 and 0.925 before the generic
    # fixes their misses led to (see bench/RESULTS.md)
    "heldout": REPO / "tests" / "fixtures" / "heldout",
    "heldout2": REPO / "tests" / "fixtures" / "heldout2",
}
# the blind sets of issue 14 (tests/fixtures/blind/README.md): written without sight of the
# rules, first measured before any change for them (bench/RESULTS.md), tuning sets since;
# every one is held to the same bar, so a change that helps one set cannot quietly cost another
CORPORA.update({p.name: p for p in sorted((REPO / "tests" / "fixtures" / "blind").iterdir()) if p.is_dir()})

MIN_CATEGORY_ACCURACY = 0.95
MIN_START_ACCURACY = 0.95
#: sets still below the bar: (category, start) floors at their current figures, so they can
#: only rise while the work on them goes on (bench/RESULTS.md, issue 14)
BELOW_THE_BAR: dict[str, tuple[float, float]] = {
    # tuned, still below the bar on starts
    "b2-formal": (0.98, 0.93),
    "bl-final": (1.0, 0.96),
    "bl-final3": (1.0, 1.0),
    # the third round, measured once at 7b9c39f after rounds 1–5 (0.787/0.742, 0.902/0.853);
    # b3-alpha since tuned by the Dutch table
    "b3-alpha": (1.0, 1.0),
    "b3-beta": (1.0, 0.97),
    # the fourth round, measured once at 1f7567a (0.899/0.806 with one false invitation,
    # 0.910/0.943), then tuned
    "b4-gamma": (0.98, 0.97),
    "b4-delta": (1.0, 0.97),
    # the fifth round, measured once at 2ce3924 (0.899/0.794 and 0.762/0.750, one false
    # invitation each), then tuned
    "b5-epsilon": (1.0, 1.0),
    "b5-zeta": (0.98, 0.97),
    # the sixth round, measured once: b6-theta at 3293966 (0.887/0.882), b6-eta at 3b54e86
    # (0.886/0.838), then tuned
    "b6-eta": (1.0, 1.0),
    "b6-theta": (0.97, 0.91),
    # the seventh round, measured once: b7-iota at 5ab2a88 (0.938/0.971), b7-kappa at 8240cff
    # (0.850/0.667), then tuned
    "b7-iota": (1.0, 1.0),
    "b7-kappa": (0.97, 0.90),
    # the eighth round, measured once: b8-lambda at 6f8b709 (0.912/0.818), b8-mu at c7c0182
    # (1.000/0.919), then tuned
    "b8-lambda": (0.95, 0.90),
    "b8-mu": (1.0, 0.94),
    # the ninth round, measured once: b9-xi at 69d9311 (0.785/0.657), then tuned; b9-nu at
    # 97c3cf6 (0.975/1.000), not tuned on
    "b9-nu": (0.98, 1.0),
    "b9-xi": (0.96, 0.91),
    # the tenth round, measured once at d499de2: b10-rho (0.884/0.844), b10-pi (0.869/0.861,
    # two false invitations), b10-omicron (0.857/0.800, two false invitations), then tuned
    "b10-rho": (1.0, 1.0),
    "b10-pi": (0.97, 1.0),
    "b10-omicron": (1.0, 1.0),
    # the final set of the fifth session, kept untouched until round 10's fixes were in and
    # measured once at 979b3ea (0.927/0.857, no false invitation), then tuned
    "b10-sigma": (1.0, 1.0),
    # the eleventh round, measured once at eb6dbeb: b11-upsilon (0.939/0.886, one false
    # invitation), b11-phi (0.790/0.727), b11-tau (0.878/0.824), then tuned
    "b11-upsilon": (1.0, 1.0),
    "b11-phi": (1.0, 1.0),
    "b11-tau": (1.0, 0.97),
    # held back until round 11's fixes were in, measured once at c404d5e (0.879/0.853, two
    # false invitations), then tuned
    "b11-omega": (0.97, 0.97),
    # the twelfth round, measured once at 0046d44: b12-chi (0.793/0.812, three false
    # invitations), b12-lam (0.880/0.914, one), b12-psi (0.943/0.921), then tuned
    "b12-chi": (1.0, 1.0),
    "b12-lam": (1.0, 1.0),
    "b12-psi": (1.0, 1.0),
    # held back until round 12's fixes were in, measured once at 22d54e7 (1.000/0.946, no false
    # invitation), then tuned (two cities' zones)
    "b12-fin": (1.0, 1.0),
    # the thirteenth round: b13-he and b13-vav measured once at 6461e6b (0.882/0.771 and
    # 0.961/0.879; b13-vav was meant to be held back and was measured early by mistake), then
    # tuned; b13-dalet measured once at 7faed05 after their fixes (0.892/0.818), tuned a little
    "b13-he": (0.97, 0.91),
    "b13-vav": (0.98, 1.0),
    "b13-dalet": (0.97, 0.93),
    # the fourteenth round, measured once at ec00f68 (a clean worktree): b14-acad (0.921/0.967,
    # three false invitations), b14-east (0.918/0.795, one), b14-nord (0.651/0.472: Swedish,
    # Norwegian and Danish, which no table read), then tuned
    "b14-acad": (0.97, 0.96),
    "b14-east": (0.96, 0.94),
    "b14-nord": (0.96, 0.94),
    # held back until round 14's fixes were in, measured once at 24af6e1 (0.926/0.889, one false
    # invitation), then tuned
    "b14-fin": (1.0, 1.0),
    # the fifteenth round, measured once at dc6bde6 (a clean worktree): b15-ind (0.921/0.812),
    # b15-gov (0.951/0.909), b15-air (0.963/0.730), no false invitation, then tuned
    "b15-ind": (0.94, 0.90),
    "b15-gov": (0.98, 0.90),
    "b15-air": (0.96, 0.83),
    # held back until round 15's fixes were in, measured once at 75ecc92 (0.932/0.969, one false
    # invitation: a career coach's booking), then tuned
    "b15-fin": (0.95, 0.96),
    # the sixteenth round, measured once at 64927b2: b16-trade (0.827/0.636, one false
    # invitation), b16-med (0.933/0.886, two), b16-afr (0.905/0.886), then tuned a little
    "b16-trade": (0.93, 0.81),
    "b16-med": (0.96, 0.91),
    "b16-afr": (0.96, 0.91),
    # held back until round 16's fixes were in, measured once at b3a977f (0.947/0.914, one
    # false invitation: a scheduling tool's newsletter), then tuned for that only
    "b16-fin": (0.96, 0.91),
    # the seventeenth round, measured once at cbba88c (a clean worktree): b17-ital (0.541/0.353:
    # Italian, which no table read), b17-nz (0.959/0.882, one false invitation), b17-exec
    # (0.628/0.294, one: executive search, whose meetings with chairs and CEOs name no interview);
    # b17-ital and b17-nz tuned to 1.0, b17-exec as far as its words go
    "b17-exec": (0.75, 0.47),
    # held back until round 17's fixes were in, measured once at 3514326 (0.897/0.818), then tuned
    "b17-fin": (1.0, 1.0),
    # the eighteenth round, measured once at 8b247aa (a clean worktree): b18-intern (0.939/0.879)
    # and b18-hourly (0.877/0.778), no false invitation, then tuned
    "b18-intern": (0.98, 0.96),
    "b18-hourly": (0.96, 0.88),
    # held back until round 18's fixes were in, measured once at 7784acd (0.949/0.939, two false
    # invitations: a placement agency's "update your availability"), then tuned
    "b18-fin": (0.98, 0.96),
    # the nineteenth round, measured once at e1cfe5a (a clean worktree): b19-media (0.770/0.633,
    # six false invitations: podcasts, reporters and shoots booking "interviews"), b19-vet
    # (0.937/0.794, three: military clocks, a clearance investigator, a class), b19-remote
    # (0.905/0.838), then tuned
    "b19-media": (0.98, 0.96),
    "b19-vet": (1.0, 1.0),
    "b19-remote": (1.0, 0.97),
    # held back until round 19's fixes were in, measured once at 0d41335: 1.000/1.000, no false
    # invitation (the first held-back set to meet issue 14's bar); not tuned on
    "b19-fin": (1.0, 1.0),
    # the twentieth round, measured once at f66ab4c (a clean worktree): b20-pilot (0.849/0.710),
    # b20-freelance (0.949/0.909), b20-threads (0.908/0.759, one false invitation), then tuned
    "b20-pilot": (0.98, 1.0),
    "b20-freelance": (1.0, 1.0),
    "b20-threads": (1.0, 0.86),
    # held back until round 20's fixes were in, measured once at 00a47d2 (0.951/0.972, no false
    # invitation), then tuned (the user's own candidates answering her invitations)
    "b20-fin": (1.0, 1.0),
    # the twenty-first round, measured once at 5458703 (a clean worktree): b21-cal (0.887/0.886,
    # two false invitations: an interviewer's "Declined:", a search firm's hold for the user as
    # the one hiring), b21-loops (0.934/0.812, one: a prep guide's example timetable), b21-relay
    # (0.961/0.903; the prefilter lost six of its job messages), then tuned
    "b21-cal": (0.95, 0.91),
    "b21-loops": (1.0, 0.90),
    "b21-relay": (0.98, 0.96),
    # held back until round 21's fixes were in, measured once at 7e1086d (0.920/0.833, no false
    # invitation), then tuned (clinic job titles, a forwarding note's clock)
    "b21-fin": (0.98, 0.96),
    # the twenty-second round, measured once at 80c5f56 (a clean worktree): b22-host (0.730/0.559,
    # two false invitations: a booking tool's notices to the user as host), then tuned
    "b22-host": (0.97, 0.97),
    # b22-coop, measured once at 7bdedd9 (0.812/0.767, no false invitation; the prefilter lost 11 of
    # its 57 job messages: the school's co-op system read as the student's colleagues), then tuned
    "b22-coop": (0.92, 0.90),
    # held back until round 22's fixes were in, measured once at bb1f743 (0.940/0.879, one false
    # invitation: a technical exercise to send by a deadline), then tuned
    "b22-fin": (0.97, 0.96),
}


@dataclass(frozen=True)
class Case:
    file: str
    label: dict[str, Any]
    analysis: Analysis


@functools.cache
def _cases(name: str) -> tuple[Case, ...]:
    root = CORPORA[name]
    labels_path = root / "labels.jsonl"
    if not labels_path.is_file():
        pytest.skip(f"{name} corpus not present at {root}")
    cases = []
    for line in labels_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        label = json.loads(line)
        raw = (root / label["file"]).read_bytes()
        cases.append(Case(label["file"], label, analyze(raw)))
    assert cases, f"{labels_path} holds no labels"
    return tuple(cases)


def _minute(d: datetime) -> datetime:
    """The instant, to the minute: equal instants in other offsets compare equal."""
    return d.astimezone(UTC).replace(second=0, microsecond=0)


def _predicted_start(a: Analysis) -> datetime | None:
    return a.interview.start if a.interview is not None else None


def _fmt(d: datetime | None) -> str:
    return d.isoformat() if d is not None else "None"


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_category_accuracy(corpus: str) -> None:
    cases = _cases(corpus)
    misses = [
        f"{c.file}: expected {c.label['category']}, got {c.analysis.category.value}"
        for c in cases
        if c.analysis.category.value != c.label["category"]
    ]
    accuracy = 1 - len(misses) / len(cases)
    bar = BELOW_THE_BAR.get(corpus, (MIN_CATEGORY_ACCURACY, 0.0))[0]
    assert accuracy >= bar, (
        f"{corpus}: category accuracy {accuracy:.3f} < {bar} "
        f"({len(misses)} of {len(cases)} wrong):\n" + "\n".join(misses)
    )


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_no_other_mail_read_as_invitation(corpus: str) -> None:
    cases = _cases(corpus)
    others = [c for c in cases if c.label["category"] == "other"]
    assert others, f"{corpus}: no 'other' mail to check"
    misses = [
        f"{c.file}: expected other, got invitation ({c.label['note']})"
        for c in others
        if c.analysis.category.value == "invitation"
    ]
    assert not misses, f"{corpus}: hard negatives read as invitations:\n" + "\n".join(misses)


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_interview_start_accuracy(corpus: str) -> None:
    cases = _cases(corpus)
    timed = [c for c in cases if c.label["interview_start"]]
    assert timed, f"{corpus}: no labelled interview times"
    misses = []
    for c in timed:
        expected = datetime.fromisoformat(c.label["interview_start"])
        got = _predicted_start(c.analysis)
        if got is None or _minute(got) != _minute(expected):
            misses.append(
                f"{c.file}: expected {_fmt(expected)}, got {_fmt(got)} "
                f"(category {c.analysis.category.value}; {c.label['note']})"
            )
    accuracy = 1 - len(misses) / len(timed)
    bar = BELOW_THE_BAR.get(corpus, (0.0, MIN_START_ACCURACY))[1]
    assert accuracy >= bar, (
        f"{corpus}: interview-start accuracy {accuracy:.3f} < {bar} "
        f"({len(misses)} of {len(timed)} wrong):\n" + "\n".join(misses)
    )


def test_minute_comparison_is_by_instant() -> None:
    a = datetime.fromisoformat("2026-03-03T14:00:00-05:00")
    b = datetime.fromisoformat("2026-03-03T19:00:30+00:00")
    c = datetime.fromisoformat("2026-03-03T14:01:00-05:00")
    assert _minute(a) == _minute(b)
    assert _minute(a) != _minute(c)
