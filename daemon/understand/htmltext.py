"""Render HTML mail as readable plain text, tables included.

Only the stdlib parser is used: it is lenient with broken markup and needs nothing
that could fetch remote content. Its scanner goes quadratic on some unclosed
constructs (a flood of ``<!--`` takes minutes), so the markup is first made safe by a
linear pass.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from html.parser import HTMLParser

from daemon.understand import patterns

_BLOCK = frozenset(
    "p div section article header footer h1 h2 h3 h4 h5 h6 ul ol dl dt dd blockquote pre "
    "table tbody thead tfoot address center form fieldset hr".split()
)
_SKIP = frozenset({"script", "style", "title", "template", "noscript"})
_DOUBLE = frozenset({"p", "table", "h1", "h2", "h3"})
#: a table row whose every cell is at most this long is data ("Date | Tuesday 3 March")
#: and is rendered on one line; longer cells are layout and keep their own lines
MAX_INLINE_CELL = 200
#: characters a tag may span; a "<" without a ">" this close is text
MAX_TAG_CHARS = 4000


class _Renderer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip: list[str] = []
        self.pre = 0
        #: per open row: index in ``out`` where it started, and where each cell started
        self.rows: list[tuple[int, list[int]]] = []

    def _newline(self, n: int = 1) -> None:
        self.out.append("\n" * n)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip.append(tag)
        elif tag == "body":
            self.skip.clear()  # an unclosed <title> or <style> in the head ends here
        elif tag == "br":
            self._newline()
        elif tag == "tr":
            self._end_row()
            self._newline()
            self.rows.append((len(self.out), []))
        elif tag in ("td", "th"):
            if self.rows:
                self.rows[-1][1].append(len(self.out))
            self.out.append("  ")
        elif tag == "li":
            self._newline()
            self.out.append("- ")
        elif tag in _BLOCK:
            if tag == "table":
                self.rows.append((-1, []))  # a marker: rows of an inner table end with it
            self._newline(2 if tag in _DOUBLE else 1)
            if tag == "pre":
                self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
        elif tag == "tr":
            self._end_row()
            self._newline()
        elif tag in _BLOCK:
            if tag == "table":
                self._end_row()
                if self.rows and self.rows[-1][0] == -1:
                    self.rows.pop()
            self._newline(2 if tag in _DOUBLE else 1)
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            return  # <script/> has no content to skip
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if not self.pre:
            data = re.sub(r"[ \t\r\n\f]+", " ", data)
        self.out.append(data)

    def _end_row(self) -> None:
        """Put a row of short cells on one line: "Date  Tuesday 3 March"."""
        if not self.rows or self.rows[-1][0] == -1:
            return
        start, cell_starts = self.rows.pop()
        if len(cell_starts) < 2:
            return
        bounds = [*cell_starts, len(self.out)]
        cells = [" ".join("".join(self.out[a:b]).split()) for a, b in itertools.pairwise(bounds)]
        if any(len(c) > MAX_INLINE_CELL for c in cells):
            return
        head = "".join(self.out[start : cell_starts[0]])
        self.out[start:] = [head, "  ".join(c for c in cells if c)]


def _drop_comments(html: str) -> str:
    """Remove ``<!-- … -->`` in one linear pass; an unclosed comment runs to the end."""
    if "<!--" not in html:
        return html
    out: list[str] = []
    i = 0
    while True:
        j = html.find("<!--", i)
        if j < 0:
            out.append(html[i:])
            break
        out.append(html[i:j])
        k = html.find("-->", j + 4)
        if k < 0:
            break
        i = k + 3
    return "".join(out)


#: a "<" that cannot open a tag the parser will finish quickly: not followed by a tag
#: character, or with no ">" before the next "<" within MAX_TAG_CHARS
_STRAY_LT = patterns.compile(rf"<(?![A-Za-z/!?][^<>]{{0,{MAX_TAG_CHARS}}}>)")


def _defuse(html: str) -> str:
    return _STRAY_LT.sub("&lt;", _drop_comments(html))


def html_to_text(html: str) -> str:
    r = _Renderer()
    # HTMLParser is lenient, but never let markup stop a message
    with contextlib.suppress(Exception):
        r.feed(_defuse(html))
        r.close()
    while r.rows:
        if r.rows[-1][0] == -1:
            r.rows.pop()
        else:
            r._end_row()
    text = "".join(r.out).replace("\xa0", " ")
    lines = [ln.strip() for ln in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
