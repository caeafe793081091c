"""``daemon.understand.mail.parse`` on hostile and broken mail: it never raises, stays within time
and memory bounds, reads what can be read and reports what went wrong."""

from __future__ import annotations

import base64
import time
from email.message import EmailMessage
from email.policy import SMTP

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from daemon.model import Mail
from daemon.understand import mail as mailmod
from daemon.understand.mail import parse, split_text

HEAD = (
    b"From: Ana Ruiz <ana@corvid.example>\r\nTo: sam@example.net\r\nSubject: Interview\r\n"
    b"Date: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <m1@corvid.example>\r\nMIME-Version: 1.0\r\n"
)
GOOD_TEXT = b"Your interview is on Tuesday at 10am. The good part survives."
GOOD_PART = b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + GOOD_TEXT + b"\r\n"


def multipart(parts: list[bytes], boundary: bytes = b"b0undary", kind: bytes = b"mixed") -> bytes:
    head = HEAD + b"Content-Type: multipart/" + kind + b"; boundary=" + boundary + b"\r\n\r\n"
    body = b"".join(b"--" + boundary + b"\r\n" + p + b"\r\n" for p in parts)
    return head + body + b"--" + boundary + b"--\r\n"


def timed(raw: bytes, limit: float) -> Mail:
    start = time.perf_counter()
    m = parse(raw)
    elapsed = time.perf_counter() - start
    assert isinstance(m, Mail)
    assert elapsed < limit, f"parse took {elapsed:.2f}s (limit {limit}s)"
    return m


def good_text_survives(m: Mail) -> None:
    assert "The good part survives." in m.text


# --- charsets -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("charset", "body", "expected"),
    [
        (b"uft-8", "Héllo, your interview".encode(), "Héllo, your interview"),
        (b"iso-8859-8-i", "שלום interview".encode("iso-8859-8"), "שלום interview"),
        (b"x-garbage", b"plain interview text", "plain interview text"),
        (b"utf-8", "caf\xe9 at noon".encode("latin-1"), "café at noon"),
    ],
)
def test_unknown_or_wrong_charsets_are_read(charset: bytes, body: bytes, expected: str) -> None:
    raw = HEAD + b"Content-Type: text/plain; charset=" + charset + b"\r\n\r\n" + body + b"\r\n"
    m = timed(raw, 1)
    assert m.text == expected


def test_unknown_charset_is_a_defect() -> None:
    m = parse(HEAD + b"Content-Type: text/plain; charset=x-garbage\r\n\r\nhello\r\n")
    assert any("x-garbage" in d for d in m.defects)


# --- broken MIME ----------------------------------------------------------------------


def test_missing_boundary_is_guessed() -> None:
    raw = HEAD + b"Content-Type: multipart/mixed\r\n\r\n--XyZ\r\n" + GOOD_PART + b"--XyZ--\r\n"
    m = timed(raw, 1)
    good_text_survives(m)
    assert any("boundary" in d.lower() for d in m.defects)


def test_unterminated_parts_are_read() -> None:
    raw = HEAD + b"Content-Type: multipart/mixed; boundary=Q\r\n\r\n--Q\r\n" + GOOD_PART
    raw += b"--Q\r\nContent-Type: text/html\r\n\r\n<p>never closed"
    m = timed(raw, 1)
    good_text_survives(m)
    assert any("CloseBoundaryNotFound" in d for d in m.defects)


def test_semicolon_soup_headers() -> None:
    raw = (
        HEAD.replace(b"MIME-Version", b"X-Junk: ;;;;\r\nMIME-Version")
        + b"Content-Type: text/plain;;;;;charset=utf-8;;;;\r\nContent-Disposition: ;;;;\r\n"
        + b"Content-Transfer-Encoding: ;;;;\r\n\r\n"
        + GOOD_TEXT
    )
    m = timed(raw, 1)
    good_text_survives(m)
    assert m.headers["x-junk"] == (";;;;",)


def test_malformed_headers_keep_what_is_readable() -> None:
    raw = (
        b"From: <<<@@@>>>\r\nTo: ,,,,@,\r\nSubject: =?utf-8?q?broken\r\nDate: yesterday-ish\r\n"
        b"Message-ID: <<>>\r\n\r\nbody text\r\n"
    )
    m = timed(raw, 1)
    assert m.subject == "=?utf-8?q?broken"
    assert m.date is None
    assert "header date: unparseable" in m.defects
    assert m.text == "body text"


def test_nul_bytes_are_dropped_and_reported() -> None:
    raw = b"From: a\0@b.example\r\nSubject: hi\0there\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nbody\0 text\r\n"
    m = timed(raw, 1)
    assert m.subject == "hi there"
    assert m.text == "body text"
    assert "\0" not in m.full_text
    assert "text: control characters removed" in m.defects


