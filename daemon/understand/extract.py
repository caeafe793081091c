"""What a hiring message is about: company, role, round, interviewers, employer identity.

Everything here works from a parsed :class:`~daemon.model.Mail` and is pure. The
company is read from the wording (sign-offs, "the X role at Y", subjects, a relay's
display name) and cross-checked against the sender's own domains; an ATS or
scheduling relay is evidence about *how* the mail came, never *who* is hiring.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from daemon.model import SCHEDULING, Address, Category, Classification, Mail, Round
from daemon.understand import patterns
from daemon.understand.relays import HIRING_RELAYS, RELAY_DOMAINS, is_noreply, relay_for_domain
from daemon.understand.timeparse import needles

#: consumer mail providers: a domain that says nothing about an employer
FREEMAIL = frozenset(
    """gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.co.in ymail.com hotmail.com
    hotmail.co.uk outlook.com live.com msn.com icloud.com me.com mac.com aol.com proton.me
    protonmail.com pm.me gmx.com gmx.de gmx.net web.de mail.com yandex.com yandex.ru
    fastmail.com fastmail.fm hey.com zoho.com tutanota.com qq.com 163.com naver.com
    rediffmail.com t-online.de orange.fr free.fr btinternet.com comcast.net verizon.net
    att.net sbcglobal.net
    eircom.net sky.com virginmedia.com talktalk.net blueyonder.co.uk ntlworld.com
    bigpond.com bigpond.net.au optusnet.com.au iinet.net.au xtra.co.nz shaw.ca rogers.com
    sympatico.ca videotron.ca telus.net cox.net charter.net earthlink.net bellsouth.net
    hotmail.fr live.fr laposte.net sfr.fr wanadoo.fr libero.it virgilio.it tiscali.it alice.it
    hotmail.it yahoo.fr yahoo.de yahoo.es yahoo.it yahoo.com.br hotmail.es outlook.es
    terra.com.br uol.com.br bol.com.br ig.com.br prodigy.net.mx hotmail.com.mx yahoo.com.mx
    seznam.cz wp.pl o2.pl onet.pl interia.pl mail.ru bk.ru list.ru inbox.ru ziggo.nl
    kpnmail.nl home.nl planet.nl hetnet.nl telenet.be skynet.be bluewin.ch gmx.ch gmx.at
    aon.at freenet.de arcor.de yahoo.co.jp 126.com sina.com daum.net hanmail.net
    yahoo.com.sg singnet.com.sg yahoo.com.au live.com.au outlook.com.au live.co.uk
    hotmail.de outlook.de yahoo.ca hotmail.ca""".split()
)

#: second-level labels under which registrable domains sit one level deeper (acme.co.uk)
_SECOND_LEVEL = frozenset("co com net org gov ac edu ltd plc ne or go gob nic".split())

_RELAY_BRANDS = frozenset(b.lower() for b in RELAY_DOMAINS.values())
_RELAY_SQUASHED = frozenset(re.sub(r"[^a-z0-9]", "", b) for b in _RELAY_BRANDS)

# Title-case name of an organisation as written in prose: "Ormond & Pike Consulting".
_ORG_WORD = r"(?:[A-Z][\w'’.-]*[\w]|[A-Z]|&)"
_ORG = rf"({_ORG_WORD}(?:[ \t]+(?:{_ORG_WORD}|of|and|de|du|la|the|für)){{0,5}})"

_COMPANY_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (patterns.compile(p), w)
    for p, w in (
        # "the Backend Engineer role at Acme", "interview with Acme"
        (
            rf"\b(?:position|role|opening|job|opportunity|interview|onsite|on-site|call|screen|"
            rf"chat|team|career|careers|journey|process|candidacy)\s+(?:at|with)\s+{_ORG}",
            3,
        ),
        (
            rf"\b(?:interest in|applying to|applied to|application to|application at|"
            rf"Greetings from|on behalf of|everyone at|joining|welcome to|here at)\s+{_ORG}",
            3,
        ),
        (rf"\b(?:[Ii]nterest in joining|[Ii]nterest in working at)\s+{_ORG}", 3),
        # sign-off lines: "Senior Recruiter | Acme", "Talent Acquisition, Acme"
        (
            rf"(?m)^[^\n|]{{0,60}}(?:Recruit\w*|Talent[\w ]*|Coordinator|Partner|Manager|Lead|"
            rf"Sourcer|HR|People[\w ]*|Specialist|Director|Engineer|Head of [\w ]+|Analytics|"
            rf"Acquisition|Gameplay)\s*[|,·@–—-]\s*{_ORG}[ \t]*$",
            3,
        ),
        (rf"(?m)^[^\n|·]{{2,60}}[ \t][|·][ \t]*{_ORG}[ \t]*$", 2),
        (rf"\bthe[ \t]+{_ORG}[ \t]+(?:recruiting|talent|hiring|people)[ \t]+team\b", 3),
        (
            rf"(?m)^[ \t]*(?:The[ \t]+)?{_ORG}[ \t]+(?:Talent Acquisition|Recruiting(?: Team)?|"
            rf"Talent(?: Team)?|Careers|Hiring Team|HR|People Team|Recruitment)\b",
            3,
        ),
        (rf"(?m)^[ \t]*Team[ \t]+{_ORG}[ \t]*$", 2),
        (rf"(?m)^\W*[Cc]ompany:\s*{_ORG}", 4),
    )
)
_SUBJECT_COMPANY: tuple[re.Pattern[str], ...] = tuple(
    patterns.compile(p)
    for p in (
        rf"\b(?:at|with|from)\s+{_ORG}\s*(?:[–—|:!-]|$)",
        rf"(?:^|[|–—]\s*|\s-\s){_ORG}\s*(?:[|–—]|\s-\s|:|$)",
    )
)
_STOP_COMPANY = frozenset(
    """hi hello dear thanks thank the a an our your my we you i it this that team interview
    interviews date time location when where zoom google microsoft teams meet phone video
    re fw fwd aw next steps update confirmed confirmation invitation invite scheduled
    technical final first round onsite virtual candidate home careers recruiting talent
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december pst pdt est edt et pt ct mt
    utc gmt cet bst ist senior staff principal please good best regards cheers warmly
    hiring manager engineering product sincerely phone screen offer letter""".split()
)
_COMPANY_NEEDLES = tuple(needles(p, exact=True) for p, _ in _COMPANY_PATTERNS)
# What a sign-off or a subject can put where a company goes, and never is one: a department
# ("Talent Partner, People & Culture") or a job title ("Subject: Data Platform Engineer").
_NOT_AN_ORG = patterns.compile(
    r"(?i)^(?:people(?:\s*(?:&|and)\s*culture|\s+operations|\s+team|\s+ops)?|human\s+resources|hr|"
    r"talent(?:\s+acquisition|\s+team)?|recruit(?:ing|ment)(?:\s+team)?|hiring\s+team|careers?)$"
    r"|(?:^|\s)(?:engineer|developer|scientist|analyst|manager|designer|architect|specialist|consultant|"
    r"administrator|researcher|technician|intern|accountant|coordinator|recruiter|programmer|tester)"
    r"(?:\s+(?:i{1,3}|iv|[1-5]))?$"
)
_LEGAL_TAIL = patterns.compile(r"[\s,]+(?:Pvt|Private|Ltd|Limited|LLP|LLC|Inc|Corp|plc)\.?$")


def _may_match(words: frozenset[str] | None, text: str) -> bool:
    """Can a case-sensitive pattern whose every match holds one of ``words`` (see
    timeparse.needles with ``exact``) match ``text``?

    A substring test is far cheaper than running the pattern on text where it cannot match.
    """
    return words is None or any(w in text for w in words)


#: a school's or university's registrable domain: "mit.edu", "nits.edu.in", "ox.ac.uk"
_ACADEMIC = patterns.compile(r"(?:^|\.)(?:edu|ac)(?:\.[a-z]{2})?$")


def academic(org: str) -> bool:
    """Whether ``org`` (an ``org_domain``) is a school's: a student's own school forwards
    employers' mail (its placement cell, its careers office), which is not a colleague's."""
    return _ACADEMIC.search(org) is not None


#: a school's student service named in a sender's subdomain ("coopconnect.grandriveru.ca",
#: "careers.school.ca", "placement.iitb.ac.in"): the school, whatever its own domain looks like
_STUDENT_SERVICE = patterns.compile(r"(?:co-?op|career|placement|student|alumni|registrar)")


def academic_domain(domain: str) -> bool:
    """Whether a sender's domain is a school's: its organisation is (``academic``), or the part
    before its organisation names a student service."""
    d = domain.lower().strip(".")
    org = org_domain(d)
    return academic(org) or _STUDENT_SERVICE.search(d[: max(0, len(d) - len(org))]) is not None


def org_domain(domain: str) -> str:
    """The registrable part of a domain: mail.eu.acme.com -> acme.com, x.acme.co.uk -> acme.co.uk."""
    labels = [x for x in domain.lower().strip(".").split(".") if x]
    if len(labels) <= 2:
        return ".".join(labels)
    if labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


_NOT_ALNUM = patterns.compile(r"[^a-z0-9]")


@lru_cache(maxsize=2048)
def _squash(s: str) -> str:
    # cached: company() squashes the same capitalised words for every window and domain
    return _NOT_ALNUM.sub("", s.lower())


_TRAILING_LINK = patterns.compile(r"\s+(?:and|of|the|de|du|la|für)$")
_POSSESSIVE = patterns.compile(r"[’']s$")


def _clean_org(raw: str) -> str | None:
    name = raw.strip(" \t'’\".,;:!-–—|&")
    if _squash(name) in _RELAY_SQUASHED:
        return None
    name = _TRAILING_LINK.sub("", name)
    name = _POSSESSIVE.sub("", name)
    if not name or len(name) > 60:
        return None
    words = name.split()
    while words and words[0].lower() in _STOP_COMPANY:
        words = words[1:]
    while words and words[-1].lower() in _STOP_COMPANY | {"&"}:
        words = words[:-1]
    if not words:
        return None
    name = " ".join(words)
    if _squash(name) in _RELAY_SQUASHED or _NOT_AN_ORG.search(name):
        return None
    if len(_squash(name)) < 2:
        return None
    return name


_RUN = patterns.compile(r"(?:[A-Z][\w'’.-]*|&)(?:[ \t]+(?:[A-Z][\w'’.-]*|&|of|and)){0,6}")
_SUBJECT_PREFIX = patterns.compile(
    r"^\s*(?:(?:re|aw|fw|fwd|sv|antw|tr|out of (?:the )?office|automatic reply|auto(?:matic)?[- ]?reply|"
    r"autoreply|invitation|updated invitation|canceled event|cancelled event|accepted|declined)"
    r"(?: with note)?\s*:\s*)+",
    re.IGNORECASE,
)


def _domain_labels(domains: Iterable[str]) -> frozenset[str]:
    """The squashed names of ``domains`` that are long enough to be spelled out in words."""
    labels = {_squash(org_domain(d).split(".")[0]) for d in domains}
    return frozenset(x for x in labels if len(x) >= 4)


def _domain_windows(run: str, labels: frozenset[str]) -> list[str]:
    """Word windows of ``run`` whose letters spell a domain's name (Plover Cloud ~ plovercloud.io);
    ``labels`` come from :func:`_domain_labels`."""
    if not labels:
        return []
    words = run.split()
    squashed = [_squash(w) for w in words]
    # every window that spells a label holds it in the run's squashed letters
    joined = "".join(squashed)
    if not any(label in joined for label in labels):
        return []
    out: list[str] = []
    for i in range(len(words)):
        if not words[i][:1].isupper():
            continue
        sq = ""
        for j in range(i, min(len(words), i + 5)):
            sq += squashed[j]
            if not sq:
                continue
            for label in labels:
                if sq == label or (len(label) >= 6 and sq.startswith(label) and j > i):
                    out.append(" ".join(words[i : j + 1]))
    return out


def _domain_matches(name: str, domains: Iterable[str]) -> bool:
    """Does the company name fit one of the domains (ravenmoorsoftware.com, ormondpike.co.uk)?"""
    sq = _squash(_LEGAL_TAIL.sub("", name))
    words = [_squash(w) for w in name.split() if _squash(w)]
    for d in domains:
        label = _squash(org_domain(d).split(".")[0])
        if len(label) < 3 or not sq:
            continue
        if label == sq or (len(label) >= 5 and (sq.startswith(label) or label.startswith(sq))):
            return True
        if words and len(words[0]) >= 4 and label.startswith(words[0]):
            return True
    return False


#: how a hiring team's mailbox is named after its organisation ("Acme Talent Acquisition")
_DESK = (
    r"Talent Acquisition|Recruiting(?: Team)?|Recruitment(?: Team)?|Talent(?: Team)?|Careers|Jobs|HR|"
    r"Hiring(?: Team)?|People Team"
)


def _display_org(addr: Address | None, people: set[str]) -> str | None:
    """A relay or no-reply sender's display name when it names an organisation."""
    if addr is None or not addr.name:
        return None
    name = addr.name
    m = re.search(r"\(([^()]+)\)\s*$", name)
    if m:
        return _clean_org(m.group(1))
    via = re.match(r"(.+?)\s+via\s+\S", name, re.IGNORECASE)
    if via:
        return _clean_org(via.group(1))
    name = re.sub(rf"\s+(?:{_DESK}|People|Notifications?)$", "", name)
    if _squash(name) in people:
        return None
    return _clean_org(name)


