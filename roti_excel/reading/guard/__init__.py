"""Judge an input file before any parser touches it.

python-calamine aborts the whole Python process (no exception to catch) when a sheet has a
cell at XFD1048576, openpyxl runs out of memory on a merged range or a sheet that large, and
zip and XML bombs exist. So this package looks at the file itself, with the standard library
and defusedxml only, and turns everything it finds into :class:`~roti_excel.issues.Issue`s:

* the file: missing, a folder, unreadable, empty, too large;
* what it really is: zip (xlsx/xlsm/xlsb), OLE (legacy .xls or a password-protected
  workbook), text (CSV, HTML or XML renamed .xlsx), anything else;
* the zip: damaged, duplicate or too many entries, declared sizes and compression ratios;
* every XML part: no DTD or entity declaration (in UTF-8 or UTF-16, anywhere in the
  part, not only its first KB); the few parsed into elements are parsed with defusedxml;
* the workbook: sheets, hidden sheets, external links, macros;
* each sheet, scanned as a byte stream without building a tree: the extent of its cells,
  merged ranges, formulas without a stored value, strings over Excel's 32,767 characters.

The parts a parser reads on opening a workbook (content types, relationships, workbook,
shared strings, styles, every part but the sheets) are judged first, then the sheets in
order; `cleared` is told each sheet found safe while no error has been found, so its parse
can run beside the rest of the judging (calamine lets go of the interpreter while parsing).

Every entry read is decompressed here, as a stream, with a byte cap, and must end exactly
at the size and CRC its zip declares: a zip that lies about its sizes is refused and cannot
make the guard use more memory or time than the limits allow. Work is linear in the bytes
unpacked (about 40 MB/s) and memory stays near 10 MB above the interpreter's.
:func:`inspect_file` never raises for anything in the file and never writes to it.

The package: ``limits`` (Limits, SheetFacts, GuardResult), ``filetype`` (magic bytes, OLE,
text sniffing), ``zipcheck`` (contents list, declared sizes, streamed inflation),
``xmlcheck`` (DTDs, defusedxml), ``xmlstream`` (UTF-16, prefixes, cutting a stream into
whole elements), ``sheetscan`` (extents, merged, formulas, long strings), ``workbookparts``
(content types, relationships, sheets, the other parts) and ``common`` (messages, refs).
"""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import ParseError

import defusedxml

from roti_excel.issues import Issue, error, sort_issues
from roti_excel.messages import msg
from roti_excel.reading.guard.common import DAMAGED, NEW_COPY, Refused, damaged, size_text
from roti_excel.reading.guard.filetype import ZIP_MAGIC, not_zip_issue, open_regular
from roti_excel.reading.guard.limits import DEFAULT_LIMITS, GuardResult, Limits, SheetFacts
from roti_excel.reading.guard.workbookparts import State, inspect_zip
from roti_excel.reading.guard.zipcheck import directory_record

__all__ = ["DEFAULT_LIMITS", "GuardResult", "Limits", "SheetFacts", "inspect_file"]

# Errors the standard library raises on a damaged file: zipfile's BadZipFile (its
# directory), zlib.error (a broken deflate stream), OSError (reading), struct.error; and,
# kept for safety, EOFError and NotImplementedError, which zipfile raises when reading.
_FILE_ERRORS = (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
                struct.error)


# --------------------------------------------------------------------------- entry point


def inspect_file(path: Path | str, limits: Limits = DEFAULT_LIMITS,
                 cleared: Callable[[str], None] | None = None) -> GuardResult:
    """Judge the file before any parser reads it. Never raises for anything in the file;
    never writes to it. `result.ok` is False when the file must not be parsed.

    `cleared`, when given, is told each sheet's name once that sheet, every part a parser
    reads on opening the workbook and every sheet before it are found safe: a parser may
    read that sheet while the guard goes on (it must still use nothing when the result is
    not ok)."""
    path = Path(path)
    state = State([], [])
    fh, problem = open_regular(path)
    if fh is None:
        return GuardResult([problem] if problem else [], [], is_macro_enabled=False)
    with fh:
        try:
            _inspect_open(fh, path, limits, state, cleared)
        except Refused as refused:
            state.issues.append(refused.issue)
        except (ParseError, defusedxml.DefusedXmlException) as exc:
            state.issues.append(error(damaged("file_invalid_xml", detail=str(exc))))
        except _FILE_ERRORS as exc:
            state.issues.append(_damaged(exc))
    return GuardResult(sort_issues(state.issues), state.sheets, state.macro)


def _damaged(exc: BaseException) -> Issue:
    if isinstance(exc, OSError):
        return error(msg("file_cannot_read", reason=str(exc.strerror or exc)))
    return error(msg("file_damaged_unzip", damaged=DAMAGED))


def _inspect_open(fh: BinaryIO, path: Path, limits: Limits, state: State,
                  cleared: Callable[[str], None] | None) -> None:
    size = os.fstat(fh.fileno()).st_size
    if size == 0:
        state.issues.append(error(msg("file_empty")))
        return
    if size > limits.max_file_bytes:
        state.issues.append(error(msg("file_too_large", size=size_text(size),
                                      limit=size_text(limits.max_file_bytes))))
        return
    head = fh.read(64 * 1024)
    if not head.startswith(ZIP_MAGIC):
        state.issues.append(not_zip_issue(fh, head, size, path.suffix or ".xlsx", limits))
        return
    record = directory_record(fh, size)
    if record is not None:
        entries, cd_size = record
        if entries > limits.max_entries or cd_size > limits.max_directory_bytes:
            state.issues.append(error(msg("too_many_parts_listed", parts=entries,
                                          size=size_text(cd_size), new_copy=NEW_COPY)))
            return
    fh.seek(0)
    with zipfile.ZipFile(fh) as zf:
        inspect_zip(zf, fh, limits, state, cleared)
