"""Issue 14, twelfth round of blind sets (b12-chi: a UX researcher in Berlin, German and
English, research sessions as look-alikes; b12-lam: a litigation associate in New York,
callbacks and chambers; b12-psi: a chartered accountant in Johannesburg): the mechanisms their
misses showed wanting. Each case is mail written for the purpose, not copied from a set."""

from __future__ import annotations

import pytest
from mailmaker import category, mail, start

from daemon.understand.timeparse import scan

DE = "Mon, 13 Oct 2025 15:40:22 +0200"


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Finale Runde – Termin am 21.10.", "Hallo Sam,\n\ndeshalb möchten wir dich sehr gern zu unserer finalen Runde "
         "bei uns im Büro einladen.\nWann: Dienstag, 21. Oktober 2025, 13:00 bis ca. 16:00 Uhr (MESZ)\n", "invitation"),
        ("Nächster Schritt", "Hallo Sam,\n\ndas Team möchte dich gern in der nächsten Runde sehen! Folgende Termine "
         "könnten wir anbieten:\n• Mi., 22.10., 10:00–11:30 Uhr\n• Do., 23.10., 14:00–15:30 Uhr\n"
         "Gib mir kurz Bescheid, welcher Termin dir am besten passt.\n", "invitation"),
        ("Deine Bewerbung", "Hallo Sam,\n\nwir haben uns am Ende aber für eine Person entschieden, die bereits mehrere "
         "Jahre Erfahrung mitbringt.\n", "rejection"),
        ("Ihre Bewerbung", "Sehr geehrte Frau Candidate,\n\nnach eingehender Prüfung haben wir uns entschieden, den "
         "Bewerbungsprozess mit anderen Kandidatinnen und Kandidaten fortzusetzen.\n", "rejection"),
        ("Vertragsentwurf", "Hallo Sam,\n\nanbei der Entwurf deines Arbeitsvertrags.\n- Beginn: 01.01.2026\n"
         "- Bruttojahresgehalt: 82.000 EUR\n", "offer"),
        ("Du bist als Interviewer:in eingeplant", "Hallo Sam,\n\ndu wurdest als Interviewer:in eingeteilt.\n"
         "Kandidatin: Mara Yilmaz\nTermin: Do., 23.10.2025, 14:00 – 15:00 Uhr\n", "other"),
    ],
)
def test_german_and_du_forms(subject: str, body: str, expected: str) -> None:
    assert category(mail("Recruiting <jobs@kiezkasse.example>", subject, body, date=DE))[0] == expected


def test_a_german_reply_moving_the_call_by_a_quarter_hour() -> None:
    body = ("Servus Sam,\n\nich hänge morgen bis 15:15 in einem Termin fest. Könnten wir auf 15:30 schieben? "
            "Ich hab die Einladung schon angepasst (15:30-16:30).\n\n> danke für die Einladung zum Gespräch\n")
    raw = mail("Florian <florian@alpenbit.example>", "AW: Einladung zum Vorstellungsgespräch", body, reply=True,
               date="Tue, 11 Nov 2025 18:34:50 +0100")
    assert category(raw)[0] == "reschedule"
    assert start(raw) == "2025-11-12T15:30:00+01:00"


def test_research_sessions_and_research_titles() -> None:
    cancel = ("The event below has been canceled.\nEvent Type:\nStudy session: Onboarding interviews (60 min)\n"
              "Invitee:\nLea Vogt\n")
    assert category(mail("Calendly <notifications@calendly.com>", "Canceled: Study session", cancel))[0] == "other"
    title = ("Dr. Anja Seidl (Head of UX Research) würde dich gern in einem ersten Video-Call kennenlernen und hat "
             "folgende Zeiten vorgeschlagen:\n– Mittwoch, 14.01., 11:00 Uhr\n– Donnerstag, 15.01., 16:30 Uhr\n")
    raw = mail("Nadine <n.kessler@kessler-roth.example>", "Senior UX Researcher – Terminvorschläge", title,
               date="Wed, 07 Jan 2026 11:05:40 +0100")
    assert category(raw)[0] == "invitation"


def test_a_take_home_plan_and_its_deadline_are_not_the_presentation() -> None:
    plan = ("We'd love to invite you to the next stage: a take-home research plan. Please submit your plan by Monday "
            "27 October, 12:00 UK time. Once we've reviewed it, we'll invite you to present it.\n")
    assert category(mail("Hannah <hannah@thimble.example>", "Research plan exercise", plan))[0] == "other"
    both = ("The next step is a short take-home.\n* Please send your plan to me by\n  Sunday, 14 September, 23:59.\n"
            "* You'll then present it to Lars and Priya on Thursday, 18 September, 11:00-12:00 CEST via Google Meet. "
            "I've already sent you a calendar hold for that slot.\n")
    raw = mail("Ines via JOIN <messages@join.com>", "Next step: research plan + presentation", both,
               date="Thu, 04 Sep 2025 12:03:19 +0200")
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-09-18T11:00:00+02:00"


