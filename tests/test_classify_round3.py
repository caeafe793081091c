"""Issue 14, round 3: decisions, offers, cancellations, moves and invitations in words the
earlier rules missed, each on mail written for the purpose (not copied from a measured set)."""

from __future__ import annotations

import pytest
from mailmaker import category, mail

# --- rejections in other words -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "You reached the standard required, but you were not ranked highly enough to be offered "
        "a post in this campaign. We will hold your name on our reserve list for a year.",
        "The board found you appointable and you are now on the merit list; however, you have not "
        "been offered a position at this time.",
        "I am sorry to say that your application for the Grants Officer post was unsuccessful on "
        "this occasion.",
        "Your application status: Not Selected.",
    ],
)
def test_rejection_in_other_words(sentence: str) -> None:
    raw = mail(
        "Recruitment <jobs@portside-council.example.org>",
        "Your application - Grants Officer",
        f"Dear Sam,\n\nThank you for your interest in the Grants Officer role.\n\n{sentence}\n\nRegards,\nHR",
    )
    cat, reasons = category(raw)
    assert cat == "rejection", reasons


def test_agency_relaying_an_internal_hire_is_a_rejection() -> None:
    raw = mail(
        "Lena Ortiz <lena@bridgewell-search.example>",
        "Update on Harbour Labs",
        "Hi Sam,\n\nSome bad news I'm afraid: Harbour Labs chose to go with an internal candidate for "
        "the Data Analyst role. They enjoyed meeting you.\n\nI'll keep you posted on other roles.\n\nLena",
    )
    cat, reasons = category(raw)
    assert cat == "rejection", reasons


# --- offers with only dates ---------------------------------------------------------------------


def test_offer_of_the_role_with_only_a_start_and_a_reply_date() -> None:
    raw = mail(
        "Jo Park <jo.park@maplestone.example>",
        "Good news from Maplestone",
        "Hi Sam,\n\nMaplestone is offering you the Backend Developer role! We'd like you to start on "
        "Monday, April 6, and would appreciate your answer by Friday, March 20.\n\nJo",
    )
    cat, reasons = category(raw)
    assert cat == "offer", reasons


def test_contract_to_hire_terms_with_a_rate_and_a_start_are_an_offer() -> None:
    raw = mail(
        "Dev Raman <dev@quarry-staffing.example>",
        "Northpeak - contract role",
        "Hi Sam,\n\nNorthpeak would like you for the QA Engineer contract role.\n\n"
        "  Rate: $70/hr\n  Term: 9 months\n  Start: Tuesday, April 14\n\n"
        "The contract will come through DocuSign this afternoon.\n\nDev",
    )
    cat, reasons = category(raw)
    assert cat == "offer", reasons


@pytest.mark.parametrize(
    "sentence",
    [
        "Please find attached your conditional offer for the Research Associate post.",
        "I am delighted to attach a letter of offer for the Research Associate post.",
    ],
)
def test_covering_note_for_an_attached_offer_letter(sentence: str) -> None:
    raw = mail(
        "HR Services <hr@eastfield-university.example.ac.uk>",
        "Research Associate - REQ 1180",
        f"Dear Sam,\n\n{sentence} Kindly return it signed within ten days.\n\nHR Services",
    )
    cat, reasons = category(raw)
    assert cat == "offer", reasons


# --- cancellations and moves ---------------------------------------------------------------------


def test_assessment_centre_cancelled_to_be_rearranged_is_a_cancellation() -> None:
    raw = mail(
        "Graduate Team <graduates@fenwick-mutual.example.co.uk>",
        "Assessment day on 12 May - cancelled",
        "Dear Sam,\n\nWe are sorry, but we have had to cancel the Actuarial Trainee assessment day on "
        "Tuesday 12 May because of a venue problem. A new date will follow shortly.\n\nGraduate Team",
    )
    cat, reasons = category(raw)
    assert cat == "cancellation", reasons


def test_withdrawal_acknowledged_and_interview_cancelled_is_a_cancellation() -> None:
    raw = mail(
        "Careers <careers@riverbend-shire.example.gov.au>",
        "RE: Withdrawing my application - Librarian",
        "Dear Sam\n\nNoted with thanks. We have closed your application and cancelled your panel interview "
        "on Friday 20 March at 11am.\n\nGood luck with your next step.\n\nCareers team",
        reply=True,
    )
    cat, reasons = category(raw)
    assert cat == "cancellation", reasons


