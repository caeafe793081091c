"""Parse raw message bytes into a bounded, decoded :class:`~daemon.model.Mail`.

Mail from the wild is hostile or broken often enough that nothing here may raise:
each header, part and calendar is read as far as it can be, and what went wrong is
recorded in ``Mail.defects``. Sizes are bounded so one huge or deeply nested message
cannot stall the daemon.
"""

from __future__ import annotations

import codecs
import contextlib
import email
import email.header
import email.headerregistry
import email.parser
import email.policy
import email.utils
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage, Message
from types import MappingProxyType
from typing import Any, NamedTuple

from daemon.model import Address, CalendarEvent, Mail
from daemon.understand import patterns
from daemon.understand.htmltext import html_to_text
from daemon.understand.ics import parse_calendar

#: bytes of a message that are parsed at all; the rest is dropped with a defect
MAX_MESSAGE_BYTES = 20 * 1024 * 1024
#: leaf parts looked at; real mail has a handful, 10,000 is an attack or a bug
MAX_PARTS = 200
#: characters of text kept per part and in total
MAX_TEXT_CHARS = 200_000
#: characters of HTML rendered per part: styling easily triples the size of the text
MAX_HTML_CHARS = 3 * MAX_TEXT_CHARS
MAX_CALENDAR_BYTES = 1024 * 1024
MAX_HEADER_CHARS = 4000
#: header fields kept from the top-level header block; the ones the core reads are kept
#: regardless, so 200,000 junk fields cannot push From or Subject out
MAX_HEADER_FIELDS = 500
#: bytes of one header field handed to the (slow, pure-Python) structured header parser
MAX_FIELD_BYTES = 64 * 1024
#: multipart and message/* containers, and boundary lines, parsed at all: the stdlib
#: parser is recursive and spends ~0.4 ms per part, so the raw bytes are cut before it
MAX_CONTAINERS = 50
MAX_BOUNDARY_LINES = MAX_PARTS + MAX_CONTAINERS
#: parameters kept in a Content-Type/Content-Disposition field, and its length: the
#: stdlib's structured parser is superlinear in both (4,000 parameters take a second)
#: and re-parses the field on every access
MAX_MIME_PARAMS = 30
MAX_MIME_FIELD_BYTES = 2048
#: base64 characters kept of one encoded body: more than any text or calendar part is
#: read, so a 40 MB attachment costs its first 2 MB, not a 300 MB parse
MAX_BASE64_RUN = 2 * 1024 * 1024
#: RFC 5322 allows 998 characters a line; a megabyte-long line is damage, cut to this
MAX_LINE_BYTES = 256 * 1024
#: characters of the body read as text when the MIME structure could not be parsed
MAX_FALLBACK_BYTES = MAX_TEXT_CHARS * 4
#: characters of each of the new text, signature, quoted and forwarded text that the
#: analysers read: an interview is stated near the top (or in the .ics), and every
#: text scanner's cost must be bounded whatever a stranger sends
MAX_SCAN_CHARS = 32_000
#: an address-bearing field that the fast path cannot read is cut to this many characters
#: (at a comma where there is one) before the standard library's parser sees it: that
#: parser is quadratic (100,000 '"' take 40 s and 180 MB); and only the first few fields
#: of one name are kept
MAX_ADDRESS_FIELD_CHARS = 1000
MAX_ADDRESS_FIELDS = 3

#: charset names seen in the wild that Python does not know
CHARSET_ALIASES = {
    "uft-8": "utf-8",
    "utf8": "utf-8",
    "iso-8859-8-i": "iso-8859-8",
    "iso-8859-6-i": "iso-8859-6",
    "x-unknown": "latin-1",
    "unknown-8bit": "latin-1",
    "ks_c_5601-1987": "cp949",
    "x-mac-roman": "mac-roman",
    "windows-874": "cp874",
    "ansi_x3.4-1968": "ascii",
    "us-ascii": "ascii",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}


