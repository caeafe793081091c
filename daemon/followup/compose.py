"""Follow-up drafts: the text from a user-editable template, the headers threaded.

Pure: :func:`draft` gets the template sources as strings and ``now`` as an argument;
:func:`load_templates` is the one function here that reads files, for the edges to
call. The same inputs give byte-identical output from :func:`render_bytes`, which is
what makes "is this draft still ours?" answerable.

Template variables (every one may be empty; an undefined name renders as ""):

``greeting``            "Hi Jane," or "Hello,"
``recipient_name``      the recipient's display name; ``recipient_first_name``
``interviewer``         the first name the draft greets (same as recipient_first_name)
``interviewers``        list of names; ``interviewer_names`` "Jane Doe and Bob Lee"
``other_interviewers``  the interviewers other than the recipient, joined the same way
``company``             "Acme" or ""; ``the_team`` "the team at Acme" or "your team"
``role``                "Backend Engineer" or ""; ``role_phrase`` "the Backend Engineer role" or "the role"
``round``               "first", "final" or ""; ``interview_label`` "final-round interview" or "interview"
``interview_date``      "Tuesday, March 3" ("Tuesday, 3 March" where [policy] country writes
                        the day first), in the user's zone; ``interview_weekday`` "Tuesday"
``interview_when``      "today", "yesterday", "on Tuesday" (this week) or "on Tuesday, March 3"
``days_since``          whole days from the interview to the draft, in the user's zone
``user_name``, ``user_first_name``
``specific``, ``question``, ``extra``   the user's notes (``followupd note``, else the
                        company's in the config), cleaned to read well mid-sentence;
                        ``question`` is a whole sentence ending in "?"
``notes``               the same three as a mapping
``contact``             "Priya Shah <priya@…>", the person the draft goes to; ``contact_name``
``interviewer_first_names``  "Mira and Joel"; ``contact_interviewed`` true when they were on it
``topics``              what the invitation said the interview would cover; ``topic`` the first
``agency``              the recruiting agency that wrote for the company, or ""
``letter``              the built-in letter's sentences: ``letter.thanks``, ``letter.specific``,
                        ``letter.question``, ``letter.offer``, ``letter.closing``
``stage``, ``kind``     "followup-1" and "followup" (or "checkin", "thank_you")
"""

from __future__ import annotations

import base64
import email.policy
import email.utils
import functools
import hashlib
import importlib.resources
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from daemon.errors import UserError
from daemon.followup import letter
from daemon.followup.policy import user_zone
from daemon.model import Address, Mail, PlannedStage, Round
from daemon.settings import CompanySettings, Settings
from daemon.understand.relays import is_hiring_relay, is_noreply

if TYPE_CHECKING:
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

Kind = Literal["followup", "checkin", "thank_you"]
KINDS: tuple[Kind, ...] = ("followup", "checkin", "thank_you")
TEMPLATE_FILES: dict[Kind, str] = {
    "followup": "followup.txt.j2",
    "checkin": "checkin.txt.j2",
    "thank_you": "thank_you.txt.j2",
}

MAX_SUBJECT_CHARS = 250
MAX_NAME_CHARS = 120
MAX_BODY_CHARS = 50_000
MAX_REFERENCES = 20
MAX_MSGID_CHARS = 250


# ---------------------------------------------------------------- templates


@dataclass(frozen=True)
class TemplateSource:
    origin: str  # where it came from, named in errors: "templates.followup", a path, "built-in …"
    text: str


@dataclass(frozen=True)
class TemplateSources:
    followup: TemplateSource
    checkin: TemplateSource
    thank_you: TemplateSource

    def for_kind(self, kind: Kind) -> TemplateSource:
        source: TemplateSource = getattr(self, kind)
        return source


@functools.cache
def builtin_templates() -> TemplateSources:
    """The defaults shipped in ``daemon/followup/templates`` (package data, read once)."""
    root = importlib.resources.files("daemon.followup") / "templates"
    found = {
        kind: TemplateSource(f"built-in {name}", (root / name).read_text(encoding="utf-8"))
        for kind, name in TEMPLATE_FILES.items()
    }
    return TemplateSources(**found)


