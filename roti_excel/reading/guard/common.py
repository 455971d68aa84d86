"""Shared by the guard's modules: message parts, the refusal, cell references."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from roti_excel.a1 import column_index
from roti_excel.issues import Issue
from roti_excel.messages import Text, msg

DAMAGED = msg("damaged")  # "the workbook is damaged"
NEW_COPY = msg("new_copy")  # "open it in Excel and save it again ..., or ask for a new copy"


def damaged(key: str, **values: Any) -> Text:
    """The message `key`, whose wording says {damaged} and {new_copy}, with its values."""
    return msg(key, damaged=DAMAGED, new_copy=NEW_COPY, **values)


def _scaled(value: float) -> int | float:
    """A scaled size or count as shown: a whole number from 10 up, else one decimal."""
    return round(value) if value >= 10 else round(value, 1)


def size_text(n: int) -> Text:
    """A size in bytes as "12 MB", "1.3 KB" (each language's own decimal mark)."""
    for key, scale in (("size_gb", 1024**3), ("size_mb", 1024**2), ("size_kb", 1024)):
        if n >= scale:
            return msg(key, n=_scaled(n / scale))
    return msg("size_bytes", n=n)


def count_text(n: int) -> Text | int:
    """A count as "17 billion", "1.5 million" (in the language shown), or the number."""
    for key, scale in (("count_billion", 10**9), ("count_million", 10**6)):
        if n >= scale:
            return msg(key, n=_scaled(n / scale))
    return n


def listed(items: Sequence[Any], total: int) -> Text | tuple[Any, ...]:
    """`items` (names, or messages) as a message value: joined, with "(and N more)" in the
    language shown when `total` is more."""
    more = total - len(items)
    return msg("list_more", items=tuple(items), more=more) if more > 0 else tuple(items)


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
