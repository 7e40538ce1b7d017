"""Run configuration: the Config of a run, and loading it from termcheck.toml or [tool.termcheck].

A configuration file holds what a team wants every run to use: which checks (select/ignore by
dotted prefix), per-check severities and options (thresholds), the gate (fail-on, metric
bounds, baseline), languages, glossaries. `termcheck check` reads `--config FILE`, or else
`termcheck.toml` or the `[tool.termcheck]` table of `pyproject.toml` in the working directory;
command-line flags override the file. Unknown keys are errors with a "did you mean".
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termcheck.errors import ConfigError
from termcheck.model import Severity

FILE_NAMES = ("termcheck.toml", "pyproject.toml")


@dataclass(frozen=True)
class Config:
    """Everything that changes what a run reports (and so goes into the signature)."""

    select: tuple[str, ...] = ("",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fail_on: Severity | None = Severity.MAJOR  # None: the gate never fails on findings
    source_lang: str = "zh"
    target_lang: str = "en"
    batch_size: int = 2000
    # keep per-segment metric columns (metrics["per_segment"]): for HTML, breakdowns and the API;
    # off for plain CLI runs, so memory stays flat on archives
    per_segment: bool = True


# top-level keys of the file -> (kind of value, the `termcheck check` flag it stands for)
KEYS: dict[str, tuple[str, str | None]] = {
    "select": ("prefixes", "--select"),
    "ignore": ("prefixes", "--ignore"),
    "fail-on": ("fail-on", "--fail-on"),
    "glossary": ("paths", "--glossary"),
    "format": ("str", "--format"),
    "source-lang": ("str", "--source-lang"),
    "target-lang": ("str", "--target-lang"),
    "min-term-success": ("number", "--min-term-success"),
    "max-mqm-penalty": ("number", "--max-mqm-penalty"),
    "min-chrf": ("number", "--min-chrf"),
    "baseline": ("path", "--baseline"),
    "batch-size": ("int", None),
    "severity": ("table", None),
    "checks": ("table", None),
}
# further tables holding options of other parts (metrics, ...): name -> allowed keys
SECTIONS: dict[str, frozenset[str]] = {"mqm": frozenset({"weights"})}
# what `termcheck check` uses when neither the command line nor a file says
DEFAULTS = {"fail_on": "major", "format": "terminal", "source_lang": "zh", "target_lang": "en"}


def register_section(name: str, keys: frozenset[str]) -> None:
    """Let another part of termcheck take options from a `[tool.termcheck.<name>]` table."""
    SECTIONS[name] = keys


@dataclass(frozen=True)
class Settings:
    """A validated configuration file: values by flag name (dest), severities and options by check id."""

    path: str | None = None
    values: Mapping[str, Any] = field(default_factory=dict)
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def config(self, **overrides: Any) -> Config:
        """A Config from the file, with explicit values overriding it (None means: not given)."""
        v = {**self.values, **{k: x for k, x in overrides.items() if x is not None}}
        fail_on = v.get("fail_on", "major")
        return Config(select=tuple(v.get("select") or ("",)), ignore=tuple(v.get("ignore") or ()),
                      severity=dict(self.severity), options={k: dict(x) for k, x in self.options.items()},
                      fail_on=None if fail_on == "never" else Severity.parse(fail_on),
                      source_lang=v.get("source_lang", "zh"), target_lang=v.get("target_lang", "en"),
                      batch_size=v.get("batch_size", 2000))


def _near(word: str, choices: list[str]) -> str:
    near = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {near[0]!r}?)" if near else ""


def _prefix_choices(ids: Iterable[str]) -> list[str]:
    """Every check id and every dotted prefix of one (accuracy, accuracy.number, ...)."""
    out = set()
    for cid in ids:
        parts = cid.split(".")
        out.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return sorted(out)


class _Reader:
    """Validation with errors that name the file and, where it can be found, the line."""

    def __init__(self, path: Path, text: str, prefix: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.prefix = prefix

    def error(self, message: str, key: str | None = None) -> ConfigError:
        line = None
        if key is not None:
            rx = re.compile(rf"^\s*(?:\[.*{re.escape(key)}.*\]|\"?{re.escape(key)}\"?\s*=)")
            line = next((i for i, s in enumerate(self.lines, 1) if rx.search(s)), None)
        return ConfigError(message, file=str(self.path), line=line)

    def where(self, *keys: str) -> str:
        return ".".join([self.prefix, *keys]) if self.prefix else ".".join(keys) or "the top level"


def _prefixes(r: _Reader, key: str, value: Any) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        raise r.error(f"{r.where(key)} must be a list of check id prefixes, e.g. [\"accuracy\", \"fluency.artifact\"]",
                      key)
    from termcheck.checks.base import REGISTRY, load_all

    load_all()
    out = tuple(x.strip() for x in items if x.strip())
    for p in out:
        if p not in ("ALL", "all") and not any(c == p or c.startswith(p.rstrip(".") + ".") for c in REGISTRY):
            raise r.error(f"{r.where(key)}: no check matches {p!r}{_near(p, _prefix_choices(REGISTRY))}", key)
    return out


def _severity(r: _Reader, where: str, key: str, value: Any, *, never: bool = False) -> str:
    if not isinstance(value, str):
        raise r.error(f"{where} must be a severity name (critical, major, minor, info)", key)
    if never and value.strip().lower() == "never":
        return "never"
    try:
        return str(Severity.parse(value))
    except ValueError as e:
        raise r.error(f"{where}: {e}", key) from None


def _option_value(r: _Reader, where: str, name: str, default: Any, value: Any) -> Any:
    """Check an option's value against the type of its default."""
    if name.endswith("severity"):
        return _severity(r, where, name, value)
    ok = (isinstance(value, bool) if isinstance(default, bool)
          else isinstance(value, int) and not isinstance(value, bool) if isinstance(default, int)
          else isinstance(value, (int, float)) and not isinstance(value, bool) if isinstance(default, float)
          else isinstance(value, str) if isinstance(default, str)
          else isinstance(value, list) if isinstance(default, (list, tuple))
          else True)
    if not ok:
        kind = type(default).__name__.replace("str", "string").replace("float", "number").replace("int", "integer")
        raise r.error(f"{where} must be a {kind} (default: {default!r}), not {value!r}", name)
    return float(value) if isinstance(default, float) else value


