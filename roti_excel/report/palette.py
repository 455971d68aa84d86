"""The colours and font of every workbook the tool writes for finance: the report and the
portfolio. One place, so a band looks the same wherever it appears."""

from __future__ import annotations

from roti_excel.domain import Band

FONT = "Calibri"
HEADER_FILL = "#DCE6F1"
TITLE_COLOUR = "#1F3864"
INPUT_FONT = "#1F4E9E"  # values copied from the input workbook: blue, the finance convention
EDITABLE_FILL = "#FFF2CC"  # the Scenarios sheet's cells finance may change
NOTE_FONT = "#595959"
GRID_LINE = "#D9D9D9"
# band -> (fill, font); None: no band (no costs)
BAND_COLOURS: dict[Band | None, tuple[str, str]] = {
    Band.HIGH: ("#C6EFCE", "#006100"),
    Band.THIN_POSITIVE: ("#FFEB9C", "#7F6000"),
    Band.NEGATIVE: ("#FFC7CE", "#9C0006"),
    None: ("#EDEDED", "#404040"),
}
CHART_COLOURS = ("#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47",
                 "#264478", "#9E480E", "#636363", "#997300")
