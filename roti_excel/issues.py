"""Problems found in an input: where (file, sheet, cell), how bad, and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field

from roti_excel.domain import Severity
from roti_excel.messages import Text

# "warning: " before a warning's message, in each language
_WARNING = {"en": "warning: ", "id": "peringatan: "}


def warning_prefix(lang: str) -> str:
    """What goes before a warning's message in `lang`."""
    return _WARNING.get(lang, _WARNING["en"])


@dataclass(frozen=True, order=True)
class Issue:
    """One problem. Errors stop the report; warnings are shown in it. `message` is the
    English wording; `text`, when the message is in the catalogue, words it in any
    language (:meth:`in_language`)."""

    severity: Severity
    message: str
    sheet: str | None = None
    cell: str | None = None
    file: str | None = field(default=None, compare=False)
    text: Text | None = field(default=None, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def key(self) -> str:
        """The message's catalogue key ("" for a message not in the catalogue)."""
        return self.text.key if self.text is not None else ""

    def in_language(self, lang: str) -> str:
        return self.text.render(lang) if self.text is not None else self.message

    def located(self, file: str) -> Issue:
        return Issue(self.severity, self.message, self.sheet, self.cell, file, self.text)

    def format(self, file: str | None = None, lang: str = "en") -> str:
        """`FILE: SHEET!CELL: message` with the parts that apply, in `lang`."""
        where = file or self.file
        parts = [where] if where else []
        if self.sheet and self.cell:
            parts.append(f"{self.sheet}!{self.cell}")
        elif self.sheet:
            parts.append(self.sheet)
        prefix = ": ".join(parts)
        label = "" if self.is_error else _WARNING.get(lang, _WARNING["en"])
        message = self.in_language(lang)
        return f"{prefix}: {label}{message}" if prefix else f"{label}{message}"


def _issue(severity: Severity, message: str | Text, sheet: str | None,
           cell: str | None) -> Issue:
    if isinstance(message, Text):
        return Issue(severity, message.render("en"), sheet, cell, text=message)
    return Issue(severity, message, sheet, cell)


def error(message: str | Text, sheet: str | None = None, cell: str | None = None) -> Issue:
    return _issue(Severity.ERROR, message, sheet, cell)


def warning(message: str | Text, sheet: str | None = None, cell: str | None = None) -> Issue:
    return _issue(Severity.WARNING, message, sheet, cell)


def sort_issues(issues: list[Issue]) -> list[Issue]:
    """Errors before warnings, otherwise in the order found."""
    errors = [i for i in issues if i.is_error]
    return errors + [i for i in issues if not i.is_error]
