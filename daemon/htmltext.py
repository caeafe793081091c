"""Render HTML mail as readable plain text, tables included.

Only the stdlib parser is used: it is lenient with broken markup and needs nothing
that could fetch remote content.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = frozenset(
    "p div section article header footer h1 h2 h3 h4 h5 h6 ul ol dl dt dd blockquote pre "
    "table tbody thead tfoot address center form fieldset hr".split()
)
_SKIP = frozenset({"script", "style", "head", "title", "template", "noscript"})


class _Renderer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.pre = 0
        self.cells_in_row = 0

    def _newline(self, n: int = 1) -> None:
        self.out.append("\n" * n)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "br":
            self._newline()
        elif tag == "tr":
            self._newline()
            self.cells_in_row = 0
        elif tag in ("td", "th"):
            if self.cells_in_row:
                self.out.append("  ")
            self.cells_in_row += 1
        elif tag == "li":
            self._newline()
            self.out.append("- ")
        elif tag in _BLOCK:
            self._newline(2 if tag in ("p", "table", "h1", "h2", "h3") else 1)
            if tag == "pre":
                self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "tr":
            self._newline()
        elif tag in _BLOCK:
            self._newline(2 if tag in ("p", "table", "h1", "h2", "h3") else 1)
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if not self.pre:
            data = re.sub(r"[ \t\r\n\f]+", " ", data)
        self.out.append(data)


def html_to_text(html: str) -> str:
    r = _Renderer()
    try:
        r.feed(html)
        r.close()
    except Exception:  # HTMLParser is lenient, but never let markup stop a message
        pass
    text = "".join(r.out).replace("\xa0", " ")
    lines = [ln.strip() for ln in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
