"""A1 references and (row, column) indices: the one place that converts between them.

Indices are 0-based everywhere in the code, as in calamine and xlsxwriter: (0, 0) is A1,
(2, 1) is B3. A reference past Excel's last cell (more than 4 letters or 9 digits, which only
a damaged or hostile file holds) reads as index BEYOND, so comparisons with any limit hold."""

from __future__ import annotations

import re

BEYOND = 10**9 - 1
_REF = re.compile(r"^\$?([A-Za-z]{1,8})\$?([0-9]{1,10})$")

Cell = tuple[int, int]  # (row, column), 0-based


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


def column_index(letters: str) -> int:
    """Excel letters -> 0-based column index (A -> 0, AA -> 26)."""
    if len(letters) > 4:
        return BEYOND
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def a1(row: int, col: int) -> str:
    """0-based (row, col) -> A1 reference (0, 0 -> A1)."""
    return f"{column_letter(col)}{row + 1}"


def parse_a1(ref: str) -> Cell | None:
    """A1 reference ($ signs and surrounding spaces allowed) -> 0-based (row, col); None when
    `ref` is not a cell reference. The inverse of :func:`a1`."""
    match = _REF.match(ref.strip())
    if not match:
        return None
    letters, digits = match.groups()
    row = BEYOND if len(digits) > 9 else int(digits) - 1
    return row, column_index(letters)


def parse_range(ref: str) -> tuple[Cell, Cell] | None:
    """'B3:D3' (or 'B3') -> ((2, 1), (2, 3)); None if not a range."""
    first, _, last = ref.partition(":")
    start = parse_a1(first)
    end = parse_a1(last) if last else start
    if start is None or end is None:
        return None
    return start, end