def test_a_day_number_followed_by_h_and_minutes_is_a_clock() -> None:
    (p,) = scan("Great, Tuesday 15h00 it is.")[0]
    assert (p.weekday, p.hour, p.minute, p.day) == (1, 15, 0, None)


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Clerkship Application", "Judge Kwan has completed her hiring of law clerks for the 2027 term.", "rejection"),
        ("Clerkship Offer", "This will confirm Judge Szabo's telephone offer earlier today of a position as his law "
         "clerk.", "offer"),
        ("Ashworth Ng LLP", "After careful consideration, the firm has decided not to extend an offer at this time.",
         "rejection"),
        ("Interview", "Judge Fairbairn is presiding over a trial. Accordingly, we must cancel your interview scheduled "
         "for Monday, January 12, at 3:00 p.m.", "cancellation"),
        ("Marchetti Fass", "Paul can meet you tomorrow at 8:15 AM for an initial interview over coffee.", "invitation"),
        ("Harrow & Lindqvist", "Good news, we're back in the market for a litigation associate. Could you come by the "
         "office Friday at 5 to meet me and Ingrid?", "invitation"),
        ("Additional materials", "Please upload your writing sample by Wednesday, September 17, 2025 at 5:00 PM ET so "
         "we can circulate your materials to the interview committee.", "other"),
        ("Karoo Bank - feedback", "Unfortunately you weren't shortlisted for the final round. They've gone with two "
         "candidates who have more regulatory background.", "rejection"),
    ],
)
def test_chambers_firms_and_agencies(subject: str, body: str, expected: str) -> None:
    assert category(mail("Chambers <chambers@court.example>", subject, body))[0] == expected


def test_a_callback_that_now_begins_earlier_keeps_its_day() -> None:
    body = ("Dear Sam,\n\nwe have reordered your callback on Monday, September 29 and it will now begin half an hour "
            "earlier. This replaces the schedule sent on September 19. All times are Eastern.\n"
            "  9:30 - 10:00 AM   Partner\n  10:00 - 10:30 AM   Counsel\n")
    raw = mail("Lila via Viault <notifications@viault.com>", "UPDATED: Callback Interview Schedule", body,
               date="Wed, 24 Sep 2025 15:41:58 -0400")
    assert category(raw)[0] == "reschedule"
    assert start(raw) == "2025-09-29T09:30:00-04:00"


def test_replies_through_an_ats_and_short_confirmations() -> None:
    holding = ("Tom really enjoyed your conversation. We're seeing two more candidates this week and will be in "
               "touch by early next week.\n\nOn Fri, Oct 17, 2025 at 10:58 AM Sam wrote:\n"
               "> Thank you for arranging the call\n")
    raw = mail("Olivia Marsh <no-reply@hire.lever.co>", "Re: Thank you - call with Tom", holding, reply=True)
    assert category(raw)[0] == "employer_reply"
    offer = ("Tom can do Tuesday 14 October, 09:30 - 10:15 London time (10:30 for you). I'll send a Teams invite.\n\n"
             "> I could do Monday 13 October or Tuesday 14 October.\n")
    raw = mail("Olivia <olivia@fenwright.example>", "Re: Finance Manager - next steps", offer, reply=True,
               date="Wed, 08 Oct 2025 10:02:44 +0100")
    assert start(raw) == "2025-10-14T09:30:00+01:00"
    see = ("Perfect, see you Wed at 2pm. Reception will sign you in.\n\n> Wednesday at 14:00 suits me better.\n"
           ">> Could you do Tuesday 9 June at 10:00 or Wednesday 10 June at 14:00? Final interview, 90 minutes.\n")
    raw = mail("Ayesha <amoosa@sedibeng.example>", "RE: Financial Controller: final interview", see, reply=True,
               date="Fri, 05 Jun 2026 08:14:55 +0200")
    assert category(raw)[0] == "invitation"
    restated = ("Good questions! You're welcome to have notes in front of you. See you Wednesday at 2 ET - "
                "good luck!\n\n"
                "> Quick question ahead of Wednesday: is it OK to bring notes?\n")
    raw = mail("Tasha <tasha@pinecrest.example>", "RE: Role-play prep question", restated, reply=True)
    assert category(raw)[0] == "employer_reply"


# --- after b12-fin (the final set, measured once at 22d54e7, then tuned) --------------------------


def test_a_schedule_restated_in_manila_time_keeps_its_own_zone() -> None:
    body = ("It runs as one virtual block on Thursday 18 September:\n  9:00 - 9:45am AEST    Pairing session\n"
            "  10:00 - 10:45am AEST  Conversation with the engineering manager\n"
            "For you that's 7:00am to 8:45am Manila time, so grab a coffee first!\n")
    raw = mail("Chloe <chloe@koalaledger.example>", "Final round (Thu 18 Sep)", body,
               date="Wed, 10 Sep 2025 11:05:37 +1000")
    assert start(raw) == "2025-09-18T09:00:00+10:00"
    moved = ("We've moved your final interview to Thursday 26 March, same time: 1:00pm-2:30pm AEDT (10:00-11:30am "
             "Manila). An updated Teams invite will follow.\n")
    raw = mail("Olivia <olivia@harbourline.example>", "RE: final interview", moved, reply=True,
               date="Fri, 20 Mar 2026 09:44:03 +1100")
    assert start(raw) == "2026-03-26T13:00:00+11:00"