_HIRING_DESK = patterns.compile(rf"^(.+?)\s+(?:{_DESK})$")


def _people(mail: Mail) -> set[str]:
    """Squashed names of the people involved, which must never be taken for the company."""
    out: set[str] = set()
    for a in (*mail.reply_to, *mail.to, *mail.cc):
        if a.name:
            out.add(_squash(a.name))
    for ev in mail.calendars:
        if ev.organizer and ev.organizer.name:
            out.add(_squash(ev.organizer.name))
    if mail.from_ and mail.from_.name and not is_noreply(mail.from_.addr):
        if relay_for_domain(mail.from_.domain) is None:
            out.add(_squash(mail.from_.name))
    return out


def company_domains(mail: Mail, user_addresses: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The sender side's own (non-relay, non-freemail, non-user) organisational domains."""
    user_domains = {a.rpartition("@")[2] for a in user_addresses}
    seen: dict[str, None] = {}
    addrs: list[Address] = []
    if mail.from_:
        addrs.append(mail.from_)
    addrs.extend(mail.reply_to)
    if mail.sender:
        addrs.append(mail.sender)
    for ev in mail.calendars:
        if ev.organizer:
            addrs.append(ev.organizer)
    for a in addrs:
        if not a.domain or a.addr in user_addresses:
            continue
        dom = org_domain(a.domain)
        if dom in FREEMAIL or dom in user_domains or relay_for_domain(a.domain) is not None:
            continue
        seen.setdefault(dom, None)
    return tuple(seen)


def company(mail: Mail, user_addresses: frozenset[str] = frozenset()) -> str | None:
    people = _people(mail)
    domains = company_domains(mail, user_addresses)
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}

    def vote(raw: str | None, weight: float) -> None:
        name = _clean_org(raw) if raw else None
        if not name or _squash(name) in people:
            return
        scores[name] = scores.get(name, 0.0) + weight
        first_seen.setdefault(name, len(first_seen))

    for addr in (mail.from_, mail.sender):
        if addr and (relay_for_domain(addr.domain) or is_noreply(addr.addr)):
            vote(_display_org(addr, people), 3)
        elif addr and addr.name and (desk := _HIRING_DESK.match(addr.name)):
            # "Harbour City Transit Authority Recruitment <recruitment@…>": a team's mailbox
            vote(desk.group(1), 3)
    body = "\n".join(p for p in (mail.text, mail.signature) if p)
    for (pat, weight), words in zip(_COMPANY_PATTERNS, _COMPANY_NEEDLES, strict=True):
        if not _may_match(words, body):
            continue
        for m in pat.finditer(body):
            vote(m.group(1), weight)
    subject = _SUBJECT_PREFIX.sub("", mail.subject)
    for i, pat in enumerate(_SUBJECT_COMPANY):
        for m in pat.finditer(subject):
            vote(m.group(1), 2 if i == 0 else 1.5)
    labels = _domain_labels(domains)
    if domains and labels:
        # a run of capitalised words that spells the sender's own domain names the company
        for text, dweight in ((subject, 4.0), (body, 4.0), (mail.quoted[:4000], 2.0)):
            squashed = _NOT_ALNUM.sub("", text.lower())
            if not any(label in squashed for label in labels):
                continue  # no run of its words can spell a label
            for m in _RUN.finditer(text):
                for name in _domain_windows(m.group(0), labels):
                    vote(name, dweight)
    for ev in mail.calendars[:2]:
        for pat in _SUBJECT_COMPANY:
            for m in pat.finditer(ev.summary):
                vote(m.group(1), 1)
    if not scores:
        return None
    for name in list(scores):
        if _domain_matches(name, domains):
            scores[name] += 4
        # a mention in the text makes a name more credible
        scores[name] += min(3, body.count(name) + mail.subject.count(name)) * 0.5
    best = max(scores, key=lambda n: (scores[n], -first_seen[n]))
    if scores[best] < 2.5:
        return None
    return _LEGAL_TAIL.sub("", best) if best.endswith((" Pvt. Ltd.", " Pvt Ltd")) else best


