"""Which kind of interview mail a message is, and why.

Evidence and decision are kept apart. :class:`_Evidence` reads the message signal by
signal (each signal a small method answering with the reasons it found, computed on first
use); :data:`_TABLE` is the decision: rows read top to bottom, the first whose condition
holds gives the category, its confidence and its reasons. The rows follow a fixed order
of trust:

1. who sent it (the user; a colleague at the user's own organisation);
2. auto-reply headers and out-of-office wording;
3. what the message is not (hard negatives) and structure (an ``.ics`` REQUEST/CANCEL and
   its SEQUENCE, bulk-mail headers);
4. wording, read sentence by sentence so that "if you need to reschedule" or
   "Need to cancel?" in an invitation's footer is not taken for a reschedule or a
   cancellation.

Hard negatives (job alerts, newsletters, webinars, assessments, acknowledgements,
internal meetings, shipping and medical reminders) are vetoed before any employer
category is chosen. A topic named in the subject, named twice, or in bulk mail always
vetoes; a single passing mention in a personal message is weighed against what the
message says to the candidate (a time set with them, a decision on their application,
an offer of the job). Every rule that fires leaves a short reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from daemon.budget import checkpoint
from daemon.model import Category, Classification, Mail
from daemon.understand import extract, lexicon, patterns
from daemon.understand.mail import FORWARD_SUBJECT
from daemon.understand.relays import JOB_BOARDS, is_hiring_relay, is_noreply, relay_for_domain, via_own_board
from daemon.understand.timeparse import WARM_UP_CHARS, compile_with_needles, folded, lower_twin, resolve, scan

_I = re.IGNORECASE
_IM = re.IGNORECASE | re.MULTILINE


# as many texts as timeparse.folded keeps: one message checks a dozen texts and every sentence
# of it that non_employer reads
@lru_cache(maxsize=64)
def _words_seen(low: str) -> dict[str, bool]:
    """Which needles occur in ``low``, filled in as rules ask (a memo of a pure function)."""
    return {}


class _Rx:
    """A case-insensitive pattern that is only run on text holding one of the words every match
    of it contains (found from the pattern itself, see :func:`daemon.understand.timeparse.needles`).

    Most rules find nothing in most mail, and a substring test on the lower-cased text is
    far cheaper than the regex engine trying a long alternation at every word; the answers
    are those of the pattern itself, only sooner when there can be none.
    """

    __slots__ = ("_compiled", "_needles", "_ready", "_seen", "_twin", "lang", "pattern")

    def __init__(self, pattern: str, lang: str | None = None) -> None:
        # compiled at first use: with the other languages' words the patterns take about
        # 0.25 s to compile, which every start (a status bar's `status`, a first scan) paid
        # although most mail reaches only a few of them
        self.pattern = pattern
        #: the one language this pattern is in, when it is read only in mail showing it
        self.lang = lang
        self._compiled: re.Pattern[str] | None = None
        self._needles: tuple[str, ...] | None = None
        #: where to try the pattern, once it has read enough text to be worth a compile
        #: (the same rent-or-buy rule as timeparse's scanners)
        self._twin: re.Pattern[str] | None = None
        self._ready = False
        self._seen = 0

    @property
    def rx(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled, found = compile_with_needles(self.pattern, _IM)
            # the shortest words are the likeliest to occur, and one found settles it
            self._needles = None if found is None else tuple(sorted(found, key=lambda n: (len(n), n)))
        return self._compiled

    def _possible(self, text: str) -> bool:
        """False when no match can be in ``text``, nor in any part of it (a match in a window
        of the text is a substring of the text, and holds a needle like every match).

        Short texts (a subject, a sentence) are checked too: they are searched by dozens of
        rules each, and with the memo of the words seen a check is a few dictionary lookups,
        where the regex engine tries a long alternation at every word.
        """
        if self.lang is not None:
            reading = _READING.get()
            if reading is not None and self.lang not in reading:
                return False  # before compiling: a language's rule is never compiled for mail not in it
        if self._compiled is None:
            _ = self.rx  # compiles, and finds the needles with it
        needles = self._needles
        if needles is None:
            return True
        low = folded(text)
        if low is None:
            return True
        # rules share words ("call", "interview"): each is looked for once per text
        seen = _words_seen(low)
        for n in needles:
            hit = seen.get(n)
            if hit is None:
                hit = seen[n] = n in low
            if hit:
                return True
        return False

    def _located(self, text: str) -> str | None:
        """``text`` folded for the twin, or None when the pattern runs on it as written."""
        if not self._ready:
            self._seen += len(text)
            if self._seen < WARM_UP_CHARS:
                return None
            self._twin, self._ready = lower_twin(self.rx, loose=True), True
        return None if self._twin is None else folded(text)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        if not self._possible(text):
            return None
        end = len(text) if endpos is None else endpos
        low = self._located(text)
        if low is None or self._twin is None:
            return self.rx.search(text, pos, end)
        # the pattern matches only where its twin does: try it at each such place in turn
        while (hit := self._twin.search(low, pos, end)) is not None:
            m = self.rx.match(text, hit.start(), end)
            if m is not None:
                return m
            pos = hit.start() + 1
        return None

    def match(self, text: str) -> re.Match[str] | None:
        return self.rx.match(text) if self._possible(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self._possible(text):
            return iter(())
        low = self._located(text)
        if low is None or self._twin is None:
            return self.rx.finditer(text)
        return self._iter_located(text, self._twin, low)

    def _iter_located(self, text: str, twin: re.Pattern[str], low: str) -> Iterator[re.Match[str]]:
        pos = 0
        while (hit := twin.search(low, pos)) is not None:
            m = self.rx.match(text, hit.start())
            if m is None:
                pos = hit.start() + 1
                continue
            yield m
            pos = m.end()  # never empty (see timeparse.lower_twin), as finditer goes on

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self.rx.sub(repl, text) if self._possible(text) else text


def _rx(pattern: str) -> _Rx:
    return _Rx(pattern)


Rule = tuple[str, _Rx]


def _rules(*pairs: tuple[str, str]) -> tuple[Rule, ...]:
    return tuple((name, _rx(p)) for name, p in pairs)


#: the languages of the message being classified (lexicon.languages_shown); None: every
#: language, for code that runs a rule outside :func:`classify`
_READING: ContextVar[frozenset[str] | None] = ContextVar("reading", default=None)


class _Lexed(_Rx):
    """An English pattern that also matches the other languages' words for a concept, but only
    those of the languages the message shows: English mail compiles and searches English alone.

    ``pattern`` is the whole pattern, every language's words included (what a rule outside
    :func:`classify` runs, and what a pattern built on this one contains); the variants for
    the languages a message shows are made at first need. Leaving a language's words out
    changes no answer on text without them: an alternative that cannot match never decides
    which one does.
    """

    __slots__ = ("_base", "_build", "_concept", "_langs", "_variants")

    def __init__(self, base: _Rx, concept: str, build: Callable[[str], str]) -> None:
        super().__init__(build(lexicon.pattern(concept)))
        self._base = base
        self._build = build
        self._concept = concept
        self._langs = frozenset(lang for lang, table in lexicon.LANGUAGES.items() if table.get(concept))
        self._variants: dict[frozenset[str], _Rx] = {}

    def _now(self) -> _Rx:
        reading = _READING.get()
        if reading is None:
            return self
        langs = reading & self._langs
        if not langs:
            return self._base
        if langs == self._langs:
            return self
        made = self._variants.get(langs)
        if made is None:
            made = self._variants[langs] = _Rx(self._build(lexicon.pattern(self._concept, langs)))
        return made

    def _possible(self, text: str) -> bool:
        return _Rx._possible(self._now(), text)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return _Rx.search(self._now(), text, pos, endpos)

    def match(self, text: str) -> re.Match[str] | None:
        return _Rx.match(self._now(), text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return _Rx.finditer(self._now(), text)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        return _Rx.sub(self._now(), repl, text)


def _more(rx: _Rx, concept: str) -> _Rx:
    """``rx`` that also matches the other languages' words for ``concept`` (see lexicon)."""
    if not lexicon.pattern(concept):
        return rx
    return _Lexed(rx, concept, lambda extra: f"(?:{rx.pattern})|{extra}")


def _lex_rules(name: str, concept: str) -> tuple[Rule, ...]:
    """One rule per language for ``concept``, named "``name`` (es)" so ``explain`` shows it."""
    return tuple(
        (f"{name} ({lang})", _Rx(p, lang)) for lang in lexicon.LANGUAGES if (p := lexicon.pattern(concept, lang))
    )


# --- vocabulary -------------------------------------------------------------------------

#: a round named by its kind rather than its number ("Tech Round", "HR discussion")
_ROUND_KIND = (
    r"(?:tech|technical|hr|managerial|coding|system[- ]design|design|behaviou?ral|culture(?:[- ]fit)?|"
    r"case|hiring[- ]manager|techno[- ]managerial)[- ](?:round|discussion|deep[- ]dive)"
)
#: an assessed visit: "a trial shift", "the Karrinyup store walk", "shop visits", "a campus visit"
_VISITS = (
    r"(?:trial (?:shift|day|session)|work trial|paid trial|trade tests?|store walk(?:-?through)?|"
    r"(?:shop|store|site|campus) (?:visits?|day|walk)|shop day|"
    # operations: "walk the floor with me", "the Memphis terminal visit", "a plant tour"
    r"walk(?:ing)? the (?:floor|building|dock|site|plant|warehouse|dc)|"
    r"(?:terminal|plant|facility|warehouse|dc|distribution cent(?:er|re)|site|floor) "
    r"(?:visits?|tours?|walk(?:-?through)?)|"
    # a teacher's interview: "a short demo lesson", "a coaching demonstration", "teaching demo"
    r"demo(?:nstration)? (?:lesson|class|teach)|(?:teaching|coaching|classroom) demo(?:nstration)?s?|"
    r"(?:sample|model|mock) (?:lesson|class)|teaching (?:sample|observation))"
)
_MEETING = (
    r"(?:interview|interviews|phone[- ]?screen|screen|screening|call|callback|chat|conversation|meeting|deep[- ]dive|"
    r"catch[- ]?up|meet[- ]and[- ]greet|on-?site|round|stage|panel|gespräch|vorstellungsgespräch|entretien|"
    rf"portfolio (?:review|presentation|walk-?through)|{_VISITS}|"
    r"assessment (?:centre|center|day))"
)
_MEETING_WORD = _rx(rf"\b{_MEETING}\b")
_INTERVIEW = _rx(
    r"\b(?:interview\w*|phone[- ]?screen\w*|screening call|(?:recruiter|hr|technical) screen|"
    # aviation: "Sim eval slots", "a simulator evaluation", "the sim assessment"
    r"(?:sim|simulator) (?:eval(?:uation)?|assessment)s?|"
    r"on-?site|final round|(?:first|second|third|next|final)[- ](?:round|stage|panel)|round \d|super-?days?|"
    r"final conversation|(?:team|host)[- ]match(?:ing)?|"
    # a round named by what the candidate does in it: "our role-play round", "the mock pitch round"
    r"(?:role[- ]?play|mock[- ]pitch|pitch|case(?: study)?|presentation|coding|technical|panel|values|culture|"
    r"behaviou?ral|leadership|hiring manager|executive|founder) (?:round|stage|interview)s?|"
    r"pair(?:ing|-programming| programming) (?:session|interview|exercise|round)s?|"
    r"(?:final|panel|case) presentation|"
    # an assessed visit
    rf"{_VISITS}|"
    # a designer's interview: "Portfolio walkthrough", "portfolio review with the design lead"
    # (an investment portfolio's "annual portfolio review" with a banker is not one)
    r"(?<!annual )(?<!yearly )(?<!quarterly )(?<!investment )(?<!pension )(?<!wealth )(?<!property )"
    r"portfolio (?:review|presentation|walk-?through)|reel review|"
    # a debrief of the candidate's test: "we'd love to have you walk us through your choices"
    r"walk (?:us|me|the team|the panel) through (?:your|the) (?:[\w-]+\s+){0,2}?(?:test|edit|cut|choices|"
    r"decisions|portfolio|reel|project|assignment|take-?home|case study|exercise|submission|solution)|"
    rf"vorstellungsgespräch|erstgespräch|entretien|hiring manager|assessment[- ]?(?:centre|center|day)|{_ROUND_KIND})\b"
)
_HIRING = _rx(
    r"\b(?:recruit\w*|hiring|candida\w+|application|applied|applying|positions?|roles?|openings?|"
    r"vacanc(?:y|ies)|jobs?|offer|talent acquisition|in the market for an?|talent team|resume|résumé|cv|references|"
    r"requisition|bewerbung|stelle|interview\w*|onsite|phone screen|candidature|poste|recrutement|"
    r"relocation|work permit|visa sponsorship|notice period|onboard\w*|"
    # what an interview asks of the candidate, as a reply about its format names it
    r"whiteboard\w*|live[- ]coding|coding (?:exercise|challenge|round|test)|system design (?:round|interview)|"
    r"take[- ]home|finalists?|shortlist(?:ed)?|(?:the|this|that|interim|open) req|"
    r"(?:the|this|that|our)\s+(?:[\w-]+\s+){0,2}hire\s+(?:on hold|is|was|has)|"
    r"(?:design|product design|ux|ui) (?:exercise|challenge|task)|"
    # a staffing agency putting the candidate forward to its client
    r"submitted (?:you|your (?:profile|resume|cv|application)) (?:to|for)|submittal|"
    r"as\s+(?:a|the|our)\s+final\s+step|(?:final|last) (?:step|stage) (?:of|in) (?:the|our) process|"
    r"final step (?:is|will be)|"
    r"(?:you're|you are|your|you've been|you have been) (?:\w+ )?submitted (?:to|for)|"
    # executive search: "the CFO search", "the CFO process", "the Group CFO appointment", "retained by X
    # to find their next Chief Financial Officer", "sits on the Nominations Committee"
    r"(?:cfo|ceo|coo|cto|cio|cmo|chro|cpo|chief\s+[a-z]+\s+officer|managing\s+director|finance\s+director|"
    r"general\s+counsel|non-executive\s+director|chair(?:man|woman|person)?)\s+(?:search|process|appointment|seat|"
    r"succession|shortlist|mandate)|"
    r"(?:search|appointment|hunt)\s+for\s+(?:a|an|the|their|our|its)\s+(?:new\s+|next\s+)?(?:group\s+)?"
    r"(?:chief\s+[a-z]+\s+officer|cfo|ceo|coo|cto|finance\s+director|managing\s+director|general\s+counsel)|"
    r"retained\s+(?:by\s+[\w&.,' -]{2,40}?\s+)?to\s+(?:find|lead|run|help\s+find)|executive\s+search|"
    r"(?:nominations?|nominating)\s+committee|candidacy|"
    # university recruiting: an intern matched to a team or a host after the interviews
    r"(?:team|host)[- ]match(?:ing|ed|es)?|internships?|interns?)\b"
)
#: a sender name that is a team or a system, not a person
_TEAM_NAME = patterns.compile(
    r"\b(?:team|recruiting|recruitment|careers?|talent|hr|people|hiring|jobs?|notifications?|no-?reply|via|"
    r"inc|ltd|llc|gmbh|group|bank|stores?)\b",
    re.I,
)
_AGENCY_DOMAIN = patterns.compile(r"recruit|talent|staffing|headhunt|executivesearch|personnel|placement", re.I)
#: (the job market, job hunting and job fairs are talk about jobs in general, not one of them)
_ROLEWORD = _rx(
    r"\b(?:position|role|opening|vacancy|application|candidacy|recruit\w*|hiring|"
    r"job(?!\s+(?:market|hunt\w*|search\w*|fairs?|boards?)\b))\b"
)

# --- auto-replies -----------------------------------------------------------------------

_OOO_SUBJECT = _rx(
    r"^\s*(?:(?:re|aw|fw|fwd|sv|antw|tr)\s*:\s*)*(?:out of (?:the )?office|ooo\b|automatic reply|"
    r"auto(?:matic)?[- ]?(?:reply|response|antwort)|autoreply|abwesen\w*|absence|"
    r"away from (?:the )?office|on vacation|vacation (?:reply|response|notice)|"
    r"réponse automatique|respuesta automática|risposta automatica|on leave|annual leave)"
)
_OOO_AWAY = _rx(
    r"\b(?:(?:i am|i'm|i will be|i'll be|am currently|currently|i'm currently)\s+(?:\w+\s+)?"
    r"(?:out of (?:the )?office|ooo|away|on (?:\w+ )?leave|on (?:vacation|holiday|pto|sabbatical)|"
    r"travell?ing|offline|off work)|out of (?:the )?office (?:until|through|till|from|on)|"
    r"(?:on|from) (?:parental|maternity|paternity|annual|sick) leave|"
    r"bin (?:bis|vom|ab) .{0,40}(?:nicht im büro|abwesend|im urlaub))\b"
)
_OOO_RETURN = _rx(
    r"(?:\b(?:will|i'll|shall)\s+(?:be\s+)?(?:back|return(?:ing)?)(?: to (?:the|my) (?:office|desk))?\s+"
    r"(?:on|in|from|by|after|to|at)\b|\bback in the office\b|\buntil (?:my )?return\b|"
    r"\b(?:upon|after|on) my return\b|\breturning on\b|"
    r"\blimited (?:access to|availability (?:on|via)) (?:e-?mail|my e-?mail)|"
    r"\b(?:not|won't) be (?:checking|reading|monitoring|responding to) (?:my )?e-?mails?\b|"
    r"\bwhile i(?:'m| am) (?:out|away)\b|\bcovering for me\b|\bin my absence\b)"
)

# --- hard negatives ---------------------------------------------------------------------

_NEGATIVE_TOPICS = _rules(
    ("job alert", r"\bjob alerts?\b|\bnew jobs?\b.{0,40}\b(?:match|for you)\b|\bjobs? you (?:may|might) "
     r"(?:like|be interested)|\brecommended jobs\b|\bjobs for you\b|\beasy apply\b|\beasily apply\b|"
     r"\bsimilar jobs\b|\bnew jobs? (?:posted|matching)\b|\bjobs? matching your\b"),
    ("review digest", r"\binterview reviews?\b|"
     r"\bcompany reviews?\b(?!\s+(?:an?|the|its|our|their|your|all|every|this|that|whether|how)\b)|"
     r"\banonymous (?:interview )?"
     r"(?:candidate|employee)\b|\bsalary (?:reports?|insights)\b"),
    ("newsletter", r"\bnewsletter\b|\bissue #\s?\d+|\| issue \d{1,4}\s*$|"
     r"\byou(?:'re| are) subscribed as\b|\bread online:|\bread it online:|\bread this issue online:|"
     r"\byou(?:'re| are) receiving this (?:\w+ )?because you "
     r"(?:subscribed|signed up|follow)|\bweekly digest\b|\bview (?:this email )?in (?:your )?browser\b"),
    ("event registration", r"\bwebinar\b|\bthanks? (?:you )?for registering\b|\byou(?:'re| are) "
     r"(?:now )?registered\b|\byour registration\b(?!\s+(?:number|plate|to (?:the )?(?:main )?reception))|"
     r"\bregistration (?:is )?confirmed\b|\bcareers? fair\b|"
     r"\bjob fair\b|\bcareers? expo\b|\bhiring event\b|\bbootcamp\b|\binfo(?:rmation)? session\b|"
     # "meetup" in a link ("teams.microsoft.com/l/meetup-join/...") names no event
     r"(?<![/.])\bmeetup\b(?!-)|\bopen house\b|\b(?:save|reserve|claim) (?:your|a) (?:seat|spot|place)\b|"
     r"\bregister (?:here|now|today)\b|\b(?:spots|seats|places) are limited\b"),
)
_WEAK_NEGATIVES = _rules(
    ("shipping", r"\btracking (?:number|id|link)\b|\byour (?:package|parcel|order|shipment)\b|"
     r"\bout for delivery\b|\bdelivery (?:window|date)\b|\bhas shipped\b|\bestimated delivery\b"),
    # (a "Clinic Manager" or "Pharmacy Lead" is a job)
    ("medical or service appointment", r"\b(?:dental|dentist|doctor|(?:clinic|pharmacy)(?!\s+(?:manager|director|"
     r"lead|coordinator|administrator|supervisor|operations|owner)\b)|patient|prescription|appointment reminder|"
     r"physician|hygienist|veterinar\w+|check-?up|dds|optometr\w+|"
     r"haircut|salon)\b"),
)
_ASSESSMENT = _rx(
    r"\b(?:assessment|coding (?:challenge|test|exercise)|online test|technical test|skills test|"
    r"take[- ]home (?:[\w-]+ ){0,2}?(?:test|assignment|exercise|challenge|project|plan|task|case|brief)|"
    r"hackerrank|codility|codesignal|"
    r"testgorilla|coderbyte|hirevue|one-way video|sonru|spark ?hire|vidcruiter|willo|"
    # "an asynchronous video interview", "a recorded video interview": no one is live
    r"(?:asynchronous|async|pre-?recorded|recorded|on-demand) (?:video )?interview|"
    # "a short instructional design exercise", "a writing exercise", "a work sample"
    r"(?:[\w-]+ )?(?:design|writing|written|case|data|sql|analysis|modelling|modeling|technical) "
    r"(?:exercise|assignment)|"
    # a public-service written stage: "respond to two targeted questions", "a written application"
    r"targeted questions?|written (?:response|responses|application|questions?|task)|statement of claims|"
    r"work sample)\b"
)
_DEADLINE = _rx(
    r"\b(?:deadline|submit(?:\s+(?:it|your \w+|this|them))?(?:\s+(?:through|via|in|on)\s+[\w\s]{1,40}?)?\s+"
    r"(?:by|before|no later than)|"
    # "Please send your deck (max 8 slides) to me by Friday, January 16" (not times asked for)
    r"(?:send|return|upload|share|e-?mail(?=\s+(?:me|us|your|the|it|them)\b))\s+(?:(?:me|us)\s+)?"
    r"(?!(?:your\s+|a\s+few\s+|some\s+)?(?:availability|"
    r"available|times|windows|slots|a time|confirmation|rsvp|reply)\b)"
    r"[^.!?\n]{0,50}?\b(?:by|before|no later than)\s+(?:the\s+)?"
    r"(?:end|eod|cob|close|noon|midnight|mon|tue|wed|thu|fri|sat|sun|tomorrow|today|tonight|jan|feb|mar|"
    r"apr|may|jun|jul|aug|sep|oct|nov|dec|\d)\w*|"
    r"complete (?:\w+ ){0,4}(?:by|before|within)|(?:expire|expires|due)\s+(?:on|by|in)|"
    r"within \d+ (?:days|hours)|start (?:the |your )?(?:test|assessment)|take the (?:\w+ ){0,4}"
    r"(?:test|assessment))\b"
)
_ACK = _rx(
    r"\b(?:we(?:'ve| have) (?:successfully )?received your application|application (?:has been |was )?"
    r"(?:successfully )?(?:received|submitted)|thanks? (?:you )?for (?:applying|your application|"
    r"submitting your application)|(?:is|it is) (?:now )?under review|we will review your application)"
)
_INTERVIEWER_SIDE = _rx(
    r"\bas (?:the|an?|our) (?:\w+ ){0,2}interviewer\b|\byou(?:'re| are| will be)\s+(?:\w+\s+)?"
    r"interviewing (?:the |a |this )?candidate|\b(?:submit|complete|fill (?:in|out)) (?:your|the) "
    r"(?:interview )?(?:scorecard|feedback form|feedback)\b|\bscorecard\b|^\s*candidates?\s*:|"
    r"\binterview kit\b|"
    # "thank you for agreeing to sit on the panel", "we're interviewing the two finalists"
    r"\bsit(?:ting)? on (?:the|our|an?|this) (?:interview(?:ing)? |hiring |selection |search )?(?:panel|committee)\b|"
    r"\b(?:we're|we are|we'll be|we will be) interviewing (?:the |our |all )?(?:two |three |four |five |\d )?"
    r"(?:[\w-]+ ){0,3}?(?:finalists|candidates)\b|"
    r"\bshadow(?:ing)? (?:the |this |an )?interview|\binterviewer training\b|"
    r"\bdebrief\b|"
    # German: "Du bist als Interviewer:in eingeplant", "Kandidatin: Mara Yilmaz", "Bewertungsbogen"
    r"\bals interviewer(?::?in(?:nen)?)?\b|\bbewertungsbogen\b|^\s*kandidat(?:in)?\s*:|"
    # the sender is the candidate: "I confirm that I will attend the interview on Monday"
    r"\bi (?:can )?confirm (?:that )?i (?:will|can|'ll) attend\b|"
    r"\bi(?:'ll| will) (?:be attending|attend) (?:the|my) interview\b"
)
#: the interviewer-side words that an employer also uses to the candidate after their onsite
#: ("we're doing the debrief on Thursday", "once the scorecards are in")
_INTERVIEWER_WEAK = _rx(r"\bdebrief\w*|\bscorecards?\b|\bfeedback\b")
#: a message that speaks to the candidate about their own process
_TO_CANDIDATE = _rx(
    # an invitation to the candidate: a simulator check's "brief, debrief" is part of their day
    r"\b(?:(?:pleased|delighted|happy|like|love) to invite you|you(?:'re| are) (?:invited|confirmed|booked)|"
    r"with us|come back to you|get back to you|back to you|(?:move|moving) you (?:forward|on|through)|good luck|"
    r"(?:we'll|we will) (?:have|see|meet|take) you|"
    r"your (?:[\w-]+ )?(?:application|candidacy|interview|onsite|"
    r"travel|visit|day)|thanks? (?:you )?(?:so much |again )?for (?:spending|coming|visiting|your time)|"
    r"(?:update|tell) you\b|liked your|(?:speaking|talking|meeting) with (?:\w+ (?:and|&) )?(?:me|us)\b|"
    r"(?:liked|loved|enjoyed meeting) you\b|(?:next|final) step (?:for (?:us|you|our [\w -]{1,30}) )?is\b|"
    r"follow up with you|(?:will|'ll) be in touch|(?:loved|liked) the way you|next steps? (?:for|with) you|"
    r"the panel (?:was|were) impressed|debrief (?:w/|with) (?:me|us)\b|your submission|you put into|"
    r"(?:take-home|assignment|exercise|homework|case) debrief|"
    # a job or role scorecard describes the post and is shared with its candidates
    r"(?:job|role|position) scorecard)\b"
)