def _flatten_checks(table: Mapping[str, Any], ids: set[str], path: tuple[str, ...] = (), *,
                    leaf_tables: bool = False) -> dict[str, Any]:
    """`[checks.accuracy.number]` (nested) and `[checks."accuracy.number"]` both name accuracy.number.

    With `leaf_tables`, a table holding any plain value is a leaf (a check's options), whatever its name.
    """
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = ".".join([*path, key])
        is_leaf = leaf_tables and isinstance(value, Mapping) and any(not isinstance(v, Mapping) for v in value.values())
        if name in ids or is_leaf or not isinstance(value, Mapping):
            out[name] = value
        else:
            out.update(_flatten_checks(value, ids, (*path, key), leaf_tables=leaf_tables))
    return out


def _checks(r: _Reader, table: Any) -> tuple[dict[str, Severity], dict[str, dict[str, Any]]]:
    from termcheck.checks.base import REGISTRY, load_all

    load_all()
    if not isinstance(table, Mapping):
        raise r.error(f"{r.where('checks')} must be a table of check ids", "checks")
    severity: dict[str, Severity] = {}
    options: dict[str, dict[str, Any]] = {}
    for cid, body in _flatten_checks(table, set(REGISTRY), leaf_tables=True).items():
        if cid not in REGISTRY:
            raise r.error(f"{r.where('checks')}: unknown check {cid!r}{_near(cid, sorted(REGISTRY))}",
                          cid.split(".")[-1])
        if not isinstance(body, Mapping):
            raise r.error(f"{r.where('checks', cid)} must be a table of options", cid)
        known = dict(REGISTRY[cid].options)
        for name, value in body.items():
            where = r.where("checks", cid, name)
            if name == "severity":
                severity[cid] = Severity.parse(_severity(r, where, name, value))
            elif name not in known:
                choices = sorted([*known, "severity"])
                raise r.error(f"{where}: unknown option{_near(name, choices)} (options of {cid}: "
                              f"{', '.join(choices)})", name)
            else:
                options.setdefault(cid, {})[name] = _option_value(r, where, name, known[name], value)
    return severity, options


def _severity_table(r: _Reader, table: Any) -> dict[str, Severity]:
    """`[severity]`: a check id or a dotted prefix -> severity; the longest prefix wins for each check."""
    from termcheck.checks.base import REGISTRY, load_all

    load_all()
    if not isinstance(table, Mapping):
        raise r.error(f"{r.where('severity')} must be a table: check id or prefix = severity", "severity")
    flat = _flatten_checks(table, set(REGISTRY))
    parsed: dict[str, Severity] = {}
    for prefix, value in flat.items():
        if not any(c == prefix or c.startswith(prefix + ".") for c in REGISTRY):
            near = _near(prefix, _prefix_choices(REGISTRY))
            raise r.error(f"{r.where('severity')}: no check matches {prefix!r}{near}", prefix.split(".")[-1])
        parsed[prefix] = Severity.parse(_severity(r, r.where("severity", prefix), prefix, value))
    out: dict[str, Severity] = {}
    for cid in REGISTRY:
        hits = [p for p in parsed if cid == p or cid.startswith(p + ".")]
        if hits:
            out[cid] = parsed[max(hits, key=len)]
    return out