# --- role -------------------------------------------------------------------------------

_TITLE_NOUN = (
    r"(?:Engineer|Developer|Scientist|Analyst|Manager|Designer|Architect|Specialist|Consultant|"
    r"Director|Administrator|Researcher|Technician|Intern|Accountant|Coordinator|Officer|Writer|"
    r"Editor|Strategist|Programmer|SRE|Tester|Representative|Executive|Advisor|Lead|Associate|"
    r"Recruiter|Product Owner|Nurse|Teacher|Economist|Statistician|Controller|Counsel|Attorney|Planner|"
    r"Supervisor|Buyer|Generalist|Business Partner|HRBP|Paralegal|Associate Attorney|People Partner|"
    r"Talent Partner|HR Partner|"
    # media and production: "Senior Producer", "Video Editor", "Staff Photographer"
    r"Producer|Reporter|Journalist|Correspondent|Showrunner|Presenter|Videographer|Cinematographer|"
    r"Photographer|Animator|Colorist|Illustrator|Copywriter)"
)
_TITLE = (
    rf"((?:(?:[A-Z][\w+#/.&-]*|of|and|&|iOS|ML|AI)[ \t]+){{0,5}}{_TITLE_NOUN}"
    r"(?:[ \t]+(?:I{1,3}|IV|V|[1-5]))?"
    # the words after a comma belong to the title only up to a word or mark that ends it
    # (whole words: "Operations" does not end at its "at")
    r"(?:,[ \t]+(?:[A-Z][\w&-]*[ \t]?){1,3}"
    r"(?=[ \t]*(?:(?:role|position|opening|job|at|is)\b|\(|$|\n|[|–—:.]|-[ \t])))?"
    r"(?:[ \t]*\((?:[^()\d\n]{1,40})\))?)"
)
#: a job title as a subject names it: title-case words before a title noun ("Operations
#: Manager", "Senior Financial Analyst"), a title noun and its field ("Director, Finance"), or
#: "Head of X". Case matters: "the manager" or "a director's visit" is no title.
SUBJECT_TITLE = patterns.compile(
    rf"\b(?:[A-Z][\w+#/.&-]*[ \t]+(?:(?:of|and|&)[ \t]+)?){{1,4}}{_TITLE_NOUN}\b"
    rf"|\b{_TITLE_NOUN},[ \t]+[A-Z][\w&-]+"
    r"|\bHead of [A-Z][\w&+-]*"
)
#: a title the text says the candidate is considered for: "want to meet you for the interim
#: Head of Nursing", "as a Senior Planner" (case matters, as in subjects)
TITLE_IN_TEXT = patterns.compile(
    r"\b(?:for|as)\s+(?:the|a|an|our)\s+(?:(?:interim|new|permanent|acting|fixed-term|locum)\s+)?"
    rf"(?:{SUBJECT_TITLE.pattern})"
)
_ROLE_CONTEXT = tuple(
    patterns.compile(p, re.MULTILINE)
    for p in (
        rf"\b(?:the|an?|our)[ \t]+{_TITLE}[ \t]+(?:position|role|opening|job|vacancy|opportunity|"
        rf"req|requisition)\b",
        rf"\b(?:position|role|post)[ \t]+(?:of|as)[ \t]+(?:an?[ \t]+)?{_TITLE}",
        rf"\b(?:applying|applied|application)[ \t]+(?:to|for)[ \t]+(?:the[ \t]+)?{_TITLE}",
        rf"(?:^|\n)[ \t]*(?:Role|Position|Job|Job title|Stelle)[ \t]*:[ \t]*{_TITLE}",
        rf"\bfor[ \t]+(?:the[ \t]+)?{_TITLE}[ \t]+(?:at|with)\b",
        rf"\bfor[ \t]+{_TITLE}[ \t]+is[ \t]+confirmed\b",
    )
)
_ROLE_NEEDLES = tuple(needles(p, exact=True) for p in _ROLE_CONTEXT)
_PERSONAL_TITLE = patterns.compile(
    r"^(?:Senior |Sr\.? |Lead |Principal |Staff )?(?:Technical )?(?:Recruiter|Recruiting Coordinator|"
    r"Talent Acquisition \w+|Hiring Manager|Sourcer)$"
)


