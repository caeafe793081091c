"""Decide from headers alone whether a message's body is worth fetching.

Only mail that can *start* an application (an invitation, a reschedule) has to stand on
its own headers. Every other kind (a reply, a rejection, an out-of-office) matters only
to an application already tracked, and such mail is let through by its thread ids or
its employer's domains, which the runner passes in.

An initial scan looks back 90 days over mailboxes with tens of thousands of messages;
fetching every body would make it several times slower than fetching headers. This
filter must never drop job mail, so it errs towards "fetch": it only skips mail with
no sign of being about hiring, a known thread, or a known employer.

A chatty inbox (issue 18) is mostly people, not bulk mail, and three kinds of it are
skipped even when their subjects hold common words ("call", "meeting", "team"), as long as
they are in no tracked thread and from no tracked employer:

- mail from a colleague: a sender at the user's own organisation (the domain of one of the
  user's addresses, unless it is a consumer provider such as gmail.com), which
  ``classify`` calls internal mail whatever it says;
- mailing-list mail (``List-Id``), unless its subject or sender name speaks of an interview;
- a reply in a personal conversation: a ``Re:`` from an address at a consumer provider whose
  In-Reply-To and References name only messages written at the sender's or the user's own
  mail domains (two people writing to each other, no recruiter, tool or third party in the
  thread), with no hiring word (role, job, offer, availability…) in subject or sender name.
  A recruiter who answers the user's own outreach from a gmail address under a subject
  without any such word would be skipped: that is the price of this rule.

Mail written to the user by a person at an outside organisation (not a consumer provider,
not the user's own, not a role or no-reply mailbox, not bulk) is read whatever its subject
says: recruiters and hiring managers write "Houston site", "Coffee" or a job title alone,
in any language, and no list of words finds those. A friend's mail from a provider the
table of consumer providers does not know looks the same from its headers; so the runner
hands the messages read for this reason alone to :func:`providers`, and a domain from
which many different people write to the user is a mail provider, not an employer.

A reply between the user and a friend at a consumer provider is read only for a word about
a job or an interview: "schedule" or "calendar" in such a thread is about running clubs.

An application's acknowledgement ("Thank you for applying to Acme", "Application
received") is not read either, unless its subject also speaks of an interview, a test or a
decision, or names a company an application is tracked for (``companies``): it cannot
start an application, and one that is not tracked has nothing for it to change. ATS
relays send them by the hundred; they were most of what a first scan read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence, Set
from typing import TypeVar

from daemon.understand import relays
from daemon.understand.extract import FREEMAIL, academic, academic_domain, org_domain
from daemon.understand.mail import decode_bytes
from daemon.understand.timeparse import needles

# _STRONG and _WEAK are matched against lower-cased text: a case-insensitive search of
# these alternations costs three times as much, and runs on every header of a first scan.

#: words that mark hiring mail even in bulk-looking mail (ATS notifications often carry
#: List-Unsubscribe)
_STRONG = re.compile(
    r"interview|intervju|entretien|entrevista|vorstellungsgespr|screening|phone\s+screen|schedul|"
    r"invitation|calendar|candida|application|applied|recruit|talent|hiring|onsite|on-site|"
    r"job\s+offer|offer\s+letter|offer\s+of\s+employment|your\s+offer|\boffer\b.*\b(?:role|position)|"
    r"position|vacanc|next\s+steps?|out\s+of\s+(?:the\s+)?office|automatic\s+reply|auto[- ]?reply|autoreply|"
    r"abwesen|absence|vacation\s+reply|\b(?:final|first|second|third|next|technical|last)[- ]round|\bround\s+\d|"
    r"(?:technical|video|recruiter|initial|intro|culture)\s+screen\b|take[- ]home"
)
#: words common in personal hiring mail but also everywhere else; they count only for
#: mail that does not look like bulk mail
_WEAK = re.compile(
    r"meeting|\bcall\b|\bchat\b|availability|time\s*slot|appointment|cancel|postpon|reschedul|"
    r"\brole\b|opening|\bjob\b|career|\bhire\b|opportunit|\boffer\b|follow[- ]?up|decision|"
    r"engineer|developer|manager|analyst|designer|scientist|specialist|coordinator|director|intern\b|"
    r"\bteam\b|conversation|catch[- ]?up|\bmeet\b|zoom|teams|google\s+meet|webex|phone|invite|\bslots?\b|"
    r"einladung|gespräch"
)
#: of the weak words, those about a job or arranging an interview: the only ones that keep
#: a personal conversation's reply (see the module's docstring)
_HIRING = re.compile(
    r"availability|time\s*slot|\bslots?\b|appointment|cancel|postpon|reschedul|"
    r"\brole\b|opening|\bjob\b|career|\bhire\b|opportunit|\boffer\b|decision|"
    r"engineer|developer|manager|analyst|designer|scientist|specialist|coordinator|director|intern\b|"
    r"einladung|gespräch"
)
#: what a mailing list's subject must speak of to be read
_INTERVIEW = re.compile(
    r"interview|intervju|entretien|entrevista|vorstellungsgespr|screening|phone\s+screen|"
    r"(?:technical|video|recruiter|initial|intro|culture)\s+screen\b|onsite|on-site|"
    r"\b(?:final|first|second|third|next|technical|last)[- ]round|\bround\s+\d"
)
#: what keeps a reply between the user and a friend: a word about a job or an interview
#: (the strong words that tools' mail carries, "schedule", "calendar", "invitation", do not)
_TWO_PARTY = re.compile(
    _HIRING.pattern + "|" + _INTERVIEW.pattern + r"|candida|application|applied|recruit|hiring|job\s+offer|"
    r"offer\s+letter|position|vacanc|take[- ]home"
)
#: mailboxes of a function, not a person (RFC 2142's and the usual transactional ones);
#: hiring mailboxes ("careers", "recruiting", "hr") are not among them
_ROLE_LOCAL = re.compile(
    r"(?:info|information|news|newsletters?|marketing|sales|support|help|helpdesk|abuse|noc|security|"
    r"postmaster|hostmaster|webmaster|admin|alerts?|orders?|billing|invoices?|receipts?|notify|updates?|"
    r"digest|deals|offers|promo(?:tions)?|hello|hi|team|accounts?|statements?|service|customer[-_.]?service|"
    r"customercare|care|shipping|tracking|reminders?|events?|crew|coach|community|feedback|mail|email|"
    r"contact|office|reception|bookings?|reservations?|tickets?|store|shop|press|media|members?|membership|"
    r"club|subscriptions?|editors?|editorial|status|system|daemon|bot|robot)(?:[-_.+].*)?\Z",
    re.IGNORECASE,
)
#: a forwarded message's subject (Outlook writes "FW", "TR", "WG", "RV", "I" in its languages)
_FORWARD = re.compile(r"\s*(?:fwd?|fw|tr|wg|rv|enc|i|doorst)\s*:", re.IGNORECASE)
#: a person's message relayed by a job platform ("Dana Lee via LinkedIn")
_VIA_PLATFORM = re.compile(
    r"\bvia\s+(?:linkedin|indeed|naukri(?:gulf)?|glassdoor|ziprecruiter|seek|jobstreet|xing|wellfound|"
    r"handshake|dice|monster|stepstone|bayt|kalibrr|jobsdb|trade\s*me|welcome\s+to\s+the\s+jungle|otta)\b",
    re.IGNORECASE,
)
#: a job platform's notice that someone wrote to the user, the person named only in the
#: subject or the display name ("Jordan sent you a new message", "New message from Acme")
_MESSAGE_NOTICE = re.compile(
    r"\b(?:sent you (?:a |an )?(?:new )?(?:message|inmail|note|reply)|(?:just )?messaged you|"
    r"new (?:inmail|messages?|reply) from|replied to (?:you|your (?:message|application))|wrote to you)\b",
    re.IGNORECASE,
)
#: words one of which every match of _MESSAGE_NOTICE holds (a substring test spares the regex)
_NOTICE_WORDS = ("messag", "inmail", "note", "repl", "wrote")
#: a phone's text or voice message passed on by mail (Google Voice, a carrier's gateway): a
#: person's message like any other, often a recruiter's text
_PHONE_RELAY = re.compile(r"\b(?:text|sms|mms|voice) message from\b|\bvoicemail from\b", re.IGNORECASE)
#: a calendar's notice of a person's answer to a meeting or change to it, sent as generated mail
#: on their behalf ("Accepted: …", "Declined: …", "Updated invitation: …")
_CALENDAR_NOTICE = re.compile(
    r"\s*(?:accepted|declined|tentative(?:ly accepted)?|updated invitation|invitation|"
    r"cancell?ed(?: event)?|new event)(?: with note)?\s*:",
    re.IGNORECASE,
)
#: a post named in a subject: read even from a colleague (see verdict)
_OFFERED_POST = re.compile(r"\b(?:position|opening|vacanc(?:y|ies)|assistantship|internship)\b")
T = TypeVar("T")

#: how many different people must write from one domain before it counts as a mail provider
PROVIDER_PEOPLE = 5
_AUTO_REPLY = re.compile(r"auto-replied|auto_reply|autoreply|auto-reply", re.IGNORECASE)
#: the subject of an application's acknowledgement, from its start ("Thanks for applying to
#: Acme!", "Application received: Data Engineer"); "thank you for your application/interest"
#: is not one: rejections begin so too
_ACK = re.compile(
    r"\s*(?:thanks|thank\s+you)(?:\s+so\s+much)?\s+for\s+applying\b|"
    r"\s*(?:your\s+)?application\s+(?:received|confirmation|confirmed|submitted)\b|"
    r"\s*we(?:'ve|’ve|\s+have)\s+received\s+your\s+application\b|"
    r"\s*your\s+application\s+(?:has\s+been|was)\s+(?:received|submitted)\b",
    re.IGNORECASE,
)
#: words that make an acknowledgement's subject worth reading after all
_ACK_VETO = re.compile(
    r"interview|intervju|entretien|entrevista|gespr|screen|schedul|invit|next\s+steps?|assessment|\btest|"
    r"challenge|exercise|availab|slot|\bbook|\bcall\b|\bchat\b|\bmeet|round|onsite|on-site|offer|unfortunately|"
    r"update|status|decision|regret|outcome|result|feedback",
    re.IGNORECASE,
)
_NON_WORD = re.compile(r"[^\w]+")


def _words(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of ``rx`` contains (None: no such list)."""
    found = needles(rx, exact=True)
    if found is None:
        return None
    # a word that contains another is present whenever that one is: only the other is kept
    return tuple(sorted(w for w in found if not any(o != w and o in w for o in found)))


