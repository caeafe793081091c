"""The sentences of a first follow-up: a letter, not a form.

Pure. :func:`sentences` writes what the built-in template puts together, from who is who
(the contact, the interviewers, an agency), what the invitation said the interview would
cover, and the user's notes. The advice it follows: thank the people who interviewed by
name, name the hiring company and role, mention one specific thing, ask one meaningful
question fitted to the round, offer more information. It never claims a specific it does
not have. The wording varies between applications (chosen from a hash of the draft id,
so one draft always reads the same and the bytes stay reproducible).

The user's notes are cleaned here (:func:`clean_note`): they are typed as a fragment or a
sentence, with or without a capital and a full stop, and must read well mid-sentence.
Dates follow the user's country (:func:`human_date`, :func:`interview_when`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from daemon.settings import Settings

NoteKind = Literal["specific", "question", "extra"]

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

#: where dates are written month first ("Tuesday, March 3"); everywhere else day first
MONTH_FIRST = frozenset({"US", "CA", "PH", "FM", "MH", "PW", "GU", "PR", "AS", "VI", "MP", "UM"})


# ---------------------------------------------------------------- dates


def day_first(country: str | None) -> bool:
    return (country or "US").upper() not in MONTH_FIRST


def human_date(moment: date | datetime, first_day: bool = False) -> str:
    """ "Tuesday, March 3" or "Tuesday, 3 March" — spelled out so no locale can change a draft."""
    wd, month = _WEEKDAYS[moment.weekday()], _MONTHS[moment.month - 1]
    return f"{wd}, {moment.day} {month}" if first_day else f"{wd}, {month} {moment.day}"


def interview_when(start: date, today: date, first_day: bool = False) -> str:
    """ "today", "yesterday", "on Tuesday" (earlier this week), else "on Tuesday, 9 February".

    Relative words only when they are true: "yesterday" is the day before ``today``, and a
    bare weekday only names a day of the current week.
    """
    days = (today - start).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 1 < days < 7 and start.isocalendar()[:2] == today.isocalendar()[:2]:
        return f"on {_WEEKDAYS[start.weekday()]}"
    return f"on {human_date(start, first_day)}"


# ---------------------------------------------------------------- the user's notes

#: words that start a sentence but not a name: lower-cased when the note goes mid-sentence
_COMMON_START = frozenset(
    """
    the a an our your their my this that these those its his her some any how what why when where which
    who whether if working work talking learning hearing discussing seeing building using meeting
    """.split()
)
_WH = frozenset("how what why when where which who whom whose whether if".split())
_AUX = frozenset("is are was were do does did will would can could should shall may might must has have had am".split())


def _lower_first(text: str) -> str:
    first, _, rest = text.partition(" ")
    if first.casefold() in _COMMON_START and first[:1].isupper() and (first[1:] == "" or first[1:].islower()):
        return first.lower() + (" " + rest if rest else "")
    return text


def clean_note(text: str | None, kind: NoteKind) -> str:
    """A note as it reads in the letter.

    ``specific`` and ``extra`` go mid-sentence: no capital on a common first word, no
    trailing punctuation. ``question`` is a sentence of its own ending in "?": a direct
    question is capitalised; "how the team splits on-call" becomes "Could I ask how the
    team splits on-call?"; a noun phrase becomes "Could I ask about …?".
    """
    t = " ".join((text or "").split())
    t = t.strip(" \t\"'“”‘’")
    if kind != "question":
        t = t.rstrip(" .,;:!?…")
        return _lower_first(t)
    t = t.rstrip(" .,;:!?…")
    if not t:
        return ""
    words = t.split()
    first = words[0].casefold()
    second = words[1].casefold() if len(words) > 1 else ""
    if (first in _WH and (second in _AUX or second.endswith("n't"))) or first in _AUX:
        return t[0].upper() + t[1:] + "?"
    if first in _WH:
        return f"Could I ask {_lower_first(t)}?"
    if first in ("could", "can", "would"):
        return t[0].upper() + t[1:] + "?"
    return f"Could I ask about {_lower_first(t)}?"


def note_report(settings: Settings) -> list[str]:
    """For ``check-config``: each company note that the letter will write differently."""
    out = []
    kinds: tuple[NoteKind, ...] = ("specific", "question", "extra")
    for i, c in enumerate(settings.companies):
        for kind in kinds:
            raw = getattr(c, kind)
            if raw and clean_note(raw, kind) != raw.strip():
                out.append(f"companies[{i}].{kind} ({c.name}): the letter will read {clean_note(raw, kind)!r}")
    return out


# ---------------------------------------------------------------- pieces


def _pick(options: Sequence[str], seed: str, slot: str) -> str:
    digest = hashlib.sha256(f"{seed}\n{slot}".encode()).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


_SWAP = {
    "your": "my",
    "yours": "mine",
    "you": "I",
    "you'd": "I'd",
    "you’d": "I’d",
    "you've": "I've",
    "our": "your",
    "ours": "yours",
    "us": "you",
    "we": "you",
}


def from_my_side(topic: str) -> str:
    """The employer's "your experience with Kafka" as the candidate says it: "my experience…"."""
    return " ".join(_SWAP.get(w.casefold(), w) if w.islower() or w.casefold() == w else w for w in topic.split())