def _clean_role(raw: str) -> str | None:
    role = raw.strip(" \t,.;:-–—|")
    role = re.sub(r"^(?:(?:the|an?|our|The|An?|Our|Your|your)\s+)+", "", role)
    if not role or len(role) > 80 or _PERSONAL_TITLE.match(role):
        return None
    return role


def role(mail: Mail) -> str | None:
    body = "\n".join(p for p in (mail.text, mail.signature) if p)
    scores: dict[str, float] = {}
    order: dict[str, int] = {}

    def vote(raw: str, weight: float) -> None:
        r = _clean_role(raw)
        if r:
            scores[r] = scores.get(r, 0.0) + weight
            order.setdefault(r, len(order))

    for pat, words in zip(_ROLE_CONTEXT, _ROLE_NEEDLES, strict=True):
        if not _may_match(words, body):
            continue
        for m in pat.finditer(body):
            vote(m.group(1), 3)
    subject_pat = patterns.compile(_TITLE)
    for m in subject_pat.finditer(mail.subject):
        vote(m.group(1), 2)
    for ev in mail.calendars[:1]:
        for m in subject_pat.finditer(ev.summary):
            vote(m.group(1), 1)
    if not scores:
        return None
    # a longer form that contains a shorter one ("Senior X, Team" vs "Senior X") inherits it
    for r in list(scores):
        for other in scores:
            if other != r and other in r:
                scores[r] += scores[other] * 0.5
    return max(scores, key=lambda r: (scores[r], -order[r]))


