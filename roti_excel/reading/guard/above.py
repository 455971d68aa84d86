"""Regular-expression pieces matching a number written up to a bound: row numbers, shared
text numbers and column letters no larger than the largest seen so far.

The sheet scan must know the largest row, column and text number any cell names, exactly.
Collecting every reference of a large sheet (two million on the survey benchmark) cost two
thirds of the guard. Instead each piece of a sheet takes its last reference as the bound and
searches once for a reference that is *not* plainly within it: a search that finds none
proves the bound is the piece's largest; one that finds any sends the piece to the exact
count. The patterns match only plain spellings (no leading zeros, capital letters), so a
doubt always takes the exact path."""

from __future__ import annotations

import re
from functools import lru_cache

from roti_excel.a1 import column_letter

_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _up_to_same_length(shown: str, alphabet: str, first: str) -> list[str]:
    """Strings of `shown`'s length that sort at or before it and start with `first` or a
    later character, as alternatives: a common start, one smaller character, then any."""
    out: list[str] = []
    for i, ch in enumerate(shown):
        low = first if i == 0 else alphabet[0]
        if ch == low:
            continue
        smaller = alphabet[alphabet.index(ch) - 1]
        rest = len(shown) - i - 1
        tail = f"[{alphabet[0]}-{alphabet[-1]}]{{{rest}}}" if rest else ""
        out.append(f"{shown[:i]}[{low}-{smaller}]{tail}")
    return [*out, shown]


def _shorter(length: int, alphabet: str, first: str) -> list[str]:
    """Any plain string shorter than `length` characters (none when `length` is 1)."""
    if length <= 1:
        return []
    return [f"[{first}-{alphabet[-1]}][{alphabet[0]}-{alphabet[-1]}]{{0,{length - 2}}}"]


def digits_up_to(bound: int, *, zero: bool = False) -> str:
    """Decimal digits, no leading zero, for a number from 1 (from 0 when `zero`) to
    `bound`, not followed by another digit."""
    parts = ["0"] if zero or bound <= 0 else []
    if bound > 0:
        shown = str(bound)
        parts += [*_shorter(len(shown), _DIGITS, "1"), *_up_to_same_length(shown, _DIGITS, "1")]
    return "(?:" + "|".join(parts) + ")(?![0-9])"


def letters_up_to(columns: int) -> str:
    """Capital column letters for a column from A to the `columns`-th (1-based)."""
    shown = column_letter(max(columns, 1) - 1)
    parts = [*_shorter(len(shown), _LETTERS, "A"), *_up_to_same_length(shown, _LETTERS, "A")]
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=256)
def not_within(start: bytes, within: str, end: bytes) -> re.Pattern[bytes]:
    """`start` (a literal) not followed by `within` and then `end` (a literal): where a
    value is missing, spelled otherwise, or beyond the bound."""
    return re.compile(re.escape(start) + b"(?!" + within.encode("ascii") + re.escape(end)
                      + b")")
