"""The portfolio's Benchmarks sheet (each program against its organisation's programs) and
`roti-excel portfolio` (the portfolio from the ledger, on demand, filtered)."""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path
from typing import Any

import openpyxl
from click.testing import CliRunner

from roti_excel.cli import cli
from roti_excel.dropfolder.ledger import Answer, Ledger, ledger_path
from roti_excel.report.portfolio import ProgramRow, write_portfolio
from roti_excel.report.portfolio_benchmarks import MIN_PEERS, standings

NOW = dt.datetime(2026, 3, 1, 10, 0)


def _summary(name: str, roi: float, *, organisation: str = "PT A",  # noqa: PLR0913
             favourable: float = 80.0,
             l3: float | None = 3.0, scale: str = "1-4") -> dict[str, Any]:
    return {"program": name, "organization": organisation, "currency": "IDR",
            "language": "en", "objective_pct": 25.0,
            "total": {"benefits": 100.0 + roi, "costs": 100.0, "net_benefits": roi,
                      "bcr": (100.0 + roi) / 100, "roi_pct": roi, "band": "high",
                      "status": "credible", "caveats": []},
            "levels": {"reaction": {"evaluated": True, "favourable_pct": favourable},
                       "learning": {"evaluated": False},
                       "application": {"evaluated": l3 is not None, "mean": l3,
                                       "scale": scale}}}


def _row(name: str, roi: float, **kw: Any) -> ProgramRow:
    return ProgramRow.from_summary(_summary(name, roi, **kw), f"{name}.xlsx", NOW)  # type: ignore[arg-type]


class TestStandings:
    def test_median_and_position_among_the_organisations_programs(self) -> None:
        rois = [10.0, 20.0, 30.0, 40.0, 100.0]
        rows = [_row(f"P{i}", roi) for i, roi in enumerate(rois)]
        roi_standing = [s[4] for s in standings(rows)]
        assert {s.median for s in roi_standing} == {statistics.median(rois) / 100}
        assert [s.position for s in roi_standing] == ["bottom", "below", "above", "above",
                                                      "top"]
        assert all(s.peers == len(rois) for s in roi_standing)

    def test_too_few_programs_or_another_organisation_are_not_compared(self) -> None:
        rows = [_row("A", 10.0), _row("B", 20.0), _row("C", 90.0, organisation="PT B")]
        assert MIN_PEERS == 3
        assert {s[4].position for s in standings(rows)} == {"few"}
        assert all(s[4].median is None for s in standings(rows))

    def test_level_3_only_on_the_same_scale(self) -> None:
        rows = [_row("A", 1.0, l3=3.0), _row("B", 1.0, l3=3.5), _row("C", 1.0, l3=2.0),
                _row("D", 1.0, l3=4.5, scale="1-5")]
        l3 = [s[2] for s in standings(rows)]
        assert [s.peers for s in l3] == [3, 3, 3, 1]
        assert l3[3].position == "few" and l3[0].median == 3.0

    def test_sheet_colours_and_numbers(self, tmp_path: Path) -> None:
        rows = [_row(f"P{i}", roi, favourable=fav)
                for i, (roi, fav) in enumerate([(10.0, 60.0), (50.0, 90.0), (30.0, 75.0)])]
        path = tmp_path / "portfolio.xlsx"
        write_portfolio(path, rows, [], NOW)
        ws = openpyxl.load_workbook(path)["Benchmarks"]
        table = {r[0]: r for r in ws.iter_rows(min_row=5, values_only=True)}
        # L1 favourable: value, median, n, position
        assert table["P1"][2:6] == (0.9, 0.75, 3, "top quarter")
        assert table["P0"][2:6] == (0.6, 0.75, 3, "bottom quarter")
        # L5 ROI: the fifth figure's columns
        assert table["P2"][18:22] == (0.3, 0.3, 3, "at or above median")
        fills = {ws.cell(r, 3).value: ws.cell(r, 3).fill.fgColor.rgb for r in range(5, 8)}
        assert fills[0.9] != fills[0.6]


def _ledger_with(folder: Path, rows: list[tuple[str, dict[str, Any] | None, dt.datetime]]
                 ) -> None:
    reports = folder / "reports"
    reports.mkdir(parents=True)
    ledger = Ledger(ledger_path(reports))
    for name, summary, when in rows:
        ledger.record(name, Answer(
            ok=summary is not None, moved_to=name, reason="" if summary else f"{name}: bad",
            finished=when, report=f"{name}_report.xlsx" if summary else None,
            errors_file=None if summary else f"{name}.errors.txt", summary=summary))
    ledger.close()


class TestPortfolioCommand:
    def test_rebuilds_from_the_ledger_with_filters(self, tmp_path: Path) -> None:
        folder = tmp_path / "drop"
        _ledger_with(folder, [
            ("a.xlsx", _summary("Alpha", 10.0), NOW - dt.timedelta(days=40)),
            ("b.xlsx", _summary("Beta", 20.0, organisation="PT B"), NOW),
            ("c.xlsx", None, NOW)])
        runner = CliRunner()
        result = runner.invoke(cli, ["portfolio", str(folder)])
        assert result.exit_code == 0, result.output
        assert "2 program(s), 1 failed file(s)" in result.output
        path = folder / "reports" / "portfolio.xlsx"
        text = [v for r in openpyxl.load_workbook(path)["Portfolio"].iter_rows(values_only=True)
                for v in r]
        assert "Alpha" in text and "Beta" in text and "c.xlsx" in text

        since = (NOW - dt.timedelta(days=1)).strftime("%Y-%m-%d")
        result = runner.invoke(cli, ["portfolio", str(folder), "--since", since,
                                     "--organisation", "pt b"])
        assert result.exit_code == 0, result.output
        filtered = folder / "reports" / f"portfolio_pt-b_since-{since}.xlsx"
        text = [v for r in openpyxl.load_workbook(filtered)["Portfolio"].iter_rows(
            values_only=True) for v in r]
        assert "Beta" in text and "Alpha" not in text and "c.xlsx" not in text

    def test_output_must_be_a_workbook(self, tmp_path: Path) -> None:
        folder = tmp_path / "drop"
        folder.mkdir()
        result = CliRunner().invoke(cli, ["portfolio", str(folder), "-o",
                                          str(tmp_path / "p.csv")])
        assert result.exit_code == 2 and "name it .xlsx" in result.output


def test_level_3_of_an_unknown_scale_is_not_compared() -> None:
    rows = [_row(n, 1.0, l3=3.0, scale="") for n in "ABCD"]
    assert {s[2].position for s in standings(rows)} == {"few"}
    assert {s[2].peers for s in standings(rows)} == {0}


def test_no_chart_of_more_programs_than_a_chart_can_show(tmp_path: Path) -> None:
    from roti_excel.report.portfolio import CHART_MAX_PROGRAMS

    for n, charted in ((3, True), (CHART_MAX_PROGRAMS + 1, False)):
        path = tmp_path / f"p{n}.xlsx"
        write_portfolio(path, [_row(f"P{i}", float(i)) for i in range(n)], [], NOW)
        ws = openpyxl.load_workbook(path)["Portfolio"]
        notes = [v for r in ws.iter_rows(values_only=True) for v in r
                 if isinstance(v, str) and v.startswith("No chart")]
        assert (len(ws._charts) == 1) is charted and (not notes) is charted
