"""The errors the tool reports to users as a message, never as a traceback."""

from __future__ import annotations

from roti_excel.issues import Issue, sort_issues


class RotiError(Exception):
    """Base of the errors the tool reports to users without a traceback."""


class InputError(RotiError):
    """An input workbook cannot be used; carries every issue found."""

    def __init__(self, file: str, issues: list[Issue]) -> None:
        self.file = file
        self.issues = sort_issues(issues)
        first = self.issues[0].format(file) if self.issues else file
        super().__init__(first)


class UsageError(RotiError):
    """A call that must be refused before anything is written (exit 2): an output that
    would overwrite an input, or the user's own files."""


class OutputError(RotiError):
    """A report could not be written (folder missing, file open in Excel, ...)."""