# --- signature ----------------------------------------------------------------------------
# Most people never type the "-- " delimiter, so a sender's signature block (title, address,
# a promo line for the employer's next hiring event, a confidentiality notice) reaches the
# body. It is found conservatively: after a sign-off line followed by a name, or from a
# legal notice to the end, and only when what follows is short and looks like a signature.

_SIGN_OFF = patterns.compile(
    r"^[ \t]*(?:(?:with[ \t]+)?(?:(?:best|kind|kindest|warm|warmest|many|good)[ \t]+)?(?:regards|wishes)|"
    r"best|all the best|all best|cheers|"
    r"thanks|thank you|many thanks|thanks (?:again|so much|very much)|thank you (?:again|so much)|"
    r"talk (?:soon|tomorrow|then|to you soon)|speak (?:soon|then|to you soon)|sincerely(?: yours)?|"
    r"yours (?:sincerely|truly|faithfully)|warmly|take care|respectfully|cordially|"
    r"have a (?:great|good|nice|lovely) (?:day|weekend|week|evening|one)|"
    r"mit freundlichen grüßen|viele grüße|beste grüße|liebe grüße|cordialement|saludos)"
    r"[ \t]*[,.!]?(?P<name>[ \t]+(?-i:[A-Z])[\w'’.-]*(?:[ \t]+(?-i:[A-Z])[\w'’.-]*)?)?[ \t]*$",
    re.IGNORECASE,
)
#: a name under a sign-off: "Denise Kowalczyk, SHRM-CP", "- Rae", "The Acme Talent Team"
_NAME_LINE = patterns.compile(
    r"^[ \t]*[-–—~]?[ \t]*[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|&|de|van|von|da|of))"
    r"{0,4}(?:,[ \t]*[\w .-]{2,24})?[ \t]*$"
)
_LEGAL = patterns.compile(
    r"^[ \t]*(?:(?:privileged (?:and|&) )?confidential(?:ity)?(?: notice| note| statement| warning)?\s*:|"
    r"disclaimer\s*:|confidentiality notice\b|(?:this|the information (?:contained )?in this) "
    r"(?:e-?mail|message|communication)(?:,? (?:including|and|together with) any (?:attachments|files)"
    r"(?: transmitted with it)?,?)? (?:is|are|may be) (?:strictly )?(?:confidential|privileged|"
    r"intended (?:only |solely )?for)|(?:this|the) (?:e-?mail|message|communication) (?:may contain|contains)"
    r" (?:confidential|privileged|proprietary))",
    re.IGNORECASE,
)
#: a legal or system footer written as running prose ("... Ltd is registered in England and Wales
#: (No. 08123456). This email and any attachments are confidential; if you have received it in
#: error ..."): in a trailing paragraph, the footer starts on the line where such a phrase falls
_LEGAL_PHRASE = patterns.compile(
    r"\bregistered in (?:england|scotland|wales|ireland|northern ireland)\b|\bregistered office\b|"
    r"\b(?:company|registration|registered) (?:no\.?|number)\b|"
    r"\bacting as an? employment (?:agency|business)\b|"
    r"\b(?:e-?mail|message)(?:,? (?:and|including|together with) any (?:attachments|files)"
    r"(?: transmitted with it)?,?)? (?:is|are|may be) (?:strictly )?(?:confidential|privileged)\b|"
    r"\breceived (?:this|it)(?: (?:e-?mail|message))? (?:in error|by mistake)\b|"
    r"\bintended (?:only |solely )?for the (?:use of the )?(?:named )?(?:addressee|recipient|individual|person)|"
    r"\bunmonitored (?:mailbox|inbox|e-?mail address|address)\b",
    re.IGNORECASE,
)
#: a forwarding or "original message" marker; what follows it was cut off into the quote, so at the
#: end of the new text it closes the body rather than continuing it
_FORWARD_MARKER = patterns.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:forwarded message|original message)[ \t]*-*|begin forwarded message[ \t]*:?)[ \t]*$",
    re.IGNORECASE,
)
#: a promo line led by an emoji ("📅 Join our next webinar ... Register: ..."), which marketing
#: signatures carry; under a sure sign-off it is signature even when it asks a question or runs long
_PICTOGRAPH = patterns.compile(r"^[ \t]*[\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]")
#: lines that belong to a message, not a signature: a forwarded or quoted header, meeting details
_NOT_SIGNATURE = patterns.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:forwarded|original)|begin forwarded|(?:from|sent|subject|to|date|time|"
    r"when|where|location|join|meeting id|interview|agenda|dial-in|zoom link)[ \t]*:)",
    re.IGNORECASE,
)
#: a sentence of prose (four words or more, ending in . ? or !), which a signature line is not
_PROSE = patterns.compile(r"^[ \t]*(?:\S+[ \t]+){3,}\S*[.?!][ \t]*$")
_QUESTION = patterns.compile(r"^[^\n]*\?[ \t]*$")
_POSTSCRIPT = patterns.compile(r"^[ \t]*p\.?[ \t]?s\.?(?:[ \t:]|$)", re.IGNORECASE)
#: lines from the end of a body searched for a sign-off
_SIGN_OFF_WINDOW = 40
_MAX_SIGNATURE_LINES = 14
_MAX_LEGAL_LINES = 14


