"""Issue 14, nineteenth round of blind sets (b19-media: a video producer in Los Angeles, where
"interview" is also what podcasts, reporters and the user's own shoots do; b19-vet: an Army
officer leaving the service, with military clocks and dates, clearance paperwork and
transition classes): the mechanisms their misses showed wanting. Mail written for the purpose."""

from __future__ import annotations

from mailmaker import category, mail, start

PDT = "Tue, 14 Oct 2025 09:05:00 -0700"


# --- the user as a guest, a reporter's subject or the one who interviews -----------------------


def test_a_show_booking_the_user_as_its_guest_is_not_a_job_interview() -> None:
    body = (
        "Hi Sam,\n\nI book guests for Signal & Noise, our weekly show about sound design. We'd love to have you "
        "on as a guest to talk about your work on the harbour series.\n\nCould we record Thursday, October 16 at "
        "1pm PT? It takes about an hour over Zoom.\n\nBest,\nLeona"
    )
    raw = mail("Leona Marsh <leona@signalnoise.example>", "Guest spot on Signal & Noise", body, date=PDT)
    assert category(raw)[0] == "other"


def test_a_reporter_asking_to_interview_the_user_about_their_work() -> None:
    body = (
        "Hi Sam,\n\nI cover local film for the Westside Ledger. I'd love to interview you about your new short "
        "before the festival. Would Friday at 11am work for a 20-minute call? The piece runs next week.\n\nBest,\nDev"
    )
    raw = mail("Dev Ocampo <docampo@westsideledger.example>", "Interview request: your short film", body, date=PDT)
    assert category(raw)[0] == "other"


def test_a_shoot_s_call_sheet_with_an_interview_on_its_schedule() -> None:
    body = (
        "Call sheet for tomorrow below.\n\nHARBOUR LIGHTS | DAY 1 | WEDNESDAY, OCTOBER 15, 2025\n"
        "CREW CALL ...... 7:00 AM\nINTERVIEW ....... 9:30 - 10:15 AM  Capt. Ruiz, seated, 2-cam\n"
        "B-roll ......... 10:30 AM - 1:00 PM\nWRAP ........... 4:00 PM\n\nMina\nLine Producer"
    )
    raw = mail("Mina Cole <mina@lanternfilms.example>", "CALL SHEET - Harbour Lights - Day 1", body, date=PDT)
    assert category(raw)[0] == "other"


def test_the_user_interviewing_someone_on_camera() -> None:
    body = (
        "Good morning,\n\nThis confirms your on-camera interview with Director Alvarez about the port expansion.\n\n"
        "Date: Thursday, October 16, 2025\nTime: 2:00 PM - 2:30 PM\nLocation: Harbor Dept., Room 210\n\n"
        "Please keep the crew to three people.\n\nThanks,\nJoan Webb\nPress Office"
    )
    raw = mail("Joan Webb <jwebb@harbordept.example>", "Confirmed: Interview with Director Alvarez", body, date=PDT)
    assert category(raw)[0] == "other"


def test_a_podcast_company_s_own_hiring_interview_is_still_one() -> None:
    body = (
        "Hi Sam,\n\nI'm sorry to say we need to cancel your interview with Rae Kim on Thursday, October 16 at "
        "11:00 AM PT. We have paused the Audio Podcast Producer search for now.\n\nBest,\nJon\nHead of Talent"
    )
    raw = mail("Jon Feld <jon@tallpinesaudio.example>", "Cancelling Thursday's interview - Audio Podcast Producer",
               body, date=PDT)  # fmt: skip
    assert category(raw)[0] == "cancellation"


def test_an_episode_in_a_round_s_agenda_is_not_a_podcast_booking() -> None:
    body = (
        "Hi Sam,\n\nYour final round interview with Brightline Audio for the Senior Producer role is confirmed.\n\n"
        "Tuesday, October 21, 2025, 10:00 AM - 12:00 PM PDT\n\n10:00 AM  Story structure with the EP\n"
        "11:00 AM  Working session: a video-first episode\n\nThe Brightline Recruiting Team"
    )
    raw = mail("Brightline Audio <no-reply@ashbyhq.com>", "Interview confirmed: Senior Producer at Brightline Audio",
               body, date=PDT)  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-21T10:00:00-07:00"


