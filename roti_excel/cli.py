"""The roti-excel command: parses options, calls the library, maps errors to exit codes.

Exit codes (docs/contract.md): 0 done, 1 an input was invalid or failed, 2 usage error.
"""

from __future__ import annotations

import datetime as dt
import signal
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import click

from roti_excel.api import process
from roti_excel.domain import LANGUAGES
from roti_excel.errors import OutputError, RotiError, UsageError
from roti_excel.issues import warning_prefix
from roti_excel.messages import msg
from roti_excel.output_paths import clash, report_path
from roti_excel.summary import Summary, summary_json

LANGS = click.Choice([lang.value for lang in LANGUAGES], case_sensitive=False)


def _echo_issues(messages: list[str]) -> None:
    for line in messages:
        click.echo(line, err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="roti_excel")
def cli() -> None:
    """roti-excel: training evaluation (Kirkpatrick levels 1-4 and Phillips ROI) from an
    Excel workbook to a report workbook finance can audit.

    \b
    Example:
        roti-excel template -o program.xlsx     # fill it in, then
        roti-excel run program.xlsx              # writes program_report.xlsx
    """


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the workbook (default: the template's own name here).")
@click.option("--lang", type=LANGS, default="en", show_default=True,
              help="Language of sheet names, headers and help.")
@click.option("--example", is_flag=True, help="Write the filled thesis example instead.")
def template(output: Path | None, lang: str, *, example: bool) -> None:
    """Write a blank input workbook for HR to fill in, or the filled thesis example.

    \b
    Example:
        roti-excel template --lang id -o pelatihan.xlsx
    """
    from roti_excel.input_template.workbook import template_filename, write_template

    target = output or Path(template_filename(lang.lower(), example=example))
    try:
        written = write_template(target, lang.lower(), example=example)
    except (OSError, RotiError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(msg("wrote", path=str(written)).render(lang.lower()))


@cli.command()
@click.argument("inputs", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", type=LANGS,
              help="Language of the messages (default: the workbook's Language, else that of "
                   "its sheet names).")
@click.option("--quiet", "-q", is_flag=True, help="Show errors only, not warnings.")
def validate(inputs: tuple[Path, ...], lang: str | None, *, quiet: bool) -> None:
    """Check input workbooks and print every problem (errors first, then warnings).

    Exit 0 when no errors (warnings allowed), 1 when any workbook has errors.

    \b
    Example:
        roti-excel validate program.xlsx
    """
    from roti_excel import api

    failed = 0
    for source in inputs:
        loaded = api.load(source)
        shown = loaded.messages(lang)
        _echo_issues(shown[: sum(1 for i in loaded.issues if i.is_error)] if quiet else shown)
        if loaded.ok:
            click.echo(msg("valid", path=str(source)).render(lang or loaded.language))
        else:
            failed += 1
    sys.exit(1 if failed else 0)


@cli.command()
@click.argument("inputs", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Report path (one input only).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the reports (default: beside each input).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the JSON summary here (one input), or '-' for standard output.")
@click.option("--lang", type=LANGS, help="Report language (default: the workbook's Language).")
@click.option("--quiet", "-q", is_flag=True, help="Show errors only, not warnings.")
@click.option("--pdf", is_flag=True,
              help="Also print each report to PDF beside it (needs LibreOffice).")
def run(inputs: tuple[Path, ...], output: Path | None, out_dir: Path | None,  # noqa: PLR0913
        json_out: Path | None, lang: str | None, *, quiet: bool, pdf: bool) -> None:
    """Validate each input and write its report workbook, <name>_report.xlsx.

    With several inputs and --json, each summary is written as <name>_report.json
    beside its report.

    \b
    Example:
        roti-excel run program.xlsx --json summary.json
    """
    if output is not None and len(inputs) > 1:
        raise click.UsageError("-o/--output takes one input; use --out-dir for several")
    to_stdout = json_out is not None and str(json_out) == "-"
    json_file = None if to_stdout else json_out
    plans = [_plan(source, output, out_dir, json_file, several=len(inputs) > 1)
             for source in inputs]
    problem = clash(inputs, [(source, path) for source, report, json_path in plans
                             for path in (report, json_path,
                                          report.with_suffix(".pdf") if pdf else None)
                             if path is not None])
    if problem is not None:
        raise click.UsageError(problem)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    # with --json -, standard output carries the JSON alone; what was written goes to stderr
    status = click.echo if not to_stdout else _echo_status_to_stderr
    failed = 0
    for source, report, json_path in plans:
        try:
            outcome = process(source, report, json_path, lang)
        except OutputError as exc:
            click.echo(f"{source}: {exc.render(lang)}", err=True)
            failed += 1
            continue
        _echo_issues(outcome.errors if quiet else outcome.messages)
        if outcome.ok:
            status(msg("wrote", path=str(report)).render(outcome.language))
            if pdf and not _print_pdf(report, outcome.language, status):
                failed += 1
            if to_stdout and outcome.summary is not None:
                click.echo(summary_json(outcome.summary), nl=False)
        else:
            click.echo(msg("not_processed", path=str(source)).render(outcome.language),
                       err=True)
            failed += 1
    sys.exit(1 if failed else 0)


def _plan(source: Path, output: Path | None, out_dir: Path | None, json_out: Path | None, *,
          several: bool) -> tuple[Path, Path, Path | None]:
    """(input, report, JSON or None) of one input of `run`."""
    report = report_path(source, output, out_dir, ".xlsx")
    if json_out is None:
        return source, report, None
    return source, report, report.with_suffix(".json") if several else json_out


def _print_pdf(report: Path, language: str, status: Callable[[str], None]) -> bool:
    """The report printed to PDF beside it; a message instead when LibreOffice is missing
    or fails (the workbook stays written). True when the PDF was written."""
    from roti_excel.report.pdf import soffice, to_pdf

    target = report.with_suffix(".pdf")
    if soffice() is None:
        click.echo(msg("pdf_no_soffice", path=str(target)).render(language), err=True)
        return False
    try:
        to_pdf(report, target)
    except OutputError as exc:
        click.echo(msg("pdf_failed", path=str(target), reason=exc.render(language))
                   .render(language), err=True)
        return False
    status(msg("wrote", path=str(target)).render(language))
    return True


def _echo_status_to_stderr(line: str) -> None:
    click.echo(line, err=True)


@cli.command()
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("roti_demo"), show_default=True,
              help="Folder for the example input and its report.")
@click.option("--lang", type=LANGS, default="en", show_default=True)
def demo(out_dir: Path, lang: str) -> None:
    """Run the bundled thesis example end to end and print where the report is.

    \b
    Example:
        roti-excel demo --out-dir /tmp/demo
    """
    import shutil

    from roti_excel.input_template.workbook import bundled_template

    out_dir.mkdir(parents=True, exist_ok=True)
    source = out_dir / bundled_template(lang.lower(), example=True).name
    shutil.copyfile(bundled_template(lang.lower(), example=True), source)
    report = report_path(source, None, out_dir, ".xlsx")
    try:
        outcome = process(source, report, report.with_suffix(".json"), None)
    except OutputError as exc:
        raise click.ClickException(exc.render()) from exc
    _echo_issues(outcome.messages)
    summary = outcome.summary
    if not outcome.ok or summary is None:
        raise click.ClickException("the bundled example did not validate; reinstall roti_excel")
    _echo_demo(summary, source, report)


def _echo_demo(summary: Summary, source: Path, report: Path) -> None:
    """Where the demo wrote, and its headline figures in the example's language, at the
    report's precisions (money to the rupiah, BCR 2 decimals, ROI 1), with the band and
    the credibility status and its reasons in words."""
    from roti_excel.narrative.numbers import format_money, format_number
    from roti_excel.report.labels import Labels

    lang, total, currency = summary["language"], summary["total"], summary["currency"]
    t = Labels(lang)
    for key, path in (("demo_input", source), ("demo_report", report),
                      ("demo_summary", report.with_suffix(".json"))):
        click.echo(msg(key, path=str(path)).render(lang))
    status = t("status_" + total["status"])
    if total["caveats"]:
        status += ": " + ", ".join(t("caveat_" + c) for c in total["caveats"])
    costs = format_money(total["costs"], currency, lang)
    if total["bcr"] is None or total["roi_pct"] is None or total["band"] is None:
        click.echo(msg("demo_no_roi", program=summary["program"], costs=costs,
                       status=status).render(lang))
        return
    click.echo(msg("demo_headline", program=summary["program"],
                   benefits=format_money(total["benefits"], currency, lang), costs=costs,
                   bcr=format_number(total["bcr"], 2, lang),
                   roi=format_number(total["roi_pct"], 1, lang),
                   band=t("band_" + total["band"]), status=status).render(lang))


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for reports (default: FOLDER/reports).")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: cores).")
def batch(folder: Path, out_dir: Path | None, workers: int | None) -> None:
    """Process every workbook in FOLDER once, plus a portfolio summary workbook.

    Inputs stay where they are; reports, <name>.errors.txt and portfolio.xlsx go to
    FOLDER/reports. Exit 1 if any file failed.

    \b
    Example:
        roti-excel batch ./dropbox --workers 2
    """
    from roti_excel.dropfolder.batch import run_batch

    try:
        outcome = run_batch(folder, out_dir=out_dir, workers=workers)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
    sys.exit(0 if outcome.ok else 1)


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--settle", type=click.FloatRange(min=0), default=2.0, show_default=True,
              help="Seconds a file's size must stay unchanged before it is picked up.")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: cores).")
