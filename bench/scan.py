"""Initial scan and incremental pass against a private Dovecot on loopback.

For each mailbox size N (``--sizes``, default 1000,10000) this:

1. starts Dovecot, fills a fresh user's INBOX with ``gen_mailbox.generate(N, mix=...)``
   (``--mix current``: about 1% job mail among newsletters and notifications; ``--mix
   chatty``: a fifth personal threads, a fifth colleagues, 2% job mail; arrival dates within
   the lookback window). The user's addresses are ``gen_mailbox.USER_ADDRESSES`` (a
   personal one and one at the current employer);
2. warms Dovecot's index and cache files and the page cache with one untimed header fetch
   and one untimed cold scan (followupd asks for the header fields its prefilter reads,
   ``BODY.PEEK[HEADER.FIELDS (...)]``, which Dovecot caches once asked, as it caches the
   header sizes the baseline's ``BODY.PEEK[HEADER]`` needs);
3. times, ``--repeats`` times each, alternating:
   - the **baseline**: a bare imapclient process that logs in, EXAMINEs INBOX, SEARCHes
     and fetches ``BODY.PEEK[HEADER] FLAGS INTERNALDATE RFC822.SIZE`` for every message
     in batches of ``connectors.imap.HEADER_BATCH``;
   - the **cold scan**: ``followupd -c CFG run --once --now ISO`` as a subprocess with a
     fresh state dir (Drafts emptied before each run, so every run does the same work);
   and prints both medians, their ratio, the median of each back-to-back pair's ratio, CPU
   seconds, the load average before each pair, how many bodies the runner fetched (its
   "analysed" count: the candidate rate of the header prefilter) and how many
   applications the scan made;
4. times the **incremental pass** with nothing new, in-process, on the state the last
   cold scan left: the first pass of a new runner (includes LOGIN, LIST…) and then
   ``--passes`` passes on the open connection (the daemon's steady state; target
   <= 50 ms), counting the IMAP commands each sends.

``--profile`` additionally runs one cold scan in-process under cProfile and prints where
the time goes; ``--instructions`` counts the instructions of one baseline and one cold
scan under valgrind (steady where wall time is not, but not time). Usage::

    .venv/bin/python bench/scan.py [--mix current|chatty] [--sizes 1000,10000] [--repeats 3] [--passes 20]
                                   [--profile [--profile-out FILE]] [--instructions] [--no-pattern-cache]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    PYTHON,
    BenchAccount,
    CommandCounter,
    Session,
    child_env,
    deliver,
    followupd_cmd,
    machine_line,
    median,
    session,
    write_config,
)
from gen_mailbox import USER_ADDRESSES, Generated, generate

from connectors.imap import HEADER_BATCH

LOOKBACK_DAYS = 90
HEADER_ITEMS = ["BODY.PEEK[HEADER]", "FLAGS", "INTERNALDATE", "RFC822.SIZE"]
_SUMMARY = re.compile(r"(\d+) new message\(s\), (\d+) analysed, (\d+) draft\(s\) created, .*?(\d+) error\(s\)")


# ---------------------------------------------------------------------- the baseline


def baseline_worker(port: int, user: str, batch: int) -> int:
    """The bare loop, run as its own process like followupd is: prints seconds and count."""
    from imapclient import IMAPClient

    t0 = time.monotonic()
    c = IMAPClient("127.0.0.1", port=port, ssl=False, timeout=60)
    c.login(user, os.environ["FUD_BENCH_BASELINE_PW"])
    c.select_folder("INBOX", readonly=True)
    uids = sorted(c.search(["ALL"]))
    got = 0
    for i in range(0, len(uids), batch):
        data = c.fetch(uids[i : i + batch], HEADER_ITEMS)
        got += sum(1 for v in data.values() if b"BODY[HEADER]" in v)
    c.logout()
    print(f"{time.monotonic() - t0:.4f} {got}")
    return 0


def child_cpu() -> float:
    """User + system seconds of every child reaped so far (the bench runs one at a time)."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_baseline(s: Session, acc: BenchAccount) -> tuple[float, float, int, float]:
    """Wall seconds of the whole process, seconds inside it, headers fetched, its CPU seconds."""
    env = dict(os.environ, FUD_BENCH_BASELINE_PW=acc.user.password)
    argv = [PYTHON, __file__, "--baseline-worker", str(acc.server.port), acc.user.name, str(HEADER_BATCH)]
    cpu0, t0 = child_cpu(), time.monotonic()
    proc = s.spawn(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate(timeout=600)
    wall, cpu = time.monotonic() - t0, child_cpu() - cpu0
    if proc.returncode != 0:
        raise SystemExit(f"baseline failed ({proc.returncode}):\n{err.decode(errors='replace')}")
    inner, count = out.decode().split()
    return wall, float(inner), int(count), cpu


# ---------------------------------------------------------------------- the cold scan


def empty_drafts(acc: BenchAccount) -> int:
    from dovecot import client_for  # type: ignore[import-not-found,unused-ignore]

    c = client_for(acc.server, acc.user)
    try:
        c.select_folder("Drafts")
        uids = c.search(["ALL"])
        if uids:
            c.delete_messages(uids)
            c.expunge()
        return len(uids)
    finally:
        c.logout()


def bench_config(path: Path, state: Path, acc: BenchAccount) -> Path:
    return write_config(path, state, [acc], lookback_days=LOOKBACK_DAYS, addresses=USER_ADDRESSES)


def applications_made(log: Path) -> int | None:
    """The "first scan done" line's application count, from a cold run's JSON log."""
    import json

    for line in log.read_text(errors="replace").splitlines():
        if '"first scan done"' in line:
            return int(json.loads(line).get("applications", -1))
    return None


#: --no-pattern-cache: every cold scan compiles its patterns, as the first run after an install does
PATTERN_CACHE_OFF = False


def run_cold(
    s: Session, acc: BenchAccount, workdir: Path, now: datetime, run: int
) -> tuple[float, float, list[int], Path]:
    """Wall and CPU seconds of ``followupd run --once`` from a fresh state dir; (new, analysed, drafts, errors)."""
    empty_drafts(acc)
    state = workdir / f"state-{run}"
    cfg = bench_config(workdir / f"config-{run}.toml", state, acc)
    argv = [*followupd_cmd(), "-c", str(cfg), "run", "--once", "--now", now.isoformat()]
    log = workdir / f"cold-{run}.log"
    env = child_env([acc])
    # the compiled patterns an installation keeps (daemon.service.pattern_cache) live in the
    # session's own cache dir: filled by the untimed warm-up run, or never (--no-pattern-cache)
    env["XDG_CACHE_HOME"] = str(workdir / "cache")
    if PATTERN_CACHE_OFF:
        env["FOLLOWUPD_PATTERN_CACHE"] = "off"
    with log.open("wb") as errf:
        cpu0, t0 = child_cpu(), time.monotonic()
        proc = s.spawn(argv, env=env, stdout=subprocess.PIPE, stderr=errf)
        out, _ = proc.communicate(timeout=1800)
        wall, cpu = time.monotonic() - t0, child_cpu() - cpu0
    text = out.decode(errors="replace")
    m = _SUMMARY.search(text)
    if proc.returncode != 0 or m is None:
        raise SystemExit(f"followupd run --once failed ({proc.returncode}): {text}\n{log.read_text()[-3000:]}")
    return wall, cpu, [int(g) for g in m.groups()], cfg


# ---------------------------------------------------------------------- instructions


def instructions(s: Session, acc: BenchAccount, workdir: Path, now: datetime) -> tuple[int, int] | None:
    """Instructions (valgrind cachegrind's "I refs") of one baseline and one cold scan.

    Wall and CPU time on a shared machine drift by tens of percent between back-to-back
    runs; instruction counts do not, so they tell whether a change made either side do
    more work. They are not time: the cold scan's instructions (imports, many small
    objects) run at fewer per cycle than the baseline's parsing loop.
    """
    import shutil

    if shutil.which("valgrind") is None:
        print("  instructions: valgrind not installed; skipped")
        return None
    grind = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]

    def count(argv: list[str], env: dict[str, str]) -> int:
        proc = s.spawn([*grind, *argv], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _out, err = proc.communicate(timeout=1800)
        m = re.search(rb"I\s+refs:\s+([\d,]+)", err)
        if proc.returncode != 0 or m is None:
            raise SystemExit(f"valgrind run failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
        return int(m.group(1).replace(b",", b""))

    env = dict(os.environ, FUD_BENCH_BASELINE_PW=acc.user.password)
    base = count([PYTHON, __file__, "--baseline-worker", str(acc.server.port), acc.user.name, str(HEADER_BATCH)], env)
    empty_drafts(acc)
    cfg = bench_config(workdir / "config-grind.toml", workdir / "state-grind", acc)
    cold = count([*followupd_cmd(), "-c", str(cfg), "run", "--once", "--now", now.isoformat()], child_env([acc]))
    return base, cold


# ---------------------------------------------------------------------- prefilter


def candidate_breakdown(mails: list[Generated]) -> list[str]:
    """Which generated kinds the header prefilter lets through, and the first rule that did."""
    from collections import Counter
    from email.parser import BytesHeaderParser
    from email.policy import compat32

    from daemon.understand import relays
    from daemon.understand.prefilter import _STRONG, _WEAK, PERSON, SKIP, read_persons, verdict

    parser = BytesHeaderParser(policy=compat32)
    per_kind: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    why: Counter[str] = Counter()
    users = frozenset(USER_ADDRESSES)
    heads = [g.raw.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n" for g in mails]
    said = [verdict(head, user_addresses=users) for head in heads]
    # as the runner does: mail read only as a person's, but for a domain many people write from
    persons = set(read_persons([(i, heads[i]) for i, v in enumerate(said) if v == PERSON]))
    for i, (g, head) in enumerate(zip(mails, heads, strict=True)):
        kind = "job" if g.kind.startswith("job:") else g.kind
        per_kind[kind] += 1
        if said[i] == SKIP or (said[i] == PERSON and i not in persons):
            continue
        passed[kind] += 1
        if kind == "job":
            continue
        if said[i] == PERSON:
            why["a person at an outside organisation"] += 1
            continue
        h = parser.parsebytes(head)
        sender = str(h.get("from", ""))
        domain = sender.rpartition("@")[2].rstrip(">").lower()
        if relays.is_hiring_relay(domain):
            why["hiring relay sender"] += 1
        elif any(k in h for k in ("auto-submitted", "x-autoreply", "x-autorespond")) and "generated" not in str(
            h.get("auto-submitted", "")
        ):
            why[f"Auto-Submitted: {h.get('auto-submitted')}"] += 1
        elif h.get("in-reply-to") and not h.get("list-unsubscribe"):
            why["In-Reply-To without List-Unsubscribe"] += 1
        elif m := _STRONG.search((str(h.get("subject", "")) + " " + sender.partition("<")[0]).lower()):
            why[f"strong word {m.group(0).lower()!r}"] += 1
        elif m := _WEAK.search((str(h.get("subject", "")) + " " + sender.partition("<")[0]).lower()):
            why[f"weak word {m.group(0).lower()!r} (no bulk headers)"] += 1
        else:
            why["other rule"] += 1
    lines = [
        "prefilter by kind: "
        + ", ".join(f"{k} {passed[k]}/{n} ({passed[k] / n:.0%})" for k, n in sorted(per_kind.items()))
    ]
    top = ", ".join(f"{reason} {count}" for reason, count in why.most_common(8))
    lines.append(f"non-job mail let through, first matching rule: {top}")
    return lines


# ---------------------------------------------------------------------- incremental


def quiet_logs() -> None:
    from daemon.logging import configure

    configure("warning", json_output=True, stream=open(os.devnull, "w"))


@dataclass
class Incremental:
    first_s: float
    first_synced: int
    first_cmds: str
    median_s: float
    max_s: float
    cmds: list[int]
    last_cmds: str


def incremental(cfg: Path, acc: BenchAccount, now: datetime, passes: int) -> Incremental:
    from daemon.config import load
    from daemon.followup import compose
    from daemon.paths import db_path
    from daemon.service.runner import AccountRunner
    from daemon.service.store import Store

    os.environ[acc.env] = acc.user.password
    quiet_logs()
    settings = load(cfg)
    store = Store.open(db_path(settings))
    templates = compose.load_templates(settings)
    runner = AccountRunner(settings.accounts[0], settings, store, templates=templates)
    times: list[float] = []
    commands: list[int] = []
    try:
        with CommandCounter() as counter:
            t0 = time.perf_counter()
            first = runner.run_pass(now)
            first_s = time.perf_counter() - t0
            first_cmds = counter.describe()
            for _ in range(passes):
                counter.reset()
                t0 = time.perf_counter()
                report = runner.run_pass(now)
                times.append(time.perf_counter() - t0)
                commands.append(counter.total)
                assert report.synced == 0, report.summary()
            last_cmds = counter.describe()
    finally:
        runner.close()
        store.close()
    return Incremental(first_s, first.synced, first_cmds, median(times), max(times), sorted(set(commands)), last_cmds)


# ---------------------------------------------------------------------- profile


def profile_cold(acc: BenchAccount, workdir: Path, now: datetime, top: int, out: Path | None = None) -> None:
    import cProfile
    import pstats

    from daemon.config import load
    from daemon.service.runner import run_once

    empty_drafts(acc)
    cfg = bench_config(workdir / "config-profile.toml", workdir / "state-profile", acc)
    os.environ[acc.env] = acc.user.password
    quiet_logs()
    settings = load(cfg)
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    reports = run_once(settings, now, out=open(os.devnull, "w"))
    prof.disable()
    wall = time.perf_counter() - t0
    print(f"  profile: in-process cold scan {wall:.2f} s ({reports[0].summary()})")
    stats = pstats.Stats(prof)
    if out is not None:
        stats.dump_stats(out)
        print(f"  profile written to {out} (read it with python -m pstats)")
    for key in ("tottime", "cumulative"):
        print(f"  top {top} by {key}:")
        stats.sort_stats(key)
        width = stats.total_tt  # type: ignore[attr-defined]
        rows = stats.fcn_list[:top]  # type: ignore[attr-defined]
        for func in rows:
            _cc, nc, tt, ct, _ = stats.stats[func]  # type: ignore[attr-defined]
            file, line, name = func
            where = f"{Path(file).name}:{line}({name})" if file != "~" else name
            print(f"    {tt:7.3f} s self {ct:7.3f} s cum ({ct / width:5.1%}) {nc:>8} calls  {where}")


# ---------------------------------------------------------------------- main


def bench_size(n: int, args: argparse.Namespace) -> None:
    with session(f"scan{n}") as s:
        server = s.dovecot()
        acc = BenchAccount("bench", server, server.new_user())
        now = datetime.now(UTC).replace(microsecond=0)
        mails = generate(n, now=now, lookback_days=60, seed=args.seed, mix=args.mix)
        jobs = sum(1 for g in mails if g.kind.startswith("job:"))
        size = sum(len(g.raw) for g in mails)
        took = deliver(server, acc.user, [(g.raw, g.when) for g in mails])
        print(
            f"\nN={n}, {args.mix} mix: {jobs} job messages ({jobs / n:.1%}), {size / 1e6:.1f} MB, "
            f"delivered in {took:.1f} s"
        )
        # warm-up, untimed, for both sides alike: Dovecot's index and cache files (which then
        # hold the header fields followupd asks for as well as the header sizes the baseline
        # needs) and the page cache
        run_baseline(s, acc)
        run_cold(s, acc, s.root, now, -1)
        base: list[float] = []
        inner: list[float] = []
        cold: list[float] = []
        counts: list[int] = []
        cfg = None
        base_cpu: list[float] = []
        cold_cpu: list[float] = []
        loads: list[float] = []
        apps_made: int | None = None
        for r in range(args.repeats):
            load = os.getloadavg()[0]
            loads.append(load)
            wall, in_s, got, cpu = run_baseline(s, acc)
            base.append(wall)
            inner.append(in_s)
            base_cpu.append(cpu)
            wall_c, cpu_c, counts, cfg = run_cold(s, acc, s.root, now, r)
            cold.append(wall_c)
            cold_cpu.append(cpu_c)
            apps_made = applications_made(s.root / f"cold-{r}.log")
            print(
                f"  run {r + 1} (load {load:.2f}): baseline {wall:.3f} s (cpu {cpu:.3f} s; in-process {in_s:.3f} s, "
                f"{got} headers); followupd run --once {wall_c:.3f} s (cpu {cpu_c:.3f} s); "
                f"pair {wall_c / wall:.2f}x, cpu {cpu_c / cpu:.2f}x"
            )
        assert cfg is not None
        new, analysed, drafts, errors = counts
        b, c = median(base), median(cold)
        print(
            f"  baseline (bare imapclient process), median of {args.repeats}: {b:.3f} s "
            f"[in-process {median(inner):.3f} s]"
        )
        print(f"  cold scan (followupd run --once),  median of {args.repeats}: {c:.3f} s")
        print(f"  ratio cold/baseline: {c / b:.2f}x  (target <= 1.5x)")
        # each pair ran back to back, so its ratio is the least affected by the machine's drift
        pairs = sorted(x / y for x, y in zip(cold, base, strict=True))
        print(f"  ratio of each pair: {', '.join(f'{r:.2f}' for r in pairs)}; median {median(pairs):.2f}x")
        bc, cc = median(base_cpu), median(cold_cpu)
        print(f"  client CPU seconds, median: baseline {bc:.3f} s, followupd {cc:.3f} s ({cc / bc:.2f}x)")
        cpu_pairs = sorted(x / y for x, y in zip(cold_cpu, base_cpu, strict=True))
        print(f"  CPU ratio of each pair, median: {median(cpu_pairs):.2f}x")
        print(f"  load average (1 min) before each pair: {min(loads):.2f}-{max(loads):.2f}, median {median(loads):.2f}")
        print(
            f"  runner: {new} new messages, {analysed} bodies fetched and analysed "
            f"({analysed / max(new, 1):.1%} candidate rate; {jobs} job messages), {drafts} drafts, {errors} errors, "
            f"{apps_made} applications"
        )
        for line in candidate_breakdown(mails):
            print("  " + line)
        inc = incremental(cfg, acc, now, args.passes)
        print(
            f"  incremental, new runner (connect + pass): {inc.first_s * 1000:.1f} ms, "
            f"{inc.first_synced} new; commands: {inc.first_cmds}"
        )
        print(
            f"  incremental, open connection, {args.passes} passes: median {inc.median_s * 1000:.1f} ms, "
            f"max {inc.max_s * 1000:.1f} ms (target <= 50 ms); IMAP commands per pass: "
            f"{inc.cmds} ({inc.last_cmds})"
        )
        if args.instructions:
            counted = instructions(s, acc, s.root, now)
            if counted is not None:
                b_ir, c_ir = counted
                print(
                    f"  instructions (cachegrind): baseline {b_ir / 1e9:.2f} G, cold scan {c_ir / 1e9:.2f} G "
                    f"({c_ir / b_ir:.2f}x)"
                )
        if args.profile:
            profile_cold(acc, s.root, now, args.top, args.profile_out)


def compile_bytecode() -> str:
    """Byte-compile the project as an installation does, so "cold" means a new process.

    ``pip install`` compiles what it installs; an editable install leaves that to the first
    import, which some environments forbid (PYTHONDONTWRITEBYTECODE): every start would then
    re-compile the sources, about 0.15 s that no installed copy pays.
    """
    import compileall

    from common import REPO

    ok = all(compileall.compile_dir(REPO / d, quiet=1) for d in ("daemon", "connectors"))
    return "compiled" if ok else "compile FAILED"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--baseline-worker"]:
        return baseline_worker(int(argv[1]), argv[2], int(argv[3]))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated mailbox sizes (default 1000,10000)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--passes", type=int, default=20, help="incremental passes to time (default 20)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--mix", choices=("current", "chatty"), default="current", help="gen_mailbox's mix (default current)"
    )
    ap.add_argument("--profile", action="store_true", help="also profile one in-process cold scan")
    ap.add_argument(
        "--instructions", action="store_true", help="also count both sides' instructions under valgrind (slow)"
    )
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--profile-out", type=Path, help="with --profile, also write the pstats file here")
    ap.add_argument(
        "--no-pattern-cache",
        action="store_true",
        help="every cold scan compiles its patterns (the first run after an install); by default the "
        "untimed warm-up run leaves them in the session's cache dir, as any earlier run of an installation does",
    )
    args = ap.parse_args(argv)
    global PATTERN_CACHE_OFF
    PATTERN_CACHE_OFF = args.no_pattern_cache
    print(machine_line())
    compiled = compile_bytecode()
    print(f"command: {PYTHON} bench/scan.py {' '.join(argv or sys.argv[1:])}".rstrip())
    print(f"bytecode of daemon/ and connectors/: {compiled}")
    print(f"compiled patterns kept between runs: {'no (--no-pattern-cache)' if PATTERN_CACHE_OFF else 'yes'}")
    for n in (int(x) for x in args.sizes.split(",")):
        bench_size(n, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
