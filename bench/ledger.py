"""Accuracy on every labelled set at once: one row per set, as bench/RESULTS.md records it.

Usage: ``python bench/ledger.py [DIR ...] [--misses]``

Without DIRs: the shared corpus (when ``../shared`` is beside the clone), the project's own
sets in tests/fixtures and the blind sets in tests/fixtures/blind. Each row gives category
accuracy, non-interview mail read as an invitation (labelled ``other``, predicted
``invitation``), and the interview start exact to the minute over the labelled interviews
that state one. ``--misses`` lists each wrong category and each missed start with what was
expected, for finding classes of failure (not for tuning to one message).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from accuracy import Sample, _expected_start, load, same_minute  # noqa: E402

from daemon.understand.analyze import analyze  # noqa: E402


def default_sets() -> list[Path]:
    found = [REPO.parent / "shared" / "corpus"]
    fixtures = REPO / "tests" / "fixtures"
    found += [fixtures / name for name in ("mail", "heldout", "heldout2")]
    found += sorted(p for p in (fixtures / "blind").iterdir() if p.is_dir())
    return [p for p in found if (p / "labels.jsonl").is_file()]


def row(corpus: Path, misses: bool) -> tuple[str, list[str]]:
    samples: list[Sample] = load(corpus)
    wrong: list[str] = []
    correct = false_inv = timed = exact = 0
    for s in samples:
        a = analyze(s.raw)
        got = a.category.value
        want = s.label["category"]
        if got == want:
            correct += 1
        else:
            wrong.append(f"  {s.name}: category {want} -> {got}")
        if want == "other" and got == "invitation":
            false_inv += 1
        expected = _expected_start(s.label)
        if expected is not None:
            timed += 1
            start = a.interview.start if a.interview is not None else None
            if same_minute(start, expected):
                exact += 1
            else:
                wrong.append(f"  {s.name}: start {expected.isoformat()} -> {start.isoformat() if start else None}")
    n = len(samples)
    line = (
        f"| {corpus.name} | {n} | {correct}/{n} = {correct / n:.3f} | {false_inv} | "
        f"{exact}/{timed} = {exact / timed if timed else 1:.3f} |"
    )
    return line, wrong if misses else []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", type=Path)
    ap.add_argument("--misses", action="store_true", help="list each wrong category and missed start")
    args = ap.parse_args(argv)
    sets = args.sets or default_sets()
    rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    print(f"revision {rev.stdout.strip() or '?'}; " + " ".join(["bench/ledger.py", *map(str, args.sets)]))
    print("| set | messages | category | false invitations | interview start exact |")
    print("|---|---|---|---|---|")
    for corpus in sets:
        line, wrong = row(corpus, args.misses)
        print(line)
        for w in wrong:
            print(w)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
