from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from daemon import logging as dlog

CANARY = 'c4n4ry-"pw\\x'  # a quote and a backslash: escaped forms must be caught too


class TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _reset() -> Iterator[None]:
    yield
    dlog.reset()


def lines(buf: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def test_json_lines_carry_bound_context_and_utc_timestamps() -> None:
    buf = io.StringIO()
    dlog.configure("info", stream=buf)  # not a TTY: JSON
    log = dlog.get_logger("followupd.runner")
    with dlog.bound_context(account="main", folder="INBOX", application="app-1", stage="followup-1"):
        log.info("draft appended", uid=42)
    log.info("outside")
    first, second = lines(buf)
    assert first["event"] == "draft appended" and first["uid"] == 42 and first["level"] == "info"
    assert (first["account"], first["folder"], first["application"], first["stage"]) == (
        "main",
        "INBOX",
        "app-1",
        "followup-1",
    )
    assert first["logger"] == "followupd.runner"
    stamp = datetime.fromisoformat(str(first["timestamp"]))
    assert stamp.utcoffset() == timedelta(0)
    assert "account" not in second


def test_stdlib_logging_goes_through_the_same_pipeline_and_level() -> None:
    buf = io.StringIO()
    dlog.configure("info", stream=buf)
    logging.getLogger("some.lib").info("hello %s", "world")
    logging.getLogger("some.lib").debug("too chatty")
    dlog.get_logger().debug("also too chatty")
    with dlog.bound_context(account="main"):
        logging.getLogger("some.lib").warning("careful")
    out = lines(buf)
    assert [(e["logger"], e["event"], e["level"]) for e in out] == [
        ("some.lib", "hello world", "info"),
        ("some.lib", "careful", "warning"),
    ]
    assert out[1]["account"] == "main" and "timestamp" in out[0]


def test_imapclient_protocol_logger_stays_at_warning_even_in_debug() -> None:
    buf = io.StringIO()
    dlog.configure("debug", stream=buf)
    logging.getLogger("imapclient.imaplib").debug("> b'a001 LOGIN me hunter2'")
    logging.getLogger("imapclient.imapclient").debug("> a002 APPEND Drafts {1234}")
    dlog.get_logger().debug("ours")
    assert [e["event"] for e in lines(buf)] == ["ours"]


def test_canary_never_appears_in_json_or_console(monkeypatch: pytest.MonkeyPatch) -> None:
    dlog.register_secret(CANARY)

    class Account:
        def __repr__(self) -> str:
            return f"Account(password={CANARY!r})"

    for json_output in (True, False):
        buf = io.StringIO()
        dlog.configure("debug", json_output=json_output, stream=buf)
        log = dlog.get_logger()
        log.info(f"connecting with {CANARY}")
        log.info("value", detail=CANARY, count=3)
        log.info("nested", cfg={"outer": {"inner": [f"x{CANARY}y", (CANARY,)]}}, raw=CANARY.encode())
        log.info("object", account=Account())
        try:
            raise ConnectionError(f"server said no to {CANARY}")
        except ConnectionError:
            log.exception("login failed")
        try:
            raise ValueError(CANARY)
        except ValueError:
            logging.getLogger("stdlib").exception("stdlib failure %s", CANARY)
        logging.getLogger("stdlib").warning("dict %r", {"k": CANARY})
        text = buf.getvalue()
        assert CANARY not in text
        for escaped in (repr(CANARY)[1:-1], json.dumps(CANARY)[1:-1], "c4n4ry"):
            assert escaped not in text, (json_output, escaped)
        assert text.count(dlog.REDACTED) >= 9
        # the entries themselves survive redaction
        for event in ("value", "nested", "object", "login failed", "Traceback", "ConnectionError"):
            assert event in text
        if json_output:
            assert len(lines(buf)) == 7


def test_secret_named_keys_are_redacted_at_any_depth() -> None:
    buf = io.StringIO()
    dlog.configure("info", stream=buf)
    dlog.get_logger().info(
        "request",
        password="p1",
        api_token="t1",
        headers={"Authorization": "Basic Zm9vOmJhcg==", "Accept": "*/*"},
        accounts=[{"name": "main", "passwd": "p2"}],
        bypass_cache=True,
    )
    (entry,) = lines(buf)
    assert entry["password"] == entry["api_token"] == dlog.REDACTED
    assert entry["headers"] == {"Authorization": dlog.REDACTED, "Accept": "*/*"}
    assert entry["accounts"] == [{"name": "main", "passwd": dlog.REDACTED}]
    assert entry["bypass_cache"] is True


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("> b'a001 LOGIN me@example.org s3cret'", "> b'a001 LOGIN me@example.org "),
        ('a001 LOGIN "me@example.org" "s3cr\\"et"', 'a001 LOGIN "me@example.org" '),
        ("a002 AUTHENTICATE PLAIN AG1lAHMzY3JldA==", "a002 AUTHENTICATE PLAIN "),
        ("send: 'AUTH PLAIN AG1lAHMzY3JldA=='", "send: 'AUTH PLAIN "),
    ],
)
def test_auth_commands_are_redacted_without_registration(line: str, kept: str) -> None:
    buf = io.StringIO()
    dlog.configure("info", stream=buf)
    logging.getLogger("smtp").info(line)
    (entry,) = lines(buf)
    assert str(entry["event"]).startswith(kept + dlog.REDACTED)
    assert "s3cr" not in buf.getvalue() and "AG1lAHMzY3JldA" not in buf.getvalue()


def test_tty_gets_the_console_renderer_and_pipes_get_json() -> None:
    tty = TTY()
    dlog.configure("info", stream=tty)
    dlog.get_logger().info("hello", account="main")
    text = tty.getvalue()
    assert "hello" in text and "account=main" in text
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
    pipe = io.StringIO()
    dlog.configure("info", stream=pipe)
    dlog.get_logger().info("hello", account="main")
    assert lines(pipe)[0]["account"] == "main"
    assert tty.getvalue() == text  # the old stream no longer receives anything


def test_configure_is_idempotent() -> None:
    buf = io.StringIO()
    for _ in range(3):
        dlog.configure("info", stream=buf)
    dlog.get_logger().info("once")
    logging.getLogger("lib").info("once too")
    assert [e["event"] for e in lines(buf)] == ["once", "once too"]


def test_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown log level 'loud'"):
        dlog.configure("loud", stream=io.StringIO())
