"""Classifier and interview-time accuracy on a labelled corpus, plus throughput.

Usage: ``python bench/accuracy.py CORPUS_DIR [--errors]``

CORPUS_DIR holds ``*.eml`` files and a ``labels.jsonl`` (one JSON object per file with
``file``, ``category``, ``interview_start``…; see the corpus README). Prints category
accuracy, precision/recall per category, false invitations among ``other``, the
interview-start exact match (same instant to the minute) of ``daemon.understand.analyze.analyze``
and of a ``dateparser.search_dates`` baseline, and messages per second.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from daemon.model import Category, Mail
from daemon.understand.classify import classify
from daemon.understand.mail import parse

SCHEDULING_LABELS = ("invitation", "reschedule", "cancellation")


@dataclass
class Sample:
    name: str
    raw: bytes
    label: dict[str, Any]


def load(corpus: Path) -> list[Sample]:
    labels_path = corpus / "labels.jsonl"
    out: list[Sample] = []
    with labels_path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            lab = json.loads(line)
            path = corpus / lab["file"]
            if path.exists():
                out.append(Sample(lab["file"], path.read_bytes(), lab))
    return out


def same_minute(a: datetime | None, b: datetime | None) -> bool:
    if a is None or b is None or a.tzinfo is None or b.tzinfo is None:
        return False
    return abs((a - b).total_seconds()) < 60


def _expected_start(lab: dict[str, Any]) -> datetime | None:
    s = lab.get("interview_start")
    return datetime.fromisoformat(s) if s else None


def baseline_start(mail: Mail) -> datetime | None:
    """The first date ``dateparser.search_dates`` finds in subject + text."""
    from dateparser.search import search_dates

    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": True, "PREFER_DATES_FROM": "future"}
    if mail.date is not None:
        settings["RELATIVE_BASE"] = mail.date.replace(tzinfo=None)
        settings["TIMEZONE"] = mail.date.strftime("UTC%z")[:6] + ":" + mail.date.strftime("%z")[-2:]
        settings["TO_TIMEZONE"] = settings["TIMEZONE"]
    text = f"{mail.subject}\n{mail.text}"
    try:
        found = search_dates(text, languages=["en"], settings=settings)
    except Exception:
        return None
    if not found:
        return None
    d: datetime = found[0][1]
    if d.tzinfo is None and mail.date is not None:
        d = d.replace(tzinfo=mail.date.tzinfo)
    return d


def _analyze_fn() -> Any:
    try:
        from daemon.understand.analyze import analyze
    except ImportError as exc:  # the date engine may not exist yet
        print(f"note: daemon.understand.analyze.analyze unavailable ({exc}); timing the classifier only")
        return None
    return analyze


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--errors", action="store_true", help="list each misclassified file")
    ap.add_argument("--no-baseline", action="store_true", help="skip the slow dateparser baseline")
    args = ap.parse_args(argv)

    samples = load(args.corpus)
    if not samples:
        print(f"{args.corpus}: no labelled .eml files", file=sys.stderr)
        return 2
    analyze = _analyze_fn()

    predicted: dict[str, str] = {}
    starts: dict[str, datetime | None] = {}
    t0 = time.perf_counter()
    for s in samples:
        if analyze is not None:
            a = analyze(s.raw)
            predicted[s.name] = a.category.value
            iv = a.interview
            starts[s.name] = iv.start if iv is not None else None
        else:
            predicted[s.name] = classify(parse(s.raw)).category.value
    elapsed = time.perf_counter() - t0
    # throughput over several passes for a steadier figure on small corpora
    passes = max(1, min(20, 300 // len(samples)))
    t1 = time.perf_counter()
    for _ in range(passes):
        for s in samples:
            if analyze is not None:
                analyze(s.raw)
            else:
                classify(parse(s.raw))
    rate = passes * len(samples) / (time.perf_counter() - t1)

    n = len(samples)
    correct = sum(1 for s in samples if predicted[s.name] == s.label["category"])
    print(f"corpus: {args.corpus} ({n} messages)")
    print(f"category accuracy: {correct}/{n} = {correct / n:.3f}")
    print(f"{'category':<16}{'precision':>10}{'recall':>8}{'support':>9}")
    for cat in Category:
        c = cat.value
        tp = sum(1 for s in samples if predicted[s.name] == c and s.label["category"] == c)
        pp = sum(1 for s in samples if predicted[s.name] == c)
        sup = sum(1 for s in samples if s.label["category"] == c)
        prec = f"{tp / pp:.2f}" if pp else "-"
        rec = f"{tp / sup:.2f}" if sup else "-"
        print(f"{c:<16}{prec:>10}{rec:>8}{sup:>9}")
    false_inv = [s.name for s in samples if s.label["category"] == "other" and predicted[s.name] == "invitation"]
    print(f"false invitations among other: {len(false_inv)}" + (f" {false_inv}" if false_inv else ""))

    fields = {"company": 0, "role": 0, "round": 0}
    for s in samples:
        c = classify(parse(s.raw))
        for name in fields:
            got, want = getattr(c, name), s.label.get(name)
            if (got or "").casefold() == (want or "").casefold():
                fields[name] += 1
    print("fields (exact, all messages): " + ", ".join(f"{k} {v}/{n}" for k, v in fields.items()))

    timed = [s for s in samples if _expected_start(s.label) is not None]
    if analyze is not None and timed:
        hits = sum(1 for s in timed if same_minute(starts.get(s.name), _expected_start(s.label)))
        print(f"interview start exact match (analyze): {hits}/{len(timed)} = {hits / len(timed):.3f}")
    if timed and not args.no_baseline:
        hits_b = 0
        for s in timed:
            if same_minute(baseline_start(parse(s.raw)), _expected_start(s.label)):
                hits_b += 1
        print(f"interview start exact match (dateparser baseline): {hits_b}/{len(timed)} = {hits_b / len(timed):.3f}")
    what = "analyze" if analyze is not None else "parse+classify"
    print(f"throughput ({what}): {rate:.0f} messages/s (first pass {n / elapsed:.0f}/s)")

    confusion = Counter(
        (s.label["category"], predicted[s.name]) for s in samples if predicted[s.name] != s.label["category"]
    )
    if confusion:
        pairs = ", ".join(f"{a}->{b}: {k}" for (a, b), k in confusion.most_common())
        print(f"confusions (label -> predicted): {pairs}")
    if args.errors:
        for s in samples:
            if predicted[s.name] != s.label["category"]:
                print(f"  {s.name}: label {s.label['category']}, predicted {predicted[s.name]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
