"""Problems found in an input: where (file, sheet, cell), how bad, and what to do."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from roti_excel.domain import Severity

_A1 = re.compile(r"^([A-Z]{1,3})([0-9]+)$")


def column_letter(col: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 26 -> AA)."""
    if col < 0:
        raise ValueError(f"column index must be >= 0, got {col}")
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def a1(row: int, col: int) -> str:
    """0-based (row, col) -> A1 reference (0, 0 -> A1)."""
    return f"{column_letter(col)}{row + 1}"


def parse_a1(ref: str) -> tuple[int, int]:
    """A1 reference -> 0-based (row, col); the inverse of :func:`a1`."""
    match = _A1.match(ref.upper().replace("$", ""))
    if not match:
        raise ValueError(f"not an A1 cell reference: {ref!r}")
    letters, digits = match.groups()
    col = 0
    for ch in letters:
        col = col * 26 + (ord(ch) - 64)
    return int(digits) - 1, col - 1


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

    def as_dict(self) -> dict[str, str | None]:
        return {"severity": self.severity, "sheet": self.sheet, "cell": self.cell,
                "message": self.message}


def error(message: str, sheet: str | None = None, cell: str | None = None) -> Issue:
    return Issue(Severity.ERROR, message, sheet, cell)


def warning(message: str, sheet: str | None = None, cell: str | None = None) -> Issue:
    return Issue(Severity.WARNING, message, sheet, cell)


def sort_issues(issues: list[Issue]) -> list[Issue]:
    """Errors before warnings, otherwise in the order found."""
    errors = [i for i in issues if i.is_error]
    return errors + [i for i in issues if not i.is_error]