def test_encoded_words_cannot_inject_headers() -> None:
    evil_subject = base64.b64encode(b"Interview\r\nBcc: victim@evil.example\r\n\r\nbody").decode()
    raw = (
        b"From: =?utf-8?q?Evil=0D=0ABcc:_x@evil.example?= <ana@corvid.example>\r\n"
        + f"Subject: =?utf-8?b?{evil_subject}?=\r\n".encode()
        + b"Date: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nbody\r\n"
    )
    m = timed(raw, 1)
    assert "\n" not in m.subject and "\r" not in m.subject
    assert m.subject.startswith("Interview")
    assert m.from_ is not None and m.from_.addr == "ana@corvid.example"
    assert "bcc" not in m.headers
    assert "header subject: control characters removed" in m.defects
    assert all("\n" not in v for vs in m.headers.values() for v in vs)


# --- size and structure bombs ---------------------------------------------------------


def test_fifty_megabyte_attachment() -> None:
    big = base64.encodebytes(b"\0" * (50 * 1024 * 1024))
    raw = multipart(
        [
            GOOD_PART,
            b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
            b"Content-Disposition: attachment; filename=offer.pdf\r\n\r\n" + big,
        ]
    )
    m = timed(raw, 5)
    good_text_survives(m)
    assert m.size == len(raw)
    assert any("larger than" in d for d in m.defects)


def test_big_attachment_before_the_calendar_is_skipped_cheaply() -> None:
    big = base64.encodebytes(b"\1" * (6 * 1024 * 1024))
    ics = ICS_EVENT.replace(b"RRULE:FREQ=SECONDLY;COUNT=1000000000\r\n", b"")
    raw = multipart(
        [
            GOOD_PART,
            b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" + big,
            b"Content-Type: text/calendar; method=REQUEST\r\n\r\n" + ics,
        ]
    )
    m = timed(raw, 3)
    good_text_survives(m)
    assert [c.summary for c in m.calendars] == ["Interview"]
    assert any("cut short" in d for d in m.defects)


@pytest.mark.parametrize("count", [10_000, 100_000])
def test_many_parts(count: int) -> None:
    raw = multipart([GOOD_PART] + [b"Content-Type: text/plain\r\n\r\nx\r\n"] * count)
    m = timed(raw, 5)
    good_text_survives(m)
    assert any("parts, the rest ignored" in d for d in m.defects)


def test_deeply_nested_attached_messages() -> None:
    inner = HEAD + b"Content-Type: text/plain\r\n\r\ninnermost\r\n"
    for _ in range(3000):
        inner = HEAD + b"Content-Type: message/rfc822\r\n\r\n" + inner
    raw = multipart([GOOD_PART, b"Content-Type: message/rfc822\r\n\r\n" + inner])
    m = timed(raw, 3)
    good_text_survives(m)
    assert any("nested" in d for d in m.defects)


def test_deeply_nested_multiparts() -> None:
    body = GOOD_PART
    for i in range(3000):
        b = b"n%d" % i
        body = b"Content-Type: multipart/mixed; boundary=" + b + b"\r\n\r\n--" + b + b"\r\n" + body
        body += b"\r\n--" + b + b"--\r\n"
    m = timed(HEAD + body, 3)
    assert isinstance(m, Mail)
    assert any("nested" in d for d in m.defects)


def test_two_hundred_thousand_headers_keep_from_and_subject() -> None:
    junk = b"".join(b"X-H%d: v\r\n" % i for i in range(200_000))
    m = timed(junk + HEAD + b"\r\n" + GOOD_TEXT, 5)
    assert m.subject == "Interview"
    assert m.from_ is not None and m.from_.addr == "ana@corvid.example"
    good_text_survives(m)
    assert any("fields" in d for d in m.defects)


def test_huge_header_and_line() -> None:
    raw = HEAD.replace(b"Subject: Interview", b"Subject: " + b"a" * 5_000_000) + b"\r\n" + b"x" * 3_000_000
    m = timed(raw, 3)
    assert len(m.subject) <= mailmod.MAX_HEADER_CHARS
    assert any("truncated" in d for d in m.defects)
    assert any("lines longer" in d for d in m.defects)


# --- calendars inside mail ------------------------------------------------------------

