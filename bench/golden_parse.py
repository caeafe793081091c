"""Golden outputs of ``daemon.understand.mail.parse``, to prove an optimisation of it changes nothing.

``record OUT`` parses every message below with the current code and writes every field of
the resulting ``Mail`` (calendar events, addresses and header values included; datetimes as
isoformat plus their tzinfo's type and key) to ``OUT`` (a pickle: keep it in /tmp).
``compare OUT`` parses them again and prints each field that differs; exit status 1 when
one does. ``Mail.forwarded`` is new and is not compared.

The messages:

- every ``.eml`` of the shared corpus, the test fixtures and the demo mail;
- generated inboxes (``gen_mailbox``: the 1,000-message throughput mix, and a job-heavy one);
- the scenario builders' messages (``tests/scenario_mail.py``);
- the hostile inputs of ``tests/test_mail.py`` and ``tests/test_faults_mail.py``, rebuilt here
  (bombs, storms, nesting, broken MIME, charsets, calendars, HTML);
- a header torture set: encoded words good and broken, groups, comments, quoted names,
  raw 8-bit, folding, odd dates and message ids, in every address field;
- seeded mutations of all the small messages above and seeded random bytes.

Usage::

    .venv/bin/python bench/golden_parse.py record /tmp/golden-parse.pickle
    .venv/bin/python bench/golden_parse.py compare /tmp/golden-parse.pickle [--skip-big]
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import pickle
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests"))

import scenario_mail as sm  # type: ignore[import-not-found,unused-ignore]  # noqa: E402
from gen_mailbox import generate  # noqa: E402

from daemon.model import Mail  # noqa: E402
from daemon.understand.mail import parse  # noqa: E402

DIRS = (
    Path("/work/shared/corpus"),
    REPO / "tests/fixtures/mail",
    REPO / "tests/fixtures/heldout",
    REPO / "tests/fixtures/heldout2",
    REPO / "daemon/commands/demo_mail",
)
GEN_NOW = datetime(2026, 3, 17, 15, 30, tzinfo=UTC)
#: fields not compared: new since the golden outputs were first recorded
NEW_FIELDS = frozenset({"forwarded"})

HEAD = (
    b"From: Ana Ruiz <ana@corvid.example>\r\nTo: sam@example.net\r\nSubject: Interview\r\n"
    b"Date: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <m1@corvid.example>\r\nMIME-Version: 1.0\r\n"
)
GOOD_TEXT = b"Your interview is on Tuesday at 10am. The good part survives."
GOOD_PART = b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + GOOD_TEXT + b"\r\n"
ICS_EVENT = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:x1\r\n"
    b"DTSTAMP:20260301T000000Z\r\nDTSTART:20260303T100000Z\r\nDTEND:20260303T103000Z\r\n"
    b"RRULE:FREQ=SECONDLY;COUNT=1000000000\r\nSUMMARY:Interview\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
ICS_OK = ICS_EVENT.replace(b"RRULE:FREQ=SECONDLY;COUNT=1000000000\r\n", b"")


def multipart(parts: list[bytes], boundary: bytes = b"b0undary", kind: bytes = b"mixed") -> bytes:
    head = HEAD + b"Content-Type: multipart/" + kind + b"; boundary=" + boundary + b"\r\n\r\n"
    body = b"".join(b"--" + boundary + b"\r\n" + p + b"\r\n" for p in parts)
    return head + body + b"--" + boundary + b"--\r\n"


# ---------------------------------------------------------------------- message sets


def files() -> Iterator[tuple[str, bytes]]:
    for d in DIRS:
        for p in sorted(d.rglob("*.eml")):
            yield f"{d.name}/{p.relative_to(d)}", p.read_bytes()


def generated() -> Iterator[tuple[str, bytes]]:
    for n, seed, share in ((1000, 7, 0.01), (400, 11, 0.6)):
        for i, g in enumerate(generate(n, now=GEN_NOW, lookback_days=60, seed=seed, job_share=share)):
            yield f"gen{seed}/{i:04d}", g.raw


def scenarios() -> Iterator[tuple[str, bytes]]:
    c = sm.Cast()
    t = datetime(2026, 4, 10, 9, 0, tzinfo=sm.ET)
    start = datetime(2026, 4, 14, 14, 0, tzinfo=sm.ET)
    built = {
        "invitation": sm.invitation(c, start, sent=t, ics=False),
        "invitation-ics": sm.invitation(c, start, sent=t, ics=True),
        "reschedule": sm.reschedule(c, start, start + timedelta(days=1), sent=t),
        "cancellation": sm.cancellation(c, start, sent=t),
        "employer-reply": sm.employer_reply(c, sent=t),
        "ooo": sm.out_of_office(c, date(2026, 4, 20), sent=t, replying_to="<x@y>"),
        "user-confirms": sm.user_confirms(c, sent=t),
        "user-followup": sm.user_followup(c, sent=t),
        "rejection": sm.rejection(c, sent=t),
        "newsletter": sm.newsletter(sent=t),
        "malformed": sm.malformed(),
        "garbage": sm.garbage(),
        "logistics": sm.logistics_note(c, start, sent=t),
        "calendar-update": sm.calendar_update(c, start, sent=t, sequence=2, cancel=False),
        "calendar-cancel": sm.calendar_update(c, start, sent=t, sequence=3, cancel=True),
        "final-round": sm.final_round(c, start, sent=t),
    }
    for name, raw in built.items():
        yield f"scenario/{name}", raw


def _nested_rfc822(depth: int) -> bytes:
    inner = HEAD + b"Content-Type: text/plain\r\n\r\ninnermost\r\n"
    for _ in range(depth):
        inner = HEAD + b"Content-Type: message/rfc822\r\n\r\n" + inner
    return multipart([GOOD_PART, b"Content-Type: message/rfc822\r\n\r\n" + inner])


def _nested_multipart(depth: int) -> bytes:
    body = GOOD_PART
    for i in range(depth):
        b = b"n%d" % i
        body = b"Content-Type: multipart/mixed; boundary=" + b + b"\r\n\r\n--" + b + b"\r\n" + body
        body += b"\r\n--" + b + b"--\r\n"
    return HEAD + body


def _open_multipart(depth: int) -> bytes:
    opening = b"".join(
        f'--d{i}\r\nContent-Type: multipart/mixed; boundary="d{i + 1}"\r\n\r\n'.encode() for i in range(depth)
    )
    return HEAD + b'Content-Type: multipart/mixed; boundary="d0"\r\n\r\n' + opening + b"Interview next week.\r\n"


def _storm(storm: bytes) -> bytes:
    return (
        HEAD + b"Content-Type: multipart/mixed; boundary=zz" + storm + b"\r\n\r\n--zz\r\n"
        b"Content-Type: text/plain" + storm + b"\r\n\r\n" + GOOD_TEXT + b"\r\n--zz--\r\n"
    )


def hostile() -> Iterator[tuple[str, bytes]]:
    """The inputs of tests/test_mail.py and tests/test_faults_mail.py that are small."""
    for cs, body in (
        (b"uft-8", "Héllo, your interview".encode()),
        (b"iso-8859-8-i", "שלום interview".encode("iso-8859-8")),
        (b"x-garbage", b"plain interview text"),
        (b"utf-8", "caf\xe9 at noon".encode("latin-1")),
        (b'"x-unknown-zz"', bytes(range(128, 256)) * 40),
        (b"gb2312", "面试时间".encode("gb18030")),
        (b"ks_c_5601-1987", "면접".encode("cp949")),
        (b"windows-1252", b"\x93quoted\x94 \x96 dash"),
    ):
        yield f"hostile/charset-{cs.decode()}", HEAD + b"Content-Type: text/plain; charset=" + cs + b"\r\n\r\n" + body
    yield (
        "hostile/missing-boundary",
        HEAD + b"Content-Type: multipart/mixed\r\n\r\n--XyZ\r\n" + GOOD_PART + b"--XyZ--\r\n",
    )
    yield "hostile/unterminated", (
        HEAD + b"Content-Type: multipart/mixed; boundary=Q\r\n\r\n--Q\r\n" + GOOD_PART
        + b"--Q\r\nContent-Type: text/html\r\n\r\n<p>never closed"
    )  # fmt: skip
    yield "hostile/semicolon-soup", (
        HEAD.replace(b"MIME-Version", b"X-Junk: ;;;;\r\nMIME-Version")
        + b"Content-Type: text/plain;;;;;charset=utf-8;;;;\r\nContent-Disposition: ;;;;\r\n"
        + b"Content-Transfer-Encoding: ;;;;\r\n\r\n" + GOOD_TEXT
    )  # fmt: skip
    yield (
        "hostile/malformed-headers",
        (
            b"From: <<<@@@>>>\r\nTo: ,,,,@,\r\nSubject: =?utf-8?q?broken\r\nDate: yesterday-ish\r\n"
            b"Message-ID: <<>>\r\n\r\nbody text\r\n"
        ),
    )
    yield (
        "hostile/nul",
        (b"From: a\0@b.example\r\nSubject: hi\0there\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nbody\0 text\r\n"),
    )
    evil = base64.b64encode(b"Interview\r\nBcc: victim@evil.example\r\n\r\nbody").decode()
    yield (
        "hostile/injection",
        (
            b"From: =?utf-8?q?Evil=0D=0ABcc:_x@evil.example?= <ana@corvid.example>\r\n"
            + f"Subject: =?utf-8?b?{evil}?=\r\n".encode()
            + b"Date: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nbody\r\n"
        ),
    )
    yield (
        "hostile/secondly-rrule",
        multipart([GOOD_PART, b"Content-Type: text/calendar; method=REQUEST\r\n\r\n" + ICS_EVENT]),
    )
    bad_ics = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:notadate\r\nEND:VCALENDAR\r\n"
    yield "hostile/invalid-ics", multipart([GOOD_PART, b"Content-Type: text/calendar\r\n\r\n" + bad_ics])
    yield (
        "hostile/floating-ics",
        multipart(
            [
                GOOD_PART,
                b"Content-Type: text/calendar\r\n\r\n" + ICS_OK.replace(b"20260303T100000Z", b"20260303T100000"),
            ]
        ).replace(b"+0000", b"-0500"),
    )
    yield "hostile/ics-attachment-name", multipart([
        GOOD_PART,
        b"Content-Type: application/octet-stream; name=invite.ics\r\nContent-Disposition: attachment; "
        b"filename=invite.ics\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(ICS_OK),
    ])  # fmt: skip
    yield (
        "hostile/html-stub",
        multipart(
            [
                b"Content-Type: text/plain\r\n\r\nTo view this message, please use an HTML-capable email client.\r\n",
                b"Content-Type: text/html; charset=utf-8\r\n\r\n<html><head><style>td{color:red}</style></head><body>"
                b"<table><tr><td>Date</td><td>Tuesday 3 March 2026</td></tr><tr><td>Time</td><td>10:00&nbsp;&ndash;"
                b"&nbsp;10:30 GMT</td></tr></table><script>track()</script><p>A &amp; B</p></body></html>",
            ],
            kind=b"alternative",
        ),
    )
    yield (
        "hostile/plain-wins",
        multipart(
            [
                b"Content-Type: text/plain\r\n\r\nHi Sam, we would like to invite you to a first interview next Tuesday"
                b" at 10am GMT. Best, Ana",
                b"Content-Type: text/html\r\n\r\n<p>HTML version</p>",
            ],
            kind=b"alternative",
        ),
    )
    yield "hostile/qp", HEAD + b"Content-Transfer-Encoding: quoted-printable\r\n\r\nsoft=\r\nbreak =E2=80=93 dash\r\n"
    yield "hostile/rfc822", HEAD + b"Content-Type: message/rfc822\r\n\r\n" + HEAD + b"\r\nnested\r\n"
    yield "hostile/html-comments", HEAD + b"Content-Type: text/html\r\n\r\n" + b"<!--" * 5000 + b"<p>x</p>"
    yield "hostile/html-lt", HEAD + b"Content-Type: text/html\r\n\r\n" + b"<a" * 5000 + b"<p>x</p>"
    for i, storm in enumerate((b";" * 60_000, b"; a=b" * 12_000, b"; " * 30_000, b";" * 40)):
        yield f"hostile/storm-{i}", _storm(storm)
    yield "hostile/nested-rfc822-50", _nested_rfc822(50)
    yield "hostile/nested-rfc822-3000", _nested_rfc822(3000)
    yield "hostile/nested-multipart-3000", _nested_multipart(3000)
    yield "hostile/open-multipart-2000", _open_multipart(2000)
    yield "hostile/parts-300", multipart([GOOD_PART] + [b"Content-Type: text/plain\r\n\r\nx\r\n"] * 300)
    yield "hostile/headers-3000", b"".join(b"X-H%d: =?utf-8?b?v\r\n" % i for i in range(3000)) + HEAD + b"\r\nhi\r\n"


def big_hostile() -> Iterator[tuple[str, bytes]]:
    """The multi-megabyte inputs: deterministic, so they are rebuilt rather than stored."""
    yield "big/parts-10000", multipart([GOOD_PART] + [b"Content-Type: text/plain\r\n\r\nx\r\n"] * 10_000)
    yield "big/parts-100000", multipart([GOOD_PART] + [b"Content-Type: text/plain\r\n\r\nx\r\n"] * 100_000)
    yield "big/headers-200000", b"".join(b"X-H%d: v\r\n" % i for i in range(200_000)) + HEAD + b"\r\n" + GOOD_TEXT
    yield (
        "big/huge-header-and-line",
        (HEAD.replace(b"Subject: Interview", b"Subject: " + b"a" * 5_000_000) + b"\r\n" + b"x" * 3_000_000),
    )
    yield "big/x-junk-8mb", HEAD + b"X-Junk: " + b"a" * 8_000_000 + b"\r\n\r\nInterview Monday 9am.\r\n"
    yield "big/attachment-50mb", multipart([
        GOOD_PART,
        b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Disposition: attachment; filename=offer.pdf\r\n\r\n" + base64.encodebytes(b"\0" * (50 << 20)),
    ])  # fmt: skip
    yield "big/attachment-before-calendar", multipart([
        GOOD_PART,
        b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(b"\1" * (6 << 20)),
        b"Content-Type: text/calendar; method=REQUEST\r\n\r\n" + ICS_OK,
    ])  # fmt: skip
    line = b"We would like to schedule an interview with you next Tuesday at 3pm Eastern. " * 3 + b"\r\n"
    body = line * (30 * 1024 * 1024 // len(line))
    yield "big/body-30mb", HEAD + b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + body


#: header values that exercise the decoders: each is tried in every address field and as Subject
TORTURE_VALUES = (
    "Ana Ruiz <ana@corvid.example>",
    '"Ruiz, Ana" <Ana.Ruiz@Corvid.Example>',
    "ana@corvid.example (Ana Ruiz)",
    "Ana <ana@corvid.example>, Bo <bo@corvid.example>; x@y.example",
    "Team: ana@corvid.example, bo@corvid.example;",
    "undisclosed-recipients:;",
    "=?utf-8?q?Zo=C3=AB_Brandt?= <zoe@fern.example>",
    "=?utf-8?b?Wm/DqyBCcmFuZHQ=?= <zoe@fern.example>",
    "=?iso-8859-1?q?Andr=E9?= <andre@x.example>",
    "=?utf-8?q?broken <a@b.example>",
    "=?x-klingon-8?B?SW50ZXJ2aWV3?= <k@x.example>",
    "=?utf-8?B?not base64!?= <n@x.example>",
    '"=?utf-8?q?Quoted_Word?=" <q@x.example>',
    "Zoë Brandt <zoe@fern.example>",
    "Ana\r\n Ruiz <ana@corvid.example>",
    "<ana@corvid.example>",
    "ana@corvid.example",
    "<<<@@@>>>",
    ",,,,@,",
    "Ana Ruiz <ana@corvid.example",
    "Ana Ruiz ana@corvid.example>",
    'Ana "the recruiter" Ruiz <ana@corvid.example>',
    "Ana Ruiz <ana at corvid.example>",
    "@corvid.example",
    "ana@",
    "ana@[127.0.0.1]",
    '"ana ruiz"@corvid.example',
    "Ana (comment (nested)) <ana@corvid.example>",
    "Ana <ana@corvid.example> (trailing)",
    "=?utf-8?q?Evil=0D=0ABcc:_x@evil.example?= <ana@corvid.example>",
    "=?utf-8?q?a?= =?utf-8?q?b?= <ab@x.example>",
    "=?utf-8?q?a?=  plain =?utf-8?q?b?= <ab@x.example>",
    "Name\twith\ttabs <t@x.example>",
    "",
    "   ",
    "Re: Interview 📅",
    "=?UTF-8?Q?Re=3A_Interview_=F0=9F=93=85?=",
    "=?utf-8?q?long?= " * 30,
    "a" * 5000,
    "Subject with ; semicolons ;;; and = signs =?",
    "=?gb2312?b?w+bK1A==?=",
    "=?utf-8*en?q?lang_tag?=",
    "=?utf-8?Q?under_score=5Fhere?=",
    "Mixed =?utf-8?q?encoded?=word",
    "Ana Ruiz <ana@corvid.example>\x00",
    "\x01control\x7f <c@x.example>",
)
TORTURE_DATES = (
    "Mon, 2 Mar 2026 10:00:00 +0000",
    "Mon, 2 Mar 2026 10:00:00 -0500 (EST)",
    "2 Mar 2026 10:00 GMT",
    "Mon, 02 Mar 2026 10:00:00",
    "Mon, 2 Mar 2026 10:00:00 -0000",
    "Mon, 2 Mar 26 10:00:00 PST",
    "yesterday-ish",
    "",
    "Mon, 32 Mar 2026 10:00:00 +0000",
    "Mon, 2 Mar 99999 10:00:00 +0000",
    "Mon, 2 Mar 2026 25:61:00 +0000",
    "Mon, 2 Mar 2026 10:00:00 +9999",
    "=?utf-8?q?Mon,_2_Mar_2026_10:00:00_+0000?=",
    "2026-03-02T10:00:00Z",
)
TORTURE_IDS = (
    "<m1@corvid.example>",
    "<<>>",
    "m1@corvid.example",
    "<a@b> <c@d>\r\n <e@f>",
    "<a b@c>",
    "(comment) <x@y>",
    "",
    "<" + "x" * 3000 + "@y>",
)


def torture() -> Iterator[tuple[str, bytes]]:
    fields = ("From", "To", "Cc", "Reply-To", "Sender", "Subject", "Bcc", "X-Other")
    for f in fields:
        for i, v in enumerate(TORTURE_VALUES):
            for enc in ("utf-8", "latin-1"):
                try:
                    value = v.encode(enc)
                except UnicodeEncodeError:
                    continue
                raw = HEAD.replace(b"From: Ana Ruiz <ana@corvid.example>\r\n", b"") if f == "From" else HEAD
                if f == "Subject":
                    raw = raw.replace(b"Subject: Interview\r\n", b"")
                yield f"torture/{f}-{i}-{enc}", f"{f}: ".encode() + value + b"\r\n" + raw + b"\r\nbody\r\n"
    for i, d in enumerate(TORTURE_DATES):
        yield f"torture/date-{i}", HEAD.replace(b"Mon, 2 Mar 2026 10:00:00 +0000", d.encode()) + b"\r\nbody\r\n"
    for field in ("Message-ID", "In-Reply-To", "References"):
        for i, v in enumerate(TORTURE_IDS):
            yield f"torture/{field}-{i}", HEAD + f"{field}: {v}\r\n".encode() + b"\r\nbody\r\n"
    yield "torture/two-froms", b"From: a@x.example\r\nFrom: b@y.example\r\n" + HEAD + b"\r\nbody\r\n"
    yield "torture/two-subjects", b"Subject: first\r\n" + HEAD + b"\r\nbody\r\n"
    yield "torture/no-colon", b"Not a header line\r\n" + HEAD + b"\r\nbody\r\n"
    yield "torture/continuation-first", b" leading continuation\r\n" + HEAD + b"\r\nbody\r\n"
    yield "torture/bare-lf", HEAD.replace(b"\r\n", b"\n") + b"\nbody\n"
    yield "torture/bare-cr", HEAD.replace(b"\r\n", b"\r") + b"\rbody\r"
    yield "torture/space-before-colon", b"Subject : spaced\r\nFrom : a@x.example\r\nDate: x\r\n\r\nbody\r\n"
    yield "torture/empty", b""
    yield "torture/only-body", b"\r\n\r\nInterview on Monday\r\n"
    yield "torture/utf8-header-names", "Sübject: x\r\n".encode() + HEAD + b"\r\nbody\r\n"
    for name in ("Content-Type", "Content-Disposition", "Content-Transfer-Encoding"):
        for j, v in enumerate(
            (
                'text/plain; charset="utf-8"; format=flowed',
                "text/plain; charset*=utf-8''%E2%82%AC",
                'text/plain; name*0="a"; name*1="b.ics"',
                'attachment; filename="=?utf-8?q?Einladung_=C3=BC.ics?="',
                "attachment; filename*=UTF-8''Einladung%20%C3%BC.ics",
                "inline",
                "text/calendar; method=REQUEST; charset=utf-8",
                "base64",
                "quoted-printable",
                "8bit",
                "x-uuencode",
                "TEXT/HTML",
                "text",
                "/",
                "multipart/alternative",
            )
        ):
            yield f"torture/{name}-{j}", HEAD + f"{name}: {v}\r\n\r\n".encode() + b"<p>Hi</p> body =E2=80=93 x\r\n"


FORWARDS = (
    "FYI, see below.\n\n---------- Forwarded message ---------\nFrom: Ana Ruiz <ana@corvid.example>\n"
    "Date: Mon, Mar 2, 2026 at 10:00 AM\nSubject: Interview\nTo: Sam <sam@example.net>\n\n"
    "Hi Sam, can you do Tuesday 3 March at 10am GMT?\n\nOn Sun, Mar 1, 2026 Sam wrote:\n> hello\n",
    "Please see below\n\n-----Original Message-----\nFrom: Ana Ruiz\nSent: Monday, March 2, 2026 10:00 AM\n"
    "To: Sam\nSubject: Interview\n\nCan you do Tuesday at 10am?\n",
    "Forwarding this.\n\nBegin forwarded message:\n\nFrom: Ana Ruiz <ana@corvid.example>\n"
    "Subject: Interview\nDate: 2 March 2026 at 10:00:00 GMT\nTo: Sam <sam@example.net>\n\nTuesday at 10am works.\n",
)


def forwards() -> Iterator[tuple[str, bytes]]:
    for i, text in enumerate(FORWARDS):
        body = text.replace("\n", "\r\n").encode()
        yield f"forward/{i}", HEAD + b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + body


def fuzz(seeds: list[bytes], count: int) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(20260302)
    tokens = (b"\r\n", b"--b0undary\r\n", b"Content-Type: multipart/mixed\r\n", b"=?utf-8?b?", b"=?utf-8?q?", b"\0",
              b";;;;", b"BEGIN:VEVENT\r\n", b"<!--", b"<table><tr><td>", b"\r\n\r\n", b":", b"<", b">", b"@", b",",
              b'"', b"(", b")", b"\xff", b"\xc3", b" \r\n ")  # fmt: skip
    for i in range(count):
        if i % 10 == 0:
            yield f"fuzz/random-{i}", bytes(rng.randrange(256) for _ in range(rng.randrange(4000)))
            continue
        raw = bytearray(rng.choice(seeds))
        for _ in range(rng.randrange(1, 7)):
            pos = rng.randrange(len(raw) + 1)
            cut = rng.randrange(65)
            if rng.random() < 0.7:
                insert = rng.choice(tokens)
            else:
                insert = bytes(rng.randrange(256) for _ in range(rng.randrange(64)))
            raw[pos : pos + cut] = insert
        yield f"fuzz/mutated-{i}", bytes(raw)


def stored_messages() -> Iterator[tuple[str, bytes]]:
    """Everything but the big inputs; their bytes are kept with the outputs, because files
    change and the scenario builders draw random MIME boundaries."""
    small: list[bytes] = []
    for source in (files(), scenarios(), hostile(), torture(), forwards()):
        for name, raw in source:
            if len(raw) < 20_000:
                small.append(raw)
            yield name, raw
    yield from generated()
    yield from fuzz(small, 4000)


# ---------------------------------------------------------------------- recording


def _value(v: Any) -> Any:
    if isinstance(v, datetime):
        tz = v.tzinfo
        return ("dt", v.isoformat(), type(tz).__name__, str(getattr(tz, "key", tz)))
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return {f.name: _value(getattr(v, f.name)) for f in dataclasses.fields(v)}
    if isinstance(v, tuple | list):
        return tuple(_value(x) for x in v)
    if hasattr(v, "items"):
        return tuple((k, _value(x)) for k, x in v.items())
    return v


def snapshot(mail: Mail) -> dict[str, Any]:
    """Every field of ``mail`` as plain, comparable data (header order included)."""
    return {f.name: _value(getattr(mail, f.name)) for f in dataclasses.fields(mail) if f.name not in NEW_FIELDS}


def record(path: Path) -> int:
    t0 = time.perf_counter()
    raws = dict(stored_messages())
    outputs = {name: snapshot(parse(raw)) for name, raw in raws.items()}
    outputs.update((name, snapshot(parse(raw))) for name, raw in big_hostile())
    path.write_bytes(pickle.dumps({"raws": raws, "outputs": outputs}))
    print(f"recorded {len(outputs)} messages to {path} in {time.perf_counter() - t0:.1f} s")
    return 0


def compare(path: Path, show: int, big: bool) -> int:
    t0 = time.perf_counter()
    data = pickle.loads(path.read_bytes())
    diffs: list[str] = []
    seen = 0
    pairs = list(data["raws"].items())
    for name, raw in [*pairs, *(big_hostile() if big else ())]:
        seen += 1
        got = snapshot(parse(raw))
        want = data["outputs"][name]
        for key in want:
            if got.get(key) != want[key]:
                diffs.append(f"{name} {key}:\n  was {want[key]!r:.600}\n  now {got.get(key)!r:.600}")
    for d in diffs[:show]:
        print(d)
    print(f"{len(diffs)} differences over {seen} messages ({time.perf_counter() - t0:.1f} s)")
    return 1 if diffs else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("record", "compare"))
    ap.add_argument("path", type=Path)
    ap.add_argument("--show", type=int, default=20, help="differences to print")
    ap.add_argument("--skip-big", action="store_true", help="compare: leave out the multi-megabyte inputs")
    args = ap.parse_args(argv)
    if args.mode == "record":
        return record(args.path)
    return compare(args.path, args.show, not args.skip_big)


if __name__ == "__main__":
    sys.exit(main())