def _legal_footer_at(lines: list[str], n: int) -> int:
    """Where a trailing legal or system footer starts among ``lines[:n]`` (``n`` when none does).

    A notice that opens its line ("CONFIDENTIALITY NOTICE: ...") starts one wherever it sits in
    the last lines; one written as running prose ("... Ltd is registered in England and Wales")
    only as trailing paragraphs, from the line where the phrase falls: a body that runs straight
    into a notice keeps its own lines.
    """
    floor = max(0, n - _SIGN_OFF_WINDOW)
    at = next((i for i in range(floor, n) if _LEGAL.match(lines[i])), n)
    b = n
    while b > floor:
        while b > floor and not lines[b - 1].strip():
            b -= 1
        a = b
        while a > floor and lines[a - 1].strip():
            a -= 1
        if a == b:
            break
        # a wrapped paragraph is searched as one line; offsets map back to its lines
        paragraph = " ".join(lines[a:b])
        m = _LEGAL_PHRASE.search(paragraph)
        if m is None:
            break
        line, offset = a, 0
        for k in range(a, b):
            offset += len(lines[k]) + 1
            if m.start() < offset:
                line = k
                break
        at = min(at, line)
        if line > a:
            break
        b = a
    return at


def _unlike_signature(line: str, named_below: bool) -> bool:
    """Could ``line`` not sit in a signature under a sign-off (named below it, or not)?"""
    if _NOT_SIGNATURE.match(line):
        return True
    if named_below:
        # under "Best,\nDana" only a question reads as message, and an emoji promo line asks freely
        return not _PICTOGRAPH.match(line) and (bool(_QUESTION.match(line)) or len(line) > 160)
    # "Thanks Sam!" on one line may open a message, so then nothing under it may read as prose
    return bool(_PROSE.match(line)) or len(line) > 160


