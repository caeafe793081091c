"""Who is who in an invitation: the interviewers, the contact, the agency, and the topics.

Pure, like the rest of the understanding layer. A follow-up that thanks the coordinator
"for taking the time to speak with me", or names a recruiting agency as the employer,
reads like a form; this module gives the letter what it needs to avoid both:

- **interviewers**: named in the text ("you'll meet with…", "Interviewer:", a panel, an
  agenda) or invited in the ``.ics``; never the user, and never the person who wrote or
  organised unless the text says they interview too;
- **contact**: the person who wrote (Reply-To first), as the follow-up will address them;
- **agency**: a recruiter placing the candidate at a client; the client is the company;
- **topics**: the short phrases the invitation says the interview will cover.
"""

from __future__ import annotations

import re

from daemon.model import Address, Mail, People
from daemon.understand import extract, patterns
from daemon.understand.relays import is_hiring_relay, is_noreply

MAX_INTERVIEWERS = 8
MAX_TOPICS = 5
MAX_TOPIC_WORDS = 8

# --- names ------------------------------------------------------------------------------------

_NAME_WORD = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?"
_NAME_RUN = patterns.compile(rf"^(?:Dr\.?\s+)?{_NAME_WORD}(?:\s+(?:van|de|von|da|del|le)?\s*{_NAME_WORD}){{0,2}}")
#: capitalised words that start a sentence or a title, not a name
_NOT_NAMES = frozenset(
    """
    i we you our your the a an and or with from at on in for to of please thanks thank hi hello dear
    monday tuesday wednesday thursday friday saturday sunday today tomorrow
    january february march april may june july august september october november december
    zoom google meet teams microsoft webex skype slack hangouts video phone call interview panel
    engineering engineer manager senior staff principal lead head director vp cto ceo coo cfo founder
    team recruiting recruiter talent people hr hiring coordinator product design data platform
    infrastructure backend frontend security sales marketing operations finance legal support
    technical system systems coding onsite final first second round session agenda break lunch
    """.split()
)
_TITLEISH = patterns.compile(rf"\b{extract._TITLE_NOUN}\b|\b(?:Head|VP|CTO|CEO|Founder|Partner)\b")

_MEET = patterns.compile(
    r"(?i:\b(?:you(?:'ll|’ll| will)|you are going to|you're going to|you’re going to|we'd like you to|"
    r"the (?:interview|call|conversation|panel|session) will be)\s+)?"
    r"(?i:\b(?:meet(?:ing)?|speak(?:ing)?|talk(?:ing)?|chat(?:ting)?|interview(?:ing)?|sit down)\s+with"
    r"|\binterviewed by|\bjoined by|\bpanel (?:of|with)|\binterviewers? (?:will be|are|is)"
    r"|\bconsist(?:s|ing)? of|\bwith(?=\s+(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+ *(?:\(|,|\.|and\b|&|$)))"
    r"[ \t:]*\n?[ \t]*(?P<list>[^.!?\n]*(?:\n(?![ \t]*\n)[^.!?\n]*){0,2})"
)
_AGENDA_LINE = patterns.compile(
    r"(?im)^[ \t•*·-]*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[-–—]|to)\s*\d{1,2}(?::\d{2})?\s*"
    r"(?:[ap]\.?m\.?)?[ \t:|–—-]*(?P<rest>.+)$"
)
_AGENDA_WHO = patterns.compile(r"(?:\bwith\b|[–—|]|\s-\s|\()\s*(?P<who>[A-Z][^()\n]*?)\)?\s*$")
_FIRST_PERSON_INTERVIEW = patterns.compile(
    r"(?i)\b(?:with me\b|me and\b|I(?:'ll|’ll| will| am|'m|’m) (?:be )?"
    r"(?:interviewing|your interviewer|leading|running)"
    r"|(?:I|I'd|I’d|I would|I'll|I’ll|I will) (?:like to |love to |be glad to |be happy to )?"
    r"(?:speak|talk|chat|meet) (?:with|to) you)"
)


def _names_in(chunk: str, exclude: frozenset[str]) -> list[str]:
    """The people a list like "Mira Patel (EM), Joel and Ana Ruiz, our CTO" names."""
    chunk = re.sub(r"\([^()]*\)", ",", chunk)
    out: list[str] = []
    for piece in re.split(r",|;|·|\band\b|&|/|\n|\s[-–—]\s", chunk):
        piece = piece.strip(" \t.:'\"*•")
        m = _NAME_RUN.match(piece)
        if not m:
            continue
        words = [w for w in m.group(0).split() if w.casefold() not in _NOT_NAMES and w.rstrip(".") != "Dr"]
        name = " ".join(words)
        if not words or name.casefold() in exclude or _TITLEISH.search(m.group(0)):
            continue
        if len(words) == 1 and len(piece.split()) > 3 and not piece.startswith(words[0] + ","):
            continue  # a capitalised word starting a longer phrase is not a name
        if m.group(0).split()[0].casefold() in _NOT_NAMES:
            continue
        out.append(name)
    return out