ICS_EVENT = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:x1\r\n"
    b"DTSTAMP:20260301T000000Z\r\nDTSTART:20260303T100000Z\r\nDTEND:20260303T103000Z\r\n"
    b"RRULE:FREQ=SECONDLY;COUNT=1000000000\r\nSUMMARY:Interview\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_secondly_rrule_in_mail_is_bounded() -> None:
    m = timed(multipart([GOOD_PART, b"Content-Type: text/calendar; method=REQUEST\r\n\r\n" + ICS_EVENT]), 2)
    good_text_survives(m)
    (event,) = m.calendars
    assert event.start is not None and event.start.isoformat() == "2026-03-03T10:00:00+00:00"
    assert len(event.occurrences) <= 20


def test_invalid_ics_is_a_defect_not_an_error() -> None:
    bad = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:notadate\r\nEND:VCALENDAR\r\n"
    m = timed(multipart([GOOD_PART, b"Content-Type: text/calendar\r\n\r\n" + bad]), 2)
    good_text_survives(m)
    assert m.calendars == ()
    assert any(d.startswith("ics") for d in m.defects)


def test_floating_calendar_times_take_the_date_header_zone() -> None:
    ics = ICS_EVENT.replace(b"20260303T100000Z", b"20260303T100000").replace(
        b"RRULE:FREQ=SECONDLY;COUNT=1000000000\r\n", b""
    )
    raw = multipart([GOOD_PART, b"Content-Type: text/calendar\r\n\r\n" + ics]).replace(b"+0000", b"-0500")
    (event,) = parse(raw).calendars
    assert event.start is not None and event.start.isoformat() == "2026-03-03T10:00:00-05:00"


# --- HTML -----------------------------------------------------------------------------


def test_plain_stub_next_to_rich_html_uses_the_html() -> None:
    html = (
        b"<html><head><style>td{color:red}</style></head><body><table>"
        b"<tr><td>Date</td><td>Tuesday 3 March 2026</td></tr>"
        b"<tr><td>Time</td><td>10:00&nbsp;&ndash;&nbsp;10:30 GMT</td></tr>"
        b"</table><script>track()</script><p>A &amp; B</p></body></html>"
    )
    raw = multipart(
        [
            b"Content-Type: text/plain\r\n\r\nTo view this message, please use an HTML-capable email client.\r\n",
            b"Content-Type: text/html; charset=utf-8\r\n\r\n" + html,
        ],
        kind=b"alternative",
    )
    m = timed(raw, 1)
    assert m.text_from_html
    assert "Date  Tuesday 3 March 2026" in m.text
    assert "Time  10:00 – 10:30 GMT" in m.text
    assert "A & B" in m.text
    assert "track" not in m.text and "color" not in m.text


def test_a_stub_with_a_footer_is_still_a_stub_beside_a_short_html_form() -> None:
    """A plain part that says "use an HTML mail client" plus an address footer stands for the
    HTML even when the HTML is only a short form of labelled fields."""
    plain = (
        b"Your email program does not display HTML messages. Please open this message in a browser to see "
        b"the details of your appointment.\r\n\r\nNorthwind Careers, 12 Harbour Road, Leeds LS1 4AB\r\n"
    )
    html = (
        b"<table><tr><td>Interview</td><td>Platform Engineer, first round</td></tr>"
        b"<tr><td>Date</td><td>Thursday 16 July 2026</td></tr><tr><td>Start time</td><td>1:00 PM</td></tr>"
        b"<tr><td>Time zone</td><td>Eastern Time</td></tr><tr><td>Location</td><td>Video call, link to follow"
        b"</td></tr><tr><td>Interviewer</td><td>Dana Whitcombe, Engineering Manager</td></tr></table>"
    )
    raw = multipart(
        [b"Content-Type: text/plain\r\n\r\n" + plain, b"Content-Type: text/html; charset=utf-8\r\n\r\n" + html],
        kind=b"alternative",
    )
    m = parse(raw)
    assert m.text_from_html and "Start time  1:00 PM" in m.text


def test_a_short_letter_that_mentions_html_reads_the_same_from_either_part() -> None:
    plain = b"Hi, the attached HTML export has the schedule for Thursday. Speak soon,\r\nAnna\r\n"
    html = b"<p>Hi, the attached HTML export has the schedule for Thursday. Speak soon,<br>Anna</p>"
    raw = multipart(
        [b"Content-Type: text/plain\r\n\r\n" + plain, b"Content-Type: text/html; charset=utf-8\r\n\r\n" + html],
        kind=b"alternative",
    )
    m = parse(raw)
    assert "the attached HTML export has the schedule for Thursday" in " ".join(m.text.split())


def test_real_plain_part_wins_over_html() -> None:
    plain = b"Hi Sam, we would like to invite you to a first interview next Tuesday at 10am GMT. Best, Ana"
    raw = multipart(
        [b"Content-Type: text/plain\r\n\r\n" + plain, b"Content-Type: text/html\r\n\r\n<p>HTML version</p>"],
        kind=b"alternative",
    )
    m = parse(raw)
    assert not m.text_from_html
    assert m.text == plain.decode()