def watch(folder: Path, settle: float, workers: int | None) -> None:
    """Drop-folder runner: process each workbook dropped into FOLDER until Ctrl-C.

    Good inputs move to FOLDER/processed, bad ones to FOLDER/failed with an errors file;
    reports, portfolio.xlsx, roti.log and the ledger (ledger.sqlite: every file seen and
    what became of it) go to FOLDER/reports. A file is picked up once it has been unchanged
    for --settle seconds and no program holds it open for writing. One runner per folder.

    Ignored (never answered, never moved): subfolders, office lock files (~$x.xlsx,
    .~lock.x.xlsx#), hidden files (.x, ~x), temporary and partial downloads (.tmp, .temp,
    .part, .partial, .crdownload, .download, .swp, .lock, names ending in ~), Excel's save
    temporaries (8 hexadecimal characters), Thumbs.db, desktop.ini, .DS_Store. Links and
    anything that is not a workbook are answered in failed/, never followed.

    \b
    Example:
        roti-excel watch ./dropbox
    """
    from roti_excel.dropfolder.batch import watch_folder

    try:
        watch_folder(folder, settle=settle, workers=workers)
    except UsageError as exc:  # another runner answers this folder: exit 2
        raise click.UsageError(str(exc)) from exc
    except OutputError as exc:  # its ledger cannot be opened (a full or read-only disk)
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Only reports made on or after this date (YYYY-MM-DD).")
@click.option("--organisation", "--organization", "organisation",
              help="Only this organisation's programs (as in its Program sheet).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write it (default: FOLDER/reports/portfolio.xlsx; a filtered "
                   "one gets a name saying its filters).")
