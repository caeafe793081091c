"""classify's matching machinery (``_Rx``): its answers are those of the patterns as written,
only sooner where the text cannot hold a match (issue 18's first-scan work)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import daemon.understand.classify as classify
from daemon.understand.mail import parse
from daemon.understand.timeparse import folded

FIXTURES = Path(__file__).parent / "fixtures"


def _rules() -> list[classify._Rx]:
    found: list[classify._Rx] = []
    for value in vars(classify).values():
        if isinstance(value, classify._Rx):
            found.append(value)
        elif isinstance(value, tuple):
            found += [v[1] for v in value if isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], classify._Rx)]
    return found


def _texts() -> list[str]:
    """Subjects, bodies and single sentences of real fixture mail, short and long, with odd
    characters (the texts folded() declines) among them."""
    texts: list[str] = ["", "Re:", "İnterview on Monday", "Interview confirmed for Tuesday at 10:00"]
    bodies: list[str] = []
    for path in sorted((FIXTURES / "mail").glob("*.eml"))[:25]:
        m = parse(path.read_bytes())
        body = classify._normalise(m.text)
        bodies.append(body)
        texts += [m.subject, body]
        texts += [s.group() for s in classify._SENTENCE_SPAN.finditer(body)][:6]
    # long bodies, as a thread with its quotes makes them
    texts += ["\n\n".join(bodies[i : i + 5]) for i in range(0, len(bodies), 5)]
    return texts


def _span(m: re.Match[str] | None) -> tuple[int, int, tuple[str | None, ...]] | None:
    return None if m is None else (*m.span(), m.groups())


@pytest.mark.parametrize("warm_up", [10**12, 0], ids=["as written", "located by twins"])
def test_rules_answer_as_their_patterns_do_on_short_long_and_windowed_text(
    warm_up: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a run matches the rules as written until they have read enough text to pay for
    # compiling their loose lower-cased twins, then tries each rule only where its twin matches
    monkeypatch.setattr(classify, "WARM_UP_CHARS", warm_up)
    rules = _rules()
    for rule in rules:
        monkeypatch.setattr(rule, "_ready", False)
        monkeypatch.setattr(rule, "_twin", None)
        monkeypatch.setattr(rule, "_seen", 0)
    texts = _texts()
    assert len(rules) > 100 and len(texts) > 100
    assert any(len(t) < 60 for t in texts) and any(len(t) > 1000 for t in texts)
    for rule in rules:
        plain = re.compile(rule.pattern, re.IGNORECASE | re.MULTILINE)
        for text in texts:
            assert _span(rule.search(text)) == _span(plain.search(text)), (rule.pattern[:60], text[:60])
            assert _span(rule.match(text)) == _span(plain.match(text))
            assert [_span(m) for m in rule.finditer(text)] == [_span(m) for m in plain.finditer(text)]
            assert rule.sub("#", text) == plain.sub("#", text)
            # a window, as _affirmative searches a sentence's start up to a match
            mid = len(text) // 3
            assert _span(rule.search(text, mid)) == _span(plain.search(text, mid))
            assert _span(rule.search(text, mid, 2 * mid)) == _span(plain.search(text, mid, 2 * mid))
    twinned = [rule for rule in rules if rule._twin is not None]
    if warm_up == 0:
        assert len(twinned) > 100  # nearly every rule has one
    else:
        assert not twinned


def test_a_short_text_without_the_rules_words_is_ruled_out_by_the_memo() -> None:
    # subjects and sentences are checked for the pattern's words like whole bodies: the
    # first rule to ask records each word's presence for the text, and the regex never runs
    rule = classify._Rx(r"\binterview(?:ed|s)?\b|\bphone screen\b")
    subject = "Dinner on Friday?"
    assert rule.search(subject) is None
    low = folded(subject)
    assert low is not None
    assert classify._words_seen(low) == {"interview": False, "phone screen": False}
    assert rule.search("Your INTERVIEWS next week") is not None
    # the memo is per text: a window of a text is ruled out by the text's words
    text = "Lunch? " * 40 + "See you at the phone screen."
    assert _span(rule.search(text, 0, 20)) is None
    assert _span(rule.search(text, 200)) == _span(re.compile(rule.pattern, re.I | re.M).search(text, 200))


def test_a_twin_leaves_out_word_edges_but_never_a_character_class() -> None:
    from daemon.understand.timeparse import lower_twin

    rx = re.compile(r"(?<!\w)(?:Interview|[\b\]]x|[]B]y|[^]C]z)\b|^\s*Candidate:(?!\w)", re.I | re.M)
    twin = lower_twin(rx, loose=True)
    assert twin is not None
    assert twin.pattern == r"(?:interview|[\b\]]x|[]b]y|[^]c]z)|^\s*candidate:"
    assert lower_twin(rx) is not None and lower_twin(rx).pattern == rx.pattern.lower()  # type: ignore[union-attr]
    # it finds the pattern's places and more: "interviewer" holds no match of the pattern
    text = "The interviewer: INTERVIEW at 10"
    low = folded(text)
    assert low is not None
    assert [m.start() for m in twin.finditer(low)] == [4, 17]
    rule = classify._Rx(rx.pattern)
    rule._twin, rule._ready = twin, True
    assert [m.span() for m in rule.finditer(text)] == [m.span() for m in rx.finditer(text)] == [(17, 26)]
    assert _span(rule.search(text)) == _span(rx.search(text)) == (17, 26, ())