# --- threading headers, addresses, attachments ------------------------------------------


def test_a_normal_message_is_read_completely() -> None:
    msg = EmailMessage()
    msg["From"] = "Zoë Brandt <Zoe.Brandt@Fernhollow.example>"
    msg["To"] = "Sam Okafor <sam@example.net>, other@example.net"
    msg["Subject"] = "Re: Interview 📅"
    msg["Date"] = "Tue, 03 Mar 2026 09:15:00 +0100"
    msg["Message-ID"] = "<abc@fernhollow.example>"
    msg["In-Reply-To"] = "<prev@example.net>"
    msg["References"] = "<first@example.net> <prev@example.net>"
    msg.set_content("Thanks Sam!\n\n-- \nZoë\n\nOn Mon, 2 Mar 2026 Sam <sam@example.net> wrote:\n> hi\n")
    msg.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="offer.pdf")
    m = parse(msg.as_bytes(policy=SMTP))
    assert m.from_ is not None and (m.from_.name, m.from_.addr) == ("Zoë Brandt", "zoe.brandt@fernhollow.example")
    assert [a.addr for a in m.to] == ["sam@example.net", "other@example.net"]
    assert m.subject == "Re: Interview 📅"
    assert m.date is not None and m.date.isoformat() == "2026-03-03T09:15:00+01:00"
    assert (m.message_id, m.in_reply_to) == ("<abc@fernhollow.example>", "<prev@example.net>")
    assert m.references == ("<first@example.net>", "<prev@example.net>")
    assert m.attachments == ("offer.pdf",)
    assert (m.text, m.signature) == ("Thanks Sam!", "Zoë")
    assert m.quoted.startswith("On Mon, 2 Mar 2026")
    assert m.defects == ()


# --- quote and signature splitting ------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "quoted_start"),
    [
        (
            "Thanks Sam!\n\nOn Mon, Mar 2, 2026 at 10:14 AM Sam Okafor <sam@example.net> wrote:\n> Hi\n",
            "Thanks Sam!",
            "On Mon, Mar 2, 2026",
        ),
        (  # Gmail wraps a long attribution over two lines
            "Thanks!\n\nOn Mon, Mar 2, 2026 at 10:14 AM Sam Okafor <\nsam.okafor@example.net> wrote:\n\n> Hi\n",
            "Thanks!",
            "On Mon, Mar 2, 2026",
        ),
        (  # Apple Mail
            "Great.\n\nOn 19 Jan 2026, at 21:03, Sam Okafor <sam@example.net> wrote:\n\n> Hi\n",
            "Great.",
            "On 19 Jan 2026, at 21:03",
        ),
        (  # Outlook separator and header block
            "Thanks,\nDana\n\n________________________________\nFrom: Sam Okafor <sam@example.net>\n"
            "Sent: Monday, February 2, 2026 9:03 AM\nTo: Dana\nSubject: Following up\n\nHello\n",
            "Thanks,\nDana",
            "____",
        ),
        (  # Outlook without the separator line
            "Thanks\n\nFrom: Sam Okafor <sam@example.net>\nSent: Monday, February 2, 2026 9:03 AM\n"
            "To: Dana\nSubject: hi\n\nHello\n",
            "Thanks",
            "From: Sam Okafor",
        ),
        ("Cheers\n\n-----Original Message-----\nFrom: Sam\nSent: x\n\nHi\n", "Cheers", "-----Original Message-----"),
        ("Danke\n\nAm 02.03.2026 um 10:14 schrieb Sam Okafor <sam@example.net>:\n> Hallo\n", "Danke", "Am 02.03"),
        ("Merci\n\nLe lun. 2 mars 2026 à 10:14, Sam <sam@example.net> a écrit :\n> Bonjour\n", "Merci", "Le lun."),
    ],
)
def test_split_text_attribution_styles(body: str, text: str, quoted_start: str) -> None:
    new, _sig, quoted = split_text(body)
    assert new == text
    assert quoted.startswith(quoted_start)


def test_split_text_signature_delimiter() -> None:
    assert split_text("Body line\nMore body\n\n-- \nJane Doe\nRecruiter\n") == (
        "Body line\nMore body",
        "Jane Doe\nRecruiter",
        "",
    )


def test_split_text_signature_before_the_quote() -> None:
    body = "Cheers,\n\n-- \nLiam\nTalent\n\n-----Original Message-----\nFrom: Sam\nSent: x\n\nHi Liam\n"
    assert split_text(body) == ("Cheers,", "Liam\nTalent", "-----Original Message-----\nFrom: Sam\nSent: x\n\nHi Liam")


