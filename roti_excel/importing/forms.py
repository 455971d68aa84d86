"""Google Forms and Microsoft Forms exports: which columns are the form's own (time stamp,
email, name, score, quiz points and feedback) and which are questions, and who answered
each row (to find duplicates and make pseudonyms), with the response's date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from roti_excel.importing.source import Cell, SourceError, SourceTable
from roti_excel.messages import Text, msg
from roti_excel.reading.cell_values import as_date
from roti_excel.schema import normalise

GOOGLE_TIME = ("timestamp", "stempel waktu", "cap waktu", "tanda waktu")
MS_FORMS_FIRST = ("id",)
MS_FORMS_TIME = ("start time", "waktu mulai")
# the form's own columns (normalised), by what they say about a response
IDENTITY = ("email address", "alamat email", "email", "surel", "username", "nama pengguna",
            "name", "nama")
META = (*GOOGLE_TIME, *MS_FORMS_FIRST, *MS_FORMS_TIME, *IDENTITY, "score", "skor", "nilai",
        "completion time", "waktu penyelesaian", "waktu selesai", "last modified time",
        "waktu terakhir diubah", "total points", "total poin", "quiz feedback",
        "umpan balik kuis")
META_PREFIXES = ("points - ", "poin - ", "feedback - ", "umpan balik - ")
ANONYMOUS = ("anonymous", "anonim")
_SLASH_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\b")


@dataclass(frozen=True)
class Response:
    row: int  # in the export
    who: str  # email or name, normalised; "" when anonymous
    day: dt.date | None
    answers: tuple[Cell, ...]  # one per question


@dataclass(frozen=True)
class FormExport:
    source: SourceTable
    kind: str  # "Google Forms" or "Microsoft Forms"
    questions: tuple[str, ...]  # the question texts, as headed
    columns: tuple[int, ...]  # their positions in the export
    responses: tuple[Response, ...]
    notes: tuple[Text, ...] = ()  # what the reading decided and says (date order, ...)


def is_meta(header: str) -> bool:
    h = normalise(header)
    return h in META or h.startswith(META_PREFIXES)


def form_kind(headers: tuple[str, ...]) -> str | None:
    first = [normalise(h) for h in headers[:3]]
    if first and first[0] in GOOGLE_TIME:
        return "Google Forms"
    if len(first) >= 2 and first[0] in MS_FORMS_FIRST and first[1] in MS_FORMS_TIME:
        return "Microsoft Forms"
    return None


def read_form(table: SourceTable) -> FormExport:
    """The export's questions and responses. Raises SourceError when it is not a form
    export, has no question or no response."""
    table = _below_titles(table)
    kind = form_kind(table.headers)
    if kind is None:
        found = ", ".join(f"'{h}'" for h in table.headers[:3]) or "(none)"
        raise SourceError(msg("import_kind", file=table.name, found=found))
    columns = tuple(i for i, h in enumerate(table.headers) if h and not is_meta(h))
    if not columns:
        raise SourceError(msg("import_no_questions", file=table.name))
    if not table.rows:
        raise SourceError(msg("import_no_rows", file=table.name))
    time_col = 0 if kind == "Google Forms" else 1
    identity = [i for i, h in enumerate(table.headers) if normalise(h) in IDENTITY]
    day_first, notes = _date_order(table, time_col)
    days: dict[Cell, dt.date | None] = {}  # the date part of each time stamp, read once
    responses = tuple(
        Response(table.first_row + n, _who(row, identity),
                 _cached_day(days, row[time_col], day_first=day_first),
                 tuple(row[i] for i in columns))
        for n, row in enumerate(table.rows))
    return FormExport(table, kind, tuple(table.headers[i] for i in columns), columns,
                      responses, notes)


TITLE_ROWS = 5  # rows someone may have put above the form's own header row


def _below_titles(table: SourceTable) -> SourceTable:
    """The table from the form's header row, when title rows were put above it (a
    merged "Form responses" row): the header is found by its exact first columns."""
    if form_kind(table.headers) is not None:
        return table
    for n, row in enumerate(table.rows[:TITLE_ROWS]):
        headers = tuple(" ".join(str(v).split()) if v is not None else "" for v in row)
        if form_kind(headers) is not None:
            return SourceTable(table.path, headers, table.rows[n + 1:],
                               table.first_row + n + 1)
    return table


def bad_times(form: FormExport) -> list[Text]:
    """A message per time stamp that is not a date (the response's date is left blank)."""
    table = form.source
    time_col = 0 if form.kind == "Google Forms" else 1
    return [msg("import_bad_time", file=table.name, row=r.row,
                column=table.headers[time_col], value=str(raw))
            for r, raw in zip(form.responses, (row[time_col] for row in table.rows),
                              strict=True)
            if raw is not None and r.day is None]


def _who(row: tuple[Cell, ...], identity: list[int]) -> str:
    for i in identity:
        value = row[i]
        if isinstance(value, str) and value.strip() and normalise(value) not in ANONYMOUS:
            return normalise(value)
    return ""


def _date_order(table: SourceTable, col: int) -> tuple[bool, tuple[Text, ...]]:
    """Whether a/b/yyyy time stamps are day first: the column decides (a first field above
    12 is a day, a second one a day too); all ambiguous reads day first, as Indonesia
    writes dates, and says so."""
    pairs = [(int(m.group(1)), int(m.group(2))) for row in table.rows
             if isinstance(row[col], str) and (m := _SLASH_DATE.match(str(row[col])))]
    if not pairs or any(a > 12 for a, _ in pairs):
        return True, ()
    if any(b > 12 for _, b in pairs):
        return False, ()
    return True, (msg("import_dates_day_first", file=table.name, column=table.headers[col]),)


def _cached_day(days: dict[Cell, dt.date | None], value: Cell, *,
                day_first: bool) -> dt.date | None:
    """The day of a time stamp; text is read once per date part (time stamps differ by
    the second, their dates repeat)."""
    if not isinstance(value, str):
        return _day(value, day_first=day_first)
    text = value.strip()
    head, _, tail = text.partition(" ")
    # 2025/03/12 4:15:32 PM: the date part is the key; "12 Maret 2025" is read whole
    key = head if tail and ("/" in head or "-" in head) else text
    if key not in days:
        days[key] = _day(text, day_first=day_first)
    return days[key]


def _day(value: Cell, *, day_first: bool) -> dt.date | None:
    if value is None or isinstance(value, float):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    text = value.strip()
    m = _SLASH_DATE.match(text)
    if m and not day_first:
        try:
            return dt.date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
        except ValueError:
            return None
    return as_date(text)