@lru_cache(maxsize=32)  # classify and interview_round split the same text of one message
def split_signature(text: str) -> tuple[str, str]:
    """(body, signature) of a message's new text, for signatures without a "-- " delimiter.

    The sign-off line itself stays in the body, and so does a P.S. written after the
    signature, and a forwarding marker that ends the text (what it introduced went to the
    quote). When nothing looks like a signature the whole text is body.
    """
    lines = text.split("\n")
    n = len(lines)
    while n > 0 and (not lines[n - 1].strip() or _FORWARD_MARKER.match(lines[n - 1])):
        n -= 1
    if not any(_FORWARD_MARKER.match(ln) for ln in lines[n:]):
        n = len(lines)
    legal_at = _legal_footer_at(lines, n)
    if legal_at < n:
        tail = [ln for ln in lines[legal_at:n] if ln.strip()]
        if len(tail) > _MAX_LEGAL_LINES or any(_NOT_SIGNATURE.match(ln) for ln in tail):
            legal_at = n
    cut, ps = legal_at, legal_at
    for i in range(legal_at - 1, max(-1, legal_at - 1 - _SIGN_OFF_WINDOW), -1):
        m = _SIGN_OFF.match(lines[i])
        if m is None:
            continue
        ps = next((j for j in range(i + 1, legal_at) if _POSTSCRIPT.match(lines[j])), legal_at)
        block = [ln for ln in lines[i + 1 : ps] if ln.strip()]
        # "Best,\nDana" is a sign-off for sure; "Thanks Sam!" on one line may open a message, so
        # then nothing under it may read as prose
        named_below = bool(block) and bool(_NAME_LINE.match(block[0]))
        if (
            (named_below or m.group("name"))
            and len(block) <= _MAX_SIGNATURE_LINES
            and not any(_unlike_signature(ln, named_below) for ln in block)
        ):
            cut = i + 1
        else:
            ps = legal_at
        break
    if cut == n:
        return text, ""
    body = "\n".join(lines[:cut] + lines[ps:legal_at]).rstrip()
    marker = "\n".join(lines[n:]).strip()
    if marker:
        body = f"{body}\n\n{marker}"
    signature = "\n".join(lines[cut:ps] + lines[legal_at:n]).strip()
    return body, signature


# --- round --------------------------------------------------------------------------------

_PAST = patterns.compile(
    r"\b(?:thanks?|thank you|enjoyed|after|following|again|last week|earlier|previous|previously|"
    r"dank|danke|was great|went well|yesterday)\b",
    re.IGNORECASE,
)
_FINAL = patterns.compile(
    r"\b(?:final[- ](?:round|stage|interview|interviews|loop|panel)|final round|on-?site(?: interview| loop)?|"
    r"virtual on-?site|onsite loop|last round|super ?day)\b",
    re.IGNORECASE,
)
_FIRST = patterns.compile(
    r"\b(?:phone[- ]?screen(?:ing)?|recruiter[- ](?:phone[- ])?screen|screening call|"
    r"intro(?:ductory)?[- ](?:call|chat|conversation|meeting)|first[- ](?:round|stage|call|"
    r"interview|conversation|chat)|round (?:1|one)|initial (?:interview|call|conversation|chat|"
    r"screen|phone)|erstgespräch|informal (?:chat|conversation|call)|get to know each other)\b",
    re.IGNORECASE,
)
_INTERVIEW_WORD = patterns.compile(r"\binterview|\bpanel\b|\bonsite\b|\bon-site\b|\btechnical\b", re.IGNORECASE)
_CALL_WORD = patterns.compile(r"\b(?:call|chat|conversation)\b", re.IGNORECASE)
_SENTENCE = patterns.compile(r"[^.!?\n]+[.!?]?")


_PLAIN_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00a0": " ", "\u202f": " "})


def interview_round(mail: Mail) -> Round | None:
    """first: recruiter/phone screen, first stage; final: final round/onsite; else None.

    Cues in sentences about the past ("thanks for the first-stage interview") describe an
    earlier round, not this one.
    """
    parts = [mail.subject, *(ev.summary for ev in mail.calendars[:1])]
    body = split_signature(mail.text)[0]
    for s in _SENTENCE.findall(body):
        if not _PAST.search(s):
            parts.append(s)
    # typeset mail writes "first‑stage" with a non-breaking hyphen and non-breaking spaces
    current = "\n".join(parts).translate(_PLAIN_DASHES)
    if _FINAL.search(current):
        return "final"
    if _FIRST.search(current):
        return "first"
    # a call or chat, with no word of an interview anywhere, is a first contact
    whole = "\n".join((mail.subject, body))
    if _CALL_WORD.search(current) and not _INTERVIEW_WORD.search(whole):
        return "first"
    return None


