"""Golden outputs of classification and date inference, to prove an optimisation changes nothing.

``record OUT`` runs the current code over every message set and the date corpus and writes
what it returns to ``OUT`` (a pickle, kept out of the repository: use /tmp). ``compare OUT``
runs the current code again and prints every difference; exit status 1 when there is one.

What is recorded, per message (the shared corpus, every fixture directory, and generated
inboxes from ``gen_mailbox`` at a fixed ``now``):

- ``analyze_mail(mail).to_json`` and the full reprs of the Classification and InterviewTime
  (unrounded confidence, tzinfo objects), as ``followupd explain`` computes them;
- ``classify`` with the generated inbox's user address, and ``extract.employer`` for both;
- ``extract.about`` and ``extract.split_signature``, ``when.infer_interview`` for each
  scheduling category and ``when.return_date``, whatever the message's category, so code
  the real category would not reach is compared too;
- ``timeparse.resolve`` and ``scan`` of the text, subject and quote at the message's Date;
- ``tracker.match`` as the runner calls it: every message in turn, its analysis applied
  with ``tracker.step`` (applications accumulate, as in a first scan), and then every
  message again against the final set of applications (several hundred).

Per case of the date corpus: every mention ``resolve(text, ref)`` returns (start, end, grain,
span, zone, has_time, has_date, text) and ``durations(text)``.

The parsed messages are stored with the outputs and ``compare`` reuses them, so a change in
``daemon.understand.mail.parse`` (not covered here) cannot pass for one in the stages being compared;
whether parsing itself now differs is reported on one line, for information.

Usage::

    .venv/bin/python bench/golden_outputs.py record /tmp/golden.pickle
    .venv/bin/python bench/golden_outputs.py compare /tmp/golden.pickle
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from gen_mailbox import USER, generate  # noqa: E402

from daemon.followup import tracker  # noqa: E402
from daemon.model import SCHEDULING, Category, Mail  # noqa: E402
from daemon.settings import Settings  # noqa: E402
from daemon.understand import classify, extract, timeparse, when  # noqa: E402
from daemon.understand.analyze import analyze_mail  # noqa: E402
from daemon.understand.mail import parse  # noqa: E402

SHARED = Path("/work/shared")
DIRS = (
    SHARED / "corpus",
    REPO / "tests/fixtures/mail",
    REPO / "tests/fixtures/heldout",
    REPO / "tests/fixtures/heldout2",
    REPO / "tests/fixtures/blind",
)
DATE_CORPUS = SHARED / "datecorpus" / "scheduling.jsonl"
#: generated inboxes: the throughput mix, one that is mostly job mail, and a chatty one
#: (personal replies and colleagues, bench/scan.py's --mix chatty)
GENERATED = ((1000, 7, 0.01, "current"), (400, 11, 0.6, "current"), (1000, 5, 0.02, "chatty"))
GEN_NOW = datetime(2026, 3, 17, 15, 30, tzinfo=UTC)
USERS = frozenset({USER[1]})


def messages() -> Iterator[tuple[str, bytes]]:
    for d in DIRS:
        for p in sorted(d.rglob("*.eml")):
            yield f"{d.name}/{p.relative_to(d)}", p.read_bytes()
    for n, seed, share, mix in GENERATED:
        for i, g in enumerate(generate(n, now=GEN_NOW, lookback_days=60, seed=seed, job_share=share, mix=mix)):
            yield f"gen{seed}{'' if mix == 'current' else mix}/{i:04d}", g.raw


def _mention(m: timeparse.TimeMention) -> tuple[Any, ...]:
    return (repr(m.start), repr(m.end), m.grain, m.span, m.zone, m.has_time, m.has_date, m.text)


def _parsed(p: timeparse.Parsed | None) -> Any:
    # a set's repr follows string hashing, which differs per process: sort the kinds
    if p is None:
        return None
    fields = {f.name: getattr(p, f.name) for f in dataclasses.fields(p)}
    fields["kinds"] = sorted(p.kinds)
    fields["range_end"] = _parsed(p.range_end)
    return fields


def _scan(text: str) -> str:
    found, loose = timeparse.scan(text)
    return repr(([_parsed(p) for p in found], [_parsed(p) for p in loose]))


def _guard(fn: Callable[[], Any]) -> Any:
    # an exception is an output too: it must stay the same exception
    try:
        return fn()
    except Exception as exc:
        return f"raised {type(exc).__name__}: {exc}"


def outputs(mail: Mail) -> dict[str, Any]:
    """Everything the stages under test return for one parsed message."""
    out: dict[str, Any] = {}
    a = analyze_mail(mail)
    out["analyze"] = json.dumps(a.to_json("x"), ensure_ascii=False, sort_keys=True)
    out["analysis"] = repr(a)
    out["employer"] = repr(extract.employer(mail, a.classification, frozenset()))
    c_user = classify.classify(mail, USERS)
    out["classify_user"] = repr(c_user)
    out["employer_user"] = repr(extract.employer(mail, c_user, USERS))
    out["about"] = repr(extract.about(mail, Category.INVITATION, frozenset()))
    out["split_signature"] = repr(extract.split_signature(mail.text))
    for cat in sorted(SCHEDULING):
        out[f"infer_{cat.value}"] = repr(_guard(lambda cat=cat: when.infer_interview(mail, cat)))
    out["return_date"] = repr(_guard(lambda: when.return_date(mail)))
    ref = mail.date or GEN_NOW
    for part in ("text", "subject", "quoted"):
        text = getattr(mail, part)[:6000]
        out[f"resolve_{part}"] = repr([_mention(m) for m in timeparse.resolve(text, ref)])
        out[f"scan_{part}"] = _scan(text)
    out["durations"] = repr(timeparse.durations(mail.text))
    return out


def date_outputs() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for line in DATE_CORPUS.read_text().splitlines():
        case = json.loads(line)
        ref = datetime.fromisoformat(case["ref"])
        text = case["text"]
        out[case["id"]] = (
            repr([_mention(m) for m in timeparse.resolve(text, ref)]),
            repr(timeparse.durations(text)),
            _scan(text),
        )
    return out


def match_outputs(mails: list[Mail]) -> list[tuple[str | None, str | None]]:
    """Per message: the application ``tracker.match`` picks as the messages arrive, and then
    against every application the run made (a later message's thread included)."""
    settings = Settings()
    apps: dict[str, tracker.Application] = {}
    seen: list[tuple[Mail, Any, tracker.Identity | None, tracker.Direction]] = []
    first: list[str | None] = []
    for mail in mails:
        direction: tracker.Direction = "outbound" if mail.from_ is not None and mail.from_.addr in USERS else "inbound"
        analysis = analyze_mail(mail, USERS) if direction == "inbound" else None
        ident = None
        if analysis is not None:
            ident = tracker.Identity.of(extract.employer(mail, analysis.classification, USERS))
        app = tracker.match(list(apps.values()), mail, analysis, USERS, employer=ident, direction=direction)
        first.append(app.id if app else None)
        new, _ = tracker.step(app, tracker.MailEvent(mail, analysis, direction, ident), settings, GEN_NOW)
        if new is not None:
            apps[new.id] = new
        seen.append((mail, analysis, ident, direction))
    final = list(apps.values())
    again = []
    for mail, analysis, ident, direction in seen:
        app = tracker.match(final, mail, analysis, USERS, employer=ident, direction=direction)
        again.append(app.id if app else None)
    return list(zip(first, again, strict=True))


def _freeze(mail: Mail) -> Mail:
    # a MappingProxyType does not pickle
    return dataclasses.replace(mail, headers=dict(mail.headers))


def _thaw(mail: Mail) -> Mail:
    return dataclasses.replace(mail, headers=MappingProxyType(dict(mail.headers)))


def record(path: Path) -> int:
    t0 = time.perf_counter()
    names, mails, results, parsed_now = [], [], {}, {}
    for name, raw in messages():
        mail = parse(raw)
        names.append(name)
        mails.append(_freeze(mail))
        parsed_now[name] = repr(mail)
        results[name] = outputs(mail)
    data = {"names": names, "mails": mails, "results": results, "parsed": parsed_now, "dates": date_outputs()}
    data["match"] = match_outputs([_thaw(m) for m in mails])
    path.write_bytes(pickle.dumps(data))
    print(f"recorded {len(names)} messages and {len(data['dates'])} date cases to {path} "
          f"in {time.perf_counter() - t0:.1f} s")  # fmt: skip
    return 0


def compare(path: Path, show: int) -> int:
    t0 = time.perf_counter()
    data = pickle.loads(path.read_bytes())
    diffs: list[str] = []
    for name, frozen in zip(data["names"], data["mails"], strict=True):
        got = outputs(_thaw(frozen))
        want = data["results"][name]
        for key in sorted(set(got) | set(want)):
            if got.get(key) != want.get(key):
                diffs.append(f"{name} {key}:\n  was {want.get(key)!r}\n  now {got.get(key)!r}")
    got_dates = date_outputs()
    for cid, want in data["dates"].items():
        if got_dates.get(cid) != want:
            diffs.append(f"datecorpus {cid}:\n  was {want!r}\n  now {got_dates.get(cid)!r}")
    if "match" in data:
        got_match = match_outputs([_thaw(m) for m in data["mails"]])
        for name, want_m, got_m in zip(data["names"], data["match"], got_match, strict=True):
            if want_m != got_m:
                diffs.append(f"{name} match:\n  was {want_m!r}\n  now {got_m!r}")
        print(f"tracker.match compared on {len(got_match)} messages, {sum(1 for x in got_match if x[1])} matched")
    # messages added since the recording (new sets) are not compared; they are counted
    current = list(messages())
    added = sum(1 for name, _ in current if name not in data["parsed"])
    reparsed = sum(repr(parse(raw)) != data["parsed"][name] for name, raw in current if name in data["parsed"])
    for d in diffs[:show]:
        print(d)
    print(
        f"{len(diffs)} differences over {len(data['names'])} messages and {len(data['dates'])} date cases "
        f"({time.perf_counter() - t0:.1f} s); parse itself now differs on {reparsed} messages (not compared); "
        f"{added} messages added since the recording (not compared)"
    )
    return 1 if diffs else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("record", "compare"))
    ap.add_argument("path", type=Path)
    ap.add_argument("--show", type=int, default=20, help="differences to print")
    args = ap.parse_args(argv)
    if args.mode == "record":
        return record(args.path)
    return compare(args.path, args.show)


if __name__ == "__main__":
    sys.exit(main())
