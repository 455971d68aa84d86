"""Numbers, money, percentages and dates as the report's text writes them, in English or
Indonesian. Rounding happens only here; the computation stays unrounded."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

from roti_excel.domain import Language, language_named

_MONTHS = {
    Language.EN: ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    Language.ID: ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
}


def format_number(value: float, decimals: int, lang: str) -> str:
    """value rounded half away from zero (as Excel does) to `decimals`; en 1,234.5,
    id 1.234,5. Never prints -0."""
    if not math.isfinite(value):
        return "-" if math.isnan(value) else ("-∞" if value < 0 else "∞")
    q = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    if q == 0:
        q = abs(q)
    text = f"{q:,.{decimals}f}"
    if language_named(lang) is Language.ID:
        text = text.translate(str.maketrans(",.", ".,"))
    return text


def format_compact(value: float, max_decimals: int, lang: str) -> str:
    """Like format_number, without trailing zeros: 25 -> "25", 12.5 -> "12.5"."""
    if not math.isfinite(value):
        return format_number(value, 0, lang)
    for decimals in range(max_decimals + 1):
        scale = 10 ** decimals
        if abs(round(value * scale) - value * scale) < 1e-9 * max(1.0, abs(value * scale)):
            return format_number(value, decimals, lang)
    return format_number(value, max_decimals, lang)


# a space before the sign, as the design writes it; a no-break one, so that a wrapped
# line never starts with the sign ("88.8" at the end of one line, "% favourable" below)
PCT_SPACE = "\u00a0"


def format_pct(value: float, decimals: int, lang: str) -> str:
    """60.6 % (en) / 60,6 % (id), the space a no-break space (`PCT_SPACE`)."""
    return f"{format_number(value, decimals, lang)}{PCT_SPACE}%"


def format_money(value: float, currency: str, lang: str, decimals: int | None = None) -> str:
    """IDR: Rp193,250,240 (en) / Rp193.250.240 (id), whole rupiah unless `decimals` says
    otherwise; other currencies: USD 1,234.56 with 2 decimals. Negative: -Rp1,000."""
    code = currency.strip().upper()
    rupiah = code in ("IDR", "RP")
    places = decimals if decimals is not None else (0 if rupiah else 2)
    digits = format_number(abs(value), places, lang)
    sign = "-" if value < 0 and digits.strip("0.,") else ""
    prefix = "Rp" if rupiah else (f"{code} " if code else "")
    return f"{sign}{prefix}{digits}"


def format_date(value: dt.date, lang: str) -> str:
    """1 November 2010, with no-break spaces: a wrapped line breaks between dates
    ("... 2010 –" / "1 November 2010"), never inside one ("1" / "November 2010")."""
    month = _MONTHS[language_named(lang)][value.month - 1]
    return f"{value.day}\u00a0{month}\u00a0{value.year}"


def format_period(first: dt.date | None, last: dt.date | None, lang: str) -> str:
    """"1 January 2011 – 31 December 2011": the dates given, long form, joined."""
    return " – ".join(format_date(d, lang) for d in (first, last) if d)


class Formatter:
    """Formatting bound to one language and currency."""

    def __init__(self, lang: str, currency: str) -> None:
        self.lang, self.currency = lang, currency

    def money(self, value: float, decimals: int | None = None) -> str:
        return format_money(value, self.currency, self.lang, decimals)

    def num(self, value: float, decimals: int) -> str:
        return format_number(value, decimals, self.lang)

    def compact(self, value: float, max_decimals: int = 1) -> str:
        return format_compact(value, max_decimals, self.lang)

    def pct(self, value: float, decimals: int = 1) -> str:
        return format_pct(value, decimals, self.lang)

    def opt(self, value: float | None, decimals: int) -> str:
        return "" if value is None else self.num(value, decimals)

    def opt_pct(self, value: float | None, decimals: int = 1) -> str:
        return "" if value is None else self.pct(value, decimals)