#: the sender addresses the user as the one hiring: a search firm selling its service ("the
#: Marketing Operations Analyst req you're hiring for", "hiring support for your team")
_USER_HIRES = _rx(
    r"\b(?:roles?|reqs?|requisitions?|positions?|openings?|vacanc(?:y|ies)|headcount)\s+(?:that\s+)?"
    r"you(?:'re|’re| are)\s+(?:currently\s+)?(?:hiring|recruiting)(?:\s+for)?\b|"
    r"\b(?:hiring|recruiting|recruitment|search|staffing|talent)\s+support\s+for\s+your\s+(?:team|company|"
    r"organi[sz]ation|department|group)\b|"
    r"\bcontingent (?:search|searches|recruiting|recruitment|placements?)\b|"
    r"\b(?:our|the) (?:fee structure|placement fees?|search fees?)\b"
)
#: who wrote the message a reply quotes: "On …, Name <addr> wrote:", Outlook's "From: Name <addr>"
_QUOTED_AUTHOR = patterns.compile(
    r"(?:^|\n)[ \t>]*(?:on\b[^\n<]{0,160}?|from:[^\n<]{0,80}?|de:[^\n<]{0,80}?|von:[^\n<]{0,80}?)"
    r"<([^<>@\s]+@[^<>\s]+)>",
    re.IGNORECASE,
)
#: where a quoted message's own text ends: a deeper quote, or the attribution of the one it answered
_NESTED_QUOTE = patterns.compile(
    r"^[ \t]*>[ \t]*>|^[ \t>]*(?:on\b[^\n]{0,160}?wrote:|from:|-{3,}\s*original message)",
    re.IGNORECASE | re.MULTILINE,
)
#: the greeting that opens a message: "Hi Devon,", "> Dear Samir,"
_GREETING = patterns.compile(
    r"^[ \t>]*(?:hi|hello|dear|hey|good (?:morning|afternoon))\s+([^\W\d_][\w'-]*)", re.I | re.M
)
#: an invitation to interview, in the inviter's words
_INVITES_YOU = _rx(
    r"\b(?:we|i)(?:'d|\s+would|\s+are\s+pleased|\s+am\s+pleased|'re\s+pleased)\s+(?:like\s+|love\s+)?to\s+"
    r"(?:invite\s+you\s+(?:to|for)\s+(?:an?\s+|your\s+|the\s+)?(?:[\w-]+\s+){0,3}?interview|"
    r"invite\s+you\s+to\s+interview|interview\s+you|schedule\s+an\s+interview\s+with\s+you)\b"
)
#: an invitee who books the user's slot as an employer, in the answers a booking tool passes on
_INVITEE_HIRES = _rx(
    r"\b(?:i'm|i am)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:recruiter|hiring manager|talent partner|sourcer)\b|"
    r"\bour\s+(?:[\w-]+\s+){0,4}?(?:opening|role|position|vacancy|req)\b|\b(?:we're|we are)\s+hiring\b|"
    # a booking page's own questions answered, or its event type: "Are you an in-house recruiter,
    # agency recruiter, or hiring manager? In-house recruiter", "Recruiter screen (30 min)"
    r"^[ \t]*(?:an?\s+)?(?:in-house|internal|agency|external|technical|corporate)\s+recruiter\b|"
    r"^[ \t]*(?:the\s+)?hiring manager\b|^[ \t]*recruit(?:er|ing)\s+(?:intro|screen|call|chat|conversation)\b|"
    r"^[ \t]*(?:hiring manager|recruiter)\s+(?:intro|screen|call|chat|conversation|interview)\b"
)
#: a booker's answer that says the booking is about no job: a client on the user's recruiter page
_NO_JOB_ANSWER = _rx(r"\bnot (?:a|about a) job\b|\bnone of the above\b|\bfreelance help\b")
#: a booking tool's notice to its organizer (Cal.com's "Who:" block, the organizer's address on
#: the line under its name): the user hosts the booking when that address is theirs. Not Google
#: Calendar's "Guests" list, where the line under "Name - organizer" is the next guest's
_ORGANIZER_BLOCK = patterns.compile(
    r"^[ \t]*who[ \t]*:[ \t]*\n[ \t]*[^\n]{1,80}?\s+-\s+organi[sz]er[ \t]*\n[ \t]*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
    re.IGNORECASE | re.MULTILINE,
)
#: people who are not employers but book "an interview" or a session with the candidate: career
#: coaches and paid mock-interview services, mentors, an alumni or admissions interview the
#: candidate conducts, podcasts and journalists
_NON_EMPLOYER = _rules(
    # ("the Physiotherapy Practice Lead interview" is a job's)
    ("text: practice interview or coaching", r"\b(?:mock|practice(?!\s+(?:lead|manager|director|head|owner|"
     r"partner|nurse|coordinator|administrator|development)\b)|simulated|prep)\s+(?:[\w-]+\s+){0,3}?"
     r"(?:interviews?|chalk talks?|job talks?)\b|"
     r"\b(?:career|interview|job[- ]search) coach(?:ing|es)?\b|\bcoaching (?:session|call|package|plan)s?\b|"
     r"\byour coach\b"),
    ("text: mentoring", r"\b(?:as|be) your mentor\b|\bmentee\b|\bmentor(?:ing|ship) (?:programme|program|session|"
     r"call|chat|scheme|match)\b|^\W*mentor(?:ing|ship)?\b"),
    ("text: alumni or admissions interview", r"\balumni interview\w*\b|\bprospective (?:student|students|"
     r"undergraduate)\b|\badmissions? interview\w*\b"),
    ("text: visa or government interview", r"\b(?:visa|consular|embassy|consulate|immigration|citizenship|"
     r"naturali[sz]ation|green card|passport)\s+(?:[\w-]+\s+)?(?:interview|appointment)s?\b"),
    ("text: product research interview", r"(?<!\bof )\b(?:user|ux|customer|product|design) research\b(?!er)|"
     r"\bstudy participants?\b|\bresearch "
     r"(?:session|study|interview|participant)s?\b|\bgift card\b|\byour experience (?:with|using) (?:the |our )?"
     r"(?:product|app|service|platform|tool)\b"),
    # the user as someone else's referee: "Jordan has applied ... and listed you as a reference"
    ("text: a reference for another candidate", r"\b(?:listed|named|gave|given|provided|put (?:down )?)\s+you\s+"
     r"(?:down\s+)?as\s+(?:a|an|one of (?:her|his|their)|her|his|their)\s+(?:professional\s+|academic\s+)?"
     r"(?:references?|referees?)\b|^\W*(?:reference|referee)(?: check| request| call)?\s+(?:for|on|about|re:?)\s|"
     r"\b(?:serve|act|be)\s+as\s+(?:a|an|her|his|their)\s+(?:professional\s+)?(?:reference|referee)\s+for\b|"
     # "would you be willing to write me a letter of recommendation"
     r"\bwrit(?:e|ing)\s+(?:me|him|her|them|us)\s+(?:a\s+|another\s+)?(?:letter of (?:recommendation|reference)|"
     r"(?:recommendation|reference) letter)s?\b"),
    # the user invited to give a talk: a speaker, not a candidate (a job talk names no conference)
    ("text: invited to speak at an event", r"\binvitation to speak\b|\binvit\w*\s+you\s+to\s+(?:give|deliver|present|"
     r"speak)\b[^.\n]{0,100}?\b(?:conference|summit|symposium|congress|annual meeting)\b"),
    # a UK card scheme's or vetting test: "Booking confirmed: ECS Health, Safety & Environmental Assessment"
    ("text: a card-scheme or vetting test", r"\b(?:cscs|ecs|jib)\s+(?:card\s+)?(?:health|touch[- ]screen|test|"
     r"assessment)\b|\bdbs\s+(?:check|application)\b"),
    ("text: media interview", r"\bpodcast\b|\bepisode\b|\b(?:i'm|i am) an? (?:[\w-]+ )?(?:reporter|journalist|"
     r"writer|editor|producer|correspondent)\b|\b(?:writing|working on|researching|reporting)\s+(?:an?|my|our|the)\s+"
     r"(?:article|story|piece|feature|profile|column) (?:on|about)\b|"
     r"\bon the record\b|\bfor (?:our|an?|the) (?:article|story|magazine|newspaper|publication|show)\b"),
)
#: the non-employers that say what they are in a sentence of their own
_SAID_ANYWHERE = frozenset({"text: a reference for another candidate", "text: invited to speak at an event"})
#: the user as a show's guest, a reporter's subject or the one who interviews, wherever it is said:
#: a booking for a recording, a production's schedule, a reporter's request
_PRESS = _rx(
    # a show's guest: "would love to have you on as a guest", "a guest interview", "come on the show"
    # (written as literal phrases: the words every match must hold are what lets most mail skip it)
    r"\bhave you on (?:as (?:a|our) guest|(?:the|our|my) (?:show|podcast|program(?:me)?|channel)|air)\b|"
    r"\b(?:be|as|come on as)\s+(?:a|our)\s+(?:featured\s+|special\s+)?guest\b|\bguest (?:interview|appearance|spot|"
    r"booking|episode|segment)s?\b|\bcome on (?:the show|the podcast|our show|our podcast)\b|"
    r"\b(?:recording|taping|episode|segment) (?:goes live|airs|will air|drops|publishes)\b|"
    # a reporter's piece: "I'd love to interview you about the film", "the piece runs Sept. 18"
    r"\binterview you about\b|\b(?:the|my|our) (?:piece|story|article|feature|profile|segment|episode) "
    r"(?:runs|will run|publishes|will publish|goes live|airs|will air)\b|"
    # a production the user works on: the crew, the cameras, the call sheet, the press
    r"\bcall sheets?\b|\bcallsheets?\b|\bon-camera (?:interview|sit-?down)s?\b|\bon camera (?:interview|sit-?down)s?\b|"
    r"\bb-roll\b|\bcrew call\b|\bcrew setup\b|\bcamera setup\b|"
    r"\bpress (?:junket|day|line)s?\b|\binterviews with outlets\b|\binterviews with the press\b|"
    r"\binterviews with journalists\b|\binterviews with reporters\b|\bmedia interviews\b"
)
#: what a meeting with a non-employer is called where it is booked
_SESSION = _rx(rf"\b(?:{_MEETING}|session|record|recording)\b")

#: an offer that avoids the word: the job extended, a compensation summary, an agreement to sign
_EXTEND_JOB = _rx(
    r"\b(?:like|love|pleased|delighted|happy|thrilled|excited|glad)\s+to\s+(?:formally\s+)?extend\s+(?:to\s+)?"
    r"(?:you\s+)?(?:the|our|a|an|this)\s+(?:[\w-]+\s+){0,4}?(?:position|role|post|job)\b|"
    # "we'd love for you to join Acme as our Lead Engineer"
    r"\b(?:like|love|want|thrilled|delighted)\s+(?:for\s+)?you\s+to\s+join\s+(?:[\w&.-]+\s+){1,3}?as\s+"
    r"(?:our|a|an|the)\b|"
    # "We'd love you to join us as Marketing Manager!"
    r"\b(?:like|love|want|thrilled|delighted)\s+(?:for\s+)?you\s+to\s+join\s+(?:us|the team|our team)\s+as\s+"
    r"(?:[\w&/-]+\s+){0,3}?(?:manager|engineer|director|lead|designer|analyst|officer|head|specialist|"
    r"coordinator|executive|consultant|associate|developer|scientist|nurse|teacher|editor|writer|planner)\b|"
    r"\b(?:an bord holen|à bord)\b"
)
_PAY = _rx(
    r"\b(?:base (?:salary|pay|compensation)|annual (?:base|salary|compensation|base compensation)|"
    r"(?:sign(?:ing|-on)|joining|target|annual) bonus|equity|rsus?|stock options|total compensation|"
    r"ctc|relocation (?:bonus|package|allowance|support)|(?:gross|annual|base)\s+salary|[$€£]\s?\d[\d,.]*k?\s+base|"
    r"bonus target|bonus|esop|vsop|(?:brutto)?jahresgehalt|salaire|(?:hourly|daily|day|contract|bill|pay) rate|"
    r"per hour)\b|\brate\s*:\s*[$€£\d]|"
    # "£185 a day", "on £38k + van"
    r"[$€£]\s?\d[\d,.]*k?\s+(?:a|per)\s+(?:day|hour|week|year|annum)\b|\bon\s+[$€£]\s?\d[\d,.]*k\b"
)
_START = _rx(
    r"\b(?:your |proposed |the )?start(?:ing)? date\b|^\W*start\s*:|"
    # "Start Monday 2nd March"
    r"\bstart (?:on )?(?:mon|tues|wednes|thurs|fri)day\s+\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\b|"
    r"\beintrittsdatum\b|\bdate d'arrivée\b|"
    r"\bhoping for a start\b|\bstart(?:ing)?\s*:\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|\d)"
)
_AGREEMENT = _rx(
    r"\b(?:docusign|adobe sign|hellosign|dropbox sign|e-?signature|e-?sign|sign electronically|countersign\w*)\b|"
    r"\b(?:sign|review and sign|signed)\s+(?:your|the)\s+(?:employment\s+)?(?:agreement|contract)\b|"
    r"\byour (?:employment|job) (?:agreement|contract)\b|\bthe contract is attached\b|\bden vertrag\b"
)
_SIGN_EMPLOYMENT = _rx(r"\bsign\s+(?:your|the)\s+(?:employment|job)\s+(?:agreement|contract)\b")
_WELCOME = _rx(r"\bwelcome (?:aboard|to the team)\b")

#: a relay (job board, ATS) telling the candidate an employer has set up or wants to set up an
#: interview with them: strong enough to stand in bulk mail
_RELAYED = _rx(
    r"\b(?:has|have)\s+(?:now\s+)?(?:scheduled|booked|arranged|confirmed|requested)\s+(?:a|an|your)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?{_MEETING}\s+with you\b|\b(?:schedule|book|pick a time for)\s+your\s+"
    r"(?:[\w-]+\s+){0,3}?interview\b|\binvited you to (?:(?:a|an)\s+(?:[\w-]+\s+){0,3}?)?interview\b|"
    # a job board's "Fairgrove Foods wants to interview you!"
    r"\b(?:wants?|would like)\s+to\s+interview\s+you\b"
)

#: an interviewer's or recruiter's words about the hiring process, enough to make a reply to the
#: candidate's thank-you note a hiring conversation ("I've submitted my feedback; Sam will be in
#: touch about next steps")
_PROCESS = _rx(
    r"\b(?:submitted|shared|sent|passed(?: on| along)?|given|written up)\s+(?:my|our)\s+(?:\w+\s+)?feedback\b|"
    r"\b(?:in touch|get back to you|follow up|update you)\s+(?:with you\s+)?(?:about|on|regarding|with)\s+"
    r"(?:the\s+)?next steps\b|\b(?:wrapping up|collecting|gathering|finali[sz]ing|doing)\s+(?:the\s+|their\s+|our\s+)?"
    r"(?:feedback|debrief)\b|\bthanks? (?:you )?(?:so much |again )?for (?:spending|coming|visiting|your visit)\b|"
    r"\b(?:in touch|get back to you|follow up|update you|reach out)\s+(?:with you\s+)?(?:about|on|regarding|with)\s+"
    r"(?:the\s+)?next steps\b|\b(?:good|great|nice|lovely) (?:meeting|to meet) you\b|\bgood visit\b|"
    # "shared it with the panel", "the panel will compare notes"
    r"\b(?:with|to|for|of) the (?:interview |hiring |selection )?panel\b|"
    r"\bone of the (?:best|strongest) (?:we've|we have|i've|i have) seen\b|"
    r"\bget back to you (?:this|next|by|within|early|later)\b|"
    r"\bthe (?:hiring |search |selection |interview )?committee (?:will|is|has)\b|\b(?:compare|comparing) notes\b|"
    r"\b(?:meeting|seeing|interviewing|speaking (?:to|with))\s+(?:a few|two|three|four|\d+|some|other)\s+"
    r"(?:more\s+|other\s+)?(?:people|candidates|applicants)\b|"
    r"\breference checks?\b"
)

# --- categories -------------------------------------------------------------------------

