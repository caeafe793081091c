"""``html_to_text``: readable text from HTML mail, tables included, in bounded time."""

from __future__ import annotations

import time

import pytest

from daemon.understand.htmltext import html_to_text


def test_table_rows_become_lines() -> None:
    html = (
        "<table><tr><th>Date</th><th>Time</th></tr>"
        "<tr><td>Tuesday 3 March 2026</td><td>10:00&nbsp;&ndash;&nbsp;10:30 GMT</td></tr></table>after"
    )
    assert html_to_text(html) == "Date  Time\n\nTuesday 3 March 2026  10:00 – 10:30 GMT\n\nafter"


def test_cells_with_paragraphs_stay_on_their_row() -> None:
    html = "<table><tr><td><p>When</p></td><td><p>Monday 9 March, 14:00 CET</p></td></tr></table>"
    assert html_to_text(html) == "When  Monday 9 March, 14:00 CET"


def test_unclosed_rows_are_still_rows() -> None:
    html = "<table><tr><td>Date</td><td>Monday</td><tr><td>Time</td><td>2pm</td></table>"
    assert html_to_text(html) == "Date  Monday\nTime  2pm"


def test_layout_tables_keep_paragraphs() -> None:
    prose = "We would like to invite you to an interview. " * 6
    html = f"<table><tr><td width=20></td><td><p>{prose}</p><p>Second paragraph</p></td></tr></table>"
    assert html_to_text(html) == f"{prose.strip()}\n\nSecond paragraph"


def test_scripts_styles_and_comments_are_dropped() -> None:
    html = (
        "<html><head><title>Mail</title><style>p{color:red}</style></head><body>"
        "<script>track('open')</script><!-- tracking --><p>visible</p><noscript>enable js</noscript></body></html>"
    )
    assert html_to_text(html) == "visible"


def test_self_closing_script_does_not_swallow_the_rest() -> None:
    assert html_to_text('<p>Before</p><script src="x.js"/><p>After</p>') == "Before\n\nAfter"


def test_unclosed_title_in_head_ends_at_body() -> None:
    assert html_to_text("<html><head><title>T<body><p>Body text</p></body></html>") == "Body text"


def test_entities_are_decoded() -> None:
    html = "<p>A &amp; B &lt;tag&gt; &eacute; &#8211; &#x2014; x&nbsp;y &bogus;</p>"
    assert html_to_text(html) == "A & B <tag> é – — x y &bogus;"


def test_br_and_p_layout() -> None:
    assert html_to_text("one<br>two<br/>three<p>para</p><p>para2</p>") == "one\ntwo\nthree\n\npara\n\npara2"


def test_lists_and_pre() -> None:
    assert html_to_text("<ul><li>one</li><li>two</li></ul>") == "- one\n- two"
    assert html_to_text("<pre>a   b\nc</pre>") == "a   b\nc"


def test_stray_angle_brackets_are_text() -> None:
    assert html_to_text("<p>if a < b and c > d</p><p>x<3 y</p>") == "if a < b and c > d\n\nx<3 y"


@pytest.mark.parametrize(
    "html",
    [
        "<!--" * 50_000,
        "<" * 200_000,
        "<a " * 60_000,
        "<!" * 100_000,
        "</" * 100_000,
        '<a href="' * 50_000,
        "<![CDATA[" * 30_000,
        "<table><tr>" + "<td>x</td>" * 20_000,
        "<div>" * 50_000 + "x",
    ],
    ids=["comments", "lt", "open-tags", "decls", "end-tags", "quotes", "cdata", "cells", "nesting"],
)
def test_pathological_markup_is_fast(html: str) -> None:
    start = time.perf_counter()
    html_to_text(html)
    assert time.perf_counter() - start < 2
