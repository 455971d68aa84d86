"""Month names as people type them, in English and Indonesian ("Maret", "Mar", "March",
"Agu", "Agt"): Babel's locale data, plus the abbreviations Indonesian offices use that the
locale data lacks. Read by the date reader and by the trend line's periods."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from babel.dates import get_month_names

# common Indonesian short forms Babel's "abbreviated" set does not list
_EXTRA = {"agt": 8, "ags": 8, "sept": 9, "nop": 11, "des": 12, "peb": 2, "pebruari": 2,
          "nopember": 11}


@cache
def month_numbers() -> dict[str, int]:
    """Lower-case month name or abbreviation -> month number (1-12)."""
    found: dict[str, int] = dict(_EXTRA)
    for locale in ("en", "id"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                found[name.lower().rstrip(".")] = int(number)
    return found


_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s\-./]+([^\W\d_]+)\.?[\s\-./,]+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^([^\W\d_]+)\.?[\s\-./]+(\d{4})$")


def date_in_words(text: str) -> dt.date | None:
    """'12 Maret 2025', '12-Mar-2025', 'March 12, 2025' -> the date; None otherwise."""
    text = text.strip()
    names = month_numbers()
    match = _DAY_MONTH_YEAR.match(text)
    if match and match.group(2).lower() in names:
        day, month, year = int(match.group(1)), names[match.group(2).lower()], int(match.group(3))
    else:
        match = _MONTH_DAY_YEAR.match(text)
        if not (match and match.group(1).lower() in names):
            return None
        day, month, year = int(match.group(2)), names[match.group(1).lower()], int(match.group(3))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_in_words(text: str) -> tuple[int, int] | None:
    """'Januari 2009', 'Jan-2009' -> (2009, 1); None otherwise."""
    match = _MONTH_YEAR.match(text.strip())
    names = month_numbers()
    if match and match.group(1).lower() in names:
        return int(match.group(2)), names[match.group(1).lower()]
    return None
