"""Problems found in an input: where (file, sheet, cell), how bad, and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field

from roti_excel.domain import Severity


@dataclass(frozen=True, order=True)
class Issue:
    """One problem. Errors stop the report; warnings are shown in it."""

    severity: Severity
    message: str
    sheet: str | None = None
    cell: str | None = None
    file: str | None = field(default=None, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def located(self, file: str) -> Issue:
        return Issue(self.severity, self.message, self.sheet, self.cell, file)

    def format(self, file: str | None = None) -> str:
        """`FILE: SHEET!CELL: message` with the parts that apply."""
        where = file or self.file
        parts = [where] if where else []
        if self.sheet and self.cell:
            parts.append(f"{self.sheet}!{self.cell}")
        elif self.sheet:
            parts.append(self.sheet)
        prefix = ": ".join(parts)
        label = "" if self.is_error else "warning: "
        return f"{prefix}: {label}{self.message}" if prefix else f"{label}{self.message}"


def error(message: str, sheet: str | None = None, cell: str | None = None) -> Issue:
    return Issue(Severity.ERROR, message, sheet, cell)


def warning(message: str, sheet: str | None = None, cell: str | None = None) -> Issue:
    return Issue(Severity.WARNING, message, sheet, cell)


def sort_issues(issues: list[Issue]) -> list[Issue]:
    """Errors before warnings, otherwise in the order found."""
    errors = [i for i in issues if i.is_error]
    return errors + [i for i in issues if not i.is_error]