def test_agency_moving_the_clients_interview_is_a_reschedule() -> None:
    raw = mail(
        "Priya Das <priya@keystone-recruit.example>",
        "RE: Interview confirmed - Oakfield Energy",
        "Hi Sam,\n\nOakfield asked to move the interview to Thursday, March 12, same time (2pm). "
        "They will resend the Teams invite.\n\nPriya",
        reply=True,
    )
    cat, reasons = category(raw)
    assert cat == "reschedule", reasons


def test_candidate_asked_to_move_is_not_taken_for_a_move() -> None:
    raw = mail(
        "Priya Das <priya@keystone-recruit.example>",
        "RE: Interview confirmed - Oakfield Energy",
        "Hi Sam,\n\nYou asked to move the interview - let me check with Oakfield and I'll come back to "
        "you.\n\nPriya",
        reply=True,
    )
    cat, reasons = category(raw)
    assert cat != "reschedule", reasons


def test_referee_told_of_someone_elses_conditional_offer_is_not_an_offer() -> None:
    raw = mail(
        "HR <hr@lakeside-borough.example.gov.uk>",
        "Reference request - Alex Moore",
        "Dear Sam,\n\nAlex Moore has applied for the post of Planner and named you as a referee. "
        "We would like to make Alex a conditional offer once references are in.\n\nPlease return the "
        "reference form by Friday 20 March.\n\nHR",
    )
    cat, reasons = category(raw)
    assert cat != "offer", reasons


# --- invitations with no time yet, and confirmations ---------------------------------------------


def test_request_for_times_that_suit_after_thanks_for_applying_is_an_invitation() -> None:
    raw = mail(
        "Ines Costa <ines.costa@harbourline.example>",
        "Harbourline - Data Analyst",
        "Hi Sam,\n\nThanks for your application for the Data Analyst role. Could you come back to us with "
        "a few times that suit you next week for a 20-minute call with the hiring manager?\n\nInes",
    )
    cat, reasons = category(raw)
    assert cat == "invitation", reasons


def test_itinerary_in_the_subject_is_an_invitation() -> None:
    raw = mail(
        "Coordinator <coordinator@loopsched.example>",
        "Your onsite itinerary: Brightwater - Final round",
        "Hi Sam,\n\nBelow is the plan for your day with Brightwater for the Platform Engineer position.\n\n"
        "Thursday, March 19 - Eastern Time\n10:00 - 10:45  Architecture\n11:00 - 11:45  Pairing\n",
    )
    cat, reasons = category(raw)
    assert cat == "invitation", reasons


def test_scheduling_tool_booking_named_as_a_call_is_an_invitation() -> None:
    raw = mail(
        "Booking tool <notifications@bookit.example>",
        "New Event: Sam Candidate - 3:00pm Wed, Mar 18 - Screening call with Ridgeway",
        "Hi Sam,\n\nA new event has been scheduled.\n\nEvent Type:\nScreening call with Ridgeway\n\n"
        "Event Date/Time:\n3:00pm - 3:30pm, Wednesday, March 18, 2026\n\nWhich role? Analyst\n",
    )
    cat, reasons = category(raw)
    assert cat == "invitation", reasons


def test_scheduling_tool_booking_of_a_viewing_is_other() -> None:
    raw = mail(
        "Booking tool <notifications@bookit.example>",
        "New Event: Sam Candidate - 5:00pm Wed, Mar 18 - Flat viewing, 12 Elm Road",
        "Hi Sam,\n\nA new event has been scheduled.\n\nEvent Type:\nFlat viewing, 12 Elm Road\n\n"
        "Event Date/Time:\n5:00pm - 5:20pm, Wednesday, March 18, 2026\n\nHost: Lettings team\n",
    )
    cat, reasons = category(raw)
    assert cat == "other", reasons


def test_recruiter_sending_the_zoom_details_for_the_chat_is_an_invitation() -> None:
    raw = mail(
        "Mo Adeyemi <mo@tidewater.example>",
        "Fw: Zoom details - Tidewater intro call",
        "Hi Sam - here's the Zoom info for our chat on Friday, March 13 (30 min) about the Backend Engineer "
        "role.\n\nMo | Talent, Tidewater\n",
    )
    cat, reasons = category(raw)
    assert cat == "invitation", reasons


def test_thanks_then_confirmed_for_a_time_outweighs_a_passing_registration() -> None:
    raw = mail(
        "Ruth Bell <ruth.bell@northmoor.example.gov.uk>",
        "Re: Head of Data - interview",
        "Dear Sam,\n\nLovely, thank you - that's confirmed for Tuesday 17 March at 2.00pm at the Civic "
        "Centre. The interview will last an hour.\n\nParking: give your registration at the front desk.\n\nRuth",
        reply=True,
    )
    cat, reasons = category(raw)
    assert cat == "invitation", reasons
