"""Classification throughput of ``daemon.understand.analyze.analyze`` and where its time goes.

For each message set (every ``*.eml`` in the given directories, plus ``--generated N``
messages from ``gen_mailbox``, a realistic inbox mix with HTML newsletters), this runs
``analyze(raw)`` over the whole set once cold (first call: lazy imports, regex
compilation), ``--warmup`` times untimed (the twins the patterns build once they have read
enough text), and ``--repeats`` times warm, and prints the median messages/s. Then it
times the stages ``analyze`` is made of, per message: parse (``daemon.understand.mail.parse``),
classify (``daemon.understand.classify.classify``) and when (``daemon.understand.when.infer_interview`` for
scheduling mail, ``when.return_date`` for an auto-reply without a return date).
``--profile`` adds the functions with the most own time under cProfile.

Usage::

    .venv/bin/python bench/throughput.py [DIR ...] [--repeats 5] [--warmup 2] [--generated 1000] [--profile]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, REPO, machine_line, median
from gen_mailbox import generate

SHARED_CORPUS = Path("/work/shared/corpus")
STAGES = ("parse", "classify", "when")


def default_dirs() -> list[Path]:
    """The shared corpus and every fixture directory of .eml files in the tests."""
    fixtures = sorted(d for d in (REPO / "tests" / "fixtures").iterdir() if d.is_dir() and any(d.glob("*.eml")))
    return [SHARED_CORPUS, *fixtures]


def load_dir(path: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(path.rglob("*.eml"))]


def timed_pass(fn: Callable[[bytes], object], raws: list[bytes]) -> tuple[float, float]:
    """Wall seconds and this process's CPU seconds for one pass (CPU time is immune to a busy machine)."""
    t0, c0 = time.perf_counter(), time.process_time()
    for raw in raws:
        fn(raw)
    return time.perf_counter() - t0, time.process_time() - c0


def stage_times(raws: list[bytes]) -> dict[str, float]:
    """Seconds per stage over one pass, the way ``analyze_mail`` chains them."""
    from daemon.model import SCHEDULING, Category
    from daemon.understand import classify, when
    from daemon.understand.mail import parse

    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.perf_counter
    for raw in raws:
        t0 = clock()
        mail = parse(raw)
        t1 = clock()
        c = classify.classify(mail, frozenset())
        t2 = clock()
        if c.category in SCHEDULING:
            when.infer_interview(mail, c.category)
        if c.category == Category.AUTO_REPLY and c.return_date is None:
            when.return_date(mail)
        t3 = clock()
        spent["parse"] += t1 - t0
        spent["classify"] += t2 - t1
        spent["when"] += t3 - t2
    return spent


def bench_set(name: str, raws: list[bytes], repeats: int, warmup: int = 0) -> None:
    from daemon.understand.analyze import analyze

    size = sum(len(r) for r in raws) / max(len(raws), 1)
    cold, _ = timed_pass(analyze, raws)
    for _ in range(warmup):
        timed_pass(analyze, raws)
    warm = [timed_pass(analyze, raws) for _ in range(repeats)]
    rates = [len(raws) / w for w, _ in warm]
    cpu_rates = [len(raws) / c for _, c in warm]
    print(
        f"  {name}: {len(raws)} messages (mean {size / 1024:.1f} KB); analyze: median {median(rates):.0f} msg/s "
        f"wall (min {min(rates):.0f}, max {max(rates):.0f}; first pass {len(raws) / cold:.0f}), "
        f"{median(cpu_rates):.0f} msg/s per CPU-second  (target >= 200)"
    )
    runs = [stage_times(raws) for _ in range(repeats)]
    per = {s: median([r[s] for r in runs]) for s in STAGES}
    total = sum(per.values())
    print(
        "    per message: "
        + ", ".join(f"{s} {per[s] / len(raws) * 1000:.2f} ms ({per[s] / total:.0%})" for s in STAGES)
        + f"; total {total / len(raws) * 1000:.2f} ms"
    )


def profile(raws: list[bytes], top: int) -> None:
    import cProfile
    import pstats

    from daemon.understand.analyze import analyze

    prof = cProfile.Profile()
    prof.enable()
    for raw in raws:
        analyze(raw)
    prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("tottime")
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"  cProfile, one pass over all {len(raws)} messages ({total:.2f} s profiled), top {top} by own time:")
    for func in stats.fcn_list[:top]:  # type: ignore[attr-defined]
        _cc, nc, tt, ct, _ = stats.stats[func]  # type: ignore[attr-defined]
        file, line, fname = func
        where = f"{Path(file).parent.name}/{Path(file).name}:{line}({fname})" if file != "~" else fname
        print(f"    {tt / total:6.1%} own {tt:6.3f} s, cum {ct:6.3f} s, {nc:>7} calls  {where}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", type=Path, help="directories of .eml files (default: corpus and fixtures)")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument(
        "--warmup",
        type=int,
        default=2,
        help="untimed passes after the first: the rules' and atoms' twins are built once a pattern has read "
        "60 kB (a daemon's pattern cache keeps them from one run to the next), so the timed passes are the "
        "steady state (default 2; 0 times the passes that build them)",
    )
    ap.add_argument("--generated", type=int, default=1000, help="also a generated inbox mix of N messages (0: none)")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args(argv)
    print(machine_line())
    print(f"command: {PYTHON} bench/throughput.py {' '.join(sys.argv[1:] if argv is None else argv)}".rstrip())
    sets = [(str(d), load_dir(d)) for d in (args.dirs or default_dirs())]
    sets = [(n, r) for n, r in sets if r]
    if args.generated:
        now = datetime.now(UTC).replace(microsecond=0)
        sets.append((f"generated inbox mix (gen_mailbox, n={args.generated})", [
            g.raw for g in generate(args.generated, now=now, lookback_days=60)
        ]))  # fmt: skip
    for name, raws in sets:
        bench_set(name, raws, args.repeats, args.warmup)
    if args.profile:
        profile([r for _, raws in sets for r in raws], args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
