"""portfolio.xlsx: every program of a drop folder side by side, sorted by ROI, with totals,
a chart of ROI by program against its objective, and the files that failed.

The rows come from the JSON summaries (:class:`ProgramRow.from_summary`); the drop folder
decides which summaries and failures belong in it (roti_excel.dropfolder.portfolio)."""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from roti_excel.atomic import write_bytes
from roti_excel.domain import Band
from roti_excel.report.palette import BAND_COLOURS, GRID_LINE, HEADER_FILL, NOTE_FONT, TITLE_COLOUR
from roti_excel.report.portfolio_benchmarks import write_benchmarks, write_maybe
from roti_excel.summary import Summary

_MAX_TEXT = 2000  # a cell holds 32,767 characters; an error line needs far fewer
CHART_MAX_PROGRAMS = 60  # beyond this a column per program is unreadable (and slow)
_BAND_VALUES = {b.value for b in Band}

# The portfolio's words, (English, Indonesian); it speaks the language of most of its
# programs (English on a tie), or the one asked for.
WORDS: dict[str, tuple[str, str]] = {
    "title": ("Training ROI portfolio", "Portofolio ROI pelatihan"),
    "sheet": ("Portfolio", "Portofolio"),
    "note": ("{programs} program(s), {failed} failed file(s); updated {updated}. Sorted by "
             "ROI, highest first. Band: high = ROI at or above the program's objective, thin "
             "positive = from 0 up to it, negative = below 0.",
             "{programs} program, {failed} file gagal; diperbarui {updated}. Diurutkan menurut "
             "ROI, tertinggi dulu. Kategori: tinggi = ROI mencapai atau melampaui target "
             "program, positif tipis = dari 0 sampai target, negatif = di bawah 0."),
    "none_yet": ("No program has been processed yet.", "Belum ada program yang diproses."),
    "total": ("Total", "Total"),
    "total_in": ("Total in", "Total dalam"),
    "failed_title": ("Failed files ({n})", "File gagal ({n})"),
    "none": ("None.", "Tidak ada."),
    "chart": ("ROI by program", "ROI per program"),
    "objective": ("ROI objective", "Target ROI"),
    "no_chart": ("No chart: {n} programs are too many to read in one; filter them with "
                 "roti-excel portfolio --organisation or --since.",
                 "Tanpa grafik: {n} program terlalu banyak untuk dibaca dalam satu grafik; "
                 "saring dengan roti-excel portfolio --organisation atau --since."),
    "no_roi": ("no ROI", "tanpa ROI"), "no_costs": ("no costs", "tanpa biaya"),
    "history_sheet": ("History", "Riwayat"),
    "history_note": ("Reports replaced by a newer report of the same program and period "
                     "(newest first).",
                     "Laporan yang digantikan laporan lebih baru untuk program dan periode "
                     "yang sama (terbaru dulu)."),
}
# (header in English, in Indonesian)
HEADERS: tuple[tuple[str, str], ...] = (
    ("Program", "Program"), ("Organisation", "Organisasi"), ("Currency", "Mata uang"),
    ("Groups", "Kelompok"), ("Participants", "Peserta"), ("Benefits", "Manfaat"),
    ("Costs", "Biaya"), ("Net benefits", "Manfaat bersih"), ("BCR", "BCR"),
    ("ROI %", "ROI %"), ("ROI objective %", "Target ROI %"), ("Band", "Kategori"),
    ("Credibility", "Kredibilitas"), ("Payback (months)", "Periode pengembalian (bulan)"),
    ("Report", "Laporan"), ("Processed at", "Diproses pada"))
FAILED_HEADERS = (("File", "File"), ("First error", "Kesalahan pertama"),
                  ("Errors file", "File kesalahan"), ("Failed at", "Gagal pada"))


def word(key: str, lang: str, **values: object) -> str:
    text = WORDS[key][1 if lang == "id" else 0]
    return text.format(**values) if values else text


def report_word(key: str, lang: str) -> str:
    """A band, status or caveat as the report names it, in lower case for the table
    ("thin positive", "sementara"); the key itself, spaced, when the report has none."""
    from roti_excel.report.labels import Labels

    t = Labels(lang)
    return t.get(key, key.split("_", 1)[-1].replace("_", " ")).lower()


