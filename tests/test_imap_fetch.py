"""The streaming header FETCH reader (connectors/imap_fetch.py).

Most tests run it against the private Dovecot and compare it with imapclient's own
``fetch``. Shapes Dovecot never sends (other item orders, quoted or NIL headers, Gmail's
extra items, BYE mid-answer, a cut literal) are fed from ``ScriptedServer``: a stand-in
for the socket side of ``imaplib.IMAP4`` that replays bytes, named as the mock it is.
"""

from __future__ import annotations

import imaplib
import io
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from dovecot import Dovecot, User, client_for
from hypothesis import given, settings
from hypothesis import strategies as st

from connectors.imap_fetch import HEADER_ITEMS, _fast, _item, _slow, fetch_headers, read_response, uid_set

# ---------------------------------------------------------------------- a scripted server


class ScriptedServer(imaplib.IMAP4):
    """MOCK: replays a server's bytes to imaplib's readline/read; records what is sent.

    Only ``send``, ``readline`` and ``read`` are used by the reader, so only those are
    served; the tag the reader picks is written into the script where it says ``{tag}``.
    """

    def __init__(self, script: bytes) -> None:  # no socket, no greeting
        self._script = script
        self.sent = b""
        self.file: io.BufferedReader | None = None

    def send(self, data: bytes) -> None:
        self.sent += data
        tag = data.split(b" ", 1)[0]
        self.file = io.BufferedReader(io.BytesIO(self._script.replace(b"{tag}", tag)))  # type: ignore[arg-type]


def run(script: bytes, uids: list[int]) -> list[Any]:
    return list(fetch_headers(ScriptedServer(script), uids))


HEADER = b"From: a@b.example\r\nSubject: Hi\r\n\r\n"


def lit(data: bytes) -> bytes:
    return b"{%d}\r\n" % len(data) + data


# ---------------------------------------------------------------------- uid sets


def test_uid_set_uses_ranges() -> None:
    assert uid_set([1, 2, 3, 5, 7, 8]) == b"1:3,5,7:8"
    assert uid_set([9]) == b"9"
    assert uid_set([4, 3, 3, 2]) == b"2:4"


@given(st.sets(st.integers(1, 500), min_size=1))
def test_uid_set_names_exactly_the_uids(uids: set[int]) -> None:
    named: set[int] = set()
    for part in uid_set(sorted(uids)).decode().split(","):
        lo, _, hi = part.partition(":")
        named |= set(range(int(lo), int(hi or lo) + 1))
    assert named == uids


# ---------------------------------------------------------------------- shapes


def test_the_common_shape_is_read() -> None:
    script = (
        b'* 1 FETCH (UID 10 FLAGS (\\Seen $Forwarded) INTERNALDATE "28-Sep-2026 09:58:42 +0200" '
        b"RFC822.SIZE 7786 BODY[HEADER] " + lit(HEADER) + b")\r\n{tag} OK Fetch completed.\r\n"
    )
    server = ScriptedServer(script)
    [item] = list(fetch_headers(server, [10]))
    assert server.sent.endswith(b" UID FETCH 10 " + HEADER_ITEMS + b"\r\n")
    assert item.uid == 10 and item.header == HEADER and item.size == 7786
    assert item.flags == (b"\\Seen", b"$Forwarded")
    assert item.internaldate == datetime(2026, 9, 28, 9, 58, 42, tzinfo=timezone(timedelta(hours=2)))


def test_only_the_fields_asked_for_and_however_the_server_spells_them() -> None:
    asked = b"BODY.PEEK[HEADER.FIELDS (FROM LIST-ID SUBJECT)]"
    common = (
        b'* 1 FETCH (UID 10 FLAGS () INTERNALDATE "28-Sep-2026 09:58:42 +0200" '
        b"RFC822.SIZE 7786 BODY[HEADER.FIELDS (FROM LIST-ID SUBJECT)] " + lit(HEADER) + b")\r\n"
    )
    # another server echoes the list quoted and reordered, items in its own order
    odd = (
        b'* 2 FETCH (FLAGS () BODY[HEADER.FIELDS ("Subject" "From" "List-Id")] '
        + lit(HEADER)
        + b" UID 11 RFC822.SIZE 9)\r\n"
    )
    server = ScriptedServer(common + odd + b"{tag} OK done\r\n")
    items = list(fetch_headers(server, [10, 11], ["subject", "From", "list-id", "subject"]))
    assert b" UID FETCH 10:11 (" + asked + b" FLAGS INTERNALDATE RFC822.SIZE)\r\n" in server.sent
    assert [(i.uid, i.header, i.size) for i in items] == [(10, HEADER, 7786), (11, HEADER, 9)]
    with pytest.raises(ValueError, match="header field name"):
        list(fetch_headers(ScriptedServer(b""), [1], ["subject)] BODY[]"]))