def portfolio(folder: Path, since: dt.datetime | None, organisation: str | None,
              output: Path | None) -> None:
    """Rebuild a drop folder's portfolio.xlsx from its ledger, on demand.

    The newest report of each program and period, the reports they replaced (History),
    each program's key figures against its organisation's (Benchmarks) and the failed files.

    \b
    Example:
        roti-excel portfolio ./dropbox --since 2026-01-01 --organisation "PT Contoh"
    """
    from roti_excel.dropfolder.portfolio import rebuild_portfolio

    if output is not None and output.suffix.lower() != ".xlsx":
        raise click.UsageError(f"{output}: the portfolio is an Excel workbook; name it .xlsx")
    try:
        path, programs, failed = rebuild_portfolio(folder, output, since, organisation)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
    except (OSError, OutputError, sqlite3.Error) as exc:
        click.echo(f"error: cannot write the portfolio: {exc}", err=True)
        sys.exit(1)
    click.echo(f"wrote {path} ({programs} program(s), {failed} failed file(s))")


@cli.command("import")
@click.argument("sources", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--into", "into", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The input workbook to copy (the template, blank or partly filled); "
                   "never modified.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the filled copy.")
@click.option("--as", "as_", type=click.Choice(["reaction", "application", "learning"]),
              default=None,
              help="What the exports hold (default: reaction); learning: Moodle grades, "
                   "one post-test or a pre-test then a post-test.")
