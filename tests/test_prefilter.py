"""The header prefilter must never drop job mail, and should skip plain bulk mail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shared_data import SHARED

from daemon.understand.prefilter import PERSON, READ, SKIP, is_candidate, providers, read_persons, verdict

REPO = Path(__file__).resolve().parent.parent
CORPORA = [
    SHARED / "corpus",
    REPO / "tests" / "fixtures" / "mail",
    REPO / "tests" / "fixtures" / "heldout",
    REPO / "tests" / "fixtures" / "heldout2",
]
# every blind set: each was written without sight of the prefilter (issue 18 asks for recall
# on every labelled set; until the seventh session only the first round's were checked)
BLIND = sorted(p for p in (REPO / "tests" / "fixtures" / "blind").iterdir() if (p / "labels.jsonl").is_file())


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


def _user(corpus: Path) -> str:
    """The set's candidate: its most frequent recipient."""
    import collections
    import email
    import email.policy
    import email.utils

    count: collections.Counter[str] = collections.Counter()
    for p in corpus.glob("*.eml"):
        msg = email.message_from_bytes(_headers(p.read_bytes()), policy=email.policy.compat32)
        found = [str(v) for k in ("to", "cc") for v in msg.get_all(k, [])]
        count.update({a.lower() for _, a in email.utils.getaddresses(found) if "@" in a})
    return count.most_common(1)[0][0]


@pytest.mark.parametrize("with_user", [False, True], ids=["user-unknown", "user-known"])
@pytest.mark.parametrize("corpus", CORPORA + BLIND, ids=lambda p: p.name)
def test_every_job_message_is_a_candidate(corpus: Path, with_user: bool) -> None:
    """Invitations and reschedules from their headers alone; the rest with their application known.

    With the candidate's address known, colleagues and personal conversations are told
    apart: that must not cost a single job message either.
    """
    labels = corpus / "labels.jsonl"
    if not labels.exists():
        pytest.skip(f"{corpus} is not present")
    users = frozenset({_user(corpus)}) if with_user else frozenset()
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
    heads = {label["file"]: _headers((corpus / label["file"]).read_bytes()) for label in rows}
    # the set is one mailbox: mail read only as a person's goes through read_persons together,
    # as the runner passes a folder's
    kept = set(read_persons([(f, h) for f, h in heads.items() if verdict(h, user_addresses=users) == PERSON]))
    missed = []
    for label in rows:
        if label["category"] == "other":
            continue
        raw = (corpus / label["file"]).read_bytes()
        context: dict[str, set[str]] = {}
        if label["category"] not in ("invitation", "reschedule"):
            threads, domains = _context(raw)
            context = {"thread_ids": threads, "employer_domains": domains}
        said = verdict(heads[label["file"]], user_addresses=users, **context)  # type: ignore[arg-type]
        if said == SKIP or (said == PERSON and label["file"] not in kept):
            missed.append(label["file"])
    assert missed == []


def test_a_personal_reply_is_skipped_unless_its_thread_or_sender_is_tracked() -> None:
    reply = (
        b"From: Ben <ben@posteo.example>\r\nTo: me@example.org\r\nSubject: Re: Moving boxes\r\n"
        b"In-Reply-To: <x@example.org>\r\n\r\n"
    )
    # from a domain not known as a consumer provider, it reads as a person's mail: read, unless
    # the mailbox shows the domain to be a provider (many people write from it)
    assert verdict(reply) == PERSON
    others = [(i, reply.replace(b"ben@", f"friend{i}@".encode())) for i in range(5)]
    assert read_persons([(-1, reply), *others]) == []
    assert verdict(reply, thread_ids={"<x@example.org>"}) == READ
    assert verdict(reply, employer_domains={"posteo.example"}) == READ


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


ME = frozenset({"alex@example.com", "alex.rivera@northbeam.example"})