def test_any_item_order_and_items_after_the_literal() -> None:
    script = (
        b"* 7 FETCH (BODY[HEADER] " + lit(HEADER) + b" UID 3 MODSEQ (12345) RFC822.SIZE 99 FLAGS () "
        b'INTERNALDATE "01-Jan-2026 00:00:00 +0000")\r\n{tag} OK done\r\n'
    )
    [item] = run(script, [3])
    assert (item.uid, item.header, item.size, item.flags) == (3, HEADER, 99, ())
    assert item.internaldate == datetime(2026, 1, 1, tzinfo=UTC)


def test_quoted_and_nil_headers() -> None:
    script = (
        b'* 1 FETCH (UID 1 BODY[HEADER] "Subject: a \\"quoted\\" one\\\\\r\n\r\n" FLAGS () RFC822.SIZE 5)\r\n'.replace(
            b"\r\n\r\n", b""
        )
        + b"* 2 FETCH (UID 2 BODY[HEADER] NIL FLAGS () RFC822.SIZE 0)\r\n{tag} OK done\r\n"
    )
    items = {i.uid: i for i in run(script, [1, 2])}
    assert items[1].header == b'Subject: a "quoted" one\\'
    assert items[2].header == b""


def test_gmail_extras_fall_back_to_the_full_parser() -> None:
    script = (
        b'* 4 FETCH (X-GM-LABELS ("\\\\Important" "Job (search)") UID 40 FLAGS (\\Seen) '
        b'INTERNALDATE "02-Mar-2026 10:00:00 -0500" RFC822.SIZE 120 BODY[HEADER] '
        + lit(HEADER)
        + b")\r\n{tag} OK Success\r\n"
    )
    [parts] = _parts(script.replace(b"{tag}", b"T1"))
    assert _fast(parts) is None  # nested list with quoted strings: not the fast path's shape
    [item] = run(script, [40])
    assert item.uid == 40 and item.header == HEADER and item.flags == (b"\\Seen",)
    assert item.internaldate == datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def test_unsolicited_responses_are_passed_over() -> None:
    script = (
        b"* 12 EXISTS\r\n"
        b"* 1 FETCH (FLAGS (\\Seen))\r\n"  # another client changed flags: no UID
        b"* 2 FETCH (UID 99 FLAGS (\\Seen))\r\n"  # a UID we did not ask for
        b"* 3 FETCH (UID 5 FLAGS (\\Seen))\r\n"  # ours, but only a flag change: wait for the header
        b"* OK [HIGHESTMODSEQ 7] noted\r\n"
        b"* 3 FETCH (UID 5 FLAGS (\\Seen) RFC822.SIZE 1 BODY[HEADER] " + lit(HEADER) + b")\r\n"
        b"* 3 FETCH (UID 5 FLAGS (\\Seen) RFC822.SIZE 1 BODY[HEADER] " + lit(HEADER) + b")\r\n"
        b"* 4 EXPUNGE\r\n"
        b"{tag} OK done\r\n"
    )
    items = run(script, [5, 6])
    assert [(i.uid, i.header) for i in items] == [(5, HEADER)]


def test_a_refusal_raises_an_error_and_leaves_the_stream_in_step() -> None:
    with pytest.raises(imaplib.IMAP4.error, match="UID FETCH failed: NO \\[UNAVAILABLE\\]") as caught:
        run(b"{tag} NO [UNAVAILABLE] try later\r\n", [1])
    assert not isinstance(caught.value, imaplib.IMAP4.abort)


@pytest.mark.parametrize(
    "script",
    [
        b"* BYE shutting down\r\n",
        b"* 1 FETCH (UID 1 BODY[HEADER] {100}\r\nFrom: cut",  # connection lost inside a literal
        b"* 1 FETCH (UID 1 RFC822.SIZE 4",  # ... or inside a line
        b"+ go ahead\r\n",
        b"garbage\r\n",
        b"* 1 FETCH (UID 1 X " + b"y" * 1_100_000 + b")\r\n",  # over imaplib's line limit
    ],
    ids=["bye", "cut-literal", "cut-line", "continuation", "garbage", "huge-line"],
)
def test_a_broken_stream_raises_abort(script: bytes) -> None:
    with pytest.raises(imaplib.IMAP4.abort):
        run(script, [1])