def portfolio_language(programs: Sequence[ProgramRow]) -> str:
    """The language most programs speak; English on a tie or with none."""
    ids = sum(1 for p in programs if p.language == "id")
    return "id" if ids * 2 > len(programs) else "en"


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


@dataclass(frozen=True)
class ProgramRow:
    """One program, from its JSON summary."""

    program: str
    organisation: str
    currency: str
    groups: int
    participants: float | None
    benefits: float
    costs: float
    net: float | None  # None when the program claims no monetary benefit
    bcr: float | None
    roi_pct: float | None
    objective_pct: float | None
    band: Band | None
    payback_months: float | None
    report: str
    processed_at: dt.datetime
    status: str = ""  # credible, provisional, not_monetised ("" from an older summary)
    caveats: tuple[str, ...] = ()
    language: str = "en"  # the workbook's
    # key figures of levels 1-3 (None when the level was not evaluated)
    l1_favourable_pct: float | None = None
    l2_pass_rate_pct: float | None = None
    l3_mean: float | None = None
    l3_scale: str = ""  # "1-4": level 3 means compare only on the same scale

    @property
    def credibility(self) -> str:
        """"provisional (no isolation, costs not fully loaded)", as the portfolio shows it."""
        return self.credibility_in("en")

    def credibility_in(self, lang: str) -> str:
        """The status and its reasons in `lang` ("sementara (tanpa isolasi, ...)")."""
        if not self.status:
            return ""
        status = report_word("status_" + self.status, lang)
        reasons = ", ".join(report_word("caveat_" + c, lang) for c in self.caveats)
        return f"{status} ({reasons})" if reasons else status

    @classmethod
    def from_summary(cls, summary: Summary, report: str,
                     processed_at: dt.datetime) -> ProgramRow:
        """A row from a summary as `roti_excel.summary` writes it; a summary read back from
        disk is checked value by value (a number that is not one reads as unknown)."""
        total: Mapping[str, Any] = summary.get("total") or {}
        groups: list[Mapping[str, Any]] = [
            g for g in summary.get("groups") or [] if isinstance(g, Mapping)]
        band = total.get("band")
        levels = _levels(summary)
        return cls(
            program=str(summary.get("program") or ""),
            organisation=str(summary.get("organization") or ""),
            currency=str(summary.get("currency") or ""),
            groups=max(1, len(groups)),  # no Groups sheet: the program is one group
            participants=_participants(summary, groups),
            benefits=_number(total.get("benefits")) or 0.0,
            costs=_number(total.get("costs")) or 0.0,
            net=_number(total.get("net_benefits")),
            bcr=_number(total.get("bcr")),
            roi_pct=_number(total.get("roi_pct")),
            objective_pct=_number(summary.get("objective_pct")),
            band=Band(band) if band in _BAND_VALUES else None,
            payback_months=_number(total.get("payback_months")),
            report=report,
            processed_at=processed_at,
            status=str(total.get("status") or ""),
            caveats=tuple(str(c) for c in total.get("caveats") or () if isinstance(c, str)),
            language="id" if summary.get("language") == "id" else "en",
            l1_favourable_pct=_number(levels["reaction"].get("favourable_pct")),
            l2_pass_rate_pct=_number(levels["learning"].get("pass_rate_pct")),
            l3_mean=_number(levels["application"].get("mean")),
            l3_scale=str(levels["application"].get("scale") or ""),
        )


def _levels(summary: Summary) -> dict[str, Mapping[str, Any]]:
    """The summary's levels 1-3, each a mapping (empty when missing or not one)."""
    levels = summary.get("levels")
    levels = levels if isinstance(levels, Mapping) else {}
    return {name: level if isinstance(level := levels.get(name), Mapping) else {}
            for name in ("reaction", "learning", "application")}


def _participants(summary: Summary, groups: list[Mapping[str, Any]]) -> float | None:
    """The participants of every group when each states them, else those who sat the
    level-2 test; None when unknown."""
    per_group = [_number(g.get("participants")) for g in groups]
    if per_group and all(n is not None for n in per_group):
        return sum(n for n in per_group if n is not None)
    learning = (summary.get("levels") or {}).get("learning") or {}
    return _number(learning.get("participants")) if isinstance(learning, Mapping) else None