def test_a_colleague_is_internal_mail_whatever_it_says() -> None:
    invite = (
        b"From: Maya Kim <maya.kim@northbeam.example>\r\nTo: alex.rivera@northbeam.example\r\n"
        b"Subject: Interview loop for the backend candidate\r\nContent-Type: text/calendar\r\n\r\n"
    )
    assert is_candidate(invite)  # who the user is, unknown: read it
    assert not is_candidate(invite, user_addresses=ME)
    # a subdomain is the same organisation; a tracked thread or employer still counts
    sub = invite.replace(b"@northbeam.example>", b"@eu.northbeam.example>")
    assert not is_candidate(sub, user_addresses=ME)
    assert is_candidate(invite, user_addresses=ME, employer_domains={"northbeam.example"})
    # the user's own address is not a colleague, and a consumer provider is nobody's employer
    own = invite.replace(b"maya.kim@northbeam.example", b"alex.rivera@northbeam.example")
    assert is_candidate(own, user_addresses=ME)
    gmail = invite.replace(b"maya.kim@northbeam.example", b"maya.kim@gmail.com")
    assert is_candidate(gmail, user_addresses=ME | {"alex.r@gmail.com"})
    # an out-of-office reply is still read (as classify reads it before asking who sent it)
    ooo = invite.replace(b"Content-Type: text/calendar", b"Auto-Submitted: auto-replied")
    assert is_candidate(ooo, user_addresses=ME)


def test_a_mailing_list_is_read_only_when_it_speaks_of_an_interview() -> None:
    post = (
        b"From: Ben via berlin-python <ben@gmail.com>\r\nTo: berlin-python@python.example\r\n"
        b"Subject: [berlin-python] Meetup schedule for June\r\nList-Id: <berlin-python.python.example>\r\n\r\n"
    )
    assert not is_candidate(post)
    assert not is_candidate(post.replace(b"Meetup schedule", b"Hiring: data engineers"))
    assert is_candidate(post.replace(b"Meetup schedule for June", b"Your interview on Monday"))
    assert is_candidate(post, thread_ids={"<x@y>"}, employer_domains={"gmail.com"})


FRIEND = (
    b"From: Lena Berg <lena.berg@gmail.com>\r\nTo: Alex <alex@example.com>\r\nSubject: Re: Call this weekend?\r\n"
    b"In-Reply-To: <b2@example.com>\r\nReferences: <a1@mail.gmail.com>\r\n <b2@example.com>\r\n\r\n"
)


def test_a_reply_between_the_user_and_a_friend_needs_a_hiring_word() -> None:
    assert is_candidate(FRIEND)  # the user unknown: "call" is enough, as before
    assert not is_candidate(FRIEND, user_addresses=ME)
    for subject in (b"Re: That role at my company", b"Re: Availability next week", b"Re: Good luck with the interview"):
        assert is_candidate(FRIEND.replace(b"Re: Call this weekend?", subject), user_addresses=ME)
    # a third party in the thread (a recruiter's message, a scheduling tool) keeps it
    third = FRIEND.replace(b"<a1@mail.gmail.com>", b"<c3@acme.example>")
    assert is_candidate(third, user_addresses=ME)
    # a sender at a company's own domain is not a friend at a consumer provider
    company = FRIEND.replace(b"lena.berg@gmail.com", b"lena.berg@acme.example").replace(b"gmail.com>", b"acme.example>")
    assert is_candidate(company, user_addresses=ME)
    # not a reply by its subject, or no thread to judge by: the old rules
    assert is_candidate(FRIEND.replace(b"Subject: Re: ", b"Subject: "), user_addresses=ME)
    bare = FRIEND.split(b"In-Reply-To")[0] + b"\r\n"
    assert is_candidate(bare, user_addresses=ME)
    # a tracked thread is read whatever it says
    assert is_candidate(FRIEND, user_addresses=ME, thread_ids={"<b2@example.com>"})


ACK = (
    b"From: Nimbus Ledger <no-reply@us.greenhouse-mail.io>\r\nTo: alex@example.com\r\n"
    b"Subject: Thank you for applying to Nimbus Ledger\r\nList-Unsubscribe: <mailto:u@greenhouse-mail.io>\r\n\r\n"
)