def test_split_text_dashes_far_from_the_end_are_prose() -> None:
    body = "Options:\n--\n" + "line\n" * 20
    new, sig, _ = split_text(body)
    assert sig == "" and new.count("line") == 20


def test_split_text_inline_answers_stay_new_text() -> None:
    new, _, quoted = split_text("Answers below.\n\n> question one?\nanswer one\n> question two?\nanswer two\n")
    assert new == "Answers below.\n\nanswer one\nanswer two"
    assert quoted == "> question one?\n> question two?"


def test_split_text_is_linear_on_many_quote_marks() -> None:
    body = "\n".join(("> q" if i % 3 == 0 else f"line {i}") for i in range(60_000))
    start = time.perf_counter()
    split_text(body)
    assert time.perf_counter() - start < 2


# --- fuzzing --------------------------------------------------------------------------

FUZZ_SEED_MESSAGES = [
    multipart([GOOD_PART, b"Content-Type: text/calendar; method=REQUEST\r\n\r\n" + ICS_EVENT]),
    multipart(
        [
            b"Content-Type: text/plain\r\n\r\nsee html",
            b"Content-Type: text/html\r\n\r\n<table><tr><td>a</td></tr></table>",
        ],
        kind=b"alternative",
    ),
    HEAD + b"Content-Type: message/rfc822\r\n\r\n" + HEAD + b"\r\nnested\r\n",
    HEAD + b"Content-Transfer-Encoding: quoted-printable\r\n\r\nsoft=\r\nbreak =E2=80=93 dash\r\n",
]


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_fuzz_arbitrary_bytes(raw: bytes) -> None:
    timed(raw, 2)


@settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(FUZZ_SEED_MESSAGES),
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=10_000),
            st.integers(min_value=0, max_value=64),
            st.binary(max_size=64)
            | st.sampled_from(
                [
                    b"\r\n",
                    b"--b0undary\r\n",
                    b"Content-Type: multipart/mixed\r\n",
                    b"=?utf-8?b?",
                    b"\0",
                    b";;;;",
                    b"BEGIN:VEVENT\r\n",
                    b"RRULE:FREQ=SECONDLY\r\n",
                    b"<!--",
                    b"<table><tr><td>",
                ]
            ),
        ),
        max_size=6,
    ),
)
def test_fuzz_mutated_messages(seed: bytes, edits: list[tuple[int, int, bytes]]) -> None:
    raw = bytearray(seed)
    for pos, cut, insert in edits:
        pos %= len(raw) + 1
        raw[pos : pos + cut] = insert
    m = timed(bytes(raw), 2)
    assert all("\n" not in v for vs in m.headers.values() for v in vs)


@pytest.mark.parametrize("storm", [b";" * 60_000, b"; a=b" * 12_000, b"; " * 30_000])
def test_runaway_content_type_parameters_are_bounded(storm: bytes) -> None:
    raw = (
        HEAD
        + b"Content-Type: multipart/mixed; boundary=zz"
        + storm
        + b"\r\n\r\n--zz\r\n"
        + b"Content-Type: text/plain"
        + storm
        + b"\r\n\r\n"
        + GOOD_TEXT
        + b"\r\n--zz--\r\n"
    )
    m = timed(raw, 2)
    good_text_survives(m)
    assert any("runaway parameters" in d for d in m.defects)


# --- the header fast path ---------------------------------------------------------------

HEADER_PIECES = [*" \t\r\n=?\"'()<>@,;:\\.[]", "=?utf-8?q?", "=?utf-8?b?", "?=", "\udcff", "\x00", "é", "aB", "=C3=A9"]
HEADER_PIECES += ["=?utf-8?q?caf=C3=A9?=", "=?utf-8?b?w6k=?=", "=?iso-8859-1?q?=E9?="]
HEADER_TEXT = st.lists(
    st.sampled_from(HEADER_PIECES) | st.text(st.characters(codec="utf-8"), max_size=4), max_size=30
).map("".join)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["Subject", "X-Mailer", "Received", "From", "To", "Content-Type", "Message-ID", "Date"]),
    HEADER_TEXT,
)
def test_header_fast_path_decodes_like_the_stdlib_registry(name: str, value: str) -> None:
    assert _decoded_both_ways(name, value)