@click.option("--level", type=click.Choice(["1", "3"]), default=None,
              help="The same as --as: 1 reaction, 3 application.")
@click.option("--group", default=None, help="The group (as named in Groups) of every response.")
@click.option("--keep-names", is_flag=True,
              help="Keep emails or names as Respondent (default: a stable pseudonym).")
@click.option("--pre", "pre", default=None,
              help="With --as learning: a part of the pre-test's name (a gradebook's "
                   "column or a report's file) when the exports hold more than two tests.")
@click.option("--post", "post", default=None,
              help="With --as learning: a part of the post-test's name.")
@click.option("--skip-bad-rows", is_flag=True,
              help="Leave out the responses with a problem (listed) instead of writing "
                   "nothing.")
def import_(sources: tuple[Path, ...], into: Path, output: Path,  # noqa: PLR0913
            as_: str | None, level: str | None, group: str | None, pre: str | None,
            post: str | None, *, keep_names: bool, skip_bad_rows: bool) -> None:
    """Bring survey exports (Google Forms CSV or .xlsx, Microsoft Forms .xlsx) or Moodle
    grades (--as learning) into a copy of the input workbook: a Questions row per question
    (scale found from the answers) and a Reaction or Application row per response, or a
    Learning row per person; and a mapping table.

    \b
    Example:
        roti-excel import reaksi.csv --into pelatihan.xlsx -o pelatihan_terisi.xlsx
    """
    from roti_excel.importing import import_exports

    if as_ is not None and level is not None and as_ != {"1": "reaction", "3": "application"
                                                         }[level]:
        raise click.UsageError("--as and --level disagree; give one of them")
    problem = clash([*sources, into], [(into, output)])
    if problem is not None:
        raise click.UsageError(problem)
    survey = as_ or {"1": "reaction", "3": "application", None: "reaction"}[level]
    if (pre or post) and survey != "learning":
        raise click.UsageError("--pre and --post go with --as learning")
    outcome = import_exports(list(sources), into, output, survey=survey, group=group,
                             keep_names=keep_names, skip_bad_rows=skip_bad_rows,
                             tests=(pre, post))
    lang = outcome.language
    for line in outcome.mapping:
        click.echo(" | ".join(line))
    for text in (*outcome.notes, *outcome.todo):
        click.echo(warning_prefix(lang) + text.render(lang))
    for text in outcome.errors:
        click.echo(text.render(lang), err=True)
    if not outcome.written:
        click.echo(msg("import_nothing_written").render(lang), err=True)
        sys.exit(1)
    click.echo(msg("wrote", path=str(output)).render(lang))


def _terminated(signum: int, frame: FrameType | None) -> None:
    """SIGTERM (a service manager stopping the command, `timeout`) unwinds like Ctrl-C does,
    so every temporary file is removed on the way out and no partial report is left."""
    raise SystemExit(128 + signum)


def main() -> None:
    # batch and watch install their own handlers: they finish the files in hand first
    signal.signal(signal.SIGTERM, _terminated)
    cli(prog_name="roti-excel")


if __name__ == "__main__":
    main()
