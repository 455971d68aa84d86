"""Cell formats of the report: one set per workbook, money formats in the program's currency."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from roti_excel.report.palette import (
    BAND_COLOURS,
    EDITABLE_FILL,
    FONT,
    HEADER_FILL,
    INPUT_FONT,
    NOTE_FONT,
    TITLE_COLOUR,
)

_UNSAFE = re.compile(r"[^0-9A-Za-z .$€£¥₹]")


def money_format(currency: str, decimals: int) -> str:
    """IDR as `"Rp"#,##0`; any other currency as its code before the number."""
    body = "#,##0" + ("." + "0" * decimals if decimals else "")
    code = currency.strip()
    if code.upper() in ("IDR", "RP"):
        return f'"Rp"{body}'
    code = _UNSAFE.sub("", code)[:10].strip()
    return f'"{code}" {body}' if code else body


def money_decimals(currency: str) -> int:
    return 0 if currency.strip().upper() in ("IDR", "RP") else 2


def typed_decimals(values: Iterable[float | None], limit: int = 4) -> int:
    """The fewest decimals (at most `limit`) that show every value as typed: 8944 -> 0,
    10025.08 -> 2, 0.225 as a percentage (22.5) -> 1 when given 22.5."""
    most = 0
    for value in values:
        if value is None or value != value or value in (float("inf"), float("-inf")):
            continue
        decimals = 0
        while decimals < limit:
            scaled = value * 10 ** decimals
            if abs(round(scaled) - scaled) < 1e-9 * max(1.0, abs(scaled)):
                break
            decimals += 1
        most = max(most, decimals)
    return most


def typed_format(decimals: int, *, pct: bool = False) -> str:
    """The number format that shows a value with `decimals` decimals: #,##0.00 or 0.0%."""
    tail = "." + "0" * decimals if decimals else ""
    return f"0{tail}%" if pct else f"#,##0{tail}"


@dataclass(frozen=True)
class Styles:
    """The formats, as xlsxwriter Format objects (typed Any: xlsxwriter has no stubs)."""

    title: Any
    subtitle: Any
    section: Any
    header: Any
    text: Any
    wrap: Any
    note_cell: Any
    indent: Any
    bold: Any
    bold_wrap: Any
    bold_indent: Any
    bold_center: Any
    note: Any
    note_wrap: Any
    sign_label: Any
    sign_line: Any  # a line to write a name, date or signature on
    paragraph: Any
    headline: Any
    money: Any  # whole units in IDR, 2 decimals otherwise
    money2: Any  # always 2 decimals (values per unit)
    money_bold: Any
    number: Any  # 2 decimals
    number4: Any
    integer: Any
    pct: Any  # 0.00 %
    pct1: Any  # 0.0 %
    pct_bold: Any
    pct_left: Any
    number_left: Any
    change: Any  # +10 %
    center: Any
    right: Any
    ratio: Any  # BCR
    months: Any
    month_count: Any  # months of benefits: 12, or 12.5 for a part month
    input_number: Any
    input_money: Any
    input_money2: Any
    input_pct: Any
    input_text: Any
    # the Scenarios sheet's editable cells: the only unlocked cells of the report
    scenario_pct: Any
    scenario_money: Any
    scenario_money2: Any
    scenario_months: Any
    change_pp: Any  # a change of the ROI in percentage points: +12.3
    total_label: Any
    total_money: Any
    total_number: Any
    score: Any  # a test score (Level 2): 1 decimal, as the narrative writes it
    total_score: Any
    bands: dict[str, Any]
    money_fmt: str
    money2_fmt: str
    # the ROI objective as typed: 25 % -> 0%, 22.5 % -> 0.0% (every sheet shows it so)
    objective: Any = None
    objective_left: Any = None
    input_objective: Any = None
    _wb: Any = None
    _currency: str = ""
    _typed: dict[tuple[int, str, bool], Any] = field(default_factory=dict, compare=False)

    def typed(self, decimals: int, *, kind: str = "", entered: bool = False) -> Any:
        """A format with `decimals` decimals, thousands separated, a percentage when `kind`
        is "pct", an amount in the program's currency when "money" (at least the
        currency's decimals); in the input font when `entered`: values as typed."""
        key = (decimals, kind, entered)
        if key not in self._typed:
            text = (money_format(self._currency, max(decimals, money_decimals(self._currency)))
                    if kind == "money" else typed_format(decimals, pct=kind == "pct"))
            props: dict[str, Any] = {"font_name": FONT, "font_size": 10, "valign": "top",
                                     "num_format": text}
            if entered:
                # a space after the number: on Input copies the next column is often text
                # typed beside it ("80%Table 4.15" ran together)
                props.update(font_color=INPUT_FONT, num_format=f'{text}" "')
            self._typed[key] = self._wb.add_format(props)
        return self._typed[key]