def _addr_name(a: Address) -> str:
    """A display name, or one made from "mira.patel@…"."""
    name = extract_name(a.name)
    if name:
        return name
    local = a.addr.partition("@")[0]
    parts = [p for p in re.split(r"[._-]", local) if p.isalpha()]
    if 2 <= len(parts) <= 3:
        return " ".join(p.capitalize() for p in parts)
    return ""


def extract_name(raw: str) -> str:
    """ "Patel, Mira" as "Mira Patel"; "Sam Reed | TalentBridge" as "Sam Reed"; else as given."""
    name = re.split(r"\s+(?:via|from|at|@)\s+|\s*[|(]", raw.strip().strip("\"'"), maxsplit=1)[0].strip()
    last, comma, first = name.partition(",")
    if comma and first.strip() and len(last.split()) <= 2:
        name = f"{first.strip()} {last.strip()}"
    teamish = ("team", "recruiting", "talent", "careers", "no-reply")
    if not name or "@" in name or any(w.casefold() in teamish for w in name.split()):
        return ""
    return name


def _same(a: str, b: str) -> bool:
    ka, kb = a.casefold().split(), b.casefold().split()
    if not ka or not kb:
        return False
    return ka == kb or (ka[0] == kb[0] and (len(ka) == 1 or len(kb) == 1 or ka[-1] == kb[-1]))


def contact(mail: Mail, users: frozenset[str]) -> Address | None:
    """The person who wrote: Reply-To, else From, else the calendar organizer — never a relay."""

    def person(a: Address | None) -> bool:
        return a is not None and bool(a.addr) and a.addr not in users and not is_noreply(a.addr)

    for a in mail.reply_to:
        if person(a):
            return Address(_addr_name(a), a.addr)
    if person(mail.from_) and mail.from_ is not None and not is_hiring_relay(mail.from_.addr):
        return Address(_addr_name(mail.from_), mail.from_.addr)
    for ev in mail.calendars:
        if person(ev.organizer) and ev.organizer is not None:
            return Address(_addr_name(ev.organizer), ev.organizer.addr)
    return None


def _user_names(mail: Mail, users: frozenset[str]) -> set[str]:
    names = {a.name for a in (*mail.to, *mail.cc) if a.addr in users and a.name}
    for ev in mail.calendars:
        names |= {a.name for a in ev.attendees if a.addr in users and a.name}
    greet = re.match(r"\s*(?:hi|hello|dear|hey)\s+([A-Z][a-z]+)", mail.text)
    if greet:
        names.add(greet.group(1))
    return {n for n in (extract_name(x) for x in names) if n}


