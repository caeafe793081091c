"""The header prefilter must never drop job mail, and should skip plain bulk mail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shared_data import SHARED

from daemon.understand.prefilter import is_candidate

REPO = Path(__file__).resolve().parent.parent
CORPORA = [
    SHARED / "corpus",
    REPO / "tests" / "fixtures" / "mail",
    REPO / "tests" / "fixtures" / "heldout",
    REPO / "tests" / "fixtures" / "heldout2",
]


def _headers(raw: bytes) -> bytes:
    for sep in (b"\r\n\r\n", b"\n\n"):
        if sep in raw:
            return raw.split(sep, 1)[0] + sep
    return raw


def _context(raw: bytes) -> tuple[set[str], set[str]]:
    """The thread ids and employer domains the runner knows once the application is tracked."""
    import email
    import email.policy
    import email.utils
    import re

    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    refs = " ".join(str(msg.get(k, "")) for k in ("in-reply-to", "references"))
    people = [str(v) for k in ("from", "reply-to") for v in msg.get_all(k, [])]
    domains = {a.rpartition("@")[2].lower() for _, a in email.utils.getaddresses(people) if "@" in a}
    return set(re.findall(r"<[^<>\s]+>", refs)), domains


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_every_job_message_is_a_candidate(corpus: Path) -> None:
    """Invitations and reschedules from their headers alone; the rest with their application known."""
    labels = corpus / "labels.jsonl"
    if not labels.exists():
        pytest.skip(f"{corpus} is not present")
    missed = []
    for line in labels.read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        if label["category"] == "other":
            continue
        raw = (corpus / label["file"]).read_bytes()
        if label["category"] in ("invitation", "reschedule"):
            ok = is_candidate(_headers(raw))
        else:
            threads, domains = _context(raw)
            ok = is_candidate(_headers(raw), thread_ids=threads, employer_domains=domains)
        if not ok:
            missed.append(label["file"])
    assert missed == []


def test_a_personal_reply_is_skipped_unless_its_thread_or_sender_is_tracked() -> None:
    reply = (
        b"From: Ben <ben@posteo.example>\r\nTo: me@example.org\r\nSubject: Re: Moving boxes\r\n"
        b"In-Reply-To: <x@example.org>\r\n\r\n"
    )
    assert not is_candidate(reply)
    assert is_candidate(reply, thread_ids={"<x@example.org>"})
    assert is_candidate(reply, employer_domains={"posteo.example"})


NEWSLETTER = (
    b"From: Deals <deals@shop.example>\r\nTo: me@example.org\r\nSubject: 40% off winter coats\r\n"
    b"List-Unsubscribe: <mailto:u@shop.example>\r\nDate: Mon, 02 Mar 2026 10:00:00 +0000\r\n\r\n"
)


def test_plain_bulk_mail_is_skipped() -> None:
    assert not is_candidate(NEWSLETTER)


def test_known_thread_or_employer_domain_makes_any_mail_a_candidate() -> None:
    reply = NEWSLETTER.replace(b"Subject: 40% off winter coats", b"Subject: quick question\r\nIn-Reply-To: <a@b>")
    assert is_candidate(reply, thread_ids={"<a@b>"})
    assert is_candidate(NEWSLETTER, employer_domains={"shop.example"})


def test_the_users_sent_mail_matters_only_for_tracked_employers() -> None:
    sent = b"From: me@example.org\r\nTo: Dana <dana@acme.example>\r\nSubject: Thank you\r\n\r\n"
    assert not is_candidate(sent, outbound=True)
    assert is_candidate(sent, outbound=True, employer_domains={"acme.example"})


def test_encoded_word_subjects_are_decoded_before_matching() -> None:
    assert is_candidate(b"Subject: =?utf-8?q?Vorstellungsgespr=C3=A4ch_am_Montag?=\r\n\r\n")
    assert not is_candidate(b"Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe_aus_Berlin?=\r\n\r\n")
