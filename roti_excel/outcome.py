"""What happened to one input file: the one type `run`, `batch` and `watch` share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from roti_excel.domain import FileStatus

if TYPE_CHECKING:  # the summary module imports the whole method; a type needs none of it
    from roti_excel.summary import Summary


@dataclass
class FileOutcome:
    """What happened to one input file, whoever processed it (`run`, a drop-folder worker,
    or the runner for a worker that died): its status, every message (`FILE: SHEET!CELL:
    message`, errors first) and, when a report was written, its path and JSON summary."""

    source: Path
    status: FileStatus
    messages: list[str] = field(default_factory=list)
    summary: Summary | None = None
    report: Path | None = None
    seconds: float = 0.0
    finished: dt.datetime = field(default_factory=dt.datetime.now)
    error_count: int = 0  # the first this many messages are errors, the rest warnings
    language: str = "en"  # the messages' language (the workbook's, or the one asked for)
    # the file looked cut short (empty, or it cannot be unzipped): perhaps still arriving
    incomplete: bool = False

    @property
    def errors(self) -> list[str]:
        return self.messages[: self.error_count]

    @property
    def ok(self) -> bool:
        return self.status is FileStatus.OK

    @property
    def first_error(self) -> str:
        return self.messages[0] if self.messages else ""
