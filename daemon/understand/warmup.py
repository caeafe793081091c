"""Make the analysers ready before the first message needs them.

The patterns the analysers run are compiled at first use, about 0.15 s of CPU in every
process, which a first scan otherwise pays on its first interview mail, after the header
fetch. :func:`warm_up` analyses one built-in invitation, written in the shapes job mail
most often takes (a dated, zoned time; an interviewer; a video link; an HTML part), so
that the patterns those shapes reach are compiled. The runner calls it in a thread while
the header fetch of a first scan waits on the server; its result is thrown away.

Pure like the rest of this layer: it reads no clock, network or disk.
"""

from __future__ import annotations

from daemon.understand.analyze import analyze

_SAMPLE = b"""\
From: Dana Whitfield <dana.whitfield@example.com>
To: Sam Candidate <sam@example.org>
Subject: Interview invitation: Senior Data Analyst - first round
Date: Mon, 02 Mar 2026 10:14:00 -0500
Message-ID: <warmup.1@example.com>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

Hi Sam,

Thank you for applying for the Senior Data Analyst role at Example Analytics. We would
like to invite you to a 45-minute video interview with Priya Raman, our Head of Data,
on Thursday, March 5, 2026 at 2:30 PM ET (11:30 AM PT).

Please join via Zoom: https://zoom.us/j/123456789
If this time does not work, reply with your availability next week and we will
reschedule.

Best regards,
Dana Whitfield
Recruiting Coordinator, Example Analytics

--b1
Content-Type: text/html; charset=utf-8

<html><body><p>Hi Sam,</p><p>We would like to invite you to a <b>45-minute video
interview</b> with Priya Raman on <b>Thursday, March 5, 2026 at 2:30 PM ET</b>.</p>
<table><tr><td>Date</td><td>Thu 05.03.2026</td></tr><tr><td>Time</td><td>14:30 - 15:15
(GMT-5)</td></tr></table></body></html>

--b1--
""".replace(b"\n", b"\r\n")


def warm_up() -> None:
    """Analyse the built-in invitation; only the compiled patterns it leaves behind matter."""
    analyze(_SAMPLE)