def first_names(names: Sequence[str]) -> list[str]:
    return [n.split()[0] if n.split()[0].rstrip(".").casefold() not in ("dr", "prof") else n for n in names]


def join(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


_TECHNICAL = re.compile(
    r"(?i)\b(?:design|system|architecture|code|coding|test|testing|pipeline|infrastructure|observability|"
    r"incident|debug\w*|algorithm\w*|engineering|scal\w+|data model|api|deploy\w*|technical|performance|"
    r"reliability|migration|event[- ]driven|distributed)\b"
)

_QUESTIONS: dict[str, tuple[str, ...]] = {
    "first": (
        "How does the team decide what to work on next, and who has a say in those decisions?",
        "What does a typical week look like for the team, from planning through to review?",
        "How do people on the team share what they know and review each other's work?",
        "When the team disagrees about an approach, how does it usually reach a decision?",
    ),
    "technical": (
        "How does the team balance shipping new work against paying down technical debt?",
        "What does the path from a merged change to production look like today, and what would "
        "the team most like to improve about it?",
        "How does the team share on-call, and how do you learn from incidents when they happen?",
        "How are larger design decisions written up and reviewed before the work starts?",
    ),
    "technical_topic": (
        "How are design decisions about {topic} written up and reviewed before the work starts?",
        "What would the team most like to change about how {topic} works today?",
    ),
    "final": (
        "What would you most hope the person in this role achieves in their first three months?",
        "Six months from now, how will you know that this hire has been a success?",
        "What is the most important problem you would want the new hire to take on first?",
        "What would a strong first ninety days in this role look like to you?",
    ),
}


def question_for(round: str | None, topics: Sequence[str], seed: str) -> str:
    """One meaningful question for the round: team and ways of working (first), engineering
    practice (technical), first months and how success is measured (final)."""
    if round == "final":
        return _pick(_QUESTIONS["final"], seed, "question")
    technical = any(_TECHNICAL.search(t) for t in topics)
    if technical:
        plain = [t for t in topics if _TECHNICAL.search(t) and len(t.split()) <= 5 and not t.startswith("how ")]
        options = list(_QUESTIONS["technical"])
        if plain:
            topic = from_my_side(plain[0])
            if not topic.startswith(("my ", "I ")):
                options += [q.format(topic=topic) for q in _QUESTIONS["technical_topic"]]
        return _pick(options, seed, "question")
    return _pick(_QUESTIONS["first"], seed, "question")


def sentences(
    *,
    seed: str,
    when: str,
    company: str,
    role: str,
    round: str | None,
    contact_name: str,
    interviewers: Sequence[str],
    topics: Sequence[str],
    agency: str,
    specific: str,
    question: str,
    extra: str,
) -> dict[str, str]:
    """The letter's sentences: ``thanks``, ``specific``, ``question``, ``offer``, ``closing``.

    ``specific``, ``question`` and ``extra`` are the user's notes, already cleaned.
    """
    role_at = (
        f"the {role} role at {company}"
        if role and company
        else f"the {role} role"
        if role
        else f"the role at {company}"
        if company
        else "the role"
    )
    the_team = f"the team at {company}" if company else "your team"

    def same(a: str, b: str) -> bool:
        ka, kb = a.casefold().split(), b.casefold().split()
        return bool(ka and kb) and (ka == kb or (ka[0] == kb[0] and (len(ka) == 1 or len(kb) == 1 or ka[-1] == kb[-1])))

    contact_interviewed = bool(contact_name) and any(same(contact_name, n) for n in interviewers)
    others = [n for n in interviewers if not (contact_name and same(contact_name, n))]
    names = join(first_names(others))
    them = "them both" if len(others) == 2 else "them all" if len(others) > 2 else "them"

    if agency:
        arranging = f", and for arranging my conversation with {names} {when}" if names else ""
        thanks = _pick(
            (
                f"Thank you for putting me forward for {role_at}{arranging}.",
                f"Many thanks for putting me forward for {role_at}{arranging}.",
            ),
            seed,
            "thanks",
        )
        if names:
            thanks += " " + _pick(
                (
                    f"I enjoyed meeting {them if len(others) > 1 else names}, and I would be grateful "
                    "if you could pass my thanks on.",
                    f"It was a pleasure to meet {names}; please do pass my thanks on.",
                ),
                seed,
                "thanks2",
            )
        elif when:
            thanks += f" I enjoyed the interview {when}."
    elif contact_interviewed:
        thanks = _pick(
            (
                f"Thank you for taking the time to speak with me {when} about {role_at}.",
                f"Thank you again for our conversation {when} about {role_at}.",
                f"Thank you for speaking with me {when} about {role_at}; I appreciated the time you gave me.",
            ),
            seed,
            "thanks",
        )
        if others:
            thanks += f" Please also pass my thanks on to {names}."
    elif others:
        thanks = _pick(
            (
                f"Thank you for arranging my conversation with {names} {when} about {role_at}.",
                f"Thank you for setting up my interview with {names} {when} for {role_at}.",
                f"Thank you for organising my interview with {names} {when} for {role_at}.",
            ),
            seed,
            "thanks",
        )
        thanks += " " + _pick(
            (
                f"I enjoyed meeting {them}, and I would be grateful if you could pass my thanks on.",
                "Please pass my thanks on to them for their time.",
            ),
            seed,
            "thanks2",
        )
    else:
        thanks = _pick(
            (
                f"Thank you again for my interview {when} for {role_at}.",
                f"I wanted to thank you again for the interview {when} for {role_at}.",
            ),
            seed,
            "thanks",
        )

    ours = "our" if contact_interviewed else "the"
    if specific:
        line = _pick(
            (
                f"I especially enjoyed {ours} conversation about {specific}, and it left me even more "
                f"excited about the opportunity to join {the_team}.",
                f"The discussion of {specific} has stayed with me since, and it is exactly the kind of "
                "work I would like to be part of.",
            ),
            seed,
            "specific",
        )
    elif topics:
        topic = from_my_side(_pick(list(topics[:2]), seed, "topic"))
        line = _pick(
            (
                f"I especially enjoyed {ours} discussion of {topic}; it gave me a much clearer picture "
                "of the work and left me keen to contribute.",
                f"Talking through {topic} was the part I enjoyed most, and it made me even more "
                f"interested in joining {the_team}.",
                f"The conversation about {topic} has stayed on my mind since, and it is exactly the "
                "kind of problem I would like to work on.",
            ),
            seed,
            "specific",
        )
    else:
        # nothing specific is known: say so honestly rather than invent it
        line = _pick(
            (
                f"I came away with a clearer picture of the role and even more interested in joining {the_team}.",
                f"The interview left me even more enthusiastic about the opportunity to join {the_team}.",
                f"Everything I heard made me more keen to contribute to {the_team}.",
            ),
            seed,
            "specific",
        )

    if question:
        ask = _pick(
            (
                f"Since we spoke, I have been wondering about one thing. {question}",
                f"One question has stayed with me. {question}",
            ),
            seed,
            "ask",
        )
    else:
        q = question_for(round, topics, seed)
        ask = _pick(
            (
                f"One question I have been thinking about since: {q}",
                f"If you have a moment, I would be curious to hear your view on one thing. {q}",
                f"I also wanted to ask: {q[0].lower() + q[1:]}",
            ),
            seed,
            "ask",
        )

    offer = f"If it would be helpful, I could also send {extra}. " if extra else ""
    offer += _pick(
        (
            "Please let me know if there is anything else I can provide.",
            "If any further information would help, I would be glad to send it.",
            "I am happy to provide references or anything else that would be useful.",
        ),
        seed,
        "offer",
    )
    closing = _pick(("Best regards,", "Kind regards,", "With thanks,"), seed, "closing")
    return {"thanks": thanks, "specific": line, "question": ask, "offer": offer, "closing": closing}