def test_an_acknowledgement_is_read_only_for_a_tracked_company() -> None:
    assert not is_candidate(ACK)
    assert is_candidate(ACK, companies={"nimbus ledger"})  # as tracker.company_key writes it
    assert not is_candidate(ACK, companies={"nimbusworks", "ledger co"})  # whole words, in order
    assert is_candidate(ACK, thread_ids={"<x@y>"}, employer_domains={"greenhouse-mail.io"})
    for subject in (
        b"Thank you for applying to Nimbus Ledger: schedule your interview",
        b"Application received - next steps",
        b"Thanks for applying! Your coding challenge",
        b"Thank you for your application to Nimbus Ledger",  # rejections begin so too
        b"Re: Thank you for applying to Nimbus Ledger",  # a conversation
    ):
        assert is_candidate(ACK.replace(b"Thank you for applying to Nimbus Ledger", subject)), subject
    for subject in (b"Application received: Data Engineer", b"We've received your application"):
        assert not is_candidate(ACK.replace(b"Thank you for applying to Nimbus Ledger", subject)), subject


def test_the_tracker_writes_company_names_as_the_prefilter_reads_them() -> None:
    from daemon.followup.tracker import company_key

    assert company_key("Nimbus Ledger, Inc.") == "nimbus ledger"
    assert company_key("Greenhouse") == ""
    assert is_candidate(ACK, companies={company_key("Nimbus Ledger Inc")})


ME2 = frozenset({"alex@example.com"})


def _mail(sender: str, subject: str, extra: str = "") -> bytes:
    return f"From: {sender}\r\nTo: Alex <alex@example.com>\r\nSubject: {subject}\r\n{extra}\r\n".encode()


def test_a_person_at_an_outside_organisation_is_read_whatever_the_subject() -> None:
    """Recruiters write "Coffee", a place or a job title alone: no word list finds those."""
    for subject in ("Coffee", "Houston site", "Harrow & Lindqvist", "Maintenance Electrician - Retail"):
        assert verdict(_mail("Eleanor Voss <evoss@harrowgate.example>", subject), user_addresses=ME2) == PERSON
        assert is_candidate(_mail("Eleanor Voss <evoss@harrowgate.example>", subject), user_addresses=ME2)
    # not a person: a function's mailbox, a no-reply one, an automated message, bulk without a person
    assert verdict(_mail("Bank <alerts@bank.example>", "Coffee"), user_addresses=ME2) == SKIP
    assert verdict(_mail("Shop <orders@shop.example>", "Your order"), user_addresses=ME2) == SKIP
    assert verdict(_mail("X <no-reply@x.example>", "Coffee"), user_addresses=ME2) == SKIP
    generated = _mail("Eleanor Voss <evoss@harrowgate.example>", "Coffee", "Auto-Submitted: auto-generated\r\n")
    assert verdict(generated, user_addresses=ME2) == SKIP
    # a friend at a consumer provider needs a word, as before; so does a colleague
    assert verdict(_mail("Ben <ben@gmail.com>", "Coffee"), user_addresses=ME2) == SKIP
    assert verdict(_mail("Ben <ben@example.com>", "Coffee"), user_addresses=ME2) == SKIP
    # a recruiter's sequence through a sourcing tool carries an unsubscribe link, and is read
    unsubscribe = "List-Unsubscribe: <https://t.example/u>\r\n"
    sequence = _mail("Priya V <priya.v@tessellate.example>", "Danielle - PMM at Tessellate?", unsubscribe)
    assert verdict(sequence, user_addresses=ME2) == PERSON
    # a booking page's confirmation answers to the person who booked it
    reply_to = "Reply-To: Ines <ines@quill.example>\r\n"
    booked = _mail("SavvyCal <notifications@savvycal.example>", "Confirmed: walkthrough", reply_to)
    assert verdict(booked, user_addresses=ME2) == PERSON


def test_a_domain_many_people_write_from_is_a_mail_provider() -> None:
    friends = [(i, _mail(f"F{i} <friend{i}@isp.example>", "Dinner?")) for i in range(6)]
    recruiter = (99, _mail("Eleanor Voss <evoss@harrowgate.example>", "Coffee"))
    colleagues = [(100 + i, _mail(f"H{i} <h{i}@harrowgate.example>", "Coffee")) for i in range(2)]
    assert read_persons([*friends, recruiter, *colleagues]) == [99, 100, 101]
    assert read_persons(friends[:4]) == [0, 1, 2, 3]  # four people: not yet a provider
    assert providers([f"friend{i}@mail.isp.example" for i in range(5)]) == {"isp.example"}