def inline_templates(settings: Settings) -> TemplateSources:
    """Inline sources from the config, the built-in default for the rest. No file is read."""
    base = builtin_templates()
    t = settings.templates
    found: dict[str, TemplateSource] = {}
    for kind in KINDS:
        inline: str | None = getattr(t, kind)
        found[kind] = TemplateSource(f"templates.{kind}", inline) if inline is not None else base.for_kind(kind)
    return TemplateSources(**found)


def load_templates(settings: Settings) -> TemplateSources:
    """The IO edge: inline source, else ``templates.dir/<kind>.txt.j2``, else the built-in one."""
    t = settings.templates
    sources = inline_templates(settings)
    if t.dir is None:
        return sources
    directory = Path(t.dir).expanduser()
    if not directory.is_dir():
        raise UserError(f"{directory} is not a directory", where="templates.dir")
    found: dict[str, TemplateSource] = {}
    for kind in KINDS:
        if getattr(t, kind) is not None:
            found[kind] = sources.for_kind(kind)
            continue
        path = directory / TEMPLATE_FILES[kind]
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            found[kind] = sources.for_kind(kind)
            continue
        except UnicodeDecodeError as exc:
            raise UserError("not valid UTF-8", where=str(path)) from exc
        except OSError as exc:
            raise UserError(exc.strerror or str(exc), where=str(path)) from exc
        found[kind] = TemplateSource(str(path), text)
    loaded = TemplateSources(**found)
    # files are read only here: a broken one should stop the start, not the first draft
    check_templates(loaded)
    return loaded


def _finalize(value: Any) -> Any:
    return "" if value is None else value


@functools.lru_cache(maxsize=1)
def _environment() -> SandboxedEnvironment:
    """The sandbox templates run in; built (and jinja2 imported) when the first draft is made."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    class Lenient(jinja2.ChainableUndefined):
        """An undefined name renders as "" and survives attribute access, calls and arithmetic."""

    def same(self: jinja2.Undefined, *args: Any, **kwargs: Any) -> jinja2.Undefined:
        return self

    # set after the class body: the base class types these as never returning
    for op in (
        "__call__", "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
        "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__",
        "__pos__", "__neg__", "__pow__", "__rpow__",
    ):  # fmt: skip
        setattr(Lenient, op, same)

    return SandboxedEnvironment(
        undefined=Lenient,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )


@functools.lru_cache(maxsize=64)
def _compile(origin: str, text: str) -> jinja2.Template:
    import jinja2

    try:
        return _environment().from_string(text)
    except jinja2.TemplateSyntaxError as exc:
        raise UserError(f"template syntax error on line {exc.lineno}: {exc.message}", where=origin) from exc
    except jinja2.TemplateError as exc:
        raise UserError(f"template error: {exc}", where=origin) from exc


def check_templates(sources: TemplateSources) -> None:
    """Compile every template; a syntax error is a UserError naming the template."""
    for kind in KINDS:
        src = sources.for_kind(kind)
        _compile(src.origin, src.text)


def render_template(source: TemplateSource, variables: dict[str, Any]) -> str:
    """Render one template in the sandbox and tidy the text. Errors name the template."""
    import jinja2

    template = _compile(source.origin, source.text)
    try:
        text = template.render(variables)
    except jinja2.TemplateError as exc:
        raise UserError(f"template error: {exc}", where=source.origin) from exc
    except Exception as exc:  # the template is user code: any failure is theirs to fix
        raise UserError(f"template failed: {type(exc).__name__}: {exc}", where=source.origin) from exc
    if len(text) > MAX_BODY_CHARS:
        raise UserError(f"template produced more than {MAX_BODY_CHARS} characters", where=source.origin)
    return tidy_body(text)


_SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}")
#: only before "," and ".", which an empty variable leaves stranded; "Merci !" stays French
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\S)[ \t]+(?=[,.](?:\s|$))")
_BODY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def tidy_body(text: str) -> str:
    """Blank variables leave double spaces and empty paragraphs behind; remove them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _BODY_CONTROL.sub("", text)
    lines = []
    for line in text.split("\n"):
        line = _SPACE_RUN.sub(" ", line.rstrip())
        lines.append(_SPACE_BEFORE_PUNCT.sub("", line))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n"


