"""Shared by the guard's modules: message parts, the refusal, cell references."""

from __future__ import annotations

from roti_excel.a1 import column_index
from roti_excel.issues import Issue

AGAIN = "open it in Excel and save it again as Excel Workbook (.xlsx)"
DAMAGED = "the workbook is damaged"
NEW_COPY = f"{AGAIN}, or ask the sender for a new copy"


def size_text(n: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            value = n / scale
            return f"{value:.0f} {unit}" if value >= 10 else f"{value:.1f} {unit}"
    return f"{n} bytes"


def count_text(n: int) -> str:
    for word, scale in (("billion", 10**9), ("million", 10**6)):
        if n >= scale:
            value = n / scale
            return f"{value:.0f} {word}" if value >= 10 else f"{value:.1f} {word}"
    return f"{n:,}"


def listing(items: list[str], total: int) -> str:
    more = total - len(items)
    return ", ".join(items) + (f" (and {more:,} more)" if more > 0 else "")


CHUNK = 1024 * 1024
SHOWN = 5  # cells or ranges named in one message


class Refused(Exception):
    """A finding that ends the reading of one part (or of the whole file)."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def col_number(letters: bytes) -> int:
    """Column letters -> 1-based number (a count of columns); anything longer than 4
    letters is beyond Excel."""
    return column_index(letters.decode("ascii", "replace")) + 1


def row_number(digits: bytes) -> int:
    return 10**9 if len(digits) > 9 else int(digits)


def max_number(digit_strings: list[bytes]) -> int:
    """The largest of many digit strings, converted in C (no Python call per item)."""
    distinct = set(digit_strings)
    return 10**9 if max(map(len, distinct)) > 9 else max(map(int, distinct))
