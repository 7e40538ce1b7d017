"""The house has one direction: no import circle among termcheck's modules, the library never imports
the command line, and every import goes down the floors that docs/architecture.md draws."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "termcheck"

# floor of each module (longest matching dotted prefix); a module may import its own floor and those below
FLOORS: dict[str, int] = {
    "termcheck.version": 0, "termcheck.model": 0, "termcheck.errors": 0, "termcheck.text": 0,
    "termcheck.fingerprint": 0, "termcheck.fileio": 0, "termcheck.suggest": 0, "termcheck.report.model": 0,
    "termcheck.renames": 0, "termcheck.diskcache": 0, "termcheck.shortcuts": 0, "termcheck.findingstore": 0,
    "termcheck.lang": 1,
    "termcheck.glossary": 2, "termcheck.readers": 2, "termcheck.config": 2,
    "termcheck.checks": 3, "termcheck.align": 3, "termcheck.metrics": 3, "termcheck.gate": 3,
    "termcheck.baseline": 3,
    "termcheck.runner": 4, "termcheck.repetitions": 4, "termcheck.fixes": 4,
    "termcheck.parallel": 5, "termcheck.pipeline": 5, "termcheck.selftest": 5,
    "termcheck.api": 6, "termcheck.report": 6, "termcheck.__main__": 7,
    "termcheck.cli": 7,
    "termcheck": 8,  # the package itself: the public facade (`termcheck.check`), imported by no module
}


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports(module: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every termcheck module `module` imports, at module level or inside functions."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for name in names:
            if name == "termcheck" or name.startswith("termcheck."):
                target = _resolve(name, known)
                if target is not None and target != module:
                    found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {m: imports(m, p, known) for m, p in known.items()}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(g[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def floor(module: str) -> int:
    keys = [k for k in FLOORS if module == k or module.startswith(k + ".")]
    if keys == ["termcheck"] and module != "termcheck":
        raise AssertionError(f"{module} has no floor in FLOORS: say where it stands")
    return FLOORS[max(keys, key=len)]


def test_every_module_has_a_floor() -> None:
    for module in modules():
        floor(module)


def test_the_walk_sees_imports_inside_functions() -> None:
    g = graph()
    # runner imports the checks at module level; the cli imports subcommands by name inside a function
    assert "termcheck.checks.base" in g["termcheck.runner"]
    assert "termcheck.selftest" in g["termcheck.cli.glossary"]  # imported inside run_test


def test_no_import_circle() -> None:
    assert cycles(graph()) == []


def test_cycle_finder_finds_a_planted_circle() -> None:
    g = graph()
    g["termcheck.model"] = {*g["termcheck.model"], "termcheck.pipeline"}
    assert any("termcheck.model" in c and "termcheck.pipeline" in c for c in cycles(g))


def test_nothing_outside_the_command_line_imports_it() -> None:
    g = graph()
    outside = {m: sorted(d for d in deps if d == "termcheck.cli" or d.startswith("termcheck.cli."))
               for m, deps in g.items() if m not in ("termcheck.cli", "termcheck.__main__")
               and not m.startswith("termcheck.cli.")}
    assert {m: d for m, d in outside.items() if d} == {}


def test_every_import_goes_down_the_floors() -> None:
    g = graph()
    up = sorted(f"{m} (floor {floor(m)}) imports {d} (floor {floor(d)})"
                for m, deps in g.items() for d in deps if floor(d) > floor(m))
    assert up == []


@pytest.mark.parametrize("module", ["termcheck.gate", "termcheck.config", "termcheck.runner", "termcheck.pipeline",
                                    "termcheck.api", "termcheck.baseline", "termcheck.report.html"])
def test_a_library_floor_never_loads_the_command_line(module: str) -> None:
    code = f"import sys, {module}; assert 'termcheck.cli' not in sys.modules, sorted(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_no_module_over_400_lines() -> None:
    long = {m: n for m, p in modules().items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_every_third_party_import_is_a_declared_dependency() -> None:
    """A module the package imports from outside the standard library comes from a distribution that
    pyproject.toml lists (in `dependencies` or an extra): a fresh install must not rely on what another
    package happens to pull in."""
    import re
    import tomllib
    from importlib.metadata import packages_distributions

    project = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"], *(d for extra in project["optional-dependencies"].values() for d in extra)]
    names = {re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower().replace("_", "-") for d in declared}
    providers = packages_distributions()
    missing = set()
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            tops = ([a.name for a in node.names] if isinstance(node, ast.Import)
                    else [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                    else [])
            for top in (t.split(".")[0] for t in tops):
                if top in sys.stdlib_module_names or top == "termcheck":
                    continue
                dists = {d.lower().replace("_", "-") for d in providers.get(top, [top])}
                if not dists & names:
                    missing.add(f"{name} imports {top} ({', '.join(sorted(dists))})")
    assert not missing, sorted(missing)
