"""Run configuration: the Config of a run, and loading it from termcheck.toml or [tool.termcheck].

A configuration file holds what a team wants every run to use: which checks (select/ignore by
dotted prefix), per-check severities and options (thresholds), the gate (fail-on, metric
bounds, baseline), languages, glossaries. `termcheck check` reads `--config FILE`, or else
`termcheck.toml` or the `[tool.termcheck]` table of `pyproject.toml` in the working directory;
command-line flags override the file. Unknown keys are errors with a "did you mean".
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from termcheck import lang as langs
from termcheck import renames
from termcheck.errors import ConfigError
from termcheck.fileio import ensure_regular_file
from termcheck.model import Severity
from termcheck.suggest import did_you_mean

FILE_NAMES = ("termcheck.toml", "pyproject.toml")
# the gate's default: a run fails on findings of this severity or worse (the one place it is written)
DEFAULT_FAIL_ON = Severity.MAJOR


@dataclass(frozen=True)
class Config:
    """Everything that changes what a run reports (and so goes into the signature)."""

    select: tuple[str, ...] = ("",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fail_on: Severity | None = DEFAULT_FAIL_ON  # None: the gate never fails on findings
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
# further tables holding options of other parts, every one declared here: name -> allowed keys
# (`[mqm] weights = {major = 5, ...}`, `[reference] metrics = ["bleu", "chrf"]`)
SECTIONS: dict[str, frozenset[str]] = {"mqm": frozenset({"weights"}), "reference": frozenset({"metrics"})}
# what `termcheck check` uses when neither the command line nor a file says
DEFAULTS = {"fail_on": str(DEFAULT_FAIL_ON), "format": "terminal", "source_lang": "zh", "target_lang": "en"}
# what the file is checked against: every check id with its options' defaults, and the report formats.
# Both belong to floors above this one, so they are passed in; without them, check ids, options and
# formats are taken as written (the run that uses them still rejects unknown ones).
Catalog = Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True)
class Settings:
    """A validated configuration file: values by flag name (dest), severities and options by check id."""

    path: str | None = None
    values: Mapping[str, Any] = field(default_factory=dict)
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # what the user should know but need not act on now (a renamed check id in the file)
    notes: tuple[str, ...] = ()



def build(settings: Settings | None = None, *, options: Mapping[str, Mapping[str, Any]] | None = None,
          per_segment: bool | None = None, **overrides: Any) -> Config:
    """The one way to make a Config: a configuration file's values, explicit values overriding them
    (None means: not given), and `options` (by check or section) added to the file's.

    `fail_on` is a severity name or "never"; `select`/`ignore` are sequences of dotted prefixes.
    """
    settings = settings if settings is not None else Settings()
    v = {**settings.values, **{k: x for k, x in overrides.items() if x is not None}}
    unknown = set(v) - {"select", "ignore", "fail_on", "source_lang", "target_lang", "batch_size", "glossary",
                        "format", "min_term_success", "max_mqm_penalty", "min_chrf", "baseline"}
    if unknown:
        raise TypeError(f"build() got unknown settings: {', '.join(sorted(unknown))}")
    fail_on = v.get("fail_on", DEFAULT_FAIL_ON)
    if isinstance(fail_on, str):
        fail_on = None if fail_on.strip().lower() == "never" else Severity.parse(fail_on)
    merged = {k: dict(x) for k, x in settings.options.items()}
    for k, x in (options or {}).items():
        merged[k] = {**merged.get(k, {}), **x}
    config = Config(select=tuple(v.get("select") or ("",)), ignore=tuple(v.get("ignore") or ()),
                    severity=dict(settings.severity), options=merged, fail_on=fail_on,
                    source_lang=language(v.get("source_lang", DEFAULTS["source_lang"]), "source"),
                    target_lang=language(v.get("target_lang", DEFAULTS["target_lang"]), "target"),
                    batch_size=v.get("batch_size", Config.batch_size))
    return config if per_segment is None else replace(config, per_segment=per_segment)


def language(code: str, side: str = "") -> str:
    """A language code as termcheck names it (`eng` -> `en`, `zh-Hans-CN` -> `zh`); an unknown one is a
    ConfigError with a "did you mean"."""
    try:
        return langs.resolve(code)
    except ConfigError as e:
        raise ConfigError(f"{side} language: {e.message}" if side else e.message) from None


def _near(word: str, choices: list[str]) -> str:
    return did_you_mean(word, choices)


def _prefix_choices(ids: Iterable[str]) -> list[str]:
    """Every check id and every dotted prefix of one (accuracy, accuracy.number, ...)."""
    out = set()
    for cid in ids:
        parts = cid.split(".")
        out.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return sorted(out)


class _Reader:
    """Validation with errors that name the file and, where it can be found, the line."""

    def __init__(self, path: Path, text: str, prefix: str, checks: Catalog | None = None,
                 formats: Collection[str] | None = None) -> None:
        self.notes: list[str] = []
        self.path = path
        self.lines = text.splitlines()
        self.prefix = prefix
        self.checks = checks
        self.formats = formats

    def error(self, message: str, key: str | None = None) -> ConfigError:
        line = None
        if key is not None:
            rx = re.compile(rf"^\s*(?:\[.*{re.escape(key)}.*\]|\"?{re.escape(key)}\"?\s*=)")
            line = next((i for i, s in enumerate(self.lines, 1) if rx.search(s)), None)
        return ConfigError(message, file=str(self.path), line=line)

    def renamed(self, check_id: str) -> str:
        """The current id of a check id the file names (noting a renamed one)."""
        if (n := renames.note(check_id)) is not None and f"{self.path}: {n}" not in self.notes:
            self.notes.append(f"{self.path}: {n}")
        return renames.redirect(check_id)

    def where(self, *keys: str) -> str:
        return ".".join([self.prefix, *keys]) if self.prefix else ".".join(keys) or "the top level"


def _prefixes(r: _Reader, key: str, value: Any) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        raise r.error(f"{r.where(key)} must be a list of check id prefixes, e.g. [\"accuracy\", \"fluency.artifact\"]",
                      key)
    out = tuple(r.renamed(x.strip()) for x in items if x.strip())
    ids = r.checks
    for p in out:
        if ids is not None and p not in ("ALL", "all") and not any(c == p or c.startswith(p.rstrip(".") + ".")
                                                                   for c in ids):
            raise r.error(f"{r.where(key)}: no check matches {p!r}{_near(p, _prefix_choices(ids))}", key)
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
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool) and isinstance(default, (int, float))
    if numeric and (not math.isfinite(value) or default >= 0 > value):
        raise r.error(f"{where} must be a finite number of at least 0 (default: {default!r}), not {value!r}", name)
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
    catalog = r.checks
    if not isinstance(table, Mapping):
        raise r.error(f"{r.where('checks')} must be a table of check ids", "checks")
    severity: dict[str, Severity] = {}
    options: dict[str, dict[str, Any]] = {}
    flat = _flatten_checks(table, set(catalog or ()) | set(renames.REDIRECTS), leaf_tables=True)
    for cid, body in ((r.renamed(k), v) for k, v in flat.items()):
        if catalog is not None and cid not in catalog:
            raise r.error(f"{r.where('checks')}: unknown check {cid!r}{_near(cid, sorted(catalog))}",
                          cid.split(".")[-1])
        if not isinstance(body, Mapping):
            raise r.error(f"{r.where('checks', cid)} must be a table of options", cid)
        known = dict(catalog[cid]) if catalog is not None else None
        for name, value in body.items():
            where = r.where("checks", cid, name)
            if name == "severity":
                severity[cid] = Severity.parse(_severity(r, where, name, value))
            elif known is None:
                options.setdefault(cid, {})[name] = value
            elif name not in known:
                choices = sorted([*known, "severity"])
                raise r.error(f"{where}: unknown option{_near(name, choices)} (options of {cid}: "
                              f"{', '.join(choices)})", name)
            else:
                options.setdefault(cid, {})[name] = _option_value(r, where, name, known[name], value)
    return severity, options


def _severity_table(r: _Reader, table: Any) -> dict[str, Severity]:
    """`[severity]`: a check id or a dotted prefix -> severity; the longest prefix wins for each check.

    Without the catalog of checks, the prefixes are kept as written (the run resolves them)."""
    ids = r.checks
    if not isinstance(table, Mapping):
        raise r.error(f"{r.where('severity')} must be a table: check id or prefix = severity", "severity")
    flat = _flatten_checks(table, set(ids or ()) | set(renames.REDIRECTS))
    parsed: dict[str, Severity] = {}
    for prefix, value in ((r.renamed(k), v) for k, v in flat.items()):
        if ids is not None and not any(c == prefix or c.startswith(prefix + ".") for c in ids):
            near = _near(prefix, _prefix_choices(ids))
            raise r.error(f"{r.where('severity')}: no check matches {prefix!r}{near}", prefix.split(".")[-1])
        parsed[prefix] = Severity.parse(_severity(r, r.where("severity", prefix), prefix, value))
    if ids is None:
        return parsed
    out: dict[str, Severity] = {}
    for cid in ids:
        hits = [p for p in parsed if cid == p or cid.startswith(p + ".")]
        if hits:
            out[cid] = parsed[max(hits, key=len)]
    return out


def parse(table: Mapping[str, Any], path: Path, text: str = "", prefix: str = "", *,
          checks: Catalog | None = None, formats: Collection[str] | None = None) -> Settings:
    """Validate a configuration table; paths in it are relative to the file's folder.

    `checks` (check id -> option defaults) and `formats` (report format names) are what the file's
    check ids, options and `format` are validated against.
    """
    r = _Reader(path, text, prefix, checks, formats)
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
            if key in ("source-lang", "target-lang"):
                try:
                    values[dest] = language(value)
                except ConfigError as e:
                    raise r.error(f"{r.where(raw_key)}: {e.message}", raw_key) from None
            if key == "format" and r.formats is not None and value not in r.formats:
                raise r.error(f"{r.where(raw_key)}: unknown format {value!r}{_near(value, sorted(r.formats))}",
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
            if not math.isfinite(value) or value < (1 if kind == "int" else 0):
                least = "1" if kind == "int" else "0"
                raise r.error(f"{r.where(raw_key)} must be a finite number of at least {least}, not {value!r}", raw_key)
            values[dest] = value
        elif key == "severity":
            severity.update(_severity_table(r, value))
        elif key == "checks":
            sev, opts = _checks(r, value)
            severity.update(sev)
            options.update(opts)
    return Settings(str(path), values, severity, options, tuple(r.notes))


def load(path: str | Path, *, checks: Catalog | None = None, formats: Collection[str] | None = None) -> Settings:
    """Read a termcheck.toml (keys at the top level) or a pyproject.toml ([tool.termcheck]).

    Pass `checks` and `formats` (see `parse`) to validate check ids, options and formats too.
    """
    path = Path(path)
    if path.exists():  # a FIFO or /dev/zero would block or never end: regular files only
        ensure_regular_file(path, "configuration", ConfigError)
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
        return parse(table, path, text, "tool.termcheck", checks=checks, formats=formats)
    return parse(data, path, text, checks=checks, formats=formats)


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
