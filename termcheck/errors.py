"""Errors that mean bad input or usage: reported as one line, exit code 2."""

from __future__ import annotations


class TermcheckError(Exception):
    """Bad input, usage or configuration; `str()` is the one line shown to the user."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line is not None else f"{self.file}: "
        return f"{where}{self.message}"


class InputError(TermcheckError):
    """A file that cannot be read, decoded or parsed, or inputs that do not fit together."""


class GlossaryError(TermcheckError):
    """A glossary file or row that cannot be loaded."""


class ConfigError(TermcheckError):
    """An unknown option, key or value in the configuration or on the command line."""


class OutputError(TermcheckError):
    """A report or file that cannot be written where the user asked (a folder, no such folder, no permission)."""
