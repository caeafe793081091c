"""A streaming reader for the one big FETCH of a first scan: every message's header block.

imapclient collects a whole FETCH answer through imaplib (a Python call per line, a
debug-log call per line, the answer kept in a list) and then tokenises it byte by byte;
for 10,000 headers that is about a second of CPU, more than the server spends. Here the
answer is read straight from the connection's buffered socket file with imaplib's own
``readline``/``read`` and each message is handed over as soon as it has arrived, so a
caller can drop the ones it does not want without holding the rest.

The common shape of a FETCH response (numbers, quoted strings, flat lists, NIL and one
literal per value) is parsed here; anything else (a nested list, a literal where none
was expected, an item we do not know with an odd value) goes to imapclient's own
parser, so unusual servers get the same answers as before, only slower.

Protocol trouble (EOF, a short literal, a continuation request, BYE) raises
``imaplib.IMAP4.abort``, which the connector treats as a lost connection; a tagged NO
or BAD raises ``imaplib.IMAP4.error``.
"""

from __future__ import annotations

import imaplib
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from imapclient.datetime_util import parse_to_datetime
from imapclient.response_parser import parse_fetch_response

#: what a first scan asks for (UID FETCH answers carry the UID too)
#: a header field name as RFC 5322 allows it (printable ASCII but the colon), kept to the
#: safe subset so a name can go into a command unquoted
_FIELD_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")


def header_section(fields: Sequence[str] | None) -> bytes:
    """The FETCH section for the header block, or for only ``fields`` of it.

    A first scan's prefilter reads a dozen fields; the rest of a header block (Received,
    DKIM and ARC signatures, vendor X- headers) is most of its bytes. Asking only for those
    fields makes the server send and this process read a fraction of it.
    """
    if not fields:
        return b"HEADER"
    names = sorted({f.upper() for f in fields})
    bad = [n for n in names if not _FIELD_NAME.match(n)]
    if bad:
        raise ValueError(f"not a header field name: {bad[0]!r}")
    return b"HEADER.FIELDS (" + " ".join(names).encode("ascii") + b")"


def header_items(fields: Sequence[str] | None = None) -> bytes:
    return b"(BODY.PEEK[" + header_section(fields) + b"] FLAGS INTERNALDATE RFC822.SIZE)"


#: what a first scan asks for (UID FETCH answers carry the UID too)
HEADER_ITEMS = header_items()


def _header_of(items: dict[bytes, object], section: bytes) -> tuple[bool, object]:
    """(whether the answer holds the header section, its value). A server may spell the
    field list its own way (quoted, reordered), so any HEADER.FIELDS answer counts as it."""
    key = b"BODY[" + section + b"]"
    if key in items:
        return True, items[key]
    if section != b"HEADER":
        for name, value in items.items():
            if name.startswith(b"BODY[HEADER.FIELDS "):
                return True, value
    return False, None

_tags = itertools.count(1)

_LITERAL_AT_END = re.compile(rb"\{(\d+)\}\r?\n\Z")
_UNTAGGED_FETCH = re.compile(rb"\* (\d+) FETCH \(", re.IGNORECASE)
# one item: its name, then a number, a quoted string, a flat list, NIL, or (at the end
# of a segment) the literal that follows it
_ITEM = re.compile(
    rb"[ ]*([A-Za-z0-9.\-]+(?:\[[^\]\r\n]*\](?:<\d+>)?)?) "
    rb'(?:(\d+)|"((?:[^"\\\r\n]|\\.)*)"|\(([^()"{}\r\n]*)\)|(NIL)|\{(\d+)\}\Z)',
    re.IGNORECASE,
)
_CLOSE = re.compile(rb"[ ]*\)[ ]*\Z")
# the answer as Dovecot (and servers that keep the asked order) gives it, in one match
_COMMON = re.compile(
    rb"\* \d+ FETCH \(UID (\d+) FLAGS \(([^()\"{}\r\n]*)\) "
    rb'INTERNALDATE "([^"\\\r\n]*)" RFC822\.SIZE (\d+) BODY\[HEADER(?:\.FIELDS \([^()\]\r\n]*\))?\] \{(\d+)\}',
    re.IGNORECASE,
)
_UNQUOTE = re.compile(rb"\\(.)")


