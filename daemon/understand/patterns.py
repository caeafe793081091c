"""Regular expressions compiled once per installation rather than once per process.

The understanding layer holds several hundred patterns, many of them long alternations of
words in several languages. Python compiles a pattern in pure Python (``re._parser`` and
``re._compiler``); for these that is 0.15-0.25 s of CPU at every start of the program, more
than a first scan spends on some mailboxes' analysis. What the compiler produces is a list of
integers for the regex engine, so it can be kept: :func:`compile` builds a pattern from that
code when it has it (a few microseconds) and compiles it otherwise, remembering the result.

Pure like the rest of this layer: it reads and writes no file. The edge hands it what an
earlier run left (:func:`load`) and keeps what this run added (:func:`dump`); see
``daemon.service.pattern_cache``. The code is the regex engine's own, so it is kept only for
the exact Python build that made it (``KEY``), and the engine checks it again when it builds
the pattern: a damaged entry is compiled afresh, never run.
"""

from __future__ import annotations

import base64
import importlib
import json
import re
import sys
from array import array
from typing import Any

try:  # the compiler's private modules: without them every pattern is simply re.compile'd
    _parser: Any = importlib.import_module("re._parser")
    _compiler: Any = importlib.import_module("re._compiler")
    _engine: Any = importlib.import_module("_sre")
    #: what the kept code is valid for: this interpreter build and its regex engine's version
    KEY = f"{sys.implementation.cache_tag}/{sys.version}/{_engine.MAGIC}/{_engine.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover - another implementation
    _parser = _compiler = _engine = None
    KEY = ""

#: (pattern, flags) -> (flags after parsing, code, groups, group index, index group, needles)
_Entry = tuple[int, "array[int]", int, dict[str, int], tuple[str | None, ...], tuple[str, ...] | None]
_kept: dict[tuple[str, int], _Entry] = {}
_added: dict[tuple[str, int], _Entry] = {}
#: compiled in this process, by (pattern, flags): a pattern made twice is made once
_made: dict[tuple[str, int], re.Pattern[str]] = {}
_needles: dict[tuple[str, int], tuple[str, ...] | None] = {}


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from kept code when there is some."""
    return _compile(pattern, int(flags), None)


def compile_parsed(
    pattern: str, flags: int | re.RegexFlag, read: Any
) -> tuple[re.Pattern[str], tuple[str, ...] | None]:
    """The pattern and what ``read`` finds in its parse tree (``timeparse``'s needles), both
    kept: a pattern whose code is kept is not parsed at all."""
    flags = int(flags)
    rx = _compile(pattern, flags, read)
    return rx, _needles.get((pattern, flags))


def _compile(pattern: str, flags: int, read: Any) -> re.Pattern[str]:
    key = (pattern, flags)
    rx = _made.get(key)
    if rx is not None and (read is None or key in _needles):
        return rx
    if _engine is None or not isinstance(pattern, str):
        rx = re.compile(pattern, flags)
        _made[key] = rx
        return rx
    entry = _kept.get(key)
    if entry is not None and (read is None or entry[5] is not None or key in _needles):
        try:
            rx = _build(pattern, entry[0], entry[1].tolist(), entry[2], entry[3], entry[4])
        except (RuntimeError, TypeError, ValueError):  # damaged: compile it afresh
            _kept.pop(key, None)
        else:
            _made[key] = rx
            if read is not None:
                _needles[key] = entry[5]
            return rx
    tree = _parser.parse(pattern, flags)
    code = _compiler._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    final = flags | tree.state.flags
    rx = _build(pattern, final, code, tree.state.groups - 1, groupindex, tuple(indexgroup))
    found: tuple[str, ...] | None = None
    if read is not None:
        got = read(tree)
        found = None if got is None else tuple(sorted(got))
        _needles[key] = found
    _made[key] = rx
    _added[key] = (final, array("I", code), tree.state.groups - 1, groupindex, tuple(indexgroup), found)
    return rx


def _build(
    pattern: str,
    flags: int,
    code: list[int],
    groups: int,
    groupindex: dict[str, int],
    indexgroup: tuple[str | None, ...],
) -> re.Pattern[str]:
    rx: re.Pattern[str] = _engine.compile(pattern, flags, code, groups, groupindex, indexgroup)
    return rx


#: (what, pattern, flags) -> what ``read`` found in the pattern's parse tree (JSON data)
_facts: dict[tuple[str, str, int], Any] = {}
_facts_added: dict[tuple[str, str, int], Any] = {}


def fact(what: str, pattern: str, flags: int | re.RegexFlag, read: Any) -> Any:
    """What ``read`` finds in the parse tree of ``pattern`` (JSON data: None, numbers,
    strings, lists), kept under the name ``what`` like the code, so that a pattern whose
    facts are kept is not parsed either."""
    key = (what, pattern, int(flags))
    if key in _facts:
        return _facts[key]
    if _parser is None:
        value = None  # pragma: no cover - no parser to read
    else:
        value = read(_parser.parse(pattern, int(flags)))
    _facts[key] = _facts_added[key] = value
    return value


def load(blob: bytes) -> int:
    """Take the entries an earlier run kept (from :func:`dump`); how many. Anything that is not
    such a blob, or was made by another Python, is ignored."""
    try:
        doc = json.loads(blob)
        if not isinstance(doc, dict) or doc.get("key") != KEY or not KEY:
            return 0
        rows = doc["patterns"]
        for what, pattern, flags, value in doc.get("facts", ()):
            if isinstance(what, str) and isinstance(pattern, str) and isinstance(flags, int):
                _facts.setdefault((what, pattern, flags), value)
        taken = 0
        for pattern, flags, final, code, groups, groupindex, indexgroup, needles in rows:
            if not (isinstance(pattern, str) and isinstance(flags, int) and isinstance(final, int)):
                continue
            words = array("I")
            words.frombytes(base64.b64decode(code))
            _kept[(pattern, flags)] = (
                final,
                words,
                int(groups),
                {str(k): int(v) for k, v in groupindex.items()},
                tuple(None if g is None else str(g) for g in indexgroup),
                None if needles is None else tuple(str(n) for n in needles),
            )
            taken += 1
        return taken
    except (ValueError, TypeError, KeyError, AttributeError):
        return 0


def dump() -> bytes | None:
    """Everything kept, for the next run; None when this run compiled nothing new."""
    if not (_added or _facts_added) or not KEY:
        return None
    rows = []
    for (pattern, flags), (final, code, groups, groupindex, indexgroup, needles) in {**_kept, **_added}.items():
        rows.append(
            [
                pattern,
                flags,
                final,
                base64.b64encode(code.tobytes()).decode("ascii"),
                groups,
                groupindex,
                list(indexgroup),
                None if needles is None else list(needles),
            ]
        )
    facts = [[what, pattern, flags, value] for (what, pattern, flags), value in _facts.items()]
    return json.dumps({"key": KEY, "patterns": rows, "facts": facts}, ensure_ascii=False).encode()


def saved() -> None:
    """What :func:`dump` gave has been written: it is kept now, not new."""
    _kept.update(_added)
    _added.clear()
    _facts_added.clear()
