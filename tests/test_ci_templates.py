"""The integration files: the pre-commit hook and the example GitHub workflow parse and call termcheck right."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from termcheck.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / ".pre-commit-hooks.yaml"
WORKFLOW = ROOT / "examples" / "github-actions" / "termcheck.yml"


def _parse_termcheck(command: str):
    """Parse a `termcheck ...` command line with termcheck's own parser (SystemExit if a flag is wrong)."""
    argv = shlex.split(command.split("||")[0])
    assert argv[0] == "termcheck"
    return build_parser().parse_args(argv[1:])


def test_pre_commit_hook():
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    hook = next(h for h in hooks if h["id"] == "termcheck")
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["entry"] == "termcheck check" and hook["language"] == "python"
    args = _parse_termcheck(hook["entry"] + " memory.tmx")
    assert args.inputs == [Path("memory.tmx")]
    files = re.compile(hook["files"])
    for name in ("tm/readout.tmx", "a.xlf", "b.xliff", "pairs.tsv", "pairs.jsonl", "big.tmx.gz"):
        assert files.search(name), name
    for name in ("termcheck/cli.py", "glossary.csv", "README.md", "terms.tbx"):
        assert not files.search(name), name


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps() -> list[dict]:
    jobs = _workflow()["jobs"]
    assert len(jobs) == 1
    return next(iter(jobs.values()))["steps"]


def test_workflow_is_valid_yaml_with_triggers_and_permissions():
    wf = _workflow()
    triggers = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` key as true
    assert "pull_request" in triggers and "push" in triggers
    assert wf["permissions"]["security-events"] == "write"
    job = next(iter(wf["jobs"].values()))
    assert job["runs-on"].startswith("ubuntu")


@pytest.mark.parametrize("action", ["actions/checkout", "actions/setup-python", "github/codeql-action/upload-sarif"])
def test_workflow_uses_the_right_actions(action):
    uses = [s["uses"] for s in _steps() if "uses" in s]
    versions = [u.split("@", 1)[1] for u in uses if u.split("@", 1)[0] == action]
    assert versions and all(re.fullmatch(r"v\d+", v) for v in versions)


def test_workflow_runs_the_gate_and_uploads_its_sarif_even_on_failure():
    steps = _steps()
    names = [s.get("uses", "").split("@")[0] or s["run"].split()[0] for s in steps]
    assert names.index("actions/checkout") < names.index("actions/setup-python") < names.index("python")
    gate = next(s for s in steps if "run" in s and "--format sarif" in s["run"])
    args = _parse_termcheck(gate["run"])
    assert args.format == "sarif" and args.fail_on == "major" and args.inputs
    assert "if" not in gate  # the gate step itself decides the job
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["if"] == "always()"
    assert upload["with"]["sarif_file"] == str(args.output)
    html = next(s for s in steps if "run" in s and "--format html" in s["run"])
    assert _parse_termcheck(html["run"]).format == "html" and html["if"] == "always()"
    install = next(s for s in steps if "run" in s and "pip install" in s["run"])
    assert "termcheck" in install["run"]
