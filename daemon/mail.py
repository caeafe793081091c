"""Parse raw message bytes into a bounded, decoded :class:`~daemon.model.Mail`.

Mail from the wild is hostile or broken often enough that nothing here may raise:
each header, part and calendar is read as far as it can be, and what went wrong is
recorded in ``Mail.defects``. Sizes are bounded so one huge or deeply nested message
cannot stall the daemon.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import email.utils
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage, Message
from types import MappingProxyType

from daemon.htmltext import html_to_text
from daemon.ics import parse_calendar
from daemon.model import Address, CalendarEvent, Mail

#: bytes of a message that are parsed at all; the rest is dropped with a defect
MAX_MESSAGE_BYTES = 20 * 1024 * 1024
#: leaf parts looked at; real mail has a handful, 10,000 is an attack or a bug
MAX_PARTS = 200
#: characters of text kept per part and in total
MAX_TEXT_CHARS = 200_000
MAX_CALENDAR_BYTES = 1024 * 1024
MAX_HEADER_CHARS = 4000

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
    """Decode with the declared charset, falling back to UTF-8, then Latin-1."""
    codec = _codec(charset)
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(codec, errors="replace")


def _safe_header(msg: Message, name: str, defects: list[str]) -> list[str]:
    """All values of a header as decoded text; never raises."""
    out: list[str] = []
    try:
        raw_values = msg.get_all(name) or []
    except Exception as exc:  # the header parser has known crashes on hostile input
        defects.append(f"header {name}: {type(exc).__name__}")
        raw_values = []
        try:
            raw_values = [v for k, v in msg.raw_items() if k.lower() == name.lower()]
        except Exception:
            return out
    for value in raw_values:
        try:
            text = str(value)
        except Exception as exc:
            defects.append(f"header {name}: {type(exc).__name__}")
            text = _decode_words_leniently(value)
        out.append(_one_line(text)[:MAX_HEADER_CHARS])
    return out


def _decode_words_leniently(value: object) -> str:
    try:
        parts = email.header.decode_header(str(getattr(value, "_value", value)))
    except Exception:
        return str(getattr(value, "_value", ""))
    chunks = []
    for chunk, cs in parts:
        chunks.append(decode_bytes(chunk, cs) if isinstance(chunk, bytes) else chunk)
    return "".join(chunks)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _one_line(text: str) -> str:
    """Unfold and strip control characters: a decoded header is one line of text."""
    return _CONTROL.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def _addresses(values: list[str]) -> tuple[Address, ...]:
    out = []
    try:
        pairs = email.utils.getaddresses(values)
    except Exception:
        return ()
    for name, addr in pairs:
        addr = addr.strip().lower()
        if not addr and not name:
            continue
        if addr and "@" not in addr:
            # getaddresses yields junk halves for unparseable input
            addr = ""
        out.append(Address(name=_one_line(name), addr=addr))
    return tuple(out)


_MSGID = re.compile(r"<[^<>\s]+>")


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


def _leaf_parts(msg: Message, defects: list[str]) -> Iterator[tuple[Message, bool]]:
    """Yield (leaf part, inside an attached message) up to MAX_PARTS, without recursion."""
    stack: list[tuple[Message, bool, int]] = [(msg, False, 0)]
    count = 0
    while stack:
        part, nested, depth = stack.pop()
        if depth > 20:
            defects.append("mime: nesting too deep")
            continue
        try:
            is_multi = part.is_multipart()
            payload = part.get_payload() if is_multi else None
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


_QUOTE_START = re.compile(
    r"""^(?:
        on\s.{0,200}\bwrote:\s*$                       # Gmail/Apple attribution
      | am\s.{0,200}\bschrieb\s.{0,80}:\s*$            # German attribution
      | le\s.{0,200}\ba\s+écrit\s*:\s*$                # French attribution
      | -{2,}\s*original\s+message\s*-{2,}
      | _{10,}\s*$                                     # Outlook separator
      | from:\s.+$                                     # Outlook header block (checked below)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_SIG_DELIM = re.compile(r"^(?:-- ?|--)$")


def split_text(text: str) -> tuple[str, str, str]:
    """Split a body into (new text, signature, quoted earlier messages).

    Forwarded content is kept in the new text: a forwarded invitation is still an
    invitation.
    """
    lines = text.splitlines()
    quote_at = len(lines)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(">"):
            # a block of > lines after an attribution, or on its own
            rest = [ln for ln in lines[i:] if ln.strip()]
            if sum(1 for ln in rest if ln.strip().startswith(">")) >= max(1, len(rest) // 2):
                quote_at = i
                # pull a preceding attribution line into the quote
                j = i - 1
                while j >= 0 and not lines[j].strip():
                    j -= 1
                if j >= 0 and lines[j].rstrip().endswith(":"):
                    quote_at = j
                break
        if _QUOTE_START.match(stripped):
            if stripped.lower().startswith("from:"):
                window = "\n".join(lines[i : i + 6]).lower()
                if not re.search(r"^(sent|date|to|subject):", window, re.MULTILINE):
                    continue
            quote_at = i
            break
    body_lines, quoted_lines = lines[:quote_at], lines[quote_at:]
    sig_at = len(body_lines)
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


def _is_stub(plain: str) -> bool:
    """A plain part that only says "view this in HTML" is no text at all."""
    words = re.findall(r"\w+", plain)
    return len(words) < 12


def parse(raw: bytes) -> Mail:
    """Parse message bytes. Never raises; problems are listed in ``Mail.defects``."""
    defects: list[str] = []
    size = len(raw)
    if size > MAX_MESSAGE_BYTES:
        defects.append(f"message larger than {MAX_MESSAGE_BYTES} bytes, truncated")
        raw = raw[:MAX_MESSAGE_BYTES]
    try:
        msg: Message = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as exc:  # pragma: no cover - the feedparser is lenient, but be sure
        defects.append(f"message: {type(exc).__name__}")
        msg = EmailMessage()
    for d in getattr(msg, "defects", []):
        defects.append(f"message: {type(d).__name__}")

    names = {k.lower() for k in _raw_keys(msg)}
    headers: dict[str, tuple[str, ...]] = {}
    for name in sorted(names):
        headers[name] = tuple(_safe_header(msg, name, defects))

    def h(name: str) -> list[str]:
        return list(headers.get(name, ()))

    from_ = _addresses(h("from"))
    sender = _addresses(h("sender"))

    plain_chunks: list[str] = []
    html_chunks: list[str] = []
    nested_chunks: list[str] = []
    calendars: list[CalendarEvent] = []
    attachments: list[str] = []
    total_chars = 0
    for part, nested in _leaf_parts(msg, defects):
        ctype = part.get_content_type()
        fname = _filename(part)
        disposition = (part.get_content_disposition() or "").lower()
        is_ics = ctype in ("text/calendar", "application/ics") or (
            fname is not None and fname.lower().endswith((".ics", ".vcs"))
        )
        if fname:
            attachments.append(fname)
        if is_ics:
            data = _part_bytes(part, MAX_CALENDAR_BYTES)
            events, cal_defects = parse_calendar(data)
            calendars.extend(events)
            defects.extend(cal_defects)
            continue
        if ctype not in ("text/plain", "text/html") or disposition == "attachment":
            continue
        if total_chars >= MAX_TEXT_CHARS:
            continue
        data = _part_bytes(part, MAX_TEXT_CHARS * 4)
        charset = part.get_content_charset()
        if charset and _codec(charset) == "utf-8" and charset.lower() not in ("utf-8", "utf8"):
            defects.append(f"charset {charset!r} unknown, read as UTF-8")
        text = decode_bytes(data, charset)[:MAX_TEXT_CHARS]
        if ctype == "text/html":
            text = html_to_text(text)
        total_chars += len(text)
        if nested:
            nested_chunks.append(text)
        elif ctype == "text/html":
            html_chunks.append(text)
        else:
            plain_chunks.append(text)

    plain = "\n\n".join(c.strip() for c in plain_chunks if c.strip())
    html = "\n\n".join(c.strip() for c in html_chunks if c.strip())
    from_html = bool(html) and (not plain or _is_stub(plain))
    chosen = html if from_html else plain
    chosen = chosen.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    body, signature, quoted = split_text(chosen)
    if nested_chunks:
        quoted = "\n\n".join([quoted, *nested_chunks]).strip()

    return Mail(
        message_id=(_msgids(h("message-id")) or (None,))[0],
        in_reply_to=(_msgids(h("in-reply-to")) or (None,))[0],
        references=_msgids(h("references")),
        subject=(h("subject") or [""])[0],
        from_=from_[0] if from_ else None,
        reply_to=_addresses(h("reply-to")),
        to=_addresses(h("to")),
        cc=_addresses(h("cc")),
        sender=sender[0] if sender else None,
        date=_date(h("date"), defects),
        headers=MappingProxyType(headers),
        text=body,
        signature=signature,
        quoted=quoted,
        text_from_html=from_html,
        calendars=tuple(calendars),
        attachments=tuple(attachments),
        defects=tuple(dict.fromkeys(defects)),
        size=size,
    )


def _raw_keys(msg: Message) -> list[str]:
    try:
        return list(msg.keys())
    except Exception:
        return []
