"""Native Excel charts over the report's own cells (ranges given as
[sheet, first row, first col, last row, last col], 0-based)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from roti_excel.report.book import CHART_TEXT_PT, Book
from roti_excel.report.palette import CHART_COLOURS, FONT, GRID_LINE

Range = list[Any]
Series = tuple[str, Range]


Axes = tuple[dict[str, Any], dict[str, Any]]


# what xlsxwriter takes for a cell reference in a chart title, axis or series name
_LOOKS_LIKE_REF = re.compile(r"^=?[^!]+!\$?[A-Z]+\$?\d+")


def inert(text: str) -> str:
    """A title or series name as plain text: user text that looks like `Sheet!A1` would be
    read as a reference to that cell, so a zero-width space goes after each "!"."""
    text = text[:255]
    return text.replace("!", "!\u200b") if _LOOKS_LIKE_REF.match(text) else text


def _frame(chart: Any, title: str, *, legend: bool) -> None:
    """The title, the legend (at the bottom, or none) and the chart area's border."""
    chart.set_title({"name": inert(title), "name_font": {"name": FONT, "size": 11, "bold": True}})
    chart.set_legend({"position": "bottom", "font": {"name": FONT, "size": CHART_TEXT_PT}}
                     if legend else {"none": True})
    chart.set_chartarea({"border": {"color": "#BFBFBF"}})


def _axis_specs(num_format: str | None, y_title: str, x_title: str) -> Axes:
    """The value and category axes' options: fonts, gridlines, number format, titles."""
    value_axis: dict[str, Any] = {"num_font": {"name": FONT, "size": CHART_TEXT_PT},
                                  "major_gridlines": {"visible": True,
                                                      "line": {"color": GRID_LINE}}}
    if num_format:
        value_axis["num_format"] = num_format
    if y_title:
        value_axis["name"] = inert(y_title)
        value_axis["name_font"] = {"name": FONT, "size": CHART_TEXT_PT}
    cat_axis: dict[str, Any] = {"num_font": {"name": FONT, "size": CHART_TEXT_PT}}
    if x_title:
        cat_axis["name"] = inert(x_title)
        cat_axis["name_font"] = {"name": FONT, "size": CHART_TEXT_PT}
    return value_axis, cat_axis


def _axes(chart: Any, axes: Axes, *, horizontal: bool,
          extra_value: dict[str, Any] | None = None) -> None:
    value_axis, cat_axis = axes
    if extra_value:
        value_axis.update(extra_value)
    if horizontal:  # a bar chart's value axis is its x axis
        chart.set_x_axis(value_axis)
        chart.set_y_axis({**cat_axis, "reverse": True})
    else:
        chart.set_y_axis(value_axis)
        chart.set_x_axis(cat_axis)


# the chart's cells, then its options: keyword-only, each caller names the few it sets
def bar(book: Book, title: str, categories: Range, series: Sequence[Series],  # noqa: PLR0913
        num_format: str | None = None, *, horizontal: bool = False, stacked_pct: bool = False,
        y_title: str = "", x_title: str = "", value_min: float | None = None,
        value_max: float | None = None, colours: Sequence[str] = CHART_COLOURS,
        overlap: int | None = None) -> Any:
    """A column chart (vertical bars), a bar chart (horizontal), or a 100 % stacked bar;
    `overlap` 100 draws each category's bars on one line (a tornado)."""
    options: dict[str, Any] = {"type": "bar" if horizontal else "column"}
    if stacked_pct:
        options["subtype"] = "percent_stacked"
    chart = book.wb.add_chart(options)
    for i, (name, values) in enumerate(series):
        spec: dict[str, Any] = {"name": inert(name), "categories": categories, "values": values,
                                "fill": {"color": colours[i % len(colours)]},
                                "border": {"none": True}}
        if stacked_pct:
            spec["gap"] = 60
        if overlap is not None:
            spec["overlap"] = overlap
            spec["gap"] = 40
        chart.add_series(spec)
    _frame(chart, title, legend=len(series) > 1)
    axes = _axis_specs(num_format, y_title, x_title)
    extra: dict[str, Any] = {}
    if value_min is not None:
        extra["min"] = value_min
    if value_max is not None:
        extra["max"] = value_max
    if overlap is not None:  # bars either side of 0: the category names at the far left
        axes[1]["label_position"] = "low"
    _axes(chart, axes, horizontal=horizontal, extra_value=extra)
    return chart


# the chart's cells, then its options: keyword-only, each caller names the few it sets
def line(book: Book, title: str, categories: Range | None,  # noqa: PLR0913
         series: Sequence[Series],
         num_format: str | None = None, *, y_title: str = "", x_title: str = "",
         dashed: Sequence[bool] = (), x_format: str | None = None,
         rotate_labels: bool = False) -> Any:
    chart = book.wb.add_chart({"type": "line"})
    for i, (name, values) in enumerate(series):
        colour = CHART_COLOURS[i % len(CHART_COLOURS)]
        line_spec: dict[str, Any] = {"color": colour, "width": 2}
        if i < len(dashed) and dashed[i]:
            line_spec["dash_type"] = "dash"
        spec: dict[str, Any] = {"name": inert(name), "values": values, "line": line_spec,
                                "marker": {"type": "circle", "size": 4,
                                           "fill": {"color": colour},
                                           "border": {"color": colour}}}
        if categories is not None:  # without, the points are numbered 1, 2, ...
            spec["categories"] = categories
        chart.add_series(spec)
    _frame(chart, title, legend=len(series) > 1)
    value_axis, cat_axis = _axis_specs(num_format, y_title, x_title)
    if x_format:
        cat_axis["num_format"] = x_format
    if rotate_labels:
        cat_axis["num_font"] = {**cat_axis["num_font"], "rotation": -45}
    _axes(chart, (value_axis, cat_axis), horizontal=False)
    return chart
