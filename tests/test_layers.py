"""The tree shows the flow, and the imports keep to it.

Every import in daemon/ and connectors/ (at module level or inside a function, since a lazy
import is still a dependency) goes to the same layer or a lower one, and no two modules
import each other, directly or through others. A new module must be given a layer here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

#: lowest first; a module may import from its own layer and the layers before it
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("foundation", ("daemon", "daemon.errors", "daemon.model", "daemon.settings", "daemon.paths", "daemon.logging",
                    "daemon.codec", "daemon.budget", "daemon.providers")),
    ("understand", ("daemon.understand",)),
    ("followup", ("daemon.followup",)),
    ("config", ("daemon.config",)),
    ("connectors", ("connectors",)),
    ("service", ("daemon.service",)),
    ("commands", ("daemon.commands", "daemon.__main__")),
)


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for top in ("daemon", "connectors"):
        for path in sorted((REPO / top).rglob("*.py")):
            parts = path.relative_to(REPO).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = _modules()


def _layer(module: str) -> int:
    best: tuple[int, int] | None = None  # (length of the matching prefix, layer)
    for rank, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), rank)
    if best is None:
        raise AssertionError(f"{module} has no layer in tests/test_layers.py")
    return best[1]


def _imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from daemon.understand import mail` imports the module daemon.understand.mail
            names = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module
                     for a in node.names]
        else:
            continue
        out.update(n for n in names if n in MODULES)
    return out


GRAPH = {name: _imports(path) - {name} for name, path in MODULES.items()}


def test_every_module_has_a_layer() -> None:
    for name in MODULES:
        _layer(name)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_upward_import(module: str) -> None:
    mine = _layer(module)
    upward = sorted(d for d in GRAPH[module] if _layer(d) > mine)
    assert not upward, f"{module} ({LAYERS[mine][0]}) imports a higher layer: {upward}"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp: list[str] = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle() -> None:
    # a package's __init__ is imported by its own modules' import; that edge is not a cycle
    graph = {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in GRAPH.items()}
    assert _cycles(graph) == []


def test_the_checks_can_fail() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]
    assert _layer("daemon.understand.mail") < _layer("daemon.followup.tracker") < _layer("daemon.service.runner")
    assert _layer("connectors.imap") > _layer("daemon.config")