@dataclass(frozen=True)
class FailedRow:
    """One input that produced no report."""

    file: str
    first_error: str
    failed_at: dt.datetime
    errors_file: str


_NOT_MONETISED = "not_monetised"


def _sort_key(row: ProgramRow) -> tuple[bool, float, str]:
    return (row.roi_pct is None, -(row.roi_pct or 0.0), row.program.casefold())


# (width, number format key) of each column, in the order of HEADERS
COLUMNS: tuple[tuple[int, str], ...] = (
    (40, "text"), (24, "text"), (9, "text"), (8, "int"), (12, "int"), (17, "money"),
    (17, "money"), (17, "money"), (8, "ratio"), (10, "pct"), (10, "pct"), (13, "text"),
    (30, "text"), (10, "ratio"), (36, "text"), (17, "time"),
)
# The failed files sit under the programs, in columns whose widths fit them: the first error
# runs across the empty columns B to N, the errors file and time line up with Report and
# Processed at.
FAILED_COLUMNS = (0, 1, 14, 15)
_TITLE_ROW, _NOTE_ROW, _HEAD_ROW = 0, 1, 3
_FIRST = _HEAD_ROW + 1


class _Formats:
    def __init__(self, wb: Any, lang: str) -> None:
        self.lang = lang
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.note = wb.add_format({"italic": True, "font_color": NOTE_FONT})
        self.head = wb.add_format({"bold": True, "bg_color": HEADER_FILL, "border": 1,
                                   "text_wrap": True, "valign": "top"})
        self.section = wb.add_format({"bold": True, "font_size": 12})
        base = {"text": "@", "int": "#,##0", "money": "#,##0", "ratio": "0.00",
                "pct": "0.0%", "time": "yyyy-mm-dd hh:mm"}
        self.cell = {k: wb.add_format({"num_format": v}) for k, v in base.items()}
        self.total = {k: wb.add_format({"num_format": v, "bold": True, "top": 1})
                      for k, v in base.items()}
        self.band = {b: wb.add_format({"bg_color": fill, "font_color": font})
                     for b, (fill, font) in BAND_COLOURS.items()}
        self.band_pct = {b: wb.add_format({"bg_color": fill, "font_color": font,
                                           "num_format": "0.0%"})
                         for b, (fill, font) in BAND_COLOURS.items()}
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})


def _text(value: str) -> str:
    return value if len(value) <= _MAX_TEXT else value[: _MAX_TEXT - 1] + "…"


# the file, its rows, then when and in which language (default: its programs'), and the
# reports the programs' newest ones replaced
def write_portfolio(path: Path, programs: Sequence[ProgramRow],  # noqa: PLR0913
                    failed: Sequence[FailedRow], updated: dt.datetime | None = None,
                    lang: str | None = None, *,
                    history: Sequence[ProgramRow] = ()) -> None:
    """Write portfolio.xlsx atomically (a reader never sees half a file)."""
    lang = lang or portfolio_language(programs)
    rows = sorted(programs, key=_sort_key)
    failures = sorted(failed, key=lambda f: f.failed_at, reverse=True)
    updated = updated or dt.datetime.now()
    # built in memory, then written in one step: a full disk fails our write (an OSError,
    # nothing left behind), not xlsxwriter's zip half-way through
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False,
                                      "strings_to_urls": False,
                                      "strings_to_numbers": False, "in_memory": True})
    wb.set_properties({"title": word("title", lang), "comments": "roti-excel"})
    fmt = _Formats(wb, lang)
    ws = wb.add_worksheet(word("sheet", lang))
    ws.write_string(_TITLE_ROW, 0, word("title", lang), fmt.title)
    ws.write_string(_NOTE_ROW, 0, word("note", lang, programs=len(rows),
                                       failed=len(failures),
                                       updated=f"{updated:%Y-%m-%d %H:%M}"), fmt.note)
    _table_head(ws, fmt)
    for r, row in enumerate(rows, start=_FIRST):
        _write_program(ws, r, row, fmt)
    last = _FIRST + len(rows) - 1
    if rows:
        ws.autofilter(_HEAD_ROW, 0, last, len(COLUMNS) - 1)
        next_row = _write_totals(ws, rows, last + 1, fmt)
    else:
        ws.write_string(_FIRST, 0, word("none_yet", lang), fmt.note)
        next_row = _FIRST + 1
    next_row = _write_failures(ws, failures, next_row + 2, fmt)
    if len(rows) > CHART_MAX_PROGRAMS:
        ws.write_string(next_row + 2, 0, word("no_chart", lang, n=len(rows)), fmt.note)
    elif rows:
        _add_chart(wb, ws, rows, last, next_row + 2, lang)
    ws.activate()
    if rows:
        write_benchmarks(wb, rows, fmt)
    if history:
        _write_history(wb, history, fmt)
    wb.close()
    write_bytes(path, buffer.getvalue())


