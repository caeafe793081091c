"""Issue 14, sixteenth round of blind sets (b16-trade: an electrician in Manchester, agencies
writing from phones; b16-med: a physician applying for fellowships and hospitalist jobs;
b16-afr: a finance professional in Dakar and Abidjan, mostly French): the mechanisms their
misses showed wanting. Mail written for the purpose."""

from __future__ import annotations

from mailmaker import category, mail, start

from daemon.understand.classify import _Evidence
from daemon.understand.mail import parse

BST = "Thu, 14 May 2026 12:47:31 +0100"


def test_an_agency_has_got_you_a_trade_test() -> None:
    body = (
        "Alright Liam\nGot you a trade test with Arden & Pike for the site supervisor job. Thursday 21st May at "
        "9:30 at their yard, Trafford Park.\nBring your ECS card.\nJordan\nSent from my iPhone\n"
    )
    raw = mail("Jordan <jordan@sparkforce.example>", "Trade test - Arden & Pike", body, date=BST)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-05-21T09:30:00+01:00"


def test_a_site_manager_wants_a_quick_interview() -> None:
    body = (
        "Hiya Liam,\nSite supervisor cover for Morrow Bros, 6 week contract. Site manager wants a quick interview "
        "on site before they take you on.\nThurs 21st @ 1300hrs, site gate on Waterloo Rd.\nKyle\n"
    )
    raw = mail("Kyle <kyle@trades.example>", "Morrow Bros - supervisor", body, date=BST)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-05-21T13:00:00+01:00"


def test_can_you_do_a_day_for_a_trial_day() -> None:
    body = (
        "Hi Liam,\nThe last part of our process is a paid trial day with our lead electrician.\nCan you do next "
        "Tuesday (19th May)? 07:30 start, finishing around 15:30.\nTom\n"
    )
    raw = mail("Tom <tom@calder.example>", "Trial day - Maintenance Electrician", body, date=BST)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-05-19T07:30:00+01:00"


def test_come_down_to_the_office_for_a_chat_about_the_job() -> None:
    body = (
        "Liam,\nPete passed on your details. We're after an electrical supervisor.\nCome down to the office Saturday "
        "morning for a brew and a chat about the job, say 10ish? Nothing formal, bring your CV.\nDave\n"
    )
    raw = mail("Dave Kerr <sentinel.dk@gmail.com>", "Supervisor job", body, date=BST)
    assert category(raw)[0] == "invitation"


def test_an_agencys_offer_in_day_rates() -> None:
    body = (
        "They want you!!\nTom rang just now - £185 a day, 5 days a week, then temp to perm on £38k + van. Start "
        "Monday 1st June if you can sort your notice.\nC x\nSent from my iPhone\n"
    )
    raw = mail("Claire <claire@brightline.example>", "Calder!!", body, date=BST)
    assert category(raw)[0] == "offer"


def test_a_social_outside_the_evaluation_is_not_an_interview() -> None:
    body = (
        "Dear applicants,\n\nOur current fellows would love to meet you and are hosting a virtual social hour:\n"
        "    Thursday, May 21 at 7:00 PM ET\n\nThis is entirely optional and is not part of the evaluation process; "
        "faculty will not attend.\n"
    )
    raw = mail("Coordinator <coord@hospital.example>", "Virtual Fellows' Social - Thursday, May 21", body)
    assert category(raw)[0] == "other"
    itinerary = (
        "Dear Dr. Lee,\n\nYour itinerary is below (all times Eastern).\n\n"
        "EVENING BEFORE - optional and informal, not part of the evaluation\n"
        "Monday, May 18, 6:00 - 7:00 PM   Virtual meet-and-greet with current fellows\n\n"
        "INTERVIEW DAY - Tuesday, May 19, 2026\n 8:00 -  8:30 AM   Welcome\n 8:30 -  9:00 AM   Interview - Dr. Haddad\n"
        " 9:00 -  9:30 AM   Interview - Dr. Vance\n"
    )
    raw = mail("Coordinator <coord@hospital.example>", "Interview Day Itinerary - Tuesday, May 19", itinerary)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-05-19T08:00:00-04:00"