# --- interviewers ---------------------------------------------------------------------------

_INTERVIEWER_LINE = patterns.compile(
    r"(?im)^[ \t•*-]*(?:interviewers?|panel(?:ists)?|with|you(?:'ll| will) (?:meet|speak) with|"
    r"meeting with|gesprächspartner(?:in)?|interviewing you)[ \t]*[:\t][ \t]*(.+)$"
)
_PERSON = patterns.compile(r"^(?:Dr\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){1,3}$")


def interviewers(mail: Mail) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for m in _INTERVIEWER_LINE.finditer(mail.text):
        line = re.sub(r"\([^()]*\)", "", m.group(1))
        chunks = line.split(";") if ";" in line else re.split(r",|·|\band\b|&|/", line)
        for chunk in chunks:
            name = chunk.split(",")[0].strip(" \t.")
            if _PERSON.match(name) and not re.search(_TITLE_NOUN, name):
                out.setdefault(name, None)
    return tuple(out)[:8]


# --- employer identity ----------------------------------------------------------------------


@dataclass(frozen=True)
class Employer:
    company: str | None
    domains: tuple[str, ...]
    relay: str | None
    organizer: str | None
    recruiter: str | None


#: bounded local part and labels (RFC 5321's 64 and 63): unbounded, each start in a long
#: word run rescans the run, quadratic in its length
_EMAIL_IN_TEXT = patterns.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")


def employer(mail: Mail, c: Classification, user_addresses: frozenset[str]) -> Employer:
    """The hiring side of a message (DESIGN.md §1): whom later mail must match."""
    users = frozenset(a.lower() for a in user_addresses)
    domains = company_domains(mail, users)
    relay: str | None = None
    for a in (mail.from_, mail.sender, *mail.reply_to):
        if a is not None and a.domain:
            brand = relay_for_domain(a.domain)
            if brand is not None and _carries_hiring(brand):
                relay = brand
                break
    if relay is None:
        for ev in mail.calendars:
            dom = (ev.uid or "").rpartition("@")[2]
            brand = relay_for_domain(dom) if dom else None
            if brand is not None and _carries_hiring(brand):
                relay = brand
                break
    organizer = None
    for ev in mail.calendars:
        if ev.organizer and ev.organizer.addr and ev.organizer.addr not in users:
            organizer = ev.organizer.addr
            break
    recruiter = _recruiter(mail, users, domains, organizer)
    if relay is not None and c.company is None and not domains:
        # a relay that carries no company identifies nobody
        relay = None
    return Employer(company=c.company, domains=domains, relay=relay, organizer=organizer, recruiter=recruiter)


def _carries_hiring(brand: str) -> bool:
    return brand in HIRING_RELAYS


def _human(addr: str, users: frozenset[str]) -> bool:
    if not addr or addr in users or is_noreply(addr):
        return False
    return relay_for_domain(addr.rpartition("@")[2]) is None


def _recruiter(mail: Mail, users: frozenset[str], domains: tuple[str, ...], organizer: str | None) -> str | None:
    for a in mail.reply_to:
        if _human(a.addr, users):
            return a.addr
    if mail.from_ and _human(mail.from_.addr, users) and org_domain(mail.from_.domain) not in FREEMAIL:
        return mail.from_.addr
    if organizer and _human(organizer, users):
        return organizer
    if mail.from_ and _human(mail.from_.addr, users):
        return mail.from_.addr
    # "contact your recruiter, Dylan (dylan@acme.com)" in a system mail
    for found in _EMAIL_IN_TEXT.finditer(mail.text):
        addr = found.group(0).lower().rstrip(".")
        if _human(addr, users) and org_domain(addr.rpartition("@")[2]) in domains:
            return addr
    return None


def _ends_with_firm(title: str, firm: str) -> bool:
    """Can "Engineer, Acme" or "Engineer (Acme)" lose its firm: does ``title`` end with it where
    ``$`` matches (at the end, or before a final newline)? Saves compiling a pattern per firm."""
    ends = (title, title[:-1]) if title.endswith("\n") else (title,)
    return any(t.endswith((firm, firm + ")")) for t in ends)


@dataclass(frozen=True)
class About:
    company: str | None
    role: str | None
    round: Round | None
    interviewers: tuple[str, ...]


def about(mail: Mail, category: Category, user_addresses: frozenset[str] = frozenset()) -> About:
    """Company, role, round and interviewers for a classified message.

    Round and interviewers belong to scheduling mail only; elsewhere they are empty.
    """
    scheduling = category in SCHEDULING
    firm = company(mail, user_addresses)
    title = role(mail)
    if title and firm and _ends_with_firm(title, firm):
        title = re.sub(rf"(?:,\s*|\s*\(\s*){re.escape(firm)}\)?$", "", title) or None
    return About(
        company=firm,
        role=title,
        round=interview_round(mail) if scheduling else None,
        interviewers=interviewers(mail) if scheduling else (),
    )
