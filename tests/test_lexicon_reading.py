"""Reading a language's words only in mail that shows the language (issue 18).

``classify`` merges every table of ``lexicon`` into its English patterns; it now reads a
language's words only in a message that shows the language (``lexicon.languages_shown``).
That is a speed measure, so it must change no answer: these tests classify every labelled
message both ways and compare, and check the detection on short text of each kind.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_classify import eml

from daemon.model import Classification
from daemon.understand import classify as classify_mod
from daemon.understand import lexicon
from daemon.understand.classify import classify
from daemon.understand.mail import parse

FIXTURES = Path(__file__).parent / "fixtures"
#: a rule of one language's table names itself "(es)" in the reasons
_LANGUAGE_RULE = re.compile(r" \((?:" + "|".join(lexicon.LANGUAGES) + r")\)$")


@pytest.mark.parametrize(
    ("text", "langs"),
    [
        ("Hi Sam, we would like to invite you to an interview on Tuesday at 3pm EST.", set()),
        ("Our office is in Los Angeles; the MIT team and a bonus round are in the report.", set()),
        ("Sent from my iPhone. See u tmrw at 2, w/ the team. I'm in.", set()),
        ("Hola, te confirmo la entrevista del martes", {"es"}),
        ("Passt, bis Dienstag!", {"de"}),
        ("Vielen Dank, bis morgen", {"de"}),
        ("Bonjour, merci pour votre candidature", {"fr"}),
        ("Dzien dobry, zapraszam", {"pl"}),
        ("Hoi, tot dinsdag", {"nl"}),
        ("Obrigado! até segunda", {"pt"}),
        # one word of a table, in otherwise English mail (a scheduling tool's event name)
        ("Confirmed: Kennismaking (30 min) with Roel on Thursday", {"nl"}),
        ("Termin abgesagt", {"de"}),
        # a letter only one of these languages writes
        ("Zaproszenie na rozmowę", {"pl"}),
    ],
)
def test_languages_shown(text: str, langs: set[str]) -> None:
    assert set(lexicon.languages_shown(text)) >= langs
    if not langs:
        assert lexicon.languages_shown(text) == frozenset()


def _every_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon, "languages_shown", lambda text: frozenset(lexicon.LANGUAGES))


def _answer(c: Classification) -> tuple[object, ...]:
    # a language's own rule may name itself beside the English rule that decided: not an answer
    reasons = tuple(r for r in c.reasons if not _LANGUAGE_RULE.search(r))
    return (c.category, c.confidence, reasons, c.company, c.role, c.round, c.interviewers, c.return_date)


def test_reading_only_the_languages_shown_changes_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted(FIXTURES.rglob("*.eml"))
    assert len(paths) > 3000
    mails = [parse(p.read_bytes()) for p in paths]
    read = [_answer(classify(m)) for m in mails]
    shown = sum(1 for m in mails if lexicon.languages_shown(classify_mod._written(m)))
    _every_language(monkeypatch)
    whole = [_answer(classify(m)) for m in mails]
    changed = [p.name for p, a, b in zip(paths, read, whole, strict=True) if a != b]
    assert changed == []
    # and the sets do hold mail in these languages, and much more that is English
    assert 300 < shown < len(mails) // 2


def test_a_language_rule_still_decides_in_its_own_language() -> None:
    raw = eml(
        "Anna Keller <anna.keller@alpenbit.de>",
        "Einladung zum Vorstellungsgespräch",
        "Hallo Sam,\n\nwir laden Sie herzlich zu einem Vorstellungsgespräch am Dienstag, "
        "14. Oktober 2025 um 14:00 Uhr ein.\n\nViele Grüße\nAnna",
    )
    c = classify(parse(raw))
    assert c.category.value == "invitation"


def test_english_mail_compiles_no_other_language() -> None:
    # a rule of one language's table is not even compiled for English mail
    rules = [rx for _, rules in vars(classify_mod).items() if isinstance(rules, tuple) for rx in _rxs(rules)]
    spanish = [rx for rx in rules if rx.lang == "es"]
    assert spanish
    fresh = [classify_mod._Rx(rx.pattern, "es") for rx in spanish]
    token = classify_mod._READING.set(frozenset())
    try:
        assert not any(rx.search("We would like to invite you to an entrevista on Monday.") for rx in fresh)
    finally:
        classify_mod._READING.reset(token)
    assert all(rx._compiled is None for rx in fresh)


def _rxs(value: object) -> list[classify_mod._Rx]:
    if isinstance(value, classify_mod._Rx):
        return [value]
    if isinstance(value, tuple | list):
        return [r for v in value for r in _rxs(v)]
    return []
