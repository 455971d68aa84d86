"""Shared by the guard's modules: message parts, the refusal, cell references."""

from __future__ import annotations

import re

from roti_excel.issues import Issue, column_letter

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
    """Column letters -> 1-based number; anything longer than 4 letters is beyond Excel."""
    if len(letters) > 4:
        return 10**9
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ch - 64)
    return n


def row_number(digits: bytes) -> int:
    return 10**9 if len(digits) > 9 else int(digits)


def max_number(digit_strings: list[bytes]) -> int:
    """The largest of many digit strings, converted in C (no Python call per item)."""
    distinct = set(digit_strings)
    return 10**9 if max(map(len, distinct)) > 9 else max(map(int, distinct))


_REF_TEXT = re.compile(r"^\$?([A-Za-z]{1,8})\$?([0-9]{1,10})$")


def parse_ref(ref: str) -> tuple[int, int] | None:
    """'B3' -> (row 3, column 2), 1-based; None if not a cell reference."""
    match = _REF_TEXT.match(ref.strip())
    if not match:
        return None
    return row_number(match.group(2).encode()), col_number(match.group(1).encode())


def parse_range(ref: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'B3:D3' (or 'B3') -> ((3, 2), (3, 4)); None if not a range."""
    first, _, last = ref.partition(":")
    start = parse_ref(first)
    end = parse_ref(last) if last else start
    if start is None or end is None:
        return None
    return start, end


def cell_name(row: int, col: int) -> str:
    """1-based (row, column) -> A1 text, e.g. (3, 2) -> 'B3'."""
    return f"{column_letter(col - 1)}{row}"
