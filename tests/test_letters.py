"""Drafts a hiring manager is glad to get, checked on what followupd APPENDs to Dovecot.

Six realistic applications arrive in one mailbox of a GB user (day-first dates), none with
``[[companies]]`` notes: a coordinator scheduling a panel, an agency recruiter writing for
a client, an interviewer who writes herself, a calendar invite whose attendees are the
panel, an invitation that says nothing of the topics, and one the user adds sloppy notes
to with ``followupd note``. Each first follow-up is read back from the Drafts folder and
checked against the rules of issue 15: the right people, the right company, something
specific (or honestly nothing), one meaningful question, 60–220 words, and letters that
do not read as one form with the names swapped.
"""

from __future__ import annotations

import email.utils
import io
import itertools
import re
from collections.abc import Iterator
from contextlib import redirect_stdout
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import letter_mail as lm
import pytest
from dovecot import Dovecot
from test_scenarios import PASSWORD_ENV, World

from daemon.commands import cli

LONDON = ZoneInfo("Europe/London")
ALL_INVITED = datetime(2026, 4, 10, 12, 0, tzinfo=LONDON)
THURSDAY = datetime(2026, 4, 16, 9, 45, tzinfo=LONDON)  # panel, ics and bare are due
NEXT_TUESDAY = datetime(2026, 4, 21, 9, 45, tzinfo=LONDON)  # the other three too
CHECKIN_DAY = datetime(2026, 4, 24, 9, 45, tzinfo=LONDON)  # ics's check-in (5 business days on)
THREADS = {t.key: t for t in lm.threads()}
MAX_SHARED_TRIPLES = 0.60


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9'’-]+", text.lower())


def triples(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + 3]) for i in range(len(w) - 2)}


def shared(a: str, b: str) -> float:
    ta, tb = triples(a), triples(b)
    return len(ta & tb) / min(len(ta), len(tb))


@pytest.fixture(scope="module")
def letters(dovecot: Dovecot, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[str, str]]]:
    """key -> (To address, body) of each application's first follow-up, plus the check-in."""
    user = dovecot.new_user()
    root = tmp_path_factory.mktemp("letters")
    mp = pytest.MonkeyPatch()
    mp.setenv(PASSWORD_ENV, user.password)
    world = World(dovecot, user, root)
    text = world.config.read_text()
    text = text.replace('timezone = "America/New_York"', 'timezone = "Europe/London"')
    text = text.replace('country = "US"', 'country = "GB"')
    text = text.replace(f'addresses = ["{world_addr(world)}"]', f'addresses = ["{lm.USER_ADDR}"]')
    world.config.write_text(text)
    try:
        for t in THREADS.values():
            world.append("INBOX", lm.invitation(t))
        world.run(ALL_INVITED)
        note = cli_out(world, "note", "corvid", *(f"--{k}={v}" for k, v in lm.NOTES.items()))
        assert "Corvid Labs" in note
        world.run(THURSDAY)
        early = {d.draft_id for d in world.drafts()}
        world.run(NEXT_TUESDAY)
        world.run(CHECKIN_DAY)
        out: dict[str, tuple[str, str]] = {}
        by_company = {t.company: t.key for t in THREADS.values()}
        status = world.status()["applications"]
        ids = {a["id"]: by_company[a["company"]] for a in status}
        for d in world.drafts():
            app_id = d.draft_id.split(".")[0]
            key = ids[app_id]
            stage = d.draft_id.split(".")[1].split("@")[0]
            to = email.utils.getaddresses([str(d.msg["To"])])[0][1].lower()
            body = d.msg.get_body(preferencelist=("plain",))
            assert body is not None
            text = str(body.get_content()).replace("\r\n", "\n")
            out[key if stage == "followup-1" else f"{key}:{stage}"] = (to, text)
            if d.draft_id in early:
                out[f"{key}:early"] = ("", "")
        out["__status__"] = ("", cli_out(world, "status"))
        yield out
    finally:
        world.close()
        mp.undo()