def _decoded_both_ways(name: str, value: str) -> bool:
    """The fast policy and ``email.policy.default`` decode a field to the same text and addresses."""
    from email.policy import default

    def decode(policy: object) -> object:
        try:
            field = policy.header_fetch_parse(name, value)  # type: ignore[attr-defined]
        except Exception as exc:  # the registry's own crashes must stay crashes
            return type(exc)
        found = [(a.display_name, a.username, a.domain, a.addr_spec) for a in getattr(field, "addresses", ())]
        return str(field), found

    return decode(mailmod._POLICY) == decode(default)


ATEXT = "aZ09!#$%&'*+-/=^_`{|}~"
NAME = st.text(st.sampled_from([*ATEXT, " ", ".", ",", '"', "(", "<", "\\", "\t", "é"]), max_size=12)
DOT_ATOM = st.text(st.sampled_from([*ATEXT, ".", "@", " "]), min_size=1, max_size=8)
MAILBOX = st.one_of(
    st.builds("{}@{}".format, DOT_ATOM, DOT_ATOM),
    st.builds("{} <{}@{}>".format, NAME, DOT_ATOM, DOT_ATOM),
    st.builds('"{}" <{}@{}>'.format, NAME, DOT_ATOM, DOT_ATOM),
)
ADDRESS_LIST = st.builds(
    lambda items, sep, tail: sep.join(items) + tail,
    st.lists(MAILBOX, min_size=1, max_size=3),
    st.sampled_from([", ", ",", " , ", ",  ", " "]),
    st.sampled_from(["", " ", ",", "  "]),
)


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(["From", "To", "Cc", "Reply-To", "Sender"]), ADDRESS_LIST)
def test_address_fast_path_decodes_like_the_stdlib_registry(name: str, value: str) -> None:
    assert _decoded_both_ways(name, value)


def test_address_fast_path_is_taken_and_keeps_the_registry_crash() -> None:
    plain = mailmod._plain_addresses('Ana Ruiz <ana@corvid.example>, "Ruiz, Bo" <bo@x.example>, c@y.example')
    assert plain is not None and plain == 'Ana Ruiz <ana@corvid.example>, "Ruiz, Bo" <bo@x.example>, c@y.example'
    assert [a.display_name for a in plain.addresses] == ["Ana Ruiz", "Ruiz, Bo", ""]
    # the stdlib parser raises on a display name starting with a dot; so must the fast path
    assert mailmod._plain_addresses(".Ana <ana@corvid.example>") is None
    m = parse(HEAD.replace(b"From: Ana Ruiz", b"From: .Ana") + b"\r\nhi\r\n")
    assert m.from_ is not None and m.from_.addr == "ana@corvid.example"
    assert any(d.startswith("header from: ") for d in m.defects)


MIME_TOKEN = st.text(st.sampled_from("aZ09-._+%'*=!~/"), max_size=5)
MIME_PARAM = st.builds(
    "{}{}{}{}".format,
    st.sampled_from([";", "; ", ";\t", ";  ", " ;"]),
    st.sampled_from(["charset", "Charset", "name*0", "a", "", "b c"]),
    st.sampled_from(["=", "", " =", "*="]),
    MIME_TOKEN | st.builds('"{}"'.format, st.text(st.sampled_from(" a(),;:/=?@[]<>'*%\t\\\""), max_size=6)),
)
MIME_FIELD = st.builds("{}{}{}".format, MIME_TOKEN, st.sampled_from(["/", ""]), MIME_TOKEN) | st.builds(
    "{}/{}{}".format, MIME_TOKEN, MIME_TOKEN, st.lists(MIME_PARAM, max_size=4).map("".join)
)
MSG_ID = st.builds("<{}{}{}>".format, MIME_TOKEN, st.sampled_from(["@", "", "@@"]), MIME_TOKEN)


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(["Content-Type", "Content-Disposition"]), MIME_FIELD | HEADER_TEXT)
def test_mime_field_fast_path_decodes_like_the_stdlib_registry(name: str, value: str) -> None:
    assert _decoded_both_ways(name, value)


@settings(max_examples=300, deadline=None)
@given(MSG_ID | HEADER_TEXT)
def test_message_id_fast_path_decodes_like_the_stdlib_registry(value: str) -> None:
    assert _decoded_both_ways("Message-ID", value)


def test_mime_fast_path_rewrites_parameters_like_the_registry() -> None:
    decode = mailmod._POLICY.header_fetch_parse
    assert type(decode("Content-Type", "text/plain; charset=utf-8")) is str  # no registry object
    assert decode("Content-Type", 'text/plain; charset=utf-8; Charset=x; charset=y; e=""') == (
        'text/plain; charset="utf-8"; Charset="x"; e'
    )
    assert decode("Content-Disposition", 'attachment;\tfilename="a b.ics"') == 'attachment; filename="a b.ics"'