def _parts(script: bytes) -> list[list[Any]]:
    imap = ScriptedServer(script)
    imap.send(b"T1 noop")
    out = []
    while True:
        parts = read_response(imap)
        first = parts[0][0] if isinstance(parts[0], tuple) else parts[0]
        if first.startswith(b"T1 "):
            return out
        out.append(parts)


# ---------------------------------------------------------------------- fast == full parser

_atom = st.sampled_from([b"\\Seen", b"\\Answered", b"\\Flagged", b"$Forwarded", b"Junk", b"\\Recent"])
_text = st.binary(max_size=60).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b""))


def _quote(b: bytes) -> bytes:
    return b'"' + b.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'


@st.composite
def fetch_response(draw: st.DrawFn) -> bytes:
    items = [
        b"UID %d" % draw(st.integers(1, 2**32 - 1)),
        b"FLAGS (" + b" ".join(draw(st.lists(_atom, max_size=4, unique=True))) + b")",
        b'INTERNALDATE "%02d-Mar-2026 1%d:00:00 %s"'
        % (draw(st.integers(1, 28)), draw(st.integers(0, 9)), draw(st.sampled_from([b"+0000", b"-0500", b"+0530"]))),
        b"RFC822.SIZE %d" % draw(st.integers(0, 10**9)),
    ]
    header = draw(st.one_of(st.just(None), _text, st.binary(max_size=300)))
    if header is None:
        items.append(b"BODY[HEADER] NIL")
    elif draw(st.booleans()) and b"\r" not in header and b"\n" not in header and b"\0" not in header:
        items.append(b"BODY[HEADER] " + _quote(header))
    else:
        items.append(b"BODY[HEADER] " + lit(header))
    if draw(st.booleans()):
        items.append(b"MODSEQ (%d)" % draw(st.integers(1, 10**12)))
    # as asked (Dovecot's order, the one-regex path) or shuffled (the item-by-item path)
    order = items if draw(st.booleans()) else draw(st.permutations(items))
    return b"* %d FETCH (" % draw(st.integers(1, 10**6)) + b" ".join(order) + b")\r\nT1 OK\r\n"


@settings(max_examples=300, deadline=None)
@given(fetch_response())
def test_the_fast_path_agrees_with_imapclients_parser(script: bytes) -> None:
    [parts] = _parts(script)
    fast, slow = _fast(parts), _slow(parts)
    assert fast is not None and slow is not None
    used = (b"SEQ", b"UID", b"FLAGS", b"RFC822.SIZE", b"BODY[HEADER]")
    assert {k: fast.get(k) for k in used} == {k: slow.get(k) for k in used}
    a, b = _item(fast), _item(slow)
    assert a is not None and b is not None and a.internaldate == b.internaldate is not None
    # and the whole reader, whichever path it takes, hands over what the full parser read
    [got] = run(script.replace(b"T1 OK", b"{tag} OK"), [b.uid])
    assert (got.uid, got.header, got.flags, got.size, got.internaldate) == (
        b.uid,
        b.header,
        b.flags,
        b.size,
        b.internaldate,
    )


# ---------------------------------------------------------------------- against Dovecot


def test_the_same_answers_as_imapclient_on_dovecot(dovecot: Dovecot, imap_user: User) -> None:
    c = client_for(dovecot, imap_user)
    try:
        c.normalise_times = False
        for n in range(30):
            raw = (
                f"From: Sender {n} <s{n}@example.org>\r\nSubject: =?utf-8?q?Caf=C3=A9_{n}?=\r\n"
                f"Message-ID: <{n}@example.org>\r\n\r\nbody {n}\r\n"
            ).encode()
            flags = [b"\\Seen", b"$Label" + str(n).encode()] if n % 3 else []
            c.append("INBOX", raw, flags=flags, msg_time=datetime(2026, 3, 1 + n % 27, 8, n, tzinfo=UTC))
        c.select_folder("INBOX")
        uids = sorted(c.search(["ALL"]))
        c.delete_messages(uids[5:8])
        c.expunge()  # holes in the UID range
        want = c.fetch(uids, ["BODY.PEEK[HEADER]", "FLAGS", "INTERNALDATE", "RFC822.SIZE"])
        got = {i.uid: i for i in fetch_headers(c._imap, uids)}
        assert set(got) == set(want) and len(got) == 27
        for uid, item in got.items():
            w = want[uid]
            assert item.header == w[b"BODY[HEADER]"]
            assert item.flags == tuple(w[b"FLAGS"])
            assert item.internaldate == w[b"INTERNALDATE"]
            assert item.size == w[b"RFC822.SIZE"]
        assert c.noop()  # the connection is in step afterwards
        assert [i.uid for i in fetch_headers(c._imap, [uids[0]])] == [uids[0]]
    finally:
        c.logout()
