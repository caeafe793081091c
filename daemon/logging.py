"""Logging: structlog for our code, the standard library's loggers routed through it.

JSON lines when the output is not a terminal (journald indexes them), a readable
console format on a terminal. Every entry — ours, imapclient's, an exception's
traceback — passes :func:`redact` last before it is rendered, so a password
registered with :func:`register_secret` cannot reach the log in any form.

Context such as ``account``, ``folder``, ``application`` and ``stage`` is bound with
:func:`bound_context` (contextvars) and appears on every entry logged inside it.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import threading
from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import Any, Final, TextIO

import structlog
from structlog.typing import EventDict, Processor, WrappedLogger

REDACTED: Final = "[REDACTED]"

#: the context keys the runner binds; any other key may be bound too
CONTEXT_KEYS: Final = ("account", "folder", "application", "stage")

_LEVELS: Final = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}

#: loggers that see raw protocol traffic (LOGIN lines, APPENDed message bodies)
_PROTOCOL_LOGGERS: Final = ("imapclient",)

_SENSITIVE_KEY = re.compile(r"(^|_)pass($|_)|passw(or)?d|secret|token|authorization|credential", re.I)
_PROTOCOL_PATTERNS: Final = (
    # IMAP: `a001 LOGIN user pass`, either atom possibly quoted
    re.compile(r'(\bLOGIN\s+(?:"(?:[^"\\]|\\.)*"|\S+)\s+)("(?:[^"\\]|\\.)*"|\S+)'),
    # IMAP AUTHENTICATE / SMTP AUTH with an initial response
    re.compile(r"(\bAUTH(?:ENTICATE)?\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER)\s+)([A-Za-z0-9+/=._-]+)", re.I),
    # HTTP-style credentials
    re.compile(r"(\bAuthorization\s*[:=]\s*(?:Basic|Bearer)?\s*)(\S+)", re.I),
)

_LEADING: Final = ("timestamp", "level", "logger", "event")

_lock = threading.Lock()
_secrets: set[str] = set()
_secret_pattern: re.Pattern[str] | None = None
_handler: logging.Handler | None = None


def register_secret(value: str) -> None:
    """Redact ``value`` (and its escaped forms, as repr or JSON show it) from every later log entry."""
    global _secret_pattern
    if not value:
        return
    forms = {value, repr(value)[1:-1], json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1]}
    with _lock:
        if forms <= _secrets:
            return
        _secrets.update(f for f in forms if f)
        # longest first, so a secret that contains another is replaced whole
        ordered = sorted(_secrets, key=len, reverse=True)
        _secret_pattern = re.compile("|".join(re.escape(s) for s in ordered))


def _scrub(text: str) -> str:
    pattern = _secret_pattern
    if pattern is not None:
        text = pattern.sub(REDACTED, text)
    for p in _PROTOCOL_PATTERNS:
        text = p.sub(lambda m: m[1] + REDACTED, text)
    return text


def _clean(value: object, depth: int = 0) -> object:
    if isinstance(value, str):
        return _scrub(value)
    if isinstance(value, bool | int | float) or value is None:
        return value
    if depth > 8:  # a self-referencing structure: render it flat and scrub that
        return _scrub(repr(value))
    if isinstance(value, Mapping):
        return {
            k: REDACTED if isinstance(k, str) and _SENSITIVE_KEY.search(k) else _clean(v, depth + 1)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple | set | frozenset):
        return [_clean(v, depth + 1) for v in value]
    if isinstance(value, bytes | bytearray):
        text = bytes(value).decode("utf-8", "replace")
        scrubbed = _scrub(text)
        return value if scrubbed == text else scrubbed
    # objects, exceptions: the renderer would show their repr, so judge that
    shown = repr(value)
    scrubbed = _scrub(shown)
    return value if scrubbed == shown else scrubbed


def redact(_logger: WrappedLogger, _method: str, event_dict: EventDict) -> EventDict:
    """structlog processor: registered secrets, secret-named keys and auth commands become [REDACTED]."""
    out: EventDict = {}
    # the fixed fields first, so a JSON line reads naturally
    leading = [k for k in _LEADING if k in event_dict]
    for key in [*leading, *(k for k in event_dict if k not in _LEADING)]:
        value = event_dict[key]
        if key in ("_record", "_from_structlog"):
            out[key] = value
        elif _SENSITIVE_KEY.search(key):
            out[key] = REDACTED
        elif key == "exc_info":
            # should have been rendered by format_exc_info already; never let it through raw
            continue
        else:
            out[key] = _clean(value)
    return out


def _shared_processors() -> list[Processor]:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
        # tracebacks become text here, so redact can see them
        structlog.processors.format_exc_info,
        structlog.processors.UnicodeDecoder(),
    ]


def _console_renderer() -> Processor:
    return structlog.dev.ConsoleRenderer(colors=False, exception_formatter=structlog.dev.plain_traceback)


def configure(level: str = "info", json_output: bool | None = None, stream: TextIO | None = None) -> None:
    """Set up logging for the process; calling again replaces the previous setup.

    ``json_output`` None picks JSON when ``stream`` is not a terminal.
    """
    global _handler
    out = stream if stream is not None else sys.stderr
    if json_output is None:
        json_output = not (hasattr(out, "isatty") and out.isatty())
    numeric = _LEVELS.get(level.lower())
    if numeric is None:
        raise ValueError(f"unknown log level {level!r}; use one of {', '.join(_LEVELS)}")
    renderer: Processor = structlog.processors.JSONRenderer(sort_keys=False) if json_output else _console_renderer()
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_shared_processors(),
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, redact, renderer],
    )
    handler = logging.StreamHandler(out)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    with _lock:
        if _handler is not None:
            root.removeHandler(_handler)
        _handler = handler
        root.addHandler(handler)
        root.setLevel(numeric)
    for name in _PROTOCOL_LOGGERS:
        logging.getLogger(name).setLevel(max(numeric, logging.WARNING))
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *_shared_processors(),
            # here too, so no other handler on the root logger ever sees the raw event
            redact,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        # tests and SIGHUP reconfigure; cached loggers would keep the old setup
        cache_logger_on_first_use=False,
    )


def reset() -> None:
    """Undo :func:`configure` (tests; a process normally configures once)."""
    global _handler
    with _lock:
        if _handler is not None:
            logging.getLogger().removeHandler(_handler)
            _handler = None
    logging.getLogger().setLevel(logging.WARNING)
    for name in _PROTOCOL_LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET)
    structlog.reset_defaults()
    structlog.contextvars.clear_contextvars()


def get_logger(name: str | None = None, **initial: Any) -> structlog.stdlib.BoundLogger:
    """A structlog logger; ``name`` is the logger name shown in each entry (default: followupd)."""
    return structlog.stdlib.get_logger(name or "followupd", **initial)


def bound_context(**context: Any) -> AbstractContextManager[None]:
    """Bind context (``account=…``, ``stage=…``) to every entry logged inside the ``with`` block."""
    return structlog.contextvars.bound_contextvars(**context)


bind_context = structlog.contextvars.bind_contextvars
unbind_context = structlog.contextvars.unbind_contextvars
clear_context = structlog.contextvars.clear_contextvars