def interviewers(
    mail: Mail, users: frozenset[str], writer: Address | None, firms: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """Who the user will meet, in the order the mail names them (see the module docstring)."""
    body = extract.split_signature(mail.text)[0]
    me = _user_names(mail, users)
    exclude = frozenset(w.casefold() for f in firms if f for w in (f, *f.split())) | frozenset(n.casefold() for n in me)
    found: list[str] = list(extract.interviewers(mail))
    for m in _MEET.finditer(body):
        found += _names_in(m.group("list"), exclude)
    for m in _AGENDA_LINE.finditer(body):
        w = _AGENDA_WHO.search(m.group("rest"))
        if w:
            found += _names_in(w.group("who"), exclude)
    writer_name = _addr_name(writer) if writer is not None else ""
    if writer_name and _FIRST_PERSON_INTERVIEW.search(body):
        found.insert(0, writer_name)
    organizer_addrs = {ev.organizer.addr for ev in mail.calendars if ev.organizer}
    invited: list[str] = []
    for ev in mail.calendars:
        for a in ev.attendees:
            if a.addr in users or a.addr in organizer_addrs or is_noreply(a.addr) or a.addr.startswith("room"):
                continue
            if writer is not None and a.addr == writer.addr:
                continue
            n = _addr_name(a)
            if n:
                invited.append(n)
    if (
        not found
        and not invited
        and writer_name
        and organizer_addrs
        and all(
            (ev.organizer is not None and ev.organizer.addr == (writer.addr if writer else ""))
            and not [a for a in ev.attendees if a.addr not in users and a.addr not in organizer_addrs]
            for ev in mail.calendars
        )
    ):
        # a one-to-one invite from the writer: they are the interviewer
        found.append(writer_name)
    out: list[str] = []
    for name in [*found, *invited]:
        if any(_same(name, u) for u in me) or name.casefold() in exclude:
            continue
        for i, have in enumerate(out):
            if _same(name, have):
                if len(name.split()) > len(have.split()):
                    out[i] = name  # "Mira" then "Mira Patel": keep the full name
                break
        else:
            out.append(name)
    return tuple(out[:MAX_INTERVIEWERS])


# --- agencies ---------------------------------------------------------------------------------

_ORG = r"(?P<org>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})"
_CLIENT = [
    patterns.compile(rf"\b(?:my|our) client,?\s+{_ORG}"),
    patterns.compile(rf"\bon behalf of\s+(?:my client\s+|our client\s+)?{_ORG}"),
    patterns.compile(rf"\b{_ORG},?\s+(?:is )?(?:my|our) client\b"),
    patterns.compile(rf"\b(?:hiring manager|hiring team|engineering team|team) (?:at|from) {_ORG}"),
    patterns.compile(
        rf"\b(?:interview|conversation|call|meeting) with {_ORG}(?:'s|’s)?\s+(?:for|team|hiring|engineering)"
    ),
    patterns.compile(rf"\b(?:role|position|opportunity|opening) (?:at|with) {_ORG}"),
]
_AGENCY_CUE = patterns.compile(
    r"(?i)\b(?:my client|our client|client company|on behalf of (?:my|our|a) client"
    r"|put (?:you|your (?:cv|resume|profile)) forward"
    r"|submitted your (?:cv|resume|profile)|recruitment agency|staffing (?:agency|firm)|search firm)\b"
)
_AGENCY_ORG = patterns.compile(
    r"(?i)\b(?:recruit(?:ment|ing)? (?:partners|group|agency|solutions)|staffing|talent (?:partners|solutions|search)"
    r"|search (?:partners|group)|resourcing|headhunt\w*|executive search|[a-z]+ partners)\b"
)
_ORG_STOP = frozenset(
    "The A An Our My This We I You Your Please Hi Hello Monday Tuesday Wednesday Thursday Friday".split()
)


def _org(raw: str) -> str | None:
    words = raw.split()
    while words and (words[0] in _ORG_STOP):
        words = words[1:]
    # stop at a word that starts a new clause
    keep: list[str] = []
    for w in words:
        if w in _ORG_STOP or w.casefold() in ("for", "and", "who", "to", "is", "has"):
            break
        keep.append(w)
    name = " ".join(keep).rstrip(".,")
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    return name.rstrip("'’") or None


def agency_and_client(mail: Mail, company: str | None) -> tuple[str | None, str | None]:
    """(agency, client) when a recruiter writes on a client's behalf, else (None, None)."""
    body = extract.split_signature(mail.text)[0]
    whole = "\n".join((mail.subject, mail.text, mail.signature))
    display = " ".join(a.name for a in (mail.from_, *mail.reply_to) if a is not None)
    cue = _AGENCY_CUE.search(whole) is not None
    agency_named = company if company and _AGENCY_ORG.search(company) else None
    if not cue and agency_named is None:
        return None, None
    agency = agency_named or company
    if agency is None:
        m = re.search(r"[|@]\s*(?P<o>[A-Z][\w&' ]+)$", display) or re.search(
            r"(?m)^(?:[A-Z][\w ]*, )?"
            r"(?P<o>[A-Z][\w&' ]*(?:Partners|Recruitment|Staffing|Search|Talent|Resourcing))\s*$",
            mail.signature,
        )
        agency = m.group("o").strip() if m else None
    client = None
    for text in (body, mail.subject):
        for pat in _CLIENT:
            for m in pat.finditer(text):
                name = _org(m.group("org"))
                if (
                    name
                    and (agency is None or name.casefold() not in agency.casefold())
                    and name.casefold()
                    not in (
                        "me",
                        "you",
                    )
                ):
                    client = name
                    break
            if client:
                break
        if client:
            break
    return agency, client


# --- topics ----------------------------------------------------------------------------------

_COVER = patterns.compile(
    r"(?i)\b(?:cover|covering|covers|discuss|discussing|focus(?:ed|es)? on|focusing on|talk(?:ing)? (?:about|through)"
    r"|go(?:ing)? over|dig(?:ging)? into|deep[- ]dive (?:into|on)"
    r"|walk(?:ing)? (?:us |you |me )?through|explore|exploring"
    r"|a (?:conversation|discussion|chat) (?:about|on|of)|questions (?:about|on))\b[ \t:]*"
)
_TOPIC_HEAD = patterns.compile(
    r"(?im)^[ \t]*(?:topics?|agenda|focus|format|what (?:we'll|we will) cover)[ \t]*:[ \t]*(.*)$"
)
_BULLET = patterns.compile(r"(?m)^[ \t]*(?:[-*•·]|\d+[.)])[ \t]+(.+)$")
_FILLER = patterns.compile(
    r"(?i)^(?:(?:a (?:bit|little) (?:more )?(?:about|of)|some|more about|about|briefly|in (?:more )?depth|"
    r"things like|topics like|topics such as|such as|both|also|then|first|finally|and)\s+)+"
)
_TOPIC_STOP = patterns.compile(
    r"(?i)\b(?:any questions|your questions|questions you (?:may )?have|next steps|logistics|the process|introductions?"
    r"|calendar|invite|link|zoom|video|call|time|minutes?|hour|schedule|availability)\b"
)


def _topic(raw: str, names: list[str]) -> str | None:
    t = re.sub(r"\([^()]*\)|\[[^]]*\]", "", raw)
    t = re.split(r"\s+(?:with|led by|—|–|-)\s+(?=[A-Z])|\s*[—–|]\s*|\s+-\s+", t)[0]
    t = re.split(
        r"(?i)\s+(?:so that|so we|so you|to see|to get|to understand|as well as|before|after|which|where)\b", t
    )[0]
    t = _FILLER.sub("", t.strip(" \t.,;:!*\"'")).strip(" \t.,;:")
    if not t or not any(ch.isalpha() for ch in t):
        return None
    words = t.split()
    if len(words) > MAX_TOPIC_WORDS or len(t) < 3 or _TOPIC_STOP.search(t):
        return None
    if any(n and n.split()[0] in words for n in names):
        return None
    if words[0][0].isupper() and not (len(words[0]) > 1 and words[0][1].isupper()):
        words[0] = words[0][0].lower() + words[0][1:]
    return " ".join(words)


def _split_topics(text: str) -> list[str]:
    parts = [p for p in re.split(r",|;|\band\b|\n", text) if p.strip()]
    # "... and walk us through how ...": a second verb of covering starts a new topic
    return [_COVER.sub("", p, count=1) if _COVER.match(p.strip()) else p for p in (x.strip() for x in parts)]


def topics(mail: Mail, interviewer_names: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The short phrases the invitation says the interview covers, in order."""
    body = extract.split_signature(mail.text)[0]
    names = list(interviewer_names)
    raw: list[str] = []
    consumed = 0
    for m in _COVER.finditer(body):
        if m.start() < consumed:
            continue  # "talk through X and walk us through Y": one list
        rest = body[m.end() :]
        if not rest.split("\n", 1)[0].strip() and _BULLET.match(rest.lstrip("\n").split("\n", 1)[0] + "\n"):
            block = rest[:600].lstrip("\n").split("\n\n")[0]
            raw += [b.group(1) for b in _BULLET.finditer(block + "\n")]
            consumed = m.end() + len(block)
            continue
        # one sentence, its hard-wrapped lines joined; a bullet or a blank line ends it
        rest = rest.lstrip()
        sentence = re.split(r"(?<=[.!?])\s|\n\s*\n|\n(?=[ \t]*(?:[-*•·]|\d+[.)])\s)", rest, maxsplit=1)[0]
        consumed = m.end() + len(sentence)
        raw += _split_topics(" ".join(sentence.split()))
    for m in _TOPIC_HEAD.finditer(body):
        if m.group(1).strip():
            raw += _split_topics(m.group(1))
        else:
            block = body[m.end() :].lstrip("\n").split("\n\n")[0]
            raw += [b.group(1) for b in _BULLET.finditer(block + "\n")]
    for m in _AGENDA_LINE.finditer(body):
        raw.append(m.group("rest"))
    out: list[str] = []
    for r in raw:
        t = _topic(r, names)
        if t and t.casefold() not in (o.casefold() for o in out):
            out.append(t)
    return tuple(out[:MAX_TOPICS])


# --- all of it ---------------------------------------------------------------------------------


def people(mail: Mail, company: str | None, users: frozenset[str] = frozenset()) -> tuple[People, str | None]:
    """Who is who in ``mail``, and the hiring company (the client, when an agency wrote)."""
    users = frozenset(u.lower() for u in users)
    if not users:
        # explain without a config: the invitation's addressees are the candidate
        users = frozenset(a.addr for a in mail.to if a.addr)
    writer = contact(mail, users)
    agency, client = agency_and_client(mail, company)
    hiring = client if agency else company
    names = interviewers(mail, users, writer, tuple(x for x in (agency, hiring) if x))
    if agency and writer is not None:
        # an agency recruiter arranges; the client's people interview
        wn = _addr_name(writer)
        if wn and not _FIRST_PERSON_INTERVIEW.search(mail.text):
            names = tuple(n for n in names if not _same(n, wn))
    found = People(interviewers=names, contact=writer, topics=topics(mail, names), agency=agency)
    return found, hiring