_REJECTION = _rules(
    # "they ended up promoting their 2nd shift supervisor ... so they won't be moving forward with
    # outside candidates"
    ("text: no outside candidates", r"\b(?:won't|will not|aren't|are not|not)\s+(?:be\s+)?(?:moving|going)\s+"
     r"forward\s+with\s+(?:any\s+)?(?:outside|external)\s+(?:candidates|applicants|hires)\b"),
    ("text: decided not to proceed", r"\b(?:decided|chosen|chose|elected|opted)\s+(?:not\s+to|to\s+not)\s+"
     r"(?:move|proceed|progress|advance|continue|pursue|go|invite you|shortlist you|take you)\b"),
    # "you were not among the best-qualified candidates referred ... You will not be considered further"
    ("text: not considered further", r"\b(?:will|would) not be considered further\b|"
     r"\bnot among the (?:best[- ]qualified|top|most qualified|highest[- ]ranked) (?:candidates|applicants)\b"),
    # "your application will not be progressing further", "other candidates more closely met the requirements"
    ("text: application not progressing", r"\byour (?:application|candidacy|candidature)\s+(?:will|would)\s+not\s+"
     r"(?:be\s+)?(?:progress\w*|proceed\w*|advanc\w*|mov\w+ forward|go\w* (?:any )?further)\b|"
     r"\bother (?:candidates|applicants) (?:more closely|better) (?:met|matched|aligned with)\b"),
    ("text: not moving forward with you", r"\b(?:not|won't|will not|unable to|cannot|can't|not (?:be )?able to|"
     r"not in a position to)\s+(?:be\s+)?"
     r"(?:moving|move|proceed|proceeding|progress|progressing|advance|advancing|continu\w+)\s+"
     r"(?:forward\s+)?(?:further\s+)?(?:with\s+)?(?:your|you)\b"),
    ("text: going with other candidates", r"\b(?:decided|chosen|chose|elected|opted)\s+to\s+(?:move forward|move ahead|"
     r"proceed|go|continue|pursue|progress)\s+with\s+(?:other|another|a different|different|"
     r"(?:the\s+)?candidates?|someone|an?\s+(?:[\w-]+\s+)?candidate\s+(?:who|whose|with)|"
     r"an?\s+(?:internal|external|stronger|more experienced)\s+(?:candidate|applicant|hire))\b|"
     r"\bpursue other candidates\b|\bother candidates whose\b|"
     # "the role has been closed as part of a broader reorg, and we won't be moving forward with any candidates"
     r"\b(?:won't|will not|are not|aren't|not)\s+(?:be\s+)?(?:moving forward|proceeding|continuing)\s+with\s+"
     r"(?:any|the other|other)\s+(?:candidates|applicants)\b|"
     r"\b(?:role|position|opening|vacancy|req(?:uisition)?)\s+(?:has been|was|have been|had to be)\s+"
     r"(?:closed|cancell?ed|withdrawn|eliminated)\b|"
     # "we have offered the Summer 2026 Mechanical Engineering Co-op Student position to another candidate"
     r"\b(?:offered|given)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,7}?(?:role|position|job|post)\s+to\s+"
     r"(?:another|a different|an?\s+(?:internal|external|other))\s+(?:candidate|applicant|person)\b|"
     # "we've decided to offer the manager role to Carly, who has been with us for six years"
     r"\b(?:decided|chosen|chose|elected|opted)\s+to\s+(?:offer|give)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?"
     r"(?:role|position|job|post)\s+to\s+(?!you\b)|"
     # "we've decided to pursue candidates whose experience more closely matches"
     r"\b(?:decided|chosen|chose|elected|opted)\s+to\s+(?:pursue|consider|focus on|prioriti[sz]e)\s+(?:other\s+)?"
     r"(?:candidates|applicants|profiles)\s+(?:whose|who|with)\b|"
     # "wanted to let you know we went with an internal candidate for the receiving lead"
     r"\b(?:we|they|the\s+(?:team|client|store|manager))\s+(?:went|have\s+gone|'ve\s+gone|are\s+going|decided\s+to\s+go)"
     r"\s+with\s+(?:an?\s+(?:internal|external|different|other|more\s+experienced)\s+(?:candidate|applicant|person)|"
     r"another\s+(?:candidate|applicant|person)|someone\s+(?:else|internal|internally|from\s+within))\b|"
     # told, not decided: "the team moved forward with another candidate", "have gone ahead with someone"
     r"\b(?:we|they|the\s+(?:team|panel|client|company|hiring\s+manager))\s+(?:have\s+|has\s+|'ve\s+)?"
     r"(?:moved|gone|went)\s+(?:forward|ahead)\s+with\s+(?:another|other|a\s+different|an?\s+(?:internal|external)"
     r")\s+(?:\w+\s+)?(?:candidates?|applicants?|person)\b|"
     r"\b(?:clos(?:e|ing)\s+out|clos(?:e|ing))\s+your\s+(?:candidacy|application|file)\b|"
     # "decided to promote our super into the PM spot ... not going to bring anybody on"
     r"\bnot\s+(?:going\s+to\s+)?(?:bring(?:ing)?\s+(?:anybody|anyone)\s+on|hir(?:e|ing)\s+(?:anybody|anyone))\b|"
     r"\bdecided\s+to\s+promote\s+(?:from\s+within|internally|(?:our|one of our|an?)\s+)|"
     # "the board met last night and have decided to appoint our Deputy CFO, Alan Brody, to the role"
     r"\bdecided\s+to\s+appoint\s+(?:[\w'’,-]+\s+){0,8}?(?:to\s+the\s+(?:role|position|post)\b|internally\b|"
     r"(?:an?\s+)?internal\s+candidate\b|(?:another|a\s+different|an\s+external)\s+candidate\b)|"
     # a founder's "we're going to hire someone on US hours for this first infra role"
     r"\b(?:going to|decided to|chosen to|will)\s+(?:hire|go with|bring on)\s+"
     r"(?:someone|somebody|another (?:candidate|person)|"
     r"a (?:different )?candidate (?:who|whose|with|that))\b(?!\s+like you)|"
     # "the site has selected another candidate", "the panel has recommended another candidate"
     r"\b(?:has|have|'ve|'s)\s+(?:now\s+)?(?:selected|chosen|hired|appointed|recommended|identified|offered the "
     r"(?:role|position) to)\s+(?:another|a different|other|an?\s+(?:internal|external|more qualified|stronger))\s+"
     r"(?:candidate|applicant|finalist)s?\b|"
     r"\b(?:decided|chosen|chose)\s+to\s+(?:appoint|hire|select)\s+(?:an?(?:other)?\s+(?:[\w-]+\s+)?"
     r"(?:candidate|applicant|person)|someone)\b|"
     # "decided to fill the role with an internal candidate"; "we went w someone w more 3D exp"
     r"\b(?:fill|filled|filling)\s+(?:the|this)\s+(?:[\w&/,-]+\s+){0,5}?(?:role|position|job|post)\s+"
     r"(?:with\s+(?:an?\s+)?(?:internal|external|another|other)|internally)\b|"
     r"\b(?:went|gone|going)\s+(?:w/?|with)\s+(?:someone|somebody|another (?:candidate|person|designer|engineer)|"
     r"(?:two|three|\d+|other|the other) candidates?|"
     r"a different (?:candidate|person))\b|"
     # "we've offered the Logistics Coordinator role to another candidate", "decided to offer the
     # position to a candidate with more ..."
     r"\b(?:offer|offered|extended|given)\s+(?:the|this)\s+(?:[\w&/,-]+\s+){0,5}?(?:role|position|job|post)\s+"
     r"to\s+(?:another|a different|an?(?:\s+[\w-]+)?)\s+(?:candidate|finalist|applicant)\b|"
     r"\b(?:offered|given)\s+(?:the|this)\s+(?:[\w&/,-]+\s+){0,5}?(?:role|position|job|post|spot)\s+to\s+"
     r"(?:someone|somebody)\b|"
     # "the department has extended an offer for the Assistant Professor position to another candidate"
     r"\b(?:extended|made|given)\s+(?:an|the|its|our|their)\s+offer\s+(?:for\s+(?:the|this)\s+"
     r"(?:[\w&/,-]+\s+){0,6}?(?:role|position|job|post|line)\s+)?to\s+(?:another|a different|an?other)\s+"
     r"(?:candidate|finalist|applicant|person)\b|"
     r"\b(?:extend|extended|make|made|offer|offered|give|gave)\s+(?:an?\s+|the\s+)?(?:offer|role|position|job)?\s*"
     r"to\s+(?:another|a different|an(?:other)? (?:internal|external)|an?(?: \w+)?)\s+"
     r"(?:candidate|finalist|applicant)\b"),
    # an offer declined in so many words: "we won't be offering you a place", "we regret that we
    # are unable to offer you the position"
    ("text: no offer made", r"\b(?:not|won't|will not|unable to|cannot|can't|not able to|not in a position to)"
     r"(?:\s+to)?\s+"
     r"(?:be\s+)?(?:offer|offering|extend|extending|make|making)\s+(?:you\s+)?(?:an?|the|this)\s+"
     r"(?:[\w-]+\s+){0,3}?(?:place|position|role|offer|job|post|contract)\b"),
    # the object comes between: "decided not to take you forward", "will not be taking your
    # application further", "not progressing your candidacy any further"
    ("text: not taking you forward", r"\b(?:not|won't|will not|unable to|cannot|can't|not (?:be )?able to|"
     r"not in a position to)\s+(?:to\s+)?(?:be\s+)?"
     r"(?:taking|take|putting|put|moving|move|progressing|progress|bringing|bring|carrying|carry)\s+"
     r"(?:you|your\s+(?:application|candidacy|profile|cv|resume))\s+(?:any\s+)?(?:forward|further)\b"),
    ("text: not moving forward", r"\b(?:won't|will not|are not|aren't|not)\s+be\s+(?:moving|going)\s+forward"
     r"(?=\s*(?:at this (?:time|stage|point)|for now|with (?:your|the) (?:application|candidacy)|[.,;]))"),
    ("text: decided on another candidate (de)", r"\bleider\b[^.!?]{0,200}?\b(?:für (?:eine?n? )?(?:andere[nr]?|"
     r"weitere[nr]?) (?:kandidat\w*|bewerber\w*)[^.!?]{0,40}?entschieden|absage\b|nicht (?:weiter )?berücksichtig\w*)"),
    ("text: regret to inform", r"\bregret to (?:inform|let you know|tell you)\b|"
     r"\b(?:sorry|unfortunate) to (?:tell|inform|let) you\b(?=.{0,120}\b(?:not|other candidate|unsuccessful))"),
    ("text: position filled", r"\b(?:position|role|vacancy|opening) has (?:now )?been filled\b|"
     r"\b(?:has|have)\s+(?:now\s+)?(?:completed|concluded|finished)\s+(?:(?:her|his|its|their|our)\s+)?hiring\b|"
     r"\ball\s+(?:of\s+)?(?:the\s+|our\s+|(?:her|his)\s+)?(?:\w+\s+)?(?:positions|clerkships|roles|vacancies)\s+"
     r"(?:have been|are now|are)\s+filled\b|"
     r"\boffered the (?:role|position) to (?:another|a different|a) candidate\b|"
     # "We ended up filling the CL300 seat with a pilot who was already typed"
     r"\b(?:ended up|have|had|decided to|went ahead and)\s+fill(?:ing|ed)?\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?"
     r"(?:seat|role|position|opening|vacancy|job|post)\s+(?:with|internally)\b"),
    ("text: not selected", r"\b(?:you )?(?:were|have) not been selected\b|\bnot selected (?:to|for)\b|"
     r"\b(?:were|was|have|has)(?:n't|\s+not)\s+(?:been\s+)?shortlisted\b|"
     r"\b(?:your application|you)(?: for [^.!?\n]{1,60}?)? (?:was|were|has been|have been) unsuccessful\b|"
     r"\bnot (?:be )?(?:extending|making) (?:you )?an offer\b|\bno longer (?:under )?consider\w*\b|"
     r"\b(?:you|your application)\s+(?:have|has|were|was)\s*(?:n't|\s+not)\s+(?:been\s+)?successful\b|"
     r"\bunsuccessful on this occasion\b|\b(?:application )?status\s*(?:[:-]|has changed to|changed to|is now)\s*"
     r"(?:not selected|unsuccessful|rejected|declined|not progressed)\b"),
    # a candidate found suitable but not given the job now: a reserve list, a merit pool
    ("text: not offered a post at this time", r"\b(?:have|has|were|was|are|will)\s*(?:n't|\s+not)\s+(?:be\s+|been\s+)?"
     r"offered\s+(?:a|an|the|one of the)\s+(?:[\w-]+\s+){0,2}?(?:position|role|post|job|vacanc\w+)\b|"
     r"\bnot ranked (?:highly|high) enough\b"),
)
_OFFER = _rules(
    ("text: offer extended", r"\b(?:pleased|delighted|happy|thrilled|excited|glad)\s+to\s+(?:formally\s+)?"
     r"(?:extend|offer)\b|\bextend(?:ing)?\s+(?:you\s+)?(?:an?\s+)?(?:formal\s+|verbal\s+|written\s+)?"
     r"(?:job\s+)?offer\b|\boffer(?:s|ing)? you (?:the|a|an|this|our) (?:[\w&/,'-]+ ){0,6}?"
     r"(?:appointment|position|role|job|place|post)\b(?!\s+(?:board|alerts?|search|fair|market|seekers?)\b)|\b(?:like|love|want|going)\s+"
     r"to\s+(?:formally\s+)?(?:offer you|make you an?\s+(?:\w+\s+)?offer)\b|\bmake you an?\s+(?:formal\s+|"
     r"verbal\s+|written\s+)?offer\b|"
     # "we'd love to have you join Parcelwise as a Backend Engineer"
     r"\b(?:love|like|excited|thrilled|delighted)\s+to\s+have\s+you\s+join\s+(?:[\w&-]+\s+){0,3}?as\s+"
     r"(?:a|an|our|the)\b|"
     # "thrilled to send over your formal offer", "called me with a verbal offer"
     r"\b(?:send|sending|share|sharing)\s+(?:over\s+)?(?:you\s+)?(?:your|our)\s+(?:formal\s+|written\s+|official\s+)?"
     r"(?:job\s+)?offer\b|\b(?:with|got|have|made)\s+(?:you\s+)?an?\s+(?:verbal|written|formal)\s+offer\b|"
     # an agency's news: "linda loved you, you got the offer", "you got the job!"
     r"\b(?:has|have|'ve)\s+(?:approved|signed off on|put together)\s+(?:an?|the|your)\s+offer\b|"
     r"\b(?:confirm|confirming)\s+(?:[\w.'’-]+\s+){0,3}?(?:telephone|phone|verbal|oral)\s+offer\b|"
     r"^\W*(?:your\s+|our\s+)?offer\s+(?:letter\s+)?(?:is\s+)?attached\b|"
     r"\byou(?:'ve| have)?\s+(?:got|landed|been given)\s+(?:the|an?)\s+(?:job\s+|verbal\s+|written\s+|formal\s+)?"
     r"offer\b|\byou got the (?:job|position|contract)\b|"
     # a negotiation's answer: "we've revised the offer as follows", "our improved offer"
     r"\b(?:we(?:'ve|\s+have)|i(?:'ve|\s+have))\s+(?:now\s+)?(?:revised|improved|updated|amended|increased)\s+"
     r"(?:the|our|your)\s+offer\b|\b(?:a|our|the|your)\s+(?:revised|improved|updated|amended)\s+offer\b"),
    ("text: offer extended (de)", r"\b(?:dir|ihnen|euch)\s+(?:ein|unser)\s+(?:\w+\s+)?(?:angebot|vertragsangebot)\b"),
    ("text: offer letter", r"\b(?:your|the|formal|written|attached)\s+(?:\w+\s+)?offer letter\b|"
     r"\b(?:a|your|the|formal|written|conditional)\s+(?:\w+\s+)?letter of (?:offer|appointment)\b|"
     r"\b(?:attach\w*|enclos\w*|find attached)\s+(?:is\s+|are\s+)?(?:a|an|your|the)\s+(?:formal\s+|written\s+)?"
     r"(?:conditional\s+|unconditional\s+)?offer\b|\byour conditional offer\b|"
     r"\bconditional offer (?:letter|of employment)\b|"
     r"\boffer of (?:employment|appointment)\b|"
     r"\b(?:sign|review|accept) (?:and (?:sign|accept) )?(?:your|the) (?:job )?offer\b|"
     r"\bjob offer\b"),
)
_OFFER_SUBJECT = _rx(r"\b(?:offer of (?:employment|appointment)|job offer|offer letter|your offer|an offer|offer for|"
                     r"verbal offer)\b|"
                     r"^\s*offer\s*[-–—:]")
#: an e-signature envelope or an HR task whose document or task names the offer or the
#: employment contract ("Signature requested on 'Employment Agreement - J. Doe'")
_OFFER_DOCUMENT = _rx(
    r"\b(?:employment|offer)\s+(?:letter|agreement|contract)\b|\b(?:review|accept)\s+(?:and\s+(?:accept|sign)\s+)?"
    r"your\s+(?:job\s+)?offer\b|\barbeitsvertrag\b|\bcontrat de travail\b"
)
_ENVELOPE = _rx(
    r"\b(?:docusign|adobe ?sign|hellosign|dropbox sign|signnow|pandadoc)\b|\b(?:signature requested|"
    r"sent you [^\n]{1,80} to sign|please (?:review and )?(?:sign|complete)|review and sign|action required)\b"
)

_CANCEL_SUBJECT = _rx(r"\b(?:cancel(?:l)?ed|cancellation|cancel(?:l)?ing|abgesagt|storniert)\b")
_CANCEL_TEXT = _rules(
    # "so tomorrow's final (3:30-4:15 CT with Raj and Colleen) is cancelled"
    ("text: the interview is cancelled", r"\b(?:tomorrow's|today's|tonight's|\w+day's|the|your|our)\s+"
     r"(?:[\w-]+\s+)?(?:final|finals|onsite|on-site|panel|screen|interview|call|chat|round|meeting)"
     r"(?:\s*\([^()\n]{0,80}\))?\s+(?:is|has been|was|'s been|has had to be)\s+(?:now\s+)?cancel(?:l)?ed\b"),
    ("text: has to cancel", r"\b(?:(?:need|have|had|must|going|asked (?:me|us)|been asked|"
     r"want(?:s|ed)? (?:me|us))\s+"
     r"to|must|gotta|got to)\s+cancel\s+(?:(?:tomorrow|today|tonight)\b|"
     r"all\s+(?:(?:open|scheduled|upcoming|pending)\s+)?(?:interviews\b|(?:of\s+)?(?:our|the)\b)|"
     r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day)?\b|"
     r"your|our|the|this|my|it(?=\s*[.,;–—-])|today's|tomorrow's|(?:next\s+|this\s+)?\w+day's)\b"),
    # "Fenwick have pulled tomorrow's 11am with Jo"
    ("text: pulled the interview", r"\b(?:have|has|'ve|'s)\s+(?:just\s+)?pulled\s+(?:the|your|our|today's|tomorrow's|"
     r"(?:mon|tues|wednes|thurs|fri|satur|sun)day's)\s+(?:[\w-]+\s+){0,2}?(?:\d|interview|call|meeting|screen)"),
    # "Sabine Pass just let us know they're cancelling tomorrow's 10am interview"
    ("text: cancelling the interview", r"\b(?:is|are|'re|'s|am|'m)\s+(?:now\s+|just\s+|having to\s+)?"
     rf"cancel(?:l)?ing\s+(?:your|our|the|this|today's|tomorrow's|\w+day's)\s+(?:[\w-]+\s+){{0,3}}?{_MEETING}\b"),
    ("text: interview cancelled", rf"\b{_MEETING}\b[^.\n]{{0,120}}\b(?:has|have|had|was|were|is|"
     r"been|stands?)\s+(?:been\s+)?(?:cancel(?:l)?ed|called off)\b"),
    ("text: cancelled the interview", r"\b(?:i(?:'ve)?|we(?:'ve)?|has|have)\s+(?:therefore\s+|now\s+|also\s+)?"
     r"cancel(?:l)?ed\s+"
     r"(?:your|our|the|this)\b"
     # "we've cancelled the flights for Monday and rebooked you": the travel, not the interview
     r"(?!\s+(?:[\w-]+\s+)?(?:flights?|hotel|room|reservations?|tickets?|rental|car|train|travel|itinerary|"
     r"taxi|shuttle|lunch|dinner|order|subscription)\b)"),
    # a scheduling tool's notice: "Lena Baumann canceled the event below"
    ("text: event cancelled", r"\b(?:has )?cancel(?:l)?ed (?:this|the) (?:event|meeting|interview|call|"
     r"appointment|booking)\b|\b(?:the|this|your) (?:event|meeting|booking|appointment)(?: below| above)? "
     r"(?:has been|was|is) cancel(?:l)?ed\b"),
    # the second verb of a pair: "we have withdrawn your application and cancelled your interview"
    ("text: and cancelled the interview", rf"\band\s+(?:have\s+)?cancel(?:l)?ed\s+(?:your|our|the|this)\s+"
     rf"(?:[\w-]+\s+){{0,3}}?{_MEETING}\b"),
    ("text: calls off the meeting", r"\b(?:call|calling|called) off (?:our|your|the|this|today's|tomorrow's)\b"),
    # "just cancelled tomorrow's 10am"; "so tomorrow's 2pm with their DCN is off"
    ("text: a day's meeting is off", r"\bcancel(?:l)?ed\s+(?:today's|tomorrow's|\w+day's)\b|"
     # "so Tuesday's off, no trade test"
     r"\b(?:today|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)['’]s\s+off\b|"
     r"\b(?:today's|tomorrow's|\w+day's)\s+[^.\n]{0,60}?\b(?:is|are)\s+(?:now\s+)?off\b"),
)
_PAUSE = _rx(r"\b(?:paus|suspend|halt|freez)\w*\s+(?:all\s+)?(?:\w+\s+)?(?:interviews|hiring|the search)\b")

_RESCHEDULE_SUBJECT = _rx(
    r"\b(?:re-?schedul\w+|re-?book\w*|moved|moving|postpon\w+|new (?:date|time)|"
    r"updated (?:invitation|time|date)|time change|"
    r"change of (?:time|date)|verschoben|updated:)"
)
_RESCHEDULE_TEXT = _rules(
    ("text: interview moved", r"\b(?:has|have|had|i've|i have|we've|we have|i|we|it's|it has|is)\s+"
     r"(?:now\s+|just\s+|therefore\s+|also\s+)?(?:been\s+)?(?:re-?scheduled|moved|pushed|shifted|re-?booked|"
     r"postponed(?=\s+(?:to|until|till)\b))"
     r"(?!\s+(?:forward|on|ahead)\b)"),
    # "Ardent moved your interview to Wednesday 9/17 at 10:30 AM PT"
    ("text: moved the interview to", rf"\b(?:moved|rescheduled|pushed|shifted|bumped)\s+(?:your|the|our)\s+"
     rf"(?:[\w-]+\s+){{0,2}}?{_MEETING}\s+(?:back\s+)?(?:to|until|till)\b"),
    ("text: postponed", rf"\b(?:postpon\w+|push(?:ed|ing)? back|bump(?:ed|ing)?)\b[^.\n]{{0,60}}\b{_MEETING}\b|"
     rf"\b{_MEETING}\b[^.\n]{{0,60}}\b(?:postponed|pushed back|pushed to|bumped to|moved to)\b"),
    ("text: moving the interview", r"\b(?:we're|we are|i'm|i am|we'll be|we will be)\s+(?:having to\s+)?"
     r"(?:moving|shifting|pushing|rescheduling)\s+(?:it|this|the|your|our)\b"),
    # a booking tool: "Maya Kessler rescheduled your event", "Ines rescheduled your meeting"
    ("text: rescheduled the event", r"\brescheduled (?:your|the|this|our) (?:event|meeting|interview|call|booking)\b"),
    # "your final round moves from Tuesday 14 October to Thursday 16 October"
    ("text: interview moves", rf"\b{_MEETING}s?\s+(?:now\s+|has\s+)?(?:moves|is moving|shifts|is shifting)\s+"
     r"(?:from\b[^.\n]{0,60}?\s)?to\b"),
    ("text: interview has to move", rf"\b{_MEETING}\s+(?:has|have|had|needs?|will\s+have)\s+to\s+(?:be\s+)?"
     r"(?:move|moved|shift|shifted|re-?scheduled|postponed|pushed)\b"),
    # a line that sets out the new time: "NEW: Thursday, 2 October 2025, 08:30-09:30 CEST"
    ("text: new time set out", r"^[ \t]*new[ \t]*:[ \t]*(?=\S)"),
    ("text: need to move the interview", r"\b(?:need|needs|(?<!you )asked|want|wants) to "
     r"(?:move|reschedule|push|shift|change|postpone)\s+(?:your|our|"
     r"the|this|my|today's|tomorrow's|\w+day's)\b"),
    ("text: new time", r"\bnew (?:date and |date/)?time(?:\s+is\b|\s*:)|\bnew (?:date|slot)\s*:|"
     r"\bneuer (?:termin|zeitpunkt)\s*:|\bnouvel(?:le)? (?:horaire|date)\s*:"),
    ("text: interview moved (de)", r"\b(?:müssen|möchten|mussten)\s+wir\s+(?:\w+\s+){1,6}?(?:leider\s+)?verschieben\b|"
     r"\bverschoben\b"),
    ("text: rescheduling the interview", rf"\b(?:rescheduling|reschedule)\s+(?:your|our|the)\s+"
     rf"(?:[\w-]+\s+){{0,3}}?{_MEETING}\b"),
    # "we would like to change the schedule of your 1st interview as follows"
    ("text: changing the interview's time", r"\b(?:change|changing|adjust|adjusting|modify|modifying)\s+(?:the\s+)?"
     rf"(?:schedule|date|time|timing|date and time)\s+(?:of|for)\s+(?:your|our|the|this)\s+(?:[\w-]+\s+){{0,3}}?"
     rf"{_MEETING}\b"),
    # "they've asked to push Thursday back to 3pm": a day moved to a new hour
    ("text: a day moved to a new time", r"\b(?:push|move|shift|bump)(?:ed|ing)?\s+(?:\w+day|tomorrow|today)(?:'s)?\s+"
     r"(?:\w+\s+)?(?:back|forward|later|earlier)?\s*to\s+\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\b|p\.?m\b|\d{2}\b)"),
    # "we have decided to change tomorrow's final interview": the meeting itself changed
    ("text: changing the interview", r"\b(?:change|changing)\s+(?:today's|tomorrow's|\w+day's)\s+"
     rf"(?:[\w-]+\s+){{0,3}}?{_MEETING}\b"),
    ("text: held instead", rf"\b{_MEETING}\s+(?:\w+\s+){{0,3}}?will\s+(?:now\s+)?instead\s+"
     r"(?:be\s+held|take\s+place)\b"),
    # the old time and the new set out on two lines: "- Before: 2025.08.07 …\n- After : 2025.08.08 …"
    ("text: old and new time set out", r"^[ \t]*(?:[-•*]\s*)?(?:before|old|previous|original)[ \t]*:[^\n]*\n"
     r"[ \t]*(?:[-•*]\s*)?(?:after|new|changed|updated)[ \t]*:"),
)