def parse(table: Mapping[str, Any], path: Path, text: str = "", prefix: str = "") -> Settings:
    """Validate a configuration table; paths in it are relative to the file's folder."""
    r = _Reader(path, text, prefix)
    values: dict[str, Any] = {}
    severity: dict[str, Severity] = {}
    options: dict[str, dict[str, Any]] = {}
    base = path.parent
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        if key in SECTIONS:
            if not isinstance(value, Mapping):
                raise r.error(f"{r.where(raw_key)} must be a table", raw_key)
            for k in value:
                if k not in SECTIONS[key]:
                    raise r.error(f"{r.where(raw_key, k)}: unknown key{_near(k, sorted(SECTIONS[key]))}", k)
            options[key] = dict(value)
            continue
        if key not in KEYS:
            raise r.error(f"unknown key {r.where(raw_key)!r}{_near(key, sorted([*KEYS, *SECTIONS]))}", raw_key)
        kind, _flag = KEYS[key]
        dest = key.replace("-", "_")
        if kind == "prefixes":
            values[dest] = _prefixes(r, raw_key, value)
        elif kind == "fail-on":
            values[dest] = _severity(r, r.where(raw_key), raw_key, value, never=True)
        elif kind in ("str", "path"):
            if not isinstance(value, str) or not value.strip():
                raise r.error(f"{r.where(raw_key)} must be a non-empty string", raw_key)
            values[dest] = str(base / value) if kind == "path" else value
            if key == "format":
                from termcheck.report import FORMATS

                if value not in FORMATS:
                    raise r.error(f"{r.where(raw_key)}: unknown format {value!r}{_near(value, sorted(FORMATS))}",
                                  raw_key)
        elif kind == "paths":
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
                raise r.error(f"{r.where(raw_key)} must be a file name or a list of them", raw_key)
            values[dest] = [base / x for x in items]
        elif kind in ("number", "int"):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind == "int" and
                                                                                 not isinstance(value, int)):
                raise r.error(f"{r.where(raw_key)} must be a{'n integer' if kind == 'int' else ' number'}", raw_key)
            values[dest] = value
        elif key == "severity":
            severity.update(_severity_table(r, value))
        elif key == "checks":
            sev, opts = _checks(r, value)
            severity.update(sev)
            options.update(opts)
    return Settings(str(path), values, severity, options)


def load(path: str | Path) -> Settings:
    """Read a termcheck.toml (keys at the top level) or a pyproject.toml ([tool.termcheck])."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("configuration file not found", file=str(path)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read the configuration: {e}", file=str(path)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        raise ConfigError(f"not valid TOML: {e}", file=str(path), line=int(m[1]) if m else None) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("termcheck")
        if table is None:
            raise ConfigError("has no [tool.termcheck] table", file=str(path))
        return parse(table, path, text, "tool.termcheck")
    return parse(data, path, text)


def discover(folder: str | Path = ".") -> Path | None:
    """termcheck.toml in the folder, else its pyproject.toml when that has a [tool.termcheck] table."""
    folder = Path(folder)
    own = folder / "termcheck.toml"
    if own.is_file():
        return own
    py = folder / "pyproject.toml"
    if py.is_file():
        try:
            data = tomllib.loads(py.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None  # someone else's broken pyproject is not termcheck's business unless it is named
        if "termcheck" in data.get("tool", {}):
            return py
    return None


def resolve_args(args: Any) -> Settings:
    """Fill the `termcheck check` options the command line left unset from the configuration file.

    `--config FILE` names the file; else one is looked for in the working directory (unless
    `--no-config`). Flags given on the command line win; `--ignore` adds to the file's list.
    """
    path = getattr(args, "config", None)
    if path is None and not getattr(args, "no_config", False):
        path = discover(Path.cwd())
    settings = load(path) if path is not None else Settings()
    for key, (_kind, flag) in KEYS.items():
        dest = key.replace("-", "_")
        if flag is None or dest not in settings.values or not hasattr(args, dest):
            continue
        given = getattr(args, dest)
        if dest == "ignore":
            setattr(args, dest, [",".join(settings.values[dest]), *(given or [])])
        elif given is None:
            value = settings.values[dest]
            setattr(args, dest, [",".join(value)] if dest == "select" else value)
    for dest, value in DEFAULTS.items():
        if getattr(args, dest, "unset") is None:
            setattr(args, dest, value)
    return settings
