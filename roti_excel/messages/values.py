"""How a message's values are shown in each language: schema names by their name in the
language, lists joined, numbers and dates with Babel."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALES = {"en": "en", "id": "id_ID"}


class Named(Protocol):
    """A schema sheet, column or choice: it has a name in each language."""

    def name(self, lang: str) -> str: ...


@dataclass(frozen=True)
class OneOf:
    """Choices shown as the list a user may pick from: "lower, higher" / "lebih rendah,
    lebih tinggi"."""

    choices: tuple[Any, ...]

    def name(self, lang: str) -> str:
        return ", ".join(c.name(lang) for c in self.choices)


@dataclass(frozen=True)
class Words:
    """A word that differs by language, for the few values that are not schema names."""

    en: str
    id: str

    def name(self, lang: str) -> str:
        return self.id if lang == "id" else self.en


def number(value: float, lang: str) -> str:
    """A number as typed, grouped for the language: 1,500,000.5 / 1.500.000,5; at most
    the digits the value has (7291.67 stays 7291.67, 27000000 is 27,000,000)."""
    if not math.isfinite(value):
        return str(value)
    exact = Decimal(repr(float(value)))
    return format_decimal(exact, format="#,##0.##########", locale=LOCALES.get(lang, "en"))


def show(value: Any, lang: str) -> str:
    """One value of a message, in `lang`."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return number(float(value), lang)
    if isinstance(value, dt.date):
        return format_date(value, "long", locale=LOCALES.get(lang, "en"))
    if hasattr(value, "render"):  # a nested Text
        return str(value.render(lang))
    if hasattr(value, "name") and callable(value.name):
        return str(value.name(lang))
    if isinstance(value, list | tuple):
        return ", ".join(show(v, lang) for v in value)
    return str(value)