#: moves in everyday words, trusted only with a strong hiring context (see _strong_hiring)
_RESCHEDULE_INFORMAL = _rules(
    ("text: has to move the meeting", r"(?<!\byou )(?<!\byou've )\b(?:need|needs|needed|have|has|had|got|going|"
     r"must|asked|asks|"
     r"wants|wanted|would like|'d like)\s+(?:\w+\s+)?to\s+"
     r"(?:move|push|shift|bump|postpone|reschedule|rearrange|change)\s+(?:back\s+)?(?:your|our|the|this|"
     rf"today's|tomorrow's|\w+day's)\s+(?:[\w-]+\s+){{0,3}}?{_MEETING}\b"),
    ("text: moving the meeting", r"\b(?:i'm|we're|i am|we are|i'll|we'll|i will|we will|let's|let us|i've|"
     r"we've|we can|i can)\s+(?:just\s+|now\s+|go ahead and\s+|definitely\s+|happily\s+)?(?:moving|move|"
     r"moved|pushing|push|pushed|shifting|shift|shifted|bumping|bump|bumped|postponing|postpone|postponed)"
     rf"\s+(?:back\s+)?(?:your|our|the|this|today's|tomorrow's|\w+day's)\s+(?:[\w-]+\s+){{0,3}}?{_MEETING}\b"),
    # "lets do mon 9/29 same time 7am", "Thursday 26 March, same time"
    ("text: another day, same time", r"\b(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*|\d{1,2}/\d{1,2}|tomorrow)\b"
     r"[^.!?\n]{0,30}?\bsame time\b"),
    # "Need to push you to Thurs 10/30, same time"
    ("text: moves the candidate", r"\b(?:push|move|bump|shift)(?:ing)?\s+you\s+(?:back\s+)?to\s+"
     r"(?:\d|mon|tue|wed|thu|fri|sat|sun|tomorrow|next|later)"),
    # "she's going to call you at 4:30 instead"
    ("text: meets at another time instead", r"\b(?:call|ring|phone|meet|see|speak (?:to|with)|talk to)\s+you\s+"
     r"(?:at|on)\s+[^.!?\n]{1,40}?\binstead\b"),
    ("text: changes the time", r"\bchange (?:the )?(?:time|date|day|timing) (?:of|for) (?:our|your|the|this)\b|"
     r"\b(?:a|the) new (?:time|date|slot) for (?:our|your|the)\b"),
    ("text: moved the meeting", r"\b(?:he's|she's|they've|he has|she has|they have|i've|we've)\s+"
     r"(?:just\s+|now\s+|gone ahead and\s+)?(?:moved|pushed|shifted|bumped)\s+(?:your|our|the|everyone|everything|"
     r"it|us)\b(?!\s+(?:forward|ahead)\b)"),
    ("text: meeting now at another time", rf"\b{_MEETING}\b[^.\n?]{{0,60}}?\b(?:will now be|is now|now starts?|"
     r"(?:will )?now begins?|"
     r"has (?:been )?changed to|changed to)\s+(?:at|on|from|\d|(?:mon|tue|wed|thu|fri|sat|sun)\w*|tomorrow|today|"
     r"next|half an? hour|an? hour|earlier|later)\b"),
)
#: "Could we push our call to Thursday?": a move asked for is still a move
_RESCHEDULE_ASK = _rules(
    # "an investor call landed on my 11. can we push to 2:30 PT today instead?"
    ("text: can we push it", r"\b(?:can|could) we (?:push|move|bump|shift)\s+(?:it\s+|this\s+|you\s+|our\s+\w+\s+)?"
     r"(?:back\s+)?to\s+(?:\d|mon|tue|wed|thu|fri|sat|sun|tomorrow|later|next)"),
    ("text: asks to move the meeting", r"\b(?:can|could) we (?:please\s+)?(?:move|push|shift|bump|"
     r"reschedule|postpone)\s+(?:back\s+)?(?:your|our|the|this|today's|tomorrow's|\w+day's)\s+"
     rf"(?:[\w-]+\s+){{0,3}}?{_MEETING}\b|\bwould it be (?:possible|ok|okay) to (?:move|push|shift|bump|"
     rf"reschedule|postpone)\s+(?:back\s+)?(?:your|our|the|this)\s+(?:[\w-]+\s+){{0,3}}?{_MEETING}\b|"
     rf"\b(?:mind if we|okay if we|ok if we) (?:move|moved|push|pushed|shift|shifted|bump|bumped)\s+(?:our|your|the)\s+"
     rf"(?:[\w-]+\s+){{0,3}}?{_MEETING}\b"),
    # German: "Könnten wir auf 15:30 schieben?"
    ("text: can we push it (de)", r"\b(?:könnten|können)\s+wir\s+(?:\w+\s+){0,3}?(?:auf\s+)?(?:[\d:.]+\s+(?:uhr\s+)?)?"
     r"(?:schieben|verschieben|verlegen)\b"),
    # "Would you be able to come in on Tuesday the 24th instead?"
    ("text: asks for another day instead", r"\b(?:would|could|can)\s+you\s+(?:\w+\s+){0,4}?(?:on|at)\s+"
     r"[^.?!\n]{1,40}?\binstead\b"),
)

_INVITE_SUBJECT = _rules(
    ("subject: interview confirmation", rf"\b{_MEETING}\b.{{0,50}}\b(?:confirm\w*|scheduled|"
     r"invitation|invite|request|schedule|booked|details)\b|\b(?:confirm\w*|scheduled|invitation|"
     rf"invited?|request|schedule|scheduling|einladung|book)\b.{{0,60}}\b{_MEETING}\b"),
    ("subject: interview itinerary", rf"\b{_MEETING}s? (?:itinerary|agenda|schedule)\b"),
    ("subject: interview date", rf"\b{_MEETING}\b.{{0,60}}(?:\b\d{{1,2}}[:/.]\d{{1,2}}\b|\b\d{{1,2}}\s*"
     r"(?:am|pm)\b|\b(?:mon|tue|wed|thu|fri|sat|sun)\w*\b|\btomorrow\b|\btoday\b|"
     r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d|"
     r"\b\d{1,2}(?:st|nd|rd|th)?[-\s](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b)"),
    ("subject: interview stage", r"\b(?:first|second|final|next|technical|panel)[- ](?:round|stage|"
     r"interview)\b|\bphone screen\b|\bvirtual onsite\b|\bonsite\b"),
)
_INVITE_TEXT = _rules(
    ("text: invites you to an interview", rf"\binvit\w*\s+(?:you|dich|sie)\s+(?:to|for)\s+(?:[\w-]+\s+)"
     rf"{{0,5}}?{_MEETING}\b|\bzu[mr]?\s+(?:\w+\s+){{0,3}}(?:interview|gespräch|vorstellungsgespräch)"
     r"\s+einladen\b|\b(?:convier|inviter)\s+à\s+(?:un|une|notre)\s+(?:\w+\s+){0,2}?entretien\b|"
     r"\b(?:souhaiterions|souhaitons|aimerions)\s+vous\s+rencontrer\b"),
    ("text: interview confirmed", rf"\b{_MEETING}\b[^.\n]{{0,80}}?\b(?:is|are|has been|have been|is now)"
     r"\s+(?:now\s+)?(?:confirmed|scheduled|booked|set up|set|arranged|all set|fixed|finali[sz]ed)\b|"
     r"^\W*your \w+(?: \w+)? is confirmed\b"),
    ("text: confirming the interview", rf"\b(?:confirm(?:s|ing|ed)?|confirmation of|to confirm)\s+"
     rf"(?:your|the|our)\s+(?:[\w-]+\s+){{0,4}}?{_MEETING}\b|"
     r"\b(?:has|have)\s+confirmed\s+(?:your|the)\s+(?:interview\s+)?(?:slot|time|booking)\b"),
    ("text: you're confirmed", r"\b(?:you|we)(?:'re| are)\s+(?:all\s+)?(?:set|confirmed|booked|scheduled)\s+"
     r"(?:for|to|with)\b"
     # a seat in a class, not a meeting: "You are confirmed for the two-day Employment Track workshop"
     r"(?!\s+(?:(?!interview|call|chat|screen|meeting|conversation)[\w()'/-]+\s+){0,8}?(?:workshop|class|course|"
     r"training|seminar|webinar|orientation|track|bootcamp|boot camp|conference|fair|info(?:rmation)? session)s?\b)"),
    ("text: schedules an interview", rf"\b(?:schedule|set up|arrange|book|line up|organi[sz]e|lock in)\s+"
     rf"(?:a|an|your|the|our|some time for an?)\s+(?:[\w-]+\s+){{0,4}}?{_MEETING}\b"),
    # "we'd like you to have a final conversation with our CRO"
    ("text: would like you to meet", r"\b(?:like|love|want)\s+you\s+to\s+(?:have|do|join|attend)\s+(?:a|an|the|our)\s+"
     rf"(?:[\w-]+\s+){{0,3}}?{_MEETING}\s+with\b"),
    ("text: would like to meet", r"\b(?:like|love|wants?|pleased|happy|delighted|excited|keen)\s+to\s+"
     # (not to a task: "would like to invite you to complete a short technical exercise")
     r"(?:invite you(?!\s+to\s+(?:complete|take|submit|do|fill|record|apply|register|sit))|schedule|set up|"
     r"arrange|meet (?:with )?you|interview you|speak with (?:you|her|him|them)|get you (?:in|over|back)\b|"
     r"get to know you (?:in|on|over|at) (?:a|an|our)\b|bring you (?:on-?site|onsite|in|back(?: in)?)\b|"
     # "would love to bring you out to Calgary for a final visit"
     r"bring you (?:out|over|up|down)\b(?:\s+to\s+[\w.-]+(?:\s+[\w.-]+)?)?\s+for\s+(?:a|an|the|your)\b|"
    rf"(?:do|have|hold) (?:a|an) (?:[\w-]+\s+){{0,3}}?{_MEETING}\b|"

    r"host you (?:on|at|for)|"
     r"talk with you|chat with you|have a chat|bring you in|have you (?:over|in|back|round|down|up|on site)\s+for|"
     r"move forward with (?:a|an|the|your)\s+"
     rf"(?:[\w-]+\s+){{0,3}}?{_MEETING})\b|"
     # "Site manager wants a quick interview on site", "Gaz wants a chat before they take you on"
     r"\b(?:wants?|would like|'d like)\s+(?:a|an)\s+(?:quick|short|informal|brief)\s+(?:interview|chat|call)\b|"
     # an agency on the phone: "Got you a trade test with Arden & Pike", "I've booked you in for an interview"
     r"\b(?:got|booked|lined up|set up|arranged)\s+you\s+(?:in\s+)?(?:for\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
     r"(?:interview|trade test|trial day|trial shift|site visit|chat)\b|"
     # "They want you back THIS AFTERNOON for finals"
     r"\b(?:want|wants|like|love)\s+(?:to\s+(?:see|have)\s+)?you\s+back\b[^.\n]{0,40}\bfor\s+(?:the\s+|a\s+)?"
     r"(?:finals?|final round|next round|onsite|superday)\b|"
     # "would like you to go through to the final panel"
     r"\b(?:like|love|want)\s+you\s+to\s+(?:go through|progress|proceed|come through|move (?:forward|on))\s+to\s+"
     r"(?:the|a|an)\s+(?:[\w-]+\s+)?(?:panel|round|stage|interview)\b|"
     # "as promised, let's do a proper interview for the founding engineer role"
     rf"\blet'?s\s+(?:do|have|set up|schedule|book)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?{_MEETING}\b|"
     # an agency speaking for its client: "they'd like a first-stage phone interview"
     rf"\b(?:they|the client|the team|the hiring manager)(?:'d| would) (?:like|love) (?:an?|to have an?)\s+"
     rf"(?:[\w-]+\s+){{0,3}}?{_MEETING}\b"),
    ("text: interview you", r"\binterview you\b"),
    # "Paul can meet you tomorrow at 8:15 AM for an initial interview over coffee"
    # "Tom can do Tuesday 14 October, 09:30 - 10:15 London time"
    ("text: offers a time", r"\b(?:can|could)\s+do\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|today|"
     r"\d{1,2}(?::\d\d|h\d\d|\s*[ap]\.?m\b))"),
    ("text: can meet you then", r"\b(?:can|could|will|'ll)\s+(?:meet\s+(?:with\s+)?|see\s+)you\s+(?:on\s+|at\s+)?"
     r"(?:tomorrow|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day|next|this|\d)"),
    # "our CFO would like a 30-minute phone conversation with you this Friday"
    ("text: would like a meeting with you", r"\b(?:would|'d)\s+(?:like|love)\s+(?:a|an)\s+"
     rf"(?:[\w-]+\s+){{0,3}}?{_MEETING}\s+with\s+you\b"),
    # a teaching demo or a presentation asked for (a forwarded note says "her"): "I'd like her to
    # teach my 8th graders Thursday 4/9 at 10:10"
    ("text: asked to teach or present", r"\b(?:like|love|want)\s+(?:you|her|him|them)\s+to\s+(?:teach|present|"
     r"deliver|demo|lead)\s+(?:a|an|my|our|the|your|to)\b"),
    # "Want you to come out to the Memphis terminal for a final interview"
    # "You'll then present it to Lars, Priya and Jonas on Thursday, 18 September, 11:00-12:00 CEST"
    ("text: will present to the team", r"\byou(?:'ll| will)\s+(?:then\s+)?present\s+(?:it|this|them|your\s+[\w-]+)?\s*"
     r"to\b"),
    ("text: asked to come in", r"\b(?:(?:like|love|want|need)\s+(?:you|her|him|them)\s+to|have\s+(?:him|her|them)|"
     r"have\s+(?:the\s+)?candidate)\s+come\s+(?:out|in|by|over|down|up)?"
     r"\s*(?:to|for)\b"),
    # "Come down to the office Saturday morning for a brew and a chat about the job, say 10ish?"
    ("text: come in for a chat", r"\bcome (?:down|in|over|round|along)\s+(?:to\s+)?(?:the|our|my)\s+"
     r"(?:office|yard|site|depot|workshop|shop)\b[^.\n]{0,60}?\bfor\s+(?:a\s+)?(?:\w+\s+and\s+a\s+)?"
     r"(?:chat|brew|coffee|cuppa)\b"),
    # "We've booked it for: Tuesday, 2025-11-18, 16:00-17:00 UTC"
    ("text: booked it for you", r"\b(?:we(?:'ve|\s+have)|i(?:'ve|\s+have))\s+(?:now\s+|just\s+|already\s+)?"
     r"(?:booked|scheduled|set)\s+(?:it|this|that|you|one)\s+(?:in\s+)?(?:for|on|at)\b[\s:]*"
     r"(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*|tomorrow|today|\d)|"
     # "I've booked Wednesday 8/20, 2:00-2:45 PM ET on Teams" (not "I've booked Friday off")
     r"\b(?:we(?:'ve|\s+have)|i(?:'ve|\s+have))\s+(?:now\s+|just\s+|already\s+)?(?:booked|scheduled)\s+"
     r"(?:(?:mon|tues|wednes|thurs|fri)day)\b(?![^.\n]{0,30}\b(?:off|as a day off|for leave)\b)[^.\n]{0,20}?\d"),
    # "Come in tomorrow anytime between 9 and 11 am to our Groveport branch": a walk-in window
    ("text: come in at a time", r"\b(?:come|stop|swing|drop)\s+(?:in|by)\s+(?:tomorrow|today|on\s+\w+day|"
     r"(?:this|next)\s+\w+day|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(?:any\s*time\s+)?"
     r"(?:between|from|at|after)\s+\d"),
    ("text: asks if a time works", r"\b(?:(?:can|could) you|would you be able to) (?:come|be|swing by|stop by|drop by|"
     r"pop by|come by|come in|meet me|do)\b"
     r"[^?\n.]{0,60}?\b"
     r"(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|a|p)\b|"
     r"\d{4}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow)[^?\n.]{0,40}\?|"
     r"\b(?:are|would) you (?:be )?(?:free|available) (?:tomorrow|today|this afternoon|"
     r"(?:on |this |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b[^?\n]{0,40}?\bat \d|"
     r"\b(?:can|could|may) (?:i|we) (?:call|ring|phone) you (?:today|tomorrow|tonight|"
     r"(?:on|this|next) \w+|at \d)|"
     r"\b(?:are you|would you be|will you be)\s+(?:available|free|around)\s+(?:on|at|"
     r"this|next|for (?:a|an))\b|"
     # "Are you free Monday, November 17 or Wednesday, November 19?" (a weekday: a friend's
     # "are you around Saturday?" is not this)
     r"\b(?:are you|would you be|will you be)\s+(?:available|free)\s+(?:mon|tues|wednes|thurs|fri)day\b|"
     r"\b(?:can|could) (?:you|u) (?:do|make)\s+"
     r"(?:it\s+|a\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun|"
     r"tomorrow|\d)|\bhow about\s+(?:(?:this|next)\s+)?(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|\d)|"
     r"\b(?:can|could) you (?:present|meet|join|come in|hop on|talk)\b[^?\n]{0,60}?\b(?:mon|tue|wed|thu|fri|sat|sun|"
     r"tomorrow|\d{1,2}/\d{1,2}\b|\d{1,2}(?::\d\d)?\s*[ap]m\b)|"
     r"\b(?:does|would|will|how (?:does|would))\s+(?:\w+day|tomorrow|next \w+),?\s+(?:at\s+)?"
     r"[^?\n]{0,50}\b(?:work|sound|suit)\b|"
     # a phone's shorthand for the same question: "Thursday May 7th at 3pm EST work?"
     r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow)\b[^?\n.]{0,30}?\bat\s+"
     r"\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?[^?\n.]{0,20}?\b(?:work|suit)(?:\s+for\s+you)?\s*\?"),
    ("text: join us for an interview", rf"\bjoin (?:us|me|the team|our team)\s+(?:for|in)\s+(?:a|an|the)\s+"
     rf"(?:[\w-]+\s+){{0,4}}?{_MEETING}\b|\b(?:like|love|want)\s+to\s+(?:see|meet|talk to|speak to|"
     r"have)\s+you\s+(?:for|in|on|at)\b"),
    ("text: booked you with someone", r"\b(?:i've|i have|we've|we have|i|we)\s+(?:just\s+)?"
     r"(?:booked|scheduled|lined up|set)\s+you\s+(?:up\s+|in\s+)?with\s+(?:our|the|my|\w+)\b"),
    ("text: booked you for an interview", r"\b(?:booked|scheduled|signed|lined|set|put|penciled|pencilled)\s+"
     rf"you\s+(?:up\s+|in\s+)?(?:for|with)\s+(?:a|an|the|your)\s+(?:[\w-]+\s+){{0,4}}?{_MEETING}\b"),
    ("text: proposes slots", r"\b(?:which|what|any) of (?:the|these) (?:following )?(?:slots|times|"
     r"options|dates)\b|\bdo any of these (?:\w+ )?work\b|\b(?:the following|these) (?:time )?(?:slots|"
     r"times) (?:work|suit)\b|\bsuits? you best\b|\bworks? best for you\b|\bpreferred slot\b|"
     r"\blet (?:me|us) know which (?:one )?(?:you(?:'d| would)? prefer|suits(?: you)?|works(?: for you)?)\b|"
     r"\beither of (?:the|these|those)\s+(?:two\s+|three\s+)?(?:times|slots|options|dates)\b|"
     r"\b(?:would|will|does|do|could|can) (?:either|any|one) of (?:these|the following|those)(?: \w+)? (?:work|suit)\b|"
     r"\b(?:reply|respond) with your preference\b|"
     r"\b(?:could|can|would) you do (?:one|any|either) of (?:these|those|the following)\b|"
     r"\b(?:a few|some|these|my|the following)\s+(?:[\w-]+\s+){0,2}?(?:windows|slots|times)\b"
     r"(?:\s*\([^)\n]{0,40}\))?\s*:|"
     r"\b(?:reply|respond|come back)\s+(?:to (?:me|us)\s+)?with\s+(?:the one|which(?: one)?)\s+"
     r"(?:you(?:'d)?\s+)?prefer\b"),
    ("text: asks availability", r"\b(?:indicate|mark|tick|select|fill in|add)\s+(?:\w+\s+){0,3}?"
     r"(?:times?|slots?|dates?)\s+(?:you|that)\s+(?:could|can|are|would)\b|"
     # (not a profile's to keep: "update your availability", "make sure your availability grid is up to date")
     r"(?<!update )(?<!updating )(?<!manage )(?<!maintain )(?<!edit )(?<!sure )"
     r"\b(?:your|send (?:me|us)|share|let (?:me|us) know)\s+(?:[\w-]+\s+){0,3}?"
     r"(?:availability|available times|windows|time slots|times that work)\b"
     r"(?!\s+(?:grid|settings|preferences|status|profile|page|calendar)\b)|\bwhen (?:are|would) you "
     r"(?:be )?(?:available|free)\b|\b(?:let (?:me|us) know|tell (?:me|us))\s+when you(?:'re| are|'d be| would be|"
     r"'ll be| will be)\s+(?:available|free)\b|\b(?:reply|respond|come back|get back)\s+(?:to (?:me|us)\s+)?with\s+"
     r"(?:[\w-]+\s+){0,4}?(?:times|slots|dates)\b|\btimes? (?:that|which) (?:suit|works? for) you\b"),
    # (not the tool's own account pages: "calendly.com/app/admin/billing")
    ("text: scheduling link", r"\bcalendly\.com/(?!(?:app|mobile|login|signup|pricing|integrations|blog|resources)\b)|"
     r"\bgreenhouse\.io/scheduling|\bgoodtime\.io/|"
     r"\bcalendar\.app\.google/|\bcal\.com/|\bsavvycal\.com/|\btidycal\.com/|\bzcal\.co/|"
     r"\bwhen2meet\.com/|\bdoodle\.com/|\brallly\.co/|"
     r"\byoucanbook\.me/|\bhubspot\.com/meetings/|\bcalendar\.google\.com/calendar/appointments|"
     r"\bself[- ]schedul\w+|\bscheduling link\b|\b(?:select|choose|pick|book|grab)\s+(?:a|any|one|the|"
     r"your)?\s*(?:[\w-]+\s+){0,2}?(?:time|slot)s?\b(?! ?(?:zone|limit))"),
    # a call at a stated time or on a stated number; "I'll call you as soon as I hear anything"
    # promises news, not a meeting
    # or the interviewer will, as an agency passes it on: "the manager said she'll call you
    # tomorrow between 2 and 4 EST"
    ("text: will call you at a set time", r"\b(?:i'll|i will|we'll|we will|(?:he|she|they)(?:'ll| will)|"
     r"(?:the|your|our) (?:[\w-]+ )?(?:manager|recruiter|director|supervisor|lead) will)\s+"
     r"(?:give you a (?:call|ring|buzz|bell)|call you|ring you)\b(?![^.!?\n]*\b(?:later|soon)\b)"
     r"(?=[^.!?\n]*?(?:\bat \d{1,2}(?:[:.]\d{2})?\s+(?:this|tomorrow|today)\b|\b\d{1,2}"
     r"(?::\d{2})?\s*(?:a\.?m\b|p\.?m\b)|\b\d{1,2}:\d{2}\b|\bnoon\b|\b(?:at|on) (?:the|this|that|your) "
     r"(?:number|mobile|cell|phone)|\bat \+?\d[\d ()-]{5,}|\bbetween \d{1,2}(?::\d{2})? and \d{1,2}\b))"),
    ("text: has you down for a time", r"\b(?:i|we)(?:'ve| have)?(?: got)?\s+you\s+(?:down|pencil(?:l)?ed(?: in)?|"
     r"booked(?: in)?|slotted(?: in)?|in (?:the|my|our) (?:calendar|diary))\s+for\s+(?:[\w,]+\s+){0,2}?"
     r"(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|today|next|this|\d)|"
     # "We've pencilled in Thursday, October 9"
     r"\b(?:i|we)(?:'ve| have)\s+(?:pencil(?:l)?ed|blocked(?: out)?|set aside|provisionally booked)\s+(?:in\s+)?"
     r"(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|next|this|\d)"),
    ("text: open to a chat", r"\b(?:would|do|could|will) you have (?:\d+|a few|some|fifteen|twenty|thirty|"
     rf"half an hour)(?:\s*(?:minutes|mins))? (?:for|to)\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?{_MEETING}\b|"
     rf"\b(?:would you be|are you)\s+(?:open|available|interested|up)\s+(?:to|for)"
     rf"\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:{_MEETING}|intro)\b|\b(?:chat|talk|speak|connect)\s+(?:about|"
     r"regarding)\s+(?:the|this|our|your)\s+(?:[\w-]+\s+){0,5}?(?:role|position|opening|opportunity)\b"),
    ("text: has scheduled an interview", r"\b(?:has|have|'s|'ve)\s+(?:now\s+)?(?:scheduled|booked|arranged|"
     rf"set up|confirmed)\s+(?:a|an|your|the)\s+(?:[\w-]+\s+){{0,4}}?{_MEETING}\b"),
    ("text: shortlisted for an interview", r"\byou(?:'ve| have| are|'re)?\s+(?:been\s+)?(?:now\s+)?"
     r"(?:shortlisted|selected|invited)\s+(?:for|to)\s+(?:a|an|the|your)?\s*"
     rf"(?:[\w-]+\s+){{0,4}}?{_MEETING}\b"),
    ("text: next step is an interview", rf"\b(?:next|last|final) step (?:is|will be|would be) (?:a|an)\s+"
     rf"(?:[\w-]+\s+){{0,4}}?{_MEETING}\b|\byour next {_MEETING} (?:is|will be) with\b"),
    # "Karen will reach out with some times", "please get her on the calendar for a first round"
    # a recruiter sending the joining details of the meeting ("here's the Zoom info for our chat on Thursday")
    ("text: sends the meeting details", r"\b(?:here's|here is|here are)\s+"
     r"(?:the\s+)?(?:zoom|teams|google meet|meet|video|dial-in|joining)\s+(?:info|information|details|link)\s+"
     rf"for\s+(?:our|your|the)\s+(?:[\w-]+\s+){{0,3}}?{_MEETING}\b"),
    ("text: times to follow", r"\b(?:will|'ll)\s+(?:reach out|be in touch|follow up|come back to you|send you|"
     r"send over)\s+(?:with\s+)?(?:some|a few|a couple of|available|possible)\s+(?:times|slots|options|dates)\b|"
     rf"\bget (?:\w+|her|him|them) on the calendar for (?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{_MEETING}\b"),
)