def world_addr(world: World) -> str:
    m = re.search(r'addresses = \["([^"]+)"\]', world.config.read_text())
    assert m
    return m.group(1)


def cli_out(world: World, *args: str) -> str:
    buf = io.StringIO()
    with redirect_stdout(buf):
        rc = cli.main(["-c", str(world.config), *args])
    assert rc == 0
    return buf.getvalue()


def first(letters: dict[str, tuple[str, str]], key: str) -> str:
    assert key in letters, sorted(letters)
    return letters[key][1]


# ---------------------------------------------------------------- every letter


@pytest.mark.parametrize("key", sorted(THREADS))
def test_every_first_followup_is_a_letter(letters: dict[str, tuple[str, str]], key: str) -> None:
    t = THREADS[key]
    to, body = letters[key]
    assert to == t.sender_addr  # the contact: the person who wrote
    assert body.startswith(f"Hi {t.sender_name.split()[0]},\n\n")
    assert 60 <= len(words(body)) <= 220, len(words(body))
    assert t.company in body and t.role in body
    for bad in ("{{", "}}", "[", "None", "  ", " .", " ,", "..", ".,", "\n\n\n", "next steps"):
        assert bad not in body, (bad, body)
    assert body.count("?") >= 1  # one meaningful question
    assert any(x in body for x in ("anything else", "further information", "references"))
    assert body.rstrip().endswith(lm.USER_NAME)


def test_no_two_letters_share_more_than_sixty_percent_of_their_word_triples(
    letters: dict[str, tuple[str, str]],
) -> None:
    bodies = {k: first(letters, k) for k in THREADS}
    worst = max(shared(bodies[a], bodies[b]) for a, b in itertools.combinations(bodies, 2))
    assert worst <= MAX_SHARED_TRIPLES, worst
    questions = {next(s for s in re.split(r"(?<=[.:?])\s+", b) if s.endswith("?")) for b in bodies.values()}
    assert len(questions) >= 5  # the questions vary across applications


# ---------------------------------------------------------------- who is who


def test_coordinator_and_panel_thanks_the_interviewers_not_the_coordinator(
    letters: dict[str, tuple[str, str]],
) -> None:
    body = first(letters, "panel")
    assert "Mira and Joel" in body
    assert "speak with me" not in body and "our conversation" not in body
    assert re.search(r"Thank you for (?:arranging|setting up|organising) my", body)
    # a stated topic, from the candidate's side; a question about engineering practice
    assert "the design of your claims pipeline" in body or "my experience with event-driven systems" in body
    assert re.search(r"design|technical debt|production|on-call|incidents", body.split("?")[0].rsplit(".", 1)[-1])


def test_agency_recruiter_puts_the_client_first_and_never_calls_the_agency_the_employer(
    letters: dict[str, tuple[str, str]],
) -> None:
    body = first(letters, "agency")
    assert "putting me forward for the Senior Data Engineer role at Halcyon Robotics" in body
    assert "TalentBridge" not in body
    assert "Ana" in body and "Sam," in body
    assert "team at Halcyon Robotics" in body or "telemetry platform roadmap" in body or "streaming ingestion" in body


def test_an_interviewer_who_wrote_is_thanked_for_the_conversation_with_a_final_round_question(
    letters: dict[str, tuple[str, str]],
) -> None:
    body = first(letters, "self")
    assert re.search(r"speak(?:ing)? with me|our conversation", body)
    assert "arranging" not in body and "pass my thanks" not in body
    assert re.search(r"first three months|six months|first ninety days|take on first", body)
    assert "incident response at scale" in body or "how I think about observability" in body


def test_calendar_attendees_are_the_interviewers(letters: dict[str, tuple[str, str]]) -> None:
    body = first(letters, "ics")
    assert "Nadia and Luis" in body
    assert "Grace" in body.split("\n")[0] and "Room" not in body
    assert "infrastructure as code" in body