def _codec(charset: str | None) -> str:
    name = (charset or "utf-8").strip().strip('"').lower()
    name = CHARSET_ALIASES.get(name, name)
    try:
        codecs.lookup(name)
    except LookupError:
        return "utf-8"
    return name


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decode with the declared charset, falling back to UTF-8, then Windows-1252, then Latin-1."""
    codec = _codec(charset)
    for candidate in (codec, "utf-8", "cp1252"):
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")


_KEEP_FIELDS = frozenset(
    b"""from to cc bcc subject date message-id in-reply-to references reply-to sender mime-version
    content-type content-transfer-encoding content-disposition auto-submitted precedence
    list-unsubscribe list-id x-autoreply x-autorespond x-auto-response-suppress return-path
    delivered-to x-failed-recipients""".split()
)
_HEADER_END = re.compile(rb"\r?\n\r?\n")
#: one header field with its continuation lines
_FIELD = re.compile(rb"[^\n]*(?:\n[ \t][^\n]*)*(?:\n|$)")
_KEEP_FIELD = re.compile(
    rb"(?i)\n((?:" + b"|".join(re.escape(n) for n in sorted(_KEEP_FIELDS)) + rb")[ \t]*:[^\n]*(?:\n[ \t][^\n]*)*)"
)


def _bound_header_block(head: bytes, defects: list[str]) -> bytes:
    """Cap the number and size of top-level header fields, keeping the ones the core reads."""
    if head.count(b"\n") < MAX_HEADER_FIELDS and len(head) <= MAX_FIELD_BYTES:
        return head  # the common case: too few lines for either limit to matter
    kept: list[bytes] = []
    end = 0
    for m in _FIELD.finditer(head):
        if len(kept) >= MAX_HEADER_FIELDS or not m.group(0):
            break
        kept.append(m.group(0))
        end = m.end()
    rest = head[end:]
    dropped = 0
    if rest:
        # past the limit only the fields the core reads are kept, found at C speed
        dropped = rest.count(b"\n") + 1
        per_name: dict[bytes, int] = {}
        for m in _KEEP_FIELD.finditer(b"\n" + rest):
            field = m.group(1)
            name = field[: field.find(b":")].strip().lower()
            per_name[name] = per_name.get(name, 0) + 1
            if per_name[name] <= 20:
                kept.append(field.rstrip(b"\r\n") + b"\r\n")
        defects.append(f"headers: more than {MAX_HEADER_FIELDS} fields, only {MAX_HEADER_FIELDS} kept")
    oversized = any(len(f) > MAX_FIELD_BYTES for f in kept)
    if oversized:
        defects.append(f"headers: field longer than {MAX_FIELD_BYTES} bytes truncated")
        kept = [f[:MAX_FIELD_BYTES].rstrip(b"\r\n") + b"\r\n" if len(f) > MAX_FIELD_BYTES else f for f in kept]
    if not dropped and not oversized:
        return head
    return b"".join(kept)


# Every scan below starts with a literal newline so the regex engine jumps from line to
# line instead of trying each byte: a 20 MB body costs tens of milliseconds per scan.
# The body is scanned as b"\n" + body, so its first line is found too.
_CONTAINER = re.compile(rb"(?i)\ncontent-type:[ \t]*(?:multipart|message)/")
_CONTENT_TYPE = re.compile(rb"(?i)\ncontent-type:[^\n]*(?:\n[ \t][^\n]*){0,20}")
_BOUNDARY_PARAM = re.compile(rb"""(?i)boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))""")
_DASH_LINE = re.compile(rb"\n--([^\r\n]*)")
#: a long run of base64 lines (each 40-100 characters): only an encoded body looks like this
_BASE64_RUN = re.compile(rb"\n((?:[A-Za-z0-9+/]{40,100}={0,2}\r?\n){20000,})")
_LONG_LINE = re.compile(rb"\n([^\n]{%d})[^\n]+" % MAX_LINE_BYTES)


_MIME_FIELD = re.compile(rb"(?i)\n(content-(?:type|disposition)[ \t]*:[^\n]*(?:\n[ \t][^\n]*)*)")
_SEMICOLON_RUN = re.compile(rb";[\s;]*;")


def _tame_mime_fields(text: bytes, defects: list[str]) -> bytes:
    """Collapse ``;;;;`` and cap the parameters of every MIME field in ``text`` (``\n``-prefixed)."""
    tamed = 0

    def tame(m: re.Match[bytes]) -> bytes:
        nonlocal tamed
        field = m.group(1)
        if len(field) <= MAX_MIME_FIELD_BYTES and field.count(b";") <= MAX_MIME_PARAMS:
            return m.group(0)
        new = _SEMICOLON_RUN.sub(b";", field)
        if new.count(b";") > MAX_MIME_PARAMS:
            new = b";".join(new.split(b";", MAX_MIME_PARAMS + 1)[: MAX_MIME_PARAMS + 1])
        new = new[:MAX_MIME_FIELD_BYTES].rstrip(b"\r\n")
        if new.endswith(b"\r"):
            new = new[:-1]
        if new != field.rstrip(b"\r"):
            tamed += 1
        return b"\n" + new + (b"\r" if field.endswith(b"\r") else b"")

    out = _MIME_FIELD.sub(tame, text)
    if tamed:
        defects.append(f"mime: {tamed} Content-Type/Disposition fields with runaway parameters shortened")
    return out


def _declared_boundaries(text: bytes) -> set[bytes]:
    found: set[bytes] = set()
    for ct in _CONTENT_TYPE.finditer(text):
        for quoted, bare in _BOUNDARY_PARAM.findall(ct.group(0)):
            found.add(quoted or bare)
    return found


def _cut_long_lines(text: bytes, defects: list[str]) -> bytes:
    if len(text) <= MAX_LINE_BYTES:
        return text
    cut, n = _LONG_LINE.subn(rb"\n\1", text)
    if n:
        defects.append(f"message: {n} lines longer than {MAX_LINE_BYTES} bytes cut short")
    return cut


def _elide_base64(text: bytes, defects: list[str]) -> bytes:
    if len(text) <= MAX_BASE64_RUN:
        return text
    pieces: list[bytes] = []
    pos = 0
    for m in _BASE64_RUN.finditer(text):
        if m.end() - m.start(1) <= MAX_BASE64_RUN:
            continue
        keep_to = text.rfind(b"\n", m.start(1), m.start(1) + MAX_BASE64_RUN) + 1
        pieces.append(text[pos:keep_to])
        pos = m.end()
    if not pieces:
        return text
    defects.append(f"mime: encoded body longer than {MAX_BASE64_RUN} bytes cut short")
    pieces.append(text[pos:])
    return b"".join(pieces)


def _bound_body(body: bytes, boundaries: set[bytes], defects: list[str]) -> bytes:
    """Cut the body before the stdlib parser would recurse or loop too far.

    Counting happens on the raw bytes, so it is linear and cannot itself be attacked.
    """
    text = _tame_mime_fields(_elide_base64(_cut_long_lines(b"\n" + body, defects), defects), defects)
    cut = len(text)
    for i, m in enumerate(_CONTAINER.finditer(text)):
        if i + 1 >= MAX_CONTAINERS:
            cut = m.start() + 1
            defects.append(f"mime: more than {MAX_CONTAINERS} nested or attached containers, the rest ignored")
            break
    seen = 0
    for m in _DASH_LINE.finditer(text, 0, cut):
        token = m.group(1).rstrip()
        if token.endswith(b"--"):
            token = token[:-2]
        if token in boundaries:
            seen += 1
            if seen > MAX_BOUNDARY_LINES:
                cut = m.start() + 1
                defects.append(f"mime: more than {MAX_BOUNDARY_LINES} parts, the rest ignored")
                break
    return text[1:cut]


def _bound_raw(raw: bytes, defects: list[str]) -> bytes:
    if len(raw) > MAX_MESSAGE_BYTES:
        defects.append(f"message larger than {MAX_MESSAGE_BYTES} bytes, truncated")
        raw = raw[:MAX_MESSAGE_BYTES]
    m = _HEADER_END.search(raw)
    head, sep, body = (raw[: m.start() + 1], raw[m.start() + 1 : m.end()], raw[m.end() :]) if m else (raw, b"", b"")
    new_head = _bound_header_block(head, defects)
    tamed_head = _tame_mime_fields(b"\n" + new_head, defects)[1:]
    new_head = new_head if tamed_head == new_head else tamed_head
    if not body:
        return raw if new_head is head else new_head + sep
    boundaries = _declared_boundaries(b"\n" + head) | _declared_boundaries(b"\n" + body)
    new_body = _bound_body(body, boundaries, defects)
    if new_head is head and new_body == body:
        return raw
    return new_head + sep + new_body


#: header names the stdlib's registry parses into structured objects; every other field is
#: "unstructured", and its decoded text is the field itself unless it holds an encoded word
_STRUCTURED_FIELDS = frozenset(
    """subject date resent-date orig-date sender resent-sender to resent-to cc resent-cc bcc resent-bcc from
    resent-from reply-to mime-version content-type content-disposition content-transfer-encoding
    message-id""".split()
)
_LINESEP = patterns.compile(r"\r|\n")
_DATE_FIELDS = frozenset({"date", "resent-date", "orig-date"})
_ADDRESS_FIELDS = frozenset(
    "sender resent-sender to resent-to cc resent-cc bcc resent-bcc from resent-from reply-to".split()
)
_ATEXT = r"[A-Za-z0-9!#$%&'*+\-/=^_`{|}~]"
_DOT_ATOM = rf"{_ATEXT}+(?:\.{_ATEXT}+)*"
#: "Name <local@domain>", '"Name, Quoted" <local@domain>' or "local@domain", in plain ASCII
#: and with nothing the address parser would rewrite: no comments, escapes, encoded words
#: or runs of spaces, so its display name and addr-spec are exactly the matched text. A
#: name may not start with "." (the stdlib parser crashes on that, and must go on doing so)
_PLAIN_MAILBOX = patterns.compile(
    rf"""(?:(?P<name>{_ATEXT}[A-Za-z0-9!#$%&'*+\-/=^_`{{|}}~.]*(?:\ [A-Za-z0-9!#$%&'*+\-/=^_`{{|}}~.]+)*)\ |
            "(?P<quoted>[!#-\[\]-~](?:[ !#-\[\]-~]*[!#-\[\]-~])?)"\ )?
        <(?P<local>{_DOT_ATOM})@(?P<domain>{_DOT_ATOM})>
      | (?P<bare_local>{_DOT_ATOM})@(?P<bare_domain>{_DOT_ATOM})""",
    re.VERBOSE,
)
_LIST_SEP = patterns.compile(r" *, *")


def _bounded_address_field(key: str, value: str, defects: list[str]) -> str:
    """An address field short enough for the standard library's quadratic parser."""
    if len(value) <= MAX_ADDRESS_FIELD_CHARS or _plain_addresses(_LINESEP.sub("", value)) is not None:
        return value  # short, or read by the linear fast path
    defects.append(f"header {key}: longer than {MAX_ADDRESS_FIELD_CHARS} characters, cut")
    cut = value[:MAX_ADDRESS_FIELD_CHARS]
    comma = cut.rfind(",")
    return cut[:comma] if comma > 0 else cut


#: MIME fields the structured parsers read the way these patterns do: RFC 2045 tokens, and
#: parameters without RFC 2231 "*" sections whose values are a token or a quoted string
#: without escapes
_MIME_WORD = r"[A-Za-z0-9!#$%&'*+\-.^_`{|}~]+"
_MIME_PARAM = patterns.compile(
    r"""[ \t]*([A-Za-z0-9!#$&+\-.^_`{|}~]+)=(?:([A-Za-z0-9!#$%&+\-.^_`{|}~]+)|"([ !#-\[\]-~]*)")(;|$)"""
)
_MIME_HEAD = {
    "content-type": patterns.compile(_MIME_WORD + "/" + _MIME_WORD + "(;|$)"),
    "content-disposition": patterns.compile(_MIME_WORD + "(;|$)"),
}
_PLAIN_MSGID = patterns.compile(rf"<{_DOT_ATOM}@{_DOT_ATOM}>")


def _plain_mime_field(key: str, value: str) -> str | None:
    """A plain Content-Type/Disposition as the registry decodes it, or None when it must parse it.

    The registry keeps the type and rewrites the parameters: each name once (the first wins),
    its value quoted, an empty value as the bare name.
    """
    head = _MIME_HEAD[key].match(value)
    if head is None:
        return None
    if not head.group(1):
        return value
    params: dict[str, str] = {}
    pos = head.end()
    while True:
        m = _MIME_PARAM.match(value, pos)
        if m is None:
            return None
        name, text = m.group(1), m.group(2) or m.group(3) or ""
        params.setdefault(name, f'{name}="{text}"' if text else name)
        if not m.group(4):
            break
        pos = m.end()
    return value[: head.end()] + " " + "; ".join(params.values())


class _AddressField(str):
    """An address field as the registry decodes it: its text and its ``addresses``."""

    addresses: tuple[email.headerregistry.Address, ...]


def _plain_addresses(value: str) -> _AddressField | None:
    """The decoded form of a plain address list, or None when the registry must parse it."""
    if "=?" in value or "  " in value:
        return None
    found: list[email.headerregistry.Address] = []
    value = value.strip(" ")
    pos = 0
    while True:
        m = _PLAIN_MAILBOX.match(value, pos)
        if m is None:
            return None
        if m["bare_local"]:
            found.append(email.headerregistry.Address("", m["bare_local"], m["bare_domain"]))
        else:
            name = m["name"] or m["quoted"] or ""
            found.append(email.headerregistry.Address(name, m["local"], m["domain"]))
        if m.end() == len(value):
            break
        sep = _LIST_SEP.match(value, m.end())
        if sep is None or sep.end() == len(value):
            return None
        pos = sep.end()
    field = _AddressField(", ".join(str(a) for a in found))
    field.addresses = tuple(found)
    return field


#: structured fields decoded, by (lower-cased name, unfolded value): a MIME part's
#: Content-Type is read a dozen times while parsing, and "text/plain; charset=utf-8" is in
#: every other message
_FIELD_CACHE: dict[tuple[str, str], object] = {}
_FIELD_CACHE_SIZE = 4096
_FIELD_CACHE_VALUE_CHARS = 1024


class _Policy(email.policy.EmailPolicy):
    """``email.policy.default``, with the header registry's work skipped where its result is known.

    The registry parses every field it is asked for (Received, DKIM-Signature, ARC…) into
    token trees, and rebuilds the class and the tree on every access; that was most of the
    parse time. Message methods only ever read ``str()`` of a field, so an unstructured
    field without an encoded word is returned as the plain string the registry would have
    produced (unfolded, surrogate-escaped bytes replaced), and structured fields are
    decoded once per distinct value.
    """

    def header_fetch_parse(self, name: str, value: str) -> Any:
        if hasattr(value, "name"):
            return value
        if "\r" in value or "\n" in value:
            value = _LINESEP.sub("", value)
        key = name.lower()
        if key not in _STRUCTURED_FIELDS and "=?" not in value:
            try:
                value.encode()
            except UnicodeEncodeError:
                try:
                    value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                except UnicodeError:
                    return self.header_factory(name, value)
            return value
        if len(value) > _FIELD_CACHE_VALUE_CHARS:
            return self._decode(key, name, value)
        cached = _FIELD_CACHE.get((key, value))
        if cached is None:
            cached = self._decode(key, name, value)
            if len(_FIELD_CACHE) >= _FIELD_CACHE_SIZE:
                _FIELD_CACHE.clear()
            _FIELD_CACHE[(key, value)] = cached
        return cached

    def _decode(self, key: str, name: str, value: str) -> object:
        """A structured field (or one with an encoded word) decoded, by a fast path where one fits."""
        if key in _ADDRESS_FIELDS:
            found = _plain_addresses(value)
            if found is not None:
                return found
        elif key in _MIME_HEAD and "=?" not in value:
            plain = _plain_mime_field(key, value)
            if plain is not None:
                return plain
        elif key == "message-id" and _PLAIN_MSGID.fullmatch(value):
            return value
        elif key in _DATE_FIELDS and value:
            # an unreadable date falls through: the registry decides what it becomes
            with contextlib.suppress(Exception):
                return email.utils.format_datetime(email.utils.parsedate_to_datetime(value))
        return self.header_factory(name, value)


_POLICY = _Policy()


def _decoded_header(name: str, value: str, defects: list[str]) -> object:
    try:
        return _POLICY.header_fetch_parse(name, value)
    except Exception as exc:  # the structured header parser has known crashes on hostile input
        defects.append(f"header {name.lower()}: {type(exc).__name__}")
        return None


def _header_text(name: str, parsed: object, raw_value: str, defects: list[str]) -> str:
    text: str | None = None
    if parsed is not None:
        try:
            text = str(parsed)
        except Exception as exc:
            defects.append(f"header {name}: {type(exc).__name__}")
    if text is None:
        text = _decode_words_leniently(raw_value)
    # an encoded-word can smuggle CR/LF or NUL into a decoded value; folding cannot
    if _SMUGGLED.search(_FOLD.sub(" ", text)):
        defects.append(f"header {name}: control characters removed")
    return _one_line(text)[:MAX_HEADER_CHARS]


def _decode_words_leniently(value: object) -> str:
    try:
        parts = email.header.decode_header(str(value))
    except Exception:
        return str(value)
    chunks = []
    for chunk, cs in parts:
        chunks.append(decode_bytes(chunk, cs) if isinstance(chunk, bytes) else chunk)
    return "".join(chunks)


_CONTROL = patterns.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SMUGGLED = patterns.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_FOLD = patterns.compile(r"\r?\n(?=[ \t])")
#: control characters dropped from body text (tab, newline and carriage return stay)
_BODY_CONTROL = patterns.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _one_line(text: str) -> str:
    """Unfold and strip control characters: a decoded header is one line of text."""
    return _CONTROL.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def _address(name: str, addr: str) -> Address | None:
    addr = addr.strip().lower()
    name = _one_line(name)
    if addr and ("@" not in addr or _CONTROL.search(addr) or " " in addr):
        # getaddresses yields junk halves for unparseable input
        addr = ""
    if not addr and not name:
        return None
    return Address(name=name, addr=addr)


_ANGLE_ADDR = patterns.compile(r"<\s*([^<>\s@]+@[^<>\s@]+)\s*>")


def _addresses(parsed: list[object], raw_values: list[str]) -> tuple[Address, ...]:
    """Addresses from the structured header objects, or leniently from the raw text."""
    out: list[Address] = []
    for obj, raw in zip(parsed, raw_values, strict=True):
        structured = _structured_addresses(obj)
        out.extend(structured if structured is not None else _addresses_leniently(raw))
    return tuple(out)


def _structured_addresses(obj: object) -> list[Address] | None:
    found = getattr(obj, "addresses", None) if obj is not None else None
    if found is None:
        return None
    out: list[Address] = []
    try:
        for a in found:
            one = _address(str(a.display_name), str(a.addr_spec) if a.domain else "")
            if one:
                out.append(one)
    except Exception:  # the header parser accepted it but its objects are inconsistent
        return None
    return out


def _addresses_leniently(raw: str) -> list[Address]:
    raw = _one_line(raw)
    matches = list(_ANGLE_ADDR.finditer(raw))
    if len(matches) == 1 and raw.count("<") == 1:
        m = matches[0]
        # one angle address: whatever came before it is the (possibly broken) name
        name = _decode_words_leniently(raw[: m.start()]).strip().strip('"')
        one = _address(name, m.group(1))
        return [one] if one else []
    try:
        pairs = email.utils.getaddresses([_decode_words_leniently(raw)])
    except Exception:
        return []
    return [a for a in (_address(n, ad) for n, ad in pairs) if a]


_MSGID = patterns.compile(r"<[^<>\s]+>")


def _msgids(values: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(_MSGID.findall(v))
    return tuple(out)


def _date(values: list[str], defects: list[str]) -> datetime | None:
    if not values:
        return None
    try:
        d = email.utils.parsedate_to_datetime(values[0])
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append("header date: unparseable")
        return None
    if d.tzinfo is None:
        d = d.replace(tzinfo=UTC)
    return d


_GUESS_BOUNDARY = patterns.compile(r"(?m)^--([^\s]{1,70}?)(?:--)?[ \t]*\r?$")


def _repair_multipart(part: Message, defects: list[str]) -> Message | None:
    """A multipart whose boundary is missing or wrong: guess it from the first ``--`` line."""
    try:
        body = part.get_payload()
    except Exception:
        return None
    if not isinstance(body, str):
        return None
    m = _GUESS_BOUNDARY.search(body)
    if m is None:
        return None
    defects.append("mime: multipart boundary missing, guessed from the body")
    head = f'Content-Type: {part.get_content_type()}; boundary="{m.group(1)}"\r\n\r\n'
    data = head.encode("utf-8", "surrogateescape") + body.encode("utf-8", "surrogateescape")
    data = _bound_body(data, {m.group(1).encode("utf-8", "surrogateescape")}, defects)
    repaired = email.message_from_bytes(data, policy=_POLICY)
    return repaired if repaired.is_multipart() else None


def _leaf_parts(msg: Message, defects: list[str]) -> Iterator[tuple[Message, bool]]:
    """Yield (leaf part, inside an attached message) up to MAX_PARTS, without recursion."""
    stack: list[tuple[Message, bool, int]] = [(msg, False, 0)]
    count = 0
    while stack:
        part, nested, depth = stack.pop()
        if depth > MAX_CONTAINERS:
            defects.append("mime: nesting too deep")
            continue
        try:
            is_multi = part.is_multipart()
            payload = part.get_payload() if is_multi else None
            if not is_multi and part.get_content_maintype() == "multipart":
                repaired = _repair_multipart(part, defects)
                if repaired is not None:
                    stack.append((repaired, nested, depth + 1))
                    continue
        except Exception as exc:
            defects.append(f"mime: {type(exc).__name__}")
            continue
        if is_multi and isinstance(payload, list):
            child_nested = nested or part.get_content_type() == "message/rfc822"
            for child in reversed(payload):
                if isinstance(child, Message):
                    stack.append((child, child_nested, depth + 1))
            continue
        count += 1
        if count > MAX_PARTS:
            defects.append(f"mime: more than {MAX_PARTS} parts, the rest ignored")
            return
        yield part, nested


def _part_bytes(part: Message, limit: int) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:
        data = None
    if not isinstance(data, bytes):
        raw = part.get_payload()
        data = raw.encode("utf-8", "replace") if isinstance(raw, str) else b""
    return data[:limit]


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:
        return None
    return _one_line(name) if name else None


_QUOTE_START = patterns.compile(
    r"""^(?:
        on\s.{0,200}\bwrote:\s*$                       # Gmail/Apple attribution
      | am\s.{0,200}\bschrieb\s.{0,80}:\s*$            # German attribution
      | le\s.{0,200}\ba\s+écrit\s*:\s*$                # French attribution
      | el\s.{0,200}\bescribió\s*:\s*$                 # Spanish attribution
      | il\s.{0,200}\bha\s+scritto\s*:\s*$            # Italian attribution
      | op\s.{0,200}\bschreef\s.{0,80}:\s*$            # Dutch attribution
      | w\s+dniu\s.{0,200}\b(?:napisał(?:\(a\)|a)?|pisze)\s*:\s*$   # Polish attribution
      | .{0,80}?\bkl\.?\s?\d{1,2}[:.]\d{2}\s+skrev\s.{0,120}:\s*$      # Swedish/Norwegian/Danish attribution
      | -{2,}\s*original\s+message\s*-{2,}
      | -{2,}\s*mensa(?:je|gem)\s+original\s*-{2,}          # Spanish/Portuguese Outlook
      | -{2,}\s*(?:oorspronkelijk\s+bericht|ursprüngliche\s+nachricht|message\s+d['’]origine)\s*-{2,}
      | -{2,}\s*messaggio\s+originale\s*-{2,}          # Italian Outlook
      | _{10,}\s*$                                     # Outlook separator
      | from:\s.+$                                     # Outlook header block (checked below)
      | (?:de|von|van|od|från|fra|da)\s?:\s.+$         # Outlook header in other languages (checked below)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_SIG_DELIM = patterns.compile(r"^(?:-- ?|--)$")


_ATTRIBUTION_HEAD = patterns.compile(r"^(?:on|am|le|el|il|op|w\s+dniu)\s", re.IGNORECASE)
#: the second line of an Outlook header block: "Sent:", "Date:", "To:", "Subject:" and their
#: French and German names
_HEADER_BLOCK_FIELD = patterns.compile(
    r"^(?:sent|date|to|subject|envoyé|à|objet|gesendet|an|betreff|datum"
    r"|enviad[oa](?:\s+el|\s+em)?|fecha|data|para|asunto|assunto|verzonden|aan|onderwerp|wysłano|do|temat"
    r"|skickat|till|ämne|sendt|til|emne|inviato|oggetto|a)\s?:",
    re.IGNORECASE | re.MULTILINE,
)
#: a phone or webmail client's own line ("Sent from my iPhone", "Get Outlook for iOS"): the
#: message's new text ends there
_CLIENT_SIGN_OFF = patterns.compile(
    r"^(?:sent from (?:my |the )?[\w .-]{1,40}|get outlook for (?:ios|android)\b.{0,60}|"
    r"von meinem [\w .-]{1,30} gesendet|envoyé de mon [\w .-]{1,30}|enviado desde mi [\w .-]{1,30}|"
    r"skickat från min [\w .-]{1,30}|sendt fra min [\w .-]{1,30})$",
    re.IGNORECASE,
)


def _quote_starts(lines: list[str], i: int) -> int:
    """How many lines the quote header at ``lines[i]`` spans (0: none starts here)."""
    stripped = lines[i].strip()
    if _QUOTE_START.match(stripped):
        if not _ATTRIBUTION_HEAD.match(stripped) and not stripped.startswith("-") and not stripped.startswith("_"):
            window = "\n".join(ln.strip() for ln in lines[i + 1 : i + 6])
            if not _HEADER_BLOCK_FIELD.search(window):
                return 0
        return 1
    if _ATTRIBUTION_HEAD.match(stripped) and len(stripped) < 200:
        # clients wrap a long attribution: "On Mon, … Sam Okafor <" / "sam@…> wrote:"
        joined = stripped
        for extra in (1, 2):
            if i + extra >= len(lines):
                break
            joined += " " + lines[i + extra].strip()
            if _QUOTE_START.match(joined) and _ATTRIBUTION_HEAD.match(joined):
                return extra + 1
    return 0


def split_text(text: str) -> tuple[str, str, str]:
    """Split a body into (new text, signature, quoted earlier messages).

    A forwarded message's header block (From:/Date:/Subject:) starts the quoted part, like
    an Outlook reply's; ``Mail.full_text`` still holds it. Answers written between quoted
    lines stay in the new text.
    """
    lines = text.splitlines()
    n = len(lines)
    # suffix counts keep the "mostly quoted from here on?" test linear
    nonempty_after = [0] * (n + 1)
    quoted_after = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        s = lines[k].strip()
        nonempty_after[k] = nonempty_after[k + 1] + (1 if s else 0)
        quoted_after[k] = quoted_after[k + 1] + (1 if s.startswith(">") else 0)
    quote_at = n
    by_marks = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(">"):
            if quoted_after[i] >= max(1, nonempty_after[i] // 2):
                quote_at = i
                by_marks = True
                # pull a preceding attribution (one line, or wrapped over two) into the quote
                j = i - 1
                while j >= 0 and not lines[j].strip():
                    j -= 1
                if j >= 0 and lines[j].rstrip().endswith(":"):
                    quote_at = j
                    if j >= 1 and _quote_starts(lines, j - 1) == 2:
                        quote_at = j - 1
                break
            continue
        if _quote_starts(lines, i):
            quote_at = i
            break
    body_lines, quoted_lines = lines[:quote_at], lines[quote_at:]
    marks = [k for k in range(quote_at, n) if lines[k].strip().startswith(">")] if quote_at < n else []
    if marks and marks[0] - quote_at <= 3:
        # a bottom-posted reply: an attribution and the ">" quote first, the answer below it
        last = marks[-1]
        inside = all(not lines[k].strip() or lines[k].strip().startswith(">") for k in range(marks[0], last + 1))
        after = [k for k in range(last + 1, n) if lines[k].strip()]
        if inside and after and not any(_quote_starts(lines, k) for k in after):
            body_lines = lines[:quote_at] + lines[last + 1 :]
            quoted_lines = lines[quote_at : last + 1]
            by_marks = False
    if by_marks:
        last_mark = max(k for k in range(quote_at, n) if lines[k].strip().startswith(">"))
        first_mark = next(k for k in range(quote_at, n) if lines[k].strip().startswith(">"))
        interleaved = [
            k for k in range(first_mark, last_mark) if lines[k].strip() and not lines[k].strip().startswith(">")
        ]
        if interleaved:
            # an inline reply: the answers are new text, only the > lines are quoted
            answers = [ln for ln in lines[first_mark:] if not ln.strip().startswith(">")]
            body_lines = lines[:quote_at] + answers
            quoted_lines = lines[quote_at:first_mark] + [ln for ln in lines[first_mark:] if ln.strip().startswith(">")]
    sig_at = len(body_lines)
    client_at = next(
        (i for i in range(len(body_lines) - 1, max(-1, len(body_lines) - 4), -1)
         if _CLIENT_SIGN_OFF.match(body_lines[i].strip())),
        None,
    )
    if client_at is not None:
        # "Sent from my iPhone" ends what was written; nothing after it is new text
        body_lines = body_lines[:client_at] + body_lines[client_at + 1 :]
    for i in range(len(body_lines) - 1, -1, -1):
        if _SIG_DELIM.match(body_lines[i].rstrip()):
            # a delimiter far from the end is more likely a separator in prose
            if len(body_lines) - i <= 15:
                sig_at = i
            break
    body = "\n".join(body_lines[:sig_at]).strip()
    signature = "\n".join(body_lines[sig_at + 1 :]).strip() if sig_at < len(body_lines) else ""
    quoted = "\n".join(quoted_lines).strip()
    return body, signature, quoted


#: a forwarded message starts here, whatever the subject says (Gmail, Thunderbird, Apple)
_FORWARD_MARK = patterns.compile(
    r"^(?:-{3,}\s*(?:forwarded\s+message|weitergeleitete\s+nachricht|message\s+transf[ée]r[ée]|messaggio\s+inoltrato)\s*-{3,}"
    r"|(?:begin\s+forwarded\s+message|inizio\s+messaggio\s+inoltrato)\s*:)\s*$",
    re.IGNORECASE,
)
#: "Fw: Interview", "Fwd: Re: …", "WG:", "TR:", "RV:", "VS:": Outlook forwards with the same
#: "-----Original Message-----" block it replies with, and only the subject tells them apart
FORWARD_SUBJECT = patterns.compile(r"^\s*(?:\[[^\]]{0,40}\]\s*)?(?:fwd?|wg|tr|rv|vs|enc|i)\s*:", re.IGNORECASE)
_FORWARD_HEADER = patterns.compile(
    r"^\s*(?:from|date|sent|subject|to|cc|bcc|reply-to|von|datum|betreff|an|de|objet|à|van|verzonden|aan|onderwerp"
    r"|från|skickat|till|ämne|fra|sendt|til|emne|da|inviato|a|oggetto|data)"
    r"\s*:",
    re.I,
)
_FORWARD_WORD = patterns.compile(r"(?i)forward|weitergeleitet|transf[ée]r[ée]|inoltrat")
#: lines of a forwarded meeting's header block that are its content: Outlook puts a
#: forwarded invitation's time and place there ("When: Thursday, January 22 3:30 PM-4:30 PM")
_FORWARD_MEETING = patterns.compile(r"^\s*(?:when|where|wann|ort|quand|lieu|cuándo|cuando|dónde|donde)\s*:", re.I)
_FORWARD_FROM = patterns.compile(r"^\s*(?:from|von|de|van|da)\s*:(.*)$", re.I)
FORWARD_SUBJECT_LINE = patterns.compile(
    r"^\s*(?:subject|betreff|objet|asunto|assunto|onderwerp|oggetto)\s*:(.*)$", re.I
)
_ADDRESS_IN = patterns.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: lines of a header value wrapped onto the next lines, at most
_MAX_WRAPPED_HEADER_LINES = 3


class Forward(NamedTuple):
    """A message forwarded inline: its body (with the meeting lines of its header block),
    and who wrote it and its subject, as its header block says ("" when it does not)."""

    text: str = ""
    sender: str = ""
    subject: str = ""


def forwarded_text(text: str, subject: str) -> str:
    """The body of a message forwarded inline in ``text``, or "" when none is."""
    return forward_in(text, subject).text


def forward_in(text: str, subject: str) -> Forward:
    """The message forwarded inline in ``text`` (an empty :class:`Forward` when none is).

    The forwarded message starts at a forward marker ("---------- Forwarded message
    ---------", "Begin forwarded message:"), or, when the subject says "Fw:", at Outlook's
    "-----Original Message-----" block. Its header block (From:/Date:/Subject:/To:) is
    skipped, and it ends where a quote or attribution inside it starts. A reply's quote is
    not a forward: a quote or attribution met before any marker means there is none.
    """
    forward_subject = FORWARD_SUBJECT.match(subject) is not None
    if not forward_subject and not _FORWARD_WORD.search(text):
        return Forward()  # only a marker can start a forward, and there is none
    lines = text.splitlines()
    n = len(lines)
    start = -1
    for i, line in enumerate(lines):
        stripped = line.strip()
        if _FORWARD_MARK.match(stripped):
            start = i + 1
            break
        if stripped.startswith(">"):
            return Forward()
        span = _quote_starts(lines, i)
        if span:
            if not forward_subject or _ATTRIBUTION_HEAD.match(stripped):
                return Forward()  # a reply's quote, or an attribution: "On …, Ana wrote:"
            start = i if re.match(r"(?i)(?:from|de|von|van)\s?:", stripped) else i + 1
            break
    if start < 0:
        return Forward()
    j = start
    while j < n and not lines[j].strip():
        j += 1
    if j < n and lines[j].lstrip().startswith(">"):
        # Apple Mail and some phones quote what they forward ("Begin forwarded message:" then
        # "> From: …"): the forwarded message is the quoted block, one level down
        block: list[str] = []
        for line in lines[j:]:
            bare = line.lstrip()
            if bare.startswith(">"):
                block.append(bare[2:] if bare.startswith("> ") else bare[1:])
            elif not bare:
                block.append("")
            else:
                break
        lines = lines[:j] + block
        n = len(lines)
    header_end = j
    seen_header = False
    wrapped = 0
    meeting: list[str] = []
    sender = fwd_subject = ""
    while j < n and lines[j].strip():
        if _FORWARD_HEADER.match(lines[j]) or _FORWARD_MEETING.match(lines[j]):
            if _FORWARD_MEETING.match(lines[j]):
                meeting.append(lines[j].strip())
            elif (m := _FORWARD_FROM.match(lines[j])) and not sender:
                found = _ADDRESS_IN.search(m.group(1))
                sender = found.group(0).lower() if found else ""
            elif (m := FORWARD_SUBJECT_LINE.match(lines[j])) and not fwd_subject:
                fwd_subject = m.group(1).strip()
            header_end = j + 1
            seen_header = True
            wrapped = 0
        elif not seen_header or wrapped >= _MAX_WRAPPED_HEADER_LINES:
            break
        else:
            wrapped += 1  # a long To: or Subject: wrapped onto the next line
        j += 1
    if seen_header and (j >= n or not lines[j].strip()):
        header_end = j  # the block ran to a blank line: wrapped lines included
    body: list[str] = []
    for k in range(header_end, n):
        stripped = lines[k].strip()
        if stripped.startswith(">") or _FORWARD_MARK.match(stripped) or _quote_starts(lines, k):
            break
        body.append(lines[k])
    return Forward("\n".join([*meeting, *body]).strip()[:MAX_TEXT_CHARS], sender, fwd_subject[:500])


_WORD = patterns.compile(r"\w+")
_STUB_HINT = patterns.compile(
    r"html|browser|web\s+version|view\s+(?:this|it)\s+online|e-?mail\s+(?:client|program)", re.IGNORECASE
)


def _is_stub(plain: str, html: str) -> bool:
    """A plain part that only says "view this in HTML" is no text at all."""
    plain_words = len(_WORD.findall(plain))
    html_words = len(_WORD.findall(html))
    if plain_words < 12:
        return html_words > plain_words
    hint = _STUB_HINT.search(plain) is not None
    # "your mail client does not support HTML … view it in a browser" with a footer is still
    # a stub, though the HTML it stands for may be short (a form with a few fields); reading
    # the HTML of a short letter that merely mentions HTML loses nothing: it is the same letter
    if hint and plain_words < 40:
        return html_words >= 12
    return hint and html_words >= 5 * plain_words


def parse(raw: bytes) -> Mail:
    """Parse message bytes. Never raises; problems are listed in ``Mail.defects``."""
    defects: list[str] = []
    try:
        return _parse(raw, defects)
    except Exception as exc:  # a last line of defence: a Mail with what is known
        defects.append(f"message: {type(exc).__name__}")
        return _empty(len(raw), defects)


def _empty(size: int, defects: list[str]) -> Mail:
    return Mail(
        message_id=None,
        in_reply_to=None,
        references=(),
        subject="",
        from_=None,
        reply_to=(),
        to=(),
        cc=(),
        sender=None,
        date=None,
        headers=MappingProxyType({}),
        text="",
        signature="",
        quoted="",
        text_from_html=False,
        calendars=(),
        attachments=(),
        defects=tuple(dict.fromkeys(defects)),
        size=size,
    )


def _parse_structure(raw: bytes, defects: list[str]) -> tuple[Message, str | None]:
    """The parsed message, and the body as text when its MIME structure could not be parsed."""
    policy = _POLICY
    try:
        return email.message_from_bytes(raw, policy=policy), None
    except Exception as exc:  # RecursionError and friends on structures the bounds missed
        defects.append(f"message: {type(exc).__name__}, body read as plain text")
    m = _HEADER_END.search(raw)
    head, body = (raw[: m.start() + 1], raw[m.end() :]) if m else (raw, b"")
    try:
        msg = email.parser.BytesHeaderParser(policy=policy).parsebytes(head + b"\r\n")
    except Exception as exc:
        defects.append(f"headers: {type(exc).__name__}")
        msg = EmailMessage()
    return msg, decode_bytes(body[:MAX_FALLBACK_BYTES], None)


def _parse(raw: bytes, defects: list[str]) -> Mail:
    size = len(raw)
    raw = _bound_raw(raw, defects)
    msg, fallback_text = _parse_structure(raw, defects)
    for d in getattr(msg, "defects", []):
        defects.append(f"message: {type(d).__name__}")

    raw_headers: dict[str, list[str]] = {}
    try:
        items = list(msg.raw_items())
    except Exception as exc:
        defects.append(f"headers: {type(exc).__name__}")
        items = []
    for name, value in items:
        key = name.lower()
        if key in _ADDRESS_FIELDS:
            if len(raw_headers.get(key, ())) >= MAX_ADDRESS_FIELDS:
                defects.append(f"header {key}: more than {MAX_ADDRESS_FIELDS} fields, only {MAX_ADDRESS_FIELDS} kept")
                continue
            value = _bounded_address_field(key, value, defects)
        raw_headers.setdefault(key, []).append(value)
    parsed: dict[str, list[object]] = {}
    headers: dict[str, tuple[str, ...]] = {}
    for name in sorted(raw_headers):
        objs = [_decoded_header(name, v, defects) for v in raw_headers[name]]
        parsed[name] = objs
        headers[name] = tuple(
            _header_text(name, obj, v, defects) for obj, v in zip(objs, raw_headers[name], strict=True)
        )

    def h(name: str) -> list[str]:
        return list(headers.get(name, ()))

    def addrs(name: str) -> tuple[Address, ...]:
        return _addresses(parsed.get(name, []), raw_headers.get(name, []))

    date = _date(h("date"), defects)
    from_ = addrs("from")
    sender = addrs("sender")

    plain_chunks: list[str] = []
    html_chunks: list[str] = []
    nested_chunks: list[str] = []
    calendars: list[CalendarEvent] = []
    attachments: list[str] = []
    if fallback_text is not None:
        plain_chunks.append(fallback_text[:MAX_TEXT_CHARS])
    else:
        _read_parts(msg, date, defects, plain_chunks, html_chunks, nested_chunks, calendars, attachments)

    plain = "\n\n".join(c.strip() for c in plain_chunks if c.strip())
    html = "\n\n".join(c.strip() for c in html_chunks if c.strip())
    from_html = bool(html) and (not plain or _is_stub(plain, html))
    chosen = html if from_html else plain
    chosen = chosen.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    if _BODY_CONTROL.search(chosen):
        defects.append("text: control characters removed")
        chosen = _BODY_CONTROL.sub("", chosen)
    body, signature, quoted = split_text(chosen)
    subject = (h("subject") or [""])[0]
    forward = forward_in(chosen, subject)
    forwarded = forward.text
    if nested_chunks:
        nested_text = [_BODY_CONTROL.sub("", c) for c in nested_chunks]
        quoted = "\n\n".join([quoted, *nested_text]).strip()
        if not forwarded and FORWARD_SUBJECT.match(subject):
            # forwarded as an attachment: the attached message's own new text
            forwarded = split_text(nested_text[0].replace("\r\n", "\n").replace("\r", "\n"))[0]
    if max(len(body), len(signature), len(quoted), len(forwarded)) > MAX_SCAN_CHARS:
        defects.append(f"text: only the first {MAX_SCAN_CHARS} characters of each part read")
        body, signature = body[:MAX_SCAN_CHARS], signature[:MAX_SCAN_CHARS]
        quoted, forwarded = quoted[:MAX_SCAN_CHARS], forwarded[:MAX_SCAN_CHARS]

    return Mail(
        message_id=(_msgids(h("message-id")) or (None,))[0],
        in_reply_to=(_msgids(h("in-reply-to")) or (None,))[0],
        references=_msgids(h("references")),
        subject=subject,
        from_=from_[0] if from_ else None,
        reply_to=addrs("reply-to"),
        to=addrs("to"),
        cc=addrs("cc"),
        sender=sender[0] if sender else None,
        date=date,
        headers=MappingProxyType(headers),
        text=body,
        signature=signature,
        quoted=quoted,
        text_from_html=from_html,
        calendars=tuple(calendars),
        attachments=tuple(attachments),
        defects=tuple(dict.fromkeys(defects)),
        size=size,
        forwarded=forwarded,
        forwarded_from=forward.sender,
        forwarded_subject=forward.subject,
    )


def _read_parts(
    msg: Message,
    date: datetime | None,
    defects: list[str],
    plain_chunks: list[str],
    html_chunks: list[str],
    nested_chunks: list[str],
    calendars: list[CalendarEvent],
    attachments: list[str],
) -> None:
    """Sort the leaf parts into text, HTML, quoted (attached message) text and calendars."""
    total_chars = 0
    default_tz = date.tzinfo if date is not None and date.tzinfo is not None else UTC
    for part, nested in _leaf_parts(msg, defects):
        try:
            ctype = part.get_content_type()
            fname = _filename(part)
            disposition = (part.get_content_disposition() or "").lower()
            charset = part.get_content_charset()
        except Exception as exc:
            defects.append(f"mime part: {type(exc).__name__}")
            continue
        is_ics = ctype in ("text/calendar", "application/ics") or (
            fname is not None and fname.lower().endswith((".ics", ".vcs"))
        )
        if fname:
            attachments.append(fname)
        if is_ics:
            events, cal_defects = parse_calendar(_part_bytes(part, MAX_CALENDAR_BYTES), default_tz)
            calendars.extend(events)
            defects.extend(cal_defects)
            continue
        if ctype not in ("text/plain", "text/html") or disposition == "attachment":
            continue
        if total_chars >= MAX_TEXT_CHARS:
            continue
        limit = MAX_HTML_CHARS if ctype == "text/html" else MAX_TEXT_CHARS
        data = _part_bytes(part, limit * 4)
        if charset and _codec(charset) == "utf-8" and charset.lower().strip('"') not in ("utf-8", "utf8"):
            defects.append(f"charset {charset!r} unknown, read as UTF-8")
        text = decode_bytes(data, charset)[:limit]
        if ctype == "text/html":
            text = html_to_text(text)[:MAX_TEXT_CHARS]
        total_chars += len(text)
        if nested:
            nested_chunks.append(text)
        elif ctype == "text/html":
            html_chunks.append(text)
        else:
            plain_chunks.append(text)
