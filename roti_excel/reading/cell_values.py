"""Turning one raw cell into a typed value by its schema column, or an issue that says
what was found and what to enter instead."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from roti_excel import schema
from roti_excel.issues import Issue, error
from roti_excel.messages import msg
from roti_excel.messages.values import OneOf
from roti_excel.months import date_in_words
from roti_excel.reading.raw_tables import Cell, RawTable

_NUMBER_TEXT = re.compile(r"^[+-]?(\d{1,3}([.,]\d{3})+|\d+)([.,]\d+)?$")
_PERCENT_TEXT = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*%\s*$")


def number_from_text(text: str, lang: str | None = None) -> float | None:
    """Numbers typed as text: `1500000`, `1,500,000`, `1.500.000` (Indonesian thousands),
    `7291,67` (Indonesian decimal comma), `Rp 1.500.000`. One separator before three
    digits ("1.500", "1,500") is read the workbook's way when its language is known: in
    Indonesian "." groups thousands and "," is the decimal comma, in English the reverse."""
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    s = re.sub(r"^(rp\.?|idr)", "", s, flags=re.IGNORECASE)
    if not _NUMBER_TEXT.match(s):
        return None
    if "," in s and "." in s:
        # the last separator is the decimal one
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif s.count(",") > 1 or s.count(".") > 1:
        s = s.replace(",", "").replace(".", "")
    elif "," in s:
        head, tail = s.split(",")
        grouping = len(tail) == 3 and head not in ("0", "-0", "") and lang != "id"
        s = head + tail if grouping else head + "." + tail
    elif "." in s:
        head, tail = s.split(".")
        if len(tail) == 3 and head not in ("0", "-0", "") and len(head) <= 3 and lang != "en":
            s = head + tail  # 1.500 is one thousand five hundred in Indonesian usage
    try:
        return float(s)
    except ValueError:
        return None


def _shown(value: Any) -> str:
    """A value as a message shows it: 40544.0 as 40544, dates as YYYY-MM-DD."""
    if type(value) is float and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())  # fast path: 2011-01-31
        except ValueError:
            pass
        return _date_text(value.strip())
    return None


# a time after a date, as survey tools export it: 16:15:32, 4:15:32 PM, 4:15 PM GMT+7
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}([:.]\d{2})?(\s*[AaPp]\.?[Mm]\.?)?"
                   r"(\s*(GMT|UTC)?\s*[+-]\d{1,2}(:?\d{2})?)?(\s*(WIB|WITA|WIT))?$")


def _date_text(text: str) -> dt.date | None:
    """A date typed as text: 31/01/2011 (day first, as Indonesia writes it), 2011/01/31,
    '12 Maret 2025', 'March 12, 2025', or a survey timestamp whose time is dropped
    ('2025/03/12 4:15:32 PM GMT+7')."""
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    found = date_in_words(text)
    if found is not None:
        return found
    head, _, tail = text.partition(" ")
    if tail and _TIME.match(tail.strip()):
        return _date_text(head)
    return None


class Located(Protocol):
    """Something that gives a column's value and its A1 reference: a reader row, or a
    single cell."""

    def value(self, key: str) -> Any: ...

    def ref(self, key: str) -> str: ...


@dataclass(frozen=True)
class CellAt:
    """A single cell as a :class:`Located`, whatever key is asked for."""

    cell: Cell

    def value(self, key: str) -> Any:
        return self.cell.value

    def ref(self, key: str) -> str:
        return self.cell.ref


_NUMERIC = frozenset({schema.Kind.NUMBER, schema.Kind.NONNEGATIVE, schema.Kind.POSITIVE,
                      schema.Kind.FRACTION})


@dataclass
class Converter:
    """Converts cells of one sheet, gathering issues instead of stopping."""

    sheet_name: str
    issues: list[Issue]
    lang: str | None = None  # the workbook's language: how "1.500" typed as text reads

    def _bad(self, col: schema.Column, value: Any, ref: str, expected: str) -> None:
        """`expected` is a catalogue key (expect_number, expect_date...)."""
        found: Any = msg("typed", value=value) if isinstance(value, str) else _shown(value)
        example = msg("example_such_as", ex=col.example) if col.example else ""
        self.issues.append(error(msg("cell_bad", col=col, found=found, expected=msg(expected),
                                     example=example), self.sheet_name, ref))

    def _blank(self, col: schema.Column, at: Located) -> None:
        if col.required and not col.blank_allowed:
            example = msg("example_eg", ex=col.example) if col.example else ""
            self.issues.append(error(msg("cell_required", col=col, example=example),
                                     self.sheet_name, at.ref(col.key)))

    def text(self, col: schema.Column, at: Located) -> str:
        value = at.value(col.key)
        if value is None:
            self._blank(col, at)
            return str(col.default) if col.default is not None else ""
        if type(value) is str:
            return value
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, dt.datetime):
            return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value).strip()

    def number(self, col: schema.Column, at: Located) -> float | None:
        """A number checked against the column's kind; None when blank (after default)."""
        value = at.value(col.key)
        if type(value) is float:  # the common case, kept short: large sheets pass here
            number: float | None = value
        elif value is None:
            self._blank(col, at)
            return float(col.default) if col.default is not None else None
        elif isinstance(value, bool):
            number = None
        elif isinstance(value, int):
            number = float(value)
        elif isinstance(value, str):
            percent = _PERCENT_TEXT.match(value)
            if percent and col.kind is schema.Kind.FRACTION:
                number = float(percent.group(1).replace(",", ".")) / 100
            else:
                number = number_from_text(value, self.lang)
        else:
            number = None
        if number is None or not math.isfinite(number):
            kinds = {schema.Kind.FRACTION: "expect_percentage"}
            self._bad(col, value, at.ref(col.key), kinds.get(col.kind, "expect_number"))
            return None
        if not self._sane_magnitude(col, at, number):
            return None
        return self._check_range(col, at, number)

    def _sane_magnitude(self, col: schema.Column, at: Located, number: float) -> bool:
        """Below the column's limit, and 0 or at least TINY away from it: anything else is
        a slip (1e308 for 1308) or a damaged file, and would overflow the sums."""
        if abs(number) >= col.limit:
            self.issues.append(error(msg("too_large", col=col, value=f"{number:g}",
                                         limit=col.limit), self.sheet_name, at.ref(col.key)))
            return False
        if number != 0 and abs(number) < schema.TINY:
            self.issues.append(error(msg("too_small", col=col, value=f"{number:g}"),
                                     self.sheet_name, at.ref(col.key)))
            return False
        return True

    def _check_range(self, col: schema.Column, at: Located, number: float) -> float | None:
        kind = col.kind
        if kind is schema.Kind.NUMBER:
            return number
        if kind is schema.Kind.FRACTION and not 0 <= number <= 1:
            hint = msg("fraction_meant", value=number) if 1 < number <= 100 else ""
            self.issues.append(error(msg("fraction_range", col=col, value=number, hint=hint),
                                     self.sheet_name, at.ref(col.key)))
            return None
        if kind is schema.Kind.NONNEGATIVE and number < 0:
            self._bad(col, number, at.ref(col.key), "expect_nonnegative")
            return None
        if kind is schema.Kind.POSITIVE and number <= 0:
            self._bad(col, number, at.ref(col.key), "expect_positive")
            return None
        return number

    def choice(self, col: schema.Column, at: Located) -> str | None:
        value = at.value(col.key)
        if value is None:
            self._blank(col, at)
            return str(col.default) if col.default is not None else None
        found = schema.match_choice(col.choices, value)
        if found is None:
            self.issues.append(error(
                msg("choice_bad", col=col, value=self.text(col, at), choices=OneOf(col.choices)),
                self.sheet_name, at.ref(col.key)))
            return None
        return found.key

    def date(self, col: schema.Column, at: Located) -> dt.date | None:
        value = at.value(col.key)
        if value is None:
            self._blank(col, at)
            return None
        if isinstance(value, dt.time) or (type(value) is float and not value.is_integer()):
            self._not_a_day(col, at, value)
            return None
        if type(value) is float:
            self.issues.append(error(
                msg("date_is_number", col=col, value=_shown(value),
                    example=col.example or "2011-01-31"), self.sheet_name, at.ref(col.key)))
            return None
        found = as_date(value)
        if found is None:
            self._bad(col, value, at.ref(col.key), "expect_date")
        return found

    def _not_a_day(self, col: schema.Column, at: Located, value: Any) -> None:
        """A date cell that reads as a time of day: a date serial of 0 or below (before
        1900) or a fraction of a day, which no date column means."""
        shown = f"{value:%H:%M}" if isinstance(value, dt.time) else _shown(value)
        self.issues.append(error(
            msg("date_not_a_day", col=col, value=shown, example=col.example or "2011-01-31"),
            self.sheet_name, at.ref(col.key)))

    def period(self, col: schema.Column, at: Located) -> str:
        value = at.value(col.key)
        if isinstance(value, dt.time):
            self._not_a_day(col, at, value)
            return ""
        if isinstance(value, (dt.date, dt.datetime)):
            day = as_date(value)
            return day.strftime("%Y-%m") if day and day.day == 1 else str(day)
        return self.text(col, at)

    def method(self, col: schema.Column) -> Callable[[schema.Column, Located], Any]:
        """The conversion for the column's kind; chosen once per column, not per cell."""
        kind = col.kind
        if kind in _NUMERIC:
            return self.number
        if kind is schema.Kind.TEXT:
            return self.text
        if kind is schema.Kind.CHOICE:
            return self.choice
        if kind is schema.Kind.DATE:
            return self.date
        return self.period

    def value(self, col: schema.Column, at: Located) -> Any:
        """Converts by the column's kind."""
        return self.method(col)(col, at)

    def column(self, col: schema.Column, table: RawTable, index: int) -> list[Any]:
        """Converts one column of many rows. The common values (numbers in range, plain
        text, blanks, choices and dates seen before) go through one list comprehension;
        the rest take the cell-by-cell path, which reports problems with their cells."""
        rows = table.rows
        raw = table.raw_column(index)
        out = _fast_column(col, raw)
        method = self.method(col)
        memo = _MEMO_KINDS.get(col.kind)
        seen: dict[Any, Any] = {}
        for i, value in enumerate(out):
            if value is not _SLOW:
                continue
            key = raw[i]
            if memo and type(key) is str and key in seen:
                out[i] = seen[key]
                continue
            before = len(self.issues)
            out[i] = method(col, rows[i])
            if memo and type(key) is str and len(self.issues) == before:
                seen[key] = out[i]  # the same text converts the same way, without issues
        return out


_SLOW: Any = object()  # marks a value the fast path leaves to the cell-by-cell path
_MEMO_KINDS = {schema.Kind.CHOICE: True, schema.Kind.DATE: True}


def _fast_column(col: schema.Column, raw: list[Any]) -> list[Any]:
    """Numbers in range and of a sane magnitude (NaN and infinities fail every comparison,
    so they take the slow path too), and plain text."""
    kind, top, tiny = col.kind, col.limit, schema.TINY
    if kind is schema.Kind.NUMBER:
        return [v if type(v) is float and -top < v < top and (v == 0 or not -tiny < v < tiny)
                else _SLOW for v in raw]
    if kind is schema.Kind.NONNEGATIVE:
        return [v if type(v) is float and (v == 0 or tiny <= v < top) else _SLOW for v in raw]
    if kind is schema.Kind.POSITIVE:
        return [v if type(v) is float and tiny <= v < top else _SLOW for v in raw]
    if kind is schema.Kind.FRACTION:
        return [v if type(v) is float and (v == 0 or tiny <= v <= 1) else _SLOW for v in raw]
    if kind is schema.Kind.TEXT:
        return [v if type(v) is str and v and v == v.strip() else _SLOW for v in raw]
    return [_SLOW] * len(raw)