def test_no_topics_no_fake_specific(letters: dict[str, tuple[str, str]]) -> None:
    body = first(letters, "bare")
    for fake in ("discussion of", "conversation about", "Talking through", "what the team at", "working on"):
        assert fake not in body, fake
    assert "Fernwood Bank" in body


def test_sloppy_notes_read_as_sentences(letters: dict[str, tuple[str, str]]) -> None:
    body = first(letters, "notes")
    assert "about the migration to event sourcing," in body or "of the migration to event sourcing has" in body
    assert "The migration" not in body and "sourcing." not in body
    assert "Could I ask how the team splits on-call between services?" in body
    assert "could also send a short write-up of the caching design." in body
    assert "Lena" in body
    assert "specific: the migration to event sourcing" in letters["__status__"][1]


# ---------------------------------------------------------------- dates


def test_dates_are_day_first_and_relative_only_when_true(letters: dict[str, tuple[str, str]]) -> None:
    # drafted Thursday 16 April: Tuesday and Monday are this week
    assert "on Tuesday" in first(letters, "panel") and "panel:early" in letters
    assert "on Monday" in first(letters, "ics") and "ics:early" in letters
    # drafted Tuesday 21 April: last week's days need their date, day first
    assert "on Wednesday, 15 April" in first(letters, "agency")
    assert "on Thursday, 16 April" in first(letters, "self")
    assert "on Wednesday, 15 April" in first(letters, "notes")
    for key in THREADS:
        body = first(letters, key)
        assert not re.search(r"(?:April|March) \d", body)  # never month first for a GB user
        assert "yesterday" not in body


def test_checkin_is_short_and_names_the_interview_date(letters: dict[str, tuple[str, str]]) -> None:
    checkins = {k: v for k, v in letters.items() if k.endswith(":followup-2")}
    assert checkins, sorted(letters)
    for key, (_, body) in checkins.items():
        t = THREADS[key.split(":")[0]]
        assert len(words(body)) < len(words(first(letters, t.key)))
        local = t.start.astimezone(LONDON)
        assert f"on {local:%A}, {local.day} {local:%B}" in body
        assert t.company in body


def test_preview_shows_the_letter_with_notes_cleaned(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    (tmp_path / "Mail").mkdir()  # check-config refuses a config with no account it could run
    config.write_text(
        '[daemon]\ntimezone = "Europe/London"\nuser_name = "Jordan Lee"\n[policy]\ncountry = "GB"\n'
        f'[[accounts]]\nname = "md"\nkind = "maildir"\npath = "{tmp_path / "Mail"}"\naddresses = ["j@example.org"]\n'
        '[[companies]]\nname = "Acme"\nspecific = "The migration to event sourcing."\n'
        'question = "how the team splits on-call between services"\n'
    )
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert cli.main(["-c", str(config), "check-config"]) == 0
    assert "'the migration to event sourcing'" in buf.getvalue()
    assert "'Could I ask how the team splits on-call between services?'" in buf.getvalue()
    buf = io.StringIO()
    with redirect_stdout(buf):
        rc = cli.main(
            ["-c", str(config), "preview", "--interview", "2026-04-14T14:00", "--company", "Acme",
             "--role", "Backend Engineer", "--interviewer", "Mira Patel"]
        )  # fmt: skip
    assert rc == 0
    out = buf.getvalue()
    assert "Hi Mira," in out and "the migration to event sourcing," in out
    assert "Could I ask how the team splits on-call between services?" in out
    assert "on Tuesday, 14 April" in out  # the check-in, day first


@pytest.mark.parametrize("key", sorted(THREADS))
def test_explain_json_says_who_is_who(key: str) -> None:
    from daemon.understand.analyze import analyze

    t = THREADS[key]
    got = analyze(lm.invitation(t)).to_json(key)
    assert got["company"] == t.company
    assert got["interviewers"] == list(t.interviewers)
    assert got["contact"] == f"{t.sender_name} <{t.sender_addr}>"
    assert got["agency"] == t.agency
    assert all(topic in got["topics"] for topic in t.topics)
