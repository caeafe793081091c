"""Applicant-tracking systems and scheduling relays.

Mail from these services is evidence that a message is about hiring, but the relay's
brand is never the hiring company: Greenhouse sends for thousands of employers.
"""

from __future__ import annotations

import re

from daemon.understand import patterns

#: mail domain suffix -> relay brand
RELAY_DOMAINS: dict[str, str] = {
    "greenhouse.io": "Greenhouse",
    "greenhouse-mail.io": "Greenhouse",
    "lever.co": "Lever",
    "hire.lever.co": "Lever",
    "ashbyhq.com": "Ashby",
    "ashby.io": "Ashby",
    "myworkday.com": "Workday",
    "myworkdayjobs.com": "Workday",
    "workday.com": "Workday",
    "smartrecruiters.com": "SmartRecruiters",
    "icims.com": "iCIMS",
    "jobvite.com": "Jobvite",
    "workablemail.com": "Workable",
    "workable.com": "Workable",
    "goodtime.io": "GoodTime",
    "calendly.com": "Calendly",
    "bamboohr.com": "BambooHR",
    "recruitee.com": "Recruitee",
    "teamtailor.com": "Teamtailor",
    "teamtailor-mail.com": "Teamtailor",
    "personio.de": "Personio",
    "personio.com": "Personio",
    "join.com": "JOIN",
    "successfactors.com": "SuccessFactors",
    "successfactors.eu": "SuccessFactors",
    "taleo.net": "Taleo",
    "oraclecloud.com": "Oracle Recruiting",
    "jazzhr.com": "JazzHR",
    "applytojob.com": "JazzHR",
    "breezy.hr": "Breezy HR",
    "pinpointhq.com": "Pinpoint",
    "comeet.co": "Comeet",
    "hirebridge.com": "Hirebridge",
    "paradox.ai": "Paradox",
    "modernhire.com": "Modern Hire",
    "hirevue.com": "HireVue",
    "gem.com": "Gem",
    "rippling.com": "Rippling",
    "dover.com": "Dover",
    "wellfound.com": "Wellfound",
    "prelude.co": "Prelude",
    "youcanbook.me": "YouCanBookMe",
    # assessment platforms: they send for the employer, and are never the employer
    "hackerrank.com": "HackerRank",
    "hackerrankforwork.com": "HackerRank",
    "codility.com": "Codility",
    "codesignal.com": "CodeSignal",
    "testgorilla.com": "TestGorilla",
    "coderbyte.com": "Coderbyte",
    "karat.io": "Karat",
    # job boards and review sites: evidence of a job search, never a hiring company
    "linkedin.com": "LinkedIn",
    "indeed.com": "Indeed",
    "glassdoor.com": "Glassdoor",
    "ziprecruiter.com": "ZipRecruiter",
    "joinhandshake.com": "Handshake",
    "dice.com": "Dice",
    "monster.com": "Monster",
    "stepstone.de": "StepStone",
    "xing.com": "XING",
    "zoom.us": "Zoom",
    "zoom.com": "Zoom",
    "google.com": "Google Calendar",
    "calendar.google.com": "Google Calendar",
    "microsoft.com": "Microsoft",
    "office365.com": "Microsoft",
    "outlook.com": "Outlook",
    "sendgrid.net": "SendGrid",
    "mandrillapp.com": "Mandrill",
    "mailgun.org": "Mailgun",
    "amazonses.com": "Amazon SES",
}

#: relays whose mail is scheduling or ATS traffic (not generic mail providers)
HIRING_RELAYS = frozenset(
    {
        "Greenhouse", "Lever", "Ashby", "Workday", "SmartRecruiters", "iCIMS", "Jobvite",
        "Workable", "GoodTime", "Calendly", "BambooHR", "Recruitee", "Teamtailor", "Personio", "JOIN",
        "SuccessFactors", "Taleo", "Oracle Recruiting", "JazzHR", "Breezy HR", "Pinpoint",
        "Comeet", "Hirebridge", "Paradox", "Modern Hire", "HireVue", "Gem", "Rippling", "Dover",
        "Wellfound", "Prelude", "YouCanBookMe", "HackerRank", "Codility", "CodeSignal", "TestGorilla",
        "Coderbyte", "Karat",
    }
)  # fmt: skip

_NOREPLY = patterns.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|noreply[-_.].*|.*[-_.]noreply|"
    r"notifications?|mailer[-_.]daemon|postmaster|bounces?(?:[+-].*)?|calendar-notification|"
    r"invitations?|automated|auto[-_.]?confirm)$",
    re.IGNORECASE,
)


#: job boards and review sites: their mail is about jobs in general, not one application
JOB_BOARDS = frozenset(
    {"LinkedIn", "Indeed", "Glassdoor", "ZipRecruiter", "Handshake", "Dice", "Monster", "StepStone", "XING"}
)


def relay_for_domain(domain: str) -> str | None:
    """The relay brand whose domain (or a parent domain) this is, else None."""
    d = domain.strip().lower().rstrip(".")
    while d:
        if d in RELAY_DOMAINS:
            return RELAY_DOMAINS[d]
        if "." not in d:
            return None
        d = d.split(".", 1)[1]
    return None


def relay_for_address(addr: str) -> str | None:
    return relay_for_domain(addr.rpartition("@")[2]) if "@" in addr else None


def is_hiring_relay(addr_or_domain: str) -> bool:
    brand = relay_for_address(addr_or_domain) if "@" in addr_or_domain else relay_for_domain(addr_or_domain)
    return brand in HIRING_RELAYS


def is_noreply(addr: str) -> bool:
    """An address nobody reads: no-reply senders and bounce/notification mailboxes."""
    local = addr.partition("@")[0].split("+", 1)[0]
    return bool(_NOREPLY.match(local))


_VIA_NAME = patterns.compile(r"\S\s+via\s+(\S.{0,40}?)\s*$", re.IGNORECASE)
_NOT_ALNUM = patterns.compile(r"[^a-z0-9]")


def via_own_board(display_name: str, org: str) -> bool:
    """"Chiara Rinaldi via ProfiLink" <messages-noreply@profilink.com>: a person's message carried
    by a board we do not know by name, which sends it under its own name. ``org`` is the
    sending address's organisation domain ("profilink.com")."""
    via = _VIA_NAME.search(display_name.strip())
    label = org.partition(".")[0].replace("-", "")
    return via is not None and len(label) > 3 and _NOT_ALNUM.sub("", via.group(1).lower()) == label