# --- media roles, phone shorthand, a concrete question after "thanks for applying" --------------


def test_a_producer_role_in_the_subject_is_a_job() -> None:
    body = (
        "Hi Sam,\n\nThanks for the first conversation with Wren. The next step is an hour with me; the role "
        "would report to me.\n\nI've put us down for Thursday, October 23, 3:00-4:00 p.m. Eastern. Zoom link to "
        "follow.\n\nOwen"
    )
    raw = mail("Owen Prasad <oprasad@saltwater.example>", "Saltwater Media - Senior Producer - next conversation",
               body, date=PDT)  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-23T15:00:00-04:00"


def test_a_phone_s_bare_time_question() -> None:
    body = (
        "Hi Sam! Loved your reel. We're hiring a Video Editor for our brand team and I'd love to grab 30 min to "
        "chat.\nThursday Oct 16th at 3pm PT work? I'll send a Meet link.\nNico"
    )
    raw = mail("Nico Salas <nico@harborfinch.example>", "Harbor & Finch - Video Editor", body, date=PDT)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-16T15:00:00-07:00"


def test_thanks_for_applying_then_a_concrete_time_asked() -> None:
    body = (
        "Hi Sam,\n\nThanks for applying for the Senior Video Editor role. We start with a portfolio review with "
        "our post supervisor and me.\n\nCan you come in on Wednesday, October 22, 2025 at 10 AM PDT? It runs "
        "about an hour at our Culver City office.\n\nRuth"
    )
    raw = mail("Ruth Calloway <ruth@quillpod.example>", "Portfolio review - Senior Video Editor", body, date=PDT)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-22T10:00:00-07:00"


# --- military clocks and dates -----------------------------------------------------------------


def test_a_zulu_time_is_utc() -> None:
    body = (
        "Mr. Candidate,\n\nYou are confirmed for a first-round interview for the Logistics Program Manager "
        "position.\n\n  Date/Time: Thursday 23 OCT 2025, 1630Z\n  Duration:  60 minutes\n\nTalent Operations"
    )
    raw = mail("Talent Ops <talentops@ironfed.example>", "Interview Confirmation | Logistics Program Manager", body,
               date=PDT)  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-23T16:30:00+00:00"


def test_a_local_range_after_a_short_military_date() -> None:
    body = (
        "Marcus,\n\nLet's get you in the building for the final interview.\n\nWHEN:  Thu 30 OCT 25, 0800-1000L\n"
        "WHERE: 9470 Skyline Rd, San Diego\n\nv/r\nGlenn"
    )
    raw = mail("Glenn Marsh <gmarsh@sentinelarc.example>", "Final interview - Ops Manager - Thu 30 OCT", body,
               date=PDT)  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-30T08:00:00-07:00"


def test_a_four_digit_range_in_guam_time() -> None:
    body = (
        "Hafa adai Marcus,\n\nThe hiring committee would like you to join our final panel interview for the "
        "Program Manager position.\n\n  Date/time:  Thursday 23 OCT 2025, 0900-1030 ChST\n\nAna\nTalent Acquisition"
    )
    raw = mail("Ana Cruz <acruz@marianas.example>", "Final panel interview - Program Manager", body, date=PDT)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-23T09:00:00+10:00"


def test_hrs_on_the_line_below_the_date() -> None:
    body = (
        "Sir,\n\nI sent your resume to Cobalt Ridge for the ILS Manager role. Your phone interview is booked:\n\n"
        "  Thu 23 OCT 2025\n  1400 hrs CT\n  45 mins - their TA lead will call you\n\nMike\nBridgeline Talent"
    )
    raw = mail("Mike Soren <msoren@bridgelinetalent.example>", "Cobalt Ridge - ILS Manager interview booked", body,
               date=PDT)  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-23T14:00:00-05:00"