@dataclass(frozen=True, slots=True)
class HeaderItem:
    uid: int
    header: bytes
    flags: tuple[bytes, ...]
    #: the INTERNALDATE as sent; most headers of a first scan are dropped unread, so the
    #: date is decoded only when asked for
    date_text: bytes | datetime | None
    size: int

    @property
    def internaldate(self) -> datetime | None:
        if self.date_text is None or isinstance(self.date_text, datetime):
            return self.date_text
        try:
            when = parse_to_datetime(self.date_text, normalise=False)
        except ValueError:
            return None
        return when if isinstance(when, datetime) else None


def uid_set(uids: Sequence[int]) -> bytes:
    """``uids`` as an IMAP sequence set with ranges (``1:200,205``): short commands."""
    parts: list[str] = []
    ordered = sorted(set(uids))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        parts.append(str(ordered[i]) if i == j else f"{ordered[i]}:{ordered[j]}")
        i = j + 1
    return ",".join(parts).encode("ascii")


Segment = bytes | tuple[bytes, bytes]


def read_response(imap: imaplib.IMAP4) -> list[Segment]:
    """One server response, as imaplib shapes it: ``(text, literal)`` pairs, then the last line."""
    parts: list[Segment] = []
    while True:
        try:
            line = imap.readline()
        except imaplib.IMAP4.abort:
            raise
        except imaplib.IMAP4.error as e:  # a line over imaplib's limit: the stream is lost
            raise imaplib.IMAP4.abort(str(e)) from None
        if not line.endswith(b"\n"):
            raise imaplib.IMAP4.abort("connection closed in the middle of a response")
        m = _LITERAL_AT_END.search(line)
        if m is None:
            parts.append(line.rstrip(b"\r\n"))
            return parts
        size = int(m.group(1))
        literal = imap.read(size)
        if len(literal) != size:
            raise imaplib.IMAP4.abort("connection closed in the middle of a literal")
        parts.append((line[: m.end(1) + 1], literal))


def _fast(parts: list[Segment]) -> dict[bytes, object] | None:
    """The items of one untagged FETCH, or None when its shape needs the full parser."""
    first = parts[0][0] if isinstance(parts[0], tuple) else parts[0]
    m = _UNTAGGED_FETCH.match(first)
    if m is None:
        return None
    items: dict[bytes, object] = {b"SEQ": int(m.group(1))}
    pos = m.end()
    for n, part in enumerate(parts):
        text, literal = part if isinstance(part, tuple) else (part, None)
        if n > 0:
            pos = 0
        while True:
            if literal is None and (c := _CLOSE.match(text, pos)) is not None:
                return items if n == len(parts) - 1 and c.end() == len(text) else None
            im = _ITEM.match(text, pos)
            if im is None:
                return None
            name = im.group(1).upper()
            number, quoted, listed, nil, lit = im.group(2, 3, 4, 5, 6)
            if lit is not None:
                if literal is None or int(lit) != len(literal):
                    return None
                items[name] = literal
                break  # the next segment carries on after the literal
            if number is not None:
                items[name] = int(number)
            elif quoted is not None:
                items[name] = _UNQUOTE.sub(rb"\1", quoted) if b"\\" in quoted else quoted
            elif listed is not None:
                items[name] = tuple(listed.split())
            else:
                assert nil is not None
                items[name] = None
            pos = im.end()
    return None


def _slow(parts: list[Segment]) -> dict[bytes, object] | None:
    """imapclient's own parser, for shapes :func:`_fast` does not take."""
    first = parts[0][0] if isinstance(parts[0], tuple) else parts[0]
    m = _UNTAGGED_FETCH.match(first)
    if m is None:
        return None
    # imaplib hands imapclient "<seq> (<items>" without the "* " and " FETCH"
    head = m.group(1) + b" (" + first[m.end() :]
    data: list[Segment] = [(head, parts[0][1]) if isinstance(parts[0], tuple) else head, *parts[1:]]
    parsed = parse_fetch_response(data, normalise_times=False, uid_is_key=False)
    for seq, items in parsed.items():
        return {b"SEQ": seq, **{bytes(k): v for k, v in items.items()}}
    return None