# ---------------------------------------------------------------- header hygiene

_HEADER_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_WS = re.compile(r"\s+")
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDR_SPEC = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*@{_LABEL}(?:\.{_LABEL})*")
_MSGID = re.compile(r"<[\x21-\x3b\x3d\x3f-\x7e]+>")
_DRAFT_ID = re.compile(r"[\x21-\x7e]{1,200}")


def _strip_controls(text: str) -> str:
    return _WS.sub(" ", _HEADER_CONTROL.sub(" ", text)).strip()


def _decode_once(text: str) -> str:
    # what the email package's own header parser makes of the text: if it would decode
    # an RFC 2047 word into CR/LF, we must see that before it reaches a header
    try:
        return str(email.policy.default.header_factory("subject", text))
    except Exception:
        return text


def clean_header_text(text: str, limit: int = MAX_SUBJECT_CHARS) -> str:
    """One safe line of header text: decoded, no control characters, no encoded-words.

    Encoded-words are decoded until nothing changes (an attacker may nest them), so
    the result is exactly what a reader will see; a leftover ``=?`` is broken up so no
    parser can turn it into a line break later.
    """
    cur = _strip_controls(unicodedata.normalize("NFC", text))
    for _ in range(5):
        nxt = _strip_controls(_decode_once(cur))
        if nxt == cur:
            break
        cur = nxt
    cur = cur.replace("=?", "= ?")
    return cur[:limit].rstrip()


def valid_addr_spec(addr: str) -> bool:
    """A plain ASCII addr-spec with nothing a header parser could misread."""
    return len(addr) <= 254 and "=?" not in addr and _ADDR_SPEC.fullmatch(addr) is not None


def ascii_address(addr: str) -> str | None:
    """The address lower-cased, an internationalised domain as punycode; None if unusable.

    A non-ASCII local part needs SMTPUTF8, which a draft cannot count on: None.
    """
    addr = addr.strip().lower()
    local, at, domain = addr.rpartition("@")
    if not at or not domain:
        return None
    if not domain.isascii():
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    out = f"{local}@{domain}"
    return out if valid_addr_spec(out) else None


def valid_msgid(msgid: str) -> bool:
    return len(msgid) <= MAX_MSGID_CHARS and "=?" not in msgid and _MSGID.fullmatch(msgid) is not None


# ---------------------------------------------------------------- header writing
#
# The headers are written here rather than by the email package's folder: Python 3.11's
# folder can drop the space between an ASCII word and an encoded-word at a fold (about
# one long mixed-language subject in twenty), and every value here is already one clean
# line, so writing RFC 5322/2047 by hand is short and exact.