def test_put_us_down_for_a_time() -> None:
    body = (
        "Hi Marcus - got your resume for the Terminal Operations Manager opening. I put us down for this Friday "
        "at 0930. I'll call your cell, about 20 min.\nDana"
    )
    raw = mail("Dana White <dwhite@pacmeridian.example>", "Terminal Ops Manager - quick call", body, date=PDT)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-17T09:30:00-07:00"


# --- hard negatives: an investigator, a class, a newsletter's examples --------------------------


def test_a_clearance_investigator_s_subject_interview() -> None:
    body = (
        "Mr. Candidate,\n\nI am a contract investigator conducting your background investigation. Your personal "
        "subject interview is set for:\n\n  Thursday, 23 OCT 2025, 1000 hrs\n  Federal Building, San Diego\n\n"
        "This interview covers your security questionnaire; it is not an employment interview.\n\nL. Pike"
    )
    raw = mail("Lorraine Pike <lpike@meridale-inv.example>", "Interview appointment - 23 OCT", body, date=PDT)
    assert category(raw)[0] == "other"


def test_a_seat_confirmed_in_a_transition_class() -> None:
    body = (
        "CPT Candidate,\n\nYou are confirmed for the Transition Assistance Program two-day Employment Track "
        "workshop:\n\n  Tue 21 OCT 2025 - Wed 22 OCT 2025\n  0800-1600 hrs daily\n  Bldg 12, Classroom 104\n\n"
        "Bring a draft resume.\n\nTAP Scheduling Desk"
    )
    raw = mail("TAP Scheduling <tap@transition-center.example>", "TAP Employment Track - Seat Confirmed", body,
               date=PDT)  # fmt: skip
    assert category(raw)[0] == "other"


def test_a_newsletter_s_example_times() -> None:
    body = (
        "THE BRIDGE | Vets to Civvies Weekly | Issue 57\n\nHow to write times for civilian recruiters:\n\n"
        '  You write: "Confirming our interview Tuesday, October 28 at 1400 EST"\n'
        '  Write:     "Confirming our interview Tuesday, Oct. 28 at 2 p.m. Eastern"\n\n'
        "Read online: https://bridge.example/57\nYou're subscribed as sam@mailbox.test.\n"
    )
    raw = mail("The Bridge <brief@bridgeweekly.example>", "Speak civilian about time", body, date=PDT,
               headers="List-Unsubscribe: <https://bridge.example/u>\r\n")  # fmt: skip
    assert category(raw)[0] == "other"


# --- b19-remote (a full-stack engineer in Lisbon) and the rest of b19-media ---------------------

WET = "Mon, 10 Nov 2025 10:02:00 +0000"


def test_a_founder_s_one_liner_that_works_on_his_end() -> None:
    body = (
        "Hey Sam - saw your PR in lumen-ui, nice work. We're hiring our first full-stack eng (remote, 6 ppl). "
        "Quick chat tmrw? 9am PT / 5pm Lisbon works on my end, 30 min max.\nTheo"
    )
    raw = mail("Theo Lind <theo@brightwire.example>", "lumen-ui + Brightwire", body,
               date="Mon, 09 Jun 2025 08:40:00 -0700")  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-06-10T09:00:00-07:00"


def test_tomorrow_s_call_cancelled_in_textspeak() -> None:
    body = "Sam - really sorry, I need to cancel tmrw's call. We've paused all hiring while we close the round.\n-Ada"
    raw = mail("Ada Kowal <ada@lanternfish.example>", "Re: Founding Engineer @ Lanternfish", body, reply=True, date=WET)
    assert category(raw)[0] == "cancellation"


def test_a_portuguese_availability_question_outweighs_thanks_for_applying() -> None:
    body = (
        "Oi, Sam! Tudo certo?\n\nSou a Larissa, recrutadora da Jabuticaba Cloud. Recebemos sua candidatura para a "
        "vaga de Engenheira de Software e adoramos o seu GitHub.\n\nQueremos marcar uma conversa inicial de 30 "
        "minutos comigo. Quais dias e horários você teria disponíveis na próxima semana?\n\nLarissa"
    )
    raw = mail("Larissa Monte <larissa@jabuticaba.example>", "Jabuticaba Cloud – conversa inicial", body, date=WET)
    assert category(raw)[0] == "invitation"


