"""Recall of the header prefilter on every labelled set, and its pass rate on generated inboxes.

For each labelled set (``labels.jsonl`` beside ``*.eml``) every message whose category is
not ``other`` must pass ``prefilter.is_candidate``. Two figures per set:

- **alone**: the headers alone, with nothing tracked (a first scan that meets the message
  before any mail of its application): the strict figure;
- **tracked**: invitations and reschedules alone, every other job message with its thread
  ids and sender domains known, as the runner passes them once its application is tracked
  (what ``tests/test_prefilter.py`` requires).

The user's address is the set's most frequent To/Cc address (each labelled set is one
candidate's mail; the sets of many candidates then count only their most frequent one) or the generated
user's two addresses: ``is_candidate`` treats mail from the user's own organisation as
internal. ``--no-users`` leaves the user unknown (as ``is_candidate`` was called before
issue 18).

A message the prefilter reads only as a person's (``prefilter.PERSON``) is read unless
``prefilter.read_persons``, given every such message of the set (one mailbox) as the runner
gives it a folder's, finds its domain to be a mail provider.

Also how many of the ``other`` messages pass, and, for the generated inboxes of
``gen_mailbox`` (the current mix and the chatty one), the pass rate by kind. Usage::

    .venv/bin/python bench/prefilter_recall.py [--no-users] [-n 10000] [SET_DIR ...]

With SET_DIRs, only those sets are read (a new blind set, say) and no inbox is generated.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import email.utils
import json
import re
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from gen_mailbox import USER_ADDRESSES, generate  # noqa: E402

from daemon.understand.prefilter import PERSON, READ, SKIP, read_persons, verdict  # noqa: E402

SETS = (
    Path("/work/shared/corpus"),
    REPO / "tests/fixtures/heldout",
    REPO / "tests/fixtures/heldout2",
    REPO / "tests/fixtures/mail",
    *sorted(p for p in (REPO / "tests/fixtures/blind").iterdir() if (p / "labels.jsonl").is_file()),
)


def headers(raw: bytes) -> bytes:
    for sep in (b"\r\n\r\n", b"\n\n"):
        if sep in raw:
            return raw.split(sep, 1)[0] + sep
    return raw


def context(raw: bytes) -> tuple[set[str], set[str]]:
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    refs = " ".join(str(msg.get(k, "")) for k in ("in-reply-to", "references"))
    people = [str(v) for k in ("from", "reply-to") for v in msg.get_all(k, [])]
    domains = {a.rpartition("@")[2].lower() for _, a in email.utils.getaddresses(people) if "@" in a}
    return set(re.findall(r"<[^<>\s]+>", refs)), domains


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-users", action="store_true", help="do not tell the prefilter who the user is")
    ap.add_argument("-n", type=int, default=10_000, help="generated inbox size (default 10000)")
    ap.add_argument("sets", nargs="*", type=Path, help="only these labelled sets (default: every known one)")
    args = ap.parse_args(argv)

    def users(addrs: frozenset[str]) -> dict[str, frozenset[str]]:
        return {} if args.no_users else {"user_addresses": addrs}

    print(f"command: bench/prefilter_recall.py {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    worst = 1.0
    for d in args.sets or SETS:
        labels = d / "labels.jsonl"
        if not labels.exists():
            print(f"{d}: not present")
            continue
        rcpts: Counter[str] = Counter()
        for eml in d.glob("*.eml"):
            msg = email.message_from_bytes(headers(eml.read_bytes()), policy=email.policy.compat32)
            found = [str(v) for k in ("to", "cc") for v in msg.get_all(k, [])]
            rcpts.update({a.lower() for _, a in email.utils.getaddresses(found) if "@" in a})
        user = rcpts.most_common(1)[0][0]
        internal = users(frozenset({user}))
        jobs = alone = tracked = others = others_pass = 0
        missed: list[str] = []
        rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
        heads = {lab["file"]: headers((d / lab["file"]).read_bytes()) for lab in rows}
        persons = [(f, h) for f, h in heads.items() if verdict(h, **internal) == PERSON]
        kept = set(read_persons(persons))

        def passes(
            file: str,
            heads: dict[str, bytes] = heads,
            kept: set[str] = kept,
            internal: dict[str, frozenset[str]] = internal,
            **context: set[str],
        ) -> bool:
            v = verdict(heads[file], **internal, **context)  # type: ignore[arg-type]
            return v != SKIP and (v != PERSON or file in kept)

        for lab in rows:
            raw = (d / lab["file"]).read_bytes()
            if lab["category"] == "other":
                others += 1
                others_pass += passes(lab["file"])
                continue
            jobs += 1
            a = passes(lab["file"])
            alone += a
            if lab["category"] in ("invitation", "reschedule"):
                t = a
            else:
                threads, domains = context(raw)
                t = passes(lab["file"], thread_ids=threads, employer_domains=domains)
            tracked += t
            if not t:
                missed.append(lab["file"])
            elif not a:
                missed.append(lab["file"] + " (alone only)")
        worst = min(worst, tracked / max(jobs, 1))
        print(
            f"{d.relative_to(REPO) if d.is_relative_to(REPO) else d} (user {user}): job messages {jobs}; recall alone "
            f"{alone}/{jobs} = {alone / max(jobs, 1):.2f}, tracked {tracked}/{jobs} = {tracked / max(jobs, 1):.2f}; "
            f"'other' passed {others_pass}/{others}" + (f"; missed: {', '.join(missed)}" if missed else "")
        )
    now = datetime(2026, 3, 2, 12, tzinfo=UTC)
    for mix in () if args.sets else ("current", "chatty"):
        mails = generate(args.n, now=now, mix=mix)
        per: Counter[str] = Counter()
        passed: Counter[str] = Counter()
        said = [verdict(headers(g.raw), **users(frozenset(USER_ADDRESSES))) for g in mails]
        read = set(read_persons([(i, headers(g.raw)) for i, g in enumerate(mails) if said[i] == PERSON]))
        for i, g in enumerate(mails):
            kind = g.kind.split(":")[0] if g.kind.startswith("job:") else g.kind
            per[kind] += 1
            passed[kind] += said[i] == READ or i in read
        total = sum(passed.values())
        print(
            f"generated {mix} mix, N={args.n}: {total} pass ({total / args.n:.1%}); "
            + ", ".join(f"{k} {passed[k]}/{n}" for k, n in sorted(per.items()))
        )
        worst = min(worst, 1.0 if passed["job"] == per["job"] else 0.0)
    return 0 if worst == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