@settings(max_examples=300, deadline=None)
@given(
    st.builds(
        "{}, {} {} {} {:02d}:{:02d}:{:02d} {}".format,
        st.sampled_from(["Mon", "Tue", "Xyz"]),
        st.integers(0, 40),
        st.sampled_from(["Jan", "Mar", "Foo"]),
        st.integers(0, 100_000),
        st.integers(0, 30),
        st.integers(0, 70),
        st.integers(0, 70),
        st.sampled_from(["+0000", "-0500", "GMT", "EST", "+9999", "", "-0000", "(UTC)"]),
    )
    | HEADER_TEXT
)
def test_date_fast_path_decodes_like_the_stdlib_registry(value: str) -> None:
    assert _decoded_both_ways("Date", value)


# --- forwarded messages -------------------------------------------------------------------


def plain_message(subject: str, body: str) -> bytes:
    head = HEAD.replace(b"Subject: Interview", b"Subject: " + subject.encode())
    return head + b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replace("\n", "\r\n").encode()


GMAIL_FORWARD = (
    "FYI, see below.\n\n---------- Forwarded message ---------\nFrom: Ana Ruiz <ana@corvid.example>\n"
    "Date: Mon, Mar 2, 2026 at 10:00 AM\nSubject: Interview\nTo: Sam Okafor <sam@example.net>,\n"
    "  Bo Lind <bo@example.net>\n\nHi Sam,\n\nCan you do Tuesday 3 March at 10am GMT?\n\nAna\n\n"
    "On Sun, Mar 1, 2026 at 9:00 AM Sam Okafor <sam@example.net> wrote:\n> Happy to talk next week.\n"
)
OUTLOOK_FORWARD = (
    "Forwarding for your records.\n\n-----Original Message-----\nFrom: Ana Ruiz <ana@corvid.example>\n"
    "Sent: Monday, March 2, 2026 10:00 AM\nTo: Sam Okafor\nSubject: Interview\n\n"
    "Can you do Tuesday at 10am?\n\n-----Original Message-----\nFrom: Sam Okafor\nSent: Sunday\n\nHello\n"
)
APPLE_FORWARD = (
    "Look at this!\n\nBegin forwarded message:\n\nFrom: Ana Ruiz <ana@corvid.example>\n"
    "Subject: Interview\nDate: 2 March 2026 at 10:00:00 GMT\nTo: Sam Okafor <sam@example.net>\n\n"
    "Tuesday at 10am works for us.\n"
)


@pytest.mark.parametrize(
    ("subject", "body", "forwarded", "quoted_start"),
    [
        ("Fwd: Interview", GMAIL_FORWARD, "Hi Sam,\n\nCan you do Tuesday 3 March at 10am GMT?\n\nAna", "From: Ana"),
        ("FW: Interview", OUTLOOK_FORWARD, "Can you do Tuesday at 10am?", "-----Original Message-----"),
        ("Fwd: Interview", APPLE_FORWARD, "Tuesday at 10am works for us.", "From: Ana"),
        # a Gmail forward marker is enough whatever the subject says
        ("Interview", GMAIL_FORWARD, "Hi Sam,\n\nCan you do Tuesday 3 March at 10am GMT?\n\nAna", "From: Ana"),
    ],
)
def test_forwarded_body_is_exposed_and_stays_quoted(subject: str, body: str, forwarded: str, quoted_start: str) -> None:
    m = parse(plain_message(subject, body))
    assert m.forwarded == forwarded
    assert m.quoted.startswith(quoted_start)
    assert forwarded in m.quoted  # classify still sees it where it did
    assert m.text.startswith(body.split("\n\n", 1)[0]) and forwarded not in m.text
    assert (m.text, m.signature, m.quoted) == split_text(body)  # the split is unchanged


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Re: Interview", "Thanks Sam!\n\nOn Mon, Mar 2, 2026 at 10:14 AM Sam <sam@example.net> wrote:\n> Tuesday?\n"),
        ("RE: Interview", OUTLOOK_FORWARD.replace("Forwarding for your records.", "Works for me.")),
        ("Re: Interview", "Sure.\n\n________________________________\nFrom: Sam\nSent: Monday\nTo: Ana\n\nTuesday?\n"),
        # a forward quoted in a reply is the reply's quote
        (
            "Re: Fwd: Interview",
            "Noted.\n\nOn Mon, Sam <sam@example.net> wrote:\n> " + GMAIL_FORWARD.replace("\n", "\n> "),
        ),
        ("Interview", "Plain text that looks forward to hearing from you.\n"),
    ],
)
def test_a_reply_quote_is_not_forwarded(subject: str, body: str) -> None:
    m = parse(plain_message(subject, body))
    assert m.forwarded == ""


