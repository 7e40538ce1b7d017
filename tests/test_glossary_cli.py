"""`termcheck glossary`: usage errors are one line and exit 2."""

from __future__ import annotations

import pytest

from termcheck.cli import main


@pytest.mark.parametrize(("argv", "message"), [
    (["glossary"], "give an action: lint, convert, show, test or coverage"),
    (["glossary", "bogus"], "invalid choice: 'bogus'"),
    (["glossary", "show"], "the following arguments are required: term"),
    (["glossary", "test", "--glossary", "/nonexistent.csv"], "/nonexistent.csv: no such glossary file"),
    (["glossary", "lint", "/nonexistent.csv"], "/nonexistent.csv: no such glossary file"),
    (["glossary", "convert", "/nonexistent.csv", "out.tbx"], "/nonexistent.csv: no such glossary file"),
    (["glossary", "lint", "--ignore", "no-such-rule"], "--ignore: unknown rule 'no-such-rule'"),
])
def test_usage_errors(capsys: pytest.CaptureFixture, argv: list[str], message: str) -> None:
    try:
        code = main(argv)
    except SystemExit as e:  # argparse's own errors
        code = e.code
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