# Most subjects hold none of these words: a few substring tests then spare the regex,
# which tries its long alternation at every position (about 8 us a subject).
_STRONG_WORDS = _words(_STRONG)
_WEAK_WORDS = _words(_WEAK)
_HIRING_WORDS = _words(_HIRING)
_INTERVIEW_WORDS = _words(_INTERVIEW)
_TWO_PARTY_WORDS = _words(_TWO_PARTY)


def _search(rx: re.Pattern[str], words: tuple[str, ...] | None, text: str) -> bool:
    if words is not None and not any(w in text for w in words):
        return False
    return rx.search(text) is not None


def _decoded(value: object) -> str:
    text = str(value or "")
    if "=?" not in text:
        return text
    from email.header import decode_header

    try:
        return "".join(
            decode_bytes(chunk, cs) if isinstance(chunk, bytes) else chunk for chunk, cs in decode_header(text)
        )
    except Exception:
        return text


_WANTED = frozenset(
    {
        "from", "reply-to", "sender", "to", "cc", "bcc", "subject", "in-reply-to", "references",
        "list-unsubscribe", "list-id", "precedence", "auto-submitted", "x-autoreply", "x-autorespond",
        "content-type",
    }
)  # fmt: skip
#: every header field :func:`is_candidate` reads: all a connector need fetch for it
HEADER_FIELDS: tuple[str, ...] = tuple(sorted(_WANTED))
_DOMAIN = re.compile(r"@([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)")
_ANGLE = re.compile(r"<[^<>]*>|\S+@\S+")
_ADDR = re.compile(r"[^\s<>\"',;:()]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
_MSGID = re.compile(r"<[^<>\s]+>")
_REPLY_PREFIX = re.compile(r"\s*(?:re|aw|sv|vs|antw|r|ref|rif|odp|res)\s*(?:\[\d+\])?\s*:", re.IGNORECASE)
_REFS = re.compile(rb"\n(?:in-reply-to|references)[ \t]*:(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _own_orgs(user_addresses: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The user's organisations (``classify``'s internal mail) and every org of the user's addresses."""
    orgs = frozenset(org_domain(a.rpartition("@")[2]) for a in user_addresses if "@" in a)
    # a school's mail to its student is read (its placement cell passes employers' mail on)
    return frozenset(o for o in orgs - FREEMAIL if not academic(o)), orgs


_org = functools.lru_cache(maxsize=4096)(org_domain)


def _from_user(value: str, user_addresses: frozenset[str]) -> bool:
    found = _ADDR.search(value)
    return found is not None and found.group(0).lower() in user_addresses


def _names_one(companies: Set[str], text: str) -> bool:
    """Whether ``text`` holds one of ``companies`` as a run of whole words (normalised as
    ``tracker.company_key`` does); a set lookup per run, whatever the number of companies."""
    if not companies:
        return False
    words = _NON_WORD.sub(" ", text.casefold()).split()
    for i in range(len(words)):
        for j in range(i + 1, min(i + 7, len(words) + 1)):
            if " ".join(words[i:j]) in companies:
                return True
    return False


def _two_party(header_bytes: bytes, sender_org: str, user_orgs: frozenset[str]) -> bool:
    """True when In-Reply-To/References name messages, all made at the sender's or the user's domains."""
    refs = " ".join(v.decode("ascii", "replace") for v in _REFS.findall(b"\n" + _head(header_bytes)))
    ids = _MSGID.findall(refs)
    if not ids:
        return False
    for mid in ids:
        at = mid.rfind("@")
        org = _org(mid[at + 1 : -1].lower()) if at > 0 else ""
        if org != sender_org and org not in user_orgs:
            return False
    return True


def _fields_rx(names: frozenset[str]) -> re.Pattern[bytes]:
    # Anchored on a newline rather than ``^`` with MULTILINE: the regex engine then jumps
    # from newline to newline instead of trying the alternation at every byte of the block.
    return re.compile(
        rb"\n(" + b"|".join(n.encode() for n in sorted(names)) + rb")[ \t]*:(.*(?:\r?\n[ \t].*)*)",
        re.IGNORECASE,
    )


_FIELDS = _fields_rx(_WANTED)
# Inbound mail is judged by its senders, and by its thread only once applications exist:
# a first scan need not collect the To, Cc and References of every message.
_INBOUND = _WANTED - {"to", "cc", "bcc", "in-reply-to", "references"}
_FIELDS_INBOUND = _fields_rx(_INBOUND)
_FIELDS_INBOUND_THREADS = _fields_rx(_INBOUND | {"in-reply-to", "references"})
_FOLD = re.compile(rb"\r?\n[ \t]+")
_NAMES = {n.encode(): n for n in _WANTED} | {n.title().encode(): n for n in _WANTED}


def _head(header_bytes: bytes) -> bytes:
    end = header_bytes.find(b"\n\r\n")
    if end < 0:
        end = header_bytes.find(b"\n\n")
    return header_bytes if end < 0 else header_bytes[: end + 1]


def _fields(header_bytes: bytes, rx: re.Pattern[bytes] = _FIELDS) -> dict[str, list[str]]:
    """The few fields the filter reads, unfolded; far cheaper than a full header parse.

    This runs once per message of a first scan (tens of thousands), so one regex pass
    over the header block replaces building an email.message for each.
    """
    block = b"\n" + _head(header_bytes)
    out: dict[str, list[str]] = {}
    for name, value in rx.findall(block):
        if b"\n" in value:
            value = _FOLD.sub(b" ", value)
        key = _NAMES.get(name) or name.decode("ascii").lower()
        out.setdefault(key, []).append(value.strip().decode("utf-8", "replace"))
    return out


#: what :func:`verdict` says of a message
SKIP, READ, PERSON = "skip", "read", "person"


def is_candidate(
    header_bytes: bytes,
    *,
    outbound: bool = False,
    thread_ids: Set[str] = frozenset(),
    employer_domains: Set[str] = frozenset(),
    user_addresses: frozenset[str] = frozenset(),
    companies: Set[str] = frozenset(),
) -> bool:
    """True unless the headers show the message cannot matter to any application.

    ``user_addresses`` (lower-cased) tell colleagues and the user's side of a personal
    conversation apart; without them neither kind is skipped. ``companies`` are the
    tracked applications' company names as ``tracker.company_key`` writes them.
    """
    return (
        verdict(
            header_bytes,
            outbound=outbound,
            thread_ids=thread_ids,
            employer_domains=employer_domains,
            user_addresses=user_addresses,
            companies=companies,
        )
        != SKIP
    )


def verdict(
    header_bytes: bytes,
    *,
    outbound: bool = False,
    thread_ids: Set[str] = frozenset(),
    employer_domains: Set[str] = frozenset(),
    user_addresses: frozenset[str] = frozenset(),
    companies: Set[str] = frozenset(),
) -> str:
    """:data:`READ`, :data:`SKIP`, or :data:`PERSON`: read it unless the sender's domain is
    among the :func:`providers` of the mail read for this reason alone."""
    h = _fields(header_bytes, _FIELDS if outbound else _FIELDS_INBOUND_THREADS if thread_ids else _FIELDS_INBOUND)

    def first(name: str) -> str:
        values = h.get(name)
        return values[0] if values else ""

    if thread_ids:
        refs = first("in-reply-to") + " " + first("references")
        if any(mid in thread_ids for mid in re.findall(r"<[^<>\s]+>", refs)):
            return READ
    people = " ".join(
        v for k in (("to", "cc", "bcc") if outbound else ("from", "reply-to", "sender")) for v in h.get(k, ())
    )
    domains = {d.lower().rstrip(".") for d in _DOMAIN.findall(people)}
    if employer_domains and any(
        d in employer_domains or any(d.endswith("." + e) for e in employer_domains) for d in domains
    ):
        return READ
    if outbound:
        # the user's own mail matters only to an application we already track
        return SKIP
    subject = _decoded(first("subject"))
    # the sender's display name, not its address: "offers@shop" says nothing about hiring
    names = _ANGLE.sub(" ", _decoded(" ".join(h.get("from", ()))))
    if _ACK.match(subject) and not _ACK_VETO.search(subject) and not _names_one(companies, f"{subject} {names}"):
        return SKIP  # an acknowledgement, of no tracked application
    if any(relays.is_hiring_relay(d) for d in domains):
        return READ
    low_subject = subject.lower()
    if ("message from" in low_subject or "voicemail" in low_subject) and _PHONE_RELAY.search(subject):
        return READ
    auto = first("auto-submitted") + " " + first("precedence")
    if _AUTO_REPLY.search(auto) or "x-autoreply" in h or "x-autorespond" in h:
        return READ  # an out-of-office reply may defer a follow-up
    internal, user_orgs = _own_orgs(user_addresses) if user_addresses else (frozenset(), frozenset())
    sender = _ADDR.search(first("from"))
    sender_addr = sender.group(0).lower().rstrip(".") if sender else ""
    sender_org = _org(sender_addr.rpartition("@")[2]) if sender else ""
    if _FORWARD.match(subject) and _person(sender_addr) and sender_addr not in user_addresses:
        return READ  # a person passing mail on: a friend's job lead, a placement cell, a partner
    if (
        user_addresses
        and sender_org in internal
        and sender_addr not in user_addresses
        and not academic_domain(sender_addr.rpartition("@")[2])
        # a post offered to the user ("URA position - Winter 2026" from a professor at the
        # student's own school, which its domain does not show to be one)
        and not _OFFERED_POST.search(low_subject)
    ):
        return SKIP  # a colleague: internal mail, whatever it says (as classify decides)
    if "calendar" in first("content-type").lower():
        return READ
    text = f"{subject}\n{names}".lower()
    if first("list-id"):
        return READ if _search(_INTERVIEW, _INTERVIEW_WORDS, text) else SKIP
    via = " via " in names or " Via " in names
    if via and (_VIA_PLATFORM.search(names) or relays.via_own_board(names, sender_org)):
        return READ  # a person's message through a job platform: recruiters write so
    if (
        any(w in low_subject for w in _NOTICE_WORDS)
        and relays.relay_for_domain(sender_org) in relays.JOB_BOARDS
        and _MESSAGE_NOTICE.search(subject)
    ):
        return READ  # the same, the platform naming the person in the subject instead
    if (
        user_orgs
        and sender_org in FREEMAIL
        and _REPLY_PREFIX.match(subject)
        and _two_party(header_bytes, sender_org, user_orgs)
    ):
        # a reply between the user and a friend: only a word about a job makes it worth reading
        return READ if _search(_TWO_PARTY, _TWO_PARTY_WORDS, text) else SKIP
    if _search(_STRONG, _STRONG_WORDS, text):
        return READ
    bulk = bool(first("list-unsubscribe")) or first("precedence").strip().lower() in ("bulk", "list", "junk")
    if not bulk and _search(_WEAK, _WEAK_WORDS, text):
        return READ
    # a person's calendar answering for them is generated mail from that person
    generated = first("auto-submitted").strip().lower() not in ("", "no")
    generated = generated and not _CALENDAR_NOTICE.match(subject)
    if generated or sender_org in FREEMAIL or sender_org in user_orgs or relays.relay_for_domain(sender_org):
        return SKIP
    if _person(sender_addr):
        # a person at an outside organisation: a recruiter's "Coffee" has no word to find;
        # a sourcing tool's sequence comes from the recruiter's own address, unsubscribe link
        # and all
        return PERSON
    # a tool's mail on a person's behalf (a booking page's confirmation) answers to that person
    reply_to = _ADDR.search(" ".join(h.get("reply-to", ())))
    if not bulk and reply_to is not None:
        addr = reply_to.group(0).lower().rstrip(".")
        org = _org(addr.rpartition("@")[2])
        if _person(addr) and org not in FREEMAIL and org not in user_orgs and addr not in user_addresses:
            return PERSON
    return SKIP


@functools.lru_cache(maxsize=4096)
def _person(addr: str) -> bool:
    """Whether an address reads as a person's mailbox (not no-reply, not a function's)."""
    local = addr.partition("@")[0]
    return bool(local) and not relays.is_noreply(addr) and _ROLE_LOCAL.match(local) is None


def sender(header_bytes: bytes) -> str:
    """The message's From address, lower-cased ("" when it has none)."""
    h = _fields(header_bytes, _FIELDS_INBOUND)
    found = _ADDR.search(h.get("from", [""])[0])
    return found.group(0).lower().rstrip(".") if found else ""


def read_persons(persons: Sequence[tuple[T, bytes]]) -> list[T]:
    """Of the messages :func:`verdict` called :data:`PERSON` (their keys and header blocks),
    those to read: all but the ones from a domain many different people write from."""
    senders = [sender(header) for _, header in persons]
    skip = providers(senders)
    return [key for (key, _), addr in zip(persons, senders, strict=True) if _org(addr.rpartition("@")[2]) not in skip]


def providers(senders: Iterable[str]) -> frozenset[str]:
    """The organisation domains from which at least :data:`PROVIDER_PEOPLE` different addresses
    wrote: mail providers (an ISP's, a small country's webmail), not employers. ``senders``
    are the From addresses of the mail :func:`verdict` read only as a person's."""
    people: dict[str, set[str]] = {}
    for addr in senders:
        addr = addr.lower()
        if "@" in addr:
            people.setdefault(_org(addr.rpartition("@")[2]), set()).add(addr)
    return frozenset(org for org, who in people.items() if len(who) >= PROVIDER_PEOPLE)