def _table_head(ws: Any, fmt: _Formats) -> None:
    for col, (width, _kind) in enumerate(COLUMNS):
        ws.write_string(_HEAD_ROW, col, HEADERS[col][1 if fmt.lang == "id" else 0], fmt.head)
        ws.set_column(col, col, width)
    ws.freeze_panes(_FIRST, 1)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(_HEAD_ROW)


def _write_history(wb: Any, history: Sequence[ProgramRow], fmt: _Formats) -> None:
    """The superseded reports, newest first, in the programs' columns."""
    ws = wb.add_worksheet(word("history_sheet", fmt.lang))
    ws.write_string(_TITLE_ROW, 0, word("history_sheet", fmt.lang), fmt.title)
    ws.write_string(_NOTE_ROW, 0, word("history_note", fmt.lang), fmt.note)
    _table_head(ws, fmt)
    rows = sorted(history, key=lambda p: p.processed_at, reverse=True)
    for r, row in enumerate(rows, start=_FIRST):
        _write_program(ws, r, row, fmt)
    ws.autofilter(_HEAD_ROW, 0, _FIRST + len(rows) - 1, len(COLUMNS) - 1)


def _write_program(ws: Any, r: int, row: ProgramRow, fmt: _Formats) -> None:
    cell = fmt.cell
    ws.write_string(r, 0, _text(row.program))
    ws.write_string(r, 1, _text(row.organisation))
    ws.write_string(r, 2, _text(row.currency))
    ws.write_number(r, 3, row.groups, cell["int"])
    write_maybe(ws, r, 4, row.participants, cell["int"])
    ws.write_number(r, 5, row.benefits, cell["money"])
    ws.write_number(r, 6, row.costs, cell["money"])
    write_maybe(ws, r, 7, row.net, cell["money"])
    write_maybe(ws, r, 8, row.bcr, cell["ratio"])
    write_maybe(ws, r, 9, None if row.roi_pct is None else row.roi_pct / 100,
           fmt.band_pct[row.band])
    write_maybe(ws, r, 10, None if row.objective_pct is None else row.objective_pct / 100,
           cell["pct"])
    label = report_word("band_" + row.band.key, fmt.lang) if row.band else word(
        "no_roi" if row.status == _NOT_MONETISED else "no_costs", fmt.lang)
    ws.write_string(r, 11, label, fmt.band[row.band])
    ws.write_string(r, 12, row.credibility_in(fmt.lang), fmt.wrap)
    write_maybe(ws, r, 13, row.payback_months, cell["ratio"])
    ws.write_string(r, 14, _text(row.report))
    ws.write_datetime(r, 15, row.processed_at, cell["time"])