def _item(items: dict[bytes, object], section: bytes = b"HEADER") -> HeaderItem | None:
    uid = items.get(b"UID")
    if not isinstance(uid, int):
        return None  # an unsolicited FETCH (a flag change by another client) carries no UID
    _, header = _header_of(items, section)
    flags = items.get(b"FLAGS")
    when = items.get(b"INTERNALDATE")
    size = items.get(b"RFC822.SIZE")
    return HeaderItem(
        uid=uid,
        header=bytes(header) if isinstance(header, bytes | bytearray) else b"",
        flags=tuple(f if isinstance(f, bytes) else str(f).encode() for f in flags) if isinstance(flags, tuple) else (),
        date_text=when if isinstance(when, bytes | datetime) else None,
        size=size if isinstance(size, int) else 0,
    )


def fetch_headers(
    imap: imaplib.IMAP4, uids: Sequence[int], fields: Sequence[str] | None = None
) -> Iterator[HeaderItem]:
    """``UID FETCH`` the header block, flags, INTERNALDATE and size of ``uids``, as they arrive.

    ``fields``: only these header fields (``BODY.PEEK[HEADER.FIELDS (...)]``); the block
    then holds those of them the message has, and the blank line that ends it.

    Yields one :class:`HeaderItem` per message the server answered for (an expunged UID
    simply has none). Unsolicited responses in between (EXISTS, EXPUNGE, flag changes of
    other messages) are passed over, as imapclient's ``fetch`` does. The generator must be
    run to its end: stopping early leaves the rest of the answer unread on the connection.
    """
    if not uids:
        return
    wanted = set(uids)
    section = header_section(fields)
    tag = b"FUD%d" % next(_tags)  # imaplib's own tags use the letters A-P only: no clash
    imap.send(tag + b" UID FETCH " + uid_set(uids) + b" " + header_items(fields) + b"\r\n")
    done: set[int] = set()
    while True:
        parts = read_response(imap)
        first = parts[0][0] if isinstance(parts[0], tuple) else parts[0]
        if first.startswith(tag + b" "):
            status, _, text = first[len(tag) + 1 :].partition(b" ")
            if status.upper() == b"OK":
                return
            said = f"{status.decode('ascii', 'replace')} {text.decode('utf-8', 'replace')}"
            raise imaplib.IMAP4.error(f"UID FETCH failed: {said}")
        if first.startswith(b"+"):
            raise imaplib.IMAP4.abort("unexpected continuation request during FETCH")
        if first[:6].upper() == b"* BYE ":
            raise imaplib.IMAP4.abort(first[6:].decode("utf-8", "replace"))
        if not first.startswith(b"* "):
            raise imaplib.IMAP4.abort(f"unexpected line during FETCH: {first[:80]!r}")
        if _UNTAGGED_FETCH.match(first) is None:
            continue  # EXISTS, EXPUNGE, OK [...] and the like
        if len(parts) == 2 and parts[1] == b")" and isinstance(parts[0], tuple):
            common = _COMMON.fullmatch(parts[0][0])
            if common is not None and int(common.group(5)) == len(parts[0][1]):
                uid = int(common.group(1))
                if uid in wanted and uid not in done:
                    done.add(uid)
                    yield HeaderItem(
                        uid, parts[0][1], tuple(common.group(2).split()), common.group(3), int(common.group(4))
                    )
                continue
        items = _fast(parts)
        if items is None:
            items = _slow(parts)
        if items is None or not _header_of(items, section)[0]:
            continue  # an unsolicited FETCH (another client changed flags), or one we cannot read
        item = _item(items, section)
        if item is None or item.uid not in wanted or item.uid in done:
            continue
        done.add(item.uid)
        yield item