def test_french_declines_offers_and_moves() -> None:
    declines = [
        "Après délibération, le choix du jury s'est porté sur une autre candidate dont l'expérience correspond mieux.",
        "Après mûre réflexion, nous avons retenu une candidature qui correspond davantage aux besoins de l'équipe.",
        "Le Groupe a finalement fait le choix d'une mobilité interne pour ce poste.",
    ]
    for sentence in declines:
        raw = mail("RH <rh@alliance.example>", "Votre candidature", f"Madame,\n\n{sentence}\n\nCordialement\n")
        assert category(raw)[0] == "rejection", sentence
    offer = "Bonjour Madame Sarr,\n\nLa Banque souhaite vous proposer le poste de Responsable de l'Audit Interne.\n"
    assert category(mail("RH <rh@bsi.example>", "Proposition d'embauche", offer))[0] == "offer"
    moved = (
        "Bonjour,\n\nMathieu doit s'absenter mardi matin. L'entrevue est donc déplacée au jeudi 21 mai à 10 h (HAE).\n"
    )
    raw = mail("RH <rh@boreale.example>", "Changement d'horaire", moved, date="Mon, 18 May 2026 09:00:00 -0400")
    assert category(raw)[0] == "reschedule"


def test_a_card_scheme_test_booking_is_not_an_interview() -> None:
    body = (
        "Dear Liam Brennan,\nYour assessment booking is confirmed.\n  Assessment:   ECS Health, Safety & "
        "Environmental Assessment\n  Date:         Saturday 23 May 2026\n  Time:         08:45 (please arrive 15 "
        "minutes before your start time)\n  Centre:       TestPoint Manchester\n\nPlease bring your booking "
        "reference and valid photo ID. Candidates who arrive more than 15 minutes late may not be admitted.\n"
        "To cancel or change your booking, log in at least 3 working days before your assessment.\n"
    )
    subject = "Booking confirmed: ECS Health, Safety & Environmental Assessment"
    raw = mail("TestPoint Assessments <bookings@testpoint-assess.example>", subject, body, date=BST)
    assert category(raw)[0] == "other"
    # said by the card scheme's name in the subject
    assert "text: a card-scheme or vetting test" in _Evidence(parse(raw), frozenset()).non_employer


def test_a_scheduling_tools_newsletter_books_nothing() -> None:
    body = (
        "What's new in Calendly this month\n\nMEETING POLLS\nCan't find one time that works for five people? Offer "
        "a few options, say Tuesday at 10:00 am or Thursday at 4:00 pm, and let everyone vote.\nRecruiting teams "
        "can now balance interview load across interviewers, not just availability.\nTry it now: "
        "https://calendly.com/app/whats-new\n\n"
        "You're receiving this because you have a Calendly account.\n"
    )
    raw = mail(
        "Calendly <hello@email.calendly.com>",
        "New in Calendly: meeting polls and more",
        body,
        headers="List-Unsubscribe: <https://email.calendly.com/unsubscribe/u8Zq2>\r\n",
    )
    assert category(raw)[0] == "other"
    # the newsletter is bulk mail with nothing for the candidate, whatever tool sends it
    assert _Evidence(parse(raw), frozenset()).bulk_without_news


def test_could_we_move_you_to_friday_moves_the_interview() -> None:
    """Seventh session, on b16-trade's misses left from its round: an employer's question that
    moves the set interview, a day's test that is "off", "the 26th, half 9"."""
    body = (
        "Morning Liam,\n\nMark has been called out to an emergency and won't be back in time on Thursday.\n\n"
        "Could we move you to Friday 22nd May instead, same time (10:30am)? Same place.\n\nSarah\n\n"
        "-----Original Message-----\nFrom: Liam <liam@mailbox.test>\nSent: 14 May 2026 19:02\n"
        "Subject: Re: Maintenance Electrician - interview\n\nThursday at 10:30 is fine, see you then.\n"
    )
    subject = "RE: Maintenance Electrician - interview"
    raw = mail("Sarah W <sarah@pennine.example>", subject, body, reply=True, date=BST)
    assert category(raw)[0] == "reschedule"


def test_a_day_s_test_that_is_off_and_a_half_hour_after_its_date() -> None:
    off = (
        "Bad news mate, the client has put the scheme on hold so Tuesday’s off, no trade test.\nJordan\n\n"
        "> On 14 May 2026, at 13:30, Liam <liam@mailbox.test> wrote:\n> Sound, I'll be there.\n"
    )
    raw = mail("Jordan <jordan@sparkforce.example>", "Re: Trade test - Arden & Pike", off, reply=True, date=BST)
    assert category(raw)[0] == "cancellation"
    booked = "Alright Liam\nGot you a trade test with Arden & Pike. Tuesday week, the 26th, half 9 at their yard.\n"
    raw = mail("Jordan <jordan@sparkforce.example>", "Trade test - Arden & Pike", booked, date=BST)
    assert start(raw) == "2026-05-26T09:30:00+01:00"