def test_a_portuguese_reply_that_settles_the_time() -> None:
    body = "Combinado! Fica então na terça que vem, 18/11, às 11h (horário de Brasília). Te mando o convite.\nLarissa"
    raw = mail("Larissa Monte <larissa@jabuticaba.example>", "Re: Jabuticaba Cloud – conversa inicial", body,
               reply=True, date=WET)  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-11-18T11:00:00-03:00"


def test_a_portuguese_final_stage_in_the_office_with_a_range() -> None:
    body = (
        "Olá Sam,\n\nTemos o maior gosto em convidá-la para a última fase do processo, no nosso escritório em "
        "Lisboa:\n\nSexta-feira, 14 de novembro, das 9h30 às 13h00\nRua do Poço dos Negros 61, Lisboa\n\nAté sexta!\n"
        "Leonor"
    )
    raw = mail("Leonor Castro <leonor@azulejo.example>", "Azulejo Labs – última fase (presencial)", body, date=WET)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-11-14T09:30:00+00:00"


def test_a_portuguese_rejection_for_one_other_person() -> None:
    body = (
        "Oi, Sam,\n\nObrigada de novo pela dedicação na etapa final. Infelizmente, dessa vez decidimos seguir com "
        "outra pessoa, que já tem experiência com o nosso stack.\n\nUm abraço,\nLarissa"
    )
    raw = mail("Larissa Monte <larissa@jabuticaba.example>", "Re: Etapa final – Jabuticaba Cloud", body, reply=True,
               date=WET)  # fmt: skip
    assert category(raw)[0] == "rejection"


def test_a_first_video_call_set_out_below_a_sentence_that_wraps() -> None:
    body = (
        "Hallo Sam,\n\nthank you for your application as Full-Stack Developer at Nordlicht Mobility! We'd love to\n"
        "get to know you in a first video call (Kennenlerngespräch) with our CTO Lukas Eder\nand me:\n\n"
        "   Dienstag, 18. November 2025, 16:00–16:45 Uhr (MEZ)\n\nPlease let me know if this works for you.\n\nKatrin"
    )
    raw = mail("Katrin Bauer <katrin.bauer@nordlicht.example>", "Einladung / Invitation: Kennenlerngespräch", body,
               date=WET)  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-11-18T16:00:00+01:00"


def test_a_time_that_works_for_the_interviewer_named() -> None:
    body = "Thursday at 1:30 PT works for Marcus! He'll call you on Google Meet - invite coming shortly.\nHana"
    raw = mail("Hana Whit <hana@tidewater.example>", "Re: Tidewater Audio - Senior Producer", body, reply=True,
               date="Mon, 17 Aug 2026 12:10:00 -0400")  # fmt: skip
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2026-08-20T13:30:00-07:00"


def test_walking_the_team_through_the_candidate_s_test() -> None:
    body = (
        "Hi Sam,\n\nGot your test early - thank you! A few of us watched it and we'd love to have you walk us "
        "through your choices.\n\nAre you free Thursday, October 16 at 12pm ET? 45 minutes on Google Meet.\n\nNoor"
    )
    raw = mail("Noor Haddad <noor@parallaxdaily.example>", "Walk us through your edit?", body, date=PDT)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-16T12:00:00-04:00"


def test_a_video_timecode_is_not_a_clock() -> None:
    body = (
        "Hi Sam,\n\nA new event has been scheduled.\n\nEvent Type: Reel Review - Senior Video Editor\n"
        "Event Date/Time: 1:00pm - 1:30pm (Pacific Time - US & Canada) on Thursday, October 16, 2025\n\n"
        "Anything you'd like us to watch in particular?\nThe 0:55-1:40 stretch of the harbour piece.\n"
    )
    raw = mail("Calendly <notifications@calendly.com>", "Confirmed: Reel Review - Senior Video Editor", body, date=PDT)
    assert category(raw)[0] == "invitation"
    assert start(raw) == "2025-10-16T13:00:00-07:00"