def _write_totals(ws: Any, rows: Sequence[ProgramRow], r: int, fmt: _Formats) -> int:
    """One totals row per currency, as SUMIF formulas over the table (with their values)."""
    currencies = sorted({row.currency for row in rows})
    first, last = _FIRST + 1, _FIRST + len(rows)  # 1-based rows for A1 ranges
    tot = fmt.total
    for currency in currencies:
        # programs that claim no monetary benefit have no ROI: their costs stay out of the
        # portfolio's ratios
        mine = [row for row in rows if row.currency == currency and row.status != _NOT_MONETISED]
        label = word("total" if len(currencies) == 1 else "total_in", fmt.lang)
        ws.write_string(r, 0, label, tot["text"])
        ws.write_string(r, 1, "", tot["text"])
        ws.write_string(r, 2, currency, tot["text"])
        criteria = xl_rowcol_to_cell(r, 2, row_abs=True, col_abs=True)
        sums = {3: float(sum(x.groups for x in mine)),
                4: float(sum(x.participants or 0.0 for x in mine)),
                5: sum(x.benefits for x in mine), 6: sum(x.costs for x in mine),
                7: sum(x.net or 0.0 for x in mine)}
        for col, value in sums.items():
            if col == 4 and all(x.participants is None for x in mine):
                ws.write_blank(r, col, None, tot["int"])  # unknown, not zero
                continue
            letter = xl_col_to_name(col)
            kind = "int" if col in (3, 4) else "money"
            ws.write_formula(r, col, f"=SUMIFS({letter}${first}:{letter}${last},"
                                     f"$C${first}:$C${last},{criteria},"
                                     f'$M${first}:$M${last},'
                                     f'"<>{report_word("status_" + _NOT_MONETISED, fmt.lang)}")',
                             tot[kind], value)
        benefits, costs = xl_rowcol_to_cell(r, 5), xl_rowcol_to_cell(r, 6)
        net = xl_rowcol_to_cell(r, 7)
        has_costs = sums[6] > 0
        ws.write_formula(r, 8, f'=IF({costs}>0,{benefits}/{costs},"")', tot["ratio"],
                         sums[5] / sums[6] if has_costs else "")
        ws.write_formula(r, 9, f'=IF({costs}>0,{net}/{costs},"")', tot["pct"],
                         sums[7] / sums[6] if has_costs else "")
        for col in range(10, len(COLUMNS)):
            ws.write_blank(r, col, None, tot["text"])
        r += 1
    return r


# the workbook, its sheet and rows, then where and in which language
def _add_chart(wb: Any, ws: Any, rows: Sequence[ProgramRow], last: int,  # noqa: PLR0913
               at_row: int, lang: str) -> None:
    """Columns of ROI by program, coloured by band, and the objective as a line."""
    sheet = ws.get_name()
    chart = wb.add_chart({"type": "column"})
    chart.add_series({
        "name": "ROI",
        "categories": [sheet, _FIRST, 0, last, 0],
        "values": [sheet, _FIRST, 9, last, 9],
        "points": [{"fill": {"color": BAND_COLOURS[row.band][1]}} for row in rows],
        "gap": 60,
    })
    line = wb.add_chart({"type": "line"})
    line.add_series({
        "name": word("objective", lang),
        "categories": [sheet, _FIRST, 0, last, 0],
        "values": [sheet, _FIRST, 10, last, 10],
        "line": {"color": TITLE_COLOUR, "width": 2, "dash_type": "dash"},
        "marker": {"type": "none"},
    })
    chart.combine(line)
    chart.set_title({"name": word("chart", lang)})
    chart.set_y_axis({"name": "ROI", "num_format": "0%",
                      "major_gridlines": {"visible": True, "line": {"color": GRID_LINE}}})
    chart.set_x_axis({"num_font": {"rotation": -30}, "label_position": "low"})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": max(560, min(1800, 70 * len(rows) + 240)), "height": 400})
    ws.insert_chart(at_row, 0, chart)


def _write_failures(ws: Any, failures: Sequence[FailedRow], r: int, fmt: _Formats) -> int:
    """The failed files from row `r`; returns the last row written."""
    ws.write_string(r, 0, word("failed_title", fmt.lang, n=len(failures)), fmt.section)
    r += 1
    if not failures:
        ws.write_string(r, 0, word("none", fmt.lang), fmt.note)
        return r
    for col, headers in zip(FAILED_COLUMNS, FAILED_HEADERS, strict=True):
        ws.write_string(r, col, headers[1 if fmt.lang == "id" else 0], fmt.head)
    for row in failures:
        r += 1
        ws.write_string(r, 0, _text(row.file))
        ws.write_string(r, 1, _text(row.first_error))
        ws.write_string(r, 14, _text(row.errors_file))
        ws.write_datetime(r, 15, row.failed_at, fmt.cell["time"])
    return r