def make(wb: Any, currency: str, objective: float = 0.25) -> Styles:
    def fmt(**props: Any) -> Any:
        base: dict[str, Any] = {"font_name": FONT, "font_size": 10, "valign": "top"}
        base.update(props)
        return wb.add_format(base)

    money = money_format(currency, money_decimals(currency))
    money2 = money_format(currency, 2)
    total = {"bold": True, "top": 1, "bg_color": "#F2F2F2"}
    input_font = {"font_color": INPUT_FONT}
    editable = {"font_color": INPUT_FONT, "bg_color": EDITABLE_FILL, "border": 1,
                "border_color": "#BFBFBF", "locked": False}
    # keyed by the band's value, "" for no band
    bands = {(band.value if band else ""): fmt(bold=True, bg_color=fill, font_color=font,
                                               border=1, align="center", text_wrap=True)
             for band, (fill, font) in BAND_COLOURS.items()}
    objective_fmt = typed_format(typed_decimals([objective * 100]), pct=True)
    return Styles(
        title=fmt(bold=True, font_size=14, font_color=TITLE_COLOUR),
        subtitle=fmt(italic=True, font_color=NOTE_FONT),
        section=fmt(bold=True, font_size=11, font_color=TITLE_COLOUR, bottom=1),
        header=fmt(bold=True, bg_color=HEADER_FILL, border=1, text_wrap=True, valign="vcenter"),
        text=fmt(),
        wrap=fmt(text_wrap=True),
        note_cell=fmt(text_wrap=True, indent=1),
        indent=fmt(indent=1),
        bold=fmt(bold=True),
        bold_wrap=fmt(bold=True, text_wrap=True),
        bold_indent=fmt(bold=True, indent=1, align="left"),
        bold_center=fmt(bold=True, align="center", border=1),
        # a one-line note in body size (a sheet whose smallest text is 10 pt may be
        # shrunk further to fit one page wide); a wrapped note paragraph in 9 pt
        note=fmt(italic=True, font_color=NOTE_FONT),
        note_wrap=fmt(italic=True, font_color=NOTE_FONT, font_size=9, text_wrap=True),
        sign_label=fmt(bold=True, valign="bottom"),
        sign_line=fmt(bottom=1, valign="bottom", text_wrap=True),
        paragraph=fmt(text_wrap=True, align="left", valign="top"),
        headline=fmt(bold=True, font_size=11, text_wrap=True, valign="top"),
        money=fmt(num_format=money),
        money2=fmt(num_format=money2),
        money_bold=fmt(num_format=money, bold=True),
        number=fmt(num_format="#,##0.00"),
        number4=fmt(num_format="#,##0.0000"),
        integer=fmt(num_format="#,##0"),
        # one precision per quantity everywhere (REPORT.md): ROI % and other shares to 1
        # decimal, BCR to 2, payback months to 1 - as the narrative writes them
        pct=fmt(num_format="0.0%"),
        pct1=fmt(num_format="0.0%"),
        pct_bold=fmt(num_format="0.0%", bold=True),
        pct_left=fmt(num_format="0.0%", align="left"),
        number_left=fmt(num_format="General", align="left"),
        change=fmt(num_format="+0%;-0%;0%"),
        center=fmt(align="center", text_wrap=True),
        right=fmt(align="right", text_wrap=True),  # "not recovered within 12 months" wraps
        ratio=fmt(num_format="0.00"),
        months=fmt(num_format="0.0"),
        # months as typed or computed, 12 or 12.5: "General" (Excel shows 0.## as "12.")
        month_count=fmt(num_format="General"),
        input_number=fmt(num_format="General", **input_font),
        input_money=fmt(num_format=money, **input_font),
        input_money2=fmt(num_format=money2, **input_font),
        input_pct=fmt(num_format="0.00%", **input_font),
        input_text=fmt(text_wrap=True, **input_font),
        scenario_pct=fmt(num_format="0.0%", **editable),
        scenario_money=fmt(num_format=money, **editable),
        scenario_money2=fmt(num_format=money2, **editable),
        # benefit months as the reported figure beside them shows them: 12, 12.5
        scenario_months=fmt(num_format="General", **editable),
        change_pp=fmt(num_format="+0.0;-0.0;0.0"),
        total_label=fmt(**total),
        total_money=fmt(num_format=money, **total),
        total_number=fmt(num_format="#,##0.00", **total),
        score=fmt(num_format="#,##0.0"),
        total_score=fmt(num_format="#,##0.0", **total),
        bands=bands,
        money_fmt=money,
        money2_fmt=money2,
        objective=fmt(num_format=objective_fmt),
        objective_left=fmt(num_format=objective_fmt, align="left"),
        input_objective=fmt(num_format=objective_fmt, **input_font),
        _wb=wb,
        _currency=currency,
    )