#: a scheduling tool's notice ("A new event has been scheduled."): an interview only where the
#: event booked is named as a meeting (an "Intro Call", not an "Apartment Viewing")
_NEW_EVENT = _rx(r"\ba new event has been (?:scheduled|booked)\b|^\W*event type\s*:")

#: cues that say the sender means to meet, which a vague sentence turns into a promise of news:
#: "I'll call you as soon as I hear anything", "when the team has decided I'll set up a call to
#: share their feedback", "I'd love to chat again sometime". No meeting is being arranged: it
#: waits on an outcome, has no time at all, or only passes news on. (A meeting put off for
#: logistics, "our coordinator will reach out to schedule your onsite", is still being arranged.)
_PROMISES = frozenset(
    {
        "text: schedules an interview",
        "text: would like to meet",
        "text: would like you to meet",
        "text: next step is an interview",
        "text: will call you at a set time",
        "text: times to follow",
    }
)
_VAGUE = _rx(
    # waiting on an outcome on the employer's side ("when you're free" is the candidate's: a real ask)
    r"\b(?:as soon as|once|when|whenever|after|the moment|until)\s+(?!you\b|you')(?:i|we|they|he|she|"
    r"(?:the|our|my|their)\s+[\w-]+(?:\s+[\w-]+)?|[a-z]+)(?:['’](?:ve|d|ll|re))?\s+(?:\w+\s+)?(?:hear|hears|heard|"
    r"know more|(?:had|have|has|get|got|take|taken|took)\s+(?:a\s+)?(?:proper\s+|quick\s+|good\s+)?(?:look|chance)|"
    r"looked\s+(?:at|over|through)|"
    r"(?:get|gets|got|receive|receives|received|have|has|had)\s+(?:back|word|any news|news|feedback|an update|"
    # "I'll reach out once I have her availability"
    r"a decision|their decision|more|(?:her|his|their|the\s+[\w'’]+)\s+availability)|decide|decides|decided|"
    r"(?:make|makes|made) (?:a|their|the|its|his|her) "
    r"decision|review|reviews|reviewed)\b|"
    # or with someone else: "we'll reach out to your references to book a short call"
    r"\b(?:your|two|three|professional) references?\b|\b(?:reach out to|contact|call) (?:them|your referees)\b|"
    # or on a task the candidate has yet to do: "once you submit, we'll reach out to set up a call"
    r"\b(?:once|when|after|as soon as)\s+you(?:'ve| have)?\s+(?:submit\w*|complet\w*|finish\w*|return\w*|"
    r"sent|send|upload\w*|done)\b|"
    # no time at all, or a call to pass on news
    r"\b(?:sometime|at some point|in the future|down the (?:line|road)|one day)\b|\bwith (?:any |the |their |"
    r"some )?(?:news|an? update|updates|feedback|decision)\b|\bto (?:let you know|update you|share (?:the|their|"
    r"any|some) (?:news|feedback)|walk you through (?:the|their|our|some) feedback)\b"
)

#: a reply that refers to arrangements already made ("all other arrangements remain as set out")
_ARRANGED_BEFORE = _rx(
    r"\b(?:all\s+)?(?:other\s+)?(?:arrangements|details)\s+(?:remain|stay|are)\s+(?:unchanged|the same|as\b)|"
    r"\bremains?\s+as\s+(?:set out|previously|originally|arranged|confirmed|planned|agreed)\b|"
    r"\breasonable adjustments?\b|\badjustment requirements?\b"
)
#: the candidate asking to move a meeting ("would it be possible to move our call?")
_ASKED_TO_MOVE = _rx(
    r"\b(?:could|can|possible to|able to)\s+(?:we\s+|i\s+)?(?:move|reschedule|push|shift|postpone|change)\s+"
    r"(?:our|the|my|this|it)\b"
)

