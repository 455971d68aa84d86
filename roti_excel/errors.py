"""The errors the tool reports to users as a message, never as a traceback."""

from __future__ import annotations

from roti_excel.issues import Issue, sort_issues
from roti_excel.messages import Text


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
    """A report could not be written (folder missing, file open in Excel, ...): a message
    of the catalogue, shown in the language of the workbook it answers (`language`, set by
    whoever knows it), or a plain English text."""

    def __init__(self, text: Text | str, language: str | None = None) -> None:
        self.text = text
        self.language = language
        super().__init__(text if isinstance(text, str) else text.render("en"))

    def render(self, lang: str | None = None) -> str:
        """The message in `lang`, else in the workbook's language, else in English."""
        if isinstance(self.text, str):
            return self.text
        return self.text.render(lang or self.language or "en")