def test_forwarded_html_and_attached_messages() -> None:
    html = (
        "<div>See below</div><div>---------- Forwarded message ---------<br>From: <b>Ana</b> "
        "&lt;ana@corvid.example&gt;<br>Date: Mon, Mar 2, 2026<br>Subject: Interview<br>To: Sam<br></div><br>"
        "<div>Would Tuesday at 10am suit you?</div>"
    )
    m = parse(HEAD + b"Content-Type: text/html; charset=utf-8\r\n\r\n" + html.encode())
    assert m.text_from_html and m.forwarded == "Would Tuesday at 10am suit you?"
    attached = plain_message("Fwd: Interview", "see attached").replace(
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nsee attached",
        b"Content-Type: message/rfc822\r\n\r\n" + HEAD + b"\r\nTuesday at 10am?\r\n\r\nOn Mon, Sam wrote:\r\n> hi\r\n",
    )
    m = parse(attached)
    assert m.forwarded == "Tuesday at 10am?"
    assert "Tuesday at 10am?" in m.quoted


# --- replies: what is new and what is quoted (issue 14) ------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Sounds good, see you Wednesday.\n\nSent from my iPhone\n\n> On 4 May, Kim wrote:\n> Does Wed at 3 suit?",
        "Sounds good, see you Wednesday.\n\nGet Outlook for Android\n________________________________\n"
        "From: Kim Lo <kim@example.com>\nSent: Monday, 4 May 2026 10:00\nTo: Pat\nSubject: Chat\n\nDoes Wed at 3 suit?",
        "Sounds good, see you Wednesday.\n\nVon meinem iPhone gesendet\n\nAm 04.05.2026 um 10:00 schrieb Kim Lo "
        "<kim@example.com>:\n> Passt Mittwoch um 15 Uhr?",
    ],
)
def test_phone_client_line_ends_the_new_text(body: str) -> None:
    text, _, quoted = split_text(body)
    assert text == "Sounds good, see you Wednesday."
    assert "suit" in quoted or "Passt" in quoted


@pytest.mark.parametrize(
    ("head", "fields"),
    [
        ("De : Kim Lo <kim@example.fr>", "Envoyé : lundi 4 mai 2026 10:00\nÀ : Pat\nObjet : Échange"),
        ("Von: Kim Lo <kim@example.de>", "Gesendet: Montag, 4. Mai 2026 10:00\nAn: Pat\nBetreff: Gespräch"),
    ],
)
def test_french_and_german_outlook_header_blocks_start_the_quote(head: str, fields: str) -> None:
    text, _, quoted = split_text(f"Parfait, à mardi.\n\n{head}\n{fields}\n\nMardi 14h ?")
    assert text == "Parfait, à mardi."
    assert quoted.startswith(head)


@pytest.mark.parametrize(
    ("head", "fields"),
    [
        ("De: Kim Lo <kim@example.es>", "Enviado el: martes, 3 de marzo de 2026 9:12\nPara: Pat\nAsunto: Charla"),
        ("De: Kim Lo <kim@example.pt>", "Enviada: 3 de março de 2026 09:12\nPara: Pat\nAssunto: Conversa"),
        ("-----Mensaje original-----", "De: Kim Lo\nEnviado: martes 9:12\nPara: Pat"),
        ("-----Mensagem original-----", "De: Kim Lo\nData: terça-feira 9:12\nPara: Pat"),
    ],
)
def test_spanish_and_portuguese_outlook_header_blocks_start_the_quote(head: str, fields: str) -> None:
    text, _, quoted = split_text(f"Perfecto, hasta el martes.\n\n{head}\n{fields}\n\n¿Martes a las 14?")
    assert text == "Perfecto, hasta el martes."
    assert quoted.startswith(head)


def test_a_sentence_opening_with_de_is_not_a_quote() -> None:
    _, _, quoted = split_text("Hola,\nDe: nuestra parte, todo bien.\nLa entrevista es el martes.")
    assert quoted == ""


def test_spanish_and_dutch_attributions_start_the_quote() -> None:
    for line in ("El jue, 3 jul 2025 a las 9:47, Kim Lo (<kim@example.es>) escribió:",
                 "Op 3 jul. 2025 om 09:47 schreef Kim Lo <kim@example.nl>:"):
        text, _, quoted = split_text(f"Perfect, see you then.\n\n{line}\nTuesday at 11?")
        assert text == "Perfect, see you then."
        assert quoted.startswith(line)


def test_a_from_line_in_prose_is_not_a_header_block() -> None:
    body = "Von: the team, thanks for the great chat.\nWe will be in touch."
    assert split_text(body)[0] == body