#: "the interview ... on Thursday, March 19 at 1:30pm" stated outright (not in thanks for a past one)
#: (generic meetings with a time, "a call on Thursday at 4pm", need a strong hiring context and are
#: read by _informal_invitation)
_INTERVIEW_NOUN = r"(?:interview|interviews|phone[- ]?screen|screening|on-?site|gespräch|vorstellungsgespräch)"
_INTERVIEW_NOUN_RX = _rx(rf"\b{_INTERVIEW_NOUN}\b")
#: an interview or meeting introduced with a colon, its date and time on the lines below
#: ("here are the details for your first interview:\nMonday 3 November, 2pm")
_INTRODUCED = _rx(
    # the sentence may wrap onto a second line before its colon
    rf"\b(?:{_INTERVIEW_NOUN}|call|chat|conversation|meeting|session)\b(?:[^.\n?]|\n(?![ \t]*\n)){{0,80}}:[ \t]*$"
)
_MEETING_AT = _rx(
    rf"\b{_INTERVIEW_NOUN}\b[^.\n?]{{0,80}}?\b(?:on|for)\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d|\d{1,2}(?:/|\s+)(?:\d|[a-z]{3}))"
    r"[^.\n?]{0,30}?\bat\s+\d"
)
_PAST = patterns.compile(
    r"\b(?:thanks?|thank you|enjoyed|great (?:to|talking|speaking|meeting)|was|were|had|after|following)\b", _I
)
#: thanks for a meeting that already happened (not "thank you for your application")
_THANKS = patterns.compile(
    r"\b(?:thanks?|thank you)\s+(?:again\s+|so much\s+)?for\s+(?:the|our|your time|taking|speaking|chatting|"
    r"meeting|talking)\b|\benjoyed\b|\bgreat (?:to|talking|speaking|chatting|meeting)\b",
    _I,
)
#: a clause that turns from what happened to what comes: "... and would love to", "... so we'd like to"
_LOOKS_AHEAD = patterns.compile(r"\b(?:and|so|now)\s+(?:we|i)?\s*(?:would|will|want|wish|'d|'ll)\b", _I)
_CONDITIONAL = patterns.compile(r"\b(?:if|should|in case|whether|unless|wenn|falls|sollte)\b", _I)
#: a condition on the reader's interest, closed by a comma: what follows it is asked outright
#: ("If you're open to it, could you send me a few windows"), unlike "if you need to reschedule"
_INTEREST_IF = patterns.compile(
    r"if\s+(?:you(?:'re|’re| are)\s+(?:still\s+)?(?:open|interested|keen|up for (?:it|an?\s+\w+)|curious|game)|"
    r"(?:this|that|it|the role)\s+(?:sounds?|seems?|looks?)\s+(?:good|interesting|appealing|like a fit)|"
    r"(?:this|that|it|the role)\s+(?:is of interest|appeals|interests you)|"
    r"you(?:'d|’d| would) like to (?:learn|hear) more)"
    r"[^,.;!?\n]{0,30},",
    _I,
)
_SENTENCE_END = patterns.compile(r"[.!?\n]")
#: a booking tool's "Invitee:" field and the address under it (Calendly, SavvyCal, Cal.com)
_INVITEE = patterns.compile(
    r"^[ \t]*invitee(?:\s+email)?[ \t]*:(?:[^@\n]{0,80}\n){0,2}?[^@\n]{0,80}?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
    re.IGNORECASE | re.MULTILINE,
)
_SCREENING_VENDORS = frozenset(
    {"hireright.com", "sterlingcheck.com", "sterling.com", "checkr.com", "fadv.com", "firstadvantage.com",
     "accurate.com", "goodhire.com", "certn.co", "zinc.work", "vero-screening.com"}
)  # fmt: skip
_BACKGROUND_SUBJECT = patterns.compile(
    r"\b(?:background|pre-?employment|criminal record|dbs|reference)\s+(?:check|screening|verification)s?\b|"
    # a security clearance's investigation, and its "subject interview" with an investigator
    r"\bbackground investigations?\b|\bsecurity clearance (?:investigation|interview|processing)s?\b|"
    r"\bsubject interview\b|\bpolygraph\b",
    _I,
)
#: a text that says the meeting it sets is no job interview
_NOT_A_JOB_INTERVIEW = patterns.compile(
    r"\b(?:it|this|that)(?: interview| meeting)?\s+(?:is|'s)\s+not\s+an?\s+(?:employment|job|hiring)\s+interview\b|"
    r"\bbackground investigator\b|\bconducting your background investigation\b",
    _I,
)
#: a day named as a possessive or a weekday: "Thursday's interview", "tomorrow's 2pm"
_DAY_WORD = patterns.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow)(?:['’]s)?\b", _I)
#: an updated invitation that says its time stays: "Your schedule is unchanged", Google
#: Calendar's "Changed: description, joining info" (it names "time" or "date" when they change)
_TIME_KEPT = patterns.compile(
    r"\b(?:your |the )?(?:schedule|time|timing|date and time|start time|day and time)\s+(?:is|remains|stays|"
    r"will (?:stay|remain))\s+(?:unchanged|the same|as (?:it was|planned|before))\b|"
    r"\bthe only (?:thing that(?:'s| is| has)? )?chang(?:e|ed|ing) is\b|\bonly change is\b|"
    r"^[ \t]*changed[ \t]*:[ \t]*(?:(?:description|joining info|location|title|attachments?|guests?|attendees?|"
    r"conferencing|notes?|video call|meeting link|the link)(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*$))+",
    re.IGNORECASE | re.MULTILINE,
)
#: a calendar's notice that the other party declined the meeting ("Declined: …", "Jonah Pike has
#: declined this invitation with a note")
_DECLINED = patterns.compile(r"^\W*declined\s*:|\bha(?:s|ve) declined this (?:invitation|event|meeting)\b", _IM)
#: what a reply says of a next meeting when it only names it
_WISHES = frozenset({"text: next step is an interview", "text: would like to meet", "text: next step is a meeting"})
#: the times of a next meeting promised for later: "I'll come back to you with options once she's back"
_DEFERRED = patterns.compile(
    r"\b(?:i'll|i will|we'll|we will)\s+(?:come back|get back|follow up|be in touch|reach out|circle back)\s+"
    r"(?:to you\s+|with you\s+)?(?:with\s+(?:some\s+)?(?:options|times|dates|slots|availability|next steps)\s+)?"
    r"(?:once|when|after|as soon as)\b",
    _I,
)
#: a subject about getting ready for an interview, not about setting it
_PREP_SUBJECT = patterns.compile(
    r"\W*(?:fwd?:\s*)?(?:preparing|prepare|prep|preparation|getting ready|get ready|tips|what to expect|"
    r"how to prepare|your (?:prep|preparation) guide)\b(?!\s+(?:call|session|meeting|chat)\b)",
    re.IGNORECASE,
)
_REPLY_SUBJECT = _rx(r"^\s*(?:re|aw|antw|sv|vs|r|rif|ref|réf|odp|vá)\s*(?:\[\d+\])?\s*:")
#: the time line of a forwarded meeting's header block (mail.forward_in keeps it)
_FORWARDED_WHEN = patterns.compile(r"^\s*(?:when|wann|quand|cuándo|cuando)\s*:(.+)$", re.IGNORECASE | re.MULTILINE)
_USER_NAME_SPLIT = patterns.compile(r"[\s.@_+-]+")
#: an employer speaking for itself: "we", "our team", "the hiring manager"
_EMPLOYER_VOICE = _rx(r"\b(?:we|we're|we've|we'd|we'll|us|our)\b|\bhiring manager\b")


# --- other languages ---------------------------------------------------------------------
# The same signals in Spanish and Portuguese (daemon/understand/lexicon.py): each English
# pattern or rule list gains the lexicon's words for its concept; the table does not change.
_INTERVIEW = _more(_INTERVIEW, "interview")
_INTERVIEW_NOUN_RX = _more(_INTERVIEW_NOUN_RX, "interview")
_HIRING = _more(_HIRING, "hiring")
# a role or an application named in any language the mail shows ("vi tu solicitud para Encargado")
_ROLEWORD = _more(_ROLEWORD, "hiring")
_MEETING_WORD = _more(_MEETING_WORD, "meeting")


def _ooo_subject(extra: str, english: str = _OOO_SUBJECT.pattern) -> str:
    # another language's auto-reply subject is recognised at its start, after any reply prefixes
    return rf"(?:{english})|^\s*(?:(?:re|rv|res|fw|fwd|enc|tr)\s*:\s*)*{extra}"


_OOO_SUBJECT = _Lexed(_OOO_SUBJECT, "ooo_subject", _ooo_subject)
_OOO_AWAY = _more(_OOO_AWAY, "ooo_away")
_OOO_RETURN = _more(_OOO_RETURN, "ooo_return")
_NEGATIVE_TOPICS += _lex_rules("newsletter or job alert", "negative_topic")
_SESSION = _more(_SESSION, "session")
_NON_EMPLOYER += _lex_rules("text: media or visa interview", "non_employer")
_ACK = _more(_ACK, "ack")
_PROCESS = _more(_PROCESS, "process")
_PAY = _more(_PAY, "pay")
_START = _more(_START, "start")
_AGREEMENT = _more(_AGREEMENT, "agreement")
_REJECTION += _lex_rules("text: candidacy declined", "rejection")
_OFFER += _lex_rules("text: job offer", "offer")
_OFFER_SUBJECT = _more(_OFFER_SUBJECT, "offer_subject")
_CANCEL_SUBJECT = _more(_CANCEL_SUBJECT, "cancel_subject")
_CANCEL_TEXT += _lex_rules("text: interview cancelled", "cancel_text")
_RESCHEDULE_SUBJECT = _more(_RESCHEDULE_SUBJECT, "reschedule_subject")
_RESCHEDULE_TEXT += _lex_rules("text: interview moved", "reschedule_text")
_INVITE_SUBJECT += _lex_rules("subject: interview confirmation", "invite_subject")
_INVITE_TEXT += _lex_rules("text: interview being scheduled", "invite_text")
_INVITE_TEXT += _lex_rules("text: asks availability", "asks")


def _affirmative(
    pattern: _Rx,
    text: str,
    *,
    allow_questions: bool,
    looking_back: bool = True,
    vague: _Rx | None = None,
) -> bool:
    """Does ``pattern`` occur in a sentence that states it rather than supposes it?

    With ``looking_back=False`` a sentence that thanks for something ("Thanks again for the chat
    about the role") does not count: it is about a meeting that already happened. A sentence in
    which ``vague`` occurs does not count either.
    """
    for m in pattern.finditer(text):
        start = 0
        for sep in ".!?\n":
            start = max(start, text.rfind(sep, 0, m.start()) + 1)
        if _conditional(text, start, m.start()):
            continue
        if not looking_back and (thanks := _THANKS.search(text, start, m.start())) is not None:
            # "We enjoyed reading your application and would love to invite you": the thanks
            # ends where a new clause looks ahead
            if not _LOOKS_AHEAD.search(text, thanks.end(), m.start()):
                continue
        end_m = _SENTENCE_END.search(text, m.end())
        if not allow_questions and end_m is not None and end_m.group() == "?":
            continue
        if vague is not None and vague.search(text, start, end_m.start() if end_m else len(text)):
            continue
        return True
    return False


def _conditional(text: str, start: int, end: int) -> bool:
    """Is what ends at ``end`` said under a condition opened since ``start``? A condition on the
    reader's interest that a comma closes is not one."""
    c = _CONDITIONAL.search(text, start, end)
    while c is not None and (interest := _INTEREST_IF.match(text, c.start(), end)) is not None:
        c = _CONDITIONAL.search(text, interest.end(), end)
    return c is not None


def _stated_meeting(text: str) -> bool:
    for m in _MEETING_AT.finditer(text):
        start = 0
        for sep in ".!?\n":
            start = max(start, text.rfind(sep, 0, m.start()) + 1)
        if _PAST.search(text, start, m.end()) or _CONDITIONAL.search(text, start, m.start()):
            continue
        end = _SENTENCE_END.search(text, m.end())
        if _DEADLINE.search(text[start : end.end() if end else len(text)]):
            continue  # "your interview link expires on Wednesday at 11:59 PM": a deadline
        return True
    return False


#: what someone else said of the interview ("Mam says your interview is Monday at half ten")
_REPORTED = patterns.compile(r"\b(?:says|said|told (?:me|us)|mentioned|heard)\b", _I)


#: the sender wishing to meet the candidate, a sentence a date and time may follow on its own line
_MEET_WISH = _rx(
    r"\b(?:would like|'d like|would love|'d love|want|are keen|are excited) to (?:meet|chat|talk|speak) with you\b"
)
_LINE_BREAK = patterns.compile(r"[ \t]*\r?\n")
#: a sentence that sets a deadline for something the candidate sends
_DUE_SENTENCE = patterns.compile(r"\b(?:upload|submit|send|return|complete|provide)\w*\b[^.!?]{0,80}?\bby\b", _I)


def _dated_interview(text: str) -> bool:
    """A sentence, in any language with a table, that names the interview and gives it a date
    and a time ("entrevista final com o Otávio na sexta-feira, 15/05, das 11h às 12h"), said of
    what is coming and not supposed."""
    for m in _SENTENCE_SPAN.finditer(text):
        sentence = m.group()
        wish = _MEET_WISH.search(sentence)
        if not (wish or _INTERVIEW.search(sentence)) or sentence.rstrip().endswith("?"):
            continue
        if _PAST.search(sentence) or _CONDITIONAL.search(sentence) or _REPORTED.search(sentence):
            continue
        if _DUE_SENTENCE.search(sentence) or _DEADLINE.search(sentence):
            # "please upload these by Wednesday at 5:00 PM so we can circulate them to the committee",
            # "your interview link expires on Wednesday, October 1 at 11:59 PM": a deadline, not a meeting
            continue
        found = scan(sentence)[0]
        # or set out on labelled lines right after it: "... un premier entretien RH.\nDate : mardi
        # 14 octobre 2025\nHeure : 14:30 - 15:00"
        after = text[m.end() : m.end() + 200]
        if _LABEL_LINES.match(after):
            found = found + scan(after)[0]
        elif wish and _LINE_BREAK.match(after):
            # "Mark and I would like to meet with you over Zoom.\nThursday 11 December, 10:00am AEST"
            line = after.lstrip(" \t\r\n").split("\n", 1)[0]
            found = found + scan(line)[0]
        if any(p.has_date for p in found) and any(p.has_time for p in found):
            return True
    return False


#: the labelled lines a schedule is set out on, in the languages with a table
_LABEL_LINES = patterns.compile(
    r"\s*\n\s*(?:[-–•*■▪·]\s*)?"  # a bulleted row too
    r"(?:date|heure|time|when|quand|fecha|hora|datum|uhrzeit|zeit|wann|data|hor[áa]rio|tijd|wanneer|termin|"
    r"godzina|kiedy|tid|när|dato|tidspunkt|når|hvornår)"
    r"\s*:",
    _I,
)


#: an offer letter named as a paper to show someone ("bring proof of employment - the offer
#: letter is fine"): the offer was made before, by someone else, if at all
_AS_DOCUMENT = _rx(
    r"\b(?:bring|show|provide|submit|upload|present|copy of|proof of|certificate of employment|"
    r"guarantor|landlord|lease|visa application|documents?)\b"
)
#: an offer said not to be one: "Please note this correspondence is not an offer of employment"
_NOT_AN_OFFER = _rx(
    r"\b(?:is|are|does) not (?:constitute )?(?:an?|the|any) (?:formal |final )?offer\b|\bnot an offer\b|"
    # "Placement on the eligible list does not guarantee an interview or an offer of employment"
    r"\b(?:does|do|will) not (?:guarantee|constitute|mean|imply|represent)\b[^.!?]{0,60}\boffer\b"
)
#: rules whose sentence does not count when it also says this
_VAGUE_FOR: dict[str, _Rx] = (
    {name: _VAGUE for name in _PROMISES}
    | {name: _NOT_AN_OFFER for name, _ in _OFFER}
    | {"text: offer letter": _rx(f"(?:{_AS_DOCUMENT.pattern})|(?:{_NOT_AN_OFFER.pattern})")}
)


def _fired(rules: tuple[Rule, ...], text: str, *, allow_questions: bool, looking_back: bool = True) -> list[str]:
    # most rules cannot match most texts: their needles settle it before any call is made
    return [
        name
        for name, rx in rules
        if rx._possible(text)
        and _affirmative(
            rx,
            text,
            allow_questions=allow_questions,
            looking_back=looking_back,
            vague=_VAGUE_FOR.get(name),
        )
    ]


# --- informal hiring meetings -------------------------------------------------------------
# Recruiters often never write "interview": "a 30 min intro chat", "a technical conversation
# with two engineers", "Tomorrow at 3pm works great for us". The same words fill personal and
# business mail, so these cues count only where the hiring context is strong (a role, an
# application, a recruiter, an ATS relay, a screening call in the subject or the thread).

_ROLE_CONTEXT = _rx(
    r"\b(?:role|roles|position|opening|vacancy|application|applying|applied|candidacy|recruit\w*|"
    r"hiring|talent|requisition|résumé|resume|cv|human resources|resourcing|people (?:team|partner|ops)|"
    r"people (?:&|and) (?:culture|talent))\b"
)
#: a job title named in a subject ("Senior Data Engineer", "Data Engineering Lead")
_JOB_TITLE = _rx(
    r"\b(?:engineer|developer|scientist|analyst|architect|designer|(?:engineering|data|design|product|"
    r"platform|analytics) lead)\b"
)
#: a job named as the one the candidate is considered for ("the Senior Producer role", "your application")
_ROLE_NAMED = _rx(
    r"\b(?:the|this|that|our|a|an)\s+(?:[\w&/,-]+\s+){0,5}?(?:role|position|vacancy|job opening)\b|"
    r"\byour (?:application|candidacy)\b|\bappl(?:y|ied|ying) (?:for|to)\b"
)
#: the user's own (new) job, as a friend writes of it
_OWN_JOB = _rx(r"\b(?:your|the|my) new (?:role|job|position)\b|\bcongrat\w*[^.!?\n]{0,40}")
_SCREENING = _rx(
    r"\b(?:(?:intro(?:ductory)?|first|initial)[- ](?:call|chat|conversation|meeting)|screening (?:call|chat)|"
    rf"phone[- ]?screen\w*|(?:recruiter|hr|ta|talent) (?:call|chat|screen)|interview\w*|{_ROUND_KIND})\b"
)
#: an intro meeting named in a calendar event's summary
_INTRO_EVENT = _rx(r"\b(?:intro(?:ductory)?|introduction)\b")
_CHAT_NOUN = (
    r"(?:call|chat|conversation|catch[- ]?up|meeting|meet[- ]and[- ]greet|screen|screening|intro|"
    r"interview|hangout|zoom)"
)
#: words inside a noun phrase ("a relaxed 20-minute video"), never a verb ("the team is meeting")
_FILLER = r"(?!(?:is|are|was|were|will|be|been|has|have|had|do|does|did)\b)[\w&'-]+"
#: a meeting as a thing in a calendar ("our call", "a relaxed 20-minute video call"), not the
#: verb ("the panel are meeting on Thursday")
_CHAT = _rx(
    r"\b(?:a|an|the|our|your|this|that|quick|short|brief|informal|casual|relaxed|first|initial|"
    rf"intro(?:ductory)?)\s+(?:{_FILLER}\s+){{0,4}}?{_CHAT_NOUN}s?\b|\bmeet (?:\w+ ){{0,3}}?(?:our|the) "
    r"team\b|\bcoffee chat\b|\bphone[- ]?screen\b|"
    # a block of time with the candidate: "grab 30 minutes", "half an hour with you"
    r"\b(?:grab|find|book|have|get|set aside|block(?: out)?)\s+(?:\d+|a few|fifteen|twenty|thirty|forty-five|"
    r"sixty)\s*-?\s*(?:minutes?|mins?)\b|\b(?:half an hour|an hour|\d+ minutes)\s+(?:with you|together)\b|"
    # time with the hiring manager: "2 hrs incl the case discussion w HM + team"
    r"\b(?:with|meet|see|speak to|talk to)\s+(?:the\s+|our\s+)?hiring managers?\b|"
    # a phone call the sender promises to place: "I'll call your cell tomorrow at 8"
    r"\b(?:i'll|i will|we'll|we will|he'll|he will|she'll|she will|they'll|they will)\s+(?:call|ring|phone)\s+"
    r"(?:you|him|her|them|your (?:cell|mobile|phone|cellphone))\b|"
    r"\b(?:i'll|i will|we'll|we will)\s+give\s+you\s+a\s+(?:ring|call|bell|buzz)\b|"
    # or that the interviewer will ("Karen Holt will ring you on your mobile")
    r"\b(?:he|she|they|[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:will|'ll) (?:call|ring|phone) "
    r"(?:you|your (?:cell|mobile|phone))\b"
)
#: a meeting being put in the diary, done or about to be
_BOOKED = _rx(
    r"\b(?:i've|i have|we've|we have|i|we|i'll|we'll|i will|we will|it's|it is|you're|you are)\s+"
    r"(?:just\s+|now\s+|also\s+|gone ahead and\s+|all\s+)?(?:booked|scheduled|pencil(?:l)?ed|locked|blocked|"
    r"reserved|"
    r"lined up|set up|arranged|organi[sz]ed)\b|"
    # "he blocked time for you when he's back: Wednesday 3/25 at 8am Central"
    r"\b(?:he|she|they|[a-z]+)\s+(?:has\s+|'s\s+)?(?:blocked|set aside|reserved|held)\s+(?:some\s+)?time\s+"
    r"(?:for|with)\s+you\b|"
    # "I put us down for this Friday at 0930"
    r"\b(?:put|penciled|pencilled|pencil)\s+(?:us|you|you and me|you in|it)\s+down\s+for\b|"
    # "I've put 1pm on Tuesday in both our calendars"
    r"\bput\s+(?:[\w:]+\s+){1,4}?(?:in|into)\s+(?:both\s+our|our|your|my|the)\s+(?:calendars?|diary|diaries)\b|"
    r"\bput (?:it|this|that|us|you|the \w+|a \w+|some time) "
    r"(?:in|into|on) (?:the|my|our|your|both our) (?:calendars?|diary|diaries)\b|"
    r"\b(?:sent|sending|send|forwarded)\s+(?:you\s+|over\s+|across\s+)*"
    r"(?:(?:a|an|the)\s+|(?=calendar ))"
    r"(?:calendar |meeting "
    r"|teams |zoom |google (?:meet )?|meet )?(?:invit(?:e|ation)|hold)\b|"
    r"\b(?:calendar|meeting) invit(?:e|ation) (?:is )?"
    r"(?:on its way|to follow|will follow|coming)\b|\binvit(?:e|ation)\s+(?:is\s+|has\s+been\s+)?sent\b|"
    # a terse note that drops its subject: "booked us for Thu 2026-03-19, 15:00 UTC"
    r"^\W*(?:booked|scheduled|set up|pencil(?:l)?ed)\s+(?:us|you|it|a call|the call)\b|"
    r"\b(?:send|sending|sent)\s+(?:you\s+|over\s+|across\s+)*"
    r"(?:a|an|the)\s+(?:google\s+)?(?:meet|zoom|teams|video|calendar|meeting|dial-in)\s+(?:link|invite|"
    r"invitation|details)\b|"
    # "Invite with the Meet link is on its way", "You'll receive the Teams invite shortly"
    r"^\W*invit(?:e|ation)\b[^.!?\n]{0,40}?\b(?:on its way|to follow|coming|will follow)\b|"
    r"\byou'll (?:receive|get) (?:the|a|an) (?:[\w-]+ ){0,2}?invit(?:e|ation)\b"
)
#: agreement with a proposed time ("Tomorrow at 3pm works great for us")
_AGREE = _rx(
    r"\blet'?s go (?:for|with)\b|\bis yours\b|\bsee you (?:at )?\d|"
    r"\b(?:works?|suits?|is|sounds)\s+(?:\w+\s+)?(?:for (?:us|me|the team|everyone|both of us|them|"
    r"\w+ and me))\b|\bworks (?:great|perfectly|well|fine)\b|\bsuits (?:us|me)\b|\bsee you (?:then|there|"
    r"on|tomorrow|at|next)\b|\bit's a date\b|\blocked in\b|\bconfirmed\b|"
    r"\b(?:it's|it is|you're|you are|that's|we're|all)\s+in the (?:calendar|diary)\b|"
    # "Tuesday at 11:30 it is!", "I told him that works"
    r"\bit is\s*(?:[!.;,]|\(|$)|\b(?:that|this|which) works\b(?!\s+for you\b)|"
    # "Wed works.", "Thursday 2pm works!"
    r"(?:\b(?:\w+day|mon|tue|wed|thu|fri|sat|sun|tomorrow)(?:\s+at\s+\d{1,2}(?::\d\d)?)?|\d\s*(?:am|pm)|\d:\d\d)"
    r"\s+works\s*[.!]|"
    r"\blet's (?:do|go with|say|lock in|book|make it|speak|talk|chat|meet)\b|"
    # an agency passing on the client's pick: "They've gone for Friday at 10am"
    r"\b(?:they've|they have|we've|we have|he's|she's|he has|she has) (?:gone|opted) (?:for|with)\b|"

    r"\b(?:is|sounds|would be) (?:perfect|great|ideal)\b|\bworks? (?:on|at|from) (?:my|our) end\b|"
    # "Thursday at 1:30 PT works for Marcus!"
    r"\bworks (?:great |well |fine )?for (?-i:[A-Z][a-z]+)(?:\s*[!.]|\s+(?:too|as well)\b)|"
    # the same in the languages the tables read: "Perfeito, fica então quarta-feira às 15h"
    r"\bfica (?:ent[ãa]o|combinado|marcado|confirmado)\b|\bperfeito\b|\bcombinad[oa]\b|\bperfecto\b|"
    r"\bquedamos\b|\bperfett[oa]\b|\bci vediamo\b|\bparfait\b|\bc'est noté\b|\bpasst\b|\bperfekt\b|"
    # Singapore and Malaysia: "Thurs 3pm can!", "10am can lah"
    r"(?<=\d)(?:\s*[ap]\.?m\.?)?\s+can\s*(?:!|lah\b|ah\b)"
)
_OR = patterns.compile(r"\b(?:or|either)\b", _I)
_SEE_YOU_DAY = _rx(r"\bsee you (?:on )?(?:mon|tue|wed|thu|fri|sat|sun)\w*\b")
#: a question asking the candidate to pick one of several times
_PICK = _rx(
    r"\b(?:which|what) (?:of (?:these|those|the following|the below|the times below|them)|one|time|slot|"
    r"option|day)?s?\b[^.?!\n]{0,40}\b(?:works?|suits?|fits?|best|good|would|is better)\b|\b(?:do|does|would|"
    r"will|could) any of (?:these|those|the following|the below|them)\b|^\W*which one\s*\?|"
    r"\b(?:here are|below are) (?:a few|some|"
    r"two|three|several)?\s*(?:times|slots|options)\b"
)
_NEXT_STEP = _rx(
    rf"\bnext (?:step|stage)s?\b[^.?!\n]{{0,80}}?\b(?:is|will be|would be|involves)\s+(?:a|an)\s+"
    rf"(?:[\w-]+\s+){{0,4}}?{_CHAT_NOUN}\b"
)
#: words that put a meeting in the past
_NOT_NOW = patterns.compile(r"\b(?:thanks?|thank you|enjoyed|was|were|had|last|ago|yesterday|earlier)\b", _I)
#: a meeting named only as a reference point ("feedback after our team meeting on Friday")
_REFERENCE = patterns.compile(r"\b(?:after|before|following|until|till|once|since)\s+$", _I)
#: the employer's own meeting about the candidate, not one with them
_DECIDING = patterns.compile(
    r"\b(?:decid\w*|decision|feedback|debrief\w*|calibrat\w*|compare notes|wrap(?:ping)? up)\b", _I
)
_WAS = patterns.compile(r"\b(?:was|were|had)\b", _I)
_DEADLINE_BEFORE = patterns.compile(r"\b(?:by|before|until|till|no later than)\s*$", _I)
#: a line broken inside a sentence (plain-text mail wrapped at ~72 columns); same length
_WRAP = patterns.compile(r"(?<=[\w,;)])\n(?=[ \t]*[\w(])")
_SENTENCE_SPAN = patterns.compile(r"[^\n]+?(?:[.!?](?=\s)|(?=\n)|$)")

#: cues that state a definite meeting rather than describe a process
_DEFINITE = frozenset(
    {
        "text: interview at a stated time",
        "text: meeting at a stated time",
        "text: booked it for you",
        "text: forwarded meeting at a stated time",
        "text: meeting booked",
        "text: confirms a time",
        "text: proposes times",
        "text: confirms the time proposed in the thread",
        "text: has you down for a time",
        "text: meeting set out below",
    }
)

#: scheduling said to the candidate in person ("I have you down for", "I'll call you", "your
#: phone screen is confirmed"); with a date and time in the same sentence it outweighs a
#: passing mention of an event or a newsletter
_PERSONAL = _rx(
    r"\b(?:i|we)(?:'ve| have)?(?: got)?\s+you\s+(?:down|pencil(?:l)?ed(?: in)?|booked(?: in)?|scheduled|"
    r"slotted(?: in)?|in (?:the|my|our) (?:calendar|diary))\s+for\b|\b(?:booked|scheduled|signed|lined|set|put|"
    r"pencil(?:l)?ed)\s+you\s+(?:up\s+|in\s+|down\s+)?(?:for|with)\b|\byou(?:'re| are)\s+(?:all\s+)?(?:set|"
    rf"confirmed|booked|scheduled|down)\s+(?:for|to)\b|\byour\s+(?:[\w-]+\s+){{0,2}}?{_MEETING}\b[^.!?\n]{{0,40}}?"
    r"\b(?:is|has been|'s)\s+(?:now\s+)?(?:confirmed|scheduled|booked|set|arranged|locked in)\b|"
    r"\b(?:i'll|i will|we'll|we will|i'm going to|we're going to)\s+(?:call|ring|phone|meet|see|interview)\s+you\b|"
    r"\bsee you (?:on|at|tomorrow)\b|\b(?:that's|that is|it's|it is|this is)\s+(?:now\s+|all\s+)?confirmed\s+for\b"
)


def _strong_hiring(mail: Mail, subject: str, body: str) -> bool:
    """Is this unmistakably about a job (not just a mention of one)?"""
    if _ROLE_CONTEXT.search(_OWN_JOB.sub("", f"{subject}\n{body}")) or _SCREENING.search(subject):
        return True
    if _INTERVIEW.search(subject) or _JOB_TITLE.search(subject) or extract.SUBJECT_TITLE.search(subject):
        return True
    quoted = _OWN_JOB.sub("", _normalise(mail.quoted[:3000]))
    if quoted and (_ROLE_CONTEXT.search(quoted) or _SCREENING.search(quoted) or _INTERVIEW.search(quoted)):
        return True
    return any(a is not None and is_hiring_relay(a.addr) for a in (mail.from_, mail.sender, *mail.reply_to))


def _informal_invitation(mail: Mail, text: str, subject: str, is_reply: bool) -> list[str]:
    """Cues that a meeting with the employer is being fixed, in wording without "interview"."""
    flowed = _WRAP.sub(" ", text)
    # a meeting must be named somewhere: here, in the subject, in the message answered, or by
    # the video link or invite being sent
    named = (
        _CHAT.search(flowed)
        or _MEETING_WORD.search(subject)
        or _INTERVIEW.search(subject)  # "Re: final stage: three options"
        or _BOOKED.search(flowed)
        # the meeting in the seeing: "Great, see you Thursday 9/4 at 8:30 at Milstead"
        or _SEE_YOU_DAY.search(flowed)
        # the message answered: "Happy to grab 30 minutes with her" two replies down
        or (is_reply and (_MEETING_WORD.search(mail.quoted[:3000]) or _CHAT.search(mail.quoted[:3000])))
    )
    if not named:
        return []
    spans = [p for p in scan(flowed)[0] if not _DEADLINE_BEFORE.search(flowed[max(0, p.start - 20) : p.start])]
    timed = [p for p in spans if p.has_time]
    dated = [p for p in timed if p.has_date]
    # proposed options and bookings are often written as dates with the time on another line
    days = [p for p in spans if p.has_date]
    cues: list[str] = []
    ahead: list[bool] = []  # _time_ahead_in_thread, resolved once for however many sentences ask

    def time_ahead() -> bool:
        if not ahead:
            ahead.append(_time_ahead_in_thread(mail))
        return ahead[0]

    for m in _SENTENCE_SPAN.finditer(flowed):
        a, b = m.span()
        sentence = m.group()
        supposed = _CONDITIONAL.search(sentence)
        if supposed is not None:
            # only what is said before "if ..." is stated
            sentence = sentence[: supposed.start()]
            b = a + supposed.start()
        here = [p for p in timed if a <= p.start < b]
        here_dated = [p for p in here if p.has_date]
        here_days = [p for p in days if a <= p.start < b]
        chat = any(not _REFERENCE.search(sentence, 0, c.start()) for c in _CHAT.finditer(sentence))
        deciding = bool(_DECIDING.search(sentence))
        current = not _NOT_NOW.search(sentence) and not deciding
        # "as soon as I hear from the client I'll set up a call" arranges nothing yet
        promised = not here_dated and bool(_VAGUE.search(sentence))
        if (
            _BOOKED.search(sentence)
            # "Invite sent for 10am ET": a clock alone, in a reply whose thread holds the day
            and (chat or here_dated or here_days or (is_reply and here and time_ahead()))
            and not _WAS.search(sentence)
            and not deciding
            and not promised
        ):
            cues.append("text: meeting booked")
        # "Friday it is." with that day's time set out after it ("Friday, 30 January 2026, 13:00-15:30 CET")
        days_named = {d.weekday for d in here_days if d.weekday is not None}
        set_out = any(d.start >= b and d.weekday in days_named for d in dated)
        # "see you Wed at 2pm" confirms only where the thread holds a time proposed or picked;
        # after a question about the format it restates the time already set
        # ("see you Thursday 9/4 at 8:30" names its own day and date)
        on_calendar = any(p.day is not None or p.numeric is not None for p in here_dated)
        agrees = _AGREE.search(sentence) or (
            is_reply and _SEE_YOU_DAY.search(sentence) and (on_calendar or time_ahead())
        )
        if (here or set_out) and agrees and not sentence.rstrip().endswith("?"):
            cues.append("text: confirms a time")
        if here_dated and chat and current:
            cues.append("text: meeting at a stated time")
        if _PICK.search(sentence) and max(len(dated), len(days)) >= 2:
            cues.append("text: proposes times")
        elif len(here_dated) >= 2 and _OR.search(sentence) and not deciding:
            cues.append("text: proposes times")  # "Tue 9/12 11:00 or Wed 10/12 16:00, Tel Aviv time."
        if _NEXT_STEP.search(sentence) and not promised:
            cues.append("text: next step is a meeting")
        if (
            is_reply
            and not timed
            and (_AGREE.search(sentence) or _BOOKED.search(sentence))
            and not sentence.rstrip().endswith("?")
            and time_ahead()
        ):
            cues.append("text: confirms the time proposed in the thread")
    return list(dict.fromkeys(cues))


#: the words before an event named as the place where the sender met the candidate
_MET_AT = patterns.compile(
    r"\b(?:meet|met|meeting|chat|chatting|chatted|talk|talking|talked|speak|speaking|spoke|conversations?|"
    r"interview|interviews|interviewed|interviewing|an interview slot)\s+"
    r"(?:with\s+)?"
    r"(?:(?:you|us)\s+)?(?:at|during)\s+(?:[\w'&-]+\s+){0,5}$",
    _I,
)


#: a subject about the candidate's own interview at an event ("Job Fair Interview Appointment
#: Confirmed") is not framed by the event
_SUBJECT_INTERVIEW = patterns.compile(r"\binterview(?!\s+(?:reviews?|tips|questions|prep))\b", re.IGNORECASE)


def _negative_topics(subject: str, text: str) -> tuple[list[str], tuple[int, int], bool]:
    """(hard-negative topics named, the span of the first mention in the text, whether they frame
    the message).

    A topic frames the message when the subject names it or the text names such topics more
    than once; a single mention in the body may be a passing one (a recruiter's P.S. about a
    hiring event, "you can set up job alerts on our careers site" in a rejection) and is weighed
    against the rest of the message (see _outweighs_passing_topic).
    """
    names: list[str] = []
    first = (len(text), len(text))
    mentions = 0
    framing = False
    for name, rx in _NEGATIVE_TOPICS:
        if rx.search(subject) and not (name == "event registration" and _SUBJECT_INTERVIEW.search(subject)):
            names.append(name)
            framing = True
            continue
        for m in rx.finditer(text):
            if _MET_AT.search(text, max(0, m.start() - 80), m.start()):
                continue  # the event is where they met ("great to meet you at the meetup"), not the topic
            if name not in names:
                names.append(name)
            first = min(first, m.span())
            mentions += 1
            if mentions > 1:
                break
    return names, first, framing or mentions > 1


#: a decision about the candidate's own application, not about a subscription or an event
_CANDIDACY = _rx(
    r"\byour (?:application|candidacy|candidature|interview|profile)\b|\bwith you\b|"
    r"\b(?:the|this|that|our) (?:[\w&/-]+ ){0,6}?(?:role|position|vacancy|opening|post|opportunity)\b|"
    r"\bother candidates?\b|\bunsuccessful\b"
)
#: an offer of the job itself, not of early access or a discount
_JOB_OFFER = _rx(
    r"\boffer(?:ing)? you (?:the|this|a|an|our) (?:[\w&/,'-]+ ){0,6}?(?:position|role|post|job)\b"
    r"(?!\s+(?:board|alerts?|search|fair|market|seekers?)\b)|"
    r"\b(?:job|formal|written|verbal|conditional) offer\b|\boffer letter\b|\boffer of employment\b|"
    r"\ban? (?:formal |verbal |written |job )?offer (?:for|of) (?:the|this|our|a|an)\b"
)
_DECISIVE_REJECTION = tuple((name, rx) for name, rx in _REJECTION if name != "text: regret to inform")


def _outweighs_passing_topic(text: str, span: tuple[int, int]) -> str | None:
    """What, said to the candidate in person, outweighs one passing mention of an event, a
    newsletter or job alerts at ``span`` of ``text`` (None when nothing does).

    A time set with the candidate counts only before the mention, since event notices carry
    times of their own; a decision on the application or an offer of the job counts anywhere
    outside the mention's own sentence, since no event notice makes one.
    """
    start, end = span
    if _personal_time(text[:start]):
        return "after a time set with the candidate"
    cut_from = max(text.rfind(sep, 0, start) for sep in ".!?\n") + 1
    stop = _SENTENCE_END.search(text, end)
    rest = _WRAP.sub(" ", text[:cut_from] + text[stop.end() if stop else len(text) :])
    for m in _SENTENCE_SPAN.finditer(rest):
        sentence = m.group()
        if _CANDIDACY.search(sentence) and any(
            _affirmative(rx, sentence, allow_questions=False) for _, rx in _DECISIVE_REJECTION
        ):
            return "beside a decision on the candidate's application"
        if _JOB_OFFER.search(sentence) and any(_affirmative(rx, sentence, allow_questions=False) for _, rx in _OFFER):
            return "beside an offer of the job"
    return None


def _personal_time(text: str) -> bool:
    """Is a dated, timed meeting said to the candidate in person ("I have you down for
    Thursday, September 11 at 10:00 a.m.") somewhere in ``text``?"""
    flowed = _WRAP.sub(" ", text)
    for m in _SENTENCE_SPAN.finditer(flowed):
        sentence = m.group()
        said = _PERSONAL.search(sentence)
        if said is None or sentence.rstrip().endswith("?"):
            continue
        # "Great, thank you - that's confirmed for ...": thanks before the words set nothing in the past
        if _CONDITIONAL.search(sentence, 0, said.start()) or _NOT_NOW.search(sentence, said.start()):
            continue
        if any(p.has_date and p.has_time for p in scan(sentence)[0]):
            return True
    return False


def _time_ahead_in_thread(mail: Mail) -> bool:
    """Does the message answered propose a dated time still ahead ("Thursday at 2pm works for me")?"""
    if mail.date is None or not mail.quoted:
        return False
    return any(m.has_time and m.has_date and m.start > mail.date for m in resolve(mail.quoted[:1500], mail.date))


@dataclass
class _Verdict:
    category: Category
    confidence: float
    reasons: list[str] = field(default_factory=list)
    #: whether the message is about a job at all; if not, no company or role is read
    hiring: bool = True


#: the shorthand of mail typed on a phone ("ok ur submitted", "she'll call u tmrw", "pls pick
#: up"): lower-case only, so "U.S." or a "UR" team keeps its meaning
_TEXTSPEAK = patterns.compile(
    # ("tmrw's call" is tomorrow's)
    r"(?<![\w.'@/-])(u|ur|tmrw|tmrrw|tmw|tmr|pls|plz|thx|mtg|abt|lmk|w(?= \w)|cal(?= inv))(?![\w@/-]|'(?!s\b)|\.\w)"
)
_HM = patterns.compile(r"(?<![\w.'@/-])HMs?(?![\w'@/-])")
_TEXTSPEAK_WORDS = {"u": "you", "ur": "your", "tmrw": "tomorrow", "tmrrw": "tomorrow", "tmw": "tomorrow",
                    "tmr": "tomorrow", "pls": "please", "plz": "please", "thx": "thanks", "mtg": "meeting",
                    "abt": "about", "lmk": "let me know", "w": "with", "cal": "calendar"}  # fmt: skip


#: interviews that are a research method or an HR formality, never a hiring interview of the
#: user: "Workshop: running product discovery interviews", "we did 40 customer interviews"
_RESEARCH_KIND = (
    r"\b(?:discovery|user|customer|usability|research|stakeholder|exit|expert|informational|qualitative|onboarding)"
    r"(?:[ -]research)?"
)
_RESEARCH_INTERVIEWS = patterns.compile(rf"{_RESEARCH_KIND} interview(s|ing)?\b", re.IGNORECASE)


#: the same words, found fast: a search that starts at a space or a bracket, as nearly all do
_TEXTSPEAK_ANY = patterns.compile(
    r"[\s(\"](?:u|ur|tmrw|tmrrw|tmw|tmr|pls|plz|thx|mtg|abt|lmk|w|cal)(?![\w@/-]|'(?!s\b)|\.\w)"
)
_RESEARCH_BEFORE = patterns.compile(rf"{_RESEARCH_KIND} \Z", re.IGNORECASE)


def _research_interviews(s: str) -> bool:
    # "interview" is looked for with str.find, then only the words before it: a regex over
    # every message's whole text cost more than the rest of _normalise
    low = s.lower()
    i = low.find("interview")
    while i >= 0:
        if _RESEARCH_BEFORE.search(s, max(0, i - 40), i):
            return True
        i = low.find("interview", i + 9)
    return False


def _normalise(s: str) -> str:
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    if _research_interviews(s):
        s = _RESEARCH_INTERVIEWS.sub(lambda m: f"research session{m.group(1) and 's'}", s)
    if _TEXTSPEAK_ANY.search(s) or _TEXTSPEAK.match(s):
        s = _TEXTSPEAK.sub(lambda m: _TEXTSPEAK_WORDS[m.group(1)], s)
    # a recruiter's shorthand: "the case discussion w HM + team"
    return _HM.sub("hiring manager", s) if "HM" in s else s


#: the plan for a new hire's first day, after the offer was accepted
_ONBOARDING = _rx(
    r"\byour first day (?:is|will be)\b|\bfirst[- ]day (?:details|plan|schedule)\b|\bnew hire orientation\b|"
    r"\bonboarding buddy\b"
)
#: a booking tool's line naming who hosts the event ("Host:\nJenna Albrecht, Albrecht Career Coaching")
_HOST_LINE = patterns.compile(r"^[ \t]*(?:host|organi[sz]er|hosted by)[ \t]*:[ \t]*\n?[ \t]*([^\n]+)", re.I | re.M)
#: an event for applicants that says it is not an interview: "not part of the evaluation process"
_NOT_EVALUATED = _rx(
    r"\bnot (?:a )?part of (?:the|our|your) (?:evaluation|selection|interview|assessment)\b|"
    r"\bnon-?evaluative\b|\bnot (?:be )?evaluated\b|\bis not an interview\b"
)
_CLOCK_ON_LINE = patterns.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b", re.I)
#: a product's news to its own users
_PRODUCT_NEWS = _rx(
    r"\bwhat['’]s new\b|\bnew in \w+\s*:|\byou['’]re receiving this because you have an? \w+ account\b|"
    r"\bproduct updates?\b"
)
#: the candidate asked to pick a new time for the interview
_NEW_TIME_ASKED = _rx(
    r"\b(?:choose|select|pick|book|schedule)\s+(?:a|your)\s+new\s+(?:interview\s+)?(?:time|date|slot)s?\b|"
    # "nous souhaiterions reprendre le processus ... merci de m'indiquer le créneau qui vous convient"
    r"\breprendre\s+le\s+processus\b|\bindiquer\s+le\s+cr[ée]neau\b"
)
#: a school's placement cell or careers office at work for its students
_PLACEMENT = _rx(
    r"\b(?:placements?|campus (?:drive|recruitment|hiring|placement)|shortlisted|tpo|training (?:and|&) placement|"
    r"career(?:s)? (?:services|office|centre|center)|placement (?:cell|office|coordinator)|"
    # a co-op programme's system and office: "Interview Selection - Halden Castings - Co-op (412736)"
    r"co-?op (?:job|position|posting|office|advisor|term|student|interview|program(?:me)?)s?|work[- ]term|"
    r"(?:interview|employer) (?:selections?|schedule|booked|rescheduled|cancell?ed)|match results?)\b"
)


def _internal(mail: Mail, users: frozenset[str]) -> bool:
    """Mail from a colleague at the user's own organisation (not a hiring conversation)."""
    sender = mail.from_.domain if mail.from_ else ""
    if not sender:
        return False
    sender_org = extract.org_domain(sender)
    if sender_org in extract.FREEMAIL or relay_for_domain(sender) is not None:
        return False
    if mail.forwarded_from and extract.org_domain(mail.forwarded_from.rpartition("@")[2]) != sender_org:
        return False  # a colleague passing on an outside employer's message: the employer's words
    if users:
        user_orgs = {extract.org_domain(a.rpartition("@")[2]) for a in users} - extract.FREEMAIL
        internal = sender_org in user_orgs
    else:
        # no configured addresses (explain): the user is the recipient; internal when every
        # To address sits at the sender's own organisation
        tos = [a for a in mail.to if a.domain]
        internal = bool(tos) and all(extract.org_domain(a.domain) == sender_org for a in tos)
    # the user's school passing on an employer's interviews is not a colleague's mail
    if not internal or not (extract.academic(sender_org) or extract.academic_domain(sender)):
        return internal
    name = mail.from_.name if mail.from_ else ""
    return not _PLACEMENT.search(f"{name}\n{mail.subject}\n{mail.text}\n{mail.quoted[:3000]}")


def _bulk(mail: Mail) -> str | None:
    if mail.header("list-unsubscribe"):
        return "bulk mail: List-Unsubscribe"
    if mail.header("list-id"):
        return "bulk mail: List-Id"
    prec = (mail.header("precedence") or "").strip().lower()
    if prec in ("bulk", "list", "junk"):
        return f"bulk mail: Precedence: {prec}"
    return None


def _auto_reply_header(mail: Mail) -> tuple[str | None, bool]:
    """(a reason when headers mark an auto-reply, whether the mail is auto-generated at all)."""
    auto = (mail.header("auto-submitted") or "").strip().lower()
    if auto.startswith("auto-replied"):
        return "header Auto-Submitted: auto-replied", True
    for name in ("x-autoreply", "x-autorespond", "x-autoresponse"):
        if mail.header(name) is not None:
            return f"header {name.title()}", True
    prec = (mail.header("precedence") or "").strip().lower()
    if prec == "auto_reply":
        return "header Precedence: auto_reply", True
    if (mail.header("x-auto-response-suppress") or "").strip().lower() == "all" and auto:
        return None, True
    return None, bool(auto) and auto != "no"


def _auto_reply(mail: Mail, subject: str, text: str) -> _Verdict | None:
    header_reason, generated = _auto_reply_header(mail)
    if header_reason:
        return _Verdict(Category.AUTO_REPLY, 0.97, [header_reason])
    subj = _OOO_SUBJECT.search(subject)
    short = text[:2000]
    away = bool(_OOO_AWAY.search(short))
    back = bool(_OOO_RETURN.search(short))
    reasons: list[str] = []
    if subj:
        reasons.append("subject: out of office")
    if away:
        reasons.append("text: away from the office")
    if back:
        reasons.append("text: return or limited access stated")
    if subj and (away or back or generated):
        return _Verdict(Category.AUTO_REPLY, 0.93, reasons)
    if away and back and len(text) < 1500:
        if generated:
            reasons.append("header Auto-Submitted: auto-generated")
        return _Verdict(Category.AUTO_REPLY, 0.85 if generated else 0.78, reasons)
    if subj and len(text) < 600:
        return _Verdict(Category.AUTO_REPLY, 0.75, reasons)
    return None


# --- evidence ------------------------------------------------------------------------------
# Each signal below reads one kind of evidence and answers with the reasons it found (empty:
# none). Signals are computed on first use, so the costly ones (a time scan, the thread's
# proposed times) run only when the decision table reaches a row that asks for them.


class _Evidence:
    """What one message says, signal by signal; no decision is taken here."""

    def __init__(self, mail: Mail, users: frozenset[str], known_employers: frozenset[str] = frozenset()) -> None:
        self.mail = mail
        self.users = users
        self.known_employers = known_employers
        #: reasons about evidence that was weighed and set aside
        self.notes: list[str] = []
        self.sender = mail.from_.addr if mail.from_ else ""
        self.subject = _normalise(mail.subject)
        self.full_text = _normalise(mail.text)
        # wording rules read the body only: a signature's title, promo line or legal notice says
        # nothing about what this message does
        self.text, sign_block = extract.split_signature(self.full_text)
        if mail.forwarded:
            # what a forward is about is the message it forwards ("Forwarding the invite from
            # Erik's calendar", "FYI, see below"): its body reads as part of this one, after
            # the cover note's own signature has been set aside
            self.text = f"{self.text}\n\n{_normalise(mail.forwarded)}"
        self.signature = "\n".join(p for p in (sign_block, _normalise(mail.signature)) if p)
        # a forward made from inside a thread carries In-Reply-To too, but says something new
        self.is_reply = bool(_REPLY_SUBJECT.match(self.subject)) or (
            mail.in_reply_to is not None and not FORWARD_SUBJECT.match(self.subject)
        )
        self.body = f"{self.text}\n{self.signature}"
        #: the text with lines broken inside a sentence joined (same length, same offsets):
        #: "your Technical Round 2\ninterview ... has been postponed" is one sentence
        self.flowed = _WRAP.sub(" ", self.text)
        cal_text = "\n".join(f"{ev.summary}\n{ev.description[:2000]}" for ev in mail.calendars[:5])
        self.everything = f"{self.subject}\n{self.body}\n{cal_text}"
        #: subject wording counts only where the sender wrote it: on a new message, or on a reply
        #: whose subject was rewritten ("Re: Interview cancelled?" only repeats the thread's)
        self.subject_cues = not _REPLY_SUBJECT.match(self.subject)

    # -- who sent it, and how -------------------------------------------------------------

    @cached_property
    def from_user(self) -> list[str]:
        return ["from the user"] if self.sender and self.sender in self.users else []

    @cached_property
    def auto_reply(self) -> _Verdict | None:
        return _auto_reply(self.mail, self.subject, self.full_text)

    @cached_property
    def internal(self) -> list[str]:
        return ["sender is at the user's own organisation (internal mail)"] if _internal(self.mail, self.users) else []

    @cached_property
    def interviewer_side(self) -> list[str]:
        if self.answers_own_invitation:
            return ["text: answers the user's own interview invitation: the user interviews"]
        # (a booking page's questions speak to the booker: "Role you're hiring for:")
        if self._booking[0] is None and _USER_HIRES.search(f"{self.subject}\n{self.flowed}"):
            return ["text: the user is the one hiring, not a candidate"]
        for m in _INTERVIEWER_SIDE.finditer(self.everything):
            if m.group(0).rstrip().endswith(":") and self._names_recipient(m.end()):
                continue  # "Candidate: Renata Castillo" in mail to Renata: she is the candidate
            weak = _INTERVIEWER_WEAK.match(m.group(0)) is not None
            # a debrief or feedback named in a message to the candidate about their own
            # interview is the employer's side of the candidate's process
            if weak and _TO_CANDIDATE.search(self.flowed):
                continue
            return ["text: the user is the interviewer, not the candidate"]
        return []

    @cached_property
    def answers_own_invitation(self) -> bool:
        """A reply to an interview invitation the recipient wrote ("On Sep 11, Marisol Fenwick
        <mfenwick@northbeam…> wrote: … We'd like to invite you to interview"): the user invited
        the sender, so the user is the interviewer (an HR partner's own candidates)."""
        if not self.is_reply or not self.mail.quoted:
            return False
        head = self.mail.quoted[:600]
        m = _QUOTED_AUTHOR.search(head)
        if m is None:
            return False
        recipients = {a.addr for a in self.mail.to} | set(self.users)
        if m.group(1).lower() not in recipients:
            return False
        own = self.mail.quoted[m.end() : m.end() + 1500]
        # only the recipient's own words: not the messages their message quoted in turn
        cut = _NESTED_QUOTE.search(own)
        own = own[: cut.start()] if cut else own
        # and written to this sender: "Hi Devon," in the message Devon Ruiz answers (a client's
        # Outlook may quote the message before it with no header between them)
        sender = self.mail.from_.name.split() if self.mail.from_ and self.mail.from_.name else []
        greeting = _GREETING.search(own)
        if not sender or greeting is None or greeting.group(1).lower() != sender[0].strip(",").lower():
            return False
        return bool(_INVITES_YOU.search(_WRAP.sub(" ", own)))

    def _names_recipient(self, pos: int) -> bool:
        """The rest of the line at ``pos`` in ``everything`` names a To recipient (two words of
        their name at least, or their address)."""
        end = self.everything.find("\n", pos)
        line = self.everything[pos : end if end >= 0 else len(self.everything)].lower()
        words = set(re.findall(r"[^\W\d_]+", line))
        for a in self.mail.to:
            if a.addr and a.addr in line:
                return True
            name = re.findall(r"[^\W\d_]+", (a.name or "").lower())
            if len(name) >= 2 and all(w in words for w in name):
                return True
        return False

    @cached_property
    def hosted_booking(self) -> list[str]:
        """A booking tool's notice to the host: the invitee it names is someone else ("Invitee:
        Carlos Beltrán carlos@tierrabrava.mx" in mail to the user), so the user is the one
        being met, and the meeting is the user's own (a client's call, a candidate the user
        interviews), not an interview of the user."""
        if self._booking[0] is None:
            return []
        # the invitee hires, and booked the user's slot for a screen: "I'm a technical recruiter at
        # Brisa and would like to use this slot as a phone screen for our Senior Data Engineer opening"
        if self.invitee_hires:
            return []
        return ["text: the user hosts this booking"]

    @cached_property
    def _booking(self) -> tuple[int | None, str]:
        """Where a booking tool's notice to the user as its host names the other party (None: it
        is no such notice), and the text from there on."""
        head = self.full_text[:4000]
        mine = {a.addr for a in self.mail.to} | set(self.users)
        m = _INVITEE.search(head)
        if m is not None:
            if m.group(1).lower() in mine:
                return None, ""
            return m.end(), self.full_text[m.end() : m.end() + 3000]
        o = _ORGANIZER_BLOCK.search(head)
        if o is not None and o.group(1).lower() in mine:
            return o.end(), self.full_text[o.end() : o.end() + 3000]
        return None, ""

    @cached_property
    def invitee_hires(self) -> bool:
        """Someone who hires booked the user's own booking page (a recruiter's intro, a hiring
        manager's conversation): an interview the user hosts."""
        at, after = self._booking
        if at is None:
            return False
        # the booker's answers may say it is no job: "Not a job, sorry to use the wrong link!"
        if _NO_JOB_ANSWER.search(after):
            return False
        # the event's own name, in the subject or above the invitee, counts too ("Recruiter screen")
        return bool(_INVITEE_HIRES.search(after) or _INVITEE_HIRES.search(f"{self.subject}\n{self.full_text[:at]}"))

    @cached_property
    def non_employer(self) -> list[str]:
        """A coach, a mock-interview service, a mentor, an alumni interview, a podcast or a
        journalist: named in the subject, or in a sentence that books a session."""
        found = [name for name, rx in _NON_EMPLOYER if rx.search(self.subject)]
        # or in who hosts a booked event: a coach, a mentor, a podcast
        hosts = "\n".join(m.group(1) for m in _HOST_LINE.finditer(self.text))
        if hosts:
            found += [name for name, rx in _NON_EMPLOYER if name not in found and rx.search(hosts)]
        found += [n for n, rx in _NON_EMPLOYER if n not in found and n in _SAID_ANYWHERE and rx.search(self.flowed)]
        if len(found) < len(_NON_EMPLOYER):
            for m in _SENTENCE_SPAN.finditer(self.flowed):
                sentence = m.group()
                if not _SESSION.search(sentence):
                    continue
                found += [name for name, rx in _NON_EMPLOYER if name not in found and rx.search(sentence)]
        # a podcast or an episode named beside an interview about a role is the employer's
        # business ("Video Podcast Producer", "a working session: video-first episode")
        if "text: media interview" in found and self.role_named:
            found.remove("text: media interview")
        # the user as a guest, a subject or the one who interviews, unless a role is named
        if not found and _PRESS.search(f"{self.subject}\n{self.flowed}") and not self.role_named:
            found.append("text: a show's guest, a reporter's subject or a production")
        return found

    @cached_property
    def role_named(self) -> bool:
        """A job the user is considered for, named as such ("the Senior Producer role")."""
        text = _OWN_JOB.sub("", f"{self.subject}\n{self.body}")
        return (
            bool(_ROLE_NAMED.search(text))
            or bool(extract.TITLE_IN_TEXT.search(self.text))
            or bool(extract.SUBJECT_TITLE.search(self.subject))
        )

    @cached_property
    def bulk(self) -> list[str]:
        reason = _bulk(self.mail)
        return [reason] if reason else []

    @cached_property
    def personal(self) -> list[str]:
        mail = self.mail
        forwarded_org = extract.org_domain(mail.forwarded_from.rpartition("@")[2]) if mail.forwarded_from else ""
        personal = (
            mail.from_ is not None
            and extract.org_domain(mail.from_.domain) in extract.FREEMAIL
            # a friend forwarding an employer's message passes on the employer's words; so does
            # the user saving a text message (its sender a phone number, no address)
            and (not forwarded_org or forwarded_org in extract.FREEMAIL)
            and not (mail.forwarded and "@" not in (mail.forwarded_from or ""))
            and not _ROLEWORD.search(f"{self.subject}\n{self.body}\n{mail.quoted[:3000]}")
            and self.calendar_category is None
        )
        return ["personal mail: free-mail sender, no role or application named"] if personal else []

    @cached_property
    def noreply_sender(self) -> bool:
        return not self.sender or is_noreply(self.sender)

    # -- context --------------------------------------------------------------------------

    @cached_property
    def interview_ctx(self) -> bool:
        return bool(_INTERVIEW.search(self.everything))

    @cached_property
    def strong_ctx(self) -> bool:
        # a recruiting firm's person writing to a candidate is about hiring whatever the words
        # ("they want one last catch up before they put an offer together")
        return _strong_hiring(self.mail, self.subject, self.body) or bool(self.thread_meeting) or self.agency_sender

    @cached_property
    def thread_meeting(self) -> list[str]:
        """A reply from a business address in a thread about a meeting with the candidate (the
        message answered names an interview, a screening call, or "the 30-minute call"): the
        context a short answer leans on, while its own new text decides what it does."""
        mail = self.mail
        if not self.is_reply or not mail.quoted or mail.from_ is None:
            return []
        if extract.org_domain(mail.from_.domain) in extract.FREEMAIL or self.noreply_sender:
            return []
        quoted = _WRAP.sub(" ", _normalise(mail.quoted[:3000]))
        if _INTERVIEW.search(quoted) or _SCREENING.search(quoted) or _CHAT.search(quoted):
            return ["thread: a meeting with the candidate in the message answered"]
        # or the thread's own subject does: "Re: Grachtenlab - quick chat?"
        if _REPLY_SUBJECT.match(self.subject) and (_INTERVIEW.search(self.subject) or _CHAT.search(self.subject)):
            return ["thread: a meeting with the candidate in the thread's subject"]
        return []

    @cached_property
    def personal_reply(self) -> list[str]:
        """A friend's answer from a free-mail address (a referral, coffee, news of the search):
        no employer's voice ("we", "our team"), nothing scheduled or decided in interview words."""
        mail = self.mail
        if not self.is_reply or mail.from_ is None or extract.org_domain(mail.from_.domain) not in extract.FREEMAIL:
            return []
        if _EMPLOYER_VOICE.search(self.text) or _INTERVIEW_NOUN_RX.search(self.subject):
            return []
        if self.invite_text or self.rejection or self.offer or self.implicit_offer:
            return []
        return ["personal mail: a free-mail reply without an employer's voice"]

    @cached_property
    def hiring_ctx(self) -> bool:
        # a short reply carries its context in the message it answers
        return (
            self.interview_ctx
            or bool(_HIRING.search(self.everything))
            or (self.is_reply and bool(_HIRING.search(self.mail.quoted[:4000])))
            or self.strong_ctx
            or bool(self.implicit_offer)
            or (self.is_reply and bool(_PROCESS.search(self.flowed)))
            or bool(self.thread_meeting)
            or bool(extract.TITLE_IN_TEXT.search(self.text))
            or self.known_employer
            or self.agency_sender
            or self.invitee_hires
        )

    @cached_property
    def agency_sender(self) -> bool:
        """A person at a recruiting firm (its name says so: "talentbridgepartners", "apexstaffing",
        "harcourtrecruitment"): everything such a sender writes to a candidate is about hiring."""
        f = self.mail.from_
        if f is None or self.noreply_sender:
            return False
        if extract.org_domain(f.domain) in extract.FREEMAIL:
            return False
        return bool(_AGENCY_DOMAIN.search(f.domain.rsplit(".", 1)[0]))

    @cached_property
    def known_employer(self) -> bool:
        """From an employer the user already has an application with (a person there, not a
        newsletter or a no-reply notice)."""
        org = employer_key(self.mail)
        if org is None or not self.known_employers or self.noreply_sender:
            return False
        return org in self.known_employers and org not in extract.FREEMAIL

    @cached_property
    def time_kept(self) -> bool:
        """The message says the meeting keeps its time (an update about something else)."""
        return bool(_TIME_KEPT.search(self.text))

    @cached_property
    def declined_notice(self) -> bool:
        """A calendar's notice, from the other party, that they declined the meeting."""
        return bool(_DECLINED.search(self.subject) or _DECLINED.search(self.text[:600]))

    @cached_property
    def meeting_named(self) -> bool:
        # a short reply in a thread about a meeting with the candidate need not name it again:
        # "We've shifted to this Fri 11am instead"
        return (
            self.interview_ctx
            or bool(_MEETING_WORD.search(f"{self.subject}\n{self.text}"))
            or bool(self.thread_meeting)
            or self.invitee_hires
        )

    # -- structure ------------------------------------------------------------------------

    @cached_property
    def _calendar(self) -> tuple[Category | None, list[str]]:
        """What a calendar part does to an interview event (structure says it unambiguously)."""
        category: Category | None = None
        reasons: list[str] = []
        for ev in self.mail.calendars:
            if ev.method == "CANCEL" or ev.status == "CANCELLED":
                category = Category.CANCELLATION
                reasons = [f"ics METHOD:{ev.method or '-'} STATUS:{ev.status or '-'}"]
                break
            if ev.method in ("REQUEST", "PUBLISH", None) and ev.start is not None:
                if ev.sequence > 0 and ev.method == "REQUEST" and not self.time_kept:
                    category = Category.RESCHEDULE
                    reasons = [f"ics METHOD:REQUEST SEQUENCE:{ev.sequence} (an update)"]
                elif ev.sequence > 0 and ev.method == "REQUEST" and category is None:
                    # "Your schedule is unchanged; only the interviewer changes": the same time
                    category = Category.INVITATION
                    reasons = [f"ics METHOD:REQUEST SEQUENCE:{ev.sequence} (an update that keeps its time)"]
                elif category is None:
                    category = Category.INVITATION
                    reasons = [f"ics METHOD:{ev.method or '-'}"]
        if category is Category.CANCELLATION and not self.interview_ctx and self._meeting_called_off():
            return category, [*reasons, "calendar: a call with a company called off"]
        if category is Category.RESCHEDULE and not self.interview_ctx and self._intro_event():
            return category, [*reasons, "calendar: an intro call with a company's representative moved"]
        if category is Category.RESCHEDULE and not self.interview_ctx and self._hiring_event():
            # "Updated invitation: Senior People Partner – Conversation with Dana Whitcombe"
            return category, [*reasons, "calendar: a conversation about a role moved"]
        if category is Category.INVITATION and not self.interview_ctx and self._hiring_event():
            return category, [*reasons, "calendar: a conversation about a role, from a business address"]
        if category is not None and not self.interview_ctx:
            return None, []  # a calendar entry about something other than an interview
        return category, reasons

    def _hiring_event(self) -> bool:
        """A first invitation to a meeting whose own title or description names a role ("Intro
        conversation about the Operations Manager role", "Sam / Priya - Data Engineer chat"),
        organised from a business address outside the user's organisation."""
        if self.internal or self.non_employer:
            return False
        for ev in self.mail.calendars:
            who = ev.organizer or self.mail.from_
            if who is None or not who.addr or extract.org_domain(who.domain) in extract.FREEMAIL:
                continue
            summary, description = _normalise(ev.summary), _normalise(ev.description[:2000])
            if extract.SUBJECT_TITLE.search(summary) or _ROLE_CONTEXT.search(f"{summary}\n{description}"):
                return True
        return False

    def _intro_event(self) -> bool:
        """An update to a one-to-one intro call: the organizer writes from a business address and
        the event is an "intro" with the recipient alone ("Acme intro - Sam Doe"); only a change
        to it is read this way, never a first invitation."""
        mail = self.mail
        if mail.from_ is None or extract.org_domain(mail.from_.domain) in extract.FREEMAIL or self.noreply_sender:
            return False
        to = {a.addr for a in mail.to}
        for ev in mail.calendars:
            if ev.organizer is None or ev.organizer.addr != mail.from_.addr:
                continue
            if len(ev.attendees) == 1 and ev.attendees[0].addr in to and _INTRO_EVENT.search(_normalise(ev.summary)):
                return True
        return False

    def _meeting_called_off(self) -> bool:
        """A cancelled call or meeting (its summary says so) organised from a business address that
        is not the user's own organisation, with nothing of a service appointment about it."""
        mail = self.mail
        if mail.from_ is None or extract.org_domain(mail.from_.domain) in extract.FREEMAIL:
            return False
        if self.internal or self.bulk or any(rx.search(self.everything) for _, rx in _WEAK_NEGATIVES):
            return False
        return any(_MEETING_WORD.search(ev.summary) for ev in mail.calendars[:5])

    @property
    def calendar_category(self) -> Category | None:
        return self._calendar[0]

    def calendar(self, category: Category) -> list[str]:
        return self._calendar[1] if self._calendar[0] is category else []

    # -- hard negatives -------------------------------------------------------------------

    @cached_property
    def negative_topic(self) -> list[str]:
        """A newsletter, job alert or event notice that frames the message (a passing mention
        beside something said to the candidate in person is only noted)."""
        topics, span, framing = _negative_topics(self.subject, self.text)
        if not topics:
            return []
        weight = None
        if not framing and not self.bulk and self.strong_ctx:
            weight = _outweighs_passing_topic(self.text, span)
        if weight is None:
            return [f"text: {topics[0]}", *self.bulk]
        self.notes.append(f"text: {topics[0]} only in passing, {weight}")
        return []

    @cached_property
    def introduced_meeting(self) -> list[str]:
        """A meeting named and then set out below a colon, with a date and a time in the next
        lines (said of what is coming, not thanked for)."""
        text = self.text
        for m in _INTRODUCED.finditer(text):
            start = max(text.rfind(sep, 0, m.start()) for sep in ".!?\n") + 1
            if _CONDITIONAL.search(text, start, m.start()) or _DECIDING.search(text, start, m.end()):
                continue
            below = text[m.end() : m.end() + 160]
            if any(p.has_date and p.has_time for p in scan(below)[0]):
                return ["text: meeting set out below"]
        return []

    @cached_property
    def bulk_without_news(self) -> list[str]:
        """Bulk mail with nothing strong for the candidate (a calendar event, a decision, a
        confirmed interview)."""
        if not self.bulk:
            return []
        confirmed = "text: interview confirmed" in _fired(_INVITE_TEXT, self.flowed, allow_questions=False)
        # a recruiter's own invitation sent through a mailing tool (two cues, a person's address)
        in_person = (
            len(self.invite_text) >= 2 and not self.noreply_sender and bool(_ROLE_CONTEXT.search(self.text))
        )
        # a scheduling tool's own newsletter to its user ("What's new in Calendly") books nothing
        if _PRODUCT_NEWS.search(f"{self.subject}\n{self.text}") and self.calendar_category is None:
            return self.bulk
        strong = (
            self.calendar_category is not None
            or bool(self.rejection)
            or confirmed
            or bool(self.relayed)
            or in_person
            or self.board_message
        )
        return [] if strong else self.bulk

    @cached_property
    def board_message(self) -> bool:
        """A person's own message carried by a job board ("Wei Ling Tan via LinkedIn"): the
        board's bulk headers say nothing about what the person wrote."""
        f = self.mail.from_
        if f is None:
            return False
        brand = relay_for_domain(f.domain)
        if brand in JOB_BOARDS:
            return re.search(rf"\S\s+via\s+{re.escape(brand)}\s*$", f.name, re.IGNORECASE) is not None
        # a board we do not know by name: "Anna Ferrari via TrovaLavoro" <messaggi@trovalavoro.it>
        return via_own_board(f.name, extract.org_domain(f.domain))

    @cached_property
    def relayed(self) -> list[str]:
        """An interview set up or to be set up with the candidate, relayed by a job board or an
        ATS for the employer (the subject says so, the text says it to the candidate)."""
        if not self.interview_ctx or not _fired(_INVITE_SUBJECT, self.subject, allow_questions=True):
            return []
        return ["text: interview relayed for an employer"] if _affirmative(
            _RELAYED, self.flowed, allow_questions=True, looking_back=False
        ) else []

    @cached_property
    def person_via_relay(self) -> bool:
        """A recruiter answering the candidate through the ATS ("Olivia Marsh <no-reply@hire.lever.co>",
        a Re: subject, the candidate's message quoted): a person's reply, though the address is not."""
        f = self.mail.from_
        if f is None or not f.name or relay_for_domain(f.domain) is None or not self.mail.quoted:
            return False
        if not _REPLY_SUBJECT.match(self.subject):
            return False
        words = f.name.split()
        return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not _TEAM_NAME.search(f.name)

    @cached_property
    def assessment_deadline(self) -> list[str]:
        found = _ASSESSMENT.search(f"{self.subject}\n{self.text}")
        # an interview confirmed, or set out with its date and time, outweighs a test to take
        # before it ("Online Personality Assessment (required before the interview) - Deadline: …")
        stated = {"text: interview confirmed", "text: interview at a stated time"}
        if found and _DEADLINE.search(self.text) and stated.isdisjoint(self.invite_text):
            return [f"text: {found.group(0).lower()} with a deadline, no meeting"]
        return []

    @cached_property
    def outside_evaluation(self) -> list[str]:
        if not _NOT_EVALUATED.search(self.flowed):
            return []
        # an itinerary that excludes its evening social still sets the interviews out, each on a line with its time
        if any(_INTERVIEW.search(line) and _CLOCK_ON_LINE.search(line) for line in self.text.splitlines()):
            return []
        return ["text: an event said not to be part of the evaluation"]

    @cached_property
    def acknowledgement(self) -> bool:
        return bool(_ACK.search(self.text))

    # -- decisions and changes ------------------------------------------------------------

    @cached_property
    def rejection(self) -> list[str]:
        return _fired(_REJECTION, self.flowed, allow_questions=False)

    @cached_property
    def offer(self) -> list[str]:
        found = _fired(_OFFER, self.flowed, allow_questions=False)
        if found and _ONBOARDING.search(f"{self.subject}\n{self.flowed}"):
            # "Welcome to Copperline! We're so excited to have you join ... Your first day is
            # Monday": the offer was accepted; this is the first day's plan
            found = [r for r in found if r != "text: offer extended"]
        if found and self.subject_cues and _OFFER_SUBJECT.search(self.subject):
            found.insert(0, "subject: offer")
        return found

    @cached_property
    def implicit_offer(self) -> list[str]:
        """An offer that avoids the word: the job extended to the candidate, or a compensation
        summary with a start date or an agreement to sign, or a welcome with an agreement."""
        text = self.flowed
        if _EXTEND_JOB.search(text) and not re.search(r"\binvit|\binterview", text, _I):
            return ["text: the job extended to the candidate"]
        if _SIGN_EMPLOYMENT.search(text):
            return ["text: employment agreement to sign"]
        head = f"{self.subject}\n{text[:1500]}"
        if _ENVELOPE.search(head) and _OFFER_DOCUMENT.search(head):
            return ["text: offer or employment document to sign or accept"]
        pay = {m.group(0).lower() for m in _PAY.finditer(text)}
        start = bool(_START.search(text))
        agreement = bool(_AGREEMENT.search(text))
        welcome = bool(_WELCOME.search(text))
        if (len(pay) >= 2 and (start or agreement)) or (pay and start and agreement) or (
            welcome and (agreement or (pay and start))
        ):
            return ["text: compensation, start date or agreement to sign"]
        return []

    @cached_property
    def cancel_subject(self) -> list[str]:
        return ["subject: cancelled"] if self.subject_cues and _CANCEL_SUBJECT.search(self.subject) else []

    @cached_property
    def cancel(self) -> list[str]:
        if _NEW_TIME_ASKED.search(self.flowed):
            # "Your original interview on October 2 was cancelled ... please choose a new
            # interview time": the cancellation is history, the message schedules again
            return []
        return _fired(_CANCEL_TEXT, self.flowed, allow_questions=False)

    @cached_property
    def cancel_dated(self) -> bool:
        """A cancelling sentence that names the day of the interview it cancels ("asked me to
        cancel Thursday's interview", "I have cancelled your interview on Thursday 16 April"):
        a scheduled interview called off, whatever the reason (the post filled, a freeze)."""
        if not self.cancel:
            return False
        for m in _SENTENCE_SPAN.finditer(self.flowed):
            sentence = m.group()
            if not any(_affirmative(rx, sentence, allow_questions=False) for _, rx in _CANCEL_TEXT):
                continue
            if _DAY_WORD.search(sentence) or any(p.has_date for p in scan(sentence)[0]):
                return True
        return False

    @cached_property
    def background_check(self) -> list[str]:
        """A background or pre-employment screening request, from a screening service or so named
        in the subject: a step after an offer, and neither the offer nor a meeting."""
        vendor = self.mail.from_ is not None and extract.org_domain(self.mail.from_.domain) in _SCREENING_VENDORS
        if vendor or _BACKGROUND_SUBJECT.search(self.subject) or _NOT_A_JOB_INTERVIEW.search(self.flowed):
            return ["text: background screening request"]
        return []

    @cached_property
    def paused(self) -> bool:
        return bool(_PAUSE.search(self.text))

    @cached_property
    def reschedule_subject(self) -> list[str]:
        return ["subject: rescheduled"] if self.subject_cues and _RESCHEDULE_SUBJECT.search(self.subject) else []

    @cached_property
    def reschedule(self) -> list[str]:
        found = _fired(_RESCHEDULE_TEXT, self.flowed, allow_questions=False)
        if self.strong_ctx:
            found += _fired(_RESCHEDULE_INFORMAL, self.flowed, allow_questions=False)
            found += _fired(_RESCHEDULE_ASK, self.flowed, allow_questions=True)
        return found

    # -- scheduling -----------------------------------------------------------------------

    @cached_property
    def invite_subject(self) -> list[str]:
        if not self.subject_cues or _PREP_SUBJECT.match(self.subject):
            # "Preparing for your virtual onsite": a guide to an interview set elsewhere; the
            # text must schedule it itself
            return []
        return _fired(_INVITE_SUBJECT, self.subject, allow_questions=True)

    @cached_property
    def invite_text(self) -> list[str]:
        found = _fired(_INVITE_TEXT, self.flowed, allow_questions=True, looking_back=False)
        if _stated_meeting(self.flowed) or _dated_interview(self.flowed):
            found.append("text: interview at a stated time")
        if _NEW_EVENT.search(self.text) and _MEETING_WORD.search(self.subject):
            found.append("text: a scheduling tool booked a meeting")
        elif self.invitee_hires and not self.cancel and not self.reschedule:
            found.append("text: a recruiter or hiring manager booked the user's page")
        if self.interview_ctx and self._forwarded_meeting_time:
            found.append("text: forwarded meeting at a stated time")
        if (self.interview_ctx or self.strong_ctx) and self.introduced_meeting:
            found += self.introduced_meeting
        return found

    @cached_property
    def _forwarded_meeting_time(self) -> bool:
        """A calendar's meeting forwarded inline (Outlook's "When:" in the forwarded header
        block) states a date and a time."""
        m = _FORWARDED_WHEN.search(self.mail.forwarded[:600])
        return m is not None and any(p.has_date and p.has_time for p in scan(m.group(1))[0])

    @cached_property
    def invite(self) -> list[str]:
        """Scheduling cues in the text, with the informal reading ("Tomorrow at 3pm works great
        for us") where the formal one is missing or weak and the hiring context is strong; the
        informal reading costs a time scan, so it runs only where it could change the answer."""
        found = list(self.invite_text)
        undecided = not found or (len(found) < 2 and not self.is_reply and self.acknowledgement)
        if (
            undecided
            and self.strong_ctx
            and not any(rx.search(f"{self.subject}\n{self.text}") for _, rx in _WEAK_NEGATIVES)
        ):
            found += [
                cue
                for cue in _informal_invitation(self.mail, self.text, self.subject, self.is_reply)
                if cue not in found
            ]
        return found

    @cached_property
    def scheduling(self) -> list[str]:
        """Cues that an interview is being scheduled or confirmed (subject first)."""
        cues = self.invite_subject + self.invite
        strong_subject = bool(self.invite_subject) and (self.interview_ctx or bool(self.invite))
        if cues and (self.interview_ctx or self.invite) and (self.invite or strong_subject):
            if self.is_reply and not self.invite:
                return []  # a reply is read by what it says, not by the thread's subject
            if self.settled_before:
                self.notes.extend(self.settled_before)
                return []
            return cues
        return []

    @cached_property
    def settled_before(self) -> list[str]:
        """A reply that schedules nothing new: it refers to what is already arranged and states no
        new date and time, or it only promises times after the candidate asked to move, or names a
        next meeting only to defer it ("I'll come back to you with options once she's back")."""
        if not self.is_reply or any(p.has_date and p.has_time for p in scan(self.text[:3000])[0]):
            return []
        if set(self.invite) <= _WISHES and _DEFERRED.search(self.flowed):
            return ["reply: a next meeting named, its times promised for later"]
        if _ARRANGED_BEFORE.search(self.flowed):
            return ["reply: refers to arrangements already made, no new time"]
        quoted = _WRAP.sub(" ", _normalise(self.mail.quoted[:1500]))
        if set(self.invite) <= _PROMISES and _ASKED_TO_MOVE.search(quoted):
            return ["reply: the candidate asked to move; times only promised"]
        return []

    @cached_property
    def asks_times(self) -> bool:
        """The candidate is asked outright for times or to pick a slot (no vague promise)."""
        # a booking link asks as plainly: "grab whatever slot suits you here: calendly.com/..."
        asking = (
            "text: asks availability",
            "text: proposes slots",
            "text: scheduling link",
            "text: asks if a time works",
        )
        return any(cue.startswith(asking) for cue in self.invite_text)

    @cached_property
    def definite(self) -> bool:
        return bool(_DEFINITE.intersection(self.invite))


# --- decision ------------------------------------------------------------------------------
# One table, read top to bottom: the first row whose condition holds gives the category. The
# order is the order of trust: who sent it, auto-replies, what the message is not (hard
# negatives), structure (.ics), decisions on the candidacy, changes to a scheduled interview,
# scheduling, and only then the weaker readings (a reply, nothing at all).

_E = _Evidence


@dataclass(frozen=True)
class _Row:
    name: str
    when: Callable[[_E], object]
    category: Category
    confidence: Callable[[_E], float]
    reasons: Callable[[_E], list[str]]
    #: whether the message is about a job at all; if not, no company or role is read
    hiring: bool = True


def _const(x: float) -> Callable[[_E], float]:
    return lambda e: x


def _by_count(base: float, step: float, cap: float, cues: Callable[[_E], list[str]]) -> Callable[[_E], float]:
    return lambda e: min(cap, base + step * len(cues(e)))


def _reschedule_reasons(e: _E) -> list[str]:
    return e.reschedule_subject + e.reschedule


def _cancel_reasons(e: _E) -> list[str]:
    return e.cancel_subject + e.cancel


def _reply_reasons(e: _E) -> list[str]:
    return ["reply (Re:/In-Reply-To) from a non-user address"] + (["hiring conversation"] if e.hiring_ctx else [])


def _nothing_reasons(e: _E) -> list[str]:
    reasons = ["no interview, decision or reply evidence"]
    if e.sender and is_hiring_relay(e.sender):
        reasons.append(f"sent through {relay_for_domain(e.mail.from_.domain) if e.mail.from_ else 'a relay'}")
    return reasons


def _auto(e: _E) -> _Verdict:
    assert e.auto_reply is not None
    return e.auto_reply


_OTHER, _INVITATION = Category.OTHER, Category.INVITATION

_TABLE: tuple[_Row, ...] = (
    # who sent it
    _Row("from the user", lambda e: e.from_user, _OTHER, _const(0.99), lambda e: e.from_user, hiring=False),
    # auto-replies carry their own confidence (see _auto_reply)
    _Row("auto-reply", lambda e: e.auto_reply, Category.AUTO_REPLY, lambda e: _auto(e).confidence,
         lambda e: _auto(e).reasons),
    # what the message is not
    _Row("internal mail", lambda e: e.internal, _OTHER, _const(0.9), lambda e: e.internal, hiring=False),
    _Row("user is the interviewer", lambda e: e.interviewer_side, _OTHER, _const(0.9), lambda e: e.interviewer_side,
         hiring=False),
    _Row("user hosts the booking", lambda e: e.hosted_booking, _OTHER, _const(0.85), lambda e: e.hosted_booking,
         hiring=False),
    _Row("newsletter, alert or event", lambda e: e.negative_topic, _OTHER, _const(0.9), lambda e: e.negative_topic,
         hiring=False),
    _Row("bulk mail", lambda e: e.bulk_without_news, _OTHER, _const(0.88), lambda e: e.bulk_without_news, hiring=False),
    # a decision on the candidacy outweighs a mentoring programme or a coach named in passing
    _Row("not an employer", lambda e: e.non_employer and not e.rejection, _OTHER, _const(0.75),
         lambda e: e.non_employer, hiring=False),
    _Row("personal mail", lambda e: e.personal, _OTHER, _const(0.8), lambda e: e.personal, hiring=False),
    _Row("a friend's reply", lambda e: e.personal_reply, _OTHER, _const(0.65), lambda e: e.personal_reply,
         hiring=False),
    # structure
    _Row("calendar cancellation", lambda e: e.calendar(Category.CANCELLATION), Category.CANCELLATION,
         _const(0.97), lambda e: e.calendar(Category.CANCELLATION)),
    _Row("calendar update", lambda e: e.calendar(Category.RESCHEDULE), Category.RESCHEDULE, _const(0.93),
         lambda e: e.calendar(Category.RESCHEDULE)),
    _Row("not about hiring", lambda e: not e.hiring_ctx, _OTHER, _const(0.7),
         lambda e: ["no hiring or interview wording"], hiring=False),
    _Row("declined on the calendar", lambda e: e.meeting_named and e.declined_notice, Category.CANCELLATION,
         _const(0.85), lambda e: ["calendar: the other party declined the meeting"]),
    # decisions and changes
    _Row("cancelled in the subject", lambda e: e.cancel_subject and (e.cancel or e.interview_ctx) and not e.reschedule,
         Category.CANCELLATION, _const(0.9), _cancel_reasons),
    _Row("background screening", lambda e: e.background_check, _OTHER, _const(0.85), lambda e: e.background_check),
    _Row("a dated interview cancelled", lambda e: (e.meeting_named or e.hiring_ctx) and e.cancel_dated,
         Category.CANCELLATION,
         _const(0.85), _cancel_reasons),
    _Row("rejection", lambda e: e.rejection, Category.REJECTION, _by_count(0.8, 0.05, 0.95, lambda e: e.rejection),
         lambda e: e.rejection),
    _Row("offer", lambda e: e.offer, Category.OFFER, _by_count(0.8, 0.05, 0.95, lambda e: e.offer), lambda e: e.offer),
    _Row("offer in other words", lambda e: e.implicit_offer and not e.scheduling, Category.OFFER, _const(0.8),
         lambda e: e.implicit_offer),
    _Row("interview moved",
         lambda e: e.meeting_named
         and (e.reschedule or (e.reschedule_subject and e.calendar_category is not None and not e.time_kept)),
         Category.RESCHEDULE, _by_count(0.75, 0.06, 0.93, _reschedule_reasons), _reschedule_reasons),
    _Row("interview cancelled", lambda e: e.meeting_named and (e.cancel or (e.paused and e.cancel_subject)),
         Category.CANCELLATION, _by_count(0.75, 0.06, 0.93, _cancel_reasons), _cancel_reasons),
    # scheduling
    _Row("calendar invitation", lambda e: e.calendar(_INVITATION), _INVITATION, _const(0.95),
         lambda e: e.calendar(_INVITATION) + e.invite_subject[:1] + e.invite_text[:2]),
    # a person answering in the thread ("the next step is a take-home, no call involved") is the
    # employer replying; a platform's or an ATS's assessment notice is not
    # a social or a dinner that says it is not part of the evaluation, in mail that sets no interview out
    _Row("an event outside the evaluation", lambda e: e.outside_evaluation, _OTHER, _const(0.8),
         lambda e: e.outside_evaluation),
    _Row("assessment with a deadline",
         lambda e: e.assessment_deadline and not (e.is_reply and e.mail.in_reply_to and not e.noreply_sender),
         _OTHER, _const(0.85), lambda e: e.assessment_deadline),
    _Row("acknowledgement with a vague cue",
         lambda e: e.scheduling and e.acknowledgement and not e.invite_subject and len(e.invite) < 2
         and not e.is_reply and not e.definite and not e.asks_times,
         _OTHER, _const(0.75), lambda e: ["text: application acknowledgement", *e.invite]),
    _Row("interview scheduled", lambda e: e.scheduling, _INVITATION,
         _by_count(0.6, 0.1, 0.94, lambda e: e.scheduling), lambda e: e.scheduling),
    # weaker readings
    _Row("acknowledgement", lambda e: e.acknowledgement and not e.is_reply, _OTHER, _const(0.85),
         lambda e: ["text: application acknowledgement"]),
    _Row("employer reply", lambda e: e.is_reply and (not e.noreply_sender or e.person_via_relay),
         Category.EMPLOYER_REPLY, _const(0.8),
         _reply_reasons),
    _Row("nothing", lambda e: True, _OTHER, _const(0.6), _nothing_reasons),
)


def _decide(
    mail: Mail, users: frozenset[str], notes: list[str], known_employers: frozenset[str] = frozenset()
) -> _Verdict:
    """The verdict of the first row of ``_TABLE`` that holds; ``notes`` receives reasons about
    evidence that was weighed and set aside."""
    e = _Evidence(mail, users, known_employers)
    try:
        for row in _TABLE:
            if row.when(e):
                return _Verdict(row.category, row.confidence(e), list(row.reasons(e)), hiring=row.hiring)
        raise AssertionError("the last row always holds")
    finally:
        notes.extend(e.notes)


def employer_key(mail: Mail) -> str | None:
    """All that classification reads of ``known_employers``: whether this key is in it.

    The sender's organisation domain. A result computed with other employers known is the
    same whenever this key is in both sets or in neither (the runner's analysis helper
    relies on it: keep it the only lookup)."""
    f = mail.from_
    return extract.org_domain(f.domain) if f is not None else None


def _written(mail: Mail) -> str:
    """Everything of ``mail`` a rule reads, for telling which languages it is in."""
    parts = [mail.subject, mail.from_.name if mail.from_ else "", mail.text, mail.signature, mail.quoted[:20000]]
    parts += [f"{ev.summary}\n{ev.description[:2000]}" for ev in mail.calendars[:5]]
    return "\n".join(parts)


def classify(
    mail: Mail, user_addresses: frozenset[str] = frozenset(), known_employers: frozenset[str] = frozenset()
) -> Classification:
    """Classify one message; see the module docstring for the order of evidence.

    ``known_employers``: organisation domains of employers the user already has an
    application with. Mail from one of them is hiring context even when it names no job: a
    hiring manager's one-liner ("Can you do Fri 8/29 at 1:30 central?") reads as what it is.
    """
    users = frozenset(a.strip().lower() for a in user_addresses if a.strip())
    notes: list[str] = []
    reading = _READING.set(lexicon.languages_shown(_written(mail)))
    try:
        v = _decide(mail, users, notes, known_employers)
    finally:
        _READING.reset(reading)
    checkpoint()
    reasons = tuple(dict.fromkeys([*v.reasons, *notes]))
    confidence = round(max(0.0, min(1.0, v.confidence)), 3)
    if not v.hiring:
        return Classification(category=v.category, confidence=confidence, reasons=reasons)
    facts = extract.about(mail, v.category, users)
    return Classification(
        category=v.category,
        confidence=confidence,
        reasons=reasons,
        company=facts.company,
        role=facts.role,
        round=facts.round,
        interviewers=facts.interviewers,
    )