def test_forwards_and_platform_messages_are_read() -> None:
    # a friend passing a job lead on from a consumer address; a placement cell; a colleague
    assert verdict(_mail("Rudy <rudy.s@gmail.com>", "Fwd: PM - Daniel"), user_addresses=ME2) == READ
    assert verdict(_mail("JP <jp@example.com>", "TR: Intro"), user_addresses=ME2) == READ
    assert verdict(_mail("Bot <no-reply@x.example>", "Fwd: digest"), user_addresses=ME2) == SKIP
    relayed = _mail("Courtney Blake via LinkedIn <inmail-hit-reply@linkedin.com>", "Courtney Blake sent you a message")
    assert verdict(relayed, user_addresses=ME2) == READ
    # a board we do not know by name, named after its own domain; not a stranger's "via" name
    unknown = _mail("Chiara R via ProfiLink <messages-noreply@profilink.example>", "Chiara ti ha inviato un messaggio")
    assert verdict(unknown, user_addresses=ME2) == READ
    other = _mail("Chiara R via ProfiLink <messages-noreply@mailer.example>", "Chiara ti ha inviato un messaggio")
    assert verdict(other, user_addresses=ME2) == SKIP


def test_platform_and_phone_message_notices_are_read() -> None:
    # a job board naming the person who wrote in its subject rather than a "via" name
    for subject in ("Jordan just messaged you", "Jordan sent you a new message", "New message from Bellhaven"):
        board = _mail("Jordan Pike <messages-noreply@linkedin.com>", subject, "List-Unsubscribe: <https://x>\r\n")
        assert verdict(board, user_addresses=ME2) == READ, subject
    # the same board's own mail is not read for that
    alert = _mail("LinkedIn <jobs-noreply@linkedin.com>", "25 new jobs for you", "List-Unsubscribe: <https://x>\r\n")
    assert verdict(alert, user_addresses=ME2) == SKIP
    # and a shop's "new message" is no job board's
    shop = _mail("Etsy <notifications@etsy.example>", "New message from CraftyShop", "List-Unsubscribe: <https://x>\r\n")
    assert verdict(shop, user_addresses=ME2) == SKIP
    # a text message passed on by a phone service, from a number
    sms = _mail('"(480) 555-0139" <1602.1480.x7Q@txt.voice.google.com>', "New text message from (480) 555-0139")
    assert verdict(sms, user_addresses=ME2) == READ
    voicemail = _mail("Carrier <vm@carrier.example>", "New voicemail from (602) 555-0100")
    assert verdict(voicemail, user_addresses=ME2) == READ


def test_a_calendar_answer_from_a_person_outside_is_read() -> None:
    # Google Calendar sends an interviewer's "Accepted:" as generated mail from the interviewer
    subject = "Accepted: Maren <> Ashgrove - intro @ Thu Feb 12"
    generated = _mail("Nate Okonjo <nate@ashgrovelabs.example>", subject, "Auto-Submitted: auto-generated\r\n")
    assert verdict(generated, user_addresses=ME2) == PERSON
    declined = generated.replace(b"Accepted:", b"Declined:")
    assert verdict(declined, user_addresses=ME2) == PERSON
    # other generated mail from the same address is not
    assert verdict(generated.replace(b"Accepted: ", b""), user_addresses=ME2) == SKIP
    # a friend's answer from a consumer address neither
    friend = generated.replace(b"nate@ashgrovelabs.example", b"nate.okonjo@gmail.com")
    assert verdict(friend, user_addresses=ME2) == SKIP


def test_schedule_in_a_reply_between_friends_is_not_a_hiring_word() -> None:
    club = FRIEND.replace(b"Re: Call this weekend?", b"Re: Running club schedule")
    assert not is_candidate(club, user_addresses=ME)
    assert is_candidate(club)  # the user unknown: "schedule" is enough, as before
    interview = FRIEND.replace(b"Re: Call this weekend?", b"Re: Interview schedule")
    assert is_candidate(interview, user_addresses=ME)