MAX_LINE = 78
#: UTF-8 bytes per encoded-word: "=?utf-8?b?" + 60 base64 chars + "?=" = 72 <= 75
_EW_BYTES = 45
_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/^_`{|}~-]+")  # atext without "=" and "?"
#: the wire policy: CRLF, and the lines written here kept exactly as they are
WIRE_POLICY = email.policy.SMTP.clone(refold_source="none")


def _encoded_words(text: str) -> list[str]:
    """RFC 2047 B-encoded words for ``text``, split between characters, never inside one."""
    chunks: list[bytes] = []
    chunk = b""
    for ch in text:
        b = ch.encode("utf-8")
        if len(chunk) + len(b) > _EW_BYTES:
            chunks.append(chunk)
            chunk = b""
        chunk += b
    if chunk:
        chunks.append(chunk)
    return ["=?utf-8?b?" + base64.b64encode(c).decode("ascii") + "?=" for c in chunks]


def _fold(name: str, tokens: list[str]) -> str:
    """``Name: tok tok …`` with a fold (CRLF + space) wherever a line would pass 78."""
    lines: list[str] = []
    line = f"{name}:"
    for tok in tokens:
        if len(line) + 1 + len(tok) > MAX_LINE and line != f"{name}:":
            lines.append(line)
            line = " " + tok
        else:
            line += " " + tok
    lines.append(line)
    return "\r\n".join(lines) + "\r\n"


def _text_tokens(text: str) -> list[str]:
    """Unstructured text: leading ASCII words as they are, the rest as encoded-words.

    The space between the last plain word and the first encoded-word is significant and
    kept; spaces inside the encoded part travel inside the encoded-words.
    """
    words = text.split(" ")
    for i, w in enumerate(words):
        if not w.isascii():
            return words[:i] + _encoded_words(" ".join(words[i:]))
    return words


def _phrase_tokens(name: str) -> list[str]:
    """A display name: plain atoms, a quoted-string, or encoded-words."""
    if not name:
        return []
    if all(_ATOM.fullmatch(w) for w in name.split(" ")):
        return name.split(" ")
    if name.isascii():
        return ['"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"']
    return _encoded_words(name)


def _address_tokens(name: str, addr: str) -> list[str]:
    phrase = _phrase_tokens(clean_header_text(name, MAX_NAME_CHARS))
    return [*phrase, f"<{addr}>"] if phrase else [addr]


_SUBJECT_PREFIX = re.compile(
    r"^\s*(?:(?:re|aw|sv|vs|antw|odp|fw|fwd|wg|tr|rv)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*)+",
    re.IGNORECASE,
)


def reply_subject(original: str, role: str | None = None) -> str:
    """``Re: <original>`` with earlier Re:/Fwd: prefixes removed; a sensible one if empty."""
    subject = _SUBJECT_PREFIX.sub("", clean_header_text(original))
    if not subject:
        role_clean = clean_header_text(role or "", MAX_NAME_CHARS)
        subject = f"Interview for {role_clean}" if role_clean else "Interview"
    return clean_header_text(f"Re: {subject}")


# ---------------------------------------------------------------- names

_TEAMISH = re.compile(
    r"\b(?:team|recruit\w*|talent|careers?|jobs?|hiring|hr|people|notifications?|no.?reply|"
    r"scheduling|calendar|support|info|admin|office|staffing|acquisition)\b",
    re.IGNORECASE,
)
_TITLES = {"dr", "dr.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "prof", "prof.", "mx", "mx."}


def first_name(full: str) -> str:
    """The name to greet someone by, or "" when it does not look like a person's name."""
    name = clean_header_text(full, MAX_NAME_CHARS).strip("\"' ")
    name = re.split(r"\s+(?:via|from|at|@)\s+", name, maxsplit=1, flags=re.IGNORECASE)[0]
    if not name or "@" in name or _TEAMISH.search(name):
        return ""
    if "," in name:
        last, _, first = name.partition(",")
        name = first.strip() or last.strip()
    words = name.split()
    if not words:
        return ""
    if words[0].lower() in _TITLES and len(words) > 1:
        title = words[0].rstrip(".").capitalize()
        return f"{title}. {words[-1]}" if any(ch.isalpha() for ch in words[-1]) else ""
    word = words[0].strip(".,;:()[]\"'")
    if not any(ch.isalpha() for ch in word):
        return ""
    if word.isupper() and len(word) > 1:
        word = word.capitalize()
    return word


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def natural_name(name: str) -> str:
    """ "Doe, Jane" as "Jane Doe"; anything else as it is (cleaned)."""
    name = clean_header_text(name, MAX_NAME_CHARS).strip("\"' ")
    last, comma, first = name.partition(",")
    if comma and first.strip() and "," not in first and len(last.split()) <= 2:
        return f"{first.strip()} {last.strip()}"
    return name


def _same_person(a: str, b: str) -> bool:
    ka, kb = natural_name(a).casefold().split(), natural_name(b).casefold().split()
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    # "Jane" and "Jane Doe" are the same person in one conversation; "Jane Doe" and "Jane Roe" are not
    return ka[0] == kb[0] and (len(ka) == 1 or len(kb) == 1 or ka[-1] == kb[-1])


# ---------------------------------------------------------------- dates

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def human_date(moment: datetime, day_first: bool = False) -> str:
    """ "Tuesday, March 3" (or "Tuesday, 3 March") — spelled out so the locale cannot change a draft."""
    return letter.human_date(moment, day_first)


# ---------------------------------------------------------------- the draft


@dataclass(frozen=True)
class DraftContext:
    """Everything one draft is made of besides the settings, the templates and ``now``."""

    draft_id: str  # the X-Followupd-Id value: stable per application + stage
    stage: PlannedStage
    user_name: str  # "" falls back to [daemon].user_name
    user_addr: str
    recipient: Address | None
    interviewers: tuple[str, ...]
    company: str | None
    role: str | None
    round: Round | None
    interview_start: datetime  # aware
    subject: str = ""  # the thread's original subject
    in_reply_to: str | None = None  # Message-ID of the latest employer message
    references: tuple[str, ...] = ()  # the thread's References
    company_settings: CompanySettings | None = None
    topics: tuple[str, ...] = ()  # what the invitation said the interview would cover
    agency: str | None = None  # the recruiting agency that wrote for the company
    #: the user's own notes for this application (``followupd note``); each wins over the config's
    note_specific: str | None = None
    note_question: str | None = None
    note_extra: str | None = None


def template_variables(ctx: DraftContext, settings: Settings, now: datetime) -> dict[str, Any]:
    """The variables a template sees; every text already stripped of control characters."""
    zone = user_zone(settings)
    start_local = ctx.interview_start.astimezone(zone)
    today = now.astimezone(zone).date()
    days = (today - start_local.date()).days
    first_day = letter.day_first(settings.policy.country)
    company_cfg = ctx.company_settings
    if company_cfg is None:
        company_cfg = settings.company(ctx.company, ctx.recipient.domain if ctx.recipient else None)

    def text(value: str | None, limit: int = MAX_NAME_CHARS) -> str:
        return clean_header_text(value or "", limit)

    recipient_name = text(ctx.recipient.name if ctx.recipient else "")
    recipient_first = first_name(recipient_name)
    interviewers = list(dict.fromkeys(n for n in (natural_name(i) for i in ctx.interviewers) if n))
    others = [n for n in interviewers if not _same_person(n, recipient_name)]
    company = text(ctx.company)
    role = text(ctx.role)
    user_name = text(ctx.user_name or settings.daemon.user_name)
    kind = ctx.stage.kind

    def note(mine: str | None, configured: str | None, which: letter.NoteKind) -> str:
        return letter.clean_note(text(mine if mine is not None and mine.strip() else configured, 500), which)

    notes = {
        "specific": note(ctx.note_specific, company_cfg.specific if company_cfg else None, "specific"),
        "question": note(ctx.note_question, company_cfg.question if company_cfg else None, "question"),
        "extra": note(ctx.note_extra, company_cfg.extra if company_cfg else None, "extra"),
    }
    topics = [t for t in (text(x, 200) for x in ctx.topics) if t]
    agency = text(ctx.agency)
    when = letter.interview_when(start_local.date(), today, first_day)
    contact_interviewed = bool(recipient_name) and any(_same_person(recipient_name, n) for n in interviewers)
    seed = ctx.draft_id.rsplit(".", 1)[0] if "." in ctx.draft_id else ctx.draft_id
    sentences = letter.sentences(
        seed=seed,
        when=when,
        company=company,
        role=role,
        round=ctx.round,
        contact_name=recipient_name if recipient_first else "",
        interviewers=interviewers,
        topics=topics,
        agency=agency,
        **notes,
    )
    contact = ""
    if ctx.recipient is not None:
        contact = f"{recipient_name} <{ctx.recipient.addr}>" if recipient_name else ctx.recipient.addr
    return {
        "greeting": f"Hi {recipient_first}," if recipient_first else "Hello,",
        "recipient_name": recipient_name,
        "recipient_first_name": recipient_first,
        "interviewer": recipient_first,
        "interviewers": interviewers,
        "interviewer_names": join_names(interviewers),
        "other_interviewers": join_names(others),
        "company": company,
        "the_team": f"the team at {company}" if company else "your team",
        "role": role,
        "role_phrase": f"the {role} role" if role else "the role",
        "round": ctx.round or "",
        "interview_label": f"{ctx.round}-round interview" if ctx.round else "interview",
        "interview_date": human_date(start_local, first_day),
        "interview_weekday": _WEEKDAYS[start_local.weekday()],
        "interview_when": when,
        "days_since": max(days, 0),
        "user_name": user_name,
        "user_first_name": first_name(user_name),
        **notes,
        "notes": notes,
        "contact": clean_header_text(contact, 300),
        "contact_name": recipient_name,
        "contact_interviewed": contact_interviewed,
        "interviewer_first_names": join_names(letter.first_names(others if others else interviewers)),
        "topics": topics,
        "topic": topics[0] if topics else "",
        "agency": agency,
        "letter": sentences,
        "stage": ctx.stage.stage,
        "kind": kind,
    }


def _references(ctx: DraftContext) -> list[str]:
    ids = [r for r in ctx.references if valid_msgid(r)]
    if ctx.in_reply_to and valid_msgid(ctx.in_reply_to):
        ids.append(ctx.in_reply_to)
    ids = list(dict.fromkeys(ids))
    if len(ids) > MAX_REFERENCES:
        # keep the thread's root and the most recent ones, as RFC 5322 §3.6.4 suggests
        ids = [ids[0], *ids[-(MAX_REFERENCES - 1) :]]
    return ids


def message_id(draft_id: str, now: datetime, user_addr: str) -> str:
    """Deterministic: the same draft at the same moment has the same Message-ID."""
    digest = hashlib.sha256(f"{draft_id}\n{now.isoformat()}".encode()).hexdigest()[:32]
    domain = user_addr.rpartition("@")[2] if valid_addr_spec(user_addr) else "followupd.invalid"
    return f"<followupd.{digest}@{domain}>"


def draft(
    ctx: DraftContext, settings: Settings, now: datetime, templates: TemplateSources | None = None
) -> EmailMessage:
    """The draft for one stage, ready for :func:`render_bytes`.

    ``templates`` defaults to the inline and built-in sources; a caller whose settings
    name a ``templates.dir`` must pass :func:`load_templates` (this function reads no file).
    """
    if now.tzinfo is None or ctx.interview_start.tzinfo is None:
        raise ValueError("now and interview_start must be timezone-aware")
    if _DRAFT_ID.fullmatch(ctx.draft_id) is None or "=?" in ctx.draft_id:
        raise ValueError(f"draft_id must be 1–200 printable ASCII characters: {ctx.draft_id!r}")
    user_addr = ascii_address(ctx.user_addr) or ""
    if not user_addr:
        raise UserError(f"{ctx.user_addr!r} is not a usable mail address", where="accounts.addresses")
    if templates is None:
        if settings.templates.dir is not None:
            raise ValueError("settings name templates.dir: pass load_templates(settings)")
        templates = inline_templates(settings)
    zone = user_zone(settings)
    body = render_template(templates.for_kind(ctx.stage.kind), template_variables(ctx, settings, now))

    head = [_fold("From", _address_tokens(ctx.user_name or settings.daemon.user_name, user_addr))]
    recipient = ctx.recipient
    to_addr = ascii_address(recipient.addr) if recipient is not None else None
    if recipient is not None and to_addr:
        head.append(_fold("To", _address_tokens(recipient.name, to_addr)))
    head.append(_fold("Subject", _text_tokens(reply_subject(ctx.subject, ctx.role))))
    head.append(_fold("Date", [email.utils.format_datetime(now.astimezone(zone))]))
    head.append(_fold("Message-ID", [message_id(ctx.draft_id, now, user_addr)]))
    if ctx.in_reply_to and valid_msgid(ctx.in_reply_to):
        head.append(_fold("In-Reply-To", [ctx.in_reply_to]))
    refs = _references(ctx)
    if refs:
        head.append(_fold("References", refs))
    head.append(_fold("X-Followupd-Id", [ctx.draft_id]))
    head.append("MIME-Version: 1.0\r\n")
    head.append('Content-Type: text/plain; charset="utf-8"\r\n')
    head.append("Content-Transfer-Encoding: quoted-printable\r\n")
    part = EmailMessage()
    part.set_content(body, charset="utf-8", cte="quoted-printable")
    payload = str(part.get_payload()).replace("\r\n", "\n").replace("\n", "\r\n")
    data = ("".join(head) + "\r\n" + payload).encode("ascii")
    # parsed back so callers get an EmailMessage whose headers are exactly these lines
    return email.message_from_bytes(data, policy=WIRE_POLICY)


def render_bytes(msg: EmailMessage) -> bytes:
    """The exact bytes to APPEND: CRLF line ends, RFC 2047 headers, lines within 78."""
    return msg.as_bytes(policy=WIRE_POLICY)


# ---------------------------------------------------------------- who to answer

#: bounded local part and labels (RFC 5321's 64 and 63): unbounded, each start in a long
#: word run rescans the run, quadratic in its length
_TEXT_ADDR = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+")


@dataclass(frozen=True)
class Recipient:
    """Who a follow-up goes to (None: nobody safe, the draft's To is left for the user), and
    why the obvious choice was set aside ("" when it was not)."""

    address: Address | None
    note: str = ""


def _company_domain(org: str, company: str | None) -> bool:
    """Does the registrable domain ``org`` (acme.com, acme.co.uk) carry the company's name?"""
    from daemon.understand.extract import _squash

    name = _squash(company or "")
    label = org.split(".", 1)[0]
    if not name or not label:
        return False
    return label == name or (len(label) >= 4 and name.startswith(label)) or (len(name) >= 4 and label.startswith(name))


def choose_recipient(
    mail: Mail,
    user_addresses: frozenset[str],
    *,
    employer_domains: tuple[str, ...] = (),
    company: str | None = None,
) -> Recipient:
    """Who the follow-up goes to: a person who reads mail, never the user, never a no-reply,
    and never an address a stranger could plant.

    Anyone can write any Reply-To and any text, so: a Reply-To is taken only on the sender's
    domain, the employer's (``employer_domains``, known from earlier mail, or one carrying
    the company's name) or a hiring relay's; otherwise the sender is, and the note says so.
    An address in the text is taken only on the employer's own domains, never on a relay's
    or a mail provider's ("privacy@greenhouse.io" in a Greenhouse footer). With no safe
    recipient the address is None: the draft is still made, with an empty To.
    """
    from daemon.understand.extract import FREEMAIL, org_domain
    from daemon.understand.relays import relay_for_domain

    mine = {a.lower() for a in user_addresses}

    def usable(a: Address | None) -> bool:
        return a is not None and valid_addr_spec(a.addr) and a.addr.lower() not in mine and not is_noreply(a.addr)

    organizers = [e.organizer for e in mail.calendars if e.organizer is not None]
    senders = [a for a in (mail.from_, mail.sender, *organizers) if a is not None and a.domain]
    sender_orgs = {org_domain(a.domain) for a in senders}
    employer_orgs = {org_domain(d) for d in employer_domains} | {
        o for o in sender_orgs if o not in FREEMAIL and relay_for_domain(o) is None
    }

    def employer_domain(a: Address) -> bool:
        org = org_domain(a.domain)
        if relay_for_domain(a.domain) is not None or org in FREEMAIL:
            return False
        return org in employer_orgs or _company_domain(org, company)

    note = ""
    for a in mail.reply_to:
        if not usable(a):
            continue
        if org_domain(a.domain) in sender_orgs or employer_domain(a) or is_hiring_relay(a.addr):
            return Recipient(a)
        note = f"Reply-To {a.addr} is on neither the sender's nor the employer's domain: not used"
        break
    if usable(mail.from_) and mail.from_ is not None and not is_hiring_relay(mail.from_.addr):
        return Recipient(mail.from_, note + ("; the follow-up goes to the sender" if note else ""))
    for event in mail.calendars:
        if usable(event.organizer):
            return Recipient(event.organizer, note + ("; the follow-up goes to the organizer" if note else ""))
    for found in _TEXT_ADDR.findall(mail.full_text):
        addr = found.strip(".").lower()
        candidate = Address(name="", addr=addr)
        if usable(candidate) and employer_domain(candidate):
            return Recipient(candidate, note + (f"; the follow-up goes to {addr}, from the text" if note else ""))
    if note:
        return Recipient(None, note + "; no safe recipient, the draft's To is left empty")
    return Recipient(None)


def reply_address(
    mail: Mail,
    user_addresses: frozenset[str],
    *,
    employer_domains: tuple[str, ...] = (),
    company: str | None = None,
) -> Address | None:
    """Who the follow-up goes to (see :func:`choose_recipient`); None when nobody is safe."""
    return choose_recipient(mail, user_addresses, employer_domains=employer_domains, company=company).address
